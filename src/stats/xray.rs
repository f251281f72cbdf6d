//! Where words occur in one meeting (a dispersion or "x-ray" plot's data): for each chosen term, the position of
//! every occurrence among the meeting's words (0 for its first word) and who said it.
use crate::corpus::{Corpus, MeetingId, SpeakerId, TokenError, View};

use super::phrase::Finder;

/// The occurrences of some terms in one meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispersion {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its number of words.
    pub length: usize,
    /// Per term asked for, in that order: (position, speaker) of each occurrence.
    pub hits: Vec<Vec<(usize, SpeakerId)>>,
    /// The meeting's speakers in order of their first turn.
    pub speakers: Vec<SpeakerId>,
}

/// The meeting with the most words (the first of equals); `None` without meetings.
pub fn longest_meeting(corpus: &Corpus) -> Option<MeetingId> {
    let mut words = vec![0usize; corpus.meetings.len()];
    for t in &corpus.turns {
        words[t.meeting as usize] += t.len();
    }
    (0..words.len())
        .max_by(|&a, &b| words[a].cmp(&words[b]).then_with(|| b.cmp(&a)))
        .map(|m| m as MeetingId)
}

/// Why a meeting asked for (`--xray-meeting`) was not found: no meeting, or several, fit the text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    /// No meeting's id is or contains the text, nor is any meeting of that date.
    #[error("no meeting is '{given}'{}", hint(.closest))]
    Unknown {
        /// The text given.
        given: String,
        /// Meeting ids that are near it (of the same date, or sharing a word), at most five.
        closest: Vec<String>,
    },
    /// Several meetings fit.
    #[error("'{given}' fits {count} meetings: {}{}", .matches.join(", "), if *.count > .matches.len() { ", …" } else { "" })]
    Ambiguous {
        /// The text given.
        given: String,
        /// How many meetings fit.
        count: usize,
        /// The ids of the meetings that fit (at most five).
        matches: Vec<String>,
    },
}

fn hint(closest: &[String]) -> String {
    if closest.is_empty() {
        "; `stenogram report` writes every meeting id in meetings.csv".to_string()
    } else {
        format!("; did you mean {}?", closest.join(", "))
    }
}

/// The meeting `given` names: the one whose id is `given` (any case), else the one whose id contains it, else the
/// one of that date (`YYYY-MM-DD`).
pub fn find_meeting(corpus: &Corpus, given: &str) -> Result<MeetingId, MeetingError> {
    let wanted = given.trim().to_lowercase();
    let wanted_date = chrono::NaiveDate::parse_from_str(&wanted, "%Y-%m-%d").ok();
    let ids: Vec<String> = corpus
        .meetings
        .iter()
        .map(|m| m.id.to_lowercase())
        .collect();
    let pick = |fits: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..ids.len()).filter(|&m| fits(m)).collect()
    };
    let candidates = [
        pick(&|m| ids[m] == wanted),
        pick(&|m| ids[m].contains(&wanted)),
        pick(&|m| wanted_date.is_some() && corpus.meetings[m].date == wanted_date),
    ];
    for found in candidates {
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(*one as MeetingId),
            many => {
                return Err(MeetingError::Ambiguous {
                    given: given.to_string(),
                    count: many.len(),
                    matches: many
                        .iter()
                        .take(5)
                        .map(|&m| corpus.meetings[m].id.clone())
                        .collect(),
                })
            }
        }
    }
    // Near: a meeting of the same month, or whose id shares a word of three letters or more with the text (not a
    // number: a year is in every id).
    let words: Vec<&str> = wanted
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    let month = wanted.get(..7).unwrap_or("");
    // A word of the text that few ids contain says more than one most ids contain.
    let rarity: Vec<usize> = words
        .iter()
        .map(|w| ids.iter().filter(|id| id.contains(w)).count())
        .collect();
    let shared = |m: usize| -> f64 {
        words
            .iter()
            .zip(&rarity)
            .filter(|(w, _)| ids[m].contains(*w))
            .map(|(_, &n)| 1.0 / n as f64)
            .sum()
    };
    let mut near: Vec<usize> = (0..ids.len())
        .filter(|&m| {
            let of_month = |d: chrono::NaiveDate| d.format("%Y-%m").to_string() == month;
            (month.len() == 7 && corpus.meetings[m].date.is_some_and(of_month)) || shared(m) > 0.0
        })
        .collect();
    // The rarest words in common first, then in date order.
    near.sort_by(|&a, &b| shared(b).total_cmp(&shared(a)));
    let closest = near
        .into_iter()
        .take(5)
        .map(|m| corpus.meetings[m].id.clone())
        .collect();
    Err(MeetingError::Unknown {
        given: given.to_string(),
        closest,
    })
}

/// The occurrences of `terms` (words or phrases, see [`super::phrase::Phrase`]) in `meeting`, at the position of their first word.
pub fn dispersion(
    corpus: &Corpus,
    meeting: MeetingId,
    view: View,
    terms: &[String],
) -> Result<Dispersion, TokenError> {
    let mut finder = Finder::new(corpus, view, terms);
    let mut hits = vec![Vec::new(); terms.len()];
    let mut speakers = Vec::new();
    let mut position = 0;
    let mut reader = corpus.reader();
    for t in corpus.turns.iter().filter(|t| t.meeting == meeting) {
        if !speakers.contains(&t.speaker) {
            speakers.push(t.speaker);
        }
        finder.find(&mut reader, t, |p, at| {
            hits[p].push((position + at, t.speaker))
        })?;
        position += t.len();
    }
    Ok(Dispersion {
        meeting,
        length: position,
        hits,
        speakers,
    })
}

#[cfg(test)]
mod find_tests {
    use super::*;
    use crate::corpus::MeetingInfo;

    #[test]
    fn a_meeting_is_found_by_id_part_of_it_or_date() {
        let corpus = Corpus {
            meetings: [
                ("2025-04-29_belarus", "2025-04-29"),
                ("2025-04-30_china", "2025-04-30"),
                ("51389", "2016-06-25"),
            ]
            .iter()
            .map(|(id, date)| MeetingInfo::dated(id.to_string(), date.parse().ok()))
            .collect(),
            ..Corpus::default()
        };
        assert_eq!(find_meeting(&corpus, "51389"), Ok(2));
        assert_eq!(find_meeting(&corpus, "Belarus"), Ok(0));
        assert_eq!(find_meeting(&corpus, "2025-04-30"), Ok(1));
        let err = find_meeting(&corpus, "2025-04").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'2025-04' fits 2 meetings: 2025-04-29_belarus, 2025-04-30_china"
        );
        let err = find_meeting(&corpus, "2025-04-28_belarus-talks").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no meeting is '2025-04-28_belarus-talks'; did you mean 2025-04-29_belarus, 2025-04-30_china?"
        );
    }
}
