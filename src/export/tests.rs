//! Unit tests of the Markdown export: the document is parsed back with a CommonMark + GFM
//! parser (pulldown-cmark) and its structure compared with the story, for a story whose text
//! is full of Markdown syntax and control characters.

use std::path::Path;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::*;
use crate::story::parse::parse_str;

fn load(yaml: &str) -> Story {
    let r = parse_str(Path::new("t.yaml"), yaml);
    r.story
        .unwrap_or_else(|| panic!("test story loads: {:#?}", r.diagnostics))
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The blocks of a document, each as its kind and its rendered text.
#[derive(Debug, PartialEq)]
enum Block {
    Heading(u8, String),
    Paragraph(String),
    Quote(String),
    List(Vec<String>),
    Table(Vec<Vec<String>>),
}

/// Parses Markdown into top-level blocks; panics on anything the export must never make
/// from story text (HTML, code, links other than a source's autolink, math, images,
/// footnotes, strikethrough, task lists).
fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut depth = 0;
    let mut items: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::Heading { .. }
                    | Tag::Paragraph
                    | Tag::BlockQuote(_)
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::TableCell
                    | Tag::Strong
                    | Tag::Emphasis => {}
                    Tag::Link {
                        link_type: LinkType::Autolink,
                        dest_url,
                        ..
                    } if dest_url.as_ref() == "https://example.com/a_b?c=d" => {}
                    other => panic!("unexpected {other:?} in\n{md}"),
                }
                if matches!(tag, Tag::List(Some(_))) {
                    panic!("an ordered list in\n{md}");
                }
                if depth == 0 {
                    text.clear();
                }
                if matches!(tag, Tag::Item | Tag::TableCell) {
                    text.clear();
                }
                depth += 1;
            }
            Event::End(end) => {
                depth -= 1;
                match end {
                    TagEnd::Item => items.push(std::mem::take(&mut text)),
                    TagEnd::TableCell => row.push(std::mem::take(&mut text)),
                    TagEnd::TableHead | TagEnd::TableRow => rows.push(std::mem::take(&mut row)),
                    _ => {}
                }
                if depth == 0 {
                    out.push(match end {
                        TagEnd::Heading(level) => Block::Heading(level as u8, text.clone()),
                        TagEnd::Paragraph => Block::Paragraph(text.clone()),
                        TagEnd::BlockQuote(_) => Block::Quote(text.trim().to_string()),
                        TagEnd::List(_) => Block::List(std::mem::take(&mut items)),
                        TagEnd::Table => Block::Table(std::mem::take(&mut rows)),
                        other => panic!("unexpected end {other:?}"),
                    });
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            other => panic!("unexpected {other:?} in\n{md}"),
        }
    }
    out
}

const HOSTILE: &str = r##"
id: hostile
title: "# Not a heading | *bold* <b>html</b> [link](http://x) `code` $x$ ~~gone~~ {#id} \e[31mred #"
date: 2024-05~
question: "- not a list"
summary: "1. not a list\n\n> not a quote\n\n    not code\n\n---\n\n<script>alert(1)</script>\n\n&amp; [^1] [ ] done"
tags: ["#tag", "a|b"]
parties:
  - id: acme
    name: "Acme | Pipes"
    kind: company
    position: "Says | it ## is *fine*"
  - id: silent
    name: "+ Silent"
    position: "=== no heading"
analysts:
  - id: jane
    name: "Jane_Doe"
    role: "<i>role</i>"
    view: "![img](http://x/y.png)"
quotes:
  - by: acme
    text: "We did nothing\nwrong | at all"
    source: src
    date: 2024-05-02
  - by: jane
    via: acme
    kind: paraphrase
    text: "1) she said \"so\""
    source: src
claims:
  - id: c1
    text: "A | B"
    status: disputed
    stances:
      - {by: jane, stance: mixed}
      - {by: acme, stance: disputes}
  - id: c2
    text: "C \\| D"
    stances:
      - {by: acme, stance: no-comment}
timeline:
  - title: "Later"
    date: 2024-06
  - title: "# Earlier"
    date: 2024-01
sources:
  - id: src
    name: "Src [1]"
    url: "https://example.com/a_b?c=d"
"##;

