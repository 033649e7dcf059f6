//! Files → a [`Corpus`]: loads the files under some paths batch by batch, in path
//! order, each batch in parallel, through the parsed-corpus cache when there is one.

use std::path::PathBuf;

use rayon::prelude::*;

use super::Corpus;
use crate::cache::{serve, Batch, Cache, CacheStats, Got, Kept, Served, Session};
use crate::story::across::{FirstSeen, Ids, Places};
use crate::story::discover::{discover_with, Origin};
use crate::story::load::{load_origin, load_origin_unless, text_of, FileResult, LoadOptions};
use crate::story::outline::Outline;
use crate::story::{Diagnostic, Str};

/// Loads everything under `paths` (see [`discover_with`]) in parallel, keeping path order.
pub fn load_paths(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
    load_paths_cached(paths, opts, None).0
}

/// [`load_paths`] through the parsed-corpus cache, when one is given.
pub fn load_paths_cached(
    paths: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
) -> (Corpus, CacheStats) {
    load_paths_then(paths, opts, cache, |_, _, _| {})
}

/// [`load_paths_cached`], calling `after` with the corpus, the index of the
/// batch's first story and the number of files in all once each batch is in (to
/// take what is needed of the stories and let them go, say).
pub fn load_paths_then(
    paths: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
    mut after: impl FnMut(&mut Corpus, usize, usize),
) -> (Corpus, CacheStats) {
    let mut loader = Loader::new(paths, *opts, cache);
    let mut corpus = Corpus {
        usage_problems: loader.problems.len(),
        diagnostics: std::mem::take(&mut loader.problems),
        ..Corpus::default()
    };
    // Batch by batch, so that what a batch leaves behind (the encoded entries
    // for the cache, the parser's garbage) is let go before the next one.
    loop {
        let batch = loader.next_batch(COMMAND_BATCH);
        if batch.is_empty() {
            break;
        }
        let first = corpus.stories.len();
        corpus.extend(batch);
        after(&mut corpus, first, loader.total());
    }
    (corpus, loader.finish())
}

/// [`load_paths_cached`] for a command that needs only each file's outcome and
/// problems and each story's id, title, date and format (and its parties and
/// analysts when `people`): the rest of each story is never kept, and from the
/// cache only the outline is read ([`Loader::next_outlines`]).
pub fn load_paths_outlined(
    paths: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
    people: bool,
) -> (Corpus, CacheStats) {
    let mut loader = Loader::new(paths, *opts, cache).without_cross_story();
    let mut corpus = Corpus {
        usage_problems: loader.problems.len(),
        diagnostics: std::mem::take(&mut loader.problems),
        ..Corpus::default()
    };
    let mut first_seen = FirstSeen::default();
    // While one batch is checked against the stories before it and added to the
    // corpus (in path order, on one thread), the next one is read (in parallel).
    let mut ready: Vec<FileResult<Outline>> = Vec::new();
    loop {
        let (next, ()) = rayon::join(
            || loader.next_outlines(OUTLINE_BATCH),
            || {
                let mut batch = std::mem::take(&mut ready);
                add_cross_story(&mut first_seen, batch.iter_mut());
                corpus.extend(
                    batch
                        .into_iter()
                        .map(|r| {
                            let file = r.path.clone();
                            r.map(|o| o.into_story(file, people))
                        })
                        .collect(),
                );
            },
        );
        if next.is_empty() {
            break;
        }
        ready = next;
    }
    (corpus, loader.finish())
}

/// Files loaded (in parallel) per batch by [`load_paths_outlined`]: an outline is
/// small, so a batch can be large (fewer hand-overs between threads).
const OUTLINE_BATCH: usize = 256;

/// Stories of a batch whose texts share one buffer when packing
/// ([`Loader::packing`]): about 0.6 MB of text for generated stories, a block
/// the allocator rounds up by little, and texts repeated across stories (names,
/// outlets, tags, dates) stored once. Two groups of the explorer's largest batch
/// pack in parallel.
pub const PACKED_TOGETHER: usize = 64;

