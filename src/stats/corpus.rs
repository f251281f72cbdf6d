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
use std::path::PathBuf;

use crate::transcript::{
    collect_files, read_file, Aliases, Audit, Block, FileWarning, Meeting, ReadError, ReadOptions,
    SpeakerResolver,
};

use super::intern::{Interner, Strings};
use super::lexdiv::Text;
use super::store::{TokenStore, TurnReader, DEFAULT_BUDGET};

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

/// A turn as tokenized, before its words go to the corpus' token store.
struct LocalTurn {
    number: u32,
    interpreted: bool,
    /// Key ids (local to the meeting) of the word tokens in text order.
    words: Vec<u32>,
    /// For each word, how it follows the previous one.
    gaps: Vec<Gap>,
    sentences: u32,
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
    /// Word tokens held in memory before they go to a temporary file ([`DEFAULT_BUDGET`] when `None`).
    pub token_budget: Option<usize>,
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
}

/// A meeting tokenized with local ids, before it is merged into the corpus.
struct Local {
    info: MeetingInfo,
    path: String,
    keys: Interner,
    surfaces: Surfaces,
    /// Each turn's label and name (resolved to a speaker at the end) and its tokens with local key ids.
    turns: Vec<(String, String, LocalTurn)>,
}

/// The surface id that stands for "written exactly as the key".
const SAME_AS_KEY: u32 = u32::MAX;

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
            // Most words are written as their key; those are counted from the tokens at the end.
            if surface != key.as_str() {
                let form = surfaces.strings.intern(surface);
                *surfaces.counts.entry((id, form)).or_default() += 1;
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
) -> LocalTurn {
    LocalTurn {
        number,
        interpreted,
        words,
        gaps,
        sentences,
    }
}

fn analyse_meeting(meeting: &Meeting) -> Local {
    let mut local = Local {
        info: MeetingInfo {
            id: meeting.id.clone(),
            date: meeting.date.clone().unwrap_or_default(),
            time: meeting.time.clone().unwrap_or_default(),
            title: meeting.title.clone().unwrap_or_default(),
            place: meeting.place.clone().unwrap_or_default(),
            source: meeting.source.clone().unwrap_or_default(),
            language: meeting.language,
        },
        path: meeting.path.clone(),
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
            let (words, gaps, sentences) = analyse_text(
                &text.join("\n"),
                &mut local.keys,
                &mut local.surfaces,
                &mut key,
            );
            let tokens = local_turn(1, false, words, gaps, sentences);
            local
                .turns
                .push((NARRATION.to_string(), NARRATION.to_string(), tokens));
        }
    }
    local
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

/// Merges meetings, in a fixed order, into one corpus.
#[derive(Default)]
struct Builder {
    meetings: Vec<(MeetingInfo, String)>,
    turns: Vec<TurnTokens>,
    tokens: TokenStore,
    keys: Interner,
    /// Occurrences of each key.
    key_counts: Vec<u64>,
    surfaces: Interner,
    surface_counts: HashMap<(u32, u32), u32>,
    /// `label` U+001F `name` of every turn; a turn's `speaker` holds an id into this table until `finish`.
    names: Interner,
}

const NAME_SEPARATOR: char = '\u{1f}';

impl Builder {
    fn new(options: &AnalysisOptions) -> Builder {
        Builder {
            tokens: TokenStore::new(options.token_budget.unwrap_or(DEFAULT_BUDGET)),
            ..Builder::default()
        }
    }

