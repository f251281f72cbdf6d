//! Table corpora (`*.csv`, `*.tsv`, `*.jsonl`, one row per turn): columns found by their names or `--columns`,
//! attributes, several meetings per file in the order of the file, and the report of a table made by `parse` being
//! the report of the transcripts it was made from.

use std::path::Path;

use stenogram::transcript::{read_corpus, Aliases, ReadOptions, TableColumns};

use crate::support::{csv_rows, run, run_in, shared, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// The report CSV files of a folder, by name (`speakers/…` included).
fn tables(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    crate::report_files(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "csv"))
        .collect()
}

#[test]
fn a_table_made_by_parse_gives_the_report_of_its_transcripts() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let kremlin = kremlin.to_string_lossy().into_owned();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = run_in(
        d,
        &["parse", "--format", "csv", &kremlin, "--out", "turns.csv"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (input, report) in [
        (kremlin.as_str(), "from-transcripts"),
        ("turns.csv", "from-table"),
    ] {
        let out = run_in(d, &["report", "--quiet", input, "--out", report]);
        assert_eq!(out.status.code(), Some(0), "{input}: {}", stderr(&out));
    }
    let transcripts = tables(&d.join("from-transcripts"));
    let table = tables(&d.join("from-table"));
    assert_eq!(
        transcripts.keys().collect::<Vec<_>>(),
        table.keys().collect::<Vec<_>>()
    );
    for name in [
        "freq.csv",
        "keyness.csv",
        "speakers.csv",
        "turn_lengths.csv",
    ] {
        assert!(table.contains_key(Path::new(name)), "{name}");
    }
    // Every table is the same but those that show what `parse` does not write: the meetings' titles, times, places
    // and sources (meetings.csv), the audit, which counts a table's rows rather than a transcript's lines, and the
    // attributes, where each meeting's reader (`source`) is the table's and parse's constant columns are attributes.
    for (name, bytes) in &transcripts {
        let skipped = ["meetings.csv", "audit.csv", "attributes.csv", "index.html"];
        if skipped.iter().any(|s| name == Path::new(s)) {
            continue;
        }
        assert!(table[name] == *bytes, "{} differs", name.display());
    }
    let meetings = |dir: &str| -> Vec<(String, String, String, String)> {
        let text = std::fs::read_to_string(d.join(dir).join("meetings.csv")).unwrap();
        csv_rows(&text)
            .into_iter()
            .map(|r| {
                (
                    r["meeting"].clone(),
                    r["date"].clone(),
                    r["turns"].clone(),
                    r["words"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(meetings("from-transcripts"), meetings("from-table"));
}

#[test]
fn columns_are_found_by_their_names_and_the_others_are_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "speeches.csv",
        "Doc_ID;Date;Name;Party;Speech;Turn\n\
         b;2022-03-01;Иванов И.И.;КПРФ;Второе слово.;2\n\
         a;2022-02-24;В.Путин;ЕР;\"Добрый день. [Аплодисменты.]\nВторой абзац.\";1\n\
         b;2022-03-01;И.Иванов;КПРФ;Первое слово.;1\n",
    );
    let corpus = read_corpus(
        &[d.join("speeches.csv")],
        &ReadOptions::default(),
        Aliases::default(),
    );
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert_eq!(corpus.files.len(), 1);
    let meetings: Vec<_> = corpus.meetings().collect();
    // Meetings in the order of their first rows; rows ordered by the turn column.
    assert_eq!(
        meetings.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["b", "a"]
    );
    assert_eq!(meetings[0].format, "table");
    assert_eq!(meetings[0].date.unwrap().to_string(), "2022-03-01");
    let b: Vec<_> = meetings[0].turns().collect();
    assert_eq!(b[0].spoken(), "Первое слово.");
    assert_eq!(b[0].line, 5);
    // Two spellings of one speaker are one speaker, as labels are.
    assert_eq!(b[0].speaker, "И.Иванов");
    assert_eq!(b[1].speaker, "И.Иванов");
    assert_eq!(b[1].label, "Иванов И.И.");
    assert_eq!(b[0].attributes, [("party".to_string(), "КПРФ".to_string())]);
    assert_eq!(
        meetings[0].attributes,
        [("party".to_string(), "КПРФ".to_string())]
    );
    // The text cell's lines are paragraphs, split as a transcript's are.
    let a = meetings[1].turns().next().unwrap();
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.spoken(), "Добрый день.\nВторой абзац.");
    assert_eq!(a.annotations().next().unwrap().text, "Аплодисменты.");
}

#[test]
fn columns_named_with_the_option_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "scraped.jsonl",
        "{\"who\":\"Vladimir Putin\",\"body\":\"Good afternoon.\",\"sitting\":\"s1\",\"gender\":\"M\",\"n\":1}\n\
         \n\
         {\"who\":\"Angela Merkel\",\"body\":\"Thank you.\",\"sitting\":\"s1\",\"gender\":\"F\",\"n\":2,\"x\":null}\n",
    );
    let options = ReadOptions {
        columns: TableColumns::parse("text=body,speaker=who,meeting=sitting").unwrap(),
        ..ReadOptions::default()
    };
    let corpus = read_corpus(&[d.to_path_buf()], &options, Aliases::default());
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let meetings: Vec<_> = corpus.meetings().collect();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].id, "s1");
    assert_eq!(meetings[0].language.code(), "en");
    let turns: Vec<_> = meetings[0].turns().collect();
    assert_eq!(turns[1].speaker, "Angela Merkel");
    assert_eq!(
        turns[1].attributes,
        [
            ("gender".to_string(), "F".to_string()),
            ("n".to_string(), "2".to_string())
        ]
    );
    // Without the option, the file is no corpus; met in a folder, it is noted, not an error.
    let out = run_in(d, &["parse", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: ./scraped.jsonl: not read as a table corpus: no text column (looked for 'text', 'speech', 'content'; the columns are 'who', 'body', 'sitting', 'gender', 'n', 'x')"),
        "{}",
        stderr(&out)
    );
    // Named, it is an error.
    let out = run_in(d, &["parse", "scraped.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: scraped.jsonl: not read as a table corpus: no text column")
    );
    let out = run_in(
        d,
        &[
            "parse",
            "--columns",
            "text=body,speaker=who",
            "scraped.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(csv_rows(&stdout(&out))[0]["meeting"], "scraped");
}

#[test]
fn an_unknown_column_role_is_a_usage_error_before_any_file_is_read() {
    for command in ["report", "parse", "speakers", "kwic"] {
        let mut args = vec![command, "--columns", "txt=body", "no-such-folder"];
        if command == "kwic" {
            args.insert(1, "слово");
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{command}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("--columns: unknown role 'txt' (use text, speaker, meeting, date, title, turn or interpreted)"),
            "{command}: {err}"
        );
        assert!(!err.contains("no-such-folder"), "{command}: {err}");
    }
}

#[test]
fn a_report_folder_and_its_tables_are_not_read_as_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    std::fs::copy(crate::support::seed(), d.join("corpus/seed.txt")).unwrap();
    let out = run_in(
        d,
        &["report", "--quiet", "corpus", "--out", "corpus/report"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The report inside the corpus folder is left out of the next walk, with a note…
    let out = run_in(d, &["speakers", "corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("note: corpus/report: a stenogram report (it holds .stenogram-manifest), not a corpus; not read"),
        "{}",
        stderr(&out)
    );
    // …named, it is an error…
    let out = run_in(d, &["speakers", "corpus/report"]);
    assert_eq!(out.status.code(), Some(2));
    // …and a table of a report moved out of it is no corpus either: its `content` column is a mark, not speech.
    std::fs::copy(d.join("corpus/report/freq.csv"), d.join("freq.csv")).unwrap();
    let out = run_in(d, &["parse", "freq.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("freq.csv: not read as a table corpus: every cell of its text column 'content' is true or false"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn meetings_of_tables_keep_their_ids_unless_shared_and_dates_select_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let table = "meeting,date,speaker,text\nm1,2022-01-10,А.Б,Один.\nm2,2023-01-10,А.Б,Два.\n";
    write(d, "a.csv", table);
    write(d, "b.tsv", &table.replace(',', "\t"));
    let out = run_in(d, &["parse", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = csv_rows(&stdout(&out))
        .iter()
        .map(|r| r["meeting"].clone())
        .collect();
    assert_eq!(ids, ["./a/m1", "./a/m2", "./b/m1", "./b/m2"]);
    let out = run_in(d, &["parse", "--since", "2023", "a.csv"]);
    let ids: Vec<String> = csv_rows(&stdout(&out))
        .iter()
        .map(|r| r["meeting"].clone())
        .collect();
    assert_eq!(ids, ["m2"]);
    assert!(
        stderr(&out).contains("left out 1 meeting"),
        "{}",
        stderr(&out)
    );
}
