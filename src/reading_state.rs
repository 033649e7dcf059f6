//! The reading state: per corpus, the last story, pane and selected item, and
//! the stories marked reviewed. Kept in one JSON file under
//! `$XDG_STATE_HOME/storyx/` (`~/.local/state/storyx/`), never beside the
//! stories. A corpus is known by the canonical paths it was opened from.
//!
//! A missing or damaged file is an empty state; a failed write is reported by
//! the caller and changes nothing else. Nothing here panics.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::app::place::{place_of, Place};
use crate::app::{update, Action, State};

/// The file's name in the state folder.
pub const FILE: &str = "reading.json";

/// How many corpora are remembered; the least recently used go first.
const MAX_CORPORA: usize = 200;

/// The largest state file read.
const MAX_SIZE: u64 = 8 * 1024 * 1024;

/// What is remembered of one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default)]
    pub reviewed: BTreeSet<String>,
    /// A counter of saves, for forgetting the least recently used corpora.
    #[serde(default)]
    pub used: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default)]
    corpora: BTreeMap<String, Entry>,
}

use crate::dirs::state_dir;

/// The name of a corpus: its canonical paths, one per line, or `bundled`.
pub fn corpus_key(paths: &[PathBuf], bundled: bool) -> String {
    if bundled {
        return "bundled".into();
    }
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from("stories")]
    } else {
        paths.to_vec()
    };
    paths
        .iter()
        .map(|p| {
            p.canonicalize()
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reading state of one corpus, in one state file.
#[derive(Debug, Clone)]
pub struct Reading {
    pub file: PathBuf,
    pub key: String,
}

impl Reading {
    /// The reading state of the corpus opened from `paths` (None without a
    /// home or state folder).
    pub fn for_corpus(paths: &[PathBuf], bundled: bool) -> Option<Reading> {
        Some(Reading {
            file: state_dir()?.join(FILE),
            key: corpus_key(paths, bundled),
        })
    }

    fn read_all(&self) -> File {
        crate::regular_file::read_capped(&self.file, MAX_SIZE)
            .map(|b| File {
                corpora: decode(&b),
            })
            .unwrap_or_default()
    }

    /// What is remembered of this corpus (empty if nothing).
    pub fn load(&self) -> Entry {
        self.read_all()
            .corpora
            .remove(&self.key)
            .unwrap_or_default()
    }

    /// Remembers this corpus's entry, keeping the other corpora's; written to a
    /// temporary file first, then renamed over the old one.
    pub fn save(&self, entry: &Entry) -> std::io::Result<()> {
        let mut all = self.read_all();
        // Saturates: a file whose counter is at the top keeps the current corpus
        // at the top too (ties with it are evicted first, see below).
        let used = all
            .corpora
            .values()
            .map(|e| e.used)
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        all.corpora.insert(
            self.key.clone(),
            Entry {
                used,
                ..entry.clone()
            },
        );
        while all.corpora.len() > MAX_CORPORA {
            let Some(oldest) = all
                .corpora
                .iter()
                .filter(|(k, _)| **k != self.key)
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            all.corpora.remove(&oldest);
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".{FILE}.{}", std::process::id()));
        let json = encode(&all.corpora);
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &self.file)
    }
}

/// A state file's bytes → each corpus's entry; anything that is not a state
/// file (not JSON, the wrong shapes) is no entry at all. Never panics.
pub fn decode(bytes: &[u8]) -> BTreeMap<String, Entry> {
    serde_json::from_slice::<File>(bytes)
        .map(|f| f.corpora)
        .unwrap_or_default()
}

/// The bytes of a state file holding these entries ([`decode`] reads them back).
pub fn encode(corpora: &BTreeMap<String, Entry>) -> Vec<u8> {
    #[derive(Serialize)]
    struct Out<'a> {
        corpora: &'a BTreeMap<String, Entry>,
    }
    serde_json::to_vec_pretty(&Out { corpora }).unwrap_or_default()
}

/// The entry to save for this state.
pub fn entry_of(state: &State) -> Entry {
    Entry {
        place: place_of(state),
        reviewed: state.library.reviewed.clone(),
        used: 0,
    }
}

/// Opens the remembered story, pane and item, where they still exist (through
/// the update, as every change of the state).
pub fn restore(state: &mut State, place: &Place) {
    update(
        state,
        Action::Restore {
            place: Box::new(place.clone()),
            from_library_only: false,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading(dir: &Path) -> Reading {
        Reading {
            file: dir.join(FILE),
            key: "current".into(),
        }
    }

    #[test]
    fn a_counter_at_the_top_saturates_and_keeps_the_current_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let r = reading(dir.path());
        let mut all = File::default();
        for i in 0..MAX_CORPORA {
            all.corpora.insert(
                format!("other{i}"),
                Entry {
                    used: u64::MAX,
                    ..Entry::default()
                },
            );
        }
        std::fs::write(&r.file, serde_json::to_vec(&all).unwrap()).unwrap();
        let mine = Entry {
            reviewed: ["s1".to_string()].into(),
            ..Entry::default()
        };
        r.save(&mine).unwrap();
        let back = r.load();
        assert_eq!(back.reviewed, mine.reviewed);
        assert_eq!(back.used, u64::MAX);
        assert_eq!(r.read_all().corpora.len(), MAX_CORPORA);
        // And again: the second save keeps it too.
        r.save(&mine).unwrap();
        assert_eq!(r.load().reviewed, mine.reviewed);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_a_zero_device_or_an_oversized_state_is_an_empty_state() {
        let dir = tempfile::tempdir().unwrap();
        let r = reading(dir.path());
        assert!(std::process::Command::new("mkfifo")
            .arg(&r.file)
            .status()
            .unwrap()
            .success());
        assert_eq!(r.load(), Entry::default());
        std::fs::remove_file(&r.file).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &r.file).unwrap();
        assert_eq!(r.load(), Entry::default());
        std::fs::remove_file(&r.file).unwrap();
        let f = std::fs::File::create(&r.file).unwrap();
        f.set_len(MAX_SIZE + 1).unwrap();
        assert_eq!(r.load(), Entry::default());
    }
}
