//! Each speaker's term counts in one view, counted once and shared by the tables that need them: the frequencies
//! (their totals), keyness, the term map and the distances.
//!
//! Speakers are counted in parallel, a long speaker (a narration, a president) in parts of about
//! [`WORDS_PER_TASK`] words added up in order, so the counts do not depend on the thread count.

use crate::corpus::{Corpus, SpeakerId, TermId, TokenError, View};
use rayon::prelude::*;

/// Each speaker's term counts as a sorted list, their totals, and the corpus counts per term: what keyness is made
/// from, counted once per view ([`Tallies::new`]) for any number of comparisons.
#[derive(Debug)]
pub struct Tallies {
    view: View,
    by_speaker: Vec<Vec<(TermId, u64)>>,
    totals: Vec<u64>,
    all: Vec<u64>,
}

/// Words counted per parallel task: a speaker with more (a long narration, a president) is counted in parts.
pub const WORDS_PER_TASK: usize = 1 << 18;

/// Tasks counted at once per thread ([`Tallies::new`]): the parts of a window are held until they are added up.
const TASKS_AT_ONCE: usize = 8;

/// The indices of each speaker's turns, in corpus order.
fn turns_by_speaker(corpus: &Corpus) -> Vec<Vec<usize>> {
    let mut by_turns: Vec<Vec<usize>> = vec![Vec::new(); corpus.speakers.len()];
    for (i, t) in corpus.turns.iter().enumerate() {
        by_turns[t.speaker as usize].push(i);
    }
    by_turns
}

/// Tasks of consecutive turns of one speaker, about [`WORDS_PER_TASK`] words each, speaker after speaker.
fn tasks<'t>(corpus: &Corpus, by_turns: &'t [Vec<usize>]) -> Vec<(SpeakerId, &'t [usize])> {
    let mut tasks = Vec::new();
    for (speaker, turns) in by_turns.iter().enumerate() {
        let mut start = 0;
        let mut words = 0;
        for (k, &i) in turns.iter().enumerate() {
            words += corpus.turns[i].len();
            if words >= WORDS_PER_TASK || k + 1 == turns.len() {
                tasks.push((speaker as SpeakerId, &turns[start..=k]));
                (start, words) = (k + 1, 0);
            }
        }
    }
    tasks
}

/// The count of each key in `turns`, by key id, counted in `dense` (all zero, and again on return).
fn count_keys(
    corpus: &Corpus,
    turns: &[usize],
    dense: &mut [u64],
) -> Result<Vec<(TermId, u64)>, TokenError> {
    let mut touched = Vec::new();
    let mut reader = corpus.reader();
    for &i in turns {
        for &w in reader.words(&corpus.turns[i])? {
            let t = View::Key.term(corpus, w);
            if dense[t as usize] == 0 {
                touched.push(t);
            }
            dense[t as usize] += 1;
        }
    }
    touched.sort_unstable();
    Ok(touched
        .into_iter()
        .map(|t| (t, std::mem::take(&mut dense[t as usize])))
        .collect())
}

/// Speakers' counts added up from their parts, which come speaker after speaker: a speaker of one part keeps it as
/// it is; the parts of a speaker of several are summed in a dense array as they come.
struct Adding {
    by_speaker: Vec<Vec<(TermId, u64)>>,
    /// The speaker being added up, and its first part while it is the only one.
    current: Option<(SpeakerId, Vec<(TermId, u64)>)>,
    /// The sums of the current speaker's parts once it has two or more (zero elsewhere), and the terms touched.
    dense: Vec<u64>,
    touched: Vec<TermId>,
}

impl Adding {
    fn new(speakers: usize, terms: usize) -> Adding {
        Adding {
            by_speaker: vec![Vec::new(); speakers],
            current: None,
            dense: vec![0; terms],
            touched: Vec::new(),
        }
    }

