//! Charts with plotters, each as PNG and SVG, drawn from aggregates (never from token lists). The PNGs embed the
//! DejaVu Sans font from the `dejavu` crate, so Cyrillic (ё included) renders on a bare machine; the SVGs name the
//! same family.
//!
//! **A registry.** Each chart is one file here implementing [`Chart`]: its file stem, its title, caption and method
//! for the page, how it shapes its data from the report's [`Context`] (statistics it needs come from `stats`), and how it
//! draws. [`CHARTS`] lists them in page order; a new chart is one new file plus one line there.

use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use super::write::DrawError;
use super::write::{atomic_write, WriteError};
use super::{Context, Formats};

pub mod across_meetings;
pub mod collocations;
pub mod consensus;
pub mod dictionary;
pub mod dictionary_periods;
pub mod distances;
pub mod keyness;
pub mod keyness_periods;
pub mod lines;
pub mod names;
pub mod term_map;
pub mod term_trends;
pub mod top_words;
pub mod transitions;
pub mod turn_lengths;
pub mod vocabulary_growth;
pub mod xray;

/// Every chart, in page order.
pub static CHARTS: [Entry; 16] = [
    entry::<top_words::TopWords>(),
    entry::<keyness::Keyness>(),
    entry::<term_map::TermMap>(),
    entry::<distances::Distances>(),
    entry::<consensus::Consensus>(),
    entry::<names::Names>(),
    entry::<turn_lengths::TurnLengths>(),
    entry::<transitions::Transitions>(),
    entry::<vocabulary_growth::Growth>(),
    entry::<across_meetings::AcrossMeetings>(),
    entry::<term_trends::TermTrends>(),
    entry::<keyness_periods::KeynessPeriods>(),
    entry::<collocations::Collocations>(),
    entry::<xray::XRay>(),
    entry::<dictionary::DictionaryChart>(),
    entry::<dictionary_periods::DictionaryPeriods>(),
];

/// A chart as the registry knows it: what the page says of it, and how to make and write it.
pub struct Entry {
    /// File stem.
    pub stem: &'static str,
    /// Heading on the page.
    pub title: &'static str,
    /// How to read it.
    pub caption: &'static str,
    /// How its numbers are computed ([`Chart::METHOD`]).
    pub method: &'static str,
    /// Whether a report made with a configuration has it ([`Chart::shown`]).
    pub shown: fn(&super::ReportConfig) -> bool,
    draw: fn(&Context, Formats) -> Result<Vec<String>, WriteError>,
}

const fn entry<C: Chart>() -> Entry {
    Entry {
        stem: C::STEM,
        title: C::TITLE,
        caption: C::CAPTION,
        method: C::METHOD,
        shown: C::shown,
        draw: shape_and_render::<C>,
    }
}

fn shape_and_render<C: Chart>(cx: &Context, formats: Formats) -> Result<Vec<String>, WriteError> {
    match C::shape(cx)? {
        Some(chart) => render(&chart, &cx.config.out, formats),
        None => Ok(Vec::new()),
    }
}

/// Draws every chart in the configured formats (in parallel); returns the file names written, in registry order.
pub fn draw_all(cx: &Context) -> Result<Vec<String>, WriteError> {
    if cx.config.charts == Formats::None {
        return Ok(Vec::new());
    }
    // Charts are drawn in parallel; the files are listed in registry order.
    use rayon::prelude::*;
    let drawn: Vec<Vec<String>> = CHARTS
        .par_iter()
        .filter(|chart| super::from_counts::chart(cx.config, chart.stem))
        .map(|chart| (chart.draw)(cx, cx.config.charts))
        .collect::<Result<_, _>>()?;
    Ok(drawn.into_iter().flatten().collect())
}

/// The font family registered for charts.
pub const FONT: &str = "sans-serif";

/// Result of drawing.
pub type DrawResult = Result<(), DrawError>;

