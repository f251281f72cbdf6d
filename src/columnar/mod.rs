//! Typed Parquet tables written as their rows come: a row type declares its columns (a header `a,b,c` and types
//! `str,int,f64`: [`Columns`]), rows are flattened to cells by a serde serializer the way the `csv` crate flattens
//! them ([`mod@cells`]), gathered into Arrow record batches ([`Batcher`]) and written in row groups of [`ROW_GROUP`]
//! rows to a temporary file renamed into place when finished ([`ParquetFile`]), so a table of millions of rows is
//! never held whole. Types: 64-bit integers, 64-bit floats (`NaN` written as null), booleans, UTF-8 strings and
//! dates (days, `Date32`; an empty date is null). Snappy-compressed; the same rows give the same bytes.
//!
//! A leaf: the report's tables ([`crate::report`]) and the counts of a shard ([`crate::corpus::counts`]) are both
//! written with it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde::Serialize;

pub mod cells;

use cells::{cells, Cell};

/// Rows of a record batch (the unit rows are converted and spooled in).
pub const BATCH: usize = 1 << 13;
/// Rows of a Parquet row group.
pub const ROW_GROUP: usize = 1 << 16;

/// A table that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ColumnarError {
    /// Creating, writing or renaming the file failed.
    #[error("{path}: cannot write: {cause}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        cause: std::io::Error,
    },
    /// Parquet writing failed, or a row did not fit the columns its type declares.
    #[error("{path}: cannot write Parquet: {cause}")]
    Parquet {
        /// The file.
        path: String,
        /// What went wrong.
        cause: String,
    },
}

/// A temporary file in `dir` (made if missing) whose name starts with `.stenogram-` and ends with `suffix`,
/// readable as files made by the user's programs are (mode 0666 less the umask, not tempfile's 0600), to be renamed
/// into place when finished.
pub fn temp_file(dir: &Path, suffix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let make = || {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".stenogram-").suffix(suffix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        builder.tempfile_in(dir)
    };
    match make() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir)?;
            make()
        }
        other => other,
    }
}

/// The type of a column, as a row type declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// `str`: UTF-8 text.
    Str,
    /// `int`: an integer, written as a signed 64-bit integer (counts too: an unsigned column would wrap around
    /// when a reader subtracts two counts).
    Int,
    /// `f64`: a float (`NaN` written as null).
    F64,
    /// `bool`.
    Bool,
    /// `date`: a calendar date (`YYYY-MM-DD` in the CSV; empty is null).
    Date,
}

impl ColumnType {
    fn parse(name: &str) -> Option<ColumnType> {
        Some(match name {
            "str" => ColumnType::Str,
            "int" => ColumnType::Int,
            "f64" => ColumnType::F64,
            "bool" => ColumnType::Bool,
            "date" => ColumnType::Date,
            _ => return None,
        })
    }

    /// The Arrow type a column of this type is written as.
    pub fn arrow(self) -> DataType {
        match self {
            ColumnType::Str => DataType::Utf8,
            ColumnType::Int => DataType::Int64,
            ColumnType::F64 => DataType::Float64,
            ColumnType::Bool => DataType::Boolean,
            ColumnType::Date => DataType::Date32,
        }
    }

    fn builder(self) -> Box<dyn ArrayBuilder> {
        match self {
            ColumnType::Str => Box::new(StringBuilder::new()),
            ColumnType::Int => Box::new(Int64Builder::new()),
            ColumnType::F64 => Box::new(Float64Builder::new()),
            ColumnType::Bool => Box::new(BooleanBuilder::new()),
            ColumnType::Date => Box::new(Date32Builder::new()),
        }
    }
}

/// The columns of a table: names and types, and the Arrow schema they make.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Column names, as in the CSV header.
    pub names: Vec<&'static str>,
    /// Column types.
    pub types: Vec<ColumnType>,
    /// The schema (every column nullable).
    pub schema: SchemaRef,
}

impl Columns {
    /// The columns of a header (`a,b,c`) and the types of its columns (`str,int,f64`); a type that is not one of
    /// [`ColumnType`]'s names, or a count that differs from the header's, is a bug of the row type and an error.
    pub fn new(header: &'static str, types: &'static str) -> Result<Columns, String> {
        let names: Vec<&'static str> = header.split(',').collect();
        let types: Vec<ColumnType> = types
            .split(',')
            .map(|t| {
                ColumnType::parse(t.trim()).ok_or_else(|| format!("unknown column type '{t}'"))
            })
            .collect::<Result<_, _>>()?;
        if names.len() != types.len() {
            return Err(format!(
                "{} columns ({header}) but {} types",
                names.len(),
                types.len()
            ));
        }
        let fields: Vec<Field> = names
            .iter()
            .zip(&types)
            .map(|(n, t)| Field::new(*n, t.arrow(), true))
            .collect();
        Ok(Columns {
            names,
            types,
            schema: Arc::new(Schema::new(fields)),
        })
    }
}

