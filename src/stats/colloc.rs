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

use std::collections::BTreeMap;

use hashbrown::HashMap;
use serde::Serialize;

use super::corpus::{Corpus, Gap};
use super::counts::View;
use super::freq::ALL;

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
pub struct BigramRow {
    /// Speaker or `*`.
    pub speaker: String,
    /// First word (form).
    pub first: String,
    /// Second word (form).
    pub second: String,
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
pub struct TrigramRow {
    /// Speaker or `*`.
    pub speaker: String,
    /// First word.
    pub first: String,
    /// Second word.
    pub second: String,
    /// Third word.
    pub third: String,
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

#[derive(Default)]
struct Tally {
    total: u64,
    unigrams: HashMap<u32, u64>,
    bigrams: HashMap<(u32, u32), u64>,
    trigrams: HashMap<(u32, u32, u32), u64>,
}

fn joins(gap: Gap, skip_punct: bool) -> bool {
    match gap {
        Gap::Adjacent => true,
        Gap::Punct => skip_punct,
        Gap::Sentence => false,
    }
}

/// Bigram and trigram tables, per speaker (sorted by name) and then `*`, each sorted by count descending, then
/// by the words.
pub fn collocations(corpus: &Corpus, options: &CollocOptions) -> (Vec<BigramRow>, Vec<TrigramRow>) {
    let view = options.view;
    let mut tallies: BTreeMap<Option<u32>, Tally> = BTreeMap::new();
    for t in &corpus.turns {
        for who in [Some(t.speaker), None] {
            let tally = tallies.entry(who).or_default();
            tally.total += t.words.len() as u64;
            let terms: Vec<u32> = t.words.iter().map(|&w| view.term(corpus, w)).collect();
            for (i, &w) in terms.iter().enumerate() {
                *tally.unigrams.entry(w).or_default() += 1;
                if i >= 1 && joins(t.gaps[i], options.skip_punct) {
                    *tally.bigrams.entry((terms[i - 1], w)).or_default() += 1;
                    if i >= 2 && joins(t.gaps[i - 1], options.skip_punct) {
                        *tally
                            .trigrams
                            .entry((terms[i - 2], terms[i - 1], w))
                            .or_default() += 1;
                    }
                }
            }
        }
    }
    let mut bigrams = Vec::new();
    let mut trigrams = Vec::new();
    // Speakers by name are ids in order; `None` (all) sorts first in the map, so take it last.
    let order: Vec<Option<u32>> = tallies
        .keys()
        .copied()
        .filter(Option::is_some)
        .chain([None])
        .collect();
    let keep =
        |terms: &[u32]| options.keep_stopwords || !terms.iter().any(|&t| view.is_stop(corpus, t));
    for who in order {
        let tally = &tallies[&who];
        let speaker = who.map_or(ALL, |s| corpus.speakers[s as usize].as_str());
        let mut rows: Vec<_> = tally
            .bigrams
            .iter()
            .filter(|(pair, &n)| n >= options.min_count && keep(&[pair.0, pair.1]))
            .collect();
        rows.sort_by(|a, b| {
            b.1.cmp(a.1)
                .then_with(|| view.form(corpus, a.0 .0).cmp(view.form(corpus, b.0 .0)))
                .then_with(|| view.form(corpus, a.0 .1).cmp(view.form(corpus, b.0 .1)))
        });
        for (&(x, y), &n) in rows {
            let (nx, ny) = (tally.unigrams[&x], tally.unigrams[&y]);
            let [pmi, npmi, g2, t_score, chi2, dice, log_dice] = measures(n, nx, ny, tally.total);
            bigrams.push(BigramRow {
                speaker: speaker.to_string(),
                first: view.form(corpus, x).to_string(),
                second: view.form(corpus, y).to_string(),
                count: n,
                count_first: nx,
                count_second: ny,
                total: tally.total,
                pmi,
                npmi,
                g2,
                t_score,
                chi2,
                dice,
                log_dice,
            });
        }
        let mut rows: Vec<_> = tally
            .trigrams
            .iter()
            .filter(|(tri, &n)| n >= options.min_count && keep(&[tri.0, tri.1, tri.2]))
            .map(|(&(a, b, c), &n)| {
                (
                    n,
                    [
                        view.form(corpus, a),
                        view.form(corpus, b),
                        view.form(corpus, c),
                    ],
                )
            })
            .collect();
        rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        for (n, [a, b, c]) in rows {
            trigrams.push(TrigramRow {
                speaker: speaker.to_string(),
                first: a.to_string(),
                second: b.to_string(),
                third: c.to_string(),
                count: n,
                total: tally.total,
            });
        }
    }
    (bigrams, trigrams)
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
