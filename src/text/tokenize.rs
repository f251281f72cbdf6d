//! Tokenization: the text as read to [`Token`]s with a kind and byte offsets.
//!
//! Rules, in the conventions of razdel (the reference Russian tokenizer) where the two agree with the gold data:
//! - a **word** is a run of letters and combining marks of one script (a switch between Latin and Cyrillic is a
//!   boundary, as is a letter followed directly by a digit); a hyphen (`-`, U+2010–U+2012) or soft hyphen between two
//!   letters or digits joins (`по-моему`, `Касым-Жомарт`, `что‑то`, `COVID-19`, `30-летия`), and so do an
//!   apostrophe between two letters (`O’Brien`, `д'Артаньян`) and an underscore between two letters or digits
//!   (`MVI_0990`); a hashtag or mention (`#сочи`, `@user`) is one word;
//! - a **number** is a run of digits with `.`, `,` or `/` between digits kept inside (`24,5`, `10.08.2011`,
//!   `2007/08`); a number joined by a hyphen to letters is a word (`25-го`);
//! - **punctuation**: runs of `.`, `!`, `?`, `…` are one token (`...`, `?!`), and so are runs of one dash;
//!   any other punctuation mark is a token by itself, except emoticons (`:)`, `;-(((`);
//! - anything else that is not a space is a **symbol**: one grapheme cluster (`%`, `№`, `❤️`, `🙏🏻`), or a run of
//!   the same one (`😍😍😍`, `¯¯¯`).
//!
//! Abbreviations and initials are split from their full stop, as in razdel's gold (`т`, `.`); the sentence splitter
//! knows them. Zero-width characters and the BOM count as spaces.

use serde::Serialize;

use super::normalize::is_hyphen_like;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (possibly with digits joined by a hyphen).
    Word,
    /// Digits, with decimal or group separators between them.
    Number,
    /// A punctuation mark or a run of sentence-final marks.
    Punct,
    /// Any other visible character.
    Symbol,
}

impl TokenKind {
    /// `word`, `number`, `punct` or `symbol`.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }
}

/// A token: a kind and a byte range of the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text` (the text it was read from).
    pub fn surface<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

use crate::lang::is_cyrillic;

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_cyrillic(c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// The script class of a letter: 1 Latin, 2 Cyrillic, 0 other. A change between 1 and 2 splits a word.
fn script(c: char) -> u8 {
    if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
        1
    } else if is_cyrillic(c) {
        2
    } else {
        0
    }
}

fn same_script(a: u8, b: u8) -> bool {
    a == 0 || b == 0 || a == b
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric() && !c.is_alphabetic())
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

fn is_hyphen(c: char) -> bool {
    c == '-' || is_hyphen_like(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_final(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―')
}

/// Punctuation marks (everything else that is not a letter, digit or space is a symbol).
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | '„'
            | '“'
            | '”'
            | '‟'
            | '"'
            | '\''
            | '‘'
            | '’'
            | '‚'
            | '‹'
            | '›'
            | '/'
            | '\\'
            | '·'
            | '•'
            | '¡'
            | '¿'
    ) || is_dash(c)
}

/// A tokenizer over one text; an iterator of [`Token`]s.
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    /// Whether runs of ASCII and Cyrillic letters are scanned byte by byte ([`Tokenizer::letters`]); off only in the
    /// tests that check both ways give the same tokens.
    bytes: bool,
}

/// Tokenizes `text`.
pub fn tokenize(text: &str) -> Tokenizer<'_> {
    Tokenizer {
        text,
        pos: 0,
        bytes: true,
    }
}

impl<'a> Tokenizer<'a> {
    fn peek(&self, at: usize) -> Option<char> {
        self.text[at..].chars().next()
    }

    /// Scans letters and marks of one script from `at`; returns the end.
    ///
    /// Most letters are ASCII (one byte) or in the Cyrillic block U+0400–U+04FF, whose characters are exactly the
    /// two-byte sequences led by 0xD0–0xD3 and are all letters of the Cyrillic script here ([`is_cyrillic`]): those
    /// are taken byte by byte, without decoding a character; anything else goes the way of every character.
    fn letters(&self, mut at: usize) -> usize {
        let mut run = 0;
        if self.bytes {
            let bytes = self.text.as_bytes();
            while let Some(&b) = bytes.get(at) {
                let (script, width) = match b {
                    b'a'..=b'z' | b'A'..=b'Z' => (1, 1),
                    0xD0..=0xD3 => (2, 2),
                    _ => break,
                };
                if !same_script(run, script) {
                    return at;
                }
                run = script;
                at += width;
            }
        }
        for c in self.text[at..].chars() {
            if is_letter(c) {
                let s = script(c);
                if !same_script(run, s) {
                    break;
                }
                run = run.max(s);
                at += c.len_utf8();
            } else if is_mark(c) || c == '\u{00AD}' {
                at += c.len_utf8();
            } else {
                break;
            }
        }
        at
    }

