//! The search overlay and the pane filter without a terminal: the query line's
//! keys, live results by generation (a stale answer is dropped), Enter going to
//! the hit and Backspace coming back, n/N, the filter and Esc; snapshots of the
//! overlay at 120×40 and 40×12 with the highlighted characters marked, and the
//! highlight checked on the styled cells themselves (CJK and accented text); a
//! paraphrase's row reads as reported speech, a direct quote's in quotation marks.

mod tui_common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use storyx::app::search::LIMIT;
use storyx::app::{update, Action, Pane, Screen, State};
use storyx::search::{Index, Kind, Options};
use storyx::search_session::LiveSearch;
use storyx::story::*;
use storyx::view::theme::Theme;
use tui_common::*;

fn view(st: &State) -> &storyx::app::StoryView {
    st.view.as_ref().expect("a story is open")
}

/// A story with accented and decomposed names besides the harbor story.
fn accents() -> Story {
    let mut st = small(
        "budget-vote",
        "Council votes on the budget",
        Some("2023-03-14"),
    );
    st.analysts.push(Analyst {
        id: "zoe".into(),
        name: "Zoë Ångström".into(),
        role: Some("physicist".into()),
        affiliation: None,
        view: None,
    });
    st.analysts.push(Analyst {
        id: "rene".into(),
        // "René" with a combining acute accent (e + U+0301).
        name: "Rene\u{301} Lefèvre".into(),
        role: None,
        affiliation: None,
        view: None,
    });
    st.quotes.push(Quote {
        id: Some("q-zoe".into()),
        by: "zoe".into(),
        text: "Ångström units are tiny, and so is this budget.".into(),
        kind: QuoteKind::Direct,
        via: None,
        date: None,
        source: None,
        context: None,
        to: None,
    });
    st
}

fn two_stories() -> storyx::corpus::Corpus {
    corpus(vec![harbor(), accents()])
}

/// The answer the worker would give to the query waiting on the line.
fn results_for(st: &State) -> (u64, storyx::search::Results) {
    let (generation, query) = st.search.wanted().expect("a query waits for an answer");
    let index = Arc::new(Index::new(&st.corpus));
    let results = index.search(
        query,
        &Options {
            limit: LIMIT,
            kind: None,
        },
    );
    (generation, results)
}

fn answer(st: &mut State) {
    let (generation, results) = results_for(st);
    update(
        st,
        Action::SearchResults {
            generation,
            results: Box::new(results),
        },
    );
}

/// Opens the overlay, types `query` and lets the answer in.
fn search(st: &mut State, query: &str) {
    press(st, key(KeyCode::Char('/')));
    assert!(st.search.open);
    type_text(st, query);
    answer(st);
}

fn query(st: &State) -> (&str, usize) {
    (st.search.line.text(), st.search.line.cursor())
}

#[test]
fn the_query_line_takes_every_key_as_text_and_edits_like_readline() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    // Keys that move or quit outside are text here.
    type_text(&mut st, "q jk 4?/n");
    assert_eq!(query(&st), ("q jk 4?/n", 9));
    assert!(!st.quit);
    assert!(st.search.open);
    assert_eq!(view(&st).pane, Pane::Timeline, "4 did not switch panes");

    press(&mut st, ctrl('w'));
    assert_eq!(query(&st), ("q jk ", 5));
    press(&mut st, ctrl('a'));
    assert_eq!(query(&st).1, 0);
    press(&mut st, key(KeyCode::Delete));
    assert_eq!(query(&st), (" jk ", 0));
    press(&mut st, key(KeyCode::Right));
    press(&mut st, key(KeyCode::Right));
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(query(&st), (" k ", 1));
    press(&mut st, key(KeyCode::Left));
    type_text(&mut st, "dock");
    assert_eq!(query(&st), ("dock k ", 4));
    press(&mut st, ctrl('e'));
    assert_eq!(query(&st).1, 7);
    press(&mut st, key(KeyCode::Backspace));
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(query(&st), ("dock ", 5));
    press(&mut st, ctrl('u'));
    assert_eq!(query(&st), ("", 0));

    // Every edit is a new generation; moving the cursor is not.
    let g = st.search.generation;
    type_text(&mut st, "ab");
    assert_eq!(st.search.generation, g + 2);
    press(&mut st, key(KeyCode::Left));
    assert_eq!(st.search.generation, g + 2);

    // Esc closes; the keys move again.
    press(&mut st, key(KeyCode::Esc));
    assert!(!st.search.open);
    press(&mut st, key(KeyCode::Char('4')));
    assert_eq!(view(&st).pane, Pane::Quotes);
    press(&mut st, key(KeyCode::Char('q')));
    assert!(st.quit);
}

