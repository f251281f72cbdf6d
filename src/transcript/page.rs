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

use scraper::{ElementRef, Html};

use super::label::parse_label;
use super::layout::MIN_WEAK_LABEL_PERCENT;
use super::lines::preview;
use cut::head_and_article;
use labels::classify;
use meta::{
    clock, ends_with_html_end_tag, file_stem, find, has_markup, is_kremlin, iso_date, news_id,
    other_view, page_url, parts, up_to_article_end, Found,
};
use walk::{collapse, paragraphs, text_of};

mod cut;
mod labels;
mod meta;
mod walk;

pub use labels::Para;

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

/// The title of the `index.html` that `stenogram report` writes.
const STENOGRAM_REPORT_TITLE: &str = "stenogram report";

/// Reads a page (decoded text); `path` gives the id and URL when the page does not.
pub fn read_page(path: &str, html: &str) -> Result<Page, PageError> {
    if !has_markup(html) {
        return Err(PageError::NotHtml);
    }
    match read_cut(path, html) {
        Some(page) => page,
        None => read_whole(path, html),
    }
}

/// The page read from its head and article alone ([`head_and_article`]), when the page allows the cut and the cut
/// shows an article that is not another view of a news item; `None` when the whole page must be read (what else
/// [`the_article`] tells apart needs it).
fn read_cut(path: &str, html: &str) -> Option<Result<Page, PageError>> {
    let cut = head_and_article(html)?;
    let document = Html::parse_document(&cut);
    let found = find(document.root_element());
    let article = found.article?;
    if found.own_url.and_then(other_view).is_some() {
        return None;
    }
    let url = page_url(&found, path);
    if !ends_with_html_end_tag(html) {
        return Some(Err(PageError::Truncated));
    }
    Some(read_article(article, url, path))
}

/// The page read from its whole document up to the article's end.
fn read_whole(path: &str, html: &str) -> Result<Page, PageError> {
    let document = Html::parse_document(up_to_article_end(html));
    let found = find(document.root_element());
    let url = page_url(&found, path);
    let article = the_article(&found, url.as_deref())?;
    if !ends_with_html_end_tag(html) {
        return Err(PageError::Truncated);
    }
    read_article(article, url, path)
}

/// The page's article, or why there is none to read: the site's other views of a news item (its photos, videos and
/// print version), a page of the site without an article, a report that stenogram wrote, or another site's page.
fn the_article<'a>(found: &Found<'a>, url: Option<&str>) -> Result<ElementRef<'a>, PageError> {
    let kremlin = is_kremlin(found, url);
    if let Some(view) = found.own_url.and_then(other_view) {
        if kremlin {
            return Err(PageError::NotArticle(view));
        }
    }
    found.article.ok_or_else(|| no_article(found, kremlin))
}

/// Why a page without an article is not read.
fn no_article(found: &Found<'_>, kremlin: bool) -> PageError {
    // A report that stenogram wrote (its `index.html`), met when a folder holds both transcripts and reports.
    if found
        .title_tag
        .is_some_and(|t| t.text().eq([STENOGRAM_REPORT_TITLE]))
    {
        return PageError::NotArticle("a report that stenogram wrote");
    }
    if kremlin {
        let what = if found.content.is_some() {
            "a page without an article, such as a photo or video gallery"
        } else {
            "an index or other page of the site"
        };
        return PageError::NotArticle(what);
    }
    let title = found
        .title_tag
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .map(|t| format!("; its title: {}", preview(&t)))
        .unwrap_or_default();
    PageError::OtherSite(title)
}

/// An article's parts as a [`Page`]: its title, date and body are required, its time, place and lead are not.
fn read_article(
    article: ElementRef<'_>,
    url: Option<String>,
    path: &str,
) -> Result<Page, PageError> {
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

    /// `../shared/pages` if present; absent, `None` with a message, or a failure under `CI=true`.
    fn shared_pages() -> Option<std::path::PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages");
        if dir.is_dir() {
            return Some(dir);
        }
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "{} is missing, and CI=true requires it",
            dir.display()
        );
        eprintln!("skipped: {} is absent", dir.display());
        None
    }

    #[test]
    fn the_head_and_article_read_as_the_whole_page_does() {
        let mut variants = vec![PAGE.to_string()];
        if let Some(dir) = shared_pages() {
            let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
                .into_iter()
                .map(|e| e.unwrap().into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "html"))
                .collect();
            paths.sort();
            assert_eq!(paths.len(), 300);
            variants.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        let mut cut = 0;
        for html in &variants {
            // The head is reduced to its meta and link tags on every page of the site.
            assert!(!head_and_article(html).unwrap().contains("<script"));
            let whole = read_whole("p/1.html", html);
            if let Some(page) = read_cut("p/1.html", html) {
                cut += 1;
                assert_eq!(page, whole);
            }
            assert_eq!(read_page("p/1.html", html), whole);
        }
        // Every page of the site's template takes the cut.
        assert_eq!(cut, variants.len());
    }

    #[test]
    fn the_head_reduced_to_its_tags_gives_the_url_the_whole_head_gives() {
        let og =
            r#"<meta property="og:url" content="http://kremlin.ru/events/president/news/69944"/>"#;
        let heads = [
            ("<!-- <meta property=\"og:url\" content=\"http://x.ru/1\"> -->", None),
            ("<script>var s = '<meta property=\"og:url\" content=\"http://x.ru/2\">';</script>", None),
            ("<META PROPERTY=\"og:url\" CONTENT=\"http://x.ru/3\">", Some("http://x.ru/3")),
            (
                "<meta name=d content=\"a > b\"><meta property='og:url' content='http://x.ru/4?a=1&amp;b=2'>",
                Some("http://x.ru/4?a=1&b=2"),
            ),
            ("<noscript><meta property=\"og:url\" content=\"http://x.ru/5\"></noscript>", None),
            ("<title>a <meta property=\"og:url\" content=\"http://x.ru/6\"></title>", None),
            ("<div>x</div>", None),
        ];
        for (head, url) in heads {
            let html = PAGE.replace(og, &format!("{head}{og}"));
            let page = read_page("p/1.html", &html).unwrap();
            assert_eq!(Ok(&page), read_whole("p/1.html", &html).as_ref(), "{head}");
            let want = url.unwrap_or("http://kremlin.ru/events/president/news/69944");
            assert_eq!(page.url, want, "{head}");
        }
    }

    #[test]
    fn a_page_that_does_not_allow_the_cut_is_read_whole_and_the_same() {
        let menus = "<header><b>Kremlin <!-- menu --></header>";
        let open = PAGE.replace("<body>", &format!("<body>{menus}"));
        assert!(read_cut("p/1.html", &open).is_none());
        let page = read_page("p/1.html", &open).unwrap();
        assert_eq!(Ok(page), read_whole("p/1.html", &open));
        let print = PAGE.replace("news/69944\"", "news/69944/print\"");
        assert!(read_cut("p/1.html", &print).is_none());
        assert_eq!(
            read_page("p/1.html", &print),
            Err(PageError::NotArticle("the print version of a news item"))
        );
    }
}
