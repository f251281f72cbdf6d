//! Statistics over speaker turns: counts, frequencies, turn lengths, lexical diversity, collocations, keyness,
//! trends across meetings and the concordance tools (keyword in context, collocates within a window, clusters).
//! One file per measure; each documents its formula and source.
//!
//! Everything starts from an analysed [`Corpus`] ([`model`]): meetings tokenized one by one ([`local`]) and merged
//! into interned word ids per turn ([`build`]), from files ([`analyse_paths`]) or from meetings already read
//! ([`analyse`]).

pub mod build;
pub mod clusters;
pub mod colloc;
pub mod collocates;
pub mod concordance;
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

/// Writes an undefined measure (`None`) as `NaN`, as an undefined `f64` is written, so that a column of a measure
/// holds numbers only and loads as floats (pandas: `na_values=["NaN"]` with `keep_default_na=False`).
pub fn undefined_as_nan<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_f64(value.unwrap_or(f64::NAN))
}
