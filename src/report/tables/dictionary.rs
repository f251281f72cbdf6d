//! `dictionary.csv`, `dictionary_terms.csv` and `dictionary_keyness.csv` (with `--dictionary`): each category of the
//! dictionaries per speaker or group and meeting, which words each entry matched, and keyness of the categories
//! between the compared pair ([`crate::stats::dictionary`] counts them). Without `--dictionary` nothing is written
//! and the page says nothing of them.

use serde::Serialize;

use crate::report::{ReportConfig, WriteError};
use crate::stats::dictionary::{per_10k, DictionaryCounts, Tally};
use crate::stats::freq::ALL;
use crate::stats::keyness::OTHERS;
use crate::text::dictionary::Matcher;

use super::{write_table_ranked, Context, Made, Row, Table};

const COUNTS: &str = "dictionary.csv";
const COUNTS_ABOUT: &str = "Each dictionary category per speaker or group (* all) and meeting (* all meetings): hits, per 10,000 words, share of the top-level hits, weighted hits and the words counted.";
const TERMS: &str = "dictionary_terms.csv";
const TERMS_ABOUT: &str =
    "Which words each dictionary entry matched and how often (entries that matched nothing with count 0), to audit the dictionary.";
const KEYNESS: &str = "dictionary_keyness.csv";
const KEYNESS_ABOUT: &str =
    "Keyness of each dictionary category for the first of the compared pair against the second.";
const METHOD: &str = "With `--dictionary` (quanteda's YAML, LIWC `.dic`, Lexicoder `.lc3` or WordStat `.cat`; several files are \
     merged, categories of the same name joined). An entry is a glob (`*` any run of letters, `?` one) or a phrase \
     of globs, compared without regard to case and with ё as е with each word's key and, in the stem or lemma view \
     (`--view`), also with its stem or lemma: it matches a word if it matches either. A phrase matches consecutive \
     words of one sentence with nothing but spaces between them. A category counts the matches of its own entries \
     and of the entries of every category nested in it (`economy.trade` counts in `economy` too), left to right, \
     the longest at each place, never two that share a word: a word that two entries of one category match counts \
     once for that category, a phrase once.\n\n\
     `dictionary.csv`: per speaker or group (`*` all) and meeting (`*` all meetings), every category: `count` hits; \
     `per_10k` = 10,000 · count / `words`, the words of the group in the meeting; `share` = count / the sum of the \
     counts of the top-level categories of the same group and meeting (`NaN` where none was counted); `weighted`, \
     the sum of the weights of the entries of the hits (WordStat's `WORD (2)`; equal to `count` without weights).\n\n\
     `dictionary_terms.csv`: every entry with each word (a phrase: its words) it matched, as a key and as most \
     often written, and how often, by entry in dictionary order, then count; an entry matched everywhere it \
     matches, even where another entry of its category matched the same word. An entry that matched nothing has \
     one row with an empty term and count 0.\n\n\
     `dictionary_keyness.csv`: for the compared pair (`--pair`, or the keyness chart's default), each category's \
     hits a in the first's c words against b in the second's d words (all other speakers' for `*`), with the \
     measures of `keyness.csv`: signed G², its p-value, Log Ratio and the log-odds z.";

/// One row of `dictionary.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryRow<'a> {
    /// Speaker or group, `*` for all.
    pub group: &'a str,
    /// Meeting id, `*` for all meetings.
    pub meeting: &'a str,
    /// The category's path (`economy.trade`).
    pub category: &'a str,
    /// Hits.
    pub count: u64,
    /// Hits per 10,000 words.
    pub per_10k: f64,
    /// Share of the top-level categories' hits.
    pub share: f64,
    /// Weighted hits.
    pub weighted: f64,
    /// The words counted.
    pub words: u64,
}

impl Row for CategoryRow<'_> {
    const HEADER: &'static str = "group,meeting,category,count,per_10k,share,weighted,words";
    const TYPES: &'static str = "str,str,str,int,f64,f64,f64,int";
}

/// One row of `dictionary_terms.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRow<'a> {
    /// The entry's category.
    pub category: &'a str,
    /// The entry, keyed.
    pub entry: String,
    /// The keys it matched, space-separated.
    pub term: String,
    /// How they are most often written.
    pub form: String,
    /// Matches.
    pub count: u64,
}

