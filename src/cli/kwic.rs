//! `stenogram kwic`: keyword in context, and the concordance tables around the same node: hits (optionally
//! sorted by the words left or right of it), its collocates within a window (`--collocates`) or its clusters
//! (`--clusters N`). The options are checked before any file is read.

use std::path::PathBuf;

use anyhow::Context;
use clap::{ArgGroup, Args};
use serde::Serialize;

use stenogram::corpus::View;
use stenogram::stats::clusters::{self, clusters};
use stenogram::stats::collocates::{self, collocates, Window};
use stenogram::stats::concordance::CategoryPattern;
use stenogram::stats::kwic::{self as hits, kwic_sorted, ConcordanceError, Pattern, Sort};
use stenogram::text::dictionary::{CategoryId, Matcher};
use stenogram::transcript::find_named;

use super::input::InputArgs;
use super::numbers::{count, whole};
use super::output::with_output;
use super::Outcome;

/// Arguments of `kwic`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("table").args(["collocates", "clusters"])))]
#[command(after_help = "Examples:
  stenogram kwic товарооборота corpus/                the key (any case, ё = е)
  stenogram kwic --stem сотрудничество corpus/        every form with that stem
  stenogram kwic --lemma выборы corpus/               every form of that lemma (выборы, выборов, not выбор)
  stenogram kwic 'Союзное государство' ../shared/corpus/kremlin     a phrase
  stenogram kwic --regex 'миллиард\\w*' --speaker В.Путин ../shared/corpus/kremlin
  stenogram kwic --width 60 --out hits.csv сотрудничество corpus/
  stenogram kwic --narrator 'Л.Толстой' --stem война novel.txt      plain prose as one speaker
  stenogram kwic --sort left:2 сотрудничество ../shared/corpus/kremlin   hits by L1, then L2
  stenogram kwic --lemma санкция --collocates ../shared/corpus/kremlin  5 words a side
  stenogram kwic --collocates --window 3,0 Россия ../shared/corpus/kremlin  3 words left only
  stenogram kwic --clusters 3 Россия ../shared/corpus/kremlin           3-word clusters
  stenogram kwic --category security.threat --dictionary d.yml --lemma ../shared/corpus/kremlin

--collocates: every word within the window of each occurrence of the node (in its turn, across \
sentences; numbers and punctuation take no place), counted in the pattern's view (key, --stem or \
--lemma). Columns: collocate; form (most frequent as written); count_window = O = count_left + \
count_right (another occurrence of the node counts, as in AntConc); count_corpus = f_c, among the N \
words searched; mi = log2(O/E); log_dice = 14 + log2(2·O/(f_n + f_c)); t_score = (O − E)/√O; \
where f_n = occurrences of the node, S = words in a window (left + right) and E = f_n·f_c·S/N. Tools \
without the window correction (#LancsBox, Sketch Engine) report MI + log2(S). Sorted by count_window, \
then collocate.

