//! Everything loaded: the stories in path order, every file's outcome and problems,
//! and the cross-story index of entities (a party or analyst id shared by stories).
//! [`load`] builds it from files, batch by batch, through the cache.

pub mod load;

pub use load::{load_paths, load_paths_cached, load_paths_then, Loader};

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::story::parse::locate_in_file;
use crate::story::{Diagnostic, FileResult, LoadOptions, Location, Severity, Story, Str};

/// The outcome of one file, kept for the UI's problems screen.
#[derive(Debug, Clone)]
pub struct FileStatus {
    pub path: PathBuf,
    /// Index into [`Corpus::stories`] when the file loaded and its story was kept.
    pub story: Option<usize>,
    /// The first error, when the file failed.
    pub first_error: Option<Diagnostic>,
}

/// Whether an entity appears as a party or an analyst in one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Party,
    Analyst,
}

/// One party or analyst id across every story that has it.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: Str,
    /// The name in the first story (in corpus order) that has this id.
    pub name: Str,
    /// (story index, role) for every story the id appears in, in corpus order.
    pub appearances: Vec<(usize, Role)>,
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Loaded stories, in path order; a duplicate story id keeps the first.
    pub stories: Vec<Arc<Story>>,
    /// Every file that was read or tried, in path order.
    pub files: Vec<FileStatus>,
    /// Every problem of every file (and usage problems such as a missing path).
    pub diagnostics: Vec<Diagnostic>,
    /// Parties and analysts across stories, ordered by first appearance.
    pub entities: Vec<Entity>,
    /// How many of the diagnostics are usage or I/O problems (a missing path).
    pub usage_problems: usize,
    entity_index: HashMap<Str, usize>,
    /// The file of each kept story id, for reporting duplicates across batches,
    /// with the place of its `id` once a duplicate needed it.
    first_file_of: HashMap<Str, (PathBuf, Option<Option<Location>>)>,
}

impl Corpus {
    /// Builds the corpus from per-file results given in path order: keeps the
    /// first story of each id, reports every duplicate, and indexes entities.
    pub fn from_results(results: Vec<FileResult>) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.extend(results);
        corpus
    }

    /// Adds the results of more files, which come after those already in, in path
    /// order (a loader's next batch): the same as building from all of them at once.
    pub fn extend(&mut self, results: Vec<FileResult>) {
        let first_new = self.stories.len();
        self.files.reserve(results.len());
        // Problems found now for files loaded before (the first of a duplicate id).
        let mut late = Vec::new();
        for result in results {
            self.usage_problems += usize::from(result.io_error);
            let mut diagnostics = result.diagnostics;
            let mut kept = None;
            if let Some(story) = result.story {
                if let Some((first, first_at)) = self.first_file_of.get_mut(&story.id) {
                    // Both files are reported, each at its `id` (read again: a
                    // duplicate is rare, and its places are not kept otherwise).
                    let opts = LoadOptions {
                        max_file_size: u64::MAX,
                        ..LoadOptions::default()
                    };
                    let here = locate_in_file(&result.path, "id", &opts);
                    let there = *first_at.get_or_insert_with(|| locate_in_file(first, "id", &opts));
                    let place = |file: &std::path::Path, at: Option<Location>| match at {
                        Some(l) => format!("{}:{}:{}", file.display(), l.line, l.column),
                        None => file.display().to_string(),
                    };
                    diagnostics.push(Diagnostic {
                        file: result.path.clone(),
                        location: here,
                        severity: Severity::Error,
                        path: "id".into(),
                        message: format!(
                            "story id `{}` is already used by {}; story ids must be unique across everything loaded (the first one is kept)",
                            story.id,
                            place(first, there)
                        ),
                    });
                    late.push(Diagnostic {
                        file: first.clone(),
                        location: there,
                        severity: Severity::Warning,
                        path: "id".into(),
                        message: format!(
                            "story id `{}` is used again by {}; story ids must be unique across everything loaded (this one, the first, is kept)",
                            story.id,
                            place(&result.path, here)
                        ),
                    });
                } else {
                    self.first_file_of
                        .insert(story.id.clone(), (result.path.clone(), None));
                    kept = Some(self.stories.len());
                    self.stories.push(Arc::new(story));
                }
            }
            let first_error = diagnostics.iter().find(|d| d.is_error()).cloned();
            self.files.push(FileStatus {
                path: result.path,
                story: kept,
                first_error,
            });
            self.diagnostics.extend(diagnostics);
        }
        self.diagnostics.extend(late);
        self.index_entities(first_new);
    }

    /// Lets the contents of the stories from `first` on go, keeping each one's id,
    /// title, date and file, and every file's outcome and problems: for a caller that
    /// took what it needs from them (the search command, once it indexed them).
    pub fn forget_stories(&mut self, first: usize) {
        for s in self.stories.iter_mut().skip(first) {
            let s = Arc::make_mut(s);
            s.question = None;
            s.summary = None;
            s.tags = Vec::new();
            s.sources = Vec::new();
            s.parties = Vec::new();
            s.analysts = Vec::new();
            s.quotes = Vec::new();
            s.claims = Vec::new();
            s.timeline = Vec::new();
            s.extensions = Vec::new();
        }
    }

    /// Indexes the parties and analysts of the stories from `first` on.
    fn index_entities(&mut self, first: usize) {
        for (si, story) in self.stories.iter().enumerate().skip(first) {
            let people = story
                .parties
                .iter()
                .map(|p| (&p.id, &p.name, Role::Party))
                .chain(
                    story
                        .analysts
                        .iter()
                        .map(|a| (&a.id, &a.name, Role::Analyst)),
                );
            for (id, name, role) in people {
                let at = *self.entity_index.entry(id.clone()).or_insert_with(|| {
                    self.entities.push(Entity {
                        id: id.clone(),
                        name: name.clone(),
                        appearances: Vec::new(),
                    });
                    self.entities.len() - 1
                });
                self.entities[at].appearances.push((si, role));
            }
        }
    }

    /// The entity with this party/analyst id, across stories.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }

    /// The index in [`Corpus::entities`] of the entity with this id.
    pub fn entity_position(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id).map(|s| &**s)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}
