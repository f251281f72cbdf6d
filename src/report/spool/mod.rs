//! The one engine for tables made group by group (a group is a speaker, or all speakers): groups are worked on in
//! parallel ([`by_group`], the largest first), each group's rows of each table are formatted as they come
//! ([`RowSpool`], generic over the row type) into a spool (in memory while small, else into a temporary file beside
//! the tables, closed once written so a corpus of many speakers never holds many files open), and a table is
//! assembled from the groups' segments in group order ([`assemble`]), so it does not depend on the thread count.
//! A table's row type says here how it is written ([`Row`]): the tables and this engine both use it.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::marker::PhantomData;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::parquet::{twin, Columns, TableFormat};
use super::write::{publish_path, temp_file, WriteError};
use arrow::ArrowSpool;

pub mod arrow;

/// A row of a table, as written to CSV.
pub trait Row: Serialize + Sync {
    /// The header: the row's field names in order, comma-separated (written on its own when a table is empty).
    const HEADER: &'static str;
    /// The type of each column, comma-separated, for Parquet ([`super::parquet::ColumnType`]: `str`, `int`,
    /// `f64`, `bool`, `date`), declared so that an empty table keeps its types.
    const TYPES: &'static str;

    /// Appends the row's CSV line to `out`, byte for byte what the `csv` crate writes for it. The default goes
    /// through the `csv` crate; a table of millions of rows may write faster.
    fn append(&self, out: &mut Vec<u8>) -> Result<(), csv::Error> {
        append_csv(self, out)
    }
}

/// Appends a row's CSV line to `out` through the `csv` crate (no header), with a writer each thread keeps: making
/// one per row (its builder and buffer) cost more than writing the row.
pub fn append_csv<T: Serialize + ?Sized>(row: &T, out: &mut Vec<u8>) -> Result<(), csv::Error> {
    thread_local! {
        static WRITER: std::cell::RefCell<Option<csv::Writer<Lines>>> = const { std::cell::RefCell::new(None) };
    }
    WRITER.with_borrow_mut(|kept| {
        let w = kept.get_or_insert_with(|| {
            csv::WriterBuilder::new()
                .has_headers(false)
                // Rows of different tables, of different lengths, pass through one writer.
                .flexible(true)
                .buffer_capacity(1024)
                .from_writer(Lines::default())
        });
        let written = w.serialize(row).and_then(|()| Ok(w.flush()?));
        if written.is_err() {
            // A record left half written: the next row starts with a new writer.
            *kept = None;
            return written;
        }
        let mut lines = w.get_ref().0.borrow_mut();
        out.extend_from_slice(&lines);
        lines.clear();
        Ok(())
    })
}

/// What [`append_csv`]'s writer writes into: bytes it hands on after each row.
#[derive(Default)]
struct Lines(std::cell::RefCell<Vec<u8>>);

impl Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.get_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where a group's rows went.
pub enum Segment {
    /// Rows kept in memory.
    Memory(Vec<u8>),
    /// Rows in a closed temporary file (removed when dropped, unless published).
    File(tempfile::TempPath),
}

impl Segment {
    /// Appends `len` bytes from `from` on to `out`. Onto a file, a segment in a file is copied by the kernel
    /// (`copy_file_range` on Linux, which `std::io::copy` uses between files), not through a buffer.
    pub fn copy<W: Write + ?Sized>(&self, from: u64, len: u64, out: &mut W) -> std::io::Result<()> {
        match self {
            Segment::Memory(bytes) => {
                let range = from as usize..(from + len) as usize;
                match bytes.get(range) {
                    Some(part) => out.write_all(part),
                    None => Err(std::io::ErrorKind::UnexpectedEof.into()),
                }
            }
            Segment::File(path) => {
                let mut file = File::open(path)?;
                file.seek(SeekFrom::Start(from))?;
                let copied = std::io::copy(&mut file.take(len), out)?;
                if copied == len {
                    Ok(())
                } else {
                    Err(std::io::ErrorKind::UnexpectedEof.into())
                }
            }
        }
    }

    /// Renames the segment's file to `path` (a segment in memory is written there).
    pub fn publish(self, path: &Path) -> Result<(), WriteError> {
        match self {
            Segment::File(tmp) => publish_path(tmp, path),
            Segment::Memory(bytes) => super::write::atomic_write(path, |out| {
                out.write_all(&bytes).map_err(|source| WriteError::Io {
                    path: path.display().to_string(),
                    cause: source,
                })
            }),
        }
    }
}

/// Writes a group's rows: into memory up to `limit` bytes, then into a temporary file in `dir`.
pub struct Spool<'d> {
    dir: &'d Path,
    limit: usize,
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
    /// Bytes written so far.
    pub bytes: u64,
}

