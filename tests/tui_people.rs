//! People across stories in the explorer: the People screen (p), the
//! cross-story view of one person (Enter, or w from a story) with
//! cross-references into each story and Backspace back, the timeline narrowed
//! to one person (t), and the Claims pane as a matrix (h/l across columns).
//! Update logic without a terminal, and insta snapshots of what is drawn.

mod tui_common;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use storyx::app::{update, Action, Pane, Screen, State};
use storyx::ui;
use storyx::view::theme::Theme;
use tui_common::*;

fn view(st: &State) -> &storyx::app::StoryView {
    st.view.as_ref().expect("a story is open")
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(st));
}

fn apply(st: &mut State, actions: &[Action]) {
    for a in actions {
        update(st, a.clone());
    }
}

/// The text of the cross-story view, block by block.
fn person_text(st: &State) -> String {
    st.people
        .detail
        .doc
        .blocks
        .iter()
        .map(|b| b.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cross-reference under the cursor of a detail view.
fn link_text(d: &storyx::app::state::DetailView) -> Option<String> {
    let line = d.lines.get(d.cursor)?;
    let block = &d.doc.blocks[line.block];
    block.link.map(|_| block.text.clone())
}

/// Moves the cursor of the cross-story view to the cross-reference containing `needle`.
fn person_cursor_to(st: &mut State, needle: &str) {
    update(st, Action::Top);
    for _ in 0..300 {
        if link_text(&st.people.detail).is_some_and(|t| t.contains(needle)) {
            return;
        }
        update(st, Action::Down);
    }
    panic!(
        "no cross-reference with {needle:?} in:\n{}",
        person_text(st)
    );
}

/// Selects the entity with this id on the People screen.
fn select_entity(st: &mut State, id: &str) {
    let at = st.corpus.entity_position(id).expect("entity");
    update(st, Action::Top);
    for _ in 0..at {
        update(st, Action::Down);
    }
}

/// The People screen's row of an entity, as words.
fn row_words(st: &State, name: &str) -> Vec<String> {
    rows(st)
        .into_iter()
        .find(|r| r.contains(name))
        .unwrap_or_else(|| panic!("no row with {name:?}:\n{}", text(st)))
        .replace('│', " ")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn p_lists_every_entity_with_stories_quotes_and_stances() {
    let mut st = state_at(people_corpus(), 120, 40, vec![]);
    assert_eq!(st.nav.screen, Screen::Library);
    update(&mut st, Action::People);
    assert_eq!(st.nav.screen, Screen::People);
    let t = text(&st);
    assert!(
        t.contains("People · 6 parties and analysts across 3 stories"),
        "{t}"
    );
    assert!(
        t.contains("Name") && t.contains("Stories Quotes Stances"),
        "{t}"
    );
    // Acme: a party in all three stories, one (reported) quote, three stances.
    let acme = row_words(&st, "Acme Corp");
    assert_eq!(acme[2..], ["party", "3", "1", "3", "acme"], "{acme:?}");
    let fisher = row_words(&st, "Richard Fisher");
    assert_eq!(fisher[2..], ["analyst", "2", "2", "2", "richard-fisher"]);
    // The CJK name keeps its columns in place.
    let alibaba = rows(&st)
        .into_iter()
        .find(|r| r.contains("阿里巴巴"))
        .unwrap();
    let acme_row = rows(&st)
        .into_iter()
        .find(|r| r.contains("Acme Corp"))
        .unwrap();
    let col = |r: &str, needle: &str| {
        unicode_width::UnicodeWidthStr::width(&r[..r.find(needle).unwrap()])
    };
    assert_eq!(col(&alibaba, "party"), col(&acme_row, "party"));
    // The preview: each story the selected one is in.
    assert!(
        t.contains("• Trade talks stall — party (company): Wants tariffs lifted."),
        "{t}"
    );
    assert!(
        t.contains("• Port deal signed — party (company): Will run the new terminal."),
        "{t}"
    );
    assert!(t.contains("People 1/6"), "{t}");
    // p again, or Backspace, goes back to where p was pressed.
    update(&mut st, Action::People);
    assert_eq!(st.nav.screen, Screen::Library);
    update(&mut st, Action::People);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Library);
}

#[test]
fn enter_shows_everything_one_person_said_and_did_in_every_story() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    select_entity(&mut st, "richard-fisher");
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Person);
    let d = person_text(&st);
    for needle in [
        "Richard Fisher",
        "richard-fisher · 2 stories · 2 quotes · 2 stances",
        "Trade talks stall · Mar 2024",
        "analyst · senior fellow, International Assessment and Strategy Center",
        "View: Tariffs are leverage.",
        "“Tariffs are leverage, not a goal.”",
        "✗ disputes the claim (disputed): Tariffs hurt exporters.",
        "Shareholders vote on the merger · May 2024",
        "as Richard D. Fisher",
        "± has a mixed view of the claim (no status given): The merger saves costs.",
        "Small savings.",
        "2 May 2024 · Board approves the plan",
    ] {
        assert!(d.contains(needle), "{needle:?} missing from:\n{d}");
    }
    // Stories in corpus order.
    assert!(d.find("Trade talks").unwrap() < d.find("Shareholders").unwrap());
    let t = text(&st);
    assert!(t.contains("Richard Fisher across 2 stories"), "{t}");
    assert!(t.contains("People › Richard Fisher"), "{t}");

    // A paraphrase is reported speech, never in quotation marks; relayed quotes show.
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    select_entity(&mut st, "zoe-lambert");
    update(&mut st, Action::Open);
    let d = person_text(&st);
    assert!(
        d.contains("(reported): Lambert said talks would resume."),
        "{d}"
    );
    assert!(!d.contains("“Lambert said"), "{d}");
    assert!(
        d.contains("Position: Negotiator; says talks will resume."),
        "{d}"
    );
    assert!(d.contains("2 Mar 2024 · Talks stall"), "{d}");
    select_and_open(&mut st, "mei-chen");
    let d = person_text(&st);
    assert!(d.contains("Relayed (1)"), "{d}");
    assert!(
        d.contains("Acme (reported, via Mei Chen): Acme said the terminal opens next year."),
        "{d}"
    );
    assert!(
        d.contains("? is unclear on the claim (alleged): The bidding was fair."),
        "{d}"
    );
}

