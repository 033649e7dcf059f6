//! What changed since a review, in the explorer without a terminal: `m` keeps the
//! version seen (through the host's store thread, never inside the update), a
//! story changed on disk gets a "changed" badge with its number of changes, `u`
//! lists it, `d` opens its changes, Enter follows one to its item, Backspace and
//! Esc come back, `m` marks the new version reviewed, a story whose file is gone is
//! "removed since review" until `m` dismisses it, and an evicted version is told.
//!
//! The store is a real one in a temporary folder, driven by the real
//! `host::review::Reviews` thread; the answers come back as actions.

mod tui_common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use storyx::app::effects::Effect;
use storyx::app::review::Since;
use storyx::app::state::LibraryRow;
use storyx::app::{Action, Pane, Screen, State};
use storyx::corpus::Corpus;
use storyx::host::review::Reviews;
use storyx::reviewed::Store;
use tui_common::*;

const CORPUS: &str = "/test/stories";

thread_local! {
    /// The effects the updates of this test handed out, not yet carried out.
    static EFFECTS: std::cell::RefCell<Vec<Effect>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The update, its effects kept for the test's host to carry out.
fn update(st: &mut State, action: Action) {
    let out = storyx::app::update(st, action);
    EFFECTS.with(|e| e.borrow_mut().extend(out));
}

/// The effects handed out since the last take.
fn effects() -> Vec<Effect> {
    EFFECTS.with(|e| e.borrow().clone())
}

fn take_effects() -> Vec<Effect> {
    EFFECTS.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

fn fixture(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::read_to_string(root.join(name)).expect("fixture")
}

/// A folder of stories: the bundled story as `old.yaml` (or its edited version),
/// and two more.
struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn new() -> Lib {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), fixture("diff/old.yaml")).unwrap();
        for n in ["budget-vote", "river-bridge"] {
            std::fs::write(
                dir.path().join(format!("{n}.yaml")),
                fixture(&format!("tui-library/{n}.yaml")),
            )
            .unwrap();
        }
        Lib { dir }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn load(&self) -> Corpus {
        storyx::corpus::load::load_paths(&[self.dir.path().to_path_buf()], &Default::default())
    }
}

/// A test host: the real store thread, fed the state's effects; waits (with a
/// guard against a hang) for every comparison asked to be answered.
struct Host {
    reviews: Reviews,
    _store_dir: tempfile::TempDir,
    store: Store,
}

impl Host {
    fn new(cap: u64) -> Host {
        let d = tempfile::tempdir().unwrap();
        let store = Store {
            dir: d.path().join("reviewed"),
            cap,
        };
        Host {
            reviews: Reviews::start(Some(store.clone()), CORPUS.into()),
            _store_dir: d,
            store,
        }
    }

    /// Carries out the review effects, then applies the answers until none is awaited.
    fn run(&self, st: &mut State) {
        for e in take_effects() {
            match e {
                Effect::KeepReviewed(id) => self.reviews.keep(st, &id),
                Effect::ForgetReviewed(id) => self.reviews.forget(id),
                Effect::Compare(asks) => self.reviews.compare(st, asks),
                _ => {}
            }
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut news = Vec::new();
            self.reviews.take(&mut news);
            for a in news {
                update(st, a);
            }
            let waiting = st
                .review
                .since
                .values()
                .any(|s| matches!(s, Since::Pending(_)));
            if !waiting {
                break;
            }
            assert!(Instant::now() < deadline, "the store thread did not answer");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits for the thread to have done what it was given (a kept version on disk).
    fn wait_for_file(&self, count: usize) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while entries(&self.store.dir) < count {
            assert!(Instant::now() < deadline, "nothing kept");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn entries(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| {
        d.flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "rev"))
            .count()
    })
}

fn row_of<'a>(st: &State, needle: &str, rows: &'a [String]) -> &'a str {
    let _ = st;
    rows.iter()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle}:\n{}", rows.join("\n")))
}

