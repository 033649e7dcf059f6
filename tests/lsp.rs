//! `storyx lsp` driven in-process over JSON-RPC (`lsp_server::Connection::memory`), as an
//! editor drives it: every feature, the diagnostics compared with `storyx check`'s own.

mod common;
use common::*;

use std::path::Path;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::Url;
use serde_json::{json, Value};

/// A guard against a hang, not a timing.
const PATIENCE: Duration = Duration::from_secs(60);

struct Client {
    conn: Connection,
    next: i32,
    /// Notifications received while waiting for something else.
    notes: Vec<Notification>,
    server: Option<std::thread::JoinHandle<()>>,
}

impl Client {
    fn start(root: Option<&Path>) -> Client {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            storyx::lsp::serve(server).expect("the server runs");
        });
        let mut c = Client {
            conn: client,
            next: 0,
            notes: Vec::new(),
            server: Some(handle),
        };
        let folders = root.map(|r| json!([{"uri": Url::from_file_path(r).unwrap(), "name": "w"}]));
        let init = c.request(
            "initialize",
            json!({"capabilities": {}, "workspaceFolders": folders}),
        );
        assert!(init.is_ok(), "{init:?}");
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, (i32, String)> {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self
                .conn
                .receiver
                .recv_timeout(left)
                .expect("an answer in time")
            {
                Message::Response(Response {
                    id: rid,
                    result,
                    error,
                }) if rid == id => {
                    return match error {
                        Some(e) => Err((e.code, e.message)),
                        None => Ok(result.unwrap_or(Value::Null)),
                    };
                }
                Message::Notification(n) => self.notes.push(n),
                _ => {}
            }
        }
    }

    /// The next notification `mine` takes (those already received first); `what` names
    /// it if none comes.
    fn note(&mut self, what: &str, mine: impl Fn(&Notification) -> bool) -> Notification {
        if let Some(i) = self.notes.iter().position(&mine) {
            return self.notes.remove(i);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = self
                .conn
                .receiver
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("{what} in time"));
            if let Message::Notification(n) = msg {
                if mine(&n) {
                    return n;
                }
                self.notes.push(n);
            }
        }
    }

    /// The next diagnostics published for `uri` (those already received first).
    fn diagnostics(&mut self, uri: &Url) -> Vec<Value> {
        let n = self.note(&format!("diagnostics for {uri}"), |n| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri.as_str()
        });
        n.params["diagnostics"].as_array().unwrap().clone()
    }

    /// The next notification of `method` (those already received first).
    fn notification(&mut self, method: &str) -> Notification {
        self.note(method, |n| n.method == method)
    }

    /// Waits until the diagnostics for `uri` satisfy `ok` (later publications replace earlier).
    fn diagnostics_until(&mut self, uri: &Url, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let d = self.diagnostics(uri);
            if ok(&d) {
                return d;
            }
            assert!(
                Instant::now() < deadline,
                "diagnostics never matched: {d:?}"
            );
        }
    }

    fn open(&self, uri: &Url, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    fn change(&self, uri: &Url, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&mut self, method: &str, uri: &Url, line: u32, character: u32, extra: Value) -> Value {
        let mut params = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
        if let (Value::Object(p), Value::Object(e)) = (&mut params, extra) {
            p.extend(e);
        }
        self.request(method, params).expect("the request succeeds")
    }

    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Ok(Value::Null));
        self.notify("exit", Value::Null);
        self.server
            .take()
            .unwrap()
            .join()
            .expect("the server ends cleanly");
    }
}

fn uri(path: &Path) -> Url {
    Url::from_file_path(path).unwrap()
}

/// The position (line, UTF-16 column) of `needle`'s `nth` occurrence in `text`.
fn pos(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let at = text.match_indices(needle).nth(nth).expect("needle").0;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap().encode_utf16().count();
    (line as u32, col as u32)
}

