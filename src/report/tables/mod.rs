//! The CSV tables: long (tidy) format, UTF-8 with a header, deterministic row order, numbers written in the
//! shortest form that reads back to the same `f64` (so they compare at any tolerance), `NaN` where undefined.
//!
//! **A registry.** Each table family is one file here: it owns its row type (or borrows the stats type it writes)
//! with the header ([`Row::HEADER`]), shapes its rows from the analysed corpus, writes its files, and says on the
//! page what they hold and how their numbers are computed ([`Table::method`]). [`TABLES`] lists them in the order
//! the page shows them. No table reads what another made: a statistic several share is asked of the [`Context`],
//! which computes it once on first use, so the tables can be made in any order. A new table is one new file plus
//! one line in [`TABLES`]; the smallest, [`transitions`], has the whole shape. Here is a new one, made outside the
//! registry (the list would call its `make` the same way):
//!
//! ```
//! use serde::Serialize;
//! use stenogram::report::tables::{write_table, Row, Table};
//! use stenogram::report::{Context, Made, ReportConfig, WriteError};
//!
//! /// One row of `longest_turns.csv`.
//! #[derive(Serialize)]
//! struct LongestTurn<'a> {
//!     speaker: &'a str,
//!     words: usize,
//! }
//!
//! impl Row for LongestTurn<'_> {
//!     const HEADER: &'static str = "speaker,words";
//!     const TYPES: &'static str = "str,int";
//! }
//!
//! /// `longest_turns.csv`: each speaker's longest turn.
//! struct LongestTurns;
//!
//! impl Table for LongestTurns {
//!     fn files(&self) -> Vec<(&'static str, &'static str)> {
//!         vec![("longest_turns.csv", LongestTurn::HEADER)]
//!     }
//!     fn phase(&self) -> &'static str {
//!         "longest turns"
//!     }
//!     fn method(&self) -> &'static str {
//!         "Each speaker's longest turn in word tokens of its spoken text."
//!     }
//!     fn make(&self, cx: &Context) -> Result<Made, WriteError> {
//!         let corpus = cx.corpus;
//!         let rows: Vec<LongestTurn> = (0..corpus.speakers.len())
//!             .map(|s| LongestTurn {
//!                 speaker: &corpus.speakers[s],
//!                 words: corpus.turns.iter().filter(|t| t.speaker as usize == s).map(|t| t.len()).max().unwrap_or(0),
//!             })
//!             .collect();
//!         write_table(cx, "longest_turns.csv", "Each speaker's longest turn, in words.", &rows)
//!     }
//! }
//!
//! let text = "В.Путин: Добрый день, коллеги.\nА.Лукашенко: Здравствуйте.\n";
//! let (file, _) = stenogram::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default())?;
//! let corpus = stenogram::corpus::analyse(&[&file.meeting], &Default::default());
//! let out = tempfile::tempdir()?;
//! let config = ReportConfig { out: out.path().to_path_buf(), ..ReportConfig::default() };
//! let cx = Context::new(&corpus, &[], &config);
//! let made = LongestTurns.make(&cx)?;
//! assert_eq!(made.previews[0].total, 2);
//! assert_eq!(made.files, ["longest_turns.csv"]);
//! let written = std::fs::read_to_string(out.path().join("longest_turns.csv"))?;
//! assert_eq!(written, "speaker,words\nА.Лукашенко,1\nВ.Путин,3\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use super::parquet::Columns;
pub use super::spool::{append_csv, Row};
use super::write::{write_csv, WriteError};
use super::{Context, ReportConfig};
use crate::stats::freq::ALL;
use crate::stats::lexdiv::LexicalDiversity;
use crate::stats::turns::TurnSummary;

