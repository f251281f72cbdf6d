//! Which column of a table holds what: each role of [`COLUMN_ROLES`] found by the name `--columns` gives it or by
//! its usual names ([`NAMES`]), and every other column an attribute named by its lowercase name.

use crate::transcript::options::{column_key, TableColumns, COLUMN_ROLES};
use crate::transcript::source::TableError;
use crate::transcript::warning::{Warning, WarningKind};

/// The names each role is looked for by, in order of preference (compared as [`column_key`] makes them).
pub(super) const NAMES: [(&str, &[&str]); 7] = [
    ("text", &["text", "speech", "content"]),
    ("speaker", &["speaker", "name"]),
    ("meeting", &["meeting", "doc_id", "file"]),
    ("date", &["date"]),
    ("title", &["title"]),
    ("turn", &["turn"]),
    ("interpreted", &["interpreted"]),
];

/// Where a table's columns are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    /// The text.
    pub text: usize,
    /// The speaker.
    pub speaker: usize,
    /// The meeting, date, title, turn order and interpreted mark, when the table has them.
    pub meeting: Option<usize>,
    /// See `meeting`.
    pub date: Option<usize>,
    /// See `meeting`.
    pub title: Option<usize>,
    /// See `meeting`.
    pub turn: Option<usize>,
    /// See `meeting`.
    pub interpreted: Option<usize>,
    /// Every other column: its index and its attribute name.
    pub attributes: Vec<(usize, String)>,
    /// The header as written, for messages.
    pub header: Vec<String>,
}

/// The names a role is looked for by: the one `--columns` gives, else its usual names.
fn looked_for(role: &str, named: &TableColumns) -> Vec<String> {
    match named.get(role) {
        Some(name) => vec![name.to_string()],
        None => NAMES
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, names)| names.iter().map(|n| n.to_string()).collect())
            .unwrap_or_default(),
    }
}

/// Finds the columns of `header`. Without a text or speaker column the table is not a corpus (an error naming the
/// names looked for and the columns found); a column whose name repeats an earlier one's is not read, with a
/// warning.
pub(super) fn layout(
    header: &[String],
    named: &TableColumns,
    warnings: &mut Vec<Warning>,
) -> Result<Layout, TableError> {
    let keys: Vec<String> = header.iter().map(|h| column_key(h)).collect();
    let mut found = [None; COLUMN_ROLES.len()];
    for (slot, role) in found.iter_mut().zip(COLUMN_ROLES) {
        *slot = looked_for(role, named)
            .iter()
            .find_map(|name| keys.iter().position(|k| k == name));
    }
    for (slot, role) in found.iter().zip(COLUMN_ROLES).take(2) {
        if slot.is_none() {
            return Err(TableError::NoColumn {
                role,
                looked: looked_for(role, named),
                columns: header.to_vec(),
            });
        }
    }
    let mut taken: Vec<(String, usize)> = found
        .iter()
        .flatten()
        .map(|&i| (keys[i].clone(), i))
        .collect();
    let mut attributes = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        if found.contains(&Some(i)) {
            continue;
        }
        let name = if key.is_empty() {
            format!("column_{}", i + 1)
        } else {
            key.clone()
        };
        if let Some((_, first)) = taken.iter().find(|(n, _)| *n == name) {
            warnings.push(Warning {
                line: Some(1),
                kind: WarningKind::Column,
                message: format!(
                    "column {} '{}' has the name of column {}; its values are not read",
                    i + 1,
                    header[i],
                    first + 1
                ),
            });
            continue;
        }
        taken.push((name.clone(), i));
        attributes.push((i, name));
    }
    let [text, speaker, meeting, date, title, turn, interpreted] = found;
    Ok(Layout {
        text: text.unwrap_or_default(),
        speaker: speaker.unwrap_or_default(),
        meeting,
        date,
        title,
        turn,
        interpreted,
        attributes,
        header: header.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn roles_are_found_by_their_usual_names_and_the_rest_are_attributes() {
        let mut warnings = Vec::new();
        let layout = layout(
            &header(&["Doc ID", "Speech", "Name", "Party", "", "Date", "text"]),
            &TableColumns::default(),
            &mut warnings,
        )
        .unwrap();
        // `text` is preferred to `speech`, which is then an attribute.
        assert_eq!((layout.text, layout.speaker), (6, 2));
        assert_eq!((layout.meeting, layout.date), (Some(0), Some(5)));
        assert_eq!(layout.turn, None);
        assert_eq!(
            layout.attributes,
            [
                (1, "speech".to_string()),
                (3, "party".to_string()),
                (4, "column_5".to_string())
            ]
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn columns_named_by_the_user_replace_the_usual_names() {
        let named = TableColumns::parse("text=Body,speaker=who").unwrap();
        let found = layout(&header(&["text", "who", "body"]), &named, &mut Vec::new()).unwrap();
        assert_eq!((found.text, found.speaker), (2, 1));
        assert_eq!(found.attributes, [(0, "text".to_string())]);
        let missing = layout(&header(&["text", "speaker"]), &named, &mut Vec::new());
        assert_eq!(
            missing,
            Err(TableError::NoColumn {
                role: "text",
                looked: vec!["body".into()],
                columns: header(&["text", "speaker"]),
            })
        );
    }

    #[test]
    fn a_repeated_column_name_is_read_once_with_a_warning() {
        let mut warnings = Vec::new();
        let found = layout(
            &header(&["speaker", "text", "party", "Party", "TEXT"]),
            &TableColumns::default(),
            &mut warnings,
        )
        .unwrap();
        assert_eq!(found.attributes, [(2, "party".to_string())]);
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0]
            .message
            .contains("column 4 'Party' has the name of column 3"));
        assert!(warnings[1]
            .message
            .contains("column 5 'TEXT' has the name of column 2"));
    }
}
