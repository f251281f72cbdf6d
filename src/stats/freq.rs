//! Term frequencies per speaker (and over all speakers, `*`): count, count per 10,000 words, rank, the number of
//! meetings where the term is used, and Gries' DP.
//!
//! - **rank**: by count, descending; ties share the smallest rank (1, 2, 2, 4).
//! - **DP** (deviation of proportions; Gries 2008, "Dispersions and adjusted frequencies in corpora"):
//!   DP = ½ Σᵢ |vᵢ − sᵢ| over the parts i, where sᵢ is the part's share of the speaker's words and vᵢ its share of
//!   the term's occurrences. The parts are the meetings in which the speaker has a turn (all meetings for `*`).
//!   0 means the term is spread exactly like the speaker's words; values near 1 mean it is concentrated in few
//!   meetings.

use std::collections::BTreeMap;

use hashbrown::HashMap;
use serde::Serialize;

use super::corpus::Corpus;
use super::counts::{Counts, View};

/// A term's counts by meeting: (meeting id, count).
type MeetingCells = Vec<(u32, u64)>;

/// The speaker name of rows over all speakers.
pub const ALL: &str = "*";

/// One row of `freq.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FreqRow {
    /// Speaker, or `*`.
    pub speaker: String,
    /// `key` or `stem`.
    pub view: &'static str,
    /// The term.
    pub term: String,
    /// Its most frequent surface form.
    pub form: String,
    /// Occurrences.
    pub count: u64,
    /// Occurrences per 10,000 of the speaker's words.
    pub per_10k: f64,
    /// Rank by count (ties: min).
    pub rank: usize,
    /// Meetings where used.
    pub meetings: usize,
    /// Gries' DP over the speaker's meetings.
    pub dp: f64,
    /// The term is a stopword.
    pub stopword: bool,
}

/// Gries' DP from per-part term counts and per-part sizes (same order).
pub fn gries_dp(term_counts: &[u64], part_sizes: &[u64]) -> f64 {
    let term_total: u64 = term_counts.iter().sum();
    let size_total: u64 = part_sizes.iter().sum();
    if term_total == 0 || size_total == 0 {
        return 0.0;
    }
    0.5 * term_counts
        .iter()
        .zip(part_sizes)
        .map(|(&v, &s)| (v as f64 / term_total as f64 - s as f64 / size_total as f64).abs())
        .sum::<f64>()
}

/// Ranks of counts sorted descending, ties sharing the smallest rank.
fn min_ranks(sorted_desc: &[u64]) -> Vec<usize> {
    let mut ranks = Vec::with_capacity(sorted_desc.len());
    for (i, &c) in sorted_desc.iter().enumerate() {
        if i > 0 && sorted_desc[i - 1] == c {
            ranks.push(ranks[i - 1]);
        } else {
            ranks.push(i + 1);
        }
    }
    ranks
}

/// Frequency rows of every speaker (sorted by name) and then `*`, each by count descending, then term.
/// Terms counted fewer than `min_count` times by a speaker are left out of that speaker's rows (ranks are computed
/// before that cut).
pub fn frequencies(corpus: &Corpus, counts: &Counts, view: View, min_count: u64) -> Vec<FreqRow> {
    // Part sizes: words per (speaker, meeting).
    let mut part_size: BTreeMap<(u32, u32), u64> = BTreeMap::new();
    let mut meeting_size: BTreeMap<u32, u64> = BTreeMap::new();
    for t in &corpus.turns {
        *part_size.entry((t.speaker, t.meeting)).or_default() += t.words.len() as u64;
        *meeting_size.entry(t.meeting).or_default() += t.words.len() as u64;
    }
    // Per (speaker, term): counts by meeting; and for `*`.
    let mut by_speaker: HashMap<(u32, u32), MeetingCells> = HashMap::new();
    let mut all: HashMap<u32, MeetingCells> = HashMap::new();
    for ((s, m, t), n) in counts.iter() {
        by_speaker.entry((s, t)).or_default().push((m, n));
        all.entry(t).or_default().push((m, n));
    }
    let mut grouped: BTreeMap<u32, Vec<(u32, MeetingCells)>> = BTreeMap::new();
    for ((s, t), cells) in by_speaker {
        grouped.entry(s).or_default().push((t, cells));
    }
    let mut rows = Vec::new();
    for (s, terms) in grouped {
        let parts: Vec<(u32, u64)> = part_size
            .range((s, 0)..=(s, u32::MAX))
            .map(|(&(_, m), &n)| (m, n))
            .collect();
        let name = &corpus.speakers[s as usize];
        push_rows(&mut rows, corpus, view, name, terms, &parts, min_count);
    }
    let parts: Vec<(u32, u64)> = meeting_size.into_iter().collect();
    push_rows(
        &mut rows,
        corpus,
        view,
        ALL,
        all.into_iter().collect(),
        &parts,
        min_count,
    );
    rows
}

fn push_rows(
    rows: &mut Vec<FreqRow>,
    corpus: &Corpus,
    view: View,
    speaker: &str,
    mut terms: Vec<(u32, MeetingCells)>,
    parts: &[(u32, u64)],
    min_count: u64,
) {
    let total: u64 = parts.iter().map(|p| p.1).sum();
    let sizes: Vec<u64> = parts.iter().map(|p| p.1).collect();
    let part_index: HashMap<u32, usize> = parts.iter().enumerate().map(|(i, p)| (p.0, i)).collect();
    let mut totals: Vec<(u64, &str, u32, MeetingCells)> = terms
        .drain(..)
        .map(|(t, cells)| {
            (
                cells.iter().map(|c| c.1).sum(),
                view.text(corpus, t),
                t,
                cells,
            )
        })
        .collect();
    totals.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let ranks = min_ranks(&totals.iter().map(|t| t.0).collect::<Vec<_>>());
    for ((count, text, term, cells), rank) in totals.into_iter().zip(ranks) {
        if count < min_count {
            continue;
        }
        let mut per_part = vec![0u64; parts.len()];
        for (m, n) in &cells {
            per_part[part_index[m]] += n;
        }
        rows.push(FreqRow {
            speaker: speaker.to_string(),
            view: view.as_str(),
            term: text.to_string(),
            form: view.form(corpus, term).to_string(),
            count,
            per_10k: count as f64 * 10_000.0 / total as f64,
            rank,
            meetings: cells.iter().filter(|c| c.1 > 0).count(),
            dp: gries_dp(&per_part, &sizes),
            stopword: view.is_stop(corpus, term),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dp_and_ranks() {
        // Spread like the parts: 0. All in one part of two equal parts: 0.5.
        assert_eq!(gries_dp(&[1, 2], &[10, 20]), 0.0);
        assert_eq!(gries_dp(&[4, 0], &[50, 50]), 0.5);
        assert_eq!(min_ranks(&[9, 5, 5, 1]), [1, 2, 2, 4]);
    }
}
