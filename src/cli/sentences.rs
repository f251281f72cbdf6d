//! `stenogram sentences`: the sentence splitter's output on plain text, one sentence a line: `start<TAB>end`
//! (byte offsets into the input, end exclusive).

use std::path::PathBuf;

use clap::Args;

use stenogram::text::sentences::sentence_spans;
use stenogram::text::tokenize;

use super::output::with_output;
use super::plain::read_plain;
use super::Outcome;

/// Arguments of `sentences`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  echo 'Встретились В. В. Путин и А.Г.Лукашенко. Потом обед.' | stenogram sentences
  stenogram sentences text.txt")]
pub struct SentencesArgs {
    /// A plain-text file, or - for standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
}

/// Runs `sentences`.
pub fn run(args: &SentencesArgs) -> anyhow::Result<Outcome> {
    let Some(text) = read_plain(&args.file) else {
        return Ok(Outcome::InputFailed);
    };
    let tokens: Vec<_> = tokenize(&text).collect();
    with_output(None, |out| {
        for span in sentence_spans(&text, &tokens) {
            writeln!(out, "{}\t{}", span.start, span.end)?;
        }
        Ok(())
    })?;
    Ok(Outcome::Done)
}