impl Row for TermRow<'_> {
    const HEADER: &'static str = "category,entry,term,form,count";
    const TYPES: &'static str = "str,str,str,str,int";
}

/// One row of `dictionary_keyness.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryKeynessRow<'a> {
    /// The first of the pair.
    pub target: &'a str,
    /// The second, or `*`.
    pub reference: &'a str,
    /// The category.
    pub category: &'a str,
    /// a.
    pub count_target: u64,
    /// b.
    pub count_reference: u64,
    /// c.
    pub total_target: u64,
    /// d.
    pub total_reference: u64,
    /// Signed G².
    pub g2: f64,
    /// Its p-value.
    pub p_value: f64,
    /// Log Ratio.
    pub log_ratio: f64,
    /// Log-odds z.
    pub log_odds_z: f64,
}

impl Row for CategoryKeynessRow<'_> {
    const HEADER: &'static str = "target,reference,category,count_target,count_reference,total_target,total_reference,g2,p_value,log_ratio,log_odds_z";
    const TYPES: &'static str = "str,str,str,int,int,int,int,f64,f64,f64,f64";
}

/// The three dictionary tables.
pub struct DictionaryTables;

impl Table for DictionaryTables {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![
            (COUNTS, CategoryRow::HEADER),
            (TERMS, TermRow::HEADER),
            (KEYNESS, CategoryKeynessRow::HEADER),
        ]
    }

    fn phase(&self) -> &'static str {
        "dictionary"
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn shown(&self, config: &ReportConfig) -> bool {
        config.dictionary.is_some()
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let Some(stats) = cx.dictionary()? else {
            return Ok(Made::default());
        };
        let mut made =
            write_table_ranked(cx, COUNTS, COUNTS_ABOUT, &count_rows(cx, stats), |a, b| {
                // All speakers in all meetings first, then the charted speakers' totals.
                let rank =
                    |r: &CategoryRow| (r.meeting != ALL, r.group != ALL, cx.chart_rank(r.group));
                rank(a).cmp(&rank(b))
            })?;
        let terms = term_rows(cx, stats);
        made.append(write_table_ranked(
            cx,
            TERMS,
            TERMS_ABOUT,
            &terms,
            |a, b| b.count.cmp(&a.count),
        )?);
        let keyness = keyness_rows(cx, stats);
        made.append(write_table_ranked(
            cx,
            KEYNESS,
            KEYNESS_ABOUT,
            &keyness,
            |a, b| b.g2.abs().total_cmp(&a.g2.abs()),
        )?);
        Ok(made)
    }
}

/// The rows of one group in one meeting (or all): every category.
fn group_rows<'a>(
    names: &[&'a str],
    tops: &[usize],
    (group, meeting): (&'a str, &'a str),
    (words, tallies): (u64, Vec<Tally>),
    out: &mut Vec<CategoryRow<'a>>,
) {
    let top: u64 = tops.iter().map(|&c| tallies[c].count).sum();
    for (c, t) in tallies.iter().enumerate() {
        out.push(CategoryRow {
            group,
            meeting,
            category: names[c],
            count: t.count,
            per_10k: per_10k(t.count, words),
            share: if top == 0 {
                f64::NAN
            } else {
                t.count as f64 / top as f64
            },
            weighted: t.weighted,
            words,
        });
    }
}

/// `dictionary.csv`: every speaker (by name) overall and in each meeting, then all speakers.
fn count_rows<'a>(cx: &'a Context, stats: &'a DictionaryCounts) -> Vec<CategoryRow<'a>> {
    let (corpus, counts) = (cx.corpus, stats);
    let dictionary = stats.matcher.dictionary();
    let names: Vec<&str> = dictionary
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let tops: Vec<usize> = dictionary.top().map(|c| c as usize).collect();
    let mut rows = Vec::new();
    let mut p = 0;
    while p < counts.pairs.len() {
        let speaker = counts.pairs[p].0;
        let name = corpus.speakers[speaker as usize].as_str();
        group_rows(
            &names,
            &tops,
            (name, ALL),
            counts.sum(|s, _| s == speaker),
            &mut rows,
        );
        while p < counts.pairs.len() && counts.pairs[p].0 == speaker {
            let meeting = corpus.meetings[counts.pairs[p].1 as usize].id.as_str();
            let one = (counts.words[p], counts.tallies(p).to_vec());
            group_rows(&names, &tops, (name, meeting), one, &mut rows);
            p += 1;
        }
    }
    group_rows(
        &names,
        &tops,
        (ALL, ALL),
        counts.sum(|_, _| true),
        &mut rows,
    );
    for (m, info) in corpus.meetings.iter().enumerate() {
        let (words, tallies) = counts.sum(|_, meeting| meeting as usize == m);
        if words > 0 {
            group_rows(
                &names,
                &tops,
                (ALL, info.id.as_str()),
                (words, tallies),
                &mut rows,
            );
        }
    }
    rows
}

