//! `stenogram._stenogram`: the compiled core of the Python package. Each function (`report`, `count`, `parse`,
//! `tokens`) takes the options the Python layer (`stenogram/__init__.py`) has checked for type and normalised
//! (paths as strings, lists as lists, dates as ISO text), builds the library's options from them
//! ([`stenogram::run`]), runs with the GIL released, and returns a dictionary: the result, what the run told
//! (`told`: `(kind, text)` pairs) and the error that stopped it, if any (`error`: `(kind, message)`), which the
//! Python layer turns into warnings and exceptions.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use stenogram::run::count::CountingOptions;
use stenogram::run::{Collected, Kind, ReadingOptions, ReportOptions, RunError, Told, UsageError};

mod values;

use values::Options;

/// The `(kind, text)` pairs of what a run told.
fn told(told: &[Told]) -> Vec<(&'static str, String)> {
    told.iter()
        .map(|t| {
            let kind = match t.kind {
                Kind::Warning => "warning",
                Kind::Note => "note",
                Kind::Error => "error",
            };
            (kind, t.text.clone())
        })
        .collect()
}

/// The `error` entry of a usage error.
fn usage(e: &UsageError) -> (&'static str, String) {
    ("usage", e.to_string())
}

/// The reading options of `options` (`paths`, `columns`, `aliases`, `lang`, `since`, `until`, `narrator`).
fn reading(options: &mut Options<'_, '_>) -> PyResult<Result<ReadingOptions, UsageError>> {
    // No paths: the command line's default (`corpus`), which `--from-counts` takes for none given.
    let paths: Vec<PathBuf> = match options.take::<Vec<String>>("paths")? {
        Some(paths) => paths.into_iter().map(PathBuf::from).collect(),
        None => ReadingOptions::default().paths,
    };
    let lang = match options.take::<String>("lang")? {
        None => None,
        Some(l) => match stenogram::text::Language::parse(&l) {
            Some(l) => Some(l),
            None => {
                return Ok(Err(UsageError(format!(
                    "invalid value '{l}' for '--lang <LANG>': unknown language '{l}' (use ru or en)"
                ))))
            }
        },
    };
    Ok(Ok(ReadingOptions {
        paths,
        columns: options.take("columns")?,
        aliases: options.take::<String>("aliases")?.map(PathBuf::from),
        lang,
        since: options.take("since")?,
        until: options.take("until")?,
        narrator: options.take("narrator")?,
    }))
}

/// The `error` entry of what stopped a run.
fn stopped(e: &RunError) -> (&'static str, String) {
    let kind = match e {
        RunError::Usage(_) => "usage",
        RunError::Input(_) => "input",
        RunError::Write(_) | RunError::Counts(_) => "write",
    };
    (kind, e.message())
}

/// Writes a report: `options` as `ReportOptions` names them (with `paths`, `columns`, `aliases`, `lang`, `since`,
/// `until`, `narrator`; `paths` absent or `None` is the command line's default, and must be with `from_counts`).
/// Returns `{"error", "told", "files", "meetings", "speakers", "grouped", "words", "failed"}`.
#[pyfunction]
fn report<'py>(py: Python<'py>, options: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let result = PyDict::new(py);
    let paths_given = options.get_item("paths")?.is_some_and(|p| !p.is_none());
    let mut given = Options::new(options);
    let built = match reading(&mut given)? {
        Ok(reading) => values::report_options(&mut given, reading)?,
        Err(e) => Err(e),
    };
    given.finish()?;
    // Transcripts or counts, not both: said as the command line says it.
    let built = built.and_then(|o| match paths_given && !o.from_counts.is_empty() {
        true => Err(UsageError(stenogram::run::PATHS_AND_COUNTS.into())),
        false => Ok(o),
    });
    let options: ReportOptions = match built {
        Ok(options) => options,
        Err(e) => {
            result.set_item("error", usage(&e))?;
            result.set_item("told", Vec::<(&str, String)>::new())?;
            return Ok(result);
        }
    };
    let mut heard = Collected::default();
    let ran = py.detach(|| stenogram::run::report(&options, &mut heard));
    result.set_item("told", told(&heard.told))?;
    match ran {
        Ok(ran) => {
            result.set_item("error", py.None())?;
            result.set_item("files", ran.written.files)?;
            result.set_item("meetings", ran.meetings)?;
            result.set_item("speakers", ran.speakers)?;
            result.set_item("grouped", ran.grouped)?;
            result.set_item("words", ran.words)?;
            result.set_item("failed", ran.failed)?;
        }
        Err(e) => result.set_item("error", stopped(&e))?,
    }
    Ok(result)
}

