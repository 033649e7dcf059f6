//! Finding story files: files as given, folders recursively in the format's path
//! order, or the stories bundled into the binary when no path is given.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Severity};

/// The stories bundled into the binary at build time: (path, text).
pub static BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Where a story's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Bundled(&'static str, &'static str),
    /// One story read from standard input (a PATH of `-`), named `<stdin>`.
    Stdin,
}

impl Origin {
    pub fn path(&self) -> PathBuf {
        match self {
            Origin::File(p) => p.clone(),
            Origin::Bundled(p, _) => PathBuf::from(p),
            Origin::Stdin => PathBuf::from(stdin_name()),
        }
    }
}

/// The files to load, and problems met while looking (a missing path).
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Origin>,
    pub problems: Vec<Diagnostic>,
    /// The files (their numbers in `files`, in order) that were neither a
    /// regular file nor a symlink when found (a FIFO, a device): a reader must
    /// not open them before it has looked at what they are.
    pub special: Vec<usize>,
}

impl Discovery {
    /// Whether each of `files` was a regular file or a symlink when found
    /// (not one of [`Discovery::special`]).
    pub fn found_regular(&self) -> Vec<bool> {
        let mut regular = vec![true; self.files.len()];
        for &i in &self.special {
            if let Some(r) = regular.get_mut(i) {
                *r = false;
            }
        }
        regular
    }
}

fn is_story_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// A problem with a file or folder as a whole (it is missing or cannot be read).
pub(super) fn io_problem(path: &Path, message: String) -> Diagnostic {
    Diagnostic::new(path, None, Severity::Error, "", message)
}

/// A fast hash seeded per process, for sets of file ids.
type Fast = foldhash::fast::RandomState;

