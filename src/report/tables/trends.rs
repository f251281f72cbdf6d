//! `trends.csv`: the chosen terms (`--terms`, words or phrases, or six terms that tell the charted speakers apart:
//! [`telling_terms`]) per speaker and meeting, per 10,000 words. The terms are shared with the x-ray and the charts
//! across time ([`Context::terms`]); a term asked for that occurs nowhere is a warning.

use crate::report::WriteError;
use crate::stats::freq::ALL;
use crate::stats::trends::{telling_terms, term_trends, TermTrendRow};

use super::{write_table_ranked, Context, Made, Row, Table};

const FILE: &str = "trends.csv";
const ABOUT: &str = "The chosen terms per speaker and meeting, per 10,000 words.";
const METHOD: &str = "The chosen terms per speaker and meeting: occurrences and the speaker's words in that meeting, and the rate \
     per 10,000 of those words. The terms are `--terms`, words or phrases (a phrase is consecutive words of one \
     sentence with nothing but spaces between them), each word matched in the chosen view, so `Союзного \
     государства` counts for `Союзное государство` in the lemma view. Without `--terms`: six terms that tell the \
     charted speakers apart, each speaker's strongest content keywords in `keyness.csv` (G² against the reference at \
     p < 0.01) taken in turns, leaving out names of persons and formulas of greeting and thanks; or, when no charted \
     speaker has one, the six most frequent content terms over all speakers.";

impl Row for TermTrendRow {
    const HEADER: &'static str = "meeting,date,speaker,term,count,words,per_10k";
    const TYPES: &'static str = "str,date,str,str,int,int,f64";
}

/// `trends.csv`.
pub struct Trends;

impl Table for Trends {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TermTrendRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "trends"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let config = cx.config;
        let rows = term_trends(cx.corpus, config.view, cx.terms()?)?;
        // The charted speakers first.
        let mut made = write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            cx.chart_rank(&a.speaker).cmp(&cx.chart_rank(&b.speaker))
        })?;
        for term in &config.terms {
            if !rows.iter().any(|r| &r.term == term && r.count > 0) {
                made.warnings.push(format!(
                    "--terms: '{term}' occurs nowhere in the {} view of the transcripts read",
                    config.view.as_str()
                ));
            }
        }
        Ok(made)
    }
}

impl Context<'_> {
    /// The terms of the trends tables and charts and of the x-ray: those asked for (`--terms`), else six terms that
    /// tell the charted speakers apart ([`telling_terms`]), else the six most frequent content terms over all
    /// speakers.
    pub fn terms(&self) -> Result<&[String], WriteError> {
        let terms = self.shared.terms.get_or_try(|| {
            let config = self.config;
            if !config.terms.is_empty() {
                return Ok(config.terms.clone());
            }
            let telling =
                telling_terms(self.corpus, config.view, self.keyness()?, &self.leaders, 6);
            if !telling.is_empty() {
                return Ok(telling);
            }
            // No charted speaker has a keyword: the most frequent content terms over all speakers.
            let view = config.view.as_str();
            Ok(self
                .freq_heads()?
                .iter()
                .filter(|r| r.speaker == ALL && r.view == view && r.content)
                .take(6)
                .map(|r| r.form.to_string())
                .collect())
        })?;
        Ok(terms)
    }
}
