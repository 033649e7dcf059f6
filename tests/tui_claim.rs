//! A claim across stories in the explorer (issue 14): the Claims pane's column
//! cursor has a first stop on the claim itself (h from the first party column),
//! `w` there opens the claim across the stories that carry it, with → links into
//! each story and Backspace back; the matrix shows each stance now and marks a
//! changed one; a party's detail and its cross-story view gather its spokespeople's
//! words. Update logic without a terminal, and insta snapshots of what is drawn.

mod tui_common;

use std::path::PathBuf;

use storyx::app::{update, Action, Pane, Screen, State};
use storyx::corpus::Corpus;
use tui_common::*;

fn load(files: &[&str]) -> Corpus {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = files.iter().map(|f| root.join(f)).collect();
    let corpus = storyx::corpus::load::load_paths(&paths, &Default::default());
    assert!(
        corpus.errors().next().is_none(),
        "{:#?}",
        corpus.diagnostics
    );
    corpus
}

const REUTERS: &str = "tests/fixtures/format2/reuters-alibaba-memo.yaml";
const BUNDLED: &str = "stories/alibaba-military-allegations.yaml";
const HISTORY: &str = "tests/fixtures/format2/council-history.yaml";

fn two_stories() -> Corpus {
    load(&[REUTERS, BUNDLED])
}

fn apply(st: &mut State, actions: &[Action]) {
    for a in actions {
        update(st, a.clone());
    }
}

fn snap(name: &str, st: &State) {
    let (w, h) = st.chrome.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(st));
}

/// The Reuters story open on its Claims pane.
fn on_claims(w: u16, h: u16) -> State {
    state_at(
        two_stories(),
        w,
        h,
        vec![Action::Open, Action::FocusPane(Pane::Claims)],
    )
}

fn doc_text(d: &storyx::app::state::DetailView) -> String {
    d.doc
        .blocks
        .iter()
        .map(|b| b.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

fn link_text(d: &storyx::app::state::DetailView) -> Option<String> {
    let line = d.lines.get(d.cursor)?;
    let block = &d.doc.blocks[line.block];
    block.link.map(|_| block.text.clone())
}

#[test]
fn h_from_the_first_column_stops_on_the_claim_and_l_leaves_it() {
    let mut st = on_claims(120, 40);
    let story = &st.corpus.stories[st.view.as_ref().unwrap().story];
    assert_eq!(story.id, "reuters-alibaba-memo");
    let v = st.view.as_ref().unwrap();
    assert!(!v.claim_stop, "the cursor starts on the first party column");
    assert!(text(&st).contains("1/1 · column 1/3"), "{}", text(&st));
    update(&mut st, Action::Left);
    let v = st.view.as_ref().unwrap();
    assert!(v.claim_stop);
    assert_eq!(v.claim_col.selected, 0);
    let t = text(&st);
    assert!(t.contains("1/1 · the claim"), "{t}");
    assert!(
        t.contains("Claim, alleged (w: across stories): Alibaba provides technological"),
        "{t}"
    );
    // h again stays there; l goes back to the first party column.
    update(&mut st, Action::Left);
    assert!(st.view.as_ref().unwrap().claim_stop);
    update(&mut st, Action::Right);
    let v = st.view.as_ref().unwrap();
    assert!(!v.claim_stop);
    assert_eq!(v.claim_col.selected, 0);
    assert!(
        text(&st).contains("White House ✓ supports"),
        "{}",
        text(&st)
    );
    // On a party column, w still opens the party across stories.
    update(&mut st, Action::Who);
    assert_eq!(st.nav.screen, Screen::Person);
}

#[test]
fn w_on_the_claim_shows_it_across_stories_with_links_and_backspace_back() {
    let mut st = on_claims(120, 40);
    apply(&mut st, &[Action::Left, Action::Who]);
    assert_eq!(st.nav.screen, Screen::Claim);
    let t = doc_text(&st.claim.detail);
    for want in [
        "Claim memo-allegation",
        "in 2 stories",
        "Side by side",
        "status: alleged (reuters-alibaba-memo) | alleged (alibaba-military-allegations)",
        "White House: supports (reuters-alibaba-memo) | no comment (alibaba-military-allegations)",
        "Washington accuses Alibaba of aiding Chinese military operations, FT says citing White House memo · 14 Nov 2025",
        "Outlets: Reuters, Financial Times",
        "Claimed: Alibaba provides technological support",
        "Claimed: Alibaba provided technological support",
        // The embassy's stance cites its spokesperson's words, quoted.
        "“Without valid evidence, the US jumped",
    ] {
        assert!(t.contains(want), "lacks {want:?}:\n{t}");
    }
    // The White House declined: reported, never in quotation marks.
    assert!(!t.contains("“declined"), "{t}");
    let screen_text = text(&st);
    assert!(
        screen_text.contains("memo-allegation across 2 stories"),
        "{screen_text}"
    );
    assert!(
        screen_text.contains("Claim › memo-allegation"),
        "{screen_text}"
    );
    // The cursor starts on the first link: the claim in the first story.
    assert_eq!(
        link_text(&st.claim.detail).as_deref(),
        Some("the claim in this story")
    );
    // Down to the second story's claim, and Enter: that story, at its claim.
    update(&mut st, Action::Down);
    while link_text(&st.claim.detail).as_deref() != Some("the claim in this story") {
        update(&mut st, Action::Down);
    }
    update(&mut st, Action::Open);
    assert_eq!(st.nav.screen, Screen::Story);
    let v = st.view.as_ref().unwrap();
    assert_eq!(
        st.corpus.stories[v.story].id,
        "alibaba-military-allegations"
    );
    assert_eq!(v.pane, Pane::Claims);
    assert_eq!(v.lists[Pane::Claims.index()].selected, 0);
    assert!(v.focus_detail);
    // Backspace: the claim view as it was, then the story it was opened from.
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Claim);
    assert_eq!(
        link_text(&st.claim.detail).as_deref(),
        Some("the claim in this story")
    );
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Story);
    let v = st.view.as_ref().unwrap();
    assert_eq!(st.corpus.stories[v.story].id, "reuters-alibaba-memo");
    assert!(v.claim_stop, "back on the claim stop");
}

