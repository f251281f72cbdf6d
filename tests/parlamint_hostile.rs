//! Hostile ParlaMint files: truncated XML, a wrong namespace, a DTD, a meta file without its columns, an utterance
//! the meta file does not list, a text line without a tab, invalid UTF-8, empty and binary files, a text without its
//! meta file. None panics; each is an error naming the file (and line), or a warning naming the line while the rest
//! of the file is read; through the command line the other files are still read.

use std::path::{Path, PathBuf};

use stenogram::transcript::parlamint::{read_parlamint_file, UNKNOWN_SPEAKER};
use stenogram::transcript::{ReadError, ReadFile, ReadOptions, Warning};

use crate::support::{csv_rows, run_in, stderr, stdout};

const ID: &str = "ParlaMint-XX_2020-01-02";

const META: &str = "Text_ID\tID\tTitle\tDate\tBody\tLang\tSpeaker_role\tSpeaker_party\tSpeaker_name\tSpeaker_gender\n\
    S\tS.u1\tA sitting\t2020-01-02\tLower house\tEnglish\tRegular\tP1\tSmith, Anna\tF\n\
    S\tS.u2\tA sitting\t2020-01-02\tLower house\tEnglish\tChairperson\tP2\tJones, Bob\tM\n";

const TXT: &str = "S.u1\tGood morning. [[Laughter]] Thank you.\nS.u2\tOrder, order.\n";

const TEI: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader/>
  <text><body><div>
    <u xml:id="S.u1" who="#AnnaSmith"><seg>Good morning.</seg><vocal><desc>Laughter</desc></vocal><seg>Thank you.</seg></u>
    <u xml:id="S.u2" who="#BobJones"><seg>Order, order.</seg></u>
  </div></body></text>
</TEI>
"##;

/// A folder with the meta file of the sitting and the given files.
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("{ID}-meta.tsv")), META).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn path(dir: &tempfile::TempDir, ext: &str) -> PathBuf {
    dir.path().join(format!("{ID}.{ext}"))
}

fn read(path: &Path) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    read_parlamint_file(path, &ReadOptions::default()).expect("a ParlaMint name")
}

fn error(path: &Path) -> String {
    let e = read(path)
        .err()
        .unwrap_or_else(|| panic!("{} read", path.display()));
    let message = e.to_string();
    assert!(
        message.starts_with(&path.to_string_lossy().into_owned()),
        "{message}"
    );
    message
}

#[test]
fn good_files_read_alike_in_both_forms() {
    let dir = folder(&[
        (&format!("{ID}.txt"), TXT.as_bytes()),
        (&format!("{ID}.xml"), TEI.as_bytes()),
    ]);
    for ext in ["txt", "xml"] {
        let (file, warnings) = read(&path(&dir, ext)).unwrap();
        assert!(warnings.is_empty(), "{ext}: {warnings:?}");
        let turns: Vec<_> = file
            .meeting
            .turns()
            .map(|t| (t.speaker.clone(), t.spoken().replace('\n', " ")))
            .collect();
        assert_eq!(
            turns,
            [
                (
                    "Anna Smith".to_string(),
                    "Good morning. Thank you.".to_string()
                ),
                ("Bob Jones".to_string(), "Order, order.".to_string())
            ],
            "{ext}"
        );
        assert_eq!(file.meeting.attribute("body"), Some("Lower house"));
    }
}

#[test]
fn a_tei_sitting_without_a_meta_file_names_its_speakers_from_the_list_of_persons() {
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("2020");
    std::fs::create_dir(&year).unwrap();
    let xml = year.join(format!("{ID}.xml"));
    std::fs::write(&xml, TEI).unwrap();
    let (file, warnings) = read(&xml).unwrap();
    let speakers: Vec<_> = file.meeting.turns().map(|t| t.speaker.clone()).collect();
    assert_eq!(speakers, ["Anna Smith", "Bob Jones"], "named by their ids");
    assert!(
        warnings[0]
            .message
            .contains("speakers are named by their ParlaMint ids"),
        "{warnings:?}"
    );
    let list = r#"<listPerson xmlns="http://www.tei-c.org/ns/1.0">
        <person xml:id="AnnaSmith"><persName><forename>Anna</forename><forename>Maria</forename>
        <surname>Smith</surname></persName><sex value="F"/><birth when="1970"/></person></listPerson>"#;
    std::fs::write(dir.path().join("ParlaMint-XX-listPerson.xml"), list).unwrap();
    let (file, warnings) = read(&xml).unwrap();
    let turns: Vec<_> = file.meeting.turns().collect();
    assert_eq!(turns[0].speaker, "Anna Maria Smith");
    assert!(turns[0]
        .attributes
        .contains(&("gender".to_string(), "F".to_string())));
    assert_eq!(
        turns[1].speaker, "Bob Jones",
        "not in the list: named by the id"
    );
    assert!(
        warnings[0]
            .message
            .contains("from the corpus' list of persons"),
        "{warnings:?}"
    );
}

#[test]
fn truncated_xml_a_wrong_namespace_and_a_dtd_are_errors_naming_the_line() {
    let cut = &TEI[..TEI.find("<seg>Order").unwrap()];
    let dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">&lol;</TEI>";
    for (xml, expected) in [
        (cut.to_string(), ":6: not well-formed XML"),
        (TEI.replace("http://www.tei-c.org/ns/1.0", "http://example.org/tei"), ":2: not a ParlaMint TEI sitting: the root element is <{http://example.org/tei}TEI>"),
        (TEI.replace(" xmlns=\"http://www.tei-c.org/ns/1.0\"", ""), ":2: not a ParlaMint TEI sitting: the root element is <TEI>"),
        ("<html><body>a page</body></html>".to_string(), ":1: not a ParlaMint TEI sitting: the root element is <html>"),
        (dtd.to_string(), ":2: a document type declaration (<!DOCTYPE …>), which ParlaMint files do not have, is refused"),
        ("plain text, not XML".to_string(), ":1: not well-formed XML"),
    ] {
        let dir = folder(&[(&format!("{ID}.xml"), xml.as_bytes())]);
        let message = error(&path(&dir, "xml"));
        assert!(message.contains(expected), "{message}");
    }
}