    /// Adds one part of `speaker`'s counts (by term id); a part of another speaker ends the one before.
    fn add(&mut self, speaker: SpeakerId, counts: Vec<(TermId, u64)>) {
        match &mut self.current {
            Some((s, first)) if *s == speaker => {
                let first = std::mem::take(first);
                self.sum(first);
                self.sum(counts);
            }
            _ => {
                self.end();
                self.current = Some((speaker, counts));
            }
        }
    }

    fn sum(&mut self, counts: Vec<(TermId, u64)>) {
        for (t, n) in counts {
            if self.dense[t as usize] == 0 {
                self.touched.push(t);
            }
            self.dense[t as usize] += n;
        }
    }

    /// Ends the current speaker: its one part, or its summed parts by term id.
    fn end(&mut self) {
        let Some((speaker, first)) = self.current.take() else {
            return;
        };
        let counts = if self.touched.is_empty() {
            first
        } else {
            self.touched.sort_unstable();
            let dense = &mut self.dense;
            self.touched
                .drain(..)
                .map(|t| (t, std::mem::take(&mut dense[t as usize])))
                .collect()
        };
        self.by_speaker[speaker as usize] = counts;
    }

    /// Every speaker's counts, by speaker id.
    fn finish(mut self) -> Vec<Vec<(TermId, u64)>> {
        self.end();
        self.by_speaker
    }
}

impl Tallies {
    /// The counts of the corpus in `view` (the keys counted from the tokens, any other view summed from them).
    pub fn new(corpus: &Corpus, view: View) -> Result<Tallies, TokenError> {
        let keys = Tallies::of_keys(corpus)?;
        Ok(match view {
            View::Key => keys,
            _ => keys.to_view(corpus, view),
        })
    }

    /// The counts of the keys, from the tokens: the tasks ([`tasks`]) counted in parallel a window of
    /// [`TASKS_AT_ONCE`] at a time, each window's parts added up in order before the next is counted, so the parts
    /// held at once do not grow with the corpus (a speaker of 60 M words is 230 parts).
    fn of_keys(corpus: &Corpus) -> Result<Tallies, TokenError> {
        let view = View::Key;
        let terms = view.len(corpus);
        let by_turns = turns_by_speaker(corpus);
        let tasks = tasks(corpus, &by_turns);
        let mut adding = Adding::new(corpus.speakers.len(), terms);
        let window = TASKS_AT_ONCE * rayon::current_num_threads();
        for chunk in tasks.chunks(window) {
            let parts: Vec<(SpeakerId, Vec<(TermId, u64)>)> = chunk
                .par_iter()
                .map_init(
                    || vec![0u64; terms],
                    |dense, &(speaker, turns)| Ok((speaker, count_keys(corpus, turns, dense)?)),
                )
                .collect::<Result<_, TokenError>>()?;
            for (speaker, counts) in parts {
                adding.add(speaker, counts);
            }
        }
        let by_speaker = adding.finish();
        let mut all = vec![0u64; terms];
        for list in &by_speaker {
            for &(t, n) in list {
                all[t as usize] += n;
            }
        }
        let totals = by_speaker
            .iter()
            .map(|l| l.iter().map(|p| p.1).sum())
            .collect();
        Ok(Tallies {
            view,
            by_speaker,
            totals,
            all,
        })
    }

    /// These key counts summed into the terms of `view` (once per speaker and key, not per token).
    ///
    /// # Panics
    /// If these are not the counts of keys.
    pub fn to_view(&self, corpus: &Corpus, view: View) -> Tallies {
        assert_eq!(self.view, View::Key, "only key counts go to another view");
        let terms = view.len(corpus);
        let by_speaker: Vec<Vec<(TermId, u64)>> = self
            .by_speaker
            .par_iter()
            .map_init(
                || vec![0u64; terms],
                |dense, counts| {
                    let mut touched = Vec::new();
                    for &(k, n) in counts {
                        let t = view.term(corpus, k);
                        if dense[t as usize] == 0 {
                            touched.push(t);
                        }
                        dense[t as usize] += n;
                    }
                    touched.sort_unstable();
                    touched
                        .into_iter()
                        .map(|t| (t, std::mem::take(&mut dense[t as usize])))
                        .collect()
                },
            )
            .collect();
        let mut all = vec![0u64; terms];
        for (k, &n) in self.all.iter().enumerate() {
            all[view.term(corpus, k as TermId) as usize] += n;
        }
        Tallies {
            view,
            by_speaker,
            totals: self.totals.clone(),
            all,
        }
    }

