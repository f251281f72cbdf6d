//! One canonical speaker per person across the spellings of a corpus.
//!
//! The rule, applied to a label's name (the remark in parentheses is never part of the speaker):
//! 1. **Aliases first**: a `label,speaker` file maps a raw label or a name to any speaker (e.g. join
//!    `Vladimir Putin` and `В.Путин`).
//! 2. **Group labels** (`Вопрос`, `Реплика`, `Question`, …) are their own speakers.
//! 3. **Russian names** are keyed by (first initial, surname) and shown as `И.Фамилия`: `В.Путин`, `В. Путин`,
//!    `В.В.Путин` and `Путин В.В.` all become `В.Путин`; `К.-Ж.Токаев` keeps its hyphenated initials. A full name
//!    (`Владимир Путин`, `Касым-Жомарт Токаев`) joins the initials form when the corpus has one with the same key;
//!    otherwise it stays as written (so `Ван И` and `Патриарх Кирилл` are not turned into initials).
//! 4. **English titles** are dropped: the person is the name found at the end of the label ([`super::person`]:
//!    `Central Bank Governor Elvira Nabiullina` → `Elvira Nabiullina`), made the shortest other name of the corpus
//!    it ends with, if any; a name written with an initial (`D. Klimenko`) is the one person of the corpus with
//!    that initial and surname written in full (`Dmitry Klimenko`), if there is exactly one.
//!
//! Resolution looks at the whole corpus, so it is done after all files are read and does not depend on their order.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use super::label::GROUP_LABELS;
use super::lines::LineCounter;
use super::person::{english_person, initial_key, starts_with_initial};
use super::warning::{FileWarning, Warning, WarningKind};

/// A `label,speaker` alias table.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    map: BTreeMap<String, String>,
    /// The alias file and the line of each label in it (empty for aliases added by hand).
    path: String,
    lines: BTreeMap<String, usize>,
}

/// A problem in an alias file.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct AliasError {
    /// The alias file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Aliases {
    /// Reads CSV `label,speaker` (a header row `label,speaker` is allowed; `#` starts a comment line).
    pub fn from_csv(path: &str, data: &[u8]) -> Result<Aliases, AliasError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(data);
        let mut map = BTreeMap::new();
        let mut lines = BTreeMap::new();
        let mut counter = LineCounter::new(data);
        for (i, record) in reader.records().enumerate() {
            let record = record.map_err(|e| AliasError {
                path: path.to_string(),
                line: e
                    .position()
                    .map_or(i + 1, |p| counter.line_at(p.byte() as usize)),
                message: e.to_string(),
            })?;
            let line = record
                .position()
                .map_or(i + 1, |p| counter.line_at(p.byte() as usize));
            if i == 0 && record.get(0) == Some("label") && record.get(1) == Some("speaker") {
                continue;
            }
            if record.iter().all(str::is_empty) {
                continue;
            }
            if record.len() != 2 || record[0].is_empty() || record[1].is_empty() {
                return Err(AliasError {
                    path: path.to_string(),
                    line,
                    message: format!(
                        "expected two fields 'label,speaker', found {} field(s)",
                        record.len()
                    ),
                });
            }
            map.insert(collapse(&record[0]), collapse(&record[1]));
            lines.insert(collapse(&record[0]), line);
        }
        Ok(Aliases {
            map,
            path: path.to_string(),
            lines,
        })
    }

    /// Adds one alias.
    pub fn insert(&mut self, label: &str, speaker: &str) {
        self.map.insert(collapse(label), collapse(speaker));
    }

    /// The alias of `key` (spaces collapsed), with its label as stored.
    fn entry(&self, key: &str) -> Option<(&str, &String)> {
        self.map
            .get_key_value(&collapse(key))
            .map(|(k, v)| (k.as_str(), v))
    }

    /// Number of aliases.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// No aliases.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

static INITIALS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<init>\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?)(?:\s?\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?){0,2}\s?(?P<surname>\p{Lu}.*)$")
        .expect("valid pattern")
});
static SURNAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<surname>\p{Lu}[\p{L}\p{M}’'-]*)\s+(?P<init>\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?)(?:\s?\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?){0,2}$")
        .expect("valid pattern")
});

fn is_cyrillic_word(w: &str) -> bool {
    w.chars().all(|c| crate::lang::is_cyrillic(c) || c == '-')
        && w.chars().next().is_some_and(char::is_uppercase)
}

