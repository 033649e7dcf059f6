//! The update logic without a terminal: navigation, focus, following
//! cross-references and coming back, screens, sorting, mouse, loading more.

mod tui_common;

use storyx::app::detail::BlockStyle;
use storyx::app::state::LibraryRow;
use storyx::app::{update, Action, Pane, Screen, SortOrder, State};
use tui_common::*;

fn view(st: &State) -> &storyx::app::StoryView {
    st.view.as_ref().expect("a story is open")
}

fn detail_text(st: &State) -> String {
    view(st)
        .detail
        .doc
        .blocks
        .iter()
        .map(|b| b.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of the cross-reference under the detail cursor.
fn link_under_cursor(st: &State) -> Option<String> {
    let d = &view(st).detail;
    let line = d.lines.get(d.cursor)?;
    let block = &d.doc.blocks[line.block];
    block.link.map(|_| block.text.clone())
}

/// Moves the detail cursor down to the cross-reference whose text contains `needle`.
fn cursor_to(st: &mut State, needle: &str) {
    for _ in 0..200 {
        if link_under_cursor(st).is_some_and(|t| t.contains(needle)) {
            return;
        }
        update(st, Action::Down);
    }
    panic!(
        "no cross-reference with {needle:?} in:\n{}",
        detail_text(st)
    );
}

#[test]
fn one_story_opens_directly_several_show_the_library_none_the_empty_screen() {
    let one = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    assert_eq!(one.nav.screen, Screen::Story);
    assert_eq!(one.current_story().unwrap().id, "harbor-strike");

    let lib = state_at(library_corpus(), 120, 40, vec![]);
    assert_eq!(lib.nav.screen, Screen::Library);
    // The problems entry is on top; the first story is selected.
    assert_eq!(lib.library_row(0), Some(LibraryRow::Problems));
    assert_eq!(
        lib.library_row(lib.library.list.selected),
        Some(LibraryRow::Story(0))
    );

    let none = state_at(corpus(vec![]), 80, 24, vec![]);
    assert_eq!(none.nav.screen, Screen::Empty);
    assert!(text(&none).contains("No stories loaded"));
    assert!(text(&none).contains("storyx check"));
}

#[test]
fn library_moves_opens_and_comes_back() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Down]);
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(1))
    );
    update(&mut st, Action::Bottom);
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(2))
    );
    update(&mut st, Action::Down);
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(2)),
        "stays at the end"
    );
    update(&mut st, Action::Top);
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Problems)
    );
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Problems);
    assert!(text(&st).contains("stories/broken.yaml:3:7"));
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);
    update(&mut st, Action::Down);
    update(&mut st, Action::Down);
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().unwrap().id, "budget-vote");
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);
    // Backspace with no history also goes back.
    update(&mut st, Action::Open);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Library);
}