const BUNDLED: &str = "Reported White House memo";

/// Selects the bundled story in the library.
fn select_bundled(st: &mut State) {
    let at = st
        .corpus
        .stories
        .iter()
        .position(|s| s.title.contains(BUNDLED))
        .unwrap();
    st.library.list.selected = st.library_row_of(at).unwrap();
}

/// The library, the bundled story selected and marked reviewed, its version kept.
fn reviewed(lib: &Lib, host: &Host) -> State {
    let mut st = state_at(lib.load(), 120, 40, vec![]);
    update(&mut st, Action::Reviewed(Default::default()));
    host.run(&mut st);
    select_bundled(&mut st);
    update(&mut st, Action::ToggleReviewed);
    assert_eq!(
        effects(),
        [
            Effect::KeepReviewed("alibaba-military-allegations".into()),
            Effect::SaveReading
        ],
        "m keeps the version through an effect"
    );
    host.run(&mut st);
    host.wait_for_file(1);
    st
}

/// The file edited on disk (a stance changed, a quote corrected, an event added)
/// and reloaded.
fn edit_and_reload(lib: &Lib, host: &Host, st: &mut State) {
    std::fs::write(lib.path("a.yaml"), fixture("diff/new.yaml")).unwrap();
    update(st, Action::Reloaded(Box::new(lib.load())));
    assert!(
        st.library.reviewed.is_empty() || effects().iter().any(|e| matches!(e, Effect::Compare(_))),
        "{:?}",
        effects()
    );
    host.run(st);
}

#[test]
fn a_story_changed_since_review_shows_a_badge_u_lists_it_and_m_marks_the_new_version() {
    let (lib, host) = (Lib::new(), Host::new(storyx::reviewed::DEFAULT_CAP));
    let mut st = reviewed(&lib, &host);
    // Unchanged: reviewed, no badge; `u` hides it.
    let shown = rows(&st);
    let row = row_of(&st, BUNDLED, &shown);
    assert!(row.contains("│✓ Reported"), "{row}");
    assert!(!row.contains("changed"), "{row}");
    update(&mut st, Action::ToggleUnreviewed);
    assert!(!text(&st).contains(BUNDLED));
    update(&mut st, Action::ToggleUnreviewed);

    edit_and_reload(&lib, &host, &mut st);
    select_bundled(&mut st);
    let shown = rows(&st);
    let row = row_of(&st, BUNDLED, &shown);
    assert!(row.contains("│✓ Reported"), "still reviewed: {row}");
    assert!(row.contains("changed (3)"), "{row}");
    assert!(
        text(&st).contains("Changed since your review: 3 changes (d shows them)"),
        "the preview says so: {}",
        text(&st)
    );
    // `u` includes the changed story.
    update(&mut st, Action::ToggleUnreviewed);
    assert!(text(&st).contains(BUNDLED), "{}", text(&st));
    update(&mut st, Action::ToggleUnreviewed);

    // `m` on it marks the new version reviewed: still marked, no badge, kept again.
    select_bundled(&mut st);
    update(&mut st, Action::ToggleReviewed);
    assert!(st.library.reviewed.contains("alibaba-military-allegations"));
    assert_eq!(
        effects(),
        [
            Effect::KeepReviewed("alibaba-military-allegations".into()),
            Effect::SaveReading
        ]
    );
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("this version marked reviewed ✓"));
    host.run(&mut st);
    let shown = rows(&st);
    assert!(!row_of(&st, BUNDLED, &shown).contains("changed"));
    // Reloaded again: the version kept is the new one, so nothing changed.
    std::thread::sleep(Duration::from_millis(50));
    update(&mut st, Action::Reloaded(Box::new(lib.load())));
    host.run(&mut st);
    assert_eq!(
        st.review.since.get("alibaba-military-allegations"),
        Some(&Since::Unchanged)
    );
    // m now takes the mark away, and forgets the version.
    update(&mut st, Action::ToggleReviewed);
    assert!(st.library.reviewed.is_empty());
    assert_eq!(
        effects(),
        [
            Effect::ForgetReviewed("alibaba-military-allegations".into()),
            Effect::SaveReading
        ]
    );
}

