//! Meetings to an analysed corpus: every speaker turn tokenized, its word tokens interned to key ids in text order
//! with the gaps between them, and per key its stem, its most frequent surface form and its stopword mark.
//!
//! Meetings are tokenized in parallel, each with its own local table; a sequential merge in meeting order maps the
//! local ids to global ones, so the ids, and every table made from them, do not depend on the thread count.
//!
//! **What is counted.** The spoken text of every turn (editorial insertions and stage directions are not speech).
//! Lead paragraphs and headings are the editors' narration and are not counted, except in a file without any
//! speaker label (plain prose), whose text is counted under the speaker [`NARRATION`].
//!
//! **Stems.** Keys with Cyrillic letters get the Russian Snowball stemmer, other keys the English one, so a mixed
//! corpus needs no per-file choice; a forced language (`--lang`) stems every key with that language's stemmer.
//!
//! **Meeting order.** Meetings are ordered by date, then by id; a meeting without a date sorts last.

use rayon::prelude::*;

use hashbrown::HashMap;

use crate::text::normalize::key_into;
use crate::text::sentences::sentence_ranges;
use crate::text::stem::Stemmer;
use crate::text::{tokenize, Language, Stopwords, Token, TokenKind};
use crate::transcript::{Block, Meeting};

use super::intern::Interner;

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
    pub meeting: u32,
    /// Index into [`Corpus::speakers`].
    pub speaker: u32,
    /// 1-based turn number within its meeting.
    pub number: u32,
    /// Interpreted speech.
    pub interpreted: bool,
    /// Key ids of the word tokens in text order.
    pub words: Vec<u32>,
    /// For each word, how it follows the previous one.
    pub gaps: Vec<Gap>,
    /// Sentences that contain at least one word.
    pub sentences: u32,
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

/// Options of the analysis.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// The stopword list (the built-in lists of the languages present when `None`).
    pub stopwords: Option<Stopwords>,
    /// Stem every key with this language's stemmer instead of choosing by script.
    pub language: Option<Language>,
}

/// The analysed corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Meetings in date order.
    pub meetings: Vec<MeetingInfo>,
    /// Speakers, sorted by name.
    pub speakers: Vec<String>,
    /// Turns in meeting order, then turn order.
    pub turns: Vec<TurnTokens>,
    /// Keys (lowercase, `ё` → `е`).
    pub keys: Interner,
    /// Stems.
    pub stems: Interner,
    /// The stem id of each key id.
    pub stem_of: Vec<u32>,
    /// The most frequent surface form of each key (ties: the smallest string).
    pub key_form: Vec<String>,
    /// The most frequent surface form of each stem over all its keys (ties: the smallest string).
    pub stem_form: Vec<String>,
    /// Whether each key is a stopword.
    pub key_stop: Vec<bool>,
    /// Whether each stem is the stem of a stopword.
    pub stem_stop: Vec<bool>,
}

/// A meeting tokenized with local ids.
struct Local {
    keys: Interner,
    surfaces: Surfaces,
    /// Each turn's speaker name and its tokens with local key ids (speaker and meeting ids not yet set).
    turns: Vec<(String, TurnTokens)>,
}

/// Surface forms seen for each key: interned surfaces and (key, surface) counts.
#[derive(Default)]
struct Surfaces {
    strings: Interner,
    counts: HashMap<(u32, u32), u32>,
}

fn analyse_text(
    text: &str,
    keys: &mut Interner,
    surfaces: &mut Surfaces,
    key: &mut String,
) -> (Vec<u32>, Vec<Gap>, u32) {
    let tokens: Vec<Token> = tokenize(text).collect();
    let sentences = sentence_ranges(text, &tokens);
    let mut words = Vec::new();
    let mut gaps = Vec::new();
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
            let surface = t.surface(text);
            key_into(surface, key);
            if key.is_empty() {
                continue;
            }
            let id = keys.intern(key);
            let form = surfaces.strings.intern(surface);
            *surfaces.counts.entry((id, form)).or_default() += 1;
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

fn analyse_meeting(meeting: &Meeting) -> Local {
    let mut local = Local {
        keys: Interner::new(),
        surfaces: Surfaces::default(),
        turns: Vec::new(),
    };
    let mut key = String::new();
    let mut number = 0;
    for block in &meeting.blocks {
        if let Block::Turn(turn) = block {
            number += 1;
            let (words, gaps, sentences) = analyse_text(
                &turn.spoken(),
                &mut local.keys,
                &mut local.surfaces,
                &mut key,
            );
            let tokens = local_turn(number, turn.interpreted, words, gaps, sentences);
            local.turns.push((turn.speaker.clone(), tokens));
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
            let (words, gaps, sentences) = analyse_text(
                &text.join("\n"),
                &mut local.keys,
                &mut local.surfaces,
                &mut key,
            );
            let tokens = local_turn(1, false, words, gaps, sentences);
            local.turns.push((NARRATION.to_string(), tokens));
        }
    }
    local
}

fn local_turn(
    number: u32,
    interpreted: bool,
    words: Vec<u32>,
    gaps: Vec<Gap>,
    sentences: u32,
) -> TurnTokens {
    TurnTokens {
        meeting: 0,
        speaker: 0,
        number,
        interpreted,
        words,
        gaps,
        sentences,
    }
}

fn has_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// The most frequent string of a count table; ties go to a form without capitals (a word capitalised only at the
/// start of sentences is shown in lowercase), then to the smallest string.
fn most_frequent<'a>(candidates: impl Iterator<Item = (&'a str, u32)>) -> String {
    let rank = |s: &str, n: u32| (std::cmp::Reverse(n), s.chars().any(char::is_uppercase));
    let mut best: Option<(&str, u32)> = None;
    for (s, n) in candidates {
        best = match best {
            Some((bs, bn)) if (rank(bs, bn), bs) <= (rank(s, n), s) => Some((bs, bn)),
            _ => Some((s, n)),
        };
    }
    best.map(|(s, _)| s.to_string()).unwrap_or_default()
}

