//! Keyword in context: every occurrence of a key, a stem, a lemma or a regular expression in the spoken text of the
//! turns, with its speaker, meeting, left and right context and byte offsets into the turn's spoken text.
//!
//! A key, stem or lemma pattern matches word tokens (the pattern is keyed, stemmed or lemmatized the way the text
//! is; a lemma is the dictionary's reading of each word as written, so a capitalised `Путина` is the surname and
//! `путина` the fishing season); a pattern of several words (`Союзное государство`) matches them one after the other with nothing but
//! spaces between; a regular expression matches the spoken text itself. Context is cut at `width` characters on each
//! side, with line breaks shown as spaces.

use regex::Regex;
use serde::Serialize;

use crate::text::lemma::{LemmaCache, Lemmatizer};
use crate::text::normalize::key;
use crate::text::stem::Stemmer;
use crate::text::{tokenize, Language, TokenKind};
use crate::transcript::Meeting;

/// What to look for.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// Word tokens with this key.
    Key(String),
    /// Word tokens with this stem (of the pattern's key).
    Stem(String),
    /// Word tokens with this lemma (of the pattern's words).
    Lemma(String),
    /// A regular expression over the spoken text.
    Regex(Regex),
}

/// One hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicRow {
    /// Speaker.
    pub speaker: String,
    /// Meeting id.
    pub meeting: String,
    /// Turn number in the meeting.
    pub turn: usize,
    /// Left context.
    pub left: String,
    /// The match as written.
    #[serde(rename = "match")]
    pub hit: String,
    /// Right context.
    pub right: String,
    /// Byte offset of the match in the turn's spoken text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

fn stemmer_for(word: &str) -> Stemmer {
    if crate::lang::has_cyrillic(word) {
        Stemmer::new(Language::Ru)
    } else {
        Stemmer::new(Language::En)
    }
}

fn left_context(text: &str, at: usize, width: usize) -> String {
    let s: Vec<char> = text[..at].chars().rev().take(width).collect();
    s.into_iter().rev().collect::<String>().replace('\n', " ")
}

fn right_context(text: &str, at: usize, width: usize) -> String {
    text[at..]
        .chars()
        .take(width)
        .collect::<String>()
        .replace('\n', " ")
}

/// What a word token is compared as.
enum Unit {
    Key,
    Stem(Stemmer),
    Lemma(LemmaCache, Stemmer),
}

impl Unit {
    /// The unit of a word as written.
    fn of(&mut self, word: &str) -> String {
        let k = key(word);
        match self {
            Unit::Key => k,
            Unit::Stem(s) => s.stem(&k).into_owned(),
            Unit::Lemma(lemmas, _) if crate::lang::has_cyrillic(&k) => {
                lemmas.read(word).lemma.clone()
            }
            Unit::Lemma(_, english) => english.stem(&k).into_owned(),
        }
    }
}

/// Where the words `wanted` (as `unit`s) occur one after the other in `text`, with nothing but spaces between
/// them: (start, end) byte offsets of each occurrence.
fn phrase_spans(text: &str, wanted: &[String], unit: &mut Unit) -> Vec<(usize, usize)> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let tokens: Vec<_> = tokenize(text).collect();
    let units: Vec<Option<String>> = tokens
        .iter()
        .map(|t| (t.kind == TokenKind::Word).then(|| unit.of(t.surface(text))))
        .collect();
    (0..tokens.len().saturating_sub(wanted.len() - 1))
        .filter(|&i| {
            units[i..i + wanted.len()]
                .iter()
                .zip(wanted)
                .all(|(u, w)| u.as_ref() == Some(w))
        })
        .map(|i| (tokens[i].start, tokens[i + wanted.len() - 1].end))
        .collect()
}

/// All hits in meetings (in the order given), optionally for one speaker only.
pub fn kwic(
    meetings: &[&Meeting],
    pattern: &Pattern,
    width: usize,
    speaker: Option<&str>,
) -> Vec<KwicRow> {
    // The pattern's words, as units of the pattern's kind.
    let (text, mut unit) = match pattern {
        Pattern::Key(k) => (k.as_str(), Unit::Key),
        Pattern::Stem(s) => (s.as_str(), Unit::Stem(stemmer_for(s))),
        Pattern::Lemma(l) => match Lemmatizer::new() {
            Ok(lemmatizer) => (
                l.as_str(),
                Unit::Lemma(LemmaCache::new(lemmatizer), Stemmer::new(Language::En)),
            ),
            Err(_) => (l.as_str(), Unit::Stem(stemmer_for(l))),
        },
        Pattern::Regex(_) => ("", Unit::Key),
    };
    let wanted: Vec<String> = tokenize(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| unit.of(t.surface(text)))
        .collect();
    let mut rows = Vec::new();
    for m in meetings {
        for (i, turn) in m.turns().enumerate() {
            if speaker.is_some_and(|s| s != turn.speaker) {
                continue;
            }
            let text = turn.spoken();
            let spans: Vec<(usize, usize)> = match pattern {
                Pattern::Regex(re) => re
                    .find_iter(&text)
                    .filter(|h| !h.is_empty())
                    .map(|h| (h.start(), h.end()))
                    .collect(),
                _ => phrase_spans(&text, &wanted, &mut unit),
            };
            for (start, end) in spans {
                rows.push(KwicRow {
                    speaker: turn.speaker.clone(),
                    meeting: m.id.clone(),
                    turn: i + 1,
                    left: left_context(&text, start, width),
                    hit: text[start..end].to_string(),
                    right: right_context(&text, end, width),
                    start,
                    end,
                });
            }
        }
    }
    rows
}
