//! The end of every report run, from transcripts ([`super::report`]) or from counts ([`super::from_counts`]): the
//! info files and groups applied, the names found, the report written, and what it has to tell told.

use crate::report::{self, Written};

use super::checked::Checked;
use super::errors::{RunError, UsageError};
use super::messages::{Listener, Message};

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
        let format = checked.config.format;
        let found = crate::stats::xray::find_meeting(corpus, given).map_err(|e| {
            let said = UsageError::of("--xray-meeting", &e).0;
            UsageError(report::named::named(format, &said).into_owned())
        })?;
        checked.config.xray_meeting = Some(corpus.meetings[found as usize].id.clone());
    }
    super::messages::cache_warning(corpus, listener);
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
