//! Top words per speaker, side by side: the most frequent content words ([`crate::corpus::Content`]) of each speaker in
//! the chosen view, per 10,000 of the speaker's words, labelled by their most frequent word form.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_grid, color, Chart, DrawResult, GridStyle, Panel};
use crate::report::{Context, WriteError};

/// The data: per speaker, (form, per 10k) from the most frequent down.
pub struct TopWords {
    /// Panels in speaker order.
    pub speakers: Vec<(String, Vec<(String, f64)>)>,
    /// `key`, `stem` or `lemma`.
    pub view: &'static str,
}

impl Chart for TopWords {
    const STEM: &'static str = "top_words";
    const TITLE: &'static str = "Most frequent content words";
    const CAPTION: &'static str = "Per speaker, the most frequent content words (nouns, proper nouns, verbs, adjectives and adverbs that are not stopwords; --content changes this), per 10,000 of the speaker's words; in the lemma view a bar counts all forms of a word and is labelled with its lemma, in the stem view with its most frequent form.";
    const METHOD: &'static str = "From the head of `freq.csv`: per charted speaker, the `--top` most frequent content words in the chosen \
         view, each bar the word's rate per 10,000 of the speaker's words, labelled with its form. All panels share one \
         scale.";

    fn shape(cx: &Context) -> Result<Option<TopWords>, WriteError> {
        let view = cx.config.view.as_str();
        let heads = cx.freq_heads()?;
        let speakers = cx
            .leaders
            .iter()
            .map(|s| {
                let words = heads
                    .iter()
                    .filter(|r| r.speaker == s && r.view == view && r.content)
                    .take(cx.config.top)
                    .map(|r| (r.form.to_string(), r.per_10k))
                    .collect();
                (cx.shown(s), words)
            })
            .collect();
        Ok(Some(TopWords { speakers, view }))
    }

    fn size(&self) -> (u32, u32) {
        let longest = self.speakers.iter().map(|s| s.1.len()).max().unwrap_or(10);
        super::grid_size(self.speakers.len(), 620, longest)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let view = match self.view {
            "stem" => "stems, shown as their most frequent form",
            "lemma" => "lemmas",
            _ => "word forms",
        };
        let area = root.titled(
            &format!("Most frequent content words per speaker ({view})"),
            super::bold(26),
        )?;
        let grid: Vec<Panel> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, (speaker, words))| Panel {
                title: speaker.clone(),
                labels: words.iter().map(|w| w.0.clone()).collect(),
                values: words.iter().map(|w| w.1).collect(),
                colors: vec![color(i)],
            })
            .collect();
        bar_grid(
            &area,
            &grid,
            &GridStyle {
                x_desc: "occurrences per 10,000 words",
                empty: "no content words",
                shared_scale: true,
                marks: &[],
            },
        )?;
        Ok(())
    }
}