#[test]
fn d_lists_the_changes_and_enter_follows_one_to_its_item() {
    let (lib, host) = (Lib::new(), Host::new(storyx::reviewed::DEFAULT_CAP));
    let mut st = reviewed(&lib, &host);
    // Unchanged: d says so and stays.
    update(&mut st, Action::Changes);
    assert_eq!(st.nav.screen, Screen::Library);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .starts_with("No changes since your review"));

    edit_and_reload(&lib, &host, &mut st);
    update(&mut st, Action::Changes);
    assert_eq!(st.nav.screen, Screen::Changes);
    let t = text(&st);
    assert!(t.contains("Changes since your review · 3 changes"), "{t}");
    // The wording of `storyx diff`, the changed words marked.
    assert!(t.contains("event added"), "{t}");
    assert!(t.contains("quote edited"), "{t}");
    assert!(t.contains("stance changed"), "{t}");
    assert!(
        t.contains("complete distortion of") && t.contains("facts"),
        "{t}"
    );
    // Down to the quote, Enter: the quote selected in the story.
    let changes = storyx::app::review::view_changes(&st).to_vec();
    let quote = changes
        .iter()
        .position(|d| d.change.kind.as_str() == "quote-edited")
        .unwrap();
    for _ in 0..quote {
        update(&mut st, Action::Down);
    }
    assert!(
        text(&st).contains("quotes[embassy-distortion].text: quote edited"),
        "{}",
        text(&st)
    );
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
    let v = st.view.as_ref().unwrap();
    assert_eq!(v.pane, Pane::Quotes);
    let story = st.current_story().unwrap();
    assert_eq!(
        story.quotes[v.selected_item()].text.as_str(),
        "a complete distortion of the facts"
    );
    // Backspace: back to the changes, where we were.
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Changes);
    assert_eq!(st.review.view.as_ref().unwrap().list.selected, quote);
    // The stance: the claim selected.
    let stance = changes
        .iter()
        .position(|d| d.change.kind.as_str() == "stance-changed")
        .unwrap();
    update(&mut st, Action::Top);
    for _ in 0..stance {
        update(&mut st, Action::Down);
    }
    update(&mut st, Action::Open);
    let v = st.view.as_ref().unwrap();
    assert_eq!(v.pane, Pane::Claims);
    assert_eq!(
        st.current_story().unwrap().claims[v.selected_item()]
            .id
            .as_str(),
        changes[stance]
            .change
            .path
            .split(['[', ']'])
            .nth(1)
            .unwrap()
    );
    update(&mut st, Action::Back);
    // Esc: back to the library.
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);
    // m from the changes view marks the new version reviewed.
    update(&mut st, Action::Changes);
    assert_eq!(st.nav.screen, Screen::Changes);
    update(&mut st, Action::ToggleReviewed);
    assert!(effects().contains(&Effect::KeepReviewed("alibaba-military-allegations".into())));
    assert!(
        text(&st).contains("No changes since your review"),
        "{}",
        text(&st)
    );
}

#[test]
fn a_never_reviewed_story_shows_no_changes() {
    let (lib, host) = (Lib::new(), Host::new(storyx::reviewed::DEFAULT_CAP));
    let mut st = state_at(lib.load(), 120, 40, vec![]);
    update(&mut st, Action::Reviewed(Default::default()));
    host.run(&mut st);
    edit_and_reload(&lib, &host, &mut st);
    assert!(!text(&st).contains("changed"));
    update(&mut st, Action::Changes);
    assert_eq!(st.nav.screen, Screen::Library);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("is not marked reviewed"));
}

