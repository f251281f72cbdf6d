//! Lemmas, parts of speech and name types of Russian words, from the OpenCorpora dictionary as the `rumorph` crate
//! packs it (built into the binary; see the README for its licence).
//!
//! A word is analysed out of context, as written: the dictionary's analyses come with P(analysis | word form),
//! estimated on the OpenCorpora corpus and the training parts of the UD GSD and Taiga treebanks, and the most probable
//! one is taken. Case is the context a reader uses for names, and the dictionary weighs it: a capitalised word
//! gives its name readings (surname, first name, patronymic, place, organisation) three times their weight, so
//! `Пескова` is `песков` (never `песок`) and `Путина` is `путин`, while `путина` is the fishing season. Forcing a
//! name reading on every capitalised word inside a sentence was measured and loses (`Красной площади` →
//! `красная`), so it is not done; but a capitalised word whose best reading is not a name takes its reading as a
//! person's name (surname, given name, patronymic) whose lemma is the word itself when that is at most three times
//! less probable: `Песков` (the nominative of the surname) would otherwise be the genitive plural of `песок`. A caller may name lemmas that must
//! be read as names wherever the dictionary has them ([`Want::Known`]): the speakers' own names.
//!
//! Lemmas are given folded like keys (lowercase, `ё` → `е`) so that they compare with keys; [`Reading::form`] keeps
//! the dictionary's spelling for display (`всё`, and a capital for proper nouns: `Песков`).
//!
//! ```
//! use stenogram::text::lemma::{Lemmatizer, NameKind, Pos, Want};
//!
//! let lemmatizer = Lemmatizer::new().unwrap();
//! let r = lemmatizer.read("выборы", Want::Best);
//! assert_eq!((r.lemma.as_str(), r.pos), ("выборы", Pos::Noun));
//! let r = lemmatizer.read("Пескова", Want::Best);
//! assert_eq!((r.lemma.as_str(), r.form.as_str(), r.name), ("песков", "Песков", Some(NameKind::Person)));
//! assert_eq!(lemmatizer.read("путина", Want::Best).lemma, "путина");
//! assert_eq!(lemmatizer.read("Путина", Want::Best).lemma, "путин");
//! ```

use std::sync::OnceLock;

use hashbrown::{HashMap, HashSet};
use rumorph::Dictionary;

pub use super::tags::{NameKind, PersonPart, Pos};

/// One analysis of a word.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Reading {
    /// The lemma, folded like a key (lowercase, `ё` → `е`).
    pub lemma: String,
    /// The lemma as the dictionary spells it, with a capital for a proper noun (`Песков`, `всё`).
    pub form: String,
    /// The part of speech.
    pub pos: Pos,
    /// The name type, for an analysis as a name that the dictionary has (a word it only guesses has none): of the
    /// name analyses with this lemma, the kind with the largest total probability.
    pub name: Option<NameKind>,
    /// For a person's name, which part of it the word is: of the person-name analyses with this lemma, the part
    /// with the largest total probability (`Владимир` a first name, `Путин` a surname).
    pub part: Option<PersonPart>,
    /// The analysis' probability given the word form.
    pub prob: f64,
}

/// Which analysis to take.
#[derive(Debug, Clone, Copy)]
pub enum Want<'a> {
    /// The most probable.
    Best,
    /// The most probable name whose lemma is in the set (folded lemmas), else the most probable analysis.
    Known(&'a HashSet<String>),
}

/// The dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("loading the built-in Russian dictionary: {0}")]
pub struct LemmaError(String);

/// How much more a capitalised word's reading as a person's name may be outweighed by its best reading and still be
/// taken (on top of the weight the dictionary gives names of capitalised words; see [`Lemmatizer::read`]). Measured
/// with `../shared/anchors/eval_lemmas.py` on the dev sets: 3 fixes `Песков` and leaves UD GSD at 96.21% (−0.01),
/// Taiga at 95.11% (+0.01) and five GramEval sets as they were; 30 and more lose.
const PERSON_WEIGHT: f64 = 3.0;

