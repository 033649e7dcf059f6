//! Any size, any text: every screen and every pane (the library filtered too)
//! drawn into 0×0, 1×1 and a sweep of sizes and keys without a panic; CJK,
//! emoji and long URLs keep the layout; a 5 MB summary or quote stays fast
//! because only visible lines are drawn.

mod tui_common;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use storyx::app::keymap::{KEYMAP, LINE_KEYS};
use storyx::app::line::LineKey;
use storyx::app::{update, Action, Pane, State};
use storyx::ui;
use storyx::view;
use storyx::view::theme::Theme;
use tui_common::*;

/// Every kind of state worth drawing.
fn states() -> Vec<State> {
    let mut out = vec![];
    out.push(State::new(library_corpus()));
    out.push(State::new(corpus(vec![])));
    out.push(State::new(corpus_with(vec![], vec![("x.yaml", "broken")])));
    let mut problems = State::new(library_corpus());
    update(&mut problems, Action::ToggleProblems);
    out.push(problems);
    for p in Pane::ALL {
        for detail in [false, true] {
            let mut st = State::new(corpus(vec![harbor()]));
            update(&mut st, Action::FocusPane(p));
            if detail {
                update(&mut st, Action::Open);
            }
            update(&mut st, Action::ToggleSummary);
            out.push(st);
        }
    }
    out.push(State::new(corpus(vec![bare("bare")])));
    let mut help = State::new(corpus(vec![harbor()]));
    update(&mut help, Action::ToggleHelp);
    out.push(help);
    // People across stories: the list, one person, a narrowed timeline, a claims column.
    let mut people = State::new(people_corpus());
    update(&mut people, Action::People);
    out.push(people.clone());
    update(&mut people, Action::Open);
    out.push(people);
    let mut narrowed = State::new(corpus(vec![harbor()]));
    update(&mut narrowed, Action::FocusPane(Pane::Parties));
    update(&mut narrowed, Action::NarrowTimeline);
    out.push(narrowed);
    let mut column = State::new(corpus(vec![many_parties(30)]));
    update(&mut column, Action::FocusPane(Pane::Claims));
    update(&mut column, Action::Right);
    out.push(column);
    out
}

/// The library narrowed by its filter: typed, kept, matching nothing, and
/// waiting for stories still loading.
fn library_filter_states() -> Vec<State> {
    let typed = |st: &mut State, text: &str| {
        update(st, Action::Filter);
        for c in text.chars() {
            update(st, Action::Line(LineKey::Insert(c)));
        }
    };
    let mut out = vec![];
    let mut st = State::new(library_corpus());
    typed(&mut st, "the");
    out.push(st.clone());
    update(&mut st, Action::Line(LineKey::Accept));
    out.push(st);
    let mut st = State::new(library_corpus());
    typed(&mut st, "zzz 港口");
    update(&mut st, Action::Line(LineKey::Accept));
    out.push(st);
    let mut st = State::loading(None);
    typed(&mut st, "x");
    out.push(st);
    out
}

fn draw_at(st: &State, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    ui::render(st, &Theme::default(), buf.area, &mut buf);
    buf
}

#[test]
fn every_screen_draws_at_zero_and_one_cell() {
    for st in states().into_iter().chain(library_filter_states()) {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (0, 7),
            (7, 0),
            (1, 40),
            (200, 1),
            (2, 2),
            (3, 3),
        ] {
            draw_at(&st, w, h);
        }
    }
}

#[test]
fn every_pane_draws_at_zero_and_one_cell() {
    let story = harbor();
    let mut st = State::new(corpus(vec![harbor()]));
    update(
        &mut st,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let view = st.view.clone().unwrap();
    for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 2), (3, 3), (5, 2)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        for p in Pane::ALL {
            ui::render_pane(
                &Theme::default(),
                &story,
                &view,
                p,
                &Default::default(),
                area,
                &mut buf,
            );
            ui::render_pane(
                &Theme::default(),
                &bare("b"),
                &storyx::app::StoryView::new(0),
                p,
                &Default::default(),
                area,
                &mut buf,
            );
        }
        ui::detail::render(&Theme::default(), &view.detail, area, &mut buf, true);
        ui::header::render(&Theme::default(), &story, area, &mut buf);
        ui::status::render(&Theme::default(), &st, area, &mut buf);
        ui::help::render(&Theme::default(), &st, area, &mut buf);
        ui::library::render(&Theme::default(), &st, area, &mut buf);
        ui::library::render_empty(&Theme::default(), &st, area, &mut buf);
        ui::problems::render(&Theme::default(), &st, area, &mut buf);
        ui::render_tabs(&Theme::default(), area, &mut buf, view::layout::Tab::Detail);
        ui::people::render_list(&Theme::default(), &st, area, &mut buf);
        ui::people::render_person(&Theme::default(), &st, area, &mut buf);
    }
}

