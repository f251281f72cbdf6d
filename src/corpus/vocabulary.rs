//! What the corpus knows of the terms of one view ([`super::View`]): the terms themselves, the term of each key,
//! how each term is shown, and its marks (stopword, part of speech, content word, name type, part of a person's
//! name). The corpus holds one [`Vocabulary`] per view, so a new datum per term is one field here, filled in
//! [`super::terms`], and every view has it.
//!
//! Corpus-wide counts per term are not kept: no measure reads them (each counts what it compares, per speaker or
//! period), and holding them cost 4 MiB, 3% of the peak memory of a report on `../shared/bench`.
//!
//! Marks of a stem or a lemma come from its keys: a stopword if any of its keys is; part of speech, name type and
//! name part those of its most frequent key (see [`super::terms`]).

use rayon::prelude::*;

use crate::text::lemma::{NameKind, PersonPart, Pos};

use super::intern::{Interner, Strings};
use super::turn::{KeyId, TermId};

/// The terms of one view and what is known of each; every per-term list is indexed by [`TermId`].
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// The terms as strings: keys (lowercase, `ё` → `е`), stems, or lemmas (folded like keys; a word without a
    /// dictionary has its stem, an English word the form it inflects from).
    pub terms: Interner,
    /// The term of each key id; empty in the key view, where a key is its own term.
    pub of_key: Vec<TermId>,
    /// How each term is shown: its most frequent surface form (ties: the smallest string); a lemma as the corpus
    /// writes it where it occurs in that form, else as the dictionary spells it.
    pub forms: Strings,
    /// Whether each term is a stopword.
    pub stop: Vec<bool>,
    /// Each term's part of speech ([`Pos::Unknown`] without a dictionary).
    pub pos: Vec<Pos>,
    /// Whether each term is a content word ([`super::Content`]).
    pub content: Vec<bool>,
    /// Each term's name type, for names the dictionary knows.
    pub names: Vec<Option<NameKind>>,
    /// Which part of a person's name each term is, for such names.
    pub parts: Vec<Option<PersonPart>>,
}

impl Vocabulary {
    /// The term of key `key`.
    #[inline]
    pub fn term(&self, key: KeyId) -> TermId {
        if self.of_key.is_empty() {
            key
        } else {
            self.of_key[key as usize]
        }
    }

