//! The key map: one table from keys to [`Action`]s, with a description of each.
//! The event loop reads keys through it and the help screen is generated from
//! it, so the help can never drift from what the keys do.
//!
//! [`KEYMAP`] holds the defaults; the user's configuration can rebind any
//! action by name ([`remapped`]). The bindings in force are a [`Keymap`], kept
//! in the state (`State::keys`).

use std::sync::Arc;

use crate::view::help::HelpSection;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};
use super::line::LineKey;

/// A key as the map names it: a key code, with or without Ctrl. Shift is part of
/// the character (`G`, `?`), so it is not compared for characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// Ctrl-c always quits, in every screen and mode: no configuration can take it
/// away or give it to another action ([`remapped`] keeps it on quit).
pub const RESERVED_QUIT: Key = ctrl('c');

/// Where a binding is listed in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Move,
    Panes,
    Open,
    Item,
    Story,
    People,
    Search,
    /// The query line of the search and the filter ([`LINE_KEYS`]).
    Line,
    App,
}

impl Section {
    /// In the order of the help: the keys everyone needs first.
    pub const ALL: [Section; 9] = [
        Section::Move,
        Section::Panes,
        Section::Open,
        Section::App,
        Section::Item,
        Section::Story,
        Section::People,
        Section::Search,
        Section::Line,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Move => "Move",
            Section::Panes => "Panes",
            Section::Open => "Open and go back",
            Section::Item => "The selected item",
            Section::Story => "Stories",
            Section::People => "People across stories",
            Section::Search => "Search and filter",
            Section::Line => "While typing a search or a filter (other keys type)",
            Section::App => "storyx",
        }
    }
}

/// Keys, what they do, and how the help describes it.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub section: Section,
    pub help: &'static str,
}

const fn bind(
    keys: &'static [Key],
    action: Action,
    section: Section,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        section,
        help,
    }
}

