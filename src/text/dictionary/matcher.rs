//! Matching a dictionary against words: which entries a word can be part of, then where entries and categories
//! occur in a run of words.
//!
//! **Slots.** Word `j` of entry `e` is one slot (`slot = first slot of e + j`). [`Matcher::slots_of`] gives the
//! slots a word (a key, a stem or a lemma) matches, from the compiled globs: a hash look-up for the words without
//! wildcard, one per prefix of the word for the globs that end in their only `*`, and the general matcher for the
//! few others. The caller asks once per distinct word and keeps the answers (per key id in the corpus), so the
//! globs are never run per token.
//!
//! **Finding** ([`Matcher::find`]): in a run of words, each with its slots and whether it follows the word before
//! with nothing but white space within one sentence, an entry matches where its first word's slot is found and each
//! following word has the next slot and is joined to the one before; every such place is an [`EntryMatch`] (what
//! `dictionary_terms.csv` counts). A category then takes, from left to right, the matches of its entries and of
//! the entries of the categories nested in it, the longest at each place, and never two that share a word: those
//! are its [`Hit`]s, so a word two entries of a category match counts once for that category, and a phrase counts
//! once however many of its words another entry matches (quanteda's `nested_scope = "key"`). At one place and
//! length the entry written first is the one that counts (with its weight).

use std::collections::HashMap;

use super::glob::Glob;
use super::model::{CategoryId, Dictionary, EntryId};

/// Word `j` of entry `e`: an index into the matcher's slots.
pub type Slot = u32;

/// Where an entry matches in a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryMatch {
    /// The entry.
    pub entry: EntryId,
    /// Its first word's index in the run.
    pub start: usize,
    /// Its words.
    pub len: usize,
}

/// One occurrence of a category: the entry that counts there and the words it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The category.
    pub category: CategoryId,
    /// The entry (of the category or of one nested in it).
    pub entry: EntryId,
    /// Its first word's index in the run.
    pub start: usize,
    /// Its words.
    pub len: usize,
}

/// What [`Matcher::find`] found in a run, kept between runs so that its buffers are reused.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Every place an entry matches, by start, then slot order.
    pub matches: Vec<EntryMatch>,
    /// Every hit, by category, then start.
    pub hits: Vec<Hit>,
    /// (category, start, longest first, entry) of each match, for each category it counts in.
    candidates: Vec<(CategoryId, usize, std::cmp::Reverse<usize>, EntryId)>,
}

/// A dictionary compiled for matching.
#[derive(Debug, Clone)]
pub struct Matcher {
    dictionary: Dictionary,
    /// The entry and word index of each slot.
    slots: Vec<(EntryId, u32)>,
    exact: HashMap<String, Vec<Slot>>,
    prefixes: HashMap<String, Vec<Slot>>,
    general: Vec<(Glob, Slot)>,
    /// The categories each entry counts in: its own and those above it.
    scopes: Vec<Vec<CategoryId>>,
}

