//! The one way a corpus is read: the files named by the paths, read in parallel and handed on in path order through
//! a bounded window, duplicate meeting ids made unique, and speakers resolved over the whole corpus.
//!
//! [`ingest`] is generic over what is kept of a meeting: [`super::read_corpus`] keeps every meeting whole, the
//! statistics tokenize each meeting as soon as it is read and keep only its tokens. Either way a worker reads a file
//! (into one meeting, or many for a table corpus) and `prepare`s each of its meetings, and one merger hands each
//! file's prepared meetings, with its audit, to `merge` in path order as they complete (a file's meetings in the
//! order of the file), so the result does not depend on the thread count. A worker waits before taking a file while
//! the files taken and not merged are too many ([`AHEAD_FILES`]) or too big ([`AHEAD_BYTES`]), so memory holds a
//! bounded window of files whatever the size of the corpus; the file next to be merged is always taken, so the
//! window never deadlocks. A file is read whole, so a table corpus of many meetings in one file is held whole (it
//! is then read alone, past the window's bytes, and its meetings are prepared one after another).
//!
//! One bad file is reported and the others are read (one bad row of a table too: the rest of the file is read); a
//! panic while reading or preparing one file becomes that file's [`ReadError::Internal`], and the window never
//! waits for a file that will not come. A table without a text or speaker column found by walking a folder is
//! noted and left out; named by the user, it is an error.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use super::audit::Audit;
use super::formats::read_file;
use super::model::Meeting;
use super::options::ReadOptions;
use super::page::PageError;
use super::parlamint::sitting_key;
use super::source::{ReadError, CORPUS_ROOT};
use super::speaker::{Aliases, SpeakerResolver};
use super::walk::{collect, Found};
use super::warning::{FileWarning, Warning, WarningKind};

/// Files read ahead of the merge hold at most this many bytes of input (a larger file is read alone)…
pub const AHEAD_BYTES: u64 = 16 << 20;
/// …and are at most this many files.
pub const AHEAD_FILES: usize = 256;

/// What reading a corpus said, beside what `merge` kept.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Paths and directory entries that could not be read: those met while walking first, then files (and the bad
    /// rows of tables) in path order.
    pub errors: Vec<ReadError>,
    /// Warnings: those of walking first (report folders left out), then in path order.
    pub warnings: Vec<FileWarning>,
    /// The id of each merged meeting, in merge order, made unique by [`unique_ids`].
    pub ids: Vec<String>,
    /// The canonical speaker of every label of the corpus.
    pub speakers: SpeakerResolver,
    /// Files read whose meetings are outside the dates asked for ([`ReadOptions::dates`]), so not handed on…
    pub left_out: usize,
    /// …of which without a date.
    pub left_out_undated: usize,
}

/// A file read and its meetings prepared by a worker, with what the merger needs to know of them.
struct Prepared<T> {
    path: String,
    audit: Audit,
    meetings: Vec<PreparedMeeting<T>>,
    warnings: Vec<FileWarning>,
    /// The bad rows of a table.
    errors: Vec<ReadError>,
}

/// One meeting of a file, prepared.
struct PreparedMeeting<T> {
    /// `Err`: a meeting outside the dates asked for (`Err(true)` if it has no date).
    item: Result<T, bool>,
    id: String,
    names: Vec<(String, String)>,
    /// The meeting's source, as [`source_key`] makes it comparable, and as written.
    source: Option<(String, String)>,
}

/// What the merger gathers of the files, in path order.
#[derive(Default)]
struct Merged {
    errors: Vec<ReadError>,
    warnings: Vec<FileWarning>,
    /// (meeting id, path) of each meeting merged.
    ids: Vec<(String, String)>,
    /// The (label, name) of every file's turns.
    names: Vec<(String, String)>,
    left_out: usize,
    left_out_undated: usize,
}

