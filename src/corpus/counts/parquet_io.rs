//! Parquet tables of fixed schemas read back by column name, whatever order and nullability an engine that merged
//! them gave (they are written with [`crate::columnar`]).

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, ArrayRef, BooleanArray, Date32Array, Int64Array, StringArray};
use chrono::NaiveDate;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::{shown, CountsError};
use crate::columnar::ColumnType;

/// The days from 0001-01-01 to 1970-01-01.
const EPOCH_DAYS: i32 = 719_163;

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
    cols: &[(&str, ColumnType)],
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
        if *ty != kind.arrow() {
            return Err(bad(format!(
                "column '{name}' is {ty}, not {} (cast sums back to BIGINT after a merge)",
                kind.arrow()
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
