//! Hostile `--dictionary` files: unclosed YAML, bad `%` sections and unknown category ids in LIWC `.dic`, entries
//! outside any category, an empty file, a binary one, bytes that are not UTF-8, a BOM and CRLF, a megabyte line, a
//! deep nesting. A malformed file is an error naming the file and its line, exit 1, before any transcript is read
//! (the output folder is never made); a file that only looks odd is read; nothing panics.

use std::path::Path;

use crate::support::{run_in, seed, stderr};

fn no_panic(out: &std::process::Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "a panic:\n{err}");
    assert!(out.status.code().is_some(), "killed by a signal");
}

/// `report --dictionary NAME` of the seed transcript with `bytes` as the file NAME: exit code, stderr, and whether
/// the output folder was made.
fn report(name: &str, bytes: &[u8]) -> (Option<i32>, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join(name), bytes).unwrap();
    let seed = seed();
    let args = [
        "report",
        "--quiet",
        "--charts",
        "none",
        "--dictionary",
        name,
        "--out",
        "out",
        seed.to_str().unwrap(),
    ];
    let out = run_in(d, &args);
    no_panic(&out);
    (out.status.code(), stderr(&out), d.join("out").exists())
}

/// Asserts that `bytes` as `name` stop the report with exit 1 and the message `error: --dictionary: NAME:LINE: …`
/// containing `what`, before anything is written.
fn refused(name: &str, bytes: &[u8], line: usize, what: &str) {
    let (code, err, written) = report(name, bytes);
    assert_eq!(code, Some(1), "{name}: {err}");
    let prefix = format!("error: --dictionary: {name}:{line}: ");
    assert!(
        err.starts_with(&prefix),
        "{name}: expected {prefix}…, got {err}"
    );
    assert!(err.contains(what), "{name}: expected '{what}' in {err}");
    assert!(
        !written,
        "{name}: the output folder was made before the dictionary was checked"
    );
}

#[test]
fn malformed_yaml_is_refused_at_its_line() {
    refused(
        "d.yml",
        "security:\n  threat: [угроз*, опасн*\neconomy: [торг*]\n".as_bytes(),
        3,
        "not YAML",
    );
    refused("d.yml", b"a:\n  - x\n  - y: [z]\n", 3, "not a map");
    refused("d.yml", b"- a\n- b\n", 1, "map of categories");
    refused("d.yml", b"a: &x [b]\nc: *x\n", 2, "alias");
    refused("d.yaml", b"a:\n\tb: [c]\n", 2, "not YAML");
    refused("d.yml", b"a.b: [c]\n", 1, "has a dot");
}

#[test]
fn bad_liwc_sections_and_unknown_ids_are_refused_at_their_line() {
    refused(
        "d.dic",
        b"1\tsecurity\n%\nx\t1\n",
        1,
        "starts with a line `%`",
    );
    refused(
        "d.dic",
        b"%\n1\tsecurity\n2\tthreat\nx\t1\n",
        4,
        "not closed",
    );
    refused("d.dic", b"%\n1\tsecurity\n", 1, "no closing line `%`");
    refused(
        "d.dic",
        b"%\n1\tsecurity\n%\nugroza\t1\nx\t7\n",
        5,
        "category id 7",
    );
    refused(
        "d.dic",
        b"%\n1\tsecurity\n1\tthreat\n%\nx\t1\n",
        3,
        "there twice",
    );
    refused(
        "d.dic",
        b"%\n1\tsecurity\n%\nword\n",
        4,
        "names no category",
    );
    refused("d.dic", b"%\nx\tsecurity\n%\nw\t1\n", 2, "a number for id");
}

