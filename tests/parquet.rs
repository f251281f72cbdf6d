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
    // The previews link the files written (the methods still name the tables by their CSV names).
    assert!(page.contains("href=\"freq.parquet\"") && page.contains("keyness.parquet</a>"));
    assert!(!page.contains(".csv\""), "every link names a file written");
    // Speakers' word lists too, with the rows of freq.parquet for that speaker.
    let lists: i64 = (parquet.iter())
        .filter(|p| p.starts_with("speakers"))
        .map(|p| rows(&out.path().join(p)))
        .sum();
    assert!(lists > 0 && lists < rows(&out.path().join("freq.parquet")));
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
