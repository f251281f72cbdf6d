//! Speakers named by a user in an option (`--speakers`, `--reference`, `--pair`, `kwic --speaker`), found among the
//! corpus' speakers the way labels are read: spaces trimmed and collapsed, `В. Путин`, `Путин В.В.` and `Владимир
//! Путин` all the person keyed `(В, Путин)`, any case, and a surname alone (`Путин`, `Lukashenko`) when one speaker
//! has it. A name that matches nobody, or several speakers, is an error that lists the closest names.

use super::speaker::{collapse, full_name_key, initials_form};

/// A name given in an option that does not name exactly one speaker.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// No speaker has that name.
    #[error("no speaker is called '{given}'{}", closest_names(closest))]
    NoMatch {
        /// The name as given.
        given: String,
        /// The speakers whose names are closest to it, closest first.
        closest: Vec<String>,
    },
    /// Several speakers have it.
    #[error("'{given}' could be any of {}; give the name as the speakers list writes it", matches.join(", "))]
    Ambiguous {
        /// The name as given.
        given: String,
        /// The speakers it matches.
        matches: Vec<String>,
    },
}

fn closest_names(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!(" (closest: {})", closest.join(", "))
    }
}

/// The person a name stands for: `(first initial, surname)` of a Russian name with initials or a full Russian name.
fn person(name: &str) -> Option<(char, String)> {
    initials_form(name)
        .map(|(key, _)| key)
        .or_else(|| full_name_key(name))
}

/// Lowercase with `ё` and `э` as `е` and hyphens as spaces, for comparing names in any case and any of the
/// spellings transliteration gives (`Диас-Канель`, `Диас Канэль`).
fn folded(s: &str) -> String {
    let s: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ё' | 'э' => 'е',
            '-' | '\u{2010}' | '\u{2011}' => ' ',
            c => c,
        })
        .collect();
    collapse(&s)
}

/// A name without the initials before its surname: `В.Путин` → `Путин`, `М.Диас-Канель Бермудес` → `Диас-Канель
/// Бермудес`, `Vladimir Putin` as it is.
fn without_initials(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(_, rest)| rest).trim()
}

/// The last word of a name (a surname), the initials before it left out: `В.Путин` → `Путин`.
fn last_word(name: &str) -> &str {
    let word = name.rsplit(' ').next().unwrap_or(name);
    word.rsplit('.').next().unwrap_or(word)
}

/// Whether the words of `part` (folded) are words of `name` (folded, initials left out) in a row, ending the name
/// if `at_end`: `Аль Саид` is the end of `Х.Бен Тарек Аль Саид`, `Диас-Канель` a part of `М.Диас-Канель Бермудес`.
fn words_of(name: &str, part: &str, at_end: bool) -> bool {
    let name = folded(without_initials(name));
    let (name, part): (Vec<&str>, Vec<&str>) =
        (name.split(' ').collect(), part.split(' ').collect());
    if part.is_empty() || part.len() > name.len() {
        return false;
    }
    if at_end {
        name.ends_with(&part)
    } else {
        name.windows(part.len()).any(|w| w == part.as_slice())
    }
}

/// The speaker of `speakers` (the corpus' canonical names) that `given` names: the same name, the same person, the
/// same name in another case, or a surname only one speaker has, in that order.
pub fn find_named(speakers: &[String], given: &str) -> Result<String, NameError> {
    let name = collapse(given);
    if let Some(s) = speakers.iter().find(|s| **s == name) {
        return Ok(s.clone());
    }
    let unique = |matches: Vec<&String>| -> Option<Result<String, NameError>> {
        match matches.as_slice() {
            [] => None,
            [one] => Some(Ok((*one).clone())),
            _ => Some(Err(NameError::Ambiguous {
                given: name.clone(),
                matches: matches.iter().map(|s| s.to_string()).collect(),
            })),
        }
    };
    let key = person(&name);
    let part = folded(&name);
    // A part of a name: no initials in it.
    let bare = !name.contains('.');
    let rules: [&dyn Fn(&String) -> bool; 4] = [
        &|s| key.is_some() && person(s) == key,
        &|s| folded(s) == part,
        &|s| bare && words_of(s, &part, true),
        &|s| bare && words_of(s, &part, false),
    ];
    for rule in rules {
        if let Some(found) = unique(speakers.iter().filter(|s| rule(s)).collect()) {
            return found;
        }
    }
    Err(NameError::NoMatch {
        given: name.clone(),
        closest: closest(speakers, &name),
    })
}

