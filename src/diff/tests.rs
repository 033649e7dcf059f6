//! The semantic diff, change kind by change kind, on stories written as YAML.

use std::path::Path;

use super::*;
use crate::story::parse::parse_str;

fn load(yaml: &str) -> Story {
    let r = parse_str(Path::new("t.yaml"), yaml);
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.severity != crate::story::Severity::Error),
        "{:?}",
        r.diagnostics
    );
    r.story.expect("a story")
}

const BASE: &str = "\
id: s
title: Memo alleges support
date: 2025-11-14
question: Did it happen?
summary: A memo alleges support.
tags: [a, b]
sources:
  - {id: ft, name: FT report, url: https://ft.com/a}
parties:
  - {id: alibaba, name: Alibaba, kind: company, position: Denies the allegations.}
  - {id: embassy, name: Embassy, kind: government, position: Denied the memo.}
analysts:
  - {id: fisher, name: Richard Fisher, view: All entities are complicit.}
quotes:
  - {by: embassy, text: complete distortion of facts}
  - {by: alibaba, text: The assertions are completely false}
  - {by: fisher, kind: paraphrase, text: Fisher noted that practices surpassed the Soviet Union}
claims:
  - id: memo
    text: Alibaba supported military operations.
    status: alleged
    stances:
      - {by: alibaba, stance: disputes}
      - {by: embassy, stance: disputes}
timeline:
  - {date: 2001-12-11, title: China enters the WTO}
  - {date: 2025-11-14, title: FT reports the memo}
  - {title: Embassy denies the memo}
";

/// The base story with `from` replaced by `to` (which must be there).
fn edit(from: &str, to: &str) -> Story {
    assert!(BASE.contains(from), "{from}");
    load(&BASE.replacen(from, to, 1))
}

/// The changes from the base story to an edited one, as `(kind, path)`.
fn kinds(new: &Story) -> Vec<(&'static str, String)> {
    story(&load(BASE), new)
        .into_iter()
        .map(|c| (c.kind.as_str(), c.path))
        .collect()
}

fn one(kind: &'static str, path: &str, new: &Story) -> Change {
    let changes = story(&load(BASE), new);
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(got, [(kind, path)]);
    changes.into_iter().next().unwrap()
}

/// `text` with the lines under the line `block` in this order (`order[i]`: the
/// number of the line that goes `i`th).
fn reorder(text: &str, block: &str, order: &[usize]) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| *l == block).expect("the block") + 1;
    let items: Vec<&str> = order.iter().map(|&i| lines[at + i]).collect();
    lines.splice(at..at + order.len(), items);
    lines.join("\n") + "\n"
}

fn texts(c: &Change) -> (Option<&str>, Option<&str>) {
    (c.before.as_deref(), c.after.as_deref())
}

#[test]
fn the_same_story_has_no_changes_and_neither_has_a_reordered_one() {
    assert!(story(&load(BASE), &load(BASE)).is_empty());
    // Quotes, events, parties and stances in another order; the format version written out.
    let reordered = ["parties:", "quotes:", "    stances:", "timeline:"]
        .iter()
        .zip([&[1, 0][..], &[2, 1, 0], &[1, 0], &[1, 2, 0]])
        .fold(format!("format: 1\n{BASE}"), |text, (block, order)| {
            reorder(&text, block, order)
        });
    assert_eq!(kinds(&load(&reordered)), []);
}

#[test]
fn story_fields() {
    let c = one(
        "title-edited",
        "title",
        &edit(
            "title: Memo alleges support",
            "title: Memo alleges military support",
        ),
    );
    assert_eq!(
        texts(&c),
        (
            Some("Memo alleges support"),
            Some("Memo alleges military support")
        )
    );
    let words = c.words().unwrap();
    assert!(
        words
            .iter()
            .any(|p| p.mark == words::Mark::New && p.text == "military"),
        "{words:?}"
    );
    one(
        "question-edited",
        "question",
        &edit("Did it happen?", "Did it really happen?"),
    );
    let c = one(
        "question-edited",
        "question",
        &edit("question: Did it happen?\n", ""),
    );
    assert_eq!(texts(&c), (Some("Did it happen?"), None));
    one(
        "summary-edited",
        "summary",
        &edit("A memo alleges", "The memo alleges"),
    );
    let c = one(
        "story-redated",
        "date",
        &edit("date: 2025-11-14\nq", "date: 2025-11-15\nq"),
    );
    assert_eq!(texts(&c), (Some("2025-11-14"), Some("2025-11-15")));
    let c = one(
        "tags-changed",
        "tags",
        &edit("tags: [a, b]", "tags: [a, c]"),
    );
    assert_eq!(texts(&c), (Some("a, b"), Some("a, c")));
}

