//! HTML left in a transcript: a page saved as `.txt` with its markup, or `<p>`, `<b>`, `<br>` pasted along with
//! the text. Tags of HTML elements, comments and `<!DOCTYPE …>` are removed line by line, so line numbers stay those
//! of the file, and the contents of `<script>`, `<style>` and the like are dropped. Only HTML element names count as
//! tags: the kremlin.ru elision `<…>` and any `<word>` that is not an element stay as they are.
//!
//! Entities (`&laquo;`, `&nbsp;`) are decoded afterwards by the reader, so `&lt;b&gt;` stays the text `<b>`.

use std::borrow::Cow;

/// HTML element names (lowercase) removed as tags; block-level ones become a space.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
];
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "input",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "ol",
    "option",
    "p",
    "picture",
    "pre",
    "section",
    "select",
    "source",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "video",
    "audio",
];
/// Elements whose contents are not text to read.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// What stripping one line found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stripped {
    /// Tags (and comments) removed from the line.
    pub tags: usize,
}

/// Removes HTML markup line by line, carrying an open comment or hidden element from one line to the next (unless
/// made with [`Markup::line_by_line`]).
#[derive(Debug, Default)]
pub struct Markup {
    /// Whether an open comment or hidden element ends with its line.
    line_by_line: bool,
    /// Inside `<!-- … -->`.
    comment: bool,
    /// Inside `<script>` (or another hidden element): its name, to find the closing tag.
    hidden: Option<&'static str>,
    /// Inside a tag whose attributes go on past the end of a line.
    in_tag: bool,
}

/// A tag found at `s[0] == '<'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    /// The element name (lowercase).
    name: &'static str,
    /// `</name>`.
    closing: bool,
    /// Byte length of the whole tag; `None` when it goes on past the end of the line (`<div` or
    /// `<div class="text"` with the rest on the next lines).
    len: Option<usize>,
}

/// The tag starting at `s[0] == '<'`, if it is one of an HTML element. The scan stops at the next `<`, so finding
/// every tag of a line is linear in its length.
fn tag_at(s: &[u8]) -> Option<Tag> {
    let closing = s.get(1) == Some(&b'/');
    let start = 1 + usize::from(closing);
    let name_len = s
        .get(start..)?
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !s[start].is_ascii_alphabetic() {
        return None;
    }
    let after = start + name_len;
    // The name ends at `>`, `/`, whitespace before the attributes, or the end of the line.
    if !matches!(s.get(after), None | Some(b'>' | b'/' | b' ' | b'\t')) {
        return None;
    }
    let name = &s[start..after];
    let name = INLINE
        .iter()
        .chain(BLOCK)
        .chain(HIDDEN)
        .find(|n| n.as_bytes().eq_ignore_ascii_case(name))?;
    // The attributes run to the next `>`, with no `<` before it (`a<b и <i>` is text, then a tag). Without either,
    // the tag goes on to the next line if what follows its name looks like attributes (`=`) or is nothing.
    match memchr::memchr2(b'>', b'<', &s[after..]) {
        Some(i) if s[after + i] == b'>' => Some(Tag {
            name,
            closing,
            len: Some(after + i + 1),
        }),
        Some(_) => None,
        None => {
            let rest = &s[after..];
            (rest.iter().all(u8::is_ascii_whitespace) || memchr::memchr(b'=', rest).is_some())
                .then_some(Tag {
                    name,
                    closing,
                    len: None,
                })
        }
    }
}

/// Whether a text has HTML markup to remove: a closing tag of an HTML element, a `<br>` or a `<!DOCTYPE`. Without
/// one, nothing is removed, so `<A>` or `<<Time>>` in a plain transcript stay as they are.
pub fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|lt| {
        let rest = &bytes[lt..];
        rest.get(..9)
            .is_some_and(|d| d.eq_ignore_ascii_case(b"<!doctype"))
            || tag_at(rest).is_some_and(|t| t.len.is_some() && (t.closing || t.name == "br"))
    })
}

impl Markup {
    /// A stripper whose comments and hidden elements end with their line: for a text where one was never closed
    /// (a stray `<script>` or `<!--` in a transcript must not hide the rest of it).
    pub fn line_by_line() -> Self {
        Markup {
            line_by_line: true,
            ..Markup::default()
        }
    }

    /// Whether a comment or hidden element is open at the end of the lines seen.
    pub fn is_open(&self) -> bool {
        self.comment || self.hidden.is_some() || self.in_tag
    }

