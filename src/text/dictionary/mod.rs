//! Content-analysis dictionaries: categories of words and phrases (`security`, `economy.trade`), read from the
//! files political scientists publish them in, and matched against word keys.
//!
//! **Formats.** Each format is one file here implementing [`Format`], listed once in [`FORMATS`], as the transcript
//! readers are: quanteda's YAML ([`yaml`]), LIWC `.dic` ([`liwc`]), Lexicoder `.lc3` ([`lexicoder`]) and WordStat
//! `.cat` ([`wordstat`]). A file is read by the format its extension names, else by the first format that
//! recognises its content ([`Format::sniff`]). Every format fills the same [`Builder`], so a dictionary is the same
//! [`Dictionary`] whatever it was written in ([`model`]).
//!
//! **Bytes.** A dictionary is UTF-8 text (a UTF-8 byte order mark is skipped, UTF-16 with a byte order mark is
//! decoded); lines end at `\n`, `\r\n` or a lone `\r`. A file that is empty, binary (a NUL byte) or not UTF-8 is an
//! error, and so is anything a format cannot read: every error names the file and the line
//! ([`DictionaryError`]), so that a run stops before any transcript is read.
//!
//! **Matching** ([`matcher`]): an entry is a glob ([`glob`]: `*` any run of characters, `?` one) or a phrase of
//! globs, compared with words by their keys (lowercase, `ё` = `е`, as [`crate::text::normalize::key_into`] makes
//! them).

use std::borrow::Cow;

pub mod glob;
pub mod lexicoder;
pub mod liwc;
pub mod matcher;
pub mod model;
pub mod wordstat;
pub mod yaml;

pub use matcher::{EntryMatch, Hit, Matcher, Scratch, Slot};
pub use model::{Builder, Category, CategoryId, Dictionary, Entry, EntryId};

/// A dictionary format: how its files are named and recognised, and how one is read into a [`Builder`].
pub trait Format: Sync {
    /// The format's name in messages (`LIWC .dic`).
    fn name(&self) -> &'static str;
    /// The file extensions that name it, lowercase, without the dot.
    fn extensions(&self) -> &'static [&'static str];
    /// Whether a file of another extension is in this format, from its text.
    fn sniff(&self, text: &str) -> bool;
    /// Reads the text into `into`; an error is the line it is found at and what is wrong.
    fn read(&self, text: &str, into: &mut Builder) -> Result<(), (usize, Problem)>;
}

/// Every format, in the order they are asked to recognise a file by its content (YAML last: it reads most text).
pub static FORMATS: &[&dyn Format] = &[
    &liwc::Liwc,
    &lexicoder::Lexicoder,
    &wordstat::WordStat,
    &yaml::Yaml,
];

/// A dictionary file that cannot be read, with the file and the line of the first problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DictionaryError {
    /// The file, as given.
    pub file: String,
    /// The 1-based line of the problem.
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a dictionary file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Nothing but white space.
    #[error("the file is empty: a dictionary names categories and their words")]
    Empty,
    /// A NUL byte: not text.
    #[error("a binary file (a NUL byte), not a dictionary")]
    Binary,
    /// Bytes that are not UTF-8.
    #[error("not UTF-8 text (byte 0x{0:02X}): save the dictionary as UTF-8 (`iconv -f cp1251 -t utf-8` for a Windows Cyrillic file)")]
    NotUtf8(u8),
    /// No format recognises the file.
    #[error("cannot tell the format of the file: name it .yml (quanteda's YAML), .dic (LIWC), .lc3 (Lexicoder) or .cat (WordStat)")]
    Unknown,
    /// A category without a name.
    #[error("a category without a name")]
    EmptyName,
    /// A category name with a dot, which separates nested levels.
    #[error("the category name '{0}' has a dot, which separates nested levels (economy.trade): rename it")]
    Dot(String),
    /// Categories nested too deep.
    #[error("categories nested more than {0} levels deep")]
    TooDeep(usize),
    /// The file has categories but no entry.
    #[error("no category has an entry (a word or phrase to count)")]
    NoEntries,
    /// A weight that is not a finite number.
    #[error("the weight '{0}' is not a number")]
    Weight(String),
    /// What a format's reader found wrong, said in its terms.
    #[error("{0}")]
    Format(String),
}

impl Problem {
    /// A problem said in a format's terms.
    pub fn format(message: impl Into<String>) -> Problem {
        Problem::Format(message.into())
    }
}

/// Reads a dictionary file's bytes: `file` names it in messages, and its extension picks the format (the content
/// does for another extension). Warnings (lines a format leaves out, as quanteda does) are in
/// [`Dictionary::warnings`].
pub fn parse(file: &str, bytes: &[u8]) -> Result<Dictionary, DictionaryError> {
    let error = |line: usize, problem: Problem| DictionaryError {
        file: file.to_string(),
        line: line.max(1),
        problem,
    };
    let text = decode(bytes).map_err(|(line, p)| error(line, p))?;
    if let Some(at) = text.find('\0') {
        return Err(error(line_at(&text, at), Problem::Binary));
    }
    if text.trim().is_empty() {
        return Err(error(1, Problem::Empty));
    }
    let extension = std::path::Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = FORMATS
        .iter()
        .find(|f| f.extensions().contains(&extension.as_str()))
        .or_else(|| FORMATS.iter().find(|f| f.sniff(&text)))
        .ok_or_else(|| error(1, Problem::Unknown))?;
    let mut builder = Builder::new(file);
    // A parser may place an error at the end of the input, past its last line: the last line is meant.
    let last = 1 + lines_before(text.as_bytes());
    format
        .read(&text, &mut builder)
        .map_err(|(line, p)| error(line.min(last), p))?;
    builder.finish().map_err(|(line, p)| error(line, p))
}

