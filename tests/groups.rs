//! Groups (`--group-by`) with `--speaker-info` and `--meeting-info`: the grouped counts recomputed from the
//! ungrouped `matrix.csv` and the metadata, `--group-by speaker` as the report without it, a speaker combined with a
//! meeting attribute, and the errors and warnings of the info files.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{csv_rows, run, seed, shared, stderr};

fn report(out: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec![
        "report",
        "--quiet",
        "--charts",
        "none",
        "--out",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    run(&all)
}

fn read(dir: &Path, file: &str) -> Vec<BTreeMap<String, String>> {
    csv_rows(&std::fs::read_to_string(dir.join(file)).unwrap())
}

#[test]
fn group_counts_equal_the_speaker_counts_of_the_matrix_summed_by_the_metadata() {
    let Some(kremlin) = shared("corpus/kremlin") else {
        return;
    };
    let kremlin = kremlin.to_str().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let info = tmp.path().join("speakers.csv");
    std::fs::write(
        &info,
        "speaker,bloc\nПутин,Russia\nЛукашенко,CIS\nРахмон,CIS\nМадуро,South\nВ. Матвиенко,Russia\n",
    )
    .unwrap();
    let info = info.to_str().unwrap();
    let (plain, grouped) = (tmp.path().join("plain"), tmp.path().join("grouped"));
    assert!(report(&plain, &[kremlin, "--matrix", "--view", "key"])
        .status
        .success());
    let out = report(
        &grouped,
        &[
            kremlin,
            "--view",
            "key",
            "--speaker-info",
            info,
            "--group-by",
            "bloc",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The bloc of each speaker, as the grouped report's attributes.csv lists its groups.
    let mut bloc_of: BTreeMap<String, String> = BTreeMap::new();
    for r in read(&grouped, "attributes.csv")
        .iter()
        .filter(|r| r["kind"] == "group")
    {
        bloc_of.insert(r["attribute_value"].clone(), r["id"].clone());
    }
    assert_eq!(bloc_of["В.Путин"], "Russia");
    assert_eq!(bloc_of["Н.Мадуро"], "South");
    assert_eq!(bloc_of["А.Беглов"], "(none)");
    let mut expected: BTreeMap<(String, String), u64> = BTreeMap::new();
    for r in read(&plain, "matrix.csv")
        .iter()
        .filter(|r| r["view"] == "key")
    {
        let group = bloc_of[&r["speaker"]].clone();
        *expected.entry((group, r["term"].clone())).or_default() +=
            r["count"].parse::<u64>().unwrap();
    }
    let actual: BTreeMap<(String, String), u64> = read(&grouped, "freq.csv")
        .iter()
        .filter(|r| r["view"] == "key" && r["speaker"] != "*")
        .map(|r| {
            (
                (r["speaker"].clone(), r["term"].clone()),
                r["count"].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(actual, expected);
    let groups: Vec<String> = read(&grouped, "speakers.csv")
        .iter()
        .map(|r| r["speaker"].clone())
        .collect();
    assert_eq!(groups, ["(none)", "CIS", "Russia", "South"]);
}

#[test]
fn grouping_by_speaker_is_the_report_without_it() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(report(&a, &[seed]).status.success());
    assert!(report(&b, &[seed, "--group-by", "Speaker"])
        .status
        .success());
    let files = |d: &Path| crate::report_files(d);
    assert_eq!(files(&a), files(&b));
}

#[test]
fn a_speaker_with_a_meeting_attribute_and_the_built_in_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = seed();
    let info = tmp.path().join("meetings.csv");
    std::fs::write(
        &info,
        "file,counterpart\ncorpus/2022-11-28_talks-kazakhstan-tokayev.txt,CIS\n",
    )
    .unwrap();
    let out_dir = tmp.path().join("r");
    let args = [
        seed.to_str().unwrap(),
        "--meeting-info",
        info.to_str().unwrap(),
    ];
    let out = report(
        &out_dir,
        &[&args[..], &["--group-by", "speaker,counterpart,year"]].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let groups: Vec<String> = read(&out_dir, "speakers.csv")
        .iter()
        .map(|r| r["speaker"].clone())
        .collect();
    assert_eq!(groups, ["В.Путин | CIS | 2022", "К.-Ж.Токаев | CIS | 2022"]);
    // A group names its word-list file as a speaker does.
    let mut files: Vec<String> = std::fs::read_dir(out_dir.join("speakers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].starts_with("В.Путин") && files[0].contains("CIS"),
        "{files:?}"
    );
}

#[test]
fn info_files_and_attributes_that_do_not_fit_are_said_with_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let out_dir = tmp.path().join("r");
    let out_dir = out_dir.to_str().unwrap();
    let bad = tmp.path().join("bad.csv");
    std::fs::write(&bad, "speaker,country\nПутин,RU\nТокаев\n").unwrap();
    let out = run(&[
        "report",
        seed,
        "--out",
        out_dir,
        "--speaker-info",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.csv:3: 1 fields where the header has 2"),
        "{}",
        stderr(&out)
    );
    let unknown = tmp.path().join("unknown.csv");
    std::fs::write(&unknown, "speaker,country\nПутин,RU\nНикто,XX\n").unwrap();
    let out = run(&[
        "report",
        seed,
        "--out",
        out_dir,
        "--speaker-info",
        unknown.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("unknown.csv:3: no speaker is called 'Никто'"),
        "{}",
        stderr(&out)
    );
    let out = run(&["report", seed, "--out", out_dir, "--group-by", "colour"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--group-by: no speaker, turn or meeting has the attribute 'colour'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_info_files_are_errors_or_warnings_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let out_dir = tmp.path().join("r");
    let out_dir = out_dir.to_str().unwrap();
    let cases: [(&str, &[u8], Option<i32>, &str); 7] = [
        ("empty.csv", b"", Some(1), "no 'speaker' column"),
        ("header.csv", b"speaker,country\n", Some(0), ""),
        ("crlf.csv", b"\xEF\xBB\xBFspeaker,country\r\n\"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\",\"R\nU\"\r\n", Some(0), ""),
        ("binary.csv", b"speaker,x\n\x00\xff\xfe,1\n", Some(1), "binary.csv"),
        ("twice.csv", "speaker,x\nПутин,1\nВ.Путин,2\n".as_bytes(), Some(0), "twice.csv:3: 'В.Путин' is В.Путин, given on an earlier row too"),
        ("long.csv", &[b"speaker,x\n".as_slice(), &vec![b'a'; 1 << 20]].concat(), Some(1), "long.csv:2"),
        ("empty_key.csv", b"speaker,x\n,1\n", Some(0), "empty_key.csv:2:"),
    ];
    for (name, bytes, code, said) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&[
            "report",
            seed,
            "--out",
            out_dir,
            "--speaker-info",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), code, "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(said), "{name}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{name}: {}",
            stderr(&out)
        );
    }
}