#[test]
fn ctrl_c_still_quits_from_the_query_line() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    press(&mut st, ctrl('c'));
    assert!(st.quit);
}

#[test]
fn results_show_as_you_type_with_the_count() {
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    assert!(text(&st).contains("Type to search every story"));
    type_text(&mut st, "ang");
    assert!(text(&st).contains("searching…"));
    answer(&mut st);
    let screen = text(&st);
    let row = |needle: &str| {
        screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in\n{screen}"))
            .to_string()
    };
    // Kind, story, (speaker,) text.
    let analyst = row("analyst ");
    assert!(
        analyst.contains(" budget-vote ") && analyst.contains("Zoë Ångström"),
        "{analyst}"
    );
    let quote = row("quote   ");
    assert!(quote.contains(" budget-vote "), "{quote}");
    assert!(
        quote.contains("Zoë Ångström: “Ångström units are tiny"),
        "{quote}"
    );
    let count = format!("{} hits", st.search.results.total);
    assert!(screen.contains(&count), "{screen}");

    type_text(&mut st, "strom xyz");
    answer(&mut st);
    assert!(
        text(&st).contains("No hits for “angstrom xyz”"),
        "{}",
        text(&st)
    );
    assert!(text(&st).contains("no hits"));
}

#[test]
fn a_stale_answer_is_dropped() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "dock");
    let (old_generation, old) = results_for(&st);
    assert!(!old.hits.is_empty());
    type_text(&mut st, "workers walk");
    // The answer to "dock" comes after "dockworkers walk" was typed: dropped.
    update(
        &mut st,
        Action::SearchResults {
            generation: old_generation,
            results: Box::new(old),
        },
    );
    assert!(st.search.results.hits.is_empty());
    assert!(!st.search.current());
    assert!(text(&st).contains("searching…"));
    // The answer to the query on the line is taken.
    answer(&mut st);
    assert!(st.search.current());
    assert_eq!(st.search.results.query, "dockworkers walk");
    assert!(text(&st).contains("Dockworkers walk out"));
    // A late duplicate of an old generation changes nothing either.
    let hits = st.search.results.clone();
    update(
        &mut st,
        Action::SearchResults {
            generation: old_generation,
            results: Box::default(),
        },
    );
    assert_eq!(st.search.results, hits);
}

#[test]
fn enter_goes_to_the_item_and_backspace_comes_back() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Timeline), Action::Down],
    );
    search(&mut st, "自动化");
    let hit = st.search.results.hits[0].clone();
    assert_eq!(hit.kind, storyx::search::Kind::Quote);
    press(&mut st, key(KeyCode::Enter));
    assert!(!st.search.open);
    let v = view(&st);
    assert_eq!((v.pane, v.selected()), (Pane::Quotes, 2));
    // Its detail is shown.
    let screen = text(&st);
    assert!(screen.contains("┌ Detail"), "{screen}");
    assert!(
        v.detail
            .doc
            .blocks
            .iter()
            .any(|b| b.text.contains("自动化需要十年才能回本")),
        "{:?}",
        v.detail.doc.blocks
    );
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap_or("")
        .starts_with("Hit 1/1"));

    press(&mut st, key(KeyCode::Backspace));
    let v = view(&st);
    assert_eq!(
        (v.pane, v.selected(), v.focus_detail),
        (Pane::Timeline, 1, false)
    );
}

