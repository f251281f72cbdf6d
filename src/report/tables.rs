//! The CSV tables: long (tidy) format, UTF-8 with a header, deterministic row order, numbers written in the
//! shortest form that reads back to the same `f64` (so they compare at any tolerance), empty where undefined.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::stats::colloc::{group_collocations, BigramRow, Emit, TrigramRow};
use crate::stats::corpus::TurnsText;
use crate::stats::freq::{group_frequencies, groups, FreqRow, Scratch, ALL};
use crate::stats::keyness::{keyness, keyness_between, KeynessRow};
use crate::stats::lexdiv::{measure, measure_text, LexicalDiversity};
use crate::stats::trends::{meetings_by_speaker, term_trends, MeetingSpeakerRow, TermTrendRow};
use crate::stats::turns::{by_speaker, by_speaker_meeting, transitions, TurnSummary};
use crate::stats::{Corpus, View};
use crate::transcript::Audit;

use super::spool::{assemble, Pool, Segment, Spool};
use super::write::{write_csv, WriteError};
use super::ReportConfig;

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
    pub words_per_sentence: Option<f64>,
    /// TTR.
    pub ttr: Option<f64>,
    /// Herdan's C.
    pub herdan_c: Option<f64>,
    /// Guiraud's R.
    pub guiraud_r: Option<f64>,
    /// Maas a².
    pub maas_a: Option<f64>,
    /// Yule's K.
    pub yule_k: Option<f64>,
    /// MATTR.
    pub mattr: Option<f64>,
    /// MTLD.
    pub mtld: Option<f64>,
    /// HD-D.
    pub hdd: Option<f64>,
    /// Hapax share.
    pub hapax_share: Option<f64>,
}

/// One row of `turn_lengths.csv`: turn statistics of a speaker overall (`meeting` = `*`) or in one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct TurnLengthRow {
    /// Speaker.
    pub speaker: String,
    /// Meeting id or `*`.
    pub meeting: String,
    /// Date of the meeting (empty for `*`).
    pub date: String,
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
    /// Share of all words (of the meeting, for a meeting row).
    pub share_words: f64,
    /// Mean words per turn.
    pub words_per_turn_mean: f64,
    /// Median words per turn.
    pub words_per_turn_median: f64,
    /// p90 of words per turn.
    pub words_per_turn_p90: f64,
    /// Longest turn.
    pub words_per_turn_max: usize,
    /// Sample standard deviation of words per turn.
    pub words_per_turn_sd: Option<f64>,
    /// Sentences.
    pub sentences: usize,
    /// Words per sentence.
    pub words_per_sentence: Option<f64>,
}

impl TurnLengthRow {
    fn new(speaker: &str, meeting: &str, date: &str, s: &TurnSummary) -> TurnLengthRow {
        TurnLengthRow {
            speaker: speaker.to_string(),
            meeting: meeting.to_string(),
            date: date.to_string(),
            turns: s.turns,
            words: s.words,
            share_words: s.share_words,
            words_per_turn_mean: s.words_per_turn_mean,
            words_per_turn_median: s.words_per_turn_median,
            words_per_turn_p90: s.words_per_turn_p90,
            words_per_turn_max: s.words_per_turn_max,
            words_per_turn_sd: s.words_per_turn_sd,
            sentences: s.sentences,
            words_per_sentence: s.words_per_sentence,
        }
    }
}

/// One row of `lexdiv.csv`: lexical diversity of a speaker overall (`meeting` = `*`) or in one meeting.
#[derive(Debug, Clone, Serialize)]
pub struct LexDivRow {
    /// Speaker.
    pub speaker: String,
    /// Meeting id or `*`.
    pub meeting: String,
    /// Date of the meeting (empty for `*`).
    pub date: String,
    /// Tokens.
    pub tokens: usize,
    /// Types.
    pub types: usize,
    /// TTR.
    pub ttr: Option<f64>,
    /// Herdan's C.
    pub herdan_c: Option<f64>,
    /// Guiraud's R.
    pub guiraud_r: Option<f64>,
    /// Maas a².
    pub maas_a: Option<f64>,
    /// Yule's K.
    pub yule_k: Option<f64>,
    /// MATTR.
    pub mattr: Option<f64>,
    /// MTLD.
    pub mtld: Option<f64>,
    /// HD-D.
    pub hdd: Option<f64>,
    /// Hapax share.
    pub hapax_share: Option<f64>,
}

