//! The analysed corpus: meetings, speakers and turns, each turn's word tokens as key ids in the token store, and
//! per key its stem, its most frequent surface form and its stopword mark. Built by [`super::build`] from the
//! meetings [`super::local`] tokenized; read by every measure.
//!
//! Ids are plain `u32` indices; the aliases [`SpeakerId`], [`MeetingId`], [`KeyId`] and [`TermId`] say which table
//! an index points into.

use crate::text::lemma::{NameKind, PersonPart, Pos};
use crate::text::Language;

use super::intern::{Interner, Strings};
use super::lexdiv::Text;
use super::store::{TokenError, TokenStore, TurnReader};

/// An index into [`Corpus::speakers`].
pub type SpeakerId = u32;
/// An index into [`Corpus::meetings`].
pub type MeetingId = u32;
/// An index into [`Corpus::keys`] (a word's key: lowercase, `ё` → `е`).
pub type KeyId = u32;
/// A term of a view ([`super::View`]): a key id in the key view, a stem id in the stem view, a lemma id in the
/// lemma view.
pub type TermId = u32;

/// The index of the speaker called `name` exactly in a list of speakers sorted by name (as
/// [`Corpus::speakers`]): the one speaker-name lookup.
pub fn find_speaker(speakers: &[String], name: &str) -> Option<SpeakerId> {
    speakers
        .binary_search_by(|s| s.as_str().cmp(name))
        .ok()
        .map(|i| i as SpeakerId)
}

/// The speaker name under which the text of files without speaker labels is counted.
pub const NARRATION: &str = "(narration)";

/// How the word before a token relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Gap {
    /// Adjacent words in one sentence.
    Adjacent = 0,
    /// In one sentence with punctuation, a number or a symbol between.
    Punct = 1,
    /// The first word of a sentence (or of a turn).
    Sentence = 2,
}

/// One turn, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnTokens {
    /// Index into [`Corpus::meetings`].
    pub meeting: MeetingId,
    /// Index into [`Corpus::speakers`].
    pub speaker: SpeakerId,
    /// 1-based turn number within its meeting.
    pub number: u32,
    /// Interpreted speech.
    pub interpreted: bool,
    /// Index of the turn's first word token in [`Corpus::tokens`].
    pub start: u64,
    /// Number of word tokens.
    pub words: u32,
    /// Sentences that contain at least one word.
    pub sentences: u32,
}

impl TurnTokens {
    /// Number of word tokens.
    pub fn len(&self) -> usize {
        self.words as usize
    }

    /// No word tokens.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }
}

/// What the tables need to know of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInfo {
    /// The meeting id (file stem).
    pub id: String,
    /// `YYYY-MM-DD` or empty.
    pub date: String,
    /// `HH:MM[:SS]` or empty.
    pub time: String,
    /// Title or empty.
    pub title: String,
    /// Place or empty.
    pub place: String,
    /// Source URL or empty.
    pub source: String,
    /// Language of the text.
    pub language: Language,
}

/// The analysed corpus.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Meetings in date order.
    pub meetings: Vec<MeetingInfo>,
    /// Speakers, sorted by name.
    pub speakers: Vec<String>,
    /// Turns in meeting order, then turn order.
    pub turns: Vec<TurnTokens>,
    /// The word tokens of every turn (read them with [`Corpus::reader`]).
    pub tokens: TokenStore,
    /// Keys (lowercase, `ё` → `е`).
    pub keys: Interner,
    /// Stems.
    pub stems: Interner,
    /// The stem id of each key id.
    pub stem_of: Vec<u32>,
    /// The most frequent surface form of each key (ties: the smallest string).
    pub key_form: Strings,
    /// The most frequent surface form of each stem over all its keys (ties: the smallest string).
    pub stem_form: Strings,
    /// Whether each key is a stopword.
    pub key_stop: Vec<bool>,
    /// Whether each stem is the stem of a stopword.
    pub stem_stop: Vec<bool>,
    /// Lemmas (folded like keys); a word without a dictionary (English) has its stem as its lemma.
    pub lemmas: Interner,
    /// The lemma id of each key id.
    pub lemma_of: Vec<u32>,
    /// Each lemma as shown: as the corpus writes it where it occurs in that form, else as the dictionary spells it.
    pub lemma_form: Strings,
    /// Whether each lemma is the lemma of a stopword.
    pub lemma_stop: Vec<bool>,
    /// The part of speech of each key, lemma and stem (of its most frequent key) ([`Pos::Unknown`] without a
    /// dictionary).
    pub pos: TermMarks<Pos>,
    /// Whether each key, stem and lemma is a content word ([`super::Content`]).
    pub content: TermMarks<bool>,
    /// The name type of each lemma (of its most frequent key), for names.
    pub lemma_name: Vec<Option<NameKind>>,
    /// For a person's name, which part of it each lemma is (of its most frequent key).
    pub lemma_part: Vec<Option<PersonPart>>,
    /// Syllables of each key ([`super::readability::syllables`]; see [`Corpus::syllables`]).
    pub key_syllables: Vec<u8>,
}

