//! The languages stenogram reads; shared by the transcript reader (detection) and the text pipeline (stemmer,
//! stopwords), below both.
//!
//! [`Language`] is a language stenogram analyses (Russian and English: a stemmer, a lemmatizer or an English
//! lemma rule, stopwords, a readability formula). [`LanguageCode`] is any language as a source names it (ParlaMint's
//! `xml:lang="uk"`): a text in a language stenogram does not analyse (Ukrainian, Bulgarian, …) keeps its code, so
//! that its words can be counted by key, without a stemmer or lemmatizer, and the report can say so.

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

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The order of languages in a list ([`LanguageCode::rank`]).
pub type LanguageRank = (bool, Option<Language>, LanguageCode);

/// A language as a source names it: an ISO 639 code of two or three lowercase ASCII letters (`uk`, `bg`, `en`), the
/// primary subtag of a BCP 47 tag (`uk-UA` is `uk`). Whether stenogram analyses it is [`LanguageCode::analysed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode([u8; 3]);

impl LanguageCode {
    /// The code of a language tag (`uk`, `UK`, `uk-UA`, `en_GB`, `bul`); `None` unless its primary subtag is two or
    /// three ASCII letters.
    pub fn parse(tag: &str) -> Option<LanguageCode> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let mut code = [0u8; 3];
        for (c, b) in code.iter_mut().zip(primary.bytes()) {
            *c = b.to_ascii_lowercase();
        }
        Some(LanguageCode(code))
    }

    /// The code, e.g. `uk`.
    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(3);
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }

    /// The language stenogram analyses this one as: `ru`/`rus` is Russian and `en`/`eng` English; any other
    /// language (Ukrainian, Bulgarian, …) is `None`: its words are counted by key.
    pub fn analysed(self) -> Option<Language> {
        match self.as_str() {
            "ru" | "rus" => Some(Language::Ru),
            "en" | "eng" => Some(Language::En),
            _ => None,
        }
    }

    /// How languages are listed: those stenogram analyses first, in [`Language`] order (Russian, English), then the
    /// others by code.
    pub fn rank(self) -> LanguageRank {
        let analysed = self.analysed();
        (analysed.is_none(), analysed, self)
    }

    /// The language's English name, for a report (`Ukrainian`); empty for a language not listed (show the code).
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(code, _)| *code == self.as_str())
            .map_or("", |(_, name)| name)
    }
}

/// English names of the languages of the ParlaMint corpora and their neighbours, by ISO 639-1 code.
const NAMES: [(&str, &str); 32] = [
    ("be", "Belarusian"),
    ("bg", "Bulgarian"),
    ("bs", "Bosnian"),
    ("ca", "Catalan"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("gl", "Galician"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("kk", "Kazakh"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mk", "Macedonian"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("sl", "Slovenian"),
    ("sr", "Serbian"),
    ("sv", "Swedish"),
    ("uk", "Ukrainian"),
];

impl From<Language> for LanguageCode {
    fn from(language: Language) -> LanguageCode {
        match language {
            Language::Ru => LanguageCode(*b"ru\0"),
            Language::En => LanguageCode(*b"en\0"),
        }
    }
}

impl std::fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for LanguageCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
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

    #[test]
    fn a_language_code_is_the_primary_subtag_and_only_russian_and_english_are_analysed() {
        let code = |t| LanguageCode::parse(t).map(|c| c.to_string());
        assert_eq!(code("uk"), Some("uk".into()));
        assert_eq!(code(" UK-ua "), Some("uk".into()));
        assert_eq!(code("en_GB"), Some("en".into()));
        assert_eq!(code("bul"), Some("bul".into()));
        for bad in ["", "u", "ukra", "у", "1a", "-uk"] {
            assert_eq!(code(bad), None, "{bad}");
        }
        let analysed = |t| LanguageCode::parse(t).and_then(LanguageCode::analysed);
        assert_eq!(analysed("ru"), Some(Language::Ru));
        assert_eq!(analysed("eng"), Some(Language::En));
        assert_eq!(analysed("uk"), None);
        assert_eq!(analysed("bg"), None);
        assert_eq!(
            LanguageCode::from(Language::Ru),
            LanguageCode::parse("ru").unwrap()
        );
        assert_eq!(LanguageCode::parse("uk").unwrap().name(), "Ukrainian");
        let mut listed: Vec<LanguageCode> = ["uk", "en", "bg", "ru"]
            .iter()
            .filter_map(|c| LanguageCode::parse(c))
            .collect();
        listed.sort_by_key(|c| c.rank());
        let listed: Vec<&str> = listed.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, ["ru", "en", "bg", "uk"]);
        assert_eq!(LanguageCode::parse("xx").unwrap().name(), "");
        assert!(
            NAMES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no repeats"
        );
    }
}
