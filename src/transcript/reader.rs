//! Decoded text to a [`Meeting`]: the header, the body's blocks, and an [`Audit`] that accounts for every
//! non-blank line.
//!
//! **Layout** (kremlin.ru, as in `corpus/`): title, `YYYY-MM-DD HH:MM:SS` (or a date as the page shows it, see
//! [`super::header`]), place, lead paragraphs, body, source URL
//! last. The header is recognised only when the date line is the first or second non-blank line; otherwise the whole
//! file is body and the date comes from a `YYYY-MM-DD` at the start of the file name, if any.
//!
//! **Body rules**, line by line (blank lines are ignored; a paragraph is a line):
//! - `* * *` is a separator and ends the current turn;
//! - a line that is only `<…>` is an elision; an unlabelled paragraph after it resumes the previous speaker in a new
//!   turn marked `resumed`;
//! - a line accepted by [`parse_label`] starts a turn; the text after the colon is its first paragraph;
//! - an unlabelled line inside a turn continues it;
//! - an unlabelled line outside a turn is **lead** while no turn has started (unless it has no closing punctuation
//!   and comes after a separator or right before a label: then it is a section **heading**), and a **heading**
//!   after a turn has been closed by a separator or heading;
//! - page furniture (`See also`, `Additional`, `Смотрите также`, `Дополнительно`, `Краткая справка`) is counted with
//!   the metadata and does not end a turn;
//! - in a text with HTML markup (a closing tag, `<br>` or `<!DOCTYPE`), a line that is only markup is
//!   **unclassified** and reported, and tags are removed from the other lines first (see [`super::markup`]), so
//!   `<p><b>В.Путин:</b> …</p>` is a turn.
//!
//! **Is it a transcript?** A file with no label at all is narration: every line is lead, or, with a narrator name,
//! one turn of that speaker. Weak labels (a name of capitalised words only, such as `Патриарх Кирилл:`, see
//! [`super::label`]) have the shape of sentences in prose («Ответила Наташа: …»), so a file whose labels are all weak
//! is read as a transcript only when it has at least two label lines and they make up at least 2% of its body
//! lines (a news item «Текст Указа: 1. …» or a novel with «Ответила Наташа: …» is not a transcript); otherwise it is narration,
//! with a warning that names the label-like lines ignored. One strong label (initials, an interpreter's remark, an
//! English title) makes a file a transcript.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::annotate::split_paragraph;
use super::header::{read_footer, read_header};
use super::label::{parse_label, Label};
use super::lines::{content_lines, markup_warnings, preview, Line};
use super::model::{Block, Language, Meeting, Turn};

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Attribute files without any label to this speaker instead of treating them as narration.
    pub narrator: Option<String>,
    /// Use this language instead of detecting it.
    pub language: Option<Language>,
    /// Read only the meetings of these dates.
    pub dates: DateRange,
}

/// Which meetings to read, by date: from `since` to `until`, both included (`YYYY-MM-DD`). A meeting without a date
/// is left out when either bound is set, since it cannot be placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day.
    pub since: Option<String>,
    /// The last day.
    pub until: Option<String>,
}

/// Why a range of dates was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateRangeError {
    /// A bound is not a date of the accepted shapes.
    #[error("'{0}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")]
    NotADate(String),
    /// The first day comes after the last.
    #[error("the first day {since} is after the last day {until}")]
    Reversed {
        /// The first day, as read.
        since: String,
        /// The last day, as read.
        until: String,
    },
}

impl DateRange {
    /// The range from `since` to `until`, each `YYYY-MM-DD`, `YYYY-MM` (the month's first or last day) or `YYYY`
    /// (the year's).
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange, DateRangeError> {
        let bound = |text: &str, first: bool| -> Result<String, DateRangeError> {
            let text = text.trim();
            let bad = || DateRangeError::NotADate(text.to_string());
            let parts: Vec<&str> = text.split('-').collect();
            let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
            let full = match parts.as_slice() {
                [y] if digits(y, 4) => format!("{y}-{}", if first { "01-01" } else { "12-31" }),
                [y, m] if digits(y, 4) && digits(m, 2) && ("01".."13").contains(m) => {
                    format!("{y}-{m}-{}", if first { "01" } else { "31" })
                }
                [_, _, _] if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() => {
                    text.to_string()
                }
                _ => return Err(bad()),
            };
            Ok(full)
        };
        let range = DateRange {
            since: since.map(|s| bound(s, true)).transpose()?,
            until: until.map(|u| bound(u, false)).transpose()?,
        };
        if let (Some(a), Some(b)) = (&range.since, &range.until) {
            if a > b {
                return Err(DateRangeError::Reversed {
                    since: a.clone(),
                    until: b.clone(),
                });
            }
        }
        Ok(range)
    }

