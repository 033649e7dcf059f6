//! Everything loaded: the stories in path order, every file's outcome and problems,
//! and the cross-story indexes: entities (a party or analyst id shared by stories) and
//! claims (a claim id shared by format-2 stories).
//! [`load`] builds it from files, batch by batch, through the cache.

pub mod load;

pub use load::{load_paths, load_paths_cached, load_paths_then, Loader};

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::story::parse::locate_in_file;
use crate::story::{Diagnostic, FileResult, LoadOptions, Location, Severity, Story, Str};

/// A fast hash seeded per process, for the maps of ids (ids are story text: a
/// fixed hash could be made to collide).
type Fast = foldhash::fast::RandomState;

/// [`FileResult`] with its story shared.
#[derive(Debug, Clone, Default)]
pub struct SharedResult {
    pub path: PathBuf,
    pub story: Option<Arc<Story>>,
    pub diagnostics: Vec<Diagnostic>,
    pub io_error: bool,
}

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

/// One claim id across the format-2 stories that carry it (a claim of a format-1
/// story stays inside its story and is not here).
#[derive(Debug, Clone)]
pub struct SharedClaim {
    pub id: Str,
    /// (story index, index in its `claims`) for every format-2 story with this claim
    /// id, in corpus order.
    pub appearances: Vec<(usize, usize)>,
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
    /// Claims of format-2 stories by id, ordered by first appearance.
    pub claims: Vec<SharedClaim>,
    /// How many of the diagnostics are usage or I/O problems (a missing path).
    pub usage_problems: usize,
    entity_index: HashMap<Str, usize, Fast>,
    claim_index: HashMap<Str, usize, Fast>,
    /// The file of each kept story id (its number in `files`), for reporting
    /// duplicates across batches, with the place of its `id` once a duplicate
    /// needed it.
    first_file_of: HashMap<Str, (usize, Option<Option<Location>>), Fast>,
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
        self.extend_shared(results.into_iter().map(|r| SharedResult {
            path: r.path,
            story: r.story.map(Arc::new),
            diagnostics: r.diagnostics,
            io_error: r.io_error,
        }))
    }

    /// [`Corpus::extend`] with stories already shared (the language server keeps each
    /// file's result and builds the corpus anew when one changes).
    pub fn extend_shared(&mut self, results: impl IntoIterator<Item = SharedResult>) {
        let first_new = self.stories.len();
        // Problems found now for files loaded before (the first of a duplicate id).
        let mut late = Vec::new();
        for result in results {
            self.usage_problems += usize::from(result.io_error);
            let mut diagnostics = result.diagnostics;
            let mut kept = None;
            if let Some(story) = result.story {
                if let Some((first, first_at)) = self.first_file_of.get_mut(&story.id) {
                    let first = &self.files[*first].path;
                    // Both files are reported, each at its `id` (read again: a
                    // duplicate is rare, and its places are not kept otherwise).
                    // Within the default cap: the file may have changed meanwhile.
                    let opts = LoadOptions::default();
                    let here = locate_in_file(&result.path, "id", &opts);
                    let there = *first_at.get_or_insert_with(|| locate_in_file(first, "id", &opts));
                    let place = |file: &std::path::Path, at: Option<Location>| match at {
                        Some(l) => format!("{}:{}:{}", file.display(), l.line, l.column),
                        None => file.display().to_string(),
                    };
                    diagnostics.push(
                        Diagnostic::new(
                            result.path.clone(),
                            here,
                            Severity::Error,
                            "id",
                            format!(
                                "story id `{}` is already used by {}; story ids must be unique across everything loaded (the first one is kept)",
                                story.id,
                                place(first, there)
                            ),
                        )
                        .related_to(first.clone(), there),
                    );
                    late.push(
                        Diagnostic::new(
                            first.clone(),
                            there,
                            Severity::Warning,
                            "id",
                            format!(
                                "story id `{}` is used again by {}; story ids must be unique across everything loaded (this one, the first, is kept)",
                                story.id,
                                place(&result.path, here)
                            ),
                        )
                        .related_to(result.path.clone(), here),
                    );
                } else {
                    self.first_file_of
                        .insert(story.id.detached(), (self.files.len(), None));
                    kept = Some(self.stories.len());
                    self.stories.push(story);
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
        self.index_claims(first_new);
    }

    /// Keeps the last good version of each file that loaded in `before` and
    /// fails now (a broken save during live reload): its story from `before`
    /// stays, in its place in path order, while the file's problems are
    /// reported as they are now (its status keeps `first_error`, see
    /// [`Corpus::is_stale`]). A story whose id another file now uses is not
    /// kept. Returns how many stories were kept this way.
    pub fn keep_last_good(&mut self, before: &Corpus) -> usize {
        let old: HashMap<&PathBuf, &Arc<Story>> = before
            .files
            .iter()
            .filter_map(|f| Some((&f.path, before.stories.get(f.story?)?)))
            .collect();
        let taken: std::collections::HashSet<Str> =
            self.stories.iter().map(|s| s.id.clone()).collect();
        let wanted: Vec<Option<Arc<Story>>> = self
            .files
            .iter()
            .map(|f| match (f.story, &f.first_error, old.get(&f.path)) {
                (None, Some(_), Some(story)) if !taken.contains(&story.id) => {
                    Some(Arc::clone(story))
                }
                _ => None,
            })
            .collect();
        let kept = wanted.iter().flatten().count();
        if kept == 0 {
            return 0;
        }
        // The stories again in path order, the kept ones in their files' places.
        let mut stories = Vec::with_capacity(self.stories.len() + kept);
        let mut first_file_of = HashMap::default();
        let mut seen = std::collections::HashSet::new();
        for (at, (file, old)) in self.files.iter_mut().zip(wanted).enumerate() {
            let story = match (file.story, old) {
                (Some(i), _) => Arc::clone(&self.stories[i]),
                (None, Some(story)) if seen.insert(story.id.clone()) => story,
                _ => continue,
            };
            first_file_of.insert(story.id.detached(), (at, None));
            file.story = Some(stories.len());
            stories.push(story);
        }
        self.stories = stories;
        self.first_file_of = first_file_of;
        self.entities.clear();
        self.entity_index.clear();
        self.index_entities(0);
        kept
    }

    /// The first error of the file of story `story`, when the story shown is
    /// the last good version of a file that fails now.
    pub fn is_stale(&self, story: usize) -> Option<&Diagnostic> {
        self.files
            .iter()
            .find(|f| f.story == Some(story))
            .and_then(|f| f.first_error.as_ref())
    }

    /// Lets the contents of the stories from `first` on go, keeping each one's id,
    /// title, date and file, and every file's outcome and problems: for a caller that
    /// took what it needs from them (the search command, once it indexed them).
    pub fn forget_stories(&mut self, first: usize) {
        self.forget(first, false);
    }

    /// [`Corpus::forget_stories`], keeping each story's parties and analysts too:
    /// for a caller that looks an entity up by its names, then wants back whole only
    /// the stories it appears in ([`Corpus::put_back`]).
    pub fn forget_all_but_people(&mut self, first: usize) {
        self.forget(first, true);
    }

    /// [`Corpus::forget_stories`], keeping the parties and analysts or not. What
    /// is kept of a packed story is packed again: its texts would otherwise keep
    /// the story's whole text buffer.
    fn forget(&mut self, first: usize, keep_people: bool) {
        for s in self.stories.iter_mut().skip(first) {
            let s = Arc::make_mut(s);
            if !keep_people {
                s.parties = Vec::new();
                s.analysts = Vec::new();
            }
            s.question = None;
            s.summary = None;
            s.tags = Vec::new();
            s.sources = Vec::new();
            s.quotes = Vec::new();
            s.claims = Vec::new();
            s.timeline = Vec::new();
            s.extensions = Vec::new();
            if s.id.shares_buffer_with(&s.title) {
                s.pack();
            }
        }
    }

    /// [`Corpus::forget_stories`], keeping each story's claims by id and text
    /// (their stances and source let go): for a caller that looks a claim up by
    /// them, then wants back whole only the stories that carry it
    /// ([`Corpus::put_back`]).
    pub fn forget_all_but_claims(&mut self, first: usize) {
        let claims: Vec<Vec<crate::story::Claim>> = self
            .stories
            .iter_mut()
            .skip(first)
            .map(|s| {
                let mut claims = std::mem::take(&mut Arc::make_mut(s).claims);
                for c in &mut claims {
                    c.stances = Vec::new();
                    c.source = None;
                }
                claims
            })
            .collect();
        self.forget_stories(first);
        for (s, claims) in self.stories.iter_mut().skip(first).zip(claims) {
            Arc::make_mut(s).claims = claims;
        }
    }

    /// Puts a story loaded again in place of the one at `index` (whose contents
    /// were let go), when it is still the same story (the same id: the file may have
    /// changed since); whether it was put back.
    pub fn put_back(&mut self, index: usize, story: Story) -> bool {
        match self.stories.get_mut(index) {
            Some(s) if s.id == story.id => {
                *s = Arc::new(story);
                true
            }
            _ => false,
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
                // Copies of their own: a span would keep the story's whole
                // buffer alive after a command let the story go.
                let at = match self.entity_index.get(id.as_str()) {
                    Some(&at) => at,
                    None => {
                        self.entities.push(Entity {
                            id: id.detached(),
                            name: name.detached(),
                            appearances: Vec::new(),
                        });
                        let at = self.entities.len() - 1;
                        // The entity's copy of the id, shared.
                        self.entity_index.insert(self.entities[at].id.clone(), at);
                        at
                    }
                };
                self.entities[at].appearances.push((si, role));
            }
        }
    }

    /// Indexes the claims of the format-2 stories from `first` on.
    fn index_claims(&mut self, first: usize) {
        for (si, story) in self.stories.iter().enumerate().skip(first) {
            if story.format < 2 {
                continue;
            }
            for (ci, claim) in story.claims.iter().enumerate() {
                let at = match self.claim_index.get(claim.id.as_str()) {
                    Some(&at) => at,
                    None => {
                        self.claims.push(SharedClaim {
                            id: claim.id.detached(),
                            appearances: Vec::new(),
                        });
                        let at = self.claims.len() - 1;
                        self.claim_index.insert(self.claims[at].id.clone(), at);
                        at
                    }
                };
                self.claims[at].appearances.push((si, ci));
            }
        }
    }

    /// The claim with this id across the format-2 stories that carry it.
    pub fn claim(&self, id: &str) -> Option<&SharedClaim> {
        self.claim_index.get(id).map(|&i| &self.claims[i])
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

    /// Every problem in file order, each file's by place (as `check` prints them).
    pub fn ordered_diagnostics(&self) -> Vec<&Diagnostic> {
        let mut rank: HashMap<&std::path::Path, usize> = HashMap::new();
        for d in &self.diagnostics {
            let n = rank.len();
            rank.entry(d.file.as_path()).or_insert(n);
        }
        let mut v: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        v.sort_by_key(|d| (rank[d.file.as_path()], d.location));
        v
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

#[cfg(test)]
mod claim_tests {
    use super::*;
    use crate::story::parse::parse_str;
    use std::path::Path;

    fn story(file: &str, format: u64, id: &str, claim: &str) -> FileResult {
        let text = format!(
            "format: {format}\nid: {id}\ntitle: T\nclaims:\n  - id: other-{id}\n    text: Other.\n  - id: {claim}\n    text: Said.\n"
        );
        let r = parse_str(Path::new(file), &text);
        assert!(r.story.is_some(), "{:#?}", r.diagnostics);
        r
    }

    #[test]
    fn claims_join_across_format_2_stories_only() {
        let corpus = Corpus::from_results(vec![
            story("a.yaml", 2, "a", "memo-allegation"),
            story("b.yaml", 1, "b", "memo-allegation"),
            story("c.yaml", 2, "c", "memo-allegation"),
        ]);
        let shared = corpus.claim("memo-allegation").expect("indexed");
        // Story 1 is format 1: its claim stays inside it.
        assert_eq!(shared.appearances, vec![(0, 1), (2, 1)]);
        assert_eq!(
            corpus.claim("other-a").map(|c| c.appearances.len()),
            Some(1)
        );
        assert!(corpus.claim("other-b").is_none());
        // Batches give the same index as one load.
        let mut batched = Corpus::default();
        batched.extend(vec![story("a.yaml", 2, "a", "memo-allegation")]);
        batched.extend(vec![story("c.yaml", 2, "c", "memo-allegation")]);
        assert_eq!(
            batched
                .claim("memo-allegation")
                .map(|c| c.appearances.clone()),
            Some(vec![(0, 1), (1, 1)])
        );
    }
}
