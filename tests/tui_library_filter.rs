//! The library's filter (`f` on the library) without a terminal: the stories
//! narrowed to those whose row text (title, id, date as shown, tags) matches
//! every word typed, case and accents ignored; the sort kept; `u` applied with
//! it; stories loaded later filtered as they come; the selection kept on a
//! story shown; Enter keeps the filter, Esc clears it; and snapshots of the
//! filtered library at 120×40 and 40×12 with the matched characters marked.

mod tui_common;

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use storyx::app::search::line_open;
use storyx::app::state::LibraryRow;
use storyx::app::{update, Action, Batch, Screen, State};
use storyx::story::FileResult;
use storyx::story::Story;
use storyx::view::theme::Theme;
use tui_common::*;

/// `f`, then `query` typed.
fn filter(st: &mut State, query: &str) {
    press(st, key(KeyCode::Char('f')));
    assert!(line_open(st), "f opens the filter line");
    type_text(st, query);
}

/// The ids of the stories shown, in library order.
fn shown(st: &State) -> Vec<String> {
    st.library
        .order
        .iter()
        .map(|&i| st.corpus.stories[i].id.to_string())
        .collect()
}

/// The id of the selected story (`None` on the problems row or in an empty list).
fn selected(st: &State) -> Option<String> {
    match st.library_row(st.library.list.selected) {
        Some(LibraryRow::Story(s)) => Some(st.corpus.stories[s].id.to_string()),
        _ => None,
    }
}

fn status(st: &State) -> String {
    rows(st).last().cloned().unwrap_or_default()
}

/// Four budget stories of different dates and titles, and the harbor story.
fn budgets() -> Vec<Story> {
    vec![
        small("b-oslo", "Oslo budget passes", Some("2021-05-01")),
        harbor(),
        small("b-zurich", "Zürich budget delayed", Some("2024-02-10")),
        small("b-athens", "Athens budget protests", Some("2022-11-30")),
        small("b-lyon", "Lyon budget is balanced", None),
    ]
}

fn file(story: Story) -> FileResult {
    FileResult {
        path: story.file.clone(),
        story: Some(story),
        diagnostics: vec![],
        io_error: false,
    }
}

#[test]
fn f_narrows_the_library_enter_keeps_it_and_esc_shows_every_story() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    assert_eq!(selected(&st).as_deref(), Some("harbor-strike"));
    // While typing, keys are text: q does not quit, j does not move.
    filter(&mut st, "q");
    assert!(!st.quit);
    press(&mut st, key(KeyCode::Backspace));
    type_text(&mut st, "DOCK");
    assert_eq!(shown(&st), ["harbor-strike"]);
    let screen = text(&st);
    assert!(
        screen.contains("filtered: 1 of 3 match “DOCK”"),
        "the title says it:\n{screen}"
    );
    assert!(screen.contains("┌ Stories [f: DOCK] "), "{screen}");
    assert!(!screen.contains("Council votes"), "{screen}");
    assert!(screen.contains("Dockworkers strike"), "{screen}");
    // The problems entry stays above the stories.
    assert!(screen.contains("⚠ 1 problem"), "{screen}");
    assert!(
        status(&st).contains(" Filter Stories: DOCK") && status(&st).contains("1/3 stories"),
        "{}",
        status(&st)
    );

    // Enter keeps the filter and closes the line: keys move again.
    press(&mut st, key(KeyCode::Enter));
    assert!(!line_open(&st));
    assert_eq!(shown(&st), ["harbor-strike"]);
    // One story counted: the problems row is not a story.
    assert!(status(&st).contains("Library 1/1"), "{}", status(&st));
    assert!(status(&st).contains("Esc all stories"), "{}", status(&st));
    // The cursor never rests on the problems row of a filtered library.
    for k in ['k', 'g'] {
        press(&mut st, key(KeyCode::Char(k)));
        assert_eq!(selected(&st).as_deref(), Some("harbor-strike"), "{k}");
    }
    press(&mut st, key(KeyCode::Char('j')));
    // The story opens; Esc from it comes back to the library still filtered.
    press(&mut st, key(KeyCode::Enter));
    assert_eq!(st.nav.screen, Screen::Story);
    press(&mut st, key(KeyCode::Esc));
    assert_eq!(st.nav.screen, Screen::Library);
    assert_eq!(shown(&st), ["harbor-strike"]);

    // f again edits the same query.
    press(&mut st, key(KeyCode::Char('f')));
    assert_eq!(st.library.filter.as_ref().unwrap().query(), "DOCK");
    press(&mut st, key(KeyCode::Enter));

    // Esc clears it: every story, the selection kept.
    press(&mut st, key(KeyCode::Esc));
    assert!(st.library.filter.is_none());
    assert_eq!(shown(&st), ["harbor-strike", "budget-vote", "bare-story"]);
    assert_eq!(selected(&st).as_deref(), Some("harbor-strike"));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("Filter cleared: every story")
    );
    let screen = text(&st);
    assert!(!screen.contains("filtered:"), "{screen}");
    assert!(screen.contains("┌ Stories ─"), "{screen}");
    // Esc again: the library's usual answer.
    press(&mut st, key(KeyCode::Esc));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This is the library; q quits")
    );
}

