//! `transitions.csv`: who speaks after whom within a meeting. The smallest table, and the model of a new one: a
//! row type with its header, the rows shaped from the corpus, and one line in [`super::TABLES`].

use serde::Serialize;

use crate::report::WriteError;
use crate::stats::turns::transitions;

use super::{write_table_ranked, Context, Made, Row, Table};

const FILE: &str = "transitions.csv";
const ABOUT: &str = "Who speaks after whom within a meeting.";

/// One row of `transitions.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct TransitionRow<'a> {
    /// Speaker of a turn.
    pub from: &'a str,
    /// Speaker of the next turn in the same meeting.
    pub to: &'a str,
    /// How often.
    pub count: usize,
}

impl Row for TransitionRow<'_> {
    const HEADER: &'static str = "from,to,count";
}

/// `transitions.csv`.
pub struct Transitions;

impl Table for Transitions {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TransitionRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "transitions"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let speakers = &cx.corpus.speakers;
        let rows: Vec<TransitionRow> = transitions(cx.corpus)
            .into_iter()
            .map(|((a, b), count)| TransitionRow {
                from: &speakers[a as usize],
                to: &speakers[b as usize],
                count,
            })
            .collect();
        // The most frequent successions first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| b.count.cmp(&a.count))
    }
}
