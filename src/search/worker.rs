//! The background searcher for the UI: queries go in tagged with a generation number,
//! results come back tagged with it; typing never waits for matching.
//!
//! Protocol: the UI calls [`Worker::submit`] with an increasing generation on every
//! edit of the query. The worker thread always takes the newest waiting request
//! (older ones are skipped), abandons a search as soon as a newer request arrives,
//! and sends `Response { generation, results }`. [`Worker::try_recv`] returns only
//! the newest response and never one older than the last submitted generation, so a
//! stale query's results never reach the screen. An optional waker is called after
//! each response is sent (e.g. to wake an event loop).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::engine::{Options, Searcher};
use super::index::Index;
use super::Results;

/// One query for the worker.
#[derive(Debug, Clone)]
pub struct Request {
    pub generation: u64,
    pub query: String,
    pub options: Options,
}

/// The results of one query.
#[derive(Debug, Clone)]
pub struct Response {
    pub generation: u64,
    pub results: Results,
}

/// A search thread owning an incremental [`Searcher`]. Dropping it stops the thread.
pub struct Worker {
    requests: Option<Sender<Request>>,
    responses: Receiver<Response>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts the search thread over this index.
    pub fn spawn(index: Arc<Index>) -> Worker {
        Worker::spawn_with_waker(index, || {})
    }

    /// Starts the search thread; `waker` is called after each response is sent.
    pub fn spawn_with_waker(index: Arc<Index>, waker: impl Fn() + Send + 'static) -> Worker {
        let (req_tx, req_rx) = mpsc::channel::<Request>();
        let (resp_tx, resp_rx) = mpsc::channel::<Response>();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("storyx-search".into())
            .spawn(move || {
                let mut searcher = Searcher::new(index);
                while let Ok(mut request) = req_rx.recv() {
                    while let Ok(newer) = req_rx.try_recv() {
                        request = newer;
                    }
                    let generation = request.generation;
                    let stale = || seen.load(Ordering::Acquire) > generation;
                    let Some(results) =
                        searcher.search_until(&request.query, &request.options, &stale)
                    else {
                        continue;
                    };
                    if resp_tx
                        .send(Response {
                            generation,
                            results,
                        })
                        .is_err()
                    {
                        break;
                    }
                    waker();
                }
            })
            .ok();
        Worker {
            requests: Some(req_tx),
            responses: resp_rx,
            latest,
            thread,
        }
    }

    /// Asks for a search. `generation` must grow with every call; results of older
    /// generations are dropped from then on.
    pub fn submit(&self, generation: u64, query: &str, options: Options) {
        self.latest.fetch_max(generation, Ordering::AcqRel);
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request {
                generation,
                query: query.to_string(),
                options,
            });
        }
    }

    /// The newest generation submitted so far.
    pub fn latest(&self) -> u64 {
        self.latest.load(Ordering::Acquire)
    }

    /// The newest response ready now, if it is for the newest submitted query;
    /// never blocks. Older responses are discarded.
    pub fn try_recv(&self) -> Option<Response> {
        let mut newest = None;
        while let Ok(r) = self.responses.try_recv() {
            newest = Some(r);
        }
        newest.filter(|r| r.generation >= self.latest())
    }

    /// Waits up to `timeout` for the response to the newest submitted query.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Response> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.responses.recv_timeout(left) {
                Ok(r) if r.generation >= self.latest() => return Some(r),
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.requests = None;
        self.latest.store(u64::MAX, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
