//! One load's session with a pack: serves the files the pack holds, and writes the
//! pack anew once some file was parsed or some file in it is gone (the entries
//! served so far, then each parsed file's as soon as it is encoded, or for the
//! explorer's groups each group's together once it is parsed, in file order, so that
//! a later load reads them at once: a pack's entries may come in any order, so no
//! batch holds its encoded entries all at once).

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use super::{encode, Key, Keyed, Pack, Writer};
use crate::story::load::{from_bytes, load_file, read_file, FileResult, LoadOptions};
use crate::story::outline::Outline;
use crate::story::Story;

/// What a load keeps of each story: the story whole, or its [`Outline`] (for a
/// caller that needs no more: only the entry's head is read from the pack).
pub trait Kept: Sized + Send {
    /// The pack's result for this version of the file (see [`Pack::get`]).
    fn from_pack(
        pack: &Pack,
        key: &Key,
        path: &Path,
        opts: &LoadOptions,
    ) -> Option<FileResult<Self>>;
    /// [`Kept::from_pack`] for the files of a group kept together, whose stories
    /// are packed together ([`Kept::pack_with`]): each hit's, from the pack.
    fn from_pack_group(
        pack: &Pack,
        files: Vec<Keyed<'_>>,
        opts: &LoadOptions,
        packer: &mut crate::story::model::Packer,
    ) -> Vec<Option<FileResult<Self>>> {
        let mut hits: Vec<_> = files
            .iter()
            .map(|k| Self::from_pack(pack, k.key, k.path, opts))
            .collect();
        let mut kept: Vec<&mut Self> = hits
            .iter_mut()
            .filter_map(|r| r.as_mut()?.story.as_mut())
            .collect();
        Self::pack_with(&mut kept, packer);
        hits
    }
    /// What is kept of a result parsed from the file.
    fn from_parsed(result: FileResult) -> FileResult<Self>;
    /// Packs the texts of these into one buffer ([`Story::pack_with`]);
    /// nothing for outlines.
    fn pack_with(_: &mut [&mut Self], _: &mut crate::story::model::Packer) {}
}

impl Kept for Story {
    fn from_pack(pack: &Pack, key: &Key, path: &Path, opts: &LoadOptions) -> Option<FileResult> {
        pack.get(key, path, opts)
    }
    fn from_pack_group(
        pack: &Pack,
        files: Vec<Keyed<'_>>,
        opts: &LoadOptions,
        packer: &mut crate::story::model::Packer,
    ) -> Vec<Option<FileResult>> {
        pack.get_group(files, opts, packer)
    }
    fn from_parsed(result: FileResult) -> FileResult {
        result
    }
    fn pack_with(stories: &mut [&mut Story], packer: &mut crate::story::model::Packer) {
        Story::pack_with(stories, packer);
    }
}

impl Kept for Outline {
    fn from_pack(
        pack: &Pack,
        key: &Key,
        path: &Path,
        opts: &LoadOptions,
    ) -> Option<FileResult<Outline>> {
        pack.outline(key, path, opts)
    }
    fn from_parsed(result: FileResult) -> FileResult<Outline> {
        result.map(|story| Outline::of(&story))
    }
}

/// How the cache served a load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose result came from the cache.
    pub hits: usize,
    /// Files parsed (the cache had no current entry for them).
    pub misses: usize,
    /// Whether the pack was written anew.
    pub written: bool,
}

/// The pack of one load, and the new pack being written.
pub struct Session {
    pack: Pack,
    /// The pack being written, once some file missed.
    writer: Option<Writer>,
    /// Keys of the files served by the pack so far (copied over if it is written anew).
    hit_keys: Vec<Key>,
    stats: CacheStats,
}

/// How the cache served one file of a batch: the key of a hit, or a miss (parsed,
/// and put in the new pack when it may be cached).
pub struct Served(Option<Key>);

/// The new pack, while a batch is loaded in parallel.
struct Writing {
    writer: Option<Writer>,
    /// Whether writing was started (or tried: a failure is not retried).
    started: bool,
}

