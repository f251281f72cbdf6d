//! Groups of turns by what is known of their speakers and meetings (`--group-by`): every measure that compares
//! speakers compares groups instead, because the corpus is regrouped before any measure reads it — each turn's
//! speaker becomes its group, named by the values of the chosen attributes joined by ` | ` (`В.Путин | CIS`).
//!
//! **Attributes.** Of a turn, by name: `speaker` (its speaker), `meeting` (its meeting id); the built-in attributes
//! every meeting has, `year`, `month` (`YYYY-MM`), `language` and `source` (the reader that read it:
//! `text`, `page`, …); the turn's own attributes (a table corpus' columns, a parliament's party, gender, role);
//! the speaker's attributes given by `--speaker-info`; the meeting's attributes given by `--meeting-info` and by
//! its source. The first of these that has the name gives the value, in that order; a turn without a value has
//! `(none)`. Names are compared lowercase.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::Datelike;

use crate::transcript::{find_named, InfoRow, InfoTable};

use super::about::{About, Metadata};
use super::model::{Corpus, MeetingInfo};
use super::turn::{SpeakerId, TurnTokens};

/// Joins the values of a group's attributes in its name.
pub const JOIN: &str = " | ";

/// The value of an attribute a turn does not have.
pub const NONE: &str = "(none)";

/// The attributes every meeting has.
pub const BUILT_IN: [&str; 4] = ["year", "month", "language", "source"];

/// The metadata that info tables (`--speaker-info`, `--meeting-info`) give for this corpus: a speaker row's key
/// is found among the corpus' speakers as names in options are ([`find_named`]: any spelling of a label); a meeting
/// row's key is a meeting id (`meeting` column) or a file name or path whose stem is one (`file` column). A row that
/// names nobody in the corpus, or a name twice, is a warning naming its line, and is left out.
pub fn metadata(
    corpus: &Corpus,
    speakers: Option<&InfoTable>,
    meetings: Option<&InfoTable>,
) -> (Metadata, Vec<String>) {
    let mut out = Metadata::default();
    let mut warnings = Vec::new();
    if let Some(table) = speakers {
        for row in &table.rows {
            match find_named(&corpus.speakers, &row.key) {
                Ok(speaker) => add(&mut out.speakers, speaker, row, table, &mut warnings),
                Err(e) => warnings.push(format!("{}:{}: {e}; row left out", table.path, row.line)),
            }
        }
    }
    if let Some(table) = meetings {
        for row in &table.rows {
            let stem = Path::new(&row.key)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            let found = corpus.meetings.iter().find(|m| {
                m.id == row.key || (table.key == "file" && stem.as_deref() == Some(m.id.as_str()))
            });
            match found {
                Some(m) => add(&mut out.meetings, m.id.clone(), row, table, &mut warnings),
                None => warnings.push(format!(
                    "{}:{}: no meeting '{}' in the corpus; row left out",
                    table.path, row.line, row.key
                )),
            }
        }
    }
    (out, warnings)
}

/// Puts a row's attributes under `key`, unless an earlier row had that key.
fn add(
    map: &mut BTreeMap<String, Vec<(String, String)>>,
    key: String,
    row: &InfoRow,
    table: &InfoTable,
    warnings: &mut Vec<String>,
) {
    match map.entry(key) {
        std::collections::btree_map::Entry::Occupied(e) => warnings.push(format!(
            "{}:{}: '{}' is {}, given on an earlier row too; row left out",
            table.path,
            row.line,
            row.key,
            e.key()
        )),
        std::collections::btree_map::Entry::Vacant(e) => {
            e.insert(row.attributes.clone());
        }
    }
}

/// Keeps what is known of the corpus' speakers and meetings in [`Corpus::about`] and, unless `by` is empty or only
/// `speaker`, groups the turns by the attributes `by` ([`regroup`]).
pub fn describe(corpus: &mut Corpus, metadata: Metadata, by: &[String]) -> Result<(), GroupError> {
    let speakers = speaker_attributes(corpus, &metadata);
    let groups = if by.is_empty() || by == ["speaker"] {
        Vec::new()
    } else {
        regroup(corpus, by, &metadata)?
    };
    corpus.about = About {
        metadata,
        speakers,
        group_by: by.to_vec(),
        groups,
    };
    Ok(())
}