#[test]
fn a_reviewed_story_whose_file_is_gone_is_listed_until_m_dismisses_it() {
    let (lib, host) = (Lib::new(), Host::new(storyx::reviewed::DEFAULT_CAP));
    let mut st = reviewed(&lib, &host);
    std::fs::remove_file(lib.path("a.yaml")).unwrap();
    update(&mut st, Action::Reloaded(Box::new(lib.load())));
    host.run(&mut st);
    let shown = rows(&st);
    let at = shown
        .iter()
        .position(|l| l.contains("removed since review"))
        .unwrap_or_else(|| panic!("{}", shown.join("\n")));
    assert!(shown[at].contains("✗ Reported"), "{}", shown[at]);
    // At the end of the library, after every story.
    let last_story = shown
        .iter()
        .rposition(|l| l.starts_with("│  Council votes") || l.starts_with("│  A new bridge"))
        .unwrap();
    assert!(at > last_story, "{}", shown.join("\n"));
    let row = st.library_len() - 1;
    st.library.list.selected = row;
    update(&mut st, Action::Open);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("removed since your review"));
    assert!(matches!(st.library_row(row), Some(LibraryRow::Removed(0))));
    update(&mut st, Action::ToggleReviewed);
    assert_eq!(
        effects(),
        [
            Effect::ForgetReviewed("alibaba-military-allegations".into()),
            Effect::SaveReading
        ]
    );
    assert!(!text(&st).contains("removed since review"));
    assert!(st.library.reviewed.is_empty());
    host.run(&mut st);
    // Forgotten in the store too: a reload lists nothing.
    let marks = st.library.reviewed.clone();
    update(&mut st, Action::Reviewed(marks));
    host.run(&mut st);
    assert!(st.review.removed.is_empty());
}

#[test]
fn an_evicted_reviewed_version_is_told() {
    // Room for one kept story only: keeping a second evicts the first.
    let probe = Lib::new().load();
    let one = probe
        .stories
        .iter()
        .map(|s| storyx::reviewed::entry_size(CORPUS, s))
        .max()
        .unwrap() as u64;
    let (lib, host) = (Lib::new(), Host::new(one + 200));
    let mut st = reviewed(&lib, &host);
    std::thread::sleep(Duration::from_millis(1100)); // distinct modification times
    update(&mut st, Action::Down);
    update(&mut st, Action::ToggleReviewed);
    host.run(&mut st);
    let deadline = Instant::now() + Duration::from_secs(30);
    while st.review.since.get("alibaba-military-allegations") != Some(&Since::Evicted) {
        assert!(
            Instant::now() < deadline,
            "no eviction told: {:?}",
            st.review.since
        );
        std::thread::sleep(Duration::from_millis(5));
        host.run(&mut st);
    }
    assert!(
        st.chrome
            .message
            .as_deref()
            .unwrap()
            .contains("was evicted from the store"),
        "{:?}",
        st.chrome.message
    );
    // Opened again later: told too.
    st.chrome.message = None;
    let marks = st.library.reviewed.clone();
    update(&mut st, Action::Reviewed(marks));
    host.run(&mut st);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap_or("")
        .contains("was evicted"));
    // d says why there are no changes; m keeps the version now.
    select_bundled(&mut st);
    update(&mut st, Action::Changes);
    assert!(st.chrome.message.as_deref().unwrap().contains("evicted"));
    update(&mut st, Action::ToggleReviewed);
    assert!(st.library.reviewed.contains("alibaba-military-allegations"));
}

// ---------------------------------------------------------------------------
// Snapshots: the library with a changed badge and a removed story, and the
// changes view, at 120×40, 80×24 and 40×12. The host's answers are made here by
// the same comparison the store thread runs (`review::compare`), on fixed paths.

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn parse(name: &str) -> storyx::story::Story {
    let mut s = storyx::story::parse::parse_str(Path::new("a.yaml"), &fixture(name))
        .story
        .expect("a story");
    s.file = PathBuf::from("stories/alibaba.yaml");
    s
}

