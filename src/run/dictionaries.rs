//! `--dictionary FILE` (repeatable), shared by `report` and `kwic`: every file read and parsed before any transcript,
//! merged into one dictionary; an error names the file and line, and what a file left out is a warning.

use std::path::PathBuf;

use crate::text::dictionary::{self, Dictionary};

use super::errors::UsageError;

/// The dictionaries of `paths`, merged (`None` without any), and the warnings of the merge.
pub fn read(paths: &[PathBuf]) -> Result<(Option<Dictionary>, Vec<String>), UsageError> {
    if paths.is_empty() {
        return Ok((None, Vec::new()));
    }
    let mut all = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path)
            .map_err(|e| UsageError::of(&format!("--dictionary: cannot read {shown}"), &e))?;
        let d =
            dictionary::parse(&shown, &bytes).map_err(|e| UsageError::of("--dictionary", &e))?;
        all.push(d);
    }
    let merged = Dictionary::merged(all);
    let warnings = merged.warnings.clone();
    Ok((Some(merged), warnings))
}
