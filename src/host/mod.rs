//! The explorer's [`Host`]: the I/O behind the comfort keys (the clipboard
//! through OSC 52, the browser, the editor), live reload, and the reading
//! state written when marks change and at the end.

pub mod open;
pub mod osc52;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;

use crate::app::effects::Effect;
use crate::app::{update, Action, Screen, State};
use crate::reading_state::{self, Reading};
use crate::story::locate::{self, Budgets};
use crate::term::{Host, Session};
use crate::ui::text::label;

use watch::{Load, Reloader};

/// The largest story file the editor's line is looked up in.
const MAX_LOCATE: u64 = 16 * 1024 * 1024;

pub struct Explorer {
    /// Started on the first poll, after the first frame: watching a big folder
    /// takes a while.
    reloader: Option<Reloader>,
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
}

impl Explorer {
    /// `paths`: what was loaded (empty for the bundled stories); `load`
    /// loads it again; `reading`: where to keep the reading state (None with
    /// `--no-state`).
    pub fn new(load: Load, paths: &[PathBuf], bundled: bool, reading: Option<Reading>) -> Self {
        let watched: Vec<PathBuf> = if bundled {
            Vec::new()
        } else if paths.is_empty() {
            vec![PathBuf::from("stories")]
        } else {
            paths.to_vec()
        };
        Explorer {
            reloader: None,
            load,
            watched,
            reading,
            bundled,
            loads: None,
            restore: None,
        }
    }

    /// The rest of the files come from `loads`; once all are in, the reader is put
    /// back at `restore` unless they went somewhere meanwhile (still on the library).
    pub fn load_in_background(&mut self, loads: Receiver<Action>, restore: Option<reading_state::Place>) {
        self.loads = Some(loads);
        self.restore = restore;
    }

    /// Applies the batches loaded since the last call; true when some came.
    fn take_batches(&mut self, state: &mut State) -> bool {
        let Some(rx) = &self.loads else {
            return false;
        };
        let mut changed = false;
        loop {
            match rx.try_recv() {
                Ok(action) => {
                    update(state, action);
                    changed = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    state.loading = None;
                    break;
                }
            }
        }
        if state.loading.is_none() {
            self.loads = None;
            if let Some(place) = self.restore.take() {
                if state.screen == Screen::Library {
                    reading_state::restore(state, &place);
                }
            }
        }
        changed
    }

    /// The reload worker and watcher, started now if not yet.
    fn reloader(&mut self) -> &Reloader {
        let (load, watched) = (&self.load, &self.watched);
        self.reloader
            .get_or_insert_with(|| Reloader::start(Arc::clone(load), watched))
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
        state: &mut State,
    ) {
        if !file.is_file() {
            state.message = Some(if self.bundled {
                "This story is bundled into storyx: there is no file to edit. Open a folder of your own stories to edit them".into()
            } else {
                format!(
                    "Cannot edit {}: no such file",
                    label(&file.display().to_string(), 80)
                )
            });
            return;
        }
        let line = line.or_else(|| line_of(file, path));
        let result = session.hand_over(|| open::run_editor(file, line));
        state.message = Some(match result {
            Ok(Ok(())) => format!(
                "Edited {}; reloading…",
                label(&file.display().to_string(), 80)
            ),
            Ok(Err(e)) => label(&e, 200),
            Err(e) => format!("The terminal failed after the editor: {e}"),
        });
        self.reloader().request();
    }
}

/// The line of the value at `path` (`quotes[3]`) in a story file.
pub fn line_of(file: &Path, path: &str) -> Option<usize> {
    if path.is_empty() || std::fs::metadata(file).ok()?.len() > MAX_LOCATE {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    let index = locate::scan(&text, Budgets::default(), true).ok()?;
    index
        .value(path)
        .or_else(|| index.key(path, 0))
        .map(|l| l.line)
}

/// What the status bar says after a reload.
fn reloaded_message(state: &State, open_before: Option<String>) -> String {
    let n = state.corpus.stories.len();
    let mut m = format!("Reloaded: {n} stor{}", if n == 1 { "y" } else { "ies" });
    if let Some(id) = open_before {
        if state.current_story().is_none_or(|s| s.id != id) {
            m = format!("“{}” did not load this time", label(&id, 40));
        }
    }
    let problems = state.corpus.diagnostics.len();
    if problems > 0 {
        m.push_str(&format!(
            " · ⚠ {problems} problem{} (! shows them)",
            if problems == 1 { "" } else { "s" }
        ));
    }
    m
}

impl Host for Explorer {
    fn poll(&mut self, state: &mut State) -> bool {
        let mut changed = self.take_batches(state);
        if self.reloader.is_none() {
            self.reloader();
            if let (Some(e), None) = (self.watch_error(), &state.message) {
                state.message = Some(format!(
                    "Live reload is off ({}); r reloads",
                    crate::sanitize::sanitize_line(e)
                ));
                changed = true;
            }
        }
        let Some(corpus) = self.reloader().take() else {
            return changed;
        };
        // A whole new load: what was still loading is superseded.
        self.loads = None;
        state.loading = None;
        let open = state.current_story().map(|s| s.id.to_string());
        update(state, Action::Loaded(Box::new(corpus)));
        state.message = Some(reloaded_message(state, open));
        true
    }

    fn perform(&mut self, effect: Effect, session: &mut Session, state: &mut State) {
        match effect {
            Effect::Copy(text) => {
                if let Err(e) = osc52::copy(session.out(), &text) {
                    state.message = Some(format!("Could not copy: {e}"));
                }
            }
            Effect::OpenUrl(url) => {
                if let Err(e) = open::open_url(&url) {
                    state.message = Some(format!("Not opened: {}", label(&e, 200)));
                }
            }
            Effect::Edit { file, path, line } => self.edit(&file, &path, line, session, state),
            Effect::Reload => self.reloader().request(),
            Effect::SaveReading => {
                if let Err(e) = self.save(state) {
                    state.message = Some(label(&e, 200));
                }
            }
        }
    }

    fn loading(&self) -> bool {
        self.loads.is_some()
    }
}
