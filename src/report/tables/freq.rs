//! `freq.csv` and `speakers/NAME.csv`: term frequencies per speaker and over all speakers (`*`), in the key view
//! (word forms) and the view of `--view` (lemmas by default). The largest table (a million rows on a large corpus),
//! so it is never held: group by group in parallel (each group's views in one task), each speaker's rows are
//! formatted straight into its file, the rows of `*` into a scratch file, and `freq.csv` (every group's key rows,
//! then every group's rows of the other view) is put together from those files. Of each group and view only the
//! head (the first rows, and the first content words) is kept, for the charts and the page
//! ([`Context::freq_heads`], which the pass fills; the counts of the view it makes are kept too,
//! [`Context::tallies`]).

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::{Corpus, TokenError, View};
use crate::report::spool::{assemble_table, by_group, RowSpool, Spooled};
use crate::report::TableFormat;
use crate::report::WriteError;
use crate::stats::freq::{counted_groups, group_frequencies, FreqRow, Scratch, TurnGroup, ALL};
use crate::stats::tallies::Tallies;

use super::{Context, Made, Preview, Row, Table};

const FILE: &str = "freq.csv";
const ABOUT: &str = "Term frequencies per speaker and over all speakers (*), as word forms (key view) and in the chosen view, with rank, meetings, Gries' DP, part of speech and content-word mark.";
const METHOD: &str = "Each term's occurrences per speaker and over all speakers (`*`), in the key view and in the chosen view; the \
     same rows, one file per speaker, in `speakers/NAME.csv`. `form` is the term's most frequent written form; \
     `per_10k` its count per 10,000 of the speaker's words; `rank` by count, descending, ties sharing the smallest \
     rank (1, 2, 2, 4); `meetings` where the speaker uses it. `dp` is Gries' deviation of proportions (Gries 2008): \
     DP = ½ Σ |vᵢ − sᵢ| over the meetings where the speaker has a turn (all meetings for `*`), sᵢ being the meeting's \
     share of the speaker's words and vᵢ its share of the term's occurrences: 0 when the term is spread like the \
     speaker's words, near 1 when it is concentrated in a few meetings. `stopword`, `pos` (UD part of speech, `_` \
     without one) and `content` are the term's marks.";

impl Row for FreqRow<'_> {
    const HEADER: &'static str =
        "speaker,view,term,form,count,per_10k,rank,meetings,dp,stopword,pos,content";
    const TYPES: &'static str = "str,str,str,str,int,f64,int,int,f64,bool,str,bool";

    fn append(&self, out: &mut Vec<u8>) -> Result<(), csv::Error> {
        write_freq_row(self, out)
    }
}

/// `freq.csv` and the speakers' files.
pub struct Freq;

/// What every group's task reads.
struct Pass<'s> {
    /// Head rows kept per group and view.
    keep: usize,
    /// The views, the key view first.
    views: &'s [View],
    /// [`View::text_order`] of each view.
    orders: &'s [Vec<u32>],
    /// The counts of each view.
    tallies: &'s [&'s Tallies],
}

/// One group's rows in every view, each handed to `row` with its view's index as it comes, view after view; returns
/// the group's head of each view: the first `keep` rows, then the first `keep` content words after them.
fn group_rows<'a>(
    corpus: &'a Corpus,
    group: &TurnGroup<'a>,
    pass: &Pass,
    scratch: &mut Scratch,
    row: &mut dyn FnMut(usize, &FreqRow<'a>),
) -> Result<Vec<Vec<FreqRow<'a>>>, TokenError> {
    let mut heads: Vec<Vec<FreqRow<'a>>> = vec![Vec::new(); pass.views.len()];
    let mut taken = vec![(0, 0); pass.views.len()];
    let keep = pass.keep;
    group_frequencies(
        corpus,
        group,
        1,
        pass.tallies,
        pass.orders,
        scratch,
        &mut |v, r| {
            let (all, content) = &mut taken[v];
            if *all < keep {
                heads[v].push(r.clone());
                *all += 1;
            } else if r.content && *content < keep {
                heads[v].push(r.clone());
                *content += 1;
            }
            row(v, &r);
        },
    )?;
    Ok(heads)
}

