//! A dictionary as every format reads it: a tree of categories, each named by its path (`economy.trade`), and the
//! entries of each, keyed as words are (lowercase, `ё` = `е`), with a weight.
//!
//! **Merging.** A category named twice (a YAML key or a LIWC id repeated, the same category in two files) is one
//! category with the entries of both, as quanteda merges them; an entry written twice in one category (by key) is
//! one entry, the first written. Categories are kept in the order of the tree: a category, then the categories
//! nested in it, each level in the order first named.

use std::collections::HashMap;

use super::Problem;
use crate::text::normalize::key;

/// An index into [`Dictionary::categories`].
pub type CategoryId = u32;
/// An index into [`Dictionary::entries`].
pub type EntryId = u32;

/// Categories nested deeper than this are an error (no published dictionary comes near it).
pub const MAX_DEPTH: usize = 32;

/// One category.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Its path: the names from the top level down, joined by `.` (`economy.trade`).
    pub name: String,
    /// The category it is nested in.
    pub parent: Option<CategoryId>,
    /// 0 at the top level.
    pub depth: usize,
}

/// One entry: a word or a phrase of words, each a glob.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The category it belongs to (and so to every category above that one).
    pub category: CategoryId,
    /// Its words, keyed (lowercase, `ё` = `е`), globs as written (`угроз*`).
    pub words: Vec<String>,
    /// Its weight (1 where the format gives none).
    pub weight: f64,
    /// The file it was read from, as given.
    pub file: String,
    /// Its 1-based line there.
    pub line: usize,
}

impl Entry {
    /// The entry as the tables show it: its keyed words joined by a space.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// A dictionary: categories in the order of the tree and their entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionary {
    /// The categories, each before the ones nested in it.
    pub categories: Vec<Category>,
    /// The entries, by category in the categories' order, then in the order written.
    pub entries: Vec<Entry>,
    /// Whether any entry has a weight of its own (WordStat's `WORD (2)`).
    pub weighted: bool,
    /// What was left out while reading, as `file:line: what`.
    pub warnings: Vec<String>,
}

impl Dictionary {
    /// The id of the category with this path.
    pub fn category(&self, name: &str) -> Option<CategoryId> {
        self.categories
            .iter()
            .position(|c| c.name == name)
            .map(|i| i as CategoryId)
    }

    /// The categories at the top level.
    pub fn top(&self) -> impl Iterator<Item = CategoryId> + '_ {
        (0..self.categories.len() as CategoryId)
            .filter(|&c| self.categories[c as usize].parent.is_none())
    }

    /// A category and every category it is nested in, from itself up.
    pub fn scope(&self, category: CategoryId) -> Vec<CategoryId> {
        let mut out = vec![category];
        while let Some(parent) = self.categories[*out.last().unwrap_or(&0) as usize].parent {
            out.push(parent);
        }
        out
    }

    /// Several dictionaries as one: categories of the same path merged, in the order first named.
    pub fn merged(dictionaries: Vec<Dictionary>) -> Dictionary {
        let mut builder = Builder::new("");
        let mut warnings = Vec::new();
        for d in dictionaries {
            let mut ids = Vec::with_capacity(d.categories.len());
            for c in &d.categories {
                let parent = c.parent.map(|p| ids[p as usize]);
                let name = c.name.rsplit('.').next().unwrap_or(&c.name);
                // The names were checked when the dictionary was read.
                ids.push(builder.category(parent, name).unwrap_or_default());
            }
            for e in d.entries {
                builder.file = e.file.clone();
                builder.add(ids[e.category as usize], e.words, e.weight, e.line);
            }
            builder.dictionary.weighted |= d.weighted;
            warnings.extend(d.warnings);
        }
        let mut merged = builder.ordered();
        merged.warnings = warnings;
        merged
    }
}

/// What a format's reader fills: categories and entries as they come, merged and ordered by [`Builder::finish`].
#[derive(Debug)]
pub struct Builder {
    dictionary: Dictionary,
    file: String,
    paths: HashMap<String, CategoryId>,
    seen: HashMap<(CategoryId, Vec<String>), EntryId>,
}

