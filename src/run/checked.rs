//! `report`'s options checked before any transcript is read (ripgrep's low-level to high-level arguments): every
//! option file read and parsed, the output directory possible, and the library's configuration made; then, once
//! the corpus is read, the names the options give found among its speakers or groups.

use std::path::{Path, PathBuf};

use crate::corpus::{AnalysisOptions, Corpus};
use crate::report::ReportConfig;
use crate::stats::colloc::CollocOptions;
use crate::stats::keyness::Reference;
use crate::stats::mfw::Mfw;
use crate::text::{Language, Stopwords};
use crate::transcript::{find_named, read_info, read_text, Aliases, InfoTable, ReadOptions};

use super::dictionaries;
use super::errors::{chain, UsageError};
use super::messages::{Listener, Message};
use super::options::ReportOptions;

/// The options of a run, checked.
pub struct Checked {
    /// The transcripts.
    pub paths: Vec<PathBuf>,
    /// The folders of counts to report instead of transcripts (`--from-counts`), if any.
    pub from_counts: Vec<PathBuf>,
    /// How to read them.
    pub read: ReadOptions,
    /// Other spellings of speakers.
    pub aliases: Aliases,
    /// How to analyse them.
    pub analysis: AnalysisOptions,
    /// The report's configuration (names as given until [`Checked::resolve_names`]).
    pub config: ReportConfig,
    speaker_info: Option<InfoTable>,
    meeting_info: Option<InfoTable>,
    /// The attributes of --group-by, lowercase; empty when speakers are compared.
    pub group_by: Vec<String>,
}

fn read_stopwords(path: &Path) -> Result<Stopwords, UsageError> {
    let text = read_text(path).map_err(|e| UsageError::of("cannot read the stopword list", &e))?;
    Ok(Stopwords::parse(&text.text))
}

/// The stopword list of `--stopwords` and `--extra-stopwords` (`None`: the built-in lists of the languages read).
fn stopwords(options: &ReportOptions) -> Result<Option<Stopwords>, UsageError> {
    let mut stopwords = match options.stopwords.as_deref() {
        None => None,
        Some("none") => Some(Stopwords::none()),
        Some(file) => Some(read_stopwords(Path::new(file))?),
    };
    if let Some(extra) = &options.extra_stopwords {
        let extra = read_stopwords(extra)?;
        match &mut stopwords {
            Some(s) => s.extend(extra),
            None => {
                // Extend the built-in lists of both languages.
                let mut s = Stopwords::builtin(Language::Ru);
                s.extend(Stopwords::builtin(Language::En));
                s.extend(extra);
                stopwords = Some(s);
            }
        }
    }
    Ok(stopwords)
}

/// Names of a list option, trimmed, blanks left out.
fn names(list: &Option<Vec<String>>) -> Option<Vec<String>> {
    list.as_ref().map(|names| {
        names
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect()
    })
}

/// `--group-by`'s attributes, lowercase, each once (`speaker` alone: none).
fn group_by(given: &[String]) -> Result<Vec<String>, UsageError> {
    let group_by: Vec<String> = given
        .iter()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())
        .collect();
    if let Some(twice) = group_by
        .iter()
        .enumerate()
        .find(|(i, a)| group_by[..*i].contains(a))
    {
        return Err(UsageError(format!(
            "--group-by: '{}' is there twice",
            twice.1
        )));
    }
    Ok(if group_by == ["speaker"] {
        Vec::new()
    } else {
        group_by
    })
}

fn info(
    path: &Option<PathBuf>,
    keys: &[&str],
    option: &str,
) -> Result<Option<InfoTable>, UsageError> {
    path.as_deref()
        .map(|p| read_info(p, keys))
        .transpose()
        .map_err(|e| UsageError::of(option, &e))
}

