//! Counts to merge elsewhere: a shard of transcripts counted into Parquet files ([`mod@write`]) that a plain
//! `UNION ALL` and `GROUP BY … SUM(count)` in DuckDB or Spark merges, and a corpus rebuilt from one or many such
//! folders ([`read`]) for the tables that depend only on counts.
//!
//! **The files** (every file has a fixed schema, so every shard has the same; keys are strings, never ids, so
//! shards merge; the columns are documented in `docs/counts.md`):
//!
//! - `meetings.parquet`: one row per meeting (its metadata and `counted`, 1 per shard that counted it, so a
//!   meeting counted twice is found after a merge); `meeting_attributes.parquet`: what the source says of it;
//! - `languages.parquet`: words per meeting and language, and those counted by key;
//! - `totals.parquet`: turns, words and sentences per segment, a (meeting, speaker, interpreted, turn attributes)
//!   cell;
//! - `terms.parquet`: the count of each key per segment, with its stem and lemma for SQL users;
//! - `pairs.parquet`, `triples.parquet`: two and three words next to each other per segment, with whether
//!   punctuation stood between them, for the collocation tables ([`grams`]);
//! - `forms.parquet`: surface forms per meeting and key; `keys.parquet`: each key of a meeting, where it first
//!   occurs there (so keys are met in the same order as in the transcripts) and whether an analysed turn says it;
//! - `count.json`: the schema version and the options that shaped the counts.
//!
//! **The rebuilt corpus.** Each segment becomes one synthetic turn whose words are its keys as a bag (each key
//! repeated by its count, keys in text order, each word its own sentence so that nothing reads pairs across them),
//! and each meeting's keys, forms and languages go through the same merge and derivation as transcripts read
//! ([`super::build`]): stems, lemmas, forms and marks come out as a report of the whole corpus derives them.

pub mod folder;
pub mod grams;
mod parquet_io;
pub mod read;
pub mod shard;
pub mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::options::Interpreted;
use crate::text::Language;

pub use folder::{count_paths, write_counts, CountSummary};
pub use read::{read_counts, Counts};
pub use shard::{tokenize_shard, Shard};

/// The version of the files' layout; a reader refuses counts of another version.
pub const SCHEMA_VERSION: u64 = 2;

/// The metadata file of a folder of counts.
pub const METADATA: &str = "count.json";

/// What `count.json` says: the layout's version and the options that shaped the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Always `stenogram-counts`.
    pub format: String,
    /// [`SCHEMA_VERSION`] of the writer.
    pub schema_version: u64,
    /// The version of stenogram that wrote the counts.
    pub stenogram: String,
    /// The options that shaped the counts.
    pub options: CountOptions,
}

/// The options that change what is counted (`--interpreted`, `--lang`, `--narrator`, `--since`, `--until`, the
/// alias file). Counts merged must agree on `interpreted` and `lang`; the others are recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountOptions {
    /// `include`, `exclude` or `separate`.
    pub interpreted: String,
    /// `ru`, `en` or none (detected per file).
    pub lang: Option<String>,
    /// The speaker of files without labels, if not narration.
    pub narrator: Option<String>,
    /// The first day read.
    pub since: Option<NaiveDate>,
    /// The last day read.
    pub until: Option<NaiveDate>,
    /// The alias file, as given.
    pub aliases: Option<String>,
}

impl CountOptions {
    /// The name of an [`Interpreted`] as `count.json` writes it.
    pub fn interpreted_name(i: Interpreted) -> &'static str {
        match i {
            Interpreted::Include => "include",
            Interpreted::Exclude => "exclude",
            Interpreted::Separate => "separate",
        }
    }

    /// The language of `--lang` as written.
    pub fn lang_name(lang: Option<Language>) -> Option<String> {
        lang.map(|l| l.code().to_string())
    }
}

/// Why counts could not be written or read. Every message names the folder or file.
#[derive(Debug, thiserror::Error)]
pub enum CountsError {
    /// A file could not be read or written.
    #[error("{path}: {cause}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        cause: std::io::Error,
    },
    /// A folder without `count.json`.
    #[error(
        "{dir}: not a folder of stenogram counts (there is no {METADATA}); `stenogram count PATHS --out DIR` \
         makes one"
    )]
    NotCounts {
        /// The folder.
        dir: String,
    },
    /// A file that is not what the layout says (damaged, or another program's).
    #[error("{path}: {what}")]
    Bad {
        /// The file.
        path: String,
        /// What is wrong.
        what: String,
    },
    /// Counts of another layout version.
    #[error(
        "{dir}: counts of schema version {found}, but this stenogram reads version {SCHEMA_VERSION}; count the \
         transcripts again with this version"
    )]
    Version {
        /// The folder.
        dir: String,
        /// The version it holds.
        found: u64,
    },
    /// Folders counted with options that do not agree.
    #[error("{dir}: counted with {option} {found}, but {expected_from} with {expected}; counts merged must agree")]
    Conflict {
        /// The folder.
        dir: String,
        /// The option.
        option: &'static str,
        /// Its value there.
        found: String,
        /// Where the other value comes from (another folder, or the command line).
        expected_from: String,
        /// The other value.
        expected: String,
    },
    /// A meeting counted more than once.
    #[error(
        "meeting '{meeting}' is counted {times} times ({dirs}): shards must not share a meeting, or its words \
         would be counted twice"
    )]
    Twice {
        /// The meeting id.
        meeting: String,
        /// How often.
        times: i64,
        /// The folders it is in.
        dirs: String,
    },
}

/// A file's path as messages show it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The files of a folder of counts, in the order they are written.
pub const FILES: [&str; 9] = [
    "meetings.parquet",
    "meeting_attributes.parquet",
    "languages.parquet",
    "totals.parquet",
    "terms.parquet",
    "pairs.parquet",
    "triples.parquet",
    "forms.parquet",
    "keys.parquet",
];

/// A segment's turn attributes as stored: a JSON array of `[name, value]` pairs, `[]` for none.
fn attributes_text(set: &[(String, String)]) -> String {
    serde_json::to_string(set).unwrap_or_else(|_| "[]".to_string())
}

/// The path of `file` in `dir`.
fn file(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}