    /// Every date, and meetings without one.
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a meeting of `date` is read.
    pub fn contains(&self, date: Option<&str>) -> bool {
        match date {
            _ if self.is_all() => true,
            None => false,
            Some(d) => {
                self.since.as_deref().is_none_or(|s| d >= s)
                    && self.until.as_deref().is_none_or(|u| d <= u)
            }
        }
    }
}

/// What became of each non-blank line of one file. `lines` equals the sum of the other counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The file as given.
    pub file: String,
    /// Non-blank lines.
    pub lines: usize,
    /// Title, date, place, source URL and page furniture.
    pub metadata: usize,
    /// Lead (narration) paragraphs.
    pub lead: usize,
    /// Section headings.
    pub headings: usize,
    /// `* * *` separators.
    pub separators: usize,
    /// Label lines and their continuation paragraphs.
    pub turn_lines: usize,
    /// Elision lines.
    pub elisions: usize,
    /// Lines that could not be placed.
    pub unclassified: usize,
}

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
            WarningKind::Date => "invalid date in the header",
            WarningKind::Alias => "alias label matching no label",
        }
    }
}

pub(super) static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*(?:\s*\*){2,}$").expect("valid separator pattern"));
static ELISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[<\[]\s*(?:…|\.\.\.)\s*[>\]]$").expect("valid elision pattern"));
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:<[/!?]?[A-Za-z][^<>]*>\s*)+$").expect("valid markup pattern")
});

/// Weak labels make a transcript only when there are two or more and label lines are at least this share (percent)
/// of the body lines.
pub const MIN_WEAK_LABEL_PERCENT: usize = 2;

const FURNITURE: [&str; 7] = [
    "see also",
    "additional",
    "смотрите также",
    "см. также",
    "дополнительно",
    "краткая справка",
    "also see",
];

/// Whether a line ends with closing punctuation: `.!?…:;`, a closing quotation mark or bracket, or a comma.
pub(super) fn ends_like_a_sentence(line: &str) -> bool {
    line.chars()
        .last()
        .is_some_and(|c| ".!?…:;»\"”)],".contains(c))
}

