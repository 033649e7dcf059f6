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
//!
//! The index may grow while the worker runs ([`Worker::add`]: a corpus loading in
//! batches): the new stories are indexed on the worker thread, a step at a time,
//! each once; a query waiting is answered between steps from what is indexed, and
//! the last query is answered again as more comes in, looking only at its hits and
//! the new items ([`Searcher::add`]). Once every story is in ([`Worker::settle`]),
//! the worker builds the two-letter answers ([`super::pairs`]) a step at a time
//! while no query waits.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::engine::{Options, Searcher};
use super::index::Index;
use super::pairs::Building;
use super::Results;
use crate::story::Story;

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

/// What the worker thread is asked.
enum Message {
    Search(Request),
    /// More stories to index: the corpus's stories from this one on.
    Add(usize, Vec<Arc<Story>>),
    /// Every story is in: fit the index.
    Settle,
}

/// Stories indexed at a time on the worker thread: a query waiting meanwhile is
/// answered between two steps, from what is indexed so far.
const ADD_STEP: usize = 512;

/// While stories are being indexed, the last query is answered again at least
/// this often (and when the last of them is in), so that its count grows.
const REANSWER: Duration = Duration::from_millis(30);

/// A search thread owning an incremental [`Searcher`]. Dropping it stops the thread.
pub struct Worker {
    requests: Option<Sender<Message>>,
    responses: Receiver<Response>,
    latest: Arc<AtomicU64>,
    indexed: Arc<AtomicUsize>,
    paired: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// The worker thread's side.
struct Thread {
    searcher: Searcher,
    responses: Sender<Response>,
    latest: Arc<AtomicU64>,
    indexed: Arc<AtomicUsize>,
    /// Whether the index holds its two-letter answers.
    paired: Arc<AtomicBool>,
    waker: Box<dyn Fn() + Send>,
}

impl Thread {
    /// Answers a request (unless a newer one came meanwhile); false when nobody listens.
    fn answer(&mut self, request: &Request) -> bool {
        let generation = request.generation;
        let latest = &self.latest;
        let stale = || latest.load(Ordering::Acquire) > generation;
        if let Some(results) = self.searcher.page(&request.query, &request.options) {
            // The best rows first, from the names; the count follows.
            if !self.send(generation, results) {
                return false;
            }
        }
        if stale() {
            return true;
        }
        let Some(results) = self
            .searcher
            .search_until(&request.query, &request.options, &stale)
        else {
            return true;
        };
        self.send(generation, results)
    }

    /// Sends an answer; false when nobody listens.
    fn send(&self, generation: u64, results: Results) -> bool {
        if self
            .responses
            .send(Response {
                generation,
                results,
            })
            .is_err()
        {
            return false;
        }
        (self.waker)();
        true
    }

    fn run(mut self, requests: Receiver<Message>) {
        let mut waiting: Option<Request> = None;
        // The last query answered: answered again as the index grows.
        let mut answered: Option<Request> = None;
        let mut queue: std::collections::VecDeque<(usize, Vec<Arc<Story>>)> = Default::default();
        let mut settle = false;
        // The two-letter answers being built, once the index is complete.
        let mut building: Option<Building> = None;
        let mut last_answer = Instant::now();
        loop {
            if self.latest.load(Ordering::Acquire) == u64::MAX {
                // Dropped: stop, even with stories left to index.
                return;
            }
            let idle = waiting.is_none() && queue.is_empty();
            if idle && building.is_some() {
                // Idle after a load: the two-letter answers, a step at a time
                // (a message that comes meanwhile waits for one step at most).
                for message in requests.try_iter() {
                    take(message, &mut waiting, &mut queue, &mut settle);
                }
                if waiting.is_none() && queue.is_empty() {
                    let index = Arc::clone(self.searcher.index());
                    if building.as_mut().is_some_and(|b| b.step(&index)) {
                        building = None;
                        self.paired.store(index.has_pairs(), Ordering::Release);
                    }
                    continue;
                }
            }
            let idle = waiting.is_none() && queue.is_empty();
            let first = if idle {
                match requests.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return,
                }
            } else {
                None
            };
            for message in first.into_iter().chain(requests.try_iter()) {
                take(message, &mut waiting, &mut queue, &mut settle);
            }
            if !queue.is_empty() {
                // The index grows: answers built now would not cover it.
                building = None;
                self.paired.store(false, Ordering::Release);
            }
            // A step of the stories waiting first (a query waiting is answered
            // right after, from them too), then the query.
            let mut grew = false;
            if let Some((first, stories)) = queue.front_mut() {
                let n = stories.len().min(ADD_STEP);
                let rest = stories.split_off(n);
                let step = std::mem::replace(stories, rest);
                let at = *first;
                *first += n;
                if stories.is_empty() {
                    queue.pop_front();
                }
                self.searcher.add(at, &step);
                self.indexed
                    .store(self.searcher.index().stories(), Ordering::Release);
                grew = true;
            }
            let again = || {
                answered
                    .as_ref()
                    .filter(|r| self.latest.load(Ordering::Acquire) <= r.generation)
                    .cloned()
            };
            let request = match waiting.take() {
                Some(r) => Some(r),
                None if grew && (queue.is_empty() || last_answer.elapsed() >= REANSWER) => again(),
                None => None,
            };
            if let Some(request) = request {
                if !self.answer(&request) {
                    return;
                }
                last_answer = Instant::now();
                answered = Some(request);
            }
            if settle && queue.is_empty() {
                settle = false;
                self.searcher.settle();
                if !self.searcher.index().has_pairs() {
                    building = Some(Building::new());
                }
            }
        }
    }
}

