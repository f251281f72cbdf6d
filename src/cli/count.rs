//! `stenogram count`: transcripts to the mergeable counts of a shard (Parquet files; see `docs/counts.md`): the
//! arguments become the library's [`CountingOptions`], [`stenogram::run::count::count`] runs them, and what it
//! tells is printed.

use std::path::PathBuf;

use clap::Args;

use stenogram::run::count::CountingOptions;
use stenogram::run::RunError;

use super::input::{InputArgs, NarratorArg};
use super::numbers::{count, whole};
use super::report::Printer;
use super::values::InterpretedArg;
use super::Outcome;

/// Arguments of `count`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram count shard1/ --out counts/shard1
  stenogram report --from-counts counts/shard1 counts/shard2 --out report/
The files and their merge in DuckDB or Spark: docs/counts.md.")]
pub struct CountArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub narrator: NarratorArg,
    /// Output directory of the Parquet files (made if missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Interpreted turns (`(как переведено)`): counted as the speaker's, left out, or counted under
    /// `NAME (interpreted)`; a report from these counts must say the same.
    #[arg(long, value_enum, default_value_t = InterpretedArg::Include)]
    pub interpreted: InterpretedArg,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_parser = whole(1, Some(1024)))]
    pub jobs: Option<u64>,
    /// Keep the dictionary's readings of words in DIR between runs, so a rerun reads only words it has not met
    /// (made if missing; never changes an output; see docs/performance.md).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Word tokens held in memory before the rest go to a temporary file (in TMPDIR); for tests.
    #[arg(long, hide = true)]
    pub token_budget: Option<usize>,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `count`: the arguments become the library's [`CountingOptions`], [`stenogram::run::count::count`] runs
/// them, and what it tells is printed.
pub fn run(args: &CountArgs) -> anyhow::Result<Outcome> {
    let options = CountingOptions {
        reading: args.input.reading(args.narrator.narrator.as_deref()),
        out: args.out.clone(),
        interpreted: args.interpreted.into(),
        jobs: args.jobs,
        token_budget: args.token_budget,
        cache: args.cache.clone(),
    };
    let mut printer = Printer::new(&args.input, args.quiet);
    let counted = match stenogram::run::count::count(&options, &mut printer) {
        Ok(counted) => counted,
        Err(RunError::Input(e)) => {
            printer.progress.finish();
            eprintln!("error: {e}");
            return Ok(Outcome::InputFailed);
        }
        Err(RunError::Counts(e)) => return Err(e.into()),
        Err(e) => anyhow::bail!("{}", e.message()),
    };
    printer.progress.finish();
    if !args.quiet {
        eprintln!(
            "{}: {} ({}, {}, {})",
            args.out.display(),
            count(counted.summary.files.len(), "file"),
            count(counted.summary.meetings, "meeting"),
            count(counted.summary.segments, "segment"),
            count(counted.words, "word"),
        );
    }
    Ok(Outcome::of(printer.failed || counted.failed))
}
