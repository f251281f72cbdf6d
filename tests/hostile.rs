//! Hostile input: whatever researchers feed it, stenogram reports bad files by name, finishes the others, exits
//! with the right code and never panics; the audit and the word counts lose nothing; an interrupted report leaves
//! every file old or new.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{csv_rows, run_in, shared, stderr, stdout};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

const GOOD: &str = "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте, коллеги.\n";

fn no_panic(out: &std::process::Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "a panic:\n{err}");
    assert!(out.status.code().is_some(), "killed by a signal");
}

#[test]
fn binary_zeros_bom_crlf_and_lone_cr() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a-zeros.txt", &[0u8; 4096]);
    write(d, "b-png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(GOOD.as_bytes());
    write(d, "c-bom.txt", &bom);
    write(d, "d-crlf.txt", GOOD.replace('\n', "\r\n").as_bytes());
    write(d, "e-cr.txt", GOOD.replace('\n', "\r").as_bytes());
    // Two files with BOMs concatenated (`cat`): the second BOM starts a line and must not hide its label.
    let concatenated = [bom.clone(), bom.clone()].concat();
    write(d, "f-cat.txt", &concatenated);
    let out = run_in(d, &["parse", "."]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("./a-zeros.txt:1: binary file (NUL byte at byte offset 0)"),
        "{err}"
    );
    assert!(
        err.contains("./b-png.txt:3: binary file (NUL byte at byte offset 8)"),
        "{err}"
    );
    let rows = csv_rows(&stdout(&out));
    let mut by_meeting: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for r in &rows {
        by_meeting
            .entry(&r["meeting"])
            .or_default()
            .push((&r["speaker"], &r["text"]));
    }
    let expected = vec![
        ("В.Путин", "Добрый день, коллеги."),
        ("А.Лукашенко", "Здравствуйте, коллеги."),
    ];
    for m in ["c-bom", "d-crlf", "e-cr"] {
        assert_eq!(by_meeting[m], expected, "{m}");
    }
    assert_eq!(by_meeting["f-cat"], [expected.clone(), expected].concat());
}

