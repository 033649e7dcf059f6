//! `storyx diff`: what changed between two versions of stories (two files, two
//! folders, or git revisions), as text, JSON or Markdown. Exit 0 when nothing
//! changed, 1 when something did, 2 on trouble (a file that cannot be read or
//! parsed, a bad revision).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::cli::DiffFormat;
use crate::corpus::Corpus;
use crate::diff::{self, describe::describe, Compared};
use crate::git::{parse_blob, Repo};
use crate::sanitize::sanitize_line;
use crate::story::discover::{discover, Origin};
use crate::story::load::{load_origin, LoadOptions};
use crate::story::FileResult;
use crate::story::{Diagnostic, Story};

use super::changes::{render, Shown};

/// One side of a comparison: its stories, and the files that could not be read
/// (by their key: the path inside the folder compared, or inside the repository).
#[derive(Default)]
pub struct Side {
    stories: Vec<(String, Arc<Story>)>,
    broken: HashSet<String>,
    problems: Vec<Diagnostic>,
}

impl Side {
    /// A side from loaded files, each with its key.
    pub fn from_results(results: Vec<(String, FileResult)>) -> Side {
        let keys: Vec<String> = results.iter().map(|(k, _)| k.clone()).collect();
        let corpus = Corpus::from_results(results.into_iter().map(|(_, r)| r).collect());
        let mut side = Side::default();
        for (key, file) in keys.into_iter().zip(&corpus.files) {
            match file.story {
                Some(i) => side.stories.push((key, corpus.stories[i].clone())),
                None if file.first_error.is_some() => {
                    side.broken.insert(key);
                }
                None => {}
            }
        }
        side.problems = corpus
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        side
    }

    /// Stories of the files of one path: a file (key empty) or a folder (keys the
    /// paths inside it).
    fn files(path: &Path, opts: &LoadOptions) -> Side {
        let found = discover(&[path.to_path_buf()]);
        // In parallel, in path order, as the corpus loader reads.
        let mut results: Vec<(String, FileResult)> = found
            .files
            .par_iter()
            .map(|o| {
                let file = o.path();
                let key = file
                    .strip_prefix(path)
                    .map(|k| k.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (key, load_origin(o, opts))
            })
            .collect();
        let mut side = Side::from_results(std::mem::take(&mut results));
        side.problems.extend(found.problems);
        side
    }

    /// Stories of a revision's tree.
    fn revision(
        repo: &Repo,
        rev: &str,
        paths: &[PathBuf],
        opts: &LoadOptions,
    ) -> Result<Side, String> {
        let commit = repo.resolve(rev).map_err(|e| e.to_string())?;
        let tree = repo.tree(&commit, paths).map_err(|e| e.to_string())?;
        let mut blobs = repo.blobs().map_err(|e| e.to_string())?;
        let results = tree
            .iter()
            .map(|f| {
                let name = PathBuf::from(format!("{rev}:{}", f.path));
                (
                    f.path.clone(),
                    parse_blob(&name, blobs.read(&f.blob, opts.max_file_size), opts),
                )
            })
            .collect();
        Ok(Side::from_results(results))
    }

    /// Stories of the work tree under `paths`, keyed by their path in the repository.
    fn work_tree(repo: &Repo, paths: &[PathBuf], opts: &LoadOptions) -> Side {
        let found = discover(paths);
        let results = found
            .files
            .par_iter()
            .map(|o| {
                let key = match o {
                    Origin::File(p) => repo
                        .path_in_repo(p)
                        .unwrap_or_else(|| p.to_string_lossy().into_owned()),
                    Origin::Bundled(p, _) => p.to_string(),
                };
                (key, load_origin(o, opts))
            })
            .collect();
        let mut side = Side::from_results(results);
        side.problems.extend(found.problems);
        side
    }

    /// The stories to compare with `other`: those whose file is not broken there
    /// (a story cannot be told removed when its new version could not be read).
    fn comparable(&self, other: &Side) -> Vec<Arc<Story>> {
        self.stories
            .iter()
            .filter(|(k, _)| !other.broken.contains(k))
            .map(|(_, s)| s.clone())
            .collect()
    }
}

/// The paths a `--rev` comparison looks in: those given, else `./stories` when it
/// exists, else the whole folder.
pub fn rev_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if !paths.is_empty() {
        paths.to_vec()
    } else if Path::new("stories").is_dir() {
        vec![PathBuf::from("stories")]
    } else {
        vec![PathBuf::from(".")]
    }
}

/// The two sides the arguments name.
fn sides(paths: &[PathBuf], rev: Option<&str>, opts: &LoadOptions) -> Result<(Side, Side), String> {
    let Some(rev) = rev else {
        let [old, new] = paths else {
            return Err(
                "give OLD and NEW (two story files or two folders), or --rev REV [PATH...]".into(),
            );
        };
        return Ok((Side::files(old, opts), Side::files(new, opts)));
    };
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let repo = Repo::find(&cwd).map_err(|e| e.to_string())?;
    let paths = rev_paths(paths);
    match rev.split_once("..") {
        Some((a, b)) => {
            let a = if a.is_empty() { "HEAD" } else { a };
            let b = if b.is_empty() { "HEAD" } else { b };
            Ok((
                Side::revision(&repo, a, &paths, opts)?,
                Side::revision(&repo, b, &paths, opts)?,
            ))
        }
        None => Ok((
            Side::revision(&repo, rev, &paths, opts)?,
            Side::work_tree(&repo, &paths, opts),
        )),
    }
}

pub fn run(paths: &[PathBuf], rev: Option<&str>, format: DiffFormat, max_file_size: u64) -> u8 {
    let opts = LoadOptions {
        max_file_size: max_file_size.saturating_mul(1024 * 1024),
        ..LoadOptions::default()
    };
    let (old, new) = match sides(paths, rev, &opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("storyx diff: {}", sanitize_line(&e));
            return 2;
        }
    };
    let problems: Vec<&Diagnostic> = old.problems.iter().chain(&new.problems).collect();
    if !problems.is_empty() {
        eprint!("{}", super::check::short(&problems));
    }
    let (before, after) = (old.comparable(&new), new.comparable(&old));
    let compared = diff::sets(&before, &after);
    let changed = compared.iter().any(|c| !c.changes.is_empty());
    let out = render(
        &shown(&compared),
        format,
        super::stdout_color(),
        compared.len(),
    );
    let written = super::print_out(out.as_bytes());
    if !problems.is_empty() || written != 0 {
        2
    } else {
        u8::from(changed)
    }
}

/// The stories with changes, ready to show.
pub fn shown<'a>(compared: &'a [Compared<'a>]) -> Vec<Shown<'a>> {
    compared
        .iter()
        .filter(|c| !c.changes.is_empty())
        .map(|c| Shown {
            compared: c,
            lines: c
                .changes
                .iter()
                .map(|ch| describe(ch, c.old, c.new))
                .collect(),
        })
        .collect()
}
