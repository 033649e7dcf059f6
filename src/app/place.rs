//! Where the reader was in a corpus (the story, its pane and the selected item),
//! as the reading state keeps it, and putting the reader back there.

use serde::{Deserialize, Serialize};

use super::action::Pane;
use super::effects::{item_id, item_index};
use super::state::{pane_len, Screen, State};

/// Where the reader was in one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub story: String,
    /// The pane's name in lower case (`quotes`).
    pub pane: String,
    /// The selected item's id, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The selected item's place in its pane (for items without an id).
    #[serde(default)]
    pub index: usize,
}

fn pane_name(p: Pane) -> String {
    p.title().to_ascii_lowercase()
}

fn pane_named(name: &str) -> Option<Pane> {
    Pane::ALL.into_iter().find(|&p| pane_name(p) == name)
}

/// Where the reader is now: the open story's pane and item (none when the
/// library or another screen is showing, so the next start shows it too).
pub fn place_of(state: &State) -> Option<Place> {
    if state.nav.screen != Screen::Story {
        return None;
    }
    let view = state.view.as_ref()?;
    let story = state.corpus.stories.get(view.story)?;
    let index = view.selected_item();
    Some(Place {
        story: story.id.to_string(),
        pane: pane_name(view.pane),
        item: item_id(story, view.pane, index).map(str::to_string),
        index,
    })
}

/// Opens the remembered story, pane and item, where they still exist.
pub(super) fn restore(state: &mut State, place: &Place) {
    let Some(s) = state
        .corpus
        .stories
        .iter()
        .position(|s| s.id == place.story)
    else {
        return;
    };
    state.open_story(s);
    let pane = pane_named(&place.pane).unwrap_or(Pane::Timeline);
    let story = &state.corpus.stories[s];
    let index = place
        .item
        .as_deref()
        .and_then(|id| item_index(story, pane, id))
        .unwrap_or(place.index)
        .min(pane_len(story, pane).saturating_sub(1));
    if let Some(view) = state.view.as_mut() {
        view.pane = pane;
        view.lists[pane.index()].selected = index;
    }
    state.settle();
}