#[test]
fn quotes_added_removed_edited() {
    let c = one(
        "quote-edited",
        "quotes[0].text",
        &edit(
            "text: complete distortion of facts",
            "text: a complete distortion of the facts",
        ),
    );
    assert_eq!(
        texts(&c),
        (
            Some("complete distortion of facts"),
            Some("a complete distortion of the facts")
        )
    );
    assert_eq!(c.old.unwrap().index, 0);
    assert_eq!(
        c.new.unwrap(),
        Target {
            section: Section::Quotes,
            index: 0,
            stance: None
        }
    );
    // Under 60 % of the words in common: one removed and one added.
    assert_eq!(
        kinds(&edit(
            "text: complete distortion of facts",
            "text: the memo is a fabrication"
        )),
        [
            ("quote-added", "quotes[0]".to_string()),
            ("quote-removed", "quotes[0]".to_string())
        ]
    );
    let c = one(
        "quote-added",
        "quotes[3]",
        &edit(
            "claims:",
            "  - {by: fisher, text: Entities are complicit}\nclaims:",
        ),
    );
    assert_eq!(texts(&c), (None, Some("Entities are complicit")));
    let c = one(
        "quote-removed",
        "quotes[1]",
        &edit(
            "  - {by: alibaba, text: The assertions are completely false}\n",
            "",
        ),
    );
    assert_eq!(c.old.unwrap().index, 1);
    assert_eq!(c.new, None);
}

#[test]
fn quote_kind_speaker_and_details() {
    let c = one(
        "quote-kind-changed",
        "quotes[2].kind",
        &edit(
            "{by: fisher, kind: paraphrase,",
            "{by: fisher, kind: direct,",
        ),
    );
    assert_eq!(texts(&c), (Some("paraphrase"), Some("direct")));
    let c = one(
        "quote-speaker-changed",
        "quotes[1].by",
        &edit(
            "{by: alibaba, text: The assertions",
            "{by: embassy, text: The assertions",
        ),
    );
    assert_eq!(texts(&c), (Some("alibaba"), Some("embassy")));
    let c = one(
        "quote-detail-edited",
        "quotes[0].context",
        &edit(
            "{by: embassy, text: complete distortion of facts}",
            "{by: embassy, text: complete distortion of facts, context: In its denial.}",
        ),
    );
    assert_eq!(texts(&c), (None, Some("In its denial.")));
    // An id given to a quote is no change of its content.
    assert_eq!(
        kinds(&edit(
            "{by: embassy, text: complete",
            "{id: dist, by: embassy, text: complete"
        )),
        []
    );
}

#[test]
fn stances_taken_changed_withdrawn() {
    let c = one(
        "stance-changed",
        "claims[memo].stances[alibaba]",
        &edit(
            "{by: alibaba, stance: disputes}",
            "{by: alibaba, stance: supports}",
        ),
    );
    assert_eq!(texts(&c), (Some("disputes"), Some("supports")));
    assert_eq!(
        c.new.unwrap(),
        Target {
            section: Section::Claims,
            index: 0,
            stance: Some(0)
        }
    );
    let c = one(
        "stance-withdrawn",
        "claims[memo].stances[embassy]",
        &edit("      - {by: embassy, stance: disputes}\n", ""),
    );
    assert_eq!(texts(&c), (Some("disputes"), None));
    let c = one(
        "stance-taken",
        "claims[memo].stances[fisher]",
        &edit(
            "      - {by: embassy, stance: disputes}\n",
            "      - {by: embassy, stance: disputes}\n      - {by: fisher, stance: supports}\n",
        ),
    );
    assert_eq!(texts(&c), (None, Some("supports")));
    one(
        "stance-edited",
        "claims[memo].stances[alibaba].note",
        &edit(
            "{by: alibaba, stance: disputes}",
            "{by: alibaba, stance: disputes, note: In a statement.}",
        ),
    );
}

#[test]
fn claims_added_status_wording() {
    let c = one(
        "claim-status-changed",
        "claims[memo].status",
        &edit("status: alleged", "status: confirmed"),
    );
    assert_eq!(texts(&c), (Some("alleged"), Some("confirmed")));
    one(
        "claim-wording-changed",
        "claims[memo].text",
        &edit(
            "supported military operations",
            "supported Chinese military operations",
        ),
    );
    let c = one(
        "claim-added",
        "claims[delist]",
        &edit(
            "timeline:",
            "  - {id: delist, text: Alibaba should be delisted.}\ntimeline:",
        ),
    );
    assert_eq!(texts(&c), (None, Some("Alibaba should be delisted.")));
    one(
        "claim-edited",
        "claims[memo].source",
        &edit(
            "    status: alleged\n",
            "    status: alleged\n    source: ft\n",
        ),
    );
}

