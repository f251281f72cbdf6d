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
        "error: --reference: no speaker is called 'Никто'; `stenogram speakers` lists them"
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

/// Two meetings: Иванов speaks in both (briefly), Петров and Сидоров in one each, Петров at length.
fn two_meetings(d: &Path) {
    write(
        d,
        "2025-01-01_a.txt",
        "А.Иванов: Начнём.\nВ.Петров: Коллеги, я расскажу о работе подробно, о планах на год, о бюджете, о людях и о задачах, которые стоят перед нами.\nД.Медведев: Спасибо.\n"
            .as_bytes(),
    );
    write(
        d,
        "2025-02-01_b.txt",
        "А.Иванов: Продолжим.\nС.Сидоров: Коротко о главном.\nС.Медведев: Согласен.\n".as_bytes(),
    );
}

fn keyness_title(svg: &Path) -> String {
    let svg = std::fs::read_to_string(svg).unwrap();
    let start = svg.find("Key words:").expect("a keyness title");
    svg[start..].split('<').next().unwrap().trim().to_string()
}

#[test]
fn the_charts_compare_the_speakers_present_in_the_most_meetings_or_the_pair_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_meetings(d);
    let report = |extra: &[&str]| {
        let mut args = vec![
            "report",
            "2025-01-01_a.txt",
            "2025-02-01_b.txt",
            "--out",
            "r",
            "--charts",
            "svg",
            "--quiet",
        ];
        args.extend(extra);
        run_in(d, &args)
    };
    let out = report(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        keyness_title(&d.join("r/keyness.svg")),
        "Key words: А.Иванов (right) vs В.Петров (left)"
    );
    // Names as a user types them: spaces, initials with a space, a surname alone, any case.
    let out = report(&["--speakers", "С. Сидоров, петров"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        keyness_title(&d.join("r/keyness.svg")),
        "Key words: С.Сидоров (right) vs В.Петров (left)"
    );
    let out = report(&["--pair", "Петров,Иванов"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        keyness_title(&d.join("r/keyness.svg")),
        "Key words: В.Петров (right) vs А.Иванов (left)"
    );
    let keyness = std::fs::read_to_string(d.join("r/keyness.csv")).unwrap();
    assert!(
        keyness.lines().any(|l| l.starts_with("В.Петров,А.Иванов,")),
        "{keyness}"
    );
    let out = report(&["--reference", "Сидоров"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        keyness_title(&d.join("r/keyness.svg")),
        "Key words: А.Иванов (right) vs С.Сидоров (left)"
    );
}

#[test]
fn a_name_that_matches_several_speakers_or_none_is_an_error_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_meetings(d);
    let out = run_in(d, &["report", ".", "--speakers", "Медведев", "--out", "r"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "error: --speakers: 'Медведев' could be any of Д.Медведев, С.Медведев; give the name as the speakers list writes it; `stenogram speakers` lists them"
    );
    assert!(!d.join("r").exists());
    // One speaker named twice, in any spelling, would make a chart of a speaker against herself.
    for (given, said) in [
        ("Петров,Петров", "'Петров' is there twice"),
        (
            "Петров,В.Петров",
            "'Петров' and 'В.Петров' are both В.Петров",
        ),
    ] {
        let out = run_in(d, &["report", ".", "--speakers", given, "--out", "r"]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out).trim(),
            format!("error: --speakers: {said}; name each speaker once")
        );
    }
    let out = run_in(d, &["report", ".", "--pair", "Петров", "--out", "r"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "error: --pair: give two speakers, comma-separated (A,B)"
    );
    let out = run_in(d, &["kwic", "коротко", "--speaker", "сидоров", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        crate::support::csv_rows(&crate::support::stdout(&out)).len(),
        1
    );
    assert_eq!(stderr(&out).trim(), "1 hit");
    let out = run_in(d, &["kwic", "коротко", "--speaker", "Сидров", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "error: --speaker: no speaker is called 'Сидров' (closest: С.Сидоров); `stenogram speakers` lists them"
    );
}