impl LexDivRow {
    fn new(speaker: &str, meeting: &str, date: &str, m: &LexicalDiversity) -> LexDivRow {
        LexDivRow {
            speaker: speaker.to_string(),
            meeting: meeting.to_string(),
            date: date.to_string(),
            tokens: m.tokens,
            types: m.types,
            ttr: m.ttr,
            herdan_c: m.herdan_c,
            guiraud_r: m.guiraud_r,
            maas_a: m.maas_a,
            yule_k: m.yule_k,
            mattr: m.mattr,
            mtld: m.mtld,
            hdd: m.hdd,
            hapax_share: m.hapax_share,
        }
    }
}

/// One row of `meetings.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingRow {
    /// Meeting id.
    pub meeting: String,
    /// Date.
    pub date: String,
    /// Time.
    pub time: String,
    /// Title.
    pub title: String,
    /// Place.
    pub place: String,
    /// Source URL.
    pub source: String,
    /// Speakers in order of first turn, `; `-separated.
    pub speakers: String,
    /// Turns.
    pub turns: usize,
    /// Word tokens.
    pub words: usize,
}

/// One row of `turns.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct TurnRow {
    /// Meeting id.
    pub meeting: String,
    /// Date.
    pub date: String,
    /// Turn number in the meeting.
    pub turn: u32,
    /// Speaker.
    pub speaker: String,
    /// Interpreted.
    pub interpreted: bool,
    /// Word tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: u32,
}

/// One row of `transitions.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct TransitionRow {
    /// Speaker of a turn.
    pub from: String,
    /// Speaker of the next turn in the same meeting.
    pub to: String,
    /// How often.
    pub count: usize,
}

/// Every table of the report, built once.
#[derive(Debug, Default)]
pub struct Tables<'a> {
    /// `speakers.csv`.
    pub speakers: Vec<SpeakerRow>,
    /// The first rows of `turn_lengths.csv` (the table is written while building).
    pub turn_lengths: Vec<TurnLengthRow>,
    /// Rows in `turn_lengths.csv`.
    pub turn_length_rows: usize,
    /// The first rows of `lexdiv.csv` (the table is written while building).
    pub lexdiv: Vec<LexDivRow>,
    /// Rows in `lexdiv.csv`.
    pub lexdiv_rows: usize,
    /// The head of `freq.csv` (both views): of each speaker and view, the first rows and the first rows that are
    /// not stopwords, as many as charts and previews use; the full table is written while building.
    pub freq: Vec<FreqRow<'a>>,
    /// Rows in `freq.csv`.
    pub freq_rows: usize,
    /// Files already written while building (`freq.csv`, `speakers/*.csv`).
    pub written: Vec<String>,
    /// The first rows of each group of `collocations.csv` (the table is written while building).
    pub bigrams: Vec<BigramRow<'a>>,
    /// Rows in `collocations.csv`.
    pub bigram_rows: usize,
    /// The first rows of each group of `trigrams.csv` (the table is written while building).
    pub trigrams: Vec<TrigramRow<'a>>,
    /// Rows in `trigrams.csv`.
    pub trigram_rows: usize,
    /// `keyness.csv`.
    pub keyness: Vec<KeynessRow<'a>>,
    /// The first rows of `meetings_by_speaker.csv` and every row of the leaders (the table is written while
    /// building).
    pub meetings_by_speaker: Vec<MeetingSpeakerRow>,
    /// Rows in `meetings_by_speaker.csv`.
    pub meetings_by_speaker_rows: usize,
    /// `trends.csv`.
    pub trends: Vec<TermTrendRow>,
    /// `meetings.csv`.
    pub meetings: Vec<MeetingRow>,
    /// `turns.csv`.
    pub turns: Vec<TurnRow>,
    /// `transitions.csv`.
    pub transitions: Vec<TransitionRow>,
    /// `audit.csv`.
    pub audit: Vec<Audit>,
}

