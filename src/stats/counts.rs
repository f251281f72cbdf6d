//! Term counts by speaker × meeting × term, for the key, stem or lemma view.
//!
//! Counts are a sparse map that merges by addition, so the counts of shards added together equal the counts of
//! the whole (and a parallel count equals a serial one); [`count`] counts turns in parallel that way.

use hashbrown::HashMap;
use rayon::prelude::*;
use serde::Serialize;

use super::model::{Corpus, TurnTokens};
use super::store::TokenError;

/// Which term a word token counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The key: lowercase, `ё` → `е`.
    Key,
    /// The Snowball stem of the key, shown as its most frequent word form.
    Stem,
    /// The dictionary lemma of a Russian word (its stem for other words), shown as the lemma.
    Lemma,
}

impl View {
    /// Every view.
    pub const ALL: [View; 3] = [View::Key, View::Stem, View::Lemma];

    /// `key`, `stem` or `lemma`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Key => "key",
            View::Stem => "stem",
            View::Lemma => "lemma",
        }
    }

    /// The term id of a key id in this view.
    pub fn term(self, corpus: &Corpus, key: u32) -> u32 {
        match self {
            View::Key => key,
            View::Stem => corpus.stem_of[key as usize],
            View::Lemma => corpus.lemma_of[key as usize],
        }
    }

    /// The string of a term.
    pub fn text(self, corpus: &Corpus, term: u32) -> &str {
        match self {
            View::Key => corpus.keys.resolve(term),
            View::Stem => corpus.stems.resolve(term),
            View::Lemma => corpus.lemmas.resolve(term),
        }
    }

    /// How a term is shown: its most frequent surface form (a lemma: the lemma as the corpus writes it).
    pub fn form(self, corpus: &Corpus, term: u32) -> &str {
        match self {
            View::Key => &corpus.key_form[term as usize],
            View::Stem => &corpus.stem_form[term as usize],
            View::Lemma => &corpus.lemma_form[term as usize],
        }
    }

    /// Whether a term is a stopword.
    pub fn is_stop(self, corpus: &Corpus, term: u32) -> bool {
        match self {
            View::Key => corpus.key_stop[term as usize],
            View::Stem => corpus.stem_stop[term as usize],
            View::Lemma => corpus.lemma_stop[term as usize],
        }
    }

    /// Whether a term is a content word, by the corpus' [`super::Content`] rule (in a corpus built by hand
    /// without these marks: whether it is not a stopword).
    pub fn is_content(self, corpus: &Corpus, term: u32) -> bool {
        match self.marks(&corpus.content).get(term as usize) {
            Some(&content) => content,
            None => !self.is_stop(corpus, term),
        }
    }

    /// A term's part of speech ([`Pos::Unknown`](crate::text::lemma::Pos::Unknown) in a corpus built by hand
    /// without them).
    pub fn pos(self, corpus: &Corpus, term: u32) -> crate::text::lemma::Pos {
        self.marks(&corpus.pos)
            .get(term as usize)
            .copied()
            .unwrap_or_default()
    }

    /// This view's marks.
    fn marks<T>(self, marks: &super::model::TermMarks<T>) -> &[T] {
        match self {
            View::Key => &marks.key,
            View::Stem => &marks.stem,
            View::Lemma => &marks.lemma,
        }
    }

    /// Each term's position among all terms of the view sorted by text, so rows can be ordered without comparing
    /// strings (sorted in parallel).
    pub fn text_order(self, corpus: &Corpus) -> Vec<u32> {
        order_by(self.len(corpus), |t| self.text(corpus, t))
    }

    /// Each term's position among all terms of the view sorted by form (ties by id).
    pub fn form_order(self, corpus: &Corpus) -> Vec<u32> {
        order_by(self.len(corpus), |t| self.form(corpus, t))
    }

    /// Number of terms in this view.
    pub fn len(self, corpus: &Corpus) -> usize {
        match self {
            View::Key => corpus.keys.len(),
            View::Stem => corpus.stems.len(),
            View::Lemma => corpus.lemmas.len(),
        }
    }
}

/// Sparse counts keyed by (speaker, meeting, term).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    map: HashMap<(u32, u32, u32), u64>,
}

impl Counts {
    /// Adds one occurrence.
    pub fn add(&mut self, speaker: u32, meeting: u32, term: u32, n: u64) {
        *self.map.entry((speaker, meeting, term)).or_default() += n;
    }

    /// Adds another set of counts to this one.
    pub fn merge(&mut self, other: Counts) {
        if self.map.len() < other.map.len() {
            let mine = std::mem::replace(&mut self.map, other.map);
            for (k, v) in mine {
                *self.map.entry(k).or_default() += v;
            }
        } else {
            for (k, v) in other.map {
                *self.map.entry(k).or_default() += v;
            }
        }
    }

    /// The count of one cell.
    pub fn get(&self, speaker: u32, meeting: u32, term: u32) -> u64 {
        self.map
            .get(&(speaker, meeting, term))
            .copied()
            .unwrap_or(0)
    }

    /// All non-zero cells, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = ((u32, u32, u32), u64)> + '_ {
        self.map.iter().map(|(k, v)| (*k, *v))
    }

    /// Number of non-zero cells.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// No cells.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Counts of a set of turns.
    pub fn of_turns(
        corpus: &Corpus,
        turns: &[TurnTokens],
        view: View,
    ) -> Result<Counts, TokenError> {
        let mut c = Counts::default();
        let mut reader = corpus.reader();
        for t in turns {
            for &w in reader.words(t)? {
                c.add(t.speaker, t.meeting, view.term(corpus, w), 1);
            }
        }
        Ok(c)
    }
}

/// Ranks of the ids `0..n` sorted by `by`, ties by id. Each string's first eight bytes, as a big-endian integer,
/// decide most comparisons (byte order is string order); only equal prefixes compare the strings.
fn order_by<'c>(n: usize, by: impl Fn(u32) -> &'c str + Sync) -> Vec<u32> {
    let prefix = |s: &str| {
        let mut bytes = [0u8; 8];
        let len = s.len().min(8);
        bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
        u64::from_be_bytes(bytes)
    };
    let mut ids: Vec<(u64, u32)> = (0..n as u32).map(|id| (prefix(by(id)), id)).collect();
    ids.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| by(a.1).cmp(by(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut order = vec![0u32; n];
    for (rank, (_, id)) in ids.into_iter().enumerate() {
        order[id as usize] = rank as u32;
    }
    order
}

/// Counts the whole corpus in parallel (shards of turns merged by addition).
pub fn count(corpus: &Corpus, view: View) -> Result<Counts, TokenError> {
    corpus
        .turns
        .par_chunks(256)
        .map(|chunk| Counts::of_turns(corpus, chunk, view))
        .try_reduce(Counts::default, |mut a, b| {
            a.merge(b);
            Ok(a)
        })
}