    /// Scans digits with inner `.`/`,` separators from `at`; returns the end.
    fn digits(&self, mut at: usize) -> usize {
        loop {
            let run_start = at;
            for c in self.text[at..].chars() {
                if is_digit(c) {
                    at += c.len_utf8();
                } else {
                    break;
                }
            }
            if at == run_start {
                return at;
            }
            match self.peek(at) {
                Some(sep @ ('.' | ',' | '/')) if self.peek(at + 1).is_some_and(is_digit) => {
                    at += sep.len_utf8()
                }
                _ => return at,
            }
        }
    }

    /// Scans a word or number from `start`, joining hyphenated parts and apostrophes.
    fn compound(&self, start: usize) -> (usize, bool) {
        let mut at = start;
        let mut has_letter = false;
        while let Some(c) = self.peek(at) {
            if is_letter(c) {
                at = self.letters(at);
                has_letter = true;
                // An apostrophe between letters joins.
                while let Some(a) = self.peek(at).filter(|&a| is_apostrophe(a)) {
                    if self.peek(at + a.len_utf8()).is_some_and(is_letter) {
                        at = self.letters(at + a.len_utf8());
                    } else {
                        break;
                    }
                }
            } else if is_digit(c) {
                at = self.digits(at);
            } else {
                break;
            }
            // A hyphen between two alphanumeric parts joins them, and so does an underscore.
            match self.peek(at) {
                Some('_')
                    if self
                        .peek(at + 1)
                        .is_some_and(|n| is_letter(n) || is_digit(n)) =>
                {
                    at += 1;
                    continue;
                }
                Some(h) if is_hyphen(h) => {
                    let next = self.peek(at + h.len_utf8());
                    if next.is_some_and(|n| is_letter(n) || is_digit(n)) {
                        at += h.len_utf8();
                        continue;
                    }
                    break;
                }
                _ => break,
            }
        }
        (at, has_letter)
    }
}

