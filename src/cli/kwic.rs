//! `stenogram kwic`: keyword in context.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use stenogram::stats::kwic::{kwic, Pattern};
use stenogram::transcript::find_named;

use super::input::InputArgs;
use super::numbers::count;
use super::output::with_output;
use super::Outcome;

/// Arguments of `kwic`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram kwic товарооборот corpus/                 the key (any case, ё = е)
  stenogram kwic --stem сотрудничество corpus/        every form with that stem
  stenogram kwic --lemma выборы corpus/               every form of that lemma (выборы, выборов, not выбор)
  stenogram kwic 'Союзное государство' ../shared/corpus/kremlin     a phrase
  stenogram kwic --regex 'миллиард\\w*' --speaker В.Путин ../shared/corpus/kremlin
  stenogram kwic --width 60 --out hits.csv сотрудничество corpus/
  stenogram kwic --narrator 'Л.Толстой' --stem война novel.txt      plain prose as one speaker")]
pub struct KwicArgs {
    /// A word or phrase (matched by key), one whose stems or lemmas to match (--stem, --lemma), or a regular
    /// expression (--regex).
    pub pattern: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Match every word with the pattern's stem.
    #[arg(long, conflicts_with_all = ["regex", "lemma"])]
    pub stem: bool,
    /// Match every word with the pattern's lemma (a Russian word as the dictionary reads it; other words by stem).
    #[arg(long, conflicts_with = "regex")]
    pub lemma: bool,
    /// Treat the pattern as a regular expression over the spoken text.
    #[arg(long)]
    pub regex: bool,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40)]
    pub width: usize,
    /// Only this speaker's turns.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Attribute files without speaker labels (plain prose) to this speaker instead of narration.
    #[arg(long, value_name = "NAME")]
    pub narrator: Option<String>,
    /// Write CSV here instead of stdout (`-` is stdout).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `kwic`; returns whether any input failed.
pub fn run(args: &KwicArgs) -> anyhow::Result<Outcome> {
    let pattern = if args.regex {
        Pattern::Regex(
            regex::Regex::new(&args.pattern)
                .with_context(|| format!("invalid regular expression '{}'", args.pattern))?,
        )
    } else if args.stem {
        Pattern::Stem(args.pattern.clone())
    } else if args.lemma {
        Pattern::Lemma(args.pattern.clone())
    } else {
        Pattern::Key(args.pattern.clone())
    };
    let corpus = args.input.load(args.narrator.as_deref())?;
    let failed = args.input.report_diagnostics(&corpus, false);
    let meetings: Vec<_> = corpus.meetings().collect();
    let speaker = match &args.speaker {
        None => None,
        Some(name) => {
            let mut speakers: Vec<String> = meetings
                .iter()
                .flat_map(|m| m.turns().map(|t| t.speaker.clone()))
                .collect();
            speakers.sort();
            speakers.dedup();
            let found = find_named(&speakers, name)
                .map_err(|e| anyhow::anyhow!("--speaker: {e}; `stenogram speakers` lists them"))?;
            Some(found)
        }
    };
    let rows = kwic(&meetings, &pattern, args.width, speaker.as_deref());
    eprintln!("{}", count(rows.len(), "hit"));
    with_output(args.out.as_deref(), |out| {
        let mut w = csv::Writer::from_writer(out);
        if rows.is_empty() {
            w.write_record([
                "speaker", "meeting", "turn", "left", "match", "right", "start", "end",
            ])?;
        }
        for r in &rows {
            w.serialize(r)?;
        }
        w.flush()?;
        Ok(())
    })?;
    Ok(Outcome::of(failed))
}
