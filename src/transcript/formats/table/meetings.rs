//! A table's rows to meetings: the rows of each meeting value gathered in the order of the meeting's first row, each
//! row a turn (see the docs of [`super`] for the rules).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::transcript::annotate::split_paragraph;
use crate::transcript::audit::Audit;
use crate::transcript::label::is_interpreter_remark;
use crate::transcript::model::{Block, Language, Meeting, Turn};
use crate::transcript::options::ReadOptions;
use crate::transcript::source::{ReadError, TableError};
use crate::transcript::warning::{Warning, WarningKind};

use super::super::{FileMeetings, Reading};
use super::columns::Layout;
use super::rows::Cells;

/// A meeting being gathered.
struct Draft {
    id: String,
    date: Option<NaiveDate>,
    /// Whether the date was looked for (in the first row with a date cell).
    dated: bool,
    title: Option<String>,
    /// Each turn with its `turn` number, when it has a good one.
    turns: Vec<(Option<i64>, Turn)>,
    /// A row without a good `turn` number: keep the file's order (the first such row's line and cell).
    unnumbered: Option<(usize, String)>,
}

/// Gathers a table's rows into meetings.
pub(super) struct Builder<'a> {
    path: &'a str,
    stem: String,
    encoding: &'static str,
    layout: &'a Layout,
    options: &'a ReadOptions,
    drafts: Vec<Draft>,
    index: HashMap<String, usize>,
    audit: Audit,
    warnings: Vec<Warning>,
    errors: Vec<ReadError>,
    /// Whether every text cell so far is `true` or `false` (see [`Builder::is_a_mark`]).
    marks: bool,
}

/// A cell's value, trimmed; `None` when empty.
fn value(cells: &[Option<String>], column: Option<usize>) -> Option<&str> {
    let v = cells.get(column?)?.as_deref()?.trim();
    (!v.is_empty()).then_some(v)
}

/// A date cell: `YYYY-MM-DD`, maybe followed by a time after a space or `T`.
fn parse_date(cell: &str) -> Option<NaiveDate> {
    let day = cell.get(..10)?;
    let rest = &cell[10..];
    if !(rest.is_empty() || rest.starts_with([' ', 'T'])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// An `interpreted` cell: `Some(true)` for `true`, `1`, `yes`, `y`, `да`; `Some(false)` for `false`, `0`, `no`,
/// `n`, `нет` or empty; `None` for anything else.
fn parse_flag(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "true" | "1" | "yes" | "y" | "t" | "да" => Some(true),
        "false" | "0" | "no" | "n" | "f" | "нет" | "" => Some(false),
        _ => None,
    }
}

/// A speaker cell as a label: spaces collapsed, and a remark in parentheses at its end apart from the name.
fn label_of(cell: &str) -> (String, String, Option<String>) {
    let label = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    let (name, remark) = match label
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|i| (l, i)))
    {
        Some((l, i)) if i > 0 && l[..i].chars().any(char::is_alphabetic) => (
            l[..i].trim_end().to_string(),
            Some(l[i + 1..].trim().to_string()),
        ),
        _ => (label.clone(), None),
    };
    (label, name, remark)
}

