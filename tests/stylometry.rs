//! Burrows' and Cosine Delta, the bootstrap consensus tree and the stability of pairs against
//! `tests/golden/make_consensus.py` (numpy, scipy's `cosine` and `linkage(…, "average")`, its own majority rule and
//! Newick writer), at 1e-12 relative: on the golden token lists (always) and on a report of `../shared/corpus/kremlin`
//! end to end (`distances.csv`, `stability.csv`, `consensus.nwk`).

use std::path::Path;

use serde_json::Value;

use stenogram::corpus::View;
use stenogram::report::newick::newick;
use stenogram::stats::consensus::Consensus;
use stenogram::stats::distance::Distances;
use stenogram::stats::keyness::Tallies;
use stenogram::stats::mfw::Mfw;

use crate::support::{csv_rows, run, shared, stderr};

fn expected() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/expected_consensus.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `actual` within 1e-12 of the golden value, relative (absolute below 1).
fn close(actual: f64, golden: &Value, what: &str) {
    let e = golden
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: golden {golden} is not a number"));
    assert!(
        (actual - e).abs() <= 1e-12 * e.abs().max(1.0),
        "{what}: {actual} vs golden {e}"
    );
}

#[test]
fn delta_measures_and_the_consensus_equal_the_python_reference() {
    let (input, _) = crate::stats::golden();
    let c = crate::stats::corpus_of(&input);
    let tallies = Tallies::new(&c, View::Key).unwrap();
    let cases = expected()["cases"].clone();
    for name in ["input_range", "input_default"] {
        let g = &cases[name];
        let mfw: Mfw = g["mfw"].as_str().unwrap().parse().unwrap();
        let min_words = g["min_words"].as_u64().unwrap();
        let d = Distances::new(&c, &tallies, min_words, &mfw).unwrap();
        let names: Vec<&str> = d
            .speakers
            .iter()
            .map(|&s| c.speakers[s as usize].as_str())
            .collect();
        assert_eq!(
            names,
            g["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect::<Vec<_>>()
        );
        assert_eq!(d.size as u64, g["size"].as_u64().unwrap(), "{name}");
        let mut checked = 0;
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                let pair = format!("{}|{}", names[i], names[j]);
                close(d.delta[i][j], &g["burrows_delta"][&pair], &pair);
                close(d.cosine[i][j], &g["cosine_delta"][&pair], &pair);
                close(d.jensen_shannon[i][j], &g["jensen_shannon"][&pair], &pair);
                checked += 1;
            }
        }
        assert_eq!(checked, 10, "{name}");
        let consensus = Consensus::new(&d, &mfw).unwrap();
        let sizes: Vec<u64> = consensus.sizes.iter().map(|&s| s as u64).collect();
        let golden_sizes: Vec<u64> = g["sizes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(sizes, golden_sizes, "{name}");
        assert_eq!(consensus.treed.len() as u64, g["trees"].as_u64().unwrap());
        let clades: Vec<(Vec<&str>, u64)> = consensus
            .clades
            .iter()
            .map(|k| (k.leaves.iter().map(|&l| names[l]).collect(), k.trees as u64))
            .collect();
        let golden_clades: Vec<(Vec<&str>, u64)> = g["clades"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| {
                let speakers = k["speakers"].as_array().unwrap();
                (
                    speakers.iter().map(|s| s.as_str().unwrap()).collect(),
                    k["trees"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(clades, golden_clades, "{name}");
        assert!(!clades.is_empty(), "{name}: a consensus with clades");
        let stability = g["stability"].as_array().unwrap();
        assert_eq!(consensus.pairs.len(), stability.len());
        let trees = consensus.treed.len() as f64;
        for (p, r) in consensus.pairs.iter().zip(stability) {
            let what = format!("{name}: {}|{}", names[p.a], names[p.b]);
            assert_eq!(
                (names[p.a], names[p.b]),
                (r["a"].as_str().unwrap(), r["b"].as_str().unwrap())
            );
            close(p.nearest as f64 / trees, &r["nearest_share"], &what);
            close(p.cherries as f64 / trees, &r["clade_share"], &what);
            close(p.cosine_min, &r["cosine_delta_min"], &what);
            close(p.cosine_max, &r["cosine_delta_max"], &what);
        }
        assert_eq!(
            newick(&consensus.tree(), &|i| names[i]),
            g["newick"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn the_kremlin_report_writes_the_python_reference_tree() {
    let Some(_) = shared("corpus/kremlin") else {
        return;
    };
    let g = &expected()["cases"]["kremlin"];
    assert!(
        g.is_object(),
        "expected_consensus.json has the kremlin case: rerun make_consensus.py with ../shared"
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut args = vec!["report", "--quiet", "--out", tmp.path().to_str().unwrap()];
    args.extend(
        g["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap()),
    );
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |f: &str| std::fs::read_to_string(tmp.path().join(f)).unwrap();
    assert_eq!(read("consensus.nwk"), g["newick"].as_str().unwrap());
    let distances = csv_rows(&read("distances.csv"));
    let speakers = g["speakers"].as_array().unwrap().len();
    assert_eq!(speakers, 22);
    assert_eq!(distances.len(), 3 * speakers * (speakers - 1) / 2);
    for r in &distances {
        let pair = format!("{}|{}", r["a"], r["b"]);
        let value: f64 = r["value"].parse().unwrap();
        close(value, &g[r["measure"].as_str()][&pair], &pair);
    }
    let stability = csv_rows(&read("stability.csv"));
    let golden = g["stability"].as_array().unwrap();
    assert_eq!(stability.len(), golden.len());
    for (r, e) in stability.iter().zip(golden) {
        assert_eq!(
            (r["a"].as_str(), r["b"].as_str()),
            (e["a"].as_str().unwrap(), e["b"].as_str().unwrap())
        );
        assert_eq!(r["sizes"], e["sizes"].to_string());
        for column in [
            "nearest_share",
            "clade_share",
            "cosine_delta_min",
            "cosine_delta_max",
        ] {
            close(r[column].parse().unwrap(), &e[column], column);
        }
    }
}
