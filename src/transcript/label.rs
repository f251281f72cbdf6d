//! The speaker-label rule: which lines start a turn.
//!
//! A line starts a turn when it begins with a **name**, optionally one **remark** in parentheses, then a colon
//! followed by a space, a letter or the end of the line (`В.Путин: …`, `Н.Мадуро (как переведено): …`,
//! `President of Kazakhstan Nursultan Nazarbayev : …`). A name is one of:
//!
//! 1. **initials and a surname**: `В.Путин`, `В. Путин`, `К.-Ж.Токаев`, `Д.Сассу-Нгессо`, `Х.Бен Тарек Аль Саид`;
//! 2. **a surname and initials**: `Путин В.В.`;
//! 3. **two to twelve capitalised words**, with lowercase particles allowed between them (`of`, `the`, `al`, `bin`,
//!    `de`, `van`, `von`, `ибн`, `фон`, …) and inside them (`al-Assad`, `People’s`): `Патриарх Кирилл`, `Ван И`,
//!    `President of the People’s Republic of China Xi Jinping`;
//! 4. **a group label** from a fixed list: `Вопрос`, `Реплика`, `Ответ`, `Голос из зала`, `Реплика из зала`,
//!    `Ведущий`, `Ведущая`, `Модератор`, `Question`, `Remark`, `Reply`, `Answer`, `Response`, `Moderator`,
//!    `Audience`.
//!
//! Forms 1 and 2, a remark naming an interpreter, and an English title with `of` make a **strong** label; the rest
//! are **weak** (a capitalised verb and a name, «Ответила Наташа: …», has the same shape as «Патриарх Кирилл: …»).
//! The reader honours weak labels only in a file that reads as a transcript (see [`super::reader`]).
//!
//! A label may also be written **explicitly**, in double asterisks (`**Master mariner Sergei Zybko**: …`, or with
//! the colon inside, `**Vladimir Putin:** …`): whatever its words, it starts a turn and is strong. This is how
//! `stenogram import` writes a page's bold label that the rule above would miss, and how a user marks one by hand.
//!
//! Every word of a name must be capitalised, so an ordinary sentence with a colon is not a label by construction:
//! in «Достаточно сказать: свыше 50 миллиардов» the word «сказать» is lowercase. A single capitalised word
//! (`Итак:`, `Первое:`) is not a name unless it is a group label. Only the first 300 bytes of a line are examined,
//! so a label is at most that long.

use std::sync::LazyLock;

use regex::Regex;

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    /// The label as written, without the colon and the spaces around it.
    pub raw: &'a str,
    /// The name, without the remark, whitespace collapsed to single spaces.
    pub name: String,
    /// The remark inside the parentheses, trimmed.
    pub remark: Option<&'a str>,
    /// The role after a comma (`metrology engineer` of `Alisa Shmelyova, metrology engineer`), trimmed.
    pub role: Option<&'a str>,
    /// The remark says the words came through an interpreter.
    pub interpreted: bool,
    /// The text after the colon, trimmed at the start.
    pub rest: &'a str,
    /// Initials, an interpreter's remark or an English title make the label unmistakable.
    pub strong: bool,
}

/// Lowercase group labels, as written with a capital.
pub const GROUP_LABELS: [&str; 15] = [
    "Вопрос",
    "Реплика",
    "Ответ",
    "Голос из зала",
    "Реплика из зала",
    "Ведущий",
    "Ведущая",
    "Модератор",
    "Question",
    "Remark",
    "Reply",
    "Answer",
    "Response",
    "Moderator",
    "Audience",
];

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:[a-z]{1,3}[-’'])?\p{Lu}[\p{L}\p{M}]*(?:[-’'][\p{L}\p{M}]+)*";
    let initial = r"\p{Lu}\.(?:\s?-\s?\p{Lu}\.)?";
    let particle = r"(?:of|the|de|da|del|della|der|di|do|dos|du|la|le|van|von|bin|ibn|bint|al|el|ben|и|ибн|бин|бен|фон|ван|де|дель|аль|эль)";
    let groups = GROUP_LABELS.join("|");
    let name = format!(
        r"(?:{initial}(?:\s?{initial}){{0,2}}\s?{word}(?:[ -]{word}){{0,5}}|{word}\s+{initial}(?:\s?{initial}){{0,2}}|{word}(?:\s+(?:{particle}\s+)*{word}){{1,11}}|{groups})"
    );
    // A role after a comma, in any case: `Alisa Shmelyova, metrology engineer`, `И.Иванов, глава района`.
    let role = r"[^:()\n!?;«»“”]{1,200}?";
    let re = format!(
        r"^(?P<name>{name})(?:\s*,\s*(?P<role>{role}))?(?:\s*\((?P<remark>[^()\n]{{1,100}})\))?\s*:(?:\s+|$|(?P<glued>[^\s/\d:]))"
    );
    Regex::new(&re).expect("the label pattern is valid")
});

