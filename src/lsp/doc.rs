//! An open document: its text, line table and (computed when first asked) analysis.

use std::cell::OnceCell;
use std::path::PathBuf;

use lsp_types::Url;

use super::syntax::Analysis;
use super::text::Lines;

#[derive(Debug)]
pub struct Doc {
    pub uri: Url,
    pub path: PathBuf,
    pub text: String,
    pub lines: Lines,
    analysis: OnceCell<Analysis>,
}

/// The file path a document stands for (for a document not on disk, its URI as a path).
pub fn path_of(uri: &Url) -> PathBuf {
    uri.to_file_path()
        .unwrap_or_else(|()| PathBuf::from(uri.as_str()))
}

impl Doc {
    pub fn new(uri: Url, text: String) -> Doc {
        Doc {
            path: path_of(&uri),
            lines: Lines::new(&text),
            uri,
            text,
            analysis: OnceCell::new(),
        }
    }

    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::of(&self.text))
    }

    /// The value of a scalar at a path, if it has one.
    pub fn value(&self, path: &str) -> Option<&str> {
        self.analysis().value(path).map(|s| s.value.as_str())
    }
}
