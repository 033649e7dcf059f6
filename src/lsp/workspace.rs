//! The workspace: the story files under the client's root folders (often a home folder).
//! Only `.yaml`/`.yml` files that look like stories are taken (a top-level mapping with
//! `id` and `title` in their first 4 KB); no symbolic link is followed (so nothing outside
//! the folders is read), hidden folders are skipped, and the walk stops at a limit.

use std::io::Read;
use std::path::{Path, PathBuf};

/// How many files the walk looks at, at most.
pub const MAX_FILES: usize = 20_000;

/// How much of a file is read to decide whether it is a story.
const SNIFF: usize = 4096;

/// What the walk found.
#[derive(Debug, Default)]
pub struct Found {
    /// Story files, each root's in path order.
    pub stories: Vec<PathBuf>,
    /// Whether the walk stopped at [`MAX_FILES`].
    pub truncated: bool,
}

/// Whether a text's start looks like a story: `id:` and `title:` as top-level keys.
pub fn looks_like_story(head: &str) -> bool {
    let (mut id, mut title) = (false, false);
    for line in head.lines() {
        id |= line.starts_with("id:");
        title |= line.starts_with("title:");
    }
    id && title
}

fn sniff(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::with_capacity(SNIFF);
    if file.take(SNIFF as u64).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    looks_like_story(text.strip_prefix('\u{feff}').unwrap_or(&text))
}

/// Finds the story files under `roots`, looking at no more than `limit` files.
pub fn find(roots: &[PathBuf], limit: usize) -> Found {
    let mut found = Found::default();
    let mut seen = 0usize;
    for root in roots {
        let mut files = Vec::new();
        if walk(root, &mut files, &mut seen, limit) {
            found.truncated = true;
        }
        files.sort();
        found.stories.extend(files);
        if found.truncated {
            break;
        }
    }
    found
}

/// Walks one folder; true when the limit was reached.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, seen: &mut usize, limit: usize) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_symlink() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        if kind.is_dir() {
            if !hidden && walk(&path, out, seen, limit) {
                return true;
            }
            continue;
        }
        *seen += 1;
        if *seen > limit {
            return true;
        }
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if yaml && kind.is_file() && sniff(&path) {
            out.push(path);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_only_story_files_and_follows_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::write(root.join("a/b/s.yaml"), "id: s\ntitle: S\n").unwrap();
        std::fs::write(root.join("a/t.yml"), "# c\ntitle: T\nid: t\n").unwrap();
        std::fs::write(root.join("a/config.yaml"), "name: x\nid: 3\n").unwrap();
        std::fs::write(root.join("a/nested.yaml"), "x:\n  id: a\n  title: b\n").unwrap();
        std::fs::write(root.join("a/notes.txt"), "id: s\ntitle: S\n").unwrap();
        std::fs::write(root.join(".hidden/h.yaml"), "id: h\ntitle: H\n").unwrap();
        std::fs::write(outside.path().join("o.yaml"), "id: o\ntitle: O\n").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("link")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("o.yaml"), root.join("o.yaml")).unwrap();
        let found = find(&[root.to_path_buf()], MAX_FILES);
        assert_eq!(
            found.stories,
            vec![root.join("a/b/s.yaml"), root.join("a/t.yml")]
        );
        assert!(!found.truncated);
        let few = find(&[root.to_path_buf()], 2);
        assert!(few.truncated);
    }
}
