//! `storyx [PATH...]`: load the stories and open the explorer on them
//! (`--story ID` opens one, `--item ID` also selects an item in it). The
//! configuration (theme, keys, default paths) is read first, its problems told
//! on standard error and in the explorer; the reading state is restored unless
//! `--story` or `--no-state` is given, and saved at the end.
//!
//! Files load on a thread of their own, batch by batch. A load that ends within
//! [`WAIT`] opens the explorer on everything (an unknown `--story` is reported before
//! the terminal is touched); a longer one opens it at once on what is there, with the
//! progress in the status bar, and the rest comes in while keys work.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::effects::Effect;
use crate::app::keymap::Keymap;
use crate::app::state::item_place;
use crate::app::{update, Action, Batch, State};
use crate::cache::Cache;
use crate::cli::ExploreArgs;
use crate::corpus::load::{load_paths_cached, Loader};
use crate::corpus::Corpus;
use crate::host::Explorer;
use crate::reading_state::{self, Entry, Place, Reading};
use crate::sanitize::sanitize_line;
use crate::story::load::LoadOptions;
use crate::story::Diagnostic;
use crate::view::theme::Theme;
use crate::{config, term};

/// How long the explorer waits for a load to end before it shows what is there.
const WAIT: Duration = Duration::from_millis(40);

/// Files in the first batch; each next batch is twice as big, up to [`MAX_BATCH`].
const FIRST_BATCH: usize = 32;
const MAX_BATCH: usize = 128;

pub fn run(args: ExploreArgs) -> u8 {
    if !term::is_terminal() {
        eprintln!(
            "storyx: the explorer needs a terminal; to print a story use `storyx show ID`, to list the stories `storyx list`"
        );
        return 2;
    }
    let (config, config_problems) = config::load(args.config.as_deref());
    for d in &config_problems {
        eprintln!("storyx: {}", d.one_line());
    }

    let paths = if args.load.paths.is_empty() {
        config.paths.clone()
    } else {
        args.load.paths.clone()
    };
    let bundled = paths.is_empty() && !Path::new("stories").is_dir();
    let opts = super::load_options(&args.load);
    let cache = super::cache(&args.load);
    let load: crate::host::watch::Load = {
        let (paths, problems, cache) = (paths.clone(), config_problems.clone(), cache.clone());
        Arc::new(move || {
            let mut corpus = load_paths_cached(&paths, &opts, cache.as_ref()).0;
            corpus.diagnostics.extend(problems.iter().cloned());
            corpus
        })
    };

    // A story changed from now on, before the watcher starts, is loaded again.
    let since = crate::host::watch::file_clock();
    let loads = spawn_loader(paths.clone(), opts, cache);
    // `--item` alone names its story only once every story is in: wait for them.
    let item_alone = args.item.is_some() && args.story.is_none();
    let deadline = Instant::now() + WAIT;
    let mut early = Vec::new();
    let mut finished = false;
    while !finished {
        let next = if item_alone {
            loads.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            loads.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        };
        match next {
            Ok(Action::Batch(b)) => {
                finished = b.done >= b.total;
                early.push(*b);
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => finished = true,
        }
    }

    // A story read from standard input has no file to remember a place in.
    let reading = if args.no_state || paths.iter().any(|p| p.as_os_str() == "-") {
        None
    } else {
        Reading::for_corpus(&paths, bundled)
    };
    let entry = reading.as_ref().map(Reading::load).unwrap_or_default();
    let start = match opening(
        &args,
        &entry,
        early,
        finished,
        &config_problems,
        config.keymap(),
    ) {
        Ok(start) => start,
        Err(code) => return code,
    };
    let mut state = start.state;
    let theme = Theme::new(config.palette)
        .with_color(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()));

    let mut host = Explorer::new(load, &paths, bundled, reading, since);
    if !finished {
        host.load_in_background(loads, start.restore_later);
    }
    // Live reload starts after the first frame (and says so if it cannot watch).
    let result = term::run_with(&mut state, &theme, &mut host, start.effects);
    if let Err(e) = host.save(&state) {
        eprintln!("storyx: {}", sanitize_line(&e));
    }
    // Quitting should not wait for every story to be freed one by one.
    std::mem::forget(state);
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyx: the terminal failed: {e}");
            1
        }
    }
}

/// The explorer as it opens, before the terminal is touched.
struct Opening {
    state: State,
    /// What the start-up updates asked for (the reviewed stories loaded, to
    /// compare with their kept versions), for the event loop to carry out.
    effects: Vec<Effect>,
    /// The saved place, restored once the load in the background is over.
    restore_later: Option<Place>,
}

