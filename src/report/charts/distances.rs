//! Who talks like whom: Burrows' Delta between the speakers of `distances.csv` as a heatmap, rows and columns in the
//! order of an average-linkage (UPGMA) clustering of the same distances, so that speakers who talk alike sit
//! together and blocks show groups.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::{bold, clip, font, Chart, DrawResult};
use crate::report::{Context, WriteError};

/// Speakers shown at most (those with the most words; the CSV has every pair).
const MAX_SPEAKERS: usize = 40;
/// Values are written in the cells up to this many speakers.
const NUMBERS_UP_TO: usize = 16;
/// Characters of a name shown.
const NAME_CHARS: usize = 26;
/// The colours of the smallest and the largest distance.
const NEAR: (f64, f64, f64) = (8.0, 48.0, 107.0);
const FAR: (f64, f64, f64) = (239.0, 243.0, 255.0);

/// The data: speakers in clustered order, and Delta between them.
pub struct Distances {
    /// Names, in the order of rows and columns.
    pub names: Vec<String>,
    /// Delta, `values[i][j]`.
    pub values: Vec<Vec<f64>>,
    /// Terms Delta was computed over.
    pub mfw: usize,
    /// Speakers left out for room.
    pub left_out: usize,
}

impl Distances {
    /// The smallest and the largest distance between two speakers (the diagonal left out).
    fn range(&self) -> (f64, f64) {
        self.values
            .iter()
            .enumerate()
            .flat_map(|(i, row)| row.iter().enumerate().filter(move |&(j, _)| j != i))
            .fold((f64::MAX, f64::MIN), |(lo, hi), (_, &v)| {
                (lo.min(v), hi.max(v))
            })
    }
}

fn color_of(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(NEAR.0, FAR.0), mix(NEAR.1, FAR.1), mix(NEAR.2, FAR.2))
}

/// The colour scale, `height` pixels from its top left corner `(x, top)`, labelled with the smallest and the largest
/// distance.
fn scale_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, top): (i32, i32),
    height: i32,
    (min, max): (f64, f64),
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    for k in 0..height {
        let t = k as f64 / (height - 1).max(1) as f64;
        area.draw(&Rectangle::new(
            [(x, top + k), (x + 20, top + k + 1)],
            color_of(t).filled(),
        ))?;
    }
    for (t, v, what) in [(0.0, min, "alike"), (1.0, max, "different")] {
        let y = top + (t * (height - 1) as f64) as i32;
        area.draw(&Text::new(format!("{v:.2}"), (x + 28, y - 9), font(15)))?;
        area.draw(&Text::new(what, (x + 28, y + 8), font(13)))?;
    }
    Ok(())
}

impl Chart for Distances {
    const STEM: &'static str = "distances";
    const TITLE: &'static str = "Who talks like whom";
    const CAPTION: &'static str = "Burrows' Delta between every two speakers with at least --min-words words, over the --mfw most frequent words of them all (the largest size of a range; z-scores of relative frequencies): dark cells are speakers whose common words are used at similar rates, light cells speakers who differ. Rows and columns are ordered by an average-linkage clustering, so dark blocks along the diagonal are groups who talk alike. Delta depends on who else is compared; the Jensen–Shannon distance in distances.csv does not.";
    const METHOD: &'static str = "From the Delta values of `distances.csv`, as a heatmap of at most the 40 speakers with the most words. Rows \
         and columns are in the order of the leaves of an average-linkage (UPGMA) clustering of the same values, as \
         scipy's dendrogram lists them; the colours run from the smallest to the largest Delta shown, and the values are \
         written in the cells up to 16 speakers.";