/// Analyses meetings (in any order; they are sorted by date, then id).
pub fn analyse(meetings: &[&Meeting], options: &AnalysisOptions) -> Corpus {
    let mut order: Vec<&Meeting> = meetings.to_vec();
    order.sort_by(|a, b| {
        let date = |m: &Meeting| m.date.clone().unwrap_or_else(|| "9999-99-99".into());
        date(a)
            .cmp(&date(b))
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| a.path.cmp(&b.path))
    });
    let locals: Vec<Local> = order.par_iter().map(|m| analyse_meeting(m)).collect();

    let mut corpus = Corpus::default();
    let mut speaker_names: Vec<String> = locals
        .iter()
        .flat_map(|l| l.turns.iter().map(|(name, _)| name.clone()))
        .collect();
    speaker_names.sort();
    speaker_names.dedup();
    let speaker_id: HashMap<String, u32> = speaker_names
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i as u32))
        .collect();

    let mut surface_counts: HashMap<u32, HashMap<Box<str>, u32>> = HashMap::new();
    for (m, (meeting, local)) in order.iter().zip(locals).enumerate() {
        corpus.meetings.push(MeetingInfo {
            id: meeting.id.clone(),
            date: meeting.date.clone().unwrap_or_default(),
            time: meeting.time.clone().unwrap_or_default(),
            title: meeting.title.clone().unwrap_or_default(),
            place: meeting.place.clone().unwrap_or_default(),
            source: meeting.source.clone().unwrap_or_default(),
            language: meeting.language,
        });
        let global: Vec<u32> = local.keys.iter().map(|k| corpus.keys.intern(k)).collect();
        for (&(id, form), &n) in &local.surfaces.counts {
            let surface = local.surfaces.strings.resolve(form);
            *surface_counts
                .entry(global[id as usize])
                .or_default()
                .entry_ref(surface)
                .or_default() += n;
        }
        for (speaker, turn) in local.turns {
            corpus.turns.push(TurnTokens {
                meeting: m as u32,
                speaker: speaker_id[speaker.as_str()],
                words: turn.words.into_iter().map(|w| global[w as usize]).collect(),
                ..turn
            });
        }
    }
    corpus.speakers = speaker_names;

    // Stems, forms and stopwords, once per key.
    let ru = Stemmer::new(Language::Ru);
    let en = Stemmer::new(Language::En);
    let stemmer_for = |key: &str| match options.language {
        Some(Language::Ru) => &ru,
        Some(Language::En) => &en,
        None if has_cyrillic(key) => &ru,
        None => &en,
    };
    let stopwords = match &options.stopwords {
        Some(s) => s.clone(),
        None => {
            let mut s = Stopwords::none();
            let mut languages: Vec<Language> = corpus.meetings.iter().map(|m| m.language).collect();
            languages.sort();
            languages.dedup();
            for l in languages {
                s.extend(Stopwords::builtin(l));
            }
            s
        }
    };
    let mut stem_surfaces: HashMap<u32, HashMap<&str, u32>> = HashMap::new();
    for (id, key) in corpus.keys.iter().enumerate() {
        let stem = corpus.stems.intern(&stemmer_for(key).stem(key));
        corpus.stem_of.push(stem);
        corpus.key_stop.push(stopwords.contains(key));
        let surfaces = &surface_counts[&(id as u32)];
        corpus
            .key_form
            .push(most_frequent(surfaces.iter().map(|(s, n)| (&**s, *n))));
        let entry = stem_surfaces.entry(stem).or_default();
        for (s, n) in surfaces {
            *entry.entry(&**s).or_default() += n;
        }
    }
    corpus.stem_form = (0..corpus.stems.len() as u32)
        .map(|s| most_frequent(stem_surfaces[&s].iter().map(|(k, n)| (*k, *n))))
        .collect();
    corpus.stem_stop = vec![false; corpus.stems.len()];
    for (id, &stop) in corpus.key_stop.iter().enumerate() {
        if stop {
            corpus.stem_stop[corpus.stem_of[id] as usize] = true;
        }
    }
    corpus
}

impl Corpus {
    /// Word tokens of a speaker in text order over meetings in date order.
    pub fn speaker_words(&self, speaker: u32) -> impl Iterator<Item = u32> + '_ {
        self.turns
            .iter()
            .filter(move |t| t.speaker == speaker)
            .flat_map(|t| t.words.iter().copied())
    }

    /// Word tokens of a speaker in one meeting, in text order.
    pub fn speaker_meeting_words(
        &self,
        speaker: u32,
        meeting: u32,
    ) -> impl Iterator<Item = u32> + '_ {
        self.turns
            .iter()
            .filter(move |t| t.speaker == speaker && t.meeting == meeting)
            .flat_map(|t| t.words.iter().copied())
    }

    /// Total word tokens.
    pub fn total_words(&self) -> usize {
        self.turns.iter().map(|t| t.words.len()).sum()
    }
}
