//! Screen geometry: which rectangle each part of a screen gets at a given size.
//! Pure functions of the size and a few facts about the state, shared by drawing
//! and by the update logic (paging, keeping selections visible, mouse hits).
//!
//! Wide terminals (≥ 120 columns) put the panes side by side with the detail
//! pane (the active Claims pane spans its row: the matrix wants width); medium ones stack the panes over the detail; small ones (< 60 columns
//! or < 15 rows) show one pane at a time with tabs.

use ratatui::layout::Rect;

use crate::story::Story;
use crate::view::theme::Theme;

use super::Pane;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeClass {
    Wide,
    Medium,
    Small,
}

pub fn size_class(area: Rect) -> SizeClass {
    if area.width < 60 || area.height < 15 {
        SizeClass::Small
    } else if area.width >= 120 {
        SizeClass::Wide
    } else {
        SizeClass::Medium
    }
}

/// The parts of the story screen. Absent parts are empty rectangles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryAreas {
    pub class: SizeClass,
    pub header: Rect,
    /// The tab row of the small layout.
    pub tabs: Rect,
    /// One rectangle per pane, in [`Pane::ALL`] order. A pane one row high is a
    /// collapsed title bar.
    pub panes: [Rect; 6],
    pub detail: Rect,
    pub status: Rect,
}

/// The inside of a bordered box; empty when the box has no inside.
pub fn inner(r: Rect) -> Rect {
    if r.width < 3 || r.height < 3 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// Splits `total` into `n` parts that differ by at most one.
fn split(total: u16, n: u16) -> Vec<u16> {
    let n = n.max(1);
    (0..n)
        .map(|i| total / n + u16::from(i < total % n))
        .collect()
}

/// Takes `rows` rows off the top of `r`.
fn take_top(r: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(r.height);
    let top = Rect::new(r.x, r.y, r.width, rows);
    r.y += rows;
    r.height -= rows;
    top
}

/// Takes `rows` rows off the bottom of `r`.
fn take_bottom(r: &mut Rect, rows: u16) -> Rect {
    let rows = rows.min(r.height);
    r.height -= rows;
    Rect::new(r.x, r.y + r.height, r.width, rows)
}

/// The story screen: `header_height` is what the header would like (title,
/// question, summary; the small layout gives it at most half the rows);
/// `pane` is the active pane, `detail` whether the detail pane has the focus
/// (in the small layout it then fills the screen).
pub fn story_areas(area: Rect, header_height: u16, pane: Pane, detail: bool) -> StoryAreas {
    let class = size_class(area);
    let mut rest = area;
    let mut out = StoryAreas {
        class,
        header: Rect::default(),
        tabs: Rect::default(),
        panes: [Rect::default(); 6],
        detail: Rect::default(),
        status: Rect::default(),
    };
    if class == SizeClass::Small {
        if rest.height >= 2 {
            out.status = take_bottom(&mut rest, 1);
        }
        if rest.height >= 6 {
            let rows = header_height.clamp(1, rest.height / 2);
            out.header = take_top(&mut rest, rows);
        }
        if rest.height >= 3 {
            out.tabs = take_top(&mut rest, 1);
        }
        if detail {
            out.detail = rest;
        } else {
            out.panes[pane.index()] = rest;
        }
        return out;
    }
    out.status = take_bottom(&mut rest, 1);
    let header = header_height.clamp(1, (area.height / 3).max(1));
    out.header = take_top(&mut rest, header);
    if class == SizeClass::Wide {
        let left_w = rest.width * 3 / 5;
        let left = Rect::new(rest.x, rest.y, left_w, rest.height);
        out.detail = Rect::new(rest.x + left_w, rest.y, rest.width - left_w, rest.height);
        let rows = split(left.height, 3);
        let mut y = left.y;
        for (r, h) in rows.iter().enumerate() {
            let mut x = left.x;
            // The focused list's row gives it two thirds of the width (its rows
            // show words, not only a name); the other rows split evenly.
            let active = (!detail).then_some(pane.index()).filter(|&i| i / 2 == r);
            let cols = match active {
                Some(i) => {
                    let wide = left.width * 2 / 3;
                    if i % 2 == 0 {
                        vec![wide, left.width - wide]
                    } else {
                        vec![left.width - wide, wide]
                    }
                }
                None => split(left.width, 2),
            };
            for (c, w) in cols.iter().enumerate() {
                out.panes[r * 2 + c] = Rect::new(x, y, *w, *h);
                x += w;
            }
            y += h;
        }
        // The claims matrix wants width: while Claims is the active pane it spans
        // its row, and Sources keeps a one-row title bar under it.
        let (claims, sources) = (Pane::Claims.index(), Pane::Sources.index());
        if pane == Pane::Claims && out.panes[claims].height >= 4 {
            let row = out.panes[claims];
            out.panes[claims] = Rect::new(left.x, row.y, left.width, row.height - 1);
            out.panes[sources] = Rect::new(left.x, row.bottom() - 1, left.width, 1);
        }
    } else if rest.height < 16 {
        // Too short to stack both: the panes, or the detail when it has the focus.
        if detail {
            out.detail = rest;
        } else {
            accordion(&mut rest, pane, &mut out.panes);
        }
    } else {
        let panes_h = (rest.height * 3 / 5).max(rest.height.min(8));
        let mut panes = take_top(&mut rest, panes_h);
        out.detail = rest;
        accordion(&mut panes, pane, &mut out.panes);
    }
    out
}

/// The story screen zoomed (`z`): the title row, then the focused pane (a
/// list, or the detail) over the whole body, then the status bar.
pub fn zoomed_areas(area: Rect, pane: Pane, detail: bool) -> StoryAreas {
    let mut rest = area;
    let mut out = StoryAreas {
        class: size_class(area),
        header: Rect::default(),
        tabs: Rect::default(),
        panes: [Rect::default(); 6],
        detail: Rect::default(),
        status: Rect::default(),
    };
    if rest.height >= 2 {
        out.status = take_bottom(&mut rest, 1);
    }
    if rest.height >= 6 {
        out.header = take_top(&mut rest, 1);
    }
    if detail {
        out.detail = rest;
    } else {
        out.panes[pane.index()] = rest;
    }
    out
}

/// Stacks the six panes in `area`: the active one gets the room, the others a
/// title bar (one row) or, when there is space, a row of content (three rows).
fn accordion(area: &mut Rect, active: Pane, panes: &mut [Rect; 6]) {
    let h = area.height;
    let others = if h >= 5 * 3 + 10 {
        3
    } else if h >= 5 + 3 {
        1
    } else {
        0
    };
    for p in Pane::ALL {
        let rows = if p == active { h - 5 * others } else { others };
        panes[p.index()] = take_top(area, rows);
    }
}

/// The parts of the library and problems screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAreas {
    pub title: Rect,
    pub list: Rect,
    /// The selected entry in full, below the list (absent in the small layout).
    pub preview: Rect,
    pub status: Rect,
}

