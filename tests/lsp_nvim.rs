//! `storyx lsp` with a real editor: Neovim, headless, through its built-in client
//! (`vim.lsp.start_client` and `buf_attach_client`), with its own temporary XDG folders.
//! Skipped with a message when `nvim` is missing, unless `CI=true` (then it fails).

mod common;
use common::*;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn nvim_present() -> bool {
    // Even `--version` opens Neovim's log: in a folder of the test's, not the user's home.
    let Ok(home) = tempfile::tempdir() else {
        return false;
    };
    Command::new("nvim")
        .arg("--version")
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .env("NVIM_LOG_FILE", home.path().join("nvim.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn neovim_gets_diagnostics_completion_and_definition() {
    if !nvim_present() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "nvim is missing and CI=true: install neovim (.ci/run does)"
        );
        eprintln!("skipped: nvim is not installed (apt-get install -y neovim)");
        return;
    }
    // A broken story: an unknown speaker after non-ASCII text, an unknown key. And a
    // story that loads (a broken one has no story to compare) whose party an earlier
    // story of the workspace (in path order) names otherwise: a cross-story warning.
    let story = "id: s\ntitle: \"Ünïcode 𝔸 title\"\nparties:\n  - id: acme\n    name: Acme Corp\n    position: For it.\nquotes:\n  - by: \"𝔸\"\n    text: hi\n  - by: acme\n    text: \"Ä 𝔸\"\nquotse: []\n";
    let first = "id: first\ntitle: F\nparties:\n  - { position: \"Für 𝔸\", id: acme, name: Acme Industries }\n";
    let later = "id: t\ntitle: T\nparties:\n  - id: acme\n    name: \"Ä 𝔸cme Corp\"\n    position: For it.\n";
    let dir = folder(&[("s.yaml", story), ("first.yaml", first), ("t.yaml", later)]);
    // check's problems of each, the folder given whole (so files are named as the
    // server, which has them from URIs, names them).
    let check = storyx(
        dir.path(),
        &["check", "--format", "json", dir.path().to_str().unwrap()],
    );
    let all: Vec<Value> = serde_json::from_str(&stdout(&check)).unwrap();
    let of = |name: &str| -> Vec<Value> {
        let file = dir.path().join(name).display().to_string();
        all.iter()
            .filter(|e| e["file"] == file.as_str())
            .cloned()
            .collect()
    };
    let (expected, expected_t) = (of("s.yaml"), of("t.yaml"));
    let across = expected_t
        .iter()
        .filter(|e| e.get("related").is_some())
        .count();
    assert_eq!(across, 1, "{expected_t:#?}");
    let xdg = tempfile::tempdir().unwrap();
    let out_file = xdg.path().join("out.json");
    let script = repo().join("tests/lsp_nvim/client.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(dir.path())
        // Neovim 0.7 writes its own log under $HOME/.cache whatever XDG says:
        // its HOME and log file are the test's too, so the user's home stays untouched.
        .env("HOME", xdg.path())
        .env("NVIM_LOG_FILE", xdg.path().join("nvim.log"))
        .env("XDG_CONFIG_HOME", xdg.path().join("config"))
        .env("XDG_DATA_HOME", xdg.path().join("data"))
        .env("XDG_STATE_HOME", xdg.path().join("state"))
        .env("XDG_CACHE_HOME", xdg.path().join("cache"))
        .env("STORYX_BIN", bin())
        .env("STORYX_ROOT", dir.path())
        .env("STORYX_STORY", dir.path().join("s.yaml"))
        .env("STORYX_OUT", &out_file)
        .env("STORYX_EXPECT", expected.len().to_string())
        .env("STORYX_STORY2", dir.path().join("t.yaml"))
        .env("STORYX_EXPECT2", expected_t.len().to_string())
        // `by: ` of the second quote, after `by: `; the first quote's `by` for the definition
        .env("STORYX_COMPLETE_LINE", "9")
        .env("STORYX_COMPLETE_CHAR", "8")
        .env("STORYX_DEF_LINE", "9")
        .env("STORYX_DEF_CHAR", "9")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    // A guard against a hang, not a timing.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let got: Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).expect("nvim wrote its results"))
            .unwrap();
    assert!(got.get("error").is_none(), "{got}");
    // check's problems, placed by Neovim in bytes from the UTF-16 columns storyx sent,
    // each with check's related place (first.yaml's name) as its related information.
    let same = |diags: &Value, expected: &[Value], text: &str| {
        let diags = diags.as_array().unwrap();
        assert_eq!(diags.len(), expected.len(), "{got}");
        let lines: Vec<&str> = text.lines().collect();
        for e in expected {
            let line = e["line"].as_u64().unwrap() as usize;
            let column = e["column"].as_u64().unwrap() as usize;
            let bytes: usize = lines[line - 1]
                .chars()
                .take(column - 1)
                .map(char::len_utf8)
                .sum();
            let message = format!(
                "{}: {}",
                e["path"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            );
            let d = diags
                .iter()
                .find(|d| {
                    d["lnum"] == line - 1 && d["col"] == bytes && d["message"] == message.as_str()
                })
                .unwrap_or_else(|| panic!("{message} at {line}:{column} not in {diags:?}"));
            let related = d["related"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default();
            match e.get("related") {
                Some(r) => {
                    let (rl, rc) = (r["line"].as_u64().unwrap(), r["column"].as_u64().unwrap());
                    let units: usize = first
                        .lines()
                        .nth(rl as usize - 1)
                        .unwrap()
                        .chars()
                        .take(rc as usize - 1)
                        .map(char::len_utf16)
                        .sum();
                    assert_eq!(related.len(), 1, "{d}");
                    assert!(related[0]["uri"].as_str().unwrap().ends_with("/first.yaml"));
                    assert_eq!(
                        (
                            related[0]["line"].as_u64(),
                            related[0]["character"].as_u64()
                        ),
                        (Some(rl - 1), Some(units as u64)),
                        "{d}"
                    );
                }
                None => assert!(related.is_empty(), "{d}"),
            }
        }
    };
    same(&got["diagnostics"], &expected, story);
    same(&got["across"], &expected_t, later);
    assert!(
        got["completion"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "acme"),
        "{got}"
    );
    let def = &got["definition"][0];
    assert_eq!(
        (def["line"].as_u64(), def["character"].as_u64()),
        (Some(3), Some(8)),
        "{got}"
    );
    assert!(def["uri"].as_str().unwrap().ends_with("/s.yaml"));
}
