//! ParlaMint's TEI form: a sitting (`<TEI>` in the TEI namespace), parsed with `roxmltree` (no DTD, no XInclude).
//!
//! **The body**, in document order: `<div>`s are looked into; a `<head>` is a heading; a `<u>` is a turn whose
//! `<seg>`s are its paragraphs; a `<note>`, `<kinesic>`, `<vocal>`, `<incident>` or `<gap>` inside a `<u>` is an
//! annotation (of the `<seg>` it stands in, or of the one before it), and outside one it is kept for the audit (a gap as an elision, the others with the metadata). Annotated components (`.ana.xml`) are read the same
//! way, their `<w>` and `<pc>` tokens joined as `join="right"` says, their syntactic links left out.
//!
//! **The speaker** of a `<u>` is its row of the meta file (`u/@xml:id` = the row's `ID`), as for the text form, so
//! that both forms give the same turns. Without a meta file the speaker is the person the `who` id names in the
//! corpus' list of persons ([`super::people`]: name, gender, birth), else named by the id itself
//! (`#StephenKinnock` → `Stephen Kinnock`), and the turn's attributes are the list's, `speaker_id`, and `role`
//! (`chair`, `regular`, `guest`) and `topic` from `ana`; the sitting's are read from the header's `<meeting>`s and the text's
//! `ana`. **The language** of a turn is the `xml:lang` (inherited) of most of its text, else the meta file's `Lang`.
//!
//! **The audit** counts elements, not lines: the header is one metadata line, each heading, `<seg>` and annotation
//! inside a `<u>` one line, each note or gap outside one a metadata or elision line.

use std::path::Path;
use std::sync::Arc;

use roxmltree::{Document, Node, ParsingOptions};

use super::super::audit::Audit;
use super::super::model::{AnnotationKind, Block, LanguageCode, Paragraph};
use super::super::options::ReadOptions;
use super::super::source::{ReadError, ReadFile};
use super::super::warning::{Warning, WarningKind};
use super::header::Header;
use super::meta::{find_meta, read_meta, Meta};
use super::people::{people_for, People};
use super::text::Builder;
use super::txt::Told;
use super::xml::{child, language_of, line, text_of, XML_NS};
use super::{
    corpus_language, decode_sitting, id_of, looked_for, sitting_meeting, utterance_turn,
    FORMAT_TEI, TEI_NS, UNKNOWN_SPEAKER,
};

/// Elements that are not speech: the editors' notes and descriptions, and the gaps they left.
const NOT_SPEECH: [&str; 5] = ["note", "kinesic", "vocal", "incident", "gap"];