/// The library: the bundled story reviewed then changed, the budget story
/// reviewed and unchanged, and a reviewed story since removed.
fn answered(w: u16, h: u16) -> State {
    let (old, new) = (parse("diff/old.yaml"), parse("diff/new.yaml"));
    let c = corpus(vec![
        new.clone(),
        small(
            "budget-vote",
            "Council votes on the budget",
            Some("2023-03-14"),
        ),
        bare("bare-story"),
    ]);
    let mut st = state_at(c, w, h, vec![]);
    let marks = [new.id.as_str(), "budget-vote", "gone-story"]
        .map(String::from)
        .into_iter()
        .collect();
    update(&mut st, Action::Reviewed(marks));
    let asks = match take_effects().as_slice() {
        [Effect::Compare(asks)] => asks.clone(),
        other => panic!("{other:?}"),
    };
    use storyx::app::review::{compare, Answer};
    for (ticket, id) in asks {
        let answer = match id.as_str() {
            "gone-story" => Answer::Gone {
                ticket,
                id,
                title: "A story since removed".into(),
            },
            "budget-vote" => Answer::Compared {
                ticket,
                id,
                since: Since::Unchanged,
            },
            _ => Answer::Compared {
                ticket,
                id,
                since: compare(&old, &new),
            },
        };
        update(&mut st, Action::Review(Box::new(answer)));
    }
    select_bundled(&mut st);
    update(
        &mut st,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    st
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(st));
}

#[test]
fn snapshots_of_the_library_with_badges_and_of_the_changes_view() {
    for (w, h) in SIZES {
        let mut st = answered(w, h);
        snap("review_library", &st);
        update(&mut st, Action::Changes);
        assert_eq!(st.nav.screen, Screen::Changes);
        update(&mut st, Action::Down);
        snap("review_changes", &st);
    }
}

#[test]
fn the_changes_view_draws_at_any_size() {
    for (w, h) in [(0, 0), (1, 1), (2, 3), (10, 4)] {
        let mut st = answered(120, 40);
        update(&mut st, Action::Changes);
        update(
            &mut st,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let shown = rows(&st);
        assert_eq!(shown.len(), usize::from(h));
        if w > 0 {
            let _ = screen(&st);
        }
    }
}

#[test]
fn without_colour_the_changed_words_are_marked_as_storyx_diff_marks_them() {
    let mut st = answered(120, 40);
    update(&mut st, Action::Changes);
    let (w, h) = st.chrome.size;
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    let theme = storyx::view::theme::Theme::default().with_color(false);
    storyx::ui::render(&st, &theme, buf.area, &mut buf);
    let shown = buffer_rows(&buf).join("\n");
    assert!(
        shown.contains(
            "Chinese Embassy in Washington: “{+a+} complete distortion of {+the+} facts”"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Alibaba: [-disputes-] → {+mixed+}"),
        "{shown}"
    );
}

#[test]
fn a_version_kept_just_before_quitting_is_on_disk_when_the_explorer_goes() {
    let lib = Lib::new();
    let d = tempfile::tempdir().unwrap();
    let store = Store {
        dir: d.path().join("reviewed"),
        cap: storyx::reviewed::DEFAULT_CAP,
    };
    let st = state_at(lib.load(), 120, 40, vec![]);
    let reviews = Reviews::start(Some(store.clone()), CORPUS.into());
    for s in &st.corpus.stories {
        reviews.keep(&st, &s.id);
    }
    // Going away waits for what it was given to keep (not for comparisons).
    drop(reviews);
    assert_eq!(entries(&store.dir), st.corpus.stories.len());
    for s in &st.corpus.stories {
        assert!(matches!(
            store.load(CORPUS, &s.id),
            storyx::reviewed::Found::Kept(_)
        ));
    }
}
