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
//! **Measures** ([`super::association`], equal to `nltk.metrics.association.BigramAssocMeasures` on those counts,
//! including its 1e-20 smoothing constant):
//! - PMI = log₂(n_ii·N) − log₂(n_ix·n_xi) (Church & Hanks 1990);
//! - NPMI = PMI / −log₂(n_ii/N) (Bouma 2009; 1 when the pair is the whole text);
//! - G² = 2 Σ oᵢ ln(oᵢ/(eᵢ + 1e-20) + 1e-20) (Dunning 1993; NLTK's `likelihood_ratio`, unsigned);
//! - t = (n_ii − n_ix·n_xi/N) / √(n_ii + 1e-20) (Church et al. 1991);
//! - χ² = N·φ², φ² = (n_ii·n_oo − n_io·n_oi)² / ((n_ii+n_io)(n_ii+n_oi)(n_io+n_oo)(n_oi+n_oo)) (Pearson, no
//!   continuity correction);
//! - Dice = 2·n_ii / (n_ix + n_xi); logDice = 14 + log₂ Dice (Rychlý 2008).
//!
//! **Forms.** A pair or triple is counted by the terms of the view (lemma pairs by default, as Sketch Engine counts
//! them), which read as no one speaks (`исторический память`); each row also has its `form`, the sequence of keys
//! (word forms) that occurs most often for those terms in that speaker's text, each key [`spoken`](super::pair_forms::spoken) and joined by
//! spaces (`исторической памяти`); of forms that occur equally often, the first in string order. In the key view
//! the terms are the keys, so nothing is counted: the form is the pair's own keys, spoken. Only the pairs that go in
//! the table have their forms counted, and triples are counted by keys, so the forms cost no extra reading of the
//! turns.

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::{Corpus, Gap, TokenError, View};

use super::association::{measures, Association};
use super::freq::{groups, TurnGroup};
use super::pair_forms::{spoken_form, Best};
use super::tallies::{GroupCounts, Tallies};
use super::tuples::{TupleCounts, Tuples};

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
    /// The pair as most often spoken ([`spoken`](super::pair_forms::spoken)).
    pub form: String,
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
    /// The triple as most often spoken ([`spoken`](super::pair_forms::spoken)).
    pub form: String,
    /// Count.
    pub count: u64,
    /// Word tokens N.
    pub total: u64,
}

fn joins(gap: Gap, skip_punct: bool) -> bool {
    match gap {
        Gap::Adjacent => true,
        Gap::Punct => skip_punct,
        Gap::Sentence => false,
    }
}

/// Where [`group_collocations`] hands its rows.
pub struct Emit<'e, 'a> {
    /// Each bigram row, in table order.
    pub bigram: &'e mut dyn FnMut(BigramRow<'a>),
    /// Each trigram row, in table order (after every bigram row).
    pub trigram: &'e mut dyn FnMut(TrigramRow<'a>),
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

/// The pairs of a group's pair counts that go in the table, as (first, second, count), sorted by count
/// descending, then by the words' forms.
fn table_pairs(group: &Group<'_, '_>, bigrams: &TupleCounts<2>) -> Vec<(u32, u32, u32)> {
    let order = group.order;
    let min = group.options.min_count;
    let mut rows: Vec<(u32, u32, u32)> = bigrams
        .iter()
        .filter(|&&([x, y], n)| u64::from(n) >= min && group.listed(&[x, y]))
        .map(|&([x, y], n)| (x, y, n))
        .collect();
    // Held while the turns are read again: on a large corpus most counted pairs are in the table.
    rows.shrink_to_fit();
    rows.sort_unstable_by(|a, b| {
        b.2.cmp(&a.2)
            .then_with(|| order[a.0 as usize].cmp(&order[b.0 as usize]))
            .then_with(|| order[a.1 as usize].cmp(&order[b.1 as usize]))
    });
    rows
}

