//! `--format parquet|both`: every table as Parquet beside or instead of its CSV, the CSV unchanged, the files
//! named on the page and tidied like the CSVs. (The values are compared with the CSVs by pandas, polars and DuckDB
//! in `python/tests/test_parquet_tables.py`.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use parquet::file::reader::{FileReader, SerializedFileReader};

use crate::support::{run, seed, shared, stderr};

fn report(corpus: &Path, out: &Path, format: &str, extra: &[&str]) {
    let mut args = vec![
        "report",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        format,
        "--charts",
        "none",
        "--quiet",
    ];
    args.extend(extra);
    let done = run(&args);
    assert!(done.status.success(), "{}", stderr(&done));
}

/// Files of a report with the extension `ext`, relative.
fn named(dir: &Path, ext: &str) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect()
}

fn rows(path: &Path) -> i64 {
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader.metadata().file_metadata().num_rows()
}

#[test]
fn both_writes_the_same_csv_and_a_parquet_twin_of_every_table() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let dictionary = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/politics.yml");
    let extra = [
        "--matrix",
        "--min-words",
        "1000",
        "--dictionary",
        dictionary.to_str().unwrap(),
    ];
    let (csv, both) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    report(&kremlin, csv.path(), "csv", &extra);
    report(&kremlin, both.path(), "both", &extra);
    let tables = named(csv.path(), "csv");
    assert!(tables.len() > 60, "{} tables", tables.len());
    assert!(
        named(csv.path(), "parquet").is_empty(),
        "csv writes no Parquet"
    );
    assert_eq!(named(both.path(), "csv"), tables);
    let twins: BTreeSet<PathBuf> = tables.iter().map(|t| t.with_extension("parquet")).collect();
    assert_eq!(named(both.path(), "parquet"), twins);
    for table in &tables {
        let text = std::fs::read(csv.path().join(table)).unwrap();
        assert_eq!(
            text,
            std::fs::read(both.path().join(table)).unwrap(),
            "{}",
            table.display()
        );
        let lines = text.iter().filter(|&&b| b == b'\n').count() as i64 - 1;
        // A cell may hold a newline (a title), so rows are at most the lines.
        let parquet = rows(&both.path().join(table.with_extension("parquet")));
        assert!(
            parquet <= lines && parquet * 2 >= lines,
            "{}: {parquet} rows, {lines} lines",
            table.display()
        );
    }
    // With both formats the page is the CSV report's (its links name the CSVs, each with a twin).
    let page = std::fs::read_to_string(both.path().join("index.html")).unwrap();
    assert_eq!(
        page,
        std::fs::read_to_string(csv.path().join("index.html")).unwrap()
    );
}

#[test]
fn parquet_alone_replaces_the_csv_tables_and_the_page_names_them() {
    let out = tempfile::tempdir().unwrap();
    report(&seed(), out.path(), "csv", &[]);
    let csvs = named(out.path(), "csv");
    assert!(csvs.contains(Path::new("freq.csv")));
    report(&seed(), out.path(), "parquet", &[]);
    assert!(
        named(out.path(), "csv").is_empty(),
        "the previous report's CSVs are tidied away"
    );
    let parquet = named(out.path(), "parquet");
    let twins: BTreeSet<PathBuf> = csvs.iter().map(|t| t.with_extension("parquet")).collect();
    assert_eq!(parquet, twins);
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    // The previews link the files written.
    assert!(page.contains("href=\"freq.parquet\"") && page.contains("keyness.parquet</a>"));
    assert!(!page.contains(".csv\""), "every link names a file written");
    // Speakers' word lists too, with the rows of freq.parquet for that speaker.
    let lists: i64 = (parquet.iter())
        .filter(|p| p.starts_with("speakers"))
        .map(|p| rows(&out.path().join(p)))
        .sum();
    assert!(lists > 0 && lists < rows(&out.path().join("freq.parquet")));
}

/// Every place `text` says `.csv`, with the words before it (for a failing assertion's message).
fn csv_mentions(text: &str) -> Vec<String> {
    text.match_indices(".csv")
        .map(|(at, _)| {
            let before: Vec<char> = text[..at].chars().rev().take(60).collect();
            before.into_iter().rev().collect::<String>() + ".csv"
        })
        .collect()
}

/// A report of the seed as `format`, with a warning (a term said nowhere) and a note (every speaker under
/// `--min-words`): its page and stderr.
fn seed_report(out: &Path, format: &str) -> (String, String) {
    let done = run(&[
        "report",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        format,
        "--charts",
        "svg",
        "--terms",
        "нет такого слова",
        "--min-words",
        "100000",
    ]);
    assert!(done.status.success(), "{}", stderr(&done));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    (page, stderr(&done))
}

#[test]
fn parquet_texts_name_the_parquet_files() {
    // The page's sentences, the method texts, the tables' descriptions and what stderr says name the files
    // written: no `.csv` anywhere (the seed's only input is a `.txt`), `speakers/NAME.parquet` for the word lists.
    let out = tempfile::tempdir().unwrap();
    let (page, told) = seed_report(out.path(), "parquet");
    assert_eq!(csv_mentions(&page), Vec::<String>::new());
    assert_eq!(csv_mentions(&told), Vec::<String>::new());
    // What would have said `.csv` says `.parquet`: the note of distances (stderr and the page), the methods.
    assert!(told.contains("left out of distances.parquet"), "{told}");
    for said in [
        "left out of distances.parquet",
        "<code>speakers/NAME.parquet</code>",
        "<code>freq.parquet</code>",
        "a Parquet file with typed columns",
    ] {
        assert!(page.contains(said), "{said}");
    }
    // With CSV the same texts say `.csv`, and nothing says `.parquet`.
    let csv = tempfile::tempdir().unwrap();
    let (page, told) = seed_report(csv.path(), "csv");
    assert!(page.contains("left out of distances.csv") && !page.contains(".parquet"));
    assert!(told.contains("left out of distances.csv") && !told.contains(".parquet"));
}

#[test]
fn parquet_from_counts_notes_name_the_parquet_files() {
    let dir = tempfile::tempdir().unwrap();
    let counts = dir.path().join("counts");
    let out = dir.path().join("report");
    let done = run(&[
        "count",
        seed().to_str().unwrap(),
        "--out",
        counts.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(done.status.success(), "{}", stderr(&done));
    let done = run(&[
        "report",
        "--from-counts",
        counts.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "parquet",
        "--charts",
        "none",
    ]);
    assert!(done.status.success(), "{}", stderr(&done));
    let told = stderr(&done);
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        told.contains("these tables are not made: speakers.parquet (turn lengths"),
        "{told}"
    );
    assert!(page.contains("these tables are not made: speakers.parquet (turn lengths"));
    assert_eq!(csv_mentions(&page), Vec::<String>::new());
    assert_eq!(csv_mentions(&told), Vec::<String>::new());
}

#[test]
fn a_bad_format_is_a_usage_error() {
    let done = run(&["report", "--format", "xlsx", "--out", "/nonexistent"]);
    assert_eq!(done.status.code(), Some(1));
    assert!(
        stderr(&done).contains("possible values: csv, parquet, both"),
        "{}",
        stderr(&done)
    );
}
