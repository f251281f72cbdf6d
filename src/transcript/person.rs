//! The person in an English speaker label: titles, offices and organisations dropped, the name found at the end.
//!
//! en.kremlin.ru labels put a title before the name in as many ways as there are offices: `President of Russia
//! Vladimir Putin`, `Central Bank Governor Elvira Nabiullina`, `Governor of the Central Bank Elvira Nabiullina`,
//! `Minister of Communications and Mass Media Nikolai Nikiforov`, `Head of Chechnya Ramzan Kadyrov`, `Rector of
//! St Petersburg State University Nikolai Kropachev`. The rule reads the label from its end:
//!
//! 1. the **name** is the run of words at the end that can be part of a name: capitalised words, initials (`D.`),
//!    particles between them (`al`, `bin`, `de`, …, and `al-Assad`), but no word of an office or organisation
//!    ([`TITLE_WORDS`]), no acronym (`KAMAZ`, `CEO`), nothing with brackets or digits;
//! 2. the word right after the last `of` is a place (`of Chechnya`, `of Tula Region`; two words after `St`, `New`,
//!    `North`, …) and ends the title, not the name;
//! 3. when the run holds a given name of [`GIVEN_NAMES`], the name starts at the first one (`Strategic Initiatives
//!    Dmitry Peskov` → `Dmitry Peskov`, `Rossiya Alexei Repik` → `Alexei Repik`);
//! 4. a name of one word keeps the honorific before it (`Patriarch Kirill`, `King Salman`); with no name at the end,
//!    the words before the first `of` are read the same way (`Patriarch Kirill of Moscow and All Russia` →
//!    `Patriarch Kirill`).
//!
//! A word written with its surname glued on (`VladimirPutin`, `VladimirPUTIN`, seen on the site) is split first.
//! The result is `None` when no name of at least one word is found, or when it is the whole label already.

/// Words of offices, ranks and organisations: never part of a person's name in a label.
pub const TITLE_WORDS: &[&str] = &[
    "Academician",
    "Academy",
    "Acting",
    "Administration",
    "Adviser",
    "Advisor",
    "Affairs",
    "Agency",
    "Agriculture",
    "Aide",
    "Ambassador",
    "Anchor",
    "Area",
    "Armed",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Business",
    "Businesses",
    "Captain",
    "Center",
    "Central",
    "Centre",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chamber",
    "Chief",
    "City",
    "Colonel",
    "Commander",
    "Commander-in-Chief",
    "Commission",
    "Commissioner",
    "Committee",
    "Communications",
    "Communities",
    "Company",
    "Construction",
    "Corporal",
    "Corporation",
    "Council",
    "Court",
    "Culture",
    "Dean",
    "Defence",
    "Defense",
    "Department",
    "Deputy",
    "Development",
    "Digital",
    "Director",
    "District",
    "Doctor",
    "Dr",
    "Duma",
    "Ecology",
    "Economic",
    "Economy",
    "Editor",
    "Editor-in-Chief",
    "Education",
    "Emergencies",
    "Energy",
    "Engineer",
    "Envoy",
    "Environment",
    "Executive",
    "Federal",
    "Federation",
    "Finance",
    "Financial",
    "First",
    "Forces",
    "Foreign",
    "Foundation",
    "Founder",
    "Frontier",
    "Fund",
    "General",
    "Government",
    "Governor",
    "Group",
    "Guard",
    "Head",
    "Health",
    "Healthcare",
    "Higher",
    "Host",
    "Industry",
    "Initiatives",
    "Institute",
    "Interior",
    "Junior",
    "Justice",
    "Krai",
    "Labor",
    "Labour",
    "Lieutenant",
    "Major",
    "Manager",
    "Marshal",
    "Mass",
    "Mayor",
    "Media",
    "Member",
    "Minister",
    "Ministry",
    "Minster",
    "Moderator",
    "Mr",
    "Mrs",
    "Ms",
    "National",
    "Natural",
    "Navy",
    "Oblast",
    "Office",
    "Officer",
    "Ombudsman",
    "Operator",
    "Organisation",
    "Organization",
    "Parliament",
    "Partner",
    "Party",
    "Pilot",
    "Plenipotentiary",
    "President",
    "Presidential",
    "Press",
    "Prime",
    "Private",
    "Professor",
    "Protection",
    "Province",
    "Public",
    "Rector",
    "Region",
    "Regional",
    "Representative",
    "Republic",
    "Research",
    "Resources",
    "Russia",
    "Russian",
    "School",
    "Science",
    "Secretary",
    "Security",
    "Senator",
    "Senior",
    "Sergeant",
    "Service",
    "Social",
    "Speaker",
    "Spokesman",
    "Spokesperson",
    "Sport",
    "Sports",
    "Sr",
    "Staff",
    "State",
    "Strategic",
    "Student",
    "Teacher",
    "Territory",
    "Trade",
    "Transport",
    "Union",
    "University",
    "Vice",
    "Worker",
];

