//! The input options every corpus-reading subcommand shares, and loading the corpus with its diagnostics.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use stenogram::transcript::{
    read_corpus, read_text, Aliases, DateRange, FileWarning, Language, ReadError, ReadOptions,
    TableColumns, Transcripts,
};

/// Where transcripts come from and how to read them.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Transcript files, kremlin.ru pages (*.html, *.htm), table corpora (*.csv, *.tsv, *.jsonl: one row per turn)
    /// or directories (walked recursively for all of these; hidden entries, entries that are not regular files and
    /// folders holding a stenogram report are left out).
    #[arg(value_name = "PATHS", default_value = "corpus")]
    pub paths: Vec<PathBuf>,
    /// The columns of table corpora, where their names are not the usual ones: ROLE=COLUMN pairs, comma-separated;
    /// roles text, speaker, meeting, date, title, turn, interpreted (e.g. text=body,speaker=who).
    #[arg(long, value_name = "ROLE=COLUMN,...")]
    pub columns: Option<String>,
    /// CSV file `label,speaker` joining other spellings of a speaker.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// Language of the texts (ru or en) instead of detecting it per file.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
    /// Only the meetings of this day or later (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only the meetings of this day or earlier (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Write every warning, skipped page and error to FILE, one a line (stderr shows a count per kind when there
    /// are many).
    #[arg(long, value_name = "FILE")]
    pub diagnostics: Option<PathBuf>,
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| format!("unknown language '{s}' (use ru or en)"))
}

/// The name under which files without speaker labels (plain prose) are read.
#[derive(Debug, Args, Clone)]
pub struct NarratorArg {
    /// Attribute files without speaker labels (plain prose) to this speaker instead of narration.
    #[arg(long = "narrator", value_name = "NAME")]
    pub narrator: Option<String>,
    /// The old spelling of --narrator, which read like kwic's speaker filter: an error that names the new one.
    #[arg(long = "speaker", value_name = "NAME", hide = true, value_parser = renamed_speaker)]
    pub renamed: Option<String>,
}

/// `--speaker` outside `kwic`: it used to name the narrator of unlabelled files, which read as a filter.
fn renamed_speaker(name: &str) -> Result<String, String> {
    Err(format!(
        "--speaker is kwic's filter; to read files without labels as the words of '{name}', use --narrator '{name}'"
    ))
}

impl InputArgs {
    /// Reads the alias file, if any (a problem in it is a usage error).
    pub fn aliases(&self) -> anyhow::Result<Aliases> {
        Ok(match &self.aliases {
            None => Aliases::default(),
            Some(path) => {
                let shown = path.display().to_string();
                let data = read_text(path).context("cannot read the alias file")?;
                Aliases::from_csv(&shown, data.text.as_bytes())?
            }
        })
    }

    /// How to read files (a malformed date or `--columns` is a usage error).
    pub fn read_options(&self, narrator: Option<&str>) -> anyhow::Result<ReadOptions> {
        let dates = DateRange::parse(self.since.as_deref(), self.until.as_deref())
            .map_err(|e| anyhow::anyhow!("--since/--until: {e}"))?;
        let columns = match &self.columns {
            None => TableColumns::default(),
            Some(spec) => {
                TableColumns::parse(spec).map_err(|e| anyhow::anyhow!("--columns: {e}"))?
            }
        };
        Ok(ReadOptions {
            narrator: narrator.map(str::to_string),
            language: self.lang,
            dates,
            columns,
        })
    }

    /// Reads the corpus. Alias-file problems are usage errors (`Err`); bad transcripts are in `Transcripts::errors`.
    pub fn load(&self, narrator: Option<&str>) -> anyhow::Result<Transcripts> {
        Ok(read_corpus(
            &self.paths,
            &self.read_options(narrator)?,
            self.aliases()?,
        ))
    }
}

impl InputArgs {
    /// Prints a corpus's warnings and errors to stderr (and to `--diagnostics`); returns whether any file failed.
    pub fn report_diagnostics(&self, corpus: &Transcripts, quiet: bool) -> bool {
        print_left_out(corpus.left_out, quiet);
        self.print_diagnostics(&corpus.warnings, &corpus.errors, quiet)
    }

    /// Prints warnings (unless quiet) and errors to stderr, a count per kind when there are many, and every one to
    /// `--diagnostics`; returns whether there were errors.
    pub fn print_diagnostics(
        &self,
        warnings: &[FileWarning],
        errors: &[ReadError],
        quiet: bool,
    ) -> bool {
        super::diagnostics::print(warnings, errors, quiet, self.diagnostics.as_deref())
    }
}

/// Says how many meetings `--since`/`--until` left out (unless quiet or none).
pub fn print_left_out((left_out, undated): (usize, usize), quiet: bool) {
    if left_out > 0 && !quiet {
        let undated = match undated {
            0 => String::new(),
            n => format!(", {} of them without a date", n),
        };
        eprintln!(
            "note: --since/--until left out {}{undated}",
            super::numbers::count(left_out, "meeting")
        );
    }
}