/// Every key binding of the explorer.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    bind(&[key('j'), code(KeyCode::Down)], Action::Down, Section::Move, "move down"),
    bind(&[key('k'), code(KeyCode::Up)], Action::Up, Section::Move, "move up"),
    bind(&[key('g'), code(KeyCode::Home)], Action::Top, Section::Move, "go to the top"),
    bind(&[key('G'), code(KeyCode::End)], Action::Bottom, Section::Move, "go to the bottom"),
    bind(&[ctrl('d'), code(KeyCode::PageDown)], Action::PageDown, Section::Move, "page down"),
    bind(&[ctrl('u'), code(KeyCode::PageUp)], Action::PageUp, Section::Move, "page up"),
    bind(&[key('h'), code(KeyCode::Left)], Action::Left, Section::Move, "claims matrix: the column to the left"),
    bind(&[key('l'), code(KeyCode::Right)], Action::Right, Section::Move, "claims matrix: the column to the right"),
    bind(&[code(KeyCode::Tab)], Action::NextPane, Section::Panes, "next pane (the detail pane last)"),
    bind(&[code(KeyCode::BackTab)], Action::PrevPane, Section::Panes, "previous pane"),
    bind(&[key('1')], Action::FocusPane(Pane::Timeline), Section::Panes, "the Timeline pane"),
    bind(&[key('2')], Action::FocusPane(Pane::Parties), Section::Panes, "the Parties pane"),
    bind(&[key('3')], Action::FocusPane(Pane::Analysts), Section::Panes, "the Analysts pane"),
    bind(&[key('4')], Action::FocusPane(Pane::Quotes), Section::Panes, "the Quotes pane"),
    bind(&[key('5')], Action::FocusPane(Pane::Claims), Section::Panes, "the Claims pane"),
    bind(&[key('6')], Action::FocusPane(Pane::Sources), Section::Panes, "the Sources pane"),
    bind(&[code(KeyCode::Enter)], Action::Open, Section::Open, "open the story or item; in the detail, follow the cross-reference"),
    bind(&[key('}')], Action::NextLink, Section::Open, "detail: the next → cross-reference (a person's page: the next story)"),
    bind(&[key('{')], Action::PrevLink, Section::Open, "detail: the previous → cross-reference (a person's page: the previous story)"),
    bind(&[code(KeyCode::Backspace)], Action::Back, Section::Open, "go back to where you were before following"),
    bind(&[code(KeyCode::Esc)], Action::Close, Section::Open, "close the help, the detail or the problems; back to the library"),
    bind(&[key('s')], Action::ToggleSummary, Section::Story, "the story's title, date, question and summary in full (this key again or the close key closes it)"),
    bind(&[key('z')], Action::ToggleZoom, Section::Panes, "zoom: the focused pane or the detail over the whole screen"),
    bind(&[key('[')], Action::PrevStory, Section::Story, "previous story"),
    bind(&[key(']')], Action::NextStory, Section::Story, "next story"),
    bind(&[key('S')], Action::CycleSort, Section::Story, "sort the library: file order, date, title"),
    bind(&[key('!')], Action::ToggleProblems, Section::Story, "problems: files that failed to load, warnings"),
    bind(&[key('m')], Action::ToggleReviewed, Section::Story, "mark the story reviewed (✓ in the library; a changed one: its new version), or not"),
    bind(&[key('u')], Action::ToggleUnreviewed, Section::Story, "the library shows only unreviewed stories (and those changed since), or all"),
    bind(&[key('d')], Action::Changes, Section::Story, "what changed in the story since you marked it reviewed (the open key follows a change)"),
    bind(&[key('r')], Action::Reload, Section::Story, "reload the story files (edits are also picked up by themselves)"),
    bind(&[key('y')], Action::Copy, Section::Item, "copy the item (a quote with its attribution) to the clipboard"),
    bind(&[key('o')], Action::OpenUrl, Section::Item, "open the item's source in the browser (http and https only)"),
    bind(&[key('e')], Action::Edit, Section::Item, "edit the item's file at its line in $VISUAL or $EDITOR"),
    bind(&[key('p')], Action::People, Section::People, "every party and analyst across the stories (this key again: back)"),
    bind(&[key('w')], Action::Who, Section::People, "the selected party or analyst, or the claim (left of the parties), across every story"),
    bind(&[key('t')], Action::NarrowTimeline, Section::People, "timeline: the selected one's events only (this key again or the close key: all)"),
    bind(&[key('/')], Action::Search, Section::Search, "search every story: quotes, people, events, claims, sources"),
    bind(&[key('n')], Action::NextHit, Section::Search, "next search hit"),
    bind(&[key('N')], Action::PrevHit, Section::Search, "previous search hit"),
    bind(&[key('f')], Action::Filter, Section::Search, "filter the library or the focused pane (or People, or a person's page): the rows with every word typed (the close key clears it)"),
    bind(&[key('?')], Action::ToggleHelp, Section::App, "show or hide this help"),
    bind(&[key('q')], Action::Quit, Section::App, "quit"),
    bind(&[ctrl('c')], Action::Quit, Section::App, "quit, from anywhere (always Ctrl-c)"),
    bind(&[ctrl('\\')], Action::Quit, Section::App, "quit (the terminal's quit key)"),
    bind(&[ctrl('z')], Action::Suspend, Section::App, "suspend (type fg to come back)"),
];

