//! Reading without loss, as a property (issue 13): a story that sets every text key
//! of the format to a distinct marker (tests/fixtures/every_field), the list of keys
//! taken from the JSON Schema (`storyx schema`), so that a key added to the format
//! fails this test until the marker story sets it; then, output by output, each
//! item's markers must appear in that item's own part of the output, references
//! must show their target's name (enums, dates, URLs as they display), and a direct
//! quote is in quotation marks, reported speech never.

mod common;
use common::*;

use serde_json::Value;
use storyx::app::Pane;
use storyx::story::schema::{story_schema, TEXT_PATTERN};
use storyx::story::{QuoteKind, Story};

const DIR: &str = "tests/fixtures/every_field";
const FILE: &str = "tests/fixtures/every_field/every-field.yaml";

/// `parties[0].aliases[1]` → `mkParties0Aliases1`.
fn marker(path: &str) -> String {
    let mut out = String::from("mk");
    let mut upper = true;
    for c in path.chars() {
        match c {
            '[' | ']' | '.' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// The text keys of the schema as paths with `[]` for list entries:
/// `title`, `tags[]`, `parties[].aliases[]`, `claims[].stances[].note`.
fn text_keys() -> Vec<String> {
    let schema = story_schema();
    let defs = schema["$defs"].clone();
    let mut out = Vec::new();
    walk(&schema, &defs, "", &mut out);
    out
}

fn resolve<'a>(node: &'a Value, defs: &'a Value) -> &'a Value {
    if let Some(r) = node["$ref"].as_str() {
        return &defs[r.rsplit('/').next().unwrap()];
    }
    if let Some(any) = node["anyOf"].as_array() {
        if let Some(v) = any.iter().find(|v| v["type"] != "null") {
            return resolve(v, defs);
        }
    }
    node
}

fn is_text(node: &Value) -> bool {
    node["pattern"] == TEXT_PATTERN
}

fn walk(node: &Value, defs: &Value, path: &str, out: &mut Vec<String>) {
    let node = resolve(node, defs);
    if is_text(node) {
        out.push(path.to_string());
        return;
    }
    if let Some(items) = node.get("items") {
        walk(items, defs, &format!("{path}[]"), out);
        return;
    }
    if let Some(props) = node["properties"].as_object() {
        for (key, v) in props {
            let p = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            walk(v, defs, &p, out);
        }
    }
}

fn fixture_yaml() -> Value {
    let text = std::fs::read_to_string(repo().join(FILE)).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// Every concrete path of a schema path in the fixture (`parties[]` → `parties[0]`,
/// `parties[1]`), with the value there (`None` where the key is not set).
fn concrete(v: &Value, path: &str) -> Vec<(String, Option<Value>)> {
    fn go(v: Option<&Value>, parts: &[&str], at: String, out: &mut Vec<(String, Option<Value>)>) {
        let Some((first, rest)) = parts.split_first() else {
            out.push((at, v.cloned()));
            return;
        };
        let (key, list) = match first.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (*first, false),
        };
        let here = if key.is_empty() {
            v
        } else {
            v.and_then(|v| v.get(key))
        };
        let name = if at.is_empty() {
            key.to_string()
        } else if key.is_empty() {
            at.clone()
        } else {
            format!("{at}.{key}")
        };
        if list {
            match here.and_then(Value::as_array) {
                Some(items) if !items.is_empty() => {
                    for (i, item) in items.iter().enumerate() {
                        go(Some(item), rest, format!("{name}[{i}]"), out);
                    }
                }
                _ => out.push((format!("{name}[0]"), None)),
            }
        } else {
            go(here, rest, name, out);
        }
    }
    let parts: Vec<&str> = path.split('.').collect();
    let mut out = Vec::new();
    go(Some(v), &parts, String::new(), &mut out);
    out
}

/// Every text key of the schema, at every place the marker story has it.
fn markers() -> Vec<(String, String)> {
    let yaml = fixture_yaml();
    let mut out = Vec::new();
    for key in text_keys() {
        for (path, value) in concrete(&yaml, &key) {
            out.push((path.clone(), marker(&path)));
            assert_eq!(
                value.as_ref().and_then(Value::as_str),
                Some(marker(&path).as_str()),
                "the schema has the text key `{key}`: set `{path}` to `{}` in {FILE}",
                marker(&path)
            );
        }
    }
    out
}

fn story() -> Story {
    let r = storyx::story::parse::parse_str(
        std::path::Path::new(FILE),
        &std::fs::read_to_string(repo().join(FILE)).unwrap(),
    );
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    r.story.unwrap()
}

/// The markers of an item (`parties[1]`): every text key under its path.
fn item_markers(all: &[(String, String)], item: &str) -> Vec<String> {
    all.iter()
        .filter(|(p, _)| p.starts_with(&format!("{item}.")))
        .map(|(_, m)| m.clone())
        .collect()
}

/// What an item shows of its references and other values, as they display.
fn shown_values(s: &Story, item: &str) -> Vec<String> {
    let (list, i) = item.trim_end_matches(']').split_once('[').unwrap();
    let i: usize = i.parse().unwrap();
    let src = |id: &Option<storyx::story::Str>| {
        let src = s.source(id.as_deref().unwrap()).unwrap();
        src.name.to_string()
    };
    match list {
        "parties" => vec![s.parties[i].kind.to_string()],
        "quotes" => {
            let q = &s.quotes[i];
            let mut v = vec![
                s.name_of(&q.by).to_string(),
                q.date.as_ref().unwrap().to_string(),
                src(&q.source),
            ];
            v.extend(q.via.as_deref().map(|x| s.name_of(x).to_string()));
            v
        }
        "claims" => {
            let c = &s.claims[i];
            let mut v = vec![c.status.unwrap().to_string(), src(&c.source)];
            for st in &c.stances {
                v.push(s.name_of(&st.by).to_string());
                v.push(
                    s.quote(st.quote.as_deref().unwrap())
                        .unwrap()
                        .text
                        .to_string(),
                );
            }
            v
        }
        "timeline" => {
            let e = &s.timeline[i];
            let mut v = vec![e.date.as_ref().unwrap().to_string(), src(&e.source)];
            v.extend(e.involves.iter().map(|x| s.name_of(x).to_string()));
            v
        }
        "sources" => {
            let x = &s.sources[i];
            vec![
                x.date.as_ref().unwrap().to_string(),
                x.url.as_deref().unwrap().to_string(),
            ]
        }
        _ => vec![],
    }
}

/// The items in the order `show` lists them, each with the marker that heads it.
fn items_in_order(s: &Story) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |list: &str, n: usize, key: &str| {
        for i in 0..n {
            let item = format!("{list}[{i}]");
            out.push((item.clone(), marker(&format!("{item}.{key}"))));
        }
    };
    add("parties", s.parties.len(), "name");
    add("analysts", s.analysts.len(), "name");
    add("quotes", s.quotes.len(), "text");
    add("claims", s.claims.len(), "text");
    add("timeline", s.timeline.len(), "title");
    add("sources", s.sources.len(), "name");
    out
}

/// Each item's own part of `output`: from the line where its head marker first
/// appears (after the previous item's) to the line where the next item's does.
fn parts<'a>(output: &'a str, heads: &[(String, String)]) -> Vec<(String, &'a str)> {
    let mut starts = Vec::new();
    let mut from = 0;
    for (item, head) in heads {
        let at = from
            + output[from..]
                .find(head.as_str())
                .unwrap_or_else(|| panic!("{item} ({head}) missing after byte {from}:\n{output}"));
        let line = output[..at].rfind('\n').map_or(0, |n| n + 1);
        starts.push((item.clone(), line));
        from = at + head.len();
    }
    starts
        .iter()
        .enumerate()
        .map(|(n, (item, start))| {
            let end = starts.get(n + 1).map_or(output.len(), |(_, e)| *e);
            (item.clone(), &output[*start..end.max(*start)])
        })
        .collect()
}

fn the_story_part<'a>(output: &'a str, first_head: &str) -> &'a str {
    &output[..output.find(first_head).unwrap()]
}

