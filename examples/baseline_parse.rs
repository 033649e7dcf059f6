//! The baseline that `storyx check` is measured against (issue 6): a plain,
//! one-thread serde_yaml parse of every story file under a folder into
//! `serde_yaml::Value`, nothing else.
//!
//! Run: `cargo run --release --example baseline_parse -- DIR`

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "stories".into());
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let mut ok = 0usize;
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("UTF-8 file");
        if serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok() {
            ok += 1;
        }
    }
    println!("{ok} of {} files parsed", paths.len());
}