#[test]
fn problems_key_toggles_from_anywhere() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Open]);
    assert_eq!(st.nav.screen, Screen::Story);
    update(&mut st, Action::ToggleProblems);
    assert_eq!(st.nav.screen, Screen::Problems);
    update(&mut st, Action::ToggleProblems);
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn sort_cycles_file_order_date_title_and_keeps_the_selection() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Down]);
    let selected = |st: &State| match st.library_row(st.library.list.selected) {
        Some(LibraryRow::Story(s)) => st.corpus.stories[s].id.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(selected(&st), "budget-vote");
    let ids = |st: &State| {
        st.library
            .order
            .iter()
            .map(|&i| st.corpus.stories[i].id.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(ids(&st), "harbor-strike budget-vote bare-story");
    update(&mut st, Action::CycleSort);
    assert_eq!(st.library.sort, SortOrder::Date);
    assert_eq!(
        ids(&st),
        "harbor-strike budget-vote bare-story",
        "newest first, undated last"
    );
    update(&mut st, Action::CycleSort);
    assert_eq!(st.library.sort, SortOrder::Title);
    assert_eq!(ids(&st), "bare-story budget-vote harbor-strike");
    assert_eq!(selected(&st), "budget-vote");
    assert!(text(&st).contains("sorted by title"));
    update(&mut st, Action::CycleSort);
    assert_eq!(st.library.sort, SortOrder::File);
}

#[test]
fn tab_cycles_the_six_panes_then_the_detail() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    let mut seen = vec![];
    for _ in 0..8 {
        let v = view(&st);
        seen.push(if v.focus_detail {
            "Detail".to_string()
        } else {
            v.pane.title().to_string()
        });
        update(&mut st, Action::NextPane);
    }
    assert_eq!(
        seen,
        ["Timeline", "Parties", "Analysts", "Quotes", "Claims", "Sources", "Detail", "Timeline"]
    );
    // Now on Parties; back past Timeline to the detail, then Sources.
    update(&mut st, Action::PrevPane);
    assert_eq!(view(&st).pane, Pane::Timeline);
    update(&mut st, Action::PrevPane);
    assert!(view(&st).focus_detail);
    update(&mut st, Action::PrevPane);
    assert_eq!(view(&st).pane, Pane::Sources);
    assert!(!view(&st).focus_detail);
    for (n, p) in Pane::ALL.iter().enumerate() {
        update(&mut st, Action::FocusPane(*p));
        assert_eq!(view(&st).pane, Pane::ALL[n]);
        assert!(!view(&st).focus_detail);
    }
}

#[test]
fn moving_in_a_pane_stays_in_range_and_pages() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    update(&mut st, Action::Up);
    assert_eq!(view(&st).selected(), 0);
    update(&mut st, Action::Down);
    update(&mut st, Action::Down);
    assert_eq!(view(&st).selected(), 2);
    update(&mut st, Action::Bottom);
    assert_eq!(view(&st).selected(), 3);
    update(&mut st, Action::Down);
    assert_eq!(view(&st).selected(), 3);
    update(&mut st, Action::Top);
    assert_eq!(view(&st).selected(), 0);
    update(&mut st, Action::PageDown);
    assert_eq!(view(&st).selected(), 3, "a page is longer than the pane");
    update(&mut st, Action::PageUp);
    assert_eq!(view(&st).selected(), 0);
    // Each pane keeps its own selection.
    update(&mut st, Action::FocusPane(Pane::Quotes));
    update(&mut st, Action::Down);
    update(&mut st, Action::FocusPane(Pane::Timeline));
    assert_eq!(view(&st).selected(), 0);
    update(&mut st, Action::FocusPane(Pane::Quotes));
    assert_eq!(view(&st).selected(), 1);
}

#[test]
fn a_long_list_scrolls_to_keep_the_selection_visible() {
    let mut big = harbor();
    let template = big.timeline[1].clone();
    big.timeline = (0..500)
        .map(|i| storyx::story::Event {
            title: format!("Event number {i}").into(),
            file_index: i,
            ..template.clone()
        })
        .collect();
    let mut st = state_at(corpus(vec![big]), 120, 40, vec![Action::Bottom]);
    assert_eq!(view(&st).selected(), 499);
    assert!(text(&st).contains("Event number 499"));
    assert!(text(&st).contains("500/500"));
    update(&mut st, Action::PageUp);
    let sel = view(&st).selected();
    assert!(sel < 499 && sel > 480, "{sel}");
    assert!(text(&st).contains(&format!("Event number {sel}")));
}