/// Writes the counts of a shard: `options` are the reading options, `out`, `interpreted` and `jobs` (and
/// `token_budget`, `cache`). Returns `{"error", "told", "files", "meetings", "segments", "words", "failed"}`.
#[pyfunction]
fn count<'py>(py: Python<'py>, options: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let result = PyDict::new(py);
    let mut given = Options::new(options);
    let reading = reading(&mut given)?;
    let out: Option<String> = given.take("out")?;
    let interpreted: Option<String> = given.take("interpreted")?;
    let jobs: Option<u64> = given.take("jobs")?;
    let token_budget: Option<usize> = given.take("token_budget")?;
    let cache: Option<String> = given.take("cache")?;
    given.finish()?;
    let built = reading.and_then(|reading| {
        Ok(CountingOptions {
            reading,
            out: out
                .map(PathBuf::from)
                .ok_or_else(|| UsageError("out: a folder is needed".into()))?,
            interpreted: values::interpreted_choice(interpreted.as_deref().unwrap_or("include"))?,
            jobs,
            token_budget,
            cache: cache.map(PathBuf::from),
        })
    });
    let options = match built.and_then(|o| values::check_jobs(jobs).map(|()| o)) {
        Ok(options) => options,
        Err(e) => {
            result.set_item("error", usage(&e))?;
            result.set_item("told", Vec::<(&str, String)>::new())?;
            return Ok(result);
        }
    };
    let mut heard = Collected::default();
    let ran = py.detach(|| stenogram::run::count::count(&options, &mut heard));
    result.set_item("told", told(&heard.told))?;
    match ran {
        Ok(counted) => {
            result.set_item("error", py.None())?;
            result.set_item("files", counted.summary.files)?;
            result.set_item("meetings", counted.summary.meetings)?;
            result.set_item("segments", counted.summary.segments)?;
            result.set_item("words", counted.words)?;
            result.set_item("failed", counted.failed)?;
        }
        Err(e) => result.set_item("error", stopped(&e))?,
    }
    Ok(result)
}

/// Reads transcripts into one row per turn: `options` are the reading options and `jobs`. Returns `{"error",
/// "told", "columns"}`, `columns` a dictionary of lists in the order of `stenogram parse`'s columns.
#[pyfunction]
fn parse<'py>(py: Python<'py>, options: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let result = PyDict::new(py);
    let mut given = Options::new(options);
    let reading = reading(&mut given)?;
    let jobs: Option<u64> = given.take("jobs")?;
    given.finish()?;
    let reading = match (reading, values::check_jobs(jobs)) {
        (Ok(reading), Ok(())) => reading,
        (Err(e), _) | (_, Err(e)) => {
            result.set_item("error", usage(&e))?;
            result.set_item("told", Vec::<(&str, String)>::new())?;
            return Ok(result);
        }
    };
    let read = py.detach(|| values::in_pool(jobs, || stenogram::run::parse::read(&reading)));
    let corpus = match read {
        Ok(Ok(corpus)) => corpus,
        Ok(Err(e)) | Err(e) => {
            result.set_item("error", usage(&e))?;
            result.set_item("told", Vec::<(&str, String)>::new())?;
            return Ok(result);
        }
    };
    let mut heard = Collected::default();
    stenogram::run::Listener::message(
        &mut heard,
        stenogram::run::Message::Files {
            warnings: &corpus.warnings,
            errors: &corpus.errors,
        },
    );
    if let Some(note) = stenogram::run::left_out_note(corpus.left_out) {
        heard.told.insert(
            0,
            Told {
                kind: Kind::Note,
                text: note,
            },
        );
    }
    result.set_item("told", told(&heard.told))?;
    result.set_item("error", py.None())?;
    result.set_item("columns", values::turn_columns(py, &corpus)?)?;
    Ok(result)
}

/// The tokens of `text` (`lang`: `ru` or `en`), as a dictionary of lists in the order of `stenogram tokens`'
/// columns; a bad `lang` is `{"error": ("usage", message)}`.
#[pyfunction]
#[pyo3(signature = (text, lang = "ru"))]
fn tokens<'py>(py: Python<'py>, text: &str, lang: &str) -> PyResult<Bound<'py, PyDict>> {
    let result = PyDict::new(py);
    let Some(language) = stenogram::text::Language::parse(lang) else {
        let message =
            format!("invalid value '{lang}' for '--lang <LANG>': unknown language '{lang}'");
        result.set_item("error", ("usage", message))?;
        return Ok(result);
    };
    let text = text.to_string();
    match py.detach(|| stenogram::run::tokens::tokens(&text, language)) {
        Ok(rows) => {
            result.set_item("error", py.None())?;
            result.set_item("columns", values::token_columns(py, &rows)?)?;
        }
        Err(e) => result.set_item("error", usage(&e))?,
    }
    Ok(result)
}

/// The compiled core of `stenogram` (import `stenogram`, not this module).
#[pymodule]
fn _stenogram(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(report, m)?)?;
    m.add_function(wrap_pyfunction!(count, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(tokens, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
