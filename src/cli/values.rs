//! Option values as the command line spells them, mapped to the library's enums (the library knows nothing of
//! clap).

use clap::ValueEnum;

use stenogram::corpus::{Content, Interpreted, View};
use stenogram::report::{Formats, TableFormat};
use stenogram::stats::periods::Period;

/// `--view`: which term a word counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// The key: lowercase, `ё` → `е`.
    Key,
    /// The Snowball stem of the key, shown as its most frequent word form.
    Stem,
    /// The dictionary lemma of a Russian word (an English word's stem).
    Lemma,
}

impl From<ViewArg> for View {
    fn from(v: ViewArg) -> View {
        match v {
            ViewArg::Key => View::Key,
            ViewArg::Stem => View::Stem,
            ViewArg::Lemma => View::Lemma,
        }
    }
}

/// `--content`: which words charts and previews show as content words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContentArg {
    /// Nouns, proper nouns, verbs, adjectives and adverbs that are not stopwords.
    Both,
    /// Nouns, proper nouns, verbs, adjectives and adverbs, stopwords or not.
    Pos,
    /// Every word that is not a stopword.
    Stopwords,
}

impl From<ContentArg> for Content {
    fn from(c: ContentArg) -> Content {
        match c {
            ContentArg::Both => Content::Both,
            ContentArg::Pos => Content::Pos,
            ContentArg::Stopwords => Content::Stopwords,
        }
    }
}

/// `--interpreted`: what becomes of interpreted turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterpretedArg {
    /// Counted as the speaker's words.
    Include,
    /// Left out of every statistic.
    Exclude,
    /// Counted under a speaker of their own, `NAME (interpreted)`.
    Separate,
}

impl From<InterpretedArg> for Interpreted {
    fn from(i: InterpretedArg) -> Interpreted {
        match i {
            InterpretedArg::Include => Interpreted::Include,
            InterpretedArg::Exclude => Interpreted::Exclude,
            InterpretedArg::Separate => Interpreted::Separate,
        }
    }
}

/// `--period`: how measures across time group meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Each meeting on its own.
    Meeting,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl From<PeriodArg> for Period {
    fn from(p: PeriodArg) -> Period {
        match p {
            PeriodArg::Meeting => Period::Meeting,
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        }
    }
}

/// `--charts`: which chart formats to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartsArg {
    /// PNG only.
    Png,
    /// SVG only.
    Svg,
    /// PNG and SVG.
    Both,
    /// No charts.
    None,
}

impl From<ChartsArg> for Formats {
    fn from(c: ChartsArg) -> Formats {
        match c {
            ChartsArg::Png => Formats::Png,
            ChartsArg::Svg => Formats::Svg,
            ChartsArg::Both => Formats::Both,
            ChartsArg::None => Formats::None,
        }
    }
}

/// `--format`: which files the tables are written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// CSV (UTF-8, a header line; `NaN` where a measure is undefined).
    Csv,
    /// Parquet (typed columns; nulls where a measure is undefined).
    Parquet,
    /// CSV and Parquet side by side.
    Both,
}

impl From<FormatArg> for TableFormat {
    fn from(f: FormatArg) -> TableFormat {
        match f {
            FormatArg::Csv => TableFormat::Csv,
            FormatArg::Parquet => TableFormat::Parquet,
            FormatArg::Both => TableFormat::Both,
        }
    }
}
