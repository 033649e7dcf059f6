//! `storyx check` on story format 2 from the outside: the format-2 fixtures pass clean,
//! every error of the format with its exact place, path and message, the one error of
//! a format-1 file that uses format 2, and the cross-story warnings naming both places.

mod common;
use common::*;

/// The start of a format-2 story with a source, two parties and an analyst.
const HEAD: &str = "format: 2\nid: s\ntitle: T\n";

/// Checks one file and returns the short-format lines and the exit code.
fn check_one(text: &str) -> (Vec<String>, i32) {
    let dir = folder(&[("s.yaml", text)]);
    let out = storyx(dir.path(), &["check", "--format", "short", "s.yaml"]);
    (
        stdout(&out).lines().map(str::to_string).collect(),
        out.status.code().unwrap_or(-1),
    )
}

/// The file gives exactly these problems (short format), and the exit code follows.
fn assert_problems(text: &str, expected: &[&str]) {
    let (lines, code) = check_one(text);
    assert_eq!(lines, expected, "for:\n{text}");
    let errors = expected.iter().any(|l| l.contains(": error: "));
    assert_eq!(code, i32::from(errors), "{lines:?}");
}

#[test]
fn the_format_2_fixtures_and_the_bundled_story_pass_clean() {
    let out = storyx(
        &repo(),
        &[
            "check",
            "--format",
            "short",
            "tests/fixtures/format2",
            "stories",
        ],
    );
    assert_eq!(stdout(&out), "", "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_format_1_file_that_uses_format_2_gets_one_error_at_the_first_use() {
    // The first use in the file is the quote's `to` (line 9), although quotes are
    // checked after parties; the party's `role` and the declined quote say nothing more.
    let text = "id: s\ntitle: T\nquotes:\n  - by: acme\n    kind: declined\n    to: reporters\nparties:\n  - id: acme\n    name: Acme\n    role: maker\n    position: P\n";
    let text = text.replace(
        "  - by: acme\n    kind: declined\n    to:",
        "  - by: acme\n    to: reporters\n    kind: declined\n    x-to:",
    );
    assert_problems(
        &text,
        &["s.yaml:5:5: error: quotes[0].to: `to` is new in story format 2: add `format: 2` at the top of the file (without it, the file is read as format 1)"],
    );
    // A value of format 2 (a time of day, a quote kind) is reported at the value.
    assert_problems(
        "id: s\ntitle: T\ndate: 2025-11-17T13:00\n",
        &["s.yaml:3:7: error: date: a time of day (`2025-11-17T13:00`) is new in story format 2: add `format: 2` at the top of the file (without it, the file is read as format 1)"],
    );
    assert_problems(
        "format: 1\nid: s\ntitle: T\nparties:\n  - {id: a, name: A, position: P}\nquotes:\n  - {by: a, kind: no-response}\n",
        &["s.yaml:7:19: error: quotes[0].kind: `kind: no-response` is new in story format 2: add `format: 2` at the top of the file (without it, the file is read as format 1)"],
    );
    // With `format: 2` the same file is clean.
    assert_problems(
        "format: 2\nid: s\ntitle: T\nparties:\n  - {id: a, name: A, position: P}\nquotes:\n  - {by: a, kind: no-response}\n",
        &[],
    );
}

#[test]
fn a_newer_format_is_a_clear_error() {
    assert_problems(
        "format: 3\nid: s\ntitle: T\nspeakers: []\n",
        &["s.yaml:1:9: error: format: story format 3 is newer than this storyx reads (2); update storyx to read it"],
    );
}

#[test]
fn time_errors_show_the_right_form() {
    for (date, message) in [
        ("2025-11-17T22:33+0800", "`2025-11-17T22:33+0800` is not a date: an offset is written with a colon, `±hh:mm`: `2025-11-17T22:33+08:00`"),
        ("2025-11-17T13:00-00:00", "`2025-11-17T13:00-00:00` is not a date: `-00:00` is not an offset; leave the offset out when the zone is unknown (`2025-11-17T13:00`), or write Z for UTC"),
        ("2025-11-17 13:00", "`2025-11-17 13:00` is not a date: the time follows the day after an upper-case `T`, not a space; write `2025-11-17T13:00`"),
        ("2025-11-17t13:00", "`2025-11-17t13:00` is not a date: the time follows the day after an upper-case `T`, not `t`; write `2025-11-17T13:00`"),
        ("2025-11-17T13:00:05.25Z", "`2025-11-17T13:00:05.25Z` is not a date: fractions of a second are not written; write `2025-11-17T13:00:05Z`"),
        ("2025-11-17T13:00~", "`2025-11-17T13:00~` is not a date: `~`, `?` and `%` cannot follow a time; write `2025-11-17T13:00` or the day alone with the mark, `2025-11-17~`"),
        ("2025-11T13:00", "`2025-11T13:00` is not a date: a time needs a day; write `2025-11-DDT13:00` with the day, or leave the time out"),
        ("2025-11-17T24:00", "`2025-11-17T24:00` is not a date: hour 24 does not exist (hours run from 00 to 23)"),
    ] {
        assert_problems(
            &format!("{HEAD}date: \"{date}\"\n"),
            &[&format!("s.yaml:4:7: error: date: {message}")],
        );
    }
}

/// A story with every kind of item, in which each test below makes one mistake.
fn story_with(sources: &str, parties: &str, quotes: &str, stances: &str) -> String {
    format!(
        "{HEAD}sources:\n  - id: wire\n    name: Wire report\n{sources}\
parties:\n  - id: acme\n    name: Acme\n    position: P\n{parties}\
analysts:\n  - id: jane\n    name: Jane\n\
quotes:\n  - id: jane-says\n    by: jane\n    text: Hm.\n    source: wire\n{quotes}\
claims:\n  - id: leak\n    text: It leaked.\n    source: wire\n    stances:\n      - by: acme\n        stance: disputes\n{stances}"
    )
}

#[test]
fn source_by_and_cites() {
    let memo = "  - id: memo\n    name: Memo\n    kind: document\n";
    // Lines: 5 wire, 6 its name; the extra lines start at line 7.
    assert_problems(
        &story_with(&format!("    by: acm\n{memo}"), "", "", ""),
        &[
            "s.yaml:7:9: error: sources[0].by: `by: acm` names no party or analyst; known: acme, jane; did you mean `acme`?",
            "s.yaml:8:5: warning: sources[1]: source `memo` is never cited: no quote, claim or event names it as `source`",
        ],
    );
    assert_problems(
        &story_with(&format!("    cites: [memo, memo]\n{memo}"), "", "", ""),
        &["s.yaml:7:19: error: sources[0].cites[1]: `memo` is already in this list of `cites`: a source is cited once (first at line 7, column 13)"],
    );
    assert_problems(
        &story_with("    cites: [wire]\n", "", "", ""),
        &["s.yaml:7:13: error: sources[0].cites[0]: source `wire` cites itself; `cites` names the other sources it reports from"],
    );
    assert_problems(
        &story_with("    cites: [leak]\n", "", "", ""),
        &["s.yaml:7:13: error: sources[0].cites[0]: `cites: leak` names no source: `leak` is a claim, not a source; known: wire"],
    );
    // wire cites memo, memo cites wire: the second reference closes the loop.
    assert_problems(
        &story_with(&format!("    cites: [memo]\n{memo}    cites: [wire]\n"), "", "", ""),
        &["s.yaml:11:13: error: sources[1].cites[0]: `wire` closes a loop of citations (memo cites wire cites memo): a source cannot cite, through others, itself"],
    );
    // A source cited only by another source is cited.
    assert_problems(
        &story_with(
            &format!("    cites: [memo]\n{memo}    by: acme\n"),
            "",
            "",
            "",
        ),
        &[],
    );
}

#[test]
fn speaks_for() {
    // Lines: acme at 8; the extra party at 11.
    let pat = |to: &str| {
        format!("  - id: pat\n    name: Pat Lee\n    role: spokesperson\n    speaks_for: {to}\n")
    };
    // A spokesperson needs no position of their own.
    assert_problems(&story_with("", &pat("acme"), "", ""), &[]);
    assert_problems(
        &story_with("", &pat("jane"), "", ""),
        &["s.yaml:14:17: error: parties[1].speaks_for: `speaks_for: jane` names no party: `jane` is an analyst, not a party; known: acme, pat"],
    );
    assert_problems(
        &story_with("", &pat("pat"), "", ""),
        &["s.yaml:14:17: error: parties[1].speaks_for: `speaks_for: pat` names the party itself; `speaks_for` names the party this one speaks for"],
    );
    assert_problems(
        &story_with("", &pat("acm"), "", ""),
        &["s.yaml:14:17: error: parties[1].speaks_for: `speaks_for: acm` names no party; known: acme, pat; did you mean `acme`?"],
    );
    let chain = format!(
        "{}  - id: lee\n    name: Lee\n    speaks_for: pat\n",
        pat("acme")
    );
    assert_problems(
        &story_with("", &chain, "", ""),
        &["s.yaml:17:17: error: parties[2].speaks_for: `pat` itself speaks for `acme`: name `acme` here (no chains: a spokesperson speaks for the party itself)"],
    );
}

#[test]
fn refusals() {
    // Quotes at line 14; the extra quote at 19.
    assert_problems(
        &story_with("", "", "  - by: acme\n    kind: declined\n    via: jane\n", ""),
        &["s.yaml:21:10: error: quotes[1].via: `via` is not allowed on a `declined` quote: a refusal is reported as the speaker's own; drop `via` (or say who reported it in `context`)"],
    );
    assert_problems(
        &story_with("", "", "  - by: acme\n    kind: paraphrase\n", ""),
        &["s.yaml:19:5: error: quotes[1]: this quote is missing `text`, which is required"],
    );
    assert_problems(
        &story_with("", "", "  - by: acme\n    kind: declined-to-comment\n", ""),
        &["s.yaml:20:11: error: quotes[1].kind: `declined-to-comment` is not a quote kind; expected `direct`, `paraphrase`, `declined` or `no-response`"],
    );
}

#[test]
fn stances_and_histories() {
    // Stances at line 24 (acme disputes); the extra ones at 26.
    assert_problems(
        &story_with("", "", "", "      - by: acme\n        stance: supports\n"),
        &["s.yaml:26:13: error: claims[0].stances[1].by: `acme` already has a stance on this claim (claims[0].stances[0]); one stance per party or analyst (first at line 24, column 13)"],
    );
    // A history: every stance dated, on different days.
    let history = story_with(
        "",
        "",
        "",
        "      - by: acme\n        stance: supports\n        date: 2025-11-14\n",
    )
    .replace(
        "        stance: disputes\n",
        "        stance: disputes\n        date: 2025-11-17T09:00Z\n",
    );
    assert_problems(&history, &[]);
    let undated = story_with(
        "",
        "",
        "",
        "      - by: acme\n        stance: supports\n        date: 2025-11-14\n",
    );
    assert_problems(
        &undated,
        &["s.yaml:24:9: error: claims[0].stances[0]: `acme` has several stances on this claim, a history, so each needs a `date` (when it was taken); this one has none"],
    );
    let same_day = history.replace("2025-11-17T09:00Z", "2025-11-14");
    assert_problems(
        &same_day,
        &["s.yaml:29:15: error: claims[0].stances[1].date: `acme` already has a stance dated 2025-11-14 on this claim (claims[0].stances[0]): the stances of a history need different dates (first at line 26, column 15)"],
    );
}

#[test]
fn a_stance_cites_its_holders_words_or_a_spokespersons() {
    let stance = "        quote: jane-says\n";
    let text = story_with("", "", "", "").replace(
        "        stance: disputes\n",
        &format!("        stance: disputes\n{stance}"),
    );
    assert_problems(
        &text,
        &["s.yaml:26:16: warning: claims[0].stances[0].quote: the quote `jane-says` is by `jane`, not by `acme` or someone who speaks for it: a stance cites its holder's own words"],
    );
    // By a spokesperson for acme: no warning.
    let spoken = text
        .replace(
            "analysts:\n",
            "  - id: pat\n    name: Pat\n    speaks_for: acme\nanalysts:\n",
        )
        .replace(
            "    by: jane\n    text: Hm.\n",
            "    by: pat\n    text: Hm.\n",
        )
        .replace("analysts:\n  - id: jane\n    name: Jane\n", "");
    assert_problems(&spoken, &[]);
}

#[test]
fn one_mistake_gives_one_error() {
    // The quote's `by` is wrong: it keeps its id, so the stance citing it resolves.
    let text = story_with(
        "",
        "",
        "  - id: acme-says\n    by: acm\n    text: No.\n",
        "",
    )
    .replace(
        "        stance: disputes\n",
        "        stance: disputes\n        quote: acme-says\n",
    );
    assert_problems(
        &text,
        &["s.yaml:20:9: error: quotes[1].by: `by: acm` names no party or analyst; known: acme, jane; did you mean `acme`?"],
    );
    // A party missing its name is still a party to refer to.
    let text = story_with("", "", "", "").replace("    name: Acme\n", "");
    assert_problems(
        &text,
        &["s.yaml:8:5: error: parties[0]: this party is missing `name`, which is required"],
    );
    // A reference to an id of another kind says what it is.
    let text = story_with("", "", "", "").replace(
        "        stance: disputes\n",
        "        stance: disputes\n        quote: leak\n",
    );
    assert_problems(
        &text,
        &["s.yaml:26:16: error: claims[0].stances[0].quote: `quote: leak` names no quote: `leak` is a claim, not a quote; known: jane-says (give the quote an `id` to refer to it)"],
    );
}

#[test]
fn yaml_syntax_errors_say_what_would_be_right_with_the_path() {
    assert_problems(
        &format!("{HEAD}summary: Talks: the end\n"),
        &["s.yaml:4:15: error: summary: YAML syntax error: mapping values are not allowed in this context; the value of `summary` contains `: `, which YAML reads as a new key; a plain value with `: ` or ` #` in it needs quotes: `summary: \"Talks: the end\"`"],
    );
    assert_problems(
        &format!("{HEAD}parties:\n  - id: acme\n    name: \"Acme\n"),
        &["s.yaml:6:11: error: parties[0].name: YAML syntax error: found unexpected end of stream, while scanning a quoted scalar at line 6 column 11; the quoted value opened with `\"` at line 6, column 11 is never closed: end it with `\"`"],
    );
}

#[test]
fn cross_story_warnings_name_both_places() {
    let bundled =
        std::fs::read_to_string(repo().join("stories/alibaba-military-allegations.yaml")).unwrap();
    let other = "format: 2\nid: pla\ntitle: T\nparties:\n  - id: chinese-military\n    name: People's Liberation Army\n    kind: government\n    position: P\n  - id: alibaba\n    name: Alibaba\n    kind: media\n    position: P\nclaims:\n  - id: delisting-call\n    text: Delist.\n  - id: article\n    text: A claim with a source's id.\n";
    let dir = folder(&[("a.yaml", &bundled), ("b.yaml", other)]);
    let out = storyx(
        dir.path(),
        &["check", "--format", "short", "a.yaml", "b.yaml"],
    );
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    let line_of = |needle: &str| {
        1 + bundled
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in the bundled story"))
    };
    let military = line_of("name: Chinese military");
    let alibaba_kind = line_of("  - id: alibaba") + 2;
    let article = line_of("  - id: article");
    assert_eq!(
        lines,
        [
            format!("b.yaml:6:11: warning: parties[0].name: `chinese-military` is named \"People's Liberation Army\" here but \"Chinese military\" in a.yaml:{military}:11; the same id is the same entity in every story: use one name, or list the other as an alias"),
            format!("b.yaml:11:11: warning: parties[1].kind: party `alibaba` is of kind `media` here but `company` in a.yaml:{alibaba_kind}:11; the same id is the same entity in every story"),
            format!("b.yaml:16:9: warning: claims[1].id: `article` is a claim here but a source in a.yaml:{article}:9; claims with one id are one claim across format-2 stories: give one of them another id"),
        ]
    );
    // An alias of the earlier name is the same entity: no warning.
    let aliased = other.replace(
        "    name: People's Liberation Army\n",
        "    name: People's Liberation Army\n    aliases: [Chinese military]\n",
    );
    let dir = folder(&[("a.yaml", &bundled), ("b.yaml", &aliased)]);
    let out = storyx(
        dir.path(),
        &["check", "--format", "json", "a.yaml", "b.yaml"],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2, "{v:#}");
    assert_eq!(
        items[0]["related"],
        serde_json::json!({"file": "a.yaml", "line": alibaba_kind, "column": 11})
    );
    assert!(items.iter().all(|i| i["severity"] == "warning"));
}

#[test]
fn the_people_fixture_keeps_one_name_warning() {
    let out = storyx(
        &repo(),
        &["check", "--format", "short", "tests/fixtures/people"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "tests/fixtures/people/b-merger.yaml:16:11: warning: analysts[0].name: `richard-fisher` is named \"Richard D. Fisher\" here but \"Richard Fisher\" in tests/fixtures/people/a-trade.yaml:16:11; the same id is the same entity in every story: use one name\n"
    );
}
