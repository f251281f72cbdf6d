//! The CSV tables: long (tidy) format, UTF-8 with a header, deterministic row order, numbers written in the
//! shortest form that reads back to the same `f64` (so they compare at any tolerance), empty where undefined.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::stats::colloc::{collocations, BigramRow, TrigramRow};
use crate::stats::freq::{frequency_groups, FreqRow, ALL};
use crate::stats::keyness::{keyness, keyness_between, KeynessRow};
use crate::stats::lexdiv::{measure, LexicalDiversity};
use crate::stats::trends::{meetings_by_speaker, term_trends, MeetingSpeakerRow, TermTrendRow};
use crate::stats::turns::{by_speaker, by_speaker_meeting, transitions, TurnSummary};
use crate::stats::{Corpus, View};
use crate::transcript::Audit;

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
    /// `turn_lengths.csv`.
    pub turn_lengths: Vec<TurnLengthRow>,
    /// `lexdiv.csv`.
    pub lexdiv: Vec<LexDivRow>,
    /// The head of `freq.csv` (both views): of each speaker and view, the first rows and the first rows that are
    /// not stopwords, as many as charts and previews use; the full table is in `freq_csv`.
    pub freq: Vec<FreqRow<'a>>,
    /// All rows of `freq.csv` as CSV (no header): per group (speaker, or `*`), the key view and the stem view.
    pub freq_csv: Vec<(&'a str, [Vec<u8>; 2])>,
    /// Rows in `freq.csv`.
    pub freq_rows: usize,
    /// Files already written while building (`freq.csv`, `speakers/*.csv`).
    pub written: Vec<String>,
    /// `collocations.csv`.
    pub bigrams: Vec<BigramRow<'a>>,
    /// `trigrams.csv`.
    pub trigrams: Vec<TrigramRow<'a>>,
    /// `keyness.csv`.
    pub keyness: Vec<KeynessRow<'a>>,
    /// `meetings_by_speaker.csv`.
    pub meetings_by_speaker: Vec<MeetingSpeakerRow>,
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

/// `speakers.csv`, `turn_lengths.csv` and `lexdiv.csv`.
type SpeakerTables = (Vec<SpeakerRow>, Vec<TurnLengthRow>, Vec<LexDivRow>);

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
    let words_of = |turns: &mut dyn Iterator<Item = &usize>| -> Vec<u32> {
        turns
            .flat_map(|&i| corpus.turns[i].words.iter().copied())
            .collect()
    };
    let pairs: Vec<(&(u32, u32), &Vec<usize>)> = turns_of.iter().collect();
    let by_pair: BTreeMap<(u32, u32), LexicalDiversity> = pairs
        .par_iter()
        .map(|(&key, turns)| (key, measure(&words_of(&mut turns.iter()), window)))
        .collect();
    let ids: Vec<u32> = turn_summary.keys().copied().collect();
    let by_speaker: Vec<LexicalDiversity> = ids
        .par_iter()
        .map(|&s| {
            let mut turns = turns_of
                .range((s, 0)..=(s, u32::MAX))
                .flat_map(|(_, t)| t.iter());
            measure(&words_of(&mut turns), window)
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
    (speakers, turn_lengths, lexdiv)
}

/// The head rows of `freq.csv`, its CSV bytes per group and view, and its row count.
type FreqTables<'a> = (Vec<FreqRow<'a>>, Vec<(&'a str, [Vec<u8>; 2])>, usize);

/// Frequencies in both views, written to CSV bytes group by group; only each group's
/// head (the first rows, and the first rows that are not stopwords) is kept as rows.
fn frequency_tables<'a>(corpus: &'a Corpus, config: &ReportConfig) -> FreqTables<'a> {
    let keep = config.top.max(50);
    let one_view = |view: View| {
        frequency_groups(corpus, view, 1, |speaker, rows| {
            let mut bytes = Vec::with_capacity(rows.len() * 64);
            for r in &rows {
                write_freq_row(r, &mut bytes);
            }
            let mut head: Vec<FreqRow<'a>> = rows.iter().take(keep).cloned().collect();
            head.extend(
                rows.iter()
                    .skip(keep)
                    .filter(|r| !r.stopword)
                    .take(keep)
                    .cloned(),
            );
            (speaker, bytes, rows.len(), head)
        })
    };
    // One view after the other: each is parallel over speakers, and together they would hold twice the rows.
    let (key, stem) = (one_view(View::Key), one_view(View::Stem));
    let mut heads = Vec::new();
    let mut csv_of: Vec<(&'a str, [Vec<u8>; 2])> = Vec::new();
    let mut total = 0;
    for (speaker, bytes, n, head) in key {
        total += n;
        heads.push(head);
        csv_of.push((speaker, [bytes, Vec::new()]));
    }
    for (k, (_, bytes, n, head)) in stem.into_iter().enumerate() {
        total += n;
        heads.push(head);
        csv_of[k].1[1] = bytes;
    }
    (heads.into_iter().flatten().collect(), csv_of, total)
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
    (t.speakers, t.turn_lengths, t.lexdiv) = speaker_tables(corpus, window);
    progress("frequencies");
    (t.freq, t.freq_csv, t.freq_rows) = frequency_tables(corpus, config);
    // Written now and dropped: on a large corpus these bytes are the biggest thing held.
    progress("writing frequencies");
    t.written.push(write_freq(&t, &config.out)?.to_string());
    t.written.extend(write_speaker_files(&t, &config.out)?);
    t.freq_csv = Vec::new();
    // One family at a time: the phases are parallel inside, and running them together only adds their memory.
    progress("collocations");
    (t.bigrams, t.trigrams) = collocations(corpus, &config.colloc);
    progress("keyness");
    t.keyness = keyness_tables(corpus, config, leaders);
    progress("across meetings");
    t.meetings_by_speaker = meetings_by_speaker(corpus, window);
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
            words: turns.iter().map(|x| x.words.len()).sum(),
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
            words: x.words.len(),
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

/// Writes each speaker's frequency rows (both views) to `speakers/<name>.csv`, in parallel.
pub fn write_speaker_files(tables: &Tables, dir: &Path) -> Result<Vec<String>, WriteError> {
    let bytes: std::collections::HashMap<&str, &[Vec<u8>; 2]> =
        tables.freq_csv.iter().map(|(s, b)| (*s, b)).collect();
    speaker_files(tables)
        .par_iter()
        .map(|(speaker, file)| {
            let bodies: Vec<&[u8]> = bytes
                .get(speaker.as_str())
                .map_or(Vec::new(), |p| vec![&p[0][..], &p[1][..]]);
            write_bytes(&dir.join(file), FILES[3].1, &bodies)?;
            Ok(file.clone())
        })
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

/// Writes a CSV file from a header line and ready CSV bodies, atomically.
fn write_bytes(path: &Path, header: &str, bodies: &[&[u8]]) -> Result<(), WriteError> {
    super::write::atomic_write(path, |out| {
        let io = |source| WriteError::Io {
            path: path.display().to_string(),
            source,
        };
        out.write_all(header.as_bytes()).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
        for body in bodies {
            out.write_all(body).map_err(io)?;
        }
        Ok(())
    })
}

/// Writes `freq.csv` from the CSV bytes of each group (key view, then stem view).
fn write_freq(t: &Tables, dir: &Path) -> Result<&'static str, WriteError> {
    let bodies: Vec<&[u8]> = (0..2)
        .flat_map(|v| t.freq_csv.iter().map(move |(_, b)| &b[v][..]))
        .collect();
    write_bytes(&dir.join(FILES[3].0), FILES[3].1, &bodies)?;
    Ok(FILES[3].0)
}

/// Writes every table but `freq.csv` (written while building) into `dir`, in parallel; returns the file names.
pub fn write_all(tables: &Tables, dir: &Path) -> Result<Vec<&'static str>, WriteError> {
    fn one<T: Serialize + Sync>(
        dir: &Path,
        index: usize,
        rows: &[T],
    ) -> Result<&'static str, WriteError> {
        let (name, header) = FILES[index];
        let header: Vec<&str> = header.split(',').collect();
        write_csv(&dir.join(name), rows, &header)?;
        Ok(name)
    }
    type Job<'j> = Box<dyn Fn() -> Result<&'static str, WriteError> + Sync + 'j>;
    let t = tables;
    let jobs: Vec<Job> = vec![
        Box::new(|| one(dir, 0, &t.speakers)),
        Box::new(|| one(dir, 1, &t.turn_lengths)),
        Box::new(|| one(dir, 2, &t.lexdiv)),
        Box::new(|| one(dir, 4, &t.bigrams)),
        Box::new(|| one(dir, 5, &t.trigrams)),
        Box::new(|| one(dir, 6, &t.keyness)),
        Box::new(|| one(dir, 7, &t.meetings_by_speaker)),
        Box::new(|| one(dir, 8, &t.trends)),
        Box::new(|| one(dir, 9, &t.meetings)),
        Box::new(|| one(dir, 10, &t.turns)),
        Box::new(|| one(dir, 11, &t.transitions)),
        Box::new(|| one(dir, 12, &t.audit)),
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
