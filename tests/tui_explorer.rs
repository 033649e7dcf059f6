//! The explorer's fixes of issue 13 (section 3) and its reading comforts
//! (section 4): update logic without a terminal, and what is drawn.

mod tui_common;

use crossterm::event::KeyCode;
use storyx::app::effects::Effect;
use storyx::app::{update, Action, Pane, Screen, State};
use tui_common::*;

fn view(st: &State) -> &storyx::app::StoryView {
    st.view.as_ref().expect("a story is open")
}

fn apply(st: &mut State, actions: &[Action]) {
    for a in actions {
        update(st, a.clone());
    }
}

/// Lets in the answer the search worker would give to the query on the line.
fn answer(st: &mut State) {
    use storyx::search::{Index, Options};
    let (generation, query) = st.search.wanted().expect("a query waits for an answer");
    let index = std::sync::Arc::new(Index::new(&st.corpus));
    let results = index.search(
        query,
        &Options {
            limit: storyx::app::search::LIMIT,
            kind: None,
        },
    );
    update(
        st,
        Action::SearchResults {
            generation,
            results: Box::new(results),
        },
    );
}

/// The status bar (the last row).
fn status(st: &State) -> String {
    rows(st).last().cloned().unwrap_or_default()
}

#[test]
fn y_e_and_o_act_on_the_event_a_narrowed_timeline_shows() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    // The mayor (third party) took part in the third event only.
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Parties),
            Action::Down,
            Action::Down,
            Action::NarrowTimeline,
        ],
    );
    assert_eq!(view(&st).timeline_filter.as_ref().unwrap().events, [2]);
    assert_eq!(view(&st).selected(), 0);
    let effects = update(&mut st, Action::Copy);
    match effects.last() {
        Some(Effect::Copy(text)) => assert!(
            text.contains("Talks are proposed by the mayor") && !text.contains("automation plan"),
            "{text}"
        ),
        other => panic!("no copy: {other:?}"),
    }
    let effects = update(&mut st, Action::Edit);
    match effects.last() {
        Some(Effect::Edit { path, .. }) => assert_eq!(path, "timeline[2]"),
        other => panic!("no edit: {other:?}"),
    }
    let effects = update(&mut st, Action::OpenUrl);
    assert!(effects.is_empty(), "the mayor's event has no source");
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This item names no source"),
        "not the first event's source"
    );
}

#[test]
fn a_filtered_pane_has_one_counter_in_its_title_and_the_status_bar() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    update(&mut st, Action::FocusPane(Pane::Quotes));
    update(&mut st, Action::Filter);
    type_text(&mut st, "mayor");
    press(&mut st, key(KeyCode::Enter));
    let t = text(&st);
    assert!(t.contains("Quotes") && t.contains(" 1/1 "), "{t}");
    assert!(status(&st).contains("Quotes 1/1"), "{}", status(&st));
    assert!(!status(&st).contains("/3"), "{}", status(&st));
}

/// The bundled story, loaded from the repository's stories/.
fn bundled() -> storyx::corpus::Corpus {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("stories");
    storyx::corpus::load::load_paths(&[dir], &Default::default())
}

#[test]
fn a_detail_opens_at_its_top_at_every_size() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (40, 14), (60, 12)] {
        let mut st = state_at(bundled(), w, h, vec![]);
        assert_eq!(st.nav.screen, Screen::Story);
        for pane in Pane::ALL {
            update(&mut st, Action::FocusPane(pane));
            update(&mut st, Action::Top);
            let len = view(&st).len(st.current_story().unwrap(), pane);
            for i in 0..len {
                update(&mut st, Action::Open);
                let d = &view(&st).detail;
                assert_eq!(
                    d.scroll,
                    0,
                    "{pane:?} {i} at {w}x{h} opens scrolled:\n{}",
                    text(&st)
                );
                apply(&mut st, &[Action::Close, Action::Down]);
            }
        }
    }
}

