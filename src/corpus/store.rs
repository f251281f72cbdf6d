//! The word tokens of the corpus, kept out of memory once they are many, so that memory grows with the
//! vocabulary and not with the corpus.
//!
//! A token is its key id (`u32`) and its [`Gap`] (a byte), kept in two streams so that the measures that need only
//! the ids read only those. Tokens are appended turn by turn; while fewer than the budget are held, they stay in
//! memory, and beyond it the held ones are written to two anonymous temporary files (in `TMPDIR`; removed by the
//! system when the program ends, however it ends) and read back with positional reads, one turn at a time, by
//! every measure that needs them. A turn still in memory is read in place, without a copy.
//!
//! If the temporary files cannot be made or written, tokens stay in memory ([`TokenStore::spill_error`] says why).
//! A failed read back is a [`TokenError`], which every measure returns at once: no table is made from tokens that
//! could not be read.

use std::fs::File;
use std::io::Write;

use super::turn::{Gap, TurnTokens};

/// Tokens held in memory before they go to the temporary files (1 Mi tokens: 5 MiB).
pub const DEFAULT_BUDGET: usize = 1 << 20;

fn gap_byte(gap: Gap) -> u8 {
    gap as u8
}

fn gap_of(byte: u8) -> Gap {
    match byte {
        0 => Gap::Adjacent,
        1 => Gap::Punct,
        _ => Gap::Sentence,
    }
}

/// The word tokens could not be read back from their temporary files.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Reading the files failed (the cause is in the message, so not also the error's source).
    #[error("reading the temporary token files: {0}")]
    Read(std::io::Error),
    /// Tokens were to be read from files that were never made.
    #[error("reading the temporary token files: they are missing")]
    Missing,
}

/// Word tokens in the order they were added: key ids in one stream, gaps in another.
pub struct TokenStore {
    /// Key ids of the tokens from index `spilled` on.
    words: Vec<u32>,
    /// Gaps of the tokens from index `spilled` on.
    gaps: Vec<u8>,
    /// Key ids and gaps of the tokens `0..spilled`.
    files: Option<[File; 2]>,
    spilled: u64,
    budget: usize,
    spill_error: Option<std::io::Error>,
}

impl std::fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenStore")
            .field("tokens", &self.len())
            .field("in_memory", &self.words.len())
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
    /// A store that holds up to `budget` tokens in memory (0: every token goes to the files).
    pub fn new(budget: usize) -> TokenStore {
        TokenStore {
            words: Vec::new(),
            gaps: Vec::new(),
            files: None,
            spilled: 0,
            budget,
            spill_error: None,
        }
    }

    /// Tokens stored.
    pub fn len(&self) -> u64 {
        self.spilled + self.words.len() as u64
    }

    /// No tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Tokens written to the temporary files.
    pub fn spilled(&self) -> u64 {
        self.spilled
    }

    /// Why tokens stayed in memory beyond the budget, if the temporary files failed.
    pub fn spill_error(&self) -> Option<&std::io::Error> {
        self.spill_error.as_ref()
    }

    /// Appends one turn's key ids and gaps (of equal length); returns the index of its first token.
    pub fn push(&mut self, ids: impl IntoIterator<Item = u32>, gaps: &[Gap]) -> u64 {
        let start = self.len();
        self.words.extend(ids);
        self.gaps.extend(gaps.iter().map(|&g| gap_byte(g)));
        debug_assert_eq!(self.words.len(), self.gaps.len());
        if self.words.len() > self.budget && self.spill_error.is_none() {
            if let Err(e) = self.spill() {
                self.spill_error = Some(e);
            }
        }
        start
    }

    fn spill(&mut self) -> std::io::Result<()> {
        if self.files.is_none() {
            self.files = Some([tempfile::tempfile()?, tempfile::tempfile()?]);
        }
        if let Some([words, gaps]) = &mut self.files {
            words.write_all(bytemuck::cast_slice(&self.words))?;
            gaps.write_all(&self.gaps)?;
        }
        self.spilled += self.words.len() as u64;
        // The buffers keep their room: they fill up to the budget again (shrinking them made every refill
        // reallocate and fault its pages in anew).
        self.words.clear();
        self.gaps.clear();
        Ok(())
    }

    /// Tokens `start..start + len` of one stream (`words` or `gaps`, with its file): a slice of memory when they
    /// are all in memory, else read into `buf`.
    fn read<'a, T: bytemuck::Pod>(
        &'a self,
        memory: &'a [T],
        file: usize,
        start: u64,
        len: usize,
        buf: &'a mut Vec<T>,
    ) -> Result<&'a [T], TokenError> {
        let end = start + len as u64;
        if start >= self.spilled {
            let from = (start - self.spilled) as usize;
            return Ok(&memory[from..from + len]);
        }
        buf.clear();
        buf.resize(len, T::zeroed());
        let in_file = (end.min(self.spilled) - start) as usize;
        let size = std::mem::size_of::<T>() as u64;
        let files = self.files.as_ref().ok_or(TokenError::Missing)?;
        read_at(
            &files[file],
            bytemuck::cast_slice_mut(&mut buf[..in_file]),
            start * size,
        )
        .map_err(TokenError::Read)?;
        if end > self.spilled {
            buf[in_file..].copy_from_slice(&memory[..(end - self.spilled) as usize]);
        }
        Ok(buf)
    }
}

