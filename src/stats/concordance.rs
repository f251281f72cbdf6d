//! What the concordance tools ([`super::kwic`], [`super::collocates`], [`super::clusters`]) share: the search
//! pattern, the word tokens of each searched turn in the pattern's view, and where the pattern (the *node*) occurs
//! among them.
//!
//! **Views.** A key pattern compares words by key (lowercase, ё = е), a stem pattern by the Snowball stem of the
//! key (Russian when the pattern is written in Cyrillic, else English, for every word), a lemma pattern by the
//! dictionary's lemma of each Russian word as written (so a capitalised `Путина` is the surname and `путина` the
//! fishing season) and by the English stem of other words. Collocates and clusters are counted in the pattern's
//! view, so `--lemma санкция` counts the lemmas around every form of «санкция».
//!
//! **Words.** Only word tokens ([`TokenKind::Word`]) are words here: numbers, punctuation and symbols are not
//! counted and take no place in a window, as with AntConc's default token definition (letters only). A phrase
//! pattern, like a cluster, is words one after the other with nothing but white space between them (a punctuation
//! mark, number or symbol in between breaks it). A turn is searched on its own: nothing crosses from one turn to the
//! next, so no window or cluster joins two speakers.

use std::collections::HashMap;

use regex::Regex;

use crate::corpus::View;
use crate::text::dictionary::{CategoryId, Matcher, Scratch, Slot};
use crate::text::lemma::{LemmaCache, Lemmatizer};
use crate::text::normalize::key;
use crate::text::stem::Stemmer;
use crate::text::{tokenize, Language, TokenKind};
use crate::transcript::{Meeting, Turn};

/// What to look for.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// Word tokens with this key.
    Key(String),
    /// Word tokens with this stem (of the pattern's key).
    Stem(String),
    /// Word tokens with this lemma (of the pattern's words).
    Lemma(String),
    /// A regular expression over the spoken text.
    Regex(Regex),
    /// The hits of a dictionary category ([`CategoryPattern`]).
    Category(std::sync::Arc<CategoryPattern>),
}

/// What `kwic --category` looks for: the hits of one category of a dictionary, its entries matched on each word's
/// key and, in the stem or lemma view, on its stem or lemma, as the report counts them
/// ([`crate::stats::dictionary`]).
#[derive(Debug)]
pub struct CategoryPattern {
    /// The dictionary, compiled.
    pub matcher: Matcher,
    /// The category (its hits include those of the categories nested in it).
    pub category: CategoryId,
    /// Also match entries on each word's stem or lemma (`View::Key`: on keys only).
    pub view: View,
}

impl Pattern {
    /// How many words the pattern has (`None` for a regular expression, which matches characters).
    pub fn words(&self) -> Option<usize> {
        match self {
            Pattern::Key(t) | Pattern::Stem(t) | Pattern::Lemma(t) => Some(
                tokenize(t)
                    .filter(|tok| tok.kind == TokenKind::Word)
                    .count(),
            ),
            Pattern::Regex(_) | Pattern::Category(_) => None,
        }
    }
}

/// A concordance option that cannot be met.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConcordanceError {
    /// Collocates and clusters count words around the node; a regular expression matches characters.
    #[error(
        "collocates and clusters count the words around a word or phrase; a regular expression matches characters, \
         not words: give the word or phrase (by key, stem or lemma) instead"
    )]
    Regex,
    /// A cluster shorter than the node's phrase.
    #[error("a {size}-word cluster cannot hold the {words}-word phrase searched for; use {words} or more")]
    ClusterTooShort {
        /// The cluster size asked for.
        size: usize,
        /// The words of the phrase.
        words: usize,
    },
    /// A malformed `--sort` value.
    #[error("cannot read '{0}' as a sort: use left or right, optionally with the number of words (left:2, right:3)")]
    Sort(String),
    /// A malformed `--window` value.
    #[error(
        "cannot read '{0}' as a window: use the words on each side (5) or left and right (3,2), at least one word in all"
    )]
    Window(String),
}