fn select_and_open(st: &mut State, id: &str) {
    update(st, Action::Back);
    assert_eq!(st.nav.screen, Screen::People);
    select_entity(st, id);
    update(st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Person);
}

#[test]
fn a_cross_reference_leads_into_its_story_and_backspace_comes_back() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People]);
    select_entity(&mut st, "acme");
    update(&mut st, Action::Open);
    // The cursor starts on the first cross-reference.
    assert!(link_text(&st.people.detail).is_some_and(|t| t.starts_with("party · company")));

    // Into the third story, at the stance on its claim.
    person_cursor_to(
        &mut st,
        "supports the claim (alleged): The bidding was fair.",
    );
    let cursor = st.people.detail.cursor;
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(st.current_story().unwrap().id, "port-deal");
    assert_eq!(view(&st).pane, Pane::Claims);
    assert_eq!(view(&st).selected(), 0);
    assert!(view(&st).focus_detail);
    assert!(text(&st).contains("Claimed: The bidding was fair."));

    // Following on inside the story, then back out step by step.
    update(&mut st, Action::Open);
    assert_eq!(view(&st).history.len(), 1);
    update(&mut st, Action::Back);
    assert_eq!(view(&st).pane, Pane::Claims);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Person);
    assert_eq!(
        st.people.detail.cursor, cursor,
        "the cursor is where it was"
    );

    // An event, in the second story.
    person_cursor_to(&mut st, "2 May 2024 · Board approves the plan");
    update(&mut st, Action::Open);
    assert_eq!(st.current_story().unwrap().id, "merger-vote");
    assert_eq!(view(&st).pane, Pane::Timeline);
    assert!(
        text(&st).contains("Detail of Timeline 1/2"),
        "{}",
        text(&st)
    );

    // Back to the view, the list, and the library it started from.
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Person);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::People);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Library);
}

