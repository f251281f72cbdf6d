//! Parquet for the tables made group by group ([`super`]): a group's rows are batched
//! ([`Batcher`]) and each batch is spooled as a length-prefixed Arrow IPC stream, in sections as the CSV
//! spool keeps them; [`assemble`] then writes the table from the groups' sections in group order, batch by batch,
//! so the table is never held whole.

use std::io::Write;
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_ipc::reader::StreamReader;
use arrow_ipc::writer::StreamWriter;
use serde::Serialize;

use super::{Segment, Spool, Spooled};
use crate::report::parquet::{Batcher, Columns, ParquetFile, BATCH};
use crate::report::write::WriteError;

/// A group's rows of one table, batched and spooled as Arrow IPC (see the module's doc).
pub struct ArrowSpool<'d> {
    out: Spool<'d>,
    batcher: Batcher,
    sections: Vec<u64>,
    ended: u64,
    rows: usize,
    failed: Option<String>,
}

impl<'d> ArrowSpool<'d> {
    /// Rows with `columns`, kept in memory up to `limit` bytes, then in a temporary file in `dir`.
    pub fn new(dir: &'d Path, limit: usize, columns: Columns) -> ArrowSpool<'d> {
        ArrowSpool {
            out: Spool::new(dir, limit),
            batcher: Batcher::new(columns),
            sections: Vec::new(),
            ended: 0,
            rows: 0,
            failed: None,
        }
    }

    /// Appends a row.
    pub fn push<T: Serialize + ?Sized>(&mut self, row: &T) {
        self.rows += 1;
        if self.failed.is_some() {
            return;
        }
        if let Err(e) = self.batcher.push(row) {
            self.failed = Some(e);
        } else if self.batcher.rows >= BATCH {
            self.flush();
        }
    }

    /// Spools the batch being built, if it has rows.
    fn flush(&mut self) {
        if self.batcher.rows == 0 || self.failed.is_some() {
            return;
        }
        let batch = self.batcher.batch();
        let written = encode(&batch).and_then(|bytes| {
            self.out
                .write_all(&(bytes.len() as u64).to_le_bytes())
                .and_then(|()| self.out.write_all(&bytes))
                .map_err(|e| e.to_string())
        });
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }

    /// Ends a section: the rows pushed since the last one.
    pub fn end_section(&mut self) {
        self.flush();
        self.sections.push(self.out.bytes - self.ended);
        self.ended = self.out.bytes;
    }

    /// The rows spooled (the last section ended if rows were pushed after the last end).
    pub fn finish(mut self) -> Result<Spooled, String> {
        if self.batcher.rows > 0 || self.out.bytes > self.ended || self.sections.is_empty() {
            self.end_section();
        }
        if let Some(e) = self.failed {
            return Err(e);
        }
        Ok(Spooled {
            segment: self.out.finish().map_err(|e| e.to_string())?,
            lead: 0,
            sections: self.sections,
            rows: self.rows,
            parquet: None,
        })
    }
}

/// A record batch as one Arrow IPC stream.
fn encode(batch: &RecordBatch) -> Result<Vec<u8>, String> {
    let mut writer =
        StreamWriter::try_new(Vec::new(), &batch.schema()).map_err(|e| e.to_string())?;
    writer.write(batch).map_err(|e| e.to_string())?;
    writer.into_inner().map_err(|e| e.to_string())
}

/// Writes the Parquet table `path` with `columns` from the given byte ranges (offset, length) of spooled
/// segments, in order.
pub fn assemble(
    path: &Path,
    columns: Columns,
    parts: &[(&Segment, u64, u64)],
) -> Result<(), WriteError> {
    let failed = |cause: String| WriteError::Parquet {
        path: path.display().to_string(),
        cause,
    };
    let mut file = ParquetFile::create(path, columns)?;
    // One spooled batch at a time: a length, then its stream.
    let (mut size, mut stream) = (Vec::with_capacity(8), Vec::new());
    for &(segment, from, len) in parts {
        let mut at = from;
        while at < from + len {
            size.clear();
            segment
                .copy(at, 8, &mut size)
                .map_err(|e| failed(e.to_string()))?;
            let bytes = u64::from_le_bytes(
                size.as_slice()
                    .try_into()
                    .map_err(|_| failed("a spooled batch is cut".into()))?,
            );
            stream.clear();
            segment
                .copy(at + 8, bytes, &mut stream)
                .map_err(|e| failed(e.to_string()))?;
            for batch in
                StreamReader::try_new(stream.as_slice(), None).map_err(|e| failed(e.to_string()))?
            {
                file.write(&batch.map_err(|e| failed(e.to_string()))?)?;
            }
            at += 8 + bytes;
        }
    }
    Ok(file.finish()?)
}
