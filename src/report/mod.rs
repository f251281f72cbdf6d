//! The report: an analysed corpus to CSV tables, charts (PNG and SVG) and one self-contained `index.html`.
//!
//! [`run`] builds every table once ([`tables`]), draws the charts from those aggregates ([`charts`]) and writes the
//! HTML page ([`html`]); every file is written to a temporary name and renamed into place ([`mod@write`]).

use std::path::{Path, PathBuf};

use crate::stats::colloc::CollocOptions;
use crate::stats::growth::GrowthCurve;
use crate::stats::keyness::Reference;
use crate::stats::{Corpus, View, NARRATION};
use crate::transcript::label::GROUP_LABELS;
use crate::transcript::Audit;

pub mod charts;
pub mod html;
pub mod spool;
pub mod tables;
pub mod write;

use charts::Formats;
pub use write::WriteError;

/// How to make the report.
#[derive(Debug, Clone)]
pub struct ReportConfig {
    /// Output directory.
    pub out: PathBuf,
    /// Rows per chart panel and per HTML table.
    pub top: usize,
    /// Minimum count for collocations and keyness.
    pub min_count: u64,
    /// Speakers for the charts, in this order (all speakers' rows are still in the tables).
    pub speakers: Option<Vec<String>>,
    /// Terms for the trends table and the x-ray chart (the corpus's most frequent content words when empty).
    pub terms: Vec<String>,
    /// Term view for keyness, trends and the top-words chart.
    pub view: View,
    /// Chart formats.
    pub charts: Formats,
    /// MATTR window.
    pub mattr_window: usize,
    /// Keyness reference.
    pub reference: Reference,
    /// Collocation options.
    pub colloc: CollocOptions,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            out: PathBuf::from("reports"),
            top: 15,
            min_count: 3,
            speakers: None,
            terms: Vec::new(),
            view: View::Stem,
            charts: Formats::Both,
            mattr_window: crate::stats::lexdiv::MATTR_WINDOW,
            reference: Reference::Others,
            colloc: CollocOptions::default(),
        }
    }
}

/// What a report run wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// Files, relative to the output directory.
    pub files: Vec<String>,
}

/// The speakers the charts show: the configured ones that exist, in that order; otherwise up to four speakers with
/// the most words, group labels (`Вопрос`, `Question`, …) left out unless nobody else spoke.
pub fn leaders(corpus: &Corpus, config: &ReportConfig) -> Vec<String> {
    let mut words = vec![0usize; corpus.speakers.len()];
    for t in &corpus.turns {
        words[t.speaker as usize] += t.len();
    }
    if let Some(chosen) = &config.speakers {
        return chosen
            .iter()
            .filter(|s| corpus.speakers.contains(s))
            .cloned()
            .collect();
    }
    let mut order: Vec<usize> = (0..corpus.speakers.len()).collect();
    order.sort_by(|&a, &b| {
        words[b]
            .cmp(&words[a])
            .then_with(|| corpus.speakers[a].cmp(&corpus.speakers[b]))
    });
    let is_group = |s: &str| GROUP_LABELS.contains(&s) || s == NARRATION;
    let mut picked: Vec<String> = order
        .iter()
        .map(|&i| corpus.speakers[i].clone())
        .filter(|s| !is_group(s))
        .take(4)
        .collect();
    if picked.is_empty() {
        picked = order
            .iter()
            .map(|&i| corpus.speakers[i].clone())
            .take(4)
            .collect();
    }
    picked
}

/// The terms for trends and the x-ray: the configured ones, or the six most frequent content terms overall.
pub fn chosen_terms(tables: &tables::Tables, config: &ReportConfig) -> Vec<String> {
    if !config.terms.is_empty() {
        return config.terms.clone();
    }
    tables
        .freq
        .iter()
        .filter(|r| {
            r.speaker == crate::stats::freq::ALL && r.view == config.view.as_str() && !r.stopword
        })
        .take(6)
        .map(|r| r.form.to_string())
        .collect()
}

fn speaker_id(corpus: &Corpus, name: &str) -> Option<u32> {
    corpus
        .speakers
        .iter()
        .position(|s| s == name)
        .map(|i| i as u32)
}

