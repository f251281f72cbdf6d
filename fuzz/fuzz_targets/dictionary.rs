//! Dictionary files (`--dictionary`) on arbitrary bytes, read as each format (by the extensions `.yml`, `.dic`,
//! `.lc3`, `.cat`, and by content for `.txt`): reading must not panic; an error names the file and a line within
//! it; a dictionary read is well formed (every category after its parent, named by its parent's path and its own
//! name, every entry of a known category with words that are keys); and compiled, matched against a few words and
//! counted over a small corpus in every view, it gives counts, never a panic, over every word and no more hits than
//! words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::corpus::{analyse, AnalysisOptions, Corpus, View};
use stenogram::stats::dictionary::DictionaryCounts;
use stenogram::text::dictionary::{parse, Dictionary, Matcher, Scratch};
use stenogram::text::normalize::key;
use stenogram::transcript::{read_bytes, ReadOptions};

fn corpus() -> Corpus {
    let text = "В.Путин: Угрозы безопасности растут. Специальная военная операция идёт, торговля — тоже.\nА.Лукашенко: Ёлки, НАТО и США! Торговые а б в.\n";
    let (file, _) = read_bytes("2025-01-02_t.txt", text.as_bytes(), &ReadOptions::default()).unwrap();
    analyse(&[&file.meeting], &AnalysisOptions::default())
}

fn well_formed(d: &Dictionary) {
    for (i, c) in d.categories.iter().enumerate() {
        match c.parent {
            None => assert!(c.depth == 0 && !c.name.contains('.')),
            Some(p) => {
                assert!((p as usize) < i);
                let parent = &d.categories[p as usize];
                assert_eq!(c.depth, parent.depth + 1);
                assert!(c.name.starts_with(&format!("{}.", parent.name)));
            }
        }
    }
    assert!(!d.entries.is_empty());
    for e in &d.entries {
        assert!((e.category as usize) < d.categories.len());
        assert!(!e.words.is_empty());
        for w in &e.words {
            assert!(!w.is_empty() && !w.contains(char::is_whitespace));
            assert_eq!(&key(w), w, "an entry word is a key");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let lines = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    for name in ["d.yml", "d.dic", "d.lc3", "d.cat", "d.txt"] {
        let d = match parse(name, data) {
            Ok(d) => d,
            Err(e) => {
                assert_eq!(e.file, name);
                assert!(e.line >= 1 && e.line <= lines, "{e}: the file has {lines} lines");
                continue;
            }
        };
        well_formed(&d);
        let matcher = Matcher::new(d.clone());
        let mut slots = Vec::new();
        let words: Vec<Vec<u32>> = ["угрозы", "а", "", "военная", "торговля"]
            .iter()
            .map(|w| {
                slots.clear();
                matcher.slots_of(w, &mut slots);
                slots.clone()
            })
            .collect();
        let mut scratch = Scratch::default();
        matcher.find(words.len(), |i| &words[i], |i| i % 2 == 1, &mut scratch);
        let corpus = corpus();
        for view in View::ALL {
            let counts = DictionaryCounts::new(&corpus, view, matcher.clone()).unwrap();
            let (words, all) = counts.sum(|_, _| true);
            assert_eq!(words as usize, corpus.total_words());
            assert_eq!(all.len(), d.categories.len());
            // No category has more hits than there are words.
            assert!(all.iter().all(|t| t.count <= words));
        }
    }
});
