//! Syllables of a word, by its letters, as readability formulas count them: a Russian syllable is a vowel letter
//! (а е ё и о у ы э ю я), exactly; an English one is a group of vowel letters (a e i o u y), less a silent final `e`
//! (`make`, not `the` or `table`), at least one per word with a letter. The usual approximation of a dictionary's
//! syllable count; the readability measures use it.

/// Syllables of a word (a key: lowercase), by its letters: Cyrillic words count vowel letters, others vowel groups.
pub fn syllables(key: &str) -> u32 {
    if crate::lang::has_cyrillic(key) {
        key.chars()
            .filter(|c| matches!(c, 'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я'))
            .count() as u32
    } else {
        english_syllables(key)
    }
}

/// Vowel groups, less a silent final `e`, at least one for a word with a letter.
fn english_syllables(word: &str) -> u32 {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut previous = false;
    for c in word.chars() {
        let v = vowel(c);
        if v && !previous {
            groups += 1;
        }
        previous = v;
    }
    // `make`, `stone`: a final e after a consonant is silent, unless it is the only vowel (`the`) or ends `-le`
    // after a consonant (`table`).
    let chars: Vec<char> = word.chars().collect();
    if let [.., before, c, 'e'] = chars[..] {
        let le_after_consonant = c == 'l' && !vowel(before);
        let silent = !vowel(c) && !le_after_consonant;
        if silent && groups > 1 {
            groups -= 1;
        }
    }
    if groups == 0 && word.chars().any(char::is_alphabetic) {
        groups = 1;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_syllables_are_vowel_letters() {
        assert_eq!(syllables("здравствуйте"), 3);
        assert_eq!(syllables("её"), 2);
        assert_eq!(syllables("в"), 0);
        assert_eq!(syllables("сотрудничество"), 5);
    }

    #[test]
    fn english_syllables_are_vowel_groups_less_a_silent_e() {
        for (word, n) in [
            ("economy", 4),
            ("make", 1),
            ("the", 1),
            ("table", 2),
            ("president", 3),
            ("rhythm", 1),
            ("2025", 0),
            ("yes", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }
}
