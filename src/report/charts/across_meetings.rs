//! Vocabulary across meetings: per speaker, distinct words per meeting (top) and MATTR per meeting (bottom) over
//! the meetings' dates, one point per meeting.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};

/// One point: days since 1970-01-01, the date as text, the value.
pub type Point = (i64, String, f64);

/// The data: per speaker, types and MATTR points.
pub struct AcrossMeetings {
    /// Speakers in order: (name, types points, MATTR points).
    pub speakers: Vec<(String, Vec<Point>, Vec<Point>)>,
    /// The MATTR window.
    pub window: usize,
}

fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    y_desc: &str,
    y_digits: usize,
    series: &[(String, Vec<Point>)],
    legend: bool,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let all: Vec<&Point> = series.iter().flat_map(|s| s.1.iter()).collect();
    if all.is_empty() {
        let inner = area.titled(title, super::bold(22))?;
        return super::no_data(&inner, "no meeting long enough");
    }
    let x_min = all.iter().map(|p| p.0).min().unwrap_or(0);
    let x_max = all.iter().map(|p| p.0).max().unwrap_or(0);
    let span = (x_max - x_min).max(1);
    let pad = (span / 20).max(1);
    let y_max = all.iter().map(|p| p.2).fold(0.0, f64::max);
    let y_min = all.iter().map(|p| p.2).fold(f64::MAX, f64::min);
    let y_pad = ((y_max - y_min) * 0.1).max(y_max.abs() * 0.02).max(1e-6);
    let labels: std::collections::BTreeMap<i64, String> =
        all.iter().map(|p| (p.0, p.1.clone())).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(title, super::bold(22))
        .margin(14)
        .margin_right(60)
        .x_label_area_size(50)
        .y_label_area_size(80)
        .build_cartesian_2d(
            (x_min - pad)..(x_max + pad),
            (y_min - y_pad).max(0.0)..(y_max + y_pad),
        )?;
    chart
        .configure_mesh()
        .x_labels(8)
        .x_label_formatter(&|d| {
            // Label ticks with the nearest meeting date, or the calendar date of the tick.
            labels.get(d).cloned().unwrap_or_else(|| date_of(*d))
        })
        .y_desc(y_desc)
        .y_label_formatter(&|v| format!("{v:.y_digits$}"))
        .label_style(font(15))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .draw()?;
    for (i, (speaker, points)) in series.iter().enumerate() {
        let c = color(i);
        let xy: Vec<(i64, f64)> = points.iter().map(|p| (p.0, p.2)).collect();
        let line = chart.draw_series(LineSeries::new(xy.clone(), c.stroke_width(2)))?;
        if legend {
            line.label(speaker.as_str())
                .legend(move |(x, y)| Circle::new((x + 10, y), 5, c.filled()));
        }
        chart.draw_series(xy.into_iter().map(|p| Circle::new(p, 5, c.filled())))?;
    }
    if legend {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(180, 180, 180))
            .label_font(font(15))
            .draw()?;
    }
    Ok(())
}

/// `YYYY-MM-DD` of a day number.
pub fn date_of(days: i64) -> String {
    chrono::DateTime::from_timestamp(days * 86_400, 0)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The day number of `YYYY-MM-DD`.
pub fn days_of(date: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(
        d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?)
            .num_days(),
    )
}

impl Chart for AcrossMeetings {
    const STEM: &'static str = "across_meetings";
    const TITLE: &'static str = "Across meetings";
    const CAPTION: &'static str = "Per speaker and meeting (one point each, by date): distinct words, and MATTR, the mean type–token ratio over moving windows, which does not grow with the length of the text.";

    fn shape(cx: &Context) -> Result<Option<AcrossMeetings>, WriteError> {
        let speakers = cx
            .leaders
            .iter()
            .map(|s| {
                let rows: Vec<_> = cx
                    .made
                    .meetings_by_speaker
                    .iter()
                    .filter(|r| &r.speaker == s)
                    .collect();
                let point = |date: &str, v: f64| days_of(date).map(|d| (d, date.to_string(), v));
                let types = rows
                    .iter()
                    .filter_map(|r| point(&r.date, r.types as f64))
                    .collect();
                let mattr = rows
                    .iter()
                    .filter_map(|r| r.mattr.and_then(|m| point(&r.date, m)))
                    .collect();
                (cx.shown(s), types, mattr)
            })
            .collect();
        Ok(Some(AcrossMeetings {
            speakers,
            window: cx.config.mattr_window,
        }))
    }

    fn size(&self) -> (u32, u32) {
        (1100, 900)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = root.titled(
            "Vocabulary across meetings (one point per meeting)",
            super::bold(26),
        )?;
        let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
        let types: Vec<(String, Vec<Point>)> = self
            .speakers
            .iter()
            .map(|s| (s.0.clone(), s.1.clone()))
            .collect();
        let mattr: Vec<(String, Vec<Point>)> = self
            .speakers
            .iter()
            .map(|s| (s.0.clone(), s.2.clone()))
            .collect();
        panel(&top, "Distinct words per meeting", "types", 0, &types, true)?;
        panel(
            &bottom,
            &format!(
                "MATTR per meeting (window {} words; shorter contributions left out)",
                self.window
            ),
            "MATTR",
            2,
            &mattr,
            false,
        )
    }
}
