//! Term frequencies per speaker (and over all speakers, `*`): count, count per 10,000 words, rank, the number of
//! meetings where the term is used, and Gries' DP.
//!
//! - **rank**: by count, descending; ties share the smallest rank (1, 2, 2, 4).
//! - **DP** (deviation of proportions; Gries 2008, "Dispersions and adjusted frequencies in corpora"):
//!   DP = ½ Σᵢ |vᵢ − sᵢ| over the parts i, where sᵢ is the part's share of the speaker's words and vᵢ its share of
//!   the term's occurrences. The parts are the meetings in which the speaker has a turn (all meetings for `*`).
//!   0 means the term is spread exactly like the speaker's words; values near 1 mean it is concentrated in few
//!   meetings.
//!
//! **How.** A group's totals come from the [`Tallies`] counted once per view; its turns are then read once for
//! all views, meeting by meeting: the keys of a meeting are counted, every other view's terms are summed from them
//! (once per key and meeting, not per token), and each term's count in the meeting adds to its DP.

use crate::corpus::{Corpus, SpeakerId, TokenError, View};
use rayon::prelude::*;
use serde::Serialize;

use super::tallies::Tallies;

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
    /// It is a content word ([`crate::corpus::Content`]).
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

/// Rows made at a time ([`group_frequencies`]).
const BLOCK: usize = 1024;

/// What a group's frequencies keep of one term while its turns are read.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// The group's count of the term.
    total: u64,
    /// Σ |vᵢ − sᵢ| over the parts where the term occurs.
    abs_dev: f64,
    /// Words of the parts where the term occurs.
    used_size: u64,
    /// Parts where the term occurs.
    meetings: u32,
}

/// A count table of the current part (meeting): counts by id, with the ids touched, in first-touch order.
#[derive(Default)]
struct PartCounts {
    count: Vec<u32>,
    touched: Vec<u32>,
}

impl PartCounts {
    fn new(ids: usize) -> PartCounts {
        PartCounts {
            count: vec![0; ids],
            touched: Vec::new(),
        }
    }

    #[inline]
    fn add(&mut self, id: u32, n: u32) {
        let c = &mut self.count[id as usize];
        if *c == 0 {
            self.touched.push(id);
        }
        *c += n;
    }
}

/// One view's tallies of a group, reused from group to group; only the touched entries are reset.
struct ViewScratch {
    view: View,
    /// The part's counts of the view's terms (unused in the key view, whose counts are the keys').
    part: PartCounts,
    tally: Vec<Tally>,
    /// The group's terms, ascending.
    touched: Vec<u32>,
}

/// Per-term arrays of every view, reused from group to group (one per thread); only the touched entries are reset.
pub struct Scratch {
    /// The part's counts of keys: every view's counts are summed from them, once per key and part.
    keys: PartCounts,
    views: Vec<ViewScratch>,
}

impl Scratch {
    /// Arrays for the views of `views` in `corpus`.
    pub fn new(corpus: &Corpus, views: &[View]) -> Scratch {
        Scratch {
            keys: PartCounts::new(corpus.keys.len()),
            views: views
                .iter()
                .map(|&view| ViewScratch {
                    view,
                    part: match view {
                        View::Key => PartCounts::default(),
                        _ => PartCounts::new(view.len(corpus)),
                    },
                    tally: vec![Tally::default(); view.len(corpus)],
                    touched: Vec::new(),
                })
                .collect(),
        }
    }

    /// Ends a part (a meeting) of `size` words whose share of the group's words is `share`: each view's terms
    /// are counted from the part's keys, and the count of each term adds to its deviation.
    fn end_part(&mut self, corpus: &Corpus, size: u64, share: f64) {
        let keys = &mut self.keys;
        let add = |tally: &mut Tally, n: u32| {
            tally.abs_dev += (f64::from(n) / tally.total as f64 - share).abs();
            tally.used_size += size;
            tally.meetings += 1;
        };
        for v in &mut self.views {
            if v.view == View::Key {
                for &k in &keys.touched {
                    add(&mut v.tally[k as usize], keys.count[k as usize]);
                }
                continue;
            }
            for &k in &keys.touched {
                v.part.add(v.view.term(corpus, k), keys.count[k as usize]);
            }
            for &t in &v.part.touched {
                add(
                    &mut v.tally[t as usize],
                    std::mem::take(&mut v.part.count[t as usize]),
                );
            }
            v.part.touched.clear();
        }
        for &k in &keys.touched {
            keys.count[k as usize] = 0;
        }
        keys.touched.clear();
    }
}

