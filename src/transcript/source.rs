//! Files to meetings: walking the paths the user gave, and reading and decoding one file with its limits (a corpus
//! is read through [`mod@super::ingest`], and kept in memory by [`super::corpus`]). One bad file is reported and the
//! others are still read.
//!
//! Directories are walked recursively (symbolic links followed, loops reported) and contribute their `*.txt` files,
//! their kremlin.ru pages (`*.html`, `*.htm`, read by [`super::page`]) and ParlaMint TEI sittings
//! (`ParlaMint-XX_….xml`), hidden ones excluded; a file named explicitly is read whatever its name (as a page if it
//! ends in `.html` or `.htm`). Paths are de-duplicated and read in sorted order, so the result does not depend on the
//! order they were given in.

use std::path::{Path, PathBuf};

use super::audit::Audit;
use super::decode::{decode, utf16_by_nul_parity, DecodeError, Decoded, Replaced};
use super::model::Meeting;
use super::options::ReadOptions;
use super::page::{read_page, Page, PageError};
use super::reader::parse_text;
use super::warning::{Warning, WarningKind};

/// Why a file (or a directory entry) could not be read. Displays as `path[:line]: what is wrong`.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused.
    #[error("{path}: cannot read: {cause}")]
    Io {
        /// The path.
        path: String,
        /// The error (in the message, so not also the error's source).
        cause: std::io::Error,
    },
    /// Walking a directory failed (permissions, a symbolic link loop, …).
    #[error("{path}: {message}")]
    Walk {
        /// The path.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A folder given by the user holds no file to read.
    #[error("{path}: no transcript (.txt) or page (.html, .htm) found in this folder or below it")]
    NoTranscripts {
        /// The folder.
        path: String,
    },
    /// A path given by the user does not exist.
    #[error("{path}: no such file or directory")]
    Missing {
        /// The path.
        path: String,
    },
    /// Not a regular file (a pipe, a device) and longer than the limit for those.
    #[error("{path}: not a regular file and longer than {limit} bytes; not read")]
    TooLong {
        /// The path.
        path: String,
        /// The limit.
        limit: u64,
    },
    /// A bug in stenogram met while reading this file (the other files are read).
    #[error("{path}: internal error while reading this file ({message}); please report it")]
    Internal {
        /// The path.
        path: String,
        /// The panic's message.
        message: String,
    },
    /// A page that could not be read as a kremlin.ru article (see [`super::page`]).
    #[error("{path}: {error}")]
    Page {
        /// The path.
        path: String,
        /// What was wrong or missing.
        error: PageError,
    },
    /// The file has no text.
    #[error("{path}: empty file (no text to read)")]
    Empty {
        /// The path.
        path: String,
    },
    /// A NUL byte: not a text file.
    #[error("{path}:{line}: binary file (NUL byte at byte offset {offset}); not read")]
    Binary {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// Byte offset.
        offset: usize,
    },
    /// Not UTF-8, and a control byte in the legacy encoding guessed: binary data, or a byte the encoding leaves
    /// undefined.
    #[error("{path}:{line}: not text: byte 0x{byte:02X} at byte offset {offset} is a control character in {encoding}, the encoding guessed for this file (it is not UTF-8); not read")]
    Control {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// Byte offset.
        offset: usize,
        /// The byte.
        byte: u8,
        /// The legacy encoding guessed.
        encoding: &'static str,
    },
    /// Neither UTF-8 nor text in an encoding read here (or broken UTF-16).
    #[error("{path}:{line}: {}; not read", undecodable_message(*offset, *guess))]
    Undecodable {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// Byte offset of the first byte that is not UTF-8.
        offset: usize,
        /// What the detector guessed.
        guess: Option<&'static str>,
    },
    /// XML that could not be read (a ParlaMint TEI file): not well-formed, or with a DTD.
    #[error("{path}:{line}: {message}; not read")]
    Xml {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong (`not well-formed XML: …`).
        message: String,
    },
    /// XML whose root is not a TEI document in the TEI namespace.
    #[error("{path}:{line}: not a ParlaMint TEI sitting: the root element is <{found}>, not <TEI> in the TEI namespace (http://www.tei-c.org/ns/1.0); not read")]
    NotTei {
        /// The path.
        path: String,
        /// 1-based line of the root element.
        line: usize,
        /// The root element, with its namespace in braces if it has one.
        found: String,
    },
    /// A ParlaMint corpus root (`<teiCorpus>`): not a sitting, skipped (its sittings are read from their folders).
    #[error("{path}: {CORPUS_ROOT}")]
    CorpusRoot {
        /// The path.
        path: String,
    },
    /// A ParlaMint text without its meta file, which names the speakers.
    #[error("{path}: no ParlaMint meta file for this text (looked for {looked}); it names the speakers; not read")]
    NoMeta {
        /// The text file.
        path: String,
        /// The paths looked at.
        looked: String,
    },
    /// A ParlaMint meta file without the columns a reader needs.
    #[error("{path}:1: the ParlaMint meta file lacks the column(s) {missing}; not read")]
    MetaColumns {
        /// The meta file.
        path: String,
        /// The missing columns, comma-separated.
        missing: String,
    },
}

