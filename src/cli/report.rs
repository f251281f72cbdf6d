//! `stenogram report`: transcripts to the full report (CSV tables, charts, index.html): the arguments become the
//! library's [`ReportOptions`], [`stenogram::run::report`] runs them, and what it tells is printed.

use std::path::PathBuf;

use clap::Args;

use stenogram::report::Observer;
use stenogram::run::{InputError, Listener, Message, ReportOptions, RunError};

use super::input::{InputArgs, NarratorArg};
use super::numbers::{count, whole};
use super::progress::Progress;
use super::values::{ChartsArg, ContentArg, FormatArg, InterpretedArg, PeriodArg, ViewArg};
use super::Outcome;

/// Arguments of `report`, as clap parsed them (checked into a [`Checked`] before any file is read).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram report                                   corpus/ -> reports/
  stenogram report ../shared/corpus/kremlin --out /tmp/kremlin
  stenogram report --speakers 'В.Путин,А.Лукашенко' --terms 'сотрудничество,война' corpus/
  stenogram report --view key --charts svg --min-count 5 transcripts/
  stenogram report --narrator 'Л.Толстой' --charts none ../shared/bench/ruslit   (plain prose as one speaker)")]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub narrator: NarratorArg,
    /// Output directory.
    #[arg(long, short, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Rows per chart panel and per table preview.
    #[arg(long, default_value_t = 15, value_parser = whole(1, Some(1000)))]
    pub top: u64,
    /// Minimum count of a word pair or triple, and of a term for keyness.
    #[arg(long, default_value_t = 3, value_parser = whole(1, None))]
    pub min_count: u64,
    /// Speakers to chart, comma-separated, in this order, as `stenogram speakers` lists them or by surname
    /// (default: up to four present in the most meetings).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub speakers: Option<Vec<String>>,
    /// The two speakers the keyness chart compares (default: the first two charted speakers, or the first against
    /// --reference).
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub pair: Option<Vec<String>>,
    /// Words or phrases for trends.csv and the x-ray chart, comma-separated (default: the six most frequent content
    /// words).
    #[arg(long, value_delimiter = ',', value_name = "WORDS")]
    pub terms: Vec<String>,
    /// Term view for keyness, trends and the charts: dictionary lemmas (English words: stems), Snowball stems, or
    /// keys (word forms, lowercase).
    #[arg(long, value_enum, default_value_t = ViewArg::Lemma)]
    pub view: ViewArg,
    /// Content words (shown by the word charts, previews and default --terms): by part of speech and stopword
    /// list, by part of speech alone, or by stopword list alone.
    #[arg(long, value_enum, default_value_t = ContentArg::Both)]
    pub content: ContentArg,
    /// Stopword list file (one word a line) replacing the built-in lists, or `none`.
    #[arg(long, value_name = "FILE|none")]
    pub stopwords: Option<String>,
    /// A file of stopwords added to the list in use.
    #[arg(long, value_name = "FILE")]
    pub extra_stopwords: Option<PathBuf>,
    /// Chart formats.
    #[arg(long, value_enum, default_value_t = ChartsArg::Both)]
    pub charts: ChartsArg,
    /// Table formats: CSV, Parquet (typed columns, nulls for undefined measures; for pandas, polars, R arrow,
    /// DuckDB, Spark), or both.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// MATTR window in words.
    #[arg(long, default_value_t = 100, value_parser = whole(1, None))]
    pub window: u64,
    /// Interpreted turns (`(как переведено)`): counted as the speaker's, left out of every statistic, or counted
    /// under `NAME (interpreted)`.
    #[arg(long, value_enum, default_value_t = InterpretedArg::Include)]
    pub interpreted: InterpretedArg,
    /// How the charts across time group meetings (default: the finest grouping with at most 24 points).
    #[arg(long, value_enum)]
    pub period: Option<PeriodArg>,
    /// Words a period needs for its points in the charts across time (fewer: in the tables, not drawn).
    #[arg(long, default_value_t = 1000, value_parser = whole(1, None))]
    pub min_period_words: u64,
    /// The meeting of the x-ray chart: its id (meetings.csv), a part of it, or its date (default: the meeting with
    /// the most words).
    #[arg(long, value_name = "MEETING")]
    pub xray_meeting: Option<String>,
    /// Also write matrix.csv: every count of a term by a speaker in a meeting (key view and --view), for pandas, R
    /// or quanteda.
    #[arg(long)]
    pub matrix: bool,
    /// Most frequent words in the Delta measures: a number (distances.csv; the consensus tree then takes
    /// 100..1000:100), or a range START..END:STEP for the consensus tree, whose largest size distances.csv takes.
    #[arg(long, default_value = "150", value_name = "N|START..END:STEP")]
    pub mfw: String,
    /// Words a speaker needs to be in distances.csv and the consensus tree (fewer: left out, with a note).
    #[arg(long, default_value_t = 2500, value_parser = whole(1, None))]
    pub min_words: u64,
    /// A CSV of what is known of speakers: a `speaker` column (any spelling of a label) and any others (country,
    /// role, bloc, …), each an attribute for --group-by.
    #[arg(long, value_name = "FILE")]
    pub speaker_info: Option<PathBuf>,
    /// A CSV of what is known of meetings: a `meeting` (id) or `file` column and any others (counterpart, format,
    /// …), each an attribute for --group-by.
    #[arg(long, value_name = "FILE")]
    pub meeting_info: Option<PathBuf>,
    /// Compare groups instead of speakers: attributes, comma-separated (speaker, meeting, year, month, language,
    /// source, the turns' own and those of --speaker-info and --meeting-info); `speaker,counterpart` makes
    /// `В.Путин | CIS` and `В.Путин | West`. --speakers, --pair and --reference then name groups.
    #[arg(long, value_delimiter = ',', value_name = "ATTRS")]
    pub group_by: Vec<String>,
    /// A content-analysis dictionary (quanteda YAML .yml, LIWC .dic, Lexicoder .lc3, WordStat .cat): its categories
    /// counted per speaker or group (dictionary*.csv and two charts); repeat to merge several.
    #[arg(long, value_name = "FILE")]
    pub dictionary: Vec<PathBuf>,
    /// Make the report from counts (`stenogram count`: shards, or an engine's merge of them) instead of transcripts:
    /// every table counts allow, summed over the folders; PATHS are not read.
    #[arg(long, num_args = 1.., value_name = "DIR")]
    pub from_counts: Vec<PathBuf>,
    /// Keyness reference speaker (default: all other speakers).
    #[arg(long, value_name = "NAME")]
    pub reference: Option<String>,
    /// Skip punctuation between words when pairing them (NLTK's habit) instead of breaking the pair.
    #[arg(long)]
    pub skip_punct: bool,
    /// Keep word pairs that contain a stopword.
    #[arg(long)]
    pub keep_stopword_pairs: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_parser = whole(1, Some(1024)))]
    pub jobs: Option<u64>,
    /// Keep the dictionary's readings of words in DIR between runs, so a rerun reads only words it has not met
    /// (made if missing; never changes an output; see docs/performance.md).
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Word tokens held in memory before the rest go to a temporary file (in TMPDIR); for tests.
    #[arg(long, hide = true)]
    pub token_budget: Option<usize>,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

