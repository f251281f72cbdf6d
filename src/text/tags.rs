//! The tags an analysis of a word carries: its universal part of speech (UD UPOS), and for a name the kind of name
//! and which part of a person's name it is, as the dictionary's UD `NameType` feature tells them. Shared by the
//! Russian lemmatizer ([`super::lemma`], which re-exports them) and the English function words ([`super::english`]).

/// A universal part of speech (UD UPOS).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[repr(u8)]
pub enum Pos {
    /// No analysis (a word of another language, or one the dictionary could not place).
    #[default]
    Unknown,
    /// Noun.
    Noun,
    /// Proper noun.
    Propn,
    /// Verb.
    Verb,
    /// Adjective.
    Adj,
    /// Adverb.
    Adv,
    /// Auxiliary (`быть` as a copula or in the future tense).
    Aux,
    /// Pronoun.
    Pron,
    /// Determiner (`весь`, `этот`, `свой`).
    Det,
    /// Numeral.
    Num,
    /// Adposition.
    Adp,
    /// Coordinating conjunction.
    Cconj,
    /// Subordinating conjunction.
    Sconj,
    /// Particle.
    Part,
    /// Interjection.
    Intj,
    /// Punctuation.
    Punct,
    /// Symbol.
    Sym,
    /// Other.
    X,
}

impl Pos {
    /// Every part of speech, in the order of the enum.
    pub const ALL: [Pos; 18] = [
        Pos::Unknown,
        Pos::Noun,
        Pos::Propn,
        Pos::Verb,
        Pos::Adj,
        Pos::Adv,
        Pos::Aux,
        Pos::Pron,
        Pos::Det,
        Pos::Num,
        Pos::Adp,
        Pos::Cconj,
        Pos::Sconj,
        Pos::Part,
        Pos::Intj,
        Pos::Punct,
        Pos::Sym,
        Pos::X,
    ];

    /// The UD tag (`NOUN`, `PROPN` …); `_` for [`Pos::Unknown`], as in CoNLL-U.
    pub fn as_str(self) -> &'static str {
        match self {
            Pos::Unknown => "_",
            Pos::Noun => "NOUN",
            Pos::Propn => "PROPN",
            Pos::Verb => "VERB",
            Pos::Adj => "ADJ",
            Pos::Adv => "ADV",
            Pos::Aux => "AUX",
            Pos::Pron => "PRON",
            Pos::Det => "DET",
            Pos::Num => "NUM",
            Pos::Adp => "ADP",
            Pos::Cconj => "CCONJ",
            Pos::Sconj => "SCONJ",
            Pos::Part => "PART",
            Pos::Intj => "INTJ",
            Pos::Punct => "PUNCT",
            Pos::Sym => "SYM",
            Pos::X => "X",
        }
    }

    /// The part of speech of a UD tag (case-insensitive); `None` for anything else.
    pub fn parse(tag: &str) -> Option<Pos> {
        Pos::ALL
            .into_iter()
            .find(|p| *p != Pos::Unknown && p.as_str().eq_ignore_ascii_case(tag))
    }

    /// Nouns, proper nouns, verbs, adjectives and adverbs: the parts of speech that carry content.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            Pos::Noun | Pos::Propn | Pos::Verb | Pos::Adj | Pos::Adv
        )
    }
}

/// What kind of name a word is, from the dictionary's name types.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[repr(u8)]
pub enum NameKind {
    /// A surname, first name or patronymic.
    Person,
    /// A place (a country, city, river …).
    Place,
    /// An organisation.
    Organisation,
}

impl NameKind {
    /// Every kind, in order.
    pub const ALL: [NameKind; 3] = [NameKind::Person, NameKind::Place, NameKind::Organisation];

    /// `person`, `place` or `organisation`.
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Place => "place",
            NameKind::Organisation => "organisation",
        }
    }

    /// The kind of a UD `NameType` value (`Sur`, `Giv`, `Pat`, `Prs` → person; `Geo` → place; `Com` →
    /// organisation).
    pub(super) fn of_name_type(value: &str) -> Option<NameKind> {
        match value {
            "Sur" | "Giv" | "Pat" | "Prs" => Some(NameKind::Person),
            "Geo" => Some(NameKind::Place),
            "Com" => Some(NameKind::Organisation),
            _ => None,
        }
    }
}

/// Which part of a person's name a word is, from the dictionary's name types: what tells the parts of one mention
/// apart (`Владимир Владимирович Путин` is a first name, a patronymic and a surname).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[repr(u8)]
pub enum PersonPart {
    /// A first (given) name: `Владимир`.
    Given,
    /// A patronymic: `Владимирович`.
    Patronymic,
    /// A surname: `Путин`.
    Surname,
}

impl PersonPart {
    /// Every part, in order.
    pub const ALL: [PersonPart; 3] = [
        PersonPart::Given,
        PersonPart::Patronymic,
        PersonPart::Surname,
    ];

    /// `given`, `patronymic` or `surname`.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonPart::Given => "given",
            PersonPart::Patronymic => "patronymic",
            PersonPart::Surname => "surname",
        }
    }

    /// The part of a UD `NameType` value (`Giv`, `Pat`, `Sur`; `Prs`, a person's name of no stated part, has
    /// none).
    pub(super) fn of_name_type(value: &str) -> Option<PersonPart> {
        match value {
            "Giv" => Some(PersonPart::Given),
            "Pat" => Some(PersonPart::Patronymic),
            "Sur" => Some(PersonPart::Surname),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_speech_round_trip_and_content() {
        for p in Pos::ALL.into_iter().skip(1) {
            assert_eq!(Pos::parse(p.as_str()), Some(p));
        }
        assert_eq!(Pos::parse("_"), None);
        assert!(Pos::Verb.is_content() && !Pos::Aux.is_content() && !Pos::Pron.is_content());
    }
}
