//! What changed since the reader's review: the state of each reviewed story
//! against the version kept when it was marked (`m`), the library's "changed"
//! badges and "removed since review" rows, and the changes view (`d`).
//!
//! The update never reads the store: it asks the host to compare
//! ([`Effect::Compare`], story ids with a ticket), to keep a version
//! ([`Effect::KeepReviewed`]) or to forget one ([`Effect::ForgetReviewed`]); the
//! host does it off the event loop and answers with [`Action::Review`]. An answer
//! counts only if its ticket is the one still awaited for that story, so an answer
//! about a version since reloaded or marked again is dropped.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diff::describe::{describe, Line};
use crate::diff::{Change, Section};
use crate::story::Story;
use crate::view::text::label;

use super::action::{Action, Pane};
use super::effects::Effect;
use super::keymap::Keymap;
use super::state::{ListPos, Screen, State};

/// One change, with its words (as `storyx diff` says it).
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    pub change: Change,
    pub line: Line,
}

/// What is known of a reviewed story's changes since its review.
#[derive(Debug, Clone, PartialEq)]
pub enum Since {
    /// Asked for; the ticket of the answer awaited.
    Pending(u64),
    /// No version kept for it (marked before storyx kept them, or no state
    /// folder): no changes are known.
    Unknown,
    /// The version loaded is the one reviewed.
    Unchanged,
    /// Changed since the review, these changes.
    Changed(Arc<Vec<Described>>),
    /// The version reviewed was evicted from the store (it is kept under a cap).
    Evicted,
    /// The version kept cannot be read (said why).
    Unreadable(String),
}

/// A reviewed story whose file is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub id: String,
    pub title: String,
}

/// The host's answer to an [`Effect::Compare`] or a kept version.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The story loaded, compared with the version kept.
    Compared {
        ticket: u64,
        id: String,
        since: Since,
    },
    /// The story is not loaded and its file is gone: it was removed since its review.
    Gone {
        ticket: u64,
        id: String,
        title: String,
    },
    /// Not loaded, and nothing says it was removed (no version kept, or its file is
    /// still there but did not load).
    NotLoaded { ticket: u64, id: String },
    /// Keeping a version made the store evict these stories' reviewed versions.
    Evicted(Vec<String>),
}

/// The open changes view: one story's changes since its review.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangesView {
    pub id: String,
    pub list: ListPos,
}

/// The reviews: what changed since, per reviewed story.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// By story id, the stories marked reviewed that are loaded (or asked about).
    pub since: HashMap<String, Since>,
    /// Reviewed stories whose file is gone, listed at the end of the library.
    pub removed: Vec<Removed>,
    /// The last ticket given.
    ticket: u64,
    /// The changes view (`d`), while it is open or to come back to.
    pub view: Option<ChangesView>,
    /// The effects asked for during one update (keep, forget, compare, save),
    /// handed out by `update` when it returns: nothing waits here between updates.
    pub(super) outbox: Vec<Effect>,
}

impl Review {
    /// The number of changes of a story changed since its review.
    pub fn changed(&self, id: &str) -> Option<usize> {
        match self.since.get(id) {
            Some(Since::Changed(c)) if !c.is_empty() => Some(c.len()),
            _ => None,
        }
    }

    fn next_ticket(&mut self) -> u64 {
        self.ticket += 1;
        self.ticket
    }
}

/// The changes from the version reviewed to the version loaded, each described.
pub fn compare(old: &Story, new: &Story) -> Since {
    let changes = crate::diff::story(old, new);
    if changes.is_empty() {
        return Since::Unchanged;
    }
    let described = changes
        .into_iter()
        .map(|change| {
            let line = describe(&change, Some(old), Some(new));
            Described { change, line }
        })
        .collect();
    Since::Changed(Arc::new(described))
}

/// Asks the host about these reviewed stories (by id): the loaded ones are
/// compared with their kept versions, the others checked for removal once
/// everything is loaded.
fn ask(state: &mut State, ids: Vec<String>) {
    let mut asks = Vec::new();
    for id in ids {
        let ticket = state.review.next_ticket();
        state
            .review
            .since
            .insert(id.clone(), Since::Pending(ticket));
        asks.push((ticket, id));
    }
    if !asks.is_empty() {
        state.review.outbox.push(Effect::Compare(asks));
    }
}

/// The reviewed ids not yet asked about: those loaded, and once loading is over
/// the others too (are they removed?).
///
/// Called after every batch of a load: the loaded stories are looked at only
/// while some reviewed id waits, so a library with none costs nothing here
/// (listing every loaded id after every batch grew with the square of the
/// library: a quarter of the explorer's CPU at 100,000 stories; issue 19).
fn unasked(state: &State) -> Vec<String> {
    let waiting: Vec<&String> = state
        .library
        .reviewed
        .iter()
        .filter(|id| !state.review.since.contains_key(id.as_str()))
        .collect();
    if waiting.is_empty() || state.loading.progress.is_none() {
        return waiting.into_iter().cloned().collect();
    }
    let mut loaded: HashMap<&str, bool> = waiting.iter().map(|id| (id.as_str(), false)).collect();
    for story in &state.corpus.stories {
        if let Some(found) = loaded.get_mut(story.id.as_str()) {
            *found = true;
        }
    }
    waiting
        .into_iter()
        .filter(|id| loaded.get(id.as_str()) == Some(&true))
        .cloned()
        .collect()
}