    /// Adds a term shown as `form`, for a vocabulary built by hand (tests, examples); a term already there keeps
    /// its form. Marks are left out (their defaults: no stopword, content word, unknown part of speech).
    pub fn add(&mut self, text: &str, form: &str) -> TermId {
        let id = self.terms.intern(text);
        if id as usize == self.forms.len() {
            self.forms.push(form);
        }
        id
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// No terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The id of the term written `text`, if the vocabulary has it.
    pub fn get(&self, text: &str) -> Option<TermId> {
        self.terms.get(text)
    }

    /// The string of a term.
    #[inline]
    pub fn text(&self, term: TermId) -> &str {
        self.terms.resolve(term)
    }

    /// How a term is shown.
    #[inline]
    pub fn form(&self, term: TermId) -> &str {
        &self.forms[term as usize]
    }

    /// Whether a term is a stopword (`false` in a vocabulary built by hand without these marks).
    #[inline]
    pub fn is_stop(&self, term: TermId) -> bool {
        self.stop.get(term as usize) == Some(&true)
    }

    /// Whether a term is a content word (in a vocabulary built by hand without these marks: whether it is not a
    /// stopword).
    #[inline]
    pub fn is_content(&self, term: TermId) -> bool {
        match self.content.get(term as usize) {
            Some(&content) => content,
            None => !self.is_stop(term),
        }
    }

    /// A term's part of speech ([`Pos::Unknown`] in a vocabulary built by hand without them).
    #[inline]
    pub fn pos(&self, term: TermId) -> Pos {
        self.pos.get(term as usize).copied().unwrap_or_default()
    }

    /// A term's name type, if it is a name the dictionary knows.
    #[inline]
    pub fn name(&self, term: TermId) -> Option<NameKind> {
        self.names.get(term as usize).copied().flatten()
    }

    /// Which part of a person's name a term is, if it is one.
    #[inline]
    pub fn part(&self, term: TermId) -> Option<PersonPart> {
        self.parts.get(term as usize).copied().flatten()
    }

    /// Each term's position among all terms sorted by text, so rows can be ordered without comparing strings.
    pub fn text_order(&self) -> Vec<u32> {
        order_by(self.len(), |t| self.text(t))
    }

    /// Each term's position among all terms sorted by form (ties by id).
    pub fn form_order(&self) -> Vec<u32> {
        order_by(self.len(), |t| self.form(t))
    }
}

/// Ranks of the ids `0..n` sorted by `by`, ties by id (sorted in parallel). Each string's first sixteen bytes, as a
/// big-endian integer, decide most comparisons (byte order is string order); only equal prefixes compare the
/// strings. Sixteen, not eight: eight bytes are four Russian letters, which many words share.
fn order_by<'c>(n: usize, by: impl Fn(u32) -> &'c str + Sync) -> Vec<u32> {
    let prefix = |s: &str| {
        let mut bytes = [0u8; 16];
        let len = s.len().min(16);
        bytes[..len].copy_from_slice(&s.as_bytes()[..len]);
        u128::from_be_bytes(bytes)
    };
    let mut ids: Vec<(u128, u32)> = (0..n as u32).map(|id| (prefix(by(id)), id)).collect();
    ids.par_sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| by(a.1).cmp(by(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut order = vec![0u32; n];
    for (rank, (_, id)) in ids.into_iter().enumerate() {
        order[id as usize] = rank as u32;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_view_maps_a_key_to_itself_and_other_views_through_their_table() {
        let mut keys = Vocabulary::default();
        keys.terms.intern("страны");
        keys.terms.intern("страна");
        assert_eq!(keys.term(1), 1);
        let stems = Vocabulary {
            of_key: vec![0, 0],
            ..Vocabulary::default()
        };
        assert_eq!(stems.term(1), 0);
    }

    #[test]
    fn orders_rank_by_text_then_id() {
        let mut v = Vocabulary::default();
        for t in ["бюджет", "а", "бюджетный", "абв"] {
            v.terms.intern(t);
        }
        v.forms = ["Б", "Б", "А", "В"].into_iter().collect();
        assert_eq!(v.text_order(), vec![2, 0, 3, 1]);
        assert_eq!(v.form_order(), vec![1, 2, 0, 3]);
    }

    proptest::proptest! {
        #[test]
        fn ranks_by_prefix_are_the_ranks_of_a_plain_sort(
            // Words sharing long beginnings, around the prefix's sixteen bytes, with NUL and repeats.
            words in proptest::collection::vec("(привет|абвгдеёжз|\\x00|a){0,3}[аб\\x00a-c]{0,3}", 0..40)
        ) {
            let ranks = order_by(words.len(), |id| words[id as usize].as_str());
            let mut sorted: Vec<u32> = (0..words.len() as u32).collect();
            sorted.sort_by(|&a, &b| words[a as usize].cmp(&words[b as usize]).then(a.cmp(&b)));
            let mut expected = vec![0u32; words.len()];
            for (rank, &id) in sorted.iter().enumerate() {
                expected[id as usize] = rank as u32;
            }
            proptest::prop_assert_eq!(ranks, expected);
        }
    }

    #[test]
    fn marks_missing_in_a_hand_built_vocabulary_have_defaults() {
        let v = Vocabulary {
            stop: vec![true, false],
            ..Vocabulary::default()
        };
        assert!(!v.is_content(0));
        assert!(v.is_content(1));
        assert_eq!(v.pos(1), Pos::Unknown);
        assert_eq!(v.name(1), None);
    }
}