/// A Russian lemmatizer over the built-in dictionary; cheap to clone (the dictionary is shared, never copied).
#[derive(Clone)]
pub struct Lemmatizer {
    dictionary: &'static Dictionary,
}

impl std::fmt::Debug for Lemmatizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lemmatizer")
    }
}

/// The dictionary, loaded (and checked) once per process.
static DICTIONARY: OnceLock<Result<Dictionary, String>> = OnceLock::new();

impl Lemmatizer {
    /// The lemmatizer; the first call loads the dictionary (a few milliseconds: it is read in place from the
    /// binary).
    pub fn new() -> Result<Lemmatizer, LemmaError> {
        match DICTIONARY.get_or_init(|| Dictionary::bundled().map_err(|e| e.to_string())) {
            Ok(dictionary) => Ok(Lemmatizer { dictionary }),
            Err(e) => Err(LemmaError(e.clone())),
        }
    }

    /// Every analysis of `word` (as written: case matters for names), most probable first.
    pub fn readings(&self, word: &str) -> Vec<Reading> {
        let analyses = self.dictionary.analyze(word);
        (0..analyses.len())
            .map(|i| self.reading(word, &analyses, i))
            .collect()
    }

    /// The analysis of `word` that `want` asks for; a word without any analysis is its own lemma, of unknown part
    /// of speech. Only the chosen analysis is made a [`Reading`] (this runs once per distinct word of a corpus).
    pub fn read(&self, word: &str, want: Want<'_>) -> Reading {
        let analyses = self.analyses(word);
        if analyses.is_empty() {
            return unknown(word);
        }
        let pick = match want {
            Want::Best => None,
            Want::Known(names) if names.is_empty() => None,
            // The name type first: most analyses are no names, and their lemmas need not be folded.
            Want::Known(names) => (0..analyses.len()).find(|&i| {
                self.name_type(&analyses[i]).is_some()
                    && names.contains::<str>(&fold(&analyses[i].lemma))
            }),
        };
        let pick = pick.or_else(|| self.person_reading(word, &analyses));
        self.reading(word, &analyses, pick.unwrap_or(0))
    }

    /// Every reading [`Lemmatizer::read`] can give `word`, whatever names are asked for: what a cache of readings
    /// keeps, since the names (the speakers') change from corpus to corpus. `read(word, want)` is
    /// `readings_for_any(word).pick(want)`, at the cost of making a reading of each name analysis.
    pub fn readings_for_any(&self, word: &str) -> Readings {
        let analyses = self.analyses(word);
        if analyses.is_empty() {
            return Readings {
                otherwise: unknown(word),
                names: Vec::new(),
            };
        }
        let mut names: Vec<(String, Reading)> = Vec::new();
        for (i, a) in analyses.iter().enumerate() {
            if self.name_type(a).is_none() {
                continue;
            }
            let lemma = fold(&a.lemma);
            // The first name analysis of a lemma is the one `read` would find.
            if names.iter().all(|(l, _)| *l != *lemma) {
                names.push((lemma.into_owned(), self.reading(word, &analyses, i)));
            }
        }
        let otherwise = self.person_reading(word, &analyses).unwrap_or(0);
        Readings {
            otherwise: self.reading(word, &analyses, otherwise),
            names,
        }
    }

    /// The dictionary's analyses of `word`; none for a letter of an abbreviation.
    fn analyses(&self, word: &str) -> Vec<rumorph::Analysis> {
        if is_letter_of_abbreviation(word) {
            Vec::new()
        } else {
            self.dictionary.analyze(word)
        }
    }

    /// What identifies the dictionary's content: its metadata (source and version), its number of words and its
    /// tags; a cache of readings made with another dictionary is not used.
    pub fn fingerprint(&self) -> String {
        let mut out = format!(
            "{}\n{}\n",
            self.dictionary.meta(),
            self.dictionary.word_count()
        );
        for tag in self.dictionary.tags() {
            out.push_str(tag);
            out.push('\n');
        }
        out
    }

