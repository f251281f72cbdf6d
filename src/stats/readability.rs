//! Readability: Flesch's reading ease, in Oborneva's adaptation for Russian.
//!
//! - **English** (Flesch 1948, "A new readability yardstick", J. Applied Psychology 32): 206.835 − 1.015·ASL −
//!   84.6·ASW.
//! - **Russian** (Оборнева И. В. 2006, «Автоматизированная оценка сложности учебных текстов на основе
//!   статистических параметров», PhD thesis, Moscow): 206.835 − 1.3·ASL − 60.1·ASW. Russian words are longer than
//!   English ones in syllables and shorter in words per sentence; the coefficients rescale both so that the scores
//!   read on Flesch's scale (higher is easier; 90–100 very easy, below 30 very hard).
//!
//! ASL is the average sentence length in words (words / sentences, the sentences of [`crate::text::sentences`]) and
//! ASW the average word length in syllables. A Russian syllable is a vowel letter (а е ё и о у ы э ю я), exactly; an
//! English one is a group of vowel letters (a e i o u y), less a silent final `e` (`make`, not `the` or `table`), at
//! least one per word: the usual approximation of a dictionary's syllable count. A word is a word token (numbers
//! included: `2025` has no syllable). A speaker's score in one meeting uses the meeting's language; over several
//! meetings, the language of most of their words.

use crate::text::Language;

pub use crate::text::syllables::syllables;

/// Flesch's reading ease of text in `language` with these totals; undefined without words or sentences.
pub fn reading_ease(language: Language, words: u64, sentences: u64, syllables: u64) -> Option<f64> {
    if words == 0 || sentences == 0 {
        return None;
    }
    let asl = words as f64 / sentences as f64;
    let asw = syllables as f64 / words as f64;
    Some(match language {
        Language::Ru => 206.835 - 1.3 * asl - 60.1 * asw,
        Language::En => 206.835 - 1.015 * asl - 84.6 * asw,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formulas_are_flesch_and_oborneva() {
        // 100 words, 10 sentences, 150 syllables: ASL 10, ASW 1.5.
        let en = reading_ease(Language::En, 100, 10, 150).unwrap();
        assert!((en - (206.835 - 10.15 - 126.9)).abs() < 1e-9);
        let ru = reading_ease(Language::Ru, 100, 10, 150).unwrap();
        assert!((ru - (206.835 - 13.0 - 90.15)).abs() < 1e-9);
        assert_eq!(reading_ease(Language::Ru, 0, 0, 0), None);
    }
}