/// What a word token is compared as.
enum Unit {
    Key,
    Stem(Stemmer),
    Lemma(LemmaCache, Stemmer),
    /// The Russian stem of a Cyrillic word, the English stem of another (as the corpus stems words).
    Stems(Stemmer, Stemmer),
}

impl Unit {
    /// The unit of a word as written, given its key.
    fn of(&mut self, word: &str, key: &str) -> String {
        match self {
            Unit::Key => key.to_string(),
            Unit::Stem(s) => s.stem(key).into_owned(),
            Unit::Lemma(lemmas, _) if crate::lang::has_cyrillic(key) => {
                lemmas.read(word).lemma.clone()
            }
            Unit::Lemma(_, english) => english.stem(key).into_owned(),
            Unit::Stems(russian, _) if crate::lang::has_cyrillic(key) => {
                russian.stem(key).into_owned()
            }
            Unit::Stems(_, english) => english.stem(key).into_owned(),
        }
    }
}

fn stemmer_for(word: &str) -> Stemmer {
    if crate::lang::has_cyrillic(word) {
        Stemmer::new(Language::Ru)
    } else {
        Stemmer::new(Language::En)
    }
}

/// One word token of a searched turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word in the turn's spoken text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The key (lowercase, ё = е).
    pub key: String,
    /// The key, stem or lemma, as the pattern is compared.
    pub unit: String,
    /// Only white space lies between this word and the word before it (no punctuation, number or symbol).
    pub joined: bool,
}

/// One occurrence of the node in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the match in the turn's spoken text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The words before `first` lie wholly left of the match (for a word pattern: the match's first word).
    pub first: usize,
    /// The words from `past` on lie wholly right of the match (for a word pattern: one past its last word).
    pub past: usize,
}

/// A searched turn: its text, its words and the node's occurrences, in text order.
#[derive(Debug)]
pub struct TurnWords<'m> {
    /// The meeting.
    pub meeting: &'m Meeting,
    /// The turn's number in the meeting (1-based, as `parse` prints it).
    pub number: usize,
    /// The turn.
    pub turn: &'m Turn,
    /// The spoken text ([`Turn::spoken`]).
    pub text: String,
    /// The word tokens.
    pub words: Vec<Word>,
    /// The node's occurrences.
    pub hits: Vec<Hit>,
}

/// A pattern made ready to search turns.
pub struct Search {
    unit: Unit,
    wanted: Vec<String>,
    regex: Option<Regex>,
    category: Option<std::sync::Arc<CategoryPattern>>,
    /// The dictionary slots of each key and unit met, for a category.
    slots: HashMap<String, Vec<Slot>>,
    scratch: Scratch,
}