/// A direct quote's words in quotation marks; reported speech never, and marked.
fn display_rules(part: &str, s: &Story, what: &str) {
    for q in &s.quotes {
        if !part.contains(q.text.as_str()) {
            continue;
        }
        let quoted = part.contains(&format!("“{}”", q.text));
        match q.kind {
            QuoteKind::Direct => {
                assert!(quoted, "{what}: {} not in quotation marks:\n{part}", q.text)
            }
            QuoteKind::Paraphrase => {
                assert!(
                    !quoted && !part.contains(&format!("\"{}", q.text)),
                    "{what}: reported speech quoted:\n{part}"
                );
                assert!(
                    part.contains("(reported"),
                    "{what}: reported speech not marked:\n{part}"
                );
            }
            // A refusal is reported speech: never in quotation marks.
            QuoteKind::Declined | QuoteKind::NoResponse => {
                assert!(!quoted, "{what}: a refusal quoted:\n{part}")
            }
        }
    }
}

fn check_parts(
    what: &str,
    output: &str,
    s: &Story,
    all: &[(String, String)],
    parts: &[(String, &str)],
) {
    for (item, part) in parts {
        let mut want = item_markers(all, item);
        want.extend(shown_values(s, item));
        for m in want {
            assert!(
                part.contains(&m),
                "{what}: {item} lacks {m} in its part:\n{part}\n--- whole output:\n{output}"
            );
        }
        display_rules(part, s, &format!("{what} {item}"));
    }
}

