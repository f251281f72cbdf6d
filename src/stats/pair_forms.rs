//! How a pair or triple of terms is written in the collocation tables: the spelling (keys) it occurs in most often,
//! each key [`spoken`] as the corpus most often writes it, with a sentence-initial capital lowered (see
//! [`super::colloc`] for when forms are counted).

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::corpus::{Corpus, View};
use crate::text::lemma::Pos;

/// How a key reads in the form of a pair or triple: its most frequent surface form (the key view's
/// [`View::form`]), with a capital first letter lowered when it is the form's only capital and the dictionary does
/// not read the key as a proper noun. So a word mostly seen at the start of a sentence does not keep its capital
/// inside a phrase (`спасибо большое`), while names (`Владимир Владимирович`) and abbreviations (`ВВП`) keep theirs.
/// A key without a part of speech (English, other languages, no dictionary) keeps its form as it is: there a capital
/// is the only sign of a name.
pub fn spoken(corpus: &Corpus, key: u32) -> Cow<'_, str> {
    let form = View::Key.form(corpus, key);
    let mut chars = form.chars();
    let lowered = match chars.next() {
        Some(first) if first.is_uppercase() => first,
        _ => return Cow::Borrowed(form),
    };
    let rest = chars.as_str();
    let as_written = matches!(View::Key.pos(corpus, key), Pos::Propn | Pos::Unknown);
    if as_written || rest.chars().any(char::is_uppercase) {
        return Cow::Borrowed(form);
    }
    let mut out = String::with_capacity(form.len());
    out.extend(lowered.to_lowercase());
    out.push_str(rest);
    Cow::Owned(out)
}

/// The order of two sequences of keys by their forms: word by word, which is the order of the forms joined by
/// spaces (no word holds a character below the space), then by key id, for two keys spoken alike.
fn cmp_spoken(corpus: &Corpus, a: &[u32], b: &[u32]) -> Ordering {
    for (&x, &y) in a.iter().zip(b) {
        if x != y {
            match spoken(corpus, x).cmp(&spoken(corpus, y)) {
                Ordering::Equal => {}
                other => return other,
            }
        }
    }
    a.cmp(b)
}

/// The form of a pair or triple of keys: each key [`spoken`], joined by a space.
pub(super) fn spoken_form(corpus: &Corpus, keys: &[u32]) -> String {
    let mut out = String::with_capacity(32);
    for (i, &k) in keys.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&spoken(corpus, k));
    }
    out
}

/// The most frequent spelling of a pair or triple of terms seen so far: its keys and how often they occur.
#[derive(Debug, Clone, Copy)]
pub(super) struct Best<const N: usize> {
    pub(super) keys: [u32; N],
    pub(super) count: u32,
}

impl<const N: usize> Default for Best<N> {
    fn default() -> Self {
        Best {
            keys: [0; N],
            count: 0,
        }
    }
}

impl<const N: usize> Best<N> {
    /// Takes `keys`, seen `count` times, if they occur more often than the best so far. Of keys that occur equally
    /// often the first offered stays: [`Best::settle`] decides between them afterwards.
    #[inline]
    pub(super) fn raise(&mut self, keys: [u32; N], count: u32) {
        if count > self.count {
            *self = Best { keys, count };
        }
    }

    /// After every spelling was [raised](Best::raise): takes `keys`, seen `count` times, if they occur as often as
    /// the best and their form comes first. Only the ties at the top compare strings.
    #[inline]
    pub(super) fn settle(&mut self, corpus: &Corpus, keys: [u32; N], count: u32) {
        if count == self.count && keys != self.keys {
            self.offer(corpus, keys, count);
        }
    }

    /// Takes `keys`, seen `count` times, if they occur more often than the best so far, or as often and their form
    /// comes first ([`cmp_spoken`]).
    pub(super) fn offer(&mut self, corpus: &Corpus, keys: [u32; N], count: u32) {
        let better = match count.cmp(&self.count) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => cmp_spoken(corpus, &keys, &self.keys) == Ordering::Less,
        };
        if better {
            *self = Best { keys, count };
        }
    }
}
