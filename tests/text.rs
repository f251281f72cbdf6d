//! The text pipeline against gold data: Snowball's own vocabulary, UD treebanks (tokens and sentences by exact
//! spans), razdel's tokenization partitions; and property tests of its invariants.
//!
//! The segmentation scorer here follows `../shared/anchors/eval_segmentation.py`: the sentences of a CoNLL-U
//! document are joined by one space (a document is a `# newdoc` block, cut into chunks of 50 sentences), each gold
//! form is found in its sentence from the previous form's end, and a predicted span is right when it equals a gold
//! span. The figures are printed (`cargo test --release --test main text:: -- --nocapture`).

use std::collections::HashSet;
use std::ops::Range;

use proptest::prelude::*;

use stenogram::text::normalize::{key, normalize};
use stenogram::text::sentences::sentence_spans;
use stenogram::text::stem::Stemmer;
use stenogram::text::{tokenize, Language, Token};

use crate::support::shared;

#[test]
fn snowball_russian_conformance_on_the_whole_vocabulary() {
    let Some(dir) = shared("reference/snowball-russian") else {
        return;
    };
    let voc = std::fs::read_to_string(dir.join("voc.txt")).unwrap();
    let out = std::fs::read_to_string(dir.join("output.txt")).unwrap();
    let stemmer = Stemmer::new(Language::Ru);
    let (mut total, mut right) = (0, 0);
    let mut wrong = Vec::new();
    for (word, expected) in voc.lines().zip(out.lines()) {
        total += 1;
        let stem = stemmer.stem(&key(word)).into_owned();
        if stem == expected {
            right += 1;
        } else if wrong.len() < 10 {
            wrong.push(format!("{word} -> {stem}, expected {expected}"));
        }
    }
    println!("snowball russian: {right} of {total}");
    assert_eq!(total, 49_785);
    assert_eq!(right, total, "{wrong:?}");
}

struct Doc {
    raw: String,
    tokens: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
}

fn read_conllu(text: &str) -> Vec<Doc> {
    let mut docs: Vec<Vec<(String, Vec<String>)>> = Vec::new();
    let mut current: Vec<(String, Vec<String>)> = Vec::new();
    let mut sentence: Option<String> = None;
    let mut forms = Vec::new();
    let flush = |sentence: &mut Option<String>, forms: &mut Vec<String>, current: &mut Vec<_>| {
        if let Some(text) = sentence.take() {
            current.push((text, std::mem::take(forms)));
        }
        forms.clear();
    };
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            flush(&mut sentence, &mut forms, &mut current);
            if !current.is_empty() {
                docs.push(std::mem::take(&mut current));
            }
        } else if let Some(t) = line.strip_prefix("# text =") {
            sentence = Some(t.trim().to_string());
        } else if !line.is_empty() && !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            if !cols[0].contains(['-', '.']) {
                forms.push(cols[1].to_string());
            }
        } else if line.is_empty() {
            flush(&mut sentence, &mut forms, &mut current);
        }
    }
    flush(&mut sentence, &mut forms, &mut current);
    if !current.is_empty() {
        docs.push(current);
    }
    let mut out = Vec::new();
    for doc in docs {
        for chunk in doc.chunks(50) {
            let mut d = Doc {
                raw: String::new(),
                tokens: Vec::new(),
                sentences: Vec::new(),
            };
            for (text, forms) in chunk {
                if !d.raw.is_empty() {
                    d.raw.push(' ');
                }
                let base = d.raw.len();
                d.raw.push_str(text);
                let mut pos = 0;
                for form in forms {
                    if let Some(j) = text[pos..].find(form.as_str()) {
                        d.tokens.push(base + pos + j..base + pos + j + form.len());
                        pos += j + form.len();
                    }
                }
                d.sentences.push(base..base + text.len());
            }
            out.push(d);
        }
    }
    out
}

/// (tokens F1, sentences F1) over a CoNLL-U file.
fn score(path: &std::path::Path) -> (f64, f64) {
    let text = std::fs::read_to_string(path).unwrap();
    let (mut tt, mut tp, mut tg, mut st, mut sp, mut sg) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for doc in read_conllu(&text) {
        let tokens: Vec<Token> = tokenize(&doc.raw).collect();
        let predicted: HashSet<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
        let gold: HashSet<(usize, usize)> = doc.tokens.iter().map(|r| (r.start, r.end)).collect();
        tt += predicted.intersection(&gold).count();
        tp += predicted.len();
        tg += gold.len();
        let predicted: HashSet<(usize, usize)> = sentence_spans(&doc.raw, &tokens)
            .into_iter()
            .map(|r| (r.start, r.end))
            .collect();
        let gold: HashSet<(usize, usize)> =
            doc.sentences.iter().map(|r| (r.start, r.end)).collect();
        st += predicted.intersection(&gold).count();
        sp += predicted.len();
        sg += gold.len();
    }
    let f1 = |t: usize, p: usize, g: usize| {
        let (p, r) = (t as f64 / p as f64, t as f64 / g as f64);
        2.0 * p * r / (p + r)
    };
    (f1(tt, tp, tg), f1(st, sp, sg))
}

#[test]
fn segmentation_against_ud_dev_sets_is_at_least_razdels() {
    // razdel's figures on the same data, measured with the same protocol (../shared/anchors/README.md).
    for (file, razdel_tokens, razdel_sentences) in [
        (
            "reference/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu",
            0.914,
            0.896,
        ),
        (
            "reference/ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu",
            0.934,
            0.504,
        ),
    ] {
        let Some(path) = shared(file) else { return };
        let (tokens, sentences) = score(&path);
        println!("{file}: tokens F1 {tokens:.4} (razdel {razdel_tokens}), sentences F1 {sentences:.4} (razdel {razdel_sentences})");
        assert!(tokens >= razdel_tokens, "{file}: tokens F1 {tokens}");
        assert!(
            sentences >= razdel_sentences,
            "{file}: sentences F1 {sentences}"
        );
    }
}

