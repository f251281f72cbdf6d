//! Distances between speakers' vocabularies: who talks like whom.
//!
//! Over the speakers with at least a minimum number of words (`--min-words`, default 2,500: Eder 2015 finds
//! attribution unreliable on shorter samples; narration and group labels such as `Вопрос` left out), in one term
//! view:
//! - **Burrows' Delta** (Burrows 2002, "'Delta': a measure of stylistic difference and a guide to likely
//!   authorship", LLC 17(3)): the N most frequent terms of those speakers together (by summed count; ties by term
//!   text), each speaker's relative frequency of each (count / the speaker's words), z-scored per term across the
//!   speakers (mean and sample standard deviation, n − 1, as R's `sd` and the `stylo` package use; a term used at
//!   the same rate by all has z = 0); Delta(a, b) = mean over the N terms of |z_a − z_b|. 0 is identical; values
//!   near 1 are typical of different authors, and it depends on who else is in the set. It needs three speakers:
//!   with two, every z-score is ±1/√2 and Delta is √2, so it is not reported.
//! - **Cosine Delta** (Smith & Aldridge 2011, "Improving authorship attribution: optimizing Burrows' Delta method",
//!   JQL 18(1); Evert et al. 2017, "Understanding and explaining Delta measures for authorship attribution", DSH 32
//!   suppl. 2): the same z-scores, 1 − cos(z_a, z_b) = 1 − Σ z_a z_b / √(Σ z_a² · Σ z_b²), clipped to [0, 2] as
//!   scipy's `cosine` does: 0 when two speakers deviate from the mean in the same proportions, 1 when their
//!   deviations are unrelated, 2 when opposite. It compares the direction of the deviations, not their size, which
//!   makes it the most reliable Delta in Evert et al.'s tests. A speaker whose z-scores are all 0 (every rate the
//!   mean of all) has no direction: Cosine Delta with them is undefined, written `NaN`. Three speakers or more, as
//!   Burrows'.
//! - **Jensen–Shannon distance** (Endres & Schindelin 2003): the square root of the Jensen–Shannon divergence of
//!   the two speakers' whole term distributions, in bits: 0 for the same distribution, 1 for disjoint vocabularies.
//!   It depends only on the two speakers.
//!
//! The terms are sorted once, as many as the largest size asked for (`--mfw`, [`Mfw`], and the sizes of the
//! consensus tree), and z-scored once: a term's z-scores do not depend on how many terms are counted, so every size
//! is a prefix of the same columns.
use crate::corpus::{Corpus, SpeakerId, TermId, View};

use super::keyness::Tallies;
use super::mfw::Mfw;
use crate::corpus::NARRATION;
use crate::transcript::label::GROUP_LABELS;

/// Default of `--min-words`: a speaker with fewer words is left out of the distances.
pub const MIN_WORDS: u64 = 2_500;

/// One row of `distances.csv`: one measure between two speakers (`a` before `b` by name).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DistanceRow<'a> {
    /// First speaker.
    pub a: &'a str,
    /// Second speaker.
    pub b: &'a str,
    /// `burrows_delta`, `cosine_delta` or `jensen_shannon`.
    pub measure: &'static str,
    /// The distance (`NaN`: Cosine Delta with a speaker whose z-scores are all 0).
    pub value: f64,
}

/// Distances between every two of a set of speakers.
#[derive(Debug, Clone, PartialEq)]
pub struct Distances {
    /// The speakers compared, by name.
    pub speakers: Vec<SpeakerId>,
    /// The most frequent terms of the speakers compared, most frequent first: as many as the largest size asked
    /// for, or all their terms when they have fewer.
    pub terms: Vec<TermId>,
    /// The terms the values below count: `--mfw`'s size, at most all of `terms`.
    pub size: usize,
    /// The z-score of each speaker's relative frequency of each term, `z[s][w]` for `speakers[s]` and `terms[w]`.
    pub z: Vec<Vec<f64>>,
    /// Burrows' Delta, `delta[i][j]` between `speakers[i]` and `speakers[j]`.
    pub delta: Vec<Vec<f64>>,
    /// Cosine Delta, likewise.
    pub cosine: Vec<Vec<f64>>,
    /// Jensen–Shannon distance, likewise.
    pub jensen_shannon: Vec<Vec<f64>>,
}

