//! `index.html`: one self-contained page (no network, no JavaScript) with a summary per speaker, the charts, the
//! top rows of every table linked to its file, and how the numbers are computed. Everything that comes from the
//! transcripts is HTML-escaped.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::corpus::Corpus;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::charts::CHARTS;
use super::tables::speakers::SpeakerRow;
use super::tables::Preview;
use super::{Context, WriteError};

const STYLE: &str = "
body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:0 auto;max-width:1180px;padding:24px;color:#222;line-height:1.45}
h1{font-size:28px;margin-bottom:4px} h2{margin-top:40px;border-bottom:2px solid #ddd;padding-bottom:4px}
h3{margin-bottom:6px} .lead{color:#555;margin-top:0}
table{border-collapse:collapse;font-size:13px;margin:8px 0 4px} th,td{border:1px solid #ddd;padding:3px 7px;text-align:left}
th{background:#f4f4f4} td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:22px 0} figure img{max-width:100%;border:1px solid #eee} figcaption{color:#444;font-size:14px}
.wide{overflow-x:auto} .note{color:#666;font-size:13px} code{background:#f4f4f4;padding:0 3px}
nav a{margin-right:14px}
dl.method dt{font-weight:bold;margin-top:12px} dl.method dd{margin:2px 0 0 0} dl.method dd p{margin:4px 0}
";

/// A cell's text as the page shows it: at most [`CELL_CHARS`] characters (the CSV has the whole value; a 5 MB
/// "word" would otherwise make the page hundreds of megabytes).
fn preview_cell(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(CELL_CHARS) {
        None => Cow::Borrowed(value),
        Some((cut, _)) => Cow::Owned(format!("{}…", &value[..cut])),
    }
}

/// The longest cell text a preview shows.
const CELL_CHARS: usize = 200;

/// A table's heading, what it holds, and its first rows.
fn table(out: &mut String, cx: &Context, p: &Preview) {
    let _ = writeln!(
        out,
        "<h3><a href=\"{}\">{}</a></h3><p class=\"note\">{}</p>",
        attr(&p.file),
        text(&p.file),
        text(&said(cx, p.about))
    );
    out.push_str("<div class=\"wide\"><table><tr>");
    for c in &p.columns {
        let _ = write!(out, "<th>{}</th>", text(c));
    }
    out.push_str("</tr>\n");
    for row in &p.rows {
        out.push_str("<tr>");
        for (shown, numeric) in row {
            let class = if *numeric { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", text(&preview_cell(shown)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table></div>\n");
    if p.total > p.limit {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} of {} rows shown.</p>",
            p.rows.len(),
            p.total
        );
    }
}

/// "1 meeting", "2 meetings", "12,345 words".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", grouped(n))
    }
}

/// A number with a comma between groups of three digits (`12,345`), as the page's English reads.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The page.
pub fn page(cx: &Context, tables: &[Preview], charts: &[String]) -> Result<String, WriteError> {
    let rows = super::tables::speakers::rows(cx)?;
    let mut out = String::new();
    head(&mut out, cx.corpus);
    let by = &cx.corpus.about.group_by;
    if !by.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">Groups, not speakers: every table and chart compares the turns grouped by {} (<code>--group-by</code>), a group named by its values joined by “ | ”; the <code>speaker</code> columns of the tables hold the group, and <code>{}</code> lists the speakers of each group.</p>",
            by.iter().map(|b| format!("<code>{}</code>", html_escape::encode_text(b))).collect::<Vec<_>>().join(", "),
            said(cx, "attributes.csv")
        );
    }
    if let Some(note) = cx.corpus.by_key_note() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}.</p>",
            html_escape::encode_text(&said(cx, &note))
        );
    }
    if let Some(note) = super::from_counts::note(cx.config) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", text(&note));
    }
    if let Some(note) = cx.distances_note()? {
        let _ = writeln!(out, "<p class=\"note\">{}.</p>", text(&said(cx, &note)));
    }
    summary(&mut out, cx, &rows)?;
    figures(&mut out, cx, charts);
    dictionary_note(&mut out, cx);
    speakers(&mut out, cx, &rows)?;
    let _ = writeln!(out, "<h2 id=\"tables\">Tables</h2>");
    // With both formats the page is the CSV report's: its links name the CSV files, each with a Parquet twin.
    let kind = match cx.config.format {
        crate::report::TableFormat::Parquet => "a Parquet file with typed columns",
        _ => "a UTF-8 CSV file with a header",
    };
    let _ = writeln!(
        out,
        "<p>Every table is {kind} in long format; the first {} rows are shown.</p>",
        cx.config.top
    );
    for preview in tables {
        table(&mut out, cx, preview);
    }
    let _ = writeln!(out, "<h2 id=\"method\">How the numbers are computed</h2>");
    super::methods::html(&mut out, cx.config);
    let config = cx.config;
    let _ = writeln!(
        out,
        "<p class=\"note\">In this report: the {} view (<code>--view</code>); a minimum count of {} for word pairs, keyness and the term map (<code>--min-count</code>); MATTR over windows of {} words (<code>--window</code>); Burrows' and Cosine Delta over the {} most frequent terms and the consensus tree over {} of them (<code>--mfw {}</code>), of the speakers with {} words or more (<code>--min-words</code>); periods by {} (<code>--period</code>), a point across time drawn on {} words or more (<code>--min-period-words</code>).</p>",
        config.view.as_str(),
        config.min_count,
        config.mattr_window,
        grouped(config.mfw.size()),
        config.mfw.consensus(),
        config.mfw,
        grouped(config.min_words as usize),
        cx.periods.period.as_str(),
        grouped(config.min_period_words as usize),
    );
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

