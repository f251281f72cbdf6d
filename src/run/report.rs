//! A whole `report` run: options checked, transcripts read and analysed, info files and groups applied, names
//! found, and the report written, in a thread pool of its own when `jobs` is given (never the global pool, which a
//! process can build only once: the Python package runs many reports). What it has to tell goes to a
//! [`Listener`] as it happens; nothing is printed.

use crate::corpus::tokenize_paths;
use crate::report::{self, Written};

use super::checked::Checked;
use super::errors::{InputError, RunError, UsageError};
use super::messages::{count, left_out_note, Listener, Message};
use super::options::ReportOptions;

/// What a report run did.
#[derive(Debug, Clone)]
pub struct Ran {
    /// The files written, the report's warnings and notes (also told to the listener), and the output folder's
    /// tidying.
    pub written: Written,
    /// Meetings in the report.
    pub meetings: usize,
    /// Speakers, or groups under `--group-by`.
    pub speakers: usize,
    /// Whether the report compares groups (`--group-by`) rather than speakers.
    pub grouped: bool,
    /// Words in the report.
    pub words: usize,
    /// Whether some file could not be read (the rest was reported on).
    pub failed: bool,
}

/// Writes the report `options` ask for. Every option is checked before any transcript is read.
pub fn report<L: Listener + Send>(
    options: &ReportOptions,
    listener: &mut L,
) -> Result<Ran, RunError> {
    let checked = Checked::new(options, listener)?;
    match options.jobs {
        None => run_checked(checked, listener),
        Some(jobs) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs as usize)
                .build()
                .map_err(|e| UsageError(format!("--jobs: cannot start {jobs} threads: {e}")))?;
            pool.install(|| run_checked(checked, listener))
        }
    }
}

fn run_checked<L: Listener>(mut checked: Checked, listener: &mut L) -> Result<Ran, RunError> {
    if !checked.from_counts.is_empty() {
        return super::from_counts::run(checked, listener);
    }
    listener.phase("reading and analysing");
    let tokenized = tokenize_paths(
        &checked.paths,
        &checked.read,
        checked.aliases.clone(),
        &checked.analysis,
    );
    if let Some(note) = left_out_note(tokenized.left_out()) {
        listener.message(Message::Note(&note));
    }
    if let (turns @ 1.., words) = tokenized.excluded() {
        listener.message(Message::Note(&format!(
            "--interpreted exclude left out {} ({})",
            count(turns, "interpreted turn"),
            count(words, "word")
        )));
    }
    let failed = !tokenized.errors().is_empty();
    listener.message(Message::Files {
        warnings: tokenized.warnings(),
        errors: tokenized.errors(),
    });
    let out = checked.config.out.display().to_string();
    // Nothing read (every path bad, or no `.txt` file): an empty report must not replace a previous one.
    if tokenized.files() == 0 {
        return Err(if tokenized.left_out().0 > 0 {
            InputError::NoneInDates { out }
        } else {
            InputError::NothingRead { out }
        }
        .into());
    }
    let grouped = !checked.group_by.is_empty();
    if !grouped {
        checked.resolve_names(tokenized.speakers())?;
    }
    listener.phase("terms");
    let mut analysed = tokenized.finish();
    write(
        checked,
        &mut analysed.corpus,
        &analysed.audits,
        failed,
        listener,
    )
}

/// Writes the report of a read corpus: info files and groups applied, names found, the report made, and what it
/// has to tell told to `listener`. `failed`: whether some file could not be read.
pub(super) fn write<L: Listener>(
    mut checked: Checked,
    corpus: &mut crate::corpus::Corpus,
    audits: &[crate::transcript::Audit],
    failed: bool,
    listener: &mut L,
) -> Result<Ran, RunError> {
    let grouped = !checked.group_by.is_empty();
    checked.describe(corpus, listener)?;
    let corpus = &*corpus;
    if let Some(note) = corpus.by_key_note() {
        listener.message(Message::Note(&note));
    }
    if let Some(given) = &checked.config.xray_meeting {
        let found = crate::stats::xray::find_meeting(corpus, given)
            .map_err(|e| UsageError::of("--xray-meeting", &e))?;
        checked.config.xray_meeting = Some(corpus.meetings[found as usize].id.clone());
    }
    if let Some(e) = corpus.tokens.spill_error() {
        listener.message(Message::Warning(&format!(
            "cannot write the temporary token file, so every word stays in memory: {e}"
        )));
    }
    let written = report::run(corpus, audits, &checked.config, listener)?;
    listener.phase("done");
    for warning in &written.warnings {
        listener.message(Message::Warning(warning));
    }
    for note in &written.notes {
        listener.message(Message::Note(note));
    }
    if let Some(note) = written.tidied.note(&checked.config.out) {
        listener.message(Message::Note(&note));
    }
    Ok(Ran {
        written,
        meetings: corpus.meetings.len(),
        speakers: corpus.speakers.len(),
        grouped,
        words: corpus.total_words(),
        failed,
    })
}
