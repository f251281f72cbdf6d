//! `meetings_by_speaker.csv`: each speaker's vocabulary meeting by meeting in date order.

use crate::report::WriteError;
use crate::stats::trends::{meetings_by_speaker, MeetingSpeakerRow};

use super::{write_table_ranked, Context, Made, Row, Table};

const FILE: &str = "meetings_by_speaker.csv";
const ABOUT: &str = "Each speaker's vocabulary meeting by meeting in date order: words, types, MATTR, MTLD, new types.";
const METHOD: &str = "Per speaker and meeting, meetings in date order: words, types (distinct keys), MATTR and MTLD of that \
     meeting's words (as in `lexdiv.csv`; MATTR is `NaN` for fewer words than the window), new types (keys the speaker \
     used in no earlier meeting), their share of the meeting's types, and the cumulative number of the speaker's \
     types so far. Always keys, whatever the view.";

impl Row for MeetingSpeakerRow {
    const HEADER: &'static str =
        "meeting,date,speaker,words,types,mattr,mtld,new_types,new_type_share,cumulative_types";
    const TYPES: &'static str = "str,date,str,int,int,f64,f64,int,f64,int";
}

/// `meetings_by_speaker.csv`.
pub struct MeetingsBySpeaker;

impl Table for MeetingsBySpeaker {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, MeetingSpeakerRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "across meetings"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let rows = meetings_by_speaker(cx.corpus, cx.profiles()?)?;
        // The charted speakers first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            cx.chart_rank(&a.speaker).cmp(&cx.chart_rank(&b.speaker))
        })
    }
}
