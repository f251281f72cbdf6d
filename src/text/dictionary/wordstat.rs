//! WordStat `.cat`: categories and entries one a line, nested by the tabs before them. A line that ends in a weight
//! in parentheses (`УГРОЗ* (1)`) is an entry of the category above it; any other line is a category, nested in the
//! category one tab less deep above it. Category names are kept as written (WordStat writes them in capitals);
//! entries are keyed like words (lowercase). quanteda reads the same lines but drops the weights; here an entry
//! keeps its weight (a whole or decimal number, negative too) for the weighted count.
//!
//! ```text
//! (⇥ is a tab)
//! SECURITY
//! ⇥ THREAT
//! ⇥ ⇥ УГРОЗ* (2)
//! ⇥ БЕЗОПАСНОСТ* (1)
//! ```

use super::model::{Builder, CategoryId};
use super::{lines, Format, Problem};

/// WordStat `.cat`.
pub struct WordStat;

/// The entry and weight of a line `ENTRY (weight)`, if it is one.
fn weighted(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let weight = inner[open + 1..].trim();
    let number = weight.strip_prefix('-').unwrap_or(weight);
    let numeric = !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.bytes().next().is_some_and(|b| b.is_ascii_digit());
    numeric.then(|| (inner[..open].trim(), weight))
}

impl Format for WordStat {
    fn name(&self) -> &'static str {
        "WordStat .cat"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["cat"]
    }

    fn sniff(&self, text: &str) -> bool {
        lines(text).any(|(_, l)| weighted(l.trim()).is_some())
    }

    fn read(&self, text: &str, into: &mut Builder) -> Result<(), (usize, Problem)> {
        // The categories above the next line: (tabs, category).
        let mut above: Vec<(usize, CategoryId)> = Vec::new();
        for (n, line) in lines(text) {
            let content = line.trim();
            if content.is_empty() {
                continue;
            }
            let tabs = line.len() - line.trim_start_matches('\t').len();
            while above.last().is_some_and(|&(t, _)| t >= tabs) {
                above.pop();
            }
            if let Some((entry, weight)) = weighted(content) {
                let Some(&(_, category)) = above.last() else {
                    let message =
                        format!("the entry '{content}' is not indented under any category");
                    return Err((n, Problem::format(message)));
                };
                let w = weight
                    .parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite())
                    .ok_or_else(|| (n, Problem::Weight(weight.to_string())))?;
                into.entry(category, entry, Some(w), n);
                continue;
            }
            let parent = match above.last() {
                Some(&(t, c)) if t + 1 == tabs => Some(c),
                None if tabs == 0 => None,
                _ => {
                    let message = format!("the category '{content}' is indented {tabs} tabs, more than one deeper than the category above it (an entry ends in a weight, as `WORD (1)`)");
                    return Err((n, Problem::format(message)));
                }
            };
            let category = into.category(parent, content).map_err(|p| (n, p))?;
            above.push((tabs, category));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::text::dictionary::{parse, Problem};

    #[test]
    fn tabs_nest_categories_and_entries_keep_their_weights() {
        let d = parse(
            "d.cat",
            "SECURITY\n\tTHREAT\n\t\tУГРОЗ* (2)\n\t\tСПЕЦИАЛЬНАЯ ВОЕННАЯ ОПЕРАЦИЯ (1.5)\n\tБЕЗОПАСНОСТ* (1)\nECONOMY\n\tТОРГОВ* (-1)\n".as_bytes(),
        )
        .unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["SECURITY", "SECURITY.THREAT", "ECONOMY"]);
        let entries: Vec<(String, u32, f64)> = d
            .entries
            .iter()
            .map(|e| (e.text(), e.category, e.weight))
            .collect();
        assert_eq!(
            entries,
            [
                ("безопасност*".into(), 0, 1.0),
                ("угроз*".into(), 1, 2.0),
                ("специальная военная операция".into(), 1, 1.5),
                ("торгов*".into(), 2, -1.0),
            ]
        );
        assert!(d.weighted);
    }

    #[test]
    fn entries_outside_categories_and_jumps_in_depth_are_errors() {
        assert_eq!(parse("d.cat", b"WORD (1)\n").unwrap_err().line, 1);
        assert_eq!(
            parse("d.cat", b"A\n\t\tB\n\t\t\tw (1)\n").unwrap_err().line,
            2
        );
        let e = parse("d.cat", b"A\n\tw (1.2.3)\n").unwrap_err();
        assert_eq!((e.line, e.problem), (2, Problem::Weight("1.2.3".into())));
    }
}
