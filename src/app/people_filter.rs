//! `f` on the People screens, by the pane filter's rules ([`RowFilter`]: every
//! word typed, as a word, a word's start or initials). On the People list it
//! keeps the people whose name or id matches, with a list position of its own
//! among them; on a person's page it keeps the lines (a → line with the notes
//! under it) whose text, their story's title or their section's ("Said",
//! "Stances") matches, under their story's heading. Esc clears it.

use std::ops::Range;

use super::detail::{BlockStyle, Doc};
use super::filter::{PaneFilter, RowFilter};
use super::line::LineKey;
use super::people::person_doc;
use super::state::{Screen, State};

/// One line of a person's page that the filter keeps or drops: its blocks, and
/// the story heading and the section title above it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Unit {
    blocks: Range<usize>,
    heading: Option<usize>,
    section: Option<usize>,
}

/// The lines of a person's page: each → line with the notes under it.
fn units(doc: &Doc) -> Vec<Unit> {
    let mut out = Vec::new();
    let (mut heading, mut section) = (None, None);
    let blocks = &doc.blocks;
    let mut i = 0;
    while i < blocks.len() {
        match blocks[i].style {
            BlockStyle::Heading => {
                heading = Some(i);
                section = None;
            }
            // The section titles inside a story ("Said (2)"); the page's own title
            // is the first block.
            BlockStyle::Title if i > 0 => section = Some(i),
            BlockStyle::Link => {
                let mut end = i + 1;
                while end < blocks.len()
                    && matches!(blocks[end].style, BlockStyle::Note | BlockStyle::Text)
                {
                    end += 1;
                }
                out.push(Unit {
                    blocks: i..end,
                    heading,
                    section,
                });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// What the filter matches a line by: its story's title, its section, its text.
fn unit_text(doc: &Doc, u: &Unit) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for b in [u.heading, u.section].into_iter().flatten() {
        parts.push(&doc.blocks[b].text);
    }
    parts.extend(doc.blocks[u.blocks.clone()].iter().map(|b| b.text.as_str()));
    parts.join(" ")
}

/// The page with only the lines `keep` keeps (indexes into [`units`]), each under
/// its story's heading and section title; the title and counts stay on top.
fn narrowed(doc: &Doc, units: &[Unit], keep: &[usize]) -> Doc {
    let mut out = Doc {
        blocks: doc
            .blocks
            .iter()
            .take_while(|b| !matches!(b.style, BlockStyle::Blank | BlockStyle::Heading))
            .cloned()
            .collect(),
        links: doc.links.clone(),
    };
    let (mut heading, mut section) = (None, None);
    for u in keep.iter().filter_map(|&k| units.get(k)) {
        if u.heading != heading {
            heading = u.heading;
            section = None;
            if let Some(h) = heading {
                out.blank();
                out.blocks.push(doc.blocks[h].clone());
            }
        }
        if u.section != section {
            section = u.section;
            if let Some(s) = section {
                out.blocks.push(doc.blocks[s].clone());
            }
        }
        out.blocks
            .extend(doc.blocks[u.blocks.clone()].iter().cloned());
    }
    if keep.is_empty() {
        out.blank();
        out.push(
            BlockStyle::Note,
            "Nothing on this page matches the filter.",
            0,
        );
    }
    out
}

/// Whether a People filter is being typed (the list's or the page's).
pub fn typing(state: &State) -> bool {
    match state.nav.screen {
        Screen::People => state.people.list_filter.as_ref().is_some_and(|f| f.typing),
        Screen::Person => state.people.page_filter.as_ref().is_some_and(|f| f.typing),
        _ => false,
    }
}

/// The row texts of the People list: each person's name and id.
fn list_texts(state: &State) -> Vec<String> {
    state
        .corpus
        .entities
        .iter()
        .map(|e| format!("{} {}", e.name, e.id))
        .collect()
}

/// `f` on the People list or a person's page: opens its filter line (again
/// on a filtered one: edits the query).
pub fn start(state: &mut State) {
    match state.nav.screen {
        Screen::People => match state.people.list_filter.as_mut() {
            Some(f) => f.typing = true,
            None => {
                let mut f = PaneFilter::over(list_texts(state));
                f.pos.selected = state.people.list.selected;
                state.people.list_filter = Some(f);
            }
        },
        Screen::Person => match state.people.page_filter.as_mut() {
            Some(f) => f.typing = true,
            None => {
                let Some(e) = state.people.person else {
                    return;
                };
                let doc = person_doc(&state.corpus, e);
                let texts = units(&doc).iter().map(|u| unit_text(&doc, u)).collect();
                state.people.page_filter = Some(RowFilter::new(texts));
            }
        },
        _ => {}
    }
}

/// The page of the person shown, narrowed by the page's filter when it has one
/// with something typed (the filter's texts are taken again for this person).
pub fn page_doc(state: &mut State, entity: usize) -> Doc {
    let doc = person_doc(&state.corpus, entity);
    let Some(f) = state.people.page_filter.as_mut() else {
        return doc;
    };
    let units = units(&doc);
    f.set_texts(units.iter().map(|u| unit_text(&doc, u)).collect());
    if f.query().trim().is_empty() {
        return doc;
    }
    narrowed(&doc, &units, &f.rows)
}

/// Shows the page again for the filter as it is now, the cursor at its top.
fn refresh_page(state: &mut State) {
    let Some(e) = state.people.person else {
        return;
    };
    let doc = page_doc(state, e);
    state.people.detail.set_doc(doc);
}

/// A key of a People filter line.
pub fn line_key(state: &mut State, key: LineKey) {
    match state.nav.screen {
        Screen::People => list_key(state, key),
        Screen::Person => page_key(state, key),
        _ => {}
    }
}

fn list_key(state: &mut State, key: LineKey) {
    let page = state.page();
    let people = &mut state.people;
    super::filter::row_line_key(
        &mut people.list_filter,
        &mut people.list.selected,
        key,
        page,
    );
}

fn page_key(state: &mut State, key: LineKey) {
    let page = state.page();
    let Some(f) = state.people.page_filter.as_mut() else {
        return;
    };
    let d = &mut state.people.detail;
    match key {
        LineKey::Up => d.up(1),
        LineKey::Down => d.down(1),
        LineKey::PageUp => d.up(page),
        LineKey::PageDown => d.down(page),
        LineKey::Accept => {
            f.typing = false;
            if f.query().trim().is_empty() {
                clear_page(state);
            }
        }
        LineKey::Cancel => {
            clear_page(state);
        }
        edit => {
            if f.edit(edit) {
                refresh_page(state);
            }
        }
    }
}

/// Clears the filter of the People screen shown; true if there was one.
pub fn clear(state: &mut State) -> bool {
    match state.nav.screen {
        Screen::People => state.people.list_filter.take().is_some(),
        Screen::Person => clear_page(state),
        _ => false,
    }
}

fn clear_page(state: &mut State) -> bool {
    if state.people.page_filter.take().is_none() {
        return false;
    }
    refresh_page(state);
    true
}

/// Keeps the People list's filter in step with the list (called by settle): it
/// goes when the people changed (a reload), and a selection it hides (moved from
/// elsewhere) clears it.
pub fn settle(state: &mut State, rows: usize) {
    let len = state.corpus.entities.len();
    let Some(f) = state.people.list_filter.as_mut() else {
        return;
    };
    if f.total() != len {
        state.people.list_filter = None;
        return;
    }
    if !f.rows.is_empty() {
        match f.rows.binary_search(&state.people.list.selected) {
            Ok(k) => f.pos.selected = k,
            Err(_) => {
                state.people.list_filter = None;
                return;
            }
        }
    }
    f.pos.settle(f.rows.len(), rows);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::detail::Target;
    use crate::app::Pane;

    fn page() -> Doc {
        let mut d = Doc::default();
        d.push(BlockStyle::Title, "Jane Doe", 0);
        d.push(BlockStyle::Meta, "jane-doe · 2 stories", 0);
        for (n, story) in ["Budget vote", "Harbor strike"].into_iter().enumerate() {
            d.blank();
            d.push(BlockStyle::Heading, story, 0);
            let at = |index| {
                Some(Target {
                    story: n,
                    pane: Pane::Quotes,
                    index,
                })
            };
            d.link("party · person".into(), at(0), 2);
            d.push(BlockStyle::Text, "Position: for the budget", 4);
            d.push(BlockStyle::Title, "Said (2)", 2);
            d.link(format!("“cuts now” ({story})"), at(1), 4);
            d.link("“no strike”".into(), at(2), 4);
        }
        d
    }

    fn texts(d: &Doc) -> Vec<String> {
        d.blocks.iter().map(|b| b.text.clone()).collect()
    }

    #[test]
    fn a_filtered_page_keeps_matching_lines_under_their_story_and_section() {
        let d = page();
        let u = units(&d);
        assert_eq!(u.len(), 6);
        let mut f = RowFilter::new(u.iter().map(|x| unit_text(&d, x)).collect());
        for c in "strike".chars() {
            f.edit(LineKey::Insert(c));
        }
        let out = narrowed(&d, &u, &f.rows);
        // Every line of the Harbor strike story (its title matches), and the one
        // line of the budget story that says "strike", under their headings.
        assert_eq!(
            texts(&out),
            [
                "Jane Doe",
                "jane-doe · 2 stories",
                "",
                "Budget vote",
                "Said (2)",
                "“no strike”",
                "",
                "Harbor strike",
                "party · person",
                "Position: for the budget",
                "Said (2)",
                "“cuts now” (Harbor strike)",
                "“no strike”",
            ]
        );
        // The links still lead where they did.
        let follow: Vec<_> = out
            .blocks
            .iter()
            .filter_map(|b| b.link)
            .map(|l| out.links[l])
            .map(|t| (t.story, t.index))
            .collect();
        assert_eq!(follow, [(0, 2), (1, 0), (1, 1), (1, 2)]);
        let none = narrowed(&d, &u, &[]);
        assert!(texts(&none)
            .last()
            .unwrap()
            .starts_with("Nothing on this page matches"));
    }
}
