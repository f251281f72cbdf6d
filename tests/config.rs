//! Options are checked before any transcript is read (a malformed option costs nothing and hides nothing), and the
//! names given in options as soon as the speakers are known, before any statistic is computed or file written.

use std::path::Path;

use crate::support::{run_in, stderr};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const GOOD: &str = "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте, коллеги.\n";

#[test]
fn a_malformed_option_is_reported_before_any_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Reading this file would print an error of its own.
    write(d, "zeros.txt", &[0u8; 16]);
    write(d, "out", b"a file, not a directory\n");
    for (args, message) in [
        (
            &["--out", "out"][..],
            "error: out: cannot write: exists and is not a directory",
        ),
        (
            &["--out", "r", "--stopwords", "missing.txt"][..],
            "error: cannot read the stopword list: missing.txt: cannot read: No such file or directory (os error 2)",
        ),
        (
            &["--out", "r", "--aliases", "missing.csv"][..],
            "error: cannot read the alias file: missing.csv: cannot read: No such file or directory (os error 2)",
        ),
    ] {
        let mut all = vec!["report", "zeros.txt"];
        all.extend(args);
        let out = run_in(d, &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).trim(), message, "{args:?}");
        assert!(!d.join("r").exists(), "{args:?}: nothing is written");
    }
}

#[test]
fn an_unknown_reference_stops_the_report_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", GOOD.as_bytes());
    let out = run_in(
        d,
        &["report", "good.txt", "--reference", "Никто", "--out", "r"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        "error: --reference Никто: no such speaker (see `stenogram speakers`)"
    );
    assert!(!d.join("r").exists());
    let out = run_in(
        d,
        &[
            "report",
            "good.txt",
            "--reference",
            "А.Лукашенко",
            "--out",
            "r",
            "--quiet",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join("r/keyness.csv").exists());
}
