//! kremlin.ru and en.kremlin.ru news pages, as the site serves them (a `wget --mirror`, or a page saved from a
//! browser), to the text layout the reader documents ([`super::reader`]): title, date and time, place, lead, the
//! article body's paragraphs one a line, and the page's URL last. Going through the text layout keeps one reader for
//! every input, and makes `stenogram import` (which writes that text) equal to reading the page, by construction.
//!
//! The page is parsed with an HTML5 parser (html5ever, through `scraper`) and read by the site's h-entry
//! microformat: `entry-title`, `read__published` (its `datetime`), `read__time`, `read__place`, `read__lead` /
//! `entry-summary`, and `entry-content`. In the body, the site's furniture is not text: elements the site marks
//! `masha-ignore` or `hidden` (photo sliders and their captions, video blocks, `See also` / `Additional` link boxes
//! (`read__cut`), person and term tooltips), and the tags and publication status below the article
//! (`read__bottommeta`); share widgets, navigation and footer are outside the article. Block elements (`<p>`,
//! `<blockquote>`, `<li>`, …) and `<br>` end a paragraph; whitespace runs become one space, as a browser shows them.
//!
//! **What the markup makes certain.** A paragraph that starts with bold text before a colon (`<b>Vladimir
//! Putin</b>: …`, `<b>В.Путин:</b> …`, with a remark in parentheses between them if any) is a turn; a paragraph all
//! in italics is a section title; `* * *` is a separator. The text reader guesses these from the words alone, and
//! guesses right on nearly every page; where it would not (a label whose name has a lowercase word, such as
//! `Master mariner Sergei Zybko:`, or a page whose few labels are all weak), the label is written in the explicit
//! form the reader always takes, `**Master mariner Sergei Zybko**: …` (see [`super::label`] and
//! [`Page::explicit_labels`]). A bold sentence before a list (`Meeting points for media representatives:`) is not a
//! label: a label's last word is capitalised, as a name is.
//!
//! **Which pages.** An article page is read. Another page of the site (a mirror's `photos.html`, `videos.html`, the
//! print version, a list of news), and the `index.html` of a stenogram report, are [`PageError::NotArticle`], which
//! the corpus reader counts and skips. A page in
//! an unknown template, truncated, or from another site is an error that names what was missing.

use scraper::{ElementRef, Html, Node};

use super::label::{ends_capitalised, is_a_name, parse_label, split_role};
use super::reader::{MIN_WEAK_LABEL_PERCENT, SEPARATOR};

/// Why a page was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// A page of the site that is not an article: skipped, not an error.
    #[error("not an article ({0}); skipped")]
    NotArticle(&'static str),
    /// A page of the site's article template without a part every article has.
    #[error("not a news page in the kremlin.ru template: {0}")]
    Missing(&'static str),
    /// A page that is not from kremlin.ru.
    #[error("not a kremlin.ru page (no article in the site's template{0})")]
    OtherSite(String),
    /// Text without any HTML element.
    #[error("not an HTML page (no markup)")]
    NotHtml,
    /// The page ends before its end tag.
    #[error("truncated page (it ends before </html>); not read")]
    Truncated,
}

impl PageError {
    /// What kind of problem this is, for a summary of many.
    pub fn kind(&self) -> &'static str {
        match self {
            PageError::NotArticle(_) => "not an article",
            PageError::Missing(_) => "not a news page in the kremlin.ru template",
            PageError::OtherSite(_) => "not a kremlin.ru page",
            PageError::NotHtml => "not an HTML page",
            PageError::Truncated => "truncated page",
        }
    }
}

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

/// An article page, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The news id (the last part of the page's URL).
    pub id: String,
    /// The page's URL.
    pub url: String,
    /// The `entry-title`.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, if the page shows a time.
    pub time: Option<String>,
    /// The place, if the page shows one.
    pub place: Option<String>,
    /// The lead paragraphs.
    pub lead: Vec<String>,
    /// The body's paragraphs.
    pub body: Vec<Para>,
}

