//! Folders of counts read back and summed (shards, or an engine's merged output), then rebuilt into a [`Corpus`]
//! whose turns are the segments' bags of keys ([`super`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use hashbrown::HashMap;

use super::grams::{GramSums, MeetingGrams};
use super::parquet_io::read_rows;
use super::{file, shown, CountsError, Metadata, METADATA, SCHEMA_VERSION};
use crate::columnar::ColumnType as Kind;
use crate::corpus::build::from_locals;
use crate::corpus::forms::Surfaces;
use crate::corpus::intern::Interner;
use crate::corpus::local::{Local, LocalTurn, Spoken};
use crate::corpus::{AnalysisOptions, Corpus, Gap, Interpreted, MeetingInfo};
use crate::lang::LanguageCode;
use crate::text::Language;
use crate::transcript::options::DateRange;
use crate::transcript::FORMATS;

/// Counts read and rebuilt into a corpus.
#[derive(Debug)]
pub struct Counts {
    /// The corpus rebuilt: one turn per segment.
    pub corpus: Corpus,
    /// The metadata of the first folder (the folders agree on the options that matter).
    pub metadata: Metadata,
    /// Interpreted turns left out when counted (`--interpreted exclude`), and their words.
    pub excluded: (usize, usize),
    /// Meetings `--since`/`--until` left out, and how many of them had no date.
    pub left_out: (usize, usize),
}

/// A segment: (speaker, interpreted, turn attributes as stored).
type Segment = (String, bool, String);

/// What the folders say of one meeting, summed.
#[derive(Default)]
struct Meeting {
    info: Option<MeetingInfo>,
    counted: i64,
    dirs: Vec<String>,
    excluded: (i64, i64),
    attributes: BTreeMap<i64, (String, String)>,
    languages: BTreeMap<String, (i64, i64)>,
    /// Turns, words, sentences and the first turn's number.
    totals: BTreeMap<Segment, (i64, i64, i64, i64)>,
    terms: BTreeMap<Segment, BTreeMap<String, i64>>,
    forms: HashMap<(String, String), i64>,
    /// Per key: (first occurrence, said in an analysed turn).
    keys: HashMap<String, (i64, i64)>,
}

/// Reads and sums the counts in `dirs`, keeps the meetings `dates` takes in, and rebuilds the corpus with
/// `options` (their stopwords and content rule; `interpreted` must agree with the counts' if `check` says so).
pub fn read_counts(
    dirs: &[PathBuf],
    interpreted: Option<Interpreted>,
    lang: Option<Language>,
    dates: DateRange,
    options: &AnalysisOptions,
) -> Result<Counts, CountsError> {
    let mut first: Option<(String, Metadata)> = None;
    let mut meetings: BTreeMap<String, Meeting> = BTreeMap::new();
    let mut grams = GramSums::default();
    for dir in dirs {
        let metadata = metadata(dir)?;
        let here = shown(dir);
        agree(&first, &here, &metadata, interpreted, lang)?;
        if first.is_none() {
            first = Some((here.clone(), metadata));
        }
        read_dir(dir, &mut meetings)?;
        grams.read(dir)?;
    }
    let Some((_, metadata)) = first else {
        return Err(CountsError::NotCounts {
            dir: "(no folder given)".into(),
        });
    };
    let mut left_out = (0, 0);
    let mut excluded = (0, 0);
    let mut locals = Vec::new();
    for (id, m) in meetings {
        if m.counted > 1 {
            return Err(CountsError::Twice {
                meeting: id,
                times: m.counted,
                dirs: m.dirs.join(", "),
            });
        }
        let Some(info) = m.info.clone() else {
            return Err(CountsError::Bad {
                path: m.dirs.join(", "),
                what: format!("words of meeting '{id}' but no row of it in meetings.parquet"),
            });
        };
        if !dates.contains(info.date) {
            grams.take(&id);
            left_out.0 += 1;
            left_out.1 += usize::from(info.date.is_none());
            continue;
        }
        excluded.0 += m.excluded.0 as usize;
        excluded.1 += m.excluded.1 as usize;
        locals.push(local(info, m, grams.take(&id))?);
    }
    if let Some(id) = grams.untaken() {
        let dirs: Vec<String> = dirs.iter().map(|d| shown(d)).collect();
        return Err(CountsError::Bad {
            path: dirs.join(", "),
            what: format!(
                "pairs or triples of meeting '{id}' but no row of it in meetings.parquet"
            ),
        });
    }
    // The order the corpus sorts meetings in (date, then id), so keys are met in the same order whatever folders.
    locals.sort_by(|a, b| {
        let date = |l: &Local| (l.info.date.is_none(), l.info.date);
        date(a)
            .cmp(&date(b))
            .then_with(|| a.info.id.cmp(&b.info.id))
    });
    let options = AnalysisOptions {
        // The speakers of the counts are final (`NAME (interpreted)` included).
        interpreted: Interpreted::Include,
        ..options.clone()
    };
    Ok(Counts {
        corpus: from_locals(locals, &options),
        metadata,
        excluded,
        left_out,
    })
}

