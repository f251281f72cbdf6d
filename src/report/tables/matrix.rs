//! `matrix.csv` (with `--matrix`): every non-zero count of a term by a speaker in a meeting, in the key view and the
//! chosen view, as a long table to load elsewhere (pandas, R's quanteda as a document-feature matrix, wordfish,
//! correspondence analysis, topic models). Rows by meeting (in date order), then speaker, view (key first) and
//! term; summed over the meetings, a speaker's counts are those of `freq.csv`.
//!
//! Streamed: meetings are counted in parallel a batch at a time and written in order, so the table is never held
//! (it has as many rows as all the speakers' vocabularies in all meetings).

use rayon::prelude::*;

use crate::corpus::TermId;
use crate::corpus::{Corpus, View};
use crate::report::parquet::{twin, Batcher, Columns, ParquetFile, TableFormat};
use crate::report::tables::freq::views;
use crate::report::write::{atomic_write, WriteError};

use super::{Context, Made, Preview, Table};

const FILE: &str = "matrix.csv";
const HEADER: &str = "meeting,date,speaker,view,term,count";
const TYPES: &str = "str,date,str,str,str,int";
const ABOUT: &str = "Every non-zero count of a term by a speaker in a meeting (key view and the chosen view), to load into pandas or R.";
const METHOD: &str = "With `--matrix`: every non-zero count of a term by a speaker in a meeting, in the key view and the chosen \
     view, meetings in date order; summed over the meetings, a speaker's counts are those of `freq.csv`. A long \
     document-feature matrix for pandas or R (quanteda, wordfish, correspondence analysis, topic models).";

/// Meetings counted in parallel before their rows are written.
const BATCH: usize = 16;
/// Bytes of the first rows kept for the page.
const PREVIEW_BYTES: usize = 1 << 14;

/// `matrix.csv`, when asked for.
pub struct Matrix;

/// Per-term arrays reused from meeting to meeting (one per thread and view).
struct Scratch {
    counts: Vec<u64>,
    touched: Vec<TermId>,
}

/// A row of the table, as the page's preview shows it.
#[derive(serde::Serialize, serde::Deserialize)]
struct MatrixRow {
    meeting: String,
    date: String,
    speaker: String,
    view: String,
    term: String,
    count: u64,
}

/// The rows of one meeting: as CSV, as a record batch for Parquet, or both, and how many.
struct MeetingRows {
    csv: Vec<u8>,
    batch: Option<arrow_array::RecordBatch>,
    rows: usize,
}

/// The rows of meeting `m` in the formats asked for (as CSV also when `csv`: the page's preview reads it).
fn meeting_rows(
    corpus: &Corpus,
    m: usize,
    (views, orders): (&[View], &[Vec<u32>]),
    (format, columns, csv): (TableFormat, &Columns, bool),
    scratch: &mut [Scratch],
) -> Result<MeetingRows, WriteError> {
    let meeting = &corpus.meetings[m];
    // The meeting's turns are consecutive (turns are in meeting order); its speakers by name.
    let from = corpus.turns.partition_point(|t| (t.meeting as usize) < m);
    let to = corpus.turns.partition_point(|t| (t.meeting as usize) <= m);
    let turns = &corpus.turns[from..to];
    let mut speakers: Vec<u32> = turns.iter().map(|t| t.speaker).collect();
    speakers.sort_by(|&a, &b| corpus.speakers[a as usize].cmp(&corpus.speakers[b as usize]));
    speakers.dedup();
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let mut batch = format.parquet().then(|| Batcher::new(columns.clone()));
    let mut reader = corpus.reader();
    let mut count = itoa::Buffer::new();
    let mut rows = 0;
    let date = meeting.date.map(|d| d.to_string()).unwrap_or_default();
    let csv_error = |source| WriteError::Csv {
        path: FILE.to_string(),
        cause: source,
    };
    for speaker in speakers {
        // The speaker's words, read once, counted in every view.
        for t in turns.iter().filter(|t| t.speaker == speaker) {
            for &w in reader.words(t)? {
                for (&view, s) in views.iter().zip(scratch.iter_mut()) {
                    let term = view.term(corpus, w);
                    if s.counts[term as usize] == 0 {
                        s.touched.push(term);
                    }
                    s.counts[term as usize] += 1;
                }
            }
        }
        for ((&view, order), s) in views.iter().zip(orders).zip(scratch.iter_mut()) {
            s.touched.sort_unstable_by_key(|&t| order[t as usize]);
            for &term in &s.touched {
                let n = std::mem::take(&mut s.counts[term as usize]);
                let row = (
                    meeting.id.as_str(),
                    date.as_str(),
                    corpus.speakers[speaker as usize].as_str(),
                    view.as_str(),
                    view.text(corpus, term),
                );
                if csv {
                    out.write_record([row.0, row.1, row.2, row.3, row.4, count.format(n)])
                        .map_err(csv_error)?;
                }
                if let Some(b) = &mut batch {
                    b.push(&(row, n)).map_err(|cause| WriteError::Parquet {
                        path: FILE.to_string(),
                        cause,
                    })?;
                }
                rows += 1;
            }
            s.touched.clear();
        }
    }
    let csv = out
        .into_inner()
        .map_err(|e| csv_error(e.into_error().into()))?;
    Ok(MeetingRows {
        csv,
        batch: batch.as_mut().map(Batcher::batch),
        rows,
    })
}