fn story_markers_in(what: &str, head: &str, all: &[(String, String)], s: &Story) {
    for p in ["title", "question", "summary", "tags[0]", "tags[1]"] {
        let m = marker(p);
        assert!(all.iter().any(|(x, _)| x == p), "{p} is a text key");
        assert!(
            head.contains(&m),
            "{what}: the story's {p} ({m}) is not before the first item:\n{head}"
        );
    }
    assert!(
        head.contains(&s.date.as_ref().unwrap().to_string()),
        "{what}: date:\n{head}"
    );
}

#[test]
fn the_marker_story_sets_every_text_key_of_the_schema() {
    let keys = text_keys();
    // The walk finds the format's text keys (a sanity check on the walk itself).
    for k in [
        "title",
        "tags[]",
        "parties[].aliases[]",
        "claims[].stances[].note",
        "sources[].note",
    ] {
        assert!(keys.contains(&k.to_string()), "{k} not in {keys:?}");
    }
    let all = markers();
    let distinct: std::collections::HashSet<&String> = all.iter().map(|(_, m)| m).collect();
    assert_eq!(distinct.len(), all.len());
    story();
}

#[test]
fn show_text_carries_every_field_in_each_items_part() {
    let all = markers();
    let s = story();
    let out = stdout(&storyx(&repo(), &["show", "every-field", DIR]));
    let heads = items_in_order(&s);
    story_markers_in("show", the_story_part(&out, &heads[0].1), &all, &s);
    check_parts("show", &out, &s, &all, &parts(&out, &heads));
    // Stances read as English, with their notes.
    assert!(
        out.contains(
            "mkParties1Name (mkParties1Role, mkParties0Name) has no comment on the claim — mkClaims0Stances1Note"
        ),
        "{out}"
    );
    // Format 2 as the format words it: a refusal as reported speech with whom it was
    // refused to, a source with its chain of citations, a stance with its history.
    for want in [
        "mkParties1Name (mkParties1Role, mkParties0Name) mkQuotes4Text (to mkQuotes4To)",
        "mkAnalysts0Name (reported): mkQuotes2Text (to mkQuotes2To)",
        "mkSources3Name (mkSources3Outlet), citing mkSources2Name (mkSources2Outlet), \
         citing mkSources0Name (mkSources0Outlet; document, by mkParties0Name)",
        "mkAnalysts0Name has a mixed view of the claim (since 4 Mar 2024); \
         earlier: supports the claim (1 Mar 2024) — mkClaims1Stances0Note",
        "earlier (1 Mar 2024): mkClaims1Stances1Note",
    ] {
        assert!(out.contains(want), "{want}\n---\n{out}");
    }
    assert!(!out.contains("“mkQuotes4Text"), "{out}");
}

