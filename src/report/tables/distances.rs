//! `distances.csv`: Burrows' and Cosine Delta and the Jensen–Shannon distance between every two speakers with at
//! least `--min-words` words, in the chosen view ([`crate::stats::distance`]), and the note saying how many were left
//! out.

use crate::stats::distance::{compared, DistanceRow, Distances};

use super::{write_table, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "distances.csv";
const ABOUT: &str = "Burrows' and Cosine Delta (over the most frequent words) and the Jensen–Shannon distance between every two speakers with enough words.";
const METHOD: &str = "Between every two speakers with at least `--min-words` words (2,500 by default: shorter samples make \
     stylometry unreliable; narration and group labels left out, and a note says how many speakers were), in the \
     chosen view:\n- \
     Burrows' Delta (Burrows 2002): over the most frequent terms of those speakers together (`--mfw`: the number, 150 \
     by default, or the largest size of a range such as `100..1000:100`), each speaker's rate of each term is \
     z-scored across the speakers (sample standard deviation), and Delta is the mean absolute difference of two \
     speakers' z-scores. 0 is identical, and about 1 is typical of different authors; it depends on who else is \
     compared, and needs three speakers (with two it is always √2, so it is not written).\n- \
     Cosine Delta (Smith & Aldridge 2011; Evert et al. 2017): 1 − the cosine of two speakers' vectors of the same \
     z-scores, from 0 (they deviate from the mean in the same proportions) through 1 (unrelated) to 2 (opposite); \
     the most reliable Delta in Evert et al.'s tests. `NaN` with a speaker whose z-scores are all 0 (every rate the \
     mean), whose direction is undefined. Three speakers or more.\n- \
     The Jensen–Shannon distance (Endres & Schindelin 2003): the square root of the Jensen–Shannon divergence of the \
     two speakers' whole term distributions, in bits, from 0 (the same) to 1 (no word in common); it depends only on \
     the two.";

impl Row for DistanceRow<'_> {
    const HEADER: &'static str = "a,b,measure,value";
    const TYPES: &'static str = "str,str,str,f64";
}

/// `distances.csv`.
pub struct DistancesTable;

impl Table for DistancesTable {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, DistanceRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "distances"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let rows = cx
            .distances()?
            .map(|d| d.rows(cx.corpus))
            .unwrap_or_default();
        let mut made = write_table(cx, FILE, ABOUT, &rows)?;
        made.notes.extend(cx.distances_note()?);
        Ok(made)
    }
}

impl Context<'_> {
    /// What the distances and the consensus tree leave out: the speakers (or groups) under `--min-words`, if any.
    pub fn distances_note(&self) -> Result<Option<String>, WriteError> {
        let (compared, left_out) = compared(self.corpus, self.tallies()?, self.config.min_words);
        if left_out == 0 {
            return Ok(None);
        }
        let noun = if self.corpus.about.group_by.is_empty() {
            "speakers"
        } else {
            "groups"
        };
        let have = if left_out == 1 { "has" } else { "have" };
        Ok(Some(format!(
            "{left_out} of {} {noun} {have} fewer than {} words (--min-words) and are left out of distances.csv and \
             the consensus tree, {} compared",
            left_out + compared.len(),
            self.config.min_words,
            compared.len()
        )))
    }

    /// The distances between every two speakers with at least `--min-words` words, in the view asked for (`None`
    /// when fewer than two speakers have them). Shared with the chart of who talks like whom.
    pub fn distances(&self) -> Result<Option<&Distances>, WriteError> {
        let distances = self.shared.distances.get_or_try(|| {
            let config = self.config;
            Ok(Distances::new(
                self.corpus,
                self.tallies()?,
                config.min_words,
                &config.mfw,
            ))
        })?;
        Ok(distances.as_ref())
    }
}
