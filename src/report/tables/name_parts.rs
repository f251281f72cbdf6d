//! `name_parts.csv`: each word of a person, place or organisation name per speaker and over all speakers (`*`), by
//! lemma ([`crate::stats::name_parts`]): the parts of the mentions `names.csv` counts.

use crate::report::WriteError;
use crate::stats::name_parts::{name_parts, NamePartRow};

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "name_parts.csv";
const ABOUT: &str = "Each word of a name each speaker uses, by lemma (a first name, a patronymic and a surname count once each; part says which), with counts per 10,000 of the speaker's words. Russian words the dictionary knows as names only: English text has none here.";
const METHOD: &str = "Each word of a person, place or organisation name per speaker and over all speakers (`*`), by lemma \
     (`Путина`, `Путину` and `Путин` are `путин`), with its part of a person's name and its count per 10,000 of the \
     speaker's words: the words the mentions of `names.csv` are made of, each counted alone (`Владимир Владимирович` \
     is a first name and a patronymic). Only Russian words the OpenCorpora dictionary knows as names.";

impl Row for NamePartRow<'_> {
    const HEADER: &'static str = "speaker,kind,part,name,form,count,per_10k";
    const TYPES: &'static str = "str,str,str,str,str,int,f64";
}

/// `name_parts.csv`.
pub struct NameParts;

impl Table for NameParts {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, NamePartRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "name parts"
    }

    fn ahead(&self) -> bool {
        true
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        write_table(cx, FILE, ABOUT, &name_parts(cx.corpus)?)
    }
}