impl Table for Matrix {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "matrix"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        if !cx.config.matrix {
            return Ok(Made::default());
        }
        let corpus = cx.corpus;
        let views = views(cx.config.view);
        let orders: Vec<Vec<u32>> = views.par_iter().map(|v| v.text_order(corpus)).collect();
        let path = cx.config.out.join(FILE);
        let io = |source| WriteError::Io {
            path: path.display().to_string(),
            cause: source,
        };
        let pool = crate::report::spool::Pool::default();
        let scratch = || -> Vec<Scratch> {
            views
                .iter()
                .map(|v| Scratch {
                    counts: vec![0; v.len(corpus)],
                    touched: Vec::new(),
                })
                .collect()
        };
        let format = cx.config.format;
        let columns = Columns::new(HEADER, TYPES).map_err(|cause| WriteError::Parquet {
            path: FILE.to_string(),
            cause,
        })?;
        let mut parquet = match format.parquet() {
            true => Some(ParquetFile::create(&twin(&path), columns.clone())?),
            false => None,
        };
        let (mut rows, mut head) = (0usize, Vec::new());
        // Meetings a batch at a time, in parallel, written in order as each batch is done.
        let mut each = |csv: &mut dyn std::io::Write| -> Result<(), WriteError> {
            let meetings: Vec<usize> = (0..corpus.meetings.len()).collect();
            for batch in meetings.chunks(BATCH) {
                let as_csv = format.csv() || head.len() < PREVIEW_BYTES;
                let parts: Vec<Result<MeetingRows, WriteError>> = batch
                    .par_iter()
                    .map(|&m| {
                        pool.with(scratch, |s| {
                            meeting_rows(
                                corpus,
                                m,
                                (&views, &orders),
                                (format, &columns, as_csv),
                                s,
                            )
                        })
                    })
                    .collect();
                for part in parts {
                    let part = part?;
                    rows += part.rows;
                    if head.len() < PREVIEW_BYTES {
                        head.extend_from_slice(&part.csv);
                        head.truncate(PREVIEW_BYTES);
                    }
                    csv.write_all(&part.csv).map_err(io)?;
                    if let (Some(file), Some(batch)) = (&mut parquet, &part.batch) {
                        file.write(batch)?;
                    }
                }
            }
            Ok(())
        };
        if format.csv() {
            atomic_write(&path, |out| {
                out.write_all(HEADER.as_bytes()).map_err(io)?;
                out.write_all(b"\n").map_err(io)?;
                each(out)
            })?;
        } else {
            each(&mut std::io::sink())?;
        }
        if let Some(file) = parquet {
            file.finish()?;
        }
        // The first rows again, for the page (a cut row at the end of the bytes kept is not read).
        let shown: Vec<MatrixRow> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(head.as_slice())
            .deserialize()
            .take(cx.config.top)
            .filter_map(Result::ok)
            .collect();
        Ok(Made::table(Preview::new(
            FILE,
            ABOUT,
            HEADER,
            &shown,
            rows,
            cx.config.top,
        )))
    }
}
