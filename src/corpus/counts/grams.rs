//! Word pairs and triples of a shard (`pairs.parquet`, `triples.parquet`): what the collocation tables count, kept
//! as counts so that a report from counts scores them as a report of the transcripts does.
//!
//! **What is counted.** Two words next to each other in one sentence of one turn (as the collocation tables see
//! them: [`crate::corpus::Gap`]), with whether punctuation, a number or a symbol stood between them (`punct`), since
//! the report decides only then whether such a pair counts (`--skip-punct`); and three such words in a row, with
//! both gaps. Words across sentences are never a pair. Pairs and triples are by key, the words as the other files
//! hold them; the report reads them into the terms of its view.
//!
//! **Read back** (`GramSums`) into each meeting's counts, summed over folders like the terms, and handed to the
//! rebuilt corpus as each segment's counted grams ([`crate::corpus::Grams`]).

use std::path::Path;

use hashbrown::HashMap;

use super::parquet_io::read_rows;
use super::write::{columns, segment_header, segment_types, store_error, written, Segment};
use super::{file, CountsError};
use crate::columnar::ColumnType as Kind;
use crate::columnar::ParquetFile;
use crate::corpus::intern::Interner;
use crate::corpus::{Corpus, Gap, Grams, KeyId};

/// Whether punctuation stood between two words of a pair (a plain space did not); `None` where they are no pair.
fn punct(gap: Gap) -> Option<bool> {
    match gap {
        Gap::Adjacent => Some(false),
        Gap::Punct => Some(true),
        Gap::Sentence => None,
    }
}

/// The pairs or triples of one segment, counted by `count` over each of its turns' words and gaps, sorted by their
/// keys' text, handed to `row`.
fn each_segment<G: Copy + Eq + std::hash::Hash + Ord>(
    corpus: &Corpus,
    segments: &[(u32, Segment)],
    count: impl Fn(&[KeyId], &[Gap], &mut HashMap<G, i64>),
    mut row: impl FnMut(&Segment, G, i64) -> Result<(), CountsError>,
) -> Result<usize, CountsError> {
    let mut reader = corpus.reader();
    let mut counts: HashMap<G, i64> = HashMap::new();
    let mut rows = 0;
    for (_, s) in segments {
        for &i in &s.turns {
            let (words, gaps) = reader
                .words_and_gaps(&corpus.turns[i])
                .map_err(store_error)?;
            count(words, gaps, &mut counts);
        }
        let mut sorted: Vec<(G, i64)> = counts.drain().collect();
        sorted.sort_unstable();
        rows += sorted.len();
        for (g, n) in sorted {
            row(s, g, n)?;
        }
    }
    Ok(rows)
}

/// Writes `pairs.parquet`, a segment at a time; returns its rows.
pub(super) fn write_pairs(
    path: &Path,
    corpus: &Corpus,
    segments: &[(u32, Segment)],
) -> Result<usize, CountsError> {
    let header = segment_header!(",first,second,punct,count");
    let types = segment_types!(",str,str,bool,int");
    let mut out = ParquetFile::create(path, columns(header, types)).map_err(written)?;
    let text = |k: KeyId| corpus.keys.text(k);
    let rows = each_segment(
        corpus,
        segments,
        |words, gaps, counts: &mut HashMap<(&str, &str, bool), i64>| {
            for k in 1..words.len() {
                if let Some(p) = punct(gaps[k]) {
                    *counts
                        .entry((text(words[k - 1]), text(words[k]), p))
                        .or_default() += 1;
                }
            }
        },
        |s, (a, b, p), n| out.push(&(s.cell(), a, b, p, n)).map_err(written),
    )?;
    out.finish().map_err(written)?;
    Ok(rows)
}

/// Writes `triples.parquet`, a segment at a time; returns its rows.
pub(super) fn write_triples(
    path: &Path,
    corpus: &Corpus,
    segments: &[(u32, Segment)],
) -> Result<usize, CountsError> {
    let header = segment_header!(",first,second,third,punct_first,punct_second,count");
    let types = segment_types!(",str,str,str,bool,bool,int");
    let mut out = ParquetFile::create(path, columns(header, types)).map_err(written)?;
    let text = |k: KeyId| corpus.keys.text(k);
    type Triple<'c> = ([&'c str; 3], [bool; 2]);
    let rows = each_segment(
        corpus,
        segments,
        |words, gaps, counts: &mut HashMap<Triple, i64>| {
            for k in 2..words.len() {
                if let (Some(p), Some(q)) = (punct(gaps[k - 1]), punct(gaps[k])) {
                    let keys = [words[k - 2], words[k - 1], words[k]].map(text);
                    *counts.entry((keys, [p, q])).or_default() += 1;
                }
            }
        },
        |s, ([a, b, c], [p, q]), n| out.push(&(s.cell(), a, b, c, p, q, n)).map_err(written),
    )?;
    out.finish().map_err(written)?;
    Ok(rows)
}