/// A chart: its file stem and what the page says of it, how its data is shaped from the report, its size, and how
/// it is drawn on any backend.
pub trait Chart: Sized {
    /// File stem, e.g. `top_words`.
    const STEM: &'static str;
    /// Heading on the page.
    const TITLE: &'static str;
    /// How to read the chart, under it on the page.
    const CAPTION: &'static str;
    /// How its numbers are computed and drawn, for the page's methods section and `docs/methods.md`
    /// ([`super::methods`]): Markdown paragraphs, lists and `code`.
    const METHOD: &'static str;
    /// The chart's data, from the statistics the context computes on first use (`None`: no chart is drawn).
    fn shape(cx: &Context) -> Result<Option<Self>, WriteError>;
    /// Width and height in pixels.
    fn size(&self) -> (u32, u32);
    /// Whether the page says how the chart is drawn in a report made with `config` (a chart of an option not
    /// given, such as `--dictionary`, is not described).
    fn shown(_config: &super::ReportConfig) -> bool {
        true
    }
    /// Draws on a white root area.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static;
}

/// Ten colours that stay apart from each other (Tableau 10).
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// The palette indices of a compared pair (the first speaker, the second or `*` for all others): the colours the
/// other charts give them; all others are grey, and a speaker not charted takes a colour unlike the first's.
pub fn pair_colors(cx: &Context, a: &str, b: &str) -> (usize, usize) {
    let colour = |name: &str| cx.leaders.iter().position(|l| l == name);
    let ca = colour(a).unwrap_or(0);
    if b == crate::stats::keyness::OTHERS {
        return (ca, 7);
    }
    let other = if ca == 1 { 0 } else { 1 };
    (ca, colour(b).unwrap_or(other))
}

/// The colour of the i-th speaker.
pub fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are the crate's embedded TTF files; they are valid fonts.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Text of `size` pixels in the chart font.
pub fn font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().into()
}

/// Bold text of `size` pixels.
pub fn bold(size: u32) -> TextStyle<'static> {
    (FONT, size, FontStyle::Bold).into_font().into()
}

/// Shortens a label to `max` characters with an ellipsis.
pub fn clip(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Writes a chart in the chosen formats into `dir`; returns the file names written.
pub fn render<C: Chart>(
    chart: &C,
    dir: &Path,
    formats: Formats,
) -> Result<Vec<String>, WriteError> {
    register_fonts();
    let mut written = Vec::new();
    let size = chart.size();
    if matches!(formats, Formats::Png | Formats::Both) {
        let name = format!("{}.png", C::STEM);
        let path = dir.join(&name);
        let shown = path.display().to_string();
        let err = |source: DrawError| WriteError::Chart {
            path: shown.clone(),
            cause: source,
        };
        let tmp = super::write::temp_in(dir, ".png")?;
        {
            let root = BitMapBackend::new(tmp.path(), size).into_drawing_area();
            root.fill(&WHITE).map_err(|e| err(e.into()))?;
            chart.draw(&root).map_err(err)?;
            root.present().map_err(|e| err(e.into()))?;
        }
        super::write::publish(tmp, &path)?;
        written.push(name);
    }
    if matches!(formats, Formats::Svg | Formats::Both) {
        let name = format!("{}.svg", C::STEM);
        let path = dir.join(&name);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            let err = |source: DrawError| WriteError::Chart {
                path: path.display().to_string(),
                cause: source,
            };
            root.fill(&WHITE).map_err(|e| err(e.into()))?;
            chart.draw(&root).map_err(err)?;
            root.present().map_err(|e| err(e.into()))?;
        }
        atomic_write(&path, |out| {
            out.write_all(svg.as_bytes())
                .map_err(|source| WriteError::Io {
                    path: path.display().to_string(),
                    cause: source,
                })
        })?;
        written.push(name);
    }
    Ok(written)
}

/// The size of a grid of bar panels, two to a row: `width` pixels a panel, room for the longest panel's bars.
pub fn grid_size(panels: usize, width: u32, longest: usize) -> (u32, u32) {
    let rows = panels.div_ceil(2).max(1) as u32;
    let bars = longest.max(5) as u32;
    // Two panels wide even for one, so that the chart's title fits.
    (width * 2, rows * (110 + 26 * bars) + 50)
}

/// Splits an area into `n` panels in a grid of at most `columns` columns.
pub fn panels<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    n: usize,
    columns: usize,
) -> Vec<DrawingArea<DB, Shift>> {
    let cols = n.clamp(1, columns);
    let rows = n.div_ceil(cols).max(1);
    area.split_evenly((rows, cols))
        .into_iter()
        .take(n)
        .collect()
}