/// One mark per term of each view.
#[derive(Debug, Default, Clone)]
pub struct TermMarks<T> {
    /// Per key.
    pub key: Vec<T>,
    /// Per stem.
    pub stem: Vec<T>,
    /// Per lemma.
    pub lemma: Vec<T>,
}

impl Corpus {
    /// Syllables of key `w` ([`super::readability::syllables`]), from [`Corpus::key_syllables`] (counted from the
    /// key's letters for a corpus built by hand without them).
    pub fn syllables(&self, w: KeyId) -> u32 {
        match self.key_syllables.get(w as usize) {
            Some(&n) => u32::from(n),
            None => super::readability::syllables(self.keys.resolve(w)),
        }
    }

    /// Appends a turn and its word tokens (key ids, and how each follows the one before) to a corpus built by
    /// hand; `turn.start` and `turn.words` are set here.
    pub fn push_turn(&mut self, mut turn: TurnTokens, words: &[u32], gaps: &[Gap]) {
        assert_eq!(words.len(), gaps.len(), "one gap per word");
        turn.start = self.tokens.push(words.iter().copied(), gaps);
        turn.words = words.len() as u32;
        self.turns.push(turn);
    }

    /// A reader of turns' word tokens (one per thread).
    pub fn reader(&self) -> TurnReader<'_> {
        TurnReader::new(&self.tokens)
    }

    /// The id of the speaker called `name` exactly.
    pub fn speaker_id(&self, name: &str) -> Option<SpeakerId> {
        find_speaker(&self.speakers, name)
    }

    /// Word tokens of a speaker in text order over meetings in date order.
    pub fn speaker_words(&self, speaker: SpeakerId) -> Result<Vec<KeyId>, TokenError> {
        self.words_of(self.turns.iter().filter(|t| t.speaker == speaker))
    }

    /// Word tokens of a speaker in one meeting, in text order.
    pub fn speaker_meeting_words(
        &self,
        speaker: SpeakerId,
        meeting: MeetingId,
    ) -> Result<Vec<KeyId>, TokenError> {
        self.words_of(
            self.turns
                .iter()
                .filter(|t| t.speaker == speaker && t.meeting == meeting),
        )
    }

    /// The word tokens of some turns, one after the other.
    pub fn words_of<'t>(
        &self,
        turns: impl IntoIterator<Item = &'t TurnTokens>,
    ) -> Result<Vec<KeyId>, TokenError> {
        let mut reader = self.reader();
        let mut out = Vec::new();
        for t in turns {
            out.extend_from_slice(reader.words(t)?);
        }
        Ok(out)
    }

    /// Hands the word tokens of some turns, turn by turn, to `f`, without holding more than one turn.
    pub fn for_each_chunk<'t>(
        &self,
        turns: impl IntoIterator<Item = &'t TurnTokens>,
        mut f: impl FnMut(&[KeyId]),
    ) -> Result<(), TokenError> {
        let mut reader = self.reader();
        for t in turns {
            f(reader.words(t)?);
        }
        Ok(())
    }

    /// Total word tokens.
    pub fn total_words(&self) -> usize {
        self.turns.iter().map(TurnTokens::len).sum()
    }
}

/// Some turns' word tokens as one [`Text`], read from the token store chunk by chunk (a chunk is a turn).
pub struct TurnsText<'c> {
    corpus: &'c Corpus,
    turns: Vec<&'c TurnTokens>,
    len: usize,
    bound: usize,
}

impl<'c> TurnsText<'c> {
    /// The text of `turns`, in the order given.
    pub fn new(
        corpus: &'c Corpus,
        turns: impl IntoIterator<Item = &'c TurnTokens>,
    ) -> Result<TurnsText<'c>, TokenError> {
        let turns: Vec<&TurnTokens> = turns.into_iter().collect();
        let len = turns.iter().map(|t| t.len()).sum();
        // The largest id, read once: a text that uses only low ids gets dense counts.
        let mut max = None;
        corpus.for_each_chunk(turns.iter().copied(), |words| {
            max = max.max(words.iter().copied().max());
        })?;
        let bound = max.map_or(0, |m| m as usize + 1);
        Ok(TurnsText {
            corpus,
            turns,
            len,
            bound,
        })
    }
}

impl Text for TurnsText<'_> {
    type Error = TokenError;

    fn len(&self) -> usize {
        self.len
    }

    fn id_bound(&self) -> usize {
        self.bound
    }

    fn chunks(&self, backward: bool, f: &mut dyn FnMut(&[u32])) -> Result<(), TokenError> {
        let mut reader = self.corpus.reader();
        let mut read = |t: &&TurnTokens| reader.words(t).map(&mut *f);
        if backward {
            self.turns.iter().rev().try_for_each(&mut read)
        } else {
            self.turns.iter().try_for_each(&mut read)
        }
    }
}
