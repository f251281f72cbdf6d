//! `turn_lengths.csv`: turn statistics of each speaker overall (`meeting` = `*`) and in each meeting.

use serde::Serialize;

use crate::report::WriteError;
use crate::stats::freq::ALL;
use crate::stats::turns::TurnSummary;

use super::{write_table, Context, Preview, Row, Table};

const FILE: &str = "turn_lengths.csv";
const ABOUT: &str =
    "Turn-length statistics per speaker overall (meeting *) and per meeting, with the standard deviation.";

/// One row of `turn_lengths.csv`: turn statistics of a speaker overall (`meeting` = `*`) or in one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct TurnLengthRow<'a> {
    /// Speaker.
    pub speaker: &'a str,
    /// Meeting id or `*`.
    pub meeting: &'a str,
    /// Date of the meeting (empty for `*`).
    pub date: &'a str,
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
    /// Share of all words (of the meeting, for a meeting row).
    pub share_words: f64,
    /// Mean words per turn.
    pub words_per_turn_mean: f64,
    /// Median words per turn.
    pub words_per_turn_median: f64,
    /// p90 of words per turn.
    pub words_per_turn_p90: f64,
    /// Longest turn.
    pub words_per_turn_max: usize,
    /// Sample standard deviation of words per turn.
    pub words_per_turn_sd: Option<f64>,
    /// Sentences.
    pub sentences: usize,
    /// Words per sentence.
    pub words_per_sentence: Option<f64>,
}

impl<'a> TurnLengthRow<'a> {
    fn new(speaker: &'a str, meeting: &'a str, date: &'a str, s: &TurnSummary) -> TurnLengthRow<'a> {
        TurnLengthRow {
            speaker,
            meeting,
            date,
            turns: s.turns,
            words: s.words,
            share_words: s.share_words,
            words_per_turn_mean: s.words_per_turn_mean,
            words_per_turn_median: s.words_per_turn_median,
            words_per_turn_p90: s.words_per_turn_p90,
            words_per_turn_max: s.words_per_turn_max,
            words_per_turn_sd: s.words_per_turn_sd,
            sentences: s.sentences,
            words_per_sentence: s.words_per_sentence,
        }
    }
}

impl Row for TurnLengthRow<'_> {
    const HEADER: &'static str = "speaker,meeting,date,turns,words,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,words_per_turn_sd,sentences,words_per_sentence";
}

/// `turn_lengths.csv`.
pub struct TurnLengths;

impl Table for TurnLengths {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TurnLengthRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "turn lengths"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let (corpus, profiles) = (cx.corpus, &cx.made.profiles);
        let mut rows = Vec::new();
        for (&s, (summary, _)) in &profiles.speakers {
            let speaker = corpus.speakers[s as usize].as_str();
            rows.push(TurnLengthRow::new(speaker, ALL, "", summary));
            for (m, (summary, _)) in profiles.meetings_of(s) {
                let info = &corpus.meetings[m as usize];
                rows.push(TurnLengthRow::new(speaker, &info.id, &info.date, summary));
            }
        }
        write_table(cx, FILE, ABOUT, &rows)
    }
}
