//! Where a subcommand's table goes: a file (written to a temporary name, then renamed) or standard output (`-`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Runs `write` on stdout when `out` is `None` or `-`, otherwise on a temporary file renamed to `out` on success.
pub fn with_output(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match out {
        None => write_stdout(write),
        Some(p) if p == Path::new("-") => write_stdout(write),
        Some(path) => {
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let mut tmp = stenogram::report::write::temp_in(&dir, ".tmp")
                .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
            {
                let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
                write(&mut buffered)?;
                buffered
                    .flush()
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
            tmp.persist(path)
                .with_context(|| format!("{}: cannot write", path.display()))?;
            Ok(())
        }
    }
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    match write(&mut lock).and_then(|()| lock.flush().map_err(Into::into)) {
        Err(e) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|ce| {
                matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
            })
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|je| je.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