#[test]
fn from_the_library_a_jump_opens_the_story_and_backspace_returns_to_the_library() {
    let mut st = state_at(library_corpus(), 120, 40, vec![Action::Down]);
    let library_row = st.library.list.selected;
    search(&mut st, "zoe");
    assert!(st.search.results.hits.is_empty(), "no Zoë in this library");
    press(&mut st, ctrl('u'));
    type_text(&mut st, "jane doe");
    answer(&mut st);
    press(&mut st, key(KeyCode::Enter));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().unwrap().id, "budget-vote");
    assert_eq!(view(&st).pane, Pane::Analysts);
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(st.nav.screen, Screen::Library);
    assert_eq!(st.library.list.selected, library_row);
}

#[test]
fn esc_closes_the_overlay_where_you_were() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims), Action::Down, Action::Open],
    );
    let before = view(&st).location();
    let screen_before = text(&st);
    search(&mut st, "port");
    press(&mut st, key(KeyCode::Down));
    press(&mut st, key(KeyCode::Esc));
    assert!(!st.search.open);
    assert_eq!(view(&st).location(), before);
    assert_eq!(text(&st), screen_before);
}

#[test]
fn enter_before_the_answer_goes_when_it_comes() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "okafor");
    press(&mut st, key(KeyCode::Enter));
    assert!(st.search.open && st.search.enter_pending);
    answer(&mut st);
    assert!(!st.search.open);
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Analysts, 1));
}

#[test]
fn up_down_ctrl_n_ctrl_p_move_and_n_shift_n_go_through_the_hits() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    search(&mut st, "port");
    let hits = st.search.results.hits.clone();
    assert!(hits.len() >= 4, "{hits:?}");
    press(&mut st, key(KeyCode::Down));
    press(&mut st, ctrl('n'));
    press(&mut st, ctrl('p'));
    assert_eq!(st.search.pos.selected, 1);
    press(&mut st, key(KeyCode::Up));
    press(&mut st, key(KeyCode::Up));
    assert_eq!(st.search.pos.selected, 0);
    press(&mut st, key(KeyCode::Down));
    press(&mut st, key(KeyCode::Enter));

    // Where the last jump went: the hit number, and for an item its pane and row.
    let check = |st: &State, i: usize| {
        assert_eq!(st.search.last.as_ref().unwrap().at, i);
        let h = &hits[i];
        if let Some(pane) = storyx::app::search::pane_of(h.kind) {
            let v = view(st);
            assert_eq!((v.pane, v.selected()), (pane, h.index), "hit {i}: {h:?}");
        }
        let msg = st.chrome.message.clone().unwrap_or_default();
        assert!(
            msg.starts_with(&format!("Hit {}/{}", i + 1, hits.len())),
            "{msg}"
        );
    };
    check(&st, 1);
    press(&mut st, key(KeyCode::Char('n')));
    check(&st, 2);
    let shift_n = Event::Key(KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT));
    press(&mut st, shift_n.clone());
    press(&mut st, shift_n.clone());
    check(&st, 0);
    // Round the top to the last hit.
    press(&mut st, shift_n);
    check(&st, hits.len() - 1);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("from the bottom again"));
    press(&mut st, key(KeyCode::Char('n')));
    check(&st, 0);
    assert!(st
        .chrome
        .message
        .as_deref()
        .unwrap()
        .contains("from the top again"));
    // n/N stay out of the history: Backspace returns to where the search started.
    press(&mut st, key(KeyCode::Backspace));
    let v = view(&st);
    assert_eq!(
        (v.pane, v.selected(), v.focus_detail),
        (Pane::Timeline, 0, false)
    );
}

#[test]
fn n_without_a_search_says_so() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('n')));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("No search yet: / searches")
    );
}

