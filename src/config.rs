//! The user's configuration file (TOML): the theme and colours per element,
//! keys rebound by action name, and the story paths opened when none is given.
//!
//! Found at `--config PATH`, else `$STORYX_CONFIG`, else
//! `$XDG_CONFIG_HOME/storyx/config.toml` (`~/.config/storyx/config.toml`). A
//! missing default file is no problem. Anything wrong gives a warning placed at
//! file:line:col (from the `toml` crate's spans) and falls back: a file that is
//! not TOML to all the defaults, a bad entry to that entry's default. Reading a
//! configuration never fails and never panics.
//!
//! ```toml
//! theme = "light"                 # or "dark" (the default)
//! paths = ["~/news", "stories"]   # relative paths: from this file's folder
//!
//! [colors]                        # any element of the theme
//! heading = "magenta"
//! link = "#1e66f5"
//!
//! [keys]                          # action name = key or list of keys
//! down = ["j", "Down", "n"]
//! copy = "c"
//! edit = []                       # unbound
//! ```

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::app::action::{Action, NAMED};
use crate::app::keymap::{self, Key, Keymap};
use crate::regular_file::ReadError;
use crate::story::diagnostic::{did_you_mean, one_of};
use crate::story::{Diagnostic, Location, Severity};
use crate::view::theme::{self, Palette};

/// The largest configuration file read.
const MAX_SIZE: u64 = 1024 * 1024;

/// What the configuration asks for; the defaults where it says nothing.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub palette: Palette,
    /// Actions rebound, in file order.
    pub keys: Vec<(Action, Vec<Key>)>,
    /// Story paths opened when none is given on the command line.
    pub paths: Vec<PathBuf>,
    /// The file it was read from, if any.
    pub file: Option<PathBuf>,
}

impl Config {
    /// The keys in force: the defaults with the user's.
    pub fn keymap(&self) -> Keymap {
        Keymap::new(keymap::remapped(&self.keys))
    }
}

/// The configuration file to read: the path and whether it must exist (it
/// must when named by `--config` or `$STORYX_CONFIG`).
pub fn location(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(p) = var("STORYX_CONFIG") {
        return Some((PathBuf::from(p), true));
    }
    Some((crate::dirs::config_dir()?.join("config.toml"), false))
}

fn problem(file: &Path, location: Option<Location>, path: &str, message: String) -> Diagnostic {
    Diagnostic::new(file, location, Severity::Warning, path, message)
}

/// Reads the configuration (see the module doc); the problems say what was
/// ignored and where.
pub fn load(explicit: Option<&Path>) -> (Config, Vec<Diagnostic>) {
    let Some((file, required)) = location(explicit) else {
        return (Config::default(), Vec::new());
    };
    let text = match crate::regular_file::read_capped(&file, MAX_SIZE) {
        Err(ReadError::NotFound) if !required => return (Config::default(), Vec::new()),
        Err(ReadError::TooLarge { .. }) => {
            Err("the configuration file is over the 1 MiB limit".to_string())
        }
        Err(e) => Err(format!("cannot read the configuration file: {e}")),
        Ok(b) => String::from_utf8(b).map_err(|_| "the configuration file is not UTF-8".into()),
    };
    match text {
        Ok(text) => parse(&file, &text),
        Err(message) => {
            let message = format!("{message}; using the defaults");
            (Config::default(), vec![problem(&file, None, "", message)])
        }
    }
}

/// Reads one configuration text.
pub fn parse(file: &Path, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut p = Parser {
        file,
        text,
        config: Config {
            file: Some(file.to_path_buf()),
            ..Config::default()
        },
        problems: Vec::new(),
    };
    match DeTable::parse(text) {
        Ok(table) => p.top(table.get_ref()),
        Err(e) => {
            let location = e.span().map(|s| Location::of_byte(text, s.start));
            let message = e.message().trim().replace('\n', " ");
            p.problems.push(problem(
                file,
                location,
                "",
                format!("not valid TOML: {message}; using the defaults"),
            ));
        }
    }
    (p.config, p.problems)
}