/// Why a grouping was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    /// An attribute no turn, speaker or meeting has.
    #[error("no speaker, turn or meeting has the attribute '{name}'; the attributes are: {known}")]
    Unknown {
        /// The attribute asked for.
        name: String,
        /// The attributes there are, comma-separated.
        known: String,
    },
}

fn find<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A built-in attribute of a meeting.
fn built_in(info: &MeetingInfo, name: &str) -> Option<String> {
    match name {
        "year" => info.date.map(|d| format!("{:04}", d.year())),
        "month" => info
            .date
            .map(|d| format!("{:04}-{:02}", d.year(), d.month())),
        "language" => Some(info.spoken.to_string()),
        "source" => Some(info.format.to_string()).filter(|f| !f.is_empty()),
        _ => None,
    }
}

impl Corpus {
    /// The attributes of a turn (empty in a corpus built by hand).
    pub fn turn_attributes_of(&self, turn: &TurnTokens) -> &[(String, String)] {
        self.turn_attributes
            .get(turn.attributes as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The value of attribute `name` (lowercase) for a turn: see the [module](self) for where it comes from.
    pub fn attribute(&self, turn: &TurnTokens, name: &str, metadata: &Metadata) -> Option<String> {
        let info = &self.meetings[turn.meeting as usize];
        let speaker = &self.speakers[turn.speaker as usize];
        match name {
            "speaker" => return Some(speaker.clone()),
            "meeting" => return Some(info.id.clone()),
            _ => {}
        }
        let given = find(self.turn_attributes_of(turn), name)
            .or_else(|| metadata.speakers.get(speaker).and_then(|a| find(a, name)))
            .or_else(|| metadata.meetings.get(&info.id).and_then(|a| find(a, name)))
            .or_else(|| find(&info.attributes, name));
        given.map(str::to_string).or_else(|| built_in(info, name))
    }
}

/// Every attribute name a turn of the corpus can have, sorted.
pub fn attribute_names(corpus: &Corpus, metadata: &Metadata) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = ["speaker", "meeting"]
        .into_iter()
        .chain(BUILT_IN)
        .map(str::to_string)
        .collect();
    let sets = corpus.turn_attributes.iter().flatten();
    let given = metadata
        .speakers
        .values()
        .chain(metadata.meetings.values())
        .flatten();
    let of_meetings = corpus.meetings.iter().flat_map(|m| m.attributes.iter());
    names.extend(sets.chain(given).chain(of_meetings).map(|(n, _)| n.clone()));
    names
}

/// What each speaker is said to be, before any grouping: `(speaker, attribute, value)`, sorted and distinct —
/// their `--speaker-info` attributes and the attributes of their turns (a speaker whose party changed has both).
pub fn speaker_attributes(corpus: &Corpus, metadata: &Metadata) -> Vec<(String, String, String)> {
    let mut rows = BTreeSet::new();
    let mut sets: BTreeSet<(SpeakerId, u32)> = BTreeSet::new();
    for t in &corpus.turns {
        sets.insert((t.speaker, t.attributes));
    }
    for (speaker, set) in sets {
        let name = &corpus.speakers[speaker as usize];
        for (a, v) in corpus
            .turn_attributes
            .get(set as usize)
            .into_iter()
            .flatten()
        {
            rows.insert((name.clone(), a.clone(), v.clone()));
        }
    }
    for (speaker, attributes) in &metadata.speakers {
        if corpus.speaker_id(speaker).is_some() {
            for (a, v) in attributes {
                rows.insert((speaker.clone(), a.clone(), v.clone()));
            }
        }
    }
    rows.into_iter().collect()
}

/// What each meeting is: `(attribute, value)` per meeting in corpus order, names sorted — the built-in attributes,
/// the meeting's own and those of `--meeting-info`, each name once with the value a turn of the meeting would get.
pub fn meeting_attributes(corpus: &Corpus) -> Vec<Vec<(String, String)>> {
    corpus
        .meetings
        .iter()
        .map(|info| {
            let mut values: BTreeMap<String, String> = BUILT_IN
                .iter()
                .filter_map(|&n| built_in(info, n).map(|v| (n.to_string(), v)))
                .collect();
            let given = corpus.about.metadata.meetings.get(&info.id);
            for (n, v) in info.attributes.iter().chain(given.into_iter().flatten()) {
                values.insert(n.clone(), v.clone());
            }
            values.into_iter().collect()
        })
        .collect()
}

/// Makes each turn's speaker its group: the values of the attributes `by` joined by [`JOIN`]; the speakers of the
/// corpus become the groups, sorted by name. Returns each group with the speakers in it, sorted. An attribute no
/// turn can have is an error; `by` = `[speaker]` changes nothing.
pub fn regroup(
    corpus: &mut Corpus,
    by: &[String],
    metadata: &Metadata,
) -> Result<Vec<(String, String)>, GroupError> {
    let known = attribute_names(corpus, metadata);
    if let Some(unknown) = by.iter().find(|b| !known.contains(b.as_str())) {
        return Err(GroupError::Unknown {
            name: unknown.clone(),
            known: known.into_iter().collect::<Vec<_>>().join(", "),
        });
    }
    let labels: Vec<String> = corpus
        .turns
        .iter()
        .map(|t| {
            by.iter()
                .map(|name| {
                    corpus
                        .attribute(t, name, metadata)
                        .unwrap_or_else(|| NONE.to_string())
                })
                .collect::<Vec<_>>()
                .join(JOIN)
        })
        .collect();
    let mut groups: Vec<String> = labels.clone();
    groups.sort();
    groups.dedup();
    let mut members = BTreeSet::new();
    for (t, label) in corpus.turns.iter_mut().zip(&labels) {
        members.insert((label.clone(), corpus.speakers[t.speaker as usize].clone()));
        t.speaker = groups.binary_search(label).unwrap_or(0) as SpeakerId;
    }
    corpus.speakers = groups;
    Ok(members.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Gap;

    /// Two speakers over two meetings (2022 and 2023); one of A's turns carries a party.
    fn corpus() -> Corpus {
        let mut c = Corpus {
            speakers: vec!["A".into(), "B".into()],
            turn_attributes: vec![Vec::new(), vec![("party".into(), "X".into())]],
            ..Corpus::default()
        };
        for (i, date) in ["2022-03-01", "2023-05-02"].iter().enumerate() {
            c.meetings
                .push(MeetingInfo::dated(format!("m{i}"), date.parse().ok()));
        }
        let w = c.keys.add("да", "да");
        for (meeting, speaker, attributes) in [(0, 0, 1), (0, 1, 0), (1, 0, 0)] {
            let turn = TurnTokens {
                meeting,
                speaker,
                number: 1,
                interpreted: false,
                start: 0,
                words: 0,
                sentences: 1,
                attributes,
            };
            c.push_turn(turn, &[w], &[Gap::Sentence]);
        }
        c
    }

    #[test]
    fn groups_join_speaker_and_meeting_values_and_turns_without_one_get_none() {
        let mut c = corpus();
        let metadata = Metadata {
            meetings: [(
                "m1".to_string(),
                vec![("counterpart".into(), "West".into())],
            )]
            .into(),
            ..Metadata::default()
        };
        let by = ["speaker".to_string(), "counterpart".to_string()];
        let members = regroup(&mut c, &by, &metadata).unwrap();
        assert_eq!(c.speakers, ["A | (none)", "A | West", "B | (none)"]);
        let speakers: Vec<u32> = c.turns.iter().map(|t| t.speaker).collect();
        assert_eq!(speakers, [0, 2, 1]);
        assert_eq!(members.len(), 3);
    }

    #[test]
    fn built_in_and_turn_attributes_and_an_unknown_one() {
        let mut c = corpus();
        let by = ["year".to_string(), "party".to_string()];
        regroup(&mut c, &by, &Metadata::default()).unwrap();
        assert_eq!(c.speakers, ["2022 | (none)", "2022 | X", "2023 | (none)"]);
        let mut c = corpus();
        let err = regroup(&mut c, &["colour".to_string()], &Metadata::default()).unwrap_err();
        assert!(err.to_string().contains("'colour'"), "{err}");
        assert!(err.to_string().contains("party"), "{err}");
    }

    #[test]
    fn speaker_attributes_gather_info_and_turn_values() {
        let c = corpus();
        let metadata = Metadata {
            speakers: [("B".to_string(), vec![("country".into(), "KZ".into())])].into(),
            ..Metadata::default()
        };
        assert_eq!(
            speaker_attributes(&c, &metadata),
            [
                ("A".to_string(), "party".to_string(), "X".to_string()),
                ("B".to_string(), "country".to_string(), "KZ".to_string()),
            ]
        );
    }
}