/// Whether the folder `here` (its `metadata`) agrees with the report's `--interpreted` and `--lang` (the first
/// folder) or with the `first` folder (every other).
fn agree(
    first: &Option<(String, Metadata)>,
    here: &str,
    metadata: &Metadata,
    interpreted: Option<Interpreted>,
    lang: Option<Language>,
) -> Result<(), CountsError> {
    match first {
        None => {
            if let Some(i) = interpreted {
                let asked = super::CountOptions::interpreted_name(i);
                conflict(
                    here,
                    "--interpreted",
                    &metadata.options.interpreted,
                    "this report",
                    asked,
                )?;
            }
            if let Some(l) = lang {
                let given = metadata
                    .options
                    .lang
                    .clone()
                    .unwrap_or_else(|| "(detected)".into());
                conflict(here, "--lang", &given, "this report", l.code())?;
            }
        }
        Some((there, m)) => {
            let o = &metadata.options;
            conflict(
                here,
                "--interpreted",
                &o.interpreted,
                there,
                &m.options.interpreted,
            )?;
            let l = |l: &Option<String>| l.clone().unwrap_or_else(|| "(detected)".into());
            conflict(here, "--lang", &l(&o.lang), there, &l(&m.options.lang))?;
        }
    }
    Ok(())
}

fn conflict(
    dir: &str,
    option: &'static str,
    found: &str,
    from: &str,
    expected: &str,
) -> Result<(), CountsError> {
    if found == expected {
        return Ok(());
    }
    Err(CountsError::Conflict {
        dir: dir.to_string(),
        option,
        found: found.to_string(),
        expected_from: from.to_string(),
        expected: expected.to_string(),
    })
}

/// `count.json` of a folder, checked.
fn metadata(dir: &Path) -> Result<Metadata, CountsError> {
    if !dir.is_dir() {
        return Err(CountsError::Io {
            path: shown(dir),
            cause: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let path = file(dir, METADATA);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CountsError::NotCounts { dir: shown(dir) })
        }
        Err(cause) => {
            return Err(CountsError::Io {
                path: shown(&path),
                cause,
            })
        }
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| CountsError::Bad {
        path: shown(&path),
        what: format!("not JSON ({e})"),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some("stenogram-counts") {
        return Err(CountsError::Bad {
            path: shown(&path),
            what: "not the metadata of stenogram counts (its `format` is not `stenogram-counts`)"
                .into(),
        });
    }
    let version = value
        .get("schema_version")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    if version != SCHEMA_VERSION {
        return Err(CountsError::Version {
            dir: shown(dir),
            found: version,
        });
    }
    serde_json::from_value(value).map_err(|e| CountsError::Bad {
        path: shown(&path),
        what: e.to_string(),
    })
}

/// Adds the counts of one folder to `meetings`.
fn read_dir(dir: &Path, meetings: &mut BTreeMap<String, Meeting>) -> Result<(), CountsError> {
    read_meetings(dir, meetings)?;
    read_segments(dir, meetings)?;
    read_keys(dir, meetings)
}

/// `meetings.parquet` of a folder.
fn read_meetings(dir: &Path, meetings: &mut BTreeMap<String, Meeting>) -> Result<(), CountsError> {
    let here = shown(dir);
    let path = file(dir, "meetings.parquet");
    let cols = [
        ("meeting", Kind::Str),
        ("date", Kind::Date),
        ("time", Kind::Str),
        ("title", Kind::Str),
        ("place", Kind::Str),
        ("source", Kind::Str),
        ("language", Kind::Str),
        ("spoken", Kind::Str),
        ("format", Kind::Str),
        ("counted", Kind::Int),
        ("excluded_turns", Kind::Int),
        ("excluded_words", Kind::Int),
    ];
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let bad = |what: String| CountsError::Bad {
                path: shown(&path),
                what,
            };
            let id = b.str(0, i);
            let language = Language::parse(b.str(6, i)).ok_or_else(|| {
                bad(format!(
                    "meeting '{id}': unknown language '{}'",
                    b.str(6, i)
                ))
            })?;
            let spoken = LanguageCode::parse(b.str(7, i)).unwrap_or(language.into());
            let format = FORMATS
                .iter()
                .map(|f| f.name())
                .find(|n| *n == b.str(8, i))
                .ok_or_else(|| bad(format!("meeting '{id}': unknown format '{}'", b.str(8, i))))?;
            let m = meetings.entry(id.to_string()).or_default();
            m.info = Some(MeetingInfo {
                id: id.to_string(),
                date: b.date(1, i),
                time: b.str(2, i).to_string(),
                title: b.str(3, i).to_string(),
                place: b.str(4, i).to_string(),
                source: b.str(5, i).to_string(),
                language,
                spoken,
                format,
                attributes: Vec::new(),
            });
            m.counted += b.int(9, i);
            m.excluded.0 += b.int(10, i);
            m.excluded.1 += b.int(11, i);
            m.dirs.push(here.clone());
        }
        Ok(())
    })
}

