//! The report: an analysed corpus to CSV tables, charts (PNG and SVG) and one self-contained `index.html`.
//!
//! [`run`] makes every table of the registry [`tables::TABLES`] in turn, then draws every chart of
//! [`charts::CHARTS`], then writes the page ([`html`]). A [`Context`] carries the corpus, the configuration and the
//! statistics several of them share, each computed once on first use ([`context`]), so that any table or chart can
//! be made in any order; what a table made for the page (its previews, files and warnings) is its [`Made`]. Every
//! file is written to a temporary name and renamed into place ([`mod@write`]); tables made group by group go through
//! one engine ([`spool`]).
//! An [`Observer`] hears of each phase (progress display, timings, memory).

use std::path::PathBuf;

use crate::corpus::{Corpus, View};
use crate::stats::colloc::CollocOptions;
use crate::stats::keyness::Reference;
use crate::stats::periods::Period;
use crate::transcript::Audit;

pub mod ahead;
pub mod charts;
pub mod context;
pub mod from_counts;
pub mod html;
pub mod manifest;
pub mod methods;
pub mod named;
pub mod newick;
pub mod parquet;
pub mod spool;
pub mod tables;
pub mod write;

pub use context::{leaders, pair, Context};
pub use methods::markdown as methods_markdown;
pub use parquet::TableFormat;
pub use tables::Made;
pub use write::WriteError;

/// Which chart formats to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formats {
    /// PNG only.
    Png,
    /// SVG only.
    Svg,
    /// PNG and SVG.
    Both,
    /// No charts.
    None,
}

/// How to make the report.
#[derive(Debug, Clone)]
pub struct ReportConfig {
    /// Output directory.
    pub out: PathBuf,
    /// Rows per chart panel and per HTML table.
    pub top: usize,
    /// Minimum count for collocations and keyness.
    pub min_count: u64,
    /// Speakers for the charts, in this order (all speakers' rows are still in the tables).
    pub speakers: Option<Vec<String>>,
    /// Terms for the trends table and the x-ray chart (the corpus's most frequent content words when empty).
    pub terms: Vec<String>,
    /// Term view for keyness, trends and the top-words chart.
    pub view: View,
    /// Chart formats.
    pub charts: Formats,
    /// MATTR window.
    pub mattr_window: usize,
    /// Keyness reference.
    pub reference: Reference,
    /// The two speakers the keyness chart compares (default: the first two charted speakers, or the first against
    /// the reference speaker).
    pub pair: Option<(String, String)>,
    /// Collocation options.
    pub colloc: CollocOptions,
    /// How measures across time group meetings (default: chosen from the time span, [`Period::readable`]).
    pub period: Option<Period>,
    /// Write `matrix.csv` (every count by meeting, speaker and term).
    pub matrix: bool,
    /// Terms in the Delta measures of `distances.csv` (one number, or a range whose largest size is used there),
    /// and the sizes of the consensus tree (a range; one number: [`crate::stats::mfw::CONSENSUS_SIZES`]).
    pub mfw: crate::stats::mfw::Mfw,
    /// Words a speaker needs to be in the distances.
    pub min_words: u64,
    /// The meeting of the x-ray chart, by id (default: the one with the most words).
    pub xray_meeting: Option<String>,
    /// Words a period needs for its points in the charts across time (a rate on fewer words is noise).
    pub min_period_words: u64,
    /// The content-analysis dictionaries of `--dictionary`, merged (no dictionary tables or charts without).
    pub dictionary: Option<crate::text::dictionary::Dictionary>,
    /// The tables' files: CSV, Parquet or both (`--format`).
    pub format: TableFormat,
    /// The corpus was rebuilt from counts ([`crate::corpus::counts`]): only the tables and charts that counts
    /// allow are made ([`from_counts`]), and the page says which are not.
    pub from_counts: bool,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            out: PathBuf::from("reports"),
            top: 15,
            min_count: 3,
            speakers: None,
            terms: Vec::new(),
            view: View::Lemma,
            charts: Formats::Both,
            mattr_window: crate::stats::lexdiv::MATTR_WINDOW,
            reference: Reference::Others,
            pair: None,
            colloc: CollocOptions::default(),
            period: None,
            matrix: false,
            mfw: crate::stats::mfw::Mfw::default(),
            min_words: crate::stats::distance::MIN_WORDS,
            min_period_words: MIN_PERIOD_WORDS,
            xray_meeting: None,
            dictionary: None,
            format: TableFormat::Csv,
            from_counts: false,
        }
    }
}

/// The default of [`ReportConfig::min_period_words`]: a rate per 10,000 words from fewer than 1,000 words moves by
/// 10 with every occurrence.
pub const MIN_PERIOD_WORDS: u64 = 1_000;

/// Hears what the report is doing: called as each phase starts (reading, each table, the charts, the page).
pub trait Observer {
    /// A phase starts; `name` says what it does ("frequencies", "charts", …).
    fn phase(&mut self, name: &str);
}

/// An observer that does nothing.
impl Observer for () {
    fn phase(&mut self, _name: &str) {}
}

