//! The word tokens of the corpus, kept out of memory once they are many, so that memory grows with the
//! vocabulary and not with the corpus.
//!
//! Each token is one `u32`: its key id in the low 30 bits and its [`Gap`] in the top two. Tokens are appended turn
//! by turn; while fewer than the budget are held, they stay in memory, and beyond it the held ones are written to an
//! anonymous temporary file (removed by the system when the program ends, however it ends) and read back with
//! positional reads, one turn at a time, by every measure that needs them. A corpus of a few million words never
//! touches the disk.
//!
//! If the temporary file cannot be made or written, tokens stay in memory ([`TokenStore::spill_error`] says why).
//! A failed read back is remembered and reported by [`TokenStore::check`]; tables made after it must not be used.

use std::fs::File;
use std::io::Write;
use std::sync::Mutex;

use super::corpus::{Gap, TurnTokens};

/// Tokens held in memory before they go to the temporary file (16 MiB of tokens).
pub const DEFAULT_BUDGET: usize = 1 << 22;

/// Key ids must fit below this bound (the top two bits hold the gap).
pub const MAX_KEYS: usize = 1 << GAP_SHIFT;

const GAP_SHIFT: u32 = 30;
const ID_MASK: u32 = (1 << GAP_SHIFT) - 1;

/// Packs a key id and its gap into one token.
fn pack(id: u32, gap: Gap) -> u32 {
    debug_assert!((id as usize) < MAX_KEYS);
    (id & ID_MASK) | ((gap as u32) << GAP_SHIFT)
}

fn gap_of(token: u32) -> Gap {
    match token >> GAP_SHIFT {
        0 => Gap::Adjacent,
        1 => Gap::Punct,
        _ => Gap::Sentence,
    }
}

/// Word tokens in the order they were added.
pub struct TokenStore {
    /// Tokens from index `spilled` on.
    memory: Vec<u32>,
    /// Tokens `0..spilled`.
    file: Option<File>,
    spilled: u64,
    budget: usize,
    spill_error: Option<String>,
    read_error: Mutex<Option<String>>,
}

impl std::fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenStore")
            .field("tokens", &self.len())
            .field("in_memory", &self.memory.len())
            .field("spilled", &self.spilled)
            .finish()
    }
}

impl Default for TokenStore {
    fn default() -> TokenStore {
        TokenStore::new(DEFAULT_BUDGET)
    }
}

impl TokenStore {
    /// A store that holds up to `budget` tokens in memory (0: every token goes to the file).
    pub fn new(budget: usize) -> TokenStore {
        TokenStore {
            memory: Vec::new(),
            file: None,
            spilled: 0,
            budget,
            spill_error: None,
            read_error: Mutex::new(None),
        }
    }