fn labels(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

/// Applies one document's edits (non-overlapping) to a text.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let l = text[start..].split('\n').next().unwrap();
        let mut units = 0;
        for (i, c) in l.char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + l.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

const BROKEN: &str = "id: broken\ntitle: \"Ångström 𝔸 story\"\ndate: 2024-13\nparties:\n  - id: acme\n    name: Acme Corp\n    kind: compny\nquotse: []\nquotes:\n  - by: \"李-fisher\"\n    text: \"𝔸𝔸 Ünïcode: words\"\n  - by: richard-fischer\n    text: hi\n";

#[test]
fn diagnostics_are_checks_own_with_utf16_columns() {
    let dir = folder(&[("broken.yaml", BROKEN)]);
    let check = storyx(dir.path(), &["check", "--format", "json", "broken.yaml"]);
    let expected: Vec<Value> = serde_json::from_str(&stdout(&check)).unwrap();
    assert!(expected.len() >= 4, "{expected:?}");
    let mut c = Client::start(None);
    let u = uri(&dir.path().join("broken.yaml"));
    c.open(&u, BROKEN);
    let got = c.diagnostics(&u);
    assert_eq!(got.len(), expected.len(), "{got:#?}\n{expected:#?}");
    let lines: Vec<&str> = BROKEN.lines().collect();
    for (g, e) in got.iter().zip(&expected) {
        let path = e["path"].as_str().unwrap();
        let message = e["message"].as_str().unwrap();
        let full = if path.is_empty() {
            message.to_string()
        } else {
            format!("{path}: {message}")
        };
        assert_eq!(g["message"], full);
        let sev = if e["severity"] == "error" { 1 } else { 2 };
        assert_eq!(g["severity"], sev);
        let line = e["line"].as_u64().unwrap() as usize;
        let column = e["column"].as_u64().unwrap() as usize;
        let units: usize = lines[line - 1]
            .chars()
            .take(column - 1)
            .map(char::len_utf16)
            .sum();
        assert_eq!(
            g["range"]["start"],
            json!({"line": line - 1, "character": units}),
            "{g}"
        );
    }
    // The unknown `by` after a non-ASCII line: its range covers exactly the id.
    let fischer = got
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("richard-fischer"))
        .unwrap();
    let (l, ch) = pos(BROKEN, "richard-fischer", 0);
    assert_eq!(
        fischer["range"]["start"],
        json!({"line": l, "character": ch})
    );
    assert_eq!(
        fischer["range"]["end"],
        json!({"line": l, "character": ch + 15})
    );
    // On every change, from the unsaved text.
    let fixed = BROKEN.replace("quotse: []\n", "");
    c.change(&u, 2, &fixed);
    let again = c.diagnostics(&u);
    assert_eq!(again.len(), got.len() - 1);
    assert!(!again
        .iter()
        .any(|d| d["message"].as_str().unwrap().contains("quotse")));
    c.stop();
}

#[test]
fn cross_story_problems_follow_edits_in_other_files() {
    let dir = folder(&[
        ("a.yaml", &story("same")),
        ("b.yaml", &story("same")),
        ("notes/config.yaml", "name: x\n"),
    ]);
    let mut c = Client::start(Some(dir.path()));
    let a = uri(&dir.path().join("a.yaml"));
    let b = uri(&dir.path().join("b.yaml"));
    let b_text = story("same");
    c.open(&b, &b_text);
    // Once the workspace is loaded, b's id is a duplicate of a's.
    let d = c.diagnostics_until(&b, |d| {
        d.iter()
            .any(|x| x["message"].as_str().unwrap().contains("already used"))
    });
    assert_eq!(d[0]["severity"], 1);
    // Renaming a's story id in the editor (unsaved) republishes b's, now clean.
    let a_text = story("same").replace("id: same", "id: other");
    c.open(&a, &story("same"));
    c.change(&a, 2, &a_text);
    let d = c.diagnostics_until(&b, |d| d.is_empty());
    assert!(d.is_empty());
    c.stop();
}

/// A party whose name sits after non-ASCII text on its line (its UTF-16 column is not
/// its character column), and a later story that names and classes it otherwise.
const ACME_A: &str = "format: 2\nid: a\ntitle: \"Ünïcode A\"\nparties: [{ id: acme, position: \"Für 𝔸 it\", name: Acme Corp, kind: company }]\n";
const ACME_B: &str = "format: 2\nid: b\ntitle: B\nparties:\n  - id: acme\n    name: Acme Industries\n    kind: government\n    position: Against it.\n";

