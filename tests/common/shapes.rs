//! Hostile story files of many shapes, each about `size` bytes (1 MB in the tests
//! and the measurements): what a file may expand to (aliases), how deep it nests,
//! and the checks whose work could grow faster than the file (bad references,
//! did-you-means, stance histories, citation chains). Shared by `tests/memory.rs`,
//! `tests/hostile_scaling.rs` and `examples/hostile_shapes.rs` (which writes them
//! out for `/usr/bin/time -v storyx check --no-cache FILE`).
#![allow(dead_code)]

/// One shape: a short name (a file name), what it is, the text.
pub struct Shape {
    pub name: &'static str,
    pub what: &'static str,
    pub text: String,
}

/// `head`, then `entry(i)` for i = 0, 1, … while the text stays within `size`.
fn fill(head: &str, size: usize, entry: impl Fn(usize) -> String) -> String {
    let mut t = String::from(head);
    for i in 0.. {
        let e = entry(i);
        if t.len() + e.len() > size {
            break;
        }
        t.push_str(&e);
    }
    t
}

/// `n` entries of `entry`.
fn repeat(n: usize, entry: impl Fn(usize) -> String) -> String {
    (0..n).map(entry).collect()
}

/// How many entries of about `each` bytes fit in `size` (for files of two lists).
fn fits(size: usize, each: usize) -> usize {
    size / each
}

