//! The bootstrap consensus tree of `consensus.nwk` drawn as a cladogram: the root on the left, the speakers on the
//! right one to a row, each clade a bracket labelled with its support (the share of the trees over the range of
//! most frequent words that hold it). Branch lengths mean nothing in a consensus, so the depth of a bracket only
//! says how many clades it holds nested: a clade's bracket sits one step left of its deepest child's.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{bold, clip, font, Chart, DrawResult};
use crate::report::{Context, WriteError};
use crate::stats::consensus::Node;

/// Characters of a name shown.
const NAME_CHARS: usize = 48;
/// Leaves drawn at most (consensus.nwk has any number).
const MAX_LEAVES: usize = 200;
/// Pixels from the root to the leaves.
const TREE_WIDTH: i32 = 620;
/// The left margin.
const LEFT: i32 = 40;
/// The first row, below the title and the note.
const TOP: i32 = 90;

/// The data: the tree, the names of its leaves, and what it was built from.
pub struct Consensus {
    /// The tree (`None`: fewer than three speakers compared).
    pub tree: Option<Node>,
    /// Leaf names, by leaf index.
    pub names: Vec<String>,
    /// The trees the consensus counts.
    pub trees: usize,
    /// The sizes clustered: smallest and largest.
    pub sizes: (usize, usize),
    /// Speakers compared.
    pub compared: usize,
    /// Speakers left out for having fewer than `min_words` words.
    pub left_out: usize,
    /// `--min-words`.
    pub min_words: u64,
    /// What the leaves are: `speakers`, or `groups` (`--group-by`).
    pub noun: &'static str,
}

/// A line of the drawing, in tree units: x from 0 (root) to 1 (leaves), y in rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line from (x0, y0) to (x1, y1).
    Line((f64, f64), (f64, f64)),
    /// A leaf's name at its row.
    Leaf(usize, f64),
    /// A clade's support at its bracket (x, y).
    Support(f64, (f64, f64)),
}

/// The marks of a cladogram of `tree`: leaves one to a row in the tree's order, a clade's bracket at x = 1 − its
/// height over the root's (a leaf's height is 0, a clade's one more than its highest child's), at the middle of
/// its first and last child's rows.
pub fn cladogram(tree: &Node) -> Vec<Mark> {
    fn height(node: &Node) -> usize {
        match node {
            Node::Leaf(_) => 0,
            Node::Clade { children, .. } => 1 + children.iter().map(height).max().unwrap_or(0),
        }
    }
    fn place(node: &Node, top: usize, row: &mut usize, marks: &mut Vec<Mark>) -> (f64, f64) {
        let x = 1.0 - height(node) as f64 / top.max(1) as f64;
        match node {
            Node::Leaf(l) => {
                let y = *row as f64;
                *row += 1;
                marks.push(Mark::Leaf(*l, y));
                (x, y)
            }
            Node::Clade { support, children } => {
                let ends: Vec<(f64, f64)> =
                    children.iter().map(|c| place(c, top, row, marks)).collect();
                let first = ends.first().map_or(*row as f64, |e| e.1);
                let last = ends.last().map_or(first, |e| e.1);
                for &(cx, cy) in &ends {
                    marks.push(Mark::Line((x, cy), (cx, cy)));
                }
                marks.push(Mark::Line((x, first), (x, last)));
                let y = (first + last) / 2.0;
                if let Some(s) = support {
                    marks.push(Mark::Support(*s, (x, y)));
                }
                (x, y)
            }
        }
    }
    let mut marks = Vec::new();
    let top = height(tree);
    let (x, y) = place(tree, top, &mut 0, &mut marks);
    // A stub left of the root.
    marks.push(Mark::Line((x - 0.03, y), (x, y)));
    marks
}

impl Consensus {
    fn leaves(&self) -> usize {
        self.names.len()
    }

    /// Pixels per row.
    fn row(&self) -> i32 {
        if self.leaves() <= 60 {
            26
        } else {
            17
        }
    }
}

impl Chart for Consensus {
    const STEM: &'static str = "consensus";
    const TITLE: &'static str = "Who talks like whom, whatever the word list";
    const CAPTION: &'static str = "The bootstrap consensus tree (consensus.nwk): the speakers of distances.csv clustered by Cosine Delta with average linkage, once for each number of most frequent words in the --mfw range (100 to 1,000 when --mfw is one number), and the groupings found in at least half of those trees kept, each labelled with the share of trees that hold it. A bracket joins speakers who talk alike whatever the length of the word list; speakers hanging from the root belong to no stable group. Only the nesting means something, not the horizontal distances. stability.csv has every pair.";
    const METHOD: &'static str = "From the consensus tree of `consensus.nwk`, as a cladogram: the speakers one to a row in the tree's order \
         (within a clade, speakers first by name, then the smaller clades), each clade a bracket at a depth of one step \
         per clade it holds nested, labelled with its support as a percentage of the trees. All the speakers compared \
         are drawn, up to 200.";

    fn shape(cx: &Context) -> Result<Option<Consensus>, WriteError> {
        let (tallies, config) = (cx.tallies()?, cx.config);
        let (speakers, left_out) =
            crate::stats::distance::compared(cx.corpus, tallies, config.min_words);
        let mut chart = Consensus {
            tree: None,
            names: Vec::new(),
            trees: 0,
            sizes: (0, 0),
            compared: speakers.len(),
            left_out,
            min_words: config.min_words,
            noun: if cx.corpus.about.group_by.is_empty() {
                "speakers"
            } else {
                "groups"
            },
        };
        if let (Some(d), Some(consensus)) = (cx.distances()?, cx.consensus()?) {
            chart.names = d
                .speakers
                .iter()
                .map(|&s| cx.shown(&cx.corpus.speakers[s as usize]))
                .collect();
            chart.tree = Some(consensus.tree());
            chart.trees = consensus.treed.len();
            let sizes = &consensus.sizes;
            chart.sizes = (
                sizes.first().copied().unwrap_or(0),
                sizes.last().copied().unwrap_or(0),
            );
        }
        Ok(Some(chart))
    }

