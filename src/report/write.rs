//! Safe writing: every file goes to a temporary name in the output directory and is renamed into place, so an
//! interrupted run (a crash, Ctrl-C, SIGKILL) leaves each file either as it was or complete, never truncated. The
//! files are not fsynced: a rename is atomic for other processes, and a report can be made again after a power cut. File names made from speaker
//! names are sanitized.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

/// A problem writing the report. Each message holds its cause (`path: cannot write: No space left on device`), so
/// the cause is not also given as the error's source: a chain of sources would print it twice.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Creating, writing or renaming a file failed.
    #[error("{path}: cannot write: {cause}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        cause: std::io::Error,
    },
    /// The corpus' word tokens could not be read back from their temporary file; the report stops there.
    #[error(transparent)]
    Tokens(#[from] crate::corpus::TokenError),
    /// CSV serialization failed.
    #[error("{path}: cannot write CSV: {cause}")]
    Csv {
        /// The file.
        path: String,
        /// The error.
        cause: csv::Error,
    },
    /// Parquet writing failed (or a row did not fit the columns its type declares).
    #[error("{path}: cannot write Parquet: {cause}")]
    Parquet {
        /// The file.
        path: String,
        /// What went wrong.
        cause: String,
    },
    /// Drawing a chart failed.
    #[error("{path}: cannot draw chart: {cause}")]
    Chart {
        /// The file.
        path: String,
        /// What went wrong (an error of the plotting library or of its backend).
        cause: DrawError,
    },
}

impl From<crate::columnar::ColumnarError> for WriteError {
    fn from(e: crate::columnar::ColumnarError) -> WriteError {
        use crate::columnar::ColumnarError;
        match e {
            ColumnarError::Io { path, cause } => WriteError::Io { path, cause },
            ColumnarError::Parquet { path, cause } => WriteError::Parquet { path, cause },
        }
    }
}

/// Why drawing a chart failed: an error of the plotting library or of its backend.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// Checks that the output directory can be one: absent, or a directory (not a file).
pub fn check_output_dir(out: &Path) -> Result<(), WriteError> {
    if out.exists() && !out.is_dir() {
        return Err(WriteError::Io {
            path: out.display().to_string(),
            cause: std::io::Error::other("exists and is not a directory"),
        });
    }
    Ok(())
}

/// Makes the output directory (checked by [`check_output_dir`]).
pub fn output_dir(out: &Path) -> Result<(), WriteError> {
    check_output_dir(out)?;
    std::fs::create_dir_all(out).map_err(io(out))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.display().to_string(),
        cause: source,
    }
}

/// Writes `path` atomically with the bytes `write` produces.
pub fn atomic_write(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = temp_in(dir, ".tmp")?;
    {
        let mut out = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush().map_err(io(path))?;
    }
    publish(tmp, path)
}

/// A temporary file in `dir` (made if absent), to be [`publish`]ed under its final name when complete; removed if
/// dropped before. It is created with the permissions of an ordinary new file (`0666` less the umask), not the
/// private `0600` of a temporary file, since it becomes a report file. `suffix` ends its name (an image writer takes
/// the format from it).
pub fn temp_in(dir: &Path, suffix: &str) -> Result<tempfile::NamedTempFile, WriteError> {
    temp_file(dir, suffix).map_err(io(dir))
}

pub use crate::columnar::temp_file;

/// Renames a finished, closed temporary file (from [`temp_file`]) to `path`.
pub fn publish_path(tmp: tempfile::TempPath, path: &Path) -> Result<(), WriteError> {
    tmp.persist(path).map_err(|e| WriteError::Io {
        path: path.display().to_string(),
        cause: e.error,
    })
}

/// Renames a finished temporary file (from [`temp_in`]) to `path`.
pub fn publish(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), WriteError> {
    tmp.persist(path).map_err(|e| WriteError::Io {
        path: path.display().to_string(),
        cause: e.error,
    })?;
    Ok(())
}

/// Rows formatted per parallel task by [`write_csv`].
const ROWS_PER_TASK: usize = 4096;

/// Writes rows as CSV with a header, atomically. The rows are formatted in parallel, a bounded batch at a time, and
/// written in order: the file is what one `csv` writer would write.
pub fn write_csv<T: Serialize + Sync>(
    path: &Path,
    rows: &[T],
    header: &[&str],
) -> Result<(), WriteError> {
    use rayon::prelude::*;
    let shown = path.display().to_string();
    let csv_err = |source| WriteError::Csv {
        path: shown.clone(),
        cause: source,
    };
    // A chunk of rows as CSV; the file's first chunk starts with the header (the row type's field names).
    let format = |(first, chunk): (bool, &[T])| -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(first)
            .from_writer(Vec::new());
        for row in chunk {
            w.serialize(row)?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    };
    atomic_write(path, |out| {
        if rows.is_empty() {
            let mut w = csv::WriterBuilder::new().from_writer(&mut *out);
            w.write_record(header).map_err(csv_err)?;
            return w.flush().map_err(io(path));
        }
        for (b, batch) in rows.chunks(ROWS_PER_TASK * 16).enumerate() {
            let parts: Vec<Result<Vec<u8>, csv::Error>> = batch
                .par_chunks(ROWS_PER_TASK)
                .enumerate()
                .map(|(i, chunk)| format((b == 0 && i == 0, chunk)))
                .collect();
            for part in parts {
                out.write_all(&part.map_err(csv_err)?).map_err(io(path))?;
            }
        }
        Ok(())
    })
}

/// A file name made from free text (a speaker name): path separators, `..`, control and shell-special characters
/// replaced by `_`, no leading dot, at most 80 bytes, never empty.
pub fn sanitize(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            let unsafe_char = c.is_control()
                || c.is_whitespace()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\'' | '`' | '$'
                );
            if unsafe_char {
                '_'
            } else {
                c
            }
        })
        .collect();
    while out.contains("..") {
        out = out.replace("..", "_");
    }
    let out = out.trim_start_matches(['.', '-']).to_string();
    let mut cut = out.len().min(80);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    let out = out[..cut].to_string();
    if out.is_empty() {
        "_".to_string()
    } else {
        out
    }
}

/// Sanitized, unique file stems for names, in the order given (collisions get `~2`, `~3`, …).
pub fn unique_stems(names: &[String]) -> Vec<String> {
    let mut used = std::collections::BTreeSet::new();
    names
        .iter()
        .map(|n| {
            let base = sanitize(n);
            let mut stem = base.clone();
            let mut k = 1;
            while !used.insert(stem.to_lowercase()) {
                k += 1;
                stem = format!("{base}~{k}");
            }
            stem
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_safe_file_names() {
        assert_eq!(sanitize("В.Путин"), "В.Путин");
        assert_eq!(sanitize("../../etc/passwd"), "____etc_passwd");
        assert_eq!(
            sanitize("<script>alert(\"x\")</script>"),
            "_script_alert(_x_)__script_"
        );
        assert_eq!(sanitize("a\u{0}b\nc"), "a_b_c");
        assert_eq!(sanitize(".."), "_");
        assert_eq!(sanitize(""), "_");
        assert!(sanitize(&"Ж".repeat(100)).len() <= 80);
        assert_eq!(
            unique_stems(&["A/B".into(), "A:B".into()]),
            ["A_B", "A_B~2"]
        );
    }

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        #[derive(Serialize)]
        struct Row {
            x: &'static str,
            y: u8,
        }
        write_csv(&p, &[Row { x: "a", y: 1 }], &["x", "y"]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "x,y\na,1\n");
        write_csv::<Row>(&p, &[], &["x", "y"]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "x,y\n");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left");
    }
}
