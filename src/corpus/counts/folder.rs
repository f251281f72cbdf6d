//! A shard counted: transcripts read and analysed as the report reads them ([`tokenize_shard`]), then written as a
//! folder of the Parquet files of [`super`] ([`super::write`], [`super::grams`]) and `count.json`, last.

use std::path::{Path, PathBuf};

use hashbrown::HashMap;

use super::grams::{write_pairs, write_triples};
use super::shard::{tokenize_shard, Seen, Shard};
use super::write::{forms, keys, languages, meeting_attributes, meetings, segments, terms, totals};
use super::{file, shown, CountsError, Metadata, METADATA};
use crate::corpus::{AnalysisOptions, Corpus};
use crate::transcript::{Aliases, ReadOptions};

/// What [`write_counts`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountSummary {
    /// Meetings.
    pub meetings: usize,
    /// Segments: (meeting, speaker, interpreted, turn attributes) cells.
    pub segments: usize,
    /// Rows of `terms.parquet`.
    pub terms: usize,
    /// Rows of `pairs.parquet` and of `triples.parquet`.
    pub grams: (usize, usize),
    /// Files written, in `dir`.
    pub files: Vec<String>,
}

/// [`tokenize_shard`], finished and written to `dir` ([`write_counts`]).
pub fn count_paths(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
    dir: &Path,
    metadata: &Metadata,
) -> Result<CountSummary, CountsError> {
    let (tokenized, shard) = tokenize_shard(paths, read, aliases, options);
    write_counts(dir, &tokenized.finish().corpus, &shard, metadata)
}

/// Writes the counts of `corpus` (tokenized with `shard`) to `dir`, made if missing; `count.json` last, so a
/// folder whose writing stopped is not read as counts.
pub fn write_counts(
    dir: &Path,
    corpus: &Corpus,
    shard: &Shard,
    metadata: &Metadata,
) -> Result<CountSummary, CountsError> {
    let io = |path: &Path| {
        let path = shown(path);
        move |cause| CountsError::Io { path, cause }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let meta = file(dir, METADATA);
    match std::fs::remove_file(&meta) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&meta)(e)),
        _ => {}
    }
    let seen: HashMap<&str, &Seen> = shard.seen.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut files = Vec::new();
    let mut put = |name: &str, f: &mut dyn FnMut(&Path) -> Result<(), CountsError>| {
        f(&file(dir, name))?;
        files.push(name.to_string());
        Ok::<(), CountsError>(())
    };
    put("meetings.parquet", &mut |p| meetings(p, corpus, &seen))?;
    put("meeting_attributes.parquet", &mut |p| {
        meeting_attributes(p, corpus)
    })?;
    put("languages.parquet", &mut |p| languages(p, corpus, &seen))?;
    let segments = segments(corpus)?;
    put("totals.parquet", &mut |p| totals(p, &segments))?;
    put("terms.parquet", &mut |p| terms(p, corpus, &segments))?;
    let mut grams = (0, 0);
    put("pairs.parquet", &mut |p| {
        grams.0 = write_pairs(p, corpus, &segments)?;
        Ok(())
    })?;
    put("triples.parquet", &mut |p| {
        grams.1 = write_triples(p, corpus, &segments)?;
        Ok(())
    })?;
    put("forms.parquet", &mut |p| forms(p, corpus, &segments, &seen))?;
    put("keys.parquet", &mut |p| keys(p, corpus, &seen))?;
    let json = serde_json::to_string_pretty(metadata).unwrap_or_default() + "\n";
    let temporary = file(dir, &format!(".{METADATA}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, json).map_err(io(&temporary))?;
    std::fs::rename(&temporary, &meta).map_err(io(&meta))?;
    files.push(METADATA.to_string());
    Ok(CountSummary {
        meetings: corpus.meetings.len(),
        segments: segments.len(),
        terms: segments.iter().map(|(_, s)| s.terms.len()).sum(),
        grams,
        files,
    })
}
