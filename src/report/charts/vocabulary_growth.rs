//! Vocabulary growth: distinct words (keys) against words spoken, one curve per speaker. A steeper curve means a
//! speaker keeps bringing in new words.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::lines::LEGEND_WIDTH;
use super::{color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::growth::speaker_growth;

/// The data: per speaker, (tokens, types) points.
pub struct Growth {
    /// Curves in speaker order.
    pub speakers: Vec<(String, Vec<(usize, usize)>)>,
}

impl Chart for Growth {
    const STEM: &'static str = "vocabulary_growth";
    const TITLE: &'static str = "Vocabulary growth";
    const CAPTION: &'static str = "Distinct words against words spoken; a speaker whose curve rises faster keeps bringing in new words. Compare at equal numbers of words spoken.";
    const METHOD: &'static str = "For each charted speaker, the number of distinct keys after each word of all their turns (meetings by \
         date, turns in order), sampled at up to 400 evenly spaced points and always at the last word.";

    fn shape(cx: &Context) -> Result<Option<Growth>, WriteError> {
        let mut speakers = Vec::new();
        for name in &cx.leaders {
            if let Some(id) = cx.corpus.speaker_id(name) {
                speakers.push((cx.shown(name), speaker_growth(cx.corpus, id, 400)?));
            }
        }
        Ok(Some(Growth { speakers }))
    }

    fn size(&self) -> (u32, u32) {
        (1000 + LEGEND_WIDTH, 650)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let max_x = self
            .speakers
            .iter()
            .flat_map(|s| s.1.last())
            .map(|p| p.0)
            .max()
            .unwrap_or(0);
        let max_y = self
            .speakers
            .iter()
            .flat_map(|s| s.1.last())
            .map(|p| p.1)
            .max()
            .unwrap_or(0);
        if max_x == 0 {
            return super::no_data(root, "no words");
        }
        // The legend goes in a column of its own, so it never covers a curve.
        let area = root.titled(
            "Vocabulary growth: distinct words against words spoken",
            super::bold(26),
        )?;
        let (width, _) = area.dim_in_pixel();
        let (plot, legend) = area.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
        let mut chart = ChartBuilder::on(&plot)
            .margin(16)
            .x_label_area_size(50)
            .y_label_area_size(80)
            .build_cartesian_2d(0..max_x + max_x / 20 + 1, 0..max_y + max_y / 10 + 1)?;
        chart
            .configure_mesh()
            .x_desc("words spoken (tokens)")
            .y_desc("distinct words (types)")
            .label_style(font(16))
            .axis_desc_style(font(16))
            .light_line_style(WHITE)
            .draw()?;
        for (i, (speaker, points)) in self.speakers.iter().enumerate() {
            let c = color(i);
            chart.draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(3)))?;
            let y = 30 + 24 * i as i32;
            legend.draw(&PathElement::new(vec![(4, y), (28, y)], c.stroke_width(3)))?;
            legend.draw(&Text::new(super::clip(speaker, 28), (34, y - 8), font(16)))?;
        }
        Ok(())
    }
}