#[test]
fn esc_while_typing_clears_and_enter_on_nothing_typed_drops_the_filter() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    filter(&mut st, "budget");
    assert_eq!(shown(&st), ["budget-vote"]);
    press(&mut st, key(KeyCode::Esc));
    assert!(st.library.filter.is_none());
    assert_eq!(shown(&st).len(), 3);
    assert!(!line_open(&st));

    press(&mut st, key(KeyCode::Char('f')));
    press(&mut st, key(KeyCode::Enter));
    assert!(st.library.filter.is_none(), "nothing typed: no filter");
    assert!(!text(&st).contains("[f:"));
}

#[test]
fn words_match_title_id_tags_and_date_as_shown_case_and_accents_ignored() {
    let cases: &[(&str, &[&str])] = &[
        ("LABOR", &["harbor-strike"]),        // a tag
        ("budget-vote", &["budget-vote"]),    // the id
        ("mar 2023", &["budget-vote"]),       // the date as the row shows it
        ("2024", &["harbor-strike"]),         // the year of "1 Oct 2024"
        ("council budget", &["budget-vote"]), // every word
        ("council dock", &[]),                // every word, not any
        ("crane harbor", &["harbor-strike"]), // words in any order
        ("nothing yet", &["bare-story"]),     // the bare story's title
        ("  ", &["harbor-strike", "budget-vote", "bare-story"]),
    ];
    for (query, want) in cases {
        let mut st = state_at(library_corpus(), 120, 40, vec![]);
        filter(&mut st, query);
        assert_eq!(&shown(&st), want, "query {query:?}");
    }
    // Accents and case, both ways.
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    filter(&mut st, "zurich");
    assert_eq!(shown(&st), ["b-zurich"]);
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    filter(&mut st, "ZÜR");
    assert_eq!(shown(&st), ["b-zurich"]);
}

#[test]
fn the_line_edits_with_the_readline_keys() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    filter(&mut st, "council xyz");
    assert!(shown(&st).is_empty());
    assert!(text(&st).contains("No story matches the filter; Esc clears it"));
    press(&mut st, ctrl('w'));
    assert_eq!(st.library.filter.as_ref().unwrap().query(), "council ");
    assert_eq!(shown(&st), ["budget-vote"]);
    press(&mut st, ctrl('a'));
    type_text(&mut st, "dock ");
    assert!(shown(&st).is_empty());
    press(&mut st, key(KeyCode::Delete));
    // "dock ouncil": "ouncil" still matches inside "Council"; "dock" does not.
    assert!(shown(&st).is_empty());
    press(&mut st, ctrl('k'));
    assert_eq!(st.library.filter.as_ref().unwrap().query(), "dock ");
    assert_eq!(shown(&st), ["harbor-strike"]);
    press(&mut st, ctrl('u'));
    assert_eq!(st.library.filter.as_ref().unwrap().query(), "");
    assert_eq!(shown(&st).len(), 3);
}

#[test]
fn the_sort_is_kept_and_s_sorts_the_filtered_stories() {
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    filter(&mut st, "budget");
    press(&mut st, key(KeyCode::Enter));
    // File order, the harbor story left out.
    assert_eq!(shown(&st), ["b-oslo", "b-zurich", "b-athens", "b-lyon"]);
    press(&mut st, key(KeyCode::Char('S')));
    assert_eq!(
        shown(&st),
        ["b-zurich", "b-athens", "b-oslo", "b-lyon"],
        "by date, newest first, undated last"
    );
    press(&mut st, key(KeyCode::Char('S')));
    assert_eq!(shown(&st), ["b-athens", "b-lyon", "b-oslo", "b-zurich"]);
    // Narrowing further keeps the order.
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, " 202");
    assert_eq!(shown(&st), ["b-athens", "b-oslo", "b-zurich"]);
    assert!(text(&st).contains("filtered: 3 of 5 match “budget 202”"));
}

