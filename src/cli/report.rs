//! `stenogram report`: transcripts to the full report (CSV tables, charts, index.html).

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use stenogram::corpus::{tokenize_paths, AnalysisOptions, View};
use stenogram::report::{self, Observer, ReportConfig};
use stenogram::stats::colloc::CollocOptions;
use stenogram::stats::keyness::Reference;
use stenogram::stats::mfw::Mfw;
use stenogram::text::{Language, Stopwords};
use stenogram::transcript::{find_named, read_info, read_text, Aliases, InfoTable, ReadOptions};

use super::input::{print_left_out, InputArgs, NarratorArg};
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
    /// Word tokens held in memory before the rest go to a temporary file (in TMPDIR); for tests.
    #[arg(long, hide = true)]
    pub token_budget: Option<usize>,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

/// `report`'s arguments checked before any file is read: every option file read and parsed, the output directory
/// possible, and the library's configuration made.
pub(super) struct Checked {
    paths: Vec<PathBuf>,
    pub(super) read: ReadOptions,
    aliases: Aliases,
    pub(super) analysis: AnalysisOptions,
    pub(super) config: ReportConfig,
    speaker_info: Option<InfoTable>,
    meeting_info: Option<InfoTable>,
    /// The attributes of --group-by, lowercase; empty when speakers are compared.
    pub(super) group_by: Vec<String>,
}

fn read_stopwords(path: &std::path::Path) -> anyhow::Result<Stopwords> {
    let text = read_text(path).context("cannot read the stopword list")?;
    Ok(Stopwords::parse(&text.text))
}

/// The stopword list of `--stopwords` and `--extra-stopwords` (`None`: the built-in lists of the languages read).
fn stopwords(args: &ReportArgs) -> anyhow::Result<Option<Stopwords>> {
    let mut stopwords = match args.stopwords.as_deref() {
        None => None,
        Some("none") => Some(Stopwords::none()),
        Some(file) => Some(read_stopwords(std::path::Path::new(file))?),
    };
    if let Some(extra) = &args.extra_stopwords {
        let extra = read_stopwords(extra)?;
        match &mut stopwords {
            Some(s) => s.extend(extra),
            None => {
                // Extend the built-in lists of both languages.
                let mut s = Stopwords::builtin(Language::Ru);
                s.extend(Stopwords::builtin(Language::En));
                s.extend(extra);
                stopwords = Some(s);
            }
        }
    }
    Ok(stopwords)
}

