//! Helpers shared by the integration tests: run the real binary, write story files.
#![allow(dead_code)]

pub mod tool;

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output};
use std::time::{Duration, Instant};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_storyx")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The storyx binary as a command with a cache, reading state and configuration
/// of its own: `XDG_CACHE_HOME`, `XDG_STATE_HOME` and `XDG_CONFIG_HOME` are folders
/// in a temporary folder removed on drop, and `STORYX_CONFIG` is unset, so that no
/// test reads the user's settings or writes into their home. A test of these
/// variables sets its own after. Keep it alive while a spawned child runs.
pub struct StoryxCommand {
    command: Command,
    home: tempfile::TempDir,
}

pub fn command() -> StoryxCommand {
    let home = tempfile::tempdir().expect("temp dir");
    let mut command = Command::new(bin());
    isolate(&mut command, home.path());
    StoryxCommand { command, home }
}

/// Points the XDG folders of `command` into `home` and unsets `STORYX_CONFIG`.
pub fn isolate(command: &mut Command, home: &Path) {
    for var in ["XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] {
        command.env(var, home.join(var));
    }
    command.env_remove("STORYX_CONFIG");
}

impl StoryxCommand {
    /// The folder holding the command's XDG folders.
    pub fn home(&self) -> &Path {
        self.home.path()
    }
}

impl Deref for StoryxCommand {
    type Target = Command;
    fn deref(&self) -> &Command {
        &self.command
    }
}

impl DerefMut for StoryxCommand {
    fn deref_mut(&mut self) -> &mut Command {
        &mut self.command
    }
}

/// Runs storyx with `args` in `dir`, with no terminal and no colour.
pub fn storyx(dir: &Path, args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("storyx runs")
}

/// A guard against a hang, not a measure of speed (that is the benches'): how
/// long a child may run before it is killed and the test fails.
pub const HANG: Duration = Duration::from_secs(120);

/// Waits for `child`; if it runs longer than [`HANG`], kills it and fails.
pub fn wait_or_kill(child: &mut Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} hung (killed after {HANG:?})");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary folder holding the given files.
pub fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// A small valid story with the given id, for folders of several stories.
pub fn story(id: &str) -> String {
    format!(
        "id: {id}\ntitle: Story {id}\ndate: 2024-05\nparties:\n  - id: acme\n    name: Acme Corp\n    kind: company\n    position: For it.\nanalysts:\n  - id: jane-doe\n    name: Jane Doe\nquotes:\n  - by: jane-doe\n    text: It is fine.\n"
    )
}
