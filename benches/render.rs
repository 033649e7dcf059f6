//! One frame of the explorer at 200×60 through ratatui's TestBackend, with 100,000
//! items in the list on screen (issue 6: at most 2 ms a frame): a story's quotes
//! pane, the library, the problems screen. Each frame is drawn in full (the
//! backend's buffers are swapped as a terminal's are), with the selection in the middle.
//! Then a key and a frame on a story with 5 MB of single-line text.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::Criterion;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storyx::app::{update, Action, Pane, State};
use storyx::corpus::Corpus;
use storyx::story::FileResult;
use storyx::story::{Diagnostic, Location, Quote, Severity};
use storyx::view::theme::Theme;

const ITEMS: usize = 100_000;

fn sized(corpus: Corpus, actions: Vec<Action>) -> State {
    let mut state = State::new(corpus);
    update(
        &mut state,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    for a in actions {
        update(&mut state, a);
    }
    state
}

/// One story whose quotes pane lists 100,000 quotes, the middle one selected.
fn quotes() -> State {
    let mut story = storyx::synth::story(0);
    let base = story.quotes.clone();
    story.quotes = (0..ITEMS)
        .map(|i| {
            let q = &base[i % base.len()];
            Quote {
                id: Some(format!("q-{i}").into()),
                text: format!("{} ({i})", q.text).into(),
                ..q.clone()
            }
        })
        .collect();
    let corpus = Corpus::from_results(vec![FileResult {
        path: story.file.clone(),
        story: Some(story),
        diagnostics: vec![],
        io_error: false,
    }]);
    sized(
        corpus,
        vec![
            Action::FocusPane(Pane::Quotes),
            Action::PageDown,
            Action::Bottom,
            Action::PageUp,
        ],
    )
}

/// 100,000 small stories in the library.
fn library() -> State {
    let template = storyx::synth::story(1);
    let results = (0..ITEMS)
        .map(|i| {
            let mut s = template.clone();
            s.id = format!("story-{i}").into();
            s.title = format!("{} {i}", template.title).into();
            s.quotes.truncate(2);
            s.timeline.truncate(2);
            s.file = PathBuf::from(format!("stories/story-{i}.yaml"));
            FileResult {
                path: s.file.clone(),
                story: Some(s),
                diagnostics: vec![],
                io_error: false,
            }
        })
        .collect();
    sized(
        Corpus::from_results(results),
        vec![Action::Bottom, Action::PageUp],
    )
}

/// 100,000 problems on the problems screen.
fn problems() -> State {
    let results = (0..ITEMS)
        .map(|i| {
            let path = PathBuf::from(format!("stories/broken-{i}.yaml"));
            FileResult {
                path: path.clone(),
                story: None,
                diagnostics: vec![Diagnostic {
                    file: path,
                    location: Some(Location {
                        line: 1 + i % 300,
                        column: 3,
                    }),
                    severity: Severity::Error,
                    path: format!("quotes[{}].by", i % 30),
                    message: "`by: fisher` names no party or analyst; known: union, port".into(),
                }],
                io_error: false,
            }
        })
        .collect();
    sized(
        Corpus::from_results(results),
        vec![Action::ToggleProblems, Action::Bottom, Action::PageUp],
    )
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame 200x60, 100000 items");
    for (name, state) in [
        ("quotes pane", quotes()),
        ("library", library()),
        ("problems", problems()),
    ] {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| storyx::ui::draw(black_box(&state), &Theme::default(), frame))
                    .expect("draws");
            })
        });
    }
    group.finish();
}

/// One story with 5 MB of single-line text in its summary (shown) or in a quote (its
/// detail open): a key and the frame after it, as in tests/tui_sizes.rs (which checks
/// what is drawn; the time is measured here).
fn huge_text(c: &mut Criterion) {
    let word = "verylongsummaryword ";
    let huge = word.repeat(5 * 1024 * 1024 / word.len());
    let mut with_summary = storyx::synth::story(0);
    with_summary.summary = Some(huge.as_str().into());
    let mut with_quote = storyx::synth::story(0);
    with_quote.quotes[0].text = huge.as_str().into();
    let one = |story: storyx::story::Story| {
        Corpus::from_results(vec![FileResult {
            path: story.file.clone(),
            story: Some(story),
            diagnostics: vec![],
            io_error: false,
        }])
    };
    let mut group = c.benchmark_group("5 MB of text, a key and a frame at 200x60");
    for (name, mut state, keys) in [
        (
            "summary: down, up",
            sized(one(with_summary), vec![Action::ToggleSummary]),
            [Action::Down, Action::Up],
        ),
        (
            "quote detail: page down, page up",
            sized(
                one(with_quote),
                vec![Action::FocusPane(Pane::Quotes), Action::Open],
            ),
            [Action::PageDown, Action::PageUp],
        ),
    ] {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                update(&mut state, keys[i % 2].clone());
                i += 1;
                terminal
                    .draw(|frame| storyx::ui::draw(black_box(&state), &Theme::default(), frame))
                    .expect("draws");
            })
        });
    }
    group.finish();
}

fn main() {
    let mut c = Criterion::default().sample_size(30).configure_from_args();
    bench(&mut c);
    huge_text(&mut c);
    c.final_summary();
}
