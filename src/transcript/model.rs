//! The transcript model: a [`Meeting`] is an ordered list of [`Block`]s, and a [`Turn`] keeps what a speaker said
//! apart from what the editors added ([`Annotation`]s).

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::lang::{Language, LanguageCode};

/// One transcript file, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    /// The file stem, e.g. `2022-11-28_talks-kazakhstan-tokayev`.
    pub id: String,
    /// The path the meeting was read from, as given.
    pub path: String,
    /// The page title (first line of the header), if the file has the kremlin.ru header.
    pub title: Option<String>,
    /// From the header or, failing that, from a date (`YYYY-MM-DD`) at the start of the file name.
    pub date: Option<NaiveDate>,
    /// `HH:MM` (or `HH:MM:SS`) when the header gives it.
    pub time: Option<String>,
    /// The place line of the header, e.g. `Москва, Кремль`.
    pub place: Option<String>,
    /// The source URL (last line of a kremlin.ru file).
    pub source: Option<String>,
    /// Language of the text: `ru` or `en` (detected from the script of the letters, or set by the caller).
    pub language: Language,
    /// The encoding the file was decoded from (`UTF-8` unless a legacy encoding was detected).
    pub encoding: &'static str,
    /// The reader that read it: `text` (the kremlin.ru text layout) or `page` (a kremlin.ru HTML page); each format
    /// of the reader sets its own name.
    #[serde(skip)]
    pub format: &'static str,
    /// What else the source says of the meeting, as (name, value) pairs in the order given (a table corpus'
    /// columns that are the same on every row of a meeting, a parliament's sitting data, …); names are lowercase.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    /// The body in reading order.
    pub blocks: Vec<Block>,
}

impl Meeting {
    /// The value of the meeting attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A piece of the body, with the 1-based line number it starts on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// Narration before the first turn (the page's lead paragraphs).
    Lead {
        /// 1-based line number.
        line: usize,
        /// The paragraph, entities decoded and whitespace trimmed.
        text: String,
    },
    /// A `* * *` separator.
    Separator {
        /// 1-based line number.
        line: usize,
    },
    /// A section title without a speaker, e.g. «Начало встречи с Президентом Казахстана …».
    Heading {
        /// 1-based line number.
        line: usize,
        /// The title.
        text: String,
    },
    /// A speaker turn.
    Turn(Turn),
    /// An elision `<…>`: the editors left something out here.
    Elision {
        /// 1-based line number.
        line: usize,
    },
    /// Page furniture inside the body (`See also`, `Смотрите также`, …): not content, kept for the audit.
    Furniture {
        /// 1-based line number.
        line: usize,
        /// The line.
        text: String,
    },
    /// A line the reader could not place (markup left in the file); reported as a warning.
    Unclassified {
        /// 1-based line number.
        line: usize,
        /// The line.
        text: String,
    },
}

/// One speaker turn: a label line and the unlabelled paragraphs that follow it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Turn {
    /// 1-based line number of the label line.
    pub line: usize,
    /// The label as written, without the colon and surrounding spaces, e.g. `Н.Мадуро (как переведено)`.
    pub label: String,
    /// The name part of the label with the remark removed and spaces collapsed, e.g. `Н.Мадуро`.
    pub name: String,
    /// The remark in parentheses, if any, e.g. `как переведено`.
    pub remark: Option<String>,
    /// The canonical speaker (see [`crate::transcript::SpeakerResolver`]); equals `name` until resolved.
    pub speaker: String,
    /// The words reached the transcript through an interpreter (`как переведено`, `retranslated`, …).
    pub interpreted: bool,
    /// This turn resumes the previous speaker after an elision, without a new label.
    pub resumed: bool,
    /// The paragraphs in order; the first is the text after the label (possibly empty).
    pub paragraphs: Vec<Paragraph>,
    /// What the source says of the speaker at this turn, as (name, value) pairs (a table corpus' columns, a
    /// parliament's party, gender, role, …); names are lowercase. Empty for the kremlin.ru formats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<(String, String)>,
    /// The language the source gives this turn (ParlaMint's `xml:lang` or `Lang`), when it gives one; `None`: the
    /// meeting's [`Meeting::language`]. A code that is not Russian or English ([`LanguageCode::analysed`]) marks
    /// words that stenogram has no stemmer or lemmatizer for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageCode>,
}

impl Turn {
    /// The spoken text: the paragraphs' spoken text joined by newlines.
    pub fn spoken(&self) -> String {
        let len = self.paragraphs.iter().map(|p| p.spoken.len() + 1).sum();
        let mut out = String::with_capacity(len);
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&p.spoken);
        }
        out
    }

    /// All annotations of all paragraphs, in order.
    pub fn annotations(&self) -> impl Iterator<Item = &Annotation> {
        self.paragraphs.iter().flat_map(|p| p.annotations.iter())
    }
}

/// One paragraph of a turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// 1-based line number.
    pub line: usize,
    /// The paragraph as written (entities decoded, trimmed), annotations included.
    pub raw: String,
    /// What was said: `raw` without the annotations, spaces collapsed where an annotation was cut out.
    pub spoken: String,
    /// What the editors added, in order.
    pub annotations: Vec<Annotation>,
}

/// Text in a paragraph that nobody said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    /// What kind of addition it is.
    pub kind: AnnotationKind,
    /// The text inside the brackets.
    pub text: String,
    /// Byte offset of the opening bracket in [`Paragraph::raw`].
    pub offset: usize,
}

/// Kinds of editorial additions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    /// Words the editors inserted in square brackets, e.g. `[товарооборота]`.
    Insertion,
    /// A stage direction in parentheses, e.g. `(Смех.)`, `(Applause.)`.
    Direction,
    /// An elision `<…>` inside a paragraph, or a gap the editors left (ParlaMint's `<gap>`).
    Elision,
    /// An editorial note of a structured source: ParlaMint's `<note>` (a time, a comment, the transcript's own
    /// speaker label) or `[[…]]` in its plain text.
    Note,
}

impl Meeting {
    /// The turns in order.
    pub fn turns(&self) -> impl Iterator<Item = &Turn> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Turn(t) => Some(t),
            _ => None,
        })
    }

    /// The turns in order, mutable.
    pub fn turns_mut(&mut self) -> impl Iterator<Item = &mut Turn> {
        self.blocks.iter_mut().filter_map(|b| match b {
            Block::Turn(t) => Some(t),
            _ => None,
        })
    }

    /// The section headings in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
