//! Vocabulary growth: the number of types after each token, sampled at evenly spaced points so a chart draws from
//! an aggregate of fixed size however long the text is.

use hashbrown::HashSet;

/// (tokens, types) pairs at up to `points` evenly spaced positions, always including the last token.
pub fn growth_curve(
    tokens: impl IntoIterator<Item = u32>,
    total: usize,
    points: usize,
) -> Vec<(usize, usize)> {
    let step = total.div_ceil(points.max(1)).max(1);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(points + 1);
    let mut n = 0;
    for t in tokens {
        seen.insert(t);
        n += 1;
        if n % step == 0 || n == total {
            out.push((n, seen.len()));
        }
    }
    if out.last().is_none_or(|&(last, _)| last != n) && n > 0 {
        out.push((n, seen.len()));
    }
    out
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
