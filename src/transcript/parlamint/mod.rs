//! ParlaMint, CLARIN's comparable corpora of parliamentary debates, in both its forms: the plain text
//! (`ParlaMint-XX_….txt`, one utterance a line, with the `…-meta.tsv` that names each utterance's speaker) and the
//! TEI components (`ParlaMint-XX_….xml`, `<u>` utterances of `<seg>` paragraphs). Either form of a sitting is one
//! [`Meeting`]: each utterance a turn whose speaker and attributes (party, party status, orientation, gender,
//! birth, role, MP, minister, …) come from the meta file, each `<seg>` a paragraph; notes, kinesics, vocals,
//! incidents and gaps are the editors' and become annotations, counted apart from the words.
//!
//! The files are recognised by their names alone ([`is_parlamint_txt`], [`is_parlamint_tei`]); a corpus root
//! (`ParlaMint-XX.xml`, a `<teiCorpus>` that includes the sittings) is not a sitting ([`is_parlamint_root`]) and
//! is skipped. Both forms of one sitting share its id ([`sitting_id`], [`sitting_key`]), so that a corpus holding
//! both reads it once.
//!
//! - [`meta`]: the meta TSV: where it is, its columns, one utterance's speaker and attributes;
//! - [`text`]: the text of an utterance apart from the editors' notes, in either form;
//! - [`txt`]: the plain-text form;
//! - [`xml`], [`header`]: TEI elements by name, and a sitting's header;
//! - [`people`]: the corpus' list of persons, for TEI sittings without a meta file;
//! - [`tei`]: the TEI form, parsed with `roxmltree`.

pub mod header;
pub mod meta;
pub mod people;
pub mod tei;
pub mod text;
pub mod txt;
pub mod xml;

use std::path::Path;

use super::decode::Decoded;
use super::model::{Block, Language, LanguageCode, Meeting, Paragraph, Turn};
use super::options::ReadOptions;
use super::source::{decode_named, read_bounded, replaced_warnings, ReadError, ReadFile};
use super::warning::Warning;

pub use tei::read_parlamint_tei;
pub use txt::read_parlamint_txt;

/// The TEI namespace, which every ParlaMint element is in.
pub const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// The `format` of a meeting read from a ParlaMint text.
pub const FORMAT_TXT: &str = "parlamint-txt";
/// The `format` of a meeting read from a ParlaMint TEI component.
pub const FORMAT_TEI: &str = "parlamint-tei";

/// The speaker of an utterance whose speaker the source does not know (ParlaMint's `-`, a `<u>` without `who`).
pub const UNKNOWN_SPEAKER: &str = "(unknown speaker)";

/// The file name without its extension(s) (`.txt`, `.xml`, `.ana.xml`), if it names a ParlaMint sitting:
/// `ParlaMint-` and the corpus (`GB`, `ES-CT`, `UA-en`), an underscore, then the sitting (`2017-09-07-commons`).
fn stem(path: &Path) -> Option<(&str, &'static str)> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let (stem, kind) = if lower.ends_with(".ana.xml") {
        (&name[..name.len() - 8], "xml")
    } else if lower.ends_with(".xml") {
        (&name[..name.len() - 4], "xml")
    } else if lower.ends_with(".txt") {
        (&name[..name.len() - 4], "txt")
    } else {
        return None;
    };
    Some((stem, kind))
}

/// The sitting a ParlaMint file holds, by its name: `ParlaMint-GB_2017-09-07-commons` for
/// `…/ParlaMint-GB_2017-09-07-commons.txt`, `.xml` and `.ana.xml` alike; `None` for any other file (a corpus root, a
/// meta file, a list of persons).
pub fn sitting_id(path: &Path) -> Option<&str> {
    let (stem, _) = stem(path)?;
    let rest = stem.strip_prefix("ParlaMint-")?;
    let (corpus, sitting) = rest.split_once('_')?;
    let corpus_ok = !corpus.is_empty()
        && corpus
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (corpus_ok && !sitting.is_empty() && !sitting.ends_with("-meta")).then_some(stem)
}

/// Whether two paths hold the same sitting (its text and its TEI, or the TEI and its annotated `.ana.xml`).
pub fn same_sitting(a: &Path, b: &Path) -> bool {
    sitting_id(a).is_some_and(|id| sitting_id(b) == Some(id))
}

/// Whether a path names a ParlaMint sitting's plain text (`ParlaMint-XX_….txt`).
pub fn is_parlamint_txt(path: &Path) -> bool {
    sitting_id(path).is_some() && stem(path).is_some_and(|(_, kind)| kind == "txt")
}