/// One group's rows in every view, into its file (a speaker's, or a scratch file for `*`), with their heads; with
/// `all_too` ([`counted_groups`]) also the same rows under the name `*`, into a scratch file of their own.
fn write_group<'a>(
    corpus: &'a Corpus,
    group: &TurnGroup<'a>,
    (dir, path_of, format): (&Path, &BTreeMap<&str, &str>, TableFormat),
    pass: &Pass,
    scratch: &mut Scratch,
    all_too: bool,
) -> Result<Vec<GroupFile<'a>>, WriteError> {
    let speaker = group.name;
    let path = path_of.get(speaker).map(|p| p.to_string());
    let shown = dir.join(path.as_deref().unwrap_or(FILE));
    let file_dir = shown.parent().unwrap_or(dir);
    // Straight to a file: a speaker's file is published as it is.
    let mut out = RowSpool::<FreqRow>::new(file_dir, 0, format);
    let mut all = all_too.then(|| RowSpool::<FreqRow>::new(dir, 0, format));
    out.header();
    all.iter_mut().for_each(RowSpool::header);
    // A name CSV writes as it is (the fields of `*` rows then start where the speaker's rows' do after the name).
    let plain = !speaker.is_empty()
        && !speaker
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    let mut section = 0;
    let heads = group_rows(corpus, group, pass, scratch, &mut |v, r| {
        // The views' rows come view after view: a new view ends the section of the one before.
        while section < v {
            out.end_section();
            all.iter_mut().for_each(RowSpool::end_section);
            section += 1;
        }
        match &mut all {
            // The rows of `*` are the speaker's with another first field: formatted once.
            Some(all) if plain => out.push_twice(r, all, &as_all(r), speaker.len() + 1, ALL_LEAD),
            Some(all) => {
                out.push(r);
                all.push(&as_all(r));
            }
            None => out.push(r),
        }
    })?;
    while section < pass.views.len() {
        out.end_section();
        all.iter_mut().for_each(RowSpool::end_section);
        section += 1;
    }
    let all = match all {
        Some(all) => Some(GroupFile {
            speaker: ALL,
            spooled: all.finish(&dir.join(FILE))?,
            path: None,
            heads: heads_as_all(&heads),
        }),
        None => None,
    };
    let spooled = out.finish(&shown)?;
    let mut files = vec![GroupFile {
        speaker,
        spooled,
        path,
        heads,
    }];
    files.extend(all);
    Ok(files)
}

/// How a row of `*` starts: its first field and comma.
const ALL_LEAD: &[u8] = b"*,";

/// A speaker's row as the row of `*` when the speaker has every turn ([`counted_groups`]).
fn as_all<'a>(row: &FreqRow<'a>) -> FreqRow<'a> {
    FreqRow {
        speaker: ALL,
        ..row.clone()
    }
}

/// A speaker's heads as those of `*` ([`as_all`]).
fn heads_as_all<'a>(heads: &[Vec<FreqRow<'a>>]) -> Vec<Vec<FreqRow<'a>>> {
    heads
        .iter()
        .map(|v| v.iter().map(as_all).collect())
        .collect()
}

/// One group's rows, written: its file (a speaker's file in `speakers/`, or a scratch file for `*`) holds the
/// header, then the key view's rows (section 0), then the other view's (section 1).
struct GroupFile<'a> {
    speaker: &'a str,
    spooled: Spooled,
    path: Option<String>,
    heads: Vec<Vec<FreqRow<'a>>>,
}

/// Head rows kept per group and view: as many as the charts and the previews use.
fn keep(cx: &Context) -> usize {
    cx.config.top.max(50)
}

