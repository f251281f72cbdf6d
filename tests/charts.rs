//! What the charts say, read back from their SVG: the time charts put every point under its own period.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::{csv_rows, run, shared};

/// The `<text>` elements of an SVG: (x, y, text).
fn texts(svg: &str) -> Vec<(f64, f64, String)> {
    let mut out = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let attr = |name: &str| -> Option<f64> {
            let at = part.find(&format!(" {name}=\""))? + name.len() + 3;
            part[at..].split('"').next()?.parse().ok()
        };
        let Some(body) = part.split_once('>').map(|(_, b)| b) else {
            continue;
        };
        let text = body
            .split("</text>")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let x = attr("x").or_else(|| part.strip_prefix("x=\"")?.split('"').next()?.parse().ok());
        if let (Some(x), Some(y)) = (x, attr("y")) {
            out.push((x, y, text));
        }
    }
    out
}

/// The centres of the `<circle>` elements left of `right` (the legend's circles are right of the plot).
fn circles(svg: &str, right: f64) -> BTreeSet<i64> {
    svg.split("<circle ")
        .skip(1)
        .filter_map(|c| {
            c.strip_prefix("cx=\"")?
                .split('"')
                .next()?
                .parse::<f64>()
                .ok()
        })
        .filter(|&x| x < right)
        .map(|x| x.round() as i64)
        .collect()
}

fn days(date: &str) -> i64 {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap())
        .num_days()
}

/// Checks `term_trends.svg` of the report in `out` against `term_trends.csv`: each charted period's label sits at
/// the x of its points, no two periods share an x, and the positions follow time (calendar periods in proportion
/// to their first days, meetings evenly spaced).
fn check_time_axis(out: &Path, period: &str, label_shape: LabelShape) {
    let svg = std::fs::read_to_string(out.join("term_trends.svg")).unwrap();
    let table = std::fs::read_to_string(out.join("term_trends.csv")).unwrap();
    // Every period with words in time order, with its first day and whether it is charted.
    let mut periods: Vec<(String, String, bool)> = Vec::new();
    for row in csv_rows(&table) {
        let p = (
            row["start"].clone(),
            row["period"].clone(),
            row["charted"] == "true",
        );
        if !periods.contains(&p) {
            periods.push(p);
        }
    }
    let charted: Vec<(String, String)> = periods
        .iter()
        .filter(|p| p.2)
        .map(|(s, p, _)| (s.clone(), p.clone()))
        .collect();
    assert!(charted.len() >= 2, "{period}: too few periods to check");
    let plot_right = 1100.0 - 250.0;
    let points = circles(&svg, plot_right);
    // Tick labels: the texts of a period's shape along the bottom of the plot.
    let labels: BTreeMap<String, f64> = texts(&svg)
        .into_iter()
        .filter(|(x, y, t)| *y > 480.0 && *x < plot_right && label_shape(t))
        .map(|(x, _, t)| (t, x))
        .collect();
    assert!(labels.len() >= 2, "{period}: labels {labels:?}");
    let by_meeting = period == "meeting";
    // Every label names a period (a date names the first meeting of that day), and the points of a charted period
    // are exactly under its label.
    for (label, x) in &labels {
        let at = x.round() as i64;
        let named = periods.iter().find(|(start, p, _)| {
            if by_meeting {
                start == label
            } else {
                p == label
            }
        });
        let Some(named) = named else {
            panic!("{period}: the label {label} names no period of the table");
        };
        if named.2 {
            assert!(
                points.contains(&at),
                "{period}: no point under the label {label} at x = {x}; points at {points:?}"
            );
        }
    }
    // One x per charted period, in time order.
    assert_eq!(
        points.len(),
        charted.len(),
        "{period}: {points:?} for {charted:?}"
    );
    let xs: Vec<i64> = points.into_iter().collect();
    // x grows in proportion with the time of the period: its first day, or for meetings their place in date order
    // (the same pixels per day, or per meeting, everywhere, within rounding).
    let d: Vec<i64> = if by_meeting {
        let place = |s: &(String, String)| periods.iter().position(|p| p.0 == s.0 && p.1 == s.1);
        charted.iter().map(|s| place(s).unwrap() as i64).collect()
    } else {
        charted.iter().map(|(s, _)| days(s)).collect()
    };
    let scale = (xs[xs.len() - 1] - xs[0]) as f64 / (d[d.len() - 1] - d[0]) as f64;
    for (x, day) in xs.iter().zip(&d) {
        let expected = xs[0] as f64 + (day - d[0]) as f64 * scale;
        assert!(
            (*x as f64 - expected).abs() <= 1.5,
            "{period}: the point of {day} at x = {x}, expected {expected:.1}"
        );
    }
}

/// Whether a text has the shape of a period's label.
type LabelShape = fn(&str) -> bool;

#[test]
fn time_charts_put_every_point_under_its_own_period() {
    let Some(en) = shared("corpus/kremlin-en") else {
        return;
    };
    let Some(ru) = shared("corpus/kremlin") else {
        return;
    };
    let year: LabelShape = |t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    let quarter: LabelShape = |t| t.len() == 7 && t.contains("-Q");
    let month: LabelShape = |t| t.len() == 7 && t.as_bytes()[4] == b'-' && !t.contains('Q');
    let date: LabelShape = |t| t.len() == 10 && t.as_bytes()[4] == b'-';
    let cases: [(&Path, &str, LabelShape); 5] = [
        (&en, "year", year),
        (&en, "quarter", quarter),
        (&ru, "month", month),
        (&ru, "meeting", date),
        (&en, "meeting", date),
    ];
    for (corpus, period, shape) in cases {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("r");
        let o = run(&[
            "report",
            corpus.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--charts",
            "svg",
            "--period",
            period,
            "--quiet",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        check_time_axis(&out, period, shape);
    }
}

/// The consensus chart draws the tree of `consensus.nwk`: its speakers top to bottom in the order of the Newick
/// text, and one percentage per clade, its support.
#[test]
fn the_consensus_chart_draws_the_tree_of_the_newick_file() {
    let Some(dir) = shared("corpus/kremlin") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let args = [
        "report",
        dir.to_str().unwrap(),
        "--quiet",
        "--min-words",
        "600",
        "--charts",
        "svg",
        "--out",
        out,
    ];
    assert!(run(&args).status.success());
    let tree = std::fs::read_to_string(tmp.path().join("consensus.nwk")).unwrap();
    // Leaves are the quoted names; a clade's support follows its `)`.
    let names: Vec<String> = tree
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let mut supports: Vec<String> = tree
        .split(')')
        .skip(1)
        .filter_map(|rest| {
            let number: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let share: f64 = number.parse().ok()?;
            Some(format!("{:.0}%", share * 100.0))
        })
        .collect();
    assert_eq!(names.len(), 22);
    assert_eq!(supports.len(), 10);
    let svg = std::fs::read_to_string(tmp.path().join("consensus.svg")).unwrap();
    let mut shown: Vec<(f64, String)> = texts(&svg)
        .into_iter()
        .filter(|(_, _, t)| names.contains(t))
        .map(|(_, y, t)| (y, t))
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<String> = shown.into_iter().map(|(_, t)| t).collect();
    assert_eq!(order, names);
    let mut drawn: Vec<String> = texts(&svg)
        .into_iter()
        .map(|(_, _, t)| t)
        .filter(|t| t.ends_with('%') && t.len() <= 4)
        .collect();
    drawn.sort();
    supports.sort();
    assert_eq!(drawn, supports);
}
