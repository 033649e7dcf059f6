//! The cross-story view of one claim (`w` on the claim itself in the Claims pane):
//! where the stories that carry it differ, side by side, then each story with its
//! outlets and the claim as that story's detail gives it, every line that names an
//! item a cross-reference into that story. Enter follows one; Backspace comes back.

use crate::claims::{self, SharedClaim};
use crate::corpus::Corpus;
use crate::sanitize::sanitize_line;
use crate::view::people as geometry;

use super::action::{Action, Pane};
use super::detail::{self, BlockStyle, Doc, Target};
use super::people::{follow_target, go_back, push_return, story_heading};
use super::state::{DetailView, Screen, State};
use super::update::detail_movement;

/// The claim the cross-story view shows.
#[derive(Debug, Clone, Default)]
pub struct ClaimView {
    /// The claim's id and the story it was opened from (a format-1 claim is found
    /// in that story only).
    pub claim: Option<(String, usize)>,
    /// The view, wrapped for its width.
    pub detail: DetailView,
}

/// The claim with this id as seen from story `story`: joined across the format-2
/// stories, or the story's own claim.
pub fn find<'a>(corpus: &'a Corpus, id: &str, story: usize) -> Option<SharedClaim<'a>> {
    let s = corpus.stories.get(story)?;
    let ci = s.claims.iter().position(|c| c.id == id)?;
    match corpus.claim(id).filter(|_| s.format >= 2) {
        Some(shared) => Some(SharedClaim {
            id: &s.claims[ci].id,
            appearances: shared.appearances.clone(),
        }),
        None => Some(SharedClaim {
            id: &s.claims[ci].id,
            appearances: vec![(story, ci)],
        }),
    }
}

/// The claim across the stories that carry it.
pub fn claim_doc(corpus: &Corpus, c: &SharedClaim<'_>) -> Doc {
    let mut doc = Doc::default();
    let versions = c.claims(corpus);
    doc.push(
        BlockStyle::Title,
        format!("Claim {}", sanitize_line(c.id)),
        0,
    );
    doc.push(
        BlockStyle::Meta,
        format!(
            "in {} stor{}",
            versions.len(),
            if versions.len() == 1 { "y" } else { "ies" }
        ),
        0,
    );
    let side = claims::side_by_side(corpus, c);
    if !side.is_empty() {
        doc.heading("Side by side");
        for l in side {
            doc.push(BlockStyle::Text, sanitize_line(&l).into_owned(), 2);
        }
    }
    for (si, ci) in c.appearances.iter().copied() {
        let Some(story) = corpus.stories.get(si) else {
            continue;
        };
        story_heading(&mut doc, story);
        let outlets = claims::outlets(story);
        if !outlets.is_empty() {
            doc.push(
                BlockStyle::Meta,
                sanitize_line(&format!("Outlets: {}", outlets.join(", "))).into_owned(),
                2,
            );
        }
        doc.link(
            "the claim in this story".to_string(),
            Some(Target {
                story: si,
                pane: Pane::Claims,
                index: ci,
            }),
            2,
        );
        // The story's own detail of the claim, indented, its links into that story.
        let own = detail::build(story, si, Pane::Claims, ci);
        let first_link = doc.links.len();
        doc.links.extend(own.links);
        for mut b in own.blocks {
            b.indent += 4;
            b.link = b.link.map(|l| l + first_link);
            doc.blocks.push(b);
        }
    }
    doc
}

/// `w` on the claim itself: the claim across stories.
pub(crate) fn open(state: &mut State, id: &str, story: usize) {
    let Some(c) = find(&state.corpus, id, story) else {
        return;
    };
    let doc = claim_doc(&state.corpus, &c);
    push_return(state);
    show(state, id.to_string(), story, doc);
}

fn show(state: &mut State, id: String, story: usize, doc: Doc) {
    state.claim.claim = Some((id, story));
    state.claim.detail.set_doc(doc);
    state.nav.screen = Screen::Claim;
    state.settle();
    let rows = geometry::detail_rows(state.area());
    state.claim.detail.cursor_to_first_link(rows);
}

/// Keys on the claim view.
pub(crate) fn screen(state: &mut State, action: Action) {
    let page = state.page();
    if detail_movement(&mut state.claim.detail, &action, page) {
        return;
    }
    match action {
        Action::Open => {
            let d = &state.claim.detail;
            let target = d.link_at_cursor().and_then(|l| d.doc.links.get(l).copied());
            follow_target(state, target);
        }
        Action::Back | Action::Close if !go_back(state) => {
            state.nav.screen = if state.view.is_some() {
                Screen::Story
            } else {
                Screen::Library
            }
        }
        _ => {}
    }
}

/// Keeps the view laid out for the screen.
pub(crate) fn settle(state: &mut State) {
    if state.claim.claim.is_none() {
        if state.nav.screen == Screen::Claim {
            state.nav.screen = Screen::Library;
        }
        return;
    }
    let (width, height) = geometry::detail_size(state.area());
    if width > 0 {
        state.claim.detail.lay_out(width);
    }
    state.claim.detail.settle(usize::from(height));
}

/// A new corpus: the same claim by id in the same story, or none.
pub(crate) fn loaded(state: &mut State, story_id: Option<String>) {
    let Some((id, _)) = state.claim.claim.take() else {
        return;
    };
    let story = story_id.and_then(|s| state.corpus.stories.iter().position(|x| x.id == s));
    let Some(story) = story else {
        return;
    };
    if let Some(c) = find(&state.corpus, &id, story) {
        let doc = claim_doc(&state.corpus, &c);
        let (cursor, scroll) = (state.claim.detail.cursor, state.claim.detail.scroll);
        state.claim.detail.set_doc(doc);
        state.claim.detail.cursor = cursor;
        state.claim.detail.scroll = scroll;
        state.claim.claim = Some((id, story));
    }
}

/// Whose claim view title: "memo-allegation across 2 stories".
pub fn title(state: &State) -> (String, usize) {
    match &state.claim.claim {
        Some((id, story)) => {
            let n = find(&state.corpus, id, *story).map_or(0, |c| c.appearances.len());
            (id.clone(), n)
        }
        None => (String::new(), 0),
    }
}