#[test]
fn markdown_carries_every_field_in_each_items_part() {
    let all = markers();
    let s = story();
    let out = stdout(&storyx(
        &repo(),
        &["show", "every-field", DIR, "--format", "markdown"],
    ));
    // Markdown lists the claims as a table, then their notes, before the quotes.
    let order = items_in_order(&s);
    let of = |list: &str| {
        order
            .iter()
            .filter(|(i, _)| i.starts_with(list))
            .cloned()
            .collect::<Vec<_>>()
    };
    let claims = of("claims[");
    let heads: Vec<(String, String)> = [
        of("parties["),
        of("analysts["),
        claims.clone(),
        claims,
        of("quotes["),
        of("timeline["),
        of("sources["),
    ]
    .concat();
    story_markers_in("markdown", the_story_part(&out, &heads[0].1), &all, &s);
    let mut ps = parts(&out, &heads);
    // A claim's part is its table row and its notes together.
    let mut joined: Vec<(String, String)> = Vec::new();
    for (item, part) in ps.drain(..) {
        match joined.iter_mut().find(|(i, _)| *i == item) {
            Some((_, p)) => p.push_str(part),
            None => joined.push((item, part.to_string())),
        }
    }
    let refs: Vec<(String, &str)> = joined
        .iter()
        .map(|(i, p)| (i.clone(), p.as_str()))
        .collect();
    check_parts("markdown", &out, &s, &all, &refs);
}

/// Every value of the fixture's YAML at its path in the JSON (dates as written:
/// YAML reads 2024 as a number; `format` a number).
fn same(yaml: &Value, json: &Value, at: &str) {
    match yaml {
        Value::Object(m) => {
            for (k, v) in m {
                same(v, &json[k], &format!("{at}.{k}"));
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                same(v, &json[i], &format!("{at}[{i}]"));
            }
        }
        Value::Number(n) if at.ends_with("format") => assert_eq!(json.as_u64(), n.as_u64(), "{at}"),
        Value::Number(n) => assert_eq!(json.as_str(), Some(n.to_string().as_str()), "{at}"),
        v => assert_eq!(v, json, "{at}"),
    }
}

#[test]
fn show_json_has_every_value_at_its_path() {
    let out = stdout(&storyx(&repo(), &["show", "every-field", DIR, "--json"]));
    let json: Value = serde_json::from_str(&out).unwrap();
    same(&fixture_yaml(), &json, "");
}

#[test]
fn the_clipboard_copy_carries_every_field_of_the_item() {
    let all = markers();
    let s = story();
    for (item, _) in items_in_order(&s) {
        let (list, i) = item.trim_end_matches(']').split_once('[').unwrap();
        let pane = match list {
            "parties" => Pane::Parties,
            "analysts" => Pane::Analysts,
            "quotes" => Pane::Quotes,
            "claims" => Pane::Claims,
            "timeline" => Pane::Timeline,
            _ => Pane::Sources,
        };
        let text = storyx::app::effects::copy_text(&s, pane, i.parse().unwrap()).unwrap();
        check_parts("y", &text, &s, &all, &[(item.clone(), text.as_str())]);
    }
}

