//! The library screen (every story: title, date, how many parties, analysts
//! and quotes, tags; the selected one previewed; narrowed by its filter, the
//! matched characters highlighted) and the screen shown when no story is
//! loaded, which says what storyx looks for and how to check a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::app::library_filter;
use crate::app::state::{LibraryRow, State};
use crate::app::Action;
use crate::sanitize::sanitize_line;
use crate::search::filter::Filter;
use crate::story::Story;
use crate::view::layout::visible_offset;
use crate::view::rows;
use crate::view::words::problems_summary;

use super::list::{boxed, dim, fit, put_line, put_row, styled};
use super::search::lit_line;
use super::status;
use crate::view::header::wrapped;
use crate::view::layout::{list_areas, ListAreas};
use crate::view::text::{clip, label};
use crate::view::theme::Theme;

/// The keys that show the problems from the library: Enter on the problems
/// row, or the problems key (as bound; `None` when neither is).
fn problems_keys(state: &State) -> Option<String> {
    state.chrome.keys.keys_or(&[
        |a| matches!(a, Action::Open),
        |a| matches!(a, Action::ToggleProblems),
    ])
}

fn problems_row(theme: &Theme, state: &State, cells: u16) -> Line<'static> {
    let n = state.corpus.diagnostics.len();
    let keys = problems_keys(state).map_or(String::new(), |k| format!(" ({k} shows them)"));
    fit(
        vec![
            styled(
                format!("⚠ {n} problem{}", if n == 1 { "" } else { "s" }),
                theme.warning(),
            ),
            dim(
                theme,
                format!(": {}{keys}", problems_summary(&state.corpus)),
            ),
        ],
        cells,
    )
}

/// Counts of a story's items, in words.
pub fn counts(story: &Story) -> String {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    [
        n(story.parties.len(), "party", "parties"),
        n(story.analysts.len(), "analyst", "analysts"),
        n(story.quotes.len(), "quote", "quotes"),
        n(story.claims.len(), "claim", "claims"),
        n(story.timeline.len(), "event", "events"),
        n(story.sources.len(), "source", "sources"),
    ]
    .join(" · ")
}

fn preview(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let inner = boxed(theme, area, buf, "Preview", false);
    if inner.is_empty() {
        return;
    }
    let mut lines: Vec<Line<'static>> = Vec::new();
    let rows = usize::from(inner.height);
    let w = inner.width;
    match state.library_row(state.library.list.selected) {
        Some(LibraryRow::Story(s)) => {
            let story = &state.corpus.stories[s];
            lines.extend(
                wrapped(theme, "", &story.title, 3, w)
                    .into_iter()
                    .map(|l| l.patch_style(theme.title())),
            );
            let date = story
                .date
                .as_ref()
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            lines.push(fit(
                vec![dim(
                    theme,
                    format!(
                        "{date} · {}",
                        sanitize_line(&story.file.display().to_string())
                    ),
                )],
                w,
            ));
            if let Some(n) = state.review.changed(&story.id) {
                let shows = state
                    .chrome
                    .keys
                    .first_key(|a| matches!(a, Action::Changes))
                    .map_or(String::new(), |k| format!(" ({k} shows them)"));
                let text = format!(
                    "Changed since your review: {n} change{}{shows}",
                    if n == 1 { "" } else { "s" }
                );
                lines.extend(
                    wrapped(theme, "", &text, 2, w)
                        .into_iter()
                        .map(|l| l.patch_style(theme.warning())),
                );
            }
            lines.extend(wrapped(theme, "", &counts(story), 2, w));
            if !story.tags.is_empty() {
                lines.extend(wrapped(theme, "Tags: ", &story.tags.join(", "), 2, w));
            }
            if let Some(q) = &story.question {
                lines.push(Line::default());
                lines.extend(wrapped(theme, "Question: ", q, 4, w));
            }
            if let Some(sum) = &story.summary {
                lines.push(Line::default());
                let room = rows.saturating_sub(lines.len());
                lines.extend(wrapped(theme, "", sum, room, w));
            }
        }
        Some(LibraryRow::Removed(i)) => {
            let r = &state.review.removed[i];
            lines.extend(
                wrapped(theme, "", &r.title, 3, w)
                    .into_iter()
                    .map(|l| l.patch_style(theme.title())),
            );
            lines.push(Line::default());
            let dismiss = state
                .chrome
                .keys
                .first_key(|a| matches!(a, Action::ToggleReviewed))
                .map_or(String::new(), |k| format!(" {k} dismisses it."));
            let text = format!(
                "You marked this story reviewed; its file is gone since (id `{}`).{dismiss}",
                r.id
            );
            lines.extend(wrapped(theme, "", &text, 4, w));
        }
        Some(LibraryRow::Problems) => {
            lines.extend(wrapped(theme, "", &problems_summary(&state.corpus), 3, w));
            lines.push(Line::default());
            let shows = problems_keys(state).map_or(String::new(), |k| format!(" {k} shows them."));
            let text =
                format!("Files that failed to load and every warning, with file:line:col.{shows}");
            lines.extend(wrapped(theme, "", &text, 4, w));
        }
        None => {}
    }
    for (n, line) in lines.iter().take(rows).enumerate() {
        put_line(buf, inner, inner.y + n as u16, line);
    }
}

