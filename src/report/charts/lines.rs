//! Lines over time, shared by the charts across periods: one line per series along the periods' dates (a point per
//! period), the x axis labelled with the periods, and the legend in a column of its own beside the plot so that it
//! never covers a point.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{clip, color, font, DrawResult};
use crate::stats::periods::{Period, Periods};

/// One line: its name in the legend, its colour index, and its points (day number, value) in time order.
pub type Series = (String, usize, Vec<(i64, f64)>);

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

/// Each period's label by the day number of its start, for the x axis (a meeting is labelled by its date: its id
/// is too long for an axis).
pub fn period_labels(periods: &Periods) -> BTreeMap<i64, String> {
    let by_date = periods.period == Period::Meeting;
    periods
        .starts
        .iter()
        .zip(&periods.labels)
        .filter_map(|(s, l)| Some((days_of(s)?, if by_date { s } else { l }.clone())))
        .collect()
}

/// Draws `series` on `area` with the periods' `labels` by day number; `empty` is said when there is no point.
pub fn line_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Series],
    labels: &BTreeMap<i64, String>,
    (y_desc, y_digits): (&str, usize),
    empty: &str,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let points: Vec<&(i64, f64)> = series.iter().flat_map(|s| s.2.iter()).collect();
    if points.is_empty() {
        return super::no_data(area, empty);
    }
    let (width, _) = area.dim_in_pixel();
    let (plot, legend) = area.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
    let x_min = points.iter().map(|p| p.0).min().unwrap_or(0);
    let x_max = points.iter().map(|p| p.0).max().unwrap_or(0);
    let pad = ((x_max - x_min) / 20).max(1);
    let y_max = points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
    let y_min = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    let y_pad = ((y_max - y_min) * 0.1).max(y_max.abs() * 0.02).max(1e-6);
    let mut chart = ChartBuilder::on(&plot)
        .margin(14)
        .x_label_area_size(50)
        .y_label_area_size(80)
        .build_cartesian_2d(
            (x_min - pad)..(x_max + pad),
            (y_min - y_pad).max(0.0)..(y_max + y_pad),
        )?;
    let ticks = labels.len().clamp(2, 8);
    let last: std::cell::RefCell<Option<String>> = std::cell::RefCell::new(None);
    chart
        .configure_mesh()
        .x_labels(ticks)
        .x_label_formatter(&|d| {
            // A tick is labelled with the period it falls in (the last one starting on or before it), unless the
            // tick before it (ticks are labelled left to right) already says so.
            let label = labels
                .range(..=*d)
                .next_back()
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            if last.replace(Some(label.clone())).as_ref() == Some(&label) {
                String::new()
            } else {
                label
            }
        })
        .y_desc(y_desc)
        .y_label_formatter(&|v| format!("{v:.y_digits$}"))
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .draw()?;
    for (i, (name, c, points)) in series.iter().enumerate() {
        let c = color(*c);
        chart.draw_series(LineSeries::new(points.iter().copied(), c.stroke_width(2)))?;
        chart.draw_series(points.iter().map(|&p| Circle::new(p, 5, c.filled())))?;
        let y = 30 + 24 * i as i32;
        legend.draw(&PathElement::new(vec![(4, y), (26, y)], c.stroke_width(3)))?;
        legend.draw(&Circle::new((15, y), 5, c.filled()))?;
        legend.draw(&Text::new(clip(name, 28), (32, y - 8), font(15)))?;
    }
    Ok(())
}