#[test]
fn who_carries_each_quote_and_stance_with_what_it_cites() {
    let s = story();
    let all = markers();
    for (id, name) in s
        .parties
        .iter()
        .map(|p| (&p.id, &p.name))
        .chain(s.analysts.iter().map(|a| (&a.id, &a.name)))
    {
        let out = stdout(&storyx(&repo(), &["who", id, DIR]));
        assert!(out.starts_with(name.as_str()), "{out}");
        // What they are, as the detail shows it; the events they are in.
        let own = match s.parties.iter().position(|p| p.id == *id) {
            Some(i) => (format!("parties[{i}]"), "  party: "),
            None => {
                let i = s.analysts.iter().position(|a| a.id == *id).unwrap();
                (format!("analysts[{i}]"), "  analyst: ")
            }
        };
        check_parts(
            &format!("who {id}"),
            &out,
            &s,
            &all,
            &[(own.0, block(&out, own.1))],
        );
        for (ei, e) in s
            .timeline
            .iter()
            .enumerate()
            .filter(|(_, e)| e.involves.contains(id))
        {
            let part = block(&out, e.title.as_str());
            check_parts(
                &format!("who {id}"),
                &out,
                &s,
                &all,
                &[(format!("timeline[{ei}]"), part)],
            );
        }
        // Each quote by them: its line and the lines under it.
        for (qi, q) in s.quotes.iter().enumerate().filter(|(_, q)| q.by == *id) {
            let part = block(&out, q.text.as_str());
            check_parts(
                &format!("who {id}"),
                &out,
                &s,
                &all,
                &[(format!("quotes[{qi}]"), part)],
            );
        }
        // Quotes they relayed: each with every field under it, and the display rules.
        for (qi, q) in s
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.via() == Some(id.as_str()))
        {
            let line = out
                .lines()
                .find(|l| l.contains("relayed") && l.contains(q.text.as_str()))
                .unwrap_or_else(|| panic!("{out}"));
            assert!(line.contains(s.name_of(&q.by)), "{line}");
            let part = block(&out, line);
            check_parts(
                &format!("who {id} relayed"),
                &out,
                &s,
                &all,
                &[(format!("quotes[{qi}]"), part)],
            );
        }
        // Each stance: English, the claim's status, the note and the quote it cites.
        for c in &s.claims {
            for st in c.stances.iter().filter(|st| st.by == *id) {
                let part = block(&out, c.text.as_str());
                let cited = s.quote(st.quote.as_deref().unwrap()).unwrap();
                let phrase = storyx::wording::stance_phrase(st.stance);
                for want in [
                    phrase,
                    c.status.unwrap().as_str(),
                    st.note.as_deref().unwrap(),
                    cited.text.as_str(),
                ] {
                    assert!(
                        part.contains(want),
                        "who {id}: stance on {} lacks {want}:\n{part}",
                        c.id
                    );
                }
                display_rules(part, &s, &format!("who {id} citing"));
            }
        }
        // JSON: the claim's status and the cited quote.
        let v: Value =
            serde_json::from_str(&stdout(&storyx(&repo(), &["who", id, DIR, "--json"]))).unwrap();
        for st in v["stories"][0]["stances"].as_array().unwrap() {
            assert!(st["claim_status"].is_string(), "{st}");
            assert_eq!(st["quote_cited"]["id"], st["quote"], "{st}");
            assert!(
                st["quote_cited"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("mkQuotes"),
                "{st}"
            );
        }
    }
}

/// The line of `out` holding `text`, with the more deeply indented lines under it.
fn block<'a>(out: &'a str, text: &str) -> &'a str {
    let at = out
        .find(text)
        .unwrap_or_else(|| panic!("{text} missing:\n{out}"));
    let start = out[..at].rfind('\n').map_or(0, |n| n + 1);
    let mut end = out[at..].find('\n').map_or(out.len(), |n| at + n + 1);
    while out[end..].starts_with("    ") {
        end = out[end..].find('\n').map_or(out.len(), |n| end + n + 1);
    }
    &out[start..end]
}

/// Text keys search does not look in (long texts kept out of the index).
const NOT_SEARCHED: &[&str] = &["summary", "sources[].note", "claims[].stances[].note"];