#[test]
fn a_meta_file_without_its_columns_is_an_error_naming_it() {
    let dir = folder(&[
        (&format!("{ID}.txt"), TXT.as_bytes()),
        (&format!("{ID}.xml"), TEI.as_bytes()),
    ]);
    std::fs::write(
        dir.path().join(format!("{ID}-meta.tsv")),
        "Text_ID\tTitle\nS\tA sitting\n",
    )
    .unwrap();
    for ext in ["txt", "xml"] {
        let message = read(&path(&dir, ext)).err().unwrap().to_string();
        assert!(
            message.ends_with("-meta.tsv:1: the ParlaMint meta file lacks the column(s) ID, Speaker_name; not read"),
            "{message}"
        );
    }
}

#[test]
fn an_utterance_missing_from_the_meta_and_a_line_without_a_tab_are_warnings_naming_the_line() {
    let txt = "S.u1\tGood morning.\nno tab on this line\nS.u9\tWho am I?\n";
    let tei = TEI.replace("xml:id=\"S.u2\"", "xml:id=\"S.u9\"");
    let dir = folder(&[
        (&format!("{ID}.txt"), txt.as_bytes()),
        (&format!("{ID}.xml"), tei.as_bytes()),
    ]);
    let (file, warnings) = read(&path(&dir, "txt")).unwrap();
    let told: Vec<_> = warnings
        .iter()
        .map(|w| (w.line, w.message.clone()))
        .collect();
    assert_eq!(told.len(), 2, "{told:?}");
    assert_eq!(told[0].0, Some(2));
    assert!(
        told[0].1.starts_with("not a ParlaMint text line"),
        "{told:?}"
    );
    assert_eq!(told[1].0, Some(3));
    assert!(
        told[1].1.starts_with("utterance S.u9 is not in "),
        "{told:?}"
    );
    assert_eq!(
        (
            file.audit.lines,
            file.audit.turn_lines,
            file.audit.unclassified
        ),
        (3, 2, 1)
    );
    let speakers: Vec<_> = file.meeting.turns().map(|t| t.speaker.as_str()).collect();
    assert_eq!(speakers, ["Anna Smith", UNKNOWN_SPEAKER]);
    let (file, warnings) = read(&path(&dir, "xml")).unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, Some(6));
    assert!(
        warnings[0].message.contains("utterance S.u9 is not in"),
        "{warnings:?}"
    );
    assert_eq!(
        file.meeting.turns().nth(1).unwrap().speaker,
        "Bob Jones",
        "named by its who id"
    );
}

#[test]
fn invalid_utf8_empty_binary_and_a_text_without_its_meta_file() {
    // A byte lost in a download: replaced, with a warning naming the line.
    let ukrainian = format!("{TXT}S.u1\t{}\n", "Добрий ранок, колеги. ".repeat(20));
    let mut damaged = ukrainian.as_bytes().to_vec();
    damaged.insert(ukrainian.find("order.").unwrap(), 0xFF);
    let dir = folder(&[
        (&format!("{ID}.txt"), &damaged),
        (&format!("{ID}.xml"), b""),
    ]);
    let (_, warnings) = read(&path(&dir, "txt")).unwrap();
    assert!(warnings.iter().any(|w| w.line == Some(2)), "{warnings:?}");
    assert!(error(&path(&dir, "xml")).ends_with("empty file (no text to read)"));
    // Bytes that are not text at all.
    let noise: Vec<u8> = (0..4000u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    let dir = folder(&[
        (&format!("{ID}.txt"), &noise),
        (&format!("{ID}.xml"), b"<TEI>\0\0\0</TEI>"),
    ]);
    let message = error(&path(&dir, "txt"));
    assert!(message.contains("not read"), "{message}");
    assert!(error(&path(&dir, "xml")).contains("binary file"));
    // A text without its meta file names where it was looked for.
    let bare = tempfile::tempdir().unwrap();
    let txt = bare.path().join(format!("{ID}.txt"));
    std::fs::write(&txt, TXT).unwrap();
    let message = error(&txt);
    assert!(
        message.contains("no ParlaMint meta file for this text (looked for "),
        "{message}"
    );
    assert!(
        message.contains(&format!("2020/{ID}-meta.tsv")),
        "{message}"
    );
    // A meta file that is itself binary.
    std::fs::write(bare.path().join(format!("{ID}-meta.tsv")), [0u8; 64]).unwrap();
    assert!(read(&txt)
        .err()
        .unwrap()
        .to_string()
        .contains("-meta.tsv:1: binary file"));
}

#[test]
fn through_the_command_line_bad_files_are_named_and_the_others_read() {
    let other = "ParlaMint-XX_2020-01-03";
    let dir = folder(&[(&format!("{ID}.xml"), &TEI.as_bytes()[..200])]);
    std::fs::write(dir.path().join(format!("{other}.txt")), TXT).unwrap();
    std::fs::write(dir.path().join(format!("{other}-meta.tsv")), META).unwrap();
    let out = run_in(dir.path(), &["parse", "."]);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("{ID}.xml:")), "{err}");
    assert!(err.contains("not well-formed XML"), "{err}");
    assert_eq!(csv_rows(&stdout(&out)).len(), 2);
}
