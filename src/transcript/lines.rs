//! Decoded text to its non-blank lines, each with its 1-based line number in the file: lines end at `\n`, `\r\n`
//! or a lone `\r`; HTML markup is removed first when the text has some (see [`super::markup`]), then entities are
//! decoded, no-break spaces become spaces and each line is trimmed of whitespace and invisible format characters.
//! Kept apart from [`super::reader`] because this is the one place the reader touches raw text: everything after it
//! works on `Line`s. Lines that were markup only are kept aside, with warnings about them.

use std::borrow::Cow;

use super::markup::{looks_like_html, Markup, Stripped};
use super::warning::{Warning, WarningKind};

/// The 1-based line of byte offsets met in increasing order, with lines ended as the reader ends them (`\n`,
/// `\r\n` or a lone `\r`): for CSV files (info tables, aliases, table corpora), whose records the `csv` crate
/// ends the same way but whose own line numbers count only `\n` (a file with lone `\r`s would be all line 2)
/// and place a CRLF's `\n` in the next record. An offset is placed past the line ends at it, where its record
/// starts.
pub struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    /// A counter at the start of `text`.
    pub fn new(text: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The line of the first byte at or after `byte` that does not end a line (an offset before the last one asked
    /// for is taken as that one).
    pub fn line_at(&mut self, byte: usize) -> usize {
        let mut byte = byte.clamp(self.byte, self.text.len());
        while byte < self.text.len() && matches!(self.text[byte], b'\r' | b'\n') {
            byte += 1;
        }
        let part = &self.text[self.byte..byte];
        let lone_cr = memchr::memchr_iter(b'\r', part)
            .filter(|&i| part.get(i + 1) != Some(&b'\n'))
            .count();
        self.line += memchr::memchr_iter(b'\n', part).count() + lone_cr;
        self.byte = byte;
        self.line
    }
}

/// A non-blank line: its 1-based number and its text (borrowed from the file unless it had to change).
pub(super) type Line<'t> = (usize, Cow<'t, str>);

/// `s` with its HTML character references decoded; as it is, without a scan of its characters, when it has no `&`.
fn decode_entities(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    html_escape::decode_html_entities(s)
}

/// Whether `s` holds U+00A0, U+202F or U+2007, looking only at the bytes that can start them (`C2`, `E2`).
fn has_no_break_space(s: &str) -> bool {
    no_break_spaces(s).next().is_some()
}

/// The byte offset and length of each no-break space of `s` (U+00A0, U+202F, U+2007), found by their UTF-8 bytes.
fn no_break_spaces(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = s.as_bytes();
    memchr::memchr2_iter(0xC2, 0xE2, b).filter_map(|i| match b[i] {
        0xC2 if b.get(i + 1) == Some(&0xA0) => Some((i, 2)),
        0xE2 if matches!(b.get(i + 1..i + 3), Some([0x80, 0xAF | 0x87])) => Some((i, 3)),
        _ => None,
    })
}

/// `s` with each no-break space made a space.
fn spaces_for_no_break(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (at, len) in no_break_spaces(s) {
        out.push_str(&s[last..at]);
        out.push(' ');
        last = at + len;
    }
    out.push_str(&s[last..]);
    out
}

/// The non-blank lines of a text, and the HTML markup found on its lines.
pub(super) struct Content<'t> {
    /// Non-blank lines with their markup removed.
    pub(super) lines: Vec<Line<'t>>,
    /// Lines that were HTML markup only (tags, comments, script): number and text as written.
    pub(super) markup_only: Vec<(usize, String)>,
    /// Lines that kept text after their tags were removed.
    stripped: Vec<usize>,
    /// Whether a comment or hidden element was still open at the end.
    open: bool,
}

/// Characters a line is trimmed of: whitespace, and the invisible format characters that would hide a label at the
/// start of a line — a byte order mark left inside by concatenating files (`cat a.txt b.txt`), zero-width spaces and
/// joiners, direction marks and embeddings.
fn blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        )
}

/// Splits text into lines on `\n`, `\r\n` or a lone `\r`, decoding HTML entities, turning no-break spaces into
/// spaces and trimming each line.
/// Returns (1-based line number, line) for the non-blank lines.
pub(super) fn content_lines(text: &str) -> Content<'_> {
    if !looks_like_html(text) {
        return content_lines_with(text, None);
    }
    let content = content_lines_with(text, Some(Markup::default()));
    if content.open {
        // A comment, tag or hidden element never closed must not hide the rest of the text.
        return content_lines_with(text, Some(Markup::line_by_line()));
    }
    content
}

