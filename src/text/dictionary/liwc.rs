//! LIWC `.dic`: a list of categories between two lines `%`, one `id<TAB>name` a line, then one entry a line, its
//! word (or phrase) and the ids of its categories, separated by tabs or spaces.
//!
//! ```text
//! (⇥ is a tab)
//! %
//! 1⇥ security
//! 2⇥ threat
//! %
//! угроз*⇥ 1⇥ 2
//! безопасност*⇥ 1
//! ```
//!
//! What quanteda's reader accepts is read: blank lines anywhere, spaces instead of tabs, categories nested by the
//! tabs before their id (a category one tab deeper than the one above it is nested in it), and the lines of
//! LIWC2007's `<of>` entries and parenthetical codes (`like (02 134)125/464`), which are left out with a warning
//! (the code, not the line, for a parenthesis). Unlike quanteda, an id no category has and an entry without an id
//! are errors (quanteda drops them with a note): both mean the file is not what its author meant.

use std::collections::HashMap;

use super::model::{Builder, CategoryId};
use super::{first_line, lines, Format, Problem};

/// LIWC `.dic`.
pub struct Liwc;

impl Format for Liwc {
    fn name(&self) -> &'static str {
        "LIWC .dic"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["dic"]
    }

    fn sniff(&self, text: &str) -> bool {
        first_line(text).is_some_and(|l| l == "%")
    }

    fn read(&self, text: &str, into: &mut Builder) -> Result<(), (usize, Problem)> {
        let mut lines = lines(text).filter(|(_, l)| !l.trim().is_empty());
        let fail = |line: usize, message: String| Err((line, Problem::format(message)));
        let opened = match lines.next() {
            Some((n, l)) if l.trim() == "%" => n,
            Some((n, _)) => {
                return fail(n, "a LIWC dictionary starts with a line `%`, then a line `id<TAB>name` per category and another `%`".into())
            }
            None => return Err((1, Problem::Empty)),
        };
        // The categories: id → category, and the stack of (tabs, category) above the next one.
        let mut ids: HashMap<u64, (CategoryId, usize)> = HashMap::new();
        let mut above: Vec<(usize, CategoryId)> = Vec::new();
        let mut closed = false;
        for (n, line) in lines.by_ref() {
            let content = line.trim();
            if content == "%" {
                closed = true;
                break;
            }
            let tabs = line.len() - line.trim_start_matches('\t').len();
            let (id, name) = content
                .split_once(char::is_whitespace)
                .map_or((content, ""), |(id, name)| (id, name.trim()));
            let Ok(id) = id.parse::<u64>() else {
                return fail(n, format!("a category line is `id<TAB>name` with a number for id, not '{content}' (or the list of categories is not closed by a line `%`)"));
            };
            if name.is_empty() {
                return fail(n, format!("the category {id} has no name"));
            }
            while above.last().is_some_and(|&(t, _)| t >= tabs) {
                above.pop();
            }
            let parent = match above.last() {
                Some(&(t, c)) if t + 1 == tabs => Some(c),
                None if tabs == 0 => None,
                _ => return fail(n, format!("the category '{name}' is indented {tabs} tabs, more than one deeper than the category above it")),
            };
            let category = into.category(parent, name).map_err(|p| (n, p))?;
            if let Some((_, first)) = ids.insert(id, (category, n)) {
                return fail(
                    n,
                    format!("the category id {id} is there twice (line {first} too)"),
                );
            }
            above.push((tabs, category));
        }
        if !closed {
            return fail(
                opened,
                "the list of categories opened by this `%` has no closing line `%`".into(),
            );
        }
        for (n, line) in lines {
            entry(&ids, n, line.trim(), into)?;
        }
        Ok(())
    }
}

/// Reads one entry line.
fn entry(
    ids: &HashMap<u64, (CategoryId, usize)>,
    n: usize,
    line: &str,
    into: &mut Builder,
) -> Result<(), (usize, Problem)> {
    if line.contains("<of>") {
        into.warn(
            n,
            "left out: LIWC's <of> entries are not read (as quanteda leaves them out)",
        );
        return Ok(());
    }
    let line = match (line.find('('), line.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            into.warn(
                n,
                "a parenthetical code left out (as quanteda leaves it out)",
            );
            format!("{} {}", &line[..open], &line[close + 1..])
        }
        _ => line.to_string(),
    };
    let parts: Vec<&str> = line.split_whitespace().collect();
    let words = parts
        .iter()
        .rposition(|p| !p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(0, |i| i + 1);
    if words == 0 {
        return Err((
            n,
            Problem::format(format!(
                "an entry line starts with its word or phrase, not with the category ids '{line}'"
            )),
        ));
    }
    if words == parts.len() {
        let word = parts.join(" ");
        return Err((
            n,
            Problem::format(format!(
                "the entry '{word}' names no category: give the ids of its categories after a tab"
            )),
        ));
    }
    let text = parts[..words].join(" ");
    for id in &parts[words..] {
        let known = id.parse::<u64>().ok().and_then(|id| ids.get(&id));
        let Some(&(category, _)) = known else {
            return Err((n, Problem::format(format!("the entry '{text}' names the category id {id}, which the list of categories at the top does not have"))));
        };
        into.entry(category, &text, None, n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::text::dictionary::parse;

    fn error(dic: &str) -> (usize, String) {
        let e = parse("d.dic", dic.as_bytes()).unwrap_err();
        (e.line, e.problem.to_string())
    }

    #[test]
    fn categories_by_id_and_entries_in_several() {
        let d = parse(
            "d.dic",
            "\r\n%\r\n1\tsecurity\r\n\t2\tthreat\r\n3 west\r\n%\r\n\r\nугроз*\t1\t2\r\nНАТО 3\r\nсоединенные штаты\t3\r\nlike\t(02 134)125/464\t(02 134)1\r\nkind <of>\t1\r\n".as_bytes(),
        )
        .unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["security", "security.threat", "west"]);
        let entries: Vec<(String, u32, usize)> = d
            .entries
            .iter()
            .map(|e| (e.text(), e.category, e.line))
            .collect();
        assert_eq!(
            entries,
            [
                ("угроз*".into(), 0, 8),
                ("like".into(), 0, 11),
                ("угроз*".into(), 1, 8),
                ("нато".into(), 2, 9),
                ("соединенные штаты".into(), 2, 10),
            ]
        );
        assert_eq!(d.warnings.len(), 2);
        assert!(
            d.warnings[1].starts_with("d.dic:12: left out"),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn bad_sections_and_ids_are_errors_at_their_line() {
        assert_eq!(error("1\tx\n%\nw\t1\n").0, 1);
        assert_eq!(error("%\n1\tx\nw\t1\n").0, 3);
        assert_eq!(error("%\n1\tx\n").0, 1);
        assert_eq!(error("%\n1\tx\n1\ty\n%\nw\t1\n").0, 3);
        assert_eq!(error("%\n1\tx\n%\nw\t2\n").0, 4);
        assert!(error("%\n1\tx\n%\nw\t2\n").1.contains("category id 2"));
        assert_eq!(error("%\n1\tx\n%\nw\n").0, 4);
        assert_eq!(error("%\n1\tx\n%\n7\t1\n").0, 4);
        assert_eq!(error("%\n1\n%\nw\t1\n").0, 2);
        assert_eq!(error("%\n1\tx\n\t\t2\ty\n%\nw\t1\n").0, 3);
        assert_eq!(error("%\n%\n").0, 1);
    }
}