/// What one walk over the document finds: the page's own URLs and site, and its article.
#[derive(Default)]
struct Found<'a> {
    og_url: Option<&'a str>,
    canonical: Option<&'a str>,
    /// The `data-href` of the `.read` view: the URL of what the page shows (`…/51389/photos` for its photos).
    own_url: Option<&'a str>,
    site_name: Option<&'a str>,
    title_tag: Option<ElementRef<'a>>,
    kremlin_links: usize,
    article: Option<ElementRef<'a>>,
    content: Option<ElementRef<'a>>,
}

/// The parts of an article, each the first element of its class.
#[derive(Default)]
struct Parts<'a> {
    title: Option<ElementRef<'a>>,
    published: Option<ElementRef<'a>>,
    time: Option<ElementRef<'a>>,
    place: Option<ElementRef<'a>>,
    lead: Option<ElementRef<'a>>,
    content: Option<ElementRef<'a>>,
    /// The first `<time datetime>` of the article, for the templates without `read__published` (announcements,
    /// whose publication date is in the publication status at the article's foot).
    any_time: Option<ElementRef<'a>>,
}

fn has_class(element: &ElementRef<'_>, name: &str) -> bool {
    element.value().classes().any(|c| c == name)
}

/// Walks the document once (a selector per part would walk it a dozen times).
fn find(root: ElementRef<'_>) -> Found<'_> {
    let mut found = Found::default();
    for e in root.descendent_elements() {
        let value = e.value();
        match value.name() {
            "meta" => match value.attr("property") {
                Some("og:url") => found.og_url = found.og_url.or(value.attr("content")),
                Some("og:site_name") => found.site_name = found.site_name.or(value.attr("content")),
                _ => {}
            },
            "link" if value.attr("rel") == Some("canonical") => {
                found.canonical = found.canonical.or(value.attr("href"));
            }
            "title" if found.title_tag.is_none() => found.title_tag = Some(e),
            _ => {}
        }
        if matches!(value.name(), "a" | "link")
            && value.attr("href").is_some_and(|h| h.contains("kremlin.ru"))
        {
            found.kremlin_links += 1;
        }
        if found.own_url.is_none() && has_class(&e, "read") {
            found.own_url = value.attr("data-href").map(str::trim);
        }
        if found.article.is_none() && (has_class(&e, "h-entry") || has_class(&e, "hentry")) {
            found.article = Some(e);
        }
        if found.content.is_none() && has_class(&e, "entry-content") {
            found.content = Some(e);
        }
    }
    found
}

/// The parts of an article, in one walk.
fn parts<'a>(article: ElementRef<'a>) -> Parts<'a> {
    let mut parts = Parts::default();
    for e in article.descendent_elements() {
        let first = |slot: &mut Option<ElementRef<'a>>, class: &str| {
            if slot.is_none() && has_class(&e, class) {
                *slot = Some(e);
            }
        };
        first(&mut parts.title, "entry-title");
        first(&mut parts.published, "read__published");
        first(&mut parts.time, "read__time");
        first(&mut parts.place, "read__place");
        first(&mut parts.lead, "read__lead");
        first(&mut parts.lead, "entry-summary");
        first(&mut parts.content, "entry-content");
        if parts.any_time.is_none() && e.value().name() == "time" && e.attr("datetime").is_some() {
            parts.any_time = Some(e);
        }
    }
    parts
}

/// The page up to the end of its article: what follows (share widgets, the side bar, scripts) is not read, and
/// need not be parsed (a quarter of a page of the site). The whole page when it has no `</article>`.
fn up_to_article_end(html: &str) -> &str {
    match memchr::memmem::rfind(html.as_bytes(), b"</article>") {
        Some(i) => &html[..i + "</article>".len()],
        None => html,
    }
}

/// The title of the `index.html` that `stenogram report` writes.
const STENOGRAM_REPORT_TITLE: &str = "stenogram report";

