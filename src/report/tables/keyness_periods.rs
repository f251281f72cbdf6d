//! `keyness_periods.csv`: for each charted speaker, keyness of each period against the speaker's other periods
//! ([`crate::stats::period_keyness`]), periods as `--period` (or the default) groups them.

use crate::stats::period_keyness::{period_keyness, PeriodKeynessRow};

use super::{write_table_ranked, Context, Preview, Row, Table};
use crate::report::WriteError;

const FILE: &str = "keyness_periods.csv";
const ABOUT: &str = "For each charted speaker, the terms that rose (G² > 0) and fell (G² < 0) in each period against the speaker's other periods.";

impl Row for PeriodKeynessRow<'_> {
    const HEADER: &'static str = "speaker,period,term,form,count_period,count_rest,total_period,total_rest,g2,p_value,log_ratio,log_odds_z,stopword,pos,content";
}

/// `keyness_periods.csv`.
pub struct KeynessPeriods;

impl Table for KeynessPeriods {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, PeriodKeynessRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "keyness by period"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let corpus = cx.corpus;
        let speakers: Vec<_> = cx
            .leaders
            .iter()
            .filter_map(|s| corpus.speaker_id(s))
            .collect();
        let rows = period_keyness(
            corpus,
            cx.config.view,
            &cx.periods,
            &speakers,
            cx.config.min_count,
        )?;
        // The strongest changes in content words first.
        let preview = write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            b.content
                .cmp(&a.content)
                .then(b.g2.abs().total_cmp(&a.g2.abs()))
        })?;
        cx.made.period_keyness = rows;
        Ok(preview)
    }
}
