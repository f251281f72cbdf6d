//! Sentence splitting over tokens.
//!
//! A sentence ends after a run of `.`, `!`, `?`, `…` (and the closing quotes and brackets glued to it) when the
//! next token starts a sentence: a capital letter, an opening quote or bracket, a dash that opens a line of
//! dialogue (not followed by a lowercase word, which would make it an attribution: «— Да? — спросил он»), or a digit
//! after an ordinary word. It does not end after an initial (`В. Путин`), after abbreviations that are always
//! followed by more (`т. е.`, `им.`, `ул.`, `г-н`, `проф.`, `см.`, `Mr.`, …), or after `г.` that does not follow a
//! number (`г. Москва`; but `в 2021 г. Мы` ends). A line break always ends a sentence, so a heading or a paragraph
//! without a full stop never runs into the next one. A separator of asterisks (`* * *`) opens a sentence too.
//!
//! Informal text (social media, chats) does not always capitalize or punctuate, so a sentence also ends
//! - before a lowercase word after a full stop glued to a full word that is no abbreviation (`обещает тепло. я хочу`;
//!   not `млрд. рублей`, `т. е.`), outside open brackets and guillemets; after `!`, `?` or an ellipsis a lowercase
//!   word goes on, as edited prose has it (`Ах! как хорошо`, `Я думал... и думал`);
//! - after emoji or a smiley, bracket smileys included (`красиво))) Красивая`, `не поможет(( Вот`), or after a run of
//!   hashtags (`#сочи #отдых Добрый вечер`), before a capital letter or a mention; a check-mark bullet (`✅`) opens
//!   the next sentence instead of ending one (`весь день. ✔ К середине зимы`).

use std::ops::Range;

use super::tokenize::{Token, TokenKind};
use crate::lang::is_cyrillic;

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
fn looks_like_full_word(word: &str) -> bool {
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

/// A blank that Instagram-style posts use as an invisible spacer (U+2800, braille pattern blank).
fn is_blank_symbol(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c == '\u{2800}')
}

/// Check marks and arrows that posts use as list bullets (`✅ Снасти: …`, `👉 Подробнее`): they open an item.
fn is_bullet(s: &str) -> bool {
    let base = s.trim_end_matches('\u{FE0F}');
    let mut chars = base.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    chars.all(|d| d == c)
        && matches!(
            c,
            '✔' | '✅'
                | '☑'
                | '✓'
                | '▶'
                | '►'
                | '➡'
                | '➤'
                | '👉'
                | '🔸'
                | '🔹'
                | '▪'
                | '◾'
                | '•'
        )
}

/// Whether the tokens from `k` are a separator of asterisks (`* * *`, `***`) set apart by a space from what
/// precedes and followed by a capital letter or the end, as between poems or sections (not `* * *, с июля`, where
/// the asterisks hide a name).
fn is_asterisk_separator(text: &str, tokens: &[Token], k: usize) -> bool {
    let is_stars = |t: &Token| {
        let s = t.surface(text);
        !s.is_empty() && s.chars().all(|c| c == '*')
    };
    if k == 0 || tokens[k - 1].end == tokens[k].start || !is_stars(&tokens[k]) {
        return false;
    }
    let mut end = k;
    while end < tokens.len() && is_stars(&tokens[end]) {
        end += 1;
    }
    tokens
        .get(end)
        .is_none_or(|t| first_char(t.surface(text)).is_uppercase())
}

/// Whether the token is a hashtag (`#сочи`).
fn is_hashtag(kind: TokenKind, s: &str) -> bool {
    kind == TokenKind::Word && s.starts_with('#')
}

/// Whether the token starts a sentence after an emoji, a smiley or a hashtag: a capital letter or a mention.
fn starts_after_symbol(s: &str) -> bool {
    let c = first_char(s);
    c.is_uppercase() || c == '@'
}

/// Change in the count of open brackets and guillemets that the token makes: `(` `[` `«` open, `)` `]` `»` close.
fn bracket_delta(kind: TokenKind, s: &str) -> i32 {
    if kind != TokenKind::Punct {
        return 0;
    }
    match s {
        "(" | "[" | "«" => 1,
        ")" | "]" | "»" => -1,
        _ => 0,
    }
}

