//! Where the search overlay's parts go: its box, the query row, the rule, the
//! hits, and beside them, where the width allows, a preview of the selected hit.

use ratatui::layout::Rect;

use super::layout::{inner, size_class, SizeClass};

/// The overlay's box: centred, at most 160 columns wide; the whole screen on a
/// small one.
pub fn area(screen: Rect) -> Rect {
    if size_class(screen) == SizeClass::Small {
        return screen;
    }
    let w = (screen.width - 4).min(160);
    let h = screen.height - 2;
    Rect::new(screen.x + (screen.width - w) / 2, screen.y + 1, w, h)
}

/// The narrowest the hit list gets beside a preview, and the narrowest preview.
const MIN_LIST: u16 = 60;
const MIN_PREVIEW: u16 = 36;

/// The hits' area split into the list and, where the width allows (the list
/// keeps [`MIN_LIST`] cells and the preview gets [`MIN_PREVIEW`]), a rule
/// column and the preview of the selected hit beside it (empty otherwise).
pub fn split(hits: Rect) -> (Rect, Rect) {
    if hits.width < MIN_LIST + 1 + MIN_PREVIEW {
        return (hits, Rect::new(hits.right(), hits.y, 0, 0));
    }
    let list_w = (hits.width * 16 / 25).max(MIN_LIST);
    let list = Rect {
        width: list_w,
        ..hits
    };
    let preview = Rect {
        x: hits.x + list_w + 1,
        width: hits.width - list_w - 1,
        ..hits
    };
    (list, preview)
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

/// Where the hits are listed (left of the preview, when there is one).
pub fn results_area(screen: Rect) -> Rect {
    split(parts(screen).2).0
}

/// Where the selected hit is previewed (empty when the width does not allow it).
pub fn preview_area(screen: Rect) -> Rect {
    split(parts(screen).2).1
}

/// How many hits show at once.
pub fn result_rows(screen: Rect) -> usize {
    usize::from(results_area(screen).height)
}