pub fn list_areas(area: Rect) -> ListAreas {
    let mut rest = area;
    let mut out = ListAreas {
        title: Rect::default(),
        list: Rect::default(),
        preview: Rect::default(),
        status: Rect::default(),
    };
    if rest.height >= 2 {
        out.status = take_bottom(&mut rest, 1);
    }
    if rest.height >= 4 {
        out.title = take_top(&mut rest, 1);
    }
    // The list takes the full width (its columns need it), the preview goes below.
    if size_class(area) == SizeClass::Small {
        out.list = rest;
    } else {
        let h = rest.height * 3 / 5;
        out.list = take_top(&mut rest, h);
        out.preview = rest;
    }
    out
}

/// The help overlay: centred, at most 84 columns wide.
pub fn help_area(area: Rect) -> Rect {
    if size_class(area) == SizeClass::Small {
        return area;
    }
    let w = (area.width - 4).min(84);
    let h = area.height - 2;
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

/// A tab of the small layout: a pane or the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Pane(Pane),
    Detail,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Pane(Pane::Timeline),
        Tab::Pane(Pane::Parties),
        Tab::Pane(Pane::Analysts),
        Tab::Pane(Pane::Quotes),
        Tab::Pane(Pane::Claims),
        Tab::Pane(Pane::Sources),
        Tab::Detail,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Pane(p) => p.title(),
            Tab::Detail => "Detail",
        }
    }
}

