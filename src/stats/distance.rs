//! Distances between speakers' vocabularies: who talks like whom.
//!
//! Over the speakers with at least a minimum number of words (narration and group labels such as `Вопрос` left
//! out), in one term view:
//! - **Burrows' Delta** (Burrows 2002, "'Delta': a measure of stylistic difference and a guide to likely
//!   authorship", LLC 17(3)): the N most frequent terms of those speakers together (by summed count; ties by term
//!   text), each speaker's relative frequency of each (count / the speaker's words), z-scored per term across the
//!   speakers (mean and sample standard deviation, n − 1, as R's `sd` and the `stylo` package use; a term used at
//!   the same rate by all has z = 0); Delta(a, b) = mean over the N terms of |z_a − z_b|. 0 is identical; values
//!   near 1 are typical of different authors, and it depends on who else is in the set. It needs three speakers:
//!   with two, every z-score is ±1/√2 and Delta is √2, so it is not reported.
//! - **Jensen–Shannon distance** (Endres & Schindelin 2003): the square root of the Jensen–Shannon divergence of
//!   the two speakers' whole term distributions, in bits: 0 for the same distribution, 1 for disjoint vocabularies.
//!   It depends only on the two speakers.
use crate::corpus::{Corpus, SpeakerId, TermId, View};

use super::keyness::Tallies;
use crate::corpus::NARRATION;
use crate::transcript::label::GROUP_LABELS;

/// Default of `--mfw`: terms in Burrows' Delta.
pub const MFW: usize = 150;
/// Default of `--min-words`: a speaker with fewer words is left out of the distances.
pub const MIN_WORDS: u64 = 1_000;

/// One row of `distances.csv`: one measure between two speakers (`a` before `b` by name).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DistanceRow<'a> {
    /// First speaker.
    pub a: &'a str,
    /// Second speaker.
    pub b: &'a str,
    /// `burrows_delta` or `jensen_shannon`.
    pub measure: &'static str,
    /// The distance.
    pub value: f64,
}

/// Distances between every two of a set of speakers.
#[derive(Debug, Clone, PartialEq)]
pub struct Distances {
    /// The speakers compared, by name.
    pub speakers: Vec<SpeakerId>,
    /// The terms Delta used, most frequent first.
    pub mfw: Vec<TermId>,
    /// Burrows' Delta, `delta[i][j]` between `speakers[i]` and `speakers[j]`.
    pub delta: Vec<Vec<f64>>,
    /// Jensen–Shannon distance, likewise.
    pub jensen_shannon: Vec<Vec<f64>>,
}

impl Distances {
    /// The distances between the speakers with at least `min_words` words in `tallies`' view, over `mfw` terms for
    /// Delta; `None` with fewer than two such speakers.
    pub fn new(
        corpus: &Corpus,
        tallies: &Tallies,
        min_words: u64,
        mfw: usize,
    ) -> Option<Distances> {
        let view = tallies.view();
        let mut speakers: Vec<SpeakerId> = (0..corpus.speakers.len() as SpeakerId)
            .filter(|&s| {
                let name = corpus.speakers[s as usize].as_str();
                name != NARRATION && !GROUP_LABELS.contains(&name)
            })
            .filter(|&s| tallies.total(s) >= min_words.max(1))
            .collect();
        speakers.sort_by(|&x, &y| corpus.speakers[x as usize].cmp(&corpus.speakers[y as usize]));
        if speakers.len() < 2 {
            return None;
        }
        let mfw = most_frequent(corpus, view, tallies, &speakers, mfw);
        let delta = burrows_delta(tallies, &speakers, &mfw);
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
            mfw,
            delta,
            jensen_shannon,
        })
    }

    /// Whether Delta says anything: with two speakers every term's z-scores are ±1/√2, and Delta is √2 whatever
    /// they say.
    pub fn has_delta(&self) -> bool {
        self.speakers.len() >= 3
    }

    /// The rows of `distances.csv`: every pair once, Delta (of three speakers or more) then Jensen–Shannon.
    pub fn rows<'a>(&self, corpus: &'a Corpus) -> Vec<DistanceRow<'a>> {
        let name = |i: usize| corpus.speakers[self.speakers[i] as usize].as_str();
        let n = self.speakers.len();
        let mut rows = Vec::with_capacity(n * (n - 1));
        let measures: &[(&'static str, &Vec<Vec<f64>>)] = if self.has_delta() {
            &[
                ("burrows_delta", &self.delta),
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

/// Delta between every two speakers over `mfw`.
fn burrows_delta(tallies: &Tallies, speakers: &[SpeakerId], mfw: &[TermId]) -> Vec<Vec<f64>> {
    let n = speakers.len();
    // z[s][w]: the z-score of speaker s's relative frequency of mfw[w].
    let mut z = vec![vec![0.0; mfw.len()]; n];
    let position: hashbrown::HashMap<TermId, usize> =
        mfw.iter().enumerate().map(|(w, &t)| (t, w)).collect();
    for (s, &speaker) in speakers.iter().enumerate() {
        let total = tallies.total(speaker) as f64;
        for &(t, c) in tallies.counts(speaker) {
            if let Some(&w) = position.get(&t) {
                z[s][w] = c as f64 / total;
            }
        }
    }
    for w in 0..mfw.len() {
        let mean = z.iter().map(|row| row[w]).sum::<f64>() / n as f64;
        let var = z.iter().map(|row| (row[w] - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let sd = var.sqrt();
        for row in &mut z {
            row[w] = if sd > 0.0 { (row[w] - mean) / sd } else { 0.0 };
        }
    }
    let mut delta = vec![vec![0.0; n]; n];
    if mfw.is_empty() {
        return delta;
    }
    for i in 0..n {
        for j in i + 1..n {
            let d = z[i]
                .iter()
                .zip(&z[j])
                .map(|(a, b)| (a - b).abs())
                .sum::<f64>()
                / mfw.len() as f64;
            delta[i][j] = d;
            delta[j][i] = d;
        }
    }
    delta
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
