//! A shard read for counting: the corpus as the report reads it, and per meeting what the corpus does not keep
//! and the counts need (`Seen`).

use std::path::PathBuf;

use crate::corpus::build::{tokenize_paths_seen, Tokenized};
use crate::corpus::local::Local;
use crate::corpus::AnalysisOptions;
use crate::lang::LanguageCode;
use crate::transcript::{Aliases, ReadOptions};

/// What the corpus does not keep of a meeting and the counts need: its surface forms, which keys an analysed turn
/// says, its words per language and the interpreted turns left out.
#[derive(Debug, Default)]
pub(super) struct Seen {
    pub(super) id: String,
    /// (key, form, count) of the forms written other than as their key.
    pub(super) surfaces: Vec<(String, String, u32)>,
    /// Its keys in order of first occurrence.
    pub(super) keys: Vec<String>,
    /// For each key, whether an analysed turn says it; `None` when every turn is analysed.
    pub(super) analysed: Option<Vec<bool>>,
    /// Words per language, and those counted by key.
    pub(super) words: Vec<(LanguageCode, u64)>,
    pub(super) by_key: Vec<(LanguageCode, u64)>,
    /// Interpreted turns left out and their words.
    pub(super) excluded: (usize, usize),
}

impl Seen {
    fn of(local: &Local) -> Seen {
        let surfaces = local
            .surfaces
            .counts
            .iter()
            .map(|(&(key, form), &n)| {
                (
                    local.keys.resolve(key).to_string(),
                    local.surfaces.strings.resolve(form).to_string(),
                    n,
                )
            })
            .collect();
        let keys = local.keys.iter().map(str::to_string).collect();
        let analysed = local.spoken.analysed.clone();
        Seen {
            id: String::new(),
            surfaces,
            keys,
            analysed,
            words: local.spoken.words.clone(),
            by_key: local.spoken.by_key.clone(),
            excluded: local.excluded,
        }
    }
}

/// A shard read: what the counts need beside the corpus ([`tokenize_shard`], then [`super::write_counts`]).
#[derive(Debug, Default)]
pub struct Shard {
    pub(super) seen: Vec<Seen>,
}

/// Reads and tokenizes a shard's files as [`crate::corpus::tokenize_paths`] does, keeping what the counts need
/// beside the corpus.
pub fn tokenize_shard(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
) -> (Tokenized, Shard) {
    let mut seen = Vec::new();
    let tokenized = tokenize_paths_seen(paths, read, aliases, options, |local| {
        seen.push(Seen::of(local))
    });
    for (s, id) in seen.iter_mut().zip(tokenized.ids()) {
        s.id = id.to_string();
    }
    (tokenized, Shard { seen })
}
