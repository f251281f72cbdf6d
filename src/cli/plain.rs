//! Reading a plain-text argument (`FILE` or `-` for stdin) for the debugging commands `tokens` and `sentences`.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

use stenogram::transcript::decode::decode;

/// Reads `path` (or stdin for `-`) as text. Byte offsets printed later are offsets into the input when it is UTF-8
/// (a BOM is read as a space); a legacy encoding is decoded with a warning, and offsets then refer to its UTF-8 form.
pub fn read_plain(path: &Path) -> anyhow::Result<String> {
    let shown = path.display().to_string();
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("{shown}: cannot read"))?
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let decoded = decode(err.as_bytes()).map_err(|e| anyhow::anyhow!("{shown}: {e:?}"))?;
            eprintln!(
                "{shown}: warning: not UTF-8; decoded as {}, offsets refer to the UTF-8 text",
                decoded.encoding
            );
            Ok(decoded.text)
        }
    }
}