impl Tokenizer<'_> {
    /// An emoticon at `start` (`:)`, `;-(((`, `=)`): its end.
    fn emoticon(&self, start: usize, c: char) -> Option<usize> {
        if !matches!(c, ':' | ';' | '=') {
            return None;
        }
        let mut at = start + 1;
        if self.peek(at) == Some('-') {
            at += 1;
        }
        let mouth = self.peek(at).filter(|m| matches!(m, ')' | '('))?;
        while self.peek(at) == Some(mouth) {
            at += 1;
        }
        Some(at)
    }

    /// A grapheme cluster at `start`, extended over repeats of the same cluster: its end.
    fn symbol_run(&self, start: usize) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        let rest = &self.text[start..];
        let mut graphemes = rest.graphemes(true);
        let first = graphemes.next().unwrap_or("");
        let mut end = start + first.len();
        for g in graphemes {
            if g != first {
                break;
            }
            end += g.len();
        }
        end
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let mut chars = text[self.pos..].char_indices();
        let (offset, c) = loop {
            let (i, c) = chars.next()?;
            if !is_space(c) {
                break (i, c);
            }
        };
        let start = self.pos + offset;
        let (end, kind) = if is_letter(c) || is_digit(c) {
            let (end, has_letter) = self.compound(start);
            (
                end,
                if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
            )
        } else if is_mark(c) {
            // A combining mark with nothing to combine with: keep it with the letters that follow, if any.
            let after = start + c.len_utf8();
            let end = if self.peek(after).is_some_and(is_letter) {
                self.compound(after).0
            } else {
                after
            };
            (end, TokenKind::Symbol)
        } else if matches!(c, '#' | '@') && self.peek(start + 1).is_some_and(is_letter) {
            (self.compound(start + 1).0, TokenKind::Word)
        } else if let Some(end) = self.emoticon(start, c) {
            (end, TokenKind::Symbol)
        } else if is_final(c) {
            let mut end = start;
            for d in text[start..].chars() {
                if is_final(d) {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            (end, TokenKind::Punct)
        } else if is_dash(c) {
            let mut end = start;
            for d in text[start..].chars() {
                if d == c {
                    end += d.len_utf8();
                } else {
                    break;
                }
            }
            (end, TokenKind::Punct)
        } else if is_punct(c) {
            (start + c.len_utf8(), TokenKind::Punct)
        } else {
            (self.symbol_run(start), TokenKind::Symbol)
        };
        self.pos = end;
        Some(Token { start, end, kind })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(text: &str) -> Vec<&str> {
        tokenize(text).map(|t| t.surface(text)).collect()
    }

    /// The tokens of `text` with every letter decoded as a character (no byte-by-byte runs).
    fn by_characters(text: &str) -> Vec<Token> {
        let tokenizer = Tokenizer {
            text,
            pos: 0,
            bytes: false,
        };
        tokenizer.collect()
    }

    proptest::proptest! {
        #[test]
        fn letters_taken_byte_by_byte_give_the_tokens_of_characters(
            text in "[a-zA-Zа-яА-ЯёЁіїєґўÀ-ɏ\\u{0400}-\\u{04FF}\\u{0300}\\u{0301}\\u{00AD}0-9 .,'’_#@:;()\\-\\u{2011}–—!?…%😀]{0,40}"
        ) {
            let fast: Vec<Token> = tokenize(&text).collect();
            proptest::prop_assert_eq!(fast, by_characters(&text));
        }
    }

    #[test]
    fn a_switch_of_script_inside_a_byte_run_splits_the_word() {
        for text in [
            "abcабв",
            "абвabc",
            "Путин2022",
            "пере\u{00AD}говоры",
            "за\u{0301}мок",
            "ÀbcА",
            "Ӂӂ-ok",
        ] {
            let fast: Vec<Token> = tokenize(text).collect();
            assert_eq!(fast, by_characters(text), "{text}");
        }
        assert_eq!(surfaces("abcабв"), ["abc", "абв"]);
    }

    #[test]
    fn russian_text() {
        assert_eq!(
            surfaces("Но, по-моему, свыше 50 процентов [товарооборота] – 24,5 миллиарда!"),
            [
                "Но",
                ",",
                "по-моему",
                ",",
                "свыше",
                "50",
                "процентов",
                "[",
                "товарооборота",
                "]",
                "–",
                "24,5",
                "миллиарда",
                "!"
            ]
        );
        assert_eq!(
            surfaces("Касым-Жомарт, 30-летия, что\u{2011}то"),
            ["Касым-Жомарт", ",", "30-летия", ",", "что\u{2011}то"]
        );
        assert_eq!(
            surfaces("«Ёлочки» и „лапки“"),
            ["«", "Ёлочки", "»", "и", "„", "лапки", "“"]
        );
        assert_eq!(
            surfaces("В.Путин: т.е. 5 млрд."),
            ["В", ".", "Путин", ":", "т", ".", "е", ".", "5", "млрд", "."]
        );
    }

    #[test]
    fn punctuation_runs_and_symbols() {
        assert_eq!(
            surfaces("Да... Нет?! Ну — 100% №5"),
            ["Да", "...", "Нет", "?!", "Ну", "—", "100", "%", "№", "5"]
        );
        assert_eq!(
            surfaces("конец -- и -начало"),
            ["конец", "--", "и", "-", "начало"]
        );
        assert_eq!(
            surfaces("x64 O’Brien д'Артаньян"),
            ["x", "64", "O’Brien", "д'Артаньян"]
        );
        assert_eq!(
            surfaces("MVI_0990 2007/08 Fарс"),
            ["MVI_0990", "2007/08", "F", "арс"]
        );
        assert_eq!(
            surfaces("Ура :) #сочи @user_1 ❤️😍😍 ¯¯¯"),
            ["Ура", ":)", "#сочи", "@user_1", "❤️", "😍😍", "¯¯¯"]
        );
    }

    #[test]
    fn kinds_and_offsets() {
        let text = "Цена 24,5 $ — 25-го.";
        let toks: Vec<_> = tokenize(text).collect();
        let kinds: Vec<_> = toks.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Number, Symbol, Punct, Word, Punct]);
        assert_eq!((toks[1].start, toks[1].end), (9, 13));
    }

    #[test]
    fn stress_marks_and_soft_hyphens_stay_inside_words() {
        assert_eq!(
            surfaces("за\u{0301}мок пере\u{00AD}говоры"),
            ["за\u{0301}мок", "пере\u{00AD}говоры"]
        );
        assert_eq!(surfaces("\u{0301}"), ["\u{0301}"]);
    }
}
