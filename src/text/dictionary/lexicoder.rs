//! Lexicoder `.lc3`: a line `+NAME` opens a category, and every other line is an entry of the category last opened
//! (a word, a glob, or a phrase of words separated by spaces). Lines are trimmed and blank ones skipped, as
//! quanteda reads them; an entry before any `+` line is an error. Lexicoder has no nested categories and no weights.
//!
//! ```text
//! +SECURITY
//! угроз*
//! национальная безопасность
//! ```

use super::model::{Builder, CategoryId};
use super::{first_line, lines, Format, Problem};

/// Lexicoder `.lc3`.
pub struct Lexicoder;

impl Format for Lexicoder {
    fn name(&self) -> &'static str {
        "Lexicoder .lc3"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["lc3"]
    }

    fn sniff(&self, text: &str) -> bool {
        first_line(text).is_some_and(|l| l.starts_with('+'))
    }

    fn read(&self, text: &str, into: &mut Builder) -> Result<(), (usize, Problem)> {
        let mut category: Option<CategoryId> = None;
        for (n, line) in lines(text) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('+') {
                category = Some(into.category(None, name).map_err(|p| (n, p))?);
                continue;
            }
            let Some(c) = category else {
                let message = format!(
                    "the entry '{line}' comes before any category: open one with a line `+NAME`"
                );
                return Err((n, Problem::format(message)));
            };
            into.entry(c, line, None, n);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::text::dictionary::parse;

    #[test]
    fn plus_lines_open_categories() {
        let d = parse("d.lc3", "+SECURITY\r\n  угроз* \r\n\r\nнациональная безопасность\r\n+WEST\r\nНАТО\r\n+SECURITY\r\nопасн*\r\n".as_bytes()).unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["SECURITY", "WEST"]);
        let entries: Vec<(String, u32, usize)> = d
            .entries
            .iter()
            .map(|e| (e.text(), e.category, e.line))
            .collect();
        assert_eq!(
            entries,
            [
                ("угроз*".into(), 0, 2),
                ("национальная безопасность".into(), 0, 4),
                ("опасн*".into(), 0, 8),
                ("нато".into(), 1, 6),
            ]
        );
    }

    #[test]
    fn an_entry_before_any_category_or_a_nameless_one_is_an_error() {
        let e = parse("d.lc3", b"\nword\n+A\nb\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("d.lc3", b"+A\nb\n+ \nc\n").unwrap_err();
        assert_eq!(e.line, 3);
    }
}