/// Reads a page (decoded text); `path` gives the id and URL when the page does not.
pub fn read_page(path: &str, html: &str) -> Result<Page, PageError> {
    if !has_markup(html) {
        return Err(PageError::NotHtml);
    }
    let document = Html::parse_document(up_to_article_end(html));
    let found = find(document.root_element());
    let url = page_url(&found, path);
    let kremlin = is_kremlin(&found, url.as_deref());
    // The site's other views of a news item: its photos, videos and print version.
    if let Some(view) = found.own_url.and_then(other_view) {
        if kremlin {
            return Err(PageError::NotArticle(view));
        }
    }
    let Some(article) = found.article else {
        // A report that stenogram wrote (its `index.html`), met when a folder holds both transcripts and reports.
        if found
            .title_tag
            .is_some_and(|t| t.text().eq([STENOGRAM_REPORT_TITLE]))
        {
            return Err(PageError::NotArticle("a report that stenogram wrote"));
        }
        if kremlin {
            let what = if found.content.is_some() {
                "a page without an article, such as a photo or video gallery"
            } else {
                "an index or other page of the site"
            };
            return Err(PageError::NotArticle(what));
        }
        let title = found
            .title_tag
            .map(|t| collapse(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty())
            .map(|t| format!("; its title: {}", super::lines::preview(&t)))
            .unwrap_or_default();
        return Err(PageError::OtherSite(title));
    };
    if !ends_with_html_end_tag(html) {
        return Err(PageError::Truncated);
    }
    let parts = parts(article);
    let title = parts
        .title
        .map(|t| collapse(&text_of(t)))
        .filter(|t| !t.is_empty())
        .ok_or(PageError::Missing("no title (entry-title)"))?;
    let date = [parts.published, parts.any_time]
        .into_iter()
        .flatten()
        .filter_map(|t| t.attr("datetime"))
        .find_map(iso_date)
        .ok_or(PageError::Missing(
            "no date (read__published or a <time> with a datetime)",
        ))?;
    let content = parts
        .content
        .ok_or(PageError::Missing("no article body (entry-content)"))?;
    let time = parts
        .time
        .map(|t| collapse(&text_of(t)))
        .and_then(|t| clock(&t));
    let place = parts
        .place
        .map(|t| collapse(&text_of(t)))
        .filter(|t| !t.is_empty());
    let lead = parts
        .lead
        .map(|l| {
            paragraphs(l)
                .into_iter()
                .map(|p| p.text)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let body: Vec<Para> = paragraphs(content)
        .into_iter()
        .filter_map(classify)
        .collect();
    let id = url
        .as_deref()
        .and_then(news_id)
        .or_else(|| {
            article
                .attr("id")
                .and_then(|i| i.strip_prefix("event-"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| file_stem(path));
    Ok(Page {
        id,
        url: url.unwrap_or_default(),
        title,
        date,
        time,
        place,
        lead,
        body,
    })
}

/// Whether the text has an HTML tag or doctype at all (a `<` followed by a letter, `/` or `!`).
fn has_markup(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    })
}

/// Whether the page's last tag is `</html>` (whitespace and comments may follow): a mirror or a browser writes it,
/// and a page cut short by a failed download has none.
fn ends_with_html_end_tag(html: &str) -> bool {
    let tail = &html.as_bytes()[html.len().saturating_sub(4096)..];
    memchr::memmem::rfind(&tail.to_ascii_lowercase(), b"</html").is_some()
}

/// `photos`, `videos` or `print` when the page's own URL is that view of a news item.
fn other_view(url: &str) -> Option<&'static str> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    match last {
        "photos" => Some("the photos of a news item"),
        "videos" => Some("the videos of a news item"),
        "print" => Some("the print version of a news item"),
        _ => None,
    }
}

/// The page's URL: `og:url`, else an absolute canonical link, else the `.read` view's own URL, else the mirror
/// path (`…/en.kremlin.ru/events/president/news/51389.html` is `http://en.kremlin.ru/events/president/news/51389`).
fn page_url(found: &Found<'_>, path: &str) -> Option<String> {
    let absolute = |u: &str| {
        let u = u.trim();
        (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string())
    };
    [found.og_url, found.canonical, found.own_url]
        .into_iter()
        .flatten()
        .find_map(absolute)
        .or_else(|| mirror_url(path))
}

/// The URL a `wget --mirror` path stands for: from the first folder named like a host (`en.kremlin.ru`) on, without
/// the `.html` wget added.
fn mirror_url(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let parts: Vec<&str> = path.split('/').collect();
    let host = parts
        .iter()
        .position(|p| p.contains('.') && !p.contains(".htm") && p.ends_with("kremlin.ru"))?;
    let rest = parts[host..].join("/");
    let rest = rest
        .strip_suffix(".html")
        .or_else(|| rest.strip_suffix(".htm"))
        .unwrap_or(&rest);
    Some(format!("http://{rest}"))
}

/// Whether the page is one of kremlin.ru's: by its URL, its site name, or links to the site.
fn is_kremlin(found: &Found<'_>, url: Option<&str>) -> bool {
    let host_is_kremlin = |u: &str| {
        let host = u
            .split("://")
            .nth(1)
            .unwrap_or(u)
            .split('/')
            .next()
            .unwrap_or("");
        host == "kremlin.ru" || host.ends_with(".kremlin.ru")
    };
    url.is_some_and(host_is_kremlin)
        || matches!(
            found.site_name.map(str::trim),
            Some("President of Russia" | "Президент России")
        )
        || found.kremlin_links >= 3
}

/// The news id at the end of a URL (`…/news/51389` → `51389`), if it is a number.
fn news_id(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    let last = last.split(['?', '#']).next()?;
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())).then(|| last.to_string())
}

