//! Every option of `report` as a Rust type, the same for the command line (which fills them from its arguments)
//! and the Python package (from keywords), with the command line's defaults. [`ReadingOptions`] are those every
//! corpus-reading command shares. Whole numbers are checked here too ([`ReportOptions::check_numbers`]), with the
//! command line's words, for callers that do not come through its parser.

use std::path::PathBuf;

use crate::corpus::{Content, Interpreted, View};
use crate::report::{Formats, TableFormat};
use crate::stats::periods::Period;
use crate::text::Language;
use crate::transcript::{read_text, Aliases, DateRange, ReadOptions, TableColumns};

use super::errors::{chain, UsageError};
use super::messages::whole;

/// Where transcripts come from and how to read them (`parse`, `report`, `speakers`, `kwic`).
#[derive(Debug, Clone)]
pub struct ReadingOptions {
    /// Transcript files, pages, table corpora or folders.
    pub paths: Vec<PathBuf>,
    /// `--columns`: ROLE=COLUMN pairs of table corpora, comma-separated.
    pub columns: Option<String>,
    /// `--aliases`: a CSV `label,speaker` joining other spellings of a speaker.
    pub aliases: Option<PathBuf>,
    /// `--lang`: the language of every text instead of detecting it per file.
    pub lang: Option<Language>,
    /// `--since`: only meetings of this day or later (YYYY-MM-DD, YYYY-MM or YYYY).
    pub since: Option<String>,
    /// `--until`: only meetings of this day or earlier.
    pub until: Option<String>,
    /// `--narrator`: the speaker of files without speaker labels.
    pub narrator: Option<String>,
}

impl Default for ReadingOptions {
    fn default() -> Self {
        ReadingOptions {
            paths: vec![PathBuf::from("corpus")],
            columns: None,
            aliases: None,
            lang: None,
            since: None,
            until: None,
            narrator: None,
        }
    }
}

impl ReadingOptions {
    /// The alias file read and parsed (none: no aliases).
    pub fn aliases(&self) -> Result<Aliases, UsageError> {
        let Some(path) = &self.aliases else {
            return Ok(Aliases::default());
        };
        let shown = path.display().to_string();
        let data = read_text(path).map_err(|e| UsageError::of("cannot read the alias file", &e))?;
        Aliases::from_csv(&shown, data.text.as_bytes()).map_err(|e| UsageError(chain(&e)))
    }

    /// How to read files (a malformed date or `--columns` is a usage error).
    pub fn read_options(&self) -> Result<ReadOptions, UsageError> {
        let dates = DateRange::parse(self.since.as_deref(), self.until.as_deref())
            .map_err(|e| UsageError::of("--since/--until", &e))?;
        let columns = match &self.columns {
            None => TableColumns::default(),
            Some(spec) => TableColumns::parse(spec).map_err(|e| UsageError::of("--columns", &e))?,
        };
        Ok(ReadOptions {
            narrator: self.narrator.clone(),
            language: self.lang,
            dates,
            columns,
        })
    }
}

