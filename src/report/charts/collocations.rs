//! Top collocations per speaker: the most frequent word pairs (stopword pairs left out unless asked for), bar
//! length the pair's count, labelled with its logDice. A pair is counted by term of the `--view` (lemma pairs by
//! default) but labelled as the speaker most often says it (`collocations.csv`'s `form`): `исторической памяти`
//! reads where the lemma pair `исторический память` does not; the table keeps the terms beside it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_grid, color, Chart, DrawResult, GridStyle, Panel};
use crate::report::{Context, WriteError};

/// A bar: the pair as spoken, its count and its logDice.
pub type Pair = (String, u64, f64);

/// The data: per speaker, the pairs to show.
pub struct Collocations {
    /// Panels in speaker order.
    pub speakers: Vec<(String, Vec<Pair>)>,
    /// The minimum count of a pair in the table.
    pub min_count: u64,
}

impl Chart for Collocations {
    const STEM: &'static str = "collocations";
    const TITLE: &'static str = "Word pairs";
    const CAPTION: &'static str = "The most frequent adjacent word pairs per speaker within one sentence (pairs with a stopword left out by default), with logDice, an association score that does not depend on corpus size (14 is the maximum). Pairs are counted by term of the view (by lemma by default, so that историческая память and исторической памяти are one pair) and written as the speaker most often says them; collocations.csv gives the terms beside this form.";
    const METHOD: &'static str = "From the head of `collocations.csv`: per charted speaker, the `--top` most frequent pairs (in the table's \
         order: count descending), each bar the pair's count and each label its form and logDice. All panels share one \
         scale.";

    fn shape(cx: &Context) -> Result<Option<Collocations>, WriteError> {
        let bigrams = cx.bigram_heads()?;
        let speakers = cx
            .leaders
            .iter()
            .map(|s| {
                let pairs = bigrams
                    .iter()
                    .filter(|r| r.speaker == s)
                    .take(cx.config.top)
                    .map(|r| (r.form.clone(), r.count, r.log_dice))
                    .collect();
                (cx.shown(s), pairs)
            })
            .collect();
        Ok(Some(Collocations {
            speakers,
            min_count: cx.config.min_count,
        }))
    }

    fn size(&self) -> (u32, u32) {
        let longest = self.speakers.iter().map(|s| s.1.len()).max().unwrap_or(10);
        super::grid_size(self.speakers.len(), 680, longest)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = root.titled(
            "Most frequent word pairs per speaker (count; logDice in brackets)",
            super::bold(26),
        )?;
        let grid: Vec<Panel> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, (speaker, pairs))| Panel {
                title: speaker.clone(),
                labels: pairs
                    .iter()
                    .map(|p| format!("{} ({:.1})", p.0, p.2))
                    .collect(),
                values: pairs.iter().map(|p| p.1 as f64).collect(),
                colors: vec![color(i)],
            })
            .collect();
        let empty = format!(
            "no word pair occurs {} times or more; a smaller --min-count (or --keep-stopword-pairs) shows more",
            self.min_count
        );
        bar_grid(
            &area,
            &grid,
            &GridStyle {
                x_desc: "occurrences of the pair",
                empty: &empty,
                shared_scale: true,
                marks: &[],
            },
        )?;
        Ok(())
    }
}