#[test]
fn brackets_go_to_the_next_person_and_enter_on_plain_text_says_so() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::People, Action::Open]);
    assert!(person_text(&st).starts_with("Acme Corp"));
    update(&mut st, Action::NextStory);
    assert!(person_text(&st).starts_with("Zoë Lambert"));
    update(&mut st, Action::PrevStory);
    update(&mut st, Action::PrevStory);
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("This is the first person")
    );
    // Enter on the title (not a link) follows the nearest link below it.
    update(&mut st, Action::Top);
    let below = st.people.detail.link_at_or_below().expect("a link");
    assert!(below > 0);
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn w_opens_the_selected_party_or_analyst_across_stories() {
    let mut st = state_at(people_corpus(), 120, 40, vec![Action::Open]);
    assert_eq!(st.current_story().unwrap().id, "trade-talks");
    // From the Parties pane.
    apply(&mut st, &[Action::FocusPane(Pane::Parties), Action::Who]);
    assert_eq!(st.nav.screen, Screen::Person);
    assert!(person_text(&st).starts_with("Acme Corp\nacme · 3 stories"));
    // Backspace: the story as it was.
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Story);
    assert_eq!(view(&st).pane, Pane::Parties);

    // From the Analysts pane.
    apply(&mut st, &[Action::FocusPane(Pane::Analysts), Action::Who]);
    assert!(person_text(&st).starts_with("Richard Fisher"));
    update(&mut st, Action::Back);

    // From a claims column: the second column is Richard Fisher.
    apply(
        &mut st,
        &[Action::FocusPane(Pane::Claims), Action::Right, Action::Who],
    );
    assert!(person_text(&st).starts_with("Richard Fisher"));
    update(&mut st, Action::Back);

    // From a detail, at a cross-reference to a party: the quote's speaker.
    apply(
        &mut st,
        &[Action::FocusPane(Pane::Quotes), Action::Down, Action::Open],
    );
    assert!(view(&st).focus_detail);
    let d = &view(&st).detail;
    assert!(
        link_text(d).is_some_and(|t| t.contains("Zoë Lambert")),
        "{:?}",
        link_text(d)
    );
    update(&mut st, Action::Who);
    assert!(person_text(&st).starts_with("Zoë Lambert"));
    update(&mut st, Action::Back);
    assert!(view(&st).focus_detail);

    // Nothing selected that is a person: says so.
    apply(
        &mut st,
        &[Action::Close, Action::FocusPane(Pane::Sources), Action::Who],
    );
    assert_eq!(st.nav.screen, Screen::Story);
    assert!(st
        .chrome
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("w shows")));
}