/// The initials form of a Russian name, if it is written with initials: (key, display).
pub(super) fn initials_form(name: &str) -> Option<((char, String), String)> {
    let caps = INITIALS_FIRST
        .captures(name)
        .or_else(|| SURNAME_FIRST.captures(name))?;
    let init: String = caps["init"]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let surname = caps["surname"].to_string();
    let first = init.chars().next()?;
    Some(((first, surname.clone()), format!("{init}{surname}")))
}

/// The (first initial, surname) key of a full Cyrillic name such as `Владимир Путин` or `Касым-Жомарт Токаев`.
pub(super) fn full_name_key(name: &str) -> Option<(char, String)> {
    let words: Vec<&str> = name.split(' ').collect();
    if !(2..=3).contains(&words.len()) || !words.iter().all(|w| is_cyrillic_word(w)) {
        return None;
    }
    let first = words[0].chars().next()?;
    Some((first, words[words.len() - 1].to_string()))
}

/// The person of a Latin-script name, titles dropped ([`english_person`]); the name itself when it has no title.
fn person_of(name: &str) -> String {
    english_person(name).unwrap_or_else(|| name.to_string())
}

/// Maps label names to canonical speakers for one corpus.
#[derive(Debug, Clone, Default)]
pub struct SpeakerResolver {
    aliases: Aliases,
    /// Display form of each Russian (initial, surname) key seen written with initials.
    initials: BTreeMap<(char, String), String>,
    /// All names of the corpus with at least two words.
    names: BTreeSet<String>,
    /// The English persons of the corpus written with a given name, by (first letter, surname), to join `D.
    /// Klimenko` to `Dmitry Klimenko` when there is one such person.
    english: BTreeMap<(char, String), BTreeSet<String>>,
}

