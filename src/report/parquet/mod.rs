//! The tables as Parquet (`--format parquet|both`): one `NAME.parquet` beside or instead of each `NAME.csv`, with
//! the same columns in the same order, typed as the row type declares them ([`super::spool::Row::TYPES`]):
//! 64-bit integers, 64-bit floats, booleans, UTF-8 strings and dates (days, `Date32`). An
//! undefined measure (`NaN` in the CSV) and an empty date are nulls; a word such as `nan` or `null` stays a string.
//! Files are snappy-compressed and written in row groups of [`ROW_GROUP`] rows as the rows come ([`ParquetFile`]),
//! so a table of millions of rows (`matrix`) is never held whole; tables made group by group spool each group's rows
//! as Arrow IPC ([`super::spool::arrow`]) and are assembled in group order, as their CSV is.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::write::WriteError;

pub use crate::columnar::{Batcher, ColumnType, Columns, ParquetFile, BATCH, ROW_GROUP};

/// Which files the tables are written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableFormat {
    /// CSV only (the default).
    #[default]
    Csv,
    /// Parquet only.
    Parquet,
    /// CSV and Parquet.
    Both,
}

impl TableFormat {
    /// Whether CSV files are written.
    pub fn csv(self) -> bool {
        self != TableFormat::Parquet
    }

    /// Whether Parquet files are written.
    pub fn parquet(self) -> bool {
        self != TableFormat::Csv
    }

    /// The name a text gives the table `file` (`freq.csv`, `speakers/NAME.csv`): its Parquet twin under
    /// `--format parquet`, the CSV otherwise (with both formats the page is the CSV report's, each CSV with its twin
    /// beside it); any other file (a chart, `consensus.nwk`) as it is. Texts name a table by its CSV name;
    /// [`super::named`] applies this to every table a text names.
    pub fn named(self, file: &str) -> std::borrow::Cow<'_, str> {
        match file.strip_suffix(".csv") {
            Some(stem) if self == TableFormat::Parquet => format!("{stem}.parquet").into(),
            _ => file.into(),
        }
    }

    /// The files written for the table `name` (`freq.csv`): the CSV, its Parquet twin, or both; any other file
    /// (a chart, `consensus.nwk`) as it is.
    pub fn files(self, name: &str) -> Vec<String> {
        let Some(stem) = name.strip_suffix(".csv") else {
            return vec![name.to_string()];
        };
        let mut files = Vec::new();
        if self.csv() {
            files.push(name.to_string());
        }
        if self.parquet() {
            files.push(format!("{stem}.parquet"));
        }
        files
    }
}

/// The Parquet twin of a CSV path (`out/freq.csv` → `out/freq.parquet`).
pub fn twin(csv: &Path) -> PathBuf {
    csv.with_extension("parquet")
}

/// Writes `rows` as the Parquet table `path` with `columns`.
pub fn write_parquet<T: Serialize>(
    path: &Path,
    columns: Columns,
    rows: &[T],
) -> Result<(), WriteError> {
    Ok(crate::columnar::write_rows(path, columns, rows)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_name_their_files() {
        assert_eq!(TableFormat::Csv.files("freq.csv"), ["freq.csv"]);
        assert_eq!(
            TableFormat::Parquet.files("speakers/А.csv"),
            ["speakers/А.parquet"]
        );
        assert_eq!(
            TableFormat::Both.files("freq.csv"),
            ["freq.csv", "freq.parquet"]
        );
        assert_eq!(
            TableFormat::Parquet.files("top_words.png"),
            ["top_words.png"]
        );
        assert_eq!(
            TableFormat::Parquet.named("speakers/А.csv"),
            "speakers/А.parquet"
        );
        assert_eq!(TableFormat::Both.named("freq.csv"), "freq.csv");
        assert_eq!(TableFormat::Csv.named("freq.csv"), "freq.csv");
        assert_eq!(TableFormat::Parquet.named("consensus.nwk"), "consensus.nwk");
    }
}
