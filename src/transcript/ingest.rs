//! The one way a corpus is read: the files named by the paths, read in parallel and handed on in path order through
//! a bounded window, duplicate meeting ids made unique, and speakers resolved over the whole corpus.
//!
//! [`ingest`] is generic over what is kept of a file: [`super::read_corpus`] keeps every meeting whole, the
//! statistics tokenize each file as soon as it is read and keep only its tokens. Either way a worker reads a file
//! and `prepare`s it, and one merger hands the prepared files to `merge` in path order as they complete, so the
//! result does not depend on the thread count. A worker waits before taking a file while the files taken and not
//! merged are too many ([`AHEAD_FILES`]) or too big ([`AHEAD_BYTES`]), so memory holds a bounded window of files
//! whatever the size of the corpus; the file next to be merged is always taken, so the window never deadlocks.
//!
//! One bad file is reported and the others are read; a panic while reading or preparing one file becomes that
//! file's [`ReadError::Internal`], and the window never waits for a file that will not come.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use super::model::Meeting;
use super::options::ReadOptions;
use super::page::PageError;
use super::parlamint::{read_parlamint_file, sitting_key};
use super::source::{collect_files, read_file, ReadError, ReadFile, CORPUS_ROOT};
use super::speaker::{Aliases, SpeakerResolver};
use super::warning::{FileWarning, Warning, WarningKind};

/// Files read ahead of the merge hold at most this many bytes of input (a larger file is read alone)…
pub const AHEAD_BYTES: u64 = 16 << 20;
/// …and are at most this many files.
pub const AHEAD_FILES: usize = 256;

/// What reading a corpus said, beside what `merge` kept.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Paths and directory entries that could not be read: those met while walking first, then files in path order.
    pub errors: Vec<ReadError>,
    /// Warnings, in path order.
    pub warnings: Vec<FileWarning>,
    /// The meeting id of each merged file, in merge order, made unique by [`unique_ids`].
    pub ids: Vec<String>,
    /// The canonical speaker of every label of the corpus.
    pub speakers: SpeakerResolver,
    /// Files read whose meetings are outside the dates asked for ([`ReadOptions::dates`]), so not handed on…
    pub left_out: usize,
    /// …of which without a date.
    pub left_out_undated: usize,
}

/// A file read and prepared by a worker, with what the merger needs to know of it.
struct Prepared<T> {
    /// `Err`: a meeting outside the dates asked for (`Err(true)` if it has no date).
    item: Result<T, bool>,
    id: String,
    path: String,
    names: Vec<(String, String)>,
    warnings: Vec<FileWarning>,
    /// The meeting's source, as [`source_key`] makes it comparable, and as written.
    source: Option<(String, String)>,
}

/// What the merger gathers of the files, in path order.
#[derive(Default)]
struct Merged {
    errors: Vec<ReadError>,
    warnings: Vec<FileWarning>,
    /// (meeting id, path) of each file merged.
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
    mut merge: impl FnMut(T),
) {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    // The first file of each source, by its key.
    let mut sources: HashMap<String, String> = HashMap::new();
    for (i, result) in receive {
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&next) {
            match result {
                Ok(prepared) => {
                    merged.warnings.extend(prepared.warnings);
                    if let Some((key, url)) = &prepared.source {
                        if let Some(first) = sources.get(key) {
                            merged.warnings.push(FileWarning {
                                path: prepared.path,
                                warning: Warning {
                                    line: None,
                                    kind: WarningKind::Duplicate,
                                    message: format!(
                                        "skipped: the same meeting as {first} (source {url}), which is read"
                                    ),
                                },
                            });
                            window.merged(next, sizes[next]);
                            next += 1;
                            continue;
                        }
                        if prepared.item.is_ok() {
                            sources.insert(key.clone(), prepared.path.clone());
                        }
                    }
                    match prepared.item {
                        Ok(item) => {
                            merge(item);
                            merged.ids.push((prepared.id, prepared.path));
                            merged.names.extend(prepared.names);
                        }
                        Err(undated) => {
                            merged.left_out += 1;
                            merged.left_out_undated += usize::from(undated);
                        }
                    }
                }
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
                // A ParlaMint corpus root includes sittings and is not one: a note, not an error.
                Err(ReadError::CorpusRoot { path }) => merged.warnings.push(FileWarning {
                    path,
                    warning: Warning {
                        line: None,
                        kind: WarningKind::ParlaMint,
                        message: CORPUS_ROOT.to_string(),
                    },
                }),
                Err(e) => merged.errors.push(e),
            }
            window.merged(next, sizes[next]);
            next += 1;
        }
    }
}

/// Reads the files named by `paths` (files as given, directories walked; see [`collect_files`]): each file is read
/// and `prepare`d on a worker, and handed to `merge` in path order.
pub fn ingest<T: Send>(
    paths: &[PathBuf],
    options: &ReadOptions,
    aliases: Aliases,
    prepare: impl Fn(ReadFile) -> T + Sync,
    merge: impl FnMut(T) + Send,
) -> Ingested {
    let (files, walk_errors) = collect_files(paths);
    let sizes: Vec<u64> = files
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .collect();
    let window = Window::default();
    let read_one = |i: usize| -> Result<Prepared<T>, ReadError> {
        let (file, warnings) = match read_parlamint_file(&files[i], options) {
            Some(read) => read?,
            None => read_file(&files[i], options)?,
        };
        let meeting = &file.meeting;
        let shown = meeting.path.clone();
        let selected = options.dates.contains(meeting.date);
        let undated = meeting.date.is_none();
        Ok(Prepared {
            source: sitting_key(meeting).or_else(|| {
                let url = meeting.source.as_deref()?;
                Some((source_key(url)?, url.to_string()))
            }),
            id: meeting.id.clone(),
            names: label_names(meeting),
            warnings: warnings
                .into_iter()
                .map(|warning| FileWarning {
                    path: shown.clone(),
                    warning,
                })
                .collect(),
            path: shown,
            item: if selected {
                Ok(prepare(file))
            } else {
                Err(undated)
            },
        })
    };
    let mut merged = Merged {
        errors: walk_errors,
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
                                        path: files[i].to_string_lossy().into_owned(),
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
    let mut names: Vec<(String, String)> = Vec::new();
    for turn in meeting.turns() {
        if !names
            .iter()
            .any(|(l, n)| *l == turn.label && *n == turn.name)
        {
            names.push((turn.label.clone(), turn.name.clone()));
        }
    }
    names
}

/// Meeting ids made unique: an id that several files share (the same file name in different folders) becomes each
/// file's path without its extension. Takes (id, path) per file; returns the ids in the same order.
pub fn unique_ids<'a>(files: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (id, _) in files.clone() {
        *counts.entry(id).or_default() += 1;
    }
    files
        .map(|(id, path)| {
            if counts[id] > 1 {
                Path::new(path)
                    .with_extension("")
                    .to_string_lossy()
                    .into_owned()
            } else {
                id.to_string()
            }
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
    }
}
