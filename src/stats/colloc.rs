//! Collocations: bigrams (with association measures) and trigrams of adjacent word tokens, per speaker and over all
//! speakers (`*`).
//!
//! **What is a pair.** Two word tokens next to each other in one sentence of one turn; never across turns,
//! sentences or meetings. By default a punctuation mark, number or symbol between two words breaks the pair, as
//! quanteda does; with [`CollocOptions::skip_punct`] they are skipped, as when NLTK's finders are fed words only.
//!
//! **Counts (NLTK's conventions).** For a pair (x, y) in a text of N word tokens: n_ii the pair's count, n_ix and
//! n_xi the unigram counts of x and y in the same text; n_oi = n_xi − n_ii, n_io = n_ix − n_ii,
//! n_oo = N − n_ii − n_oi − n_io; expected counts eᵢ from the margins of that 2×2 table.
//!
//! **Measures** (equal to `nltk.metrics.association.BigramAssocMeasures` on those counts, including its 1e-20
//! smoothing constant):
//! - PMI = log₂(n_ii·N) − log₂(n_ix·n_xi) (Church & Hanks 1990);
//! - NPMI = PMI / −log₂(n_ii/N) (Bouma 2009; 1 when the pair is the whole text);
//! - G² = 2 Σ oᵢ ln(oᵢ/(eᵢ + 1e-20) + 1e-20) (Dunning 1993; NLTK's `likelihood_ratio`, unsigned);
//! - t = (n_ii − n_ix·n_xi/N) / √(n_ii + 1e-20) (Church et al. 1991);
//! - χ² = N·φ², φ² = (n_ii·n_oo − n_io·n_oi)² / ((n_ii+n_io)(n_ii+n_oi)(n_io+n_oo)(n_oi+n_oo)) (Pearson, no
//!   continuity correction);
//! - Dice = 2·n_ii / (n_ix + n_xi); logDice = 14 + log₂ Dice (Rychlý 2008).

use std::hash::{BuildHasher, Hasher};

use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};
use rayon::prelude::*;
use serde::Serialize;

use super::counts::View;
use super::freq::{groups, TurnGroup};
use super::model::{Corpus, Gap};
use super::store::TokenError;
use super::tallies::{GroupCounts, Tallies};

/// Options of the collocation tables.
#[derive(Debug, Clone, Copy)]
pub struct CollocOptions {
    /// Term view.
    pub view: View,
    /// Pairs (and triples) seen fewer times are left out of the tables.
    pub min_count: u64,
    /// Skip punctuation, numbers and symbols between words instead of breaking the pair.
    pub skip_punct: bool,
    /// Keep pairs that contain a stopword (they are left out by default).
    pub keep_stopwords: bool,
}

impl Default for CollocOptions {
    fn default() -> Self {
        CollocOptions {
            view: View::Key,
            min_count: 3,
            skip_punct: false,
            keep_stopwords: false,
        }
    }
}

/// One row of `collocations.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BigramRow<'a> {
    /// Speaker or `*`.
    pub speaker: &'a str,
    /// First word (form).
    pub first: &'a str,
    /// Second word (form).
    pub second: &'a str,
    /// Pair count n_ii.
    pub count: u64,
    /// Unigram count of the first word, n_ix.
    pub count_first: u64,
    /// Unigram count of the second word, n_xi.
    pub count_second: u64,
    /// Word tokens N.
    pub total: u64,
    /// Pointwise mutual information.
    pub pmi: f64,
    /// Normalized PMI.
    pub npmi: f64,
    /// Log-likelihood G².
    pub g2: f64,
    /// t-score.
    pub t_score: f64,
    /// Pearson χ².
    pub chi2: f64,
    /// Dice coefficient.
    pub dice: f64,
    /// logDice.
    pub log_dice: f64,
}

/// One row of `trigrams.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrigramRow<'a> {
    /// Speaker or `*`.
    pub speaker: &'a str,
    /// First word.
    pub first: &'a str,
    /// Second word.
    pub second: &'a str,
    /// Third word.
    pub third: &'a str,
    /// Count.
    pub count: u64,
    /// Word tokens N.
    pub total: u64,
}

const SMALL: f64 = 1e-20;