/// Takes the workers' results as they come and hands them to `merge` in path order, marking each file merged in
/// the window so that workers may take more.
fn merge_in_order<T>(
    receive: std::sync::mpsc::Receiver<(usize, Result<Prepared<T>, ReadError>)>,
    window: &Window,
    sizes: &[u64],
    merged: &mut Merged,
    mut merge: impl FnMut(Vec<T>, Audit),
) {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    // The first file of each source, by its key.
    let mut sources: HashMap<String, String> = HashMap::new();
    for (i, result) in receive {
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&next) {
            match result {
                Ok(prepared) => merge_file(prepared, &mut sources, merged, &mut merge),
                // A page of the site that is not an article is counted, not an error.
                Err(ReadError::Page {
                    path,
                    error: error @ PageError::NotArticle(_),
                }) => merged.warnings.push(FileWarning {
                    path,
                    warning: Warning {
                        line: None,
                        kind: WarningKind::Skipped,
                        message: error.to_string(),
                    },
                }),
                Err(e) => merged.errors.push(e),
            }
            window.merged(next, sizes[next]);
            next += 1;
        }
    }
}

/// Hands one file's meetings to `merge` (those of a source already read, and those outside the dates asked for,
/// left out), with its audit; a file left without meetings is not handed on.
fn merge_file<T>(
    prepared: Prepared<T>,
    sources: &mut HashMap<String, String>,
    merged: &mut Merged,
    merge: &mut impl FnMut(Vec<T>, Audit),
) {
    merged.warnings.extend(prepared.warnings);
    merged.errors.extend(prepared.errors);
    let mut kept = Vec::new();
    for meeting in prepared.meetings {
        if let Some((key, url)) = &meeting.source {
            if let Some(first) = sources.get(key) {
                merged.warnings.push(FileWarning {
                    path: prepared.path.clone(),
                    warning: Warning {
                        line: None,
                        kind: WarningKind::Duplicate,
                        message: format!(
                            "skipped: the same meeting as {first} (source {url}), which is read"
                        ),
                    },
                });
                continue;
            }
            if meeting.item.is_ok() {
                sources.insert(key.clone(), prepared.path.clone());
            }
        }
        match meeting.item {
            Ok(item) => {
                kept.push(item);
                merged.ids.push((meeting.id, prepared.path.clone()));
                merged.names.extend(meeting.names);
            }
            Err(undated) => {
                merged.left_out += 1;
                merged.left_out_undated += usize::from(undated);
            }
        }
    }
    if !kept.is_empty() {
        merge(kept, prepared.audit);
    }
}

/// Reads one file and prepares its meetings. A table without a text or speaker column that the user did not name
/// (met while walking a folder) is noted, not an error.
fn read_and_prepare<T>(
    file: &Found,
    options: &ReadOptions,
    prepare: &impl Fn(Meeting) -> T,
) -> Result<Prepared<T>, ReadError> {
    let shown = file.path.to_string_lossy().into_owned();
    let skipped = |kind: WarningKind, message: String| Prepared {
        warnings: vec![FileWarning {
            path: shown.clone(),
            warning: Warning {
                line: None,
                kind,
                message,
            },
        }],
        path: shown.clone(),
        audit: Audit::default(),
        meetings: Vec::new(),
        errors: Vec::new(),
    };
    let reading = match read_file(&file.path, options) {
        Ok(reading) => reading,
        Err(ReadError::Table { error, .. }) if !file.named && error.is_not_corpus() => {
            return Ok(skipped(WarningKind::NotCorpus, error.to_string()));
        }
        // A ParlaMint corpus root includes sittings and is not one: a note, not an error.
        Err(ReadError::CorpusRoot { .. }) => {
            return Ok(skipped(WarningKind::ParlaMint, CORPUS_ROOT.to_string()));
        }
        Err(e) => return Err(e),
    };
    let meetings = reading
        .file
        .meetings
        .into_iter()
        .map(|meeting| PreparedMeeting {
            source: sitting_key(&meeting).or_else(|| {
                let url = meeting.source.as_deref()?;
                Some((source_key(url)?, url.to_string()))
            }),
            id: meeting.id.clone(),
            names: label_names(&meeting),
            item: if options.dates.contains(meeting.date) {
                Ok(prepare(meeting))
            } else {
                Err(meeting.date.is_none())
            },
        })
        .collect();
    Ok(Prepared {
        warnings: reading
            .warnings
            .into_iter()
            .map(|warning| FileWarning {
                path: shown.clone(),
                warning,
            })
            .collect(),
        path: shown,
        audit: reading.file.audit,
        meetings,
        errors: reading.errors,
    })
}

