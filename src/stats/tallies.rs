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

impl Tallies {
    /// The counts of the corpus in `view` (the keys counted from the tokens, any other view summed from them).
    pub fn new(corpus: &Corpus, view: View) -> Result<Tallies, TokenError> {
        let keys = Tallies::of_keys(corpus)?;
        Ok(match view {
            View::Key => keys,
            _ => keys.to_view(corpus, view),
        })
    }

    /// The counts of the keys, from the tokens.
    fn of_keys(corpus: &Corpus) -> Result<Tallies, TokenError> {
        let view = View::Key;
        let terms = view.len(corpus);
        let mut by_turns: Vec<Vec<usize>> = vec![Vec::new(); corpus.speakers.len()];
        for (i, t) in corpus.turns.iter().enumerate() {
            by_turns[t.speaker as usize].push(i);
        }
        // Tasks of consecutive turns of one speaker, about WORDS_PER_TASK words each.
        let mut tasks: Vec<(SpeakerId, &[usize])> = Vec::new();
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
        let parts: Vec<(SpeakerId, Vec<(TermId, u64)>)> = tasks
            .par_iter()
            .map_init(
                || vec![0u64; terms],
                |dense, &(speaker, turns)| {
                    let mut touched = Vec::new();
                    let mut reader = corpus.reader();
                    for &i in turns {
                        for &w in reader.words(&corpus.turns[i])? {
                            let t = view.term(corpus, w);
                            if dense[t as usize] == 0 {
                                touched.push(t);
                            }
                            dense[t as usize] += 1;
                        }
                    }
                    touched.sort_unstable();
                    let counts = touched
                        .into_iter()
                        .map(|t| (t, std::mem::take(&mut dense[t as usize])))
                        .collect();
                    Ok((speaker, counts))
                },
            )
            .collect::<Result<_, TokenError>>()?;
        // A speaker's parts added up (in the dense corpus counts, which are rebuilt after).
        let mut by_speaker: Vec<Vec<(TermId, u64)>> = vec![Vec::new(); corpus.speakers.len()];
        let mut all = vec![0u64; terms];
        let mut parts = parts.into_iter().peekable();
        while let Some((speaker, first)) = parts.next() {
            if parts.peek().is_none_or(|(next, _)| *next != speaker) {
                by_speaker[speaker as usize] = first;
                continue;
            }
            let mut touched: Vec<TermId> = Vec::new();
            let mut add = |counts: Vec<(TermId, u64)>| {
                for (t, n) in counts {
                    if all[t as usize] == 0 {
                        touched.push(t);
                    }
                    all[t as usize] += n;
                }
            };
            add(first);
            while let Some((_, counts)) = parts.next_if(|(next, _)| *next == speaker) {
                add(counts);
            }
            touched.sort_unstable();
            by_speaker[speaker as usize] = touched
                .into_iter()
                .map(|t| (t, std::mem::take(&mut all[t as usize])))
                .collect();
        }
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
