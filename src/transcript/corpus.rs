//! A whole corpus of transcripts kept in memory: every file named by the paths, read through [`mod@super::ingest`]
//! (the one read path of a corpus), with each turn's canonical speaker set from the labels of all files.

use std::path::PathBuf;

use super::ingest::ingest;
use super::model::Meeting;
use super::options::ReadOptions;
use super::source::{ReadError, ReadFile};
use super::speaker::Aliases;
use super::warning::FileWarning;

/// Every transcript read from a set of paths, whole, in path order.
#[derive(Debug, Default)]
pub struct Transcripts {
    /// The files that were read, sorted by path.
    pub files: Vec<ReadFile>,
    /// Files that could not be read.
    pub errors: Vec<ReadError>,
    /// Warnings, in path order.
    pub warnings: Vec<FileWarning>,
    /// Meetings read but outside the dates asked for, and how many of them have no date.
    pub left_out: (usize, usize),
}

impl Transcripts {
    /// The meetings in path order.
    pub fn meetings(&self) -> impl Iterator<Item = &Meeting> {
        self.files.iter().map(|f| &f.meeting)
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
        |file| file,
        |file| files.push(file),
    );
    for (file, id) in files.iter_mut().zip(ingested.ids) {
        file.meeting.id = id;
        for turn in file.meeting.turns_mut() {
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