#[test]
fn the_live_worker_answers_off_the_ui_thread() {
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    let mut live = LiveSearch::new();
    press(&mut st, key(KeyCode::Char('/')));
    live.sync(&st);
    assert!(!live.busy(&st), "an empty query needs no answer");
    for c in "zoe".chars() {
        press(&mut st, key(KeyCode::Char(c)));
        live.sync(&st);
    }
    assert!(live.busy(&st));
    let start = Instant::now();
    while live.busy(&st) {
        if let Some(action) = live.poll(&st) {
            update(&mut st, action);
            live.sync(&st);
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no answer");
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(st.search.results.query, "zoe");
    assert!(text(&st).contains("Zoë Ångström"));
}

#[test]
fn f_filters_the_focused_pane_in_place_and_esc_clears_it() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes)],
    );
    press(&mut st, key(KeyCode::Char('f')));
    // While typing, j and k are text.
    type_text(&mut st, "li");
    let f = view(&st).filters[Pane::Quotes.index()].as_ref().unwrap();
    assert_eq!((f.query(), f.rows.clone()), ("li", vec![2]));
    assert_eq!(
        view(&st).selected(),
        2,
        "the selection moves to a row that matches"
    );
    let screen = text(&st);
    assert!(screen.contains("┌ Quotes [f: li] "), "{screen}");
    assert!(screen.contains(" 1/1 "), "{screen}");
    assert!(screen.contains("Filter Quotes: li"), "{screen}");
    // The other quotes' rows are gone from the pane (the claims matrix may still
    // quote one under its selected cell).
    assert!(
        !screen.contains("Dockworkers' Union: “Not one job goes"),
        "{screen}"
    );

    type_text(&mut st, "j");
    assert!(text(&st).contains("No row matches"));
    press(&mut st, key(KeyCode::Backspace));
    // Enter keeps the filter; the keys move again, within the rows that match.
    press(&mut st, key(KeyCode::Enter));
    assert!(!storyx::app::search::line_open(&st));
    press(&mut st, key(KeyCode::Char('j')));
    assert_eq!(view(&st).selected(), 2);
    assert!(text(&st).contains("┌ Quotes [f: li] "));
    // The search is not the filter: '/' still opens the overlay.
    press(&mut st, key(KeyCode::Char('/')));
    assert!(st.search.open);
    press(&mut st, key(KeyCode::Esc));
    assert!(view(&st).filters[Pane::Quotes.index()].is_some());
    // Esc clears it.
    press(&mut st, key(KeyCode::Esc));
    assert!(view(&st).filters[Pane::Quotes.index()].is_none());
    assert_eq!(st.chrome.message.as_deref(), Some("Filter cleared"));
    let screen = text(&st);
    assert!(screen.contains("Not one j"), "{screen}");
    assert_eq!(view(&st).selected(), 2);
}

#[test]
fn a_filter_moves_only_through_its_rows_and_esc_while_typing_clears_it() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Timeline)],
    );
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, "DOCK");
    press(&mut st, key(KeyCode::Esc));
    assert!(view(&st).filters[0].is_none());

    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, "2024");
    let f = view(&st).filters[0].as_ref().unwrap();
    assert_eq!(f.rows, vec![0, 1]);
    press(&mut st, key(KeyCode::Down));
    assert_eq!(view(&st).selected(), 1);
    press(&mut st, key(KeyCode::Down));
    assert_eq!(view(&st).selected(), 1, "the last row that matches");
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Char('G')));
    assert_eq!(view(&st).selected(), 1);
    press(&mut st, key(KeyCode::Char('g')));
    assert_eq!(view(&st).selected(), 0);
    // A jump to a row the filter hides clears the filter.
    search(&mut st, "cranes expected");
    press(&mut st, key(KeyCode::Enter));
    assert_eq!((view(&st).pane, view(&st).selected()), (Pane::Timeline, 3));
    assert!(view(&st).filters[0].is_none());
}

#[test]
fn a_click_selects_a_hit_and_a_second_click_goes_there() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    search(&mut st, "port");
    let rows = storyx::view::search::results_area(st.area());
    update(
        &mut st,
        Action::Click {
            column: rows.x + 4,
            row: rows.y + 1,
        },
    );
    assert_eq!(st.search.pos.selected, 1);
    assert!(st.search.open);
    let hit = st.search.results.hits[1].clone();
    update(
        &mut st,
        Action::Click {
            column: rows.x + 4,
            row: rows.y + 1,
        },
    );
    assert!(!st.search.open);
    assert_eq!(view(&st).selected(), hit.index);
}

