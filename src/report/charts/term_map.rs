//! The term map of the compared pair (from `term_map.csv`): one point per term at the two speakers' scaled
//! frequency ranks, coloured by the log-odds z; the terms that lean most to either speaker are labelled where a
//! label fits without covering another label or a point.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bold, color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};

/// Points drawn at most (the most used terms; the CSV has them all).
const MAX_POINTS: usize = 1500;
/// Labels tried per side.
const LABELS_PER_SIDE: usize = 24;
/// The |z| at which a colour is full.
const FULL_Z: f64 = 4.0;
/// Label font size.
const LABEL_PX: u32 = 15;
/// Point radius in pixels.
const RADIUS: i32 = 3;
const SIZE: (u32, u32) = (1100, 1000);
/// Grey of a term used alike (a term leaning to a speaker takes on the speaker's colour, as in the other charts).
const NEUTRAL: (f64, f64, f64) = (200.0, 200.0, 200.0);

/// A term on the map.
pub struct Point {
    /// As shown.
    pub form: String,
    /// Scaled ranks.
    pub x: f64,
    /// Scaled ranks.
    pub y: f64,
    /// Log-odds z.
    pub z: f64,
    /// A content word (only those are labelled).
    pub content: bool,
}

/// The data: the two speakers and their terms, the most used first.
pub struct TermMap {
    /// The speaker on the x axis.
    pub a: String,
    /// The speaker on the y axis.
    pub b: String,
    /// The terms.
    pub points: Vec<Point>,
    /// The colours of the two speakers ([`super::pair_colors`]).
    pub colors: (RGBColor, RGBColor),
}

impl TermMap {
    /// The colour of a z-score: grey at 0, the leaning speaker's colour at |z| ≥ [`FULL_Z`].
    fn color_of(&self, z: f64) -> RGBColor {
        let t = (z.abs() / FULL_Z).min(1.0);
        let to = if z >= 0.0 {
            self.colors.0
        } else {
            self.colors.1
        };
        let mix = |n: f64, f: u8| (n + (f64::from(f) - n) * t).round() as u8;
        RGBColor(
            mix(NEUTRAL.0, to.0),
            mix(NEUTRAL.1, to.1),
            mix(NEUTRAL.2, to.2),
        )
    }

    /// Labels the content words that lean most to each side, taken in turns, each where its label fits inside the
    /// plot `plot` (a box in pixels) without covering another label or a point (`pixels`: where each point is).
    fn labels<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        pixels: &[(i32, i32)],
        plot: Box2,
    ) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let point_boxes: Vec<Box2> = pixels
            .iter()
            .map(|&(x, y)| (x - RADIUS, y - RADIUS, x + RADIUS, y + RADIUS))
            .collect();
        let inside = |b: Box2| b.0 >= plot.0 && b.2 <= plot.2 && b.1 >= plot.1 && b.3 <= plot.3;
        // Candidates: the content words leaning most to each side, taken in turns.
        let mut toward_a: Vec<usize> = (0..self.points.len())
            .filter(|&i| self.points[i].content && self.points[i].z > 0.0)
            .collect();
        toward_a.sort_by(|&i, &j| self.points[j].z.total_cmp(&self.points[i].z));
        let mut toward_b: Vec<usize> = (0..self.points.len())
            .filter(|&i| self.points[i].content && self.points[i].z < 0.0)
            .collect();
        toward_b.sort_by(|&i, &j| self.points[i].z.total_cmp(&self.points[j].z));
        let candidates = (0..LABELS_PER_SIDE)
            .flat_map(|k| [toward_a.get(k), toward_b.get(k)])
            .flatten()
            .copied();
        let style = font(LABEL_PX);
        let mut placed: Vec<Box2> = Vec::new();
        for i in candidates {
            let p = &self.points[i];
            // The box of the label, generously: at least 0.6 of the font size per character (a viewer may render
            // the SVG with a wider sans-serif than DejaVu), and the font's full height.
            let (w, h) = root.estimate_text_size(&p.form, &style)?;
            let chars = p.form.chars().count() as f64;
            let wide = (0.6 * f64::from(LABEL_PX) * chars).ceil() as i32;
            let (w, h) = (
                (w as i32).max(wide) + 2,
                (h as i32).max(LABEL_PX as i32) + 2,
            );
            let (x, y) = pixels[i];
            let gap = RADIUS + 3;
            // Right, left, above, below, then the corners.
            let spots = [
                (x + gap, y - h / 2),
                (x - gap - w, y - h / 2),
                (x - w / 2, y - gap - h),
                (x - w / 2, y + gap),
                (x + gap, y - gap - h),
                (x + gap, y + gap),
                (x - gap - w, y - gap - h),
                (x - gap - w, y + gap),
            ];
            let free = spots
                .into_iter()
                .map(|(l, t)| (l, t, l + w, t + h))
                .find(|&b| {
                    inside(b)
                        && !placed.iter().any(|&o| overlaps(o, b))
                        && !point_boxes.iter().any(|&o| overlaps(o, b))
                });
            if let Some(b) = free {
                placed.push(b);
                root.draw(&Text::new(
                    p.form.clone(),
                    (b.0 + 1, b.1 + 1),
                    style.color(&self.color_of(FULL_Z.copysign(p.z))),
                ))?;
            }
        }
        Ok(())
    }
}

