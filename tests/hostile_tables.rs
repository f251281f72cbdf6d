//! Hostile table corpora: bad rows, missing columns, a header alone, CRLF, a BOM, quoted newlines, a cell of a
//! megabyte, bytes that are not UTF-8, JSON lines that are not objects, repeated column names. Each bad row is an
//! error naming the file and its line, the other rows and files are read, and nothing panics.

use std::path::Path;

use crate::support::{csv_rows, run_in, stderr, stdout};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn no_panic(out: &std::process::Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "a panic:\n{err}");
    assert!(out.status.code().is_some(), "killed by a signal");
}

/// `parse` of the named files in `dir`: exit code, rows (meeting, speaker, text) and stderr.
fn parse(dir: &Path, files: &[&str]) -> (Option<i32>, Vec<(String, String, String)>, String) {
    let mut args = vec!["parse"];
    args.extend(files);
    let out = run_in(dir, &args);
    no_panic(&out);
    let rows = csv_rows(&stdout(&out))
        .into_iter()
        .map(|r| {
            (
                r["meeting"].clone(),
                r["speaker"].clone(),
                r["text"].clone(),
            )
        })
        .collect();
    (out.status.code(), rows, stderr(&out))
}

fn row(meeting: &str, speaker: &str, text: &str) -> (String, String, String) {
    (meeting.into(), speaker.into(), text.into())
}

#[test]
fn bad_rows_are_errors_with_their_lines_and_the_other_rows_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.csv",
        b"speaker,text,party\n\
          \xd0\x90.\xd0\x91,\"one\ntwo\",P\n\
          A.C,too,few,fields,here\n\
          ,no speaker,P\n\
          A.D,short\n\
          A.E,\"unterminated,P\n",
    );
    write(
        d,
        "b.jsonl",
        b"{\"speaker\":\"A.B\",\"text\":\"fine\"}\n[1,2]\n42\n\"str\"\n{\"speaker\":\"A.B\"}\n{bad json\n{\"speaker\":\"A.B\",\"text\":{\"nested\":[1]}}\n",
    );
    let (code, rows, err) = parse(d, &["a.csv", "b.jsonl"]);
    assert_eq!(code, Some(2), "{err}");
    for said in [
        "a.csv:4: 5 fields where the header has 3; row not read",
        "a.csv:5: no speaker: its column 'speaker' is empty or missing on this row; row not read",
        "a.csv:6: 2 fields where the header has 3; row not read",
        // The unterminated quote runs to the end of the file: one cell, so a field short.
        "a.csv:7: 2 fields where the header has 3; row not read",
        "b.jsonl:2: a JSON array, not an object; line not read",
        "b.jsonl:3: a JSON number, not an object; line not read",
        "b.jsonl:4: a JSON string, not an object; line not read",
        "b.jsonl:5: no text: its column 'text' is empty or missing on this row; row not read",
        "b.jsonl:6: not JSON (",
    ] {
        assert!(err.contains(said), "{said} in {err}");
    }
    // A JSON value that is not a string is its JSON text (here read as speech, its `[1]` an editorial insertion).
    assert_eq!(
        rows,
        [
            row("a", "А.Б", "one\ntwo"),
            row("b", "A.B", "fine"),
            row("b", "A.B", "{\"nested\":}"),
        ]
    );
    let audit = run_in(d, &["parse", "--audit", "a.csv"]);
    let audit = &csv_rows(&stdout(&audit))[0];
    assert_eq!(
        (
            &audit["lines"][..],
            &audit["metadata"][..],
            &audit["turn_lines"][..],
            &audit["unclassified"][..]
        ),
        ("6", "1", "1", "4")
    );
}

#[test]
fn missing_columns_a_header_alone_and_empty_tables() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "no-text.csv", b"speaker,words\nA.B,3\n");
    write(d, "no-speaker.tsv", b"text\tparty\nhello\tP\n");
    write(d, "header.csv", b"speaker,text\n");
    write(d, "empty.csv", b"");
    write(d, "bom-only.jsonl", b"\xEF\xBB\xBF\n\n");
    write(d, "blank.jsonl", b"\n\n\n");
    let (code, rows, err) = parse(
        d,
        &[
            "no-text.csv",
            "no-speaker.tsv",
            "header.csv",
            "empty.csv",
            "bom-only.jsonl",
            "blank.jsonl",
        ],
    );
    assert_eq!(code, Some(2));
    assert!(rows.is_empty());
    for said in [
        "no-text.csv: not read as a table corpus: no text column (looked for 'text', 'speech', 'content'; the columns are 'speaker', 'words')",
        "no-speaker.tsv: not read as a table corpus: no speaker column (looked for 'speaker', 'name'; the columns are 'text', 'party')",
        "header.csv: a header and no row",
        "empty.csv: empty file",
        "bom-only.jsonl: empty file",
        "blank.jsonl: empty file",
    ] {
        assert!(err.contains(said), "{said} in {err}");
    }
}

