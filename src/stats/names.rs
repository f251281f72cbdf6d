//! Names per speaker as mentions: how often each speaker names each person, place and organisation. Russian names
//! come from the dictionary's name types ([`NameKind`]) and parts of persons' names ([`PersonPart`]) of the lemmas;
//! English persons from honorifics and capitals. The Russian name words themselves are counted one by one in
//! [`super::name_parts`].
//!
//! **A person's mention** is a run of adjacent person-name words in one sentence (no punctuation between them) that
//! holds each part at most once: first name, patronymic, surname, in any order (`Владимир Владимирович Путин`,
//! `Путин Владимир Владимирович`, `Александр Лукашенко`). A part already in the run starts the next mention
//! (`Путин Лукашенко` is two; `Путин, Лукашенко` and `Путин и Лукашенко` are two anyway). Initials before a name
//! join it: a one-letter word followed by punctuation and then a name, or by another such initial (`В.В.Путин`,
//! `А. Г. Лукашенко`). The word stream keeps that there was punctuation between two words but not which, so a
//! one-letter word followed by a comma and a name (`я, Путин`) joins it too: the mention is the same, only its form
//! reads oddly. A proper noun the dictionary does not know is a surname when it directly follows a first name
//! (`Владимир Таранович`) and a first name when a patronymic directly follows it (`Бадра Зурабович`), named by the
//! lemma the dictionary guesses for it (`Бадр`: it reads `Бадра` as a genitive); alone it is not counted.
//!
//! A mention is labelled by its surname's lemma as shown (`Путин`). Without a surname, a first name and patronymic
//! are the **address form** (`Владимир Владимирович`): one mention, marked `address`, and not joined to a surname,
//! because being addressed and being talked about are different things; when the corpus writes that first name and
//! patronymic with one surname only (`Владимир Владимирович Путин` somewhere), the row names that surname as its
//! `person`. A first name alone is a mention of that first name (`Владимир`), a patronymic alone of that
//! patronymic.
//!
//! **Places and organisations** are counted word by word, each name word a mention: a name of several words is
//! mostly an adjective and a noun (`Российская Федерация`, `Южная Корея`), of which the dictionary knows only the
//! noun as a name, or one hyphenated word (`Санкт-Петербург`). Two place or organisation words side by side are
//! rare and mostly two names: 29 pairs in the 73 MB of `../shared/bench` (`МЧС России`, `Европе Париж`).
//!
//! **English** has no dictionary of names here, so only persons are found, from the way the corpus writes them: a
//! surname is a word written with a capital that directly follows `Mr`, `Mrs`, `Ms` or `President` somewhere in the
//! English meetings with no other capitalised word after it (`Mr Putin`, `President Macron`; not a title: `Mr
//! President`), and then each of its occurrences (and its possessive, `Putin’s`) is a mention, with the honorific
//! before it, or the titles and one first name (a capitalised word that is no stopword) before it (`President Putin`,
//! `Vladimir Putin`; not `As` of `As Putin said`). People never called
//! so in the corpus are missed (`President Xi Jinping`); English places and organisations are not counted.
//!
//! **What is not counted.** Russian words the dictionary does not know as names (most foreign names, rare
//! surnames), so a mention is only as good as the dictionary's names; two people with one surname are one row.
//!
//! A mention's form is the most frequent way the speaker writes it, rebuilt from its words: each word as the corpus
//! most often writes it, an initial as a capital and a full stop (`Владимира Владимировича`, `В.В.Путин`).

use hashbrown::{HashMap, HashSet};

use crate::corpus::{Corpus, Gap, KeyId, SpeakerId, TokenError};
use crate::text::lemma::{NameKind, PersonPart, Pos};

use super::freq::ALL;

/// One row of `names.csv`: one person (or address form, first name), place or organisation as a speaker names it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NameRow<'a> {
    /// Speaker, or `*` for all.
    pub speaker: &'a str,
    /// `person`, `place` or `organisation`.
    pub kind: &'static str,
    /// What is named: a surname, an address form (first name and patronymic), a first name, a place or an
    /// organisation, as shown (`Путин`, `Владимир Владимирович`, `Москва`).
    pub name: String,
    /// Whether the mention is an address form: a first name and patronymic without a surname.
    pub address: bool,
    /// The person, by surname: the mention's own surname, or for an address form the one surname the corpus writes
    /// after the same first name and patronymic; empty when there is none (or several), and for places and
    /// organisations.
    pub person: String,
    /// The speaker's most frequent form of the mention (`Владимира Владимировича`, `В.В.Путин`).
    pub form: String,
    /// Mentions.
    pub count: u64,
    /// Mentions per 10,000 of the speaker's words.
    pub per_10k: f64,
}

