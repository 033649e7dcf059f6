//! The bundled story against the article it is written from
//! (`tests/fixtures/draft/alibaba-allegations.txt`, a copy of the seed article):
//! every word it puts in quotation marks is the article's, verbatim, and what the
//! article says in its own voice is attributed to the article.

mod common;

use common::{repo, stdout, storyx};

const STORY: &str = "alibaba-military-allegations";

fn article() -> String {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/draft/alibaba-allegations.txt"))
        .expect("the article");
    squeeze(&text)
}

/// Runs of white space as one space (story texts are folded YAML).
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn story() -> serde_json::Value {
    let out = storyx(&repo(), &["show", STORY, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Every string in a JSON value, with its path.
fn strings(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                strings(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The phrases of `text` between “ and ” (the outermost pair).
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '“' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '”' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(text[start..i].to_string());
                }
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "an unclosed quotation mark in {text:?}");
    out
}

/// Whether `phrase` is in the article word for word (a quote that starts a
/// sentence of the story may capitalise its first letter, or not).
fn in_article(article: &str, phrase: &str) -> bool {
    let phrase = squeeze(phrase);
    let mut chars = phrase.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    first
        .to_lowercase()
        .chain(first.to_uppercase())
        .any(|f| article.contains(&format!("{f}{rest}")))
}

#[test]
fn every_quoted_phrase_and_direct_quote_is_the_articles_words_verbatim() {
    let article = article();
    let story = story();
    let mut texts = Vec::new();
    strings(&story, String::new(), &mut texts);
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (path, text) in &texts {
        for phrase in quoted(text) {
            checked += 1;
            if !in_article(&article, &phrase) {
                wrong.push(format!("{path}: “{phrase}”"));
            }
        }
    }
    for q in story["quotes"].as_array().unwrap() {
        if q["kind"] == "direct" {
            checked += 1;
            let text = q["text"].as_str().unwrap();
            if !article.contains(&squeeze(text)) {
                wrong.push(format!("quote {}: {text:?}", q["id"]));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "not the article's words:\n{}",
        wrong.join("\n")
    );
    // The story quotes the article in its summary, notes and contexts, not only in its quotes.
    assert!(checked >= 20, "only {checked} quoted phrases");
}

fn squeezed(v: &serde_json::Value) -> String {
    squeeze(v.as_str().unwrap_or_default())
}

fn by_id<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn the_articles_own_voice_is_attributed_to_it_with_its_hedges() {
    let story = story();
    let summary = squeezed(&story["summary"]);
    let note = squeezed(&by_id(&story["sources"], "article")["note"]);

    // Analysts' caution is the article's sentence, given to no named analyst.
    assert!(
        summary.contains(
            "The source article says, naming no analyst: “Analysts are cautious about the claims made by both sides.”"
        ),
        "{summary}"
    );
    // The hedge "suggests" and the incomplete list ("including") are kept.
    assert!(
        note.contains("“This structure suggests that businesses"),
        "{note}"
    );
    assert!(
        summary.contains("sensitive customer data, “including IP addresses"),
        "{summary}"
    );
    assert!(!summary.contains("data (IP addresses"), "{summary}");
    // "Gaining traction" is the article's judgement, in the summary and the event.
    assert!(
        summary.contains("The article judges that the call to delist"),
        "{summary}"
    );
    let event = by_id(&story["timeline"], "delisting-calls-grow");
    assert!(
        squeezed(&event["title"]).ends_with("the article judges"),
        "{event}"
    );
    assert!(
        squeezed(&event["detail"]).starts_with("The article’s own judgement"),
        "{event}"
    );
    // What the audit found missing is carried, in the article's own source note.
    for missing in [
        "“Even if the specifics of military cooperation are unclear, the fundamental issue lies in Alibaba’s role within a system that is perceived as adversarial to the free world”",
        "have weakened support for free trade globally”",
        "the broader implications of doing business with Chinese firms warrant serious consideration”",
        "is not just about a single company;",
    ] {
        assert!(note.contains(missing), "the article's note lacks {missing:?}: {note}");
    }
}

#[test]
fn alibabas_the_article_is_explained_as_the_report_it_answered() {
    let story = story();
    let quote = by_id(&story["quotes"], "alibaba-denial");
    assert_eq!(
        quote["text"],
        "The assertions and innuendoes in the article are completely false"
    );
    let explained = "is the report Alibaba was answering, which the source article does not name; it is not the article this story is written from.";
    let context = squeezed(&quote["context"]);
    assert!(context.contains(explained), "{context}");
    let position = squeezed(&by_id(&story["parties"], "alibaba")["position"]);
    assert!(position.contains(explained), "{position}");
    // The explorer's and `show`'s outputs carry the context with the quote.
    let out = storyx(&repo(), &["show", STORY]);
    assert!(
        squeeze(&stdout(&out)).contains(explained),
        "{}",
        stdout(&out)
    );
}
