//! What the corpus knows of each term, derived once per key after all files are read: its stem, its lemma, part of
//! speech and name type, how it is shown (its most frequent surface form), whether it is a stopword, and whether it
//! is a content word.
//!
//! **Stems.** Keys with Cyrillic letters get the Russian Snowball stemmer, other keys the English one, so a mixed
//! corpus needs no per-file choice; a forced language (`--lang`) stems every key with that language's stemmer.
//!
//! **Lemmas** ([`crate::text::lemma`]). A Russian key is analysed once, as the corpus most often writes it (so a word
//! mostly written with a capital, `Путина`, is read with the dictionary's weight on names, and one mostly written
//! in lowercase, `путина`, as a common word): the same key always has the same lemma in one corpus. Where the
//! dictionary knows a key as a form of a speaker's own name (the surname in a label such as `В.Путин`), that
//! reading wins. Keys without Cyrillic letters have their English lemma ([`crate::text::english`]: the form they
//! inflect from, when the corpus has it); Cyrillic keys read with `--lang en` have their stem.
//!
//! **Marks of stems and lemmas.** A stem or lemma is a stopword if any of its keys is; its part of speech, name
//! type and part of a person's name are those of its most frequent key.
//!
//! **Content words** ([`Content`]) are what charts show: by default, words of a content part of speech (noun,
//! proper noun, verb, adjective, adverb) that are not on the stopword list; words without a part of speech (English
//! words other than the function words of [`crate::text::english::function_pos`]) are content words unless they
//! are stopwords.

use hashbrown::{HashMap, HashSet};
use rayon::prelude::*;

use crate::text::lemma::{Lemmatizer, NameKind, PersonPart, Pos, Want};
use crate::text::normalize::key_into;
use crate::text::stem::Stemmer;
use crate::text::{Language, Stopwords};

use super::intern::{Interner, Strings};
use super::local::SAME_AS_KEY;
use super::model::{KeyId, TermMarks};

/// Which words count as content words in charts and previews.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Content {
    /// A content part of speech (noun, proper noun, verb, adjective, adverb) and not a stopword.
    #[default]
    Both,
    /// A content part of speech, stopword or not.
    Pos,
    /// Not a stopword, whatever the part of speech.
    Stopwords,
}

impl Content {
    /// Whether a term with this part of speech and stopword mark is a content word.
    pub fn admits(self, pos: Pos, stop: bool) -> bool {
        let by_pos = pos == Pos::Unknown || pos.is_content();
        match self {
            Content::Both => by_pos && !stop,
            Content::Pos if pos == Pos::Unknown => !stop,
            Content::Pos => by_pos,
            Content::Stopwords => !stop,
        }
    }
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
    counts: Vec<u64>,
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
    fn of(&self, key: KeyId) -> impl Iterator<Item = (&'a str, u32)> + '_ {
        self.forms[self.starts[key as usize]..self.starts[key as usize + 1]]
            .iter()
            .map(move |&(f, n)| (self.text(key, f), n))
    }
}

/// What the corpus knows of its keys, stems and lemmas (see the fields of [`super::Corpus`] of the same names).
pub(super) struct Terms {
    pub stems: Interner,
    pub stem_of: Vec<u32>,
    pub key_form: Strings,
    pub stem_form: Strings,
    pub key_stop: Vec<bool>,
    pub stem_stop: Vec<bool>,
    pub lemmas: Interner,
    pub lemma_of: Vec<u32>,
    pub lemma_form: Strings,
    pub lemma_stop: Vec<bool>,
    pub pos: TermMarks<Pos>,
    pub content: TermMarks<bool>,
    pub lemma_name: Vec<Option<NameKind>>,
    pub lemma_part: Vec<Option<PersonPart>>,
    pub key_syllables: Vec<u8>,
}

/// How terms are derived.
pub(super) struct Rules<'a> {
    /// The stopword list.
    pub stopwords: &'a Stopwords,
    /// A forced language (`--lang`).
    pub language: Option<Language>,
    /// Which words are content words.
    pub content: Content,
    /// The folded parts of the speakers' names (`путин` of `В.Путин`).
    pub names: HashSet<String>,
    /// The dictionary (`None` if it could not be loaded: lemmas are then stems).
    pub lemmatizer: Option<&'a Lemmatizer>,
}