/// Draws a message saying why there is nothing to show in the middle of an area.
pub fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, what: &str) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let (w, h) = area.dim_in_pixel();
    // Lines of at most as many characters as fit (about 11 pixels each), broken between words.
    let fit = (w as usize / 11).max(20);
    let mut lines: Vec<String> = Vec::new();
    for word in what.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= fit => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let top = h as i32 / 2 - 15 * lines.len() as i32;
    for (i, line) in lines.iter().enumerate() {
        area.draw(&Text::new(
            line.clone(),
            (
                w as i32 / 2 - 11 * line.chars().count() as i32 / 2,
                top + 30 * i as i32,
            ),
            font(22).color(&RGBColor(110, 110, 110)),
        ))?;
    }
    Ok(())
}

/// The width in pixels of an axis of labels: the longest label's characters (4 to `max_chars`) at `char_px` each,
/// and a margin.
pub fn label_width(labels: &[String], max_chars: usize, char_px: u32) -> u32 {
    labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, max_chars) as u32
        * char_px
        + 20
}

/// A panel of horizontal bars, one per label, the first at the top.
pub struct Bars<'a> {
    /// The panel's title.
    pub title: &'a str,
    /// A label per bar.
    pub labels: &'a [String],
    /// A value per bar; negative values grow left.
    pub values: &'a [f64],
    /// A colour per bar (repeated when fewer).
    pub colors: &'a [RGBColor],
    /// What the x axis measures.
    pub x_desc: &'a str,
    /// What the panel says when it has no bar: why, and what would fill it.
    pub empty: &'a str,
    /// The axis reaches at least this (the largest value of panels drawn beside this one, so they share a scale).
    pub shared_max: f64,
    /// Values marked by a vertical line (a significance cut-off).
    pub marks: &'a [f64],
}

/// One panel of a grid of bar panels ([`bar_grid`]): its title and its bars.
pub struct Panel {
    /// The panel's title.
    pub title: String,
    /// A label per bar.
    pub labels: Vec<String>,
    /// A value per bar.
    pub values: Vec<f64>,
    /// A colour per bar (repeated when fewer).
    pub colors: Vec<RGBColor>,
}

/// What every panel of a grid has in common.
pub struct GridStyle<'a> {
    /// What the x axis measures.
    pub x_desc: &'a str,
    /// What a panel without bars says.
    pub empty: &'a str,
    /// All panels on the scale of the largest value of them all (else each on its own).
    pub shared_scale: bool,
    /// Values marked by a vertical line in every panel.
    pub marks: &'a [f64],
}

/// Draws `grid`'s panels two to a row on `area`.
pub fn bar_grid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    grid: &[Panel],
    style: &GridStyle,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let shared_max = if style.shared_scale {
        grid.iter()
            .flat_map(|p| p.values.iter().copied())
            .fold(0.0, f64::max)
    } else {
        0.0
    };
    for (room, panel) in panels(area, grid.len(), 2).iter().zip(grid) {
        bar_panel(
            room,
            &Bars {
                title: &panel.title,
                labels: &panel.labels,
                values: &panel.values,
                colors: &panel.colors,
                x_desc: style.x_desc,
                empty: style.empty,
                shared_max,
                marks: style.marks,
            },
        )?;
    }
    Ok(())
}

/// The smallest and the largest value a panel of bars shows (0 included; symmetric about 0 when a value is
/// negative; at least `shared_max`, the largest value of the panels beside it, so that they share their scale), and
/// the x range drawn, 5% wider.
fn bar_range(values: &[f64], shared_max: f64) -> (f64, f64, std::ops::Range<f64>) {
    let max = values.iter().fold(shared_max.max(0.0), |m, v| m.max(*v));
    let min = values.iter().fold(0.0f64, |m, v| m.min(*v));
    let min = if min < 0.0 { min.min(-max) } else { min };
    let max = if min < 0.0 { max.max(-min) } else { max };
    let pad = (max - min).max(1e-9) * 0.05;
    let x_range = if min < 0.0 {
        (min - pad)..(max + pad)
    } else {
        0.0..(max + pad)
    };
    (min, max, x_range)
}

