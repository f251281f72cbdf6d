//! Decoded text to a [`Meeting`]: the header, the body's blocks, and an [`Audit`] that accounts for every
//! non-blank line.
//!
//! **Layout** (kremlin.ru, as in `corpus/`): title, `YYYY-MM-DD HH:MM:SS` (or a date as the page shows it, see
//! [`super::header`]), place, lead paragraphs, body, source URL
//! last. The header is recognised only when the date line is the first or second non-blank line; otherwise the whole
//! file is body and the date comes from a `YYYY-MM-DD` at the start of the file name, if any.
//!
//! **Body rules**: a transcript's body is read line by line as [`super::body`] documents (separators, elisions,
//! labels, continuations, lead and headings, page furniture); in a text with HTML markup, tags are removed from the
//! lines first (see [`super::lines`]).
//!
//! **Is it a transcript?** A file with no label at all is narration: every line is lead, or, with a narrator name,
//! one turn of that speaker. Weak labels (a name of capitalised words only, such as `Патриарх Кирилл:`, see
//! [`super::label`]) have the shape of sentences in prose («Ответила Наташа: …»), so a file whose labels are all weak
//! is read as a transcript only when it has at least two label lines and they make up at least 2% of its body
//! lines (a news item «Текст Указа: 1. …» or a novel with «Ответила Наташа: …» is not a transcript); otherwise it is narration,
//! with a warning that names the label-like lines ignored. One strong label (initials, an interpreter's remark, an
//! English title) makes a file a transcript.

use super::annotate::split_paragraph;
use super::audit::Audit;
use super::body::read_body;
use super::header::{read_footer, read_header};
use super::label::parse_label;
use super::layout::{MIN_WEAK_LABEL_PERCENT, SEPARATOR};
use super::lines::{content_lines, markup_warnings, Line};
use super::model::{Block, Language, Meeting, Turn};
use super::options::ReadOptions;
use super::warning::{Warning, WarningKind};

