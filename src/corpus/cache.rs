//! `--cache DIR`: the dictionary's readings of words kept between runs, so that a rerun on a growing archive
//! analyses only the words it has not met before.
//!
//! **What is kept.** Per word form (as the corpus writes it), every reading the lemmatizer may give it whatever the
//! speakers' names are ([`Readings`]): a reading depends on the corpus' names ([`Want::Known`]), so the choice is
//! made at each run, never cached. Stems are not kept (Snowball is cheap), nor anything else.
//!
//! **Content-addressed.** The file's name is a hash of what decides the readings: stenogram's version, the
//! dictionary's fingerprint ([`Lemmatizer::fingerprint`]) and the source of the code that reads words
//! (`text/lemma.rs`, `text/tags.rs`, `text/normalize.rs`), so a new dictionary or a change of that code starts a
//! new file and an old one is never read for it. The file repeats that address inside and is used only if it
//! matches. A cache therefore never changes an output byte: the tests run a report with and without it and compare.
//!
//! **Compact.** The file (postcard) and the table in memory are a few flat arrays: the words end to end, the lemma
//! strings end to end (each once), and rows of ids, so that loading the readings of a quarter of a million words
//! takes milliseconds and a few megabytes, where a map of owned readings took a second and 80 MB.
//!
//! **Failures.** A cache that cannot be read (damaged, or made for another stenogram) or written is left alone and
//! the run goes on without it; [`CacheUse::error`] says why, and the run warns. The file is replaced whole (written
//! beside it, then renamed), so a run stopped halfway leaves the old cache.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::text::lemma::{Lemmatizer, NameKind, PersonPart, Pos, Reading, Readings, Want};

use super::intern::{Interner, Strings};

/// The code whose behaviour the cached readings record (see the module's documentation).
const READING_CODE: [&str; 3] = [
    include_str!("../text/lemma.rs"),
    include_str!("../text/tags.rs"),
    include_str!("../text/normalize.rs"),
];

/// The cache could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The folder or file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a cache of this stenogram and dictionary.
    #[error("{}: not a cache of readings of this stenogram and dictionary ({reason})", path.display())]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
}

/// What a run did with the cache.
#[derive(Debug, Default)]
pub struct CacheUse {
    /// The cache file.
    pub path: PathBuf,
    /// Words whose readings were in it.
    pub hits: usize,
    /// Words read from the dictionary and added to it.
    pub added: usize,
    /// Why the cache was not read or not written, if so (the run's outputs are the same either way).
    pub error: Option<CacheError>,
}

/// No name: the row of a word's reading when no name asked for is a lemma of its name analyses.
const OTHERWISE: u32 = u32::MAX;

/// One reading, its strings as ids of [`ReadingCache::pool`].
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Row {
    /// The folded lemma of the name analysis this reading is taken for, or [`OTHERWISE`].
    named: u32,
    lemma: u32,
    spelling: u32,
    pos: Pos,
    name: Option<NameKind>,
    part: Option<PersonPart>,
    prob: f64,
}

/// The file: the address it was made for, and the table.
#[derive(serde::Deserialize)]
struct Stored {
    address: String,
    /// The words, end to end, and where each ends.
    words: (String, Vec<u32>),
    /// The lemma strings, end to end, and where each ends.
    pool: (String, Vec<u32>),
    /// Where each word's rows start (one more than there are words: the last is the number of rows); a word's first
    /// row is its reading [`OTHERWISE`], the rest its name readings in the dictionary's order.
    first: Vec<u32>,
    rows: Vec<Row>,
}

/// The file as written ([`Stored`], borrowed from the table: the same bytes).
#[derive(serde::Serialize)]
struct StoredRef<'a> {
    address: &'a str,
    words: (&'a str, &'a [u32]),
    pool: (&'a str, &'a [u32]),
    first: &'a [u32],
    rows: &'a [Row],
}

/// Words and their readings, compact: what the cache holds, and what a run adds to it.
#[derive(Debug)]
pub(super) struct Table {
    words: Interner,
    pool: Interner,
    /// Where each word's rows start, and the number of rows last (see [`Stored::first`]).
    first: Vec<u32>,
    rows: Vec<Row>,
}

impl Default for Table {
    fn default() -> Table {
        Table {
            words: Interner::new(),
            pool: Interner::new(),
            first: vec![0],
            rows: Vec::new(),
        }
    }
}

impl Table {
    /// Adds `word` with its readings, unless it is in already.
    pub(super) fn add(&mut self, word: &str, readings: &Readings) {
        let before = self.words.len();
        if self.words.intern(word) as usize != before {
            return;
        }
        let otherwise = self.row(OTHERWISE, &readings.otherwise);
        self.rows.push(otherwise);
        for (lemma, reading) in &readings.names {
            let named = self.pool.intern(lemma);
            let row = self.row(named, reading);
            self.rows.push(row);
        }
        self.first.push(self.rows.len() as u32);
    }

