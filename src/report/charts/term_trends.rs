//! Trends of the chosen terms (`--terms`, or the most frequent content words): each term's occurrences per 10,000
//! words of all speakers, period by period, a line per term (as Voyant's Trends).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::lines::{line_panel, Point, Series, TimeAxis, NO_DATES};
use super::{Chart, DrawResult};
use crate::report::{Context, WriteError};

/// The data: a line per term, and the time axis.
pub struct TermTrends {
    /// The lines.
    pub series: Vec<Series>,
    /// Where the periods sit.
    pub axis: TimeAxis,
    /// `meeting`, `month`, `quarter` or `year`.
    pub period: &'static str,
    /// Words a period needs to be drawn.
    pub min_words: u64,
}

impl Chart for TermTrends {
    const STEM: &'static str = "term_trends";
    const TITLE: &'static str = "Term trends";
    const CAPTION: &'static str = "The chosen terms (--terms; words or phrases; by default the charted speakers' strongest content keywords) per 10,000 words of all speakers, period by period; a point's area grows with the words of its period, and periods of fewer words than --min-period-words (1,000) are left out (a rate from a few hundred words jumps with every occurrence). term_trends.csv has every period with its base; trends.csv has the terms per speaker and meeting.";
    const METHOD: &'static str = "From `term_trends.csv`: a line per chosen term through its rate in each period, at the period's place on the \
         time axis, a point's area growing with the words of its period; periods whose base is below \
         `--min-period-words` are left out and counted under the legend.";

    fn shape(cx: &Context) -> Result<Option<TermTrends>, WriteError> {
        let axis = TimeAxis::new(&cx.periods);
        let series = cx
            .terms()?
            .iter()
            .zip(&cx.period_measures()?.rates)
            .enumerate()
            .map(|(i, (term, rates))| {
                let line = rates
                    .iter()
                    .filter_map(|r| {
                        Some(Point {
                            x: axis.position(r.period)?,
                            y: r.per_10k(),
                            words: r.words,
                        })
                    })
                    .collect();
                (term.clone(), i, line)
            })
            .collect();
        Ok(Some(TermTrends {
            series,
            axis,
            period: cx.periods.period.as_str(),
            min_words: cx.config.min_period_words,
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
            &self.axis,
            ("per 10,000 words", 1),
            (self.min_words, NO_DATES),
        )
    }
}