/// What a word can be in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// No name.
    Other,
    /// A single letter: an initial when a name follows.
    Letter,
    /// A part of a person's name (a person's name of no stated part counts as a surname).
    Person(PersonPart),
    /// A place or organisation name.
    Named(NameKind),
    /// A proper noun the dictionary only guesses (no name type): a surname when it follows a first name, a first
    /// name when a patronymic follows it.
    Proper,
    /// English: `Mr`, `Mrs`, `Ms`.
    Honorific,
    /// English: a title written with a capital (`President`, `Prime`, `Minister`).
    Title,
    /// English: another word the corpus mostly writes with a capital, no stopword (`Vladimir`, `Kazakhstan`).
    Capital,
}

/// The part of a person's name word `i` of a mention is: an unknown proper noun is the first name before a
/// patronymic (`Бадра Зурабович`), else the surname (`Владимир Таранович`).
fn part_at(words: &[Word], i: usize) -> Option<PersonPart> {
    match words[i] {
        Word::Person(part) => Some(part),
        Word::Proper if words.get(i + 1) == Some(&Word::Person(PersonPart::Patronymic)) => {
            Some(PersonPart::Given)
        }
        Word::Proper => Some(PersonPart::Surname),
        _ => None,
    }
}

/// What a mention names: its kind, and one or two lemmas (a surname, first name, patronymic, place or
/// organisation; a first name and patronymic for an address form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    kind: NameKind,
    lemma: u32,
    /// The patronymic of an address form.
    patronymic: Option<u32>,
    /// Whether `lemma` is a surname.
    surname: bool,
}

/// English honorifics, before a surname.
const HONORIFICS: [&str; 3] = ["mr", "mrs", "ms"];

/// English words written with a capital that follow an honorific or `President` without being a surname (`Mr
/// President`, `Mr Prime Minister`).
const TITLES: [&str; 22] = [
    "ambassador",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "deputy",
    "director",
    "general",
    "governor",
    "king",
    "mayor",
    "minister",
    "premier",
    "president",
    "president-elect",
    "prime",
    "prince",
    "secretary",
    "secretary-general",
    "speaker",
    "vice",
];

/// Whether a word is written with a capital and is no acronym (`Putin`, not `putin` or `UN`).
fn is_capitalised(form: &str) -> bool {
    let mut chars = form.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// The English surname key `w` is, or is the possessive of (`putin’s`, `putin's`).
fn english_surname(corpus: &Corpus, surnames: &HashSet<KeyId>, w: KeyId) -> Option<KeyId> {
    Some(without_possessive(corpus, w)).filter(|b| surnames.contains(b))
}

/// The key without its possessive ending (`putin’s` → `putin`), when the corpus has it; else the key.
fn without_possessive(corpus: &Corpus, w: KeyId) -> KeyId {
    let key = corpus.keys.text(w);
    key.strip_suffix("’s")
        .or_else(|| key.strip_suffix("'s"))
        .and_then(|base| corpus.keys.get(base))
        .unwrap_or(w)
}

/// A first name and a patronymic (lemma ids): an address form.
type Address = (u32, u32);

/// Every key's [`Word`]; `surnames` are the English keys found to be surnames ([`english_surnames`]).
fn classes(corpus: &Corpus, surnames: &HashSet<KeyId>) -> Vec<Word> {
    (0..corpus.keys.len())
        .map(|k| {
            let key = corpus.keys.text(k as KeyId);
            let mut chars = key.chars();
            if matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic()) {
                return Word::Letter;
            }
            if !crate::lang::has_cyrillic(key) {
                return if english_surname(corpus, surnames, k as KeyId).is_some() {
                    Word::Person(PersonPart::Surname)
                } else if !is_capitalised(&corpus.keys.forms[k]) {
                    Word::Other
                } else if HONORIFICS.contains(&key) {
                    Word::Honorific
                } else if TITLES.contains(&key) {
                    Word::Title
                } else if corpus.keys.stop.get(k) == Some(&true) {
                    // Written with a capital only at the start of sentences (`As Lukashenko said`).
                    Word::Other
                } else {
                    Word::Capital
                };
            }
            let lemma = corpus.lemmas.term(k as KeyId) as usize;
            match corpus.lemmas.names.get(lemma).copied().flatten() {
                Some(NameKind::Person) => Word::Person(
                    corpus
                        .lemmas
                        .parts
                        .get(lemma)
                        .copied()
                        .flatten()
                        .unwrap_or(PersonPart::Surname),
                ),
                Some(kind) => Word::Named(kind),
                None if corpus.lemmas.pos.get(lemma) == Some(&Pos::Propn) => Word::Proper,
                None => Word::Other,
            }
        })
        .collect()
}

