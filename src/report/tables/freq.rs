//! `freq.csv` and `speakers/NAME.csv`: term frequencies per speaker and over all speakers (`*`), in the key view
//! (word forms) and the view of `--view` (lemmas by default). The largest table (a million rows on a large corpus),
//! so it is never held: group by group in parallel (each group's views in one task), each speaker's rows are
//! formatted straight into its file, the rows of `*` into a scratch file, and `freq.csv` (every group's key rows,
//! then every group's rows of the other view) is put together from those files. Of each group and view only the
//! head (the first rows, and the first content words) is kept, for the charts and the page.

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::{Corpus, TokenError, View};
use crate::report::spool::{assemble, by_group, RowSpool, Segment, Spooled};
use crate::report::WriteError;
use crate::stats::freq::{group_frequencies, groups, FreqRow, Scratch, TurnGroup, ALL};
use crate::stats::tallies::Tallies;

use super::{Context, Preview, Row, Table};

const FILE: &str = "freq.csv";
const ABOUT: &str = "Term frequencies per speaker and over all speakers (*), as word forms (key view) and in the chosen view, with rank, meetings, Gries' DP, part of speech and content-word mark.";

impl Row for FreqRow<'_> {
    const HEADER: &'static str =
        "speaker,view,term,form,count,per_10k,rank,meetings,dp,stopword,pos,content";

    fn append(&self, out: &mut Vec<u8>) -> Result<(), csv::Error> {
        write_freq_row(self, out)
    }
}

/// `freq.csv` and the speakers' files.
pub struct Freq;

/// What every group's task reads.
struct Shared<'s> {
    dir: &'s Path,
    /// Head rows kept per group and view.
    keep: usize,
    /// Each speaker's file.
    path_of: &'s BTreeMap<&'s str, &'s str>,
    /// The views, the key view first.
    views: &'s [View],
    /// [`View::text_order`] of each view.
    orders: &'s [Vec<u32>],
    /// The counts of each view.
    tallies: &'s [&'s Tallies],
}

/// One group's rows in both views, into its file (a speaker's, or a scratch file for `*`), with their heads.
fn write_group<'a>(
    corpus: &'a Corpus,
    group: &TurnGroup<'a>,
    shared: &Shared,
    scratch: &mut Scratch,
) -> Result<GroupFile<'a>, WriteError> {
    let speaker = group.name;
    let path = shared.path_of.get(speaker).map(|p| p.to_string());
    let shown = shared.dir.join(path.as_deref().unwrap_or(FILE));
    let file_dir = shown.parent().unwrap_or(shared.dir);
    // Straight to a file: a speaker's file is published as it is.
    let mut out = RowSpool::<FreqRow>::new(file_dir, 0);
    out.header();
    let mut heads: Vec<Vec<FreqRow<'a>>> = vec![Vec::new(); shared.views.len()];
    let mut taken = vec![(0, 0); shared.views.len()];
    let mut section = 0;
    let keep = shared.keep;
    group_frequencies(
        corpus,
        group,
        1,
        shared.tallies,
        shared.orders,
        scratch,
        &mut |v, r| {
            // The views' rows come view after view: a new view ends the section of the one before.
            while section < v {
                out.end_section();
                section += 1;
            }
            let (all, content) = &mut taken[v];
            if *all < keep {
                heads[v].push(r.clone());
                *all += 1;
            } else if r.content && *content < keep {
                heads[v].push(r.clone());
                *content += 1;
            }
            out.push(&r);
        },
    )?;
    while section < shared.views.len() {
        out.end_section();
        section += 1;
    }
    let spooled = out.finish().map_err(|source| WriteError::Csv {
        path: shown.display().to_string(),
        cause: source,
    })?;
    Ok(GroupFile {
        speaker,
        spooled,
        path,
        heads,
    })
}

/// One group's rows, written: its file (a speaker's file in `speakers/`, or a scratch file for `*`) holds the
/// header, then the key view's rows (section 0), then the other view's (section 1).
struct GroupFile<'a> {
    speaker: &'a str,
    spooled: Spooled,
    path: Option<String>,
    heads: Vec<Vec<FreqRow<'a>>>,
}

