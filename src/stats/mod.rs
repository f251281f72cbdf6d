//! Statistics over speaker turns: counts, frequencies, turn lengths, lexical diversity, collocations, keyness,
//! trends across meetings and keyword-in-context. One file per measure; each documents its formula and source.
//!
//! Everything starts from an analysed [`Corpus`] ([`model`]): meetings tokenized one by one ([`local`]) and merged
//! into interned word ids per turn ([`build`]), from files ([`analyse_paths`]) or from meetings already read
//! ([`analyse`]).

pub mod build;
pub mod colloc;
pub mod counts;
pub mod distance;
pub mod freq;
pub mod growth;
pub mod intern;
pub mod keyness;
pub mod kwic;
pub mod lexdiv;
pub mod local;
pub mod model;
pub mod name_parts;
pub mod names;
pub mod period_keyness;
pub mod periods;
pub mod phrase;
pub mod profile;
pub mod readability;
pub mod store;
pub mod tallies;
pub mod term_map;
pub mod terms;
pub mod trends;
pub mod turns;
pub mod xray;

pub use build::{
    analyse, analyse_paths, tokenize_paths, Analysed, AnalysisOptions, Interpreted, Tokenized,
    INTERPRETED,
};
pub use counts::{count, Counts, View};
pub use intern::{Interner, Strings};
pub use model::{
    find_speaker, Corpus, Gap, KeyId, MeetingId, MeetingInfo, SpeakerId, TermId, TurnTokens,
    TurnsText, NARRATION,
};
pub use store::{TokenError, TokenStore, TurnReader};
pub use terms::Content;