/// The keys of an open query line (the search's or the filter's). Any other
/// printable key types itself; Ctrl-c, the quit keys with Ctrl and Ctrl-z keep
/// their meaning.
#[rustfmt::skip]
pub static LINE_KEYS: &[Binding] = &[
    bind(&[code(KeyCode::Enter)], Action::Line(LineKey::Accept), Section::Line, "search: go to the selected hit; filter: keep it, back to the rows"),
    bind(&[code(KeyCode::Esc)], Action::Line(LineKey::Cancel), Section::Line, "search: close it, back where you were; filter: clear it"),
    bind(&[code(KeyCode::Up), ctrl('p')], Action::Line(LineKey::Up), Section::Line, "previous hit or row"),
    bind(&[code(KeyCode::Down), ctrl('n')], Action::Line(LineKey::Down), Section::Line, "next hit or row"),
    bind(&[code(KeyCode::PageUp)], Action::Line(LineKey::PageUp), Section::Line, "a page of hits or rows up"),
    bind(&[code(KeyCode::PageDown)], Action::Line(LineKey::PageDown), Section::Line, "a page of hits or rows down"),
    bind(&[code(KeyCode::Left)], Action::Line(LineKey::Left), Section::Line, "cursor left"),
    bind(&[code(KeyCode::Right)], Action::Line(LineKey::Right), Section::Line, "cursor right"),
    bind(&[ctrl('a'), code(KeyCode::Home)], Action::Line(LineKey::Start), Section::Line, "cursor to the start"),
    bind(&[ctrl('e'), code(KeyCode::End)], Action::Line(LineKey::End), Section::Line, "cursor to the end"),
    bind(&[code(KeyCode::Backspace)], Action::Line(LineKey::Backspace), Section::Line, "delete the character before the cursor"),
    bind(&[code(KeyCode::Delete), ctrl('d')], Action::Line(LineKey::Delete), Section::Line, "delete the character under the cursor"),
    bind(&[ctrl('w')], Action::Line(LineKey::DeleteWord), Section::Line, "delete the word before the cursor"),
    bind(&[ctrl('u')], Action::Line(LineKey::Clear), Section::Line, "delete everything before the cursor"),
    bind(&[ctrl('k')], Action::Line(LineKey::KillToEnd), Section::Line, "delete everything from the cursor on"),
];

/// What the mouse does, for the help.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("click", "focus a pane and select the row under the pointer"),
    ("wheel", "scroll the pane under the pointer"),
    ("Shift+drag", "select text to copy, in most terminals"),
];

fn matches(k: &Key, event: &KeyEvent) -> bool {
    if event.modifiers.contains(KeyModifiers::ALT) {
        return false;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl != k.ctrl {
        return false;
    }
    match (k.code, event.code) {
        // Terminals differ on whether Ctrl-letter reports upper or lower case.
        (KeyCode::Char(a), KeyCode::Char(b)) if k.ctrl => {
            a.eq_ignore_ascii_case(&b) || a == control_char(b)
        }
        (a, b) => a == b,
    }
}

/// The key a terminal means by Ctrl with a digit: the control bytes 0x1c–0x1f
/// are Ctrl-\\, Ctrl-], Ctrl-^ and Ctrl-_, which crossterm reports as Ctrl-4 to
/// Ctrl-7 (Ctrl-\\ is the terminal's quit character).
fn control_char(c: char) -> char {
    match c {
        '4' => '\\',
        '5' => ']',
        '6' => '^',
        '7' => '_',
        other => other,
    }
}

/// Whether a key press is Ctrl-c (see [`RESERVED_QUIT`]).
fn is_reserved_quit(event: &KeyEvent) -> bool {
    event.kind != KeyEventKind::Release && matches(&RESERVED_QUIT, event)
}

/// How the help writes a key: `j`, `↓`, `Ctrl-d`, `PgDn`, `Shift-Tab`.
pub fn key_label(k: &Key) -> String {
    let name = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if k.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// Keys as the help shows them: `j ↓`; `—` for none (the user unbound it).
pub fn keys_label(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "—".into();
    }
    keys.iter().map(key_label).collect::<Vec<_>>().join(" ")
}

/// Reads a key as the configuration writes it: `j`, `G`, `?`, `Ctrl-d`,
/// `C-d`, `Down`, `PageDown`, `Enter`, `Esc`, `Tab`, `Shift-Tab`, `Space`,
/// `F5`, or a label as the help prints it (`↓`, `PgDn`).
pub fn parse_key(text: &str) -> Result<Key, String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    for prefix in ["ctrl-", "ctrl+", "c-"] {
        if lower.starts_with(prefix) && t.len() > prefix.len() {
            let rest = &t[prefix.len()..];
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphanumeric() || "[]\\^_ ".contains(c) => {
                    Ok(ctrl(c.to_ascii_lowercase()))
                }
                _ => Err(format!(
                    "`{t}`: Ctrl goes with one letter or digit, as in `Ctrl-d`"
                )),
            };
        }
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let named = match c {
            '↓' => Some(KeyCode::Down),
            '↑' => Some(KeyCode::Up),
            '←' => Some(KeyCode::Left),
            '→' => Some(KeyCode::Right),
            _ => None,
        };
        return Ok(named.map_or(key(c), code));
    }
    let named = match lower.replace(['-', '_', '+'], "").as_str() {
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "pageup" | "pgup" => KeyCode::PageUp,
        "tab" => KeyCode::Tab,
        "shifttab" | "backtab" => KeyCode::BackTab,
        "enter" | "return" => KeyCode::Enter,
        "backspace" | "bs" => KeyCode::Backspace,
        "esc" | "escape" => KeyCode::Esc,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        f if f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            return Err(format!(
                "`{t}` is not a key; write one character (`j`, `G`, `?`), `Ctrl-x`, or a name such as `Down`, `PageUp`, `Enter`, `Esc`, `Tab`, `Space`, `F5`"
            ))
        }
    };
    Ok(code(named))
}