/// Reads a ParlaMint TEI component (`path` names it and gives the sitting id; its meta file is looked for beside it).
pub fn read_parlamint_tei(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(ReadFile, Vec<Warning>), ReadError> {
    let shown = path.to_string_lossy().into_owned();
    let (decoded, mut warnings) = decode_sitting(&shown, bytes)?;
    let parsing = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(&decoded.text, parsing)
        .map_err(|e| xml_error(&shown, &decoded.text, &e))?;
    let root = doc.root_element();
    check_root(&shown, root)?;
    let id = id_of(path, root.attribute((XML_NS, "id")));
    let meta = match find_meta(path, &id) {
        Some(meta_path) => {
            let (meta, meta_warnings) = read_meta(&meta_path, corpus_language(&id))?;
            warnings.extend(meta_warnings);
            Some(meta)
        }
        None => None,
    };
    let people = meta.is_none().then(|| people_for(path, &id)).flatten();
    if meta.is_none() {
        let named = if people.is_some() {
            "from the corpus' list of persons"
        } else {
            "by their ParlaMint ids"
        };
        warnings.push(Warning {
            line: None,
            kind: WarningKind::ParlaMint,
            message: format!(
                "no meta file (looked for {}): speakers are named {named}, without party or other attributes",
                looked_for(path, &id)
            ),
        });
    }
    let header = Header::read(root);
    let mut body = Body {
        meta: meta.as_ref(),
        people,
        language: corpus_language(&id),
        audit: Audit {
            file: shown.clone(),
            ..Audit::default()
        },
        blocks: Vec::new(),
        told: Told::default(),
    };
    if child(root, "teiHeader").is_some() {
        body.audit.lines += 1;
        body.audit.metadata += 1;
    }
    if let Some(text_body) = child(root, "text").and_then(|t| child(t, "body")) {
        body.walk(text_body);
    }
    let Body {
        audit,
        blocks,
        told,
        ..
    } = body;
    warnings.extend(told.into_warnings());
    let attributes = meta
        .as_ref()
        .map_or_else(|| header.attributes.clone(), |m| m.attributes.clone());
    let mut meeting = sitting_meeting(
        &id,
        &shown,
        decoded.encoding,
        FORMAT_TEI,
        attributes,
        blocks,
        options,
    );
    meeting.title = meta.as_ref().and_then(|m| m.title.clone()).or(header.title);
    meeting.date = meta
        .as_ref()
        .and_then(|m| m.date)
        .or(header.date)
        .or(meeting.date);
    meeting.place = header.place;
    meeting.source = header.source;
    Ok((ReadFile { meeting, audit }, warnings))
}

/// What was wrong with the XML, and where.
fn xml_error(path: &str, text: &str, e: &roxmltree::Error) -> ReadError {
    let line_of = |needle: &str| {
        text.find(needle)
            .map_or(1, |at| text[..at].matches('\n').count() + 1)
    };
    let (line, message) = match e {
        // Errors of a file cut short are at its end, where roxmltree gives no position.
        roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
            (text.lines().count().max(1), format!("not well-formed XML: {e}"))
        }
        roxmltree::Error::DtdDetected => (
            line_of("<!DOCTYPE"),
            "a document type declaration (<!DOCTYPE …>), which ParlaMint files do not have, is refused".to_string(),
        ),
        _ => (e.pos().row as usize, format!("not well-formed XML: {e}")),
    };
    ReadError::Xml {
        path: path.to_string(),
        line,
        message,
    }
}

/// The root must be `<TEI>` in the TEI namespace; `<teiCorpus>` is a corpus root, skipped.
fn check_root(path: &str, root: Node<'_, '_>) -> Result<(), ReadError> {
    let name = root.tag_name();
    match (name.namespace(), name.name()) {
        (Some(TEI_NS), "TEI") => Ok(()),
        (Some(TEI_NS), "teiCorpus") => Err(ReadError::CorpusRoot {
            path: path.to_string(),
        }),
        (namespace, local) => Err(ReadError::NotTei {
            path: path.to_string(),
            line: line(root),
            found: match namespace {
                Some(ns) => format!("{{{ns}}}{local}"),
                None => local.to_string(),
            },
        }),
    }
}

/// What an element that is not speech says, as shown in a paragraph's `raw`, and its annotation.
fn addition(node: Node<'_, '_>) -> (AnnotationKind, String, String) {
    let name = node.tag_name().name();
    let described = || {
        child(node, "desc")
            .map(text_of)
            .filter(|d| !d.is_empty())
            .or_else(|| {
                node.attribute("type")
                    .or(node.attribute("reason"))
                    .map(str::to_string)
            })
            .unwrap_or_default()
    };
    match name {
        "note" => {
            let text = text_of(node);
            (AnnotationKind::Note, text.clone(), text)
        }
        "gap" => {
            let text = described();
            (AnnotationKind::Elision, text.clone(), text)
        }
        _ => {
            let shown = described();
            let kept = shown
                .strip_prefix('(')
                .and_then(|s| s.strip_suffix(')'))
                .unwrap_or(&shown)
                .to_string();
            (AnnotationKind::Direction, shown, kept)
        }
    }
}

/// Adds an element that is not speech to a paragraph as an annotation.
fn annotate(builder: &mut Builder, node: Node<'_, '_>) {
    let (kind, shown, kept) = addition(node);
    builder.annotation(kind, &shown, &kept);
}