/// A file or folder by what it is on disk: (device, inode).
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(m: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

/// The id of the file a folder's entry names, from the entry (the folder's
/// device, the entry's inode: no system call). Only a hint: [`Walk::files`]
/// falls back on `stat` when it could be wrong.
#[cfg(unix)]
fn entry_id(device: u64, entry: &std::fs::DirEntry) -> Option<FileId> {
    use std::os::unix::fs::DirEntryExt;
    Some((device, entry.ino()))
}

#[cfg(not(unix))]
fn entry_id(_: u64, _: &std::fs::DirEntry) -> Option<FileId> {
    None
}

/// One walk of the folders given: what it found and what it has seen.
struct Walk {
    /// The folders given, resolved: a symlink that leads elsewhere is not followed
    /// unless `follow` is set.
    roots: Vec<PathBuf>,
    follow: bool,
    /// Folders walked, by (device, inode): each once, whatever the links to it.
    folders: HashSet<FileId>,
    /// Story files found, with what they are on disk when known: for a file
    /// found by its own name, its folder's device and the inode its folder's
    /// entry gives ([`Walk::files`] takes them from `stat` when that may not do).
    files: Vec<(PathBuf, Option<FileId>)>,
    /// Which of `files` have their id from `stat` (a symlink's target), not from
    /// their folder's entry.
    statted: Vec<bool>,
    /// The files that were neither a regular file nor a symlink when found.
    special: HashSet<PathBuf>,
    problems: Vec<Diagnostic>,
    /// Folders entered and entries read, for tests that count work.
    work: usize,
}

impl Walk {
    fn inside(&self, real: &Path) -> bool {
        self.roots.iter().any(|r| real.starts_with(r))
    }

    /// Every story file below `dir`, at any depth (a loop over a stack of folders
    /// to read, not recursion: a tree thousands deep must not overflow the stack);
    /// symlinks inside the folders given are followed once, those leading outside
    /// are reported unless `follow`.
    fn walk(&mut self, dir: &Path, meta: &std::fs::Metadata) {
        let mut todo = vec![(dir.to_path_buf(), file_id(meta))];
        while let Some((dir, id)) = todo.pop() {
            let device = id.map(|(device, _)| device);
            self.work += 1;
            if let Some(id) = id {
                if !self.folders.insert(id) {
                    continue;
                }
            }
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) => {
                    self.problems
                        .push(io_problem(&dir, format!("cannot read this folder: {e}")));
                    continue;
                }
            };
            for entry in entries.flatten() {
                self.work += 1;
                let path = entry.path();
                // The entry's own type costs no system call; a symlink or a story
                // file needs a stat.
                let Ok(t) = entry.file_type() else { continue };
                if t.is_symlink() {
                    if let Some(folder) = self.link(&path) {
                        todo.push(folder);
                    }
                } else if t.is_dir() {
                    let id = entry.metadata().ok().as_ref().and_then(file_id);
                    todo.push((path, id));
                } else if is_story_file(&path) {
                    // Not a regular file (a FIFO, a device): the reader says so.
                    // Its id from the folder's entry, with no system call.
                    if !t.is_file() {
                        self.special.insert(path.clone());
                    }
                    self.files
                        .push((path, device.and_then(|d| entry_id(d, &entry))));
                    self.statted.push(false);
                }
            }
        }
    }

    /// A symlink: a story file it leads to is kept, a folder is returned to walk.
    fn link(&mut self, path: &Path) -> Option<(PathBuf, Option<FileId>)> {
        let (Ok(real), Ok(m)) = (path.canonicalize(), std::fs::metadata(path)) else {
            if is_story_file(path) {
                self.problems.push(io_problem(
                    path,
                    "a symlink that leads nowhere (broken)".into(),
                ));
            }
            return None;
        };
        if !m.is_dir() && !is_story_file(path) {
            return None;
        }
        if !self.follow && !self.inside(&real) {
            self.problems.push(Diagnostic {
                severity: Severity::Warning,
                ..io_problem(
                    path,
                    format!(
                        "a symlink leading outside the folders given (to {}); not followed: pass --follow-symlinks to follow it",
                        real.display()
                    ),
                )
            });
            return None;
        }
        if m.is_dir() {
            return Some((path.to_path_buf(), file_id(&m)));
        }
        self.files.push((path.to_path_buf(), file_id(&m)));
        self.statted.push(true);
        None
    }

    /// The files found in path order, each file once (a symlink to a file that is
    /// also found by its own name, or by another link, is the same file).
    ///
    /// A file found by its own name has the id its folder's entry gives (no
    /// `stat` per file: a large part of a warm load of 100,000 stories, issue
    /// 19); when some file is a symlink's target, or two entries give one id, every
    /// file's id is taken from `stat` (`lstat`, as before), so that only `stat`
    /// decides which names are one file.
    fn files(mut self) -> (Vec<PathBuf>, Vec<Diagnostic>) {
        let mut ids = HashSet::with_capacity_and_hasher(self.files.len(), Fast::default());
        let from_stat = self.statted.iter().any(|&s| s)
            || self
                .files
                .iter()
                .any(|(_, id)| id.is_some_and(|id| !ids.insert(id)));
        if from_stat {
            for ((path, id), statted) in self.files.iter_mut().zip(&self.statted) {
                if !statted {
                    *id = std::fs::symlink_metadata(path)
                        .ok()
                        .as_ref()
                        .and_then(file_id);
                }
            }
        }
        self.files
            .sort_unstable_by(|(a, x), (b, y)| walked_order(a, b).then(x.cmp(y)));
        let mut seen = HashSet::with_capacity_and_hasher(self.files.len(), Fast::default());
        let files = self
            .files
            .into_iter()
            .filter(|(_, id)| id.is_none_or(|id| seen.insert(id)))
            .map(|(p, _)| p)
            .collect();
        (files, self.problems)
    }
}

/// The order of two paths found by one walk: the order of their components (as
/// `Path`'s own), by their bytes. Both are the folder walked, as given, joined with
/// names (which hold no `/` and no NUL), so a separator is the lowest byte: the
/// path whose component ends first is the lesser. `Path`'s comparison splits both
/// into components again each time, which made sorting 100,000 paths a large part
/// of a warm `check`.
#[cfg(unix)]
fn walked_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    use std::os::unix::ffi::OsStrExt;
    let rank = |c: u8| if c == b'/' { 0 } else { u16::from(c) + 1 };
    let (a, b) = (a.as_os_str().as_bytes(), b.as_os_str().as_bytes());
    let same = common_prefix(a, b);
    match (a.get(same), b.get(same)) {
        (Some(&x), Some(&y)) => rank(x).cmp(&rank(y)),
        _ => a.len().cmp(&b.len()),
    }
}

/// How many bytes `a` and `b` start with in common, compared 8 at a time (paths
/// found by one walk share a long start: byte by byte, sorting 100,000 of them
/// was most of finding them).
#[cfg(unix)]
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut same = 0;
    while same + 8 <= n && a[same..same + 8] == b[same..same + 8] {
        same += 8;
    }
    while same < n && a[same] == b[same] {
        same += 1;
    }
    same
}

#[cfg(not(unix))]
fn walked_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    a.cmp(b)
}

