//! `term_map.csv`: the data of the term map of the compared pair ([`crate::stats::term_map`]); empty without a
//! pair.

use crate::stats::keyness::OTHERS;
use crate::stats::term_map::{term_map, TermMapRow};

use super::{write_table_ranked, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "term_map.csv";
const ABOUT: &str = "Each term the compared pair uses: both speakers' counts, their scaled frequency ranks (the map's axes) and the log-odds z that colours it.";
const METHOD: &str = "The terms of the compared pair in the chosen view (after scattertext, Kessler 2017), those the two use \
     together at least `--min-count` times; the second speaker may be all others (`*`). `x` and `y` are each \
     speaker's scaled rank of the term: the dense rank of its count among the distinct counts of the terms the \
     speaker uses (1 the rarest count, K the most frequent), divided by K, so 1 is the speaker's most frequent term and \
     0 a term never used; ranks spread the long tail of rare words that raw frequencies squeeze into a corner. \
     `log_odds_z` is the log-odds z of `keyness.csv`, positive where the first speaker uses the term more. Empty \
     without a pair.";

impl Row for TermMapRow<'_> {
    const HEADER: &'static str =
        "a,b,term,form,count_a,count_b,x,y,log_odds_z,stopword,pos,content";
    const TYPES: &'static str = "str,str,str,str,int,int,f64,f64,f64,bool,str,bool";
}

/// `term_map.csv`.
pub struct TermMap;

impl Table for TermMap {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TermMapRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "term map"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        // The content words that set the two apart most first.
        write_table_ranked(cx, FILE, ABOUT, cx.term_map()?, |a, b| {
            b.content
                .cmp(&a.content)
                .then(b.log_odds_z.abs().total_cmp(&a.log_odds_z.abs()))
        })
    }
}

impl<'a> Context<'a> {
    /// The rows of `term_map.csv`, the data of the term map chart: the terms of the compared pair
    /// ([`Context::pair`]) in the view asked for; none without a pair.
    pub fn term_map(&self) -> Result<&[TermMapRow<'a>], WriteError> {
        let rows = self.shared.term_map.get_or_try(|| {
            let corpus = self.corpus;
            let pair = self.pair.as_ref().and_then(|(a, b)| {
                let a = corpus.speaker_id(a)?;
                let b = if b == OTHERS {
                    None
                } else {
                    Some(corpus.speaker_id(b)?)
                };
                Some((a, b))
            });
            Ok(match pair {
                Some(pair) => term_map(corpus, self.tallies()?, pair, self.config.min_count),
                None => Vec::new(),
            })
        })?;
        Ok(rows)
    }
}