/// `storyx check --format json` of a whole folder, by its absolute path (so its messages
/// name the files as the server, which has them from URIs, does).
fn check_folder(dir: &Path) -> Vec<Value> {
    let out = storyx(dir, &["check", "--format", "json", dir.to_str().unwrap()]);
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// The protocol position (UTF-16 column) of check's 1-based line and column in `text`.
fn utf16(text: &str, line: &Value, column: &Value) -> Value {
    let (line, column) = (line.as_u64().unwrap(), column.as_u64().unwrap());
    let l = text.lines().nth(line as usize - 1).unwrap();
    let units: usize = l
        .chars()
        .take(column as usize - 1)
        .map(char::len_utf16)
        .sum();
    json!({"line": line - 1, "character": units})
}

/// Asserts that `got`, published for `file`, is exactly check's problems of that file in
/// `expected`: in order, the same messages, severities and places, and check's related
/// place as the one related information, with the other file's URI and range.
fn assert_checks_own(got: &[Value], expected: &[Value], file: &Path) {
    let text = |p: &Path| std::fs::read_to_string(p).unwrap();
    let mine: Vec<&Value> = expected
        .iter()
        .filter(|e| e["file"] == file.display().to_string())
        .collect();
    assert_eq!(got.len(), mine.len(), "{got:#?}\n{mine:#?}");
    for (g, e) in got.iter().zip(mine) {
        assert_eq!(
            g["message"],
            format!(
                "{}: {}",
                e["path"].as_str().unwrap(),
                e["message"].as_str().unwrap()
            )
        );
        assert_eq!(g["severity"], if e["severity"] == "error" { 1 } else { 2 });
        assert_eq!(
            g["range"]["start"],
            utf16(&text(file), &e["line"], &e["column"]),
            "{g}"
        );
        match e.get("related") {
            Some(r) => {
                let other = Path::new(r["file"].as_str().unwrap());
                let info = g["relatedInformation"]
                    .as_array()
                    .expect("related information");
                assert_eq!(info.len(), 1, "{g}");
                assert_eq!(info[0]["location"]["uri"], uri(other).as_str());
                assert_eq!(
                    info[0]["location"]["range"]["start"],
                    utf16(&text(other), &r["line"], &r["column"]),
                    "{g}"
                );
            }
            None => assert!(g["relatedInformation"].is_null(), "{g}"),
        }
    }
}

#[test]
fn cross_story_warnings_are_checks_own_with_the_other_place() {
    let dir = folder(&[("a.yaml", ACME_A), ("b.yaml", ACME_B)]);
    let b = dir.path().join("b.yaml");
    let expected = check_folder(dir.path());
    assert_eq!(expected.len(), 2, "{expected:#?}");
    let mut c = Client::start(Some(dir.path()));
    c.open(&uri(&b), ACME_B);
    // Once the workspace is loaded: b's name and kind against a's, a's place related.
    let got = c.diagnostics_until(&uri(&b), |d| d.len() == 2);
    assert_checks_own(&got, &expected, &b);
    // a's name starts after 50 characters of its line: 51 UTF-16 units (𝔸 is two).
    assert_eq!(
        got[0]["relatedInformation"][0]["location"]["range"]["start"],
        json!({"line": 3, "character": 51})
    );
    // Recomputed from the unsaved text: the same name (case and spaces aside) leaves
    // the kind; saved, check says the same.
    let renamed = ACME_B.replace("Acme Industries", "ACME  corp");
    c.change(&uri(&b), 2, &renamed);
    let got = c.diagnostics_until(&uri(&b), |d| d.len() == 1);
    std::fs::write(&b, &renamed).unwrap();
    assert_checks_own(&got, &check_folder(dir.path()), &b);
    assert!(got[0]["message"]
        .as_str()
        .unwrap()
        .contains("kind `government` here but `company`"));
    // The kind made a's too: nothing left, and nothing related.
    c.change(&uri(&b), 3, &renamed.replace("government", "company"));
    c.diagnostics_until(&uri(&b), |d| d.is_empty());
    c.stop();
}

#[test]
fn an_edit_republishes_the_cross_story_warnings_it_changes_in_other_files() {
    let c_text = ACME_B
        .replace("id: b", "id: c")
        .replace("Acme Industries", "Acme Corp");
    let dir = folder(&[("a.yaml", ACME_A), ("b.yaml", ACME_B), ("c.yaml", &c_text)]);
    let (a, b, c) = (
        dir.path().join("a.yaml"),
        dir.path().join("b.yaml"),
        dir.path().join("c.yaml"),
    );
    let mut client = Client::start(Some(dir.path()));
    // c (open) has its kind against a's once the workspace is in; b is not open.
    client.open(&uri(&c), &c_text);
    client.diagnostics_until(&uri(&c), |d| d.len() == 1);
    // Unsaved in a: a line above the party, and the kind b and c give it.
    client.open(&uri(&a), ACME_A);
    let edited = format!(
        "# edited\n{}",
        ACME_A.replace("kind: company", "kind: government")
    );
    client.change(&uri(&a), 2, &edited);
    // b, never opened, is published again: its name warning points a line lower.
    let got_b = client.diagnostics_until(&uri(&b), |d| d.len() == 1);
    let got_c = client.diagnostics_until(&uri(&c), |d| d.is_empty());
    assert!(got_c.is_empty());
    assert_eq!(
        got_b[0]["relatedInformation"][0]["location"]["range"]["start"],
        json!({"line": 4, "character": 51})
    );
    assert!(got_b[0]["message"]
        .as_str()
        .unwrap()
        .contains(&format!("{}:5:51;", a.display())));
    // What check says once a is saved so.
    std::fs::write(&a, &edited).unwrap();
    assert_checks_own(&got_b, &check_folder(dir.path()), &b);
    client.stop();
}

#[test]
fn a_workspace_of_more_than_20000_files_stops_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "id: a\ntitle: A\n").unwrap();
    for i in 0..20_000 {
        std::fs::write(dir.path().join(format!("n{i:05}.txt")), "").unwrap();
    }
    let mut c = Client::start(Some(dir.path()));
    let note = c.notification("window/showMessage");
    assert_eq!(note.params["type"], 2, "a warning");
    assert_eq!(
        note.params["message"],
        "storyx: stopped looking for stories after 20000 files; open a smaller folder to have all of them (1 found so far)"
    );
    c.stop();
}

