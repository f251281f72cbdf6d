//! The languages stenogram reads; shared by the transcript reader (detection) and the text pipeline (stemmer,
//! stopwords), below both.

use serde::Serialize;

/// Language of a text; decides the stemmer and the stopword list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Language {
    /// The two-letter code, `ru` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ru => "ru",
            Language::En => "en",
        }
    }

    /// Parses `ru`/`russian` or `en`/`english` (any case).
    pub fn parse(s: &str) -> Option<Language> {
        match s.to_ascii_lowercase().as_str() {
            "ru" | "rus" | "russian" => Some(Language::Ru),
            "en" | "eng" | "english" => Some(Language::En),
            _ => None,
        }
    }
}

/// Whether `c` is in the Cyrillic block (U+0400–U+04FF), where every letter of Russian and of the other languages
/// written in Cyrillic that transcripts quote lies. The one test of "Cyrillic" for every module.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Whether `s` has a Cyrillic letter.
pub fn has_cyrillic(s: &str) -> bool {
    s.chars().any(is_cyrillic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_is_the_block_with_yo_and_the_other_cyrillic_letters() {
        assert!(is_cyrillic('ё') && is_cyrillic('Ё') && is_cyrillic('і') && is_cyrillic('Ѐ'));
        assert!(!is_cyrillic('e') && !is_cyrillic('«') && !is_cyrillic('\u{0500}'));
        assert!(has_cyrillic("Putin Путин") && !has_cyrillic("Putin"));
    }
}
