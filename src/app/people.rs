//! The People screens: every party and analyst across the corpus (the People
//! list, `p`) and the cross-story view of one of them (Enter there, or `w` on a
//! party or analyst in a story): everything they said and did in every story,
//! each line that names a story item a cross-reference into that story.
//! Also `t`, which narrows a story's timeline to one of them, and the returns
//! that Backspace follows between these screens and the stories.

use ratatui::layout::Position;

use crate::corpus::{Corpus, Role};
use crate::people::{appearances, counts};
use crate::sanitize::{sanitize, sanitize_line};
use crate::story::{Speaker, Story};
use crate::view::text::label;

use super::action::{Action, Pane};
use super::detail::{event_label, own_label, said_label};
use super::detail::{Block, BlockStyle, Doc, Target};
use super::filter::{PaneFilter, RowFilter};
use super::people_filter;
use super::state::{DetailView, ListPos, Screen, State, StoryView, TimelineFilter};
use super::update::{detail_movement, detail_rows, movement};
use crate::view::matrix;
use crate::view::people as geometry;
use crate::view::words::status_word;
use crate::wording::stance_phrase;

/// Longest text of one cross-reference, in characters.
const LINK_CHARS: usize = 160;
/// Places Backspace can go back to, at most (the oldest are dropped).
const MAX_RETURNS: usize = 64;

/// The People list and the cross-story view.
#[derive(Debug, Clone, Default)]
pub struct PeopleView {
    /// The selected entity of the People list (an index into `corpus.entities`).
    pub list: ListPos,
    /// The entity the cross-story view shows.
    pub person: Option<usize>,
    /// The cross-story view, wrapped for its width.
    pub detail: DetailView,
    /// The People list narrowed by `f` (rows: entity indexes).
    pub list_filter: Option<PaneFilter>,
    /// A person's page narrowed by `f` (rows: its → lines kept).
    pub page_filter: Option<RowFilter>,
}

