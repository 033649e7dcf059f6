//! The People screens: the list of every party and analyst across the corpus
//! (name, as what, how many stories, quotes and stances; the selected one
//! previewed story by story) and the cross-story view of one of them, drawn
//! like the detail pane over the whole screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::people::counts_label;
use crate::app::state::State;
use crate::corpus::{Entity, Role};
use crate::people::counts;
use crate::view::layout::visible_offset;
use crate::view::people::{list_body, person_areas};

use super::list::{boxed, dim, fit, pad, put_line, put_row, styled};
use super::{detail, status};
use crate::view::header::wrapped;
use crate::view::layout::list_areas;
use crate::view::text::clip;
use crate::view::theme::Theme;

/// "party", "analyst", or "both" when it is one in some stories and the other elsewhere.
pub fn role_label(e: &Entity) -> &'static str {
    let party = e.appearances.iter().any(|&(_, r)| r == Role::Party);
    let analyst = e.appearances.iter().any(|&(_, r)| r == Role::Analyst);
    match (party, analyst) {
        (true, true) => "both",
        (false, true) => "analyst",
        _ => "party",
    }
}

/// Whether the list has room for every column (else counts only).
fn full(cells: usize) -> bool {
    cells >= 64
}

/// The width of the id column (0: not shown).
fn id_width(cells: usize) -> usize {
    if cells >= 90 {
        (cells / 5).min(32)
    } else {
        0
    }
}

/// Names wider than this are cut, so that the counts stay near them.
const NAME_MAX: usize = 40;

fn name_width(cells: usize) -> usize {
    if full(cells) {
        let id = id_width(cells);
        cells
            .saturating_sub(8 + 8 + 7 + 8 + if id > 0 { id + 1 } else { 0 })
            .min(NAME_MAX)
    } else if cells >= 24 {
        cells.saturating_sub(12)
    } else {
        cells
    }
}

fn header_row(theme: &Theme, cells: usize) -> Line<'static> {
    let mut s = pad("Name", name_width(cells));
    if full(cells) {
        s.push_str(" As      Stories Quotes Stances");
        if id_width(cells) > 0 {
            s.push_str(" Id");
        }
    } else if cells >= 24 {
        s.push_str(" Sto Quo Sta");
    }
    fit(vec![dim(theme, s)], cells as u16)
}

fn entity_row(theme: &Theme, state: &State, i: usize, cells: usize) -> Line<'static> {
    let e = &state.corpus.entities[i];
    let (s, q, st) = counts(&state.corpus, e);
    let name_w = name_width(cells);
    let mut parts = vec![styled(pad(&clip(&e.name, name_w), name_w), theme.bold())];
    if full(cells) {
        parts.push(dim(theme, format!(" {}", pad(role_label(e), 7))));
        parts.push(Span::raw(format!(" {s:>7} {q:>6} {st:>7}")));
        let id = id_width(cells);
        if id > 0 {
            parts.push(dim(theme, format!(" {}", clip(&e.id, id))));
        }
    } else if cells >= 24 {
        parts.push(Span::raw(format!(" {s:>3} {q:>3} {st:>3}")));
    }
    fit(parts, cells as u16)
}

fn preview(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let inside = boxed(theme, area, buf, "Preview", false);
    if inside.is_empty() {
        return;
    }
    let Some(e) = state.corpus.entities.get(state.people.list.selected) else {
        return;
    };
    let w = inside.width;
    let rows = usize::from(inside.height);
    let mut lines: Vec<Line<'static>> = vec![
        fit(
            vec![styled(clip(&e.name, usize::from(w)), theme.title())],
            w,
        ),
        fit(
            vec![dim(
                theme,
                format!(
                    "{} · {}",
                    clip(&e.id, 40),
                    counts_label(&state.corpus, state.people.list.selected)
                ),
            )],
            w,
        ),
        Line::default(),
    ];
    for (n, &(si, role)) in e.appearances.iter().enumerate() {
        let room = rows.saturating_sub(lines.len());
        if room == 0 {
            break;
        }
        let story = &state.corpus.stories[si];
        let what = match role {
            Role::Party => story.parties.iter().find(|p| p.id == e.id).map(|p| {
                let pos = p.position.as_deref().unwrap_or("no position given");
                format!("party ({}): {pos}", p.kind)
            }),
            Role::Analyst => story.analysts.iter().find(|a| a.id == e.id).map(|a| {
                let about: Vec<&str> = [a.role.as_deref(), a.affiliation.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let view = a.view.as_deref().unwrap_or("no view given");
                if about.is_empty() {
                    format!("analyst: {view}")
                } else {
                    format!("analyst ({}): {view}", about.join(", "))
                }
            }),
        }
        .unwrap_or_default();
        let left = e.appearances.len() - n;
        if room == 1 && left > 1 {
            lines.push(fit(
                vec![dim(theme, format!("… and {left} more stories"))],
                w,
            ));
            break;
        }
        let title = format!("• {} — ", clip(&story.title, 80));
        lines.extend(wrapped(theme, &title, &what, room.min(2), w));
    }
    for (n, line) in lines.iter().take(rows).enumerate() {
        put_line(buf, inside, inside.y + n as u16, line);
    }
}

