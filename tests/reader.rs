//! The transcript reader on real and odd transcripts: every label found, every line accounted for, bad files
//! reported by name while the others still come out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use stenogram::transcript::{read_corpus, read_file, Aliases, AnnotationKind, Block, ReadOptions};

use crate::support::{csv_rows, run, run_in, seed, shared, stderr, stdout};

fn manifest(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let file = header
        .iter()
        .position(|h| *h == "file")
        .expect("file column");
    let seen = header
        .iter()
        .position(|h| *h == "speakers_seen")
        .expect("speakers_seen column");
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (
                cols[file].to_string(),
                cols[seen].split("; ").map(str::to_string).collect(),
            )
        })
        .collect()
}

#[test]
fn every_label_of_the_shared_corpora_is_found_and_no_line_is_unclassified() {
    for sub in ["corpus/kremlin", "corpus/kremlin-en"] {
        let Some(dir) = shared(sub) else { return };
        let expected = manifest(&dir);
        let corpus = read_corpus(
            std::slice::from_ref(&dir),
            &ReadOptions::default(),
            Aliases::default(),
        );
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
        // The folder's MANIFEST.tsv is a table without a text column: noted, not read.
        let warnings: Vec<String> = corpus.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            warnings.len() == 1
                && warnings[0].contains("MANIFEST.tsv: warning: not read as a table corpus"),
            "{warnings:?}"
        );
        assert_eq!(corpus.files.len(), expected.len(), "{sub}: every file read");
        for f in &corpus.files {
            assert_eq!(f.meetings.len(), 1);
            let m = &f.meetings[0];
            let name = Path::new(&m.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let labels: BTreeSet<String> = m.turns().map(|t| t.label.clone()).collect();
            assert_eq!(labels, expected[&name], "{name}: raw labels");
            let a = &f.audit;
            assert_eq!(a.unclassified, 0, "{name}");
            assert_eq!(
                a.lines,
                a.metadata
                    + a.lead
                    + a.headings
                    + a.separators
                    + a.turn_lines
                    + a.elisions
                    + a.unclassified,
                "{name}: the audit adds up"
            );
            assert!(
                m.date.is_some() && m.source.is_some(),
                "{name}: header and footer"
            );
        }
    }
}

#[test]
fn spellings_of_one_person_map_to_one_speaker() {
    let Some(dir) = shared("corpus/kremlin-en") else {
        return;
    };
    let corpus = read_corpus(&[dir], &ReadOptions::default(), Aliases::default());
    let mut by_speaker: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in corpus.meetings() {
        for t in m.turns() {
            by_speaker
                .entry(t.speaker.clone())
                .or_default()
                .insert(t.name.clone());
        }
    }
    let speakers: BTreeSet<&str> = by_speaker.keys().map(String::as_str).collect();
    let expected: BTreeSet<&str> = [
        "Alexander Lukashenko",
        "Askar Mamin",
        "Benjamin Netanyahu",
        "Donald Trump",
        "Emmanuel Macron",
        "Ilham Aliyev",
        "Khaltmaagiin Battulga",
        "Nikol Pashinyan",
        "Nursultan Nazarbayev",
        "Question",
        "Recep Tayyip Erdogan",
        "Shavkat Mirziyoyev",
        "Vladimir Putin",
        "Xi Jinping",
    ]
    .into();
    assert_eq!(speakers, expected);
    assert!(by_speaker["Vladimir Putin"].contains("President of Russia Vladimir Putin"));
    assert!(
        by_speaker["Xi Jinping"].contains("President of the People’s Republic of China Xi Jinping")
    );
    // Interpreted turns are flagged, and the flag does not split the speaker.
    let erdogan: Vec<bool> = corpus
        .meetings()
        .flat_map(|m| m.turns())
        .filter(|t| t.speaker == "Recep Tayyip Erdogan")
        .map(|t| t.interpreted)
        .collect();
    assert!(erdogan.contains(&true) && erdogan.contains(&false));
}

