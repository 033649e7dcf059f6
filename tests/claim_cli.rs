//! `storyx claim`: one claim across the stories that carry it (issue 14), and a
//! party's views gathering its spokespeople's words (`who`).

mod common;
use common::*;

use serde_json::Value;

const REUTERS: &str = "tests/fixtures/format2/reuters-alibaba-memo.yaml";
const BUNDLED: &str = "stories/alibaba-military-allegations.yaml";

fn run(args: &[&str]) -> (String, String, i32) {
    let out = storyx(&repo(), args);
    (stdout(&out), stderr(&out), out.status.code().unwrap_or(-1))
}

#[test]
fn the_memo_allegation_across_two_stories_shows_both_statuses_and_stances_side_by_side() {
    let (out, err, code) = run(&["claim", "memo-allegation", REUTERS, BUNDLED]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("memo-allegation — a claim in 2 stories\n"),
        "{out}"
    );
    for want in [
        "  status: alleged (reuters-alibaba-memo) | alleged (alibaba-military-allegations)",
        "  White House: supports (reuters-alibaba-memo) | no comment (alibaba-military-allegations)",
        "  Alibaba: disputes (reuters-alibaba-memo) | disputes (alibaba-military-allegations)",
        // Each story: its title, date and outlets, then the claim as `show` gives it.
        "reuters-alibaba-memo · Washington accuses Alibaba of aiding Chinese military operations, FT says citing White House memo\n  Date: 14 Nov 2025\n  Outlets: Reuters, Financial Times\n  Claim (alleged): Alibaba provides technological support",
        "  Source: Financial Times report (Financial Times; report, by Financial Times), citing White House national security memo (document, by White House)",
        "  White House supports the claim — The allegation is the White House memo's",
        "  Chinese Embassy in Washington disputes the claim\n    citing Liu Pengyu (spokesperson, Chinese Embassy in Washington): “Without valid evidence",
        "alibaba-military-allegations · ",
        "  Claim (alleged): Alibaba provided technological support",
        // The White House's refusal, cited by its stance: reported, never quoted.
        "  White House has no comment on the claim — The allegation comes from a memo",
    ] {
        assert!(out.contains(want), "lacks {want:?}:\n{out}");
    }
    let reuters = out.find("reuters-alibaba-memo · ").unwrap();
    let bundled = out.find("alibaba-military-allegations · ").unwrap();
    assert!(reuters < bundled, "stories in path order:\n{out}");
    let refusal = out
        .lines()
        .find(|l| l.contains("citing White House") && l.contains("comment"))
        .unwrap_or_else(|| panic!("the cited refusal:\n{out}"));
    assert!(
        !refusal.contains('“'),
        "a refusal in quotation marks: {refusal}"
    );
}

#[test]
fn claim_json_keeps_show_s_claim_and_adds_who_s_names() {
    let (out, err, code) = run(&["claim", "memo-allegation", REUTERS, BUNDLED, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "memo-allegation");
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0]["story"], "reuters-alibaba-memo");
    assert_eq!(stories[0]["date"], "2025-11-14");
    assert_eq!(
        stories[0]["outlets"],
        serde_json::json!(["Reuters", "Financial Times"])
    );
    assert_eq!(stories[1]["story"], "alibaba-military-allegations");
    // The claim as `show --json` has it, in each story.
    for s in stories {
        let shown: Value = serde_json::from_str(&stdout(&storyx(
            &repo(),
            &[
                "show",
                s["story"].as_str().unwrap(),
                REUTERS,
                BUNDLED,
                "--json",
            ],
        )))
        .unwrap();
        let claim = shown["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "memo-allegation")
            .unwrap();
        for key in ["id", "text", "status", "source"] {
            assert_eq!(s["claim"][key], claim[key], "{key}");
        }
        for (got, want) in s["claim"]["stances"]
            .as_array()
            .unwrap()
            .iter()
            .zip(claim["stances"].as_array().unwrap())
        {
            for key in ["by", "stance", "note", "quote", "date"] {
                assert_eq!(got[key], want[key], "{key}");
            }
            assert_eq!(got["current"], true);
            assert_eq!(got["quote_cited"]["id"], got["quote"]);
        }
    }
    let wh: Vec<&Value> = stories
        .iter()
        .map(|s| {
            s["claim"]["stances"]
                .as_array()
                .unwrap()
                .iter()
                .find(|st| st["by"] == "white-house")
                .unwrap()
        })
        .collect();
    assert_eq!(wh[0]["stance"], "supports");
    assert_eq!(wh[1]["stance"], "no-comment");
    assert_eq!(wh[1]["quote_cited"]["kind"], "declined");
    let embassy = &stories[0]["claim"]["stances"][2];
    assert_eq!(
        embassy["quote_cited"]["speaker"],
        "Liu Pengyu (spokesperson, Chinese Embassy in Washington)"
    );
    assert!(stories[0]["claim"]["source_name"]
        .as_str()
        .unwrap()
        .contains("citing White House national security memo"));
}

