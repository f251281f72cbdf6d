//! Keyness: which terms set a target speaker apart from a reference (all other speakers by default, or one named
//! speaker; every speaker in turn as the target).
//!
//! For a term with a occurrences among the target's c words and b among the reference's d words:
//! - **G²** (Dunning 1993), the four-cell log-likelihood: 2 Σ O ln(O/E) over the cells a, b, c − a, d − b with E
//!   from the margins (0·ln 0 = 0); signed **+** where the target's relative frequency a/c is higher (or equal),
//!   **−** where it is lower;
//! - **χ²**: Pearson's four-cell statistic without continuity correction;
//! - **p-value**: the upper tail of χ² with one degree of freedom at |G²|, P = erfc(√(|G²|/2));
//! - **Log Ratio** (Hardie 2014): log₂((a/c)/(b/d)), a zero count taken as 0.5;
//! - **%DIFF** (Gabrielatos & Marchi 2012): 100·(a/c − b/d)/(b/d), a zero reference count taken as 0.5;
//! - **log-odds z** (Monroe, Colaresi & Quinn 2008, "Fightin' Words", informative Dirichlet prior): the prior is
//!   the combined target + reference counts, αᵤ = a + b, α₀ = c + d (prior scale 1: as much weight as the data);
//!   δ = ln((a+αᵤ)/(c+α₀−a−αᵤ)) − ln((b+αᵤ)/(d+α₀−b−αᵤ)), σ² = 1/(a+αᵤ) + 1/(b+αᵤ), z = δ/σ.
//!
//! **Which terms.** Those with a + b at least the minimum count that the target uses (a ≥ 1), and those it never uses
//! but would be expected to use at least once, c(a + b)/(c + d) ≥ 1; a term absent from both a short target and its
//! expectation says nothing, and listing every such term would make the table grow with speakers × vocabulary.
//! Rows come sorted by G² descending, then term.

use crate::corpus::{Corpus, SpeakerId, TermId, View};
use rayon::prelude::*;
use serde::Serialize;

pub use super::tallies::Tallies;

/// The reference name of rows against all other speakers.
pub const OTHERS: &str = "*";

/// One row of `keyness.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessRow<'a> {
    /// Target speaker.
    pub target: &'a str,
    /// Reference speaker, or `*` for all others.
    pub reference: &'a str,
    /// Term.
    pub term: &'a str,
    /// Its most frequent form.
    pub form: &'a str,
    /// a.
    pub count_target: u64,
    /// b.
    pub count_reference: u64,
    /// c.
    pub total_target: u64,
    /// d.
    pub total_reference: u64,
    /// Signed G².
    pub g2: f64,
    /// χ².
    pub chi2: f64,
    /// p-value of G².
    pub p_value: f64,
    /// Log Ratio.
    pub log_ratio: f64,
    /// %DIFF.
    pub pct_diff: f64,
    /// Log-odds z-score with an informative Dirichlet prior.
    pub log_odds_z: f64,
    /// The term is a stopword.
    pub stopword: bool,
    /// Its part of speech (UD tag; `_` without one).
    pub pos: &'static str,
    /// It is a content word ([`crate::corpus::Content`]; only content words are charted).
    pub content: bool,
}

/// The critical value of G² (one degree of freedom) at p < 0.01: the cut-off of the charts and of the default terms.
pub const CRITICAL_01: f64 = 6.63;

/// The keyness measures of a term counted `a` times in the target's `c` words and `b` times in the reference's
/// `d` words (see the module's doc for each formula and its source).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Keyness {
    /// Log-likelihood G², signed: + where the target uses the term relatively more.
    pub g2: f64,
    /// Pearson's χ².
    pub chi2: f64,
    /// The p-value of G² (χ², one degree of freedom).
    pub p_value: f64,
    /// Log Ratio (a zero count taken as 0.5).
    pub log_ratio: f64,
    /// %DIFF.
    pub pct_diff: f64,
    /// The log-odds z-score with an informative Dirichlet prior.
    pub log_odds_z: f64,
}

