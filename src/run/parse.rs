//! `parse`: transcripts to one row per speaker turn, the rows `stenogram parse` writes and the Python package's
//! `parse()` returns.

use serde::Serialize;

use crate::text::count_words;
use crate::transcript::{read_corpus, Transcripts};

use super::errors::UsageError;
use super::options::ReadingOptions;

/// One speaker turn (the columns of `stenogram parse`, in order).
#[derive(Debug, Clone, Serialize)]
pub struct TurnRow<'a> {
    /// The meeting's id.
    pub meeting: &'a str,
    /// The meeting's date, `YYYY-MM-DD`, or empty.
    pub date: String,
    /// The turn's number in its meeting, from 1.
    pub turn: usize,
    /// The speaker, as aliases and labels resolve them.
    pub speaker: &'a str,
    /// The label as written.
    pub label: &'a str,
    /// Whether the turn is marked as interpreted.
    pub interpreted: bool,
    /// Paragraphs of the turn.
    pub paragraphs: usize,
    /// Words of its spoken text.
    pub words: usize,
    /// Its spoken text (annotations left out).
    pub text: String,
}

/// Reads the transcripts of `reading` (an alias file or option that is wrong: `Err`; files that cannot be read are
/// in [`Transcripts::errors`]).
pub fn read(reading: &ReadingOptions) -> Result<Transcripts, UsageError> {
    Ok(read_corpus(
        &reading.paths,
        &reading.read_options()?,
        reading.aliases()?,
    ))
}

/// The turns of `corpus`, meeting by meeting, in order.
pub fn turn_rows(corpus: &Transcripts) -> impl Iterator<Item = TurnRow<'_>> {
    corpus.meetings().flat_map(|m| {
        m.turns().enumerate().map(move |(i, t)| {
            let text = t.spoken();
            TurnRow {
                meeting: &m.id,
                date: m.date.map(|d| d.to_string()).unwrap_or_default(),
                turn: i + 1,
                speaker: &t.speaker,
                label: &t.label,
                interpreted: t.interpreted,
                paragraphs: t.paragraphs.len(),
                words: count_words(&text),
                text,
            }
        })
    })
}
