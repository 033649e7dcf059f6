//! The explorer while files load in the background: the library fills up batch by
//! batch with the progress in the status bar, keys work meanwhile, the selection
//! stays on its story, and a story asked for before its file is loaded shows as
//! loading (never as empty) and opens when it comes in.

mod tui_common;

use std::path::PathBuf;

use storyx::app::state::LibraryRow;
use storyx::app::{update, Action, Batch, Screen, State};
use storyx::corpus::Corpus;
use storyx::story::FileResult;
use storyx::story::{Diagnostic, Location, Severity, Story};
use tui_common::*;

fn result(story: Story) -> FileResult {
    FileResult {
        path: story.file.clone(),
        story: Some(story),
        diagnostics: vec![],
        io_error: false,
    }
}

fn broken(path: &str) -> FileResult {
    FileResult {
        path: PathBuf::from(path),
        story: None,
        diagnostics: vec![Diagnostic {
            file: PathBuf::from(path),
            location: Some(Location { line: 2, column: 8 }),
            severity: Severity::Error,
            path: String::new(),
            message: "YAML syntax error: did not find expected node content".into(),
            related: None,
        }],
        io_error: false,
    }
}

fn batch(results: Vec<FileResult>, done: usize, total: usize) -> Action {
    Action::Batch(Box::new(Batch {
        results,
        problems: vec![],
        done,
        total,
    }))
}

fn loading_at(pending: Option<(&str, Option<&str>)>, w: u16, h: u16) -> State {
    let mut st = State::loading(pending.map(|(s, i)| (s.to_string(), i.map(str::to_string))));
    update(
        &mut st,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    st
}

fn status_line(st: &State) -> String {
    rows(st).last().cloned().unwrap_or_default()
}

#[test]
fn the_library_fills_up_with_the_progress_in_the_status_bar() {
    let mut st = loading_at(None, 100, 30);
    assert_eq!(st.nav.screen, Screen::Library);
    let text = screen(&st);
    assert!(
        text.contains("Loading stories… looking for files"),
        "{text}"
    );
    assert!(status_line(&st).contains("Loading looking for files"));

    update(&mut st, batch(vec![], 0, 4));
    assert!(screen(&st).contains("Loading stories… 0/4 files"));
    assert!(status_line(&st).contains("Loading 0/4 files"));

    update(&mut st, batch(vec![result(harbor())], 1, 4));
    let text = screen(&st);
    assert!(text.contains("Dockworkers strike"), "{text}");
    assert!(status_line(&st).contains("Loading 1/4 files · Library 1/1"));

    update(
        &mut st,
        batch(
            vec![
                result(small("budget-vote", "Council votes on the budget", None)),
                result(bare("bare-story")),
                broken("stories/zz-broken.yaml"),
            ],
            4,
            4,
        ),
    );
    assert_eq!(st.loading.progress, None);
    let status = status_line(&st);
    assert!(!status.contains("Loading"), "{status}");
    assert!(status.contains("Library"), "{status}");
    assert_eq!(st.corpus.stories.len(), 3);
    assert!(st.has_problems());
}

#[test]
fn keys_work_while_loading_and_the_selection_stays_on_its_story() {
    let mut st = loading_at(None, 100, 30);
    update(&mut st, batch(vec![], 0, 10));
    update(
        &mut st,
        batch(
            vec![result(harbor()), result(small("b", "Budget", None))],
            2,
            10,
        ),
    );
    update(&mut st, Action::Down);
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(1))
    );
    // A broken file adds the problems row above the stories: still on story 1.
    update(&mut st, batch(vec![broken("stories/c.yaml")], 3, 10));
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(1))
    );
    update(&mut st, Action::ToggleHelp);
    assert!(st.chrome.help, "help opens while loading");
    update(&mut st, Action::Close);
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().map(|s| s.id.as_str()), Some("b"));
    // More files come in while a story is open: it stays open.
    update(&mut st, batch(vec![result(bare("d"))], 10, 10));
    assert_eq!(st.current_story().map(|s| s.id.as_str()), Some("b"));
    assert_eq!(st.loading.progress, None);
}

