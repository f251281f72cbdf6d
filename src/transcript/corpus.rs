//! A whole corpus of transcripts kept in memory: every file named by the paths, read through [`mod@super::ingest`]
//! (the one read path of a corpus), with each turn's canonical speaker set from the labels of all files.

use std::path::PathBuf;

use super::formats::FileMeetings;
use super::ingest::ingest;
use super::model::Meeting;
use super::options::ReadOptions;
use super::source::ReadError;
use super::speaker::Aliases;
use super::warning::FileWarning;

/// Every transcript read from a set of paths, whole, in path order.
#[derive(Debug, Default)]
pub struct Transcripts {
    /// The files that were read, sorted by path, each with its meetings in the order of the file (those outside the
    /// dates asked for left out).
    pub files: Vec<FileMeetings>,
    /// Files that could not be read.
    pub errors: Vec<ReadError>,
    /// Warnings, in path order.
    pub warnings: Vec<FileWarning>,
    /// Meetings read but outside the dates asked for, and how many of them have no date.
    pub left_out: (usize, usize),
}

impl Transcripts {
    /// The meetings in path order (a file's in the order of the file).
    pub fn meetings(&self) -> impl Iterator<Item = &Meeting> {
        self.files.iter().flat_map(|f| &f.meetings)
    }
}

/// Reads all files named by `paths` (through [`ingest()`], in path order), then sets every turn's canonical speaker
/// from the labels of all files.
pub fn read_corpus(paths: &[PathBuf], options: &ReadOptions, aliases: Aliases) -> Transcripts {
    let mut files = Vec::new();
    let ingested = ingest(
        paths,
        options,
        aliases,
        |meeting| meeting,
        |meetings, audit| files.push(FileMeetings { meetings, audit }),
    );
    let meetings = files.iter_mut().flat_map(|f| &mut f.meetings);
    for (meeting, id) in meetings.zip(ingested.ids) {
        meeting.id = id;
        for turn in meeting.turns_mut() {
            turn.speaker = ingested.speakers.resolve(&turn.label, &turn.name);
        }
    }
    Transcripts {
        files,
        errors: ingested.errors,
        warnings: ingested.warnings,
        left_out: (ingested.left_out, ingested.left_out_undated),
    }
}