#[test]
fn loading_more_forgets_the_hits_and_asks_again() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    search(&mut st, "port");
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "budget");
    answer(&mut st);
    let generation = st.search.generation;
    update(&mut st, Action::Loaded(Box::new(two_stories())));
    assert!(st.search.last.is_none());
    assert!(st.search.results.hits.is_empty());
    assert!(st.search.generation > generation);
    assert_eq!(st.search.wanted().map(|(_, q)| q), Some("budget"));
    answer(&mut st);
    assert!(text(&st).contains("Council votes on the budget"));
}

// --- what the overlay looks like ----------------------------------------------------------------

/// Whether a cell carries the highlight (underlined: it shows without colour).
fn lit(buf: &Buffer, x: u16, y: u16) -> bool {
    buf[(x, y)].modifier.contains(Modifier::UNDERLINED)
}

fn render(st: &State) -> Buffer {
    let (w, h) = st.chrome.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    storyx::ui::render(st, &Theme::default(), buf.area, &mut buf);
    buf
}

/// Each row as (grapheme, highlighted) pairs, wide characters once.
fn styled_rows(buf: &Buffer) -> Vec<Vec<(String, bool)>> {
    let a = buf.area;
    (a.y..a.bottom())
        .map(|y| {
            let mut row = Vec::new();
            let mut skip = 0;
            for x in a.x..a.right() {
                let sym = buf[(x, y)].symbol().to_string();
                if skip == 0 {
                    skip = unicode_width::UnicodeWidthStr::width(sym.as_str());
                    row.push((sym, lit(buf, x, y)));
                }
                skip = skip.saturating_sub(1);
            }
            row
        })
        .collect()
}

/// The rows with highlighted characters, the highlights in ⟦ ⟧.
fn marked(buf: &Buffer) -> String {
    let mut out = Vec::new();
    for row in styled_rows(buf) {
        if !row.iter().any(|(_, l)| *l) {
            continue;
        }
        let mut line = String::new();
        let mut on = false;
        for (g, l) in row {
            if l != on {
                line.push(if l { '⟦' } else { '⟧' });
                on = l;
            }
            line.push_str(&g);
        }
        if on {
            line.push('⟧');
        }
        out.push(line.trim_end().to_string());
    }
    out.join("\n")
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    let shown = format!(
        "{}\n--- highlighted ---\n{}",
        screen(st),
        marked(&render(st))
    );
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), shown);
}

#[test]
fn overlay_snapshots() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut st = state_at(two_stories(), w, h, vec![]);
        search(&mut st, "li wei");
        snap("search_li_wei", &st);
        let mut st = state_at(two_stories(), w, h, vec![]);
        search(&mut st, "angstrom");
        press(&mut st, key(KeyCode::Down));
        snap("search_angstrom", &st);
        let mut st = state_at(two_stories(), w, h, vec![]);
        press(&mut st, key(KeyCode::Char('/')));
        snap("search_empty", &st);
    }
}

/// The harbor story with a direct quote of the mayor besides the paraphrase
/// of what she said (relayed by the union).
fn mayor_both_ways() -> Story {
    let mut story = harbor();
    story.quotes.push(Quote {
        id: Some("q-mayor".into()),
        by: "mayor".into(),
        text: "Both sides will sit down with me on Monday.".into(),
        kind: QuoteKind::Direct,
        via: None,
        date: None,
        source: None,
        context: None,
        to: None,
    });
    story
}