/// Rows turned into typed Arrow columns, a batch at a time.
pub struct Batcher {
    columns: Columns,
    builders: Vec<Box<dyn ArrayBuilder>>,
    cells: Vec<Cell>,
    /// Rows in the batch being built.
    pub rows: usize,
}

impl Batcher {
    /// A batcher of rows with `columns`.
    pub fn new(columns: Columns) -> Batcher {
        let builders = columns.types.iter().map(|t| t.builder()).collect();
        Batcher {
            columns,
            builders,
            cells: Vec::new(),
            rows: 0,
        }
    }

    /// The columns.
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Adds a row; a row whose cells do not fit the declared columns is an error saying which column.
    pub fn push<T: Serialize + ?Sized>(&mut self, row: &T) -> Result<(), String> {
        cells(row, &mut self.cells).map_err(|e| e.to_string())?;
        if self.cells.len() != self.columns.types.len() {
            return Err(format!(
                "a row of {} values for {} columns",
                self.cells.len(),
                self.columns.types.len()
            ));
        }
        for ((cell, ty), (builder, name)) in self
            .cells
            .iter()
            .zip(&self.columns.types)
            .zip(self.builders.iter_mut().zip(&self.columns.names))
        {
            append(builder.as_mut(), *ty, cell)
                .map_err(|()| format!("column {name} ({ty:?}) cannot hold {cell:?}"))?;
        }
        self.rows += 1;
        Ok(())
    }

    /// The rows pushed since the last batch, as a record batch; the batcher starts a new one.
    pub fn batch(&mut self) -> RecordBatch {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(|b| b.finish()).collect();
        self.rows = 0;
        RecordBatch::try_new(self.columns.schema.clone(), arrays)
            .expect("the builders are the schema's types")
    }
}

/// Appends a cell to a builder of the column type `ty` (made by [`ColumnType::builder`]).
fn append(builder: &mut dyn ArrayBuilder, ty: ColumnType, cell: &Cell) -> Result<(), ()> {
    let any = builder.as_any_mut();
    match ty {
        ColumnType::Str => {
            let b = any.downcast_mut::<StringBuilder>().ok_or(())?;
            match cell {
                Cell::Str(s) => b.append_value(s),
                Cell::Null => b.append_null(),
                _ => return Err(()),
            }
        }
        ColumnType::Int => {
            let b = any.downcast_mut::<Int64Builder>().ok_or(())?;
            match *cell {
                Cell::Int(v) => b.append_value(v),
                Cell::UInt(v) => b.append_value(i64::try_from(v).map_err(|_| ())?),
                Cell::Null => b.append_null(),
                _ => return Err(()),
            }
        }
        ColumnType::F64 => {
            let b = any.downcast_mut::<Float64Builder>().ok_or(())?;
            match *cell {
                Cell::Float(v) if v.is_nan() => b.append_null(),
                Cell::Float(v) => b.append_value(v),
                Cell::UInt(v) => b.append_value(v as f64),
                Cell::Int(v) => b.append_value(v as f64),
                Cell::Null => b.append_null(),
                _ => return Err(()),
            }
        }
        ColumnType::Bool => {
            let b = any.downcast_mut::<BooleanBuilder>().ok_or(())?;
            match *cell {
                Cell::Bool(v) => b.append_value(v),
                Cell::Null => b.append_null(),
                _ => return Err(()),
            }
        }
        ColumnType::Date => {
            let b = any.downcast_mut::<Date32Builder>().ok_or(())?;
            match cell {
                Cell::Str(s) if s.is_empty() => b.append_null(),
                Cell::Str(s) => b.append_value(days(s).ok_or(())?),
                Cell::Null => b.append_null(),
                _ => return Err(()),
            }
        }
    }
    Ok(())
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(text: &str) -> Option<i32> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(date.signed_duration_since(epoch).num_days()).ok()
}

/// A Parquet table being written: rows are batched, batches buffered by the writer into row groups of
/// [`ROW_GROUP`] rows and flushed to a temporary file as each fills; [`ParquetFile::finish`] renames it into place.
pub struct ParquetFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
    writer: ArrowWriter<std::io::BufWriter<std::fs::File>>,
    batcher: Batcher,
}

