//! Dictionary categories across time (with `--dictionary`): a line per top-level category through its hits per
//! 10,000 words of all speakers in each period, on the report's time axis (as the term trends are drawn).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::dictionary::chosen;
use super::lines::{line_panel, Point, Series, TimeAxis, NO_DATES};
use super::{Chart, DrawResult};
use crate::report::{Context, ReportConfig, WriteError};

/// Lines a chart can tell apart by colour.
const LINES: usize = 10;

/// The data: a line per category, and the time axis.
pub struct DictionaryPeriods {
    /// The lines.
    pub series: Vec<Series>,
    /// Where the periods sit.
    pub axis: TimeAxis,
    /// `meeting`, `month`, `quarter` or `year`.
    pub period: &'static str,
    /// Words a period needs to be drawn.
    pub min_words: u64,
}

impl Chart for DictionaryPeriods {
    const STEM: &'static str = "dictionary_periods";
    const TITLE: &'static str = "Dictionary categories across time";
    const CAPTION: &'static str = "With --dictionary: each top-level category's hits per 10,000 words of all speakers, period by period (--period); a point's area grows with the words of its period, and periods of fewer words than --min-period-words are left out. Entries are matched as in the chart per speaker (globs and phrases on keys, and on lemmas or stems in those views; nested categories count in the one above; a word once per category).";
    const METHOD: &'static str = "From the counts of `dictionary.csv` summed over the meetings of each period (`--period`), all speakers \
         together: a line per top-level category (the ten with the most hits, if there are more) through its hits \
         per 10,000 words of the period, a point's area growing with those words; periods whose words are below \
         `--min-period-words` are left out and counted under the legend.";

    fn shown(config: &ReportConfig) -> bool {
        config.dictionary.is_some()
    }

    fn shape(cx: &Context) -> Result<Option<DictionaryPeriods>, WriteError> {
        let Some(stats) = cx.dictionary()? else {
            return Ok(None);
        };
        let dictionary = stats.matcher.dictionary();
        let axis = TimeAxis::new(&cx.periods);
        let rates = stats.by_period(&cx.periods);
        let top: Vec<usize> = dictionary.top().map(|c| c as usize).collect();
        let totals: Vec<u64> = top
            .iter()
            .map(|&c| rates[c].iter().map(|r| r.count).sum())
            .collect();
        let series = chosen(&totals, LINES)
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let c = top[k];
                let line = rates[c]
                    .iter()
                    .filter_map(|r| {
                        Some(Point {
                            x: axis.position(r.period)?,
                            y: r.per_10k(),
                            words: r.words,
                        })
                    })
                    .collect();
                (dictionary.categories[c].name.clone(), i, line)
            })
            .collect();
        Ok(Some(DictionaryPeriods {
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
            "Dictionary categories by {}: hits per 10,000 words",
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
