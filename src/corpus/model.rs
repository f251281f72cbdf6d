//! The analysed corpus: meetings, speakers and turns, each turn's word tokens as key ids in the token store, and
//! one [`Vocabulary`] per view (keys, stems, lemmas). Built by [`super::build`] from the meetings
//! [`super::local`] tokenized; read by every measure.

use chrono::NaiveDate;

use crate::lang::LanguageCode;
use crate::text::lemma::Pos;
use crate::text::syllables::syllables;
use crate::text::Language;

use super::about::About;
use super::store::{TokenError, TokenStore, TurnReader};
use super::turn::{Gap, KeyId, MeetingId, SpeakerId, TermId, TurnTokens};
use super::view::View;
use super::vocabulary::Vocabulary;

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

/// What the tables need to know of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInfo {
    /// The meeting id (file stem).
    pub id: String,
    /// The day of the meeting, if known.
    pub date: Option<NaiveDate>,
    /// `HH:MM[:SS]` or empty.
    pub time: String,
    /// Title or empty.
    pub title: String,
    /// Place or empty.
    pub place: String,
    /// Source URL or empty.
    pub source: String,
    /// The language the text is analysed in (stemmer, stopwords, readability).
    pub language: Language,
    /// The language of most of its words as the source names it (`uk` for a Ukrainian sitting, whose words are
    /// counted by key; otherwise `language`).
    pub spoken: LanguageCode,
    /// The reader that read it (`text`, `page`, …).
    pub format: &'static str,
    /// What the source says of the meeting, as (name, value) pairs ([`crate::transcript::Meeting::attributes`]).
    pub attributes: Vec<(String, String)>,
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
    /// The word tokens of every turn, as key ids (read them with [`Corpus::reader`]).
    pub tokens: TokenStore,
    /// Keys (lowercase, `ё` → `е`): the key view's vocabulary; a key id indexes it.
    pub keys: Vocabulary,
    /// Snowball stems: the stem view's vocabulary.
    pub stems: Vocabulary,
    /// Dictionary lemmas: the lemma view's vocabulary.
    pub lemmas: Vocabulary,
    /// Syllables of each key ([`crate::text::syllables`]; see [`Corpus::syllables`]).
    pub syllables: Vec<u8>,
    /// The distinct sets of turn attributes ([`crate::transcript::Turn::attributes`]); a turn's
    /// [`TurnTokens::attributes`] indexes this list, whose first set is the empty one.
    pub turn_attributes: Vec<Vec<(String, String)>>,
    /// The pairs and triples of words of turns rebuilt from counts, whose words are bags (empty for transcripts).
    pub grams: super::CountedGrams,
    /// What the run did with the cache of readings (`--cache`), if one was given.
    pub cache: Option<super::cache::CacheUse>,
    /// What is known of the speakers and meetings besides their words, and the groups, if the turns are grouped
    /// ([`super::groups::describe`]).
    pub about: About,
    /// Words of turns in languages stenogram does not analyse, counted by key (see [`super::local`]), per
    /// language, most first.
    pub by_key: Vec<(LanguageCode, u64)>,
}

impl MeetingInfo {
    /// A Russian meeting with only an id and a date, read as text: for corpora built by hand (tests, examples).
    pub fn dated(id: impl Into<String>, date: Option<NaiveDate>) -> MeetingInfo {
        MeetingInfo {
            id: id.into(),
            date,
            time: String::new(),
            title: String::new(),
            place: String::new(),
            source: String::new(),
            language: Language::Ru,
            spoken: Language::Ru.into(),
            format: "text",
            attributes: Vec::new(),
        }
    }
}

impl Corpus {
    /// Syllables of key `w` ([`crate::text::syllables`]), from [`Corpus::syllables`] (counted from the
    /// key's letters for a corpus built by hand without them).
    pub fn syllables(&self, w: KeyId) -> u32 {
        match self.syllables.get(w as usize) {
            Some(&n) => u32::from(n),
            None => syllables(self.keys.text(w)),
        }
    }

    /// The vocabulary of a view.
    #[inline]
    pub fn vocab(&self, view: View) -> &Vocabulary {
        match view {
            View::Key => &self.keys,
            View::Stem => &self.stems,
            View::Lemma => &self.lemmas,
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

    /// What the report says, once, of the words counted by key ([`Corpus::by_key`]), if any.
    pub fn by_key_note(&self) -> Option<String> {
        let words: u64 = self.by_key.iter().map(|(_, n)| n).sum();
        if words == 0 {
            return None;
        }
        let languages: Vec<String> = self
            .by_key
            .iter()
            .map(|(code, _)| match code.name() {
                "" => code.to_string(),
                name => format!("{name} ({code})"),
            })
            .collect();
        let share = 100.0 * words as f64 / self.total_words().max(1) as f64;
        Some(format!(
            "{words} words ({share:.1}%) in {} are counted by word key: stenogram has no stemmer, lemmatizer, \
             stopword list or readability formula for {}, so in every view such a word is its own term, a content \
             word unless --stopwords or --extra-stopwords lists it, and its speakers' readability is left empty",
            join_and(&languages),
            if languages.len() == 1 { "it" } else { "them" },
        ))
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The view's [`Vocabulary`], asked through the view: `view.form(corpus, term)` is
/// `corpus.vocab(view).form(term)`.
impl View {
    /// The term id of a key id in this view.
    #[inline]
    pub fn term(self, corpus: &Corpus, key: KeyId) -> TermId {
        corpus.vocab(self).term(key)
    }

    /// The string of a term.
    #[inline]
    pub fn text(self, corpus: &Corpus, term: TermId) -> &str {
        corpus.vocab(self).text(term)
    }

    /// How a term is shown: its most frequent surface form (a lemma: the lemma as the corpus writes it).
    #[inline]
    pub fn form(self, corpus: &Corpus, term: TermId) -> &str {
        corpus.vocab(self).form(term)
    }

    /// Whether a term is a stopword.
    #[inline]
    pub fn is_stop(self, corpus: &Corpus, term: TermId) -> bool {
        corpus.vocab(self).is_stop(term)
    }

    /// Whether a term is a content word, by the corpus' [`super::Content`] rule.
    #[inline]
    pub fn is_content(self, corpus: &Corpus, term: TermId) -> bool {
        corpus.vocab(self).is_content(term)
    }

    /// A term's part of speech.
    #[inline]
    pub fn pos(self, corpus: &Corpus, term: TermId) -> Pos {
        corpus.vocab(self).pos(term)
    }

    /// Each term's position among all terms of the view sorted by text.
    pub fn text_order(self, corpus: &Corpus) -> Vec<u32> {
        corpus.vocab(self).text_order()
    }

    /// Each term's position among all terms of the view sorted by form (ties by id).
    pub fn form_order(self, corpus: &Corpus) -> Vec<u32> {
        corpus.vocab(self).form_order()
    }

    /// Number of terms in this view.
    pub fn len(self, corpus: &Corpus) -> usize {
        corpus.vocab(self).len()
    }
}
