//! The text pipeline on arbitrary text: tokens are non-empty, increasing and slice back to their surface; sentences
//! cover the tokens in order; normalization and keys are idempotent; stemming does not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::text::normalize::{key, normalize};
use stenogram::text::sentences::sentence_spans;
use stenogram::text::stem::Stemmer;
use stenogram::text::{tokenize, Language, Token, TokenKind};

fuzz_target!(|text: &str| {
    let tokens: Vec<Token> = tokenize(text).collect();
    let mut last = 0;
    for t in &tokens {
        assert!(t.start < t.end && t.start >= last);
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        last = t.end;
    }
    let spans = sentence_spans(text, &tokens);
    assert_eq!(spans.is_empty(), tokens.is_empty());
    let once = normalize(text).into_owned();
    assert_eq!(normalize(&once), once);
    let ru = Stemmer::new(Language::Ru);
    let en = Stemmer::new(Language::En);
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let k = key(t.surface(text));
        assert_eq!(key(&k), k);
        let _ = ru.stem(&k);
        let _ = en.stem(&k);
    }
});
