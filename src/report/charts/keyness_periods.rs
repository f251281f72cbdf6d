//! What rose and fell: for each charted speaker, the content words whose use in one period differs most from their
//! use in the speaker's other periods (from `keyness_periods.csv`), right for a rise, left for a fall, each labelled
//! with its period.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::keyness::CUT_OFF;
use super::{bar_grid, color, grid_size, Chart, DrawResult, GridStyle, Panel};
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
    /// Charted speakers left out: they spoke in one period only, so no period has others to differ from.
    pub single: Vec<String>,
}

impl Chart for KeynessPeriods {
    const STEM: &'static str = "keyness_periods";
    const TITLE: &'static str = "What rose and fell";
    const CAPTION: &'static str = "For each charted speaker, the content words whose rate in one period (--period) differs most from the rest of the speaker's periods: bars right rose in the period named, bars left fell (signed G² of the period against the speaker's other periods; only |G²| ≥ 6.63, p < 0.01, drawn at the grey lines). A word can rise in one period and fall in another; keyness_periods.csv has every term of every period. A speaker who spoke in one period only has nothing to compare and is named under the chart instead.";
    const METHOD: &'static str = "From `keyness_periods.csv`: per charted speaker who spoke in two periods or more, the 8 content words with \
         the largest |G²| (at p < 0.01) that rose and the 8 that fell, in any period, each labelled with its period. \
         Each panel has its own scale.";

    fn shape(cx: &Context) -> Result<Option<KeynessPeriods>, WriteError> {
        // The periods each charted speaker has words in.
        let mut spoken = vec![std::collections::BTreeSet::new(); cx.leaders.len()];
        for t in cx.corpus.turns.iter().filter(|t| !t.is_empty()) {
            let name = &cx.corpus.speakers[t.speaker as usize];
            if let (Some(i), Some(p)) = (
                cx.leaders.iter().position(|l| l == name),
                cx.periods.of_meeting[t.meeting as usize],
            ) {
                spoken[i].insert(p);
            }
        }
        let single = cx
            .leaders
            .iter()
            .zip(&spoken)
            .filter(|(_, p)| p.len() < 2)
            .map(|(s, _)| cx.shown(s))
            .collect();
        let period_keyness = cx.period_keyness()?;
        let speakers = cx
            .leaders
            .iter()
            .enumerate()
            .filter(|&(i, _)| spoken[i].len() >= 2)
            .map(|(i, s)| {
                let rows: Vec<_> = period_keyness
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
            single,
        }))
    }

    fn size(&self) -> (u32, u32) {
        let note = if self.single.is_empty() { 0 } else { 30 };
        if self.periods < 2 || self.speakers.is_empty() {
            return (900, 400 + note);
        }
        let longest = self.speakers.iter().map(|s| s.2.len()).max().unwrap_or(8);
        let (w, h) = grid_size(self.speakers.len(), 680, longest);
        (w, h + note)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = format!(
            "What rose and fell: each {} against the speaker's others",
            self.period
        );
        let mut area = root.titled(&title, super::bold(26))?;
        if !self.single.is_empty() {
            let (_, height) = area.dim_in_pixel();
            let (top, bottom) = area.split_vertically(height.saturating_sub(30));
            bottom.draw(&Text::new(
                format!(
                    "Not shown: {} (spoke in one {} only, so no period differs from the speaker's others).",
                    self.single.join(", "),
                    self.period
                ),
                (10, 6),
                super::font(15),
            ))?;
            area = top;
        }
        if self.periods >= 2 && self.speakers.is_empty() {
            return super::no_data(
                &area,
                &format!("every charted speaker spoke in one {} only", self.period),
            );
        }
        if self.periods < 2 || self.speakers.is_empty() {
            return super::no_data(
                &area,
                &format!(
                    "the meetings fall in {} {}(s): choose a finer --period (meeting, month, quarter) or add meetings of other dates",
                    self.periods, self.period
                ),
            );
        }
        let grid: Vec<Panel> = self
            .speakers
            .iter()
            .map(|(speaker, colour, bars)| Panel {
                title: speaker.clone(),
                labels: bars.iter().map(|b| b.0.clone()).collect(),
                values: bars.iter().map(|b| b.1).collect(),
                colors: bars
                    .iter()
                    .map(|b| {
                        if b.1 >= 0.0 {
                            color(*colour)
                        } else {
                            RGBColor(150, 150, 150)
                        }
                    })
                    .collect(),
            })
            .collect();
        bar_grid(
            &area,
            &grid,
            &GridStyle {
                x_desc: "signed G²: rose (right) or fell (left) in the period; grey lines: |G²| = 6.63, p < 0.01",
                empty: "no content word changed at p < 0.01 (|G²| ≥ 6.63): too few words in more than one period, or none changed; keyness_periods.csv has every term",
                shared_scale: false,
                marks: &[-CUT_OFF, CUT_OFF],
            },
        )?;
        Ok(())
    }
}
