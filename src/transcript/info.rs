//! Tables of what the user knows of speakers or meetings (`--speaker-info`, `--meeting-info`): a CSV file with a
//! header, one key column (`speaker`; `meeting` or `file`) and any other columns, each an attribute named by its
//! header (lowercase, trimmed). Read whole before any transcript, so that a malformed file stops the run before any
//! work; which rows name a speaker or meeting of the corpus is decided later, by the caller.

use std::path::Path;

use super::lines::LineCounter;
use super::source::{read_bounded, ReadError};

/// One row of an info table: its line in the file, its key and its attributes (empty values left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoRow {
    /// 1-based line of the row in the file.
    pub line: usize,
    /// The value of the key column, trimmed.
    pub key: String,
    /// (attribute, value) pairs in column order.
    pub attributes: Vec<(String, String)>,
}

/// An info table, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoTable {
    /// The file, as given.
    pub path: String,
    /// The key column's name, as found (`speaker`, `meeting` or `file`).
    pub key: String,
    /// The rows in file order.
    pub rows: Vec<InfoRow>,
}

/// Why an info table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InfoError {
    /// The file could not be read.
    #[error("{0}")]
    Read(ReadError),
    /// A row is not CSV, or has another number of fields than the header.
    #[error("{path}:{line}: {message}")]
    Row {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The header has none of the key columns.
    #[error("{path}:1: no '{wanted}' column (the columns are: {found})")]
    NoKey {
        /// The file.
        path: String,
        /// The key columns looked for.
        wanted: String,
        /// The header's columns.
        found: String,
    },
    /// Two columns of the header have the same name.
    #[error("{path}:1: the column '{name}' is there twice")]
    Duplicate {
        /// The file.
        path: String,
        /// The column.
        name: String,
    },
}

/// Reads an info table whose key column is the first of `keys` its header has (names compared lowercase).
pub fn read_info(path: &Path, keys: &[&str]) -> Result<InfoTable, InfoError> {
    let bytes = read_bounded(path).map_err(InfoError::Read)?;
    parse_info(&path.display().to_string(), &bytes, keys)
}

/// [`read_info`] on bytes; `path` names them in messages.
pub fn parse_info(path: &str, bytes: &[u8], keys: &[&str]) -> Result<InfoTable, InfoError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let lines = std::cell::RefCell::new(LineCounter::new(bytes));
    let line_of =
        |p: Option<&csv::Position>| p.map_or(1, |p| lines.borrow_mut().line_at(p.byte() as usize));
    let row_error = |e: csv::Error| {
        let line = line_of(e.position());
        let message = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("{len} fields where the header has {expected_len}"),
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
            _ => e.to_string(),
        };
        InfoError::Row {
            path: path.to_string(),
            line,
            message,
        }
    };
    let header: Vec<String> = reader
        .headers()
        .map_err(row_error)?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    for (i, name) in header.iter().enumerate() {
        if header[..i].contains(name) {
            return Err(InfoError::Duplicate {
                path: path.to_string(),
                name: name.clone(),
            });
        }
    }
    let Some((key_at, key)) = keys.iter().find_map(|k| {
        header
            .iter()
            .position(|h| h == k)
            .map(|i| (i, k.to_string()))
    }) else {
        return Err(InfoError::NoKey {
            path: path.to_string(),
            wanted: keys.join("' or '"),
            found: header.join(", "),
        });
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(row_error)?;
        let line = line_of(record.position());
        let value = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let attributes = (0..header.len())
            .filter(|&i| i != key_at && !value(i).is_empty())
            .map(|i| (header[i].clone(), value(i)))
            .collect();
        rows.push(InfoRow {
            line,
            key: value(key_at),
            attributes,
        });
    }
    Ok(InfoTable {
        path: path.to_string(),
        key,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_and_attributes_by_lowercase_header() {
        let text = "\u{feff}Speaker, Country ,bloc\nВ.Путин,RU,CIS\n\"Токаев\",KZ,\n";
        let t = parse_info("s.csv", text.as_bytes(), &["speaker"]).unwrap();
        assert_eq!(t.key, "speaker");
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(
            t.rows[0].attributes,
            [
                ("country".into(), "RU".into()),
                ("bloc".into(), "CIS".into())
            ]
        );
        assert_eq!(t.rows[1].key, "Токаев");
        assert_eq!(t.rows[1].attributes, [("country".into(), "KZ".into())]);
    }

    #[test]
    fn lines_end_at_lf_crlf_or_a_lone_cr_and_a_quoted_newline_is_inside_its_row() {
        for (text, lines) in [
            ("speaker,x\rA,1\rB,2\r", [2, 3]),
            ("speaker,x\r\nA,1\r\n\r\nB,2\r\n", [2, 4]),
            ("speaker,x\nA,\"1\n2\"\nB,2\n", [2, 4]),
        ] {
            let t = parse_info("s.csv", text.as_bytes(), &["speaker"]).unwrap();
            let found: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
            assert_eq!(found, lines, "{text:?}");
        }
        let e = parse_info("s.csv", b"speaker,x\rA,1\rB\r", &["speaker"]).unwrap_err();
        assert_eq!(e.to_string(), "s.csv:3: 1 fields where the header has 2");
    }

    #[test]
    fn malformed_files_name_the_line() {
        let e = parse_info("s.csv", b"speaker,country\nA,RU\nB\n", &["speaker"]).unwrap_err();
        assert_eq!(e.to_string(), "s.csv:3: 1 fields where the header has 2");
        let e = parse_info("m.csv", b"name,x\n", &["meeting", "file"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "m.csv:1: no 'meeting' or 'file' column (the columns are: name, x)"
        );
        let e = parse_info("m.csv", b"file,x,X\n", &["meeting", "file"]).unwrap_err();
        assert_eq!(e.to_string(), "m.csv:1: the column 'x' is there twice");
        let e = parse_info("m.csv", b"file,x\na,\xff\n", &["file"]).unwrap_err();
        assert_eq!(e.to_string(), "m.csv:2: not UTF-8 text");
    }
}