/// The order of each view's terms ([`View::text_order`]), and the counts of the views the context does not keep
/// ([`Context::tallies`] keeps the view asked for): the key view's counted, any other summed from them.
fn prepare(cx: &Context, views: &[View]) -> Result<(Vec<Vec<u32>>, Vec<Tallies>), TokenError> {
    let corpus = cx.corpus;
    let kept = cx.shared.tallies.get().map(Tallies::view);
    let missing: Vec<View> = views.iter().copied().filter(|&v| Some(v) != kept).collect();
    let (orders, owned) = rayon::join(
        || {
            use rayon::prelude::*;
            views
                .par_iter()
                .map(|&v| v.text_order(corpus))
                .collect::<Vec<_>>()
        },
        || -> Result<Vec<Tallies>, TokenError> {
            if missing.is_empty() {
                return Ok(Vec::new());
            }
            let keys = Tallies::new(corpus, View::Key)?;
            let mut owned: Vec<Tallies> = missing
                .iter()
                .filter(|&&v| v != View::Key)
                .map(|&v| keys.to_view(corpus, v))
                .collect();
            owned.insert(0, keys);
            Ok(owned)
        },
    );
    Ok((orders, owned?))
}

/// The counts of each of `views`: counted in `owned`, or kept by the context.
fn tallied<'t>(
    views: &[View],
    owned: &'t [Tallies],
    kept: Option<&'t Tallies>,
) -> Vec<&'t Tallies> {
    let found: Vec<&Tallies> = views
        .iter()
        .filter_map(|&v| owned.iter().chain(kept).find(|t| t.view() == v))
        .collect();
    debug_assert_eq!(found.len(), views.len());
    found
}

/// The heads of every group, in `freq.csv`'s order: every group's key rows, then every group's other view's.
fn in_table_order<'a>(per_group: Vec<Vec<Vec<FreqRow<'a>>>>) -> Vec<FreqRow<'a>> {
    let (mut heads, mut view_heads) = (Vec::new(), Vec::new());
    for group in per_group {
        let mut views = group.into_iter();
        heads.extend(views.next().unwrap_or_default());
        view_heads.extend(views.flatten());
    }
    heads.extend(view_heads);
    heads
}

impl<'a> Context<'a> {
    /// Each speaker's word-list file (`speakers/NAME.csv`, written with `freq.csv`): (speaker, path relative to the
    /// output directory), speakers as the profiles list them. File names are sanitized and unique (see
    /// [`crate::report::write::unique_stems`]).
    pub fn speaker_files(&self) -> Result<&[(String, String)], WriteError> {
        let files = self.shared.speaker_files.get_or_try(|| {
            let names: Vec<String> = (self.profiles()?.speakers.keys())
                .map(|&s| self.corpus.speakers[s as usize].clone())
                .collect();
            let stems = crate::report::write::unique_stems(&names);
            Ok(names
                .into_iter()
                .zip(stems)
                .map(|(n, s)| (n, format!("speakers/{s}.csv")))
                .collect())
        })?;
        Ok(files)
    }

    /// The head of `freq.csv`: of each group (each speaker, then `*`) and view (the key view's, then the view asked
    /// for), the first rows and the first content words after them, as many as the charts and the previews use
    /// (`--top`, at least 50). The frequencies table keeps the heads of the pass that writes it; otherwise they are
    /// computed here by the same pass, writing nothing: the same rows either way.
    pub fn freq_heads(&self) -> Result<&[FreqRow<'a>], WriteError> {
        let heads = self.shared.freq_heads.get_or_try(|| {
            let corpus = self.corpus;
            let (groups, all_too) = counted_groups(corpus);
            let sizes: Vec<usize> = groups.iter().map(|group| group.words(corpus)).collect();
            let views = views(self.config.view);
            let (orders, owned) = prepare(self, &views)?;
            let tallies = tallied(&views, &owned, self.shared.tallies.get());
            let pass = Pass {
                keep: keep(self),
                views: &views,
                orders: &orders,
                tallies: &tallies,
            };
            let per_group = by_group(
                &sizes,
                || Scratch::new(corpus, &views),
                |g, scratch| {
                    let heads = group_rows(corpus, &groups[g], &pass, scratch, &mut |_, _| {})?;
                    let all = (all_too && g + 1 == groups.len()).then(|| heads_as_all(&heads));
                    Ok(std::iter::once(heads).chain(all).collect::<Vec<_>>())
                },
            )?;
            let per_group = per_group.into_iter().flatten().collect();
            drop(tallies);
            if let Some(counted) = owned.into_iter().find(|t| t.view() == self.config.view) {
                self.shared.tallies.fill(counted);
            }
            Ok(in_table_order(per_group))
        })?;
        Ok(heads)
    }
}

