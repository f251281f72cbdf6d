//! The transcript reader on arbitrary bytes: decoding, the layout, labels, annotations and the audit. It must not
//! panic, and the audit must account for every non-blank line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::transcript::{read_bytes, ReadOptions, SpeakerResolver, Aliases};

fuzz_target!(|data: &[u8]| {
    for narrator in [None, Some("N".to_string())] {
        let options = ReadOptions { narrator, ..ReadOptions::default() };
        if let Ok((file, _warnings)) = read_bytes("fuzz.txt", data, &options) {
            let a = &file.audit;
            assert_eq!(
                a.lines,
                a.metadata + a.lead + a.headings + a.separators + a.turn_lines + a.elisions + a.unclassified
            );
            let names: Vec<&str> = file.meeting.turns().map(|t| t.name.as_str()).collect();
            let resolver = SpeakerResolver::new(names.iter().copied(), Aliases::default());
            for t in file.meeting.turns() {
                let _ = resolver.resolve(&t.label, &t.name);
                let _ = t.spoken();
            }
        }
    }
});
