//! What decoding gives: the text, the encoding it was in and the invalid UTF-8 bytes replaced, or why the bytes are
//! not text, at a byte offset and its line (lines end as the reader ends them: `\n`, `\r\n` or a lone `\r`).

use std::borrow::Cow;

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

/// Control characters text files do have: tab, line ends, vertical tab (Word's line break), form feed and the
/// Ctrl-Z old DOS editors put at the end.
pub(super) fn textual_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '\x1A')
}

/// The 1-based line of a byte offset, with lines ended as the reader ends them: `\n`, `\r\n` or a lone `\r`.
pub(super) fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + line_ends(bytes, 0, offset.min(bytes.len()))
}

/// Line ends in `bytes[from..to]`, ended as [`line_of`] ends them (a `\r` before a `\n` is not one).
pub(super) fn line_ends(bytes: &[u8], from: usize, to: usize) -> usize {
    let part = &bytes[from..to];
    let lone_cr = memchr::memchr_iter(b'\r', part)
        .filter(|&i| bytes.get(from + i + 1) != Some(&b'\n'))
        .count();
    memchr::memchr_iter(b'\n', part).count() + lone_cr
}