/// The document head, the title and what the corpus holds.
fn head(out: &mut String, corpus: &Corpus) {
    let words = corpus.total_words();
    let dates: Vec<chrono::NaiveDate> = corpus.meetings.iter().filter_map(|m| m.date).collect();
    let span = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>stenogram report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(out, "<h1>How the speakers talk</h1>");
    let _ = writeln!(
        out,
        "<p class=\"lead\">{}{}; {}; {}; {}. Made by stenogram {}.</p>",
        count(corpus.meetings.len(), "meeting"),
        text(&span),
        count(corpus.speakers.len(), speaker_noun(corpus)),
        count(corpus.turns.len(), "turn"),
        count(words, "word"),
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("<nav><a href=\"#summary\">Summary</a><a href=\"#charts\">Charts</a><a href=\"#speakers\">Speakers</a><a href=\"#tables\">Tables</a><a href=\"#method\">How the numbers are computed</a></nav>\n");
}

/// What the speakers of the corpus are: speakers, or groups of turns (`--group-by`).
fn speaker_noun(corpus: &Corpus) -> &'static str {
    if corpus.about.group_by.is_empty() {
        "speaker"
    } else {
        "group"
    }
}

/// What the report found, first: who speaks and how much, and the three findings that tell the charted speakers
/// apart most (the strongest keyword of each of the compared pair, the longest turns, the richest vocabulary).
fn summary(out: &mut String, cx: &Context, speakers: &[SpeakerRow]) -> Result<(), WriteError> {
    let _ = writeln!(out, "<h2 id=\"summary\">Summary</h2>");
    let total: usize = speakers.iter().map(|r| r.words).sum::<usize>().max(1);
    let who: Vec<String> = cx
        .leaders
        .iter()
        .filter_map(|l| speakers.iter().find(|r| &r.speaker == l))
        .map(|r| {
            format!(
                "<b>{}</b> ({}, {:.0}% of the words, in {})",
                text(&cx.shown(&r.speaker)),
                count(r.words, "word"),
                100.0 * r.words as f64 / total as f64,
                count(r.meetings, "meeting")
            )
        })
        .collect();
    let others = speakers.len().saturating_sub(who.len());
    let _ = writeln!(
        out,
        "<p>The charts compare {}{}.</p>",
        who.join(", "),
        if others > 0 {
            format!(
                " and {} in the tables",
                count(others, &format!("other {}", speaker_noun(cx.corpus)))
            )
        } else {
            String::new()
        }
    );
    let findings = findings(cx, speakers)?;
    if !findings.is_empty() {
        out.push_str("<ol>\n");
        for f in findings {
            let _ = writeln!(out, "<li>{f}</li>");
        }
        out.push_str("</ol>\n");
    }
    Ok(())
}

