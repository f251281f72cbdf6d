//! A shard counted: transcripts read and analysed as the report reads them, then written as the Parquet files of
//! [`super`] (rows in a fixed order, so the same transcripts give the same bytes).

use std::path::{Path, PathBuf};

use hashbrown::HashMap;

use super::parquet_io::{write_rows, Cell, Col, Kind};
use super::shard::{tokenize_shard, Seen, Shard};
use super::{attributes_text, file, shown, CountsError, Metadata, METADATA};
use crate::corpus::{AnalysisOptions, Corpus, KeyId, View};
use crate::transcript::{Aliases, ReadOptions};

/// What [`write_counts`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountSummary {
    /// Meetings.
    pub meetings: usize,
    /// Segments: (meeting, speaker, interpreted, turn attributes) cells.
    pub segments: usize,
    /// Rows of `terms.parquet`.
    pub terms: usize,
    /// Files written, in `dir`.
    pub files: Vec<String>,
}

/// [`tokenize_shard`], finished and written to `dir` ([`write_counts`]).
pub fn count_paths(
    paths: &[PathBuf],
    read: &ReadOptions,
    aliases: Aliases,
    options: &AnalysisOptions,
    dir: &Path,
    metadata: &Metadata,
) -> Result<CountSummary, CountsError> {
    let (tokenized, shard) = tokenize_shard(paths, read, aliases, options);
    write_counts(dir, &tokenized.finish().corpus, &shard, metadata)
}

/// One segment: its cell and its counts.
struct Segment<'c> {
    meeting: &'c str,
    speaker: &'c str,
    interpreted: bool,
    attributes: String,
    turns: i64,
    words: i64,
    sentences: i64,
    /// The number of its first turn in the meeting.
    first: i64,
    /// Keys with their counts, by key text.
    terms: Vec<(&'c str, i64)>,
}

/// The segments of a corpus, by meeting (in the corpus' order), speaker, interpreted and attributes.
fn segments(corpus: &Corpus) -> Result<Vec<(u32, Segment<'_>)>, CountsError> {
    type Cell = (u32, u32, bool, u32);
    type Sums = (i64, i64, i64, i64, HashMap<KeyId, i64>);
    let mut cells: HashMap<Cell, Sums> = HashMap::new();
    let mut reader = corpus.reader();
    for t in &corpus.turns {
        let words = reader.words(t).map_err(|e| CountsError::Bad {
            path: "the token store".to_string(),
            what: e.to_string(),
        })?;
        let cell = cells
            .entry((t.meeting, t.speaker, t.interpreted, t.attributes))
            .or_insert_with(|| (0, 0, 0, i64::from(t.number), HashMap::new()));
        cell.0 += 1;
        cell.1 += words.len() as i64;
        cell.2 += i64::from(t.sentences);
        cell.3 = cell.3.min(i64::from(t.number));
        for &w in words {
            *cell.4.entry(w).or_default() += 1;
        }
    }
    let mut out: Vec<(u32, Segment)> = cells
        .into_iter()
        .map(
            |((m, s, interpreted, a), (turns, words, sentences, first, counts))| {
                let mut terms: Vec<(&str, i64)> = counts
                    .into_iter()
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
                (m, segment)
            },
        )
        .collect();
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

/// Writes the counts of `corpus` (tokenized with `shard`) to `dir`, made if missing; `count.json` last, so a
/// folder whose writing stopped is not read as counts.
pub fn write_counts(
    dir: &Path,
    corpus: &Corpus,
    shard: &Shard,
    metadata: &Metadata,
) -> Result<CountSummary, CountsError> {
    let io = |path: &Path| {
        let path = shown(path);
        move |cause| CountsError::Io { path, cause }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let meta = file(dir, METADATA);
    match std::fs::remove_file(&meta) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&meta)(e)),
        _ => {}
    }
    let seen: HashMap<&str, &Seen> = shard.seen.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut files = Vec::new();
    let mut put = |name: &str, f: &dyn Fn(&Path) -> Result<(), CountsError>| {
        f(&file(dir, name))?;
        files.push(name.to_string());
        Ok::<(), CountsError>(())
    };
    put("meetings.parquet", &|p| meetings(p, corpus, &seen))?;
    put("meeting_attributes.parquet", &|p| {
        meeting_attributes(p, corpus)
    })?;
    put("languages.parquet", &|p| languages(p, corpus, &seen))?;
    let segments = segments(corpus)?;
    put("totals.parquet", &|p| totals(p, &segments))?;
    put("terms.parquet", &|p| terms(p, corpus, &segments))?;
    put("forms.parquet", &|p| forms(p, corpus, &segments, &seen))?;
    put("keys.parquet", &|p| keys(p, corpus, &seen))?;
    let json = serde_json::to_string_pretty(metadata).unwrap_or_default() + "\n";
    let temporary = file(dir, &format!(".{METADATA}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, json).map_err(io(&temporary))?;
    std::fs::rename(&temporary, &meta).map_err(io(&meta))?;
    files.push(METADATA.to_string());
    Ok(CountSummary {
        meetings: corpus.meetings.len(),
        segments: segments.len(),
        terms: segments.iter().map(|(_, s)| s.terms.len()).sum(),
        files,
    })
}

type MeetingRow<'c> = (&'c crate::corpus::MeetingInfo, (usize, usize));

