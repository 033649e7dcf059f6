//! The parsed-corpus cache: what loading a story file produced (its story and its
//! problems), kept on disk so the next run skips parsing files that did not change.
//!
//! - Where: `$XDG_CACHE_HOME/storyx`, else `~/.cache/storyx`; never inside a folder
//!   being loaded. One pack file per set of command-line paths, named by a hash of
//!   them, of the load options and of the storyx build (version and executable).
//! - Never stale: an entry is used only when the file's canonical path, size,
//!   modification and change times, inode and device all match; a file changed in
//!   the two seconds before it was read is not cached (its times may not show a
//!   later change). Each entry carries a checksum; a pack that is truncated or
//!   corrupt, or an entry whose checksum fails, is ignored and parsed again.
//! - Safe to delete at any time; written to a temporary file and renamed.
//! - Small loads (fewer than [`Cache::min_files`] files) do not use it.
//!
//! Pack layout: `MAGIC`, the entry blobs, then the table (per entry: path, key,
//! offset, length, the length of its head, the checksums of its head and of the
//! rest), the table's checksum, its offset, and `MAGIC`.
//!
//! An entry is its head's length (4 bytes), its head (postcard: the file's
//! problems, then its story's [`Outline`]) and its body: the story already
//! packed, as [`Story::pack`] would pack it (postcard: every distinct text of the
//! story in one blob, the length of each, then the story with each text written
//! as its number among them, [`crate::story::text::write_spans`]). A hit decodes
//! with one allocation for all its texts, each a span of the one buffer (no
//! allocation per text); lengths that do not cut the blob into its texts, or a
//! number with no text, make the entry a miss. The explorer, which keeps
//! [`crate::corpus::load::PACKED_TOGETHER`] stories in one buffer, decodes a
//! group of hits straight into theirs ([`Pack::get_group`]): each entry's texts
//! are gathered there, a short text repeated across stories stored once (a sixth
//! less text than a buffer per story on generated stories; a long one, nearly
//! never repeated, is stored as it comes: [`crate::story::text::gather`]). The
//! group's heads and entries are read into room kept from group to group, the
//! entries that follow one another in the pack (a load writes a group's together,
//! in file order) with one read for them all. The head
//! is checked and read apart: `check` and `who` decode only the outlines
//! ([`Pack::outline`]), the explorer and the other commands whole stories
//! ([`Pack::get`]).

mod session;

pub use session::{serve, Batch, CacheStats, Got, Kept, Served, Session};

/// A file of a group asked of the pack ([`Pack::get_group`]): its key, its path
/// and, when it was opened to take its key ([`Pack::open_found`]), the file.
pub struct Keyed<'a> {
    pub key: &'a Key,
    pub path: &'a Path,
    pub file: Option<std::fs::File>,
}

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::story::load::{FileResult, LoadOptions};
use crate::story::outline::Outline;
use crate::story::{Diagnostic, Story};

const MAGIC: &[u8; 8] = b"STORYXC\x01";
/// Bumped whenever the pack layout or the cached types change.
const FORMAT: u64 = 6;
/// A file changed this recently is not cached.
const SETTLE: Duration = Duration::from_secs(2);
/// Packs not written for this long are removed when another pack is written.
const PRUNE_AFTER: Duration = Duration::from_secs(30 * 24 * 3600);

/// Where the cache lives and when it is used.
#[derive(Debug, Clone)]
pub struct Cache {
    pub dir: PathBuf,
    /// Loads of fewer files than this skip the cache (parsing them is cheap).
    pub min_files: usize,
    /// A file changed less than this before it was read is not cached: its times
    /// might not show a change made in the same tick of the file system's clock.
    pub settle: Duration,
}

impl Cache {
    /// The cache in `dir`, used for loads of 16 files or more.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: dir.into(),
            min_files: 16,
            settle: SETTLE,
        }
    }

    /// Whether a load of this many files uses the cache.
    pub fn used_for(&self, files: usize) -> bool {
        files >= self.min_files
    }

    /// `$XDG_CACHE_HOME/storyx` (an absolute path), else `$HOME/.cache/storyx`;
    /// `None` when neither is set.
    pub fn default_location() -> Option<Cache> {
        let xdg = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        let base = xdg.or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|h| h.join(".cache"))
        })?;
        Some(Cache::at(base.join("storyx")))
    }

    /// Opens the pack for a load of `files` found under `roots`, or `None` when the
    /// cache is not to be used (too few files, or the cache folder is inside a root).
    pub fn open(&self, roots: &[PathBuf], files: usize, opts: &LoadOptions) -> Option<Pack> {
        if files < self.min_files {
            return None;
        }
        self.open_any(roots, opts)
    }

    /// [`Cache::open`] whatever the number of files (for a caller that reads the
    /// pack while it finds the files, and then asks [`Cache::used_for`]).
    pub fn open_any(&self, roots: &[PathBuf], opts: &LoadOptions) -> Option<Pack> {
        let mut canonical: Vec<PathBuf> = roots
            .iter()
            .map(|r| r.canonicalize().unwrap_or_else(|_| r.clone()))
            .collect();
        canonical.sort();
        canonical.dedup();
        let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
        if canonical.iter().any(|r| dir.starts_with(r)) {
            return None;
        }
        let mut h = Fnv::new();
        h.u64(FORMAT);
        h.bytes(env!("CARGO_PKG_VERSION").as_bytes());
        if let Some(m) = std::env::current_exe()
            .ok()
            .and_then(|e| std::fs::metadata(e).ok())
        {
            h.u64(m.len());
            h.u64(nanos(m.modified().ok()));
        }
        h.u64(opts.max_file_size);
        h.u64(opts.budgets.max_depth as u64);
        h.u64(opts.budgets.max_nodes as u64);
        for r in &canonical {
            h.bytes(path_bytes(r));
            h.u64(0xff);
        }
        let path = self.dir.join(format!("corpus-{:016x}.pack", h.finish()));
        // A regular file only, as every file read as data (a FIFO or a device
        // put in its place neither hangs nor is read).
        let (file, entries) = match crate::regular_file::open(&path) {
            Ok((f, _)) => match read_table(&f) {
                Some(entries) => (Some(f), entries),
                None => (None, Entries::default()),
            },
            Err(_) => (None, Entries::default()),
        };
        Some(Pack {
            path,
            dir: self.dir.clone(),
            file,
            entries,
            started: SystemTime::now(),
            settle: self.settle,
            max_entry: opts.max_file_size.saturating_mul(4).max(MAX_TABLE as u64),
            dirs: Mutex::default(),
        })
    }
}

/// Opens the file at `path`, whose key was just taken ([`Pack::key_of`]: `lstat`, a
/// regular file), without another `stat` ([`crate::regular_file::open_statted`]);
/// a symlink (whose key is its target's) is opened as every data file is.
#[cfg(unix)]
fn open_keyed(path: &Path) -> Option<std::fs::File> {
    match crate::regular_file::open_statted(path) {
        Ok(file) => Some(file),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            crate::regular_file::open(path).ok().map(|(file, _)| file)
        }
        Err(_) => None,
    }
}