impl Checked {
    /// Checks every option that can be checked without the transcripts (ripgrep's low-level to high-level
    /// arguments): a malformed option is reported before any file is read.
    pub(super) fn new(args: &ReportArgs) -> anyhow::Result<Checked> {
        report::write::check_output_dir(&args.out)?;
        let stopwords = stopwords(args)?;
        let aliases = args.input.aliases()?;
        stenogram::text::lemma::Lemmatizer::new()?;
        let view = View::from(args.view);
        let names = |list: &Option<Vec<String>>| {
            list.as_ref().map(|names| {
                names
                    .iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<String>>()
            })
        };
        let pair = match names(&args.pair) {
            None => None,
            Some(pair) => match <[String; 2]>::try_from(pair) {
                Ok([a, b]) => Some((a, b)),
                Err(_) => anyhow::bail!("--pair: give two speakers, comma-separated (A,B)"),
            },
        };
        let info = |path: &Option<PathBuf>, keys: &[&str], option: &str| {
            path.as_deref()
                .map(|p| read_info(p, keys))
                .transpose()
                .map_err(|e| anyhow::anyhow!("{option}: {e}"))
        };
        let speaker_info = info(&args.speaker_info, &["speaker"], "--speaker-info")?;
        let meeting_info = info(&args.meeting_info, &["meeting", "file"], "--meeting-info")?;
        let group_by: Vec<String> = args
            .group_by
            .iter()
            .map(|a| a.trim().to_lowercase())
            .filter(|a| !a.is_empty())
            .collect();
        if let Some(twice) = group_by
            .iter()
            .enumerate()
            .find(|(i, a)| group_by[..*i].contains(a))
        {
            anyhow::bail!("--group-by: '{}' is there twice", twice.1);
        }
        let mfw: Mfw = args.mfw.parse()?;
        let group_by = if group_by == ["speaker"] {
            Vec::new()
        } else {
            group_by
        };
        Ok(Checked {
            speaker_info,
            meeting_info,
            group_by,
            paths: args.input.paths.clone(),
            read: args.input.read_options(args.narrator.narrator.as_deref())?,
            aliases,
            analysis: AnalysisOptions {
                stopwords,
                language: args.input.lang,
                token_budget: args.token_budget,
                interpreted: args.interpreted.into(),
                content: args.content.into(),
            },
            config: ReportConfig {
                out: args.out.clone(),
                top: args.top as usize,
                min_count: args.min_count,
                speakers: names(&args.speakers),
                terms: args
                    .terms
                    .iter()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
                view,
                charts: args.charts.into(),
                format: args.format.into(),
                mattr_window: args.window as usize,
                reference: args
                    .reference
                    .clone()
                    .map_or(Reference::Others, Reference::Speaker),
                pair,
                period: args.period.map(Into::into),
                matrix: args.matrix,
                mfw,
                min_words: args.min_words,
                min_period_words: args.min_period_words,
                xray_meeting: args.xray_meeting.clone(),
                dictionary: super::dictionaries::read(&args.dictionary, args.quiet)?,
                from_counts: !args.from_counts.is_empty(),
                colloc: CollocOptions {
                    view,
                    min_count: args.min_count,
                    skip_punct: args.skip_punct,
                    keep_stopwords: args.keep_stopword_pairs,
                },
            },
        })
    }

    /// Keeps what the info files say of the corpus' speakers and meetings in it (a row that names nobody: a
    /// warning), and groups its turns by --group-by, whose groups the options then name.
    pub(super) fn describe(
        &mut self,
        corpus: &mut stenogram::corpus::Corpus,
        quiet: bool,
    ) -> anyhow::Result<()> {
        let (metadata, warnings) = stenogram::corpus::groups::metadata(
            corpus,
            self.speaker_info.as_ref(),
            self.meeting_info.as_ref(),
        );
        if !quiet {
            warnings.iter().for_each(|w| eprintln!("warning: {w}"));
        }
        stenogram::corpus::describe(corpus, metadata, &self.group_by)
            .map_err(|e| anyhow::anyhow!("--group-by: {e}"))?;
        if !self.group_by.is_empty() {
            self.resolve_names(&corpus.speakers)?;
        }
        Ok(())
    }

    /// Finds the speakers named in options (`--speakers`, `--reference`, `--pair`) among the corpus' speakers, as
    /// labels are read (see [`find_named`]): a name that matches nobody, or several speakers, is an error.
    pub(super) fn resolve_names(&mut self, speakers: &[String]) -> anyhow::Result<()> {
        let find = |option: &str, name: &str| {
            find_named(speakers, name)
                .map_err(|e| anyhow::anyhow!("{option}: {e}; `stenogram speakers` lists them"))
        };
        let config = &mut self.config;
        if let Some(chosen) = &mut config.speakers {
            let mut found: Vec<(String, String)> = Vec::new();
            for name in chosen.iter_mut() {
                let speaker = find("--speakers", name)?;
                if let Some((earlier, _)) = found.iter().find(|(_, s)| *s == speaker) {
                    let both = if earlier == name {
                        format!("'{name}' is there twice")
                    } else {
                        format!("'{earlier}' and '{name}' are both {speaker}")
                    };
                    anyhow::bail!("--speakers: {both}; name each speaker once");
                }
                found.push((name.clone(), speaker.clone()));
                *name = speaker;
            }
        }
        if let Reference::Speaker(reference) = &mut config.reference {
            *reference = find("--reference", reference)?;
        }
        if let Some((a, b)) = &mut config.pair {
            *a = find("--pair", a)?;
            *b = find("--pair", b)?;
            if a == b {
                anyhow::bail!("--pair: {a} twice; give two different speakers");
            }
        }
        Ok(())
    }
}

