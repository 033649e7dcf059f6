//! Tests that need a tool (tmux, groff): on a developer's machine without it they
//! skip with a message; under CI (`CI` set, as every CI service does, and not
//! `false` or `0`) they fail, so that CI can never pass by skipping.

use std::process::Command;

/// Whether `tool PROBE...` runs and succeeds. When it does not: under CI, fails
/// the test; otherwise says on stderr that `what` did not run (the caller skips).
pub fn have(tool: &str, probe: &[&str], what: &str) -> bool {
    have_or_skip(tool, probe, what, in_ci())
}

/// Whether the `CI` variable says this is a CI run.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "false" | "0"))
}

/// [`have`] with the CI decision given.
pub fn have_or_skip(tool: &str, probe: &[&str], what: &str, ci: bool) -> bool {
    let ok = Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !ci,
            "{tool} is not installed and CI is set: {what} must run in CI (install {tool})"
        );
        eprintln!("SKIPPED: {tool} is not installed; {what} did not run");
    }
    ok
}
