//! The page reader on arbitrary bytes: decoding (damaged UTF-8 included), the HTML5 parse, the site's template, the
//! text layout. It must not panic, the audit must account for every non-blank line, and a page must read as the
//! text `stenogram import` writes of it reads (same turns, same words), which is what the README promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::transcript::{read_bytes, read_page_bytes, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default();
    let Ok((file, _warnings)) = read_page_bytes("fuzz.html", data, &options) else {
        return;
    };
    let a = &file.audit;
    assert_eq!(
        a.lines,
        a.metadata + a.lead + a.headings + a.separators + a.turn_lines + a.elisions + a.unclassified
    );
    let decoded = stenogram::transcript::decode::decode(data).expect("decoded once, decoded again");
    let text = stenogram::transcript::page::read_page("fuzz.html", &decoded.text)
        .expect("a page read once reads again")
        .to_text();
    let (again, _) = read_bytes("fuzz.txt", text.as_bytes(), &options).expect("the imported text reads");
    let turns = |f: &stenogram::transcript::ReadFile| -> Vec<(String, String)> {
        f.meeting.turns().map(|t| (t.label.clone(), t.spoken())).collect()
    };
    assert_eq!(turns(&file), turns(&again));
});
