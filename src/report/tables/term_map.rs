//! `term_map.csv`: the data of the term map of the compared pair ([`crate::stats::term_map`]); empty without a
//! pair.

use crate::stats::keyness::OTHERS;
use crate::stats::term_map::{term_map, TermMapRow};

use super::{write_table_ranked, Context, Preview, Row, Table};
use crate::report::WriteError;

const FILE: &str = "term_map.csv";
const ABOUT: &str = "Each term the compared pair uses: both speakers' counts, their scaled frequency ranks (the map's axes) and the log-odds z that colours it.";

impl Row for TermMapRow<'_> {
    const HEADER: &'static str =
        "a,b,term,form,count_a,count_b,x,y,log_odds_z,stopword,pos,content";
}

/// `term_map.csv`.
pub struct TermMap;

impl Table for TermMap {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TermMapRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "term map"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let corpus = cx.corpus;
        let pair = cx.pair.as_ref().and_then(|(a, b)| {
            let a = corpus.speaker_id(a)?;
            let b = if b == OTHERS {
                None
            } else {
                Some(corpus.speaker_id(b)?)
            };
            Some((a, b))
        });
        let rows = match (&cx.made.tallies, pair) {
            (Some(tallies), Some(pair)) => term_map(corpus, tallies, pair, cx.config.min_count),
            _ => Vec::new(),
        };
        // The content words that set the two apart most first.
        let preview = write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            b.content
                .cmp(&a.content)
                .then(b.log_odds_z.abs().total_cmp(&a.log_odds_z.abs()))
        })?;
        cx.made.term_map = rows;
        Ok(preview)
    }
}