    /// A row of `reading`, its strings put in the pool.
    fn row(&mut self, named: u32, reading: &Reading) -> Row {
        Row {
            named,
            lemma: self.pool.intern(&reading.lemma),
            spelling: self.pool.intern(&reading.form),
            pos: reading.pos,
            name: reading.name,
            part: reading.part,
            prob: reading.prob,
        }
    }

    /// Adds the words of `other` that are not in already, with their readings.
    fn append(&mut self, other: &Table) {
        for w in 0..other.words.len() {
            let before = self.words.len();
            if self.words.intern(other.words.resolve(w as u32)) as usize != before {
                continue;
            }
            for row in &other.rows[other.first[w] as usize..other.first[w + 1] as usize] {
                let mut pooled = |id: u32| self.pool.intern(other.pool.resolve(id));
                let named = if row.named == OTHERWISE {
                    OTHERWISE
                } else {
                    pooled(row.named)
                };
                let (lemma, spelling) = (pooled(row.lemma), pooled(row.spelling));
                self.rows.push(Row {
                    named,
                    lemma,
                    spelling,
                    ..*row
                });
            }
            self.first.push(self.rows.len() as u32);
        }
    }

    /// Words in the table.
    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    /// The reading `want` asks for of `word`, if the word is in the table.
    fn read(&self, word: &str, want: Want<'_>) -> Option<Reading> {
        let w = self.words.get(word)? as usize;
        let rows = &self.rows[self.first[w] as usize..self.first[w + 1] as usize];
        let named = match want {
            Want::Best => None,
            Want::Known(names) => rows[1..]
                .iter()
                .find(|r| names.contains(self.pool.resolve(r.named))),
        };
        let row = named.unwrap_or(&rows[0]);
        Some(Reading {
            lemma: self.pool.resolve(row.lemma).to_string(),
            form: self.pool.resolve(row.spelling).to_string(),
            pos: row.pos,
            name: row.name,
            part: row.part,
            prob: row.prob,
        })
    }

    /// The table of a file's parts, if they hold together (ids within their tables, rows in order).
    fn of_stored(stored: Stored) -> Option<Table> {
        let table = |(text, ends): (String, Vec<u32>)| {
            Strings::from_parts(text, ends).and_then(Interner::from_strings)
        };
        let (words, pool) = (table(stored.words)?, table(stored.pool)?);
        let (first, rows) = (stored.first, stored.rows);
        let starts_in_order = first.len() == words.len() + 1
            && first.first() == Some(&0)
            && first.last() == Some(&(rows.len() as u32))
            && first.windows(2).all(|w| w[0] < w[1]);
        let in_pool = |id: u32| (id as usize) < pool.len();
        let ids_known = rows.iter().all(|r| {
            in_pool(r.lemma) && in_pool(r.spelling) && (r.named == OTHERWISE || in_pool(r.named))
        });
        (starts_in_order && ids_known).then_some(Table {
            words,
            pool,
            first,
            rows,
        })
    }
}

/// The readings of the words met so far, loaded from a cache folder.
#[derive(Debug)]
pub(super) struct ReadingCache {
    path: PathBuf,
    address: String,
    table: Table,
    error: Option<CacheError>,
}

/// What decides the readings, hashed: stenogram's version, the dictionary's fingerprint and the reading code.
fn address(lemmatizer: &Lemmatizer) -> String {
    let mut text = format!(
        "stenogram {}\n{}",
        env!("CARGO_PKG_VERSION"),
        lemmatizer.fingerprint()
    );
    READING_CODE.iter().for_each(|code| text.push_str(code));
    format!("{:016x}", twox_hash::XxHash3_64::oneshot(text.as_bytes()))
}

impl ReadingCache {
    /// The cache in `dir` for this dictionary and code (empty if there is none yet; empty, with its error kept, if
    /// it cannot be read).
    pub(super) fn open(dir: &Path, lemmatizer: &Lemmatizer) -> ReadingCache {
        let address = address(lemmatizer);
        let path = dir.join(format!("readings-{address}.postcard"));
        let mut cache = ReadingCache {
            path,
            address,
            table: Table::default(),
            error: None,
        };
        match cache.load() {
            Ok(Some(table)) => cache.table = table,
            Ok(None) => {}
            Err(e) => cache.error = Some(e),
        }
        cache
    }

