//! The reviewed versions: when a story is marked reviewed, the version the reader
//! saw is kept here, so the explorer can say what changed since. One compact
//! entry per story (postcard of the story model, with a checksum) in
//! `$XDG_STATE_HOME/storyx/reviewed/` (never beside the stories, not in the
//! reading-state file, which stays small).
//!
//! An entry is untrusted input: read only up to [`MAX_ENTRY`] bytes, checked
//! (magic, the model's layout, checksum, the corpus and id it says it is for)
//! and decoded without panicking; anything else reads as [`Found::Unreadable`].
//! The whole store is kept under a cap (256 MB by default): after a save the
//! oldest entries are evicted, each leaving a small tombstone so the reader is
//! told, when that corpus is opened, that the story's reviewed version is gone.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::cache::checksum;
use crate::story::Story;

/// The folder's name in the state folder.
pub const DIR: &str = "reviewed";

/// The whole store's default cap, in bytes.
pub const DEFAULT_CAP: u64 = 256 * 1024 * 1024;

/// The largest entry read.
pub const MAX_ENTRY: u64 = 32 * 1024 * 1024;

const MAGIC: &[u8; 8] = b"sxrev01\n";

/// Magic, the model's layout, the checksum of the body; then the body.
const HEADER: usize = 8 + 8 + 8;

/// What one entry holds.
#[derive(Debug, Serialize, Deserialize)]
enum Record {
    /// The version the reader saw.
    Kept {
        corpus: String,
        file: String,
        saved: u64,
        story: Box<Story>,
    },
    /// Evicted to keep the store under its cap.
    Evicted {
        corpus: String,
        id: String,
        title: String,
        saved: u64,
    },
}

/// What the store has for a story.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Nothing: never reviewed here (or dismissed).
    Missing,
    /// The version the reader saw when they marked it reviewed (its `file` as it was).
    Kept(Box<Story>),
    /// The reviewed version was evicted to keep the store under its cap.
    Evicted { title: String },
    /// An entry that cannot be read: damaged, too big, or written by a storyx whose
    /// story model differs. Said why.
    Unreadable(String),
}

/// The reviewed versions, in one folder, under a cap.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
    pub cap: u64,
}

