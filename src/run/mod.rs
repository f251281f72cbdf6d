//! Whole runs of the subcommands as library calls, shared by the command line and the Python package: options as
//! Rust types ([`ReportOptions`], [`ReadingOptions`]), checked before any transcript is read; typed errors
//! ([`UsageError`]: fix the call; [`InputError`]: nothing to report on); and what a run has to tell returned as data
//! ([`Message`], heard by a [`Listener`]), never printed. The command line turns its arguments into these options
//! and prints what it hears; the Python package turns keywords into them and raises Python warnings.
//!
//! ```no_run
//! use stenogram::run::{report, Collected, ReportOptions};
//!
//! let options = ReportOptions { out: "/tmp/kremlin".into(), ..ReportOptions::default() };
//! let mut heard = Collected::default();
//! let ran = report(&options, &mut heard).unwrap();
//! println!("{} files; {} messages", ran.written.files.len(), heard.told.len());
//! ```

mod checked;
pub mod count;
pub mod dictionaries;
mod errors;
mod finish;
mod from_counts;
mod messages;
mod options;
pub mod parse;
mod report;
pub mod tokens;

pub use errors::{chain, InputError, RunError, UsageError};
pub use finish::Ran;
pub use from_counts::PATHS_AND_COUNTS;
pub use messages::{count, left_out_note, whole, Collected, Kind, Listener, Message, Told};
pub use options::{ReadingOptions, ReportOptions};
pub use report::report;