#[cfg(not(unix))]
fn open_keyed(path: &Path) -> Option<std::fs::File> {
    crate::regular_file::open(path).ok().map(|(file, _)| file)
}

/// How much of a story file a hit reads first to find the story's id and title in
/// it (they are written near the top).
const HEAD: usize = 4096;

/// The largest table a pack may have (a real one holds ~150 bytes per file).
const MAX_TABLE: usize = 64 * 1024 * 1024;

/// What identifies one version of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub canonical: PathBuf,
    pub size: u64,
    /// Modification and change times (nanoseconds since the epoch), inode, device.
    pub times: [u64; 4],
}

impl Key {
    /// The key of the file at `path` now, or `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<Key> {
        let canonical = path.canonicalize().ok()?;
        let m = std::fs::metadata(&canonical).ok()?;
        if !m.is_file() {
            return None;
        }
        Some(Key {
            canonical,
            size: m.len(),
            times: times(&m),
        })
    }

    /// [`Key::of`], with the file's folder resolved through `dirs` (each folder
    /// once per load): the file itself is looked at once (`lstat`), instead of every
    /// part of its path. A symlink is resolved as [`Key::of`] does.
    fn of_in(path: &Path, dirs: &Mutex<Dirs>) -> Option<Key> {
        let m = std::fs::symlink_metadata(path).ok()?;
        if m.file_type().is_symlink() {
            return Key::of(path);
        }
        Key::of_meta(path, &m, dirs)
    }

    /// The key of the file at `path`, not a symlink, whose metadata is `m`
    /// (taken by `lstat`, or by `fstat` of the file opened without following a
    /// symlink), its folder resolved through `dirs`.
    fn of_meta(path: &Path, m: &std::fs::Metadata, dirs: &Mutex<Dirs>) -> Option<Key> {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Key::of(path);
        };
        if !m.is_file() {
            return None;
        }
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let dir = {
            let mut dirs = dirs.lock().unwrap_or_else(PoisonError::into_inner);
            match dirs.get(path_bytes(parent)) {
                Some(dir) => dir.clone(),
                None => {
                    let dir = parent.canonicalize().ok();
                    dirs.insert(path_bytes(parent).into(), dir.clone());
                    dir
                }
            }
        }?;
        Some(Key {
            canonical: dir.join(name),
            size: m.len(),
            times: times(m),
        })
    }

    /// Whether the file changed long enough before `started` for its times to be trusted.
    fn settled(&self, started: SystemTime, settle: Duration) -> bool {
        let cutoff = nanos(started.checked_sub(settle));
        self.times[0] < cutoff && self.times[1] < cutoff
    }
}

