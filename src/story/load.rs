//! One file → one [`FileResult`]: reads the file (or a bundled story) with a size
//! cap and as UTF-8, then parses and validates it (see [`super::parse`]). Finding
//! the files is [`super::discover`]; loading many, batch by batch through the
//! cache, is the corpus's loader (`corpus::load`), a layer above.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Location, Severity};
use super::discover::{io_problem, Origin};
use super::locate::Budgets;
use super::model::Story;
use super::parse::parse_with;

/// What loading one file produced.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub path: PathBuf,
    /// The story, when the file had no errors (it may still have warnings).
    pub story: Option<Story>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file could not be read at all (counts as a usage/I-O problem).
    pub io_error: bool,
}

/// Limits and switches for loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Largest file read, in bytes.
    pub max_file_size: u64,
    pub budgets: Budgets,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: 16 * 1024 * 1024,
            budgets: Budgets::default(),
        }
    }
}

/// The text of a story file or bundled story, read again (to show or locate a problem).
pub fn text_of(path: &Path) -> Option<String> {
    super::discover::BUNDLED
        .iter()
        .find(|(p, _)| Path::new(p) == path)
        .map(|(_, t)| t.to_string())
        .or_else(|| std::fs::read_to_string(path).ok())
}

/// Loads one file or bundled story.
pub fn load_origin(origin: &Origin, opts: &LoadOptions) -> FileResult {
    match origin {
        Origin::Bundled(path, text) => parse_with(Path::new(path), text, opts),
        Origin::Stdin => {
            let name = super::discover::stdin_name();
            match super::discover::stdin_text(opts.max_file_size) {
                Ok(text) => parse_with(Path::new(&name), text, opts),
                Err(message) => FileResult {
                    path: PathBuf::from(&name),
                    story: None,
                    io_error: true,
                    diagnostics: vec![io_problem(Path::new(&name), message.clone())],
                },
            }
        }
        Origin::File(path) => match read_text(path, opts) {
            Ok(text) => parse_with(path, &text, opts),
            Err(d) => FileResult {
                path: path.clone(),
                story: None,
                io_error: d.location.is_none() && !d.message.contains("limit"),
                diagnostics: vec![d],
            },
        },
    }
}

/// Reads one file's text, within the size cap and as UTF-8.
fn read_text(path: &Path, opts: &LoadOptions) -> Result<String, Diagnostic> {
    let file =
        std::fs::File::open(path).map_err(|e| io_problem(path, format!("cannot open: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > opts.max_file_size {
        return Err(io_problem(
            path,
            format!(
                "the file is {} bytes, over the {} MiB limit for a story file; raise it with --max-file-size",
                size,
                opts.max_file_size / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(opts.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(path, format!("cannot read: {e}")))?;
    if bytes.len() as u64 > opts.max_file_size {
        return Err(io_problem(
            path,
            format!(
                "the file is over the {} MiB limit for a story file",
                opts.max_file_size / (1024 * 1024)
            ),
        ));
    }
    decode(path, bytes)
}

/// Bytes → text, with a located error for anything that is not UTF-8.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let located = |location: Location, message: String| Diagnostic {
        file: path.to_path_buf(),
        location: Some(location),
        severity: Severity::Error,
        path: String::new(),
        message,
        related: None,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(located(
            Location { line: 1, column: 1 },
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(valid).unwrap_or("");
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = e.as_bytes()[valid.len()];
        located(
            Location { line, column },
            format!("the file is not valid UTF-8 (byte 0x{byte:02X} here); save it as UTF-8"),
        )
    })
}