    /// For a capitalised word, its most probable analysis as a person's name (surname, given name, patronymic) that
    /// the dictionary has, when the best analysis is not a name: `Песков` is the surname, not the plural of `песок`.
    fn person_reading(&self, word: &str, analyses: &[rumorph::Analysis]) -> Option<usize> {
        let mut chars = word.chars();
        let capitalised =
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
        if !capitalised || self.name_type(&analyses[0]).is_some() {
            return None;
        }
        // Only the name's own form (its nominative, `Песков`): an inflected form of another name (`Аль` of `Аля`, in
        // `Аль Саид`) is not taken over a common word.
        let key = crate::text::normalize::key(word);
        let i = (1..analyses.len()).find(|&i| {
            self.name_type(&analyses[i]) == Some(NameKind::Person)
                && fold(&analyses[i].lemma) == key
        })?;
        (analyses[i].prob * PERSON_WEIGHT >= analyses[0].prob).then_some(i)
    }

    /// The dictionary's name type of an analysis (none for a guess).
    fn name_type(&self, a: &rumorph::Analysis) -> Option<NameKind> {
        self.name_feature(a).and_then(NameKind::of_name_type)
    }

    /// The dictionary's `NameType` value of an analysis (none for a guess).
    fn name_feature(&self, a: &rumorph::Analysis) -> Option<&'static str> {
        if a.source != rumorph::Source::Dictionary {
            return None;
        }
        self.dictionary.ud_tag(a.ud)?.feat("NameType")
    }

    /// Analysis `i` of `word`, as a reading.
    fn reading(&self, word: &str, analyses: &[rumorph::Analysis], i: usize) -> Reading {
        let a = &analyses[i];
        let pos = self
            .dictionary
            .ud_tag(a.ud)
            .and_then(|tag| Pos::parse(tag.pos()))
            .unwrap_or(Pos::X);
        let lemma = fold(&a.lemma).into_owned();
        let key = || crate::text::normalize::key(word);
        if pos == Pos::Adp && is_vowel_variant(&key(), &lemma) {
            return Reading {
                lemma: key(),
                form: key(),
                pos,
                name: None,
                part: None,
                prob: a.prob,
            };
        }
        // A name's kind: the most probable over the name analyses with its lemma.
        let name = self.name_type(a).and_then(|_| {
            let mut weight = [0.0f64; 3];
            for other in analyses.iter().filter(|o| o.lemma == a.lemma) {
                if let Some(kind) = self.name_type(other) {
                    weight[kind as usize] += other.prob;
                }
            }
            let best = (0..3).max_by(|&x, &y| weight[x].total_cmp(&weight[y]).then(y.cmp(&x)))?;
            (weight[best] > 0.0).then_some(NameKind::ALL[best])
        });
        // A person's name's part: the most probable over the person-name analyses of the lemma.
        let part = (name == Some(NameKind::Person))
            .then(|| {
                let mut weight = [0.0f64; 3];
                for other in analyses.iter().filter(|o| o.lemma == a.lemma) {
                    if let Some(part) = self.name_feature(other).and_then(PersonPart::of_name_type)
                    {
                        weight[part as usize] += other.prob;
                    }
                }
                let best =
                    (0..3).max_by(|&x, &y| weight[x].total_cmp(&weight[y]).then(y.cmp(&x)))?;
                (weight[best] > 0.0).then_some(PersonPart::ALL[best])
            })
            .flatten();
        let form = if pos == Pos::Propn {
            capitalised(&a.lemma)
        } else {
            a.lemma.clone()
        };
        Reading {
            lemma,
            form,
            pos,
            name,
            part,
            prob: a.prob,
        }
    }
}