/// Every story file below the folder `dir`, and the work done (folders entered and
/// entries read), for tests that discovery is linear.
pub fn walk_counting(dir: &Path, follow: bool) -> (Vec<PathBuf>, Vec<Diagnostic>, usize) {
    let mut d = Discovery::default();
    let roots: Vec<PathBuf> = dir.canonicalize().into_iter().collect();
    let work = walk_root(dir, &roots, follow, &mut d);
    let files = d.files.into_iter().map(|o| o.path()).collect();
    (files, d.problems, work)
}

fn walk_root(dir: &Path, roots: &[PathBuf], follow: bool, d: &mut Discovery) -> usize {
    let Ok(meta) = std::fs::metadata(dir) else {
        return 0;
    };
    let mut w = Walk {
        roots: roots.to_vec(),
        follow,
        folders: HashSet::new(),
        files: Vec::new(),
        statted: Vec::new(),
        special: HashSet::new(),
        problems: Vec::new(),
        work: 0,
    };
    w.walk(dir, &meta);
    let work = w.work;
    let special = std::mem::take(&mut w.special);
    let (files, problems) = w.files();
    for file in files {
        if !special.is_empty() && special.contains(&file) {
            d.special.push(d.files.len());
        }
        d.files.push(Origin::File(file));
    }
    d.problems.extend(problems);
    work
}

/// Finds the story files for `paths`: files as given, folders recursively (not
/// following symlinks that lead outside them). With no path: `./stories` if it
/// exists, otherwise the bundled stories.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    discover_with(paths, false)
}

/// [`discover`], following symlinks that lead outside the folders when `follow`.
pub fn discover_with(paths: &[PathBuf], follow: bool) -> Discovery {
    let mut d = Discovery::default();
    if paths.is_empty() {
        let local = Path::new("stories");
        if local.is_dir() {
            return discover_with(&[local.to_path_buf()], follow);
        }
        d.files = BUNDLED.iter().map(|(p, t)| Origin::Bundled(p, t)).collect();
        return d;
    }
    // The folders given, resolved: what a symlink may lead into.
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    for path in paths {
        if path.as_os_str() == "-" {
            if !d.files.contains(&Origin::Stdin) {
                d.files.push(Origin::Stdin);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                d.problems
                    .push(io_problem(path, "no such file or folder".into()));
            }
            Err(e) => d
                .problems
                .push(io_problem(path, format!("cannot read: {e}"))),
            Ok(m) if m.is_dir() => {
                walk_root(path, &roots, follow, &mut d);
            }
            // A file named on the command line is read as named (the reader takes
            // only a regular file).
            Ok(m) => {
                if !m.is_file() {
                    d.special.push(d.files.len());
                }
                d.files.push(Origin::File(path.clone()));
            }
        }
    }
    d
}

/// Standard input's bytes, read once per process: a reload reads the same story again.
/// `storyx draft --open` provides its draft here instead (named `<draft>`).
static STDIN: std::sync::OnceLock<(String, Result<Vec<u8>, String>)> = std::sync::OnceLock::new();

/// Gives the text that a PATH of `-` stands for, instead of standard input.
pub fn provide_stdin(name: &str, text: String) {
    let _ = STDIN.set((name.to_string(), Ok(text.into_bytes())));
}

/// The name diagnostics give standard input's story.
pub fn stdin_name() -> String {
    STDIN
        .get()
        .map_or_else(|| "<stdin>".to_string(), |(n, _)| n.clone())
}

