//! The statistics engine against golden values from an independent Python implementation (NLTK, lexicalrichness,
//! scipy; `tests/golden/make_golden.py`; the forms of word pairs from `make_forms.py`; conventions in
//! `tests/golden/README.md`), compared at 1e-9 relative
//! (`|x − golden| ≤ 1e-9 · max(|golden|, 1)`); and property tests of counting.
//!
//! The golden input is token lists, fed to the engine directly, so these tests check the statistics, not the
//! tokenizer.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::Value;

use stenogram::corpus::{Corpus, Gap, MeetingInfo, TokenStore, TurnTokens, View};
use stenogram::stats::colloc::{collocations, CollocOptions};
use stenogram::stats::distance::Distances;
use stenogram::stats::freq::frequencies;
use stenogram::stats::keyness::{keyness, Reference, Tallies};
use stenogram::stats::lexdiv::measure;
use stenogram::stats::mfw::Mfw;
use stenogram::stats::profile::Profiles;
use stenogram::stats::turns;

pub(crate) fn golden() -> (Value, Value) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let read =
        |f: &str| serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap();
    (read("input.json"), read("expected.json"))
}

/// Builds an analysed corpus from the golden token lists (keys = the tokens; no stopwords). Every token goes to the
/// token store's temporary file, so the measures are checked reading them back from it.
pub(crate) fn corpus_of(input: &Value) -> Corpus {
    corpus_with_stems(input, str::to_string)
}

/// [`corpus_of`] with `stem` giving the stem of each key (shown as itself).
fn corpus_with_stems(input: &Value, stem: impl Fn(&str) -> String) -> Corpus {
    let mut c = Corpus {
        tokens: TokenStore::new(0),
        ..Corpus::default()
    };
    let mut speakers = BTreeSet::new();
    for m in input["meetings"].as_array().unwrap() {
        for t in m["turns"].as_array().unwrap() {
            speakers.insert(t["speaker"].as_str().unwrap().to_string());
        }
    }
    c.speakers = speakers.into_iter().collect();
    for (mi, m) in input["meetings"].as_array().unwrap().iter().enumerate() {
        c.meetings.push(MeetingInfo::dated(
            m["id"].as_str().unwrap(),
            m["date"].as_str().unwrap().parse().ok(),
        ));
        for (ti, t) in m["turns"].as_array().unwrap().iter().enumerate() {
            let speaker = c
                .speakers
                .iter()
                .position(|s| s == t["speaker"].as_str().unwrap())
                .unwrap();
            let mut turn = TurnTokens {
                meeting: mi as u32,
                speaker: speaker as u32,
                number: ti as u32 + 1,
                interpreted: false,
                start: 0,
                words: 0,
                sentences: 0,
                attributes: 0,
            };
            let (mut words, mut gaps) = (Vec::new(), Vec::new());
            for sentence in t["sentences"].as_array().unwrap() {
                turn.sentences += 1;
                for (wi, w) in sentence.as_array().unwrap().iter().enumerate() {
                    let w = w.as_str().unwrap();
                    words.push(c.keys.add(w, w));
                    gaps.push(if wi == 0 {
                        Gap::Sentence
                    } else {
                        Gap::Adjacent
                    });
                }
            }
            c.push_turn(turn, &words, &gaps);
        }
    }
    for k in 0..c.keys.len() {
        let stem = stem(c.keys.text(k as u32));
        let id = c.stems.add(&stem, &stem);
        c.stems.of_key.push(id);
    }
    c
}

fn close(actual: f64, expected: &Value, what: &str) {
    let e = expected
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: golden {expected} is not a number"));
    assert!(
        (actual - e).abs() <= 1e-9 * e.abs().max(1.0),
        "{what}: {actual} vs golden {e}"
    );
}

fn close_opt(actual: Option<f64>, expected: &Value, what: &str) {
    match actual {
        None => assert!(expected.is_null(), "{what}: none vs golden {expected}"),
        Some(a) => close(a, expected, what),
    }
}

