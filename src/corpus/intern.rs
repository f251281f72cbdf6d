//! String interning: each distinct term gets a dense `u32` id, so hot loops count integers, not strings.
//!
//! The strings live once, end to end, in one buffer ([`Strings`]); the hash table holds only ids (hashbrown's
//! `HashTable`), so interning a new string costs one append and no allocation of its own, and a table of a few
//! hundred thousand words is a few megabytes.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};

/// A list of strings stored end to end in one buffer: no allocation per string, 4 bytes of overhead each.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Strings {
    text: String,
    /// End offset in `text` of each string; string `i` spans `ends[i - 1]..ends[i]`.
    ends: Vec<u32>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Strings {
    /// Appends a string; its index is the previous length.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends
            .push(u32::try_from(self.text.len()).expect("strings under 4 GiB in all"));
    }

    /// The string at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the string at `i` is `s`: its bytes compared without the character-boundary checks of slicing a
    /// `str`, and short strings (most words) by a few word-sized loads instead of a call to `memcmp`.
    #[inline]
    fn is_at(&self, i: usize, s: &[u8]) -> bool {
        let end = self.ends[i] as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        end - start == s.len() && same_bytes(&self.text.as_bytes()[start..end], s)
    }

    /// The buffer and the end offsets of its strings, as [`Strings::from_parts`] takes them.
    pub fn parts(&self) -> (&str, &[u32]) {
        (&self.text, &self.ends)
    }

    /// Strings from a buffer and the end offset of each, if the offsets are in order, within the buffer (the last at
    /// its end) and on character boundaries.
    pub fn from_parts(text: String, ends: Vec<u32>) -> Option<Strings> {
        let in_order = ends.windows(2).all(|w| w[0] <= w[1]);
        let last = ends.last().map_or(0, |&e| e as usize);
        let bounded = ends.iter().all(|&e| text.is_char_boundary(e as usize));
        (in_order && last == text.len() && bounded).then_some(Strings { text, ends })
    }

    /// No strings.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// All strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| self.get(i))
    }
}

/// Whether two byte strings of the same length are equal; from 4 to 16 bytes (most words) by two overlapping loads
/// of 4 or 8 bytes from each end, else by the slices' comparison (`memcmp`).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len();
    let word = |x: &[u8], at: usize| u64::from_le_bytes(x[at..at + 8].try_into().unwrap_or([0; 8]));
    let half = |x: &[u8], at: usize| u32::from_le_bytes(x[at..at + 4].try_into().unwrap_or([0; 4]));
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => a == b,
    }
}

impl std::ops::Index<usize> for Strings {
    type Output = str;

    #[inline]
    fn index(&self, i: usize) -> &str {
        self.get(i)
    }
}

impl<S: AsRef<str>> Extend<S> for Strings {
    fn extend<I: IntoIterator<Item = S>>(&mut self, iter: I) {
        iter.into_iter().for_each(|s| self.push(s.as_ref()));
    }
}

impl<S: AsRef<str>> FromIterator<S> for Strings {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Strings {
        let mut out = Strings::default();
        out.extend(iter);
        out
    }
}

/// A dense, insertion-ordered string table.
#[derive(Clone, Default)]
pub struct Interner {
    strings: Strings,
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interner")
            .field("len", &self.len())
            .finish()
    }
}

impl Interner {
    /// An empty table.
    pub fn new() -> Interner {
        Interner::default()
    }

    #[inline]
    fn span(&self, id: u32) -> &str {
        self.strings.get(id as usize)
    }

    /// An empty table with room for `n` strings before it grows.
    pub fn with_capacity(n: usize) -> Interner {
        Interner {
            table: HashTable::with_capacity(n),
            ..Interner::default()
        }
    }

    /// The id of `s`, adding it if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let Interner {
            strings,
            table,
            hasher,
        } = self;
        let entry = table.entry(
            hash,
            |&id| strings.is_at(id as usize, s.as_bytes()),
            |&id| hasher.hash_one(strings.get(id as usize)),
        );
        match entry {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let id = u32::try_from(strings.len()).expect("fewer than 2^32 distinct terms");
                strings.push(s);
                e.insert(id);
                id
            }
        }
    }

    /// The strings as a table, each with its index as id (kept in place, not copied); `None` if a string repeats.
    pub fn from_strings(strings: Strings) -> Option<Interner> {
        let hasher = DefaultHashBuilder::default();
        let mut table = HashTable::with_capacity(strings.len());
        for (i, s) in strings.iter().enumerate() {
            let hash = hasher.hash_one(s);
            match table.entry(
                hash,
                |&id: &u32| strings.get(id as usize) == s,
                |&id| hasher.hash_one(strings.get(id as usize)),
            ) {
                Entry::Occupied(_) => return None,
                Entry::Vacant(e) => {
                    e.insert(i as u32);
                }
            }
        }
        Some(Interner {
            strings,
            table,
            hasher,
        })
    }

    /// The strings, in id order.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    /// The id of `s`, if interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(s);
        (self.table)
            .find(hash, |&id| self.strings.is_at(id as usize, s.as_bytes()))
            .copied()
    }

    /// The string of an id.
    #[inline]
    pub fn resolve(&self, id: u32) -> &str {
        self.span(id)
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// No strings.
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    /// All strings in id order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.strings.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let mut i = Interner::new();
        assert_eq!(i.intern("путин"), 0);
        assert_eq!(i.intern("токаев"), 1);
        assert_eq!(i.intern("путин"), 0);
        assert_eq!(i.intern(""), 2);
        assert_eq!(i.resolve(1), "токаев");
        assert_eq!(i.resolve(2), "");
        assert_eq!(i.get("нет"), None);
        assert_eq!(i.get("путин"), Some(0));
        assert_eq!(i.len(), 3);
        assert_eq!(i.iter().collect::<Vec<_>>(), ["путин", "токаев", ""]);
    }

    proptest::proptest! {
        #[test]
        fn bytes_compare_as_slices_do(a in proptest::collection::vec(0u8..4, 0..40), flip in 0usize..40) {
            // Mostly equal pairs, and pairs differing in one byte anywhere (at either end of an 8-byte load).
            let mut b = a.clone();
            proptest::prop_assert!(same_bytes(&a, &b));
            if let Some(byte) = b.get_mut(flip) {
                *byte ^= 1;
            }
            proptest::prop_assert_eq!(same_bytes(&a, &b), a == b);
        }
    }

    #[test]
    fn many_strings_survive_rehashing() {
        let mut i = Interner::new();
        for n in 0..50_000u32 {
            assert_eq!(i.intern(&format!("w{n}")), n);
        }
        for n in (0..50_000u32).step_by(997) {
            assert_eq!(i.get(&format!("w{n}")), Some(n));
            assert_eq!(i.resolve(n), format!("w{n}"));
        }
    }
}