impl Writing {
    /// Starts the new pack, once per load, with the entries `hits` of the old
    /// one that were served so far.
    fn start(&mut self, pack: &Pack, hits: &[Key]) {
        if self.started {
            return;
        }
        self.started = true;
        let Ok(mut w) = pack.writer() else {
            return;
        };
        for key in hits {
            if let Some(blob) = pack.blob(key) {
                if w.add(key, &blob).is_err() {
                    return;
                }
            }
        }
        self.writer = Some(w);
    }

    /// Adds an entry; a failure to write ends the new pack.
    fn add(&mut self, key: &Key, blob: &[u8]) {
        if let Some(w) = self.writer.as_mut() {
            if w.add(key, blob).is_err() {
                self.writer = None;
            }
        }
    }
}

impl Session {
    pub fn new(pack: Pack) -> Session {
        Session {
            pack,
            writer: None,
            hit_keys: Vec::new(),
            stats: CacheStats::default(),
        }
    }

    pub fn stats(&self) -> CacheStats {
        self.stats
    }

    /// Opens one batch, whose files are then served in parallel ([`Batch::load`]).
    pub fn batch(&mut self) -> Batch<'_> {
        let writing = Mutex::new(Writing {
            writer: self.writer.take(),
            started: self.stats.written,
        });
        Batch {
            session: self,
            writing,
        }
    }

    /// A file served from the pack: its entry goes into the new pack, if one is written.
    fn hit(&mut self, key: Key) {
        self.stats.hits += 1;
        // The entry is read again only when a new pack is being written.
        if let Some(w) = self.writer.as_mut() {
            if let Some(blob) = self.pack.blob(&key) {
                if w.add(&key, &blob).is_err() {
                    self.writer = None;
                }
            }
        }
        self.hit_keys.push(key);
    }

    /// A file parsed: even one that may not be cached makes the pack stale.
    fn miss(&mut self) {
        self.stats.misses += 1;
        self.start_writing();
    }

    /// Starts writing the pack anew, with the entries served from it so far.
    fn start_writing(&mut self) {
        let mut writing = Writing {
            writer: self.writer.take(),
            started: self.stats.written,
        };
        writing.start(&self.pack, &self.hit_keys);
        self.writer = writing.writer;
        self.stats.written = writing.started;
    }

    /// Puts the new pack in place when the pack changed (some file was parsed, or
    /// some file in it is gone); call it once every file is loaded.
    pub fn finish(mut self) -> CacheStats {
        if self.pack.len() > self.stats.hits {
            self.start_writing();
        }
        let mut stats = self.stats;
        match self.writer.take() {
            Some(w) => stats.written = w.finish().is_ok(),
            None => stats.written = false,
        }
        stats
    }
}

/// A session while one batch loads in parallel: files are served through `&self`,
/// the new pack is behind a lock; [`Batch::end`] accounts for what was served.
pub struct Batch<'a> {
    session: &'a mut Session,
    writing: Mutex<Writing>,
}

