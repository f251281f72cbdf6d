//! UTF-8 with damage: told apart from legacy text whose bytes form UTF-8 sequences by accident, and repaired, when
//! the damage is small, with U+FFFD for each invalid sequence (each one [`Replaced`], with its offset and line).

use std::borrow::Cow;

use super::decoded::{line_ends, Decoded, Replaced};

/// Damaged UTF-8 decoded with U+FFFD for each invalid sequence, when the invalid bytes are few: at most 1% of the
/// bytes, or at most 8 and 10% (a short file). A page or transcript that lost a byte in a download or an edit keeps
/// its other words; one with a paragraph in another encoding is an error, as guessing would garble one of the two.
pub(super) fn nearly_utf8(body: &[u8], skipped: usize) -> Option<Decoded<'static>> {
    let bad: usize = body.utf8_chunks().map(|c| c.invalid().len()).sum();
    if !(bad * 100 <= body.len() || (bad <= 8 && bad * 10 <= body.len())) {
        return None;
    }
    let mut replaced = Vec::new();
    let (mut offset, mut counted, mut line) = (0, 0, 1);
    for chunk in body.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            // Lines counted from the previous sequence on, so that many sequences cost one pass.
            line += line_ends(body, counted, offset);
            counted = offset;
            replaced.push(Replaced {
                offset: skipped + offset,
                line,
                bytes: chunk.invalid().to_vec(),
            });
            offset += chunk.invalid().len();
        }
    }
    Some(Decoded {
        text: Cow::Owned(String::from_utf8_lossy(body).into_owned()),
        encoding: encoding_rs::UTF_8.name(),
        replaced,
    })
}

/// Whether bytes that are not valid UTF-8 are UTF-8 with damage (or mixed with a legacy encoding) rather than a
/// legacy encoding whose bytes form UTF-8 sequences by accident: the valid multi-byte characters that Russian text
/// is made of (Russian letters, `«»`, dashes, `№`, no-break space) are more than a tenth of the invalid sequences.
/// Accidental sequences in legacy text are almost never those characters (KOI8-R `сё` is `ӣ`, cp1251 `Пё` is `ϸ`,
/// cp866 `раз` is `ࠧ`), while every legacy letter is an invalid sequence.
pub(super) fn mostly_utf8(body: &[u8]) -> bool {
    let russian = |c: &char| matches!(c, 'А'..='я' | 'Ё' | 'ё' | '«' | '»' | '\u{A0}' | '\u{2010}'..='\u{2026}' | '№');
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(russian).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte * 10 > invalid
}