const STORY: &str = "id: s\ntitle: T\ndate: 2024-05-02~\nsources:\n  - id: ft\n    name: FT report\nparties:\n  - id: acme\n    name: Acme Corp\n    kind: company\n    position: For it.\nanalysts:\n  - id: jane-doe\n    name: Jane Doe\n    role: analyst\nquotes:\n  - id: q1\n    by: acme\n    text: It saves costs.\n    source: ft\n  - by: jane-doe\n    kind: paraphrase\n    text: She doubts it.\n    \nclaims:\n  - id: savings\n    text: The merger saves costs.\n    stances:\n      - { by: acme, stance: supports, quote: q1 }\n      - by: jane-doe\n        stance: \ntimeline:\n  - date: 2024-05-02\n    title: Board approves\n    involves: [acme, ]\n";

#[test]
fn completion_offers_keys_values_and_ids() {
    let other = "id: o\ntitle: Other\nparties:\n  - id: gov\n    name: The Government\n    kind: government\n    position: Against.\nanalysts:\n  - id: sam-lee\n    name: Sam Lee\n    affiliation: Think Tank\nquotes:\n  - by: sam-lee\n    text: x\n";
    let dir = folder(&[("s.yaml", STORY), ("o.yaml", other)]);
    let mut c = Client::start(Some(dir.path()));
    let u = uri(&dir.path().join("s.yaml"));
    c.open(&u, STORY);
    // Keys of a quote, with their meaning, without those already there.
    let (l, _) = pos(STORY, "    \nclaims", 0);
    let items = c.at("textDocument/completion", &u, l, 4, json!({}));
    let names = labels(&items);
    assert!(
        names.contains(&"via".to_string()) && names.contains(&"context".to_string()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"text".to_string()) && !names.contains(&"by".to_string()),
        "{names:?}"
    );
    let via = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "via")
        .unwrap();
    assert!(via["detail"].as_str().unwrap().contains("relayed"), "{via}");
    // Enum values.
    let (l, ch) = pos(STORY, "stance: \n", 0);
    let items = c.at("textDocument/completion", &u, l, ch + 8, json!({}));
    assert_eq!(
        labels(&items),
        [
            "supports",
            "disputes",
            "neutral",
            "mixed",
            "unclear",
            "no-comment"
        ]
    );
    // Ids in a flow list: this story's first, then the workspace's, which add themselves.
    // Completion never waits for the workspace: asked again until it is loaded.
    let (l, ch) = pos(STORY, "[acme, ]", 0);
    let deadline = Instant::now() + PATIENCE;
    let items = loop {
        let items = c.at("textDocument/completion", &u, l, ch + 7, json!({}));
        if items.as_array().unwrap().len() >= 4 || Instant::now() > deadline {
            break items;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut sorted: Vec<&Value> = items.as_array().unwrap().iter().collect();
    sorted.sort_by_key(|i| i["sortText"].as_str().unwrap().to_string());
    let order: Vec<&str> = sorted
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["acme", "jane-doe", "gov", "sam-lee"]);
    let gov = sorted[2];
    assert!(gov["detail"].as_str().unwrap().contains("The Government"));
    let added = apply(STORY, gov["additionalTextEdits"].as_array().unwrap());
    assert!(added.contains("    position: For it.\n  - id: gov\n    name: The Government\n    kind: government\nanalysts:"), "{added}");
    let sam = sorted[3];
    let added = apply(STORY, sam["additionalTextEdits"].as_array().unwrap());
    assert!(added.contains("    role: analyst\n  - id: sam-lee\n    name: Sam Lee\n    affiliation: Think Tank\nquotes:"), "{added}");
    // With the choice itself (both edits are on the original text), the story loads.
    let mut edits = sam["additionalTextEdits"].as_array().unwrap().clone();
    edits.push(sam["textEdit"].clone());
    let chosen = apply(STORY, &edits);
    assert!(chosen.contains("involves: [acme, sam-lee]"), "{chosen}");
    let result = storyx::story::parse::parse_str(
        Path::new("s.yaml"),
        &chosen.replace("stance: \n", "stance: mixed\n"),
    );
    assert!(result.story.is_some(), "{:?}", result.diagnostics);
    // Sources for `source`.
    let (l, ch) = pos(STORY, "source: ft", 0);
    let items = c.at("textDocument/completion", &u, l, ch + 8, json!({}));
    assert_eq!(labels(&items), ["ft"]);
    c.stop();
}

