//! The report: an analysed corpus to CSV tables, charts (PNG and SVG) and one self-contained `index.html`.
//!
//! [`run`] makes every table of the registry [`tables::TABLES`] in turn, then draws every chart of
//! [`charts::CHARTS`], then writes the page ([`html`]). A [`Context`] carries the corpus, the configuration and
//! what the tables made for later ones, the charts and the page ([`Made`]). Every file is written to a temporary
//! name and renamed into place ([`mod@write`]); tables made group by group go through one engine ([`spool`]).
//! An [`Observer`] hears of each phase (progress display, timings, memory).

use std::path::PathBuf;

use crate::corpus::{Corpus, View, NARRATION};
use crate::stats::colloc::{BigramRow, CollocOptions};
use crate::stats::freq::FreqRow;
use crate::stats::keyness::{KeynessRow, Reference};
use crate::stats::periods::{Period, Periods};
use crate::stats::profile::Profiles;
use crate::transcript::label::GROUP_LABELS;
use crate::transcript::Audit;

pub mod charts;
pub mod html;
pub mod manifest;
pub mod spool;
pub mod tables;
pub mod write;

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
    /// Terms in Burrows' Delta.
    pub mfw: usize,
    /// Words a speaker needs to be in the distances.
    pub min_words: u64,
    /// The meeting of the x-ray chart, by id (default: the one with the most words).
    pub xray_meeting: Option<String>,
    /// Words a period needs for its points in the charts across time (a rate on fewer words is noise).
    pub min_period_words: u64,
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
            mfw: crate::stats::distance::MFW,
            min_words: crate::stats::distance::MIN_WORDS,
            min_period_words: MIN_PERIOD_WORDS,
            xray_meeting: None,
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
    /// What became of the output folder: files of the previous report removed, other files left alone.
    pub tidied: manifest::Tidied,
}

/// What the tables made for later tables, the charts and the page (the tables themselves are written as they are
/// made, and only what is shown is kept).
#[derive(Debug, Default)]
pub struct Made<'a> {
    /// Files written so far, relative to the output directory.
    pub files: Vec<String>,
    /// Warnings for the user so far.
    pub warnings: Vec<String>,
    /// Turn statistics and lexical diversity per speaker and per speaker and meeting.
    pub profiles: Profiles,
    /// `speakers.csv`.
    pub speakers: Vec<tables::speakers::SpeakerRow>,
    /// Each speaker's word-list file (`speakers/NAME.csv`), by speaker name.
    pub speaker_files: Vec<(String, String)>,
    /// The head of `freq.csv` (its views): of each speaker and view, the first rows and the first content words,
    /// as many as charts and previews use.
    pub freq: Vec<FreqRow<'a>>,
    /// The first rows of each group of `collocations.csv`.
    pub bigrams: Vec<BigramRow<'a>>,
    /// `keyness.csv`.
    pub keyness: Vec<KeynessRow<'a>>,
    /// The counts keyness was made from, for the tables after it.
    pub tallies: Option<crate::stats::keyness::Tallies>,
    /// The distances between speakers.
    pub distances: Option<crate::stats::distance::Distances>,
    /// `term_map.csv`.
    pub term_map: Vec<crate::stats::term_map::TermMapRow<'a>>,
    /// `keyness_periods.csv`.
    pub period_keyness: Vec<crate::stats::period_keyness::PeriodKeynessRow<'a>>,
    /// `names.csv`.
    pub names: Vec<crate::stats::names::NameRow<'a>>,
    /// The terms of the trends table and the x-ray chart.
    pub terms: Vec<String>,
    /// The measures the charts across time draw.
    pub period_measures: tables::periods::PeriodMeasures,
}

/// The analysed corpus, how to report it, and what has been made of it so far.
pub struct Context<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// The parse audit of every file read.
    pub audits: &'a [Audit],
    /// The configuration.
    pub config: &'a ReportConfig,
    /// The speakers the charts show, in order.
    pub leaders: Vec<String>,
    /// The speakers the keyness chart compares: a target and a reference speaker, or
    /// [`OTHERS`](crate::stats::keyness::OTHERS) for all others.
    pub pair: Option<(String, String)>,
    /// The meetings grouped in time, for the measures across time.
    pub periods: Periods,
    /// What the tables made so far.
    pub made: Made<'a>,
}