impl Matcher {
    /// Compiles every entry's globs.
    pub fn new(dictionary: Dictionary) -> Matcher {
        let mut slots = Vec::new();
        let mut exact: HashMap<String, Vec<Slot>> = HashMap::new();
        let mut prefixes: HashMap<String, Vec<Slot>> = HashMap::new();
        let mut general = Vec::new();
        for (e, entry) in dictionary.entries.iter().enumerate() {
            for (j, word) in entry.words.iter().enumerate() {
                let slot = slots.len() as Slot;
                slots.push((e as EntryId, j as u32));
                match Glob::new(word) {
                    Glob::Exact(w) => exact.entry(w).or_default().push(slot),
                    Glob::Prefix(p) => prefixes.entry(p).or_default().push(slot),
                    glob => general.push((glob, slot)),
                }
            }
        }
        let scopes = dictionary
            .entries
            .iter()
            .map(|e| dictionary.scope(e.category))
            .collect();
        Matcher {
            dictionary,
            slots,
            exact,
            prefixes,
            general,
            scopes,
        }
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// The categories entry `e` counts in: its own, then each one above it.
    pub fn scope(&self, e: EntryId) -> &[CategoryId] {
        &self.scopes[e as usize]
    }

    /// Appends the slots `word` (a key) matches to `out`, and sorts and deduplicates all of `out`.
    pub fn slots_of(&self, word: &str, out: &mut Vec<Slot>) {
        if let Some(found) = self.exact.get(word) {
            out.extend_from_slice(found);
        }
        if !self.prefixes.is_empty() {
            let ends = word.char_indices().map(|(i, _)| i).chain([word.len()]);
            for end in ends {
                if let Some(found) = self.prefixes.get(&word[..end]) {
                    out.extend_from_slice(found);
                }
            }
        }
        for (glob, slot) in &self.general {
            if glob.matches(word) {
                out.push(*slot);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Finds entries and category hits in a run of `n` words: `slots(i)` are word i's slots (sorted), `joined(i)`
    /// whether word i follows word i − 1 within one sentence with nothing but white space between. The results
    /// are in `scratch` (see the module's doc).
    pub fn find<'s>(
        &self,
        n: usize,
        slots: impl Fn(usize) -> &'s [Slot],
        joined: impl Fn(usize) -> bool,
        scratch: &mut Scratch,
    ) {
        scratch.matches.clear();
        scratch.hits.clear();
        scratch.candidates.clear();
        for i in 0..n {
            for &s in slots(i) {
                let (e, j) = self.slots[s as usize];
                if j != 0 {
                    continue;
                }
                let len = self.dictionary.entries[e as usize].words.len();
                let whole = i + len <= n
                    && (1..len).all(|k| {
                        joined(i + k) && slots(i + k).binary_search(&(s + k as Slot)).is_ok()
                    });
                if whole {
                    scratch.matches.push(EntryMatch {
                        entry: e,
                        start: i,
                        len,
                    });
                }
            }
        }
        for m in &scratch.matches {
            for &c in &self.scopes[m.entry as usize] {
                let candidate = (c, m.start, std::cmp::Reverse(m.len), m.entry);
                scratch.candidates.push(candidate);
            }
        }
        scratch.candidates.sort_unstable();
        let mut free = (CategoryId::MAX, 0);
        for &(category, start, std::cmp::Reverse(len), entry) in &scratch.candidates {
            if free.0 != category {
                free = (category, 0);
            }
            if start >= free.1 {
                scratch.hits.push(Hit {
                    category,
                    entry,
                    start,
                    len,
                });
                free.1 = start + len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::dictionary::parse;

    const YAML: &str = "
security:
  threat: [угроз*, опасн*]
  __: [безопасност*]
economy:
  trade:
    - торгов*
    - товарооборот
  __:
    - специальн* военн* операци*
    - военн*
";

    /// Hits as (category, start, words) and entry matches as (entry, start).
    type Found = (Vec<(String, usize, usize)>, Vec<(String, usize)>);

    /// The hits of each category in `words` (one sentence, words separated by spaces; `|` breaks the sentence).
    fn hits(yaml: &str, text: &str) -> Found {
        let d = parse("d.yml", yaml.as_bytes()).unwrap();
        let m = Matcher::new(d);
        let mut words = Vec::new();
        let mut joined = Vec::new();
        let mut after_break = true;
        for w in text.split_whitespace() {
            if w == "|" {
                after_break = true;
                continue;
            }
            let mut s = Vec::new();
            m.slots_of(w, &mut s);
            words.push(s);
            joined.push(!after_break);
            after_break = false;
        }
        let mut scratch = Scratch::default();
        m.find(words.len(), |i| &words[i], |i| joined[i], &mut scratch);
        let d = m.dictionary();
        let named = |c: CategoryId| d.categories[c as usize].name.clone();
        let hits = scratch
            .hits
            .iter()
            .map(|h| (named(h.category), h.start, h.len))
            .collect();
        let entries = scratch
            .matches
            .iter()
            .map(|e| (d.entries[e.entry as usize].text(), e.start))
            .collect();
        (hits, entries)
    }

    #[test]
    fn a_word_counts_once_per_category_and_at_every_level_above() {
        let (hits, entries) = hits(
            "security:\n  threat: [угроз*, угрозы]\n  other: [угроза]\n",
            "угрозы угроза",
        );
        // угрозы: two entries of threat, one hit of threat and of security; угроза: threat and other, once in
        // security. Hits come by category (in the order of the tree), then place.
        assert_eq!(
            hits,
            [
                ("security".into(), 0, 1),
                ("security".into(), 1, 1),
                ("security.threat".into(), 0, 1),
                ("security.threat".into(), 1, 1),
                ("security.other".into(), 1, 1),
            ]
        );
        assert_eq!(entries.len(), 4);
    }

    #[test]
    fn a_phrase_is_joined_words_of_one_sentence_and_wins_over_its_words() {
        let (h, e) = hits(YAML, "специальной военной операции военные");
        // The phrase counts once in economy; военные is a hit of its own; the word военной inside the phrase
        // matched an entry (dictionary_terms) but is not a second hit.
        assert_eq!(h, [("economy".into(), 0, 3), ("economy".into(), 3, 1)]);
        assert_eq!(
            e,
            [
                ("специальн* военн* операци*".into(), 0),
                ("военн*".into(), 1),
                ("военн*".into(), 3)
            ]
        );
        let (h, _) = hits(YAML, "специальной военной | операции");
        assert_eq!(h, [("economy".into(), 1, 1)]);
    }

    #[test]
    fn nested_and_parent_values_count_in_the_parent() {
        let (h, _) = hits(YAML, "торговля растет | безопасность и угрозы");
        assert_eq!(
            h,
            [
                ("security".into(), 2, 1),
                ("security".into(), 4, 1),
                ("security.threat".into(), 4, 1),
                ("economy".into(), 0, 1),
                ("economy.trade".into(), 0, 1),
            ]
        );
    }
}