#[test]
fn razdel_partition_gold_at_least_99_percent_of_lines() {
    let Some(path) = shared("reference/razdel/tokens.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    // All strings at once, separated by blank lines (the anchors' stenogram protocol).
    let raws: Vec<String> = lines.iter().map(|l| l.replace('|', "")).collect();
    let joined = raws.join("\n\n") + "\n\n";
    let mut starts = Vec::with_capacity(raws.len());
    let mut at = 0;
    for r in &raws {
        starts.push(at);
        at += r.len() + 2;
    }
    let mut predicted: Vec<Vec<&str>> = vec![Vec::new(); raws.len()];
    for t in tokenize(&joined) {
        let i = starts.partition_point(|&s| s <= t.start) - 1;
        predicted[i].push(t.surface(&joined));
    }
    let right = lines
        .iter()
        .zip(&predicted)
        .filter(|(gold, p)| p.join("|") == **gold)
        .count();
    let accuracy = right as f64 / lines.len() as f64;
    println!(
        "razdel tokens.txt: {right} of {} lines exact ({:.2}%)",
        lines.len(),
        100.0 * accuracy
    );
    assert_eq!(lines.len(), 208_995);
    assert!(accuracy >= 0.99, "accuracy {accuracy}");
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[а-яА-ЯёЁa-zA-Z0-9 .,!?«»„“()\\[\\]\\-–—…:;'’\u{0301}\u{00AD}\u{2011}\u{00A0}\n]{0,200}",
        prop::collection::vec(
            prop_oneof![
                Just("\u{0301}"),
                Just("й"),
                Just("и\u{0306}"),
                Just("e\u{0301}"),
                Just("-"),
                Just("😍"),
                Just("#"),
                Just(":)"),
                Just(" "),
                Just("В."),
                Just("…")
            ],
            0..60
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_are_nonempty_increasing_and_slice_back(text in text_strategy()) {
        let mut last_end = 0;
        for t in tokenize(&text) {
            prop_assert!(t.start < t.end, "empty token at {}", t.start);
            prop_assert!(t.start >= last_end, "overlap at {}", t.start);
            let surface = &text[t.start..t.end];
            prop_assert!(!surface.chars().any(char::is_whitespace));
            last_end = t.end;
        }
    }

    #[test]
    fn normalize_is_idempotent(text in text_strategy()) {
        let once = normalize(&text).into_owned();
        prop_assert_eq!(normalize(&once).into_owned(), once.clone());
        let k = key(&text);
        prop_assert_eq!(key(&k), k);
    }

    #[test]
    fn sentences_cover_the_tokens_in_order(text in text_strategy()) {
        let tokens: Vec<Token> = tokenize(&text).collect();
        let spans = sentence_spans(&text, &tokens);
        let mut last = 0;
        for s in &spans {
            prop_assert!(s.start < s.end && s.start >= last);
            last = s.end;
        }
        prop_assert_eq!(spans.is_empty(), tokens.is_empty());
    }
}

#[test]
fn a_megabyte_line_and_lone_marks_do_not_panic() {
    let line = "слово-".repeat(200_000) + &"\u{0301}".repeat(1000) + &"😍".repeat(10_000);
    let tokens: Vec<Token> = tokenize(&line).collect();
    assert!(!tokens.is_empty());
    let _ = sentence_spans(&line, &tokens);
    assert_eq!(key("\u{0301}"), "");
}

#[test]
fn the_tokens_and_sentences_commands_print_the_fixed_format() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |sub: &str, input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stenogram"))
            .args([sub, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let input = "Переговоры прошли. Ёлки\u{2011}палки!";
    assert_eq!(
        run("tokens", input),
        "start\tend\tkind\tsurface\tkey\tstem\tlemma\tpos\n\
         0\t20\tword\tПереговоры\tпереговоры\tпереговор\tпереговоры\tNOUN\n\
         21\t33\tword\tпрошли\tпрошли\tпрошл\tпройти\tVERB\n\
         33\t34\tpunct\t.\t.\t.\t.\t_\n\
         35\t56\tword\tЁлки\u{2011}палки\tелки-палки\tелки-палк\tелки-палки\tINTJ\n\
         56\t57\tpunct\t!\t!\t!\t!\t_\n"
    );
    assert_eq!(run("sentences", input), "0\t34\n35\t57\n");
}

/// Fuzzing (`fuzz/fuzz_targets/text.rs`, artifacts crash-7032d60d… and crash-4c0e4e6d…): `T` followed by U+0344
/// (which decomposes to U+0308 U+0301) keyed to `t` + U+0308, which NFC composes to `ẗ`, so keys were not
/// idempotent. Keys are now NFC after lowercasing.
#[test]
fn regression_fuzz_lowercasing_makes_a_composable_pair() {
    for input in [
        &b"atk\x7fT\xcd\x84\xcdJ#\0\0\0\0\0\0\0\x4aJ\xf9"[..],
        &b"\nMeetin[g \x0e\0\0\0\0\0\0\0T\xcd\x94\xcd\x84\xd0\xbb\xd1\xd1t \0\0\xcc\xa0\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xffe"[..],
    ] {
        let text = String::from_utf8_lossy(input);
        for t in tokenize(&text) {
            let k = key(t.surface(&text));
            assert_eq!(key(&k), k, "{:?}", t.surface(&text));
        }
    }
    assert_eq!(key("T\u{344}"), "\u{1E97}");
}