/// The state the explorer opens on: the batches loaded so far (`finished`: all of
/// them), the reviewed marks, `--story`/`--item` or the saved place, the key map
/// and the configuration's problems, each given to the update, whose effects are
/// kept for the event loop (each reviewed story is asked about once). An unknown
/// `--story` or `--item` (when everything is loaded) is told on standard error and
/// gives the exit code.
fn opening(
    args: &ExploreArgs,
    entry: &Entry,
    early: Vec<Batch>,
    finished: bool,
    config_problems: &[Diagnostic],
    keys: Keymap,
) -> Result<Opening, u8> {
    let mut effects = Vec::new();
    let mut restore_later = None;
    let mut state = if finished {
        let mut corpus = Corpus::default();
        for b in early {
            corpus.usage_problems += b.problems.len();
            corpus.diagnostics.extend(b.problems);
            corpus.extend(b.results);
        }
        corpus.diagnostics.extend(config_problems.iter().cloned());
        let mut state = State::new(corpus);
        effects.extend(update(&mut state, Action::Reviewed(entry.reviewed.clone())));
        if let Some(id) = &args.story {
            // Told before the terminal is touched; the opening is the update's.
            let Some(story) = state.corpus.stories.iter().find(|s| s.id == id) else {
                eprintln!(
                    "{}",
                    sanitize_line(&super::show::unknown_story(&state.corpus, id))
                );
                return Err(1);
            };
            if let Some(Err(e)) = args.item.as_deref().map(|item| item_place(story, item)) {
                eprintln!("storyx: {}", sanitize_line(&e));
                return Err(1);
            }
            effects.extend(update(
                &mut state,
                Action::GoTo {
                    story: id.clone(),
                    item: args.item.clone(),
                },
            ));
        } else if let Some(item) = &args.item {
            match state.story_with_item(item) {
                Ok(story) => {
                    effects.extend(update(
                        &mut state,
                        Action::GoTo {
                            story,
                            item: Some(item.clone()),
                        },
                    ));
                }
                Err((several, e)) => {
                    eprintln!("storyx: {}", sanitize_line(&e));
                    return Err(if several { 2 } else { 1 });
                }
            }
        } else if let Some(place) = &entry.place {
            reading_state::restore(&mut state, place);
        }
        state
    } else {
        let pending = args.story.clone().map(|s| (s, args.item.clone()));
        let mut state = State::loading(pending);
        effects.extend(update(&mut state, Action::Reviewed(entry.reviewed.clone())));
        effects.extend(update(
            &mut state,
            Action::Problems(config_problems.to_vec()),
        ));
        for b in early {
            effects.extend(update(&mut state, Action::Batch(Box::new(b))));
        }
        if args.story.is_none() {
            restore_later = entry.place.clone();
        }
        state
    };
    effects.extend(update(&mut state, Action::Keys(keys)));
    if let Some(first) = config_problems.first() {
        let more = match config_problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; ! lists them)", n - 1),
        };
        effects.extend(update(
            &mut state,
            Action::Message(format!("{}{more}", first.one_line())),
        ));
    }
    Ok(Opening {
        state,
        effects,
        restore_later,
    })
}

/// Starts loading on a thread of its own; batches come as [`Action::Batch`], the
/// first (with no file yet) as soon as the files are found, the last with
/// `done == total`. The parsed-corpus cache is written after the last batch.
fn spawn_loader(paths: Vec<PathBuf>, opts: LoadOptions, cache: Option<Cache>) -> Receiver<Action> {
    let (tx, rx) = mpsc::channel();
    let (p, c, t) = (paths.clone(), cache.clone(), tx.clone());
    let spawned = std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || load_into(&p, opts, c.as_ref(), &t, FIRST_BATCH));
    if spawned.is_err() {
        // No thread to be had: load here, as one batch.
        load_into(&paths, opts, cache.as_ref(), &tx, usize::MAX);
    }
    rx
}