/// The association measures of one pair: (pmi, npmi, g2, t, chi2, dice, log_dice).
pub fn measures(n_ii: u64, n_ix: u64, n_xi: u64, n_xx: u64) -> [f64; 7] {
    let (ii, ix, xi, xx) = (n_ii as f64, n_ix as f64, n_xi as f64, n_xx as f64);
    let n_oi = n_xi - n_ii;
    let n_io = n_ix - n_ii;
    let n_oo = n_xx - n_ii - n_oi - n_io;
    let cont = [n_ii as f64, n_oi as f64, n_io as f64, n_oo as f64];
    let mut g2 = 0.0;
    for i in 0..4 {
        let expected = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / xx;
        g2 += cont[i] * (cont[i] / (expected + SMALL) + SMALL).ln();
    }
    g2 *= 2.0;
    let pmi = (ii * xx).log2() - (ix * xi).log2();
    let p = ii / xx;
    let npmi = if p >= 1.0 { 1.0 } else { pmi / -p.log2() };
    let t = (ii - ix * xi / xx) / (ii + SMALL).sqrt();
    let chi2 = xx * phi_sq(n_ii, n_oi, n_io, n_oo);
    let dice = 2.0 * ii / (ix + xi);
    [pmi, npmi, g2, t, chi2, dice, 14.0 + dice.log2()]
}

/// φ² computed in integers where they fit, as NLTK does in Python's exact integers.
fn phi_sq(n_ii: u64, n_oi: u64, n_io: u64, n_oo: u64) -> f64 {
    let (ii, oi, io, oo) = (n_ii as i128, n_oi as i128, n_io as i128, n_oo as i128);
    let diff = ii * oo - io * oi;
    let num = diff.checked_mul(diff);
    let den = (ii + io)
        .checked_mul(ii + oi)
        .and_then(|d| d.checked_mul(io + oo))
        .and_then(|d| d.checked_mul(oi + oo));
    match (num, den) {
        (Some(num), Some(den)) => num as f64 / den as f64,
        _ => {
            let d = diff as f64;
            d * d / ((ii + io) as f64 * (ii + oi) as f64 * (io + oo) as f64 * (oi + oo) as f64)
        }
    }
}

fn joins(gap: Gap, skip_punct: bool) -> bool {
    match gap {
        Gap::Adjacent => true,
        Gap::Punct => skip_punct,
        Gap::Sentence => false,
    }
}

/// Counts of tuples of `N` term ids, each entry the ids and the count side by side (12 bytes for a pair, where a
/// map from a packed `u64` takes 16): on a large corpus these tables are the biggest thing a group holds.
struct TupleCounts<const N: usize> {
    table: HashTable<([u32; N], u32)>,
    hasher: DefaultHashBuilder,
}

impl<const N: usize> TupleCounts<N> {
    fn new() -> Self {
        TupleCounts {
            table: HashTable::new(),
            hasher: DefaultHashBuilder::default(),
        }
    }

    /// The hash of a tuple: its ids folded two by two into `u64`s, one hasher write each.
    fn hash(hasher: &DefaultHashBuilder, ids: &[u32; N]) -> u64 {
        let mut h = hasher.build_hasher();
        for pair in ids.chunks(2) {
            let high = u64::from(pair[0]) << 32;
            h.write_u64(high | pair.get(1).map_or(0, |&y| u64::from(y)));
        }
        h.finish()
    }

    fn add(&mut self, ids: [u32; N]) {
        let hasher = &self.hasher;
        let hash = Self::hash(hasher, &ids);
        let entry = self
            .table
            .entry(hash, |(k, _)| *k == ids, |(k, _)| Self::hash(hasher, k));
        match entry {
            Entry::Occupied(mut e) => e.get_mut().1 += 1,
            Entry::Vacant(e) => {
                e.insert((ids, 1));
            }
        }
    }

    fn contains(&self, ids: [u32; N]) -> bool {
        let hash = Self::hash(&self.hasher, &ids);
        self.table.find(hash, |(k, _)| *k == ids).is_some()
    }

    /// Keeps only the tuples counted at least `min` times.
    fn keep_at_least(&mut self, min: u64) {
        self.table.retain(|(_, n)| u64::from(*n) >= min);
    }

