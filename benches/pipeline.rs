//! Criterion benches of the hot stages on real Russian text (`../shared/bench/ruslit`, read in place; the benches
//! say so and do nothing where it is absent): normalize + tokenize, keys and stems (cached and uncached), lemma
//! readings, sentences, reading a transcript, the whole analysis (and with readings from `--cache`), counting,
//! collocations, lexical diversity, CSV writing and reading kremlin.ru pages (`../shared/pages`): one bench per
//! stage of `STENOGRAM_TIMINGS=1`, so a regression shows which stage it is in.
//!
//! `cargo bench --bench pipeline`; throughput is reported in bytes of input per second.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use stenogram::corpus::{analyse, AnalysisOptions, View};
use stenogram::stats::colloc::{collocations, CollocOptions};
use stenogram::stats::freq::frequencies;
use stenogram::stats::lexdiv::measure;
use stenogram::text::lemma::{Lemmatizer, Want};
use stenogram::text::normalize::{key, key_into, normalize};
use stenogram::text::sentences::sentence_ranges;
use stenogram::text::stem::{StemCache, Stemmer};
use stenogram::text::{tokenize, Language, Token, TokenKind};
use stenogram::transcript::{read_bytes, read_page_bytes, ReadOptions};

/// About 8 MB of prose: whole files of ../shared/bench/ruslit in sorted order.
fn sample() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/ruslit/prose");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    }
    let mut files: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut text = String::new();
    for f in files {
        text.push_str(&std::fs::read_to_string(f).ok()?);
        text.push('\n');
        if text.len() > 8_000_000 {
            break;
        }
    }
    Some(text)
}

fn text_stages(c: &mut Criterion) {
    let Some(text) = sample() else { return };
    let mut g = c.benchmark_group("text");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| black_box(normalize(&text).len()))
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| black_box(tokenize(&text).count()))
    });
    let tokens: Vec<Token> = tokenize(&text).collect();
    g.bench_function("sentences", |b| {
        b.iter(|| black_box(sentence_ranges(&text, &tokens).len()))
    });
    g.bench_function("tokenize+key+stem (cached)", |b| {
        b.iter(|| {
            let mut cache = StemCache::new(Language::Ru);
            let mut key = String::new();
            let mut n = 0usize;
            for t in tokenize(&text) {
                if t.kind == TokenKind::Word {
                    key_into(t.surface(&text), &mut key);
                    n += cache.stem(&key).len();
                }
            }
            black_box(n)
        })
    });
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.surface(&text))
        .take(200_000)
        .collect();
    let stemmer = Stemmer::new(Language::Ru);
    g.throughput(Throughput::Elements(words.len() as u64));
    g.bench_function("stem 200k words (uncached)", |b| {
        b.iter(|| {
            let mut key = String::new();
            let mut n = 0;
            for w in &words {
                key_into(w, &mut key);
                n += stemmer.stem(&key).len();
            }
            black_box(n)
        })
    });
    // The terms stage: each distinct key read once by the dictionary, as the corpus derives its lemmas.
    let distinct: Vec<String> = (words.iter().map(|w| key(w)))
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .take(20_000)
        .collect();
    let lemmatizer = Lemmatizer::new().expect("the built-in dictionary loads");
    let read_all = |keys: &[String]| -> usize {
        (keys.iter())
            .map(|w| lemmatizer.read(w, Want::Best).lemma.len())
            .sum()
    };
    g.throughput(Throughput::Elements(distinct.len() as u64));
    g.bench_function("lemma readings of 20k distinct keys", |b| {
        b.iter(|| black_box(read_all(&distinct)))
    });
    // The same keys in the order the text first meets them, as the corpus derives them.
    let mut seen = std::collections::HashSet::new();
    let wanted: std::collections::HashSet<&String> = distinct.iter().collect();
    let met: Vec<String> = (words.iter().map(|w| key(w)))
        .filter(|k| wanted.contains(k) && seen.insert(k.clone()))
        .collect();
    g.bench_function("lemma readings of the same keys, first-met order", |b| {
        b.iter(|| black_box(read_all(&met)))
    });
    g.finish();
}

fn stats_stages(c: &mut Criterion) {
    let Some(text) = sample() else { return };
    let options = ReadOptions {
        narrator: Some("narrator".into()),
        ..ReadOptions::default()
    };
    let (file, _) = read_bytes("sample.txt", text.as_bytes(), &options).expect("the sample reads");
    let mut g = c.benchmark_group("stats");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("read (transcript layout, turns)", |b| {
        b.iter(|| {
            black_box(
                read_bytes("sample.txt", text.as_bytes(), &options)
                    .map(|f| f.0.meeting.turns().count()),
            )
        })
    });
    g.bench_function("analyse (tokenize, intern, stems, lemmas)", |b| {
        b.iter(|| {
            black_box(
                analyse(&[&file.meeting], &AnalysisOptions::default())
                    .keys
                    .len(),
            )
        })
    });
    // The terms from a cache of readings filled by the first run (`--cache`): the analysis without the dictionary.
    let cache = tempfile::tempdir().expect("a temporary folder");
    let cached = AnalysisOptions {
        cache: Some(cache.path().to_path_buf()),
        ..AnalysisOptions::default()
    };
    analyse(&[&file.meeting], &cached);
    g.bench_function("analyse, readings from --cache", |b| {
        b.iter(|| black_box(analyse(&[&file.meeting], &cached).keys.len()))
    });
    let corpus = analyse(&[&file.meeting], &AnalysisOptions::default());
    g.bench_function("frequencies (stem view)", |b| {
        b.iter(|| black_box(frequencies(&corpus, View::Stem, 1).map(|rows| rows.len())))
    });
    g.bench_function("collocations", |b| {
        b.iter(|| black_box(collocations(&corpus, &CollocOptions::default()).map(|c| c.0.len())))
    });
    let tokens: Vec<u32> = corpus.speaker_words(0).expect("the tokens are in memory");
    g.bench_function("lexical diversity (all measures)", |b| {
        b.iter(|| black_box(measure(&tokens, 100)))
    });
    let rows = frequencies(&corpus, View::Key, 1).expect("the tokens are in memory");
    g.throughput(Throughput::Elements(rows.len() as u64));
    g.bench_function("csv writing (freq rows)", |b| {
        b.iter(|| {
            let mut w = csv::Writer::from_writer(Vec::with_capacity(1 << 20));
            for r in &rows {
                w.serialize(r).unwrap();
            }
            black_box(w.into_inner().unwrap().len())
        })
    });
    g.finish();
}

/// Reading kremlin.ru pages (`../shared/pages`, 300 of them): the HTML parse of the head and article and the walk.
fn page_stage(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages");
    if !dir.exists() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut pages: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    pages.sort();
    let mut g = c.benchmark_group("pages");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(
        pages.iter().map(|p| p.1.len() as u64).sum(),
    ));
    g.bench_function("read 300 kremlin.ru pages", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter(|(path, html)| read_page_bytes(path, html, &ReadOptions::default()).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, text_stages, stats_stages, page_stage);
criterion_main!(benches);
