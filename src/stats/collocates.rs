//! Collocates of a node, as AntConc's Collocate tool lists them: every word within a window of `left` words before
//! and `right` words after each occurrence of the node, with how often it occurs there and how strongly it is
//! attracted to the node.
//!
//! **Counting.** Words are word tokens in the node's view (key, stem or lemma; see [`super::concordance`]). A window
//! stays inside the node's turn (it never reaches another speaker's words) but crosses sentence ends, as AntConc's
//! does; numbers and punctuation take no place in it. For each occurrence of the node, the `left` words before its
//! first word and the `right` words after its last word are counted once each: O (`count_window`) is the number
//! of (occurrence, position) pairs, so a word inside the windows of two nearby occurrences counts twice, and
//! `count_left + count_right = count_window`. As in AntConc, the node's own words are never in its window, but
//! another occurrence of the node is (`очень очень`: очень is its own collocate).
//!
//! **Frequencies.** N is the number of words searched (the turns read, after `--speaker`, `--since` and `--until`),
//! f_n the number of occurrences of the node and f_c the collocate's frequency in those words (`count_corpus`).
//! With the window's span S = left + right, the co-occurrence expected if words were placed at random is
//! E = f_n·f_c·S/N: the node offers f_n·S places, each holding the collocate with probability f_c/N (the
//! span-corrected expectation of window-based collocation, as in Stubbs 1995, Hunston 2002 and Evert 2008).
//!
//! **Measures.**
//! - MI = log₂(O/E) = log₂(O·N / (f_n·f_c·S)) (Church & Hanks 1990, with the span correction above; tools that leave
//!   it out, such as #LancsBox and Sketch Engine, report log₂(O·N / (f_n·f_c)) = MI + log₂ S);
//! - t = (O − E)/√O (Church et al. 1991), with the same E;
//! - logDice = 14 + log₂(2·O / (f_n + f_c)) (Rychlý 2008), which needs no E; its maximum is 14 when each word
//!   occurs only beside the other (it can pass 14 when windows overlap and O exceeds f_n or f_c).
//!
//! **Order.** By `count_window` descending, then the collocate in code-point order; collocates seen fewer than
//! `min_count` times in the windows are left out (and counted in [`Collocates::left_out`]).

use std::collections::HashMap;
use std::str::FromStr;

use serde::Serialize;

use super::concordance::{ConcordanceError, Forms, Pattern, Search};
use crate::transcript::Meeting;

/// How many words on each side of the node a window holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Words before the node.
    pub left: usize,
    /// Words after the node.
    pub right: usize,
}

impl Window {
    /// The words of a window (S): `left + right`.
    pub fn span(&self) -> usize {
        self.left + self.right
    }
}

impl Default for Window {
    /// Five words on each side (AntConc's default).
    fn default() -> Self {
        Window { left: 5, right: 5 }
    }
}

impl FromStr for Window {
    type Err = ConcordanceError;

    /// `N` (N words on each side) or `L,R`; at least one word in all.
    fn from_str(s: &str) -> Result<Window, ConcordanceError> {
        let bad = || ConcordanceError::Window(s.to_string());
        let number = |t: &str| t.trim().parse::<usize>().map_err(|_| bad());
        let window = match s.split_once(',') {
            Some((l, r)) => Window {
                left: number(l)?,
                right: number(r)?,
            },
            None => {
                let n = number(s)?;
                Window { left: n, right: n }
            }
        };
        if window.span() == 0 {
            return Err(bad());
        }
        Ok(window)
    }
}

/// One collocate of the node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollocateRow {
    /// The collocate in the node's view (key, stem or lemma).
    pub collocate: String,
    /// Its most frequent form as written in the windows.
    pub form: String,
    /// O: times it occurs in the windows.
    pub count_window: u64,
    /// Of those, left of the node.
    pub count_left: u64,
    /// Of those, right of the node.
    pub count_right: u64,
    /// f_c: its frequency in all the words searched.
    pub count_corpus: u64,
    /// log₂(O/E).
    pub mi: f64,
    /// 14 + log₂(2·O/(f_n + f_c)).
    pub log_dice: f64,
    /// (O − E)/√O.
    pub t_score: f64,
}

