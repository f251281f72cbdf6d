//! `keyness.csv`: keyness of every term for each speaker against the reference (all others, or the `--reference`
//! speaker), and of the compared pair (`--pair`, or the first two charted speakers) against each other.

use crate::report::WriteError;
use crate::stats::keyness::{keyness, keyness_between, KeynessRow, Reference, Tallies, OTHERS};

use super::{write_table_ranked, Context, Preview, Row, Table};

const FILE: &str = "keyness.csv";
const ABOUT: &str = "Keyness of every term for each speaker against the others (reference *) and for the two compared speakers against each other.";

impl Row for KeynessRow<'_> {
    const HEADER: &'static str = "target,reference,term,form,count_target,count_reference,total_target,total_reference,g2,chi2,p_value,log_ratio,pct_diff,log_odds_z,stopword,pos,content";
}

/// `keyness.csv`.
pub struct Keyness;

impl Table for Keyness {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, KeynessRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "keyness"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let (corpus, config) = (cx.corpus, cx.config);
        // Counted by the frequencies table before (unless a caller made this table alone).
        let tallies = match cx.made.tallies.take() {
            Some(t) if t.view() == config.view => t,
            _ => Tallies::new(corpus, config.view)?,
        };
        let mut rows = keyness(corpus, &tallies, &config.reference, config.min_count);
        // The compared pair's rows, unless the rows against the reference have them already.
        if let Some((a, b)) = &cx.pair {
            let covered = b == OTHERS || config.reference == Reference::Speaker(b.clone());
            if !covered {
                rows.extend(keyness_between(corpus, &tallies, a, b, config.min_count));
            }
        }
        // The strongest content keywords first.
        let preview = write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| {
            b.content.cmp(&a.content).then(b.g2.total_cmp(&a.g2))
        })?;
        cx.made.keyness = rows;
        cx.made.tallies = Some(tallies);
        Ok(preview)
    }
}