/// Reads the files named by `paths` (files as given, folders walked; see [`collect`]): each file is read and its
/// meetings `prepare`d on a worker, and each file's prepared meetings are handed to `merge` with its audit, in path
/// order.
pub fn ingest<T: Send>(
    paths: &[PathBuf],
    options: &ReadOptions,
    aliases: Aliases,
    prepare: impl Fn(Meeting) -> T + Sync,
    merge: impl FnMut(Vec<T>, Audit) + Send,
) -> Ingested {
    let collected = collect(paths);
    let files = collected.files;
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect();
    let window = Window::default();
    let read_one = |i: usize| read_and_prepare(&files[i], options, &prepare);
    let mut merged = Merged {
        errors: collected.errors,
        warnings: collected.warnings,
        ..Merged::default()
    };
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::channel();
        let (window, sizes, merged) = (&window, &sizes, &mut merged);
        let merger = scope.spawn(move || merge_in_order(receive, window, sizes, merged, merge));
        rayon::scope(|workers| {
            for _ in 0..rayon::current_num_threads() {
                let send = send.clone();
                let (files, read_one) = (&files, &read_one);
                workers.spawn(move |_| {
                    while let Some(i) = window.take(sizes) {
                        // A bug met in one file is that file's error, not the end of every file's results.
                        let result =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_one(i)))
                                .unwrap_or_else(|panic| {
                                    Err(ReadError::Internal {
                                        path: files[i].path.to_string_lossy().into_owned(),
                                        message: panic_message(&*panic),
                                    })
                                });
                        // The merger lives until every sender is dropped, so the send succeeds.
                        let _ = send.send((i, result));
                    }
                });
            }
        });
        drop(send);
        // The merger only moves values and calls `merge`; a panic in `merge` is a bug and is raised here.
        if let Err(panic) = merger.join() {
            std::panic::resume_unwind(panic);
        }
    });
    let Merged {
        errors,
        warnings,
        ids,
        names,
        left_out,
        left_out_undated,
    } = merged;
    let speakers = SpeakerResolver::new(names.iter().map(|(_, name)| name.as_str()), aliases);
    let mut warnings = warnings;
    warnings.extend(speakers.unused_aliases(names.iter().map(|(l, n)| (l.as_str(), n.as_str()))));
    let ids = unique_ids(ids.iter().map(|(id, path)| (id.as_str(), path.as_str())));
    Ingested {
        errors,
        warnings,
        ids,
        speakers,
        left_out,
        left_out_undated,
    }
}

/// A source URL made comparable: scheme, `www.`, query, fragment and a trailing `/` dropped, the host in lowercase;
/// a kremlin.ru URL is its host and news id, so that `…/events/president/news/51389`, `…/news/copy/51389` (the
/// text version) and `…/d/51389` (the direct link) are one. `None` for what is not a URL.
fn source_key(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .or_else(|| url.strip_prefix("HTTP://"))
        .or_else(|| url.strip_prefix("HTTPS://"))?;
    let rest = rest.split(['#', '?']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let path = path.trim_end_matches('/');
    if host == "kremlin.ru" || host.ends_with(".kremlin.ru") {
        if let Some(id) = path
            .rsplit('/')
            .find(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(format!("{host} news {id}"));
        }
    }
    Some(format!("{host}/{path}"))
}

/// The distinct labels of a meeting's turns, as written and without the remark, in order of first use.
fn label_names(meeting: &Meeting) -> Vec<(String, String)> {
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    meeting
        .turns()
        .filter(|turn| seen.insert((&turn.label, &turn.name)))
        .map(|turn| (turn.label.clone(), turn.name.clone()))
        .collect()
}

/// Meeting ids made unique: an id that several meetings share (the same file name in different folders) becomes
/// the meeting's file path without its extension, followed by `/` and the id when the file holds several meetings
/// (a table corpus). Takes (id, path) per meeting; returns the ids in the same order.
pub fn unique_ids<'a>(meetings: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for (id, path) in meetings.clone() {
        *counts.entry(id).or_default() += 1;
        *per_file.entry(path).or_default() += 1;
    }
    meetings
        .map(|(id, path)| {
            if counts[id] == 1 {
                return id.to_string();
            }
            let stem = Path::new(path).with_extension("");
            let unique = if per_file[path] > 1 {
                stem.join(id)
            } else {
                stem
            };
            unique.to_string_lossy().into_owned()
        })
        .collect()
}

