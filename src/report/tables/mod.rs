//! The CSV tables: long (tidy) format, UTF-8 with a header, deterministic row order, numbers written in the
//! shortest form that reads back to the same `f64` (so they compare at any tolerance), empty where undefined.
//!
//! **A registry.** Each table family is one file here: it owns its row type (or borrows the stats type it writes)
//! with the header ([`Row::HEADER`]), shapes its rows from the analysed corpus, writes its files and says on the
//! page what they hold. [`TABLES`] lists them in the order the page shows them, which is also the order they are
//! made in: a table may use what an earlier one left in [`Made`](super::Made). A new table is one new file plus one
//! line in [`TABLES`]; the smallest, [`transitions`], shows the whole shape:
//!
//! ```ignore
//! #[derive(Serialize)]
//! pub struct TransitionRow { pub from: String, pub to: String, pub count: usize }
//!
//! impl Row for TransitionRow { const HEADER: &'static str = "from,to,count"; }
//!
//! pub struct Transitions;
//!
//! impl Table for Transitions {
//!     fn phase(&self) -> &'static str { "transitions" }
//!     fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
//!         let rows: Vec<TransitionRow> = /* from cx.corpus */;
//!         write_table(cx, FILE, ABOUT, &rows)
//!     }
//! }
//! ```

use serde::Serialize;

use super::write::{write_csv, WriteError};
use super::Context;

pub mod audit;
pub mod collocations;
pub mod freq;
pub mod keyness;
pub mod lexdiv;
pub mod meetings;
pub mod meetings_by_speaker;
pub mod speakers;
pub mod transitions;
pub mod trends;
pub mod turn_lengths;
pub mod turns;

/// Every table family, in the order of the page (and of making them).
pub static TABLES: &[&dyn Table] = &[
    &speakers::Speakers,
    &turn_lengths::TurnLengths,
    &lexdiv::LexDiv,
    &freq::Freq,
    &collocations::Collocations,
    &keyness::Keyness,
    &meetings_by_speaker::MeetingsBySpeaker,
    &trends::Trends,
    &meetings::Meetings,
    &turns::Turns,
    &transitions::Transitions,
    &audit::AuditTable,
];

/// A table family: how its files are made and written.
pub trait Table: Sync {
    /// The tables of the family: (file name, header), in page order.
    fn files(&self) -> Vec<(&'static str, &'static str)>;
    /// What the progress display says while the table is made.
    fn phase(&self) -> &'static str;
    /// Makes the family's rows from `cx`, writes its files, leaves in `cx.made` what later tables, the charts and
    /// the page need, and returns a preview of each of its tables, in page order (files that are not previewed,
    /// such as `speakers/NAME.csv`, go to `cx.made.files`).
    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError>;
}

/// A row of a table, as written to CSV.
pub trait Row: Serialize {
    /// The header: the row's field names in order, comma-separated (written on its own when a table is empty).
    const HEADER: &'static str;

    /// Appends the row's CSV line to `out`, byte for byte what the `csv` crate writes for it. The default goes
    /// through the `csv` crate; a table of millions of rows may write faster.
    fn append(&self, out: &mut Vec<u8>) -> Result<(), csv::Error> {
        append_csv(self, out)
    }
}

/// Appends a row's CSV line to `out` through the `csv` crate (no header).
pub fn append_csv<T: Serialize + ?Sized>(row: &T, out: &mut Vec<u8>) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(std::mem::take(out));
    let written = w.serialize(row);
    *out = w.into_inner().map_err(|e| e.into_error())?;
    written
}

/// Writes `rows` as the table `file` (a name in the output directory) and returns its preview.
pub fn write_table<R: Row>(
    cx: &Context,
    file: &'static str,
    about: &'static str,
    rows: &[R],
) -> Result<Vec<Preview>, WriteError> {
    write_rows(cx, file, rows)?;
    Ok(vec![Preview::new(
        file,
        about,
        R::HEADER,
        rows,
        rows.len(),
        cx.config.top,
    )])
}

/// Writes `rows` as the table `file`.
pub fn write_rows<R: Row>(cx: &Context, file: &str, rows: &[R]) -> Result<(), WriteError> {
    let header: Vec<&str> = R::HEADER.split(',').collect();
    write_csv(&cx.config.out.join(file), rows, &header)
}

/// What the page shows of a table: its file, what it holds, and its first rows as text.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The file, relative to the output directory.
    pub file: String,
    /// What the table holds, in a sentence.
    pub about: &'static str,
    /// The column names.
    pub columns: Vec<&'static str>,
    /// The first rows: each cell's text, and whether it is a number (right-aligned).
    pub rows: Vec<Vec<(String, bool)>>,
    /// Rows in the table.
    pub total: usize,
    /// The most rows a preview shows.
    pub limit: usize,
}

impl Preview {
    /// The preview of a table of `total` rows whose first rows are `rows`, showing up to `limit` of them.
    pub fn new<T: Serialize>(
        file: &str,
        about: &'static str,
        header: &'static str,
        rows: &[T],
        total: usize,
        limit: usize,
    ) -> Preview {
        let columns: Vec<&'static str> = header.split(',').collect();
        let rows = rows
            .iter()
            .take(limit)
            .map(|row| {
                let value = serde_json::to_value(row).unwrap_or_default();
                columns
                    .iter()
                    .map(|c| cell(value.get(*c).unwrap_or(&serde_json::Value::Null)))
                    .collect()
            })
            .collect();
        Preview {
            file: file.to_string(),
            about,
            columns,
            rows,
            total,
            limit,
        }
    }
}

/// A value as the page shows it: integers as they are, other numbers with four decimals, nothing for undefined.
fn cell(v: &serde_json::Value) -> (String, bool) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                (i.to_string(), true)
            } else if let Some(f) = n.as_f64() {
                (format!("{f:.4}"), true)
            } else {
                (n.to_string(), true)
            }
        }
        serde_json::Value::Null => (String::new(), false),
        serde_json::Value::Bool(b) => (b.to_string(), false),
        serde_json::Value::String(s) => (s.clone(), false),
        other => (other.to_string(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample<'a> {
        name: &'a str,
        count: u64,
        share: Option<f64>,
    }

    impl Row for Sample<'_> {
        const HEADER: &'static str = "name,count,share";
    }

    #[test]
    fn rows_append_what_the_csv_crate_writes_and_previews_format_cells() {
        let rows = [
            Sample {
                name: "a, \"b\"",
                count: 3,
                share: Some(0.25),
            },
            Sample {
                name: "c",
                count: 0,
                share: None,
            },
        ];
        let mut out = Vec::new();
        for r in &rows {
            r.append(&mut out).unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "\"a, \"\"b\"\"\",3,0.25\nc,0,\n");
        let preview = Preview::new("t.csv", "", Sample::HEADER, &rows, 2, 1);
        assert_eq!(preview.columns, ["name", "count", "share"]);
        assert_eq!(
            preview.rows,
            [vec![
                ("a, \"b\"".to_string(), false),
                ("3".to_string(), true),
                ("0.2500".to_string(), true)
            ]]
        );
    }
}
