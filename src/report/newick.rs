//! Newick, the tree format of phylogenetics programs (Felsenstein's PHYLIP definition; read by R's `ape::read.tree`,
//! Python's `Bio.Phylo` and `ete3`): `(A,(B,C)0.8);` is a tree whose root holds A and a clade of B and C with the
//! label `0.8`.
//!
//! Leaves are speakers' names. A name of ASCII letters, digits, `.` and `-` only is written as it is; any other
//! (spaces, punctuation the format reserves, `_` which readers turn into a space, Cyrillic) in single quotes, a
//! quote inside doubled (`'O''Brien'`), as the standard has it. An inner node is labelled with its support (a share
//! from 0 to 1, in the shortest form that reads back to the same number, as the CSV tables write numbers); the root
//! has no label. No branch lengths: a consensus of trees has a topology, not lengths. The tree ends with `;` and a
//! newline.

use crate::stats::consensus::Node;

/// A tree in Newick, leaves named by `name`.
pub fn newick<'a>(tree: &Node, name: &impl Fn(usize) -> &'a str) -> String {
    let mut out = String::new();
    write_node(&mut out, tree, name);
    out.push_str(";\n");
    out
}

fn write_node<'a>(out: &mut String, node: &Node, name: &impl Fn(usize) -> &'a str) {
    match node {
        Node::Leaf(l) => out.push_str(&label(name(*l))),
        Node::Clade { support, children } => {
            out.push('(');
            for (i, child) in children.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_node(out, child, name);
            }
            out.push(')');
            if let Some(s) = support {
                out.push_str(ryu::Buffer::new().format(*s));
            }
        }
    }
}

/// A leaf's label: as it is when it is plain ASCII, else quoted.
pub fn label(name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    if plain {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_unless_plain_and_supports_label_clades() {
        assert_eq!(label("Putin"), "Putin");
        assert_eq!(label("V.Putin-2"), "V.Putin-2");
        assert_eq!(label("В.Путин"), "'В.Путин'");
        assert_eq!(label("В.Путин | CIS"), "'В.Путин | CIS'");
        assert_eq!(label("O'Brien"), "'O''Brien'");
        assert_eq!(label("a_b"), "'a_b'");
        assert_eq!(label("(x),y:z;"), "'(x),y:z;'");
        assert_eq!(label(""), "''");
        let tree = Node::Clade {
            support: None,
            children: vec![
                Node::Leaf(0),
                Node::Clade {
                    support: Some(0.6),
                    children: vec![Node::Leaf(1), Node::Leaf(2)],
                },
            ],
        };
        let names = ["A", "Б Б", "C"];
        assert_eq!(newick(&tree, &|i| names[i]), "(A,('Б Б',C)0.6);\n");
        let whole = Node::Clade {
            support: Some(1.0),
            children: vec![Node::Leaf(0)],
        };
        assert_eq!(newick(&whole, &|i| names[i]), "(A)1.0;\n");
    }
}