#[cfg(unix)]
fn times(m: &std::fs::Metadata) -> [u64; 4] {
    use std::os::unix::fs::MetadataExt;
    let ctime = (m.ctime() as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(m.ctime_nsec() as u64);
    [nanos(m.modified().ok()), ctime, m.ino(), m.dev()]
}

#[cfg(not(unix))]
fn times(m: &std::fs::Metadata) -> [u64; 4] {
    let modified = nanos(m.modified().ok());
    [modified, modified, 0, 0]
}

fn nanos(t: Option<SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> &[u8] {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes()
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> &[u8] {
    p.to_str().map_or(&[], str::as_bytes)
}

/// A pack's entries by the canonical path of their file (its bytes: hashing a
/// `Path` walks its components). A fast hash seeded per process: the paths come
/// from the pack, which is untrusted.
type Entries = HashMap<Box<[u8]>, Stored, foldhash::fast::RandomState>;

/// Folders resolved so far (by their path's bytes): their canonical path, `None`
/// when it cannot be resolved.
type Dirs = HashMap<Box<[u8]>, Option<PathBuf>, foldhash::fast::RandomState>;

/// One entry of a pack: its key and where its encoded result sits in the pack.
#[derive(Debug)]
struct Stored {
    size: u64,
    times: [u64; 4],
    range: std::ops::Range<usize>,
    /// The length of its head (with the 4 bytes that give it), and its checksum.
    head: usize,
    head_sum: u64,
    /// The checksum of the rest (the body).
    sum: u64,
}

/// An entry and the file it is for, opened, with the file's first [`HEAD`] bytes.
struct Opened<'p> {
    stored: &'p Stored,
    file: std::fs::File,
    size: usize,
}

impl Opened<'_> {
    /// Reads the file's first [`HEAD`] bytes (or all of it, when shorter) into `head`.
    fn read_head(&self, head: &mut [u8]) -> Option<()> {
        read_at(&self.file, &mut head[..self.size.min(HEAD)], 0).ok()
    }

    /// Whether the words of `text` are in the file: in its `head` (as
    /// [`Opened::read_head`] read it), else in the whole file (read once, into
    /// `whole`, when first needed).
    fn has(&self, head: &[u8], text: &str, whole: &mut Option<Option<Vec<u8>>>) -> bool {
        words_in(&head[..self.size.min(HEAD).min(head.len())], text)
            || (self.size > HEAD
                && whole
                    .get_or_insert_with(|| {
                        let mut all = vec![0; self.size];
                        read_at(&self.file, &mut all, 0).ok().map(|()| all)
                    })
                    .as_deref()
                    .is_some_and(|all| words_in(all, text)))
    }
}

/// The result for the file at `path` of what its entry decoded to, with `path`
/// put in the problems.
fn result_at<S>(path: &Path, (story, mut diagnostics): Decoded<S>) -> FileResult<S> {
    for d in &mut diagnostics {
        d.file = path.to_path_buf();
    }
    FileResult {
        path: path.to_path_buf(),
        story,
        diagnostics,
        io_error: false,
    }
}

/// One opened pack: the entries it held, and where it is written back.
#[derive(Debug)]
pub struct Pack {
    path: PathBuf,
    dir: PathBuf,
    /// The pack as it was when opened; entries are read from it as they are used.
    file: Option<std::fs::File>,
    entries: Entries,
    started: SystemTime,
    settle: Duration,
    /// The largest entry read (a longer one is damaged, not read).
    max_entry: u64,
    /// The folders of the files keyed so far, resolved ([`Pack::key_of`]).
    dirs: Mutex<Dirs>,
}

impl Pack {
    /// The path of the pack file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key of the file at `path` now (as [`Key::of`]), or `None` when it
    /// cannot be read.
    pub fn key_of(&self, path: &Path) -> Option<Key> {
        Key::of_in(path, &self.dirs)
    }

    /// [`Pack::key_of`] for a file that was a regular file or a symlink when it
    /// was found (its folder's entry said so): it is opened first, without
    /// following a symlink, and keyed from what was opened (`fstat`), one system
    /// call less than a key then an open (issue 19); the file comes with its key
    /// for [`Pack::get_group`]. A symlink is keyed as [`Pack::key_of`] keys it
    /// (and opened later, as every data file is); what is not a regular file now
    /// (it changed since) has no key.
    #[cfg(unix)]
    pub fn open_found(&self, path: &Path) -> Option<(Key, Option<std::fs::File>)> {
        match crate::regular_file::open_statted(path) {
            Ok(file) => {
                let meta = file.metadata().ok()?;
                let key = Key::of_meta(path, &meta, &self.dirs)?;
                Some((key, Some(file)))
            }
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                self.key_of(path).map(|key| (key, None))
            }
            Err(_) => None,
        }
    }

    #[cfg(not(unix))]
    pub fn open_found(&self, path: &Path) -> Option<(Key, Option<std::fs::File>)> {
        self.key_of(path).map(|key| (key, None))
    }

    /// The cached result for this version of the file at `path` (whose key is
    /// `key`), with `path` (as the load names it) put back in the story and the
    /// problems. The cache is untrusted: an entry is used only when its story holds
    /// what a checked story holds (dates, ids, references) and its id and title are
    /// in the file, opened as every data file is, whose size is the entry's; anything
    /// else is a miss, and the file is parsed again. The id and title are looked for
    /// in the file's first [`HEAD`] bytes, and in the whole file only when they are
    /// not there: a hit reads one page of the file, not all of it.
    pub fn get(&self, key: &Key, path: &Path, opts: &LoadOptions) -> Option<FileResult> {
        let mut result = self.hit(key, path, opts, |stored, in_file| {
            decode_checked(&self.read(stored)?, in_file)
        })?;
        if let Some(s) = result.story.as_mut() {
            s.file = path.to_path_buf();
        }
        Some(result)
    }

    /// [`Pack::get`] for the story's outline only (and the file's problems): only
    /// the entry's head is read and decoded, and checked as [`Pack::get`] checks a
    /// story (what an outline of a checked story holds, its id and title in the file).
    pub fn outline(
        &self,
        key: &Key,
        path: &Path,
        opts: &LoadOptions,
    ) -> Option<FileResult<Outline>> {
        self.hit(key, path, opts, |stored, in_file| {
            decode_outline_checked(&self.read_head(stored)?, in_file)
        })
    }

    /// The result `decode` makes of the entry of this version of the file at `path`
    /// (see [`Pack::get`]), given the entry and a test of whether a text is in the
    /// file; with `path` put in the problems.
    fn hit<S>(
        &self,
        key: &Key,
        path: &Path,
        opts: &LoadOptions,
        decode: impl FnOnce(&Stored, &mut dyn FnMut(&str) -> bool) -> Option<Decoded<S>>,
    ) -> Option<FileResult<S>> {
        let opened = self.open_entry(key, path, opts)?;
        let mut head = [0u8; HEAD];
        opened.read_head(&mut head)?;
        let mut whole = None;
        let decoded = decode(opened.stored, &mut |text| {
            opened.has(&head, text, &mut whole)
        })?;
        Some(result_at(path, decoded))
    }

    /// The entry of this version of the file at `path` and the file, opened as every
    /// data file is, when it is the version the entry is for.
    fn open_entry(&self, key: &Key, path: &Path, opts: &LoadOptions) -> Option<Opened<'_>> {
        self.open_entry_with(key, path, None, opts)
    }

    /// [`Pack::open_entry`], with the file already opened when its key was
    /// taken from it ([`Pack::open_found`]: it is that version of the file).
    fn open_entry_with(
        &self,
        key: &Key,
        path: &Path,
        opened: Option<std::fs::File>,
        opts: &LoadOptions,
    ) -> Option<Opened<'_>> {
        let stored = self.entries.get(path_bytes(&key.canonical))?;
        if stored.size != key.size || stored.times != key.times || stored.size > opts.max_file_size
        {
            return None;
        }
        let size = usize::try_from(stored.size).ok()?;
        if let Some(file) = opened {
            return Some(Opened { stored, file, size });
        }
        let file = open_keyed(path)?;
        // What was opened is the version of the file the entry is for.
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() != stored.size || times(&meta) != stored.times {
            return None;
        }
        Some(Opened { stored, file, size })
    }

    /// [`Pack::get`] for the files of a group of stories kept together (the
    /// explorer's, [`crate::corpus::load::PACKED_TOGETHER`]): each hit's texts go
    /// into one buffer shared by the hits of the group (as [`Story::pack_with`]
    /// would pack them, a text in several stories stored once), straight from the
    /// entries, with no buffer of its own first. Each file is checked as
    /// [`Pack::get`] checks it; `None` for a file that is not a hit. `packer`
    /// (reset before and after) makes the buffer.
    pub fn get_group(
        &self,
        files: Vec<Keyed<'_>>,
        opts: &LoadOptions,
        packer: &mut crate::story::model::Packer,
    ) -> Vec<Option<FileResult>> {
        use crate::story::text::{gather, read_spans};
        packer.reset();
        let paths: Vec<&Path> = files.iter().map(|k| k.path).collect();
        let opened: Vec<Option<Opened<'_>>> = files
            .into_iter()
            .map(|Keyed { key, path, file }| {
                let opened = self.open_entry_with(key, path, file, opts)?;
                (opened.stored.range.len() as u64 <= self.max_entry).then_some(opened)
            })
            .collect();
        // The entries, one after the other in one buffer kept from group to
        // group (fresh memory for each would be paged in anew), then the files'
        // heads: `used` of it hold this group's, and the rest is written over
        // without being zeroed first. Entries that follow one another in the
        // pack (as a load writes a group's, [`session::Batch::load_group`]) are
        // read at once: one read per run of them, not one per entry.
        let mut read = std::mem::take(packer.scratch());
        let mut used = 0;
        // Each run: where it is in the pack, and where it goes in `read`.
        let mut runs: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        // Each opened entry's place in `read`, and the run it is read with.
        let mut placed: Vec<Option<(std::ops::Range<usize>, usize)>> = Vec::new();
        let mut last_end = None;
        for opened in &opened {
            let Some(opened) = opened else {
                placed.push(None);
                last_end = None;
                continue;
            };
            let range = &opened.stored.range;
            match runs.last_mut() {
                Some((run, _)) if last_end == Some(range.start) => run.end = range.end,
                _ => runs.push((range.clone(), used)),
            }
            last_end = Some(range.end);
            placed.push(Some((used..used + range.len(), runs.len() - 1)));
            used += range.len();
        }
        let heads_at = used;
        let heads = opened.iter().filter(|o| o.is_some()).count();
        used += heads * HEAD;
        if read.len() < used {
            read.resize(used, 0);
        }
        let file = self.file.as_ref();
        let run_read: Vec<bool> = runs
            .iter()
            .map(|(run, at)| {
                file.is_some_and(|f| {
                    read_at(f, &mut read[*at..*at + run.len()], run.start as u64).is_ok()
                })
            })
            .collect();
        // Each hit's file, problems, where its head and its story (still
        // encoded) are in `read`, and where its texts went.
        let mut head_at = heads_at;
        let checked: Vec<_> = opened
            .into_iter()
            .zip(placed)
            .map(|(opened, placed)| {
                let opened = opened?;
                let this_head = head_at;
                head_at += HEAD;
                let (entry, run) = placed?;
                if !run_read.get(run).copied().unwrap_or(false) {
                    return None;
                }
                opened.read_head(&mut read[this_head..this_head + HEAD])?;
                self.checked(opened.stored, &read[entry.clone()])?;
                let (head, body) = split_entry(&read[entry.clone()])?;
                let (diagnostics, _) = problems(head)?;
                let (texts, lengths, story) = split_body(body)?;
                let gathered = gather(packer, texts, &lengths)?;
                let story_at = entry.end - story.len();
                Some((
                    opened,
                    this_head,
                    story_at..entry.end,
                    diagnostics,
                    gathered,
                ))
            })
            .collect();
        packer.finish();
        let buffer = packer.buffer().cloned().unwrap_or_default();
        let results = checked
            .into_iter()
            .zip(paths)
            .map(|(opened, path)| {
                let (opened, head_at, story_at, diagnostics, gathered) = opened?;
                let story: Option<Story> = read_spans(buffer.clone(), gathered, || {
                    postcard::from_bytes(&read[story_at])
                })
                .ok()?;
                let head = &read[head_at..head_at + HEAD];
                let mut whole = None;
                if let Some(s) = &story {
                    if !crate::story::validate::invariants_hold(s)
                        || !opened.has(head, &s.id, &mut whole)
                        || !opened.has(head, &s.title, &mut whole)
                    {
                        return None;
                    }
                }
                let mut result = result_at(path, (story, diagnostics));
                if let Some(s) = result.story.as_mut() {
                    s.file = path.to_path_buf();
                }
                Some(result)
            })
            .collect();
        packer.reset();
        *packer.scratch() = read;
        results
    }

    /// One entry's bytes, checked against its checksums.
    fn read(&self, stored: &Stored) -> Option<Vec<u8>> {
        if stored.range.len() as u64 > self.max_entry {
            return None;
        }
        let mut blob = vec![0; stored.range.len()];
        self.read_checked(stored, &mut blob).map(|()| blob)
    }

    /// One entry's bytes into `out` (as long as the entry), checked against its
    /// checksums.
    fn read_checked(&self, stored: &Stored, out: &mut [u8]) -> Option<()> {
        if out.len() != stored.range.len() {
            return None;
        }
        read_at(self.file.as_ref()?, out, stored.range.start as u64).ok()?;
        self.checked(stored, out)
    }

    /// Whether an entry's bytes (as long as the entry) match its checksums.
    fn checked(&self, stored: &Stored, bytes: &[u8]) -> Option<()> {
        if bytes.len() != stored.range.len() {
            return None;
        }
        let (head, body) = bytes.split_at(stored.head);
        (checksum(head) == stored.head_sum && checksum(body) == stored.sum).then_some(())
    }

    /// One entry's head (with its length), checked against its checksum.
    fn read_head(&self, stored: &Stored) -> Option<Vec<u8>> {
        if stored.head as u64 > self.max_entry {
            return None;
        }
        let mut head = vec![0; stored.head];
        read_at(self.file.as_ref()?, &mut head, stored.range.start as u64).ok()?;
        (checksum(&head) == stored.head_sum).then_some(head)
    }

    /// How many entries the pack held when opened.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The encoded result of this version of the file, as stored.
    pub fn blob(&self, key: &Key) -> Option<Vec<u8>> {
        let stored = self.entries.get(path_bytes(&key.canonical))?;
        if stored.size != key.size || stored.times != key.times {
            return None;
        }
        self.read(stored)
    }

    /// Starts writing this pack anew (into a temporary file, renamed at the end).
    pub fn writer(&self) -> std::io::Result<Writer> {
        std::fs::create_dir_all(&self.dir)?;
        let tmp = self
            .path
            .with_extension(format!("tmp-{}", std::process::id()));
        let file = std::fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        out.write_all(MAGIC)?;
        Ok(Writer {
            out,
            tmp,
            path: self.path.clone(),
            offset: MAGIC.len() as u64,
            table: Vec::new(),
            count: 0,
        })
    }

    /// Whether a result loaded from the file with this key (taken before it was
    /// read) may be cached: the file was read whole and had not just changed.
    pub fn cacheable(&self, key: &Key, result: &FileResult, opts: &LoadOptions) -> bool {
        !result.io_error && key.size <= opts.max_file_size && key.settled(self.started, self.settle)
    }
}