/// The mentions in one turn's words (their [`Word`]s, by index, and gaps), as ranges of word indices, in text
/// order.
fn mentions(words: impl Fn(usize) -> Word, gaps: &[Gap], out: &mut Vec<std::ops::Range<usize>>) {
    let n = gaps.len();
    // Where the last mention ended: the words before a mention it may take (English) start here.
    let mut floor = 0;
    let mut i = 0;
    while i < n {
        let start = i;
        // Initials: letters each followed by punctuation and another initial or a person's name.
        while words(i) == Word::Letter
            && i + 1 < n
            && gaps[i + 1] == Gap::Punct
            && matches!(words(i + 1), Word::Letter | Word::Person(_))
        {
            i += 1;
        }
        // An unknown proper noun before a patronymic: the first name (`Бадра Зурабович`).
        let first = match words(i) {
            Word::Proper
                if i + 1 < n
                    && gaps[i + 1] == Gap::Adjacent
                    && words(i + 1) == Word::Person(PersonPart::Patronymic) =>
            {
                Word::Person(PersonPart::Given)
            }
            word => word,
        };
        match first {
            Word::Person(part) => {
                let start = if i == start {
                    english_prefix(&words, gaps, i, floor)
                } else {
                    start
                };
                let mut seen = 1u8 << part as u8;
                i += 1;
                while i < n && gaps[i] == Gap::Adjacent {
                    let part = match words(i) {
                        Word::Person(part) => part,
                        // An unknown proper noun after a first name (and no surname yet): the surname.
                        Word::Proper if seen & 1 << PersonPart::Given as u8 != 0 => {
                            PersonPart::Surname
                        }
                        _ => break,
                    };
                    if seen & 1 << part as u8 != 0 {
                        break;
                    }
                    seen |= 1 << part as u8;
                    i += 1;
                }
                out.push(start..i);
                floor = i;
            }
            Word::Named(_) => {
                out.push(i..i + 1);
                i += 1;
            }
            // Not a name, or initials before no name (none of their letters starts one either).
            _ => i += 1,
        }
    }
}

/// Where an English mention of the surname at `i` starts: at an honorific directly before it (`Mr Putin`), else at
/// titles and one more capitalised word (a first name) directly before it (`President Putin`, `Vladimir Putin`,
/// `Prime Minister Dmitry Medvedev`), not before `floor`. A longer run of capitalised words is not taken whole:
/// the corpus records how it most often writes a word, not how this occurrence is written, so `thank` (mostly
/// `Thank`) or a country before a name (`President of Kazakhstan Askar Mamin`) would join.
fn english_prefix(words: &impl Fn(usize) -> Word, gaps: &[Gap], i: usize, floor: usize) -> usize {
    let before = |s: usize, w: Word| s > floor && gaps[s] == Gap::Adjacent && words(s - 1) == w;
    let mut s = i;
    if before(s, Word::Honorific) {
        return s - 1;
    }
    if before(s, Word::Capital) {
        s -= 1;
    }
    while before(s, Word::Title) {
        s -= 1;
    }
    s
}