/// Two numbers in [-1, 1] from a term (FNV-1a hash): the same for the same term on every run and machine.
fn jitter(term: &str) -> (f64, f64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let unit = |bits: u64| (bits & 0xffff) as f64 / 32767.5 - 1.0;
    (unit(h), unit(h >> 16))
}

/// A box in pixels: left, top, right, bottom.
type Box2 = (i32, i32, i32, i32);

fn overlaps(a: Box2, b: Box2) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

impl Chart for TermMap {
    const STEM: &'static str = "term_map";
    const TITLE: &'static str = "Term map of the compared pair";
    const CAPTION: &'static str = "Each point is a term the two speakers use together at least --min-count times, placed by how high it ranks in each speaker's word list (right: frequent for the first speaker; top: frequent for the second; 0 means never used). A term leaning to a speaker takes that speaker's colour (log-odds z; full colour at |z| ≥ 4, about p < 0.0001); grey terms are used alike. Terms off the diagonal set the two apart; the labelled ones lean most, where a label fits. Terms of equal counts share a rank and are spread a little around it; term_map.csv has every term and its exact place.";
    const METHOD: &'static str = "From `term_map.csv`: a point per term at the two speakers' scaled ranks, the 1,500 most used terms at most. A \
         point's colour goes from grey (z = 0) to the colour of the speaker the term leans to, full at |z| ≥ 4. Terms of \
         equal counts share a rank, so each is moved by up to 0.4 of the step between ranks, by a hash of the term (the \
         same on every run). The 24 content words leaning most to each side are labelled, in turns, where a label fits \
         inside the plot without covering another label or a point.";

    fn shape(cx: &Context) -> Result<Option<TermMap>, WriteError> {
        let rows = cx.term_map()?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let rows = &rows[..rows.len().min(MAX_POINTS)];
        // Terms of equal counts share a rank: each is moved by up to 0.4 of the step between ranks, by a hash of
        // the term (the same every run), so that a heap of them shows as a patch, not as one point.
        let step = |of: fn(&crate::stats::term_map::TermMapRow) -> f64| {
            rows.iter().map(of).filter(|&v| v > 0.0).fold(1.0, f64::min)
        };
        let (step_x, step_y) = (step(|r| r.x), step(|r| r.y));
        let points = rows
            .iter()
            .map(|r| {
                let (jx, jy) = jitter(r.term);
                Point {
                    form: r.form.to_string(),
                    x: (r.x + 0.4 * step_x * jx).clamp(-0.02, 1.02),
                    y: (r.y + 0.4 * step_y * jy).clamp(-0.02, 1.02),
                    z: r.log_odds_z,
                    content: r.content,
                }
            })
            .collect();
        let (ca, cb) = super::pair_colors(cx, first.a, first.b);
        let b = if first.b == crate::stats::keyness::OTHERS {
            "all other speakers".to_string()
        } else {
            cx.shown(first.b)
        };
        Ok(Some(TermMap {
            a: cx.shown(first.a),
            b,
            points,
            colors: (color(ca), color(cb)),
        }))
    }

    fn size(&self) -> (u32, u32) {
        SIZE
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let title = format!("Term map: {} and {}", self.a, self.b);
        let area = root.titled(&title, bold(26))?;
        let mut chart = ChartBuilder::on(&area)
            .margin(20)
            .x_label_area_size(60)
            .y_label_area_size(70)
            .build_cartesian_2d(-0.03f64..1.03f64, -0.03f64..1.03f64)?;
        chart
            .configure_mesh()
            .x_desc(format!(
                "{}: scaled frequency rank (0 never used, 1 most used)",
                self.a
            ))
            .y_desc(format!(
                "{}: scaled frequency rank (0 never used, 1 most used)",
                self.b
            ))
            .label_style(font(16))
            .axis_desc_style(font(17))
            .light_line_style(WHITE)
            .draw()?;
        // The least leaning first, so that telling terms are drawn on top.
        let mut order: Vec<&Point> = self.points.iter().collect();
        order.sort_by(|p, q| p.z.abs().total_cmp(&q.z.abs()));
        chart.draw_series(
            order
                .iter()
                .map(|p| Circle::new((p.x, p.y), RADIUS, self.color_of(p.z).filled())),
        )?;
        // Where every point is, in pixels (labels must not cover any).
        let pixels: Vec<(i32, i32)> = self
            .points
            .iter()
            .map(|p| chart.backend_coord(&(p.x, p.y)))
            .collect();
        let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
        self.labels(
            root,
            &pixels,
            (plot_x.start, plot_y.start, plot_x.end, plot_y.end),
        )
    }
}
