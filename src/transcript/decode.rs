//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), the legacy Cyrillic encodings Russian
//! text still arrives in (cp1251, KOI8-R, …) and windows-1252, detected with `chardetng` and decoded with
//! `encoding_rs`.
//!
//! The rule: valid UTF-8 is UTF-8. A file that is not valid UTF-8 but whose valid multi-byte UTF-8 characters are
//! more than a tenth of its invalid sequences is UTF-8 with damage (or mixed with a legacy encoding): read with
//! U+FFFD for each invalid sequence when the bad bytes are few (the `damaged` file: at most 1% of the bytes, or at most 8
//! and 10% of a short file), else an error at the first bad byte (guessing a legacy encoding would turn its Russian
//! into mojibake). Legacy Cyrillic
//! text does have some valid UTF-8 pairs by accident — KOI8-R `всё` holds `сё` = `D3 A3`, cp1251 `Пётр` holds
//! `Пё` = `CF B8`, and `Ж»` or `Ё` after a capital do too — so the share decides, not their presence. Otherwise the
//! detector's guess is taken if it is a Cyrillic encoding or windows-1252 (English saved as "ANSI") and the text
//! reads right in it (see `plausible_cyrillic`, `mostly_latin`), else the first of those encodings in which it
//! does; the decoded text must have no control characters (the detector guesses for any bytes, compressed data
//! included). Anything else is an error naming the first byte that is not UTF-8.
//!
//! A NUL byte marks a binary file, unless the NUL bytes sit at odd offsets (or even ones, with at most a quarter as
//! many at the other parity) and the bytes read as UTF-16LE (or BE) text without control characters: that is UTF-16
//! saved without a byte order mark (`iconv -t UTF-16LE` writes none), whose ASCII characters carry a NUL byte each.

use std::borrow::Cow;

use damaged::{mostly_utf8, nearly_utf8};
use decoded::line_of;
use legacy::decode_legacy;
use utf16::{decode_utf16_without_bom, decode_with_utf16_bom};

mod damaged;
mod decoded;
mod legacy;
mod utf16;

pub use decoded::{DecodeError, Decoded, Replaced};
pub(crate) use utf16::utf16_by_nul_parity;

/// Decodes a file's bytes; see the module docs for the rule.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(decoded) = decode_with_utf16_bom(bytes) {
        return decoded;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    if let Some(nul) = memchr_nul(body) {
        if skipped == 0 {
            if let Some(enc) = utf16_by_nul_parity(body) {
                return decode_utf16_without_bom(body, enc).unwrap_or(Err(DecodeError::Binary {
                    offset: nul,
                    line: line_of(body, nul),
                }));
            }
        }
        return Err(DecodeError::Binary {
            offset: skipped + nul,
            line: line_of(body, nul),
        });
    }
    // Valid UTF-8 (nearly every file) is confirmed by the SIMD validator; the standard one runs only to locate the
    // damage in a file that is not.
    if let Ok(text) = simdutf8::basic::from_utf8(body) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: encoding_rs::UTF_8.name(),
            replaced: Vec::new(),
        });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: encoding_rs::UTF_8.name(),
            replaced: Vec::new(),
        }),
        Err(err) => decode_invalid_utf8(body, skipped, err.valid_up_to()),
    }
}

