//! The pairs and triples of a corpus rebuilt from counts ([`crate::corpus::Grams`]): its turns' words are bags, so
//! the pairs and triples are those the shards counted, read into the same tables as [`super::count_pairs`] and
//! [`super::count_triples`] fill from words in order. The two readings give the same counts; the tables are the same.

use super::{joins, Group};
use crate::corpus::Gap;
use crate::stats::tuples::{TupleCounts, Tuples};

/// [`super::count_pairs`] of the counted pairs.
pub(super) fn pairs(
    g: &Group<'_, '_>,
    turns: &[usize],
    counted: &impl Fn(u32) -> bool,
) -> TupleCounts<2> {
    let (corpus, view, skip) = (g.corpus, g.options.view, g.options.skip_punct);
    let mut bigrams: TupleCounts<2> = TupleCounts::new();
    for grams in turns
        .iter()
        .filter_map(|&i| corpus.grams.of(&corpus.turns[i]))
    {
        for &([a, b], gap, n) in &grams.pairs {
            let (x, y) = (view.term(corpus, a), view.term(corpus, b));
            if joins(gap, skip) && counted(x) && counted(y) {
                bigrams.add_n([x, y], n);
            }
        }
    }
    bigrams
}

/// [`super::count_triples`] of the counted pairs and triples: the spellings of the table pairs (`row_of` gives
/// each its row) and the triples whose two pairs are both in the table.
pub(super) fn triples(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &impl Fn(u32) -> bool,
) -> (TupleCounts<3>, TupleCounts<3>) {
    let (corpus, view, skip) = (g.corpus, g.options.view, g.options.skip_punct);
    let spelled = view != crate::corpus::View::Key;
    // The table row of the pair of keys `a`, `b` with `gap` between them, if it is one.
    let row = |a: u32, b: u32, gap: Gap| {
        let (x, y) = (view.term(corpus, a), view.term(corpus, b));
        if joins(gap, skip) && counted(x) && counted(y) {
            row_of.get([x, y]).copied()
        } else {
            None
        }
    };
    let mut pair_keys: TupleCounts<3> = TupleCounts::new();
    let mut triples: TupleCounts<3> = TupleCounts::new();
    for grams in turns
        .iter()
        .filter_map(|&i| corpus.grams.of(&corpus.turns[i]))
    {
        if spelled {
            for &([a, b], gap, n) in &grams.pairs {
                if let Some(r) = row(a, b, gap) {
                    pair_keys.add_n([r, a, b], n);
                }
            }
        }
        for &([a, b, c], [first, second], n) in &grams.triples {
            if row(a, b, first).is_some() && row(b, c, second).is_some() {
                triples.add_n([a, b, c], n);
            }
        }
    }
    (pair_keys, triples)
}
