//! Across meetings: each speaker's vocabulary meeting by meeting in date order, and chosen terms' frequency per
//! meeting.
//!
//! Per speaker and meeting: words, types (distinct keys), MATTR and MTLD of that meeting's words (see
//! [`super::lexdiv`]; MATTR is empty when the speaker said fewer words than the window), **new types** (keys the
//! speaker had not used in any earlier meeting), their share of the meeting's types, and the cumulative number of
//! types so far. Lexical measures here always use keys, whatever the view.

use std::collections::{BTreeMap, BTreeSet};

use hashbrown::HashSet;
use serde::Serialize;

use super::corpus::Corpus;
use super::counts::View;
use super::lexdiv::{mattr, mtld, MTLD_THRESHOLD};

/// One row of `meetings_by_speaker.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingSpeakerRow {
    /// Meeting id.
    pub meeting: String,
    /// Date.
    pub date: String,
    /// Speaker.
    pub speaker: String,
    /// Word tokens.
    pub words: usize,
    /// Distinct keys.
    pub types: usize,
    /// MATTR (window as configured).
    pub mattr: Option<f64>,
    /// MTLD.
    pub mtld: Option<f64>,
    /// Keys not used by this speaker in an earlier meeting.
    pub new_types: usize,
    /// new_types / types.
    pub new_type_share: Option<f64>,
    /// Distinct keys so far.
    pub cumulative_types: usize,
}

/// One row of `trends.csv`: a chosen term in one speaker's meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermTrendRow {
    /// Meeting id.
    pub meeting: String,
    /// Date.
    pub date: String,
    /// Speaker.
    pub speaker: String,
    /// The term as asked for.
    pub term: String,
    /// Occurrences.
    pub count: u64,
    /// Occurrences per 10,000 of the speaker's words in that meeting.
    pub per_10k: f64,
}

/// Rows per speaker (sorted by name), meetings in date order.
pub fn meetings_by_speaker(corpus: &Corpus, window: usize) -> Vec<MeetingSpeakerRow> {
    let mut words: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    for t in &corpus.turns {
        words
            .entry((t.speaker, t.meeting))
            .or_default()
            .extend_from_slice(&t.words);
    }
    let mut rows = Vec::new();
    let mut seen: HashSet<u32> = HashSet::new();
    let mut current = None;
    for ((s, m), tokens) in words {
        if current != Some(s) {
            seen.clear();
            current = Some(s);
        }
        let types: BTreeSet<u32> = tokens.iter().copied().collect();
        let new_types = types.iter().filter(|t| !seen.contains(*t)).count();
        seen.extend(types.iter().copied());
        let info = &corpus.meetings[m as usize];
        rows.push(MeetingSpeakerRow {
            meeting: info.id.clone(),
            date: info.date.clone(),
            speaker: corpus.speakers[s as usize].clone(),
            words: tokens.len(),
            types: types.len(),
            mattr: mattr(&tokens, window),
            mtld: (!tokens.is_empty()).then(|| mtld(&tokens, MTLD_THRESHOLD)),
            new_types,
            new_type_share: (!types.is_empty()).then(|| new_types as f64 / types.len() as f64),
            cumulative_types: seen.len(),
        });
    }
    rows
}

/// Frequency of each of `terms` (words, keyed, and stemmed in the stem view) per speaker and meeting.
pub fn term_trends(corpus: &Corpus, view: View, terms: &[String]) -> Vec<TermTrendRow> {
    let wanted: Vec<(String, Option<u32>)> = terms
        .iter()
        .map(|t| {
            let key = crate::text::normalize::key(t);
            let id = corpus
                .keys
                .get(&key)
                .map(|k| view.term(corpus, k))
                .or_else(|| match view {
                    View::Key => None,
                    View::Stem => corpus.stems.get(&key),
                });
            (t.clone(), id)
        })
        .collect();
    let mut cells: BTreeMap<(u32, u32), (u64, Vec<u64>)> = BTreeMap::new();
    for t in &corpus.turns {
        let cell = cells
            .entry((t.speaker, t.meeting))
            .or_insert_with(|| (0, vec![0; wanted.len()]));
        cell.0 += t.words.len() as u64;
        for &w in &t.words {
            let term = view.term(corpus, w);
            for (i, (_, id)) in wanted.iter().enumerate() {
                if *id == Some(term) {
                    cell.1[i] += 1;
                }
            }
        }
    }
    let mut rows = Vec::new();
    for ((s, m), (total, counts)) in cells {
        let info = &corpus.meetings[m as usize];
        for ((term, _), count) in wanted.iter().zip(counts) {
            rows.push(TermTrendRow {
                meeting: info.id.clone(),
                date: info.date.clone(),
                speaker: corpus.speakers[s as usize].clone(),
                term: term.clone(),
                count,
                per_10k: if total == 0 {
                    0.0
                } else {
                    count as f64 * 10_000.0 / total as f64
                },
            });
        }
    }
    rows
}
