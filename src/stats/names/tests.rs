//! Tests of [`super`]: mentions, address forms, English persons and the table on small transcripts.

use super::*;

/// The `*` rows of `names.csv` for one turn of `text` said by В.Путин: (name, address, person, form, count).
fn mentions_of(text: &str) -> Vec<(String, bool, String, String, u64)> {
    let text = format!("В.Путин: {text}\n");
    let (file, _) =
        crate::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default()).unwrap();
    let corpus = crate::corpus::analyse(&[&file.meeting], &Default::default());
    let rows = names(&corpus).unwrap();
    rows.into_iter()
        .filter(|r| r.speaker == ALL && r.kind == "person")
        .map(|r| (r.name, r.address, r.person, r.form, r.count))
        .collect()
}

fn row(
    name: &str,
    address: bool,
    person: &str,
    form: &str,
    count: u64,
) -> (String, bool, String, String, u64) {
    (name.into(), address, person.into(), form.into(), count)
}

#[test]
fn a_full_name_is_one_mention_of_its_surname() {
    assert_eq!(
        mentions_of("Вчера Владимир Владимирович Путин провёл встречу."),
        [row(
            "Путин",
            false,
            "Путин",
            "Владимир Владимирович Путин",
            1
        )]
    );
    // In the official order too, and inflected.
    assert_eq!(
        mentions_of("Поручение дано Путиным Владимиром Владимировичем."),
        [row(
            "Путин",
            false,
            "Путин",
            "Путиным Владимиром Владимировичем",
            1
        )]
    );
}

#[test]
fn a_first_name_and_patronymic_alone_are_one_address_mention() {
    assert_eq!(
        mentions_of("Владимир Владимирович, спасибо большое."),
        [row(
            "Владимир Владимирович",
            true,
            "",
            "Владимир Владимирович",
            1
        )]
    );
    // The corpus writes this first name and patronymic before one surname: the address form names it.
    let text = "Владимир Владимирович, спасибо. Александр Григорьевич Лукашенко приехал. \
        Александр Григорьевич, добрый день.";
    assert_eq!(
        mentions_of(text),
        [
            row(
                "Александр Григорьевич",
                true,
                "Лукашенко",
                "Александр Григорьевич",
                1
            ),
            row(
                "Владимир Владимирович",
                true,
                "",
                "Владимир Владимирович",
                1
            ),
            row(
                "Лукашенко",
                false,
                "Лукашенко",
                "Александр Григорьевич Лукашенко",
                1
            ),
        ]
    );
}

#[test]
fn names_joined_by_a_conjunction_or_a_comma_are_two_mentions() {
    let two = [
        row("Лукашенко", false, "Лукашенко", "Лукашенко", 1),
        row("Путин", false, "Путин", "Путин", 1),
    ];
    assert_eq!(mentions_of("Путин и Лукашенко подписали договор."), two);
    assert_eq!(mentions_of("Путин, Лукашенко и другие подписали."), two);
    // Two surnames side by side are two people.
    assert_eq!(mentions_of("Встречались Путин Лукашенко."), two);
}

#[test]
fn initials_join_the_surname_after_them() {
    assert_eq!(
        mentions_of("Документ подписал В.В.Путин вчера."),
        [row("Путин", false, "Путин", "В.В.Путин", 1)]
    );
    assert_eq!(
        mentions_of("Встретились В. В. Путин и А.Г.Лукашенко."),
        [
            row("Лукашенко", false, "Лукашенко", "А.Г.Лукашенко", 1),
            row("Путин", false, "Путин", "В.В.Путин", 1),
        ]
    );
    // A one-letter word before no name is no initial, and the preposition в stays out of the mention.
    assert_eq!(
        mentions_of("Путин был в Москве."),
        [row("Путин", false, "Путин", "Путин", 1)]
    );
}

#[test]
fn a_proper_noun_the_dictionary_does_not_know_is_a_surname_after_a_first_name() {
    // Таранович is no name in the dictionary; after Владимир it is his surname. Alone it is not counted.
    assert_eq!(
        mentions_of("Артиллеристы Владимир Таранович и Бескин. Таранович воевал."),
        [
            row("Бескин", false, "Бескин", "Бескин", 1),
            row("Таранович", false, "Таранович", "Владимир Таранович", 1),
        ]
    );
}