#[test]
fn t_narrows_the_timeline_to_one_person_and_t_or_esc_widens_it() {
    let corpus = people_corpus();
    let port = corpus
        .stories
        .iter()
        .position(|s| s.id == "port-deal")
        .unwrap();
    let mut st = state_at(corpus, 120, 40, vec![]);
    st.open_story(port);
    // Alibaba (the second party, with a CJK name) took part in one of two events.
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Parties),
            Action::Down,
            Action::NarrowTimeline,
        ],
    );
    let v = view(&st);
    assert_eq!(v.pane, Pane::Timeline, "t shows the narrowed timeline");
    assert_eq!(v.timeline_filter.as_ref().unwrap().events.len(), 1);
    let t = text(&st);
    assert!(t.contains("Timeline [Alibaba]"), "the shorter alias: {t}");
    assert!(
        t.contains("Alibaba's bid is rejected") && !t.contains("Deal signed"),
        "{t}"
    );
    assert!(
        t.contains("Detail") && t.contains("event · 15 Jun 2024"),
        "{t}"
    );
    // t again: every event.
    update(&mut st, Action::NarrowTimeline);
    assert!(view(&st).timeline_filter.is_none());
    assert!(text(&st).contains("Deal signed"));
    assert_eq!(view(&st).selected(), 0, "the selected event stays selected");

    // Acme: two events; the title says which and how many.
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Parties),
            Action::Top,
            Action::NarrowTimeline,
            Action::Down,
        ],
    );
    let t = text(&st);
    assert!(t.contains("Timeline [Acme]") && t.contains("2/2"), "{t}");
    assert!(t.contains("Timeline [Acme] 2/2 · Port deal signed"), "{t}");
    assert!(t.contains("event · 1 Jul 2024"), "{t}");
    // Esc widens it (before leaving for the library), keeping the event.
    update(&mut st, Action::Close);
    assert!(view(&st).timeline_filter.is_none());
    assert_eq!(st.nav.screen, Screen::Story);
    assert!(text(&st).contains("event · 1 Jul 2024"));
    update(&mut st, Action::Close);
    assert_eq!(st.nav.screen, Screen::Library);

    // From the claims matrix, and someone without events.
    st.open_story(port);
    apply(
        &mut st,
        &[
            Action::FocusPane(Pane::Claims),
            Action::Right,
            Action::Right,
            Action::NarrowTimeline,
        ],
    );
    assert_eq!(
        st.chrome.message.as_deref(),
        Some("Mei Chen took part in no event of this story")
    );
    assert!(view(&st).timeline_filter.is_none());
    apply(&mut st, &[Action::Left, Action::NarrowTimeline]);
    assert!(
        text(&st).contains("┌ Timeline [Alibaba] ─"),
        "{}",
        text(&st)
    );
    assert_eq!(view(&st).timeline_filter.as_ref().unwrap().events, [0]);
    // A followed cross-reference to an event outside the filter widens it.
    apply(
        &mut st,
        &[Action::FocusPane(Pane::Parties), Action::Top, Action::Open],
    );
    let mut found = false;
    for _ in 0..40 {
        if link_text(&view(&st).detail).is_some_and(|t| t.contains("Deal signed")) {
            found = true;
            break;
        }
        update(&mut st, Action::Down);
    }
    assert!(found, "a link to the event");
    update(&mut st, Action::Open);
    assert!(view(&st).timeline_filter.is_none());
    assert!(
        text(&st).contains("Detail of Timeline 2/2"),
        "{}",
        text(&st)
    );
}

#[test]
fn h_and_l_move_across_the_claims_matrix() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims)],
    );
    let t = text(&st);
    // Parties first in file order, then analysts; short names, cut by width.
    let header = rows(&st)
        .into_iter()
        .find(|r| r.contains("Status"))
        .unwrap();
    let order = ["the union", "Port Author…", "Mayor Ana R…"];
    let at: Vec<usize> = order.iter().map(|n| header.find(n).expect(n)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{header}");
    assert!(
        header.contains("Mayor Ana R…›│"),
        "more columns to the right: {header}"
    );
    assert!(t.contains("disputed  Automated cranes"), "{t}");
    assert!(t.contains("✓ supports   ✗ disputes   — no comment"), "{t}");
    assert!(
        t.contains("Dockworkers' Union ✓ supports the claim: “Not one job goes without a"),
        "{t}"
    );
    assert!(t.contains("1/2 · column 1/4"), "{t}");

    update(&mut st, Action::Right);
    assert_eq!(view(&st).claim_col.selected, 1);
    assert!(text(&st).contains("Port Authority ✗ disputes the claim: Says every worker will be"));
    // To the last column: the matrix scrolls sideways to the analyst.
    apply(&mut st, &[Action::Right, Action::Right, Action::Right]);
    assert_eq!(view(&st).claim_col.selected, 3, "stops at the last column");
    let header = rows(&st)
        .into_iter()
        .find(|r| r.contains("Status"))
        .unwrap();
    assert!(
        header.contains("‹") && header.contains("李伟 (Li We…"),
        "{header}"
    );
    assert!(!header.contains("the union"), "{header}");
    let t = text(&st);
    assert!(
        t.contains("李伟 (Li Wei) ± has a mixed view of the claim:") && t.contains("“自动化"),
        "{t}"
    );
    // An empty cell, in the second claim.
    update(&mut st, Action::Down);
    assert!(text(&st).contains("李伟 (Li Wei): no stance on this claim (no status)"));
    apply(
        &mut st,
        &[Action::Left, Action::Left, Action::Left, Action::Left],
    );
    assert_eq!(view(&st).claim_col.selected, 0);

    // Outside the Claims pane, h and l say what they are for.
    apply(&mut st, &[Action::FocusPane(Pane::Quotes), Action::Right]);
    assert!(st
        .chrome
        .message
        .as_deref()
        .is_some_and(|m| m.contains("claims matrix")));
    assert_eq!(view(&st).claim_col.selected, 0);
}

