//! `--dictionary FILE` (repeatable) for `kwic`: the library's reading ([`stenogram::run::dictionaries`]), its
//! warnings printed unless quiet.

use std::path::PathBuf;

use stenogram::text::dictionary::Dictionary;

/// The dictionaries of `paths`, merged (`None` without any); warnings printed unless `quiet`.
pub fn read(paths: &[PathBuf], quiet: bool) -> anyhow::Result<Option<Dictionary>> {
    let (dictionary, warnings) = stenogram::run::dictionaries::read(paths)?;
    if !quiet {
        for w in &warnings {
            eprintln!("warning: --dictionary: {w}");
        }
    }
    Ok(dictionary)
}
