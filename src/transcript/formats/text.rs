//! The kremlin.ru text layout (`*.txt`, and any file named explicitly that no other format claims): decoded, then
//! read by [`crate::transcript::reader`] into one meeting whose id is the file stem.

use std::path::Path;

use super::{has_extension, Claim, Format, Reading};
use crate::transcript::options::ReadOptions;
use crate::transcript::reader::parse_text;
use crate::transcript::source::{decode_named, replaced_warnings, ReadError, ReadFile};
use crate::transcript::warning::Warning;

/// The text layout.
pub struct TextLayout;

impl Format for TextLayout {
    fn name(&self) -> &'static str {
        "text"
    }

    fn files(&self) -> &'static str {
        "transcript (.txt)"
    }

    fn walk(&self, path: &Path) -> Option<Claim> {
        has_extension(path, &["txt"]).then_some(Claim::Read)
    }

    /// Every file: a file named explicitly is read as text whatever its name.
    fn recognise(&self, _: &Path, _: &[u8]) -> bool {
        true
    }

    fn read(&self, path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
        read_bytes(path, bytes, options).map(Reading::from)
    }
}

/// Reads one file's bytes as the text layout; `path` names it in messages and gives the meeting id (its stem).
pub fn read_bytes(
    path: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    let decoded = decode_named(path, bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: path.to_string(),
        });
    }
    let id = Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    let (meeting, audit, mut warnings) =
        parse_text(&id, path, &decoded.text, decoded.encoding, options);
    if decoded.encoding != "UTF-8" {
        warnings.insert(0, Warning::not_utf8(decoded.encoding));
    }
    warnings.splice(0..0, replaced_warnings(&decoded.replaced, false));
    Ok((ReadFile { meeting, audit }, warnings))
}
