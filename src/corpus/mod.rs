//! The corpus as its own layer: transcripts read ([`crate::transcript`]) and tokenized ([`crate::text`]) into one
//! analysed [`Corpus`] that every measure in [`crate::stats`] reads.
//!
//! - [`local`]: one meeting tokenized on its own, with ids local to it (in parallel);
//! - [`build`]: the meetings merged in a fixed order into the corpus, from files ([`analyse_paths`],
//!   [`tokenize_paths`]) or from meetings already read ([`analyse`]);
//! - [`terms`]: what is derived once per key after all files are read (stem, lemma, form, marks), grouped into one
//!   [`Vocabulary`] per [`View`] (keys, stems, lemmas);
//! - [`store`]: the word tokens of every turn, spilled to a temporary file past a budget; [`intern`]: strings to
//!   dense ids; [`forms`]: the surface forms of each key; [`turn`]: a turn and the ids; [`options`]: how a corpus is
//!   analysed.
//!
//! A new datum per term is one field of [`Vocabulary`]; a new datum per turn one field of [`TurnTokens`].

pub mod about;
pub mod build;
pub mod cache;
pub mod counts;
pub mod forms;
pub mod grams;
pub mod groups;
pub mod intern;
pub mod local;
pub mod model;
pub mod options;
pub mod store;
pub mod terms;
pub mod turn;
pub mod view;
pub mod vocabulary;

pub use about::{About, Metadata};
pub use build::{analyse, analyse_paths, tokenize_paths, Analysed, Tokenized};
pub use cache::{CacheError, CacheUse};
pub use grams::{CountedGrams, Grams};
pub use groups::{describe, GroupError};
pub use intern::{Interner, Strings};
pub use model::{find_speaker, Corpus, MeetingInfo, NARRATION};
pub use options::{AnalysisOptions, Content, Interpreted, INTERPRETED};
pub use store::{TokenError, TokenStore, TurnReader};
pub use turn::{Gap, KeyId, MeetingId, SpeakerId, TermId, TurnTokens};
pub use view::View;
pub use vocabulary::Vocabulary;
