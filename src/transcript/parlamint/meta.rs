//! The meta file of a ParlaMint sitting (`…-meta.tsv`): a header row, then one row per utterance, tab-separated,
//! without quoting (values hold `"`). Its first row gives the sitting's title, date and attributes (`body`, `term`,
//! `session`, `meeting`, `sitting`, `subcorpus`); each row gives its utterance's speaker and the turn's attributes.
//!
//! **Speakers.** ParlaMint writes `Surname, Forenames` (`Kinnock, Stephen Nathan`); the speaker is made
//! `Forenames Surname` (`Stephen Nathan Kinnock`), the order in which the other readers' names are written, so that
//! the speaker resolver reads it as a name and not as a role after a comma. `-` (no metadata) is
//! [`super::UNKNOWN_SPEAKER`].
//!
//! **Attributes** keep the column's values as given (in the corpus' language: `Opposition`, `головуючий`); `-`
//! (unknown or not applicable) leaves the attribute out. Columns are found by name, in any case and order, so the
//! 23 columns before 5.0 and the 24 of 5.0 (with `Topic`) read alike, and a column of a later version becomes an
//! attribute under its own name in lowercase.
//!
//! **Where it is**: beside the text (`X.txt` → `X-meta.tsv`), or in the year folder of the same name
//! (`ParlaMint-GB/X.txt` → `ParlaMint-GB/2017/X-meta.tsv`), as in the older layout of the samples.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::super::model::LanguageCode;
use super::super::source::{decode_named, read_bounded, ReadError};
use super::super::warning::{Warning, WarningKind};
use super::UNKNOWN_SPEAKER;

/// Columns that describe the sitting, read from the first row: (column, attribute).
const SITTING: [(&str, &str); 6] = [
    ("body", "body"),
    ("term", "term"),
    ("session", "session"),
    ("meeting", "meeting"),
    ("sitting", "sitting"),
    ("subcorpus", "subcorpus"),
];

/// Columns that describe the speaker or the utterance: (column, attribute), in the order of the attributes.
const UTTERANCE: [(&str, &str); 12] = [
    ("speaker_party", "party"),
    ("speaker_party_name", "party_name"),
    ("party_status", "party_status"),
    ("party_orientation", "party_orientation"),
    ("speaker_gender", "gender"),
    ("speaker_birth", "birth"),
    ("speaker_role", "role"),
    ("speaker_mp", "mp"),
    ("speaker_minister", "minister"),
    ("speaker_id", "speaker_id"),
    ("agenda", "agenda"),
    ("topic", "topic"),
];

/// Columns read for something other than an attribute.
const OTHER: [&str; 6] = ["text_id", "id", "title", "date", "lang", "speaker_name"];

/// Columns without which the file is not read.
const REQUIRED: [&str; 2] = ["id", "speaker_name"];

/// The most rows whose problems are told one by one; the rest are told as a count.
const TOLD: usize = 10;

/// What the meta file says of one utterance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    /// The speaker, `Forenames Surname`, or [`UNKNOWN_SPEAKER`].
    pub speaker: String,
    /// The turn's attributes.
    pub attributes: Vec<(String, String)>,
    /// The language of the utterance (`Lang`), when it names one.
    pub language: Option<LanguageCode>,
}

/// A meta file, read.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The file, as shown in messages.
    pub path: String,
    /// The sitting's title (`Title` of the first row).
    pub title: Option<String>,
    /// The sitting's date (`Date` of the first row).
    pub date: Option<NaiveDate>,
    /// The sitting's attributes.
    pub attributes: Vec<(String, String)>,
    utterances: HashMap<String, Utterance>,
}

impl Meta {
    /// What the file says of the utterance `id`.
    pub fn utterance(&self, id: &str) -> Option<&Utterance> {
        self.utterances.get(id)
    }
}

/// Where the meta file of the sitting `id` held by `path` may be: beside it, then in the year folder of the same
/// name.
pub fn meta_paths(path: &Path, id: &str) -> Vec<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let name = format!("{id}-meta.tsv");
    let mut out = vec![dir.join(&name)];
    if let Some(year) = id.split_once('_').and_then(|(_, s)| s.get(..4)) {
        if year.bytes().all(|b| b.is_ascii_digit()) {
            out.push(dir.join(year).join(&name));
        }
    }
    out
}