#[test]
fn u_and_the_filter_narrow_together() {
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    st.library.reviewed.insert("b-zurich".into());
    st.library.reviewed.insert("harbor-strike".into());
    filter(&mut st, "budget");
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Char('u')));
    assert_eq!(shown(&st), ["b-oslo", "b-athens", "b-lyon"]);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("The library shows only unreviewed stories (2 hidden); u shows all")
    );
    let screen = text(&st);
    // Three unreviewed stories match, of the three unreviewed.
    assert!(screen.contains("· 3 unreviewed"), "{screen}");
    assert!(
        screen.contains("filtered: 3 of 3 unreviewed match “budget”"),
        "{screen}"
    );
    press(&mut st, key(KeyCode::Char('f')));
    // Dates as shown: Oslo's in 2021, Athens's in 2022, Lyon's undated.
    type_text(&mut st, " 202");
    assert_eq!(shown(&st), ["b-oslo", "b-athens"]);
    type_text(&mut st, "2");
    assert_eq!(shown(&st), ["b-athens"]);
    assert!(text(&st).contains("filtered: 1 of 3 unreviewed match “budget 2022”"));
    press(&mut st, key(KeyCode::Esc));
    assert_eq!(shown(&st), ["b-oslo", "b-athens", "b-lyon"], "u still on");
    press(&mut st, key(KeyCode::Char('u')));
    assert_eq!(shown(&st).len(), 5);
}

#[test]
fn a_hidden_selection_moves_to_the_nearest_story_and_comes_back() {
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    // The Zürich story selected (third in file order).
    press(&mut st, key(KeyCode::Char('j')));
    press(&mut st, key(KeyCode::Char('j')));
    assert_eq!(selected(&st).as_deref(), Some("b-zurich"));
    // "budget" keeps it.
    filter(&mut st, "budget");
    assert_eq!(selected(&st).as_deref(), Some("b-zurich"));
    // " a" hides it: the nearest story shown after it.
    type_text(&mut st, " at");
    assert_eq!(shown(&st), ["b-athens"]);
    assert_eq!(selected(&st).as_deref(), Some("b-athens"));
    // Nothing shown, then something again: the story selected before.
    type_text(&mut st, "xq");
    assert!(shown(&st).is_empty());
    assert_eq!(selected(&st), None);
    press(&mut st, key(KeyCode::Backspace));
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(selected(&st).as_deref(), Some("b-athens"));
    // At the end of the list: the nearest before it.
    press(&mut st, ctrl('u'));
    press(&mut st, key(KeyCode::Down));
    press(&mut st, key(KeyCode::Down));
    assert_eq!(
        selected(&st).as_deref(),
        Some("b-lyon"),
        "↓ moves while typing"
    );
    // Words start with "o" in Oslo's title and the harbor's ("over"), none
    // after Lyon: the nearest before it.
    type_text(&mut st, "o");
    assert_eq!(shown(&st), ["b-oslo", "harbor-strike"]);
    assert_eq!(selected(&st).as_deref(), Some("harbor-strike"));
    type_text(&mut st, "s");
    assert_eq!(shown(&st), ["b-oslo"]);
    assert_eq!(selected(&st).as_deref(), Some("b-oslo"));

    // With a problems entry, a query that shows nothing, then one that shows
    // the story again, selects the story (not the problems entry).
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    filter(&mut st, "dockx");
    assert_eq!(selected(&st), None);
    // Enter on a library that shows nothing opens nothing (not the problems).
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Enter));
    assert_eq!(st.nav.screen, Screen::Library);
    press(&mut st, key(KeyCode::Char('f')));
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(selected(&st).as_deref(), Some("harbor-strike"));
}