/// Adds a `<seg>`'s (or any inline element's) content to a paragraph; `tokens`: inside a sentence of an annotated
/// corpus, where the whitespace between tokens is layout and `join` says where the spaces are.
fn collect(node: Node<'_, '_>, builder: &mut Builder, tokens: bool) {
    for child in node.children() {
        if child.is_text() {
            let text = child.text().unwrap_or("");
            if !(tokens && text.trim().is_empty()) {
                builder.text(text);
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        match child.tag_name().name() {
            "w" | "pc" => {
                let token: String = child
                    .children()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect();
                builder.token(&token, child.attribute("join") == Some("right"));
            }
            name if NOT_SPEECH.contains(&name) => annotate(builder, child),
            "linkGrp" | "link" | "spanGrp" | "span" | "desc" => {}
            "s" => {
                collect(child, builder, true);
                builder.space();
            }
            _ => collect(child, builder, tokens),
        }
    }
}

/// The ParlaMint person id as a name, when no meta file gives one: `#StephenKinnock` → `Stephen Kinnock`,
/// `АрсенійПетровичЯценюк.1974` → `Арсеній Петрович Яценюк`.
fn name_of_id(who: &str) -> String {
    let id = who.trim().trim_start_matches('#');
    let id = match id.rsplit_once('.') {
        Some((name, n)) if n.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => id,
    };
    let mut out = String::with_capacity(id.len() + 4);
    let mut previous_lower = false;
    for c in id.chars() {
        if c.is_uppercase() && previous_lower {
            out.push(' ');
        }
        previous_lower = c.is_lowercase();
        out.push(c);
    }
    if out.is_empty() {
        UNKNOWN_SPEAKER.to_string()
    } else {
        out
    }
}

/// The body being read: its blocks and audit.
struct Body<'m> {
    meta: Option<&'m Meta>,
    /// The corpus' list of persons, for a sitting without a meta file.
    people: Option<Arc<People>>,
    /// The corpus' language, for text without `xml:lang` or a meta `Lang`.
    language: Option<LanguageCode>,
    audit: Audit,
    blocks: Vec<Block>,
    told: Told,
}

impl Body<'_> {
    /// Reads the elements of `parent` in document order.
    fn walk(&mut self, parent: Node<'_, '_>) {
        for node in parent.children().filter(Node::is_element) {
            let name = node.tag_name().name();
            let number = line(node);
            match name {
                "u" => self.utterance(node),
                "head" => {
                    self.audit.lines += 1;
                    self.audit.headings += 1;
                    self.blocks.push(Block::Heading {
                        line: number,
                        text: text_of(node),
                    });
                }
                "gap" => {
                    self.audit.lines += 1;
                    self.audit.elisions += 1;
                    self.blocks.push(Block::Elision { line: number });
                }
                name if NOT_SPEECH.contains(&name) => {
                    self.audit.lines += 1;
                    self.audit.metadata += 1;
                    self.blocks.push(Block::Furniture {
                        line: number,
                        text: addition(node).1,
                    });
                }
                _ => self.walk(node),
            }
        }
    }

    /// A `<u>` as a turn: each `<seg>` a paragraph, an addition between two `<seg>`s an annotation of the one
    /// before it (of the first, if it comes before any).
    fn utterance(&mut self, u: Node<'_, '_>) {
        let number = line(u);
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut open: Option<(usize, Builder)> = None;
        let mut leading: Vec<Node> = Vec::new();
        let mut languages: Vec<(LanguageCode, usize)> = Vec::new();
        for node in u.children().filter(Node::is_element) {
            let name = node.tag_name().name();
            if name == "seg" {
                paragraphs.extend(open.take().map(|(l, b)| b.finish(l)));
                let mut builder = Builder::default();
                for addition in leading.drain(..) {
                    annotate(&mut builder, addition);
                }
                let before = builder.spoken_len();
                collect(node, &mut builder, false);
                if let Some(code) = language_of(node) {
                    let len = builder.spoken_len() - before;
                    match languages.iter_mut().find(|(c, _)| *c == code) {
                        Some((_, n)) => *n += len,
                        None => languages.push((code, len)),
                    }
                }
                open = Some((line(node), builder));
            } else if NOT_SPEECH.contains(&name) {
                match open.as_mut() {
                    Some((_, builder)) => {
                        builder.space();
                        annotate(builder, node);
                    }
                    None => leading.push(node),
                }
            } else {
                continue;
            }
            self.audit.lines += 1;
            self.audit.turn_lines += 1;
        }
        paragraphs.extend(open.take().map(|(l, b)| b.finish(l)));
        if let Some(first) = leading.first() {
            let mut builder = Builder::default();
            let at = line(*first);
            for addition in leading {
                annotate(&mut builder, addition);
            }
            paragraphs.push(builder.finish(at));
        }
        languages.retain(|(_, n)| *n > 0);
        languages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let (speaker, attributes, meta_language) = self.speaker(u, number);
        let language = languages
            .first()
            .map(|(c, _)| *c)
            .or(meta_language)
            .or(self.language);
        let turn = utterance_turn(number, &speaker, attributes, language, paragraphs);
        self.blocks.push(Block::Turn(turn));
    }

    /// The speaker of a `<u>`, its attributes and the meta file's language for it.
    fn speaker(
        &mut self,
        u: Node<'_, '_>,
        number: usize,
    ) -> (String, Vec<(String, String)>, Option<LanguageCode>) {
        let id = u.attribute((XML_NS, "id"));
        if let Some(meta) = self.meta {
            match id.and_then(|id| meta.utterance(id)) {
                Some(row) => return (row.speaker.clone(), row.attributes.clone(), row.language),
                None => self.told.tell(
                    number,
                    match id {
                        Some(id) => format!("utterance {id} is not in {}; its speaker is named by its id", meta.path),
                        None => "an utterance without xml:id, not found in the meta file; its speaker is named by its id"
                            .to_string(),
                    },
                ),
            }
        }
        let who = u.attribute("who").map(str::trim).filter(|w| !w.is_empty());
        let person = who.and_then(|w| self.people.as_ref()?.get(w.trim_start_matches('#')));
        let mut attributes = person.map(|p| p.attributes.clone()).unwrap_or_default();
        if let Some(who) = who {
            attributes.push((
                "speaker_id".to_string(),
                who.trim_start_matches('#').to_string(),
            ));
        }
        for a in u.attribute("ana").unwrap_or("").split_whitespace() {
            if let Some(role) = a.strip_prefix('#') {
                attributes.push(("role".to_string(), role.to_string()));
            } else if let Some(topic) = a.strip_prefix("topic:") {
                attributes.push(("topic".to_string(), topic.to_string()));
            }
        }
        let speaker = match (person, who) {
            (Some(person), _) => person.name.clone(),
            (None, Some(who)) => name_of_id(who),
            (None, None) => UNKNOWN_SPEAKER.to_string(),
        };
        (speaker, attributes, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Result<(ReadFile, Vec<Warning>), ReadError> {
        read_parlamint_tei(
            Path::new("/nonexistent/ParlaMint-XX_2020-01-02-a.xml"),
            xml.as_bytes(),
            &ReadOptions::default(),
        )
    }

    const SITTING: &str = r##"<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="uk" xml:id="ParlaMint-XX_2020-01-02-a">
 <teiHeader><fileDesc><titleStmt>
  <title type="main" xml:lang="en">Main</title><title type="sub" xml:lang="uk">Підзаголовок</title>
  <meeting n="6" ana="#parla.term #parla.uni">6</meeting>
 </titleStmt><sourceDesc><bibl><idno type="URI" subtype="parliament">https://example.org/1</idno></bibl></sourceDesc>
 </fileDesc><profileDesc><settingDesc><setting><name type="city">Київ</name><date when="2020-01-02"/></setting>
 </settingDesc></profileDesc></teiHeader>
 <text ana="#reference"><body><div>
  <head>Порядок</head>
  <note type="speaker">ГОЛОВУЮЧИЙ.</note>
  <u xml:id="u1" who="#АрсенійПетровичЯценюк.1974" ana="#chair topic:other">
   <seg>Добрий ранок.</seg>
   <note type="time"><time when="2020-01-02T10:02:36">10:02:36</time></note>
   <seg>Колеги, <kinesic><desc>(Оплески)</desc></kinesic>реєструємося.</seg>
  </u>
  <gap reason="editorial"><desc xml:lang="en">SAMPLING</desc></gap>
  <u xml:id="u2"><seg xml:lang="ru"><s><w join="right">Да</w><pc>,</pc><w>конечно</w></s></seg></u>
 </div></body></text>
</TEI>"##;

    #[test]
    fn utterances_are_turns_and_notes_are_annotations() {
        let (file, warnings) = read(SITTING).unwrap();
        let m = &file.meeting;
        assert_eq!(m.title.as_deref(), Some("Підзаголовок"));
        assert_eq!(m.date, chrono::NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(m.place.as_deref(), Some("Київ"));
        assert_eq!(m.source.as_deref(), Some("https://example.org/1"));
        assert_eq!(m.format, FORMAT_TEI);
        let attrs: Vec<String> = m
            .attributes
            .iter()
            .map(|(a, v)| format!("{a}={v}"))
            .collect();
        assert_eq!(
            attrs,
            [
                "country=XX",
                "body=unicameral",
                "term=6",
                "subcorpus=reference"
            ]
        );
        let turns: Vec<_> = m.turns().collect();
        assert_eq!(turns.len(), 2);
        assert_eq!(turns[0].speaker, "Арсеній Петрович Яценюк");
        assert_eq!(turns[0].spoken(), "Добрий ранок.\nКолеги, реєструємося.");
        assert_eq!(turns[0].paragraphs[0].raw, "Добрий ранок. [[10:02:36]]");
        assert_eq!(
            turns[0].paragraphs[1].raw,
            "Колеги, [[(Оплески)]] реєструємося."
        );
        let kinds: Vec<_> = turns[0]
            .annotations()
            .map(|a| (a.kind, a.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (AnnotationKind::Note, "10:02:36"),
                (AnnotationKind::Direction, "Оплески")
            ]
        );
        assert_eq!(turns[0].language, LanguageCode::parse("uk"));
        assert!(turns[0]
            .attributes
            .contains(&("role".to_string(), "chair".to_string())));
        assert_eq!(turns[1].speaker, UNKNOWN_SPEAKER);
        assert_eq!(turns[1].spoken(), "Да, конечно");
        assert_eq!(turns[1].language, LanguageCode::parse("ru"));
        let a = &file.audit;
        assert_eq!(
            (a.lines, a.metadata, a.headings, a.turn_lines, a.elisions),
            (8, 2, 1, 4, 1)
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.message.starts_with("no meta file")),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_corpus_root_is_skipped_and_other_roots_are_errors_naming_the_line() {
        let root = r#"<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>"#;
        assert!(matches!(read(root), Err(ReadError::CorpusRoot { .. })));
        let err = read("<?xml version=\"1.0\"?>\n<TEI/>")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("2: not a ParlaMint TEI sitting: the root element is <TEI>"),
            "{err}"
        );
        let err = read(r#"<TEI xmlns="urn:x"/>"#).unwrap_err().to_string();
        assert!(err.contains("the root element is <{urn:x}TEI>"), "{err}");
        let err = read("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text>")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("ParlaMint-XX_2020-01-02-a.xml:2: not well-formed XML"),
            "{err}"
        );
    }

    #[test]
    fn ids_become_names() {
        assert_eq!(name_of_id("#StephenKinnock"), "Stephen Kinnock");
        assert_eq!(
            name_of_id("АрсенійПетровичЯценюк.1974"),
            "Арсеній Петрович Яценюк"
        );
        assert_eq!(name_of_id("#"), UNKNOWN_SPEAKER);
    }
}