/// The reviewed marks or the corpus changed (start-up, a reload): everything is
/// asked about again.
pub fn restart(state: &mut State) {
    state.review.since.clear();
    state.review.removed.clear();
    let ids = unasked(state);
    ask(state, ids);
}

/// More stories loaded: the reviewed ones among them are compared (and, once
/// everything is in, the reviewed stories not loaded are checked).
pub fn more(state: &mut State) {
    let ids = unasked(state);
    ask(state, ids);
}

/// An answer of the host.
pub fn answer(state: &mut State, answer: Answer) {
    let awaited = |state: &State, id: &str, ticket: u64| {
        state.review.since.get(id) == Some(&Since::Pending(ticket))
    };
    match answer {
        Answer::Compared { ticket, id, since } => {
            if awaited(state, &id, ticket) {
                if since == Since::Evicted {
                    let title = title_of(state, &id);
                    state.chrome.message = Some(evicted_message(&state.chrome.keys, &title));
                }
                state.review.since.insert(id, since);
                if state.library.unreviewed_only {
                    state.sort_library();
                }
            }
        }
        Answer::Gone { ticket, id, title } => {
            if awaited(state, &id, ticket) {
                state.review.since.remove(&id);
                state.review.removed.push(Removed { id, title });
            }
        }
        Answer::NotLoaded { ticket, id } => {
            if awaited(state, &id, ticket) {
                state.review.since.insert(id, Since::Unknown);
            }
        }
        Answer::Evicted(ids) => {
            let mut titles = Vec::new();
            for id in ids {
                if let Some(s) = state.review.since.get_mut(&id) {
                    *s = Since::Evicted;
                    titles.push(title_of(state, &id));
                }
            }
            state.chrome.message = match titles.as_slice() {
                [] => return,
                [one] => Some(evicted_message(&state.chrome.keys, one)),
                many => Some(format!(
                    "The versions you reviewed of {} stories were evicted from the store (it keeps at most 256 MB): their changes can no longer be shown",
                    many.len()
                )),
            };
        }
    }
}

fn evicted_message(keys: &Keymap, title: &str) -> String {
    keys.with_hint(
        &format!(
            "The version of “{}” you reviewed was evicted from the store (it keeps at most 256 MB): its changes can no longer be shown",
            label(title, 40)
        ),
        |a| matches!(a, Action::ToggleReviewed),
        "keeps the version now",
    )
}

fn title_of(state: &State, id: &str) -> String {
    state
        .corpus
        .stories
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_string(), |s| s.title.to_string())
}

/// `m` on a story: marked reviewed (the version now kept), or, when it changed
/// since its review (or no version of it is kept), this version marked reviewed;
/// an unchanged reviewed story is no longer marked.
pub fn toggle(state: &mut State, s: usize) {
    let Some(story) = state.corpus.stories.get(s) else {
        return;
    };
    let id = story.id.to_string();
    let title = label(&story.title, 60);
    let reviewed = state.library.reviewed.contains(&id);
    let renew = matches!(
        state.review.since.get(&id),
        Some(Since::Changed(_) | Since::Evicted | Since::Unreadable(_) | Since::Unknown)
    );
    if reviewed && !renew {
        state.library.reviewed.remove(&id);
        state.review.since.remove(&id);
        state.chrome.message = Some(format!("“{title}” is no longer marked reviewed"));
        state.review.outbox.push(Effect::ForgetReviewed(id));
    } else {
        state.chrome.message = Some(if reviewed {
            format!("“{title}”: this version marked reviewed ✓")
        } else {
            format!("“{title}” marked reviewed ✓")
        });
        state.library.reviewed.insert(id.clone());
        state.review.since.insert(id.clone(), Since::Unchanged);
        state.review.outbox.push(Effect::KeepReviewed(id));
    }
    state.review.outbox.push(Effect::SaveReading);
}

/// `m` on a "removed since review" row: dismissed (no longer reviewed, the
/// version kept forgotten).
pub fn dismiss(state: &mut State, i: usize) {
    if i >= state.review.removed.len() {
        return;
    }
    let r = state.review.removed.remove(i);
    state.library.reviewed.remove(&r.id);
    state.chrome.message = Some(format!("“{}” dismissed", label(&r.title, 60)));
    state.review.outbox.push(Effect::ForgetReviewed(r.id));
    state.review.outbox.push(Effect::SaveReading);
}

/// Whether the library's `u` shows this story: not reviewed, or changed since.
pub fn unreviewed(state: &State, story: &Story) -> bool {
    !state.library.reviewed.contains(story.id.as_str()) || state.review.changed(&story.id).is_some()
}

/// The story of the open changes view, by index in the corpus.
pub fn view_story(state: &State) -> Option<usize> {
    let id = &state.review.view.as_ref()?.id;
    state.corpus.stories.iter().position(|s| s.id == *id)
}

