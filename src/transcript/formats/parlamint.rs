//! ParlaMint sittings ([`crate::transcript::parlamint`]): the plain text `ParlaMint-XX_….txt` with its meta file
//! `…-meta.tsv` (read beside it, so the walk leaves the meta file to it), and the TEI `ParlaMint-XX_….xml`; a
//! corpus root `ParlaMint-XX.xml` named explicitly is recognised, to be skipped with a note.

use std::path::Path;

use super::{has_extension, Claim, Format, Reading};
use crate::transcript::options::ReadOptions;
use crate::transcript::parlamint::{
    is_parlamint_root, is_parlamint_tei, is_parlamint_txt, read_parlamint_tei, read_parlamint_txt,
};
use crate::transcript::source::ReadError;

/// A ParlaMint sitting, in either form.
pub struct ParlaMint;

/// Whether a path names a ParlaMint meta file (`ParlaMint-…-meta.tsv`), read beside its text or TEI.
fn is_meta(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with("ParlaMint-") && has_extension(path, &["tsv"]) && name.len() > 9 && {
        let stem = &name[..name.len() - 4];
        stem.ends_with("-meta")
    }
}

impl Format for ParlaMint {
    fn name(&self) -> &'static str {
        "parlamint"
    }

    fn files(&self) -> &'static str {
        "ParlaMint sitting (ParlaMint-XX_*.xml, or .txt with its -meta.tsv)"
    }

    fn walk(&self, path: &Path) -> Option<Claim> {
        if is_parlamint_txt(path) || is_parlamint_tei(path) {
            Some(Claim::Read)
        } else if is_meta(path) || is_parlamint_root(path) {
            Some(Claim::Companion)
        } else {
            None
        }
    }

    fn recognise(&self, path: &Path, _head: &[u8]) -> bool {
        is_parlamint_txt(path) || is_parlamint_tei(path) || is_parlamint_root(path)
    }

    fn read(&self, path: &str, bytes: &[u8], options: &ReadOptions) -> Result<Reading, ReadError> {
        let file = Path::new(path);
        if is_parlamint_txt(file) {
            read_parlamint_txt(file, bytes, options).map(Reading::from)
        } else if is_parlamint_tei(file) {
            read_parlamint_tei(file, bytes, options).map(Reading::from)
        } else {
            Err(ReadError::CorpusRoot {
                path: path.to_string(),
            })
        }
    }
}