#[test]
fn a_sweep_of_sizes_with_every_key_never_panics() {
    // Library, empty, problems, story with pane focus, with detail focus…
    let all = states();
    // …and the help, one person across stories, a claims matrix of 30 columns.
    let n = all.len();
    // …and the library filtered (typed, kept, matching nothing, still loading).
    let picked = [0usize, 1, 3, 4, 5, n - 5, n - 3, n - 1].map(|i| all[i].clone());
    for st in picked.into_iter().chain(library_filter_states()) {
        for w in [0, 1, 2, 5, 13, 39, 59, 60, 80, 119, 120, 130] {
            for h in [0, 1, 2, 3, 5, 8, 14, 15, 24, 40] {
                let mut st = st.clone();
                update(
                    &mut st,
                    Action::Resize {
                        width: w,
                        height: h,
                    },
                );
                draw_at(&st, w, h);
                for b in KEYMAP
                    .iter()
                    .filter(|b| !matches!(b.action, Action::Quit | Action::Suspend))
                {
                    update(&mut st, b.action.clone());
                }
                for (x, y) in [
                    (w / 2, h / 2),
                    (0, 0),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                    (w / 3, 2),
                ] {
                    update(&mut st, Action::Click { column: x, row: y });
                    update(
                        &mut st,
                        Action::Scroll {
                            column: x,
                            row: y,
                            down: y % 2 == 0,
                        },
                    );
                }
                // The keys of a filter line: the help and the search (opened
                // above) closed, f opens one in the library or a story's pane.
                update(&mut st, Action::Close);
                update(&mut st, Action::Line(LineKey::Cancel));
                update(&mut st, Action::Filter);
                update(&mut st, Action::Line(LineKey::Insert('é')));
                draw_at(&st, w, h);
                for b in LINE_KEYS.iter().rev() {
                    update(&mut st, Action::Line(LineKey::Insert('港')));
                    update(&mut st, b.action.clone());
                }
                draw_at(&st, w, h);
            }
        }
    }
}

#[test]
fn a_resize_relayouts_at_once() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes), Action::Open],
    );
    let wide = text(&st);
    assert!(wide.contains("Timeline") && wide.contains("Sources") && wide.contains("Detail"));
    update(
        &mut st,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    let small = text(&st);
    assert_eq!(rows(&st).len(), 12);
    assert!(rows(&st)
        .iter()
        .all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) == 40));
    assert!(small.contains("Detail") && !small.contains("┌ Timeline"));
    update(
        &mut st,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(text(&st), wide);
}

#[test]
fn cjk_emoji_and_long_urls_keep_every_row_inside_the_screen() {
    let mut story = harbor();
    story.title = "港口罢工 🚢🚢🚢 ".repeat(20).into();
    story.parties[0].name = ("https://example.com/".to_string() + &"a".repeat(300)).into();
    story.quotes[0].text = ("👨‍👩‍👧‍👦 家族 ".repeat(100) + &"x".repeat(500)).into();
    for (w, h) in [(120, 40), (100, 30), (40, 12), (13, 9)] {
        for p in Pane::ALL {
            let st = state_at(
                corpus(vec![story.clone()]),
                w,
                h,
                vec![Action::FocusPane(p), Action::Open, Action::ToggleSummary],
            );
            for (n, row) in rows(&st).iter().enumerate() {
                let width = unicode_width::UnicodeWidthStr::width(row.as_str());
                assert_eq!(
                    width,
                    usize::from(w),
                    "row {n} at {w}x{h}, pane {p:?}: {row:?}"
                );
            }
        }
    }
    // The long URL is wrapped in the detail, not cut.
    let st = state_at(
        corpus(vec![story.clone()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Sources)],
    );
    let t = text(&st);
    assert!(
        t.contains("URL: https://gazette.example/2024/10/02/strike"),
        "{t}"
    );
    assert!(t.contains("no-talks-planned"), "{t}");
}

#[test]
fn control_characters_from_story_text_never_reach_the_buffer() {
    let mut story = harbor();
    story.title = "Evil \u{1b}]0;pwned\u{7} title \u{1b}[2J".into();
    story.quotes[0].text = "a\u{1b}[31mred\u{9b}b\u{0}c".into();
    story.parties[0].position = Some("line one\u{8}\u{8}\rline two".into());
    for p in Pane::ALL {
        let st = state_at(
            corpus(vec![story.clone()]),
            120,
            40,
            vec![Action::FocusPane(p), Action::Open],
        );
        let t = text(&st);
        assert!(
            !t.chars().any(|c| c.is_control() && c != '\n'),
            "a control character reached the screen: {t:?}"
        );
    }
}

fn huge(bytes: usize) -> String {
    let word = "verylongsummaryword ";
    word.repeat(bytes / word.len())
}

#[test]
fn a_five_megabyte_summary_draws_at_every_key() {
    let mut story = harbor();
    story.summary = Some(huge(5 * 1024 * 1024).into());
    let mut st = state_at(corpus(vec![story]), 120, 40, vec![Action::ToggleSummary]);
    for i in 0..50 {
        update(&mut st, if i % 2 == 0 { Action::Down } else { Action::Up });
        let _ = draw_at(&st, 120, 40);
    }
    assert!(text(&st).contains("verylongsummaryword"));
}

#[test]
fn a_five_megabyte_quote_wraps_and_scrolls_to_its_end() {
    let mut story = harbor();
    story.quotes[0].text = huge(5 * 1024 * 1024).into();
    let mut st = state_at(
        corpus(vec![story]),
        120,
        40,
        vec![Action::FocusPane(Pane::Quotes), Action::Open],
    );
    for _ in 0..50 {
        update(&mut st, Action::PageDown);
        let _ = draw_at(&st, 120, 40);
    }
    update(&mut st, Action::Bottom);
    let _ = draw_at(&st, 120, 40);
    assert!(
        text(&st).contains("Said by"),
        "the end of the detail shows: {}",
        text(&st)
    );
}