/// What is said of a ParlaMint corpus root, which is skipped.
pub const CORPUS_ROOT: &str =
    "a ParlaMint corpus root (<teiCorpus>), not a sitting: its sittings are the files it \
    includes, read from their own folders; skipped";

impl ReadError {
    /// What kind of problem this is, for a summary of many (`cannot read`, `not a kremlin.ru page`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "cannot read",
            ReadError::Walk { .. } => "cannot walk a folder",
            ReadError::NoTranscripts { .. } => "folder without transcripts",
            ReadError::Missing { .. } => "no such file or directory",
            ReadError::TooLong { .. } => "not a regular file and too long",
            ReadError::Internal { .. } => "internal error",
            ReadError::Page { error, .. } => error.kind(),
            ReadError::Empty { .. } => "empty file",
            ReadError::Binary { .. } | ReadError::Control { .. } => "binary file",
            ReadError::Undecodable { .. } => "undecodable text",
            ReadError::Xml { .. } => "XML not read",
            ReadError::NotTei { .. } => "not a TEI sitting",
            ReadError::CorpusRoot { .. } => "ParlaMint corpus root, skipped",
            ReadError::NoMeta { .. } | ReadError::MetaColumns { .. } => "ParlaMint meta file",
        }
    }
}

fn undecodable_message(offset: usize, guess: Option<&'static str>) -> String {
    match guess {
        None => format!("invalid UTF-8 at byte offset {offset}"),
        Some(utf16) if utf16.starts_with("UTF-16") => {
            format!("broken {utf16} (no byte order mark) at byte offset {offset}")
        }
        Some(guess) => format!(
            "not UTF-8 (first bad byte at offset {offset}), and not text in windows-1251, KOI8-R, cp866, \
             ISO-8859-5, Mac Cyrillic or windows-1252 (the encoding detector's guess: {guess})"
        ),
    }
}

/// One file read.
#[derive(Debug, Clone)]
pub struct ReadFile {
    /// The meeting.
    pub meeting: Meeting,
    /// Its audit.
    pub audit: Audit,
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.len() > 1 && n != "..")
}

/// Whether a file extension is a page's (`html`, `htm`, any case).
fn is_page_extension(extension: &std::ffi::OsStr) -> bool {
    extension.eq_ignore_ascii_case("html") || extension.eq_ignore_ascii_case("htm")
}

/// Whether a path names a page (`*.html`, `*.htm`), read by [`super::page`].
pub fn is_page(path: &Path) -> bool {
    path.extension().is_some_and(is_page_extension)
}

