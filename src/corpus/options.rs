//! How a corpus is analysed: the options of [`super::analyse`] and its kin, what becomes of interpreted turns, and
//! which words are content words.

use crate::text::lemma::Pos;
use crate::text::{Language, Stopwords};

/// Options of the analysis.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// The stopword list (the built-in lists of the languages present when `None`).
    pub stopwords: Option<Stopwords>,
    /// Stem every key with this language's stemmer instead of choosing by script (with `En`, Russian words are
    /// stemmed instead of lemmatized).
    pub language: Option<Language>,
    /// Which words are content words.
    pub content: Content,
    /// Word tokens held in memory before they go to a temporary file ([`DEFAULT_BUDGET`](super::store::DEFAULT_BUDGET) when
    /// `None`).
    pub token_budget: Option<usize>,
    /// What becomes of interpreted turns.
    pub interpreted: Interpreted,
    /// A folder that keeps the dictionary's readings of words between runs (see [`super::cache`]).
    pub cache: Option<std::path::PathBuf>,
}

/// What becomes of interpreted turns (`В.Путин (как переведено):`), whose words are an interpreter's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Interpreted {
    /// Counted as the speaker's.
    #[default]
    Include,
    /// Left out of every statistic.
    Exclude,
    /// Counted under a speaker of their own, `NAME (interpreted)`.
    Separate,
}

/// The suffix of the speaker of interpreted turns counted apart ([`Interpreted::Separate`]).
pub const INTERPRETED: &str = " (interpreted)";

/// Which words count as content words in charts and previews.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Content {
    /// A content part of speech (noun, proper noun, verb, adjective, adverb) and not a stopword.
    #[default]
    Both,
    /// A content part of speech, stopword or not.
    Pos,
    /// Not a stopword, whatever the part of speech.
    Stopwords,
}

impl Content {
    /// Whether a term with this part of speech and stopword mark is a content word.
    pub fn admits(self, pos: Pos, stop: bool) -> bool {
        let by_pos = pos == Pos::Unknown || pos.is_content();
        match self {
            Content::Both => by_pos && !stop,
            Content::Pos if pos == Pos::Unknown => !stop,
            Content::Pos => by_pos,
            Content::Stopwords => !stop,
        }
    }
}
