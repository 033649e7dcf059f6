//! The real binary in a real terminal: storyx runs in a detached tmux session
//! of a fixed size; keys go in with send-keys, the screen comes out with
//! capture-pane, polled with a timeout. Checks that it opens, moves, follows a
//! cross-reference and comes back, shows help, quits with exit code 0, and that
//! the terminal is given back (alternate screen off, cursor shown, mouse off,
//! raw mode off) on quit, on SIGTERM, SIGHUP and SIGINT, and around Ctrl-z.
//!
//! Skipped, with a message, only when tmux is not installed.

mod tui_common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::tmux::*;

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
    assert!(t.status().contains("Library 1/3"), "{}", t.status());

    // A click on the third story selects it (an SGR mouse report, as a terminal sends).
    let row = s
        .lines()
        .position(|l| l.contains("A new bridge over the river"))
        .unwrap()
        + 1;
    t.literal(&format!("\x1b[<0;5;{row}M\x1b[<0;5;{row}m"));
    t.wait_status("the click to select", |s| s.contains("Library 3/3"));

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
    t.wait_status("j", |s| s.contains("Library 2/3"));
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
    t.wait_status("the explorer to come back", |s| s.contains("Library 2/3"));
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
    t.wait_status("the library", |s| s.contains("Library 1/3"));

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
    t.wait_status("the library again", |s| s.contains("Library 1/3"));

    // In the overlay keys are text: q, j, k do not quit or move; Esc closes it
    // and the library is as it was.
    t.keys(&["/"]);
    t.wait_for("Type to search every story");
    t.literal("q jk");
    t.wait_for("/ q jk");
    t.keys(&["Escape"]);
    t.wait_gone("/ q jk");
    t.wait_status("the library as it was", |s| s.contains("Library 1/3"));

    // From inside a story: a jump and Backspace return to the same row.
    t.keys(&["j"]);
    t.wait_status("j", |s| s.contains("Library 2/3"));
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
    // One counter: the status bar counts the rows the filter keeps, as the pane title does.
    t.wait_status("the filter kept", |s| s.contains("Quotes 1/1"));
    t.keys(&["Escape"]);
    t.wait_status("the filter cleared", |s| s.contains("Filter cleared"));

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn f_filters_the_library_and_esc_shows_every_story_again() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start(
        "library-filter",
        &repo(),
        &[folder.to_str().unwrap()],
        120,
        40,
    );
    let all = [
        "Dockworkers strike",
        "Council votes on the city budget",
        "A new bridge over the river",
    ];
    t.wait("the library", |s| all.iter().all(|r| s.contains(r)));

    // f, then a word: only the story that matches; q is text, not quit.
    t.keys(&["f"]);
    t.wait_status("the filter line", |s| s.contains("Filter Stories:"));
    t.literal("q");
    t.wait("nothing matches q", |s| {
        s.contains("No story matches the filter") && s.contains("0/3 stories")
    });
    t.keys(&["BSpace"]);
    t.literal("RIVER");
    let s = t.wait("only the river story", |s| {
        s.contains("A new bridge over the river")
            && !s.contains("Dockworkers strike")
            && !s.contains("Council votes")
    });
    assert!(s.contains("filtered: 1 of 3 match “RIVER”"), "{s}");
    assert!(s.contains("┌ Stories [f: RIVER] "), "{s}");
    assert!(t.status().contains("1/3 stories"), "{}", t.status());

    // Enter keeps it, and the keys move and open again.
    t.keys(&["Enter"]);
    t.wait_status("the filter kept", |s| s.contains("Library 1/1"));
    t.keys(&["Enter"]);
    t.wait_status("the river story", |s| s.contains("Timeline 1/"));
    t.keys(&["Escape"]);
    t.wait_status("the library, still filtered", |s| s.contains("Library 1/1"));
    assert!(!t.screen().contains("Dockworkers strike"));

    // Esc: every story again.
    t.keys(&["Escape"]);
    t.wait_status("the filter cleared", |s| s.contains("Filter cleared"));
    let s = t.wait("every story", |s| all.iter().all(|r| s.contains(r)));
    assert!(!s.contains("filtered:"), "{s}");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

