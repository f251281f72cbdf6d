//! Dictionary categories per speaker (with `--dictionary`): a panel per charted speaker or group, a bar per category
//! (the categories with the most hits in the corpus, in dictionary order), per 10,000 of the speaker's words, every
//! panel on one scale so that the bars compare across speakers.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{bar_grid, color, Chart, DrawResult, GridStyle, Panel};
use crate::report::{Context, ReportConfig, WriteError};
use crate::stats::dictionary::per_10k;

/// The data: the categories shown, and per charted speaker its rate of each.
pub struct DictionaryChart {
    /// The categories, in dictionary order.
    pub categories: Vec<String>,
    /// Panels in speaker order: name and the rate of each category.
    pub speakers: Vec<(String, Vec<f64>)>,
}

/// The categories a chart shows: at most `limit`, those with the most hits in the whole corpus (ties: the first in
/// dictionary order), in dictionary order.
pub fn chosen(totals: &[u64], limit: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    order.truncate(limit);
    order.sort_unstable();
    order
}

impl Chart for DictionaryChart {
    const STEM: &'static str = "dictionary";
    const TITLE: &'static str = "Dictionary categories per speaker";
    const CAPTION: &'static str = "With --dictionary: per charted speaker (or group), each category's hits per 10,000 of their words, all panels on one scale. An entry is a glob (* any letters, ? one) or a phrase of consecutive words within a sentence, matched without regard to case (ё as е) on the word's key and, in the lemma or stem view, on its lemma or stem; a nested category (economy.trade) also counts in the one above it, and a word two entries of one category match counts once. dictionary_terms.csv lists the words each entry matched.";
    const METHOD: &'static str = "From `dictionary.csv`: per charted speaker or group, a bar per category, its `per_10k` over all meetings; \
         the `--top` categories with the most hits in the corpus are drawn, in dictionary order. All panels share \
         one scale.";

    fn shown(config: &ReportConfig) -> bool {
        config.dictionary.is_some()
    }

    fn shape(cx: &Context) -> Result<Option<DictionaryChart>, WriteError> {
        let Some(stats) = cx.dictionary()? else {
            return Ok(None);
        };
        let (counts, dictionary) = (stats, stats.matcher.dictionary());
        let totals: Vec<u64> = counts.sum(|_, _| true).1.iter().map(|t| t.count).collect();
        let shown = chosen(&totals, cx.config.top);
        let speakers = cx
            .leaders
            .iter()
            .filter_map(|name| {
                let id = cx.corpus.speaker_id(name)?;
                let (words, tallies) = counts.sum(|s, _| s == id);
                let rates = shown
                    .iter()
                    .map(|&c| per_10k(tallies[c].count, words))
                    .collect();
                Some((cx.shown(name), rates))
            })
            .collect();
        let categories = shown
            .iter()
            .map(|&c| dictionary.categories[c].name.clone())
            .collect();
        Ok(Some(DictionaryChart {
            categories,
            speakers,
        }))
    }

    fn size(&self) -> (u32, u32) {
        super::grid_size(self.speakers.len(), 620, self.categories.len())
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = root.titled("Dictionary categories per speaker", super::bold(26))?;
        let grid: Vec<Panel> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, (speaker, rates))| Panel {
                title: speaker.clone(),
                labels: self.categories.clone(),
                values: rates.clone(),
                colors: vec![color(i)],
            })
            .collect();
        bar_grid(
            &area,
            &grid,
            &GridStyle {
                x_desc: "hits per 10,000 words",
                empty: "no category",
                shared_scale: true,
                marks: &[],
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::chosen;

    #[test]
    fn the_most_frequent_categories_are_shown_in_dictionary_order() {
        assert_eq!(chosen(&[5, 0, 9, 5, 1], 3), [0, 2, 3]);
        assert_eq!(chosen(&[1, 2], 10), [0, 1]);
    }
}