/// The text of a file: UTF-8 without its byte order mark, or UTF-16 with one, decoded.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, (usize, Problem)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(rest);
    }
    for (bom, encoding) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE),
        (b"\xFE\xFF", encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, malformed) = encoding.decode_without_bom_handling(rest);
            if malformed {
                let line = text.find('\u{FFFD}').map_or(1, |at| line_at(&text, at));
                return Err((line, Problem::format("broken UTF-16 text")));
            }
            return Ok(Cow::Owned(text.into_owned()));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + lines_before(&bytes[..at]);
            Err((line, Problem::NotUtf8(bytes[at])))
        }
    }
}

/// Line ends (`\n`, `\r\n`, a lone `\r`) in `bytes`.
fn lines_before(bytes: &[u8]) -> usize {
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// The 1-based line of byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    1 + lines_before(&text.as_bytes()[..at])
}

/// The first line of a text that is not blank, trimmed: what a format's `sniff` looks at.
pub fn first_line(text: &str) -> Option<String> {
    lines(text)
        .map(|(_, l)| l.trim().to_string())
        .find(|l| !l.is_empty())
}

/// The lines of a text with their 1-based numbers, ended by `\n`, `\r\n` or a lone `\r` (not included), control
/// characters other than tabs removed (as quanteda cleans them).
pub fn lines(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut rest = text;
    let mut number = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        number += 1;
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = match rest.as_bytes().get(end) {
            Some(b'\r') if rest.as_bytes().get(end + 1) == Some(&b'\n') => 2,
            Some(_) => 1,
            None => 0,
        };
        rest = &rest[end + skip..];
        let clean = if line.chars().any(|c| c.is_control() && c != '\t') {
            Cow::Owned(
                line.chars()
                    .filter(|c| !c.is_control() || *c == '\t')
                    .collect(),
            )
        } else {
            Cow::Borrowed(line)
        };
        Some((number, clean))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_any_line_break_and_count_from_one() {
        let got: Vec<(usize, String)> = lines("a\r\nb\rc\n\nd\u{7}e")
            .map(|(n, l)| (n, l.into_owned()))
            .collect();
        let want = [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "de")];
        assert_eq!(got, want.map(|(n, l)| (n, l.to_string())));
    }

    #[test]
    fn bytes_that_are_not_a_dictionary_are_named_with_their_line() {
        let e = parse("d.yml", b"").unwrap_err();
        assert_eq!(e.to_string(), format!("d.yml:1: {}", Problem::Empty));
        let e = parse("d.yml", b"a:\n  - x\n\0\n").unwrap_err();
        assert_eq!((e.line, e.problem), (3, Problem::Binary));
        let e = parse("d.dic", b"%\r\n1\tx\r\n%\r\nb\xE9\t1\r\n").unwrap_err();
        assert_eq!((e.line, e.problem), (4, Problem::NotUtf8(0xE9)));
        let e = parse("d.txt", b"just words\n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn regression_fuzz_an_error_at_the_end_of_a_file_is_on_its_last_line() {
        // YAML's error at the end of a file of one line (a BOM and a tag) was on line 2.
        let e = parse("d.yml", b"\xEF\xBB\xBF!").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("d.yml", b"a:\n  - [b\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_utf16_decoded() {
        let d = parse("d.lc3", "\u{FEFF}+ECONOMY\nэконом*\n".as_bytes()).unwrap();
        assert_eq!(d.categories[0].name, "ECONOMY");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "+A\r\nб\r\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let d = parse("d.lc3", &utf16).unwrap();
        assert_eq!(d.entries[0].words, ["б"]);
    }

    #[test]
    fn the_extension_names_the_format_and_content_decides_for_others() {
        let liwc = "%\n1\tthreat\n%\nугроз*\t1\n";
        for name in ["d.dic", "d.txt", "d"] {
            let d = parse(name, liwc.as_bytes()).unwrap();
            assert_eq!(d.categories[0].name, "threat", "{name}");
        }
        // The extension wins: a .yml file is read as YAML, whatever it holds.
        assert!(parse("d.yml", liwc.as_bytes()).is_err());
        let d = parse("d.txt", "+A\nb\n".as_bytes()).unwrap();
        assert_eq!(d.entries[0].words, ["b"]);
        let d = parse("d.txt", "A\n\tB (2)\n".as_bytes()).unwrap();
        assert_eq!(d.entries[0].weight, 2.0);
        let d = parse("d.txt", "a: [b]\n".as_bytes()).unwrap();
        assert_eq!(d.entries[0].words, ["b"]);
    }
}
