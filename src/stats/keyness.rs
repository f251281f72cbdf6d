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

use std::collections::BTreeMap;

use hashbrown::HashMap;
use serde::Serialize;

use super::corpus::Corpus;
use super::counts::View;

/// The reference name of rows against all other speakers.
pub const OTHERS: &str = "*";

/// One row of `keyness.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeynessRow {
    /// Target speaker.
    pub target: String,
    /// Reference speaker, or `*` for all others.
    pub reference: String,
    /// Term.
    pub term: String,
    /// Its most frequent form.
    pub form: String,
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
}

/// The measures for counts a, b of totals c, d: (g2 signed, chi2, p, log_ratio, pct_diff, log_odds_z).
pub fn measures(a: u64, b: u64, c: u64, d: u64) -> [f64; 6] {
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
    [g2_signed, chi2, p, log_ratio, pct_diff, delta / sigma]
}

/// Who is compared with whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Every speaker against all the others.
    Others,
    /// Every other speaker against this one, and this one against each of them.
    Speaker(String),
}

/// Keyness rows for every target speaker (sorted by name) against the reference.
pub fn keyness(
    corpus: &Corpus,
    view: View,
    reference: &Reference,
    min_count: u64,
) -> Vec<KeynessRow> {
    let mut counts: BTreeMap<u32, HashMap<u32, u64>> = BTreeMap::new();
    let mut totals: BTreeMap<u32, u64> = BTreeMap::new();
    for t in &corpus.turns {
        let c = counts.entry(t.speaker).or_default();
        for &w in &t.words {
            *c.entry(view.term(corpus, w)).or_default() += 1;
        }
        *totals.entry(t.speaker).or_default() += t.words.len() as u64;
    }
    let mut all: HashMap<u32, u64> = HashMap::new();
    for c in counts.values() {
        for (&t, &n) in c {
            *all.entry(t).or_default() += n;
        }
    }
    let grand: u64 = totals.values().sum();
    // All terms by corpus count, most frequent first, for the terms a target never uses.
    let mut frequent: Vec<(u64, u32)> = all.iter().map(|(&t, &n)| (n, t)).collect();
    frequent.sort_unstable_by(|x, y| y.cmp(x));
    let empty = HashMap::new();
    let mut rows = Vec::new();
    let pairs: Vec<(u32, Option<u32>)> = match reference {
        Reference::Others => counts.keys().map(|&s| (s, None)).collect(),
        Reference::Speaker(name) => match corpus.speakers.iter().position(|s| s == name) {
            None => Vec::new(),
            Some(r) => {
                let r = r as u32;
                counts
                    .keys()
                    .filter(|&&s| s != r)
                    .flat_map(|&s| [(s, Some(r)), (r, Some(s))])
                    .collect()
            }
        },
    };
    for (target, against) in pairs {
        let tc = &counts[&target];
        let c = totals[&target];
        let (d, reference_counts): (u64, Box<dyn Fn(u32) -> u64>) = match against {
            Some(r) => {
                let rc = counts.get(&r).unwrap_or(&empty);
                (
                    totals[&r],
                    Box::new(move |t| rc.get(&t).copied().unwrap_or(0)),
                )
            }
            None => {
                let all = &all;
                (
                    grand - c,
                    Box::new(move |t| all[&t] - tc.get(&t).copied().unwrap_or(0)),
                )
            }
        };
        if c == 0 || d == 0 {
            continue;
        }
        let terms: Vec<u32> = match against {
            Some(r) => {
                let mut v: Vec<u32> = tc
                    .keys()
                    .copied()
                    .chain(counts[&r].keys().copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            }
            None => all.keys().copied().collect(),
        };
        let mut block: Vec<KeynessRow> = terms
            .into_iter()
            .filter_map(|t| {
                let a = tc.get(&t).copied().unwrap_or(0);
                let b = reference_counts(t);
                let listed = a > 0 || (a + b) * c >= c + d;
                (a + b >= min_count && a + b > 0 && listed).then(|| {
                    let [g2, chi2, p_value, log_ratio, pct_diff, log_odds_z] = measures(a, b, c, d);
                    KeynessRow {
                        target: corpus.speakers[target as usize].clone(),
                        reference: against
                            .map_or(OTHERS.to_string(), |r| corpus.speakers[r as usize].clone()),
                        term: view.text(corpus, t).to_string(),
                        form: view.form(corpus, t).to_string(),
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
                    }
                })
            })
            .collect();
        block.sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(&y.term)));
        rows.extend(block);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_relative_frequencies_are_not_key() {
        let [g2, chi2, p, log_ratio, pct_diff, z] = measures(10, 20, 1000, 2000);
        assert!(g2.abs() < 1e-12 && chi2.abs() < 1e-12);
        assert!((p - 1.0).abs() < 1e-12);
        assert_eq!((log_ratio, pct_diff), (0.0, 0.0));
        assert!(z.abs() < 1e-12);
    }

    #[test]
    fn zero_counts_use_half() {
        let [g2, .., log_ratio, pct_diff, _] = measures(3, 0, 100, 100);
        assert!(g2 > 0.0);
        assert_eq!(log_ratio, (3.0f64 / 0.5).log2());
        assert_eq!(pct_diff, (0.03 - 0.005) * 100.0 / 0.005);
    }
}