#[test]
fn the_seed_transcript_in_figures() {
    let reading = read_file(&seed(), &ReadOptions::default()).expect("the seed reads");
    let (file, warnings) = (&reading.file, &reading.warnings);
    assert!(warnings.is_empty());
    let m = &file.meetings[0];
    assert_eq!(m.id, "2022-11-28_talks-kazakhstan-tokayev");
    assert_eq!(
        m.title.as_deref(),
        Some("Российско-казахстанские переговоры")
    );
    assert_eq!(
        (m.date.map(|d| d.to_string()).as_deref(), m.time.as_deref()),
        (Some("2022-11-28"), Some("17:25:00"))
    );
    assert_eq!(m.place.as_deref(), Some("Москва, Кремль"));
    assert_eq!(
        m.source.as_deref(),
        Some("http://kremlin.ru/events/president/news/copy/69944")
    );
    assert_eq!(
        m.headings().collect::<Vec<_>>(),
        ["Начало встречи с Президентом Казахстана Касым-Жомартом Токаевым"]
    );
    let turns: Vec<_> = m.turns().collect();
    let shape: Vec<(&str, usize)> = turns
        .iter()
        .map(|t| (t.speaker.as_str(), t.paragraphs.len()))
        .collect();
    assert_eq!(shape, [("В.Путин", 8), ("К.-Ж.Токаев", 9)]);
    assert!(matches!(m.blocks.last(), Some(Block::Elision { line: 31 })));
    let kinds: Vec<_> = m.blocks.iter().map(std::mem::discriminant).collect();
    assert_eq!(
        kinds.len(),
        7,
        "lead, lead, separator, heading, turn, turn, elision"
    );
    let insertions: Vec<&str> = turns[0]
        .annotations()
        .filter(|a| a.kind == AnnotationKind::Insertion)
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(insertions, ["это видно", "товарооборота"]);
    let putin = turns[0].spoken();
    assert!(putin.contains("чем из центра"));
    assert!(putin.contains("свыше 50 процентов уверенно приходится"));
    assert!(!putin.contains('['));
    assert_eq!(
        putin.matches("товарооборота").count(),
        2,
        "spoken twice, inserted once"
    );
    let a = &file.audit;
    assert_eq!(
        (
            a.lines,
            a.metadata,
            a.lead,
            a.headings,
            a.separators,
            a.turn_lines,
            a.elisions,
            a.unclassified
        ),
        (26, 4, 2, 1, 1, 17, 1, 0)
    );
}

#[test]
fn parse_prints_the_fixed_columns() {
    let out = run(&["parse", seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("meeting,date,turn,speaker,label,interpreted,paragraphs,words,text\n"));
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["speaker"], "К.-Ж.Токаев");
    assert_eq!(rows[1]["interpreted"], "false");
    assert_eq!(rows[1]["paragraphs"], "9");
    assert!(!rows[0]["text"].contains("[товарооборота]"));
    let jsonl = stdout(&run(&[
        "parse",
        "--format",
        "jsonl",
        seed().to_str().unwrap(),
    ]));
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["label"], "В.Путин");
    assert_eq!(first["turn"], 1);
}

