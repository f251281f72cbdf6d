//! What a user trips on at the command line: a closed pipe, numbers out of range, a folder without transcripts, an
//! alias that matches nothing, and counts in messages.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{run_in, stderr};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A transcript of `turns` turns.
fn long_transcript(turns: usize) -> String {
    (0..turns)
        .map(|i| {
            if i % 2 == 0 {
                format!("В.Путин: Добрый день, коллеги, это реплика номер {i}.\n")
            } else {
                format!("А.Лукашенко: Здравствуйте, это ответ номер {i}.\n")
            }
        })
        .collect()
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.txt", &long_transcript(20_000));
    for format in ["csv", "jsonl"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stenogram"))
            .args(["parse", "--format", format, "t.txt"])
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The reader is gone (as `head` is after its lines): the rest of the output meets a closed pipe.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{format}");
    }
}

#[test]
fn numbers_out_of_range_are_said_as_a_person_would() {
    let out = run_in(Path::new("."), &["report", "--min-count", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "invalid value '0' for '--min-count <MIN_COUNT>': expected a whole number 1 or more"
        ),
        "{}",
        stderr(&out)
    );
    let out = run_in(Path::new("."), &["report", "--top", "5000"]);
    assert!(
        stderr(&out).contains("expected a whole number from 1 to 1000"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_malformed_mfw_range_is_said_before_any_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // No corpus here: had a file been read first, the error would be the missing corpus (exit 2).
    for (value, problem) in [
        (
            "100..950:100",
            "the steps from the start miss the end (they reach 900 and 1000)",
        ),
        ("100..1000", "not a whole number nor a range"),
        ("0", "0 words: a size is from 1 to 100000"),
        ("1000..100:100", "the end is smaller than the start"),
    ] {
        let out = run_in(dir.path(), &["report", "--mfw", value, "--out", "r"]);
        assert_eq!(out.status.code(), Some(1), "{value}");
        assert_eq!(
            stderr(&out),
            format!(
                "error: --mfw '{value}': {problem}; give a number of words (150) or a range START..END:STEP \
                 (100..1000:100 is 100, 200, …, 1000)\n"
            ),
            "{value}"
        );
    }
}

#[test]
fn a_folder_without_transcripts_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    write(dir.path(), "empty/notes.md", "not a transcript");
    let out = run_in(dir.path(), &["report", "empty", "--out", "r"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: empty: no transcript (.txt), page (.html, .htm), table (.csv, .tsv, .jsonl) or ParlaMint sitting (ParlaMint-XX_*.xml, or .txt with its -meta.tsv) found in this folder or below it"),
        "{err}"
    );
    assert!(!dir.path().join("r").exists());
}

#[test]
fn an_alias_that_matches_no_label_is_named_with_its_line_and_counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.txt",
        "В.Путин: Добрый день.\nА.Лукашенко: Здравствуйте.\n",
    );
    write(
        dir.path(),
        "aliases.csv",
        "label,speaker\nВ.Путин,Путин\nВ.Пупкин,Пупкин\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "report",
            "t.txt",
            "--aliases",
            "aliases.csv",
            "--out",
            "r",
            "--charts",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("aliases.csv:3: warning: alias label 'В.Пупкин' matches no speaker label of the transcripts read; not used"),
        "{err}"
    );
    assert!(!err.contains("'В.Путин'"), "{err}");
    assert!(err.contains("(1 meeting, 2 speakers, 3 words)"), "{err}");
}

