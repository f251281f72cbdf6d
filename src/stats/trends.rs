//! Across meetings: each speaker's vocabulary meeting by meeting in date order, and chosen terms' frequency per
//! meeting.
//!
//! Per speaker and meeting: words, types (distinct keys), MATTR and MTLD of that meeting's words (see
//! [`super::lexdiv`]; MATTR is empty when the speaker said fewer words than the window), **new types** (keys the
//! speaker had not used in any earlier meeting), their share of the meeting's types, and the cumulative number of
//! types so far. Lexical measures here always use keys, whatever the view.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use crate::corpus::{Corpus, TokenError, View};
use rayon::prelude::*;
use serde::Serialize;

use super::freq::groups;
use super::keyness::{KeynessRow, CRITICAL_01};
use super::phrase::Finder;
use super::profile::Profiles;
use crate::text::lemma::NameKind;

/// One row of `meetings_by_speaker.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingSpeakerRow {
    /// Meeting id.
    pub meeting: String,
    /// Date.
    pub date: Option<NaiveDate>,
    /// Speaker.
    pub speaker: String,
    /// Word tokens.
    pub words: usize,
    /// Distinct keys.
    pub types: usize,
    /// MATTR (window as configured).
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mattr: Option<f64>,
    /// MTLD.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mtld: Option<f64>,
    /// Keys not used by this speaker in an earlier meeting.
    pub new_types: usize,
    /// new_types / types.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
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
    pub date: Option<NaiveDate>,
    /// Speaker.
    pub speaker: String,
    /// The term as asked for.
    pub term: String,
    /// Occurrences.
    pub count: u64,
    /// The speaker's words in that meeting: the base of the rate.
    pub words: u64,
    /// Occurrences per 10,000 of the speaker's words in that meeting.
    pub per_10k: f64,
}

/// Rows per speaker (sorted by name), meetings in date order. `profiles` hold the lexical diversity of each
/// (speaker, meeting), whose MATTR and MTLD the rows repeat; the types new
/// to each speaker are counted here, speakers in parallel.
pub fn meetings_by_speaker(
    corpus: &Corpus,
    profiles: &Profiles,
) -> Result<Vec<MeetingSpeakerRow>, TokenError> {
    let keys = corpus.keys.len();
    let groups: Vec<(&str, Vec<usize>)> = groups(corpus)
        .into_iter()
        .filter(|g| g.speaker.is_some())
        .map(|g| (g.name, g.turns))
        .collect();
    groups
        .par_iter()
        .map_init(
            || (vec![false; keys], vec![0u32; keys]),
            |(seen, stamp), (speaker, turns)| {
                let mut rows = Vec::new();
                let mut touched: Vec<u32> = Vec::new();
                let mut cumulative = 0usize;
                let mut part = 0u32;
                let mut reader = corpus.reader();
                let mut k = 0;
                while k < turns.len() {
                    let first = &corpus.turns[turns[k]];
                    let (id, meeting) = (first.speaker, first.meeting);
                    // Types of this meeting (stamped with the part number) and those new to the speaker.
                    part += 1;
                    let (mut words, mut types, mut new_types) = (0usize, 0usize, 0usize);
                    while k < turns.len() && corpus.turns[turns[k]].meeting == meeting {
                        for &t in reader.words(&corpus.turns[turns[k]])? {
                            let t = t as usize;
                            words += 1;
                            if stamp[t] != part {
                                stamp[t] = part;
                                types += 1;
                                if !seen[t] {
                                    seen[t] = true;
                                    touched.push(t as u32);
                                    new_types += 1;
                                }
                            }
                        }
                        k += 1;
                    }
                    cumulative += new_types;
                    let info = &corpus.meetings[meeting as usize];
                    let measured = profiles.meetings.get(&(id, meeting)).map(|p| &p.1);
                    rows.push(MeetingSpeakerRow {
                        meeting: info.id.clone(),
                        date: info.date,
                        speaker: speaker.to_string(),
                        words,
                        types,
                        mattr: measured.and_then(|m| m.mattr),
                        mtld: measured.and_then(|m| m.mtld),
                        new_types,
                        new_type_share: (types > 0).then(|| new_types as f64 / types as f64),
                        cumulative_types: cumulative,
                    });
                }
                // The types stamped are the types seen.
                for &t in &touched {
                    seen[t as usize] = false;
                    stamp[t as usize] = 0;
                }
                Ok(rows)
            },
        )
        .collect::<Result<Vec<_>, TokenError>>()
        .map(|groups| groups.into_iter().flatten().collect())
}

