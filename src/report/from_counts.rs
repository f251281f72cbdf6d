//! What a report made from counts ([`crate::corpus::counts`]) can hold. Its corpus has one turn per segment (a
//! meeting, speaker, interpreted flag and set of turn attributes) whose words are a bag of keys, so every table
//! and chart that depends only on how often each term is said per meeting and speaker is made as from the
//! transcripts, and so are the collocations (from the pairs and triples counted) and a dictionary of single words;
//! those that need the order of words, the turns or the text are left out, and the page and stderr say so
//! ([`note`]).

use super::ReportConfig;

/// The tables counts cannot make (by their first file), and why.
pub const NOT_TABLES: &[(&str, &str)] = &[
    (
        "speakers.csv",
        "turn lengths and lexical diversity need the turns and the order of words",
    ),
    ("turn_lengths.csv", "turn lengths need the turns"),
    ("lexdiv.csv", "MATTR, MTLD and HD-D need the order of words"),
    (
        "names.csv",
        "a person's mention is a run of name words in their order; counts keep pairs and triples, not runs",
    ),
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
];

/// The dictionary tables' first file, made from counts when every entry is one word ([`phrases`]).
const DICTIONARY: &str = "dictionary.csv";

/// The dictionary charts, drawn when the dictionary tables are made.
const DICTIONARY_CHARTS: [&str; 2] = ["dictionary", "dictionary_periods"];

/// The phrase entries of the report's dictionary (`file:line` and the phrase), which counts cannot count: a phrase
/// matches words next to each other, left to right, and never two phrases sharing a word, which needs the words in
/// their order.
fn phrases(config: &ReportConfig) -> Vec<String> {
    let Some(dictionary) = &config.dictionary else {
        return Vec::new();
    };
    (dictionary.entries.iter())
        .filter(|e| e.words.len() > 1)
        .map(|e| format!("{}:{} '{}'", e.file, e.line, e.text()))
        .collect()
}

/// The charts counts cannot make (by stem).
pub const NOT_CHARTS: &[&str] = &[
    "names",
    "turn_lengths",
    "transitions",
    "vocabulary_growth",
    "across_meetings",
    "xray",
];

/// Whether a report made with `config` makes a table family whose files are `files` (it is left out when its first
/// file is one counts cannot make).
pub fn table(config: &ReportConfig, files: &[(&'static str, &'static str)]) -> bool {
    files.first().is_none_or(|(file, _)| writes(config, file))
}

/// Whether a report made with `config` writes `file` (a family with several files asks it of those after the
/// first).
pub fn writes(config: &ReportConfig, file: &str) -> bool {
    !config.from_counts
        || (NOT_TABLES.iter().all(|(n, _)| *n != file)
            && (file != DICTIONARY || phrases(config).is_empty()))
}

/// Whether a report made with `config` draws the chart `stem`.
pub fn chart(config: &ReportConfig, stem: &str) -> bool {
    !config.from_counts
        || (!NOT_CHARTS.contains(&stem)
            && (!DICTIONARY_CHARTS.contains(&stem) || phrases(config).is_empty()))
}

/// What the page and stderr say of a report made from counts: the tables and charts it leaves out, and why (the
/// tables by the files the format would write).
pub fn note(config: &ReportConfig) -> Option<String> {
    if !config.from_counts {
        return None;
    }
    let mut tables: Vec<String> = NOT_TABLES
        .iter()
        .map(|(file, why)| format!("{} ({why})", config.format.named(file)))
        .collect();
    let mut charts = NOT_CHARTS.to_vec();
    let phrases = phrases(config);
    if !phrases.is_empty() {
        let shown = phrases.len().min(3);
        let more = match phrases.len() - shown {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        tables.push(format!(
            "the dictionary tables (the dictionary has phrases, whose words must be next \
             to each other in their order: {}{more}; a dictionary of single words is counted from counts)",
            phrases[..shown].join(", ")
        ));
        charts.extend(DICTIONARY_CHARTS);
    }
    Some(format!(
        "made from counts (--from-counts), so these tables are not made: {}; nor these charts: {}",
        tables.join(", "),
        charts.join(", ")
    ))
}