pub mod attributes;
pub mod audit;
pub mod collocations;
pub mod consensus;
pub mod dictionary;
pub mod distances;
pub mod freq;
pub mod keyness;
pub mod keyness_periods;
pub mod lexdiv;
pub mod matrix;
pub mod meetings;
pub mod meetings_by_speaker;
pub mod name_parts;
pub mod names;
pub mod periods;
pub mod speakers;
pub mod term_map;
pub mod transitions;
pub mod trends;
pub mod turn_lengths;
pub mod turns;

/// Every table family, in the order of the page (and of making them).
pub static TABLES: &[&dyn Table] = &[
    &speakers::Speakers,
    &turn_lengths::TurnLengths,
    &lexdiv::LexDiv,
    &freq::Freq,
    &collocations::Collocations,
    &keyness::Keyness,
    &term_map::TermMap,
    &distances::DistancesTable,
    &consensus::ConsensusTable,
    &keyness_periods::KeynessPeriods,
    &names::Names,
    &name_parts::NameParts,
    &meetings_by_speaker::MeetingsBySpeaker,
    &trends::Trends,
    &periods::PeriodTables,
    &meetings::Meetings,
    &turns::Turns,
    &transitions::Transitions,
    &attributes::Attributes,
    &audit::AuditTable,
    &matrix::Matrix,
    &dictionary::DictionaryTables,
];

/// A table family: how its files are made and written.
pub trait Table: Sync {
    /// The tables of the family: (file name, header), in page order.
    fn files(&self) -> Vec<(&'static str, &'static str)>;
    /// What the progress display says while the table is made.
    fn phase(&self) -> &'static str;
    /// How the family's numbers are computed (formulas, sources, what is counted, in which view), for the page's
    /// methods section and `docs/methods.md` ([`super::methods`]): Markdown paragraphs, lists and `code`.
    fn method(&self) -> &'static str;
    /// Makes the family's rows from `cx` (asking it for the statistics it shares with other tables and charts,
    /// computed once on first use), writes its files, and returns what it made for the page: a preview of each of
    /// its tables in page order, every file written, and warnings.
    fn make(&self, cx: &Context) -> Result<Made, WriteError>;
    /// Whether the page says how the family is computed in a report made with `config` (a family written only
    /// with an option, such as `--dictionary`, is not described without it).
    fn shown(&self, _config: &ReportConfig) -> bool {
        true
    }
    /// Whether the family reads the corpus alone, no statistic a table before it computes (it may ask the context
    /// for one only it and later parts use), and is mostly serial, so that it is worth making ahead of its turn on
    /// a thread the tables before it leave idle ([`crate::report::ahead`]).
    fn ahead(&self) -> bool {
        false
    }
}

/// What tables made for the page and the user: previews, files written and warnings (nothing that another table
/// or a chart reads: those ask the [`Context`]).
#[derive(Debug, Default)]
pub struct Made {
    /// A preview of each table, in page order.
    pub previews: Vec<Preview>,
    /// Every file written, relative to the output directory (the previewed tables and the files that are not
    /// previewed, such as `speakers/NAME.csv`).
    pub files: Vec<String>,
    /// What the user should know of the options' effect (a term asked for that occurs nowhere, …).
    pub warnings: Vec<String>,
    /// What the user should know of what was left out, by design (speakers under `--min-words`, …).
    pub notes: Vec<String>,
}