/// The tables and their file names and headers (the header is written on its own when a table is empty).
pub const FILES: [(&str, &str); 13] = [
    ("speakers.csv", "speaker,meetings,turns,words,types,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,sentences,words_per_sentence,ttr,herdan_c,guiraud_r,maas_a,yule_k,mattr,mtld,hdd,hapax_share"),
    ("turn_lengths.csv", "speaker,meeting,date,turns,words,share_words,words_per_turn_mean,words_per_turn_median,words_per_turn_p90,words_per_turn_max,words_per_turn_sd,sentences,words_per_sentence"),
    ("lexdiv.csv", "speaker,meeting,date,tokens,types,ttr,herdan_c,guiraud_r,maas_a,yule_k,mattr,mtld,hdd,hapax_share"),
    ("freq.csv", "speaker,view,term,form,count,per_10k,rank,meetings,dp,stopword"),
    ("collocations.csv", "speaker,first,second,count,count_first,count_second,total,pmi,npmi,g2,t_score,chi2,dice,log_dice"),
    ("trigrams.csv", "speaker,first,second,third,count,total"),
    ("keyness.csv", "target,reference,term,form,count_target,count_reference,total_target,total_reference,g2,chi2,p_value,log_ratio,pct_diff,log_odds_z"),
    ("meetings_by_speaker.csv", "meeting,date,speaker,words,types,mattr,mtld,new_types,new_type_share,cumulative_types"),
    ("trends.csv", "meeting,date,speaker,term,count,per_10k"),
    ("meetings.csv", "meeting,date,time,title,place,source,speakers,turns,words"),
    ("turns.csv", "meeting,date,turn,speaker,interpreted,words,sentences"),
    ("transitions.csv", "from,to,count"),
    ("audit.csv", "file,lines,metadata,lead,headings,separators,turn_lines,elisions,unclassified"),
];

/// `speakers.csv`, `turn_lengths.csv` and `lexdiv.csv`, and the lexical diversity of each (speaker, meeting).
type SpeakerTables = (
    Vec<SpeakerRow>,
    Vec<TurnLengthRow>,
    Vec<LexDivRow>,
    BTreeMap<(u32, u32), LexicalDiversity>,
);

fn speaker_tables(corpus: &Corpus, window: usize) -> SpeakerTables {
    let (mut speakers, mut turn_lengths, mut lexdiv) = (Vec::new(), Vec::new(), Vec::new());
    let turn_summary = by_speaker(corpus);
    let turn_meeting = by_speaker_meeting(corpus);
    let mut meetings_of: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    for turn in &corpus.turns {
        meetings_of
            .entry(turn.speaker)
            .or_default()
            .insert(turn.meeting);
    }
    // Lexical diversity of every speaker and of every speaker in every meeting, in parallel.
    let mut turns_of: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, t) in corpus.turns.iter().enumerate() {
        turns_of.entry((t.speaker, t.meeting)).or_default().push(i);
    }
    // A speaker in one meeting is read into memory; a speaker over all meetings is read in chunks, turn by turn.
    let pairs: Vec<(&(u32, u32), &Vec<usize>)> = turns_of.iter().collect();
    let by_pair: BTreeMap<(u32, u32), LexicalDiversity> = pairs
        .par_iter()
        .map(|(&key, turns)| {
            let words = corpus.words_of(turns.iter().map(|&i| &corpus.turns[i]));
            (key, measure(&words, window))
        })
        .collect();
    let ids: Vec<u32> = turn_summary.keys().copied().collect();
    let by_speaker: Vec<LexicalDiversity> = ids
        .par_iter()
        .map(|&s| {
            let turns = turns_of
                .range((s, 0)..=(s, u32::MAX))
                .flat_map(|(_, t)| t.iter().map(|&i| &corpus.turns[i]));
            measure_text(&TurnsText::new(corpus, turns), window)
        })
        .collect();
    for ((&s, summary), lex) in turn_summary.iter().zip(by_speaker) {
        let name = corpus.speakers[s as usize].clone();
        speakers.push(SpeakerRow {
            speaker: name.clone(),
            meetings: meetings_of[&s].len(),
            turns: summary.turns,
            words: summary.words,
            types: lex.types,
            share_words: summary.share_words,
            words_per_turn_mean: summary.words_per_turn_mean,
            words_per_turn_median: summary.words_per_turn_median,
            words_per_turn_p90: summary.words_per_turn_p90,
            words_per_turn_max: summary.words_per_turn_max,
            sentences: summary.sentences,
            words_per_sentence: summary.words_per_sentence,
            ttr: lex.ttr,
            herdan_c: lex.herdan_c,
            guiraud_r: lex.guiraud_r,
            maas_a: lex.maas_a,
            yule_k: lex.yule_k,
            mattr: lex.mattr,
            mtld: lex.mtld,
            hdd: lex.hdd,
            hapax_share: lex.hapax_share,
        });
        turn_lengths.push(TurnLengthRow::new(&name, ALL, "", summary));
        lexdiv.push(LexDivRow::new(&name, ALL, "", &lex));
        for &m in &meetings_of[&s] {
            let info = &corpus.meetings[m as usize];
            turn_lengths.push(TurnLengthRow::new(
                &name,
                &info.id,
                &info.date,
                &turn_meeting[&(s, m)],
            ));
            lexdiv.push(LexDivRow::new(
                &name,
                &info.id,
                &info.date,
                &by_pair[&(s, m)],
            ));
        }
    }
    (speakers, turn_lengths, lexdiv, by_pair)
}

