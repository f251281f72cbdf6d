//! Clusters of a node, as AntConc's Clusters tool lists them: every run of `size` words that contains the whole
//! node (a word, or every word of a phrase), with how often it occurs.
//!
//! **What is a cluster.** `size` word tokens in a row within one turn with nothing but white space between them, as
//! a phrase pattern is matched ([`super::concordance`]): a punctuation mark, number or symbol breaks a cluster, so
//! `сотрудничество. Мы` is none. A run is counted once however many occurrences of the node it holds
//! (`очень очень хорошо` once for `очень`), and in every position the node takes in it, so `--clusters 3` lists
//! the node first, in the middle and last.
//!
//! **Columns.** `cluster` is the run in the node's view (keys by default: lowercase, ё = е; stems with `--stem`,
//! lemmas with `--lemma`) joined by spaces, `form` its most frequent form as written (of equally frequent ones,
//! the first in code-point order), `count` its occurrences and `meetings` in how many meetings it occurs (AntConc's
//! *range*). By count descending, then cluster in code-point order; clusters seen fewer than `min_count` times are
//! left out (and counted in [`Clusters::left_out`]).

use std::collections::HashMap;

use serde::Serialize;

use super::concordance::{ConcordanceError, Forms, Pattern, Search};
use crate::transcript::Meeting;

/// One cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClusterRow {
    /// The words in the node's view (key, stem or lemma), space-separated.
    pub cluster: String,
    /// Its most frequent form as written.
    pub form: String,
    /// Occurrences.
    pub count: u64,
    /// Meetings it occurs in.
    pub meetings: u64,
}

/// The columns of [`ClusterRow`], for a table without rows.
pub const COLUMNS: [&str; 4] = ["cluster", "form", "count", "meetings"];

/// The clusters of a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clusters {
    /// The clusters seen at least `min_count` times, by count descending, then cluster.
    pub rows: Vec<ClusterRow>,
    /// Occurrences of the node.
    pub hits: u64,
    /// Clusters seen fewer than `min_count` times, left out of `rows`.
    pub left_out: usize,
}

#[derive(Default)]
struct Tally {
    count: u64,
    meetings: u64,
    /// The meeting (by its place in the list) of the last occurrence.
    last_meeting: Option<usize>,
    forms: Forms,
}

/// The clusters of `size` words around `pattern` (a word or phrase of at most `size` words; a regular expression is
/// [`ConcordanceError::Regex`]) in the turns of `meetings` (only `speaker`'s when named).
pub fn clusters(
    meetings: &[&Meeting],
    pattern: &Pattern,
    speaker: Option<&str>,
    size: usize,
    min_count: u64,
) -> Result<Clusters, ConcordanceError> {
    let words = pattern.words().ok_or(ConcordanceError::Regex)?;
    if size < words.max(1) {
        return Err(ConcordanceError::ClusterTooShort { size, words });
    }
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut hits = 0u64;
    let mut meeting_index = 0usize;
    let mut last: Option<&Meeting> = None;
    Search::new(pattern).turns(meetings, speaker, |turn| {
        if last.is_some_and(|l| !std::ptr::eq(l, turn.meeting)) {
            meeting_index += 1;
        }
        last = Some(turn.meeting);
        hits += turn.hits.len() as u64;
        let ws = &turn.words;
        // The first words of the runs that hold a whole occurrence, each once.
        let mut starts: Vec<usize> = turn
            .hits
            .iter()
            .flat_map(|h| h.past.saturating_sub(size)..=h.first)
            .filter(|&s| s + size <= ws.len() && ws[s + 1..s + size].iter().all(|w| w.joined))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        for s in starts {
            let run = &ws[s..s + size];
            let cluster = run
                .iter()
                .map(|w| w.unit.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let form = run
                .iter()
                .map(|w| &turn.text[w.start..w.end])
                .collect::<Vec<_>>()
                .join(" ");
            let tally = tallies.entry(cluster).or_default();
            tally.count += 1;
            if tally.last_meeting != Some(meeting_index) {
                tally.meetings += 1;
                tally.last_meeting = Some(meeting_index);
            }
            tally.forms.add(&form);
        }
    });
    let mut rows = Vec::new();
    let mut left_out = 0;
    for (cluster, tally) in tallies {
        if tally.count < min_count {
            left_out += 1;
            continue;
        }
        rows.push(ClusterRow {
            form: tally.forms.most_frequent().to_string(),
            cluster,
            count: tally.count,
            meetings: tally.meetings,
        });
    }
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.cluster.cmp(&b.cluster))
    });
    Ok(Clusters {
        rows,
        hits,
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{parse_text, ReadOptions};

    fn meeting(id: &str, body: &str) -> Meeting {
        let text = format!("Встреча\n\n2024-05-06 12:30:00\n\nМосква\n\n{body}\n");
        parse_text(id, "m.txt", &text, "UTF-8", &ReadOptions::default()).0
    }

    fn table(c: &Clusters) -> Vec<(&str, &str, u64, u64)> {
        c.rows
            .iter()
            .map(|r| (r.cluster.as_str(), r.form.as_str(), r.count, r.meetings))
            .collect()
    }

    #[test]
    fn clusters_hold_the_node_in_every_position_and_never_cross_punctuation() {
        let a = meeting(
            "2024-05-06_a",
            "В.Путин: Очень очень хорошо. Очень хорошо, очень.\nИ.Иванов: Всё очень хорошо.",
        );
        let b = meeting("2024-05-07_b", "В.Путин: Очень хорошо.");
        let c = clusters(&[&a, &b], &Pattern::Key("очень".into()), None, 2, 1).unwrap();
        assert_eq!(c.hits, 6);
        assert_eq!(
            table(&c),
            [
                ("очень хорошо", "Очень хорошо", 4, 2),
                ("все очень", "Всё очень", 1, 1),
                ("очень очень", "Очень очень", 1, 1),
            ]
        );
        // «очень очень хорошо» holds the node twice and is counted once.
        let three = clusters(&[&a, &b], &Pattern::Key("очень".into()), None, 3, 1).unwrap();
        assert_eq!(
            table(&three),
            [
                ("все очень хорошо", "Всё очень хорошо", 1, 1),
                ("очень очень хорошо", "Очень очень хорошо", 1, 1)
            ]
        );
        let phrase = Pattern::Key("очень хорошо".into());
        assert_eq!(
            clusters(&[&a, &b], &phrase, None, 2, 2).unwrap().rows[0].count,
            4
        );
        assert_eq!(
            clusters(&[&a], &phrase, None, 1, 1),
            Err(ConcordanceError::ClusterTooShort { size: 1, words: 2 })
        );
        let left_out = clusters(&[&a, &b], &Pattern::Key("очень".into()), None, 2, 2).unwrap();
        assert_eq!((left_out.rows.len(), left_out.left_out), (1, 2));
    }
}