impl Table for Freq {
    fn files(&self) -> Vec<(&'static str, &'static str)> {
        vec![(FILE, FreqRow::HEADER)]
    }

    fn method(&self) -> &'static str {
        METHOD
    }

    fn phase(&self) -> &'static str {
        "frequencies"
    }

    fn make(&self, cx: &Context) -> Result<Made, WriteError> {
        let corpus = cx.corpus;
        let dir = cx.config.out.as_path();
        let path_of: BTreeMap<&str, &str> = cx
            .speaker_files()?
            .iter()
            .map(|(s, f)| (s.as_str(), f.as_str()))
            .collect();
        let (groups, all_too) = counted_groups(corpus);
        let sizes: Vec<usize> = groups.iter().map(|group| group.words(corpus)).collect();
        let views = views(cx.config.view);
        // Each view's order and counts (the counts of the view asked for are kept for keyness and after).
        let (orders, owned) = prepare(cx, &views)?;
        let tallies = tallied(&views, &owned, cx.shared.tallies.get());
        let pass = Pass {
            keep: keep(cx),
            views: &views,
            orders: &orders,
            tallies: &tallies,
        };
        let done: Vec<Vec<GroupFile>> = by_group(
            &sizes,
            || Scratch::new(corpus, &views),
            |g, scratch| {
                write_group(
                    corpus,
                    &groups[g],
                    (dir, &path_of, cx.config.format),
                    &pass,
                    scratch,
                    all_too && g + 1 == groups.len(),
                )
            },
        )?;
        let done: Vec<GroupFile> = done.into_iter().flatten().collect();
        // freq.csv: the key rows of every group, then the other view's rows, copied from the groups' files.
        let format = cx.config.format;
        let parts: Vec<(&Spooled, usize)> = (0..views.len())
            .flat_map(|v| done.iter().map(move |g| (&g.spooled, v)))
            .collect();
        assemble_table::<FreqRow>(&dir.join(FILE), format, &parts)?;
        let (mut made, mut rows, mut per_group) = (Made::default(), 0, Vec::new());
        let mut files = Vec::new();
        for g in done {
            rows += g.spooled.rows;
            per_group.push(g.heads);
            debug_assert!(g.path.is_some() || g.speaker == ALL);
            files.extend(g.path.map(|path| (g.spooled, path)));
        }
        made.files = publish(dir, format, views.len(), files)?;
        drop(tallies);
        if let Some(counted) = owned.into_iter().find(|t| t.view() == cx.config.view) {
            cx.shared.tallies.fill(counted);
        }
        let heads = cx.shared.freq_heads.fill(in_table_order(per_group));
        // The charted speakers' words first.
        let mut preview = Preview::ranked(
            FILE,
            ABOUT,
            FreqRow::HEADER,
            heads,
            cx.config.top,
            |a, b| cx.chart_rank(a.speaker).cmp(&cx.chart_rank(b.speaker)),
        );
        preview.total = rows;
        made.append(Made::table(preview));
        Ok(made)
    }
}