#[test]
fn crlf_a_bom_quoted_newlines_and_repeated_column_names() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let table = "\u{FEFF}Speaker,Text,party,Party,TEXT\r\nА.Б,\"первый\r\n\r\nвторой\",P,Q,x\r\n\r\nА.В,третий,P,Q,y\r\n";
    write(d, "a.csv", table.as_bytes());
    let (code, rows, err) = parse(d, &["a.csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        rows,
        [row("a", "А.Б", "первый\nвторой"), row("a", "А.В", "третий")]
    );
    assert!(
        err.contains(
            "a.csv:1: warning: column 4 'Party' has the name of column 3; its values are not read"
        ),
        "{err}"
    );
    assert!(
        err.contains("a.csv:1: warning: column 5 'TEXT' has the name of column 2"),
        "{err}"
    );
    // The second row starts on line 5, after the quoted newlines and a blank line.
    let jsonl = run_in(d, &["parse", "--format", "jsonl", "a.csv"]);
    assert!(stdout(&jsonl).contains("\"paragraphs\":2"));
    let dir2 = tempfile::tempdir().unwrap();
    write(
        dir2.path(),
        "b.csv",
        b"speaker,text\r\nA.B,ok\r\n,x\r\n,\r\nA.C\r\n",
    );
    let (_, _, err) = parse(dir2.path(), &["b.csv"]);
    assert!(err.contains("b.csv:3: no speaker"), "{err}");
    // A row of empty cells is a blank line.
    assert!(
        err.contains("b.csv:5: 1 fields where the header has 2"),
        "{err}"
    );
}

#[test]
fn a_megabyte_cell_bytes_that_are_not_utf8_and_many_columns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let big = "слово ".repeat(180_000);
    write(
        d,
        "big.csv",
        format!("speaker,text\nА.Б,\"{big}\"\n").as_bytes(),
    );
    // cp1251 text is decoded; scattered bad bytes in UTF-8 are replaced.
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("speaker;text\nА.Б;Добрый день, коллеги, рад вас видеть.\n");
    write(d, "cp1251.csv", &cp1251);
    let mut damaged = "speaker,text\n".as_bytes().to_vec();
    for i in 0..200 {
        damaged.extend_from_slice(format!("А.Б,строка номер {i} с текстом\n").as_bytes());
    }
    damaged.extend_from_slice(b"\xD0.\xFF,bad\n");
    write(d, "damaged.csv", &damaged);
    let mut wide = (0..5000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    wide.push_str(",speaker,text\n");
    wide.push_str(&",".repeat(5000));
    wide.push_str("А.Б,широкий\n");
    write(d, "wide.csv", wide.as_bytes());
    let (code, rows, err) = parse(d, &["big.csv", "cp1251.csv", "damaged.csv", "wide.csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(rows[0].2.len(), big.trim_end().len());
    assert_eq!(
        rows[1],
        row("cp1251", "А.Б", "Добрый день, коллеги, рад вас видеть.")
    );
    assert!(
        err.contains("cp1251.csv: warning: not UTF-8; decoded as windows-1251"),
        "{err}"
    );
    assert!(
        err.contains("damaged.csv:202: warning: invalid UTF-8"),
        "{err}"
    );
    assert_eq!(rows.last().unwrap(), &row("wide", "А.Б", "широкий"));
    assert_eq!(rows.len(), 1 + 1 + 201 + 1);
}

#[test]
fn binary_and_deeply_nested_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "zeros.csv", &[0u8; 4096]);
    let deep = format!(
        "{{\"speaker\":\"A.B\",\"text\":\"x\",\"a\":{}1{}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    write(d, "deep.jsonl", deep.as_bytes());
    let (code, rows, err) = parse(d, &["zeros.csv", "deep.jsonl"]);
    assert_eq!(code, Some(2));
    assert!(rows.is_empty());
    assert!(err.contains("zeros.csv:1: binary file"), "{err}");
    assert!(
        err.contains("deep.jsonl:1: not JSON (recursion limit exceeded"),
        "{err}"
    );
}

#[test]
fn a_table_report_survives_hostile_cells() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut table = String::from("meeting,date,speaker,text,turn,interpreted,title\n");
    for (i, (speaker, text)) in [
        ("В.Путин", "[Аплодисменты.] (Смех.) <…>"),
        ("../../etc/passwd", "Путь в имени."),
        ("<script>", "Разметка в имени."),
        ("\u{202E}А.Б", "Управляющие символы."),
        ("В.Путин (как переведено)", "Переведённые слова."),
    ]
    .iter()
    .enumerate()
    {
        table.push_str(&format!(
            "m{},2022-13-{i:02},\"{speaker}\",\"{text}\",x{i},maybe,\"=1+1\"\n",
            i % 2
        ));
    }
    write(d, "t.csv", table.as_bytes());
    let out = run_in(d, &["report", "t.csv", "--out", "out"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("t.csv:2: warning: '2022-13-00' is not a date (YYYY-MM-DD); the meeting 'm0' has no date"), "{err}");
    assert!(
        err.contains("t.csv:2: warning: 'x0' is not a turn number"),
        "{err}"
    );
    assert!(
        err.contains("t.csv:2: warning: 'maybe' is not true or false"),
        "{err}"
    );
    assert!(d.join("out/index.html").is_file());
    assert!(!d.join("etc").exists());
}

#[test]
fn a_table_with_lone_carriage_returns_names_the_lines_an_editor_shows() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "mac.csv",
        b"speaker,text\rA.B,one\rA.C,too,many\rA.D,fine\r",
    );
    let (code, rows, err) = parse(d, &["mac.csv"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("mac.csv:3: 3 fields where the header has 2; row not read"),
        "{err}"
    );
    assert_eq!(rows, [row("mac", "A.B", "one"), row("mac", "A.D", "fine")]);
}