#[test]
fn the_library_filter_never_rests_on_the_problems_row_and_counts_stories() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    assert_eq!(st.nav.screen, Screen::Library);
    // Three stories and a problems row: the status counts the stories.
    assert!(status(&st).contains("Library 1/3"), "{}", status(&st));
    update(&mut st, Action::Top);
    assert!(
        status(&st).contains("Library · problems"),
        "{}",
        status(&st)
    );
    // g, then f council Enter: the cursor is on the story, Enter opens it.
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, "council");
    press(&mut st, key(KeyCode::Enter));
    assert!(status(&st).contains("Library 1/1"), "{}", status(&st));
    press(&mut st, key(KeyCode::Enter));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().unwrap().id, "budget-vote");
}

#[test]
fn f_keeps_words_word_starts_and_initials_not_scattered_letters() {
    let mut story = harbor();
    story.timeline[0].title = "Chinese Embassy in Washington denies the report".into();
    story.timeline[1].title = "China enters the World Trade Organization".into();
    let mut st = state_at(corpus(vec![story]), 120, 40, vec![]);
    update(&mut st, Action::Filter);
    type_text(&mut st, "wto");
    press(&mut st, key(KeyCode::Enter));
    let t = text(&st);
    assert!(t.contains("World Trade Organization"), "{t}");
    assert!(!t.contains("Embassy in Washington"), "{t}");
    assert!(status(&st).contains("Timeline 1/1"), "{}", status(&st));
}

/// The keys with `n` given to moving down (so next-hit has no key) and
/// nothing left on `!`, `Esc` or `q` (Ctrl-c still quits).
fn keys_without_n() -> storyx::app::keymap::Keymap {
    use storyx::app::keymap::{parse_key, remapped, Keymap};
    let k = |s: &str| parse_key(s).unwrap();
    let mut bindings = remapped(&[(Action::Down, vec![k("n")])]);
    for b in bindings.iter_mut() {
        if matches!(b.action, Action::ToggleProblems | Action::Close)
            || (matches!(b.action, Action::Quit) && b.keys == [k("q")])
        {
            b.keys.clear();
        }
    }
    Keymap::new(bindings)
}

#[test]
fn every_hint_names_its_bound_key_or_is_left_out() {
    let keys = keys_without_n();
    let mut st = state_at(library_corpus(), 200, 40, vec![Action::Keys(keys)]);
    // A search, then the next hit: no "· next" without a key.
    update(&mut st, Action::Search);
    type_text(&mut st, "union");
    answer(&mut st);
    press(&mut st, key(KeyCode::Enter));
    update(&mut st, Action::PrevHit);
    let m = st.chrome.message.clone().unwrap_or_default();
    assert!(m.starts_with("Hit "), "{m}");
    assert!(m.ends_with(" · N previous"), "{m}");
    assert!(!m.contains(" next"), "{m}");
    // Every screen's hints: a key, a space, words; never a hint without its key.
    let mut seen = Vec::new();
    for actions in [
        vec![],
        vec![Action::Back],
        vec![Action::FocusPane(Pane::Parties)],
        vec![Action::Open],
        vec![Action::People],
        vec![Action::Open],
    ] {
        apply(&mut st, &actions);
        st.chrome.message = None;
        let bar = status(&st);
        for hint in storyx::ui::status::hints(&st) {
            assert!(!hint.starts_with(' '), "{hint:?} in {bar}");
            seen.push(hint);
        }
        assert!(
            !bar.contains("  problems") && !bar.contains("  back"),
            "{bar}"
        );
    }
    assert!(!seen.iter().any(|h| h.contains("problem")), "{seen:?}");
    assert!(seen.iter().any(|h| h == "Backspace back"), "{seen:?}");
    assert!(
        !seen
            .iter()
            .any(|h| h.ends_with("quit") && !h.starts_with("Ctrl-c")),
        "{seen:?}"
    );
    // Messages that name a key leave it out when nothing is bound.
    let mut st = state_at(
        library_corpus(),
        120,
        40,
        vec![Action::Keys(keys_without_n())],
    );
    update(&mut st, Action::Back);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This is the library; Ctrl-c quits")
    );
}

