//! Paths to the files to read: files named by the user as given, folders walked recursively (symbolic links
//! followed, loops reported, hidden entries left out) for the files a format of [`super::formats`] reads. Paths are
//! de-duplicated and sorted, so the result does not depend on the order they were given in.
//!
//! **Report folders are not corpora.** A folder holding [`REPORT_MANIFEST`] (the manifest `stenogram report` writes
//! in its output folder) is a report, whose CSV tables are not transcripts: a walk leaves it out with a note, and a
//! report folder named by the user is an error. (A table met while walking is read only if it has a text and a
//! speaker column; see [`super::formats::table`].)

use std::path::{Path, PathBuf};

use super::formats::{looked_for, walked};
use super::source::{display, ReadError};
use super::warning::{FileWarning, Warning, WarningKind};

/// The file `stenogram report` writes in its output folder, listing what it wrote.
pub const REPORT_MANIFEST: &str = ".stenogram-manifest";

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    /// Its path.
    pub path: PathBuf,
    /// Whether the user named it (rather than a folder holding it): a file named is read whatever it is.
    pub named: bool,
}

/// The files named by a set of paths, and what walking them said.
#[derive(Debug, Default)]
pub struct Collected {
    /// The files, sorted by path, each once.
    pub files: Vec<Found>,
    /// Paths that do not exist, folders that cannot be walked or hold nothing to read.
    pub errors: Vec<ReadError>,
    /// Folders left out (report folders).
    pub warnings: Vec<FileWarning>,
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.len() > 1 && n != "..")
}

/// Whether a folder holds a report.
fn is_report(folder: &Path) -> bool {
    folder.join(REPORT_MANIFEST).is_file()
}

/// What is said of a report folder.
fn report_message() -> String {
    format!("a stenogram report (it holds {REPORT_MANIFEST}), not a corpus; not read")
}

/// The files named by `paths`: files as given, folders walked for the files the formats read.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.errors.push(ReadError::Missing {
                    path: display(path),
                })
            }
            Err(source) => out.errors.push(ReadError::Io {
                path: display(path),
                cause: source,
            }),
            Ok(meta) if meta.is_dir() && is_report(path) => out.errors.push(ReadError::Walk {
                path: display(path),
                message: report_message(),
            }),
            Ok(meta) if meta.is_dir() => walk(path, &mut out),
            Ok(_) => out.files.push(Found {
                path: path.clone(),
                named: true,
            }),
        }
    }
    // A file both named and met in a folder is named.
    out.files
        .sort_by(|a, b| a.path.cmp(&b.path).then(b.named.cmp(&a.named)));
    out.files.dedup_by(|later, first| later.path == first.path);
    out
}

/// Walks one folder given by the user.
fn walk(folder: &Path, out: &mut Collected) {
    let before = out.files.len();
    let mut reports = Vec::new();
    let walker = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.path()) {
                return false;
            }
            let report = e.file_type().is_dir() && is_report(e.path());
            if report {
                reports.push(display(e.path()));
            }
            !report
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if walked(e.path()) {
                    out.files.push(Found {
                        path: e.into_path(),
                        named: false,
                    });
                }
            }
            Ok(_) => {}
            Err(err) => out.errors.push(ReadError::Walk {
                path: err.path().map_or_else(|| display(folder), display),
                message: walk_message(&err),
            }),
        }
    }
    out.warnings
        .extend(reports.into_iter().map(|path| FileWarning {
            path,
            warning: Warning {
                line: None,
                kind: WarningKind::NotCorpus,
                message: report_message(),
            },
        }));
    if out.files.len() == before {
        out.errors.push(ReadError::NoTranscripts {
            path: display(folder),
            looked_for: looked_for(),
        });
    }
}

/// The files named by `paths` (see [`collect`]), without what walking said of report folders.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let collected = collect(paths);
    let files = collected.files.into_iter().map(|f| f.path).collect();
    (files, collected.errors)
}

fn walk_message(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        format!(
            "symbolic link loop (back to {}); not followed",
            display(ancestor)
        )
    } else if let Some(io) = err.io_error() {
        format!("cannot read: {io}")
    } else {
        err.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_folder_is_left_out_of_a_walk_and_refused_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let report = corpus.join("report");
        std::fs::create_dir_all(&report).unwrap();
        std::fs::write(corpus.join("a.txt"), "В.Путин: Да.").unwrap();
        std::fs::write(corpus.join("b.csv"), "speaker,text\nА,б\n").unwrap();
        std::fs::write(corpus.join("c.md"), "notes").unwrap();
        std::fs::write(report.join("freq.csv"), "speaker,content\nА,true\n").unwrap();
        std::fs::write(report.join(REPORT_MANIFEST), "# files\nfreq.csv\n").unwrap();
        let named = corpus.join("a.txt");
        let collected = collect(&[corpus.clone(), named.clone()]);
        let files: Vec<(PathBuf, bool)> = collected
            .files
            .iter()
            .map(|f| (f.path.clone(), f.named))
            .collect();
        assert_eq!(files, [(named, true), (corpus.join("b.csv"), false)]);
        assert!(collected.errors.is_empty());
        assert_eq!(collected.warnings.len(), 1);
        assert_eq!(collected.warnings[0].warning.kind, WarningKind::NotCorpus);
        let refused = collect(&[report]);
        assert!(refused.files.is_empty());
        assert!(refused.errors[0].to_string().contains("a stenogram report"));
    }
}
