//! `stenogram report --from-counts DIR...`: the report's tables that counts allow, from the folders `count` wrote
//! (shards, or an engine's merge of them), summed on read.

use stenogram::corpus::counts::read_counts;
use stenogram::report::{self, Observer};

use super::numbers::count;
use super::progress::Progress;
use super::report::{Checked, ReportArgs};
use super::Outcome;

/// Runs `report --from-counts`.
pub fn run(args: &ReportArgs) -> anyhow::Result<Outcome> {
    if args.input.paths != [std::path::PathBuf::from("corpus")] {
        anyhow::bail!(
            "--from-counts reads counts, not transcripts: give either PATHS or --from-counts"
        );
    }
    let mut checked = Checked::new(args)?;
    if let Some(jobs) = args.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs as usize)
            .build_global();
    }
    let mut progress = Progress::new(args.quiet);
    progress.phase("reading counts");
    let counts = read_counts(
        &args.from_counts,
        Some(args.interpreted.into()),
        args.input.lang,
        checked.read.dates,
        &checked.analysis,
    )
    .map_err(|e| anyhow::anyhow!("--from-counts: {e}"))?;
    let mut corpus = counts.corpus;
    let out = checked.config.out.clone();
    progress.suspend(|| {
        super::input::print_left_out(counts.left_out, args.quiet);
    });
    if corpus.meetings.is_empty() {
        progress.finish();
        anyhow::bail!("no meeting of the counts falls between --since and --until, so nothing was written to {}", out.display());
    }
    if checked.group_by.is_empty() {
        let speakers = corpus.speakers.clone();
        progress.suspend(|| checked.resolve_names(&speakers))?;
    }
    progress.suspend(|| checked.describe(&mut corpus, args.quiet))?;
    if let (Some(note), false) = (corpus.by_key_note(), args.quiet) {
        progress.suspend(|| eprintln!("note: {note}"));
    }
    let written = report::run(&corpus, &[], &checked.config, &mut progress)?;
    progress.phase("done");
    progress.finish();
    if !args.quiet {
        written
            .warnings
            .iter()
            .for_each(|w| eprintln!("warning: {w}"));
        written.notes.iter().for_each(|n| eprintln!("note: {n}"));
        if let Some(note) = written.tidied.note(&out) {
            eprintln!("note: {note}");
        }
        eprintln!(
            "{}: {} ({}, {}, {}) from the counts in {}",
            out.display(),
            count(written.files.len(), "file"),
            count(corpus.meetings.len(), "meeting"),
            count(
                corpus.speakers.len(),
                if checked.group_by.is_empty() {
                    "speaker"
                } else {
                    "group"
                }
            ),
            count(corpus.total_words(), "word"),
            count(args.from_counts.len(), "folder"),
        );
    }
    Ok(Outcome::Done)
}
