//! `storyx check` from the outside: every kind of problem with its exact place,
//! path and message; exit codes; formats; one broken file never hides the others.

mod common;
use common::*;

/// The header every problem file below shares: a valid story start.
const HEAD: &str = "id: s\ntitle: T\n";

/// Checks one file and returns the short-format lines.
fn check_one(text: &str) -> (Vec<String>, i32) {
    let dir = folder(&[("s.yaml", text)]);
    let out = storyx(dir.path(), &["check", "--format", "short", "s.yaml"]);
    (
        stdout(&out).lines().map(str::to_string).collect(),
        out.status.code().unwrap_or(-1),
    )
}

fn assert_problem(text: &str, expected: &str) {
    let (lines, code) = check_one(text);
    assert!(
        lines.iter().any(|l| l == expected),
        "expected line:\n{expected}\ngot:\n{}",
        lines.join("\n")
    );
    assert_eq!(
        code,
        if expected.contains(": error: ") { 1 } else { 0 },
        "{lines:?}"
    );
}

#[test]
fn syntax_error() {
    assert_problem(
        "id: s\ntitle: [unclosed\n",
        "s.yaml:3:1: error: title: YAML syntax error: did not find expected ',' or ']', while parsing a flow sequence at line 2 column 8; the list opened with `[` at line 2, column 8 is not closed: end it with `]`, or put a plain value with `,` or `]` in it in quotes",
    );
}

#[test]
fn type_error() {
    assert_problem(
        &format!("{HEAD}tags: 5\n"),
        "s.yaml:3:7: error: tags: `tags` must be a list, found the number 5",
    );
    assert_problem(
        "id: s\ntitle: 1984\n",
        "s.yaml:2:8: error: title: `title` must be text, found the number 1984; put it in quotes",
    );
    assert_problem(
        &format!("{HEAD}parties:\n  - just a name\n"),
        "s.yaml:4:5: error: parties[0]: expected a party (a mapping of keys), found the text \"just a name\"",
    );
}

#[test]
fn unknown_key_with_suggestion() {
    assert_problem(
        &format!("{HEAD}quotse: []\n"),
        "s.yaml:3:1: error: quotse: unknown key `quotse`; did you mean `quotes`?",
    );
}

#[test]
fn extension_keys_are_allowed() {
    let (lines, code) = check_one(&format!("{HEAD}x-editor: jane\nparties:\n  - id: a\n    name: A\n    position: P\n    x-note: {{any: [thing]}}\n"));
    assert_eq!(code, 0, "{lines:?}");
}

#[test]
fn missing_required_key_points_at_the_mapping() {
    assert_problem(
        &format!("{HEAD}parties:\n  - id: acme\n    kind: company\n    position: P\n"),
        "s.yaml:4:5: error: parties[0]: this party is missing `name`, which is required",
    );
    assert_problem(
        "title: T\n",
        "s.yaml:1:1: error: the story is missing `id`, which is required",
    );
}

#[test]
fn bad_dates() {
    assert_problem(
        &format!("{HEAD}date: 2025-02-30\n"),
        "s.yaml:3:7: error: date: `2025-02-30` is not a date: February 2025 has 28 days",
    );
    assert_problem(
        &format!("{HEAD}date: Nov 14\n"),
        "s.yaml:3:7: error: date: `Nov 14` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by ~, ? or %",
    );
    let (lines, code) = check_one(&format!("{HEAD}date: \"1940\"\ntimeline:\n  - {{date: 1940~, title: a}}\n  - {{date: '2001?', title: b}}\n  - {{date: 2025-11%, title: c}}\n"));
    assert_eq!((lines, code), (vec![], 0));
}

#[test]
fn bad_enum_values_list_the_allowed_ones() {
    assert_problem(
        &format!("{HEAD}parties:\n  - id: a\n    name: A\n    kind: compnay\n    position: P\n"),
        "s.yaml:6:11: error: parties[0].kind: `compnay` is not a party kind; expected `person`, `government`, `company`, `organization`, `media`, `anonymous` or `other` (did you mean `company`?)",
    );
}

#[test]
fn ids_must_be_kebab_case() {
    assert_problem(
        "id: My Story\ntitle: T\n",
        "s.yaml:1:5: error: id: `My Story` is not a valid id: ids are kebab-case, lowercase letters and digits joined by single hyphens, e.g. `my-story`",
    );
}

#[test]
fn duplicate_ids_share_one_namespace() {
    assert_problem(
        &format!("{HEAD}parties:\n  - {{id: acme, name: A, position: P}}\nanalysts:\n  - {{id: acme, name: B}}\n"),
        "s.yaml:6:10: error: analysts[0].id: id `acme` is already used by parties[0]; every id in a story must be unique (first at line 4, column 10)",
    );
}

#[test]
fn duplicate_keys_at_the_second() {
    assert_problem("id: s\ntitle: T\nid: t\n", "s.yaml:3:1: error: id: duplicate key `id`: a key may appear once in a mapping (first at line 1, column 1)");
}

