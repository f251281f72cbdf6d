//! `trends.csv`: the chosen terms (`--terms`, words or phrases, or six terms that tell the charted speakers apart:
//! [`telling_terms`]) per speaker and meeting, per 10,000 words. Leaves the terms for the x-ray chart; a term asked for that
//! occurs nowhere is a warning.

use crate::report::WriteError;
use crate::stats::freq::ALL;
use crate::stats::trends::{telling_terms, term_trends, TermTrendRow};

use super::{write_table_ranked, Context, Preview, Row, Table};

const FILE: &str = "trends.csv";
const ABOUT: &str = "The chosen terms per speaker and meeting, per 10,000 words.";

impl Row for TermTrendRow {
    const HEADER: &'static str = "meeting,date,speaker,term,count,words,per_10k";
}

/// `trends.csv`.
pub struct Trends;

impl Table for Trends {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, TermTrendRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "trends"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let config = cx.config;
        let terms = if config.terms.is_empty() {
            let telling = telling_terms(cx.corpus, config.view, &cx.made.keyness, &cx.leaders, 6);
            if telling.is_empty() {
                // No charted speaker has a keyword: the most frequent content terms over all speakers.
                let view = config.view.as_str();
                cx.made
                    .freq
                    .iter()
                    .filter(|r| r.speaker == ALL && r.view == view && r.content)
                    .take(6)
                    .map(|r| r.form.to_string())
                    .collect()
            } else {
                telling
            }
        } else {
            config.terms.clone()
        };
        let rows = term_trends(cx.corpus, config.view, &terms)?;
        for term in &config.terms {
            if !rows.iter().any(|r| &r.term == term && r.count > 0) {
                cx.made.warnings.push(format!(
                    "--terms: '{term}' occurs nowhere in the {} view of the transcripts read",
                    config.view.as_str()
                ));
            }
        }
        cx.made.terms = terms;
        // The charted speakers first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            cx.chart_rank(&a.speaker).cmp(&cx.chart_rank(&b.speaker))
        })
    }
}