/// A name written with initials, before or after the surname.
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)\p{Lu}\.").expect("the initials pattern is valid"));

/// The longest prefix of a line that is examined for a label.
const MAX_LABEL_BYTES: usize = 300;

/// Whether a remark marks interpreted speech.
pub fn is_interpreter_remark(remark: &str) -> bool {
    let lower = remark.to_lowercase();
    ["переведено", "перевод", "translat", "interpret", "синхрон"]
        .iter()
        .any(|k| lower.contains(k))
}

/// What of a line's head the label pattern searches: a match ends at a colon and the spaces after it (or the one
/// character glued to it), so nothing after the last colon's is searched (the search costs in proportion to its
/// length); the pattern finds the same groups in it as in the whole head.
fn searched(head: &str) -> &str {
    let last = head.rfind(':').map_or(0, |c| c + 1);
    let rest = &head[last..];
    let spaces = rest.len() - rest.trim_start().len();
    let next = rest[spaces..].chars().next().filter(|_| spaces == 0);
    &head[..last + spaces + next.map_or(0, char::len_utf8)]
}

/// Parses a label at the start of `line` (already trimmed at the start); `None` if the line does not start a turn.
pub fn parse_label(line: &str) -> Option<Label<'_>> {
    if line.starts_with("**") {
        return explicit_label(line);
    }
    let mut end = line.len().min(MAX_LABEL_BYTES);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    // Cheap tests first: a label starts with a letter and has a colon (most lines of prose have neither).
    let head = &line[..end];
    if !head.contains(':') || !head.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let caps = LABEL.captures(searched(head))?;
    let name_match = caps.name("name")?;
    if !is_a_name(name_match.as_str()) {
        return None;
    }
    let remark = caps.name("remark").map(|m| m.as_str().trim());
    let mut role = caps.name("role").map(|m| m.as_str().trim());
    let whole = caps.get(0)?;
    // The label ends before the colon; the colon is the last ':' of the match (a glued letter may follow it).
    let after = match caps.name("glued") {
        Some(g) => g.start(),
        None => whole.end(),
    };
    // After a role, speech starts as a sentence does (a capital, a quote, a dash) or on the next line: «Иванов, как
    // известно, сказал: да» is a sentence.
    if role.is_some() && !starts_speech(&line[after..]) {
        return None;
    }
    let colon = line[..after].rfind(':')?;
    let raw = line[..colon].trim_end();
    // What follows a comma is a role when it ends in a lowercase word, or when the name is Russian; an English one
    // that ends in a capitalised word holds the name (`Minister of Civil Defence, Emergencies and Natural Disaster
    // Relief Vladimir Puchkov`), and the whole is the name.
    let name_end = match role {
        Some(r) if !crate::lang::has_cyrillic(name_match.as_str()) && ends_capitalised(r) => {
            role = None;
            name_match.start() + line[name_match.start()..].find(r)? + r.len()
        }
        _ => name_match.end(),
    };
    let name = line[name_match.start()..name_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let interpreted = remark.is_some_and(is_interpreter_remark);
    let initials = INITIALS.is_match(&name);
    let title = name.split(' ').any(|w| w == "of");
    Some(Label {
        raw,
        strong: initials || interpreted || title,
        name,
        remark,
        role,
        interpreted,
        rest: line[after..].trim_start(),
    })
}