#[test]
fn enter_opens_the_detail_follows_a_cross_reference_and_backspace_comes_back() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes)],
    );
    // The first quote: direct, in quotation marks.
    assert!(detail_text(&st).contains("“Not one job goes without a fight.”"));
    update(&mut st, Action::Open);
    assert!(view(&st).focus_detail);
    assert_eq!(
        link_under_cursor(&st).as_deref(),
        Some("Dockworkers' Union (organization)"),
        "cursor on the first link"
    );
    update(&mut st, Action::Open);
    assert_eq!(view(&st).pane, Pane::Parties);
    assert_eq!(view(&st).selected(), 0);
    assert!(view(&st).focus_detail);
    assert!(detail_text(&st).contains("Against automation"));
    assert_eq!(view(&st).history.len(), 1);

    // Follow on: from the union to its stance on a claim, then to the port authority.
    cursor_to(&mut st, "supports the claim");
    update(&mut st, Action::Open);
    assert_eq!(view(&st).pane, Pane::Claims);
    assert!(detail_text(&st).contains("Claim · disputed"));
    cursor_to(&mut st, "Port Authority disputes the claim");
    update(&mut st, Action::Open);
    assert_eq!(view(&st).pane, Pane::Parties);
    assert_eq!(view(&st).selected(), 1);
    assert_eq!(view(&st).history.len(), 3);

    // Back three times: claim, union, then the quote we started from.
    update(&mut st, Action::Back);
    assert_eq!(view(&st).pane, Pane::Claims);
    assert_eq!(
        link_under_cursor(&st).as_deref(),
        Some("Port Authority disputes the claim"),
        "the cursor comes back too"
    );
    update(&mut st, Action::Back);
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Parties, 0));
    update(&mut st, Action::Back);
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Quotes, 0));
    assert!(view(&st).focus_detail);
    assert!(view(&st).history.is_empty());
    // With no history, Backspace leaves the detail, like Esc.
    update(&mut st, Action::Back);
    assert!(!view(&st).focus_detail);
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn enter_where_there_is_nothing_to_follow_says_so() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims), Action::Down],
    );
    update(&mut st, Action::Open);
    update(&mut st, Action::Top);
    update(&mut st, Action::Open);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap_or("")
        .contains("No cross-reference (→ line) at or below"));
    assert!(text(&st).contains("No cross-reference (→ line) at or below"));
    update(&mut st, Action::Down);
    assert!(st.chrome.message.is_none(), "a message lasts one key");
}

#[test]
fn esc_leaves_the_detail_then_the_story() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Open, Action::Open]);
    assert!(view(&st).focus_detail);
    update(&mut st, Action::Close);
    assert!(!view(&st).focus_detail);
    assert_eq!(st.nav.screen, Screen::Story);
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);

    // With a single story there is no library: Esc stays and says how to quit.
    let mut one = state_at(corpus(vec![harbor()]), 120, 40, vec![Action::Close]);
    assert_eq!(one.nav.screen, Screen::Story);
    assert!(one
        .chrome
        .message
        .as_deref()
        .unwrap_or("")
        .contains("q quits"));
    update(&mut one, Action::Quit);
    assert!(one.quit);
}

#[test]
fn brackets_go_to_the_previous_and_next_story_in_library_order() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Open]);
    assert_eq!(st.current_story().unwrap().id, "harbor-strike");
    update(&mut st, Action::PrevStory);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap_or("")
        .contains("first story"));
    update(&mut st, Action::NextStory);
    assert_eq!(st.current_story().unwrap().id, "budget-vote");
    update(&mut st, Action::NextStory);
    assert_eq!(st.current_story().unwrap().id, "bare-story");
    update(&mut st, Action::NextStory);
    assert_eq!(st.current_story().unwrap().id, "bare-story");
    update(&mut st, Action::CycleSort);
    update(&mut st, Action::CycleSort); // by title: bare, budget, harbor
    update(&mut st, Action::NextStory);
    assert_eq!(st.current_story().unwrap().id, "budget-vote");
}

#[test]
fn s_shows_and_hides_the_summary() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    assert!(!text(&st).contains("Dockworkers walked out on 1 October"));
    update(&mut st, Action::ToggleSummary);
    assert!(text(&st).contains("Dockworkers walked out on 1 October"));
    update(&mut st, Action::ToggleSummary);
    assert!(!text(&st).contains("Dockworkers walked out on 1 October"));
}

#[test]
fn help_opens_scrolls_and_closes_and_keys_do_not_leak_through() {
    let mut st = state_at(corpus(vec![harbor()]), 40, 12, vec![Action::ToggleHelp]);
    assert!(st.chrome.help);
    assert!(text(&st).contains("move down"));
    update(&mut st, Action::Down);
    assert_eq!(st.chrome.help_scroll, 1);
    assert_eq!(view(&st).selected(), 0, "j scrolls the help, not the pane");
    update(&mut st, Action::Bottom);
    assert!(
        text(&st).contains("Shift+drag"),
        "the end of the help: {}",
        text(&st)
    );
    update(&mut st, Action::Close);
    assert!(!st.chrome.help);
    update(&mut st, Action::ToggleHelp);
    update(&mut st, Action::ToggleHelp);
    assert!(!st.chrome.help);
}

