//! The corpus' list of persons (`ParlaMint-XX-listPerson.xml`), for TEI sittings without a meta file (the TEI
//! distribution of a corpus has none): a person's name, written `Forenames Surname` as the meta file's is read,
//! gender and year of birth. It is looked for beside the sitting and in the folder above (the corpus folder, whose
//! year folders hold the sittings), and read once per run: a list of a few megabytes serves thousands of sittings.
//! Party and the other affiliations need the list of organisations and the sitting's date, and are left to the meta
//! file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use roxmltree::{Document, Node, ParsingOptions};

use super::xml::{child, is_tei, text_of, XML_NS};

/// A person of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// `Forenames Surname`.
    pub name: String,
    /// `gender`, `birth`, as the meta file names them.
    pub attributes: Vec<(String, String)>,
}

/// The persons of a list, by id (without `#`).
pub type People = HashMap<String, Person>;

/// Lists read so far, by path (`None`: unreadable, not tried again).
type Lists = Mutex<HashMap<PathBuf, Option<Arc<People>>>>;

/// Where the list of persons of the sitting `id` at `path` may be.
fn list_paths(path: &Path, id: &str) -> Vec<PathBuf> {
    let Some(corpus) = id.split('_').next() else {
        return Vec::new();
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let names = [
        format!("{corpus}-listPerson.xml"),
        format!("{}-listPerson.xml", corpus.trim_end_matches("-en")),
    ];
    let mut out = Vec::new();
    for folder in [Some(dir), dir.parent()].into_iter().flatten() {
        for name in &names {
            let candidate = folder.join(name);
            if !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

/// The persons of the list beside the sitting `id` at `path`, if there is one that can be read.
pub fn people_for(path: &Path, id: &str) -> Option<Arc<People>> {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    let list = list_paths(path, id).into_iter().find(|p| p.is_file())?;
    let lists = LISTS.get_or_init(Lists::default);
    let mut lists = lists.lock().unwrap_or_else(|p| p.into_inner());
    lists
        .entry(list.clone())
        .or_insert_with(|| {
            let text = std::fs::read_to_string(&list).ok()?;
            Some(Arc::new(parse_people(&text)?))
        })
        .clone()
}

/// The persons of a list's text; `None` if it is not XML.
pub fn parse_people(text: &str) -> Option<People> {
    let doc = Document::parse_with_options(text, ParsingOptions::default()).ok()?;
    let mut people = People::new();
    for person in doc.descendants().filter(|n| is_tei(*n, "person")) {
        let Some(id) = person.attribute((XML_NS, "id")) else {
            continue;
        };
        let Some(name) = child(person, "persName").map(name_of) else {
            continue;
        };
        let mut attributes = Vec::new();
        if let Some(sex) = child(person, "sex").and_then(|s| s.attribute("value")) {
            attributes.push(("gender".to_string(), sex.to_string()));
        }
        if let Some(year) = child(person, "birth")
            .and_then(|b| b.attribute("when"))
            .and_then(|w| w.get(..4))
        {
            attributes.push(("birth".to_string(), year.to_string()));
        }
        people.insert(id.to_string(), Person { name, attributes });
    }
    Some(people)
}

/// `Forenames Surname` of a `<persName>` (its forenames, then its surnames, each in order); its text if it has
/// neither.
fn name_of(pers: Node<'_, '_>) -> String {
    let parts = |kind: &str| -> Vec<String> {
        pers.children()
            .filter(|n| is_tei(*n, kind))
            .map(text_of)
            .filter(|t| !t.is_empty())
            .collect()
    };
    let words: Vec<String> = parts("forename")
        .into_iter()
        .chain(parts("surname"))
        .collect();
    if words.is_empty() {
        text_of(pers)
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persons_are_named_forenames_first_with_gender_and_birth() {
        let text = r#"<listPerson xmlns="http://www.tei-c.org/ns/1.0">
          <person xml:id="JoannaCherry"><persName><forename>Joanna</forename><forename>Catherine</forename>
            <surname>Cherry</surname></persName><sex value="F"/><birth when="1966-03-11"/></person>
          <person xml:id="X"><persName>Plain Name</persName></person>
          <person><persName>No id</persName></person>
        </listPerson>"#;
        let people = parse_people(text).unwrap();
        assert_eq!(people.len(), 2);
        let joanna = &people["JoannaCherry"];
        assert_eq!(joanna.name, "Joanna Catherine Cherry");
        assert_eq!(
            joanna.attributes,
            [
                ("gender".to_string(), "F".to_string()),
                ("birth".to_string(), "1966".to_string())
            ]
        );
        assert_eq!(people["X"].name, "Plain Name");
        assert_eq!(parse_people("not xml"), None);
    }

    #[test]
    fn the_list_is_looked_for_beside_the_sitting_and_in_the_corpus_folder() {
        let paths = list_paths(
            Path::new("GB/2017/ParlaMint-GB_2017-09-07.xml"),
            "ParlaMint-GB_2017-09-07",
        );
        assert_eq!(
            paths,
            [
                PathBuf::from("GB/2017/ParlaMint-GB-listPerson.xml"),
                PathBuf::from("GB/ParlaMint-GB-listPerson.xml")
            ]
        );
        let en = list_paths(
            Path::new("ParlaMint-UA-en_2008.xml"),
            "ParlaMint-UA-en_2008",
        );
        assert_eq!(
            en,
            [
                PathBuf::from("ParlaMint-UA-en-listPerson.xml"),
                PathBuf::from("ParlaMint-UA-listPerson.xml")
            ]
        );
    }
}
