//! Name words per speaker: how often each speaker uses each word of a person, place or organisation name, from the
//! dictionary's name types ([`crate::text::lemma::NameKind`]) of the lemmas. The parts of the mentions
//! [`super::names`] counts, kept so that nothing is lost when name words join into people.
//!
//! A name word is counted by its lemma, so `Путина`, `Путину` and `Путин` are one (`путин`), and each word of a name
//! of several words counts (`Владимир Владимирович` is a first name and a patronymic). Words the dictionary does not
//! know as names (most foreign names written in Latin letters, rare surnames) are not counted; English text has no
//! name types.

use hashbrown::HashMap;

use crate::corpus::{Corpus, SpeakerId, TokenError};
use crate::text::lemma::NameKind;

use super::freq::ALL;

/// One row of `name_parts.csv`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NamePartRow<'a> {
    /// Speaker, or `*` for all.
    pub speaker: &'a str,
    /// `person`, `place` or `organisation`.
    pub kind: &'static str,
    /// For a person's name, which part of it the word is (`given`, `patronymic`, `surname`); empty for places,
    /// organisations and person names of no stated part.
    pub part: &'static str,
    /// The name's lemma.
    pub name: &'a str,
    /// The name as shown.
    pub form: &'a str,
    /// Occurrences.
    pub count: u64,
    /// Occurrences per 10,000 of the speaker's words.
    pub per_10k: f64,
}

/// Every name word used, per speaker (in corpus order, then `*`), by kind, then count (descending), then lemma.
pub fn name_parts(corpus: &Corpus) -> Result<Vec<NamePartRow<'_>>, TokenError> {
    let all = corpus.speakers.len() as SpeakerId;
    let mut counts: HashMap<(SpeakerId, u32), u64> = HashMap::new();
    let mut words = vec![0u64; corpus.speakers.len() + 1];
    let mut reader = corpus.reader();
    for turn in &corpus.turns {
        words[turn.speaker as usize] += turn.len() as u64;
        words[all as usize] += turn.len() as u64;
        for &w in reader.words(turn)? {
            let lemma = corpus.lemmas.term(w);
            if corpus.lemmas.names[lemma as usize].is_some() {
                *counts.entry((turn.speaker, lemma)).or_default() += 1;
                *counts.entry((all, lemma)).or_default() += 1;
            }
        }
    }
    let kind = |lemma: u32| corpus.lemmas.names[lemma as usize].unwrap_or(NameKind::Person);
    let part = |lemma: u32| {
        corpus
            .lemmas
            .parts
            .get(lemma as usize)
            .copied()
            .flatten()
            .filter(|_| kind(lemma) == NameKind::Person)
            .map_or("", |p| p.as_str())
    };
    let mut cells: Vec<((SpeakerId, u32), u64)> = counts.into_iter().collect();
    cells.sort_unstable_by(|&((sa, la), ca), &((sb, lb), cb)| {
        (sa, kind(la), std::cmp::Reverse(ca))
            .cmp(&(sb, kind(lb), std::cmp::Reverse(cb)))
            .then_with(|| corpus.lemmas.text(la).cmp(corpus.lemmas.text(lb)))
    });
    Ok(cells
        .into_iter()
        .map(|((speaker, lemma), count)| NamePartRow {
            speaker: corpus
                .speakers
                .get(speaker as usize)
                .map_or(ALL, String::as_str),
            kind: kind(lemma).as_str(),
            part: part(lemma),
            name: corpus.lemmas.text(lemma),
            form: &corpus.lemmas.forms[lemma as usize],
            count,
            per_10k: count as f64 * 10_000.0 / words[speaker as usize].max(1) as f64,
        })
        .collect())
}