/// Writes the whole report; `audits` are the parse audits of the files read.
pub fn run(
    corpus: &Corpus,
    audits: &[Audit],
    config: &ReportConfig,
    mut progress: impl FnMut(&str),
) -> Result<Written, WriteError> {
    let out = &config.out;
    if out.exists() && !out.is_dir() {
        return Err(WriteError::Io {
            path: out.display().to_string(),
            source: std::io::Error::other("exists and is not a directory"),
        });
    }
    std::fs::create_dir_all(out).map_err(|source| WriteError::Io {
        path: out.display().to_string(),
        source,
    })?;
    let leaders = leaders(corpus, config);
    progress("tables");
    let mut config = config.clone();
    let mut tables = tables::build(corpus, audits, &mut config, &leaders, &mut progress)?;
    corpus.tokens.check().map_err(WriteError::Tokens)?;
    let mut written = Written::default();
    progress("writing tables");
    written.files.extend(
        tables::write_all(&tables, out)?
            .into_iter()
            .map(String::from),
    );
    written.files.append(&mut tables.written);
    progress("charts");
    let charts = draw_charts(corpus, &tables, &config, &leaders, out)?;
    written.files.extend(charts.iter().cloned());
    corpus.tokens.check().map_err(WriteError::Tokens)?;
    progress("html");
    let page = html::page(corpus, &tables, &config, &leaders, &charts);
    write::atomic_write(&out.join("index.html"), |w| {
        w.write_all(page.as_bytes())
            .map_err(|source| WriteError::Io {
                path: out.join("index.html").display().to_string(),
                source,
            })
    })?;
    written.files.push("index.html".into());
    Ok(written)
}

fn draw_charts(
    corpus: &Corpus,
    t: &tables::Tables,
    config: &ReportConfig,
    leaders: &[String],
    out: &Path,
) -> Result<Vec<String>, WriteError> {
    use charts::render;
    let formats = config.charts;
    if formats == Formats::None {
        return Ok(Vec::new());
    }
    let top = config.top;
    let mut files = Vec::new();

    let view = config.view.as_str();
    let top_words = charts::top_words::TopWords {
        speakers: leaders
            .iter()
            .map(|s| {
                let words = t
                    .freq
                    .iter()
                    .filter(|r| r.speaker == s && r.view == view && !r.stopword)
                    .take(top)
                    .map(|r| (r.form.to_string(), r.per_10k))
                    .collect();
                (s.clone(), words)
            })
            .collect(),
        view,
    };
    files.extend(render(&top_words, out, formats)?);

    // Key words of the first leader against the second, or against everybody else when there is one leader.
    let pair = match leaders {
        [a, b, ..] => Some((a, b.as_str(), b.clone(), (0, 1))),
        [a] => Some((
            a,
            crate::stats::keyness::OTHERS,
            "all others".to_string(),
            (0, 7),
        )),
        [] => None,
    };
    if let Some((a, reference, shown, colors)) = pair {
        let rows: Vec<_> = t
            .keyness
            .iter()
            .filter(|r| r.target == a && r.reference == reference)
            .collect();
        let mut terms: Vec<(String, f64)> = rows
            .iter()
            .filter(|r| r.g2 > 0.0)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2))
            .collect();
        let mut negative: Vec<(String, f64)> = rows
            .iter()
            .rev()
            .filter(|r| r.g2 < 0.0)
            .take(top)
            .map(|r| (r.form.to_string(), r.g2))
            .collect();
        negative.reverse();
        terms.extend(negative);
        let chart = charts::keyness::Keyness {
            pair: (a.clone(), shown),
            terms,
            colors,
        };
        files.extend(render(&chart, out, formats)?);
    }

    let turn_lengths = charts::turn_lengths::TurnLengths {
        speakers: leaders
            .iter()
            .map(|s| {
                let id = speaker_id(corpus, s);
                (
                    s.clone(),
                    corpus
                        .turns
                        .iter()
                        .filter(|x| Some(x.speaker) == id)
                        .map(|x| x.len() as u32)
                        .collect(),
                )
            })
            .collect(),
    };
    files.extend(render(&turn_lengths, out, formats)?);

    let growth = charts::growth::Growth {
        speakers: leaders
            .iter()
            .filter_map(|s| {
                let id = speaker_id(corpus, s)?;
                let total = corpus
                    .turns
                    .iter()
                    .filter(|x| x.speaker == id)
                    .map(|x| x.len())
                    .sum();
                let mut curve = GrowthCurve::new(total, 400);
                corpus.for_each_chunk(corpus.turns.iter().filter(|x| x.speaker == id), |words| {
                    words.iter().for_each(|&w| curve.push(w))
                });
                Some((s.clone(), curve.finish()))
            })
            .collect(),
    };
    files.extend(render(&growth, out, formats)?);

    let across = charts::meetings::AcrossMeetings {
        speakers: leaders
            .iter()
            .map(|s| {
                let rows: Vec<_> = t
                    .meetings_by_speaker
                    .iter()
                    .filter(|r| &r.speaker == s)
                    .collect();
                let point = |r: &&crate::stats::trends::MeetingSpeakerRow, v: f64| {
                    charts::meetings::days_of(&r.date).map(|d| (d, r.date.clone(), v))
                };
                let types = rows
                    .iter()
                    .filter_map(|r| point(r, r.types as f64))
                    .collect();
                let mattr = rows
                    .iter()
                    .filter_map(|r| r.mattr.and_then(|m| point(r, m)))
                    .collect();
                (s.clone(), types, mattr)
            })
            .collect(),
        window: config.mattr_window,
    };
    files.extend(render(&across, out, formats)?);

    let colloc = charts::collocations::Collocations {
        speakers: leaders
            .iter()
            .map(|s| {
                let pairs = t
                    .bigrams
                    .iter()
                    .filter(|r| r.speaker == s)
                    .take(top)
                    .map(|r| (format!("{} {}", r.first, r.second), r.count, r.log_dice))
                    .collect();
                (s.clone(), pairs)
            })
            .collect(),
        min_count: config.min_count,
    };
    files.extend(render(&colloc, out, formats)?);

    files.extend(render(&xray(corpus, config, leaders), out, formats)?);
    Ok(files)
}