/// A word the dictionary has no analysis of: its own lemma (as a key), of unknown part of speech.
fn unknown(word: &str) -> Reading {
    let key = crate::text::normalize::key(word);
    Reading {
        form: key.clone(),
        lemma: key,
        pos: Pos::Unknown,
        name: None,
        part: None,
        prob: 0.0,
    }
}

/// Every reading of a word that [`Lemmatizer::read`] may give it ([`Lemmatizer::readings_for_any`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Readings {
    /// The reading when no name asked for is a lemma of the word's name analyses.
    pub otherwise: Reading,
    /// Per folded lemma of a name analysis (in the dictionary's order, each lemma once), its reading.
    pub names: Vec<(String, Reading)>,
}

impl Readings {
    /// The reading [`Lemmatizer::read`] gives for `want`.
    pub fn pick(&self, want: Want<'_>) -> &Reading {
        let named = match want {
            Want::Best => None,
            Want::Known(names) => self.names.iter().find(|(l, _)| names.contains(l.as_str())),
        };
        named.map_or(&self.otherwise, |(_, r)| r)
    }
}

/// Russian words of one letter: prepositions, conjunctions, `я`, and the colloquial `ж` (же) and `б` (бы).
const ONE_LETTER_WORDS: &str = "авикосуяжбАВИКОСУЯЖБ";

/// A single Cyrillic letter that is no word of its own: a part of an abbreviation (`т.е.`, `т.к.`, `т.д.`, `г.`) or
/// an initial (`Д.`, `П.`), which the dictionary would read as some word (`т` as так, `е` as быть). It is not
/// analysed: its own lemma, of no part of speech. (`В.` and `А.` as initials stay the words `в` and `а`: a word
/// alone does not tell.)
fn is_letter_of_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if crate::lang::is_cyrillic(c) && !ONE_LETTER_WORDS.contains(c))
}

/// A dictionary lemma folded like a key: the dictionary's lemmas are lowercase NFC already, so only `ё` → `е` is
/// left (anything else goes through the key normalisation).
fn fold(lemma: &str) -> std::borrow::Cow<'_, str> {
    // Russian and Latin lowercase letters are told by their range; other characters ask Unicode.
    let lowercase = |c: char| match c {
        'а'..='я' | 'a'..='z' => true,
        'ё' => false,
        _ => c.is_lowercase(),
    };
    if lemma.chars().all(|c| lowercase(c) || c == '-') {
        std::borrow::Cow::Borrowed(lemma)
    } else {
        std::borrow::Cow::Owned(crate::text::normalize::key(lemma))
    }
}

/// Whether a preposition is the form of another with `о` added before a consonant cluster (`во` of `в`, `со`, `ко`,
/// `обо`, `подо` …). The dictionary gives such forms the short lemma, as SynTagRus does; the other Russian treebanks
/// (UD GSD, Taiga, PUD; MorphoRuEval-2017) keep them as lemmas of their own, and so do we.
fn is_vowel_variant(key: &str, lemma: &str) -> bool {
    key.strip_suffix('о') == Some(lemma)
}

/// `word` with a capital at its start and after each hyphen (`нижний новгород` stays as it is past the first
/// letter; `санкт-петербург` → `Санкт-Петербург`).
fn capitalised(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == '-';
    }
    out
}

/// A lemmatizer that analyses each distinct word (as written) once.
#[derive(Debug)]
pub struct LemmaCache {
    lemmatizer: Lemmatizer,
    cache: HashMap<Box<str>, Reading>,
}

impl LemmaCache {
    /// A cache around `lemmatizer`.
    pub fn new(lemmatizer: Lemmatizer) -> LemmaCache {
        LemmaCache {
            lemmatizer,
            cache: HashMap::new(),
        }
    }

