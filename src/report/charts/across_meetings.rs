//! Vocabulary across time: per charted speaker, MATTR (the mean type–token ratio over moving windows, which does not
//! grow with the length of the text, unlike the number of distinct words) per period, one point per speaker and
//! period, lines only along time, and one line per language a speaker spoke (an English and a Russian vocabulary
//! are not one series).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::lines::{line_panel, Point, Series, TimeAxis};
use super::{Chart, DrawResult};
use crate::report::{Context, WriteError};

/// The data: a line per speaker and language, and the time axis.
pub struct AcrossMeetings {
    /// The lines.
    pub series: Vec<Series>,
    /// Where the periods sit.
    pub axis: TimeAxis,
    /// `meeting`, `month`, `quarter` or `year`.
    pub period: &'static str,
    /// The MATTR window.
    pub window: usize,
}

impl Chart for AcrossMeetings {
    const STEM: &'static str = "across_meetings";
    const TITLE: &'static str = "Vocabulary across time";
    const CAPTION: &'static str = "Per speaker and period (one point each, by date): MATTR, the mean type–token ratio over moving windows of the speaker's words in that period, which does not grow with how long they spoke; a point's area grows with the words it was measured on (mattr_by_period.csv has them). A speaker who spoke two languages has a line for each. Periods where a speaker said fewer words than the window have no point.";
    const METHOD: &'static str = "From `mattr_by_period.csv`: a point per charted speaker, period and language, at the period's place on the \
         time axis (a calendar period at its first day; meetings evenly spaced in date order), its area growing with \
         the words it was measured on; a line per speaker and language.";

    fn shape(cx: &Context) -> Result<Option<AcrossMeetings>, WriteError> {
        let axis = TimeAxis::new(&cx.periods);
        let leaders = cx.leaders.len();
        let mut series = Vec::new();
        for (name, points) in &cx.period_measures()?.mattr {
            let Some(colour) = cx.leaders.iter().position(|l| l == name) else {
                continue;
            };
            let mut languages: Vec<_> = points.iter().map(|p| p.language).collect();
            languages.sort_by_key(|l| l.rank());
            languages.dedup();
            for (k, &language) in languages.iter().enumerate() {
                let shown = if languages.len() > 1 {
                    format!("{} ({})", cx.shown(name), language)
                } else {
                    cx.shown(name)
                };
                let line = points
                    .iter()
                    .filter(|p| p.language == language)
                    .filter_map(|p| {
                        Some(Point {
                            x: axis.position(p.period)?,
                            y: p.mattr,
                            words: p.words,
                        })
                    })
                    .collect();
                // A second language of a speaker gets a colour of its own, after the charted speakers'.
                series.push((shown, colour + k * leaders, line));
            }
        }
        Ok(Some(AcrossMeetings {
            series,
            axis,
            period: cx.periods.period.as_str(),
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
        line_panel(&area, &self.series, &self.axis, ("MATTR", 3), (1, &empty))
    }
}
