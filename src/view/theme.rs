//! The styles of every part of the screen, in one place. Colours are a hint
//! only: selection and focus also show without colour (reverse video, bold,
//! markers), and `NO_COLOR` turns colours off.
//!
//! A [`Palette`] gives the colour of each element; `dark` (the default) and
//! `light` are built in and the configuration can change any element. The
//! [`Theme`] in force (a palette, colours on or off) is passed to the drawing.

use ratatui::style::{Color, Modifier, Style};

use crate::story::StanceKind;

/// The foreground colour of each element (`None`: the terminal's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Secondary text: dates, counts, hints.
    pub dim: Option<Color>,
    /// Story and item titles.
    pub title: Option<Color>,
    /// Section headings (help, detail).
    pub heading: Option<Color>,
    /// Cross-references and URLs.
    pub link: Option<Color>,
    /// Quoted words.
    pub quote: Option<Color>,
    /// The frame of a pane without the focus.
    pub border: Option<Color>,
    /// The frame of the focused pane.
    pub border_focused: Option<Color>,
    pub error: Option<Color>,
    pub warning: Option<Color>,
    /// A one-off note in the status bar.
    pub message: Option<Color>,
    /// Keys in the help.
    pub key: Option<Color>,
    /// Matched characters of a search hit or a filtered row.
    pub matched: Option<Color>,
    /// The status bar (shown in reverse video, so this is its background).
    pub status: Option<Color>,
}

impl Palette {
    /// Light text on a dark terminal (the default).
    pub const DARK: Palette = Palette {
        dim: Some(Color::DarkGray),
        title: None,
        heading: Some(Color::Yellow),
        link: Some(Color::Cyan),
        quote: None,
        border: Some(Color::DarkGray),
        border_focused: Some(Color::Cyan),
        error: Some(Color::Red),
        warning: Some(Color::Yellow),
        message: Some(Color::Yellow),
        key: Some(Color::Cyan),
        matched: Some(Color::Yellow),
        status: None,
    };

    /// Dark text on a light terminal: no yellow or cyan, which fade on white.
    pub const LIGHT: Palette = Palette {
        dim: Some(Color::DarkGray),
        title: None,
        heading: Some(Color::Magenta),
        link: Some(Color::Blue),
        quote: None,
        border: Some(Color::Gray),
        border_focused: Some(Color::Blue),
        error: Some(Color::Red),
        warning: Some(Color::Indexed(130)),
        message: Some(Color::Magenta),
        key: Some(Color::Blue),
        matched: Some(Color::Magenta),
        status: None,
    };

    /// The element names the configuration uses, in the order of the fields.
    pub const ELEMENTS: [&'static str; 13] = [
        "dim",
        "title",
        "heading",
        "link",
        "quote",
        "border",
        "border_focused",
        "error",
        "warning",
        "message",
        "key",
        "match",
        "status",
    ];

    /// The built-in palette with this name (`dark`, `light`).
    pub fn named(name: &str) -> Option<Palette> {
        match name.to_ascii_lowercase().as_str() {
            "dark" | "default" => Some(Palette::DARK),
            "light" => Some(Palette::LIGHT),
            _ => None,
        }
    }

    /// The colour of an element, by its configuration name.
    pub fn element_mut(&mut self, name: &str) -> Option<&mut Option<Color>> {
        Some(match name {
            "dim" => &mut self.dim,
            "title" => &mut self.title,
            "heading" => &mut self.heading,
            "link" => &mut self.link,
            "quote" => &mut self.quote,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "error" => &mut self.error,
            "warning" => &mut self.warning,
            "message" => &mut self.message,
            "key" => &mut self.key,
            "match" => &mut self.matched,
            "status" => &mut self.status,
            _ => return None,
        })
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::DARK
    }
}

/// Reads a colour as the configuration writes it: a name (`red`,
/// `dark_gray`, `light-blue`), `#rrggbb`, or a 256-colour index (`208`);
/// `none` or `default` means the terminal's own colour.
pub fn parse_color(text: &str) -> Result<Option<Color>, String> {
    let t = text.trim().to_ascii_lowercase().replace('_', "-");
    if matches!(t.as_str(), "none" | "default" | "reset") {
        return Ok(None);
    }
    let ok = match t.as_bytes() {
        [b'#', rest @ ..] => rest.len() == 6 && rest.iter().all(u8::is_ascii_hexdigit),
        _ => true,
    };
    match t.parse::<Color>() {
        Ok(c) if ok && t != "reset" => Ok(Some(c)),
        _ => Err(format!(
            "`{text}` is not a colour; write a name (red, dark_gray, light_blue…), #rrggbb, a number 0–255, or none"
        )),
    }
}

