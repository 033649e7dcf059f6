//! The keys that reach outside the explorer: copy (`y`), open the source
//! (`o`), edit (`e`), reload (`r`), and the reading marks (`m`, `u`). The update
//! stays pure: it works out what to do (the text to copy, the URL, the file and
//! the place in it) and says it in the status bar; the I/O itself is queued as
//! an [`Effect`] for the event loop to carry out.

use std::path::PathBuf;

use crate::story::{PartialDate, QuoteKind, Story};
use crate::view::text::label;

use super::action::Pane;
use super::state::{pane_len, LibraryRow, Screen, State};

/// The most text sent to the clipboard, in bytes (terminals cap OSC 52 too).
pub const COPY_LIMIT: usize = 100 * 1024;

/// Something for the event loop to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this http(s) URL in the browser.
    OpenUrl(String),
    /// Edit `file` at `line`, or else at the value whose path is `path`
    /// (`quotes[3]`; empty for the top of the file), then reload.
    Edit {
        file: PathBuf,
        path: String,
        line: Option<usize>,
    },
    /// Load the stories again.
    Reload,
    /// The reviewed marks changed: write the reading state.
    SaveReading,
    /// Keep the loaded version of the story with this id as the one reviewed.
    KeepReviewed(String),
    /// Forget the version kept of the story with this id.
    ForgetReviewed(String),
    /// Compare these reviewed stories (ticket, id) with the versions kept;
    /// the answers come back as [`super::Action::Review`].
    Compare(Vec<(u64, String)>),
}

/// The selected item, as (pane, index in the pane), on the story screen.
fn selected_item(state: &State) -> Option<(&Story, Pane, usize)> {
    let view = state.view.as_ref()?;
    let story = state.corpus.stories.get(view.story)?;
    Some((story, view.pane, view.selected()))
}

/// The story the `m` key and the library work on: the open one, or the one
/// selected in the library.
pub fn target_story(state: &State) -> Option<usize> {
    match state.nav.screen {
        Screen::Story => state.view.as_ref().map(|v| v.story),
        Screen::Library => match state.library_row(state.library.list.selected) {
            Some(LibraryRow::Story(s)) => Some(s),
            _ => None,
        },
        Screen::Changes => super::review::view_story(state),
        _ => None,
    }
}

/// Story text for the clipboard: as written, less the control characters a
/// terminal would act on when it is pasted (line breaks and tabs stay).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

fn date_text(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(|d| d.to_string())
}

/// The clipboard form of one item: what `storyx show` prints of it
/// ([`crate::export::plain`]): its headline (a quote in the one wording, a direct
/// quote in quotation marks, reported speech never), then a line for each thing
/// the detail shows about it (context, source, note, status, stances...).
pub fn copy_text(story: &Story, pane: Pane, index: usize) -> Option<String> {
    use crate::export::plain;
    let lines = match pane {
        Pane::Quotes => plain::quote(story, story.quotes.get(index)?),
        Pane::Timeline => plain::event(story, story.timeline.get(index)?),
        Pane::Parties => plain::party(story, story.parties.get(index)?),
        Pane::Analysts => plain::analyst(story.analysts.get(index)?),
        Pane::Claims => plain::claim(story, story.claims.get(index)?),
        Pane::Sources => plain::source(story, story.sources.get(index)?),
    };
    let text: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    Some(cap(clean(&text.join("\n"))))
}

/// The story itself, for the library: `Title (date)`.
pub fn story_copy_text(story: &Story) -> String {
    let text = match date_text(&story.date) {
        Some(d) => format!("{} ({d})", story.title.trim()),
        None => story.title.trim().to_string(),
    };
    cap(clean(&text))
}