    /// The view counted.
    pub fn view(&self) -> View {
        self.view
    }

    /// A speaker's count of each term it uses, by term id.
    pub fn counts(&self, speaker: SpeakerId) -> &[(TermId, u64)] {
        &self.by_speaker[speaker as usize]
    }

    /// Every speaker's count of each term, by term id (zero for a term nobody uses).
    pub fn all(&self) -> &[u64] {
        &self.all
    }

    /// A speaker's words.
    pub fn total(&self, speaker: SpeakerId) -> u64 {
        self.totals[speaker as usize]
    }

    /// The counts of a group of turns: a speaker's, or every speaker's (`None`).
    pub fn of(&self, speaker: Option<SpeakerId>) -> GroupCounts<'_> {
        match speaker {
            Some(s) => GroupCounts::Speaker(self.counts(s)),
            None => GroupCounts::All(&self.all),
        }
    }

    /// Every speaker's words.
    pub fn grand_total(&self) -> u64 {
        self.totals.iter().sum()
    }

    /// The counts of every speaker but `speaker`, as [`Tallies::counts`] gives a speaker's, and their words.
    pub fn others(&self, speaker: SpeakerId) -> (Vec<(TermId, u64)>, u64) {
        let mut counts: Vec<(TermId, u64)> = Vec::new();
        let mine = self.counts(speaker);
        let mut k = 0;
        for (t, &all) in self.all.iter().enumerate() {
            let t = t as TermId;
            while k < mine.len() && mine[k].0 < t {
                k += 1;
            }
            let own = mine.get(k).filter(|p| p.0 == t).map_or(0, |p| p.1);
            if all > own {
                counts.push((t, all - own));
            }
        }
        let words = self.totals.iter().sum::<u64>() - self.total(speaker);
        (counts, words)
    }
}

/// The counts of a group of turns ([`Tallies::of`]).
#[derive(Debug, Clone, Copy)]
pub enum GroupCounts<'t> {
    /// A speaker's: (term, count) by term id.
    Speaker(&'t [(TermId, u64)]),
    /// Every speaker's: the count of each term id.
    All(&'t [u64]),
}

impl GroupCounts<'_> {
    /// Calls `f` with each used term and its count, by term id.
    pub fn each(self, mut f: impl FnMut(TermId, u64)) {
        match self {
            GroupCounts::Speaker(counts) => counts.iter().for_each(|&(t, n)| f(t, n)),
            GroupCounts::All(all) => {
                for (t, &n) in all.iter().enumerate() {
                    if n > 0 {
                        f(t as TermId, n);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Adding;

    #[test]
    fn parts_are_added_up_speaker_by_speaker_as_they_come() {
        let mut adding = Adding::new(3, 5);
        // Speaker 0: one part, kept as it is. Speaker 2: three parts, summed by term id.
        adding.add(0, vec![(1, 2), (4, 1)]);
        adding.add(2, vec![(3, 1), (4, 2)]);
        adding.add(2, vec![(0, 5)]);
        adding.add(2, vec![(4, 1), (1, 1)]);
        let by_speaker = adding.finish();
        assert_eq!(by_speaker[0], vec![(1, 2), (4, 1)]);
        assert_eq!(by_speaker[1], vec![]);
        assert_eq!(by_speaker[2], vec![(0, 5), (1, 1), (3, 1), (4, 3)]);
    }
}