/// `dictionary_terms.csv`.
fn term_rows<'a>(cx: &'a Context, stats: &'a DictionaryCounts) -> Vec<TermRow<'a>> {
    let corpus = cx.corpus;
    let dictionary = stats.matcher.dictionary();
    let mut rows: Vec<(usize, TermRow)> = Vec::new();
    let mut matched = vec![false; dictionary.entries.len()];
    for t in &stats.terms {
        matched[t.entry as usize] = true;
        let entry = &dictionary.entries[t.entry as usize];
        let texts: Vec<&str> = t.keys.iter().map(|&k| corpus.keys.text(k)).collect();
        let forms: Vec<&str> = t.keys.iter().map(|&k| corpus.keys.form(k)).collect();
        let row = TermRow {
            category: &dictionary.categories[entry.category as usize].name,
            entry: entry.text(),
            term: texts.join(" "),
            form: forms.join(" "),
            count: t.count,
        };
        rows.push((t.entry as usize, row));
    }
    for (e, entry) in dictionary.entries.iter().enumerate() {
        if !matched[e] {
            let row = TermRow {
                category: &dictionary.categories[entry.category as usize].name,
                entry: entry.text(),
                term: String::new(),
                form: String::new(),
                count: 0,
            };
            rows.push((e, row));
        }
    }
    rows.sort_by(|(e, a), (f, b)| {
        e.cmp(f)
            .then(b.count.cmp(&a.count))
            .then_with(|| a.term.cmp(&b.term))
    });
    rows.into_iter().map(|(_, r)| r).collect()
}

/// `dictionary_keyness.csv`: the compared pair, categories in dictionary order.
fn keyness_rows<'a>(cx: &'a Context, stats: &'a DictionaryCounts) -> Vec<CategoryKeynessRow<'a>> {
    let corpus = cx.corpus;
    let Some((a, b)) = &cx.pair else {
        return Vec::new();
    };
    let (Some(target), reference) = (corpus.speaker_id(a), corpus.speaker_id(b)) else {
        return Vec::new();
    };
    if reference.is_none() && b != OTHERS {
        return Vec::new();
    }
    let names = &stats.matcher.dictionary().categories;
    let target_name = corpus.speakers[target as usize].as_str();
    let reference_name = reference.map_or(OTHERS, |r| corpus.speakers[r as usize].as_str());
    stats
        .keyness(target, reference)
        .into_iter()
        .map(|(c, x, y, total_x, total_y, k)| CategoryKeynessRow {
            target: target_name,
            reference: reference_name,
            category: &names[c as usize].name,
            count_target: x,
            count_reference: y,
            total_target: total_x,
            total_reference: total_y,
            g2: k.g2,
            p_value: k.p_value,
            log_ratio: k.log_ratio,
            log_odds_z: k.log_odds_z,
        })
        .collect()
}

impl Context<'_> {
    /// The dictionaries of `--dictionary`, compiled and counted in the corpus (matched on keys and on the terms of
    /// `--view`); `None` without them. Shared by the tables and the charts.
    pub fn dictionary(&self) -> Result<Option<&DictionaryCounts>, WriteError> {
        let Some(dictionary) = &self.config.dictionary else {
            return Ok(None);
        };
        let stats = self.shared.dictionary.get_or_try(|| {
            let matcher = Matcher::new(dictionary.clone());
            Ok(DictionaryCounts::new(
                self.corpus,
                self.config.view,
                matcher,
            )?)
        })?;
        Ok(Some(stats))
    }
}