    fn iter(&self) -> impl Iterator<Item = ([u32; N], u32)> + '_ {
        self.table.iter().copied()
    }
}

/// Where [`group_collocations`] hands its rows.
pub struct Emit<'e, 'a> {
    /// Each bigram row, in table order.
    pub bigram: &'e mut dyn FnMut(BigramRow<'a>),
    /// Each trigram row, in table order (after every bigram row).
    pub trigram: &'e mut dyn FnMut(TrigramRow<'a>),
}

/// The trigram rows of a group's triple counts, sorted by count descending, then by the words' forms.
fn emit_trigrams<'a>(
    group: &Group<'a, '_>,
    trigrams: &TupleCounts<3>,
    total: u64,
    emit: &mut dyn FnMut(TrigramRow<'a>),
) {
    let Group {
        corpus,
        options,
        speaker,
        order,
    } = *group;
    let view = options.view;
    let mut rows: Vec<(u32, [u32; 3])> = trigrams
        .iter()
        .filter(|(terms, n)| u64::from(*n) >= options.min_count && group.listed(terms))
        .map(|(terms, n)| (n, terms))
        .collect();
    rows.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0).then_with(|| {
            a.1.map(|t| order[t as usize])
                .cmp(&b.1.map(|t| order[t as usize]))
        })
    });
    for (n, [a, b, c]) in rows {
        emit(TrigramRow {
            speaker,
            first: view.form(corpus, a),
            second: view.form(corpus, b),
            third: view.form(corpus, c),
            count: u64::from(n),
            total,
        });
    }
}

/// What the rows of one group are made with.
struct Group<'a, 'o> {
    corpus: &'a Corpus,
    options: &'o CollocOptions,
    speaker: &'a str,
    /// [`View::form_order`].
    order: &'o [u32],
}

impl Group<'_, '_> {
    /// Whether a pair or triple of terms goes in the tables: always with `keep_stopwords`, else when none of its
    /// terms is a stopword.
    fn listed(&self, terms: &[u32]) -> bool {
        let view = self.options.view;
        self.options.keep_stopwords || !terms.iter().any(|&t| view.is_stop(self.corpus, t))
    }
}

/// The bigram rows of a group's pair counts, sorted by count descending, then by the words' forms.
fn emit_bigrams<'a>(
    group: &Group<'a, '_>,
    bigrams: &TupleCounts<2>,
    (unigrams, total): (&[u64], u64),
    emit: &mut dyn FnMut(BigramRow<'a>),
) {
    let Group {
        corpus,
        options,
        speaker,
        order,
    } = *group;
    let view = options.view;
    let min = options.min_count;
    let mut rows: Vec<(u32, u32, u32)> = bigrams
        .iter()
        .filter(|&([x, y], n)| u64::from(n) >= min && group.listed(&[x, y]))
        .map(|([x, y], n)| (x, y, n))
        .collect();
    rows.sort_unstable_by(|a, b| {
        b.2.cmp(&a.2)
            .then_with(|| order[a.0 as usize].cmp(&order[b.0 as usize]))
            .then_with(|| order[a.1 as usize].cmp(&order[b.1 as usize]))
    });
    for (x, y, n) in rows {
        let (n, nx, ny) = (u64::from(n), unigrams[x as usize], unigrams[y as usize]);
        let [pmi, npmi, g2, t_score, chi2, dice, log_dice] = measures(n, nx, ny, total);
        emit(BigramRow {
            speaker,
            first: view.form(corpus, x),
            second: view.form(corpus, y),
            count: n,
            count_first: nx,
            count_second: ny,
            total,
            pmi,
            npmi,
            g2,
            t_score,
            chi2,
            dice,
            log_dice,
        });
    }
}

