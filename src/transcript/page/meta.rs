//! Where a page's metadata is: one walk over the document for its own URLs, its site and its article, one over the
//! article for its parts (title, date, time, place, lead, body), and the URL, news id, date and time read from them.
//! Also what tells a page of kremlin.ru from another site's, and an article from the site's other views of it.

use scraper::ElementRef;

/// What one walk over the document finds: the page's own URLs and site, and its article.
#[derive(Default)]
pub(super) struct Found<'a> {
    og_url: Option<&'a str>,
    canonical: Option<&'a str>,
    /// The `data-href` of the `.read` view: the URL of what the page shows (`…/51389/photos` for its photos).
    pub(super) own_url: Option<&'a str>,
    site_name: Option<&'a str>,
    pub(super) title_tag: Option<ElementRef<'a>>,
    kremlin_links: usize,
    pub(super) article: Option<ElementRef<'a>>,
    pub(super) content: Option<ElementRef<'a>>,
}

/// The parts of an article, each the first element of its class.
#[derive(Default)]
pub(super) struct Parts<'a> {
    pub(super) title: Option<ElementRef<'a>>,
    pub(super) published: Option<ElementRef<'a>>,
    pub(super) time: Option<ElementRef<'a>>,
    pub(super) place: Option<ElementRef<'a>>,
    pub(super) lead: Option<ElementRef<'a>>,
    pub(super) content: Option<ElementRef<'a>>,
    /// The first `<time datetime>` of the article, for the templates without `read__published` (announcements,
    /// whose publication date is in the publication status at the article's foot).
    pub(super) any_time: Option<ElementRef<'a>>,
}

fn has_class(element: &ElementRef<'_>, name: &str) -> bool {
    element.value().classes().any(|c| c == name)
}

/// Walks the document once (a selector per part would walk it a dozen times).
pub(super) fn find(root: ElementRef<'_>) -> Found<'_> {
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
pub(super) fn parts<'a>(article: ElementRef<'a>) -> Parts<'a> {
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
pub(super) fn up_to_article_end(html: &str) -> &str {
    match memchr::memmem::rfind(html.as_bytes(), b"</article>") {
        Some(i) => &html[..i + "</article>".len()],
        None => html,
    }
}

/// The tags whose open elements change how the rest of a page is parsed (HTML5 tree construction): formatting
/// elements (reopened in later text), scope boundaries, the form pointer, tables, foreign content and templates.
const CONTEXT_TAGS: [&[u8]; 24] = [
    b"a",
    b"b",
    b"big",
    b"code",
    b"em",
    b"font",
    b"i",
    b"nobr",
    b"s",
    b"small",
    b"strike",
    b"strong",
    b"tt",
    b"u",
    b"form",
    b"button",
    b"table",
    b"select",
    b"template",
    b"svg",
    b"math",
    b"object",
    b"applet",
    b"marquee",
];

/// Whether every context tag (see [`CONTEXT_TAGS`]) opened in `region` (lowercase) is closed in it, and no comment
/// is left open: then what follows is parsed the same with or without it, as far as a byte check can tell.
fn balanced(region: &[u8]) -> bool {
    let mut open = [0i32; CONTEXT_TAGS.len()];
    for i in memchr::memchr_iter(b'<', region) {
        let rest = &region[i + 1..];
        let (end, rest) = match rest.strip_prefix(b"/") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let n = rest
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if let Some(k) = CONTEXT_TAGS.iter().position(|t| *t == &rest[..n]) {
            open[k] += if end { -1 } else { 1 };
            if open[k] < 0 {
                return false;
            }
        }
    }
    open.iter().all(|&o| o == 0) && comments_closed(region)
}

/// Whether every comment that starts in `region` ends in it (`<!-->` and `<!--->` end where they start, as the
/// HTML tokenizer has them; a `--!>` anywhere is not judged).
fn comments_closed(region: &[u8]) -> bool {
    if memchr::memmem::find(region, b"--!>").is_some() {
        return false;
    }
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&region[at..], b"<!--") {
        let body = at + i + 4;
        at = if region[body..].starts_with(b">") {
            body + 1
        } else if region[body..].starts_with(b"->") {
            body + 2
        } else {
            match memchr::memmem::find(&region[body..], b"-->") {
                Some(j) => body + j + 3,
                None => return false,
            }
        };
    }
    true
}

