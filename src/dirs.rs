//! The user's folders, as the XDG base directory spec names them: where the
//! reading state, the reviewed versions and the configuration live. Below
//! every module that keeps a file there (`reading_state`, `reviewed`,
//! `config`), so none of them needs another's.

use std::path::PathBuf;

/// `$VAR` when it is set to an absolute path (as the spec says), else
/// `$HOME/<home_rel>`; `None` when neither is set.
fn base(var: &str, home_rel: &str) -> Option<PathBuf> {
    let get = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    get(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| get("HOME").map(|h| PathBuf::from(h).join(home_rel)))
}

/// The state folder: `$XDG_STATE_HOME/storyx`, else `~/.local/state/storyx`.
pub fn state_dir() -> Option<PathBuf> {
    base("XDG_STATE_HOME", ".local/state").map(|p| p.join("storyx"))
}

/// The configuration folder: `$XDG_CONFIG_HOME/storyx`, else `~/.config/storyx`.
pub fn config_dir() -> Option<PathBuf> {
    base("XDG_CONFIG_HOME", ".config").map(|p| p.join("storyx"))
}