/// Bigram and trigram rows of one group of turns, handed out one by one so they need not be held. `counts` are the
/// group's counts in the view of `options` ([`Tallies::of`]); `unigrams` is all zero (one entry per term of the
/// view), and is again on return; `order` is [`View::form_order`].
pub fn group_collocations<'a>(
    corpus: &'a Corpus,
    options: &CollocOptions,
    group: &TurnGroup<'a>,
    counts: GroupCounts<'_>,
    unigrams: &mut [u64],
    order: &[u32],
    emit: Emit<'_, 'a>,
) -> Result<(), TokenError> {
    let view = options.view;
    let skip = options.skip_punct;
    let (speaker, turns) = (group.name, &group.turns);
    let mut reader = corpus.reader();
    let mut touched = Vec::new();
    counts.each(|t, n| {
        unigrams[t as usize] = n;
        touched.push(t);
    });
    let total = group.words(corpus) as u64;
    // A pair can reach the minimum count only if both its words do, so only those pairs are counted; and pairs
    // with a stopword are left out of the tables unless asked for, so they are not counted either.
    let min = options.min_count;
    let counted = |t: u32| {
        unigrams[t as usize] >= min && (options.keep_stopwords || !view.is_stop(corpus, t))
    };
    let mut bigrams: TupleCounts<2> = TupleCounts::new();
    for &i in turns {
        let (words, gaps) = reader.words_and_gaps(&corpus.turns[i])?;
        let mut prev = u32::MAX;
        for (k, &w) in words.iter().enumerate() {
            let term = view.term(corpus, w);
            if k >= 1 && joins(gaps[k], skip) && counted(prev) && counted(term) {
                bigrams.add([prev, term]);
            }
            prev = term;
        }
    }
    let group = Group {
        corpus,
        options,
        speaker,
        order,
    };
    emit_bigrams(&group, &bigrams, (unigrams, total), emit.bigram);
    // Trigrams: a triple can reach the minimum count only if both its pairs do, so only those are counted (and
    // only the frequent pairs are kept for the lookup).
    bigrams.keep_at_least(min);
    let frequent = |x: u32, y: u32| bigrams.contains([x, y]);
    let mut trigrams: TupleCounts<3> = TupleCounts::new();
    for &i in turns {
        let (words, gaps) = reader.words_and_gaps(&corpus.turns[i])?;
        for k in 2..words.len() {
            if !(joins(gaps[k - 1], skip) && joins(gaps[k], skip)) {
                continue;
            }
            let (a, b, c) = (
                view.term(corpus, words[k - 2]),
                view.term(corpus, words[k - 1]),
                view.term(corpus, words[k]),
            );
            if counted(a) && counted(b) && counted(c) && frequent(a, b) && frequent(b, c) {
                trigrams.add([a, b, c]);
            }
        }
    }
    emit_trigrams(&group, &trigrams, total, emit.trigram);
    for t in touched {
        unigrams[t as usize] = 0;
    }
    Ok(())
}

/// Bigram and trigram rows.
pub type GroupRows<'a> = (Vec<BigramRow<'a>>, Vec<TrigramRow<'a>>);

/// Bigram and trigram tables, per speaker (sorted by name) and then `*`, each sorted by count descending, then
/// by the words. Speakers are counted in parallel; the rows do not depend on the thread count.
pub fn collocations<'a>(
    corpus: &'a Corpus,
    options: &CollocOptions,
) -> Result<GroupRows<'a>, TokenError> {
    let terms = options.view.len(corpus);
    let order = options.view.form_order(corpus);
    let tallies = Tallies::new(corpus, options.view)?;
    let parts: Vec<GroupRows<'a>> = groups(corpus)
        .par_iter()
        .map_init(
            || vec![0u64; terms],
            |unigrams, group| {
                let (mut bigrams, mut trigrams) = (Vec::new(), Vec::new());
                let emit = Emit {
                    bigram: &mut |r| bigrams.push(r),
                    trigram: &mut |r| trigrams.push(r),
                };
                let counts = tallies.of(group.speaker);
                group_collocations(corpus, options, group, counts, unigrams, &order, emit)?;
                Ok((bigrams, trigrams))
            },
        )
        .collect::<Result<_, TokenError>>()?;
    let mut bigrams = Vec::new();
    let mut trigrams = Vec::new();
    for (b, t) in parts {
        bigrams.extend(b);
        trigrams.extend(t);
    }
    Ok((bigrams, trigrams))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_that_is_the_whole_text() {
        let [pmi, npmi, _, _, chi2, dice, log_dice] = measures(1, 1, 1, 1);
        assert_eq!((pmi, npmi, dice, log_dice), (0.0, 1.0, 1.0, 14.0));
        assert!(chi2.is_nan() || chi2.is_finite());
    }
}
