//! How to read a file, checked before any file is read: the narrator of files without labels, the language when it
//! is not detected, and the range of meeting dates to keep ([`DateRange`], parsed from `--since` and `--until`).

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
}

/// Which meetings to read, by date: from `since` to `until`, both included (`YYYY-MM-DD`). A meeting without a date
/// is left out when either bound is set, since it cannot be placed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first day.
    pub since: Option<String>,
    /// The last day.
    pub until: Option<String>,
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
        /// The first day, as read.
        since: String,
        /// The last day, as read.
        until: String,
    },
}

impl DateRange {
    /// The range from `since` to `until`, each `YYYY-MM-DD`, `YYYY-MM` (the month's first or last day) or `YYYY`
    /// (the year's).
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange, DateRangeError> {
        let bound = |text: &str, first: bool| -> Result<String, DateRangeError> {
            let text = text.trim();
            let bad = || DateRangeError::NotADate(text.to_string());
            let parts: Vec<&str> = text.split('-').collect();
            let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
            let full = match parts.as_slice() {
                [y] if digits(y, 4) => format!("{y}-{}", if first { "01-01" } else { "12-31" }),
                [y, m] if digits(y, 4) && digits(m, 2) && ("01".."13").contains(m) => {
                    format!("{y}-{m}-{}", if first { "01" } else { "31" })
                }
                [_, _, _] if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() => {
                    text.to_string()
                }
                _ => return Err(bad()),
            };
            Ok(full)
        };
        let range = DateRange {
            since: since.map(|s| bound(s, true)).transpose()?,
            until: until.map(|u| bound(u, false)).transpose()?,
        };
        if let (Some(a), Some(b)) = (&range.since, &range.until) {
            if a > b {
                return Err(DateRangeError::Reversed {
                    since: a.clone(),
                    until: b.clone(),
                });
            }
        }
        Ok(range)
    }

    /// Every date, and meetings without one.
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a meeting of `date` is read.
    pub fn contains(&self, date: Option<&str>) -> bool {
        match date {
            _ if self.is_all() => true,
            None => false,
            Some(d) => {
                self.since.as_deref().is_none_or(|s| d >= s)
                    && self.until.as_deref().is_none_or(|u| d <= u)
            }
        }
    }
}