/// Whether a path names a ParlaMint TEI sitting (`ParlaMint-XX_….xml` or `….ana.xml`).
pub fn is_parlamint_tei(path: &Path) -> bool {
    sitting_id(path).is_some() && stem(path).is_some_and(|(_, kind)| kind == "xml")
}

/// Whether a path names a ParlaMint corpus root (`ParlaMint-GB.xml`, `ParlaMint-UA-en.ana.xml`): a `<teiCorpus>`
/// that includes the sittings, not one itself.
pub fn is_parlamint_root(path: &Path) -> bool {
    stem(path).is_some_and(|(stem, kind)| {
        kind == "xml"
            && stem.strip_prefix("ParlaMint-").is_some_and(|corpus| {
                let mut parts = corpus.split('-');
                let country = parts.next().unwrap_or("");
                country.len() == 2
                    && country.bytes().all(|b| b.is_ascii_uppercase())
                    && parts.all(|p| {
                        p == "en" || (p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
                    })
            })
    })
}

/// Reads a ParlaMint file (a sitting in either form, or a corpus root, which is [`ReadError::CorpusRoot`]); `None`
/// when the path does not name one. The hook by which the file reader hands ParlaMint files here.
pub fn read_parlamint_file(
    path: &Path,
    options: &ReadOptions,
) -> Option<Result<(ReadFile, Vec<Warning>), ReadError>> {
    let read = if is_parlamint_txt(path) {
        read_parlamint_txt
    } else if is_parlamint_tei(path) {
        read_parlamint_tei
    } else if is_parlamint_root(path) {
        return Some(Err(ReadError::CorpusRoot {
            path: path.to_string_lossy().into_owned(),
        }));
    } else {
        return None;
    };
    Some(read_bounded(path).and_then(|bytes| read(path, &bytes, options)))
}

/// The key under which a ParlaMint meeting is one sitting whatever form it was read from (`parlamint
/// ParlaMint-GB_2017-09-07-commons`), with how a message shows it; `None` for a meeting of another format. Two
/// files with the same key are the same meeting: the reader of a corpus reads the first and skips the other.
pub fn sitting_key(meeting: &Meeting) -> Option<(String, String)> {
    [FORMAT_TXT, FORMAT_TEI].contains(&meeting.format).then(|| {
        (
            format!("parlamint {}", meeting.id),
            format!("ParlaMint sitting {}", meeting.id),
        )
    })
}

/// The corpus a sitting id belongs to, without `ParlaMint-` and a translation's `-en`: `GB` of
/// `ParlaMint-GB_2017-09-07-commons`, `ES-CT` of `ParlaMint-ES-CT_…`, `UA` of `ParlaMint-UA-en_…`.
pub fn country(id: &str) -> Option<&str> {
    let corpus = id.strip_prefix("ParlaMint-")?.split('_').next()?;
    Some(corpus.strip_suffix("-en").unwrap_or(corpus))
}

/// The language of a corpus' texts when the source does not say: that of the parliament (`uk` for `UA`), English
/// for a translation (`ParlaMint-UA-en_…`).
pub fn corpus_language(id: &str) -> Option<LanguageCode> {
    let corpus = id.strip_prefix("ParlaMint-")?.split('_').next()?;
    if corpus.ends_with("-en") {
        return LanguageCode::parse("en");
    }
    COUNTRY_LANGUAGES
        .iter()
        .find(|(c, _)| *c == corpus)
        .and_then(|(_, code)| LanguageCode::parse(code))
}

/// The main language of each ParlaMint parliament.
const COUNTRY_LANGUAGES: [(&str, &str); 32] = [
    ("AT", "de"),
    ("BA", "bs"),
    ("BE", "nl"),
    ("BG", "bg"),
    ("CZ", "cs"),
    ("DK", "da"),
    ("EE", "et"),
    ("ES", "es"),
    ("ES-CT", "ca"),
    ("ES-GA", "gl"),
    ("ES-PV", "eu"),
    ("FI", "fi"),
    ("FR", "fr"),
    ("GB", "en"),
    ("GR", "el"),
    ("HR", "hr"),
    ("HU", "hu"),
    ("IS", "is"),
    ("IT", "it"),
    ("LT", "lt"),
    ("LV", "lv"),
    ("NL", "nl"),
    ("NO", "no"),
    ("PL", "pl"),
    ("PT", "pt"),
    ("RO", "ro"),
    ("RS", "sr"),
    ("SE", "sv"),
    ("SI", "sl"),
    ("SK", "sk"),
    ("TR", "tr"),
    ("UA", "uk"),
];

/// The language a meeting is analysed in: `--lang` if given; else that of most turns if stenogram analyses it;
/// else by the script of most letters (Cyrillic: Russian, else English), the stand-in until the corpus counts
/// words of other languages by key.
fn meeting_language<'a>(
    options: &ReadOptions,
    codes: impl Iterator<Item = Option<LanguageCode>>,
    text: impl Iterator<Item = &'a str>,
) -> Language {
    if let Some(language) = options.language {
        return language;
    }
    let mut counts: Vec<(LanguageCode, usize)> = Vec::new();
    for code in codes.flatten() {
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some(language) = counts.first().and_then(|(c, _)| c.analysed()) {
        return language;
    }
    let (mut cyrillic, mut other) = (0usize, 0usize);
    for c in text.flat_map(str::chars).filter(|c| c.is_alphabetic()) {
        if crate::lang::is_cyrillic(c) {
            cyrillic += 1;
        } else {
            other += 1;
        }
    }
    if cyrillic > other {
        Language::Ru
    } else {
        Language::En
    }
}

/// A sitting file's text: decoded (an empty file is an error), with the warnings of its decoding.
fn decode_sitting<'a>(
    shown: &str,
    bytes: &'a [u8],
) -> Result<(Decoded<'a>, Vec<Warning>), ReadError> {
    let decoded = decode_named(shown, bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: shown.to_string(),
        });
    }
    let mut warnings = replaced_warnings(&decoded.replaced, false);
    if decoded.encoding != "UTF-8" {
        warnings.push(Warning::not_utf8(decoded.encoding));
    }
    Ok((decoded, warnings))
}

