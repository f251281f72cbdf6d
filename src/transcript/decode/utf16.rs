//! UTF-16, with a byte order mark or without one (told by where its NUL bytes are), decoded without replacement so
//! that damage is reported, not hidden.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::decoded::{textual_control, DecodeError, Decoded};

/// Decodes bytes that start with a UTF-16 byte order mark; `None` without one (or with the UTF-8 one, which the
/// caller skips).
pub(super) fn decode_with_utf16_bom(bytes: &[u8]) -> Option<Result<Decoded<'static>, DecodeError>> {
    let (enc, bom_len) = Encoding::for_bom(bytes)?;
    if enc == encoding_rs::UTF_8 {
        return None;
    }
    // UTF-16: decode without replacement so damage is reported, not hidden.
    let body = &bytes[bom_len..];
    Some(
        match enc.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => Ok(Decoded {
                text: Cow::Owned(text.into_owned()),
                encoding: enc.name(),
                replaced: Vec::new(),
            }),
            None => Err(DecodeError::Undecodable {
                offset: bom_len,
                line: 1,
                guess: Some(enc.name()),
            }),
        },
    )
}

/// UTF-16 without a byte order mark, told by where its NUL bytes are: ASCII characters (spaces, punctuation, line
/// ends) are `xx 00` in little-endian order, so the NUL bytes sit at odd offsets (even in big-endian), and there are
/// many of them: at least one code unit in twenty. A few NUL bytes at the other parity are other characters (`─` is
/// `00 25`, `Ѐ` is `00 04`), at most a quarter as many. `None` when the NUL bytes do not make that pattern (binary data,
/// or a stray NUL in a UTF-8 file).
pub(crate) fn utf16_by_nul_parity(bytes: &[u8]) -> Option<&'static Encoding> {
    let (mut even, mut odd) = (0usize, 0usize);
    for at in memchr::memchr_iter(0, bytes) {
        if at % 2 == 0 {
            even += 1;
        } else {
            odd += 1;
        }
    }
    let (many, few) = (even.max(odd), even.min(odd));
    if many * 20 < bytes.len() / 2 || few * 4 > many {
        return None;
    }
    Some(if odd > even {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    })
}

/// Decodes bytes the NUL pattern says are UTF-16. `None` (binary after all) unless they are text: no control
/// characters but the ones text files have, and nine characters in ten Latin, Cyrillic, punctuation or space (the
/// bytes of a UTF-8 file read as UTF-16 are Hangul and CJK). `Some(Err)` for UTF-16 that is broken (an odd length,
/// a lone surrogate), at that byte.
pub(super) fn decode_utf16_without_bom(
    body: &[u8],
    enc: &'static Encoding,
) -> Option<Result<Decoded<'static>, DecodeError>> {
    let le = enc == encoding_rs::UTF_16LE;
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let broken = |offset: usize| {
        Some(Err(DecodeError::Undecodable {
            offset,
            line: line_of_utf16(body, offset, le),
            guess: Some(enc.name()),
        }))
    };
    let mut text = String::with_capacity(body.len());
    let (mut chars, mut european, mut at) = (0usize, 0usize, 0usize);
    for c in char::decode_utf16(units) {
        let Ok(c) = c else {
            return broken(at);
        };
        if c.is_control() && !textual_control(c) {
            return None;
        }
        at += 2 * c.len_utf16();
        chars += 1;
        european += usize::from(
            matches!(c, '\0'..='\u{24F}' | '\u{400}'..='\u{52F}' | '\u{2000}'..='\u{206F}' | '\u{FEFF}'),
        );
        text.push(c);
    }
    if european * 10 < chars * 9 {
        return None;
    }
    if body.len() % 2 != 0 {
        return broken(body.len() - 1);
    }
    Some(Ok(Decoded {
        text: Cow::Owned(text),
        encoding: enc.name(),
        replaced: Vec::new(),
    }))
}

/// The 1-based line of a byte offset in UTF-16 text (line ends as in [`line_of`](super::decoded::line_of)).
fn line_of_utf16(body: &[u8], offset: usize, le: bool) -> usize {
    let units: Vec<u16> = body[..offset - offset % 2]
        .chunks_exact(2)
        .map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    let lone_cr = units
        .iter()
        .enumerate()
        .filter(|&(i, &u)| u == 0x0D && units.get(i + 1) != Some(&0x0A))
        .count();
    1 + units.iter().filter(|&&u| u == 0x0A).count() + lone_cr
}
