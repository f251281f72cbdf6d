//! quanteda's YAML (`dictionary(file = "d.yml")`, `as.yaml()`): a map of categories, each holding a list of entries
//! (or one entry), or a map of the categories nested in it. Beside nested categories a category's own entries are
//! under the key `__`, as `as.yaml()` writes them. Entries are strings; a phrase is its words separated by spaces.
//!
//! ```yaml
//! security:
//!   threat: [угроз*, опасност*]
//!   __: [безопасност*]
//! economy:
//!   trade:
//!     - торгов*
//!     - товарооборот*
//! ```
//!
//! Read with yaml-rust2's event parser, so that every error and every entry has its line; a key named twice is one
//! category (its entries merged, as quanteda merges them). Aliases, a second document and maps inside lists are
//! errors: quanteda's dictionaries have none of them.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use super::model::{Builder, CategoryId, MAX_DEPTH};
use super::{Format, Problem};

/// quanteda's YAML.
pub struct Yaml;

/// The key under which a category's own entries sit beside its nested categories.
pub const OWN: &str = "__";

/// Where the parser is: in a map of categories (with the key just read), or in a list of entries.
enum Frame {
    Map {
        category: Option<CategoryId>,
        key: Option<(String, usize)>,
    },
    List {
        category: CategoryId,
    },
}

