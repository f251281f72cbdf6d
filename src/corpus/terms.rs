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
//! **Keys counted by key.** A key said only in turns of a language stenogram does not analyse (Ukrainian,
//! Bulgarian, … in ParlaMint; see [`super::local`]) is its own stem and lemma, has no part of speech (so it is a
//! content word unless a stopword) and is a stopword only if a list the user gave (`--stopwords`,
//! `--extra-stopwords`) has it: the built-in lists are Russian and English.
//!
//! **Marks of stems and lemmas.** A stem or lemma is a stopword if any of its keys is; its part of speech, name
//! type and part of a person's name are those of its most frequent key.
//!
//! **Content words** ([`Content`]) are what charts show: by default, words of a content part of speech (noun,
//! proper noun, verb, adjective, adverb) that are not on the stopword list; words without a part of speech (English
//! words other than the function words of [`crate::text::english::function_pos`]) are content words unless they
//! are stopwords.

use hashbrown::HashSet;
use rayon::prelude::*;

use crate::text::lemma::{Lemmatizer, NameKind, PersonPart, Pos, Reading, Readings, Want};
use crate::text::normalize::key_into;
use crate::text::stem::Stemmer;
use crate::text::syllables::syllables;
use crate::text::{Language, Stopwords};

use super::cache::{ReadingCache, Table};
use super::forms::{most_frequent, Forms};
use super::intern::{Interner, Strings};
use super::options::Content;
use super::turn::{KeyId, TermId};
use super::vocabulary::Vocabulary;

/// What the corpus knows of its keys, stems and lemmas. The key vocabulary's `terms` are the corpus' keys, which
/// the caller owns and puts in.
pub(super) struct Terms {
    pub keys: Vocabulary,
    pub stems: Vocabulary,
    pub lemmas: Vocabulary,
    /// Syllables of each key.
    pub syllables: Vec<u8>,
    /// Words read from the dictionary that the cache did not have, with every reading they may take, and the
    /// number of words it had (both empty without a cache).
    pub fresh: (Table, usize),
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
    /// For each key, whether a turn in an analysed language says it; the others are counted by key.
    pub analysed: &'a [bool],
    /// The stopword list is the built-in lists (of Russian and English), which do not apply to keys counted by key.
    pub builtin_stopwords: bool,
    /// Readings of words kept from earlier runs (`--cache`).
    pub cache: Option<&'a ReadingCache>,
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
    /// Whether the reading came from the cache.
    fresh: Fresh,
}

/// The key's (most frequent surface's) reading, if it is a Russian word; with a cache, from it, or with all the
/// readings the word may take when the cache did not have it.
fn read_key(key: &str, form: &str, rules: &Rules<'_>) -> Option<(Reading, Fresh)> {
    let russian = match rules.language {
        Some(Language::En) => false,
        _ => crate::lang::has_cyrillic(key),
    };
    let lemmatizer = rules.lemmatizer.filter(|_| russian)?;
    let want = Want::Known(&rules.names);
    let Some(cache) = rules.cache else {
        return Some((lemmatizer.read(form, want), Fresh::Uncached));
    };
    Some(match cache.read(form, want) {
        Some(reading) => (reading, Fresh::Hit),
        None => {
            let readings = lemmatizer.readings_for_any(form);
            (readings.pick(want).clone(), Fresh::Read(Box::new(readings)))
        }
    })
}

/// Whether a key's reading came from the cache.
enum Fresh {
    /// No cache, or no reading.
    Uncached,
    /// From the cache.
    Hit,
    /// Read from the dictionary: all the word's readings, for the cache.
    Read(Box<Readings>),
}

/// Keys derived in parallel at a time.
const CHUNK: usize = 1 << 14;

