//! Term frequencies per speaker (and over all speakers, `*`): count, count per 10,000 words, rank, the number of
//! meetings where the term is used, and Gries' DP.
//!
//! - **rank**: by count, descending; ties share the smallest rank (1, 2, 2, 4).
//! - **DP** (deviation of proportions; Gries 2008, "Dispersions and adjusted frequencies in corpora"):
//!   DP = ½ Σᵢ |vᵢ − sᵢ| over the parts i, where sᵢ is the part's share of the speaker's words and vᵢ its share of
//!   the term's occurrences. The parts are the meetings in which the speaker has a turn (all meetings for `*`).
//!   0 means the term is spread exactly like the speaker's words; values near 1 mean it is concentrated in few
//!   meetings.

use rayon::prelude::*;
use serde::Serialize;

use super::counts::View;
use super::model::Corpus;
use super::store::TokenError;

/// The speaker name of rows over all speakers.
pub const ALL: &str = "*";

/// One row of `freq.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FreqRow<'a> {
    /// Speaker, or `*`.
    pub speaker: &'a str,
    /// `key`, `stem` or `lemma`.
    pub view: &'static str,
    /// The term.
    pub term: &'a str,
    /// Its most frequent surface form.
    pub form: &'a str,
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
    /// Its part of speech (UD tag; `_` without one).
    pub pos: &'static str,
    /// It is a content word ([`super::Content`]).
    pub content: bool,
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

/// Per-term arrays reused from group to group (one per thread and view); only the touched entries are reset.
pub struct Scratch {
    total: Vec<u64>,
    local: Vec<u64>,
    abs_dev: Vec<f64>,
    used_size: Vec<u64>,
    meetings: Vec<u32>,
    touched: Vec<u32>,
    touched_local: Vec<u32>,
}

impl Scratch {
    /// Arrays for `terms` terms (the number of terms of the view).
    pub fn new(terms: usize) -> Scratch {
        Scratch {
            total: vec![0; terms],
            local: vec![0; terms],
            abs_dev: vec![0.0; terms],
            used_size: vec![0; terms],
            meetings: vec![0; terms],
            touched: Vec::new(),
            touched_local: Vec::new(),
        }
    }
}

/// The turns of each speaker (ids in order), and all turns, as index lists in corpus order (meetings by date).
pub fn groups(corpus: &Corpus) -> Vec<(&str, Vec<usize>)> {
    let mut by_speaker: Vec<Vec<usize>> = vec![Vec::new(); corpus.speakers.len()];
    for (i, t) in corpus.turns.iter().enumerate() {
        by_speaker[t.speaker as usize].push(i);
    }
    let mut out: Vec<(&str, Vec<usize>)> = corpus
        .speakers
        .iter()
        .map(String::as_str)
        .zip(by_speaker)
        .filter(|(_, turns)| !turns.is_empty())
        .collect();
    out.push((ALL, (0..corpus.turns.len()).collect()));
    out
}

