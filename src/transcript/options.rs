//! How to read a file, checked before any file is read: the narrator of files without labels, the language when it
//! is not detected, and the range of meeting dates to keep ([`DateRange`], parsed from `--since` and `--until`).

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