/// The columns of [`CollocateRow`], for a table without rows.
pub const COLUMNS: [&str; 9] = [
    "collocate",
    "form",
    "count_window",
    "count_left",
    "count_right",
    "count_corpus",
    "mi",
    "log_dice",
    "t_score",
];

/// The collocates of a node and what they were counted in.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocates {
    /// The collocates seen at least `min_count` times, by count descending, then collocate.
    pub rows: Vec<CollocateRow>,
    /// f_n: occurrences of the node.
    pub hits: u64,
    /// N: words searched.
    pub words: u64,
    /// Collocates seen fewer than `min_count` times, left out of `rows`.
    pub left_out: usize,
}

/// The measures of a collocate (see the module's doc for the formulas).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CollocateMeasures {
    /// MI with the window-corrected expectation.
    pub mi: f64,
    /// logDice.
    pub log_dice: f64,
    /// t-score.
    pub t_score: f64,
}

/// MI, logDice and t of a collocate seen `o` times in the windows (`o` ≥ 1) of a node occurring `f_node` times,
/// the collocate occurring `f_coll` times among `n` words, with windows of `span` words: see the module's doc.
pub fn measures(o: u64, f_node: u64, f_coll: u64, n: u64, span: usize) -> CollocateMeasures {
    let (o, f_node, f_coll, n, span) = (
        o as f64,
        f_node as f64,
        f_coll as f64,
        n as f64,
        span as f64,
    );
    let expected = f_node * f_coll * span / n;
    let mi = (o / expected).log2();
    let log_dice = 14.0 + (2.0 * o / (f_node + f_coll)).log2();
    let t_score = (o - expected) / o.sqrt();
    CollocateMeasures {
        mi,
        log_dice,
        t_score,
    }
}

#[derive(Default)]
struct Tally {
    left: u64,
    right: u64,
    forms: Forms,
}

