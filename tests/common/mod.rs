//! Helpers shared by the integration tests: run the real binary, write story files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_storyx")
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs storyx with `args` in `dir`, with no terminal and no colour.
pub fn storyx(dir: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("STORYX_CONFIG")
        .output()
        .expect("storyx runs")
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