#[test]
fn the_wheel_scrolls_what_is_under_the_pointer() {
    let mut story = harbor();
    story.timeline[0].detail = Some(
        (1..=60)
            .map(|i| format!("Line {i} of a long account of the vote."))
            .collect::<Vec<_>>()
            .join("\n")
            .into(),
    );
    let mut st = state_at(corpus(vec![story]), 120, 40, vec![]);
    let areas = {
        let v = view(&st);
        v.layout(st.area(), st.current_story().unwrap())
    };
    let (dx, dy) = (areas.detail.x + 3, areas.detail.y + 3);
    assert!(text(&st).contains("Line 1 of"), "{}", text(&st));
    // Over the detail, unfocused: it scrolls, the timeline's selection stays.
    for _ in 0..4 {
        update(
            &mut st,
            Action::Scroll {
                column: dx,
                row: dy,
                down: true,
            },
        );
    }
    assert!(view(&st).detail.scroll >= 10, "{}", view(&st).detail.scroll);
    assert!(!text(&st).contains("Line 1 of"), "{}", text(&st));
    assert_eq!(view(&st).selected(), 0);
    update(
        &mut st,
        Action::Scroll {
            column: dx,
            row: dy,
            down: false,
        },
    );
    let back = view(&st).detail.scroll;
    assert!((7..12).contains(&back), "{back}");

    // Over an unfocused list that fits: nothing to scroll, the selection stays.
    let q = areas.panes[Pane::Quotes.index()];
    update(
        &mut st,
        Action::Scroll {
            column: q.x + 2,
            row: q.y + 1,
            down: true,
        },
    );
    assert_eq!(view(&st).lists[Pane::Quotes.index()].selected, 0);
    assert_eq!(view(&st).pane, Pane::Timeline, "the focus stays");
}

#[test]
fn the_wheel_over_a_long_list_scrolls_it_keeping_the_selection_in_view() {
    let mut st = state_at(corpus(vec![many_parties(60)]), 120, 40, vec![]);
    let p = {
        let v = view(&st);
        v.layout(st.area(), st.current_story().unwrap()).panes[Pane::Parties.index()]
    };
    update(&mut st, Action::FocusPane(Pane::Parties));
    apply(&mut st, &[Action::Down, Action::Down]);
    update(
        &mut st,
        Action::Scroll {
            column: p.x + 2,
            row: p.y + 1,
            down: true,
        },
    );
    let pos = view(&st).lists[Pane::Parties.index()];
    assert_eq!(pos.offset, 3, "three rows scrolled");
    assert_eq!(
        pos.selected, 3,
        "the selection stays in view, on the first row shown"
    );
    update(
        &mut st,
        Action::Scroll {
            column: p.x + 2,
            row: p.y + 1,
            down: false,
        },
    );
    let pos = view(&st).lists[Pane::Parties.index()];
    assert_eq!(
        (pos.offset, pos.selected),
        (0, 3),
        "scrolled back, the selection kept"
    );
}

#[test]
fn a_broken_save_keeps_the_last_good_version_and_a_fixed_one_keeps_the_place() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Quotes),
            Action::Down,
            Action::Down,
            Action::Open,
        ],
    );
    let before = view(&st).location();
    // A broken save: the story stays, with a banner naming the problem.
    let broken = corpus_with(
        vec![],
        vec![("stories/harbor-strike.yaml", "`by: fisher` names no one")],
    );
    update(&mut st, Action::Reloaded(Box::new(broken)));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(view(&st).location(), before, "the place is kept");
    let t = text(&st);
    assert!(
        t.contains("⚠ Last good version shown · ! shows it · harbor-strike.yaml:3:7: quotes[0].by: `by: fisher` names no one"),
        "{t}"
    );
    assert!(
        t.contains("自动化需要十年才能回本"),
        "the quote still shows:\n{t}"
    );
    let m = st.chrome.message.clone().unwrap_or_default();
    assert!(m.contains("kept as it was: its file has a problem"), "{m}");
    assert!(m.contains("⚠ 1 problem (! shows them)"), "{m}");
    // ! shows the problem; Esc comes back to the story.
    update(&mut st, Action::ToggleProblems);
    assert_eq!(st.nav.screen, Screen::Problems);
    assert!(text(&st).contains("names no one"));
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Story);

    // The fixed save: the new text, in the same place, no banner.
    let mut fixed = harbor();
    fixed.quotes[2].text = "自动化需要十二年才能回本。".into();
    update(&mut st, Action::Reloaded(Box::new(corpus(vec![fixed]))));
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(view(&st).location(), before);
    let t = text(&st);
    assert!(!t.contains("Last good version"), "{t}");
    assert!(t.contains("自动化需要十二年才能回本"), "{t}");
    assert_eq!(st.chrome.message.as_deref(), Some("Reloaded: 1 story"));
}

