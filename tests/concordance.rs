//! The concordance options of `kwic`: collocates and clusters against the Python recount in
//! `tests/golden/make_concordance.py`, sorted hits against an order computed here from the unsorted ones, and the
//! options that cannot go together.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::support::{csv_rows, run, seed, shared, stderr, stdout};

const COLLOCATE_COLUMNS: &str =
    "collocate,form,count_window,count_left,count_right,count_corpus,mi,log_dice,t_score";
const CLUSTER_COLUMNS: &str = "cluster,form,count,meetings";

/// `|got − want| ≤ 1e-9 · max(|want|, 1)`.
fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

#[test]
fn collocates_and_clusters_equal_the_python_recount() {
    let golden: Value =
        serde_json::from_str(include_str!("golden/expected_concordance.json")).unwrap();
    let cases = golden["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 9);
    let mut checked = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let mut args: Vec<String> = case["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let paths: Vec<&str> = case["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        if paths.iter().any(|p| p.starts_with("../shared/")) && shared("corpus/kremlin").is_none() {
            continue;
        }
        args.extend(paths.iter().map(|p| p.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let text = stdout(&out);
        let collocates = args.contains(&"--collocates");
        let header = if collocates {
            COLLOCATE_COLUMNS
        } else {
            CLUSTER_COLUMNS
        };
        assert_eq!(text.lines().next(), Some(header), "{name}");
        // The summary on stderr names the node's occurrences and, for collocates, the words searched.
        let hits = case["hits"].as_u64().unwrap();
        let summary = if collocates {
            format!("{hits} hits among {} words;", case["words"])
        } else {
            format!("{hits} hits;")
        };
        assert!(stderr(&out).contains(&summary), "{name}: {}", stderr(&out));
        let left_out = case["left_out"].as_u64().unwrap();
        if left_out > 0 {
            assert!(
                stderr(&out).contains(&format!("; {left_out} ")),
                "{name}: {left_out} left out: {}",
                stderr(&out)
            );
        }
        let got = csv_rows(&text);
        let want = case["rows"].as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{name}: rows");
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            for (column, value) in w.as_object().unwrap() {
                let cell = &g[column];
                match value {
                    Value::String(s) => assert_eq!(cell, s, "{name} row {i} {column}"),
                    Value::Number(n) if n.is_u64() => {
                        assert_eq!(cell, &n.to_string(), "{name} row {i} {column}")
                    }
                    Value::Number(n) => {
                        let (g, w) = (cell.parse::<f64>().unwrap(), n.as_f64().unwrap());
                        assert!(close(g, w), "{name} row {i} {column}: {g} vs {w}");
                    }
                    other => panic!("{name}: unexpected {other}"),
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 2, "the cases on the seed always run");
}

#[test]
fn collocates_are_byte_identical_from_run_to_run() {
    // Counts are kept in hash maps, whose order changes from process to process; the table must not.
    let seed = seed();
    let args = [
        "kwic",
        "мы",
        "--collocates",
        "--min-count",
        "1",
        seed.to_str().unwrap(),
    ];
    let first = run(&args);
    assert_eq!(first.status.code(), Some(0));
    assert!(first.stdout.len() > 1000);
    for _ in 0..2 {
        assert_eq!(run(&args).stdout, first.stdout);
    }
    let clusters = [
        "kwic",
        "--clusters",
        "2",
        "--min-count",
        "1",
        "мы",
        seed.to_str().unwrap(),
    ];
    assert_eq!(run(&clusters).stdout, run(&clusters).stdout);
}

/// The keys of the words wholly left of `start` (nearest first) and wholly right of `end` in `text`, at most `n`.
fn words_beside(text: &str, start: usize, end: usize, n: usize) -> (Vec<String>, Vec<String>) {
    use stenogram::text::normalize::key;
    use stenogram::text::{tokenize, TokenKind};
    let words: Vec<_> = tokenize(text)
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let left = words
        .iter()
        .rev()
        .filter(|t| t.end <= start)
        .take(n)
        .map(|t| key(t.surface(text)))
        .collect();
    let right = words
        .iter()
        .filter(|t| t.start >= end)
        .take(n)
        .map(|t| key(t.surface(text)))
        .collect();
    (left, right)
}

/// Checks `kwic --sort left:1` and `--sort right:2` against the unsorted hits sorted here: by the keys of the
/// nearest word(s), a missing word first, equal words in text order.
fn check_sorts(pattern: &[&str], paths: &[&str]) {
    let parsed = run(&[&["parse", "--format", "jsonl"], paths].concat());
    let texts: HashMap<(String, String), String> = stdout(&parsed)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap();
            let at = (v["meeting"].as_str().unwrap().into(), v["turn"].to_string());
            (at, v["text"].as_str().unwrap().to_string())
        })
        .collect();
    let kwic = |sort: &[&str]| csv_rows(&stdout(&run(&[&["kwic"], pattern, sort, paths].concat())));
    let plain = kwic(&[]);
    assert!(plain.len() >= 5, "{pattern:?}: {} hits", plain.len());
    for (sort, n, left) in [("left:1", 1, true), ("right:2", 2, false)] {
        let mut expected: Vec<(Vec<String>, &BTreeMap<String, String>)> = plain
            .iter()
            .map(|r| {
                let text = &texts[&(r["meeting"].clone(), r["turn"].clone())];
                let (s, e) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
                assert_eq!(&text[s..e], r["match"], "offsets into the turn's text");
                let (l, rt) = words_beside(text, s, e, n);
                (if left { l } else { rt }, r)
            })
            .collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        let expected: Vec<_> = expected.into_iter().map(|(_, r)| r.clone()).collect();
        let sorted = kwic(&["--sort", sort]);
        assert_eq!(sorted, expected, "{pattern:?} --sort {sort}");
        assert_ne!(sorted, plain, "{pattern:?} --sort {sort} changes the order");
    }
}

#[test]
fn sorted_hits_follow_the_words_left_and_right_of_the_node() {
    let seed = seed();
    check_sorts(&["мы"], &[seed.to_str().unwrap()]);
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let kremlin = kremlin.to_str().unwrap();
    check_sorts(&["--stem", "сотрудничество"], &[kremlin]);
    check_sorts(&["--lemma", "Россия"], &[kremlin]);
    // A regular expression: the words wholly outside the match.
    check_sorts(&["--regex", r"миллиард\w*"], &[kremlin]);
}

#[test]
fn concordance_options_that_cannot_go_together_are_usage_errors() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let fails = |args: &[&str], says: &str| {
        let out = run(&[args, &[seed]].concat());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?}");
    };
    fails(
        &["kwic", "--regex", "мы", "--collocates"],
        "--regex with --collocates: collocates and clusters count the words around a word or phrase",
    );
    fails(
        &["kwic", "--regex", "мы", "--clusters", "2"],
        "--regex with --clusters",
    );
    fails(
        &["kwic", "Союзное государство", "--clusters", "1"],
        "--clusters: a 1-word cluster cannot hold the 2-word phrase searched for; use 2 or more",
    );
    fails(
        &["kwic", "мы", "--collocates", "--clusters", "2"],
        "cannot be used with",
    );
    fails(
        &["kwic", "мы", "--collocates", "--sort", "left"],
        "cannot be used with",
    );
    fails(
        &["kwic", "мы", "--clusters", "2", "--width", "9"],
        "cannot be used with",
    );
    fails(&["kwic", "мы", "--window", "3"], "--collocates");
    fails(
        &["kwic", "мы", "--min-count", "3"],
        "--collocates|--clusters",
    );
    fails(&["kwic", "мы", "--sort", "up"], "use left or right");
    fails(
        &["kwic", "мы", "--collocates", "--window", "0"],
        "at least one word",
    );
    fails(&["kwic", "мы", "--clusters", "0"], "1 or more");
}

#[test]
fn collocates_and_clusters_take_the_common_input_options() {
    let seed = seed();
    let seed = seed.to_str().unwrap();
    // --speaker: Токаев's words only; --until before the meeting: nothing, with the table's header.
    let all = run(&["kwic", "мы", "--collocates", "--min-count", "1", seed]);
    let tokayev = run(&[
        "kwic",
        "мы",
        "--collocates",
        "--min-count",
        "1",
        "--speaker",
        "Токаев",
        seed,
    ]);
    assert!(
        stderr(&all).contains("9 hits among 452 words"),
        "{}",
        stderr(&all)
    );
    assert!(
        stderr(&tokayev).contains("1 hit among 264 words"),
        "{}",
        stderr(&tokayev)
    );
    let none = run(&["kwic", "мы", "--clusters", "2", "--until", "2021", seed]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), format!("{CLUSTER_COLUMNS}\n"));
    // --out writes the same table to a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.csv");
    let out = run(&[
        "kwic",
        "мы",
        "--collocates",
        "--min-count",
        "1",
        "--out",
        file.to_str().unwrap(),
        seed,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&file).unwrap(), all.stdout);
}
