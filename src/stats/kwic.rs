//! Keyword in context: every occurrence of a key, a stem or a regular expression in the spoken text of the turns,
//! with its speaker, meeting, left and right context and byte offsets into the turn's spoken text.
//!
//! A key or stem pattern matches word tokens (the pattern is keyed, and stemmed for a stem pattern, the way the
//! text is); a pattern of several words (`Союзное государство`) matches them one after the other with nothing but
//! spaces between; a regular expression matches the spoken text itself. Context is cut at `width` characters on each
//! side, with line breaks shown as spaces.

use regex::Regex;
use serde::Serialize;

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

/// Where the words `wanted` (keys, or stems with `stemmer`) occur one after the other in `text`, with nothing but
/// spaces between them: (start, end) byte offsets of each occurrence.
fn phrase_spans(text: &str, wanted: &[String], stemmer: Option<&Stemmer>) -> Vec<(usize, usize)> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let tokens: Vec<_> = tokenize(text).collect();
    let matches = |t: &crate::text::Token, w: &String| {
        if t.kind != TokenKind::Word {
            return false;
        }
        let k = key(t.surface(text));
        match stemmer {
            Some(s) => s.stem(&k) == *w,
            None => k == *w,
        }
    };
    (0..tokens.len().saturating_sub(wanted.len() - 1))
        .filter(|&i| {
            tokens[i..i + wanted.len()]
                .iter()
                .zip(wanted)
                .all(|(t, w)| matches(t, w))
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
    // The pattern's words: keys, or the stems of their keys.
    let words = |text: &str| -> Vec<String> {
        tokenize(text)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| key(t.surface(text)))
            .collect()
    };
    let (wanted, stemmer) = match pattern {
        Pattern::Key(k) => (words(k), None),
        Pattern::Stem(s) => {
            let keys = words(s);
            let stemmer = stemmer_for(keys.first().map_or("", String::as_str));
            let stems = keys.iter().map(|k| stemmer.stem(k).into_owned()).collect();
            (stems, Some(stemmer))
        }
        Pattern::Regex(_) => (Vec::new(), None),
    };
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
                _ => phrase_spans(&text, &wanted, stemmer.as_ref()),
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