fn detect_language(lines: &[Line<'_>]) -> Language {
    let (cyrillic, latin) = letters(lines);
    if latin > cyrillic {
        Language::En
    } else {
        Language::Ru
    }
}

/// Cyrillic and Latin letters of the first 2,000 lines, counted on bytes: a Cyrillic letter
/// ([`crate::lang::is_cyrillic`], U+0400–U+04FF) is exactly a UTF-8 sequence led by 0xD0–0xD3, a Latin one an ASCII
/// letter byte, and no other character has either byte (a test checks this against the characters).
fn letters(lines: &[Line<'_>]) -> (usize, usize) {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for (_, line) in lines.iter().take(2000) {
        // Two counts of one test each, which the compiler makes vector loops.
        let bytes = line.as_bytes();
        cyrillic += bytes.iter().filter(|&&b| b & 0xFC == 0xD0).count();
        latin += bytes
            .iter()
            .filter(|&&b| (b | 0x20).wrapping_sub(b'a') < 26)
            .count();
    }
    (cyrillic, latin)
}

/// A warning when `--lang` names a language whose script is not that of most of the letters (Russian text read
/// with the English stemmer and stopwords, or the other way round, gives numbers without meaning).
fn language_warning(lines: &[Line<'_>], given: Language) -> Option<Warning> {
    let (cyrillic, latin) = letters(lines);
    let (other, script) = match given {
        Language::En => (cyrillic, "Cyrillic"),
        Language::Ru => (latin, "Latin"),
    };
    let all = cyrillic + latin;
    (other * 2 > all).then(|| Warning {
        line: None,
        kind: WarningKind::Language,
        message: format!(
            "--lang {}, but {}% of its letters are {script}; read as {} all the same",
            given.code(),
            other * 100 / all,
            given.code()
        ),
    })
}

/// Builds the meeting and its audit from decoded text. `id` is the file stem, `path` the path as given.
pub fn parse_text(
    id: &str,
    path: &str,
    text: &str,
    encoding: &'static str,
    options: &ReadOptions,
) -> (Meeting, Audit, Vec<Warning>) {
    let content = content_lines(text);
    let mut warnings = Vec::new();
    markup_warnings(&content, &mut warnings);
    let lines = content.lines;
    warnings.extend(options.language.and_then(|l| language_warning(&lines, l)));
    let mut audit = Audit {
        file: path.to_string(),
        lines: lines.len() + content.markup_only.len(),
        unclassified: content.markup_only.len(),
        ..Audit::default()
    };
    let mut meeting = Meeting {
        id: id.to_string(),
        path: path.to_string(),
        title: None,
        date: None,
        time: None,
        place: None,
        source: None,
        language: options.language.unwrap_or_else(|| detect_language(&lines)),
        encoding,
        format: "text",
        attributes: Vec::new(),
        blocks: Vec::new(),
    };

    // Header: [title] date [place].
    let start = read_header(id, &lines, &mut meeting, &mut warnings);
    audit.metadata += start;

    // Footer: the source URL.
    let end = read_footer(&lines, start, &mut meeting, &mut audit);

    let body = &lines[start..end];
    read_blocks(
        body,
        options,
        &mut meeting.blocks,
        &mut audit,
        &mut warnings,
    );
    (meeting, audit, warnings)
}

/// Reads the body's blocks: as a transcript when its labels make one (see the module docs), else as narration, with
/// a warning naming the label-like lines that were not taken as labels.
fn read_blocks(
    body: &[Line<'_>],
    options: &ReadOptions,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
    warnings: &mut Vec<Warning>,
) {
    // Which body lines are labels, and strong ones (parsed once here; the body reader reparses only those).
    let mut is_label: Vec<Option<bool>> = body
        .iter()
        .map(|(_, l)| parse_label(l).map(|x| x.strong))
        .collect();
    drop_name_lists(body, &mut is_label);
    let labels: Vec<(usize, bool)> = body
        .iter()
        .zip(&is_label)
        .filter_map(|((n, _), s)| s.map(|strong| (*n, strong)))
        .collect();
    let strong = labels.iter().any(|&(_, s)| s);
    let dense = labels.len() >= 2 && labels.len() * 100 >= body.len() * MIN_WEAK_LABEL_PERCENT;
    let is_transcript = !labels.is_empty() && (strong || dense);
    if !labels.is_empty() && !is_transcript {
        let lines: Vec<String> = labels.iter().take(5).map(|(n, _)| n.to_string()).collect();
        let more = if labels.len() > 5 { ", …" } else { "" };
        warnings.push(Warning {
            line: Some(labels[0].0),
            kind: WarningKind::Narration,
            message: format!(
                "{} label-like line(s) without initials (lines {}{more}), {:.2}% of {} lines: too few for a transcript; read as narration",
                labels.len(),
                lines.join(", "),
                100.0 * labels.len() as f64 / body.len() as f64,
                body.len()
            ),
        });
    }
    if is_transcript {
        read_body(body, &is_label, blocks, audit, warnings);
    } else {
        read_narration(body, options, blocks, audit);
    }
}

/// Whether the text after a label's colon is only a person's name (`Dmitry Patrushev`, `Дмитрий Патрушев.`): two to
/// five capitalised words (or particles, initials), and no other punctuation than a final `.`, `,` or `;`.
fn only_a_name(rest: &str) -> bool {
    let rest = rest.trim().trim_end_matches(['.', ',', ';']);
    let words: Vec<&str> = rest.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && rest.len() <= 80
        && words.iter().all(|w| {
            let lead = w.chars().next().is_some_and(char::is_uppercase);
            let clean = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'));
            clean
                && (lead
                    || matches!(
                        *w,
                        "al" | "bin" | "ibn" | "de" | "da" | "van" | "von" | "фон" | "ибн"
                    ))
        })
}

/// Label lines of a list of names (`Minister of Agriculture: Dmitry Patrushev`, then `Minister of Finance: Anton
/// Siluanov`: a list of nominations or of a delegation) are not turns: two or more lines in a row whose labels are
/// followed by a name only. Explicit labels (`**…**:`) stay labels.
fn drop_name_lists(body: &[Line<'_>], is_label: &mut [Option<bool>]) {
    let listed: Vec<bool> = body
        .iter()
        .zip(is_label.iter())
        .map(|((_, line), label)| {
            label.is_some()
                && !line.starts_with("**")
                && parse_label(line).is_some_and(|l| only_a_name(l.rest))
        })
        .collect();
    let mut k = 0;
    while k < listed.len() {
        let run = listed[k..].iter().take_while(|&&l| l).count();
        if run >= 2 {
            is_label[k..k + run].iter_mut().for_each(|l| *l = None);
        }
        k += run.max(1);
    }
}

fn read_narration(
    body: &[Line<'_>],
    options: &ReadOptions,
    blocks: &mut Vec<Block>,
    audit: &mut Audit,
) {
    let (separators, text): (Vec<_>, Vec<_>) =
        body.iter().partition(|(_, l)| SEPARATOR.is_match(l));
    audit.separators += separators.len();
    match &options.narrator {
        Some(name) if !text.is_empty() => {
            audit.turn_lines += text.len();
            blocks.push(Block::Turn(Turn {
                line: text[0].0,
                label: name.clone(),
                name: name.clone(),
                remark: None,
                speaker: name.clone(),
                interpreted: false,
                resumed: false,
                paragraphs: text.iter().map(|(n, l)| split_paragraph(*n, l)).collect(),
                attributes: Vec::new(),
                language: None,
            }));
        }
        _ => {
            for (n, l) in body {
                if SEPARATOR.is_match(l) {
                    blocks.push(Block::Separator { line: *n });
                } else {
                    audit.lead += 1;
                    blocks.push(Block::Lead {
                        line: *n,
                        text: l.to_string(),
                    });
                }
            }
        }
    }
}

/// Test helper: the speaker and spoken paragraphs of each turn.
#[cfg(test)]
fn turn_texts(m: &Meeting) -> Vec<(String, Vec<String>)> {
    m.turns()
        .map(|t| {
            (
                t.speaker.clone(),
                t.paragraphs.iter().map(|p| p.spoken.clone()).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::transcript::header::header_date;

    fn read(text: &str) -> (Meeting, Audit, Vec<Warning>) {
        parse_text(
            "2024-01-02_x",
            "x.txt",
            text,
            "UTF-8",
            &ReadOptions::default(),
        )
    }

    proptest::proptest! {
        #[test]
        fn letters_counted_on_bytes_are_the_characters_letters(
            text in "[a-zA-Zа-яА-ЯёЁіїґ\u{0400}-\u{04FF}\u{0500}-\u{052F}é€ñ0-9 .,\n@\\[`{^_\u{00C0}-\u{00FF}]{0,40}"
        ) {
            let lines: Vec<Line<'_>> = text
                .lines()
                .enumerate()
                .map(|(i, l)| (i, std::borrow::Cow::Borrowed(l)))
                .collect();
            let (mut cyrillic, mut latin) = (0, 0);
            for ch in text.chars() {
                cyrillic += usize::from(crate::lang::is_cyrillic(ch));
                latin += usize::from(ch.is_ascii_alphabetic());
            }
            proptest::prop_assert_eq!(letters(&lines), (cyrillic, latin));
        }
    }

    const SAMPLE: &str = "\nЗаголовок встречи\n\n\n2024-05-06 12:30:00\n\nМосква, Кремль\n\nВступление.\n* * *\nНачало встречи\nВ.Путин: Добрый день!\nПродолжение [вставка].\nИ.Иванов (как переведено): Спасибо.\n&lt;…&gt;\n\n\n\nhttp://kremlin.ru/events/1";

    #[test]
    fn header_body_and_footer() {
        let (m, audit, warnings) = read(SAMPLE);
        assert!(warnings.is_empty());
        assert_eq!(m.title.as_deref(), Some("Заголовок встречи"));
        assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2024-05-06"));
        assert_eq!(m.time.as_deref(), Some("12:30:00"));
        assert_eq!(m.place.as_deref(), Some("Москва, Кремль"));
        assert_eq!(m.source.as_deref(), Some("http://kremlin.ru/events/1"));
        assert_eq!(m.headings().collect::<Vec<_>>(), ["Начало встречи"]);
        assert_eq!(
            turn_texts(&m),
            [
                (
                    "В.Путин".to_string(),
                    vec!["Добрый день!".to_string(), "Продолжение.".to_string()]
                ),
                ("И.Иванов".to_string(), vec!["Спасибо.".to_string()]),
            ]
        );
        assert!(m.turns().nth(1).unwrap().interpreted);
        assert_eq!(
            audit,
            Audit {
                file: "x.txt".into(),
                lines: 11,
                metadata: 4,
                lead: 1,
                headings: 1,
                separators: 1,
                turn_lines: 3,
                elisions: 1,
                unclassified: 0
            }
        );
    }

    #[test]
    fn a_script_never_closed_hides_only_the_rest_of_its_line_and_plain_text_keeps_its_brackets() {
        let text = "В.Путин: Начнём <script>alert(1)\nА.Лукашенко: Да.\n<!-- и комментарий\nВ.Путин: Нет.<br>\n";
        let (m, audit, warnings) = read(text);
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", vec!["Начнём"]),
                ("А.Лукашенко", vec!["Да."]),
                ("В.Путин", vec!["Нет."]),
            ]
            .map(|(s, p)| (s.to_string(), p.iter().map(|p| p.to_string()).collect()))
        );
        assert_eq!(
            (audit.lines, audit.turn_lines, audit.unclassified),
            (4, 3, 1)
        );
        assert_eq!(warnings[0].line, Some(3));
        assert_eq!(
            warnings[0].message,
            "unclassified line (markup): <!-- и комментарий"
        );
        // No closing tag, `<br>` or doctype: nothing is markup.
        let plain = "В.Путин: вариант <A> или <B>, журнал <<Time>>, a<b и b>c.\n";
        let (m, _, warnings) = read(plain);
        assert_eq!(
            m.turns().next().unwrap().paragraphs[0].spoken,
            "вариант <A> или <B>, журнал <<Time>>, a<b и b>c."
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_byte_order_mark_or_zero_width_space_does_not_hide_a_label() {
        let text = "\u{FEFF}В.Путин: Первый.\n\u{FEFF}А.Лукашенко: Второй.\u{200B}\n\u{200B}\u{200E}В.Путин: Третий.\n\u{2060}\u{FEFF}\n";
        let (m, audit, _) = read(text);
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", "Первый."),
                ("А.Лукашенко", "Второй."),
                ("В.Путин", "Третий.")
            ]
            .map(|(s, p)| (s.to_string(), vec![p.to_string()]))
        );
        assert_eq!((audit.lines, audit.turn_lines), (3, 3));
    }

    #[test]
    fn header_dates_as_the_page_shows_them() {
        for (line, date, time) in [
            ("2022-11-28 13:00:00", "2022-11-28", Some("13:00:00")),
            ("28 ноября 2022 года, 13:00", "2022-11-28", Some("13:00")),
            ("28 ноября 2022 года 13:00", "2022-11-28", Some("13:00")),
            ("1 Мая 2025 г.", "2025-05-01", None),
            ("November 28, 2022, 13:00", "2022-11-28", Some("13:00")),
            ("28 Nov 2022", "2022-11-28", None),
            ("28.11.2022 13:00", "2022-11-28", Some("13:00")),
        ] {
            let (m, audit, warnings) = read(&format!(
                "Переговоры\n{line}\nМосква, Кремль\nВ.Путин: Да.\n"
            ));
            assert_eq!(m.title.as_deref(), Some("Переговоры"), "{line}");
            assert_eq!(
                (m.date.map(|d| d.to_string()).as_deref(), m.time.as_deref()),
                (Some(date), time),
                "{line}"
            );
            assert_eq!(m.place.as_deref(), Some("Москва, Кремль"), "{line}");
            assert_eq!(audit.metadata, 3, "{line}");
            assert!(warnings.is_empty(), "{line}: {warnings:?}");
        }
        // A date that does not exist is named; a month that is not one makes no date line.
        let (m, _, warnings) = read("Переговоры\n30 февраля 2025 года\nВ.Путин: Да.\n");
        assert_eq!(m.date, None);
        assert_eq!(
            warnings[0].message,
            "invalid date '2025-02-30' in the header; date left empty"
        );
        assert_eq!(header_date("28 брюмера 2022"), None);
    }

    #[test]
    fn a_label_alone_on_its_line_takes_the_next_lines() {
        let (m, audit, _) =
            read("В.Путин:\nДобрый день.\nА.Лукашенко:\n\nЗдравствуйте.\nВ.Путин:\n");
        assert_eq!(
            turn_texts(&m),
            [
                ("В.Путин", vec!["Добрый день."]),
                ("А.Лукашенко", vec!["Здравствуйте."]),
                ("В.Путин", vec![]),
            ]
            .map(|(s, p)| (s.to_string(), p.iter().map(|p| p.to_string()).collect()))
        );
        assert_eq!((audit.lines, audit.turn_lines), (5, 5));
    }

    #[test]
    fn crlf_lone_cr_bom_free_and_entities() {
        let text = SAMPLE
            .replace('\n', "\r\n")
            .replace("Вступление.", "Вступление &amp; &quot;лид&quot;&#33;");
        let (m, audit, _) = read(&text);
        assert_eq!(audit.lines, 11);
        assert!(
            matches!(&m.blocks[0], Block::Lead { text, .. } if text == "Вступление & \"лид\"!")
        );
        let (m2, _, _) = read(&SAMPLE.replace('\n', "\r"));
        assert_eq!(m2.turns().count(), 2);
    }

    #[test]
    fn elision_then_unlabelled_paragraph_resumes_the_speaker() {
        let (m, _, _) = read("В.Путин: Раз.\n<…>\nДва.\nА.Б: нет");
        let turns: Vec<_> = m.turns().collect();
        assert_eq!(turns.len(), 3);
        assert!(turns[1].resumed);
        assert_eq!(turns[1].paragraphs[0].spoken, "Два.");
        assert_eq!(turns[1].speaker, "В.Путин");
    }

    #[test]
    fn narration_without_labels() {
        let text = "Глава I\n\nБыл вечер. Достаточно сказать: тишина.\n* * *\nГлава II\nУтро.";
        let (m, audit, _) = read(text);
        assert_eq!(m.turns().count(), 0);
        assert_eq!(audit.lead, 4);
        assert_eq!(audit.separators, 1);
        assert_eq!(
            m.date.map(|d| d.to_string()).as_deref(),
            Some("2024-01-02"),
            "date from the file stem"
        );
        let options = ReadOptions {
            narrator: Some("Толстой".into()),
            ..ReadOptions::default()
        };
        let (m, audit, _) = parse_text("x", "x", text, "UTF-8", &options);
        assert_eq!(m.turns().count(), 1);
        assert_eq!(audit.turn_lines, 4);
        assert_eq!(audit.separators, 1);
        assert_eq!(m.turns().next().unwrap().speaker, "Толстой");
    }

    #[test]
    fn prose_with_a_label_shaped_sentence_stays_narration() {
        let mut text = String::from("Глава первая\n");
        for i in 0..60 {
            text.push_str(&format!("Абзац {i} о том, как прошёл день.\n"));
        }
        text.push_str("Ответила Наташа: «Нет, не пойду».\nИ ушла.\n");
        let (m, audit, warnings) = read(&text);
        assert_eq!(m.turns().count(), 0);
        assert_eq!(audit.lead, 63);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .message
                .starts_with("1 label-like line(s) without initials (lines 62)"),
            "{}",
            warnings[0].message
        );
        let (m, _, _) = read("Президент подписал Указ.\nТекст Указа: 1. Освободить от должности.");
        assert_eq!(m.turns().count(), 0, "one weak label is not a transcript");
        // The same weak labels dense enough, or one strong label, make a transcript.
        let (m, _, _) = read("Патриарх Кирилл: Спасибо.\nВопрос: Как?\nПатриарх Кирилл: Так.");
        assert_eq!(m.turns().count(), 3);
        let (m, _, _) = read(&format!("{text}В.Путин: Да."));
        assert_eq!(m.turns().count(), 2);
    }

    #[test]
    fn markup_is_unclassified_and_reported() {
        let (_, audit, warnings) = read("В.Путин: Да.\n<div class=\"x\">\nНет.");
        assert_eq!(audit.unclassified, 1);
        assert_eq!(warnings[0].line, Some(2));
    }

    #[test]
    fn language_is_detected() {
        assert_eq!(read(SAMPLE).0.language, Language::Ru);
        assert_eq!(
            read("Question: How are you?\nVladimir Putin: Fine.")
                .0
                .language,
            Language::En
        );
    }
}