    fn add(&mut self, local: Local) {
        let m = self.meetings.len() as u32;
        let global: Vec<u32> = local.keys.iter().map(|k| self.keys.intern(k)).collect();
        let forms: Vec<u32> = local
            .surfaces
            .strings
            .iter()
            .map(|s| self.surfaces.intern(s))
            .collect();
        for ((key, form), n) in local.surfaces.counts {
            let form = forms[form as usize];
            *self
                .surface_counts
                .entry((global[key as usize], form))
                .or_default() += n;
        }
        self.key_counts.resize(self.keys.len(), 0);
        for (label, name, turn) in local.turns {
            let speaker = self.names.intern(&format!("{label}{NAME_SEPARATOR}{name}"));
            let ids = turn.words.iter().map(|&w| global[w as usize]);
            for id in ids.clone() {
                self.key_counts[id as usize] += 1;
            }
            let start = self.tokens.push(ids, &turn.gaps);
            self.turns.push(TurnTokens {
                meeting: m,
                speaker,
                number: turn.number,
                interpreted: turn.interpreted,
                start,
                words: turn.words.len() as u32,
                sentences: turn.sentences,
            });
        }
        self.meetings.push((local.info, local.path));
    }

    /// Resolves speakers with `resolve(label, name)`, orders meetings by date, and derives stems, forms and
    /// stopword marks.
    fn finish(self, resolve: impl Fn(&str, &str) -> String, options: &AnalysisOptions) -> Corpus {
        let mut corpus = Corpus {
            keys: self.keys,
            tokens: self.tokens,
            ..Corpus::default()
        };

        // Speakers: every label/name resolved, sorted by name.
        let resolved: Vec<String> = self
            .names
            .iter()
            .map(|n| {
                let (label, name) = n.split_once(NAME_SEPARATOR).unwrap_or((n, n));
                resolve(label, name)
            })
            .collect();
        let mut speakers = resolved.clone();
        speakers.sort();
        speakers.dedup();
        let speaker_of: Vec<u32> = resolved
            .iter()
            .map(|s| speakers.binary_search(s).unwrap_or(0) as u32)
            .collect();
        corpus.speakers = speakers;

        // Meetings by date, then id, then path; a meeting without a date sorts last. Equal ids get their path.
        let mut meetings = self.meetings;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (info, _) in &meetings {
            *seen.entry(info.id.clone()).or_default() += 1;
        }
        for (info, path) in &mut meetings {
            if seen[&info.id] > 1 {
                info.id = std::path::Path::new(path.as_str())
                    .with_extension("")
                    .to_string_lossy()
                    .into_owned();
            }
        }
        let mut order: Vec<usize> = (0..meetings.len()).collect();
        let date = |i: usize| {
            let d = &meetings[i].0.date;
            if d.is_empty() {
                "9999-99-99"
            } else {
                d.as_str()
            }
        };
        order.sort_by(|&a, &b| {
            date(a)
                .cmp(date(b))
                .then_with(|| meetings[a].0.id.cmp(&meetings[b].0.id))
                .then_with(|| meetings[a].1.cmp(&meetings[b].1))
        });
        let mut rank = vec![0u32; meetings.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }
        let mut turns = self.turns;
        for t in &mut turns {
            t.meeting = rank[t.meeting as usize];
            t.speaker = speaker_of[t.speaker as usize];
        }
        turns.sort_by_key(|t| t.meeting);
        corpus.turns = turns;
        let mut slots: Vec<Option<MeetingInfo>> =
            meetings.into_iter().map(|(info, _)| Some(info)).collect();
        corpus.meetings = order
            .iter()
            .map(|&i| slots[i].take().expect("each meeting once"))
            .collect();

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
                let mut languages: Vec<Language> =
                    corpus.meetings.iter().map(|m| m.language).collect();
                languages.sort();
                languages.dedup();
                for l in languages {
                    s.extend(Stopwords::builtin(l));
                }
                s
            }
        };
        let mut forms_of: Vec<Vec<(u32, u32)>> = vec![Vec::new(); corpus.keys.len()];
        let mut as_key: Vec<u64> = self.key_counts;
        for (&(key, form), &n) in &self.surface_counts {
            forms_of[key as usize].push((form, n));
            as_key[key as usize] -= u64::from(n);
        }
        for (key, &n) in as_key.iter().enumerate() {
            if n > 0 {
                forms_of[key].push((SAME_AS_KEY, n.min(u64::from(u32::MAX)) as u32));
            }
        }
        let surfaces = &self.surfaces;
        let keys = &corpus.keys;
        let text_of = |key: u32, form: u32| {
            if form == SAME_AS_KEY {
                keys.resolve(key)
            } else {
                surfaces.resolve(form)
            }
        };
        // Stems, key forms and stopword marks per key, in parallel; then stems interned in key order.
        let per_key: Vec<(String, String, bool)> = (0..keys.len())
            .into_par_iter()
            .map(|id| {
                let key = keys.resolve(id as u32);
                let stem = stemmer_for(key).stem(key).into_owned();
                let form = most_frequent(
                    forms_of[id]
                        .iter()
                        .map(|&(f, n)| (text_of(id as u32, f), n)),
                );
                (stem, form, stopwords.contains(key))
            })
            .collect();
        let mut stem_of = Vec::with_capacity(keys.len());
        let mut stems = Interner::new();
        let mut key_form = Strings::default();
        let mut key_stop = Vec::with_capacity(keys.len());
        let mut keys_of_stem: Vec<Vec<u32>> = Vec::new();
        for (id, (stem, form, stop)) in per_key.into_iter().enumerate() {
            let stem = stems.intern(&stem);
            if stem as usize == keys_of_stem.len() {
                keys_of_stem.push(Vec::new());
            }
            keys_of_stem[stem as usize].push(id as u32);
            stem_of.push(stem);
            key_form.push(&form);
            key_stop.push(stop);
        }
        // A stem's form: the most frequent surface over all its keys (surfaces of different keys differ).
        corpus.stem_form = keys_of_stem
            .par_iter()
            .map(|ids| {
                most_frequent(ids.iter().flat_map(|&id| {
                    forms_of[id as usize]
                        .iter()
                        .map(move |&(f, n)| (text_of(id, f), n))
                }))
            })
            .collect::<Vec<String>>()
            .into_iter()
            .collect();
        corpus.stem_of = stem_of;
        corpus.stems = stems;
        corpus.key_form = key_form;
        corpus.key_stop = key_stop;
        corpus.stem_stop = vec![false; corpus.stems.len()];
        for (id, &stop) in corpus.key_stop.iter().enumerate() {
            if stop {
                corpus.stem_stop[corpus.stem_of[id] as usize] = true;
            }
        }
        corpus
    }
}

