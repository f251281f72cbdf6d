//! Reading a plain-text argument (`FILE` or `-` for stdin) for the debugging commands `tokens` and `sentences`.

use std::path::Path;

use stenogram::transcript::{decode_named, read_bounded, read_bounded_stdin};

/// Reads `path` (or stdin for `-`) as text. Byte offsets printed later are offsets into the input when it is UTF-8
/// (a BOM is read as a space); a legacy encoding is decoded with a warning, and offsets then refer to its UTF-8 form.
/// `None` when the input cannot be read or is not text, which is printed (the command then exits with 2, as when a
/// transcript fails).
pub fn read_plain(path: &Path) -> Option<String> {
    let shown = path.display().to_string();
    let bytes = if path == Path::new("-") {
        read_bounded_stdin("-")
            .map_err(|e| eprintln!("error: {e}"))
            .ok()?
    } else {
        read_bounded(path)
            .map_err(|e| eprintln!("error: {e}"))
            .ok()?
    };
    // UTF-8 without NUL bytes is taken as it is (a BOM included, so offsets are the input's); anything else is
    // decoded as a transcript is, and a binary file is an error.
    let decoded = |bytes: &[u8]| match decode_named(&shown, bytes) {
        Ok(decoded) => {
            eprintln!(
                "{shown}: warning: not UTF-8; decoded as {}, offsets refer to the UTF-8 text",
                decoded.encoding
            );
            Some(decoded.text.into_owned())
        }
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) if memchr::memchr(0, text.as_bytes()).is_none() => Some(text),
        Ok(text) => decoded(text.as_bytes()),
        Err(err) => decoded(err.as_bytes()),
    }
}