/// Whether text after a colon starts as speech does: nothing, or a capital letter, a digit, a quote, a dash, an
/// ellipsis or a parenthesis.
fn starts_speech(rest: &str) -> bool {
    rest.trim_start().chars().next().is_none_or(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '«' | '"' | '“' | '„' | '‘' | '\'' | '–' | '—' | '-' | '…' | '(' | '[' | '<'
            )
    })
}

/// First words that make a capitalised phrase a heading or a document's caption rather than a person: an article
/// (`The Arctic: …`, `The United Kingdom:`) or the name of a document (`Text of the Decree:`, `Текст указа:`).
pub const NOT_A_NAME: [&str; 33] = [
    "The",
    "A",
    "An",
    "Text",
    "Decree",
    "Executive",
    "Resolution",
    "Statement",
    "Declaration",
    "Communique",
    "Communiqué",
    "Agenda",
    "Programme",
    "Program",
    "List",
    "Appendix",
    "Annex",
    "Excerpt",
    "Excerpts",
    "Extracts",
    "Текст",
    "Указ",
    "Распоряжение",
    "Постановление",
    "Заявление",
    "Декларация",
    "Коммюнике",
    "Повестка",
    "Программа",
    "Список",
    "Приложение",
    "Справка",
    "Выдержки",
];

/// Whether a phrase of label shape can be a person (or a group label): it does not start with a word of
/// [`NOT_A_NAME`].
pub fn is_a_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    !NOT_A_NAME.contains(&first)
}

/// Whether the last word of a phrase (of one word: the word) starts with a capital letter, as a name's last word
/// does.
pub fn ends_capitalised(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .last()
        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_uppercase)
}

/// A name and its role, split at the first comma when what comes before it ends in a capitalised word, as a name
/// does, and what comes after it is a role: it ends in a lowercase word, or the name is Russian (`CNBC TV anchor Geoff
/// Cutmore, moderator of the plenary session` → `CNBC TV anchor Geoff Cutmore`, `И.Иванов, глава района` →
/// `И.Иванов`). `Elvira Nabiullina, Central Bank Governor` stays whole: the person is found in it later.
pub fn split_role(name: &str) -> (&str, Option<&str>) {
    match name.split_once(',') {
        Some((n, role))
            if !role.trim().is_empty()
                && ends_capitalised(n)
                && (crate::lang::has_cyrillic(n) || !ends_capitalised(role)) =>
        {
            (n.trim_end(), Some(role.trim()))
        }
        _ => (name, None),
    }
}

