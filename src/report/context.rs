//! The report's [`Context`]: the analysed corpus, how to report it, and the statistics that several tables, charts
//! and the page share ([`Shared`]), each computed once, on first use.
//!
//! **Any order.** No table leaves a result for a later one. A table, a chart or the page asks the context for what
//! it needs (`cx.profiles()?`, `cx.tallies()?`, `cx.keyness()?`); the statistic is computed then, or taken from the
//! cell that kept it. So every table and chart can be made alone or in any order, with the same bytes. The context
//! is shared by reference, also by the threads that draw the charts in parallel: each cell is a [`OnceLock`].
//!
//! **Errors and threads.** A statistic whose computation fails is not kept: the error goes to the caller, and the
//! next caller tries again. No lock is held while a statistic is computed (a rayon task the waiting thread steals
//! could ask for the same cell and deadlock), so two threads asking at once for a statistic nobody has computed may
//! both compute it; the first one stored is kept, and since every statistic is deterministic the two are equal.
//!
//! **Where each is computed.** The statistics many parts use (the profiles, the counts of the view) are computed
//! here. A statistic that a table writes is computed beside that table (`keyness()` in `tables/keyness.rs`); one
//! that a table makes as a by-product of streaming its rows (the head of `freq.csv` or of `collocations.csv`) is
//! stored by the table as it streams ([`Computed::fill`]) and computed by its accessor alone only if nobody did. A
//! new shared statistic is one cell in [`Shared`] and an accessor beside the table that writes it.

use std::sync::OnceLock;

use crate::corpus::{Corpus, NARRATION};
use crate::stats::colloc::BigramRow;
use crate::stats::consensus::Consensus;
use crate::stats::distance::Distances;
use crate::stats::freq::FreqRow;
use crate::stats::keyness::{KeynessRow, Reference, Tallies};
use crate::stats::names::NameRow;
use crate::stats::period_keyness::PeriodKeynessRow;
use crate::stats::periods::{Period, PeriodMattr, PeriodRate, Periods};
use crate::stats::profile::Profiles;
use crate::stats::term_map::TermMapRow;
use crate::transcript::label::GROUP_LABELS;
use crate::transcript::Audit;

use super::{ReportConfig, WriteError};

/// A statistic computed once: empty until someone asks for it ([`Computed::get_or_try`]) or a table's own pass
/// stores it ([`Computed::fill`]).
pub struct Computed<T>(OnceLock<T>);

impl<T> Default for Computed<T> {
    fn default() -> Self {
        Computed(OnceLock::new())
    }
}

impl<T> Computed<T> {
    /// The statistic, computed by `make` unless it is kept already. An error goes to the caller and nothing is
    /// kept.
    pub fn get_or_try(
        &self,
        make: impl FnOnce() -> Result<T, WriteError>,
    ) -> Result<&T, WriteError> {
        if let Some(kept) = self.0.get() {
            return Ok(kept);
        }
        Ok(self.fill(make()?))
    }

    /// Keeps `value`, computed by a table as it streamed its rows, unless the statistic is kept already (then
    /// `value`, which is the same, is dropped); returns the one kept.
    pub fn fill(&self, value: T) -> &T {
        self.0.get_or_init(|| value)
    }

    /// The statistic, if it is kept.
    pub fn get(&self) -> Option<&T> {
        self.0.get()
    }
}

/// What the period charts draw: the terms' counts per period, and MATTR per charted speaker (in chart order).
#[derive(Debug, Clone, Default)]
pub struct PeriodMeasures {
    /// Per term of [`Context::terms`], its periods.
    pub rates: Vec<Vec<PeriodRate>>,
    /// Per charted speaker, its periods.
    pub mattr: Vec<(String, Vec<PeriodMattr>)>,
}

/// The statistics shared by tables, charts and the page, each computed once on first use (see the module's doc).
/// Read them through the accessors of [`Context`].
#[derive(Default)]
pub struct Shared<'a> {
    /// Turn statistics and lexical diversity per speaker and per speaker and meeting ([`Context::profiles`]).
    pub(crate) profiles: Computed<Profiles>,
    /// Each speaker's counts in the view asked for ([`Context::tallies`]).
    pub(crate) tallies: Computed<Tallies>,
    /// Each speaker's word-list file ([`Context::speaker_files`]).
    pub(crate) speaker_files: Computed<Vec<(String, String)>>,
    /// The head of `freq.csv` ([`Context::freq_heads`]).
    pub(crate) freq_heads: Computed<Vec<FreqRow<'a>>>,
    /// The first rows of each group of `collocations.csv` ([`Context::bigram_heads`]).
    pub(crate) bigram_heads: Computed<Vec<BigramRow<'a>>>,
    /// `keyness.csv` ([`Context::keyness`]).
    pub(crate) keyness: Computed<Vec<KeynessRow<'a>>>,
    /// The distances between speakers ([`Context::distances`]).
    pub(crate) distances: Computed<Option<Distances>>,
    /// The bootstrap consensus tree ([`Context::consensus`]).
    pub(crate) consensus: Computed<Option<Consensus>>,
    /// `term_map.csv` ([`Context::term_map`]).
    pub(crate) term_map: Computed<Vec<TermMapRow<'a>>>,
    /// `keyness_periods.csv` ([`Context::period_keyness`]).
    pub(crate) period_keyness: Computed<Vec<PeriodKeynessRow<'a>>>,
    /// `names.csv` ([`Context::names`]).
    pub(crate) names: Computed<Vec<NameRow<'a>>>,
    /// The terms of the trends and the x-ray ([`Context::terms`]).
    pub(crate) terms: Computed<Vec<String>>,
    /// The measures the charts across time draw ([`Context::period_measures`]).
    pub(crate) period_measures: Computed<PeriodMeasures>,
    /// The dictionaries compiled and counted ([`Context::dictionary`]).
    pub(crate) dictionary: Computed<crate::stats::dictionary::DictionaryCounts>,
}