/// What writing the frequencies leaves: the head rows of each group and view, the number of rows, the files.
struct FreqTables<'a> {
    heads: Vec<FreqRow<'a>>,
    rows: usize,
    written: Vec<String>,
}

/// One group's frequency rows, written: its file (a speaker's file in `speakers/`, or a scratch file for `*`) holds
/// the header, then the key view's rows (`bodies[0]` bytes), then the stem view's (`bodies[1]` bytes).
struct GroupFile<'a> {
    speaker: &'a str,
    file: Segment,
    path: Option<String>,
    bodies: [u64; 2],
    rows: usize,
    heads: [Vec<FreqRow<'a>>; 2],
}

/// Frequencies in both views, group by group in parallel (the largest groups first, each group's two views in one
/// task): each speaker's rows are formatted straight into its file in `speakers/`, the rows of `*` into a scratch
/// file, and `freq.csv` (every group's key rows, then every group's stem rows) is put together from those files,
/// so no more than a group's sorted term list is held at a time. Of each group and view only the head (the first
/// rows, and the first rows that are not stopwords) is kept as rows, for charts and previews.
fn write_frequencies<'a>(
    corpus: &'a Corpus,
    config: &ReportConfig,
    files: &[(String, String)],
) -> Result<FreqTables<'a>, WriteError> {
    let keep = config.top.max(50);
    let dir = &config.out;
    let header = FILES[3].1;
    let path_of: BTreeMap<&str, &str> = files
        .iter()
        .map(|(s, f)| (s.as_str(), f.as_str()))
        .collect();
    let groups = groups(corpus);
    let order = largest_first(corpus, &groups);
    let (keys, stems) = (View::Key.len(corpus), View::Stem.len(corpus));
    let scratches = Pool::default();
    let orders = rayon::join(
        || View::Key.text_order(corpus),
        || View::Stem.text_order(corpus),
    );
    let orders = [orders.0, orders.1];
    let mut done: Vec<(usize, GroupFile<'a>)> = order
        .par_iter()
        .with_max_len(1)
        .map(|&g| -> Result<(usize, GroupFile<'a>), WriteError> {
            scratches.with(
                || (Scratch::new(keys), Scratch::new(stems)),
                |(key_scratch, stem_scratch)| {
                    let (speaker, turns) = &groups[g];
                    let path = path_of.get(speaker).map(|p| p.to_string());
                    let file_dir = match &path {
                        Some(p) => dir.join(p).parent().unwrap_or(dir).to_path_buf(),
                        None => dir.to_path_buf(),
                    };
                    let shown = dir.join(path.as_deref().unwrap_or("freq.csv"));
                    let io = |source| WriteError::Io {
                        path: shown.display().to_string(),
                        source,
                    };
                    // Straight to a file: a speaker's file is published as it is.
                    let mut out = Spool::new(&file_dir, 0);
                    out.write_all(header.as_bytes()).map_err(io)?;
                    out.write_all(b"\n").map_err(io)?;
                    let mut bodies = [0u64; 2];
                    let mut heads: [Vec<FreqRow<'a>>; 2] = [Vec::new(), Vec::new()];
                    let mut rows = 0;
                    let mut bytes = Vec::with_capacity(1 << 16);
                    let mut failed = None;
                    for (v, view, scratch) in [
                        (0, View::Key, &mut *key_scratch),
                        (1, View::Stem, &mut *stem_scratch),
                    ] {
                        let (mut taken, mut taken_content) = (0, 0);
                        let order = &orders[v];
                        group_frequencies(
                            corpus,
                            view,
                            (speaker, turns),
                            1,
                            order,
                            scratch,
                            &mut |r| {
                                if taken < keep {
                                    heads[v].push(r.clone());
                                    taken += 1;
                                } else if !r.stopword && taken_content < keep {
                                    heads[v].push(r.clone());
                                    taken_content += 1;
                                }
                                rows += 1;
                                write_freq_row(&r, &mut bytes);
                                if bytes.len() >= 1 << 16 && failed.is_none() {
                                    bodies[v] += bytes.len() as u64;
                                    failed = out.write_all(&bytes).err();
                                    bytes.clear();
                                }
                            },
                        );
                        bodies[v] += bytes.len() as u64;
                        if failed.is_none() {
                            failed = out.write_all(&bytes).err();
                        }
                        bytes.clear();
                    }
                    if let Some(e) = failed {
                        return Err(io(e));
                    }
                    let file = out.finish().map_err(io)?;
                    Ok((
                        g,
                        GroupFile {
                            speaker,
                            file,
                            path,
                            bodies,
                            rows,
                            heads,
                        },
                    ))
                },
            )
        })
        .collect::<Result<_, _>>()?;
    done.sort_by_key(|(g, _)| *g);
    let groups: Vec<GroupFile> = done.into_iter().map(|(_, f)| f).collect();
    corpus.tokens.check().map_err(WriteError::Tokens)?;

    // freq.csv: the key rows of every group, then the stem rows, copied from the groups' files.
    let skip = header.len() as u64 + 1;
    let mut parts: Vec<(&Segment, u64, u64)> = Vec::new();
    for v in 0..2 {
        for g in &groups {
            let from = skip + if v == 1 { g.bodies[0] } else { 0 };
            parts.push((&g.file, from, g.bodies[v]));
        }
    }
    assemble(&dir.join(FILES[3].0), header, &parts)?;
    let mut written = vec![FILES[3].0.to_string()];
    let (mut heads, mut stem_heads, mut rows) = (Vec::new(), Vec::new(), 0);
    for g in groups {
        rows += g.rows;
        let [key_head, stem_head] = g.heads;
        heads.extend(key_head);
        stem_heads.extend(stem_head);
        if let Some(path) = g.path {
            g.file.publish(&dir.join(&path))?;
            written.push(path);
        } else {
            debug_assert_eq!(g.speaker, ALL);
        }
    }
    heads.extend(stem_heads);
    Ok(FreqTables {
        heads,
        rows,
        written,
    })
}

/// Writes table `FILES[index]` into `dir`; returns its file name.
fn write_table<T: Serialize>(
    dir: &Path,
    index: usize,
    rows: &[T],
) -> Result<&'static str, WriteError> {
    let (name, header) = FILES[index];
    let header: Vec<&str> = header.split(',').collect();
    write_csv(&dir.join(name), rows, &header)?;
    Ok(name)
}