fn file_stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

/// `YYYY-MM-DD` from a `datetime` attribute (a date, or a date and time), if it is a real day.
fn iso_date(datetime: &str) -> Option<String> {
    let date = datetime.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|_| date.to_string())
}

/// `HH:MM` from the page's time (`15:50`).
fn clock(text: &str) -> Option<String> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Runs of ASCII whitespace as one space, trimmed (no-break spaces stay, as the page has them).
fn collapse(text: &str) -> String {
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
struct Marked {
    text: String,
    bold: Vec<bool>,
    italic: Vec<bool>,
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
fn paragraphs(element: ElementRef<'_>) -> Vec<Marked> {
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

/// What a paragraph is, by its marks.
fn classify(p: Marked) -> Option<Para> {
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

/// A page's text: the HTML element's own text with whitespace collapsed.
fn text_of(element: ElementRef<'_>) -> String {
    paragraphs(element)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `&`, `<` and `>` as entities, as the text layout writes them (the reader decodes them; `<b>` in a page's text
/// must not become markup).
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

impl Page {
    /// Which turns' labels are written in the explicit form (`**Label**: …`, see [`super::label`]): those the text
    /// reader would not read as the same label, and, when the page's labels would all be weak and too few for the
    /// reader to take the page as a transcript, the first one (an explicit label is strong).
    pub fn explicit_labels(&self) -> Vec<bool> {
        let mut strong = false;
        let mut labels = 0;
        let mut explicit: Vec<bool> = self
            .body
            .iter()
            .map(|para| match para {
                Para::Turn { label, text } => {
                    let label = label.replace('\u{a0}', " ");
                    let line = format!("{label}: {}", text.replace('\u{a0}', " "));
                    match parse_label(&line) {
                        Some(read) if read.raw == label.trim_end() => {
                            strong |= read.strong;
                            labels += 1;
                            false
                        }
                        _ => {
                            strong = true;
                            true
                        }
                    }
                }
                Para::Text(text) => {
                    labels += usize::from(parse_label(&text.replace('\u{a0}', " ")).is_some());
                    false
                }
                _ => false,
            })
            .collect();
        let lines = self.lead.len() + self.body.len();
        let dense = labels >= 2 && labels * 100 >= lines * MIN_WEAK_LABEL_PERCENT;
        if !strong && !dense {
            if let Some(first) = self
                .body
                .iter()
                .position(|p| matches!(p, Para::Turn { .. }))
            {
                explicit[first] = true;
            }
        }
        explicit
    }

    /// The page in the text layout: an empty line, the title, two empty lines, `YYYY-MM-DD HH:MM:SS`, an empty line,
    /// the place, an empty line, the lead paragraphs, an empty line, the body one paragraph a line, three empty lines
    /// and the URL, without a final newline (the layout of `../shared/corpus`).
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(16 * 1024);
        out.push('\n');
        escape(&self.title, &mut out);
        out.push_str("\n\n\n");
        out.push_str(&self.date);
        if let Some(time) = &self.time {
            out.push(' ');
            out.push_str(time);
            out.push_str(":00");
        }
        out.push_str("\n\n");
        if let Some(place) = &self.place {
            escape(place, &mut out);
            out.push_str("\n\n");
        }
        for lead in &self.lead {
            escape(lead, &mut out);
            out.push('\n');
        }
        if !self.lead.is_empty() {
            out.push('\n');
        }
        let explicit = self.explicit_labels();
        for (para, explicit) in self.body.iter().zip(explicit) {
            match para {
                Para::Text(text) | Para::Heading(text) => escape(text, &mut out),
                Para::Turn { label, text } => {
                    if explicit {
                        out.push_str("**");
                    }
                    escape(label, &mut out);
                    if explicit {
                        out.push_str("**");
                    }
                    out.push(':');
                    if !text.is_empty() {
                        out.push(' ');
                        escape(text, &mut out);
                    }
                }
                Para::Separator => out.push_str("* * *"),
            }
            out.push('\n');
        }
        out.push_str("\n\n\n");
        out.push_str(&self.url);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="ru"><head><meta property="og:site_name" content="Президент России"/>
<meta property="og:url" content="http://kremlin.ru/events/president/news/69944"/></head><body>
<div class="read" data-href="http://kremlin.ru/events/president/news/69944"><article class="read__in hentry h-entry">
<h1 class="entry-title">Российско-казахстанские переговоры</h1>
<div class="read__lead entry-summary"><p>Лид &amp; <i>подробности</i>.</p></div>
<time class="read__published" datetime="2022-11-28">28 ноября 2022 года</time><div class="read__time">13:00</div>
<div class="read__place p-location"><i></i>Москва, Кремль</div>
<div class="entry-content e-content"><div class="slider masha-ignore"><p>Подпись к фото.</p></div>
<p><b>* * *</b></p><p><i>Начало встречи</i></p>
<p><b>В.Путин:</b> Уважаемый <a class="person_tag">Касым-Жомарт Кемелевич<span class="read__tooltip hidden masha-ignore">Токаев Касым-Жомарт Президент Казахстана</span></a>!</p>
<p>Рад&nbsp;встрече &lt;b&gt;.</p>
<p><b>Капитан дальнего плавания Сергей Зыбко</b> <i>(как переведено)</i>: Да.</p>
<div class="read__cut masha-ignore"><h3>Смотрите также</h3><a>Визит</a></div>
<p><b>Участники встречи перечислены ниже:</b></p>
</div></article></div></body></html>"#;

    #[test]
    fn a_page_in_the_sites_template_becomes_the_text_layout() {
        let page = read_page("x/69944.html", PAGE).unwrap();
        assert_eq!(page.id, "69944");
        assert_eq!(page.lead, ["Лид & подробности."]);
        assert_eq!(
            page.body,
            [
                Para::Separator,
                Para::Heading("Начало встречи".into()),
                Para::Turn {
                    label: "В.Путин".into(),
                    text: "Уважаемый Касым-Жомарт Кемелевич!".into()
                },
                Para::Text("Рад\u{a0}встрече <b>.".into()),
                Para::Turn {
                    label: "Капитан дальнего плавания Сергей Зыбко (как переведено)".into(),
                    text: "Да.".into()
                },
                Para::Text("Участники встречи перечислены ниже:".into()),
            ]
        );
        // «Капитан дальнего плавания» has lowercase words: written in the explicit form.
        assert_eq!(
            page.explicit_labels(),
            [false, false, false, false, true, false]
        );
        assert_eq!(
            page.to_text(),
            "\nРоссийско-казахстанские переговоры\n\n\n2022-11-28 13:00:00\n\nМосква, Кремль\n\nЛид &amp; \
             подробности.\n\n* * *\nНачало встречи\nВ.Путин: Уважаемый Касым-Жомарт Кемелевич!\n\
             Рад\u{a0}встрече &lt;b&gt;.\n**Капитан дальнего плавания Сергей Зыбко (как переведено)**: Да.\n\
             Участники встречи перечислены ниже:\n\n\n\nhttp://kremlin.ru/events/president/news/69944"
        );
    }

    #[test]
    fn other_pages_are_skipped_or_named() {
        let print = PAGE.replace(
            r#"data-href="http://kremlin.ru/events/president/news/69944""#,
            r#"data-href="http://kremlin.ru/events/president/news/69944/print""#,
        );
        assert_eq!(
            read_page("p.html", &print),
            Err(PageError::NotArticle("the print version of a news item"))
        );
        let report =
            "<!DOCTYPE html><html><head><title>stenogram report</title></head><body></body></html>";
        assert_eq!(
            read_page("index.html", report),
            Err(PageError::NotArticle("a report that stenogram wrote"))
        );
        assert_eq!(read_page("a.html", "plain text"), Err(PageError::NotHtml));
        let cut = &PAGE[..PAGE.len() - 30];
        assert_eq!(read_page("a.html", cut), Err(PageError::Truncated));
    }

    #[test]
    fn urls_ids_times_and_names() {
        assert_eq!(
            mirror_url("m/en.kremlin.ru/events/president/news/51389.html").as_deref(),
            Some("http://en.kremlin.ru/events/president/news/51389")
        );
        assert_eq!(mirror_url("pages/51389.html"), None);
        assert_eq!(
            news_id("http://kremlin.ru/events/president/news/69944/").as_deref(),
            Some("69944")
        );
        assert_eq!(clock("9:05").as_deref(), Some("09:05"));
        assert_eq!(clock("25:00"), None);
        assert!(names_someone(
            "Master mariner Sergei Zybko",
            "Mr President,"
        ));
        assert!(names_someone("Реплика из зала", "Да."));
        assert!(!names_someone(
            "Badges will be issued at the following sites",
            ""
        ));
    }

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
        ] {
            assert!(names_someone(label, rest), "{label}");
        }
        for (label, rest) in [
            ("The United Kingdom", ""),
            ("The Arctic", "territory of dialogue"),
            ("Text of the Decree", ""),
            ("Meeting points for media representatives", ""),
            ("Important", "the meeting starts at 10."),
        ] {
            assert!(!names_someone(label, rest), "{label}");
        }
    }

    #[test]
    fn a_page_with_roles_gives_the_words_to_the_person() {
        let page = PAGE.replace(
            "<p><b>Капитан дальнего плавания Сергей Зыбко</b> <i>(как переведено)</i>: Да.</p>",
            "<p><b>Alisa Shmelyova, metrology engineer:</b> Good afternoon.</p>\
             <p><b>Call centre operator:</b> Hello.</p><p><b>Text of the Decree:</b></p><p>To appoint.</p>",
        );
        let page = read_page("p.html", &page).unwrap();
        let turns: Vec<&str> = page
            .body
            .iter()
            .filter_map(|p| match p {
                Para::Turn { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            turns,
            [
                "В.Путин",
                "Alisa Shmelyova, metrology engineer",
                "Call centre operator"
            ]
        );
        let (meeting, _, _) = super::super::reader::parse_text(
            "p",
            "p.html",
            &page.to_text(),
            "UTF-8",
            &Default::default(),
        );
        let names: Vec<&str> = meeting.turns().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["В.Путин", "Alisa Shmelyova", "Call centre operator"]
        );
    }
}
