//! An element's text as a browser shows it: paragraphs split at block elements and `<br>`, runs of whitespace as one
//! space, the site's furniture (scripts, media, tooltips, link boxes, what it hides) left out, and for every byte
//! whether it was bold or italic, which is what makes a label or a section title certain (see [`super::labels`]).

use scraper::{ElementRef, Node};

/// Runs of ASCII whitespace as one space, trimmed (no-break spaces stay, as the page has them).
pub(super) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Elements whose contents are never text: scripts, media, and what the site hides or marks as furniture.
fn is_furniture(element: &scraper::node::Element) -> bool {
    matches!(
        element.name(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "img"
            | "video"
            | "audio"
            | "iframe"
            | "button"
            | "form"
            | "figcaption"
            | "meta"
            | "link"
    ) || element.classes().any(|c| {
        matches!(
            c,
            "masha-ignore"
                | "hidden"
                | "hidden-copy"
                | "read__cut"
                | "read__tooltip"
                | "read__bottommeta"
                | "read__status"
                | "read__tags"
                | "slider"
                | "media"
                | "cut"
        )
    })
}

/// Elements that end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "blockquote"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "pre"
            | "address"
            | "center"
            | "hr"
            | "br"
    )
}

/// A paragraph's text, whitespace collapsed, with which bytes were bold and which italic.
#[derive(Debug, Default)]
pub(super) struct Marked {
    pub(super) text: String,
    pub(super) bold: Vec<bool>,
    pub(super) italic: Vec<bool>,
    /// The last byte pushed was a collapsed space (or nothing yet).
    space: bool,
}

impl Marked {
    fn new() -> Self {
        Marked {
            space: true,
            ..Marked::default()
        }
    }

    fn push(&mut self, text: &str, bold: bool, italic: bool) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if self.space {
                    continue;
                }
                self.space = true;
                self.push_char(' ', bold, italic);
            } else {
                self.space = false;
                self.push_char(c, bold, italic);
            }
        }
    }

    fn push_char(&mut self, c: char, bold: bool, italic: bool) {
        let n = c.len_utf8();
        self.text.push(c);
        self.bold.extend(std::iter::repeat_n(bold, n));
        self.italic.extend(std::iter::repeat_n(italic, n));
    }

    /// The text trimmed, with its marks.
    fn trimmed(mut self) -> Marked {
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.bold.truncate(end);
        self.italic.truncate(end);
        let start = self.text.len() - self.text.trim_start().len();
        Marked {
            text: self.text[start..].to_string(),
            bold: self.bold.split_off(start),
            italic: self.italic.split_off(start),
            space: false,
        }
    }
}

/// The paragraphs of an element: its text split at block elements and `<br>`, furniture left out.
pub(super) fn paragraphs(element: ElementRef<'_>) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut current = Marked::new();
    walk(element, false, false, &mut current, &mut out);
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut Marked, out: &mut Vec<Marked>) {
    let done = std::mem::replace(current, Marked::new()).trimmed();
    if !done.text.is_empty() {
        out.push(done);
    }
}

fn walk(
    node: ElementRef<'_>,
    bold: bool,
    italic: bool,
    current: &mut Marked,
    out: &mut Vec<Marked>,
) {
    for child in node.children() {
        match child.value() {
            Node::Text(text) => current.push(text, bold, italic),
            Node::Element(element) => {
                if is_furniture(element) {
                    continue;
                }
                let name = element.name();
                let block = is_block(name);
                if block {
                    flush(current, out);
                }
                let bold = bold || matches!(name, "b" | "strong");
                let italic = italic || matches!(name, "i" | "em");
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, bold, italic, current, out);
                }
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

/// A page's text: the HTML element's own text with whitespace collapsed.
pub(super) fn text_of(element: ElementRef<'_>) -> String {
    paragraphs(element)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join(" ")
}
