//! One meeting's turns tokenized on their own: word tokens as key ids local to the meeting, the gaps between them,
//! sentences, and the surface forms written other than as their key. Meetings are tokenized in parallel this way
//! and merged in a fixed order by [`super::build`], which maps the local ids to the corpus' ids.
//!
//! **What is counted.** The spoken text of every turn (editorial insertions and stage directions are not speech).
//! Lead paragraphs and headings are the editors' narration and are not counted, except in a file without any
//! speaker label (plain prose), whose text is counted under the speaker [`NARRATION`].

use crate::lang::LanguageCode;
use crate::text::normalize::key_into;
use crate::text::sentences::sentence_ranges;
use crate::text::{tokenize, Token, TokenKind};
use crate::transcript::{Block, Meeting};

use super::forms::Surfaces;
use super::grams::Grams;
use super::intern::Interner;
use super::model::{MeetingInfo, NARRATION};
use super::options::{AnalysisOptions, Interpreted};
use super::turn::{Gap, KeyId};

/// A turn as tokenized, before its words go to the corpus' token store.
pub(super) struct LocalTurn {
    /// 1-based turn number within the meeting.
    pub number: u32,
    /// Interpreted speech.
    pub interpreted: bool,
    /// Key ids (local to the meeting) of the word tokens in text order.
    pub words: Vec<KeyId>,
    /// For each word, how it follows the previous one.
    pub gaps: Vec<Gap>,
    /// Sentences that contain at least one word.
    pub sentences: u32,
    /// What the source says of the speaker at this turn.
    pub attributes: Vec<(String, String)>,
    /// The pairs and triples of words counted in the turn, when its words are a bag rebuilt from counts.
    pub grams: Option<Box<Grams>>,
}

/// A meeting tokenized with local ids, before it is merged into the corpus.
pub(super) struct Local {
    /// The meeting's metadata.
    pub info: MeetingInfo,
    /// The file it was read from.
    pub path: String,
    /// Its keys, in order of first occurrence.
    pub keys: Interner,
    /// Its surface forms that differ from their key.
    pub surfaces: Surfaces,
    /// Each turn's label and name (resolved to a speaker at the end) and its tokens with local key ids.
    pub turns: Vec<(String, String, LocalTurn)>,
    /// Interpreted turns left out ([`Interpreted::Exclude`]) and their words.
    pub excluded: (usize, usize),
    /// Languages: see [`Spoken`].
    pub spoken: Spoken,
}

/// The languages of a meeting's words. A turn the source marks as in a language stenogram does not analyse
/// ([`LanguageCode::analysed`]: Ukrainian, Bulgarian, …) is counted *by key*: its words get no stem, lemma, part of
/// speech or built-in stopword mark of another language. A key also said in an analysed turn is analysed (one key
/// has one stem and lemma in a corpus). `--lang` makes every turn analysed in the language it names.
#[derive(Default)]
pub(super) struct Spoken {
    /// Words per language, most first (ties by code).
    pub words: Vec<(LanguageCode, u64)>,
    /// Words counted by key, per language.
    pub by_key: Vec<(LanguageCode, u64)>,
    /// For each local key, whether an analysed turn says it; `None` when every turn is analysed.
    pub analysed: Option<Vec<bool>>,
}

/// Adds `n` to the count of `code`.
pub(super) fn add_words(counts: &mut Vec<(LanguageCode, u64)>, code: LanguageCode, n: u64) {
    match counts.iter_mut().find(|(c, _)| *c == code) {
        Some((_, count)) => *count += n,
        None => counts.push((code, n)),
    }
}

impl Spoken {
    /// Counts a turn's words in `code`, marking them analysed if `by_key` is false.
    fn add(&mut self, code: LanguageCode, by_key: bool, words: &[KeyId], keys: usize) {
        add_words(&mut self.words, code, words.len() as u64);
        if by_key {
            add_words(&mut self.by_key, code, words.len() as u64);
        }
        if let Some(analysed) = &mut self.analysed {
            analysed.resize(keys, false);
            if !by_key {
                words.iter().for_each(|&w| analysed[w as usize] = true);
            }
        }
    }

