//! What a paragraph of the article body is, by its marks: a turn when it starts with bold text before a colon that
//! names someone (a name, a name and a role, or a role alone), a section title when it is all in italics, a separator
//! when it is `* * *`, and text otherwise.

use super::super::label::{ends_capitalised, is_a_name, parse_label, split_role};
use super::super::layout::SEPARATOR;
use super::walk::Marked;

/// A paragraph of the article body, as the markup shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Para {
    /// A paragraph of text.
    Text(String),
    /// A turn: the bold label (with its remark) and the text after the colon.
    Turn {
        /// The label, without the colon.
        label: String,
        /// The text after the colon.
        text: String,
    },
    /// A section title (a paragraph all in italics).
    Heading(String),
    /// `* * *`.
    Separator,
}

/// What a paragraph is, by its marks.
pub(super) fn classify(p: Marked) -> Option<Para> {
    let text = &p.text;
    if SEPARATOR.is_match(text) {
        return Some(Para::Separator);
    }
    if let Some(colon) =
        bold_label(&p).filter(|&c| names_someone(text[..c].trim_end(), text[c + 1..].trim()))
    {
        return Some(Para::Turn {
            label: text[..colon].trim_end().to_string(),
            text: text[colon + 1..].trim_start().to_string(),
        });
    }
    let all_italic = text
        .char_indices()
        .all(|(i, c)| c == ' ' || c == '\u{a0}' || p.italic[i]);
    if all_italic && !text.starts_with('(') && !text.starts_with('[') {
        return Some(Para::Heading(text.clone()));
    }
    Some(Para::Text(text.clone()))
}

/// The most words of a bold role without a name (`Call centre operator`, `Response from the hall`).
const MAX_ROLE_WORDS: usize = 6;

/// Whether a bold text before a colon names a speaker (`rest`: the paragraph after the colon). It does when the text
/// reader's label rule takes it; when its last word (before a remark, and before a role after a comma: `Sergei
/// Agafonov, Editor in Chief of Ogonyok magazine`) is capitalised, as a name's is (`Master mariner Sergei Zybko`);
/// and when it is a short capitalised phrase followed by speech, a role without a name (`Call centre operator: Good
/// afternoon`). A heading or a document's caption (`The United Kingdom:`, `Text of the Decree:`) is no one, and a
/// bold sentence before a list (`Badges will be issued at the following sites:`, nothing after its colon) neither.
fn names_someone(label: &str, rest: &str) -> bool {
    let plain = label.replace('\u{a0}', " ");
    if !is_a_name(&plain) {
        return false;
    }
    if parse_label(&format!("{plain}: X")).is_some_and(|l| l.raw == plain) {
        return true;
    }
    let name = match plain.strip_suffix(')').and_then(|r| r.rfind('(')) {
        Some(i) => &plain[..i],
        None => &plain,
    };
    let (name, _) = split_role(name.trim_end());
    let capitalised = ends_capitalised;
    let words: Vec<&str> = name.split_whitespace().collect();
    // One word (`Important:`) is no name unless it is a group label, which the label rule took above, or a name and
    // surname glued (`VladimirPutin`, seen on the site).
    let glued = |w: &str| {
        let c: Vec<char> = w.chars().collect();
        c.windows(2)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
    };
    if (words.len() >= 2 || words.first().is_some_and(|w| glued(w)))
        && words.last().is_some_and(|w| capitalised(w))
    {
        return true;
    }
    // A role without a name: a few words, the first capitalised, and speech after the colon.
    (2..=MAX_ROLE_WORDS).contains(&words.len())
        && capitalised(words[0])
        && !name.contains([',', '.', ';', '!', '?'])
        && !rest.is_empty()
}

/// The longest label examined, in bytes (as the text reader's).
const MAX_LABEL_BYTES: usize = 300;

/// The byte offset of the colon that ends a bold label at the start of the paragraph: everything before the first
/// colon is bold, except spaces and a remark in parentheses, and has a letter.
fn bold_label(p: &Marked) -> Option<usize> {
    let text = &p.text;
    let colon = text.find(':').filter(|&c| c <= MAX_LABEL_BYTES)?;
    if !p.bold.first().copied().unwrap_or(false) {
        return None;
    }
    let mut depth = 0usize;
    let mut letter = false;
    for (i, c) in text[..colon].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ' ' | '\u{a0}' => {}
            _ if depth > 0 => {}
            _ => {
                if !p.bold[i] {
                    return None;
                }
                letter |= c.is_alphabetic();
            }
        }
    }
    (letter && depth == 0).then_some(colon)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bold labels of real paragraphs of en.kremlin.ru pages (quoted in issue 22): a name and a role, roles without a
    /// name, and what is not a label (a heading, a document's caption, a sentence before a list).
    #[test]
    fn bold_labels_with_roles_and_roles_alone_are_turns_headings_are_not() {
        for (label, rest) in [
            (
                "Sergei Agafonov, Editor in Chief of Ogonyok magazine",
                "Mr President,",
            ),
            (
                "Konstantin Sivoronov, head of the … department",
                "Good afternoon.",
            ),
            ("Alisa Shmelyova, metrology engineer", "Thank you."),
            (
                "CNBC TV anchor Geoff Cutmore, moderator of the plenary session",
                "Thank you.",
            ),
            (
                "Call centre operator",
                "Good afternoon, you are through to the Direct Line.",
            ),
            ("Response from the hall", "Yes!"),
            ("И.Иванов, глава района", "Уважаемый Владимир Владимирович!"),
            ("Master mariner Sergei Zybko", "Mr President,"),
            ("Реплика из зала", "Да."),
        ] {
            assert!(names_someone(label, rest), "{label}");
        }
        for (label, rest) in [
            ("The United Kingdom", ""),
            ("The Arctic", "territory of dialogue"),
            ("Text of the Decree", ""),
            ("Meeting points for media representatives", ""),
            ("Important", "the meeting starts at 10."),
            ("Badges will be issued at the following sites", ""),
        ] {
            assert!(!names_someone(label, rest), "{label}");
        }
    }
}
