//! English lemmas by inflection only: a word's lemma is the form it inflects from, when the corpus has that form,
//! so that `imports` is `import`, `countries` `country`, `discussed` `discuss`, `was` `be`, while `important`,
//! `importance` and `import` stay three words (a Snowball stem joins them all as `import`).
//!
//! The rule: an irregular form ([`IRREGULAR`]: `was` → `be`, `children` → `child`, `better` → `good`) is its base;
//! otherwise the regular inflections are undone in turn — plural and third person `-s`, `-es`, `-ies`, past `-ed`,
//! `-d`, `-ied` with a doubled consonant undone (`stopped` → `stop`) — and the first candidate that is a word of the
//! corpus is the lemma; failing that, the word is its own lemma. `-ing` and `-er` are not undone: they make nouns
//! as often as verb forms (`meeting`, `building`, `leader`), which a lemmatizer without context cannot tell, and a
//! few plurals are words of their own (`news`, `goods`, `politics`).
//!
//! **Function words** ([`FUNCTION_WORDS`], [`function_pos`]): English words have no dictionary part of speech
//! here, but the closed classes are known by list — modal and auxiliary verbs (`would`, `must`, `be`, `have`),
//! pronouns and determiners beyond the stopword list (`everyone`, `another`), numerals (`one`, `two`), conjunctions
//! and prepositions, discourse words (`also`, `like`, `well`, `indeed`), honorifics (`Mr`, `Mrs`) and the words of
//! greeting and thanks (`thank`, `please`) — and get their UD part of speech and a place on the built-in English
//! stopword list, so that they are neither content words nor parts of word pairs; every other English word has no
//! part of speech and is a content word unless it is a stopword. `like` and `well` are also a verb and an
//! adjective or noun; as discourse words they are far the more frequent in speech, so the list takes them as such.
//!
//! ```
//! use stenogram::text::english::{function_pos, lemma};
//! use stenogram::text::lemma::Pos;
//!
//! let corpus = ["import", "important", "country", "discuss", "stop"];
//! let known = |w: &str| corpus.contains(&w);
//! assert_eq!(lemma("imports", known), "import");
//! assert_eq!(lemma("important", known), "important");
//! assert_eq!(lemma("countries", known), "country");
//! assert_eq!(lemma("discussed", known), "discuss");
//! assert_eq!(lemma("stopped", known), "stop");
//! assert_eq!(lemma("was", known), "be");
//! assert_eq!(lemma("news", known), "news");
//! assert_eq!(function_pos("would"), Some(Pos::Aux));
//! assert_eq!(function_pos("cooperation"), None);
//! ```

use super::tags::Pos;

