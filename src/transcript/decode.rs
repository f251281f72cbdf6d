//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), the legacy Cyrillic encodings Russian
//! text still arrives in (cp1251, KOI8-R, …) and windows-1252, detected with `chardetng` and decoded with
//! `encoding_rs`.
//!
//! The rule: valid UTF-8 is UTF-8. A file that is not valid UTF-8 but whose valid multi-byte UTF-8 characters are
//! more than a tenth of its invalid sequences is UTF-8 with damage (or mixed with a legacy encoding), and is an
//! error at the first bad byte (guessing a legacy encoding would turn its Russian into mojibake). Legacy Cyrillic
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

use encoding_rs::Encoding;

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, BOM removed: borrowed from the bytes when they are UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding's name as `encoding_rs` spells it (`UTF-8`, `windows-1251`, `KOI8-R`, …).
    pub encoding: &'static str,
    /// Invalid UTF-8 sequences of a file that is UTF-8 but for a few bytes, each replaced by U+FFFD, in order.
    pub replaced: Vec<Replaced>,
}

/// One invalid UTF-8 sequence replaced by U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// Byte offset of its first byte in the file.
    pub offset: usize,
    /// Line of that byte.
    pub line: usize,
    /// Its bytes (one to three: what the standard library's lossy decoding replaces as one).
    pub bytes: Vec<u8>,
}

impl std::fmt::Display for Replaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hex: Vec<String> = self.bytes.iter().map(|b| format!("0x{b:02X}")).collect();
        let s = if self.bytes.len() == 1 { "" } else { "s" };
        write!(
            f,
            "invalid UTF-8 byte{s} {} at byte offset {} replaced by U+FFFD",
            hex.join(" "),
            self.offset
        )
    }
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
    /// Not UTF-8, and decoded in the detector's legacy encoding it has a control character: binary data rather
    /// than text (the detector guesses an encoding for any bytes).
    Control {
        /// Byte offset of the control byte.
        offset: usize,
        /// Line of that byte.
        line: usize,
        /// The byte.
        byte: u8,
        /// The encoding it was decoded in.
        encoding: &'static str,
    },
    /// Not UTF-8 and not in a Cyrillic or Western encoding the detector recognised.
    Undecodable {
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// Line of that byte.
        line: usize,
        /// What the detector guessed, if it guessed something that is not Cyrillic.
        guess: Option<&'static str>,
    },
}

/// Legacy encodings accepted from the detector: the ones Russian text is written in, and Windows' Western one for
/// English transcripts saved as "ANSI" (`’`, `–`, `é`). All are single-byte encodings, so a character's index in the
/// decoded text is its byte offset.
const LEGACY: [&Encoding; 7] = [
    encoding_rs::WINDOWS_1251,
    encoding_rs::KOI8_R,
    encoding_rs::KOI8_U,
    encoding_rs::IBM866,
    encoding_rs::ISO_8859_5,
    encoding_rs::X_MAC_CYRILLIC,
    encoding_rs::WINDOWS_1252,
];

/// Control characters text files do have: tab, line ends, vertical tab (Word's line break), form feed and the
/// Ctrl-Z old DOS editors put at the end.
fn textual_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '\x1A')
}

/// The 1-based line of a byte offset, with lines ended as the reader ends them: `\n`, `\r\n` or a lone `\r`.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + line_ends(bytes, 0, offset.min(bytes.len()))
}

/// Line ends in `bytes[from..to]`, ended as [`line_of`] ends them (a `\r` before a `\n` is not one).
fn line_ends(bytes: &[u8], from: usize, to: usize) -> usize {
    let part = &bytes[from..to];
    let lone_cr = memchr::memchr_iter(b'\r', part)
        .filter(|&i| bytes.get(from + i + 1) != Some(&b'\n'))
        .count();
    memchr::memchr_iter(b'\n', part).count() + lone_cr
}

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
        Err(err) => decode_legacy(body, skipped, err.valid_up_to()),
    }
}

/// Decodes bytes that start with a UTF-16 byte order mark; `None` without one (or with the UTF-8 one, which the
/// caller skips).
fn decode_with_utf16_bom(bytes: &[u8]) -> Option<Result<Decoded<'static>, DecodeError>> {
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