/// A story with every field filled, whose encoding changes whenever the model's
/// layout does (a field added, a type changed): entries of another layout are not
/// decoded as this one.
fn layout() -> u64 {
    static LAYOUT: OnceLock<u64> = OnceLock::new();
    *LAYOUT.get_or_init(|| {
        const PROBE: &str = "format: 1\nid: p\ntitle: t\ndate: 2025-11-14\nquestion: q\nsummary: s\ntags: [t]\n\
sources: [{id: s, name: n, outlet: o, date: 2025-11, url: 'https://x', note: n}]\n\
parties: [{id: a, name: n, kind: person, aliases: [x], description: d, position: p}]\n\
analysts: [{id: b, name: n, role: r, affiliation: f, view: v}]\n\
quotes: [{id: q, by: a, text: t, kind: paraphrase, via: b, date: 2025, source: s, context: c}]\n\
claims: [{id: c, text: t, status: alleged, source: s, stances: [{by: a, stance: mixed, note: n, quote: q}]}]\n\
timeline: [{id: e, date: 2025-11-14, title: t, detail: d, involves: [a], source: s}]\n";
        let probe = crate::story::parse::parse_str(Path::new("probe.yaml"), PROBE).story;
        let bytes = probe
            .and_then(|s| postcard::to_allocvec(&s).ok())
            .unwrap_or_default();
        checksum(&bytes)
    })
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Store {
    /// The store under the state folder (`$XDG_STATE_HOME/storyx/reviewed`), with
    /// the default cap; None without a home or state folder.
    pub fn default_location() -> Option<Store> {
        Some(Store {
            dir: crate::dirs::state_dir()?.join(DIR),
            cap: DEFAULT_CAP,
        })
    }

    /// The entry's file for a story of a corpus.
    fn path(&self, corpus: &str, id: &str) -> PathBuf {
        let key = format!("{corpus}\n{id}");
        self.dir
            .join(format!("{:016x}.rev", checksum(key.as_bytes())))
    }

    fn write(&self, path: &Path, record: &Record) -> std::io::Result<()> {
        let body = postcard::to_allocvec(record).map_err(std::io::Error::other)?;
        if (HEADER + body.len()) as u64 > MAX_ENTRY.min(self.cap) {
            // It could never be read back (or would fill the store alone): not kept.
            return Err(std::io::Error::other(format!(
                "the story takes {} MiB kept, over the {} MiB an entry may take",
                body.len() >> 20,
                MAX_ENTRY.min(self.cap) >> 20
            )));
        }
        std::fs::create_dir_all(&self.dir)?;
        let tmp = self
            .dir
            .join(format!(".tmp.{}.{}", std::process::id(), now()));
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(MAGIC)?;
        f.write_all(&layout().to_le_bytes())?;
        f.write_all(&checksum(&body).to_le_bytes())?;
        f.write_all(&body)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    }

    /// Keeps `story` as the reviewed version in `corpus`, then evicts the oldest
    /// entries while the store is over its cap. Returns the ids of the stories of
    /// `corpus` whose reviewed version was evicted (other corpora are told when
    /// they are opened).
    pub fn save(&self, corpus: &str, story: &Story) -> std::io::Result<Vec<String>> {
        let path = self.path(corpus, &story.id);
        self.write(
            &path,
            &Record::Kept {
                corpus: corpus.to_string(),
                file: story.file.to_string_lossy().into_owned(),
                saved: now(),
                story: Box::new(story.clone()),
            },
        )?;
        Ok(self.evict(&path, corpus))
    }

    /// Forgets a story's reviewed version (or tombstone).
    pub fn remove(&self, corpus: &str, id: &str) -> std::io::Result<()> {
        match std::fs::remove_file(self.path(corpus, id)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// What the store has for this story of this corpus.
    pub fn load(&self, corpus: &str, id: &str) -> Found {
        let path = self.path(corpus, id);
        if let Err(e) = std::fs::symlink_metadata(&path) {
            if e.kind() == std::io::ErrorKind::NotFound {
                return Found::Missing;
            }
        }
        let bytes = match read_entry(&path) {
            Ok(bytes) => bytes,
            Err(why) => return Found::Unreadable(why),
        };
        match decode(&bytes) {
            Err(why) => Found::Unreadable(why),
            Ok(Record::Kept {
                corpus: c,
                file,
                story,
                ..
            }) if c == corpus && story.id == id => {
                let mut story = story;
                story.file = PathBuf::from(file);
                Found::Kept(story)
            }
            Ok(Record::Evicted {
                corpus: c,
                id: i,
                title,
                ..
            }) if c == corpus && i == id => Found::Evicted { title },
            Ok(_) => Found::Missing,
        }
    }

    /// Entries (not tombstones), oldest first, while the store is over its cap
    /// (never `keep`, the one just written) become tombstones.
    fn evict(&self, keep: &Path, corpus: &str) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = dir
            .flatten()
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                let p = e.path();
                (m.is_file() && p.extension().is_some_and(|x| x == "rev"))
                    .then(|| (m.modified().unwrap_or(UNIX_EPOCH), m.len(), p))
            })
            .collect();
        let mut total: u64 = entries.iter().map(|e| e.1).sum();
        entries.sort();
        let mut evicted = Vec::new();
        for (_, len, path) in entries {
            if total <= self.cap {
                break;
            }
            if path == keep || len < 1024 {
                continue; // the new entry, or a tombstone (or too small to matter)
            }
            let record = read_entry(&path).ok().and_then(|b| decode(&b).ok());
            let tomb = match record {
                Some(Record::Kept {
                    corpus: c, story, ..
                }) => Some(Record::Evicted {
                    corpus: c,
                    id: story.id.to_string(),
                    title: story.title.to_string(),
                    saved: now(),
                }),
                _ => None,
            };
            let written = match &tomb {
                Some(t) => self.write(&path, t).is_ok(),
                None => std::fs::remove_file(&path).is_ok(),
            };
            if written {
                total = total.saturating_sub(len);
                if let Some(Record::Evicted { corpus: c, id, .. }) = tomb {
                    if c == corpus {
                        evicted.push(id);
                    }
                }
            }
        }
        evicted
    }

    /// The bytes the store takes now (every entry and tombstone).
    pub fn size(&self) -> u64 {
        std::fs::read_dir(&self.dir).map_or(0, |d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
    }
}

/// An entry's bytes as the loader reads a story file's: a regular file only (a
/// FIFO or a device put in the store neither hangs nor is read), at most
/// [`MAX_ENTRY`] bytes.
fn read_entry(path: &Path) -> Result<Vec<u8>, String> {
    use crate::regular_file::{read_capped, ReadError};
    read_capped(path, MAX_ENTRY).map_err(|e| match e {
        ReadError::TooLarge { .. } => too_big(),
        e => format!("{}: {e}", path.display()),
    })
}

fn too_big() -> String {
    format!(
        "a reviewed version over {} MiB is not read",
        MAX_ENTRY >> 20
    )
}

/// An entry's bytes → its record, or why not. A kept story is used only when it
/// holds what the loader's checks guarantee (dates, ids, references).
fn decode(bytes: &[u8]) -> Result<Record, String> {
    if bytes.len() as u64 > MAX_ENTRY {
        return Err(too_big());
    }
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err("not a reviewed version of storyx".into());
    }
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    if word(8) != layout() {
        return Err("kept by a storyx with another story model".into());
    }
    let body = &bytes[HEADER..];
    if word(16) != checksum(body) {
        return Err("damaged (its checksum does not match)".into());
    }
    let record: Record = postcard::from_bytes(body).map_err(|e| format!("damaged ({e})"))?;
    match &record {
        Record::Kept { story, .. } if !crate::story::validate::invariants_hold(story) => {
            Err("damaged (its story does not hold together)".into())
        }
        _ => Ok(record),
    }
}

