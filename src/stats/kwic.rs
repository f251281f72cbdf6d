//! Keyword in context: every occurrence of a key, a stem, a lemma or a regular expression in the spoken text of the
//! turns, with its speaker, meeting, left and right context and byte offsets into the turn's spoken text.
//!
//! A key, stem or lemma pattern matches word tokens (the pattern is keyed, stemmed or lemmatized the way the text
//! is; a lemma is the dictionary's reading of each word as written, so a capitalised `Путина` is the surname and
//! `путина` the fishing season); a pattern of several words (`Союзное государство`) matches them one after the other with nothing but
//! spaces between; a regular expression matches the spoken text itself (see [`super::concordance`]). Context is cut
//! at `width` characters on each side, with line breaks shown as spaces.
//!
//! **Sorting** ([`Sort`]) orders the hits as AntConc's KWIC sort levels do: by the first word to the left of the
//! node (L1), then the second (L2), and so on up to `words` levels, or by R1, R2, … to the right. Words are the
//! turn's word tokens (numbers and punctuation are passed over) compared by key (lowercase, ё = е) in code-point
//! order; a hit with fewer words on that side of it within its turn sorts before one with more (a missing word
//! comes first). Hits with the same sort words keep their order in the text, so the output is deterministic.

use std::str::FromStr;

use serde::Serialize;

pub use super::concordance::{ConcordanceError, Pattern};
use super::concordance::{Hit, Search, TurnWords, Word};
use crate::transcript::Meeting;

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

/// The columns of [`KwicRow`], for a table without rows.
pub const COLUMNS: [&str; 8] = [
    "speaker", "meeting", "turn", "left", "match", "right", "start", "end",
];

/// Which side of the node the hits are sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The words to the left, nearest first (L1, L2, …).
    Left,
    /// The words to the right, nearest first (R1, R2, …).
    Right,
}

/// How hits are sorted: by up to `words` words on one side of the node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The side.
    pub side: Side,
    /// How many words (sort levels) are compared, 1 or more.
    pub words: usize,
}

impl Sort {
    /// How many words a sort compares when the option does not say.
    pub const DEFAULT_WORDS: usize = 3;

    /// The keys of up to `self.words` words on the sort's side of `hit`, nearest first.
    fn keys(&self, words: &[Word], hit: &Hit) -> Vec<String> {
        let side: Box<dyn Iterator<Item = &Word>> = match self.side {
            Side::Left => Box::new(words[..hit.first].iter().rev()),
            Side::Right => Box::new(words[hit.past..].iter()),
        };
        side.take(self.words).map(|w| w.key.clone()).collect()
    }
}

impl FromStr for Sort {
    type Err = ConcordanceError;

    /// `left`, `right`, `left:N` or `right:N` (N ≥ 1).
    fn from_str(s: &str) -> Result<Sort, ConcordanceError> {
        let bad = || ConcordanceError::Sort(s.to_string());
        let (side, words) = match s.trim().split_once(':') {
            Some((side, n)) => (side, n.trim().parse::<usize>().map_err(|_| bad())?),
            None => (s.trim(), Sort::DEFAULT_WORDS),
        };
        let side = match side.trim().to_lowercase().as_str() {
            "left" | "l" => Side::Left,
            "right" | "r" => Side::Right,
            _ => return Err(bad()),
        };
        if words == 0 {
            return Err(bad());
        }
        Ok(Sort { side, words })
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

fn row(turn: &TurnWords<'_>, hit: &Hit, width: usize) -> KwicRow {
    let text = &turn.text;
    KwicRow {
        speaker: turn.turn.speaker.clone(),
        meeting: turn.meeting.id.clone(),
        turn: turn.number,
        left: left_context(text, hit.start, width),
        hit: text[hit.start..hit.end].to_string(),
        right: right_context(text, hit.end, width),
        start: hit.start,
        end: hit.end,
    }
}

/// All hits in meetings (in the order given), optionally for one speaker only.
pub fn kwic(
    meetings: &[&Meeting],
    pattern: &Pattern,
    width: usize,
    speaker: Option<&str>,
) -> Vec<KwicRow> {
    kwic_sorted(meetings, pattern, width, speaker, None)
}

/// All hits, in text order (meetings in the order given) or sorted by the words on one side of the node.
pub fn kwic_sorted(
    meetings: &[&Meeting],
    pattern: &Pattern,
    width: usize,
    speaker: Option<&str>,
    sort: Option<Sort>,
) -> Vec<KwicRow> {
    let mut keyed = Vec::new();
    Search::new(pattern).turns(meetings, speaker, |turn| {
        for hit in &turn.hits {
            let keys = sort.map(|s| s.keys(&turn.words, hit)).unwrap_or_default();
            keyed.push((keys, row(&turn, hit, width)));
        }
    });
    if sort.is_some() {
        // Stable: equal sort words keep the text order.
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
    }
    keyed.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(body: &str) -> Meeting {
        crate::stats::concordance::test_meeting(body)
    }

    fn hits(m: &Meeting, pattern: &str, sort: Option<&str>) -> Vec<(usize, usize)> {
        let sort = sort.map(|s| s.parse().unwrap());
        kwic_sorted(&[m], &Pattern::Key(pattern.into()), 10, None, sort)
            .iter()
            .map(|r| (r.turn, r.start))
            .collect()
    }

    #[test]
    fn hits_sort_by_the_nearest_words_first_then_keep_their_text_order() {
        let m = meeting(
            "В.Путин: Наше дело. Ёлки, дело 5 идёт. Дело наше.\nИ.Иванов: Дело ваше, наше дело; елки дело идёт.",
        );
        // In text order: (turn 1) наше ‹дело› елки дело | елки ‹дело› [5] идет дело | идет ‹дело› наше;
        // (turn 2) — ‹дело› ваше наше | наше ‹дело› елки дело | елки ‹дело› идет.
        let p = hits(&m, "дело", None);
        assert_eq!(p.len(), 6);
        assert!(p.windows(2).all(|w| w[0] < w[1]), "text order: {p:?}");
        // L1: — < елки = елки (ё = е; text order) < идет < наше = наше (case ignored).
        assert_eq!(
            hits(&m, "дело", Some("left:1")),
            [p[3], p[1], p[5], p[2], p[0], p[4]]
        );
        // R1, R2: ваше наше < елки дело = елки дело < идет (no R2: first) < идет дело (the number passed over)
        // < наше.
        assert_eq!(
            hits(&m, "дело", Some("right:2")),
            [p[3], p[0], p[4], p[5], p[1], p[2]]
        );
    }

    #[test]
    fn sorts_read_left_right_and_their_number_of_words() {
        let s = |t: &str| t.parse::<Sort>();
        assert_eq!(
            s("left"),
            Ok(Sort {
                side: Side::Left,
                words: 3
            })
        );
        assert_eq!(
            s("right:2"),
            Ok(Sort {
                side: Side::Right,
                words: 2
            })
        );
        assert_eq!(s("R:1").map(|s| s.side), Ok(Side::Right));
        for bad in ["up", "left:0", "left:x", "", "left:"] {
            assert_eq!(s(bad), Err(ConcordanceError::Sort(bad.into())), "{bad}");
        }
    }
}
