//! The pairs and triples of a corpus rebuilt from counts ([`crate::corpus::Grams`]): its turns' words are bags, so
//! the pairs and triples are those the shards counted, read into the same tables as [`super::count_pairs`],
//! [`super::count_spellings`] and [`super::count_triples`] fill from words in order. The two readings give the same
//! counts; the tables are the same.

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

/// The table row of the pair of keys `a`, `b` with `gap` between them, if it is one (`row_of` gives each table pair
/// its row).
fn row(
    g: &Group<'_, '_>,
    row_of: &Tuples<2, u32>,
    counted: &impl Fn(u32) -> bool,
    (a, b): (u32, u32),
    gap: Gap,
) -> Option<u32> {
    let (corpus, view) = (g.corpus, g.options.view);
    let (x, y) = (view.term(corpus, a), view.term(corpus, b));
    if joins(gap, g.options.skip_punct) && counted(x) && counted(y) {
        row_of.get([x, y]).copied()
    } else {
        None
    }
}

/// [`super::count_spellings`] of the counted pairs: the pairs of keys the table pairs are spelled with.
pub(super) fn spellings(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &impl Fn(u32) -> bool,
) -> TupleCounts<2> {
    let corpus = g.corpus;
    let mut pair_keys: TupleCounts<2> = TupleCounts::new();
    for grams in turns
        .iter()
        .filter_map(|&i| corpus.grams.of(&corpus.turns[i]))
    {
        for &([a, b], gap, n) in &grams.pairs {
            if row(g, row_of, counted, (a, b), gap).is_some() {
                pair_keys.add_n([a, b], n);
            }
        }
    }
    pair_keys
}

/// [`super::count_triples`] of the counted triples: those whose two pairs are both in the table.
pub(super) fn triples(
    g: &Group<'_, '_>,
    turns: &[usize],
    row_of: &Tuples<2, u32>,
    counted: &impl Fn(u32) -> bool,
) -> TupleCounts<3> {
    let corpus = g.corpus;
    let mut triples: TupleCounts<3> = TupleCounts::new();
    for grams in turns
        .iter()
        .filter_map(|&i| corpus.grams.of(&corpus.turns[i]))
    {
        for &([a, b, c], [first, second], n) in &grams.triples {
            let pair = |a, b, gap| row(g, row_of, counted, (a, b), gap);
            if pair(a, b, first).is_some() && pair(b, c, second).is_some() {
                triples.add_n([a, b, c], n);
            }
        }
    }
    triples
}