impl Table for Freq {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, FreqRow::HEADER)]
    }

    fn phase(&self) -> &'static str {
        "frequencies"
    }

    fn make(&self, cx: &mut Context) -> Result<Vec<Preview>, WriteError> {
        let corpus = cx.corpus;
        let keep = cx.config.top.max(50);
        let dir = cx.config.out.as_path();
        let path_of: BTreeMap<&str, &str> = cx
            .made
            .speaker_files
            .iter()
            .map(|(s, f)| (s.as_str(), f.as_str()))
            .collect();
        let groups = groups(corpus);
        let sizes: Vec<usize> = groups.iter().map(|group| group.words(corpus)).collect();
        let views = views(cx.config.view);
        // Each view's order and counts (the counts of the view asked for are kept for keyness and after).
        let (orders, tallies) = rayon::join(
            || {
                use rayon::prelude::*;
                views
                    .par_iter()
                    .map(|&v| v.text_order(corpus))
                    .collect::<Vec<_>>()
            },
            || -> Result<Vec<Tallies>, TokenError> {
                let keys = Tallies::new(corpus, View::Key)?;
                let mut tallies: Vec<Tallies> = views[1..]
                    .iter()
                    .map(|&v| keys.to_view(corpus, v))
                    .collect();
                tallies.insert(0, keys);
                Ok(tallies)
            },
        );
        let tallies = tallies?;
        let tallied: Vec<&Tallies> = tallies.iter().collect();
        let shared = Shared {
            dir,
            keep,
            path_of: &path_of,
            views: &views,
            orders: &orders,
            tallies: &tallied,
        };
        let done: Vec<GroupFile> = by_group(
            &sizes,
            || Scratch::new(corpus, &views),
            |g, scratches| write_group(corpus, &groups[g], &shared, scratches),
        )?;
        // freq.csv: the key rows of every group, then the other view's rows, copied from the groups' files.
        let mut parts: Vec<(&Segment, u64, u64)> = Vec::new();
        for v in 0..views.len() {
            for g in &done {
                let (from, len) = g.spooled.section(v);
                parts.push((&g.spooled.segment, from, len));
            }
        }
        assemble(&dir.join(FILE), FreqRow::HEADER, &parts)?;
        let (mut heads, mut view_heads, mut rows) = (Vec::new(), Vec::new(), 0);
        for g in done {
            rows += g.spooled.rows;
            let mut group_heads = g.heads.into_iter();
            heads.extend(group_heads.next().unwrap_or_default());
            view_heads.extend(group_heads.flatten());
            if let Some(path) = g.path {
                g.spooled.segment.publish(&dir.join(&path))?;
                cx.made.files.push(path);
            } else {
                debug_assert_eq!(g.speaker, ALL);
            }
        }
        drop(tallied);
        cx.made.tallies = tallies.into_iter().find(|t| t.view() == cx.config.view);
        heads.extend(view_heads);
        // The charted speakers' words first.
        let mut preview = Preview::ranked(
            FILE,
            ABOUT,
            FreqRow::HEADER,
            &heads,
            cx.config.top,
            |a, b| cx.chart_rank(a.speaker).cmp(&cx.chart_rank(b.speaker)),
        );
        preview.total = rows;
        cx.made.freq = heads;
        Ok(vec![preview])
    }
}

/// The views of `freq.csv`: the key view, and the view asked for if it is another.
pub fn views(view: View) -> Vec<View> {
    if view == View::Key {
        vec![View::Key]
    } else {
        vec![View::Key, view]
    }
}

/// Appends one `freq.csv` row, byte for byte what the `csv` crate writes for it (integers by `itoa`, floats by
/// `ryu`), without its per-field machinery: the table has a million rows on a large corpus. A row whose text needs
/// quoting goes through the `csv` crate.
pub fn write_freq_row(r: &FreqRow, out: &mut Vec<u8>) -> Result<(), csv::Error> {
    let plain =
        |s: &str| !s.is_empty() && !s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if !(plain(r.speaker) && plain(r.term) && plain(r.form)) {
        return super::append_csv(r, out);
    }
    let mut int = itoa::Buffer::new();
    let mut float = ryu::Buffer::new();
    for (i, field) in [r.speaker, r.view, r.term, r.form].into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(field.as_bytes());
    }
    out.push(b',');
    out.extend_from_slice(int.format(r.count).as_bytes());
    out.push(b',');
    out.extend_from_slice(float.format(r.per_10k).as_bytes());
    out.push(b',');
    out.extend_from_slice(int.format(r.rank).as_bytes());
    out.push(b',');
    out.extend_from_slice(int.format(r.meetings).as_bytes());
    out.push(b',');
    out.extend_from_slice(float.format(r.dp).as_bytes());
    out.extend_from_slice(if r.stopword { b",true," } else { b",false," });
    out.extend_from_slice(r.pos.as_bytes());
    out.extend_from_slice(if r.content { b",true\n" } else { b",false\n" });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_freq_row_writer_writes_what_the_csv_crate_writes(
            speaker in "[А-Яа-яA-Za-z .,\"\n-]{0,12}",
            term in "[а-яa-z'-]{1,10}",
            count in 0u64..1_000_000,
            per_10k in prop_oneof![any::<f64>(), 0.0f64..10_000.0],
            rank in 0usize..100_000,
            dp in 0.0f64..1.0,
            stopword in any::<bool>(),
            content in any::<bool>(),
            pos in prop::sample::select(vec!["NOUN", "PROPN", "_"]),
        ) {
            let row = FreqRow { speaker: &speaker, view: "key", term: &term, form: &term, count, per_10k, rank, meetings: 3, dp, stopword, pos, content };
            let mut fast = Vec::new();
            write_freq_row(&row, &mut fast).unwrap();
            let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
            w.serialize(&row).unwrap();
            prop_assert_eq!(String::from_utf8(fast).unwrap(), String::from_utf8(w.into_inner().unwrap()).unwrap());
        }
    }
}
