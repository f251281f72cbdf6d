//! `stenogram speakers`: each canonical speaker with meetings, turns, words and the labels that were joined.

use std::collections::{BTreeMap, BTreeSet};

use clap::Args;
use serde::Serialize;

use super::input::{InputArgs, NarratorArg};
use super::output::with_output;
use super::Outcome;
use stenogram::text::count_words;

/// Arguments of `speakers`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  stenogram speakers corpus/
  stenogram speakers --aliases aliases.csv ../shared/corpus/kremlin-en")]
pub struct SpeakersArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub narrator: NarratorArg,
}

#[derive(Default)]
struct SpeakerTally {
    meetings: BTreeSet<String>,
    turns: usize,
    words: usize,
    labels: BTreeSet<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    speaker: &'a str,
    meetings: usize,
    turns: usize,
    words: usize,
    labels: String,
}

/// Runs `speakers`; returns whether any input failed.
pub fn run(args: &SpeakersArgs) -> anyhow::Result<Outcome> {
    let corpus = args.input.load(args.narrator.narrator.as_deref())?;
    let failed = args.input.report_diagnostics(&corpus, false);
    let mut tallies: BTreeMap<&str, SpeakerTally> = BTreeMap::new();
    for m in corpus.meetings() {
        for t in m.turns() {
            let tally = tallies.entry(&t.speaker).or_default();
            tally.meetings.insert(m.id.clone());
            tally.turns += 1;
            tally.words += count_words(&t.spoken());
            tally.labels.insert(t.label.clone());
        }
    }
    let mut rows: Vec<Row> = tallies
        .iter()
        .map(|(speaker, t)| Row {
            speaker,
            meetings: t.meetings.len(),
            turns: t.turns,
            words: t.words,
            labels: t.labels.iter().cloned().collect::<Vec<_>>().join("; "),
        })
        .collect();
    rows.sort_by(|a, b| b.words.cmp(&a.words).then_with(|| a.speaker.cmp(b.speaker)));
    with_output(None, |out| {
        let mut w = csv::Writer::from_writer(out);
        for row in rows {
            w.serialize(row)?;
        }
        w.flush()?;
        Ok(())
    })?;
    Ok(Outcome::of(failed))
}
