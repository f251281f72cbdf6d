//! Vocabulary across time: per charted speaker, MATTR (the mean type–token ratio over moving windows, which does not
//! grow with the length of the text, unlike the number of distinct words) per period, one point per speaker and
//! period, lines only along time, and one line per language a speaker spoke (an English and a Russian vocabulary
//! are not one series).

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::lines::{days_of, line_panel, period_labels, Series};
use super::{Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::periods::Periods;

/// The data: a line per speaker and language, and the periods' labels by day number.
pub struct AcrossMeetings {
    /// The lines.
    pub series: Vec<Series>,
    /// Each period's label, by the day number of its start.
    pub labels: BTreeMap<i64, String>,
    /// `meeting`, `month`, `quarter` or `year`.
    pub period: &'static str,
    /// The MATTR window.
    pub window: usize,
}

impl Chart for AcrossMeetings {
    const STEM: &'static str = "across_meetings";
    const TITLE: &'static str = "Vocabulary across time";
    const CAPTION: &'static str = "Per speaker and period (one point each, by date): MATTR, the mean type–token ratio over moving windows of the speaker's words in that period, which does not grow with how long they spoke. A speaker who spoke two languages has a line for each. Periods where a speaker said fewer words than the window have no point.";

    fn shape(cx: &Context) -> Result<Option<AcrossMeetings>, WriteError> {
        let periods: &Periods = &cx.periods;
        let mut series = Vec::new();
        for (colour, name) in cx.leaders.iter().enumerate() {
            let Some(id) = cx.corpus.speaker_id(name) else {
                continue;
            };
            let points = periods.mattr(cx.corpus, id, cx.config.mattr_window)?;
            let mut languages: Vec<_> = points.iter().map(|p| p.1).collect();
            languages.dedup();
            languages.sort();
            languages.dedup();
            for (k, &language) in languages.iter().enumerate() {
                let shown = if languages.len() > 1 {
                    format!("{} ({})", cx.shown(name), language.code())
                } else {
                    cx.shown(name)
                };
                let line = points
                    .iter()
                    .filter(|p| p.1 == language)
                    .filter_map(|&(p, _, m)| Some((days_of(&periods.starts[p])?, m)))
                    .collect();
                // A second language of a speaker gets a colour of its own, after the charted speakers'.
                series.push((shown, colour + k * cx.leaders.len(), line));
            }
        }
        let labels = period_labels(periods);
        Ok(Some(AcrossMeetings {
            series,
            labels,
            period: periods.period.as_str(),
            window: cx.config.mattr_window,
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
            "Vocabulary by {}: MATTR (windows of {} words)",
            self.period, self.window
        );
        let area = root.titled(&title, super::bold(24))?;
        let empty = format!(
            "no charted speaker said {} words in one {}; a smaller --window or a coarser --period gives points",
            self.window, self.period
        );
        line_panel(&area, &self.series, &self.labels, ("MATTR", 3), &empty)
    }
}