fn meetings(path: &Path, corpus: &Corpus, seen: &HashMap<&str, &Seen>) -> Result<(), CountsError> {
    let rows: Vec<MeetingRow> = corpus
        .meetings
        .iter()
        .map(|m| (m, seen.get(m.id.as_str()).map_or((0, 0), |s| s.excluded)))
        .collect();
    let cols: [Col<MeetingRow>; 12] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.id),
        },
        Col {
            name: "date",
            kind: Kind::Date,
            get: |r| Cell::Date(r.0.date),
        },
        Col {
            name: "time",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.time),
        },
        Col {
            name: "title",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.title),
        },
        Col {
            name: "place",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.place),
        },
        Col {
            name: "source",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.source),
        },
        Col {
            name: "language",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0.language.code()),
        },
        Col {
            name: "spoken",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0.spoken.as_str()),
        },
        Col {
            name: "format",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0.format),
        },
        Col {
            name: "counted",
            kind: Kind::Int,
            get: |_| Cell::Int(1),
        },
        Col {
            name: "excluded_turns",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1 .0 as i64),
        },
        Col {
            name: "excluded_words",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1 .1 as i64),
        },
    ];
    write_rows(path, &cols, &rows)
}

type AttributeRow<'c> = (&'c str, i64, &'c str, &'c str);

fn meeting_attributes(path: &Path, corpus: &Corpus) -> Result<(), CountsError> {
    let rows: Vec<AttributeRow> = corpus
        .meetings
        .iter()
        .flat_map(|m| {
            m.attributes
                .iter()
                .enumerate()
                .map(|(i, (n, v))| (m.id.as_str(), i as i64, n.as_str(), v.as_str()))
        })
        .collect();
    let cols: [Col<AttributeRow>; 4] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0),
        },
        Col {
            name: "position",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1),
        },
        Col {
            name: "name",
            kind: Kind::Str,
            get: |r| Cell::Str(r.2),
        },
        Col {
            name: "value",
            kind: Kind::Str,
            get: |r| Cell::Str(r.3),
        },
    ];
    write_rows(path, &cols, &rows)
}

type LanguageRow<'c> = (&'c str, String, i64, i64);

fn languages(path: &Path, corpus: &Corpus, seen: &HashMap<&str, &Seen>) -> Result<(), CountsError> {
    let mut rows: Vec<LanguageRow> = Vec::new();
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
    let cols: [Col<LanguageRow>; 4] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0),
        },
        Col {
            name: "language",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.1),
        },
        Col {
            name: "words",
            kind: Kind::Int,
            get: |r| Cell::Int(r.2),
        },
        Col {
            name: "by_key",
            kind: Kind::Int,
            get: |r| Cell::Int(r.3),
        },
    ];
    write_rows(path, &cols, &rows)
}

