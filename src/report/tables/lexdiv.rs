//! `lexdiv.csv`: lexical diversity of each speaker overall (`meeting` = `*`) and in each meeting.

use crate::report::WriteError;
use crate::stats::lexdiv::LexicalDiversity;

use super::{write_table_ranked, Context, Made, Row, Table, Where};

const FILE: &str = "lexdiv.csv";
const ABOUT: &str = "Lexical diversity per speaker overall (meeting *) and per meeting.";

/// One row of `lexdiv.csv`: whose words and where, and their lexical diversity.
pub type LexDivRow<'a> = (Where<'a>, &'a LexicalDiversity);

impl Row for LexDivRow<'_> {
    const HEADER: &'static str = "speaker,meeting,date,tokens,types,ttr,herdan_c,guiraud_r,maas_a,yule_k,mattr,mtld,hdd,hapax_share";
}

/// `lexdiv.csv`.
pub struct LexDiv;

impl Table for LexDiv {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, LexDivRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "lexical diversity"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let rows: Vec<LexDivRow> = Where::speakers_and_meetings(cx, |p| &p.1)?;
        // The charted speakers first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            cx.chart_rank(a.0.speaker).cmp(&cx.chart_rank(b.0.speaker))
        })
    }
}