#[test]
fn a_story_asked_for_shows_as_loading_then_opens_with_its_item() {
    let mut st = loading_at(Some(("harbor-strike", Some("union"))), 120, 40);
    assert_eq!(st.nav.screen, Screen::Story);
    let text = screen(&st);
    assert!(
        text.contains("Loading story `harbor-strike`… (looking for files)"),
        "{text}"
    );
    update(&mut st, batch(vec![], 0, 3));
    update(&mut st, batch(vec![result(bare("other"))], 1, 3));
    let text = screen(&st);
    assert!(
        text.contains("Loading story `harbor-strike`… (1/3 files)"),
        "{text}"
    );
    assert!(status_line(&st).contains("Loading 1/3 files · Story harbor-strike"));
    assert!(!text.contains("No stories loaded"), "never shown as empty");

    update(&mut st, batch(vec![result(harbor())], 2, 3));
    assert_eq!(st.loading.pending, None);
    assert_eq!(
        st.current_story().map(|s| s.id.as_str()),
        Some("harbor-strike")
    );
    let view = st.view.as_ref().unwrap();
    assert_eq!(view.pane, storyx::app::Pane::Parties);
    assert!(screen(&st).contains("Dockworkers strike"));
}

#[test]
fn esc_stops_waiting_and_an_unknown_story_is_said_once_all_is_in() {
    let mut st = loading_at(Some(("harbor-strike", None)), 100, 30);
    update(&mut st, batch(vec![result(bare("other"))], 1, 3));
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);
    assert_eq!(st.loading.pending, None);
    update(&mut st, batch(vec![result(harbor())], 3, 3));
    assert_eq!(
        st.nav.screen,
        Screen::Library,
        "no longer waited for: not opened"
    );

    let mut st = loading_at(Some(("harbr-strike", None)), 100, 30);
    update(
        &mut st,
        batch(vec![result(harbor()), result(bare("x"))], 2, 2),
    );
    assert_eq!(st.nav.screen, Screen::Library);
    let message = st.chrome.message.clone().unwrap_or_default();
    assert_eq!(
        message,
        "no story has the id `harbr-strike`; did you mean `harbor-strike`?"
    );
    assert!(status_line(&st).contains("no story has the id"));
}

#[test]
fn a_finished_load_opens_like_a_whole_one() {
    // One story: opened; none: the empty screen (with the problems, if any).
    let mut st = loading_at(None, 100, 30);
    update(&mut st, batch(vec![result(harbor())], 1, 1));
    assert_eq!(st.nav.screen, Screen::Story);
    let mut st = loading_at(None, 100, 30);
    update(&mut st, batch(vec![broken("stories/a.yaml")], 1, 1));
    assert_eq!(st.nav.screen, Screen::Empty);
    assert!(screen(&st).contains("No stories loaded"));
}

#[test]
fn batches_build_the_same_corpus_as_one_load() {
    let results = || {
        vec![
            result(harbor()),
            broken("stories/b.yaml"),
            result(small("budget-vote", "Budget", None)),
            // The same id again: reported, the first kept, in either way.
            result(harbor()),
            result(bare("bare")),
        ]
    };
    let whole = Corpus::from_results(results());
    let mut parts = Corpus::default();
    let mut all = results();
    let rest = all.split_off(2);
    parts.extend(all);
    parts.extend(rest);
    assert_eq!(
        format!(
            "{:?}",
            (&whole.stories, &whole.diagnostics, &whole.entities)
        ),
        format!(
            "{:?}",
            (&parts.stories, &parts.diagnostics, &parts.entities)
        )
    );
    assert_eq!(whole.files.len(), parts.files.len());
    for (a, b) in whole.files.iter().zip(&parts.files) {
        assert_eq!(
            (&a.path, a.story, &a.first_error),
            (&b.path, b.story, &b.first_error)
        );
    }
    assert!(parts
        .diagnostics
        .iter()
        .any(|d| d.message.contains("already used")));
}