/// Cyrillic against Latin letters of a meeting's first 2,000 paragraphs, as the text reader detects a file's.
fn detect_language(turns: &[Block]) -> Language {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    let paragraphs = turns.iter().flat_map(|b| match b {
        Block::Turn(t) => t.paragraphs.as_slice(),
        _ => &[],
    });
    for p in paragraphs.take(2000) {
        for c in p.raw.chars() {
            if crate::lang::is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    if latin > cyrillic {
        Language::En
    } else {
        Language::Ru
    }
}

impl<'a> Builder<'a> {
    /// A builder for the table `path` (decoded from `encoding`) whose columns are `layout`.
    pub fn new(
        path: &'a str,
        encoding: &'static str,
        layout: &'a Layout,
        options: &'a ReadOptions,
    ) -> Builder<'a> {
        let stem = Path::new(path)
            .file_stem()
            .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
        Builder {
            path,
            stem,
            encoding,
            layout,
            options,
            drafts: Vec::new(),
            index: HashMap::new(),
            audit: Audit {
                file: path.to_string(),
                lines: 1,
                metadata: 1,
                ..Audit::default()
            },
            warnings: Vec::new(),
            errors: Vec::new(),
            marks: true,
        }
    }

    /// Whether the text column holds marks, not speech: every text cell read is `true` or `false`, as the
    /// `content` column of a stenogram report's tables.
    pub fn is_a_mark(&self) -> bool {
        self.marks && self.audit.turn_lines > 0
    }

    fn warn(&mut self, line: usize, kind: WarningKind, message: String) {
        self.warnings.push(Warning {
            line: Some(line),
            kind,
            message,
        });
    }

    fn bad_row(&mut self, line: usize, error: TableError) {
        self.audit.unclassified += 1;
        self.errors.push(ReadError::Table {
            path: self.path.to_string(),
            line: Some(line),
            error,
        });
    }

    /// Reads one row starting on `line`.
    pub fn row(&mut self, line: usize, cells: Cells) {
        self.audit.lines += 1;
        let cells = match cells {
            Ok(cells) => cells,
            Err(error) => return self.bad_row(line, error),
        };
        let layout = self.layout;
        let missing = |role: &'static str, column: usize| TableError::Missing {
            role,
            column: layout.header[column].clone(),
        };
        let Some(text) = cells[layout.text].as_deref() else {
            return self.bad_row(line, missing("text", layout.text));
        };
        let Some(speaker) = value(&cells, Some(layout.speaker)) else {
            return self.bad_row(line, missing("speaker", layout.speaker));
        };
        self.audit.turn_lines += 1;
        self.marks &= ["true", "false"].contains(&text.trim().to_ascii_lowercase().as_str());
        let turn = self.turn(line, text, speaker, &cells);
        let order = value(&cells, layout.turn);
        let number = order.and_then(|n| n.parse::<i64>().ok());
        let draft = self.draft(value(&cells, layout.meeting));
        if number.is_none() && layout.turn.is_some() && draft.unnumbered.is_none() {
            draft.unnumbered = Some((line, order.unwrap_or_default().to_string()));
        }
        draft.turns.push((number, turn));
        if draft.title.is_none() {
            draft.title = value(&cells, layout.title).map(str::to_string);
        }
        let Some(date) = value(&cells, layout.date).filter(|_| !draft.dated) else {
            return;
        };
        draft.dated = true;
        draft.date = parse_date(date);
        if draft.date.is_none() {
            let message = format!(
                "'{date}' is not a date (YYYY-MM-DD); the meeting '{}' has no date",
                draft.id
            );
            self.warn(line, WarningKind::Date, message);
        }
    }

    /// The meeting of this row's meeting cell (the file stem when it has none), made when first met.
    fn draft(&mut self, meeting: Option<&str>) -> &mut Draft {
        let id = meeting.unwrap_or(&self.stem);
        let i = match self.index.get(id) {
            Some(&i) => i,
            None => {
                self.index.insert(id.to_string(), self.drafts.len());
                self.drafts.push(Draft {
                    id: id.to_string(),
                    date: None,
                    dated: false,
                    title: None,
                    turns: Vec::new(),
                    unnumbered: None,
                });
                self.drafts.len() - 1
            }
        };
        &mut self.drafts[i]
    }

    /// The turn of a row: its label, paragraphs, interpreted mark and attributes.
    fn turn(&mut self, line: usize, text: &str, speaker: &str, cells: &[Option<String>]) -> Turn {
        let (label, name, remark) = label_of(speaker);
        let mut interpreted = remark.as_deref().is_some_and(is_interpreter_remark);
        if let Some(cell) = value(cells, self.layout.interpreted) {
            match parse_flag(cell) {
                Some(flag) => interpreted |= flag,
                None => self.warn(
                    line,
                    WarningKind::Cell,
                    format!("'{cell}' is not true or false; the turn is read as not interpreted"),
                ),
            }
        }
        let paragraphs = text
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
            .map(|(i, p)| split_paragraph(line + i, p))
            .collect();
        let attributes = self
            .layout
            .attributes
            .iter()
            .filter_map(|(i, name)| Some((name.clone(), value(cells, Some(*i))?.to_string())))
            .collect();
        Turn {
            line,
            label,
            speaker: name.clone(),
            name,
            remark,
            interpreted,
            resumed: false,
            paragraphs,
            attributes,
            language: None,
        }
    }

    /// The meetings, in the order of their first rows, with what was said of them.
    pub fn finish(mut self) -> Reading {
        let drafts = std::mem::take(&mut self.drafts);
        let mut meetings = Vec::with_capacity(drafts.len());
        for draft in drafts {
            meetings.push(self.meeting(draft));
        }
        Reading {
            file: FileMeetings {
                meetings,
                audit: self.audit,
            },
            warnings: self.warnings,
            errors: self.errors,
        }
    }

    /// A gathered meeting: its turns in order, its date, language and attributes.
    fn meeting(&mut self, mut draft: Draft) -> Meeting {
        match &draft.unnumbered {
            Some((line, cell)) => {
                let message = format!(
                    "'{cell}' is not a turn number; the rows of the meeting '{}' are read in the file's order",
                    draft.id
                );
                self.warn(*line, WarningKind::Cell, message);
            }
            None => draft.turns.sort_by_key(|(n, _)| *n),
        }
        let blocks: Vec<Block> = draft
            .turns
            .into_iter()
            .map(|(_, t)| Block::Turn(t))
            .collect();
        let date = match (self.layout.date, draft.date) {
            (None, _) => draft.id.get(..10).and_then(parse_date),
            (_, date) => date,
        };
        Meeting {
            attributes: shared_attributes(&blocks),
            language: self
                .options
                .language
                .unwrap_or_else(|| detect_language(&blocks)),
            id: draft.id,
            path: self.path.to_string(),
            title: draft.title,
            date,
            time: None,
            place: None,
            source: None,
            encoding: self.encoding,
            format: "table",
            blocks,
        }
    }
}