/// The key of a mention (its key ids and their [`Word`]s), and for a full name (first name, patronymic and surname)
/// the address form it ties to its surname. An English possessive (`Putin’s`) is its surname's mention.
fn key_of(
    corpus: &Corpus,
    surnames: &HashSet<KeyId>,
    ids: &[KeyId],
    words: &[Word],
) -> (Key, Option<(Address, u32)>) {
    let lemma = |i: usize| {
        let w = english_surname(corpus, surnames, ids[i]).unwrap_or(ids[i]);
        corpus.lemmas.term(w)
    };
    let find = |p: PersonPart| {
        (0..ids.len())
            .find(|&i| part_at(words, i) == Some(p))
            .map(lemma)
    };
    if let &[Word::Named(kind)] = words {
        let key = Key {
            kind,
            lemma: lemma(0),
            patronymic: None,
            surname: false,
        };
        return (key, None);
    }
    let (given, patronymic, surname) = (
        find(PersonPart::Given),
        find(PersonPart::Patronymic),
        find(PersonPart::Surname),
    );
    let person = |lemma, patronymic, surname| Key {
        kind: NameKind::Person,
        lemma,
        patronymic,
        surname,
    };
    match (given, patronymic, surname) {
        (Some(g), Some(p), Some(s)) => (person(s, None, true), Some(((g, p), s))),
        (_, _, Some(s)) => (person(s, None, true), None),
        (Some(g), Some(p), None) => (person(g, Some(p), false), None),
        (Some(g), None, None) => (person(g, None, false), None),
        (None, Some(p), None) => (person(p, None, false), None),
        // A mention holds at least one person's name.
        (None, None, None) => (person(lemma(ids.len() - 1), None, true), None),
    }
}

/// A mention's form: its words as the corpus most often writes them, an initial as a capital and a full stop.
fn form_of(corpus: &Corpus, ids: &[KeyId], words: &[Word]) -> String {
    let mut out = String::new();
    let mut after_initial = true;
    for (&id, &word) in ids.iter().zip(words) {
        if !after_initial {
            out.push(' ');
        }
        if word == Word::Letter {
            out.extend(corpus.keys.text(id).chars().flat_map(char::to_uppercase));
            out.push('.');
        } else {
            out.push_str(&corpus.keys.forms[id as usize]);
        }
        after_initial = word == Word::Letter;
    }
    out
}

/// English surnames: the words written with a capital, and no title, that directly follow `Mr`, `Mrs`, `Ms` or
/// `President` somewhere in the English meetings of the corpus with no capitalised word after them (`Mr Putin`,
/// `President Putin`; not `Vladimir` of `Mr Vladimir Putin`, nor `Xi` of `President Xi Jinping`).
fn english_surnames(corpus: &Corpus) -> Result<HashSet<KeyId>, TokenError> {
    let mut surnames = HashSet::new();
    let key = |w: KeyId| corpus.keys.text(w);
    let capital = |w: KeyId| {
        !crate::lang::has_cyrillic(key(w)) && is_capitalised(&corpus.keys.forms[w as usize])
    };
    let triggers: Vec<KeyId> = ["president", "mr", "mrs", "ms"]
        .iter()
        .filter_map(|k| corpus.keys.get(k))
        .collect();
    if triggers.is_empty() {
        return Ok(surnames);
    }
    let english = |turn: &&crate::corpus::TurnTokens| {
        corpus.meetings[turn.meeting as usize].language == crate::text::Language::En
    };
    let mut reader = corpus.reader();
    for turn in corpus.turns.iter().filter(english) {
        let (ids, gaps) = reader.words_and_gaps(turn)?;
        for i in 1..ids.len() {
            let (before, w) = (ids[i - 1], ids[i]);
            if gaps[i] != Gap::Adjacent || !triggers.contains(&before) || !capital(before) {
                continue;
            }
            let alone = ids
                .get(i + 1)
                .is_none_or(|&next| gaps[i + 1] != Gap::Adjacent || !capital(next));
            if alone && capital(w) && !TITLES.contains(&key(w)) && !HONORIFICS.contains(&key(w)) {
                surnames.insert(without_possessive(corpus, w));
            }
        }
    }
    Ok(surnames)
}

/// The mentions of a corpus as counted: each distinct mention as written (its key ids) with its key and form, and
/// its count per speaker.
struct Counted {
    /// Key and form of each written mention, by its id.
    written: Vec<(Key, String)>,
    /// Mentions per (speaker, written mention).
    counts: HashMap<(SpeakerId, u32), u64>,
    /// The surname written with each address form: the one surname, or `None` for several.
    ties: HashMap<Address, Option<u32>>,
    /// Words per speaker, and of all at the end.
    words: Vec<u64>,
}

