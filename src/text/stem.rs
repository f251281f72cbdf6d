//! Stemming: Snowball (rust-stemmers) on the key, Russian or English, with a per-type cache.
//!
//! rust-stemmers implements the pre-2019 Snowball Russian algorithm, which neither lowercases nor folds `ё`; applied
//! to the key (lowercase, `ё` → `е`) it agrees with current Snowball on its whole test vocabulary (the conformance
//! test reads `../shared/reference/snowball-russian/`).

use hashbrown::HashMap;
use rust_stemmers::Algorithm;

use crate::lang::Language;

/// A Snowball stemmer for one language.
pub struct Stemmer {
    inner: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer")
    }
}

impl Stemmer {
    /// The stemmer for `language`.
    pub fn new(language: Language) -> Stemmer {
        let algorithm = match language {
            Language::Ru => Algorithm::Russian,
            Language::En => Algorithm::English,
        };
        Stemmer {
            inner: rust_stemmers::Stemmer::create(algorithm),
        }
    }

    /// The stem of a key (a lowercase, `ё`-folded word).
    pub fn stem<'a>(&self, key: &'a str) -> std::borrow::Cow<'a, str> {
        self.inner.stem(key)
    }
}

/// A stemmer that stems each distinct key once.
#[derive(Debug)]
pub struct StemCache {
    stemmer: Stemmer,
    cache: HashMap<Box<str>, Box<str>>,
}

impl StemCache {
    /// A cache around the stemmer for `language`.
    pub fn new(language: Language) -> StemCache {
        StemCache {
            stemmer: Stemmer::new(language),
            cache: HashMap::new(),
        }
    }

    /// The stem of `key`, computed once per distinct key.
    pub fn stem(&mut self, key: &str) -> &str {
        if !self.cache.contains_key(key) {
            let stem: Box<str> = self.stemmer.stem(key).into();
            self.cache.insert(key.into(), stem);
        }
        &self.cache[key]
    }

    /// Distinct keys stemmed so far.
    pub fn len(&self) -> usize {
        self.cache.len()
    }

    /// Nothing stemmed yet.
    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_english() {
        let ru = Stemmer::new(Language::Ru);
        assert_eq!(ru.stem("переговоры"), "переговор");
        assert_eq!(ru.stem("подчеркивает"), "подчеркива");
        let en = Stemmer::new(Language::En);
        assert_eq!(en.stem("negotiations"), "negoti");
        let mut cache = StemCache::new(Language::Ru);
        assert_eq!(cache.stem("товарооборота"), "товарооборот");
        assert_eq!(cache.stem("товарооборота"), "товарооборот");
        assert_eq!(cache.len(), 1);
    }
}
