//! How the numbers are computed: the page's last section and `docs/methods.md` ([`markdown`]), assembled from the
//! registries. What all tables share comes first ([`INTRO`]: speakers and turns, words, views, stopwords, the
//! charted speakers and periods, numbers); then every table family says how its numbers are computed
//! ([`Table::method`](super::tables::Table::method)), and every chart how it draws them
//! ([`Chart::METHOD`](super::charts::Chart::METHOD)), each in its own file beside the code it describes.
//!
//! **Markup.** A text is Markdown of three things only, so that the page and the Markdown say the same: paragraphs
//! (separated by a blank line), lists (lines that start with `- `) and `code` in backticks. [`markdown`] gives the
//! texts as they are; [`html`] escapes them and turns backticks into `<code>`.

use std::fmt::Write as _;

use html_escape::encode_text;

use super::charts::CHARTS;
use super::named::named;
use super::tables::TABLES;

/// What every table and chart shares, as (topic, text), in reading order.
pub const INTRO: &[(&str, &str)] = &[
    (
        "Speakers and turns",
        "A turn starts at a speaker label such as `В.Путин:` or `Н.Мадуро (как переведено):` and runs over the \
         paragraphs after it until the next label. The spellings of one person are one speaker: a Russian name by \
         its first initial and surname (`В.Путин`, `В. В. Путин` and `Путин В.В.` are `В.Путин`, and so is \
         `Владимир Путин` where the corpus has the initials form), an English name without its titles, and any \
         other spelling joined by `--aliases`. Group labels (`Вопрос`, `Реплика`, `Question`, …) are speakers of \
         their own. Interpreted turns (`(как переведено)`) count as the speaker's words unless `--interpreted` \
         leaves them out or counts them under `NAME (interpreted)`; a speaker most of whose words are \
         interpreted is marked `(mostly interpreted)` in the charts and on the page.",
    ),
    (
        "What is counted",
        "The spoken text of the turns only: words in square brackets were added by the editors and stage \
         directions in parentheses such as `(Смех.)` were not spoken, so neither is counted. Lead paragraphs and \
         headings are the editors' narration and are not counted either, except in a file without any speaker \
         label (plain prose), whose text is counted under the speaker `(narration)` (or `--narrator`).",
    ),
    (
        "Words and sentences",
        "The text is normalized (Unicode NFC; stress marks and soft hyphens removed; hyphen-like characters read \
         as `-`) and tokenized in the conventions of razdel: a word is a run of letters of one script, kept whole \
         across a hyphen or an apostrophe between letters (`по-моему`, `COVID-19`, `O’Brien`); numbers, \
         punctuation and symbols are tokens, but not words, and no measure counts them. A word is counted under \
         its key: lowercase, with ё written as е. A sentence ends after `.`, `!`, `?` or `…` when the next word \
         starts one (a capital letter, a quote, a digit), never after an initial (`В. Путин`) or an abbreviation \
         (`т. е.`), and at every line break.",
    ),
    (
        "Views",
        "A term is a word in one of three views. The key view counts word forms (`санкции` and `санкций` \
         apart). The stem \
         view counts the Snowball stem of the key (Russian for keys with Cyrillic letters, English for the \
         others), shown as its most frequent form. The lemma view (the default of `--view`) counts a Russian \
         word's dictionary form, from the OpenCorpora dictionary: each key is read once, out of context, as the \
         corpus most often writes it, by its most probable analysis, so a capitalised `Путина` is the surname \
         and `путина` the fishing season; an English word's lemma is the form it inflects from when the corpus \
         has that form (`countries` → `country`, `was` → `be`). `freq.csv` and `matrix.csv` give the key view \
         and the chosen view; keyness (also by period), the term map, the distances, collocations, trends and \
         the word charts count the chosen view; lexical diversity, new types and vocabulary growth always count keys.",
    ),
    (
        "Stopwords and content words",
        "Stopwords are marked, never deleted. The built-in lists are NLTK's Russian and English lists (from \
         Snowball), the Russian one with the inflected forms of its pronouns and a few particles added; \
         `--stopwords` replaces them and `--extra-stopwords` adds to them. A stem or lemma is a stopword if any \
         of its keys is, and takes the part of speech of its most frequent key. Content words are what the word \
         charts, the previews and the default terms show: by default a noun, proper noun, verb, adjective or \
         adverb that is not a stopword (`--content` keeps one of the two conditions); an English word has no \
         dictionary part of speech, so any that is neither a known function word nor a stopword is a content \
         word.",
    ),
    (
        "Charted speakers, the compared pair and periods",
        "The tables have every speaker; the charts show those of `--speakers`, or else up to four present in \
         the most meetings (then with the most words), group labels and narration left out unless nobody else \
         spoke. The compared pair of the keyness chart and the term map is `--pair`, or else the first charted \
         speaker against the `--reference` speaker, or else the first two charted speakers, or else the only one \
         against all others (`*`). Measures across time group the meetings by `--period`: meeting, month, \
         quarter or year, by default the finest of these with at most 24 periods; a meeting without a date \
         belongs to no period.",
    ),
    (
        "Numbers",
        "A rate is per 10,000 of the words it is counted in: the speaker's, or all speakers' for `*`. Numbers are \
         written in the shortest form that reads back to the same value; a measure that is undefined (MATTR of \
         fewer words than the window, the standard deviation of one turn) is `NaN`. Every table is sorted, so \
         the same input gives the same bytes with any number of threads.",
    ),
];

