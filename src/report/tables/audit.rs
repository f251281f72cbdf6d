//! `audit.csv`: what became of every non-blank line of every file read.

use crate::report::WriteError;
use crate::transcript::Audit;

use super::{write_table, Context, Made, Row, Table};

const FILE: &str = "audit.csv";
const ABOUT: &str =
    "What became of every non-blank line of every file (lines = the sum of the other columns).";
const METHOD: &str = "What became of every non-blank line of every file read: metadata (title, date, place, source and page \
     furniture), lead paragraphs, section headings, `* * *` separators, turn lines (labels and their continuation \
     paragraphs), elisions, and lines that could not be placed (`unclassified`); `lines` is the sum of the others.";

impl Row for Audit {
    const HEADER: &'static str =
        "file,lines,metadata,lead,headings,separators,turn_lines,elisions,unclassified";
    const TYPES: &'static str = "str,int,int,int,int,int,int,int,int";
}

/// `audit.csv`.
pub struct AuditTable;

impl Table for AuditTable {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, Audit::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "audit"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        write_table(cx, FILE, ABOUT, cx.audits)
    }
}