/// Every option of `report` (see `stenogram report --help` for each one's meaning; the field names are the long
/// flags').
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The transcripts and how to read them.
    pub reading: ReadingOptions,
    /// `--out`: the output directory.
    pub out: PathBuf,
    /// `--top`: rows per chart panel and per table preview (1 to 1000).
    pub top: u64,
    /// `--min-count`: minimum count of a word pair or triple, and of a term for keyness.
    pub min_count: u64,
    /// `--speakers`: the speakers to chart, in order.
    pub speakers: Option<Vec<String>>,
    /// `--pair`: the two speakers of the keyness chart (any other number of names is a usage error).
    pub pair: Option<Vec<String>>,
    /// `--terms`: words or phrases for trends and the x-ray chart.
    pub terms: Vec<String>,
    /// `--view`: the term view of keyness, trends and the charts.
    pub view: View,
    /// `--content`: which words are content words.
    pub content: Content,
    /// `--stopwords`: a stopword list file replacing the built-in lists, or `none`.
    pub stopwords: Option<String>,
    /// `--extra-stopwords`: a file of stopwords added to the list in use.
    pub extra_stopwords: Option<PathBuf>,
    /// `--charts`: chart formats.
    pub charts: Formats,
    /// `--format`: the files the tables are written as (CSV, Parquet, or both).
    pub format: TableFormat,
    /// `--window`: the MATTR window in words.
    pub window: u64,
    /// `--interpreted`: what becomes of interpreted turns.
    pub interpreted: Interpreted,
    /// `--period`: how the charts across time group meetings (default: chosen from the time span).
    pub period: Option<Period>,
    /// `--min-period-words`: words a period needs for its points in the charts across time.
    pub min_period_words: u64,
    /// `--xray-meeting`: the meeting of the x-ray chart (id, part of it, or date).
    pub xray_meeting: Option<String>,
    /// `--matrix`: also write matrix.csv.
    pub matrix: bool,
    /// `--mfw`: `N` or `START..END:STEP`.
    pub mfw: String,
    /// `--min-words`: words a speaker needs to be in the distances.
    pub min_words: u64,
    /// `--speaker-info`: a CSV of what is known of speakers.
    pub speaker_info: Option<PathBuf>,
    /// `--meeting-info`: a CSV of what is known of meetings.
    pub meeting_info: Option<PathBuf>,
    /// `--group-by`: attributes whose groups are compared instead of speakers.
    pub group_by: Vec<String>,
    /// `--dictionary`: content-analysis dictionaries, merged.
    pub dictionary: Vec<PathBuf>,
    /// `--reference`: the keyness reference speaker (default: all other speakers).
    pub reference: Option<String>,
    /// `--skip-punct`: pair words across punctuation.
    pub skip_punct: bool,
    /// `--keep-stopword-pairs`: keep word pairs that contain a stopword.
    pub keep_stopword_pairs: bool,
    /// `--jobs`: worker threads (default: all cores), in a thread pool of the run's own.
    pub jobs: Option<u64>,
    /// Word tokens held in memory before the rest go to a temporary file (for tests).
    pub token_budget: Option<usize>,
    /// `--cache`: a folder that keeps the dictionary's readings of words between runs.
    pub cache: Option<PathBuf>,
    /// `--from-counts`: folders of counts (`stenogram count`: shards, or an engine's merge of them) to report
    /// instead of transcripts (only the tables counts allow).
    pub from_counts: Vec<PathBuf>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            reading: ReadingOptions::default(),
            out: PathBuf::from("reports"),
            top: 15,
            min_count: 3,
            speakers: None,
            pair: None,
            terms: Vec::new(),
            view: View::Lemma,
            content: Content::Both,
            stopwords: None,
            extra_stopwords: None,
            charts: Formats::Both,
            format: TableFormat::Csv,
            window: 100,
            interpreted: Interpreted::Include,
            period: None,
            min_period_words: 1000,
            xray_meeting: None,
            matrix: false,
            mfw: "150".to_string(),
            min_words: 2500,
            speaker_info: None,
            meeting_info: None,
            group_by: Vec::new(),
            dictionary: Vec::new(),
            reference: None,
            skip_punct: false,
            keep_stopword_pairs: false,
            jobs: None,
            token_budget: None,
            cache: None,
            from_counts: Vec::new(),
        }
    }
}

impl ReportOptions {
    /// The whole numbers in their ranges, said as the command line's parser says them
    /// (`invalid value '0' for '--top <TOP>': expected a whole number from 1 to 1000`).
    pub fn check_numbers(&self) -> Result<(), UsageError> {
        let checks: [(&str, Option<u64>, u64, Option<u64>); 6] = [
            ("top", Some(self.top), 1, Some(1000)),
            ("min-count", Some(self.min_count), 1, None),
            ("window", Some(self.window), 1, None),
            ("min-period-words", Some(self.min_period_words), 1, None),
            ("min-words", Some(self.min_words), 1, None),
            ("jobs", self.jobs, 1, Some(1024)),
        ];
        for (flag, value, min, max) in checks {
            let Some(value) = value else { continue };
            if let Err(e) = whole(min, max)(&value.to_string()) {
                let name = flag.replace('-', "_").to_uppercase();
                return Err(UsageError(format!(
                    "invalid value '{value}' for '--{flag} <{name}>': {e}"
                )));
            }
        }
        Ok(())
    }
}
