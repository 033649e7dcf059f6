//! `storyx log ID [PATH...]`: the commits that changed a story, newest first, each
//! with its date, author, message and semantic changes. Reads the repository
//! through [`crate::git`] (objects only, never written).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::changes::{changes_markdown, changes_text, heading, json_changes, one_line, Shown};
use crate::cli::DiffFormat;
use crate::diff::{self, Compared};
use crate::export::inline;
use crate::git::{parse_blob, Blobs, Commit, FileChange, Repo};
use crate::sanitize::{sanitize_line, to_json_pretty};
use crate::story::load::LoadOptions;
use crate::story::FileResult;
use crate::story::{Diagnostic, Story};

/// One commit that changed the story: the commit, the story before and after.
struct Entry {
    commit: Commit,
    old: Option<Story>,
    new: Option<Story>,
}

pub fn run(id: &str, paths: &[PathBuf], format: DiffFormat, max_file_size: u64) -> u8 {
    let opts = LoadOptions {
        max_file_size: max_file_size.saturating_mul(1024 * 1024),
        ..LoadOptions::default()
    };
    let found = std::env::current_dir()
        .map_err(|e| format!("cannot read the current folder: {e}"))
        .and_then(|cwd| Repo::find(&cwd).map_err(|e| e.to_string()))
        .and_then(|repo| {
            let paths = super::diff::rev_paths(paths);
            let history = repo.history(&paths).map_err(|e| e.to_string())?;
            let blobs = repo.blobs().map_err(|e| e.to_string())?;
            Ok(entries(id, history, blobs, &opts))
        });
    let (entries, problems) = match found {
        Ok(x) => x,
        Err(e) => {
            eprintln!("storyx log: {}", sanitize_line(&e));
            return 2;
        }
    };
    if !problems.is_empty() {
        let problems: Vec<&Diagnostic> = problems.iter().collect();
        eprint!("{}", super::check::short(&problems));
    }
    if entries.is_empty() {
        eprintln!(
            "storyx log: no commit changed a story `{}` here",
            sanitize_line(id)
        );
        return if problems.is_empty() { 1 } else { 2 };
    }
    let compared: Vec<Compared> = entries
        .iter()
        .map(|e| {
            let (old, new) = (e.old.as_ref(), e.new.as_ref());
            // The story's changes, or its addition or removal in this commit.
            let changes = diff::sets(old.as_slice(), new.as_slice())
                .into_iter()
                .flat_map(|c| c.changes)
                .collect();
            Compared { old, new, changes }
        })
        .collect();
    let shown = super::diff::shown(&compared);
    let commits: Vec<&Commit> = entries.iter().map(|e| &e.commit).collect();
    let out = match format {
        DiffFormat::Json => json(&commits, &shown),
        DiffFormat::Markdown => markdown(&commits, &shown),
        DiffFormat::Text => text(&commits, &shown, super::stdout_color()),
    };
    let written = super::print_out(out.as_bytes());
    if problems.is_empty() {
        written
    } else {
        2
    }
}

/// The story with this id among the loaded versions of a commit's files, and the
/// problems of those that could not be read. `broken` is set when a file did not load.
fn find(
    id: &str,
    results: Vec<FileResult>,
    problems: &mut Vec<Diagnostic>,
    broken: &mut bool,
) -> Option<Story> {
    let mut found = None;
    for r in results {
        problems.extend(r.diagnostics.into_iter().filter(Diagnostic::is_error));
        match r.story {
            Some(s) if s.id == id && found.is_none() => found = Some(s),
            Some(_) => {}
            None => *broken = true,
        }
    }
    found
}

/// The commits, newest first, whose changed files hold a different version of the
/// story, and the problems met. A commit where a file could not be read on a side
/// the story is missing from is left out (it cannot be told what changed).
fn entries(
    id: &str,
    history: Vec<(Commit, Vec<FileChange>)>,
    mut blobs: Blobs,
    opts: &LoadOptions,
) -> (Vec<Entry>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (commit, files) in history {
        let short = &commit.id[..commit.id.len().min(12)];
        let mut read = |blob: Option<&String>, name: String| {
            blob.map(|b| parse_blob(Path::new(&name), blobs.read(b, opts.max_file_size), opts))
        };
        let mut olds = Vec::new();
        let mut news = Vec::new();
        for f in &files {
            olds.extend(read(f.old.as_ref(), format!("{short}^:{}", f.path)));
            news.extend(read(f.new.as_ref(), format!("{short}:{}", f.path)));
        }
        let (mut old_broken, mut new_broken) = (false, false);
        let old = find(id, olds, &mut problems, &mut old_broken);
        let new = find(id, news, &mut problems, &mut new_broken);
        let unknown = (old.is_none() && old_broken) || (new.is_none() && new_broken);
        let changed = match (&old, &new) {
            (Some(o), Some(n)) => !diff::story(o, n).is_empty(),
            (None, None) => false,
            _ => true,
        };
        if changed && !unknown {
            out.push(Entry { commit, old, new });
        }
    }
    (out, problems)
}

fn short_id(c: &Commit) -> &str {
    &c.id[..c.id.len().min(12)]
}

fn text(commits: &[&Commit], shown: &[Shown], color: bool) -> String {
    let mut out = String::new();
    if let Some(story) = shown
        .first()
        .and_then(|s| s.compared.new.or(s.compared.old))
    {
        let _ = writeln!(out, "{}: {}", one_line(&story.id), one_line(&story.title));
    }
    for (c, s) in commits.iter().zip(shown) {
        let _ = writeln!(
            out,
            "\ncommit {}  {}  {} <{}>",
            one_line(short_id(c)),
            one_line(&c.date),
            one_line(&c.author),
            one_line(&c.email)
        );
        for line in c.message.lines() {
            let _ = writeln!(out, "    {}", one_line(line));
        }
        changes_text(&mut out, s, color, "");
    }
    out
}

fn markdown(commits: &[&Commit], shown: &[Shown]) -> String {
    let mut out = String::new();
    if let Some(story) = shown
        .first()
        .and_then(|s| s.compared.new.or(s.compared.old))
    {
        let _ = writeln!(
            out,
            "# History of {} ({})",
            heading(&story.title),
            inline(&story.id)
        );
    }
    for (c, s) in commits.iter().zip(shown) {
        let _ = writeln!(
            out,
            "\n## {} · {} · {}\n",
            inline(short_id(c)),
            inline(&c.date),
            inline(&c.author)
        );
        let message: Vec<String> = c
            .message
            .lines()
            .map(inline)
            .filter(|l| !l.is_empty())
            .collect();
        if !message.is_empty() {
            let _ = writeln!(out, "{}\n", message.join("  \n"));
        }
        changes_markdown(&mut out, s);
    }
    out
}

fn json(commits: &[&Commit], shown: &[Shown]) -> String {
    let items: Vec<Value> = commits
        .iter()
        .zip(shown)
        .map(|(c, s)| {
            json!({
                "commit": c.id, "date": c.date, "author": c.author, "email": c.email,
                "message": c.message, "changes": json_changes(s),
            })
        })
        .collect();
    to_json_pretty(&Value::Array(items)) + "\n"
}
