//! Meetings tokenized on their own ([`super::local`]) merged, in a fixed order, into one [`Corpus`]: local key ids
//! mapped to the corpus' ids, every turn's tokens appended to the token store, speakers resolved, meetings ordered
//! by date, and per key what [`super::terms`] derives: its stem, lemma, forms and marks.
//!
//! Meetings are tokenized in parallel and merged in path order, so the ids, and every table made from them, do not
//! depend on the thread count. Files go through [`mod@crate::transcript::ingest`], the one read path of a corpus.
//!
//! **Meeting order.** Meetings are ordered by date, then by id; a meeting without a date sorts last.

use std::path::PathBuf;

use hashbrown::HashMap;
use rayon::prelude::*;

use crate::lang::LanguageCode;
use crate::text::lemma::Lemmatizer;
use crate::text::{Language, Stopwords};
use crate::transcript::{
    ingest, unique_ids, Aliases, Audit, FileWarning, Meeting, ReadError, ReadOptions,
};

use super::cache::ReadingCache;
use super::forms::Forms;
use super::grams::CountedGrams;
use super::intern::Interner;
use super::local::{add_words, analyse_meeting, Local};
use super::model::{Corpus, MeetingInfo};
use super::options::{AnalysisOptions, Interpreted, INTERPRETED};
use super::store::{TokenStore, DEFAULT_BUDGET};
use super::terms::{derive_terms, name_parts, Rules};
use super::turn::{KeyId, SpeakerId, TurnTokens};

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

/// Files read and tokenized, with their speakers known, before the corpus is finished (stems, forms, stopwords):
/// the moment to check names given by the user against the speakers, before any statistic is computed.
pub struct Tokenized {
    builder: Builder,
    left_out: (usize, usize),
    speakers: Speakers,
    analysed: Analysed,
    options: AnalysisOptions,
}

impl Tokenized {
    /// The canonical speakers, sorted by name.
    pub fn speakers(&self) -> &[String] {
        &self.speakers.names
    }

    /// The ids of the meetings, in the order they were merged.
    pub(super) fn ids(&self) -> impl Iterator<Item = &str> {
        self.builder
            .meetings
            .iter()
            .map(|(info, _)| info.id.as_str())
    }

    /// Files that were read.
    pub fn files(&self) -> usize {
        self.analysed.audits.len()
    }

    /// Files (or directory entries) that could not be read.
    pub fn errors(&self) -> &[ReadError] {
        &self.analysed.errors
    }

    /// Warnings, in path order.
    pub fn warnings(&self) -> &[FileWarning] {
        &self.analysed.warnings
    }

    /// Meetings read but outside the dates asked for, and how many of them have no date.
    pub fn left_out(&self) -> (usize, usize) {
        self.left_out
    }

    /// Interpreted turns left out ([`Interpreted::Exclude`]), and their words.
    pub fn excluded(&self) -> (usize, usize) {
        self.builder.excluded
    }

    /// Orders the meetings and derives stems, forms and stopword marks.
    pub fn finish(self) -> Analysed {
        let corpus = self.builder.finish(self.speakers, &self.options);
        Analysed {
            corpus,
            ..self.analysed
        }
    }
}

/// Reads and tokenizes files in parallel without keeping their text: each file is read, tokenized and dropped, and
/// the results are merged in path order while later files are still being read ([`mod@crate::transcript::ingest`]).
/// Speakers are resolved over the whole corpus at the end, as [`crate::transcript::read_corpus`] does.
pub fn tokenize_paths(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
) -> Tokenized {
    tokenize_paths_seen(paths, read, aliases, options, |_| {})
}

/// [`tokenize_paths`], showing `seen` each meeting as tokenized, in the order they are merged (the counts of
/// [`super::counts`] keep what the corpus does not: surface forms and languages per meeting).
pub(super) fn tokenize_paths_seen(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
    mut seen: impl FnMut(&Local) + Send,
) -> Tokenized {
    let mut builder = Builder::new(options);
    let mut audits = Vec::new();
    let ingested = ingest(
        paths,
        read,
        aliases,
        |meeting| analyse_meeting(&meeting, options),
        |locals, audit| {
            for local in locals {
                seen(&local);
                builder.add(local);
            }
            audits.push(audit);
        },
    );
    super::local::release_buffers();
    for ((info, _), id) in builder.meetings.iter_mut().zip(ingested.ids) {
        info.id = id;
    }
    let speakers = builder.speakers(|label, name| ingested.speakers.resolve(label, name));
    Tokenized {
        builder,
        left_out: (ingested.left_out, ingested.left_out_undated),
        speakers,
        analysed: Analysed {
            corpus: Corpus::default(),
            audits,
            errors: ingested.errors,
            warnings: ingested.warnings,
        },
        options: options.clone(),
    }
}

