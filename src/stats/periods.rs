//! Measures across time, by period: meetings grouped by meeting, month, quarter or year (the default chosen from
//! the time span, so that a chart has a readable number of points), and per period a speaker's MATTR (a measure of
//! vocabulary that does not grow with the length of the text, unlike the number of distinct words) in each language
//! they spoke, and the rate of chosen terms.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::corpus::{Corpus, SpeakerId, TokenError, View};
use crate::lang::{LanguageCode, LanguageRank};

use super::lexdiv::mattr;
use super::phrase::Finder;

/// How meetings are grouped in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Each meeting on its own.
    Meeting,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

/// At most this many periods make a chart that reads well; the default period is the finest that stays within it.
pub const READABLE: usize = 24;

impl Period {
    /// `meeting`, `month`, `quarter` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Meeting => "meeting",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The period of a meeting dated `date` with id `id`: its label, and its first day (`YYYY-MM-DD`).
    fn of(self, date: NaiveDate, id: &str) -> (String, String) {
        let (year, month) = (format!("{:04}", date.year()), date.month());
        match self {
            Period::Meeting => (format!("{date} {id}"), date.to_string()),
            Period::Month => (
                format!("{year}-{month:02}"),
                format!("{year}-{month:02}-01"),
            ),
            Period::Quarter => {
                let q = (month - 1) / 3;
                (
                    format!("{year}-Q{}", q + 1),
                    format!("{year}-{:02}-01", q * 3 + 1),
                )
            }
            Period::Year => (year.to_string(), format!("{year}-01-01")),
        }
    }

    /// The finest period with at most [`READABLE`] periods in the corpus.
    pub fn readable(corpus: &Corpus) -> Period {
        [Period::Meeting, Period::Month, Period::Quarter]
            .into_iter()
            .find(|p| Periods::new(corpus, *p).labels.len() <= READABLE)
            .unwrap_or(Period::Year)
    }
}

/// The corpus' meetings grouped by period, in time order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Periods {
    /// The grouping.
    pub period: Period,
    /// Each period's label (`2025-04`, `2025-Q2`, …).
    pub labels: Vec<String>,
    /// Each period's first day (`YYYY-MM-DD`); a meeting's date for [`Period::Meeting`].
    pub starts: Vec<String>,
    /// The period of each meeting; `None` for a meeting without a date.
    pub of_meeting: Vec<Option<usize>>,
}

impl Periods {
    /// The meetings of `corpus` grouped by `period`.
    pub fn new(corpus: &Corpus, period: Period) -> Periods {
        let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
        for m in &corpus.meetings {
            let Some(date) = m.date else { continue };
            let (label, start) = period.of(date, &m.id);
            index.entry((start, label)).or_default();
        }
        for (k, slot) in index.values_mut().enumerate() {
            *slot = k;
        }
        let of_meeting = corpus
            .meetings
            .iter()
            .map(|m| {
                m.date.map(|date| {
                    let (label, start) = period.of(date, &m.id);
                    index[&(start, label)]
                })
            })
            .collect();
        let (starts, labels) = index.into_keys().unzip();
        Periods {
            period,
            labels,
            starts,
            of_meeting,
        }
    }

    /// A speaker's MATTR (window `window`) per period and language, from the words of their turns in that period
    /// (none where they said fewer words than the window), in time order.
    pub fn mattr(
        &self,
        corpus: &Corpus,
        speaker: SpeakerId,
        window: usize,
    ) -> Result<Vec<PeriodMattr>, TokenError> {
        let mut words: BTreeMap<(usize, LanguageRank), Vec<u32>> = BTreeMap::new();
        let mut reader = corpus.reader();
        for t in corpus.turns.iter().filter(|t| t.speaker == speaker) {
            let Some(p) = self.of_meeting[t.meeting as usize] else {
                continue;
            };
            let language = corpus.meetings[t.meeting as usize].spoken;
            words
                .entry((p, language.rank()))
                .or_default()
                .extend_from_slice(reader.words(t)?);
        }
        Ok(words
            .into_iter()
            .filter_map(|((period, (_, _, language)), w)| {
                mattr(&w, window).map(|mattr| PeriodMattr {
                    period,
                    language,
                    words: w.len() as u64,
                    mattr,
                })
            })
            .collect())
    }