/// The speakers the distances compare (by name): those with at least `min_words` words, narration and group labels
/// left out; and how many others were left out for having fewer.
pub fn compared(corpus: &Corpus, tallies: &Tallies, min_words: u64) -> (Vec<SpeakerId>, usize) {
    let (mut speakers, short): (Vec<SpeakerId>, Vec<SpeakerId>) = (0..corpus.speakers.len()
        as SpeakerId)
        .filter(|&s| {
            let name = corpus.speakers[s as usize].as_str();
            name != NARRATION && !GROUP_LABELS.contains(&name)
        })
        .partition(|&s| tallies.total(s) >= min_words.max(1));
    speakers.sort_by(|&x, &y| corpus.speakers[x as usize].cmp(&corpus.speakers[y as usize]));
    (speakers, short.len())
}

impl Distances {
    /// The distances between the speakers with at least `min_words` words in `tallies`' view ([`compared`]), the
    /// Delta measures over `mfw.size()` terms, z-scores kept for every size of `mfw.consensus()`; `None` with
    /// fewer than two such speakers.
    pub fn new(corpus: &Corpus, tallies: &Tallies, min_words: u64, mfw: &Mfw) -> Option<Distances> {
        let (speakers, _) = compared(corpus, tallies, min_words);
        if speakers.len() < 2 {
            return None;
        }
        let largest = mfw.consensus().sizes().into_iter().max().unwrap_or(0);
        let terms = most_frequent(
            corpus,
            tallies.view(),
            tallies,
            &speakers,
            largest.max(mfw.size()),
        );
        let size = mfw.size().min(terms.len());
        let z = z_scores(tallies, &speakers, &terms);
        let delta = burrows_delta(&z, size);
        let cosine = cosine_deltas(&z, &[size]).pop().unwrap_or_default();
        let n = speakers.len();
        let mut jensen_shannon = vec![vec![0.0; n]; n];
        for i in 0..n {
            for j in i + 1..n {
                let d = js_distance(tallies, speakers[i], speakers[j]);
                jensen_shannon[i][j] = d;
                jensen_shannon[j][i] = d;
            }
        }
        Some(Distances {
            speakers,
            terms,
            size,
            z,
            delta,
            cosine,
            jensen_shannon,
        })
    }

    /// The terms the Delta values of `distances.csv` count, most frequent first.
    pub fn mfw(&self) -> &[TermId] {
        &self.terms[..self.size]
    }

    /// Whether the Delta measures say anything: with two speakers every term's z-scores are ±1/√2, Burrows' Delta
    /// is √2 and Cosine Delta 2 whatever they say.
    pub fn has_delta(&self) -> bool {
        self.speakers.len() >= 3
    }

    /// The rows of `distances.csv`: every pair once; Burrows' and Cosine Delta (of three speakers or more), then
    /// Jensen–Shannon.
    pub fn rows<'a>(&self, corpus: &'a Corpus) -> Vec<DistanceRow<'a>> {
        let name = |i: usize| corpus.speakers[self.speakers[i] as usize].as_str();
        let n = self.speakers.len();
        let mut rows = Vec::with_capacity(n * (n - 1) * 3 / 2);
        let measures: &[(&'static str, &Vec<Vec<f64>>)] = if self.has_delta() {
            &[
                ("burrows_delta", &self.delta),
                ("cosine_delta", &self.cosine),
                ("jensen_shannon", &self.jensen_shannon),
            ]
        } else {
            &[("jensen_shannon", &self.jensen_shannon)]
        };
        for i in 0..n {
            for j in i + 1..n {
                for &(measure, m) in measures {
                    rows.push(DistanceRow {
                        a: name(i),
                        b: name(j),
                        measure,
                        value: m[i][j],
                    });
                }
            }
        }
        rows
    }
}

/// The `n` terms with the largest summed count over `speakers` (ties: by term text).
fn most_frequent(
    corpus: &Corpus,
    view: View,
    tallies: &Tallies,
    speakers: &[SpeakerId],
    n: usize,
) -> Vec<TermId> {
    let mut summed = vec![0u64; view.len(corpus)];
    for &s in speakers {
        for &(t, c) in tallies.counts(s) {
            summed[t as usize] += c;
        }
    }
    let mut terms: Vec<(u64, &str, TermId)> = summed
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(t, &c)| (c, view.text(corpus, t as TermId), t as TermId))
        .collect();
    terms.sort_unstable_by(|x, y| y.0.cmp(&x.0).then_with(|| x.1.cmp(y.1)));
    terms.truncate(n);
    terms.into_iter().map(|(_, _, t)| t).collect()
}