#[test]
fn lexical_diversity_equals_lexicalrichness() {
    let (input, expected) = golden();
    let c = corpus_of(&input);
    let mut checked = 0;
    for (name, g) in expected["lexical"].as_object().unwrap() {
        let (speaker, meeting) = match name.split_once('|') {
            Some((s, m)) => (s, Some(m)),
            None => (name.as_str(), None),
        };
        let s = c.speakers.iter().position(|x| x == speaker).unwrap() as u32;
        let tokens: Vec<u32> = match meeting {
            None => c.speaker_words(s).unwrap(),
            Some(m) => {
                let mi = c.meetings.iter().position(|x| x.id == m).unwrap() as u32;
                c.speaker_meeting_words(s, mi).unwrap()
            }
        };
        let m100 = measure(&tokens, 100);
        let m50 = measure(&tokens, 50);
        assert_eq!(m100.tokens as u64, g["n"].as_u64().unwrap(), "{name}");
        assert_eq!(m100.types as u64, g["v"].as_u64().unwrap(), "{name}");
        close_opt(m100.ttr, &g["ttr"], &format!("{name} ttr"));
        close_opt(m100.herdan_c, &g["herdan_c"], &format!("{name} herdan"));
        close_opt(m100.guiraud_r, &g["guiraud_r"], &format!("{name} guiraud"));
        close_opt(m100.maas_a, &g["maas_a2"], &format!("{name} maas"));
        close_opt(m100.yule_k, &g["yule_k"], &format!("{name} yule"));
        close_opt(m100.mattr, &g["mattr_100"], &format!("{name} mattr100"));
        close_opt(m50.mattr, &g["mattr_50"], &format!("{name} mattr50"));
        close_opt(m100.mtld, &g["mtld"], &format!("{name} mtld"));
        close_opt(m100.hdd, &g["hdd"], &format!("{name} hdd"));
        close_opt(
            m100.hapax_share,
            &g["hapax_share"],
            &format!("{name} hapax"),
        );
        checked += 1;
    }
    assert_eq!(checked, 13);
}

#[test]
fn bigram_measures_equal_nltk_and_trigram_counts_match() {
    let (input, expected) = golden();
    let c = corpus_of(&input);
    let options = CollocOptions {
        view: View::Key,
        min_count: 2,
        skip_punct: false,
        keep_stopwords: true,
    };
    let (bigrams, trigrams) = collocations(&c, &options).unwrap();
    let mut ours: BTreeMap<(String, String, String), _> = BTreeMap::new();
    for r in &bigrams {
        ours.insert(
            (
                r.speaker.to_string(),
                r.first.to_string(),
                r.second.to_string(),
            ),
            r,
        );
    }
    let mut golden_keys = BTreeSet::new();
    for (speaker, rows) in expected["bigrams"].as_object().unwrap() {
        for g in rows.as_array().unwrap() {
            let k = (
                speaker.clone(),
                g["w1"].as_str().unwrap().to_string(),
                g["w2"].as_str().unwrap().to_string(),
            );
            let r = ours
                .get(&k)
                .unwrap_or_else(|| panic!("missing bigram {k:?}"));
            let what = format!("{k:?}");
            // In the key view a pair is its own form (the golden keys are lowercase).
            assert_eq!(r.form, format!("{} {}", k.1, k.2), "{what}");
            assert_eq!(
                (r.count, r.count_first, r.count_second, r.total),
                (
                    g["count"].as_u64().unwrap(),
                    g["count_first"].as_u64().unwrap(),
                    g["count_second"].as_u64().unwrap(),
                    g["n"].as_u64().unwrap()
                ),
                "{what}"
            );
            close(r.pmi, &g["pmi"], &format!("{what} pmi"));
            close(r.npmi, &g["npmi"], &format!("{what} npmi"));
            close(r.g2, &g["likelihood_ratio"], &format!("{what} g2"));
            close(r.t_score, &g["student_t"], &format!("{what} t"));
            close(r.chi2, &g["chi_sq"], &format!("{what} chi2"));
            close(r.dice, &g["dice"], &format!("{what} dice"));
            close(r.log_dice, &g["log_dice"], &format!("{what} logdice"));
            golden_keys.insert(k);
        }
    }
    assert_eq!(
        ours.keys().cloned().collect::<BTreeSet<_>>(),
        golden_keys,
        "the same pairs"
    );
    let ours: BTreeSet<(String, String, String, String, u64)> = trigrams
        .iter()
        .inspect(|r| assert_eq!(r.form, [r.first, r.second, r.third].join(" ")))
        .map(|r| {
            (
                r.speaker.to_string(),
                r.first.to_string(),
                r.second.to_string(),
                r.third.to_string(),
                r.count,
            )
        })
        .collect();
    let mut theirs = BTreeSet::new();
    for (speaker, rows) in expected["trigrams"].as_object().unwrap() {
        for g in rows.as_array().unwrap() {
            let w = |k: &str| g[k].as_str().unwrap().to_string();
            theirs.insert((
                speaker.clone(),
                w("w1"),
                w("w2"),
                w("w3"),
                g["count"].as_u64().unwrap(),
            ));
        }
    }
    assert_eq!(ours, theirs);
}

