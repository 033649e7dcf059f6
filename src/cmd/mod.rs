//! One module per subcommand: each turns parsed arguments into output and an exit code.

pub mod check;
pub mod explore;
pub mod search;
pub mod show;
pub mod who;

use std::io::IsTerminal;

use crate::cli::LoadArgs;
use crate::corpus::Corpus;
use crate::story::load::{load_paths, LoadOptions};

/// Load options from the command line.
pub fn load_options(args: &LoadArgs) -> LoadOptions {
    LoadOptions {
        max_file_size: args.max_file_size.saturating_mul(1024 * 1024),
        ..LoadOptions::default()
    }
}

/// Loads the corpus the arguments name.
pub fn load(args: &LoadArgs) -> Corpus {
    load_paths(&args.paths, &load_options(args))
}

/// Whether to colour standard output: a terminal, and NO_COLOR unset or empty.
pub fn stdout_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A one-line note on standard error when some files failed, so piped output is
/// never silently partial.
pub fn note_failures(corpus: &Corpus) {
    let failed = corpus
        .files
        .iter()
        .filter(|f| f.first_error.is_some())
        .count()
        + corpus.usage_problems;
    if failed > 0 {
        eprintln!(
            "storyx: {failed} file{} could not be loaded; run `storyx check` for details",
            if failed == 1 { "" } else { "s" }
        );
    }
}
