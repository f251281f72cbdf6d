//! Lines over time, shared by the charts across periods: one line per series along the periods (a point per
//! period), the legend in a column of its own beside the plot so that it never covers a point.
//!
//! **The time axis** ([`TimeAxis`]): calendar periods (month, quarter, year) sit at the true date of their first
//! day, so that a gap in time is a gap on the axis; meetings sit one after the other in date order, evenly spaced
//! (two meetings of one day are two points side by side, never a vertical zigzag on one date). Every period has a
//! tick exactly at its points and its label under that tick; a label that would run into the one before it is
//! left out (the first is always written), its tick stays.
//!
//! **The base of each point**: a point's area grows with the words it was measured on (the words of all speakers
//! in the period for a rate, the speaker's words for MATTR), and a point measured on fewer words than the chart's
//! minimum is left out, with a line under the legend saying how many; the tables beside the chart have every point
//! with its base.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{clip, color, font, DrawResult};
use crate::stats::periods::{Period, Periods};

/// One point: its position on the time axis, its value and the words it was measured on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Position on the axis ([`TimeAxis::position`]).
    pub x: i64,
    /// The value.
    pub y: f64,
    /// The words the value was measured on.
    pub words: u64,
}

/// One line: its name in the legend, its colour index, and its points in time order.
pub type Series = (String, usize, Vec<Point>);

/// The width of the legend column, in pixels.
pub const LEGEND_WIDTH: u32 = 250;

/// The day number of `YYYY-MM-DD` (days since 1970-01-01).
pub fn days_of(date: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(
        d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?)
            .num_days(),
    )
}

/// Where the periods sit on the x axis and how their ticks are labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeAxis {
    /// Each period's position (`None`: its start is no date).
    positions: Vec<Option<i64>>,
    /// The ticks in order: position and label (empty for a meeting on the same day as the one before).
    pub ticks: Vec<(i64, String)>,
    /// What the axis says under the labels.
    pub desc: &'static str,
}

impl TimeAxis {
    /// The axis of `periods`: calendar periods by the day number of their first day, meetings by their place in
    /// date order.
    pub fn new(periods: &Periods) -> TimeAxis {
        let by_meeting = periods.period == Period::Meeting;
        let positions: Vec<Option<i64>> = if by_meeting {
            (0..periods.starts.len() as i64).map(Some).collect()
        } else {
            periods.starts.iter().map(|s| days_of(s)).collect()
        };
        let mut ticks = Vec::new();
        let mut previous: Option<&str> = None;
        for ((p, start), label) in positions.iter().zip(&periods.starts).zip(&periods.labels) {
            let Some(p) = *p else { continue };
            let label = if by_meeting {
                // A meeting is labelled by its date (its id is too long for an axis), once per day.
                if previous == Some(start.as_str()) {
                    String::new()
                } else {
                    start.clone()
                }
            } else {
                label.clone()
            };
            previous = Some(start);
            ticks.push((p, label));
        }
        let desc = if by_meeting {
            "meetings in date order, evenly spaced"
        } else {
            ""
        };
        TimeAxis {
            positions,
            ticks,
            desc,
        }
    }

    /// The position of period `p` on the axis.
    pub fn position(&self, p: usize) -> Option<i64> {
        self.positions.get(p).copied().flatten()
    }
}

/// The pixels a tick label of `chars` characters needs from the start of the one before it: font 15 of DejaVu Sans
/// is about 9 pixels a character, and a gap of 14 between labels.
fn label_room(chars: usize) -> f64 {
    (chars * 9 + 14) as f64
}

/// What a chart of rates along time says when no meeting has a date.
pub const NO_DATES: &str = "no meeting has a date, so there is no time to follow; give the transcripts a date line or a dated file name";

