//! `turn_lengths.csv`: turn statistics of each speaker overall (`meeting` = `*`) and in each meeting.

use crate::report::WriteError;
use crate::stats::turns::TurnSummary;

use super::{write_table_ranked, Context, Made, Row, Table, Where};

const FILE: &str = "turn_lengths.csv";
const ABOUT: &str =
    "Turn-length statistics per speaker overall (meeting *) and per meeting, with the standard deviation, and readability (Flesch reading ease; Oborneva's for Russian).";
const METHOD: &str = "Per speaker over all meetings (meeting `*`) and in each meeting: turns, words and the share of all words \
     (of the corpus, or of the meeting), then words per turn: mean, median (the mean of the two middle turns for an \
     even count), 90th percentile (linear interpolation between order statistics, numpy's default: position \
     0.9·(n − 1)), maximum and sample standard deviation (n − 1; `NaN` for one turn). A turn resumed after an elision \
     counts as a turn of its own. Sentences count those with at least one word; words per sentence is words / \
     sentences.\n\n\
     Readability is Flesch's reading ease (Flesch 1948): 206.835 − 1.015·ASL − 84.6·ASW for English, and Oborneva's \
     adaptation for Russian (2006): 206.835 − 1.3·ASL − 60.1·ASW, where ASL is words per sentence and ASW syllables \
     per word; higher is easier. A Russian syllable is a vowel letter; an English one a group of vowel letters, less a \
     silent final e, at least one per word. A speaker's score uses the language of the meeting, or over several \
     meetings the language of most of their words; it is `NaN` in a meeting mostly in a language counted by key \
     (Ukrainian, Bulgarian, …: no formula), and over all meetings of a speaker who has such a meeting.";

/// One row of `turn_lengths.csv`: whose turns and where, and their statistics.
pub type TurnLengthRow<'a> = (Where<'a>, &'a TurnSummary);

impl Row for TurnLengthRow<'_> {
    const HEADER: &'static str = "speaker,meeting,date,turns,words,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,words_per_turn_sd,sentences,words_per_sentence,syllables_per_word,reading_ease";
    const TYPES: &'static str = "str,str,date,int,int,f64,f64,f64,f64,int,f64,int,f64,f64,f64";
}

/// `turn_lengths.csv`.
pub struct TurnLengths;

impl Table for TurnLengths {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TurnLengthRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
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