#[test]
fn hostile_text_keeps_the_documents_structure() {
    let s = load(HOSTILE);
    let md = markdown(&s);
    assert!(!md.contains('\x1b'), "{md}");
    let b = blocks(&md);
    let headings: Vec<&Block> = b
        .iter()
        .filter(|x| matches!(x, Block::Heading(..)))
        .collect();
    assert_eq!(
        headings,
        [
            &Block::Heading(1, sanitize_line(&s.title).into_owned()),
            &Block::Heading(2, "Parties".into()),
            &Block::Heading(2, "Analysts".into()),
            &Block::Heading(2, "Claims".into()),
            &Block::Heading(2, "Quotes".into()),
            &Block::Heading(2, "Timeline".into()),
            &Block::Heading(2, "Sources".into()),
        ],
        "{md}"
    );
    // The title reads back exactly, the escape sequence shown as a visible placeholder.
    assert!(sanitize_line(&s.title).contains("␛[31mred"));

    // Date, question, the summary's paragraphs as text (no list, quote, code, rule or HTML).
    let paragraphs: Vec<&str> = b
        .iter()
        .filter_map(|x| match x {
            Block::Paragraph(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(paragraphs[0], "Date: c. May 2024");
    assert_eq!(paragraphs[1], "Question: - not a list");
    assert_eq!(
        &paragraphs[2..8],
        [
            "1. not a list",
            "> not a quote",
            "not code",
            "---",
            "<script>alert(1)</script>",
            "&amp; [^1] [ ] done"
        ]
    );
    assert_eq!(paragraphs[8], "Tags: #tag, a|b");

    let lists: Vec<&Vec<String>> = b
        .iter()
        .filter_map(|x| match x {
            Block::List(items) => Some(items),
            _ => None,
        })
        .collect();
    assert_eq!(lists.len(), 5, "{md}");
    assert_eq!(
        lists[0],
        &[
            "Acme | Pipes (company): Says | it ## is *fine*",
            "+ Silent (other): === no heading"
        ]
    );
    assert_eq!(lists[1], &["Jane_Doe, <i>role</i>: ![img](http://x/y.png)"]);
    // Under the claims table, what a cell cannot hold: each stance as English.
    assert!(
        md.contains(
            "- **A \\| B** (disputed)\n  - Jane\\_Doe has a mixed view of the claim\n  - Acme \\| Pipes disputes the claim\n"
        ),
        "{md}"
    );
    assert!(
        md.contains(
            "- **C \\\\\\| D** (no status given)\n  - Acme \\| Pipes has no comment on the claim"
        ),
        "{md}"
    );
    assert_eq!(lists[3], &["Jan 2024: # Earlier", "Jun 2024: Later"]);
    assert_eq!(lists[4], &["Src [1] https://example.com/a_b?c=d"]);
}

#[test]
fn the_claims_matrix_has_a_column_per_speaker_who_took_a_stance() {
    let md = markdown(&load(HOSTILE));
    let b = blocks(&md);
    let table = b
        .iter()
        .find_map(|x| match x {
            Block::Table(rows) => Some(rows),
            _ => None,
        })
        .expect("a table");
    // Parties first in file order (`silent` took no stance), then analysts.
    assert_eq!(
        table,
        &[
            vec!["Claim", "Status", "Acme | Pipes", "Jane_Doe"],
            vec!["A | B", "disputed", "✗ disputes", "± mixed"],
            vec!["C \\| D", "", "— no comment", ""],
        ]
    );
}

#[test]
fn direct_quotes_are_block_quotes_and_paraphrases_reported_speech() {
    let md = markdown(&load(HOSTILE));
    let b = blocks(&md);
    let quotes: Vec<&Block> = b.iter().filter(|x| matches!(x, Block::Quote(_))).collect();
    assert_eq!(
        quotes,
        [&Block::Quote(
            "“We did nothing wrong | at all”\n— Acme | Pipes, Src [1], 2 May 2024".into()
        )]
    );
    assert!(md.contains(
        "> “We did nothing wrong \\| at all”\n> — Acme \\| Pipes, Src \\[1\\], 2 May 2024\n"
    ));
    // The paraphrase: no quotation marks added, marked as reported, with who relayed it.
    assert!(b.contains(&Block::Paragraph(
        "Jane_Doe (reported, via Acme | Pipes): 1) she said \"so\" — Src [1]".into()
    )));
    assert!(!md.contains("“1)"));
}

#[test]
fn a_story_with_only_the_required_keys() {
    let md = markdown(&load("id: bare\ntitle: Bare\n"));
    assert_eq!(md, "# Bare\n");
}

#[test]
fn a_paragraph_cannot_start_a_list_or_rule() {
    assert_eq!(paragraph(inline("- a")), "\\- a");
    assert_eq!(paragraph(inline("12. a")), "12\\. a");
    assert_eq!(paragraph(inline("3) a")), "3\\) a");
    assert_eq!(paragraph(inline("2024 was")), "2024 was");
    assert_eq!(paragraph(inline("   # a")), "\\# a");
    assert_eq!(inline("AT&T &amp; a & b"), "AT\\&T \\&amp; a & b");
    assert_eq!(inline("line\none\n\ntwo"), "line one ⏎ two");
}

#[test]
fn attribution_and_reported_speaker_leave_out_what_is_missing() {
    let s = load(
        "id: a\ntitle: T\nsources: [{id: s, name: Rep}]\nparties: [{id: p, name: P, position: x}, {id: v, name: V, position: y}]\n\
quotes:\n  - {by: p, text: t}\n  - {by: p, text: t, via: v, source: s, date: 2001}\n  - {by: p, text: t, date: 2001-02}\n",
    );
    let q = &s.quotes;
    assert_eq!(attribution(&s, &q[0]), "P");
    assert_eq!(attribution(&s, &q[1]), "P (via V), Rep, 2001");
    assert_eq!(attribution(&s, &q[2]), "P, Feb 2001");
    assert_eq!(reported_speaker(&s, &q[0]), "P (reported)");
    assert_eq!(reported_speaker(&s, &q[1]), "P (reported, via V)");
}