impl Search {
    /// Prepares `pattern` (a lemma pattern loads the dictionary; without it, lemmas fall back to stems).
    pub fn new(pattern: &Pattern) -> Search {
        let (text, mut unit) = match pattern {
            Pattern::Key(k) => (k.as_str(), Unit::Key),
            Pattern::Stem(s) => (s.as_str(), Unit::Stem(stemmer_for(s))),
            Pattern::Lemma(l) => match Lemmatizer::new() {
                Ok(lemmatizer) => (
                    l.as_str(),
                    Unit::Lemma(LemmaCache::new(lemmatizer), Stemmer::new(Language::En)),
                ),
                Err(_) => (l.as_str(), Unit::Stem(stemmer_for(l))),
            },
            Pattern::Regex(_) => ("", Unit::Key),
            Pattern::Category(c) => match (c.view, Lemmatizer::new()) {
                (View::Key, _) => ("", Unit::Key),
                (View::Lemma, Ok(lemmatizer)) => (
                    "",
                    Unit::Lemma(LemmaCache::new(lemmatizer), Stemmer::new(Language::En)),
                ),
                _ => (
                    "",
                    Unit::Stems(Stemmer::new(Language::Ru), Stemmer::new(Language::En)),
                ),
            },
        };
        let wanted = tokenize(text)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| {
                let surface = t.surface(text);
                unit.of(surface, &key(surface))
            })
            .collect();
        let regex = match pattern {
            Pattern::Regex(re) => Some(re.clone()),
            _ => None,
        };
        let category = match pattern {
            Pattern::Category(c) => Some(c.clone()),
            _ => None,
        };
        Search {
            unit,
            wanted,
            regex,
            category,
            slots: HashMap::new(),
            scratch: Scratch::default(),
        }
    }

    /// The words of `text` in the pattern's view.
    fn words(&mut self, text: &str) -> Vec<Word> {
        let mut words = Vec::new();
        let mut previous_was_word = false;
        for t in tokenize(text) {
            if t.kind != TokenKind::Word {
                previous_was_word = false;
                continue;
            }
            let surface = t.surface(text);
            let key = key(surface);
            let unit = self.unit.of(surface, &key);
            words.push(Word {
                start: t.start,
                end: t.end,
                key,
                unit,
                joined: previous_was_word,
            });
            previous_was_word = true;
        }
        words
    }

    /// Where the category's hits are among `words` of `text`: a phrase's words joined by white space without a line
    /// break (within one sentence, as the corpus' sentences end at every line break or a final mark).
    fn category_hits(&mut self, c: &CategoryPattern, text: &str, words: &[Word]) -> Vec<Hit> {
        let mut of_word: Vec<Vec<Slot>> = Vec::with_capacity(words.len());
        for w in words {
            let mut slots = Vec::new();
            for s in [&w.key, &w.unit] {
                let known = self.slots.entry(s.clone()).or_insert_with(|| {
                    let mut found = Vec::new();
                    c.matcher.slots_of(s, &mut found);
                    found
                });
                slots.extend_from_slice(known);
            }
            slots.sort_unstable();
            slots.dedup();
            of_word.push(slots);
        }
        let joined = |i: usize| {
            words[i].joined && !text[words[i - 1].end..words[i].start].contains(['\n', '\r'])
        };
        c.matcher
            .find(words.len(), |i| &of_word[i], joined, &mut self.scratch);
        self.scratch
            .hits
            .iter()
            .filter(|h| h.category == c.category)
            .map(|h| Hit {
                start: words[h.start].start,
                end: words[h.start + h.len - 1].end,
                first: h.start,
                past: h.start + h.len,
            })
            .collect()
    }

    /// Where the node occurs among `words` of `text`.
    fn hits(&mut self, text: &str, words: &[Word]) -> Vec<Hit> {
        if let Some(c) = self.category.clone() {
            return self.category_hits(&c, text, words);
        }
        if let Some(re) = &self.regex {
            return re
                .find_iter(text)
                .filter(|m| !m.is_empty())
                .map(|m| Hit {
                    start: m.start(),
                    end: m.end(),
                    first: words.partition_point(|w| w.end <= m.start()),
                    past: words.partition_point(|w| w.start < m.end()),
                })
                .collect();
        }
        let n = self.wanted.len();
        if n == 0 || words.len() < n {
            return Vec::new();
        }
        (0..=words.len() - n)
            .filter(|&i| {
                words[i..i + n]
                    .iter()
                    .zip(&self.wanted)
                    .all(|(w, u)| &w.unit == u)
                    && words[i + 1..i + n].iter().all(|w| w.joined)
            })
            .map(|i| Hit {
                start: words[i].start,
                end: words[i + n - 1].end,
                first: i,
                past: i + n,
            })
            .collect()
    }

    /// Calls `each` with every turn of `meetings` (in the order given; only `speaker`'s when named), its words and
    /// the node's occurrences.
    pub fn turns<'m>(
        &mut self,
        meetings: &[&'m Meeting],
        speaker: Option<&str>,
        mut each: impl FnMut(TurnWords<'m>),
    ) {
        for m in meetings {
            for (i, turn) in m.turns().enumerate() {
                if speaker.is_some_and(|s| s != turn.speaker) {
                    continue;
                }
                let text = turn.spoken();
                let words = self.words(&text);
                let hits = self.hits(&text, &words);
                each(TurnWords {
                    meeting: m,
                    number: i + 1,
                    turn,
                    text,
                    words,
                    hits,
                });
            }
        }
    }
}

