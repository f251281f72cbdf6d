//! The input options every corpus-reading subcommand shares, and loading the corpus with its diagnostics.

use std::path::PathBuf;

use clap::Args;

use stenogram::run::ReadingOptions;
use stenogram::transcript::{FileWarning, Language, ReadError, Transcripts};

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
    /// The library's reading options of these arguments.
    pub fn reading(&self, narrator: Option<&str>) -> ReadingOptions {
        ReadingOptions {
            paths: self.paths.clone(),
            columns: self.columns.clone(),
            aliases: self.aliases.clone(),
            lang: self.lang,
            since: self.since.clone(),
            until: self.until.clone(),
            narrator: narrator.map(str::to_string),
        }
    }

    /// Reads the corpus. Alias-file problems are usage errors (`Err`); bad transcripts are in `Transcripts::errors`.
    pub fn load(&self, narrator: Option<&str>) -> anyhow::Result<Transcripts> {
        Ok(stenogram::run::parse::read(&self.reading(narrator))?)
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
pub fn print_left_out(left_out: (usize, usize), quiet: bool) {
    if let (Some(note), false) = (stenogram::run::left_out_note(left_out), quiet) {
        eprintln!("note: {note}");
    }
}
