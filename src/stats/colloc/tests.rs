//! Tests of the collocation tables.

use super::*;

/// One speaker's turn: исторический память spoken in two forms (5 and 2 times, the rarer one only at the start
/// of a sentence, so written with a capital), великий победа in two forms twice each, защита исторический память
/// in two forms (2 and 1 times), a name and an abbreviation.
const TEXT: &str = "В.Путин: Историческая память. Историческая память. Это часть исторической памяти. \
    Забота об исторической памяти. Защита исторической памяти, защиты исторической памяти, защиты исторической \
    памяти. Великая победа, великой победы, великой победы, великая победа. Владимир Владимирович, спасибо. \
    Уважаемый Владимир Владимирович. Рост ВВП, рост ВВП.\n";

fn corpus() -> Corpus {
    let (file, _) =
        crate::transcript::read_bytes("t.txt", TEXT.as_bytes(), &Default::default()).unwrap();
    crate::corpus::analyse(&[&file.meeting], &Default::default())
}

fn options(view: View) -> CollocOptions {
    CollocOptions {
        view,
        min_count: 2,
        ..CollocOptions::default()
    }
}

/// The speaker's bigrams as (first, second, form, count) and trigrams as (first, second, third, form, count).
#[allow(clippy::type_complexity)]
fn rows(
    corpus: &Corpus,
    view: View,
) -> (
    Vec<(&str, &str, String, u64)>,
    Vec<(&str, &str, &str, String, u64)>,
) {
    let (bigrams, trigrams) = collocations(corpus, &options(view)).unwrap();
    let bigrams = bigrams
        .into_iter()
        .filter(|r| r.speaker != super::super::freq::ALL)
        .map(|r| (r.first, r.second, r.form, r.count))
        .collect();
    let trigrams = trigrams
        .into_iter()
        .filter(|r| r.speaker != super::super::freq::ALL)
        .map(|r| (r.first, r.second, r.third, r.form, r.count))
        .collect();
    (bigrams, trigrams)
}

#[test]
fn a_lemma_pair_reads_as_its_most_frequent_form_ties_to_the_smallest() {
    let corpus = corpus();
    let (bigrams, trigrams) = rows(&corpus, View::Lemma);
    let form = |s: &str| s.to_string();
    assert_eq!(
        bigrams,
        [
            ("исторический", "память", form("исторической памяти"), 7),
            ("великий", "победа", form("великая победа"), 4),
            ("Защита", "исторический", form("защиты исторической"), 3),
            ("Владимир", "Владимирович", form("Владимир Владимирович"), 2),
            ("рост", "ВВП", form("рост ВВП"), 2),
        ]
    );
    assert_eq!(
        trigrams,
        [(
            "Защита",
            "исторический",
            "память",
            form("защиты исторической памяти"),
            3
        )]
    );
}

#[test]
fn the_best_form_does_not_depend_on_the_order_forms_are_seen() {
    let corpus = corpus();
    let key = |w: &str| corpus.keys.get(w).unwrap();
    let a = ([key("великой"), key("победы")], 2);
    let b = ([key("великая"), key("победа")], 2);
    let c = ([key("историческая"), key("память")], 1);
    for order in [[a, b, c], [b, a, c], [c, a, b], [c, b, a]] {
        let mut best = Best::default();
        for (keys, n) in order {
            best.raise(keys, n);
        }
        for (keys, n) in order {
            best.settle(&corpus, keys, n);
        }
        assert_eq!((best.keys, best.count), b);
        let mut offered = Best::default();
        for (keys, n) in order {
            offered.offer(&corpus, keys, n);
        }
        assert_eq!((offered.keys, offered.count), b);
    }
}

#[test]
fn a_key_pair_reads_as_its_keys_names_and_abbreviations_keep_their_capitals() {
    let corpus = corpus();
    let (bigrams, trigrams) = rows(&corpus, View::Key);
    let form = |s: &str| s.to_string();
    assert_eq!(
        bigrams,
        [
            ("исторической", "памяти", form("исторической памяти"), 5),
            ("Владимир", "Владимирович", form("Владимир Владимирович"), 2),
            ("Историческая", "память", form("историческая память"), 2),
            ("великая", "победа", form("великая победа"), 2),
            ("великой", "победы", form("великой победы"), 2),
            ("защиты", "исторической", form("защиты исторической"), 2),
            ("рост", "ВВП", form("рост ВВП"), 2),
        ]
    );
    assert_eq!(
        trigrams,
        [(
            "защиты",
            "исторической",
            "памяти",
            form("защиты исторической памяти"),
            2
        )]
    );
}

#[test]
fn the_table_of_counted_terms_agrees_with_working_them_out_word_by_word() {
    let corpus = corpus();
    for view in [View::Key, View::Stem, View::Lemma] {
        let options = options(view);
        let order = view.form_order(&corpus);
        let g = Group {
            corpus: &corpus,
            options: &options,
            speaker: "В.Путин",
            order: &order,
        };
        // Terms counted: those of even id that are not stopwords.
        let admits = |t: u32| t % 2 == 0 && !view.is_stop(&corpus, t);
        let keys = View::Key.len(&corpus);
        let (table, by_word) = (Counted::new(&g, admits, keys), Counted::new(&g, admits, 0));
        assert_eq!((table.table.len(), by_word.table.len()), (keys, 0));
        let terms: Vec<u32> = (0..keys as u32).map(|k| table.term(k)).collect();
        assert_eq!(
            terms,
            (0..keys as u32)
                .map(|k| by_word.term(k))
                .collect::<Vec<_>>()
        );
        assert!(terms.contains(&NOT_COUNTED) && terms.iter().any(|&t| t != NOT_COUNTED));
    }
}