#[test]
fn search_finds_each_searched_field_and_says_which_it_was() {
    let all = markers();
    for (path, m) in &all {
        let schema_path: String = {
            let mut out = String::new();
            let mut skip = false;
            for c in path.chars() {
                match c {
                    '[' => {
                        out.push_str("[]");
                        skip = true;
                    }
                    ']' => skip = false,
                    c if !skip => out.push(c),
                    _ => {}
                }
            }
            out
        };
        if NOT_SEARCHED.contains(&schema_path.as_str()) {
            continue;
        }
        let out = storyx(&repo(), &["search", m, DIR, "--json", "--limit", "1"]);
        assert_eq!(out.status.code(), Some(0), "{m}: {}", stderr(&out));
        let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let hit = &v[0];
        // The item's own key: `parties[0].aliases[1]` → `aliases[1]`; the story's own keys as they are.
        let (want_kind, want_field) = match path.split_once("].") {
            Some((list, key)) => (list.split('[').next().unwrap(), key.to_string()),
            None => ("story", path.clone()),
        };
        let kind = match want_kind {
            "parties" => "party",
            "analysts" => "analyst",
            "quotes" => "quote",
            "claims" => "claim",
            "timeline" => "event",
            "sources" => "source",
            k => k,
        };
        assert_eq!(
            (hit["kind"].as_str(), hit["field"].as_str()),
            (Some(kind), Some(want_field.as_str())),
            "{m}: {hit}"
        );
        let snippet = hit["snippet"].as_str().unwrap();
        let lit: String = snippet
            .chars()
            .enumerate()
            .filter(|(i, _)| {
                hit["snippet_positions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p == i)
            })
            .map(|(_, c)| c)
            .collect();
        assert_eq!(lit, *m, "{hit}");
    }
}

/// `export --jsonl`: one line per item, each with every value the fixture gives
/// the item, at its key (the item's own `kind` as `quote_kind`, `party_kind`,
/// `source_kind`; an event's `title` as its `text`), and `by_name` for every `by`.
#[test]
fn export_jsonl_has_every_value_of_each_item_on_its_line() {
    let s = story();
    let out = storyx(&repo(), &["export", "--jsonl", DIR]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let yaml = fixture_yaml();
    let head = &lines[0];
    assert_eq!(
        (head["kind"].as_str(), head["story"].as_str()),
        (Some("story"), Some("every-field"))
    );
    for (k, v) in yaml.as_object().unwrap() {
        if !v.is_array() || k == "tags" {
            same(v, &head[k], k);
        }
    }
    let mut count = 1;
    for (list, kind) in [
        ("parties", "party"),
        ("analysts", "analyst"),
        ("quotes", "quote"),
        ("claims", "claim"),
        ("timeline", "event"),
        ("sources", "source"),
    ] {
        for (i, item) in yaml[list].as_array().unwrap().iter().enumerate() {
            let line = lines
                .iter()
                .find(|l| l["kind"] == kind && l["index"] == i)
                .unwrap_or_else(|| panic!("no line for {list}[{i}]"));
            count += 1;
            assert_eq!(line["story"], "every-field");
            assert_eq!(line["title"], "mkTitle");
            for (k, v) in item.as_object().unwrap() {
                let key = match (kind, k.as_str()) {
                    ("quote" | "party" | "source", "kind") => format!("{kind}_kind"),
                    ("event", "title") => "text".to_string(),
                    _ => k.clone(),
                };
                same(v, &line[&key], &format!("{list}[{i}].{k}"));
                if k == "by" || k == "via" {
                    let name = s.name_of(v.as_str().unwrap());
                    assert_eq!(line[format!("{k}_name")], name, "{list}[{i}]");
                }
            }
            for (j, st) in item["stances"].as_array().into_iter().flatten().enumerate() {
                let name = s.name_of(st["by"].as_str().unwrap());
                assert_eq!(line["stances"][j]["by_name"], name, "{list}[{i}]");
            }
            // The main text, as search shows it.
            let text = ["text", "name", "title"]
                .iter()
                .find_map(|k| item[k].as_str())
                .unwrap();
            assert_eq!(line["text"], text, "{list}[{i}]");
        }
    }
    assert_eq!(lines.len(), count, "one line per item, no more");
}

/// `claim`: each claim in text, with every field and what it cites, and in JSON with
/// every value at its path (the claim as `show --json` has it).
#[test]
fn claim_carries_every_field_of_the_claim_with_what_it_cites() {
    let s = story();
    let all = markers();
    let yaml = fixture_yaml();
    for (ci, c) in s.claims.iter().enumerate() {
        let out = stdout(&storyx(&repo(), &["claim", &c.id, DIR]));
        assert!(out.contains(&marker("title")), "the story's title:\n{out}");
        assert!(
            out.contains(&s.date.as_ref().unwrap().to_string()),
            "the story's date:\n{out}"
        );
        let item = format!("claims[{ci}]");
        check_parts("claim", &out, &s, &all, &[(item, out.as_str())]);
        // Every stance of a history, the earlier ones' notes with them.
        for st in &c.stances {
            assert!(out.contains(st.note.as_deref().unwrap()), "{out}");
        }
        let v: Value =
            serde_json::from_str(&stdout(&storyx(&repo(), &["claim", &c.id, DIR, "--json"])))
                .unwrap();
        let shown = &v["stories"][0]["claim"];
        let want = &yaml["claims"][ci];
        for (k, w) in want.as_object().unwrap() {
            if k == "stances" {
                continue;
            }
            assert_eq!(&shown[k], w, "claim {}: {k}", c.id);
        }
        for (i, w) in want["stances"].as_array().unwrap().iter().enumerate() {
            for (k, w) in w.as_object().unwrap() {
                assert_eq!(
                    &shown["stances"][i][k], w,
                    "claim {}: stances[{i}].{k}",
                    c.id
                );
            }
            let cited = &shown["stances"][i]["quote_cited"];
            assert_eq!(cited["id"], shown["stances"][i]["quote"]);
            assert!(cited["text"].as_str().unwrap().starts_with("mkQuotes"));
        }
        assert_eq!(v["stories"][0]["title"], marker("title"));
    }
}

/// `who` on a party gathers its spokespeople's words, each with every field and its
/// speaker as the format words it; refusals never in quotation marks.
#[test]
fn who_gathers_a_partys_spokespeoples_quotes_with_every_field() {
    let s = story();
    let all = markers();
    for p in &s.parties {
        let out = stdout(&storyx(&repo(), &["who", &p.id, DIR]));
        let v: Value =
            serde_json::from_str(&stdout(&storyx(&repo(), &["who", &p.id, DIR, "--json"])))
                .unwrap();
        let spokespeople: Vec<&str> = s
            .parties
            .iter()
            .filter(|x| x.speaks_for.as_deref() == Some(p.id.as_str()))
            .map(|x| x.id.as_str())
            .collect();
        let said: Vec<(usize, &storyx::story::Quote)> = s
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| spokespeople.contains(&q.by.as_str()))
            .collect();
        let json_ids: Vec<&str> = v["stories"][0]["spokespeople_quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        let want_ids: Vec<&str> = said.iter().map(|(_, q)| q.id.as_deref().unwrap()).collect();
        assert_eq!(json_ids, want_ids, "who {} --json", p.id);
        for (qi, q) in said {
            let speaker = storyx::export::plain::speaker_name(&s, &q.by);
            let line = out
                .lines()
                .find(|l| l.contains(q.text.as_str()) && l.contains(&speaker))
                .unwrap_or_else(|| panic!("who {}: {} with its speaker:\n{out}", p.id, q.text));
            let part = block(&out, line);
            check_parts(
                &format!("who {}", p.id),
                &out,
                &s,
                &all,
                &[(format!("quotes[{qi}]"), part)],
            );
        }
    }
    // The marker story has one: mkParties1Name speaks for mkParties0Name.
    let out = stdout(&storyx(&repo(), &["who", "pa", DIR]));
    assert!(
        out.contains(
            "mkParties1Name (mkParties1Role, mkParties0Name) mkQuotes4Text (to mkQuotes4To)"
        ),
        "{out}"
    );
}
