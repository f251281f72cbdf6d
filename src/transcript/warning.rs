//! Problems worth telling the user that did not stop a file from being read: a [`Warning`] about a line or a whole
//! file, its [`WarningKind`] for a count per kind when there are thousands (a site mirror), and a [`FileWarning`] that
//! names its file. Every stage of reading (lines, header, body, encoding, ingest, aliases) makes them; none of them
//! needs anything else of the others, so they live here, below all of them.

/// A problem worth telling the user that did not stop the file from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line, when the warning is about one line.
    pub line: Option<usize>,
    /// What kind of problem, for a summary of many.
    pub kind: WarningKind,
    /// What happened.
    pub message: String,
}

impl Warning {
    /// The warning that a file was decoded from a legacy encoding.
    pub fn not_utf8(encoding: &str) -> Warning {
        Warning {
            line: None,
            kind: WarningKind::Encoding,
            message: format!("not UTF-8; decoded as {encoding}"),
        }
    }
}

/// Kinds of [`Warning`]s, so that thousands of them (a site mirror) can be told as a count per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WarningKind {
    /// A page of a site that is not an article, skipped.
    Skipped,
    /// A file decoded from a legacy encoding.
    Encoding,
    /// Invalid UTF-8 bytes replaced by U+FFFD.
    Replaced,
    /// A second file of a meeting already read (the same source URL), skipped.
    Duplicate,
    /// `--lang` names a language whose script most of the letters are not in.
    Language,
    /// HTML markup in a text file.
    Markup,
    /// Label-like lines too few for a transcript: read as narration.
    Narration,
    /// A date that does not exist.
    Date,
    /// An alias label that matches no label.
    Alias,
    /// A ParlaMint file whose parts do not match (a meta row with too few fields, an utterance the meta file does
    /// not list, a text line without its utterance id), or a corpus root, skipped.
    ParlaMint,
    /// A column of a table whose name repeats an earlier column's, not read.
    Column,
    /// A cell of a table that could not be understood (a turn number, an interpreted mark).
    Cell,
    /// A table without a text or speaker column met while walking a folder, or a folder holding a report: not read
    /// as a corpus.
    NotCorpus,
}

impl WarningKind {
    /// What warnings of this kind say, for a summary (`12 files: not UTF-8`).
    pub fn describe(self) -> &'static str {
        match self {
            WarningKind::Skipped => "pages that are not articles, skipped",
            WarningKind::Encoding => "not UTF-8, decoded from a legacy encoding",
            WarningKind::Replaced => "invalid UTF-8 bytes replaced by U+FFFD",
            WarningKind::Duplicate => "the same meeting as an earlier file, skipped",
            WarningKind::Language => "--lang disagrees with the script of most letters",
            WarningKind::Markup => "HTML markup in a text file",
            WarningKind::Narration => {
                "label-like lines too few for a transcript, read as narration"
            }
            WarningKind::Date => "invalid date",
            WarningKind::Alias => "alias label matching no label",
            WarningKind::ParlaMint => {
                "ParlaMint utterances, lines or meta rows that do not match, or corpus roots skipped"
            }
            WarningKind::Column => "repeated column name in a table",
            WarningKind::Cell => "table cell not understood",
            WarningKind::NotCorpus => "tables and report folders not read as a corpus",
        }
    }
}

/// A warning about one file; displays as `path:line: warning: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileWarning {
    /// The file.
    pub path: String,
    /// The warning.
    pub warning: Warning,
}

impl std::fmt::Display for FileWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.warning.line {
            Some(line) => write!(
                f,
                "{}:{}: warning: {}",
                self.path, line, self.warning.message
            ),
            None => write!(f, "{}: warning: {}", self.path, self.warning.message),
        }
    }
}