/// Analyses meetings already read (in any order; they are sorted by date, then id). Speakers are the turns'
/// canonical speakers as the reader resolved them.
pub fn analyse(meetings: &[&Meeting], options: &AnalysisOptions) -> Corpus {
    let mut order: Vec<&Meeting> = meetings.to_vec();
    order.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.id.cmp(&b.id)));
    let mut speaker_of: HashMap<String, String> = HashMap::new();
    for m in &order {
        for t in m.turns() {
            speaker_of.insert(
                format!("{}{NAME_SEPARATOR}{}", t.label, t.name),
                t.speaker.clone(),
            );
        }
    }
    let locals: Vec<Local> = order.par_iter().map(|m| analyse_meeting(m)).collect();
    let mut builder = Builder::new(options);
    for local in locals {
        builder.add(local);
    }
    builder.finish(
        |label, name| {
            speaker_of
                .get(&format!("{label}{NAME_SEPARATOR}{name}"))
                .cloned()
                .unwrap_or_else(|| name.to_string())
        },
        options,
    )
}

/// Files read ahead of the merge hold at most this many bytes of input (a larger file is read alone)…
const AHEAD_BYTES: u64 = 16 << 20;
/// …and are at most this many files.
const AHEAD_FILES: usize = 256;

/// The text of a panic's payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Whether the next file (of `size` bytes) may be taken: always when it is the next to merge (so the window
/// cannot deadlock), else while the files taken and not merged stay within [`AHEAD_FILES`] and [`AHEAD_BYTES`].
fn has_room(state: &WindowState, size: u64) -> bool {
    state.next == state.merged
        || (state.next - state.merged < AHEAD_FILES && state.bytes + size <= AHEAD_BYTES)
}

