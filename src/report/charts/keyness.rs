//! Keyness as diverging bars: the content words that set one speaker apart from another (signed G²; right, the
//! first speaker's; left, the second's). Only terms past the significance cut-off are drawn, the cut-off is drawn,
//! and each bar's label gives its effect size, Log Ratio (a difference of 1 is twice as frequent). Stopwords stay in
//! `keyness.csv`, flagged.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_panel, color, Bars, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::keyness::OTHERS;

/// The data: two speakers and their key terms.
pub struct Keyness {
    /// The target (bars to the right) and the reference (bars to the left).
    pub pair: (String, String),
    /// (form, signed G², Log Ratio), from most positive to most negative.
    pub terms: Vec<(String, f64, f64)>,
    /// Colour indices of the two speakers.
    pub colors: (usize, usize),
}

/// |G²| of p < 0.01 (χ², one degree of freedom): the bars drawn reach at least this.
pub const CUT_OFF: f64 = crate::stats::keyness::CRITICAL_01;

impl Chart for Keyness {
    const STEM: &'static str = "keyness";
    const TITLE: &'static str = "Key words";
    const CAPTION: &'static str = "Content words one speaker uses significantly more than the other (signed log-likelihood G²; bars right for the first speaker, left for the second; only |G²| ≥ 6.63, p < 0.01, drawn at the grey lines). In brackets the effect size, Log Ratio: +1 means twice as frequent in the first speaker's words, −1 half as frequent. Stopwords are in keyness.csv, flagged.";
    const METHOD: &'static str = "From `keyness.csv`, the rows of the compared pair (the first speaker the target, the second the reference, \
         or all others): content words with |G²| ≥ 6.63 (p < 0.01) only, the `--top` strongest of each side, each bar its \
         signed G² and each label its Log Ratio.";

    /// Key words of the compared pair ([`Context::pair`]).
    fn shape(cx: &Context) -> Result<Option<Keyness>, WriteError> {
        let Some((a, reference)) = &cx.pair else {
            return Ok(None);
        };
        let reference = reference.as_str();
        let colors = super::pair_colors(cx, a, reference);
        let shown = if reference == OTHERS {
            "all others".to_string()
        } else {
            cx.shown(reference)
        };
        let top = cx.config.top;
        let rows: Vec<_> = cx
            .keyness()?
            .iter()
            .filter(|r| r.target == a && r.reference == reference)
            .collect();
        let drawn = |r: &&&crate::stats::keyness::KeynessRow| r.content && r.g2.abs() >= CUT_OFF;
        let mut terms: Vec<(String, f64, f64)> = rows
            .iter()
            .filter(|r| r.g2 > 0.0)
            .filter(drawn)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2, r.log_ratio))
            .collect();
        let mut negative: Vec<(String, f64, f64)> = rows
            .iter()
            .rev()
            .filter(|r| r.g2 < 0.0)
            .filter(drawn)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2, r.log_ratio))
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
        let labels: Vec<String> = self
            .terms
            .iter()
            .map(|t| format!("{} ({:+.1})", t.0, t.2))
            .collect();
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
            &Bars {
                title: &title,
                labels: &labels,
                values: &values,
                colors: &colors,
                x_desc: "signed log-likelihood G² (Log Ratio in brackets); grey lines: |G²| = 6.63, p < 0.01",
                empty: "no content word sets them apart at p < 0.01 (|G²| ≥ 6.63): they said too few words, or too alike ones; keyness.csv has every term with its G²",
                shared_max: 0.0,
                marks: &[-CUT_OFF, CUT_OFF],
            },
        )
    }
}