/// A place Backspace goes back to.
#[derive(Debug, Clone)]
pub enum Return {
    /// A screen that keeps its own place: the library, the problems, the People list.
    Screen(Screen),
    /// A story as it was: panes, detail and its own history.
    Story(Box<StoryView>),
    /// The cross-story view of an entity, scrolled as it was.
    Person { entity: usize, detail: DetailView },
    /// The cross-story view of a claim (its id, the story it was opened from).
    Claim {
        claim: (String, usize),
        detail: DetailView,
    },
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "2 stories · 3 quotes · 1 stance".
pub fn counts_label(corpus: &Corpus, entity: usize) -> String {
    let Some(e) = corpus.entities.get(entity) else {
        return String::new();
    };
    let (s, q, st) = counts(corpus, e);
    format!(
        "{} · {} · {}",
        plural(s, "story", "stories"),
        plural(q, "quote", "quotes"),
        plural(st, "stance", "stances")
    )
}

/// Where an item sits in its list, found by address (the appearances hold references).
fn position_of<T>(items: &[T], item: &T) -> usize {
    items
        .iter()
        .position(|x| std::ptr::eq(x, item))
        .unwrap_or(usize::MAX)
}

fn name(story: &Story, id: &str) -> String {
    sanitize_line(story.name_of(id)).into_owned()
}

/// "Label: text" with the label in bold.
fn labelled(doc: &mut Doc, name: &str, raw: &str, indent: u16) {
    doc.blocks.push(Block {
        style: BlockStyle::Text,
        text: format!("{name}: {}", sanitize(raw)),
        label: name.len() + 1,
        indent,
        link: None,
    });
}

/// A story's part of a cross-story view starts with its title and date.
pub(crate) fn story_heading(doc: &mut Doc, story: &Story) {
    doc.blank();
    let date = story
        .date
        .as_ref()
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    doc.push(
        BlockStyle::Heading,
        format!("{}{date}", sanitize_line(&story.title)),
        0,
    );
}

/// Everything one entity said and did, story by story: the cross-story view.
pub fn person_doc(corpus: &Corpus, entity: usize) -> Doc {
    let mut doc = Doc::default();
    let Some(e) = corpus.entities.get(entity) else {
        doc.push(BlockStyle::Note, "Nobody is selected.", 0);
        return doc;
    };
    doc.push(BlockStyle::Title, sanitize_line(&e.name).into_owned(), 0);
    doc.push(
        BlockStyle::Meta,
        format!(
            "{} · {}",
            sanitize_line(&e.id),
            counts_label(corpus, entity)
        ),
        0,
    );
    for a in appearances(corpus, e) {
        let story = a.story;
        let si = a.story_index;
        let at = |pane: Pane, index: usize| {
            Some(Target {
                story: si,
                pane,
                index,
            })
        };
        story_heading(&mut doc, story);
        match a.role {
            Role::Party => {
                if let Some(pi) = story.parties.iter().position(|p| p.id == e.id) {
                    let p = &story.parties[pi];
                    let mut what = format!("party · {}", p.kind);
                    if p.name != e.name {
                        what.push_str(&format!(" · as {}", sanitize_line(&p.name)));
                    }
                    doc.link(what, at(Pane::Parties, pi), 2);
                    match &p.position {
                        Some(pos) => labelled(&mut doc, "Position", pos, 4),
                        None => doc.push(BlockStyle::Note, "No position given.", 4),
                    }
                }
            }
            Role::Analyst => {
                if let Some(ai) = story.analysts.iter().position(|x| x.id == e.id) {
                    let x = &story.analysts[ai];
                    let about: Vec<String> = [&x.role, &x.affiliation]
                        .into_iter()
                        .flatten()
                        .map(|s| sanitize_line(s).into_owned())
                        .collect();
                    let mut what = String::from("analyst");
                    if !about.is_empty() {
                        what.push_str(&format!(" · {}", about.join(", ")));
                    }
                    if x.name != e.name {
                        what.push_str(&format!(" · as {}", sanitize_line(&x.name)));
                    }
                    doc.link(what, at(Pane::Analysts, ai), 2);
                    match &x.view {
                        Some(v) => labelled(&mut doc, "View", v, 4),
                        None => doc.push(BlockStyle::Note, "No view given.", 4),
                    }
                }
            }
        }
        if !a.quotes.is_empty() {
            doc.push(BlockStyle::Title, format!("Said ({})", a.quotes.len()), 2);
            for q in &a.quotes {
                let mut text = own_label(story, q, LINK_CHARS);
                if let Some(d) = &q.date {
                    text.push_str(&format!(" · {}", sanitize_line(&d.to_string())));
                }
                doc.link(text, at(Pane::Quotes, position_of(&story.quotes, q)), 4);
            }
        }
        if !a.spokespeople.is_empty() {
            doc.push(
                BlockStyle::Title,
                format!("Said by spokespeople ({})", a.spokespeople.len()),
                2,
            );
            for q in &a.spokespeople {
                let mut text = said_label(story, q, LINK_CHARS);
                if let Some(d) = &q.date {
                    text.push_str(&format!(" · {}", sanitize_line(&d.to_string())));
                }
                doc.link(text, at(Pane::Quotes, position_of(&story.quotes, q)), 4);
            }
        }
        if !a.relayed.is_empty() {
            doc.push(
                BlockStyle::Title,
                format!("Relayed ({})", a.relayed.len()),
                2,
            );
            for q in &a.relayed {
                let text = said_label(story, q, LINK_CHARS);
                doc.link(text, at(Pane::Quotes, position_of(&story.quotes, q)), 4);
            }
        }
        // A history shows once, at the stance now, with its dates and what it was.
        let now: Vec<_> = a
            .stances
            .iter()
            .filter(|(c, s)| c.current_stances().iter().any(|n| std::ptr::eq(*n, *s)))
            .collect();
        if !now.is_empty() {
            doc.push(BlockStyle::Title, format!("Stances ({})", now.len()), 2);
            for (c, s) in now {
                let text = format!(
                    "{} {} ({}): {}",
                    matrix::glyph(s.stance),
                    sanitize_line(&crate::export::plain::stance_when(c, s, stance_phrase)),
                    status_word(c.status),
                    label(&c.text, LINK_CHARS)
                );
                doc.link(text, at(Pane::Claims, position_of(&story.claims, *c)), 4);
                if let Some(note) = &s.note {
                    doc.push(BlockStyle::Note, sanitize(note).into_owned(), 6);
                }
            }
        }
        if !a.events.is_empty() {
            doc.push(BlockStyle::Title, format!("Events ({})", a.events.len()), 2);
            for ev in &a.events {
                let ei = position_of(&story.timeline, *ev);
                let text = if ei < story.timeline.len() {
                    event_label(story, ei)
                } else {
                    label(&ev.title, LINK_CHARS)
                };
                doc.link(text, at(Pane::Timeline, ei), 4);
            }
        }
    }
    doc
}

/// The id of the party or analyst selected in the open story: the one under
/// the detail cursor, else the selected row of the Parties or Analysts pane,
/// else the selected column of the claims matrix.
pub fn selected_person(state: &State) -> Option<String> {
    let view = state.view.as_ref()?;
    let story = state.corpus.stories.get(view.story)?;
    let id_of = |pane: Pane, index: usize| match pane {
        Pane::Parties => story.parties.get(index).map(|p| p.id.to_string()),
        Pane::Analysts => story.analysts.get(index).map(|a| a.id.to_string()),
        _ => None,
    };
    if view.focus_detail {
        let link = view.detail.link_at_cursor();
        if let Some(t) = link.and_then(|l| view.detail.doc.links.get(l)) {
            if let Some(id) = id_of(t.pane, t.index) {
                return Some(id);
            }
        }
    }
    match view.pane {
        Pane::Parties | Pane::Analysts => id_of(view.pane, view.selected()),
        Pane::Claims if view.on_claim(story) => None,
        Pane::Claims => matrix::columns(story)
            .get(view.claim_col.selected)
            .map(|c| c.id.to_string()),
        _ => None,
    }
}

/// The claim under the Claims pane's column cursor when it stands on the claim
/// itself (or the matrix has no party column): its id and the open story.
pub fn selected_claim(state: &State) -> Option<(String, usize)> {
    let view = state.view.as_ref()?;
    let story = state.corpus.stories.get(view.story)?;
    if view.focus_detail || view.pane != Pane::Claims || !view.on_claim(story) {
        return None;
    }
    let c = story
        .claims
        .get(view.lists[Pane::Claims.index()].selected)?;
    Some((c.id.to_string(), view.story))
}

/// Remembers where the user is, for Backspace.
pub(crate) fn push_return(state: &mut State) {
    let r = match (state.nav.screen, &state.view, state.people.person) {
        (Screen::Story, Some(v), _) => Return::Story(Box::new(v.clone())),
        (Screen::Person, _, Some(entity)) => Return::Person {
            entity,
            detail: state.people.detail.clone(),
        },
        (Screen::Claim, _, _) if state.claim.claim.is_some() => Return::Claim {
            claim: state.claim.claim.clone().unwrap_or_default(),
            detail: state.claim.detail.clone(),
        },
        (screen, _, _) => Return::Screen(screen),
    };
    if state.nav.returns.len() >= MAX_RETURNS {
        state.nav.returns.remove(0);
    }
    state.nav.returns.push(r);
}

/// Goes back to the last remembered place that still exists; false if none.
pub(crate) fn go_back(state: &mut State) -> bool {
    while let Some(r) = state.nav.returns.pop() {
        match r {
            Return::Screen(Screen::Story | Screen::Person | Screen::Claim) => {}
            Return::Screen(screen) => {
                state.nav.screen = screen;
                return true;
            }
            Return::Story(view) if view.story < state.corpus.stories.len() => {
                if let Some(row) = state.library_row_of(view.story) {
                    state.library.list.selected = row;
                }
                state.view = Some(*view);
                state.nav.screen = Screen::Story;
                return true;
            }
            Return::Person { entity, detail } if entity < state.corpus.entities.len() => {
                state.people.person = Some(entity);
                state.people.list.selected = entity;
                state.people.detail = detail;
                state.nav.screen = Screen::Person;
                return true;
            }
            Return::Claim { claim, detail } if claim.1 < state.corpus.stories.len() => {
                state.claim.claim = Some(claim);
                state.claim.detail = detail;
                state.nav.screen = Screen::Claim;
                return true;
            }
            _ => {}
        }
    }
    false
}

/// `p`: the People list, or back from it.
pub(crate) fn toggle(state: &mut State) {
    if state.nav.screen == Screen::People {
        leave_list(state);
    } else {
        push_return(state);
        state.nav.screen = Screen::People;
    }
}

fn leave_list(state: &mut State) {
    if !go_back(state) {
        state.nav.screen = if state.view.is_some() {
            Screen::Story
        } else if state.has_library() {
            Screen::Library
        } else {
            Screen::Empty
        };
    }
}

/// Shows the cross-story view of entity `entity`, the cursor on its first
/// cross-reference.
pub(crate) fn open_person(state: &mut State, entity: usize) {
    if entity >= state.corpus.entities.len() {
        return;
    }
    state.people.person = Some(entity);
    if state
        .people
        .list_filter
        .as_ref()
        .is_some_and(|f| !f.keeps(entity))
    {
        state.people.list_filter = None;
    }
    state.people.list.selected = entity;
    let doc = people_filter::page_doc(state, entity);
    state.people.detail.set_doc(doc);
    state.nav.screen = Screen::Person;
    state.settle();
    let rows = geometry::detail_rows(state.area());
    state.people.detail.cursor_to_first_link(rows);
}

/// `w` in a story: the cross-story view of the selected party or analyst, or of
/// the claim when the Claims pane's column cursor is on the claim itself.
pub(crate) fn who(state: &mut State) {
    if let Some((id, story)) = selected_claim(state) {
        return super::claim_view::open(state, &id, story);
    }
    match selected_person(state).and_then(|id| state.corpus.entity_position(&id)) {
        Some(e) => {
            push_return(state);
            open_person(state, e);
        }
        None => {
            state.chrome.message = Some(select_first(
                state,
                |a| matches!(a, Action::Who),
                "shows a party or analyst across stories",
            ))
        }
    }
}

/// Shows every event again, keeping the selected one.
pub(crate) fn widen_timeline(view: &mut StoryView) {
    let row = view.lists[Pane::Timeline.index()].selected;
    let item = view.item(Pane::Timeline, row);
    view.timeline_filter = None;
    if item != usize::MAX {
        view.lists[Pane::Timeline.index()].selected = item;
    }
}

/// `t`: narrows the timeline to the selected party's or analyst's events, or
/// shows every event again.
pub(crate) fn narrow_timeline(state: &mut State) {
    let person = selected_person(state);
    let Some(view) = state.view.as_mut() else {
        return;
    };
    let Some(story) = state.corpus.stories.get(view.story) else {
        return;
    };
    let current = view.timeline_filter.as_ref().map(|f| f.id.clone());
    match person {
        Some(id) if current.as_deref() != Some(id.as_str()) => {
            let events: Vec<usize> = (0..story.timeline.len())
                .filter(|&i| story.timeline[i].involves.iter().any(|x| *x == id))
                .collect();
            let name = name(story, &id);
            let short = match story.speaker(&id) {
                Some(Speaker::Party(p)) => crate::view::claims::short_name(&p.name, &p.aliases, 16),
                _ => crate::view::claims::short_name(story.name_of(&id), &[], 16),
            };
            if events.is_empty() {
                state.chrome.message = Some(format!("{name} took part in no event of this story"));
                return;
            }
            let pos = &mut view.lists[Pane::Timeline.index()];
            let keep = pos.selected;
            let keep = match &view.timeline_filter {
                Some(f) => f.events.get(keep).copied().unwrap_or(usize::MAX),
                None => keep,
            };
            *pos = ListPos {
                selected: events.iter().position(|&e| e == keep).unwrap_or(0),
                offset: 0,
            };
            let keys = &state.chrome.keys;
            let again: Vec<String> = [
                keys.first_key(|a| matches!(a, Action::NarrowTimeline)),
                keys.first_key(|a| matches!(a, Action::Close)),
            ]
            .into_iter()
            .flatten()
            .collect();
            let how = if again.is_empty() {
                String::new()
            } else {
                format!("; {} shows every event", again.join(" or "))
            };
            state.chrome.message = Some(format!(
                "Timeline: the {} event{} of {name}{how}",
                events.len(),
                if events.len() == 1 { "" } else { "s" }
            ));
            // One narrowing at a time: `t` replaces an `f` filter of the timeline.
            view.filters[Pane::Timeline.index()] = None;
            view.timeline_filter = Some(TimelineFilter { id, short, events });
            view.pane = Pane::Timeline;
            view.focus_detail = false;
        }
        _ if current.is_some() => {
            widen_timeline(view);
            state.chrome.message = Some("Timeline: every event".into());
        }
        _ => {
            state.chrome.message = Some(select_first(
                state,
                |a| matches!(a, Action::NarrowTimeline),
                "narrows the timeline to a party or analyst",
            ))
        }
    }
}

/// The People list.
pub(crate) fn list(state: &mut State, action: Action) {
    let len = state.corpus.entities.len();
    let page = state.page();
    if let Some(f) = state.people.list_filter.as_mut() {
        let rows = f.rows.len();
        if movement(&mut f.pos, &action, rows, page) {
            f.sync(&mut state.people.list.selected);
            return;
        }
    } else if movement(&mut state.people.list, &action, len, page) {
        return;
    }
    if matches!(action, Action::Close) && people_filter::clear(state) {
        state.chrome.message = Some("Filter cleared: everyone".into());
        return;
    }
    match action {
        Action::Open | Action::Who => {
            if len == 0 {
                state.chrome.message = Some("No party or analyst is loaded".into());
            } else if state
                .people
                .list_filter
                .as_ref()
                .is_some_and(|f| f.rows.is_empty())
            {
                state.chrome.message = Some(state.chrome.keys.with_hint(
                    "Nobody matches the filter",
                    |a| matches!(a, Action::Close),
                    "clears it",
                ));
            } else {
                push_return(state);
                let e = state.people.list.selected;
                open_person(state, e);
            }
        }
        Action::NextStory => state.people.list.step(1, len),
        Action::PrevStory => state.people.list.step(-1, len),
        Action::Back | Action::Close => leave_list(state),
        Action::NarrowTimeline => {
            state.chrome.message = Some(format!("{}; open a story first", narrows(state)))
        }
        _ => {}
    }
}

/// The cross-story view of one person.
pub(crate) fn person(state: &mut State, action: Action) {
    if matches!(action, Action::Close) && people_filter::clear(state) {
        state.chrome.message = Some("Filter cleared: the whole page".into());
        return;
    }
    let page = state.page();
    if detail_movement(&mut state.people.detail, &action, page) {
        return;
    }
    match action {
        Action::Open => follow(state),
        // A person's page: story by story.
        Action::NextLink | Action::PrevLink => {
            let d = &mut state.people.detail;
            match d.section(matches!(action, Action::PrevLink)) {
                Some(l) => d.cursor = l,
                None => {
                    let which = if matches!(action, Action::NextLink) {
                        "last"
                    } else {
                        "first"
                    };
                    state.chrome.message = Some(format!("This is the {which} story's section"));
                }
            }
        }
        // Back to where the view was opened from; with nowhere to go, the People list.
        Action::Back | Action::Close if !go_back(state) => state.nav.screen = Screen::People,
        Action::NextStory | Action::PrevStory => {
            // The next or previous person of the People list.
            let len = state.corpus.entities.len();
            let at = state.people.person.unwrap_or(0);
            let next = if matches!(action, Action::NextStory) {
                at + 1
            } else {
                at.wrapping_sub(1)
            };
            if next < len {
                open_person(state, next);
            } else {
                let which = if next >= len && matches!(action, Action::NextStory) {
                    "last"
                } else {
                    "first"
                };
                state.chrome.message = Some(format!("This is the {which} person"));
            }
        }
        Action::NarrowTimeline => {
            let text = narrows(state);
            state.chrome.message = Some(state.chrome.keys.with_hint(
                &text,
                |a| matches!(a, Action::Open),
                "opens the story",
            ))
        }
        _ => {}
    }
}

/// Enter in the cross-story view: opens the story at the item under the cursor.
fn follow(state: &mut State) {
    // On a line that is not a link: the nearest link below it.
    let d = &mut state.people.detail;
    if let Some(l) = d.link_at_or_below() {
        d.cursor = l;
    }
    let d = &state.people.detail;
    let target = d.link_at_cursor().and_then(|l| d.doc.links.get(l).copied());
    if target.is_none() {
        state.chrome.message = Some("No cross-reference (→ line) at or below this line".into());
        return;
    }
    follow_target(state, target);
}

/// Enter in a cross-story view (of a person or a claim): opens the story at the
/// item the line under the cursor names.
pub(crate) fn follow_target(state: &mut State, target: Option<Target>) {
    let Some(target) = target else {
        state.chrome.message =
            Some("Nothing to follow here: move to a line that starts with →".into());
        return;
    };
    if target.story >= state.corpus.stories.len() {
        return;
    }
    push_return(state);
    state.open_story(target.story);
    if let Some(view) = state.view.as_mut() {
        view.select_item(target.pane, target.index);
        view.focus_detail = true;
    }
    state.settle();
    let rows = detail_rows(state);
    if let Some(view) = state.view.as_mut() {
        view.detail.cursor_to_first_link(rows);
    }
}

/// Keeps the People list's selection and the cross-story view valid and laid out.
pub(crate) fn settle(state: &mut State) {
    let area = state.area();
    let len = state.corpus.entities.len();
    state.people.list.settle(len, geometry::list_rows(area));
    people_filter::settle(state, geometry::list_rows(area));
    if state.people.person.is_some_and(|e| e >= len) {
        state.people.person = None;
    }
    if state.people.person.is_none() {
        if state.nav.screen == Screen::Person {
            state.nav.screen = Screen::People;
        }
        return;
    }
    let (width, height) = geometry::detail_size(area);
    if width > 0 {
        state.people.detail.lay_out(width);
    }
    state.people.detail.settle(usize::from(height));
}

/// A new corpus: the same person by id, or none; old returns no longer apply.
pub(crate) fn loaded(state: &mut State, person_id: Option<String>) {
    state.nav.returns.clear();
    state.people.person = person_id.and_then(|id| state.corpus.entity_position(&id));
    if let Some(e) = state.people.person {
        let (cursor, scroll) = (state.people.detail.cursor, state.people.detail.scroll);
        let doc = people_filter::page_doc(state, e);
        state.people.detail.set_doc(doc);
        state.people.detail.cursor = cursor;
        state.people.detail.scroll = scroll;
    }
}

/// A click on the People list (select, or open the selected) or in the view.
pub(crate) fn click(state: &mut State, at: Position) {
    let area = state.area();
    match state.nav.screen {
        Screen::People => {
            let rows = geometry::list_body(area);
            if !rows.contains(at) {
                return;
            }
            let row = usize::from(at.y - rows.y);
            let row = match &state.people.list_filter {
                Some(f) => f.rows.get(f.pos.offset + row).copied(),
                None => Some(state.people.list.offset + row),
            };
            let Some(row) = row.filter(|&r| r < state.corpus.entities.len()) else {
                return;
            };
            if row == state.people.list.selected {
                list(state, Action::Open);
            } else {
                state.people.list.selected = row;
            }
        }
        Screen::Person | Screen::Claim => {
            let body = geometry::detail_body(area);
            let d = cross_story_detail(state);
            if body.contains(at) {
                let line = d.scroll + usize::from(at.y - body.y);
                if line < d.lines.len() {
                    d.cursor = d.stop_start(line);
                }
            }
        }
        _ => {}
    }
}

/// The detail of the cross-story view on screen: a person's or a claim's.
fn cross_story_detail(state: &mut State) -> &mut DetailView {
    if state.nav.screen == Screen::Claim {
        &mut state.claim.detail
    } else {
        &mut state.people.detail
    }
}

/// The mouse wheel on the People screens.
pub(crate) fn wheel(state: &mut State, delta: isize) {
    match state.nav.screen {
        Screen::People => {
            let len = state.corpus.entities.len();
            match state.people.list_filter.as_mut() {
                Some(f) => {
                    f.step(delta);
                    f.sync(&mut state.people.list.selected);
                }
                None => state.people.list.step(delta, len),
            }
        }
        // What is under the pointer scrolls; the cursor moves only to stay in view.
        Screen::Person | Screen::Claim => {
            let rows = geometry::detail_rows(state.area());
            cross_story_detail(state).scroll_by(delta, rows);
        }
        _ => {}
    }
}

/// "KEY does this: select one first (2 or 3)", with the keys as bound (the
/// pane keys left out when unbound).
fn select_first(state: &State, action: fn(&Action) -> bool, does: &str) -> String {
    let keys = &state.chrome.keys;
    let key = keys.first_key(action).unwrap_or_else(|| "This".into());
    let panes = keys
        .keys_or(&[
            |a| matches!(a, Action::FocusPane(Pane::Parties)),
            |a| matches!(a, Action::FocusPane(Pane::Analysts)),
        ])
        .map_or(String::new(), |k| format!(" ({k})"));
    format!("{key} {does}: select one first{panes}")
}

/// "t narrows a story's timeline", with the key as bound.
fn narrows(state: &State) -> String {
    let key = state
        .chrome
        .keys
        .first_key(|a| matches!(a, Action::NarrowTimeline))
        .unwrap_or_else(|| "This".into());
    format!("{key} narrows a story's timeline")
}
