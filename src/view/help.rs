//! The help's rows: sections of keys and what they do, wrapped to a width. What
//! the sections hold comes from the key map (`app::keymap::help_sections`).

use ratatui::text::{Line, Span};

use super::line::{fit, pad, styled};
use super::text::{width, Wrap};
use super::theme::Theme;

/// One section of the help: its title and its (keys, what they do) rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    pub entries: Vec<(String, &'static str)>,
}

/// Rows of `keys` + `what`, the description wrapped under itself.
fn entry(
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
    keys: &str,
    what: &str,
    key_w: usize,
    cells: usize,
) {
    let text_w = cells.saturating_sub(key_w + 3).max(8);
    for (n, r) in Wrap::new(what, text_w).enumerate() {
        let k = if n == 0 {
            pad(keys, key_w)
        } else {
            " ".repeat(key_w)
        };
        out.push(fit(
            vec![
                Span::raw("  "),
                styled(k, theme.key()),
                Span::raw(" "),
                Span::raw(what[r].to_string()),
            ],
            cells as u16,
        ));
    }
}

/// Every row of the help at a width: each section's title, then its keys and
/// what they do, a blank row between sections.
pub fn lines(theme: &Theme, sections: &[HelpSection], cells: u16) -> Vec<Line<'static>> {
    let cells = usize::from(cells);
    let key_w = sections
        .iter()
        .flat_map(|s| s.entries.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for section in sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(styled(section.title, theme.heading())));
        for (keys, what) in &section.entries {
            entry(theme, &mut out, keys, what, key_w, cells);
        }
    }
    out
}