impl Checked {
    /// Checks every option that can be checked without the transcripts: a malformed option is reported before any
    /// file is read. The dictionaries' warnings go to `listener`.
    pub fn new(
        options: &ReportOptions,
        listener: &mut dyn Listener,
    ) -> Result<Checked, UsageError> {
        options.check_numbers()?;
        crate::report::write::check_output_dir(&options.out).map_err(|e| UsageError(chain(&e)))?;
        let stopwords = stopwords(options)?;
        let aliases = options.reading.aliases()?;
        crate::text::lemma::Lemmatizer::new().map_err(|e| UsageError(chain(&e)))?;
        let view = options.view;
        let pair = match names(&options.pair) {
            None => None,
            Some(pair) => match <[String; 2]>::try_from(pair) {
                Ok([a, b]) => Some((a, b)),
                Err(_) => {
                    return Err(UsageError(
                        "--pair: give two speakers, comma-separated (A,B)".into(),
                    ))
                }
            },
        };
        let speaker_info = info(&options.speaker_info, &["speaker"], "--speaker-info")?;
        let meeting_info = info(
            &options.meeting_info,
            &["meeting", "file"],
            "--meeting-info",
        )?;
        let group_by = group_by(&options.group_by)?;
        let mfw: Mfw = options.mfw.parse().map_err(|e| UsageError(chain(&e)))?;
        let read = options.reading.read_options()?;
        let (dictionary, warnings) = dictionaries::read(&options.dictionary)?;
        for warning in warnings {
            listener.message(Message::Warning(&format!("--dictionary: {warning}")));
        }
        Ok(Checked {
            speaker_info,
            meeting_info,
            group_by,
            paths: options.reading.paths.clone(),
            from_counts: options.from_counts.clone(),
            read,
            aliases,
            analysis: AnalysisOptions {
                stopwords,
                language: options.reading.lang,
                token_budget: options.token_budget,
                cache: options.cache.clone(),
                interpreted: options.interpreted,
                content: options.content,
            },
            config: ReportConfig {
                out: options.out.clone(),
                top: options.top as usize,
                min_count: options.min_count,
                speakers: names(&options.speakers),
                terms: options
                    .terms
                    .iter()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect(),
                view,
                charts: options.charts,
                format: options.format,
                from_counts: !options.from_counts.is_empty(),
                mattr_window: options.window as usize,
                reference: options
                    .reference
                    .clone()
                    .map_or(Reference::Others, Reference::Speaker),
                pair,
                period: options.period,
                matrix: options.matrix,
                mfw,
                min_words: options.min_words,
                min_period_words: options.min_period_words,
                xray_meeting: options.xray_meeting.clone(),
                dictionary,
                colloc: CollocOptions {
                    view,
                    min_count: options.min_count,
                    skip_punct: options.skip_punct,
                    keep_stopwords: options.keep_stopword_pairs,
                },
            },
        })
    }

    /// Keeps what the info files say of the corpus' speakers and meetings in it (a row that names nobody: a
    /// warning), and groups its turns by --group-by, whose groups the options then name.
    pub fn describe(
        &mut self,
        corpus: &mut Corpus,
        listener: &mut dyn Listener,
    ) -> Result<(), UsageError> {
        let (metadata, warnings) = crate::corpus::groups::metadata(
            corpus,
            self.speaker_info.as_ref(),
            self.meeting_info.as_ref(),
        );
        for w in warnings {
            listener.message(Message::Warning(&w));
        }
        crate::corpus::describe(corpus, metadata, &self.group_by)
            .map_err(|e| UsageError::of("--group-by", &e))?;
        if !self.group_by.is_empty() {
            self.resolve_names(&corpus.speakers)?;
        }
        Ok(())
    }

    /// Finds the speakers named in options (`--speakers`, `--reference`, `--pair`) among the corpus' speakers, as
    /// labels are read (see [`find_named`]): a name that matches nobody, or several speakers, is an error.
    pub fn resolve_names(&mut self, speakers: &[String]) -> Result<(), UsageError> {
        let find = |option: &str, name: &str| {
            find_named(speakers, name).map_err(|e| {
                UsageError(format!(
                    "{option}: {}; `stenogram speakers` lists them",
                    chain(&e)
                ))
            })
        };
        let config = &mut self.config;
        if let Some(chosen) = &mut config.speakers {
            let mut found: Vec<(String, String)> = Vec::new();
            for name in chosen.iter_mut() {
                let speaker = find("--speakers", name)?;
                if let Some((earlier, _)) = found.iter().find(|(_, s)| *s == speaker) {
                    let both = if earlier == name {
                        format!("'{name}' is there twice")
                    } else {
                        format!("'{earlier}' and '{name}' are both {speaker}")
                    };
                    return Err(UsageError(format!(
                        "--speakers: {both}; name each speaker once"
                    )));
                }
                found.push((name.clone(), speaker.clone()));
                *name = speaker;
            }
        }
        if let Reference::Speaker(reference) = &mut config.reference {
            *reference = find("--reference", reference)?;
        }
        if let Some((a, b)) = &mut config.pair {
            *a = find("--pair", a)?;
            *b = find("--pair", b)?;
            if a == b {
                return Err(UsageError(format!(
                    "--pair: {a} twice; give two different speakers"
                )));
            }
        }
        Ok(())
    }
}
