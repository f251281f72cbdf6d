//! The words before a full stop that tell whether it ends a sentence: abbreviations that are always followed by more
//! (`т. е.`, `ул.`, `Mr.`), those that close a list (`и т. д.`), and the full words that end a sentence even before a
//! lowercase word in informal text.

use crate::lang::is_cyrillic;

/// Abbreviations after which a full stop never ends a sentence (lowercase, without the full stop).
pub(super) const NEVER_FINAL: [&str; 27] = [
    "т",
    "им",
    "ул",
    "пр-т",
    "просп",
    "пл",
    "д",
    "г-н",
    "г-жа",
    "проф",
    "акад",
    "св",
    "тов",
    "гр",
    "см",
    "ср",
    "напр",
    "рис",
    "стр",
    "табл",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "vs",
    "prof",
];

/// Of [`NEVER_FINAL`], those that are final after all when the next sentence plainly starts (`и т. д. Затем`):
/// `д` and `п` close `т. д.`, `т. п.`
pub(super) const FINAL_IN_LISTS: [&str; 2] = ["д", "п"];

/// Abbreviations of four or more letters that end like a full word (in a vowel or an inflection) and so would
/// pass [`looks_like_full_word`]: `прим.` (примечание), `перев.`, `прил.`, `полит.`, `архит.`, `насел.`, `посел.`
const LONG_ABBREVIATIONS: [&str; 7] = ["прим", "перев", "прил", "полит", "архит", "насел", "посел"];

/// Endings of inflected Russian words that end in a consonant (case endings, verb endings). An abbreviation is cut
/// before a vowel and ends in a consonant (`англ.`, `примеч.`, `наст.`, `собр.`), so a word that ends in a vowel,
/// `ь`, `й`, a past-tense `-л` after a vowel, or one of these endings is taken for a full word.
const FULL_WORD_ENDINGS: [&str; 18] = [
    "ых", "их", "ах", "ях", "ов", "ев", "ом", "ем", "ам", "ям", "ым", "им", "ют", "ут", "ет", "ит",
    "ат", "ят",
];

/// Whether `word` (the word before a full stop) is a full Cyrillic word of four or more letters, not an
/// abbreviation, so that a full stop after it ends a sentence even when the next word is lowercase
/// (`обещает тепло. я хочу` in informal text). Acronyms (`МВД`) and Latin words (`site. com`) are not.
pub(super) fn looks_like_full_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(is_cyrillic(first) && first.is_alphabetic())
        || word.chars().count() < 4
        || !chars.all(|c| is_cyrillic(c) && c.is_alphabetic() && !c.is_uppercase())
    {
        return false;
    }
    let lower = word.to_lowercase();
    if LONG_ABBREVIATIONS.contains(&lower.as_str()) || NEVER_FINAL.contains(&lower.as_str()) {
        return false;
    }
    let mut rev = lower.chars().rev();
    let last = rev.next().unwrap_or(' ');
    let before_last = rev.next().unwrap_or(' ');
    let vowel = |c: char| "аеёиоуыэюяьй".contains(c);
    vowel(last)
        || (last == 'л' && vowel(before_last))
        || FULL_WORD_ENDINGS.iter().any(|e| lower.ends_with(e))
}