impl Format for Yaml {
    fn name(&self) -> &'static str {
        "quanteda YAML"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["yml", "yaml"]
    }

    fn sniff(&self, text: &str) -> bool {
        text.contains(':')
    }

    fn read(&self, text: &str, into: &mut Builder) -> Result<(), (usize, Problem)> {
        let mut parser = Parser::new_from_str(text);
        let mut stack: Vec<Frame> = Vec::new();
        let mut documents = 0;
        loop {
            let (event, mark) = parser.next_token().map_err(|e| {
                let problem = Problem::format(format!("not YAML: {}", e.info()));
                (e.marker().line(), problem)
            })?;
            let line = mark.line();
            let fail = |message: &str| Err((line, Problem::format(message)));
            match event {
                Event::StreamEnd => return Ok(()),
                Event::DocumentStart => {
                    documents += 1;
                    if documents > 1 {
                        return fail(
                            "a second YAML document (after `---`): a dictionary is one document",
                        );
                    }
                }
                Event::Alias(_) => {
                    return fail(
                        "a YAML alias (*name): write the entries out, quanteda reads no aliases",
                    )
                }
                Event::MappingStart(..) => {
                    let category = match stack.last_mut() {
                        None => None,
                        Some(Frame::Map { category, key }) => match key.take() {
                            None => return fail("a category's name is a plain word, not a map"),
                            Some((name, _)) if name == OWN => {
                                return fail(
                                    "`__` holds a category's own entries: a list, not a map",
                                )
                            }
                            Some((name, at)) => Some(nested(into, *category, &name, at)?),
                        },
                        Some(Frame::List { .. }) => return fail(
                            "a list of entries holds words and phrases, not a map of categories",
                        ),
                    };
                    stack.push(Frame::Map {
                        category,
                        key: None,
                    });
                }
                Event::SequenceStart(..) => {
                    let category = match stack.last_mut() {
                        None => return fail("a YAML dictionary is a map of categories (name: [entries]), not a list"),
                        Some(Frame::Map { category, key }) => match key.take() {
                            None => return fail("a category's name is a plain word, not a list"),
                            Some((name, at)) => target(into, *category, &name, at)?,
                        },
                        Some(Frame::List { .. }) => {
                            return fail("a list of entries holds words and phrases, not another list")
                        }
                    };
                    stack.push(Frame::List { category });
                }
                Event::Scalar(value, style, ..) => {
                    match stack.last_mut() {
                        None => return fail(
                            "a YAML dictionary is a map of categories (name: [entries]), not text",
                        ),
                        Some(Frame::Map { category, key }) => match key.take() {
                            None => *key = Some((value, line)),
                            Some((name, at)) => {
                                let c = target(into, *category, &name, at)?;
                                let null = style == TScalarStyle::Plain
                                    && matches!(value.as_str(), "~" | "null");
                                if !null {
                                    into.entry(c, &value, None, line);
                                }
                            }
                        },
                        Some(Frame::List { category }) => into.entry(*category, &value, None, line),
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
            }
            if stack.len() > MAX_DEPTH + 1 {
                return Err((line, Problem::TooDeep(MAX_DEPTH)));
            }
        }
    }
}

/// The category `name` nested in `parent`, with the line of its name for an error.
fn nested(
    into: &mut Builder,
    parent: Option<CategoryId>,
    name: &str,
    line: usize,
) -> Result<CategoryId, (usize, Problem)> {
    into.category(parent, name).map_err(|p| (line, p))
}

/// The category the entries under key `name` belong to: `parent` itself for `__`, else the one nested in it.
fn target(
    into: &mut Builder,
    parent: Option<CategoryId>,
    name: &str,
    line: usize,
) -> Result<CategoryId, (usize, Problem)> {
    match (name, parent) {
        (OWN, Some(p)) => Ok(p),
        (OWN, None) => Err((
            line,
            Problem::format(
                "`__` (a category's own entries) at the top level, outside any category",
            ),
        )),
        _ => nested(into, parent, name, line),
    }
}

#[cfg(test)]
mod tests {
    use crate::text::dictionary::{parse, Problem};

    fn error(yaml: &str) -> (usize, String) {
        let e = parse("d.yml", yaml.as_bytes()).unwrap_err();
        (e.line, e.problem.to_string())
    }

    #[test]
    fn nested_maps_lists_single_values_and_own_entries() {
        let d = parse(
            "d.yml",
            "security:\n  threat: [Угроз*, \"опасност*\"]\n  __:\n    - безопасност*\nwest: НАТО\nempty:\neconomy:\n  trade:\n    - торгов*\n    - специальная  военная операция\n".as_bytes(),
        )
        .unwrap();
        let names: Vec<&str> = d.categories.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "security",
                "security.threat",
                "west",
                "empty",
                "economy",
                "economy.trade"
            ]
        );
        let entries: Vec<(String, u32, usize)> = d
            .entries
            .iter()
            .map(|e| (e.text(), e.category, e.line))
            .collect();
        assert_eq!(
            entries,
            [
                ("безопасност*".into(), 0, 4),
                ("угроз*".into(), 1, 2),
                ("опасност*".into(), 1, 2),
                ("нато".into(), 2, 5),
                ("торгов*".into(), 5, 9),
                ("специальная военная операция".into(), 5, 10),
            ]
        );
        assert!(!d.weighted);
    }

    #[test]
    fn malformed_yaml_is_an_error_at_its_line() {
        assert_eq!(error("a:\n  - x\nb: [y, z\n").0, 4);
        assert!(error("a:\n  - x\nb: [y, z\n").1.starts_with("not YAML: "));
        assert_eq!(error("- a\n- b\n").0, 1);
        assert_eq!(error("a:\n  - x\n  - y: [z]\n").0, 3);
        assert_eq!(error("a: &x [b]\nc: *x\n").0, 2);
        assert_eq!(error("a: [b]\n---\nc: [d]\n").0, 2);
        assert_eq!(error("__: [b]\n").0, 1);
        assert_eq!(
            error("a:\n  b.c: [d]\n"),
            (2, Problem::Dot("b.c".into()).to_string())
        );
        assert_eq!(error("a:\n  b:\n"), (1, Problem::NoEntries.to_string()));
    }

    #[test]
    fn a_key_named_twice_is_one_category() {
        let d = parse("d.yml", b"a: [x]\nb: [y]\na: [z]\n");
        // yaml-rust2 reads duplicate keys as events; the builder merges them.
        let d = d.unwrap();
        assert_eq!(d.categories.len(), 2);
        assert_eq!(d.entries.iter().filter(|e| e.category == 0).count(), 2);
    }
}