/// Frequency of each of `terms` (words or phrases, see [`super::phrase::Phrase`]) per speaker and meeting.
pub fn term_trends(
    corpus: &Corpus,
    view: View,
    terms: &[String],
) -> Result<Vec<TermTrendRow>, TokenError> {
    let mut finder = Finder::new(corpus, view, terms);
    let any = finder.any();
    let mut cells: BTreeMap<(u32, u32), (u64, Vec<u64>)> = BTreeMap::new();
    let mut reader = corpus.reader();
    for t in &corpus.turns {
        let cell = cells
            .entry((t.speaker, t.meeting))
            .or_insert_with(|| (0, vec![0; terms.len()]));
        cell.0 += t.len() as u64;
        if any {
            finder.find(&mut reader, t, |p, _| cell.1[p] += 1)?;
        }
    }
    let mut rows = Vec::new();
    for ((s, m), (total, counts)) in cells {
        let info = &corpus.meetings[m as usize];
        for (phrase, count) in finder.phrases().iter().zip(counts) {
            rows.push(TermTrendRow {
                meeting: info.id.clone(),
                date: info.date,
                speaker: corpus.speakers[s as usize].clone(),
                term: phrase.text.clone(),
                count,
                words: total,
                per_10k: if total == 0 {
                    0.0
                } else {
                    count as f64 * 10_000.0 / total as f64
                },
            });
        }
    }
    Ok(rows)
}

/// Words of greeting, thanks and address (lemmas and keys, folded): formulas of a meeting's opening and close,
/// never what the speakers talk about, so never a default term.
pub const FORMULAS: &[&str] = &[
    "рад",
    "спасибо",
    "благодарить",
    "благодарный",
    "добро",
    "пожаловать",
    "здравствуйте",
    "здравствовать",
    "уважаемый",
    "дорогой",
    "господин",
    "госпожа",
    "позволить",
    "thank",
    "thanks",
    "welcome",
    "mr",
    "mrs",
    "ms",
    "dear",
    "excellency",
    "glad",
    "pleased",
    "please",
];

/// The terms that tell the charted speakers apart, for the trends and the x-ray when no terms are asked for: each
/// speaker's strongest content keywords (G² against the reference, significant at p < 0.01), taken in turn from
/// each speaker until there are `n`, as their forms. A person's name (a first name, a patronymic: `Владимир
/// Владимирович` is a form of address, not a topic) and the [`FORMULAS`] of greeting and thanks are never one. Empty when no speaker has such a keyword.
pub fn telling_terms(
    corpus: &Corpus,
    view: View,
    keyness: &[KeynessRow],
    speakers: &[String],
    n: usize,
) -> Vec<String> {
    let person = |term: &str| -> bool {
        let lemma = match view {
            View::Lemma => corpus.lemmas.get(term),
            View::Key => corpus.keys.get(term).map(|k| corpus.lemmas.term(k)),
            View::Stem => None,
        };
        let name = match lemma {
            Some(l) => {
                corpus.lemmas.names.get(l as usize).copied().flatten() == Some(NameKind::Person)
            }
            None => false,
        };
        name || FORMULAS.contains(&term)
    };
    let mut lists: Vec<Vec<&KeynessRow>> = speakers
        .iter()
        .map(|s| {
            let mut rows: Vec<&KeynessRow> = keyness
                .iter()
                .filter(|r| r.target == s && r.content && r.g2 >= CRITICAL_01 && !person(r.term))
                .collect();
            rows.sort_by(|a, b| b.g2.total_cmp(&a.g2).then_with(|| a.term.cmp(b.term)));
            rows
        })
        .collect();
    let mut terms: Vec<String> = Vec::new();
    let mut round = 0;
    while terms.len() < n && lists.iter().any(|l| round < l.len()) {
        for list in &mut lists {
            if let Some(r) = list.get(round) {
                if terms.len() < n && !terms.iter().any(|t| t == r.form) {
                    terms.push(r.form.to_string());
                }
            }
        }
        round += 1;
    }
    terms
}