impl Made {
    /// A table written, with its preview.
    pub fn table(preview: Preview) -> Made {
        Made {
            files: vec![preview.file.clone()],
            previews: vec![preview],
            warnings: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Adds what `other` made after what this made.
    pub fn append(&mut self, other: Made) {
        self.previews.extend(other.previews);
        self.files.extend(other.files);
        self.warnings.extend(other.warnings);
        self.notes.extend(other.notes);
    }
}

/// Writes `rows` as the table `file` (a name in the output directory) and returns its preview.
pub fn write_table<R: Row>(
    cx: &Context,
    file: &'static str,
    about: &'static str,
    rows: &[R],
) -> Result<Made, WriteError> {
    write_rows(cx, file, rows)?;
    Ok(Made::table(Preview::new(
        file,
        about,
        R::HEADER,
        rows,
        rows.len(),
        cx.config.top,
    )))
}

/// Writes `rows` as the table `file` (in their order) and previews the first rows in the order `order` gives: the
/// charted speakers' rows or the strongest results first, where the file's own order is by name.
pub fn write_table_ranked<R: Row>(
    cx: &Context,
    file: &'static str,
    about: &'static str,
    rows: &[R],
    order: impl Fn(&R, &R) -> std::cmp::Ordering,
) -> Result<Made, WriteError> {
    write_rows(cx, file, rows)?;
    Ok(Made::table(Preview::ranked(
        file,
        about,
        R::HEADER,
        rows,
        cx.config.top,
        order,
    )))
}

/// Writes `rows` as the table `file`.
pub fn write_rows<R: Row>(cx: &Context, file: &str, rows: &[R]) -> Result<(), WriteError> {
    let path = cx.config.out.join(file);
    if cx.config.format.csv() {
        let header: Vec<&str> = R::HEADER.split(',').collect();
        write_csv(&path, rows, &header)?;
    }
    if cx.config.format.parquet() {
        let twin = super::parquet::twin(&path);
        let columns = Columns::new(R::HEADER, R::TYPES).map_err(|cause| WriteError::Parquet {
            path: twin.display().to_string(),
            cause,
        })?;
        super::parquet::write_parquet(&twin, columns, rows)?;
    }
    Ok(())
}

/// What the page shows of a table: its file, what it holds, and its first rows as text.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The file, relative to the output directory.
    pub file: String,
    /// What the table holds, in a sentence.
    pub about: &'static str,
    /// The column names.
    pub columns: Vec<&'static str>,
    /// The first rows: each cell's text, and whether it is a number (right-aligned).
    pub rows: Vec<Vec<(String, bool)>>,
    /// Rows in the table.
    pub total: usize,
    /// The most rows a preview shows.
    pub limit: usize,
}

impl Preview {
    /// The preview of a table of `total` rows whose first rows are `rows`, showing up to `limit` of them.
    pub fn new<T: Serialize>(
        file: &str,
        about: &'static str,
        header: &'static str,
        rows: &[T],
        total: usize,
        limit: usize,
    ) -> Preview {
        let columns: Vec<&'static str> = header.split(',').collect();
        let rows = rows
            .iter()
            .take(limit)
            .map(|row| {
                let value = serde_json::to_value(row).unwrap_or_default();
                columns.iter().map(|c| cell(field(&value, c))).collect()
            })
            .collect();
        Preview {
            file: file.to_string(),
            about,
            columns,
            rows,
            total,
            limit,
        }
    }
}

impl Preview {
    /// The preview of the table `rows` showing the first `limit` rows in the order `order` gives (rows equal in it
    /// in the table's order).
    pub fn ranked<T: Serialize>(
        file: &str,
        about: &'static str,
        header: &'static str,
        rows: &[T],
        limit: usize,
        order: impl Fn(&T, &T) -> std::cmp::Ordering,
    ) -> Preview {
        let mut first: Vec<(usize, &T)> = rows.iter().enumerate().collect();
        let by = |a: &(usize, &T), b: &(usize, &T)| order(a.1, b.1).then(a.0.cmp(&b.0));
        if first.len() > limit && limit > 0 {
            first.select_nth_unstable_by(limit - 1, by);
            first.truncate(limit);
        }
        first.sort_by(by);
        let shown: Vec<&T> = first.into_iter().map(|(_, r)| r).collect();
        Preview::new(file, about, header, &shown, rows.len(), limit)
    }
}

/// The field `name` of a row: of the row itself, or of the first of its parts that has it (a row may be a tuple
/// of structs, as `(Where, &TurnSummary)`, whose CSV columns are the parts' fields in order).
fn field<'v>(row: &'v serde_json::Value, name: &str) -> &'v serde_json::Value {
    let found = match row {
        serde_json::Value::Array(parts) => parts.iter().find_map(|p| p.get(name)),
        _ => row.get(name),
    };
    found.unwrap_or(&serde_json::Value::Null)
}

