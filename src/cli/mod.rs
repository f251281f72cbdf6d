//! The command line: clap arguments to library calls, one file per subcommand. Nothing below imports this module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub mod allocator;
mod count;
mod diagnostics;
mod dictionaries;
mod import;
mod input;
mod kwic;
mod memory;
mod numbers;
mod output;
mod parse;
mod plain;
mod progress;
mod report;
mod sentences;
mod speakers;
mod tokens;
mod values;

/// Russian political transcripts to statistics that compare how the speakers talk.
#[derive(Debug, Parser)]
#[command(name = "stenogram", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the report: CSV tables, charts (PNG, SVG) and index.html.
    Report(Box<report::ReportArgs>),
    /// Count transcripts into Parquet files that DuckDB or Spark merge (`report --from-counts` reads them).
    Count(count::CountArgs),
    /// Read transcripts and print one row per speaker turn (or the line audit).
    Parse(parse::ParseArgs),
    /// List the speakers with meetings, turns and words.
    Speakers(speakers::SpeakersArgs),
    /// Write kremlin.ru pages (*.html) as transcripts in the text layout, one .txt per page.
    Import(import::ImportArgs),
    /// Keyword in context: every occurrence of a word, stem or pattern with its speaker.
    Kwic(kwic::KwicArgs),
    /// Print the tokens of plain text: start, end, kind, surface, key, stem.
    Tokens(tokens::TokensArgs),
    /// Print the sentences of plain text: start, end.
    Sentences(sentences::SentencesArgs),
}

/// How a subcommand ended, when it did not end with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read and written (exit code 0).
    Done,
    /// Some input could not be read; the rest was processed (exit code 2).
    InputFailed,
}

impl Outcome {
    /// `InputFailed` if `failed`, else `Done`.
    pub fn of(failed: bool) -> Outcome {
        if failed {
            Outcome::InputFailed
        } else {
            Outcome::Done
        }
    }
}

/// Exit codes: 0 all good, 1 usage (or an error before any input was read), 2 some input failed.
pub fn main() -> ExitCode {
    memory::set_mmap_threshold();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    allocator::configure();
    // clap exits with 2 on a usage error; here 2 means "some input failed", so usage errors exit with 1.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 1 } else { 0 });
        }
    };
    let result = match &cli.command {
        Command::Report(args) => report::run(args),
        Command::Count(args) => count::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Import(args) => import::run(args),
        Command::Kwic(args) => kwic::run(args),
        Command::Speakers(args) => speakers::run(args),
        Command::Tokens(args) => tokens::run(args),
        Command::Sentences(args) => sentences::run(args),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::InputFailed) => ExitCode::from(2),
        Err(e) => {
            eprintln!("error: {}", chain(&e));
            ExitCode::from(1)
        }
    }
}

/// An error and its causes, `: `-separated (the library's errors hold their cause in their message, so each cause
/// is printed once).
fn chain(e: &anyhow::Error) -> String {
    format!("{e:#}")
}