#[test]
fn a_file_broken_from_the_start_opens_once_fixed() {
    let broken = corpus_with(vec![], vec![("stories/harbor-strike.yaml", "bad")]);
    let mut st = state_at(broken, 120, 40, vec![]);
    assert_eq!(st.nav.screen, Screen::Empty);
    update(&mut st, Action::Reloaded(Box::new(corpus(vec![harbor()]))));
    assert_eq!(st.nav.screen, Screen::Story);
    assert!(text(&st).contains("Dockworkers strike"));
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(st));
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

#[test]
fn z_zooms_the_focused_list_or_the_detail_over_the_body() {
    for (w, h) in SIZES {
        let mut st = state_at(bundled(), w, h, vec![]);
        apply(&mut st, &[Action::FocusPane(Pane::Quotes), Action::Down]);
        let press_z = |st: &mut State| press(st, key(KeyCode::Char('z')));
        press_z(&mut st);
        assert!(view(&st).zoom);
        let story = st.current_story().unwrap();
        let areas = view(&st).layout(st.area(), story);
        let q = areas.panes[Pane::Quotes.index()];
        assert_eq!((q.width, q.height), (w, h - 2), "the list over the body");
        assert!(areas.detail.is_empty());
        snap("zoom_list", &st);
        // Enter: the detail, zoomed too; Ctrl-d pages through it.
        press(&mut st, key(KeyCode::Enter));
        let areas = view(&st).layout(st.area(), st.current_story().unwrap());
        assert_eq!((areas.detail.width, areas.detail.height), (w, h - 2));
        snap("zoom_detail", &st);
        // z again: the layout as it was.
        press_z(&mut st);
        assert!(!view(&st).zoom);
        let areas = view(&st).layout(st.area(), st.current_story().unwrap());
        assert!(areas.detail.width < w || areas.detail.height < h - 2);
    }
}