/// Honorifics kept before a name of one word: `Patriarch Kirill`, `Metropolitan Korniliy`, `King Salman`.
const HONORIFICS: &[&str] = &[
    "Archbishop",
    "Bishop",
    "Crown",
    "Emir",
    "Imam",
    "King",
    "Metropolitan",
    "Mufti",
    "Patriarch",
    "Pope",
    "Prince",
    "Princess",
    "Queen",
    "Rabbi",
    "Sheikh",
    "Sultan",
];

/// First words of two-word places after `of`: `of St Petersburg`, `of New Zealand`, `of North Ossetia`.
const PLACE_PREFIXES: &[&str] = &[
    "St", "Saint", "New", "North", "South", "East", "West", "Nizhny", "Great", "Upper", "Lower",
    "Sri", "Costa", "Saudi", "Burkina", "El", "San", "Santa", "Sierra", "Papua",
];

/// Lowercase particles inside a name: `Bashar al-Assad`, `Mohammed bin Salman`, `Luiz Inácio Lula da Silva`.
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "bint", "ben", "de", "da", "das", "del", "della", "der", "di", "do", "dos",
    "du", "el", "la", "le", "van", "von", "y",
];

/// Given names (English spellings of Russian ones, and others common in the transcripts), for rule 3: where a name
/// starts when a place or an organisation's name comes before it.
pub const GIVEN_NAMES: &[&str] = &[
    "Abdulla",
    "Aleksandr",
    "Aleksei",
    "Alexander",
    "Alexandr",
    "Alexandra",
    "Alexei",
    "Alexey",
    "Alisa",
    "Alla",
    "Anastasia",
    "Anatoly",
    "Andrei",
    "Andrey",
    "Angela",
    "Anna",
    "Anton",
    "Antonio",
    "Arkady",
    "Artyom",
    "Askar",
    "Aslan",
    "Boris",
    "Daniil",
    "Denis",
    "Dilma",
    "Dinar",
    "Dmitry",
    "Dmitri",
    "Donald",
    "Dzhanik",
    "Ekaterina",
    "Elena",
    "Elvira",
    "Emmanuel",
    "Emomali",
    "Evgeny",
    "Fyodor",
    "Gennady",
    "Georgy",
    "German",
    "Gleb",
    "Grigory",
    "Igor",
    "Ilham",
    "Ilya",
    "Inna",
    "Irina",
    "Ivan",
    "Kazbek",
    "Kirill",
    "Konstantin",
    "Larisa",
    "Leonid",
    "Lyudmila",
    "Marat",
    "Maria",
    "Marina",
    "Maxim",
    "Mikhail",
    "Nadezhda",
    "Natalia",
    "Natalya",
    "Nikita",
    "Nikolai",
    "Nikolay",
    "Nursultan",
    "Oleg",
    "Olga",
    "Pavel",
    "Peter",
    "Petr",
    "Pyotr",
    "Radik",
    "Ramzan",
    "Ravil",
    "Recep",
    "Roman",
    "Ruslan",
    "Rustam",
    "Sergei",
    "Sergey",
    "Shavkat",
    "Sophie",
    "Stanislav",
    "Svetlana",
    "Tatiana",
    "Tatyana",
    "Tikhon",
    "Vadim",
    "Vagit",
    "Valentina",
    "Valery",
    "Valeriya",
    "Vasily",
    "Veronika",
    "Viktor",
    "Viktoria",
    "Vitaly",
    "Vladimir",
    "Vladislav",
    "Vyacheslav",
    "Yana",
    "Yekaterina",
    "Yelena",
    "Yevgeny",
    "Yulia",
    "Yury",
    "Yuri",
    "Zulfugar",
];