/// The first columns of a row about a speaker overall (`meeting` = `*`, no date) or in one meeting.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Where<'a> {
    /// Speaker.
    pub speaker: &'a str,
    /// Meeting id or `*`.
    pub meeting: &'a str,
    /// Date of the meeting (empty for `*`).
    pub date: Option<NaiveDate>,
}

impl<'a> Where<'a> {
    /// The rows of every speaker: overall, then in each meeting in date order, with the profile part `of` gives.
    pub fn speakers_and_meetings<T>(
        cx: &'a Context,
        of: impl Fn(&'a (TurnSummary, LexicalDiversity)) -> &'a T,
    ) -> Result<Vec<(Where<'a>, &'a T)>, WriteError> {
        let (corpus, profiles) = (cx.corpus, cx.profiles()?);
        let mut rows = Vec::new();
        for (&s, profile) in &profiles.speakers {
            let speaker = corpus.speakers[s as usize].as_str();
            let all = Where {
                speaker,
                meeting: ALL,
                date: None,
            };
            rows.push((all, of(profile)));
            for (m, profile) in profiles.meetings_of(s) {
                let info = &corpus.meetings[m as usize];
                let place = Where {
                    speaker,
                    meeting: &info.id,
                    date: info.date,
                };
                rows.push((place, of(profile)));
            }
        }
        Ok(rows)
    }
}

/// A value as the page shows it: integers as they are, other numbers with four decimals, nothing for undefined.
fn cell(v: &serde_json::Value) -> (String, bool) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                (i.to_string(), true)
            } else if let Some(f) = n.as_f64() {
                (format!("{f:.4}"), true)
            } else {
                (n.to_string(), true)
            }
        }
        serde_json::Value::Null => (String::new(), false),
        serde_json::Value::Bool(b) => (b.to_string(), false),
        serde_json::Value::String(s) => (s.clone(), false),
        other => (other.to_string(), false),
    }
}

/// What the tables' unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// The seed transcript of `corpus/`, analysed.
    pub fn seed() -> crate::corpus::Corpus {
        let file = seed_file();
        crate::corpus::analyse(&[&file.meeting], &Default::default())
    }

    /// The seed transcript of `corpus/`, read.
    pub fn seed_file() -> crate::transcript::ReadFile {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/2022-11-28_talks-kazakhstan-tokayev.txt"
        );
        let bytes = std::fs::read(path).unwrap();
        crate::transcript::read_bytes(path, &bytes, &Default::default())
            .unwrap()
            .0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample<'a> {
        name: &'a str,
        count: u64,
        share: Option<f64>,
    }

    impl Row for Sample<'_> {
        const HEADER: &'static str = "name,count,share";
        const TYPES: &'static str = "str,int,f64";
    }

    #[test]
    fn rows_append_what_the_csv_crate_writes_and_previews_format_cells() {
        let rows = [
            Sample {
                name: "a, \"b\"",
                count: 3,
                share: Some(0.25),
            },
            Sample {
                name: "c",
                count: 0,
                share: None,
            },
        ];
        let mut out = Vec::new();
        for r in &rows {
            r.append(&mut out).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a, \"\"b\"\"\",3,0.25\nc,0,\n"
        );
        let preview = Preview::new("t.csv", "", Sample::HEADER, &rows, 2, 1);
        assert_eq!(preview.columns, ["name", "count", "share"]);
        assert_eq!(
            preview.rows,
            [vec![
                ("a, \"b\"".to_string(), false),
                ("3".to_string(), true),
                ("0.2500".to_string(), true)
            ]]
        );
    }
}