/// The encoded form of a result, as a pack stores it: the length of its head (4
/// bytes), its head (the problems, then the story's outline), its body (the
/// story's distinct texts in one blob, their lengths, then the story with each
/// text written as its number among them).
pub fn encode(result: &FileResult) -> Option<Vec<u8>> {
    let mut out = postcard::to_extend(&result.diagnostics, vec![0; 4]).ok()?;
    out = postcard::to_extend(&result.story.as_ref().map(Outline::of), out).ok()?;
    let head = u32::try_from(out.len()).ok()?;
    out[..4].copy_from_slice(&head.to_le_bytes());
    let (blob, lengths, story) =
        crate::story::text::write_spans(|| postcard::to_allocvec(&result.story));
    out = postcard::to_extend(blob.as_str(), out).ok()?;
    out = postcard::to_extend(&lengths, out).ok()?;
    out.extend_from_slice(&story.ok()?);
    Some(out)
}

/// An entry's body → its story: the texts' blob becomes the story's one buffer
/// and each text a span of it; `None` when the body does not decode, its
/// lengths do not cut the blob into its texts, or a text's number has no text.
fn decode_body(body: &[u8]) -> Option<Option<Story>> {
    let (blob, lengths, rest) = split_body(body)?;
    let places = crate::story::text::texts_of(blob, &lengths)?;
    let buffer = if blob.is_empty() {
        arcstr::ArcStr::new()
    } else {
        arcstr::ArcStr::from(blob)
    };
    crate::story::text::read_spans(buffer, places, || postcard::from_bytes(rest)).ok()
}

/// An entry's body → its texts' blob, the lengths of the distinct texts in it,
/// and the story (with its texts written as their numbers), still encoded.
fn split_body(body: &[u8]) -> Option<(&str, Vec<u32>, &[u8])> {
    // Written as a string, read as its bytes (the same encoding: a length, then
    // the bytes) and checked as UTF-8 by `simdutf8`, which checks the texts of
    // a cache hit in a fraction of the time the standard check takes (issue 19).
    let (blob, rest): (&[u8], &[u8]) = postcard::take_from_bytes(body).ok()?;
    let blob = simdutf8::basic::from_utf8(blob).ok()?;
    let (lengths, rest): (Vec<u32>, &[u8]) = postcard::take_from_bytes(rest).ok()?;
    Some((blob, lengths, rest))
}

