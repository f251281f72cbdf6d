//! The text pipeline: a `&str` to normalized tokens and sentences, keys, stems and stopword marks. A leaf module:
//! it knows nothing of transcripts or turns.
//!
//! The stages compose like an analyser chain: [`tokenize`](tokenize::tokenize) reads the text as it is (offsets
//! point into it), [`sentences`] groups tokens, [`normalize::key_into`] gives each token its key (NFC, no stress
//! marks, lowercase, `ё` → `е`), [`stem`] maps keys to Snowball stems through a cache, and [`stopwords`] marks keys. [`lemma`] (Russian) and
//! [`english`] read words as lemmas with their [`tags`]: part of speech and, for a name, its kind. [`dictionary`] reads
//! content-analysis dictionaries (categories of word globs and phrases) and matches them against keys.
//!
//! ```
//! use stenogram::text::{analyse, normalize::key, stem::Stemmer, Language, TokenKind};
//!
//! let text = "Мы отметили рост товарооборота. В 2022 году он растёт!";
//! let analysis = analyse(text);
//! let words: Vec<String> = analysis
//!     .tokens
//!     .iter()
//!     .filter(|t| t.kind == TokenKind::Word)
//!     .map(|t| key(t.surface(text)))
//!     .collect();
//! assert_eq!(words, ["мы", "отметили", "рост", "товарооборота", "в", "году", "он", "растет"]);
//! assert_eq!(analysis.sentences.len(), 2);
//! assert_eq!(Stemmer::new(Language::Ru).stem("товарооборота"), "товарооборот");
//! ```

use std::ops::Range;

pub mod dictionary;
pub mod english;
pub mod lemma;
pub mod normalize;
pub mod sentences;
pub mod stem;
pub mod stopwords;
pub mod syllables;
pub mod tags;
pub mod tokenize;

pub use crate::lang::Language;
pub use stopwords::Stopwords;
pub use tokenize::{tokenize, Token, TokenKind};

/// A text's tokens and sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// The tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences as ranges of indices into `tokens`, covering all of them.
    pub sentences: Vec<Range<usize>>,
}

impl Analysis {
    /// The number of word tokens.
    pub fn words(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }
}

/// Tokenizes `text` and splits it into sentences.
pub fn analyse(text: &str) -> Analysis {
    let tokens: Vec<Token> = tokenize(text).collect();
    let sentences = sentences::sentence_ranges(text, &tokens);
    Analysis { tokens, sentences }
}

/// The number of word tokens in `text`.
pub fn count_words(text: &str) -> usize {
    tokenize(text).filter(|t| t.kind == TokenKind::Word).count()
}
