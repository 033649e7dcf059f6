//! Story files in a git repository's history, read through the `git` command:
//! trees (`git ls-tree`), commits (`git log`), what each commit changed
//! (`git diff-tree`) and blobs (`git cat-file`). Every call passes
//! `--no-optional-locks` and reads objects only: never the index or the work
//! tree's state files, and nothing is ever written to the repository.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use crate::story::load::{self, LoadOptions};
use crate::story::FileResult;
use crate::story::{Diagnostic, Severity};

/// A repository, seen from a folder inside its work tree.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The folder git runs in (pathspecs are relative to it).
    pub cwd: PathBuf,
    /// The top of the work tree.
    pub top: PathBuf,
}

/// A story file in a tree: its path from the top of the repository, its blob, its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    pub path: String,
    pub blob: String,
    pub size: u64,
}

/// A commit, as `git log` tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    pub parents: Vec<String>,
    /// The author date, strict ISO 8601.
    pub date: String,
    pub author: String,
    pub email: String,
    pub message: String,
}

/// A file a commit changed: its blob before and after (`None`: absent on that side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A call to `git` that did not work, in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError(pub String);

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_story_path(p: &str) -> bool {
    p.ends_with(".yaml") || p.ends_with(".yml")
}

impl Repo {
    /// The repository whose work tree holds `cwd`.
    pub fn find(cwd: &Path) -> Result<Repo, GitError> {
        let out = run(cwd, &["rev-parse", "--show-toplevel"], None)?;
        let top = String::from_utf8_lossy(&out)
            .trim_end_matches('\n')
            .to_string();
        if top.is_empty() {
            return Err(GitError(format!(
                "{} is not in a git work tree",
                cwd.display()
            )));
        }
        Ok(Repo {
            cwd: cwd.to_path_buf(),
            top: PathBuf::from(top),
        })
    }

    fn git(&self, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, GitError> {
        run(&self.cwd, args, input)
    }

    /// The commit a revision names (checked, so a typo is an error of its own).
    pub fn resolve(&self, rev: &str) -> Result<String, GitError> {
        if rev.starts_with('-') {
            return Err(GitError(format!("`{rev}` is not a revision")));
        }
        let spec = format!("{rev}^{{commit}}");
        let out = self
            .git(
                &[
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    "--end-of-options",
                    &spec,
                ],
                None,
            )
            .map_err(|_| GitError(format!("unknown revision `{rev}`")))?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// The story files (`.yaml`, `.yml`) of a commit's tree under `paths` (relative
    /// to the folder git runs in; all of it when empty), in path order.
    pub fn tree(&self, commit: &str, paths: &[PathBuf]) -> Result<Vec<TreeFile>, GitError> {
        let mut args: Vec<String> = ["ls-tree", "-r", "-z", "-l", "--full-name", commit, "--"]
            .map(String::from)
            .to_vec();
        args.extend(pathspecs(paths));
        let out = self.git(&args.iter().map(String::as_str).collect::<Vec<_>>(), None)?;
        let mut files = Vec::new();
        for entry in out.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            let entry = String::from_utf8_lossy(entry);
            let Some((meta, path)) = entry.split_once('\t') else {
                continue;
            };
            let meta: Vec<&str> = meta.split_whitespace().collect();
            if let [_, "blob", blob, size] = meta[..] {
                if is_story_path(path) {
                    files.push(TreeFile {
                        path: path.to_string(),
                        blob: blob.to_string(),
                        size: size.parse().unwrap_or(u64::MAX),
                    });
                }
            }
        }
        files.sort_by(|a, b| Path::new(&a.path).cmp(Path::new(&b.path)));
        Ok(files)
    }

    /// The commits that changed story files under `paths`, newest first (merges left
    /// out: their changes are those of the commits merged), each with what it changed.
    pub fn history(&self, paths: &[PathBuf]) -> Result<Vec<(Commit, Vec<FileChange>)>, GitError> {
        let mut args: Vec<String> = [
            "log",
            "--no-merges",
            "-z",
            "--format=%H%x00%P%x00%aI%x00%an%x00%ae%x00%B",
            "--",
        ]
        .map(String::from)
        .to_vec();
        args.extend(pathspecs(paths));
        let out = self.git(&args.iter().map(String::as_str).collect::<Vec<_>>(), None)?;
        let text = String::from_utf8_lossy(&out);
        let mut fields: Vec<&str> = text.split('\0').collect();
        if fields.last() == Some(&"") {
            fields.pop();
        }
        let commits: Vec<Commit> = fields
            .chunks(6)
            .filter(|c| c.len() == 6)
            .map(|c| Commit {
                id: c[0].to_string(),
                parents: c[1].split_whitespace().map(String::from).collect(),
                date: c[2].to_string(),
                author: c[3].to_string(),
                email: c[4].to_string(),
                message: c[5].trim_end().to_string(),
            })
            .collect();
        if commits.is_empty() {
            return Ok(Vec::new());
        }
        let mut args: Vec<String> = [
            "diff-tree",
            "--stdin",
            "-r",
            "-z",
            "--root",
            "--no-renames",
            "--no-abbrev",
            "--",
        ]
        .map(String::from)
        .to_vec();
        args.extend(pathspecs(paths));
        let input: String = commits.iter().map(|c| format!("{}\n", c.id)).collect();
        let out = self.git(
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            Some(input.as_bytes()),
        )?;
        let mut changes: std::collections::HashMap<String, Vec<FileChange>> = Default::default();
        let mut current: Option<String> = None;
        let mut tokens = out.split(|&b| b == 0).filter(|t| !t.is_empty());
        while let Some(token) = tokens.next() {
            let token = String::from_utf8_lossy(token);
            if let Some(meta) = token.strip_prefix(':') {
                let Some(path) = tokens.next() else { break };
                let path = String::from_utf8_lossy(path).to_string();
                let meta: Vec<&str> = meta.split_whitespace().collect();
                if let (Some(c), [_, _, old, new, _]) = (&current, &meta[..]) {
                    if is_story_path(&path) {
                        let blob = |b: &str| (!b.bytes().all(|x| x == b'0')).then(|| b.to_string());
                        changes.entry(c.clone()).or_default().push(FileChange {
                            path,
                            old: blob(old),
                            new: blob(new),
                        });
                    }
                }
            } else {
                current = Some(token.trim().to_string());
            }
        }
        Ok(commits
            .into_iter()
            .map(|c| {
                let files = changes.remove(&c.id).unwrap_or_default();
                (c, files)
            })
            .collect())
    }

    /// A reader of blobs (one `git cat-file` process for many blobs).
    pub fn blobs(&self) -> Result<Blobs, GitError> {
        let mut child = command(&self.cwd)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| GitError(format!("cannot run git: {e}")))?;
        let input = child.stdin.take();
        let output = child.stdout.take().map(BufReader::new);
        match (input, output) {
            (Some(input), Some(output)) => Ok(Blobs {
                child,
                input,
                output,
            }),
            _ => Err(GitError("cannot talk to git cat-file".into())),
        }
    }

