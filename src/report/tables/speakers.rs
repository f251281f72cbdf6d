//! `speakers.csv`: one row per speaker with turns, words, turn lengths, sentences, lexical diversity and the words
//! of their interpreted turns, from the speakers' profiles ([`Context::profiles`]).

use serde::Serialize;

use super::{write_table_ranked, Context, Made, Row, Table};
use crate::report::WriteError;

const FILE: &str = "speakers.csv";
const ABOUT: &str =
    "One row per speaker: turns, words, share of all words, turn lengths, sentences, readability, and lexical diversity.";
const METHOD: &str = "One row per speaker, over all their turns (the profile also behind `turn_lengths.csv` and `lexdiv.csv`): \
     meetings with a turn, turns, words (word tokens), types (distinct keys), the share of all the corpus' words, the \
     turn-length statistics of `turn_lengths.csv`, sentences, the readability of `turn_lengths.csv` and the lexical \
     diversity of `lexdiv.csv`. `interpreted_words` are the words of the speaker's interpreted turns, which are an \
     interpreter's words counted as the speaker's.";

/// One row of `speakers.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerRow {
    /// Speaker.
    pub speaker: String,
    /// Meetings with a turn.
    pub meetings: usize,
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
    /// Distinct keys.
    pub types: usize,
    /// Share of all words.
    pub share_words: f64,
    /// Mean words per turn.
    pub words_per_turn_mean: f64,
    /// Median words per turn.
    pub words_per_turn_median: f64,
    /// p90 of words per turn.
    pub words_per_turn_p90: f64,
    /// Longest turn.
    pub words_per_turn_max: usize,
    /// Sentences.
    pub sentences: usize,
    /// Words per sentence.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub words_per_sentence: Option<f64>,
    /// Syllables per word.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub syllables_per_word: Option<f64>,
    /// Flesch's reading ease (Oborneva's for Russian).
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub reading_ease: Option<f64>,
    /// TTR.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub ttr: Option<f64>,
    /// Herdan's C.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub herdan_c: Option<f64>,
    /// Guiraud's R.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub guiraud_r: Option<f64>,
    /// Maas a².
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub maas_a: Option<f64>,
    /// Yule's K.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub yule_k: Option<f64>,
    /// MATTR.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mattr: Option<f64>,
    /// MTLD.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub mtld: Option<f64>,
    /// HD-D.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub hdd: Option<f64>,
    /// Hapax share.
    #[serde(serialize_with = "crate::stats::undefined_as_nan")]
    pub hapax_share: Option<f64>,
    /// Words of interpreted turns (`(как переведено)`): an interpreter's words, counted as the speaker's.
    pub interpreted_words: usize,
}

impl Row for SpeakerRow {
    const HEADER: &'static str = "speaker,meetings,turns,words,types,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,sentences,words_per_sentence,syllables_per_word,reading_ease,ttr,herdan_c,guiraud_r,maas_a,yule_k,mattr,mtld,hdd,hapax_share,interpreted_words";
    const TYPES: &'static str = "str,int,int,int,int,f64,f64,f64,f64,int,int,f64,f64,f64,f64,f64,f64,f64,f64,f64,f64,f64,f64,int";
}

/// `speakers.csv`.
pub struct Speakers;

impl Table for Speakers {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, SpeakerRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "speakers and lexical diversity"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let rows = rows(cx)?;
        // The speakers with the most words first.
        write_table_ranked(cx, FILE, ABOUT, &rows, |a, b| b.words.cmp(&a.words))
    }
}

/// The rows of `speakers.csv`, from the speakers' profiles (also the page's summary and table of speakers).
pub fn rows(cx: &Context) -> Result<Vec<SpeakerRow>, WriteError> {
    let corpus = cx.corpus;
    let profiles = cx.profiles()?;
    let mut interpreted = vec![0usize; corpus.speakers.len()];
    for t in corpus.turns.iter().filter(|t| t.interpreted) {
        interpreted[t.speaker as usize] += t.len();
    }
    Ok(profiles
        .speakers
        .iter()
        .map(|(&s, (turns, lex))| SpeakerRow {
            speaker: corpus.speakers[s as usize].clone(),
            meetings: profiles.meetings_of(s).count(),
            turns: turns.turns,
            words: turns.words,
            types: lex.types,
            share_words: turns.share_words,
            words_per_turn_mean: turns.words_per_turn_mean,
            words_per_turn_median: turns.words_per_turn_median,
            words_per_turn_p90: turns.words_per_turn_p90,
            words_per_turn_max: turns.words_per_turn_max,
            sentences: turns.sentences,
            words_per_sentence: turns.words_per_sentence,
            syllables_per_word: turns.syllables_per_word,
            reading_ease: turns.reading_ease,
            ttr: lex.ttr,
            herdan_c: lex.herdan_c,
            guiraud_r: lex.guiraud_r,
            maas_a: lex.maas_a,
            yule_k: lex.yule_k,
            mattr: lex.mattr,
            mtld: lex.mtld,
            hdd: lex.hdd,
            hapax_share: lex.hapax_share,
            interpreted_words: interpreted[s as usize],
        })
        .collect())
}
