//! `storyx schema`: the JSON Schema accepts every file the loader accepts, and rejects unknown
//! keys, missing required keys, wrong types and bad enum values, as the loader does. Checked
//! with the `jsonschema` crate on YAML files converted to JSON.

mod common;

use std::path::Path;

use common::{repo, stdout, storyx};
use storyx::story::parse::parse_str;
use storyx::story::schema::story_schema;
use storyx::story::{ClaimStatus, PartyKind, QuoteKind, StanceKind};

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&story_schema()).expect("the schema is a valid 2020-12 schema")
}

/// A YAML text as the JSON value a YAML-aware editor would check.
fn to_json(yaml: &str) -> serde_json::Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).expect("test YAML parses");
    serde_json::to_value(value).expect("test YAML converts to JSON")
}

/// The schema's complaints about a YAML text (empty: accepted).
fn schema_errors(yaml: &str) -> Vec<String> {
    let v = validator();
    let instance = to_json(yaml);
    v.iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The loader's errors for a YAML text (empty: it loads).
fn loader_errors(yaml: &str) -> Vec<String> {
    let result = parse_str(Path::new("test.yaml"), yaml);
    let errors: Vec<String> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == storyx::story::Severity::Error)
        .map(|d| d.message_with_path())
        .collect();
    assert_eq!(
        errors.is_empty(),
        result.story.is_some(),
        "a story loads exactly when there is no error"
    );
    errors
}

fn assert_both_accept(yaml: &str) {
    let loader = loader_errors(yaml);
    assert!(
        loader.is_empty(),
        "the loader rejects:\n{yaml}\n{loader:#?}"
    );
    let schema = schema_errors(yaml);
    assert!(
        schema.is_empty(),
        "the loader accepts but the schema rejects:\n{yaml}\n{schema:#?}"
    );
}

fn assert_both_reject(yaml: &str) {
    assert!(
        !loader_errors(yaml).is_empty(),
        "the loader accepts:\n{yaml}"
    );
    assert!(
        !schema_errors(yaml).is_empty(),
        "the loader rejects but the schema accepts:\n{yaml}"
    );
}

/// A small story with every kind of mapping, into which a test splices `extra` lines.
fn base(top: &str, party: &str, quote: &str, claim: &str, stance: &str, event: &str) -> String {
    format!(
        "id: base\ntitle: A story\n{top}sources:\n  - id: src\n    name: A report\n\
parties:\n  - id: acme\n    name: Acme\n    position: For it.\n{party}\
analysts:\n  - id: jane\n    name: Jane\n\
quotes:\n  - id: q1\n    by: jane\n    text: It is fine.\n    source: src\n{quote}\
claims:\n  - id: c1\n    text: It is fine.\n    source: src\n{claim}    stances:\n      - by: acme\n        stance: supports\n{stance}\
timeline:\n  - title: Something happened\n    source: src\n{event}"
    )
}

fn with_top(line: &str) -> String {
    base(line, "", "", "", "", "")
}
fn with_party(line: &str) -> String {
    base("", line, "", "", "", "")
}
fn with_quote(line: &str) -> String {
    base("", "", line, "", "", "")
}
fn with_claim(line: &str) -> String {
    base("", "", "", line, "", "")
}
fn with_stance(line: &str) -> String {
    base("", "", "", "", line, "")
}
fn with_event(line: &str) -> String {
    base("", "", "", "", "", line)
}

#[test]
fn the_base_story_is_valid() {
    assert_both_accept(&with_top(""));
}

#[test]
fn accepts_the_bundled_stories() {
    let dir = repo().join("stories");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("stories/ exists") {
        let path = entry.expect("entry").path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            let text = std::fs::read_to_string(&path).expect("readable");
            assert_both_accept(&text);
            n += 1;
        }
    }
    assert!(n >= 1, "no bundled story found");
}

#[test]
fn accepts_the_example_in_the_format_document() {
    let doc = std::fs::read_to_string(repo().join("docs/STORY_FORMAT.md")).expect("format doc");
    let section = doc
        .split("## A small valid story")
        .nth(1)
        .expect("the example section");
    let example = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a yaml block");
    assert!(example.contains("id: example-merger-vote"));
    assert_both_accept(example);
}

