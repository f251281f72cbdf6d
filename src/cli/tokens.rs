//! `stenogram tokens`: the tokenizer's output on plain text, one token a line:
//! `start<TAB>end<TAB>kind<TAB>surface<TAB>key<TAB>stem` (byte offsets into the input, end exclusive).

use std::path::PathBuf;

use clap::Args;

use stenogram::text::normalize::key_into;
use stenogram::text::stem::StemCache;
use stenogram::text::{tokenize, Language, TokenKind};

use super::output::with_output;
use super::plain::read_plain;
use super::Outcome;

/// Arguments of `tokens`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  echo 'В.Путин: по-моему, 24,5 млрд.' | stenogram tokens
  stenogram tokens --lang en speech.txt")]
pub struct TokensArgs {
    /// A plain-text file, or - for standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// Stemmer language.
    #[arg(long, default_value = "ru", value_parser = |s: &str| Language::parse(s).ok_or(format!("unknown language '{s}'")))]
    pub lang: Language,
}

/// Runs `tokens`.
pub fn run(args: &TokensArgs) -> anyhow::Result<Outcome> {
    let Some(text) = read_plain(&args.file) else {
        return Ok(Outcome::InputFailed);
    };
    let mut stems = StemCache::new(args.lang);
    let mut key = String::new();
    with_output(None, |out| {
        for t in tokenize(&text) {
            let surface = t.surface(&text);
            key_into(surface, &mut key);
            let stem = if t.kind == TokenKind::Word {
                stems.stem(&key)
            } else {
                key.as_str()
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                t.start,
                t.end,
                t.kind.as_str(),
                surface,
                key,
                stem
            )?;
        }
        Ok(())
    })?;
    Ok(Outcome::Done)
}
