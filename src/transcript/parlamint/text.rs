//! An utterance's paragraph apart from the editors' additions, as both forms of ParlaMint write it: the plain text
//! inlines them as `[[…]]` (notes, `[[10:02:36]]`) and `[[(…)]]` (kinesics, vocals, incidents: `[[(Оплески)]]`;
//! older files write these without the parentheses), the TEI as elements (`<note>`, `<kinesic>`, …, read by
//! [`super::tei`]). Either way a [`Paragraph`]'s `raw` shows them as `[[…]]`, its `spoken` text leaves them out,
//! whitespace collapsed, and an addition between two words keeps them apart.
//!
//! Only `[[…]]` is an addition here: ParlaMint's text has no other markup, so brackets and parentheses are words
//! (the kremlin.ru rules of [`super::super::annotate`] do not apply).

use super::super::model::{Annotation, AnnotationKind, Paragraph};

/// A paragraph built piece by piece: text, tokens of an annotated corpus, additions.
#[derive(Debug, Default)]
pub struct Builder {
    raw: String,
    spoken: String,
    annotations: Vec<Annotation>,
    /// A space is due before the next piece of `raw`…
    raw_space: bool,
    /// …and of `spoken`.
    spoken_space: bool,
}

fn push(out: &mut String, space: &mut bool, piece: &str) {
    if *space && !out.is_empty() {
        out.push(' ');
    }
    *space = false;
    out.push_str(piece);
}

impl Builder {
    /// Text, its whitespace collapsed (whitespace at either end is a space before the next piece).
    pub fn text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.space();
            }
            push(&mut self.raw, &mut self.raw_space, word);
            push(&mut self.spoken, &mut self.spoken_space, word);
        }
        if text.ends_with(char::is_whitespace) {
            self.space();
        }
    }

    /// A token of an annotated corpus (`<w>`, `<pc>`), followed by a space unless `joined` (`join="right"`).
    pub fn token(&mut self, token: &str, joined: bool) {
        let token = token.split_whitespace().collect::<Vec<_>>().join(" ");
        if token.is_empty() {
            return;
        }
        push(&mut self.raw, &mut self.raw_space, &token);
        push(&mut self.spoken, &mut self.spoken_space, &token);
        if !joined {
            self.space();
        }
    }

    /// A space before the next piece (a sentence or element boundary).
    pub fn space(&mut self) {
        self.raw_space = true;
        self.spoken_space = true;
    }

    /// An addition of the editors, shown in `raw` as `[[shown]]`; `text` is what the annotation keeps.
    pub fn annotation(&mut self, kind: AnnotationKind, shown: &str, text: &str) {
        let shown: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        push(&mut self.raw, &mut self.raw_space, "");
        let offset = self.raw.len();
        self.raw.push_str("[[");
        self.raw.push_str(&shown);
        self.raw.push_str("]]");
        self.annotations.push(Annotation {
            kind,
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            offset,
        });
        self.space();
    }

    /// The length in bytes of the spoken text so far.
    pub fn spoken_len(&self) -> usize {
        self.spoken.len()
    }

    /// The paragraph, on line `line`.
    pub fn finish(self, line: usize) -> Paragraph {
        Paragraph {
            line,
            raw: self.raw,
            spoken: self.spoken,
            annotations: self.annotations,
        }
    }
}

/// The kind and kept text of an addition written `[[inner]]` in the plain text: `(…)` is a kinesic, vocal or
/// incident (a stage direction), anything else a note.
fn inline_kind(inner: &str) -> (AnnotationKind, &str) {
    let trimmed = inner.trim();
    match trimmed.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(direction) => (AnnotationKind::Direction, direction),
        None => (AnnotationKind::Note, trimmed),
    }
}

/// A line of ParlaMint's plain text (the text after the utterance id) as a paragraph: `[[…]]` cut out as
/// annotations; an unclosed `[[` is text.
pub fn split_notes(line: usize, text: &str) -> Paragraph {
    let mut builder = Builder::default();
    let mut rest = text;
    while let Some(open) = rest.find("[[") {
        let Some(close) = rest[open + 2..].find("]]").map(|c| open + 2 + c) else {
            break;
        };
        builder.text(&rest[..open]);
        let inner = &rest[open + 2..close];
        let (kind, kept) = inline_kind(inner);
        builder.annotation(kind, inner, kept);
        rest = &rest[close + 2..];
    }
    builder.text(rest);
    builder.finish(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_directions_are_cut_out_of_the_spoken_text() {
        let p = split_notes(
            3,
            "Добрий ранок. [[10:02:36]] Зареєструвалося  -438 [[(Оплески)]] Дякую.",
        );
        assert_eq!(p.spoken, "Добрий ранок. Зареєструвалося -438 Дякую.");
        assert_eq!(
            p.raw,
            "Добрий ранок. [[10:02:36]] Зареєструвалося -438 [[(Оплески)]] Дякую."
        );
        let kinds: Vec<_> = p
            .annotations
            .iter()
            .map(|a| (a.kind, a.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (AnnotationKind::Note, "10:02:36"),
                (AnnotationKind::Direction, "Оплески")
            ]
        );
        for a in &p.annotations {
            assert!(p.raw[a.offset..].starts_with("[["), "{a:?}");
        }
        assert_eq!(p.line, 3);
    }

    #[test]
    fn an_addition_keeps_words_apart_and_an_unclosed_one_is_text() {
        assert_eq!(split_notes(1, "a[[x]]b").spoken, "a b");
        assert_eq!(split_notes(1, "[[Звъни.]]").spoken, "");
        assert_eq!(split_notes(1, "[[Звъни.]]").annotations.len(), 1);
        let open = split_notes(1, "a [[b c");
        assert_eq!(open.spoken, "a [[b c");
        assert!(open.annotations.is_empty());
        assert_eq!(split_notes(1, "(a) [b]").spoken, "(a) [b]");
    }

    #[test]
    fn tokens_join_as_their_marks_say() {
        let mut b = Builder::default();
        b.token("Hello", true);
        b.token(",", false);
        b.token("world", true);
        b.token(".", false);
        b.annotation(AnnotationKind::Direction, "Applause", "Applause");
        b.token("Yes", false);
        let p = b.finish(1);
        assert_eq!(p.spoken, "Hello, world. Yes");
        assert_eq!(p.raw, "Hello, world. [[Applause]] Yes");
    }
}