/// Where each visible tab sits in a tab row of `width` cells: (tab, x offset,
/// width). Tabs are separated by one space; when they do not all fit, the row
/// starts late enough for the active tab to show. The second value says whether
/// tabs are hidden on the left, the third on the right.
pub fn tab_positions(width: u16, active: Tab) -> (Vec<(Tab, u16, u16)>, bool, bool) {
    let w = |t: Tab| t.title().len() as u16 + 2;
    let active_i = Tab::ALL.iter().position(|&t| t == active).unwrap_or(0);
    // The first tab such that tabs first..=active fit (leaving room for markers).
    let room = width.saturating_sub(2);
    let mut first = 0;
    while first < active_i {
        let used: u16 = Tab::ALL[first..=active_i].iter().map(|&t| w(t) + 1).sum();
        if used <= room {
            break;
        }
        first += 1;
    }
    let mut x = u16::from(first > 0);
    let mut out = Vec::new();
    let mut more_right = false;
    for &t in &Tab::ALL[first..] {
        if x + w(t) > width {
            more_right = true;
            break;
        }
        out.push((t, x, w(t)));
        x += w(t) + 1;
    }
    (out, first > 0, more_right)
}

/// The first row to show so that `selected` is visible and no rows are wasted
/// below the end.
pub fn visible_offset(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let mut offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}

/// Where each part of the story screen goes. The header asks for its title and
/// question; in the small layout it keeps to the title. The header view (`s`,
/// `header_view`) is laid out as the zoomed detail: its text in the `detail` area.
pub fn story_layout(
    area: Rect,
    story: &Story,
    header_view: bool,
    pane: Pane,
    focus_detail: bool,
    zoom: bool,
) -> StoryAreas {
    if header_view {
        return zoomed_areas(area, pane, true);
    }
    if zoom {
        return zoomed_areas(area, pane, focus_detail);
    }
    let small = size_class(area) == SizeClass::Small;
    let header_h = if small {
        1
    } else {
        let cap = if area.height < 24 {
            // Title and one row of question on a short screen.
            2
        } else {
            area.height / 3
        };
        super::header::height(&Theme::default(), story, area.width, cap.max(1))
    };
    story_areas(area, header_h, pane, focus_detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_by_size() {
        assert_eq!(size_class(Rect::new(0, 0, 120, 40)), SizeClass::Wide);
        assert_eq!(size_class(Rect::new(0, 0, 119, 40)), SizeClass::Medium);
        assert_eq!(size_class(Rect::new(0, 0, 60, 15)), SizeClass::Medium);
        assert_eq!(size_class(Rect::new(0, 0, 59, 40)), SizeClass::Small);
        assert_eq!(size_class(Rect::new(0, 0, 200, 14)), SizeClass::Small);
    }

    #[test]
    fn every_area_stays_inside_the_screen() {
        for w in 0..130 {
            for h in (0..45).step_by(3) {
                let area = Rect::new(0, 0, w, h);
                for focus in [false, true] {
                    let a = story_areas(area, 5, Pane::Quotes, focus);
                    for r in a
                        .panes
                        .iter()
                        .chain([&a.header, &a.tabs, &a.detail, &a.status])
                    {
                        assert!(
                            r.is_empty()
                                || area.contains(r.as_position())
                                    && r.right() <= area.right()
                                    && r.bottom() <= area.bottom(),
                            "{r:?} in {area:?}"
                        );
                    }
                }
                let l = list_areas(area);
                for r in [l.title, l.list, l.preview, l.status] {
                    assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
                }
            }
        }
    }

    #[test]
    fn wide_puts_panes_beside_the_detail_and_medium_stacks_them() {
        let a = story_areas(Rect::new(0, 0, 120, 40), 3, Pane::Timeline, false);
        assert!(a
            .panes
            .iter()
            .all(|p| p.right() <= a.detail.x && p.height > 3));
        let m = story_areas(Rect::new(0, 0, 100, 30), 3, Pane::Quotes, false);
        assert!(m.panes.iter().all(|p| p.bottom() <= m.detail.y));
        assert!(m.panes[Pane::Quotes.index()].height > 3);
        let s = story_areas(Rect::new(0, 0, 40, 12), 3, Pane::Claims, false);
        assert_eq!(s.panes.iter().filter(|p| !p.is_empty()).count(), 1);
        assert!(s.detail.is_empty() && !s.tabs.is_empty());
    }

    #[test]
    fn tabs_keep_the_active_one_visible() {
        for width in [10, 20, 40, 80] {
            for t in Tab::ALL {
                let (tabs, _, _) = tab_positions(width, t);
                if width >= 12 {
                    assert!(tabs.iter().any(|(x, _, _)| *x == t), "{t:?} at {width}");
                }
                assert!(tabs.iter().all(|(_, x, w)| x + w <= width));
            }
        }
    }
}