/// One binding as in force: the default's action, section and help, with the
/// keys the user gave it (or the default keys).
#[derive(Debug, Clone)]
pub struct Bound {
    pub keys: Vec<Key>,
    pub action: Action,
    pub section: Section,
    pub help: &'static str,
}

/// The bindings in force: the defaults, or the defaults with the user's keys.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Arc<Vec<Bound>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(defaults())
    }
}

impl Keymap {
    pub fn new(bindings: Vec<Bound>) -> Keymap {
        Keymap {
            bindings: Arc::new(bindings),
        }
    }

    /// Every binding in force, in the table's order.
    pub fn bindings(&self) -> &[Bound] {
        &self.bindings
    }

    /// The actions a key press asks for. Nothing is bound to Alt, and a terminal
    /// reports Esc quickly followed by a key as Alt+key (the same bytes), so Alt+key
    /// means Esc, then the key.
    pub fn actions_for(&self, event: &KeyEvent) -> Vec<Action> {
        if event.kind != KeyEventKind::Release && event.modifiers.contains(KeyModifiers::ALT) {
            let mut plain = *event;
            plain.modifiers.remove(KeyModifiers::ALT);
            if let Some(action) = self.action_for(&plain) {
                return vec![Action::Close, action];
            }
        }
        self.action_for(event).into_iter().collect()
    }

