//! `stability.csv` and `consensus.nwk`: the bootstrap consensus tree of the speakers of `distances.csv` over a
//! range of most frequent words, as Newick ([`crate::report::newick`]), and how stable each pair is across the
//! range ([`crate::stats::consensus`]).

use serde::Serialize;

use crate::report::newick::newick;
use crate::report::write::atomic_write;
use crate::stats::consensus::{share, Consensus};

use super::{write_table, write_table_ranked, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "stability.csv";
/// The consensus tree's file.
pub const NEWICK: &str = "consensus.nwk";
const ABOUT: &str = "How stable each pair of speakers is across the sizes of the consensus tree: how often one is the other's nearest neighbour by Cosine Delta, and how often the two form a clade of their own (most stable first; the tree itself is consensus.nwk).";
const METHOD: &str = "The bootstrap consensus tree (Eder 2017; the stylo package's BCT) of the speakers of `distances.csv`, \
     three or more: for each size of the `--mfw` range (100..1000:100 when `--mfw` is one number; a size above the \
     number of terms the speakers use counts them all, and a list that would repeat counts once), the speakers are \
     clustered by Cosine Delta over that many most frequent terms with average linkage (UPGMA), and each tree's \
     clades (the speakers under each merge) are counted. The majority-rule consensus keeps the clades found in at \
     least half of the trees; two clades in exactly half that contradict each other are both left out (R's \
     `ape::consensus(p = 0.5)` keeps only those in more than half). `consensus.nwk` is that tree in Newick, each \
     clade labelled with its support (the share of trees holding it), names in single quotes where they are not \
     plain ASCII, no branch lengths; it is written when three speakers or more are compared.\n\n\
     `stability.csv` has every pair once: `sizes`, the sizes that gave a tree (a size where a speaker's z-scores \
     are all 0, so that Cosine Delta is undefined, gives none); `nearest_share`, the share of those trees in which \
     one of the two is the other's nearest neighbour (smallest Cosine Delta, ties to the first by name); \
     `clade_share`, the share in which the two form a clade of exactly two; and the smallest and largest Cosine \
     Delta between them across the sizes.";

/// One row of `stability.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct StabilityRow<'a> {
    /// The first speaker, by name.
    pub a: &'a str,
    /// The second speaker.
    pub b: &'a str,
    /// Sizes that gave a tree.
    pub sizes: usize,
    /// Share of them in which one is the other's nearest neighbour.
    pub nearest_share: f64,
    /// Share of them in which the two form a clade of two.
    pub clade_share: f64,
    /// The smallest Cosine Delta between them across the sizes.
    pub cosine_delta_min: f64,
    /// The largest.
    pub cosine_delta_max: f64,
}

impl Row for StabilityRow<'_> {
    const HEADER: &'static str =
        "a,b,sizes,nearest_share,clade_share,cosine_delta_min,cosine_delta_max";
    const TYPES: &'static str = "str,str,int,f64,f64,f64,f64";
}

/// `stability.csv` and `consensus.nwk`.
pub struct ConsensusTable;

impl Table for ConsensusTable {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, StabilityRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "consensus tree"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let (Some(d), Some(consensus)) = (cx.distances()?, cx.consensus()?) else {
            return write_table(cx, FILE, ABOUT, &[] as &[StabilityRow]);
        };
        let name = |i: usize| cx.corpus.speakers[d.speakers[i] as usize].as_str();
        let trees = consensus.treed.len();
        let rows: Vec<StabilityRow> = consensus
            .pairs
            .iter()
            .map(|p| StabilityRow {
                a: name(p.a),
                b: name(p.b),
                sizes: trees,
                nearest_share: share(p.nearest, trees),
                clade_share: share(p.cherries, trees),
                cosine_delta_min: p.cosine_min,
                cosine_delta_max: p.cosine_max,
            })
            .collect();
        let mut made = write_table_ranked(cx, FILE, ABOUT, &rows, |x, y| {
            (y.clade_share.total_cmp(&x.clade_share))
                .then(y.nearest_share.total_cmp(&x.nearest_share))
        })?;
        let path = cx.config.out.join(NEWICK);
        let text = newick(&consensus.tree(), &name);
        atomic_write(&path, |out| {
            out.write_all(text.as_bytes())
                .map_err(|cause| WriteError::Io {
                    path: path.display().to_string(),
                    cause,
                })
        })?;
        made.files.push(NEWICK.to_string());
        Ok(made)
    }
}

impl Context<'_> {
    /// The bootstrap consensus tree of the speakers of [`Context::distances`] over the sizes of `--mfw` (`None` with
    /// fewer than three). Shared with its chart.
    pub fn consensus(&self) -> Result<Option<&Consensus>, WriteError> {
        let consensus = self.shared.consensus.get_or_try(|| {
            Ok(self
                .distances()?
                .and_then(|d| Consensus::new(d, &self.config.mfw)))
        })?;
        Ok(consensus.as_ref())
    }
}