/// Decodes bytes that are not valid UTF-8 (`bad` is the offset of the first bad byte in `body`, which comes after
/// `skipped` bytes of BOM): an error if they are damaged UTF-8, else the text in the detector's legacy encoding or
/// in the first legacy encoding that reads right.
fn decode_legacy(body: &[u8], skipped: usize, bad: usize) -> Result<Decoded<'static>, DecodeError> {
    let undecodable = |guess| DecodeError::Undecodable {
        offset: skipped + bad,
        line: line_of(body, bad),
        guess,
    };
    if mostly_utf8(body) {
        return nearly_utf8(body, skipped).ok_or_else(|| undecodable(None));
    }
    let guess = detector_guess(body);
    // The detector's guess is checked: a cp1251 file with the one byte cp1251 leaves undefined (0x98) is
    // guessed as KOI8-R or windows-1252, whose mojibake has its letter case swapped, or more bytes above 0x7F
    // than Latin letters. Then the first legacy encoding whose text looks right is taken; a guess that is
    // not one of them (windows-1250, GBK, …) is an error.
    let decoded = |enc: &'static Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(body)
            .map(|text| (enc, text))
    };
    let plausible = |(enc, text): &(&'static Encoding, std::borrow::Cow<'_, str>)| {
        if *enc == encoding_rs::WINDOWS_1252 {
            mostly_latin(body)
        } else {
            plausible_cyrillic(text)
        }
    };
    if !LEGACY.contains(&guess) {
        return Err(undecodable(Some(guess.name())));
    }
    // Control characters in the guess's text mean binary data; otherwise a guess that does not read right
    // gives way to the first legacy encoding that does, whose text must be free of them too.
    let control = |(enc, text): &(&'static Encoding, std::borrow::Cow<'_, str>)| {
        let at = text
            .chars()
            .position(|c| c.is_control() && !textual_control(c))?;
        Some(DecodeError::Control {
            offset: skipped + at,
            line: line_of(body, at),
            byte: body[at],
            encoding: enc.name(),
        })
    };
    let first = decoded(guess);
    if let Some(err) = first.as_ref().and_then(control) {
        return Err(err);
    }
    let chosen = first
        .filter(plausible)
        .or_else(|| LEGACY.into_iter().filter_map(decoded).find(plausible));
    let Some(chosen) = chosen else {
        return Err(undecodable(Some(guess.name())));
    };
    if let Some(err) = control(&chosen) {
        return Err(err);
    }
    Ok(Decoded {
        text: Cow::Owned(chosen.1.into_owned()),
        encoding: chosen.0.name(),
        replaced: Vec::new(),
    })
}

/// Damaged UTF-8 decoded with U+FFFD for each invalid sequence, when the invalid bytes are few: at most 1% of the
/// bytes, or at most 8 and 10% (a short file). A page or transcript that lost a byte in a download or an edit keeps
/// its other words; one with a paragraph in another encoding is an error, as guessing would garble one of the two.
fn nearly_utf8(body: &[u8], skipped: usize) -> Option<Decoded<'static>> {
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

/// The encoding `chardetng` guesses for bytes that are not UTF-8, KOI8-U taken as KOI8-R when none of the bytes
/// that tell them apart is there.
fn detector_guess(body: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(body, true);
    let mut guess = detector.guess(None, true);
    // KOI8-U differs from KOI8-R in eight byte values only; without them the text is KOI8-R.
    const KOI8_U_ONLY: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];
    if guess == encoding_rs::KOI8_U && !body.iter().any(|b| KOI8_U_ONLY.contains(b)) {
        guess = encoding_rs::KOI8_R;
    }
    guess
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// Whether bytes that are not valid UTF-8 are UTF-8 with damage (or mixed with a legacy encoding) rather than a
/// legacy encoding whose bytes form UTF-8 sequences by accident: the valid multi-byte characters that Russian text
/// is made of (Russian letters, `«»`, dashes, `№`, no-break space) are more than a tenth of the invalid sequences.
/// Accidental sequences in legacy text are almost never those characters (KOI8-R `сё` is `ӣ`, cp1251 `Пё` is `ϸ`,
/// cp866 `раз` is `ࠧ`), while every legacy letter is an invalid sequence.
fn mostly_utf8(body: &[u8]) -> bool {
    let russian = |c: &char| matches!(c, 'А'..='я' | 'Ё' | 'ё' | '«' | '»' | '\u{A0}' | '\u{2010}'..='\u{2026}' | '№');
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in body.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(russian).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte * 10 > invalid
}

/// Whether bytes above 0x7F are at most a tenth of the ASCII letters: Latin-script text such as English.
fn mostly_latin(body: &[u8]) -> bool {
    let letters = body.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let high = body.iter().filter(|&&b| b >= 0x80).count();
    high * 10 <= letters
}

/// Whether text decoded in a Cyrillic encoding reads as Russian (or another Cyrillic-script language): Cyrillic
/// letters outnumber Latin ones and make at least 80% of the characters above ASCII, and the letter case is not
/// swapped. cp1251 read as KOI8-R (or the other way round) swaps the case — `сБЮФЮЕЛШИ` — so capitals outnumber small
/// letters and a small letter is often followed by a capital; text written all in capitals has no such pairs.
fn plausible_cyrillic(text: &str) -> bool {
    let (mut small, mut capital, mut cyrillic, mut latin, mut non_ascii, mut swaps) =
        (0usize, 0, 0, 0, 0, 0);
    let mut after_small = false;
    for c in text.chars() {
        let (is_small, is_capital) = match c {
            'а'..='я' | 'ё' => (true, false),
            'А'..='Я' | 'Ё' => (false, true),
            _ => (false, false),
        };
        small += usize::from(is_small);
        capital += usize::from(is_capital);
        swaps += usize::from(after_small && is_capital);
        after_small = is_small;
        cyrillic += usize::from(('\u{400}'..='\u{4FF}').contains(&c));
        latin += usize::from(c.is_ascii_alphabetic());
        non_ascii += usize::from(!c.is_ascii());
    }
    cyrillic > latin
        && cyrillic * 10 >= non_ascii * 8
        && (small > capital || swaps * 200 <= small + capital)
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
fn decode_utf16_without_bom(
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

/// The 1-based line of a byte offset in UTF-16 text (line ends as in [`line_of`]).
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