/// Up to three speakers whose names (or surnames) are closest to `name` by edit distance, closest first.
fn closest(speakers: &[String], name: &str) -> Vec<String> {
    let name = folded(name);
    let mut scored: Vec<(f64, &String)> = speakers
        .iter()
        .map(|s| {
            let whole = strsim::normalized_damerau_levenshtein(&name, &folded(s));
            let surname = strsim::normalized_damerau_levenshtein(&name, &folded(last_word(s)));
            // As many words of the name in a row as were given (`Диас-Канель` of `М.Диас-Канель Бермудес`).
            let words = folded(without_initials(s));
            let words: Vec<&str> = words.split(' ').collect();
            let n = name.split(' ').count().min(words.len());
            let word = words
                .windows(n.max(1))
                .map(|w| strsim::normalized_damerau_levenshtein(&name, &w.join(" ")))
                .fold(0.0, f64::max);
            (whole.max(surname).max(word), s)
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, s)| s.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers() -> Vec<String> {
        [
            "А.Лукашенко",
            "В.Путин",
            "Вопрос",
            "Vladimir Putin",
            "Xi Jinping",
            "Д.Медведев",
            "С.Медведев",
            "М.Диас-Канель Бермудес",
            "Х.Бен Тарек Аль Саид",
            "Ш.Мирзиёев",
            "Э.Рахмон",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    #[test]
    fn names_are_read_the_way_labels_are() {
        let s = speakers();
        for given in [
            "В.Путин",
            " В. Путин ",
            "В.В.Путин",
            "Путин В.В.",
            "Владимир Путин",
            "Путин",
            "путин",
        ] {
            assert_eq!(find_named(&s, given), Ok("В.Путин".to_string()), "{given}");
        }
        assert_eq!(find_named(&s, "лукашенко"), Ok("А.Лукашенко".to_string()));
        assert_eq!(find_named(&s, "Putin"), Ok("Vladimir Putin".to_string()));
        assert_eq!(find_named(&s, "xi jinping"), Ok("Xi Jinping".to_string()));
        assert_eq!(find_named(&s, "Jinping"), Ok("Xi Jinping".to_string()));
    }

    #[test]
    fn surnames_of_several_words_hyphens_and_the_letters_transliteration_varies() {
        let s = speakers();
        let cuba = Ok("М.Диас-Канель Бермудес".to_string());
        for given in [
            "Диас-Канель",
            "диас-канель бермудес",
            "Диас Канель",
            "Бермудес",
            "Диас-Канэль",
            "М. Диас-Канель Бермудес",
        ] {
            assert_eq!(find_named(&s, given), cuba, "{given}");
        }
        let oman = Ok("Х.Бен Тарек Аль Саид".to_string());
        for given in ["Аль Саид", "аль-саид", "Саид", "Бен Тарек Аль Саид"]
        {
            assert_eq!(find_named(&s, given), oman, "{given}");
        }
        assert_eq!(find_named(&s, "Мирзиеев"), Ok("Ш.Мирзиёев".to_string()));
        assert_eq!(find_named(&s, "Рахмон"), Ok("Э.Рахмон".to_string()));
        assert_eq!(
            find_named(&s, "Диас-Канел").unwrap_err().to_string(),
            "no speaker is called 'Диас-Канел' (closest: М.Диас-Канель Бермудес)"
        );
    }

    #[test]
    fn several_or_no_speakers_are_errors_that_say_whom() {
        let s = speakers();
        assert_eq!(
            find_named(&s, "Медведев"),
            Err(NameError::Ambiguous {
                given: "Медведев".into(),
                matches: vec!["Д.Медведев".into(), "С.Медведев".into()],
            })
        );
        let err = find_named(&s, "Путн").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no speaker is called 'Путн' (closest: В.Путин)"
        );
        let err = find_named(&s, "Никто").unwrap_err();
        assert_eq!(err.to_string(), "no speaker is called 'Никто'");
    }
}
