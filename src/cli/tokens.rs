//! `stenogram tokens`: the tokenizer's output on plain text, a header line, then one token a line:
//! `start<TAB>end<TAB>kind<TAB>surface<TAB>key<TAB>stem<TAB>lemma<TAB>pos` (byte offsets into the input, end
//! exclusive). A Russian word's lemma and part of speech are the dictionary's most probable analysis of the word
//! as written (case weighs names); an English word's lemma is the form it inflects from when the text has it
//! ([`stenogram::text::english`]), and other words' lemma is their stem, of part of speech `_`.

use std::path::PathBuf;

use clap::Args;

use stenogram::text::lemma::{LemmaCache, Lemmatizer};
use stenogram::text::normalize::key_into;
use stenogram::text::stem::StemCache;
use stenogram::text::{tokenize, Language, TokenKind};

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
    let mut stems = StemCache::new(args.lang);
    let mut lemmas = LemmaCache::new(Lemmatizer::new()?);
    let mut key = String::new();
    // The words of the text, for English lemmas (the form a word inflects from, when the text has it).
    let words: std::collections::HashSet<String> = tokenize(&text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| stenogram::text::normalize::key(t.surface(&text)))
        .collect();
    let mut english = String::new();
    with_output(None, |out| {
        writeln!(out, "{HEADER}")?;
        for t in tokenize(&text) {
            let surface = t.surface(&text);
            key_into(surface, &mut key);
            let (stem, lemma, pos) = if t.kind != TokenKind::Word {
                (key.as_str(), key.as_str(), "_")
            } else if args.lang == Language::Ru && stenogram::lang::has_cyrillic(&key) {
                let reading = lemmas.read(surface);
                (
                    stems.stem(&key),
                    reading.lemma.as_str(),
                    reading.pos.as_str(),
                )
            } else if stenogram::lang::has_cyrillic(&key) {
                let stem = stems.stem(&key);
                (stem, stem, "_")
            } else {
                english = stenogram::text::english::lemma(&key, |w| words.contains(w));
                (stems.stem(&key), english.as_str(), "_")
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                t.start,
                t.end,
                t.kind.as_str(),
                surface,
                key,
                stem,
                lemma,
                pos
            )?;
        }
        Ok(())
    })?;
    Ok(Outcome::Done)
}