/// Text in other encodings is read with a warning, wherever its letters happen to form UTF-8 pairs; bytes with no NUL
/// that are not text (compressed data) and a cp1251 file with the byte cp1251 leaves undefined are named at the byte.
#[test]
fn other_encodings_and_binary_without_nul_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let russian = "В.Путин: Всё ли ясно, Пётр Фёдорович? «ДА» — её решение.\nА.Лукашенко: Здравствуйте, коллеги.\n";
    let english = "President of Russia Vladimir Putin: Mr President\u{2019}s caf\u{e9} \u{2013} good afternoon.\n\
                   President of France Emmanuel Macron: Thank you.\n";
    write(
        d,
        "a-cp1251.txt",
        &encoding_rs::WINDOWS_1251.encode(russian).0,
    );
    let koi8 = russian.replace(['«', '»'], "\"").replace('—', "-");
    write(d, "b-koi8.txt", &encoding_rs::KOI8_R.encode(&koi8).0);
    write(
        d,
        "c-ansi.txt",
        &encoding_rs::WINDOWS_1252.encode(english).0,
    );
    let utf16le: Vec<u8> = russian.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(d, "d-utf16le.txt", &utf16le);
    // Bytes of a multiplicative hash: every value but 0, no text.
    let junk: Vec<u8> = (1..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .filter(|&b| b != 0)
        .collect();
    write(d, "e-junk.txt", &junk);
    let mut stray = encoding_rs::WINDOWS_1251
        .encode(&russian.repeat(10))
        .0
        .into_owned();
    let at = stray.len() / 2;
    stray.insert(at, 0x98);
    write(d, "f-stray.txt", &stray);
    let out = run_in(d, &["parse", "."]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for (file, enc) in [
        ("a-cp1251", "windows-1251"),
        ("b-koi8", "KOI8-R"),
        ("c-ansi", "windows-1252"),
        ("d-utf16le", "UTF-16LE"),
    ] {
        let said = format!("./{file}.txt: warning: not UTF-8; decoded as {enc}");
        assert!(err.contains(&said), "{said} in {err}");
    }
    assert!(
        err.contains("./e-junk.txt:") && err.contains(" is a control character in "),
        "{err}"
    );
    let line = 1 + stray[..at].iter().filter(|&&b| b == b'\n').count();
    let said = format!(
        "./f-stray.txt:{line}: not text: byte 0x98 at byte offset {at} is a control character in windows-1251"
    );
    assert!(err.contains(&said), "{said} in {err}");
    let rows = csv_rows(&stdout(&out));
    let texts: BTreeMap<(&str, &str), &str> = rows
        .iter()
        .map(|r| ((&r["meeting"][..], &r["speaker"][..]), &r["text"][..]))
        .collect();
    assert_eq!(texts.len(), 8, "{texts:?}");
    let cp1251 = "Всё ли ясно, Пётр Фёдорович? «ДА» — её решение.";
    assert_eq!(texts[&("a-cp1251", "В.Путин")], cp1251);
    let koi8 = "Всё ли ясно, Пётр Фёдорович? \"ДА\" - её решение.";
    assert_eq!(texts[&("b-koi8", "В.Путин")], koi8);
    let ansi = "Mr President\u{2019}s caf\u{e9} \u{2013} good afternoon.";
    assert!(
        rows.iter()
            .any(|r| r["meeting"] == "c-ansi" && r["text"] == ansi),
        "{texts:?}"
    );
    assert_eq!(
        texts[&("d-utf16le", "А.Лукашенко")],
        "Здравствуйте, коллеги."
    );
}

/// A page saved with its HTML, and tags pasted along with a transcript's text: the tags go, the turns come out, a
/// script's text is not read as a turn, line numbers stay those of the file and the audit adds up.
#[test]
fn a_saved_web_page_and_tags_left_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let page = "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n\
                <title>Переговоры</title>\n<script>\nvar s = \"В.Путин: не реплика\";\n</script>\n</head>\n\
                <body>\n<div class=\"text\">\n\
                <p><b>В.Путин:</b> Добрый день, <i>коллеги</i>!</p>\n\
                <p>Продолжу. <!-- не читать --> Итак.</p>\n\
                <p><b>К.-Ж.Токаев:</b> Спасибо &laquo;за&nbsp;приглашение&raquo;.<br>Второй абзац.</p>\n\
                <p>&lt;b&gt; и <…> остаются.</p>\n</div>\n</body>\n</html>\n";
    // (`<…>` is an inline elision: an annotation, not spoken text.)
    write(d, "a-page.txt", page.as_bytes());
    write(
        d,
        "b-tags.txt",
        "В.Путин: <b>Да</b>, a<b, c>d и <x>.\n<br>\nА.Лукашенко: Нет.\n".as_bytes(),
    );
    let out = run_in(d, &["parse", "--audit", "."]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for said in [
        "./a-page.txt:1: warning: 13 lines of HTML markup only, unclassified (lines 1, 2, 3, 4, 6, …)",
        "./a-page.txt:5: warning: HTML tags removed from 5 line(s) (lines 5, 12, 13, 14, 15)",
        "./b-tags.txt:2: warning: unclassified line (markup): <br>",
        "./b-tags.txt:1: warning: HTML tags removed from 1 line(s) (lines 1)",
    ] {
        assert!(err.contains(said), "{said} in\n{err}");
    }
    assert_eq!(
        stdout(&out),
        "file,lines,metadata,lead,headings,separators,turn_lines,elisions,unclassified\n\
         ./a-page.txt,18,0,0,1,0,4,0,13\n./b-tags.txt,3,0,0,0,0,2,0,1\n"
    );
    let out = run_in(d, &["parse", "."]);
    let rows = csv_rows(&stdout(&out));
    let turns: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (&r["meeting"][..], &r["speaker"][..], &r["text"][..]))
        .collect();
    assert_eq!(
        turns,
        [
            (
                "a-page",
                "В.Путин",
                "Добрый день, коллеги!\nПродолжу.  Итак."
            ),
            (
                "a-page",
                "К.-Ж.Токаев",
                "Спасибо «за приглашение». Второй абзац.\n<b> и остаются."
            ),
            ("b-tags", "В.Путин", "Да, a<b, c>d и <x>."),
            ("b-tags", "А.Лукашенко", "Нет."),
        ]
    );
}

