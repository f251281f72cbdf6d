//! kremlin.ru pages as the site serves them (`../shared/pages`, a `wget --mirror` sample): the same turns as the
//! hand conversions in `../shared/corpus/kremlin-en`, values read off the HTML of specific pages, `import` equal to
//! reading the pages, and bad pages named while the others are read.

use std::path::{Path, PathBuf};

use stenogram::transcript::page::{read_page, Para};
use stenogram::transcript::{read_file, Block, Meeting, ReadOptions};

use crate::report_files;
use crate::support::{csv_rows, run_in, shared, stderr, stdout};

/// `../shared/pages/en.kremlin.ru/events/president/news/<id>.html`.
fn page(pages: &Path, id: &str) -> PathBuf {
    pages.join(format!("en.kremlin.ru/events/president/news/{id}.html"))
}

fn read(path: &Path) -> Meeting {
    let reading = read_file(path, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{} reads: {e}", path.display()));
    reading.file.meetings.into_iter().next().expect("a meeting")
}

/// Whitespace as a reader sees it: no-break spaces are spaces, runs are one space, and no space before `,.;:!?)`
/// (the hand conversion left one where it cut out a person tooltip: `Mr Medvedev , friends`).
fn normalized(text: &str) -> String {
    let spaced = text
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(spaced.len());
    for c in spaced.chars() {
        if ",.;:!?)".contains(c) && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// (label, name, interpreted, spoken text) of every turn.
fn turns(m: &Meeting) -> Vec<(String, String, bool, String)> {
    m.turns()
        .map(|t| {
            (
                normalized(&t.label),
                normalized(&t.name),
                t.interpreted,
                normalized(&t.spoken()),
            )
        })
        .collect()
}

fn furniture(m: &Meeting) -> Vec<String> {
    m.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Furniture { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_26_pages_give_the_turns_of_their_hand_conversions() {
    let (Some(pages), Some(texts)) = (shared("pages"), shared("corpus/kremlin-en")) else {
        return;
    };
    let manifest = std::fs::read_to_string(pages.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    let (mut compared, mut turn_count, mut link_lines, mut exact) = (0, 0, 0, 0);
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [file, id, .., text] = cols[..] else {
            panic!("a manifest row: {line}")
        };
        if text.is_empty() {
            continue;
        }
        let from_page = read(&pages.join(file));
        let from_text = read(&texts.join(text));
        assert_eq!(from_page.id, id);
        assert_eq!(
            turns(&from_page),
            turns(&from_text),
            "{file} against {text}"
        );
        assert_eq!(from_page.date, from_text.date, "{file}");
        assert_eq!(from_page.time, from_text.time, "{file}");
        assert_eq!(from_page.source, from_text.source, "{file}");
        let header = |m: &Meeting| {
            (
                m.title.as_deref().map(normalized),
                m.place.as_deref().map(normalized),
            )
        };
        assert_eq!(header(&from_page), header(&from_text), "{file}");
        assert_eq!(
            from_page.headings().count(),
            from_text.headings().count(),
            "{file}"
        );
        // The link boxes are not text on the page; the hand conversions kept their titles.
        assert!(furniture(&from_page).is_empty(), "{file}");
        link_lines += furniture(&from_text).len();
        exact += usize::from(
            from_page.turns().map(|t| t.spoken()).collect::<Vec<_>>()
                == from_text.turns().map(|t| t.spoken()).collect::<Vec<_>>(),
        );
        compared += 1;
        turn_count += from_page.turns().count();
    }
    eprintln!(
        "{compared} pages, {turn_count} turns equal to the hand conversions ({exact} pages byte for byte); \
         {link_lines} link-box lines only in the text files"
    );
    assert_eq!((compared, turn_count, link_lines), (26, 88, 17));
}

#[test]
fn pages_read_as_their_html_shows_them() {
    let Some(pages) = shared("pages") else { return };
    // 51389: h1, read__published datetime, read__time, read__place, a slider, person tooltips, `<b>* * *</b>`, an
    // italic section title and two bold labels with the colon after the `</b>`.
    let m = read(&page(&pages, "51389"));
    assert_eq!(m.id, "51389");
    assert_eq!(
        m.title.as_deref(),
        Some("Meeting with President of Belarus Alexander Lukashenko")
    );
    assert_eq!(
        (
            m.date.map(|d| d.to_string()).as_deref(),
            m.time.as_deref(),
            m.place.as_deref()
        ),
        (Some("2016-02-25"), Some("15:50:00"), Some("Minsk"))
    );
    assert_eq!(
        m.source.as_deref(),
        Some("http://en.kremlin.ru/events/president/news/51389")
    );
    assert_eq!(
        m.headings().collect::<Vec<_>>(),
        ["Beginning of meeting with President of Belarus Alexander Lukashenko"]
    );
    let labels: Vec<&str> = m.turns().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "President of Belarus Alexander Lukashenko",
            "President of Russia Vladimir Putin"
        ]
    );
    let first = m.turns().next().unwrap();
    // The tooltip after «Medvedev» (his name and post) is not text.
    assert!(first.paragraphs[0]
        .spoken
        .starts_with("Mr Putin, Mr Medvedev, friends,"));
    assert!(!first
        .spoken()
        .contains("Deputy Chairman of the Security Council"));

    // 54148: a label whose name has a lowercase word, and one split over two `<b>` elements with no space between.
    let m = read(&page(&pages, "54148"));
    let labels: Vec<&str> = m.turns().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "President of Russia Vladimir Putin",
            "Master mariner Sergei Zybko",
            "Vladimir Putin",
            "Transport Minister Maxim Sokolov",
            "Vladimir Putin",
            "NOVATEK CEO Leonid Mikhelson",
            "VladimirPutin"
        ]
    );
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2017-03-30"));

    // 53016: `<b>Nursultan Nazarbayev:</b>` (the colon inside) and a link box inside the body.
    let m = read(&page(&pages, "53016"));
    assert_eq!(m.turns().count(), 9);
    assert_eq!(
        m.turns()
            .filter(|t| t.label == "Nursultan Nazarbayev")
            .count(),
        4
    );
    assert!(m.turns().all(|t| !t.spoken().contains("See also")));

    // 51279: a remark in italics between the bold name and the colon.
    let m = read(&page(&pages, "51279"));
    let bahrain = m
        .turns()
        .find(|t| t.name == "King of Bahrain Hamad Bin Isa Al Khalifa")
        .expect("the King's turn");
    assert!(bahrain.interpreted);

    // 54416: an announcement whose bold sentences end in a colon: no turn.
    let m = read(&page(&pages, "54416"));
    assert_eq!(m.turns().count(), 0);
    assert_eq!(
        m.title.as_deref(),
        Some("The list of Russian and foreign journalists accredited to cover the celebrations of the 72nd anniversary of Victory in the Great Patriotic War")
    );

    // 42404 (2002): the title is the whole news item; no place, lead or body, the time as the page shows it.
    let m = read(&page(&pages, "42404"));
    assert_eq!(
        (
            m.date.map(|d| d.to_string()).as_deref(),
            m.time.as_deref(),
            m.place.as_deref()
        ),
        (Some("2002-02-09"), Some("00:00:00"), None)
    );
    assert_eq!(
        m.source.as_deref(),
        Some("http://en.kremlin.ru/events/president/news/42404")
    );
    assert!(m.blocks.is_empty());

    // 43121: a place that ends with a parenthesis.
    let m = read(&page(&pages, "43121"));
    assert_eq!(
        m.place.as_deref(),
        Some("Pratica-Di-Mare (Italian Air Force Base)")
    );
}

#[test]
fn every_sample_page_reads_without_warnings_and_bold_labels_are_all_turns() {
    let Some(pages) = shared("pages") else { return };
    let dir = pages.join("en.kremlin.ru/events/president/news");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let (mut meetings, mut turns, mut bold_labels) = (0, 0, 0);
    for path in &files {
        let reading = read_file(path, &ReadOptions::default()).expect("reads");
        let (file, warnings) = (&reading.file, &reading.warnings);
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
        assert_eq!(file.audit.unclassified, 0, "{}", path.display());
        // Every bold label of the page opens a turn, and every other turn resumes a speaker after `<…>`.
        let html = std::fs::read_to_string(path).unwrap();
        let page = read_page(&path.to_string_lossy(), &html).expect("an article");
        let bold: Vec<&str> = page
            .body
            .iter()
            .filter_map(|p| match p {
                Para::Turn { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        let labelled: Vec<String> = file.meetings[0]
            .turns()
            .filter(|t| !t.resumed)
            .map(|t| t.label.clone())
            .collect();
        assert_eq!(
            labelled,
            bold.iter()
                .map(|l| l.replace('\u{a0}', " "))
                .collect::<Vec<_>>(),
            "{}",
            path.display()
        );
        bold_labels += bold.len();
        meetings += 1;
        turns += file.meetings[0].turns().count();
    }
    assert_eq!((meetings, turns, bold_labels), (300, 2129, 2127));
}

/// `report` on pages and on their `import` give the same files, byte for byte; only the audit's `file` column
/// (in `audit.csv` and its table in `index.html`) names the file read.
#[test]
fn a_report_on_imported_pages_equals_the_report_on_the_pages() {
    let Some(pages) = shared("pages") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let ids = ["51389", "53016", "54148", "42404", "60842"];
    let paths: Vec<String> = ids
        .iter()
        .map(|id| page(&pages, id).to_string_lossy().into_owned())
        .collect();
    let imported = tmp.path().join("imported");
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--out", imported.to_str().unwrap()]);
    let out = run_in(tmp.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&imported)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "42404.txt",
            "51389.txt",
            "53016.txt",
            "54148.txt",
            "60842.txt"
        ]
    );
    let text = std::fs::read_to_string(imported.join("54148.txt")).unwrap();
    assert!(text.contains("\n**Master mariner Sergei Zybko**: Mr President,"));
    assert!(text.ends_with("\n\n\n\nhttp://en.kremlin.ru/events/president/news/54148"));

    let report = |inputs: Vec<String>, out: &str| {
        let mut args = vec![
            "report".to_string(),
            "--quiet".into(),
            "--out".into(),
            out.into(),
        ];
        args.extend(inputs);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_in(tmp.path(), &args);
        assert!(run.status.success(), "{}", stderr(&run));
        report_files(&tmp.path().join(out))
    };
    let from_pages = report(paths.clone(), "from-pages");
    let imported_paths: Vec<String> = ids
        .iter()
        .map(|id| {
            imported
                .join(format!("{id}.txt"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let from_text = report(imported_paths.clone(), "from-text");
    assert_eq!(
        from_pages.keys().collect::<Vec<_>>(),
        from_text.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &from_pages {
        let mut bytes = bytes.clone();
        if name.ends_with("audit.csv") || name.ends_with("index.html") {
            let mut text = String::from_utf8(bytes).unwrap();
            for (p, t) in paths.iter().zip(&imported_paths) {
                text = text.replace(p.as_str(), t);
            }
            // The preview of attributes.csv shows the reader of each meeting (see below).
            text = text.replace(
                "<td>source</td><td>page</td>",
                "<td>source</td><td>text</td>",
            );
            bytes = text.into_bytes();
        }
        if name.ends_with("attributes.csv") {
            // The one thing that differs: the reader that read each meeting (its built-in `source`).
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(",source,page\n"));
            bytes = text
                .replace(",source,page\n", ",source,text\n")
                .into_bytes();
        }
        assert!(bytes == from_text[name], "{} differs", name.display());
    }
    let meetings = String::from_utf8(from_pages[Path::new("meetings.csv")].clone()).unwrap();
    assert!(meetings.contains(
        "60842,2019-06-28,09:30:00,Meeting with US President Donald Trump,Osaka,http://en.kremlin.ru/events/president/news/60842,"
    ));
}

#[test]
fn bad_pages_are_named_and_the_others_read() {
    let Some(pages) = shared("pages") else { return };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mirror");
    std::fs::create_dir_all(dir.join("51389")).unwrap();
    let good = std::fs::read_to_string(page(&pages, "51389")).unwrap();
    std::fs::write(dir.join("51389.html"), &good).unwrap();
    // The mirror's print version of the same news item is skipped, counted, not an error.
    std::fs::write(
        dir.join("51389/print.html"),
        good.replace(
            r#"data-href="http://en.kremlin.ru/events/president/news/51389""#,
            r#"data-href="http://en.kremlin.ru/events/president/news/51389/print""#,
        ),
    )
    .unwrap();
    std::fs::write(dir.join("truncated.html"), &good[..good.len() / 2]).unwrap();
    std::fs::write(dir.join("notes.html"), "just notes, no markup").unwrap();
    std::fs::write(dir.join("empty.htm"), "").unwrap();
    std::fs::write(
        dir.join("blog.html"),
        "<!doctype html><html><head><title>My blog</title></head><body><p>Hi</p></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("nodate.html"),
        good.replace(r#"datetime="2016-02-25""#, ""),
    )
    .unwrap();
    std::fs::write(
        dir.join("nobody.html"),
        good.replace("entry-content e-content", "entry-x e-content"),
    )
    .unwrap();
    // An announcement's template has no `read__published`: its date is the publication status's `<time>`.
    std::fs::write(
        dir.join("announcement.html"),
        good.replace(
            r#"<time class="read__published" datetime="2016-02-25" itemprop="datePublished">"#,
            r#"<time class="announce_date">"#,
        )
        .replace("51389", "51390"),
    )
    .unwrap();
    // A byte lost in a download costs one character, not the page.
    let damaged = good.replace("51389", "51391");
    let at = damaged.find("Frankly speaking").unwrap() + "Frankly sp".len();
    let line = 1 + damaged[..at].matches('\n').count();
    let mut bytes = damaged.into_bytes();
    bytes.insert(at, 0xFF);
    std::fs::write(dir.join("damaged.html"), bytes).unwrap();
    let out = run_in(tmp.path(), &["parse", "mirror"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!(
        "mirror/damaged.html: warning: invalid UTF-8 byte 0xFF at byte offset {at} replaced by U+FFFD (line {line} of the HTML)"
    )), "{}", stderr(&out));
    assert!(stdout(&out).contains("Frankly sp\u{FFFD}eaking"));
    assert!(
        !stderr(&out).contains("announcement.html"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("51390,2016-02-25,"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    for expected in [
        "note: skipped 1 page that is not an article (1 × the print version of a news item)",
        "error: mirror/blog.html: not a kremlin.ru page (no article in the site's template; its title: My blog)",
        "error: mirror/empty.htm: empty file (no text to read)",
        "error: mirror/nobody.html: not a news page in the kremlin.ru template: no article body (entry-content)",
        "error: mirror/nodate.html: not a news page in the kremlin.ru template: no date (read__published or a <time> with a datetime)",
        "error: mirror/notes.html: not an HTML page (no markup)",
        "error: mirror/truncated.html: truncated page (it ends before </html>); not read",
    ] {
        assert!(err.contains(expected), "{expected}\nin\n{err}");
    }
    let rows = stdout(&out);
    assert_eq!(rows.lines().filter(|l| l.starts_with("51389,")).count(), 2);
}

#[test]
fn many_bad_files_are_told_as_a_count_per_kind_with_the_full_list_in_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mirror");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..25 {
        std::fs::write(dir.join(format!("{i:02}.html")), "no markup").unwrap();
    }
    for i in 0..5 {
        std::fs::write(dir.join(format!("e{i}.html")), "").unwrap();
    }
    std::fs::write(dir.join("ok.txt"), "В.Путин: Добрый день.\n").unwrap();
    let out = run_in(
        tmp.path(),
        &["speakers", "mirror", "--diagnostics", "all.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("error: mirror/"))
            .count(),
        10
    );
    assert!(err.contains(
        "error: 30 files could not be read in all (25 × not an HTML page, 5 × empty file); every one is in all.txt"
    ), "{err}");
    let all = std::fs::read_to_string(tmp.path().join("all.txt")).unwrap();
    assert_eq!(all.lines().count(), 30);
    assert!(stdout(&out).contains("В.Путин,1,1,2"));
}

/// A page and its text version (the same news item) are one meeting: the second in path order is skipped with a
/// warning naming both. `../shared/corpus/kremlin-en` holds the text versions of 26 of the 300 pages.
#[test]
fn a_page_and_its_text_version_are_one_meeting() {
    let (Some(pages), Some(texts)) = (shared("pages"), shared("corpus/kremlin-en")) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        tmp.path(),
        &[
            "parse",
            pages.to_str().unwrap(),
            texts.to_str().unwrap(),
            "--diagnostics",
            "all.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = csv_rows(&stdout(&out));
    let meetings: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r["meeting"].as_str()).collect();
    let all = std::fs::read_to_string(tmp.path().join("all.txt")).unwrap();
    let skipped: Vec<&str> = all
        .lines()
        .filter(|l| l.contains("skipped: the same meeting as"))
        .collect();
    assert_eq!(skipped.len(), 26, "{all}");
    // The text versions come first in path order (corpus/ < pages/), so the pages are the ones skipped.
    assert!(
        skipped.iter().all(
            |l| l.contains(".html: warning: skipped: the same meeting as ")
                && l.contains("kremlin-en/")
        ),
        "{skipped:?}"
    );
    assert!(all.contains("53016.html: warning: skipped: the same meeting as "));
    // Every turn is one of the 300 news items once: 26 text versions and 124 + 150 pages (the pages without turns
    // have no rows).
    assert!(!meetings.contains("53016"));
    assert!(meetings.contains("2016-10-04_meeting-kazakhstan-nazarbayev"));
}
