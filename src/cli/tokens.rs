//! `stenogram tokens`: the tokenizer's output on plain text ([`stenogram::run::tokens`]), a header line, then one
//! token a line: `start<TAB>end<TAB>kind<TAB>surface<TAB>key<TAB>stem<TAB>lemma<TAB>pos`.

use std::path::PathBuf;

use clap::Args;

use stenogram::text::Language;

use super::output::with_output;
use super::plain::read_plain;
use super::Outcome;

/// The header line of `tokens`.
pub const HEADER: &str = "start\tend\tkind\tsurface\tkey\tstem\tlemma\tpos";

/// Arguments of `tokens`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  echo 'В.Путин: по-моему, 24,5 млрд.' | stenogram tokens
  stenogram tokens --lang en speech.txt")]
pub struct TokensArgs {
    /// A plain-text file, or - for standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// Stemmer language; with `en`, Cyrillic words are stemmed too instead of lemmatized.
    #[arg(long, default_value = "ru", value_parser = |s: &str| Language::parse(s).ok_or(format!("unknown language '{s}'")))]
    pub lang: Language,
}

/// Runs `tokens`.
pub fn run(args: &TokensArgs) -> anyhow::Result<Outcome> {
    let Some(text) = read_plain(&args.file) else {
        return Ok(Outcome::InputFailed);
    };
    let rows = stenogram::run::tokens::tokens(&text, args.lang)?;
    with_output(None, |out| {
        writeln!(out, "{HEADER}")?;
        for t in &rows {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                t.start, t.end, t.kind, t.surface, t.key, t.stem, t.lemma, t.pos
            )?;
        }
        Ok(())
    })?;
    Ok(Outcome::Done)
}