/// The forms of pairs and triples against `tests/golden/make_forms.py`: terms are the tokens' first four characters
/// (as the stem view), each row's form the token sequence most often seen for its terms, ties to the smallest.
#[test]
fn pair_and_triple_forms_equal_the_python_reference() {
    let (input, _) = golden();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected_forms.json")).unwrap())
            .unwrap();
    assert_eq!(expected["generator"]["prefix"], 4);
    let c = corpus_with_stems(&input, |key| key.chars().take(4).collect());
    let options = CollocOptions {
        view: View::Stem,
        min_count: 2,
        skip_punct: false,
        keep_stopwords: true,
    };
    let (bigrams, trigrams) = collocations(&c, &options).unwrap();
    let ours: BTreeSet<_> = bigrams
        .iter()
        .map(|r| {
            let what = [r.speaker, r.first, r.second, &r.form].map(str::to_string);
            (what, [r.count, r.count_first, r.count_second, r.total])
        })
        .collect();
    let (mut theirs, mut spelled) = (BTreeSet::new(), 0);
    for (speaker, rows) in expected["bigrams"].as_object().unwrap() {
        for g in rows.as_array().unwrap() {
            let s = |k: &str| g[k].as_str().unwrap().to_string();
            let n = |k: &str| g[k].as_u64().unwrap();
            theirs.insert((
                [speaker.clone(), s("t1"), s("t2"), s("form")],
                [n("count"), n("count_first"), n("count_second"), n("n")],
            ));
            spelled += usize::from(n("forms") > 1);
        }
    }
    assert_eq!(ours, theirs);
    // Pairs of terms spoken in more than one way, where the form is a choice.
    assert_eq!((theirs.len(), spelled), (282, 67));
    let ours: BTreeSet<_> = trigrams
        .iter()
        .map(|r| {
            let what = [r.speaker, r.first, r.second, r.third, &r.form].map(str::to_string);
            (what, r.count)
        })
        .collect();
    let mut theirs = BTreeSet::new();
    for (speaker, rows) in expected["trigrams"].as_object().unwrap() {
        for g in rows.as_array().unwrap() {
            let s = |k: &str| g[k].as_str().unwrap().to_string();
            theirs.insert((
                [speaker.clone(), s("t1"), s("t2"), s("t3"), s("form")],
                g["count"].as_u64().unwrap(),
            ));
        }
    }
    assert_eq!(ours, theirs);
}