/// The bigram rows of a group's table pairs, each with the keys of its form.
fn emit_bigrams<'a>(
    group: &Group<'a, '_>,
    pairs: &[(u32, u32, u32)],
    spelling: impl Fn(usize) -> [u32; 2],
    (unigrams, total): (&[u64], u64),
    emit: &mut dyn FnMut(BigramRow<'a>),
) {
    let (corpus, view) = (group.corpus, group.options.view);
    for (i, &(x, y, n)) in pairs.iter().enumerate() {
        let (n, nx, ny) = (u64::from(n), unigrams[x as usize], unigrams[y as usize]);
        let Association {
            pmi,
            npmi,
            g2,
            t_score,
            chi2,
            dice,
            log_dice,
        } = measures(n, nx, ny, total);
        emit(BigramRow {
            speaker: group.speaker,
            first: view.form(corpus, x),
            second: view.form(corpus, y),
            form: spoken_form(corpus, &spelling(i)),
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

/// The trigram rows of a group's triples (terms, count, keys of the form), those counted at least the minimum
/// and listed, sorted by count descending, then by the words' forms.
fn emit_trigrams<'a>(
    group: &Group<'a, '_>,
    triples: impl Iterator<Item = ([u32; 3], u32, [u32; 3])>,
    total: u64,
    emit: &mut dyn FnMut(TrigramRow<'a>),
) {
    let (corpus, view, order) = (group.corpus, group.options.view, group.order);
    let min = group.options.min_count;
    let mut rows: Vec<([u32; 3], u32, [u32; 3])> = triples
        .filter(|(terms, n, _)| u64::from(*n) >= min && group.listed(terms))
        .collect();
    rows.sort_unstable_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            a.0.map(|t| order[t as usize])
                .cmp(&b.0.map(|t| order[t as usize]))
        })
    });
    for ([a, b, c], n, keys) in rows {
        emit(TrigramRow {
            speaker: group.speaker,
            first: view.form(corpus, a),
            second: view.form(corpus, b),
            third: view.form(corpus, c),
            form: spoken_form(corpus, &keys),
            count: u64::from(n),
            total,
        });
    }
}

/// Bigram and trigram rows of one group of turns, handed out one by one so they need not be held. `counts` are the
/// group's counts in the view of `options` ([`Tallies::of`]); `unigrams` is all zero (one entry per term of the
/// view), and is again on return; `order` is [`View::form_order`].
///
/// The turns are read once for the pairs of terms, once for the spellings (pairs of keys) of the pairs that go in
/// the table (in views other than keys), and once for the triples, after the pairs' rows are handed out (so the
/// tables of the pairs and of the triples are never held at once). Triples are counted by keys and summed into triples of terms
/// afterwards, which also gives their spellings; in the key view the terms are the keys and nothing is summed.
pub fn group_collocations<'a>(
    corpus: &'a Corpus,
    options: &CollocOptions,
    group: &TurnGroup<'a>,
    counts: GroupCounts<'_>,
    unigrams: &mut [u64],
    order: &[u32],
    emit: Emit<'_, 'a>,
) -> Result<(), TokenError> {
    let mut touched = Vec::new();
    counts.each(|t, n| {
        unigrams[t as usize] = n;
        touched.push(t);
    });
    let total = group.words(corpus) as u64;
    let g = Group {
        corpus,
        options,
        speaker: group.name,
        order,
    };
    {
        let unigrams: &[u64] = unigrams;
        // A pair can reach the minimum count only if both its words do, so only those pairs are counted; and pairs
        // with a stopword are left out of the tables unless asked for, so they are not counted either.
        let counted = Counted::new(
            &g,
            |t: u32| {
                unigrams[t as usize] >= options.min_count
                    && (options.keep_stopwords || !options.view.is_stop(corpus, t))
            },
            total as usize,
        );
        let mut row_of = count_pairs(&g, &group.turns, &counted)?;
        let pairs = table_pairs(&g, &row_of);
        rows_of_pairs(&g, &mut row_of, &pairs);
        let spellings = if options.view == View::Key {
            Vec::new()
        } else {
            let pair_keys = count_spellings(&g, &group.turns, &row_of, &counted)?;
            pair_spellings(&g, pairs.len(), &pair_keys, &row_of)
        };
        let spelling = |i: usize| match spellings.get(i) {
            Some(best) => best.keys,
            None => [pairs[i].0, pairs[i].1],
        };
        emit_bigrams(&g, &pairs, spelling, (unigrams, total), emit.bigram);
        // The pairs are done with before the triples are counted: their tables are not held at once.
        drop((pairs, spellings));
        let triples = count_triples(&g, &group.turns, &row_of, &counted)?;
        drop(row_of);
        if options.view == View::Key {
            let rows = triples.iter().map(|&(keys, n)| (keys, n, keys));
            emit_trigrams(&g, rows, total, emit.trigram);
        } else {
            let by_terms = triples_of_terms(&g, triples);
            let rows = by_terms
                .iter()
                .map(|&(terms, (n, best))| (terms, n, best.keys));
            emit_trigrams(&g, rows, total, emit.trigram);
        }
    }
    for t in touched {
        unigrams[t as usize] = 0;
    }
    Ok(())
}