/// The theme the screen is drawn in: a palette, and whether colours show at
/// all (`NO_COLOR` turns them off). Passed to the drawing; nothing global.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::DARK,
        }
    }
}

impl Theme {
    /// A palette, in colour.
    pub fn new(palette: Palette) -> Theme {
        Theme {
            color: true,
            palette,
        }
    }

    /// This theme with colours on or off.
    pub fn with_color(self, color: bool) -> Theme {
        Theme { color, ..self }
    }

    /// The style of an element: its colour (if colours are on and it has one).
    fn fg(&self, pick: fn(&Palette) -> Option<Color>) -> Style {
        match pick(&self.palette) {
            Some(c) if self.color => Style::new().fg(c),
            _ => Style::new(),
        }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }

    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn title(&self) -> Style {
        self.fg(|p| p.title).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.fg(|p| p.dim).add_modifier(Modifier::DIM)
    }

    pub fn heading(&self) -> Style {
        self.fg(|p| p.heading).add_modifier(Modifier::BOLD)
    }

    pub fn link(&self) -> Style {
        self.fg(|p| p.link)
    }

    pub fn quote(&self) -> Style {
        self.fg(|p| p.quote).add_modifier(Modifier::ITALIC)
    }

    /// A selected row: reversed in the focused pane, bold elsewhere.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            self.bold()
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(|p| p.border_focused).add_modifier(Modifier::BOLD)
        } else {
            self.fg(|p| p.border)
        }
    }

    pub fn error(&self) -> Style {
        self.fg(|p| p.error).add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(|p| p.warning)
    }

    pub fn status(&self) -> Style {
        self.fg(|p| p.status).add_modifier(Modifier::REVERSED)
    }

    pub fn message(&self) -> Style {
        self.fg(|p| p.message).add_modifier(Modifier::BOLD)
    }

    /// Matched characters of a search hit or a filtered row: underlined and bold
    /// (so they show without colour, and inside a reversed selection).
    pub fn highlight(&self) -> Style {
        self.fg(|p| p.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Words a change removed: red and struck through (shown as `[-words-]`
    /// without colour, as `storyx diff` does).
    pub fn removed(&self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT)
        } else {
            Style::new()
        }
    }

    /// Words a change added: green (shown as `{+words+}` without colour).
    pub fn added(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn key(&self) -> Style {
        self.fg(|p| p.key).add_modifier(Modifier::BOLD)
    }

    /// A stance cell of the claims matrix (the glyph and word say it without
    /// colour; the colour follows the palette's error/warning hints, and `NO_COLOR`).
    pub fn stance(&self, kind: StanceKind) -> Style {
        let color = match kind {
            StanceKind::Supports => Some(Color::Green),
            StanceKind::Disputes => self.palette.error,
            StanceKind::Mixed | StanceKind::Unclear => self.palette.warning,
            StanceKind::Neutral | StanceKind::NoComment => None,
        };
        match color {
            Some(c) if self.color => Style::new().fg(c),
            _ => Style::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_colours() {
        assert_eq!(parse_color("red"), Ok(Some(Color::Red)));
        assert_eq!(parse_color("Dark_Gray"), Ok(Some(Color::DarkGray)));
        assert_eq!(parse_color("light-blue"), Ok(Some(Color::LightBlue)));
        assert_eq!(parse_color("#FF8000"), Ok(Some(Color::Rgb(255, 128, 0))));
        assert_eq!(parse_color("208"), Ok(Some(Color::Indexed(208))));
        assert_eq!(parse_color("none"), Ok(None));
        assert!(parse_color("#12").is_err());
        assert!(parse_color("chartreuse-ish").is_err());
        assert!(parse_color("300").is_err());
    }

    #[test]
    fn no_color_drops_colours_and_keeps_modifiers() {
        let plain = Theme::default().with_color(false);
        assert_eq!(plain.heading(), Style::new().add_modifier(Modifier::BOLD));
        assert_eq!(
            plain.border(true),
            Style::new().add_modifier(Modifier::BOLD)
        );
        assert_eq!(
            plain.selected(true),
            Style::new().add_modifier(Modifier::REVERSED)
        );
        assert_eq!(Theme::default().heading().fg, Some(Color::Yellow));
        assert_eq!(
            Theme::new(Palette::LIGHT).heading().fg,
            Some(Color::Magenta)
        );
    }
}