/// Delta, Jensen–Shannon and readability against `tests/golden/make_distances.py` (numpy, scipy).
#[test]
fn distances_and_readability_equal_the_python_reference() {
    let (input, _) = golden();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected_distances.json")).unwrap(),
    )
    .unwrap();
    let c = corpus_of(&input);
    let tallies = Tallies::new(&c, View::Key).unwrap();
    let mut checked = 0;
    for mfw in [5, 50] {
        let d = Distances::new(&c, &tallies, 1, &Mfw::One(mfw)).unwrap();
        assert_eq!(d.mfw().len(), mfw);
        let names: Vec<&str> = d
            .speakers
            .iter()
            .map(|&s| c.speakers[s as usize].as_str())
            .collect();
        assert_eq!(names.len(), 5);
        for i in 0..names.len() {
            for j in i + 1..names.len() {
                let pair = format!("{}|{}", names[i], names[j]);
                close(
                    d.delta[i][j],
                    &expected[format!("delta_{mfw}")][&pair],
                    &pair,
                );
                close(
                    d.jensen_shannon[i][j],
                    &expected["jensen_shannon"][&pair],
                    &pair,
                );
                assert_eq!(d.delta[i][j], d.delta[j][i]);
                checked += 2;
            }
        }
    }
    assert_eq!(checked, 40);
    // Rows: each pair once, a before b.
    let d = Distances::new(&c, &tallies, 1, &Mfw::One(50)).unwrap();
    let rows = d.rows(&c);
    assert_eq!(rows.len(), 30);
    assert!(rows.iter().all(|r| r.a < r.b));
    // A speaker under --min-words is left out: И.Гехт has 101 words.
    let fewer = Distances::new(&c, &tallies, 200, &Mfw::One(50)).unwrap();
    assert_eq!(fewer.speakers.len(), 4);
    assert!(Distances::new(&c, &tallies, 600, &Mfw::One(50)).is_none());
    // Two speakers: Delta would be √2 whatever they say, so only Jensen–Shannon is written.
    let two = Distances::new(&c, &tallies, 500, &Mfw::One(50)).unwrap();
    assert!(!two.has_delta());
    assert!((two.delta[0][1] - 2f64.sqrt()).abs() < 1e-12);
    let rows = two.rows(&c);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].measure, "jensen_shannon");
    close(
        rows[0].value,
        &expected["jensen_shannon"]["А.Лукашенко|В.Путин"],
        "two",
    );
    let profiles = Profiles::new(&c, 100).unwrap();
    for (&s, (summary, _)) in &profiles.speakers {
        let name = &c.speakers[s as usize];
        close(
            summary.reading_ease.unwrap(),
            &expected["reading_ease"][name],
            name,
        );
        close(
            summary.syllables_per_word.unwrap(),
            &expected["syllables_per_word"][name],
            name,
        );
    }
    assert_eq!(profiles.speakers.len(), 5);
}