impl SpeakerResolver {
    /// Builds the resolver from every label name of the corpus.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, aliases: Aliases) -> SpeakerResolver {
        let mut resolver = SpeakerResolver {
            aliases,
            ..SpeakerResolver::default()
        };
        for name in names {
            let name = collapse(name);
            if let Some((key, display)) =
                initials_form(&name).filter(|_| crate::lang::has_cyrillic(&name))
            {
                // The shortest display wins (`В.Путин` over `В.В.Путин`), ties by text, so order does not matter.
                resolver
                    .initials
                    .entry(key)
                    .and_modify(|d| {
                        if (display.len(), &display) < (d.len(), d) {
                            *d = display.clone();
                        }
                    })
                    .or_insert(display);
            }
            if !crate::lang::has_cyrillic(&name) && !GROUP_LABELS.contains(&name.as_str()) {
                let person = person_of(&name);
                if let Some(key) = initial_key(&person).filter(|_| !starts_with_initial(&person)) {
                    resolver.english.entry(key).or_default().insert(person);
                }
            }
            if name.split(' ').count() >= 2 {
                resolver.names.insert(name);
            }
        }
        resolver
    }

    /// The canonical speaker of a label (`raw` as written, `name` without the remark).
    pub fn resolve(&self, raw: &str, name: &str) -> String {
        self.resolve_with_alias(raw, name).0
    }

    /// The alias labels (with their line in the alias file) that none of `labels` (raw, name) uses: a spelling
    /// mistake in the file, or a speaker of another corpus. Each is a warning naming the file and line.
    pub fn unused_aliases<'a>(
        &self,
        labels: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Vec<FileWarning> {
        let mut used = BTreeSet::new();
        for (raw, name) in labels {
            if let (_, Some(key)) = self.resolve_with_alias(raw, name) {
                used.insert(key);
            }
        }
        let aliases = &self.aliases;
        let mut unused: Vec<(usize, &String)> = aliases
            .map
            .keys()
            .filter(|k| !used.contains(k.as_str()))
            .map(|k| (aliases.lines.get(k).copied().unwrap_or(0), k))
            .collect();
        unused.sort();
        unused
            .into_iter()
            .map(|(line, label)| FileWarning {
                path: aliases.path.clone(),
                warning: Warning {
                    line: (line > 0).then_some(line),
                    kind: WarningKind::Alias,
                    message: format!(
                        "alias label '{label}' matches no speaker label of the transcripts read; not used"
                    ),
                },
            })
            .collect()
    }

    /// The canonical speaker of a label, and the alias label that decided it, if one did.
    fn resolve_with_alias(&self, raw: &str, name: &str) -> (String, Option<&str>) {
        for key in [raw, name] {
            if let Some((label, s)) = self.aliases.entry(key) {
                return (s.clone(), Some(label));
            }
        }
        let name = collapse(name);
        if GROUP_LABELS.contains(&name.as_str()) {
            return (name, None);
        }
        let cyrillic = crate::lang::has_cyrillic(&name);
        if let Some((key, display)) = initials_form(&name).filter(|_| cyrillic) {
            return (self.initials.get(&key).cloned().unwrap_or(display), None);
        }
        if let Some(key) = full_name_key(&name) {
            return (self.initials.get(&key).cloned().unwrap_or(name), None);
        }
        let canonical = if cyrillic {
            self.shortest_suffix(&name).unwrap_or(name)
        } else {
            let person = person_of(&name);
            let person = self.shortest_suffix(&person).unwrap_or(person);
            // `D. Klimenko` is the one Dmitry Klimenko of the corpus.
            match initial_key(&person).filter(|_| starts_with_initial(&person)) {
                Some(key) => match self.english.get(&key) {
                    Some(full) if full.len() == 1 => full.iter().next().cloned().unwrap_or(person),
                    _ => person,
                },
                None => person,
            }
        };
        match self.aliases.entry(&canonical) {
            Some((label, s)) => (s.clone(), Some(label)),
            None => (canonical, None),
        }
    }

    /// The shortest other name of the corpus (two words or more) that `name` ends with, word-wise.
    fn shortest_suffix(&self, name: &str) -> Option<String> {
        let words: Vec<&str> = name.split(' ').collect();
        (1..words.len().saturating_sub(1))
            .rev()
            .map(|start| words[start..].join(" "))
            .find(|suffix| self.names.contains(suffix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolver(names: &[&str]) -> SpeakerResolver {
        SpeakerResolver::new(names.iter().copied(), Aliases::default())
    }

    #[test]
    fn russian_spellings_are_one_speaker() {
        let r = resolver(&[
            "В.Путин",
            "Владимир Путин",
            "Путин В.В.",
            "К.-Ж.Токаев",
            "Касым-Жомарт Токаев",
        ]);
        for name in [
            "В.Путин",
            "Владимир Путин",
            "Путин В.В.",
            "В. Путин",
            "В.В.Путин",
        ] {
            assert_eq!(r.resolve(name, name), "В.Путин", "{name}");
        }
        assert_eq!(
            r.resolve("Касым-Жомарт Токаев", "Касым-Жомарт Токаев"),
            "К.-Ж.Токаев"
        );
        // Without an initials form in the corpus a full name stays as written.
        let r = resolver(&["Ван И", "Патриарх Кирилл", "Владимир Путин", "Путин В.В."]);
        assert_eq!(r.resolve("Ван И", "Ван И"), "Ван И");
        assert_eq!(
            r.resolve("Патриарх Кирилл", "Патриарх Кирилл"),
            "Патриарх Кирилл"
        );
        assert_eq!(r.resolve("Владимир Путин", "Владимир Путин"), "В.Путин");
    }

    #[test]
    fn english_titles_are_dropped() {
        let r = resolver(&[
            "President of Russia Vladimir Putin",
            "Vladimir Putin",
            "President of Syria Bashar al-Assad",
            "President of the People’s Republic of China Xi Jinping",
            "President of the United States of America Donald Trump",
        ]);
        assert_eq!(
            r.resolve("", "President of Russia Vladimir Putin"),
            "Vladimir Putin"
        );
        assert_eq!(
            r.resolve("", "President of Syria Bashar al-Assad"),
            "Bashar al-Assad"
        );
        assert_eq!(r.resolve("", "Bashar al-Assad"), "Bashar al-Assad");
        assert_eq!(
            r.resolve("", "President of the People’s Republic of China Xi Jinping"),
            "Xi Jinping"
        );
        assert_eq!(
            r.resolve("", "President of the United States of America Donald Trump"),
            "Donald Trump"
        );
        assert_eq!(r.resolve("Question (retranslated)", "Question"), "Question");
    }

    #[test]
    fn aliases_join_anything() {
        let aliases = Aliases::from_csv(
            "a.csv",
            "label,speaker\n# Putin in two languages\nVladimir Putin,В.Путин\n\"President of Russia Vladimir Putin\",В.Путин\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(aliases.len(), 2);
        let r = SpeakerResolver::new(["Vladimir Putin", "В.Путин"], aliases);
        assert_eq!(r.resolve("Vladimir Putin", "Vladimir Putin"), "В.Путин");
        assert_eq!(
            r.resolve(
                "President of Russia Vladimir Putin",
                "President of Russia Vladimir Putin"
            ),
            "В.Путин"
        );
    }

    #[test]
    fn a_bad_alias_line_names_the_line() {
        let err =
            Aliases::from_csv("a.csv", "label,speaker\nonly-one-field\n".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.csv:2: expected two fields 'label,speaker', found 1 field(s)"
        );
    }
}
