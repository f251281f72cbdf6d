//! `stenogram count` and `report --from-counts`: counts of shards summed give the tables of counts of the whole,
//! and those are the report's own tables, byte for byte; what counts cannot make is said; bad folders are named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::report_files;
use crate::support::{run, seed, shared, stderr};

/// The tables a report from counts writes (beside `speakers/NAME.csv`), with `--matrix` and a dictionary of single
/// words.
const FROM_COUNTS: [&str; 17] = [
    "attributes.csv",
    "collocations.csv",
    "dictionary.csv",
    "dictionary_keyness.csv",
    "dictionary_terms.csv",
    "distances.csv",
    "freq.csv",
    "keyness.csv",
    "keyness_periods.csv",
    "matrix.csv",
    "meetings.csv",
    "name_parts.csv",
    "stability.csv",
    "term_map.csv",
    "term_trends.csv",
    "trends.csv",
    "trigrams.csv",
];

/// A dictionary of single words (globs, lemmas and keys), which counts can count.
const WORDS: &str =
    "security:\n  - угроз*\n  - безопасность\n  - армия\neconomy:\n  - экономик*\n  - торговля\n";

fn ok(args: &[&str]) {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The CSV files of a report folder, `speakers/` included.
fn tables(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    report_files(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "csv"))
        .collect()
}

/// The transcripts of `corpus` spread over `n` folders of `tmp`, file by file in turn.
fn shards(corpus: &Path, tmp: &Path, n: usize) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = (0..n).map(|i| tmp.join(format!("shard{i}"))).collect();
    dirs.iter()
        .for_each(|d| std::fs::create_dir_all(d).unwrap());
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        std::fs::copy(f, dirs[i % n].join(f.file_name().unwrap())).unwrap();
    }
    dirs
}

#[test]
fn counts_of_shards_give_the_tables_of_the_whole_and_of_the_report() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let whole = t.join("whole");
    ok(&["count", s(&kremlin), "--out", s(&whole), "-q"]);
    // The same transcripts give the same bytes.
    let again = t.join("again");
    ok(&["count", s(&kremlin), "--out", s(&again), "-q"]);
    assert_eq!(report_files(&whole), report_files(&again));
    let mut counted = Vec::new();
    for (i, shard) in shards(&kremlin, t, 3).iter().enumerate() {
        let out = t.join(format!("counts{i}"));
        ok(&["count", s(shard), "--out", s(&out), "-q"]);
        counted.push(out);
    }
    let dictionary = t.join("words.yml");
    std::fs::write(&dictionary, WORDS).unwrap();
    for options in [
        vec!["--matrix", "--dictionary", s(&dictionary)],
        vec!["--skip-punct", "--keep-stopword-pairs", "--min-count", "1"],
        vec![
            "--view",
            "key",
            "--group-by",
            "speaker,month",
            "--since",
            "2025-03",
            "--min-count",
            "2",
        ],
        vec![
            "--view",
            "stem",
            "--speakers",
            "Путин",
            "--reference",
            "Мишустин",
            "--period",
            "meeting",
        ],
    ] {
        let report = |name: &str, input: &[&str]| {
            let dir = t.join(name);
            let mut args = vec!["report", "--out", s(&dir), "-q", "--charts", "none"];
            args.extend(input);
            args.extend(&options);
            ok(&args);
            tables(&dir)
        };
        let from_whole = report("from_whole", &["--from-counts", s(&whole)]);
        let shards: Vec<&str> = counted.iter().map(|c| s(c)).collect();
        let mut input = vec!["--from-counts"];
        input.extend(&shards);
        let from_shards = report("from_shards", &input);
        let direct = report("direct", &[s(&kremlin)]);
        assert_eq!(
            from_whole.keys().collect::<Vec<_>>(),
            from_shards.keys().collect::<Vec<_>>(),
            "{options:?}"
        );
        for (file, bytes) in &from_whole {
            assert!(
                from_shards[file] == *bytes,
                "{options:?}: {} differs between shards and whole",
                file.display()
            );
            assert!(
                direct[file] == *bytes,
                "{options:?}: {} differs from the report's",
                file.display()
            );
        }
        let top: Vec<&str> = from_whole
            .keys()
            .filter_map(|p| p.to_str())
            .filter(|p| !p.contains('/'))
            .collect();
        let expected: Vec<&str> = FROM_COUNTS
            .iter()
            .copied()
            .filter(|f| *f != "matrix.csv" || options.contains(&"--matrix"))
            .filter(|f| !f.starts_with("dictionary") || options.contains(&"--dictionary"))
            .collect();
        assert_eq!(top, expected, "{options:?}");
        assert!(
            from_whole.len() > expected.len() + 5,
            "speakers/NAME.csv are written"
        );
    }
}