/// `meeting_attributes.parquet`, `languages.parquet`, `totals.parquet` and `terms.parquet` of a folder.
fn read_segments(dir: &Path, meetings: &mut BTreeMap<String, Meeting>) -> Result<(), CountsError> {
    let path = file(dir, "meeting_attributes.parquet");
    let cols = [
        ("meeting", Kind::Str),
        ("position", Kind::Int),
        ("name", Kind::Str),
        ("value", Kind::Str),
    ];
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let pair = (b.str(2, i).to_string(), b.str(3, i).to_string());
            entry(meetings, b.str(0, i))
                .attributes
                .insert(b.int(1, i), pair);
        }
        Ok(())
    })?;
    let path = file(dir, "languages.parquet");
    let cols = [
        ("meeting", Kind::Str),
        ("language", Kind::Str),
        ("words", Kind::Int),
        ("by_key", Kind::Int),
    ];
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let l = entry(meetings, b.str(0, i))
                .languages
                .entry(b.str(1, i).to_string())
                .or_default();
            l.0 += b.int(2, i);
            l.1 += b.int(3, i);
        }
        Ok(())
    })?;
    let segment = [
        ("meeting", Kind::Str),
        ("speaker", Kind::Str),
        ("interpreted", Kind::Bool),
        ("attributes", Kind::Str),
    ];
    let path = file(dir, "totals.parquet");
    let cols = [
        segment.as_slice(),
        &[
            ("turns", Kind::Int),
            ("words", Kind::Int),
            ("sentences", Kind::Int),
            ("first", Kind::Int),
        ],
    ]
    .concat();
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let s = (
                b.str(1, i).to_string(),
                b.bool(2, i),
                b.str(3, i).to_string(),
            );
            let t = entry(meetings, b.str(0, i)).totals.entry(s).or_default();
            t.0 += b.int(4, i);
            t.1 += b.int(5, i);
            t.2 += b.int(6, i);
            t.3 += b.int(7, i);
        }
        Ok(())
    })?;
    let path = file(dir, "terms.parquet");
    let cols = [
        segment.as_slice(),
        &[("key", Kind::Str), ("count", Kind::Int)],
    ]
    .concat();
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let s = (
                b.str(1, i).to_string(),
                b.bool(2, i),
                b.str(3, i).to_string(),
            );
            let terms = entry(meetings, b.str(0, i)).terms.entry(s).or_default();
            *terms.entry(b.str(4, i).to_string()).or_default() += b.int(5, i);
        }
        Ok(())
    })
}

/// `forms.parquet` and `keys.parquet` of a folder.
fn read_keys(dir: &Path, meetings: &mut BTreeMap<String, Meeting>) -> Result<(), CountsError> {
    let path = file(dir, "forms.parquet");
    let cols = [
        ("meeting", Kind::Str),
        ("key", Kind::Str),
        ("form", Kind::Str),
        ("count", Kind::Int),
    ];
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let k = (b.str(1, i).to_string(), b.str(2, i).to_string());
            *entry(meetings, b.str(0, i)).forms.entry(k).or_default() += b.int(3, i);
        }
        Ok(())
    })?;
    let path = file(dir, "keys.parquet");
    let cols = [
        ("meeting", Kind::Str),
        ("key", Kind::Str),
        ("first", Kind::Int),
        ("analysed", Kind::Int),
    ];
    read_rows(&path, &cols, |b, rows| {
        for i in 0..rows {
            let k = entry(meetings, b.str(0, i))
                .keys
                .entry(b.str(1, i).to_string())
                .or_default();
            k.0 += b.int(2, i);
            k.1 += b.int(3, i);
        }
        Ok(())
    })
}

/// The sums of meeting `id`.
fn entry<'m>(meetings: &'m mut BTreeMap<String, Meeting>, id: &str) -> &'m mut Meeting {
    if !meetings.contains_key(id) {
        meetings.insert(id.to_string(), Meeting::default());
    }
    meetings.get_mut(id).expect("inserted")
}

