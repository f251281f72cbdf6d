//! Vocabulary growth: the number of types after each token, sampled at evenly spaced points so a chart draws from
//! an aggregate of fixed size however long the text is.

use crate::corpus::{Corpus, SpeakerId, TokenError};
use hashbrown::HashSet;

/// A vocabulary growth curve fed one token at a time.
pub struct GrowthCurve {
    step: usize,
    total: usize,
    seen: HashSet<u32>,
    n: usize,
    out: Vec<(usize, usize)>,
}

impl GrowthCurve {
    /// A curve of a text of `total` tokens sampled at up to `points` evenly spaced positions.
    pub fn new(total: usize, points: usize) -> GrowthCurve {
        GrowthCurve {
            step: total.div_ceil(points.max(1)).max(1),
            total,
            seen: HashSet::new(),
            n: 0,
            out: Vec::with_capacity(points + 1),
        }
    }

    /// The next token.
    pub fn push(&mut self, token: u32) {
        self.seen.insert(token);
        self.n += 1;
        if self.n % self.step == 0 || self.n == self.total {
            self.out.push((self.n, self.seen.len()));
        }
    }

    /// The (tokens, types) pairs, always including the last token.
    pub fn finish(mut self) -> Vec<(usize, usize)> {
        if self.out.last().is_none_or(|&(last, _)| last != self.n) && self.n > 0 {
            self.out.push((self.n, self.seen.len()));
        }
        self.out
    }
}

/// (tokens, types) pairs at up to `points` evenly spaced positions, always including the last token.
pub fn growth_curve(
    tokens: impl IntoIterator<Item = u32>,
    total: usize,
    points: usize,
) -> Vec<(usize, usize)> {
    let mut curve = GrowthCurve::new(total, points);
    tokens.into_iter().for_each(|t| curve.push(t));
    curve.finish()
}

/// The growth curve of a speaker's words over all their turns (meetings by date), at up to `points` points.
pub fn speaker_growth(
    corpus: &Corpus,
    speaker: SpeakerId,
    points: usize,
) -> Result<Vec<(usize, usize)>, TokenError> {
    let turns = || corpus.turns.iter().filter(move |t| t.speaker == speaker);
    let total = turns().map(|t| t.len()).sum();
    let mut curve = GrowthCurve::new(total, points);
    corpus.for_each_chunk(turns(), |words| words.iter().for_each(|&w| curve.push(w)))?;
    Ok(curve.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sampled_curve() {
        let tokens = [1, 2, 1, 3, 4, 4, 5];
        assert_eq!(growth_curve(tokens, 7, 3), [(3, 2), (6, 4), (7, 5)]);
        assert_eq!(growth_curve(tokens, 7, 100).len(), 7);
        assert!(growth_curve([], 0, 10).is_empty());
    }
}
