//! The bootstrap consensus tree (Eder 2017, "Visualization in stylometry: cluster analysis using networks", DSH
//! 32(1); the stylo package's `BCT`): which groupings of speakers hold whatever the number of most frequent words.
//!
//! For each size of a range of most frequent words (`--mfw START..END:STEP`, or 100..1000:100 when `--mfw` is one
//! number, [`Mfw::consensus`]), the speakers of `distances.csv` are clustered by Cosine Delta over that many terms
//! with average linkage (UPGMA, [`super::linkage`]). A size above the number of terms the speakers use counts all
//! of them, and the sizes that would then repeat one list count once. Each tree's clades (the set of speakers under
//! each merge) are counted, and the **majority-rule consensus** keeps every clade found in at least half of the trees,
//! with the share of trees as its support. Two clades in more than half of the trees share a tree, so they nest or are
//! disjoint; two clades in exactly half can conflict (each in the trees the other is not), and then neither is kept,
//! since the trees are split evenly between them. (R's `ape::consensus(p = 0.5)`, which stylo calls, keeps only
//! clades in more than half, so it leaves out also the clades in exactly half that conflict with nothing.) The
//! kept clades nest into one tree; a speaker whom no clade holds hangs from the root.
//!
//! **Stability of each pair** across the trees: how often one is the other's nearest neighbour (the smallest Cosine
//! Delta; ties to the first by name), and how often the two form a clade of their own (a "cherry" of two leaves).
//!
//! **Undefined.** Cosine Delta with a speaker whose z-scores are all 0 is undefined ([`super::distance`]): a size at
//! which any is gives no tree and is not counted. With no tree at all the consensus holds no clade. It needs three
//! speakers, as the Delta measures do.

use std::collections::BTreeMap;

use super::distance::{cosine_deltas, Distances};
use super::linkage::Dendrogram;
use super::mfw::Mfw;

/// A clade of the consensus: its speakers (indices into [`Distances::speakers`], ascending) and how many trees
/// hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clade {
    /// The speakers.
    pub leaves: Vec<usize>,
    /// Trees that hold this clade.
    pub trees: usize,
}

/// How two speakers (`a < b`, indices into [`Distances::speakers`]) stand across the trees.
#[derive(Debug, Clone, PartialEq)]
pub struct PairStability {
    /// The first speaker.
    pub a: usize,
    /// The second speaker.
    pub b: usize,
    /// Trees in which one is the other's nearest neighbour.
    pub nearest: usize,
    /// Trees in which the two form a clade of two.
    pub cherries: usize,
    /// The smallest Cosine Delta between them across the trees' sizes (`NaN` without a tree).
    pub cosine_min: f64,
    /// The largest.
    pub cosine_max: f64,
}

/// A node of the consensus tree: a speaker, or a clade with its support (the share of trees holding it; `None` at
/// the root, which holds every speaker in every tree).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A speaker (an index into [`Distances::speakers`]).
    Leaf(usize),
    /// A clade and what it holds.
    Clade {
        /// The share of trees holding it; `None` for the root.
        support: Option<f64>,
        /// Speakers first (by name), then clades (the smaller first; ties by their first speaker).
        children: Vec<Node>,
    },
}

/// The consensus of the trees of a range of sizes.
#[derive(Debug, Clone, PartialEq)]
pub struct Consensus {
    /// Speakers (leaves).
    pub leaves: usize,
    /// The sizes clustered, ascending: the range's, each at most the number of terms, each once.
    pub sizes: Vec<usize>,
    /// The sizes that gave a tree (every Cosine Delta defined), ascending.
    pub treed: Vec<usize>,
    /// The clades kept (in at least half of the trees), the largest first (ties: by their speakers).
    pub clades: Vec<Clade>,
    /// Every pair once, `a < b`, in order.
    pub pairs: Vec<PairStability>,
}