fn totals(path: &Path, segments: &[(u32, Segment)]) -> Result<(), CountsError> {
    let cols: [Col<(u32, Segment)>; 8] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.1.meeting),
        },
        Col {
            name: "speaker",
            kind: Kind::Str,
            get: |r| Cell::Str(r.1.speaker),
        },
        Col {
            name: "interpreted",
            kind: Kind::Bool,
            get: |r| Cell::Bool(r.1.interpreted),
        },
        Col {
            name: "attributes",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.1.attributes),
        },
        Col {
            name: "turns",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1.turns),
        },
        Col {
            name: "words",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1.words),
        },
        Col {
            name: "sentences",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1.sentences),
        },
        Col {
            name: "first",
            kind: Kind::Int,
            get: |r| Cell::Int(r.1.first),
        },
    ];
    write_rows(path, &cols, segments)
}

/// A row of `terms.parquet`: the segment, the key, its stem and lemma, and its count.
type TermRow<'c> = (&'c Segment<'c>, &'c str, &'c str, &'c str, i64);

fn terms(path: &Path, corpus: &Corpus, segments: &[(u32, Segment)]) -> Result<(), CountsError> {
    let term = |view: View, key: &str| {
        let id = corpus.keys.get(key).unwrap_or(0);
        view.text(corpus, view.term(corpus, id))
    };
    let rows: Vec<TermRow> = segments
        .iter()
        .flat_map(|(_, s)| {
            s.terms
                .iter()
                .map(move |&(k, n)| (s, k, term(View::Stem, k), term(View::Lemma, k), n))
        })
        .collect();
    let cols: [Col<TermRow>; 8] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0.meeting),
        },
        Col {
            name: "speaker",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0.speaker),
        },
        Col {
            name: "interpreted",
            kind: Kind::Bool,
            get: |r| Cell::Bool(r.0.interpreted),
        },
        Col {
            name: "attributes",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.0.attributes),
        },
        Col {
            name: "key",
            kind: Kind::Str,
            get: |r| Cell::Str(r.1),
        },
        Col {
            name: "stem",
            kind: Kind::Str,
            get: |r| Cell::Str(r.2),
        },
        Col {
            name: "lemma",
            kind: Kind::Str,
            get: |r| Cell::Str(r.3),
        },
        Col {
            name: "count",
            kind: Kind::Int,
            get: |r| Cell::Int(r.4),
        },
    ];
    write_rows(path, &cols, &rows)
}

type FormRow<'c> = (&'c str, String, String, i64);

/// Every surface form of every key in each meeting, the key's own spelling included.
fn forms(
    path: &Path,
    corpus: &Corpus,
    segments: &[(u32, Segment)],
    seen: &HashMap<&str, &Seen>,
) -> Result<(), CountsError> {
    let mut rows: Vec<FormRow> = Vec::new();
    let mut start = 0;
    while start < segments.len() {
        let m = segments[start].0;
        let end = start
            + segments[start..]
                .iter()
                .take_while(|(x, _)| *x == m)
                .count();
        let id = corpus.meetings[m as usize].id.as_str();
        let mut counts: HashMap<&str, i64> = HashMap::new();
        for (_, s) in &segments[start..end] {
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
        start = end;
    }
    let cols: [Col<FormRow>; 4] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0),
        },
        Col {
            name: "key",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.1),
        },
        Col {
            name: "form",
            kind: Kind::Str,
            get: |r| Cell::Str(&r.2),
        },
        Col {
            name: "count",
            kind: Kind::Int,
            get: |r| Cell::Int(r.3),
        },
    ];
    write_rows(path, &cols, &rows)
}

type KeyRow<'c> = (&'c str, &'c str, i64, i64);

/// Each key of each meeting: its rank of first occurrence there, and whether an analysed turn says it (1) or only
/// turns counted by key (0).
fn keys(path: &Path, corpus: &Corpus, seen: &HashMap<&str, &Seen>) -> Result<(), CountsError> {
    let mut rows: Vec<KeyRow> = Vec::new();
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
    let cols: [Col<KeyRow>; 4] = [
        Col {
            name: "meeting",
            kind: Kind::Str,
            get: |r| Cell::Str(r.0),
        },
        Col {
            name: "key",
            kind: Kind::Str,
            get: |r| Cell::Str(r.1),
        },
        Col {
            name: "first",
            kind: Kind::Int,
            get: |r| Cell::Int(r.2),
        },
        Col {
            name: "analysed",
            kind: Kind::Int,
            get: |r| Cell::Int(r.3),
        },
    ];
    write_rows(path, &cols, &rows)
}
