//! The documentation against the code: `docs/formats.md` lists every table the report writes with exactly its
//! columns (types checked against real reports) and every chart; every relative link of the README,
//! CONTRIBUTING.md and `docs/` points to a file (and heading) that exists; the README's test command is the one
//! `.ci/run` runs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use stenogram::report::charts::CHARTS;
use stenogram::report::tables::TABLES;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The lines of a Markdown text outside fenced code blocks, with their 1-based numbers.
fn prose_lines(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push((i + 1, line));
        }
    }
    out
}

/// A heading: its level and text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6)
        .contains(&level)
        .then(|| line[level..].strip_prefix(' '))
        .flatten()
        .map(|text| (level, text.trim()))
}

/// The cells of a table row (`| a | b |`), trimmed and without backticks.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner
        .split('|')
        .map(|c| c.trim().trim_matches('`').to_string())
        .collect()
}

/// The data rows of the first table after the line `from` (its header row and separator skipped), up to the next
/// heading.
fn first_table<'a>(lines: &[(usize, &'a str)], from: usize) -> Vec<(usize, &'a str)> {
    let mut rows = Vec::new();
    for &(n, line) in &lines[from..] {
        if heading(line).is_some() {
            break;
        }
        if line.starts_with('|') {
            rows.push((n, line));
        } else if !rows.is_empty() {
            break;
        }
    }
    rows.into_iter().skip(2).collect()
}

/// A column's documented type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    Int,
    Float,
    Bool,
    Date,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "string" => Kind::Str,
            "integer" => Kind::Int,
            "float" => Kind::Float,
            "bool" => Kind::Bool,
            "date" => Kind::Date,
            _ => return None,
        })
    }

    /// Whether `value` is written as this type is: floats always with a point or exponent (or `NaN`), so a float
    /// column documented as integer, or the reverse, is caught.
    fn admits(self, value: &str) -> bool {
        match self {
            Kind::Str => true,
            Kind::Int => value.parse::<i64>().is_ok(),
            Kind::Float => value.parse::<f64>().is_ok() && value.parse::<i64>().is_err(),
            Kind::Bool => value == "true" || value == "false",
            Kind::Date => {
                value.is_empty() || chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
            }
        }
    }

    /// Whether a Parquet column of type `ty` holds this type.
    fn in_parquet(self, ty: &arrow_schema::DataType) -> bool {
        use arrow_schema::DataType as T;
        matches!(
            (self, ty),
            (Kind::Str, T::Utf8)
                | (Kind::Int, T::Int64)
                | (Kind::Float, T::Float64)
                | (Kind::Bool, T::Boolean)
                | (Kind::Date, T::Date32)
        )
    }
}

/// Every `### NAME.csv` section of `docs/formats.md`: its columns (name, type) in order, with the line of each.
fn documented_tables() -> BTreeMap<String, Vec<(String, String, usize)>> {
    let text = read("docs/formats.md");
    let lines = prose_lines(&text);
    let mut tables = BTreeMap::new();
    for (i, &(n, line)) in lines.iter().enumerate() {
        let Some((3, name)) = heading(line) else {
            continue;
        };
        let name = name.trim_matches('`');
        if !name.ends_with(".csv") {
            continue;
        }
        let columns = first_table(&lines, i + 1)
            .into_iter()
            .map(|(n, row)| {
                let c = cells(row);
                assert!(
                    c.len() >= 3,
                    "docs/formats.md:{n}: a column row is `| name | type | meaning |`"
                );
                (c[0].clone(), c[1].clone(), n)
            })
            .collect();
        assert!(
            tables.insert(name.to_string(), columns).is_none(),
            "docs/formats.md:{n}: a second section for {name}"
        );
    }
    tables
}