--clusters N: every run of N words (no punctuation, number or symbol between them) that holds the \
whole node, counted once however many occurrences it holds. Columns: cluster (the words in the \
pattern's view), form (most frequent as written), count, meetings. Sorted by count, then cluster.")]
pub struct KwicArgs {
    /// A word or phrase (matched by key), one whose stems or lemmas to match (--stem, --lemma), or a regular
    /// expression (--regex); not with --category.
    #[arg(required_unless_present = "category")]
    pub pattern: Option<String>,
    /// The hits of this category of the --dictionary files (its path, as economy.trade), its entries matched as
    /// the report matches them: on keys, and with --stem or --lemma also on stems or lemmas.
    /// With it, every argument is a path.
    #[arg(long, value_name = "NAME", requires = "dictionary", conflicts_with_all = ["regex", "table"])]
    pub category: Option<String>,
    /// A dictionary file for --category (quanteda YAML .yml, LIWC .dic, Lexicoder .lc3, WordStat .cat); repeat to
    /// merge several.
    #[arg(long, value_name = "FILE", requires = "category")]
    pub dictionary: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Match every word with the pattern's stem.
    #[arg(long, conflicts_with_all = ["regex", "lemma"])]
    pub stem: bool,
    /// Match every word with the pattern's lemma (a Russian word as the dictionary reads it; other words by stem).
    #[arg(long, conflicts_with = "regex")]
    pub lemma: bool,
    /// Treat the pattern as a regular expression over the spoken text (hits only: not with --collocates or
    /// --clusters, which count words).
    #[arg(long)]
    pub regex: bool,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 40, conflicts_with = "table")]
    pub width: usize,
    /// Sort the hits by the words left or right of the node, nearest first (L1, L2, … or R1, R2, …), comparing N
    /// words (default 3) by key (lowercase, ё = е); hits with the same words keep their text order.
    #[arg(long, value_name = "left|right[:N]", value_parser = parse_sort, conflicts_with = "table")]
    pub sort: Option<Sort>,
    /// Print the node's collocates instead of its hits: the words within --window of it, with counts, MI, logDice
    /// and t-score (see below).
    #[arg(long)]
    pub collocates: bool,
    /// Words on each side of the node (N), or left and right (L,R), for --collocates.
    #[arg(long, value_name = "N|L,R", default_value = "5", value_parser = parse_window, requires = "collocates")]
    pub window: Window,
    /// Print the node's clusters of N words instead of its hits (see below).
    #[arg(long, value_name = "N", value_parser = whole(1, None))]
    pub clusters: Option<u64>,
    /// Leave out collocates (by count_window) and clusters seen fewer than N times.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = whole(1, None), requires = "table")]
    pub min_count: u64,
    /// Only this speaker's turns.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Attribute files without speaker labels (plain prose) to this speaker instead of narration.
    #[arg(long, value_name = "NAME")]
    pub narrator: Option<String>,
    /// Write CSV here instead of stdout (`-` is stdout).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_sort(s: &str) -> Result<Sort, String> {
    s.parse().map_err(|e: ConcordanceError| e.to_string())
}

fn parse_window(s: &str) -> Result<Window, String> {
    s.parse().map_err(|e: ConcordanceError| e.to_string())
}

/// What `kwic` prints.
#[derive(Debug)]
enum Table {
    /// The hits, in text order or sorted.
    Hits(Option<Sort>),
    /// The collocates.
    Collocates(Window),
    /// The clusters of this many words.
    Clusters(usize),
}

/// `kwic`'s arguments checked before any file is read.
#[derive(Debug)]
struct Checked {
    pattern: Pattern,
    table: Table,
}

impl Checked {
    fn new(args: &KwicArgs) -> anyhow::Result<Checked> {
        let text = args.pattern.clone().unwrap_or_default();
        let pattern = if let Some(name) = &args.category {
            category(args, name)?
        } else if args.regex {
            Pattern::Regex(
                regex::Regex::new(&text)
                    .with_context(|| format!("invalid regular expression '{text}'"))?,
            )
        } else if args.stem {
            Pattern::Stem(text)
        } else if args.lemma {
            Pattern::Lemma(text)
        } else {
            Pattern::Key(text)
        };
        let table = if args.collocates {
            Table::Collocates(args.window)
        } else if let Some(n) = args.clusters {
            Table::Clusters(usize::try_from(n).unwrap_or(usize::MAX))
        } else {
            Table::Hits(args.sort)
        };
        let option = match table {
            Table::Collocates(_) => "--collocates",
            Table::Clusters(_) => "--clusters",
            Table::Hits(_) => "",
        };
        match (&table, pattern.words()) {
            (Table::Hits(_), _) => {}
            (_, None) => anyhow::bail!("--regex with {option}: {}", ConcordanceError::Regex),
            (Table::Clusters(size), Some(words)) if *size < words => anyhow::bail!(
                "--clusters: {}",
                ConcordanceError::ClusterTooShort { size: *size, words }
            ),
            _ => {}
        }
        Ok(Checked { pattern, table })
    }
}

