//! The info tables (`--speaker-info`, `--meeting-info`) on arbitrary bytes: parsing must not panic; a table that
//! reads has its rows in file order, each attribute once under a header name; written back as CSV it reads as the
//! same keys and attributes (nothing of a row is lost or invented); and matching it against a small corpus, then
//! grouping that corpus by the table's columns, gives a result or a typed error, never a panic, with every warning
//! naming the file and a line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::corpus::groups::metadata;
use stenogram::corpus::{describe, Corpus, Gap, MeetingInfo, TurnTokens};
use stenogram::transcript::{parse_info, InfoTable};

/// Two speakers (one with an initial, as kremlin.ru labels are) in two meetings.
fn corpus() -> Corpus {
    let mut c = Corpus {
        speakers: vec!["А.Иванов".into(), "В.Путин".into()],
        ..Corpus::default()
    };
    for (id, date) in [("2022-03-01_talks", "2022-03-01"), ("m2", "2023-05-02")] {
        c.meetings.push(MeetingInfo::dated(id, date.parse().ok()));
    }
    let w = c.keys.add("да", "да");
    for (meeting, speaker) in [(0, 0), (0, 1), (1, 1)] {
        let turn = TurnTokens {
            meeting,
            speaker,
            number: 1,
            interpreted: false,
            start: 0,
            words: 0,
            sentences: 1,
            attributes: 0,
        };
        c.push_turn(turn, &[w], &[Gap::Sentence]);
    }
    c.turn_attributes = vec![Vec::new()];
    c
}

/// The table as CSV: its key column, then every attribute name in the order first seen.
fn written(table: &InfoTable) -> Vec<u8> {
    let mut names: Vec<&str> = Vec::new();
    for row in &table.rows {
        for (name, _) in &row.attributes {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(std::iter::once(table.key.as_str()).chain(names.iter().copied()))
        .unwrap();
    for row in &table.rows {
        let value = |name: &str| {
            row.attributes
                .iter()
                .find(|(n, _)| n == name)
                .map_or("", |(_, v)| v.as_str())
        };
        w.write_record(std::iter::once(row.key.as_str()).chain(names.iter().map(|n| value(n))))
            .unwrap();
    }
    w.into_inner().unwrap()
}

fuzz_target!(|data: &[u8]| {
    for keys in [&["speaker"][..], &["meeting", "file"][..]] {
        let Ok(table) = parse_info("fuzz.csv", data, keys) else {
            continue;
        };
        assert!(table.rows.windows(2).all(|w| w[0].line < w[1].line));
        for row in &table.rows {
            assert!(row.line >= 2);
            assert_eq!(row.key, row.key.trim());
            for (i, (name, value)) in row.attributes.iter().enumerate() {
                assert!(!value.is_empty() && value == value.trim());
                assert!(name != &table.key);
                assert!(row.attributes[..i].iter().all(|(n, _)| n != name));
            }
        }
        // Header names that do not survive a second lowercasing (a few Unicode letters) are not compared.
        let stable = |s: &str| s.to_lowercase() == s && s.trim() == s;
        if table.rows.iter().all(|r| r.attributes.iter().all(|(n, _)| stable(n))) {
            let again = parse_info("again.csv", &written(&table), keys).expect("a table written back reads");
            assert_eq!(again.key, table.key);
            // Columns are written in the order first seen, which need not be the header's.
            let facts = |t: &InfoTable| -> Vec<(String, Vec<(String, String)>)> {
                t.rows
                    .iter()
                    .map(|r| {
                        let mut attributes = r.attributes.clone();
                        attributes.sort();
                        (r.key.clone(), attributes)
                    })
                    .collect()
            };
            assert_eq!(facts(&again), facts(&table));
        }
        let mut c = corpus();
        let (speakers, meetings) = if keys[0] == "speaker" {
            (Some(&table), None)
        } else {
            (None, Some(&table))
        };
        let (found, warnings) = metadata(&c, speakers, meetings);
        assert!(warnings.iter().all(|w| w.starts_with("fuzz.csv:")), "{warnings:?}");
        let mut by: Vec<String> = table
            .rows
            .iter()
            .flat_map(|r| r.attributes.iter().map(|(n, _)| n.clone()))
            .take(2)
            .collect();
        by.insert(0, "speaker".into());
        let _ = describe(&mut c, found, &by);
    }
});