#[test]
fn words_of_the_text_find_the_claim_and_exit_codes_say_what_happened() {
    // Folded words (case and accents do not matter), like `who`.
    let (out, _, code) = run(&["claim", "DELISTED U.S. stock", BUNDLED]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("delisting-call — a claim in 1 story\n"),
        "{out}"
    );
    assert!(
        !out.contains("Side by side"),
        "one story: nothing to compare\n{out}"
    );
    // Several candidates: listed on stderr, exit 1.
    let (out, err, code) = run(&["claim", "alibaba", REUTERS, BUNDLED]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("`alibaba` could be any of:"), "{err}");
    assert!(
        err.contains("  memo-allegation  Alibaba provides technological support"),
        "{err}"
    );
    assert!(
        err.contains("(in reuters-alibaba-memo, alibaba-military-allegations)"),
        "{err}"
    );
    assert!(err.contains("  delisting-call  "), "{err}");
    // No match.
    let (out, err, code) = run(&["claim", "qqqzzz", BUNDLED]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("no claim matches `qqqzzz`"), "{err}");
    // A path that does not exist: a usage problem, exit 2, even though found elsewhere.
    let (out, _, code) = run(&["claim", "memo-allegation", BUNDLED, "no/such/dir"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("memo-allegation — a claim in 1 story"),
        "{out}"
    );
    // No query: clap's usage error.
    let (_, _, code) = run(&["claim"]);
    assert_eq!(code, 2);
}

#[test]
fn a_format_1_claim_stands_alone_and_the_same_id_twice_is_ambiguous() {
    let claim = |id: &str, text: &str| {
        format!("id: {id}\ntitle: T {id}\nclaims:\n  - id: shared\n    text: {text}\n")
    };
    let dir = folder(&[
        ("a.yaml", &claim("a", "Prices rose.")),
        ("b.yaml", &claim("b", "Prices fell.")),
    ]);
    let out = storyx(dir.path(), &["claim", "shared", "."]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("shared  Prices rose. (in a)"), "{err}");
    assert!(err.contains("shared  Prices fell. (in b)"), "{err}");
    let out = storyx(dir.path(), &["claim", "fell", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Claim (no status given): Prices fell."));
}

#[test]
fn who_gathers_a_partys_spokespeoples_words() {
    let (out, err, code) = run(&["who", "chinese-embassy-washington", REUTERS]);
    assert_eq!(code, 0, "{err}");
    // The embassy's own (reported) words, then Liu's, marked with the speaker.
    let own = out
        .find("  Chinese Embassy in Washington (reported): The embassy denied the report")
        .unwrap_or_else(|| panic!("{out}"));
    let liu = out
        .find("  Liu Pengyu (spokesperson, Chinese Embassy in Washington): “Without valid evidence, the US jumped")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(own < liu, "{out}");
    let (out, _, _) = run(&["who", "chinese-embassy-washington", REUTERS, "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let said = &v["stories"][0]["spokespeople_quotes"];
    assert_eq!(said.as_array().map(Vec::len), Some(1), "{said}");
    assert_eq!(said[0]["id"], "liu-distortion");
    assert_eq!(said[0]["by"], "liu-pengyu");
    assert_eq!(
        said[0]["speaker"],
        "Liu Pengyu (spokesperson, Chinese Embassy in Washington)"
    );
    // Their own quotes stay their own.
    assert_eq!(v["stories"][0]["quotes"][0]["id"], "embassy-denial");
    // The spokesperson's own view has their words as their own.
    let (out, _, _) = run(&["who", "liu-pengyu", REUTERS, "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["stories"][0]["quotes"][0]["id"], "liu-distortion");
    assert_eq!(
        v["stories"][0]["spokespeople_quotes"],
        serde_json::json!([])
    );
}

#[test]
fn search_finds_a_claim_by_its_id_and_a_spokespersons_words_by_the_party() {
    let (out, err, code) = run(&[
        "search",
        "memo-allegation",
        REUTERS,
        "--json",
        "--kind",
        "claim",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "memo-allegation");
    assert_eq!(v[0]["field"], "id");
    let (out, _, code) = run(&["search", "embassy distortion", REUTERS, "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], "liu-distortion", "{v}");
    // The hit names the speaker as the format words it.
    assert_eq!(
        v[0]["by_name"],
        "Liu Pengyu (spokesperson, Chinese Embassy in Washington)"
    );
    let (out, _, _) = run(&["search", "embassy distortion", REUTERS]);
    assert!(
        out.contains("quote    reuters-alibaba-memo  Liu Pengyu (spokesperson, Chinese Embassy in Washington): “Without valid"),
        "{out}"
    );
    // Found by the party alone, the hit says why.
    let (out, _, _) = run(&["search", "washington", REUTERS, "--kind", "quote"]);
    assert!(
        out.contains("by.speaks_for: Chinese Embassy in Washington"),
        "the hit says why it matched:\n{out}"
    );
    // A refusal reads as reported speech, never quoted.
    let (out, _, _) = run(&["search", "white house", REUTERS, "--kind", "quote"]);
    assert!(
        out.contains("quote    reuters-alibaba-memo  White House declined to comment\n"),
        "{out}"
    );
}

#[test]
fn a_partys_refusal_by_its_spokesperson_and_a_changed_stance_read_as_reported() {
    const HISTORY: &str = "tests/fixtures/format2/council-history.yaml";
    let (out, err, code) = run(&["who", "city-council", HISTORY]);
    assert_eq!(code, 0, "{err}");
    // The press office's refusal is the council's too: reported, never quoted.
    let line = out
        .lines()
        .find(|l| l.contains("declined to comment on the councillor's change of mind"))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        line.trim(),
        "Council press office (press office, City Council) declined to comment on the councillor's change of mind (to reporters)"
    );
    // Markdown's claims table shows the stance now, and that it changed.
    let (md, _, _) = run(&[
        "show",
        "council-bridge-history",
        HISTORY,
        "--format",
        "markdown",
    ]);
    assert!(md.contains("✗ disputes (changed)"), "{md}");
    assert!(!md.contains("✓ supports (changed)"), "{md}");
    // `claim` gives the history in order, the stance now first.
    let (out, _, code) = run(&["claim", "bridge-worth-cost", HISTORY]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Mara Ortiz (councillor) disputes the claim (since 20 Jun 2024 18:05 UTC+2); earlier: supports the claim (2 May 2024)"),
        "{out}"
    );
}

/// `claim` keeps only the claims' ids and texts while it loads, then loads the
/// stories that carry the claim found again: what it prints is what a whole load
/// gives, with the cache and without, as text and as JSON, for a claim in one story
/// and in several.
#[test]
fn claim_prints_what_a_whole_load_gives() {
    let paths = [
        std::path::PathBuf::from("tests/fixtures/format2"),
        std::path::PathBuf::from(BUNDLED),
    ];
    let corpus =
        storyx::corpus::load::load_paths(&paths, &storyx::story::load::LoadOptions::default());
    let home = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for id in ["memo-allegation", "liu-distortion", "alibaba military"] {
        let storyx::claims::Lookup::One(c) = storyx::claims::lookup(&corpus, id) else {
            continue;
        };
        seen += c.appearances.len();
        let text = storyx::cmd::claim::text(&corpus, &c);
        let json =
            storyx::sanitize::to_json_pretty(&storyx::cmd::claim::claim_json(&corpus, &c)) + "\n";
        for cache in [&["--no-cache"][..], &[], &[]] {
            for (as_json, want) in [(false, &text), (true, &json)] {
                let mut args = vec!["claim", id, "tests/fixtures/format2", BUNDLED];
                args.extend(cache);
                if as_json {
                    args.push("--json");
                }
                let out = common::command()
                    .args(&args)
                    .env("XDG_CACHE_HOME", home.path())
                    .output()
                    .unwrap();
                assert_eq!(&String::from_utf8_lossy(&out.stdout), want, "{args:?}");
            }
        }
    }
    assert!(seen >= 2, "a claim in several stories is among them");
}