fn title_line(theme: &Theme, state: &State, a: &ListAreas, buf: &mut Buffer) {
    let n = state.corpus.stories.len();
    let counts = library_filter::counts(state);
    let mut spans = vec![
        styled("storyx", theme.title()),
        Span::raw(format!(" · {n} stories")),
    ];
    // The filter first, so that a narrow screen shows it.
    if let (Some((shown, of)), Some(f)) = (counts, &state.library.filter) {
        let of = if state.library.unreviewed_only {
            format!("{of} unreviewed")
        } else {
            of.to_string()
        };
        spans.push(Span::raw(" · "));
        spans.push(styled(
            format!("filtered: {shown} of {of} match “{}”", label(f.query(), 40)),
            theme.bold(),
        ));
    }
    spans.push(Span::raw(format!(
        " · sorted by {}",
        state.library.sort.label()
    )));
    if state.library.unreviewed_only {
        let unreviewed = counts.map_or(state.library.order.len(), |(_, of)| of);
        spans.push(Span::raw(format!(" · {unreviewed} unreviewed")));
    }
    if let Some(k) = state
        .chrome
        .keys
        .first_key(|a| matches!(a, Action::CycleSort))
    {
        spans.push(dim(theme, format!(" ({k} changes it)")));
    }
    put_line(buf, a.title, a.title.y, &fit(spans, a.title.width));
}

/// The list's title: "Stories", with the filter's query when filtered.
fn list_title(state: &State) -> String {
    match &state.library.filter {
        Some(f) => format!("Stories [f: {}]", label(f.query(), 24)),
        None => "Stories".to_string(),
    }
}

pub fn render(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let a = list_areas(area);
    title_line(theme, state, &a, buf);
    let inner = boxed(theme, a.list, buf, &list_title(state), true);
    // A column of ✓ for the stories marked reviewed, once there are any.
    let marks = state.removed_rows() > 0
        || state
            .corpus
            .stories
            .iter()
            .any(|s| state.library.reviewed.contains(s.id.as_str()));
    let mark_w = if marks && inner.width > 8 { 2 } else { 0 };
    let with_mark = |mark: &'static str, line: Line<'static>| -> Line<'static> {
        if mark_w == 0 {
            return line;
        }
        let mut spans = vec![styled(mark, theme.bold())];
        spans.extend(line.spans);
        Line::from(spans)
    };
    if !inner.is_empty() {
        let header = rows::library_header(theme, usize::from(inner.width - mark_w));
        put_line(buf, inner, inner.y, &with_mark("  ", header));
        let rows = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let len = state.library_len();
        if state.library.order.is_empty() && state.library.filter.is_some() {
            let text = state.chrome.keys.with_hint(
                "No story matches the filter",
                |a| matches!(a, Action::Close),
                "clears it",
            );
            let y = rows.y + u16::from(state.has_problems());
            if y < rows.bottom() {
                put_line(buf, rows, y, &fit(vec![dim(theme, text)], rows.width));
            }
        } else if len == 0 {
            if let Some(progress) = state.loading.progress {
                let text = format!("Loading stories… {}", super::status::progress(progress));
                put_line(buf, rows, rows.y, &fit(vec![dim(theme, text)], rows.width));
            }
        }
        // The characters the filter matched, highlighted as in a filtered pane.
        let filter = state
            .library
            .filter
            .as_ref()
            .map(|f| Filter::new(f.query()))
            .filter(|f| !f.is_empty());
        let height = usize::from(rows.height);
        let offset = visible_offset(
            state.library.list.offset,
            state.library.list.selected,
            height,
            len,
        );
        for (n, row) in (offset..len.min(offset + height)).enumerate() {
            let y = rows.y + n as u16;
            let line = match state.library_row(row) {
                Some(LibraryRow::Problems) => problems_row(theme, state, rows.width),
                Some(LibraryRow::Story(s)) => {
                    let story = &state.corpus.stories[s];
                    let mark = if state.library.reviewed.contains(story.id.as_str()) {
                        "✓ "
                    } else {
                        "  "
                    };
                    let badge = state
                        .review
                        .changed(&story.id)
                        .map(|n| (n, theme.warning().add_modifier(Modifier::BOLD)));
                    let mut line = rows::story_row_with(theme, story, rows.width - mark_w, badge);
                    if let Some(filter) = &filter {
                        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                        line = lit_line(theme, line, &filter.lit(&text));
                    }
                    with_mark(mark, line)
                }
                Some(LibraryRow::Removed(i)) => {
                    let r = &state.review.removed[i];
                    let dismiss = state
                        .chrome
                        .keys
                        .first_key(|a| matches!(a, Action::ToggleReviewed))
                        .map_or(String::new(), |k| format!(" ({k} dismisses)"));
                    let line = fit(
                        vec![
                            Span::raw(clip(&r.title, 60)),
                            styled(" · removed since review", theme.warning()),
                            dim(theme, dismiss),
                        ],
                        rows.width - mark_w,
                    );
                    with_mark("✗ ", line)
                }
                None => continue,
            };
            let selected = row == state.library.list.selected;
            put_row(buf, rows, y, line, selected.then(|| theme.selected(true)));
        }
    }
    if !a.preview.is_empty() {
        preview(theme, state, a.preview, buf);
    }
    status::render(theme, state, a.status, buf);
}

