//! The measures across time that the period charts draw, each point with the words it was measured on:
//! `term_trends.csv` (each chosen term per period, per 10,000 words of all speakers there) and
//! `mattr_by_period.csv` (each charted speaker's MATTR per period and language). A point on fewer words than
//! `--min-period-words` is in the table (`charted` false) and left out of its chart.

use serde::Serialize;

use crate::lang::LanguageCode;
use crate::report::context::PeriodMeasures;
use crate::report::WriteError;

use super::{write_table, Context, Made, Row, Table};

const TRENDS: &str = "term_trends.csv";
const TRENDS_ABOUT: &str = "The chosen terms per period (--period), per 10,000 words of all speakers in the period, with that base (words); charted is false where the base is below --min-period-words.";
const MATTR: &str = "mattr_by_period.csv";
const MATTR_ABOUT: &str =
    "MATTR of each charted speaker per period and language, with the words it was measured on.";
const METHOD: &str = "`term_trends.csv`: each chosen term (as in `trends.csv`) per period (`--period`): its occurrences, the words \
     of all speakers in the period (the base) and the rate per 10,000 of them; `charted` is false where the base is \
     below `--min-period-words` (1,000 by default), and the charts across time leave that point out.\n\n\
     `mattr_by_period.csv`: each charted speaker's MATTR (windows of `--window` words) per period and language of the \
     meeting, on the speaker's keys in that period in text order, with the words it was measured on; a period where \
     the speaker said fewer words than the window has no row.";

/// One row of `term_trends.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermPeriodRow<'a> {
    /// The period's label.
    pub period: &'a str,
    /// Its first day (a meeting's date).
    pub start: &'a str,
    /// The term as asked for.
    pub term: &'a str,
    /// Occurrences.
    pub count: u64,
    /// Words of all speakers in the period.
    pub words: u64,
    /// Occurrences per 10,000 words.
    pub per_10k: f64,
    /// Drawn in the chart (the base is at least `--min-period-words`).
    pub charted: bool,
}

impl Row for TermPeriodRow<'_> {
    const HEADER: &'static str = "period,start,term,count,words,per_10k,charted";
    const TYPES: &'static str = "str,date,str,int,int,f64,bool";
}

/// One row of `mattr_by_period.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MattrPeriodRow<'a> {
    /// The period's label.
    pub period: &'a str,
    /// Its first day (a meeting's date).
    pub start: &'a str,
    /// Speaker.
    pub speaker: &'a str,
    /// Language of the words (`ru`, `en`; `uk`, `bg`, … counted by key).
    pub language: LanguageCode,
    /// The speaker's words in the period and language.
    pub words: u64,
    /// MATTR.
    pub mattr: f64,
}

impl Row for MattrPeriodRow<'_> {
    const HEADER: &'static str = "period,start,speaker,language,words,mattr";
    const TYPES: &'static str = "str,date,str,str,int,f64";
}

/// `term_trends.csv` and `mattr_by_period.csv`.
pub struct PeriodTables;

impl Table for PeriodTables {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            (TRENDS, TermPeriodRow::HEADER),
            (MATTR, MattrPeriodRow::HEADER),
        ]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "periods"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let config = cx.config;
        let periods = &cx.periods;
        let PeriodMeasures { rates, mattr } = cx.period_measures()?;
        let mut term_rows: Vec<TermPeriodRow> = cx
            .terms()?
            .iter()
            .zip(rates)
            .flat_map(|(term, rates)| {
                rates.iter().map(move |r| TermPeriodRow {
                    period: &periods.labels[r.period],
                    start: &periods.starts[r.period],
                    term,
                    count: r.count,
                    words: r.words,
                    per_10k: r.per_10k(),
                    charted: r.words >= config.min_period_words,
                })
            })
            .collect();
        // Periods in time order, the terms in their order within each.
        term_rows.sort_by_key(|r| (r.start, r.period));
        let mut mattr_rows: Vec<MattrPeriodRow> = mattr
            .iter()
            .flat_map(|(speaker, points)| {
                points.iter().map(move |m| MattrPeriodRow {
                    period: &periods.labels[m.period],
                    start: &periods.starts[m.period],
                    speaker,
                    language: m.language,
                    words: m.words,
                    mattr: m.mattr,
                })
            })
            .collect();
        mattr_rows.sort_by_key(|r| (r.start, r.period));
        let mut made = write_table(cx, TRENDS, TRENDS_ABOUT, &term_rows)?;
        if crate::report::from_counts::writes(config, MATTR) {
            made.append(write_table(cx, MATTR, MATTR_ABOUT, &mattr_rows)?);
        }
        Ok(made)
    }
}

impl Context<'_> {
    /// The measures across time: each term's ([`Context::terms`]) counts per period, and each charted speaker's
    /// MATTR per period and language. Shared with the charts across time.
    pub fn period_measures(&self) -> Result<&PeriodMeasures, WriteError> {
        self.shared.period_measures.get_or_try(|| {
            let (corpus, config, periods) = (self.corpus, self.config, &self.periods);
            let rates = periods.term_rates(corpus, config.view, self.terms()?)?;
            let mut mattr = Vec::new();
            for name in &self.leaders {
                if let Some(id) = corpus.speaker_id(name) {
                    mattr.push((
                        name.clone(),
                        periods.mattr(corpus, id, config.mattr_window)?,
                    ));
                }
            }
            Ok(PeriodMeasures { rates, mattr })
        })
    }
}
