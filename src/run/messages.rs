//! What a run has to tell besides its result, as data: the library prints nothing. A [`Listener`] hears each
//! [`Message`] when it happens (so that the command line prints it between its progress display's phases, in the
//! order it always did), and each phase of the work as a [`crate::report::Observer`] does.

use crate::report::Observer;
use crate::transcript::{FileWarning, ReadError, WarningKind};

/// Something a run tells its caller.
#[derive(Debug, Clone, Copy)]
pub enum Message<'a> {
    /// What the user should know of the options' effect (the command line prints `warning: TEXT`).
    Warning(&'a str),
    /// What was left out by design (the command line prints `note: TEXT`).
    Note(&'a str),
    /// The files' own warnings and the files that could not be read while the others were (the command line
    /// summarises them when there are many, and exits with 2 when any file failed).
    Files {
        /// Warnings of files read, skipped pages and tables met that are not corpora included.
        warnings: &'a [FileWarning],
        /// Files that could not be read.
        errors: &'a [ReadError],
    },
}

/// Hears a run: its phases (as an [`Observer`]) and its messages.
pub trait Listener: Observer {
    /// A message, when it happens.
    fn message(&mut self, message: Message<'_>);
}

/// What kind of thing a [`Told`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Something to look at: an option's effect, a line of a file not understood.
    Warning,
    /// Something left out by design: meetings outside the dates, pages that are not articles.
    Note,
    /// A file that could not be read (the others were).
    Error,
}

/// One message as text, with its kind: a warning, note or error without its `warning: ` (`note: `, `error: `)
/// prefix (a file's warning keeps its `path:line: warning: ` as the command line prints it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    /// Warning, note or error.
    pub kind: Kind,
    /// The text.
    pub text: String,
}

impl Told {
    /// Each thing `message` tells, one by one (a file's diagnostics each on their own, never summarised).
    pub fn all(message: Message<'_>) -> Vec<Told> {
        let told = |kind, text: String| Told { kind, text };
        match message {
            Message::Warning(text) => vec![told(Kind::Warning, text.to_string())],
            Message::Note(text) => vec![told(Kind::Note, text.to_string())],
            Message::Files { warnings, errors } => {
                let mut all = Vec::with_capacity(warnings.len() + errors.len());
                for w in warnings {
                    all.push(match w.warning.kind {
                        WarningKind::Skipped | WarningKind::NotCorpus => {
                            told(Kind::Note, format!("{}: {}", w.path, w.warning.message))
                        }
                        _ => told(Kind::Warning, w.to_string()),
                    });
                }
                all.extend(errors.iter().map(|e| told(Kind::Error, e.to_string())));
                all
            }
        }
    }
}

/// A listener that keeps every message as [`Told`]s, in order, and ignores the phases.
#[derive(Debug, Default)]
pub struct Collected {
    /// The messages heard.
    pub told: Vec<Told>,
}

impl Observer for Collected {
    fn phase(&mut self, _name: &str) {}
}

impl Listener for Collected {
    fn message(&mut self, message: Message<'_>) {
        self.told.extend(Told::all(message));
    }
}

/// `n` and `noun`, with an `s` unless `n` is 1: "1 meeting", "39 meetings".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What `--since`/`--until` left out, `(meetings, of them undated)`, as a note (`None` when nothing was).
pub fn left_out_note((left_out, undated): (usize, usize)) -> Option<String> {
    (left_out > 0).then(|| {
        let undated = match undated {
            0 => String::new(),
            n => format!(", {n} of them without a date"),
        };
        format!(
            "--since/--until left out {}{undated}",
            count(left_out, "meeting")
        )
    })
}

/// A parser of a whole number from `min` up to `max` (`None`: no upper bound); its error says the range in words
/// ("1 or more", not `1..18446744073709551615`).
pub fn whole(min: u64, max: Option<u64>) -> impl Fn(&str) -> Result<u64, String> + Clone {
    move |s: &str| {
        let range = match max {
            Some(max) => format!("from {min} to {max}"),
            None => format!("{min} or more"),
        };
        match s.trim().parse::<u64>() {
            Ok(n) if n >= min && max.is_none_or(|max| n <= max) => Ok(n),
            _ => Err(format!("expected a whole number {range}")),
        }
    }
}

/// Warns when the cache of readings (`--cache`) could not be read or written: the run went on without it, with
/// the same outputs.
pub(super) fn cache_warning<L: Listener>(corpus: &crate::corpus::Corpus, listener: &mut L) {
    if let Some(e) = corpus.cache.as_ref().and_then(|c| c.error.as_ref()) {
        listener.message(Message::Warning(&format!(
            "--cache: {e}; the words were read from the dictionary instead (the outputs are the same)"
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_like_numbers_and_nouns_agree() {
        let positive = whole(1, None);
        assert_eq!(positive("3"), Ok(3));
        assert_eq!(
            positive("0"),
            Err("expected a whole number 1 or more".into())
        );
        assert_eq!(
            positive("-1"),
            Err("expected a whole number 1 or more".into())
        );
        let top = whole(1, Some(1000));
        assert_eq!(
            top("1001"),
            Err("expected a whole number from 1 to 1000".into())
        );
        assert_eq!(top(" 15 "), Ok(15));
        assert_eq!(count(1, "meeting"), "1 meeting");
        assert_eq!(count(0, "word"), "0 words");
        assert_eq!(left_out_note((0, 0)), None);
        assert_eq!(
            left_out_note((3, 1)).unwrap(),
            "--since/--until left out 3 meetings, 1 of them without a date"
        );
    }
}