/// Irregular forms and their bases: the verbs, nouns and comparatives of everyday English.
pub const IRREGULAR: &[(&str, &str)] = &[
    ("am", "be"),
    ("are", "be"),
    ("is", "be"),
    ("was", "be"),
    ("were", "be"),
    ("been", "be"),
    ("being", "be"),
    ("has", "have"),
    ("had", "have"),
    ("having", "have"),
    ("does", "do"),
    ("did", "do"),
    ("done", "do"),
    ("went", "go"),
    ("gone", "go"),
    ("goes", "go"),
    ("said", "say"),
    ("says", "say"),
    ("made", "make"),
    ("took", "take"),
    ("taken", "take"),
    ("saw", "see"),
    ("seen", "see"),
    ("came", "come"),
    ("knew", "know"),
    ("known", "know"),
    ("got", "get"),
    ("gotten", "get"),
    ("gave", "give"),
    ("given", "give"),
    ("thought", "think"),
    ("told", "tell"),
    ("found", "find"),
    ("became", "become"),
    ("left", "leave"),
    ("felt", "feel"),
    ("brought", "bring"),
    ("began", "begin"),
    ("begun", "begin"),
    ("kept", "keep"),
    ("held", "hold"),
    ("wrote", "write"),
    ("written", "write"),
    ("stood", "stand"),
    ("heard", "hear"),
    ("meant", "mean"),
    ("met", "meet"),
    ("ran", "run"),
    ("paid", "pay"),
    ("sat", "sit"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("led", "lead"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("lost", "lose"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("sent", "send"),
    ("built", "build"),
    ("understood", "understand"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("broke", "break"),
    ("broken", "break"),
    ("spent", "spend"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("bought", "buy"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("sought", "seek"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("caught", "catch"),
    ("dealt", "deal"),
    ("won", "win"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("taught", "teach"),
    ("sold", "sell"),
    ("shown", "show"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("forgave", "forgive"),
    ("forgiven", "forgive"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("laid", "lay"),
    ("lain", "lie"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("struck", "strike"),
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overcame", "overcome"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("people", "people"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("halves", "half"),
    ("leaves", "leaf"),
    ("shelves", "shelf"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("analyses", "analysis"),
    ("crises", "crisis"),
    ("bases", "basis"),
    ("theses", "thesis"),
    ("better", "good"),
    ("best", "good"),
    ("worse", "bad"),
    ("worst", "bad"),
    ("more", "much"),
    ("most", "much"),
    ("less", "little"),
    ("least", "little"),
    ("further", "far"),
    ("farther", "far"),
];

/// Words ending like a plural that are none (or are words of their own): left as they are.
const NOT_PLURALS: &[&str] = &[
    "news",
    "goods",
    "series",
    "species",
    "politics",
    "economics",
    "physics",
    "mathematics",
    "statistics",
    "ethics",
    "always",
    "perhaps",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "thus",
    "this",
    "is",
    "was",
    "has",
    "us",
    "bus",
    "gas",
    "yes",
    "lens",
    "means",
    "arms",
    "headquarters",
    "whereas",
    "towards",
    "afterwards",
    "besides",
    "sometimes",
    "nevertheless",
    "regardless",
    "unless",
    "less",
    "united",
    "need",
    "indeed",
    "speed",
    "seed",
    "feed",
    "proceed",
    "succeed",
    "exceed",
    "red",
    "bed",
    "shed",
    "hundred",
];

/// The form `word` inflects from, if `known` has it (see the module docs); else `word`. `word` is a key: lowercase.
pub fn lemma(word: &str, known: impl Fn(&str) -> bool) -> String {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return base.to_string();
    }
    if NOT_PLURALS.contains(&word) || word.chars().count() < 4 || !word.is_ascii() {
        return word.to_string();
    }
    candidates(word)
        .into_iter()
        .find(|c| c.len() >= 2 && known(c))
        .unwrap_or_else(|| word.to_string())
}

/// The forms `word` may inflect from, most likely first.
fn candidates(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let strip = |suffix: &str| word.strip_suffix(suffix);
    if let Some(stem) = strip("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = strip("es") {
        // boxes, matches, wishes, goes; a plain `-s` after `e` comes below (cases, states).
        if stem.ends_with(['s', 'x', 'z', 'o']) || stem.ends_with("ch") || stem.ends_with("sh") {
            out.push(stem.to_string());
        }
    }
    if let Some(stem) = strip("s") {
        if !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('i') {
            out.push(stem.to_string());
        }
    }
    if let Some(stem) = strip("ied") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = strip("ed") {
        if let Some(single) = undouble(stem) {
            out.push(single);
        }
        out.push(stem.to_string());
    }
    if let Some(stem) = strip("d") {
        if stem.ends_with('e') {
            out.push(stem.to_string());
        }
    }
    out
}

/// `stopp` → `stop`: a doubled final consonant (not `ll`, `ss`, `ff`, `zz`, which base forms end in: `called`,
/// `passed`).
fn undouble(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 3 && b[n - 1] == b[n - 2] && !b"aeioulsfz".contains(&b[n - 1]))
        .then(|| stem[..n - 1].to_string())
}

/// English function words the stopword list lacks, by part of speech: modal and auxiliary verbs with their forms,
/// pronouns and determiners, numerals, subordinating conjunctions and prepositions, discourse words and adverbs of
/// degree and frequency that carry no topic, honorifics, and the words of greeting and thanks. They are part of the
/// built-in English stopword list ([`crate::text::Stopwords::builtin`]) and have their part of speech
/// ([`function_pos`]).
pub const FUNCTION_WORDS: &[(Pos, &[&str])] = &[
    (
        Pos::Aux,
        &[
            "would", "could", "should", "will", "shall", "can", "may", "might", "must", "ought",
            "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had",
            "having", "do", "does", "did", "doing", "done", "cannot", "wo", "ca", "'ll", "'d",
            "'ve", "'re", "'m", "n't",
        ],
    ),
    (
        Pos::Pron,
        &[
            "everyone",
            "everybody",
            "everything",
            "someone",
            "somebody",
            "something",
            "anyone",
            "anybody",
            "anything",
            "nobody",
            "nothing",
            "none",
            "whoever",
            "whatever",
            "whichever",
            "whose",
            "one's",
            "oneself",
            "us",
            "thee",
        ],
    ),
    (
        Pos::Det,
        &[
            "every", "another", "many", "much", "several", "either", "neither", "less", "least",
            "lot", "lots", "certain", "various", "such", "whole", "else",
        ],
    ),
    (
        Pos::Num,
        &[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand",
            "million", "billion", "trillion", "first", "second", "third", "dozen",
        ],
    ),
    (
        Pos::Sconj,
        &[
            "although", "though", "whether", "since", "unless", "whereas", "once",
        ],
    ),
    (
        Pos::Adp,
        &[
            "within",
            "without",
            "upon",
            "across",
            "toward",
            "towards",
            "among",
            "around",
            "along",
            "beyond",
            "despite",
            "per",
            "via",
            "onto",
            "throughout",
            "beside",
            "besides",
        ],
    ),
    (
        Pos::Part,
        &[
            "also",
            "like",
            "well",
            "indeed",
            "really",
            "actually",
            "certainly",
            "course",
            "quite",
            "rather",
            "even",
            "still",
            "already",
            "yet",
            "ever",
            "never",
            "always",
            "often",
            "perhaps",
            "maybe",
            "probably",
            "however",
            "therefore",
            "thus",
            "anyway",
            "instead",
            "yes",
            "ok",
            "okay",
            "oh",
            "let",
        ],
    ),
    (
        Pos::X,
        &[
            "mr",
            "mrs",
            "ms",
            "dr",
            "sir",
            "madam",
            "excellency",
            "excellencies",
            "gentlemen",
            "ladies",
        ],
    ),
    (
        Pos::Intj,
        &[
            "thank",
            "thanks",
            "please",
            "hello",
            "welcome",
            "goodbye",
            "congratulations",
            "congratulate",
            "pleased",
            "glad",
            "dear",
        ],
    ),
];

/// The part of speech of an English function word of [`FUNCTION_WORDS`] (a key: lowercase); `None` for other
/// words, which have no part of speech here.
pub fn function_pos(key: &str) -> Option<Pos> {
    static BY_WORD: std::sync::LazyLock<hashbrown::HashMap<&'static str, Pos>> =
        std::sync::LazyLock::new(|| {
            FUNCTION_WORDS
                .iter()
                .flat_map(|&(pos, words)| words.iter().map(move |&w| (w, pos)))
                .collect()
        });
    BY_WORD.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(words: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |w| words.contains(&w)
    }

    #[test]
    fn inflections_are_undone_only_to_a_word_of_the_corpus() {
        let k = known(&[
            "import",
            "important",
            "importance",
            "country",
            "state",
            "case",
            "discuss",
            "agree",
            "create",
            "apply",
            "stop",
            "call",
            "pass",
            "box",
            "match",
            "relation",
            "meeting",
            "meet",
            "news",
            "new",
            "base",
            "lead",
        ]);
        for (word, lemma_) in [
            ("imports", "import"),
            ("important", "important"),
            ("importantly", "importantly"),
            ("countries", "country"),
            ("states", "state"),
            ("cases", "case"),
            ("discusses", "discuss"),
            ("discussed", "discuss"),
            ("agreed", "agree"),
            ("created", "create"),
            ("applied", "apply"),
            ("stopped", "stop"),
            ("called", "call"),
            ("passed", "pass"),
            ("boxes", "box"),
            ("matches", "match"),
            ("relations", "relation"),
            ("meetings", "meeting"),
            ("meeting", "meeting"),
            ("news", "news"),
            ("based", "base"),
            ("leaders", "leaders"),
            ("united", "united"),
            ("were", "be"),
            ("children", "child"),
            ("better", "good"),
            ("analysis", "analysis"),
            ("crisis", "crisis"),
            ("status", "status"),
        ] {
            assert_eq!(lemma(word, &k), lemma_, "{word}");
        }
    }
}