    /// The most probable reading of `word` as written.
    pub fn read(&mut self, word: &str) -> &Reading {
        let lemmatizer = &self.lemmatizer;
        self.cache
            .entry_ref(word)
            .or_insert_with(|| lemmatizer.read(word, Want::Best))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(word: &str, want: Want<'_>) -> (String, Pos) {
        let r = Lemmatizer::new().unwrap().read(word, want);
        (r.lemma, r.pos)
    }

    #[test]
    fn lemmas_keep_apart_what_stems_merge() {
        // Snowball gives выборы and выбор one stem (выбор), and друг/другой one stem (друг).
        assert_eq!(lemma("выборы", Want::Best).0, "выборы");
        assert_eq!(lemma("выбора", Want::Best).0, "выбор");
        assert_eq!(lemma("другой", Want::Best).0, "другой");
        assert_eq!(lemma("друзьями", Want::Best).0, "друг");
        // Snowball splits визит (виз) from визиты (визит).
        assert_eq!(lemma("визит", Want::Best).0, "визит");
        assert_eq!(lemma("визиты", Want::Best).0, "визит");
        assert_eq!(lemma("стали", Want::Best), ("стать".into(), Pos::Verb));
        // Prepositions with an added о are lemmas of their own, as in most Russian treebanks.
        assert_eq!(lemma("во", Want::Best), ("во".into(), Pos::Adp));
        assert_eq!(lemma("Со", Want::Best), ("со".into(), Pos::Adp));
        assert_eq!(lemma("в", Want::Best), ("в".into(), Pos::Adp));
        // Folded like keys: всё → все.
        assert_eq!(lemma("всё", Want::Best).0, "все");
    }

    #[test]
    fn names_stay_names() {
        let l = Lemmatizer::new().unwrap();
        let r = l.read("Пескова", Want::Best);
        assert_eq!(r.lemma, "песков");
        assert_eq!(r.name, Some(NameKind::Person));
        assert_eq!(r.pos, Pos::Propn);
        assert_eq!(l.read("путина", Want::Best).pos, Pos::Noun);
        let known: HashSet<String> = ["путин".to_string()].into();
        assert_eq!(l.read("путина", Want::Known(&known)).lemma, "путин");
        let r = l.read("Москве", Want::Best);
        assert_eq!((r.form.as_str(), r.name), ("Москва", Some(NameKind::Place)));
        assert_eq!(
            l.read("Газпром", Want::Best).name,
            Some(NameKind::Organisation)
        );
        // A capitalised word the dictionary does not know as a name keeps its best analysis.
        assert_eq!(l.read("Спасибо", Want::Best).lemma, "спасибо");
        assert_eq!(l.read("Надежда", Want::Best).name, Some(NameKind::Person));
        assert_eq!(l.read("надежда", Want::Best).pos, Pos::Noun);
        // A word the dictionary only guesses has no name type, whatever its guessed analyses say.
        let r = l.read("Купчино", Want::Best);
        assert_eq!((r.pos, r.name), (Pos::Propn, None));
        // A common noun is no name, though the dictionary has a name with its lemma (Тема, of Артём).
        assert_eq!(l.read("тема", Want::Best).name, None);
        // The name kind is the most probable over the name analyses of the lemma.
        assert_eq!(l.read("России", Want::Best).name, Some(NameKind::Place));
        // A capitalised surname whose best reading is a common word: the surname (песков is also песок's genitive
        // plural), in lowercase the common word.
        let r = l.read("Песков", Want::Best);
        assert_eq!(
            (r.lemma.as_str(), r.pos, r.name),
            ("песков", Pos::Propn, Some(NameKind::Person))
        );
        assert_eq!(l.read("песков", Want::Best).lemma, "песок");
        // Not an inflected form of another name: `Аль` (of `Аль Саид`) is no form of `Аля` here.
        assert_ne!(l.read("Аль", Want::Best).lemma, "аля");
    }

    #[test]
    fn person_names_know_their_part() {
        let l = Lemmatizer::new().unwrap();
        let part = |w: &str| l.read(w, Want::Best).part;
        assert_eq!(part("Владимир"), Some(PersonPart::Given));
        assert_eq!(part("Владимировича"), Some(PersonPart::Patronymic));
        assert_eq!(part("Путина"), Some(PersonPart::Surname));
        assert_eq!(part("Александр"), Some(PersonPart::Given));
        assert_eq!(part("Григорьевич"), Some(PersonPart::Patronymic));
        assert_eq!(part("Лукашенко"), Some(PersonPart::Surname));
        assert_eq!(part("Песков"), Some(PersonPart::Surname));
        // Places, organisations and common words have no part.
        assert_eq!(part("Москве"), None);
        assert_eq!(part("Газпром"), None);
        assert_eq!(part("спасибо"), None);
    }

    #[test]
    fn letters_of_abbreviations_are_not_read_as_words() {
        let l = Lemmatizer::new().unwrap();
        for letter in ["т", "е", "д", "п", "г", "Т", "Д"] {
            let r = l.read(letter, Want::Best);
            assert_eq!(
                (r.lemma.as_str(), r.pos),
                (letter.to_lowercase().as_str(), Pos::Unknown),
                "{letter}"
            );
        }
        assert_eq!(l.read("в", Want::Best).pos, Pos::Adp);
        assert_eq!(l.read("я", Want::Best).pos, Pos::Pron);
        assert_eq!(l.read("и", Want::Best).pos, Pos::Cconj);
    }

    #[test]
    fn the_copula_is_an_auxiliary() {
        assert_eq!(lemma("был", Want::Best), ("быть".into(), Pos::Aux));
    }

    proptest::proptest! {
        #[test]
        fn folding_tells_lowercase_letters_as_unicode_does(lemma in "[а-яёa-zА-ЯЁA-Zß-ÿΑ-ω-]{0,10}") {
            let lowercase = lemma.chars().all(|c| c.is_lowercase() && c != 'ё' || c == '-');
            let expected = if lowercase { lemma.clone() } else { crate::text::normalize::key(&lemma) };
            proptest::prop_assert_eq!(fold(&lemma).into_owned(), expected);
        }
    }

    #[test]
    fn cache_reads_each_word_once() {
        let mut c = LemmaCache::new(Lemmatizer::new().unwrap());
        assert_eq!(c.read("Путина").lemma, "путин");
        assert_eq!(c.read("путина").lemma, "путина");
        assert_eq!(c.read("Путина").lemma, "путин");
        assert_eq!(c.cache.len(), 2);
        assert_eq!(capitalised("санкт-петербург"), "Санкт-Петербург");
    }

    #[test]
    fn every_reading_for_any_names_picks_what_read_gives() {
        let lemmatizer = Lemmatizer::new().unwrap();
        let seed = include_str!("../../corpus/2022-11-28_talks-kazakhstan-tokayev.txt");
        let mut words: Vec<&str> = seed
            .split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        words.extend([
            "Пескова",
            "Песков",
            "Путина",
            "путина",
            "Т",
            "Лавров",
            "Ивановой",
            "Кремля",
        ]);
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 300, "{}", words.len());
        let sets: Vec<HashSet<String>> = [
            &[][..],
            &["путин"],
            &["путин", "токаев", "песков"],
            &["иванов", "иванова", "кремль", "лавров"],
        ]
        .iter()
        .map(|names| names.iter().map(|n| n.to_string()).collect())
        .collect();
        let mut named = 0;
        for word in &words {
            let all = lemmatizer.readings_for_any(word);
            named += usize::from(!all.names.is_empty());
            assert_eq!(
                all.pick(Want::Best),
                &lemmatizer.read(word, Want::Best),
                "{word}"
            );
            for names in &sets {
                let want = Want::Known(names);
                assert_eq!(
                    all.pick(want),
                    &lemmatizer.read(word, want),
                    "{word} {names:?}"
                );
            }
        }
        // The names are there to be picked: the seed's capitalised words have name analyses.
        assert!(named > 20, "{named}");
    }
}
