//! Reading one file's bytes with their limits, and what can go wrong reading a file: [`ReadError`], whose messages
//! name the path (and line), and [`TableError`] for table corpora. Which format reads a file is decided in
//! [`super::formats`]; the paths are walked by [`super::walk`]; a corpus is read through [`mod@super::ingest`].
//! One bad file is reported and the others are still read.

use std::path::Path;

use super::audit::Audit;
use super::decode::{decode, utf16_by_nul_parity, DecodeError, Decoded, Replaced};
use super::model::Meeting;
use super::page::PageError;
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
    #[error("{path}: no {looked_for} found in this folder or below it")]
    NoTranscripts {
        /// The folder.
        path: String,
        /// What the formats read, e.g. `transcript (.txt), page (.html, .htm) or table (.csv, .tsv, .jsonl)`.
        looked_for: String,
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
    /// A table corpus without the columns it needs, or one of its rows (see [`TableError`]).
    #[error("{path}{}: {error}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Table {
        /// The path.
        path: String,
        /// The 1-based line the row starts on, when the error is about a row.
        line: Option<usize>,
        /// What is wrong.
        error: TableError,
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
            ReadError::Table { error, .. } => error.kind(),
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

/// What is wrong with a table corpus (`*.csv`, `*.tsv`, `*.jsonl`), or with one of its rows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// No column for the text or the speaker: not a table corpus.
    #[error(
        "not read as a table corpus: no {role} column (looked for {}; the columns are {})",
        listed(looked),
        listed(columns)
    )]
    NoColumn {
        /// `text` or `speaker`.
        role: &'static str,
        /// The column names looked for.
        looked: Vec<String>,
        /// The table's columns.
        columns: Vec<String>,
    },
    /// A text column whose every cell is `true` or `false`: a mark (as the `content` column of a report's tables),
    /// not speech.
    #[error("not read as a table corpus: every cell of its text column '{column}' is true or false, a mark (as in the tables of a stenogram report), not speech")]
    NotSpeech {
        /// The text column.
        column: String,
    },
    /// A header and no row.
    #[error("a header and no row")]
    NoRows,
    /// A row whose number of fields is not the header's.
    #[error("{found} fields where the header has {expected}; row not read")]
    Fields {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A CSV row the parser refused.
    #[error("{0}; row not read")]
    Csv(String),
    /// A line of a JSON lines file that is not JSON.
    #[error("not JSON ({0}); line not read")]
    Json(String),
    /// A line of a JSON lines file that is JSON but not an object.
    #[error("a JSON {0}, not an object; line not read")]
    NotObject(&'static str),
    /// A row without its text or speaker.
    #[error("no {role}: its column '{column}' is empty or missing on this row; row not read")]
    Missing {
        /// `text` or `speaker`.
        role: &'static str,
        /// The column.
        column: String,
    },
}

impl TableError {
    /// What kind of problem this is, for a summary of many.
    pub fn kind(&self) -> &'static str {
        match self {
            TableError::NoColumn { .. } | TableError::NotSpeech { .. } => "not a table corpus",
            TableError::NoRows => "table without rows",
            _ => "bad row of a table",
        }
    }

    /// Whether the table is not a corpus at all (rather than a corpus with a problem).
    pub fn is_not_corpus(&self) -> bool {
        matches!(
            self,
            TableError::NoColumn { .. } | TableError::NotSpeech { .. }
        )
    }
}

/// Names quoted and listed: `'a', 'b'`, the first [`LISTED`] of many and how many there are (`none` for none).
fn listed(names: &[String]) -> String {
    if names.is_empty() {
        return "none".to_string();
    }
    let shown: Vec<String> = names
        .iter()
        .take(LISTED)
        .map(|n| format!("'{n}'"))
        .collect();
    match names.len() {
        n if n > LISTED => format!("{}, … ({n} in all)", shown.join(", ")),
        _ => shown.join(", "),
    }
}

/// The most column names a message lists.
const LISTED: usize = 8;

/// One meeting read from a file (a transcript or a page) with its audit.
#[derive(Debug, Clone)]
pub struct ReadFile {
    /// The meeting.
    pub meeting: Meeting,
    /// Its audit.
    pub audit: Audit,
}

/// A path as shown in messages.
pub(super) fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
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