    /// The action a key press asks for, if the key is bound. Releases and repeats
    /// of releases (reported by some terminals) are ignored.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if is_reserved_quit(event) {
            return Some(Action::Quit);
        }
        self.bindings
            .iter()
            .find(|b| b.keys.iter().any(|k| matches(k, event)))
            .map(|b| b.action.clone())
    }

    /// The actions of a key press while a query line is open: its editing keys
    /// ([`LINE_KEYS`]), Ctrl-c and Ctrl-z as everywhere, any other character typed.
    /// Alt+key is Esc then the key, as in [`Keymap::actions_for`]: the line closes, then the
    /// key does what it does outside.
    pub fn line_actions_for(&self, event: &KeyEvent) -> Vec<Action> {
        if event.kind == KeyEventKind::Release {
            return vec![];
        }
        if is_reserved_quit(event) {
            return vec![Action::Quit];
        }
        if event.modifiers.contains(KeyModifiers::ALT) {
            let mut plain = *event;
            plain.modifiers.remove(KeyModifiers::ALT);
            let mut out = vec![Action::Line(LineKey::Cancel)];
            out.extend(self.action_for(&plain));
            return out;
        }
        if let Some(b) = LINE_KEYS
            .iter()
            .find(|b| b.keys.iter().any(|k| matches(k, event)))
        {
            return vec![b.action.clone()];
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match (event.code, ctrl) {
            (KeyCode::Char(c), false) => vec![Action::Line(LineKey::Insert(c))],
            (_, true) => self
                .action_for(event)
                .filter(|a| matches!(a, Action::Quit | Action::Suspend))
                .into_iter()
                .collect(),
            _ => vec![],
        }
    }

    /// The first key bound to an action, for hints in the status bar.
    pub fn first_key(&self, pred: impl Fn(&Action) -> bool) -> Option<String> {
        self.bindings
            .iter()
            .filter(|b| pred(&b.action))
            .find_map(|b| b.keys.first())
            .map(key_label)
    }

    /// A hint naming the first key bound to an action: `"n next"`; `None` when
    /// no key is bound to it (the hint is then left out, never shown keyless).
    pub fn hint(&self, pred: impl Fn(&Action) -> bool, what: &str) -> Option<String> {
        self.first_key(pred).map(|k| format!("{k} {what}"))
    }

    /// The first keys of several actions, as a hint writes them: `"Enter or !"`
    /// (each action's first key, the unbound ones left out); `None` when none
    /// of them is bound.
    pub fn keys_or(&self, preds: &[fn(&Action) -> bool]) -> Option<String> {
        let keys: Vec<String> = preds.iter().filter_map(|p| self.first_key(p)).collect();
        (!keys.is_empty()).then(|| keys.join(" or "))
    }

    /// `text`, then `"; KEY what"` when a key is bound to the action (a
    /// message's hint, left out when nothing is bound).
    pub fn with_hint(&self, text: &str, pred: impl Fn(&Action) -> bool, what: &str) -> String {
        match self.hint(pred, what) {
            Some(h) => format!("{text}; {h}"),
            None => text.to_string(),
        }
    }

    /// The help's sections: every binding in force by section, the query line's
    /// fixed keys, then what the mouse does.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        let bindings = &self.bindings;
        let mut out: Vec<HelpSection> = Section::ALL
            .iter()
            .map(|&section| HelpSection {
                title: section.title(),
                entries: bindings
                    .iter()
                    .filter(|b| b.section == section)
                    .map(|b| (keys_label(&b.keys), b.help))
                    // The query line's keys are fixed (they are text editing, not actions).
                    .chain(
                        LINE_KEYS
                            .iter()
                            .filter(|b| b.section == section)
                            .map(|b| (keys_label(b.keys), b.help)),
                    )
                    .collect(),
            })
            .collect();
        out.push(HelpSection {
            title: "Mouse",
            entries: MOUSE_HELP
                .iter()
                .map(|&(k, w)| (k.to_string(), w))
                .collect(),
        });
        out
    }
}

/// The default bindings, as [`Bound`]s.
pub fn defaults() -> Vec<Bound> {
    KEYMAP
        .iter()
        .map(|b| Bound {
            keys: b.keys.to_vec(),
            action: b.action.clone(),
            section: b.section,
            help: b.help,
        })
        .collect()
}

