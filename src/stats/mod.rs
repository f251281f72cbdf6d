//! Statistics over speaker turns: counts, frequencies, turn lengths, lexical diversity, collocations, keyness,
//! trends across meetings and the concordance tools (keyword in context, collocates within a window, clusters).
//! One file per measure; each documents its formula and source.
//!
//! Everything starts from an analysed [`Corpus`](crate::corpus::Corpus), the layer below ([`crate::corpus`]); the
//! measures read it and never build it.

pub mod association;
pub mod clusters;
pub mod colloc;
pub mod collocates;
pub mod concordance;
pub mod consensus;
pub mod dictionary;
pub mod distance;
pub mod freq;
pub mod growth;
pub mod keyness;
pub mod kwic;
pub mod lexdiv;
pub mod linkage;
pub mod mfw;
pub mod name_parts;
pub mod names;
pub mod pair_forms;
pub mod period_keyness;
pub mod periods;
pub mod phrase;
pub mod profile;
pub mod readability;
pub mod tallies;
pub mod term_map;
pub mod trends;
pub mod tuples;
pub mod turns;
pub mod turns_text;
pub mod xray;

pub use turns_text::TurnsText;

/// Writes an undefined measure (`None`) as `NaN`, as an undefined `f64` is written, so that a column of a measure
/// holds numbers only and loads as floats (pandas: `na_values=["NaN"]` with `keep_default_na=False`).
pub fn undefined_as_nan<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_f64(value.unwrap_or(f64::NAN))
}
