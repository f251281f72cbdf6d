//! Turn length distribution per speaker: a box plot of words per turn on a logarithmic axis, since a few long
//! statements sit beside many short replies. Quartiles and Tukey's whiskers (to the furthest turn within 1.5 × IQR)
//! come from [`BoxPlot`]; every turn is a dot.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::turns::BoxPlot;

/// The data: per speaker, the length of each turn in words.
pub struct TurnLengths {
    /// Speakers in order, with their turn lengths.
    pub speakers: Vec<(String, Vec<u32>)>,
}

impl Chart for TurnLengths {
    const STEM: &'static str = "turn_lengths";
    const TITLE: &'static str = "How long the turns are";
    const CAPTION: &'static str = "Box plots of words per turn on a logarithmic axis: the box spans the middle half of the turns, the line inside is the median, the whiskers reach the furthest turn within 1.5 × the box's width (Tukey), dots are single turns.";
    const METHOD: &'static str = "The words of each turn of each charted speaker (as in `turns.csv`), on a logarithmic axis. Quartiles and \
         median by linear interpolation (numpy's default); the whiskers end at the furthest turn within 1.5 × IQR of the \
         box (Tukey); every turn is also a dot.";

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
        let n = rows.len();
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .copied()
            .max()
            .unwrap_or(1)
            .max(10) as f64;
        let names: Vec<String> = rows
            .iter()
            .map(|r| format!("{} ({})", super::clip(&r.0, 28), r.1.len()))
            .collect();
        let label_width = super::label_width(&names, 40, 10);
        let n = n as i32;
        let mut chart = ChartBuilder::on(root)
            .caption("Words per turn", super::bold(26))
            .margin(14)
            .margin_right(28)
            .x_label_area_size(50)
            .y_label_area_size(label_width)
            .build_cartesian_2d((0.8f64..max * 1.3).log_scale(), (0..n - 1).into_segmented())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows.len())
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if (0..n).contains(i) => {
                    names[(n - 1 - i) as usize].clone()
                }
                _ => String::new(),
            })
            .x_label_formatter(&|v| format!("{v:.0}"))
            .x_desc("words per turn (logarithmic scale); number of turns in brackets")
            .label_style(font(16))
            .axis_desc_style(font(16))
            .light_line_style(WHITE)
            .draw()?;
        for (k, (_, lengths)) in rows.iter().enumerate() {
            let row = SegmentValue::CenterOf(n - 1 - k as i32);
            let mut sorted: Vec<usize> = lengths.iter().map(|&l| (l as usize).max(1)).collect();
            sorted.sort_unstable();
            let c = color(k);
            // Every turn as a small dot, so short series are visible too.
            chart.draw_series(
                sorted
                    .iter()
                    .map(|&v| Circle::new((v as f64, row.clone()), 2, c.mix(0.35).filled())),
            )?;
            let Some(b) = BoxPlot::of(&sorted) else {
                continue;
            };
            // The box, median and whiskers in pixels (the rows are segments, which have no fractions).
            let x = |v: f64| chart.backend_coord(&(v, row.clone())).0;
            let y = chart.backend_coord(&(b.median, row.clone())).1;
            let (half, cap) = (13, 7);
            let style = c.stroke_width(2);
            root.draw(&Rectangle::new(
                [(x(b.q1), y - half), (x(b.q3), y + half)],
                style,
            ))?;
            for line in [
                [(x(b.median), y - half), (x(b.median), y + half)],
                [(x(b.low), y), (x(b.q1), y)],
                [(x(b.q3), y), (x(b.high), y)],
                [(x(b.low), y - cap), (x(b.low), y + cap)],
                [(x(b.high), y - cap), (x(b.high), y + cap)],
            ] {
                root.draw(&PathElement::new(line.to_vec(), style))?;
            }
        }
        Ok(())
    }
}