/// A text's blocks: paragraphs (lines joined) and lists (lines that start with `- `).
enum Block<'t> {
    Paragraph(String),
    List(Vec<&'t str>),
}

fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    for part in text.split("\n\n") {
        // Whether the last block is of this part (a blank line ends a paragraph or a list).
        let mut open = false;
        for line in part.lines() {
            match (line.strip_prefix("- "), out.last_mut()) {
                (Some(item), Some(Block::List(items))) if open => items.push(item),
                (None, Some(Block::Paragraph(p))) if open => {
                    p.push(' ');
                    p.push_str(line);
                }
                (Some(item), _) => out.push(Block::List(vec![item])),
                (None, _) => out.push(Block::Paragraph(line.to_string())),
            }
            open = true;
        }
    }
    out
}

/// Text as HTML: escaped, with `code` in backticks as `<code>`.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", encode_text(part));
        } else {
            out.push_str(&encode_text(part));
        }
    }
    out
}

/// One topic as HTML: its title and text in a definition list's entry.
fn entry(out: &mut String, title: &str, text: &str) {
    let _ = write!(out, "<dt>{}</dt><dd>", inline(title));
    for block in blocks(text) {
        match block {
            Block::Paragraph(p) => {
                let _ = write!(out, "<p>{}</p>", inline(&p));
            }
            Block::List(items) => {
                out.push_str("<ul>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", inline(item));
                }
                out.push_str("</ul>");
            }
        }
    }
    out.push_str("</dd>\n");
}

/// The heading of a table family: its files, in backticks.
fn table_title(files: &[(&str, &str)]) -> String {
    let names: Vec<String> = files.iter().map(|(f, _)| format!("`{f}`")).collect();
    names.join(", ")
}

/// The heading of a chart: its title and its file stem.
fn chart_title(title: &str, stem: &str) -> String {
    format!("{title} (`{stem}`)")
}

/// The methods section of the page: the shared topics, then every table and every chart of the registries that
/// a report made with `config` shows (those of an option not given, such as `--dictionary`, left out), the tables
/// named by the files written ([`super::named`]).
pub fn html(out: &mut String, config: &super::ReportConfig) {
    let format = config.format;
    for (group, topics) in sections(Some(config)) {
        let _ = writeln!(out, "<h3>{group}</h3>\n<dl class=\"method\">");
        for (title, text) in topics {
            entry(out, &named(format, &title), &named(format, text));
        }
        out.push_str("</dl>\n");
    }
}

/// The same texts as Markdown: a `##` heading per group (throughout, tables, charts) and a `###` heading per topic,
/// table family or chart. `docs/methods.md` holds it between `<!-- methods:begin -->` and `<!-- methods:end -->`.
pub fn markdown() -> String {
    let mut out = String::new();
    for (group, topics) in sections(None) {
        let _ = write!(out, "## {group}\n\n");
        for (title, text) in topics {
            let _ = write!(out, "### {title}\n\n{}\n\n", text.trim_end());
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The three groups of topics, each topic as (title, text): every one, or those a report made with `config` shows.
fn sections(
    config: Option<&super::ReportConfig>,
) -> [(&'static str, Vec<(String, &'static str)>); 3] {
    [
        (
            "Throughout",
            INTRO
                .iter()
                .map(|&(t, text)| (t.to_string(), text))
                .collect(),
        ),
        (
            "Tables",
            TABLES
                .iter()
                .filter(|t| config.is_none_or(|c| t.shown(c)))
                .map(|t| (table_title(&t.files()), t.method()))
                .collect(),
        ),
        (
            "Charts",
            CHARTS
                .iter()
                .filter(|chart| config.is_none_or(|c| (chart.shown)(c)))
                .map(|c| (chart_title(c.title, c.stem), c.method))
                .collect(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_become_paragraphs_lists_and_code() {
        let mut out = String::new();
        entry(
            &mut out,
            "`a.csv`",
            "One\nline & more.\n\nTwo:\n- `x` < 1\n- y\n\nThree.",
        );
        assert_eq!(
            out,
            "<dt><code>a.csv</code></dt><dd><p>One line &amp; more.</p><p>Two:</p><ul><li><code>x</code> &lt; 1</li><li>y</li></ul><p>Three.</p></dd>\n"
        );
    }

    #[test]
    fn every_table_and_chart_says_how_its_numbers_are_computed() {
        let text = markdown();
        for table in TABLES {
            assert!(table.method().len() > 80, "{:?}", table.files());
            for (file, _) in table.files() {
                assert!(text.contains(&format!("`{file}`")), "{file}");
            }
        }
        for chart in &CHARTS {
            assert!(chart.method.len() > 80, "{}", chart.stem);
            assert!(text.contains(&chart_title(chart.title, chart.stem)));
        }
        // Markdown's own syntax stays out of the texts but for backticks and lists: no emphasis, no HTML tag.
        for (_, topics) in sections(None) {
            for (title, body) in topics {
                assert_eq!(body.matches('`').count() % 2, 0, "{title}");
                for (i, part) in body.split('`').enumerate() {
                    let tag = part
                        .split('<')
                        .skip(1)
                        .any(|after| after.starts_with(|c: char| c.is_alphabetic() || c == '/'));
                    assert!(
                        i % 2 == 1 || !(tag || part.contains(['*', '_'])),
                        "{title}: {part}"
                    );
                }
            }
        }
    }
}
