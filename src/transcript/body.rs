//! The body of a transcript, read line by line (blank lines are ignored; a paragraph is a line), once
//! [`super::reader`] has found that its labels make it one:
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

use std::sync::LazyLock;

use regex::Regex;

use super::annotate::split_paragraph;
use super::audit::Audit;
use super::label::{parse_label, Label};
use super::layout::{ends_like_a_sentence, SEPARATOR};
use super::lines::{preview, Line};
use super::model::{Block, Turn};
use super::warning::{Warning, WarningKind};

static ELISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[<\[]\s*(?:…|\.\.\.)\s*[>\]]$").expect("valid elision pattern"));
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:<[/!?]?[A-Za-z][^<>]*>\s*)+$").expect("valid markup pattern")
});

const FURNITURE: [&str; 7] = [
    "see also",
    "additional",
    "смотрите также",
    "см. также",
    "дополнительно",
    "краткая справка",
    "also see",
];

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
pub(super) fn read_body(
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
        attributes: Vec::new(),
        language: None,
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