/// The keyness measures for counts a, b of totals c, d.
pub fn measures(a: u64, b: u64, c: u64, d: u64) -> Keyness {
    let (af, bf, cf, df) = (a as f64, b as f64, c as f64, d as f64);
    let n = cf + df;
    let observed = [af, bf, cf - af, df - bf];
    let row = [af + bf, af + bf, n - af - bf, n - af - bf];
    let col = [cf, df, cf, df];
    let mut g2 = 0.0;
    let mut chi2 = 0.0;
    for i in 0..4 {
        let e = row[i] * col[i] / n;
        if observed[i] > 0.0 {
            g2 += observed[i] * (observed[i] / e).ln();
        }
        if e > 0.0 {
            chi2 += (observed[i] - e).powi(2) / e;
        }
    }
    g2 *= 2.0;
    let higher = af * df >= bf * cf;
    let g2_signed = if higher { g2.abs() } else { -g2.abs() };
    let p = libm::erfc((g2.abs() / 2.0).sqrt());
    let a5 = if a == 0 { 0.5 } else { af };
    let b5 = if b == 0 { 0.5 } else { bf };
    let log_ratio = ((a5 / cf) / (b5 / df)).log2();
    let pct_diff = (af / cf - b5 / df) * 100.0 / (b5 / df);
    let alpha_w = af + bf;
    let alpha_0 = n;
    let delta = ((af + alpha_w) / (cf + alpha_0 - af - alpha_w)).ln()
        - ((bf + alpha_w) / (df + alpha_0 - bf - alpha_w)).ln();
    let sigma = (1.0 / (af + alpha_w) + 1.0 / (bf + alpha_w)).sqrt();
    Keyness {
        g2: g2_signed,
        chi2,
        p_value: p,
        log_ratio,
        pct_diff,
        log_odds_z: delta / sigma,
    }
}

/// Who is compared with whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Every speaker against all the others.
    Others,
    /// Every other speaker against this one, and this one against each of them.
    Speaker(String),
}

/// Keyness rows for every target speaker (sorted by name) against the reference. Targets are computed in
/// parallel; the rows do not depend on the thread count.
pub fn keyness<'a>(
    corpus: &'a Corpus,
    tallies: &Tallies,
    reference: &Reference,
    min_count: u64,
) -> Vec<KeynessRow<'a>> {
    let speakers: Vec<SpeakerId> = (0..corpus.speakers.len() as SpeakerId)
        .filter(|&s| tallies.total(s) > 0)
        .collect();
    let pairs: Vec<(SpeakerId, Option<SpeakerId>)> = match reference {
        Reference::Others => speakers.iter().map(|&s| (s, None)).collect(),
        Reference::Speaker(name) => match corpus.speaker_id(name) {
            None => Vec::new(),
            Some(r) => speakers
                .iter()
                .filter(|&&s| s != r)
                .flat_map(|&s| [(s, Some(r)), (r, Some(s))])
                .collect(),
        },
    };
    rows_for_pairs(corpus, tallies, &pairs, min_count)
}

/// Keyness rows of two speakers against each other (both directions); empty if either is unknown.
pub fn keyness_between<'a>(
    corpus: &'a Corpus,
    tallies: &Tallies,
    a: &str,
    b: &str,
    min_count: u64,
) -> Vec<KeynessRow<'a>> {
    match (corpus.speaker_id(a), corpus.speaker_id(b)) {
        (Some(a), Some(b)) if a != b => {
            rows_for_pairs(corpus, tallies, &[(a, Some(b)), (b, Some(a))], min_count)
        }
        _ => Vec::new(),
    }
}

/// The rows of each (target, reference) pair, `None` meaning all other speakers; pairs computed in parallel.
fn rows_for_pairs<'a>(
    corpus: &'a Corpus,
    tallies: &Tallies,
    pairs: &[(SpeakerId, Option<SpeakerId>)],
    min_count: u64,
) -> Vec<KeynessRow<'a>> {
    // All terms by corpus count, most frequent first, for the terms a target never uses.
    let mut frequent: Vec<(u64, TermId)> = tallies
        .all()
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(t, &n)| (n, t as TermId))
        .collect();
    frequent.par_sort_unstable_by(|x, y| y.cmp(x));
    let view = tallies.view();
    let pair_of = PairOf {
        corpus,
        view,
        tallies,
        frequent: &frequent,
        grand: tallies.grand_total(),
        min_count,
    };
    let terms_total = view.len(corpus);
    pairs
        .par_iter()
        .map_init(
            || (vec![0u64; terms_total], vec![0u64; terms_total]),
            |dense, &pair| pair_of.rows(pair, dense),
        )
        .flat_map_iter(|rows| rows)
        .collect()
}

/// What the rows of every pair are made from.
struct PairOf<'p, 'a> {
    corpus: &'a Corpus,
    view: View,
    tallies: &'p Tallies,
    /// All terms by corpus count, most frequent first.
    frequent: &'p [(u64, TermId)],
    /// Words of all speakers.
    grand: u64,
    min_count: u64,
}

