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