/// The x-ray of the chosen terms across the meeting with the most words.
fn xray(corpus: &Corpus, config: &ReportConfig, leaders: &[String]) -> charts::xray::XRay {
    let mut words = vec![0usize; corpus.meetings.len()];
    for t in &corpus.turns {
        words[t.meeting as usize] += t.len();
    }
    let meeting = (0..words.len()).max_by(|&a, &b| words[a].cmp(&words[b]).then_with(|| b.cmp(&a)));
    let Some(meeting) = meeting else {
        return charts::xray::XRay {
            meeting: String::new(),
            length: 0,
            terms: Vec::new(),
            speakers: Vec::new(),
        };
    };
    let view = config.view;
    let wanted: Vec<(String, Option<u32>)> = config
        .terms
        .iter()
        .map(|term| {
            let key = crate::text::normalize::key(term);
            let id = corpus.keys.get(&key).map(|k| view.term(corpus, k));
            (term.clone(), id)
        })
        .collect();
    let mut colour_of: Vec<(String, usize)> = leaders
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), i))
        .collect();
    let mut terms: Vec<(String, Vec<(usize, usize)>)> = wanted
        .iter()
        .map(|(t, _)| (t.clone(), Vec::new()))
        .collect();
    let mut pos = 0;
    let mut reader = corpus.reader();
    for t in corpus.turns.iter().filter(|t| t.meeting == meeting as u32) {
        let name = &corpus.speakers[t.speaker as usize];
        let c = match colour_of.iter().find(|(s, _)| s == name) {
            Some((_, c)) => *c,
            None => {
                let c = colour_of.len();
                colour_of.push((name.clone(), c));
                c
            }
        };
        for &w in reader.words(t) {
            let term = view.term(corpus, w);
            for (k, (_, id)) in wanted.iter().enumerate() {
                if *id == Some(term) {
                    terms[k].1.push((pos, c));
                }
            }
            pos += 1;
        }
    }
    let used: std::collections::BTreeSet<usize> =
        terms.iter().flat_map(|t| t.1.iter().map(|h| h.1)).collect();
    let info = &corpus.meetings[meeting];
    charts::xray::XRay {
        meeting: {
            let name = if info.title.is_empty() {
                &info.id
            } else {
                &info.title
            };
            if info.date.is_empty() {
                name.clone()
            } else {
                format!("{name} ({})", info.date)
            }
        },
        length: pos,
        terms,
        speakers: colour_of
            .into_iter()
            .filter(|(_, c)| used.contains(c))
            .collect(),
    }
}
