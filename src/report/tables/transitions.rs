//! `transitions.csv`: who speaks after whom within a meeting. The smallest table, and the model of a new one: a
//! row type with its header, what the page says of it and of how it is computed, the rows shaped from the corpus,
//! and one line in [`super::TABLES`].

use serde::Serialize;

use crate::report::WriteError;
use crate::stats::turns::transitions;

use super::{write_table_ranked, Context, Made, Row, Table};

const FILE: &str = "transitions.csv";
const ABOUT: &str = "Who speaks after whom within a meeting.";
const METHOD: &str = "Consecutive turns within one meeting: how often the speaker `to` spoke right after the speaker `from`. A \
     speaker after themselves (a turn resumed after an elision or a heading) counts too; nothing crosses from one \
     meeting to the next.";

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
    const TYPES: &'static str = "str,str,int";
}

/// `transitions.csv`.
pub struct Transitions;

impl Table for Transitions {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TransitionRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
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
