//! Lemmas against UD gold, with the protocol of `../shared/anchors/eval_lemmas.py`: the treebank's sentences joined
//! by blank lines go through `stenogram tokens -`; words only (gold UPOS PUNCT, NUM, SYM, X left out), compared
//! lowercase with `ё` = `е`; a gold word that no token of ours covers exactly counts as wrong.
//!
//! Measured with the script (`eval_lemmas.py target/release/stenogram FILE`): GSD dev 96.22%, Taiga dev 95.10%;
//! pymorphy3's best parse on the gold words 94.10% and 92.83%. The issue's floors are 96% and 95%.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::shared;

/// A gold word: form, lemma, UPOS.
type Word = (String, String, String);

/// Gold sentences: text and words.
fn gold(text: &str) -> Vec<(String, Vec<Word>)> {
    let mut out = Vec::new();
    let (mut sentence, mut words) = (None::<String>, Vec::new());
    for line in text.lines().chain(std::iter::once("")) {
        if let Some(t) = line.strip_prefix("# text = ") {
            sentence = Some(t.to_string());
        } else if line.is_empty() {
            if let Some(s) = sentence.take() {
                if !words.is_empty() {
                    out.push((s, std::mem::take(&mut words)));
                }
            }
            words.clear();
        } else if !line.starts_with('#') {
            let c: Vec<&str> = line.split('\t').collect();
            if c[0].bytes().all(|b| b.is_ascii_digit()) {
                words.push((c[1].to_string(), c[2].to_string(), c[3].to_string()));
            }
        }
    }
    out
}

