//! Keyness as diverging bars: the words that set one speaker apart from another (signed G²; right, the first
//! speaker's; left, the second's).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_panel, color, Chart, DrawResult};

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
    fn name(&self) -> &'static str {
        "keyness"
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
