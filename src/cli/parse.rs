//! `stenogram parse`: one row per turn (CSV or JSON lines), or with `--audit` one row per file accounting for every
//! non-blank line.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use stenogram::run::parse::turn_rows;

use super::input::{InputArgs, NarratorArg};
use super::output::with_output;
use super::Outcome;

/// Arguments of `parse`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram parse corpus/                       one CSV row per turn on stdout
  stenogram parse --format jsonl a.txt b.txt    JSON lines
  stenogram parse --audit ../shared/corpus      per-file line audit; unclassified lines on stderr
  stenogram parse --out turns.csv corpus/")]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub narrator: NarratorArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Write here instead of stdout (`-` is stdout).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Print the per-file line audit instead of turns.
    #[arg(long)]
    pub audit: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

fn write_rows<T: Serialize>(
    out: &mut dyn std::io::Write,
    format: Format,
    rows: impl Iterator<Item = T>,
) -> anyhow::Result<()> {
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            for row in rows {
                w.serialize(row)?;
            }
            w.flush()?;
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, &row)?;
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// Runs `parse`; returns whether any input failed.
pub fn run(args: &ParseArgs) -> anyhow::Result<Outcome> {
    let corpus = args.input.load(args.narrator.narrator.as_deref())?;
    let failed = args.input.report_diagnostics(&corpus, false);
    with_output(args.out.as_deref(), |out| {
        if args.audit {
            write_rows(out, args.format, corpus.files.iter().map(|f| &f.audit))
        } else {
            write_rows(out, args.format, turn_rows(&corpus))
        }
    })?;
    Ok(Outcome::of(failed))
}