#[test]
fn parties_and_analysts() {
    let c = one(
        "position-edited",
        "parties[alibaba].position",
        &edit("Denies the allegations.", "Denies the allegations firmly."),
    );
    assert_eq!(
        c.new.unwrap(),
        Target {
            section: Section::Parties,
            index: 0,
            stance: None
        }
    );
    one(
        "party-added",
        "parties[ft-co]",
        &edit(
            "analysts:",
            "  - {id: ft-co, name: Financial Times, kind: media}\nanalysts:",
        ),
    );
    one(
        "party-edited",
        "parties[alibaba].kind",
        &edit("kind: company", "kind: organization"),
    );
    one(
        "view-edited",
        "analysts[fisher].view",
        &edit(
            "All entities are complicit.",
            "All Chinese entities are complicit.",
        ),
    );
    one(
        "analyst-added",
        "analysts[chang]",
        &edit("quotes:", "  - {id: chang, name: Gordon Chang}\nquotes:"),
    );
    // A party removed takes its quote and stance with it.
    let removed = load(
        &BASE
            .replacen(
                "  - {id: embassy, name: Embassy, kind: government, position: Denied the memo.}\n",
                "",
                1,
            )
            .replacen(
                "  - {by: embassy, text: complete distortion of facts}\n",
                "",
                1,
            )
            .replacen("      - {by: embassy, stance: disputes}\n", "", 1),
    );
    assert_eq!(
        kinds(&removed),
        [
            ("party-removed", "parties[embassy]".to_string()),
            ("quote-removed", "quotes[0]".to_string()),
            (
                "stance-withdrawn",
                "claims[memo].stances[embassy]".to_string()
            ),
        ]
    );
}

#[test]
fn sources() {
    let c = one(
        "source-url-changed",
        "sources[ft].url",
        &edit("url: https://ft.com/a", "url: https://ft.com/b"),
    );
    assert_eq!(
        texts(&c),
        (Some("https://ft.com/a"), Some("https://ft.com/b"))
    );
    one(
        "source-added",
        "sources[wh]",
        &edit("parties:", "  - {id: wh, name: White House memo}\nparties:"),
    );
    one(
        "source-edited",
        "sources[ft].name",
        &edit("name: FT report", "name: Financial Times report"),
    );
}

#[test]
fn events_added_removed_redated_moved() {
    let c = one(
        "event-added",
        "timeline[3]",
        &edit(
            "  - {title: Embassy denies the memo}\n",
            "  - {title: Embassy denies the memo}\n  - {date: 2025-11-16, title: Alibaba rebuts}\n",
        ),
    );
    assert_eq!(texts(&c), (None, Some("Alibaba rebuts")));
    // Display order: 2001, 2025-11-14, undated (after it), 2025-11-16.
    assert_eq!(c.new.unwrap().index, 3);
    let c = one(
        "event-redated",
        "timeline[0].date",
        &edit("date: 2001-12-11", "date: 2001-12-12"),
    );
    assert_eq!(texts(&c), (Some("2001-12-11"), Some("2001-12-12")));
    // An event redated and its title corrected at once is still one event.
    assert_eq!(
        kinds(&edit(
            "{date: 2001-12-11, title: China enters the WTO}",
            "{date: 2001-12-10, title: China enters the WTO formally}"
        )),
        [
            ("event-redated", "timeline[0].date".to_string()),
            ("event-edited", "timeline[0].title".to_string())
        ]
    );
    one(
        "event-removed",
        "timeline[1]",
        &edit("  - {date: 2025-11-14, title: FT reports the memo}\n", ""),
    );
    // The undated event written first now stands first in the timeline: it moved.
    let moved = load(
        &BASE
            .replacen("  - {title: Embassy denies the memo}\n", "", 1)
            .replacen(
                "  - {date: 2001-12-11",
                "  - {title: Embassy denies the memo}\n  - {date: 2001-12-11",
                1,
            ),
    );
    let c = one("event-moved", "timeline[0]", &moved);
    assert_eq!(texts(&c), (Some("FT reports the memo"), None));
}

