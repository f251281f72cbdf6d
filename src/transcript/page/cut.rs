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
    cut.push_str(&html[..head_end]);
    cut.push_str(&html[read..end]);
    Some(cut)
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
        assert_eq!(
            head_and_article(&page(HEAD, MENUS)).as_deref(),
            Some(format!("{HEAD}{ARTICLE}").as_str())
        );
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