/// Transcripts in the layout of kremlin.ru that the reader was not written against: questions, laughter,
/// interpreters, many insertions, a colon inside a sentence, labels glued to the text.
#[test]
fn unseen_transcripts_with_questions_laughter_and_interpreters() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\nПресс-конференция\n\n\n2023-03-21 19:00:00\n\nМосква, Кремль\n\nЛидеры ответили на вопросы.\n* * *\nЗаявления для прессы\nСи Цзиньпин (как переведено): Уважаемый Председатель [Путин]! (Аплодисменты.)\nДостаточно сказать: свыше 50 миллиардов.\nВопрос: Вопрос [обоим] лидерам.\nВ.Путин: Спасибо. (Смех.) Мы [с коллегой] договорились.\nРеплика: Да.\nВопрос (как переведено): Ещё [один] вопрос.\nВ. Путин:Хорошо.\n&lt;…&gt;\n\n\nhttp://kremlin.ru/events/president/news/70000";
    std::fs::write(dir.path().join("2023-03-21_press.txt"), text).unwrap();
    let corpus = read_corpus(
        &[dir.path().to_path_buf()],
        &ReadOptions::default(),
        Aliases::default(),
    );
    let f = &corpus.files[0];
    assert_eq!(f.audit.unclassified, 0);
    let turns: Vec<_> = f.meetings[0].turns().collect();
    let labels: Vec<&str> = turns.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Си Цзиньпин (как переведено)",
            "Вопрос",
            "В.Путин",
            "Реплика",
            "Вопрос (как переведено)",
            "В. Путин"
        ]
    );
    let speakers: Vec<&str> = turns.iter().map(|t| t.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "Си Цзиньпин",
            "Вопрос",
            "В.Путин",
            "Реплика",
            "Вопрос",
            "В.Путин"
        ]
    );
    let interpreted: Vec<bool> = turns.iter().map(|t| t.interpreted).collect();
    assert_eq!(interpreted, [true, false, false, false, true, false]);
    assert_eq!(
        turns[0].spoken(),
        "Уважаемый Председатель!\nДостаточно сказать: свыше 50 миллиардов."
    );
    assert_eq!(turns[2].spoken(), "Спасибо. Мы договорились.");
    assert_eq!(turns[5].spoken(), "Хорошо.");
    assert_eq!(
        f.meetings[0].headings().collect::<Vec<_>>(),
        ["Заявления для прессы"]
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const GOOD: &str = "В.Путин: Добрый день.\nА.Лукашенко: Здравствуйте.\n";

#[test]
fn legacy_encodings_are_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(GOOD);
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(GOOD);
    write(dir.path(), "a.txt", &cp1251);
    write(dir.path(), "b.txt", &koi8);
    let out = run_in(dir.path(), &["parse", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a.txt: warning: not UTF-8; decoded as windows-1251"),
        "{err}"
    );
    assert!(
        err.contains("b.txt: warning: not UTF-8; decoded as KOI8-R"),
        "{err}"
    );
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1]["speaker"], "А.Лукашенко");
    assert_eq!(rows[3]["text"], "Здравствуйте.");
}