/// Writes table `FILES[index]` now and keeps only its first `keep` rows; returns its number of rows.
fn write_now<T: Serialize>(
    dir: &Path,
    index: usize,
    rows: &mut Vec<T>,
    keep: usize,
) -> Result<usize, WriteError> {
    write_table(dir, index, rows)?;
    let n = rows.len();
    rows.truncate(keep);
    rows.shrink_to_fit();
    Ok(n)
}

/// Groups of turns (every speaker by name, then `*`) in the order to work on them: the most words first, so the
/// big groups do not end up last on one core.
fn largest_first(corpus: &Corpus, groups: &[(&str, Vec<usize>)]) -> Vec<usize> {
    let size = |g: usize| -> usize { groups[g].1.iter().map(|&i| corpus.turns[i].len()).sum() };
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(size(g)));
    order
}

/// What writing the collocation tables leaves: the first rows of each group, and the numbers of rows.
struct CollocTables<'a> {
    bigram_heads: Vec<BigramRow<'a>>,
    trigram_heads: Vec<TrigramRow<'a>>,
    bigrams: usize,
    trigrams: usize,
}

/// One group's collocation rows, written to two scratch files.
struct CollocFiles<'a> {
    files: [Segment; 2],
    bytes: [u64; 2],
    rows: [usize; 2],
    bigram_heads: Vec<BigramRow<'a>>,
    trigram_heads: Vec<TrigramRow<'a>>,
}