/// The page's `<head>` and its article's `.read` view up to the article's end, without the page's header, menus
/// and footer between them (a third of what [`up_to_article_end`] parses), when the cut is clean: one `</head>`
/// after which a `<div class="read"` starts, a head whose comments, scripts, styles and title all end in it, and
/// between the two nothing [`find`] would take (another article, an `entry-content`, a `data-href`, an `og:url`
/// or canonical link) and no element left open that changes how the rest is parsed. `None` otherwise: the caller
/// parses the whole page, as before.
pub(super) fn head_and_article(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let end = up_to_article_end(html).len();
    let head_end = memchr::memmem::find(&bytes[..end], b"</head>")? + "</head>".len();
    let read = head_end + memchr::memmem::find(&bytes[head_end..end], b"<div class=\"read\"")?;
    let lower = bytes[..read].to_ascii_lowercase();
    let (head, skipped) = lower.split_at(head_end);
    let count = |hay: &[u8], needle: &[u8]| memchr::memmem::find_iter(hay, needle).count();
    if count(head, b"</head") != 1 || count(skipped, b"</head") != 0 {
        return None;
    }
    for (open, close) in [
        (&b"<script"[..], &b"</script"[..]),
        (b"<style", b"</style"),
        (b"<title", b"</title"),
        (b"<noscript", b"</noscript"),
        (b"<template", b"</template"),
        (b"<textarea", b"</textarea"),
        (b"<xmp", b"</xmp"),
        (b"<iframe", b"</iframe"),
        (b"<noembed", b"</noembed"),
        (b"<noframes", b"</noframes"),
    ] {
        if count(head, open) != count(head, close) {
            return None;
        }
    }
    if !comments_closed(head) {
        return None;
    }
    if count(head, b"<plaintext") + count(skipped, b"<plaintext") != 0 {
        return None;
    }
    for taken in [
        &b"hentry"[..],
        b"h-entry",
        b"entry-content",
        b"data-href",
        b"og:url",
        b"canonical",
        b"<article",
    ] {
        if memchr::memmem::find(skipped, taken).is_some() {
            return None;
        }
    }
    if !balanced(skipped) {
        return None;
    }
    let mut cut = String::with_capacity(head_end + end - read);
    cut.push_str(&html[..head_end]);
    cut.push_str(&html[read..end]);
    Some(cut)
}

/// Whether the text has an HTML tag or doctype at all (a `<` followed by a letter, `/` or `!`).
pub(super) fn has_markup(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        b.get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!')
    })
}

/// Whether the page's last tag is `</html>` (whitespace and comments may follow): a mirror or a browser writes it,
/// and a page cut short by a failed download has none.
pub(super) fn ends_with_html_end_tag(html: &str) -> bool {
    let tail = &html.as_bytes()[html.len().saturating_sub(4096)..];
    memchr::memmem::rfind(&tail.to_ascii_lowercase(), b"</html").is_some()
}

/// `photos`, `videos` or `print` when the page's own URL is that view of a news item.
pub(super) fn other_view(url: &str) -> Option<&'static str> {
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
pub(super) fn page_url(found: &Found<'_>, path: &str) -> Option<String> {
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
pub(super) fn is_kremlin(found: &Found<'_>, url: Option<&str>) -> bool {
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
pub(super) fn news_id(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    let last = last.split(['?', '#']).next()?;
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())).then(|| last.to_string())
}

pub(super) fn file_stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

/// `YYYY-MM-DD` from a `datetime` attribute (a date, or a date and time), if it is a real day.
pub(super) fn iso_date(datetime: &str) -> Option<String> {
    let date = datetime.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|_| date.to_string())
}

/// `HH:MM` from the page's time (`15:50`).
pub(super) fn clock(text: &str) -> Option<String> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_ids_and_times() {
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
    }
}
