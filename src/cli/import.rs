//! `stenogram import`: kremlin.ru pages to transcripts in the text layout, one `<news id>.txt` per page, so that
//! users can read and correct what was taken from a page. Reading the written files gives the same meetings as
//! reading the pages (the reader reads a page through that very text; see `stenogram::transcript::page`).
//!
//! Pages are read in parallel, a chunk at a time, and written in path order, so the names given to pages that
//! share a news id (`51389.txt`, then `51389-2.txt`) do not depend on the thread count.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use rayon::prelude::*;

use stenogram::transcript::page::PageError;
use stenogram::transcript::{
    collect_files, is_page, read_page_file, FileWarning, ReadError, Warning, WarningKind,
};

use super::numbers::count;
use super::output::with_output;
use super::Outcome;

/// Pages read at a time (in parallel) before they are written in path order.
const CHUNK: usize = 256;

/// Arguments of `import`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram import en.kremlin.ru/events/president/news --out transcripts/
  stenogram import page.html --out transcripts/ && stenogram report transcripts/")]
pub struct ImportArgs {
    /// Pages (*.html, *.htm) or directories walked for them (other files in them are left alone).
    #[arg(value_name = "PAGES", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output directory for the `.txt` files (created if missing; not inside a folder of the pages).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Write every warning, skipped page and error to FILE, one a line.
    #[arg(long, value_name = "FILE")]
    pub diagnostics: Option<PathBuf>,
    /// Print errors only.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `import`.
pub fn run(args: &ImportArgs) -> anyhow::Result<Outcome> {
    check_out(&args.out, &args.paths)?;
    let (files, mut errors) = collect_files(&args.paths);
    let mut warnings = Vec::new();
    let mut pages = Vec::new();
    for file in files {
        if is_page(&file) {
            pages.push(file);
        } else if args.paths.contains(&file) {
            errors.push(ReadError::Walk {
                path: file.to_string_lossy().into_owned(),
                message: "not a page (.html, .htm); `import` reads pages only".to_string(),
            });
        }
    }
    let mut names = HashSet::new();
    let mut written = 0;
    for chunk in pages.chunks(CHUNK) {
        let read: Vec<_> = chunk.par_iter().map(|p| read_page_file(p)).collect();
        for (path, result) in chunk.iter().zip(read) {
            match result {
                Ok((page, encoding, replaced)) => {
                    let path = path.to_string_lossy();
                    if encoding != "UTF-8" {
                        warnings.push(FileWarning {
                            path: path.clone().into_owned(),
                            warning: Warning::not_utf8(encoding),
                        });
                    }
                    warnings.extend(replaced.into_iter().map(|warning| FileWarning {
                        path: path.clone().into_owned(),
                        warning,
                    }));
                    let name = unique_name(&page.id, &mut names);
                    let target = args.out.join(&name);
                    let text = page.to_text();
                    with_output(Some(&target), |out| Ok(out.write_all(text.as_bytes())?))?;
                    written += 1;
                }
                Err(ReadError::Page {
                    path,
                    error: error @ PageError::NotArticle(_),
                }) => warnings.push(FileWarning {
                    path,
                    warning: Warning {
                        line: None,
                        kind: WarningKind::Skipped,
                        message: error.to_string(),
                    },
                }),
                Err(e) => errors.push(e),
            }
        }
    }
    let failed =
        super::diagnostics::print(&warnings, &errors, args.quiet, args.diagnostics.as_deref());
    if !args.quiet || written == 0 {
        eprintln!(
            "{}: {} written",
            args.out.display(),
            count(written, "transcript")
        );
    }
    Ok(Outcome::of(failed || written == 0))
}

/// `<id>.txt`, or `<id>-2.txt`, `<id>-3.txt`, … when an earlier page of this import had the same id.
fn unique_name(id: &str, names: &mut HashSet<String>) -> String {
    let id = if id.is_empty() { "page" } else { id };
    let mut name = format!("{id}.txt");
    let mut n = 1;
    while !names.insert(name.clone()) {
        n += 1;
        name = format!("{id}-{n}.txt");
    }
    name
}

/// Creates the output directory, refusing a file, and a folder inside one of the folders of pages (a report on that
/// folder would then read every meeting twice, as a page and as its text).
fn check_out(out: &Path, paths: &[PathBuf]) -> anyhow::Result<()> {
    if out.exists() && !out.is_dir() {
        anyhow::bail!("--out {}: a file, not a directory", out.display());
    }
    std::fs::create_dir_all(out)
        .with_context(|| format!("--out {}: cannot create", out.display()))?;
    let out_real = out
        .canonicalize()
        .with_context(|| format!("--out {}", out.display()))?;
    for path in paths.iter().filter(|p| p.is_dir()) {
        if let Ok(real) = path.canonicalize() {
            if out_real.starts_with(&real) {
                anyhow::bail!(
                    "--out {} is inside {}, a folder of the pages: a report on {} would read every meeting twice \
                     (the page and its text); choose another folder",
                    out.display(),
                    path.display(),
                    path.display()
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_sharing_an_id_get_numbered_names() {
        let mut names = HashSet::new();
        let got: Vec<String> = ["51389", "51390", "51389", "51389", ""]
            .iter()
            .map(|id| unique_name(id, &mut names))
            .collect();
        assert_eq!(
            got,
            [
                "51389.txt",
                "51390.txt",
                "51389-2.txt",
                "51389-3.txt",
                "page.txt"
            ]
        );
    }
}
