//! String interning: each distinct term gets a dense `u32` id, so hot loops count integers, not strings.
//!
//! The strings live once, end to end, in one buffer; the hash table holds only ids (hashbrown's `HashTable`), so
//! interning a new string costs one append and no allocation of its own, and a table of a few hundred thousand
//! words is a few megabytes.

use std::hash::BuildHasher;

use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashTable};

/// A dense, insertion-ordered string table.
#[derive(Clone, Default)]
pub struct Interner {
    text: String,
    /// End offset in `text` of each string; string `i` spans `ends[i - 1]..ends[i]`.
    ends: Vec<u32>,
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

    fn span(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The id of `s`, adding it if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let Interner {
            text,
            ends,
            table,
            hasher,
        } = self;
        let span = |id: u32| {
            let i = id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &text[start..ends[i] as usize]
        };
        match table.entry(hash, |&id| span(id) == s, |&id| hasher.hash_one(span(id))) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let id = u32::try_from(ends.len()).expect("fewer than 2^32 distinct terms");
                text.push_str(s);
                ends.push(u32::try_from(text.len()).expect("interned text under 4 GiB"));
                e.insert(id);
                id
            }
        }
    }

    /// The id of `s`, if interned.
    pub fn get(&self, s: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(s);
        self.table.find(hash, |&id| self.span(id) == s).copied()
    }

    /// The string of an id.
    pub fn resolve(&self, id: u32) -> &str {
        self.span(id)
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// No strings.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// All strings in id order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len() as u32).map(|id| self.span(id))
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