/// The text of a panic's payload.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Which files are taken and merged.
#[derive(Default)]
struct WindowState {
    /// The next file to take.
    next: usize,
    /// Files merged (all those before this index).
    merged: usize,
    /// Bytes of the files taken and not merged yet.
    bytes: u64,
}

/// Whether the next file (of `size` bytes) may be taken: always when it is the next to merge (so the window
/// cannot deadlock), else while the files taken and not merged stay within [`AHEAD_FILES`] and [`AHEAD_BYTES`].
fn has_room(state: &WindowState, size: u64) -> bool {
    state.next == state.merged
        || (state.next - state.merged < AHEAD_FILES && state.bytes + size <= AHEAD_BYTES)
}

/// The files taken by workers and not merged yet.
#[derive(Default)]
struct Window {
    state: Mutex<WindowState>,
    changed: Condvar,
}

impl Window {
    /// The index of the next file to read, once the window has room for it; `None` when all are taken.
    fn take(&self, sizes: &[u64]) -> Option<usize> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            let i = state.next;
            if i >= sizes.len() {
                return None;
            }
            if has_room(&state, sizes[i]) {
                state.next += 1;
                state.bytes += sizes[i];
                return Some(i);
            }
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Marks file `i` (of `size` bytes) merged.
    fn merged(&self, i: usize, size: u64) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.merged = i + 1;
        state.bytes -= size;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_window_is_bounded_but_always_takes_the_next_file_to_merge() {
        let state = |next, merged, bytes| WindowState {
            next,
            merged,
            bytes,
        };
        // The next file to merge is taken whatever its size.
        assert!(has_room(&state(3, 3, 0), 10 * AHEAD_BYTES));
        // Others wait while the bytes ahead would pass the bound…
        assert!(has_room(&state(4, 3, AHEAD_BYTES - 10), 10));
        assert!(!has_room(&state(4, 3, AHEAD_BYTES - 10), 11));
        // …or the files ahead would.
        assert!(!has_room(&state(3 + AHEAD_FILES, 3, 0), 0));
        assert!(has_room(&state(2 + AHEAD_FILES, 3, 0), 0));
    }

    #[test]
    fn one_news_item_is_one_source_whatever_its_url() {
        let key = |u| source_key(u).unwrap();
        let page = key("http://en.kremlin.ru/events/president/news/51389");
        for same in [
            "https://en.kremlin.ru/events/president/news/51389/",
            "http://EN.kremlin.ru/events/president/news/copy/51389",
            "http://en.kremlin.ru/d/51389",
            "http://en.kremlin.ru/events/president/news/51389#sel=1",
        ] {
            assert_eq!(key(same), page, "{same}");
        }
        // The Russian page of the same news item is another meeting (another language), and so is another item.
        assert_ne!(key("http://kremlin.ru/events/president/news/51389"), page);
        assert_ne!(
            key("http://en.kremlin.ru/events/president/news/51390"),
            page
        );
        assert_eq!(
            key("https://www.example.org/a/b/?x=1"),
            key("http://example.org/a/b")
        );
        assert_eq!(source_key("see the site"), None);
        assert_eq!(source_key("http:///x"), None);
    }

    #[test]
    fn shared_ids_become_paths_and_unique_ones_stay() {
        let files = [
            ("talks", "a/talks.txt"),
            ("visit", "a/visit.txt"),
            ("talks", "b/talks.txt"),
        ];
        assert_eq!(
            unique_ids(files.iter().copied()),
            ["a/talks", "visit", "b/talks"]
        );
        // Meetings of one table take the table's path and their id.
        let meetings = [
            ("talks", "a/t.csv"),
            ("visit", "a/t.csv"),
            ("talks", "b/talks.txt"),
        ];
        assert_eq!(
            unique_ids(meetings.iter().copied()),
            ["a/t/talks", "visit", "b/talks"]
        );
    }
}
