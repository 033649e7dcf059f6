//! Finding story files: files as given, folders recursively in the format's path
//! order, or the stories bundled into the binary when no path is given.

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
}

fn is_story_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// A problem with a file or folder as a whole (it is missing or cannot be read).
pub(super) fn io_problem(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        file: path.to_path_buf(),
        location: None,
        severity: Severity::Error,
        path: String::new(),
        message,
        related: None,
    }
}

/// Every story file below `dir`, recursively, in path order; symlinked folders are
/// followed once.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
    seen: &mut Vec<PathBuf>,
) {
    if let Ok(real) = dir.canonicalize() {
        if seen.contains(&real) {
            return;
        }
        seen.push(real);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(io_problem(dir, format!("cannot read this folder: {e}")));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // The entry's own type costs no system call; only a symlink needs a stat.
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).is_ok_and(|m| m.is_dir()),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        if is_dir {
            walk(&path, out, problems, seen);
        } else if is_story_file(&path) {
            out.push(path);
        }
    }
}

/// Finds the story files for `paths`: files as given, folders recursively. With no
/// path: `./stories` if it exists, otherwise the bundled stories.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    if paths.is_empty() {
        let local = Path::new("stories");
        if local.is_dir() {
            return discover(&[local.to_path_buf()]);
        }
        d.files = BUNDLED.iter().map(|(p, t)| Origin::Bundled(p, t)).collect();
        return d;
    }
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
                let mut files = Vec::new();
                walk(path, &mut files, &mut d.problems, &mut Vec::new());
                files.sort();
                d.files.extend(files.into_iter().map(Origin::File));
            }
            Ok(_) => d.files.push(Origin::File(path.clone())),
        }
    }
    d
}

/// Standard input's text, read once per process: a reload reads the same story again.
/// `storyx draft --open` provides its draft here instead (named `<draft>`).
static STDIN: std::sync::OnceLock<(String, Result<String, String>)> = std::sync::OnceLock::new();

/// Gives the text that a PATH of `-` stands for, instead of standard input.
pub fn provide_stdin(name: &str, text: String) {
    let _ = STDIN.set((name.to_string(), Ok(text)));
}

/// The name diagnostics give standard input's story.
pub fn stdin_name() -> String {
    STDIN
        .get()
        .map_or_else(|| "<stdin>".to_string(), |(n, _)| n.clone())
}

/// Standard input's text (read on first use, at most `max` bytes, as UTF-8), or what
/// is wrong with it.
pub fn stdin_text(max: u64) -> &'static Result<String, String> {
    use std::io::Read;
    &STDIN
        .get_or_init(|| {
            let mut bytes = Vec::new();
            let read = std::io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut bytes);
            let text = match read {
                Err(e) => Err(format!("cannot read standard input: {e}")),
                Ok(_) if bytes.len() as u64 > max => Err(format!(
                    "standard input is over the {} MiB limit for a story file; raise it with --max-file-size",
                    max / (1024 * 1024)
                )),
                Ok(_) => String::from_utf8(bytes).map_err(|e| {
                    format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())
                }),
            };
            ("<stdin>".to_string(), text)
        })
        .1
}