/// Stems, lemmas, forms and marks, once per key (in parallel); stems and lemmas interned in key order.
pub(super) fn derive_terms(keys: &Interner, forms: &Forms, rules: &Rules<'_>) -> Terms {
    let derived = derive_keys(keys, forms, rules);
    let PerKeys {
        stems,
        lemmas,
        key_form,
        stop,
        pos,
        spellings,
        names,
        parts,
        syllables,
        fresh,
    } = derived;
    let heads = |groups: &[Vec<KeyId>]| -> Vec<usize> {
        groups
            .par_iter()
            .map(|ids| head(ids, &forms.counts))
            .collect()
    };
    let (stem_heads, lemma_heads) = rayon::join(|| heads(&stems.keys), || heads(&lemmas.keys));
    // A stem's form: the most frequent surface over all its keys (surfaces of different keys differ).
    let stem_form: Strings = stems
        .keys
        .par_iter()
        .map(|ids| most_frequent(ids.iter().flat_map(|&id| forms.of(id))))
        .collect::<Vec<&str>>()
        .into_iter()
        .collect();
    // A lemma's form: how the corpus writes the key that is the lemma itself, else the dictionary's spelling of
    // the lemma, else (no dictionary) the most frequent surface over its keys.
    let lemma_form: Strings = lemmas
        .keys
        .par_iter()
        .enumerate()
        .map(|(lemma, ids)| {
            let text = lemmas.terms.resolve(lemma as u32);
            if let Some(&own) = ids.iter().find(|&&id| keys.resolve(id) == text) {
                return &key_form[own as usize];
            }
            let spelling = &spellings[lemma_heads[lemma]];
            if spelling.is_empty() {
                most_frequent(ids.iter().flat_map(|&id| forms.of(id)))
            } else {
                spelling.as_str()
            }
        })
        .collect::<Vec<&str>>()
        .into_iter()
        .collect();
    let per_key = KeyMarks {
        stop: &stop,
        pos: &pos,
        names: &names,
        parts: &parts,
        content: rules.content,
    };
    let (stems, lemmas) = rayon::join(
        || per_key.group(stems, stem_form, &stem_heads),
        || per_key.group(lemmas, lemma_form, &lemma_heads),
    );
    let content = pos
        .iter()
        .zip(&stop)
        .map(|(&p, &s)| rules.content.admits(p, s))
        .collect();
    let keys = Vocabulary {
        terms: Interner::new(),
        of_key: Vec::new(),
        forms: key_form,
        stop,
        pos,
        content,
        names,
        parts,
    };
    Terms {
        keys,
        stems,
        lemmas,
        syllables,
        fresh,
    }
}

/// The most frequent key of a group (ties: the first key).
fn head(ids: &[KeyId], counts: &[u64]) -> usize {
    ids.iter()
        .copied()
        .max_by_key(|&id| (counts[id as usize], std::cmp::Reverse(id)))
        .unwrap_or(0) as usize
}

/// The terms of a view other than keys as derived key by key: interned, each key's term, and each term's keys.
#[derive(Default)]
struct Grouped {
    terms: Interner,
    of_key: Vec<TermId>,
    keys: Vec<Vec<KeyId>>,
}

impl Grouped {
    fn with_capacity(n: usize) -> Grouped {
        Grouped {
            terms: Interner::with_capacity(n / 2),
            of_key: Vec::with_capacity(n),
            keys: Vec::new(),
        }
    }

    /// Takes in the next key's term.
    fn push(&mut self, key: KeyId, text: &str) {
        let term = self.terms.intern(text);
        if term as usize == self.keys.len() {
            self.keys.push(Vec::new());
        }
        self.keys[term as usize].push(key);
        self.of_key.push(term);
    }
}

/// What the keys say, from which a grouped view's marks are taken.
struct KeyMarks<'k> {
    stop: &'k [bool],
    pos: &'k [Pos],
    names: &'k [Option<NameKind>],
    parts: &'k [Option<PersonPart>],
    content: Content,
}

impl KeyMarks<'_> {
    /// A view's vocabulary from its grouped keys: a stopword if any key is, part of speech, name type and name part
    /// of the most frequent key (`heads`).
    fn group(&self, grouped: Grouped, forms: Strings, heads: &[usize]) -> Vocabulary {
        let stop: Vec<bool> = grouped
            .keys
            .iter()
            .map(|ids| ids.iter().any(|&id| self.stop[id as usize]))
            .collect();
        let pos: Vec<Pos> = heads.iter().map(|&h| self.pos[h]).collect();
        let content = pos
            .iter()
            .zip(&stop)
            .map(|(&p, &s)| self.content.admits(p, s))
            .collect();
        Vocabulary {
            terms: grouped.terms,
            of_key: grouped.of_key,
            forms,
            stop,
            pos,
            content,
            names: heads.iter().map(|&h| self.names[h]).collect(),
            parts: heads.iter().map(|&h| self.parts[h]).collect(),
        }
    }
}