#[test]
fn the_focused_list_of_the_wide_grid_gets_two_thirds_of_its_width() {
    let mut st = state_at(bundled(), 120, 40, vec![]);
    update(&mut st, Action::FocusPane(Pane::Quotes));
    let areas = view(&st).layout(st.area(), st.current_story().unwrap());
    let (q, a) = (
        areas.panes[Pane::Quotes.index()],
        areas.panes[Pane::Analysts.index()],
    );
    assert!(q.width > 2 * a.width - 2, "{q:?} {a:?}");
    // The quote rows show words, not only the speaker.
    let t = text(&st);
    let row = t
        .lines()
        .find(|l| l.contains("Chinese Embassy in Washington"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(!row.contains("Washington (…"), "{row}");
}

/// The text of the detail line under the cursor.
fn cursor_line(d: &storyx::app::state::DetailView) -> String {
    let l = &d.lines[d.cursor];
    d.doc.blocks[l.block].text[l.range.clone()].to_string()
}

#[test]
fn in_the_detail_j_k_skip_blanks_and_headings_and_braces_jump_link_to_link() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    // The first claim: stances with quotes and people, several links.
    apply(&mut st, &[Action::FocusPane(Pane::Claims), Action::Open]);
    let d = &view(&st).detail;
    let links: Vec<usize> = (0..d.lines.len())
        .filter(|&l| d.doc.blocks[d.lines[l].block].link.is_some() && d.lines[l].first)
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    // j never rests on a blank line or a heading.
    update(&mut st, Action::Top);
    for _ in 0..40 {
        update(&mut st, Action::Down);
        let d = &view(&st).detail;
        let block = &d.doc.blocks[d.lines[d.cursor].block];
        assert!(!cursor_line(d).is_empty(), "on a blank line");
        assert_ne!(
            block.style,
            storyx::app::detail::BlockStyle::Heading,
            "on a heading"
        );
    }
    for _ in 0..40 {
        update(&mut st, Action::Up);
        let d = &view(&st).detail;
        assert!(!cursor_line(d).is_empty(), "on a blank line");
    }
    // } and { go from link to link.
    update(&mut st, Action::Top);
    let start = view(&st).detail.cursor;
    press(&mut st, key(KeyCode::Char('}')));
    let first = view(&st).detail.cursor;
    assert!(links.contains(&first) && first > start, "{first} {links:?}");
    press(&mut st, key(KeyCode::Char('}')));
    let second = view(&st).detail.cursor;
    assert!(links.contains(&second) && second > first);
    press(&mut st, key(KeyCode::Char('{')));
    assert_eq!(view(&st).detail.cursor, first);
    press(&mut st, key(KeyCode::Char('{')));
    press(&mut st, key(KeyCode::Char('{')));
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("No cross-reference (→ line) above")
    );
    // Enter on the title follows the nearest link below: the first one.
    update(&mut st, Action::Top);
    let target = {
        let d = &view(&st).detail;
        d.doc.links[d.doc.blocks[d.lines[first].block].link.unwrap()]
    };
    update(&mut st, Action::Open);
    assert_eq!(view(&st).pane, target.pane);
    assert_eq!(view(&st).selected_item(), target.index);
}

#[test]
fn enter_with_no_link_below_says_so() {
    let mut st = state_at(corpus(vec![harbor()]), 120, 40, vec![]);
    // The last event (no source, nobody involved).
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Timeline),
            Action::Bottom,
            Action::Open,
        ],
    );
    update(&mut st, Action::Bottom);
    update(&mut st, Action::Open);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("No cross-reference (→ line) at or below this line")
    );
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn braces_on_a_persons_page_go_story_by_story() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    // Acme: in two stories.
    apply(&mut st, &[Action::Open, Action::Top]);
    let heads: Vec<usize> = {
        let d = &st.people.detail;
        (0..d.lines.len())
            .filter(|&l| {
                d.doc.blocks[d.lines[l].block].style == storyx::app::detail::BlockStyle::Heading
            })
            .collect()
    };
    assert!(heads.len() >= 2, "{heads:?}");
    press(&mut st, key(KeyCode::Char('}')));
    let c = st.people.detail.cursor;
    assert!(c > heads[0] && c < heads[1], "{c} {heads:?}");
    press(&mut st, key(KeyCode::Char('}')));
    let c2 = st.people.detail.cursor;
    assert!(c2 > heads[1], "{c2} {heads:?}");
    press(&mut st, key(KeyCode::Char('{')));
    assert_eq!(st.people.detail.cursor, c);
    // [ and ] still step to the other people.
    update(&mut st, Action::NextStory);
    assert!(st.people.person.is_some_and(|p| p == 1));
}

#[test]
fn the_status_bar_keeps_the_whole_title_while_there_is_room() {
    let st = state_at(bundled(), 200, 50, vec![]);
    let title = st.current_story().unwrap().title.to_string();
    assert!(title.chars().count() > 60, "{title}");
    assert!(
        status(&st).contains(&format!("· {title} ")),
        "{}",
        status(&st)
    );
    // Narrow: cut, with the hints still there.
    let st = state_at(bundled(), 80, 24, vec![]);
    assert!(
        status(&st).contains("…") && status(&st).contains("? help"),
        "{}",
        status(&st)
    );
}

