//! The integration tests, one module per feature.

mod support;

mod cache;
mod charts;
mod concordance;
mod config;
mod counts;
mod dictionary;
mod docs;
mod groups;
mod hostile;
mod hostile_dictionaries;
mod hostile_tables;
mod house;
mod lemmas;
mod methods;
mod names;
mod pages;
mod parlamint;
mod parlamint_hostile;
mod parquet;
mod reader;
mod report;
mod stats;
mod stylometry;
mod tables;
mod text;
mod usage;

/// Every file of a report directory (temporary files left by a killed run excluded), keyed by relative path.
pub fn report_files(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_file() && !hidden {
            let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            out.insert(rel, std::fs::read(entry.path()).unwrap_or_default());
        }
    }
    out
}
