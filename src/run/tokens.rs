//! `tokens`: the tokenizer's output on plain text, one row per token: byte offsets into the input (end
//! exclusive), kind, surface, key, stem, lemma and part of speech. A Russian word's lemma and part of speech are
//! the dictionary's most probable analysis of the word as written (case weighs names); an English word's lemma is
//! the form it inflects from when the text has it ([`crate::text::english`]), and other words' lemma is their
//! stem, of part of speech `_`.

use std::collections::HashSet;

use crate::text::lemma::{LemmaCache, Lemmatizer};
use crate::text::normalize::{key, key_into};
use crate::text::stem::StemCache;
use crate::text::{tokenize, Language, TokenKind};

use super::errors::{chain, UsageError};

/// The columns of a [`TokenRow`], in order.
pub const TOKEN_COLUMNS: [&str; 8] = [
    "start", "end", "kind", "surface", "key", "stem", "lemma", "pos",
];

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRow {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset past its last byte.
    pub end: usize,
    /// `word`, `number`, `punct`, …
    pub kind: &'static str,
    /// As written.
    pub surface: String,
    /// Lowercase, `ё` as `е`.
    pub key: String,
    /// The Snowball stem of the key (a token that is not a word: its key).
    pub stem: String,
    /// The lemma.
    pub lemma: String,
    /// The part of speech of the lemma (`_`: none).
    pub pos: &'static str,
}

/// The tokens of `text`, stemmed (and Cyrillic words lemmatized) as `lang` says.
pub fn tokens(text: &str, lang: Language) -> Result<Vec<TokenRow>, UsageError> {
    let mut stems = StemCache::new(lang);
    let mut lemmas = LemmaCache::new(Lemmatizer::new().map_err(|e| UsageError(chain(&e)))?);
    let mut k = String::new();
    // The words of the text, for English lemmas (the form a word inflects from, when the text has it).
    let words: HashSet<String> = tokenize(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| key(t.surface(text)))
        .collect();
    let mut rows = Vec::new();
    for t in tokenize(text) {
        let surface = t.surface(text);
        key_into(surface, &mut k);
        let (stem, lemma, pos) = if t.kind != TokenKind::Word {
            (k.clone(), k.clone(), "_")
        } else if lang == Language::Ru && crate::lang::has_cyrillic(&k) {
            let reading = lemmas.read(surface);
            (
                stems.stem(&k).to_string(),
                reading.lemma.clone(),
                reading.pos.as_str(),
            )
        } else if crate::lang::has_cyrillic(&k) {
            let stem = stems.stem(&k).to_string();
            (stem.clone(), stem, "_")
        } else {
            let english = crate::text::english::lemma(&k, |w| words.contains(w));
            (stems.stem(&k).to_string(), english, "_")
        };
        rows.push(TokenRow {
            start: t.start,
            end: t.end,
            kind: t.kind.as_str(),
            surface: surface.to_string(),
            key: k.clone(),
            stem,
            lemma,
            pos,
        });
    }
    Ok(rows)
}
