//! What can stop a run, as two kinds a caller acts on differently: a [`UsageError`] (an option value that is
//! wrong, a file given as an option's value that cannot be read or parsed, a name that matches no speaker: fix the
//! call) and an [`InputError`] (no transcript could be read, or none is left by the dates: fix the corpus), beside
//! the report's own [`WriteError`]. Messages are those the command line prints after `error: `, causes included.

use crate::corpus::counts::CountsError;
use crate::report::WriteError;

/// An error and its causes, `: `-separated, as `anyhow` prints an error with `{:#}` (so that a message made here
/// reads exactly as the command line printed it before the library made it).
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// A wrong option value, or a file named by an option that cannot be read or parsed: nothing was read yet, or the
/// transcripts read do not fit the option (a `--speakers` name that matches nobody).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl UsageError {
    /// `option: cause` (the cause's own causes included).
    pub fn of(option: &str, cause: &dyn std::error::Error) -> UsageError {
        UsageError(format!("{option}: {}", chain(cause)))
    }
}

/// The transcripts gave nothing to report on. Files that could not be read while others were are not errors of
/// the run: they are in [`crate::run::Message::Files`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Every path was bad, or held no transcript (the command line exits with 2).
    #[error("no transcript was read, so nothing was written to {out}")]
    NothingRead {
        /// The output directory, as given.
        out: String,
    },
    /// Transcripts were read, but `--since`/`--until` left every meeting out.
    #[error("no meeting falls between --since and --until, so nothing was written to {out}")]
    NoneInDates {
        /// The output directory, as given.
        out: String,
    },
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// An option to fix.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Nothing to report on.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The report could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The counts could not be written (`count`).
    #[error(transparent)]
    Counts(#[from] CountsError),
}

impl RunError {
    /// The message the command line prints after `error: `.
    pub fn message(&self) -> String {
        chain(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_read_like_anyhow_alternate_display() {
        let io = std::io::Error::other("denied");
        let e = WriteError::Io {
            path: "out".into(),
            cause: io,
        };
        let run = RunError::from(e);
        assert_eq!(run.message(), format!("{:#}", anyhow::Error::from(run)));
    }
}
