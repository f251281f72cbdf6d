//! A table's text to its header and rows of cells: CSV or TSV through the `csv` crate, JSON lines through
//! `serde_json` with the keys of each object kept in the order written.

use std::fmt;
use std::path::Path;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::transcript::lines::LineCounter;
use crate::transcript::source::TableError;

/// How a table's rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Delimited by this byte, fields possibly quoted.
    Delimited(u8),
    /// Comma-separated, or the delimiter the first line uses most (`;` or tab).
    Csv,
    /// One JSON object per line.
    JsonLines,
}

impl Kind {
    /// The kind of a file, by its extension.
    pub(super) fn of(path: &Path) -> Kind {
        let is = |e: &str| path.extension().is_some_and(|x| x.eq_ignore_ascii_case(e));
        if is("jsonl") {
            Kind::JsonLines
        } else if is("tsv") {
            Kind::Delimited(b'\t')
        } else {
            Kind::Csv
        }
    }
}

/// The cells of one row, by column (`None`: no value, a JSON key missing or `null`), or why the row is bad.
pub(super) type Cells = Result<Vec<Option<String>>, TableError>;

/// A table: its header, and its rows with the 1-based line each starts on.
pub(super) struct Rows<'a> {
    /// The column names as written (trimmed).
    pub header: Vec<String>,
    /// The rows after the header.
    pub records: Box<dyn Iterator<Item = (usize, Cells)> + 'a>,
}

/// The header and rows of a table's text.
pub(super) fn rows(text: &str, kind: Kind) -> Rows<'_> {
    match kind {
        Kind::JsonLines => json_lines(text),
        Kind::Delimited(delimiter) => delimited(text, delimiter),
        Kind::Csv => delimited(text, sniff(text)),
    }
}

/// The commonest of `,`, `;` and tab in the first line (`,` on a tie or when there is none).
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |b: u8| first.bytes().filter(|&c| c == b).count();
    let mut best = b',';
    for candidate in [b';', b'\t'] {
        if count(candidate) > count(best) {
            best = candidate;
        }
    }
    best
}

/// A delimited table: the first record is the header; a row of blank cells only is skipped.
fn delimited(text: &str, delimiter: u8) -> Rows<'_> {
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .into_records();
    let header: Vec<String> = match records.next() {
        Some(Ok(record)) => record.iter().map(|c| c.trim().to_string()).collect(),
        _ => Vec::new(),
    };
    let expected = header.len();
    let mut lines = LineCounter::new(text.as_bytes());
    let records = records.filter_map(move |record| {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = lines.line_at(e.position().map_or(0, |p| p.byte() as usize));
                return Some((line, Err(TableError::Csv(e.to_string()))));
            }
        };
        let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
        if record.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        if record.len() != expected {
            let error = TableError::Fields {
                found: record.len(),
                expected,
            };
            return Some((line, Err(error)));
        }
        Some((
            line,
            Ok(record.iter().map(|c| Some(c.to_string())).collect()),
        ))
    });
    Rows {
        header,
        records: Box::new(records),
    }
}

/// A JSON object's members in the order written (a repeated key: the first is kept).
struct Object(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut members: Vec<(String, Value)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    if !members.iter().any(|(k, _)| *k == key) {
                        members.push((key, value));
                    }
                }
                Ok(Object(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// What kind of JSON value a line holds, for the message that it is not an object.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// One line of a JSON lines file as an object, or why it is not one.
fn object(line: &str) -> Result<Object, TableError> {
    if line.starts_with('{') {
        return serde_json::from_str::<Object>(line).map_err(|e| TableError::Json(e.to_string()));
    }
    match serde_json::from_str::<Value>(line) {
        Ok(value) => Err(TableError::NotObject(json_kind(&value))),
        Err(e) => Err(TableError::Json(e.to_string())),
    }
}

/// A JSON value as a cell: a string as it is, `null` as no value, anything else as its JSON text.
fn cell(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// A JSON lines table: each non-blank line an object; the columns are the keys in order of first appearance.
fn json_lines(text: &str) -> Rows<'_> {
    let objects: Vec<(usize, Result<Object, TableError>)> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .map(|(n, line)| (n, object(line)))
        .collect();
    let mut header: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, object) in &objects {
        for (key, _) in object.iter().flat_map(|o| &o.0) {
            if !index.contains_key(key) {
                index.insert(key.clone(), header.len());
                header.push(key.clone());
            }
        }
    }
    let width = header.len();
    let records = objects.into_iter().map(move |(line, object)| {
        let cells = object.map(|object| {
            let mut cells = vec![None; width];
            for (key, value) in object.0 {
                cells[index[&key]] = cell(value);
            }
            cells
        });
        (line, cells)
    });
    Rows {
        header: header.iter().map(|h| h.trim().to_string()).collect(),
        records: Box::new(records),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, kind: Kind) -> (Vec<String>, Vec<(usize, Cells)>) {
        let rows = rows(text, kind);
        (rows.header, rows.records.collect())
    }

    #[test]
    fn csv_rows_keep_quoted_newlines_and_name_their_first_line() {
        let (header, records) = all(
            "speaker,text\r\nА,\"один\r\nдва\"\r\n\r\nБ,три\r\nВ\r\n",
            Kind::Csv,
        );
        assert_eq!(header, ["speaker", "text"]);
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].0, 2);
        assert_eq!(
            records[0].1.as_ref().unwrap()[1].as_deref(),
            Some("один\r\nдва")
        );
        assert_eq!(records[1].0, 5);
        assert_eq!(
            records[2],
            (
                6,
                Err(TableError::Fields {
                    found: 1,
                    expected: 2
                })
            )
        );
    }

    #[test]
    fn the_delimiter_of_a_csv_file_is_that_of_its_first_line() {
        assert_eq!(sniff("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff("a\tb\n"), b'\t');
        assert_eq!(sniff("a,b;c\n"), b',');
        assert_eq!(sniff("text\n"), b',');
    }

    #[test]
    fn json_lines_keep_key_order_and_tell_what_a_line_is_when_not_an_object() {
        let text = "{\"speaker\":\"А\",\"text\":\"x\",\"n\":3}\n\n[1]\n{\"text\":null,\"party\":\"P\"}\n5\n{bad\n";
        let (header, records) = all(text, Kind::JsonLines);
        assert_eq!(header, ["speaker", "text", "n", "party"]);
        assert_eq!(records.len(), 5);
        assert_eq!(
            records[0].1.as_ref().unwrap(),
            &[Some("А".into()), Some("x".into()), Some("3".into()), None]
        );
        assert_eq!(records[1], (3, Err(TableError::NotObject("array"))));
        assert_eq!(
            records[2].1.as_ref().unwrap(),
            &[None, None, None, Some("P".into())]
        );
        assert_eq!(records[3], (5, Err(TableError::NotObject("number"))));
        assert!(matches!(records[4], (6, Err(TableError::Json(_)))));
    }
}
