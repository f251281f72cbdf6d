//! Turn statistics per speaker and per speaker × meeting, and who speaks after whom.
//!
//! Words per turn: mean, median (the mean of the two middle values for an even count), p90 (linear interpolation
//! between order statistics, numpy's default: position 0.9·(n − 1)), maximum, and the sample standard deviation
//! (n − 1 in the denominator; undefined for one turn). Words per sentence is words / sentences. The share of words
//! is the speaker's words over all words of the corpus (or of the meeting). A turn resumed after an elision counts
//! as a turn of its own.
//!
//! Transitions count consecutive turns within one meeting, `from` the speaker of a turn `to` the speaker of the
//! next; a speaker following themself (after an elision or a heading) is counted too.

use std::collections::BTreeMap;

use crate::corpus::Corpus;
use serde::Serialize;

/// Summary of a set of turns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnSummary {
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
    /// Share of all words (of the corpus, or of the meeting for per-meeting rows).
    pub share_words: f64,
    /// Mean words per turn.
    pub words_per_turn_mean: f64,
    /// Median words per turn.
    pub words_per_turn_median: f64,
    /// 90th percentile of words per turn.
    pub words_per_turn_p90: f64,
    /// Longest turn in words.
    pub words_per_turn_max: usize,
    /// Sample standard deviation of words per turn.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub words_per_turn_sd: Option<f64>,
    /// Sentences with at least one word.
    pub sentences: usize,
    /// Words per sentence.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub words_per_sentence: Option<f64>,
    /// Syllables per word ([`super::readability`]; set with the words read, by [`super::profile::Profiles`]).
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub syllables_per_word: Option<f64>,
    /// Flesch's reading ease, Oborneva's for Russian ([`super::readability`]).
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub reading_ease: Option<f64>,
}

/// numpy's linear interpolation (`_lerp`), which switches form at t = 0.5 for accuracy.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// The q-quantile of sorted values with numpy's default (linear) method.
pub fn quantile(sorted: &[usize], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    lerp(sorted[lo] as f64, sorted[hi] as f64, pos - lo as f64)
}

/// Summarises turn lengths (`lengths` in words, `sentences` in total) against `total` words.
pub fn summarise(lengths: &[usize], sentences: usize, total: usize) -> TurnSummary {
    let mut sorted = lengths.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let words: usize = sorted.iter().sum();
    let mean = words as f64 / n as f64;
    let median = if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] as f64 + sorted[n / 2] as f64) / 2.0
    };
    let sd = (n > 1).then(|| {
        let ss: f64 = sorted.iter().map(|&x| (x as f64 - mean).powi(2)).sum();
        (ss / (n - 1) as f64).sqrt()
    });
    TurnSummary {
        turns: n,
        words,
        share_words: if total == 0 {
            0.0
        } else {
            words as f64 / total as f64
        },
        words_per_turn_mean: mean,
        words_per_turn_median: median,
        words_per_turn_p90: quantile(&sorted, 0.9),
        words_per_turn_max: sorted[n - 1],
        words_per_turn_sd: sd,
        sentences,
        words_per_sentence: (sentences > 0).then(|| words as f64 / sentences as f64),
        syllables_per_word: None,
        reading_ease: None,
    }
}

/// A box plot of values: quartiles by [`quantile`] (numpy's linear method) and Tukey's whiskers, which end at the
/// furthest value within 1.5 × IQR of the box (not at that limit, where there may be no value at all).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxPlot {
    /// The lowest value at or above Q1 − 1.5 IQR.
    pub low: f64,
    /// The first quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
    /// The highest value at or below Q3 + 1.5 IQR.
    pub high: f64,
}

impl BoxPlot {
    /// The box plot of `sorted` values (ascending); `None` when there are none.
    pub fn of(sorted: &[usize]) -> Option<BoxPlot> {
        if sorted.is_empty() {
            return None;
        }
        let (q1, median, q3) = (
            quantile(sorted, 0.25),
            quantile(sorted, 0.5),
            quantile(sorted, 0.75),
        );
        let reach = 1.5 * (q3 - q1);
        let within = |v: &&usize| (**v as f64) >= q1 - reach && (**v as f64) <= q3 + reach;
        let low = sorted.iter().find(within).map_or(q1, |&v| v as f64);
        let high = sorted.iter().rev().find(within).map_or(q3, |&v| v as f64);
        Some(BoxPlot {
            low,
            q1,
            median,
            q3,
            high,
        })
    }
}

/// Turn summaries per speaker id.
pub fn by_speaker(corpus: &Corpus) -> BTreeMap<u32, TurnSummary> {
    let total = corpus.total_words();
    let mut groups: BTreeMap<u32, (Vec<usize>, usize)> = BTreeMap::new();
    for t in &corpus.turns {
        let g = groups.entry(t.speaker).or_default();
        g.0.push(t.len());
        g.1 += t.sentences as usize;
    }
    groups
        .into_iter()
        .map(|(s, (l, n))| (s, summarise(&l, n, total)))
        .collect()
}

/// Turn summaries per (speaker id, meeting id); shares are of the meeting's words.
pub fn by_speaker_meeting(corpus: &Corpus) -> BTreeMap<(u32, u32), TurnSummary> {
    let mut meeting_total: BTreeMap<u32, usize> = BTreeMap::new();
    let mut groups: BTreeMap<(u32, u32), (Vec<usize>, usize)> = BTreeMap::new();
    for t in &corpus.turns {
        *meeting_total.entry(t.meeting).or_default() += t.len();
        let g = groups.entry((t.speaker, t.meeting)).or_default();
        g.0.push(t.len());
        g.1 += t.sentences as usize;
    }
    groups
        .into_iter()
        .map(|((s, m), (l, n))| ((s, m), summarise(&l, n, meeting_total[&m])))
        .collect()
}

/// Transition counts (from speaker id, to speaker id).
pub fn transitions(corpus: &Corpus) -> BTreeMap<(u32, u32), usize> {
    let mut out = BTreeMap::new();
    for pair in corpus.turns.windows(2) {
        if pair[0].meeting == pair[1].meeting {
            *out.entry((pair[0].speaker, pair[1].speaker)).or_default() += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whiskers_end_at_the_furthest_value_within_one_and_a_half_iqr() {
        // Q1 = 3, Q3 = 7 (numpy's linear method: positions 2 and 6 of 0..8), IQR 4: the limits are -3 and 13, so
        // 100 is an outlier, the upper whisker ends at 9, the largest value within, and the lower at 1.
        let b = BoxPlot::of(&[1, 2, 3, 4, 5, 6, 7, 9, 100]).unwrap();
        assert_eq!(
            (b.low, b.q1, b.median, b.q3, b.high),
            (1.0, 3.0, 5.0, 7.0, 9.0)
        );
        let one = BoxPlot::of(&[4]).unwrap();
        assert_eq!((one.low, one.high), (4.0, 4.0));
        assert_eq!(BoxPlot::of(&[]), None);
    }

    #[test]
    fn numpy_percentile_and_sample_sd() {
        let s = summarise(&[10, 20, 30, 40], 8, 200);
        assert_eq!(s.words_per_turn_median, 25.0);
        // position 0.9 · 3 = 2.7: 30 + 0.7 · 10
        assert!((s.words_per_turn_p90 - 37.0).abs() < 1e-12);
        assert!((s.words_per_turn_sd.unwrap() - 12.909944487358056).abs() < 1e-12);
        assert_eq!(s.share_words, 0.5);
        assert_eq!(s.words_per_sentence, Some(12.5));
        assert_eq!(summarise(&[7], 1, 7).words_per_turn_sd, None);
    }
}