#[test]
fn two_stances_by_one_party() {
    assert_problem(
        &format!("{HEAD}parties:\n  - {{id: a, name: A, position: P}}\nclaims:\n  - id: c\n    text: C\n    stances:\n      - {{by: a, stance: supports}}\n      - {{by: a, stance: disputes}}\n"),
        "s.yaml:10:14: error: claims[0].stances[1].by: `a` already has a stance on this claim (claims[0].stances[0]); one stance per party or analyst (first at line 9, column 14)",
    );
}

#[test]
fn empty_required_text() {
    assert_problem(
        "id: s\ntitle: \"  \"\n",
        "s.yaml:2:8: error: title: `title` is empty; it needs some text",
    );
}

#[test]
fn dangling_references_list_what_is_known() {
    assert_problem(
        &format!("{HEAD}parties:\n  - {{id: acme, name: A, position: P}}\nanalysts:\n  - {{id: richard-fisher, name: R}}\nquotes:\n  - by: fisher\n    text: hi\n"),
        "s.yaml:8:9: error: quotes[0].by: `by: fisher` names no party or analyst; known: acme, richard-fisher",
    );
    assert_problem(
        &format!("{HEAD}parties:\n  - {{id: acme, name: A, position: P}}\ntimeline:\n  - {{title: t, involves: [acme, zed], source: ft}}\n"),
        "s.yaml:6:33: error: timeline[0].involves[1]: `zed` names no party or analyst; known: acme",
    );
}

#[test]
fn urls_must_be_http() {
    assert_problem(
        &format!("{HEAD}sources:\n  - {{id: a, name: A, url: \"javascript:alert(1)\"}}\n"),
        "s.yaml:4:27: error: sources[0].url: `javascript:alert(1)` is not a web address: a url must start with http:// or https://",
    );
}

#[test]
fn newer_format_is_not_guessed_at() {
    assert_problem("format: 7\nid: s\ntitle: T\nnewkey: 1\n", "s.yaml:1:9: error: format: story format 7 is newer than this storyx reads (2); update storyx to read it");
    let (lines, _) = check_one("format: 7\nid: s\ntitle: T\nnewkey: 1\n");
    assert_eq!(
        lines.len(),
        1,
        "only the version problem is reported: {lines:?}"
    );
}

#[test]
fn warnings_do_not_fail_the_check() {
    assert_problem(
        &format!("{HEAD}parties:\n  - {{id: a, name: A}}\n"),
        "s.yaml:4:5: warning: parties[0]: party `a` has no `position`: say where they stand in this story (or \"No position reported.\")",
    );
    assert_problem(&format!("{HEAD}analysts:\n  - {{id: a, name: A}}\n"), "s.yaml:4:5: warning: analysts[0]: analyst `a` is never quoted: add a quote `by: a` or drop the analyst");
    assert_problem(&format!("{HEAD}sources:\n  - {{id: a, name: A}}\n"), "s.yaml:4:5: warning: sources[0]: source `a` is never cited: no quote, claim or event names it as `source`");
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let (lines, code) = check_one(
        "id: s\ntitle: T\ndate: 2025-13\nquotse: 1\nparties:\n  - {id: A, name: x, position: p}\n",
    );
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 3, "{lines:?}");
}

#[test]
fn columns_count_characters() {
    assert_problem(
        "id: s\ntitle: \"李伟 — Zoë\"\ndate: 2025-02-30\nquotes: [{by: 李伟, text: x}]\n",
        "s.yaml:4:15: error: quotes[0].by: `by: 李伟` names no party or analyst; none are defined",
    );
}

