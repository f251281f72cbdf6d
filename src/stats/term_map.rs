//! The term map of two speakers (after scattertext, Kessler 2017): each term placed by how often each of the two
//! uses it, and scored by how strongly it leans to one of them.
//!
//! - **Position**: a speaker's *scaled rank* of a term: the dense rank of its count among the counts of every
//!   term the speaker uses (1 for the rarest count, K for the most frequent of the K distinct counts), divided by
//!   K, so 1 is the speaker's most frequent term and 0 a term the speaker never uses. Ranks spread the long tail of
//!   rare words that raw frequencies squeeze into a corner.
//! - **Score**: the log-odds z with an informative Dirichlet prior of [`super::keyness`] (Monroe, Colaresi & Quinn
//!   2008), positive where the first speaker uses the term more.
//!
//! The terms are those the two use together at least the minimum count times. The second speaker may be everyone
//! else (`*`).
use crate::corpus::{Corpus, SpeakerId, TermId};

use super::keyness::{measures, Tallies, OTHERS};

/// One row of `term_map.csv`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TermMapRow<'a> {
    /// The first speaker (x axis).
    pub a: &'a str,
    /// The second speaker (y axis).
    pub b: &'a str,
    /// The term.
    pub term: &'a str,
    /// How it is shown.
    pub form: &'a str,
    /// The first speaker's count.
    pub count_a: u64,
    /// The second speaker's count.
    pub count_b: u64,
    /// The first speaker's scaled rank of the term (x).
    pub x: f64,
    /// The second speaker's scaled rank (y).
    pub y: f64,
    /// Log-odds z, positive where `a` uses the term more.
    pub log_odds_z: f64,
    /// The term is a stopword.
    pub stopword: bool,
    /// Its part of speech.
    pub pos: &'static str,
    /// It is a content word.
    pub content: bool,
}

/// Each term's scaled rank among a speaker's counts, as a dense array (0 for a term the speaker does not use).
fn scaled_ranks(counts: &[(TermId, u64)], terms: usize) -> Vec<f64> {
    let mut distinct: Vec<u64> = counts.iter().map(|p| p.1).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let k = distinct.len() as f64;
    let mut out = vec![0.0; terms];
    for &(t, c) in counts {
        let rank = distinct.partition_point(|&d| d < c) + 1;
        out[t as usize] = rank as f64 / k;
    }
    out
}

/// The rows of the map of speakers `a` and `b` (`None`: all other speakers): every term they use together at least
/// `min_count` times, the most used (a + b) first, then by term.
pub fn term_map<'a>(
    corpus: &'a Corpus,
    tallies: &Tallies,
    (a, b): (SpeakerId, Option<SpeakerId>),
    min_count: u64,
) -> Vec<TermMapRow<'a>> {
    let view = tallies.view();
    let terms = view.len(corpus);
    let (b_counts, d) = match b {
        Some(b) => (tallies.counts(b).to_vec(), tallies.total(b)),
        None => tallies.others(a),
    };
    let b_name = b.map_or(OTHERS, |b| corpus.speakers[b as usize].as_str());
    let (xs, ys) = (
        scaled_ranks(tallies.counts(a), terms),
        scaled_ranks(&b_counts, terms),
    );
    let c = tallies.total(a);
    if c == 0 || d == 0 {
        return Vec::new();
    }
    let mut counts: hashbrown::HashMap<TermId, (u64, u64)> = hashbrown::HashMap::new();
    for &(t, n) in tallies.counts(a) {
        counts.entry(t).or_default().0 = n;
    }
    for &(t, n) in &b_counts {
        counts.entry(t).or_default().1 = n;
    }
    let mut rows: Vec<TermMapRow> = counts
        .into_iter()
        .filter(|&(_, (x, y))| x + y >= min_count.max(1))
        .map(|(t, (ca, cb))| TermMapRow {
            a: &corpus.speakers[a as usize],
            b: b_name,
            term: view.text(corpus, t),
            form: view.form(corpus, t),
            count_a: ca,
            count_b: cb,
            x: xs[t as usize],
            y: ys[t as usize],
            log_odds_z: measures(ca, cb, c, d).log_odds_z,
            stopword: view.is_stop(corpus, t),
            pos: view.pos(corpus, t).as_str(),
            content: view.is_content(corpus, t),
        })
        .collect();
    rows.sort_by(|x, y| {
        (y.count_a + y.count_b)
            .cmp(&(x.count_a + x.count_b))
            .then_with(|| x.term.cmp(y.term))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_ranks_are_dense_ranks_of_counts_over_their_number() {
        // Counts 5, 1, 5, 2: distinct 1, 2, 5 → ranks 3/3, 1/3, 3/3, 2/3; term 4 unused.
        let r = scaled_ranks(&[(0, 5), (1, 1), (2, 5), (3, 2)], 5);
        assert_eq!(r, vec![1.0, 1.0 / 3.0, 1.0, 2.0 / 3.0, 0.0]);
    }
}