/// Runs `report`.
pub fn run(args: &ReportArgs) -> anyhow::Result<Outcome> {
    let mut checked = Checked::new(args)?;
    if let Some(jobs) = args.jobs {
        // Fails only if a pool exists already, which it does not this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build_global();
    }
    let mut progress = Progress::new(args.quiet);
    progress.phase("reading and analysing");
    let tokenized = tokenize_paths(
        &checked.paths,
        &checked.read,
        checked.aliases.clone(),
        &checked.analysis,
    );
    let failed = progress.suspend(|| {
        print_left_out(tokenized.left_out(), args.quiet);
        if let ((turns @ 1.., words), false) = (tokenized.excluded(), args.quiet) {
            eprintln!(
                "note: --interpreted exclude left out {} ({})",
                count(turns, "interpreted turn"),
                count(words, "word")
            );
        }
        args.input
            .print_diagnostics(tokenized.warnings(), tokenized.errors(), args.quiet)
    });
    let out = checked.config.out.clone();
    // Nothing read (every path bad, or no `.txt` file): an empty report must not replace a previous one.
    if tokenized.files() == 0 {
        progress.finish();
        if tokenized.left_out().0 > 0 {
            anyhow::bail!(
                "no meeting falls between --since and --until, so nothing was written to {}",
                out.display()
            );
        }
        eprintln!(
            "error: no transcript was read, so nothing was written to {}",
            out.display()
        );
        return Ok(Outcome::InputFailed);
    }
    let grouped = !checked.group_by.is_empty();
    if !grouped {
        progress.suspend(|| checked.resolve_names(tokenized.speakers()))?;
    }
    progress.phase("terms");
    let mut analysed = tokenized.finish();
    progress.suspend(|| checked.describe(&mut analysed.corpus, args.quiet))?;
    let corpus = &analysed.corpus;
    if let (Some(note), false) = (corpus.by_key_note(), args.quiet) {
        progress.suspend(|| eprintln!("note: {note}"));
    }
    if let Some(given) = &checked.config.xray_meeting {
        let found = stenogram::stats::xray::find_meeting(corpus, given)
            .map_err(|e| anyhow::anyhow!("--xray-meeting: {e}"))?;
        checked.config.xray_meeting = Some(corpus.meetings[found as usize].id.clone());
    }
    if let (Some(e), false) = (corpus.tokens.spill_error(), args.quiet) {
        progress.suspend(|| {
            eprintln!("warning: cannot write the temporary token file, so every word stays in memory: {e}")
        });
    }
    let written = report::run(corpus, &analysed.audits, &checked.config, &mut progress)?;
    progress.phase("done");
    progress.finish();
    if !args.quiet {
        for warning in &written.warnings {
            eprintln!("warning: {warning}");
        }
        for note in &written.notes {
            eprintln!("note: {note}");
        }
        if let Some(note) = written.tidied.note(&out) {
            eprintln!("note: {note}");
        }
    }
    if !args.quiet {
        let removed = match written.tidied.removed.len() {
            0 => String::new(),
            n => format!("; {} of the previous report removed", count(n, "file")),
        };
        eprintln!(
            "{}: {} ({}, {}, {}){removed}",
            out.display(),
            count(written.files.len(), "file"),
            count(corpus.meetings.len(), "meeting"),
            count(
                corpus.speakers.len(),
                if grouped { "group" } else { "speaker" }
            ),
            count(corpus.total_words(), "word"),
        );
    }
    Ok(Outcome::of(failed))
}