struct Parser<'a> {
    file: &'a Path,
    text: &'a str,
    config: Config,
    problems: Vec<Diagnostic>,
}

type Value<'i> = Spanned<DeValue<'i>>;

fn kind(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

impl Parser<'_> {
    fn warn(&mut self, at: std::ops::Range<usize>, path: &str, message: String) {
        let location = Some(Location::of_byte(self.text, at.start));
        self.problems
            .push(problem(self.file, location, path, message));
    }

    fn top(&mut self, table: &DeTable) {
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            match name {
                "theme" => self.theme(value),
                "paths" => self.paths(value),
                "colors" | "colours" => self.table(value, name, Self::colors),
                "keys" => self.table(value, name, Self::keys),
                other => {
                    let known = ["theme", "paths", "colors", "keys"];
                    let hint = did_you_mean(other, known)
                        .map(|k| format!("; did you mean `{k}`?"))
                        .unwrap_or_else(|| format!("; known: {}", one_of(known)));
                    self.warn(
                        key.span(),
                        other,
                        format!("unknown setting `{other}`, ignored{hint}"),
                    );
                }
            }
        }
    }

    fn table(&mut self, value: &Value, name: &str, each: fn(&mut Self, &str, &Value, &Value)) {
        match value.get_ref() {
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    let key = Spanned::new(k.span(), DeValue::String(k.get_ref().clone()));
                    each(self, k.get_ref(), &key, v);
                }
            }
            other => self.warn(
                value.span(),
                name,
                format!(
                    "`{name}` must be a table, as in `[{name}]`, not {}",
                    kind(other)
                ),
            ),
        }
    }

    fn theme(&mut self, value: &Value) {
        match value.get_ref() {
            DeValue::String(s) => match Palette::named(s) {
                Some(p) => self.config.palette = p,
                None => self.warn(
                    value.span(),
                    "theme",
                    format!("unknown theme `{s}`; `dark` or `light` (using `dark`)"),
                ),
            },
            other => self.warn(
                value.span(),
                "theme",
                format!("`theme` must be \"dark\" or \"light\", not {}", kind(other)),
            ),
        }
    }

    fn paths(&mut self, value: &Value) {
        let one = |v: &Value| -> Option<String> {
            match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
                _ => None,
            }
        };
        let items: Vec<&Value> = match value.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![value],
        };
        for v in items {
            match one(v) {
                Some(s) => {
                    let p = self.resolve(&s);
                    self.config.paths.push(p);
                }
                None => self.warn(
                    v.span(),
                    "paths",
                    format!(
                        "`paths` holds folder or file names as strings, not {}",
                        kind(v.get_ref())
                    ),
                ),
            }
        }
    }

    /// `~/x` from the home folder; a relative path from the file's folder.
    fn resolve(&self, s: &str) -> PathBuf {
        if let Some(rest) = s.strip_prefix("~/") {
            if let Some(home) = std::env::var_os("HOME") {
                return PathBuf::from(home).join(rest);
            }
        }
        let p = PathBuf::from(s);
        if p.is_relative() {
            if let Some(dir) = self.file.parent() {
                return dir.join(p);
            }
        }
        p
    }

    fn colors(&mut self, name: &str, key: &Value, value: &Value) {
        let path = format!("colors.{name}");
        let mut palette = self.config.palette;
        let Some(slot) = palette.element_mut(name) else {
            let hint = did_you_mean(name, Palette::ELEMENTS)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_else(|| format!("; known: {}", one_of(Palette::ELEMENTS)));
            return self.warn(
                key.span(),
                &path,
                format!("no element of the theme is called `{name}`, ignored{hint}"),
            );
        };
        let parsed = match value.get_ref() {
            DeValue::String(s) => theme::parse_color(s),
            DeValue::Integer(i) => theme::parse_color(i.as_str()),
            other => Err(format!(
                "a colour is a string such as \"red\", not {}",
                kind(other)
            )),
        };
        match parsed {
            Ok(c) => {
                *slot = c;
                self.config.palette = palette;
            }
            Err(e) => self.warn(
                value.span(),
                &path,
                format!("{e}; `{name}` keeps the theme's colour"),
            ),
        }
    }

    fn keys(&mut self, name: &str, key: &Value, value: &Value) {
        let path = format!("keys.{name}");
        let Some(action) = Action::from_name(name) else {
            let names = NAMED.iter().map(|(n, _)| *n);
            let hint = did_you_mean(name, names)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_else(|| {
                    "; the help (?) lists every action, the README their names".into()
                });
            return self.warn(
                key.span(),
                &path,
                format!("no action is called `{name}`, ignored{hint}"),
            );
        };
        let items: Vec<&Value> = match value.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            _ => vec![value],
        };
        let mut keys = Vec::new();
        let mut reserved = false;
        for v in items {
            let parsed = match v.get_ref() {
                DeValue::String(s) => keymap::parse_key(s),
                DeValue::Integer(i) => keymap::parse_key(i.as_str()),
                other => Err(format!(
                    "a key is a string such as \"j\" or \"Ctrl-d\", not {}",
                    kind(other)
                )),
            };
            match parsed {
                Ok(k) if k == keymap::RESERVED_QUIT && !matches!(action, Action::Quit) => {
                    reserved = true;
                    self.warn(
                        v.span(),
                        &path,
                        format!(
                            "`{}` always quits and cannot be given to `{name}`; `{name}` keeps its default keys",
                            keymap::key_label(&k)
                        ),
                    );
                }
                Ok(k) => {
                    if let Some((other, _)) = self
                        .config
                        .keys
                        .iter()
                        .find(|(a, ks)| a.name() != action.name() && ks.contains(&k))
                    {
                        let other = other.name().unwrap_or("another action");
                        self.warn(
                            v.span(),
                            &path,
                            format!(
                                "`{}` is also given to `{other}` above; it goes to `{name}`",
                                keymap::key_label(&k)
                            ),
                        );
                    }
                    keys.push(k);
                }
                Err(e) => self.warn(v.span(), &path, format!("{e}; ignored")),
            }
        }
        if !reserved {
            self.config.keys.push((action, keys));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    /// Loads `file` as an explicit configuration: the defaults and the one
    /// problem's text, naming the file.
    fn load_refused(file: &Path) -> String {
        let (c, problems) = load(Some(file));
        assert!(c.keys.is_empty() && c.paths.is_empty() && c.file.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file, file);
        problems[0].message.clone()
    }

    #[cfg(unix)]
    #[test]
    fn a_config_that_is_a_fifo_a_zero_device_or_too_large_is_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.toml");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        assert_eq!(
            load_refused(&fifo),
            "cannot read the configuration file: not a regular file: a FIFO; using the defaults"
        );
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert_eq!(
            load_refused(&zero),
            "cannot read the configuration file: not a regular file: a character device; using the defaults"
        );
        let big = dir.path().join("big.toml");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_SIZE + 1)
            .unwrap();
        assert_eq!(
            load_refused(&big),
            "the configuration file is over the 1 MiB limit; using the defaults"
        );
    }

    fn parsed(text: &str) -> (Config, Vec<String>) {
        let (c, problems) = parse(Path::new("/c/config.toml"), text);
        let shown = problems.iter().map(|d| d.one_line()).collect();
        (c, shown)
    }

    #[test]
    fn a_good_file_sets_everything() {
        let (c, problems) = parsed(
            "theme = \"light\"\npaths = [\"~/news\", \"more\"]\n\n[colors]\nheading = \"#ff8000\"\nlink = 33\n\n[keys]\ndown = [\"j\", \"n\"]\ncopy = \"c\"\nedit = []\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.palette.heading, Some(Color::Rgb(255, 128, 0)));
        assert_eq!(c.palette.link, Some(Color::Indexed(33)));
        assert_eq!(c.palette.border_focused, Palette::LIGHT.border_focused);
        assert_eq!(c.paths[1], PathBuf::from("/c/more"));
        assert!(c.paths[0].ends_with("news") && c.paths[0].is_absolute());
        let names: Vec<_> = c
            .keys
            .iter()
            .map(|(a, k)| (a.name().unwrap(), k.len()))
            .collect();
        assert_eq!(names, [("down", 2), ("copy", 1), ("edit", 0)]);
    }

    #[test]
    fn bad_toml_is_located_and_falls_back_to_the_defaults() {
        let (c, problems) = parsed("theme = \"light\"\n[keys\ndown = \"n\"\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("/c/config.toml:2:"), "{problems:?}");
        assert!(problems[0].contains("not valid TOML"), "{problems:?}");
        assert!(problems[0].ends_with("using the defaults"), "{problems:?}");
        assert_eq!(c.palette, Palette::DARK);
        assert!(c.keys.is_empty());
    }

    #[test]
    fn an_unknown_action_is_located_and_the_rest_applies() {
        let (c, problems) = parsed("[keys]\ncopy = \"c\"\n  reloda = \"R\"\n");
        assert_eq!(
            problems,
            ["/c/config.toml:3:3: warning: keys.reloda: no action is called `reloda`, ignored; did you mean `reload`?"]
        );
        assert_eq!(c.keys.len(), 1);
    }

    #[test]
    fn a_bad_colour_keeps_the_theme_colour() {
        let (c, problems) =
            parsed("[colors]\nlink = \"blurple\"\nwarning = \"red\"\nborder_focussed = \"red\"\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("/c/config.toml:2:8: warning: colors.link: `blurple` is not a colour"),
            "{problems:?}"
        );
        assert!(problems[0].ends_with("`link` keeps the theme's colour"));
        assert!(problems[1].contains("4:1: warning: colors.border_focussed: no element of the theme is called `border_focussed`, ignored; did you mean `border_focused`?"), "{problems:?}");
        assert_eq!(c.palette.link, Palette::DARK.link);
        assert_eq!(c.palette.warning, Some(Color::Red));
    }

    #[test]
    fn wrong_types_bad_keys_and_unknown_settings_are_warnings() {
        let (c, problems) = parsed("theme = 3\ntheem = \"x\"\nkeys = 1\n");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("1:9: warning: theme: `theme` must be"),
            "{problems:?}"
        );
        assert!(problems[1].contains(
            "2:1: warning: theem: unknown setting `theem`, ignored; did you mean `theme`?"
        ));
        assert!(problems[2].contains("3:8: warning: keys: `keys` must be a table"));
        assert_eq!(c.palette, Palette::DARK);

        let (c, problems) = parsed("[keys]\ndown = [\"Hyper-j\", \"n\", true]\nup = \"n\"\n");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].contains("2:9: warning: keys.down: `Hyper-j` is not a key"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("2:25: warning: keys.down: a key is a string"),
            "{problems:?}"
        );
        assert!(
            problems[2].contains(
                "3:6: warning: keys.up: `n` is also given to `down` above; it goes to `up`"
            ),
            "{problems:?}"
        );
        assert_eq!(c.keys[0].1.len(), 1);
    }

    #[test]
    fn hostile_files_give_a_problem_not_a_crash() {
        for text in [
            format!("a = {}", "[".repeat(200_000)),
            format!("a = {}", "{ b = ".repeat(100_000)),
            "[keys]\n".repeat(50_000),
            "keys.down = \"\u{202e}j\"\n\u{0}".to_string(),
        ] {
            let (c, problems) = parse(Path::new("c.toml"), &text);
            assert!(!problems.is_empty());
            assert!(c.keys.is_empty());
        }
    }

    #[test]
    fn a_missing_default_file_is_fine_a_missing_named_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let (_, problems) = load(Some(&missing));
        assert_eq!(problems.len(), 1);
        assert!(problems[0]
            .message
            .contains("cannot read the configuration file"));
        assert!(problems[0].message.ends_with("using the defaults"));
        std::fs::write(&missing, b"theme = \"light\"\xff\n").unwrap();
        let (_, problems) = load(Some(&missing));
        assert!(problems[0].message.contains("not UTF-8"));
    }
}