/// `/dev/zero` given where a small file is expected (alias list, stopword list, the text for `tokens`) ends at once
/// with a message (it used to be read until memory ran out); a chart speaker that does not exist is named.
#[cfg(target_os = "linux")]
#[test]
fn option_files_that_never_end_and_unknown_chart_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", GOOD.as_bytes());
    for (option, what) in [
        ("--aliases", "cannot read the alias file"),
        ("--stopwords", "cannot read the stopword list"),
        ("--extra-stopwords", "cannot read the stopword list"),
    ] {
        let out = run_in(d, &["report", "a.txt", "--out", "out", option, "/dev/zero"]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{option}");
        let said = format!(
            "error: {what}: /dev/zero:1: binary file (NUL byte at byte offset 0); not read"
        );
        assert!(stderr(&out).contains(&said), "{said} in {}", stderr(&out));
    }
    for command in ["tokens", "sentences"] {
        let out = run_in(d, &[command, "/dev/zero"]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert_eq!(
            stderr(&out),
            "error: /dev/zero:1: binary file (NUL byte at byte offset 0); not read\n"
        );
        assert!(out.stdout.is_empty());
        // The same on standard input.
        let out = Command::new(env!("CARGO_BIN_EXE_stenogram"))
            .args([command, "-"])
            .stdin(std::fs::File::open("/dev/zero").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command} -");
        assert_eq!(
            stderr(&out),
            "error: -:1: binary file (NUL byte at byte offset 0); not read\n"
        );
    }
    let out = run_in(
        d,
        &[
            "report",
            "a.txt",
            "--out",
            "out",
            "--charts",
            "none",
            "--speakers",
            "Никто,В.Путин",
        ],
    );
    // A chart speaker that is nobody is an error, found before any statistic is computed or file written.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "error: --speakers: no speaker is called 'Никто'; `stenogram speakers` lists them"
    );
    assert!(!d.join("out").exists());
}

/// Devices and pipes named on the command line: `/dev/zero` is binary at its first byte (read no further, so it
/// ends), an endless pipe of text stops at the stream limit, and a finite pipe is read like a file.
#[cfg(target_os = "linux")]
#[test]
fn devices_and_pipes_end() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", GOOD.as_bytes());
    let out = run_in(d, &["parse", "/dev/zero", "good.txt"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("/dev/zero:1: binary file (NUL byte at byte offset 0); not read"),
        "{err}"
    );
    assert_eq!(csv_rows(&stdout(&out)).len(), 2, "good.txt is read");
    // A named pipe fed a transcript by another process.
    let fifo = d.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::write(fifo, GOOD).unwrap())
        };
        let out = run_in(d, &["parse", "pipe.txt"]);
        writer.join().unwrap();
        no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(csv_rows(&stdout(&out)).len(), 2);
    }
}