impl ParquetFile {
    /// Starts the table `path` with `columns`.
    pub fn create(path: &Path, columns: Columns) -> Result<ParquetFile, ColumnarError> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let io = |cause| ColumnarError::Io {
            path: path.display().to_string(),
            cause,
        };
        let tmp = temp_file(dir, ".tmp").map_err(io)?;
        let file = tmp.reopen().map_err(io)?;
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .set_created_by(format!("stenogram {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(
            std::io::BufWriter::with_capacity(1 << 16, file),
            columns.schema.clone(),
            Some(properties),
        )
        .map_err(parquet_error(path))?;
        Ok(ParquetFile {
            path: path.to_path_buf(),
            tmp,
            writer,
            batcher: Batcher::new(columns),
        })
    }

    /// Adds a row.
    pub fn push<T: Serialize + ?Sized>(&mut self, row: &T) -> Result<(), ColumnarError> {
        self.batcher
            .push(row)
            .map_err(|cause| ColumnarError::Parquet {
                path: self.path.display().to_string(),
                cause,
            })?;
        if self.batcher.rows >= BATCH {
            let batch = self.batcher.batch();
            self.write(&batch)?;
        }
        Ok(())
    }

    /// Adds a record batch of the table's columns.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), ColumnarError> {
        self.writer.write(batch).map_err(parquet_error(&self.path))
    }

    /// Writes the rest, closes the file and renames it into place.
    pub fn finish(mut self) -> Result<(), ColumnarError> {
        if self.batcher.rows > 0 {
            let batch = self.batcher.batch();
            self.write(&batch)?;
        }
        let path = self.path;
        let io = |cause| ColumnarError::Io {
            path: path.display().to_string(),
            cause,
        };
        let mut out = self.writer.into_inner().map_err(parquet_error(&path))?;
        std::io::Write::flush(&mut out).map_err(io)?;
        drop(out);
        self.tmp.persist(&path).map_err(|e| io(e.error))?;
        Ok(())
    }
}

/// A Parquet error as a [`ColumnarError`] naming `path`.
pub fn parquet_error(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> ColumnarError + '_ {
    move |e| ColumnarError::Parquet {
        path: path.display().to_string(),
        cause: e.to_string(),
    }
}

/// Writes `rows` as the Parquet table `path` with `columns`.
pub fn write_rows<T: Serialize>(
    path: &Path,
    columns: Columns,
    rows: impl IntoIterator<Item = T>,
) -> Result<(), ColumnarError> {
    let mut file = ParquetFile::create(path, columns)?;
    for row in rows {
        file.push(&row)?;
    }
    file.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_columns_are_checked() {
        assert!(Columns::new("a,b", "str,int").is_ok());
        assert_eq!(
            Columns::new("a,b", "str").unwrap_err(),
            "2 columns (a,b) but 1 types"
        );
        assert!(Columns::new("a", "text").unwrap_err().contains("'text'"));
        let mut b = Batcher::new(Columns::new("a,b", "int,str").unwrap());
        assert!(b.push(&(1u64, "x")).is_ok());
        assert_eq!(
            b.push(&("x", "y")).unwrap_err(),
            "column a (Int) cannot hold Str(\"x\")"
        );
    }

    #[test]
    fn a_long_table_is_written_in_row_groups_as_they_fill() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.parquet");
        let columns = Columns::new("n,x,d", "int,f64,date").unwrap();
        let mut file = ParquetFile::create(&path, columns).unwrap();
        let rows = 2 * ROW_GROUP + 5;
        for n in 0..rows as u64 {
            let x = if n % 2 == 0 { f64::NAN } else { n as f64 / 2.0 };
            let d = if n % 3 == 0 { "" } else { "2022-11-28" };
            file.push(&(n, x, d)).unwrap();
        }
        file.finish().unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows(), rows as i64);
        let groups: Vec<i64> = meta.row_groups().iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups, [ROW_GROUP as i64, ROW_GROUP as i64, 5]);
        // NaN and the empty date are nulls: half the floats, a third of the dates.
        let nulls = |c: usize| -> i64 {
            (meta.row_groups().iter())
                .map(|g| {
                    g.column(c)
                        .statistics()
                        .and_then(|s| s.null_count_opt())
                        .unwrap() as i64
                })
                .sum()
        };
        assert_eq!(nulls(0), 0);
        assert_eq!(nulls(1), rows.div_ceil(2) as i64);
        assert_eq!(nulls(2), rows.div_ceil(3) as i64);
        // Only the table is left in the folder: the temporary file was renamed.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn dates_count_days_from_1970() {
        assert_eq!(days("1970-01-02"), Some(1));
        assert_eq!(days("2022-11-28"), Some(19324));
        assert_eq!(days("28.11.2022"), None);
    }
}
