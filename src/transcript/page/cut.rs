//! The part of a page worth parsing: its `<head>` and its article's `.read` view, without the site's header and
//! menus between them (a third of what [`super::meta::up_to_article_end`] leaves), when byte checks show the cut
//! cannot change how the article parses. The cut is an optimisation only: a page that does not allow it is parsed
//! whole, and the tests check both ways read the same on every page of `../shared/pages` and on altered pages.

use super::meta::up_to_article_end;

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

/// How many times `tag` (`<name` or `</name`, lowercase) stands in `hay` as a whole tag name: followed by a byte
/// that cannot continue a name (`</head` does not count `</header>`).
fn count(hay: &[u8], tag: &[u8]) -> usize {
    memchr::memmem::find_iter(hay, tag)
        .filter(|&i| {
            hay.get(i + tag.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-')
        })
        .count()
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
    if memchr::memmem::find(&lower, b"<plaintext").is_some() {
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
    match head_tags(head, &html[..head_end]) {
        Some(tags) => cut.push_str(&tags),
        None => cut.push_str(&html[..head_end]),
    }
    cut.push_str(&html[read..end]);
    Some(cut)
}

/// The head reduced to what [`find`] reads of it: what comes before `<head` (the doctype, which decides quirks
/// mode, and the `<html>` tag) and the head's `<meta>` and `<link>` tags as written (the parser still reads their
/// attributes), without its title, scripts, styles and comments. `None` when the head holds anything else (another
/// element, text, `<noscript>` or `<template>`, whose content may parse as elements) or a tag this scan cannot end:
/// the head is then parsed whole. `lower` is `head` in ASCII lowercase, and both end with `</head>`.
fn head_tags(lower: &[u8], head: &str) -> Option<String> {
    let start = memchr::memmem::find_iter(lower, b"<head").find(|&i| {
        !lower
            .get(i + 5)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    })?;
    let mut out = String::with_capacity(1024);
    out.push_str(&head[..start]);
    out.push_str("<head>");
    let mut at = tag_end(lower, start)?;
    loop {
        while lower.get(at).is_some_and(|c| c.is_ascii_whitespace()) {
            at += 1;
        }
        let rest = &lower[at..];
        if rest.starts_with(b"</head>") {
            break;
        }
        if rest.starts_with(b"<!--") {
            at = comment_end(lower, at + 4)?;
            continue;
        }
        if !rest.starts_with(b"<") {
            return None;
        }
        let name_len = rest[1..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let end = tag_end(lower, at)?;
        at = match &rest[1..1 + name_len] {
            b"meta" | b"link" => {
                out.push_str(&head[at..end]);
                end
            }
            b"base" => end,
            raw @ (b"title" | b"script" | b"style") => {
                let close = [&b"</"[..], raw].concat();
                let found = end + memchr::memmem::find(&lower[end..], &close)?;
                tag_end(lower, found)?
            }
            _ => return None,
        };
    }
    out.push_str("</head>");
    Some(out)
}

/// The index after the `>` that ends the tag opened at `lower[at]` (`>` inside a quoted attribute value does not end
/// it); `None` if the tag does not end.
fn tag_end(lower: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    let mut after_equals = false;
    while let Some(&c) = lower.get(i) {
        match c {
            b'>' => return Some(i + 1),
            b'"' | b'\'' if after_equals => {
                i += 1 + memchr::memchr(c, &lower[i + 1..])?;
                after_equals = false;
            }
            b'=' => after_equals = true,
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// The index after the comment whose body starts at `body` (see [`comments_closed`] for the ends it knows).
fn comment_end(region: &[u8], body: usize) -> Option<usize> {
    let rest = &region[body..];
    if rest.starts_with(b">") {
        Some(body + 1)
    } else if rest.starts_with(b"->") {
        Some(body + 2)
    } else {
        memchr::memmem::find(rest, b"-->").map(|j| body + j + 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "<!DOCTYPE html><html><head><title>T</title><script>if (a < b) {}</script>\
                        <!-- a comment --><style>p {}</style></head>";
    const MENUS: &str =
        "<body><header><nav><a href=\"/\"><b>Kremlin</b></a><form action=\"/search\">\
                         <input></form><!----><!---><svg><path/></svg></nav></header>";
    const ARTICLE: &str = "<div class=\"read\" data-href=\"http://kremlin.ru/events/president/news/1\">\
                           <article class=\"hentry\"><div class=\"entry-content\"><p>Да.</p></div></article>";
    const FOOTER: &str = "</div><footer><a>x</a></footer></body></html>";

    fn page(head: &str, menus: &str) -> String {
        format!("{head}{menus}{ARTICLE}{FOOTER}")
    }

    #[test]
    fn a_page_whose_menus_close_what_they_open_is_cut_to_head_and_article() {
        // The head keeps what comes before it, and its meta and link tags (here none).
        assert_eq!(
            head_and_article(&page(HEAD, MENUS)).as_deref(),
            Some(format!("<!DOCTYPE html><html><head></head>{ARTICLE}").as_str())
        );
        let head = HEAD.replace(
            "<title>",
            "<meta property='og:url' content='http://a.ru/1?x=1&amp;y=2'>\n<LINK rel=canonical href=\"/a>b\"><title>",
        );
        assert_eq!(
            head_and_article(&page(&head, MENUS)).as_deref(),
            Some(
                format!(
                    "<!DOCTYPE html><html><head><meta property='og:url' content='http://a.ru/1?x=1&amp;y=2'>\
                     <LINK rel=canonical href=\"/a>b\"></head>{ARTICLE}"
                )
                .as_str()
            )
        );
        // A head with what this scan does not know is kept whole.
        for other in [
            "<noscript></noscript>",
            "<div></div>",
            "text",
            "<template></template>",
        ] {
            let head = HEAD.replace("<title>", &format!("{other}<title>"));
            let cut = head_and_article(&page(&head, MENUS)).unwrap();
            assert!(cut.starts_with(&head), "{other}");
        }
    }

    #[test]
    fn what_could_change_how_the_article_parses_keeps_the_whole_page() {
        let menus = [
            ("an open <b>", MENUS.replace("</b>", "")),
            ("an open <a>", MENUS.replace("</a>", "")),
            ("an open form", MENUS.replace("</form>", "")),
            ("an open svg", MENUS.replace("</svg>", "")),
            ("an open table", format!("{MENUS}<table><tr><td>")),
            ("an open comment", format!("{MENUS}<!-- ")),
            ("a bogus comment end", format!("{MENUS}<!-- x --!>")),
            ("a close before an open", format!("</i>{MENUS}<i>")),
            ("another article", format!("{MENUS}<article></article>")),
            ("an og:url", format!("{MENUS}<meta property=\"og:url\">")),
            (
                "a canonical link",
                format!("{MENUS}<link rel=\"canonical\">"),
            ),
            ("an entry", format!("{MENUS}<div class=\"h-entry\"></div>")),
            ("a data-href", format!("{MENUS}<div data-href=\"/\"></div>")),
            ("a second head end", format!("{MENUS}</head>")),
            ("plaintext", format!("{MENUS}<plaintext>")),
        ];
        for (what, menus) in &menus {
            assert_eq!(head_and_article(&page(HEAD, menus)), None, "{what}");
        }
        let heads = [
            ("an open script", HEAD.replace("</script>", "")),
            ("an open title", HEAD.replace("</title>", "")),
            ("an open comment", HEAD.replace(" -->", "")),
        ];
        for (what, head) in &heads {
            assert_eq!(head_and_article(&page(head, MENUS)), None, "{what}");
        }
        let no_read = page(HEAD, MENUS).replace("class=\"read\"", "class=\"other\"");
        assert_eq!(head_and_article(&no_read), None, "no .read view");
    }

    #[test]
    fn upper_case_tags_count_as_the_lower_case_ones() {
        let open = MENUS.replace("<b>", "<B>").replace("</b>", "");
        assert_eq!(head_and_article(&page(HEAD, &open)), None);
        let closed = MENUS.replace("<b>", "<B>").replace("</b>", "</B>");
        assert!(head_and_article(&page(HEAD, &closed)).is_some());
    }
}