/// A group of turns: one speaker's, or all (`*`).
#[derive(Debug, Clone)]
pub struct TurnGroup<'a> {
    /// The speaker's name, or [`ALL`].
    pub name: &'a str,
    /// The speaker; `None` for all.
    pub speaker: Option<SpeakerId>,
    /// The indices of the turns, in corpus order.
    pub turns: Vec<usize>,
}

impl TurnGroup<'_> {
    /// Words of the group.
    pub fn words(&self, corpus: &Corpus) -> usize {
        self.turns.iter().map(|&i| corpus.turns[i].len()).sum()
    }
}

/// The turns of each speaker that has any (by name), then all turns (`*`), in corpus order (meetings by date).
pub fn groups(corpus: &Corpus) -> Vec<TurnGroup<'_>> {
    let mut by_speaker: Vec<Vec<usize>> = vec![Vec::new(); corpus.speakers.len()];
    for (i, t) in corpus.turns.iter().enumerate() {
        by_speaker[t.speaker as usize].push(i);
    }
    let mut out: Vec<TurnGroup> = corpus
        .speakers
        .iter()
        .zip(by_speaker)
        .enumerate()
        .filter(|(_, (_, turns))| !turns.is_empty())
        .map(|(id, (name, turns))| TurnGroup {
            name,
            speaker: Some(id as SpeakerId),
            turns,
        })
        .collect();
    out.push(TurnGroup {
        name: ALL,
        speaker: None,
        turns: (0..corpus.turns.len()).collect(),
    });
    out
}

/// The groups of [`groups`] whose rows are counted, and whether the last of them also stands for `*`. When one
/// speaker has every turn (a novel read as narration, one person's speeches), `*` has the same turns as that
/// speaker: every row of `*` is that speaker's row under the name `*`, so `*` is left out of the list and the tables
/// make its rows with the speaker's, from one count instead of counting the same turns twice.
pub fn counted_groups(corpus: &Corpus) -> (Vec<TurnGroup<'_>>, bool) {
    let mut groups = groups(corpus);
    let all_too = match groups.as_slice() {
        [.., one, all] => all.speaker.is_none() && one.turns == all.turns,
        _ => false,
    };
    if all_too {
        groups.pop();
    }
    (groups, all_too)
}

