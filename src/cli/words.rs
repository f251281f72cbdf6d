//! Word counting for the reader's tables.

/// The number of whitespace-separated pieces containing a letter or a digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
