//! The header of a ParlaMint TEI sitting: its title, date, place and the parliament's URL, and, for a sitting
//! without a meta file, the attributes its `<meeting>`s and its text's `ana` give (`body`, `term`, `session`,
//! `meeting`, `sitting`, `subcorpus`).

use roxmltree::Node;

use super::xml::{child, is_tei, language_of, text_of};

/// What the header says of the sitting.
#[derive(Default)]
pub struct Header {
    /// The sub-title in the sitting's language (ParlaMint's meta `Title`), else the main title.
    pub title: Option<String>,
    /// The setting's date.
    pub date: Option<chrono::NaiveDate>,
    /// The setting's city.
    pub place: Option<String>,
    /// The parliament's URL of the transcript (`<idno subtype="parliament">`).
    pub source: Option<String>,
    /// `body`, `term`, `session`, `meeting`, `sitting`, `subcorpus`, for a sitting without a meta file.
    pub attributes: Vec<(String, String)>,
}

impl Header {
    /// Reads the header of the `<TEI>` element `root`.
    pub fn read(root: Node<'_, '_>) -> Header {
        let mut header = Header::default();
        let language = language_of(root);
        let file = child(root, "teiHeader").and_then(|h| child(h, "fileDesc"));
        if let Some(titles) = file.and_then(|f| child(f, "titleStmt")) {
            let title = |kind: &str| {
                let of_kind: Vec<Node> = titles
                    .children()
                    .filter(|t| is_tei(*t, "title") && t.attribute("type") == Some(kind))
                    .collect();
                of_kind
                    .iter()
                    .find(|t| language_of(**t) == language)
                    .or(of_kind.first())
                    .map(|t| text_of(*t))
            };
            header.title = title("sub").or_else(|| title("main"));
            header.attributes = meeting_attributes(titles);
        }
        let setting = child(root, "teiHeader")
            .and_then(|h| child(h, "profileDesc"))
            .and_then(|p| child(p, "settingDesc"))
            .and_then(|s| child(s, "setting"));
        if let Some(setting) = setting {
            header.date = child(setting, "date")
                .and_then(|d| d.attribute("when"))
                .and_then(super::date_at_start);
            header.place = setting
                .children()
                .find(|n| is_tei(*n, "name") && n.attribute("type") == Some("city"))
                .map(text_of);
        }
        header.source = file
            .and_then(|f| child(f, "sourceDesc"))
            .and_then(|s| {
                s.descendants()
                    .find(|n| is_tei(*n, "idno") && n.attribute("subtype") == Some("parliament"))
            })
            .map(text_of)
            .filter(|s| !s.is_empty());
        if let Some(ana) = child(root, "text").and_then(|t| t.attribute("ana")) {
            let subcorpus: Vec<&str> = ana
                .split_whitespace()
                .map(|a| a.trim_start_matches('#'))
                .collect();
            header
                .attributes
                .push(("subcorpus".to_string(), subcorpus.join(",")));
        }
        header
    }
}

/// The sitting's `body`, `term`, `session`, `meeting` and `sitting` from the `<meeting>`s of the title statement.
fn meeting_attributes(titles: Node<'_, '_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for meeting in titles.children().filter(|n| is_tei(*n, "meeting")) {
        let ana: Vec<&str> = meeting
            .attribute("ana")
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let n = meeting.attribute("n").unwrap_or("").trim();
        let has = |a: &str| ana.contains(&a);
        let body = [
            ("#parla.lower", "lower"),
            ("#parla.upper", "upper"),
            ("#parla.uni", "unicameral"),
        ]
        .iter()
        .find(|(a, _)| has(a))
        .map(|(_, b)| *b);
        if let Some(body) = body.filter(|_| !out.iter().any(|(k, _)| k == "body")) {
            out.push(("body".to_string(), body.to_string()));
        }
        for level in ["term", "session", "meeting", "sitting"] {
            if has(&format!("#parla.{level}"))
                && !n.is_empty()
                && !out.iter().any(|(k, _)| k == level)
            {
                out.push((level.to_string(), n.to_string()));
            }
        }
    }
    out
}
