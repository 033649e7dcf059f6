//! The geometry of the claims matrix: the parts of the pane's inside, the
//! width of each column, how many stance columns fit, and the short names that
//! head them.

use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use crate::sanitize::sanitize_line;
use crate::story::{ClaimStatus, Story, Str};

use super::matrix;
use super::text::{clip, grapheme_width, prefix_fitting, truncate, width};

/// Cells of one stance column: `— no comment` fits (and `—*no comment`, changed).
pub const CELL: usize = 12;

/// The claim column is never narrower than this while columns show.
const MIN_CLAIM: usize = 14;

/// The parts of the pane's inside: the column header, the claim rows, and the
/// selected cell's note and quote under them (absent when there is no room).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub header: Rect,
    pub body: Rect,
    pub under: Rect,
}

pub fn parts(inner: Rect) -> Parts {
    let h = inner.height;
    let header = u16::from(h >= 2);
    let under = match h {
        7.. => 2,
        4.. => 1,
        _ => 0,
    };
    let body_h = h - header - under;
    Parts {
        header: Rect::new(inner.x, inner.y, inner.width, header),
        body: Rect::new(inner.x, inner.y + header, inner.width, body_h),
        under: Rect::new(inner.x, inner.y + header + body_h, inner.width, under),
    }
}

/// How a status reads in its column.
pub fn status_label(s: Option<ClaimStatus>) -> &'static str {
    s.map_or("no status", |s| s.as_str())
}

/// Column widths for rows `text_w` cells wide (after the selection marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The status column (0: dropped for lack of room).
    pub status: usize,
    pub claim: usize,
    /// How many stance columns show at once.
    pub shown: usize,
}

impl Geometry {
    /// Where stance column `n` (counted from the first shown) starts.
    pub fn cell_x(&self, n: usize) -> usize {
        let status = if self.status > 0 { self.status + 1 } else { 0 };
        status + self.claim + 1 + n * (CELL + 1)
    }
}

pub fn geometry(story: &Story, columns: usize, text_w: usize) -> Geometry {
    let status_w = story
        .claims
        .iter()
        .map(|c| status_label(c.status).len())
        .max()
        .unwrap_or(0);
    let per = CELL + 1;
    let fitting = |status: usize| {
        let fixed = if status > 0 { status + 1 } else { 0 } + MIN_CLAIM + 1;
        (text_w.saturating_sub(fixed) / per).min(columns)
    };
    let mut status = status_w;
    let mut shown = fitting(status);
    if shown == 0 && columns > 0 {
        // Too narrow: the status goes (it is in the line under the matrix).
        status = 0;
        shown = fitting(0);
    }
    let used = if status > 0 { status + 1 } else { 0 } + shown * per + 1;
    Geometry {
        status,
        claim: text_w.saturating_sub(used),
        shown,
    }
}

/// How many stance columns show in a pane whose inside is `inner`.
pub fn visible_columns(story: &Story, inner: Rect) -> usize {
    if inner.width < 3 || inner.height == 0 {
        return 0;
    }
    let columns = matrix::columns(story).len();
    geometry(story, columns, usize::from(inner.width) - 2).shown
}

/// A short name for a column header or a title, sanitized: the name if it
/// fits in `cells`, else the shortest alias that fits, else the name cut with `…`.
pub fn short_name(name: &str, aliases: &[Str], cells: usize) -> String {
    // Whole, sanitized, when it fits (a long text is not read past what could fit).
    let whole = |raw: &str| {
        (raw.chars().nth(cells * 4 + 16).is_none())
            .then(|| sanitize_line(raw).into_owned())
            .filter(|t| !t.is_empty() && width(t) <= cells)
    };
    whole(name)
        .or_else(|| {
            aliases
                .iter()
                .filter_map(|a| whole(a))
                .min_by_key(|a| width(a))
        })
        .unwrap_or_else(|| clip(name, cells))
}

/// Sanitized `text` cut in the middle to `cells`: "Minist…fairs".
pub fn cut_middle(text: &str, cells: usize) -> String {
    if width(text) <= cells || cells < 3 {
        return truncate(text, cells, false).into_owned();
    }
    let tail_w = (cells - 1) / 2;
    let (head, _) = prefix_fitting(text, cells - 1 - tail_w);
    let mut start = text.len();
    let mut used = 0;
    for (i, g) in text.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > tail_w {
            break;
        }
        start = i;
    }
    format!("{}…{}", head.trim_end(), text[start..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_read_the_same_are_cut_in_the_middle() {
        assert_eq!(
            cut_middle("Ministry of Foreign Affairs", 12),
            "Minist…fairs"
        );
        assert_eq!(cut_middle("Short", 12), "Short");
        assert_eq!(cut_middle("中国民主同盟 17", 12), "中国民…盟 17");
        let aliases: Vec<Str> = vec!["MOFA".into()];
        assert_eq!(
            short_name("Ministry of Foreign Affairs", &aliases, 12),
            "MOFA"
        );
        assert_eq!(short_name("Ministry of Commerce", &[], 12), "Ministry of…");
        assert_eq!(short_name("李伟 (Li Wei)", &[], 12), "李伟 (Li We…");
    }
}
