//! The files of a folder of counts but the pairs and triples ([`super::grams`]): rows in a fixed order, so the same
//! transcripts give the same bytes; [`super::folder`] writes the folder. Each file's columns are declared
//! as a header and its types ([`Columns`]) and its rows are tuples in that order, written as they come
//! ([`crate::columnar::ParquetFile`]): rows are written as they come.

use std::path::Path;

use hashbrown::HashMap;
use serde::Serialize;

use super::shard::Seen;
use super::{attributes_text, CountsError};
use crate::columnar::{ColumnarError, Columns};
use crate::corpus::{Corpus, KeyId, View};

/// One segment: its cell, its turns and its counts.
pub(super) struct Segment<'c> {
    pub(super) meeting: &'c str,
    pub(super) speaker: &'c str,
    pub(super) interpreted: bool,
    pub(super) attributes: String,
    /// Its turns (indices into the corpus' turns), in order.
    pub(super) turns: Vec<usize>,
    pub(super) words: i64,
    pub(super) sentences: i64,
    /// The number of its first turn in the meeting.
    pub(super) first: i64,
    /// Keys with their counts, by key text.
    pub(super) terms: Vec<(&'c str, i64)>,
}

/// The header of a file whose rows start with a segment's cell, then the columns `$rest` (`",key,count"`).
macro_rules! segment_header {
    ($rest:literal) => {
        concat!("meeting,speaker,interpreted,attributes", $rest)
    };
}
/// The types of such a file's columns.
macro_rules! segment_types {
    ($rest:literal) => {
        concat!("str,str,bool,str", $rest)
    };
}
pub(super) use {segment_header, segment_types};

impl Segment<'_> {
    /// The segment's cell, the first columns of its rows.
    pub(super) fn cell(&self) -> (&str, &str, bool, &str) {
        (
            self.meeting,
            self.speaker,
            self.interpreted,
            &self.attributes,
        )
    }
}

/// The token store could not be read back.
pub(super) fn store_error(e: crate::corpus::TokenError) -> CountsError {
    CountsError::Bad {
        path: "the token store".to_string(),
        what: e.to_string(),
    }
}

/// A table that could not be written.
pub(super) fn written(e: ColumnarError) -> CountsError {
    match e {
        ColumnarError::Io { path, cause } => CountsError::Io { path, cause },
        ColumnarError::Parquet { path, cause } => CountsError::Bad { path, what: cause },
    }
}

/// Columns declared by a file of this module: a bug if they do not parse.
pub(super) fn columns(header: &'static str, types: &'static str) -> Columns {
    Columns::new(header, types).expect("the columns of a file of counts are declared right")
}

/// Writes `rows` to `path` with the columns `header` of `types`.
pub(super) fn write<T: Serialize>(
    path: &Path,
    (header, types): (&'static str, &'static str),
    rows: impl IntoIterator<Item = T>,
) -> Result<(), CountsError> {
    crate::columnar::write_rows(path, columns(header, types), rows).map_err(written)
}

/// The segments of a corpus, by meeting (in the corpus' order), speaker, interpreted and attributes.
pub(super) fn segments(corpus: &Corpus) -> Result<Vec<(u32, Segment<'_>)>, CountsError> {
    let mut cells: HashMap<(u32, u32, bool, u32), Vec<usize>> = HashMap::new();
    for (i, t) in corpus.turns.iter().enumerate() {
        cells
            .entry((t.meeting, t.speaker, t.interpreted, t.attributes))
            .or_default()
            .push(i);
    }
    let mut reader = corpus.reader();
    let mut counts: HashMap<KeyId, i64> = HashMap::new();
    let mut out = Vec::with_capacity(cells.len());
    for ((m, s, interpreted, a), turns) in cells {
        let (mut words, mut sentences, mut first) = (0, 0, i64::MAX);
        for &i in &turns {
            let t = &corpus.turns[i];
            for &w in reader.words(t).map_err(store_error)? {
                *counts.entry(w).or_default() += 1;
            }
            words += t.len() as i64;
            sentences += i64::from(t.sentences);
            first = first.min(i64::from(t.number));
        }
        let mut terms: Vec<(&str, i64)> = counts
            .drain()
            .map(|(k, n)| (corpus.keys.text(k), n))
            .collect();
        terms.sort_unstable();
        let segment = Segment {
            meeting: &corpus.meetings[m as usize].id,
            speaker: &corpus.speakers[s as usize],
            interpreted,
            attributes: attributes_text(&corpus.turn_attributes[a as usize]),
            turns,
            words,
            sentences,
            first,
            terms,
        };
        out.push((m, segment));
    }
    out.sort_by(|(ma, a), (mb, b)| {
        (ma, a.speaker, a.interpreted, &a.attributes).cmp(&(
            mb,
            b.speaker,
            b.interpreted,
            &b.attributes,
        ))
    });
    Ok(out)
}

pub(super) fn meetings(
    path: &Path,
    corpus: &Corpus,
    seen: &HashMap<&str, &Seen>,
) -> Result<(), CountsError> {
    let rows = corpus.meetings.iter().map(|m| {
        let (turns, words) = seen.get(m.id.as_str()).map_or((0, 0), |s| s.excluded);
        let (id, time, title, place, source) = (&m.id, &m.time, &m.title, &m.place, &m.source);
        let (language, spoken) = (m.language.code(), m.spoken.as_str());
        let excluded = (turns as i64, words as i64);
        (
            id, m.date, time, title, place, source, language, spoken, m.format, 1i64, excluded,
        )
    });
    let header =
        "meeting,date,time,title,place,source,language,spoken,format,counted,excluded_turns,\
        excluded_words";
    let types = "str,date,str,str,str,str,str,str,str,int,int,int";
    write(path, (header, types), rows)
}