#[test]
fn a_paraphrase_reads_as_reported_speech_and_a_direct_quote_in_quotation_marks() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut st = state_at(corpus(vec![mayor_both_ways()]), w, h, vec![]);
        search(&mut st, "mayor sides");
        let hits = &st.search.results.hits;
        let kinds: Vec<_> = hits.iter().map(|h| (h.kind, h.quote_kind)).collect();
        assert!(
            kinds.contains(&(Kind::Quote, Some(QuoteKind::Direct)))
                && kinds.contains(&(Kind::Quote, Some(QuoteKind::Paraphrase))),
            "both kinds of quote are hits: {kinds:?}"
        );
        snap("search_reported", &st);
    }
    // The rows exactly, at 100 columns (where no preview narrows the hits): the
    // paraphrase says "(reported)" after the name and has no quotation marks; the
    // direct quote has them.
    let mut st = state_at(corpus(vec![mayor_both_ways()]), 100, 40, vec![]);
    search(&mut st, "mayor sides");
    let rows = rows(&st);
    let row = |needle: &str| -> String {
        let r = rows
            .iter()
            .find(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("no row with {needle:?}:\n{}", rows.join("\n")));
        // From the kind to the overlay's right border, the trailing spaces off.
        let from = &r[r.find("quote ").expect("the kind")..];
        from[..from.find('│').expect("the border")]
            .trim_end()
            .to_string()
    };
    assert_eq!(
        row("(reported)"),
        "quote   harbor-strike Mayor Ana Ruiz (reported): The mayor said she would meet both sides."
    );
    assert_eq!(
        row("Monday"),
        "quote   harbor-strike Mayor Ana Ruiz: “Both sides will sit down with me on Monday.”"
    );
    // Both lit where they match: the name, and "sides" in the text.
    let buf = render(&st);
    let styled = styled_rows(&buf);
    assert_eq!(
        lit_runs(row_with(&styled, "(reported)")),
        ["Mayor", "mayor", "sides"]
    );
    assert_eq!(lit_runs(row_with(&styled, "Monday")), ["Mayor", "sides"]);
}

#[test]
fn filter_snapshots() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut st = state_at(
            corpus(vec![harbor()]),
            w,
            h,
            vec![Action::FocusPane(Pane::Parties)],
        );
        press(&mut st, key(KeyCode::Char('f')));
        type_text(&mut st, "port");
        let (w, h) = st.chrome.size;
        insta::assert_snapshot!(format!("filter_typing_{w}x{h}"), screen(&st));
    }
}

/// The graphemes of the row that holds `needle`, with their highlight.
fn row_with<'a>(rows: &'a [Vec<(String, bool)>], needle: &str) -> &'a [(String, bool)] {
    rows.iter()
        .find(|r| {
            r.iter()
                .map(|(g, _)| g.as_str())
                .collect::<String>()
                .contains(needle)
        })
        .unwrap_or_else(|| panic!("no row with {needle:?}"))
}

