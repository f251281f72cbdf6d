//! `stenogram report`: transcripts to the full report (CSV tables, charts, index.html).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use stenogram::report::charts::Formats;
use stenogram::report::{self, ReportConfig};
use stenogram::stats::colloc::CollocOptions;
use stenogram::stats::keyness::Reference;
use stenogram::stats::{analyse_paths, AnalysisOptions, View};
use stenogram::text::Stopwords;
use stenogram::transcript::read_text;

use super::input::{print_diagnostics, InputArgs, NarratorArg};

/// Arguments of `report`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram report                                   corpus/ -> reports/
  stenogram report ../shared/corpus/kremlin --out /tmp/kremlin
  stenogram report --speakers 'В.Путин,А.Лукашенко' --terms 'сотрудничество,война' corpus/
  stenogram report --view key --charts svg --min-count 5 transcripts/
  stenogram report --speaker 'Л.Толстой' --charts none ../shared/bench/ruslit   (plain prose as one speaker)")]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub narrator: NarratorArg,
    /// Output directory.
    #[arg(long, short, value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Rows per chart panel and per table preview.
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub top: u64,
    /// Minimum count of a word pair or triple, and of a term for keyness.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_count: u64,
    /// Speakers to chart, comma-separated, in this order (default: up to four with the most words).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub speakers: Option<Vec<String>>,
    /// Terms for trends.csv and the x-ray chart, comma-separated (default: the six most frequent content words).
    #[arg(long, value_delimiter = ',', value_name = "WORDS")]
    pub terms: Vec<String>,
    /// Term view for keyness, trends and the top-words chart.
    #[arg(long, value_enum, default_value_t = View::Stem)]
    pub view: View,
    /// Stopword list file (one word a line) replacing the built-in lists, or `none`.
    #[arg(long, value_name = "FILE|none")]
    pub stopwords: Option<String>,
    /// A file of stopwords added to the list in use.
    #[arg(long, value_name = "FILE")]
    pub extra_stopwords: Option<PathBuf>,
    /// Chart formats.
    #[arg(long, value_enum, default_value_t = Formats::Both)]
    pub charts: Formats,
    /// MATTR window in words.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..))]
    pub window: u64,
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
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// Word tokens held in memory before the rest go to a temporary file (in TMPDIR); for tests.
    #[arg(long, hide = true)]
    pub token_budget: Option<usize>,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

fn read_stopwords(path: &std::path::Path) -> anyhow::Result<Stopwords> {
    let text = read_text(path).context("cannot read the stopword list")?;
    Ok(Stopwords::parse(&text.text))
}

/// Runs `report`; returns whether any input failed.
pub fn run(args: &ReportArgs) -> anyhow::Result<bool> {
    if let Some(jobs) = args.jobs {
        // Fails only if a pool exists already, which it does not this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build_global();
    }
    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    });
    // STENOGRAM_TIMINGS=1 prints how long each step took, to see where the time goes.
    let timings = std::env::var_os("STENOGRAM_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let last = std::cell::Cell::new(std::time::Duration::ZERO);
    let step = |msg: &str| {
        // Between phases, memory the last phase freed goes back to the system (glibc keeps it otherwise, and the
        // next phase's peak would stack on it).
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        // SAFETY: malloc_trim only releases free heap pages; it has no preconditions.
        unsafe {
            libc::malloc_trim(0);
        }
        if timings {
            let now = started.elapsed();
            // Resident memory now and at its peak so far (Linux; blank elsewhere).
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let field = |name: &str| {
                status
                    .lines()
                    .find(|l| l.starts_with(name))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
                    .map_or(String::new(), |kb| format!("{:.0}", kb as f64 / 1024.0))
            };
            eprintln!(
                "{:8.3}s (+{:.3}s) rss {:>5} MiB peak {:>5} MiB  {msg}",
                now.as_secs_f64(),
                (now - last.get()).as_secs_f64(),
                field("VmRSS:"),
                field("VmHWM:")
            );
            last.set(now);
        }
        if let Some(b) = &bar {
            b.set_message(format!("{msg}…"));
        }
    };
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
                let mut s = Stopwords::builtin(stenogram::text::Language::Ru);
                s.extend(Stopwords::builtin(stenogram::text::Language::En));
                s.extend(extra);
                stopwords = Some(s);
            }
        }
    }
    step("reading and analysing");
    let analysed = analyse_paths(
        &args.input.paths,
        &args.input.read_options(args.narrator.narrator.as_deref()),
        args.input.aliases()?,
        &AnalysisOptions {
            stopwords,
            language: args.input.lang,
            token_budget: args.token_budget,
        },
    );
    let failed = match &bar {
        Some(b) => {
            b.suspend(|| print_diagnostics(&analysed.warnings, &analysed.errors, args.quiet))
        }
        None => print_diagnostics(&analysed.warnings, &analysed.errors, args.quiet),
    };
    // Nothing read (every path bad, or no `.txt` file): an empty report must not replace a previous one.
    if analysed.audits.is_empty() {
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        eprintln!(
            "error: no transcript was read, so nothing was written to {}",
            args.out.display()
        );
        return Ok(true);
    }
    let analysis = analysed.corpus;
    if let Some(e) = analysis.tokens.spill_error() {
        if !args.quiet {
            eprintln!("warning: cannot write the temporary token file, so every word stays in memory: {e}");
        }
    }
    let audits = analysed.audits;
    let config = ReportConfig {
        out: args.out.clone(),
        top: args.top as usize,
        min_count: args.min_count,
        speakers: args.speakers.clone(),
        terms: args.terms.clone(),
        view: args.view,
        charts: args.charts,
        mattr_window: args.window as usize,
        reference: args
            .reference
            .clone()
            .map_or(Reference::Others, Reference::Speaker),
        colloc: CollocOptions {
            view: View::Key,
            min_count: args.min_count,
            skip_punct: args.skip_punct,
            keep_stopwords: args.keep_stopword_pairs,
        },
    };
    if let (Some(chosen), false) = (&args.speakers, args.quiet) {
        for name in chosen.iter().filter(|n| !analysis.speakers.contains(*n)) {
            eprintln!(
                "warning: --speakers {name}: no such speaker, left out of the charts (see `stenogram speakers`)"
            );
        }
    }
    if let Some(reference) = &args.reference {
        if !analysis.speakers.contains(reference) {
            anyhow::bail!("--reference {reference}: no such speaker (see `stenogram speakers`)");
        }
    }
    let written = report::run(&analysis, &audits, &config, step)?;
    step("done");
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if !args.quiet {
        eprintln!(
            "{}: {} files ({} meetings, {} speakers, {} words)",
            args.out.display(),
            written.files.len(),
            analysis.meetings.len(),
            analysis.speakers.len(),
            analysis.total_words()
        );
    }
    Ok(failed)
}