/// The folded words of speaker names that could be a name in the text: three letters or more, with a Cyrillic
/// letter (`В.Путин` → `путин`; initials are left out).
pub(super) fn name_parts<'a>(speakers: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut key = String::new();
    for name in speakers {
        for part in name.split(|c: char| !c.is_alphabetic() && c != '-') {
            let part = part.trim_matches('-');
            if part.chars().count() >= 3 && crate::lang::has_cyrillic(part) {
                key_into(part, &mut key);
                out.insert(key.clone());
            }
        }
    }
    out
}

/// What one key yields.
struct PerKey<'a> {
    syllables: u8,
    stem: String,
    form: &'a str,
    stop: bool,
    lemma: String,
    /// The lemma as the dictionary spells it (empty without a dictionary reading).
    lemma_spelling: String,
    pos: Pos,
    name: Option<NameKind>,
    part: Option<PersonPart>,
}

/// The key's (most frequent surface's) reading, if it is a Russian word.
fn read_key(key: &str, form: &str, rules: &Rules<'_>) -> Option<crate::text::lemma::Reading> {
    let russian = match rules.language {
        Some(Language::En) => false,
        _ => crate::lang::has_cyrillic(key),
    };
    let lemmatizer = rules.lemmatizer.filter(|_| russian)?;
    Some(lemmatizer.read(form, Want::Known(&rules.names)))
}

/// Keys derived in parallel at a time.
const CHUNK: usize = 1 << 14;

