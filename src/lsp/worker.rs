//! The diagnostics worker: a thread that holds every file's result, rebuilds the corpus
//! when a text changes (debounced while typing), with the cross-story warnings computed
//! anew from the texts it holds (open documents' unsaved ones), publishes the diagnostics
//! of the open documents and of any other file whose problems the change altered, and
//! shares the corpus with the request handlers as a snapshot they read without waiting.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{Message, Notification};
use lsp_types::{PublishDiagnosticsParams, Url};

use super::diagnostics::{self, by_file};
use super::text::Lines;
use crate::corpus::{Corpus, SharedResult};
use crate::story::across::Places;
use crate::story::load::text_of;
use crate::story::Diagnostic;

/// How long typing must pause before the diagnostics are computed.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// What the request handlers read: the corpus of the workspace and open documents.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub corpus: Corpus,
    /// The workspace's story files, in order (open documents outside it not included).
    pub files: Vec<PathBuf>,
    /// Whether the workspace is still loading.
    pub loading: bool,
}

/// The latest snapshot, swapped in whole.
#[derive(Debug, Clone, Default)]
pub struct Shared(Arc<Mutex<Arc<Snapshot>>>);

impl Shared {
    pub fn get(&self) -> Arc<Snapshot> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
    fn set(&self, s: Snapshot) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Arc::new(s);
    }
}

/// Work for the worker.
#[derive(Debug)]
pub enum Work {
    /// A document was opened (published at once) or changed (after the debounce).
    Text {
        path: PathBuf,
        uri: Url,
        text: String,
        opened: bool,
    },
    Close {
        path: PathBuf,
    },
    /// The workspace's story files, in order, before they are loaded.
    Found(Vec<PathBuf>),
    /// Loaded workspace files.
    Loaded(Vec<SharedResult>),
    /// The workspace is loaded.
    LoadDone,
}

struct Open {
    uri: Url,
    text: String,
    /// Parsed from `text`, or None until the debounce is over.
    result: Option<SharedResult>,
}

struct Worker {
    out: Sender<Message>,
    shared: Shared,
    order: Vec<PathBuf>,
    disk: HashMap<PathBuf, SharedResult>,
    open: HashMap<PathBuf, Open>,
    /// Open documents outside the workspace, in the order they were opened.
    extra: Vec<PathBuf>,
    /// Each file's problems, as last computed.
    last: HashMap<PathBuf, Vec<Diagnostic>>,
    /// Open documents whose diagnostics are to be published.
    pending: HashSet<PathBuf>,
    /// Whether an edit (not only loading) happened since the last computation.
    edited: bool,
    loading: bool,
    /// Where values are in the files the cross-story warnings point into.
    places: Places,
}

/// Runs the worker until `work` is closed.
pub fn run(work: Receiver<Work>, out: Sender<Message>, shared: Shared) {
    let mut w = Worker {
        out,
        shared,
        order: Vec::new(),
        disk: HashMap::new(),
        open: HashMap::new(),
        extra: Vec::new(),
        last: HashMap::new(),
        pending: HashSet::new(),
        edited: false,
        loading: true,
        places: Places::default(),
    };
    let mut deadline: Option<Instant> = None;
    loop {
        let next = match deadline {
            Some(d) => work.recv_timeout(d.saturating_duration_since(Instant::now())),
            None => work.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match next {
            Ok(item) => {
                let due = w.take(item);
                let now = Instant::now();
                deadline = match (deadline, due) {
                    (_, Due::Now) => Some(now),
                    (Some(d), Due::Later(after)) => Some(d.max(now + after)),
                    (None, Due::Later(after)) => Some(now + after),
                    (d, Due::Soon(after)) => Some(d.unwrap_or(now + after)),
                };
                // Work already waiting is taken before computing.
                if deadline.is_some_and(|d| d > now) || !work.is_empty() {
                    continue;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if deadline.is_some_and(|d| d <= Instant::now()) {
            deadline = None;
            let computed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| w.compute()));
            if computed.is_err() {
                tracing::error!("computing diagnostics panicked");
            }
        }
    }
}

enum Due {
    Now,
    /// After this long with no more work of the kind (typing).
    Later(Duration),
    /// Within this long, not pushed back by more (loading).
    Soon(Duration),
}

impl Worker {
    fn take(&mut self, item: Work) -> Due {
        match item {
            Work::Text {
                path,
                uri,
                text,
                opened,
            } => {
                if !self.order.contains(&path) && !self.extra.contains(&path) {
                    self.extra.push(path.clone());
                }
                self.places.forget(&path);
                self.open.insert(
                    path.clone(),
                    Open {
                        uri,
                        text,
                        result: None,
                    },
                );
                self.pending.insert(path);
                self.edited = true;
                if opened {
                    Due::Now
                } else {
                    Due::Later(DEBOUNCE)
                }
            }
            Work::Close { path } => {
                self.places.forget(&path);
                if let Some(o) = self.open.remove(&path) {
                    self.publish(&o.uri, Vec::new());
                }
                self.extra.retain(|p| p != &path);
                self.last.remove(&path);
                self.edited = true;
                Due::Now
            }
            Work::Found(files) => {
                self.extra.retain(|p| !files.contains(p));
                self.order = files;
                Due::Soon(Duration::from_millis(50))
            }
            Work::Loaded(results) => {
                for r in results {
                    self.places.forget(&r.path);
                    self.disk.insert(r.path.clone(), r);
                }
                Due::Soon(Duration::from_millis(300))
            }
            Work::LoadDone => {
                self.loading = false;
                Due::Now
            }
        }
    }

    fn compute(&mut self) {
        for (path, o) in &mut self.open {
            if o.result.is_none() {
                o.result = Some(diagnostics::parse(path, &o.text));
            }
        }
        let results = self
            .order
            .iter()
            .chain(&self.extra)
            .filter_map(|p| match self.open.get(p) {
                Some(o) => o.result.as_ref(),
                None => self.disk.get(p),
            });
        let open = &self.open;
        let text = |p: &Path| match open.get(p) {
            Some(o) => Some(o.text.clone()),
            None => text_of(p),
        };
        let corpus = diagnostics::corpus(results, &mut self.places, &text);
        let now = by_file(&corpus);
        let mut publish: Vec<PathBuf> = self.pending.drain().collect();
        if self.edited {
            // Files whose problems this edit changed (cross-story ones), open or not.
            for (path, ds) in &now {
                if self.last.get(path).is_some_and(|old| old != ds) && !publish.contains(path) {
                    publish.push(path.clone());
                }
            }
        } else {
            for path in self.open.keys() {
                if self.last.get(path) != now.get(path) && !publish.contains(path) {
                    publish.push(path.clone());
                }
            }
        }
        self.edited = false;
        let source = |p: &Path| match open.get(p) {
            Some(o) => Some((o.uri.clone(), o.text.clone())),
            None => Some((Url::from_file_path(p).ok()?, text_of(p)?)),
        };
        for path in &publish {
            let ds = now.get(path).cloned().unwrap_or_default();
            let Some((uri, text)) = source(path) else {
                continue;
            };
            let lines = Lines::new(&text);
            let list = ds
                .iter()
                .map(|d| diagnostics::to_lsp(d, &text, &lines, &source))
                .collect();
            self.publish(&uri, list);
        }
        self.last = now;
        self.shared.set(Snapshot {
            corpus,
            files: self.order.clone(),
            loading: self.loading,
        });
    }

    fn publish(&self, uri: &Url, diagnostics: Vec<lsp_types::Diagnostic>) {
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: None,
        };
        let _ = self.out.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )));
    }
}