/// An entry's head (with the 4 bytes of its length) and body, or `None` when its
/// length does not fit.
fn split_entry(blob: &[u8]) -> Option<(&[u8], &[u8])> {
    let head = u32::from_le_bytes(blob.get(..4)?.try_into().ok()?);
    let head = usize::try_from(head).ok()?;
    (head >= 4 && head <= blob.len()).then(|| blob.split_at(head))
}

/// A pack being written: entries go straight to a temporary file.
pub struct Writer {
    out: std::io::BufWriter<std::fs::File>,
    tmp: PathBuf,
    path: PathBuf,
    offset: u64,
    table: Vec<u8>,
    count: u64,
}

impl Writer {
    /// Adds one entry: the file's key and its encoded result ([`encode`]).
    pub fn add(&mut self, key: &Key, blob: &[u8]) -> std::io::Result<()> {
        let (head, body) = split_entry(blob).ok_or(std::io::ErrorKind::InvalidInput)?;
        self.out.write_all(blob)?;
        let path = path_bytes(&key.canonical);
        put(&mut self.table, path.len() as u64);
        self.table.extend_from_slice(path);
        put(&mut self.table, key.size);
        for t in key.times {
            put(&mut self.table, t);
        }
        put(&mut self.table, self.offset);
        put(&mut self.table, blob.len() as u64);
        put(&mut self.table, head.len() as u64);
        put(&mut self.table, checksum(head));
        put(&mut self.table, checksum(body));
        self.offset += blob.len() as u64;
        self.count += 1;
        Ok(())
    }

    /// Writes the table and puts the pack in place (and prunes old packs).
    pub fn finish(mut self) -> std::io::Result<()> {
        let result = self.close();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        if let Some(dir) = self.path.parent() {
            prune(dir, &self.path);
        }
        result
    }

    fn close(&mut self) -> std::io::Result<()> {
        let mut head = Vec::with_capacity(8 + self.table.len());
        put(&mut head, self.count);
        head.extend_from_slice(&self.table);
        self.out.write_all(&head)?;
        let mut tail = Vec::new();
        put(&mut tail, checksum(&head));
        put(&mut tail, self.offset);
        tail.extend_from_slice(MAGIC);
        self.out.write_all(&tail)?;
        self.out.flush()?;
        std::fs::rename(&self.tmp, &self.path)
    }
}