/// [`tokenize_paths`], finished.
pub fn analyse_paths(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
) -> Analysed {
    tokenize_paths(paths, read, aliases, options).finish()
}

/// Analyses meetings already read (in any order; they are sorted by date, then id). Speakers are the turns'
/// canonical speakers as the reader resolved them.
pub fn analyse(meetings: &[&Meeting], options: &AnalysisOptions) -> Corpus {
    let mut order: Vec<&Meeting> = meetings.to_vec();
    order.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.id.cmp(&b.id)));
    let mut speaker_of: HashMap<String, String> = HashMap::new();
    for m in &order {
        for t in m.turns() {
            speaker_of.insert(label_key(&t.label, &t.name), t.speaker.clone());
        }
    }
    let locals: Vec<Local> = order
        .par_iter()
        .map(|m| analyse_meeting(m, options))
        .collect();
    super::local::release_buffers();
    let mut builder = Builder::new(options);
    for local in locals {
        builder.add(local);
    }
    let ids = unique_ids(
        builder
            .meetings
            .iter()
            .map(|(info, path)| (info.id.as_str(), path.as_str())),
    );
    for ((info, _), id) in builder.meetings.iter_mut().zip(ids) {
        info.id = id;
    }
    let speakers = builder.speakers(|label, name| {
        speaker_of
            .get(&label_key(label, name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    });
    builder.finish(speakers, options)
}

/// A corpus from meetings tokenized elsewhere (rebuilt from counts by [`super::counts`]), merged in the order
/// given, each turn's label its speaker; derived as [`analyse`] derives.
pub(super) fn from_locals(locals: Vec<Local>, options: &AnalysisOptions) -> Corpus {
    let mut builder = Builder::new(options);
    for local in locals {
        builder.add(local);
    }
    let speakers = builder.speakers(|label, _| label.to_string());
    builder.finish(speakers, options)
}

/// Separates a turn's label from its name in [`Builder::names`].
const NAME_SEPARATOR: char = '\u{1f}';
/// Ends the key of an interpreted turn counted apart in [`Builder::names`].
const INTERPRETED_MARK: char = '\u{1e}';

/// How a turn's label and name are kept: `label` U+001F `name`.
fn label_key(label: &str, name: &str) -> String {
    format!("{label}{NAME_SEPARATOR}{name}")
}

/// The corpus' speakers: their names sorted, and the speaker of each label of [`Builder::names`].
struct Speakers {
    names: Vec<String>,
    of_label: Vec<SpeakerId>,
}

/// Merges meetings, in a fixed order, into one corpus.
#[derive(Default)]
struct Builder {
    /// Each meeting and the path it was read from.
    meetings: Vec<(MeetingInfo, String)>,
    turns: Vec<TurnTokens>,
    tokens: TokenStore,
    keys: Interner,
    /// Occurrences of each key.
    key_counts: Vec<u64>,
    surfaces: Interner,
    surface_counts: HashMap<(KeyId, u32), u32>,
    /// [`label_key`] of every turn; a turn's `speaker` holds an id into this table until `finish`.
    names: Interner,
    /// Interpreted turns get speakers of their own ([`Interpreted::Separate`]).
    separate: bool,
    /// Interpreted turns left out, and their words.
    excluded: (usize, usize),
    /// The distinct sets of turn attributes, the empty set first.
    attributes: Vec<Vec<(String, String)>>,
    /// The index of each set in `attributes`.
    attribute_ids: HashMap<Vec<(String, String)>, u32>,
    /// For each key, whether a turn in an analysed language says it ([`super::local::Spoken`]).
    analysed: Vec<bool>,
    /// Words counted by key, per language.
    by_key: Vec<(LanguageCode, u64)>,
    /// The counted pairs and triples of turns rebuilt from counts.
    grams: CountedGrams,
}

impl Builder {
    fn new(options: &AnalysisOptions) -> Builder {
        Builder {
            tokens: TokenStore::new(options.token_budget.unwrap_or(DEFAULT_BUDGET)),
            separate: options.interpreted == Interpreted::Separate,
            attributes: vec![Vec::new()],
            attribute_ids: HashMap::from([(Vec::new(), 0)]),
            ..Builder::default()
        }
    }

    /// The index of a set of turn attributes, taken in if new.
    fn attribute_set(&mut self, set: Vec<(String, String)>) -> u32 {
        if let Some(&id) = self.attribute_ids.get(&set) {
            return id;
        }
        let id = self.attributes.len() as u32;
        self.attributes.push(set.clone());
        self.attribute_ids.insert(set, id);
        id
    }

    fn add(&mut self, local: Local) {
        self.excluded.0 += local.excluded.0;
        self.excluded.1 += local.excluded.1;
        let m = self.meetings.len() as u32;
        let global: Vec<KeyId> = local.keys.iter().map(|k| self.keys.intern(k)).collect();
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
        self.analysed.resize(self.keys.len(), false);
        match &local.spoken.analysed {
            None => global
                .iter()
                .for_each(|&g| self.analysed[g as usize] = true),
            Some(said) => {
                for (&g, _) in global.iter().zip(said).filter(|(_, &said)| said) {
                    self.analysed[g as usize] = true;
                }
            }
        }
        for &(code, n) in &local.spoken.by_key {
            add_words(&mut self.by_key, code, n);
        }
        for (label, name, turn) in local.turns {
            let mut key = label_key(&label, &name);
            if self.separate && turn.interpreted {
                key.push(INTERPRETED_MARK);
            }
            let speaker = self.names.intern(&key);
            let ids = turn.words.iter().map(|&w| global[w as usize]);
            for id in ids.clone() {
                self.key_counts[id as usize] += 1;
            }
            let start = self.tokens.push(ids, &turn.gaps);
            if let Some(grams) = turn.grams.filter(|_| !turn.words.is_empty()) {
                self.grams.insert(start, grams.mapped(&global));
            }
            let attributes = self.attribute_set(turn.attributes);
            self.turns.push(TurnTokens {
                meeting: m,
                speaker,
                number: turn.number,
                interpreted: turn.interpreted,
                start,
                words: turn.words.len() as u32,
                sentences: turn.sentences,
                attributes,
            });
        }
        self.meetings.push((local.info, local.path));
    }

    /// Every label resolved with `resolve(label, name)`; the speakers sorted by name.
    fn speakers(&self, resolve: impl Fn(&str, &str) -> String) -> Speakers {
        let resolved: Vec<String> = self
            .names
            .iter()
            .map(|n| {
                let (n, interpreted) = match n.strip_suffix(INTERPRETED_MARK) {
                    Some(n) => (n, true),
                    None => (n, false),
                };
                let (label, name) = n.split_once(NAME_SEPARATOR).unwrap_or((n, n));
                let speaker = resolve(label, name);
                if interpreted {
                    speaker + INTERPRETED
                } else {
                    speaker
                }
            })
            .collect();
        let mut names = resolved.clone();
        names.sort();
        names.dedup();
        let of_label = resolved
            .iter()
            .map(|s| names.binary_search(s).unwrap_or(0) as SpeakerId)
            .collect();
        Speakers { names, of_label }
    }

    /// Orders meetings by date and derives stems, forms and stopword marks.
    fn finish(self, speakers: Speakers, options: &AnalysisOptions) -> Corpus {
        let (meetings, turns) = order_meetings(self.meetings, self.turns, &speakers.of_label);
        let stopwords = match &options.stopwords {
            Some(s) => s.clone(),
            None => builtin_stopwords(&meetings),
        };
        let forms = Forms::new(
            &self.keys,
            self.key_counts,
            self.surface_counts,
            &self.surfaces,
        );
        let lemmatizer = Lemmatizer::new().ok();
        let cache = options
            .cache
            .as_deref()
            .zip(lemmatizer.as_ref())
            .map(|(dir, lemmatizer)| ReadingCache::open(dir, lemmatizer));
        let rules = Rules {
            stopwords: &stopwords,
            language: options.language,
            content: options.content,
            names: name_parts(speakers.names.iter().map(String::as_str)),
            lemmatizer: lemmatizer.as_ref(),
            analysed: &self.analysed,
            builtin_stopwords: options.stopwords.is_none(),
            cache: cache.as_ref(),
        };
        let mut terms = derive_terms(&self.keys, &forms, &rules);
        let (fresh, hits) = std::mem::take(&mut terms.fresh);
        let cache = cache.map(|c| c.finish(hits, fresh));
        drop(forms);
        terms.keys.terms = self.keys;
        Corpus {
            meetings,
            speakers: speakers.names,
            turns,
            tokens: self.tokens,
            keys: terms.keys,
            stems: terms.stems,
            lemmas: terms.lemmas,
            syllables: terms.syllables,
            turn_attributes: self.attributes,
            grams: self.grams,
            cache,
            about: Default::default(),
            by_key: {
                let mut by_key = self.by_key;
                by_key.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                by_key
            },
        }
    }
}

/// Meetings by date, then id, then path (a meeting without a date sorts last), and the turns in that order with
/// their meeting and speaker ids set.
fn order_meetings(
    meetings: Vec<(MeetingInfo, String)>,
    mut turns: Vec<TurnTokens>,
    speaker_of: &[SpeakerId],
) -> (Vec<MeetingInfo>, Vec<TurnTokens>) {
    let mut order: Vec<usize> = (0..meetings.len()).collect();
    // A meeting without a date sorts last.
    let date = |i: usize| {
        let d = meetings[i].0.date;
        (d.is_none(), d)
    };
    order.sort_by(|&a, &b| {
        date(a)
            .cmp(&date(b))
            .then_with(|| meetings[a].0.id.cmp(&meetings[b].0.id))
            .then_with(|| meetings[a].1.cmp(&meetings[b].1))
    });
    let mut rank = vec![0u32; meetings.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r as u32;
    }
    for t in &mut turns {
        t.meeting = rank[t.meeting as usize];
        t.speaker = speaker_of[t.speaker as usize];
    }
    turns.sort_by_key(|t| t.meeting);
    let mut slots: Vec<Option<MeetingInfo>> =
        meetings.into_iter().map(|(info, _)| Some(info)).collect();
    let meetings = order.iter().filter_map(|&i| slots[i].take()).collect();
    (meetings, turns)
}

/// The built-in stopword lists of the languages of the meetings.
fn builtin_stopwords(meetings: &[MeetingInfo]) -> Stopwords {
    let mut s = Stopwords::none();
    let mut languages: Vec<Language> = meetings.iter().map(|m| m.language).collect();
    languages.sort();
    languages.dedup();
    for l in languages {
        s.extend(Stopwords::builtin(l));
    }
    s
}

#[cfg(test)]
mod tests {
    //! Words counted by key ([`super::super::local::Spoken`]), seen through a corpus.

    use crate::corpus::{analyse, AnalysisOptions, Corpus, View};
    use crate::lang::{Language, LanguageCode};

    /// A Russian meeting whose second and fourth turns the source marks as Ukrainian; `новости` is said in both
    /// languages, `новини` and `працюємо` only in Ukrainian.
    fn corpus(options: &AnalysisOptions) -> Corpus {
        let text =
            "В.Путин: Новости хорошие, работаем.\nВ.Зеленский: Новини погані, але працюємо.\n\
            В.Путин: Новости.\nВ.Зеленский: Новости, новини.\n";
        let (mut file, _) =
            crate::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default()).unwrap();
        for (i, turn) in file.meeting.turns_mut().enumerate() {
            if i % 2 == 1 {
                turn.language = LanguageCode::parse("uk");
            }
        }
        analyse(&[&file.meeting], options)
    }

    fn stem_and_lemma(c: &Corpus, key: &str) -> (String, String) {
        let id = c.keys.get(key).unwrap();
        let term = |view: View| view.text(c, view.term(c, id)).to_string();
        (term(View::Stem), term(View::Lemma))
    }

    #[test]
    fn words_said_only_in_a_language_not_analysed_are_their_own_stem_and_lemma() {
        let c = corpus(&AnalysisOptions::default());
        let owned = |s: &str, l: &str| (s.to_string(), l.to_string());
        assert_eq!(stem_and_lemma(&c, "новини"), owned("новини", "новини"));
        assert_eq!(
            stem_and_lemma(&c, "працюємо"),
            owned("працюємо", "працюємо")
        );
        // Said in a Russian turn too: analysed.
        assert_eq!(stem_and_lemma(&c, "новости"), owned("новост", "новость"));
        assert_eq!(stem_and_lemma(&c, "работаем"), owned("работа", "работать"));
        // `але` is no Russian stopword, `но` would be; a by-key word is never on the built-in lists.
        let uk = LanguageCode::parse("uk").unwrap();
        assert_eq!(c.by_key, vec![(uk, 6)]);
        // Most of the words are Ukrainian: the meeting's `language` attribute says so.
        assert_eq!(c.meetings[0].spoken, uk);
        let note = c.by_key_note().unwrap();
        assert!(
            note.starts_with("6 words (60.0%) in Ukrainian (uk) are counted by word key"),
            "{note}"
        );
    }

    #[test]
    fn with_lang_every_turn_is_analysed_and_nothing_is_counted_by_key() {
        let c = corpus(&AnalysisOptions {
            language: Some(Language::Ru),
            ..Default::default()
        });
        assert!(c.by_key.is_empty() && c.by_key_note().is_none());
        assert_eq!(stem_and_lemma(&c, "новини").0, "новин");
    }
}
