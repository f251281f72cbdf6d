//! Option values as the Python layer hands them over (strings, whole numbers, lists), made into the library's
//! types with the command line's words when one is wrong (`invalid value 'x' for '--view <VIEW>' …`); and the rows
//! of `parse` and `tokens` as columns.

use std::collections::BTreeSet;
use std::path::PathBuf;

use pyo3::conversion::FromPyObjectOwned;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use stenogram::corpus::{Content, Interpreted, View};
use stenogram::report::{Formats, TableFormat};
use stenogram::run::tokens::{TokenRow, TOKEN_COLUMNS};
use stenogram::run::{ReadingOptions, ReportOptions, UsageError};
use stenogram::stats::periods::Period;
use stenogram::transcript::Transcripts;

/// The options of one call, taken one by one; what is left at the end was not an option (a `TypeError`).
pub struct Options<'a, 'py> {
    given: &'a Bound<'py, PyDict>,
    taken: BTreeSet<String>,
}

impl<'a, 'py> Options<'a, 'py> {
    /// The options of `given`.
    pub fn new(given: &'a Bound<'py, PyDict>) -> Self {
        Options {
            given,
            taken: BTreeSet::new(),
        }
    }

    /// The value of `name` (`None`: absent or `None`).
    pub fn take<T: FromPyObjectOwned<'py>>(&mut self, name: &str) -> PyResult<Option<T>> {
        self.taken.insert(name.to_string());
        match self.given.get_item(name)? {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => v
                .extract::<T>()
                .map(Some)
                .map_err(Into::into)
                .map_err(|e: PyErr| PyTypeError::new_err(format!("{name}: {e}"))),
        }
    }

    /// A `TypeError` for the first option not taken.
    pub fn finish(self) -> PyResult<()> {
        for key in self.given.keys() {
            let key: String = key.extract()?;
            if !self.taken.contains(&key) {
                return Err(PyTypeError::new_err(format!(
                    "unexpected keyword argument '{key}'"
                )));
            }
        }
        Ok(())
    }
}

/// One of `values` (the command line's spellings), or the command line's message.
fn choice<T: Copy>(flag: &str, given: &str, values: &[(&str, T)]) -> Result<T, UsageError> {
    values
        .iter()
        .find(|(name, _)| *name == given)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = values.iter().map(|(n, _)| *n).collect();
            UsageError(format!(
                "invalid value '{given}' for '--{flag} <{}>' [possible values: {}]",
                flag.replace('-', "_").to_uppercase(),
                names.join(", ")
            ))
        })
}

/// `--interpreted`: the command line's word, or its message.
pub fn interpreted_choice(given: &str) -> Result<Interpreted, UsageError> {
    choice(
        "interpreted",
        given,
        &[
            ("include", Interpreted::Include),
            ("exclude", Interpreted::Exclude),
            ("separate", Interpreted::Separate),
        ],
    )
}

/// `--jobs` in its range.
pub fn check_jobs(jobs: Option<u64>) -> Result<(), UsageError> {
    ReportOptions {
        jobs,
        ..ReportOptions::default()
    }
    .check_numbers()
}

/// `f` in a thread pool of `jobs` threads (`None`: the global pool).
pub fn in_pool<R: Send>(jobs: Option<u64>, f: impl FnOnce() -> R + Send) -> Result<R, UsageError> {
    match jobs {
        None => Ok(f()),
        Some(jobs) => rayon_pool(jobs).map(|pool| pool.install(f)),
    }
}

fn rayon_pool(jobs: u64) -> Result<rayon::ThreadPool, UsageError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs as usize)
        .build()
        .map_err(|e| UsageError(format!("--jobs: cannot start {jobs} threads: {e}")))
}