#[test]
fn phrases_are_counted_in_trends_and_kwic_as_consecutive_words() {
    let dir = tempfile::tempdir().unwrap();
    // By hand: the key view sees «Союзное государство» once (the comma breaks the last pair); the stem view sees
    // «Союзного государства» too.
    write(
        dir.path(),
        "t.txt",
        "В.Путин: Союзное государство крепнет. Союзного государства нет, союзное, государство.\nА.Лукашенко: Да.\n",
    );
    for (view, expected) in [("key", "1"), ("stem", "2")] {
        let out = run_in(
            dir.path(),
            &[
                "report",
                "t.txt",
                "--out",
                "r",
                "--charts",
                "none",
                "--view",
                view,
                "--terms",
                "Союзное государство, зелёный слон",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("warning: --terms: 'зелёный слон' occurs nowhere in the"),
            "{}",
            stderr(&out)
        );
        let trends = crate::support::csv_rows(
            &std::fs::read_to_string(dir.path().join("r/trends.csv")).unwrap(),
        );
        let putin = trends
            .iter()
            .find(|r| r["speaker"] == "В.Путин" && r["term"] == "Союзное государство")
            .unwrap();
        assert_eq!(putin["count"], expected, "{view}");
    }
    for (args, hits) in [
        (&["kwic", "союзное государство", "t.txt"][..], "1 hit"),
        (
            &["kwic", "--stem", "Союзное государство", "t.txt"][..],
            "2 hits",
        ),
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(stderr(&out).trim(), hits, "{args:?}");
        let rows = crate::support::csv_rows(&crate::support::stdout(&out));
        assert_eq!(rows[0]["match"], "Союзное государство");
    }
}

#[test]
fn since_and_until_select_meetings_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text) in [
        ("2025-01-15_a.txt", "В.Путин: Январь.\n"),
        ("2025-02-15_b.txt", "В.Путин: Февраль.\n"),
        ("2025-03-15_c.txt", "В.Путин: Март.\n"),
        ("undated.txt", "В.Путин: Когда-то.\n"),
    ] {
        write(d, name, text);
    }
    let out = run_in(
        d,
        &[
            "report",
            ".",
            "--since",
            "2025-02",
            "--until",
            "2025-02-28",
            "--out",
            "r",
            "--charts",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("note: --since/--until left out 3 meetings, 1 of them without a date"),
        "{}",
        stderr(&out)
    );
    let meetings =
        crate::support::csv_rows(&std::fs::read_to_string(d.join("r/meetings.csv")).unwrap());
    let dates: Vec<&str> = meetings.iter().map(|m| m["date"].as_str()).collect();
    assert_eq!(dates, ["2025-02-15"]);
    let out = run_in(d, &["speakers", ".", "--until", "2025"]);
    let rows = crate::support::csv_rows(&crate::support::stdout(&out));
    assert_eq!(rows[0]["meetings"], "3");
    for (args, message) in [
        (
            &["--since", "2025-13"][..],
            "error: --since/--until: '2025-13' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        (
            &["--since", "2025-03", "--until", "2025-01"][..],
            "error: --since/--until: the first day 2025-03-01 is after the last day 2025-01-31",
        ),
        (
            &["--since", "2030"][..],
            "error: no meeting falls between --since and --until, so nothing was written to r2",
        ),
    ] {
        let mut all = vec!["report", ".", "--out", "r2", "--quiet"];
        all.extend(args);
        let out = run_in(d, &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out).trim(), message, "{args:?}");
    }
}

#[test]
fn interpreted_turns_are_counted_left_out_or_counted_apart() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.txt",
        "В.Путин: Один два три.\nН.Мадуро (как переведено): Четыре пять.\nН.Мадуро: Шесть.\n",
    );
    // speaker -> (words, interpreted_words), worked out by hand.
    for (mode, expected) in [
        (
            "include",
            vec![("В.Путин", "3", "0"), ("Н.Мадуро", "3", "2")],
        ),
        (
            "exclude",
            vec![("В.Путин", "3", "0"), ("Н.Мадуро", "1", "0")],
        ),
        (
            "separate",
            vec![
                ("В.Путин", "3", "0"),
                ("Н.Мадуро", "1", "0"),
                ("Н.Мадуро (interpreted)", "2", "2"),
            ],
        ),
    ] {
        let out = run_in(
            dir.path(),
            &[
                "report",
                "t.txt",
                "--interpreted",
                mode,
                "--out",
                "r",
                "--charts",
                "none",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{mode}: {}", stderr(&out));
        let note = "note: --interpreted exclude left out 1 interpreted turn (2 words)";
        assert_eq!(stderr(&out).contains(note), mode == "exclude", "{mode}");
        let rows = crate::support::csv_rows(
            &std::fs::read_to_string(dir.path().join("r/speakers.csv")).unwrap(),
        );
        let got: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r["speaker"].as_str(),
                    r["words"].as_str(),
                    r["interpreted_words"].as_str(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{mode}");
    }
}