    fn shape(cx: &Context) -> Result<Option<Distances>, WriteError> {
        let Some(d) = cx.distances()?.filter(|d| d.has_delta()) else {
            // Said on the chart: fewer than two speakers have enough words.
            return Ok(Some(Distances {
                names: Vec::new(),
                values: Vec::new(),
                mfw: cx.config.mfw.size(),
                left_out: 0,
            }));
        };
        let corpus = cx.corpus;
        let mut keep: Vec<usize> = (0..d.speakers.len()).collect();
        if keep.len() > MAX_SPEAKERS {
            let tallies = cx.tallies()?;
            let words = |i: usize| tallies.total(d.speakers[i]);
            keep.sort_by_key(|&i| std::cmp::Reverse(words(i)));
            keep.truncate(MAX_SPEAKERS);
            keep.sort_unstable();
        }
        let sub: Vec<Vec<f64>> = keep
            .iter()
            .map(|&i| keep.iter().map(|&j| d.delta[i][j]).collect())
            .collect();
        let order = crate::stats::linkage::leaf_order(&sub);
        Ok(Some(Distances {
            names: order
                .iter()
                .map(|&k| cx.shown(&corpus.speakers[d.speakers[keep[k]] as usize]))
                .collect(),
            values: order
                .iter()
                .map(|&i| order.iter().map(|&j| sub[i][j]).collect())
                .collect(),
            mfw: d.size,
            left_out: d.speakers.len() - keep.len(),
        }))
    }

    fn size(&self) -> (u32, u32) {
        if self.names.len() < 3 {
            return (900, 400);
        }
        let n = self.names.len() as u32;
        let cell = (720 / n.max(1)).clamp(18, 64);
        let side = 230 + cell * n;
        (side + 170, side + 90)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = format!(
            "Who talks like whom: Burrows' Delta over {} words",
            self.mfw
        );
        let area = root.titled(&title, bold(24))?;
        let n = self.names.len();
        if n < 3 {
            return super::no_data(
                &area,
                "Delta compares three speakers or more with at least --min-words words each (2,500 by default), and fewer have them: lower --min-words, or add transcripts (distances.csv has the Jensen–Shannon distance of two)",
            );
        }
        let cell = (720 / n.max(1) as i32).clamp(18, 64);
        let (left, top) = (220, 220);
        let label_size = (cell * 2 / 3).clamp(12, 17) as u32;
        let (min, max) = self.range();
        let scale = |v: f64| {
            if max > min {
                (v - min) / (max - min)
            } else {
                0.0
            }
        };
        for (i, name) in self.names.iter().enumerate() {
            let y = top + cell * i as i32;
            let x = left + cell * i as i32;
            let name = clip(name, NAME_CHARS);
            area.draw(&Text::new(
                name.clone(),
                (left - 8, y + cell / 2),
                font(label_size).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
            area.draw(&Text::new(
                name,
                (x + cell / 2, top - 8),
                font(label_size)
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            for (j, &v) in self.values[i].iter().enumerate() {
                let x0 = left + cell * j as i32;
                let c = if i == j {
                    RGBColor(90, 90, 90)
                } else {
                    color_of(scale(v))
                };
                area.draw(&Rectangle::new(
                    [(x0, y), (x0 + cell - 1, y + cell - 1)],
                    c.filled(),
                ))?;
                if n <= NUMBERS_UP_TO && i != j {
                    let ink = if scale(v) < 0.5 { WHITE } else { BLACK };
                    area.draw(&Text::new(
                        format!("{v:.2}"),
                        (x0 + cell / 2, y + cell / 2),
                        font((cell / 4).clamp(10, 15) as u32)
                            .color(&ink)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    ))?;
                }
            }
        }
        scale_bar(
            &area,
            (left + cell * n as i32 + 30, top),
            (cell * n as i32).max(120),
            (min, max),
        )?;
        if self.left_out > 0 {
            area.draw(&Text::new(
                format!(
                    "{} more speakers in distances.csv (the {} with the most words shown)",
                    self.left_out, n
                ),
                (left, top + cell * n as i32 + 16),
                font(15),
            ))?;
        }
        Ok(())
    }
}