#[test]
fn entries_outside_categories_are_refused() {
    refused(
        "d.lc3",
        "угроз*\n+SECURITY\nx\n".as_bytes(),
        1,
        "before any category",
    );
    refused(
        "d.cat",
        "УГРОЗ* (1)\n".as_bytes(),
        1,
        "not indented under any category",
    );
    refused(
        "d.cat",
        "A\n\t\tB\n\t\t\tw (1)\n".as_bytes(),
        2,
        "more than one deeper",
    );
    refused("d.cat", "A\n\tw (1.2.3)\n".as_bytes(), 2, "not a number");
}

#[test]
fn files_that_are_not_dictionaries_are_refused() {
    refused("d.yml", b"", 1, "empty");
    refused("d.dic", b" \n\t\n", 1, "empty");
    refused("d.yml", b"a: [b]\n\x00\x01\x02\x03", 2, "binary");
    refused("d.lc3", b"+A\nb\n\xff\xfe\xfa\n", 3, "not UTF-8");
    refused("d.txt", b"just some words\n", 1, "cannot tell the format");
    refused("d.yml", b"a:\nb:\n", 1, "no category has an entry");
    let deep: String = (0..40)
        .map(|i| format!("{}c{i}:\n", "  ".repeat(i)))
        .collect();
    refused(
        "d.yml",
        format!("{deep}{}- w\n", "  ".repeat(40)).as_bytes(),
        33,
        "nested more than",
    );
}

#[test]
fn a_bom_crlf_and_a_long_line_are_read() {
    let cases: [(&str, Vec<u8>); 4] = [
        (
            "d.yml",
            "\u{FEFF}trade:\r\n  - товарооборот*\r\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "d.dic",
            "\u{FEFF}%\r\n1\ttrade\r\n%\r\nтоварооборот*\t1\r\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "d.cat",
            "TRADE\r\n\tТОВАРООБОРОТ* (1)\r\n".as_bytes().to_vec(),
        ),
        (
            "d.lc3",
            format!("+TRADE\rтоварооборот*\r{}\r", "ж".repeat(1 << 19)).into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join(name), &bytes).unwrap();
        let seed = seed();
        let args = [
            "report",
            "--quiet",
            "--charts",
            "none",
            "--dictionary",
            name,
            "--out",
            "out",
        ];
        let out = run_in(d, &[&args[..], &[seed.to_str().unwrap()]].concat());
        no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let table = std::fs::read_to_string(d.join("out/dictionary.csv")).unwrap();
        // The seed transcript's turns say товарооборота twice (the lead once more).
        let all = table
            .lines()
            .find(|l| l.to_lowercase().starts_with("*,*,trade,"))
            .unwrap();
        assert_eq!(all.split(',').nth(3), Some("2"), "{name}: {all}");
    }
}

#[test]
fn kwic_refuses_a_bad_dictionary_and_an_unknown_category() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("d.dic"), b"%\n1\tx\n%\nw\t2\n").unwrap();
    std::fs::write(d.join("ok.yml"), "security: [товарооборот*]\n".as_bytes()).unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let out = run_in(
        d,
        &["kwic", "--category", "x", "--dictionary", "d.dic", seed],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: --dictionary: d.dic:4: "),
        "{}",
        stderr(&out)
    );
    let out = run_in(
        d,
        &[
            "kwic",
            "--category",
            "threat",
            "--dictionary",
            "ok.yml",
            seed,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no category 'threat'; it has security"),
        "{}",
        stderr(&out)
    );
}

/// The report reads every dictionary named: a second bad file stops it too.
#[test]
fn every_dictionary_file_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d: &Path = dir.path();
    std::fs::write(d.join("a.yml"), "a: [б]\n".as_bytes()).unwrap();
    std::fs::write(d.join("b.lc3"), "x\n".as_bytes()).unwrap();
    let seed = seed();
    let out = run_in(
        d,
        &[
            "report",
            "--dictionary",
            "a.yml",
            "--dictionary",
            "b.lc3",
            "--out",
            "o",
            seed.to_str().unwrap(),
        ],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("b.lc3:1: "), "{}", stderr(&out));
    assert!(!d.join("o").exists());
}
