//! A turn as the corpus keeps it, and the ids that point into the corpus' tables: plain `u32` indices, with aliases
//! ([`SpeakerId`], [`MeetingId`], [`KeyId`], [`TermId`]) saying which table an index points into.

/// An index into [`Corpus::speakers`](super::Corpus::speakers).
pub type SpeakerId = u32;
/// An index into [`Corpus::meetings`](super::Corpus::meetings).
pub type MeetingId = u32;
/// An index into [`Corpus::keys`](super::Corpus::keys) (a word's key: lowercase, `ё` → `е`).
pub type KeyId = u32;
/// A term of a view ([`super::View`]): a key id in the key view, a stem id in the stem view, a lemma id in the
/// lemma view.
pub type TermId = u32;

/// How the word before a token relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Gap {
    /// Adjacent words in one sentence.
    Adjacent = 0,
    /// In one sentence with punctuation, a number or a symbol between.
    Punct = 1,
    /// The first word of a sentence (or of a turn).
    Sentence = 2,
}

/// One turn, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnTokens {
    /// Index into [`Corpus::meetings`](super::Corpus::meetings).
    pub meeting: MeetingId,
    /// Index into [`Corpus::speakers`](super::Corpus::speakers).
    pub speaker: SpeakerId,
    /// 1-based turn number within its meeting.
    pub number: u32,
    /// Interpreted speech.
    pub interpreted: bool,
    /// Index of the turn's first word token in [`Corpus::tokens`](super::Corpus::tokens).
    pub start: u64,
    /// Number of word tokens.
    pub words: u32,
    /// Sentences that contain at least one word.
    pub sentences: u32,
    /// Index of the turn's attributes in [`Corpus::turn_attributes`](super::Corpus::turn_attributes) (0: none).
    pub attributes: u32,
}

impl TurnTokens {
    /// Number of word tokens.
    pub fn len(&self) -> usize {
        self.words as usize
    }

    /// No word tokens.
    pub fn is_empty(&self) -> bool {
        self.words == 0
    }
}
