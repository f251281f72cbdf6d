//! `--cache DIR`: the dictionary's readings kept between runs never change an output, and a cache that cannot be
//! used is a warning, not a failure.

use std::path::Path;

use crate::report_files;
use crate::support::{run, seed, shared, stderr};

/// The files of `report INPUT --out OUT` with `extra` options, after checking it succeeded.
fn report(
    input: &Path,
    out: &Path,
    extra: &[&str],
) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut args = vec![
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--charts",
        "none",
    ];
    args.extend(extra);
    let done = run(&args);
    assert!(done.status.success(), "{}", stderr(&done));
    report_files(out)
}

/// Reports `input` without a cache, then twice with one (filling it, then reading it), and compares every file.
fn same_with_and_without(input: &Path, options: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let cache = cache.to_str().unwrap();
    let plain = report(input, &tmp.path().join("plain"), options);
    let with = [options, &["--cache", cache]].concat();
    let first = report(input, &tmp.path().join("first"), &with);
    let files: Vec<_> = std::fs::read_dir(cache).unwrap().collect();
    assert_eq!(files.len(), 1, "one cache file");
    let file = files[0].as_ref().unwrap().path();
    let bytes = std::fs::read(&file).unwrap();
    let second = report(input, &tmp.path().join("second"), &with);
    assert!(
        plain == first,
        "{options:?}: the first run with a cache differs"
    );
    assert!(
        plain == second,
        "{options:?}: the run from the cache differs"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "nothing new: the file stays"
    );
}

#[test]
fn a_cache_changes_no_output_byte() {
    same_with_and_without(&seed(), &[]);
    same_with_and_without(&seed(), &["--view", "key", "--min-count", "1"]);
    if let Some(kremlin) = shared("corpus/kremlin") {
        // Many speakers: their names decide readings the cache keeps for every name.
        same_with_and_without(&kremlin, &["--matrix", "--min-words", "1000"]);
    }
}

#[test]
fn a_cache_filled_by_one_corpus_serves_another_with_other_speakers() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let with = ["--cache", cache.to_str().unwrap()];
    report(&kremlin, &tmp.path().join("k"), &with);
    let plain = report(&seed(), &tmp.path().join("plain"), &[]);
    let cached = report(&seed(), &tmp.path().join("cached"), &with);
    assert!(
        plain == cached,
        "the seed read with the kremlin corpus' cache differs"
    );
}

#[test]
fn a_cache_that_cannot_be_used_is_a_warning_and_the_outputs_are_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = report(&seed(), &tmp.path().join("plain"), &[]);
    // A cache folder that is a file.
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    // A damaged cache file.
    let damaged = tmp.path().join("damaged");
    let args = ["--cache", damaged.to_str().unwrap()];
    report(&seed(), &tmp.path().join("fill"), &args);
    let cached = std::fs::read_dir(&damaged)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&cached, b"\x01\x02 damaged").unwrap();
    for (dir, said) in [
        (&file, "not-a-folder"),
        (&damaged, "not a cache of readings"),
    ] {
        let out = tmp.path().join("out");
        let done = run(&[
            "report",
            seed().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--charts",
            "none",
            "--cache",
            dir.to_str().unwrap(),
        ]);
        assert!(done.status.success(), "{}", stderr(&done));
        let told = stderr(&done);
        assert!(
            told.contains("warning: --cache:") && told.contains(said),
            "{told}"
        );
        assert!(report_files(&out) == plain, "{said}: the outputs differ");
    }
    assert_eq!(
        std::fs::read(&cached).unwrap(),
        b"\x01\x02 damaged",
        "left alone"
    );
}
