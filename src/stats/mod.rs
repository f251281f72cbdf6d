//! Statistics over speaker turns: counts, frequencies, turn lengths, lexical diversity, collocations, keyness,
//! trends across meetings and keyword-in-context. One file per measure; each documents its formula and source.
//!
//! Everything starts from [`corpus::analyse`], which turns meetings into interned word ids per turn.

pub mod colloc;
pub mod corpus;
pub mod counts;
pub mod freq;
pub mod growth;
pub mod intern;
pub mod keyness;
pub mod kwic;
pub mod lexdiv;
pub mod store;
pub mod trends;
pub mod turns;

pub use corpus::{
    analyse, analyse_paths, Analysed, AnalysisOptions, Corpus, Gap, MeetingInfo, TurnTokens,
    NARRATION,
};
pub use counts::{count, Counts, View};
pub use intern::{Interner, Strings};
pub use store::{TokenStore, TurnReader};