/// Draws a panel of bars.
pub fn bar_panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, bars: &Bars) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let Bars {
        title,
        labels,
        values,
        colors,
        x_desc,
        empty,
        shared_max,
        marks,
    } = *bars;
    if labels.is_empty() {
        let inner = area.titled(title, bold(22))?;
        return no_data(&inner, empty);
    }
    let n = labels.len() as i32;
    let (min, max, x_range) = bar_range(values, shared_max);
    let label_width = label_width(labels, 36, 9);
    // Rows of the y axis: one per bar, bars from the top; at least two, as a range of one row has no height and
    // its one bar was drawn flat (a lone bar takes the upper row).
    let rows = n.max(2);
    let mut chart = ChartBuilder::on(area)
        .caption(title, bold(22))
        .margin(12)
        .x_label_area_size(48)
        .y_label_area_size(label_width)
        .build_cartesian_2d(x_range, (0..rows - 1).into_segmented())?;
    let shown: Vec<String> = labels.iter().map(|l| clip(l, 36)).collect();
    let integers =
        max - min >= 20.0 || (values.iter().all(|v| v.fract() == 0.0) && max - min >= 5.0);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(labels.len())
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) if (rows - n..rows).contains(i) => {
                shown[(rows - 1 - i) as usize].clone()
            }
            _ => String::new(),
        })
        .x_desc(x_desc)
        .x_labels(7)
        .x_label_formatter(&|x| {
            if integers {
                format!("{x:.0}")
            } else {
                format!("{x:.1}")
            }
        })
        .label_style(font(16))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(k, &v)| {
        let row = rows - 1 - k as i32;
        let c = colors[k % colors.len()];
        let (a, b) = if v >= 0.0 { (0.0, v) } else { (v, 0.0) };
        Rectangle::new(
            [
                (a, SegmentValue::Exact(row)),
                (b, SegmentValue::Exact(row + 1)),
            ],
            c.mix(0.85).filled(),
        )
        .into_dyn()
    }))?;
    for &mark in marks.iter().filter(|m| (min..=max).contains(*m)) {
        let line = PathElement::new(
            vec![
                (mark, SegmentValue::Exact(rows - n)),
                (mark, SegmentValue::Exact(rows)),
            ],
            RGBColor(90, 90, 90).stroke_width(2),
        );
        chart.draw_series(std::iter::once(line))?;
    }
    // Thin white gaps between bars (not below the lowest: that line would hide the axis and leave a stub of it).
    chart.draw_series((rows - n + 1..rows).map(|row| {
        PathElement::new(
            vec![
                (min, SegmentValue::Exact(row)),
                (max, SegmentValue::Exact(row)),
            ],
            WHITE.stroke_width(3),
        )
    }))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The heights of the bars (drawn at 0.85 opacity) of a panel with `values`, from its SVG.
    fn bar_heights(values: &[f64]) -> Vec<u32> {
        register_fonts();
        let labels: Vec<String> = (0..values.len()).map(|i| format!("bar {i}")).collect();
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            let bars = Bars {
                title: "panel",
                labels: &labels,
                values,
                colors: &PALETTE,
                x_desc: "per 10,000 words",
                empty: "nothing",
                shared_max: 0.0,
                marks: &[],
            };
            bar_panel(&root, &bars).unwrap();
            root.present().unwrap();
        }
        svg.split("<rect ")
            .skip(1)
            .filter(|r| r.contains("opacity=\"0.85\""))
            .map(|r| {
                let at = r.find("height=\"").unwrap() + 8;
                r[at..].split('"').next().unwrap().parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn a_panel_of_one_bar_draws_it() {
        // A lone bar was drawn 0 pixels high (a y range of one row has no height): it takes the upper of two rows.
        let one = bar_heights(&[18.9]);
        let two = bar_heights(&[18.9, 4.0]);
        assert_eq!(one.len(), 1);
        assert!(one[0] > 100, "{one:?}");
        assert_eq!(one[0], two[0]);
        assert_eq!(bar_heights(&[3.0, 2.0, 1.0]).len(), 3);
    }
}
