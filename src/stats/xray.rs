//! Where words occur in one meeting (a dispersion or "x-ray" plot's data): for each chosen term, the position of
//! every occurrence among the meeting's words (0 for its first word) and who said it.

use super::counts::View;
use super::model::{Corpus, MeetingId, SpeakerId};
use super::phrase::Finder;
use super::store::TokenError;

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
