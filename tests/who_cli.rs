//! `storyx who`: one entity across stories that share ids; name folding, ambiguity, no match.

mod common;
use common::*;

fn who(args: &[&str]) -> (serde_json::Value, i32, String) {
    let dir = repo().join("tests/fixtures/people");
    let mut all = vec!["who"];
    all.extend_from_slice(args);
    all.push(".");
    let out = storyx(&dir, &all);
    let v = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (v, out.status.code().unwrap_or(-1), stderr(&out))
}

#[test]
fn an_exact_id_gathers_every_story() {
    let (v, code, _) = who(&["richard-fisher", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["id"], "richard-fisher");
    assert_eq!(
        v["name"], "Richard Fisher",
        "the name in the first story that has the id"
    );
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[0]["story"], "trade-talks");
    assert_eq!(stories[0]["role"], "senior fellow");
    assert_eq!(
        stories[0]["affiliation"],
        "International Assessment and Strategy Center"
    );
    assert_eq!(stories[0]["kind"], serde_json::Value::Null);
    assert_eq!(stories[0]["position"], serde_json::Value::Null);
    assert_eq!(
        stories[0]["quotes"][0]["text"],
        "Tariffs are leverage, not a goal."
    );
    assert_eq!(stories[0]["quotes"][0]["kind"], "direct");
    assert_eq!(
        stories[0]["stances"][0],
        serde_json::json!({
            "claim": "tariffs-hurt", "claim_text": "Tariffs hurt exporters.", "claim_status": "disputed",
            "stance": "disputes", "note": null, "quote": "fisher-leverage",
            "quote_cited": {
                "id": "fisher-leverage", "by": "richard-fisher", "by_name": "Richard Fisher",
                "text": "Tariffs are leverage, not a goal.", "kind": "direct", "via": null, "via_name": null,
                "date": null, "context": null, "source": null, "source_name": null,
            },
        })
    );
    assert_eq!(stories[1]["story"], "merger-vote");
    assert_eq!(stories[1]["stances"][0]["stance"], "mixed");
    assert_eq!(
        stories[1]["events"],
        serde_json::json!([{
            "id": null, "title": "Board approves the plan", "date": "2024-05-02", "detail": null,
            "involves": ["acme", "richard-fisher"], "source": null,
        }])
    );
}

#[test]
fn parties_carry_kind_and_position() {
    let (v, code, _) = who(&["acme", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(v["name"], "Acme Corp");
    assert_eq!(v["stories"][1]["position"], "For the merger.");
    assert_eq!(v["stories"][1]["kind"], "company");
    assert_eq!(v["stories"][1]["role"], serde_json::Value::Null);
}

#[test]
fn names_fold_accents_and_case() {
    let (v, code, _) = who(&["FISHER", "--json"]);
    assert_eq!((v["id"].as_str(), code), (Some("richard-fisher"), 0));
    let (v, code, _) = who(&["zoë lam", "--json"]);
    assert_eq!(code, 1, "two people are named Zoe Lambert: {v}");
    let (v, code, _) = who(&["zoe jr", "--json"]);
    assert_eq!((v["id"].as_str(), code), (Some("zoe-lambert-jr"), 0));
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let (_, code, err) = who(&["lambert"]);
    assert_eq!(code, 1);
    assert!(err.contains("zoe-lambert  Zoë Lambert"), "{err}");
    assert!(err.contains("zoe-lambert-jr  Zoe Lambert Jr."), "{err}");
}

#[test]
fn no_match_exits_1() {
    let (v, code, err) = who(&["qqqq", "--json"]);
    assert_eq!((v, code), (serde_json::Value::Null, 1));
    assert!(err.contains("no party or analyst matches `qqqq`"), "{err}");
}

#[test]
fn fuzzy_when_no_word_matches() {
    let (v, code, _) = who(&["rchrd fshr", "--json"]);
    assert_eq!((v["id"].as_str(), code), (Some("richard-fisher"), 0));
}

#[test]
fn text_output_reads_as_a_profile() {
    let dir = repo().join("tests/fixtures/people");
    let out = storyx(&dir, &["who", "zoe-lambert", "."]);
    let text = stdout(&out);
    assert!(
        text.starts_with("Zoë Lambert (zoe-lambert) — 1 story\n"),
        "{text}"
    );
    assert!(
        text.contains("  Zoë Lambert (reported): Lambert said talks would resume.\n"),
        "{text}"
    );
    assert!(text.contains("  2 Mar 2024: Talks stall\n"), "{text}");
}
