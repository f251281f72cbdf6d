//! `turn_lengths.csv`: turn statistics of each speaker overall (`meeting` = `*`) and in each meeting.

use crate::report::WriteError;
use crate::stats::turns::TurnSummary;

use super::{write_table_ranked, Context, Made, Row, Table, Where};

const FILE: &str = "turn_lengths.csv";
const ABOUT: &str =
    "Turn-length statistics per speaker overall (meeting *) and per meeting, with the standard deviation, and readability (Flesch reading ease; Oborneva's for Russian).";

/// One row of `turn_lengths.csv`: whose turns and where, and their statistics.
pub type TurnLengthRow<'a> = (Where<'a>, &'a TurnSummary);

impl Row for TurnLengthRow<'_> {
    const HEADER: &'static str = "speaker,meeting,date,turns,words,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,words_per_turn_sd,sentences,words_per_sentence,syllables_per_word,reading_ease";
}

/// `turn_lengths.csv`.
pub struct TurnLengths;

impl Table for TurnLengths {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TurnLengthRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "turn lengths"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let rows: Vec<TurnLengthRow> = Where::speakers_and_meetings(cx, |p| &p.0)?;
        // The charted speakers first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            cx.chart_rank(a.0.speaker).cmp(&cx.chart_rank(b.0.speaker))
        })
    }
}