/// `collocations.csv` and `trigrams.csv`, group by group in parallel (largest first), each group's rows formatted
/// into scratch files as they are made and the tables put together from them in group order; of each group only
/// the first rows are kept, for charts and previews.
fn write_collocations<'a>(
    corpus: &'a Corpus,
    config: &ReportConfig,
) -> Result<CollocTables<'a>, WriteError> {
    let keep = config.top.max(50);
    let dir = &config.out;
    let options = &config.colloc;
    let groups = groups(corpus);
    let order = largest_first(corpus, &groups);
    let forms = options.view.form_order(corpus);
    let terms = options.view.len(corpus);
    let scratches = Pool::default();
    let io = |source| WriteError::Io {
        path: dir.join(FILES[4].0).display().to_string(),
        source,
    };
    let mut done: Vec<(usize, CollocFiles<'a>)> = order
        .par_iter()
        .with_max_len(1)
        .map(|&g| -> Result<(usize, CollocFiles<'a>), WriteError> {
            scratches.with(
                || vec![0u64; terms],
                |unigrams| {
                    let (speaker, turns) = &groups[g];
                    // Small groups' rows stay in memory; a big group's go to a file beside the tables.
                    let spool = || {
                        csv::WriterBuilder::new()
                            .has_headers(false)
                            .from_writer(Spool::new(dir, 1 << 16))
                    };
                    let (mut bigram_out, mut trigram_out) = (spool(), spool());
                    let (mut bigram_heads, mut trigram_heads) = (Vec::new(), Vec::new());
                    let (mut bigrams, mut trigrams) = (0, 0);
                    let (mut bigram_failed, mut trigram_failed) = (None, None);
                    let emit = Emit {
                        bigram: &mut |r: BigramRow<'a>| {
                            bigrams += 1;
                            if bigram_failed.is_none() {
                                bigram_failed = bigram_out.serialize(&r).err();
                            }
                            if bigram_heads.len() < keep {
                                bigram_heads.push(r);
                            }
                        },
                        trigram: &mut |r: TrigramRow<'a>| {
                            trigrams += 1;
                            if trigram_failed.is_none() {
                                trigram_failed = trigram_out.serialize(&r).err();
                            }
                            if trigram_heads.len() < keep {
                                trigram_heads.push(r);
                            }
                        },
                    };
                    group_collocations(corpus, options, speaker, turns, unigrams, &forms, emit);
                    if let Some(source) = bigram_failed.or(trigram_failed) {
                        return Err(WriteError::Csv {
                            path: dir.join(FILES[4].0).display().to_string(),
                            source,
                        });
                    }
                    let finish = |out: csv::Writer<Spool>| -> Result<(Segment, u64), WriteError> {
                        let spool = out.into_inner().map_err(|e| io(e.into_error()))?;
                        let bytes = spool.bytes;
                        Ok((spool.finish().map_err(io)?, bytes))
                    };
                    let (bigram_file, bigram_bytes) = finish(bigram_out)?;
                    let (trigram_file, trigram_bytes) = finish(trigram_out)?;
                    let files = [bigram_file, trigram_file];
                    let bytes = [bigram_bytes, trigram_bytes];
                    Ok((
                        g,
                        CollocFiles {
                            files,
                            bytes,
                            rows: [bigrams, trigrams],
                            bigram_heads,
                            trigram_heads,
                        },
                    ))
                },
            )
        })
        .collect::<Result<_, _>>()?;
    done.sort_by_key(|(g, _)| *g);
    corpus.tokens.check().map_err(WriteError::Tokens)?;
    for (k, index) in [(0, 4), (1, 5)] {
        let parts: Vec<(&Segment, u64, u64)> = done
            .iter()
            .map(|(_, f)| (&f.files[k], 0, f.bytes[k]))
            .collect();
        assemble(&dir.join(FILES[index].0), FILES[index].1, &parts)?;
    }
    let mut tables = CollocTables {
        bigram_heads: Vec::new(),
        trigram_heads: Vec::new(),
        bigrams: 0,
        trigrams: 0,
    };
    for (_, f) in done {
        tables.bigrams += f.rows[0];
        tables.trigrams += f.rows[1];
        tables.bigram_heads.extend(f.bigram_heads);
        tables.trigram_heads.extend(f.trigram_heads);
    }
    Ok(tables)
}

