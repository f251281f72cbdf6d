//! `distances.csv`: Burrows' Delta and the Jensen–Shannon distance between every two speakers with at least
//! `--min-words` words, in the chosen view ([`crate::stats::distance`]).

use crate::stats::distance::{DistanceRow, Distances};

use super::{write_table, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "distances.csv";
const ABOUT: &str = "Burrows' Delta (over the most frequent words) and the Jensen–Shannon distance between every two speakers with enough words.";
const METHOD: &str = "Between every two speakers with at least `--min-words` words (1,000 by default; narration and group labels \
     left out), in the chosen view:\n- \
     Burrows' Delta (Burrows 2002): over the `--mfw` most frequent terms of those speakers together (150 by \
     default), each speaker's rate of each term is z-scored across the speakers (sample standard deviation), and \
     Delta is the mean absolute difference of two speakers' z-scores. 0 is identical, and about 1 is typical of \
     different authors; it depends on who else is compared, and needs three speakers (with two it is always √2, so \
     it is not written).\n- \
     The Jensen–Shannon distance (Endres & Schindelin 2003): the square root of the Jensen–Shannon divergence of the \
     two speakers' whole term distributions, in bits, from 0 (the same) to 1 (no word in common); it depends only on \
     the two.";

impl Row for DistanceRow<'_> {
    const HEADER: &'static str = "a,b,measure,value";
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
        write_table(cx, FILE, ABOUT, &rows)
    }
}

impl Context<'_> {
    /// The distances between every two speakers with at least `--min-words` words, in the view asked for (`None`
    /// when fewer than two speakers have them). Shared with the chart of who talks like whom.
    pub fn distances(&self) -> Result<Option<&Distances>, WriteError> {
        let distances = self.shared.distances.get_or_try(|| {
            let config = self.config;
            Ok(Distances::new(
                self.corpus,
                self.tallies()?,
                config.min_words,
                config.mfw,
            ))
        })?;
        Ok(distances.as_ref())
    }
}
