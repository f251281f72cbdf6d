//! Text in a legacy encoding: the encoding `chardetng` guesses, checked against what Russian (or English) text looks
//! like in it, else the first of the legacy encodings in which the text reads right; control characters in the text
//! mean binary data.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::decoded::{line_of, textual_control, DecodeError, Decoded};

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

/// Decodes bytes that are neither valid nor damaged UTF-8 (`bad` is the offset of the first bad byte in `body`, which
/// comes after `skipped` bytes of BOM): the text in the detector's legacy encoding or in the first legacy encoding
/// that reads right.
pub(super) fn decode_legacy(
    body: &[u8],
    skipped: usize,
    bad: usize,
) -> Result<Decoded<'static>, DecodeError> {
    let undecodable = |guess| DecodeError::Undecodable {
        offset: skipped + bad,
        line: line_of(body, bad),
        guess,
    };
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
pub(super) fn plausible_cyrillic(text: &str) -> bool {
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
