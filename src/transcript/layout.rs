//! The marks of the text layout that the header, the body and the page reader share: the `* * *` separator, what
//! ends a sentence, and how many weak labels make a transcript. Kept below all three so that each reads them from one
//! place.

use std::sync::LazyLock;

use regex::Regex;

pub(super) static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*(?:\s*\*){2,}$").expect("valid separator pattern"));

/// Weak labels make a transcript only when there are two or more and label lines are at least this share (percent)
/// of the body lines.
pub const MIN_WEAK_LABEL_PERCENT: usize = 2;

/// Whether a line ends with closing punctuation: `.!?…:;`, a closing quotation mark or bracket, or a comma.
pub(super) fn ends_like_a_sentence(line: &str) -> bool {
    line.chars()
        .last()
        .is_some_and(|c| ".!?…:;»\"”)],".contains(c))
}
