//! A whole `report` run: options checked, transcripts read and analysed, info files and groups applied, names
//! found, and the report written, in a thread pool of its own when `jobs` is given (never the global pool, which a
//! process can build only once: the Python package runs many reports). What it has to tell goes to a
//! [`Listener`] as it happens; nothing is printed.

use super::finish::{write, Ran};
use crate::corpus::tokenize_paths;

use super::checked::Checked;
use super::errors::{InputError, RunError, UsageError};
use super::messages::{count, left_out_note, Listener, Message};
use super::options::ReportOptions;

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