#[test]
fn accepts_x_keys_at_every_level() {
    let yaml = base(
        "x-top: {anything: [1, 2]}\n",
        "    x-party: 1\n",
        "    x-quote: [a]\n",
        "    x-claim: null\n",
        "        x-stance: yes\n",
        "    x-event: {nested: {deep: true}}\n",
    )
    .replace("  - id: src\n", "  - id: src\n    x-source: here\n")
    .replace("  - id: jane\n", "  - id: jane\n    x-analyst: 2\n");
    assert_eq!(yaml.matches("x-").count(), 8);
    assert_both_accept(&yaml);
}

#[test]
fn accepts_every_date_form_in_every_date_place() {
    let forms = [
        "2025-11-14",
        "2025-11",
        "2001",
        "1940",
        "\"1940\"",
        "'2025-11-14'",
        "2001~",
        "2001?",
        "2001%",
        "2025-11~",
        "2025-11-14?",
        "\"2025-11-14%\"",
        "2024-02-29",
        "null",
    ];
    for form in forms {
        for yaml in [
            with_top(&format!("date: {form}\n")),
            with_quote(&format!("    date: {form}\n")),
            with_event(&format!("    date: {form}\n")),
            base("", "", "", "", "", "").replace(
                "    name: A report\n",
                &format!("    name: A report\n    date: {form}\n"),
            ),
        ] {
            assert_both_accept(&yaml);
        }
    }
}

#[test]
fn accepts_what_the_loader_accepts_around_the_edges() {
    for top in [
        "format: 1\n",
        "format: \"1\"\n",
        "format: \" 01 \"\n",
        "format: \"\\u00851\"\n",
        "format: null\n",
        "question: null\nsummary: ~\ntags: null\n",
        "tags: [a, \"b c\"]\n",
        "summary: |\n  Two lines\n\n  and a paragraph.\n",
    ] {
        assert_both_accept(&with_top(top));
    }
    assert_both_accept("id: a\ntitle: T\nsources: ~\nparties: null\nanalysts:\nquotes: []\nclaims: ~\ntimeline: ~\n");
    // Text that is not white space to the loader (U+FEFF is white space to JavaScript).
    assert_both_accept(&with_top("question: \"\\uFEFF\"\n"));
    assert_both_accept(&with_party("    kind: null\n    aliases: ~\n"));
    assert_both_accept(&with_quote(
        "    kind: paraphrase\n    via: acme\n    context: ~\n",
    ));
    assert_both_accept(&with_claim("    status: confirmed\n"));
    assert_both_accept(&with_stance("        note: Why.\n        quote: q1\n"));
    assert_both_accept(&with_event(
        "    id: e-1\n    involves: [acme, jane]\n    detail: ~\n",
    ));
    for url in [
        "https://example.com/a?b=c",
        "HTTP://EXAMPLE.COM",
        "http://x",
    ] {
        let yaml = with_top("").replace(
            "    name: A report\n",
            &format!("    name: A report\n    url: {url}\n"),
        );
        assert_both_accept(&yaml);
    }
    for kind in PartyKind::ALL {
        assert_both_accept(&with_party(&format!("    kind: {kind}\n")));
    }
    for kind in [QuoteKind::Direct, QuoteKind::Paraphrase] {
        assert_both_accept(&with_quote(&format!("    kind: {kind}\n")));
    }
    for kind in QuoteKind::ALL {
        assert_both_accept(&v2(&with_quote(&format!("    kind: {kind}\n"))));
    }
    for status in ClaimStatus::ALL {
        assert_both_accept(&with_claim(&format!("    status: {status}\n")));
    }
    for stance in StanceKind::ALL {
        let yaml = with_top("").replace("stance: supports", &format!("stance: {stance}"));
        assert_both_accept(&yaml);
    }
}