#[test]
fn counts_of_the_seed_hold_its_words_and_the_report_says_what_it_cannot_make() {
    let tmp = tempfile::tempdir().unwrap();
    let counts = tmp.path().join("counts");
    ok(&["count", s(&seed()), "--out", s(&counts), "-q"]);
    let files: Vec<String> = std::fs::read_dir(&counts)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        files,
        [
            "count.json",
            "forms.parquet",
            "keys.parquet",
            "languages.parquet",
            "meeting_attributes.parquet",
            "meetings.parquet",
            "pairs.parquet",
            "terms.parquet",
            "totals.parquet",
            "triples.parquet"
        ]
    );
    let read = stenogram::corpus::counts::read_counts(
        std::slice::from_ref(&counts),
        None,
        None,
        Default::default(),
        &Default::default(),
    )
    .unwrap();
    let bytes = std::fs::read(seed()).unwrap();
    let (file, _) =
        stenogram::transcript::read_bytes(s(&seed()), &bytes, &Default::default()).unwrap();
    let direct = stenogram::corpus::analyse(&[&file.meeting], &Default::default());
    assert_eq!(read.corpus.total_words(), direct.total_words());
    assert_eq!(read.corpus.speakers, direct.speakers);
    assert_eq!(read.corpus.turns.len(), direct.turns.len());
    assert_eq!(read.metadata.options.interpreted, "include");
    let out = tmp.path().join("report");
    let made = run(&[
        "report",
        "--from-counts",
        s(&counts),
        "--out",
        s(&out),
        "--charts",
        "svg",
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let err = stderr(&made);
    assert!(
        err.contains(
            "note: made from counts (--from-counts), so these tables are not made: speakers.csv"
        ),
        "{err}"
    );
    assert!(
        err.contains("lexdiv.csv (MATTR, MTLD and HD-D need the order of words)"),
        "{err}"
    );
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("made from counts (--from-counts)"));
    // No finding the counts cannot hold: turn lengths and vocabulary richness need the turns and their order.
    assert!(!page.contains("longest turns") && !page.contains("richest vocabulary"));
    assert!(!out.join("turns.csv").exists() && !out.join("xray.svg").exists());
    assert!(out.join("freq.csv").exists() && out.join("keyness.svg").exists());
    // Counted pairs and triples make the collocations; name words are counted one by one.
    assert!(out.join("collocations.csv").exists() && out.join("collocations.svg").exists());
    assert!(out.join("trigrams.csv").exists() && out.join("name_parts.csv").exists());
    // Every pair and triple of the seed, from counts as from the transcript.
    let all = [
        "-q",
        "--charts",
        "none",
        "--min-count",
        "1",
        "--keep-stopword-pairs",
    ];
    let (direct, counted) = (tmp.path().join("direct"), tmp.path().join("counted"));
    ok(&[&["report", s(&seed()), "--out", s(&direct)], &all[..]].concat());
    ok(&[
        &["report", "--from-counts", s(&counts), "--out", s(&counted)],
        &all[..],
    ]
    .concat());
    for table in [
        "collocations.csv",
        "trigrams.csv",
        "name_parts.csv",
        "freq.csv",
    ] {
        let read = |dir: &Path| std::fs::read(dir.join(table)).unwrap();
        assert!(
            read(&counted) == read(&direct),
            "{table} differs from the report of the seed"
        );
    }
    let pairs = std::fs::read_to_string(counted.join("collocations.csv")).unwrap();
    let triples = std::fs::read_to_string(counted.join("trigrams.csv")).unwrap();
    assert!(
        pairs.lines().count() > 300 && triples.lines().count() > 300,
        "{pairs}"
    );
    // A dictionary with phrases is not counted from counts, and the note names its phrases.
    let phrases = tmp.path().join("phrases");
    let politics =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/politics.yml");
    let made = run(&[
        "report",
        "--from-counts",
        s(&counts),
        "--out",
        s(&phrases),
        "--dictionary",
        s(&politics),
        "--charts",
        "none",
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let err = stderr(&made);
    let line = format!(
        "the dictionary tables (the dictionary has phrases, whose words must be next to \
         each other in their order: {}:11 'специальн* военн* операци*'",
        s(&politics)
    );
    assert!(err.contains(&line), "{err}");
    assert!(!phrases.join("dictionary.csv").exists() && phrases.join("freq.csv").exists());
}

#[test]
fn bad_folders_of_counts_are_named_without_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let good = t.join("good");
    ok(&["count", s(&seed()), "--out", s(&good), "-q"]);
    let copy = |name: &str| {
        let dir = t.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for e in std::fs::read_dir(&good).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
        dir
    };
    let twin = copy("twin");
    let corrupt = copy("corrupt");
    std::fs::write(corrupt.join("terms.parquet"), b"not parquet at all").unwrap();
    let version = copy("version");
    let json = std::fs::read_to_string(version.join("count.json")).unwrap();
    std::fs::write(
        version.join("count.json"),
        json.replace("\"schema_version\": 2", "\"schema_version\": 7"),
    )
    .unwrap();
    let foreign = copy("foreign");
    std::fs::write(
        foreign.join("count.json"),
        "{\"format\": \"something else\"}",
    )
    .unwrap();
    let missing = copy("missing");
    std::fs::remove_file(missing.join("totals.parquet")).unwrap();
    let swapped = copy("swapped");
    std::fs::copy(
        swapped.join("triples.parquet"),
        swapped.join("pairs.parquet"),
    )
    .unwrap();
    let separate = t.join("separate");
    ok(&[
        "count",
        s(&seed()),
        "--out",
        s(&separate),
        "--interpreted",
        "separate",
        "-q",
    ]);
    let absent = t.join("absent");
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec![s(&absent)], format!("{}: no such folder", s(&absent))),
        (
            vec![s(t)],
            format!(
                "{}: not a folder of stenogram counts (there is no count.json)",
                s(t)
            ),
        ),
        (
            vec![s(&corrupt)],
            format!(
                "{}: not a Parquet file of stenogram counts",
                s(&corrupt.join("terms.parquet"))
            ),
        ),
        (
            vec![s(&version)],
            format!(
                "{}: counts of schema version 7, but this stenogram reads version 2",
                s(&version)
            ),
        ),
        (
            vec![s(&foreign)],
            format!(
                "{}: not the metadata of stenogram counts",
                s(&foreign.join("count.json"))
            ),
        ),
        (
            vec![s(&missing)],
            s(&missing.join("totals.parquet")).to_string(),
        ),
        (
            vec![s(&swapped)],
            format!(
                "{}: no column 'punct': not a file of stenogram counts",
                s(&swapped.join("pairs.parquet"))
            ),
        ),
        (
            vec![s(&good), s(&twin)],
            format!("is counted 2 times ({}, {})", s(&good), s(&twin)),
        ),
        (
            vec![s(&separate)],
            format!(
                "{}: counted with --interpreted separate, but this report with include",
                s(&separate)
            ),
        ),
    ];
    let report = t.join("out");
    for (dirs, message) in cases {
        let mut args = vec!["report", "--out", s(&report), "-q", "--from-counts"];
        args.extend(&dirs);
        let out = run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{dirs:?}: {err}");
        assert!(
            err.contains(&message),
            "{dirs:?}: expected '{message}' in: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}