/// Whether a folder's walk takes a file: a transcript (`*.txt`), a page (`*.html`, `*.htm`) or a ParlaMint TEI
/// sitting (`ParlaMint-XX_….xml`, read by `parlamint`, whose `is_parlamint_tei` this agrees with).
pub(super) fn walks_into(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parlamint_tei = name.len() > 4
        && name.is_char_boundary(name.len() - 4)
        && name[name.len() - 4..].eq_ignore_ascii_case(".xml")
        && name.strip_prefix("ParlaMint-").is_some_and(|rest| {
            let stem = &rest[..rest.len() - 4];
            let stem = stem.strip_suffix(".ana").unwrap_or(stem);
            stem.split_once('_').is_some_and(|(corpus, sitting)| {
                !corpus.is_empty()
                    && corpus
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !sitting.is_empty()
                    && !sitting.ends_with("-meta")
            })
        });
    parlamint_tei
        || path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("txt") || is_page_extension(x))
}

/// The files named by `paths`: files as given, directories walked for `*.txt`, `*.html`, `*.htm` and ParlaMint TEI
/// sittings (`ParlaMint-XX_….xml`). Sorted and de-duplicated.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => errors.push(ReadError::Missing {
                path: display(path),
            }),
            Err(source) => errors.push(ReadError::Io {
                path: display(path),
                cause: source,
            }),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                let walker = walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if walks_into(e.path()) {
                                files.push(e.into_path());
                            }
                        }
                        Ok(_) => {}
                        Err(err) => errors.push(ReadError::Walk {
                            path: err.path().map_or_else(|| display(path), display),
                            message: walk_message(&err),
                        }),
                    }
                }
                if files.len() == before {
                    errors.push(ReadError::NoTranscripts {
                        path: display(path),
                    });
                }
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk_message(err: &walkdir::Error) -> String {
    if let Some(ancestor) = err.loop_ancestor() {
        format!(
            "symbolic link loop (back to {}); not followed",
            display(ancestor)
        )
    } else if let Some(io) = err.io_error() {
        format!("cannot read: {io}")
    } else {
        err.to_string()
    }
}

/// Reads one file: a page (`*.html`, `*.htm`) through [`super::page`], anything else as a transcript.
pub fn read_file(
    path: &Path,
    options: &ReadOptions,
) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    let bytes = read_bounded(path)?;
    if is_page(path) {
        read_page_bytes(&display(path), &bytes, options)
    } else {
        read_bytes(&display(path), &bytes, options)
    }
}

/// Reads one page file into a [`Page`] (what `stenogram import` writes as text).
pub fn read_page_file(path: &Path) -> Result<(Page, &'static str, Vec<Warning>), ReadError> {
    let bytes = read_bounded(path)?;
    let (page, encoding, replaced) = page_of(&display(path), &bytes)?;
    Ok((page, encoding, replaced_warnings(&replaced, true)))
}

/// The most invalid UTF-8 sequences of one file told one by one; the rest are told as a count.
const REPLACED_TOLD: usize = 10;

/// Warnings for the invalid UTF-8 sequences replaced in a file (`page`: the lines are the HTML file's, not those of
/// the text the page is read as, so the message names them).
pub(super) fn replaced_warnings(replaced: &[Replaced], page: bool) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = replaced
        .iter()
        .take(REPLACED_TOLD)
        .map(|r| Warning {
            line: (!page).then_some(r.line),
            kind: WarningKind::Replaced,
            message: if page {
                format!("{r} (line {} of the HTML)", r.line)
            } else {
                r.to_string()
            },
        })
        .collect();
    if replaced.len() > REPLACED_TOLD {
        let rest = &replaced[REPLACED_TOLD..];
        warnings.push(Warning {
            line: None,
            kind: WarningKind::Replaced,
            message: format!(
                "{} more invalid UTF-8 sequences replaced by U+FFFD (lines {}–{})",
                rest.len(),
                rest[0].line,
                rest[rest.len() - 1].line
            ),
        });
    }
    warnings
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

/// A file's bytes, read as transcripts are: block by block, stopping at a block with a NUL byte, and at
/// [`STREAM_LIMIT`] for what is not a regular file. For option files (aliases, stopwords) and `tokens`, so that
/// `/dev/zero` or an endless pipe given by mistake ends with a message instead of filling memory.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_text_bytes(path).map_err(|e| e.named(display(path)))
}