#[test]
fn a_click_on_a_cell_selects_its_claim_and_column() {
    let mut st = state_at(
        corpus(vec![harbor()]),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims)],
    );
    let all = rows(&st);
    let y = all
        .iter()
        .position(|r| r.contains("The cranes are"))
        .unwrap();
    let x = unicode_width::UnicodeWidthStr::width(
        &all[y - 2][..all[y - 2].find("Port Author").unwrap()],
    );
    update(
        &mut st,
        Action::Click {
            column: x as u16 + 2,
            row: y as u16,
        },
    );
    assert_eq!(view(&st).selected(), 1);
    assert_eq!(view(&st).claim_col.selected, 1);
    assert!(text(&st).contains("Port Authority: no stance on this claim"));
}

#[test]
fn thirty_columns_scroll_sideways() {
    let mut st = state_at(
        corpus(vec![many_parties(30)]),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims)],
    );
    assert!(text(&st).contains("column 1/30"));
    for _ in 0..16 {
        update(&mut st, Action::Right);
    }
    assert_eq!(view(&st).claim_col.selected, 16);
    let header = rows(&st)
        .into_iter()
        .find(|r| r.contains("Status"))
        .unwrap();
    assert!(header.contains("‹") && header.contains("›"), "{header}");
    // Names that would read the same cut at the end are cut in the middle.
    assert!(
        header.contains("‹Party…er 14 ") && header.contains("Party…er 16 ›"),
        "{header}"
    );
    assert!(text(&st).contains("column 17/30"));
    snap("matrix_30_columns", &st);
    for _ in 0..40 {
        update(&mut st, Action::Right);
    }
    assert_eq!(view(&st).claim_col.selected, 29);
    let header = rows(&st)
        .into_iter()
        .find(|r| r.contains("Status"))
        .unwrap();
    assert!(header.contains("‹") && !header.contains("›"), "{header}");
}

#[test]
fn the_matrix_reads_without_colour() {
    let st = state_at(
        corpus(vec![harbor()]),
        100,
        30,
        vec![Action::FocusPane(Pane::Claims)],
    );
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
    ui::render(&st, &Theme::default().with_color(false), buf.area, &mut buf);
    assert!(buf
        .content
        .iter()
        .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
    let t = buffer_rows(&buf).join("\n");
    for cell in ["✓ supports", "✗ disputes", "— no comment", "± mixed"] {
        assert!(t.contains(cell), "{cell} in:\n{t}");
    }
}

#[test]
fn snapshots_of_the_matrix() {
    for (w, h) in [(120, 40), (40, 12)] {
        let st = state_at(
            corpus(vec![harbor()]),
            w,
            h,
            vec![Action::FocusPane(Pane::Claims), Action::Right],
        );
        snap("matrix", &st);
    }
    let st = state_at(
        corpus(vec![many_parties(30)]),
        40,
        12,
        vec![Action::FocusPane(Pane::Claims), Action::Right],
    );
    snap("matrix_30_columns", &st);
}

#[test]
fn snapshots_of_the_people_screens() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut st = state_at(people_corpus(), w, h, vec![Action::People]);
        snap("people", &st);
        select_entity(&mut st, "acme");
        update(&mut st, Action::Open);
        snap("person", &st);
    }
}