/// Which files are taken and merged, for [`analyse_paths`].
#[derive(Default)]
struct WindowState {
    /// The next file to take.
    next: usize,
    /// Files merged (all those before this index).
    merged: usize,
    /// Bytes of the files taken and not merged yet.
    bytes: u64,
}

struct Window {
    state: std::sync::Mutex<WindowState>,
    changed: std::sync::Condvar,
}

impl Window {
    /// The index of the next file to read, once the window has room for it; `None` when all are taken.
    fn take(&self, sizes: &[u64]) -> Option<usize> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let i = state.next;
            if i >= sizes.len() {
                return None;
            }
            if has_room(&state, sizes[i]) {
                state.next += 1;
                state.bytes += sizes[i];
                return Some(i);
            }
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Marks file `i` (of `size` bytes) merged.
    fn merged(&self, i: usize, size: u64) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.merged = i + 1;
        state.bytes -= size;
        self.changed.notify_all();
    }
}

/// A corpus analysed straight from files, with what the reader said about them.
#[derive(Debug, Default)]
pub struct Analysed {
    /// The corpus.
    pub corpus: Corpus,
    /// The audit of every file read, in path order.
    pub audits: Vec<Audit>,
    /// Files (or directory entries) that could not be read.
    pub errors: Vec<ReadError>,
    /// Warnings, in path order.
    pub warnings: Vec<FileWarning>,
}

/// Reads and analyses files in parallel without keeping their text: each file is read, tokenized and dropped, and
/// the results are merged in path order (so the output does not depend on the thread count) while later files are
/// still being read. Speakers are
/// resolved over the whole corpus at the end, as [`crate::transcript::read_corpus`] does.
pub fn analyse_paths(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
) -> Analysed {
    let (files, mut errors) = collect_files(paths);
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .collect();
    // Workers take files in path order, as many at a time as there are threads, and hand each result to the
    // merger, which merges them in path order as they complete. A worker waits before taking a file while the files
    // taken but not merged yet are too many or too big, so memory holds a bounded window of files whatever the
    // corpus size; the file next to be merged is always taken, so the window never deadlocks.
    let window = Window {
        state: std::sync::Mutex::new(WindowState::default()),
        changed: std::sync::Condvar::new(),
    };
    let (builder, audits, warnings, errors) = std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel();
        let window = &window;
        let sizes = &sizes;
        let merger = scope.spawn(move || {
            let mut builder = Builder::new(options);
            let mut audits = Vec::new();
            let mut warnings = Vec::new();
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0;
            for (i, result) in receive {
                waiting.insert(i, result);
                while let Some(result) = waiting.remove(&next) {
                    match result {
                        Ok((local, audit, file_warnings)) => {
                            builder.add(local);
                            audits.push(audit);
                            warnings.extend(file_warnings);
                        }
                        Err(e) => errors.push(e),
                    }
                    window.merged(next, sizes[next]);
                    next += 1;
                }
            }
            (builder, audits, warnings, errors)
        });
        rayon::scope(|workers| {
            for _ in 0..rayon::current_num_threads() {
                let send = send.clone();
                let files = &files;
                workers.spawn(move |_| {
                    while let Some(i) = window.take(sizes) {
                        let analyse = || {
                            read_file(&files[i], read).map(|(file, file_warnings)| {
                                let shown = file.meeting.path.clone();
                                let local = analyse_meeting(&file.meeting);
                                let file_warnings: Vec<FileWarning> = file_warnings
                                    .into_iter()
                                    .map(|warning| FileWarning {
                                        path: shown.clone(),
                                        warning,
                                    })
                                    .collect();
                                (local, file.audit, file_warnings)
                            })
                        };
                        // A bug met in one file is that file's error, not the end of every file's results (and
                        // not a window waiting forever for a file that never comes).
                        let result =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(analyse))
                                .unwrap_or_else(|panic| {
                                    Err(ReadError::Internal {
                                        path: files[i].to_string_lossy().into_owned(),
                                        message: panic_message(&*panic),
                                    })
                                });
                        // The merger lives until every sender is dropped, so the send succeeds.
                        let _ = send.send((i, result));
                    }
                });
            }
        });
        drop(send);
        merger.join().expect("the merger does not panic")
    });
    let names: Vec<String> = builder
        .names
        .iter()
        .map(|n| {
            n.split_once(NAME_SEPARATOR)
                .map_or(n, |(_, name)| name)
                .to_string()
        })
        .collect();
    let resolver = SpeakerResolver::new(names.iter().map(String::as_str), aliases);
    let corpus = builder.finish(|label, name| resolver.resolve(label, name), options);
    Analysed {
        corpus,
        audits,
        errors,
        warnings,
    }
}

