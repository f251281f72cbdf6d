//! What rose and fell: for each charted speaker, the content words whose use in one period differs most from their
//! use in the speaker's other periods (from `keyness_periods.csv`), right for a rise, left for a fall, each labelled
//! with its period.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::keyness::CUT_OFF;
use super::{bar_panel, color, grid_size, panels, Bars, Chart, DrawResult};
use crate::report::{Context, WriteError};

/// Bars per direction and panel.
const PER_SIDE: usize = 8;

/// A bar: the label (term and period) and its signed G².
type Bar = (String, f64);

/// The data: per speaker, rises then falls.
pub struct KeynessPeriods {
    /// What a period is (`month`, `quarter`, …).
    pub period: &'static str,
    /// Panels in speaker order: name, its colour index, its bars.
    pub speakers: Vec<(String, usize, Vec<Bar>)>,
    /// Periods with a meeting.
    pub periods: usize,
}

impl Chart for KeynessPeriods {
    const STEM: &'static str = "keyness_periods";
    const TITLE: &'static str = "What rose and fell";
    const CAPTION: &'static str = "For each charted speaker, the content words whose rate in one period (--period) differs most from the rest of the speaker's periods: bars right rose in the period named, bars left fell (signed G² of the period against the speaker's other periods; only |G²| ≥ 6.63, p < 0.01, drawn at the grey lines). A word can rise in one period and fall in another; keyness_periods.csv has every term of every period.";

    fn shape(cx: &Context) -> Result<Option<KeynessPeriods>, WriteError> {
        let speakers = cx
            .leaders
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let rows: Vec<_> = cx
                    .made
                    .period_keyness
                    .iter()
                    .filter(|r| r.speaker == s && r.content && r.g2.abs() >= CUT_OFF)
                    .collect();
                let pick = |rising: bool| {
                    let mut side: Vec<&&crate::stats::period_keyness::PeriodKeynessRow> =
                        rows.iter().filter(|r| (r.g2 > 0.0) == rising).collect();
                    side.sort_by(|x, y| {
                        y.g2.abs()
                            .total_cmp(&x.g2.abs())
                            .then_with(|| x.period.cmp(&y.period))
                            .then_with(|| x.term.cmp(y.term))
                    });
                    side.into_iter()
                        .take(PER_SIDE)
                        .map(|r| (format!("{} · {}", r.form, r.period), r.g2))
                        .collect::<Vec<Bar>>()
                };
                let mut bars = pick(true);
                let mut falls = pick(false);
                falls.reverse();
                bars.extend(falls);
                (cx.shown(s), i, bars)
            })
            .collect();
        Ok(Some(KeynessPeriods {
            period: cx.periods.period.as_str(),
            speakers,
            periods: cx.periods.labels.len(),
        }))
    }

    fn size(&self) -> (u32, u32) {
        if self.periods < 2 || self.speakers.is_empty() {
            return (900, 400);
        }
        let longest = self.speakers.iter().map(|s| s.2.len()).max().unwrap_or(8);
        grid_size(self.speakers.len(), 680, longest)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = format!(
            "What rose and fell: each {} against the speaker's others",
            self.period
        );
        let area = root.titled(&title, super::bold(26))?;
        if self.periods < 2 || self.speakers.is_empty() {
            return super::no_data(
                &area,
                &format!(
                    "the meetings fall in {} {}(s): choose a finer --period (meeting, month, quarter) or add meetings of other dates",
                    self.periods, self.period
                ),
            );
        }
        for (panel, (speaker, colour, bars)) in panels(&area, self.speakers.len(), 2)
            .iter()
            .zip(&self.speakers)
        {
            let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
            let values: Vec<f64> = bars.iter().map(|b| b.1).collect();
            let colors: Vec<RGBColor> = values
                .iter()
                .map(|&v| {
                    if v >= 0.0 {
                        color(*colour)
                    } else {
                        RGBColor(150, 150, 150)
                    }
                })
                .collect();
            bar_panel(
                panel,
                &Bars {
                    title: speaker,
                    labels: &labels,
                    values: &values,
                    colors: &colors,
                    x_desc: "signed G²: rose (right) or fell (left) in the period",
                    empty: "no content word changed at p < 0.01 (|G²| ≥ 6.63): too few words in more than one period, or none changed; keyness_periods.csv has every term",
                    shared_max: 0.0,
                    marks: &[-CUT_OFF, CUT_OFF],
                },
            )?;
        }
        Ok(())
    }
}
