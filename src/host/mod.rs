//! The explorer's [`Host`]: the I/O behind the comfort keys (the clipboard
//! through OSC 52, the browser, the editor), live reload, and the reading
//! state written when marks change and at the end.

pub mod open;
pub mod osc52;
pub mod review;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;

use crate::app::effects::Effect;
use crate::app::{Action, State};
use crate::reading_state::{self, Reading};
use crate::story::locate::{self, Budgets};
use crate::term::{Host, Session};
use crate::view::text::label;

use watch::{Load, Reloader};

pub struct Explorer {
    /// Started on the first poll once the stories are loaded (after the first
    /// frame: watching a big folder takes a while; and the watcher would wake on
    /// every file the load opens), or when a reload is asked for.
    reloader: Option<Reloader>,
    /// When the first load started ([`watch::file_clock`]): a change made since
    /// then, before the watcher started, is loaded again.
    loaded_since: Option<std::time::SystemTime>,
    /// How to load again, and what to watch.
    load: Load,
    watched: Vec<PathBuf>,
    reading: Option<Reading>,
    /// The stories are the bundled ones (no files to edit or watch).
    bundled: bool,
    /// Files still loading in the background ([`Action::Batch`]).
    loads: Option<Receiver<Action>>,
    /// Where the reader was, put back once everything is loaded.
    restore: Option<reading_state::Place>,
    /// The versions kept of the reviewed stories, and their comparisons.
    reviews: review::Reviews,
}

/// Adds an action taken from the load to `out`, a batch right after a batch
/// joined to it: batches that came in while the explorer was busy go into the
/// library at once (one sort, one frame), not one after another while keys wait.
fn gather(out: &mut Vec<Action>, action: Action) {
    match (out.last_mut(), action) {
        (Some(Action::Batch(into)), Action::Batch(b)) => {
            let b = *b;
            into.results.extend(b.results);
            into.problems.extend(b.problems);
            into.done = b.done;
            into.total = b.total;
        }
        (_, action) => out.push(action),
    }
}

impl Explorer {
    /// `paths`: what was loaded (empty for the bundled stories); `load`
    /// loads it again; `reading`: where to keep the reading state (None with
    /// `--no-state`).
    /// `since`: when the load started ([`watch::file_clock`]).
    pub fn new(
        load: Load,
        paths: &[PathBuf],
        bundled: bool,
        reading: Option<Reading>,
        since: std::time::SystemTime,
    ) -> Self {
        // The reviewed versions are kept with the reading state, for the same corpus.
        let store = reading
            .as_ref()
            .and_then(|_| crate::reviewed::Store::default_location());
        let corpus = reading.as_ref().map(|r| r.key.clone()).unwrap_or_default();
        let reviews = review::Reviews::start(store, corpus);
        let watched: Vec<PathBuf> = if bundled {
            Vec::new()
        } else if paths.is_empty() {
            vec![PathBuf::from("stories")]
        } else {
            paths.to_vec()
        };
        Explorer {
            reloader: None,
            loaded_since: Some(since),
            load,
            watched,
            reading,
            bundled,
            loads: None,
            restore: None,
            reviews,
        }
    }

    /// The rest of the files come from `loads`; once all are in, the reader is put
    /// back at `restore` unless they went somewhere meanwhile (still on the library).
    pub fn load_in_background(
        &mut self,
        loads: Receiver<Action>,
        restore: Option<reading_state::Place>,
    ) {
        self.loads = Some(loads);
        self.restore = restore;
    }

    /// The batches loaded since the last call, as actions; once the last is in,
    /// the reader is put back where they were (unless they went somewhere).
    fn take_batches(&mut self, out: &mut Vec<Action>) {
        let Some(rx) = &self.loads else {
            return;
        };
        let mut over = false;
        loop {
            match rx.try_recv() {
                Ok(action) => {
                    if let Action::Batch(b) = &action {
                        over = b.done >= b.total;
                    }
                    gather(out, action);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    out.push(Action::LoadingDone);
                    over = true;
                    break;
                }
            }
        }
        if over {
            self.loads = None;
            if let Some(place) = self.restore.take() {
                out.push(Action::Restore {
                    place: Box::new(place),
                    from_library_only: true,
                });
            }
        }
    }

    /// The reload worker and watcher, started now if not yet.
    fn reloader(&mut self) -> &Reloader {
        let (load, watched, since) = (&self.load, &self.watched, self.loaded_since);
        self.reloader
            .get_or_insert_with(|| Reloader::start(Arc::clone(load), watched, since))
    }

    /// Why live reload is off, if it is (known once it is started).
    pub fn watch_error(&self) -> Option<&str> {
        self.reloader.as_ref()?.watch_error.as_deref()
    }

    /// Writes the reading state (nothing with `--no-state`).
    pub fn save(&self, state: &State) -> Result<(), String> {
        let Some(r) = &self.reading else {
            return Ok(());
        };
        r.save(&reading_state::entry_of(state)).map_err(|e| {
            format!(
                "could not save the reading state in {}: {e}",
                r.file.display()
            )
        })
    }