/// The highlighted runs of a row, in order.
fn lit_runs(row: &[(String, bool)]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut cur = String::new();
    for (g, l) in row {
        if *l {
            cur.push_str(g);
        } else if !cur.is_empty() {
            runs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

#[test]
fn matched_characters_and_only_they_carry_the_highlight_style() {
    // CJK: each matched character is one wide cell pair, highlighted.
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    search(&mut st, "自动化");
    let buf = render(&st);
    let rows = styled_rows(&buf);
    let row = row_with(&rows, "十年");
    assert_eq!(lit_runs(row), ["自动化"]);
    // The cells themselves: 自 is styled (a wide character's style is its first
    // cell's; ratatui resets the cell it covers), 需 is not.
    let y = (0..40)
        .find(|&y| (0..120).any(|x| buf[(x, y)].symbol() == "需"))
        .unwrap();
    let x = (0..120).find(|&x| buf[(x, y)].symbol() == "自").unwrap();
    assert!(lit(&buf, x, y));
    let x = (0..120).find(|&x| buf[(x, y)].symbol() == "需").unwrap();
    assert!(!lit(&buf, x, y));

    // Accents: "angstrom" lights "Ångström" in the name and in the quote.
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    search(&mut st, "angstrom");
    let buf = render(&st);
    let rows = styled_rows(&buf);
    let row = row_with(&rows, "units are tiny");
    assert_eq!(lit_runs(row), ["Ångström", "Ångström"]);
    let row = row_with(&rows, "analyst");
    assert_eq!(lit_runs(row), ["Ångström"]);
    // The highlight keeps its style inside the selected (reversed) row.
    let selected = rows
        .iter()
        .position(|r| r.iter().any(|(g, _)| g == "›"))
        .unwrap();
    assert!(!lit_runs(&rows[selected]).is_empty());

    // A decomposed accent (e + U+0301) is highlighted with its letter.
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    search(&mut st, "rene");
    let buf = render(&st);
    let rows = styled_rows(&buf);
    let row = row_with(&rows, "Lefèvre");
    assert_eq!(lit_runs(row), ["Rene\u{301}"]);
    // Nothing outside the hits is highlighted: not the query line, not the count.
    let query_row = row_with(&rows, "/ rene");
    assert!(lit_runs(query_row).is_empty());
}

#[test]
fn a_match_far_into_a_long_text_is_brought_into_view() {
    let mut story = accents();
    let long = format!("{} the needle at last.", "Words before it. ".repeat(40));
    story.claims.push(Claim {
        id: "long".into(),
        text: long.into(),
        status: None,
        source: None,
        stances: vec![],
    });
    let mut st = state_at(corpus(vec![story]), 120, 40, vec![]);
    search(&mut st, "needle");
    let buf = render(&st);
    let rows = styled_rows(&buf);
    let row = row_with(&rows, "needle at last");
    assert_eq!(lit_runs(row), ["needle"]);
    let text: String = row.iter().map(|(g, _)| g.as_str()).collect();
    assert!(text.contains("claim   budget-vote …"), "{text}");
}

#[test]
fn the_help_lists_the_search_and_query_line_keys() {
    let st = state_at(corpus(vec![harbor()]), 120, 200, vec![Action::ToggleHelp]);
    let screen = text(&st);
    for needle in [
        "Search and filter",
        "/           search every story",
        "n           next search hit",
        "N           previous search hit",
        "f           filter the library or the focused pane",
        "While typing a search or a filter",
        "Ctrl-w",
        "Ctrl-u",
        "Ctrl-a Home",
        "Ctrl-e End",
        "↑ Ctrl-p",
        "↓ Ctrl-n",
        "Del Ctrl-d",
    ] {
        assert!(
            screen.contains(needle),
            "{needle:?} not in the help:\n{screen}"
        );
    }
}

#[test]
fn the_index_is_built_ahead_when_idle() {
    let st = state_at(two_stories(), 120, 40, vec![]);
    let mut live = LiveSearch::new();
    let start = Instant::now();
    // The event loop calls warm whenever it is idle; it never waits.
    while !live.warm(&st) {
        assert!(start.elapsed() < Duration::from_secs(10), "never indexed");
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut st = st;
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "okafor");
    live.sync(&st);
    let start = Instant::now();
    let action = loop {
        if let Some(a) = live.poll(&st) {
            break a;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no answer");
        std::thread::sleep(Duration::from_millis(1));
    };
    update(&mut st, action);
    assert!(st.search.current());
    assert!(text(&st).contains("Sam Okafor"));
}

/// The overlay and the filter in every state worth drawing.
fn search_states() -> Vec<State> {
    let mut out = vec![];
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    search(&mut st, "li wei");
    out.push(st.clone());
    press(&mut st, ctrl('u'));
    out.push(st.clone());
    type_text(&mut st, &"long query ".repeat(50));
    out.push(st);
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    search(&mut st, "zzzz qqqq");
    out.push(st);
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes)],
    );
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, "li");
    out.push(st.clone());
    type_text(&mut st, "zzz");
    out.push(st);
    out
}

#[test]
fn the_overlay_and_the_filter_draw_at_any_size_with_the_cursor_inside() {
    for st in search_states() {
        for w in (0..130).step_by(7) {
            for h in (0..45).step_by(4) {
                let mut st = st.clone();
                update(
                    &mut st,
                    Action::Resize {
                        width: w,
                        height: h,
                    },
                );
                let buf = render(&st);
                assert_eq!(buf.area, Rect::new(0, 0, w, h));
                if let Some(at) = storyx::ui::search::cursor(&Theme::default(), &st, buf.area) {
                    assert!(buf.area.contains(at), "cursor {at:?} outside {w}×{h}");
                }
            }
        }
    }
}

#[test]
fn a_huge_text_with_a_match_at_its_end_draws_the_match() {
    let mut story = accents();
    story.quotes.push(Quote {
        id: None,
        by: "zoe".into(),
        text: format!("{} needle", "hay ".repeat(1_250_000)).into(),
        kind: QuoteKind::Direct,
        via: None,
        date: None,
        source: None,
        context: None,
        to: None,
    });
    let mut st = state_at(corpus(vec![story]), 120, 40, vec![]);
    search(&mut st, "needle");
    let buf = render(&st);
    let rows = styled_rows(&buf);
    assert_eq!(lit_runs(row_with(&rows, "hay hay")), ["needle"]);
}

