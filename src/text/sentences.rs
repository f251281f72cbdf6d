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
use abbreviations::{looks_like_full_word, FINAL_IN_LISTS, NEVER_FINAL};
use marks::{
    bracket_delta, first_char, is_asterisk_separator, is_blank_symbol, is_bullet, is_closing,
    is_final_run, is_hashtag, is_opening, is_pictograph, is_smiley, starts_after_symbol,
};

mod abbreviations;
mod marks;

/// Sentences as ranges of token indices, in order, covering every token.
pub fn sentence_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut splitter = Splitter {
        text,
        tokens,
        out: Vec::new(),
        start: 0,
        depth: 0,
        seen: 0,
    };
    let mut i = 0;
    while i < tokens.len() {
        i = splitter.step(i);
    }
    if splitter.start < tokens.len() {
        splitter.out.push(splitter.start..tokens.len());
    }
    splitter.out
}

/// The sentences found so far, and the one being read.
struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    out: Vec<Range<usize>>,
    /// The first token of the current sentence.
    start: usize,
    /// Brackets and guillemets open in the current sentence, counted over `tokens[start..seen]`.
    depth: i32,
    seen: usize,
}

impl<'a> Splitter<'a> {
    fn surface(&self, k: usize) -> &'a str {
        self.tokens[k].surface(self.text)
    }

    fn newline_between(&self, a: usize, b: usize) -> bool {
        self.text[self.tokens[a].end..self.tokens[b].start].contains('\n')
    }

    /// Whether token `end` starts the text's next line (`false` at the end of the tokens).
    fn line_ends_before(&self, end: usize) -> bool {
        end < self.tokens.len() && self.newline_between(end - 1, end)
    }

    /// Ends the current sentence before token `end`.
    fn close(&mut self, end: usize) {
        self.out.push(self.start..end);
        self.start = end;
        self.depth = 0;
        self.seen = end;
    }

    /// Reads from token `i` on: ends the sentence where the tokens from `i` end one, and returns the next token to
    /// read.
    fn step(&mut self, i: usize) -> usize {
        while self.seen < i + 1 {
            self.depth += bracket_delta(self.tokens[self.seen].kind, self.surface(self.seen));
            self.seen += 1;
        }
        let kind = self.tokens[i].kind;
        let end = if kind == TokenKind::Symbol
            && (is_pictograph(self.surface(i)) || is_smiley(self.surface(i)))
        {
            match self.after_emoji(i) {
                Ok(next) => return next,
                Err(end) => end,
            }
        } else if let Some(end) = bracket_smiley_end(self.text, self.tokens, i, self.depth) {
            // `красиво))) Красивая`, `не поможет(( Вот`: brackets that close nothing are a smiley.
            if end < self.tokens.len()
                && !self.newline_between(end - 1, end)
                && starts_after_symbol(self.surface(end))
            {
                self.close(end);
                return end;
            }
            end
        } else if self.closes_hashtags(i) {
            // A run of hashtags closes a post: `#сочи #отдых Добрый вечер`.
            self.close(i + 1);
            return i + 1;
        } else if is_final_run(kind, self.surface(i)) {
            return self.after_final_run(i);
        } else {
            i + 1
        };
        if self.line_ends_before(end) {
            self.close(end);
        }
        end
    }

    /// Social-media text ends sentences with emoji and smileys instead of full stops; a bullet (`✅`) opens an item
    /// instead. `Ok`: the next token to read, after a run of pictographs on one line; `Err`: the end of the run when
    /// the line or the text ends after it.
    fn after_emoji(&mut self, i: usize) -> Result<usize, usize> {
        let mut end = i + 1;
        while end < self.tokens.len()
            && self.tokens[end].kind == TokenKind::Symbol
            && is_pictograph(self.surface(end))
        {
            end += 1;
        }
        if end < self.tokens.len() && !self.newline_between(end - 1, end) {
            if !is_bullet(self.surface(end - 1)) && starts_after_symbol(self.surface(end)) {
                self.close(end);
            }
            return Ok(end);
        }
        Err(end)
    }

    /// Whether token `i` ends a run of hashtags that closes a post, before a capital letter or a mention on the same
    /// line.
    fn closes_hashtags(&self, i: usize) -> bool {
        let end = i + 1;
        let hashtag = |k: usize| is_hashtag(self.tokens[k].kind, self.surface(k));
        i > 0
            && hashtag(i)
            && hashtag(i - 1)
            && end < self.tokens.len()
            && !self.newline_between(i, end)
            && !hashtag(end)
            && starts_after_symbol(self.surface(end))
    }

    /// After a run of `.`, `!`, `?`, `…` at token `i`, with the closing quotes and brackets glued to it and the
    /// invisible spacers after it: ends the sentence there at a line end or where [`ends_sentence`] says. Returns the
    /// next token to read.
    fn after_final_run(&mut self, i: usize) -> usize {
        let len = self.tokens.len();
        let mut end = i + 1;
        while end < len
            && self.tokens[end - 1].end == self.tokens[end].start
            && is_closing(self.surface(end))
        {
            end += 1;
        }
        // Invisible spacers after the stop stay with the sentence it ends.
        while end < len && is_blank_symbol(self.surface(end)) {
            end += 1;
        }
        if self.line_ends_before(end)
            || (end < len && ends_sentence(self.text, self.tokens, i, end, self.depth > 0))
        {
            self.close(end);
        }
        end
    }
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
