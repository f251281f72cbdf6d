//! `--dictionary FILE` (repeatable), shared by `report` and `kwic`: every file read and parsed before any transcript,
//! merged into one dictionary; an error names the file and line, and what a file left out is a warning.

use std::path::PathBuf;

use anyhow::Context;
use stenogram::text::dictionary::{self, Dictionary};

/// The dictionaries of `paths`, merged (`None` without any); warnings printed unless `quiet`.
pub fn read(paths: &[PathBuf], quiet: bool) -> anyhow::Result<Option<Dictionary>> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut all = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = path.display().to_string();
        let bytes =
            std::fs::read(path).with_context(|| format!("--dictionary: cannot read {shown}"))?;
        let d =
            dictionary::parse(&shown, &bytes).map_err(|e| anyhow::anyhow!("--dictionary: {e}"))?;
        all.push(d);
    }
    let merged = Dictionary::merged(all);
    if !quiet {
        for w in &merged.warnings {
            eprintln!("warning: --dictionary: {w}");
        }
    }
    Ok(Some(merged))
}
