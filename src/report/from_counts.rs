//! What a report made from counts ([`crate::corpus::counts`]) can hold. Its corpus has one turn per segment (a
//! meeting, speaker, interpreted flag and set of turn attributes) whose words are a bag of keys, so every table
//! and chart that depends only on how often each term is said per meeting and speaker is made as from the
//! transcripts; those that need the order of words, the turns or the text are left out, and the page and stderr say
//! so ([`note`]).

use super::ReportConfig;

/// The tables counts cannot make (by their first file), and why.
pub const NOT_TABLES: &[(&str, &str)] = &[
    (
        "speakers.csv",
        "turn lengths and lexical diversity need the turns and the order of words",
    ),
    ("turn_lengths.csv", "turn lengths need the turns"),
    ("lexdiv.csv", "MATTR, MTLD and HD-D need the order of words"),
    ("collocations.csv", "word pairs are not counted"),
    ("names.csv", "names are runs of words in their order"),
    ("name_parts.csv", "names are runs of words in their order"),
    (
        "mattr_by_period.csv",
        "MATTR across time needs the order of words",
    ),
    (
        "meetings_by_speaker.csv",
        "MATTR and MTLD need the order of words",
    ),
    ("turns.csv", "the turns are not counted"),
    ("transitions.csv", "who speaks after whom needs the turns"),
    (
        "audit.csv",
        "the audit of the transcripts' lines is not counted",
    ),
    (
        "dictionary.csv",
        "multi-word entries need the order of words",
    ),
];

/// The charts counts cannot make (by stem).
pub const NOT_CHARTS: &[&str] = &[
    "names",
    "turn_lengths",
    "transitions",
    "vocabulary_growth",
    "across_meetings",
    "collocations",
    "xray",
    "dictionary",
    "dictionary_periods",
];

/// Whether a report made with `config` makes a table family whose files are `files` (it is left out when its first
/// file is one counts cannot make).
pub fn table(config: &ReportConfig, files: &[(&'static str, &'static str)]) -> bool {
    files.first().is_none_or(|(file, _)| writes(config, file))
}

/// Whether a report made with `config` writes `file` (a family with several files asks it of those after the
/// first).
pub fn writes(config: &ReportConfig, file: &str) -> bool {
    !config.from_counts || NOT_TABLES.iter().all(|(n, _)| *n != file)
}

/// Whether a report made with `config` draws the chart `stem`.
pub fn chart(config: &ReportConfig, stem: &str) -> bool {
    !config.from_counts || !NOT_CHARTS.contains(&stem)
}

/// What the page and stderr say of a report made from counts: the tables and charts it leaves out, and why (the
/// tables by the files the format would write).
pub fn note(config: &ReportConfig) -> Option<String> {
    if !config.from_counts {
        return None;
    }
    let tables: Vec<String> = NOT_TABLES
        .iter()
        .map(|(file, why)| format!("{} ({why})", config.format.named(file)))
        .collect();
    Some(format!(
        "made from counts (--from-counts), so these tables are not made: {}; nor these charts: {}",
        tables.join(", "),
        NOT_CHARTS.join(", ")
    ))
}