impl<'d> Spool<'d> {
    /// A spool that keeps up to `limit` bytes in memory (0: straight to a file).
    pub fn new(dir: &'d Path, limit: usize) -> Spool<'d> {
        Spool {
            dir,
            limit,
            memory: Vec::new(),
            file: None,
            bytes: 0,
        }
    }

    /// The rows written, with the file (if any) closed.
    pub fn finish(mut self) -> std::io::Result<Segment> {
        if self.limit == 0 && self.file.is_none() {
            self.spill()?;
        }
        match self.file {
            Some(out) => {
                let tmp = out.into_inner().map_err(|e| e.into_error())?;
                Ok(Segment::File(tmp.into_temp_path()))
            }
            None => Ok(Segment::Memory(self.memory)),
        }
    }

    fn spill(&mut self) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, temp_file(self.dir, ".tmp")?);
        out.write_all(&self.memory)?;
        self.memory = Vec::new();
        self.file = Some(out);
        Ok(())
    }
}

impl Write for Spool<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = match &mut self.file {
            Some(out) => out.write(buf)?,
            None => {
                self.memory.extend_from_slice(buf);
                if self.memory.len() > self.limit {
                    self.spill()?;
                }
                buf.len()
            }
        };
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

/// Writes `path` atomically: `header`, a newline, then the given byte ranges (offset, length) of segments, in
/// order.
pub fn assemble(
    path: &Path,
    header: &str,
    parts: &[(&Segment, u64, u64)],
) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.display().to_string(),
        cause: source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = super::write::temp_in(dir, ".tmp")?;
    let out = tmp.as_file_mut();
    out.write_all(header.as_bytes()).map_err(io)?;
    out.write_all(b"\n").map_err(io)?;
    for &(segment, from, len) in parts {
        segment.copy(from, len, out).map_err(io)?;
    }
    super::write::publish(tmp, path)
}

/// Writes the table `path` (`NAME.csv`; its CSV, its Parquet twin or both, as `format` says) from the given sections
/// of groups' spools, in order: (spooled rows, section number).
pub fn assemble_table<R: Row>(
    path: &Path,
    format: TableFormat,
    sections: &[(&Spooled, usize)],
) -> Result<(), WriteError> {
    if format.csv() {
        let parts: Vec<(&Segment, u64, u64)> = sections
            .iter()
            .map(|&(s, k)| {
                let (from, len) = s.section(k);
                (&s.segment, from, len)
            })
            .collect();
        assemble(path, R::HEADER, &parts)?;
    }
    if format.parquet() {
        let twin = twin(path);
        let cut = |cause: String| WriteError::Parquet {
            path: twin.display().to_string(),
            cause,
        };
        let mut parts: Vec<(&Segment, u64, u64)> = Vec::new();
        for &(s, k) in sections {
            let spooled = s
                .parquet
                .as_deref()
                .ok_or_else(|| cut("rows not spooled".into()))?;
            let (from, len) = spooled.section(k);
            parts.push((&spooled.segment, from, len));
        }
        let columns = Columns::new(R::HEADER, R::TYPES).map_err(cut)?;
        arrow::assemble(&twin, columns, &parts)?;
    }
    Ok(())
}

/// Scratch values shared by parallel tasks: a task takes one (or makes one) and gives it back, so there are as
/// many as tasks ever ran at once, not one per task.
pub struct Pool<T>(std::sync::Mutex<Vec<T>>);

impl<T> Default for Pool<T> {
    fn default() -> Pool<T> {
        Pool(std::sync::Mutex::new(Vec::new()))
    }
}

impl<T> Pool<T> {
    /// Runs `f` with a value from the pool (made by `make` if none is free).
    pub fn with<R>(&self, make: impl FnOnce() -> T, f: impl FnOnce(&mut T) -> R) -> R {
        let taken = self.0.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut value = taken.unwrap_or_else(make);
        let result = f(&mut value);
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(value);
        result
    }
}

/// Runs `work` on every group in parallel, the largest first (by `sizes`, so the big groups do not end up last on
/// one core), each with a scratch value from a pool (made by `scratch` when none is free, so there are as many as
/// tasks ran at once); returns the results in group order, or the first error.
pub fn by_group<S: Send, T: Send>(
    sizes: &[usize],
    scratch: impl Fn() -> S + Sync,
    work: impl Fn(usize, &mut S) -> Result<T, WriteError> + Sync,
) -> Result<Vec<T>, WriteError> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(sizes[g]));
    let pool = Pool::default();
    // A queue, not a split list: `par_iter` would hand the second thread the second half of the order (the small
    // groups) while the first works through the large ones.
    let mut done: Vec<(usize, T)> = order
        .into_iter()
        .par_bridge()
        .map(|g| pool.with(&scratch, |s| work(g, s)).map(|t| (g, t)))
        .collect::<Result<_, WriteError>>()?;
    done.sort_by_key(|(g, _)| *g);
    Ok(done.into_iter().map(|(_, t)| t).collect())
}

