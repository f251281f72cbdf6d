//! The metadata around a transcript's body: the header — title, date line, place — at the top and the source URL
//! at the bottom (the kremlin.ru layout, see [`super::reader`]). The date line is `YYYY-MM-DD HH:MM:SS` or a date
//! as the page shows it when copied by hand (`28 ноября 2022 года, 13:00`, `November 28, 2022`, `28.11.2022`); a
//! file without one takes its date from a `YYYY-MM-DD` at the start of its name. Kept apart from the body rules
//! because it is its own small grammar of dates and month names.

use std::sync::LazyLock;

use regex::Regex;

use super::audit::Audit;
use super::label::parse_label;
use super::layout::{ends_like_a_sentence, SEPARATOR};
use super::lines::Line;
use super::model::Meeting;
use super::warning::{Warning, WarningKind};

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2})?))?$")
        .expect("valid date pattern")
});
/// The date line as the kremlin.ru page shows it when copied by hand: `28 ноября 2022 года, 13:00`,
/// `November 28, 2022, 13:00`, `28 November 2022`, `28.11.2022 13:00`.
static WORDY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?P<d1>\d{1,2})\s+(?P<m1>[а-яё]+|[a-z]+)\s+(?P<y1>\d{4})(?:\s+года|\s+г\.)?
          | (?P<m2>[a-z]+)\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})
          | (?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})
        )(?:,?\s+(?P<t>\d{1,2}:\d{2}(?::\d{2})?))?$",
    )
    .expect("valid wordy date pattern")
});

/// The month number of a Russian month name in the genitive (`ноября`) or an English one (`November`, `Nov`).
fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let russian = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    if let Some(i) = russian.iter().position(|m| *m == name) {
        return Some(i as u32 + 1);
    }
    let english = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    english
        .iter()
        .position(|m| *m == name || (name.len() == 3 && m.starts_with(name.as_str())))
        .map(|i| i as u32 + 1)
}

/// A header date line: `(YYYY-MM-DD, time)` from the ISO form or a wordy one ([`WORDY_DATE`]). The date may be
/// invalid (`2025-02-30`); the caller checks.
pub(super) fn header_date(line: &str) -> Option<(String, Option<String>)> {
    if let Some(caps) = DATE_LINE.captures(line) {
        return Some((
            caps[1].to_string(),
            caps.get(2).map(|m| m.as_str().to_string()),
        ));
    }
    let caps = WORDY_DATE.captures(line)?;
    let get = |names: [&str; 3]| names.iter().find_map(|n| caps.name(n)).map(|m| m.as_str());
    let (day, month, year) = (
        get(["d1", "d2", "d3"])?,
        get(["m1", "m2", "m3"])?,
        get(["y1", "y2", "y3"])?,
    );
    let month = match month.parse::<u32>() {
        Ok(m) => m,
        Err(_) => month_number(month)?,
    };
    let day: u32 = day.parse().ok()?;
    Some((
        format!("{year}-{month:02}-{day:02}"),
        caps.name("t").map(|m| m.as_str().to_string()),
    ))
}

static STEM_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4}-\d{2}-\d{2})").expect("valid stem date pattern"));
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^https?://\S+$").expect("valid url pattern"));

/// The day `YYYY-MM-DD` names, if it exists.
fn parse_date(date: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Reads the header — `[title] date [place]`, the date line first or second — into `meeting`, with a warning for a
/// date that does not exist; without a date line, the date comes from the file stem `id`. Returns the number of
/// header lines.
pub(super) fn read_header(
    id: &str,
    lines: &[Line<'_>],
    meeting: &mut Meeting,
    warnings: &mut Vec<Warning>,
) -> usize {
    let mut start = 0;
    let date_at =
        (0..lines.len().min(2)).find_map(|i| header_date(&lines[i].1).map(|date| (i, date)));
    if let Some((i, (date, time))) = &date_at {
        let i = *i;
        // A date line second makes the first line the title, even one shaped like a label (`The Arctic: Territory of
        // Dialogue`); only a label with initials (`В.Путин: …`) would be a turn before the date.
        if i == 1 && parse_label(&lines[0].1).is_none_or(|l| !l.name.contains('.')) {
            meeting.title = Some(lines[0].1.to_string());
        }
        if i == 0 || meeting.title.is_some() {
            if let Some(date) = parse_date(date) {
                meeting.date = Some(date);
                meeting.time = time.clone();
            } else {
                warnings.push(Warning {
                    line: Some(lines[i].0),
                    kind: WarningKind::Date,
                    message: format!("invalid date '{date}' in the header; date left empty"),
                });
            }
            start = i + 1;
            if let Some((_, place)) = lines.get(start) {
                if is_place(place) {
                    meeting.place = Some(place.to_string());
                    start += 1;
                }
            }
        }
    }
    if meeting.date.is_none() && date_at.is_none() {
        meeting.date = STEM_DATE.captures(id).and_then(|c| parse_date(&c[1]));
    }
    start
}

/// Whether the line after the date is a place: short, without the punctuation that ends a sentence (a closing
/// parenthesis after a name is allowed: `Pratica di Mare (Italian Air Force Base)`), and neither a label, a
/// separator nor a URL (a page with nothing between its date and its source URL has no place).
fn is_place(line: &str) -> bool {
    let named_parenthesis = line.ends_with(')') && line.find(" (").is_some_and(|i| i > 0);
    line.chars().count() <= 100
        && (!ends_like_a_sentence(line) || named_parenthesis)
        && parse_label(line).is_none()
        && !SEPARATOR.is_match(line)
        && !URL_LINE.is_match(line)
}

/// Reads the source URL from the last line, if it comes after the `start` header lines; returns where the body
/// ends.
pub(super) fn read_footer(
    lines: &[Line<'_>],
    start: usize,
    meeting: &mut Meeting,
    audit: &mut Audit,
) -> usize {
    let mut end = lines.len();
    if end > start && URL_LINE.is_match(&lines[end - 1].1) {
        meeting.source = Some(lines[end - 1].1.to_string());
        audit.metadata += 1;
        end -= 1;
    }
    end
}