#[test]
fn clicks_focus_and_select_and_the_wheel_scrolls() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    let areas = st.story_areas(st.current_story().unwrap(), view(&st));
    let quotes = areas.panes[Pane::Quotes.index()];
    // The third row inside the Quotes pane.
    update(
        &mut st,
        Action::Click {
            column: quotes.x + 3,
            row: quotes.y + 3,
        },
    );
    assert_eq!(view(&st).pane, Pane::Quotes);
    assert_eq!(view(&st).selected(), 2);
    // Clicking the selected row again opens the detail.
    update(
        &mut st,
        Action::Click {
            column: quotes.x + 3,
            row: quotes.y + 3,
        },
    );
    assert!(view(&st).focus_detail);
    // A click in the detail focuses it and puts the cursor there.
    let d = areas.detail;
    update(
        &mut st,
        Action::Click {
            column: d.x + 2,
            row: d.y + 1,
        },
    );
    assert!(view(&st).focus_detail);
    assert_eq!(view(&st).detail.cursor, 0);
    // The wheel over the timeline scrolls it without taking the focus; its four
    // events fit, so nothing moves (the selection is not the wheel's).
    let tl = areas.panes[Pane::Timeline.index()];
    update(
        &mut st,
        Action::Scroll {
            column: tl.x + 2,
            row: tl.y + 2,
            down: true,
        },
    );
    assert_eq!(view(&st).lists[Pane::Timeline.index()].selected, 0);
    assert!(view(&st).focus_detail);
    // Clicks outside anything do nothing harmful.
    update(
        &mut st,
        Action::Click {
            column: 500,
            row: 500,
        },
    );
    update(
        &mut st,
        Action::Scroll {
            column: 0,
            row: 0,
            down: false,
        },
    );
}

#[test]
fn clicking_a_tab_in_the_small_layout_switches_pane() {
    let mut st = state_at(corpus(vec![harbor()]), 40, 12, vec![]);
    let rows = rows(&st);
    let tab_row = rows
        .iter()
        .position(|r| r.contains("Parties"))
        .expect("tab row");
    let col = rows[tab_row].find("Parties").unwrap();
    let col = rows[tab_row][..col].chars().count() as u16;
    update(
        &mut st,
        Action::Click {
            column: col + 1,
            row: tab_row as u16,
        },
    );
    assert_eq!(view(&st).pane, Pane::Parties);
}

#[test]
fn library_clicks_select_then_open() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    let r = rows(&st);
    let y = r
        .iter()
        .position(|l| l.contains("Council votes on the budget"))
        .unwrap() as u16;
    update(&mut st, Action::Click { column: 5, row: y });
    assert_eq!(
        st.library_row(st.library.list.selected),
        Some(LibraryRow::Story(1))
    );
    assert_eq!(st.nav.screen, Screen::Library);
    update(&mut st, Action::Click { column: 5, row: y });
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn story_and_item_ids_from_the_command_line() {
    let go = |story: &str, item: Option<&str>| Action::GoTo {
        story: story.into(),
        item: item.map(str::to_string),
    };
    let mut st = State::new(library_corpus());
    update(&mut st, go("harbor-strik", None));
    assert_eq!(st.nav.screen, Screen::Library);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("did you mean `harbor-strike`"));
    update(&mut st, go("harbor-strike", Some("q-li")));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Quotes, 2));
    update(&mut st, go("harbor-strike", Some("walkout")));
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Timeline, 1));
    update(&mut st, go("harbor-strike", Some("nope")));
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("no item with the id `nope`"));
    let story = &st.corpus.stories[0];
    assert!(storyx::app::state::item_place(story, "nope").is_err());
}

