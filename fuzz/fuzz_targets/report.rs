//! The whole report path on a small generated corpus: the fuzz input becomes one transcript beside a fixed one,
//! and `analyse_paths` plus `report::run` (tables, HTML, and for one input in 32 the SVG charts) must succeed
//! without panicking. Files go to one directory per process (under `/dev/shm` when it exists), rewritten by each
//! run, so an execution costs the report and not the making and removing of directories; the work runs on one
//! thread.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stenogram::report::{self, Formats, ReportConfig};
use stenogram::corpus::{analyse_paths, AnalysisOptions};
use stenogram::transcript::{Aliases, ReadOptions};

const FIXED: &str = "\nВстреча\n\n\n2024-01-02 10:00:00\n\nМосква\n\nЛид.\nВ.Путин: Добрый день, коллеги! Как дела?\nА.Иванов: Спасибо, [всё] хорошо. (Смех.)\nВ.Путин: Хорошо.\n";

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
        let dir = tempfile::Builder::new()
            .prefix("stenogram-fuzz-")
            .tempdir_in(base)
            .expect("a temp dir")
            .keep();
        std::fs::create_dir_all(dir.join("in")).expect("the input dir");
        std::fs::write(dir.join("in/2024-01-02_fixed.txt"), FIXED).expect("write");
        dir
    })
}

/// One worker thread, and each run entirely on it: waking a pool for a two-file corpus costs more than the work.
fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a thread pool")
    })
}

fuzz_target!(|data: &[u8]| pool().install(|| run(data)));

fn run(data: &[u8]) {
    let dir = dir();
    std::fs::write(dir.join("in/2024-01-03_fuzz.txt"), data).expect("write");
    let analysed = analyse_paths(
        &[dir.join("in")],
        &ReadOptions::default(),
        Aliases::default(),
        &AnalysisOptions::default(),
    );
    let charts = if data.first().is_some_and(|b| b % 32 == 0) {
        Formats::Svg
    } else {
        Formats::None
    };
    let config = ReportConfig {
        out: dir.join("out"),
        charts,
        min_count: 1,
        // Every speaker in the distances and the consensus tree, however few their words.
        min_words: 1,
        ..ReportConfig::default()
    };
    report::run(&analysed.corpus, &analysed.audits, &config, &mut ()).expect("the report is written");
}
