//! A whole `count` run: options checked, transcripts read and analysed, and the mergeable counts of the shard
//! written ([`crate::corpus::counts`]; `docs/counts.md`), in a thread pool of its own when `jobs` is given. What it
//! has to tell goes to a [`Listener`] as it happens (the command line prints it, the Python package makes warnings
//! of it); nothing is printed.

use std::path::PathBuf;

use crate::corpus::counts::{
    tokenize_shard, write_counts, CountOptions, CountSummary, Metadata, SCHEMA_VERSION,
};
use crate::corpus::{AnalysisOptions, Interpreted};

use super::errors::{InputError, RunError, UsageError};
use super::messages::{left_out_note, Listener, Message};
use super::options::ReadingOptions;

/// Every option of `count` (the field names are the long flags').
#[derive(Debug, Clone)]
pub struct CountingOptions {
    /// The transcripts and how to read them.
    pub reading: ReadingOptions,
    /// `--out`: the folder of the counts (made if missing).
    pub out: PathBuf,
    /// `--interpreted`: what becomes of interpreted turns (a report from the counts must say the same).
    pub interpreted: Interpreted,
    /// `--jobs`: worker threads (default: all cores), in a thread pool of the run's own.
    pub jobs: Option<u64>,
    /// Word tokens held in memory before the rest go to a temporary file (for tests).
    pub token_budget: Option<usize>,
    /// `--cache`: a folder that keeps the dictionary's readings of words between runs.
    pub cache: Option<std::path::PathBuf>,
}

/// What a count run wrote.
#[derive(Debug, Clone)]
pub struct Counted {
    /// The files, meetings and segments written.
    pub summary: CountSummary,
    /// The words counted.
    pub words: usize,
    /// Some file could not be read (the command line exits with 2).
    pub failed: bool,
}

/// Writes the counts `options` ask for. The reading options are checked before any transcript is read; when none
/// is read, nothing is written ([`InputError::NothingRead`]).
pub fn count<L: Listener + Send>(
    options: &CountingOptions,
    listener: &mut L,
) -> Result<Counted, RunError> {
    let reading = &options.reading;
    let read = reading.read_options()?;
    let aliases = reading.aliases()?;
    let analysis = AnalysisOptions {
        language: reading.lang,
        token_budget: options.token_budget,
        cache: options.cache.clone(),
        interpreted: options.interpreted,
        ..AnalysisOptions::default()
    };
    let metadata = Metadata {
        format: "stenogram-counts".into(),
        schema_version: SCHEMA_VERSION,
        stenogram: env!("CARGO_PKG_VERSION").into(),
        options: CountOptions {
            interpreted: CountOptions::interpreted_name(analysis.interpreted).into(),
            lang: CountOptions::lang_name(reading.lang),
            narrator: reading.narrator.clone(),
            since: read.dates.since,
            until: read.dates.until,
            aliases: reading.aliases.as_ref().map(|p| p.display().to_string()),
        },
    };
    let run = |listener: &mut L| -> Result<Counted, RunError> {
        listener.phase("reading and analysing");
        let (tokenized, shard) = tokenize_shard(&reading.paths, &read, aliases, &analysis);
        if let Some(note) = left_out_note(tokenized.left_out()) {
            listener.message(Message::Note(&note));
        }
        listener.message(Message::Files {
            warnings: tokenized.warnings(),
            errors: tokenized.errors(),
        });
        let failed = !tokenized.errors().is_empty();
        if tokenized.files() == 0 {
            let out = options.out.display().to_string();
            return Err(InputError::NothingRead { out }.into());
        }
        listener.phase("terms");
        let analysed = tokenized.finish();
        super::messages::cache_warning(&analysed.corpus, listener);
        listener.phase("writing counts");
        let summary = write_counts(&options.out, &analysed.corpus, &shard, &metadata)?;
        listener.phase("done");
        Ok(Counted {
            summary,
            words: analysed.corpus.total_words(),
            failed,
        })
    };
    match options.jobs {
        None => run(listener),
        Some(jobs) => rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build()
            .map_err(|e| UsageError(format!("--jobs: cannot start {jobs} threads: {e}")))?
            .install(|| run(listener)),
    }
}