/// Sentences as ranges of token indices, in order, covering every token.
pub fn sentence_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Brackets and guillemets open in the current sentence, counted over tokens[start..seen].
    let mut depth: i32 = 0;
    let mut seen = 0;
    let surface = |k: usize| tokens[k].surface(text);
    let newline_between = |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains('\n');
    let glued = |a: usize, b: usize| tokens[a].end == tokens[b].start;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive end of a candidate sentence
        let mut candidate = false;
        while seen < end {
            depth += bracket_delta(tokens[seen].kind, surface(seen));
            seen += 1;
        }
        if tokens[i].kind == TokenKind::Symbol
            && (is_pictograph(surface(i)) || is_smiley(surface(i)))
        {
            // Social-media text ends sentences with emoji and smileys instead of full stops; a bullet (`✅`)
            // opens an item instead.
            while end < tokens.len()
                && tokens[end].kind == TokenKind::Symbol
                && is_pictograph(surface(end))
            {
                end += 1;
            }
            if end < tokens.len() && !newline_between(end - 1, end) {
                if !is_bullet(surface(end - 1)) && starts_after_symbol(surface(end)) {
                    out.push(start..end);
                    start = end;
                    depth = 0;
                    seen = end;
                }
                i = end;
                continue;
            }
        }
        if let Some(run_end) = bracket_smiley_end(text, tokens, i, depth) {
            // `красиво))) Красивая`, `не поможет(( Вот`: brackets that close nothing are a smiley.
            end = run_end;
            if end < tokens.len()
                && !newline_between(end - 1, end)
                && starts_after_symbol(surface(end))
            {
                out.push(start..end);
                start = end;
                depth = 0;
                seen = end;
                i = end;
                continue;
            }
        }
        if i > 0
            && is_hashtag(tokens[i].kind, surface(i))
            && is_hashtag(tokens[i - 1].kind, surface(i - 1))
            && end < tokens.len()
            && !newline_between(i, end)
            && !is_hashtag(tokens[end].kind, surface(end))
            && starts_after_symbol(surface(end))
        {
            // A run of hashtags closes a post: `#сочи #отдых Добрый вечер`.
            out.push(start..end);
            start = end;
            depth = 0;
            seen = end;
            i = end;
            continue;
        }
        if is_final_run(tokens[i].kind, surface(i)) {
            candidate = true;
            while end < tokens.len() && glued(end - 1, end) && is_closing(surface(end)) {
                end += 1;
            }
            // Invisible spacers after the stop stay with the sentence it ends.
            while end < tokens.len() && is_blank_symbol(surface(end)) {
                end += 1;
            }
        }
        if end < tokens.len() && newline_between(end - 1, end) {
            out.push(start..end);
            start = end;
            depth = 0;
            seen = end;
            i = end;
            continue;
        }
        if candidate && end < tokens.len() && ends_sentence(text, tokens, i, end, depth > 0) {
            out.push(start..end);
            start = end;
            depth = 0;
            seen = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// If token `i` starts a bracket smiley, the exclusive end of its run: `)` that closes no bracket open in the
/// sentence (`depth` open ones before it) after a word or a final mark (not after a number or a single letter,
/// which would make it a list marker: `1)`, `а)`), or a glued run of two or more `(` not followed by a glued token.
fn bracket_smiley_end(text: &str, tokens: &[Token], i: usize, depth: i32) -> Option<usize> {
    let s = |k: usize| tokens[k].surface(text);
    let t = tokens[i];
    if t.kind != TokenKind::Punct || i == 0 {
        return None;
    }
    let mark = s(i);
    if mark != ")" && mark != "(" {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && tokens[end - 1].end == tokens[end].start && s(end) == mark {
        end += 1;
    }
    let prev = tokens[i - 1];
    if mark == ")" {
        // The `)` tokens of the run were counted into `depth` already: it closes nothing when the count before
        // this token was not positive.
        let before = depth + 1;
        let after_list_marker = prev.kind == TokenKind::Number
            || (prev.kind == TokenKind::Word && s(i - 1).chars().count() == 1);
        if before > 0 || after_list_marker {
            return None;
        }
    } else {
        let glued_after = end < tokens.len() && tokens[end - 1].end == tokens[end].start;
        if end - i < 2 || glued_after {
            return None;
        }
    }
    Some(end)
}

/// Whether the final run at token `mark` (with closers up to `next`, exclusive) ends a sentence before `next`.
/// `inside_pair`: a bracket or guillemet opened in the sentence is still open.
fn ends_sentence(
    text: &str,
    tokens: &[Token],
    mark: usize,
    next: usize,
    inside_pair: bool,
) -> bool {
    let s = |k: usize| tokens[k].surface(text);
    // A bullet between the stop and the next sentence opens that sentence: `весь день. ✔ К середине зимы`.
    let mut probe = next;
    if tokens[next - 1].end < tokens[next].start {
        while probe < tokens.len() && is_bullet(s(probe)) {
            probe += 1;
        }
        if probe == tokens.len() || (probe > next && !starts_after_symbol(s(probe))) {
            probe = next;
        }
    }
    let following = s(probe);
    let c = first_char(following);
    let starts_upper = c.is_uppercase();
    let starts_new = starts_upper
        || c == '@'
        || is_opening(following)
        || (matches!(c, '—' | '–' | '-')
            && tokens
                .get(probe + 1)
                .is_none_or(|t| !first_char(t.surface(text)).is_lowercase()))
        || c.is_ascii_digit()
        || is_asterisk_separator(text, tokens, probe);
    if !starts_new {
        return !inside_pair
            && next == mark + 1
            && tokens[next].kind == TokenKind::Word
            && c.is_lowercase()
            && is_cyrillic(c)
            && ends_before_lowercase(text, tokens, mark);
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

/// Whether the final run at token `mark`, followed directly by a lowercase word, ends a sentence all the same, as
/// it does in informal text that does not capitalize: a single full stop glued to a full word
/// ([`looks_like_full_word`]: `обещает тепло. я хочу`, but not `млрд. рублей`, `т. е.` or `примеч. автора`).
/// After `!`, `?` or an ellipsis a lowercase word goes on, as edited prose writes it (`Ах! как хорошо`,
/// `Кто ты? откуда?`, `Я думал... и думал`), though chats break the rule too (`Красота! никогда не была`).
fn ends_before_lowercase(text: &str, tokens: &[Token], mark: usize) -> bool {
    tokens[mark].surface(text) == "."
        && mark > 0
        && tokens[mark - 1].kind == TokenKind::Word
        && tokens[mark - 1].end == tokens[mark].start
        && looks_like_full_word(tokens[mark - 1].surface(text))
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
    fn lowercase_starts_in_informal_text() {
        assert_eq!(
            sentences("Какая красота! никогда такого не видела. они прекрасны"),
            ["Какая красота! никогда такого не видела.", "они прекрасны"]
        );
        assert_eq!(
            sentences("Ах! как хорошо. Кто ты? откуда?"),
            ["Ах! как хорошо.", "Кто ты? откуда?"]
        );
        // Abbreviations, an ellipsis, quotes and brackets keep the sentence going.
        assert_eq!(
            sentences("Долг вырос на 5 млрд. рублей, см. прим. автора и франц. текст."),
            ["Долг вырос на 5 млрд. рублей, см. прим. автора и франц. текст."]
        );
        assert_eq!(
            sentences("Я думал... и думал. Он спросил «как?» и ушёл (зачем? не знаю)."),
            [
                "Я думал... и думал.",
                "Он спросил «как?» и ушёл (зачем? не знаю)."
            ]
        );
        assert_eq!(
            sentences("Пишите на site. com и ждите. ответ придёт"),
            ["Пишите на site. com и ждите.", "ответ придёт"]
        );
    }

    #[test]
    fn full_words_and_abbreviations_before_a_full_stop() {
        for word in [
            "тепло",
            "любил",
            "любишь",
            "обрывочных",
            "словами",
            "делает",
        ] {
            assert!(looks_like_full_word(word), "{word}");
        }
        for word in [
            "англ",
            "млрд",
            "примеч",
            "наст",
            "прим",
            "проф",
            "МВД",
            "site",
            "мир",
            "т",
        ] {
            assert!(!looks_like_full_word(word), "{word}");
        }
    }

    #[test]
    fn smileys_hashtags_and_bullets() {
        assert_eq!(
            sentences("Очень красиво))) Красивая зима. Жаль(( Вот так"),
            ["Очень красиво)))", "Красивая зима.", "Жаль((", "Вот так"]
        );
        // A bracket that closes an open one, or marks a list item, is no smiley.
        assert_eq!(
            sentences("Он (наш друг) Пришёл. Пункты: 1) Первый 2) Второй"),
            ["Он (наш друг) Пришёл.", "Пункты: 1) Первый 2) Второй"]
        );
        assert_eq!(
            sentences("Отдыхаем #сочи #море Всем привет"),
            ["Отдыхаем #сочи #море", "Всем привет"]
        );
        assert_eq!(
            sentences("Клёв весь день. ✔ Снасти: удочка. ✅ Наживка: мотыль"),
            ["Клёв весь день.", "✔ Снасти: удочка.", "✅ Наживка: мотыль"]
        );
        assert_eq!(
            sentences("Спасибо за фото 😍 Очень ждём"),
            ["Спасибо за фото 😍", "Очень ждём"]
        );
    }

    #[test]
    fn asterisk_separator_opens_a_poem() {
        assert_eq!(
            sentences("Я имени его не знаю. * * * Солнце льёт жаркий мёд."),
            ["Я имени его не знаю.", "* * * Солнце льёт жаркий мёд."]
        );
        assert_eq!(
            sentences("Мы знаем это. * * *, с июля директор."),
            ["Мы знаем это. * * *, с июля директор."]
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