/// The changes the open changes view lists (none when its story has none now).
pub fn view_changes(state: &State) -> &[Described] {
    match state
        .review
        .view
        .as_ref()
        .and_then(|v| state.review.since.get(&v.id))
    {
        Some(Since::Changed(c)) => c,
        _ => &[],
    }
}

/// `d`: the changes of the selected or open story since its review (or why there
/// are none to show).
pub fn open(state: &mut State, s: usize) {
    let Some(story) = state.corpus.stories.get(s) else {
        return;
    };
    let id = story.id.to_string();
    let title = label(&story.title, 50);
    let keys = state.chrome.keys.clone();
    let mark = |text: String, what: &str| {
        keys.with_hint(&text, |a| matches!(a, Action::ToggleReviewed), what)
    };
    let why = if !state.library.reviewed.contains(&id) {
        mark(
            format!("“{title}” is not marked reviewed"),
            "marks it, and what changes after shows here",
        )
    } else {
        match state.review.since.get(&id) {
            Some(Since::Changed(_)) => {
                if state.nav.screen != Screen::Changes {
                    super::people::push_return(state);
                }
                state.review.view = Some(ChangesView {
                    id,
                    list: ListPos::default(),
                });
                state.nav.screen = Screen::Changes;
                return;
            }
            Some(Since::Pending(_)) => {
                format!("Still comparing “{title}” with the version you reviewed…")
            }
            Some(Since::Evicted) => evicted_message(&keys, &title),
            Some(Since::Unreadable(why)) => mark(
                format!(
                    "The version of “{title}” you reviewed cannot be read ({})",
                    label(why, 80)
                ),
                "keeps the version now",
            ),
            Some(Since::Unchanged) => format!("No changes since your review of “{title}”"),
            Some(Since::Unknown) | None => mark(
                format!(
                    "No reviewed version of “{title}” is kept (it was marked before storyx kept them)"
                ),
                "keeps this one",
            ),
        }
    };
    state.chrome.message = Some(why);
}

/// Where a change's item is in the story now: its pane and index.
pub fn place(change: &Change) -> Option<(Pane, usize)> {
    let t = change.new?;
    let pane = match t.section {
        Section::Story => return None,
        Section::Timeline => Pane::Timeline,
        Section::Parties => Pane::Parties,
        Section::Analysts => Pane::Analysts,
        Section::Quotes => Pane::Quotes,
        Section::Claims => Pane::Claims,
        Section::Sources => Pane::Sources,
    };
    Some((pane, t.index))
}

/// A key on the changes view: move, follow a change (Enter) to its item in the
/// story, back (Backspace, Esc).
pub fn key(state: &mut State, action: Action) {
    let len = view_changes(state).len();
    let page = state.page();
    if let Some(v) = state.review.view.as_mut() {
        if super::update::movement(&mut v.list, &action, len, page) {
            return;
        }
    }
    match action {
        Action::Open => follow(state),
        Action::Back | Action::Close if !super::people::go_back(state) => {
            state.nav.screen = if state.has_library() {
                Screen::Library
            } else if state.view.is_some() {
                Screen::Story
            } else {
                Screen::Empty
            };
        }
        _ => {}
    }
}

/// Enter on a change: the story, with the changed item selected (Backspace comes
/// back here).
fn follow(state: &mut State) {
    let (Some(s), Some(selected)) = (
        view_story(state),
        state.review.view.as_ref().map(|v| v.list.selected),
    ) else {
        return;
    };
    let Some(d) = view_changes(state).get(selected) else {
        return;
    };
    let place = place(&d.change);
    let removed = d.change.new.is_none();
    let section_story = d.change.new.is_some_and(|t| t.section == Section::Story);
    super::people::push_return(state);
    state.open_story(s);
    let story = std::sync::Arc::clone(&state.corpus.stories[s]);
    let Some(view) = state.view.as_mut() else {
        return;
    };
    match place {
        Some((pane, index)) => {
            view.select_item(pane, index);
            view.focus_detail = false;
        }
        None if section_story => {
            // A change of the title, question or summary: the header in full (`s`).
            let mut header = super::state::DetailView::default();
            header.set_doc(super::detail::header(&story));
            view.header = Some(header);
        }
        None => {}
    }
    if removed {
        state.chrome.message = Some(state.chrome.keys.with_hint(
            "That item was removed from the story: nothing to select",
            |a| matches!(a, Action::Back),
            "goes back to the changes",
        ));
    }
    state.settle();
}

/// Keeps the changes view valid: its story still loaded and its list position in range.
pub fn settle(state: &mut State, rows: usize) {
    let len = view_changes(state).len();
    let gone = state.review.view.is_some() && view_story(state).is_none();
    if gone && state.nav.screen == Screen::Changes {
        state.nav.screen = if state.has_library() {
            Screen::Library
        } else {
            Screen::Empty
        };
    }
    if let Some(v) = state.review.view.as_mut() {
        v.list.settle(len, rows);
    }
}
