//! `turns.csv`: every turn with its speaker, interpretation flag, words and sentences.

use chrono::NaiveDate;
use serde::Serialize;

use crate::report::WriteError;

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "turns.csv";
const ABOUT: &str = "Every turn with its speaker, interpretation flag, words and sentences.";
const METHOD: &str = "Every turn in order: its meeting, its number in the meeting, its speaker, whether it is interpreted, its words \
     (word tokens of its spoken text) and its sentences (those with at least one word).";

/// One row of `turns.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct TurnRow<'a> {
    /// Meeting id.
    pub meeting: &'a str,
    /// Date.
    pub date: Option<NaiveDate>,
    /// Turn number in the meeting.
    pub turn: u32,
    /// Speaker.
    pub speaker: &'a str,
    /// Interpreted.
    pub interpreted: bool,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: u32,
}

impl Row for TurnRow<'_> {
    const HEADER: &'static str = "meeting,date,turn,speaker,interpreted,words,sentences";
    const TYPES: &'static str = "str,date,int,str,bool,int,int";
}

/// `turns.csv`.
pub struct Turns;

impl Table for Turns {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TurnRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "turns"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let corpus = cx.corpus;
        let rows: Vec<TurnRow> = corpus
            .turns
            .iter()
            .map(|t| {
                let info = &corpus.meetings[t.meeting as usize];
                TurnRow {
                    meeting: &info.id,
                    date: info.date,
                    turn: t.number,
                    speaker: &corpus.speakers[t.speaker as usize],
                    interpreted: t.interpreted,
                    words: t.len(),
                    sentences: t.sentences,
                }
            })
            .collect();
        write_table(cx, FILE, ABOUT, &rows)
    }
}
