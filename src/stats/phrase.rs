//! Terms asked for by a user (`--terms`, the x-ray): a word or a phrase of several words (`Союзное государство`),
//! found as consecutive words of one sentence with nothing but spaces between them, each word matched by its key
//! (and in the stem or lemma view by its stem or lemma, so `Союзного государства` counts too).

use crate::corpus::{Corpus, Gap, KeyId, TermId, TokenError, TurnReader, TurnTokens, View};
use crate::lang::{has_cyrillic, Language};
use crate::text::lemma::{Lemmatizer, Want};
use crate::text::normalize::key;
use crate::text::stem::Stemmer;
use crate::text::{tokenize, TokenKind};

/// A term asked for, with the term id of each of its words in a view (`None`: a word the corpus never has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The term as asked for.
    pub text: String,
    ids: Vec<Option<TermId>>,
}

impl Phrase {
    /// The words of `text` (as the tokenizer reads them) as terms of `view`.
    pub fn new(corpus: &Corpus, view: View, text: &str) -> Phrase {
        let ids = tokenize(text)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| term_id(corpus, view, t.surface(text)))
            .collect();
        Phrase {
            text: text.to_string(),
            ids,
        }
    }

    /// Whether the phrase can occur at all: it has words, and the corpus has every one of them.
    pub fn possible(&self) -> bool {
        !self.ids.is_empty() && self.ids.iter().all(Option::is_some)
    }

    /// Whether the phrase starts at word `at` of a turn whose words are `terms` (in the phrase's view) with `gaps`.
    pub fn at(&self, terms: &[TermId], gaps: &[Gap], at: usize) -> bool {
        let n = self.ids.len();
        self.possible()
            && at + n <= terms.len()
            && self
                .ids
                .iter()
                .zip(&terms[at..at + n])
                .all(|(id, t)| *id == Some(*t))
            && gaps[at + 1..at + n].iter().all(|g| *g == Gap::Adjacent)
    }
}

/// The term of a word in `view`: its key's own term, or for a key the corpus does not have, in the stem view its
/// stem (as the corpus stems it: Russian for Cyrillic, English otherwise) and in the lemma view its lemma (as the
/// dictionary reads the word as written).
fn term_id(corpus: &Corpus, view: View, word: &str) -> Option<TermId> {
    let key = key(word);
    if let Some(k) = corpus.keys.get(&key) {
        return Some(view.term(corpus, k as KeyId));
    }
    let language = if has_cyrillic(&key) {
        Language::Ru
    } else {
        Language::En
    };
    let stem = || Stemmer::new(language).stem(&key).into_owned();
    match view {
        View::Key => None,
        View::Stem => corpus.stems.get(&stem()).or_else(|| corpus.stems.get(&key)),
        View::Lemma => {
            let lemma = match Lemmatizer::new() {
                Ok(l) if language == Language::Ru => l.read(word, Want::Best).lemma,
                _ => stem(),
            };
            corpus
                .lemmas
                .get(&lemma)
                .or_else(|| corpus.lemmas.get(&key))
        }
    }
}

/// Finds phrases in turns: a term is looked at further only when some phrase starts with it (one array look-up
/// per word), and the gaps between words are read only when a phrase has more than one word.
pub struct Finder<'c> {
    corpus: &'c Corpus,
    view: View,
    phrases: Vec<Phrase>,
    /// Whether a phrase starts with each term of the view.
    starts: Vec<bool>,
    multi: bool,
    terms: Vec<TermId>,
}

impl<'c> Finder<'c> {
    /// A finder of `texts` (words or phrases) in `view`.
    pub fn new(corpus: &'c Corpus, view: View, texts: &[String]) -> Finder<'c> {
        let phrases: Vec<Phrase> = texts.iter().map(|t| Phrase::new(corpus, view, t)).collect();
        let mut starts = vec![false; view.len(corpus)];
        for phrase in phrases.iter().filter(|p| p.possible()) {
            if let Some(Some(first)) = phrase.ids.first() {
                starts[*first as usize] = true;
            }
        }
        Finder {
            corpus,
            view,
            multi: phrases.iter().any(|p| p.ids.len() > 1),
            phrases,
            starts,
            terms: Vec::new(),
        }
    }

    /// The phrases, in the order asked for.
    pub fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// Whether any phrase can occur at all.
    pub fn any(&self) -> bool {
        self.phrases.iter().any(Phrase::possible)
    }

    /// Every occurrence in one turn: `found(phrase index, word position)` for each, in text order.
    pub fn find(
        &mut self,
        reader: &mut TurnReader,
        turn: &TurnTokens,
        mut found: impl FnMut(usize, usize),
    ) -> Result<(), TokenError> {
        let (corpus, view) = (self.corpus, self.view);
        if !self.multi {
            for (at, &w) in reader.words(turn)?.iter().enumerate() {
                let term = view.term(corpus, w);
                if self.starts[term as usize] {
                    for (p, phrase) in self.phrases.iter().enumerate() {
                        if phrase.ids.first() == Some(&Some(term)) {
                            found(p, at);
                        }
                    }
                }
            }
            return Ok(());
        }
        let (words, gaps) = reader.words_and_gaps(turn)?;
        self.terms.clear();
        self.terms
            .extend(words.iter().map(|&w| view.term(corpus, w)));
        for at in 0..self.terms.len() {
            if !self.starts[self.terms[at] as usize] {
                continue;
            }
            for (p, phrase) in self.phrases.iter().enumerate() {
                if phrase.at(&self.terms, gaps, at) {
                    found(p, at);
                }
            }
        }
        Ok(())
    }
}