/// Keyness of each speaker against the reference, and of the two leaders against each other.
fn keyness_tables<'a>(
    corpus: &'a Corpus,
    config: &ReportConfig,
    leaders: &[String],
) -> Vec<KeynessRow<'a>> {
    let mut rows = keyness(corpus, config.view, &config.reference, config.min_count);
    if leaders.len() >= 2 && config.reference == crate::stats::keyness::Reference::Others {
        rows.extend(keyness_between(
            corpus,
            config.view,
            &leaders[0],
            &leaders[1],
            config.min_count,
        ));
    }
    rows
}

/// Builds every table.
pub fn build<'a>(
    corpus: &'a Corpus,
    audits: &[Audit],
    config: &mut ReportConfig,
    leaders: &[String],
    progress: &mut dyn FnMut(&str),
) -> Result<Tables<'a>, WriteError> {
    let mut t = Tables::default();
    let window = config.mattr_window;
    progress("speakers and lexical diversity");
    let by_pair;
    (t.speakers, t.turn_lengths, t.lexdiv, by_pair) = speaker_tables(corpus, window);
    // Two tables with a row per speaker and meeting, written now and kept only as far as the page shows them.
    let keep = config.top;
    t.turn_length_rows = write_now(&config.out, 1, &mut t.turn_lengths, keep)?;
    t.lexdiv_rows = write_now(&config.out, 2, &mut t.lexdiv, keep)?;
    t.written
        .extend([FILES[1].0.to_string(), FILES[2].0.to_string()]);
    // Across meetings, likewise (its chart reads the leaders' rows, which are kept).
    progress("across meetings");
    t.meetings_by_speaker = meetings_by_speaker(corpus, &by_pair);
    drop(by_pair);
    write_table(&config.out, 7, &t.meetings_by_speaker)?;
    t.written.push(FILES[7].0.to_string());
    t.meetings_by_speaker_rows = t.meetings_by_speaker.len();
    let mut kept = 0;
    t.meetings_by_speaker.retain(|r| {
        kept += 1;
        kept <= keep || leaders.contains(&r.speaker)
    });
    t.meetings_by_speaker.shrink_to_fit();
    progress("frequencies");
    let files = speaker_files(&t);
    let freq = write_frequencies(corpus, config, &files)?;
    (t.freq, t.freq_rows) = (freq.heads, freq.rows);
    t.written.extend(freq.written);
    // One family at a time: the phases are parallel inside, and running them together only adds their memory.
    progress("collocations");
    let colloc = write_collocations(corpus, config)?;
    (t.bigrams, t.trigrams) = (colloc.bigram_heads, colloc.trigram_heads);
    (t.bigram_rows, t.trigram_rows) = (colloc.bigrams, colloc.trigrams);
    t.written
        .extend([FILES[4].0.to_string(), FILES[5].0.to_string()]);
    progress("keyness");
    t.keyness = keyness_tables(corpus, config, leaders);
    progress("trends");
    if config.terms.is_empty() {
        config.terms = super::chosen_terms(&t, config);
    }
    t.trends = term_trends(corpus, config.view, &config.terms);

    // Meetings, turns, transitions, audit.
    for (m, info) in corpus.meetings.iter().enumerate() {
        let turns: Vec<_> = corpus
            .turns
            .iter()
            .filter(|x| x.meeting == m as u32)
            .collect();
        let mut speakers: Vec<&str> = Vec::new();
        for x in &turns {
            let name = corpus.speakers[x.speaker as usize].as_str();
            if !speakers.contains(&name) {
                speakers.push(name);
            }
        }
        t.meetings.push(MeetingRow {
            meeting: info.id.clone(),
            date: info.date.clone(),
            time: info.time.clone(),
            title: info.title.clone(),
            place: info.place.clone(),
            source: info.source.clone(),
            speakers: speakers.join("; "),
            turns: turns.len(),
            words: turns.iter().map(|x| x.len()).sum(),
        });
    }
    for x in &corpus.turns {
        let info = &corpus.meetings[x.meeting as usize];
        t.turns.push(TurnRow {
            meeting: info.id.clone(),
            date: info.date.clone(),
            turn: x.number,
            speaker: corpus.speakers[x.speaker as usize].clone(),
            interpreted: x.interpreted,
            words: x.len(),
            sentences: x.sentences,
        });
    }
    t.transitions = transitions(corpus)
        .into_iter()
        .map(|((a, b), count)| TransitionRow {
            from: corpus.speakers[a as usize].clone(),
            to: corpus.speakers[b as usize].clone(),
            count,
        })
        .collect();
    t.audit = audits.to_vec();
    Ok(t)
}

