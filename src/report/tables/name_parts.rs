//! `name_parts.csv`: each word of a person, place or organisation name per speaker and over all speakers (`*`), by
//! lemma ([`crate::stats::name_parts`]): the parts of the mentions `names.csv` counts.

use crate::report::WriteError;
use crate::stats::name_parts::{name_parts, NamePartRow};

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "name_parts.csv";
const ABOUT: &str = "Each word of a name each speaker uses, by lemma (a first name, a patronymic and a surname count once each; part says which), with counts per 10,000 of the speaker's words. Russian words the dictionary knows as names only: English text has none here.";

impl Row for NamePartRow<'_> {
    const HEADER: &'static str = "speaker,kind,part,name,form,count,per_10k";
}

/// `name_parts.csv`.
pub struct NameParts;

impl Table for NameParts {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, NamePartRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "name parts"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        write_table(cx, FILE, ABOUT, &name_parts(cx.corpus)?)
    }
}
