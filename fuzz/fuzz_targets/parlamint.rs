//! The ParlaMint readers on arbitrary bytes: as a TEI sitting (the XML parse, the header, the body), as a plain text
//! with a meta file beside it, and as a meta file. None may panic; the audit must account for every line or element
//! it counts; every annotation must point at its `[[` in the paragraph, and the spoken text must not hold a complete
//! addition cut out of it.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stenogram::transcript::parlamint::meta::parse_meta;
use stenogram::transcript::parlamint::{read_parlamint_tei, read_parlamint_txt};
use stenogram::transcript::{ReadFile, ReadOptions};

const ID: &str = "ParlaMint-XX_2020-01-02";
const META: &str = "ID\tSpeaker_name\tSpeaker_party\tLang\nS.u1\tSmith, Anna\tP1\tEnglish\nS.u2\t-\t-\tУкраїнська\n";

/// A folder holding the meta file the text is read with, kept for the whole run.
fn folder() -> &'static (tempfile::TempDir, PathBuf) {
    static FOLDER: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join(format!("{ID}-meta.tsv")), META).expect("the meta file");
        let txt = dir.path().join(format!("{ID}.txt"));
        (dir, txt)
    })
}

fn check(file: &ReadFile) {
    let a = &file.audit;
    assert_eq!(
        a.lines,
        a.metadata + a.lead + a.headings + a.separators + a.turn_lines + a.elisions + a.unclassified
    );
    for turn in file.meeting.turns() {
        for p in &turn.paragraphs {
            for annotation in &p.annotations {
                assert!(p.raw.is_char_boundary(annotation.offset));
                assert!(p.raw[annotation.offset..].starts_with("[["), "{p:?}");
            }
            assert!(!p.spoken.contains("  "), "{p:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default();
    let tei = PathBuf::from(format!("/nonexistent/{ID}.xml"));
    if let Ok((file, _)) = read_parlamint_tei(&tei, data, &options) {
        check(&file);
    }
    let (_, txt) = folder();
    if let Ok((file, _)) = read_parlamint_txt(txt, data, &options) {
        check(&file);
        assert_eq!(file.meeting.turns().count(), file.audit.turn_lines);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_meta("fuzz-meta.tsv", text, None);
    }
});
