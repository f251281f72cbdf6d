//! The output folder's manifest: the files a report wrote there, so that the next report into the same folder
//! removes what it no longer writes (the charts and `speakers/*.csv` of speakers gone from the corpus) and never
//! anything else.
//!
//! The manifest is [`MANIFEST`] in the output folder: a first line naming it, then one relative path a line,
//! sorted. A report writes its files, then removes the files the previous manifest lists that it did not write
//! (only regular files, only paths inside the folder, folders left empty by that), then writes its own manifest.
//! A file no manifest lists (the user's notes, a report made before manifests) is left alone, and the report says
//! how many there are with a note.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use super::write::{atomic_write, WriteError};

/// The manifest's file name in the output folder (a folder holding it is not read as a corpus; see
/// [`crate::transcript::walk`]).
pub const MANIFEST: &str = crate::transcript::REPORT_MANIFEST;

/// The manifest's first line.
const HEADER: &str = "# files written by stenogram report; the next report into this folder removes those it does not write";

/// What tidying the output folder did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tidied {
    /// Files of the previous report removed, relative to the folder.
    pub removed: Vec<String>,
    /// Files in the folder that no report listed, relative to the folder (left alone).
    pub foreign: Vec<String>,
}

/// A path of the manifest that stays inside the folder: relative, without `..`.
fn inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The paths the manifest in `out` lists (none when there is none).
fn previous(out: &Path) -> BTreeSet<String> {
    let Ok(text) = std::fs::read_to_string(out.join(MANIFEST)) else {
        return BTreeSet::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| inside(l))
        .map(str::to_string)
        .collect()
}

/// Every regular file in `out` and its folders (two levels, as deep as a report writes: `speakers/NAME.csv`; an
/// `--out` that is a big tree is not walked whole), but the manifest and the temporary files of runs
/// (`.stenogram-*`); relative, `/`-separated.
fn present(out: &Path) -> Vec<String> {
    walkdir::WalkDir::new(out)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(out).ok()?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(parts.join("/"))
        })
        .filter(|p| !p.rsplit('/').next().unwrap_or(p).starts_with(".stenogram-"))
        .collect()
}

/// Removes what the previous report in `out` wrote and this one (`written`, relative paths) did not, then writes
/// the new manifest.
pub fn tidy(out: &Path, written: &[String]) -> Result<Tidied, WriteError> {
    let written: BTreeSet<&str> = written.iter().map(String::as_str).collect();
    let before = previous(out);
    let mut tidied = Tidied::default();
    for path in before.iter().filter(|p| !written.contains(p.as_str())) {
        let full = out.join(path);
        // Only a regular file (not a link, not a folder) is removed.
        let Ok(meta) = std::fs::symlink_metadata(&full) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        std::fs::remove_file(&full).map_err(|source| WriteError::Io {
            path: full.display().to_string(),
            cause: source,
        })?;
        tidied.removed.push(path.clone());
        // Folders the removal left empty go too (`speakers/`), up to the output folder; a folder that still holds
        // something stays (remove_dir fails on it).
        let mut dir = full.parent();
        while let Some(d) = dir.filter(|d| *d != out && d.starts_with(out)) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    tidied.foreign = present(out)
        .into_iter()
        .filter(|p| !written.contains(p.as_str()) && !before.contains(p))
        .collect();
    let path = out.join(MANIFEST);
    atomic_write(&path, |w| {
        let io = |source| WriteError::Io {
            path: path.display().to_string(),
            cause: source,
        };
        writeln!(w, "{HEADER}").map_err(io)?;
        for file in &written {
            writeln!(w, "{file}").map_err(io)?;
        }
        Ok(())
    })?;
    Ok(tidied)
}

impl Tidied {
    /// A note for the user about the files left alone, if there are any.
    pub fn note(&self, out: &Path) -> Option<String> {
        let n = self.foreign.len();
        if n == 0 {
            return None;
        }
        let shown: Vec<&str> = self.foreign.iter().take(3).map(String::as_str).collect();
        let more = if n > 3 { ", …" } else { "" };
        let (files, them) = if n == 1 {
            ("1 file".to_string(), "it")
        } else {
            (format!("{n} files"), "them")
        };
        Some(format!(
            "{} holds {files} this report did not write ({}{more}); no report listed {them} in {MANIFEST}, so {them} \
             stayed",
            out.display(),
            shown.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, rel).unwrap();
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_second_report_removes_what_the_first_wrote_and_it_did_not() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        for f in ["a.csv", "old.png", "speakers/x.csv", "notes.txt"] {
            write(out, f);
        }
        // The first report: no manifest yet, so nothing is removed; the note names what it did not write.
        let first = tidy(out, &names(&["a.csv", "old.png", "speakers/x.csv"])).unwrap();
        assert_eq!(first.removed, Vec::<String>::new());
        assert_eq!(first.foreign, names(&["notes.txt"]));
        assert!(first
            .note(out)
            .unwrap()
            .contains("holds 1 file this report did not write (notes.txt)"));
        // The second report writes a.csv only: its predecessor's other files go, `speakers/` with them, the
        // notes stay.
        let second = tidy(out, &names(&["a.csv"])).unwrap();
        assert_eq!(second.removed, names(&["old.png", "speakers/x.csv"]));
        assert!(!out.join("speakers").exists());
        assert!(out.join("notes.txt").exists() && out.join("a.csv").exists());
        let manifest = std::fs::read_to_string(out.join(MANIFEST)).unwrap();
        assert_eq!(manifest.lines().skip(1).collect::<Vec<_>>(), ["a.csv"]);
    }

    #[test]
    fn a_manifest_cannot_remove_anything_outside_the_folder_or_a_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        write(tmp.path(), "precious.txt");
        write(&out, "dir/keep.txt");
        std::fs::write(
            out.join(MANIFEST),
            "# x\n../precious.txt\n/etc/hostname\ndir\n\n./dir/keep.txt\n",
        )
        .unwrap();
        let tidied = tidy(&out, &[]).unwrap();
        assert_eq!(tidied.removed, Vec::<String>::new());
        assert!(tmp.path().join("precious.txt").exists());
        assert!(out.join("dir/keep.txt").exists());
    }
}