/// The sitting id of a file: by its name, else `fallback` (the TEI's `xml:id`), else its stem.
fn id_of(path: &Path, fallback: Option<&str>) -> String {
    sitting_id(path)
        .or(fallback)
        .map(str::to_string)
        .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// Where the meta file of the sitting `id` held by `path` was looked for, for a message.
fn looked_for(path: &Path, id: &str) -> String {
    let looked: Vec<String> = meta::meta_paths(path, id)
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    looked.join(" and ")
}

/// An utterance as a turn: the speaker is its label and name (ParlaMint has no label as written).
fn utterance_turn(
    line: usize,
    speaker: &str,
    attributes: Vec<(String, String)>,
    language: Option<LanguageCode>,
    paragraphs: Vec<Paragraph>,
) -> Turn {
    Turn {
        line,
        label: speaker.to_string(),
        name: speaker.to_string(),
        remark: None,
        speaker: speaker.to_string(),
        interpreted: false,
        resumed: false,
        paragraphs,
        attributes,
        language,
    }
}

/// A sitting as a meeting: `id` the sitting id, `attributes` the sitting's (after its `country`), the language
/// that of most turns ([`meeting_language`]).
fn sitting_meeting(
    id: &str,
    path: &str,
    encoding: &'static str,
    format: &'static str,
    attributes: Vec<(String, String)>,
    blocks: Vec<Block>,
    options: &ReadOptions,
) -> Meeting {
    let mut meeting = Meeting {
        id: id.to_string(),
        path: path.to_string(),
        title: None,
        date: date_of_id(id),
        time: None,
        place: None,
        source: None,
        language: Language::En,
        encoding,
        format,
        attributes: country(id)
            .map(|c| ("country".to_string(), c.to_string()))
            .into_iter()
            .chain(attributes)
            .collect(),
        blocks,
    };
    meeting.language = meeting_language(
        options,
        meeting.turns().map(|t| t.language),
        meeting
            .turns()
            .flat_map(|t| t.paragraphs.iter().map(|p| p.spoken.as_str())),
    );
    meeting
}

/// A date `YYYY-MM-DD` at the start of `s`.
fn date_at_start(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The date in a sitting id (`ParlaMint-GB_2017-09-07-commons` → 2017-09-07).
fn date_of_id(id: &str) -> Option<chrono::NaiveDate> {
    date_at_start(id.split_once('_')?.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sittings_are_recognised_by_name_and_roots_lists_and_meta_are_not_sittings() {
        let id = |p: &str| sitting_id(Path::new(p)).map(str::to_string);
        assert_eq!(
            id("a/ParlaMint-GB_2017-09-07-commons.txt").as_deref(),
            Some("ParlaMint-GB_2017-09-07-commons")
        );
        assert_eq!(
            id("ParlaMint-UA-en_2008-09-30-m0.ana.xml").as_deref(),
            Some("ParlaMint-UA-en_2008-09-30-m0")
        );
        assert_eq!(
            id("ParlaMint-ES-CT_2015-11-03.XML").as_deref(),
            Some("ParlaMint-ES-CT_2015-11-03")
        );
        for not in [
            "ParlaMint-GB.xml",
            "ParlaMint-GB-listPerson.xml",
            "ParlaMint-GB_2017-09-07-commons-meta.tsv",
            "ParlaMint-GB_2017-09-07-commons.conllu",
            "ParlaMint-GB_2017-09-07-commons-meta.txt",
            "ParlaMint-_x.txt",
            "ParlaMint-GB_.txt",
            "parlamint-GB_2017.txt",
            "2017-09-07.txt",
        ] {
            assert_eq!(id(not), None, "{not}");
        }
        assert!(is_parlamint_txt(Path::new("ParlaMint-BG_2022-07-29.txt")));
        assert!(!is_parlamint_tei(Path::new("ParlaMint-BG_2022-07-29.txt")));
        assert!(is_parlamint_tei(Path::new("x/ParlaMint-BG_2022-07-29.xml")));
        assert!(same_sitting(
            Path::new("ParlaMint-BG/ParlaMint-BG_2022-07-29.txt"),
            Path::new("ParlaMint-BG/2022/ParlaMint-BG_2022-07-29.xml")
        ));
        assert!(!same_sitting(
            Path::new("ParlaMint-UA_2008-09-30-m0.txt"),
            Path::new("ParlaMint-UA-en_2008-09-30-m0.txt")
        ));
        for root in [
            "ParlaMint-GB.xml",
            "ParlaMint-ES-CT.xml",
            "ParlaMint-UA-en.ana.xml",
        ] {
            assert!(is_parlamint_root(Path::new(root)), "{root}");
        }
        for not in [
            "ParlaMint-GB-listPerson.xml",
            "ParlaMint-taxonomy-topic.xml",
            "ParlaMint-GB.txt",
        ] {
            assert!(!is_parlamint_root(Path::new(not)), "{not}");
        }
    }

    #[test]
    fn a_sitting_id_gives_its_country_date_and_language() {
        assert_eq!(country("ParlaMint-GB_2017-09-07-commons"), Some("GB"));
        assert_eq!(country("ParlaMint-UA-en_2008-09-30-m0"), Some("UA"));
        assert_eq!(country("ParlaMint-ES-CT_2015-11-03"), Some("ES-CT"));
        assert_eq!(
            date_of_id("ParlaMint-GB_2017-09-07-commons"),
            chrono::NaiveDate::from_ymd_opt(2017, 9, 7)
        );
        assert_eq!(date_of_id("ParlaMint-GB_2017-13-07"), None);
        let lang = |id| corpus_language(id).map(|c| c.to_string());
        assert_eq!(lang("ParlaMint-UA_2008-09-30-m0").as_deref(), Some("uk"));
        assert_eq!(lang("ParlaMint-UA-en_2008-09-30-m0").as_deref(), Some("en"));
        assert_eq!(lang("ParlaMint-XX_2008"), None);
        assert!(COUNTRY_LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_walk_takes_the_tei_sittings_and_not_the_roots() {
        for (name, taken) in [
            ("ParlaMint-GB_2017-09-07-commons.xml", true),
            ("ParlaMint-GB_2017-09-07-commons.ana.xml", true),
            ("ParlaMint-GB.xml", false),
            ("ParlaMint-GB-listOrg.xml", false),
            ("other.xml", false),
        ] {
            let path = Path::new(name);
            assert_eq!(super::super::formats::walked(path), taken, "{name}");
            assert_eq!(is_parlamint_tei(path), taken, "{name}");
        }
    }

    #[test]
    fn the_meeting_language_is_that_of_most_turns_or_of_the_script() {
        let options = ReadOptions::default();
        let code = |c| LanguageCode::parse(c);
        let en = meeting_language(
            &options,
            [code("en"), code("uk"), code("en")].into_iter(),
            [""].into_iter(),
        );
        assert_eq!(en, Language::En);
        let uk = meeting_language(
            &options,
            [code("uk")].into_iter(),
            ["Добрий ранок"].into_iter(),
        );
        assert_eq!(uk, Language::Ru);
        let none = meeting_language(&options, [None].into_iter(), ["Good morning"].into_iter());
        assert_eq!(none, Language::En);
    }
}