#[test]
fn the_people_screens_draw_at_any_size() {
    let mut people = State::new(people_corpus());
    update(&mut people, Action::People);
    let mut person = people.clone();
    update(&mut person, Action::Open);
    let mut narrowed = State::new(people_corpus());
    apply(
        &mut narrowed,
        &[
            Action::Open,
            Action::FocusPane(Pane::Parties),
            Action::NarrowTimeline,
        ],
    );
    let empty = {
        let mut st = State::new(corpus(vec![]));
        update(&mut st, Action::People);
        st
    };
    for st in [people, person, narrowed, empty] {
        for (w, h) in [
            (0, 0),
            (1, 1),
            (2, 2),
            (3, 3),
            (1, 40),
            (200, 1),
            (13, 9),
            (40, 12),
        ] {
            let mut st = st.clone();
            update(
                &mut st,
                Action::Resize {
                    width: w,
                    height: h,
                },
            );
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            ui::render(&st, &Theme::default(), buf.area, &mut buf);
            for a in [
                Action::Down,
                Action::Open,
                Action::Right,
                Action::Who,
                Action::NarrowTimeline,
                Action::Back,
                Action::People,
            ] {
                update(&mut st, a);
                ui::render(&st, &Theme::default(), buf.area, &mut buf);
            }
        }
    }
    // The Claims pane alone, at tiny sizes, with columns scrolled.
    let story = many_parties(30);
    let mut st = State::new(corpus(vec![story.clone()]));
    apply(&mut st, &[Action::FocusPane(Pane::Claims), Action::Right]);
    let view = st.view.clone().unwrap();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (5, 4),
        (16, 5),
        (30, 8),
    ] {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        ui::render_pane(
            &Theme::default(),
            &story,
            &view,
            Pane::Claims,
            &Default::default(),
            buf.area,
            &mut buf,
        );
    }
}

#[test]
fn the_empty_corpus_has_an_empty_people_screen() {
    let mut st = state_at(corpus(vec![]), 80, 24, vec![Action::People]);
    assert_eq!(st.nav.screen, Screen::People);
    assert!(text(&st).contains("No party or analyst is loaded"));
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::People);
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Empty);
}

#[test]
fn the_keys_and_the_help_name_p_w_t_h_and_l() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use storyx::app::keymap::Keymap;
    let keys = Keymap::default();
    let press = |code| keys.action_for(&KeyEvent::new(code, KeyModifiers::NONE));
    assert!(matches!(press(KeyCode::Char('p')), Some(Action::People)));
    assert!(matches!(press(KeyCode::Char('w')), Some(Action::Who)));
    assert!(matches!(
        press(KeyCode::Char('t')),
        Some(Action::NarrowTimeline)
    ));
    assert!(matches!(press(KeyCode::Char('h')), Some(Action::Left)));
    assert!(matches!(press(KeyCode::Left), Some(Action::Left)));
    assert!(matches!(press(KeyCode::Char('l')), Some(Action::Right)));
    assert!(matches!(press(KeyCode::Right), Some(Action::Right)));
    let help: Vec<String> = ui::help::lines(&Theme::default(), &keys, 100)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    let help = help.join("\n");
    for needle in [
        "People across stories",
        "  p           every party and analyst across the stories",
        "  w           the selected party or analyst, or the claim (left of the parties), across every story",
        "  t           timeline: the selected one's events only (this key again or the close key: all)",
        "  h ←         claims matrix: the column to the left",
        "  l →         claims matrix: the column to the right",
    ] {
        assert!(help.contains(needle), "{needle:?} in:\n{help}");
    }
}