/// The findings, as HTML sentences: a keyword of each side of the pair, turn lengths, vocabulary (at most four).
fn findings(cx: &Context, speakers: &[SpeakerRow]) -> Result<Vec<String>, WriteError> {
    let mut found = Vec::new();
    // The strongest content keyword of each side of the compared pair.
    if let Some((a, b)) = &cx.pair {
        let rows = cx
            .keyness()?
            .iter()
            .filter(|r| r.target == a && r.reference == b && r.content);
        let strongest = |up: bool| {
            rows.clone()
                .filter(|r| (r.g2 > 0.0) == up && r.g2.abs() >= crate::stats::keyness::CRITICAL_01)
                .max_by(|x, y| x.g2.abs().total_cmp(&y.g2.abs()).then(y.term.cmp(x.term)))
        };
        let other = if b == crate::stats::keyness::OTHERS {
            "the other speakers".to_string()
        } else {
            cx.shown(b)
        };
        let before = found.len();
        for (up, who, than) in [
            (true, cx.shown(a), other.clone()),
            (false, other.clone(), cx.shown(a)),
        ] {
            if let Some(r) = strongest(up) {
                let (more, less) = if up {
                    (r.count_target, r.count_reference)
                } else {
                    (r.count_reference, r.count_target)
                };
                let how = if less == 0 {
                    format!("{} times, {} never", grouped(more as usize), text(&than))
                } else {
                    let ratio = 2f64.powf(r.log_ratio.abs());
                    format!(
                        "{ratio:.1} times as often as {} per word ({} against {})",
                        text(&than),
                        grouped(more as usize),
                        grouped(less as usize)
                    )
                };
                found.push(format!(
                    "{} says «{}» {how} (G² = {:.1}, {}).",
                    text(&who),
                    text(r.form),
                    r.g2.abs(),
                    table_link(cx, "keyness.csv")
                ));
            }
        }
        if found.len() == before {
            found.push(format!(
                "No content word sets {} and {} apart at p &lt; 0.01: they said too few words, or too alike ones ({}).",
                text(&cx.shown(a)),
                text(&other),
                table_link(cx, "keyness.csv")
            ));
        }
    }
    // Counts hold no turn lengths and no order of words: those findings would be made up.
    if !cx.config.from_counts {
        turns_and_vocabulary(cx, speakers, &mut found);
    }
    found.truncate(4);
    Ok(found)
}

/// The findings of turn lengths and vocabulary among the charted speakers: who speaks in the longest turns, whose
/// vocabulary is richest.
fn turns_and_vocabulary(cx: &Context, speakers: &[SpeakerRow], found: &mut Vec<String>) {
    // The longest turns, against the shortest of the charted speakers.
    let charted: Vec<_> = cx
        .leaders
        .iter()
        .filter_map(|l| speakers.iter().find(|r| &r.speaker == l))
        .collect();
    let longest = charted
        .iter()
        .max_by(|x, y| x.words_per_turn_median.total_cmp(&y.words_per_turn_median));
    let shortest = charted
        .iter()
        .min_by(|x, y| x.words_per_turn_median.total_cmp(&y.words_per_turn_median));
    if let (Some(l), Some(s)) = (longest, shortest) {
        if l.speaker != s.speaker {
            found.push(format!(
                "{} speaks in the longest turns: {:.0} words a turn (median), against {:.0} for {} ({}).",
                text(&cx.shown(&l.speaker)),
                l.words_per_turn_median,
                s.words_per_turn_median,
                text(&cx.shown(&s.speaker)),
                table_link(cx, "turn_lengths.csv")
            ));
        }
    }
    // The richest vocabulary by MATTR, which does not grow with how much a speaker said.
    let measured: Vec<_> = charted.iter().filter_map(|r| Some((r, r.mattr?))).collect();
    let richest = measured.iter().max_by(|x, y| x.1.total_cmp(&y.1));
    let poorest = measured.iter().min_by(|x, y| x.1.total_cmp(&y.1));
    if let (Some((r, hi)), Some((p, lo))) = (richest, poorest) {
        if r.speaker != p.speaker {
            found.push(format!(
                "{} has the richest vocabulary: MATTR {hi:.3} (windows of {} words), against {lo:.3} for {} ({}).",
                text(&cx.shown(&r.speaker)),
                cx.config.mattr_window,
                text(&cx.shown(&p.speaker)),
                table_link(cx, "speakers.csv")
            ));
        }
    }
}

/// A link to the table `file` (`keyness.csv`) as written: its CSV, or its Parquet twin under `--format parquet`.
fn table_link(cx: &Context, file: &str) -> String {
    let written = cx.config.format.named(file);
    format!("<a href=\"{}\">{}</a>", attr(&written), text(&written))
}

/// A text of the page with the tables it names as written ([`super::named`]).
fn said<'t>(cx: &Context, text: &'t str) -> Cow<'t, str> {
    super::named::named(cx.config.format, text)
}