/// What the empty screen says, paragraph by paragraph.
pub const EMPTY_TEXT: &[&str] = &[
    "No stories loaded. storyx opens story files (YAML, .yaml or .yml, one story each; folders are searched):",
    "  storyx path/to/stories",
    "With no path it opens ./stories if there is one, else its bundled stories. To see what is wrong with a file:",
    "  storyx check path/to/story.yaml",
];

/// A boxed message screen with the status bar under it: (the box's inside, the bar).
fn message_box(theme: &Theme, area: Rect, buf: &mut Buffer) -> (Rect, Rect) {
    let mut rest = area;
    let status_area = if rest.height >= 2 {
        rest.height -= 1;
        Rect::new(area.x, area.bottom() - 1, area.width, 1)
    } else {
        Rect::default()
    };
    (boxed(theme, rest, buf, "storyx", true), status_area)
}

/// The story asked for on the command line, while its file is still loading.
pub fn render_waiting(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let (inner, status_area) = message_box(theme, area, buf);
    if !inner.is_empty() {
        let id = state
            .loading
            .pending
            .as_ref()
            .map_or("", |(id, _)| id.as_str());
        let progress = state
            .loading
            .progress
            .map(super::status::progress)
            .unwrap_or_default();
        let keys = &state.chrome.keys;
        let shows = keys
            .first_key(|a| matches!(a, Action::Close))
            .or_else(|| keys.first_key(|a| matches!(a, Action::Back)))
            .map_or(String::new(), |k| {
                format!(" {k} shows the library as far as it is loaded.")
            });
        let text = format!(
            "Loading story `{}`… ({progress}).{shows}",
            sanitize_line(id)
        );
        for (n, line) in wrapped(theme, "", &text, usize::from(inner.height), inner.width)
            .iter()
            .enumerate()
        {
            put_line(buf, inner, inner.y + n as u16, line);
        }
    }
    status::render(theme, state, status_area, buf);
}

pub fn render_empty(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let (inner, status_area) = message_box(theme, area, buf);
    if !inner.is_empty() {
        let mut lines = Vec::new();
        for p in EMPTY_TEXT {
            lines.extend(
                wrapped(theme, "", p, usize::MAX / 2, inner.width)
                    .into_iter()
                    .take(usize::from(inner.height)),
            );
        }
        if state.has_problems() {
            lines.push(Line::default());
            let summary = problems_summary(&state.corpus);
            let text = match state
                .chrome
                .keys
                .first_key(|a| matches!(a, Action::ToggleProblems))
            {
                Some(k) => format!("{summary} — press {k} to see them."),
                None => format!("{summary}."),
            };
            lines.extend(
                wrapped(theme, "", &text, 3, inner.width)
                    .into_iter()
                    .map(|l| l.patch_style(theme.warning())),
            );
        }
        for (n, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
            put_line(buf, inner, inner.y + n as u16, line);
        }
    }
    status::render(theme, state, status_area, buf);
}
