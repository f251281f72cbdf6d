//! `lexdiv.csv`: lexical diversity of each speaker overall (`meeting` = `*`) and in each meeting.

use crate::report::WriteError;
use crate::stats::lexdiv::LexicalDiversity;

use super::{write_table_ranked, Context, Made, Row, Table, Where};

const FILE: &str = "lexdiv.csv";
const ABOUT: &str = "Lexical diversity per speaker overall (meeting *) and per meeting.";
const METHOD: &str = "Per speaker over all meetings (meeting `*`) and in each meeting, on the speaker's keys in text order \
     (meetings by date; numbers and punctuation left out, stopwords kept), with N words, V types and V₁ types used \
     once:\n- \
     TTR = V / N (Templin 1957); Herdan's C = ln V / ln N (Herdan 1960); Guiraud's R = V / √N (Guiraud 1954); Maas \
     a² = (ln N − ln V) / (ln N)² (Maas 1972); Yule's K = 10⁴·(Σ i²·Vᵢ / N² − 1/N) (Yule 1944); `hapax_share` = V₁ / V;\n- \
     MATTR: the mean TTR of every window of `--window` consecutive words (100 by default; Covington & McFall 2010), \
     `NaN` for fewer words;\n- \
     MTLD: N / factors, the mean of a forward and a backward pass, a factor closing when the running TTR falls to \
     0.72 (McCarthy & Jarvis 2010);\n- \
     HD-D: the sum over types of the probability of drawing the type at least once in 42 words drawn without \
     replacement, divided by 42 (McCarthy & Jarvis 2007), `NaN` for fewer than 42 words.\n\n\
     MATTR, MTLD and HD-D follow the Python package lexicalrichness 0.5.1 exactly. TTR, C, R, a², the hapax share and, \
     less, K change with the length of the text, so compare them between texts of similar length; MATTR, MTLD and \
     HD-D are designed not to.";

/// One row of `lexdiv.csv`: whose words and where, and their lexical diversity.
pub type LexDivRow<'a> = (Where<'a>, &'a LexicalDiversity);

impl Row for LexDivRow<'_> {
    const HEADER: &'static str = "speaker,meeting,date,tokens,types,ttr,herdan_c,guiraud_r,maas_a,yule_k,mattr,mtld,hdd,hapax_share";
    const TYPES: &'static str = "str,str,date,int,int,f64,f64,f64,f64,f64,f64,f64,f64,f64";
}

/// `lexdiv.csv`.
pub struct LexDiv;

impl Table for LexDiv {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, LexDivRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
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
