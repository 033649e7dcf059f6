//! The real binary in a real terminal, for the tmux tests: storyx (or any command)
//! runs in a detached tmux session of a fixed size, on a tmux server of its own
//! (its own socket, in a temporary folder); keys go in with send-keys, the screen
//! comes out with capture-pane, polled with a timeout.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long a wait for the screen may take before the test fails: a guard against a
/// hang, generous for a debug build on a busy machine (a 3000-file load in tmux took
/// over 15 s with other builds running); never a measure of speed.
pub const TIMEOUT: Duration = Duration::from_secs(90);

/// Whether tmux is installed: when it is not, the caller skips (and under CI=true
/// the test fails; see `tool::have`).
pub fn have_tmux() -> bool {
    super::tool::have("tmux", &["-V"], "the tmux tests of the explorer")
}

/// `s` quoted for sh.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// One command in its own tmux server (its own socket), killed on drop.
pub struct Tmux {
    socket: String,
    pid_file: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts `storyx ARGS` in `cwd` in a `w`×`h` terminal.
    pub fn start(name: &str, cwd: &Path, args: &[&str], w: u16, h: u16) -> Tmux {
        let bin = Path::new(env!("CARGO_BIN_EXE_storyx"));
        Tmux::start_command(name, cwd, bin, args, w, h)
    }

    /// Starts `bin ARGS` in `cwd` in a `w`×`h` terminal.
    pub fn start_command(
        name: &str,
        cwd: &Path,
        bin: &Path,
        args: &[&str],
        w: u16,
        h: u16,
    ) -> Tmux {
        Tmux::start_configured(name, cwd, bin, args, w, h, &[])
    }

    /// Starts `bin ARGS` in `cwd` in a `w`×`h` terminal, on a server started with
    /// these lines of configuration (`set -g set-clipboard on`).
    pub fn start_configured(
        name: &str,
        cwd: &Path,
        bin: &Path,
        args: &[&str],
        w: u16,
        h: u16,
        config: &[&str],
    ) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let pid_file = dir.path().join("pid");
        let conf = dir.path().join("tmux.conf");
        std::fs::write(&conf, config.join("\n") + "\n").expect("tmux.conf");
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
        // The inner shell writes its pid, then becomes the command: that pid is its.
        let inner = format!(
            "echo $$ > {}; exec {}",
            quote(&pid_file.display().to_string()),
            argv.join(" ")
        );
        let command = format!("sh -c {}; echo EXIT=$?; sleep 60", quote(&inner));
        // A configuration, reading state and cache of its own: none of the
        // user's, and nothing written into the user's home.
        let xdg = |name: &str| format!("{name}={}", dir.path().join(name).display());
        let (config_home, state_home) = (xdg("XDG_CONFIG_HOME"), xdg("XDG_STATE_HOME"));
        let cache_home = xdg("XDG_CACHE_HOME");
        let t = Tmux {
            socket,
            pid_file,
            _dir: dir,
        };
        let status = Command::new("tmux")
            .args(["-S", &t.socket, "-f"])
            .arg(&conf)
            .args([
                "new-session",
                "-e",
                "RUST_BACKTRACE=0",
                "-e",
                &config_home,
                "-e",
                &state_home,
                "-e",
                &cache_home,
                "-e",
                "STORYX_CONFIG=",
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

    /// The environment that points storyx at a configuration file holding
    /// `text`, written as `config.toml` in `dir`: (`STORYX_CONFIG=…`, its path).
    pub fn config_env(dir: &Path, text: &str) -> ([String; 1], std::path::PathBuf) {
        let config = dir.join("config.toml");
        std::fs::write(&config, text).expect("config.toml");
        ([format!("STORYX_CONFIG={}", config.display())], config)
    }

    /// Starts `storyx ARGS` with these environment variables set (through
    /// `env`, which then becomes storyx, so the pid is still storyx's).
    pub fn start_env(
        name: &str,
        cwd: &Path,
        vars: &[String],
        args: &[&str],
        w: u16,
        h: u16,
    ) -> Tmux {
        let bin = env!("CARGO_BIN_EXE_storyx").to_string();
        let mut all: Vec<&str> = vars.iter().map(String::as_str).collect();
        all.push(&bin);
        all.extend_from_slice(args);
        Tmux::start_command(name, cwd, Path::new("/usr/bin/env"), &all, w, h)
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-S", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "storyx", k]);
        }
    }

    /// Types raw bytes (an escape sequence such as a mouse click).
    pub fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "storyx", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "storyx"])
    }

    pub fn format(&self, f: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "storyx", f])
            .trim()
            .to_string()
    }

    /// The pane title (set by OSC 0 and OSC 2; tmux starts it as the host name).
    pub fn pane_title(&self) -> String {
        self.format("#{pane_title}")
    }

    /// The paste buffers, one line each (OSC 52 makes one with `set-clipboard on`).
    pub fn buffers(&self) -> String {
        self.tmux(&["list-buffers"])
    }

    /// Polls the screen until `pred` holds; panics with the screen on timeout.
    pub fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?}"), |s| s.contains(needle))
    }

    pub fn wait_gone(&self, needle: &str) -> String {
        self.wait(&format!("{needle:?} to go"), |s| !s.contains(needle))
    }

    /// The last row: the status bar.
    pub fn status(&self) -> String {
        self.screen()
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .to_string()
    }

    pub fn wait_status(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait(what, |s| pred(s.lines().last().unwrap_or("")));
        self.status()
    }

    pub fn pid(&self) -> String {
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

    pub fn kill(&self, signal: &str) {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &self.pid()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Asserts the terminal is as a shell wants it: alternate screen off, cursor
    /// shown, mouse reporting off, and the tty back in canonical (cooked) mode.
    pub fn assert_restored(&self) {
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

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
