//! One file → one [`FileResult`]: reads the file (or a bundled story) with a size
//! cap and as UTF-8, then parses and validates it (see [`super::parse`]). Finding
//! the files is [`super::discover`]; loading many, batch by batch through the
//! cache, is the corpus's loader (`corpus::load`), a layer above.

use std::path::{Path, PathBuf};

use crate::regular_file::{read_capped, ReadError};

use super::diagnostic::{Diagnostic, Location, Severity};
use super::discover::{io_problem, Origin};
use super::locate::Budgets;
use super::model::Story;
use super::parse::parse_with;

/// What loading one file produced: its story (or what is kept of it: `S`, such as
/// its [`super::outline::Outline`]) and its problems.
#[derive(Debug, Clone)]
pub struct FileResult<S = Story> {
    pub path: PathBuf,
    /// The story, when the file had no errors (it may still have warnings).
    pub story: Option<S>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file could not be read at all (counts as a usage/I-O problem).
    pub io_error: bool,
}

impl<S> Default for FileResult<S> {
    fn default() -> Self {
        FileResult {
            path: PathBuf::new(),
            story: None,
            diagnostics: Vec::new(),
            io_error: false,
        }
    }
}

impl<S> FileResult<S> {
    /// The same result with `f` applied to its story.
    pub fn map<T>(self, f: impl FnOnce(S) -> T) -> FileResult<T> {
        FileResult {
            path: self.path,
            story: self.story.map(f),
            diagnostics: self.diagnostics,
            io_error: self.io_error,
        }
    }
}

/// Limits and switches for loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest file read, in bytes.
    pub max_file_size: u64,
    pub budgets: Budgets,
    /// Follow symlinks that lead outside the folders given (`--follow-symlinks`).
    pub follow_symlinks: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: 16 * 1024 * 1024,
            budgets: Budgets::default(),
            follow_symlinks: false,
        }
    }
}

/// The text of a story file or bundled story, read again (to show or locate a problem).
pub fn text_of(path: &Path) -> Option<String> {
    super::discover::BUNDLED
        .iter()
        .find(|(p, _)| Path::new(p) == path)
        .map(|(_, t)| t.to_string())
        .or_else(|| {
            let bytes = read_file(path, &LoadOptions::default()).ok()?;
            String::from_utf8(bytes).ok()
        })
}

/// Loads one file or bundled story.
pub fn load_origin(origin: &Origin, opts: &LoadOptions) -> FileResult {
    load_origin_unless(origin, opts, &|_| None::<()>).0
}

/// [`load_origin`], unless `skip`, given the text once it is read (within the cap,
/// as UTF-8), turns it down: then the file is not parsed, its result has no story
/// and no problem, and what `skip` said comes with it.
pub fn load_origin_unless<T>(
    origin: &Origin,
    opts: &LoadOptions,
    skip: &(dyn Fn(&str) -> Option<T> + Sync),
) -> (FileResult, Option<T>) {
    match origin {
        Origin::Bundled(path, text) => {
            from_bytes_unless(Path::new(path), text.as_bytes(), opts, skip)
        }
        Origin::Stdin => {
            let name = super::discover::stdin_name();
            match super::discover::stdin_bytes(opts.max_file_size) {
                Ok(bytes) => from_bytes_unless(Path::new(&name), bytes, opts, skip),
                Err(message) => (
                    FileResult {
                        path: PathBuf::from(&name),
                        story: None,
                        io_error: !message.contains("limit"),
                        diagnostics: vec![io_problem(Path::new(&name), message.clone())],
                    },
                    None,
                ),
            }
        }
        Origin::File(path) => load_file_unless(path, opts, skip),
    }
}

/// Loads one story file: read as [`read_file`] does, then [`from_bytes`].
pub fn load_file(path: &Path, opts: &LoadOptions) -> FileResult {
    load_file_unless(path, opts, &|_| None::<()>).0
}

fn load_file_unless<T>(
    path: &Path,
    opts: &LoadOptions,
    skip: &(dyn Fn(&str) -> Option<T> + Sync),
) -> (FileResult, Option<T>) {
    match read_file(path, opts) {
        Ok(bytes) => from_bytes_unless(path, &bytes, opts, skip),
        Err(d) => (
            FileResult {
                path: path.to_path_buf(),
                story: None,
                io_error: d.location.is_none() && !d.message.contains("limit"),
                diagnostics: vec![d],
            },
            None,
        ),
    }
}

/// The one way story bytes become a story: named bytes from anywhere (a file, the
/// standard input, a git blob) get the same size cap, UTF-8 check, budgets and
/// checks. `name` is what messages call them (`-`, `REV:path`).
pub fn from_bytes(name: &Path, bytes: &[u8], opts: &LoadOptions) -> FileResult {
    from_bytes_unless(name, bytes, opts, &|_| None::<()>).0
}

/// [`from_bytes`], unless `skip` turns the text down (see [`load_origin_unless`]).
fn from_bytes_unless<T>(
    name: &Path,
    bytes: &[u8],
    opts: &LoadOptions,
    skip: &(dyn Fn(&str) -> Option<T> + Sync),
) -> (FileResult, Option<T>) {
    let fail = |d: Diagnostic| FileResult {
        path: name.to_path_buf(),
        story: None,
        diagnostics: vec![d],
        io_error: false,
    };
    if bytes.len() as u64 > opts.max_file_size {
        return (fail(too_big(name, bytes.len() as u64, opts)), None);
    }
    match decode_str(name, bytes) {
        Ok(text) => match skip(text) {
            Some(said) => (
                FileResult {
                    path: name.to_path_buf(),
                    ..FileResult::default()
                },
                Some(said),
            ),
            None => (parse_with(name, text, opts), None),
        },
        Err(d) => (fail(d), None),
    }
}

fn too_big(name: &Path, size: u64, opts: &LoadOptions) -> Diagnostic {
    io_problem(
        name,
        format!(
            "the file is {size} bytes, over the {} MiB limit for a story file; raise it with --max-file-size",
            opts.max_file_size / (1024 * 1024)
        ),
    )
}

/// Reads one story file's bytes, within the size cap, as every file storyx reads
/// as data is read ([`crate::regular_file`]: a regular file only, checked on the
/// open file, never more than the cap); what stops it is a problem naming the file.
pub fn read_file(path: &Path, opts: &LoadOptions) -> Result<Vec<u8>, Diagnostic> {
    read_capped(path, opts.max_file_size).map_err(|e| match e {
        ReadError::TooLarge { size, .. } => too_big(path, size, opts),
        ReadError::NotRegular(_) => {
            io_problem(path, format!("{e}; only regular files are read as stories"))
        }
        ReadError::NotFound => io_problem(path, format!("cannot read: {e}")),
        ReadError::Open(_) | ReadError::Read(_) => io_problem(path, e.to_string()),
    })
}

/// Bytes → text, with a located error for anything that is not UTF-8.
fn decode_str<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let located = |location: Location, message: String| {
        Diagnostic::new(path, Some(location), Severity::Error, "", message)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(located(
            Location { line: 1, column: 1 },
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8".into(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or("");
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes[valid.len()];
        located(
            Location { line, column },
            format!("the file is not valid UTF-8 (byte 0x{byte:02X} here); save it as UTF-8"),
        )
    })
}