#[test]
fn keyness_equals_the_reference_formulas() {
    let (input, expected) = golden();
    let c = corpus_of(&input);
    let mut checked = 0;
    for (pair, rows) in expected["keyness"].as_object().unwrap() {
        let (target, reference) = pair.split_once('|').unwrap();
        let tallies = Tallies::new(&c, View::Key).unwrap();
        let ours = if reference == "<others>" {
            keyness(&c, &tallies, &Reference::Others, 3)
        } else {
            keyness(&c, &tallies, &Reference::Speaker(reference.to_string()), 3)
        };
        let reference_name = if reference == "<others>" {
            "*"
        } else {
            reference
        };
        let ours: BTreeMap<&str, _> = ours
            .iter()
            .filter(|r| r.target == target && r.reference == reference_name)
            .map(|r| (r.term, r))
            .collect();
        let rows = rows.as_array().unwrap();
        assert_eq!(ours.len(), rows.len(), "{pair}: the same terms");
        for g in rows {
            let word = g["word"].as_str().unwrap();
            let r = ours[word];
            let what = format!("{pair} {word}");
            assert_eq!(
                [
                    r.count_target,
                    r.count_reference,
                    r.total_target,
                    r.total_reference
                ],
                ["a", "b", "c", "d"].map(|k| g[k].as_u64().unwrap()),
                "{what}"
            );
            close(r.g2, &g["g2"], &format!("{what} g2"));
            close(r.chi2, &g["chi2"], &format!("{what} chi2"));
            close(r.p_value, &g["p_value"], &format!("{what} p"));
            close(r.log_ratio, &g["log_ratio"], &format!("{what} log_ratio"));
            close(r.pct_diff, &g["pct_diff"], &format!("{what} pct_diff"));
            close(r.log_odds_z, &g["log_odds_z"], &format!("{what} z"));
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn frequencies_ranks_and_dispersion() {
    let (input, expected) = golden();
    let c = corpus_of(&input);
    let rows = frequencies(&c, View::Key, 1).unwrap();
    let ours: BTreeMap<(&str, &str), _> = rows.iter().map(|r| ((r.speaker, r.term), r)).collect();
    let mut checked = 0;
    for (speaker, rows) in expected["frequencies"].as_object().unwrap() {
        for g in rows.as_array().unwrap() {
            let word = g["word"].as_str().unwrap();
            let r = ours[&(speaker.as_str(), word)];
            assert_eq!(r.count, g["count"].as_u64().unwrap());
            assert_eq!(
                r.rank as u64,
                g["rank"].as_u64().unwrap(),
                "{speaker} {word} rank"
            );
            assert_eq!(r.meetings as u64, g["meetings"].as_u64().unwrap());
            close(
                r.per_10k,
                &g["per_10k"],
                &format!("{speaker} {word} per_10k"),
            );
            close(r.dp, &g["dp"], &format!("{speaker} {word} dp"));
            checked += 1;
        }
    }
    assert!(checked > 100);
}

#[test]
fn turn_statistics_and_transitions() {
    let (input, expected) = golden();
    let c = corpus_of(&input);
    let ours = turns::by_speaker(&c);
    for (speaker, g) in expected["turns"].as_object().unwrap() {
        let s = c.speakers.iter().position(|x| x == speaker).unwrap() as u32;
        let r = &ours[&s];
        assert_eq!(r.turns as u64, g["turns"].as_u64().unwrap());
        assert_eq!(r.words as u64, g["words"].as_u64().unwrap());
        assert_eq!(r.sentences as u64, g["sentences"].as_u64().unwrap());
        assert_eq!(
            r.words_per_turn_max as u64,
            g["words_per_turn_max"].as_u64().unwrap()
        );
        close(
            r.words_per_turn_mean,
            &g["words_per_turn_mean"],
            &format!("{speaker} mean"),
        );
        close(
            r.words_per_turn_median,
            &g["words_per_turn_median"],
            &format!("{speaker} median"),
        );
        close(
            r.words_per_turn_p90,
            &g["words_per_turn_p90"],
            &format!("{speaker} p90"),
        );
        close_opt(
            r.words_per_turn_sd,
            &g["words_per_turn_stdev"],
            &format!("{speaker} sd"),
        );
        close_opt(
            r.words_per_sentence,
            &g["words_per_sentence"],
            &format!("{speaker} wps"),
        );
    }
    let ours: BTreeMap<(String, String), usize> = turns::transitions(&c)
        .into_iter()
        .map(|((a, b), n)| {
            (
                (
                    c.speakers[a as usize].clone(),
                    c.speakers[b as usize].clone(),
                ),
                n,
            )
        })
        .collect();
    let theirs: BTreeMap<(String, String), usize> = expected["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let s = |k: &str| t[k].as_str().unwrap().to_string();
            ((s("from"), s("to")), t["count"].as_u64().unwrap() as usize)
        })
        .collect();
    assert_eq!(ours, theirs);
}

fn small_corpus() -> impl Strategy<Value = Vec<(u32, u32, Vec<u32>)>> {
    prop::collection::vec(
        (0u32..3, 0u32..4, prop::collection::vec(0u32..12, 0..30)),
        1..20,
    )
}

fn corpus_from(turns: &[(u32, u32, Vec<u32>)]) -> Corpus {
    let mut c = Corpus {
        speakers: (0..3).map(|s| format!("S{s}")).collect(),
        ..Corpus::default()
    };
    for m in 0..4 {
        c.meetings.push(MeetingInfo::dated(
            format!("m{m}"),
            chrono::NaiveDate::from_ymd_opt(2024, 1, m + 1),
        ));
    }
    for w in 0..12 {
        let k = c.keys.add(&format!("w{w}"), &format!("w{w}"));
        let stem = format!("s{}", w / 2);
        let s = c.stems.add(&stem, &stem);
        assert_eq!(c.stems.of_key.len(), k as usize);
        c.stems.of_key.push(s);
    }
    for (i, (s, m, words)) in turns.iter().enumerate() {
        let turn = TurnTokens {
            meeting: *m,
            speaker: *s,
            number: i as u32 + 1,
            interpreted: false,
            start: 0,
            words: 0,
            sentences: 1,
            attributes: 0,
        };
        c.push_turn(turn, words, &vec![Gap::Adjacent; words.len()]);
    }
    // The corpus invariant: turns in meeting order (then turn order).
    c.turns.sort_by_key(|t| t.meeting);
    c
}

proptest! {
    #[test]
    fn shard_frequencies_add_up_to_the_whole(turns in small_corpus(), cut in 0usize..20) {
        // What merging the counts of shards relies on: the frequencies of two shards of the turns, added, are the
        // frequencies of the whole, and sum to its word tokens.
        let cut = cut.min(turns.len());
        let whole = corpus_from(&turns);
        let (left, right) = (corpus_from(&turns[..cut]), corpus_from(&turns[cut..]));
        for view in [View::Key, View::Stem] {
            let counts = |c: &Corpus| -> BTreeMap<(String, String), u64> {
                frequencies(c, view, 1)
                    .unwrap()
                    .iter()
                    .filter(|r| r.speaker != "*")
                    .map(|r| ((r.speaker.to_string(), r.term.to_string()), r.count))
                    .collect()
            };
            let mut merged = counts(&left);
            for (k, n) in counts(&right) {
                *merged.entry(k).or_default() += n;
            }
            let whole_counts = counts(&whole);
            prop_assert_eq!(whole_counts.values().sum::<u64>() as usize, whole.total_words());
            prop_assert_eq!(merged, whole_counts);
        }
    }

    #[test]
    fn frequencies_agree_with_a_naive_count_and_sum_to_the_all_speakers_row(turns in small_corpus()) {
        let c = corpus_from(&turns);
        for view in [View::Key, View::Stem] {
            let rows = frequencies(&c, view, 1).unwrap();
            let mut by_term: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
            for r in &rows {
                let e = by_term.entry(r.term).or_default();
                if r.speaker == "*" { e.1 += r.count } else { e.0 += r.count }
            }
            for (term, (speakers, all)) in &by_term {
                prop_assert_eq!(speakers, all, "{}", term);
            }
            // Regression: `*` once counted a meeting once per speaker in it.
            let meetings: std::collections::BTreeSet<u32> = c.turns.iter().map(|t| t.meeting).collect();
            for r in rows.iter().filter(|r| r.speaker == "*") {
                prop_assert!(r.meetings <= meetings.len(), "{} in {} meetings", r.term, r.meetings);
            }
            // The same numbers as a naive count of every turn's words.
            let mut from_counts: BTreeMap<(String, String), u64> = BTreeMap::new();
            for t in &c.turns {
                for w in c.words_of([t]).unwrap() {
                    let term = view.text(&c, view.term(&c, w)).to_string();
                    *from_counts.entry((c.speakers[t.speaker as usize].clone(), term)).or_default() += 1;
                }
            }
            let from_rows: BTreeMap<(String, String), u64> = rows
                .iter()
                .filter(|r| r.speaker != "*")
                .map(|r| ((r.speaker.to_string(), r.term.to_string()), r.count))
                .collect();
            prop_assert_eq!(from_rows, from_counts);
        }
    }
}

#[test]
fn kwic_finds_keys_stems_and_patterns_with_their_speaker() {
    use crate::support::{csv_rows, run, seed, stdout};
    let seed = seed();
    let seed = seed.to_str().unwrap();
    // «визит» as a key: the exact word only; as a stem (Snowball: визит, визите → виз): every form.
    let key = csv_rows(&stdout(&run(&["kwic", "визит", seed])));
    let stem = csv_rows(&stdout(&run(&["kwic", "--stem", "визите", seed])));
    assert!(
        !key.is_empty() && stem.len() > key.len(),
        "{} key hits, {} stem hits",
        key.len(),
        stem.len()
    );
    assert!(stem
        .iter()
        .all(|r| r["match"].to_lowercase().starts_with("визит")));
    let only = csv_rows(&stdout(&run(&[
        "kwic",
        "--stem",
        "визите",
        "--speaker",
        "В.Путин",
        seed,
    ])));
    assert!(!only.is_empty() && only.iter().all(|r| r["speaker"] == "В.Путин"));
    assert!(only.len() < stem.len());
    let re = csv_rows(&stdout(&run(&[
        "kwic", "--regex", r"\d+,\d+", "--width", "10", seed,
    ])));
    assert_eq!(re.len(), 1);
    assert_eq!(re[0]["match"], "24,5");
    assert_eq!(re[0]["speaker"], "К.-Ж.Токаев");
    assert_eq!(re[0]["right"], " миллиарда");
    // Offsets point into the turn's spoken text: the match has as many bytes as it spans.
    let (s, e): (usize, usize) = (
        re[0]["start"].parse().unwrap(),
        re[0]["end"].parse().unwrap(),
    );
    assert_eq!(e - s, "24,5".len());
}

#[test]
fn analysing_files_as_a_stream_equals_analysing_meetings_read_in_full() {
    use stenogram::corpus::{analyse, analyse_paths, AnalysisOptions};
    use stenogram::transcript::{read_corpus, Aliases, ReadOptions};
    let Some(dir) = crate::support::shared("corpus/kremlin") else {
        return;
    };
    let paths = [dir];
    let full = read_corpus(&paths, &ReadOptions::default(), Aliases::default());
    let meetings: Vec<_> = full.meetings().collect();
    let a = analyse(&meetings, &AnalysisOptions::default());
    let b = analyse_paths(
        &paths,
        &ReadOptions::default(),
        Aliases::default(),
        &AnalysisOptions::default(),
    );
    assert!(b.errors.is_empty());
    assert_eq!(b.audits.len(), full.files.len());
    assert_eq!(a.speakers, b.corpus.speakers);
    assert_eq!(a.meetings, b.corpus.meetings);
    let words = |c: &Corpus| -> Vec<(u32, u32, u32, Vec<String>)> {
        c.turns
            .iter()
            .map(|t| {
                (
                    t.meeting,
                    t.speaker,
                    t.number,
                    c.words_of([t])
                        .unwrap()
                        .iter()
                        .map(|&w| c.keys.text(w).to_string())
                        .collect(),
                )
            })
            .collect()
    };
    assert_eq!(words(&a), words(&b.corpus));
    let forms = |c: &Corpus| -> Vec<(String, String)> {
        c.keys
            .terms
            .iter()
            .map(str::to_string)
            .zip(c.keys.forms.iter().map(String::from))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    assert_eq!(forms(&a), forms(&b.corpus));
}