/// The blank cells between the position and what is right of it in a status bar.
fn status_gap(bar: &str) -> usize {
    let left = bar.trim_start();
    let title_end = left.find("  ").unwrap_or(left.len());
    left[title_end..].chars().take_while(|c| *c == ' ').count()
}

#[test]
fn the_status_bar_cuts_the_title_only_when_it_needs_the_room() {
    for (w, h) in [(200, 50), (120, 40), (80, 24), (40, 12)] {
        let mut st = state_at(bundled(), w, h, vec![]);
        let title = st.current_story().unwrap().title.to_string();
        // With the hints: the title is whole, or cut with no room left unused.
        let bar = status(&st);
        assert!(
            bar.contains(&format!("· {title} ")) || (bar.contains('…') && status_gap(&bar) <= 3),
            "{w}x{h}: {bar:?}"
        );
        // The help hint shows at any width, in the detail too.
        update(&mut st, Action::Open);
        assert!(view(&st).focus_detail, "{w}x{h}");
        let bar = status(&st);
        assert!(bar.contains("? help"), "{w}x{h}: {bar:?}");
        update(&mut st, Action::Close);
        // Beside a short message too (it used to keep a quarter of the bar); a
        // title is left out only when not even 8 cells of it would fit.
        update(&mut st, Action::Message("Reloaded: 1 story".into()));
        let bar = status(&st);
        assert!(bar.contains("Reloaded: 1 story"), "{w}x{h}: {bar:?}");
        assert!(
            bar.contains(&format!("· {title} "))
                || (bar.contains('…') && status_gap(&bar) <= 3)
                || (!bar.contains(" · ") && status_gap(&bar) < 3 + 3 + 8),
            "{w}x{h}: {bar:?}"
        );
    }
}

