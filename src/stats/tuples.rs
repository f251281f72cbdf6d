//! Hash tables of tuples of ids, each with a value beside it, as the collocation tables count pairs and triples of
//! terms: a tuple is stored as its ids (12 bytes for a pair counted in a `u32`, where a map from a packed `u64`
//! takes 16), and hashed two ids per hasher write.

use std::hash::{BuildHasher, Hasher};

use hashbrown::{DefaultHashBuilder, HashTable};

/// Tuples of `N` ids, each with a value beside it (12 bytes for a pair counted in a `u32`, where a map from a
/// packed `u64` takes 16): on a large corpus these tables are the biggest thing a group holds.
pub(super) struct Tuples<const N: usize, V> {
    table: HashTable<([u32; N], V)>,
    hasher: DefaultHashBuilder,
}

/// Counts of tuples.
pub(super) type TupleCounts<const N: usize> = Tuples<N, u32>;

impl<const N: usize, V> Tuples<N, V> {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Tuples {
            table: HashTable::with_capacity(capacity),
            hasher: DefaultHashBuilder::default(),
        }
    }

    pub(super) fn new() -> Self {
        Self::with_capacity(0)
    }

    /// The hash of a tuple: its ids folded two by two into `u64`s, one hasher write each.
    #[inline]
    fn hash(hasher: &DefaultHashBuilder, ids: &[u32; N]) -> u64 {
        let mut h = hasher.build_hasher();
        for pair in ids.chunks(2) {
            let high = u64::from(pair[0]) << 32;
            h.write_u64(high | pair.get(1).map_or(0, |&y| u64::from(y)));
        }
        h.finish()
    }

    /// The value of a tuple, made with `V::default()` if it has none yet.
    #[inline]
    pub(super) fn value(&mut self, ids: [u32; N]) -> &mut V
    where
        V: Default,
    {
        let hasher = &self.hasher;
        let hash = Self::hash(hasher, &ids);
        let entry = self
            .table
            .entry(hash, |(k, _)| *k == ids, |(k, _)| Self::hash(hasher, k))
            .or_insert_with(|| (ids, V::default()));
        &mut entry.into_mut().1
    }

    #[inline]
    pub(super) fn get(&self, ids: [u32; N]) -> Option<&V> {
        let hash = Self::hash(&self.hasher, &ids);
        self.table.find(hash, |(k, _)| *k == ids).map(|(_, v)| v)
    }

    pub(super) fn get_mut(&mut self, ids: [u32; N]) -> Option<&mut V> {
        let hash = Self::hash(&self.hasher, &ids);
        self.table
            .find_mut(hash, |(k, _)| *k == ids)
            .map(|(_, v)| v)
    }

    /// Keeps the tuples for which `keep` is true (the table keeps its capacity).
    pub(super) fn retain(&mut self, mut keep: impl FnMut(&[u32; N], &mut V) -> bool) {
        self.table.retain(|(k, v)| keep(k, v));
    }

    /// Gives back the room of tuples taken out ([`Tuples::retain`]): a table looked up at every word afterwards is
    /// faster small.
    pub(super) fn shrink_to_fit(&mut self) {
        let hasher = &self.hasher;
        self.table.shrink_to_fit(|(k, _)| Self::hash(hasher, k));
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &([u32; N], V)> + '_ {
        self.table.iter()
    }
}

impl<const N: usize> TupleCounts<N> {
    #[inline]
    pub(super) fn add(&mut self, ids: [u32; N]) {
        *self.value(ids) += 1;
    }

    /// Adds `n` to a tuple's count.
    #[inline]
    pub(super) fn add_n(&mut self, ids: [u32; N], n: u32) {
        let count = self.value(ids);
        *count = count.saturating_add(n);
    }
}
