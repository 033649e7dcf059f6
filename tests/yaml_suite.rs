//! Every input of the YAML Test Suite (`tests/fixtures/yaml-test-suite/cases`, MIT
//! License, see the License file there), given to
//! `storyx check` one file at a time, ends in a story or a located error: exit 0
//! or 1, never a panic, a hang or an unlocated problem.

mod common;
use common::*;

use std::process::Stdio;

#[test]
fn every_case_ends_in_a_story_or_a_located_error() {
    let cases = repo().join("tests/fixtures/yaml-test-suite/cases");
    let mut files: Vec<_> = std::fs::read_dir(&cases)
        .unwrap_or_else(|e| {
            panic!(
                "the YAML Test Suite inputs must be at {}: {e}",
                cases.display()
            )
        })
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 400,
        "expected the 402 cases, found {}",
        files.len()
    );
    // The cases a YAML processor must reject never load as a story.
    let invalid =
        std::fs::read_to_string(repo().join("tests/fixtures/yaml-test-suite/invalid.txt"))
            .expect("invalid.txt beside the cases");
    let invalid: Vec<&str> = invalid.split_whitespace().collect();
    assert!(
        invalid.len() >= 90,
        "expected the 94 invalid cases, found {}",
        invalid.len()
    );
    let mut stories = 0;
    for file in &files {
        let mut cmd = command();
        let mut child = cmd
            .args(["check", "--format", "short"])
            .arg(file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = wait_or_kill(&mut child, &file.display().to_string());
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let err = String::from_utf8_lossy(&out.stderr);
        match status.code() {
            Some(0) => {
                let case = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                assert!(
                    !invalid.contains(&case),
                    "{case} is invalid YAML, yet it loaded as a story"
                );
                stories += 1
            }
            Some(1) => {
                let name = file.display().to_string();
                for line in text.lines() {
                    let rest = line.strip_prefix(&name).unwrap_or_else(|| panic!("{line}"));
                    let mut parts = rest.splitn(4, ':');
                    assert_eq!(parts.next(), Some(""), "{line}");
                    assert!(
                        parts.next().unwrap().parse::<usize>().is_ok(),
                        "no line in: {line}"
                    );
                    assert!(
                        parts.next().unwrap().parse::<usize>().is_ok(),
                        "no column in: {line}"
                    );
                    assert!(!line.contains('\u{1b}'), "raw escape in output: {line:?}");
                }
                assert!(
                    text.lines().any(|l| l.contains(": error: ")),
                    "{name}: exit 1 without an error: {text}"
                );
            }
            other => panic!(
                "{}: exit {other:?}\nstdout: {text}\nstderr: {err}",
                file.display()
            ),
        }
    }
    // Almost none of these is a story.
    assert!(stories < 5, "{stories} cases loaded as stories");
}
