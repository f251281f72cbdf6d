//! Parquet tables of fixed schemas: rows written through column getters (in row groups, to a temporary name then
//! renamed) and read back by column name, whatever order and nullability an engine that merged them gave.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::{shown, CountsError};

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// UTF-8 text, never null.
    Str,
    /// A 64-bit integer (a count), never null.
    Int,
    /// A boolean, never null.
    Bool,
    /// A day, null when unknown.
    Date,
}

impl Kind {
    fn data_type(self) -> DataType {
        match self {
            Kind::Str => DataType::Utf8,
            Kind::Int => DataType::Int64,
            Kind::Bool => DataType::Boolean,
            Kind::Date => DataType::Date32,
        }
    }
}

/// One cell of a row as written.
pub(super) enum Cell<'a> {
    Str(&'a str),
    Int(i64),
    Bool(bool),
    Date(Option<NaiveDate>),
}

/// A column: its name, type, and how a row gives its cell.
pub(super) struct Col<R> {
    pub name: &'static str,
    pub kind: Kind,
    pub get: for<'a> fn(&'a R) -> Cell<'a>,
}

/// Rows per row group.
const GROUP: usize = 1 << 16;

/// The days from 0001-01-01 to 1970-01-01.
const EPOCH_DAYS: i32 = 719_163;

fn schema<R>(cols: &[Col<R>]) -> SchemaRef {
    Arc::new(Schema::new(
        cols.iter()
            .map(|c| Field::new(c.name, c.kind.data_type(), c.kind == Kind::Date))
            .collect::<Vec<Field>>(),
    ))
}

fn column<R>(col: &Col<R>, rows: &[R]) -> ArrayRef {
    match col.kind {
        Kind::Str => {
            let mut b = StringBuilder::new();
            for r in rows {
                if let Cell::Str(s) = (col.get)(r) {
                    b.append_value(s);
                }
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::with_capacity(rows.len());
            for r in rows {
                if let Cell::Int(n) = (col.get)(r) {
                    b.append_value(n);
                }
            }
            Arc::new(b.finish())
        }
        Kind::Bool => {
            let mut b = BooleanBuilder::with_capacity(rows.len());
            for r in rows {
                if let Cell::Bool(v) = (col.get)(r) {
                    b.append_value(v);
                }
            }
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::with_capacity(rows.len());
            for r in rows {
                if let Cell::Date(d) = (col.get)(r) {
                    b.append_option(d.map(|d| chrono::Datelike::num_days_from_ce(&d) - EPOCH_DAYS));
                }
            }
            Arc::new(b.finish())
        }
    }
}

/// Writes `rows` to `path` (snappy, fixed row groups: the same rows give the same bytes), to a temporary name in
/// the same folder first, then renamed.
pub(super) fn write_rows<R>(path: &Path, cols: &[Col<R>], rows: &[R]) -> Result<(), CountsError> {
    let io = |cause: std::io::Error| CountsError::Io {
        path: shown(path),
        cause,
    };
    let pq = |e: parquet::errors::ParquetError| CountsError::Bad {
        path: shown(path),
        what: format!("cannot write Parquet: {e}"),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("counts");
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let schema = schema(cols);
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(GROUP))
        .build();
    let result = (|| {
        let file = File::create(&temporary).map_err(io)?;
        let mut writer = ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(pq)?;
        for chunk in rows.chunks(GROUP) {
            let arrays: Vec<ArrayRef> = cols.iter().map(|c| column(c, chunk)).collect();
            let batch =
                RecordBatch::try_new(schema.clone(), arrays).map_err(|e| CountsError::Bad {
                    path: shown(path),
                    what: e.to_string(),
                })?;
            writer.write(&batch).map_err(pq)?;
        }
        let file = writer.into_inner().map_err(pq)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&temporary, path).map_err(io)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// The columns of one batch read, in the order asked.
pub(super) struct Batch {
    cols: Vec<ArrayRef>,
}

impl Batch {
    /// Text of column `c` at row `i` (null: empty).
    pub fn str(&self, c: usize, i: usize) -> &str {
        let a = self.cols[c].as_any().downcast_ref::<StringArray>();
        match a {
            Some(a) if a.is_valid(i) => a.value(i),
            _ => "",
        }
    }

    /// Integer of column `c` at row `i` (null: 0).
    pub fn int(&self, c: usize, i: usize) -> i64 {
        match self.cols[c].as_any().downcast_ref::<Int64Array>() {
            Some(a) if a.is_valid(i) => a.value(i),
            _ => 0,
        }
    }

    /// Boolean of column `c` at row `i` (null: false).
    pub fn bool(&self, c: usize, i: usize) -> bool {
        match self.cols[c].as_any().downcast_ref::<BooleanArray>() {
            Some(a) if a.is_valid(i) => a.value(i),
            _ => false,
        }
    }

    /// Date of column `c` at row `i`.
    pub fn date(&self, c: usize, i: usize) -> Option<NaiveDate> {
        match self.cols[c].as_any().downcast_ref::<Date32Array>() {
            Some(a) if a.is_valid(i) => {
                NaiveDate::from_num_days_from_ce_opt(a.value(i) + EPOCH_DAYS)
            }
            _ => None,
        }
    }
}

/// Reads `path`, whose columns named in `cols` must have those types (other columns are ignored), handing each
/// batch and its number of rows to `f`.
pub(super) fn read_rows(
    path: &Path,
    cols: &[(&str, Kind)],
    mut f: impl FnMut(&Batch, usize) -> Result<(), CountsError>,
) -> Result<(), CountsError> {
    let bad = |what: String| CountsError::Bad {
        path: shown(path),
        what,
    };
    let file = File::open(path).map_err(|cause| CountsError::Io {
        path: shown(path),
        cause,
    })?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| bad(format!("not a Parquet file of stenogram counts ({e})")))?;
    let found = builder.schema().clone();
    let mut index = Vec::with_capacity(cols.len());
    for (name, kind) in cols {
        let Ok(i) = found.index_of(name) else {
            return Err(bad(format!(
                "no column '{name}': not a file of stenogram counts, or of another layout"
            )));
        };
        let ty = found.field(i).data_type();
        if *ty != kind.data_type() {
            return Err(bad(format!(
                "column '{name}' is {ty}, not {} (cast sums back to BIGINT after a merge)",
                kind.data_type()
            )));
        }
        index.push(i);
    }
    let reader = builder
        .build()
        .map_err(|e| bad(format!("cannot read Parquet: {e}")))?;
    for batch in reader {
        let batch = batch.map_err(|e| bad(format!("cannot read Parquet: {e}")))?;
        let b = Batch {
            cols: index.iter().map(|&i| batch.column(i).clone()).collect(),
        };
        f(&b, batch.num_rows())?;
    }
    Ok(())
}