/// Every option of `report` but the reading ones (already taken into `reading`).
pub fn report_options(
    given: &mut Options<'_, '_>,
    reading: ReadingOptions,
) -> PyResult<Result<ReportOptions, UsageError>> {
    let d = ReportOptions::default();
    let text = |given: &mut Options<'_, '_>, name: &str, default: &str| -> PyResult<String> {
        Ok(given
            .take::<String>(name)?
            .unwrap_or_else(|| default.to_string()))
    };
    let view = text(given, "view", "lemma")?;
    let content = text(given, "content", "both")?;
    let charts = text(given, "charts", "both")?;
    let format = text(given, "format", "csv")?;
    let interpreted = text(given, "interpreted", "include")?;
    let period: Option<String> = given.take("period")?;
    let paths = |v: Option<Vec<String>>| {
        v.unwrap_or_default()
            .into_iter()
            .map(PathBuf::from)
            .collect()
    };
    let mut options = ReportOptions {
        reading,
        out: given.take::<String>("out")?.map_or(d.out, PathBuf::from),
        top: given.take("top")?.unwrap_or(d.top),
        min_count: given.take("min_count")?.unwrap_or(d.min_count),
        speakers: given.take("speakers")?,
        pair: given.take("pair")?,
        terms: given.take("terms")?.unwrap_or_default(),
        stopwords: given.take("stopwords")?,
        extra_stopwords: given.take::<String>("extra_stopwords")?.map(PathBuf::from),
        window: given.take("window")?.unwrap_or(d.window),
        min_period_words: given
            .take("min_period_words")?
            .unwrap_or(d.min_period_words),
        xray_meeting: given.take("xray_meeting")?,
        matrix: given.take("matrix")?.unwrap_or(false),
        mfw: given.take("mfw")?.unwrap_or(d.mfw),
        min_words: given.take("min_words")?.unwrap_or(d.min_words),
        speaker_info: given.take::<String>("speaker_info")?.map(PathBuf::from),
        meeting_info: given.take::<String>("meeting_info")?.map(PathBuf::from),
        group_by: given.take("group_by")?.unwrap_or_default(),
        dictionary: paths(given.take("dictionary")?),
        reference: given.take("reference")?,
        skip_punct: given.take("skip_punct")?.unwrap_or(false),
        keep_stopword_pairs: given.take("keep_stopword_pairs")?.unwrap_or(false),
        jobs: given.take("jobs")?,
        token_budget: given.take("token_budget")?,
        cache: given.take::<String>("cache")?.map(PathBuf::from),
        from_counts: paths(given.take("from_counts")?),
        ..d
    };
    let picked = (|| {
        options.view = choice(
            "view",
            &view,
            &[
                ("key", View::Key),
                ("stem", View::Stem),
                ("lemma", View::Lemma),
            ],
        )?;
        options.content = choice(
            "content",
            &content,
            &[
                ("both", Content::Both),
                ("pos", Content::Pos),
                ("stopwords", Content::Stopwords),
            ],
        )?;
        options.charts = choice(
            "charts",
            &charts,
            &[
                ("png", Formats::Png),
                ("svg", Formats::Svg),
                ("both", Formats::Both),
                ("none", Formats::None),
            ],
        )?;
        options.format = choice(
            "format",
            &format,
            &[
                ("csv", TableFormat::Csv),
                ("parquet", TableFormat::Parquet),
                ("both", TableFormat::Both),
            ],
        )?;
        options.interpreted = interpreted_choice(&interpreted)?;
        options.period = match &period {
            None => None,
            Some(p) => Some(choice(
                "period",
                p,
                &[
                    ("meeting", Period::Meeting),
                    ("month", Period::Month),
                    ("quarter", Period::Quarter),
                    ("year", Period::Year),
                ],
            )?),
        };
        options.check_numbers()
    })();
    Ok(picked.map(|()| options))
}

/// The turns of `corpus` as columns (`stenogram parse`'s, in order).
pub fn turn_columns<'py>(py: Python<'py>, corpus: &Transcripts) -> PyResult<Bound<'py, PyDict>> {
    let rows: Vec<_> = stenogram::run::parse::turn_rows(corpus).collect();
    let columns = PyDict::new(py);
    columns.set_item(
        "meeting",
        rows.iter().map(|r| r.meeting).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "date",
        rows.iter().map(|r| r.date.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item("turn", rows.iter().map(|r| r.turn).collect::<Vec<_>>())?;
    columns.set_item(
        "speaker",
        rows.iter().map(|r| r.speaker).collect::<Vec<_>>(),
    )?;
    columns.set_item("label", rows.iter().map(|r| r.label).collect::<Vec<_>>())?;
    columns.set_item(
        "interpreted",
        rows.iter().map(|r| r.interpreted).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        "paragraphs",
        rows.iter().map(|r| r.paragraphs).collect::<Vec<_>>(),
    )?;
    columns.set_item("words", rows.iter().map(|r| r.words).collect::<Vec<_>>())?;
    columns.set_item(
        "text",
        rows.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
    )?;
    Ok(columns)
}

/// Tokens as columns ([`TOKEN_COLUMNS`], in order).
pub fn token_columns<'py>(py: Python<'py>, rows: &[TokenRow]) -> PyResult<Bound<'py, PyDict>> {
    let columns = PyDict::new(py);
    let [start, end, kind, surface, key, stem, lemma, pos] = TOKEN_COLUMNS;
    columns.set_item(start, rows.iter().map(|r| r.start).collect::<Vec<_>>())?;
    columns.set_item(end, rows.iter().map(|r| r.end).collect::<Vec<_>>())?;
    columns.set_item(kind, rows.iter().map(|r| r.kind).collect::<Vec<_>>())?;
    columns.set_item(
        surface,
        rows.iter().map(|r| r.surface.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(key, rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>())?;
    columns.set_item(
        stem,
        rows.iter().map(|r| r.stem.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(
        lemma,
        rows.iter().map(|r| r.lemma.as_str()).collect::<Vec<_>>(),
    )?;
    columns.set_item(pos, rows.iter().map(|r| r.pos).collect::<Vec<_>>())?;
    Ok(columns)
}