/// The first reading of a group's turns: the pairs of terms next to each other (in one sentence; across
/// punctuation with `skip_punct`) whose words are both `counted`.
fn count_pairs(
    g: &Group<'_, '_>,
    turns: &[usize],
    counted: &Counted<impl Fn(u32) -> bool>,
) -> Result<TupleCounts<2>, TokenError> {
    let (corpus, skip) = (g.corpus, g.options.skip_punct);
    if !corpus.grams.is_empty() {
        return Ok(counted::pairs(g, turns, &counted.admits));
    }
    let mut reader = corpus.reader();
    let mut bigrams: TupleCounts<2> = TupleCounts::new();
    for &i in turns {
        let (words, gaps) = reader.words_and_gaps(&corpus.turns[i])?;
        let mut prev = NOT_COUNTED;
        for (k, &w) in words.iter().enumerate() {
            let term = counted.term(w);
            if prev != NOT_COUNTED && term != NOT_COUNTED && joins(gaps[k], skip) {
                bigrams.add([prev, term]);
            }
            prev = term;
        }
    }
    Ok(bigrams)
}

/// What [`Counted::term`] gives a key whose term is not counted.
const NOT_COUNTED: u32 = u32::MAX;

/// Which terms the pairs are counted for (`admits`), and the counted term of each key: looked up in a table made
/// once per group when the group has more words than the corpus has keys (the large groups, where a word's term
/// and whether it is counted would otherwise be worked out at every word), else worked out word by word.
struct Counted<'c, F> {
    admits: F,
    table: Vec<u32>,
    corpus: &'c Corpus,
    view: View,
}

impl<'c, F: Fn(u32) -> bool> Counted<'c, F> {
    fn new(g: &Group<'c, '_>, admits: F, words: usize) -> Self {
        let (corpus, view) = (g.corpus, g.options.view);
        let keys = View::Key.len(corpus);
        let mut counted = Counted {
            admits,
            table: Vec::new(),
            corpus,
            view,
        };
        if words >= keys {
            counted.table = (0..keys as u32).map(|k| counted.term(k)).collect();
        }
        counted
    }

    /// The term of a key if it is counted, else [`NOT_COUNTED`].
    #[inline]
    fn term(&self, key: u32) -> u32 {
        if let Some(&t) = self.table.get(key as usize) {
            return t;
        }
        let t = self.view.term(self.corpus, key);
        if (self.admits)(t) {
            t
        } else {
            NOT_COUNTED
        }
    }
}

/// The counted pairs (`counted`, [`count_pairs`]) made the row of each table pair (`pairs`, [`table_pairs`]) in
/// place, the others taken out: the table the pairs were counted in is the one the second reading looks them up in.
/// A pair's words are counted exactly when it is listed, so the table pairs are all the pairs counted at least the
/// minimum.
fn rows_of_pairs(g: &Group<'_, '_>, counted: &mut TupleCounts<2>, pairs: &[(u32, u32, u32)]) {
    let min = g.options.min_count;
    counted.retain(|&[x, y], n| {
        let kept = u64::from(*n) >= min && g.listed(&[x, y]);
        *n = u32::MAX;
        kept
    });
    // Most counted pairs are taken out (of the narration of `bench/ruslit`, 603,520 of 663,891): the two readings
    // that look pairs up at every word do it in a table of the pairs kept.
    counted.shrink_to_fit();
    for (i, &(x, y, _)) in pairs.iter().enumerate() {
        if let Some(row) = counted.get_mut([x, y]) {
            *row = i as u32;
        }
    }
}