/// The attributes every turn of a meeting has with the same value, in the order of the first turn's.
fn shared_attributes(blocks: &[Block]) -> Vec<(String, String)> {
    let mut turns = blocks.iter().filter_map(|b| match b {
        Block::Turn(t) => Some(t),
        _ => None,
    });
    let Some(first) = turns.next() else {
        return Vec::new();
    };
    let mut shared = first.attributes.clone();
    for turn in turns {
        shared.retain(|pair| turn.attributes.contains(pair));
        if shared.is_empty() {
            break;
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_cell_is_a_label_with_its_remark_apart() {
        assert_eq!(
            label_of(" Н.Мадуро  (как переведено) "),
            (
                "Н.Мадуро (как переведено)".to_string(),
                "Н.Мадуро".to_string(),
                Some("как переведено".to_string())
            )
        );
        assert_eq!(label_of("(x)"), ("(x)".into(), "(x)".into(), None));
        assert_eq!(
            label_of("Smith, John"),
            ("Smith, John".into(), "Smith, John".into(), None)
        );
    }

    #[test]
    fn dates_and_flags() {
        assert_eq!(
            parse_date("2022-02-24"),
            NaiveDate::from_ymd_opt(2022, 2, 24)
        );
        assert_eq!(
            parse_date("2022-02-24 13:45:00"),
            NaiveDate::from_ymd_opt(2022, 2, 24)
        );
        assert_eq!(
            parse_date("2022-02-24T13:45"),
            NaiveDate::from_ymd_opt(2022, 2, 24)
        );
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("24.02.2022"), None);
        assert_eq!(parse_date("2022-02-245"), None);
        assert_eq!(parse_date("2022-02-2я"), None);
        assert_eq!(parse_flag("True"), Some(true));
        assert_eq!(parse_flag("да"), Some(true));
        assert_eq!(parse_flag(""), Some(false));
        assert_eq!(parse_flag("maybe"), None);
    }
}
