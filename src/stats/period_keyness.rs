//! Change over time: keyness of each period of a speaker's words against the speaker's other periods, with the
//! measures of [`super::keyness`] (G², Log Ratio, log-odds z). A positive G² is a term that rose in that period,
//! a negative one a term that fell. Meetings without a date belong to no period and are left out of both sides.
//!
//! **Which terms**: those the speaker uses at least the minimum count of times in all periods together that they
//! use in the period, and those they do not use in it but would be expected to use at least once (as in keyness:
//! a word that vanished is news).

use crate::corpus::{Corpus, SpeakerId, TermId, TokenError};
use rayon::prelude::*;

use super::keyness::{measures, Keyness};
use super::periods::Periods;
use crate::corpus::View;

/// One row of `keyness_periods.csv`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeriodKeynessRow<'a> {
    /// The speaker.
    pub speaker: &'a str,
    /// The period (`2025-04`, `2025-Q2`, …).
    pub period: String,
    /// The term.
    pub term: &'a str,
    /// How it is shown.
    pub form: &'a str,
    /// Uses in the period.
    pub count_period: u64,
    /// Uses in the speaker's other periods.
    pub count_rest: u64,
    /// The speaker's words in the period.
    pub total_period: u64,
    /// The speaker's words in the other periods.
    pub total_rest: u64,
    /// Signed G² (positive: more frequent in the period).
    pub g2: f64,
    /// Its p-value.
    pub p_value: f64,
    /// Log Ratio.
    pub log_ratio: f64,
    /// Log-odds z.
    pub log_odds_z: f64,
    /// The term is a stopword.
    pub stopword: bool,
    /// Its part of speech.
    pub pos: &'static str,
    /// It is a content word.
    pub content: bool,
}

/// Rows for each of `speakers` (in that order) and each of their periods (in time order), sorted by G²
/// descending, then term; a speaker with words in fewer than two periods has none.
pub fn period_keyness<'a>(
    corpus: &'a Corpus,
    view: View,
    periods: &Periods,
    speakers: &[SpeakerId],
    min_count: u64,
) -> Result<Vec<PeriodKeynessRow<'a>>, TokenError> {
    let per_speaker: Vec<Vec<PeriodKeynessRow<'a>>> = speakers
        .par_iter()
        .map(|&s| speaker_rows(corpus, view, periods, s, min_count))
        .collect::<Result<_, TokenError>>()?;
    Ok(per_speaker.into_iter().flatten().collect())
}

fn speaker_rows<'a>(
    corpus: &'a Corpus,
    view: View,
    periods: &Periods,
    speaker: SpeakerId,
    min_count: u64,
) -> Result<Vec<PeriodKeynessRow<'a>>, TokenError> {
    let n = periods.labels.len();
    // The speaker's counts and words in each period.
    let mut dense: Vec<hashbrown::HashMap<TermId, u64>> = vec![hashbrown::HashMap::new(); n];
    let mut totals = vec![0u64; n];
    let mut reader = corpus.reader();
    for t in corpus.turns.iter().filter(|t| t.speaker == speaker) {
        let Some(p) = periods.of_meeting[t.meeting as usize] else {
            continue;
        };
        for &w in reader.words(t)? {
            *dense[p].entry(view.term(corpus, w)).or_default() += 1;
        }
        totals[p] += t.len() as u64;
    }
    if totals.iter().filter(|&&w| w > 0).count() < 2 {
        return Ok(Vec::new());
    }
    let mut all: hashbrown::HashMap<TermId, u64> = hashbrown::HashMap::new();
    for counts in &dense {
        for (&t, &c) in counts {
            *all.entry(t).or_default() += c;
        }
    }
    let mut terms: Vec<(TermId, u64)> = all.into_iter().collect();
    terms.sort_unstable();
    let grand: u64 = totals.iter().sum();
    let name = corpus.speakers[speaker as usize].as_str();
    let mut rows = Vec::new();
    for p in 0..n {
        let c = totals[p];
        let d = grand - c;
        if c == 0 || d == 0 {
            continue;
        }
        let start = rows.len();
        for &(t, total) in &terms {
            let a = dense[p].get(&t).copied().unwrap_or(0);
            let b = total - a;
            let listed = if a > 0 {
                total >= min_count
            } else {
                total * c >= c + d
            };
            if !listed {
                continue;
            }
            let Keyness {
                g2,
                p_value,
                log_ratio,
                log_odds_z,
                ..
            } = measures(a, b, c, d);
            rows.push(PeriodKeynessRow {
                speaker: name,
                period: periods.labels[p].clone(),
                term: view.text(corpus, t),
                form: view.form(corpus, t),
                count_period: a,
                count_rest: b,
                total_period: c,
                total_rest: d,
                g2,
                p_value,
                log_ratio,
                log_odds_z,
                stopword: view.is_stop(corpus, t),
                pos: view.pos(corpus, t).as_str(),
                content: view.is_content(corpus, t),
            });
        }
        rows[start..].sort_by(|x, y| y.g2.total_cmp(&x.g2).then_with(|| x.term.cmp(y.term)));
    }
    Ok(rows)
}