/// The lines of a detail-like view, as laid out (its whole text).
fn laid_text(d: &storyx::app::state::DetailView) -> String {
    d.lines
        .iter()
        .map(|l| d.doc.blocks[l.block].text[l.range.clone()].to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn s_shows_the_title_date_question_and_summary_in_full_and_scrolls() {
    for (w, h) in SIZES {
        let mut st = state_at(bundled(), w, h, vec![]);
        let story = st.current_story().unwrap().clone();
        let summary = story.summary.as_deref().unwrap().to_string();
        press(&mut st, key(KeyCode::Char('s')));
        let header = view(&st).header.as_ref().expect("the header view is open");
        // Every word of the question and the summary is in the view, at any size.
        let all: String = laid_text(header)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for text in [&story.title, story.question.as_deref().unwrap(), &summary] {
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(all.contains(&words), "{w}x{h}: {words}\nnot in\n{all}");
        }
        let date = story.date.as_ref().unwrap().to_string();
        assert!(all.contains(&date), "{date} not in {all}");
        snap("header_top", &st);
        // The view scrolls: j a line, Ctrl-d a page, G the end, g the top.
        let rows = {
            let story = st.current_story().unwrap();
            let areas = view(&st).layout(st.area(), story);
            usize::from(areas.detail.height.saturating_sub(2))
        };
        press(&mut st, key(KeyCode::Char('j')));
        assert!(view(&st).header.as_ref().unwrap().cursor > 0);
        press(&mut st, ctrl('d'));
        press(&mut st, key(KeyCode::Char('G')));
        let h_view = view(&st).header.as_ref().unwrap();
        let last = h_view.lines.len() - 1;
        assert_eq!(h_view.cursor, last, "{w}x{h}");
        if h_view.lines.len() > rows {
            assert_eq!(
                h_view.scroll,
                h_view.lines.len() - rows,
                "{w}x{h}: at the end"
            );
            // The end of the summary shows on the screen.
            let tail: Vec<&str> = summary.split_whitespace().rev().take(2).collect();
            assert!(text(&st).contains(tail[0]), "{w}x{h}: {}", text(&st));
            snap("header_end", &st);
        }
        press(&mut st, key(KeyCode::Char('g')));
        assert_eq!(view(&st).header.as_ref().unwrap().scroll, 0);
        // Esc closes it; s opens and closes it.
        press(&mut st, key(KeyCode::Esc));
        assert!(view(&st).header.is_none());
        assert_eq!(st.nav.screen, Screen::Story);
        press(&mut st, key(KeyCode::Char('s')));
        press(&mut st, key(KeyCode::Char('s')));
        assert!(view(&st).header.is_none());
    }
}

#[test]
fn the_wheel_scrolls_the_header_view_and_other_keys_close_it() {
    let mut st = state_at(bundled(), 40, 12, vec![]);
    press(&mut st, key(KeyCode::Char('s')));
    let body = {
        let story = st.current_story().unwrap();
        view(&st).layout(st.area(), story).detail
    };
    update(
        &mut st,
        Action::Scroll {
            column: body.x + 2,
            row: body.y + 2,
            down: true,
        },
    );
    let h = view(&st).header.as_ref().unwrap();
    assert_eq!(h.scroll, 3, "a wheel notch scrolls three lines");
    // A key the view does not use closes it and does what it does.
    update(&mut st, Action::FocusPane(Pane::Quotes));
    assert!(view(&st).header.is_none());
    assert_eq!(view(&st).pane, Pane::Quotes);
}

#[test]
fn the_search_shows_the_selected_hits_detail_beside_the_hits_where_there_is_room() {
    for (w, h) in SIZES {
        let mut st = state_at(bundled(), w, h, vec![]);
        update(&mut st, Action::Search);
        type_text(&mut st, "gaining traction");
        answer(&mut st);
        assert!(!st.search.results.hits.is_empty());
        let preview = storyx::view::search::preview_area(st.area());
        let t = text(&st);
        if w >= 120 {
            assert!(!preview.is_empty());
            // The selected hit's detail and what matched in it, beside the list.
            let hit = &st.search.results.hits[st.search.pos.selected];
            let story = &st.corpus.stories[hit.story];
            assert!(t.contains("Matched in "), "{t}");
            if hit.kind != storyx::search::Kind::Story {
                assert!(t.contains(&format!("In {}", &story.title[..30])), "{t}");
            }
            // Down: the preview follows the selection.
            let before = screen(&st);
            update(&mut st, Action::Line(storyx::app::line::LineKey::Down));
            if st.search.results.hits.len() > 1 {
                assert_ne!(screen(&st), before);
            }
            update(&mut st, Action::Line(storyx::app::line::LineKey::Up));
        } else {
            assert!(preview.is_empty(), "{w}x{h}: no room for a preview");
        }
        snap("search_preview", &st);
    }
}

#[test]
fn f_filters_the_people_list_and_a_persons_page() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    let names: Vec<String> = st
        .corpus
        .entities
        .iter()
        .map(|e| e.name.to_string())
        .collect();
    let target = names.last().unwrap().clone();
    let word = target.split_whitespace().next().unwrap().to_lowercase();
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, &word);
    let f = st.people.list_filter.as_ref().expect("the list filter");
    assert!(
        !f.rows.is_empty() && f.rows.len() < names.len(),
        "{:?}",
        f.rows
    );
    for &r in &f.rows {
        assert!(
            names[r].to_lowercase().contains(&word) || st.corpus.entities[r].id.contains(&word)
        );
    }
    let t = text(&st);
    assert!(t.contains(&format!("People [f: {word}]")), "{t}");
    assert!(t.contains("Filter People:"), "{t}");
    // Enter keeps it; Enter again opens the selected person, who matches.
    press(&mut st, key(KeyCode::Enter));
    press(&mut st, key(KeyCode::Enter));
    assert_eq!(st.nav.screen, Screen::Person);
    let e = st.people.person.unwrap();
    assert!(names[e].to_lowercase().contains(&word));
    // Backspace, Esc: the filter cleared, everyone again.
    press(&mut st, key(KeyCode::Backspace));
    assert_eq!(st.nav.screen, Screen::People);
    press(&mut st, key(KeyCode::Esc));
    assert!(st.people.list_filter.is_none());
    assert!(text(&st).contains(&names[0]));
}