/// Checks each loaded story against the stories before it (cross-story warnings,
/// added to its file's problems in file order), and records its ids.
fn add_cross_story<'r, S: 'r>(
    first_seen: &mut FirstSeen,
    results: impl Iterator<Item = &'r mut FileResult<S>>,
) where
    for<'s> Ids<'s>: From<&'s S>,
{
    for result in results {
        let Some(story) = &result.story else {
            continue;
        };
        first_seen.add_warnings(
            story,
            &result.path,
            &mut result.diagnostics,
            &mut Places::default(),
            &text_of,
        );
    }
}

/// A test of a story file's text, before it is parsed: `Some` with the story's id
/// as written in it when the file is not wanted (see [`load_paths_skipping`]).
pub type Skip<'a> = &'a (dyn Fn(&str) -> Option<Str> + Sync);

/// [`load_paths_then`] without the cache, leaving unparsed every file that `skip`
/// turns down (no story, no problem: for a caller that wants only the stories
/// `skip` lets through, the search of a query). A story id is kept by its first
/// file, so a file left unparsed still counts by its id: `None` when a story has
/// the id of a file left unparsed (or the other way round), which only a parse
/// settles; the caller then loads again without skipping.
pub fn load_paths_skipping(
    paths: &[PathBuf],
    opts: &LoadOptions,
    skip: Skip<'_>,
    mut after: impl FnMut(&mut Corpus, usize, usize),
) -> Option<Corpus> {
    let mut loader = Loader::new(paths, *opts, None);
    let mut corpus = Corpus {
        usage_problems: loader.problems.len(),
        diagnostics: std::mem::take(&mut loader.problems),
        ..Corpus::default()
    };
    // Each id met so far, and whether its first file was left unparsed.
    let mut ids: std::collections::HashMap<Str, bool> = std::collections::HashMap::new();
    loop {
        let batch = loader.next_batch_unless(COMMAND_BATCH, skip);
        if batch.is_empty() {
            break;
        }
        let mut results = Vec::with_capacity(batch.len());
        for (result, skipped) in batch {
            let (id, unparsed) = match (&skipped, &result.story) {
                (Some(id), _) => (id, true),
                (None, Some(story)) => (&story.id, false),
                (None, None) => {
                    results.push(result);
                    continue;
                }
            };
            match ids.get(id) {
                Some(&first) if first || unparsed => return None,
                Some(_) => {}
                None => {
                    ids.insert(id.detached(), unparsed);
                }
            }
            results.push(result);
        }
        let first = corpus.stories.len();
        corpus.extend(results);
        after(&mut corpus, first, loader.total());
    }
    Some(corpus)
}

/// What the cache's pack of a load of `paths` is named by: the paths, or the
/// `stories` folder when none is given.
fn roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("stories")]
    } else {
        paths.to_vec()
    }
}

/// Loads some `files` of an earlier load of `paths` again, in parallel and in
/// order, served by that load's pack when there is a cache (which is only read:
/// a file parsed now is not put in it). For a caller that let most stories go
/// and wants some back whole (`who`).
pub fn reload_files(
    paths: &[PathBuf],
    files: &[PathBuf],
    opts: &LoadOptions,
    cache: Option<&Cache>,
) -> Vec<FileResult> {
    // The pack of the whole load, whatever the number of files asked for now.
    let pack = cache.and_then(|c| c.open(&roots(paths), c.min_files, opts));
    files
        .par_iter()
        .map(|path| match &pack {
            Some(pack) => match serve(pack, path, opts) {
                Got::Hit(result, _) | Got::Parsed(result, _) => result,
            },
            None => crate::story::load::load_file(path, opts),
        })
        .collect()
}

/// One file loaded: what is kept of it, the id `skip` read in it when it was
/// left unparsed, and how the cache served it.
type Loaded<S> = (FileResult<S>, Option<Str>, Option<Served>);