#[test]
fn a_claim_nobody_took_a_stance_on_is_its_own_stop() {
    // The bundled story's second claim has a stance; a story of a claim with no
    // stance at all has no party column: w opens the claim directly.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alone.yaml");
    std::fs::write(
        &file,
        "format: 2\nid: alone\ntitle: Alone\nclaims:\n  - id: lonely\n    text: Nobody answers.\n",
    )
    .unwrap();
    let corpus = storyx::corpus::load::load_paths(&[file], &Default::default());
    let mut st = state_at(corpus, 80, 24, vec![Action::FocusPane(Pane::Claims)]);
    update(&mut st, Action::Who);
    assert_eq!(st.nav.screen, Screen::Claim);
    assert!(doc_text(&st.claim.detail).contains("in 1 story"));
    update(&mut st, Action::Back);
    assert_eq!(st.nav.screen, Screen::Story);
}

#[test]
fn the_matrix_shows_the_stance_now_and_marks_a_changed_one() {
    let corpus = load(&[HISTORY]);
    let story = corpus.stories[0].clone();
    let (ci, claim) = story
        .claims
        .iter()
        .enumerate()
        .find(|(_, c)| {
            c.stances
                .iter()
                .any(|s| c.stances.iter().filter(|x| x.by == s.by).count() > 1)
        })
        .expect("the fixture has a stance history");
    let now = claim
        .current_stances()
        .into_iter()
        .find(|s| claim.history(&s.by).len() > 1)
        .unwrap();
    let mut st = state_at(
        corpus.clone(),
        120,
        40,
        vec![Action::FocusPane(Pane::Claims)],
    );
    for _ in 0..ci {
        update(&mut st, Action::Down);
    }
    let columns = storyx::view::matrix::columns(&story);
    let col = columns.iter().position(|c| c.id == now.by).unwrap();
    for _ in 0..col {
        update(&mut st, Action::Right);
    }
    let t = text(&st);
    let word = storyx::wording::stance_word(now.stance);
    let glyph = storyx::wording::stance_glyph(now.stance);
    assert!(
        t.contains(&format!("{glyph}*{word}")),
        "the stance now, marked changed:\n{t}"
    );
    // Under the matrix: the history in order, oldest first after the stance now,
    // read as English as in the detail and every output.
    let history = claim.history(&now.by);
    let earlier: Vec<String> = history[..history.len() - 1]
        .iter()
        .map(|s| {
            format!(
                "{} ({})",
                storyx::wording::stance_phrase(s.stance),
                s.date.as_ref().unwrap()
            )
        })
        .collect();
    let mut want = vec![
        format!(
            "{glyph} {} (since {});",
            storyx::wording::stance_phrase(now.stance),
            now.date.as_ref().unwrap()
        ),
        "earlier:".to_string(),
    ];
    want.extend(earlier);
    let mut from = 0;
    for w in &want {
        let at = t[from..]
            .find(w.as_str())
            .unwrap_or_else(|| panic!("lacks {w:?} (in order):\n{t}"));
        from += at + w.len();
    }
    // The claim's detail has the same history.
    apply(&mut st, &[Action::Open]);
    let d = doc_text(&st.view.as_ref().unwrap().detail);
    let phrase = storyx::wording::stance_phrase(now.stance);
    assert!(
        d.contains(&format!("{phrase} (since {}", now.date.as_ref().unwrap())),
        "{d}"
    );
}

#[test]
fn a_partys_views_gather_its_spokespeoples_words() {
    let corpus = load(&[REUTERS]);
    let story = &corpus.stories[0];
    let embassy = story
        .parties
        .iter()
        .position(|p| p.id == "chinese-embassy-washington")
        .unwrap();
    let mut st = state_at(
        corpus.clone(),
        120,
        40,
        vec![Action::FocusPane(Pane::Parties)],
    );
    for _ in 0..embassy {
        update(&mut st, Action::Down);
    }
    let d = doc_text(&st.view.as_ref().unwrap().detail);
    assert!(d.contains("Said by spokespeople (1)"), "{d}");
    assert!(
        d.contains(
            "Liu Pengyu (spokesperson, Chinese Embassy in Washington): “Without valid evidence"
        ),
        "{d}"
    );
    // w: across stories, the same words, marked with the speaker.
    update(&mut st, Action::Who);
    assert_eq!(st.nav.screen, Screen::Person);
    let p = doc_text(&st.people.detail);
    assert!(p.contains("Said by spokespeople (1)"), "{p}");
    assert!(
        p.contains(
            "Liu Pengyu (spokesperson, Chinese Embassy in Washington): “Without valid evidence"
        ),
        "{p}"
    );
    // The People list counts them with the party's quotes: its own and Liu's.
    apply(&mut st, &[Action::People]);
    let e = st
        .corpus
        .entity_position("chinese-embassy-washington")
        .unwrap();
    assert_eq!(
        storyx::app::people::counts_label(&st.corpus, e),
        "1 story · 2 quotes · 1 stance"
    );
}

#[test]
fn snapshots_of_the_claim_stop_and_the_claim_across_stories() {
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut st = on_claims(w, h);
        update(&mut st, Action::Left);
        snap("claim_stop", &st);
        update(&mut st, Action::Who);
        snap("claim_across", &st);
    }
}