/// The analysed corpus, how to report it, and the statistics computed of it so far.
pub struct Context<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// The parse audit of every file read.
    pub audits: &'a [Audit],
    /// The configuration.
    pub config: &'a ReportConfig,
    /// The speakers the charts show, in order (statistics computed from them are kept: change them before any is
    /// asked for).
    pub leaders: Vec<String>,
    /// The speakers the keyness chart compares: a target and a reference speaker, or
    /// [`OTHERS`](crate::stats::keyness::OTHERS) for all others.
    pub pair: Option<(String, String)>,
    /// The meetings grouped in time, for the measures across time.
    pub periods: Periods,
    /// The statistics computed so far.
    pub(crate) shared: Shared<'a>,
}

impl<'a> Context<'a> {
    /// The context of a report of `corpus`: the charted speakers ([`leaders`]), the compared pair ([`pair`]) and the
    /// periods (`config.period`, or [`Period::readable`]); no statistic computed yet.
    pub fn new(corpus: &'a Corpus, audits: &'a [Audit], config: &'a ReportConfig) -> Context<'a> {
        let leaders = leaders(corpus, config);
        Context {
            corpus,
            audits,
            config,
            pair: pair(&leaders, config),
            leaders,
            periods: Periods::new(
                corpus,
                config.period.unwrap_or_else(|| Period::readable(corpus)),
            ),
            shared: Shared::default(),
        }
    }

    /// Where a speaker comes in the charts' order: the charted speakers first, in order, then everyone else.
    pub fn chart_rank(&self, name: &str) -> usize {
        self.leaders
            .iter()
            .position(|l| l == name)
            .unwrap_or(usize::MAX)
    }

    /// A speaker's name as the charts show it: marked when most of their words are an interpreter's (interpreted
    /// turns counted as theirs, `--interpreted include`), since their vocabulary is then the interpreter's.
    pub fn shown(&self, name: &str) -> String {
        let Some(id) = self.corpus.speaker_id(name) else {
            return name.to_string();
        };
        let (mut all, mut interpreted) = (0, 0);
        for t in self.corpus.turns.iter().filter(|t| t.speaker == id) {
            all += t.len();
            if t.interpreted {
                interpreted += t.len();
            }
        }
        if 2 * interpreted > all {
            format!("{name} (mostly interpreted)")
        } else {
            name.to_string()
        }
    }

    /// Turn statistics and lexical diversity of every speaker, overall and in each meeting, with MATTR over
    /// `--window` words.
    pub fn profiles(&self) -> Result<&Profiles, WriteError> {
        self.shared
            .profiles
            .get_or_try(|| Ok(Profiles::new(self.corpus, self.config.mattr_window)?))
    }

    /// Each speaker's counts of the terms of the view asked for (`--view`), shared by frequencies, keyness, the
    /// term map, the distances and the collocations of that view. The frequencies table keeps the counts it makes
    /// for its own pass; counted here otherwise: the same counts either way.
    pub fn tallies(&self) -> Result<&Tallies, WriteError> {
        self.shared
            .tallies
            .get_or_try(|| Ok(Tallies::new(self.corpus, self.config.view)?))
    }
}

/// The speakers the charts show: the configured ones that exist, in that order; otherwise up to four speakers
/// present in the most meetings (then with the most words), so that the charts compare people who can be compared
/// across meetings, group labels (`Вопрос`, `Question`, …) and narration left out unless nobody else spoke.
pub fn leaders(corpus: &Corpus, config: &ReportConfig) -> Vec<String> {
    if let Some(chosen) = &config.speakers {
        return chosen
            .iter()
            .filter(|s| corpus.speaker_id(s).is_some())
            .cloned()
            .collect();
    }
    let mut words = vec![0usize; corpus.speakers.len()];
    let mut meetings = vec![std::collections::BTreeSet::new(); corpus.speakers.len()];
    for t in &corpus.turns {
        words[t.speaker as usize] += t.len();
        meetings[t.speaker as usize].insert(t.meeting);
    }
    let mut order: Vec<usize> = (0..corpus.speakers.len()).collect();
    order.sort_by(|&a, &b| {
        (meetings[b].len(), words[b])
            .cmp(&(meetings[a].len(), words[a]))
            .then_with(|| corpus.speakers[a].cmp(&corpus.speakers[b]))
    });
    let is_group = |s: &str| GROUP_LABELS.contains(&s) || s == NARRATION;
    let mut picked: Vec<String> = order
        .iter()
        .map(|&i| corpus.speakers[i].clone())
        .filter(|s| !is_group(s))
        .take(4)
        .collect();
    if picked.is_empty() {
        picked = order
            .iter()
            .map(|&i| corpus.speakers[i].clone())
            .take(4)
            .collect();
    }
    picked
}

/// The speakers the keyness chart compares: the configured pair; else the first charted speaker against the
/// reference speaker (the first other charted speaker when the reference leads); else the first two charted speakers;
/// else the only one against all others.
pub fn pair(leaders: &[String], config: &ReportConfig) -> Option<(String, String)> {
    if let Some(pair) = &config.pair {
        return Some(pair.clone());
    }
    match (&config.reference, leaders) {
        (Reference::Speaker(r), _) => leaders
            .iter()
            .find(|l| *l != r)
            .map(|l| (l.clone(), r.clone())),
        (Reference::Others, [a, b, ..]) => Some((a.clone(), b.clone())),
        (Reference::Others, [a]) => Some((a.clone(), crate::stats::keyness::OTHERS.to_string())),
        (Reference::Others, []) => None,
    }
}