impl Drop for Writer {
    /// A writer dropped before [`Writer::finish`] leaves no temporary file behind.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Removes packs nobody wrote for a month, and temporary files left by a crash.
fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with("corpus-") {
            continue;
        }
        let age = e
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .unwrap_or_default();
        let old = if name.contains(".tmp-") {
            age > Duration::from_secs(3600)
        } else {
            age > PRUNE_AFTER
        };
        if old && e.path() != keep {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn put(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Reads little-endian numbers and byte runs from a slice, failing past its end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file.try_clone()?;
    f.seek(SeekFrom::Start(offset))?;
    f.read_exact(buf)
}

/// The entries of a pack, or `None` when it is not a whole pack with an intact
/// table (each entry's own checksum is checked when it is read).
fn read_table(file: &std::fs::File) -> Option<Entries> {
    let n = usize::try_from(file.metadata().ok()?.len()).ok()?;
    if n < 2 * MAGIC.len() + 16 {
        return None;
    }
    let mut magic = [0u8; 8];
    read_at(file, &mut magic, 0).ok()?;
    let mut tail = [0u8; 24];
    read_at(file, &mut tail, (n - 24) as u64).ok()?;
    if &magic != MAGIC || &tail[16..] != MAGIC {
        return None;
    }
    let mut t = Reader(&tail[..16]);
    let head_sum = t.u64()?;
    let table_at = usize::try_from(t.u64()?).ok()?;
    if table_at < MAGIC.len() || table_at > n - 24 {
        return None;
    }
    // Bounded before anything is allocated: a sparse pack can claim any size.
    if n - 24 - table_at > MAX_TABLE {
        return None;
    }
    let mut head = vec![0u8; n - 24 - table_at];
    read_at(file, &mut head, table_at as u64).ok()?;
    if checksum(&head) != head_sum {
        return None;
    }
    let mut r = Reader(&head);
    let count = usize::try_from(r.u64()?).ok()?;
    let mut entries =
        Entries::with_capacity_and_hasher(count.min(head.len() / 64), Default::default());
    for _ in 0..count {
        let len = usize::try_from(r.u64()?).ok()?;
        let path: Box<[u8]> = r.bytes(len)?.into();
        let size = r.u64()?;
        let times = [r.u64()?, r.u64()?, r.u64()?, r.u64()?];
        let offset = usize::try_from(r.u64()?).ok()?;
        let len = usize::try_from(r.u64()?).ok()?;
        let head = usize::try_from(r.u64()?).ok()?;
        let head_sum = r.u64()?;
        let sum = r.u64()?;
        let end = offset.checked_add(len)?;
        if offset < MAGIC.len() || end > table_at || head < 4 || head > len {
            return None;
        }
        entries.insert(
            path,
            Stored {
                size,
                times,
                range: offset..end,
                head,
                head_sum,
                sum,
            },
        );
    }
    Some(entries)
}

/// What an entry decodes to: a story (or its outline) and the file's problems.
type Decoded<S> = (Option<S>, Vec<Diagnostic>);

/// One entry's blob → the story and problems it holds, for the file whose bytes
/// are `bytes`; `None` (a miss: the file is parsed again) when the blob does not
/// decode, or its story does not hold what a checked story holds (dates, unique
/// ids, references), or its id or title is not in the file.
pub fn decode(blob: &[u8], bytes: &[u8]) -> Option<Decoded<Story>> {
    decode_checked(blob, &mut |text| words_in(bytes, text))
}

/// [`decode`] for the outline only, from the entry's head (the first part of the
/// blob; the rest is not looked at), checked as [`decode`] checks a story.
pub fn decode_outline(blob: &[u8], bytes: &[u8]) -> Option<Decoded<Outline>> {
    decode_outline_checked(blob, &mut |text| words_in(bytes, text))
}

/// The problems at the start of an entry's head, bounded as the loader's are, and
/// what follows them in the head.
fn problems(head: &[u8]) -> Option<(Vec<Diagnostic>, &[u8])> {
    let (diagnostics, rest): (Vec<Diagnostic>, _) =
        postcard::take_from_bytes(head.get(4..)?).ok()?;
    Some((
        diagnostics.into_iter().map(Diagnostic::bounded).collect(),
        rest,
    ))
}

/// [`decode`], with `in_file` telling whether a text's words are in the file.
fn decode_checked(blob: &[u8], in_file: &mut dyn FnMut(&str) -> bool) -> Option<Decoded<Story>> {
    let (head, body) = split_entry(blob)?;
    let (diagnostics, _) = problems(head)?;
    let story = decode_body(body)?;
    if let Some(s) = &story {
        if !crate::story::validate::invariants_hold(s) || !in_file(&s.id) || !in_file(&s.title) {
            return None;
        }
    }
    Some((story, diagnostics))
}

/// [`decode_outline`], with `in_file` telling whether a text's words are in the file.
fn decode_outline_checked(
    blob: &[u8],
    in_file: &mut dyn FnMut(&str) -> bool,
) -> Option<Decoded<Outline>> {
    // The whole entry, or its head read alone.
    let (head, _) = split_entry(blob)?;
    let (diagnostics, rest) = problems(head)?;
    let outline: Option<Outline> = postcard::from_bytes(rest).ok()?;
    if let Some(o) = &outline {
        if !crate::story::validate::outline_holds(o) || !in_file(&o.id) || !in_file(&o.title) {
            return None;
        }
    }
    Some((outline, diagnostics))
}

/// The number of entries of the pack in `file`, or `None` when it is not a whole
/// pack (for the fuzz target of the table).
#[doc(hidden)]
pub fn table_len(file: &std::fs::File) -> Option<usize> {
    read_table(file).map(|t| t.len())
}

/// Whether the words of `text` are in `bytes` in order (a text written over
/// several lines is folded into one; an escaped character is not found, and the
/// file is parsed again).
fn words_in(bytes: &[u8], text: &str) -> bool {
    // Nearly always written on one line as it is, near the top (a story's id and
    // title): looked for there first at each place its first byte is, which costs
    // less than making a searcher (issue 19); then one search.
    if starts_near(bytes, text.as_bytes())
        || (!text.is_empty() && memchr::memmem::find(bytes, text.as_bytes()).is_some())
    {
        return true;
    }
    let mut from = 0;
    text.split_whitespace().all(
        |w| match memchr::memmem::find(&bytes[from..], w.as_bytes()) {
            Some(i) => {
                from += i + w.len();
                true
            }
            None => false,
        },
    )
}

/// Whether `text` (not empty) starts in the first [`NEAR`] bytes of `bytes`.
fn starts_near(bytes: &[u8], text: &[u8]) -> bool {
    let Some(&first) = text.first() else {
        return false;
    };
    let near = &bytes[..bytes.len().min(NEAR)];
    memchr::memchr_iter(first, near).any(|at| bytes[at..].starts_with(text))
}

/// How far [`words_in`] looks at each place a text's first byte is, before
/// it searches the whole text (a bound on the work of a text written many times
/// over, in part).
const NEAR: usize = 1024;

/// FNV-1a, for naming packs (stable across runs and builds).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A fast checksum over 8-byte words, to catch a damaged or truncated pack
/// (not an adversary: the cache is the user's own). Four words at a time, each
/// into a lane of its own, so that the lanes' multiplications overlap (one chain
/// of them waited for each multiplication: a twentieth of a warm explorer load of
/// 100,000 stories, issue 19); the lanes are then mixed in order, so a word moved
/// from one lane to another changes the sum.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let word = |c: &[u8]| {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        u64::from_le_bytes(w)
    };
    let seed = (bytes.len() as u64).wrapping_mul(K);
    let mut lanes = [seed, seed ^ 1, seed ^ 2, seed ^ 3];
    let mut blocks = bytes.chunks_exact(32);
    for b in &mut blocks {
        lanes[0] = mix(lanes[0], word(&b[..8]));
        lanes[1] = mix(lanes[1], word(&b[8..16]));
        lanes[2] = mix(lanes[2], word(&b[16..24]));
        lanes[3] = mix(lanes[3], word(&b[24..32]));
    }
    let mut h = lanes.iter().fold(seed, |h, &lane| mix(h, lane));
    let mut words = blocks.remainder().chunks_exact(8);
    for w in &mut words {
        h = mix(h, word(w));
    }
    h = (h ^ word(words.remainder())).wrapping_mul(K);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_a_flipped_bit_and_a_cut() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let sum = checksum(&data);
        // Every bit of every byte: in each of the four lanes, and in the words
        // and bytes after the last 32-byte block.
        for i in 0..data.len() {
            for bit in 0..8 {
                let mut d = data.clone();
                d[i] ^= 1 << bit;
                assert_ne!(checksum(&d), sum, "bit {bit} flipped at {i}");
            }
        }
        for n in [0, 1, 7, 8, 31, 32, 33, 500, 992, 999] {
            assert_ne!(checksum(&data[..n]), sum, "cut at {n}");
        }
        let mut zero_tail = data.clone();
        zero_tail.push(0);
        assert_ne!(checksum(&zero_tail), sum);
        // Two words swapped, between lanes and between blocks.
        for (a, b) in [(0, 8), (8, 24), (0, 32), (40, 72)] {
            let mut d = data.clone();
            for k in 0..8 {
                d.swap(a + k, b + k);
            }
            assert_ne!(checksum(&d), sum, "words at {a} and {b} swapped");
        }
        // All zeros of different lengths differ.
        let zeros = vec![0u8; 256];
        let sums: std::collections::HashSet<u64> =
            (0..=256).map(|n| checksum(&zeros[..n])).collect();
        assert_eq!(sums.len(), 257);
    }

    /// A text is found in a file's bytes near the top, past the first
    /// [`NEAR`] bytes, after a false start (its first bytes, then another),
    /// or spread over lines; not found when only a part of it is there.
    #[test]
    fn words_in_finds_a_text_near_the_top_and_further_down() {
        let far = format!("{}id: far-story\ntitle: Far\n", "#\n".repeat(NEAR));
        let cases: [(&str, &str, bool); 8] = [
            ("id: a-story\ntitle: A title\n", "a-story", true),
            ("id: a-story\ntitle: A title\n", "A title", true),
            (far.as_str(), "far-story", true),
            ("id: a-stor\nid: a-story\n", "a-story", true),
            (
                "title: >\n  A title written\n  over lines\n",
                "A title written over lines",
                true,
            ),
            ("id: a-stor\n", "a-story", false),
            ("id: a-story\n", "b-story", false),
            ("", "a-story", false),
        ];
        for (bytes, text, found) in cases {
            assert_eq!(
                words_in(bytes.as_bytes(), text),
                found,
                "{text:?} in {bytes:?}"
            );
        }
    }

    #[test]
    fn a_damaged_pack_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        for (i, bytes) in [
            Vec::new(),
            MAGIC.repeat(4),
            b"not a pack at all, just text".to_vec(),
        ]
        .iter()
        .enumerate()
        {
            let path = dir.path().join(format!("p{i}"));
            std::fs::write(&path, bytes).unwrap();
            assert!(read_table(&std::fs::File::open(&path).unwrap()).is_none());
        }
    }

    /// A sparse pack of 8 GiB whose table claims to start right after the magic:
    /// refused before anything is allocated for it (it reached `vec![0; 8 GiB]`).
    #[test]
    fn a_sparse_pack_is_refused_before_allocating() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sparse.pack");
        let f = std::fs::File::create(&path).unwrap();
        let n: u64 = 8 << 30;
        f.set_len(n).unwrap();
        let mut tail = Vec::new();
        put(&mut tail, 0);
        put(&mut tail, MAGIC.len() as u64);
        tail.extend_from_slice(MAGIC);
        std::os::unix::fs::FileExt::write_all_at(&f, MAGIC, 0).unwrap();
        std::os::unix::fs::FileExt::write_all_at(&f, &tail, n - 24).unwrap();
        assert!(read_table(&std::fs::File::open(&path).unwrap()).is_none());
    }

    /// The key through resolved folders is the key of [`Key::of`]: for a file, a
    /// file through a linked folder, a link to a file, and a relative path.
    #[cfg(unix)]
    #[test]
    fn keys_through_resolved_folders_are_the_files_keys() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("a.yaml"), "id: a\n").unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("linked")).unwrap();
        std::os::unix::fs::symlink(real.join("a.yaml"), real.join("b.yaml")).unwrap();
        let dirs = Mutex::default();
        for path in [
            real.join("a.yaml"),
            dir.path().join("linked/a.yaml"),
            real.join("b.yaml"),
            dir.path().join("linked/b.yaml"),
        ] {
            let key = Key::of_in(&path, &dirs).unwrap();
            assert_eq!(Some(&key), Key::of(&path).as_ref(), "{path:?}");
            assert_eq!(key.canonical, real.join("a.yaml").canonicalize().unwrap());
        }
        assert!(Key::of_in(&dir.path().join("missing.yaml"), &dirs).is_none());
        assert!(Key::of_in(&real, &dirs).is_none(), "a folder has no key");
        let here = std::env::current_dir().unwrap();
        let relative = Path::new("Cargo.toml");
        if here.join(relative).is_file() {
            assert_eq!(Key::of_in(relative, &dirs), Key::of(relative));
        }
    }

    /// The cache is untrusted: a problem decoded from it is bounded like one the
    /// loader makes, so a crafted entry cannot print a megabyte message.
    #[test]
    fn a_decoded_problem_is_bounded() {
        let huge = "k".repeat(1 << 20);
        let crafted = FileResult {
            path: PathBuf::from("a.yaml"),
            story: None,
            diagnostics: vec![Diagnostic {
                file: PathBuf::new(),
                location: None,
                severity: crate::story::Severity::Error,
                path: huge.clone(),
                message: format!("unknown key `{huge}`"),
                related: None,
            }],
            io_error: false,
        };
        let blob = encode(&crafted).unwrap();
        let (story, problems) = decode(&blob, b"").unwrap();
        assert!(story.is_none());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].path.chars().count() <= 81,
            "{}",
            problems[0].path.len()
        );
        assert!(
            problems[0].message.len() < 400,
            "{}",
            problems[0].message.len()
        );
        assert!(problems[0].message.starts_with("unknown key `kkk"));
    }

    /// The cache is untrusted: an entry whose texts' spans fall outside its blob,
    /// or inside a character, or whose blob is not UTF-8, is a miss (the file is
    /// parsed again), never a panic; the honest entry decodes to the story.
    #[test]
    fn an_entry_whose_spans_are_outside_its_texts_is_a_miss() {
        let mut story = crate::synth::story(0);
        let file = crate::synth::to_yaml(&story);
        // Not kept in the entry: the loader puts the file's path back.
        story.file = PathBuf::new();
        let result = FileResult {
            story: Some(story.clone()),
            ..FileResult::default()
        };
        let blob = encode(&result).unwrap();
        let (decoded, _) = decode(&blob, file.as_bytes()).unwrap();
        assert_eq!(format!("{:?}", decoded.unwrap()), format!("{story:?}"));

        let (head, body) = split_entry(&blob).unwrap();
        let (texts, rest): (&str, &[u8]) = postcard::take_from_bytes(body).unwrap();
        let mut half = texts.len() / 2;
        while !texts.is_char_boundary(half) {
            half -= 1;
        }
        let with_texts = |texts: &[u8]| {
            let mut out = head.to_vec();
            out.extend_from_slice(&postcard::to_allocvec(&texts.len()).unwrap());
            out.extend_from_slice(texts);
            out.extend_from_slice(rest);
            out
        };
        let inside_chars = "é".repeat(texts.len() / 2 + 1);
        let mut not_utf8 = texts.as_bytes().to_vec();
        not_utf8[0] = 0xff;
        // The same length, so only the check of the blob's UTF-8 refuses these:
        // a byte no character has, a surrogate, an overlong `/`, past the first
        // 64 bytes (where a vectorised check looks at blocks).
        assert!(texts.len() > 200, "a blob long enough: {}", texts.len());
        let ascii_at = |from: usize| {
            (from..texts.len() - 3)
                .find(|&i| texts.as_bytes()[i..i + 3].is_ascii())
                .unwrap()
        };
        let with_at = |from: usize, bad: &[u8]| {
            let mut out = texts.as_bytes().to_vec();
            let at = ascii_at(from);
            out[at..at + bad.len()].copy_from_slice(bad);
            out
        };
        let late_ff = with_at(texts.len() - 40, &[0xff]);
        let surrogate = with_at(texts.len() / 2, &[0xed, 0xa0, 0x80]);
        let overlong = with_at(130, &[0xc0, 0xaf]);
        for (what, texts) in [
            ("cut in half", &texts.as_bytes()[..half]),
            ("empty", &b""[..]),
            ("spans inside characters", inside_chars.as_bytes()),
            ("not UTF-8", &not_utf8[..]),
            ("0xff late in the blob", &late_ff[..]),
            ("a surrogate", &surrogate[..]),
            ("an overlong character", &overlong[..]),
        ] {
            let crafted = with_texts(texts);
            assert!(
                decode(&crafted, file.as_bytes()).is_none(),
                "{what}: decoded"
            );
        }
    }

    /// The explorer's group of hits ([`Pack::get_group`]): every honest entry
    /// decodes to the story parsed from its file, all in one buffer, a text of
    /// several stories stored once; an entry whose lengths do not cut its blob
    /// into its texts (too short, too long, an empty text, inside a character,
    /// none at all as in the layout before), or that has fewer texts than its
    /// story's numbers, is a miss (`None`: the file is parsed again), never a panic, and the
    /// other files of the group are still hits.
    #[test]
    fn a_group_of_hits_shares_one_buffer_and_a_crafted_entry_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let opts = LoadOptions::default();
        let mut stories = Vec::new();
        for n in 0..3 {
            let mut story = crate::synth::story(n);
            story.title = format!("Été {}", story.title).into();
            let path = dir.path().join(format!("{n}.yaml"));
            std::fs::write(&path, crate::synth::to_yaml(&story)).unwrap();
            stories.push((path, story));
        }
        let cache = Cache {
            settle: Duration::ZERO,
            min_files: 1,
            ..Cache::at(home.path())
        };
        let roots = [dir.path().to_path_buf()];
        let parsed: Vec<FileResult> = stories
            .iter()
            .map(|(path, _)| crate::story::load::load_file(path, &opts))
            .collect();
        let write = |middle: Option<Vec<u8>>| {
            let pack = cache.open(&roots, 3, &opts).unwrap();
            let mut w = pack.writer().unwrap();
            for (i, (path, _)) in stories.iter().enumerate() {
                let mut blob = encode(&parsed[i]).unwrap();
                if i == 1 {
                    if let Some(crafted) = &middle {
                        blob = crafted.clone();
                    }
                }
                w.add(&Key::of(path).unwrap(), &blob).unwrap();
            }
            w.finish().unwrap();
        };
        let group = || {
            let pack = cache.open(&roots, 3, &opts).unwrap();
            // The first and the last opened to be keyed (as the explorer's
            // load does): their keys are the files' keys all the same.
            let mut keys: Vec<(Key, Option<std::fs::File>)> = stories
                .iter()
                .enumerate()
                .map(|(i, (p, _))| match i {
                    1 => (Key::of(p).unwrap(), None),
                    _ => pack.open_found(p).unwrap(),
                })
                .collect();
            for ((key, _), (p, _)) in keys.iter().zip(&stories) {
                assert_eq!(Some(key), Key::of(p).as_ref());
            }
            let files: Vec<Keyed> = keys
                .iter_mut()
                .zip(&stories)
                .map(|((key, file), (path, _))| Keyed {
                    key,
                    path,
                    file: file.take(),
                })
                .collect();
            pack.get_group(files, &opts, &mut crate::story::model::Packer::default())
        };

        write(None);
        let got = group();
        for (got, parsed) in got.iter().zip(&parsed) {
            assert_eq!(format!("{got:?}"), format!("{:?}", Some(parsed)));
        }
        let story = |i: usize| got[i].as_ref().unwrap().story.as_ref().unwrap();
        assert!(story(0).id.shares_buffer_with(&story(2).title));
        let (a, b) = (&story(0).sources[0].id, &story(2).sources[0].id);
        assert_eq!(a, b);
        assert_eq!(
            a.as_ptr(),
            b.as_ptr(),
            "a text of two stories is stored once"
        );

        let honest = encode(&parsed[1]).unwrap();
        let (head, body) = split_entry(&honest).unwrap();
        let (texts, lengths, rest) = split_body(body).unwrap();
        let with_lengths = |lengths: Option<&[u32]>| {
            let mut out = postcard::to_extend(texts, head.to_vec()).unwrap();
            if let Some(lengths) = lengths {
                out = postcard::to_extend(lengths, out).unwrap();
            }
            out.extend_from_slice(rest);
            out
        };
        let accent = texts.find('É').unwrap() as u32;
        let mut fewer = lengths.clone();
        let last = fewer.pop().unwrap();
        *fewer.last_mut().unwrap() += last;
        let crafts: [(&str, Option<Vec<u32>>); 6] = [
            ("one text short", Some(lengths[1..].to_vec())),
            ("one text too many", Some([&lengths[..], &[4]].concat())),
            ("an empty text", Some([&[0], &lengths[..]].concat())),
            (
                "a cut inside a character",
                Some(vec![accent + 1, texts.len() as u32 - accent - 1]),
            ),
            ("the last text with no number of its own", Some(fewer)),
            ("no lengths (the layout before)", None),
        ];
        for (what, lengths) in crafts {
            write(Some(with_lengths(lengths.as_deref())));
            let got = group();
            assert!(got[1].is_none(), "{what}: a hit");
            for i in [0, 2] {
                assert_eq!(
                    format!("{:?}", got[i]),
                    format!("{:?}", Some(&parsed[i])),
                    "{what}: {i}"
                );
            }
        }
        // The honest entry rebuilt from its parts is a hit again.
        write(Some(with_lengths(Some(&lengths))));
        assert!(group()[1].is_some());
    }

    /// A group's entries are read a run at a time (entries that follow one
    /// another in the pack, in the group's order): in a pack whose entries are
    /// in another order (as packs written before were: in the order files were
    /// parsed), with another file's entry between two of the group's, and one
    /// entry read twice, every file is the hit it was; a pack cut short after
    /// it was opened gives misses, not a panic.
    #[test]
    fn a_group_is_read_the_same_whatever_the_order_of_its_entries() {
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let opts = LoadOptions::default();
        let paths: Vec<PathBuf> = (0..6)
            .map(|n| {
                let path = dir.path().join(format!("{n}.yaml"));
                std::fs::write(&path, crate::synth::to_yaml(&crate::synth::story(n))).unwrap();
                path
            })
            .collect();
        let cache = Cache {
            settle: Duration::ZERO,
            min_files: 1,
            ..Cache::at(home.path())
        };
        let roots = [dir.path().to_path_buf()];
        let parsed: Vec<FileResult> = paths
            .iter()
            .map(|path| crate::story::load::load_file(path, &opts))
            .collect();
        let group = |pack: &Pack, asked: &[usize]| {
            let keys: Vec<Key> = asked.iter().map(|&i| Key::of(&paths[i]).unwrap()).collect();
            let files: Vec<Keyed> = keys
                .iter()
                .zip(asked)
                .map(|(key, &i)| Keyed {
                    key,
                    path: &paths[i],
                    file: None,
                })
                .collect();
            pack.get_group(files, &opts, &mut crate::story::model::Packer::default())
        };
        // Asked: 0..5 and 1 again; the pack holds 4, 3, 5, 1, 0, 2 in that order.
        let asked = [0, 1, 2, 3, 4, 1];
        for order in [[0, 1, 2, 3, 4, 5], [4, 3, 5, 1, 0, 2]] {
            let pack = cache.open(&roots, 6, &opts).unwrap();
            let mut w = pack.writer().unwrap();
            for i in order {
                w.add(&Key::of(&paths[i]).unwrap(), &encode(&parsed[i]).unwrap())
                    .unwrap();
            }
            w.finish().unwrap();
            let pack = cache.open(&roots, 6, &opts).unwrap();
            let got = group(&pack, &asked);
            for (got, &i) in got.iter().zip(&asked) {
                assert_eq!(
                    format!("{got:?}"),
                    format!("{:?}", Some(&parsed[i])),
                    "{order:?}: {i}"
                );
            }
            // Cut short after it was opened (to its magic): nothing is a hit.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(pack.path())
                .unwrap();
            file.set_len(MAGIC.len() as u64).unwrap();
            assert!(
                group(&pack, &asked).iter().all(Option::is_none),
                "{order:?}"
            );
        }
    }

    #[test]
    fn words_of_a_text_are_found_in_order_across_lines() {
        let file = b"title: >-\n  A story\n  told over lines\n";
        assert!(words_in(file, "A story told over lines"));
        assert!(!words_in(file, "A story told twice"));
        assert!(!words_in(file, "lines told"));
    }
}