/// The pattern of `--category NAME`: the category of the merged `--dictionary` files called NAME (or, if none is,
/// the one NAME names in another case).
fn category(args: &KwicArgs, name: &str) -> anyhow::Result<Pattern> {
    let Some(dictionary) = super::dictionaries::read(&args.dictionary, false)? else {
        anyhow::bail!("--category: give the dictionary with --dictionary FILE");
    };
    let lower = name.to_lowercase();
    let found = dictionary.category(name).or_else(|| {
        let mut same = (0..dictionary.categories.len())
            .filter(|&c| dictionary.categories[c].name.to_lowercase() == lower);
        match (same.next(), same.next()) {
            (Some(c), None) => Some(c as CategoryId),
            _ => None,
        }
    });
    let Some(category) = found else {
        let names: Vec<&str> = dictionary
            .categories
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        anyhow::bail!(
            "--category: the dictionary has no category '{name}'; it has {}",
            names.join(", ")
        );
    };
    let view = if args.lemma {
        View::Lemma
    } else if args.stem {
        View::Stem
    } else {
        View::Key
    };
    Ok(Pattern::Category(std::sync::Arc::new(CategoryPattern {
        matcher: Matcher::new(dictionary),
        category,
        view,
    })))
}

/// The input: with --category there is no pattern, so the first argument clap took for one is a path (and the
/// default path `corpus` is left out when it is the only other).
fn inputs(args: &KwicArgs) -> std::borrow::Cow<'_, InputArgs> {
    match (&args.category, &args.pattern) {
        (Some(_), Some(first)) => {
            let mut input = args.input.clone();
            if input.paths == [PathBuf::from("corpus")] {
                input.paths.clear();
            }
            input.paths.insert(0, PathBuf::from(first));
            std::borrow::Cow::Owned(input)
        }
        _ => std::borrow::Cow::Borrowed(&args.input),
    }
}

/// Writes `rows` as CSV with `columns` as the header (also when there are no rows).
fn write_csv<R: Serialize>(
    out: Option<&std::path::Path>,
    columns: &[&str],
    rows: &[R],
) -> anyhow::Result<()> {
    with_output(out, |out| {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(out);
        w.write_record(columns)?;
        for r in rows {
            w.serialize(r)?;
        }
        w.flush()?;
        Ok(())
    })
}

/// "N seen fewer than M times left out", when any were.
fn left_out(n: usize, noun: &str, min_count: u64) -> String {
    match n {
        0 => String::new(),
        n => format!(
            "; {} seen fewer than {} left out (--min-count 1 lists them)",
            count(n, noun),
            count(min_count as usize, "time")
        ),
    }
}

/// Runs `kwic`; returns whether any input failed.
pub fn run(args: &KwicArgs) -> anyhow::Result<Outcome> {
    let checked = Checked::new(args)?;
    let input = inputs(args);
    let corpus = input.load(args.narrator.as_deref())?;
    let failed = input.report_diagnostics(&corpus, false);
    let meetings: Vec<_> = corpus.meetings().collect();
    let speaker = match &args.speaker {
        None => None,
        Some(name) => {
            let mut speakers: Vec<String> = meetings
                .iter()
                .flat_map(|m| m.turns().map(|t| t.speaker.clone()))
                .collect();
            speakers.sort();
            speakers.dedup();
            let found = find_named(&speakers, name)
                .map_err(|e| anyhow::anyhow!("--speaker: {e}; `stenogram speakers` lists them"))?;
            Some(found)
        }
    };
    let speaker = speaker.as_deref();
    let out = args.out.as_deref();
    match checked.table {
        Table::Hits(sort) => {
            let rows = kwic_sorted(&meetings, &checked.pattern, args.width, speaker, sort);
            eprintln!("{}", count(rows.len(), "hit"));
            write_csv(out, &hits::COLUMNS, &rows)?;
        }
        Table::Collocates(window) => {
            let c = collocates(&meetings, &checked.pattern, speaker, window, args.min_count)?;
            eprintln!(
                "{} among {}; {} within {} left and {} right{}",
                count(c.hits as usize, "hit"),
                count(c.words as usize, "word"),
                count(c.rows.len(), "collocate"),
                count(window.left, "word"),
                count(window.right, "word"),
                left_out(c.left_out, "collocate", args.min_count)
            );
            write_csv(out, &collocates::COLUMNS, &c.rows)?;
        }
        Table::Clusters(size) => {
            let c = clusters(&meetings, &checked.pattern, speaker, size, args.min_count)?;
            eprintln!(
                "{}; {} of {}{}",
                count(c.hits as usize, "hit"),
                count(c.rows.len(), "cluster"),
                count(size, "word"),
                left_out(c.left_out, "cluster", args.min_count)
            );
            write_csv(out, &clusters::COLUMNS, &c.rows)?;
        }
    }
    Ok(Outcome::of(failed))
}
