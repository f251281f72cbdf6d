//! `names.csv`: the persons, places and organisations each speaker names, and over all speakers (`*`), counted as
//! mentions ([`crate::stats::names`]): `Владимир Владимирович Путин` is one mention of `Путин`.

use crate::report::WriteError;
use crate::stats::names::{names, NameRow};

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "names.csv";
const ABOUT: &str = "Persons, places and organisations each speaker names, counted as mentions: the adjacent parts of a person's name (first name, patronymic, surname, initials) are one mention, named by the surname; a first name and patronymic without a surname are an address form (address = true; person = the surname the corpus writes with them, if only one). Only names the dictionary knows; English text has none. Counts per 10,000 of the speaker's words; form is the speaker's most frequent wording.";
const METHOD: &str = "Mentions of persons, places and organisations per speaker and over all speakers (`*`), per 10,000 of the \
     speaker's words. Russian names are the words the OpenCorpora dictionary knows as names (by their lemmas). A \
     person's mention is a run of adjacent name words in one sentence holding each part at most once (first name, \
     patronymic, surname, in any order, with initials before them: `В.В.Путин`, `Владимир Владимирович Путин`), \
     named by the surname's lemma; a first name and patronymic without a surname are an address form (`address` \
     true), counted apart from the surname, whose `person` is the surname the corpus writes after them if there is \
     only one. A proper noun the dictionary does not know counts as a surname directly after a first name, or as a \
     first name directly before a patronymic. Places and organisations count word by word. English has no name \
     dictionary here: a person is a capitalised word the corpus writes directly after `Mr`, `Mrs`, `Ms` or \
     `President`, each of its occurrences a mention; English places and organisations are not counted. `form` is the \
     speaker's most frequent wording of the mention.";

impl Row for NameRow<'_> {
    const HEADER: &'static str = "speaker,kind,name,address,person,form,count,per_10k";
    const TYPES: &'static str = "str,str,str,bool,str,str,int,f64";
}

/// `names.csv`.
pub struct Names;

impl Table for Names {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, NameRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "names"
    }

    fn ahead(&self) -> bool {
        true
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        write_table(cx, FILE, ABOUT, cx.names()?)
    }
}

impl<'a> Context<'a> {
    /// The rows of `names.csv`. Shared with the chart of the names each speaker uses.
    pub fn names(&self) -> Result<&[NameRow<'a>], WriteError> {
        let rows = self.shared.names.get_or_try(|| Ok(names(self.corpus)?))?;
        Ok(rows)
    }
}