impl ReadLimit {
    /// The error of reading the file shown as `path`.
    fn named(self, path: String) -> ReadError {
        match self {
            ReadLimit::Io(source) => ReadError::Io {
                path,
                cause: source,
            },
            ReadLimit::TooLong => ReadError::TooLong {
                path,
                limit: STREAM_LIMIT,
            },
        }
    }
}

/// A file's text: [`read_bounded`], then decoded as a transcript is (UTF-8, UTF-16, legacy encodings; binary is an
/// error naming the byte).
pub fn read_text(path: &Path) -> Result<Decoded<'static>, ReadError> {
    let bytes = read_bounded(path)?;
    let decoded = decode_named(&display(path), &bytes)?;
    Ok(Decoded {
        text: std::borrow::Cow::Owned(decoded.text.into_owned()),
        encoding: decoded.encoding,
        replaced: decoded.replaced,
    })
}

/// [`decode`] with the error naming `path`.
pub fn decode_named<'a>(path: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, ReadError> {
    decode(bytes).map_err(|e| match e {
        DecodeError::Binary { offset, line } => ReadError::Binary {
            path: path.to_string(),
            line,
            offset,
        },
        DecodeError::Control {
            offset,
            line,
            byte,
            encoding,
        } => ReadError::Control {
            path: path.to_string(),
            line,
            offset,
            byte,
            encoding,
        },
        DecodeError::Undecodable {
            offset,
            line,
            guess,
        } => ReadError::Undecodable {
            path: path.to_string(),
            line,
            offset,
            guess,
        },
    })
}

/// Bytes read at a time.
const BLOCK: u64 = 1 << 20;
/// The most read from something that is not a regular file (a pipe, a device).
pub const STREAM_LIMIT: u64 = 1 << 30;

enum ReadLimit {
    Io(std::io::Error),
    TooLong,
}

/// A file's bytes, read block by block. Reading stops at the first block with a NUL byte (unless the file starts
/// with a UTF-16 byte order mark or its first block has the NUL bytes of UTF-16 without one): the file is binary,
/// which the decoder then reports at that byte, and a device such as `/dev/zero` would never end. Something that is
/// not a regular file is read up to [`STREAM_LIMIT`].
fn read_text_bytes(path: &Path) -> Result<Vec<u8>, ReadLimit> {
    let file = std::fs::File::open(path).map_err(ReadLimit::Io)?;
    let meta = file.metadata().map_err(ReadLimit::Io)?;
    let capacity = if meta.is_file() {
        meta.len() as usize + 1
    } else {
        0
    };
    read_blocks(file, meta.is_file(), capacity)
}

/// [`read_text_bytes`] on any reader; `regular` lifts the [`STREAM_LIMIT`].
fn read_blocks(
    mut reader: impl std::io::Read,
    regular: bool,
    capacity: usize,
) -> Result<Vec<u8>, ReadLimit> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(capacity);
    let mut utf16 = None;
    loop {
        let start = bytes.len();
        let n = (&mut reader)
            .take(BLOCK)
            .read_to_end(&mut bytes)
            .map_err(ReadLimit::Io)?;
        if n == 0 {
            return Ok(bytes);
        }
        let utf16 = *utf16.get_or_insert_with(|| {
            bytes.starts_with(&[0xFF, 0xFE])
                || bytes.starts_with(&[0xFE, 0xFF])
                || utf16_by_nul_parity(&bytes).is_some()
        });
        if !utf16 && memchr::memchr(0, &bytes[start..]).is_some() {
            return Ok(bytes);
        }
        if !regular && bytes.len() as u64 > STREAM_LIMIT {
            return Err(ReadLimit::TooLong);
        }
    }
}

/// Standard input read as [`read_bounded`] reads a pipe, named `name` in messages.
pub fn read_bounded_stdin(name: &str) -> Result<Vec<u8>, ReadError> {
    read_blocks(std::io::stdin().lock(), false, 0).map_err(|e| e.named(name.to_string()))
}

/// Reads one file's bytes; `path` names it in messages and gives the meeting id (its stem).
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