/// `f` with a packer of `pool` (or a new one), put back in `pool` afterwards: the
/// packers, and the room they keep, go from group to group.
fn with_packer<T>(
    pool: &std::sync::Mutex<Vec<crate::story::model::Packer>>,
    f: impl FnOnce(&mut crate::story::model::Packer) -> T,
) -> T {
    let lock = || {
        pool.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let mut packer = lock().pop().unwrap_or_default();
    let out = f(&mut packer);
    lock().push(packer);
    out
}

/// Loads one group of files whose stories are kept together, packed into one
/// buffer ([`Loader::packing`]): the files the cache holds straight into it
/// ([`Batch::load_group`]), the others with `one`, then packed in with the rest.
fn load_group<S: Kept>(
    group: &[Origin],
    regular: &[bool],
    batch: Option<&Batch<'_>>,
    opts: &LoadOptions,
    one: &(dyn Fn(&Origin) -> Loaded<S> + Sync),
    packer: &mut crate::story::model::Packer,
) -> Vec<Loaded<S>> {
    // Each with whether its story is packed already.
    let mut loaded: Vec<(Loaded<S>, bool)> = Vec::new();
    match batch {
        Some(batch) => {
            let paths: Vec<(&std::path::Path, bool)> = group
                .iter()
                .zip(regular.iter().chain(std::iter::repeat(&false)))
                .filter_map(|(o, &regular)| match o {
                    Origin::File(path) => Some((path.as_path(), regular)),
                    _ => None,
                })
                .collect();
            let mut from_files = batch.load_group::<S>(&paths, opts, packer).into_iter();
            for origin in group {
                let from_file = match origin {
                    Origin::File(_) => from_files.next(),
                    _ => None,
                };
                match from_file {
                    Some((result, served, packed)) => {
                        loaded.push(((result, None, Some(served)), packed));
                    }
                    None => loaded.push((one(origin), false)),
                }
            }
        }
        None => loaded.extend(group.iter().map(|o| (one(o), false))),
    }
    let mut stories: Vec<&mut S> = loaded
        .iter_mut()
        .filter(|(_, packed)| !packed)
        .filter_map(|((result, _, _), _)| result.story.as_mut())
        .collect();
    if !stories.is_empty() {
        S::pack_with(&mut stories, packer);
    }
    loaded.into_iter().map(|(loaded, _)| loaded).collect()
}

/// Files loaded (in parallel) per batch by [`load_paths_cached`]. Small, so that
/// what a batch holds (its texts, the parser's garbage, its stories) stays in the
/// processor's caches: on 1,000 generated stories, `check --no-cache` takes 6%
/// less CPU time with 32 than with 128, with half the page faults (issue 19).
const COMMAND_BATCH: usize = 32;

/// Loads the files under some paths batch by batch, in path order, each batch in
/// parallel; through the cache when there is one. The explorer loads this way in the
/// background to show progress; the commands in batches too, to bound what is in flight.
pub struct Loader {
    files: Vec<Origin>,
    /// Whether each file was a regular file (or a symlink) when found: such a
    /// file is opened before it is looked at ([`Batch::load_group`]).
    regular: Vec<bool>,
    /// Problems met while looking for files (a missing path); taken by the caller.
    pub problems: Vec<Diagnostic>,
    opts: LoadOptions,
    next: usize,
    /// The cache's pack for these files, when there is a cache.
    cache: Option<Session>,
    /// The first use of every id so far, for the cross-story warnings (None when the
    /// caller computes them itself: [`Loader::without_cross_story`]).
    first_seen: Option<FirstSeen>,
    /// Whether each story is packed as it loads ([`Loader::packing`]).
    pack: bool,
    /// The packers of the groups packed so far, reused (let go with the loader).
    packers: Vec<crate::story::model::Packer>,
}

impl Loader {
    /// Finds the files (see [`discover_with`]) and opens the cache's pack for them.
    pub fn new(paths: &[PathBuf], opts: LoadOptions, cache: Option<&Cache>) -> Loader {
        // The pack's table is read while the files are found (both take a
        // while for 100,000 files, and the pool is idle then).
        let (found, pack) = rayon::join(
            || discover_with(paths, opts.follow_symlinks),
            || cache.and_then(|c| c.open_any(&roots(paths), &opts)),
        );
        let on_disk = found
            .files
            .iter()
            .filter(|o| matches!(o, Origin::File(_)))
            .count();
        let pack = pack.filter(|_| cache.is_some_and(|c| c.used_for(on_disk)));
        Loader {
            regular: found.found_regular(),
            files: found.files,
            problems: found.problems,
            opts,
            next: 0,
            cache: pack.map(Session::new),
            first_seen: Some(FirstSeen::default()),
            pack: false,
            packers: Vec::new(),
        }
    }

    /// A loader that packs the texts of each [`PACKED_TOGETHER`] stories of a
    /// batch into one buffer as it loads (groups in parallel, see
    /// [`crate::story::Story::pack_together`]), for a caller that keeps every
    /// story for as long as it runs (the explorer): less memory, for a little
    /// more time per story.
    pub fn packing(mut self) -> Loader {
        self.pack = true;
        self
    }

    /// A loader that leaves the cross-story warnings out, for a caller that computes
    /// them over what it holds (the language server, whose open documents change them).
    pub fn without_cross_story(mut self) -> Loader {
        self.first_seen = None;
        self
    }

    /// How many files there are to load.
    pub fn total(&self) -> usize {
        self.files.len()
    }

    /// How many files are loaded.
    pub fn done(&self) -> usize {
        self.next
    }

    pub fn stats(&self) -> CacheStats {
        self.cache.as_ref().map(Session::stats).unwrap_or_default()
    }

    /// Loads the next (at most) `max` files in parallel; empty when all are loaded.
    pub fn next_batch(&mut self, max: usize) -> Vec<FileResult> {
        self.next_batch_unless(max, &|_| None)
            .into_iter()
            .map(|(result, _)| result)
            .collect()
    }

    /// [`Loader::next_batch`], leaving unparsed the files `skip` turns down, each
    /// with the id `skip` read in it (without a cache only: with one, every file
    /// is parsed or served, and kept in the pack).
    pub fn next_batch_unless(
        &mut self,
        max: usize,
        skip: Skip<'_>,
    ) -> Vec<(FileResult, Option<Str>)> {
        self.next_kept(max, skip)
    }

    /// [`Loader::next_batch`], keeping only the outline of each story (from the
    /// cache, only the entries' heads are read), each with its cross-story warnings.
    pub fn next_outlines(&mut self, max: usize) -> Vec<FileResult<Outline>> {
        self.next_kept(max, &|_| None)
            .into_iter()
            .map(|(result, _)| result)
            .collect()
    }

    /// The next (at most) `max` files, loaded in parallel, what `S` keeps of each
    /// story, and the files `skip` turns down left unparsed (without a cache).
    fn next_kept<S>(&mut self, max: usize, skip: Skip<'_>) -> Vec<(FileResult<S>, Option<Str>)>
    where
        S: Kept,
        for<'s> Ids<'s>: From<&'s S>,
    {
        let end = self.next.saturating_add(max).min(self.files.len());
        let files = &self.files[self.next..end];
        let regular = self.regular.get(self.next..).unwrap_or_default();
        self.next = end;
        let opts = &self.opts;
        let batch = self.cache.as_mut().map(Session::batch);
        let one = |origin: &Origin| match (origin, &batch) {
            (Origin::File(path), Some(batch)) => {
                let (result, served) = batch.load(path, opts);
                (result, None, Some(served))
            }
            (_, Some(_)) => (S::from_parsed(load_origin(origin, opts)), None, None),
            (_, None) => {
                let (result, skipped) = load_origin_unless(origin, opts, skip);
                (S::from_parsed(result), skipped, None)
            }
        };
        let loaded: Vec<Loaded<S>> = if self.pack {
            // Group by group, each group's stories packed together as they load
            // (from the cache straight into the group's buffer), groups in
            // parallel; packers used before, their room kept while the loader lives.
            let pool = std::sync::Mutex::new(std::mem::take(&mut self.packers));
            let groups: Vec<Vec<_>> = files
                .par_chunks(PACKED_TOGETHER)
                .enumerate()
                .map(|(i, group)| {
                    let regular = regular.get(i * PACKED_TOGETHER..).unwrap_or_default();
                    with_packer(&pool, |packer| {
                        load_group(group, regular, batch.as_ref(), opts, &one, packer)
                    })
                })
                .collect();
            self.packers = pool.into_inner().unwrap_or_else(|e| e.into_inner());
            groups.into_iter().flatten().collect()
        } else {
            files.par_iter().map(one).collect()
        };
        let mut served = Vec::with_capacity(loaded.len());
        let mut results = Vec::with_capacity(loaded.len());
        for (result, skipped, s) in loaded {
            served.extend(s);
            results.push((result, skipped));
        }
        if let Some(batch) = batch {
            batch.end(served);
        }
        self.check_across(results.iter_mut().map(|(r, _)| r));
        results
    }

    /// Checks each loaded story against the stories before it (cross-story warnings,
    /// added to its file's problems in file order).
    fn check_across<'r, S: 'r>(&mut self, results: impl Iterator<Item = &'r mut FileResult<S>>)
    where
        for<'s> Ids<'s>: From<&'s S>,
    {
        if let Some(first_seen) = &mut self.first_seen {
            add_cross_story(first_seen, results);
        }
    }

    /// Loads batch after batch (each of `size()` files) and hands each, its
    /// cross-story warnings added, to `hand` with the number of files loaded so
    /// far, in file order. The files are loaded a group of at most
    /// [`PACKED_TOGETHER`] at a time by as many threads as the pool has (threads
    /// of their own, leaving the pool to the search), each taking the next group
    /// as soon as it is done with one, while this thread
    /// checks and hands over each batch as soon as its groups are in: nothing
    /// waits for a whole batch to be loaded before the next is begun, where a
    /// batch at a time left a core idle at the end of each (issue 19). Ends as
    /// [`Loader::finish`] once every batch is handed over; `None` without writing
    /// the cache as soon as `hand` says to stop.
    pub fn hand_over(
        mut self,
        mut size: impl FnMut() -> usize,
        mut hand: impl FnMut(Vec<FileResult>, usize) -> bool + Send,
    ) -> Option<CacheStats> {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
        use std::sync::{mpsc, Mutex, PoisonError};
        let total = self.files.len();
        // Each group: its batch and its files.
        let mut groups: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut batch_ends = Vec::new();
        let mut at = self.next;
        while at < total {
            let end = at.saturating_add(size().max(1)).min(total);
            let mut from = at;
            while from < end {
                let to = from.saturating_add(PACKED_TOGETHER).min(end);
                groups.push((batch_ends.len(), from..to));
                from = to;
            }
            batch_ends.push(end);
            at = end;
        }
        {
            let Loader {
                files,
                regular,
                opts,
                cache,
                first_seen,
                pack,
                packers,
                ..
            } = &mut self;
            let (files, regular, opts, pack) = (&*files, &*regular, &*opts, *pack);
            let session = cache.as_mut().map(Session::batch);
            let batch = session.as_ref();
            let pool = Mutex::new(std::mem::take(packers));
            let next_group = AtomicUsize::new(0);
            let stop = AtomicBool::new(false);
            let (groups, pool, next_group, stop) = (&groups, &pool, &next_group, &stop);
            let one = |origin: &Origin| -> Loaded<crate::story::Story> {
                match (origin, batch) {
                    (Origin::File(path), Some(batch)) => {
                        let (result, served) = batch.load(path, opts);
                        (result, None, Some(served))
                    }
                    _ => (load_origin(origin, opts), None, None),
                }
            };
            let one = &one;
            let (tx, rx) = mpsc::channel::<(usize, Vec<FileResult>, Vec<Served>)>();
            // The next group not yet taken, loaded: what it holds and how the
            // pack served it; `None` once every group is taken.
            let take_next = move || -> Option<(usize, Vec<FileResult>, Vec<Served>)> {
                let g = next_group.fetch_add(1, Relaxed);
                let (_, range) = groups.get(g)?;
                let group = &files[range.clone()];
                let loaded = if pack {
                    let regular = regular.get(range.clone()).unwrap_or_default();
                    with_packer(pool, |packer| {
                        load_group(group, regular, batch, opts, one, packer)
                    })
                } else {
                    group.iter().map(one).collect()
                };
                let mut served = Vec::with_capacity(loaded.len());
                let mut results = Vec::with_capacity(loaded.len());
                for (result, _, s) in loaded {
                    served.extend(s);
                    results.push(result);
                }
                Some((g, results, served))
            };
            // Threads of their own, not the pool's: a task that loads group
            // after group would hold a thread of the pool for the whole load,
            // and the search, which indexes on the pool, would wait for it.
            let handed = std::thread::scope(|scope| {
                let mut spawned = 0;
                for _ in 0..rayon::current_num_threads().max(1) {
                    let tx = tx.clone();
                    let producer = move || {
                        while !stop.load(Relaxed) {
                            let Some(group) = take_next() else { break };
                            if tx.send(group).is_err() {
                                break;
                            }
                        }
                    };
                    let thread = std::thread::Builder::new()
                        .name("loader".into())
                        .spawn_scoped(scope, producer);
                    spawned += usize::from(thread.is_ok());
                }
                drop(tx);
                // Here, in file order: each batch once its groups are in.
                let mut arrived: Vec<Option<(Vec<FileResult>, Vec<Served>)>> =
                    std::iter::repeat_with(|| None).take(groups.len()).collect();
                let mut served_all = Vec::new();
                let mut next = 0;
                for (b, &end) in batch_ends.iter().enumerate() {
                    let mut results = Vec::new();
                    while groups.get(next).is_some_and(|(of, _)| *of == b) {
                        let group = loop {
                            if let Some(group) = arrived[next].take() {
                                break group;
                            }
                            // No thread to be had: this one loads the groups.
                            if spawned == 0 {
                                let (g, results, served) = take_next()?;
                                arrived[g] = Some((results, served));
                                continue;
                            }
                            match rx.recv() {
                                Ok((g, results, served)) => arrived[g] = Some((results, served)),
                                // A loader thread ended without its group (it panicked:
                                // the scope passes the panic on).
                                Err(_) => return None,
                            }
                        };
                        results.extend(group.0);
                        served_all.extend(group.1);
                        next += 1;
                    }
                    if let Some(first_seen) = first_seen.as_mut() {
                        add_cross_story(first_seen, results.iter_mut());
                    }
                    if !hand(results, end) {
                        stop.store(true, Relaxed);
                        return None;
                    }
                }
                Some(served_all)
            });
            *packers = pool
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .split_off(0);
            let served = handed?;
            if let Some(session) = session {
                // What the pack served, counted in file order once all is in.
                session.end(served);
            }
        };
        self.next = total;
        Some(self.finish())
    }

    /// Loads what is left and puts the cache's pack in place when it changed (some
    /// file was parsed, or some file in it is gone).
    pub fn finish(mut self) -> CacheStats {
        if self.next < self.files.len() {
            self.next_batch(usize::MAX);
        }
        self.cache.map(Session::finish).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    /// Three files, the third with the first's id, in a folder.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("dir");
        for n in 0..3 {
            let mut story = synth::story(n);
            if n == 2 {
                // The first story's first party too, named otherwise.
                let mut party = synth::story(0).parties[0].clone();
                party.name = "Someone Else Entirely".into();
                story.parties.push(party);
            }
            let yaml = synth::to_yaml(&story);
            std::fs::write(dir.path().join(format!("{n}.yaml")), yaml).expect("write");
        }
        dir
    }

    #[test]
    fn each_batch_is_handed_over_in_file_order_with_the_warnings_across_batches() {
        let dir = folder();
        let loader = Loader::new(&[dir.path().to_path_buf()], LoadOptions::default(), None);
        let mut handed = Vec::new();
        let stats = loader.hand_over(
            || 1,
            |batch, done| {
                handed.push((batch, done));
                true
            },
        );
        assert!(stats.is_some(), "loaded to the end");
        let names: Vec<(String, usize)> = handed
            .iter()
            .flat_map(|(batch, done)| {
                batch
                    .iter()
                    .map(|r| (r.path.file_name().unwrap().to_string_lossy().into(), *done))
            })
            .collect();
        let want = [("0.yaml", 1), ("1.yaml", 2), ("2.yaml", 3)];
        let want: Vec<(String, usize)> = want.iter().map(|(f, d)| (f.to_string(), *d)).collect();
        assert_eq!(names, want);
        // The third file's party, the first's (a batch before) named otherwise,
        // is reported as when all load as one batch.
        let third = &handed[2].0[0].diagnostics;
        assert!(third
            .iter()
            .any(|d| d.message.contains("\"Grace Sato\" in")));
        let mut loader = Loader::new(&[dir.path().to_path_buf()], LoadOptions::default(), None);
        let whole = loader.next_batch(usize::MAX);
        assert_eq!(*third, whole[2].diagnostics);
    }

    #[test]
    fn handing_over_stops_when_told() {
        let dir = folder();
        let loader = Loader::new(&[dir.path().to_path_buf()], LoadOptions::default(), None);
        let mut calls = 0;
        let stats = loader.hand_over(
            || 1,
            |_, _| {
                calls += 1;
                false
            },
        );
        assert!(stats.is_none());
        assert_eq!(calls, 1);
    }
}