    fn edit(
        &mut self,
        file: &Path,
        path: &str,
        line: Option<usize>,
        session: &mut Session,
    ) -> Action {
        if !file.is_file() {
            return Action::Message(if self.bundled {
                "This story is bundled into storyx: there is no file to edit. Open a folder of your own stories to edit them".into()
            } else {
                format!(
                    "Cannot edit {}: no such file",
                    label(&file.display().to_string(), 80)
                )
            });
        }
        let line = line.or_else(|| line_of(file, path));
        let (program, mut command) = open::editor_process(file, line);
        let result = session
            .run_child(&mut command)
            .map(|status| open::editor_outcome(&program, status));
        let message = match result {
            Ok(Ok(())) => format!(
                "Edited {}; reloading…",
                label(&file.display().to_string(), 80)
            ),
            Ok(Err(e)) => label(&e, 200),
            Err(e) => format!("The terminal failed after the editor: {e}"),
        };
        self.reloader().request();
        Action::Message(message)
    }
}

/// The line of the value at `path` (`quotes[3]`) in a story file.
pub fn line_of(file: &Path, path: &str) -> Option<usize> {
    if path.is_empty() {
        return None;
    }
    // As the loader reads it: a regular file within the size cap, never a FIFO.
    let text = crate::story::load::text_of(file)?;
    let index = locate::scan(&text, Budgets::default(), true).ok()?;
    index
        .value(path)
        .or_else(|| index.key(path, 0))
        .map(|l| l.line)
}

impl Host for Explorer {
    fn poll(&mut self, state: &State) -> Vec<Action> {
        let mut out = Vec::new();
        self.take_batches(&mut out);
        self.reviews.take(&mut out);
        if self.loads.is_none() {
            self.reloader();
        }
        if self.reloader.as_mut().is_some_and(Reloader::watching) {
            if let (Some(e), None) = (self.watch_error(), &state.chrome.message) {
                out.push(Action::Message(format!(
                    "Live reload is off ({}); r reloads",
                    crate::sanitize::sanitize_line(e)
                )));
            }
        }
        if let Some(corpus) = self.reloader.as_ref().and_then(Reloader::take) {
            // A whole new load: what was still loading is superseded.
            self.loads = None;
            out.push(Action::Reloaded(Box::new(corpus)));
        }
        out
    }

    fn perform(&mut self, effect: Effect, session: &mut Session, state: &State) -> Option<Action> {
        match effect {
            Effect::Copy(text) => osc52::copy(session.out(), &text)
                .err()
                .map(|e| Action::Message(format!("Could not copy: {e}"))),
            Effect::OpenUrl(url) => open::open_url(&url)
                .err()
                .map(|e| Action::Message(format!("Not opened: {}", label(&e, 200)))),
            Effect::Edit { file, path, line } => Some(self.edit(&file, &path, line, session)),
            Effect::Reload => {
                self.reloader().request();
                None
            }
            Effect::SaveReading => self
                .save(state)
                .err()
                .map(|e| Action::Message(label(&e, 200))),
            Effect::KeepReviewed(id) => {
                self.reviews.keep(state, &id);
                None
            }
            Effect::ForgetReviewed(id) => {
                self.reviews.forget(id);
                None
            }
            Effect::Compare(asks) => {
                self.reviews.compare(state, asks);
                None
            }
        }
    }

    fn loading(&self) -> bool {
        self.loads.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Batch;
    use crate::story::FileResult;

    fn batch(files: &[&str], done: usize) -> Action {
        Action::Batch(Box::new(Batch {
            results: files
                .iter()
                .map(|f| FileResult {
                    path: PathBuf::from(f),
                    story: None,
                    diagnostics: Vec::new(),
                    io_error: false,
                })
                .collect(),
            problems: Vec::new(),
            done,
            total: 5,
        }))
    }

    /// Batches that waited are joined into one, in order, with the last count;
    /// what is not a batch stays apart, and a batch after it starts anew.
    #[test]
    fn batches_that_waited_are_taken_as_one() {
        let mut out = Vec::new();
        for action in [
            batch(&["a", "b"], 2),
            batch(&["c"], 3),
            batch(&["d"], 4),
            Action::LoadingDone,
            batch(&["e"], 5),
        ] {
            gather(&mut out, action);
        }
        let seen: Vec<(Vec<String>, usize)> = out
            .iter()
            .map(|a| match a {
                Action::Batch(b) => (
                    b.results
                        .iter()
                        .map(|r| r.path.display().to_string())
                        .collect(),
                    b.done,
                ),
                _ => (Vec::new(), 0),
            })
            .collect();
        assert_eq!(
            seen,
            [
                (vec!["a".into(), "b".into(), "c".into(), "d".into()], 4),
                (Vec::new(), 0),
                (vec!["e".into()], 5)
            ]
        );
        assert!(matches!(out[1], Action::LoadingDone));
    }
}
