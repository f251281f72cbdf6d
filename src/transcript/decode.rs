//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and the legacy Cyrillic encodings Russian text
//! still arrives in (cp1251, KOI8-R, …), detected with `chardetng` and decoded with `encoding_rs`.
//!
//! The rule: valid UTF-8 is UTF-8. A file that is not valid UTF-8 but contains valid multi-byte UTF-8 sequences is
//! UTF-8 with damage, and is an error at the first bad byte (guessing a legacy encoding would turn all its Russian
//! into mojibake). Otherwise the detector's guess is taken if it is a Cyrillic encoding; anything else is an error
//! naming the first byte that is not UTF-8. A NUL byte marks a binary file.

use encoding_rs::Encoding;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding's name as `encoding_rs` spells it (`UTF-8`, `windows-1251`, `KOI8-R`, …).
    pub encoding: &'static str,
}

/// Why bytes could not be decoded. Offsets are 0-based byte offsets, lines 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: this is not a text file.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
        /// Line of that byte.
        line: usize,
    },
    /// Not UTF-8 and not in a Cyrillic encoding the detector recognised.
    Undecodable {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// Line of that byte.
        line: usize,
        /// What the detector guessed, if it guessed something that is not Cyrillic.
        guess: Option<&'static str>,
    },
}

/// Legacy encodings accepted from the detector: the ones Russian text is written in.
const CYRILLIC: [&Encoding; 6] = [
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::KOI8_U,
    encoding_rs::IBM866,
    encoding_rs::ISO_8859_5,
    encoding_rs::X_MAC_CYRILLIC,
];

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Decodes a file's bytes; see the module docs for the rule.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            // UTF-16: decode without replacement so damage is reported, not hidden.
            let body = &bytes[bom_len..];
            return match enc.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => Ok(Decoded {
                    text: text.into_owned(),
                    encoding: enc.name(),
                }),
                None => Err(DecodeError::Undecodable {
                    offset: bom_len,
                    line: 1,
                    guess: Some(enc.name()),
                }),
            };
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    if let Some(nul) = memchr_nul(body) {
        return Err(DecodeError::Binary {
            offset: skipped + nul,
            line: line_of(body, nul),
        });
    }
    // Valid UTF-8 (nearly every file) is confirmed by the SIMD validator; the standard one runs only to locate the
    // damage in a file that is not.
    if let Ok(text) = simdutf8::basic::from_utf8(body) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8.name(),
        });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8.name(),
        }),
        Err(err) => {
            let bad = err.valid_up_to();
            let has_utf8_multibyte = body.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
            let undecodable = |guess| DecodeError::Undecodable {
                offset: skipped + bad,
                line: line_of(body, bad),
                guess,
            };
            if has_utf8_multibyte {
                return Err(undecodable(None));
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(body, true);
            let mut guess = detector.guess(None, true);
            // KOI8-U differs from KOI8-R in eight byte values only; without them the text is KOI8-R.
            const KOI8_U_ONLY: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];
            if guess == encoding_rs::KOI8_U && !body.iter().any(|b| KOI8_U_ONLY.contains(b)) {
                guess = encoding_rs::KOI8_R;
            }
            if !CYRILLIC.contains(&guess) {
                return Err(undecodable(Some(guess.name())));
            }
            match guess.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => Ok(Decoded {
                    text: text.into_owned(),
                    encoding: guess.name(),
                }),
                None => Err(undecodable(Some(guess.name()))),
            }
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
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
    fn damaged_utf8_is_an_error_at_the_bad_byte() {
        let mut bytes = "строка один\nстрока".as_bytes().to_vec();
        let at = bytes.len();
        bytes.push(0xFF);
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