fn content_lines_with(text: &str, mut markup: Option<Markup>) -> Content<'_> {
    let mut content = Content {
        open: false,
        lines: Vec::new(),
        markup_only: Vec::new(),
        stripped: Vec::new(),
    };
    let mut number = 0;
    let mut rest = text;
    while !rest.is_empty() || number == 0 {
        number += 1;
        let (line, next) = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], &rest[i + skip..])
            }
            None => (rest, ""),
        };
        let (text, found) = match &mut markup {
            Some(markup) => markup.strip(line),
            None => (Cow::Borrowed(line), Stripped::default()),
        };
        // No-break spaces (as `&nbsp;` or as characters) are spaces in a label and in speech alike.
        let clean: Cow<str> = match text {
            Cow::Borrowed(line) => match decode_entities(line) {
                Cow::Borrowed(b) if !has_no_break_space(b) => Cow::Borrowed(b.trim_matches(blank)),
                decoded => Cow::Owned(spaces_for_no_break(decoded.trim_matches(blank))),
            },
            Cow::Owned(text) => Cow::Owned(spaces_for_no_break(
                decode_entities(&text).trim_matches(blank),
            )),
        };
        if !clean.is_empty() {
            if found.tags > 0 {
                content.stripped.push(number);
            }
            content.lines.push((number, clean));
        } else if found.tags > 0 && !line.trim_matches(blank).is_empty() {
            content
                .markup_only
                .push((number, line.trim_matches(blank).to_string()));
        }
        rest = next;
        if rest.is_empty() {
            break;
        }
    }
    content.open = markup.is_some_and(|m| m.is_open());
    content
}

/// Line numbers for a message: the first five, then `…`.
fn some_lines(numbers: impl ExactSizeIterator<Item = usize>) -> String {
    let count = numbers.len();
    let mut shown: Vec<String> = numbers.take(5).map(|n| n.to_string()).collect();
    if count > 5 {
        shown.push("…".to_string());
    }
    shown.join(", ")
}

/// Warnings about the HTML markup removed: a line each for a few markup-only lines, one for many (a saved page),
/// and one for the lines whose tags were removed.
pub(super) fn markup_warnings(content: &Content<'_>, warnings: &mut Vec<Warning>) {
    let only = &content.markup_only;
    if only.len() <= 5 {
        warnings.extend(only.iter().map(|(number, line)| Warning {
            line: Some(*number),
            kind: WarningKind::Markup,
            message: format!("unclassified line (markup): {}", preview(line)),
        }));
    } else {
        warnings.push(Warning {
            line: Some(only[0].0),
            kind: WarningKind::Markup,
            message: format!(
                "{} lines of HTML markup only, unclassified (lines {}); is this a saved web page?",
                only.len(),
                some_lines(only.iter().map(|(n, _)| *n))
            ),
        });
    }
    if let Some(&first) = content.stripped.first() {
        warnings.push(Warning {
            line: Some(first),
            kind: WarningKind::Markup,
            message: format!(
                "HTML tags removed from {} line(s) (lines {})",
                content.stripped.len(),
                some_lines(content.stripped.iter().copied())
            ),
        });
    }
}

/// A line for a message: its first 80 characters, then `…` if there were more.
pub(super) fn preview(line: &str) -> String {
    let mut s: String = line.chars().take(80).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The no-break spaces, as characters.
    const NBSP: [char; 3] = ['\u{00A0}', '\u{202F}', '\u{2007}'];

    #[test]
    fn no_break_spaces_are_found_by_their_bytes() {
        for s in [
            "",
            "a b",
            "«цитата» — тире",
            "a\u{00A0}b",
            "1\u{202F}000",
            "x\u{2007}",
            "\u{2008}\u{2028}‰…",
            "Â\u{00A1}",
            "\u{00A0}",
        ] {
            assert_eq!(has_no_break_space(s), s.contains(NBSP), "{s:?}");
            assert_eq!(spaces_for_no_break(s), s.replace(NBSP, " "), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn spaces_for_no_break_replaces_as_the_characters_do(
            s in "[a-zа-я \u{00A0}\u{00A1}\u{202F}\u{2007}\u{2008}\u{2028}\u{0100}Â‰…]{0,24}"
        ) {
            proptest::prop_assert_eq!(spaces_for_no_break(&s), s.replace(NBSP, " "));
        }

        #[test]
        fn entities_decode_as_html_escape_decodes_them(s in "[a-zа-я &;#x0-9]{0,24}|.*&(amp|nbsp|lt|#8212|#x41);.*") {
            let fast = decode_entities(&s);
            proptest::prop_assert_eq!(&fast, &html_escape::decode_html_entities(&s));
            proptest::prop_assert_eq!(matches!(fast, Cow::Borrowed(_)), !s.contains('&') || fast == s);
        }
    }
}