/// Finds and counts the mentions of every turn.
fn count(corpus: &Corpus) -> Result<Counted, TokenError> {
    let surnames = english_surnames(corpus)?;
    let class = classes(corpus, &surnames);
    let speakers = corpus.speakers.len();
    let mut out = Counted {
        written: Vec::new(),
        counts: HashMap::new(),
        ties: HashMap::new(),
        words: vec![0; speakers + 1],
    };
    // Ids of the written mentions; most are one word, looked up by its key id.
    let mut ids_of: HashMap<Vec<KeyId>, u32> = HashMap::new();
    let mut one_word = vec![u32::MAX; corpus.keys.len()];
    let mut spans = Vec::new();
    let mut reader = corpus.reader();
    for turn in &corpus.turns {
        out.words[turn.speaker as usize] += turn.len() as u64;
        let (ids, gaps) = reader.words_and_gaps(turn)?;
        spans.clear();
        mentions(|i| class[ids[i] as usize], gaps, &mut spans);
        for span in spans.drain(..) {
            let ids = &ids[span];
            let known = match ids {
                &[w] => one_word[w as usize],
                _ => ids_of.get(ids).copied().unwrap_or(u32::MAX),
            };
            let id = if known == u32::MAX {
                let words: Vec<Word> = ids.iter().map(|&w| class[w as usize]).collect();
                let (key, tie) = key_of(corpus, &surnames, ids, &words);
                if let Some((address, surname)) = tie {
                    let one = out.ties.entry(address).or_insert(Some(surname));
                    if *one != Some(surname) {
                        *one = None;
                    }
                }
                let id = out.written.len() as u32;
                match ids {
                    &[w] => one_word[w as usize] = id,
                    _ => {
                        ids_of.insert(ids.to_vec(), id);
                    }
                }
                out.written.push((key, form_of(corpus, ids, &words)));
                id
            } else {
                known
            };
            *out.counts.entry((turn.speaker, id)).or_default() += 1;
        }
    }
    out.words[speakers] = out.words[..speakers].iter().sum();
    Ok(out)
}

/// The most frequent of some forms with their counts (a form may come more than once: summed); ties go to the
/// smallest.
fn most_frequent(mut forms: Vec<(&str, u64)>) -> &str {
    forms.sort_unstable();
    let mut best: Option<(&str, u64)> = None;
    for run in forms.chunk_by(|a, b| a.0 == b.0) {
        let n = run.iter().map(|f| f.1).sum();
        if best.is_none_or(|(_, most)| n > most) {
            best = Some((run[0].0, n));
        }
    }
    best.map_or("", |b| b.0)
}

/// Every name mentioned, per speaker (in corpus order, then `*`), by kind, then count (descending), then name.
pub fn names(corpus: &Corpus) -> Result<Vec<NameRow<'_>>, TokenError> {
    let counted = count(corpus)?;
    let all = corpus.speakers.len() as SpeakerId;
    // Per speaker (and all) and key: the count of each written form.
    let mut forms: HashMap<(SpeakerId, Key), Vec<(&str, u64)>> = HashMap::new();
    for (&(speaker, id), &n) in &counted.counts {
        let (key, form) = &counted.written[id as usize];
        for s in [speaker, all] {
            forms.entry((s, *key)).or_default().push((form, n));
        }
    }
    let shown = |lemma: u32| corpus.lemmas.forms[lemma as usize].to_string();
    let mut rows: Vec<(SpeakerId, NameKind, NameRow)> = forms
        .into_iter()
        .map(|((speaker, key), forms)| {
            let count = forms.iter().map(|f| f.1).sum();
            let (name, person) = match key.patronymic {
                Some(p) => {
                    let tie = counted.ties.get(&(key.lemma, p)).copied().flatten();
                    (
                        format!("{} {}", shown(key.lemma), shown(p)),
                        tie.map_or(String::new(), shown),
                    )
                }
                None if key.surname => (shown(key.lemma), shown(key.lemma)),
                None => (shown(key.lemma), String::new()),
            };
            let row = NameRow {
                speaker: corpus
                    .speakers
                    .get(speaker as usize)
                    .map_or(ALL, String::as_str),
                kind: key.kind.as_str(),
                name,
                address: key.patronymic.is_some(),
                person,
                form: most_frequent(forms).to_string(),
                count,
                per_10k: count as f64 * 10_000.0 / counted.words[speaker as usize].max(1) as f64,
            };
            (speaker, key.kind, row)
        })
        .collect();
    rows.sort_unstable_by(|(sa, ka, a), (sb, kb, b)| {
        (sa, ka, std::cmp::Reverse(a.count), &a.name).cmp(&(
            sb,
            kb,
            std::cmp::Reverse(b.count),
            &b.name,
        ))
    });
    Ok(rows.into_iter().map(|(_, _, row)| row).collect())
}

#[cfg(test)]
mod tests;
