//! The tables as Parquet (`--format parquet|both`): one `NAME.parquet` beside or instead of each `NAME.csv`, with
//! the same columns in the same order, typed as the row type declares them ([`super::spool::Row::TYPES`]):
//! 64-bit integers, 64-bit floats, booleans, UTF-8 strings and dates (days, `Date32`). An
//! undefined measure (`NaN` in the CSV) and an empty date are nulls; a word such as `nan` or `null` stays a string.
//! Files are snappy-compressed and written in row groups of [`ROW_GROUP`] rows as the rows come ([`ParquetFile`]),
//! so a table of millions of rows (`matrix`) is never held whole; tables made group by group spool each group's rows
//! as Arrow IPC ([`super::spool::arrow`]) and are assembled in group order, as their CSV is.

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

use super::write::{publish, temp_in, WriteError};

pub mod cells;

use cells::{cells, Cell};

/// Rows of a record batch (the unit rows are converted and spooled in).
pub const BATCH: usize = 1 << 16;
/// Rows of a Parquet row group.
pub const ROW_GROUP: usize = 1 << 17;

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

/// The type of a column, as a row type declares it in [`super::tables::Row::TYPES`].
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

    fn arrow(self) -> DataType {
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
    pub fn create(path: &Path, columns: Columns) -> Result<ParquetFile, WriteError> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = temp_in(dir, ".tmp")?;
        let file = tmp.reopen().map_err(|source| WriteError::Io {
            path: path.display().to_string(),
            cause: source,
        })?;
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
    pub fn push<T: Serialize + ?Sized>(&mut self, row: &T) -> Result<(), WriteError> {
        self.batcher
            .push(row)
            .map_err(|cause| WriteError::Parquet {
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
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), WriteError> {
        self.writer.write(batch).map_err(parquet_error(&self.path))
    }

    /// Writes the rest, closes the file and renames it into place.
    pub fn finish(mut self) -> Result<(), WriteError> {
        if self.batcher.rows > 0 {
            let batch = self.batcher.batch();
            self.write(&batch)?;
        }
        let path = self.path;
        let mut out = self.writer.into_inner().map_err(parquet_error(&path))?;
        std::io::Write::flush(&mut out).map_err(|source| WriteError::Io {
            path: path.display().to_string(),
            cause: source,
        })?;
        drop(out);
        publish(self.tmp, &path)
    }
}

/// A Parquet error as a [`WriteError`] naming `path`.
pub fn parquet_error(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> WriteError + '_ {
    move |e| WriteError::Parquet {
        path: path.display().to_string(),
        cause: e.to_string(),
    }
}

/// Writes `rows` as the Parquet table `path` with `columns`.
pub fn write_parquet<T: Serialize>(
    path: &Path,
    columns: Columns,
    rows: &[T],
) -> Result<(), WriteError> {
    let mut file = ParquetFile::create(path, columns)?;
    for row in rows {
        file.push(row)?;
    }
    file.finish()
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