#[test]
fn a_query_typed_while_indexing_is_answered_once_the_index_is_ready() {
    let mut st = state_at(two_stories(), 120, 40, vec![]);
    let mut live = LiveSearch::new();
    live.warm(&st);
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "okafor");
    live.sync(&st);
    // The index is taken by the idle path, not by the query's.
    let start = Instant::now();
    while !live.warm(&st) {
        assert!(start.elapsed() < Duration::from_secs(10), "never indexed");
        std::thread::sleep(Duration::from_millis(1));
    }
    let start = Instant::now();
    let action = loop {
        if let Some(a) = live.poll(&st) {
            break a;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the query typed while indexing was never answered"
        );
        std::thread::sleep(Duration::from_millis(1));
    };
    update(&mut st, action);
    assert!(text(&st).contains("Sam Okafor"));
}

#[test]
fn indexing_a_large_corpus_never_holds_the_loop_for_long() {
    let st = State::new(storyx::synth::corpus_with_items(20_000));
    let mut live = LiveSearch::new();
    let start = Instant::now();
    let mut calls = 0;
    loop {
        // Each call copies a few milliseconds' worth of stories at most (the
        // figures are the search bench's).
        let ready = live.warm(&st);
        calls += 1;
        if ready {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "never indexed");
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(calls > 1, "the copy was spread over several calls");
}

/// Issue 13 §4: below 120 columns (no preview) a hit row itself says which
/// field matched and shows the text around the match, lit.
#[test]
fn without_the_preview_a_hit_row_says_which_field_matched() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut st = state_at(corpus(vec![harbor()]), w, h, vec![]);
        search(&mut st, "retraining");
        let rows = rows(&st);
        let row = rows
            .iter()
            .find(|r| r.contains("party") && r.contains("Port"))
            .unwrap_or_else(|| panic!("the Port Authority's row at {w}x{h}:\n{}", rows.join("\n")));
        assert!(row.contains("position:"), "{row}");
        let lit = marked(&render(&st));
        let lit_row = lit
            .lines()
            .find(|l| l.contains("position:"))
            .unwrap_or_else(|| panic!("{lit}"));
        // The match is lit after the field's name (at 40 columns, its start).
        let after = &lit_row[lit_row.find("position:").unwrap()..];
        assert!(after.contains("⟦ret"), "{lit_row}");
        snap("search_field_row", &st);
    }
    // The name matched: nothing added to the row.
    let mut st = state_at(corpus(vec![harbor()]), 80, 24, vec![]);
    search(&mut st, "port authority");
    let rows = rows(&st);
    let row = rows.iter().find(|r| r.contains("Port Authority")).unwrap();
    assert!(!row.contains("name:"), "{row}");
}

#[test]
fn the_best_rows_shown_while_counting_give_way_to_the_counted_answer() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    press(&mut st, key(KeyCode::Char('/')));
    type_text(&mut st, "dock");
    let (generation, counted) = results_for(&st);
    assert!(counted.total > 1, "{}", counted.total);
    // The worker's first answer: the best row, the count still being made.
    let mut page = counted.clone();
    page.hits.truncate(1);
    page.total = 1;
    page.counting = true;
    update(
        &mut st,
        Action::SearchResults {
            generation,
            results: Box::new(page),
        },
    );
    assert!(text(&st).contains("counting… · best 1"), "{}", text(&st));
    press(&mut st, key(KeyCode::Down));
    // Then the counted answer to the same query: taken, the count shown.
    update(
        &mut st,
        Action::SearchResults {
            generation,
            results: Box::new(counted.clone()),
        },
    );
    assert_eq!(st.search.results, counted);
    assert!(!text(&st).contains("counting"), "{}", text(&st));
    assert!(
        text(&st).contains(&format!("{} hits", counted.total)),
        "{}",
        text(&st)
    );
    // A late copy of the rows while counting does not replace it.
    let mut late = counted.clone();
    late.counting = true;
    update(
        &mut st,
        Action::SearchResults {
            generation,
            results: Box::new(late),
        },
    );
    assert_eq!(st.search.results, counted);
}