// ---------------------------------------------------------------------------
// The comforts (issue 8): configuration, NO_COLOR, copy, open, edit, live
// reload, reading state. Environment variables go in through `env`, which
// then becomes storyx (so the pid is still storyx's).

/// A copy of the fixture folder, free to edit.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo().join("tests/fixtures/tui-library")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// A shell script that records its arguments, one per line, in `record`.
fn recording_script(path: &Path, record: &Path, then: &str) {
    use std::os::unix::fs::PermissionsExt;
    let script = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > {}\n{then}\n",
        quote(&record.display().to_string())
    );
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The SGR parameters of every `ESC [ … m` in a capture.
fn sgr_params(capture: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = capture;
    while let Some(at) = rest.find("\x1b[") {
        rest = &rest[at + 2..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    out
}

/// Whether an SGR parameter list sets a colour (foreground or background).
fn sets_colour(params: &str) -> bool {
    let ps: Vec<u32> = params
        .split([';', ':'])
        .filter_map(|p| p.parse().ok())
        .collect();
    let mut i = 0;
    while i < ps.len() {
        match ps[i] {
            30..=37 | 40..=47 | 90..=97 | 100..=107 => return true,
            38 | 48 => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

#[test]
fn no_color_means_no_colour_codes_but_bold_and_reverse_stay() {
    if !have_tmux() {
        return;
    }
    let args = ["tests/fixtures/tui-library", "--story", "harbor-strike"];
    let capture = |vars: &[String]| {
        let t = Tmux::start_env("nocolor", &repo(), vars, &args, 120, 40);
        t.wait("the story", |s| {
            s.contains("┌ Detail") && s.contains("? help")
        });
        t.keys(&["?"]);
        t.wait_for("Open and go back");
        let escaped = t.tmux(&["capture-pane", "-e", "-p", "-t", "storyx"]);
        t.keys(&["Escape", "q"]);
        t.wait_for("EXIT=0");
        escaped
    };
    // With colours, the capture has them (so the check below means something).
    let coloured = capture(&[]);
    assert!(sgr_params(&coloured).iter().any(|p| sets_colour(p)));

    let plain = capture(&["NO_COLOR=1".to_string()]);
    let params = sgr_params(&plain);
    let colours: Vec<&String> = params.iter().filter(|p| sets_colour(p)).collect();
    assert!(
        colours.is_empty(),
        "colour codes under NO_COLOR: {colours:?}"
    );
    // Meaning without colour: reverse video (the selection, the status bar) and bold.
    let has = |n: &str| params.iter().any(|p| p.split(';').any(|x| x == n));
    assert!(has("7"), "no reverse video: {params:?}");
    assert!(has("1"), "no bold: {params:?}");
}

#[test]
fn a_bad_config_is_told_and_the_rest_of_it_applies() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (vars, config) = Tmux::config_env(dir.path(), "[keys]\nreloda = \"R\"\ndown = \"n\"\n");
    let args = ["tests/fixtures/tui-library", "--story", "harbor-strike"];
    let t = Tmux::start_env("badconfig", &repo(), &vars, &args, 200, 40);
    // The status bar says where and what, then the keys work as configured. The
    // same words are on standard error before the explorer starts: wait for its
    // frame too, so that no key is typed before it reads keys.
    t.wait("the explorer's frame", |s| {
        s.contains("┌ Timeline") && s.lines().last().unwrap_or("").contains("config.toml:2:1")
    });
    let status = t.status();
    assert!(
        status.contains(
            "warning: keys.reloda: no action is called `reloda`, ignored; did you mean `reload`?"
        ),
        "{status}"
    );
    t.keys(&["n"]);
    t.wait_status("n to move down", |s| s.contains("Timeline 2/"));
    t.keys(&["j"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        t.status().contains("Timeline 2/"),
        "j is not bound any more"
    );
    t.keys(&["?"]);
    t.wait("the help with n", |s| {
        s.lines()
            .any(|l| l.contains("  n ") && l.contains("move down"))
    });
    t.keys(&["Escape"]);
    // The problem is listed with the story problems too.
    t.keys(&["!"]);
    t.wait_for("config.toml:2:1");
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=0");
    // And it was told on standard error before the explorer started.
    assert!(
        s.lines()
            .any(|l| l.starts_with("storyx: ")
                && l.contains("config.toml:2:1: warning: keys.reloda")),
        "{s}"
    );

    // Not TOML at all: the defaults, j moves.
    std::fs::write(&config, "theme = \"light\n").unwrap();
    let t = Tmux::start_env("notoml", &repo(), &vars, &args, 200, 40);
    let status = t.wait_status("the config problem", |s| s.contains("config.toml:1:"));
    assert!(status.contains("not valid TOML"), "{status}");
    assert!(status.contains("using the defaults"), "{status}");
    t.keys(&["j"]);
    t.wait_status("j to move down", |s| s.contains("Timeline 2/"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn e_opens_the_editor_at_the_item_line_and_reloads_after() {
    if !have_tmux() {
        return;
    }
    let stories = fixture_copy();
    let bin = tempfile::tempdir().unwrap();
    let record = bin.path().join("args");
    // Named vim, so it is told the line as +LINE; it edits the quote.
    let editor = bin.path().join("vim");
    recording_script(
        &editor,
        &record,
        "sed -i 's/Not one job goes/Not one crane goes/' \"$2\"",
    );
    let vars = [
        format!("EDITOR={}", editor.display()),
        "VISUAL=".to_string(),
    ];
    let folder = stories.path().display().to_string();
    let t = Tmux::start_env(
        "edit",
        stories.path(),
        &vars,
        &[&folder, "--story", "harbor-strike"],
        120,
        40,
    );
    t.wait_for("┌ Detail");
    t.keys(&["4"]);
    t.wait_status("the quotes", |s| s.contains("Quotes 1/3"));
    t.keys(&["e"]);
    // Back in the explorer, on the alternate screen, with the edit loaded.
    t.wait("the edited quote", |s| s.contains("Not one crane goes"));
    assert_eq!(t.format("#{alternate_on}"), "1");
    let status = t.wait_status("the reload", |s| s.contains("Reloaded"));
    assert!(status.contains("Reloaded: 3 stories"), "{status}");
    let args = std::fs::read_to_string(&record).unwrap();
    let file = stories.path().join("harbor-strike.yaml");
    assert_eq!(args, format!("+34\n{}\n", file.display()));
    assert!(t.status().contains("Quotes 1/3"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

#[test]
fn the_bundled_stories_have_no_file_to_edit() {
    if !have_tmux() {
        return;
    }
    let empty = tempfile::tempdir().unwrap();
    let t = Tmux::start_env(
        "bundlededit",
        empty.path(),
        &["EDITOR=false".to_string()],
        &[],
        160,
        40,
    );
    t.wait_for("┌ Detail");
    t.keys(&["e"]);
    let status = t.wait_status("the answer", |s| s.contains("bundled"));
    assert!(
        status.contains("This story is bundled into storyx: there is no file to edit"),
        "{status}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn edits_made_elsewhere_are_picked_up_in_place_and_r_reloads() {
    if !have_tmux() {
        return;
    }
    let stories = fixture_copy();
    let folder = stories.path().display().to_string();
    let t = Tmux::start_env("live", stories.path(), &[], &[&folder], 120, 40);
    t.wait_for("3 stories");
    // Open the harbor story (second in file order) at its third quote, q-li.
    t.keys(&["j", "Enter", "4", "G"]);
    t.wait_status("q-li", |s| s.contains("Quotes 3/3"));
    let harbor = stories.path().join("harbor-strike.yaml");
    let text = std::fs::read_to_string(&harbor).unwrap();
    // A new quote before q-li: q-li is now the fourth, and stays selected.
    let edited = text.replace(
        "  - id: q-li\n",
        "  - by: union\n    text: A new quote, just added.\n  - id: q-li\n",
    );
    assert_ne!(edited, text);
    std::fs::write(&harbor, edited).unwrap();
    let status = t.wait_status("the live reload", |s| s.contains("Reloaded"));
    assert!(status.contains("Reloaded: 3 stories"), "{status}");
    assert!(status.contains("Quotes 4/4"), "the place kept: {status}");
    t.wait_for("Dockworkers' Union: “A new quo");

    // A broken file: its problem shows up, its last good story stays.
    std::fs::write(stories.path().join("budget-vote.yaml"), "id: [unclosed\n").unwrap();
    let status = t.wait_status("the new problem", |s| s.contains("problems"));
    assert!(
        status.contains("Reloaded: 3 stories · ⚠ 2 problems"),
        "{status}"
    );
    t.keys(&["!"]);
    t.wait_for("budget-vote.yaml:2:1: id: YAML syntax error");

    // r reloads by hand.
    t.keys(&["Escape", "r"]);
    t.wait_status("r", |s| s.contains("Reloaded: 3 stories"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn y_copies_through_the_terminal_and_o_opens_the_browser() {
    if !have_tmux() {
        return;
    }
    let bin = tempfile::tempdir().unwrap();
    let record = bin.path().join("args");
    let browser = bin.path().join("browser");
    recording_script(&browser, &record, "");
    let vars = [format!("BROWSER={}", browser.display())];
    let args = ["tests/fixtures/tui-library", "--story", "harbor-strike"];
    let t = Tmux::start_env("copy", &repo(), &vars, &args, 160, 40);
    // tmux keeps what an application copies with OSC 52 as a paste buffer.
    t.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    t.wait_for("┌ Detail");
    t.keys(&["4", "y"]);
    let status = t.wait_status("the copy", |s| s.contains("Copied"));
    assert!(
        status.contains("Copied the quote by Dockworkers' Union (119 characters) to the clipboard"),
        "{status}"
    );
    let start = Instant::now();
    let want = "Dockworkers' Union: “Not one job goes without a fight.”\nDate: 1 Oct 2024\n\
                Source: Harbor Gazette report (Harbor Gazette)";
    while t.tmux(&["show-buffer"]) != want {
        assert!(
            start.elapsed() < TIMEOUT,
            "buffer: {:?}",
            t.tmux(&["show-buffer"])
        );
        std::thread::sleep(Duration::from_millis(40));
    }
    // The paraphrase, without quotation marks.
    t.keys(&["j", "y"]);
    let want =
        "Port Authority (reported, via Dockworkers' Union): The authority said retraining would \
                cover every worker.\nSource: Harbor Gazette report (Harbor Gazette)";
    let start = Instant::now();
    while t.tmux(&["show-buffer"]) != want {
        assert!(
            start.elapsed() < TIMEOUT,
            "buffer: {:?}",
            t.tmux(&["show-buffer"])
        );
        std::thread::sleep(Duration::from_millis(40));
    }

    t.keys(&["k", "o"]);
    t.wait_status("the browser", |s| {
        s.contains("Opening https://gazette.example/")
    });
    let start = Instant::now();
    while std::fs::read_to_string(&record)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(start.elapsed() < TIMEOUT, "the browser never ran");
        std::thread::sleep(Duration::from_millis(40));
    }
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        "https://gazette.example/2024/10/02/strike-over-automation\n"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn the_reading_state_is_restored_and_no_state_writes_nothing() {
    if !have_tmux() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let state_home = home.path().join("state");
    let vars = [format!("XDG_STATE_HOME={}", state_home.display())];
    let args = ["tests/fixtures/tui-library"];
    let t = Tmux::start_env("reading1", &repo(), &vars, &args, 120, 40);
    t.wait_for("3 stories");
    // Mark the first story reviewed, open the harbor story at its second quote.
    t.keys(&["m"]);
    t.wait_for("✓ Council votes");
    t.keys(&["j", "Enter", "4", "j"]);
    t.wait_status("the quote", |s| s.contains("Quotes 2/3"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    let file = state_home.join("storyx/reading.json");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("\"story\": \"harbor-strike\""), "{saved}");
    assert!(saved.contains("\"budget-vote\""), "{saved}");

    // The next start is where the last one ended; the library shows the mark.
    let t = Tmux::start_env("reading2", &repo(), &vars, &args, 120, 40);
    t.wait_status("the restored place", |s| s.contains("Quotes 2/3"));
    t.keys(&["Escape"]);
    t.wait_for("✓ Council votes");
    t.keys(&["u"]);
    t.wait_gone("Council votes");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    // --no-state: nothing read (the library, not the story) and nothing written.
    let other = home.path().join("other");
    let vars = [format!("XDG_STATE_HOME={}", other.display())];
    let t = Tmux::start_env(
        "nostate",
        &repo(),
        &vars,
        &["--no-state", "tests/fixtures/tui-library"],
        120,
        40,
    );
    t.wait_for("3 stories");
    t.keys(&["m", "j", "Enter", "q"]);
    t.wait_for("EXIT=0");
    assert!(!other.exists(), "--no-state wrote {}", other.display());
}

#[test]
fn the_people_screen_and_one_person_across_stories() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/people");
    let t = Tmux::start("people", &repo(), &[folder.to_str().unwrap()], 120, 40);
    t.wait_for("3 stories");

    // p: every party and analyst, with their counts.
    t.keys(&["p"]);
    let s = t.wait("the People screen", |s| {
        s.contains("6 parties and analysts across 3 stories") && s.contains("Mei Chen")
    });
    assert!(s.contains("Stories Quotes Stances"), "{s}");
    assert!(t.status().contains("People 1/6"), "{}", t.status());

    // Enter: Richard Fisher across both stories he is in.
    t.keys(&["j", "j", "Enter"]);
    t.wait("the cross-story view", |s| {
        s.contains("Richard Fisher across 2 stories")
            && s.contains("Trade talks stall · Mar 2024")
            && s.contains("“Tariffs are leverage, not a goal.”")
            && s.contains(
                "± has a mixed view of the claim (no status given): The merger saves costs.",
            )
    });
    // Down to his quote in the first story, and into it.
    t.keys(&["j", "j", "j", "Enter"]);
    t.wait_status("the quote in its story", |s| {
        s.contains("Detail of Quotes 1/2 · Trade talks stall")
    });
    t.wait_for("Said by");
    // Backspace: back in the view, then the People list.
    t.keys(&["BSpace"]);
    t.wait_status("back in the view", |s| {
        s.contains("People › Richard Fisher")
    });
    t.keys(&["BSpace"]);
    t.wait_status("back in the list", |s| s.contains("People 3/6"));

    // w from a story's Parties pane; t narrows its timeline.
    t.keys(&["BSpace"]);
    t.wait_for("sorted by");
    t.keys(&["j", "j", "Enter", "2", "w"]);
    t.wait("Acme across stories", |s| {
        s.contains("Acme Corp across 3 stories")
    });
    t.keys(&["BSpace"]);
    t.wait_status("the story again", |s| {
        s.contains("Parties 1/2 · Port deal signed")
    });
    t.keys(&["j", "t"]);
    t.wait("the narrowed timeline", |s| {
        s.contains("Timeline [Alibaba]") && !s.contains("Deal signed")
    });
    t.keys(&["Escape"]);
    t.wait("every event", |s| s.contains("Deal signed"));

    // The claims matrix: l moves to the next column.
    t.keys(&["5", "l"]);
    t.wait("the second column", |s| {
        s.contains("column 2/3") && s.contains("Says the terms were set for Acme.")
    });

    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
}

/// Issue 6: with a load that takes a while, the explorer draws a first frame (and
/// notes when, for scripts/measure_scale.sh: the figure is measured there, not
/// asserted here), keys work meanwhile, and the whole library is there at the end.
#[test]
fn a_big_folder_shows_at_once_and_loads_in_the_background() {
    if !have_tmux() {
        return;
    }
    const N: usize = 3000;
    let dir = tempfile::tempdir().expect("temp dir");
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    for i in 0..N {
        let story = storyx::synth::story(i);
        std::fs::write(stories.join(&story.file), storyx::synth::to_yaml(&story)).unwrap();
    }
    let frame_file = dir.path().join("first-frame");
    let vars = [format!("STORYX_FIRST_FRAME_FILE={}", frame_file.display())];
    let t = Tmux::start_env(
        "big",
        dir.path(),
        &vars,
        &["--no-cache", "stories"],
        120,
        40,
    );
    t.wait("a first frame", |s| s.contains("help"));
    // The note is written just after the frame is drawn: wait for it whole.
    let start = Instant::now();
    let ms: f64 = loop {
        let text = std::fs::read_to_string(&frame_file).unwrap_or_default();
        if let Ok(ms) = text.trim().parse() {
            break ms;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "the first frame was not noted: {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    eprintln!("first frame after {ms} ms");
    t.keys(&["?"]);
    t.wait_for(HELP_TITLE);
    t.keys(&["Escape"]);
    let s = t.wait_for(&format!("Library 1/{N}"));
    assert!(!s.contains("Loading"), "{s}");
}

/// Issue 19: a query typed while a big folder loads is answered from what is
/// loaded, and its count grows as the rest comes in, to the whole corpus's count.
#[test]
fn a_query_typed_while_a_big_folder_loads_counts_more_as_it_loads() {
    if !have_tmux() {
        return;
    }
    const N: usize = 3000;
    let dir = tempfile::tempdir().expect("temp dir");
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    for i in 0..N {
        let story = storyx::synth::story(i);
        std::fs::write(stories.join(&story.file), storyx::synth::to_yaml(&story)).unwrap();
    }
    // The whole corpus's count, from `storyx search` ("1 of M hits shown").
    let mut search = Command::new(env!("CARGO_BIN_EXE_storyx"));
    for var in ["XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] {
        search.env(var, dir.path().join(var));
    }
    let out = search
        .args(["search", "fisher", "stories", "--limit", "1", "--no-cache"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    let whole: usize = said
        .split_whitespace()
        .nth(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{said}"));
    let t = Tmux::start_env(
        "typing",
        dir.path(),
        &[],
        &["--no-cache", "stories"],
        120,
        40,
    );
    t.wait("a first frame, still loading", |s| s.contains("help"));
    t.keys(&["/"]);
    t.literal("fisher");
    // Every count shown, in order, until the load is over and the whole count is there.
    let count = |s: &str| -> Option<usize> {
        let line = s.lines().find(|l| l.contains(" hits"))?;
        let before = line.split(" hits").next()?;
        before
            .split(|c: char| !c.is_ascii_digit())
            .rfind(|w| !w.is_empty())?
            .parse()
            .ok()
    };
    let mut seen: Vec<(usize, bool)> = Vec::new();
    let start = Instant::now();
    loop {
        let s = t.screen();
        if let Some(n) = count(&s) {
            let loading = s.contains("Loading");
            if seen.last().map(|&(m, _)| m) != Some(n) {
                seen.push((n, loading));
            }
            if n == whole && !loading {
                break;
            }
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "counts seen {seen:?}, want {whole}:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!("counts seen (count, while loading): {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(
        seen.first()
            .is_some_and(|&(n, loading)| loading && n < whole),
        "the query was answered while loading, from what was loaded: {seen:?}"
    );
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}

const HELP_TITLE: &str = "Help ·";

/// A test that needs a missing tool skips on a developer's machine and fails
/// under CI, so that CI cannot pass by skipping.
#[test]
fn a_missing_tool_skips_here_and_fails_under_ci() {
    use tui_common::tool::have_or_skip;
    let missing = "storyx-test-no-such-tool";
    assert!(!have_or_skip(missing, &[], "this check", false));
    let under_ci = std::panic::catch_unwind(|| have_or_skip(missing, &[], "this check", true));
    assert!(under_ci.is_err(), "under CI a missing tool fails the test");
    assert!(have_or_skip("sh", &["-c", "true"], "this check", true));
}

#[test]
fn a_broken_save_keeps_the_story_on_screen_and_the_fixed_one_its_place() {
    if !have_tmux() {
        return;
    }
    // One story alone: a broken save used to leave "No stories loaded".
    let dir = tempfile::tempdir().unwrap();
    let harbor = dir.path().join("harbor-strike.yaml");
    std::fs::copy(
        repo().join("tests/fixtures/tui-library/harbor-strike.yaml"),
        &harbor,
    )
    .unwrap();
    let t = Tmux::start_env(
        "broken-save",
        dir.path(),
        &[],
        &[harbor.to_str().unwrap()],
        120,
        40,
    );
    t.wait_status("the story", |s| s.contains("Timeline 1/"));
    // The third quote, its detail focused.
    t.keys(&["4", "G", "Enter"]);
    t.wait_status("q-li's detail", |s| s.contains("Detail of Quotes 3/3"));
    let good = std::fs::read_to_string(&harbor).unwrap();
    std::fs::write(&harbor, good.replace("quotes:\n", "quotes: [\n")).unwrap();
    let s = t.wait_for("Last good version shown");
    assert!(
        s.contains("⚠ Last good version shown · ! shows it · harbor-strike.yaml:"),
        "{s}"
    );
    assert!(
        s.contains("自动化需要十年才能回本"),
        "the quote still shows:\n{s}"
    );
    assert!(
        s.contains(" 3/3 ") && s.contains("Said by"),
        "the place kept:\n{s}"
    );
    assert!(t.status().contains("kept as it was"), "{}", t.status());
    // ! shows the problem; Esc comes back.
    t.keys(&["!"]);
    t.wait_for("YAML syntax error");
    t.keys(&["Escape"]);
    t.wait_for("Last good version shown");
    // The fixed save: the new words in the same place, the banner gone.
    std::fs::write(
        &harbor,
        good.replace("自动化需要十年才能回本", "自动化需要十二年才能回本"),
    )
    .unwrap();
    let s = t.wait_for("自动化需要十二年才能回本");
    assert!(!s.contains("Last good version"), "{s}");
    assert!(
        s.contains(" 3/3 ") && s.contains("Said by"),
        "the place kept:\n{s}"
    );
    assert!(t.status().contains("Reloaded: 1 story"), "{}", t.status());
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn the_mouse_wheel_scrolls_a_long_detail() {
    if !have_tmux() {
        return;
    }
    let stories = fixture_copy();
    let harbor = stories.path().join("harbor-strike.yaml");
    let text = std::fs::read_to_string(&harbor).unwrap();
    let long: String = (1..=80)
        .map(|i| format!("      Paragraph {i} of the account of the vote.\n\n"))
        .collect();
    let edited = text.replace(
        "    title: Port board approves the automation plan\n",
        &format!("    title: Port board approves the automation plan\n    detail: |\n{long}"),
    );
    assert_ne!(edited, text);
    std::fs::write(&harbor, edited).unwrap();
    let t = Tmux::start_env(
        "wheel",
        stories.path(),
        &[],
        &[harbor.to_str().unwrap()],
        120,
        40,
    );
    let s = t.wait_for("Paragraph 1 of the account");
    // The row and column of the detail's first paragraph (1-based for SGR).
    let (row, col) = s
        .lines()
        .enumerate()
        .find_map(|(r, l)| {
            l.find("Paragraph 1 of")
                .map(|c| (r + 1, l[..c].chars().count() + 1))
        })
        .unwrap();
    // Wheel down (button 65) over the detail, which is not focused.
    for _ in 0..5 {
        t.literal(&format!("\x1b[<65;{col};{row}M"));
    }
    let s = t.wait_gone("Paragraph 1 of the account");
    assert!(s.contains("Paragraph 9 of the account"), "{s}");
    assert!(
        t.status().contains("Timeline 1/"),
        "the focus stays: {}",
        t.status()
    );
    // Wheel up brings it back.
    for _ in 0..10 {
        t.literal(&format!("\x1b[<64;{col};{row}M"));
    }
    t.wait_for("Paragraph 1 of the account");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn item_without_story_opens_the_one_story_that_has_it_and_names_several() {
    if !have_tmux() {
        return;
    }
    // One story has `q-li`: it opens there, the quote selected.
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start(
        "item-one",
        &repo(),
        &[folder.to_str().unwrap(), "--item", "q-li"],
        120,
        40,
    );
    t.wait("the quote selected by --item alone", |s| {
        s.contains("李伟") && s.lines().last().is_some_and(|l| l.contains("Quotes 3/3"))
    });
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    t.assert_restored();
    // Two stories have the party `alibaba`: exit 2, both named, the terminal untouched.
    let reuters = repo().join("tests/fixtures/format2/reuters-alibaba-memo.yaml");
    let t = Tmux::start(
        "item-two",
        &repo(),
        &["stories", reuters.to_str().unwrap(), "--item", "alibaba"],
        200,
        10,
    );
    let s = t.wait_for("EXIT=2");
    assert!(
        s.contains("2 stories have an item with the id `alibaba`")
            && s.contains("`alibaba-military-allegations`")
            && s.contains("`reuters-alibaba-memo`"),
        "{s}"
    );
}

/// Issue 13 bug 5: with a configuration that rebinds them, the screens' fixed
/// hints name the keys bound, never the defaults.
#[test]
fn a_rebinding_config_shows_its_keys_in_the_hints() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (vars, _) = Tmux::config_env(
        dir.path(),
        "[keys]\ncycle_sort = \"F6\"\nopen = \"F2\"\nclose = \"F3\"\n",
    );
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start_env(
        "rebound",
        &repo(),
        &vars,
        &[folder.to_str().unwrap()],
        80,
        24,
    );
    let s = t.wait_for("(F6 changes it)");
    assert!(!s.contains("(S changes it)"), "{s}");
    // Open the story with F2; filter the Parties to nothing: F3 clears it.
    t.keys(&["F2"]);
    t.wait_status("the story", |s| s.contains("Timeline "));
    t.keys(&["2", "f"]);
    t.literal("zzzqqq");
    t.keys(&["Enter"]);
    let s = t.wait_for("No row matches; F3 clears the filter");
    assert!(!s.contains("Esc clears"), "{s}");
    t.keys(&["F3"]);
    t.wait_status("the filter cleared", |s| s.contains("Parties 1/"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

/// Issue 13 §4: at 80 columns (no preview) a hit row says which field matched.
#[test]
fn a_search_hit_row_at_80_columns_shows_the_field_that_matched() {
    if !have_tmux() {
        return;
    }
    let folder = repo().join("tests/fixtures/tui-library");
    let t = Tmux::start("hitfield", &repo(), &[folder.to_str().unwrap()], 80, 24);
    t.wait_status("the library", |s| s.contains("Library 1/3"));
    t.keys(&["/"]);
    t.wait_for("Type to search every story");
    t.literal("guarantees");
    let s = t.wait("the union's hit", |s| s.contains("1 hit"));
    let row = s
        .lines()
        .find(|l| l.contains("party") && l.contains("Dockworkers"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(row.contains("position:"), "{row}");
    assert!(row.contains("guarantees"), "{row}");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
}
