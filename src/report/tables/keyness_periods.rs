//! `keyness_periods.csv`: for each charted speaker, keyness of each period against the speaker's other periods
//! ([`crate::stats::period_keyness`]), periods as `--period` (or the default) groups them.

use crate::stats::period_keyness::{period_keyness, PeriodKeynessRow};

use super::{write_table_ranked, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "keyness_periods.csv";
const ABOUT: &str = "For each charted speaker, the terms that rose (G² > 0) and fell (G² < 0) in each period against the speaker's other periods.";
const METHOD: &str = "For each charted speaker, each period (`--period`) of their words against their words in all their other \
     periods, with the measures of `keyness.csv` (G², p-value, Log Ratio, log-odds z) in the chosen view: G² > 0 is a \
     term that rose in that period, G² < 0 one that fell. Listed are the terms the speaker uses at least \
     `--min-count` times in all periods together and uses in the period, or would be expected to use there at least \
     once. Meetings without a date are in no period and on neither side.";

impl Row for PeriodKeynessRow<'_> {
    const HEADER: &'static str = "speaker,period,term,form,count_period,count_rest,total_period,total_rest,g2,p_value,log_ratio,log_odds_z,stopword,pos,content";
    const TYPES: &'static str = "str,str,str,str,int,int,int,int,f64,f64,f64,f64,bool,str,bool";
}

/// `keyness_periods.csv`.
pub struct KeynessPeriods;

impl Table for KeynessPeriods {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, PeriodKeynessRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "keyness by period"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        // The strongest changes in content words first.
        write_table_ranked(cx, FILE, ABOUT, cx.period_keyness()?, |a, b| {
            b.content
                .cmp(&a.content)
                .then(b.g2.abs().total_cmp(&a.g2.abs()))
        })
    }
}

impl<'a> Context<'a> {
    /// The rows of `keyness_periods.csv`: each charted speaker's periods against their other periods. Shared with
    /// the chart of what rose and fell.
    pub fn period_keyness(&self) -> Result<&[PeriodKeynessRow<'a>], WriteError> {
        let rows = self.shared.period_keyness.get_or_try(|| {
            let corpus = self.corpus;
            let speakers: Vec<_> = self
                .leaders
                .iter()
                .filter_map(|s| corpus.speaker_id(s))
                .collect();
            Ok(period_keyness(
                corpus,
                self.config.view,
                &self.periods,
                &speakers,
                self.config.min_count,
            )?)
        })?;
        Ok(rows)
    }
}
