//! `report --from-counts DIR...`: the corpus rebuilt from folders of counts ([`crate::corpus::counts`]: shards, or
//! an engine's merge of them, summed on read) instead of read from transcripts, then reported as any corpus, with
//! only the tables and charts that counts allow ([`crate::report::from_counts`]).

use crate::corpus::counts::read_counts;

use super::checked::Checked;
use super::errors::{InputError, RunError, UsageError};
use super::finish::{write, Ran};
use super::messages::{left_out_note, Listener, Message};

/// The usage error of transcripts and counts given together.
pub const PATHS_AND_COUNTS: &str =
    "--from-counts reads counts, not transcripts: give either PATHS or --from-counts";

/// Reports the counts `checked.from_counts` names.
pub fn run<L: Listener>(mut checked: Checked, listener: &mut L) -> Result<Ran, RunError> {
    if checked.paths != [std::path::PathBuf::from("corpus")] {
        return Err(UsageError(PATHS_AND_COUNTS.into()).into());
    }
    listener.phase("reading counts");
    let counts = read_counts(
        &checked.from_counts,
        Some(checked.analysis.interpreted),
        checked.analysis.language,
        checked.read.dates,
        &checked.analysis,
    )
    .map_err(|e| UsageError::of("--from-counts", &e))?;
    if let Some(note) = left_out_note(counts.left_out) {
        listener.message(Message::Note(&note));
    }
    let mut corpus = counts.corpus;
    if corpus.meetings.is_empty() {
        let out = checked.config.out.display().to_string();
        return Err(InputError::NoneInDates { out }.into());
    }
    if checked.group_by.is_empty() {
        checked.resolve_names(&corpus.speakers)?;
    }
    write(checked, &mut corpus, &[], false, listener)
}