#[test]
fn a_missing_path_is_a_usage_error_and_the_rest_still_load() {
    let dir = folder(&[("a.yaml", &story("a"))]);
    let out = storyx(
        dir.path(),
        &["check", "--format", "short", "a.yaml", "nope.yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "nope.yaml: error: no such file or folder\n");
}

#[test]
fn one_broken_file_never_hides_the_others() {
    let dir = folder(&[
        ("a.yaml", &story("a")),
        ("b.yaml", "id: b\ntitle: [oops\n"),
        ("sub/c.yml", &story("c")),
        ("notes.txt", "ignored"),
    ]);
    let out = storyx(dir.path(), &["check", "--format", "short", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("./b.yaml:3:1: error: title: YAML syntax error"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1);
    let list = storyx(dir.path(), &["list", "--json", "."]);
    let stories: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let ids: Vec<&str> = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    assert!(
        stderr(&list).contains("1 file could not be loaded"),
        "{}",
        stderr(&list)
    );
}

#[test]
fn duplicate_story_ids_across_files_keep_the_first() {
    let dir = folder(&[
        ("a.yaml", &story("same")),
        ("b.yaml", &format!("\n# a comment\n{}", story("same"))),
    ]);
    let out = storyx(dir.path(), &["check", "--format", "short", "."]);
    assert_eq!(out.status.code(), Some(1));
    // Both files are reported, each at its `id`, naming the other's place.
    assert_eq!(
        stdout(&out),
        "./b.yaml:3:5: error: id: story id `same` is already used by ./a.yaml:1:5; story ids must be unique across everything loaded (the first one is kept)\n\
         ./a.yaml:1:5: warning: id: story id `same` is used again by ./b.yaml:3:5; story ids must be unique across everything loaded (this one, the first, is kept)\n"
    );
    // Any --max-file-size is taken as given (the largest overflowed the reader).
    let out = storyx(
        dir.path(),
        &[
            "check",
            "--format",
            "short",
            "--max-file-size",
            "18446744073709551615",
            "a.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let list = storyx(dir.path(), &["list", "--json", "."]);
    let stories: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(stories[0]["file"], "./a.yaml");
    assert_eq!(stories.as_array().unwrap().len(), 1);
}

#[test]
fn json_format_lists_objects() {
    let dir = folder(&[("s.yaml", "id: s\ntitle: T\nquotse: 1\n")]);
    let out = storyx(dir.path(), &["check", "--format", "json", "s.yaml"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{"file": "s.yaml", "line": 3, "column": 1, "severity": "error", "path": "quotse",
            "message": "unknown key `quotse`; did you mean `quotes`?"}])
    );
}

#[test]
fn pretty_format_marks_the_spot_and_sums_up() {
    let dir = folder(&[(
        "s.yaml",
        "id: s\ntitle: T\ndate: 2025-02-30\nparties: [{id: a, name: A}]\n",
    )]);
    let out = storyx(dir.path(), &["check", "--format", "pretty", "s.yaml"]);
    let text = stdout(&out);
    assert!(
        text.contains("error: date: `2025-02-30` is not a date: February 2025 has 28 days\n --> s.yaml:3:7\n  |\n3 | date: 2025-02-30\n  |       ^^^^^^^^^^\n"),
        "{text}"
    );
    assert!(text.ends_with("1 file, 1 error, 1 warning\n"), "{text}");
}

#[test]
fn the_bundled_story_is_clean() {
    let out = storyx(&repo(), &["check", "--format", "pretty"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "1 file, 0 errors, 0 warnings\n");
    // The copy built into the binary is used where there is no ./stories.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = storyx(elsewhere.path(), &["list"]);
    assert!(
        stdout(&out).contains("alibaba-military-allegations"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("stories/alibaba-military-allegations.yaml"));
}

#[test]
fn show_json_parses_back_with_the_timeline_in_order() {
    let out = storyx(&repo(), &["show", "alibaba-military-allegations", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "alibaba-military-allegations");
    let dates: Vec<Option<&str>> = v["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str())
        .collect();
    assert_eq!(
        dates[..3],
        [Some("1940"), Some("2001-12-11"), Some("2025-11-14")]
    );
    assert!(dates[3..].iter().all(Option::is_none));
    // Defaults are filled in and every quote is attributed to a known speaker.
    let people: Vec<&str> = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["analysts"].as_array().unwrap())
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for q in v["quotes"].as_array().unwrap() {
        assert!(["direct", "paraphrase", "declined"].contains(&q["kind"].as_str().unwrap()));
        assert!(people.contains(&q["by"].as_str().unwrap()));
    }
}

#[test]
fn show_text_marks_direct_quotes_and_paraphrases() {
    let out = storyx(&repo(), &["show", "alibaba-military-allegations"]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "Alibaba: “The assertions and innuendoes in the article are completely false”"
        ),
        "{text}"
    );
    assert!(
        text.contains("Wendell Willkie (reported, via Alan Tonelson): "),
        "{text}"
    );
    assert!(text.contains("- 14 Nov 2025: "));
}

#[test]
fn show_unknown_id_suggests_the_closest() {
    let dir = folder(&[
        ("a.yaml", &story("alpha-story")),
        ("b.yaml", &story("beta")),
    ]);
    let out = storyx(dir.path(), &["show", "alpha", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no story `alpha`; did you mean `alpha-story`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_json_keeps_dates_as_written_and_leaves_out_extensions() {
    let dir = folder(&[(
        "a.yaml",
        "id: a\ntitle: T\ndate: 1940\nx-internal: secret\nquotes: []\n",
    )]);
    let out = storyx(dir.path(), &["show", "a", "a.yaml", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "1940");
    assert!(v.get("x-internal").is_none());
    assert_eq!(v["format"], 1);
}

#[test]
fn a_closed_pipe_is_a_normal_end() {
    // Big enough output that writing into a closed pipe fails.
    let many: Vec<(String, String)> = (0..200)
        .map(|i| (format!("s{i:03}.yaml"), story(&format!("s{i:03}"))))
        .collect();
    let files: Vec<(&str, &str)> = many.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let dir = folder(&files);
    for args in [
        vec!["list", "."],
        vec!["list", "--json", "."],
        vec!["show", "s000", "."],
        vec!["who", "acme", ".", "--json"],
        vec!["check", "--format", "json", "."],
    ] {
        let mut cmd = command();
        let mut child = cmd
            .args(&args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}