/// The first of [`meta_paths`] that is a file.
pub fn find_meta(path: &Path, id: &str) -> Option<PathBuf> {
    meta_paths(path, id).into_iter().find(|p| p.is_file())
}

/// Reads the meta file at `path`; `language` is the corpus' language, for rows whose `Lang` names none.
pub fn read_meta(
    path: &Path,
    language: Option<LanguageCode>,
) -> Result<(Meta, Vec<Warning>), ReadError> {
    let shown = path.to_string_lossy().into_owned();
    let bytes = read_bounded(path)?;
    let decoded = decode_named(&shown, &bytes)?;
    parse_meta(&shown, &decoded.text, language)
}

/// `Surname, Forenames` as `Forenames Surname`; a name without a comma as it is; `-` or nothing as
/// [`UNKNOWN_SPEAKER`].
pub fn speaker_name(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() || name == "-" {
        return UNKNOWN_SPEAKER.to_string();
    }
    let joined = match name.split_once(',') {
        Some((surname, forenames)) if !forenames.trim().is_empty() => {
            format!("{} {}", forenames.trim(), surname.trim())
        }
        _ => name.trim_end_matches(',').to_string(),
    };
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The language a `Lang` value names: its name in English or in a ParlaMint corpus' language (`English`,
/// `Українська`, `български`), or a code (`uk`); the first of several (`Українська, Російська`).
pub fn language_of(value: &str) -> Option<LanguageCode> {
    let first = value.split([',', ';']).next().unwrap_or("").trim();
    let lower = first.to_lowercase();
    LANGUAGE_NAMES
        .iter()
        .find(|(_, names)| names.contains(&lower.as_str()))
        .and_then(|(code, _)| LanguageCode::parse(code))
        .or_else(|| LanguageCode::parse(first))
}

/// Names of languages in ParlaMint meta files, lowercase: in English, in the language itself, in its neighbours.
const LANGUAGE_NAMES: [(&str, &[&str]); 4] = [
    ("en", &["english", "англійська", "английски", "английский"]),
    (
        "uk",
        &["ukrainian", "українська", "украински", "украинский"],
    ),
    (
        "bg",
        &["bulgarian", "български", "болгарська", "болгарский"],
    ),
    ("ru", &["russian", "русский", "російська", "руски"]),
];

/// Reads a meta file's text; `path` names it in messages.
pub fn parse_meta(
    path: &str,
    text: &str,
    language: Option<LanguageCode>,
) -> Result<(Meta, Vec<Warning>), ReadError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let header: Vec<String> = match lines.next() {
        Some((_, header)) => header
            .trim_start_matches('\u{feff}')
            .split('\t')
            .map(|c| c.trim().to_lowercase())
            .collect(),
        None => Vec::new(),
    };
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|r| !header.iter().any(|h| h == *r))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(ReadError::MetaColumns {
            path: path.to_string(),
            missing: missing
                .iter()
                .map(|m| column_name(m))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let column = |name: &str| header.iter().position(|h| h == name);
    let mut meta = Meta {
        path: path.to_string(),
        ..Meta::default()
    };
    let mut problems = Problems::default();
    for (i, line) in lines {
        let number = i + 1;
        let mut fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if fields.len() != header.len() {
            problems.fields(path, number, fields.len(), header.len());
            repair(&mut fields, header.len());
        }
        let get = |name: &str| {
            column(name)
                .and_then(|c| fields.get(c))
                .map(|v| v.trim())
                .filter(|v| !v.is_empty() && *v != "-")
        };
        let Some(id) = get("id") else {
            problems.tell(format!(
                "{path}:{number}: a row without an utterance id; left out"
            ));
            continue;
        };
        if meta.utterances.is_empty() {
            sitting(&mut meta, &get, path, number, &mut problems);
        }
        if meta.utterances.contains_key(id) {
            problems.tell(format!(
                "{path}:{number}: utterance {id} listed again; the first row is kept"
            ));
            continue;
        }
        let mut attributes: Vec<(String, String)> = UTTERANCE
            .iter()
            .filter_map(|(c, a)| get(c).map(|v| (a.to_string(), v.to_string())))
            .collect();
        // A column of a later version of the format: an attribute under its own name.
        for (c, name) in header.iter().enumerate() {
            let known = OTHER.contains(&name.as_str())
                || SITTING.iter().any(|(s, _)| s == name)
                || UTTERANCE.iter().any(|(u, _)| u == name);
            if let Some(v) = fields.get(c).map(|v| v.trim()) {
                if !known && !name.is_empty() && !v.is_empty() && v != "-" {
                    attributes.push((name.clone(), v.to_string()));
                }
            }
        }
        let utterance = Utterance {
            speaker: speaker_name(get("speaker_name").unwrap_or("-")),
            attributes,
            language: get("lang").and_then(language_of).or(language),
        };
        meta.utterances.insert(id.to_string(), utterance);
    }
    Ok((meta, problems.into_warnings()))
}

/// The column as the format writes it (`Speaker_name`), for messages.
fn column_name(lower: &str) -> String {
    match lower {
        "id" => "ID".to_string(),
        _ => lower
            .split('_')
            .enumerate()
            .map(|(i, w)| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) if i == 0 => f.to_uppercase().chain(c).collect(),
                    _ => w.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join("_"),
    }
}

/// The sitting's title, date and attributes, from its first row.
fn sitting<'a>(
    meta: &mut Meta,
    get: &impl Fn(&str) -> Option<&'a str>,
    path: &str,
    number: usize,
    problems: &mut Problems,
) {
    meta.title = get("title").map(str::to_string);
    if let Some(date) = get("date") {
        meta.date = super::date_at_start(date);
        if meta.date.is_none() {
            problems.tell(format!(
                "{path}:{number}: '{date}' is not a date (YYYY-MM-DD); the date is taken from the file name"
            ));
        }
    }
    meta.attributes = SITTING
        .iter()
        .filter_map(|(c, a)| get(c).map(|v| (a.to_string(), v.to_string())))
        .collect();
}