    /// The words sorted, most first.
    fn sort(&mut self) {
        self.words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
}

/// Tokenizes one text: its words' key ids (interned in `keys`), gaps and number of sentences.
fn analyse_text(
    text: &str,
    keys: &mut Interner,
    spellings: &mut Spellings,
) -> (Vec<u32>, Vec<Gap>, u32) {
    // The tokens go into a buffer each thread keeps while files are read ([`release_buffers`] after): a long turn
    // (a novel read as one) needs megabytes, which are reused rather than asked of the allocator (and faulted in)
    // turn after turn.
    TOKENS.with_borrow_mut(|tokens| {
        tokens.clear();
        tokens.extend(tokenize(text));
        let result = words_of(text, tokens, keys, spellings);
        // A buffer grown by a very long turn is not kept for the rest of the run.
        if tokens.capacity() > TOKENS_KEPT {
            *tokens = Vec::new();
        }
        result
    })
}

/// Tokens a thread's buffer keeps between turns (24 MiB).
const TOKENS_KEPT: usize = 1 << 20;

thread_local! {
    /// Each thread's buffer of a turn's tokens ([`analyse_text`]).
    static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Frees the token buffers of the threads of the current rayon pool, once the files are read.
pub(super) fn release_buffers() {
    rayon::broadcast(|_| TOKENS.with_borrow_mut(|tokens| *tokens = Vec::new()));
}

/// The key id [`Spellings`] gives a surface whose key is empty (nothing but marks): not a word.
const NO_KEY: KeyId = KeyId::MAX;

/// A meeting's surfaces as written, each with its key: a word is looked up as it is written, and its key is made
/// (normalized, lowercased, interned) only the first time that spelling occurs, not at every token.
#[derive(Default)]
struct Spellings {
    /// The surfaces, in order of first occurrence.
    table: Interner,
    /// Per surface: its key id ([`NO_KEY`] if empty), whether it is written as its key, and its count.
    of: Vec<(KeyId, bool, u32)>,
    /// The key being made.
    key: String,
}

/// Bytes of text per distinct spelling, generously: a novel of 1 MB has 18,000 to 25,000 spellings (four novels of
/// `bench/ruslit` counted with a `\w+` pattern), so tables made with one entry per 32 bytes do not grow.
const BYTES_PER_SPELLING: usize = 32;

impl Spellings {
    /// Tables with room for `n` spellings.
    fn with_capacity(n: usize) -> Spellings {
        Spellings {
            table: Interner::with_capacity(n),
            of: Vec::with_capacity(n),
            key: String::new(),
        }
    }

    /// The key id of `surface` (interned in `keys` the first time), counted; [`NO_KEY`] for a surface without one.
    #[inline]
    fn key(&mut self, surface: &str, keys: &mut Interner) -> KeyId {
        let s = self.table.intern(surface) as usize;
        if s == self.of.len() {
            key_into(surface, &mut self.key);
            let id = if self.key.is_empty() {
                NO_KEY
            } else {
                keys.intern(&self.key)
            };
            self.of.push((id, surface == self.key, 0));
        }
        let (id, _, count) = &mut self.of[s];
        *count += 1;
        *id
    }

    /// The surfaces written other than as their key, with their counts (in order of first occurrence).
    fn into_surfaces(self) -> Surfaces {
        let mut out = Surfaces::default();
        for (surface, &(id, as_key, n)) in self.table.iter().zip(&self.of) {
            if id != NO_KEY && !as_key {
                let form = out.strings.intern(surface);
                out.counts.insert((id, form), n);
            }
        }
        out
    }
}

/// The word keys of a turn's tokens, how each follows the one before, and the number of its sentences.
fn words_of(
    text: &str,
    tokens: &[Token],
    keys: &mut Interner,
    spellings: &mut Spellings,
) -> (Vec<u32>, Vec<Gap>, u32) {
    let sentences = sentence_ranges(text, tokens);
    let mut words = Vec::with_capacity(tokens.len());
    let mut gaps = Vec::with_capacity(tokens.len());
    let mut sentence_count = 0;
    for range in sentences {
        let mut gap = Gap::Sentence;
        let mut any = false;
        for t in &tokens[range] {
            if t.kind != TokenKind::Word {
                if gap == Gap::Adjacent {
                    gap = Gap::Punct;
                }
                continue;
            }
            let id = spellings.key(t.surface(text), keys);
            if id == NO_KEY {
                continue;
            }
            words.push(id);
            gaps.push(gap);
            gap = Gap::Adjacent;
            any = true;
        }
        if any {
            sentence_count += 1;
        }
    }
    (words, gaps, sentence_count)
}

fn local_turn(
    number: u32,
    interpreted: bool,
    words: Vec<u32>,
    gaps: Vec<Gap>,
    sentences: u32,
    attributes: Vec<(String, String)>,
) -> LocalTurn {
    LocalTurn {
        number,
        interpreted,
        words,
        gaps,
        sentences,
        attributes,
        grams: None,
    }
}

/// Tokenizes a meeting's turns (or, when it has none, its lead paragraphs as narration); interpreted turns are
/// left out with [`Interpreted::Exclude`] (their numbers stay taken, so turn numbers are the transcript's).
pub(super) fn analyse_meeting(meeting: &Meeting, options: &AnalysisOptions) -> Local {
    let interpreted = options.interpreted;
    // The language of a turn, and whether its words are counted by key.
    let language = |turn: &crate::transcript::Turn| {
        let code = turn.language.unwrap_or(meeting.language.into());
        (
            code,
            options.language.is_none() && code.analysed().is_none(),
        )
    };
    let any_by_key = meeting.turns().any(|t| language(t).1);
    // The tables of the meeting's spellings and keys are made about as large as its text will need, so that they
    // do not grow (and rehash every string) over and over on a long text.
    let bytes: usize = meeting
        .blocks
        .iter()
        .map(|b| match b {
            Block::Turn(turn) => turn.paragraphs.iter().map(|p| p.spoken.len()).sum(),
            Block::Lead { text, .. } => text.len(),
            _ => 0,
        })
        .sum();
    let room = bytes / BYTES_PER_SPELLING;
    let mut local = Local {
        info: MeetingInfo {
            id: meeting.id.clone(),
            date: meeting.date,
            time: meeting.time.clone().unwrap_or_default(),
            title: meeting.title.clone().unwrap_or_default(),
            place: meeting.place.clone().unwrap_or_default(),
            source: meeting.source.clone().unwrap_or_default(),
            language: meeting.language,
            spoken: meeting.language.into(),
            format: meeting.format,
            attributes: meeting.attributes.clone(),
        },
        path: meeting.path.clone(),
        keys: Interner::with_capacity(room),
        surfaces: Surfaces::default(),
        turns: Vec::new(),
        excluded: (0, 0),
        spoken: Spoken {
            words: Vec::new(),
            by_key: Vec::new(),
            analysed: any_by_key.then(Vec::new),
        },
    };
    let mut spellings = Spellings::with_capacity(room);
    let mut number = 0;
    for block in &meeting.blocks {
        if let Block::Turn(turn) = block {
            number += 1;
            if turn.interpreted && interpreted == Interpreted::Exclude {
                local.excluded.0 += 1;
                local.excluded.1 += crate::text::count_words(&turn.spoken());
                continue;
            }
            let (words, gaps, sentences) =
                analyse_text(&turn.spoken(), &mut local.keys, &mut spellings);
            let (code, by_key) = language(turn);
            local.spoken.add(code, by_key, &words, local.keys.len());
            let attributes = turn.attributes.clone();
            let tokens = local_turn(number, turn.interpreted, words, gaps, sentences, attributes);
            local
                .turns
                .push((turn.label.clone(), turn.name.clone(), tokens));
        }
    }
    if number == 0 {
        let text: Vec<&str> = meeting
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Lead { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        if !text.is_empty() {
            let (words, gaps, sentences) =
                analyse_text(&text.join("\n"), &mut local.keys, &mut spellings);
            let code = meeting.language.into();
            local.spoken.add(code, false, &words, local.keys.len());
            let tokens = local_turn(1, false, words, gaps, sentences, Vec::new());
            local
                .turns
                .push((NARRATION.to_string(), NARRATION.to_string(), tokens));
        }
    }
    local.surfaces = spellings.into_surfaces();
    local.spoken.sort();
    if let Some(&(code, _)) = local.spoken.words.first() {
        local.info.spoken = code;
    }
    local
}