impl<'a> PairOf<'_, 'a> {
    /// The rows of one (target, reference) pair, sorted by G² descending, then term. `dense` holds the target's
    /// and the reference's counts by term while the pair is made, and is all zero before and after.
    fn rows(
        &self,
        (target, against): (SpeakerId, Option<SpeakerId>),
        (target_dense, reference_dense): &mut (Vec<u64>, Vec<u64>),
    ) -> Vec<KeynessRow<'a>> {
        let tallies = self.tallies;
        let tc = tallies.counts(target);
        let c = tallies.total(target);
        let d = match against {
            Some(r) => tallies.total(r),
            None => self.grand - c,
        };
        if c == 0 || d == 0 {
            return Vec::new();
        }
        let reference: &[(TermId, u64)] = match against {
            Some(r) => tallies.counts(r),
            None => &[],
        };
        for &(t, n) in tc {
            target_dense[t as usize] = n;
        }
        for &(t, n) in reference {
            reference_dense[t as usize] = n;
        }
        let b_of = |t: TermId| match against {
            Some(_) => reference_dense[t as usize],
            None => tallies.all()[t as usize] - target_dense[t as usize],
        };
        let (corpus, view) = (self.corpus, self.view);
        let mut block: Vec<KeynessRow> = self
            .candidates(tc, against.map(|_| reference), c, d)
            .into_iter()
            .filter_map(|t| {
                let a = target_dense[t as usize];
                let b = b_of(t);
                let listed = a > 0 || (a + b) * c >= c + d;
                (a + b >= self.min_count && listed).then(|| {
                    let Keyness {
                        g2,
                        chi2,
                        p_value,
                        log_ratio,
                        pct_diff,
                        log_odds_z,
                    } = measures(a, b, c, d);
                    KeynessRow {
                        target: &corpus.speakers[target as usize],
                        reference: against.map_or(OTHERS, |r| &corpus.speakers[r as usize]),
                        term: view.text(corpus, t),
                        form: view.form(corpus, t),
                        count_target: a,
                        count_reference: b,
                        total_target: c,
                        total_reference: d,
                        g2,
                        chi2,
                        p_value,
                        log_ratio,
                        pct_diff,
                        log_odds_z,
                        stopword: view.is_stop(corpus, t),
                        pos: view.pos(corpus, t).as_str(),
                        content: view.is_content(corpus, t),
                    }
                })
            })
            .collect();
        for &(t, _) in tc {
            target_dense[t as usize] = 0;
        }
        for &(t, _) in reference {
            reference_dense[t as usize] = 0;
        }
        block.sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(y.term)));
        block
    }

    /// The terms to list for a target of `c` words against a reference of `d`: the target's terms, and the
    /// reference's terms (`None`: all others') frequent enough to be expected in the target, c(a + b)/(c + d) ≥ 1,
    /// that is a + b ≥ ⌈(c + d)/c⌉. Sorted, without duplicates.
    fn candidates(
        &self,
        target: &[(TermId, u64)],
        reference: Option<&[(TermId, u64)]>,
        c: u64,
        d: u64,
    ) -> Vec<TermId> {
        let expected_at = (c + d).div_ceil(c);
        let mut terms: Vec<TermId> = target.iter().map(|p| p.0).collect();
        match reference {
            Some(list) => terms.extend(list.iter().filter(|p| p.1 >= expected_at).map(|p| p.0)),
            None => terms.extend(
                self.frequent
                    .iter()
                    .take_while(|(n, _)| *n >= expected_at)
                    .map(|(_, t)| *t),
            ),
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_relative_frequencies_are_not_key() {
        let k = measures(10, 20, 1000, 2000);
        assert!(k.g2.abs() < 1e-12 && k.chi2.abs() < 1e-12);
        assert!((k.p_value - 1.0).abs() < 1e-12);
        assert_eq!((k.log_ratio, k.pct_diff), (0.0, 0.0));
        assert!(k.log_odds_z.abs() < 1e-12);
    }

    #[test]
    fn zero_counts_use_half() {
        let k = measures(3, 0, 100, 100);
        assert!(k.g2 > 0.0);
        assert_eq!(k.log_ratio, (3.0f64 / 0.5).log2());
        assert_eq!(k.pct_diff, (0.03 - 0.005) * 100.0 / 0.005);
    }
}