impl TokenStore {
    /// Cuts the temporary files short, so that reading a spilled token back fails (for tests of that failure).
    #[doc(hidden)]
    pub fn truncate_files_for_tests(&self) -> std::io::Result<()> {
        for file in self.files.iter().flatten() {
            file.set_len(0)?;
        }
        Ok(())
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
    words: Vec<u32>,
    bytes: Vec<u8>,
    gaps: Vec<Gap>,
}

impl<'s> TurnReader<'s> {
    /// A reader of `store`.
    pub fn new(store: &'s TokenStore) -> TurnReader<'s> {
        TurnReader {
            store,
            words: Vec::new(),
            bytes: Vec::new(),
            gaps: Vec::new(),
        }
    }

    /// The key ids of a turn's word tokens, in text order.
    pub fn words(&mut self, turn: &TurnTokens) -> Result<&[u32], TokenError> {
        let store = self.store;
        store.read(&store.words, 0, turn.start, turn.len(), &mut self.words)
    }

    /// The key ids of a turn's word tokens and how each follows the one before.
    pub fn words_and_gaps(&mut self, turn: &TurnTokens) -> Result<(&[u32], &[Gap]), TokenError> {
        let store = self.store;
        let bytes = store.read(&store.gaps, 1, turn.start, turn.len(), &mut self.bytes)?;
        self.gaps.clear();
        self.gaps.extend(bytes.iter().map(|&b| gap_of(b)));
        let words = store.read(&store.words, 0, turn.start, turn.len(), &mut self.words)?;
        Ok((words, &self.gaps))
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
            attributes: 0,
        }
    }

    #[test]
    fn turns_read_back_across_the_memory_and_file_boundary() {
        for budget in [0, 1, 3, 5, 100] {
            let mut store = TokenStore::new(budget);
            let a = store.push([7, 8, 9], &[Gap::Sentence, Gap::Adjacent, Gap::Punct]);
            let b = store.push([u32::MAX, 0], &[Gap::Sentence, Gap::Adjacent]);
            let c = store.push([], &[]);
            assert_eq!((a, b, c, store.len()), (0, 3, 5, 5));
            let mut reader = TurnReader::new(&store);
            assert_eq!(
                reader.words_and_gaps(&turn(a, 3)).unwrap(),
                (
                    &[7, 8, 9][..],
                    &[Gap::Sentence, Gap::Adjacent, Gap::Punct][..]
                )
            );
            assert_eq!(reader.words(&turn(b, 2)).unwrap(), [u32::MAX, 0]);
            assert_eq!(reader.words(&turn(2, 2)).unwrap(), [9, u32::MAX]);
            assert!(reader.words(&turn(c, 0)).unwrap().is_empty());
            assert_eq!(store.spilled() > 0, budget < 5, "budget {budget}");
        }
    }

    #[test]
    fn a_turn_that_cannot_be_read_back_is_an_error_not_zeros() {
        let mut store = TokenStore::new(0);
        let a = store.push([7, 8, 9], &[Gap::Sentence, Gap::Adjacent, Gap::Punct]);
        store.truncate_files_for_tests().unwrap();
        let mut reader = TurnReader::new(&store);
        let err = reader.words(&turn(a, 3)).unwrap_err();
        assert!(matches!(err, TokenError::Read(_)), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("reading the temporary token files: "),
            "{err}"
        );
    }
}
