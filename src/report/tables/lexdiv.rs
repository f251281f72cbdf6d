//! `lexdiv.csv`: lexical diversity of each speaker overall (`meeting` = `*`) and in each meeting.

use serde::Serialize;

use crate::report::WriteError;
use crate::stats::freq::ALL;
use crate::stats::lexdiv::LexicalDiversity;

use super::{write_table, Context, Preview, Row, Table};

const FILE: &str = "lexdiv.csv";
const ABOUT: &str = "Lexical diversity per speaker overall (meeting *) and per meeting.";

/// One row of `lexdiv.csv`: lexical diversity of a speaker overall (`meeting` = `*`) or in one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct LexDivRow<'a> {
    /// Speaker.
    pub speaker: &'a str,
    /// Meeting id or `*`.
    pub meeting: &'a str,
    /// Date of the meeting (empty for `*`).
    pub date: &'a str,
    /// Tokens.
    pub tokens: usize,
    /// Types.
    pub types: usize,
    /// TTR.
    pub ttr: Option<f64>,
    /// Herdan's C.
    pub herdan_c: Option<f64>,
    /// Guiraud's R.
    pub guiraud_r: Option<f64>,
    /// Maas a².
    pub maas_a: Option<f64>,
    /// Yule's K.
    pub yule_k: Option<f64>,
    /// MATTR.
    pub mattr: Option<f64>,
    /// MTLD.
    pub mtld: Option<f64>,
    /// HD-D.
    pub hdd: Option<f64>,
    /// Hapax share.
    pub hapax_share: Option<f64>,
}

impl<'a> LexDivRow<'a> {
    fn new(speaker: &'a str, meeting: &'a str, date: &'a str, m: &LexicalDiversity) -> LexDivRow<'a> {
        LexDivRow {
            speaker,
            meeting,
            date,
            tokens: m.tokens,
            types: m.types,
            ttr: m.ttr,
            herdan_c: m.herdan_c,
            guiraud_r: m.guiraud_r,
            maas_a: m.maas_a,
            yule_k: m.yule_k,
            mattr: m.mattr,
            mtld: m.mtld,
            hdd: m.hdd,
            hapax_share: m.hapax_share,
        }
    }
}

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

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let (corpus, profiles) = (cx.corpus, &cx.made.profiles);
        let mut rows = Vec::new();
        for (&s, (_, lex)) in &profiles.speakers {
            let speaker = corpus.speakers[s as usize].as_str();
            rows.push(LexDivRow::new(speaker, ALL, "", lex));
            for (m, (_, lex)) in profiles.meetings_of(s) {
                let info = &corpus.meetings[m as usize];
                rows.push(LexDivRow::new(speaker, &info.id, &info.date, lex));
            }
        }
        write_table(cx, FILE, ABOUT, &rows)
    }
}
