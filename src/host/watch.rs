//! Live reload: a watcher (notify) on the story paths, debounced, and a worker
//! thread that loads the corpus again on request (a change seen, `r`, an edit)
//! and hands it to the event loop. Requests made while a load runs are served
//! by one more load, never queued one by one.
//!
//! The watcher starts once the first load is over (its inotify watch reports
//! every file opened, and the load opens every file); a change made while that
//! load ran is found by the files' and folders' times ([`changed_since`]) and
//! loaded again.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, SystemTime};

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
    /// their folder) unless `paths` is empty (the bundled stories). When the
    /// stories were loaded from `since` ([`file_clock`]) on, before the watcher
    /// started, a story file or folder changed since then is loaded again once
    /// the watcher is in place.
    pub fn start(load: Load, paths: &[PathBuf], since: Option<SystemTime>) -> Reloader {
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
            match watch(&paths, to.clone()) {
                Ok(watcher) => {
                    let _ = told.send(Ok(()));
                    // Whatever changes from now on, the watcher sees.
                    if since.is_some_and(|since| changed_since(&paths, since)) {
                        let _ = to.send(());
                    }
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

/// The time the file system gives a file it changes now: its coarse clock on
/// Linux (a file changed after this call has times at or after it), else now
/// less a second.
pub fn file_clock() -> SystemTime {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::RealtimeCoarse);
        if let (Ok(secs), Ok(nanos)) = (u64::try_from(t.tv_sec), u32::try_from(t.tv_nsec)) {
            return SystemTime::UNIX_EPOCH + Duration::new(secs, nanos);
        }
    }
    let now = SystemTime::now();
    now.checked_sub(Duration::from_secs(1)).unwrap_or(now)
}

/// Whether a story file under `paths` (folders recursively, files given
/// themselves), or a folder of them (a file added, removed or renamed), changed
/// at or after `since`: its modification or change time is not before it.
pub fn changed_since(paths: &[PathBuf], since: SystemTime) -> bool {
    fn changed(m: &std::fs::Metadata, since: SystemTime) -> bool {
        #[cfg(unix)]
        let ctime = {
            use std::os::unix::fs::MetadataExt;
            u64::try_from(m.ctime())
                .ok()
                .zip(u32::try_from(m.ctime_nsec()).ok())
                .map(|(s, n)| SystemTime::UNIX_EPOCH + Duration::new(s, n))
        };
        #[cfg(not(unix))]
        let ctime = None;
        [m.modified().ok(), ctime]
            .into_iter()
            .flatten()
            .any(|t| t >= since)
    }
    /// A folder and what is in it (folders through links are not followed:
    /// the loader's walk reads them, the watcher sees them).
    fn folder(dir: &Path, since: SystemTime) -> bool {
        if std::fs::metadata(dir).is_ok_and(|m| changed(&m, since)) {
            return true;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return false;
        };
        entries.flatten().any(|e| {
            let path = e.path();
            match e.file_type() {
                Ok(t) if t.is_dir() => folder(&path, since),
                Ok(_) if is_story_path(&path) => {
                    std::fs::metadata(&path).is_ok_and(|m| changed(&m, since))
                }
                _ => false,
            }
        })
    }
    paths.iter().any(|p| {
        if p.is_dir() {
            folder(p, since)
        } else {
            let real = p.canonicalize().unwrap_or_else(|_| p.clone());
            std::fs::metadata(&real).is_ok_and(|m| changed(&m, since))
                || real
                    .parent()
                    .and_then(|d| std::fs::metadata(d).ok())
                    .is_some_and(|m| changed(&m, since))
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, id: &str) {
        std::fs::write(path, format!("id: {id}\ntitle: A story\n")).unwrap();
    }

    /// A story file changed, added or removed after a time is seen by its times
    /// (or its folder's); nothing changed after a later time.
    #[test]
    fn changes_since_a_time_are_seen_by_the_times() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        write(&sub.join("a.yaml"), "a");
        write(&dir.path().join("b.yaml"), "b");
        let paths = vec![dir.path().to_path_buf()];
        let file = vec![sub.join("a.yaml")];
        let later = SystemTime::now() + Duration::from_secs(3600);
        assert!(!changed_since(&paths, later));
        assert!(!changed_since(&file, later));

        let since = file_clock();
        write(&sub.join("a.yaml"), "a2");
        assert!(
            changed_since(&paths, since),
            "a file changed in a subfolder"
        );
        assert!(changed_since(&file, since), "a file given itself");

        let since = file_clock() + Duration::from_millis(1);
        assert!(!changed_since(&paths, since + Duration::from_secs(3600)));
        std::fs::remove_file(dir.path().join("b.yaml")).unwrap();
        assert!(
            changed_since(&paths, since - Duration::from_millis(1)),
            "a file removed"
        );
    }

    /// A file changed while the first load ran (before the watcher started) is
    /// loaded again once the watcher is in place.
    #[test]
    fn a_file_changed_while_loading_is_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.yaml"), "a");
        let since = file_clock();
        // The load runs from `since`; the file changes while it runs.
        write(&dir.path().join("a.yaml"), "a2");
        let loads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Arc::clone(&loads);
        let load: Load = Arc::new(move || {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Corpus::default()
        });
        let reloader = Reloader::start(load, &[dir.path().to_path_buf()], Some(since));
        // Waits for the reload (a hang here fails the test run, never a timing).
        let corpus = loop {
            if let Some(c) = reloader.take() {
                break c;
            }
            thread::sleep(Duration::from_millis(10));
        };
        assert!(corpus.stories.is_empty());
        assert_eq!(loads.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
