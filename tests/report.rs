//! The report end to end: the committed `reports/` is what the current code makes of `corpus/`, complete reports
//! of the shared corpora, hostile speaker names, and byte-identical output whatever the thread count or path order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use stenogram::report::tables::TABLES;
use stenogram::transcript::label::GROUP_LABELS;

use crate::support::{csv_rows, run_in, shared, stderr};

const CHARTS: [&str; 13] = [
    "top_words",
    "keyness",
    "term_map",
    "distances",
    "consensus",
    "names",
    "keyness_periods",
    "turn_lengths",
    "vocabulary_growth",
    "across_meetings",
    "term_trends",
    "collocations",
    "xray",
];

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` with the given extensions, keyed by relative path.
fn files(dir: &Path, extensions: &[&str]) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let ext = entry
            .path()
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if entry.file_type().is_file() && extensions.contains(&ext) {
            let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

fn report(dir: &Path, args: &[&str]) {
    let mut all = vec!["report", "--quiet"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert!(
        out.status.success(),
        "report {args:?} failed: {}",
        stderr(&out)
    );
}

#[test]
fn the_committed_reports_are_what_the_code_makes_of_the_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    // The README's command, `cargo run --release -- report`, reads `corpus` relative to the crate.
    report(crate_dir(), &["corpus", "--out", out, "--charts", "none"]);
    let committed = files(&crate_dir().join("reports"), &["csv"]);
    let fresh = files(tmp.path(), &["csv"]);
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "the same CSV files; regenerate with `cargo run --release -- report`"
    );
    for (name, bytes) in &committed {
        assert!(
            bytes == &fresh[name],
            "reports/{} differs from a fresh run; regenerate with `cargo run --release -- report`",
            name.display()
        );
    }
    for chart in CHARTS {
        for ext in ["png", "svg"] {
            assert!(
                crate_dir().join(format!("reports/{chart}.{ext}")).exists(),
                "reports/{chart}.{ext}"
            );
        }
    }
    // Report files get the permissions of any new file (0666 less the umask), not a temporary file's 0600.
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::PermissionsExt;
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .map(|m| u32::from_str_radix(m.trim(), 8).unwrap())
            .unwrap();
        for name in ["freq.csv", "collocations.csv", "speakers.csv", "index.html"] {
            let mode = std::fs::metadata(tmp.path().join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o666 & !umask, "{name}");
        }
    }
}

/// What pandas makes of a column: integers, floats (undefined measures are `NaN`), booleans or strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Bool,
    Str,
}

/// Columns that hold names or ids, which are strings even where some are made of digits (news ids, years): read
/// with `dtype=str`, as docs/formats.md says.
const ID_COLUMNS: &[&str] = &["meeting", "period", "file", "source"];

/// The kind of every column of every table in `out`, by column name (the first table's, with the first table
/// that has it); panics where one column has two kinds in one table or across tables.
fn column_kinds(out: &Path, seen: &mut BTreeMap<String, (Kind, String)>) {
    for (name, _) in TABLES.iter().flat_map(|t| t.files()) {
        let Ok(text) = std::fs::read_to_string(out.join(name)) else {
            continue;
        };
        let rows = csv_rows(&text);
        if rows.is_empty() {
            continue;
        }
        for column in rows[0].keys() {
            if ID_COLUMNS.contains(&column.as_str()) {
                continue;
            }
            let values: Vec<&str> = rows.iter().map(|r| r[column].as_str()).collect();
            let kind = if values.iter().all(|v| v.parse::<i64>().is_ok()) {
                Kind::Int
            } else if values.iter().all(|v| v.parse::<f64>().is_ok()) {
                Kind::Float
            } else if values.iter().all(|v| *v == "true" || *v == "false") {
                Kind::Bool
            } else {
                Kind::Str
            };
            let (first, from) = seen
                .entry(column.clone())
                .or_insert((kind, name.to_string()));
            assert_eq!(
                *first, kind,
                "{name}: column {column} is {kind:?}, but {first:?} in {from}"
            );
        }
    }
}

#[test]
fn complete_reports_of_the_shared_corpora() {
    let mut kinds = BTreeMap::new();
    for sub in ["corpus/kremlin", "corpus/kremlin-en"] {
        let Some(dir) = shared(sub) else { return };
        let tmp = tempfile::tempdir().unwrap();
        report(
            crate_dir(),
            &[
                dir.to_str().unwrap(),
                "--out",
                tmp.path().to_str().unwrap(),
                "--matrix",
                "--dictionary",
                "docs/examples/politics.yml",
                // The default 2,500 leaves one speaker of each corpus; 1,000 compares several.
                "--min-words",
                "1000",
            ],
        );
        for (name, header) in TABLES.iter().flat_map(|t| t.files()) {
            let text = std::fs::read_to_string(tmp.path().join(name)).unwrap();
            assert_eq!(text.lines().next(), Some(header), "{sub}: {name} header");
        }
        for chart in CHARTS {
            for ext in ["png", "svg"] {
                let p = tmp.path().join(format!("{chart}.{ext}"));
                assert!(
                    std::fs::metadata(&p).unwrap().len() > 1000,
                    "{sub}: {}",
                    p.display()
                );
            }
        }
        let html = std::fs::read_to_string(tmp.path().join("index.html")).unwrap();
        for chart in CHARTS {
            assert!(
                html.contains(&format!("src=\"{chart}.png\"")),
                "{sub}: index.html shows {chart}"
            );
        }
        // One point per meeting of each speaker in the across-meetings table.
        let turns = csv_rows(&std::fs::read_to_string(tmp.path().join("turns.csv")).unwrap());
        let mut pairs: Vec<(String, String)> = turns
            .iter()
            .map(|r| (r["speaker"].clone(), r["meeting"].clone()))
            .collect();
        pairs.sort();
        pairs.dedup();
        let by_speaker =
            csv_rows(&std::fs::read_to_string(tmp.path().join("meetings_by_speaker.csv")).unwrap());
        let mut listed: Vec<(String, String)> = by_speaker
            .iter()
            .map(|r| (r["speaker"].clone(), r["meeting"].clone()))
            .collect();
        listed.sort();
        assert_eq!(listed, pairs, "{sub}");
        matrix_sums_to_freq(tmp.path(), sub);
        distances_of_speakers_with_enough_words(tmp.path(), sub);
        term_map_labels_cover_no_label_or_point(tmp.path(), sub);
        column_kinds(tmp.path(), &mut kinds);
        let meetings = csv_rows(&std::fs::read_to_string(tmp.path().join("meetings.csv")).unwrap());
        let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
        assert_eq!(
            meetings.len(),
            manifest.lines().count() - 1,
            "{sub}: every meeting"
        );
    }
    // Measures that are undefined somewhere (MATTR of a short text, the SD of one turn) are floats all the same.
    for (column, kind) in [
        ("mattr", Kind::Float),
        ("words_per_turn_sd", Kind::Float),
        ("hdd", Kind::Float),
        ("count", Kind::Int),
        ("content", Kind::Bool),
        ("speaker", Kind::Str),
    ] {
        assert_eq!(kinds.get(column).map(|k| k.0), Some(kind), "{column}");
    }
}

/// Summed over meetings, `matrix.csv` gives every speaker's counts in `freq.csv`, in both views.
fn matrix_sums_to_freq(out: &Path, sub: &str) {
    let matrix = csv_rows(&std::fs::read_to_string(out.join("matrix.csv")).unwrap());
    let mut summed: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for r in &matrix {
        let key = (r["speaker"].clone(), r["view"].clone(), r["term"].clone());
        *summed.entry(key).or_default() += r["count"].parse::<u64>().unwrap();
    }
    let freq = csv_rows(&std::fs::read_to_string(out.join("freq.csv")).unwrap());
    let listed: BTreeMap<(String, String, String), u64> = freq
        .iter()
        .filter(|r| r["speaker"] != "*")
        .map(|r| {
            let key = (r["speaker"].clone(), r["view"].clone(), r["term"].clone());
            (key, r["count"].parse::<u64>().unwrap())
        })
        .collect();
    assert!(listed.len() > 1000, "{sub}");
    assert_eq!(summed, listed, "{sub}: matrix.csv summed is freq.csv");
}

/// `distances.csv` has the three measures for every two speakers with at least 1,000 words (`--min-words 1000`),
/// each pair once; `stability.csv` has every pair once and `consensus.nwk` every speaker once.
fn distances_of_speakers_with_enough_words(out: &Path, sub: &str) {
    let speakers = csv_rows(&std::fs::read_to_string(out.join("speakers.csv")).unwrap());
    let words: BTreeMap<String, u64> = speakers
        .iter()
        .map(|r| (r["speaker"].clone(), r["words"].parse().unwrap()))
        .collect();
    let rows = csv_rows(&std::fs::read_to_string(out.join("distances.csv")).unwrap());
    let mut names: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r["a"].as_str(), r["b"].as_str()])
        .collect();
    names.sort();
    names.dedup();
    let n = names.len();
    assert!(n >= 4, "{sub}: {n} speakers in distances.csv");
    assert_eq!(
        rows.len(),
        3 * n * (n - 1) / 2,
        "{sub}: three measures per pair"
    );
    for r in &rows {
        assert!(r["a"] < r["b"], "{sub}: {r:?}");
        assert!(
            words[&r["a"]] >= 1000 && words[&r["b"]] >= 1000,
            "{sub}: {r:?}"
        );
        let v: f64 = r["value"].parse().unwrap();
        match r["measure"].as_str() {
            "jensen_shannon" => assert!(v > 0.0 && v < 1.0, "{sub}: {r:?}"),
            "burrows_delta" => assert!(v > 0.0 && v < 5.0, "{sub}: {r:?}"),
            "cosine_delta" => assert!(v > 0.0 && v <= 2.0, "{sub}: {r:?}"),
            other => panic!("{sub}: measure {other}"),
        }
    }
    let enough = words
        .iter()
        .filter(|(s, &w)| {
            w >= 1000
                && s.as_str() != stenogram::corpus::NARRATION
                && !GROUP_LABELS.contains(&s.as_str())
        })
        .count();
    assert_eq!(n, enough, "{sub}: every speaker with 1,000 words");
    let stability = csv_rows(&std::fs::read_to_string(out.join("stability.csv")).unwrap());
    assert_eq!(stability.len(), n * (n - 1) / 2, "{sub}: every pair once");
    assert!(stability.iter().all(|r| r["sizes"] == "10"), "{sub}");
    let tree = std::fs::read_to_string(out.join("consensus.nwk")).unwrap();
    assert!(tree.ends_with(");\n"), "{sub}: {tree}");
    for name in &names {
        let quoted = if name.is_ascii() && !name.contains(' ') {
            name.to_string()
        } else {
            format!("'{}'", name.replace('\'', "''"))
        };
        assert_eq!(tree.matches(&quoted).count(), 1, "{sub}: {name} in {tree}");
    }
}

/// No label of the term map's SVG covers another label or a point. A label's box is estimated generously: 0.62
/// of the font size per character (DejaVu Sans averages less), the font size high.
fn term_map_labels_cover_no_label_or_point(out: &Path, sub: &str) {
    let svg = std::fs::read_to_string(out.join("term_map.svg")).unwrap();
    assert!(
        svg.len() < 500_000,
        "{sub}: term_map.svg is {} bytes",
        svg.len()
    );
    let number = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let circles: Vec<(f64, f64, f64)> = svg
        .split("<circle")
        .skip(1)
        .map(|t| (number(t, "cx"), number(t, "cy"), number(t, "r")))
        .collect();
    assert!(circles.len() > 100, "{sub}: {} points", circles.len());
    // The labels are the texts drawn after the points (the title and axes come first).
    let after_points = &svg[svg.rfind("<circle").unwrap()..];
    let labels: Vec<(f64, f64, f64, f64)> = after_points
        .split("<text")
        .skip(1)
        .map(|t| {
            let size = number(t, "font-size");
            let text = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            let (x, y) = (number(t, "x"), number(t, "y"));
            (
                x,
                y,
                x + 0.62 * size * text.trim().chars().count() as f64,
                y + size,
            )
        })
        .collect();
    assert!(labels.len() >= 8, "{sub}: {} labels", labels.len());
    let overlap = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    };
    for (i, &a) in labels.iter().enumerate() {
        for &b in &labels[i + 1..] {
            assert!(!overlap(a, b), "{sub}: labels {a:?} and {b:?} overlap");
        }
        for &(x, y, r) in &circles {
            assert!(
                !overlap(a, (x - r, y - r, x + r, y + r)),
                "{sub}: label {a:?} covers the point at {x},{y}"
            );
        }
    }
}

#[test]
fn hostile_speaker_names_give_safe_files_and_escaped_html() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(
        dir.join("t.txt"),
        "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте, коллеги.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("aliases.csv"),
        "label,speaker\nВ.Путин,\"../../<script>alert('x')</script> \"\"Q\"\"\"\nА.Лукашенко,/etc/passwd\u{7}\n",
    )
    .unwrap();
    report(
        dir,
        &[
            "t.txt",
            "--aliases",
            "aliases.csv",
            "--out",
            "out",
            "--charts",
            "svg",
        ],
    );
    let out = dir.join("out");
    let mut speaker_files: Vec<String> = std::fs::read_dir(out.join("speakers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    speaker_files.sort();
    assert_eq!(speaker_files.len(), 2);
    for f in &speaker_files {
        assert!(
            !f.contains(['/', '\\', '<', '>', '"', '\''])
                && !f.contains("..")
                && !f.starts_with('.'),
            "{f}"
        );
        assert!(!f.chars().any(char::is_control), "{f}");
    }
    // Nothing was written outside the output directory.
    let mut top: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["aliases.csv", "out", "t.txt"]);
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!html.contains("<script"), "no markup from the transcript");
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; \"Q\""));
    for chart in ["top_words", "keyness"] {
        let svg = std::fs::read_to_string(out.join(format!("{chart}.svg"))).unwrap();
        assert!(!svg.contains("<script"), "{chart}.svg escapes names");
    }
}

/// At the default `--min-words 2500` one speaker of `../shared/corpus/kremlin` qualifies: the note says how many were
/// left out and why, distances.csv and stability.csv are headers, and no tree is written.
#[test]
fn speakers_under_the_word_minimum_are_left_out_with_a_note() {
    let Some(dir) = shared("corpus/kremlin") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(
        crate_dir(),
        &[
            "report",
            dir.to_str().unwrap(),
            "--charts",
            "none",
            "--out",
            tmp.path().to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let note = "note: 38 of 39 speakers have fewer than 2500 words (--min-words) and are left out of distances.csv \
                and the consensus tree, 1 compared\n";
    assert!(stderr(&out).contains(note), "{}", stderr(&out));
    let read = |f: &str| std::fs::read_to_string(tmp.path().join(f)).unwrap();
    assert_eq!(read("distances.csv"), "a,b,measure,value\n");
    assert_eq!(read("stability.csv").lines().count(), 1);
    assert!(!tmp.path().join("consensus.nwk").exists());
    assert!(read("index.html").contains("38 of 39 speakers have fewer than 2500 words"));
    // With --min-words 1000, 13 speakers: 26 left out; --quiet says nothing.
    let quiet = run_in(
        crate_dir(),
        &[
            "report",
            dir.to_str().unwrap(),
            "--quiet",
            "--min-words",
            "1000",
            "--charts",
            "none",
            "--out",
            tmp.path().to_str().unwrap(),
        ],
    );
    assert_eq!(stderr(&quiet), "");
    assert!(read("index.html").contains("26 of 39 speakers have fewer than 1000 words"));
    assert!(read("consensus.nwk").starts_with("((('А.Бочаров','А.Хинштейн')0.5,"));
}

#[test]
fn output_is_byte_identical_for_any_thread_count_path_order_and_token_store() {
    let Some(dir) = shared("corpus/kremlin") else {
        return;
    };
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    paths.sort();
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = paths.iter().map(String::as_str).collect();
    args.extend([
        "--jobs",
        "1",
        "--charts",
        "svg",
        "--format",
        "both",
        "--matrix",
        "--min-words",
        "1000",
        "--out",
        one.path().to_str().unwrap(),
    ]);
    report(crate_dir(), &args);
    // The second run also sends every word token through the temporary token file.
    let mut reversed: Vec<&str> = paths.iter().rev().map(String::as_str).collect();
    reversed.extend([
        "--token-budget",
        "0",
        "--jobs",
        "2",
        "--charts",
        "svg",
        "--format",
        "both",
        "--matrix",
        "--min-words",
        "1000",
        "--out",
        two.path().to_str().unwrap(),
    ]);
    report(crate_dir(), &reversed);
    let kinds = ["csv", "parquet", "svg", "html", "nwk"];
    let (a, b) = (files(one.path(), &kinds), files(two.path(), &kinds));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for table in [
        "matrix.csv",
        "matrix.parquet",
        "distances.csv",
        "stability.csv",
        "consensus.nwk",
        "term_map.csv",
        "keyness_periods.csv",
    ] {
        assert!(a[Path::new(table)].len() > 100, "{table} has rows");
    }
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{} differs between --jobs 1 and --jobs 2 (reversed paths, tokens in a file)",
            name.display()
        );
    }
}

/// The keyness chart draws content words past p < 0.01 only, each with its Log Ratio (checked against
/// `keyness.csv`, where stopwords stay, flagged).
#[test]
fn the_keyness_chart_draws_significant_content_words_only() {
    let Some(dir) = shared("corpus/kremlin") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    report(
        crate_dir(),
        &[
            dir.to_str().unwrap(),
            "--out",
            tmp.path().to_str().unwrap(),
            "--charts",
            "svg",
        ],
    );
    let rows = csv_rows(&std::fs::read_to_string(tmp.path().join("keyness.csv")).unwrap());
    let pair: Vec<_> = rows
        .iter()
        .filter(|r| r["target"] == "В.Путин" && r["reference"] == "А.Лукашенко")
        .collect();
    assert!(
        pair.iter().any(|r| r["stopword"] == "true"),
        "stopwords stay in the table"
    );
    let svg = std::fs::read_to_string(tmp.path().join("keyness.svg")).unwrap();
    let mut drawn = 0;
    for label in svg.split('>').filter_map(|s| s.split('<').next()) {
        let Some((form, ratio)) = label.trim().rsplit_once(" (") else {
            continue;
        };
        let Some(ratio) = ratio.strip_suffix(')') else {
            continue;
        };
        let Ok(ratio) = ratio.parse::<f64>() else {
            continue;
        };
        let row = pair
            .iter()
            .find(|r| r["form"] == form)
            .expect("a drawn term is in the table");
        let g2: f64 = row["g2"].parse().unwrap();
        let log_ratio: f64 = row["log_ratio"].parse().unwrap();
        assert_eq!(row["stopword"], "false", "{form}");
        assert!(g2.abs() >= 6.63, "{form}: G² {g2}");
        assert!(
            (log_ratio - ratio).abs() <= 0.051,
            "{form}: {log_ratio} shown as {ratio}"
        );
        drawn += 1;
    }
    assert!(drawn > 10, "{drawn} bars");
}

/// A report into a folder that holds an earlier one removes the files the earlier one wrote and this one does not
/// (a speaker gone, charts turned off), as its manifest lists them, and leaves every other file alone with a note.
#[test]
fn a_report_removes_what_the_previous_report_wrote_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::write(
        d.join("a.txt"),
        "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте.\nД.Песков: Спасибо.\n",
    )
    .unwrap();
    let out = run_in(d, &["report", "a.txt", "--out", "out", "--charts", "png"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(d.join("out/speakers/Д.Песков.csv").exists() && d.join("out/top_words.png").exists());
    std::fs::write(d.join("out/my notes.md"), "mine").unwrap();
    std::fs::write(
        d.join("a.txt"),
        "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте.\n",
    )
    .unwrap();
    let out = run_in(d, &["report", "a.txt", "--out", "out", "--charts", "none"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!d.join("out/speakers/Д.Песков.csv").exists());
    assert!(d.join("out/speakers/В.Путин.csv").exists());
    assert!(!d.join("out/top_words.png").exists());
    assert!(d.join("out/my notes.md").exists());
    assert!(
        err.contains("files of the previous report removed"),
        "{err}"
    );
    assert!(
        err.contains("note: out holds 1 file this report did not write (my notes.md)"),
        "{err}"
    );
    // What is left is what the manifest lists, and the user's file.
    let mut left: Vec<String> = walkdir::WalkDir::new(d.join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(d.join("out"))
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    left.sort();
    let manifest = std::fs::read_to_string(d.join("out/.stenogram-manifest")).unwrap();
    let mut listed: Vec<String> = manifest.lines().skip(1).map(str::to_string).collect();
    listed.extend([".stenogram-manifest".to_string(), "my notes.md".to_string()]);
    listed.sort();
    assert_eq!(left, listed);
}

/// No table or chart depends on what another made before it: charts drawn first (each asking for the statistics it
/// needs, in parallel), then the tables in reverse order, give every file `run` gives, byte for byte.
#[test]
fn tables_and_charts_made_in_any_order_give_the_same_bytes() {
    use stenogram::corpus::{analyse_paths, AnalysisOptions};
    use stenogram::report::{charts, html, run, Context, Formats, Made, ReportConfig};
    use stenogram::transcript::{Aliases, ReadOptions};

    let mut corpora = vec![crate_dir().join("corpus")];
    corpora.extend(shared("corpus/kremlin"));
    for dir in corpora {
        let analysed = analyse_paths(
            std::slice::from_ref(&dir),
            &ReadOptions::default(),
            Aliases::default(),
            &AnalysisOptions::default(),
        );
        let (corpus, audits) = (&analysed.corpus, &analysed.audits);
        let tmp = tempfile::tempdir().unwrap();
        let config = |out: &str| ReportConfig {
            out: tmp.path().join(out),
            charts: Formats::Both,
            matrix: true,
            ..ReportConfig::default()
        };
        let in_order = config("in_order");
        run(corpus, audits, &in_order, &mut ()).unwrap();
        let any_order = config("any_order");
        std::fs::create_dir_all(&any_order.out).unwrap();
        let cx = Context::new(corpus, audits, &any_order);
        let drawn = charts::draw_all(&cx).unwrap();
        let mut made: Vec<Made> = TABLES.iter().rev().map(|t| t.make(&cx).unwrap()).collect();
        made.reverse();
        let previews: Vec<_> = made.into_iter().flat_map(|m| m.previews).collect();
        let page = html::page(&cx, &previews, &drawn).unwrap();
        std::fs::write(any_order.out.join("index.html"), page).unwrap();
        let a = crate::report_files(&in_order.out);
        let b = crate::report_files(&any_order.out);
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (name, bytes) in &a {
            assert!(
                bytes == &b[name],
                "{}: {} differs when the charts come first and the tables in reverse order",
                dir.display(),
                name.display()
            );
        }
    }
}