/// Files a message the worker thread received.
fn take(
    message: Message,
    waiting: &mut Option<Request>,
    queue: &mut std::collections::VecDeque<(usize, Vec<Arc<Story>>)>,
    settle: &mut bool,
) {
    match message {
        Message::Search(r) => *waiting = Some(r),
        Message::Add(first, stories) => queue.push_back((first, stories)),
        Message::Settle => *settle = true,
    }
}

impl Worker {
    /// Starts the search thread over this index.
    pub fn spawn(index: Arc<Index>) -> Worker {
        Worker::spawn_with_waker(index, || {})
    }

    /// Starts the search thread; `waker` is called after each response is sent.
    pub fn spawn_with_waker(index: Arc<Index>, waker: impl Fn() + Send + 'static) -> Worker {
        let (req_tx, req_rx) = mpsc::channel::<Message>();
        let (resp_tx, resp_rx) = mpsc::channel::<Response>();
        let latest = Arc::new(AtomicU64::new(0));
        let indexed = Arc::new(AtomicUsize::new(index.stories()));
        let paired = Arc::new(AtomicBool::new(index.has_pairs()));
        let thread = Thread {
            searcher: Searcher::new(index),
            responses: resp_tx,
            latest: Arc::clone(&latest),
            indexed: Arc::clone(&indexed),
            paired: Arc::clone(&paired),
            waker: Box::new(waker),
        };
        let thread = std::thread::Builder::new()
            .name("storyx-search".into())
            .spawn(move || thread.run(req_rx))
            .ok();
        Worker {
            requests: Some(req_tx),
            responses: resp_rx,
            latest,
            indexed,
            paired,
            thread,
        }
    }

    /// Has the worker index more stories, the corpus's stories `first..` (the
    /// next ones), a step at a time: a query is answered between steps from
    /// what is indexed, and the last query is answered again as more comes in
    /// (each answer's [`Results::stories`] tells how much it covers).
    pub fn add(&self, first: usize, stories: Vec<Arc<Story>>) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(Message::Add(first, stories));
        }
    }

    /// Every story is in: the worker fits its index once it has indexed them.
    pub fn settle(&self) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(Message::Settle);
        }
    }

    /// How many stories the worker's index holds now.
    pub fn indexed(&self) -> usize {
        self.indexed.load(Ordering::Acquire)
    }

    /// Whether the worker's index holds its two-letter answers (built when idle
    /// after [`Worker::settle`]).
    pub fn two_letter_answers(&self) -> bool {
        self.paired.load(Ordering::Acquire)
    }

    /// Asks for a search. `generation` must grow with every call; results of older
    /// generations are dropped from then on.
    pub fn submit(&self, generation: u64, query: &str, options: Options) {
        self.latest.fetch_max(generation, Ordering::AcqRel);
        if let Some(tx) = &self.requests {
            let _ = tx.send(Message::Search(Request {
                generation,
                query: query.to_string(),
                options,
            }));
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
