//! `docs/methods.md` says how the numbers are computed with the texts the code carries: between the lines
//! `<!-- methods:begin -->` and `<!-- methods:end -->` it holds exactly what `stenogram::report::methods_markdown()`
//! renders from the tables' and charts' own method texts (the page's methods section has the same texts). Run with
//! `STENOGRAM_BLESS=1` to rewrite that region in place, or to create the file (a heading and the region) if absent.

use std::path::Path;

use stenogram::report::methods_markdown;

const BEGIN: &str = "<!-- methods:begin -->";
const END: &str = "<!-- methods:end -->";

/// `text` with the lines between the marker lines replaced by `region`; `None` without both markers in order.
fn with_region(text: &str, region: &str) -> Option<String> {
    let begin = text.find(BEGIN)?;
    let start = begin + text[begin..].find('\n')? + 1;
    let end = start + text[start..].find(END)?;
    Some(format!("{}{region}{}", &text[..start], &text[end..]))
}

/// A new `docs/methods.md`: a heading and the region.
fn new_file(region: &str) -> String {
    format!("# How the numbers are computed\n\n{BEGIN}\n{region}{END}\n")
}

/// The first line where `a` and `b` differ, to say where the region is stale.
fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()));
    format!(
        "line {}: {:?} (the code renders {:?})",
        line + 1,
        a.lines().nth(line).unwrap_or(""),
        b.lines().nth(line).unwrap_or("")
    )
}

#[test]
fn docs_methods_md_holds_the_method_texts_of_the_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/methods.md");
    let region = methods_markdown();
    let bless = std::env::var("STENOGRAM_BLESS").is_ok_and(|v| v == "1");
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(
            bless,
            "{} is absent: run `STENOGRAM_BLESS=1 cargo test --test main methods` to create it with the methods \
             region",
            path.display()
        );
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, new_file(&region)).unwrap();
        return;
    };
    let want = match with_region(&text, &region) {
        Some(want) => want,
        None if bless => format!("{}\n\n{BEGIN}\n{region}{END}\n", text.trim_end()),
        None => panic!(
            "{} has no lines {BEGIN} and {END} (in this order) around the methods: add them, or run with \
             STENOGRAM_BLESS=1 to add them at its end",
            path.display()
        ),
    };
    if want == text {
        return;
    }
    assert!(
        bless,
        "the methods in {} differ from the code's method texts at {}; run `STENOGRAM_BLESS=1 cargo test --test main \
         methods` to rewrite them",
        path.display(),
        first_difference(&text, &want)
    );
    std::fs::write(&path, want).unwrap();
}

#[test]
fn the_region_is_rewritten_in_place_and_nothing_else() {
    let text = format!("# Methods\n\nBefore.\n\n{BEGIN}\nold\nlines\n{END}\n\nAfter.\n");
    assert_eq!(
        with_region(&text, "new\n").unwrap(),
        format!("# Methods\n\nBefore.\n\n{BEGIN}\nnew\n{END}\n\nAfter.\n")
    );
    assert_eq!(with_region("no markers\n", "new\n"), None);
    assert_eq!(with_region(&format!("{END}\n{BEGIN}\n"), "x\n"), None);
    let made = new_file("region\n");
    assert_eq!(with_region(&made, "region\n").unwrap(), made);
    // What the function renders ends with a line break, so the end marker stays on a line of its own.
    assert!(methods_markdown().ends_with('\n'));
}
