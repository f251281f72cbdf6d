//! `distances.csv`: Burrows' Delta and the Jensen–Shannon distance between every two speakers with at least
//! `--min-words` words, in the chosen view ([`crate::stats::distance`]).

use crate::stats::distance::{DistanceRow, Distances};

use super::{write_table, Context, Preview, Row, Table};
use crate::report::WriteError;

const FILE: &str = "distances.csv";
const ABOUT: &str = "Burrows' Delta (over the most frequent words) and the Jensen–Shannon distance between every two speakers with enough words.";

impl Row for DistanceRow<'_> {
    const HEADER: &'static str = "a,b,measure,value";
}

/// `distances.csv`.
pub struct DistancesTable;

impl Table for DistancesTable {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, DistanceRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "distances"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let corpus = cx.corpus;
        let distances = match &cx.made.tallies {
            Some(tallies) => Distances::new(corpus, tallies, cx.config.min_words, cx.config.mfw),
            None => None,
        };
        let rows = distances
            .as_ref()
            .map(|d| d.rows(corpus))
            .unwrap_or_default();
        let preview = write_table(cx, FILE, ABOUT, &rows)?;
        cx.made.distances = distances;
        Ok(preview)
    }
}