impl Consensus {
    /// The consensus of the speakers of `d` over the sizes of `mfw.consensus()`; `None` with fewer than three
    /// speakers.
    pub fn new(d: &Distances, mfw: &Mfw) -> Option<Consensus> {
        let n = d.speakers.len();
        if n < 3 {
            return None;
        }
        let mut sizes: Vec<usize> = mfw
            .consensus()
            .sizes()
            .into_iter()
            .map(|s| s.min(d.terms.len()))
            .filter(|&s| s > 0)
            .collect();
        sizes.dedup();
        let cosines = cosine_deltas(&d.z, &sizes);
        let mut counted: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
        let mut pairs: Vec<PairStability> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .map(|(a, b)| PairStability {
                a,
                b,
                nearest: 0,
                cherries: 0,
                cosine_min: f64::NAN,
                cosine_max: f64::NAN,
            })
            .collect();
        let pair = |a: usize, b: usize| a * (2 * n - a - 1) / 2 + (b - a - 1);
        let mut treed = Vec::new();
        for (&size, cos) in sizes.iter().zip(&cosines) {
            let Some(tree) = Dendrogram::average(cos) else {
                continue;
            };
            treed.push(size);
            for clade in tree.clades() {
                if let [a, b] = clade[..] {
                    pairs[pair(a, b)].cherries += 1;
                }
                *counted.entry(clade).or_default() += 1;
            }
            let mut near = vec![false; pairs.len()];
            for a in 0..n {
                let b = nearest(&cos[a], a);
                near[pair(a.min(b), a.max(b))] = true;
            }
            for (p, near) in pairs.iter_mut().zip(near) {
                p.nearest += usize::from(near);
                let v = cos[p.a][p.b];
                p.cosine_min = p.cosine_min.min(v);
                p.cosine_max = p.cosine_max.max(v);
            }
        }
        Some(Consensus {
            leaves: n,
            clades: majority(counted, treed.len()),
            sizes,
            treed,
            pairs,
        })
    }

    /// The share of trees holding `clade` (`NaN` without trees).
    pub fn support(&self, clade: &Clade) -> f64 {
        share(clade.trees, self.treed.len())
    }

    /// The consensus tree: the root, holding every speaker.
    pub fn tree(&self) -> Node {
        // Each clade's parent: the smallest kept clade holding it (they nest; the larger come first).
        let holds =
            |big: &[usize], small: &[usize]| small.iter().all(|l| big.binary_search(l).is_ok());
        let parent_of = |leaves: &[usize], before: usize| {
            (0..before)
                .rev()
                .find(|&k| holds(&self.clades[k].leaves, leaves))
        };
        let mut children: Vec<Vec<Node>> = vec![Vec::new(); self.clades.len() + 1];
        let slot = |parent: Option<usize>| parent.map_or(0, |k| k + 1);
        for leaf in 0..self.leaves {
            children[slot(parent_of(&[leaf], self.clades.len()))].push(Node::Leaf(leaf));
        }
        // The smallest clades first, so that a clade's children are built when it is.
        for k in (0..self.clades.len()).rev() {
            let mut kids = std::mem::take(&mut children[k + 1]);
            order(&mut kids);
            let node = Node::Clade {
                support: Some(self.support(&self.clades[k])),
                children: kids,
            };
            children[slot(parent_of(&self.clades[k].leaves, k))].push(node);
        }
        let mut root = std::mem::take(&mut children[0]);
        order(&mut root);
        Node::Clade {
            support: None,
            children: root,
        }
    }
}

/// A share, `NaN` of nothing.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        f64::NAN
    } else {
        part as f64 / whole as f64
    }
}

/// The speaker nearest `a` by `row` (its distances), the first by index of equals.
fn nearest(row: &[f64], a: usize) -> usize {
    let mut best = if a == 0 { 1 } else { 0 };
    for (b, &v) in row.iter().enumerate() {
        if b != a && v < row[best] {
            best = b;
        }
    }
    best
}

/// The majority clades of `counted` (clade → trees holding it) over `trees` trees: those in more than half, and
/// those in exactly half that conflict with no other in exactly half; the largest first, ties by leaves.
fn majority(counted: BTreeMap<Vec<usize>, usize>, trees: usize) -> Vec<Clade> {
    let half: Vec<&Vec<usize>> = counted
        .iter()
        .filter(|&(_, &c)| 2 * c == trees)
        .map(|(l, _)| l)
        .collect();
    let conflict = |x: &[usize], y: &[usize]| {
        let common = x.iter().filter(|l| y.binary_search(l).is_ok()).count();
        common > 0 && common < x.len() && common < y.len()
    };
    let mut kept: Vec<Clade> = counted
        .iter()
        .filter(|&(leaves, &c)| {
            2 * c > trees || (2 * c == trees && !half.iter().any(|h| conflict(h, leaves)))
        })
        .map(|(leaves, &c)| Clade {
            leaves: leaves.clone(),
            trees: c,
        })
        .collect();
    kept.sort_by(|x, y| {
        y.leaves
            .len()
            .cmp(&x.leaves.len())
            .then_with(|| x.leaves.cmp(&y.leaves))
    });
    kept
}