/// Standard input's bytes (read on first use, at most `max` of them), or what is
/// wrong with it. They become a story through [`super::load::from_bytes`], as a
/// file's bytes do.
pub fn stdin_bytes(max: u64) -> &'static Result<Vec<u8>, String> {
    use std::io::Read;
    &STDIN
        .get_or_init(|| {
            let mut bytes = Vec::new();
            let read = std::io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut bytes);
            let bytes = match read {
                Err(e) => Err(format!("cannot read standard input: {e}")),
                Ok(_) if bytes.len() as u64 > max => Err(format!(
                    "standard input is over the {} MiB limit for a story file; raise it with --max-file-size",
                    max / (1024 * 1024)
                )),
                Ok(_) => Ok(bytes),
            };
            ("<stdin>".to_string(), bytes)
        })
        .1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk's order by bytes is `Path`'s order by components, for paths that
    /// share the folder walked (written in several ways) and differ in names that
    /// hold separators' neighbours (`-`, `.`, `0`) and non-ASCII letters.
    #[cfg(unix)]
    #[test]
    fn the_walks_order_is_the_order_of_components() {
        let names = ["a", "a-b", "a.b", "a0", "ab", "b", "é", "a b", "A", "~"];
        for root in ["r", "./r", "/tmp/r/", "r//s", "."] {
            let root = Path::new(root);
            let mut paths = Vec::new();
            for x in names {
                paths.push(root.join(x));
                for y in names {
                    paths.push(root.join(x).join(y));
                    paths.push(root.join(x).join(y).join("z.yaml"));
                }
            }
            for a in &paths {
                for b in &paths {
                    assert_eq!(walked_order(a, b), a.cmp(b), "{a:?} against {b:?}");
                }
            }
        }
    }

    /// A tree `deep` folders deep and `wide` folders wide, each folder with a story
    /// and a symlink back to the top (a loop a walk must not follow twice).
    fn tree(deep: usize, wide: usize) -> tempfile::TempDir {
        let top = tempfile::tempdir().unwrap();
        let mut dir = top.path().to_path_buf();
        for i in 0..deep {
            dir.push("d");
            std::fs::create_dir(&dir).unwrap();
            std::fs::write(dir.join("s.yaml"), "id: s\n").unwrap();
            if i % 100 == 0 {
                std::os::unix::fs::symlink(top.path(), dir.join("loop")).unwrap();
            }
        }
        for i in 0..wide {
            let d = top.path().join(format!("w{i}"));
            std::fs::create_dir(&d).unwrap();
            std::fs::write(d.join("s.yaml"), "id: s\n").unwrap();
            std::os::unix::fs::symlink(top.path(), d.join("loop")).unwrap();
        }
        top
    }

    /// Discovery is linear: each folder is entered once however many links lead to
    /// it, and twice the folders (deep and wide) is at most twice the work.
    #[test]
    fn discovery_work_is_linear_in_the_folders() {
        let small = tree(300, 500);
        let (files, problems, w1) = walk_counting(small.path(), false);
        assert_eq!(files.len(), 800);
        assert!(problems.is_empty(), "{problems:?}");
        let big = tree(600, 1000);
        let (files, _, w2) = walk_counting(big.path(), false);
        assert_eq!(files.len(), 1600);
        assert!(w2 <= 2 * w1 + 10, "{w1} then {w2}");
        // Folders entered plus entries read: about four per folder here.
        assert!(w2 <= 5 * 1600, "{w2}");
    }
    /// A story file found under two names is loaded once, whether the second
    /// name is a hard link (one inode in one folder's entries: their ids
    /// collide, and `stat` confirms they are one file) or a symlink (whose
    /// target's id comes from `stat`); files that are not links stay apart, and
    /// the order is the walk's.
    #[cfg(unix)]
    #[test]
    fn a_file_under_two_names_is_found_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        for name in ["a.yaml", "b.yaml", "sub/c.yaml"] {
            std::fs::write(d.join(name), format!("id: {name}\n")).unwrap();
        }
        let found = |d: &Path| {
            let (files, problems, _) = walk_counting(d, false);
            assert!(problems.is_empty(), "{problems:?}");
            files
                .iter()
                .map(|f| f.strip_prefix(d).unwrap().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(found(d), ["a.yaml", "b.yaml", "sub/c.yaml"]);
        // A hard link, in the same folder and in another.
        std::fs::hard_link(d.join("b.yaml"), d.join("0.yaml")).unwrap();
        std::fs::hard_link(d.join("a.yaml"), d.join("sub/d.yaml")).unwrap();
        assert_eq!(found(d), ["0.yaml", "a.yaml", "sub/c.yaml"]);
        // A symlink to a file (every id then from `stat`).
        std::os::unix::fs::symlink(d.join("sub/c.yaml"), d.join("link.yaml")).unwrap();
        assert_eq!(found(d), ["0.yaml", "a.yaml", "link.yaml"]);
    }
    /// A FIFO named as a story, in a folder or on the command line, is found
    /// (the reader says what it is) and marked as not a regular file, so that
    /// nothing opens it before looking at it; regular files and symlinks are
    /// not marked.
    #[cfg(unix)]
    #[test]
    fn what_is_not_a_regular_file_is_marked_when_found() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.yaml"), "id: a\n").unwrap();
        std::os::unix::fs::symlink(d.join("a.yaml"), d.join("c.yaml")).unwrap();
        assert!(std::process::Command::new("mkfifo")
            .arg(d.join("b.yaml"))
            .status()
            .unwrap()
            .success());
        let found = discover(&[d.to_path_buf()]);
        let names: Vec<String> = found
            .files
            .iter()
            .map(|o| o.path().file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.yaml", "b.yaml"], "the link to a.yaml is a.yaml");
        assert_eq!(found.found_regular(), [true, false]);
        let given = discover(&[d.join("b.yaml"), d.join("a.yaml"), d.join("c.yaml")]);
        assert_eq!(given.found_regular(), [false, true, true]);
    }
}