/// What a report run wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// Files, relative to the output directory.
    pub files: Vec<String>,
    /// What the user should know of the options' effect (a term asked for that occurs nowhere, …).
    pub warnings: Vec<String>,
    /// What the user should know of what was left out, by design (speakers under `--min-words`, …).
    pub notes: Vec<String>,
    /// What became of the output folder: files of the previous report removed, other files left alone.
    pub tidied: manifest::Tidied,
}

/// Makes every table family the report has, in page order; the families that read the corpus alone are offered
/// to idle threads from the start ([`ahead`]).
fn make_tables(cx: &Context, observer: &mut dyn Observer) -> Result<Made, WriteError> {
    let families: Vec<ahead::Ahead> = tables::TABLES
        .iter()
        .filter(|t| from_counts::table(cx.config, &t.files()))
        .map(|&t| ahead::Ahead::new(t))
        .collect();
    rayon::in_place_scope(|scope| {
        for family in families.iter().filter(|f| f.table().ahead()) {
            scope.spawn(move |_| family.make_early(cx));
        }
        let mut made = Made::default();
        for family in &families {
            observer.phase(family.table().phase());
            made.append(family.take(cx)?);
        }
        Ok(made)
    })
}

/// Writes the whole report; `audits` are the parse audits of the files read.
pub fn run(
    corpus: &Corpus,
    audits: &[Audit],
    config: &ReportConfig,
    observer: &mut dyn Observer,
) -> Result<Written, WriteError> {
    let out = &config.out;
    write::output_dir(out)?;
    let cx = Context::new(corpus, audits, config);
    let mut made = make_tables(&cx, observer)?;
    // The tables say their CSV names; the files are those of the format asked for.
    made.files = (made.files.iter())
        .flat_map(|f| config.format.files(f))
        .collect();
    for preview in &mut made.previews {
        preview.file = config.format.named(&preview.file).into_owned();
    }
    // So do the texts: what the user is told names the files written.
    for told in made.warnings.iter_mut().chain(&mut made.notes) {
        *told = named::named(config.format, told).into_owned();
    }
    observer.phase("charts");
    let drawn = charts::draw_all(&cx)?;
    made.files.extend(drawn.iter().cloned());
    observer.phase("html");
    let page = html::page(&cx, &made.previews, &drawn)?;
    let path = out.join("index.html");
    write::atomic_write(&path, |w| {
        w.write_all(page.as_bytes())
            .map_err(|source| WriteError::Io {
                path: path.display().to_string(),
                cause: source,
            })
    })?;
    made.files.push("index.html".into());
    made.notes.extend(from_counts::note(config));
    let tidied = manifest::tidy(out, &made.files)?;
    Ok(Written {
        files: made.files,
        warnings: made.warnings,
        notes: made.notes,
        tidied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{analyse, AnalysisOptions};
    use crate::transcript::{read_bytes, ReadOptions};

    #[test]
    fn written_names_every_file_of_the_report_once() {
        let text = "В.Путин: Добрый день, коллеги. Рад вас видеть.\nА.Лукашенко: Здравствуйте.\n";
        let (file, _) = read_bytes("t.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
        let corpus = analyse(&[&file.meeting], &AnalysisOptions::default());
        let dir = tempfile::tempdir().unwrap();
        let config = ReportConfig {
            out: dir.path().join("r"),
            matrix: true,
            ..ReportConfig::default()
        };
        let written = run(&corpus, &[file.audit], &config, &mut ()).unwrap();
        let mut named: Vec<String> = written.files;
        named.sort();
        let mut found: Vec<String> = walkdir::WalkDir::new(&config.out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(&config.out).unwrap();
                path.to_string_lossy().into_owned()
            })
            .filter(|p| p != manifest::MANIFEST)
            .collect();
        found.sort();
        assert_eq!(named, found);
        // The manifest lists them all.
        let listed = std::fs::read_to_string(config.out.join(manifest::MANIFEST)).unwrap();
        assert_eq!(listed.lines().skip(1).collect::<Vec<_>>(), named);
        // 23 tables (the matrix, the name parts, the attributes, the two period tables and the pairs' stability
        // included; no consensus.nwk of two speakers), 2 speakers' files, 13 charts in 2 formats (no term map: the two
        // share no word three times; distances, the consensus tree and periods say why they are empty), the page.
        assert_eq!(found.len(), 23 + 2 + 26 + 1);
    }

    #[test]
    fn tokens_that_cannot_be_read_back_stop_the_report_with_their_error() {
        let text = "В.Путин: Добрый день, коллеги. Рад вас видеть.\nА.Лукашенко: Здравствуйте.\n";
        let (file, _) = read_bytes("t.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
        let options = AnalysisOptions {
            token_budget: Some(0),
            ..AnalysisOptions::default()
        };
        let corpus = analyse(&[&file.meeting], &options);
        assert!(corpus.tokens.spilled() > 0);
        corpus.tokens.truncate_files_for_tests().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let config = ReportConfig {
            out: dir.path().join("r"),
            ..ReportConfig::default()
        };
        let result = run(&corpus, &[file.audit], &config, &mut ());
        assert!(matches!(result, Err(WriteError::Tokens(_))), "{result:?}");
        // The first table reads every speaker's words, so nothing was written.
        assert!(!dir.path().join("r/speakers.csv").exists());
    }
}