fn detect_language(lines: &[Line<'_>]) -> Language {
    let (cyrillic, latin) = letters(lines);
    if latin > cyrillic {
        Language::En
    } else {
        Language::Ru
    }
}

/// Cyrillic and Latin letters of the first 2,000 lines.
fn letters(lines: &[Line<'_>]) -> (usize, usize) {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for (_, line) in lines.iter().take(2000) {
        for c in line.chars() {
            if crate::lang::is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    (cyrillic, latin)
}

/// A warning when `--lang` names a language whose script is not that of most of the letters (Russian text read
/// with the English stemmer and stopwords, or the other way round, gives numbers without meaning).
fn language_warning(lines: &[Line<'_>], given: Language) -> Option<Warning> {
    let (cyrillic, latin) = letters(lines);
    let (other, script) = match given {
        Language::En => (cyrillic, "Cyrillic"),
        Language::Ru => (latin, "Latin"),
    };
    let all = cyrillic + latin;
    (other * 2 > all).then(|| Warning {
        line: None,
        kind: WarningKind::Language,
        message: format!(
            "--lang {}, but {}% of its letters are {script}; read as {} all the same",
            given.code(),
            other * 100 / all,
            given.code()
        ),
    })
}

/// Builds the meeting and its audit from decoded text. `id` is the file stem, `path` the path as given.
pub fn parse_text(
    id: &str,
    path: &str,
    text: &str,
    encoding: &'static str,
    options: &ReadOptions,
) -> (Meeting, Audit, Vec<Warning>) {
    let content = content_lines(text);
    let mut warnings = Vec::new();
    markup_warnings(&content, &mut warnings);
    let lines = content.lines;
    warnings.extend(options.language.and_then(|l| language_warning(&lines, l)));
    let mut audit = Audit {
        file: path.to_string(),
        lines: lines.len() + content.markup_only.len(),
        unclassified: content.markup_only.len(),
        ..Audit::default()
    };
    let mut meeting = Meeting {
        id: id.to_string(),
        path: path.to_string(),
        title: None,
        date: None,
        time: None,
        place: None,
        source: None,
        language: options.language.unwrap_or_else(|| detect_language(&lines)),
        encoding,
        blocks: Vec::new(),
    };

    // Header: [title] date [place].
    let start = read_header(id, &lines, &mut meeting, &mut warnings);
    audit.metadata += start;

    // Footer: the source URL.
    let end = read_footer(&lines, start, &mut meeting, &mut audit);

    let body = &lines[start..end];
    read_blocks(
        body,
        options,
        &mut meeting.blocks,
        &mut audit,
        &mut warnings,
    );
    (meeting, audit, warnings)
}

/// Reads the body's blocks: as a transcript when its labels make one (see the module docs), else as narration, with
/// a warning naming the label-like lines that were not taken as labels.
fn read_blocks(
    body: &[Line<'_>],
    options: &ReadOptions,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
    warnings: &mut Vec<Warning>,
) {
    // Which body lines are labels, and strong ones (parsed once here; the body reader reparses only those).
    let mut is_label: Vec<Option<bool>> = body
        .iter()
        .map(|(_, l)| parse_label(l).map(|x| x.strong))
        .collect();
    drop_name_lists(body, &mut is_label);
    let labels: Vec<(usize, bool)> = body
        .iter()
        .zip(&is_label)
        .filter_map(|((n, _), s)| s.map(|strong| (*n, strong)))
        .collect();
    let strong = labels.iter().any(|&(_, s)| s);
    let dense = labels.len() >= 2 && labels.len() * 100 >= body.len() * MIN_WEAK_LABEL_PERCENT;
    let is_transcript = !labels.is_empty() && (strong || dense);
    if !labels.is_empty() && !is_transcript {
        let lines: Vec<String> = labels.iter().take(5).map(|(n, _)| n.to_string()).collect();
        let more = if labels.len() > 5 { ", …" } else { "" };
        warnings.push(Warning {
            line: Some(labels[0].0),
            kind: WarningKind::Narration,
            message: format!(
                "{} label-like line(s) without initials (lines {}{more}), {:.2}% of {} lines: too few for a transcript; read as narration",
                labels.len(),
                lines.join(", "),
                100.0 * labels.len() as f64 / body.len() as f64,
                body.len()
            ),
        });
    }
    if is_transcript {
        read_body(body, &is_label, blocks, audit, warnings);
    } else {
        read_narration(body, options, blocks, audit);
    }
}

/// Whether the text after a label's colon is only a person's name (`Dmitry Patrushev`, `Дмитрий Патрушев.`): two to
/// five capitalised words (or particles, initials), and no other punctuation than a final `.`, `,` or `;`.
fn only_a_name(rest: &str) -> bool {
    let rest = rest.trim().trim_end_matches(['.', ',', ';']);
    let words: Vec<&str> = rest.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && rest.len() <= 80
        && words.iter().all(|w| {
            let lead = w.chars().next().is_some_and(char::is_uppercase);
            let clean = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'));
            clean
                && (lead
                    || matches!(
                        *w,
                        "al" | "bin" | "ibn" | "de" | "da" | "van" | "von" | "фон" | "ибн"
                    ))
        })
}

/// Label lines of a list of names (`Minister of Agriculture: Dmitry Patrushev`, then `Minister of Finance: Anton
/// Siluanov`: a list of nominations or of a delegation) are not turns: two or more lines in a row whose labels are
/// followed by a name only. Explicit labels (`**…**:`) stay labels.
fn drop_name_lists(body: &[Line<'_>], is_label: &mut [Option<bool>]) {
    let listed: Vec<bool> = body
        .iter()
        .zip(is_label.iter())
        .map(|((_, line), label)| {
            label.is_some()
                && !line.starts_with("**")
                && parse_label(line).is_some_and(|l| only_a_name(l.rest))
        })
        .collect();
    let mut k = 0;
    while k < listed.len() {
        let run = listed[k..].iter().take_while(|&&l| l).count();
        if run >= 2 {
            is_label[k..k + run].iter_mut().for_each(|l| *l = None);
        }
        k += run.max(1);
    }
}

fn read_narration(
    body: &[Line<'_>],
    options: &ReadOptions,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
) {
    let (separators, text): (Vec<_>, Vec<_>) =
        body.iter().partition(|(_, l)| SEPARATOR.is_match(l));
    audit.separators += separators.len();
    match &options.narrator {
        Some(name) if !text.is_empty() => {
            audit.turn_lines += text.len();
            blocks.push(Block::Turn(Turn {
                line: text[0].0,
                label: name.clone(),
                name: name.clone(),
                remark: None,
                speaker: name.clone(),
                interpreted: false,
                resumed: false,
                paragraphs: text.iter().map(|(n, l)| split_paragraph(*n, l)).collect(),
            }));
        }
        _ => {
            for (n, l) in body {
                if SEPARATOR.is_match(l) {
                    blocks.push(Block::Separator { line: *n });
                } else {
                    audit.lead += 1;
                    blocks.push(Block::Lead {
                        line: *n,
                        text: l.to_string(),
                    });
                }
            }
        }
    }
}

/// Where the reader is between lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before any turn or separator.
    Lead,
    /// After a separator, before any turn.
    LeadAfterSeparator,
    /// Inside a turn: unlabelled lines continue it.
    InTurn,
    /// After an elision that followed a turn: an unlabelled line resumes that speaker.
    AfterElision,
    /// A turn was closed by a separator or heading.
    Closed,
}

/// Reads the body of a transcript line by line (see the module docs for the rules). `is_label` tells which lines
/// are labels, and whether strong ones.
fn read_body(
    body: &[Line<'_>],
    is_label: &[Option<bool>],
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
    warnings: &mut Vec<Warning>,
) {
    let mut state = State::Lead;
    let mut current: Option<usize> = None; // index in `blocks` of the open (or last) turn
    for (k, (number, line)) in body.iter().enumerate() {
        let number = *number;
        if read_mark(number, line, &mut state, blocks, audit, warnings) {
            continue;
        }
        if let Some(label) = is_label[k].and_then(|_| parse_label(line)) {
            audit.turn_lines += 1;
            blocks.push(Block::Turn(labelled_turn(number, label)));
            current = Some(blocks.len() - 1);
            state = State::InTurn;
            continue;
        }
        match state {
            State::InTurn => {
                audit.turn_lines += 1;
                if let Some(Block::Turn(turn)) = current.and_then(|i| blocks.get_mut(i)) {
                    turn.paragraphs.push(split_paragraph(number, line));
                }
            }
            State::AfterElision => {
                audit.turn_lines += 1;
                let previous = match current.and_then(|i| blocks.get(i)) {
                    Some(Block::Turn(t)) => t.clone(),
                    _ => unreachable!("AfterElision follows a turn"),
                };
                blocks.push(Block::Turn(Turn {
                    line: number,
                    resumed: true,
                    paragraphs: vec![split_paragraph(number, line)],
                    ..previous
                }));
                current = Some(blocks.len() - 1);
                state = State::InTurn;
            }
            State::Lead | State::LeadAfterSeparator => {
                let before_label = is_label.get(k + 1).is_some_and(Option::is_some);
                read_lead(number, line, before_label, state, blocks, audit);
            }
            State::Closed => {
                audit.headings += 1;
                blocks.push(Block::Heading {
                    line: number,
                    text: line.to_string(),
                });
            }
        }
    }
}

/// Reads a line that is not text: a separator (which closes a turn), an elision (after which an unlabelled line
/// resumes the speaker), page furniture or markup only. `false` for any other line, which is left to the caller.
fn read_mark(
    number: usize,
    line: &str,
    state: &mut State,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
    warnings: &mut Vec<Warning>,
) -> bool {
    if SEPARATOR.is_match(line) {
        audit.separators += 1;
        blocks.push(Block::Separator { line: number });
        *state = if *state == State::Lead || *state == State::LeadAfterSeparator {
            State::LeadAfterSeparator
        } else {
            State::Closed
        };
        return true;
    }
    if ELISION.is_match(line) {
        audit.elisions += 1;
        blocks.push(Block::Elision { line: number });
        if matches!(*state, State::InTurn | State::AfterElision) {
            *state = State::AfterElision;
        }
        return true;
    }
    if FURNITURE.contains(&line.to_lowercase().as_str()) {
        audit.metadata += 1;
        blocks.push(Block::Furniture {
            line: number,
            text: line.to_string(),
        });
        return true;
    }
    if MARKUP.is_match(line) {
        audit.unclassified += 1;
        warnings.push(Warning {
            line: Some(number),
            kind: WarningKind::Markup,
            message: format!("unclassified line (markup): {}", preview(line)),
        });
        blocks.push(Block::Unclassified {
            line: number,
            text: line.to_string(),
        });
        return true;
    }
    false
}

/// The turn a label line opens, with the text after the label as its first paragraph.
fn labelled_turn(number: usize, label: Label<'_>) -> Turn {
    Turn {
        line: number,
        label: label.raw.to_string(),
        name: label.name.clone(),
        remark: label.remark.map(str::to_string),
        speaker: label.name,
        interpreted: label.interpreted,
        resumed: false,
        // A label alone on its line (the words on the next lines) opens a turn with no paragraph yet.
        paragraphs: if label.rest.is_empty() {
            Vec::new()
        } else {
            vec![split_paragraph(number, label.rest)]
        },
    }
}

/// Reads an unlabelled line before any turn: a heading when it has no closing punctuation and comes right before a
/// label (`before_label`) or after a separator, else lead.
fn read_lead(
    number: usize,
    line: &str,
    before_label: bool,
    state: State,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
) {
    if !ends_like_a_sentence(line) && (before_label || state == State::LeadAfterSeparator) {
        audit.headings += 1;
        blocks.push(Block::Heading {
            line: number,
            text: line.to_string(),
        });
    } else {
        audit.lead += 1;
        blocks.push(Block::Lead {
            line: number,
            text: line.to_string(),
        });
    }
}

/// Test helper: the speaker and spoken paragraphs of each turn.
#[cfg(test)]
fn turn_texts(m: &Meeting) -> Vec<(String, Vec<String>)> {
    m.turns()
        .map(|t| {
            (
                t.speaker.clone(),
                t.paragraphs.iter().map(|p| p.spoken.clone()).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::transcript::header::header_date;

    fn read(text: &str) -> (Meeting, Audit, Vec<Warning>) {
        parse_text(
            "2024-01-02_x",
            "x.txt",
            text,
            "UTF-8",
            &ReadOptions::default(),
        )
    }

    const SAMPLE: &str = "\nЗаголовок встречи\n\n\n2024-05-06 12:30:00\n\nМосква, Кремль\n\nВступление.\n* * *\nНачало встречи\nВ.Путин: Добрый день!\nПродолжение [вставка].\nИ.Иванов (как переведено): Спасибо.\n&lt;…&gt;\n\n\n\nhttp://kremlin.ru/events/1";

    #[test]
    fn header_body_and_footer() {
        let (m, audit, warnings) = read(SAMPLE);
        assert!(warnings.is_empty());
        assert_eq!(m.title.as_deref(), Some("Заголовок встречи"));
        assert_eq!(m.date.as_deref(), Some("2024-05-06"));
        assert_eq!(m.time.as_deref(), Some("12:30:00"));
        assert_eq!(m.place.as_deref(), Some("Москва, Кремль"));
        assert_eq!(m.source.as_deref(), Some("http://kremlin.ru/events/1"));
        assert_eq!(m.headings().collect::<Vec<_>>(), ["Начало встречи"]);
        assert_eq!(
            turn_texts(&m),
            [
                (
                    "В.Путин".to_string(),
                    vec!["Добрый день!".to_string(), "Продолжение.".to_string()]
                ),
                ("И.Иванов".to_string(), vec!["Спасибо.".to_string()]),
            ]
        );
        assert!(m.turns().nth(1).unwrap().interpreted);
        assert_eq!(
            audit,
            Audit {
                file: "x.txt".into(),
                lines: 11,
                metadata: 4,
                lead: 1,
                headings: 1,
                separators: 1,
                turn_lines: 3,
                elisions: 1,
                unclassified: 0
            }
        );
    }

    #[test]
    fn a_script_never_closed_hides_only_the_rest_of_its_line_and_plain_text_keeps_its_brackets() {
        let text = "В.Путин: Начнём <script>alert(1)\nА.Лукашенко: Да.\n<!-- и комментарий\nВ.Путин: Нет.<br>\n";
        let (m, audit, warnings) = read(text);
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", vec!["Начнём"]),
                ("А.Лукашенко", vec!["Да."]),
                ("В.Путин", vec!["Нет."]),
            ]
            .map(|(s, p)| (s.to_string(), p.iter().map(|p| p.to_string()).collect()))
        );
        assert_eq!(
            (audit.lines, audit.turn_lines, audit.unclassified),
            (4, 3, 1)
        );
        assert_eq!(warnings[0].line, Some(3));
        assert_eq!(
            warnings[0].message,
            "unclassified line (markup): <!-- и комментарий"
        );
        // No closing tag, `<br>` or doctype: nothing is markup.
        let plain = "В.Путин: вариант <A> или <B>, журнал <<Time>>, a<b и b>c.\n";
        let (m, _, warnings) = read(plain);
        assert_eq!(
            m.turns().next().unwrap().paragraphs[0].spoken,
            "вариант <A> или <B>, журнал <<Time>>, a<b и b>c."
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_byte_order_mark_or_zero_width_space_does_not_hide_a_label() {
        let text = "\u{FEFF}В.Путин: Первый.\n\u{FEFF}А.Лукашенко: Второй.\u{200B}\n\u{200B}\u{200E}В.Путин: Третий.\n\u{2060}\u{FEFF}\n";
        let (m, audit, _) = read(text);
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", "Первый."),
                ("А.Лукашенко", "Второй."),
                ("В.Путин", "Третий.")
            ]
            .map(|(s, p)| (s.to_string(), vec![p.to_string()]))
        );
        assert_eq!((audit.lines, audit.turn_lines), (3, 3));
    }

    #[test]
    fn header_dates_as_the_page_shows_them() {
        for (line, date, time) in [
            ("2022-11-28 13:00:00", "2022-11-28", Some("13:00:00")),
            ("28 ноября 2022 года, 13:00", "2022-11-28", Some("13:00")),
            ("28 ноября 2022 года 13:00", "2022-11-28", Some("13:00")),
            ("1 Мая 2025 г.", "2025-05-01", None),
            ("November 28, 2022, 13:00", "2022-11-28", Some("13:00")),
            ("28 Nov 2022", "2022-11-28", None),
            ("28.11.2022 13:00", "2022-11-28", Some("13:00")),
        ] {
            let (m, audit, warnings) = read(&format!(
                "Переговоры\n{line}\nМосква, Кремль\nВ.Путин: Да.\n"
            ));
            assert_eq!(m.title.as_deref(), Some("Переговоры"), "{line}");
            assert_eq!(
                (m.date.as_deref(), m.time.as_deref()),
                (Some(date), time),
                "{line}"
            );
            assert_eq!(m.place.as_deref(), Some("Москва, Кремль"), "{line}");
            assert_eq!(audit.metadata, 3, "{line}");
            assert!(warnings.is_empty(), "{line}: {warnings:?}");
        }
        // A date that does not exist is named; a month that is not one makes no date line.
        let (m, _, warnings) = read("Переговоры\n30 февраля 2025 года\nВ.Путин: Да.\n");
        assert_eq!(m.date, None);
        assert_eq!(
            warnings[0].message,
            "invalid date '2025-02-30' in the header; date left empty"
        );
        assert_eq!(header_date("28 брюмера 2022"), None);
    }

    #[test]
    fn a_label_alone_on_its_line_takes_the_next_lines() {
        let (m, audit, _) =
            read("В.Путин:\nДобрый день.\nА.Лукашенко:\n\nЗдравствуйте.\nВ.Путин:\n");
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", vec!["Добрый день."]),
                ("А.Лукашенко", vec!["Здравствуйте."]),
                ("В.Путин", vec![]),
            ]
            .map(|(s, p)| (s.to_string(), p.iter().map(|p| p.to_string()).collect()))
        );
        assert_eq!((audit.lines, audit.turn_lines), (5, 5));
    }

    #[test]
    fn crlf_lone_cr_bom_free_and_entities() {
        let text = SAMPLE
            .replace('\n', "\r\n")
            .replace("Вступление.", "Вступление &amp; &quot;лид&quot;&#33;");
        let (m, audit, _) = read(&text);
        assert_eq!(audit.lines, 11);
        assert!(
            matches!(&m.blocks[0], Block::Lead { text, .. } if text == "Вступление & \"лид\"!")
        );
        let (m2, _, _) = read(&SAMPLE.replace('\n', "\r"));
        assert_eq!(m2.turns().count(), 2);
    }

    #[test]
    fn elision_then_unlabelled_paragraph_resumes_the_speaker() {
        let (m, _, _) = read("В.Путин: Раз.\n<…>\nДва.\nА.Б: нет");
        let turns: Vec<_> = m.turns().collect();
        assert_eq!(turns.len(), 3);
        assert!(turns[1].resumed);
        assert_eq!(turns[1].paragraphs[0].spoken, "Два.");
        assert_eq!(turns[1].speaker, "В.Путин");
    }

    #[test]
    fn narration_without_labels() {
        let text = "Глава I\n\nБыл вечер. Достаточно сказать: тишина.\n* * *\nГлава II\nУтро.";
        let (m, audit, _) = read(text);
        assert_eq!(m.turns().count(), 0);
        assert_eq!(audit.lead, 4);
        assert_eq!(audit.separators, 1);
        assert_eq!(
            m.date.as_deref(),
            Some("2024-01-02"),
            "date from the file stem"
        );
        let options = ReadOptions {
            narrator: Some("Толстой".into()),
            ..ReadOptions::default()
        };
        let (m, audit, _) = parse_text("x", "x", text, "UTF-8", &options);
        assert_eq!(m.turns().count(), 1);
        assert_eq!(audit.turn_lines, 4);
        assert_eq!(audit.separators, 1);
        assert_eq!(m.turns().next().unwrap().speaker, "Толстой");
    }

    #[test]
    fn prose_with_a_label_shaped_sentence_stays_narration() {
        let mut text = String::from("Глава первая\n");
        for i in 0..60 {
            text.push_str(&format!("Абзац {i} о том, как прошёл день.\n"));
        }
        text.push_str("Ответила Наташа: «Нет, не пойду».\nИ ушла.\n");
        let (m, audit, warnings) = read(&text);
        assert_eq!(m.turns().count(), 0);
        assert_eq!(audit.lead, 63);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .message
                .starts_with("1 label-like line(s) without initials (lines 62)"),
            "{}",
            warnings[0].message
        );
        let (m, _, _) = read("Президент подписал Указ.\nТекст Указа: 1. Освободить от должности.");
        assert_eq!(m.turns().count(), 0, "one weak label is not a transcript");
        // The same weak labels dense enough, or one strong label, make a transcript.
        let (m, _, _) = read("Патриарх Кирилл: Спасибо.\nВопрос: Как?\nПатриарх Кирилл: Так.");
        assert_eq!(m.turns().count(), 3);
        let (m, _, _) = read(&format!("{text}В.Путин: Да."));
        assert_eq!(m.turns().count(), 2);
    }

    #[test]
    fn markup_is_unclassified_and_reported() {
        let (_, audit, warnings) = read("В.Путин: Да.\n<div class=\"x\">\nНет.");
        assert_eq!(audit.unclassified, 1);
        assert_eq!(warnings[0].line, Some(2));
    }

    #[test]
    fn language_is_detected() {
        assert_eq!(read(SAMPLE).0.language, Language::Ru);
        assert_eq!(
            read("Question: How are you?\nVladimir Putin: Fine.")
                .0
                .language,
            Language::En
        );
    }
}