/// A segment as read: (speaker, interpreted, turn attributes as stored).
type SegmentKey = (String, bool, String);

/// A row of `pairs.parquet` as read: the segment's index, the keys' ids, the gap, the count.
type PairRow = (u32, [u32; 2], Gap, u32);
/// A row of `triples.parquet` as read.
type TripleRow = (u32, [u32; 3], [Gap; 2], u32);

/// The pairs and triples read from folders and summed, per meeting.
#[derive(Default)]
pub(super) struct GramSums {
    meetings: HashMap<String, MeetingGrams>,
}

impl GramSums {
    /// The meeting `id`'s sums, made if new.
    fn meeting(&mut self, id: &str) -> &mut MeetingGrams {
        if !self.meetings.contains_key(id) {
            self.meetings
                .insert(id.to_string(), MeetingGrams::default());
        }
        self.meetings.get_mut(id).expect("inserted")
    }

    /// Adds `pairs.parquet` and `triples.parquet` of the folder `dir`.
    pub(super) fn read(&mut self, dir: &Path) -> Result<(), CountsError> {
        let segment = [
            ("meeting", Kind::Str),
            ("speaker", Kind::Str),
            ("interpreted", Kind::Bool),
            ("attributes", Kind::Str),
        ];
        let words = [("first", Kind::Str), ("second", Kind::Str)];
        let rest = [("punct", Kind::Bool), ("count", Kind::Int)];
        let cols = [segment.as_slice(), &words, &rest].concat();
        read_rows(&file(dir, "pairs.parquet"), &cols, |b, rows| {
            for i in 0..rows {
                let cell = (b.str(1, i), b.bool(2, i), b.str(3, i));
                let keys = [b.str(4, i), b.str(5, i)];
                (self.meeting(b.str(0, i))).pair(cell, keys, b.bool(6, i), b.int(7, i));
            }
            Ok(())
        })?;
        let words = [
            ("first", Kind::Str),
            ("second", Kind::Str),
            ("third", Kind::Str),
        ];
        let rest = [
            ("punct_first", Kind::Bool),
            ("punct_second", Kind::Bool),
            ("count", Kind::Int),
        ];
        let cols = [segment.as_slice(), &words, &rest].concat();
        read_rows(&file(dir, "triples.parquet"), &cols, |b, rows| {
            for i in 0..rows {
                let cell = (b.str(1, i), b.bool(2, i), b.str(3, i));
                let keys = [b.str(4, i), b.str(5, i), b.str(6, i)];
                let punct = [b.bool(7, i), b.bool(8, i)];
                (self.meeting(b.str(0, i))).triple(cell, keys, punct, b.int(9, i));
            }
            Ok(())
        })
    }

    /// The sums of meeting `id`, taken out (empty if it has none).
    pub(super) fn take(&mut self, id: &str) -> MeetingGrams {
        self.meetings.remove(id).unwrap_or_default()
    }

    /// A meeting whose pairs or triples were read but not taken: `meetings.parquet` has no row of it.
    pub(super) fn untaken(&self) -> Option<&str> {
        self.meetings.keys().map(String::as_str).min()
    }
}

/// One meeting's pairs and triples as read from folders, in flat rows (a fraction of the memory of a map per
/// segment: a large shard has millions), sorted and summed when first taken.
#[derive(Default)]
pub(super) struct MeetingGrams {
    /// The keys its pairs and triples name.
    keys: Interner,
    /// Each segment's index.
    segments: HashMap<SegmentKey, u32>,
    /// The last segment looked up, and its index (rows come segment by segment).
    last: Option<(SegmentKey, u32)>,
    pairs: Vec<PairRow>,
    triples: Vec<TripleRow>,
    /// Whether the rows are sorted and summed.
    summed: bool,
    /// Which segments were taken.
    taken: Vec<bool>,
}

/// The gap a stored `punct` stands for.
fn gap(punct: bool) -> Gap {
    if punct {
        Gap::Punct
    } else {
        Gap::Adjacent
    }
}

/// A count as stored, in the range the corpus counts in.
fn count(n: i64) -> u32 {
    n.clamp(0, i64::from(u32::MAX)) as u32
}