#[test]
fn rejects_unknown_keys_at_every_level() {
    assert_both_reject(&with_top("quotse: []\n"));
    assert_both_reject(&with_party("    nmae: Acme\n"));
    assert_both_reject(&with_quote("    speaker: jane\n"));
    assert_both_reject(&with_claim("    verdict: true\n"));
    assert_both_reject(&with_stance("        why: because\n"));
    assert_both_reject(&with_event("    when: 2001\n"));
    assert_both_reject(
        &with_top("").replace("  - id: jane\n", "  - id: jane\n    affiliaton: X\n"),
    );
    assert_both_reject(&with_top("").replace(
        "    name: A report\n",
        "    name: A report\n    link: https://x\n",
    ));
    // `x` alone, or `X-` in capitals, is not an extension.
    assert_both_reject(&with_top("x: 1\n"));
    assert_both_reject(&with_top("X-note: 1\n"));
}

#[test]
fn rejects_missing_required_keys() {
    assert_both_reject("title: No id\n");
    assert_both_reject("id: no-title\n");
    assert_both_reject(&with_top("").replace("    name: Acme\n", ""));
    assert_both_reject(&with_top("").replace("    name: Jane\n", ""));
    assert_both_reject(&with_top("").replace("    name: A report\n", ""));
    assert_both_reject(&with_top("").replace("    by: jane\n", ""));
    assert_both_reject(&with_top("").replace(
        "    text: It is fine.\n    source: src\n    stances",
        "    source: src\n    stances",
    ));
    assert_both_reject(&with_top("").replace("        stance: supports\n", ""));
    assert_both_reject(&with_top("").replace(
        "  - title: Something happened\n    source: src\n",
        "  - source: src\n",
    ));
    // A required key with no value is missing too.
    assert_both_reject(&with_top("").replace("    by: jane\n", "    by: ~\n"));
    assert_both_reject(&with_top("").replace("stance: supports", "stance: null"));
    assert_both_reject(&with_event("    involves: [acme, ~]\n"));
    assert_both_reject("id: a\ntitle: ~\n");
    assert_both_reject("id: ~\ntitle: T\n");
}

#[test]
fn rejects_wrong_types() {
    for top in [
        "format: one\n",
        "format: 3\n",
        "format: 0\n",
        "question: [1, 2]\n",
        "summary: {a: 1}\n",
        "tags: 5\n",
        "tags: [a, [b]]\n",
        "tags: [a, 12]\n",
        "date: 2025.5\n",
        "date: true\n",
    ] {
        assert_both_reject(&with_top(top));
    }
    assert_both_reject("id: a\ntitle: 12\n");
    assert_both_reject("id: a\ntitle: true\n");
    assert_both_reject("id: a\ntitle: \"   \"\n");
    assert_both_reject("id: a\ntitle: \"\"\n");
    assert_both_reject("id: a\ntitle: T\nparties: {acme: {name: Acme}}\n");
    assert_both_reject("id: a\ntitle: T\nparties: [acme]\n");
    assert_both_reject("id: a\ntitle: T\nsources: [~]\n");
    assert_both_reject("- id: a\n  title: T\n");
    assert_both_reject(&with_party("    aliases: Acme Inc\n"));
    assert_both_reject(&with_event("    involves: acme\n"));
    assert_both_reject(&with_claim("").replace(
        "    stances:\n      - by: acme\n        stance: supports\n",
        "    stances: {by: acme}\n",
    ));
}

#[test]
fn rejects_bad_ids_dates_urls_and_enum_values() {
    assert_both_reject("id: Acme Corp\ntitle: T\n");
    assert_both_reject("id: a--b\ntitle: T\n");
    assert_both_reject(&with_event("    id: Event_1\n"));
    for date in [
        "Nov 14",
        "2025-13-01",
        "2025-1-5",
        "25-11-14",
        "2025-11-14T10:00",
        "999",
        "12345",
        "2001~~",
    ] {
        assert_both_reject(&with_top(&format!("date: \"{date}\"\n")));
    }
    assert_both_reject(&with_top("date: 999\n"));
    for url in ["ftp://example.com", "example.com", "www.example.com"] {
        assert_both_reject(&with_top("").replace(
            "    name: A report\n",
            &format!("    name: A report\n    url: {url}\n"),
        ));
    }
    assert_both_reject(&with_party("    kind: corporation\n"));
    assert_both_reject(&with_party("    kind: Company\n"));
    assert_both_reject(&with_quote("    kind: indirect\n"));
    assert_both_reject(&with_claim("    status: false\n"));
    assert_both_reject(&with_claim("    status: true-ish\n"));
    assert_both_reject(&with_top("").replace("stance: supports", "stance: agrees"));
    assert_both_reject(&with_top("").replace("stance: supports", "stance: no_comment"));
}

