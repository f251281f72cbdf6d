//! `keyness.csv`: keyness of every term for each speaker against the reference (all others, or the `--reference`
//! speaker), and of the compared pair (`--pair`, or the first two charted speakers) against each other.

use crate::report::WriteError;
use crate::stats::keyness::{keyness, keyness_between, KeynessRow, Reference, OTHERS};

use super::{write_table_ranked, Context, Made, Row, Table};

const FILE: &str = "keyness.csv";
const ABOUT: &str = "Keyness of every term for each speaker against the others (reference *) and for the two compared speakers against each other.";
const METHOD: &str = "Every term in the chosen view for each speaker (the target) against a reference: all other speakers \
     (reference `*`), or the `--reference` speaker; then the compared pair against each other. For a term used a times \
     in the target's c words and b times in the reference's d words:\n- \
     G², the four-cell log-likelihood (Dunning 1993), signed + where the target's rate a/c is the higher, − where it \
     is the lower;\n- \
     χ², Pearson's four-cell statistic without continuity correction; `p_value`, the upper tail of χ² with one \
     degree of freedom at |G²|;\n- \
     Log Ratio = log₂((a/c)/(b/d)) (Hardie 2014), a zero count taken as 0.5: +1 is twice as frequent;\n- \
     %DIFF = 100·(a/c − b/d)/(b/d) (Gabrielatos & Marchi 2012), a zero reference count taken as 0.5;\n- \
     the log-odds z-score with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), the prior being the \
     two sides' combined counts.\n\n\
     A term is listed when a + b is at least `--min-count` and the target uses it, or when the target does not but \
     would be expected to at least once, c(a + b)/(c + d) ≥ 1. |G²| ≥ 6.63 is p < 0.01, 3.84 p < 0.05.";

impl Row for KeynessRow<'_> {
    const HEADER: &'static str = "target,reference,term,form,count_target,count_reference,total_target,total_reference,g2,chi2,p_value,log_ratio,pct_diff,log_odds_z,stopword,pos,content";
    const TYPES: &'static str =
        "str,str,str,str,int,int,int,int,f64,f64,f64,f64,f64,f64,bool,str,bool";
}

/// `keyness.csv`.
pub struct Keyness;

impl Table for Keyness {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, KeynessRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "keyness"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        // The strongest content keywords first.
        write_table_ranked(cx, FILE, ABOUT, cx.keyness()?, |a, b| {
            b.content.cmp(&a.content).then(b.g2.total_cmp(&a.g2))
        })
    }
}

impl<'a> Context<'a> {
    /// The rows of `keyness.csv`: every speaker against the reference (`--reference`, or all others), then the
    /// compared pair against each other unless those rows are there already. Shared with the keyness chart, the
    /// default terms of the trends and the page's findings.
    pub fn keyness(&self) -> Result<&[KeynessRow<'a>], WriteError> {
        let rows = self.shared.keyness.get_or_try(|| {
            let (corpus, config) = (self.corpus, self.config);
            let tallies = self.tallies()?;
            let mut rows = keyness(corpus, tallies, &config.reference, config.min_count);
            // The compared pair's rows, unless the rows against the reference have them already.
            if let Some((a, b)) = &self.pair {
                let covered = b == OTHERS || config.reference == Reference::Speaker(b.clone());
                if !covered {
                    rows.extend(keyness_between(corpus, tallies, a, b, config.min_count));
                }
            }
            Ok(rows)
        })?;
        Ok(rows)
    }
}
