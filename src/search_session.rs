//! The explorer's live search, between the pure state and the search worker
//! ([`crate::search::Worker`]): indexes the corpus once the explorer is first
//! idle or at the first query, whichever comes first. The index is built on the
//! event loop, in place, a few milliseconds' worth of stories at a time (each
//! step in parallel), with no copy of the corpus, so no frame ever waits for a
//! large corpus and the memory is the index's alone. Then it submits the query
//! on the line whenever its generation grows, and hands the worker's answers
//! back as [`Action::SearchResults`]. Stale answers never reach the screen: the
//! worker drops them, and the update checks the generation again.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::search::LIMIT;
use crate::app::{Action, State};
use crate::search::index::Builder;
use crate::search::{Options, Worker};

/// The longest the event loop spends indexing stories at a time.
const COPY_SLICE: Duration = Duration::from_millis(4);

/// Stories indexed per step of a slice.
const STEP: usize = 8;

/// The search thread of the explorer, started when first needed.
#[derive(Default)]
pub struct LiveSearch {
    /// The worker and the corpus generation its index was built from.
    worker: Option<(u64, Worker)>,
    /// The index of this corpus generation being built, and the next story to add.
    building: Option<(u64, Builder, usize)>,
    /// The generation last submitted to the worker.
    submitted: u64,
}

impl LiveSearch {
    pub fn new() -> LiveSearch {
        LiveSearch::default()
    }

    /// Whether indexing has begun (the search was opened at least once).
    pub fn started(&self) -> bool {
        self.worker.is_some() || self.building.is_some()
    }

    /// Moves indexing the state's corpus along: indexes the next few
    /// milliseconds' worth of stories, then starts the search thread on the
    /// index (the event loop calls it when idle, so the first query finds the
    /// index ready).
    /// True when the worker for this corpus is there.
    pub fn warm(&mut self, state: &State) -> bool {
        let corpus = state.search.corpus_generation;
        if self.worker.as_ref().is_some_and(|(g, _)| *g == corpus) {
            return true;
        }
        self.worker = None;
        let all = &state.corpus.stories;
        let (builder, next) = match &mut self.building {
            Some((g, builder, next)) if *g == corpus => (builder, next),
            slot => {
                let (_, builder, next) = slot.insert((corpus, Builder::sharing(all.len()), 0));
                (builder, next)
            }
        };
        let start = Instant::now();
        while *next < all.len() && start.elapsed() < COPY_SLICE {
            let end = (*next + STEP).min(all.len());
            builder.add(*next, &all[*next..end]);
            *next = end;
        }
        if *next < all.len() {
            return false;
        }
        let Some((_, builder, _)) = self.building.take() else {
            return false;
        };
        self.worker = Some((corpus, Worker::spawn(Arc::new(builder.finish()))));
        self.submitted = 0;
        true
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
