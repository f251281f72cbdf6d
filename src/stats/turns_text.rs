//! Some turns of the corpus read as one [`Text`], the input of the lexical-diversity measures ([`super::lexdiv`]),
//! without holding their words: the token store is read turn by turn, forward or backward.

use crate::corpus::{Corpus, TokenError, TurnTokens};

use super::lexdiv::Text;

/// Some turns' word tokens as one [`Text`], read from the token store chunk by chunk (a chunk is a turn).
pub struct TurnsText<'c> {
    corpus: &'c Corpus,
    turns: Vec<&'c TurnTokens>,
    len: usize,
    bound: usize,
}

impl<'c> TurnsText<'c> {
    /// The text of `turns`, in the order given.
    pub fn new(
        corpus: &'c Corpus,
        turns: impl IntoIterator<Item = &'c TurnTokens>,
    ) -> Result<TurnsText<'c>, TokenError> {
        let turns: Vec<&TurnTokens> = turns.into_iter().collect();
        let len = turns.iter().map(|t| t.len()).sum();
        // The largest id, read once: a text that uses only low ids gets dense counts.
        let mut max = None;
        corpus.for_each_chunk(turns.iter().copied(), |words| {
            max = max.max(words.iter().copied().max());
        })?;
        let bound = max.map_or(0, |m| m as usize + 1);
        Ok(TurnsText {
            corpus,
            turns,
            len,
            bound,
        })
    }
}

impl Text for TurnsText<'_> {
    type Error = TokenError;

    fn len(&self) -> usize {
        self.len
    }

    fn id_bound(&self) -> usize {
        self.bound
    }

    fn chunks(&self, backward: bool, f: &mut dyn FnMut(&[u32])) -> Result<(), TokenError> {
        let mut reader = self.corpus.reader();
        let mut read = |t: &&TurnTokens| reader.words(t).map(&mut *f);
        if backward {
            self.turns.iter().rev().try_for_each(&mut read)
        } else {
            self.turns.iter().try_for_each(&mut read)
        }
    }
}
