//! Who speaks after whom: a heatmap of `transitions.csv` for the charted speakers, everyone else as one row and
//! column (`others`), each cell the number of times the column's speaker took the floor right after the row's,
//! within one meeting. A row reads "after X, who spoke"; the diagonal (a speaker after themselves) is two turns of
//! one speaker split by a heading or a remark.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{bold, clip, font, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::turns::transitions;

/// The name of the row and column of everyone not charted.
const OTHERS: &str = "others";

/// The data: the names of rows and columns, and the counts (row: before, column: after).
pub struct Transitions {
    /// Names, the charted speakers' first.
    pub names: Vec<String>,
    /// Counts.
    pub counts: Vec<Vec<usize>>,
}

impl Chart for Transitions {
    const STEM: &'static str = "transitions";
    const TITLE: &'static str = "Who speaks after whom";
    const CAPTION: &'static str = "How often the speaker of a column took the floor right after the speaker of a row, within one meeting (transitions.csv has every pair); everyone not charted is one row and column, others. The darker the cell, the more often; each row is shaded against its own largest count, so a row shows whom that speaker hands over to.";
    const METHOD: &'static str = "From `transitions.csv`: the charted speakers, and everyone else summed into `others` (shown only when \
         someone else spoke). Each cell's shade is its count over the largest count of its row.";

    fn shape(cx: &Context) -> Result<Option<Transitions>, WriteError> {
        let corpus = cx.corpus;
        let mut names: Vec<String> = cx.leaders.iter().map(|l| cx.shown(l)).collect();
        let index = |speaker: u32| -> usize {
            let name = &corpus.speakers[speaker as usize];
            cx.leaders
                .iter()
                .position(|l| l == name)
                .unwrap_or(cx.leaders.len())
        };
        let n = cx.leaders.len() + 1;
        let mut counts = vec![vec![0usize; n]; n];
        for ((from, to), count) in transitions(corpus) {
            counts[index(from)][index(to)] += count;
        }
        // The others' row and column only when someone else spoke.
        if counts[n - 1].iter().sum::<usize>() + counts.iter().map(|r| r[n - 1]).sum::<usize>() > 0
        {
            names.push(OTHERS.to_string());
        } else {
            counts.pop();
            for row in &mut counts {
                row.pop();
            }
        }
        Ok(Some(Transitions { names, counts }))
    }

    fn size(&self) -> (u32, u32) {
        let n = self.names.len().max(1) as u32;
        (280 + 110 * n, 260 + 70 * n)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = root.titled(
            "Who speaks after whom (row: before, column: after)",
            bold(22),
        )?;
        if self.counts.iter().flatten().all(|&c| c == 0) {
            return super::no_data(&area, "no speaker followed another within a meeting");
        }
        let (cell_w, cell_h, left, top) = (110, 70, 240, 200);
        let centre = Pos::new(HPos::Center, VPos::Center);
        for (i, name) in self.names.iter().enumerate() {
            let y = top + cell_h * i as i32;
            area.draw(&Text::new(
                clip(name, 26),
                (left - 10, y + cell_h / 2),
                font(15).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
            area.draw(&Text::new(
                clip(name, 22),
                (left + cell_w * i as i32 + cell_w / 2, top - 10),
                font(15)
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            let most = self.counts[i].iter().copied().max().unwrap_or(0).max(1) as f64;
            for (j, &c) in self.counts[i].iter().enumerate() {
                let x = left + cell_w * j as i32;
                let t = c as f64 / most;
                let shade = |full: u8| (255.0 - (255.0 - f64::from(full)) * t).round() as u8;
                let fill = RGBColor(shade(31), shade(119), shade(180));
                area.draw(&Rectangle::new(
                    [(x, y), (x + cell_w - 2, y + cell_h - 2)],
                    fill.filled(),
                ))?;
                let ink = if t > 0.55 { WHITE } else { BLACK };
                area.draw(&Text::new(
                    c.to_string(),
                    (x + cell_w / 2, y + cell_h / 2),
                    font(16).color(&ink).pos(centre),
                ))?;
            }
        }
        Ok(())
    }
}