/// Children in the tree's order: speakers first, then the smaller clades; ties by the first speaker.
fn order(children: &mut [Node]) {
    fn key(node: &Node) -> (usize, usize) {
        match node {
            Node::Leaf(l) => (1, *l),
            Node::Clade { children, .. } => {
                let leaves = children.iter().map(|c| key(c).0).sum();
                let first = children.iter().map(|c| key(c).1).min().unwrap_or(0);
                (leaves, first)
            }
        }
    }
    children.sort_by_key(key);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::mfw::Mfw;

    /// Distances of speakers with the z-scores `z` (only what the consensus reads).
    fn with_z(z: Vec<Vec<f64>>) -> Distances {
        let n = z.len();
        Distances {
            speakers: (0..n as u32).collect(),
            terms: (0..z[0].len() as u32).collect(),
            size: z[0].len(),
            z,
            delta: Vec::new(),
            cosine: Vec::new(),
            jensen_shannon: Vec::new(),
        }
    }

    #[test]
    fn clades_in_half_the_trees_stay_unless_two_of_them_conflict() {
        let counted: BTreeMap<Vec<usize>, usize> = [
            (vec![0, 1], 6),
            (vec![0, 1, 2], 5),
            (vec![2, 3], 5),
            (vec![4, 5], 5),
            (vec![4, 5, 6], 4),
            (vec![0, 1, 2, 3], 10),
        ]
        .into_iter()
        .collect();
        let kept: Vec<(Vec<usize>, usize)> = majority(counted, 10)
            .into_iter()
            .map(|c| (c.leaves, c.trees))
            .collect();
        // {0,1,2} and {2,3} are each in half the trees and contradict each other: neither; {4,5} contradicts
        // nothing in half; {4,5,6} is in fewer than half. The largest first.
        assert_eq!(
            kept,
            [(vec![0, 1, 2, 3], 10), (vec![0, 1], 6), (vec![4, 5], 5)]
        );
    }

    #[test]
    fn kept_clades_nest_into_one_tree_leaves_first() {
        let consensus = Consensus {
            leaves: 6,
            sizes: vec![100, 200],
            treed: vec![100, 200],
            clades: vec![
                Clade {
                    leaves: vec![0, 2, 3, 5],
                    trees: 2,
                },
                Clade {
                    leaves: vec![2, 5],
                    trees: 1,
                },
            ],
            pairs: Vec::new(),
        };
        let leaf = Node::Leaf;
        let clade = |support: f64, children| Node::Clade {
            support: Some(support),
            children,
        };
        assert_eq!(
            consensus.tree(),
            Node::Clade {
                support: None,
                children: vec![
                    leaf(1),
                    leaf(4),
                    clade(
                        1.0,
                        vec![leaf(0), leaf(3), clade(0.5, vec![leaf(2), leaf(5)])]
                    ),
                ],
            }
        );
    }

    #[test]
    fn pairs_that_talk_alike_at_every_size_are_a_clade_of_every_tree() {
        // Speakers 0 and 1 deviate alike, 2 and 3 alike, over every prefix of the four terms; 4 is apart.
        let z = vec![
            vec![1.0, 2.0, 0.5, 1.0],
            vec![1.1, 1.9, 0.4, 1.2],
            vec![-1.0, 0.5, -2.0, 0.1],
            vec![-1.2, 0.4, -1.9, 0.0],
            vec![0.1, -2.0, 1.0, -1.5],
        ];
        let d = with_z(z);
        let mfw: Mfw = "1..6:1".parse().unwrap();
        let c = Consensus::new(&d, &mfw).unwrap();
        // Sizes above the 4 terms count them all, once.
        assert_eq!(c.sizes, [1, 2, 3, 4]);
        assert_eq!(c.treed, c.sizes);
        let stable = |a, b| c.pairs.iter().find(|p| (p.a, p.b) == (a, b)).unwrap();
        assert_eq!((stable(0, 1).nearest, stable(0, 1).cherries), (4, 4));
        assert_eq!((stable(2, 3).nearest, stable(2, 3).cherries), (4, 4));
        assert_eq!((stable(0, 2).nearest, stable(0, 2).cherries), (0, 0));
        assert!(c.clades.iter().any(|k| k.leaves == [0, 1] && k.trees == 4));
        assert!(c.clades.iter().any(|k| k.leaves == [2, 3] && k.trees == 4));
        assert_eq!(c.pairs.len(), 10);
        // One term: speakers 0 and 1 are at cosine 0 (same sign), 0 and 2 at 2 (opposite).
        assert_eq!(
            (stable(0, 1).cosine_min, stable(0, 2).cosine_max),
            (0.0, 2.0)
        );
        // Fewer than three speakers: no consensus.
        assert_eq!(
            Consensus::new(&with_z(vec![vec![1.0], vec![-1.0]]), &mfw),
            None
        );
    }

    #[test]
    fn speakers_who_all_say_the_same_give_no_tree_and_no_panic() {
        // Every z-score 0 (every rate the mean): Cosine Delta undefined at every size, so no tree.
        let d = with_z(vec![vec![0.0; 5]; 3]);
        let c = Consensus::new(&d, &Mfw::One(150)).unwrap();
        assert_eq!(c.sizes, [5]);
        assert!(c.treed.is_empty() && c.clades.is_empty());
        assert!(c
            .pairs
            .iter()
            .all(|p| p.nearest == 0 && p.cosine_min.is_nan()));
        assert_eq!(
            c.tree(),
            Node::Clade {
                support: None,
                children: (0..3).map(Node::Leaf).collect(),
            }
        );
        // No terms at all: no size.
        let none = with_z(vec![Vec::new(); 3]);
        assert!(Consensus::new(&none, &Mfw::One(150))
            .unwrap()
            .sizes
            .is_empty());
    }

    /// Every leaf of `node`, in order.
    fn leaves_of(node: &Node, out: &mut Vec<usize>) {
        match node {
            Node::Leaf(l) => out.push(*l),
            Node::Clade { children, .. } => children.iter().for_each(|c| leaves_of(c, out)),
        }
    }

    proptest::proptest! {
        /// Whatever the z-scores (ties, zeros, speakers alike): no panic, every speaker once in the tree, the kept
        /// clades in at least half of the trees and nested or disjoint, the counts at most the trees.
        #[test]
        fn any_z_scores_give_one_tree_of_compatible_clades(
            z in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![-1.0, 0.0, 0.5, 1.0, 2.0]), 6),
                3..9,
            )
        ) {
            let n = z.len();
            let c = Consensus::new(&with_z(z), &"1..8:1".parse().unwrap()).unwrap();
            let trees = c.treed.len();
            let mut leaves = Vec::new();
            leaves_of(&c.tree(), &mut leaves);
            leaves.sort_unstable();
            proptest::prop_assert_eq!(leaves, (0..n).collect::<Vec<_>>());
            for k in &c.clades {
                proptest::prop_assert!(2 * k.trees >= trees && k.trees <= trees);
                for other in &c.clades {
                    let common = k.leaves.iter().filter(|l| other.leaves.contains(l)).count();
                    proptest::prop_assert!(
                        common == 0 || common == k.leaves.len() || common == other.leaves.len()
                    );
                }
            }
            proptest::prop_assert_eq!(c.pairs.len(), n * (n - 1) / 2);
            for p in &c.pairs {
                proptest::prop_assert!(p.nearest <= trees && p.cherries <= trees);
            }
        }
    }

    #[test]
    fn the_nearest_of_equals_is_the_first_by_name() {
        assert_eq!(nearest(&[0.0, 0.5, 0.5], 0), 1);
        assert_eq!(nearest(&[0.5, 0.0, 0.5], 1), 0);
        assert_eq!(nearest(&[0.9, 0.4, 0.0, 0.4], 2), 1);
        assert!(share(3, 0).is_nan());
        assert_eq!(share(3, 4), 0.75);
    }
}
