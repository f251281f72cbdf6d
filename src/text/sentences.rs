//! Sentence splitting over tokens.
//!
//! A sentence ends after a run of `.`, `!`, `?`, `…` (and the closing quotes and brackets glued to it) when the
//! next token starts a sentence: a capital letter, an opening quote or bracket, a dash that opens a line of
//! dialogue (not followed by a lowercase word, which would make it an attribution: «— Да? — спросил он»), or a digit
//! after an ordinary word. It does not end after an initial (`В. Путин`), after abbreviations that are always
//! followed by more (`т. е.`, `им.`, `ул.`, `г-н`, `проф.`, `см.`, `Mr.`, …), or after `г.` that does not follow a
//! number (`г. Москва`; but `в 2021 г. Мы` ends). A line break always ends a sentence, so a heading or a paragraph
//! without a full stop never runs into the next one.

use std::ops::Range;

use super::tokenize::{Token, TokenKind};

/// Abbreviations after which a full stop never ends a sentence (lowercase, without the full stop).
const NEVER_FINAL: [&str; 27] = [
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
const FINAL_IN_LISTS: [&str; 2] = ["д", "п"];

fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "\"" | "”" | "“" | ")" | "]" | "’" | "'" | "›")
}

fn is_smiley(s: &str) -> bool {
    s.len() >= 2 && s.ends_with([')', '('])
}

fn is_opening(s: &str) -> bool {
    matches!(s, "«" | "„" | "“" | "\"" | "(" | "[" | "‹" | "'")
}

fn is_final_run(kind: TokenKind, s: &str) -> bool {
    kind == TokenKind::Punct && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Emoji and other pictographs (the blocks they live in).
fn is_pictograph(s: &str) -> bool {
    let c = first_char(s);
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Sentences as ranges of token indices, in order, covering every token.
pub fn sentence_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let surface = |k: usize| tokens[k].surface(text);
    let newline_between = |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains('\n');
    while i < tokens.len() {
        let mut end = i + 1; // exclusive end of a candidate sentence
        let mut candidate = false;
        if tokens[i].kind == TokenKind::Symbol
            && (is_pictograph(surface(i)) || is_smiley(surface(i)))
        {
            // Social-media text ends sentences with emoji and smileys instead of full stops.
            while end < tokens.len()
                && tokens[end].kind == TokenKind::Symbol
                && is_pictograph(surface(end))
            {
                end += 1;
            }
            if end < tokens.len() && !newline_between(end - 1, end) {
                let next = surface(end);
                let c = first_char(next);
                if c.is_uppercase() || c == '@' {
                    out.push(start..end);
                    start = end;
                }
                i = end;
                continue;
            }
        }
        if is_final_run(tokens[i].kind, surface(i)) {
            candidate = true;
            while end < tokens.len()
                && tokens[end].start == tokens[end - 1].end
                && is_closing(surface(end))
            {
                end += 1;
            }
        }
        if end < tokens.len() && newline_between(end - 1, end) {
            out.push(start..end);
            start = end;
            i = end;
            continue;
        }
        if candidate && end < tokens.len() && ends_sentence(text, tokens, i, end) {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether the final run at token `mark` (with closers up to `next`, exclusive) ends a sentence before `next`.
fn ends_sentence(text: &str, tokens: &[Token], mark: usize, next: usize) -> bool {
    let s = |k: usize| tokens[k].surface(text);
    let following = s(next);
    let c = first_char(following);
    let starts_upper = c.is_uppercase();
    let starts_new = starts_upper
        || c == '@'
        || is_opening(following)
        || (matches!(c, '—' | '–' | '-')
            && tokens
                .get(next + 1)
                .is_none_or(|t| !first_char(t.surface(text)).is_lowercase()))
        || c.is_ascii_digit();
    if !starts_new {
        return false;
    }
    // Only a single full stop right after the previous word can belong to an abbreviation or initial.
    if s(mark) != "." || mark == 0 || next != mark + 1 || tokens[mark - 1].end != tokens[mark].start
    {
        return true;
    }
    let prev = tokens[mark - 1];
    if prev.kind != TokenKind::Word {
        return true;
    }
    let word = s(mark - 1);
    let lower = word.to_lowercase();
    let single_letter = word.chars().count() == 1;
    if single_letter && first_char(word).is_uppercase() {
        // An initial: `В. Путин`, `А.С. Пушкин`.
        return !starts_upper;
    }
    if lower == "г" {
        // `в 2021 г. Мы` ends; `г. Москва` does not.
        return mark >= 2 && tokens[mark - 2].kind == TokenKind::Number;
    }
    if FINAL_IN_LISTS.contains(&lower.as_str()) {
        return starts_upper;
    }
    if NEVER_FINAL.contains(&lower.as_str()) || (single_letter && c.is_ascii_digit()) {
        return false;
    }
    !(c.is_ascii_digit() && single_letter)
}

/// Sentences as byte ranges of `text`, from the first token's start to the last token's end.
pub fn sentence_spans(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    sentence_ranges(text, tokens)
        .into_iter()
        .map(|r| tokens[r.start].start..tokens[r.end - 1].end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens: Vec<_> = tokenize(text).collect();
        sentence_spans(text, &tokens)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn ordinary_sentences_and_quotes() {
        assert_eq!(
            sentences("Мы рады. Добро пожаловать!"),
            ["Мы рады.", "Добро пожаловать!"]
        );
        assert_eq!(
            sentences("Он сказал: «Да!» Потом ушёл... Куда? Никто не знает"),
            [
                "Он сказал: «Да!»",
                "Потом ушёл...",
                "Куда?",
                "Никто не знает"
            ]
        );
        assert_eq!(
            sentences("Он спросил «как?» и ушёл."),
            ["Он спросил «как?» и ушёл."]
        );
    }

    #[test]
    fn initials_and_abbreviations() {
        assert_eq!(
            sentences("Встретились В. В. Путин и А.Г.Лукашенко. Потом обед."),
            ["Встретились В. В. Путин и А.Г.Лукашенко.", "Потом обед."]
        );
        assert_eq!(
            sentences("Это т. е. главное, см. Приложение. Да."),
            ["Это т. е. главное, см. Приложение.", "Да."]
        );
        assert_eq!(
            sentences("Итоги 2021 г. Мы росли. В г. Москва тепло."),
            ["Итоги 2021 г.", "Мы росли.", "В г. Москва тепло."]
        );
        assert_eq!(
            sentences("Наука, культура и т. д. Затем спорт."),
            ["Наука, культура и т. д.", "Затем спорт."]
        );
    }

    #[test]
    fn dialogue_dashes_and_line_breaks() {
        assert_eq!(
            sentences("— Да? — спросил он. — Пойдём."),
            ["— Да? — спросил он.", "— Пойдём."]
        );
        assert_eq!(
            sentences("Заголовок без точки\nТекст абзаца. Ещё"),
            ["Заголовок без точки", "Текст абзаца.", "Ещё"]
        );
    }
}