/// When nothing can be read, an existing report is left alone; an output path that is a file is refused by name;
/// error messages say each cause once.
#[test]
fn nothing_read_writes_nothing_and_a_file_is_not_an_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("out")).unwrap();
    write(d, "out/freq.csv", b"an earlier report\n");
    write(d, "zeros.txt", &[0u8; 16]);
    let out = run_in(d, &["report", "missing.txt", "zeros.txt", "--out", "out"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
    assert!(
        err.contains("error: no transcript was read, so nothing was written to out"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(d.join("out/freq.csv")).unwrap(),
        b"an earlier report\n"
    );
    write(d, "good.txt", GOOD.as_bytes());
    let out = run_in(d, &["report", "good.txt", "--out", "good.txt"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim(),
        "error: good.txt: cannot write: exists and is not a directory"
    );
}

/// A thousand speakers under a limit of 128 open files: each speaker's file is closed once written, so the report
/// never holds a file per speaker open.
#[cfg(target_os = "linux")]
#[test]
fn more_speakers_than_open_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let letters: Vec<char> = "БВГДЖЗКЛМНПРСТФХ".chars().collect();
    let mut text = String::new();
    for i in 0..1000 {
        let name: String = [i / 256, (i / 16) % 16, i % 16]
            .iter()
            .map(|&k| letters[k].to_lowercase().to_string())
            .collect();
        text.push_str(&format!("А.Ба{name}ов: Добрый день, коллеги, спасибо.\n"));
    }
    write(d, "many.txt", text.as_bytes());
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 128 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_stenogram"))
        .args([
            "report", "many.txt", "--out", "out", "--charts", "none", "--quiet",
        ])
        .current_dir(d)
        .output()
        .unwrap();
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(d.join("out/speakers")).unwrap().count(),
        1000
    );
}

/// A "word" of a million letters: the CSV tables keep it whole, the page and the charts show it clipped (the page
/// was 100 MB and took 10 s with a 5 MB word).
#[test]
fn a_word_of_a_million_letters() {
    let dir = tempfile::tempdir().unwrap();
    let word = "а".repeat(1_000_000);
    write(
        dir.path(),
        "w.txt",
        format!("В.Путин: {word} {word} да.\n").as_bytes(),
    );
    let out = run_in(
        dir.path(),
        &["report", ".", "--out", "out", "--charts", "svg", "--quiet"],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let freq = csv_rows(&std::fs::read_to_string(dir.path().join("out/freq.csv")).unwrap());
    assert!(freq
        .iter()
        .any(|r| r["term"] == word && r["count"] == "2" && r["speaker"] == "В.Путин"));
    for (file, most) in [
        ("index.html", 200_000),
        ("xray.svg", 100_000),
        ("top_words.svg", 100_000),
    ] {
        let size = std::fs::metadata(dir.path().join("out").join(file))
            .unwrap()
            .len();
        assert!(size < most, "{file}: {size} bytes");
    }
    let page = std::fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    assert!(page.contains(&format!("{}…", "а".repeat(200))));
}

#[test]
fn a_50_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = "В.Путин: ".to_string() + &"переговоры прошли успешно, ".repeat(50_000_000 / 48);
    assert!(line.len() >= 50_000_000);
    write(dir.path(), "big.txt", line.as_bytes());
    write(dir.path(), "small.txt", GOOD.as_bytes());
    let out = run_in(
        dir.path(),
        &["report", ".", "--out", "out", "--charts", "none", "--quiet"],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let speakers = csv_rows(&std::fs::read_to_string(dir.path().join("out/speakers.csv")).unwrap());
    let putin = speakers.iter().find(|r| r["speaker"] == "В.Путин").unwrap();
    assert_eq!(putin["words"], (3 * (50_000_000 / 48) + 3).to_string());
    assert_eq!(putin["turns"], "2");
}

#[test]
fn a_hundred_thousand_tiny_turns_and_a_label_of_ten_thousand_characters() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..100_000 {
        text.push_str(if i % 2 == 0 {
            "А.Б: да.\n"
        } else {
            "В.Г: нет.\n"
        });
    }
    write(dir.path(), "tiny.txt", text.as_bytes());
    let long = "А".repeat(10_000) + ": текст после длинной метки.\nВ.Путин: Да.\n";
    write(dir.path(), "long-label.txt", long.as_bytes());
    let out = run_in(
        dir.path(),
        &["report", ".", "--out", "out", "--charts", "svg", "--quiet"],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let turns = csv_rows(&std::fs::read_to_string(dir.path().join("out/turns.csv")).unwrap());
    assert_eq!(
        turns.iter().filter(|r| r["meeting"] == "tiny").count(),
        100_000
    );
    let transitions = std::fs::read_to_string(dir.path().join("out/transitions.csv")).unwrap();
    assert!(
        transitions.contains("А.Б,В.Г,50000") && transitions.contains("В.Г,А.Б,49999"),
        "{transitions}"
    );
    // The 10,000-character "label" is not a label: it is lead text before the first turn.
    let audit = csv_rows(&std::fs::read_to_string(dir.path().join("out/audit.csv")).unwrap());
    let long = audit
        .iter()
        .find(|r| r["file"].ends_with("long-label.txt"))
        .unwrap();
    assert_eq!(
        (long["lead"].as_str(), long["turn_lines"].as_str()),
        ("1", "1")
    );
}

#[test]
fn labels_with_slashes_dots_markup_quotes_and_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let text = "В.Путин: Начнём.\nА/Б..: раз\n<script>alert(1)</script>: два\n\"Кавычки\" Имя: три\nИ\u{7}мя\u{1b}[31m Фамилия: четыре\n../../etc/passwd: пять\n";
    write(dir.path(), "odd.txt", text.as_bytes());
    let out = run_in(dir.path(), &["parse", "--audit", "odd.txt"]);
    no_panic(&out);
    let audit = csv_rows(&stdout(&out));
    let a = &audit[0];
    let sum: usize = [
        "metadata",
        "lead",
        "headings",
        "separators",
        "turn_lines",
        "elisions",
        "unclassified",
    ]
    .iter()
    .map(|k| a[*k].parse::<usize>().unwrap())
    .sum();
    assert_eq!(a["lines"], "6");
    assert_eq!(sum, 6, "every line accounted for");
    let out = run_in(dir.path(), &["parse", "odd.txt"]);
    let rows = csv_rows(&stdout(&out));
    // None of the odd lines is a label: they continue Putin's turn, in order, and nothing is lost but the script,
    // which is reported.
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0]["text"].contains("раз\n: два\n\"Кавычки\"") && rows[0]["text"].ends_with("пять"),
        "{}",
        rows[0]["text"]
    );
    assert!(stderr(&out).contains("odd.txt:3: warning: HTML tags removed from 1 line(s) (lines 3)"));
}

