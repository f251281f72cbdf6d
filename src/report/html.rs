//! `index.html`: one self-contained page (no network, no JavaScript) with a summary per speaker, the charts, the
//! top rows of every table linked to its CSV, and how the numbers are computed. Everything that comes from the
//! transcripts is HTML-escaped.

use std::borrow::Cow;
use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde::Serialize;

use crate::stats::Corpus;

use super::tables::{Tables, FILES};
use super::ReportConfig;

const STYLE: &str = "
body{font-family:'DejaVu Sans',Verdana,sans-serif;margin:0 auto;max-width:1180px;padding:24px;color:#222;line-height:1.45}
h1{font-size:28px;margin-bottom:4px} h2{margin-top:40px;border-bottom:2px solid #ddd;padding-bottom:4px}
h3{margin-bottom:6px} .lead{color:#555;margin-top:0}
table{border-collapse:collapse;font-size:13px;margin:8px 0 4px} th,td{border:1px solid #ddd;padding:3px 7px;text-align:left}
th{background:#f4f4f4} td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:22px 0} figure img{max-width:100%;border:1px solid #eee} figcaption{color:#444;font-size:14px}
.wide{overflow-x:auto} .note{color:#666;font-size:13px} code{background:#f4f4f4;padding:0 3px}
nav a{margin-right:14px}
";

struct ChartInfo {
    stem: &'static str,
    title: &'static str,
    caption: &'static str,
}

const CHARTS: [ChartInfo; 7] = [
    ChartInfo { stem: "top_words", title: "Most frequent content words", caption: "Per speaker, the most frequent words that are not stopwords, per 10,000 of the speaker's words; in the stem view a bar counts all forms of a word and is labelled with its most frequent form." },
    ChartInfo { stem: "keyness", title: "Key words", caption: "Words one speaker uses significantly more than the other (signed log-likelihood G²; bars right for the first speaker, left for the second). |G²| above 6.63 means p < 0.01, above 10.83 p < 0.001." },
    ChartInfo { stem: "turn_lengths", title: "How long the turns are", caption: "Box plots of words per turn on a logarithmic axis: the box spans the middle half of the turns, the line inside is the median, dots are single turns." },
    ChartInfo { stem: "vocabulary_growth", title: "Vocabulary growth", caption: "Distinct words against words spoken; a speaker whose curve rises faster keeps bringing in new words. Compare at equal numbers of words spoken." },
    ChartInfo { stem: "across_meetings", title: "Across meetings", caption: "Per speaker and meeting (one point each, by date): distinct words, and MATTR, the mean type–token ratio over moving windows, which does not grow with the length of the text." },
    ChartInfo { stem: "collocations", title: "Word pairs", caption: "The most frequent adjacent word pairs per speaker within one sentence (pairs with a stopword left out by default), with logDice, an association score that does not depend on corpus size (14 is the maximum)." },
    ChartInfo { stem: "xray", title: "Where the words occur", caption: "A dispersion plot: each tick is one occurrence of the word, placed by its position among the meeting's words and coloured by the speaker." },
];

fn describe(file: &str) -> &'static str {
    match file {
        "speakers.csv" => "One row per speaker: turns, words, share of all words, turn lengths, sentences, and lexical diversity.",
        "turn_lengths.csv" => "Turn-length statistics per speaker overall (meeting *) and per meeting, with the standard deviation.",
        "lexdiv.csv" => "Lexical diversity per speaker overall (meeting *) and per meeting.",
        "freq.csv" => "Term frequencies per speaker and over all speakers (*), in the key and the stem view, with rank, meetings and Gries' DP.",
        "collocations.csv" => "Word pairs with raw counts and PMI, NPMI, G², t-score, χ², Dice and logDice, per speaker and over all (*).",
        "trigrams.csv" => "Word triples with counts, per speaker and over all (*).",
        "keyness.csv" => "Keyness of every term for each speaker against the others (reference *) and for the two leading speakers against each other.",
        "meetings_by_speaker.csv" => "Each speaker's vocabulary meeting by meeting in date order: words, types, MATTR, MTLD, new types.",
        "trends.csv" => "The chosen terms per speaker and meeting, per 10,000 words.",
        "meetings.csv" => "The meetings read, with their metadata, speakers, turns and words.",
        "turns.csv" => "Every turn with its speaker, interpretation flag, words and sentences.",
        "transitions.csv" => "Who speaks after whom within a meeting.",
        "audit.csv" => "What became of every non-blank line of every file (lines = the sum of the other columns).",
        _ => "",
    }
}

fn fmt_num(v: &serde_json::Value) -> (String, bool) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                (i.to_string(), true)
            } else if let Some(f) = n.as_f64() {
                (format!("{f:.4}"), true)
            } else {
                (n.to_string(), true)
            }
        }
        serde_json::Value::Null => (String::new(), false),
        serde_json::Value::Bool(b) => (b.to_string(), false),
        serde_json::Value::String(s) => (s.clone(), false),
        other => (other.to_string(), false),
    }
}

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

fn html_table<T: Serialize>(out: &mut String, header: &str, rows: &[T], limit: usize) {
    html_table_of(out, header, rows, limit, rows.len());
}

/// A preview of `total` rows, of which `rows` are the first.
fn html_table_of<T: Serialize>(
    out: &mut String,
    header: &str,
    rows: &[T],
    limit: usize,
    total: usize,
) {
    let columns: Vec<&str> = header.split(',').collect();
    out.push_str("<div class=\"wide\"><table><tr>");
    for c in &columns {
        let _ = write!(out, "<th>{}</th>", text(c));
    }
    out.push_str("</tr>\n");
    for row in rows.iter().take(limit) {
        let value = serde_json::to_value(row).unwrap_or_default();
        out.push_str("<tr>");
        for c in &columns {
            let (shown, numeric) = fmt_num(value.get(*c).unwrap_or(&serde_json::Value::Null));
            let class = if numeric { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", text(&preview_cell(&shown)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table></div>\n");
    if total > limit {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} of {} rows shown.</p>",
            limit.min(rows.len()),
            total
        );
    }
}

/// "1 meeting", "2 meetings".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The page.
pub fn page(
    corpus: &Corpus,
    t: &Tables,
    config: &ReportConfig,
    leaders: &[String],
    charts: &[String],
) -> String {
    let mut out = String::new();
    let words = corpus.total_words();
    let dates: Vec<&str> = corpus
        .meetings
        .iter()
        .map(|m| m.date.as_str())
        .filter(|d| !d.is_empty())
        .collect();
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
        count(corpus.speakers.len(), "speaker"),
        count(corpus.turns.len(), "turn"),
        count(words, "word"),
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("<nav><a href=\"#speakers\">Speakers</a><a href=\"#charts\">Charts</a><a href=\"#tables\">Tables</a><a href=\"#method\">How the numbers are computed</a></nav>\n");

    // Summary per speaker, by words.
    let _ = writeln!(out, "<h2 id=\"speakers\">Speakers</h2>");
    let files: std::collections::BTreeMap<String, String> =
        super::tables::speaker_files(t).into_iter().collect();
    let mut rows: Vec<_> = t.speakers.iter().collect();
    rows.sort_by(|a, b| {
        b.words
            .cmp(&a.words)
            .then_with(|| a.speaker.cmp(&b.speaker))
    });
    out.push_str("<div class=\"wide\"><table><tr><th>speaker</th><th>meetings</th><th>turns</th><th>words</th><th>share of words</th><th>words per turn (mean / median)</th><th>words per sentence</th><th>MATTR</th><th>MTLD</th><th>HD-D</th></tr>\n");
    let opt = |v: Option<f64>, digits: usize| {
        v.map(|x| format!("{x:.digits$}"))
            .unwrap_or_else(|| "–".into())
    };
    for r in rows {
        let mark = if leaders.contains(&r.speaker) {
            " ★"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"{}\">{}</a>{mark}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}%</td><td class=\"n\">{:.1} / {:.1}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            attr(&files[&r.speaker]),
            text(&r.speaker),
            r.meetings,
            r.turns,
            r.words,
            100.0 * r.share_words,
            r.words_per_turn_mean,
            r.words_per_turn_median,
            opt(r.words_per_sentence, 1),
            opt(r.mattr, 3),
            opt(r.mtld, 1),
            opt(r.hdd, 3),
        );
    }
    out.push_str("</table></div>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">★ shown in the charts. A speaker's name links to their word list (both views). MATTR uses windows of {} words (– when a speaker said fewer); HD-D needs 42 words.</p>",
        config.mattr_window
    );

    // Charts.
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
            text(c.caption)
        );
        if has_svg {
            let _ = write!(out, " <a href=\"{}\">SVG</a>", attr(&svg));
        }
        if has_png {
            let _ = write!(out, " <a href=\"{}\">PNG</a>", attr(&png));
        }
        out.push_str("</figcaption></figure>\n");
    }

    // Tables.
    let _ = writeln!(out, "<h2 id=\"tables\">Tables</h2>");
    let _ = writeln!(out, "<p>Every table is a UTF-8 CSV file with a header in long format; the first {} rows are shown.</p>", config.top);
    for (name, header) in FILES {
        let _ = writeln!(
            out,
            "<h3><a href=\"{}\">{}</a></h3><p class=\"note\">{}</p>",
            attr(name),
            text(name),
            text(describe(name))
        );
        let limit = config.top;
        match name {
            "speakers.csv" => html_table(&mut out, header, &t.speakers, limit),
            "turn_lengths.csv" => {
                html_table_of(&mut out, header, &t.turn_lengths, limit, t.turn_length_rows)
            }
            "lexdiv.csv" => html_table_of(&mut out, header, &t.lexdiv, limit, t.lexdiv_rows),
            "freq.csv" => html_table_of(&mut out, header, &t.freq, limit, t.freq_rows),
            "collocations.csv" => html_table_of(&mut out, header, &t.bigrams, limit, t.bigram_rows),
            "trigrams.csv" => html_table_of(&mut out, header, &t.trigrams, limit, t.trigram_rows),
            "keyness.csv" => html_table(&mut out, header, &t.keyness, limit),
            "meetings_by_speaker.csv" => html_table_of(
                &mut out,
                header,
                &t.meetings_by_speaker,
                limit,
                t.meetings_by_speaker_rows,
            ),
            "trends.csv" => html_table(&mut out, header, &t.trends, limit),
            "meetings.csv" => html_table(&mut out, header, &t.meetings, limit),
            "turns.csv" => html_table(&mut out, header, &t.turns, limit),
            "transitions.csv" => html_table(&mut out, header, &t.transitions, limit),
            "audit.csv" => html_table(&mut out, header, &t.audit, limit),
            _ => {}
        }
    }

    // Method.
    let _ = writeln!(out, "<h2 id=\"method\">How the numbers are computed</h2>");
    out.push_str(METHOD);
    let _ = writeln!(out, "<p class=\"note\">Term view for keyness, trends and the top-words chart: <code>{}</code>. Minimum count for collocations and keyness: {}.</p>", config.view.as_str(), config.min_count);
    out.push_str("</body>\n</html>\n");
    out
}

