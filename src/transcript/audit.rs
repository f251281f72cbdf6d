//! The audit of one file: what became of each of its non-blank lines (metadata, lead, heading, separator, turn,
//! elision, or unclassified), so that a reader of the statistics can see that no line was lost or misread.

use serde::Serialize;

/// What became of each non-blank line of one file. `lines` equals the sum of the other counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The file as given.
    pub file: String,
    /// Non-blank lines.
    pub lines: usize,
    /// Title, date, place, source URL and page furniture.
    pub metadata: usize,
    /// Lead (narration) paragraphs.
    pub lead: usize,
    /// Section headings.
    pub headings: usize,
    /// `* * *` separators.
    pub separators: usize,
    /// Label lines and their continuation paragraphs.
    pub turn_lines: usize,
    /// Elision lines.
    pub elisions: usize,
    /// Lines that could not be placed.
    pub unclassified: usize,
}