/// The rows of one group in the views of `tallies`, all at once (its turns are read once for all), handed to `emit`
/// one by one with the index of their view, view after view, each in table order, so they need not be held.
/// `tallies[v]` holds the counts of view `v` (the group's totals), `orders[v]` is its [`View::text_order`], and
/// `scratch` was made for the same views. After a [`TokenError`] the scratch arrays are not all zero again and must
/// not be used for another group.
pub fn group_frequencies<'a>(
    corpus: &'a Corpus,
    group: &TurnGroup<'a>,
    min_count: u64,
    tallies: &[&Tallies],
    orders: &[Vec<u32>],
    scratch: &mut Scratch,
    emit: &mut dyn FnMut(usize, FreqRow<'a>),
) -> Result<(), TokenError> {
    debug_assert!(tallies
        .iter()
        .map(|t| t.view())
        .eq(scratch.views.iter().map(|v| v.view)));
    let turns = &group.turns;
    for (t, v) in tallies.iter().zip(&mut scratch.views) {
        t.of(group.speaker).each(|term, n| {
            v.tally[term as usize].total = n;
            v.touched.push(term);
        });
    }
    let size_total = group.words(corpus) as u64;
    // The parts (meetings, consecutive in corpus order) with their share of each term.
    let mut reader = corpus.reader();
    let mut k = 0;
    while k < turns.len() {
        let meeting = corpus.turns[turns[k]].meeting;
        let mut size = 0u64;
        while k < turns.len() && corpus.turns[turns[k]].meeting == meeting {
            for &w in reader.words(&corpus.turns[turns[k]])? {
                scratch.keys.add(w, 1);
            }
            size += corpus.turns[turns[k]].len() as u64;
            k += 1;
        }
        scratch.end_part(corpus, size, size as f64 / size_total as f64);
    }
    for (index, (v, order)) in scratch.views.iter_mut().zip(orders).enumerate() {
        let view = v.view;
        // The group's terms in table order: by count, descending, then by text.
        let mut terms: Vec<(std::cmp::Reverse<u64>, u32, u32)> = v
            .touched
            .drain(..)
            .map(|t| {
                let total = v.tally[t as usize].total;
                (std::cmp::Reverse(total), order[t as usize], t)
            })
            .collect();
        terms.sort_unstable();
        // Rows a block at a time: what a block's rows need is gathered first (and the scratch left zero), so that
        // the scattered reads overlap instead of waiting one by one between rows.
        let (mut rank, mut previous) = (0, u64::MAX);
        let mut block: Vec<(Tally, &'a str, &'a str)> = Vec::with_capacity(BLOCK);
        for (start, chunk) in terms.chunks(BLOCK).enumerate() {
            block.clear();
            block.extend(chunk.iter().map(|&(_, _, t)| {
                (
                    std::mem::take(&mut v.tally[t as usize]),
                    view.text(corpus, t),
                    view.form(corpus, t),
                )
            }));
            for (i, (&(_, _, term), &(tally, text, form))) in chunk.iter().zip(&block).enumerate() {
                let count = tally.total;
                if count != previous {
                    (rank, previous) = (start * BLOCK + i + 1, count);
                }
                if count < min_count {
                    continue;
                }
                // DP = ½ (Σ over the parts where the term occurs of |vᵢ − sᵢ| + Σ of sᵢ over the other parts).
                let unused = (size_total - tally.used_size) as f64 / size_total as f64;
                emit(
                    index,
                    FreqRow {
                        speaker: group.name,
                        view: view.as_str(),
                        term: text,
                        form,
                        count,
                        per_10k: count as f64 * 10_000.0 / size_total as f64,
                        rank,
                        meetings: tally.meetings as usize,
                        dp: 0.5 * (tally.abs_dev + unused),
                        stopword: view.is_stop(corpus, term),
                        pos: view.pos(corpus, term).as_str(),
                        content: view.is_content(corpus, term),
                    },
                );
            }
        }
    }
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
    let orders = [view.text_order(corpus)];
    let tallies = Tallies::new(corpus, view)?;
    groups(corpus)
        .par_iter()
        .map_init(
            || Scratch::new(corpus, &[view]),
            |scratch, group| {
                let mut rows = Vec::new();
                group_frequencies(
                    corpus,
                    group,
                    min_count,
                    &[&tallies],
                    &orders,
                    scratch,
                    &mut |_, r| rows.push(r),
                )?;
                Ok(each(group.name, rows))
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
    fn dp() {
        // Spread like the parts: 0. All in one part of two equal parts: 0.5.
        assert_eq!(gries_dp(&[1, 2], &[10, 20]), 0.0);
        assert_eq!(gries_dp(&[4, 0], &[50, 50]), 0.5);
    }

    #[test]
    fn ties_share_the_smallest_rank_across_blocks_of_rows() {
        // Word i is said 1 + i % 3 times: three long runs of tied counts, each longer than a block of rows.
        let words = 3 * BLOCK + 7;
        let word = |mut i: usize| {
            let mut w = String::from("q");
            while i > 0 {
                w.push((b'a' + (i % 26) as u8) as char);
                i /= 26;
            }
            w
        };
        let mut text = String::from("В.Путин:");
        for i in 0..words {
            for _ in 0..=i % 3 {
                text.push(' ');
                text.push_str(&word(i));
            }
        }
        text.push('\n');
        let (file, _) =
            crate::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default()).unwrap();
        let corpus = crate::corpus::analyse(&[&file.meeting], &Default::default());
        let rows = frequencies(&corpus, View::Key, 1).unwrap();
        let speaker: Vec<&FreqRow> = rows.iter().filter(|r| r.speaker != ALL).collect();
        assert_eq!(speaker.len(), words);
        let at_least = |c: u64| speaker.iter().filter(|r| r.count > c).count() + 1;
        for r in &speaker {
            assert_eq!(r.rank, at_least(r.count), "{}", r.term);
        }
        // Every word said once ranks after the 2 × 1026 said more often.
        assert_eq!(
            (speaker[words - 1].count, speaker[words - 1].rank),
            (1, 1 + 2 * (words / 3))
        );
    }
}