/// The defaults with the user's keys: each `(action, keys)` replaces the keys
/// of the action's first binding (so `quit = "x"` leaves Ctrl-c quitting), and
/// a key taken by it is removed from whatever had it before. Later entries win.
/// Ctrl-c is never moved ([`RESERVED_QUIT`]): an entry giving it to another
/// action is left out whole (that action keeps its default keys; the
/// configuration warns), and on quit it is already there.
pub fn remapped(overrides: &[(Action, Vec<Key>)]) -> Vec<Bound> {
    let mut all = defaults();
    let same = |a: &Action, b: &Action| a.name().is_some() && a.name() == b.name();
    for (action, keys) in overrides {
        let quit = matches!(action, Action::Quit);
        if !quit && keys.contains(&RESERVED_QUIT) {
            continue;
        }
        let keys: Vec<Key> = keys
            .iter()
            .copied()
            .filter(|k| *k != RESERVED_QUIT)
            .collect();
        let keys = &keys;
        for b in all.iter_mut() {
            b.keys.retain(|k| !keys.contains(k));
        }
        if let Some(b) = all.iter_mut().find(|b| same(&b.action, action)) {
            b.keys = keys.clone();
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        Keymap::default().action_for(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn maps_the_keys_of_the_issue() {
        let none = KeyModifiers::NONE;
        assert!(matches!(
            press(KeyCode::Char('j'), none),
            Some(Action::Down)
        ));
        assert!(matches!(press(KeyCode::Down, none), Some(Action::Down)));
        assert!(matches!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        ));
        assert!(matches!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::PageDown)
        ));
        assert!(matches!(
            press(KeyCode::Char('D'), KeyModifiers::CONTROL),
            Some(Action::PageDown)
        ));
        assert!(matches!(
            press(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::PrevPane)
        ));
        assert!(matches!(
            press(KeyCode::Char('4'), none),
            Some(Action::FocusPane(Pane::Quotes))
        ));
        assert!(matches!(
            press(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::ToggleHelp)
        ));
        assert!(matches!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        ));
        assert!(matches!(
            press(KeyCode::Char('q'), none),
            Some(Action::Quit)
        ));
        assert!(matches!(
            press(KeyCode::Char('z'), KeyModifiers::CONTROL),
            Some(Action::Suspend)
        ));
        assert!(matches!(
            press(KeyCode::Char('S'), KeyModifiers::SHIFT),
            Some(Action::CycleSort)
        ));
        assert!(matches!(
            press(KeyCode::Char('s'), none),
            Some(Action::ToggleSummary)
        ));
    }

    #[test]
    fn binds_search_and_leaves_modified_keys_unbound() {
        assert!(matches!(
            press(KeyCode::Char('/'), KeyModifiers::NONE),
            Some(Action::Search)
        ));
        assert!(matches!(
            press(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(Action::PrevHit)
        ));
        assert!(press(KeyCode::Char('j'), KeyModifiers::CONTROL).is_none());
        assert!(press(KeyCode::Char('j'), KeyModifiers::ALT).is_none());
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(Keymap::default().action_for(&release).is_none());
    }

    #[test]
    fn alt_key_is_esc_then_the_key() {
        let got =
            Keymap::default().actions_for(&KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT));
        assert!(
            matches!(got.as_slice(), [Action::Close, Action::NextStory]),
            "{got:?}"
        );
        assert!(Keymap::default()
            .actions_for(&KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT))
            .is_empty());
        let got =
            Keymap::default().actions_for(&KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        assert!(matches!(got.as_slice(), [Action::Down]));
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<&Key> = KEYMAP.iter().flat_map(|b| b.keys.iter()).collect();
        assert!(all.len() > 30);
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} is bound twice", key_label(a));
        }
    }

    fn line(code: KeyCode, modifiers: KeyModifiers) -> Vec<Action> {
        Keymap::default().line_actions_for(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn an_open_line_types_letters_and_digits_and_keeps_ctrl_c() {
        let none = KeyModifiers::NONE;
        for c in ['q', 'j', '4', '?', '/', 'n'] {
            assert!(
                matches!(line(KeyCode::Char(c), none).as_slice(), [Action::Line(LineKey::Insert(x))] if *x == c),
                "{c}"
            );
        }
        assert!(matches!(
            line(KeyCode::Char('N'), KeyModifiers::SHIFT).as_slice(),
            [Action::Line(LineKey::Insert('N'))]
        ));
        let ctrl = KeyModifiers::CONTROL;
        for (c, want) in [
            ('a', LineKey::Start),
            ('e', LineKey::End),
            ('w', LineKey::DeleteWord),
            ('u', LineKey::Clear),
            ('n', LineKey::Down),
            ('p', LineKey::Up),
        ] {
            assert!(
                matches!(line(KeyCode::Char(c), ctrl).as_slice(), [Action::Line(k)] if *k == want),
                "Ctrl-{c}"
            );
        }
        assert!(matches!(
            line(KeyCode::Backspace, none).as_slice(),
            [Action::Line(LineKey::Backspace)]
        ));
        assert!(matches!(
            line(KeyCode::Esc, none).as_slice(),
            [Action::Line(LineKey::Cancel)]
        ));
        assert!(matches!(
            line(KeyCode::Char('c'), ctrl).as_slice(),
            [Action::Quit]
        ));
        assert!(matches!(
            line(KeyCode::Char('z'), ctrl).as_slice(),
            [Action::Suspend]
        ));
        assert!(line(KeyCode::Char('g'), ctrl).is_empty());
        assert!(line(KeyCode::Tab, none).is_empty());
        // Alt+key: Esc (the line closes), then the key as outside.
        assert!(matches!(
            line(KeyCode::Char('j'), KeyModifiers::ALT).as_slice(),
            [Action::Line(LineKey::Cancel), Action::Down]
        ));
    }

    #[test]
    fn no_line_key_is_bound_twice() {
        let all: Vec<&Key> = LINE_KEYS.iter().flat_map(|b| b.keys.iter()).collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} is bound twice", key_label(a));
        }
    }

    #[test]
    fn labels_keys_for_the_help() {
        assert_eq!(keys_label(KEYMAP[0].keys), "j ↓");
        assert_eq!(keys_label(KEYMAP[4].keys), "Ctrl-d PgDn");
        assert_eq!(keys_label(&[]), "—");
    }

    #[test]
    fn parses_keys_as_the_help_writes_them() {
        for b in KEYMAP {
            for k in b.keys {
                assert_eq!(parse_key(&key_label(k)).as_ref(), Ok(k), "{}", key_label(k));
            }
        }
        assert_eq!(parse_key("C-x"), Ok(ctrl('x')));
        assert_eq!(parse_key("ctrl+X"), Ok(ctrl('x')));
        assert_eq!(parse_key("PageDown"), Ok(code(KeyCode::PageDown)));
        assert_eq!(parse_key("space"), Ok(key(' ')));
        assert_eq!(parse_key("F5"), Ok(code(KeyCode::F(5))));
        for name in ["F5", "Ins", "Ctrl-\\"] {
            let k = parse_key(name).unwrap();
            assert_eq!(key_label(&k), name);
            assert_eq!(parse_key(&key_label(&k)), Ok(k));
        }
        assert!(parse_key("Hyper-x").unwrap_err().contains("not a key"));
        assert!(parse_key("Ctrl-↓").is_err());
    }

    #[test]
    fn remapping_moves_a_key_and_keeps_the_rest() {
        let remapped = remapped(&[
            (Action::Down, vec![key('n')]),
            (Action::Copy, vec![key('j')]),
            (Action::Quit, vec![key('x')]),
        ]);
        let keys = Keymap::new(remapped);
        let press = |code, modifiers| keys.action_for(&KeyEvent::new(code, modifiers));
        assert!(matches!(
            press(KeyCode::Char('n'), KeyModifiers::NONE),
            Some(Action::Down)
        ));
        assert!(matches!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Copy)
        ));
        assert!(press(KeyCode::Char('y'), KeyModifiers::NONE).is_none());
        assert!(press(KeyCode::Down, KeyModifiers::NONE).is_none());
        assert!(matches!(
            press(KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::Quit)
        ));
        assert!(press(KeyCode::Char('q'), KeyModifiers::NONE).is_none());
        // Ctrl-c still quits: only the first quit binding was replaced.
        assert!(matches!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        ));
        assert_eq!(
            keys.first_key(|a| matches!(a, Action::Copy)).as_deref(),
            Some("j")
        );
        let keys = Keymap::default();
        let press = |code, modifiers| keys.action_for(&KeyEvent::new(code, modifiers));
        assert!(matches!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        ));
    }

    #[test]
    fn every_bound_action_has_a_name() {
        for b in KEYMAP {
            let name = b.action.name().expect("a name");
            let back = Action::from_name(name).expect("found by its name");
            assert_eq!(back.name(), Some(name));
        }
        assert_eq!(
            Action::from_name("PageDown").and_then(|a| a.name()),
            Some("page_down")
        );
        assert_eq!(
            Action::from_name("focus-quotes").and_then(|a| a.name()),
            Some("focus_quotes")
        );
        assert!(Action::from_name("teleport").is_none());
    }
}
