//! A dispersion ("x-ray") plot: where chosen words occur across one meeting, one row per word, a tick per
//! occurrence at its position among the meeting's words, coloured by the speaker who said it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{color, font, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::xray::{dispersion, longest_meeting};

/// The data.
pub struct XRay {
    /// The meeting shown: its date (or id) for the title, its title and id for the line under it.
    pub meeting: (String, String),
    /// Words in the meeting.
    pub length: usize,
    /// Rows: the word and its occurrences (position, speaker colour index).
    pub terms: Vec<(String, Vec<(usize, usize)>)>,
    /// Speakers and their colour indices, for the legend.
    pub speakers: Vec<(String, usize)>,
}

/// The width of the legend column, in pixels.
const LEGEND_WIDTH: u32 = 230;

impl Chart for XRay {
    const STEM: &'static str = "xray";
    const TITLE: &'static str = "Where the words occur";
    const CAPTION: &'static str = "A dispersion plot of one meeting (the one with the most words; --xray-meeting chooses another): each tick is one occurrence of the word, placed by its position among the meeting's words and coloured by the speaker.";
    const METHOD: &'static str = "The chosen terms (those of `trends.csv`) in one meeting: `--xray-meeting`, or the meeting with the most words \
         (the first of equals). Each occurrence is a tick at the position of its first word among the meeting's words, \
         counted from 0, in the colour of its speaker: the charted speakers keep their colours, the others take the next \
         ones in the order of their first turn.";

    /// The chosen terms across the meeting with the most words; the charted speakers keep their colours, the
    /// others get the next ones in order of their first turn.
    fn shape(cx: &Context) -> Result<Option<XRay>, WriteError> {
        let corpus = cx.corpus;
        let chosen = cx.config.xray_meeting.as_ref().and_then(|id| {
            let m = corpus.meetings.iter().position(|m| &m.id == id)?;
            Some(m as crate::corpus::MeetingId)
        });
        let Some(meeting) = chosen.or_else(|| longest_meeting(corpus)) else {
            return Ok(Some(XRay {
                meeting: (String::new(), String::new()),
                length: 0,
                terms: Vec::new(),
                speakers: Vec::new(),
            }));
        };
        let found = dispersion(corpus, meeting, cx.config.view, cx.terms()?)?;
        let mut colour_of: Vec<(String, usize)> = cx
            .leaders
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), i))
            .collect();
        for &s in &found.speakers {
            let name = &corpus.speakers[s as usize];
            if !colour_of.iter().any(|(n, _)| n == name) {
                colour_of.push((name.clone(), colour_of.len()));
            }
        }
        let colour = |s: u32| {
            let name = &corpus.speakers[s as usize];
            colour_of.iter().find(|(n, _)| n == name).map_or(0, |c| c.1)
        };
        let terms: Vec<(String, Vec<(usize, usize)>)> = cx
            .terms()?
            .iter()
            .zip(&found.hits)
            .map(|(t, hits)| {
                (
                    t.clone(),
                    hits.iter().map(|&(p, s)| (p, colour(s))).collect(),
                )
            })
            .collect();
        let used: std::collections::BTreeSet<usize> =
            terms.iter().flat_map(|t| t.1.iter().map(|h| h.1)).collect();
        let info = &corpus.meetings[meeting as usize];
        let when = match info.date {
            None => format!("meeting {}", info.id),
            Some(date) => format!("the meeting of {date}"),
        };
        let about = if info.title.is_empty() {
            format!("meeting id {}", info.id)
        } else {
            format!("{} (meeting id {})", info.title, info.id)
        };
        Ok(Some(XRay {
            meeting: (when, about),
            length: found.length,
            terms,
            speakers: colour_of
                .into_iter()
                .filter(|(_, c)| used.contains(c))
                .map(|(name, c)| (cx.shown(&name), c))
                .collect(),
        }))
    }

    fn size(&self) -> (u32, u32) {
        (1100, 200 + 50 * self.terms.len().max(3) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        // The meeting's title is long on kremlin.ru: it goes on a line of its own under the chart's title, clipped
        // to the chart's width.
        let title = format!("Where the words occur in {}", self.meeting.0);
        let root = root.titled(&title, super::bold(24))?;
        let root = root.titled(&super::clip(&self.meeting.1, 120), font(15))?;
        if self.terms.is_empty() || self.length == 0 {
            return super::no_data(&root, "no terms");
        }
        let n = self.terms.len() as i32;
        let words: Vec<String> = self.terms.iter().map(|t| t.0.clone()).collect();
        let label_width = super::label_width(&words, 24, 10);
        // The legend goes in a column of its own, right of the plot, so it never covers a tick.
        let area = root;
        let (width, _) = area.dim_in_pixel();
        let (plot, legend) = area.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
        let mut chart = ChartBuilder::on(&plot)
            .margin(14)
            .x_label_area_size(50)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0..self.length, (0..n - 1).into_segmented())?;
        let names: Vec<String> = self
            .terms
            .iter()
            .map(|t| format!("{} ({})", super::clip(&t.0, 24), t.1.len()))
            .collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(self.terms.len())
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if (0..n).contains(i) => {
                    names[(n - 1 - i) as usize].clone()
                }
                _ => String::new(),
            })
            .x_desc("position in the meeting (words)")
            .label_style(font(16))
            .axis_desc_style(font(16))
            .light_line_style(WHITE)
            .draw()?;
        let tick = (self.length / 600).max(1);
        for (k, (_, hits)) in self.terms.iter().enumerate() {
            let row = n - 1 - k as i32;
            chart.draw_series(hits.iter().map(|&(pos, c)| {
                Rectangle::new(
                    [
                        (pos, SegmentValue::Exact(row)),
                        (pos + tick, SegmentValue::Exact(row + 1)),
                    ],
                    color(c).filled(),
                )
            }))?;
        }
        for (i, (name, c)) in self.speakers.iter().enumerate() {
            let y = 30 + 24 * i as i32;
            legend.draw(&Rectangle::new(
                [(6, y - 6), (18, y + 6)],
                color(*c).filled(),
            ))?;
            legend.draw(&Text::new(super::clip(name, 26), (24, y - 8), font(15)))?;
        }
        Ok(())
    }
}
