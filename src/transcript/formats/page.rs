//! kremlin.ru pages (`*.html`, `*.htm`): the article found by [`crate::transcript::page`], written in the text
//! layout ([`Page::to_text`]) and read as a transcript whose id is the news id.

use std::path::Path;

use super::{has_extension, Claim, Format, Reading};
use crate::transcript::decode::Replaced;
use crate::transcript::options::ReadOptions;
use crate::transcript::page::{read_page, Page};
use crate::transcript::reader::parse_text;
use crate::transcript::source::{
    decode_named, display, read_bounded, replaced_warnings, ReadError, ReadFile,
};
use crate::transcript::warning::Warning;

/// A kremlin.ru page.
pub struct KremlinPage;

impl Format for KremlinPage {
    fn name(&self) -> &'static str {
        "page"
    }

    fn files(&self) -> &'static str {
        "page (.html, .htm)"
    }

    fn walk(&self, path: &Path) -> Option<Claim> {
        is_page(path).then_some(Claim::Read)
    }

    fn read(&self, path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
        read_page_bytes(path, bytes, options).map(Reading::from)
    }
}

/// Whether a path names a page (`*.html`, `*.htm`, any case).
pub fn is_page(path: &Path) -> bool {
    has_extension(path, &["html", "htm"])
}

/// Reads one page file into a [`Page`] (what `stenogram import` writes as text).
pub fn read_page_file(path: &Path) -> Result<(Page, &'static str, Vec<Warning>), ReadError> {
    let bytes = read_bounded(path)?;
    let (page, encoding, replaced) = page_of(&display(path), &bytes)?;
    Ok((page, encoding, replaced_warnings(&replaced, true)))
}

/// A page's bytes to a [`Page`], with the encoding they were decoded from and the invalid bytes replaced.
fn page_of(path: &str, bytes: &[u8]) -> Result<(Page, &'static str, Vec<Replaced>), ReadError> {
    let decoded = decode_named(path, bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_string(),
        });
    }
    let page = read_page(path, &decoded.text).map_err(|error| ReadError::Page {
        path: path.to_string(),
        error,
    })?;
    Ok((page, decoded.encoding, decoded.replaced))
}

/// Reads one page's bytes: the page in the text layout ([`Page::to_text`]), read as a transcript whose id is the
/// news id; `path` names it in messages. Line numbers in its messages are those of that text, as `stenogram import`
/// writes it.
pub fn read_page_bytes(
    path: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    let (page, encoding, replaced) = page_of(path, bytes)?;
    let (mut meeting, audit, mut warnings) =
        parse_text(&page.id, path, &page.to_text(), encoding, options);
    meeting.format = "page";
    if encoding != "UTF-8" {
        warnings.insert(0, Warning::not_utf8(encoding));
    }
    warnings.splice(0..0, replaced_warnings(&replaced, true));
    Ok((ReadFile { meeting, audit }, warnings))
}
