//! Average-linkage (UPGMA) clustering of a square, symmetric distance matrix: the distance between two clusters is
//! the mean of the distances between their members (Sokal & Michener 1958), as scipy's
//! `linkage(…, method="average")` and R's `hclust(…, "average")` compute it (with the `kodama` crate).
//!
//! Two uses: the order of the leaves (the heat map of `distances` puts speakers who talk alike side by side) and the
//! clades, each merge's set of leaves (the bootstrap consensus tree counts them over many trees,
//! [`super::consensus`]). Leaves are the matrix's rows; equal distances merge as kodama's algorithm meets them, so
//! the rows should come in a fixed order (by name).

/// A clustering: each merge's two clusters, a cluster `c < n` being leaf `c` and `n + k` the cluster of merge `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dendrogram {
    /// Leaves.
    n: usize,
    /// The two clusters of each merge, in merge order.
    merges: Vec<(usize, usize)>,
}

impl Dendrogram {
    /// The average-linkage clustering of `d` (`d[i][j]` between leaves `i` and `j`); `None` with fewer than two
    /// leaves or a distance that is not a finite number.
    pub fn average(d: &[Vec<f64>]) -> Option<Dendrogram> {
        let n = d.len();
        let mut condensed: Vec<f64> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .map(|(i, j)| d[i].get(j).copied().unwrap_or(f64::NAN))
            .collect();
        if n < 2 || condensed.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
        let merges = dendrogram
            .steps()
            .iter()
            .map(|s| (s.cluster1, s.cluster2))
            .collect();
        Some(Dendrogram { n, merges })
    }

    /// The leaves in dendrogram order: a merge lists its first cluster's leaves, then its second's (kodama puts
    /// the smaller label first, as scipy's `dendrogram(…)["leaves"]` does).
    pub fn leaf_order(&self) -> Vec<usize> {
        let n = self.n;
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![n + self.merges.len() - 1];
        while let Some(c) = stack.pop() {
            if c < n {
                order.push(c);
            } else {
                let (first, second) = self.merges[c - n];
                stack.push(second);
                stack.push(first);
            }
        }
        order
    }

    /// Every clade short of the whole tree: each merge's leaves, ascending, in merge order (a tree of `n` leaves has
    /// `n - 2`: the root, which holds all, and the single leaves are in every tree and say nothing).
    pub fn clades(&self) -> Vec<Vec<usize>> {
        let n = self.n;
        let mut members: Vec<Vec<usize>> = Vec::with_capacity(self.merges.len());
        for &(a, b) in &self.merges {
            let of = |c: usize| {
                if c < n {
                    vec![c]
                } else {
                    members[c - n].clone()
                }
            };
            let mut leaves = of(a);
            leaves.extend(of(b));
            leaves.sort_unstable();
            members.push(leaves);
        }
        members.pop();
        members
    }
}

/// The leaves of an average-linkage clustering of `d` in dendrogram order; the rows in their order when there are
/// fewer than three or a distance is not a number.
pub fn leaf_order(d: &[Vec<f64>]) -> Vec<usize> {
    match Dendrogram::average(d) {
        Some(tree) if d.len() >= 3 => tree.leaf_order(),
        _ => (0..d.len()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 and 2 are nearest (1), then 1 and 3 (2), the two pairs far apart (10).
    fn two_pairs() -> Vec<Vec<f64>> {
        let far = 10.0;
        vec![
            vec![0.0, far, 1.0, far],
            vec![far, 0.0, far, 2.0],
            vec![1.0, far, 0.0, far],
            vec![far, 2.0, far, 0.0],
        ]
    }

    #[test]
    fn speakers_who_talk_alike_sit_side_by_side() {
        // The dendrogram joins {0, 2}, then {1, 3}, then both, and its leaves read 0, 2, 1, 3 (scipy's
        // `dendrogram(linkage(d, "average"))["leaves"]` gives the same: each merge lists its smaller cluster first).
        assert_eq!(leaf_order(&two_pairs()), [0, 2, 1, 3]);
        // Two speakers or fewer keep their order, and so do distances that are not numbers.
        assert_eq!(leaf_order(&[vec![0.0, 1.0], vec![1.0, 0.0]]), [0, 1]);
        let mut nan = two_pairs();
        (nan[0][1], nan[1][0]) = (f64::NAN, f64::NAN);
        assert_eq!(leaf_order(&nan), [0, 1, 2, 3]);
        assert_eq!(Dendrogram::average(&nan), None);
        assert!(leaf_order(&[]).is_empty());
    }

    #[test]
    fn clades_are_the_merges_short_of_the_root() {
        let tree = Dendrogram::average(&two_pairs()).unwrap();
        assert_eq!(tree.clades(), [vec![0, 2], vec![1, 3]]);
        // Average linkage: 3 joins {0, 1} at (4 + 8) / 2 = 6, before 2 at (6.5 + 7.5) / 2 = 7 (complete linkage
        // would take 2 first: 7.5 against 8).
        let d = vec![
            vec![0.0, 1.0, 6.5, 4.0],
            vec![1.0, 0.0, 7.5, 8.0],
            vec![6.5, 7.5, 0.0, 20.0],
            vec![4.0, 8.0, 20.0, 0.0],
        ];
        assert_eq!(
            Dendrogram::average(&d).unwrap().clades(),
            [vec![0, 1], vec![0, 1, 3]]
        );
        let two = Dendrogram::average(&[vec![0.0, 1.0], vec![1.0, 0.0]]).unwrap();
        assert!(two.clades().is_empty());
    }
}
