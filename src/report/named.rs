//! The table files a text names, as they are written under `--format`. Every text of the report names a table by
//! its CSV name (`freq.csv`, `speakers/NAME.csv`): the method texts, the tables' descriptions, the notes and
//! warnings, the page's sentences. Where a text is rendered for the page or told to the user, [`named`] gives it
//! with each such name as [`TableFormat::named`] maps it: `freq.parquet` under `--format parquet`, the text as it
//! is under `csv` and `both` (with both formats the page is the CSV report's, each CSV with its twin beside it).
//! Only the names of the registry's tables ([`super::tables::TABLES`]) and of the speakers' word lists are
//! mapped (a name in another folder is not one of them), so a text that speaks of a CSV the user gives
//! (`--meeting-info docs/examples/meetings.csv`) keeps it.

use std::borrow::Cow;

use super::tables::TABLES;
use super::TableFormat;

/// `text` with every table file it names as written under `format` (see the module's documentation).
pub fn named(format: TableFormat, text: &str) -> Cow<'_, str> {
    if format != TableFormat::Parquet || !text.contains(".csv") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut done = 0;
    for (at, _) in text.match_indices(".csv") {
        let end = at + ".csv".len();
        // The file name: the run of name characters before `.csv`, ended by a character that is not one.
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !name_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let ended = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if !ended || !is_table(&text[start..end]) {
            continue;
        }
        out.push_str(&text[done..start]);
        out.push_str(&format.named(&text[start..end]));
        done = end;
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// A character of a file name in a text (`speakers/*.csv`, `speakers/В.Путин.csv`).
fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '*')
}

/// Whether `file` (a name ending in `.csv`) is a table the report writes: one of the registry's, or a speaker's
/// word list in `speakers/` (a CSV in another folder is the user's: `docs/examples/meetings.csv`).
fn is_table(file: &str) -> bool {
    match file.rsplit_once('/') {
        Some((folder, _)) => folder == "speakers",
        None => TABLES
            .iter()
            .any(|t| t.files().iter().any(|(name, _)| *name == file)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_named_in_a_text_are_the_files_written() {
        let text =
            "see `freq.csv`, speakers/NAME.csv and speakers/*.csv (distances.csv): not info.csv, \
                    freq.csvx, my_freq.csv or docs/examples/meetings.csv; meetings.csv.";
        assert_eq!(
            named(TableFormat::Parquet, text),
            "see `freq.parquet`, speakers/NAME.parquet and speakers/*.parquet (distances.parquet): not info.csv, \
             freq.csvx, my_freq.csv or docs/examples/meetings.csv; meetings.parquet."
        );
        for format in [TableFormat::Csv, TableFormat::Both] {
            assert!(matches!(named(format, text), Cow::Borrowed(t) if t == text));
        }
        assert_eq!(named(TableFormat::Parquet, "no tables"), "no tables");
        assert_eq!(
            named(TableFormat::Parquet, "speakers/В.Путин.csv"),
            "speakers/В.Путин.parquet"
        );
    }
}
