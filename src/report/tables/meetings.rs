//! `meetings.csv`: the meetings read, with their metadata, speakers, turns and words.

use chrono::NaiveDate;
use serde::Serialize;

use crate::report::WriteError;

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "meetings.csv";
const ABOUT: &str = "The meetings read, with their metadata, speakers, turns and words.";
const METHOD: &str = "The meetings read, in date order (meetings without a date last): id, date, time, title, place and source as \
     the transcript gives them, the speakers in order of their first turn, turns, and words (word tokens of the \
     spoken text).";

/// One row of `meetings.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow<'a> {
    /// Meeting id.
    pub meeting: &'a str,
    /// Date.
    pub date: Option<NaiveDate>,
    /// Time.
    pub time: &'a str,
    /// Title.
    pub title: &'a str,
    /// Place.
    pub place: &'a str,
    /// Source URL.
    pub source: &'a str,
    /// Speakers in order of first turn, `; `-separated.
    pub speakers: String,
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
}

impl Row for MeetingRow<'_> {
    const HEADER: &'static str = "meeting,date,time,title,place,source,speakers,turns,words";
    const TYPES: &'static str = "str,date,str,str,str,str,str,int,int";
}

/// `meetings.csv`.
pub struct Meetings;

impl Table for Meetings {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, MeetingRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "meetings"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let corpus = cx.corpus;
        let mut rows: Vec<MeetingRow> = corpus
            .meetings
            .iter()
            .map(|info| MeetingRow {
                meeting: &info.id,
                date: info.date,
                time: &info.time,
                title: &info.title,
                place: &info.place,
                source: &info.source,
                speakers: String::new(),
                turns: 0,
                words: 0,
            })
            .collect();
        let mut speakers: Vec<Vec<&str>> = vec![Vec::new(); rows.len()];
        for t in &corpus.turns {
            let m = t.meeting as usize;
            rows[m].turns += 1;
            rows[m].words += t.len();
            let name = corpus.speakers[t.speaker as usize].as_str();
            if !speakers[m].contains(&name) {
                speakers[m].push(name);
            }
        }
        for (row, names) in rows.iter_mut().zip(speakers) {
            row.speakers = names.join("; ");
        }
        write_table(cx, FILE, ABOUT, &rows)
    }
}