    /// Each term's occurrences in each period, with the words of all speakers there (periods without words left
    /// out): per term, in time order.
    pub fn term_rates(
        &self,
        corpus: &Corpus,
        view: View,
        terms: &[String],
    ) -> Result<Vec<Vec<PeriodRate>>, TokenError> {
        let mut finder = Finder::new(corpus, view, terms);
        let mut words = vec![0u64; self.labels.len()];
        let mut counts = vec![vec![0u64; self.labels.len()]; terms.len()];
        let mut reader = corpus.reader();
        for t in &corpus.turns {
            let Some(p) = self.of_meeting[t.meeting as usize] else {
                continue;
            };
            words[p] += t.len() as u64;
            finder.find(&mut reader, t, |k, _| counts[k][p] += 1)?;
        }
        Ok(counts
            .into_iter()
            .map(|c| {
                c.into_iter()
                    .enumerate()
                    .filter(|&(p, _)| words[p] > 0)
                    .map(|(period, count)| PeriodRate {
                        period,
                        count,
                        words: words[period],
                    })
                    .collect()
            })
            .collect())
    }
}

/// A speaker's MATTR in one period and language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodMattr {
    /// The period's index.
    pub period: usize,
    /// The language of the words (that of most words of each meeting, [`crate::corpus::MeetingInfo::spoken`]).
    pub language: LanguageCode,
    /// The speaker's words in that period and language: the base of the measure.
    pub words: u64,
    /// MATTR.
    pub mattr: f64,
}

/// A term's occurrences in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodRate {
    /// The period's index.
    pub period: usize,
    /// Occurrences of the term.
    pub count: u64,
    /// Words of all speakers in the period: the base of the rate.
    pub words: u64,
}

impl PeriodRate {
    /// Occurrences per 10,000 words.
    pub fn per_10k(&self) -> f64 {
        self.count as f64 * 10_000.0 / self.words.max(1) as f64
    }
}

/// A corpus of meetings of these dates and nothing else (ids `m0`, `m1`, …), for tests of what depends on dates.
#[cfg(test)]
pub(crate) fn dated_corpus(dates: &[&str]) -> Corpus {
    Corpus {
        meetings: dates
            .iter()
            .enumerate()
            .map(|(i, d)| crate::corpus::MeetingInfo::dated(format!("m{i}"), d.parse().ok()))
            .collect(),
        ..Corpus::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_group_by_calendar_periods_in_time_order() {
        let c = dated_corpus(&["2025-04-29", "2025-01-15", "", "2025-02-01", "2025-04-01"]);
        let months = Periods::new(&c, Period::Month);
        assert_eq!(months.labels, ["2025-01", "2025-02", "2025-04"]);
        assert_eq!(months.starts, ["2025-01-01", "2025-02-01", "2025-04-01"]);
        assert_eq!(
            months.of_meeting,
            [Some(2), Some(0), None, Some(1), Some(2)]
        );
        let quarters = Periods::new(&c, Period::Quarter);
        assert_eq!(quarters.labels, ["2025-Q1", "2025-Q2"]);
        assert_eq!(Periods::new(&c, Period::Meeting).labels.len(), 4);
        // Four dated meetings read well one by one; forty months do not, forty quarters neither.
        assert_eq!(Period::readable(&c), Period::Meeting);
        let long: Vec<String> = (0..40)
            .map(|i| format!("{}-0{}-01", 2000 + i, 1 + i % 9))
            .collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        assert_eq!(Period::readable(&dated_corpus(&long)), Period::Year);
    }
}
