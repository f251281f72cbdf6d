//! Lexical diversity of a token sequence (word keys in text order; numbers and punctuation excluded, stopwords
//! included). N is the number of tokens, V the number of types, V₁ the number of types seen once.
//!
//! | measure | formula | source |
//! |---|---|---|
//! | TTR | V / N | Templin 1957 |
//! | Herdan's C | ln V / ln N | Herdan 1960 |
//! | Guiraud's R | V / √N | Guiraud 1954 |
//! | Maas a² | (ln N − ln V) / (ln N)² | Maas 1972 (natural logs, as lexicalrichness) |
//! | Yule's K | 10⁴ · (Σᵢ i²·Vᵢ / N² − 1/N) | Yule 1944 |
//! | MATTR | mean TTR of every window of `w` consecutive tokens (N − w + 1 windows) | Covington & McFall 2010 |
//! | MTLD | N / factors, mean of a forward and a backward pass, threshold 0.72 | McCarthy & Jarvis 2010 |
//! | HD-D | Σ over types of (1 − P(0 of the type in 42 draws without replacement)) / 42 | McCarthy & Jarvis 2007 |
//! | hapax share | V₁ / V | |
//!
//! MATTR, MTLD and HD-D follow the conventions of the Python package lexicalrichness 0.5.1 exactly, so results can
//! be compared: MATTR sums the window TTRs left to right; an MTLD pass closes a factor when the running TTR falls
//! to the threshold or below (`<=`), adds the partial factor (1 − TTR)/(1 − threshold) of an unfinished last
//! segment, and, if no factor was counted at all, uses the whole text's TTR; HD-D sums over types in order of first
//! occurrence. MATTR is undefined (`None`) when N < w and HD-D when N < 42, rather than invented.
//!
//! **Length dependence.** TTR, Herdan's C, Guiraud's R, Maas a², the hapax share and, to a lesser degree, Yule's K
//! change with text length, so compare them only between texts of similar length; MATTR, MTLD and HD-D were
//! designed to be stable across lengths (above a few hundred tokens).

use hashbrown::HashMap;
use serde::Serialize;

/// The MTLD threshold.
pub const MTLD_THRESHOLD: f64 = 0.72;
/// HD-D sample size.
pub const HDD_DRAWS: usize = 42;
/// Texts at least this long get MATTR and MTLD computed in parallel.
const PARALLEL_FROM: usize = 100_000;

/// The default MATTR window.
pub const MATTR_WINDOW: usize = 100;

/// All measures of one token sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LexicalDiversity {
    /// Tokens.
    pub tokens: usize,
    /// Types.
    pub types: usize,
    /// Type–token ratio.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub ttr: Option<f64>,
    /// Herdan's C.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub herdan_c: Option<f64>,
    /// Guiraud's R.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub guiraud_r: Option<f64>,
    /// Maas a².
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub maas_a: Option<f64>,
    /// Yule's K.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub yule_k: Option<f64>,
    /// MATTR with the window used.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mattr: Option<f64>,
    /// MTLD.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mtld: Option<f64>,
    /// HD-D.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub hdd: Option<f64>,
    /// Share of types seen once.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub hapax_share: Option<f64>,
}

/// A text given as token ids that can be read more than once, forward or backward, in chunks; so a measure can
/// run over a speaker's whole corpus without holding it.
pub trait Text: Sync {
    /// Why reading the chunks failed ([`std::convert::Infallible`] for a text in memory).
    type Error: Send;
    /// Number of tokens.
    fn len(&self) -> usize;
    /// No tokens.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// An upper bound of the token ids (every id is below it).
    fn id_bound(&self) -> usize;
    /// Hands the chunks to `f`, in text order, or in reverse order when `backward` (a chunk itself is always in
    /// text order).
    fn chunks(&self, backward: bool, f: &mut dyn FnMut(&[u32])) -> Result<(), Self::Error>;
}

impl Text for [u32] {
    type Error = std::convert::Infallible;

    fn len(&self) -> usize {
        <[u32]>::len(self)
    }

    fn id_bound(&self) -> usize {
        self.iter().copied().max().map_or(0, |m| m as usize + 1)
    }

    fn chunks(&self, _backward: bool, f: &mut dyn FnMut(&[u32])) -> Result<(), Self::Error> {
        f(self);
        Ok(())
    }
}

/// Counts per term id: a dense array when the ids are few compared with the tokens, a hash map otherwise, so
/// long texts avoid hashing and short ones avoid vocabulary-sized arrays.
enum TypeCounts {
    Dense(Vec<u32>),
    Sparse(HashMap<u32, u32>),
}