impl ReportArgs {
    /// The library's options of these arguments (`--diagnostics` and `--quiet` stay the command line's).
    fn options(&self) -> ReportOptions {
        ReportOptions {
            reading: self.input.reading(self.narrator.narrator.as_deref()),
            out: self.out.clone(),
            top: self.top,
            min_count: self.min_count,
            speakers: self.speakers.clone(),
            pair: self.pair.clone(),
            terms: self.terms.clone(),
            view: self.view.into(),
            content: self.content.into(),
            stopwords: self.stopwords.clone(),
            extra_stopwords: self.extra_stopwords.clone(),
            charts: self.charts.into(),
            format: self.format.into(),
            window: self.window,
            interpreted: self.interpreted.into(),
            period: self.period.map(Into::into),
            min_period_words: self.min_period_words,
            xray_meeting: self.xray_meeting.clone(),
            matrix: self.matrix,
            mfw: self.mfw.clone(),
            min_words: self.min_words,
            speaker_info: self.speaker_info.clone(),
            meeting_info: self.meeting_info.clone(),
            group_by: self.group_by.clone(),
            dictionary: self.dictionary.clone(),
            reference: self.reference.clone(),
            skip_punct: self.skip_punct,
            keep_stopword_pairs: self.keep_stopword_pairs,
            jobs: self.jobs,
            token_budget: self.token_budget,
            cache: self.cache.clone(),
            from_counts: self.from_counts.clone(),
        }
    }
}

/// What a report run tells, printed to stderr between the progress display's phases (warnings and notes unless
/// `--quiet`; the files' diagnostics through [`InputArgs::print_diagnostics`]).
/// (`count` prints what its run tells with it too.)
pub(super) struct Printer<'a> {
    pub(super) progress: Progress,
    input: &'a InputArgs,
    quiet: bool,
    /// Whether some file failed (or the diagnostics could not be written).
    pub(super) failed: bool,
}

impl<'a> Printer<'a> {
    /// A printer of what a run over `input` tells (warnings and notes unless `quiet`), with its progress display.
    pub(super) fn new(input: &'a InputArgs, quiet: bool) -> Self {
        Printer {
            progress: Progress::new(quiet),
            input,
            quiet,
            failed: false,
        }
    }
}

impl Observer for Printer<'_> {
    fn phase(&mut self, name: &str) {
        self.progress.phase(name);
    }
}

impl Listener for Printer<'_> {
    fn message(&mut self, message: Message<'_>) {
        let quiet = self.quiet;
        match message {
            Message::Warning(text) if !quiet => {
                self.progress.suspend(|| eprintln!("warning: {text}"))
            }
            Message::Note(text) if !quiet => self.progress.suspend(|| eprintln!("note: {text}")),
            Message::Warning(_) | Message::Note(_) => {}
            Message::Files { warnings, errors } => {
                let input = self.input;
                self.failed |= self
                    .progress
                    .suspend(|| input.print_diagnostics(warnings, errors, quiet));
            }
        }
    }
}

/// Runs `report`.
pub fn run(args: &ReportArgs) -> anyhow::Result<Outcome> {
    let mut printer = Printer::new(&args.input, args.quiet);
    let ran = match stenogram::run::report(&args.options(), &mut printer) {
        Ok(ran) => ran,
        Err(RunError::Input(e @ InputError::NothingRead { .. })) => {
            printer.progress.finish();
            eprintln!("error: {e}");
            return Ok(Outcome::InputFailed);
        }
        Err(RunError::Write(e)) => return Err(e.into()),
        Err(e) => anyhow::bail!("{}", e.message()),
    };
    printer.progress.finish();
    if !args.quiet {
        let removed = match ran.written.tidied.removed.len() {
            0 => String::new(),
            n => format!("; {} of the previous report removed", count(n, "file")),
        };
        eprintln!(
            "{}: {} ({}, {}, {}){removed}",
            args.out.display(),
            count(ran.written.files.len(), "file"),
            count(ran.meetings, "meeting"),
            count(ran.speakers, if ran.grouped { "group" } else { "speaker" }),
            count(ran.words, "word"),
        );
    }
    Ok(Outcome::of(printer.failed || ran.failed))
}
