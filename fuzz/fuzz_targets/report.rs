//! The whole report path on a small generated corpus: the fuzz input becomes one transcript beside a fixed one,
//! and `analyse_paths` plus `report::run` (tables, SVG charts, HTML) must succeed without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::report::{self, charts::Formats, ReportConfig};
use stenogram::stats::{analyse_paths, AnalysisOptions};
use stenogram::transcript::{Aliases, ReadOptions};

const FIXED: &str = "\nВстреча\n\n\n2024-01-02 10:00:00\n\nМосква\n\nЛид.\nВ.Путин: Добрый день, коллеги! Как дела?\nА.Иванов: Спасибо, [всё] хорошо. (Смех.)\nВ.Путин: Хорошо.\n";

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("2024-01-02_fixed.txt"), FIXED).expect("write");
    std::fs::write(dir.path().join("2024-01-03_fuzz.txt"), data).expect("write");
    let analysed = analyse_paths(
        &[dir.path().to_path_buf()],
        &ReadOptions::default(),
        Aliases::default(),
        &AnalysisOptions::default(),
    );
    let config = ReportConfig {
        out: dir.path().join("out"),
        charts: Formats::Svg,
        min_count: 1,
        ..ReportConfig::default()
    };
    report::run(&analysed.corpus, &analysed.audits, &config, |_| {}).expect("the report is written");
});