#[test]
fn formats_lists_every_table_with_exactly_its_columns() {
    let documented = documented_tables();
    let mut registered = BTreeSet::new();
    for (file, header) in TABLES.iter().flat_map(|t| t.files()) {
        registered.insert(file);
        let Some(columns) = documented.get(file) else {
            panic!(
                "docs/formats.md has no section `### {file}`: add one with a table `| column | type | meaning |` \
                 listing {header}"
            );
        };
        let names: Vec<&str> = columns.iter().map(|c| c.0.as_str()).collect();
        let expected: Vec<&str> = header.split(',').collect();
        assert_eq!(
            names, expected,
            "docs/formats.md, `### {file}`: the columns must be the header's, in order"
        );
        for (name, kind, n) in columns {
            assert!(
                Kind::parse(kind).is_some(),
                "docs/formats.md:{n}: {file}: the type of {name} is string, integer, float, bool or date, not {kind:?}"
            );
        }
    }
    for name in documented.keys() {
        assert!(
            registered.contains(name.as_str()),
            "docs/formats.md documents {name}, which no table of the registry writes"
        );
    }
}

/// Checks every documented column type against the values of the report in `dir` (tables absent there are
/// skipped); returns how many values were checked.
fn check_types(dir: &Path, what: &str) -> usize {
    let documented = documented_tables();
    let mut checked = 0;
    for (file, _) in TABLES.iter().flat_map(|t| t.files()) {
        let Ok(mut reader) = csv::Reader::from_path(dir.join(file)) else {
            continue;
        };
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let kinds: Vec<(Kind, usize)> = header
            .iter()
            .map(|h| {
                let (_, kind, n) = documented[file]
                    .iter()
                    .find(|c| &c.0 == h)
                    .unwrap_or_else(|| panic!("{what}/{file}: column {h} is not documented"));
                (Kind::parse(kind).unwrap(), *n)
            })
            .collect();
        for record in reader.records() {
            let record = record.unwrap();
            for (i, value) in record.iter().enumerate() {
                let (kind, n) = kinds[i];
                assert!(
                    kind.admits(value),
                    "docs/formats.md:{n}: {file}: column {} is documented as {kind:?}, but {what} has {value:?}",
                    header[i]
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn documented_column_types_are_the_parquet_types() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let out = tempfile::tempdir().unwrap();
    let dictionary = root().join("docs/examples/politics.yml");
    let done = crate::support::run(&[
        "report",
        "corpus",
        "--format",
        "parquet",
        "--charts",
        "none",
        "--matrix",
        "--dictionary",
        dictionary.to_str().unwrap(),
        "--quiet",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(done.status.success());
    let documented = documented_tables();
    let mut checked = 0;
    for (file, _) in TABLES.iter().flat_map(|t| t.files()) {
        let Some(stem) = file.strip_suffix(".csv") else {
            continue;
        };
        let path = out.path().join(format!("{stem}.parquet"));
        let reader =
            std::fs::File::open(&path).unwrap_or_else(|_| panic!("{stem}.parquet is written"));
        let schema = ParquetRecordBatchReaderBuilder::try_new(reader)
            .unwrap()
            .schema()
            .clone();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let columns: Vec<&str> = documented[file].iter().map(|c| c.0.as_str()).collect();
        assert_eq!(names, columns, "{stem}.parquet");
        for (field, (name, kind, n)) in schema.fields().iter().zip(&documented[file]) {
            let kind = Kind::parse(kind).unwrap();
            assert!(
                kind.in_parquet(field.data_type()),
                "docs/formats.md:{n}: {file}: {name} is documented as {kind:?}, but its Parquet column is {:?}",
                field.data_type()
            );
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked} columns");
}

#[test]
fn documented_column_types_hold_in_real_reports() {
    assert!(check_types(&root().join("reports"), "reports") > 1000);
    let kremlin = root().join("../shared/corpus/kremlin");
    if !kremlin.exists() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{} is missing, and CI=true requires it",
            kremlin.display()
        );
        eprintln!(
            "skipped: {} is absent (the committed reports/ were checked)",
            kremlin.display()
        );
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .arg("report")
        .arg(&kremlin)
        .args(["--matrix", "--charts", "none", "--quiet", "--out"])
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(check_types(out.path(), "a report of ../shared/corpus/kremlin") > 100_000);
}

#[test]
fn formats_lists_every_chart_with_its_title() {
    let text = read("docs/formats.md");
    let lines = prose_lines(&text);
    let at = lines
        .iter()
        .position(|&(_, l)| heading(l) == Some((2, "Charts")))
        .expect("docs/formats.md has a section `## Charts`");
    let documented: Vec<(String, String)> = first_table(&lines, at + 1)
        .into_iter()
        .map(|(_, row)| {
            let c = cells(row);
            (c[0].clone(), c[1].clone())
        })
        .collect();
    let registered: Vec<(String, String)> = CHARTS
        .iter()
        .map(|c| (c.stem.to_string(), c.title.to_string()))
        .collect();
    assert_eq!(
        documented, registered,
        "docs/formats.md, `## Charts`: one row per chart of the registry, in order, `| stem | title | what it shows |`"
    );
}

/// GitHub's anchor of a heading: lowercase, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown file's headings (a repeated heading gets `-1`, `-2`, … as on GitHub).
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    for (_, line) in prose_lines(text) {
        if let Some((_, h)) = heading(line) {
            let base = slug(h);
            let count = seen.entry(base.clone()).or_default();
            out.insert(if *count == 0 {
                base.clone()
            } else {
                format!("{base}-{count}")
            });
            *count += 1;
        }
    }
    out
}

/// The link targets of a Markdown line, code spans left out.
fn link_targets(line: &str) -> Vec<String> {
    let mut prose = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            prose.push_str(part);
        }
    }
    let mut out = Vec::new();
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find(')').unwrap_or(after.len());
        out.push(after[..end].trim().to_string());
        rest = &after[end..];
    }
    out
}

/// The Markdown files whose links are checked.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

#[test]
fn relative_links_point_to_existing_files_and_headings() {
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let shown = doc.strip_prefix(root()).unwrap().display().to_string();
        for (n, line) in prose_lines(&text) {
            for target in link_targets(line) {
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = match target.split_once('#') {
                    Some((p, a)) => (p, Some(a)),
                    None => (target.as_str(), None),
                };
                let file = if path.is_empty() {
                    doc.clone()
                } else {
                    doc.parent().unwrap().join(path)
                };
                assert!(
                    file.exists(),
                    "{shown}:{n}: the link {target} points to {}, which does not exist",
                    file.display()
                );
                if let Some(anchor) = anchor {
                    let linked = std::fs::read_to_string(&file).unwrap_or_default();
                    assert!(
                        anchors(&linked).contains(anchor),
                        "{shown}:{n}: the link {target}: {} has no heading with the anchor #{anchor}",
                        file.display()
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked} links");
}

#[test]
fn the_readme_starts_with_the_report_and_the_ci_test_command() {
    let readme = read("README.md");
    let block: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(
        block.first(),
        Some(&"cargo run --release -- report"),
        "the README's first command"
    );
    let ci = read(".ci/run");
    let ci_test = ci
        .lines()
        .skip_while(|l| !l.contains("The README's test command"))
        .nth(1)
        .expect(".ci/run: a line `# The README's test command:` before the command");
    assert_eq!(
        block.get(1).copied(),
        Some(ci_test.replace(" --locked", "").trim()),
        "the README's second command is the test command .ci/run runs"
    );
}

#[test]
fn methods_has_the_generated_region() {
    let methods = read("docs/methods.md");
    let begin = methods.matches("<!-- methods:begin -->").count();
    let end = methods.matches("<!-- methods:end -->").count();
    assert_eq!((begin, end), (1, 1), "docs/methods.md: one region");
    assert!(methods.find("<!-- methods:begin -->") < methods.find("<!-- methods:end -->"));
}