#[test]
fn hover_definition_references_and_symbols() {
    let dir = folder(&[("s.yaml", STORY)]);
    let mut c = Client::start(None);
    let u = uri(&dir.path().join("s.yaml"));
    c.open(&u, STORY);
    let (l, ch) = pos(STORY, "by: jane-doe", 0);
    let h = c.at("textDocument/hover", &u, l, ch + 6, json!({}));
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Jane Doe") && text.contains("analyst"),
        "{text}"
    );
    let (l, ch) = pos(STORY, "by: acme", 0);
    let def = c.at("textDocument/definition", &u, l, ch + 5, json!({}));
    let (dl, dc) = pos(STORY, "id: acme", 0);
    assert_eq!(
        def[0]["range"]["start"],
        json!({"line": dl, "character": dc + 4})
    );
    // A quote reference shows the words, direct ones in quotation marks.
    let (l, ch) = pos(STORY, "quote: q1", 0);
    let h = c.at("textDocument/hover", &u, l, ch + 8, json!({}));
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Acme Corp")
            && text.contains("“It saves costs.”")
            && text.contains("source: ft"),
        "{text}"
    );
    // A date: how it shows and sorts.
    let h = c.at("textDocument/hover", &u, 2, 8, json!({}));
    let text = h["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("c. 2 May 2024") && text.contains("2024-05-02"),
        "{text}"
    );
    // A key: its meaning.
    let (l, ch) = pos(STORY, "involves", 0);
    let h = c.at("textDocument/hover", &u, l, ch + 2, json!({}));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("involves"),
        "{h}"
    );
    // References of acme: its id, two `by`s... every use.
    let refs = c.at(
        "textDocument/references",
        &u,
        dl,
        dc + 5,
        json!({"context": {"includeDeclaration": true}}),
    );
    assert_eq!(refs.as_array().unwrap().len(), 4, "{refs}");
    let refs = c.at(
        "textDocument/references",
        &u,
        dl,
        dc + 5,
        json!({"context": {"includeDeclaration": false}}),
    );
    assert_eq!(refs.as_array().unwrap().len(), 3, "{refs}");
    // The outline.
    let syms = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": u}}),
        )
        .unwrap();
    let top: Vec<&str> = syms
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        top,
        ["sources", "parties", "analysts", "quotes", "claims", "timeline"]
    );
    let quotes = &syms[3]["children"];
    assert_eq!(quotes[0]["name"], "Acme Corp");
    assert_eq!(quotes[1]["name"], "Jane Doe");
    assert_eq!(quotes[0]["children"][0]["name"], "It saves costs.");
    assert_eq!(
        syms[5]["children"][0]["name"],
        "2 May 2024 — Board approves"
    );
    c.stop();
}

