//! The command-line comforts: the Markdown export, shell completions, the manual page,
//! `--help` and `--version`, `--color` with NO_COLOR, and debug logs to `STORYX_LOG`.

// Unsafe here: openpty (libc) to give storyx a terminal; each call is commented with
// its SAFETY reasoning.
#![allow(unsafe_code)]

mod common;

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{bin, command, folder, isolate, repo, stderr, stdout, storyx};

const BUNDLED: &str = "alibaba-military-allegations";

/// A story file with one error, so `storyx check` has something to colour.
const BROKEN: &str = "id: broken\ntitle: Broken\nquotse: []\n";

// ----- export -----

#[test]
fn markdown_export_of_the_bundled_story() {
    let out = storyx(&repo(), &["show", BUNDLED, "--format", "markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!("bundled_story_markdown", stdout(&out));
}

#[test]
fn markdown_export_sanitizes_and_escapes() {
    let dir = folder(&[(
        "s.yaml",
        "id: s\ntitle: \"Pipes | and \\e[2J escapes\"\nparties:\n  - {id: a, name: A, position: \"# no\"}\n\
claims:\n  - id: c\n    text: \"x | y\"\n    stances: [{by: a, stance: unclear}]\n",
    )]);
    let out = storyx(dir.path(), &["show", "s", "s.yaml", "--format", "markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(!md.contains('\x1b'));
    assert!(md.starts_with("# Pipes \\| and ␛\\[2J escapes\n"), "{md}");
    assert!(md.contains("- **A** (other): \\# no\n"), "{md}");
    assert!(
        md.contains("| Claim | Status | A |\n| --- | --- | --- |\n| x \\| y |  | ? unclear |\n"),
        "{md}"
    );
}

#[test]
fn show_of_an_unknown_story_in_markdown_fails_like_text() {
    let out = storyx(&repo(), &["show", "no-such-story", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no story `no-such-story`"));
    assert_eq!(stdout(&out), "");
}

// ----- shell -----

#[test]
fn completions_for_bash_zsh_and_fish() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (shell, marker) in [
        ("bash", "complete -F _storyx"),
        ("zsh", "#compdef storyx"),
        ("fish", "complete -c storyx"),
    ] {
        let out = storyx(dir.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}:\n{script}");
        for word in [
            "check",
            "show",
            "schema",
            "completions",
            "max-file-size",
            "markdown",
        ] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    // The bash script is valid bash.
    let out = storyx(dir.path(), &["completions", "bash"]);
    let file = dir.path().join("storyx.bash");
    std::fs::write(&file, &out.stdout).expect("write");
    if common::tool::have(
        "bash",
        &["-c", "true"],
        "the bash syntax check of the completions",
    ) {
        let check = Command::new("bash")
            .arg("-n")
            .arg(&file)
            .output()
            .expect("bash");
        assert!(check.status.success(), "{}", stderr(&check));
    }
    let out = storyx(dir.path(), &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid value 'tcsh'"));
}

#[test]
fn man_page_in_roff() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = storyx(dir.path(), &["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let roff = stdout(&out);
    assert!(
        roff.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &roff[..200]
    );
    assert!(roff.contains(".TH storyx 1"));
    assert!(roff.contains(".SH SUBCOMMANDS"));
    for sub in [
        "check",
        "show",
        "list",
        "search",
        "schema",
        "completions",
        "man",
    ] {
        assert!(
            roff.contains(&format!(
                ".TH storyx-{sub} 1  \"storyx {}\"",
                env!("CARGO_PKG_VERSION")
            )),
            "no page for {sub}"
        );
    }
    assert!(roff.contains("storyx schema > storyx.schema.json"));
    assert!(
        roff.contains(".SH ENVIRONMENT\n.TP\n\\fBSTORYX_LOG\\fR\n"),
        "{roff}"
    );
    // groff renders it without complaint.
    let file = dir.path().join("storyx.1");
    std::fs::write(&file, &out.stdout).expect("write");
    if common::tool::have("groff", &["-v"], "the groff check of the man page") {
        let render = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&file)
            .output()
            .expect("groff");
        assert!(render.status.success());
        assert_eq!(stderr(&render), "", "groff warnings");
    }
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in [
        "check",
        "show",
        "list",
        "search",
        "schema",
        "completions",
        "man",
        "who",
        "claim",
    ] {
        let out = storyx(dir.path(), &[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        let help = stdout(&out);
        assert!(
            help.contains(&format!("Examples:\n  storyx {sub}")),
            "{sub} --help:\n{help}"
        );
        assert!(
            help.contains("--color <WHEN>"),
            "{sub} --help lacks --color"
        );
    }
    let out = storyx(dir.path(), &["--help"]);
    assert!(stdout(&out).contains("Examples:\n  storyx "));
}

#[test]
fn version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = storyx(dir.path(), &["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!("storyx {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [&["man"][..], &["schema"], &["completions", "bash"]] {
        let mut cmd = command();
        let mut child = cmd
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

// ----- colour -----

/// Runs storyx with NO_COLOR as given (None: unset) and output into a pipe.
fn run_color(dir: &Path, args: &[&str], no_color: Option<&str>) -> Output {
    let mut cmd = command();
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    cmd.output().expect("storyx runs")
}

fn has_escape(o: &Output) -> bool {
    o.stdout.contains(&0x1b) || o.stderr.contains(&0x1b)
}

#[test]
fn color_flag_and_no_color_into_a_pipe() {
    let dir = folder(&[("broken.yaml", BROKEN)]);
    let check = |color: &str, no_color: Option<&str>| {
        let out = run_color(
            dir.path(),
            &[
                "check",
                "--format",
                "pretty",
                "--color",
                color,
                "broken.yaml",
            ],
            no_color,
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout(&out).contains("unknown key `quotse`"));
        has_escape(&out)
    };
    // Into a pipe, auto means no colour, with or without NO_COLOR.
    assert!(!check("auto", None));
    assert!(!check("auto", Some("1")));
    assert!(!check("never", None));
    assert!(!check("never", Some("")));
    // always forces colour, even with NO_COLOR set.
    assert!(check("always", None));
    assert!(check("always", Some("1")));
    // The flag also works before the subcommand.
    let out = run_color(
        dir.path(),
        &[
            "--color",
            "always",
            "check",
            "--format",
            "pretty",
            "broken.yaml",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("\x1b[1;31merror\x1b[0m"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn search_bold_follows_the_color_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = |color: &'static str| {
        [
            "search",
            "fisher complicit",
            "--limit",
            "1",
            "--color",
            color,
        ]
    };
    let always = run_color(dir.path(), &args("always"), Some("1"));
    assert!(
        stdout(&always).contains("\x1b[1mFisher\x1b[22m"),
        "{}",
        stdout(&always)
    );
    for color in ["auto", "never"] {
        let out = run_color(dir.path(), &args(color), None);
        assert!(stdout(&out).contains("Fisher"));
        assert!(!has_escape(&out), "{color}: {}", stdout(&out));
    }
}

/// Runs storyx with its standard output on a new pseudo-terminal; returns what it wrote there.
fn run_on_terminal(dir: &Path, args: &[&str], no_color: Option<&str>) -> String {
    run_on_terminal_code(dir, args, no_color, 1)
}

/// [`run_on_terminal`] for a command that exits with `code`.
fn run_on_terminal_code(dir: &Path, args: &[&str], no_color: Option<&str>, code: i32) -> String {
    // SAFETY: openpty writes two new descriptors into the integers given; both are
    // then owned here alone.
    let (mut master, slave) = unsafe {
        let (mut m, mut s) = (0, 0);
        let rc = libc::openpty(
            &mut m,
            &mut s,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        );
        assert_eq!(rc, 0, "openpty");
        (
            std::fs::File::from(OwnedFd::from_raw_fd(m)),
            OwnedFd::from_raw_fd(s),
        )
    };
    // The command is dropped before the child ends: its XDG folders live here.
    let home = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(bin());
    isolate(&mut cmd, home.path());
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::piped());
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let child = cmd.spawn().expect("spawn");
    drop(cmd); // closes our copy of the terminal's slave side
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(code), "{}", stderr(&out));
    let mut text = Vec::new();
    let mut buf = [0u8; 4096];
    // Reading the master ends with EIO once the slave side is closed.
    while let Ok(n) = master.read(&mut buf) {
        if n == 0 {
            break;
        }
        text.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&text).into_owned()
}

#[test]
fn auto_colours_a_terminal_unless_no_color_is_set() {
    let dir = folder(&[("broken.yaml", BROKEN)]);
    let args = ["check", "broken.yaml"];
    let plain = run_on_terminal(dir.path(), &args, None);
    assert!(plain.contains("\x1b[1;31merror\x1b[0m"), "{plain:?}");
    let empty = run_on_terminal(dir.path(), &args, Some(""));
    assert!(empty.contains('\x1b'), "an empty NO_COLOR does not count");
    let no_color = run_on_terminal(dir.path(), &args, Some("1"));
    assert!(no_color.contains("unknown key `quotse`"), "{no_color:?}");
    assert!(!no_color.contains('\x1b'), "{no_color:?}");
    let never = run_on_terminal(
        dir.path(),
        &["check", "--color", "never", "broken.yaml"],
        None,
    );
    assert!(never.contains("unknown key `quotse`"));
    assert!(!never.contains('\x1b'), "{never:?}");
    // Search marks matches in bold on a terminal, but not with NO_COLOR.
    let search = ["search", "fisher complicit", "--limit", "1"];
    let bold = run_on_terminal_code(dir.path(), &search, None, 0);
    assert!(bold.contains("\x1b[1mFisher\x1b[22m"), "{bold:?}");
    let plain = run_on_terminal_code(dir.path(), &search, Some("1"), 0);
    assert!(
        plain.contains("Fisher") && !plain.contains('\x1b'),
        "{plain:?}"
    );
}

// ----- logs -----

#[test]
fn logs_go_to_the_file_storyx_log_names() {
    let dir = folder(&[("a.yaml", &common::story("a"))]);
    let log = dir.path().join("logs/storyx.log");
    std::fs::create_dir_all(log.parent().expect("parent")).expect("mkdir");
    let run = |with_log: bool| {
        let mut cmd = command();
        cmd.args(["check", "a.yaml"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("STORYX_LOG");
        if with_log {
            cmd.env("STORYX_LOG", &log);
        }
        cmd.output().expect("storyx runs")
    };
    let out = run(false);
    assert!(out.status.success());
    assert!(!log.exists(), "no STORYX_LOG, no log file");
    assert_eq!(
        std::fs::read_dir(dir.path().join("logs"))
            .expect("dir")
            .count(),
        0
    );

    let out = run(true);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "logging prints nothing");
    let first = std::fs::read_to_string(&log).expect("the log file was written");
    assert!(first.contains("DEBUG"), "{first}");
    assert!(first.contains("loaded"), "{first}");
    assert!(first.contains("stories=1"), "{first}");
    assert!(!first.contains('\x1b'), "no colour codes in the log");
    // A second run appends.
    run(true);
    let second = std::fs::read_to_string(&log).expect("log");
    assert!(second.starts_with(&first) && second.len() > first.len());
}

#[test]
fn an_unwritable_log_file_is_one_note_not_a_failure() {
    let dir = folder(&[("a.yaml", &common::story("a"))]);
    let out = command()
        .args(["check", "a.yaml"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("STORYX_LOG", dir.path().join("no/such/dir/log"))
        .output()
        .expect("storyx runs");
    assert!(out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("storyx: cannot open the log file "),
        "{err}"
    );
}
