//! Stopwords: built-in Russian and English lists (sources in the list files), replaceable or extendable from a file,
//! or switched off. Stopwords are marked on tokens, never deleted, so tables can show both views.

use hashbrown::HashSet;

use super::normalize::key;
use crate::lang::Language;

const RU: &str = include_str!("stopwords/ru.txt");
const EN: &str = include_str!("stopwords/en.txt");

/// A set of stopword keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stopwords {
    words: HashSet<String>,
}

impl Stopwords {
    /// The built-in list for `language`: for English, NLTK's list and the function words it lacks
    /// ([`super::english::FUNCTION_WORDS`]: `would`, `Mr`, `also`, `thank`, …).
    pub fn builtin(language: Language) -> Stopwords {
        match language {
            Language::Ru => Stopwords::parse(RU),
            Language::En => {
                let mut list = Stopwords::parse(EN);
                for (_, words) in super::english::FUNCTION_WORDS {
                    list.words.extend(words.iter().map(|w| w.to_string()));
                }
                list
            }
        }
    }

    /// No stopwords.
    pub fn none() -> Stopwords {
        Stopwords::default()
    }

    /// Parses a list: one word a line, `#` starts a comment; words are keyed (lowercase, `ё` → `е`).
    pub fn parse(list: &str) -> Stopwords {
        let words = list
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(key)
            .collect();
        Stopwords { words }
    }

    /// Adds the words of another list.
    pub fn extend(&mut self, other: Stopwords) {
        self.words.extend(other.words);
    }

    /// Whether a key is a stopword.
    pub fn contains(&self, key: &str) -> bool {
        self.words.contains(key)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists() {
        let ru = Stopwords::builtin(Language::Ru);
        assert_eq!(
            ru.len(),
            151 + 120,
            "NLTK's 151 and the 120 inflected forms added"
        );
        assert!(ru.contains("и") && ru.contains("еще") && !ru.contains("ещё"));
        assert!(!ru.contains("переговоры"));
        let en = Stopwords::builtin(Language::En);
        // NLTK's 179 and the 152 of the 173 function words it lacks (counted from both lists with a set union).
        assert_eq!(en.len(), 179 + 152);
        assert!(en.contains("the") && en.contains("don't"));
        assert!(en.contains("would") && en.contains("mr") && en.contains("thank"));
    }

    #[test]
    fn user_lists_are_keyed_and_extend() {
        let mut ru = Stopwords::builtin(Language::Ru);
        ru.extend(Stopwords::parse("# мои\nЁЛКА\n  уважаемый  # обращение\n"));
        assert!(ru.contains("елка") && ru.contains("уважаемый"));
        assert_eq!(ru.len(), 273);
        assert!(Stopwords::none().is_empty());
    }
}