    /// A work-tree file's path from the top of the repository, if it is inside.
    pub fn path_in_repo(&self, file: &Path) -> Option<String> {
        let top = self.top.canonicalize().ok()?;
        let full = file.canonicalize().ok()?;
        let rel = full.strip_prefix(top).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }
}

/// Pathspecs from command-line paths: taken literally (no globs), the whole folder
/// git runs in when none is given.
fn pathspecs(paths: &[PathBuf]) -> Vec<String> {
    if paths.is_empty() {
        return vec![":(literal).".to_string()];
    }
    paths
        .iter()
        .map(|p| format!(":(literal){}", p.to_string_lossy()))
        .collect()
}

fn command(cwd: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(cwd)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_PAGER")
        .arg("--no-optional-locks")
        .arg("--no-pager");
    c
}

fn run(cwd: &Path, args: &[&str], input: Option<&[u8]>) -> Result<Vec<u8>, GitError> {
    let mut child = command(cwd)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| GitError(format!("cannot run git: {e}")))?;
    let writer = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => {
            let bytes = bytes.to_vec();
            Some(std::thread::spawn(move || {
                let _ = stdin.write_all(&bytes);
            }))
        }
        _ => None,
    };
    let out = child
        .wait_with_output()
        .map_err(|e| GitError(format!("cannot run git: {e}")))?;
    if let Some(w) = writer {
        let _ = w.join();
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let err = err
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("failed")
            .trim();
        return Err(GitError(format!(
            "git {}: {err}",
            args.first().unwrap_or(&"")
        )));
    }
    Ok(out.stdout)
}

/// Blobs read one after another from one `git cat-file --batch`.
pub struct Blobs {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Blobs {
    /// A blob's bytes, or why not: missing, or over `max` bytes (then not kept).
    pub fn read(&mut self, blob: &str, max: u64) -> Result<Vec<u8>, String> {
        if blob.is_empty() || !blob.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("`{blob}` is not a blob id"));
        }
        let fail = |e: std::io::Error| format!("cannot read from git cat-file: {e}");
        writeln!(self.input, "{blob}")
            .and_then(|()| self.input.flush())
            .map_err(fail)?;
        let mut header = String::new();
        self.output.read_line(&mut header).map_err(fail)?;
        let parts: Vec<&str> = header.split_whitespace().collect();
        let size: u64 = match parts[..] {
            [_, "blob", size] => size
                .parse()
                .map_err(|_| format!("git cat-file said `{}`", header.trim()))?,
            _ => return Err(format!("git cat-file said `{}`", header.trim())),
        };
        let mut body = (&mut self.output).take(size);
        let result = if size > max {
            std::io::copy(&mut body, &mut std::io::sink()).map_err(fail)?;
            Err(format!(
                "the file is {size} bytes, over the {} MiB limit for a story file; raise it with --max-file-size",
                max / (1024 * 1024)
            ))
        } else {
            let mut bytes = Vec::with_capacity(size as usize);
            body.read_to_end(&mut bytes).map_err(fail)?;
            Ok(bytes)
        };
        // The blob ends with a line break of its own.
        let mut end = [0u8; 1];
        self.output.read_exact(&mut end).map_err(fail)?;
        result
    }
}

impl Drop for Blobs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A story file's bytes, named (`REV:path`), through the loader's one entry point
/// ([`load::from_bytes`]: its size cap, UTF-8 check and budgets) like any story
/// file: the one place blobs become stories.
pub fn parse_blob(name: &Path, bytes: Result<Vec<u8>, String>, opts: &LoadOptions) -> FileResult {
    match bytes {
        Ok(bytes) => load::from_bytes(name, &bytes, opts),
        Err(message) => FileResult {
            path: name.to_path_buf(),
            story: None,
            diagnostics: vec![Diagnostic::new(name, None, Severity::Error, "", message)],
            io_error: false,
        },
    }
}