/// Legacy text with `ё` after a letter (KOI8-R `всё` holds the UTF-8 pair `D3 A3`, cp1251 `Пётр` holds `CF B8`) and
/// UTF-16 saved without a byte order mark, one file over a read block (1 MiB).
#[test]
fn legacy_text_with_yo_and_utf16_without_bom() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "В.Путин: Всё ли ясно, Пётр Фёдорович? Её решение ещё впереди.\r\nП.Толстой: Всё.\r\n";
    let encoded = |enc: &'static encoding_rs::Encoding| enc.encode(text).0.into_owned();
    write(
        dir.path(),
        "cp1251.txt",
        &encoded(encoding_rs::WINDOWS_1251),
    );
    write(dir.path(), "koi8.txt", &encoded(encoding_rs::KOI8_R));
    write(dir.path(), "cp866.txt", &encoded(encoding_rs::IBM866));
    let long = text.repeat(12_000);
    let utf16 = |le: bool| -> Vec<u8> {
        long.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    };
    assert!(utf16(true).len() > 1 << 20);
    write(dir.path(), "utf16le.txt", &utf16(true));
    write(dir.path(), "utf16be.txt", &utf16(false));
    let out = run_in(dir.path(), &["speakers", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for (file, enc) in [
        ("cp1251", "windows-1251"),
        ("koi8", "KOI8-R"),
        ("cp866", "IBM866"),
        ("utf16le", "UTF-16LE"),
        ("utf16be", "UTF-16BE"),
    ] {
        let said = format!("{file}.txt: warning: not UTF-8; decoded as {enc}");
        assert!(err.contains(&said), "{said} in {err}");
    }
    let rows = csv_rows(&stdout(&out));
    let turns = |name: &str| {
        let row = rows.iter().find(|r| r["speaker"] == name).unwrap();
        (
            row["meetings"].clone(),
            row["turns"].clone(),
            row["words"].clone(),
        )
    };
    // Three short files of one turn each and two of 12,000 turns; 9 and 1 words a turn.
    assert_eq!(
        turns("В.Путин"),
        ("5".into(), "24003".into(), "216027".into())
    );
    assert_eq!(
        turns("П.Толстой"),
        ("5".into(), "24003".into(), "24003".into())
    );
}

#[test]
fn bad_files_are_named_and_the_others_still_come_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut damaged = GOOD.as_bytes().to_vec();
    // An invalid UTF-8 pair on line 2, after the «З» of its turn (line 1 is 38 bytes, its label 23).
    damaged.splice(63..63, [0xC3, 0x28]);
    // Mostly undecodable: a UTF-8 line, then bytes that are neither UTF-8 nor text in a legacy encoding.
    let mut garbled = GOOD.as_bytes().to_vec();
    garbled.extend(std::iter::repeat_n([0xFF, 0xC3, 0x28], 30).flatten());
    write(dir.path(), "1-good.txt", GOOD.as_bytes());
    write(dir.path(), "2-damaged.txt", &damaged);
    write(dir.path(), "2-garbled.txt", &garbled);
    write(dir.path(), "3-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(dir.path(), "4-empty.txt", b"");
    write(dir.path(), "5-blank.txt", b"\n\n  \r\n");
    write(dir.path(), "6-good.txt", GOOD.as_bytes());
    let out = run_in(dir.path(), &["parse", ".", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for expected in [
        "./2-damaged.txt:2: warning: invalid UTF-8 byte 0xC3 at byte offset 63 replaced by U+FFFD",
        "./2-garbled.txt:3: invalid UTF-8 at byte offset 87; not read",
        "./3-binary.txt:3: binary file (NUL byte at byte offset 8); not read",
        "./4-empty.txt: empty file (no text to read)",
        "./5-blank.txt: empty file (no text to read)",
        "missing.txt: no such file or directory",
    ] {
        assert!(err.contains(expected), "expected «{expected}» in:\n{err}");
    }
    let rows = csv_rows(&stdout(&out));
    let meetings: BTreeSet<&str> = rows.iter().map(|r| r["meeting"].as_str()).collect();
    assert_eq!(meetings, ["1-good", "2-damaged", "6-good"].into());
    let damaged = rows
        .iter()
        .find(|r| r["meeting"] == "2-damaged" && r["turn"] == "2");
    assert_eq!(damaged.unwrap()["text"], "З\u{FFFD}(дравствуйте.");
}

#[test]
fn the_audit_accounts_for_every_line_and_reports_unclassified_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x.txt",
        "Вступление.\nВ.Путин: Да.\n<div class=\"nav\">\nНет.\n* * *\n".as_bytes(),
    );
    let out = run_in(dir.path(), &["parse", "--audit", "x.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("x.txt:3: warning: unclassified line (markup): <div class=\"nav\">")
    );
    assert_eq!(
        stdout(&out),
        "file,lines,metadata,lead,headings,separators,turn_lines,elisions,unclassified\nx.txt,5,0,1,0,1,2,0,1\n"
    );
}

#[test]
fn narration_and_the_speaker_option() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "prose.txt",
        "Был вечер. Достаточно сказать: тишина.\n\nУтро.\n".as_bytes(),
    );
    let out = run_in(dir.path(), &["parse", "prose.txt"]);
    assert_eq!(csv_rows(&stdout(&out)).len(), 0, "narration has no turns");
    let out = run_in(dir.path(), &["parse", "--narrator", "Толстой", "prose.txt"]);
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["speaker"], "Толстой");
    assert_eq!(rows[0]["paragraphs"], "2");
    // The old spelling, which reads like kwic's filter, is an error that names the new one, in every command.
    for command in ["parse", "speakers", "report"] {
        let out = run_in(dir.path(), &[command, "--speaker", "Толстой", "prose.txt"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("--speaker is kwic's filter; to read files without labels as the words of 'Толстой', use --narrator 'Толстой'"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn aliases_join_languages_and_a_bad_alias_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ru.txt", "В.Путин: Да.\n".as_bytes());
    write(
        dir.path(),
        "en.txt",
        "President of Russia Vladimir Putin: Yes.\n".as_bytes(),
    );
    write(
        dir.path(),
        "aliases.csv",
        "label,speaker\nVladimir Putin,В.Путин\n".as_bytes(),
    );
    let out = run_in(
        dir.path(),
        &["speakers", "--aliases", "aliases.csv", "ru.txt", "en.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["speaker"].as_str(), rows[0]["meetings"].as_str()),
        ("В.Путин", "2")
    );
    write(dir.path(), "bad.csv", "a,b,c\n".as_bytes());
    let out = run_in(dir.path(), &["speakers", "--aliases", "bad.csv", "ru.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.csv:1: expected two fields"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_with_1_and_help_with_0() {
    assert_eq!(run(&["report", "--no-such-option"]).status.code(), Some(1));
    assert_eq!(run(&["kwic"]).status.code(), Some(1), "a missing pattern");
    assert_eq!(run(&["report", "--view", "lexeme"]).status.code(), Some(1));
    let help = run(&["report", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
}

#[test]
fn a_lang_that_disagrees_with_the_script_of_most_letters_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ru.txt", GOOD.as_bytes());
    write(
        dir.path(),
        "en.txt",
        "Vladimir Putin: Good afternoon.\nDonald Trump: Thank you.\n".as_bytes(),
    );
    let out = run_in(dir.path(), &["speakers", "--lang", "en", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out).trim(),
        "./ru.txt: warning: --lang en, but 100% of its letters are Cyrillic; read as en all the same"
    );
    let out = run_in(dir.path(), &["speakers", "."]);
    assert_eq!(stderr(&out).trim(), "");
}

/// Paragraphs of the kinds quoted in issue 22, in the text layout: a title with a colon, labels with a role after
/// a comma (Russian and English), a list of nominations, a heading and a document's caption with a colon. Every word
/// goes to the person who said it and nothing else opens a turn.
#[test]
fn roles_open_turns_and_name_lists_headings_and_captions_do_not() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "arctic.txt",
        "The Arctic: Territory of Dialogue International Forum\n\n2017-03-30 15:00:00\n\nArkhangelsk\n\n\
Vladimir Putin: Good afternoon.\n\
Alisa Shmelyova, metrology engineer: Thank you, Mr President. We measure everything twice.\n\
Vladimir Putin: I will now read out the nominations.\n\
Minister of Agriculture: Dmitry Patrushev.\n\
Minister of Finance: Anton Siluanov.\n\
The United Kingdom:\n\
We will discuss it later.\n\
Text of the Decree:\n\
To appoint Dmitry Patrushev Minister of Agriculture.\n\n\n\nhttp://en.kremlin.ru/events/president/news/54149"
            .as_bytes(),
    );
    write(
        dir.path(),
        "ru.txt",
        "В.Путин: Добрый день.\nИ.Иванов, глава района: Уважаемый Владимир Владимирович! Дороги построены.\n".as_bytes(),
    );
    let out = run_in(dir.path(), &["parse", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = csv_rows(&stdout(&out));
    let turns: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["meeting"].as_str(),
                r["speaker"].as_str(),
                r["words"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        turns,
        [
            ("arctic", "Vladimir Putin", "2"),
            ("arctic", "Alisa Shmelyova", "8"),
            // The nominations, the heading and the decree are read out in Putin's turn.
            ("arctic", "Vladimir Putin", "36"),
            ("ru", "В.Путин", "2"),
            ("ru", "И.Иванов", "5"),
        ]
    );
    let out = run_in(
        dir.path(),
        &["report", "arctic.txt", "--out", "r", "--charts", "none"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meetings = csv_rows(&std::fs::read_to_string(dir.path().join("r/meetings.csv")).unwrap());
    assert_eq!(meetings[0]["date"], "2017-03-30");
    assert_eq!(
        meetings[0]["title"],
        "The Arctic: Territory of Dialogue International Forum"
    );
}