/// Files that cannot be read: one with no permissions (readable anyway by root, so its expectation follows what the
/// test process itself can do) and one whose every read fails with an I/O error (`/proc/self/mem` at offset 0, for
/// root too). Each is named with the system's reason; the others are read; exit code 2.
#[cfg(target_os = "linux")]
#[test]
fn unreadable_files_are_named_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a-good.txt", GOOD.as_bytes());
    write(d, "b-locked.txt", GOOD.as_bytes());
    let locked = d.join("b-locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let locked_out = std::fs::read(&locked).is_err();
    std::os::unix::fs::symlink("/proc/self/mem", d.join("c-eio.txt")).unwrap();
    let out = run_in(d, &["speakers", "."]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error: ./c-eio.txt: cannot read: Input/output error (os error 5)"),
        "{err}"
    );
    assert_eq!(
        err.contains("error: ./b-locked.txt: cannot read: Permission denied (os error 13)"),
        locked_out,
        "{err}"
    );
    let rows = csv_rows(&stdout(&out));
    let putin = rows.iter().find(|r| r["speaker"] == "В.Путин").unwrap();
    let meetings = if locked_out { "1" } else { "2" };
    assert_eq!(putin["meetings"], meetings, "{err}");
}

#[test]
fn broken_links_and_a_symlink_loop_are_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("corpus")).unwrap();
    write(&d.join("corpus"), "good.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink(d.join("corpus/missing.txt"), d.join("corpus/broken.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("corpus"), d.join("corpus/loop")).unwrap();
    let out = run_in(
        d,
        &[
            "report", "corpus", "--out", "out", "--charts", "none", "--quiet",
        ],
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("corpus/broken.txt"), "{err}");
    assert!(err.contains("corpus/loop: symbolic link loop"), "{err}");
    let meetings = csv_rows(&std::fs::read_to_string(d.join("out/meetings.csv")).unwrap());
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0]["meeting"], "good");
}

