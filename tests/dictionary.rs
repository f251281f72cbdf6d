//! `--dictionary` end to end: the counts of one dictionary written in the four formats against an independent
//! count (`tests/golden/make_dictionary.py`, key view, `../shared/corpus/kremlin`), `kwic --category` against the
//! report's counts, and the default report unchanged by the dictionary code (no dictionary file, no dictionary
//! output, and the page does not mention them).

use std::collections::BTreeMap;

use crate::support::{csv_rows, run, shared, stderr};

fn golden() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/expected_dictionary.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn close(got: f64, want: f64) -> bool {
    got == want || (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

#[test]
fn dictionary_counts_match_the_golden_values_in_every_format() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let golden = golden();
    assert_eq!(golden["turns_with_other_word_counts"], 0);
    for format in ["yml", "dic", "lc3", "cat"] {
        let dir = tempfile::tempdir().unwrap();
        let dictionary = format!("tests/golden/dictionary/golden.{format}");
        let out = run(&[
            "report",
            "--quiet",
            "--charts",
            "none",
            "--view",
            "key",
            "--dictionary",
            &dictionary,
            "--out",
            dir.path().to_str().unwrap(),
            kremlin.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let table = std::fs::read_to_string(dir.path().join("dictionary.csv")).unwrap();
        let got: BTreeMap<(String, String, String), BTreeMap<String, String>> = csv_rows(&table)
            .into_iter()
            .map(|r| {
                (
                    (
                        r["group"].clone(),
                        r["meeting"].clone(),
                        r["category"].clone(),
                    ),
                    r,
                )
            })
            .collect();
        let want = golden["formats"][format]["rows"].as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{format}: the same rows");
        for w in want {
            let key = (
                w[0].as_str().unwrap().to_string(),
                w[1].as_str().unwrap().to_string(),
                w[2].as_str().unwrap().to_string(),
            );
            let r = &got[&key];
            let num = |c: &str| r[c].parse::<f64>().unwrap();
            assert_eq!(r["count"], w[3].to_string(), "{format} {key:?} count");
            assert_eq!(r["words"], w[7].to_string(), "{format} {key:?} words");
            assert!(
                close(num("per_10k"), w[4].as_f64().unwrap()),
                "{format} {key:?} per_10k"
            );
            assert!(
                close(num("weighted"), w[6].as_f64().unwrap()),
                "{format} {key:?} weighted"
            );
            match w[5].as_f64() {
                Some(share) => assert!(close(num("share"), share), "{format} {key:?} share"),
                None => assert_eq!(r["share"], "NaN", "{format} {key:?} share"),
            }
        }
        // The all-speakers rows hold something: a comparison of zeros would prove little.
        let hits: u64 = got
            .iter()
            .filter(|(k, _)| k.0 == "*" && k.1 == "*")
            .map(|(_, r)| r["count"].parse::<u64>().unwrap())
            .sum();
        assert!(hits > 200, "{format}: {hits} hits");
        if format == "yml" {
            let terms = std::fs::read_to_string(dir.path().join("dictionary_terms.csv")).unwrap();
            let got: BTreeMap<(String, String, String), u64> = csv_rows(&terms)
                .into_iter()
                .filter(|r| r["count"] != "0")
                .map(|r| {
                    (
                        (r["category"].clone(), r["entry"].clone(), r["term"].clone()),
                        r["count"].parse().unwrap(),
                    )
                })
                .collect();
            let want: BTreeMap<(String, String, String), u64> = golden["formats"]["yml"]["terms"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    let s = |i: usize| t[i].as_str().unwrap().to_string();
                    ((s(0), s(1), s(2)), t[3].as_u64().unwrap())
                })
                .collect();
            assert_eq!(got, want, "dictionary_terms.csv");
        }
    }
}

#[test]
fn kwic_shows_as_many_hits_of_a_category_as_the_report_counts() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dictionary = "tests/golden/dictionary/golden.yml";
    let kremlin = kremlin.to_str().unwrap();
    let out = run(&[
        "report",
        "--quiet",
        "--charts",
        "none",
        "--view",
        "key",
        "--dictionary",
        dictionary,
        "--out",
        dir.path().to_str().unwrap(),
        kremlin,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = std::fs::read_to_string(dir.path().join("dictionary.csv")).unwrap();
    let rows = csv_rows(&table);
    for category in ["security", "security.military", "economy.trade", "west"] {
        let counted = rows
            .iter()
            .find(|r| r["group"] == "*" && r["meeting"] == "*" && r["category"] == category)
            .unwrap()["count"]
            .clone();
        // Keys on both sides (kwic --lemma reads each word as written, the report's lemma view each key as the
        // corpus most often writes it: the two can differ on a capitalised word).
        let out = run(&[
            "kwic",
            "--category",
            category,
            "--dictionary",
            dictionary,
            kremlin,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let hits = csv_rows(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(hits.len().to_string(), counted, "{category}");
        assert!(!hits.is_empty());
    }
    // The phrase is one hit, its words together.
    let out = run(&[
        "kwic",
        "--category",
        "security.military",
        "--dictionary",
        dictionary,
        kremlin,
    ]);
    let hits = csv_rows(&String::from_utf8(out.stdout).unwrap());
    assert!(hits
        .iter()
        .any(|h| h["match"] == "специальной военной операции"));
}

#[test]
fn without_a_dictionary_the_report_has_no_dictionary_file_or_word() {
    let dir = tempfile::tempdir().unwrap();
    let seed = crate::support::seed();
    let out = run(&[
        "report",
        "--quiet",
        "--out",
        dir.path().to_str().unwrap(),
        seed.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = crate::report_files(dir.path());
    assert!(
        files
            .keys()
            .all(|f| !f.to_string_lossy().contains("dictionary")),
        "{:?}",
        files.keys()
    );
    let page = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    for word in ["dictionary.csv", "Dictionary categories", "--dictionary"] {
        assert!(
            !page.contains(word),
            "the page mentions {word} without --dictionary"
        );
    }
}