/// The rows of one group (a speaker or `*`, with the indices of its turns in corpus order) in one view, handed
/// to `emit` one by one in table order, so they need not be held. `order` is [`View::text_order`]. After a
/// [`TokenError`] the scratch arrays are not all zero again and must not be used for another group.
pub fn group_frequencies<'a>(
    corpus: &'a Corpus,
    view: View,
    (speaker, turns): (&'a str, &[usize]),
    min_count: u64,
    order: &[u32],
    s: &mut Scratch,
    emit: &mut dyn FnMut(FreqRow<'a>),
) -> Result<(), TokenError> {
    // Pass 1: term totals.
    let mut reader = corpus.reader();
    for &i in turns {
        for &w in reader.words(&corpus.turns[i])? {
            let t = view.term(corpus, w) as usize;
            if s.total[t] == 0 {
                s.touched.push(t as u32);
            }
            s.total[t] += 1;
        }
    }
    let size_total: u64 = turns.iter().map(|&i| corpus.turns[i].len() as u64).sum();
    // Pass 2: the parts (meetings, consecutive in corpus order) with their share of each term.
    let mut k = 0;
    while k < turns.len() {
        let meeting = corpus.turns[turns[k]].meeting;
        let mut size = 0u64;
        while k < turns.len() && corpus.turns[turns[k]].meeting == meeting {
            for &w in reader.words(&corpus.turns[turns[k]])? {
                let t = view.term(corpus, w) as usize;
                if s.local[t] == 0 {
                    s.touched_local.push(t as u32);
                }
                s.local[t] += 1;
            }
            size += corpus.turns[turns[k]].len() as u64;
            k += 1;
        }
        let share = size as f64 / size_total as f64;
        for &t in &s.touched_local {
            let t = t as usize;
            s.abs_dev[t] += (s.local[t] as f64 / s.total[t] as f64 - share).abs();
            s.used_size[t] += size;
            s.meetings[t] += 1;
            s.local[t] = 0;
        }
        s.touched_local.clear();
    }
    let mut terms: Vec<(u64, u32)> = s
        .touched
        .iter()
        .map(|&t| (s.total[t as usize], t))
        .collect();
    terms.sort_unstable_by_key(|&(count, t)| (std::cmp::Reverse(count), order[t as usize]));
    let ranks = min_ranks(&terms.iter().map(|t| t.0).collect::<Vec<_>>());
    for ((count, term), rank) in terms.into_iter().zip(ranks) {
        let text = view.text(corpus, term);
        let t = term as usize;
        if count >= min_count {
            // DP = ½ (Σ over the parts where the term occurs of |vᵢ − sᵢ| + Σ of sᵢ over the other parts).
            let unused = (size_total - s.used_size[t]) as f64 / size_total as f64;
            emit(FreqRow {
                speaker,
                view: view.as_str(),
                term: text,
                form: view.form(corpus, term),
                count,
                per_10k: count as f64 * 10_000.0 / size_total as f64,
                rank,
                meetings: s.meetings[t] as usize,
                dp: 0.5 * (s.abs_dev[t] + unused),
                stopword: view.is_stop(corpus, term),
                pos: view.pos(corpus, term).as_str(),
                content: view.is_content(corpus, term),
            });
        }
        s.total[t] = 0;
        s.abs_dev[t] = 0.0;
        s.used_size[t] = 0;
        s.meetings[t] = 0;
    }
    s.touched.clear();
    Ok(())
}

/// Frequency rows group by group (every speaker by name, then `*`), each group's rows handed to `each` as soon as
/// they are made, so a caller can write them out without holding every row; groups are made in parallel and the
/// results come back in group order.
pub fn frequency_groups<'a, R: Send>(
    corpus: &'a Corpus,
    view: View,
    min_count: u64,
    each: impl Fn(&'a str, Vec<FreqRow<'a>>) -> R + Sync,
) -> Result<Vec<R>, TokenError> {
    let terms = view.len(corpus);
    let order = view.text_order(corpus);
    groups(corpus)
        .par_iter()
        .map_init(
            || Scratch::new(terms),
            |scratch, (speaker, turns)| {
                let mut rows = Vec::new();
                group_frequencies(
                    corpus,
                    view,
                    (speaker, turns),
                    min_count,
                    &order,
                    scratch,
                    &mut |r| rows.push(r),
                )?;
                Ok(each(speaker, rows))
            },
        )
        .collect()
}

/// Frequency rows of every speaker (sorted by name) and then `*`, each by count descending, then term.
/// Terms counted fewer than `min_count` times by a speaker are left out of that speaker's rows (ranks are computed
/// before that cut). Speakers are counted in parallel; the rows do not depend on the thread count.
pub fn frequencies(
    corpus: &Corpus,
    view: View,
    min_count: u64,
) -> Result<Vec<FreqRow<'_>>, TokenError> {
    Ok(frequency_groups(corpus, view, min_count, |_, rows| rows)?
        .into_iter()
        .flatten()
        .collect())
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