/// The surface forms of one term (a collocate, a cluster) and how often each occurred.
#[derive(Debug, Default, Clone)]
pub struct Forms(HashMap<String, u64>);

impl Forms {
    /// Counts one occurrence of `form`.
    pub fn add(&mut self, form: &str) {
        match self.0.get_mut(form) {
            Some(n) => *n += 1,
            None => {
                self.0.insert(form.to_string(), 1);
            }
        }
    }

    /// The most frequent form (of equally frequent ones, the first in code-point order); empty when none was seen.
    pub fn most_frequent(&self) -> &str {
        self.0
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or("", |(form, _)| form.as_str())
    }
}

/// A meeting of one body of text in the kremlin.ru layout (dated 2024-05-06), for the concordance tools' tests.
#[cfg(test)]
pub(crate) fn test_meeting(body: &str) -> Meeting {
    let text = format!("Встреча\n\n2024-05-06 12:30:00\n\nМосква\n\n{body}\n");
    crate::transcript::parse_text(
        "2024-05-06_m",
        "m.txt",
        &text,
        "UTF-8",
        &crate::transcript::ReadOptions::default(),
    )
    .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(pattern: &Pattern, text: &str) -> (Vec<Word>, Vec<Hit>) {
        let mut search = Search::new(pattern);
        let words = search.words(text);
        let hits = search.hits(text, &words);
        (words, hits)
    }

    #[test]
    fn a_phrase_is_consecutive_words_with_only_spaces_between() {
        let p = Pattern::Key("союзное государство".into());
        let (words, hits) = words_of(
            &p,
            "Союзное государство, союзное, государство; Союзное  Государство.",
        );
        assert_eq!(words.len(), 6);
        assert_eq!(
            hits.iter().map(|h| (h.first, h.past)).collect::<Vec<_>>(),
            [(0, 2), (4, 6)]
        );
        assert!(!words[2].joined && !words[3].joined && words[5].joined);
    }

    #[test]
    fn a_regular_expression_hit_knows_the_words_wholly_left_and_right_of_it() {
        let p = Pattern::Regex(Regex::new("ард 2").unwrap());
        // The match cuts «миллиард» and ends inside the number; «миллиард» is neither left nor right of it.
        let (words, hits) = words_of(&p, "один миллиард 25 рублей");
        assert_eq!(words.len(), 3);
        assert_eq!((hits[0].first, hits[0].past), (1, 2));
    }

    #[test]
    fn numbers_and_punctuation_are_not_words() {
        let (words, _) = words_of(&Pattern::Key("x".into()), "Это 24,5 млрд. — Ёлка!");
        let keys: Vec<_> = words.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["это", "млрд", "елка"]);
    }

    #[test]
    fn the_most_frequent_form_wins_and_ties_go_to_the_first_in_code_point_order() {
        let mut f = Forms::default();
        assert_eq!(f.most_frequent(), "");
        for form in ["России", "Россия", "России", "Россия", "россия"]
        {
            f.add(form);
        }
        assert_eq!(f.most_frequent(), "России");
        f.add("Россия");
        assert_eq!(f.most_frequent(), "Россия");
    }

    #[test]
    fn a_pattern_counts_its_words() {
        assert_eq!(Pattern::Key("Союзное государство".into()).words(), Some(2));
        assert_eq!(Pattern::Regex(Regex::new("x").unwrap()).words(), None);
    }
}
