//! Telling the user what went wrong with their input: every warning and error when there are a few, a count per kind
//! when there are many (a site mirror of thousands of pages), and the full list in a file on request
//! (`--diagnostics FILE`). Pages of a site that are not articles are always told as a count.

use std::collections::BTreeMap;
use std::path::Path;

use stenogram::transcript::{FileWarning, ReadError, WarningKind};

use super::numbers::count;

/// Up to this many warnings and errors are printed one by one; past it, the first [`SHOWN`] of each and a count
/// per kind.
const LISTED: usize = 20;
/// How many of each are printed before the counts, when there are too many.
const SHOWN: usize = 10;

/// Prints warnings (unless `quiet`) and errors to stderr, summarised when there are many, and writes every one of
/// them to `log` if given. Returns whether any file failed (or the log could not be written).
pub fn print(
    warnings: &[FileWarning],
    errors: &[ReadError],
    quiet: bool,
    log: Option<&Path>,
) -> bool {
    let (skipped, warnings): (Vec<&FileWarning>, Vec<&FileWarning>) = warnings
        .iter()
        .partition(|w| w.warning.kind == WarningKind::Skipped);
    let (not_corpus, warnings): (Vec<&FileWarning>, Vec<&FileWarning>) = warnings
        .into_iter()
        .partition(|w| w.warning.kind == WarningKind::NotCorpus);
    let mut failed = !errors.is_empty();
    if let Some(path) = log {
        let skipped: Vec<&FileWarning> = skipped.iter().chain(&not_corpus).copied().collect();
        if let Err(e) = write_log(path, &skipped, &warnings, errors) {
            eprintln!(
                "error: {}: cannot write the diagnostics: {e}",
                path.display()
            );
            failed = true;
        }
    }
    if !skipped.is_empty() && !quiet {
        eprintln!(
            "note: skipped {} that {} not an article ({})",
            count(skipped.len(), "page"),
            if skipped.len() == 1 { "is" } else { "are" },
            per_kind(skipped.iter().map(|w| skip_reason(&w.warning.message)))
        );
    }
    if !quiet {
        print_not_corpus(&not_corpus);
    }
    let many = warnings.len() + errors.len() > LISTED;
    let shown = if many { SHOWN } else { LISTED };
    if !quiet {
        for w in warnings.iter().take(shown) {
            eprintln!("{w}");
        }
    }
    for e in errors.iter().take(shown) {
        eprintln!("error: {e}");
    }
    if !many {
        return failed;
    }
    let where_ = match log {
        Some(path) => format!("every one is in {}", path.display()),
        None => "--diagnostics FILE writes every one".to_string(),
    };
    if errors.len() > shown {
        eprintln!(
            "error: {} could not be read in all ({}); {where_}",
            count(errors.len(), "file"),
            per_kind(errors.iter().map(ReadError::kind))
        );
    }
    if warnings.len() > shown && !quiet {
        eprintln!(
            "warning: {} in all ({}); {where_}",
            count(warnings.len(), "warning"),
            per_kind(warnings.iter().map(|w| w.warning.kind.describe()))
        );
    }
    failed
}

/// Notes of the tables and folders met while walking that are not corpora (the first few by name).
fn print_not_corpus(notes: &[&FileWarning]) {
    for note in notes.iter().take(SHOWN) {
        eprintln!("note: {}: {}", note.path, note.warning.message);
    }
    if notes.len() > SHOWN {
        eprintln!(
            "note: {} more tables or report folders not read as a corpus",
            notes.len() - SHOWN
        );
    }
}

/// `reason` of a skipped page's message `not an article (reason); skipped`.
fn skip_reason(message: &str) -> &str {
    message
        .strip_prefix("not an article (")
        .and_then(|m| m.strip_suffix("); skipped"))
        .unwrap_or(message)
}

/// `3 × a, 1 × b`: how many of each, most first, then by name.
fn per_kind<'a>(kinds: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for kind in kinds {
        *counts.entry(kind).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(kind, n)| format!("{n} × {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every skipped page, warning and error, one a line, as stderr would show them.
fn write_log(
    path: &Path,
    skipped: &[&FileWarning],
    warnings: &[&FileWarning],
    errors: &[ReadError],
) -> anyhow::Result<()> {
    super::output::with_output(Some(path), |out| {
        for w in skipped.iter().chain(warnings) {
            writeln!(out, "{w}")?;
        }
        for e in errors {
            writeln!(out, "error: {e}")?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_counted_most_first() {
        assert_eq!(
            per_kind(["b", "a", "b", "c", "a", "b"].into_iter()),
            "3 × b, 2 × a, 1 × c"
        );
        assert_eq!(
            skip_reason("not an article (the print version of a news item); skipped"),
            "the print version of a news item"
        );
    }
}