/// Each speaker's relative frequency of each of `terms`, z-scored per term across the speakers (sample standard
/// deviation; a term used at one rate by all has z = 0): `z[s][w]`.
fn z_scores(tallies: &Tallies, speakers: &[SpeakerId], terms: &[TermId]) -> Vec<Vec<f64>> {
    let n = speakers.len();
    let mut z = vec![vec![0.0; terms.len()]; n];
    let position: hashbrown::HashMap<TermId, usize> =
        terms.iter().enumerate().map(|(w, &t)| (t, w)).collect();
    for (s, &speaker) in speakers.iter().enumerate() {
        let total = tallies.total(speaker) as f64;
        for &(t, c) in tallies.counts(speaker) {
            if let Some(&w) = position.get(&t) {
                z[s][w] = c as f64 / total;
            }
        }
    }
    for w in 0..terms.len() {
        let mean = z.iter().map(|row| row[w]).sum::<f64>() / n as f64;
        let var = z.iter().map(|row| (row[w] - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let sd = var.sqrt();
        for row in &mut z {
            row[w] = if sd > 0.0 { (row[w] - mean) / sd } else { 0.0 };
        }
    }
    z
}

/// Burrows' Delta between every two speakers over the first `size` terms of `z`.
fn burrows_delta(z: &[Vec<f64>], size: usize) -> Vec<Vec<f64>> {
    let n = z.len();
    let mut delta = vec![vec![0.0; n]; n];
    if size == 0 {
        return delta;
    }
    for i in 0..n {
        for j in i + 1..n {
            let d = z[i][..size]
                .iter()
                .zip(&z[j][..size])
                .map(|(a, b)| (a - b).abs())
                .sum::<f64>()
                / size as f64;
            delta[i][j] = d;
            delta[j][i] = d;
        }
    }
    delta
}

/// Cosine Delta between every two speakers over the first `size` terms of `z`, for each of `sizes` (ascending, each
/// at most the terms of `z`): `[size][i][j]`, in one pass over the terms per pair. `NaN` where a speaker's first
/// `size` z-scores are all 0.
pub fn cosine_deltas(z: &[Vec<f64>], sizes: &[usize]) -> Vec<Vec<Vec<f64>>> {
    let n = z.len();
    let mut out = vec![vec![vec![0.0; n]; n]; sizes.len()];
    for i in 0..n {
        for j in i + 1..n {
            let (mut uv, mut uu, mut vv, mut w) = (0.0, 0.0, 0.0, 0);
            for (k, &size) in sizes.iter().enumerate() {
                let end = size.clamp(w, z[i].len());
                for (a, b) in z[i][w..end].iter().zip(&z[j][w..end]) {
                    uv += a * b;
                    uu += a * a;
                    vv += b * b;
                }
                w = end;
                let d = if uu > 0.0 && vv > 0.0 {
                    (1.0 - uv / (uu * vv).sqrt()).clamp(0.0, 2.0)
                } else {
                    f64::NAN
                };
                out[k][i][j] = d;
                out[k][j][i] = d;
            }
        }
    }
    out
}

/// The Jensen–Shannon distance (base 2) between two speakers' term distributions (sorted sparse counts).
fn js_distance(tallies: &Tallies, a: SpeakerId, b: SpeakerId) -> f64 {
    let (ta, tb) = (tallies.total(a) as f64, tallies.total(b) as f64);
    let (ca, cb) = (tallies.counts(a), tallies.counts(b));
    // ½ Σ p log2(2p/(p+q)) + ½ Σ q log2(2q/(p+q)), over the terms either uses (0 log 0 = 0).
    let term = |p: f64, q: f64| {
        let m = p + q;
        let part = |x: f64| {
            if x > 0.0 {
                x * (2.0 * x / m).log2()
            } else {
                0.0
            }
        };
        part(p) + part(q)
    };
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < ca.len() || j < cb.len() {
        let next_a = ca.get(i).map(|p| p.0);
        let next_b = cb.get(j).map(|p| p.0);
        let (p, q) = match (next_a, next_b) {
            (Some(x), Some(y)) if x == y => {
                let r = (ca[i].1 as f64 / ta, cb[j].1 as f64 / tb);
                i += 1;
                j += 1;
                r
            }
            (Some(x), Some(y)) if x < y => {
                i += 1;
                (ca[i - 1].1 as f64 / ta, 0.0)
            }
            (Some(_), None) => {
                i += 1;
                (ca[i - 1].1 as f64 / ta, 0.0)
            }
            _ => {
                j += 1;
                (0.0, cb[j - 1].1 as f64 / tb)
            }
        };
        sum += term(p, q);
    }
    (0.5 * sum).max(0.0).sqrt()
}