/// Nothing lost: the words of the turns (as `parse` counts them, turn by turn) add up to the words the tokenizer
/// finds in all the spoken text of each file, and to the words the report counts per speaker.
#[test]
fn the_words_of_the_turns_add_up_in_every_shared_transcript() {
    let Some(dir) = shared("corpus") else { return };
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run_in(crate_dir, &["parse", dir.to_str().unwrap()]);
    let rows = csv_rows(&stdout(&out));
    let mut per_meeting: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut per_speaker: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        let e = per_meeting.entry(r["meeting"].clone()).or_default();
        e.0 += r["words"].parse::<usize>().unwrap();
        e.1.push_str(&r["text"]);
        e.1.push('\n');
        *per_speaker.entry(r["speaker"].clone()).or_default() +=
            r["words"].parse::<usize>().unwrap();
    }
    assert!(per_meeting.len() >= 60);
    for (meeting, (words, text)) in &per_meeting {
        assert_eq!(*words, stenogram::text::count_words(text), "{meeting}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        crate_dir,
        &[
            "report",
            dir.to_str().unwrap(),
            "--out",
            tmp.path().to_str().unwrap(),
            "--charts",
            "none",
            "-q",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let speakers = csv_rows(&std::fs::read_to_string(tmp.path().join("speakers.csv")).unwrap());
    let reported: BTreeMap<String, usize> = speakers
        .iter()
        .map(|r| (r["speaker"].clone(), r["words"].parse().unwrap()))
        .collect();
    assert_eq!(reported, per_speaker);
}

/// A report killed midway (SIGKILL as soon as its first file is written) leaves every file of the previous report
/// either as it was or as the new run writes it, never truncated.
#[test]
fn a_killed_report_leaves_every_file_old_or_new() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = crate_dir.join("corpus");
    let tmp = tempfile::tempdir().unwrap();
    let (out, new) = (tmp.path().join("out"), tmp.path().join("new"));
    let report = |input: &Path, dir: &Path| {
        let status = Command::new(env!("CARGO_BIN_EXE_stenogram"))
            .args(["report", "--quiet", "--charts", "svg", "--out"])
            .arg(dir)
            .arg(input)
            .status()
            .unwrap();
        assert!(status.success());
    };
    report(&seed, &out);
    report(&kremlin, &new);
    let old_files = crate::report_files(&out);
    let new_files = crate::report_files(&new);
    for attempt in 0..5 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stenogram"))
            .args(["report", "--quiet", "--charts", "svg", "--out"])
            .arg(&out)
            .arg(&kremlin)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill as soon as any file differs from the old report.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let changed = crate::report_files(&out)
                .iter()
                .any(|(name, bytes)| old_files.get(name) != Some(bytes));
            if changed || std::time::Instant::now() > deadline {
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(200 * attempt + 50));
        }
        let _ = child.kill();
        let _ = child.wait();
        for (name, bytes) in crate::report_files(&out) {
            let old = old_files.get(&name) == Some(&bytes);
            let fresh = new_files.get(&name) == Some(&bytes);
            assert!(
                old || fresh,
                "{} is neither the old nor the new version after a kill",
                name.display()
            );
        }
        // Back to the old report for the next attempt.
        report(&seed, &out);
    }
}

/// A 10 MB transcript with a bad byte in every 200th line (0.2% of its lines): every line is read, each bad byte
/// costs one character, the first ten are told one by one and the rest as a count, and the lines are counted in one
/// pass (a line count per byte would take minutes).
#[test]
fn scattered_bad_bytes_in_a_big_file_cost_a_character_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    let lines = 130_000;
    for i in 0..lines {
        bytes.extend_from_slice("В.Путин: переговоры прошли успешно, коллеги".as_bytes());
        if i % 200 == 0 {
            bytes.push(0xFE);
        }
        bytes.extend_from_slice(b".\n");
    }
    assert!(bytes.len() > 10_000_000);
    write(dir.path(), "big.txt", &bytes);
    let out = run_in(dir.path(), &["speakers", ".", "--diagnostics", "all.txt"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = std::fs::read_to_string(dir.path().join("all.txt")).unwrap();
    let told: Vec<&str> = all.lines().filter(|l| l.contains("0xFE")).collect();
    assert_eq!(told.len(), 10);
    assert!(told[1].starts_with("./big.txt:201: warning: invalid UTF-8 byte 0xFE at byte offset"));
    assert!(all.contains("./big.txt: warning: 640 more invalid UTF-8 sequences replaced by U+FFFD (lines 2001–129801)"), "{all}");
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows[0]["turns"], lines.to_string());
}