const METHOD: &str = "<ul>
<li><b>Speakers and turns.</b> A turn starts at a label such as <code>В.Путин:</code> or <code>Н.Мадуро (как переведено):</code> and runs over the following paragraphs without a label. Spellings of one person are one speaker (<code>В.Путин</code>, <code>Владимир Путин</code>, <code>Путин В.В.</code>); words in square brackets were added by the editors and stage directions such as <code>(Смех.)</code> were not spoken, so neither is counted.</li>
<li><b>Words.</b> The spoken text is tokenized (hyphenated words, decimals and abbreviations kept whole); a word is counted under its key: lowercase, with ё written as е. The stem view groups the forms of a word by their Snowball stem and shows the most frequent form. Stopwords are marked, not deleted.</li>
<li><b>Frequencies.</b> Count, per 10,000 of the speaker's words, rank (ties share the smaller rank), the meetings where the word is used, and Gries' DP: 0 when a word is spread over the speaker's meetings like their words, near 1 when it is concentrated in few.</li>
<li><b>Turns.</b> Words per turn: mean, median, 90th percentile (linear interpolation), maximum, sample standard deviation; words per sentence.</li>
<li><b>Lexical diversity.</b> On the speaker's words in text order, meetings by date: TTR, Herdan's C, Guiraud's R, Maas a², Yule's K, MATTR (moving windows), MTLD (threshold 0.72, mean of forward and backward passes), HD-D (42 draws) and the share of words used once, with the conventions of the Python package lexicalrichness. TTR, C, R, a² and the hapax share depend on text length; MATTR, MTLD and HD-D are designed not to.</li>
<li><b>Collocations.</b> Adjacent words within one sentence of one turn; punctuation between them breaks the pair. PMI, NPMI, G², t-score, χ² and Dice as NLTK's BigramAssocMeasures computes them from the pair count, the two words' counts and the speaker's number of words, and logDice = 14 + log₂ Dice.</li>
<li><b>Keyness.</b> A speaker against all others (or another speaker): four-cell log-likelihood G² (Dunning 1993), signed + where the speaker uses the word relatively more; χ²; the p-value of G² (χ², 1 degree of freedom); Log Ratio (Hardie 2014; a zero count taken as 0.5); %DIFF (Gabrielatos &amp; Marchi 2012); and the log-odds z-score with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008) whose prior is the two speakers' combined counts.</li>
<li><b>Across meetings.</b> Per speaker and meeting: words, distinct words, MATTR, MTLD, and the words not used by that speaker in any earlier meeting.</li>
</ul>
";
