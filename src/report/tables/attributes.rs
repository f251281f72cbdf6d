//! `attributes.csv`: what is known of each meeting and speaker besides their words, and which speakers make each
//! group (`--group-by`), in long format: the attributes `--group-by` can use, with their values.

use serde::Serialize;

use crate::corpus::groups::meeting_attributes;
use crate::report::WriteError;

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "attributes.csv";
const ABOUT: &str = "What is known of each meeting and speaker (the attributes --group-by can use), and the speakers of each group.";
const METHOD: &str = "Meetings: the built-in attributes every meeting has (year, month, language, source: the reader that read it), \
     the meeting's own (a table corpus' or a parliament's data) and those of --meeting-info, each with the value a \
     turn of the meeting gets. Speakers: the attributes of --speaker-info and those their turns carry (a speaker \
     whose party changed has both values). Groups (with --group-by): each group and the speakers whose turns are in \
     it. A turn's attribute is looked up in its own attributes, then the speaker's, then the meeting's, then the \
     built-in ones; a turn without it is in the group (none).";

/// One row of `attributes.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct AttributeRow<'a> {
    /// `meeting`, `speaker` or `group`.
    pub kind: &'static str,
    /// The meeting id, speaker or group.
    pub id: &'a str,
    /// The attribute (`speaker` for a group's members).
    pub attribute: &'a str,
    /// Its value.
    pub attribute_value: &'a str,
}

impl Row for AttributeRow<'_> {
    const HEADER: &'static str = "kind,id,attribute,attribute_value";
    const TYPES: &'static str = "str,str,str,str";
}

/// `attributes.csv`.
pub struct Attributes;

impl Table for Attributes {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, AttributeRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "attributes"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let corpus = cx.corpus;
        let meetings = meeting_attributes(corpus);
        let mut rows: Vec<AttributeRow> = Vec::new();
        for (info, attributes) in corpus.meetings.iter().zip(&meetings) {
            rows.extend(attributes.iter().map(|(a, v)| AttributeRow {
                kind: "meeting",
                id: &info.id,
                attribute: a,
                attribute_value: v,
            }));
        }
        rows.extend(corpus.about.speakers.iter().map(|(s, a, v)| AttributeRow {
            kind: "speaker",
            id: s,
            attribute: a,
            attribute_value: v,
        }));
        rows.extend(corpus.about.groups.iter().map(|(g, s)| AttributeRow {
            kind: "group",
            id: g,
            attribute: "speaker",
            attribute_value: s,
        }));
        write_table(cx, FILE, ABOUT, &rows)
    }
}