/// A word that can be part of a name: capitalised (or a particle-prefixed `al-Assad`), an initial, not an office
/// word, not an acronym, without brackets or digits.
fn name_word(word: &str) -> bool {
    if word
        .chars()
        .any(|c| c.is_ascii_digit() || "[]()\"«»".contains(c))
    {
        return false;
    }
    if TITLE_WORDS.contains(&word) {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial (`D.`, `A.`), or a name that starts with a capital.
    if letters.len() == 1 {
        return letters[0].is_uppercase() && word.ends_with('.');
    }
    // An acronym: every letter a capital (`KAMAZ`, `CEO`, `TV`).
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let body = match word.split_once('-') {
        Some((prefix, rest)) if PARTICLES.contains(&prefix) => rest,
        _ => word,
    };
    body.chars().next().is_some_and(char::is_uppercase)
}

/// `VladimirPutin` → `Vladimir Putin`, `VladimirPUTIN` → `Vladimir Putin`: a word whose capital follows a small letter
/// (not after `Mc` or `Mac`), split there; a surname in capitals is written as a name.
fn unglue(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let at = (1..chars.len()).find(|&i| {
        chars[i].is_uppercase()
            && chars[i - 1].is_lowercase()
            && chars[i + 1..].first().is_some_and(|c| c.is_alphabetic())
            && !matches!(
                chars[..i].iter().collect::<String>().as_str(),
                "Mc" | "Mac" | "De" | "Di" | "Le" | "La"
            )
    });
    let Some(at) = at else {
        return word.to_string();
    };
    let (first, last): (String, String) =
        (chars[..at].iter().collect(), chars[at..].iter().collect());
    let last = if last.chars().all(|c| !c.is_lowercase()) {
        let mut cs = last.chars();
        cs.next()
            .map(|c| c.to_string() + &cs.as_str().to_lowercase())
            .unwrap_or_default()
    } else {
        last
    };
    format!("{first} {last}")
}

/// The name at the end of `words` (see the module docs), as a range of word indices.
fn name_at_end(words: &[&str]) -> Option<std::ops::Range<usize>> {
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let particle_inside = PARTICLES.contains(&w)
            && start < words.len()
            && start >= 2
            && name_word(words[start - 2]);
        if name_word(w) || particle_inside {
            start -= 1;
        } else {
            break;
        }
    }
    let end = words.len();
    if start == end {
        return None;
    }
    // The place after the last `of` is the title's.
    if start > 0 && words[start - 1] == "of" {
        start += if PLACE_PREFIXES.contains(&words[start]) {
            2
        } else {
            1
        };
        if start >= end {
            return None;
        }
    }
    if let Some(given) = (start..end).find(|&i| GIVEN_NAMES.contains(&words[i])) {
        start = given;
    }
    // A particle does not start a name.
    while start < end && PARTICLES.contains(&words[start]) {
        start += 1;
    }
    if end - start == 1 && start > 0 && HONORIFICS.contains(&words[start - 1]) {
        start -= 1;
    }
    (start < end).then_some(start..end)
}

/// The person a Latin-script label names, titles dropped (see the module docs); `None` when the label is a name
/// already, or when no name is found in it.
pub fn english_person(label: &str) -> Option<String> {
    // `Elvira Nabiullina, Central Bank Governor`, `Minister of Civil Defence, Emergencies and Natural Disaster Relief
    // Vladimir Puchkov`: the last part with a name in it.
    if label.contains(',') {
        let person = label.rsplit(',').map(str::trim).find_map(|part| {
            english_person(part).or_else(|| (is_person(part)).then(|| part.to_string()))
        });
        return person.filter(|p| p != label);
    }
    let unglued: Vec<String> = label.split_whitespace().map(unglue).collect();
    let joined = unglued.join(" ");
    let words: Vec<&str> = joined.split(' ').collect();
    let range = name_at_end(&words).or_else(|| {
        // `Patriarch Kirill of Moscow and All Russia`: the name before the first `of`.
        let of = words.iter().position(|w| *w == "of")?;
        name_at_end(&words[..of])
    })?;
    // One word alone (`Kirill`, `Xi`) is not enough to call a person by, unless an honorific came with it, here or
    // at the start (`Patriarch of Moscow and All Russia Kirill`).
    let name = match range.len() {
        1 if HONORIFICS.contains(&words[0]) && range.start > 0 => {
            format!("{} {}", words[0], words[range.start])
        }
        1 => return None,
        _ => words[range].join(" "),
    };
    (name != label).then_some(name)
}

/// Whether a phrase is a name as it is: two words or more, each of which can be part of a name.
fn is_person(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    words.len() >= 2 && name_at_end(&words) == Some(0..words.len())
}

