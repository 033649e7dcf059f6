//! One module per subcommand: each turns parsed arguments into output and an exit code.

pub mod changes;
pub mod check;
pub mod claim;
pub mod completions;
pub mod diff;
pub mod draft;
pub mod explore;
pub mod export;
pub mod log;
pub mod lsp;
pub mod schema;
pub mod search;
pub mod show;
pub mod who;

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};

use crate::cache::Cache;
use crate::cli::{ColorChoice, LoadArgs};
use crate::corpus::load::load_paths_then;
use crate::corpus::Corpus;
use crate::story::load::LoadOptions;

/// Load options from the command line.
pub fn load_options(args: &LoadArgs) -> LoadOptions {
    LoadOptions {
        max_file_size: args.max_file_size.saturating_mul(1024 * 1024),
        follow_symlinks: args.follow_symlinks,
        ..LoadOptions::default()
    }
}

/// The parsed-corpus cache, unless `--no-cache`.
pub fn cache(args: &LoadArgs) -> Option<Cache> {
    if args.no_cache {
        None
    } else {
        Cache::default_location()
    }
}

/// Loads the corpus the arguments name (through the cache unless `--no-cache`).
pub fn load(args: &LoadArgs) -> Corpus {
    load_then(args, |_, _, _| {})
}

/// [`load`], for a command that needs only the files' outcomes and problems
/// and each story's id, title and date: only the outline of each story is loaded
/// (from the cache, only the entries' heads are decoded), and kept without its people.
pub fn load_outcomes(args: &LoadArgs) -> Corpus {
    load_outlined(args, false)
}

/// [`load`], for a command that looks an entity up: each story keeps its id,
/// title, date, parties and analysts (only its outline is loaded); the stories
/// wanted whole are then loaded again ([`load_again`]). Memory is the corpus's
/// people, not the corpus.
pub fn load_people(args: &LoadArgs) -> Corpus {
    load_outlined(args, true)
}

/// [`load_outcomes`], keeping the people of each story when `people`.
fn load_outlined(args: &LoadArgs, people: bool) -> Corpus {
    let started = std::time::Instant::now();
    let (corpus, stats) = crate::corpus::load::load_paths_outlined(
        &args.paths,
        &load_options(args),
        cache(args).as_ref(),
        people,
    );
    log_load(args, &corpus, stats, started);
    corpus
}

/// [`load`], for a command that looks a claim up: each story keeps its id, title,
/// date and its claims' ids and texts, the rest is let go as its batch is in; the
/// stories wanted whole are then loaded again ([`load_again`]).
pub fn load_claims(args: &LoadArgs) -> Corpus {
    load_then(args, |corpus, first, _| corpus.forget_all_but_claims(first))
}

/// Loads the stories at these indexes of a corpus from [`load_people`] again, whole
/// (through the cache's pack, read only). A file that changed meanwhile into
/// another story, or no story, keeps what was kept of it, and is returned so that
/// the caller can say so.
pub fn load_again(
    args: &LoadArgs,
    corpus: &mut Corpus,
    indexes: &[usize],
) -> Vec<std::path::PathBuf> {
    let files: Vec<std::path::PathBuf> = indexes
        .iter()
        .filter_map(|&i| corpus.stories.get(i).map(|s| s.file.clone()))
        .collect();
    let results = crate::corpus::load::reload_files(
        &args.paths,
        &files,
        &load_options(args),
        cache(args).as_ref(),
    );
    let mut not_back = Vec::new();
    for (&i, result) in indexes.iter().zip(results) {
        let back = result.story.is_some_and(|story| corpus.put_back(i, story));
        if !back {
            not_back.push(result.path);
        }
    }
    not_back
}

/// [`load`], calling `after` as each batch is in (see [`load_paths_then`]).
fn load_then(args: &LoadArgs, after: impl FnMut(&mut Corpus, usize, usize)) -> Corpus {
    let started = std::time::Instant::now();
    let (corpus, stats) = load_paths_then(
        &args.paths,
        &load_options(args),
        cache(args).as_ref(),
        after,
    );
    log_load(args, &corpus, stats, started);
    corpus
}

/// What a load did, in the debug log.
fn log_load(
    args: &LoadArgs,
    corpus: &Corpus,
    stats: crate::cache::CacheStats,
    started: std::time::Instant,
) {
    tracing::debug!(
        paths = ?args.paths,
        files = corpus.files.len(),
        stories = corpus.stories.len(),
        errors = corpus.errors().count(),
        warnings = corpus.warnings().count(),
        cache_hits = stats.hits,
        cache_misses = stats.misses,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "loaded"
    );
}

/// The `--color` choice, set once by `main` (Auto until then).
static COLOR: AtomicU8 = AtomicU8::new(0);

/// Records the `--color` choice for [`stdout_color`].
pub fn set_color(choice: ColorChoice) {
    let n = match choice {
        ColorChoice::Auto => 0,
        ColorChoice::Always => 1,
        ColorChoice::Never => 2,
    };
    COLOR.store(n, Ordering::Relaxed);
}

/// The `--color` choice given on the command line.
pub fn color_choice() -> ColorChoice {
    match COLOR.load(Ordering::Relaxed) {
        1 => ColorChoice::Always,
        2 => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// Whether to colour standard output: `--color always`; or `auto` (the default) with
/// standard output a terminal and NO_COLOR unset or empty.
pub fn stdout_color() -> bool {
    color_enabled(
        color_choice(),
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    )
}

/// The colour decision, apart from the process state (no-color.org: a non-empty NO_COLOR
/// turns colour off unless the user asks for it explicitly).
pub fn color_enabled(choice: ColorChoice, terminal: bool, no_color: Option<&OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// Writes text to standard output; a closed pipe (`storyx man | head`) is not an error.
pub fn print_out(text: &[u8]) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("storyx: cannot write to standard output: {e}");
            2
        }
    }
}

/// A one-line note on standard error when some files failed, so piped output is
/// never silently partial.
pub fn note_failures(corpus: &Corpus) {
    note_failed(failed(corpus));
}

/// How many files failed to load, and usage problems.
pub fn failed(corpus: &Corpus) -> usize {
    corpus
        .files
        .iter()
        .filter(|f| f.first_error.is_some())
        .count()
        + corpus.usage_problems
}

/// [`note_failures`] for a count of failed files and usage problems.
pub fn note_failed(failed: usize) {
    if failed > 0 {
        eprintln!(
            "storyx: {failed} file{} could not be loaded; run `storyx check` for details",
            if failed == 1 { "" } else { "s" }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_follows_the_flag_the_terminal_and_no_color() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        use ColorChoice::*;
        // auto: only on a terminal, and only when NO_COLOR is unset or empty.
        assert!(color_enabled(Auto, true, None));
        assert!(color_enabled(Auto, true, empty));
        assert!(!color_enabled(Auto, true, set));
        assert!(!color_enabled(Auto, false, None));
        // never: never; always: always, even into a pipe or with NO_COLOR set.
        for terminal in [true, false] {
            for no_color in [None, empty, set] {
                assert!(!color_enabled(Never, terminal, no_color));
                assert!(color_enabled(Always, terminal, no_color));
            }
        }
    }
}