/// Loads `paths` batch by batch (the first of `first` files, each next twice as
/// big up to [`MAX_BATCH`]) into `tx`; stops when nobody listens any more.
fn load_into(
    paths: &[PathBuf],
    opts: LoadOptions,
    cache: Option<&Cache>,
    tx: &mpsc::Sender<Action>,
    first: usize,
) {
    // The explorer keeps every story as long as it runs: packed, they hold less.
    let mut loader = Loader::new(paths, opts, cache).packing();
    let total = loader.total();
    let found = Batch {
        problems: std::mem::take(&mut loader.problems),
        total,
        ..Batch::default()
    };
    if tx.send(Action::Batch(Box::new(found))).is_err() {
        return;
    }
    let mut size = first;
    let sizes = || {
        let this = size;
        size = size.saturating_mul(2).min(MAX_BATCH);
        this
    };
    // Each batch is sent while the next one loads.
    let tx = tx.clone();
    loader.hand_over(sizes, move |results, done| {
        let batch = Batch {
            results,
            problems: Vec::new(),
            done,
            total,
        };
        tx.send(Action::Batch(Box::new(batch))).is_ok()
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::FileResult;
    use crate::synth;

    fn batch(stories: std::ops::Range<usize>, done: usize, total: usize) -> Batch {
        let results = stories
            .map(|n| {
                let story = synth::story(n);
                FileResult {
                    path: story.file.clone(),
                    story: Some(story),
                    ..FileResult::default()
                }
            })
            .collect();
        Batch {
            results,
            problems: Vec::new(),
            done,
            total,
        }
    }

    fn reviewed(ids: &[&str]) -> Entry {
        Entry {
            reviewed: ids.iter().map(|s| s.to_string()).collect(),
            ..Entry::default()
        }
    }

    /// Every story id the effects ask to compare, as often as asked.
    fn compared(effects: &[Effect]) -> Vec<String> {
        let mut ids: Vec<String> = effects
            .iter()
            .flat_map(|e| match e {
                Effect::Compare(asks) => asks.iter().map(|(_, id)| id.clone()).collect(),
                _ => Vec::new(),
            })
            .collect();
        ids.sort();
        ids
    }

    fn id(n: usize) -> String {
        synth::story(n).id.to_string()
    }

    #[test]
    fn the_explorer_keeps_its_stories_packed() {
        let dir = tempfile::tempdir().expect("dir");
        for n in 0..3 {
            let story = synth::story(n);
            std::fs::write(dir.path().join(&story.file), synth::to_yaml(&story)).expect("write");
        }
        let (tx, rx) = mpsc::channel();
        load_into(
            &[dir.path().to_path_buf()],
            LoadOptions::default(),
            None,
            &tx,
            1,
        );
        drop(tx);
        let stories: Vec<_> = rx
            .iter()
            .flat_map(|a| match a {
                Action::Batch(b) => b.results,
                _ => Vec::new(),
            })
            .filter_map(|r| r.story)
            .collect();
        assert_eq!(stories.len(), 3);
        for (n, s) in stories.iter().enumerate() {
            let mut written = synth::story(n);
            written.file = s.file.clone();
            assert_eq!(*s, written, "reads as written");
            // Its texts are spans of one buffer: the id's, the title's, a quote's.
            assert!(s.id.shares_buffer_with(&s.title), "{} not packed", s.id);
            assert!(s.quotes[0].text.shares_buffer_with(&s.id));
        }
        // Batches of 1 and then 2 stories: the stories of a batch share one buffer.
        assert!(stories[1].id.shares_buffer_with(&stories[2].title));
        assert!(!stories[0].id.shares_buffer_with(&stories[1].id));
    }

    #[test]
    fn everything_loaded_asks_about_each_reviewed_story_once() {
        let (a, b) = (id(0), id(2));
        let entry = reviewed(&[&a, &b, "gone-since"]);
        let args = ExploreArgs::default();
        let start = opening(
            &args,
            &entry,
            vec![batch(0..0, 0, 4), batch(0..4, 4, 4)],
            true,
            &[],
            Keymap::default(),
        )
        .unwrap_or_else(|code| panic!("exit {code}"));
        // The two loaded compared, the third checked for removal: each once.
        let mut want = vec![a, b, "gone-since".to_string()];
        want.sort();
        assert_eq!(compared(&start.effects), want);
        assert_eq!(start.state.library.reviewed.len(), 3);
    }

    #[test]
    fn opening_on_a_story_still_asks_once() {
        let a = id(1);
        let entry = reviewed(&[&a]);
        let args = ExploreArgs {
            story: Some(a.clone()),
            ..ExploreArgs::default()
        };
        let start = opening(
            &args,
            &entry,
            vec![batch(0..3, 3, 3)],
            true,
            &[],
            Keymap::default(),
        )
        .unwrap_or_else(|code| panic!("exit {code}"));
        assert_eq!(compared(&start.effects), vec![a.clone()]);
        assert_eq!(
            start.state.current_story().map(|s| s.id.to_string()),
            Some(a)
        );
    }

    #[test]
    fn a_load_still_going_asks_about_the_reviewed_stories_in_so_far_once() {
        let (a, later) = (id(0), id(3));
        let entry = reviewed(&[&a, &later]);
        let start = opening(
            &ExploreArgs::default(),
            &entry,
            vec![batch(0..0, 0, 4), batch(0..2, 2, 4)],
            false,
            &[],
            Keymap::default(),
        )
        .unwrap_or_else(|code| panic!("exit {code}"));
        // The story not in yet is asked about when its batch comes.
        assert_eq!(compared(&start.effects), vec![a]);
        let mut state = start.state;
        let more = update(&mut state, Action::Batch(Box::new(batch(2..4, 4, 4))));
        assert_eq!(compared(&more), vec![later]);
    }

    #[test]
    fn an_unknown_story_is_an_exit_code_before_the_terminal() {
        let args = ExploreArgs {
            story: Some("no-such-story".into()),
            ..ExploreArgs::default()
        };
        let start = opening(
            &args,
            &Entry::default(),
            vec![batch(0..2, 2, 2)],
            true,
            &[],
            Keymap::default(),
        );
        assert_eq!(start.err(), Some(1));
    }
}
