//! The explorer's [`Host`]: the I/O behind the comfort keys (the clipboard
//! through OSC 52, the browser, the editor), live reload, and the reading
//! state written when marks change and at the end.

pub mod open;
pub mod osc52;
pub mod watch;

use std::path::{Path, PathBuf};

use crate::app::comfort::Effect;
use crate::app::{update, Action, State};
use crate::reading::{self, Reading};
use crate::story::locate::{self, Budgets};
use crate::term::{Host, Session};
use crate::ui::text::label;

use watch::{Load, Reloader};

/// The largest story file the editor's line is looked up in.
const MAX_LOCATE: u64 = 16 * 1024 * 1024;

pub struct Explorer {
    reloader: Reloader,
    reading: Option<Reading>,
    /// The stories are the bundled ones (no files to edit or watch).
    bundled: bool,
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
            reloader: Reloader::start(load, &watched),
            reading,
            bundled,
        }
    }

    /// Why live reload is off, if it is.
    pub fn watch_error(&self) -> Option<&str> {
        self.reloader.watch_error.as_deref()
    }

    /// Writes the reading state (nothing with `--no-state`).
    pub fn save(&self, state: &State) -> Result<(), String> {
        let Some(r) = &self.reading else {
            return Ok(());
        };
        r.save(&reading::entry_of(state)).map_err(|e| {
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
        self.reloader.request();
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
        let Some(corpus) = self.reloader.take() else {
            return false;
        };
        let open = state.current_story().map(|s| s.id.clone());
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
            Effect::Reload => self.reloader.request(),
            Effect::SaveReading => {
                if let Err(e) = self.save(state) {
                    state.message = Some(label(&e, 200));
                }
            }
        }
    }
}