impl TypeCounts {
    /// Dense counts when the ids are few for the text's length, a map otherwise.
    fn for_text<T: Text + ?Sized>(text: &T) -> TypeCounts {
        let bound = text.id_bound();
        if bound <= text.len().saturating_mul(4) {
            TypeCounts::Dense(vec![0; bound])
        } else {
            TypeCounts::Sparse(HashMap::new())
        }
    }

    /// Adds one; returns the new count. Inlined into the passes' loops, with the map's work kept out of line.
    #[inline(always)]
    fn inc(&mut self, t: u32) -> u32 {
        match self {
            TypeCounts::Dense(v) => {
                v[t as usize] += 1;
                v[t as usize]
            }
            TypeCounts::Sparse(m) => sparse_inc(m, t),
        }
    }

    /// Removes one; returns the new count.
    #[inline(always)]
    fn dec(&mut self, t: u32) -> u32 {
        match self {
            TypeCounts::Dense(v) => {
                v[t as usize] -= 1;
                v[t as usize]
            }
            TypeCounts::Sparse(m) => sparse_dec(m, t),
        }
    }

    fn get(&self, t: u32) -> u32 {
        match self {
            TypeCounts::Dense(v) => v[t as usize],
            TypeCounts::Sparse(m) => m.get(&t).copied().unwrap_or(0),
        }
    }

    /// Resets the counts of `tokens` (the ones counted) to zero.
    fn reset(&mut self, tokens: &[u32]) {
        match self {
            TypeCounts::Dense(v) => tokens.iter().for_each(|&t| v[t as usize] = 0),
            TypeCounts::Sparse(m) => m.clear(),
        }
    }
}

/// Adds one to the count of `t` in a map of counts; returns the new count.
#[inline(never)]
fn sparse_inc(m: &mut HashMap<u32, u32>, t: u32) -> u32 {
    let c = m.entry(t).or_default();
    *c += 1;
    *c
}

/// Removes one from the count of `t`, counted before, in a map of counts; returns the new count.
#[inline(never)]
fn sparse_dec(m: &mut HashMap<u32, u32>, t: u32) -> u32 {
    let c = m.get_mut(&t).expect("counted before");
    *c -= 1;
    *c
}

/// Computes every measure; `window` is the MATTR window.
pub fn measure(tokens: &[u32], window: usize) -> LexicalDiversity {
    if tokens.id_bound() > tokens.len().saturating_mul(4) {
        // Few tokens for their ids (a speaker in one meeting of a large corpus): numbered afresh in order of first
        // occurrence, once, so that every pass counts in a dense array instead of hashing each token. The measures
        // depend only on which tokens are equal and on that order, so they are the same.
        return in_memory(measure_text(renumbered(tokens).as_slice(), window));
    }
    in_memory(measure_text(tokens, window))
}