impl Builder {
    /// A builder of the dictionary in `file` (the name its entries and warnings carry).
    pub fn new(file: &str) -> Builder {
        Builder {
            dictionary: Dictionary::default(),
            file: file.to_string(),
            paths: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    /// The category `name` nested in `parent` (at the top level for `None`), made unless it is there already.
    pub fn category(
        &mut self,
        parent: Option<CategoryId>,
        name: &str,
    ) -> Result<CategoryId, Problem> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Problem::EmptyName);
        }
        if name.contains('.') {
            return Err(Problem::Dot(name.to_string()));
        }
        let (path, depth) = match parent {
            None => (name.to_string(), 0),
            Some(p) => {
                let above = &self.dictionary.categories[p as usize];
                (format!("{}.{name}", above.name), above.depth + 1)
            }
        };
        if depth >= MAX_DEPTH {
            return Err(Problem::TooDeep(MAX_DEPTH));
        }
        if let Some(&id) = self.paths.get(&path) {
            return Ok(id);
        }
        let id = self.dictionary.categories.len() as CategoryId;
        self.paths.insert(path.clone(), id);
        self.dictionary.categories.push(Category {
            name: path,
            parent,
            depth,
        });
        Ok(id)
    }

    /// An entry of `category` as written at `line`: words split at white space and keyed (an entry of no word is
    /// left out); `weight` where the format gives one.
    pub fn entry(&mut self, category: CategoryId, text: &str, weight: Option<f64>, line: usize) {
        let words: Vec<String> = text
            .split_whitespace()
            .map(key)
            .filter(|w| !w.is_empty())
            .collect();
        if weight.is_some() {
            self.dictionary.weighted = true;
        }
        self.add(category, words, weight.unwrap_or(1.0), line);
    }

    fn add(&mut self, category: CategoryId, words: Vec<String>, weight: f64, line: usize) {
        if words.is_empty() {
            return;
        }
        let seen = (category, words);
        if self.seen.contains_key(&seen) {
            return;
        }
        let id = self.dictionary.entries.len() as EntryId;
        self.dictionary.entries.push(Entry {
            category,
            words: seen.1.clone(),
            weight,
            file: self.file.clone(),
            line,
        });
        self.seen.insert(seen, id);
    }

    /// Notes a line left out.
    pub fn warn(&mut self, line: usize, what: impl std::fmt::Display) {
        let warning = format!("{}:{line}: {what}", self.file);
        self.dictionary.warnings.push(warning);
    }

    /// The dictionary, categories in the order of the tree; an error if no category has an entry.
    pub fn finish(self) -> Result<Dictionary, (usize, Problem)> {
        if self.dictionary.entries.is_empty() {
            return Err((1, Problem::NoEntries));
        }
        Ok(self.ordered())
    }

    /// The dictionary with its categories in the order of the tree (and the entries by category).
    fn ordered(self) -> Dictionary {
        let d = self.dictionary;
        let n = d.categories.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, c) in d.categories.iter().enumerate() {
            match c.parent {
                Some(p) => children[p as usize].push(i),
                None => roots.push(i),
            }
        }
        // Depth first, children in the order first named (a stack, so no recursion however deep).
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(c) = stack.pop() {
            order.push(c);
            stack.extend(children[c].iter().rev());
        }
        let mut new_id = vec![0 as CategoryId; n];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = new as CategoryId;
        }
        let categories = order
            .iter()
            .map(|&old| {
                let c = &d.categories[old];
                Category {
                    parent: c.parent.map(|p| new_id[p as usize]),
                    ..c.clone()
                }
            })
            .collect();
        let mut entries: Vec<Entry> = d
            .entries
            .into_iter()
            .map(|e| Entry {
                category: new_id[e.category as usize],
                ..e
            })
            .collect();
        // Stable: the order written within a category.
        entries.sort_by_key(|e| e.category);
        Dictionary {
            categories,
            entries,
            weighted: d.weighted,
            warnings: d.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_merge_by_path_and_come_in_the_order_of_the_tree() {
        let mut b = Builder::new("d.yml");
        let econ = b.category(None, "economy").unwrap();
        let sec = b.category(None, "security").unwrap();
        let trade = b.category(Some(econ), "trade").unwrap();
        assert_eq!(b.category(None, " economy ").unwrap(), econ);
        b.entry(trade, "Торгов*", None, 3);
        b.entry(sec, "угроз*  безопасност*", Some(2.0), 4);
        b.entry(trade, "торгов*", None, 5);
        b.entry(econ, "   ", None, 6);
        let d = b.finish().unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["economy", "economy.trade", "security"]);
        assert_eq!(d.categories[1].parent, Some(0));
        assert_eq!(d.entries.len(), 2);
        assert_eq!((d.entries[0].category, d.entries[0].line), (1, 3));
        assert_eq!(d.entries[1].words, ["угроз*", "безопасност*"]);
        assert!(d.weighted);
        assert_eq!(d.scope(1), [1, 0]);
        assert_eq!(d.top().collect::<Vec<_>>(), [0, 2]);
    }

    #[test]
    fn names_are_checked() {
        let mut b = Builder::new("d");
        assert_eq!(b.category(None, " "), Err(Problem::EmptyName));
        assert_eq!(b.category(None, "a.b"), Err(Problem::Dot("a.b".into())));
        let mut parent = None;
        let deep = (0..MAX_DEPTH + 1).try_for_each(|i| {
            parent = Some(b.category(parent, &format!("c{i}"))?);
            Ok(())
        });
        assert_eq!(deep, Err(Problem::TooDeep(MAX_DEPTH)));
        assert_eq!(Builder::new("d").finish(), Err((1, Problem::NoEntries)));
    }

    #[test]
    fn dictionaries_merge_by_category_path() {
        let one = |file: &str, category: &str, word: &str| {
            let mut b = Builder::new(file);
            let top = b.category(None, "top").unwrap();
            let c = b.category(Some(top), category).unwrap();
            b.entry(c, word, None, 2);
            b.finish().unwrap()
        };
        let d = Dictionary::merged(vec![
            one("a", "x", "к"),
            one("b", "y", "л"),
            one("c", "x", "м"),
        ]);
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["top", "top.x", "top.y"]);
        let files: Vec<(&str, u32)> = d
            .entries
            .iter()
            .map(|e| (e.file.as_str(), e.category))
            .collect();
        assert_eq!(files, [("a", 1), ("c", 1), ("b", 2)]);
    }
}
