//! Other programs the explorer starts: the browser for a source's URL
//! (`$BROWSER`, else `xdg-open` or `open`), detached and silent, and the
//! editor (`$VISUAL`, else `$EDITOR`, else `vi`) at a file and line, in the
//! foreground with the terminal handed over (a SIGTERM meanwhile is passed on
//! to it: `term::Session::run_child`).

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

/// A command line from an environment variable: words split on spaces (no
/// quoting), the first the program.
fn words(value: &str) -> Option<(String, Vec<String>)> {
    let mut w = value.split_whitespace().map(str::to_string);
    let program = w.next()?;
    Some((program, w.collect()))
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The browser command: `$BROWSER` if set, else the system's opener.
fn browser() -> (String, Vec<String>) {
    if let Some(b) = var("BROWSER").and_then(|b| words(&b)) {
        return b;
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    (opener.to_string(), Vec::new())
}

/// Starts the browser on `url` without waiting for it: no input, output
/// thrown away, reaped by a thread of its own. The URL is one argument, never
/// seen by a shell. Errs when the program cannot be started.
pub fn open_url(url: &str) -> Result<String, String> {
    let (program, args) = browser();
    let child = Command::new(&program)
        .args(&args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    let mut child = child;
    let _ = std::thread::Builder::new()
        .name("browser".into())
        .spawn(move || child.wait());
    Ok(program)
}

/// How an editor is told the line to open at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineStyle {
    /// `+LINE FILE` (vi, vim, nvim, nano, emacs, micro, kak…).
    Plus,
    /// `FILE:LINE` (helix, sublime, zed).
    Colon,
    /// `--goto FILE:LINE` (VS Code and its kin).
    Goto,
    /// The file alone.
    None,
}

fn line_style(program: &str) -> LineStyle {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "vi" | "vim" | "nvim" | "view" | "vim.basic" | "vim.tiny" | "gvim" | "mvim" | "nvi"
        | "elvis" | "vis" | "ex" | "nano" | "pico" | "rnano" | "emacs" | "emacsclient"
        | "micro" | "kak" | "joe" | "jed" | "ne" | "mg" | "jove" | "mcedit" => LineStyle::Plus,
        "hx" | "helix" | "subl" | "sublime_text" | "zed" => LineStyle::Colon,
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" => LineStyle::Goto,
        _ => LineStyle::None,
    }
}

/// The editor's program and arguments to open `file` at `line`.
pub fn editor_command(editor: &str, file: &Path, line: Option<usize>) -> (String, Vec<OsString>) {
    let (program, extra) = words(editor).unwrap_or_else(|| ("vi".into(), Vec::new()));
    let mut args: Vec<OsString> = extra.into_iter().map(OsString::from).collect();
    let at = |file: &Path, line: usize| {
        let mut s = file.as_os_str().to_os_string();
        s.push(format!(":{line}"));
        s
    };
    match (line_style(&program), line) {
        (LineStyle::Plus, Some(l)) => {
            args.push(format!("+{l}").into());
            args.push(file.into());
        }
        (LineStyle::Colon, Some(l)) => args.push(at(file, l)),
        (LineStyle::Goto, Some(l)) => {
            args.push("--goto".into());
            args.push(at(file, l));
        }
        _ => args.push(file.into()),
    }
    (program, args)
}

/// `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor() -> String {
    var("VISUAL")
        .or_else(|| var("EDITOR"))
        .unwrap_or_else(|| "vi".into())
}

/// The editor's command for `file` at `line`, and its program (for messages).
/// The caller runs it with the terminal handed over (`Session::run_child`).
pub fn editor_process(file: &Path, line: Option<usize>) -> (String, Command) {
    let (program, args) = editor_command(&editor(), file, line);
    let mut command = Command::new(&program);
    command.args(&args);
    (program, command)
}

/// What came of running the editor `program`, for the reader.
pub fn editor_outcome(program: &str, status: io::Result<ExitStatus>) -> Result<(), String> {
    let status = status.map_err(|e| format!("could not start the editor {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor {program} exited with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str, line: Option<usize>) -> Vec<String> {
        let (p, a) = editor_command(editor, Path::new("s/a b.yaml"), line);
        std::iter::once(p)
            .chain(a.into_iter().map(|a| a.to_string_lossy().into_owned()))
            .collect()
    }

    #[test]
    fn tells_each_kind_of_editor_the_line() {
        assert_eq!(args("vi", Some(12)), ["vi", "+12", "s/a b.yaml"]);
        assert_eq!(
            args("/usr/bin/nvim -u NONE", Some(3)),
            ["/usr/bin/nvim", "-u", "NONE", "+3", "s/a b.yaml"]
        );
        assert_eq!(
            args("emacsclient -t", Some(3)),
            ["emacsclient", "-t", "+3", "s/a b.yaml"]
        );
        assert_eq!(args("hx", Some(7)), ["hx", "s/a b.yaml:7"]);
        assert_eq!(
            args("code -w", Some(7)),
            ["code", "-w", "--goto", "s/a b.yaml:7"]
        );
        assert_eq!(args("ed", Some(7)), ["ed", "s/a b.yaml"]);
        assert_eq!(args("vim", None), ["vim", "s/a b.yaml"]);
        assert_eq!(args("  ", Some(2)), ["vi", "+2", "s/a b.yaml"]);
    }
}
