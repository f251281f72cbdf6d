//! What the TEI readers share of `roxmltree`: TEI elements by name, their line, text and language.

use roxmltree::Node;

use super::super::model::LanguageCode;
use super::TEI_NS;

/// The XML namespace (`xml:id`, `xml:lang`).
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Whether `node` is the TEI element `name`.
pub fn is_tei(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element()
        && node.tag_name().namespace() == Some(TEI_NS)
        && node.tag_name().name() == name
}

/// The first child of `node` that is the TEI element `name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_tei(*c, name))
}

/// The 1-based line an element starts on.
pub fn line(node: Node<'_, '_>) -> usize {
    node.document().text_pos_at(node.range().start).row as usize
}

/// The text of an element and its descendants, whitespace collapsed.
pub fn text_of(node: Node<'_, '_>) -> String {
    let text: Vec<&str> = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    text.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language of a node's text: the nearest `xml:lang`.
pub fn language_of(node: Node<'_, '_>) -> Option<LanguageCode> {
    node.ancestors()
        .find_map(|n| n.attribute((XML_NS, "lang")))
        .and_then(LanguageCode::parse)
}