/// References, unique ids and impossible dates are the loader's alone: the schema cannot
/// see across the file or into the calendar, so it accepts these.
#[test]
fn references_and_impossible_dates_are_the_loaders_alone() {
    for yaml in [
        with_top("").replace("    by: jane\n", "    by: fisher\n"),
        with_top("").replace(
            "    source: src\n    stances",
            "    source: nowhere\n    stances",
        ),
        with_top("date: 2025-02-30\n"),
        with_top("date: 2023-02-29\n"),
        with_event("    id: acme\n"),
    ] {
        assert!(!loader_errors(&yaml).is_empty(), "{yaml}");
        assert!(schema_errors(&yaml).is_empty(), "{yaml}");
    }
}

#[test]
fn the_schema_lists_the_formats_words() {
    let schema = story_schema();
    let words = |def: &str| -> Vec<String> {
        schema["$defs"][def]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("$defs/{def} has an enum"))
            .iter()
            .map(|v| v.as_str().expect("a word").to_string())
            .collect()
    };
    let all = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(
        words("PartyKind"),
        all(&PartyKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>())
    );
    assert_eq!(
        words("QuoteKind"),
        all(&QuoteKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>())
    );
    assert_eq!(
        words("ClaimStatus"),
        all(&ClaimStatus::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>())
    );
    assert_eq!(
        words("SourceKind"),
        all(&storyx::story::SourceKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>())
    );
    assert_eq!(
        words("StanceKind"),
        all(&StanceKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>())
    );
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // Fields that are not in files are not in the schema.
    assert!(schema["properties"].get("file").is_none());
    assert!(schema["properties"].get("extensions").is_none());
    assert!(schema["$defs"]["Event"]["properties"]
        .get("file_index")
        .is_none());
    assert_eq!(schema["properties"]["format"]["default"], 1);
    assert_eq!(
        schema["$defs"]["Party"]["properties"]["kind"]["default"],
        "other"
    );
}

/// The same text as a format-2 file.
fn v2(yaml: &str) -> String {
    format!("format: 2\n{yaml}")
}

/// A second source, so that sources can cite sources.
fn with_second_source(yaml: &str, lines: &str) -> String {
    yaml.replace(
        "parties:\n",
        &format!("  - id: src2\n    name: Another report\n{lines}parties:\n"),
    )
}

fn with_source(line: &str) -> String {
    with_top("").replace(
        "    name: A report\n",
        &format!("    name: A report\n{line}"),
    )
}

/// Every key and value added in format 2, each in the place it belongs.
fn v2_additions() -> Vec<(&'static str, String)> {
    let refusal = |kind: &str, rest: &str| {
        with_top("").replace(
            "    by: jane\n    text: It is fine.\n",
            &format!("    by: jane\n    kind: {kind}\n{rest}"),
        )
    };
    let mut v = vec![
        ("source kind", with_source("    kind: document\n")),
        ("source by", with_source("    by: acme\n")),
        (
            "source cites",
            with_second_source(&with_source("    cites: [src2]\n"), ""),
        ),
        ("party role", with_party("    role: spokesperson\n")),
        (
            "party speaks_for",
            with_party("  - id: pat\n    name: Pat Lee\n    speaks_for: acme\n"),
        ),
        ("quote to", with_quote("    to: reporters\n")),
        ("declined without text", refusal("declined", "")),
        ("no-response without text", refusal("no-response", "")),
        (
            "declined with text",
            refusal("declined", "    text: declined to comment on the memo\n    to: the Financial Times\n"),
        ),
        ("stance date", with_stance("        date: 2025-11-14\n")),
        (
            "stance history",
            with_stance(
                "        date: 2025-11-01\n      - by: acme\n        stance: disputes\n        date: 2025-11-14T09:00Z\n",
            ),
        ),
    ];
    for time in [
        "2025-11-17T13:00",
        "2025-11-17T13:00:05",
        "2025-11-17T22:33+08:00",
        "2025-11-17T09:00Z",
        "2025-11-17T09:00+05:30",
        "2025-11-17T13:00-05:00",
        "2025-11-17T13:00+14:00",
        "2025-11-17T13:00-14:00",
        "2025-11-17T13:00-00:30",
        "2025-11-17T00:00+00:00",
        "\"2025-11-17T23:59:59Z\"",
    ] {
        v.push(("a time at the top", with_top(&format!("date: {time}\n"))));
        v.push((
            "a time on an event",
            with_event(&format!("    date: {time}\n")),
        ));
        v.push((
            "a time on a quote",
            with_quote(&format!("    date: {time}\n")),
        ));
        v.push((
            "a time on a source",
            with_source(&format!("    date: {time}\n")),
        ));
    }
    for kind in storyx::story::SourceKind::ALL {
        v.push(("a source kind", with_source(&format!("    kind: {kind}\n"))));
    }
    v
}

