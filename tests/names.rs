//! Names as people: `names.csv` counts mentions of persons (the parts of one name are one mention), checked on the
//! shared corpora against counts made here from the turns' text (`stenogram parse`) with regular expressions, which
//! know nothing of the dictionary or of the rules that join name parts.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{csv_rows, run, stderr, stdout};

type Rows = Vec<BTreeMap<String, String>>;

/// `names.csv` and `name_parts.csv` of a report on `dir`, and the turns `parse` gives.
fn report_and_turns(dir: &Path) -> (Rows, Rows, Rows) {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, out) = (dir.to_str().unwrap(), tmp.path().to_str().unwrap());
    let made = run(&["report", dir, "--out", out, "--quiet", "--charts", "none"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let parsed = run(&["parse", dir]);
    assert!(parsed.status.success(), "{}", stderr(&parsed));
    let table = |f: &str| csv_rows(&std::fs::read_to_string(tmp.path().join(f)).unwrap());
    (
        table("names.csv"),
        table("name_parts.csv"),
        csv_rows(&stdout(&parsed)),
    )
}

/// Matches of `pattern` in the text of the turns (of `speaker`, or all) for which `keep` holds.
fn count_in(
    turns: &Rows,
    speaker: Option<&str>,
    pattern: &str,
    keep: impl Fn(&regex::Captures) -> bool,
) -> u64 {
    let re = regex::Regex::new(pattern).unwrap();
    turns
        .iter()
        .filter(|t| speaker.is_none_or(|s| t["speaker"] == s))
        .flat_map(|t| re.captures_iter(&t["text"]).collect::<Vec<_>>())
        .filter(|c| keep(c))
        .count() as u64
}

/// The row of `name` for `speaker`: (address, person, count).
fn row(names: &Rows, speaker: &str, name: &str) -> Option<(String, String, u64)> {
    names
        .iter()
        .find(|r| r["speaker"] == speaker && r["name"] == name)
        .map(|r| {
            (
                r["address"].clone(),
                r["person"].clone(),
                r["count"].parse().unwrap(),
            )
        })
}

#[test]
fn russian_names_are_counted_as_people() {
    let Some(dir) = crate::support::shared("corpus/kremlin") else {
        return;
    };
    let (names, parts, turns) = report_and_turns(&dir);
    // «Владимир Владимирович» in any case, with no surname before or after it (a surname joins the mention): the
    // address form, once per pair, not two names. The same count by hand: `stenogram parse ../shared/corpus/kremlin`
    // and a search for the pair in the text column gives 120, one of them «Владимир Владимирович Путин» (Н.Мадуро).
    let pair = |first: &str, patronymic: &str, surname: &str| {
        format!(r"(\b{surname}\w* )?\b{first}(|а|у|ом|е) {patronymic}(|а|у|ем|е)\b( {surname})?")
    };
    let alone = |c: &regex::Captures| c.get(1).is_none() && c.get(4).is_none();
    let vv = pair("Владимир", "Владимирович", "Путин");
    let address = count_in(&turns, None, &vv, alone);
    assert_eq!(address, 119);
    assert_eq!(
        row(&names, "*", "Владимир Владимирович"),
        Some(("true".into(), "Путин".into(), address))
    );
    // Lukashenko addresses Putin 5 times so; the address form is his panel's person, not two names.
    let by_lukashenko = count_in(&turns, Some("А.Лукашенко"), &vv, alone);
    assert_eq!(by_lukashenko, 5);
    assert_eq!(
        row(&names, "А.Лукашенко", "Владимир Владимирович").map(|r| r.2),
        Some(by_lukashenko)
    );
    // «Александр Григорьевич»: 9 in the text, one of them «Лукашенко Александра Григорьевича» (a full name in the
    // official order: a mention of Лукашенко).
    let ag = pair("Александр", "Григорьевич", "Лукашенко");
    assert_eq!(count_in(&turns, None, &ag, |_| true), 9);
    let address = count_in(&turns, None, &ag, alone);
    assert_eq!(address, 8);
    assert_eq!(
        row(&names, "*", "Александр Григорьевич"),
        Some(("true".into(), "Лукашенко".into(), address))
    );
    // Every form of Путин is a mention of its own (none stands beside another person's name): 5, one of them in
    // «Владимир Владимирович Путин».
    let putin = count_in(&turns, None, r"\bПутин(|а|у|ым|е)\b", |_| true);
    assert_eq!(putin, 5);
    assert_eq!(
        row(&names, "*", "Путин"),
        Some(("false".into(), "Путин".into(), putin))
    );
    // The parts are kept: each Владимирович (of any first name) is a patronymic in name_parts.csv.
    let patronymics = count_in(&turns, None, r"\bВладимирович(|а|у|ем|е)\b", |_| true);
    let part = parts
        .iter()
        .find(|r| r["speaker"] == "*" && r["name"] == "владимирович")
        .unwrap();
    assert_eq!(part["part"], "patronymic");
    assert_eq!(part["count"].parse::<u64>().unwrap(), patronymics);
    // No person is named by a patronymic alone in this corpus: a patronymic comes with its first name (an address
    // form) or with a surname.
    let patronymic_forms: Vec<&str> = parts
        .iter()
        .filter(|r| r["part"] == "patronymic")
        .map(|r| r["form"].as_str())
        .collect();
    assert!(patronymic_forms.contains(&"Григорьевич"));
    for r in names.iter().filter(|r| r["kind"] == "person") {
        assert!(!patronymic_forms.contains(&r["name"].as_str()), "{r:?}");
    }
}

#[test]
fn english_persons_are_the_surnames_after_mr_and_president() {
    let Some(dir) = crate::support::shared("corpus/kremlin-en") else {
        return;
    };
    let (names, parts, turns) = report_and_turns(&dir);
    // The persons called Mr or President somewhere; each capitalised occurrence of the surname (with its
    // possessive) is a mention: counted here as the word in the turns' text.
    let expected = [
        ("Putin", 30),
        ("Lukashenko", 7),
        ("Nazarbayev", 4),
        ("Erdogan", 3),
        ("Karlov", 2),
        ("Mamin", 2),
        ("Medvedev", 2),
        ("Shuvalov", 2),
        ("Mirziyoyev", 1),
    ];
    let all: Vec<(&str, u64)> = names
        .iter()
        .filter(|r| r["speaker"] == "*")
        .map(|r| (r["name"].as_str(), r["count"].parse().unwrap()))
        .collect();
    assert_eq!(all, expected);
    for (name, count) in expected {
        let pattern = format!(r"\b{name}(’s|'s)?\b");
        assert_eq!(count_in(&turns, None, &pattern, |_| true), count, "{name}");
    }
    assert!(names.iter().all(|r| r["kind"] == "person"));
    // English has no name words by the dictionary.
    assert!(parts.is_empty());
}