    /// Tokens stored.
    pub fn len(&self) -> u64 {
        self.spilled + self.memory.len() as u64
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tokens written to the temporary file.
    pub fn spilled(&self) -> u64 {
        self.spilled
    }

    /// Why tokens stayed in memory beyond the budget, if the temporary file failed.
    pub fn spill_error(&self) -> Option<&str> {
        self.spill_error.as_deref()
    }

    /// Appends one turn's key ids and gaps (of equal length); returns the index of its first token.
    pub fn push(&mut self, ids: impl IntoIterator<Item = u32>, gaps: &[Gap]) -> u64 {
        let start = self.len();
        self.memory
            .extend(ids.into_iter().zip(gaps).map(|(id, &gap)| pack(id, gap)));
        if self.memory.len() > self.budget && self.spill_error.is_none() {
            if let Err(e) = self.spill() {
                self.spill_error = Some(e.to_string());
            }
        }
        start
    }

    fn spill(&mut self) -> std::io::Result<()> {
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile()?);
        }
        if let Some(file) = &mut self.file {
            file.write_all(bytemuck::cast_slice(&self.memory))?;
        }
        self.spilled += self.memory.len() as u64;
        self.memory.clear();
        self.memory.shrink_to(self.budget.min(1 << 16));
        Ok(())
    }

    /// Reads tokens `start..start + len` into `out` (packed).
    fn read(&self, start: u64, len: usize, out: &mut Vec<u32>) {
        out.clear();
        out.resize(len, 0);
        let end = start + len as u64;
        if start < self.spilled {
            let in_file = (end.min(self.spilled) - start) as usize;
            let result = match &self.file {
                Some(file) => read_at(
                    file,
                    bytemuck::cast_slice_mut(&mut out[..in_file]),
                    start * 4,
                ),
                None => Err(std::io::Error::other("the token file is missing")),
            };
            if let Err(e) = result {
                let mut error = self.read_error.lock().unwrap_or_else(|p| p.into_inner());
                error.get_or_insert_with(|| format!("reading the temporary token file: {e}"));
            }
        }
        if end > self.spilled {
            let from = start.max(self.spilled);
            let offset = (from - start) as usize;
            let range = (from - self.spilled) as usize..(end - self.spilled) as usize;
            out[offset..].copy_from_slice(&self.memory[range]);
        }
    }

    /// `Err` with the message of the first failed read, if any read failed.
    pub fn check(&self) -> Result<(), String> {
        match &*self.read_error.lock().unwrap_or_else(|p| p.into_inner()) {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// Reads turns back from a [`TokenStore`] into buffers it reuses; one per thread.
pub struct TurnReader<'s> {
    store: &'s TokenStore,
    raw: Vec<u32>,
    words: Vec<u32>,
    gaps: Vec<Gap>,
}

impl<'s> TurnReader<'s> {
    /// A reader of `store`.
    pub fn new(store: &'s TokenStore) -> TurnReader<'s> {
        TurnReader {
            store,
            raw: Vec::new(),
            words: Vec::new(),
            gaps: Vec::new(),
        }
    }

    /// The key ids of a turn's word tokens, in text order.
    pub fn words(&mut self, turn: &TurnTokens) -> &[u32] {
        self.store.read(turn.start, turn.len(), &mut self.raw);
        self.words.clear();
        self.words.extend(self.raw.iter().map(|&t| t & ID_MASK));
        &self.words
    }

    /// The key ids of a turn's word tokens and how each follows the one before.
    pub fn words_and_gaps(&mut self, turn: &TurnTokens) -> (&[u32], &[Gap]) {
        self.words(turn);
        self.gaps.clear();
        self.gaps.extend(self.raw.iter().map(|&t| gap_of(t)));
        (&self.words, &self.gaps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(start: u64, len: u32) -> TurnTokens {
        TurnTokens {
            meeting: 0,
            speaker: 0,
            number: 1,
            interpreted: false,
            start,
            words: len,
            sentences: 1,
        }
    }

    #[test]
    fn turns_read_back_across_the_memory_and_file_boundary() {
        for budget in [0, 1, 3, 5, 100] {
            let mut store = TokenStore::new(budget);
            let a = store.push([7, 8, 9], &[Gap::Sentence, Gap::Adjacent, Gap::Punct]);
            let b = store.push([MAX_KEYS as u32 - 1, 0], &[Gap::Sentence, Gap::Adjacent]);
            let c = store.push([], &[]);
            assert_eq!((a, b, c, store.len()), (0, 3, 5, 5));
            let mut reader = TurnReader::new(&store);
            assert_eq!(
                reader.words_and_gaps(&turn(a, 3)),
                (
                    &[7, 8, 9][..],
                    &[Gap::Sentence, Gap::Adjacent, Gap::Punct][..]
                )
            );
            assert_eq!(reader.words(&turn(b, 2)), [MAX_KEYS as u32 - 1, 0]);
            assert_eq!(reader.words(&turn(2, 2)), [9, MAX_KEYS as u32 - 1]);
            assert!(reader.words(&turn(c, 0)).is_empty());
            assert_eq!(store.spilled() > 0, budget < 5, "budget {budget}");
            assert_eq!(store.check(), Ok(()));
        }
    }
}
