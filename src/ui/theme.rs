//! The styles of every part of the screen, in one place. Colours are a hint
//! only: selection and focus also show without colour (reverse video, bold,
//! markers), and `NO_COLOR` turns colours off.

use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::style::{Color, Modifier, Style};

static COLOR: AtomicBool = AtomicBool::new(true);

/// Turns colours on or off (off when `NO_COLOR` is set).
pub fn set_color(on: bool) {
    COLOR.store(on, Ordering::Relaxed);
}

fn fg(c: Color) -> Style {
    if COLOR.load(Ordering::Relaxed) {
        Style::new().fg(c)
    } else {
        Style::new()
    }
}

pub fn plain() -> Style {
    Style::new()
}

pub fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn title() -> Style {
    bold()
}

pub fn dim() -> Style {
    fg(Color::DarkGray).add_modifier(Modifier::DIM)
}

pub fn heading() -> Style {
    fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn link() -> Style {
    fg(Color::Cyan)
}

pub fn quote() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

/// A selected row: reversed in the focused pane, bold elsewhere.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        bold()
    }
}

pub fn border(focused: bool) -> Style {
    if focused {
        fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        fg(Color::DarkGray)
    }
}

pub fn error() -> Style {
    fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    fg(Color::Yellow)
}

pub fn status() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn message() -> Style {
    fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// Matched characters of a search hit: underlined and bold (so they show
/// without colour, and inside a reversed selection), yellow with colour.
pub fn highlight() -> Style {
    fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn key() -> Style {
    fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
