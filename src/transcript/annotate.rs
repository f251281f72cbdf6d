//! Separating what was said from what the editors added: insertions in square brackets (`[товарооборота]`), stage
//! directions in parentheses (`(Смех.)`, `(Applause.)`) and inline elisions (`<…>`).
//!
//! A parenthesis is a stage direction when its content starts with a capital letter and ends with a full stop
//! (`(Смех.)`, `(Говорит по-казахски.)`), or is one of a few directions written without one (`(смех)`,
//! `(аплодисменты)`, `(laughter)`, `(applause)`). Any other parenthesis was spoken and stays in the text.
//! An unmatched bracket is kept as text.

use super::model::{Annotation, AnnotationKind, Paragraph};

const BARE_DIRECTIONS: [&str; 7] = [
    "смех",
    "аплодисменты",
    "оживление в зале",
    "смеётся",
    "смеется",
    "laughter",
    "applause",
];

fn is_direction(content: &str) -> bool {
    let content = content.trim();
    if content.is_empty() || content.len() > 160 {
        return false;
    }
    let starts_upper = content.chars().next().is_some_and(char::is_uppercase);
    if starts_upper && (content.ends_with('.') || content.ends_with('!')) {
        return true;
    }
    let lower = content.to_lowercase();
    BARE_DIRECTIONS.contains(&lower.trim_end_matches('.'))
}

/// Finds the annotation starting at byte `i` of `raw`, returning it and the byte just past it.
fn annotation_at(raw: &str, i: usize) -> Option<(AnnotationKind, &str, usize)> {
    let rest = &raw[i..];
    let (kind, open, close) = match rest.as_bytes()[0] {
        b'[' => (AnnotationKind::Insertion, '[', ']'),
        b'(' => (AnnotationKind::Direction, '(', ')'),
        b'<' => (AnnotationKind::Elision, '<', '>'),
        _ => return None,
    };
    let inner_end = rest[1..].find([open, close]).map(|p| p + 1)?;
    if !rest[inner_end..].starts_with(close) {
        return None; // nested or unmatched: keep as text
    }
    let content = &rest[1..inner_end];
    let keep = match kind {
        AnnotationKind::Insertion | AnnotationKind::Note => true,
        AnnotationKind::Direction => is_direction(content),
        AnnotationKind::Elision => matches!(content.trim(), "…" | "..." | ""),
    };
    keep.then_some((kind, content, i + inner_end + close.len_utf8()))
}

/// Splits a paragraph into spoken text and annotations. `raw` is the paragraph as written.
pub fn split_paragraph(line: usize, raw: &str) -> Paragraph {
    let mut spoken = String::with_capacity(raw.len());
    let mut annotations = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    let bytes = raw.as_bytes();
    while i < bytes.len() {
        if matches!(bytes[i], b'[' | b'(' | b'<') {
            if let Some((kind, content, end)) = annotation_at(raw, i) {
                spoken.push_str(&raw[copied..i]);
                annotations.push(Annotation {
                    kind,
                    text: content.trim().to_string(),
                    offset: i,
                });
                // Drop the space the cut leaves before punctuation, a space or the end.
                let next = raw[end..].chars().next();
                if spoken.ends_with(' ')
                    && next.is_none_or(|c| c.is_whitespace() || ",.;:!?)»".contains(c))
                {
                    spoken.pop();
                }
                copied = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    spoken.push_str(&raw[copied..]);
    let spoken = if annotations.is_empty() {
        spoken
    } else {
        spoken.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    Paragraph {
        line,
        raw: raw.to_string(),
        spoken,
        annotations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_are_cut_out() {
        let p = split_paragraph(
            1,
            "свыше 50 процентов [товарооборота] уверенно, чем [это видно] из центра.",
        );
        assert_eq!(p.spoken, "свыше 50 процентов уверенно, чем из центра.");
        assert_eq!(p.annotations.len(), 2);
        assert_eq!(p.annotations[0].text, "товарооборота");
        assert_eq!(p.annotations[0].kind, AnnotationKind::Insertion);
        assert_eq!(&p.raw[p.annotations[1].offset..][..1], "[");
    }

    #[test]
    fn stage_directions_but_not_spoken_parentheses() {
        let p = split_paragraph(
            1,
            "Спасибо. (Смех.) Мы (то есть Правительство) готовы [к этому].",
        );
        assert_eq!(p.spoken, "Спасибо. Мы (то есть Правительство) готовы.");
        let kinds: Vec<_> = p.annotations.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [AnnotationKind::Direction, AnnotationKind::Insertion]
        );
        assert_eq!(split_paragraph(1, "(Аплодисменты.)").spoken, "");
        assert_eq!(
            split_paragraph(1, "Thank you (applause).").spoken,
            "Thank you."
        );
    }

    #[test]
    fn inline_elision_and_unmatched_brackets() {
        let p = split_paragraph(1, "Первое <…> второе [незакрытая");
        assert_eq!(p.spoken, "Первое второе [незакрытая");
        assert_eq!(p.annotations[0].kind, AnnotationKind::Elision);
        assert_eq!(split_paragraph(1, "a < b > c").spoken, "a < b > c");
    }

    #[test]
    fn plain_text_is_unchanged() {
        let text = "Мы  рады вас видеть.";
        assert_eq!(split_paragraph(3, text).spoken, text);
    }
}