impl Corpus {
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

    /// Word tokens of a speaker in text order over meetings in date order.
    pub fn speaker_words(&self, speaker: u32) -> Vec<u32> {
        self.words_of(self.turns.iter().filter(|t| t.speaker == speaker))
    }

    /// Word tokens of a speaker in one meeting, in text order.
    pub fn speaker_meeting_words(&self, speaker: u32, meeting: u32) -> Vec<u32> {
        self.words_of(
            self.turns
                .iter()
                .filter(|t| t.speaker == speaker && t.meeting == meeting),
        )
    }

    /// The word tokens of some turns, one after the other.
    pub fn words_of<'t>(&self, turns: impl IntoIterator<Item = &'t TurnTokens>) -> Vec<u32> {
        let mut reader = self.reader();
        let mut out = Vec::new();
        for t in turns {
            out.extend_from_slice(reader.words(t));
        }
        out
    }

    /// Hands the word tokens of some turns, turn by turn, to `f`, without holding more than one turn.
    pub fn for_each_chunk<'t>(
        &self,
        turns: impl IntoIterator<Item = &'t TurnTokens>,
        mut f: impl FnMut(&[u32]),
    ) {
        let mut reader = self.reader();
        for t in turns {
            f(reader.words(t));
        }
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
    ) -> TurnsText<'c> {
        let turns: Vec<&TurnTokens> = turns.into_iter().collect();
        let len = turns.iter().map(|t| t.len()).sum();
        // The largest id, read once: a text that uses only low ids gets dense counts.
        let mut max = None;
        corpus.for_each_chunk(turns.iter().copied(), |words| {
            max = max.max(words.iter().copied().max());
        });
        let bound = max.map_or(0, |m| m as usize + 1);
        TurnsText {
            corpus,
            turns,
            len,
            bound,
        }
    }
}

impl Text for TurnsText<'_> {
    fn len(&self) -> usize {
        self.len
    }

    fn id_bound(&self) -> usize {
        self.bound
    }

    fn chunks(&self, backward: bool, f: &mut dyn FnMut(&[u32])) {
        let mut reader = self.corpus.reader();
        if backward {
            self.turns.iter().rev().for_each(|t| f(reader.words(t)));
        } else {
            self.turns.iter().for_each(|t| f(reader.words(t)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_window_is_bounded_but_always_takes_the_next_file_to_merge() {
        let state = |next, merged, bytes| WindowState {
            next,
            merged,
            bytes,
        };
        // The next file to merge is taken whatever its size.
        assert!(has_room(&state(3, 3, 0), 10 * AHEAD_BYTES));
        // Others wait while the bytes ahead would pass the bound…
        assert!(has_room(&state(4, 3, AHEAD_BYTES - 10), 10));
        assert!(!has_room(&state(4, 3, AHEAD_BYTES - 10), 11));
        // …or the files ahead would.
        assert!(!has_room(&state(3 + AHEAD_FILES, 3, 0), 0));
        assert!(has_room(&state(2 + AHEAD_FILES, 3, 0), 0));
    }
}