/// The per-speaker frequency files: (speaker, path relative to the output directory), speakers sorted by name.
/// File names are sanitized and unique (see [`super::write::unique_stems`]).
pub fn speaker_files(tables: &Tables) -> Vec<(String, String)> {
    let names: Vec<String> = tables.speakers.iter().map(|s| s.speaker.clone()).collect();
    let stems = super::write::unique_stems(&names);
    names
        .into_iter()
        .zip(stems)
        .map(|(n, s)| (n, format!("speakers/{s}.csv")))
        .collect()
}

/// Appends one `freq.csv` row, byte for byte what the `csv` crate writes for it (integers by `itoa`, floats by
/// `ryu`), without its per-field machinery: the table has a million rows on a large corpus. A row whose text needs
/// quoting goes through the `csv` crate.
pub fn write_freq_row(r: &FreqRow, out: &mut Vec<u8>) {
    let plain =
        |s: &str| !s.is_empty() && !s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if !(plain(r.speaker) && plain(r.term) && plain(r.form)) {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        // Writing into memory cannot fail.
        let _ = w.serialize(r);
        out.extend_from_slice(&w.into_inner().unwrap_or_default());
        return;
    }
    let mut int = itoa::Buffer::new();
    let mut float = ryu::Buffer::new();
    for (i, field) in [r.speaker, r.view, r.term, r.form].into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(field.as_bytes());
    }
    out.push(b',');
    out.extend_from_slice(int.format(r.count).as_bytes());
    out.push(b',');
    out.extend_from_slice(float.format(r.per_10k).as_bytes());
    out.push(b',');
    out.extend_from_slice(int.format(r.rank).as_bytes());
    out.push(b',');
    out.extend_from_slice(int.format(r.meetings).as_bytes());
    out.push(b',');
    out.extend_from_slice(float.format(r.dp).as_bytes());
    out.extend_from_slice(if r.stopword { b",true\n" } else { b",false\n" });
}

/// Writes every table but those written while building (`freq.csv`, `collocations.csv`, `trigrams.csv`) into `dir`, in parallel; returns the file names.
pub fn write_all(tables: &Tables, dir: &Path) -> Result<Vec<&'static str>, WriteError> {
    type Job<'j> = Box<dyn Fn() -> Result<&'static str, WriteError> + Sync + 'j>;
    let t = tables;
    let jobs: Vec<Job> = vec![
        Box::new(|| write_table(dir, 0, &t.speakers)),
        Box::new(|| write_table(dir, 6, &t.keyness)),
        Box::new(|| write_table(dir, 8, &t.trends)),
        Box::new(|| write_table(dir, 9, &t.meetings)),
        Box::new(|| write_table(dir, 10, &t.turns)),
        Box::new(|| write_table(dir, 11, &t.transitions)),
        Box::new(|| write_table(dir, 12, &t.audit)),
    ];
    jobs.par_iter().map(|job| job()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_freq_row_writer_writes_what_the_csv_crate_writes(
            speaker in "[А-Яа-яA-Za-z .,\"\n-]{0,12}",
            term in "[а-яa-z'-]{1,10}",
            count in 0u64..1_000_000,
            per_10k in prop_oneof![any::<f64>(), 0.0f64..10_000.0],
            rank in 0usize..100_000,
            dp in 0.0f64..1.0,
            stopword in any::<bool>(),
        ) {
            let row = FreqRow { speaker: &speaker, view: "key", term: &term, form: &term, count, per_10k, rank, meetings: 3, dp, stopword };
            let mut fast = Vec::new();
            write_freq_row(&row, &mut fast);
            let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
            w.serialize(&row).unwrap();
            prop_assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(w.into_inner().unwrap()).unwrap());
        }
    }
}
