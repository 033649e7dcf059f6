//! Live reload: a watcher (notify) on the story paths, debounced, and a worker
//! thread that loads the corpus again on request (a change seen, `r`, an edit)
//! and hands it to the event loop. Requests made while a load runs are served
//! by one more load, never queued one by one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::corpus::Corpus;

/// How long the files must stay quiet before a change is loaded.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Loads the corpus (the same way it was loaded at the start).
pub type Load = Arc<dyn Fn() -> Corpus + Send + Sync>;

/// The reload worker and the watcher of the paths.
pub struct Reloader {
    requests: Sender<()>,
    results: Receiver<Corpus>,
    /// Why files are not watched, once known ([`Reloader::watching`]).
    pub watch_error: Option<String>,
    /// Whether watching started or failed, from the thread that sets the watcher
    /// up (watching a big folder walks all of it: seconds at 100,000 files, which
    /// the event loop does not wait for); `None` once known.
    started: Option<Receiver<Result<(), String>>>,
    /// Dropped with the reloader: the watcher's thread then ends, and the watcher
    /// with it.
    _stop: Sender<()>,
}

fn is_story_path(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// Whether a file system event can change what loads.
fn relevant(event: &notify::Event, files: &[PathBuf]) -> bool {
    if matches!(event.kind, EventKind::Access(_) | EventKind::Other) {
        return false;
    }
    let folder = matches!(
        event.kind,
        EventKind::Create(notify::event::CreateKind::Folder)
            | EventKind::Remove(notify::event::RemoveKind::Folder)
    );
    folder
        || event
            .paths
            .iter()
            .any(|p| is_story_path(p) || files.iter().any(|f| f == p))
}

impl Reloader {
    /// Starts the worker; watches `paths` (folders recursively, files through
    /// their folder) unless `paths` is empty (the bundled stories).
    pub fn start(load: Load, paths: &[PathBuf]) -> Reloader {
        let (requests, requested) = mpsc::channel::<()>();
        let (done, results) = mpsc::channel();
        let _ = thread::Builder::new().name("reload".into()).spawn(move || {
            while requested.recv().is_ok() {
                while requested.try_recv().is_ok() {}
                if done.send(load()).is_err() {
                    break;
                }
            }
        });
        let (stop, stopped) = mpsc::channel::<()>();
        let (told, started) = mpsc::channel();
        let paths = paths.to_vec();
        let to = requests.clone();
        let _ = thread::Builder::new().name("watch".into()).spawn(move || {
            if paths.is_empty() {
                let _ = told.send(Ok(()));
                return;
            }
            match watch(&paths, to) {
                Ok(watcher) => {
                    let _ = told.send(Ok(()));
                    // Keeps the watcher until the reloader is dropped.
                    let _ = stopped.recv();
                    drop(watcher);
                }
                Err(e) => {
                    let _ = told.send(Err(e));
                }
            }
        });
        Reloader {
            requests,
            results,
            watch_error: None,
            started: Some(started),
            _stop: stop,
        }
    }

    /// Whether the watcher's start was learned just now (then [`Reloader::watch_error`]
    /// says whether it failed).
    pub fn watching(&mut self) -> bool {
        let Some(started) = &self.started else {
            return false;
        };
        let outcome = match started.try_recv() {
            Ok(outcome) => outcome,
            Err(mpsc::TryRecvError::Empty) => return false,
            Err(mpsc::TryRecvError::Disconnected) => Err("the watcher did not start".into()),
        };
        self.started = None;
        self.watch_error = outcome.err();
        true
    }

    /// Asks for a load.
    pub fn request(&self) {
        let _ = self.requests.send(());
    }

    /// The latest corpus loaded since the last call, if any.
    pub fn take(&self) -> Option<Corpus> {
        let mut latest = None;
        while let Ok(c) = self.results.try_recv() {
            latest = Some(c);
        }
        latest
    }
}

/// Watches the paths; changes, once quiet for [`DEBOUNCE`], become requests.
fn watch(paths: &[PathBuf], requests: Sender<()>) -> Result<RecommendedWatcher, String> {
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_file())
        .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
        .collect();
    let (tx, rx) = mpsc::channel::<()>();
    let watched_files = files.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if relevant(&event, &watched_files) {
                let _ = tx.send(());
            }
        }
    })
    .map_err(|e| e.to_string())?;
    for p in paths {
        let result = if p.is_dir() {
            watcher.watch(p, RecursiveMode::Recursive)
        } else {
            // Editors often replace a file (write a new one, rename it over):
            // watch its folder to see the new one.
            let real = p.canonicalize().unwrap_or_else(|_| p.clone());
            match real.parent() {
                Some(dir) => watcher.watch(dir, RecursiveMode::NonRecursive),
                None => continue,
            }
        };
        if let Err(e) = result {
            return Err(format!("{}: {e}", p.display()));
        }
    }
    let _ = thread::Builder::new()
        .name("debounce".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                loop {
                    match rx.recv_timeout(DEBOUNCE) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                if requests.send(()).is_err() {
                    return;
                }
            }
        });
    Ok(watcher)
}
