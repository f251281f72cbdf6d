//! Table corpora: `*.csv`, `*.tsv` and `*.jsonl` files with one row per turn (or per speech), any number of meetings
//! per file.
//!
//! **Columns** (`columns.rs`) are found by their names, in any case (spaces and hyphens read as `_`): the text in
//! `text`, `speech` or `content`; the speaker in `speaker` or `name`; the meeting in `meeting`, `doc_id` or `file`;
//! the date in `date` (`YYYY-MM-DD`, a time after it ignored); optionally the meeting's `title`, the `turn` (the
//! order of the rows of a meeting) and `interpreted` (`true`/`1`/`yes`/`да`). `--columns` names them otherwise
//! ([`crate::transcript::TableColumns`]). Every other column is an attribute of each turn
//! ([`crate::transcript::Turn::attributes`]), named in lowercase; one whose value is the same on every row of a
//! meeting is also an attribute of the meeting ([`crate::transcript::Meeting::attributes`]). Empty cells give no
//! attribute.
//!
//! **Rows** (`rows.rs`): a CSV file's delimiter is the commonest of `,`, `;` and tab in its first line (`,` on a
//! tie), a TSV file's is tab; both may quote fields (`"…"`, quotes doubled inside), so a cell may hold newlines. A
//! JSON lines file holds one object per line; its columns are the keys of all its objects in order of first
//! appearance, a string value is the cell, a number or boolean its JSON text, `null` no value. Blank lines are
//! skipped.
//!
//! **Meetings** (`meetings.rs`): the rows of one meeting value make one meeting, in the order of its first row in
//! the file; rows keep their order in the file unless the `turn` column numbers every row of the meeting. A table
//! without a meeting column is one meeting named by the file stem (as is a row whose meeting cell is empty). A text
//! cell is the turn's paragraphs (one a line), each split as a transcript's paragraph is, so `[Аплодисменты.]` is
//! an annotation, not speech; an empty text cell is a turn without words. The speaker cell is the turn's label: a
//! remark in parentheses at its end is the label's remark (`(как переведено)` marks the turn interpreted), and the
//! speaker is resolved over the whole corpus as labels are. The meeting's date is its first row's (a bad date is a
//! warning naming the line, and the meeting has none; with no date column, a `YYYY-MM-DD` at the start of the
//! meeting id gives it), its title its first non-empty title cell.
//!
//! **Errors.** A table without a text or a speaker column is an error naming both the names looked for and the
//! columns it has, and so is a table whose text cells are all `true` or `false` (a mark, not speech: the `content`
//! column of a stenogram report's `freq.csv`, beside its `speaker` column). A table met while walking a folder is
//! then only noted, so that the `MANIFEST.tsv` or `aliases.csv` beside transcripts is not an error (and a folder
//! holding a report is not walked at all; see [`crate::transcript::walk`]). A header with no row is an
//! error. A bad row (a number of fields other than the header's, a line that is not a JSON object, no speaker, no
//! text key) is an error naming the file and the line it starts on, and the other rows are read.
//!
//! **The audit** counts rows, not lines: the header as metadata, each row read as a turn line, each bad row as
//! unclassified. **Memory**: a table file is read whole (the read window of [`mod@crate::transcript::ingest`] bounds
//! the files read ahead of the merge, and a file bigger than its bound is read alone), and its meetings are kept
//! until they are handed on.

mod columns;
mod meetings;
mod rows;

use std::path::Path;

use crate::transcript::audit::Audit;
use crate::transcript::options::ReadOptions;
use crate::transcript::source::{decode_named, replaced_warnings, ReadError, TableError};
use crate::transcript::warning::Warning;

use super::{has_extension, Claim, FileMeetings, Format, Reading};
use columns::layout;
use meetings::Builder;
use rows::{rows, Kind};

/// A table corpus.
pub struct Table;

impl Format for Table {
    fn name(&self) -> &'static str {
        "table"
    }

    fn files(&self) -> &'static str {
        "table (.csv, .tsv, .jsonl)"
    }

    fn walk(&self, path: &Path) -> Option<Claim> {
        has_extension(path, &["csv", "tsv", "jsonl"]).then_some(Claim::Read)
    }

    fn read(&self, path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
        read_table(path, bytes, options)
    }
}

/// Reads one table corpus' bytes; `path` names it in messages, and its extension says how rows are written
/// (`.jsonl`: JSON lines, `.tsv`: tab-separated, else comma-separated or the delimiter of the first line).
pub fn read_table(path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
    let decoded = decode_named(path, bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_string(),
        });
    }
    let table_error = |line, error| ReadError::Table {
        path: path.to_string(),
        line,
        error,
    };
    let kind = Kind::of(Path::new(path));
    let mut warnings: Vec<Warning> = replaced_warnings(&decoded.replaced, false);
    if decoded.encoding != "UTF-8" {
        warnings.insert(0, Warning::not_utf8(decoded.encoding));
    }
    let rows = rows(&decoded.text, kind);
    if rows.header.is_empty() && kind == Kind::JsonLines {
        // JSON lines of which none is an object with a key: what is wrong is each line.
        let errors: Vec<ReadError> = rows
            .records
            .filter_map(|(line, cells)| Some(table_error(Some(line), cells.err()?)))
            .collect();
        if !errors.is_empty() {
            return Ok(unreadable(path, errors, warnings));
        }
        return Err(table_error(
            None,
            layout(&[], &options.columns, &mut warnings)
                .err()
                .unwrap_or(TableError::NoRows),
        ));
    }
    let layout =
        layout(&rows.header, &options.columns, &mut warnings).map_err(|e| table_error(None, e))?;
    let mut builder = Builder::new(path, decoded.encoding, &layout, options);
    let mut any = false;
    for (line, cells) in rows.records {
        any = true;
        builder.row(line, cells);
    }
    if !any {
        return Err(table_error(None, TableError::NoRows));
    }
    if builder.is_a_mark() {
        let column = layout.header[layout.text].clone();
        return Err(table_error(None, TableError::NotSpeech { column }));
    }
    let mut reading = builder.finish();
    warnings.append(&mut reading.warnings);
    reading.warnings = warnings;
    Ok(reading)
}

/// A table none of whose rows could be read: no meeting, each row's error.
fn unreadable(path: &str, errors: Vec<ReadError>, warnings: Vec<Warning>) -> Reading {
    let audit = Audit {
        file: path.to_string(),
        lines: errors.len(),
        unclassified: errors.len(),
        ..Audit::default()
    };
    Reading {
        file: FileMeetings {
            meetings: Vec::new(),
            audit,
        },
        warnings,
        errors,
    }
}