/// The (first letter, surname) of an English name of two words or more whose first word is a given name or an
/// initial: `Dmitry Klimenko` and `D. Klimenko` are both `(D, Klimenko)`.
pub fn initial_key(name: &str) -> Option<(char, String)> {
    // `D.Valeyev`, written without a space.
    if let Some((initial, surname)) = name
        .split_once('.')
        .filter(|(i, s)| i.chars().count() == 1 && !s.contains(' '))
    {
        let first = initial.chars().next()?;
        return (first.is_uppercase() && name_word(surname) && surname.chars().count() > 1)
            .then(|| (first, surname.to_string()));
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 || !words.iter().all(|w| name_word(w)) {
        return None;
    }
    let first = words[0].chars().next()?;
    let surname = words[words.len() - 1];
    (first.is_uppercase() && surname.chars().count() > 1).then(|| (first, surname.to_string()))
}

/// Whether the name's first word is an initial only (`D. Klimenko`, `D.Valeyev`).
pub fn starts_with_initial(name: &str) -> bool {
    let first = name.split([' ', '.']).next().unwrap_or("");
    first.chars().count() == 1 && name[first.len()..].starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_offices_and_places_are_dropped_and_the_name_at_the_end_kept() {
        for (label, person) in [
            ("President of Russia Vladimir Putin", "Vladimir Putin"),
            ("Central Bank Governor Elvira Nabiullina", "Elvira Nabiullina"),
            ("Governor of the Central Bank Elvira Nabiullina", "Elvira Nabiullina"),
            ("Bank Elvira Nabiullina", "Elvira Nabiullina"),
            ("Presidential Aide Elvira Nabiullina", "Elvira Nabiullina"),
            ("Minister of Communications and Mass Media Nikolai Nikiforov", "Nikolai Nikiforov"),
            ("and Mass Media Nikolai Nikiforov", "Nikolai Nikiforov"),
            ("Governor of Tula Region Igor Kobzev", "Igor Kobzev"),
            ("Region Igor Kobzev", "Igor Kobzev"),
            ("Minister of Economic Development Maxim Reshetnikov", "Maxim Reshetnikov"),
            ("Development Maxim Reshetnikov", "Maxim Reshetnikov"),
            ("Head of Chechnya Ramzan Kadyrov", "Ramzan Kadyrov"),
            ("Governor of St Petersburg Alexander Beglov", "Alexander Beglov"),
            ("Rector of St Petersburg State University Nikolai Kropachev", "Nikolai Kropachev"),
            ("President of Syria Bashar al-Assad", "Bashar al-Assad"),
            ("President of the People’s Republic of China Xi Jinping", "Xi Jinping"),
            ("President of the United States of America Donald Trump", "Donald Trump"),
            ("President of Turkey Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
            ("King of Bahrain Hamad Bin Isa Al Khalifa", "Hamad Bin Isa Al Khalifa"),
            ("Crown Prince of Saudi Arabia Mohammed bin Salman", "Mohammed bin Salman"),
            ("KAMAZ General Director Sergei Kogogin", "Sergei Kogogin"),
            ("NOVATEK CEO Leonid Mikhelson", "Leonid Mikhelson"),
            ("CNBC TV anchor Geoff Cutmore", "Geoff Cutmore"),
            ("Colonel General Sergei Surovikin", "Sergei Surovikin"),
            ("Academician Valery Tishkov", "Valery Tishkov"),
            ("Professionals direction at the Agency for Strategic Initiatives Dmitry Peskov", "Dmitry Peskov"),
            ("Public Organisation Delovaya Rossiya [Business Russia] Alexei Repik", "Alexei Repik"),
            ("Rossiya Alexei Repik", "Alexei Repik"),
            ("Russia General Council Andrei Turchak", "Andrei Turchak"),
            ("Patriarch Kirill of Moscow and All Russia", "Patriarch Kirill"),
            ("Patriarch of Moscow and All Russia Kirill", "Patriarch Kirill"),
            ("Sr Lieutenant A. Vedyashchev", "A. Vedyashchev"),
            ("VladimirPutin", "Vladimir Putin"),
            ("VladimirPUTIN", "Vladimir Putin"),
            ("Master mariner Sergei Zybko", "Sergei Zybko"),
            ("Elvira Nabiullina, Central Bank Governor", "Elvira Nabiullina"),
            (
                "Minister of Civil Defence, Emergencies and Natural Disaster Relief Vladimir Puchkov",
                "Vladimir Puchkov",
            ),
        ] {
            assert_eq!(english_person(label).as_deref(), Some(person), "{label}");
        }
    }

    #[test]
    fn names_and_labels_without_a_name_stay() {
        for label in [
            "Vladimir Putin",
            "Xi Jinping",
            "Patriarch Kirill",
            "and All Russia",
            "Question",
            "Audience",
            "Response from the hall",
            "Call centre operator",
            "Dmitry McDonald",
        ] {
            assert_eq!(english_person(label), None, "{label}");
        }
    }

    #[test]
    fn initials_and_full_names_share_a_key() {
        assert_eq!(initial_key("Dmitry Klimenko"), initial_key("D. Klimenko"));
        assert_eq!(
            initial_key("Dmitry Klimenko"),
            Some(('D', "Klimenko".into()))
        );
        assert_eq!(initial_key("D.Valeyev"), initial_key("Dinar Valeyev"));
        assert_eq!(initial_key("Question"), None);
        assert!(starts_with_initial("D. Klimenko") && starts_with_initial("D.Valeyev"));
        assert!(!starts_with_initial("Dmitry Klimenko"));
    }
}