pub(super) fn meeting_attributes(path: &Path, corpus: &Corpus) -> Result<(), CountsError> {
    let rows = corpus.meetings.iter().flat_map(|m| {
        (m.attributes.iter().enumerate())
            .map(|(i, (n, v))| (m.id.as_str(), i as i64, n.as_str(), v.as_str()))
    });
    write(
        path,
        ("meeting,position,name,value", "str,int,str,str"),
        rows,
    )
}

pub(super) fn languages(
    path: &Path,
    corpus: &Corpus,
    seen: &HashMap<&str, &Seen>,
) -> Result<(), CountsError> {
    let mut rows: Vec<(&str, String, i64, i64)> = Vec::new();
    for m in &corpus.meetings {
        let Some(s) = seen.get(m.id.as_str()) else {
            continue;
        };
        let mut of: Vec<(String, i64, i64)> = s
            .words
            .iter()
            .map(|&(code, n)| {
                let by_key = s.by_key.iter().find(|(c, _)| *c == code).map_or(0, |x| x.1);
                (code.to_string(), n as i64, by_key as i64)
            })
            .collect();
        of.sort();
        rows.extend(of.into_iter().map(|(c, n, k)| (m.id.as_str(), c, n, k)));
    }
    write(
        path,
        ("meeting,language,words,by_key", "str,str,int,int"),
        rows,
    )
}

pub(super) fn totals(path: &Path, segments: &[(u32, Segment)]) -> Result<(), CountsError> {
    let rows = segments.iter().map(|(_, s)| {
        let sums = (s.turns.len() as i64, s.words, s.sentences, s.first);
        (s.cell(), sums)
    });
    let header = segment_header!(",turns,words,sentences,first");
    let types = segment_types!(",int,int,int,int");
    write(path, (header, types), rows)
}

/// `terms.parquet`: the count of each key per segment, with its stem and lemma for SQL users.
pub(super) fn terms(
    path: &Path,
    corpus: &Corpus,
    segments: &[(u32, Segment)],
) -> Result<(), CountsError> {
    let term = |view: View, key: &str| {
        let id = corpus.keys.get(key).unwrap_or(0);
        view.text(corpus, view.term(corpus, id))
    };
    let rows = segments.iter().flat_map(|(_, s)| {
        (s.terms.iter())
            .map(move |&(k, n)| (s.cell(), k, term(View::Stem, k), term(View::Lemma, k), n))
    });
    let header = segment_header!(",key,stem,lemma,count");
    let types = segment_types!(",str,str,str,int");
    write(path, (header, types), rows)
}

/// Every surface form of every key in each meeting, the key's own spelling included.
pub(super) fn forms(
    path: &Path,
    corpus: &Corpus,
    segments: &[(u32, Segment)],
    seen: &HashMap<&str, &Seen>,
) -> Result<(), CountsError> {
    let mut rows: Vec<(&str, String, String, i64)> = Vec::new();
    for meeting in segments.chunk_by(|a, b| a.0 == b.0) {
        let id = corpus.meetings[meeting[0].0 as usize].id.as_str();
        let mut counts: HashMap<&str, i64> = HashMap::new();
        for (_, s) in meeting {
            for &(k, n) in &s.terms {
                *counts.entry(k).or_default() += n;
            }
        }
        let mut of: Vec<(String, String, i64)> = Vec::new();
        if let Some(s) = seen.get(id) {
            for (key, form, n) in &s.surfaces {
                if let Some(c) = counts.get_mut(key.as_str()) {
                    *c -= i64::from(*n);
                }
                of.push((key.clone(), form.clone(), i64::from(*n)));
            }
        }
        of.extend(
            counts
                .into_iter()
                .filter(|&(_, n)| n > 0)
                .map(|(k, n)| (k.to_string(), k.to_string(), n)),
        );
        of.sort();
        rows.extend(of.into_iter().map(|(k, f, n)| (id, k, f, n)));
    }
    write(path, ("meeting,key,form,count", "str,str,str,int"), rows)
}

/// Each key of each meeting: its rank of first occurrence there, and whether an analysed turn says it (1) or only
/// turns counted by key (0).
pub(super) fn keys(
    path: &Path,
    corpus: &Corpus,
    seen: &HashMap<&str, &Seen>,
) -> Result<(), CountsError> {
    let mut rows: Vec<(&str, &str, i64, i64)> = Vec::new();
    for m in &corpus.meetings {
        let Some(s) = seen.get(m.id.as_str()) else {
            continue;
        };
        let mut of: Vec<(&str, i64, i64)> = s
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let said = s
                    .analysed
                    .as_ref()
                    .is_none_or(|a| a.get(i).copied().unwrap_or(false));
                (k.as_str(), i as i64, i64::from(said))
            })
            .collect();
        of.sort_unstable();
        rows.extend(
            of.into_iter()
                .map(|(k, first, a)| (m.id.as_str(), k, first, a)),
        );
    }
    write(
        path,
        ("meeting,key,first,analysed", "str,str,int,int"),
        rows,
    )
}
