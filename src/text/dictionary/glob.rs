//! Globs as quanteda's `valuetype = "glob"` reads dictionary values: `*` stands for any run of characters (none
//! too), `?` for exactly one, anything else for itself; the whole word must match. Both sides are keys (lowercase,
//! `ё` = `е`), so matching ignores case.
//!
//! A glob is compiled once into the kind that decides fastest: a word without wildcards is compared whole (a hash
//! look-up in [`super::Matcher`]), one ending in its only `*` by its prefix (as many look-ups as the word has
//! characters), and any other by the general matcher ([`Glob::matches`]).

/// A compiled glob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Glob {
    /// No wildcard: the word itself.
    Exact(String),
    /// A literal prefix and a final `*`: every word that starts with it.
    Prefix(String),
    /// Any other: literal characters, `?` and `*` in order.
    Pattern(Vec<Piece>),
}

/// A part of a general glob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// This character.
    Char(char),
    /// Any one character (`?`).
    One,
    /// Any run of characters, none too (`*`).
    Any,
}

impl Glob {
    /// Compiles a keyed glob.
    pub fn new(glob: &str) -> Glob {
        let wild = |c: char| c == '*' || c == '?';
        match glob.find(wild) {
            None => Glob::Exact(glob.to_string()),
            Some(at) if at == glob.len() - 1 && glob.ends_with('*') => {
                Glob::Prefix(glob[..at].to_string())
            }
            Some(_) => {
                let mut pieces: Vec<Piece> = Vec::with_capacity(glob.len());
                for c in glob.chars() {
                    let piece = match c {
                        '*' => Piece::Any,
                        '?' => Piece::One,
                        c => Piece::Char(c),
                    };
                    // `**` is `*`.
                    if !(piece == Piece::Any && pieces.last() == Some(&Piece::Any)) {
                        pieces.push(piece);
                    }
                }
                Glob::Pattern(pieces)
            }
        }
    }

    /// Whether the whole of `word` matches.
    pub fn matches(&self, word: &str) -> bool {
        match self {
            Glob::Exact(w) => w == word,
            Glob::Prefix(p) => word.starts_with(p.as_str()),
            Glob::Pattern(pieces) => matches(pieces, word),
        }
    }
}

/// Matches `pieces` against the whole of `word`: left to right, going back only to the last `*` seen (which then
/// takes one more character), so the work is at most the product of the two lengths.
fn matches(pieces: &[Piece], word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let (mut p, mut w) = (0, 0);
    // The piece after the last `*`, and the character it was tried at.
    let mut star: Option<(usize, usize)> = None;
    while w < chars.len() {
        match pieces.get(p) {
            Some(Piece::Any) => {
                star = Some((p + 1, w));
                p += 1;
            }
            Some(Piece::One) => {
                p += 1;
                w += 1;
            }
            Some(Piece::Char(c)) if *c == chars[w] => {
                p += 1;
                w += 1;
            }
            _ => match star {
                Some((after, tried)) => {
                    p = after;
                    w = tried + 1;
                    star = Some((after, tried + 1));
                }
                None => return false,
            },
        }
    }
    pieces[p..].iter().all(|piece| *piece == Piece::Any)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(glob: &str, word: &str) -> bool {
        Glob::new(glob).matches(word)
    }

    #[test]
    fn wildcards_stand_for_runs_and_single_characters() {
        assert_eq!(Glob::new("угроз*"), Glob::Prefix("угроз".into()));
        assert!(m("угроз*", "угроза") && m("угроз*", "угроз") && !m("угроз*", "угро"));
        assert!(m("санкци?", "санкции") && !m("санкци?", "санкций?") && !m("санкци?", "санкци"));
        assert!(m("*безопасн*", "небезопасный") && m("*безопасн*", "безопасность"));
        assert!(m("з*д", "запад") && !m("з*д", "западный"));
        assert!(m("*", "слово") && m("**", ""));
        assert!(m("?*т", "ат") && !m("?*т", "т"));
        assert!(m("сша", "сша") && !m("сша", "сшаа"));
        assert!(m("a*b*c", "aXbYbZc") && !m("a*b*c", "aXbYbZ"));
    }

    proptest::proptest! {
        /// The matcher agrees with a regular expression made of the same glob.
        #[test]
        fn globs_match_as_the_regular_expression_they_mean(glob in "[аб*?]{0,6}", word in "[аб]{0,8}") {
            let mut re = String::from("^");
            for c in glob.chars() {
                match c {
                    '*' => re.push_str(".*"),
                    '?' => re.push('.'),
                    c => re.push(c),
                }
            }
            re.push('$');
            let expected = regex::Regex::new(&re).unwrap().is_match(&word);
            proptest::prop_assert_eq!(Glob::new(&glob).matches(&word), expected);
        }
    }
}
