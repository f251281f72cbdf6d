//! The surface forms of each key, counted as the meetings are tokenized (`Surfaces`) and gathered after all
//! files are read (`Forms`), and the rule that picks the form a key, stem or lemma is shown as
//! (`most_frequent`).

use hashbrown::HashMap;

use super::intern::Interner;
use super::turn::KeyId;

/// The surface id that stands for "written exactly as the key".
pub(super) const SAME_AS_KEY: u32 = u32::MAX;

/// Surface forms seen for each key: interned surfaces and (key, surface) counts.
#[derive(Default)]
pub(super) struct Surfaces {
    /// The surfaces.
    pub strings: Interner,
    /// How often each (key, surface) was seen.
    pub counts: HashMap<(KeyId, u32), u32>,
}

/// The most frequent string of a count table; ties go to a form without capitals (a word capitalised only at the
/// start of sentences is shown in lowercase), then to the smallest string.
pub(super) fn most_frequent<'a>(candidates: impl Iterator<Item = (&'a str, u32)>) -> &'a str {
    let rank = |s: &str, n: u32| (std::cmp::Reverse(n), s.chars().any(char::is_uppercase));
    let mut best: Option<(&str, u32)> = None;
    for (s, n) in candidates {
        best = match best {
            // A different count decides alone (most keys have one form, and most ties are none).
            Some((bs, bn)) if bn > n => Some((bs, bn)),
            Some((bs, bn)) if bn == n && (rank(bs, bn), bs) <= (rank(s, n), s) => Some((bs, bn)),
            _ => Some((s, n)),
        };
    }
    best.map_or("", |(s, _)| s)
}

/// The surface forms of each key with their counts; a key's own spelling stands as [`SAME_AS_KEY`]. Stored as one
/// list, key after key (key `k`'s forms are `forms[starts[k]..starts[k + 1]]`), not as a list per key.
pub(super) struct Forms<'a> {
    keys: &'a Interner,
    surfaces: &'a Interner,
    starts: Vec<usize>,
    forms: Vec<(u32, u32)>,
    /// Occurrences of each key.
    pub(super) counts: Vec<u64>,
}

impl<'a> Forms<'a> {
    pub(super) fn new(
        keys: &'a Interner,
        key_counts: Vec<u64>,
        surface_counts: HashMap<(KeyId, u32), u32>,
        surfaces: &'a Interner,
    ) -> Forms<'a> {
        // Occurrences of each key as spelled like the key: all but those of its other surfaces.
        let mut as_key: Vec<u64> = key_counts.clone();
        let mut len = vec![0usize; keys.len()];
        for (&(key, _), &n) in &surface_counts {
            as_key[key as usize] -= u64::from(n);
            len[key as usize] += 1;
        }
        let mut starts = Vec::with_capacity(keys.len() + 1);
        let mut end = 0;
        starts.push(0);
        for (l, &n) in len.iter().zip(&as_key) {
            end += l + usize::from(n > 0);
            starts.push(end);
        }
        let mut forms = vec![(0u32, 0u32); end];
        let mut next: Vec<usize> = starts[..keys.len()].to_vec();
        for (&(key, form), &n) in &surface_counts {
            forms[next[key as usize]] = (form, n);
            next[key as usize] += 1;
        }
        for (key, &n) in as_key.iter().enumerate() {
            if n > 0 {
                forms[next[key]] = (SAME_AS_KEY, n.min(u64::from(u32::MAX)) as u32);
            }
        }
        Forms {
            keys,
            surfaces,
            starts,
            forms,
            counts: key_counts,
        }
    }

    fn text(&self, key: KeyId, form: u32) -> &'a str {
        if form == SAME_AS_KEY {
            self.keys.resolve(key)
        } else {
            self.surfaces.resolve(form)
        }
    }

    /// The forms of `key` with their counts.
    pub(super) fn of(&self, key: KeyId) -> impl Iterator<Item = (&'a str, u32)> + '_ {
        self.forms[self.starts[key as usize]..self.starts[key as usize + 1]]
            .iter()
            .map(move |&(f, n)| (self.text(key, f), n))
    }
}
