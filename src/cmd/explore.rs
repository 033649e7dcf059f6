//! `storyx [PATH...]`: load the stories and open the explorer on them
//! (`--story ID` opens one, `--item ID` also selects an item in it).
//!
//! Files load on a thread of their own, batch by batch. A load that ends within
//! [`WAIT`] opens the explorer on everything (an unknown `--story` is reported before
//! the terminal is touched); a longer one opens it at once on what is there, with the
//! progress in the status bar, and the rest comes in while keys work.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::app::{update, Action, Batch, State};
use crate::cli::ExploreArgs;
use crate::corpus::Corpus;
use crate::sanitize::sanitize_line;
use crate::story::load::Loader;
use crate::{term, ui};

/// How long the explorer waits for a load to end before it shows what is there.
const WAIT: Duration = Duration::from_millis(40);

/// Files in the first batch; each next batch is twice as big, up to [`MAX_BATCH`].
const FIRST_BATCH: usize = 32;
const MAX_BATCH: usize = 512;

pub fn run(args: ExploreArgs) -> u8 {
    if !term::is_terminal() {
        eprintln!(
            "storyx: the explorer needs a terminal; to print a story use `storyx show ID`, to list the stories `storyx list`"
        );
        return 2;
    }
    let loads = spawn_loader(&args);
    let deadline = Instant::now() + WAIT;
    let mut early = Vec::new();
    let mut finished = false;
    while !finished {
        match loads.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Action::Batch(b)) => {
                finished = b.done >= b.total;
                early.push(*b);
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => finished = true,
        }
    }
    let state = if finished {
        let mut corpus = Corpus::default();
        for b in early {
            corpus.usage_problems += b.problems.len();
            corpus.diagnostics.extend(b.problems);
            corpus.extend(b.results);
        }
        match opened(corpus, &args) {
            Ok(state) => state,
            Err(code) => return code,
        }
    } else {
        let pending = args.story.clone().map(|s| (s, args.item.clone()));
        let mut state = State::loading(pending);
        for b in early {
            update(&mut state, Action::Batch(Box::new(b)));
        }
        state
    };
    ui::theme::set_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));
    match term::run(state, (!finished).then_some(loads)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyx: the terminal failed: {e}");
            1
        }
    }
}

/// The state for a whole corpus, with `--story` and `--item` applied; an unknown
/// one is reported on standard error (exit code 1).
fn opened(corpus: Corpus, args: &ExploreArgs) -> Result<State, u8> {
    let mut state = State::new(corpus);
    if let Some(id) = &args.story {
        if state.open_story_id(id).is_err() {
            eprintln!(
                "{}",
                sanitize_line(&super::show::unknown_story(&state.corpus, id))
            );
            return Err(1);
        }
        if let Some(item) = &args.item {
            if let Err(e) = state.select_item_id(item) {
                eprintln!("storyx: {}", sanitize_line(&e));
                return Err(1);
            }
        }
    }
    Ok(state)
}

/// Starts loading on a thread of its own; batches come as [`Action::Batch`], the
/// first (with no file yet) as soon as the files are found, the last with
/// `done == total`. The parsed-corpus cache is written after the last batch.
fn spawn_loader(args: &ExploreArgs) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    let paths = args.load.paths.clone();
    let opts = super::load_options(&args.load);
    let cache = super::cache(&args.load);
    let spawned = std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            let mut loader = Loader::new(&paths, opts, cache.as_ref());
            let total = loader.total();
            let found = Batch {
                problems: std::mem::take(&mut loader.problems),
                total,
                ..Batch::default()
            };
            if tx.send(Action::Batch(Box::new(found))).is_err() {
                return;
            }
            let mut size = FIRST_BATCH;
            loop {
                let results = loader.next_batch(size);
                if results.is_empty() {
                    break;
                }
                let batch = Batch {
                    results,
                    problems: Vec::new(),
                    done: loader.done(),
                    total,
                };
                if tx.send(Action::Batch(Box::new(batch))).is_err() {
                    return;
                }
                size = (size * 2).min(MAX_BATCH);
            }
            loader.finish();
        });
    if spawned.is_err() {
        // No thread to be had: load here, as one batch.
        let (tx, rx) = mpsc::channel();
        let mut loader = Loader::new(&args.load.paths, opts, super::cache(&args.load).as_ref());
        let total = loader.total();
        let batch = Batch {
            problems: std::mem::take(&mut loader.problems),
            results: loader.next_batch(usize::MAX),
            done: total,
            total,
        };
        loader.finish();
        let _ = tx.send(Action::Batch(Box::new(batch)));
        return rx;
    }
    rx
}
