//! `stenogram count`: transcripts to the mergeable counts of a shard (Parquet files; see `docs/counts.md`).

use std::path::PathBuf;

use clap::Args;

use stenogram::corpus::counts::{
    tokenize_shard, write_counts, CountOptions, Metadata, SCHEMA_VERSION,
};
use stenogram::corpus::AnalysisOptions;
use stenogram::report::Observer;

use super::input::{print_left_out, InputArgs, NarratorArg};
use super::numbers::{count, whole};
use super::progress::Progress;
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
    /// Word tokens held in memory before the rest go to a temporary file (in TMPDIR); for tests.
    #[arg(long, hide = true)]
    pub token_budget: Option<usize>,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `count`.
pub fn run(args: &CountArgs) -> anyhow::Result<Outcome> {
    let reading = args.input.reading(args.narrator.narrator.as_deref());
    let read = reading.read_options()?;
    let aliases = reading.aliases()?;
    if let Some(jobs) = args.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build_global();
    }
    let analysis = AnalysisOptions {
        language: args.input.lang,
        token_budget: args.token_budget,
        interpreted: args.interpreted.into(),
        ..AnalysisOptions::default()
    };
    let metadata = Metadata {
        format: "stenogram-counts".into(),
        schema_version: SCHEMA_VERSION,
        stenogram: env!("CARGO_PKG_VERSION").into(),
        options: CountOptions {
            interpreted: CountOptions::interpreted_name(analysis.interpreted).into(),
            lang: CountOptions::lang_name(args.input.lang),
            narrator: args.narrator.narrator.clone(),
            since: read.dates.since,
            until: read.dates.until,
            aliases: args.input.aliases.as_ref().map(|p| p.display().to_string()),
        },
    };
    let mut progress = Progress::new(args.quiet);
    progress.phase("reading and analysing");
    let (tokenized, shard) = tokenize_shard(&args.input.paths, &read, aliases, &analysis);
    let failed = progress.suspend(|| {
        print_left_out(tokenized.left_out(), args.quiet);
        args.input
            .print_diagnostics(tokenized.warnings(), tokenized.errors(), args.quiet)
    });
    if tokenized.files() == 0 {
        progress.finish();
        eprintln!(
            "error: no transcript was read, so nothing was written to {}",
            args.out.display()
        );
        return Ok(Outcome::InputFailed);
    }
    progress.phase("terms");
    let analysed = tokenized.finish();
    progress.phase("writing counts");
    let written = write_counts(&args.out, &analysed.corpus, &shard, &metadata)?;
    progress.phase("done");
    progress.finish();
    if !args.quiet {
        eprintln!(
            "{}: {} ({}, {}, {})",
            args.out.display(),
            count(written.files.len(), "file"),
            count(written.meetings, "meeting"),
            count(written.segments, "segment"),
            count(analysed.corpus.total_words(), "word"),
        );
    }
    Ok(Outcome::of(failed))
}
