//! The house drawn from the code's own imports: the layers point one way (`transcript`/`text` → `corpus` → `stats`
//! → `report` → `run` → `cli`), sibling files import each other without a cycle, no file is over 600 lines and no
//! function over 100. Read from `src/` as text, so a new file is checked without being listed anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path inside the crate (`["corpus", "model"]`); the binary's `cli` counts as the top module `cli`.
type Module = Vec<String>;

/// The layer of each top module: a module may import its own layer's modules only where said below, and lower ones.
fn layer(top: &str) -> Option<u8> {
    Some(match top {
        "lang" | "columnar" => 0,
        "transcript" | "text" => 1,
        "corpus" => 2,
        "stats" => 3,
        "report" => 4,
        "run" => 5,
        "cli" | "main" | "lib" => 6,
        _ => return None,
    })
}

struct Source {
    module: Module,
    path: PathBuf,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&root).unwrap();
        let mut module: Module = rel
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        out.push(Source {
            module,
            path: path.to_path_buf(),
            text: std::fs::read_to_string(path).unwrap(),
        });
    }
    out
}

/// The text without comments (doc comments hold paths that are links, not imports).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a `use` declaration names, braces expanded (`a::{b, c::d}` → `a::b`, `a::c::d`).
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = format!("{prefix}{}", &tree[..open]);
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], &head, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &head, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(format!("{prefix}{path}"));
    }
}

/// The paths a file names: its `use` declarations expanded, and the `crate::`/`super::` paths in its code.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let tree = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
            .iter()
            .find_map(|p| trimmed.strip_prefix(p));
        if tree.is_some() {
            let start = offset + (line.len() - trimmed.len());
            let statement = &code[start..];
            let from = statement.find("use ").unwrap_or(0) + 4;
            let end = statement.find(';').unwrap_or(statement.len());
            expand(&statement[from..end], "", &mut out);
        }
        offset += line.len();
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        for (i, _) in code.match_indices(start) {
            if i > 0
                && (bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'_'
                    || bytes[i - 1] == b':')
            {
                continue;
            }
            let len = code[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - i);
            out.push(code[i..i + len].trim_end_matches(':').to_string());
        }
    }
    out
}

/// The module a path points into, as the longest known module it starts with (`None` outside the crate).
fn target(from: &Module, path: &str, known: &Known) -> Option<Module> {
    let mut parts = path.split("::").filter(|p| !p.is_empty());
    let mut here: Module = match parts.next()? {
        "crate" => Vec::new(),
        "super" => from[..from.len().saturating_sub(1)].to_vec(),
        "self" => from.clone(),
        "stenogram" => Vec::new(),
        _ => return None,
    };
    for p in parts {
        if p == "super" {
            here.pop();
            continue;
        }
        let mut next = here.clone();
        next.push(p.to_string());
        if known.modules.contains(&next) {
            here = next;
        } else {
            // A name the folder's `mod.rs` re-exports is the file that defines it.
            if let Some(child) = known.reexports.get(&(here.clone(), p.to_string())) {
                here = child.clone();
            }
            break;
        }
    }
    Some(here)
}

/// The crate's modules, and the names each folder's `mod.rs` re-exports from its files.
#[derive(Default)]
struct Known {
    modules: BTreeSet<Module>,
    reexports: BTreeMap<(Module, String), Module>,
}

impl Known {
    fn new(sources: &[Source]) -> Known {
        let mut known = Known {
            modules: sources.iter().map(|s| s.module.clone()).collect(),
            ..Known::default()
        };
        for s in sources.iter().filter(|s| s.path.ends_with("mod.rs")) {
            let code = code(&s.text);
            for statement in code.split(';') {
                let Some(tree) = statement.trim().strip_prefix("pub use ") else {
                    continue;
                };
                let mut paths = Vec::new();
                expand(tree, "", &mut paths);
                for p in paths {
                    let segments: Vec<&str> = p.split("::").collect();
                    let mut child = s.module.clone();
                    child.push(segments[0].to_string());
                    if segments.len() > 1 && known.modules.contains(&child) {
                        let name = segments[segments.len() - 1].to_string();
                        known.reexports.insert((s.module.clone(), name), child);
                    }
                }
            }
        }
        known
    }
}

