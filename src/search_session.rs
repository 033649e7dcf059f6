//! The explorer's live search, between the pure state and the search worker
//! ([`crate::search::Worker`]): starts the worker once the explorer is first
//! idle or at the first query, whichever comes first, and hands it the corpus's
//! stories as they come (a load in batches): each story is sent once and indexed
//! once, on the worker's thread, so no frame waits for indexing. Then it submits
//! the query on the line whenever its generation grows, and hands the worker's
//! answers back as [`Action::SearchResults`]; while stories are still being
//! indexed the worker answers the query again as they come, each answer covering
//! more. Stale answers never reach the screen: the worker drops them, and the
//! update checks the generation again.

use std::sync::Arc;

use crate::app::search::LIMIT;
use crate::app::{Action, State};
use crate::search::index::Builder;
use crate::search::{Options, Worker};

/// The search thread of the explorer, started when first needed.
#[derive(Default)]
pub struct LiveSearch {
    /// The worker and the corpus generation its index is of.
    worker: Option<(u64, Worker)>,
    /// The stories of this corpus handed to the worker (the first ones).
    sent: usize,
    /// Whether the worker was told that every story is in.
    settled: bool,
    /// The generation last submitted to the worker.
    submitted: u64,
    /// Stories handed to workers over this search's life (each story of a
    /// corpus once; tests count them).
    sent_in_all: usize,
}

impl LiveSearch {
    pub fn new() -> LiveSearch {
        LiveSearch::default()
    }

    /// Whether indexing has begun (the search was opened at least once).
    pub fn started(&self) -> bool {
        self.worker.is_some()
    }

    /// How many stories were handed to be indexed, over this search's life.
    pub fn stories_sent(&self) -> usize {
        self.sent_in_all
    }

    /// Starts the worker on this corpus if it has none, and hands it the stories
    /// it has not had yet (the event loop calls it when idle and as batches come).
    /// True when every story of the corpus is indexed.
    pub fn warm(&mut self, state: &State) -> bool {
        let corpus = state.search.corpus_generation;
        let all = &state.corpus.stories;
        if self.worker.as_ref().is_none_or(|(g, _)| *g != corpus) {
            let expected = state
                .loading
                .progress
                .map_or(all.len(), |(_, total)| total.max(all.len()));
            let index = Builder::sharing(expected).growing();
            self.worker = Some((corpus, Worker::spawn(Arc::new(index))));
            self.sent = 0;
            self.settled = false;
            self.submitted = 0;
        }
        let Some((_, worker)) = &self.worker else {
            return false;
        };
        if self.sent < all.len() {
            worker.add(self.sent, all[self.sent..].to_vec());
            self.sent_in_all += all.len() - self.sent;
            self.sent = all.len();
        }
        if !self.settled && state.loading.progress.is_none() {
            worker.settle();
            self.settled = true;
        }
        worker.indexed() >= all.len()
    }

    /// After an update: starts indexing if a query wants an answer and there is
    /// no index of this corpus yet, and submits the query if it is new.
    pub fn sync(&mut self, state: &State) {
        let Some((generation, query)) = state.search.wanted() else {
            return;
        };
        self.warm(state);
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
    /// Stories loaded since the last call go to the worker first.
    pub fn poll(&mut self, state: &State) -> Option<Action> {
        if self.started() {
            self.warm(state);
        }
        self.sync(state);
        let (_, worker) = self.worker.as_ref()?;
        worker.try_recv().map(|r| Action::SearchResults {
            generation: r.generation,
            results: Box::new(r.results),
        })
    }

    /// Whether an answer is awaited (the query on the line has none yet, or its
    /// answer does not cover every story loaded): the event loop then looks more often.
    pub fn busy(&self, state: &State) -> bool {
        let s = &state.search;
        s.wanted().is_some()
            || (s.open && !s.blank() && s.results.stories < state.corpus.stories.len())
    }
}