#[test]
fn format_2_additions_are_accepted_in_a_format_2_file_only() {
    for (what, yaml) in v2_additions() {
        assert_both_accept(&v2(&yaml));
        for format in ["format: \"2\"\n", "format: \" 02 \"\n"] {
            assert_both_accept(&format!("{format}{yaml}"));
        }
        // Without `format: 2` (or with `format: 1`), both reject it.
        assert_both_reject(&yaml);
        assert_both_reject(&format!("format: 1\n{yaml}"));
        let errors = loader_errors(&yaml);
        assert_eq!(
            errors.len(),
            1,
            "{what}: one error for the file: {errors:#?}"
        );
        assert!(errors[0].contains("add `format: 2`"), "{what}: {errors:#?}");
    }
}

#[test]
fn format_2_rules_the_schema_can_see_are_in_both() {
    for yaml in [
        // A refusal takes no `via`; other quotes need `text`.
        with_top("").replace(
            "    by: jane\n    text: It is fine.\n",
            "    by: jane\n    kind: declined\n    via: acme\n",
        ),
        with_top("").replace(
            "    by: jane\n    text: It is fine.\n",
            "    by: jane\n    kind: paraphrase\n",
        ),
        // A source cites another at most once.
        with_second_source(&with_source("    cites: [src2, src2]\n"), ""),
        with_source("    cites: src2\n"),
        with_source("    kind: memo\n"),
        with_party("    role: [spokesperson]\n"),
        with_quote("    to: 12\n"),
        with_quote("    kind: declined-to-comment\n"),
        with_stance("        date: yesterday\n"),
    ] {
        assert_both_reject(&v2(&yaml));
    }
    for time in [
        "2025-11-17T22:33+0800",
        "2025-11-17T13:00-00:00",
        "2025-11-17 13:00",
        "2025-11-17t13:00",
        "2025-11-17T13:00:05.5",
        "2025-11-17T13:00~",
        "2025-11T13:00",
        "2025T13:00",
        "2025-11-17T24:00",
        "2025-11-17T13:60",
        "2025-11-17T13:00:60",
        "2025-11-17T9:00",
        "2025-11-17T13:00+14:30",
        "2025-11-17T13:00z",
        "2025-11-17T13:00+8",
    ] {
        assert_both_reject(&v2(&with_top(&format!("date: \"{time}\"\n"))));
        assert_both_reject(&v2(&with_event(&format!("    date: \"{time}\"\n"))));
    }
}

#[test]
fn format_2_references_are_the_loaders_alone() {
    for yaml in [
        with_source("    cites: [src]\n"),
        with_source("    by: nobody\n"),
        with_party("    speaks_for: jane\n"),
        with_party("    speaks_for: acme\n"),
        with_stance("        date: 2025-11-01\n      - by: acme\n        stance: disputes\n"),
    ] {
        let yaml = v2(&yaml);
        assert!(!loader_errors(&yaml).is_empty(), "{yaml}");
        assert!(schema_errors(&yaml).is_empty(), "{yaml}");
    }
}

#[test]
fn storyx_schema_prints_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = storyx(dir.path(), &["schema"]);
    assert!(out.status.success());
    let printed: serde_json::Value =
        serde_json::from_str(&stdout(&out)).expect("storyx schema prints JSON");
    assert_eq!(printed, story_schema());
    assert!(stdout(&out)
        .starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
}
