//! Normalization: the first stage of the analyser chain.
//!
//! [`normalize`] turns text into its canonical form: Unicode NFC, stress marks (U+0301, U+0300) and soft hyphens
//! (U+00AD) removed, the hyphen-like characters U+2010, U+2011 (kremlin.ru's `что‑то`) and U+2012 turned into `-`,
//! and no-break and other spaces into a plain space. It is idempotent and borrows when nothing changes.
//!
//! [`key_into`] makes a token's **key**, the form it is counted under: the normalized surface, lowercased, with `ё`
//! folded to `е`. The tokenizer itself works on the text as read (so offsets point into it); each token keeps its
//! surface form for display and gets its key here.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Combining stress marks: acute and grave.
fn is_stress(c: char) -> bool {
    matches!(c, '\u{0301}' | '\u{0300}')
}

/// Characters normalization deletes.
fn is_deleted(c: char) -> bool {
    is_stress(c) || c == '\u{00AD}'
}

/// Hyphen-like characters that become `-`.
pub fn is_hyphen_like(c: char) -> bool {
    matches!(c, '\u{2010}' | '\u{2011}' | '\u{2012}')
}

/// Spaces other than U+0020 that become U+0020.
pub fn is_other_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t'
    )
}

fn needs_mapping(c: char) -> bool {
    is_deleted(c) || is_hyphen_like(c) || is_other_space(c)
}

/// Normalizes text (see the module docs). Borrows when the text is already normal.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let nfc: Cow<str> = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    };
    if !nfc.chars().any(needs_mapping) {
        return nfc;
    }
    let mut out = String::with_capacity(nfc.len());
    let mut deleted = false;
    for c in nfc.chars() {
        if is_deleted(c) {
            deleted = true;
        } else if is_hyphen_like(c) {
            out.push('-');
        } else if is_other_space(c) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    // Deleting a combining mark can leave a pair that composes: normalize once more.
    if deleted && is_nfc_quick(out.chars()) != IsNormalized::Yes {
        out = out.nfc().collect();
    }
    Cow::Owned(out)
}

/// Lowercase with `ё` folded to `е`.
fn push_folded(out: &mut String, c: char) {
    match c {
        'А'..='Я' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
        'Ё' | 'ё' => out.push('е'),
        'a'..='z' | 'а'..='я' | '-' | '0'..='9' => out.push(c),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        _ => {
            for l in c.to_lowercase() {
                out.push(if l == 'ё' { 'е' } else { l });
            }
        }
    }
}

/// The key of a surface of plain letters only (basic Latin and the Russian alphabet, digits, `-`, `.`, `,`, `'`),
/// byte by byte: what [`push_folded`] does to each of them, without decoding characters. `false` (and `out` in any
/// state) for any other character.
fn fold_plain(surface: &str, out: &mut String) -> bool {
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    let mut input = surface.as_bytes().iter();
    let mut plain = true;
    while let Some(&b) = input.next() {
        match b {
            b'A'..=b'Z' => bytes.push(b + 32),
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b',' | b'\'' => bytes.push(b),
            0xD0 | 0xD1 => {
                let Some(&next) = input.next() else {
                    plain = false;
                    break;
                };
                match (b, next) {
                    // Ё, ё → е
                    (0xD0, 0x81) | (0xD1, 0x91) => bytes.extend_from_slice("е".as_bytes()),
                    // А..П → а..п
                    (0xD0, 0x90..=0x9F) => bytes.extend_from_slice(&[0xD0, next + 0x20]),
                    // Р..Я → р..я
                    (0xD0, 0xA0..=0xAF) => bytes.extend_from_slice(&[0xD1, next - 0x20]),
                    // а..п, р..я
                    (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => {
                        bytes.extend_from_slice(&[b, next])
                    }
                    _ => {
                        plain = false;
                        break;
                    }
                }
            }
            _ => {
                plain = false;
                break;
            }
        }
    }
    debug_assert!(std::str::from_utf8(&bytes).is_ok());
    // SAFETY: only ASCII bytes and whole two-byte sequences of the Russian letters matched above were written, so
    // the bytes are UTF-8 (checked in debug builds and by the property test below).
    *out = unsafe { String::from_utf8_unchecked(bytes) };
    plain
}

/// Writes the key of `surface` into `out` (cleared first): normalized, lowercase, `ё` → `е`.
pub fn key_into(surface: &str, out: &mut String) {
    if fold_plain(surface, out) {
        return;
    }
    out.clear();
    for c in normalize(surface).chars() {
        push_folded(out, c);
    }
    // Lowercasing can make a composable pair (`T` + U+0308 has no precomposed form, `t` + U+0308 has: `ẗ`), and
    // composing can make a new `ё` out of `е` and a diaeresis that other marks kept apart: compose and fold again
    // until nothing changes (each round uses up a diaeresis, so it ends).
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return;
    }
    loop {
        let composed: String = out.nfc().collect();
        let mut folded = String::with_capacity(composed.len());
        for c in composed.chars() {
            push_folded(&mut folded, c);
        }
        let done = folded == *out;
        *out = folded;
        if done {
            break;
        }
    }
}

/// The key of `surface` as a new string.
pub fn key(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    key_into(surface, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stress_soft_hyphen_hyphens_and_spaces() {
        assert_eq!(normalize("что\u{2011}то"), "что-то");
        assert_eq!(normalize("за\u{0301}мок"), "замок");
        assert_eq!(normalize("пере\u{00AD}говоры"), "переговоры");
        assert_eq!(normalize("в\u{00A0}России"), "в России");
        assert!(matches!(normalize("обычный текст"), Cow::Borrowed(_)));
    }

    #[test]
    fn nfc_composes_before_stress_is_removed() {
        // й written as и + breve composes; é keeps its accent; ё from е + diaeresis composes.
        assert_eq!(normalize("и\u{0306}"), "й");
        assert_eq!(normalize("e\u{0301}"), "é");
        assert_eq!(key("Е\u{0308}лка"), "елка");
    }

    proptest::proptest! {
        #[test]
        fn the_plain_fast_path_folds_as_the_characters_do(surface in "[a-zA-Zа-яА-ЯёЁ0-9.,'ʼé\\u{301}-]{0,12}") {
            let mut slow = String::new();
            for c in normalize(&surface).chars() {
                push_folded(&mut slow, c);
            }
            let mut fast = String::from("left over");
            if fold_plain(&surface, &mut fast) {
                proptest::prop_assert_eq!(&fast, &slow);
            }
            proptest::prop_assert_eq!(key(&surface), key(&key(&surface)));
        }
    }

    #[test]
    fn keys_are_lowercase_and_yo_folded() {
        assert_eq!(key("Ёлочки"), "елочки");
        assert_eq!(key("ПОДЧЁРКИВАЕТ"), "подчеркивает");
        assert_eq!(key("Касым\u{2011}Жомарт"), "касым-жомарт");
        assert_eq!(key("İstanbul"), "i̇stanbul");
        assert_eq!(key("Straße"), "straße");
        // Found by fuzzing: lowercasing `T` + U+0308 gives a pair that NFC composes, so the key composes it.
        assert_eq!(key("T\u{308}"), "\u{1E97}");
        assert_eq!(key(&key("T\u{354}\u{308}")), key("T\u{354}\u{308}"));
        // Found by fuzzing: Ё with marks that NFC reorders composes a new ё after folding.
        assert_eq!(
            key("Ё\u{345}\u{348}\u{345}\u{344}"),
            "е\u{348}\u{345}\u{345}"
        );
    }
}