#[test]
fn f_on_a_persons_page_keeps_the_lines_that_match_under_their_story() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    apply(&mut st, &[Action::Open]);
    let full = laid_text(&st.people.detail);
    let stories: Vec<String> = st
        .corpus
        .stories
        .iter()
        .map(|s| s.title.to_string())
        .collect();
    let in_page: Vec<&String> = stories
        .iter()
        .filter(|t| full.contains(t.as_str()))
        .collect();
    assert!(in_page.len() >= 2, "{full}");
    // The first story's title: its section stays, the others go.
    let word = in_page[0].split_whitespace().last().unwrap().to_string();
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, &word);
    let narrowed = laid_text(&st.people.detail);
    assert!(narrowed.contains(in_page[0].as_str()), "{narrowed}");
    assert!(!narrowed.contains(in_page[1].as_str()), "{narrowed}");
    assert!(narrowed.lines().count() < full.lines().count());
    assert!(text(&st).contains("Filter this page:"), "{}", text(&st));
    // Enter keeps it, and the page still says it is filtered, by what, and the
    // key that shows it all (as the filtered panes and lists do).
    press(&mut st, key(KeyCode::Enter));
    let t = text(&st);
    assert!(t.contains(&format!("[f: {word}]")), "{t}");
    assert!(
        rows(&st).last().unwrap().contains("Esc all"),
        "{}",
        rows(&st).last().unwrap()
    );
    // A → line is followed from the narrowed page.
    press(&mut st, key(KeyCode::Char('}')));
    // Esc clears it: the whole page again.
    press(&mut st, key(KeyCode::Esc));
    assert_eq!(laid_text(&st.people.detail), full);
    // Nothing matches: the page says so.
    press(&mut st, key(KeyCode::Char('f')));
    type_text(&mut st, "zzzqqq");
    assert!(laid_text(&st.people.detail).contains("Nothing on this page matches"));
}

#[test]
fn item_alone_opens_the_one_story_that_has_it_or_names_the_several() {
    let mut st = state_at(library_corpus(), 120, 40, vec![]);
    let story = st
        .corpus
        .stories
        .iter()
        .position(|s| s.id == "harbor-strike");
    let Some(story) = story else {
        panic!("no harbor-strike")
    };
    // An id one story has.
    let quote = st.corpus.stories[story]
        .quotes
        .iter()
        .position(|q| q.id.is_some())
        .unwrap();
    let id = st.corpus.stories[story].quotes[quote].id.clone().unwrap();
    let story_id = st.story_with_item(&id).unwrap();
    update(
        &mut st,
        Action::GoTo {
            story: story_id,
            item: Some(id.to_string()),
        },
    );
    assert_eq!(view(&st).story, story);
    assert_eq!(
        (view(&st).pane, view(&st).selected()),
        (Pane::Quotes, quote)
    );
    // An id no story has.
    let e = st.story_with_item("no-such-item").unwrap_err();
    assert_eq!(
        e,
        (
            false,
            "no story has an item with the id `no-such-item`".to_string()
        )
    );
    // An id two stories have: both named.
    let st = state_at(people_corpus(), 120, 40, vec![]);
    let shared = st
        .corpus
        .entities
        .iter()
        .find(|e| e.appearances.len() > 1)
        .unwrap()
        .id
        .to_string();
    let (several, e) = st.story_with_item(&shared).unwrap_err();
    assert!(several, "{e}");
    let with: Vec<String> = st
        .corpus
        .stories
        .iter()
        .filter(|s| {
            s.parties.iter().any(|p| p.id == shared) || s.analysts.iter().any(|a| a.id == shared)
        })
        .map(|s| format!("`{}`", s.id))
        .collect();
    assert!(with.len() > 1);
    for id in &with {
        assert!(e.contains(id.as_str()), "{e}");
    }
}
