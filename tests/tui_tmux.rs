//! The real binary in a real terminal: storyx runs in a detached tmux session
//! of a fixed size; keys go in with send-keys, the screen comes out with
//! capture-pane, polled with a timeout. Checks that it opens, moves, follows a
//! cross-reference and comes back, shows help, quits with exit code 0, and that
//! the terminal is given back (alternate screen off, cursor shown, mouse off,
//! raw mode off) on quit, on SIGTERM, SIGHUP and SIGINT, and around Ctrl-z.
//!
//! Skipped, with a message, only when tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(15);

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED: tmux is not installed; the tmux tests of the explorer did not run");
    }
    ok
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One storyx in its own tmux server (its own socket), killed on drop.
struct Tmux {
    socket: String,
    pid_file: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts `storyx ARGS` in `cwd` in a `w`×`h` terminal.
    fn start(name: &str, cwd: &Path, args: &[&str], w: u16, h: u16) -> Tmux {
        let bin = Path::new(env!("CARGO_BIN_EXE_storyx"));
        Tmux::start_command(name, cwd, bin, args, w, h)
    }

    /// Starts `bin ARGS` in `cwd` in a `w`×`h` terminal.
    fn start_command(name: &str, cwd: &Path, bin: &Path, args: &[&str], w: u16, h: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let pid_file = dir.path().join("pid");
        // A socket of its own, in a folder removed with the test.
        let socket = dir
            .path()
            .join(format!("tmux-{name}"))
            .display()
            .to_string();
        let bin = bin.display().to_string();
        let argv: Vec<String> = std::iter::once(bin.as_str())
            .chain(args.iter().copied())
            .map(quote)
            .collect();
        // The inner shell writes its pid, then becomes storyx: that pid is storyx's.
        let inner = format!(
            "echo $$ > {}; exec {}",
            quote(&pid_file.display().to_string()),
            argv.join(" ")
        );
        let command = format!("sh -c {}; echo EXIT=$?; sleep 60", quote(&inner));
        let t = Tmux {
            socket,
            pid_file,
            _dir: dir,
        };
        let status = Command::new("tmux")
            .args([
                "-S",
                &t.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-e",
                "RUST_BACKTRACE=0",
                "-d",
                "-s",
                "storyx",
            ])
            .args(["-x", &w.to_string(), "-y", &h.to_string(), "-c"])
            .arg(cwd)
            .arg(command)
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux new-session failed");
        t
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-S", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "storyx", k]);
        }
    }

    /// Types raw bytes (an escape sequence such as a mouse click).
    fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "storyx", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "storyx"])
    }

    fn format(&self, f: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "storyx", f])
            .trim()
            .to_string()
    }

    /// Polls the screen until `pred` holds; panics with the screen on timeout.
    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?}"), |s| s.contains(needle))
    }

    fn wait_gone(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?} to go"), |s| !s.contains(needle))
    }

    /// The last row: the status bar.
    fn status(&self) -> String {
        self.screen()
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .to_string()
    }

    fn wait_status(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait(what, |s| pred(s.lines().last().unwrap_or("")));
        self.status()
    }

    fn pid(&self) -> String {
        let start = Instant::now();
        loop {
            if let Ok(p) = std::fs::read_to_string(&self.pid_file) {
                if !p.trim().is_empty() {
                    return p.trim().to_string();
                }
            }
            assert!(start.elapsed() < TIMEOUT, "storyx never started");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn kill(&self, signal: &str) {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &self.pid()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Asserts the terminal is as a shell wants it: alternate screen off, cursor
    /// shown, mouse reporting off, and the tty back in canonical (cooked) mode.
    fn assert_restored(&self) {
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "alternate screen still on"
        );
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor hidden");
        assert_eq!(
            self.format("#{mouse_any_flag}"),
            "0",
            "mouse reporting still on"
        );
        let tty = self.format("#{pane_tty}");
        let stty = Command::new("stty")
            .args(["-F", &tty, "-a"])
            .output()
            .expect("stty runs");
        let stty = String::from_utf8_lossy(&stty.stdout);
        assert!(
            stty.contains(" icanon") && !stty.contains("-icanon"),
            "raw mode still on: {stty}"
        );
        assert!(
            stty.contains(" echo ") || stty.contains(" echo\n"),
            "echo still off: {stty}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .output();
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Follows the cross-reference under the detail cursor and comes back with
/// Backspace; returns the status bar seen at the target.
fn follow_and_come_back(t: &Tmux) -> String {
    let before = t.status();
    assert!(before.contains("Detail of"), "{before}");
    t.keys(&["Enter"]);
    let at_target = t.wait_status("the cross-reference to be followed", |s| {
        !s.contains(before.trim())
    });
    t.keys(&["BSpace"]);
    t.wait_status("Backspace to come back", |s| s.trim() == before.trim());
    at_target
}

#[test]
fn the_bundled_story_opens_moves_follows_helps_and_quits() {
    if !have_tmux() {
        return;
    }
    // In an empty folder there is no ./stories: storyx opens its bundled stories.
    let empty = tempfile::tempdir().unwrap();
    let t = Tmux::start("bundled", empty.path(), &[], 120, 40);
    // Every pane, titled exactly, and the status bar (the whole frame is drawn).
    let panes = [
        "Timeline", "Parties", "Analysts", "Quotes", "Claims", "Sources", "Detail",
    ];
    t.wait("the story screen", |s| {
        s.contains("Alibaba")
            && panes.iter().all(|p| s.contains(&format!("┌ {p} ")))
            && s.contains("? help")
    });
    assert_eq!(t.format("#{alternate_on}"), "1");

    // Move: the Parties pane, second party.
    t.keys(&["2", "j"]);
    t.wait_status("Parties 2/", |s| s.contains("Parties 2/"));
    // Open it, follow its first cross-reference, come back.
    t.keys(&["Enter"]);
    t.wait_status("the detail", |s| s.contains("Detail of Parties 2/"));
    let target = follow_and_come_back(&t);
    assert!(target.contains("Detail of"), "{target}");

    // Help, from the key map, and closed again.
    t.keys(&["?"]);
    t.wait("the help", |s| {
        s.contains("Help") && s.contains("move down") && s.contains("Ctrl-c")
    });
    t.keys(&["Escape"]);
    t.wait_gone("move down");

    // The summary.
    t.keys(&["s"]);
    t.wait_for("has not commented on the memo. The Chinese Embassy");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn a_folder_of_stories_shows_the_library_problems_and_each_story() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start("library", &repo(), &[folder.to_str().unwrap()], 120, 40);
    let rows = [
        "3 stories",
        "Dockworkers strike",
        "Council votes on the city budget",
        "A new bridge over the river",
        "1 problem",
        "? help",
    ];
    let s = t.wait("the library", |s| rows.iter().all(|r| s.contains(r)));
    // The first story is selected, below the problems entry.
    assert!(t.status().contains("Library 2/4"), "{}", t.status());

    // A click on the third story selects it (an SGR mouse report, as a terminal sends).
    let row = s
        .lines()
        .position(|l| l.contains("A new bridge over the river"))
        .unwrap()
        + 1;
    t.literal(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    t.wait_status("the click to select", |s| s.contains("Library 4/4"));

    // Open the harbor story (file order: budget, harbor, river), move in the
    // timeline, open and follow.
    t.keys(&["k", "Enter"]);
    t.wait_status("the story", |s| s.contains("Timeline 1/3"));
    t.keys(&["j"]);
    t.wait_status("j to move", |s| s.contains("Timeline 2/3"));
    t.keys(&["Enter"]);
    t.wait_status("the detail", |s| s.contains("Detail of Timeline 2/3"));
    let target = follow_and_come_back(&t);
    assert!(target.contains("Detail of Parties 1/2"), "{target}");

    // The next story with ], then back to the library, then the problems.
    t.keys(&["Escape"]);
    t.wait_status("Esc to leave the detail", |s| s.contains(" Timeline 2/3"));
    t.keys(&["]"]);
    t.wait_for("A new bridge over the river");
    t.keys(&["Escape"]);
    t.wait_for("3 stories");
    t.keys(&["!"]);
    t.wait("the problem", |s| {
        s.contains("river-bridge.yaml:5:5") && s.contains("warning")
    });
    t.keys(&["Escape"]);
    t.wait_for("3 stories");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn the_small_layout_shows_one_pane_with_tabs() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library/harbor-strike.yaml");
    let t = Tmux::start(
        "small",
        &repo(),
        &[
            folder.to_str().unwrap(),
            "--story",
            "harbor-strike",
            "--item",
            "q-li",
        ],
        40,
        12,
    );
    t.wait("the quote selected by --item", |s| {
        s.contains("李伟") && s.lines().last().is_some_and(|l| l.contains("Quotes 3/3"))
    });
    t.keys(&["Enter"]);
    t.wait_for("┌ Detail");
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn signals_give_the_terminal_back() {
    if !have_tmux() {
        return;
    }
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let t = Tmux::start(
            &format!("sig{signal}"),
            &repo(),
            &["tests/fixtures/tui-library"],
            100,
            30,
        );
        t.wait_for("3 stories");
        assert_eq!(t.format("#{alternate_on}"), "1");
        t.kill(signal);
        t.wait_for(&format!("EXIT={code}"));
        t.assert_restored();
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_given_back_and_resumes() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start("suspend", &repo(), &["tests/fixtures/tui-library"], 100, 30);
    t.wait_for("3 stories");
    t.keys(&["j"]);
    t.wait_status("j", |s| s.contains("Library 3/4"));
    t.keys(&["C-z"]);
    // Stopped: the terminal is the shell's again.
    let start = Instant::now();
    while t.format("#{alternate_on}") != "0" {
        assert!(
            start.elapsed() < TIMEOUT,
            "still on the alternate screen after Ctrl-z"
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    t.assert_restored();
    // Continued (as `fg` would): the explorer is back where it was.
    t.kill("CONT");
    t.wait_status("the explorer to come back", |s| s.contains("Library 3/4"));
    assert_eq!(t.format("#{alternate_on}"), "1");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn an_unknown_story_id_is_an_error_before_the_terminal_is_touched() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start(
        "unknown",
        &repo(),
        &["tests/fixtures/tui-library", "--story", "harbour-strike"],
        100,
        30,
    );
    let s = t.wait_for("EXIT=1");
    assert!(s.contains("did you mean `harbor-strike`"), "{s}");
    t.assert_restored();
}

/// The `tui_panic` example, built next to this test by `cargo test`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target dir")
        .join("examples")
        .join(name)
}

#[test]
fn a_panic_gives_the_terminal_back_then_prints_the_message() {
    if !have_tmux() {
        return;
    }
    let bin = example("tui_panic");
    if !bin.exists() {
        let built = Command::new(env!("CARGO"))
            .args(["build", "--example", "tui_panic"])
            .status()
            .expect("cargo runs");
        assert!(built.success());
    }
    let t = Tmux::start_command("panic", &repo(), &bin, &[], 100, 30);
    let s = t.wait_for("EXIT=101");
    // The message is on the normal screen, and nothing printed after it
    // overwrote it (leaving the alternate screen twice would move the cursor back).
    let lines: Vec<&str> = s.lines().collect();
    let message = lines
        .iter()
        .position(|l| l.contains("deliberate panic inside the explorer"));
    let exit = lines.iter().position(|l| l.contains("EXIT=101"));
    assert!(message.is_some() && message < exit, "{s}");

    t.assert_restored();
}

#[test]
fn search_shows_hits_as_you_type_goes_there_and_comes_back() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start("search", &repo(), &[folder.to_str().unwrap()], 120, 40);
    t.wait_for("3 stories");
    t.wait_status("the library", |s| s.contains("Library 2/4"));

    // `/`, then a query: the hits come as it is typed.
    t.keys(&["/"]);
    t.wait_for("Type to search every story");
    t.literal("li wei");
    t.wait("the hits", |s| {
        s.contains("/ li wei")
            && s.contains("analyst harbor-strike 李伟 (Li Wei)")
            && s.contains("2 hits")
    });
    // Down to the quote, Enter: its story, its pane, the quote selected and its detail shown.
    t.keys(&["Down", "Enter"]);
    let s = t.wait("the quote in its story", |s| {
        s.lines().last().is_some_and(|l| l.contains("Quotes 3/3"))
            && s.contains("┌ Detail")
            && s.contains("Said by")
    });
    assert!(s.contains("自动化需要十年才能回本"), "{s}");
    assert!(t.status().contains("Hit 2/2"), "{}", t.status());
    // n: the next hit (round to the first), still in the story.
    t.keys(&["n"]);
    t.wait_status("n", |s| s.contains("Analysts 1/1") && s.contains("Hit 1/2"));
    // Backspace: back where the search started.
    t.keys(&["BSpace"]);
    t.wait_status("the library again", |s| s.contains("Library 2/4"));

    // In the overlay keys are text: q, j, k do not quit or move; Esc closes it
    // and the library is as it was.
    t.keys(&["/"]);
    t.wait_for("Type to search every story");
    t.literal("q jk");
    t.wait_for("/ q jk");
    t.keys(&["Escape"]);
    t.wait_gone("/ q jk");
    t.wait_status("the library as it was", |s| s.contains("Library 2/4"));

    // From inside a story: a jump and Backspace return to the same row.
    t.keys(&["j"]);
    t.wait_status("j", |s| s.contains("Library 3/4"));
    t.keys(&["Enter"]);
    t.wait_status("the story", |s| s.contains("Timeline 1/3"));
    t.keys(&["j"]);
    t.wait_status("j", |s| s.contains("Timeline 2/3"));
    t.keys(&["/"]);
    t.wait_for("Type to search every story");
    t.literal("gazette report");
    t.wait_for("source  harbor-strike Harbor Gazette report");
    t.keys(&["Enter"]);
    t.wait_status("the source", |s| s.contains("Sources 1/1"));
    t.wait_for("Relies on union figures.");
    t.keys(&["BSpace"]);
    t.wait_status("back in the timeline", |s| s.contains("Timeline 2/3"));

    // The filter: f, a word, the pane narrows; Esc clears it.
    t.keys(&["4", "f"]);
    t.wait_status("the filter line", |s| s.contains("Filter Quotes:"));
    t.literal("li");
    t.wait("the filtered pane", |s| {
        s.contains("┌ Quotes [f: li] ") && s.contains(" 1/1 ")
    });
    t.keys(&["Enter"]);
    t.wait_status("the filter kept", |s| s.contains("Quotes 3/3"));
    t.keys(&["Escape"]);
    t.wait_status("the filter cleared", |s| s.contains("Filter cleared"));

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}