/// The collocates of `pattern` (a word or phrase; a regular expression is [`ConcordanceError::Regex`]) in the
/// turns of `meetings` (only `speaker`'s when named).
pub fn collocates(
    meetings: &[&Meeting],
    pattern: &Pattern,
    speaker: Option<&str>,
    window: Window,
    min_count: u64,
) -> Result<Collocates, ConcordanceError> {
    if matches!(pattern, Pattern::Regex(_)) {
        return Err(ConcordanceError::Regex);
    }
    let mut corpus: HashMap<String, u64> = HashMap::new();
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let (mut hits, mut words) = (0u64, 0u64);
    Search::new(pattern).turns(meetings, speaker, |turn| {
        words += turn.words.len() as u64;
        for w in &turn.words {
            match corpus.get_mut(&w.unit) {
                Some(n) => *n += 1,
                None => {
                    corpus.insert(w.unit.clone(), 1);
                }
            }
        }
        for hit in &turn.hits {
            hits += 1;
            let before = &turn.words[hit.first.saturating_sub(window.left)..hit.first];
            let after_end = (hit.past + window.right).min(turn.words.len());
            let after = &turn.words[hit.past..after_end];
            for (side, ws) in [(true, before), (false, after)] {
                for w in ws {
                    let tally = tallies.entry(w.unit.clone()).or_default();
                    if side {
                        tally.left += 1;
                    } else {
                        tally.right += 1;
                    }
                    tally.forms.add(&turn.text[w.start..w.end]);
                }
            }
        }
    });
    let mut rows = Vec::new();
    let mut left_out = 0;
    for (unit, tally) in tallies {
        let o = tally.left + tally.right;
        if o < min_count {
            left_out += 1;
            continue;
        }
        let f_coll = corpus[&unit];
        let CollocateMeasures {
            mi,
            log_dice,
            t_score,
        } = measures(o, hits, f_coll, words, window.span());
        rows.push(CollocateRow {
            form: tally.forms.most_frequent().to_string(),
            collocate: unit,
            count_window: o,
            count_left: tally.left,
            count_right: tally.right,
            count_corpus: f_coll,
            mi,
            log_dice,
            t_score,
        });
    }
    rows.sort_by(|a, b| {
        b.count_window
            .cmp(&a.count_window)
            .then_with(|| a.collocate.cmp(&b.collocate))
    });
    Ok(Collocates {
        rows,
        hits,
        words,
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(body: &str) -> Meeting {
        crate::stats::concordance::test_meeting(body)
    }

    #[test]
    fn windows_read_one_number_or_left_and_right() {
        assert_eq!("5".parse(), Ok(Window { left: 5, right: 5 }));
        assert_eq!(" 3, 0".parse(), Ok(Window { left: 3, right: 0 }));
        for bad in ["0", "0,0", "-1", "a", "1,2,3", ""] {
            assert_eq!(
                bad.parse::<Window>(),
                Err(ConcordanceError::Window(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn windows_stay_in_their_turn_pass_over_numbers_and_count_the_node_as_its_own_collocate() {
        let m = meeting("В.Путин: А б узел в. Узел г, 5 д.\nИ.Иванов: Д узел.");
        let c = collocates(
            &[&m],
            &Pattern::Key("узел".into()),
            None,
            Window { left: 2, right: 2 },
            1,
        )
        .unwrap();
        assert_eq!((c.hits, c.words, c.left_out), (3, 9, 0));
        let got: Vec<_> = c
            .rows
            .iter()
            .map(|r| {
                let counts = (r.count_window, r.count_left, r.count_right, r.count_corpus);
                (r.collocate.as_str(), counts)
            })
            .collect();
        // Узел 1: [а б] узел [в узел]; узел 2: [узел в] Узел [г (5) д]; узел 3, turn 2: [Д] узел, and nothing of
        // turn 1 in reach.
        assert_eq!(
            got,
            [
                ("в", (2, 1, 1, 1)),
                ("д", (2, 1, 1, 2)),
                ("узел", (2, 1, 1, 3)),
                ("а", (1, 1, 0, 1)),
                ("б", (1, 1, 0, 1)),
                ("г", (1, 0, 1, 1)),
            ]
        );
        let d = &c.rows[1];
        assert_eq!(
            d.form, "Д",
            "a tie of forms goes to the first in code-point order"
        );
        // Five words a side: д is in all three windows, the others in two; with --min-count 3 only д is left.
        let wide = collocates(
            &[&m],
            &Pattern::Key("узел".into()),
            None,
            Window::default(),
            3,
        )
        .unwrap();
        assert_eq!(wide.rows.len(), 1);
        assert_eq!(
            (wide.rows[0].collocate.as_str(), wide.rows[0].count_window),
            ("д", 3)
        );
        assert_eq!(wide.left_out, 5);
    }

    #[test]
    fn measures_follow_their_formulas() {
        // O = 4, f_n = 10, f_c = 20, N = 1000, S = 10: E = 2, MI = 1, t = (4 − 2)/2 = 1,
        // logDice = 14 + log2(8/30).
        let m = measures(4, 10, 20, 1000, 10);
        assert_eq!(m.mi, 1.0);
        assert_eq!(m.t_score, 1.0);
        assert!((m.log_dice - (14.0 + (8.0f64 / 30.0).log2())).abs() < 1e-12);
        // A word only ever beside the other: logDice 14.
        assert_eq!(measures(5, 5, 5, 100, 1).log_dice, 14.0);
    }

    #[test]
    fn a_regular_expression_has_no_collocates() {
        let m = meeting("В.Путин: А.");
        let re = Pattern::Regex(regex::Regex::new("а").unwrap());
        assert_eq!(
            collocates(&[&m], &re, None, Window::default(), 1),
            Err(ConcordanceError::Regex)
        );
    }
}