#[test]
fn rename_changes_fifty_references_in_one_edit_and_across_stories() {
    let mut text = String::from(
        "id: big\ntitle: Big\nparties:\n  - id: acme\n    name: Acme\n    position: p\nquotes:\n",
    );
    for i in 0..50 {
        text.push_str(&format!("  - by: acme\n    text: \"said {i}\"\n"));
    }
    let other = "id: o\ntitle: O\nparties:\n  - id: acme\n    name: Acme\n    position: p\nclaims:\n  - id: c\n    text: t\n    stances:\n      - { by: \"acme\", stance: supports }\n";
    let dir = folder(&[("big.yaml", &text), ("o.yaml", other)]);
    let mut c = Client::start(Some(dir.path()));
    let u = uri(&dir.path().join("big.yaml"));
    let o = uri(&dir.path().join("o.yaml"));
    c.open(&u, &text);
    c.diagnostics(&u);
    // Wait for the workspace to load (the other story's entity is known).
    let (l, ch) = pos(&text, "by: acme", 7);
    let deadline = Instant::now() + PATIENCE;
    loop {
        let r = c.at(
            "textDocument/references",
            &u,
            l,
            ch + 4,
            json!({"context": {"includeDeclaration": true}}),
        );
        if r.as_array().unwrap().len() == 53 {
            break;
        }
        assert!(Instant::now() < deadline, "{r}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let prep = c.at("textDocument/prepareRename", &u, l, ch + 4, json!({}));
    assert_eq!(prep["start"], json!({"line": l, "character": ch + 4}));
    let edit = c.at(
        "textDocument/rename",
        &u,
        l,
        ch + 4,
        json!({"newName": "acme-corp"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    let mine = changes[u.as_str()].as_array().unwrap();
    assert_eq!(mine.len(), 51);
    let renamed = apply(&text, mine);
    assert_eq!(renamed.matches("acme-corp").count(), 51);
    assert!(!renamed.contains("acme\n"));
    let result = storyx::story::parse::parse_str(Path::new("big.yaml"), &renamed);
    assert!(
        result.story.is_some() && result.diagnostics.is_empty(),
        "{:?}",
        result.diagnostics
    );
    let theirs = apply(other, changes[o.as_str()].as_array().unwrap());
    assert!(
        theirs.contains("id: acme-corp") && theirs.contains("by: \"acme-corp\""),
        "{theirs}"
    );
    // Not an id: refused with a reason.
    let bad = c.request("textDocument/rename", json!({"textDocument": {"uri": u}, "position": {"line": l, "character": ch + 4}, "newName": "Acme Corp"}));
    assert!(
        matches!(&bad, Err((_, m)) if m.contains("not an id")),
        "{bad:?}"
    );
    c.stop();
}

#[test]
fn code_actions_fix_what_check_can() {
    let text = "id: s\ntitle: T\nparties:\n  - id: acme\n    name: Acme\n    kind: compny\n    position: p\nquotse: []\nquotes:\n  - by: richard-fischer\n    text: hi\n  - by: acm\n    text: x\n";
    let dir = folder(&[("s.yaml", text)]);
    let mut c = Client::start(None);
    let u = uri(&dir.path().join("s.yaml"));
    c.open(&u, text);
    let diags = c.diagnostics(&u);
    let actions = |c: &mut Client, d: &Value| -> Vec<Value> {
        c.request("textDocument/codeAction", json!({"textDocument": {"uri": u}, "range": d["range"], "context": {"diagnostics": [d]}}))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let find = |needle: &str| {
        diags
            .iter()
            .find(|d| d["message"].as_str().unwrap().contains(needle))
            .unwrap()
            .clone()
    };
    let mut fixed = text.to_string();
    for (needle, title) in [
        ("quotse", "Change to `quotes`"),
        ("compny", "Change to `company`"),
        ("`by: acm`", "Change to `acme`"),
    ] {
        let acts = actions(&mut c, &find(needle));
        let a = acts
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("{acts:?}"));
        fixed = apply(&fixed, a["edit"]["changes"][u.as_str()].as_array().unwrap());
    }
    let acts = actions(&mut c, &find("richard-fischer"));
    let add = acts
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Add party"))
        .unwrap();
    fixed = apply(
        &fixed,
        add["edit"]["changes"][u.as_str()].as_array().unwrap(),
    );
    assert!(
        fixed.contains("  - id: richard-fischer\n    name: Richard Fischer\n"),
        "{fixed}"
    );
    // Every problem is fixed but the new party's position (a warning) and the duplicate list.
    let result =
        storyx::story::parse::parse_str(Path::new("s.yaml"), &fixed.replace("quotes: []\n", ""));
    assert!(result.story.is_some(), "{:?}\n{fixed}", result.diagnostics);
    // A plain value with `: ` in it: quoted.
    let colon = "id: s\ntitle: Vote: yes or no\n";
    c.change(&u, 2, colon);
    let d = c.diagnostics(&u);
    let acts = actions(&mut c, &d[0]);
    let q = acts
        .iter()
        .find(|a| a["title"] == "Put the value in quotes")
        .unwrap_or_else(|| panic!("{d:?} {acts:?}"));
    let out = apply(colon, q["edit"]["changes"][u.as_str()].as_array().unwrap());
    assert_eq!(out, "id: s\ntitle: \"Vote: yes or no\"\n");
    // A problem that asks for `format: 2` (as the format-2 loader reports a v2 key).
    let v2 = json!({"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 1}}, "severity": 1, "source": "storyx", "message": "parties[0].role: `role` is a format 2 key; add `format: 2` at the top of the file"});
    let acts = actions(&mut c, &v2);
    let f = acts
        .iter()
        .find(|a| a["title"] == "Add `format: 2`")
        .unwrap();
    assert_eq!(
        apply(colon, f["edit"]["changes"][u.as_str()].as_array().unwrap()),
        format!("format: 2\n{colon}")
    );
    c.stop();
}

#[test]
fn bad_input_never_stops_the_server() {
    let mut c = Client::start(None);
    // Requests with broken parameters, unknown methods, documents never opened.
    let e = c.request("textDocument/hover", json!({"nonsense": true}));
    assert!(matches!(e, Err((-32602, _))), "{e:?}");
    let e = c.request("storyx/nothing", json!({}));
    assert!(matches!(e, Err((-32601, _))), "{e:?}");
    let e = c.request("textDocument/completion", json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}}));
    assert!(matches!(e, Err((-32602, _))), "{e:?}");
    c.notify("textDocument/didOpen", json!({"garbage": 1}));
    // Hostile files get the loader's budget errors as diagnostics.
    let u = Url::parse("file:///tmp/hostile.yaml").unwrap();
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..10 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("l{}", i - 1)
        };
        bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    c.open(&u, &bomb);
    let d = c.diagnostics(&u);
    assert!(
        d[0]["message"].as_str().unwrap().contains("budget"),
        "{d:?}"
    );
    let deep = "[".repeat(100_000);
    c.change(&u, 2, &deep);
    let d = c.diagnostics(&u);
    assert!(
        d[0]["message"].as_str().unwrap().contains("depth budget"),
        "{d:?}"
    );
    // Every feature on a hostile text answers.
    for m in [
        "textDocument/hover",
        "textDocument/completion",
        "textDocument/definition",
    ] {
        c.at(m, &u, 0, 50, json!({}));
    }
    c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u}}),
    )
    .unwrap();
    // Still serving.
    let e = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 0}}),
    );
    assert!(e.is_ok());
    c.stop();
}

#[test]
fn the_binary_answers_malformed_messages_and_goes_on() {
    use std::io::{Read, Write};
    let mut child = std::process::Command::new(bin())
        .arg("lsp")
        .env("XDG_CACHE_HOME", "/nonexistent-storyx-test")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let input = [
        frame("{this is not json"),
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ]
    .concat();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert!(out.contains(r#""code":-32700"#), "{out}");
    assert!(
        out.contains(r#""id":1,"result":{"capabilities""#) || out.contains(r#""capabilities""#),
        "{out}"
    );
    assert!(out.contains(r#""id":2,"result":null"#), "{out}");
}
