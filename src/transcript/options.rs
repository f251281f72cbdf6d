//! How to read a file, checked before any file is read: the narrator of files without labels, the language when it
//! is not detected, the range of meeting dates to keep ([`DateRange`], parsed from `--since` and `--until`), and the
//! columns of a table corpus named by the user ([`TableColumns`], parsed from `--columns`).

use chrono::NaiveDate;

use super::model::Language;

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Attribute files without any label to this speaker instead of treating them as narration.
    pub narrator: Option<String>,
    /// Use this language instead of detecting it.
    pub language: Option<Language>,
    /// Read only the meetings of these dates.
    pub dates: DateRange,
    /// The columns of table corpora named by the user (the others are found by their usual names).
    pub columns: TableColumns,
}

/// What the columns of a table corpus hold, as `--columns` names them: text, speaker, meeting, date, title, turn
/// (the order of the rows of a meeting) and interpreted.
pub const COLUMN_ROLES: [&str; 7] = [
    "text",
    "speaker",
    "meeting",
    "date",
    "title",
    "turn",
    "interpreted",
];

/// The columns of table corpora named by the user: `text=body,speaker=who`, a role of [`COLUMN_ROLES`] and a column
/// name, compared as [`column_key`] makes names comparable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableColumns {
    named: Vec<(&'static str, String)>,
}

/// Why `--columns` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnsError {
    /// A part without `=`.
    #[error("'{0}' is not ROLE=COLUMN (e.g. text=body,speaker=who)")]
    NotAPair(String),
    /// A role that is not one of [`COLUMN_ROLES`].
    #[error("unknown role '{0}' (use text, speaker, meeting, date, title, turn or interpreted)")]
    UnknownRole(String),
    /// A role named twice.
    #[error("'{0}' is named twice")]
    Twice(String),
    /// A role without a column name.
    #[error("no column named for '{0}'")]
    NoColumn(String),
}

impl TableColumns {
    /// Parses `ROLE=COLUMN[,ROLE=COLUMN…]` (roles in any case; a column name cannot hold a comma).
    pub fn parse(spec: &str) -> Result<TableColumns, ColumnsError> {
        let mut named: Vec<(&'static str, String)> = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (role, column) = part
                .split_once('=')
                .ok_or_else(|| ColumnsError::NotAPair(part.to_string()))?;
            let role = role.trim().to_lowercase();
            let role = COLUMN_ROLES
                .into_iter()
                .find(|r| *r == role)
                .ok_or(ColumnsError::UnknownRole(role))?;
            if named.iter().any(|(r, _)| *r == role) {
                return Err(ColumnsError::Twice(role.to_string()));
            }
            let column = column_key(column);
            if column.is_empty() {
                return Err(ColumnsError::NoColumn(role.to_string()));
            }
            named.push((role, column));
        }
        Ok(TableColumns { named })
    }

    /// The column named for `role`, as [`column_key`] makes it.
    pub fn get(&self, role: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, c)| c.as_str())
    }
}

/// A column name made comparable: trimmed, in lowercase, spaces and hyphens as `_` (`Doc ID` and `doc-id` are
/// `doc_id`).
pub fn column_key(name: &str) -> String {
    name.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// Which meetings to read, by date: from `since` to `until`, both included. A meeting without a date is left out
/// when either bound is set, since it cannot be placed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day.
    pub since: Option<NaiveDate>,
    /// The last day.
    pub until: Option<NaiveDate>,
}

/// Why a range of dates was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateRangeError {
    /// A bound is not a date of the accepted shapes.
    #[error("'{0}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")]
    NotADate(String),
    /// The first day comes after the last.
    #[error("the first day {since} is after the last day {until}")]
    Reversed {
        /// The first day.
        since: NaiveDate,
        /// The last day.
        until: NaiveDate,
    },
}

impl DateRange {
    /// The range from `since` to `until`, each `YYYY-MM-DD`, `YYYY-MM` (the month's first or last day) or `YYYY`
    /// (the year's).
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange, DateRangeError> {
        let range = DateRange {
            since: since.map(|s| bound(s, true)).transpose()?,
            until: until.map(|u| bound(u, false)).transpose()?,
        };
        if let (Some(since), Some(until)) = (range.since, range.until) {
            if since > until {
                return Err(DateRangeError::Reversed { since, until });
            }
        }
        Ok(range)
    }

    /// Every date, and meetings without one.
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a meeting of `date` is read.
    pub fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            _ if self.is_all() => true,
            None => false,
            Some(d) => self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u),
        }
    }
}

/// A bound of a range: `YYYY-MM-DD`, or the first (`first`) or last day of the month `YYYY-MM` or the year `YYYY`.
fn bound(text: &str, first: bool) -> Result<NaiveDate, DateRangeError> {
    let text = text.trim();
    let bad = || DateRangeError::NotADate(text.to_string());
    let number = |p: &str, n: usize| {
        (p.len() == n && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = text.split('-').collect();
    let day = match parts.as_slice() {
        [y] => {
            let y = number(y, 4).ok_or_else(bad)? as i32;
            if first {
                NaiveDate::from_ymd_opt(y, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, 12, 31)
            }
        }
        [y, m] => {
            let (y, m) = (
                number(y, 4).ok_or_else(bad)? as i32,
                number(m, 2).ok_or_else(bad)?,
            );
            let start = NaiveDate::from_ymd_opt(y, m, 1);
            if first {
                start
            } else {
                start
                    .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                    .and_then(|d| d.pred_opt())
            }
        }
        [_, _, _] => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        _ => None,
    };
    day.ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_by_role_and_an_unknown_role_is_refused() {
        let columns = TableColumns::parse("Text=Body, speaker = Who Spoke,meeting=doc-id").unwrap();
        assert_eq!(columns.get("text"), Some("body"));
        assert_eq!(columns.get("speaker"), Some("who_spoke"));
        assert_eq!(columns.get("meeting"), Some("doc_id"));
        assert_eq!(columns.get("date"), None);
        assert_eq!(
            TableColumns::parse("txt=body"),
            Err(ColumnsError::UnknownRole("txt".into()))
        );
        assert_eq!(
            TableColumns::parse("text"),
            Err(ColumnsError::NotAPair("text".into()))
        );
        assert_eq!(
            TableColumns::parse("text=a,text=b"),
            Err(ColumnsError::Twice("text".into()))
        );
        assert_eq!(
            TableColumns::parse("date= "),
            Err(ColumnsError::NoColumn("date".into()))
        );
    }
}