/// The People list.
pub fn render_list(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let a = list_areas(area);
    let n = state.corpus.entities.len();
    let title = fit(
        vec![
            styled("storyx", theme.title()),
            Span::raw(format!(
                " · People · {n} part{} and analysts across {} stor{}",
                if n == 1 { "y" } else { "ies" },
                state.corpus.stories.len(),
                if state.corpus.stories.len() == 1 {
                    "y"
                } else {
                    "ies"
                }
            )),
        ],
        a.title.width,
    );
    put_line(buf, a.title, a.title.y, &title);
    let title = match &state.people.list_filter {
        Some(f) => format!("People [f: {}]", crate::view::text::label(f.query(), 24)),
        None => "People".to_string(),
    };
    let inside = boxed(theme, a.list, buf, &title, true);
    if !inside.is_empty() {
        let cells = usize::from(inside.width);
        put_line(buf, inside, inside.y, &header_row(theme, cells));
        let rows = list_body(area);
        if n == 0 && !rows.is_empty() {
            put_line(
                buf,
                rows,
                rows.y,
                &fit(
                    vec![dim(theme, "No party or analyst is loaded")],
                    rows.width,
                ),
            );
        }
        let height = usize::from(rows.height);
        // The rows shown: everyone, or those the filter keeps.
        let (shown, pos): (Vec<usize>, _) = match &state.people.list_filter {
            Some(f) => (f.rows.clone(), f.pos),
            None => ((0..n).collect(), state.people.list),
        };
        if shown.is_empty() && n > 0 && !rows.is_empty() {
            put_line(
                buf,
                rows,
                rows.y,
                &fit(
                    vec![dim(
                        theme,
                        state.chrome.keys.with_hint(
                            "Nobody matches",
                            |a| matches!(a, crate::app::Action::Close),
                            "clears the filter",
                        ),
                    )],
                    rows.width,
                ),
            );
        }
        let offset = visible_offset(pos.offset, pos.selected, height, shown.len());
        for (k, &i) in shown.iter().skip(offset).take(height).enumerate() {
            let pos = state.people.list;
            let y = rows.y + k as u16;
            let line = entity_row(theme, state, i, cells);
            let selected = i == pos.selected;
            put_row(buf, rows, y, line, selected.then(|| theme.selected(true)));
        }
    }
    if !a.preview.is_empty() {
        preview(theme, state, a.preview, buf);
    }
    status::render(theme, state, a.status, buf);
}

/// The cross-story view of one person.
pub fn render_person(theme: &Theme, state: &State, area: Rect, buf: &mut Buffer) {
    let (title_area, body, status_area) = person_areas(area);
    let e = state
        .people
        .person
        .and_then(|e| state.corpus.entities.get(e));
    let name = e.map_or_else(String::new, |e| clip(&e.name, 40));
    let stories = e.map_or(0, |e| e.appearances.len());
    let title = fit(
        vec![
            styled("storyx", theme.title()),
            Span::raw(format!(" · People › {name}")),
            dim(theme, status::follow_hint(state)),
        ],
        title_area.width,
    );
    put_line(buf, title_area, title_area.y, &title);
    let mut box_title = format!(
        "{name} across {stories} stor{}",
        if stories == 1 { "y" } else { "ies" }
    );
    if let Some(f) = &state.people.page_filter {
        box_title.push_str(&format!(
            " [f: {}]",
            crate::view::text::label(f.query(), 24)
        ));
    }
    detail::render_titled(theme, &state.people.detail, body, buf, true, &box_title);
    status::render(theme, state, status_area, buf);
}