/// A row with one field too few whose last field is `-` run together with the next (`-Други`: `Speaker_birth` and
/// `Topic` without the tab between them, a quirk of ParlaMint-BG) is split; other rows are padded or cut to the
/// header's length.
fn repair(fields: &mut Vec<&str>, len: usize) {
    if fields.len() + 1 == len {
        if let Some(last) = fields.last().copied() {
            if last.len() > 1 && last.starts_with('-') {
                let n = fields.len();
                fields[n - 1] = "-";
                fields.push(&last[1..]);
                return;
            }
        }
    }
    fields.resize(len, "");
}

/// Problems of a meta file's rows: the first few told one by one, the rest counted.
#[derive(Default)]
struct Problems {
    told: Vec<String>,
    more: usize,
}

impl Problems {
    fn tell(&mut self, message: String) {
        if self.told.len() < TOLD {
            self.told.push(message);
        } else {
            self.more += 1;
        }
    }

    fn fields(&mut self, path: &str, line: usize, found: usize, header: usize) {
        self.tell(format!(
            "{path}:{line}: {found} fields where the header has {header}; the missing ones are taken as unknown"
        ));
    }

    fn into_warnings(self) -> Vec<Warning> {
        let mut out: Vec<Warning> = self
            .told
            .into_iter()
            .map(|message| Warning {
                line: None,
                kind: WarningKind::ParlaMint,
                message,
            })
            .collect();
        if self.more > 0 {
            out.push(Warning {
                line: None,
                kind: WarningKind::ParlaMint,
                message: format!("{} more problems in the meta file", self.more),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Text_ID\tID\tTitle\tDate\tBody\tTerm\tSession\tMeeting\tSitting\tAgenda\tSubcorpus\tLang\t\
        Speaker_role\tSpeaker_MP\tSpeaker_minister\tSpeaker_party\tSpeaker_party_name\tParty_status\t\
        Party_orientation\tSpeaker_ID\tSpeaker_name\tSpeaker_gender\tSpeaker_birth\tTopic";

    fn row(id: &str, name: &str, last: &str) -> String {
        format!(
            "S\t{id}\tMinutes\t2017-09-07\tLower house\t57\t-\t2017-09-07\t2017-09-07\t-\tReference\tEnglish\t\
             Regular\tMP\tnotMinister\tLAB\tLabour\tOpposition\tCentre-left\tStephenKinnock\t{name}\tM\t{last}"
        )
    }

    #[test]
    fn rows_give_speakers_and_attributes_and_the_first_row_the_sitting() {
        let text = format!(
            "{HEADER}\n{}\n{}\n",
            row("S.u1", "Kinnock, Stephen Nathan", "1970\tInternational"),
            row("S.u2", "-", "-\t-")
        );
        let (meta, warnings) = parse_meta("m.tsv", &text, None).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(meta.title.as_deref(), Some("Minutes"));
        assert_eq!(meta.date, NaiveDate::from_ymd_opt(2017, 9, 7));
        let names: Vec<&str> = meta.attributes.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["body", "term", "meeting", "sitting", "subcorpus"]);
        let u1 = meta.utterance("S.u1").unwrap();
        assert_eq!(u1.speaker, "Stephen Nathan Kinnock");
        assert_eq!(u1.language, LanguageCode::parse("en"));
        let attribute = |n: &str| {
            u1.attributes
                .iter()
                .find(|(a, _)| a == n)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(attribute("party"), Some("LAB"));
        assert_eq!(attribute("party_status"), Some("Opposition"));
        assert_eq!(attribute("birth"), Some("1970"));
        assert_eq!(attribute("topic"), Some("International"));
        assert_eq!(attribute("agenda"), None, "'-' is no value");
        assert_eq!(meta.utterance("S.u2").unwrap().speaker, UNKNOWN_SPEAKER);
    }

    #[test]
    fn a_row_with_birth_and_topic_run_together_is_split_with_a_warning() {
        let text = format!("{HEADER}\n{}\n", row("S.u110", "-", "-Други"));
        let (meta, warnings) = parse_meta("m.tsv", &text, None).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0]
            .message
            .starts_with("m.tsv:2: 23 fields where the header has 24"));
        let u = meta.utterance("S.u110").unwrap();
        assert!(u
            .attributes
            .contains(&("topic".to_string(), "Други".to_string())));
        assert!(!u.attributes.iter().any(|(a, _)| a == "birth"));
    }

    #[test]
    fn missing_columns_are_an_error_and_unknown_columns_attributes() {
        let err = parse_meta("m.tsv", "Text_ID\tTitle\nx\ty\n", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.tsv:1: the ParlaMint meta file lacks the column(s) ID, Speaker_name; not read"
        );
        assert!(parse_meta("m.tsv", "", None).is_err());
        let (meta, _) = parse_meta(
            "m.tsv",
            "ID\tSpeaker_name\tSentiment\nu1\tA, B\t0.5\n",
            LanguageCode::parse("uk"),
        )
        .unwrap();
        let u = meta.utterance("u1").unwrap();
        assert_eq!(u.attributes, [("sentiment".to_string(), "0.5".to_string())]);
        assert_eq!(u.language, LanguageCode::parse("uk"));
    }

    #[test]
    fn names_and_languages_are_read_as_parlamint_writes_them() {
        assert_eq!(
            speaker_name("Яценюк, Арсеній Петрович"),
            "Арсеній Петрович Яценюк"
        );
        assert_eq!(speaker_name(" Madonna "), "Madonna");
        assert_eq!(speaker_name("Smith,"), "Smith");
        assert_eq!(speaker_name(""), UNKNOWN_SPEAKER);
        let code = |v| language_of(v).map(|c| c.to_string());
        assert_eq!(code("Українська").as_deref(), Some("uk"));
        assert_eq!(code("български").as_deref(), Some("bg"));
        assert_eq!(code("English").as_deref(), Some("en"));
        assert_eq!(code("Українська, Російська").as_deref(), Some("uk"));
        assert_eq!(code("sl").as_deref(), Some("sl"));
        assert_eq!(code("Slovenščina"), None);
    }

    #[test]
    fn the_meta_file_is_beside_the_text_or_in_its_year_folder() {
        let paths = meta_paths(
            Path::new("GB/ParlaMint-GB_2017-09-07-commons.txt"),
            "ParlaMint-GB_2017-09-07-commons",
        );
        assert_eq!(
            paths,
            [
                PathBuf::from("GB/ParlaMint-GB_2017-09-07-commons-meta.tsv"),
                PathBuf::from("GB/2017/ParlaMint-GB_2017-09-07-commons-meta.tsv")
            ]
        );
    }
}