    /// The table in the file, if there is one.
    fn load(&self) -> Result<Option<Table>, CacheError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                let path = self.path.clone();
                return Err(CacheError::Io { path, source });
            }
        };
        let foreign = |reason: String| CacheError::Foreign {
            path: self.path.clone(),
            reason,
        };
        let stored: Stored = postcard::from_bytes(&bytes).map_err(|e| foreign(e.to_string()))?;
        drop(bytes);
        if stored.address != self.address {
            return Err(foreign(format!("made for {}", stored.address)));
        }
        Table::of_stored(stored)
            .map(Some)
            .ok_or_else(|| foreign("its table is damaged".into()))
    }

    /// The reading `want` asks for of `word`, if the word is cached.
    pub(super) fn read(&self, word: &str, want: Want<'_>) -> Option<Reading> {
        self.table.read(word, want)
    }

    /// Adds the words of `added` (read from the dictionary this run) and writes the file if there were any
    /// (unless it could not be read: a file this run does not understand is not overwritten).
    pub(super) fn finish(mut self, hits: usize, added: Table) -> CacheUse {
        let count = added.len();
        if count > 0 && self.error.is_none() {
            if self.table.len() == 0 {
                self.table = added;
            } else {
                self.table.append(&added);
            }
            if let Err(e) = self.save() {
                self.error = Some(e);
            }
        }
        CacheUse {
            path: self.path,
            hits,
            added: count,
            error: self.error,
        }
    }

    /// Writes the table to a file beside the cache, then puts it in the cache's place.
    fn save(&self) -> Result<(), CacheError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| CacheError::Io { path, source }
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let table = &self.table;
        let stored = StoredRef {
            address: &self.address,
            words: table.words.strings().parts(),
            pool: table.pool.strings().parts(),
            first: &table.first,
            rows: &table.rows,
        };
        let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io(dir))?;
        let mut writer = BufWriter::with_capacity(1 << 16, file.as_file_mut());
        postcard::to_io(&stored, &mut writer).map_err(|e| CacheError::Io {
            path: self.path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        writer.flush().map_err(io(&self.path))?;
        drop(writer);
        file.persist(&self.path)
            .map_err(|e| io(&self.path)(e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hashbrown::HashSet;

    const WORDS: [&str; 6] = ["Пескова", "Путина", "путина", "выборы", "Т", "Кремля"];

    /// A cache in `dir` holding the readings of [`WORDS`], written and opened again.
    fn written(dir: &Path, lemmatizer: &Lemmatizer) -> ReadingCache {
        let mut added = Table::default();
        WORDS
            .iter()
            .for_each(|w| added.add(w, &lemmatizer.readings_for_any(w)));
        let used = ReadingCache::open(dir, lemmatizer).finish(0, added);
        assert!(used.error.is_none(), "{:?}", used.error);
        assert_eq!(used.added, WORDS.len());
        ReadingCache::open(dir, lemmatizer)
    }

    #[test]
    fn readings_come_back_as_the_dictionary_gives_them() {
        let dir = tempfile::tempdir().unwrap();
        let lemmatizer = Lemmatizer::new().unwrap();
        let cache = written(dir.path(), &lemmatizer);
        assert!(cache.error.is_none());
        let names: HashSet<String> = ["путин".to_string()].into_iter().collect();
        for word in WORDS {
            for want in [Want::Best, Want::Known(&names)] {
                assert_eq!(cache.read(word, want), Some(lemmatizer.read(word, want)));
            }
        }
        assert_eq!(cache.read("Песков", Want::Best), None);
        // A second run adds what it met for the first time; the file then holds both.
        let mut added = Table::default();
        added.add("Песков", &lemmatizer.readings_for_any("Песков"));
        added.add("выборы", &lemmatizer.readings_for_any("выборы"));
        assert!(cache.finish(6, added).error.is_none());
        let cache = ReadingCache::open(dir.path(), &lemmatizer);
        assert_eq!(cache.table.len(), WORDS.len() + 1);
        let want = Want::Best;
        assert_eq!(
            cache.read("Песков", want),
            Some(lemmatizer.read("Песков", want))
        );
        assert_eq!(cache.read("Кремля", want).unwrap().lemma, "кремль");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_an_error_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let lemmatizer = Lemmatizer::new().unwrap();
        let path = written(dir.path(), &lemmatizer).path;
        let good = std::fs::read(&path).unwrap();
        let damaged = [
            good[..good.len() / 2].to_vec(),
            b"not a cache".to_vec(),
            // Another address of the same length.
            {
                let mut b = good.clone();
                b[1] ^= 1;
                b
            },
            // A byte of the last row changed (its last eight bytes are its probability; the ids are before).
            {
                let mut b = good.clone();
                let n = b.len();
                b[n - 12] = 0xff;
                b
            },
        ];
        for (i, bytes) in damaged.iter().enumerate() {
            std::fs::write(&path, bytes).unwrap();
            let cache = ReadingCache::open(dir.path(), &lemmatizer);
            assert!(
                matches!(cache.error, Some(CacheError::Foreign { .. })),
                "{i}: {:?}",
                cache.error
            );
            assert_eq!(cache.read("выборы", Want::Best), None);
            let mut added = Table::default();
            added.add("выборы", &lemmatizer.readings_for_any("выборы"));
            let used = cache.finish(0, added);
            assert!(used.error.unwrap().to_string().contains("readings-"));
            assert_eq!(&std::fs::read(&path).unwrap(), bytes, "{i}: left alone");
        }
    }
}