/// Calls `each(words, k, joined)` for each word `k` of the group's turns that ends a table pair (`row_of` holds the
/// table pairs, [`rows_of_pairs`]), `joined` telling whether the word before it also ends one (then the three words
/// `k - 2 ..= k` are a triple whose two pairs are both in the table).
fn each_table_pair(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &Counted<impl Fn(u32) -> bool>,
    mut each: impl FnMut(&[u32], usize, bool),
) -> Result<(), TokenError> {
    let (corpus, skip) = (g.corpus, g.options.skip_punct);
    let mut reader = corpus.reader();
    for &i in turns {
        let (words, gaps) = reader.words_and_gaps(&corpus.turns[i])?;
        let (mut prev, mut prev_in) = (NOT_COUNTED, false);
        for (k, &w) in words.iter().enumerate() {
            let term = counted.term(w);
            let within = prev != NOT_COUNTED
                && term != NOT_COUNTED
                && joins(gaps[k], skip)
                && row_of.get([prev, term]).is_some();
            if within {
                each(words, k, prev_in);
            }
            (prev, prev_in) = (term, within);
        }
    }
    Ok(())
}

/// The second reading of a group's turns (in views other than keys): the pairs of keys the table pairs (`row_of`,
/// [`rows_of_pairs`]) are spelled with.
fn count_spellings(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &Counted<impl Fn(u32) -> bool>,
) -> Result<TupleCounts<2>, TokenError> {
    if !g.corpus.grams.is_empty() {
        return Ok(counted::spellings(g, turns, row_of, &counted.admits));
    }
    let mut pair_keys: TupleCounts<2> = TupleCounts::new();
    each_table_pair(g, turns, row_of, counted, |words, k, _| {
        pair_keys.add([words[k - 1], words[k]]);
    })?;
    Ok(pair_keys)
}

/// The last reading of a group's turns, once the pairs' rows are made: the triples of keys whose two pairs are both
/// in the table (`row_of`, [`rows_of_pairs`]; a triple can reach the minimum count only if both its pairs do, so
/// only those are counted). Counted apart from the spellings so that their tables are never held at once.
fn count_triples(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &Counted<impl Fn(u32) -> bool>,
) -> Result<TupleCounts<3>, TokenError> {
    if !g.corpus.grams.is_empty() {
        return Ok(counted::triples(g, turns, row_of, &counted.admits));
    }
    let mut triples: TupleCounts<3> = TupleCounts::new();
    each_table_pair(g, turns, row_of, counted, |words, k, joined| {
        if joined {
            triples.add([words[k - 2], words[k - 1], words[k]]);
        }
    })?;
    Ok(triples)
}

/// The most frequent spelling of each of the first `rows` table pairs (none in the key view, where a pair is its
/// keys) from the counted pairs of keys they are spelled with (each in the row `row_of` gives its terms): the counts
/// decide, and only ties at the top compare forms.
fn pair_spellings(
    g: &Group<'_, '_>,
    rows: usize,
    pair_keys: &TupleCounts<2>,
    row_of: &Tuples<2, u32>,
) -> Vec<Best<2>> {
    let (corpus, view) = (g.corpus, g.options.view);
    let mut spellings = vec![Best::<2>::default(); rows];
    let row = |[a, b]: [u32; 2]| {
        let r = row_of.get([view.term(corpus, a), view.term(corpus, b)]);
        r.map(|&r| r as usize).filter(|&r| r < rows)
    };
    for &(keys, n) in pair_keys.iter() {
        if let Some(r) = row(keys) {
            spellings[r].raise(keys, n);
        }
    }
    for &(keys, n) in pair_keys.iter() {
        if let Some(r) = row(keys) {
            spellings[r].settle(corpus, keys, n);
        }
    }
    spellings
}

/// Triples of keys summed into triples of terms, each with its count and most frequent spelling (ties settled only
/// for the triples counted at least the minimum).
fn triples_of_terms(g: &Group<'_, '_>, triples: TupleCounts<3>) -> Tuples<3, (u32, Best<3>)> {
    let (corpus, view) = (g.corpus, g.options.view);
    let terms = |keys: [u32; 3]| keys.map(|k| view.term(corpus, k));
    let mut by_terms: Tuples<3, (u32, Best<3>)> = Tuples::new();
    for &(keys, n) in triples.iter() {
        let (count, best) = by_terms.value(terms(keys));
        *count += n;
        best.raise(keys, n);
    }
    for &(keys, n) in triples.iter() {
        if let Some((count, best)) = by_terms.get_mut(terms(keys)) {
            if u64::from(*count) >= g.options.min_count {
                best.settle(corpus, keys, n);
            }
        }
    }
    by_terms
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

mod counted;
#[cfg(test)]
mod tests;