/// A meeting's counts as the meeting tokenized: one turn per segment, its keys as a bag in text order.
fn local(
    mut info: MeetingInfo,
    mut m: Meeting,
    mut grams: MeetingGrams,
) -> Result<Local, CountsError> {
    info.attributes = std::mem::take(&mut m.attributes).into_values().collect();
    let bad = |what: String| CountsError::Bad {
        path: m.dirs.join(", "),
        what: format!("meeting '{}': {what}", info.id),
    };
    let keys = key_order(&m);
    let turns = segment_turns(&m, &mut grams, &keys, &bad)?;
    if let Some(speaker) = grams.untaken() {
        let what =
            format!("pairs or triples of speaker '{speaker}', who has no row in totals.parquet");
        return Err(bad(what));
    }
    let mut surfaces = Surfaces::default();
    for ((key, form), &n) in &m.forms {
        if key != form && n > 0 {
            if let Some(k) = keys.get(key) {
                let f = surfaces.strings.intern(form);
                surfaces
                    .counts
                    .insert((k, f), n.min(i64::from(u32::MAX)) as u32);
            }
        }
    }
    let mut words: Vec<(LanguageCode, u64)> = Vec::new();
    let mut by_key = Vec::new();
    for (code, &(n, k)) in &m.languages {
        let code =
            LanguageCode::parse(code).ok_or_else(|| bad(format!("unknown language '{code}'")))?;
        words.push((code, n.max(0) as u64));
        if k > 0 {
            by_key.push((code, k as u64));
        }
    }
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let analysed = Some(
        keys.iter()
            .map(|k| m.keys.get(k).is_none_or(|&(_, said)| said > 0))
            .collect(),
    );
    let path = info.id.clone();
    Ok(Local {
        info,
        path,
        keys,
        surfaces,
        turns,
        excluded: (m.excluded.0.max(0) as usize, m.excluded.1.max(0) as usize),
        spoken: Spoken {
            words,
            by_key,
            analysed,
        },
    })
}

/// The keys of a meeting's counts, interned in order of their first occurrence in the meeting.
fn key_order(m: &Meeting) -> Interner {
    let mut keys = Interner::new();
    // Keys in order of first occurrence in the meeting, as the transcript met them.
    let all: BTreeSet<&str> = m
        .terms
        .values()
        .flat_map(|t| t.keys().map(String::as_str))
        .collect();
    let mut order: Vec<(i64, &str)> = all
        .into_iter()
        .map(|k| (m.keys.get(k).map_or(i64::MAX, |x| x.0), k))
        .collect();
    order.sort_unstable();
    order.iter().for_each(|(_, k)| {
        keys.intern(k);
    });
    keys
}

/// One turn per segment holding its keys as a bag, and as many empty turns as the segment had besides.
fn segment_turns(
    m: &Meeting,
    grams: &mut MeetingGrams,
    keys: &Interner,
    bad: &dyn Fn(String) -> CountsError,
) -> Result<Vec<(String, String, LocalTurn)>, CountsError> {
    // Segments in the order their first turns came.
    let mut segments: BTreeSet<(i64, &Segment)> = m.totals.iter().map(|(s, t)| (t.3, s)).collect();
    segments.extend(
        m.terms
            .keys()
            .filter(|s| !m.totals.contains_key(*s))
            .map(|s| (i64::MAX, s)),
    );
    let mut turns = Vec::with_capacity(segments.len());
    for (_, s) in segments {
        let mut words = Vec::new();
        if let Some(terms) = m.terms.get(s) {
            for (k, &n) in terms {
                let id = keys.get(k).unwrap_or(0);
                words.extend(std::iter::repeat_n(id, n.max(0) as usize));
            }
        }
        let (_, counted, sentences, _) = m.totals.get(s).copied().unwrap_or_default();
        if counted != words.len() as i64 {
            return Err(bad(format!(
                "speaker '{}' has {counted} words in totals.parquet but {} in terms.parquet",
                s.0,
                words.len()
            )));
        }
        let attributes: Vec<(String, String)> = serde_json::from_str(&s.2).map_err(|e| {
            bad(format!(
                "turn attributes '{}' are not a JSON list of pairs ({e})",
                s.2
            ))
        })?;
        // As many turns as were counted: the first holds the words, so that turns per meeting and speaker stay
        // right.
        let (counted_turns, _, _, _) = m.totals.get(s).copied().unwrap_or_default();
        let mut gaps = vec![Gap::Sentence; words.len()];
        let mut grams = grams.take(s, |k| keys.get(k)).map_err(&bad)?;
        let mut sentences = sentences.max(0) as u32;
        for _ in 0..counted_turns.max(1) {
            let turn = LocalTurn {
                number: turns.len() as u32 + 1,
                interpreted: s.1,
                gaps: std::mem::take(&mut gaps),
                words: std::mem::take(&mut words),
                sentences: std::mem::take(&mut sentences),
                attributes: attributes.clone(),
                grams: grams.take().map(Box::new),
            };
            turns.push((s.0.clone(), s.0.clone(), turn));
        }
    }
    Ok(turns)
}