/// Lets the live search's answers in until the one shown covers every story loaded.
fn answered_in_full(st: &mut State, live: &mut storyx::search_session::LiveSearch) {
    let start = std::time::Instant::now();
    loop {
        if let Some(action) = live.poll(st) {
            update(st, action);
        }
        if st.search.current() && st.search.results.stories == st.corpus.stories.len() {
            return;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no answer covering the {} stories loaded",
            st.corpus.stories.len()
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

#[test]
fn a_query_typed_while_loading_counts_more_as_each_batch_comes_and_no_story_is_indexed_twice() {
    use crossterm::event::KeyCode;
    let stories: Vec<Story> = (0..60).map(storyx::synth::story).collect();
    let mut st = loading_at(None, 120, 40);
    let mut live = storyx::search_session::LiveSearch::new();
    update(&mut st, batch(vec![], 0, 60));
    let mut done = 0;
    let mut feed = |st: &mut State, n: usize| {
        let results = stories[done..done + n]
            .iter()
            .cloned()
            .map(result)
            .collect();
        done += n;
        update(st, batch(results, done, 60));
    };
    feed(&mut st, 15);
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "fisher");
    live.sync(&st);
    answered_in_full(&mut st, &mut live);
    let mut totals = vec![st.search.results.total];
    // Down to the third hit: the selection stays there as more hits come.
    press(&mut st, key(KeyCode::Down));
    press(&mut st, key(KeyCode::Down));
    for n in [15, 20, 10] {
        feed(&mut st, n);
        answered_in_full(&mut st, &mut live);
        totals.push(st.search.results.total);
        assert_eq!(st.search.pos.selected, 2);
        assert!(
            screen(&st).contains(&format!("{} hits", st.search.results.total)),
            "{}",
            screen(&st)
        );
    }
    assert!(totals.windows(2).all(|w| w[0] < w[1]), "{totals:?}");
    // The answer is the whole corpus's, and each story went to the index once.
    let whole = std::sync::Arc::new(storyx::search::Index::new(&st.corpus));
    let want = whole.search(
        "fisher",
        &storyx::search::Options {
            limit: storyx::app::search::LIMIT,
            kind: None,
        },
    );
    assert_eq!(st.search.results, want);
    assert_eq!(live.stories_sent(), 60);
}

/// The ids of the stories an update asks the review store to compare.
fn compared(effects: Vec<storyx::app::effects::Effect>) -> Vec<String> {
    let mut ids: Vec<String> = effects
        .into_iter()
        .flat_map(|e| match e {
            storyx::app::effects::Effect::Compare(asks) => {
                asks.into_iter().map(|(_, id)| id).collect()
            }
            _ => vec![],
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn reviewed_stories_are_compared_as_they_load_and_the_missing_ones_once_it_ends() {
    let mut st = loading_at(None, 100, 30);
    update(&mut st, batch(vec![], 0, 3));
    let marks = ["b", "gone", "d"].map(String::from).into_iter().collect();
    let none: Vec<String> = vec![];
    assert_eq!(compared(update(&mut st, Action::Reviewed(marks))), none);
    let b = batch(vec![result(small("b", "Budget", None))], 1, 3);
    assert_eq!(compared(update(&mut st, b)), ["b"]);
    let c = batch(vec![result(bare("c"))], 2, 3);
    assert_eq!(compared(update(&mut st, c)), none, "b was asked already");
    let d = batch(vec![result(bare("d"))], 3, 3);
    assert_eq!(
        compared(update(&mut st, d)),
        ["d", "gone"],
        "the load is over: the rest is asked"
    );
}
