//! Counted pairs and triples of words: what a corpus rebuilt from counts ([`super::counts`]) keeps of the order of
//! words. Its turns' words are bags (no two of them next to each other), so the collocation tables read the pairs
//! and triples a shard counted ([`Grams`]) where a corpus of transcripts reads them off its turns' words; the
//! counts are the same, so are the tables.

use hashbrown::HashMap;

use super::turn::{Gap, KeyId, TurnTokens};

/// The pairs and triples of words next to each other in one segment's turns (one sentence, [`Gap::Adjacent`] or
/// [`Gap::Punct`] between them), by key, each with its count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grams {
    /// Two keys and the gap between them.
    pub pairs: Vec<([KeyId; 2], Gap, u32)>,
    /// Three keys and the gaps between them.
    pub triples: Vec<([KeyId; 3], [Gap; 2], u32)>,
}

impl Grams {
    /// The same grams with every key id `k` replaced by `map[k]`.
    pub(super) fn mapped(self, map: &[KeyId]) -> Grams {
        let id = |k: KeyId| map[k as usize];
        Grams {
            pairs: (self.pairs.into_iter())
                .map(|(keys, gap, n)| (keys.map(id), gap, n))
                .collect(),
            triples: (self.triples.into_iter())
                .map(|(keys, gaps, n)| (keys.map(id), gaps, n))
                .collect(),
        }
    }
}

/// The counted grams of a corpus' turns, by turn; empty for a corpus read from transcripts, whose turns hold their
/// words in order.
#[derive(Debug, Clone, Default)]
pub struct CountedGrams {
    /// By the turn's first token ([`TurnTokens::start`], which reordering the turns leaves as it is).
    by_start: HashMap<u64, Grams>,
}

impl CountedGrams {
    /// The counted grams of `turn`, if its words are a bag whose pairs and triples were counted.
    pub fn of(&self, turn: &TurnTokens) -> Option<&Grams> {
        if self.by_start.is_empty() || turn.is_empty() {
            return None;
        }
        self.by_start.get(&turn.start)
    }

    /// Whether no turn has counted grams.
    pub fn is_empty(&self) -> bool {
        self.by_start.is_empty()
    }

    /// Gives the turn whose first token is `start` (a turn with words) its grams.
    pub(super) fn insert(&mut self, start: u64, grams: Grams) {
        self.by_start.insert(start, grams);
    }
}