fn fold(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

/// (words scored, accuracy) of the `tokens` lemma column on a CoNLL-U file.
fn accuracy(path: &std::path::Path) -> (usize, f64) {
    let sentences = gold(&std::fs::read_to_string(path).unwrap());
    let raw = sentences
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_stenogram"))
        .args(["tokens", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = raw.clone();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = header.iter().position(|&h| h == "lemma").unwrap();
    // Our tokens by byte span; gold words are found by byte offsets too.
    let ours: HashMap<(usize, usize), String> = lines
        .map(|l| {
            let p: Vec<&str> = l.split('\t').collect();
            (
                (p[0].parse().unwrap(), p[1].parse().unwrap()),
                p[col].to_string(),
            )
        })
        .collect();
    let (mut n, mut right, mut base) = (0, 0, 0);
    for (text, words) in &sentences {
        let mut pos = 0;
        for (form, lemma, upos) in words {
            let Some(at) = text[pos..].find(form.as_str()).map(|j| pos + j) else {
                continue;
            };
            pos = at + form.len();
            if ["PUNCT", "NUM", "SYM", "X"].contains(&upos.as_str()) {
                continue;
            }
            n += 1;
            let got = ours.get(&(base + at, base + at + form.len()));
            right += usize::from(got.is_some_and(|g| fold(g) == fold(lemma)));
        }
        base += text.len() + 2;
    }
    (n, right as f64 / n as f64)
}

#[test]
fn lemma_accuracy_on_ud_dev_sets() {
    for (file, words, floor) in [
        (
            "reference/ud/UD_Russian-GSD/ru_gsd-ud-dev.conllu",
            9006,
            0.96,
        ),
        (
            "reference/ud/UD_Russian-Taiga/ru_taiga-ud-dev.conllu",
            12726,
            0.95,
        ),
    ] {
        let Some(path) = shared(file) else { return };
        let (n, acc) = accuracy(&path);
        println!("{file}: {n} words, lemma accuracy {acc:.4}");
        assert_eq!(
            n, words,
            "{file}: the words scored, as eval_lemmas.py counts them"
        );
        assert!(
            acc >= floor,
            "{file}: lemma accuracy {acc:.4} below {floor}"
        );
    }
}

/// A report in the lemma view on a small transcript: forms counted under their lemma, names kept as names (a
/// speaker's surname written in lowercase too), `names.csv` and `name_parts.csv` by kind, content words by part of
/// speech.
#[test]
fn the_lemma_view_counts_lemmas_and_keeps_names() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Встреча\n2025-03-01 12:00\n\
        Д.Песков: Выборы прошли. О выборах говорили в Москве и в Минске. Мы были в Москве. \
        Слова Пескова передали. Мы говорили с Газпромом.\n\
        В.Путин: Выбор за вами. путина обсуждала выборы. Путина спросили о выборах.\n";
    std::fs::write(dir.path().join("m.txt"), text).unwrap();
    let out = crate::support::run_in(
        dir.path(),
        &[
            "report", "m.txt", "--out", "r", "--quiet", "--charts", "none",
        ],
    );
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    let freq =
        crate::support::csv_rows(&std::fs::read_to_string(dir.path().join("r/freq.csv")).unwrap());
    let cell = |speaker: &str, view: &str, term: &str, col: &str| {
        freq.iter()
            .find(|r| r["speaker"] == speaker && r["view"] == view && r["term"] == term)
            .map(|r| r[col].clone())
    };
    // выборы, выборах: one lemma; выбор (choice) another, which the stem view merges with them.
    assert_eq!(cell("*", "lemma", "выборы", "count").as_deref(), Some("4"));
    assert_eq!(cell("*", "lemma", "выбор", "count").as_deref(), Some("1"));
    assert_eq!(cell("*", "lemma", "выборы", "pos").as_deref(), Some("NOUN"));
    assert_eq!(
        cell("*", "lemma", "говорить", "content").as_deref(),
        Some("true")
    );
    // быть is a verb the stopword list names; мы a pronoun: neither is a content word.
    assert_eq!(
        cell("*", "lemma", "быть", "content").as_deref(),
        Some("false")
    );
    assert_eq!(
        cell("*", "lemma", "мы", "content").as_deref(),
        Some("false")
    );
    // Пескова is the surname, shown with its capital; путина (lowercase, once) joins Путина as the speaker's name.
    assert_eq!(
        cell("*", "lemma", "песков", "form").as_deref(),
        Some("Песков")
    );
    assert_eq!(cell("*", "lemma", "песок", "count"), None);
    assert_eq!(cell("*", "lemma", "путин", "count").as_deref(), Some("2"));
    assert_eq!(cell("*", "lemma", "путина", "count"), None);
    // names.csv counts mentions, named as shown; name_parts.csv the name words by lemma.
    let table = |file: &str| {
        crate::support::csv_rows(&std::fs::read_to_string(dir.path().join("r").join(file)).unwrap())
    };
    let (names, parts) = (table("names.csv"), table("name_parts.csv"));
    let name = |speaker: &str, name: &str| {
        names
            .iter()
            .find(|r| r["speaker"] == speaker && r["name"] == name)
            .map(|r| (r["kind"].clone(), r["count"].clone()))
    };
    assert_eq!(
        name("Д.Песков", "Москва"),
        Some(("place".into(), "2".into()))
    );
    assert_eq!(
        name("Д.Песков", "Минск"),
        Some(("place".into(), "1".into()))
    );
    assert_eq!(
        name("Д.Песков", "Газпром"),
        Some(("organisation".into(), "1".into()))
    );
    assert_eq!(
        name("Д.Песков", "Песков"),
        Some(("person".into(), "1".into()))
    );
    assert_eq!(name("*", "Путин"), Some(("person".into(), "2".into())));
    let part = |speaker: &str, name: &str| {
        parts
            .iter()
            .find(|r| r["speaker"] == speaker && r["name"] == name)
            .map(|r| (r["kind"].clone(), r["part"].clone(), r["count"].clone()))
    };
    assert_eq!(
        part("*", "путин"),
        Some(("person".into(), "surname".into(), "2".into()))
    );
    assert_eq!(
        part("Д.Песков", "москва"),
        Some(("place".into(), "".into(), "2".into()))
    );
}

/// English in the lemma view: inflections are undone to a word of the corpus, derivations are not (the Snowball
/// stem `import` joined important, importance and imports).
#[test]
fn english_lemmas_undo_inflections_and_keep_derivations_apart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("en.txt"),
        "Vladimir Putin: Imports matter. The import of energy is important, and its importance grows.\n\
         Donald Trump: Our countries discussed imports. Each country was ready; the talks were good.\n",
    )
    .unwrap();
    let out = crate::support::run_in(
        dir.path(),
        &[
            "report",
            "en.txt",
            "--out",
            "r",
            "--charts",
            "none",
            "--min-count",
            "1",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    let freq = std::fs::read_to_string(dir.path().join("r/freq.csv")).unwrap();
    let rows = crate::support::csv_rows(&freq);
    let count = |term: &str| {
        rows.iter()
            .find(|r| r["speaker"] == "*" && r["view"] == "lemma" && r["term"] == term)
            .map(|r| r["count"].clone())
    };
    assert_eq!(count("import").as_deref(), Some("3"));
    assert_eq!(count("important").as_deref(), Some("1"));
    assert_eq!(count("importance").as_deref(), Some("1"));
    assert_eq!(count("country").as_deref(), Some("2"));
    assert_eq!(count("be").as_deref(), Some("3"));
    assert_eq!(
        count("talk"),
        None,
        "no `talk` in the corpus, so `talks` stays"
    );
    assert_eq!(count("talks").as_deref(), Some("1"));
}
