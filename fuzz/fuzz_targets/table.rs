//! The table reader on arbitrary bytes, read as a `.csv`, a `.tsv` and a `.jsonl` file, with the usual column names
//! and with columns named by `--columns`. It must not panic; the audit must account for every row (the header, turn
//! rows, bad rows) and count as many turn rows as there are turns; and the meetings written back as a table
//! (meeting, speaker, text) must read as the same turns, so that nothing of a row is lost or invented.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::transcript::{read_table, Meeting, ReadOptions, TableColumns};

/// Each turn as (meeting, label, spoken text).
fn turns(meetings: &[Meeting]) -> Vec<(String, String, String)> {
    meetings
        .iter()
        .flat_map(|m| m.turns().map(move |t| (m.id.clone(), t.label.clone(), t.spoken())))
        .collect()
}

/// The meetings as a CSV table: meeting, speaker (the label), text (the raw paragraphs, one a line).
fn written(meetings: &[Meeting]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["meeting", "speaker", "text"]).unwrap();
    for m in meetings {
        for t in m.turns() {
            let text: Vec<&str> = t.paragraphs.iter().map(|p| p.raw.as_str()).collect();
            w.write_record([m.id.as_str(), t.label.as_str(), &text.join("\n")]).unwrap();
        }
    }
    w.into_inner().unwrap()
}

fuzz_target!(|data: &[u8]| {
    let named = ReadOptions {
        columns: TableColumns::parse("text=b,speaker=a,meeting=c,turn=d").unwrap(),
        ..ReadOptions::default()
    };
    for options in [ReadOptions::default(), named] {
        for name in ["fuzz.csv", "fuzz.tsv", "fuzz.jsonl"] {
            let Ok(reading) = read_table(name, data, &options) else {
                continue;
            };
            let a = &reading.file.audit;
            assert_eq!(a.lines, a.metadata + a.turn_lines + a.unclassified);
            assert_eq!(a.unclassified, reading.errors.len());
            let meetings = &reading.file.meetings;
            let all = turns(meetings);
            assert_eq!(all.len(), a.turn_lines);
            assert!(meetings.iter().all(|m| m.turns().next().is_some()));
            if all.is_empty() {
                continue;
            }
            let bytes = written(meetings);
            if bytes.contains(&0) || all.iter().all(|(_, _, text)| text.trim().eq_ignore_ascii_case("true") || text.trim().eq_ignore_ascii_case("false")) {
                continue;
            }
            let again = read_table("again.csv", &bytes, &ReadOptions::default())
                .expect("a table written from meetings reads");
            assert!(again.errors.is_empty(), "{:?}", again.errors);
            assert_eq!(turns(&again.file.meetings), all);
        }
    }
});