impl Context<'_> {
    /// Where a speaker comes in the charts' order: the charted speakers first, in order, then everyone else.
    pub fn chart_rank(&self, name: &str) -> usize {
        self.leaders
            .iter()
            .position(|l| l == name)
            .unwrap_or(usize::MAX)
    }

    /// A speaker's name as the charts show it: marked when most of their words are an interpreter's (interpreted
    /// turns counted as theirs, `--interpreted include`), since their vocabulary is then the interpreter's.
    pub fn shown(&self, name: &str) -> String {
        let Some(id) = self.corpus.speaker_id(name) else {
            return name.to_string();
        };
        let (mut all, mut interpreted) = (0, 0);
        for t in self.corpus.turns.iter().filter(|t| t.speaker == id) {
            all += t.len();
            if t.interpreted {
                interpreted += t.len();
            }
        }
        if 2 * interpreted > all {
            format!("{name} (mostly interpreted)")
        } else {
            name.to_string()
        }
    }
}

/// The speakers the charts show: the configured ones that exist, in that order; otherwise up to four speakers
/// present in the most meetings (then with the most words), so that the charts compare people who can be compared
/// across meetings, group labels (`Вопрос`, `Question`, …) and narration left out unless nobody else spoke.
pub fn leaders(corpus: &Corpus, config: &ReportConfig) -> Vec<String> {
    if let Some(chosen) = &config.speakers {
        return chosen
            .iter()
            .filter(|s| corpus.speaker_id(s).is_some())
            .cloned()
            .collect();
    }
    let mut words = vec![0usize; corpus.speakers.len()];
    let mut meetings = vec![std::collections::BTreeSet::new(); corpus.speakers.len()];
    for t in &corpus.turns {
        words[t.speaker as usize] += t.len();
        meetings[t.speaker as usize].insert(t.meeting);
    }
    let mut order: Vec<usize> = (0..corpus.speakers.len()).collect();
    order.sort_by(|&a, &b| {
        (meetings[b].len(), words[b])
            .cmp(&(meetings[a].len(), words[a]))
            .then_with(|| corpus.speakers[a].cmp(&corpus.speakers[b]))
    });
    let is_group = |s: &str| GROUP_LABELS.contains(&s) || s == NARRATION;
    let mut picked: Vec<String> = order
        .iter()
        .map(|&i| corpus.speakers[i].clone())
        .filter(|s| !is_group(s))
        .take(4)
        .collect();
    if picked.is_empty() {
        picked = order
            .iter()
            .map(|&i| corpus.speakers[i].clone())
            .take(4)
            .collect();
    }
    picked
}

/// The speakers the keyness chart compares: the configured pair; else the first charted speaker against the
/// reference speaker (the first other charted speaker when the reference leads); else the first two charted speakers;
/// else the only one against all others.
pub fn pair(leaders: &[String], config: &ReportConfig) -> Option<(String, String)> {
    if let Some(pair) = &config.pair {
        return Some(pair.clone());
    }
    match (&config.reference, leaders) {
        (Reference::Speaker(r), _) => leaders
            .iter()
            .find(|l| *l != r)
            .map(|l| (l.clone(), r.clone())),
        (Reference::Others, [a, b, ..]) => Some((a.clone(), b.clone())),
        (Reference::Others, [a]) => Some((a.clone(), crate::stats::keyness::OTHERS.to_string())),
        (Reference::Others, []) => None,
    }
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
    let leaders = leaders(corpus, config);
    let mut cx = Context {
        corpus,
        audits,
        config,
        pair: pair(&leaders, config),
        leaders,
        periods: Periods::new(
            corpus,
            config.period.unwrap_or_else(|| Period::readable(corpus)),
        ),
        made: Made::default(),
    };
    let mut previews = Vec::new();
    for table in tables::TABLES {
        observer.phase(table.phase());
        let made = table.make(&mut cx)?;
        cx.made.files.extend(made.iter().map(|p| p.file.clone()));
        previews.extend(made);
    }
    observer.phase("charts");
    let drawn = charts::draw_all(&cx)?;
    cx.made.files.extend(drawn.iter().cloned());
    observer.phase("html");
    let page = html::page(&cx, &previews, &drawn);
    let path = out.join("index.html");
    write::atomic_write(&path, |w| {
        w.write_all(page.as_bytes())
            .map_err(|source| WriteError::Io {
                path: path.display().to_string(),
                cause: source,
            })
    })?;
    cx.made.files.push("index.html".into());
    let tidied = manifest::tidy(out, &cx.made.files)?;
    Ok(Written {
        files: cx.made.files,
        warnings: cx.made.warnings,
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
        // 21 tables (the matrix, the name parts and the two period tables included), 2 speakers' files, 12 charts
        // in 2 formats (no term map: the two share no word three times; distances and periods say why they are
        // empty), the page.
        assert_eq!(found.len(), 21 + 2 + 24 + 1);
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