#[test]
fn stories_loaded_later_are_filtered_as_they_come() {
    let mut st = State::loading(None);
    update(
        &mut st,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let batch = |stories: Vec<Story>, done: usize| {
        Action::Batch(Box::new(Batch {
            results: stories.into_iter().map(file).collect(),
            problems: vec![],
            done,
            total: 5,
        }))
    };
    let mut all = budgets().into_iter();
    update(&mut st, batch(all.by_ref().take(2).collect(), 2));
    assert_eq!(st.nav.screen, Screen::Library);
    filter(&mut st, "budget");
    assert_eq!(shown(&st), ["b-oslo"]);
    assert!(text(&st).contains("filtered: 1 of 2 match"));
    // Keys arrive while loading: still typing; the new stories are filtered.
    update(&mut st, batch(all.by_ref().take(2).collect(), 4));
    assert!(line_open(&st));
    assert_eq!(shown(&st), ["b-oslo", "b-zurich", "b-athens"]);
    type_text(&mut st, " ly");
    assert_eq!(shown(&st), Vec::<String>::new(), "no word starts with ly");
    update(&mut st, batch(all.collect(), 5));
    assert_eq!(shown(&st), ["b-lyon"]);
    assert!(text(&st).contains("filtered: 1 of 5 match “budget ly”"));
}

#[test]
fn a_reload_keeps_the_filter_and_applies_it_to_the_stories_as_they_are_now() {
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    filter(&mut st, "budget");
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Char('j')));
    assert_eq!(selected(&st).as_deref(), Some("b-zurich"));
    // An edit elsewhere: Oslo's title loses the word, a new story has it.
    let mut stories = budgets();
    stories[0].title = "Oslo spending plan passes".into();
    stories[0].tags.clear();
    stories.push(small("b-porto", "Porto budget", Some("2020-01-01")));
    update(&mut st, Action::Loaded(Box::new(corpus(stories))));
    assert_eq!(shown(&st), ["b-zurich", "b-athens", "b-lyon", "b-porto"]);
    assert_eq!(selected(&st).as_deref(), Some("b-zurich"));
    assert_eq!(st.library.filter.as_ref().unwrap().query(), "budget");
    // A reload that removes stories.
    update(
        &mut st,
        Action::Loaded(Box::new(corpus(vec![
            harbor(),
            small("b-oslo", "Oslo budget passes", None),
        ]))),
    );
    assert_eq!(shown(&st), ["b-oslo"]);
}

#[test]
fn a_click_while_typing_closes_the_line_and_selects() {
    let mut st = state_at(corpus(budgets()), 120, 40, vec![]);
    filter(&mut st, "budget");
    // The list's second story row: border, column header, first row.
    update(&mut st, Action::Click { column: 5, row: 4 });
    assert!(!line_open(&st));
    assert_eq!(selected(&st).as_deref(), Some("b-zurich"));
    assert!(st.library.filter.is_some());
    // A click with nothing typed drops the empty filter.
    press(&mut st, key(KeyCode::Esc));
    press(&mut st, key(KeyCode::Char('f')));
    update(&mut st, Action::Click { column: 5, row: 4 });
    assert!(st.library.filter.is_none());
}

#[test]
fn f_elsewhere_says_what_it_filters_and_an_empty_library_takes_a_filter() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::ToggleProblems]);
    press(&mut st, key(KeyCode::Char('f')));
    assert!(!line_open(&st));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("f filters the library, or the rows of a story's pane")
    );
    // No story yet: the filter opens and waits for stories.
    let mut st = State::loading(None);
    update(
        &mut st,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    filter(&mut st, "x");
    assert!(shown(&st).is_empty());
    assert!(text(&st).contains("No story matches"));
    for ev in [
        key(KeyCode::Down),
        key(KeyCode::PageUp),
        ctrl('w'),
        key(KeyCode::Enter),
    ] {
        press(&mut st, ev);
    }
    press(&mut st, key(KeyCode::Esc));
    assert!(st.library.filter.is_none());
}

#[test]
fn the_help_says_f_filters_the_library_too() {
    let st = state_at(library_corpus(), 120, 200, vec![Action::ToggleHelp]);
    let screen = text(&st);
    assert!(
        screen.contains("f           filter the library or the focused pane"),
        "{screen}"
    );
    // The library's status bar names the key.
    let st = state_at(library_corpus(), 120, 40, vec![]);
    assert!(status(&st).contains("f filter"), "{}", status(&st));
}

// --- what the filtered library looks like -------------------------------------------------------

/// The rows with highlighted (underlined) characters, the highlights in ⟦ ⟧.
fn marked(st: &State) -> String {
    let (w, h) = st.chrome.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    storyx::ui::render(st, &Theme::default(), buf.area, &mut buf);
    let mut out = Vec::new();
    for y in 0..h {
        let mut line = String::new();
        let (mut on, mut any, mut skip) = (false, false, 0);
        for x in 0..w {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let lit = cell.modifier.contains(Modifier::UNDERLINED);
            if lit != on {
                line.push(if lit { '⟦' } else { '⟧' });
                on = lit;
            }
            any |= lit;
            line.push_str(cell.symbol());
        }
        if on {
            line.push('⟧');
        }
        if any {
            out.push(line.trim_end().to_string());
        }
    }
    out.join("\n")
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    let shown = format!("{}\n--- highlighted ---\n{}", screen(st), marked(st));
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), shown);
}

#[test]
fn filtered_library_snapshots() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut st = state_at(library_corpus(), w, h, vec![]);
        filter(&mut st, "the");
        snap("library_filter_typing", &st);
        press(&mut st, key(KeyCode::Enter));
        snap("library_filter_kept", &st);
    }
}
