//! The explorer's live search, between the pure state and the search worker
//! ([`crate::search::Worker`]): indexes the corpus off the UI thread once the
//! explorer is first idle or at the first query, whichever comes first. The
//! stories are copied for the index thread a few milliseconds' worth at a time,
//! so no frame ever waits for a large corpus. Then it submits the query
//! on the line whenever its generation grows, and hands the worker's answers
//! back as [`Action::SearchResults`]. Stale answers never reach the screen: the
//! worker drops them, and the update checks the generation again.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::app::search::LIMIT;
use crate::app::{Action, State};
use crate::corpus::Corpus;
use crate::search::{Index, Options, Worker};
use crate::story::Story;

/// The longest the event loop spends copying stories for the index at a time.
const COPY_SLICE: Duration = Duration::from_millis(4);

/// The search thread of the explorer, started when first needed.
#[derive(Default)]
pub struct LiveSearch {
    /// The worker and the corpus generation its index was built from.
    worker: Option<(u64, Worker)>,
    /// Stories copied so far for the index of this corpus generation.
    copying: Option<(u64, Vec<Story>)>,
    /// An index being built, for this corpus generation.
    building: Option<(u64, Receiver<Worker>)>,
    /// The generation last submitted to the worker.
    submitted: u64,
}

impl LiveSearch {
    pub fn new() -> LiveSearch {
        LiveSearch::default()
    }

    /// Moves indexing the state's corpus along: copies the next few
    /// milliseconds' worth of stories, then starts the index thread (the event
    /// loop calls it when idle, so the first query finds the index ready).
    /// True when the worker for this corpus is there.
    pub fn warm(&mut self, state: &State) -> bool {
        let corpus = state.search.corpus_generation;
        if self.worker.as_ref().is_some_and(|(g, _)| *g == corpus) {
            return true;
        }
        self.worker = None;
        if self.building.as_ref().is_some_and(|(g, _)| *g == corpus) {
            return self.take_built();
        }
        self.building = None;
        let all = &state.corpus.stories;
        let copied = match &mut self.copying {
            Some((g, copied)) if *g == corpus => copied,
            slot => &mut slot.insert((corpus, Vec::with_capacity(all.len()))).1,
        };
        let start = Instant::now();
        while copied.len() < all.len() && start.elapsed() < COPY_SLICE {
            copied.push(all[copied.len()].clone());
        }
        if copied.len() < all.len() {
            return false;
        }
        let stories = std::mem::take(copied);
        self.copying = None;
        self.building = Some((corpus, build(stories)));
        self.submitted = 0;
        self.take_built()
    }

    /// After an update: starts indexing if a query wants an answer and there is
    /// no index of this corpus yet, and submits the query if it is new.
    pub fn sync(&mut self, state: &State) {
        let Some((generation, query)) = state.search.wanted() else {
            return;
        };
        if !self.warm(state) {
            return;
        }
        if generation > self.submitted {
            if let Some((_, worker)) = &self.worker {
                let options = Options {
                    limit: LIMIT,
                    kind: None,
                };
                worker.submit(generation, query, options);
                self.submitted = generation;
            }
        }
    }

    /// Takes the worker if its index is built; true when there is one.
    fn take_built(&mut self) -> bool {
        if let Some((generation, rx)) = &self.building {
            match rx.try_recv() {
                Ok(worker) => {
                    self.worker = Some((*generation, worker));
                    self.building = None;
                }
                Err(TryRecvError::Disconnected) => self.building = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        self.worker.is_some()
    }

    /// The worker's answer to the newest query, when one is ready; never waits.
    /// A query typed while the index was being built goes to the worker here,
    /// as soon as it is there (however it came to be taken).
    pub fn poll(&mut self, state: &State) -> Option<Action> {
        self.sync(state);
        let (_, worker) = self.worker.as_ref()?;
        worker.try_recv().map(|r| Action::SearchResults {
            generation: r.generation,
            results: Box::new(r.results),
        })
    }

    /// Whether an answer is awaited: the event loop then looks more often.
    pub fn busy(&self, state: &State) -> bool {
        state.search.wanted().is_some()
    }
}

/// Indexes the stories (a copy of the corpus's) on a thread of its own; the
/// worker comes out of the channel when the index is ready.
fn build(stories: Vec<Story>) -> Receiver<Worker> {
    let (tx, rx) = mpsc::channel();
    let index = move || {
        let mut corpus = Corpus::default();
        corpus.stories = stories;
        let index = Arc::new(Index::new(&corpus));
        drop(corpus);
        let _ = tx.send(Worker::spawn(index));
    };
    // Without a thread the channel closes, and the next call tries again.
    let _ = thread::Builder::new()
        .name("storyx-index".into())
        .spawn(index);
    rx
}