/// Decodes bytes that are not valid UTF-8 (`bad` is the offset of the first bad byte in `body`, which comes after
/// `skipped` bytes of BOM): UTF-8 with damage is repaired when the damage is small and an error at the first bad byte
/// when it is not; anything else is text in a legacy encoding, or an error.
fn decode_invalid_utf8(
    body: &[u8],
    skipped: usize,
    bad: usize,
) -> Result<Decoded<'static>, DecodeError> {
    if mostly_utf8(body) {
        return nearly_utf8(body, skipped).ok_or_else(|| DecodeError::Undecodable {
            offset: skipped + bad,
            line: line_of(body, bad),
            guess: None,
        });
    }
    decode_legacy(body, skipped, bad)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::legacy::plausible_cyrillic;
    use super::*;

    const PHRASE: &str = "Уважаемый Касым-Жомарт Кемелевич! Мы рады вас всех приветствовать в России, \
                          и мы всегда используем любую нашу встречу для того, чтобы обсудить текущие дела.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(PHRASE.as_bytes()).unwrap();
        assert_eq!(plain.text, PHRASE);
        assert_eq!(plain.encoding, "UTF-8");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(PHRASE.as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, PHRASE);
    }

    #[test]
    fn cp1251_and_koi8r_are_detected() {
        for enc in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
            let (bytes, _, _) = enc.encode(PHRASE);
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.encoding, enc.name());
            assert_eq!(decoded.text, PHRASE);
        }
    }

    #[test]
    fn utf8_damaged_in_more_than_a_few_bytes_is_an_error_at_the_first() {
        let mut bytes = "строка один\nстрока".as_bytes().to_vec();
        let at = bytes.len();
        for _ in 0..12 {
            bytes.extend_from_slice(b"\xFF ");
        }
        bytes.extend_from_slice(" два".as_bytes());
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::Undecodable {
                offset: at,
                line: 2,
                guess: None
            }
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(err, DecodeError::Binary { offset: 8, line: 3 });
    }

    #[test]
    fn legacy_text_with_accidental_utf8_pairs_is_still_legacy() {
        // KOI8-R `всё` has `сё` = D3 A3 and cp1251 `Пётр` has `Пё` = CF B8 and `Ж»` = C6 BB, all valid UTF-8 pairs.
        let plain = "В.Путин: Всё, что сказал Пётр Фёдорович, её касается, ещё раз - ЁЛКИ.";
        let quoted =
            "В.Путин: Всё, что сказал Пётр Фёдорович, её касается; «МИД» и «ЖКХ» — ещё раз.";
        for (enc, text) in [
            (encoding_rs::WINDOWS_1251, quoted),
            (encoding_rs::KOI8_R, plain),
            (encoding_rs::IBM866, plain),
        ] {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable, "{}", enc.name());
            assert!(
                bytes.utf8_chunks().any(|c| !c.valid().is_ascii()),
                "{} has no accidental UTF-8 pair",
                enc.name()
            );
            let decoded = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", enc.name()));
            assert_eq!(decoded.encoding, enc.name());
            assert_eq!(decoded.text, text);
        }
    }

    #[test]
    fn capitals_only_text_stays_in_the_detected_encoding() {
        let text = "СТЕНОГРАММА ПЕРЕГОВОРОВ\nВ.ПУТИН: ДОБРЫЙ ДЕНЬ, УВАЖАЕМЫЕ КОЛЛЕГИ! МЫ РАДЫ ВАС ВИДЕТЬ.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (text, "windows-1251")
        );
    }

    #[test]
    fn other_scripts_are_not_read_as_cyrillic_mojibake() {
        let polish =
            "Zażółć gęślą jaźń. Pan prezydent powiedział, że współpraca jest ważna dla obu państw.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(polish);
        assert!(matches!(
            decode(&bytes),
            Err(DecodeError::Undecodable {
                guess: Some("windows-1250"),
                ..
            })
        ));
        assert!(!plausible_cyrillic(
            &encoding_rs::WINDOWS_1251.decode(&bytes).0
        ));
    }

    #[test]
    fn lines_end_as_the_reader_ends_them() {
        assert_eq!(line_of(b"a\rb\r\nc\nd", 7), 4);
        assert_eq!(line_of(b"a\rb\r\nc\nd", 4), 2);
    }

    #[test]
    fn utf8_mixed_with_a_longer_cp1251_paragraph_is_damaged_utf8() {
        let paragraph = PHRASE.repeat(2);
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&paragraph);
        let mut bytes = "В.Путин: Добрый день, уважаемые коллеги! Иван Иванович, прошу.\n"
            .as_bytes()
            .to_vec();
        let at = bytes.len();
        bytes.extend_from_slice(&cp1251);
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::Undecodable {
                offset: at,
                line: 2,
                guess: None
            }
        );
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_keeps_its_text_with_replacement_characters() {
        // cp1251 `Пётр` is CF B8 F2 F0: `Пё` makes a valid pair (ϸ), F2 and F0 do not.
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Пётр");
        let mut bytes = format!("{PHRASE}\r\n{PHRASE}\n").into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(&cp1251);
        bytes.extend_from_slice(" и \u{FFFD}\n".as_bytes());
        bytes.push(0xFF);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded
            .text
            .ends_with("\nϸ\u{FFFD}\u{FFFD} и \u{FFFD}\n\u{FFFD}"));
        let r = |offset, line, bytes: &[u8]| Replaced {
            offset,
            line,
            bytes: bytes.to_vec(),
        };
        let rest = at + 4 + " и \u{FFFD}\n".len();
        assert_eq!(
            decoded.replaced,
            [
                r(at + 2, 3, &[0xF2]),
                r(at + 3, 3, &[0xF0]),
                r(rest, 4, &[0xFF])
            ]
        );
        assert_eq!(
            decoded.replaced[0].to_string(),
            format!(
                "invalid UTF-8 byte 0xF2 at byte offset {} replaced by U+FFFD",
                at + 2
            )
        );
        // A three-byte sequence cut short is one replacement of its two bytes.
        let cut = [PHRASE.as_bytes(), &[0xE2, 0x80], b" end"].concat();
        assert_eq!(
            decode(&cut).unwrap().replaced,
            [r(PHRASE.len(), 1, &[0xE2, 0x80])]
        );
        assert_eq!(
            decode(&cut).unwrap().replaced[0].to_string(),
            format!(
                "invalid UTF-8 bytes 0xE2 0x80 at byte offset {} replaced by U+FFFD",
                PHRASE.len()
            )
        );
    }

    #[test]
    fn a_bom_counts_in_the_offsets_of_replaced_bytes() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(PHRASE.as_bytes());
        bytes.push(0xC3);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.replaced[0].offset, 3 + PHRASE.len());
        assert!(!decoded.text.starts_with('\u{FEFF}'));
    }

    #[test]
    fn western_ansi_is_read_and_binary_without_nul_bytes_is_not() {
        let english = "Vladimir Putin: Mr President’s visit – a café meeting, naïve or not.\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(english);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(
            (decoded.text.as_ref(), decoded.encoding),
            (english, "windows-1252")
        );
        // Deflate output (no NUL byte here) is guessed as some legacy encoding, and has control bytes.
        let junk: Vec<u8> = (0..4000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .filter(|&b| b != 0)
            .collect();
        let err = decode(&junk).unwrap_err();
        let first_control = junk
            .iter()
            .position(|&b| b < 0x20 && !b"\t\n\r\x0B\x0C\x1A".contains(&b))
            .unwrap();
        assert!(
            matches!(err, DecodeError::Control { offset, byte, .. } if offset <= first_control && byte == junk[offset]),
            "{err:?}"
        );
    }

    #[test]
    fn cp1251_with_a_byte_it_leaves_undefined_is_named_at_that_byte() {
        let text = PHRASE.repeat(20);
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let mut bytes = cp1251[..300].to_vec();
        bytes.push(0x98);
        bytes.extend_from_slice(&cp1251[300..]);
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::Control {
                offset: 300,
                line: 1,
                byte: 0x98,
                encoding: "windows-1251"
            }
        );
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_nul_bytes() {
        let text = "В.Путин: Добрый день.\r\nК.Токаев: Спасибо, 2022 год.\n";
        for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let bytes = utf16(text, le);
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_ref(), decoded.encoding), (text, name));
        }
        // Box drawing and `Ѐ` put a NUL byte at the other parity: still UTF-16.
        let boxes =
            "─── Ѐ ───\n".to_string() + &"В.Путин: Да, это так и есть, коллеги.\n".repeat(3);
        assert_eq!(decode(&utf16(&boxes, true)).unwrap().text, boxes);
        // An odd length (a truncated file) and a lone surrogate are broken UTF-16, named at the byte.
        let mut odd = utf16(text, true);
        odd.push(b'x');
        let end = odd.len() - 1;
        assert_eq!(
            decode(&odd).unwrap_err(),
            DecodeError::Undecodable {
                offset: end,
                line: 3,
                guess: Some("UTF-16LE")
            }
        );
        let mut lone = utf16("Да.\r\nНет.\rВот", false);
        lone.extend_from_slice(&[0xD8, 0x00]);
        lone.extend(utf16(" и всё.", false));
        assert_eq!(
            decode(&lone).unwrap_err(),
            DecodeError::Undecodable {
                offset: 26,
                line: 3,
                guess: Some("UTF-16BE")
            }
        );
        // Control characters, NUL bytes at both parities: binary.
        let bell = utf16("да\u{7}нет", true);
        assert!(matches!(decode(&bell), Err(DecodeError::Binary { .. })));
        assert!(matches!(
            decode(&[0, 0, 0, 0]),
            Err(DecodeError::Binary { offset: 0, .. })
        ));
        // A stray NUL in UTF-8 text, even at an odd offset, is binary, not UTF-16.
        let mut stray = PHRASE.as_bytes().to_vec();
        stray[41] = 0;
        assert!(matches!(
            decode(&stray),
            Err(DecodeError::Binary { offset: 41, .. })
        ));
        let mut many = PHRASE.repeat(4).into_bytes();
        assert_eq!(many.len() % 2, 0);
        for at in (1..many.len()).step_by(16) {
            many[at] = 0;
        }
        assert!(matches!(
            decode(&many),
            Err(DecodeError::Binary { offset: 1, .. })
        ));
        // A NUL after a UTF-8 BOM is binary, not UTF-16.
        assert!(matches!(
            decode(b"\xEF\xBB\xBFa\0"),
            Err(DecodeError::Binary { offset: 4, .. })
        ));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Вопрос: да".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Вопрос: да");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }
}