#[test]
fn stories_loaded_after_the_first_frame_join_without_losing_the_place() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes), Action::Down],
    );
    assert_eq!(st.nav.screen, Screen::Story);
    update(&mut st, Action::Loaded(Box::new(library_corpus())));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().unwrap().id, "harbor-strike");
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Quotes, 1));
    update(&mut st, Action::Close);
    assert_eq!(
        st.nav.screen,
        Screen::Library,
        "now there is a library to go back to"
    );

    // From nothing to something.
    let mut empty = state_at(corpus(vec![]), 80, 24, vec![]);
    update(&mut empty, Action::Loaded(Box::new(library_corpus())));
    assert_eq!(empty.nav.screen, Screen::Library);
}

#[test]
fn quotes_and_claims_read_as_what_they_are() {
    // Medium width: the focused pane spans the screen.
    let st = state_at(
        corpus(vec![harbor()]),
        110,
        40,
        vec![Action::FocusPane(Pane::Quotes)],
    );
    let t = text(&st);
    assert!(
        t.contains("Dockworkers' Union: “Not one job goes without a fight.”"),
        "{t}"
    );
    assert!(
        t.contains("Mayor Ana Ruiz (reported, via Dockworkers' Union): The mayor said"),
        "{t}"
    );
    assert!(
        !t.contains("“The mayor said"),
        "a paraphrase is never in quotation marks"
    );
    let st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes), Action::Down],
    );
    let d = detail_text(&st);
    assert!(d.contains("Reported speech"), "{d}");
    assert!(
        d.contains("(reported): The mayor said she would meet both sides."),
        "{d}"
    );
    assert!(d.contains("via Dockworkers' Union"), "{d}");

    let st = state_at(
        corpus(vec![harbor()]),
        110,
        40,
        vec![Action::FocusPane(Pane::Claims)],
    );
    let d = detail_text(&st);
    for needle in [
        "Claim · disputed",
        "Claimed: Automated cranes will cost 400 jobs.",
        "not an established fact",
        "Dockworkers' Union supports the claim",
        "Port Authority disputes the claim",
        "Says every worker will be retrained.",
        "李伟 (Li Wei) has a mixed view of the claim",
        "Mayor Ana Ruiz has no comment on the claim",
        "“自动化需要十年才能回本。”",
    ] {
        assert!(d.contains(needle), "{needle:?} missing from:\n{d}");
    }
    assert!(view(&st)
        .detail
        .doc
        .blocks
        .iter()
        .any(|b| b.style == BlockStyle::Note));
    // The matrix: the status, the claim, a glyph and a word per stance.
    let t = text(&st);
    assert!(t.contains("disputed  Automated cranes will cost"), "{t}");
    assert!(
        t.contains("✓ supports   ✗ disputes   — no comment ± mixed"),
        "{t}"
    );
}

#[test]
fn detail_lists_every_cross_reference_of_a_party() {
    let st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Parties)],
    );
    let d = detail_text(&st);
    for needle in [
        "Dockworkers' Union",
        "also called the union",
        "Against automation",
        "Quotes (1)",
        "Relayed (1)",
        "Mayor Ana Ruiz (reported, via Dockworkers' Union): The mayor",
        "Events (1)",
        "1 Oct 2024 · Dockworkers walk out",
        "Stances on claims (1)",
        "supports the claim: Automated cranes will cost 400 jobs.",
    ] {
        assert!(d.contains(needle), "{needle:?} missing from:\n{d}");
    }
    let st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Sources)],
    );
    let d = detail_text(&st);
    assert!(d.contains("Cited by (4)"), "{d}");
    let st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    let d = detail_text(&st);
    assert!(
        d.contains("event · Sep 2024")
            && d.contains("Involves (1)")
            && d.contains("Port board minutes"),
        "{d}"
    );
}

#[test]
fn problems_are_never_silent_even_with_a_single_story() {
    let mut st = state_at(
        corpus_with(vec![harbor()], vec![("stories/broken.yaml", "bad")]),
        120,
        40,
        vec![],
    );
    assert_eq!(st.nav.screen, Screen::Story);
    assert!(
        text(&st).contains("1 file failed to load: ! shows them"),
        "{}",
        text(&st)
    );
    update(&mut st, Action::Down);
    assert!(text(&st).contains("⚠ ! 1 problem"), "{}", text(&st));
    update(&mut st, Action::ToggleProblems);
    assert!(text(&st).contains("stories/broken.yaml:3:7"));
}