#[test]
fn a_proper_noun_the_dictionary_does_not_know_is_a_first_name_before_a_patronymic() {
    // Бадра is no name in the dictionary; before Зурабович it is the first name of an address form, named by the
    // lemma the dictionary guesses for it (Бадр: it reads Бадра as a genitive).
    assert_eq!(
        mentions_of("Бадра Зурабович, рад Вас видеть. Бадра Зурабович Гунба приехал."),
        [
            row("Бадр Зурабович", true, "Гунба", "Бадра Зурабович", 1),
            row("Гунба", false, "Гунба", "Бадра Зурабович Гунба", 1),
        ]
    );
}

#[test]
fn a_lone_first_name_is_a_mention_of_that_first_name() {
    assert_eq!(
        mentions_of("Спасибо, Владимир. Саша тоже пришёл."),
        [
            row("Владимир", false, "", "Владимир", 1),
            row("Саша", false, "", "Саша", 1),
        ]
    );
}

/// The `*` rows of `names.csv` for an English text: (name, form, count).
fn english(text: &str) -> Vec<(String, String, u64)> {
    let (file, _) =
        crate::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default()).unwrap();
    assert_eq!(file.meeting.language, crate::text::Language::En);
    let corpus = crate::corpus::analyse(&[&file.meeting], &Default::default());
    names(&corpus)
        .unwrap()
        .into_iter()
        .filter(|r| r.speaker == ALL)
        .map(|r| (r.name, r.form, r.count))
        .collect()
}

#[test]
fn english_surnames_are_the_words_after_mr_and_president() {
    let text = "Alexander Lukashenko: Mr Putin, Mr President, friends, welcome. I thank Mr Putin and \
        President Putin’s team. Vladimir Putin and President Xi Jinping met. Mr Vladimir Medvedev came.\n\
        Vladimir Putin: Thank you, Mr Lukashenko. As Lukashenko said, President Macron called.\n";
    assert_eq!(
        english(text),
        [
            // Mr Putin twice (the first with a comma after it), President Putin’s, Vladimir Putin. Xi (followed
            // by Jinping) and Vladimir (followed by Medvedev) are no surnames; nor is President.
            ("Putin".into(), "Mr Putin".into(), 4),
            ("Lukashenko".into(), "Lukashenko".into(), 2),
            ("Macron".into(), "President Macron".into(), 1),
        ]
    );
}

#[test]
fn the_form_is_the_most_frequent_wording_and_places_count_word_by_word() {
    let text =
        "В.Путин: Путина знают. О Путине говорили. Путина видели в Москве и в Санкт-Петербурге.\n\
        А.Лукашенко: Владимира Владимировича нет. Москва рядом.\n";
    let (file, _) =
        crate::transcript::read_bytes("t.txt", text.as_bytes(), &Default::default()).unwrap();
    let corpus = crate::corpus::analyse(&[&file.meeting], &Default::default());
    let rows = names(&corpus).unwrap();
    let got: Vec<(&str, &str, &str, &str, u64)> = rows
        .iter()
        .map(|r| (r.speaker, r.kind, r.name.as_str(), r.form.as_str(), r.count))
        .collect();
    assert_eq!(
        got,
        [
            (
                "А.Лукашенко",
                "person",
                "Владимир Владимирович",
                "Владимира Владимировича",
                1
            ),
            ("А.Лукашенко", "place", "Москва", "Москва", 1),
            ("В.Путин", "person", "Путин", "Путина", 3),
            ("В.Путин", "place", "Москва", "Москве", 1),
            ("В.Путин", "place", "Санкт-Петербург", "Санкт-Петербурге", 1),
            ("*", "person", "Путин", "Путина", 3),
            (
                "*",
                "person",
                "Владимир Владимирович",
                "Владимира Владимировича",
                1
            ),
            ("*", "place", "Москва", "Москва", 2),
            ("*", "place", "Санкт-Петербург", "Санкт-Петербурге", 1),
        ]
    );
    // Per 10,000 of the speaker's words: 3 of В.Путин's 12.
    assert_eq!(rows[2].per_10k, 2500.0);
}