#[test]
fn stories_are_matched_by_id_across_sets() {
    let a = load(BASE);
    let b = load(&BASE.replacen("id: s", "id: t", 1));
    let old = vec![a.clone()];
    let new = vec![b, a];
    let got: Vec<(String, Vec<&str>)> = sets(&old, &new)
        .iter()
        .map(|c| {
            (
                c.id().to_string(),
                c.changes.iter().map(|c| c.kind.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("t".to_string(), vec!["story-added"]),
            ("s".to_string(), vec![])
        ]
    );
    let got: Vec<Vec<&str>> = sets(&new, &old)
        .iter()
        .map(|c| c.changes.iter().map(|c| c.kind.as_str()).collect())
        .collect();
    assert_eq!(got, [vec![], vec!["story-removed"]]);
}

#[test]
fn every_kind_has_a_distinct_word_and_label() {
    let mut words: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    words.sort_unstable();
    words.dedup();
    assert_eq!(words.len(), Kind::ALL.len());
}

#[test]
fn stance_changes_carry_their_dates_and_a_history_is_read_as_its_latest() {
    let v2 = |stances: &str| {
        format!(
            "format: 2\n{}",
            BASE.replace("      - {by: alibaba, stance: disputes}\n", stances,)
        )
    };
    let old = load(&v2(
        "      - {by: alibaba, stance: disputes, date: 2025-11-14}\n",
    ));
    // A new stance in the history: the stance now changed, from → to, with the dates.
    let new = load(&v2(
        "      - {by: alibaba, stance: disputes, date: 2025-11-14}\n      - {by: alibaba, stance: mixed, date: 2025-11-20}\n",
    ));
    let changes = story(&old, &new);
    let got: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c.kind.as_str(), c.path.as_str()))
        .collect();
    assert_eq!(got, [("stance-changed", "claims[memo].stances[alibaba]")]);
    assert_eq!(
        texts(&changes[0]),
        (Some("disputes (14 Nov 2025)"), Some("mixed (20 Nov 2025)"))
    );
    // The target is the stance now (the second of the claim's stances).
    assert_eq!(changes[0].new.unwrap().stance, Some(1));
    let line = describe::describe(&changes[0], Some(&old), Some(&new));
    assert_eq!(
        line.plain(),
        "Alibaba: disputes (14 Nov 2025) → mixed (20 Nov 2025)"
    );
    // Only the date of the stance changed: an edit of its date.
    let redated = load(&v2(
        "      - {by: alibaba, stance: disputes, date: 2025-11-15}\n",
    ));
    let changes = story(&old, &redated);
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].kind, changes[0].path.as_str()),
        (Kind::StanceEdited, "claims[memo].stances[alibaba].date")
    );
    // An earlier stance added to the history, the stance now unchanged.
    let earlier = load(&v2(
        "      - {by: alibaba, stance: supports, date: 2025-11-01}\n      - {by: alibaba, stance: disputes, date: 2025-11-14}\n",
    ));
    let changes = story(&old, &earlier);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        (changes[0].kind, changes[0].path.as_str()),
        (Kind::StanceEdited, "claims[memo].stances[alibaba].history")
    );
    assert_eq!(texts(&changes[0]), (None, Some("supports (1 Nov 2025)")));
    // A stance taken with a date says it.
    let taken = load(&v2(
        "      - {by: alibaba, stance: disputes, date: 2025-11-14}\n      - {by: fisher, stance: supports, date: 2025-11-18}\n",
    ));
    let changes = story(&old, &taken);
    assert_eq!(texts(&changes[0]), (None, Some("supports (18 Nov 2025)")));
}

#[test]
fn a_format_1_story_rewritten_as_format_2_shows_no_change() {
    // The same content written the format-2 way: `format: 2`, block style instead
    // of flow, the default quote kind and the claim's stances spelt out, keys in
    // another order, quoted scalars, lists in another order.
    let v2 = "\
format: 2
id: s
title: 'Memo alleges support'
date: 2025-11-14
question: \"Did it happen?\"
summary: >-
  A memo alleges support.
tags:
  - a
  - b
sources:
  - id: ft
    url: https://ft.com/a
    name: FT report
parties:
  - id: embassy
    name: Embassy
    kind: government
    position: Denied the memo.
  - id: alibaba
    kind: company
    name: Alibaba
    position: Denies the allegations.
analysts:
  - id: fisher
    name: Richard Fisher
    view: All entities are complicit.
quotes:
  - by: alibaba
    kind: direct
    text: The assertions are completely false
  - by: embassy
    kind: direct
    text: complete distortion of facts
  - by: fisher
    kind: paraphrase
    text: Fisher noted that practices surpassed the Soviet Union
claims:
  - id: memo
    status: alleged
    text: Alibaba supported military operations.
    stances:
      - by: embassy
        stance: disputes
      - by: alibaba
        stance: disputes
timeline:
  - title: China enters the WTO
    date: 2001-12-11
  - date: 2025-11-14
    title: FT reports the memo
  - title: Embassy denies the memo
";
    let new = load(v2);
    assert_eq!(new.format, 2);
    assert_eq!(kinds(&new), []);
    // And a real edit in the rewrite still shows, alone.
    let edited = load(&v2.replace("stance: disputes\ntimeline", "stance: supports\ntimeline"));
    assert_eq!(
        kinds(&edited),
        [(
            "stance-changed",
            "claims[memo].stances[alibaba]".to_string()
        )]
    );
}