/// A label in double asterisks, the colon after or inside them: `**Name (remark)**: rest` or `**Name:** rest`.
fn explicit_label(line: &str) -> Option<Label<'_>> {
    let inner_end = 2 + line[2..].find("**")?;
    let inner = &line[2..inner_end];
    let after = &line[inner_end + 2..];
    let (raw, rest) = match inner.trim_end().strip_suffix(':') {
        Some(raw) => (raw, after),
        None => (inner, after.trim_start().strip_prefix(':')?),
    };
    let raw = raw.trim();
    // The remark is a parenthesis that ends the label.
    let (name, remark) = match raw
        .strip_suffix(')')
        .and_then(|r| r.rfind('(').map(|i| (r, i)))
    {
        Some((r, i)) if i > 0 => (&r[..i], Some(r[i + 1..].trim())),
        _ => (raw, None),
    };
    let (name, role) = split_role(name);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Label {
        raw,
        name,
        remark,
        role,
        interpreted: remark.is_some_and(is_interpreter_remark),
        rest: rest.trim_start(),
        strong: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(line: &str) -> Option<String> {
        parse_label(line).map(|l| l.name)
    }

    #[test]
    fn russian_labels() {
        for (line, raw, expected) in [
            ("В.Путин: Уважаемый", "В.Путин", "В.Путин"),
            ("К.-Ж.Токаев: Благодарю", "К.-Ж.Токаев", "К.-Ж.Токаев"),
            ("В. Путин: Да.", "В. Путин", "В. Путин"),
            ("Путин В.В.: Да.", "Путин В.В.", "Путин В.В."),
            (
                "Патриарх Кирилл: Спасибо.",
                "Патриарх Кирилл",
                "Патриарх Кирилл",
            ),
            ("Вопрос: Как?", "Вопрос", "Вопрос"),
            ("Реплика: Да.", "Реплика", "Реплика"),
            (
                "Ван И (как переведено): Спасибо.",
                "Ван И (как переведено)",
                "Ван И",
            ),
            (
                "Х.Бен Тарек Аль Саид (как переведено): Я",
                "Х.Бен Тарек Аль Саид (как переведено)",
                "Х.Бен Тарек Аль Саид",
            ),
            (
                "М.Диас-Канель Бермудес (как переведено): Я",
                "М.Диас-Канель Бермудес (как переведено)",
                "М.Диас-Канель Бермудес",
            ),
            (
                "В.Путин (комментируя презентацию): Это",
                "В.Путин (комментируя презентацию)",
                "В.Путин",
            ),
            ("В.Путин:", "В.Путин", "В.Путин"),
        ] {
            let label = parse_label(line).unwrap_or_else(|| panic!("{line} is a label"));
            assert_eq!(label.raw, raw);
            assert_eq!(label.name, expected);
        }
    }

    #[test]
    fn english_labels() {
        let l = parse_label("President of China Xi Jinping  (retranslated): I am glad").unwrap();
        assert_eq!(l.raw, "President of China Xi Jinping  (retranslated)");
        assert_eq!(l.name, "President of China Xi Jinping");
        assert!(l.interpreted);
        assert_eq!(l.rest, "I am glad");
        let l = parse_label("President of Kazakhstan Nursultan Nazarbayev : Mr Putin,").unwrap();
        assert_eq!(l.raw, "President of Kazakhstan Nursultan Nazarbayev");
        assert_eq!(l.rest, "Mr Putin,");
        assert!(
            parse_label("President of Syria Bashar al-Assad (re-translated): Yes")
                .unwrap()
                .interpreted
        );
        assert_eq!(
            name("President of the People’s Republic of China Xi Jinping  (retranslated): Thank"),
            Some("President of the People’s Republic of China Xi Jinping".into())
        );
        assert_eq!(
            name("Question (retranslated): My question"),
            Some("Question".into())
        );
    }

    #[test]
    fn sentences_with_a_colon_are_not_labels() {
        for line in [
            "Достаточно сказать: свыше 50 миллиардов.",
            "Итак: мы договорились.",
            "Первое: экономика.",
            "Время встречи 10:30.",
            "Это важно: во-первых, экономика.",
            "See also",
            "Уважаемый Касым-Жомарт Кемелевич! Да: так.",
            "http://kremlin.ru/events/president/news/69944",
            "Во-первых: да.",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
    }

    #[test]
    fn strong_and_weak_labels() {
        for (line, strong) in [
            ("В.Путин: Да.", true),
            ("Путин В.В.: Да.", true),
            ("Ван И (как переведено): Да.", true),
            ("President of Russia Vladimir Putin: Yes.", true),
            ("Патриарх Кирилл: Спасибо.", false),
            ("Vladimir Putin: Yes.", false),
            ("Вопрос: Как?", false),
            ("Ответила Наташа: «Нет».", false),
        ] {
            assert_eq!(parse_label(line).map(|l| l.strong), Some(strong), "{line}");
        }
    }

    #[test]
    fn explicit_labels_in_double_asterisks_are_taken_whatever_their_words() {
        let l = parse_label("**Master mariner Sergei Zybko**: Mr President,").unwrap();
        assert_eq!(
            (l.raw, l.name.as_str(), l.rest, l.strong),
            (
                "Master mariner Sergei Zybko",
                "Master mariner Sergei Zybko",
                "Mr President,",
                true
            )
        );
        let l =
            parse_label("**Patriarch Kirill of Moscow and All Russia (retranslated):** Thank you.")
                .unwrap();
        assert_eq!(
            l.raw,
            "Patriarch Kirill of Moscow and All Russia (retranslated)"
        );
        assert_eq!(l.name, "Patriarch Kirill of Moscow and All Russia");
        assert!(l.interpreted);
        assert_eq!(l.rest, "Thank you.");
        assert_eq!(parse_label("**Vladimir Putin**:").map(|l| l.rest), Some(""));
        // Without a colon, or with nothing but punctuation inside, it is not a label.
        for line in [
            "**Important** news: none",
            "**Note** it",
            "**12**: 30",
            "** **: x",
            "**unclosed: x",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
    }

    #[test]
    fn a_name_and_a_role_after_a_comma_is_the_name_speaking() {
        for (line, raw, expected, role) in [
            (
                "Alisa Shmelyova, metrology engineer: Good afternoon, Mr President.",
                "Alisa Shmelyova, metrology engineer",
                "Alisa Shmelyova",
                Some("metrology engineer"),
            ),
            (
                "Sergei Agafonov, Editor in Chief of Ogonyok magazine: Mr President,",
                "Sergei Agafonov, Editor in Chief of Ogonyok magazine",
                "Sergei Agafonov",
                Some("Editor in Chief of Ogonyok magazine"),
            ),
            (
                "И.Иванов, глава района: Уважаемый Владимир Владимирович!",
                "И.Иванов, глава района",
                "И.Иванов",
                Some("глава района"),
            ),
            (
                "А.Дюмин, губернатор Тульской области (как переведено): Да.",
                "А.Дюмин, губернатор Тульской области (как переведено)",
                "А.Дюмин",
                Some("губернатор Тульской области"),
            ),
            // An English role that ends in a name holds the person: the whole is the name.
            (
                "Civil Defence, Emergency Situations and Disaster Relief Minister Vladimir Puchkov: Mr President,",
                "Civil Defence, Emergency Situations and Disaster Relief Minister Vladimir Puchkov",
                "Civil Defence, Emergency Situations and Disaster Relief Minister Vladimir Puchkov",
                None,
            ),
        ] {
            let label = parse_label(line).unwrap_or_else(|| panic!("{line} is a label"));
            assert_eq!((label.raw, label.name.as_str(), label.role), (raw, expected, role), "{line}");
        }
        let l =
            parse_label("**Konstantin Sivoronov, head of the department**: Thank you.").unwrap();
        assert_eq!(
            (l.name.as_str(), l.role),
            ("Konstantin Sivoronov", Some("head of the department"))
        );
        // After a role, speech starts as a sentence does: these are sentences.
        for line in [
            "Иванов, как известно, сказал: да, согласен.",
            "Vladimir Putin, however, noted: it was late.",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
    }

    #[test]
    fn headings_and_captions_are_not_labels() {
        for line in [
            "The Arctic: Territory of Dialogue",
            "The United Kingdom:",
            "Text of the Decree:",
            "Текст указа:",
            "Список участников:",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
        assert!(is_a_name("Theodore Roosevelt") && !is_a_name("The Arctic"));
    }

    #[test]
    fn interpreter_remarks() {
        assert!(is_interpreter_remark("как переведено"));
        assert!(is_interpreter_remark("re-translated"));
        assert!(is_interpreter_remark("through an interpreter"));
        assert!(!is_interpreter_remark("комментируя презентацию"));
    }

    #[test]
    fn a_huge_line_is_not_a_label_and_does_not_hang() {
        let line = "А".repeat(1_000_000) + ": текст";
        assert_eq!(parse_label(&line), None);
    }

    proptest::proptest! {
        #[test]
        fn the_pattern_finds_the_same_groups_in_the_searched_head_as_in_the_whole(
            name in proptest::sample::select(vec![
                "В.Путин", "Владимир Путин", "President of Russia Vladimir Putin", "Question", "Ж.Ш.Шаймерденова",
                "Alisa Shmelyova, metrology engineer", "Х.Мамедов (как переведено)", "и", "",
            ]),
            rest in "[ :a-zA-Zа-яА-Я0-9/().,\t]{0,60}",
        ) {
            let line = format!("{name}{rest}");
            let spans = |head: &str| {
                LABEL.captures(head).map(|c| {
                    let span = |g: &str| c.name(g).map(|m| m.range());
                    (span("name"), span("role"), span("remark"), span("glued"))
                })
            };
            let whole_end = |head: &str| {
                LABEL.captures(head).and_then(|c| c.get(0)).map(|m| {
                    // The spaces a match ends with run to the end of the line's spaces.
                    m.end() + line[m.end()..].len() - line[m.end()..].trim_start().len()
                })
            };
            proptest::prop_assert_eq!(spans(&line), spans(searched(&line)));
            proptest::prop_assert_eq!(whole_end(&line), whole_end(searched(&line)));
        }
    }
}