    fn size(&self) -> (u32, u32) {
        if self.tree.is_none() || self.leaves() > MAX_LEAVES {
            return (1000, 400);
        }
        let rows = self.leaves() as i32;
        let longest = self
            .names
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        let labels = 9 * longest.min(NAME_CHARS) as i32;
        let width = (LEFT + 20 + TREE_WIDTH + 8 + labels + 30).max(1000);
        (
            width as u32,
            (40 + TOP + self.row() * (rows - 1) + 50) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let (smallest, largest) = self.sizes;
        let trees = match self.trees {
            1 => "1 tree".to_string(),
            n => format!("{n} trees"),
        };
        let words = if smallest == largest {
            format!("{largest}")
        } else {
            format!("{smallest} to {largest}")
        };
        let title = match self.tree {
            Some(_) => {
                format!("Consensus of {trees}: Cosine Delta over {words} most frequent words")
            }
            None => "Consensus tree of Cosine Delta".to_string(),
        };
        let area = root.titled(&title, bold(22))?;
        let Some(tree) = &self.tree else {
            let why = format!(
                "The consensus tree compares three {} or more with at least {} words each (--min-words); {} {}{}: lower --min-words, or add transcripts",
                self.noun,
                self.min_words,
                self.compared,
                if self.compared == 1 { "has them" } else { "have them" },
                if self.left_out > 0 { format!(", {} with fewer are left out", self.left_out) } else { String::new() },
            );
            return super::no_data(&area, &why);
        };
        if self.leaves() > MAX_LEAVES {
            let why = format!(
                "{} {} are too many to draw; consensus.nwk has the tree (a tree viewer such as FigTree or R's ape draws it)",
                self.leaves(),
                self.noun
            );
            return super::no_data(&area, &why);
        }
        let mut compared = format!(
            "{} {} with {} words or more (--min-words)",
            self.compared, self.noun, self.min_words
        );
        if self.left_out > 0 {
            compared.push_str(&format!("; {} with fewer left out", self.left_out));
        }
        let clades = format!(
            "Clades in at least half of the {} trees, labelled with the share of trees that hold them (blue: 75% or more)",
            self.trees
        );
        for (k, line) in [clades, compared].into_iter().enumerate() {
            let grey = font(16).color(&RGBColor(90, 90, 90));
            area.draw(&Text::new(line, (LEFT, 10 + 22 * k as i32), grey))?;
        }
        let row = self.row();
        let at = |(x, y): (f64, f64)| {
            (
                LEFT + 20 + (x * TREE_WIDTH as f64).round() as i32,
                TOP + (y * row as f64).round() as i32,
            )
        };
        let ink = RGBColor(40, 40, 40);
        let label_size = if row > 20 { 16 } else { 13 };
        for mark in cladogram(tree) {
            match mark {
                Mark::Line(a, b) => {
                    area.draw(&PathElement::new(vec![at(a), at(b)], ink.stroke_width(2)))?;
                }
                Mark::Leaf(l, y) => {
                    let (x, y) = at((1.0, y));
                    area.draw(&Text::new(
                        clip(&self.names[l], NAME_CHARS),
                        (x + 8, y),
                        font(label_size).pos(Pos::new(HPos::Left, VPos::Center)),
                    ))?;
                }
                Mark::Support(s, p) => {
                    let (x, y) = at(p);
                    let strong = s >= 0.75;
                    let colour = if strong {
                        RGBColor(8, 81, 156)
                    } else {
                        RGBColor(150, 150, 150)
                    };
                    area.draw(&Circle::new((x, y), 4, colour.filled()))?;
                    area.draw(&Text::new(
                        format!("{:.0}%", s * 100.0),
                        (x - 4, y - 4),
                        font(13)
                            .color(&colour)
                            .pos(Pos::new(HPos::Right, VPos::Bottom)),
                    ))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_take_a_row_each_and_brackets_sit_between_their_children() {
        // (0, (1, 2)0.6): the clade's bracket halfway between the root (height 2) and the leaves.
        let tree = Node::Clade {
            support: None,
            children: vec![
                Node::Leaf(0),
                Node::Clade {
                    support: Some(0.6),
                    children: vec![Node::Leaf(1), Node::Leaf(2)],
                },
            ],
        };
        let marks = cladogram(&tree);
        let leaves: Vec<(usize, f64)> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Leaf(l, y) => Some((*l, *y)),
                _ => None,
            })
            .collect();
        assert_eq!(leaves, [(0, 0.0), (1, 1.0), (2, 2.0)]);
        assert!(marks.contains(&Mark::Support(0.6, (0.5, 1.5))));
        // The clade's bracket from row 1 to row 2 at x = 0.5; the root's from row 0 to row 1.5 at x = 0.
        assert!(marks.contains(&Mark::Line((0.5, 1.0), (0.5, 2.0))));
        assert!(marks.contains(&Mark::Line((0.0, 0.0), (0.0, 1.5))));
        assert!(marks.contains(&Mark::Line((0.0, 0.0), (1.0, 0.0))));
    }
}
