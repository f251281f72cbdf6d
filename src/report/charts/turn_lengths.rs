//! Turn length distribution per speaker: a box plot of words per turn (quartiles, whiskers at 1.5 IQR) on a
//! logarithmic axis, since a few long statements sit beside many short replies.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};

/// The data: per speaker, the length of each turn in words.
pub struct TurnLengths {
    /// Speakers in order, with their turn lengths.
    pub speakers: Vec<(String, Vec<u32>)>,
}

impl Chart for TurnLengths {
    const STEM: &'static str = "turn_lengths";
    const TITLE: &'static str = "How long the turns are";
    const CAPTION: &'static str = "Box plots of words per turn on a logarithmic axis: the box spans the middle half of the turns, the line inside is the median, dots are single turns.";

    fn shape(cx: &Context) -> Result<Option<TurnLengths>, WriteError> {
        let corpus = cx.corpus;
        let speakers = cx
            .leaders
            .iter()
            .map(|s| {
                let id = corpus.speaker_id(s);
                let lengths = corpus
                    .turns
                    .iter()
                    .filter(|t| Some(t.speaker) == id)
                    .map(|t| t.len() as u32)
                    .collect();
                (cx.shown(s), lengths)
            })
            .collect();
        Ok(Some(TurnLengths { speakers }))
    }

    fn size(&self) -> (u32, u32) {
        (1000, 160 + 60 * self.speakers.len().max(2) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let rows: Vec<&(String, Vec<u32>)> =
            self.speakers.iter().filter(|s| !s.1.is_empty()).collect();
        if rows.is_empty() {
            return super::no_data(root, "no turns");
        }
        let n = rows.len() as i32;
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .copied()
            .max()
            .unwrap_or(1)
            .max(10) as f32;
        let label_width = rows
            .iter()
            .map(|r| r.0.chars().count().min(28) + r.1.len().to_string().len() + 3)
            .max()
            .unwrap_or(4) as u32
            * 10
            + 24;
        let mut chart = ChartBuilder::on(root)
            .caption("Words per turn", super::bold(26))
            .margin(14)
            .x_label_area_size(50)
            .y_label_area_size(label_width)
            .build_cartesian_2d((0.8f32..max * 1.3).log_scale(), (0..n).into_segmented())?;
        let names: Vec<String> = rows.iter().map(|r| super::clip(&r.0, 28)).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows.len())
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if (0..n).contains(i) => {
                    let r = &rows[(n - 1 - i) as usize];
                    format!("{} ({})", names[(n - 1 - i) as usize], r.1.len())
                }
                _ => String::new(),
            })
            .x_desc("words per turn (logarithmic scale); number of turns in brackets")
            .label_style(font(16))
            .axis_desc_style(font(16))
            .light_line_style(WHITE)
            .draw()?;
        for (k, (_, lengths)) in rows.iter().enumerate() {
            let row = n - 1 - k as i32;
            let values: Vec<f32> = lengths.iter().map(|&l| (l as f32).max(1.0)).collect();
            let q = Quartiles::new(&values);
            let c = color(k);
            chart.draw_series(std::iter::once(
                Boxplot::new_horizontal(SegmentValue::CenterOf(row), &q)
                    .width(28)
                    .whisker_width(0.6)
                    .style(c.stroke_width(2)),
            ))?;
            // Every turn as a small dot, so short series are visible too.
            chart.draw_series(values.iter().map(|&v| {
                Circle::new((v, SegmentValue::CenterOf(row)), 2, c.mix(0.35).filled())
            }))?;
        }
        Ok(())
    }
}