/// Draws `series` on `area` along `axis`; `empty` is said when there is no point. Points measured on fewer than
/// `min_words` words are left out and counted under the legend.
pub fn line_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Series],
    axis: &TimeAxis,
    (y_desc, y_digits): (&str, usize),
    (min_words, empty): (u64, &str),
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let shown: Vec<(&str, usize, Vec<Point>)> = series
        .iter()
        .map(|(name, c, points)| {
            let kept = points.iter().filter(|p| p.words >= min_words).copied();
            (name.as_str(), *c, kept.collect())
        })
        .collect();
    let left_out = series.iter().map(|s| s.2.len()).sum::<usize>()
        - shown.iter().map(|s| s.2.len()).sum::<usize>();
    let points: Vec<&Point> = shown.iter().flat_map(|s| s.2.iter()).collect();
    if points.is_empty() {
        let said = if left_out > 0 {
            format!("{empty} ({left_out} points on fewer than {min_words} words left out)")
        } else {
            empty.to_string()
        };
        return super::no_data(area, &said);
    }
    let (width, _) = area.dim_in_pixel();
    let (plot, legend) = area.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
    let x_first = axis.ticks.first().map_or(0, |t| t.0);
    let x_last = axis.ticks.last().map_or(0, |t| t.0);
    let x_min = points.iter().map(|p| p.x).min().unwrap_or(0).min(x_first);
    let x_max = points.iter().map(|p| p.x).max().unwrap_or(0).max(x_last);
    let pad = ((x_max - x_min) / 20).max(1);
    let y_max = points.iter().map(|p| p.y).fold(f64::MIN, f64::max);
    let y_min = points.iter().map(|p| p.y).fold(f64::MAX, f64::min);
    let y_pad = ((y_max - y_min) * 0.1).max(y_max.abs() * 0.02).max(1e-6);
    let (margin, y_label_area) = (14u32, 80u32);
    let plot_width = plot
        .dim_in_pixel()
        .0
        .saturating_sub(2 * margin + y_label_area);
    let (lo, hi) = (x_min - pad, x_max + pad);
    let labels = tick_labels(axis, lo..hi, plot_width);
    let key_points: Vec<i64> = axis.ticks.iter().map(|t| t.0).collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin(margin)
        .x_label_area_size(if axis.desc.is_empty() { 40 } else { 60 })
        .y_label_area_size(y_label_area)
        .build_cartesian_2d(
            (lo..hi).with_key_points(key_points),
            (y_min - y_pad).max(0.0)..(y_max + y_pad),
        )?;
    let mut mesh = chart.configure_mesh();
    if !axis.desc.is_empty() {
        mesh.x_desc(axis.desc);
    }
    // No vertical grid line per period (a month axis over years would be a wall of them): the ticks mark them.
    mesh.disable_x_mesh()
        .x_label_formatter(&|x| labels.get(x).copied().unwrap_or_default().to_string())
        .y_desc(y_desc)
        .y_label_formatter(&|v| format!("{v:.y_digits$}"))
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .draw()?;
    let most = points.iter().map(|p| p.words).max().unwrap_or(1).max(1) as f64;
    // A point's area grows with its base: radius 3 for the smallest, 9 for the largest base of the chart.
    let radius = |words: u64| (3.0 + 6.0 * (words as f64 / most).sqrt()).round() as i32;
    for (i, (name, c, points)) in shown.iter().enumerate() {
        let c = color(*c);
        chart.draw_series(LineSeries::new(
            points.iter().map(|p| (p.x, p.y)),
            c.stroke_width(2),
        ))?;
        chart.draw_series(
            points
                .iter()
                .map(|p| Circle::new((p.x, p.y), radius(p.words), c.filled())),
        )?;
        let y = 30 + 24 * i as i32;
        legend.draw(&PathElement::new(vec![(4, y), (26, y)], c.stroke_width(3)))?;
        legend.draw(&Circle::new((15, y), 5, c.filled()))?;
        legend.draw(&Text::new(clip(name, 28), (32, y - 8), font(15)))?;
    }
    notes(
        &legend,
        30 + 24 * shown.len() as i32 + 16,
        min_words,
        left_out,
    )
}

/// The tick labels of `axis` on an x range `lo..hi` drawn `plot_width` pixels wide: left to right, each only where
/// it does not run into the one before it (the others empty, their ticks stay).
fn tick_labels(
    axis: &TimeAxis,
    range: std::ops::Range<i64>,
    plot_width: u32,
) -> hashbrown::HashMap<i64, &str> {
    let chars = axis
        .ticks
        .iter()
        .map(|t| t.1.chars().count())
        .max()
        .unwrap_or(4);
    let (lo, hi) = (range.start, range.end);
    let pixel = |x: i64| (x - lo) as f64 / (hi - lo).max(1) as f64 * f64::from(plot_width);
    let room = label_room(chars);
    let mut last: Option<f64> = None;
    let mut labels: hashbrown::HashMap<i64, &str> = hashbrown::HashMap::new();
    for (x, label) in &axis.ticks {
        let at = pixel(*x);
        let fits = !label.is_empty() && last.is_none_or(|l| at - l >= room);
        if fits {
            last = Some(at);
        }
        labels.insert(*x, if fits { label.as_str() } else { "" });
    }
    labels
}

/// The lines under the legend, from `y` down: what a point's area means, and the points left out.
fn notes<DB: DrawingBackend>(
    legend: &DrawingArea<DB, Shift>,
    mut y: i32,
    min_words: u64,
    left_out: usize,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut note = |text: String| -> DrawResult {
        legend.draw(&Text::new(text, (4, y), font(13)))?;
        y += 18;
        Ok(())
    };
    note("point area: words measured on".to_string())?;
    if min_words > 1 {
        note(format!("left out: points on < {min_words} words"))?;
        note(format!("({left_out} of them)"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(dates: &[&str], period: Period) -> Periods {
        Periods::new(&crate::stats::periods::dated_corpus(dates), period)
    }

    #[test]
    fn calendar_periods_sit_at_their_first_day_and_meetings_side_by_side() {
        let years = TimeAxis::new(&periods(&["2016-05-01", "2018-03-02"], Period::Year));
        // 2016-01-01 is day 16801 and 2018-01-01 day 17532 (365 * 2 + 1 days later).
        assert_eq!(
            years.ticks,
            [(16801, "2016".to_string()), (17532, "2018".to_string())]
        );
        let meetings = TimeAxis::new(&periods(
            &["2025-04-29", "2025-04-29", "2025-05-02"],
            Period::Meeting,
        ));
        assert_eq!(
            meetings.ticks,
            [
                (0, "2025-04-29".to_string()),
                (1, String::new()),
                (2, "2025-05-02".to_string())
            ]
        );
        assert_eq!(meetings.position(2), Some(2));
    }

    #[test]
    fn a_label_needs_room_for_its_characters_and_a_gap() {
        // `2025-04-29`: 10 characters of about 9 pixels and a gap of 14.
        assert_eq!(label_room(10), 104.0);
    }
}