/// What [`derive_keys`] yields: per key, its marks; the stems and lemmas grouped.
struct PerKeys {
    stems: Grouped,
    lemmas: Grouped,
    key_form: Strings,
    stop: Vec<bool>,
    pos: Vec<Pos>,
    /// The lemma as the dictionary spells it, per key (empty without a dictionary reading).
    spellings: Vec<String>,
    names: Vec<Option<NameKind>>,
    parts: Vec<Option<PersonPart>>,
    syllables: Vec<u8>,
    /// Words read from the dictionary for the cache, and the number the cache had.
    fresh: (Table, usize),
}

impl PerKeys {
    fn with_capacity(n: usize) -> PerKeys {
        PerKeys {
            stems: Grouped::with_capacity(n),
            lemmas: Grouped::with_capacity(n),
            key_form: Strings::default(),
            stop: Vec::with_capacity(n),
            pos: Vec::with_capacity(n),
            spellings: Vec::with_capacity(n),
            names: Vec::with_capacity(n),
            parts: Vec::with_capacity(n),
            syllables: Vec::with_capacity(n),
            fresh: (Table::default(), 0),
        }
    }

    /// Takes in the next key.
    fn push(&mut self, k: PerKey) {
        let id = self.stop.len() as KeyId;
        self.stems.push(id, &k.stem);
        self.lemmas.push(id, &k.lemma);
        self.key_form.push(k.form);
        self.stop.push(k.stop);
        self.pos.push(k.pos);
        self.spellings.push(k.lemma_spelling);
        self.names.push(k.name);
        self.parts.push(k.part);
        self.syllables.push(k.syllables);
        match k.fresh {
            Fresh::Uncached => {}
            Fresh::Hit => self.fresh.1 += 1,
            Fresh::Read(readings) => self.fresh.0.add(k.form, &readings),
        }
    }
}

/// Each key's stem, lemma, form and marks, derived in parallel chunk by chunk, so that the strings of only one
/// chunk of keys are held at a time; a chunk is taken in (interned, in key order) while the next one is derived.
fn derive_keys(keys: &Interner, forms: &Forms, rules: &Rules<'_>) -> PerKeys {
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
        let form = most_frequent(forms.of(id as KeyId));
        if !rules.analysed.get(id).copied().unwrap_or(true) {
            return by_key(key, form, rules);
        }
        let stem = stemmer_for(key).stem(key).into_owned();
        derive_key(keys, key, stem, form, rules)
    };
    let n = keys.len();
    let mut out = PerKeys::with_capacity(n);
    let derive_chunk = |start: usize| -> Vec<PerKey> {
        (start..(start + CHUNK).min(n))
            .into_par_iter()
            .map(derive)
            .collect()
    };
    let mut take_in = |chunk: Vec<PerKey>| chunk.into_iter().for_each(|k| out.push(k));
    let mut derived = derive_chunk(0);
    for start in (CHUNK..n).step_by(CHUNK) {
        let (_, next) = rayon::join(|| take_in(derived), || derive_chunk(start));
        derived = next;
    }
    take_in(derived);
    out
}

/// What a key said only in turns of a language stenogram does not analyse yields: itself as stem and lemma, no
/// part of speech, a stopword only on a list the user gave.
fn by_key<'a>(key: &str, form: &'a str, rules: &Rules<'_>) -> PerKey<'a> {
    PerKey {
        syllables: syllables(key).min(u32::from(u8::MAX)) as u8,
        stem: key.to_string(),
        form,
        stop: !rules.builtin_stopwords && rules.stopwords.contains(key),
        lemma: key.to_string(),
        lemma_spelling: String::new(),
        pos: Pos::Unknown,
        name: None,
        part: None,
        fresh: Fresh::Uncached,
    }
}

/// What one key yields, given its stem and its most frequent surface form.
fn derive_key<'a>(
    keys: &Interner,
    key: &str,
    stem: String,
    form: &'a str,
    rules: &Rules<'_>,
) -> PerKey<'a> {
    let stop = rules.stopwords.contains(key);
    let syllables = syllables(key).min(u32::from(u8::MAX)) as u8;
    match read_key(key, form, rules) {
        Some((r, fresh)) => PerKey {
            syllables,
            stem,
            form,
            stop,
            lemma: r.lemma,
            lemma_spelling: r.form,
            pos: r.pos,
            name: r.name,
            part: r.part,
            fresh,
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
            fresh: Fresh::Uncached,
        },
    }
}
