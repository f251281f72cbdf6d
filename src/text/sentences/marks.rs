//! What a token is to the sentence splitter: a run of final marks, a closing or opening quote or bracket, a bracket
//! that opens or closes a pair, a separator of asterisks, and the signs of informal text (emoji, smileys, hashtags,
//! list bullets, invisible spacers).

use crate::text::tokenize::{Token, TokenKind};

pub(super) fn is_closing(s: &str) -> bool {
    matches!(s, "»" | "\"" | "”" | "“" | ")" | "]" | "’" | "'" | "›")
}

pub(super) fn is_smiley(s: &str) -> bool {
    s.len() >= 2 && s.ends_with([')', '('])
}

pub(super) fn is_opening(s: &str) -> bool {
    matches!(s, "«" | "„" | "“" | "\"" | "(" | "[" | "‹" | "'")
}

pub(super) fn is_final_run(kind: TokenKind, s: &str) -> bool {
    kind == TokenKind::Punct && s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// Emoji and other pictographs (the blocks they live in).
pub(super) fn is_pictograph(s: &str) -> bool {
    let c = first_char(s);
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

pub(super) fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// A blank that Instagram-style posts use as an invisible spacer (U+2800, braille pattern blank).
pub(super) fn is_blank_symbol(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c == '\u{2800}')
}

/// Check marks and arrows that posts use as list bullets (`✅ Снасти: …`, `👉 Подробнее`): they open an item.
pub(super) fn is_bullet(s: &str) -> bool {
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
pub(super) fn is_asterisk_separator(text: &str, tokens: &[Token], k: usize) -> bool {
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
pub(super) fn is_hashtag(kind: TokenKind, s: &str) -> bool {
    kind == TokenKind::Word && s.starts_with('#')
}

/// Whether the token starts a sentence after an emoji, a smiley or a hashtag: a capital letter or a mention.
pub(super) fn starts_after_symbol(s: &str) -> bool {
    let c = first_char(s);
    c.is_uppercase() || c == '@'
}

/// Change in the count of open brackets and guillemets that the token makes: `(` `[` `«` open, `)` `]` `»` close.
pub(super) fn bracket_delta(kind: TokenKind, s: &str) -> i32 {
    if kind != TokenKind::Punct {
        return 0;
    }
    match s {
        "(" | "[" | "«" => 1,
        ")" | "]" | "»" => -1,
        _ => 0,
    }
}
