//! Each speaker's profile, over all their turns and in each meeting: turn statistics ([`super::turns`]) with
//! readability ([`super::readability`]) and lexical diversity ([`super::lexdiv`]). Computed once and shared by the tables that show it (speakers, turn
//! lengths, lexical diversity, vocabulary across meetings).
//!
//! A speaker in one meeting is read into memory; a speaker over all meetings is read in chunks, turn by turn, so
//! no more than a turn of a long-winded speaker is held. Both are measured in parallel.

use std::collections::{BTreeMap, BTreeSet};

use crate::corpus::{Corpus, MeetingId, SpeakerId, TokenError};
use rayon::prelude::*;

use super::lexdiv::{measure, measure_text, LexicalDiversity};
use super::readability::reading_ease;
use super::turns::{by_speaker, by_speaker_meeting, TurnSummary};
use super::turns_text::TurnsText;
use crate::lang::Language;

/// Sets the readability of a summary from its syllables.
fn readable(summary: &mut TurnSummary, language: Language, syllables: u64) {
    let words = summary.words as u64;
    summary.syllables_per_word = (words > 0).then(|| syllables as f64 / words as f64);
    summary.reading_ease = reading_ease(language, words, summary.sentences as u64, syllables);
}

/// Turn statistics and lexical diversity per speaker, and per speaker and meeting.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    /// Per speaker with a turn (by id): turn statistics and lexical diversity of all their turns.
    pub speakers: BTreeMap<SpeakerId, (TurnSummary, LexicalDiversity)>,
    /// Per speaker and meeting where they have a turn: the same, of that meeting's turns.
    pub meetings: BTreeMap<(SpeakerId, MeetingId), (TurnSummary, LexicalDiversity)>,
}

impl Profiles {
    /// Every speaker's profile, with MATTR over `window` words.
    pub fn new(corpus: &Corpus, window: usize) -> Result<Profiles, TokenError> {
        let mut turns_of: BTreeMap<(SpeakerId, MeetingId), Vec<usize>> = BTreeMap::new();
        for (i, t) in corpus.turns.iter().enumerate() {
            turns_of.entry((t.speaker, t.meeting)).or_default().push(i);
        }
        let pairs: Vec<(&(SpeakerId, MeetingId), &Vec<usize>)> = turns_of.iter().collect();
        let ids: BTreeSet<SpeakerId> = turns_of.keys().map(|&(s, _)| s).collect();
        let ids: Vec<SpeakerId> = ids.into_iter().collect();
        // Speakers in meetings and speakers over all meetings side by side: a thread that is done with one list
        // takes work from the other instead of waiting for the longest speaker.
        let (by_pair, by_speaker_lex) = rayon::join(
            || {
                pairs
                    .par_iter()
                    .map(|(_, turns)| {
                        let words = corpus.words_of(turns.iter().map(|&i| &corpus.turns[i]))?;
                        let syllables = words.iter().map(|&w| u64::from(corpus.syllables(w))).sum();
                        Ok((measure(&words, window), syllables))
                    })
                    .collect::<Result<Vec<(LexicalDiversity, u64)>, TokenError>>()
            },
            || {
                ids.par_iter()
                    .map(|&s| {
                        let turns = turns_of
                            .range((s, 0)..=(s, MeetingId::MAX))
                            .flat_map(|(_, t)| t.iter().map(|&i| &corpus.turns[i]));
                        measure_text(&TurnsText::new(corpus, turns)?, window)
                    })
                    .collect::<Result<Vec<LexicalDiversity>, TokenError>>()
            },
        );
        let (by_pair, by_speaker_lex) = (by_pair?, by_speaker_lex?);
        let mut summaries = by_speaker(corpus);
        let mut meeting_summaries = by_speaker_meeting(corpus);
        // Readability: of each speaker in each meeting in the meeting's language; over all meetings, in the
        // language of most of the speaker's words. None in a meeting mostly in a language counted by key, nor over
        // all meetings of a speaker who has such a meeting (there is no formula for it).
        let mut speaker_syllables: BTreeMap<SpeakerId, (u64, [u64; 2], bool)> = BTreeMap::new();
        for ((&(s, m), _), (_, syllables)) in pairs.iter().zip(&by_pair) {
            let language = corpus.meetings[m as usize].spoken.analysed();
            if let Some(summary) = meeting_summaries.get_mut(&(s, m)) {
                let entry = speaker_syllables.entry(s).or_default();
                let Some(language) = language else {
                    entry.2 = true;
                    continue;
                };
                readable(summary, language, *syllables);
                entry.0 += syllables;
                entry.1[usize::from(language == Language::En)] += summary.words as u64;
            }
        }
        for (s, (syllables, words, by_key)) in speaker_syllables {
            if by_key {
                continue;
            }
            let language = if words[1] > words[0] {
                Language::En
            } else {
                Language::Ru
            };
            if let Some(summary) = summaries.get_mut(&s) {
                readable(summary, language, syllables);
            }
        }
        let speakers = ids
            .iter()
            .zip(by_speaker_lex)
            .filter_map(|(&s, lex)| Some((s, (summaries.remove(&s)?, lex))))
            .collect();
        let meetings = pairs
            .iter()
            .zip(by_pair)
            .filter_map(|((&key, _), (lex, _))| Some((key, (meeting_summaries.remove(&key)?, lex))))
            .collect();
        Ok(Profiles { speakers, meetings })
    }

    /// The meetings where `speaker` has a turn, in date order, with their profiles.
    pub fn meetings_of(
        &self,
        speaker: SpeakerId,
    ) -> impl Iterator<Item = (MeetingId, &(TurnSummary, LexicalDiversity))> {
        self.meetings
            .range((speaker, 0)..=(speaker, MeetingId::MAX))
            .map(|(&(_, m), p)| (m, p))
    }
}
