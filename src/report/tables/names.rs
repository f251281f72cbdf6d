//! `names.csv`: person, place and organisation names per speaker and over all speakers (`*`), by lemma.

use crate::report::WriteError;
use crate::stats::names::{names, NameRow};

use super::{write_table, Context, Preview, Row, Table};

const FILE: &str = "names.csv";
const ABOUT: &str = "Person, place and organisation names each speaker uses (words the dictionary knows as names, counted by lemma), with counts per 10,000 of the speaker's words.";

impl Row for NameRow<'_> {
    const HEADER: &'static str = "speaker,kind,name,form,count,per_10k";
}

/// `names.csv`.
pub struct Names;

impl Table for Names {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, NameRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "names"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let rows = names(cx.corpus)?;
        let preview = write_table(cx, FILE, ABOUT, &rows)?;
        cx.made.names = rows;
        Ok(preview)
    }
}