/// A group's rows of one table, formatted as CSV into a [`Spool`] as they come, counted, in sections (a group may
/// hold a table's rows in several parts, as `freq.csv` holds each view's).
pub struct RowSpool<'d, R> {
    out: Spool<'d>,
    buf: Vec<u8>,
    /// Bytes before the first section (a header).
    lead: u64,
    /// Byte length of each section ended.
    sections: Vec<u64>,
    /// Bytes of ended sections and of the lead.
    ended: u64,
    rows: usize,
    failed: Option<csv::Error>,
    /// Whether the rows are written as CSV.
    csv: bool,
    /// The rows for Parquet, if they are written as Parquet too (or a row type whose columns are declared wrong).
    parquet: Option<Result<ArrowSpool<'d>, String>>,
    row: PhantomData<fn(&R)>,
}

/// What a [`RowSpool`] wrote.
pub struct Spooled {
    /// The bytes.
    pub segment: Segment,
    /// Bytes before the first section.
    pub lead: u64,
    /// Byte length of each section.
    pub sections: Vec<u64>,
    /// Rows written.
    pub rows: usize,
    /// The same rows spooled for Parquet (`--format parquet|both`), in the same sections.
    pub parquet: Option<Box<Spooled>>,
}

impl Spooled {
    /// The byte range (offset, length) of section `k`.
    pub fn section(&self, k: usize) -> (u64, u64) {
        let from = self.lead + self.sections[..k].iter().sum::<u64>();
        (from, self.sections[k])
    }
}