impl Batch<'_> {
    /// The result for the file at `path` (what `S` keeps of it): from the pack when
    /// it holds this version of the file (checked against the file, see
    /// [`Pack::get`]), else parsed from its bytes, and the result goes into the new
    /// pack when it may be cached.
    pub fn load<S: Kept>(&self, path: &Path, opts: &LoadOptions) -> (FileResult<S>, Served) {
        match serve::<S>(&self.session.pack, path, opts) {
            Got::Hit(result, key) => (result, Served(Some(key))),
            Got::Parsed(result, key) => self.parsed(result, key, opts),
        }
    }

    /// [`Batch::load`] for the files of a group kept together (the explorer's,
    /// [`crate::corpus::load::PACKED_TOGETHER`]): the hits come from the pack with
    /// their stories packed together ([`Kept::from_pack_group`]), in one buffer
    /// straight from the entries; each file that is not a hit is parsed (its story
    /// not packed: the third of each says whether it is). A file that was a
    /// regular file (or a symlink) when found (the second of each path) is
    /// opened first and keyed from what was opened ([`Pack::open_found`]).
    pub fn load_group<S: Kept>(
        &self,
        paths: &[(&Path, bool)],
        opts: &LoadOptions,
        packer: &mut crate::story::model::Packer,
    ) -> Vec<(FileResult<S>, Served, bool)> {
        let pack = &self.session.pack;
        let mut opened: Vec<Option<(Key, Option<std::fs::File>)>> = paths
            .iter()
            .map(|&(path, regular)| match regular {
                true => pack.open_found(path),
                false => pack.key_of(path).map(|key| (key, None)),
            })
            .collect();
        let keyed: Vec<Keyed<'_>> = opened
            .iter_mut()
            .zip(paths)
            .filter_map(|(k, &(path, _))| {
                let (key, file) = k.as_mut()?;
                Some(Keyed {
                    key,
                    path,
                    file: file.take(),
                })
            })
            .collect();
        let mut hits = S::from_pack_group(pack, keyed, opts, packer).into_iter();
        // The entries of the files parsed, added to the pack together once the
        // group is done, in file order: a later load reads them at once.
        let mut encoded: Vec<(Key, Vec<u8>)> = Vec::new();
        let loaded = opened
            .into_iter()
            .map(|k| k.map(|(key, _)| key))
            .zip(paths)
            .map(|(key, &(path, _))| {
                let hit = if key.is_some() {
                    hits.next().flatten()
                } else {
                    None
                };
                match (hit, key) {
                    (Some(result), Some(key)) => (result, Served(Some(key)), true),
                    (_, key) => {
                        // As [`serve`] parses a file.
                        let (result, key) = match read_file(path, opts) {
                            Ok(bytes) => (from_bytes(path, &bytes, opts), key),
                            Err(_) => (load_file(path, opts), None),
                        };
                        if let Some(blob) = self.to_keep(&result, key.as_ref(), opts) {
                            encoded.extend(key.map(|key| (key, blob)));
                        }
                        (S::from_parsed(result), Served(None), false)
                    }
                }
            })
            .collect();
        if !encoded.is_empty() {
            let mut w = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
            w.start(pack, &self.session.hit_keys);
            for (key, blob) in &encoded {
                w.add(key, blob);
            }
        }
        loaded
    }

    /// The entry to write for a file just parsed, whose key (taken before it was
    /// read) is `key`, when it may be cached.
    fn to_keep(
        &self,
        result: &FileResult,
        key: Option<&Key>,
        opts: &LoadOptions,
    ) -> Option<Vec<u8>> {
        let pack = &self.session.pack;
        key.filter(|key| pack.cacheable(key, result, opts))
            .and_then(|_| encode(result))
    }

    /// A file parsed (whose key, taken before it was read, is `key`): its result
    /// goes into the new pack when it may be cached.
    fn parsed<S: Kept>(
        &self,
        result: FileResult,
        key: Option<Key>,
        opts: &LoadOptions,
    ) -> (FileResult<S>, Served) {
        if let (Some(blob), Some(key)) = (self.to_keep(&result, key.as_ref(), opts), &key) {
            let mut w = self.writing.lock().unwrap_or_else(PoisonError::into_inner);
            w.start(&self.session.pack, &self.session.hit_keys);
            w.add(key, &blob);
        }
        (S::from_parsed(result), Served(None))
    }

    /// Ends the batch: counts what was served, in the batch's file order.
    pub fn end(self, served: impl IntoIterator<Item = Served>) {
        let writing = self
            .writing
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let session = self.session;
        session.writer = writing.writer;
        session.stats.written = writing.started;
        for Served(hit) in served {
            match hit {
                Some(key) => session.hit(key),
                None => session.miss(),
            }
        }
    }
}

/// How a file was served: from the pack (what `S` keeps of it, with its key), or
/// parsed (whole, with its key when it could be taken).
// Made once per file and matched at once: a box would only add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum Got<S = Story> {
    Hit(FileResult<S>, Key),
    Parsed(FileResult, Option<Key>),
}

/// The result for the file at `path`: from the pack when it holds this version of
/// the file (checked against the file, see [`Pack::get`]), else parsed from its bytes.
pub fn serve<S: Kept>(pack: &Pack, path: &Path, opts: &LoadOptions) -> Got<S> {
    let key = pack.key_of(path);
    if let Some(key) = key.as_ref() {
        if let Some(result) = S::from_pack(pack, key, path, opts) {
            return Got::Hit(result, key.clone());
        }
    }
    match read_file(path, opts) {
        Ok(bytes) => Got::Parsed(from_bytes(path, &bytes, opts), key),
        Err(_) => Got::Parsed(load_file(path, opts), None),
    }
}