/// Every shape, each about `size` bytes.
pub fn all(size: usize) -> Vec<Shape> {
    let mut out = Vec::new();
    let mut push = |name, what, text: String| out.push(Shape { name, what, text });
    let big = "x".repeat(size.saturating_sub(200));
    let mid = "y".repeat(size / 10);

    push(
        "scalar-500",
        "a scalar of the whole file, anchored and used 500 times",
        format!(
            "id: a\ntitle: t\nbig: &s {big}\n{}",
            repeat(500, |i| format!("k{i}: *s\n"))
        ),
    );
    push(
        "alias-brace",
        "aliases after `{`",
        fill(&format!("id: a\ntitle: t\nbig: &s {mid}\n"), size, |i| {
            format!("k{i}: {{*s : v}}\n")
        }),
    );
    push(
        "alias-cr",
        "alias keys after CR line breaks",
        fill(&format!("id: a\r\ntitle: t\rbig: &s {mid}\r"), size, |i| {
            format!("k{i}:\r  *s : v\r")
        }),
    );
    push(
        "alias-ls",
        "alias keys after LS (U+2028) line breaks",
        fill(
            &format!("id: a\u{2028}title: t\u{2028}big: &s {mid}\u{2028}"),
            size,
            |i| format!("k{i}:\u{2028}  *s : v\u{2028}"),
        ),
    );
    push(
        "alias-qkey",
        "aliases in explicit `?` keys and after `,` in flow mappings",
        fill(&format!("id: a\ntitle: t\nbig: &s {mid}\n"), size, |i| {
            format!("? [*s, {i}]\n: {{x: 1,*s : v}}\n")
        }),
    );
    push(
        "alias-multidoc",
        "the aliases in a second document",
        fill(
            &format!("id: a\ntitle: t\n---\nbig: &s {mid}\n"),
            size,
            |i| format!("k{i}: *s\n"),
        ),
    );
    let mut laughs = String::from("id: a\ntitle: t\nl0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..12 {
        laughs.push_str(&format!(
            "l{i}: &l{i} [{}]\n",
            vec![format!("*l{}", i - 1); 9].join(", ")
        ));
    }
    push("laughs", "nested aliases (billion laughs)", laughs);
    push(
        "deep-flow",
        "deep flow nesting",
        format!(
            "id: a\ntitle: t\nx: {}",
            "[".repeat(size.saturating_sub(20))
        ),
    );
    push(
        "deep-block",
        "deep block nesting",
        format!(
            "id: a\ntitle: t\n{}",
            repeat(1000, |i| format!("{}- \n", " ".repeat(i)))
        ),
    );
    push(
        "deep-block-ls",
        "deep block nesting with NEL, LS and PS line breaks",
        format!(
            "id: a\ntitle: t\n{}",
            repeat(1000, |i| format!(
                "{}- {}",
                " ".repeat(i),
                ["\u{85}", "\u{2028}", "\u{2029}"][i % 3]
            ))
        ),
    );
    push(
        "big-key",
        "a key of the whole file",
        format!("id: a\ntitle: t\n? {big}\n: 1\n"),
    );
    push(
        "big-ref",
        "a reference of the whole file",
        format!(
            "id: a\ntitle: t\nparties:\n  - {{id: p, name: P, kind: person}}\nquotes:\n  - {{by: {big}, text: hi}}\n"
        ),
    );
    push(
        "values",
        "a million small values",
        format!(
            "id: a\ntitle: t\nx: [{}]\n",
            vec!["1"; size / 2 - 20].join(",")
        ),
    );

    // Bad references: half the file defines ids, half names ids that are not there
    // (each close to one that is: every one gets a did-you-mean).
    let n = fits(size, 90);
    let parties = repeat(n, |i| {
        format!("  - {{id: party-{i:05}, name: P, kind: person}}\n")
    });
    push(
        "bad-by",
        "parties and quotes whose `by` names none of them",
        format!(
            "id: s\ntitle: T\nparties:\n{parties}quotes:\n{}",
            repeat(n, |i| format!("  - {{by: party-{i:05}x, text: hi}}\n"))
        ),
    );
    push(
        "bad-involves",
        "events involving no one known",
        fill(
            "id: s\ntitle: T\nparties:\n  - {id: party-00001, name: P, kind: person}\ntimeline:\n  - {date: 2024, title: e, involves: [",
            size - 10,
            |i| format!("parti-{i:05}, "),
        ) + "]}\n",
    );
    let n = fits(size, 60);
    push(
        "bad-involves-many",
        "parties, and events each involving one who is not there",
        format!(
            "id: s\ntitle: T\nparties:\n{}timeline:\n{}",
            repeat(n / 2, |i| format!(
                "  - {{id: party-{i:05}, name: P, kind: person}}\n"
            )),
            repeat(n / 2, |i| format!(
                "  - {{date: 2024, title: e, involves: [parti-{i:05}]}}\n"
            ))
        ),
    );
    let n = fits(size, 100);
    push(
        "bad-quote",
        "quotes with ids, and stances citing quotes that are not there",
        format!(
            "format: 2\nid: s\ntitle: T\nparties:\n  - {{id: p, name: P, kind: person}}\nquotes:\n{}claims:\n  - id: c\n    text: t\n    stances:\n{}",
            repeat(n / 2, |i| format!("  - {{id: quote-{i:05}, by: p, text: hi}}\n")),
            repeat(n / 2, |i| format!(
                "      - {{by: p, stance: supports, date: 2024-01-01T{:02}:{:02}:{:02}Z, quote: quote-{i:05}x}}\n",
                (i / 3600) % 24,
                (i / 60) % 60,
                i % 60
            ))
        ),
    );
    push(
        "history",
        "one party's history of stances on one claim, each citing a quote",
        format!(
            "format: 2\nid: s\ntitle: T\nparties:\n  - {{id: p, name: P, kind: person}}\n  - {{id: q, name: Q, kind: person, speaks_for: p}}\nquotes:\n{}claims:\n  - id: c\n    text: t\n    stances:\n{}",
            repeat(n / 2, |i| format!("  - {{id: quote-{i:05}, by: q, text: hi}}\n")),
            repeat(n / 2, |i| format!(
                "      - {{by: p, stance: supports, date: {}-{:02}-{:02}, quote: quote-{i:05}}}\n",
                1000 + i / 336,
                (i / 28) % 12 + 1,
                i % 28 + 1
            ))
        ),
    );
    push(
        "repeated-stances",
        "stances on one claim by one party, undated (one each)",
        fill(
            "id: s\ntitle: T\nparties:\n  - {id: p, name: P, kind: person}\nclaims:\n  - id: c\n    text: t\n    stances:\n",
            size,
            |_| "      - {by: p, stance: supports}\n".to_string(),
        ),
    );
    push(
        "cites-chain",
        "sources each citing the one before (a long chain)",
        fill(
            "format: 2\nid: s\ntitle: T\nsources:\n  - {id: src-00000, name: S}\n",
            size,
            |i| {
                format!(
                    "  - {{id: src-{:05}, name: S, cites: [src-{i:05}]}}\n",
                    i + 1
                )
            },
        ),
    );
    push(
        "cites-bad",
        "sources citing sources that are not there",
        fill("format: 2\nid: s\ntitle: T\nsources:\n", size, |i| {
            format!("  - {{id: src-{i:05}, name: S, cites: [srx-{i:05}]}}\n")
        }),
    );
    push(
        "speaks-for",
        "parties speaking for parties that are not there",
        fill("format: 2\nid: s\ntitle: T\nparties:\n", size, |i| {
            format!("  - {{id: party-{i:05}, name: P, kind: person, speaks_for: partx-{i:05}}}\n")
        }),
    );
    push(
        "duplicate-ids",
        "the same id given again and again",
        fill("id: s\ntitle: T\nparties:\n", size, |_| {
            "  - {id: p, name: P, kind: person}\n".to_string()
        }),
    );
    push(
        "unknown-keys",
        "keys the format does not have, each close to one it has",
        fill("id: s\ntitle: T\n", size, |i| format!("titel{i}: x\n")),
    );
    push(
        "bad-dates",
        "events whose dates do not exist",
        fill("id: s\ntitle: T\ntimeline:\n", size, |i| {
            format!("  - {{date: 2024-13-{:02}, title: e}}\n", i % 28 + 1)
        }),
    );
    push(
        "events",
        "a valid timeline of many events",
        fill("id: s\ntitle: T\ntimeline:\n", size, |i| {
            format!(
                "  - {{date: {}-{:02}-{:02}, title: event {i}}}\n",
                1000 + i / 336,
                (i / 28) % 12 + 1,
                i % 28 + 1
            )
        }),
    );
    let n = fits(size, 70);
    push(
        "valid-refs",
        "a valid story of many parties, quotes and stances",
        format!(
            "id: s\ntitle: T\nparties:\n{}quotes:\n{}claims:\n  - id: c\n    text: t\n    stances:\n{}",
            repeat(n / 3, |i| format!(
                "  - {{id: party-{i:05}, name: P, kind: person}}\n"
            )),
            repeat(n / 3, |i| format!(
                "  - {{id: quote-{i:05}, by: party-{i:05}, text: hi}}\n"
            )),
            repeat(n / 4, |i| format!(
                "      - {{by: party-{i:05}, stance: supports, quote: quote-{i:05}}}\n"
            ))
        ),
    );
    out
}