/// Every file's imports of other files of the crate.
fn imports(sources: &[Source]) -> BTreeMap<Module, BTreeSet<Module>> {
    let known = Known::new(sources);
    let mut out = BTreeMap::new();
    for s in sources {
        let mut to = BTreeSet::new();
        for p in paths(&code(&s.text)) {
            if let Some(t) = target(&s.module, &p, &known) {
                if t != s.module && !t.is_empty() {
                    to.insert(t);
                }
            }
        }
        out.insert(s.module.clone(), to);
    }
    out
}

#[test]
fn the_layers_point_one_way() {
    let sources = sources();
    let imports = imports(&sources);
    let mut wrong = Vec::new();
    for (from, to) in &imports {
        let top = |m: &Module| m.first().cloned().unwrap_or_default();
        let Some(mine) = from.first().and_then(|t| layer(t)) else {
            continue;
        };
        for t in to {
            let theirs = layer(&top(t)).unwrap_or(0);
            let same_top = top(t) == top(from);
            if !same_top && theirs >= mine && !(mine == 6 && theirs == 6) {
                wrong.push(format!("{} imports {}", from.join("::"), t.join("::")));
            }
        }
    }
    // The test can fail: an upward import in a small tree is found.
    let known = Known {
        modules: [vec!["stats".to_string()], vec!["corpus".to_string()]].into(),
        ..Known::default()
    };
    let up = target(
        &vec!["corpus".into(), "model".into()],
        "crate::stats::freq",
        &known,
    );
    assert_eq!(up, Some(vec!["stats".to_string()]));
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn sibling_files_import_each_other_without_a_cycle() {
    let sources = sources();
    let imports = imports(&sources);
    // Edges between files of one folder (a child module's own files count as the child).
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, to) in &imports {
        for t in to {
            let common = from.iter().zip(t).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < t.len() {
                edges
                    .entry(from[..=common].to_vec())
                    .or_default()
                    .insert(t[..=common].to_vec());
            }
        }
    }
    let cycles = find_cycles(&edges);
    assert!(
        cycles.is_empty(),
        "import cycles between sibling files:\n{}",
        cycles
            .iter()
            .map(|c| c
                .iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(" -> "))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The test can fail: a cycle of two files is found.
    let (a, b) = (
        vec!["x".to_string(), "a".to_string()],
        vec!["x".to_string(), "b".to_string()],
    );
    let two: BTreeMap<Module, BTreeSet<Module>> =
        [(a.clone(), [b.clone()].into()), (b, [a].into())].into();
    assert_eq!(find_cycles(&two).len(), 1);
}

/// One cycle through each strongly connected group of more than one module (depth-first, colouring).
fn find_cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, u8>,
        stack: &mut Vec<Module>,
        out: &mut Vec<Vec<Module>>,
    ) {
        state.insert(m.clone(), 1);
        stack.push(m.clone());
        for n in edges.get(m).into_iter().flatten() {
            match state.get(n).copied().unwrap_or(0) {
                0 => visit(n, edges, state, stack, out),
                1 => {
                    let at = stack.iter().position(|s| s == n).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(n.clone());
                    out.push(cycle);
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.clone(), 2);
    }
    let mut state = BTreeMap::new();
    let mut out = Vec::new();
    for m in edges.keys() {
        if !state.contains_key(m) {
            visit(m, edges, &mut state, &mut Vec::new(), &mut out);
        }
    }
    out
}

/// Functions longer than `max` lines, as (name, lines): from the `fn` line to the closing brace at its indentation.
fn long_functions(text: &str, max: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let body = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
            "pub const fn ",
        ];
        let Some(rest) = body.iter().find_map(|p| trimmed.strip_prefix(p)) else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i + 1..].iter().position(|l| l.trim_end() == close) {
            let len = end + 2;
            if len > max {
                out.push((name, len));
            }
        }
    }
    out
}

#[test]
fn no_file_over_600_lines_and_no_function_over_100() {
    let mut wrong = Vec::new();
    for s in sources() {
        let lines = s.text.lines().count();
        if lines > 600 {
            wrong.push(format!("{}: {lines} lines", s.path.display()));
        }
        for (name, len) in long_functions(&s.text, 100) {
            wrong.push(format!("{}: fn {name} is {len} lines", s.path.display()));
        }
    }
    let long = format!("fn f() {{\n{}}}\n", "    x();\n".repeat(120));
    assert_eq!(long_functions(&long, 100), [("f".to_string(), 122)]);
    assert!(wrong.is_empty(), "too long:\n{}", wrong.join("\n"));
}
