//! Which term a word token counts as: its key, its stem or its lemma. Each view has its own
//! [`Vocabulary`](super::Vocabulary) in the corpus ([`Corpus::vocab`](super::Corpus::vocab)).

use serde::Serialize;

/// Which term a word token counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// The key: lowercase, `ё` → `е`.
    Key,
    /// The Snowball stem of the key, shown as its most frequent word form.
    Stem,
    /// The dictionary lemma of a Russian word (its stem for other words), shown as the lemma.
    Lemma,
}

impl View {
    /// Every view.
    pub const ALL: [View; 3] = [View::Key, View::Stem, View::Lemma];

    /// `key`, `stem` or `lemma`.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Key => "key",
            View::Stem => "stem",
            View::Lemma => "lemma",
        }
    }
}
