//! Trends of the chosen terms (`--terms`, or the most frequent content words): each term's occurrences per 10,000
//! words of all speakers, period by period, a line per term (as Voyant's Trends).

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::lines::{days_of, line_panel, period_labels, Series};
use super::{Chart, DrawResult};
use crate::report::{Context, WriteError};

/// The data: a line per term, and the periods' labels by day number.
pub struct TermTrends {
    /// The lines.
    pub series: Vec<Series>,
    /// Each period's label, by the day number of its start.
    pub labels: BTreeMap<i64, String>,
    /// `meeting`, `month`, `quarter` or `year`.
    pub period: &'static str,
}

impl Chart for TermTrends {
    const STEM: &'static str = "term_trends";
    const TITLE: &'static str = "Term trends";
    const CAPTION: &'static str = "The chosen terms (--terms; words or phrases) per 10,000 words of all speakers, period by period. trends.csv has them per speaker and meeting.";

    fn shape(cx: &Context) -> Result<Option<TermTrends>, WriteError> {
        let periods = &cx.periods;
        let rates = periods.term_rates(cx.corpus, cx.config.view, &cx.made.terms)?;
        let series = cx
            .made
            .terms
            .iter()
            .zip(rates)
            .enumerate()
            .map(|(i, (term, rates))| {
                let line = rates
                    .into_iter()
                    .filter_map(|(p, r)| Some((days_of(&periods.starts[p])?, r)))
                    .collect();
                (term.clone(), i, line)
            })
            .collect();
        let labels = period_labels(periods);
        Ok(Some(TermTrends {
            series,
            labels,
            period: periods.period.as_str(),
        }))
    }

    fn size(&self) -> (u32, u32) {
        (1100, 560)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = format!(
            "Term trends by {}: occurrences per 10,000 words",
            self.period
        );
        let area = root.titled(&title, super::bold(24))?;
        line_panel(
            &area,
            &self.series,
            &self.labels,
            ("per 10,000 words", 1),
            "no meeting has a date, so there is no time to follow; give the transcripts a date line or a dated file name",
        )
    }
}