/// Stems, lemmas, forms and marks, once per key (in parallel); stems and lemmas interned in key order.
pub(super) fn derive_terms(keys: &Interner, forms: &Forms, rules: &Rules<'_>) -> Terms {
    let ru = Stemmer::new(Language::Ru);
    let en = Stemmer::new(Language::En);
    let stemmer_for = |key: &str| match rules.language {
        Some(Language::Ru) => &ru,
        Some(Language::En) => &en,
        None if crate::lang::has_cyrillic(key) => &ru,
        None => &en,
    };
    let derive = |id: usize| {
        let key = keys.resolve(id as KeyId);
        let stem = stemmer_for(key).stem(key).into_owned();
        let form = most_frequent(forms.of(id as KeyId));
        let stop = rules.stopwords.contains(key);
        let syllables = super::readability::syllables(key).min(u32::from(u8::MAX)) as u8;
        match read_key(key, form, rules) {
            Some(r) => PerKey {
                syllables,
                stem,
                form,
                stop,
                lemma: r.lemma,
                lemma_spelling: r.form,
                pos: r.pos,
                name: r.name,
                part: r.part,
            },
            None => PerKey {
                syllables,
                // English: the form the key inflects from, if the corpus has it; another script: its stem.
                lemma: if crate::lang::has_cyrillic(key) {
                    stem.clone()
                } else {
                    crate::text::english::lemma(key, |w| keys.get(w).is_some())
                },
                stem,
                form,
                stop,
                lemma_spelling: String::new(),
                // English function words have theirs; other words none.
                pos: if crate::lang::has_cyrillic(key) {
                    Pos::Unknown
                } else {
                    crate::text::english::function_pos(key).unwrap_or(Pos::Unknown)
                },
                name: None,
                part: None,
            },
        }
    };
    let n = keys.len();
    let mut stems = Interner::with_capacity(n / 2);
    let mut lemmas = Interner::with_capacity(n / 2);
    let mut stem_of = Vec::with_capacity(n);
    let mut lemma_of = Vec::with_capacity(n);
    let mut key_form = Strings::default();
    let mut key_stop = Vec::with_capacity(n);
    let mut key_pos = Vec::with_capacity(n);
    let mut keys_of_stem: Vec<Vec<KeyId>> = Vec::new();
    let mut keys_of_lemma: Vec<Vec<KeyId>> = Vec::new();
    let mut spellings = Vec::with_capacity(n);
    let mut names = Vec::with_capacity(n);
    let mut parts = Vec::with_capacity(n);
    let mut key_syllables = Vec::with_capacity(n);
    // In chunks, so that the strings of only one chunk of keys are held at a time; a chunk is taken in (interned,
    // in key order) while the next one is derived.
    let derive_chunk = |start: usize| -> Vec<PerKey> {
        (start..(start + CHUNK).min(n))
            .into_par_iter()
            .map(derive)
            .collect()
    };
    let mut take_in = |chunk: Vec<PerKey>| {
        for k in chunk {
            let id = key_stop.len() as KeyId;
            for (interner, of, groups, text) in [
                (&mut stems, &mut stem_of, &mut keys_of_stem, &k.stem),
                (&mut lemmas, &mut lemma_of, &mut keys_of_lemma, &k.lemma),
            ] {
                let term = interner.intern(text);
                if term as usize == groups.len() {
                    groups.push(Vec::new());
                }
                groups[term as usize].push(id);
                of.push(term);
            }
            key_form.push(k.form);
            key_stop.push(k.stop);
            key_pos.push(k.pos);
            spellings.push(k.lemma_spelling);
            names.push(k.name);
            parts.push(k.part);
            key_syllables.push(k.syllables);
        }
    };
    let mut derived = derive_chunk(0);
    for start in (CHUNK..n).step_by(CHUNK) {
        let (_, next) = rayon::join(|| take_in(derived), || derive_chunk(start));
        derived = next;
    }
    take_in(derived);
    // The most frequent key of each group (ties: the first key).
    let head = |ids: &[KeyId]| {
        ids.iter()
            .copied()
            .max_by_key(|&id| (forms.counts[id as usize], std::cmp::Reverse(id)))
            .unwrap_or(0) as usize
    };
    // A stem's form: the most frequent surface over all its keys (surfaces of different keys differ).
    let stem_form: Strings = keys_of_stem
        .par_iter()
        .map(|ids| most_frequent(ids.iter().flat_map(|&id| forms.of(id))))
        .collect::<Vec<&str>>()
        .into_iter()
        .collect();
    // A lemma's form: how the corpus writes the key that is the lemma itself, else the dictionary's spelling of
    // the lemma, else (no dictionary) the most frequent surface over its keys.
    let lemma_form: Strings = keys_of_lemma
        .par_iter()
        .enumerate()
        .map(|(lemma, ids)| {
            let text = lemmas.resolve(lemma as u32);
            if let Some(&own) = ids.iter().find(|&&id| keys.resolve(id) == text) {
                return &key_form[own as usize];
            }
            let spelling = &spellings[head(ids)];
            if spelling.is_empty() {
                most_frequent(ids.iter().flat_map(|&id| forms.of(id)))
            } else {
                spelling.as_str()
            }
        })
        .collect::<Vec<&str>>()
        .into_iter()
        .collect();
    let any_stop = |groups: &[Vec<KeyId>]| -> Vec<bool> {
        groups
            .iter()
            .map(|ids| ids.iter().any(|&id| key_stop[id as usize]))
            .collect()
    };
    let stem_stop = any_stop(&keys_of_stem);
    let lemma_stop = any_stop(&keys_of_lemma);
    let pos = TermMarks {
        stem: keys_of_stem.iter().map(|ids| key_pos[head(ids)]).collect(),
        lemma: keys_of_lemma.iter().map(|ids| key_pos[head(ids)]).collect(),
        key: key_pos,
    };
    let lemma_name = keys_of_lemma.iter().map(|ids| names[head(ids)]).collect();
    let lemma_part = keys_of_lemma.iter().map(|ids| parts[head(ids)]).collect();
    let marks = |pos: &[Pos], stop: &[bool]| -> Vec<bool> {
        pos.iter()
            .zip(stop)
            .map(|(&p, &s)| rules.content.admits(p, s))
            .collect()
    };
    let content = TermMarks {
        key: marks(&pos.key, &key_stop),
        stem: marks(&pos.stem, &stem_stop),
        lemma: marks(&pos.lemma, &lemma_stop),
    };
    Terms {
        stems,
        stem_of,
        key_form,
        stem_form,
        key_stop,
        stem_stop,
        lemmas,
        lemma_of,
        lemma_form,
        lemma_stop,
        pos,
        content,
        lemma_name,
        lemma_part,
        key_syllables,
    }
}
