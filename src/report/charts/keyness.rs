//! Keyness as diverging bars: the words that set one speaker apart from another (signed G²; right, the first
//! speaker's; left, the second's).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_panel, color, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::keyness::OTHERS;

/// The data: two speakers and their key terms.
pub struct Keyness {
    /// The target (bars to the right) and the reference (bars to the left).
    pub pair: (String, String),
    /// (form, signed G²), from most positive to most negative.
    pub terms: Vec<(String, f64)>,
    /// Colour indices of the two speakers.
    pub colors: (usize, usize),
}

impl Chart for Keyness {
    const STEM: &'static str = "keyness";
    const TITLE: &'static str = "Key words";
    const CAPTION: &'static str = "Words one speaker uses significantly more than the other (signed log-likelihood G²; bars right for the first speaker, left for the second). |G²| above 6.63 means p < 0.01, above 10.83 p < 0.001.";

    /// Key words of the compared pair ([`Context::pair`]).
    fn shape(cx: &Context) -> Result<Option<Keyness>, WriteError> {
        let Some((a, reference)) = &cx.pair else {
            return Ok(None);
        };
        let reference = reference.as_str();
        // Each speaker in the colour the other charts give them (grey for all others).
        let colour = |name: &str| cx.leaders.iter().position(|l| l == name);
        let (shown, colors) = if reference == OTHERS {
            ("all others".to_string(), (colour(a).unwrap_or(0), 7))
        } else {
            let (ca, cb) = (colour(a).unwrap_or(0), colour(reference));
            let other = if ca == 1 { 0 } else { 1 };
            (cx.shown(reference), (ca, cb.unwrap_or(other)))
        };
        let top = cx.config.top;
        let rows: Vec<_> = cx
            .made
            .keyness
            .iter()
            .filter(|r| r.target == a && r.reference == reference)
            .collect();
        let mut terms: Vec<(String, f64)> = rows
            .iter()
            .filter(|r| r.g2 > 0.0)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2))
            .collect();
        let mut negative: Vec<(String, f64)> = rows
            .iter()
            .rev()
            .filter(|r| r.g2 < 0.0)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2))
            .collect();
        negative.reverse();
        terms.extend(negative);
        Ok(Some(Keyness {
            pair: (cx.shown(a), shown),
            terms,
            colors,
        }))
    }

    fn size(&self) -> (u32, u32) {
        (1000, 140 + 26 * self.terms.len().max(8) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let (a, b) = &self.pair;
        let labels: Vec<String> = self.terms.iter().map(|t| t.0.clone()).collect();
        let values: Vec<f64> = self.terms.iter().map(|t| t.1).collect();
        let colors: Vec<RGBColor> = values
            .iter()
            .map(|v| {
                if *v >= 0.0 {
                    color(self.colors.0)
                } else {
                    color(self.colors.1)
                }
            })
            .collect();
        let title = format!("Key words: {a} (right) vs {b} (left)");
        bar_panel(
            root,
            &title,
            &labels,
            &values,
            &colors,
            "signed log-likelihood G² (|G²| > 6.63: p < 0.01)",
            "no term reaches the minimum count",
        )
    }
}