/// At most [`COPY_LIMIT`] bytes, cut at a character boundary.
fn cap(mut text: String) -> String {
    if text.len() > COPY_LIMIT {
        let mut end = COPY_LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

/// What an item is, for the status bar: "quote by Dockworkers' Union".
fn what(story: &Story, pane: Pane, index: usize) -> String {
    let l = |t: &str| label(t, 40);
    match pane {
        Pane::Quotes => story.quotes.get(index).map_or_else(String::new, |q| {
            let kind = match q.kind {
                QuoteKind::Direct => "quote",
                QuoteKind::Paraphrase => "paraphrase",
                QuoteKind::Declined => "refusal to comment",
                QuoteKind::NoResponse => "non-response",
            };
            format!("the {kind} by {}", l(story.name_of(&q.by)))
        }),
        Pane::Timeline => story
            .timeline
            .get(index)
            .map_or_else(String::new, |e| format!("the event “{}”", l(&e.title))),
        Pane::Parties => story
            .parties
            .get(index)
            .map_or_else(String::new, |p| l(&p.name)),
        Pane::Analysts => story
            .analysts
            .get(index)
            .map_or_else(String::new, |a| l(&a.name)),
        Pane::Claims => story
            .claims
            .get(index)
            .map_or_else(String::new, |c| format!("the claim “{}”", l(&c.text))),
        Pane::Sources => story
            .sources
            .get(index)
            .map_or_else(String::new, |s| format!("the source “{}”", l(&s.name))),
    }
}

fn chars(n: usize) -> String {
    format!("{n} character{}", if n == 1 { "" } else { "s" })
}

/// `y`: queue the selected item for the clipboard and say what it was.
pub fn copy(state: &mut State) {
    let found = match state.nav.screen {
        Screen::Story => selected_item(state).map(|(story, pane, i)| {
            if pane_len(story, pane) == 0 {
                Err(format!(
                    "Nothing to copy: the {} pane is empty",
                    pane.title()
                ))
            } else {
                copy_text(story, pane, i)
                    .map(|t| (t, what(story, pane, i)))
                    .ok_or_else(|| "Nothing to copy here".to_string())
            }
        }),
        Screen::Library => target_story(state).and_then(|s| {
            let story = state.corpus.stories.get(s)?;
            Some(Ok((
                story_copy_text(story),
                format!("the title of “{}”", label(&story.title, 40)),
            )))
        }),
        _ => None,
    };
    match found {
        Some(Ok((text, what))) => {
            let n = text.chars().count();
            state.chrome.message = Some(format!("Copied {what} ({}) to the clipboard", chars(n)));
            state.effects.push(Effect::Copy(text));
        }
        Some(Err(m)) => state.chrome.message = Some(m),
        None => {
            state.chrome.message =
                Some("Nothing to copy here: open a story and select an item".into())
        }
    }
}

/// Whether a URL may be handed to the browser: http or https, nothing a shell
/// or an opener could take for more than one argument.
pub fn allowed_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "https://".len()
        && url.len() <= 8192
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The URL `o` opens for an item: a source's own, else its source's.
pub fn item_url(story: &Story, pane: Pane, index: usize) -> Result<String, String> {
    let source_id = match pane {
        Pane::Sources => {
            let s = story.sources.get(index).ok_or("Nothing selected")?;
            return s
                .url
                .as_deref()
                .map(str::to_string)
                .ok_or_else(|| format!("The source “{}” has no URL", label(&s.name, 40)));
        }
        Pane::Quotes => story.quotes.get(index).and_then(|q| q.source.clone()),
        Pane::Timeline => story.timeline.get(index).and_then(|e| e.source.clone()),
        Pane::Claims => story.claims.get(index).and_then(|c| c.source.clone()),
        Pane::Parties | Pane::Analysts => {
            return Err(format!(
                "{} have no source to open; select a quote, claim, event or source",
                pane.title()
            ))
        }
    };
    let id = source_id.ok_or("This item names no source")?;
    let source = story
        .source(&id)
        .ok_or_else(|| format!("The source `{}` is not in this story", label(&id, 40)))?;
    source
        .url
        .as_deref()
        .map(str::to_string)
        .ok_or_else(|| format!("Its source “{}” has no URL", label(&source.name, 40)))
}

/// `o`: queue the selected item's source URL for the browser.
pub fn open_url(state: &mut State) {
    let Some((story, pane, i)) = selected_item(state).filter(|_| state.nav.screen == Screen::Story)
    else {
        state.chrome.message =
            Some("Open a story and select a quote, claim, event or source".into());
        return;
    };
    if pane_len(story, pane) == 0 {
        state.chrome.message = Some(format!(
            "Nothing to open: the {} pane is empty",
            pane.title()
        ));
        return;
    }
    match item_url(story, pane, i) {
        Ok(url) if allowed_url(&url) => {
            state.chrome.message = Some(format!("Opening {} in the browser", label(&url, 200)));
            state.effects.push(Effect::OpenUrl(url));
        }
        Ok(url) => {
            state.chrome.message = Some(format!(
                "Not opened: only http and https links are, and this is {}",
                label(&url, 60)
            ))
        }
        Err(m) => state.chrome.message = Some(m),
    }
}

/// The path of an item inside its file: `quotes[3]`, `timeline[0]` (events
/// by their place in the file, not the timeline order).
pub fn item_path(story: &Story, pane: Pane, index: usize) -> Option<String> {
    if index >= pane_len(story, pane) {
        return None;
    }
    Some(match pane {
        Pane::Timeline => format!("timeline[{}]", story.timeline[index].file_index),
        Pane::Parties => format!("parties[{index}]"),
        Pane::Analysts => format!("analysts[{index}]"),
        Pane::Quotes => format!("quotes[{index}]"),
        Pane::Claims => format!("claims[{index}]"),
        Pane::Sources => format!("sources[{index}]"),
    })
}

/// `e`: queue the editor on the selected item's file (on the problems
/// screen: the selected problem's file, at its line).
pub fn edit(state: &mut State) {
    if state.nav.screen == Screen::Problems {
        let Some(d) = state.corpus.diagnostics.get(state.problems.selected) else {
            state.chrome.message = Some("No problem selected".into());
            return;
        };
        state.chrome.message = Some(format!(
            "Editing {}",
            label(&d.file.display().to_string(), 80)
        ));
        state.effects.push(Effect::Edit {
            file: d.file.clone(),
            path: d.path.clone(),
            line: d.location.map(|l| l.line),
        });
        return;
    }
    let Some(s) = target_story(state) else {
        state.chrome.message = Some("Open or select a story to edit it".into());
        return;
    };
    let story = &state.corpus.stories[s];
    let path = match (state.nav.screen, selected_item(state)) {
        (Screen::Story, Some((story, pane, i))) => item_path(story, pane, i).unwrap_or_default(),
        _ => String::new(),
    };
    state.chrome.message = Some(format!(
        "Editing {}",
        label(&story.file.display().to_string(), 80)
    ));
    state.effects.push(Effect::Edit {
        file: story.file.clone(),
        path,
        line: None,
    });
}

/// `m`: mark the story reviewed (its version kept), its new version if it
/// changed since, or not any more; on a "removed since review" row, dismiss it.
pub fn toggle_reviewed(state: &mut State) {
    if state.nav.screen == Screen::Library {
        if let Some(LibraryRow::Removed(i)) = state.library_row(state.library.list.selected) {
            return super::review::dismiss(state, i);
        }
    }
    let Some(s) = target_story(state) else {
        state.chrome.message = Some("Select a story to mark it reviewed".into());
        return;
    };
    super::review::toggle(state, s);
    if state.library.unreviewed_only {
        state.sort_library();
    }
}

/// `d`: the changes of the selected or open story since its review.
pub fn changes(state: &mut State) {
    if state.nav.screen == Screen::Library {
        if let Some(LibraryRow::Removed(i)) = state.library_row(state.library.list.selected) {
            let title = label(&state.review.removed[i].title, 50);
            state.chrome.message = Some(format!(
                "“{title}” was removed since your review: its file is gone; m dismisses it"
            ));
            return;
        }
    }
    match target_story(state) {
        Some(s) => super::review::open(state, s),
        None => {
            state.chrome.message =
                Some("Select a story to see what changed since you reviewed it".into())
        }
    }
}

/// `u`: only the unreviewed stories in the library, or all again.
pub fn toggle_unreviewed(state: &mut State) {
    state.library.unreviewed_only = !state.library.unreviewed_only;
    state.sort_library();
    state.chrome.message = Some(if state.library.unreviewed_only {
        let hidden = state
            .corpus
            .stories
            .iter()
            .filter(|s| !super::review::unreviewed(state, s))
            .count();
        format!("The library shows only unreviewed stories ({hidden} hidden); u shows all")
    } else {
        "The library shows every story".into()
    });
}

/// `r`: ask for a reload.
pub fn reload(state: &mut State) {
    state.chrome.message = Some("Reloading…".into());
    state.effects.push(Effect::Reload);
}

/// The id of an item (events and quotes may have none).
pub fn item_id(story: &Story, pane: Pane, index: usize) -> Option<&str> {
    match pane {
        Pane::Timeline => story.timeline.get(index)?.id.as_deref(),
        Pane::Parties => story.parties.get(index).map(|p| p.id.as_str()),
        Pane::Analysts => story.analysts.get(index).map(|a| a.id.as_str()),
        Pane::Quotes => story.quotes.get(index)?.id.as_deref(),
        Pane::Claims => story.claims.get(index).map(|c| c.id.as_str()),
        Pane::Sources => story.sources.get(index).map(|s| s.id.as_str()),
    }
}

/// Where the item with this id is in a pane.
pub fn item_index(story: &Story, pane: Pane, id: &str) -> Option<usize> {
    (0..pane_len(story, pane)).find(|&i| item_id(story, pane, i) == Some(id))
}

/// What the status bar says after a reload.
pub fn reloaded_message(state: &State, open_before: Option<String>) -> String {
    let n = state.corpus.stories.len();
    let mut m = format!("Reloaded: {n} stor{}", if n == 1 { "y" } else { "ies" });
    if let Some(id) = open_before {
        if state.current_story().is_none_or(|s| s.id != id) {
            m = format!("“{}” did not load this time", label(&id, 40));
        }
    }
    let problems = state.corpus.diagnostics.len();
    if problems > 0 {
        m.push_str(&format!(
            " · ⚠ {problems} problem{} (! shows them)",
            if problems == 1 { "" } else { "s" }
        ));
    }
    m
}
