//! Where the search overlay's parts go: its box, the query row, the rule, the hits.

use ratatui::layout::Rect;

use super::layout::{inner, size_class, SizeClass};

/// The overlay's box: centred, at most 110 columns wide; the whole screen on a
/// small one.
pub fn area(screen: Rect) -> Rect {
    if size_class(screen) == SizeClass::Small {
        return screen;
    }
    let w = (screen.width - 4).min(110);
    let h = screen.height - 2;
    Rect::new(screen.x + (screen.width - w) / 2, screen.y + 1, w, h)
}

/// Inside the box: the query row, a rule under it (when there is room), the hits.
pub fn parts(screen: Rect) -> (Rect, Rect, Rect) {
    let inside = inner(area(screen));
    if inside.is_empty() {
        return (inside, inside, inside);
    }
    let query = Rect {
        height: 1,
        ..inside
    };
    let rule_h = u16::from(inside.height >= 4);
    let rule = Rect {
        y: inside.y + 1,
        height: rule_h,
        ..inside
    };
    let top = 1 + rule_h;
    let hits = Rect {
        y: inside.y + top,
        height: inside.height.saturating_sub(top),
        ..inside
    };
    (query, rule, hits)
}

/// Where the hits are listed.
pub fn results_area(screen: Rect) -> Rect {
    parts(screen).2
}

/// How many hits show at once.
pub fn result_rows(screen: Rect) -> usize {
    usize::from(results_area(screen).height)
}