/// The encoded size of a story's entry, for measuring (bytes per stored story).
pub fn entry_size(corpus: &str, story: &Story) -> usize {
    let record = Record::Kept {
        corpus: corpus.to_string(),
        file: story.file.to_string_lossy().into_owned(),
        saved: 0,
        story: Box::new(story.clone()),
    };
    HEADER + postcard::to_allocvec(&record).map_or(0, |b| b.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse::parse_str;

    fn story(id: &str, text: &str) -> Story {
        let yaml = format!("id: {id}\ntitle: Story {id}\nsummary: {text}\n");
        let mut s = parse_str(Path::new("x.yaml"), &yaml).story.expect("story");
        s.file = PathBuf::from(format!("stories/{id}.yaml"));
        s
    }

    fn store(cap: u64) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = Store {
            dir: dir.path().join("reviewed"),
            cap,
        };
        (dir, s)
    }

    #[test]
    fn a_saved_version_comes_back_exactly_for_its_corpus_only() {
        let (_d, st) = store(DEFAULT_CAP);
        let s = story("a", "first words");
        assert_eq!(st.load("c1", "a"), Found::Missing);
        assert_eq!(st.save("c1", &s).unwrap(), Vec::<String>::new());
        assert_eq!(st.load("c1", "a"), Found::Kept(Box::new(s.clone())));
        assert_eq!(st.load("c2", "a"), Found::Missing);
        // A new review replaces the version kept.
        let s2 = story("a", "second words");
        st.save("c1", &s2).unwrap();
        assert_eq!(st.load("c1", "a"), Found::Kept(Box::new(s2)));
        st.remove("c1", "a").unwrap();
        assert_eq!(st.load("c1", "a"), Found::Missing);
        st.remove("c1", "a").unwrap();
    }

    #[test]
    fn a_damaged_or_foreign_entry_is_unreadable_never_a_panic() {
        let (_d, st) = store(DEFAULT_CAP);
        st.save("c", &story("a", "words")).unwrap();
        let path = st.path("c", "a");
        let good = std::fs::read(&path).unwrap();
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"sxrev01\n".to_vec(),
            good[..good.len() - 3].to_vec(),
        ];
        let mut flipped = good.clone();
        *flipped.last_mut().unwrap() ^= 1;
        cases.push(flipped);
        let mut other_layout = good.clone();
        other_layout[8] ^= 1;
        cases.push(other_layout);
        // A valid checksum over garbage: postcard must refuse it, not panic or allocate wildly.
        let garbage: Vec<u8> = std::iter::repeat_n(0xffu8, 64).collect();
        let mut forged = good[..16].to_vec();
        forged.extend_from_slice(&checksum(&garbage).to_le_bytes());
        forged.extend_from_slice(&garbage);
        cases.push(forged);
        for bytes in cases {
            std::fs::write(&path, &bytes).unwrap();
            assert!(
                matches!(st.load("c", "a"), Found::Unreadable(_)),
                "{bytes:?}"
            );
        }
        // Too big: not read past the cap.
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_ENTRY + 10).unwrap();
        assert!(matches!(st.load("c", "a"), Found::Unreadable(w) if w.contains("MiB")));
    }

    #[test]
    fn the_store_stays_under_its_cap_and_says_what_was_evicted() {
        let text = "word ".repeat(2000);
        let one = entry_size("c", &story("s0", &text)) as u64;
        // Room for three entries (and tombstones).
        let (_d, st) = store(3 * one + 600);
        for i in 0..3 {
            assert!(st
                .save("c", &story(&format!("s{i}"), &text))
                .unwrap()
                .is_empty());
            // Distinct modification times, oldest first.
            let t = SystemTime::now() - std::time::Duration::from_secs(100 - i);
            std::fs::File::options()
                .write(true)
                .open(st.path("c", &format!("s{i}")))
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
        assert!(st.size() <= st.cap);
        let evicted = st.save("c", &story("s3", &text)).unwrap();
        assert_eq!(evicted, ["s0"]);
        assert!(st.size() <= st.cap, "{} > {}", st.size(), st.cap);
        assert_eq!(
            st.load("c", "s0"),
            Found::Evicted {
                title: "Story s0".into()
            }
        );
        assert!(matches!(st.load("c", "s1"), Found::Kept(_)));
        assert!(matches!(st.load("c", "s3"), Found::Kept(_)));
        // Another corpus's save evicts this one's oldest, but tells only its own.
        let evicted = st.save("d", &story("t0", &text)).unwrap();
        assert!(evicted.is_empty());
        assert!(matches!(st.load("c", "s1"), Found::Evicted { .. }));
    }

    #[test]
    fn an_entry_too_big_to_read_back_is_not_kept() {
        let (_d, st) = store(4096);
        let text = "word ".repeat(2000);
        let err = st.save("c", &story("big", &text)).unwrap_err();
        assert!(err.to_string().contains("an entry may take"), "{err}");
        assert_eq!(st.load("c", "big"), Found::Missing);
        assert_eq!(st.size(), 0);
    }

    #[test]
    fn bytes_per_stored_story_are_measured() {
        let yaml = include_str!("../stories/alibaba-military-allegations.yaml");
        let s = parse_str(Path::new("a.yaml"), yaml).story.unwrap();
        let size = entry_size("/home/reader/stories", &s);
        eprintln!(
            "bundled story: {} bytes of YAML, {size} bytes stored",
            yaml.len()
        );
        // The postcard entry is smaller than the YAML it came from.
        assert!(size < yaml.len(), "{size} >= {}", yaml.len());
        // And so for generated stories of every size: the store costs less per
        // story than the story's own file.
        let (mut yaml_bytes, mut stored) = (0, 0);
        for n in 0..200 {
            let s = crate::synth::story(n);
            let (y, e) = (crate::synth::to_yaml(&s).len(), entry_size("/c", &s));
            assert!(e < y, "story {n}: {e} bytes stored for {y} of YAML");
            yaml_bytes += y;
            stored += e;
        }
        eprintln!(
            "200 generated stories: {} bytes of YAML, {stored} stored ({} per story, {:.2}× the YAML)",
            yaml_bytes,
            stored / 200,
            stored as f64 / yaml_bytes as f64
        );
    }
}