/// Rows sorted by `key` (everything but their count, the last field), and the counts of equal rows summed into one.
macro_rules! sum_rows {
    ($rows:expr, $key:expr) => {{
        $rows.sort_unstable_by_key($key);
        $rows.dedup_by(|next, kept| {
            let same = $key(&*next) == $key(&*kept);
            if same {
                kept.3 = kept.3.saturating_add(next.3);
            }
            same
        });
    }};
}

impl MeetingGrams {
    /// The index of a segment, made if new.
    fn segment(&mut self, speaker: &str, interpreted: bool, attributes: &str) -> u32 {
        match &self.last {
            Some(((s, i, a), at)) if s == speaker && *i == interpreted && a == attributes => *at,
            _ => {
                let key = (speaker.to_string(), interpreted, attributes.to_string());
                let next = self.segments.len() as u32;
                let at = *self.segments.entry(key.clone()).or_insert(next);
                self.last = Some((key, at));
                at
            }
        }
    }

    /// Adds a row of `pairs.parquet`: the segment (speaker, interpreted, attributes), the keys, `punct`, the count.
    pub(super) fn pair(
        &mut self,
        segment: (&str, bool, &str),
        keys: [&str; 2],
        punct: bool,
        n: i64,
    ) {
        let ids = keys.map(|k| self.keys.intern(k));
        let s = self.segment(segment.0, segment.1, segment.2);
        self.pairs.push((s, ids, gap(punct), count(n)));
        self.summed = false;
    }

    /// Adds a row of `triples.parquet`.
    pub(super) fn triple(
        &mut self,
        segment: (&str, bool, &str),
        keys: [&str; 3],
        punct: [bool; 2],
        n: i64,
    ) {
        let ids = keys.map(|k| self.keys.intern(k));
        let s = self.segment(segment.0, segment.1, segment.2);
        self.triples.push((s, ids, punct.map(gap), count(n)));
        self.summed = false;
    }

    /// Sorts the rows and sums equal ones (the same pair of a segment in two rows).
    fn sum(&mut self) {
        sum_rows!(self.pairs, |r: &PairRow| (r.0, r.1, r.2 as u8));
        sum_rows!(self.triples, |r: &TripleRow| (
            r.0,
            r.1,
            r.2.map(|g| g as u8)
        ));
        self.taken = vec![false; self.segments.len()];
        self.summed = true;
    }

    /// The pairs and triples of a segment, their keys as `id` gives them (the meeting's key ids; `None` for a key
    /// the meeting's terms never name, an error of the files), sorted; `None` if none were read.
    pub(super) fn take(
        &mut self,
        segment: &SegmentKey,
        id: impl Fn(&str) -> Option<KeyId>,
    ) -> Result<Option<Grams>, String> {
        let Some(&s) = self.segments.get(segment) else {
            return Ok(None);
        };
        if !self.summed {
            self.sum();
        }
        self.taken[s as usize] = true;
        let keys = &self.keys;
        let id = |k: u32| {
            let text = keys.resolve(k);
            id(text).ok_or_else(|| {
                format!("the pair or triple word '{text}' is in no row of terms.parquet")
            })
        };
        let pairs = range(&self.pairs, s, |r| r.0);
        let triples = range(&self.triples, s, |r| r.0);
        let mut grams = Grams {
            pairs: Vec::with_capacity(pairs.len()),
            triples: Vec::with_capacity(triples.len()),
        };
        for &(_, k, g, n) in pairs {
            grams.pairs.push(([id(k[0])?, id(k[1])?], g, n));
        }
        for &(_, k, g, n) in triples {
            grams
                .triples
                .push(([id(k[0])?, id(k[1])?, id(k[2])?], g, n));
        }
        Ok(Some(grams))
    }

    /// A segment whose pairs or triples were read but not taken: no row of `totals.parquet` or `terms.parquet`
    /// names it.
    pub(super) fn untaken(&mut self) -> Option<&str> {
        if !self.summed {
            self.sum();
        }
        let left = (self.segments.iter()).filter(|(_, &s)| {
            !self.taken.get(s as usize).copied().unwrap_or(false)
                && (!range(&self.pairs, s, |r| r.0).is_empty()
                    || !range(&self.triples, s, |r| r.0).is_empty())
        });
        left.map(|((speaker, _, _), _)| speaker.as_str()).min()
    }
}

/// The rows of segment `s` in rows sorted by segment.
fn range<R>(rows: &[R], s: u32, segment: impl Fn(&R) -> u32) -> &[R] {
    let start = rows.partition_point(|r| segment(r) < s);
    let end = rows.partition_point(|r| segment(r) <= s);
    &rows[start..end]
}