impl<'d, R: Row> RowSpool<'d, R> {
    /// Rows kept in memory up to `limit` bytes, then in a temporary file in `dir` (0: a file from the start), as
    /// CSV, Parquet or both (`format`).
    pub fn new(dir: &'d Path, limit: usize, format: TableFormat) -> RowSpool<'d, R> {
        let parquet = format.parquet().then(|| {
            Columns::new(R::HEADER, R::TYPES).map(|c| ArrowSpool::new(dir, limit.max(1 << 16), c))
        });
        RowSpool {
            // Without CSV nothing is written to the CSV spool, which then never needs a file.
            out: Spool::new(dir, if format.csv() { limit } else { usize::MAX }),
            buf: Vec::with_capacity(1 << 16),
            lead: 0,
            sections: Vec::new(),
            ended: 0,
            rows: 0,
            failed: None,
            csv: format.csv(),
            parquet,
            row: PhantomData,
        }
    }

    /// Writes the table's header line before any row.
    pub fn header(&mut self) {
        if !self.csv {
            return;
        }
        self.buf.extend_from_slice(R::HEADER.as_bytes());
        self.buf.push(b'\n');
        self.lead = self.buf.len() as u64;
        self.ended = self.lead;
    }

    /// Appends a row.
    pub fn push(&mut self, row: &R) {
        self.push_written(row, |buf| row.append(buf), |_| {});
    }

    /// Appends `row`, its CSV written into the buffer by `write` and then handed to `then` (neither is called
    /// without CSV or after a failure).
    fn push_written(
        &mut self,
        row: &R,
        write: impl FnOnce(&mut Vec<u8>) -> Result<(), csv::Error>,
        then: impl FnOnce(&[u8]),
    ) {
        self.rows += 1;
        if let Some(Ok(parquet)) = &mut self.parquet {
            parquet.push(row);
        }
        if self.failed.is_some() || !self.csv {
            return;
        }
        let start = self.buf.len();
        if let Err(e) = write(&mut self.buf) {
            self.failed = Some(e);
            return;
        }
        then(&self.buf[start..]);
        if self.buf.len() >= 1 << 16 {
            self.drain();
        }
    }

    /// Appends `row` here and `twin_row` to `twin`, two rows that differ only in their first field: `twin_row` is
    /// written as `row`'s CSV with its first `skip` bytes (its first field and comma, as written) replaced by
    /// `lead`, so that the row is formatted once. The caller vouches for the bytes: `row`'s CSV starts with
    /// `skip` bytes that are its first field and comma, and `twin_row`'s first field and comma are written `lead`.
    pub fn push_twice(
        &mut self,
        row: &R,
        twin: &mut RowSpool<'_, R>,
        twin_row: &R,
        skip: usize,
        lead: &[u8],
    ) {
        let mut pushed = false;
        self.push_written(
            row,
            |buf| row.append(buf),
            |bytes| {
                debug_assert!(bytes.len() > skip && bytes[skip - 1] == b',');
                let copy = |buf: &mut Vec<u8>| {
                    buf.extend_from_slice(lead);
                    buf.extend_from_slice(&bytes[skip..]);
                    Ok(())
                };
                twin.push_written(twin_row, copy, |_| {});
                pushed = true;
            },
        );
        if !pushed {
            // Without CSV (or after a failure here) the twin writes its own row.
            twin.push(twin_row);
        }
    }

    /// Ends a section: the rows pushed since the last one.
    pub fn end_section(&mut self) {
        if let Some(Ok(parquet)) = &mut self.parquet {
            parquet.end_section();
        }
        let written = self.out.bytes + self.buf.len() as u64;
        self.sections.push(written - self.ended);
        self.ended = written;
    }

    fn drain(&mut self) {
        if let Err(e) = self.out.write_all(&self.buf) {
            self.failed = Some(e.into());
        }
        self.buf.clear();
    }

    /// The rows written (the last section ended if rows were pushed after the last end); `path` is the table's,
    /// for messages.
    pub fn finish(mut self, path: &Path) -> Result<Spooled, WriteError> {
        if self.out.bytes + self.buf.len() as u64 > self.ended || self.sections.is_empty() {
            self.end_section();
        }
        self.drain();
        let csv_error = |cause| WriteError::Csv {
            path: path.display().to_string(),
            cause,
        };
        if let Some(e) = self.failed {
            return Err(csv_error(e));
        }
        let parquet = match self.parquet {
            None => None,
            Some(spooled) => Some(Box::new(spooled.and_then(ArrowSpool::finish).map_err(
                |cause| WriteError::Parquet {
                    path: twin(path).display().to_string(),
                    cause,
                },
            )?)),
        };
        Ok(Spooled {
            segment: self.out.finish().map_err(|e| csv_error(e.into()))?,
            lead: self.lead,
            sections: self.sections,
            rows: self.rows,
            parquet,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row as a writer of its own writes it.
    fn alone<T: Serialize>(row: &T) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.serialize(row)?;
        Ok(w.into_inner().map_err(|e| e.into_error())?)
    }

    #[test]
    fn rows_through_the_kept_writer_are_written_as_alone() {
        #[derive(Serialize)]
        struct Short<'a>(&'a str, f64);
        #[derive(Serialize)]
        struct Long<'a> {
            name: &'a str,
            n: u64,
            quoted: &'a str,
            x: f64,
            flag: bool,
        }
        #[derive(Serialize)]
        struct Nested {
            first: u32,
            map: std::collections::BTreeMap<u32, u32>,
        }
        let long = Long {
            name: "Путин",
            n: 7,
            quoted: "a,\"b\"\nc",
            x: 1e-20,
            flag: true,
        };
        let mut out = Vec::new();
        let mut expected = Vec::new();
        for _ in 0..3 {
            append_csv(&Short("мир", 0.5), &mut out).unwrap();
            expected.extend(alone(&Short("мир", 0.5)).unwrap());
            append_csv(&long, &mut out).unwrap();
            expected.extend(alone(&long).unwrap());
            // A row that cannot be written leaves nothing behind, and the next rows are written as before.
            // (Its first field is written before the map fails.)
            let nested = Nested {
                first: 1,
                map: [(1, 2)].into(),
            };
            assert!(alone(&nested).is_err());
            assert!(append_csv(&nested, &mut out).is_err());
            append_csv(&Short("", f64::NAN), &mut out).unwrap();
            expected.extend(alone(&Short("", f64::NAN)).unwrap());
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn spools_in_memory_and_in_files_assemble_alike() {
        let dir = tempfile::tempdir().unwrap();
        let mut segments = Vec::new();
        for limit in [0, 3, 1 << 20] {
            let mut spool = Spool::new(dir.path(), limit);
            spool.write_all(b"abc").unwrap();
            spool.write_all(b"defg").unwrap();
            assert_eq!(spool.bytes, 7);
            let segment = spool.finish().unwrap();
            assert_eq!(matches!(segment, Segment::Memory(_)), limit > 7, "{limit}");
            segments.push(segment);
        }
        let parts: Vec<(&Segment, u64, u64)> = segments.iter().map(|s| (s, 2, 3)).collect();
        let out = dir.path().join("t.csv");
        assemble(&out, "h", &parts).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "h\ncdecdecde");
        // Only the published table is left: the spooled files went with their segments.
        drop(segments);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}