/// The tokens with ids 0, 1, 2, … given in order of first occurrence.
fn renumbered(tokens: &[u32]) -> Vec<u32> {
    let mut ids: HashMap<u32, u32> = HashMap::with_capacity(tokens.len().min(1 << 16));
    tokens
        .iter()
        .map(|&t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect()
}

/// What cannot fail for a text in memory.
fn in_memory<T>(result: Result<T, std::convert::Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

/// Computes every measure of a text read in chunks (four reads: counts, MATTR, MTLD forward and backward; on a
/// long text the four side by side, each with its own counts).
pub fn measure_text<T: Text + ?Sized>(
    text: &T,
    window: usize,
) -> Result<LexicalDiversity, T::Error> {
    let n = text.len();
    let defined = n > 0;
    let mtld_pass =
        |backward: bool, tally: &mut TypeCounts| -> Result<Option<MtldPass>, T::Error> {
            defined
                .then(|| mtld_pass(text, MTLD_THRESHOLD, backward, tally))
                .transpose()
        };
    let (counted, mattr, forward, backward) = if n >= PARALLEL_FROM {
        let own = || TypeCounts::for_text(text);
        let ((counted, mattr), (forward, backward)) = rayon::join(
            || {
                rayon::join(
                    || type_frequencies(text, &mut own()),
                    || mattr_with(text, window, &mut own()),
                )
            },
            || {
                rayon::join(
                    || mtld_pass(false, &mut own()),
                    || mtld_pass(true, &mut own()),
                )
            },
        );
        (counted?, mattr?, forward?, backward?)
    } else {
        let mut tally = TypeCounts::for_text(text);
        let counted = type_frequencies(text, &mut tally)?;
        let mattr = mattr_with(text, window, &mut tally)?;
        let forward = mtld_pass(false, &mut tally)?;
        let backward = mtld_pass(true, &mut tally)?;
        (counted, mattr, forward, backward)
    };
    // Frequencies of the types in order of first occurrence (for HD-D), and Σ f² (for Yule's K).
    let freqs = counted;
    let v = freqs.len();
    let (nf, vf) = (n as f64, v as f64);
    let log_defined = n > 1;
    let hapaxes = freqs.iter().filter(|&&f| f == 1).count();
    let squares: u128 = freqs.iter().map(|&f| u128::from(f) * u128::from(f)).sum();
    let whole = vf / nf;
    let mtld = forward
        .zip(backward)
        .map(|(f, b)| (f.finish(n, whole) + b.finish(n, whole)) / 2.0);
    Ok(LexicalDiversity {
        tokens: n,
        types: v,
        ttr: defined.then(|| vf / nf),
        herdan_c: log_defined.then(|| vf.ln() / nf.ln()),
        guiraud_r: defined.then(|| vf / nf.sqrt()),
        maas_a: log_defined.then(|| (nf.ln() - vf.ln()) / (nf.ln() * nf.ln())),
        yule_k: defined.then(|| 1e4 * (squares as f64 / (nf * nf) - 1.0 / nf)),
        mattr,
        mtld,
        hdd: hdd_of(&freqs, n, HDD_DRAWS),
        hapax_share: defined.then(|| hapaxes as f64 / vf),
    })
}

/// The frequency of each type of a text, in order of first occurrence; `tally` is all zero on entry and on exit.
fn type_frequencies<T: Text + ?Sized>(
    text: &T,
    tally: &mut TypeCounts,
) -> Result<Vec<u64>, T::Error> {
    let mut first: Vec<u32> = Vec::new();
    text.chunks(false, &mut |chunk| {
        for &t in chunk {
            if tally.inc(t) == 1 {
                first.push(t);
            }
        }
    })?;
    let freqs = first.iter().map(|&t| u64::from(tally.get(t))).collect();
    tally.reset(&first);
    Ok(freqs)
}

/// Moving-average type–token ratio over windows of `window` tokens; `None` when the text is shorter.
pub fn mattr(tokens: &[u32], window: usize) -> Option<f64> {
    in_memory(mattr_with(
        tokens,
        window,
        &mut TypeCounts::for_text(tokens),
    ))
}

/// MATTR in one forward read, the window's tokens in a ring; `tally` is all zero on entry and on exit.
fn mattr_with<T: Text + ?Sized>(
    text: &T,
    window: usize,
    tally: &mut TypeCounts,
) -> Result<Option<f64>, T::Error> {
    if window == 0 || text.len() < window {
        return Ok(None);
    }
    let mut ring: Vec<u32> = Vec::with_capacity(window);
    let mut at = 0;
    let mut distinct = 0usize;
    let w = window as f64;
    let mut sum = 0.0;
    text.chunks(false, &mut |chunk| {
        for &t in chunk {
            if ring.len() < window {
                ring.push(t);
                if tally.inc(t) == 1 {
                    distinct += 1;
                }
                if ring.len() == window {
                    sum = distinct as f64 / w;
                }
                continue;
            }
            if tally.dec(ring[at]) == 0 {
                distinct -= 1;
            }
            ring[at] = t;
            at += 1;
            if at == window {
                at = 0;
            }
            if tally.inc(t) == 1 {
                distinct += 1;
            }
            sum += distinct as f64 / w;
        }
    })?;
    tally.reset(&ring);
    Ok(Some(sum / (text.len() - window + 1) as f64))
}

/// One MTLD pass, fed token by token.
struct MtldPass {
    segment: Vec<u32>,
    distinct: usize,
    factors: f64,
    ttr: f64,
    threshold: f64,
}

impl MtldPass {
    fn new(threshold: f64) -> MtldPass {
        MtldPass {
            segment: Vec::new(),
            distinct: 0,
            factors: 0.0,
            ttr: 1.0,
            threshold,
        }
    }

    #[inline]
    fn push(&mut self, t: u32, tally: &mut TypeCounts) {
        self.segment.push(t);
        if tally.inc(t) == 1 {
            self.distinct += 1;
        }
        self.ttr = self.distinct as f64 / self.segment.len() as f64;
        if self.ttr <= self.threshold {
            tally.reset(&self.segment);
            self.segment.clear();
            self.distinct = 0;
            self.factors += 1.0;
        }
    }

    /// The pass's MTLD, in a text of `n` tokens whose type–token ratio is `whole_ttr`.
    fn finish(mut self, n: usize, whole_ttr: f64) -> f64 {
        let threshold = self.threshold;
        if !self.segment.is_empty() {
            self.factors += (1.0 - self.ttr) / (1.0 - threshold);
        }
        if self.factors == 0.0 {
            self.factors += if whole_ttr == 1.0 {
                1.0
            } else {
                (1.0 - whole_ttr) / (1.0 - threshold)
            };
        }
        n as f64 / self.factors
    }
}

/// MTLD: the mean of a forward and a backward pass.
pub fn mtld(tokens: &[u32], threshold: f64) -> f64 {
    let mut tally = TypeCounts::for_text(tokens);
    let types = in_memory(type_frequencies(tokens, &mut tally)).len();
    let whole = types as f64 / tokens.len() as f64;
    let forward = in_memory(mtld_pass(tokens, threshold, false, &mut tally));
    let backward = in_memory(mtld_pass(tokens, threshold, true, &mut tally));
    (forward.finish(tokens.len(), whole) + backward.finish(tokens.len(), whole)) / 2.0
}

/// One MTLD pass over a text, forward or backward, up to its unfinished last segment ([`MtldPass::finish`] ends
/// it); `tally` is all zero on entry and on exit.
fn mtld_pass<T: Text + ?Sized>(
    text: &T,
    threshold: f64,
    backward: bool,
    tally: &mut TypeCounts,
) -> Result<MtldPass, T::Error> {
    let mut pass = MtldPass::new(threshold);
    if backward {
        text.chunks(true, &mut |chunk| {
            chunk.iter().rev().for_each(|&t| pass.push(t, tally));
        })?;
    } else {
        text.chunks(false, &mut |chunk| {
            chunk.iter().for_each(|&t| pass.push(t, tally));
        })?;
    }
    tally.reset(&pass.segment);
    Ok(pass)
}

/// HD-D with `draws` draws; `None` when the text has fewer tokens than draws.
pub fn hdd(tokens: &[u32], draws: usize) -> Option<f64> {
    let mut tally = TypeCounts::for_text(tokens);
    let mut first = Vec::new();
    for &t in tokens {
        if tally.inc(t) == 1 {
            first.push(t);
        }
    }
    let freqs: Vec<u64> = first.iter().map(|&t| u64::from(tally.get(t))).collect();
    hdd_of(&freqs, tokens.len(), draws)
}

/// HD-D from the type frequencies in order of first occurrence.
fn hdd_of(freqs: &[u64], n: usize, draws: usize) -> Option<f64> {
    if draws == 0 || n < draws {
        return None;
    }
    let mut memo: HashMap<u64, f64> = HashMap::new();
    let mut sum = 0.0;
    for &f in freqs {
        let f = f as usize;
        let contribution = *memo.entry(f as u64).or_insert_with(|| {
            // P(none of the f occurrences in `draws` draws) = Π_{k<draws} (N − f − k) / (N − k)
            let mut p0 = 1.0f64;
            for k in 0..draws {
                if n < f + k + 1 {
                    p0 = 0.0;
                    break;
                }
                p0 *= (n - f - k) as f64 / (n - k) as f64;
            }
            (1.0 - p0) / draws as f64
        });
        sum += contribution;
    }
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_worked_examples() {
        // a b a c: N 4, V 3.
        let m = measure(&[1, 2, 1, 3], 2);
        assert_eq!(m.ttr, Some(0.75));
        assert_eq!(m.guiraud_r, Some(1.5));
        // windows (a b) (b a) (a c): all TTR 1.
        assert_eq!(m.mattr, Some(1.0));
        // Σ f² = 4 + 1 + 1 = 6; K = 10⁴ (6/16 − 1/4) = 1250.
        assert_eq!(m.yule_k, Some(1250.0));
        assert_eq!(m.hapax_share, Some(2.0 / 3.0));
        assert_eq!(m.hdd, None);
        assert_eq!(measure(&[1, 2, 3], 100).mattr, None);
    }

    #[test]
    fn sparse_ids_measure_as_the_same_tokens_renumbered() {
        // Ids far above the number of tokens take the renumbering; the same text with small ids does not.
        let small: Vec<u32> = (0..3000u32).map(|i| (i * i + 7 * i) % 211).collect();
        let sparse: Vec<u32> = small.iter().map(|&t| 1_000_000 + t * 977).collect();
        assert!(sparse.as_slice().id_bound() > 4 * sparse.len());
        assert_eq!(renumbered(&sparse), renumbered(&small));
        let (a, b) = (measure(&sparse, 50), measure(&small, 50));
        assert_eq!(a, b);
        let distinct: std::collections::BTreeSet<u32> = small.iter().copied().collect();
        assert_eq!(a.types, distinct.len());
        assert!(a.mattr.is_some() && a.mtld.is_some() && a.hdd.is_some());
        // And the same as counting in a map, as measure_text does with sparse ids.
        assert_eq!(in_memory(measure_text(sparse.as_slice(), 50)), a);
    }

    #[test]
    fn mtld_of_all_distinct_tokens_is_n() {
        let tokens: Vec<u32> = (0..50).collect();
        assert_eq!(mtld(&tokens, MTLD_THRESHOLD), 50.0);
    }
}
