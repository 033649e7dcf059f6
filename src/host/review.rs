//! The reviewed versions, off the event loop: a thread keeps a story's version
//! when it is marked reviewed, forgets it when unmarked, and compares the loaded
//! stories with the versions kept, answering with [`Action::Review`]. The event
//! loop never waits for the store or for a diff, however big the library.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::app::review::{compare, Answer, Since};
use crate::app::{Action, State};
use crate::reviewed::{Found, Store};
use crate::story::Story;
use crate::view::text::label;

enum Job {
    Keep(Arc<Story>),
    Forget(String),
    /// (ticket, id, the story loaded with that id, if any).
    Compare(Vec<(u64, String, Option<Arc<Story>>)>),
}

/// The store's thread, or none (no state folder, `--no-state`): then nothing is
/// kept and every reviewed story reads as having no version kept.
pub struct Reviews {
    jobs: Option<Sender<Job>>,
    /// The thread, joined when the explorer goes so that a version kept just
    /// before quitting is on disk; comparisons still queued are dropped then.
    thread: Option<JoinHandle<()>>,
    quitting: Arc<AtomicBool>,
    answers: Receiver<Action>,
    /// Answers made here when there is no thread.
    local: Sender<Action>,
}

impl Reviews {
    /// The reviewed versions of the corpus named `corpus` in `store`.
    pub fn start(store: Option<Store>, corpus: String) -> Reviews {
        let (tx, answers) = mpsc::channel();
        let quitting = Arc::new(AtomicBool::new(false));
        let started = store.and_then(|store| {
            let (jobs, rx) = mpsc::channel();
            let (out, stop) = (tx.clone(), Arc::clone(&quitting));
            std::thread::Builder::new()
                .name("reviewed".into())
                .spawn(move || work(&store, &corpus, &rx, &out, &stop))
                .ok()
                .map(|t| (jobs, t))
        });
        let (jobs, thread) = started.unzip();
        Reviews {
            jobs,
            thread,
            quitting,
            answers,
            local: tx,
        }
    }

    /// The answers so far, as actions.
    pub fn take(&self, out: &mut Vec<Action>) {
        while let Ok(a) = self.answers.try_recv() {
            out.push(a);
        }
    }

    /// A job for the thread (without a store, keeping and forgetting do nothing).
    fn send(&self, job: Job) {
        if let Some(j) = &self.jobs {
            let _ = j.send(job);
        }
    }

    /// Keeps the loaded story with this id as the version reviewed.
    pub fn keep(&self, state: &State, id: &str) {
        if let Some(s) = state.corpus.stories.iter().find(|s| s.id == id) {
            self.send(Job::Keep(Arc::clone(s)));
        }
    }

    /// Forgets the version kept of this story.
    pub fn forget(&self, id: String) {
        self.send(Job::Forget(id));
    }

    /// Compares these reviewed stories with their kept versions.
    pub fn compare(&self, state: &State, asks: Vec<(u64, String)>) {
        let loaded: HashMap<&str, &Arc<Story>> = state
            .corpus
            .stories
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let asks: Vec<(u64, String, Option<Arc<Story>>)> = asks
            .into_iter()
            .map(|(t, id)| {
                let s = loaded.get(id.as_str()).map(|s| Arc::clone(s));
                (t, id, s)
            })
            .collect();
        match &self.jobs {
            Some(j) => {
                if let Err(mpsc::SendError(Job::Compare(asks))) = j.send(Job::Compare(asks)) {
                    self.unknown(asks);
                }
            }
            None => self.unknown(asks),
        }
    }

    /// No store: nothing is known of any reviewed story.
    fn unknown(&self, asks: Vec<(u64, String, Option<Arc<Story>>)>) {
        for (ticket, id, story) in asks {
            let answer = match story {
                Some(_) => Answer::Compared {
                    ticket,
                    id,
                    since: Since::Unknown,
                },
                None => Answer::NotLoaded { ticket, id },
            };
            let _ = self.local.send(Action::Review(Box::new(answer)));
        }
    }
}

impl Drop for Reviews {
    fn drop(&mut self) {
        self.quitting.store(true, Ordering::Relaxed);
        self.jobs = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The thread: each job in turn until the explorer goes.
fn work(
    store: &Store,
    corpus: &str,
    jobs: &Receiver<Job>,
    out: &Sender<Action>,
    quitting: &AtomicBool,
) {
    for job in jobs {
        let action = match job {
            Job::Keep(story) => match store.save(corpus, &story) {
                Ok(evicted) if evicted.is_empty() => None,
                Ok(evicted) => Some(Action::Review(Box::new(Answer::Evicted(evicted)))),
                Err(e) => Some(Action::Message(format!(
                    "Could not keep the version reviewed in {}: {}",
                    label(&store.dir.display().to_string(), 80),
                    label(&e.to_string(), 80)
                ))),
            },
            Job::Forget(id) => store.remove(corpus, &id).err().map(|e| {
                Action::Message(format!(
                    "Could not forget the version reviewed: {}",
                    label(&e.to_string(), 80)
                ))
            }),
            Job::Compare(asks) => {
                for (ticket, id, story) in asks {
                    if quitting.load(Ordering::Relaxed) {
                        break;
                    }
                    let answer = answer(store, corpus, ticket, id, story.as_deref());
                    if out.send(Action::Review(Box::new(answer))).is_err() {
                        return;
                    }
                }
                None
            }
        };
        if let Some(a) = action {
            if out.send(a).is_err() {
                return;
            }
        }
    }
}

/// What the store says of one reviewed story, against the version loaded (if any).
pub fn answer(
    store: &Store,
    corpus: &str,
    ticket: u64,
    id: String,
    story: Option<&Story>,
) -> Answer {
    let found = store.load(corpus, &id);
    match story {
        Some(now) => Answer::Compared {
            ticket,
            id,
            since: match found {
                Found::Missing => Since::Unknown,
                Found::Kept(old) => compare(&old, now),
                Found::Evicted { .. } => Since::Evicted,
                Found::Unreadable(why) => Since::Unreadable(why),
            },
        },
        None => match found {
            // Its file still there: it failed to load (the problems say why), or its
            // id changed; not "removed".
            Found::Kept(old) if !Path::new(&old.file).exists() => Answer::Gone {
                ticket,
                id,
                title: old.title.to_string(),
            },
            Found::Evicted { title } => Answer::Gone { ticket, id, title },
            _ => Answer::NotLoaded { ticket, id },
        },
    }
}