/// The summary per speaker, by words.
fn speakers(out: &mut String, cx: &Context, all: &[SpeakerRow]) -> Result<(), WriteError> {
    let (config, leaders) = (cx.config, &cx.leaders);
    let _ = writeln!(out, "<h2 id=\"speakers\">Speakers</h2>");
    let files: std::collections::BTreeMap<&str, &str> = cx
        .speaker_files()?
        .iter()
        .map(|(s, f)| (s.as_str(), f.as_str()))
        .collect();
    // The charted speakers, in the charts' order; the others are in speakers.csv.
    let mut rows: Vec<_> = all
        .iter()
        .filter(|r| leaders.contains(&r.speaker))
        .collect();
    rows.sort_by_key(|r| cx.chart_rank(&r.speaker));
    let others = all.len() - rows.len();
    out.push_str("<div class=\"wide\"><table><tr><th>speaker</th><th>meetings</th><th>turns</th><th>words</th><th>share of words</th><th>words per turn (mean / median)</th><th>words per sentence</th><th>MATTR</th><th>MTLD</th><th>HD-D</th></tr>\n");
    // From counts there are no turn lengths but their mean, and no order of words: those cells stay empty.
    let counted = config.from_counts;
    let opt = |v: Option<f64>, digits: usize| {
        v.filter(|_| !counted)
            .map(|x| format!("{x:.digits$}"))
            .unwrap_or_else(|| "–".into())
    };
    for r in rows {
        let shown = cx.shown(&r.speaker);
        let mark = if shown != r.speaker {
            " <span class=\"note\">(mostly interpreted)</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a>{mark}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}%</td><td class=\"n\">{:.1} / {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            attr(&config.format.named(files[r.speaker.as_str()])),
            text(&r.speaker),
            r.meetings,
            r.turns,
            r.words,
            100.0 * r.share_words,
            r.words_per_turn_mean,
            opt(Some(r.words_per_turn_median), 1),
            opt(r.words_per_sentence, 1),
            opt(r.mattr, 3),
            opt(r.mtld, 1),
            opt(r.hdd, 3),
        );
    }
    out.push_str("</table></div>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">The speakers of the charts{}. A speaker's name links to their word list (both views). (mostly interpreted): most of their words are an interpreter's (<code>--interpreted</code>). MATTR uses windows of {} words (– when a speaker said fewer); HD-D needs 42 words.</p>",
        if counted {
            "; made from counts, which hold no turn lengths but their mean and no order of words".to_string()
        } else if others > 0 {
            format!("; {} more in {} (<code>--speakers</code> charts others)", count(others, "speaker"), table_link(cx, "speakers.csv"))
        } else {
            String::new()
        },
        config.mattr_window
    );
    Ok(())
}

/// With `--dictionary`: what the dictionaries hold and how they were matched in this report.
fn dictionary_note(out: &mut String, cx: &Context) {
    let Some(d) = &cx.config.dictionary else {
        return;
    };
    let mut files: Vec<&str> = d.entries.iter().map(|e| e.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    let matched = match cx.config.view {
        crate::corpus::View::Key => "keys",
        crate::corpus::View::Stem => "keys and stems",
        crate::corpus::View::Lemma => "keys and lemmas",
    };
    let _ = writeln!(
        out,
        "<p class=\"note\">Dictionary (<code>--dictionary</code> {}): {}, {}{}, matched on {matched} (the {} view); see <code>{}</code> and <code>{}</code>.</p>",
        text(&files.join(", ")),
        count(d.categories.len(), "category").replace("categorys", "categories"),
        count(d.entries.len(), "entry").replace("entrys", "entries"),
        if d.weighted { " with weights" } else { "" },
        cx.config.view.as_str(),
        said(cx, "dictionary.csv"),
        said(cx, "dictionary_terms.csv"),
    );
}

/// The charts drawn, in the registry's order, with their captions.
fn figures(out: &mut String, cx: &Context, charts: &[String]) {
    let _ = writeln!(out, "<h2 id=\"charts\">Charts</h2>");
    if charts.is_empty() {
        out.push_str("<p class=\"note\">Charts were not drawn (<code>--charts none</code>).</p>\n");
    }
    for c in &CHARTS {
        let png = format!("{}.png", c.stem);
        let svg = format!("{}.svg", c.stem);
        let has_png = charts.contains(&png);
        let has_svg = charts.contains(&svg);
        if !has_png && !has_svg {
            continue;
        }
        let src = if has_png { &png } else { &svg };
        let _ = write!(
            out,
            "<figure id=\"{}\"><h3>{}</h3><img src=\"{}\" alt=\"{}\"><figcaption>{}",
            attr(c.stem),
            text(c.title),
            attr(src),
            attr(c.title),
            text(&said(cx, c.caption))
        );
        if has_svg {
            let _ = write!(out, " <a href=\"{}\">SVG</a>", attr(&svg));
        }
        if has_png {
            let _ = write!(out, " <a href=\"{}\">PNG</a>", attr(&png));
        }
        out.push_str("</figcaption></figure>\n");
    }
}
