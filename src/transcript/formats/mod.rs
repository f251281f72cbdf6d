//! The reader as a list of formats: each input format is one module here implementing [`Format`] (how it is
//! recognised, by its path and first bytes, and how one file is read into meetings), and [`FORMATS`] lists them in
//! the order they are asked. Every format produces the same [`Meeting`]s and turns, so nothing after the reader
//! knows which one read a file ([`Meeting::format`] says it).
//!
//! - [`parlamint`]: ParlaMint sittings (TEI, or plain text with the meta file beside it), before [`table`] and
//!   [`text`], whose extensions its files have;
//! - [`table`]: table corpora (`*.csv`, `*.tsv`, `*.jsonl`), one row per turn, any number of meetings per file;
//! - [`page`]: kremlin.ru pages (`*.html`, `*.htm`), read through the text layout;
//! - [`text`]: the kremlin.ru text layout (`*.txt`, and any file named explicitly that no other format claims).
//!
//! **Adding a format** is one module here and one line in [`FORMATS`], before the formats whose files it must take
//! from them (a format that reads some `*.txt` files comes before [`text`]). Walking a folder asks each format in
//! turn ([`Format::walk`]) and takes a file only when the first format that claims it reads it; a format may claim
//! a file to leave it out of the walk (a companion file it reads beside another, as a metadata table). A file is
//! read by the first format that [`Format::recognise`]s its path and first bytes; [`text`] recognises every file,
//! so it is last.

use std::path::Path;

use super::audit::Audit;
use super::model::Meeting;
use super::options::ReadOptions;
use super::source::{display, read_bounded, ReadError, ReadFile};
use super::warning::Warning;

pub mod page;
pub mod parlamint;
pub mod table;
pub mod text;

/// What a format does with a file met while walking a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Read it with this format.
    Read,
    /// Leave it out: this format reads it beside another file, not on its own.
    Companion,
}

/// One input format: how its files are recognised and read.
pub trait Format: Sync {
    /// Its name, which [`Meeting::format`] of what it reads says (`text`, `page`, `table`).
    fn name(&self) -> &'static str;

    /// What it reads, for messages: `transcript (.txt)`.
    fn files(&self) -> &'static str;

    /// Whether a file met while walking a folder is this format's (by its path only: files are not opened while
    /// walking); `None` leaves the file to the next format.
    fn walk(&self, path: &Path) -> Option<Claim>;

    /// Whether this format reads a file, by its path and its first bytes (`head`, possibly the whole file).
    fn recognise(&self, path: &Path, head: &[u8]) -> bool {
        let _ = head;
        self.walk(path) == Some(Claim::Read)
    }

    /// Reads one file's bytes; `path` names it in messages.
    fn read(&self, path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError>;
}

/// The formats, in the order they are asked (see the module docs).
pub static FORMATS: &[&dyn Format] = &[
    &parlamint::ParlaMint,
    &table::Table,
    &page::KremlinPage,
    &text::TextLayout,
];

/// One file read: its meetings, in the order of the file, and the audit of its lines.
#[derive(Debug, Clone)]
pub struct FileMeetings {
    /// The meetings (one for a transcript or a page, any number for a table).
    pub meetings: Vec<Meeting>,
    /// What became of each line of the file.
    pub audit: Audit,
}

/// What a format read of one file, with what it said about it.
#[derive(Debug)]
pub struct Reading {
    /// The meetings and the audit.
    pub file: FileMeetings,
    /// Warnings, in the order of the file.
    pub warnings: Vec<Warning>,
    /// Parts of the file that could not be read (the bad rows of a table), the rest read.
    pub errors: Vec<ReadError>,
}

impl From<(ReadFile, Vec<Warning>)> for Reading {
    fn from((file, warnings): (ReadFile, Vec<Warning>)) -> Reading {
        Reading {
            file: FileMeetings {
                meetings: vec![file.meeting],
                audit: file.audit,
            },
            warnings,
            errors: Vec::new(),
        }
    }
}

/// The format that reads a file of this path and first bytes.
pub fn format_of(path: &Path, head: &[u8]) -> &'static dyn Format {
    FORMATS
        .iter()
        .copied()
        .find(|f| f.recognise(path, head))
        .unwrap_or(&text::TextLayout)
}

/// Whether walking a folder reads this file: the first format that claims it reads it.
pub fn walked(path: &Path) -> bool {
    FORMATS.iter().find_map(|f| f.walk(path)) == Some(Claim::Read)
}

/// What the formats read, for messages, the catch-all first: `transcript (.txt), page (.html, .htm) or table (.csv,
/// .tsv, .jsonl)`.
pub fn looked_for() -> String {
    let mut all: Vec<&str> = FORMATS.iter().rev().map(|f| f.files()).collect();
    let last = all.pop().unwrap_or_default();
    if all.is_empty() {
        last.to_string()
    } else {
        format!("{} or {last}", all.join(", "))
    }
}

/// Reads one file with the format that recognises it.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Reading, ReadError> {
    let bytes = read_bounded(path)?;
    format_of(path, &bytes).read(&display(path), &bytes, options)
}

/// Whether `path` ends in `.EXT` for one of `extensions` (any case).
pub(crate) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_goes_to_its_format_and_text_takes_the_rest() {
        let name = |p: &str| format_of(Path::new(p), b"").name();
        assert_eq!(name("a/b.txt"), "text");
        assert_eq!(name("a/b.HTML"), "page");
        assert_eq!(name("a/b.htm"), "page");
        assert_eq!(name("a/b.csv"), "table");
        assert_eq!(name("a/b.TSV"), "table");
        assert_eq!(name("a/b.jsonl"), "table");
        assert_eq!(name("a/notes"), "text");
        assert!(walked(Path::new("a/b.txt")));
        assert!(walked(Path::new("a/b.jsonl")));
        assert!(!walked(Path::new("a/b.md")));
        assert!(!walked(Path::new("a/notes")));
        assert_eq!(name("P/ParlaMint-GB_2017-09-07-commons.txt"), "parlamint");
        assert_eq!(name("P/ParlaMint-GB_2017-09-07-commons.xml"), "parlamint");
        assert!(!walked(Path::new(
            "P/ParlaMint-GB_2017-09-07-commons-meta.tsv"
        )));
        assert!(!walked(Path::new("P/ParlaMint-GB.xml")));
        assert_eq!(
            looked_for(),
            "transcript (.txt), page (.html, .htm), table (.csv, .tsv, .jsonl) or ParlaMint sitting \
             (ParlaMint-XX_*.xml, or .txt with its -meta.tsv)"
        );
    }
}