/// Publishes each speaker's word list (its CSV as it was spooled, and its Parquet twin if asked for), the speakers
/// side by side: a rename over a file of a previous report may wait for the disk. Returns the files in the given
/// order, or the first error in that order.
fn publish(
    dir: &Path,
    format: TableFormat,
    views: usize,
    files: Vec<(Spooled, String)>,
) -> Result<Vec<String>, WriteError> {
    use rayon::prelude::*;
    let published: Vec<Result<String, WriteError>> = files
        .into_par_iter()
        .map(|(spooled, path)| {
            if format.parquet() {
                let sections: Vec<(&Spooled, usize)> = (0..views).map(|v| (&spooled, v)).collect();
                assemble_table::<FreqRow>(&dir.join(&path), TableFormat::Parquet, &sections)?;
            }
            if format.csv() {
                spooled.segment.publish(&dir.join(&path))?;
            }
            Ok(path)
        })
        .collect();
    published.into_iter().collect()
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
    use crate::report::ReportConfig;
    use proptest::prelude::*;

    #[test]
    fn the_heads_the_table_keeps_are_those_computed_without_it() {
        let corpus = super::super::testing::seed();
        for view in [View::Key, View::Lemma] {
            let dir = tempfile::tempdir().unwrap();
            let config = ReportConfig {
                out: dir.path().to_path_buf(),
                view,
                ..ReportConfig::default()
            };
            let made = Context::new(&corpus, &[], &config);
            Freq.make(&made).unwrap();
            // The table's pass kept its heads and the counts of the view, so nothing asks for them again.
            assert!(made.shared.freq_heads.get().is_some());
            assert_eq!(made.shared.tallies.get().map(Tallies::view), Some(view));
            let alone = Context::new(&corpus, &[], &config);
            let heads = alone.freq_heads().unwrap();
            assert!(heads.iter().any(|r| r.view == view.as_str() && r.content));
            assert_eq!(made.freq_heads().unwrap(), heads);
        }
    }

    #[test]
    fn rows_of_all_formatted_once_are_those_formatted_alone() {
        use crate::report::spool::{assemble_table, RowSpool};
        let dir = tempfile::tempdir().unwrap();
        let row = |term: &'static str, count: u64| FreqRow {
            speaker: "(narration)",
            view: "key",
            term,
            form: term,
            count,
            per_10k: count as f64 / 7.0,
            rank: 1,
            meetings: 2,
            dp: 0.25,
            stopword: false,
            pos: "NOUN",
            content: true,
        };
        // A plain row, and rows that go through the `csv` crate (a term to quote).
        let rows = [row("мир", 3), row("a,b", 2), row("\"цитата\"", 1)];
        for format in [TableFormat::Csv, TableFormat::Both] {
            let (mut one, mut all_once) = (
                RowSpool::new(dir.path(), 0, format),
                RowSpool::new(dir.path(), 0, format),
            );
            let mut alone = RowSpool::new(dir.path(), 0, format);
            for spool in [&mut one, &mut all_once, &mut alone] {
                spool.header();
            }
            for r in &rows {
                one.push_twice(
                    r,
                    &mut all_once,
                    &as_all(r),
                    "(narration)".len() + 1,
                    ALL_LEAD,
                );
                alone.push(&as_all(r));
            }
            let written = |spool: RowSpool<FreqRow>, name: &str| {
                let path = dir.path().join(name);
                let spooled = spool.finish(&path).unwrap();
                assemble_table::<FreqRow>(&path, format, &[(&spooled, 0)]).unwrap();
                let parquet = format
                    .parquet()
                    .then(|| std::fs::read(path.with_extension("parquet")).unwrap());
                (std::fs::read_to_string(&path).unwrap(), parquet)
            };
            let (once, alone) = (written(all_once, "once.csv"), written(alone, "alone.csv"));
            assert_eq!(once, alone);
            assert_eq!(
                once.0.lines().nth(2),
                Some("*,key,\"a,b\",\"a,b\",2,0.2857142857142857,1,2,0.25,false,NOUN,true")
            );
            let (speaker, _) = written(one, "one.csv");
            assert!(speaker
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("(narration),key,мир,"));
        }
        assert_eq!(ALL_LEAD, format!("{ALL},").as_bytes());
    }

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