    /// The line without its markup (borrowed when it has none), and what was removed.
    pub fn strip<'t>(&mut self, line: &'t str) -> (Cow<'t, str>, Stripped) {
        let stripped = self.strip_carrying(line);
        if self.line_by_line {
            self.comment = false;
            self.hidden = None;
            self.in_tag = false;
        }
        stripped
    }

    /// The line without its markup, carrying a comment, hidden element or tag left open at its end to the next line.
    fn strip_carrying<'t>(&mut self, line: &'t str) -> (Cow<'t, str>, Stripped) {
        let bytes = line.as_bytes();
        if !self.is_open() && memchr::memchr(b'<', bytes).is_none() {
            return (Cow::Borrowed(line), Stripped::default());
        }
        let mut out = String::with_capacity(line.len());
        let mut found = Stripped::default();
        let mut kept = 0; // start of the text not yet copied
        let mut at = 0;
        if self.is_open() {
            found.tags += 1;
        }
        if self.in_tag {
            let Some(end) = self.finish_tag(bytes, &mut found) else {
                return (Cow::Owned(out), found);
            };
            at = end;
            kept = at;
        }
        while at < bytes.len() {
            if self.comment {
                let Some(end) = self.close_comment(&bytes[at..]) else {
                    return (Cow::Owned(out), found);
                };
                at += end;
                kept = at;
                continue;
            }
            if let Some(name) = self.hidden {
                let Some(end) = self.close_hidden(name, &bytes[at..]) else {
                    return (Cow::Owned(out), found);
                };
                at += end;
                kept = at;
                continue;
            }
            let Some(i) = memchr::memchr(b'<', &bytes[at..]) else {
                break;
            };
            let lt = at + i;
            let rest = &bytes[lt..];
            if let Some(len) = self.comment_or_declaration(rest) {
                out.push_str(&line[kept..lt]);
                found.tags += 1;
                at = lt + len;
                kept = at;
                continue;
            }
            // `<<Time>>` is a quotation, not a tag.
            let quoted = |len: usize| {
                (lt > 0 && bytes[lt - 1] == b'<') || bytes.get(lt + len) == Some(&b'>')
            };
            match tag_at(rest).filter(|t| !quoted(t.len.unwrap_or(0))) {
                Some(tag) => {
                    out.push_str(&line[kept..lt]);
                    if BLOCK.contains(&tag.name) {
                        out.push(' ');
                    }
                    found.tags += 1;
                    let Some(len) = tag.len else {
                        self.in_tag = true;
                        return (Cow::Owned(out), found);
                    };
                    at = lt + len;
                    kept = at;
                    self.open_hidden(tag, &rest[..len]);
                }
                None => at = lt + 1,
            }
        }
        if found.tags == 0 {
            return (Cow::Borrowed(line), found);
        }
        out.push_str(&line[kept..]);
        (Cow::Owned(out), found)
    }

    /// The rest of a tag begun on an earlier line, up to its `>`: where the text after it starts, or `0` when a `<`
    /// comes first (it was no tag after all, and is not counted); `None` when it goes on past this line too.
    fn finish_tag(&mut self, bytes: &[u8], found: &mut Stripped) -> Option<usize> {
        match memchr::memchr2(b'>', b'<', bytes) {
            Some(i) if bytes[i] == b'>' => {
                self.in_tag = false;
                Some(i + 1)
            }
            Some(_) => {
                self.in_tag = false;
                found.tags -= 1;
                Some(0)
            }
            None => None,
        }
    }

    /// The length of the rest of an open comment, up to and with the `-->` that closes it; `None` when it goes on
    /// past the line.
    fn close_comment(&mut self, rest: &[u8]) -> Option<usize> {
        let i = memchr::memmem::find(rest, b"-->")?;
        self.comment = false;
        Some(i + 3)
    }

    /// The length of the rest of the open hidden element `name` (`<script>`, …), up to and with its closing tag;
    /// `None` when it goes on past the line.
    fn close_hidden(&mut self, name: &'static str, rest: &[u8]) -> Option<usize> {
        let end = memchr::memmem::find_iter(rest, b"</").find_map(|i| {
            let tag = tag_at(&rest[i..])?;
            (tag.name == name && tag.closing).then_some(i + tag.len?)
        })?;
        self.hidden = None;
        Some(end)
    }

    /// The length of the `<!` markup at `rest[0] == '<'`: a comment's `<!--`, which opens the comment, or a whole
    /// declaration. `None` for anything else.
    fn comment_or_declaration(&mut self, rest: &[u8]) -> Option<usize> {
        if rest.starts_with(b"<!--") {
            self.comment = true;
            return Some(4);
        }
        if !(rest.len() > 2 && rest[1] == b'!' && rest[2].is_ascii_alphabetic()) {
            return None;
        }
        // <!DOCTYPE html> and the like, up to a `>` with no `<` before it.
        memchr::memchr2(b'>', b'<', &rest[1..])
            .filter(|&e| rest[1 + e] == b'>')
            .map(|end| end + 2)
    }

    /// Opens a hidden element (`<script>`, …) when `tag` (whose text is `text`) is the opening tag of one and does
    /// not close itself (`<script/>`).
    fn open_hidden(&mut self, tag: Tag, text: &[u8]) {
        let self_closing = text.ends_with(b"/>");
        if HIDDEN.contains(&tag.name) && !tag.closing && !self_closing {
            self.hidden = Some(tag.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_all(text: &str) -> Vec<(String, usize)> {
        let mut markup = Markup::default();
        text.lines()
            .map(|l| {
                let (s, f) = markup.strip(l);
                (s.trim().to_string(), f.tags)
            })
            .collect()
    }

    #[test]
    fn tags_comments_and_hidden_elements_go_and_line_numbers_stay() {
        let page = "<!DOCTYPE html><html><head><title>Переговоры</title>\n\
                    <script type=\"text/javascript\">\n\
                    var s = \"В.Путин: не реплика\";\n\
                    </script><style>p { color: red }</style></head><body>\n\
                    <p><b>В.Путин:</b> Добрый<br/>день <!-- заметка\n\
                    ещё заметка --> коллеги.</P>\n\
                    <…> Так и <Москва> остаются, как и 3 < 5 > 2.\n\
                    </body></html>";
        assert_eq!(
            strip_all(page),
            [
                ("Переговоры".to_string(), 5),
                (String::new(), 1),
                (String::new(), 1),
                (String::new(), 4),
                ("В.Путин: Добрый день".to_string(), 5),
                ("коллеги.".to_string(), 2),
                (
                    "<…> Так и <Москва> остаются, как и 3 < 5 > 2.".to_string(),
                    0
                ),
                (String::new(), 2),
            ]
            .map(|(s, n)| (s.to_string(), n))
        );
    }

    #[test]
    fn line_by_line_an_unclosed_script_hides_only_the_rest_of_its_line() {
        let mut markup = Markup::line_by_line();
        assert_eq!(markup.strip("Да <script>alert(1)").0, "Да ");
        assert!(!markup.is_open());
        assert_eq!(markup.strip("В.Путин: Нет.").0, "В.Путин: Нет.");
        let mut carrying = Markup::default();
        carrying.strip("Да <script>alert(1)");
        assert!(carrying.is_open());
        assert_eq!(carrying.strip("В.Путин: Нет.").0, "");
    }

    #[test]
    fn what_counts_as_html() {
        assert!(looks_like_html("<p>Да</p>"));
        assert!(looks_like_html("Да<br>нет"));
        assert!(looks_like_html("<!DOCTYPE html>\nДа"));
        assert!(!looks_like_html("<p>Да <b>нет"));
        assert!(!looks_like_html(
            "вариант <A> или <B>, <<Time>>, <…>, a<b и b>c"
        ));
    }

    #[test]
    fn tags_split_over_lines_and_quoted_names() {
        let page = "<div\n   class=\"text\"\n   id=\"x\">В.Путин: Да.</div>\nЖурнал <<Time>> и <b>жирный</b>.";
        assert_eq!(
            strip_all(page),
            [
                (String::new(), 1),
                (String::new(), 1),
                ("В.Путин: Да.".to_string(), 2),
                ("Журнал <<Time>> и жирный.".to_string(), 2),
            ]
        );
        // A `<` where the rest of a tag was expected: it was text.
        let mut markup = Markup::default();
        assert_eq!(markup.strip("Это <div").0, "Это  ");
        assert_eq!(markup.strip("a < b").0, "a < b");
        assert!(!markup.is_open());
    }

    #[test]
    fn many_unfinished_declarations_are_text() {
        // Each `<!a` used to scan the rest of the line for a `>` (quadratic: minutes for this line, hours for
        // 50 MB); the scan now stops at the next `<`.
        let line = "<!a".repeat(1_000_000) + ">";
        let (out, found) = Markup::default().strip(&line);
        assert!(matches!(out, Cow::Owned(_)));
        assert_eq!((out.len(), found.tags), (line.len() - 4, 1));
    }

    #[test]
    fn a_line_without_markup_is_borrowed() {
        let mut markup = Markup::default();
        let (line, found) = markup.strip("В.Путин: <…> и a<b и <i>курсив</i>");
        assert_eq!(line, "В.Путин: <…> и a<b и курсив");
        assert_eq!(found.tags, 2);
        assert!(matches!(markup.strip("без разметки").0, Cow::Borrowed(_)));
        assert!(matches!(markup.strip("a < b, <…>").0, Cow::Borrowed(_)));
    }
}
