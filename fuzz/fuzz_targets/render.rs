//! Fuzz target: whatever the story text, file names and problem messages, drawing any screen
//! of the explorer at any size never panics and never puts a character that could act on a
//! terminal (a control character, a bidi control, an invisible format character) into a cell.
//!
//! The input is loaded as a story file if it is one; otherwise a story is built from arbitrary
//! strings (with ids and references that resolve, as the loader would guarantee).
//!
//! Run: `cargo +nightly fuzz run render -- -max_total_time=600`.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use storyx::view::theme::Theme;
use storyx::app::{update, Action, Pane, State};
use storyx::corpus::Corpus;
use storyx::story::FileResult;
use storyx::sanitize::is_unsafe;
use storyx::story::parse::parse_str;
use storyx::story::*;

fn text(u: &mut Unstructured<'_>) -> Result<Str> {
    Ok(u.arbitrary::<String>()?.into())
}

fn maybe(u: &mut Unstructured<'_>) -> Result<Option<Str>> {
    Ok(if u.arbitrary()? { Some(text(u)?) } else { None })
}

fn pick<'a>(u: &mut Unstructured<'_>, ids: &'a [Str]) -> Result<Option<&'a Str>> {
    if ids.is_empty() {
        return Ok(None);
    }
    Ok(Some(u.choose(ids)?))
}

fn date(u: &mut Unstructured<'_>) -> Result<Option<PartialDate>> {
    let forms = ["2024", "2024-05", "2024-05-01~", "1999?", "2001-12-31%"];
    Ok(if u.arbitrary()? {
        PartialDate::parse(u.choose(&forms)?).ok()
    } else {
        None
    })
}

fn ids(prefix: &str, n: usize) -> Vec<Str> {
    (0..n).map(|i| format!("{prefix}{i}").into()).collect()
}

/// A story whose every text is arbitrary and whose references resolve.
fn build(u: &mut Unstructured<'_>, file: PathBuf) -> Result<Story> {
    let n = |u: &mut Unstructured<'_>| u.int_in_range(0..=3usize);
    let (np, na, ns, nq, nc, ne) = (n(u)?, n(u)?, n(u)?, n(u)?, n(u)?, n(u)?);
    let parties = ids("p", np);
    let analysts = ids("a", na);
    let sources = ids("s", ns);
    let speakers: Vec<Str> = parties.iter().chain(&analysts).cloned().collect();
    let quote_ids = ids("q", nq);
    let kinds = [
        PartyKind::Person,
        PartyKind::Government,
        PartyKind::Company,
        PartyKind::Organization,
        PartyKind::Media,
        PartyKind::Anonymous,
        PartyKind::Other,
    ];
    let mut story = Story {
        format: 1,
        id: "fuzz".into(),
        title: text(u)?,
        date: date(u)?,
        question: maybe(u)?,
        summary: maybe(u)?,
        tags: vec![text(u)?],
        sources: Vec::new(),
        parties: Vec::new(),
        analysts: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        timeline: Vec::new(),
        extensions: Vec::new(),
        file,
    };
    for id in &sources {
        story.sources.push(Source {
            id: id.clone(),
            name: text(u)?,
            outlet: maybe(u)?,
            date: date(u)?,
            url: maybe(u)?.map(|s| format!("https://{s}").into()),
            note: maybe(u)?,
            kind: *u.choose(SourceKind::ALL)?,
            by: None,
            cites: pick(u, &sources)?.cloned().into_iter().collect(),
        });
    }
    for id in &parties {
        story.parties.push(Party {
            id: id.clone(),
            name: text(u)?,
            kind: *u.choose(&kinds)?,
            aliases: vec![text(u)?],
            description: maybe(u)?,
            position: maybe(u)?,
            role: maybe(u)?,
            speaks_for: None,
        });
    }
    for id in &analysts {
        story.analysts.push(Analyst {
            id: id.clone(),
            name: text(u)?,
            role: maybe(u)?,
            affiliation: maybe(u)?,
            view: maybe(u)?,
        });
    }
    if let Some(first) = speakers.first() {
        for id in &quote_ids {
            story.quotes.push(Quote {
                id: Some(id.clone()),
                by: pick(u, &speakers)?.unwrap_or(first).clone(),
                text: text(u)?,
                kind: *u.choose(QuoteKind::ALL)?,
                via: if u.arbitrary()? {
                    pick(u, &speakers)?.cloned()
                } else {
                    None
                },
                date: date(u)?,
                source: pick(u, &sources)?.cloned(),
                context: maybe(u)?,
                to: maybe(u)?,
            });
        }
    }
    let quote_ids: Vec<Str> = story.quotes.iter().filter_map(|q| q.id.clone()).collect();
    for i in 0..nc {
        let mut stances = Vec::new();
        for by in &speakers {
            if u.arbitrary()? {
                stances.push(Stance {
                    by: by.clone(),
                    stance: StanceKind::Disputes,
                    note: maybe(u)?,
                    quote: pick(u, &quote_ids)?.cloned(),
                    date: date(u)?,
                });
            }
        }
        story.claims.push(Claim {
            id: format!("c{i}").into(),
            text: text(u)?,
            status: Some(ClaimStatus::Alleged).filter(|_| i % 2 == 0),
            source: pick(u, &sources)?.cloned(),
            stances,
        });
    }
    for i in 0..ne {
        story.timeline.push(Event {
            id: Some(format!("e{i}").into()),
            date: date(u)?,
            title: text(u)?,
            detail: maybe(u)?,
            involves: speakers.clone(),
            source: pick(u, &sources)?.cloned(),
            file_index: i,
        });
    }
    Ok(story)
}

fn corpus(data: &[u8]) -> Result<Corpus> {
    let mut u = Unstructured::new(data);
    let file = PathBuf::from(format!("stories/{}.yaml", text(&mut u)?));
    let parsed = std::str::from_utf8(data)
        .ok()
        .and_then(|t| parse_str(Path::new("stories/fuzz.yaml"), t).story);
    let story = match parsed {
        Some(s) => s,
        None => build(&mut u, file.clone())?,
    };
    let mut other = story.clone();
    other.id = format!("{}-other", story.id).into();
    other.file = PathBuf::from("stories/other.yaml");
    let problem = |severity, message: String| Diagnostic {
        file: file.clone(),
        location: Some(Location { line: 1, column: 2 }),
        severity,
        path: "quotes[0].by".into(),
        message,
        related: None,
    };
    let warning = problem(Severity::Warning, text(&mut u)?.to_string());
    let error = problem(Severity::Error, text(&mut u)?.to_string());
    Ok(Corpus::from_results(vec![
        FileResult {
            path: story.file.clone(),
            story: Some(story),
            diagnostics: vec![warning],
            io_error: false,
        },
        FileResult {
            path: other.file.clone(),
            story: Some(other),
            diagnostics: vec![],
            io_error: false,
        },
        FileResult {
            path: file,
            story: None,
            diagnostics: vec![error],
            io_error: false,
        },
    ]))
}

fn check(state: &State, what: &str) {
    let (w, h) = state.chrome.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    storyx::ui::render(state, &Theme::default(), buf.area, &mut buf);
    for (i, cell) in buf.content.iter().enumerate() {
        let symbol = cell.symbol();
        if let Some(c) = symbol.chars().find(|&c| is_unsafe(c) || c.is_control()) {
            panic!("{what} at {w}x{h}: {c:?} in cell {i}: {symbol:?}");
        }
    }
}

fn step(state: &mut State, actions: &[Action], what: &str) {
    for a in actions {
        update(state, a.clone());
    }
    check(state, what);
}

/// Every pane, the detail of its first and last item (a cross-reference followed), the help,
/// the problems and the library, at one size.
fn sweep(corpus: &Corpus, w: u16, h: u16) {
    let mut st = State::new(corpus.clone());
    step(
        &mut st,
        &[Action::Resize {
            width: w,
            height: h,
        }],
        "library",
    );
    step(&mut st, &[Action::Open], "story");
    for pane in Pane::ALL {
        step(&mut st, &[Action::FocusPane(pane), Action::Open], "detail");
        step(&mut st, &[Action::Open], "followed");
        step(
            &mut st,
            &[
                Action::Back,
                Action::Close,
                Action::Bottom,
                Action::Open,
                Action::Bottom,
            ],
            "last detail",
        );
        update(&mut st, Action::Close);
    }
    step(&mut st, &[Action::ToggleSummary], "summary");
    step(&mut st, &[Action::ToggleHelp, Action::PageDown], "help");
    step(
        &mut st,
        &[Action::ToggleHelp, Action::ToggleProblems, Action::Down],
        "problems",
    );
    step(&mut st, &[Action::Close, Action::Close], "library again");
}

/// Any size and any actions the fuzzer picks, drawn after each.
fn wander(corpus: &Corpus, u: &mut Unstructured<'_>) -> Result<()> {
    let w = u.int_in_range(0..=130u16)?;
    let h = u.int_in_range(0..=45u16)?;
    let mut st = State::new(corpus.clone());
    step(
        &mut st,
        &[Action::Resize {
            width: w,
            height: h,
        }],
        "wander",
    );
    for _ in 0..24 {
        let action = match u.int_in_range(0..=19u8)? {
            0 => Action::Up,
            1 => Action::Down,
            2 => Action::Top,
            3 => Action::Bottom,
            4 => Action::PageUp,
            5 => Action::PageDown,
            6 => Action::NextPane,
            7 => Action::PrevPane,
            8 => Action::FocusPane(*u.choose(&Pane::ALL)?),
            9 | 10 => Action::Open,
            11 => Action::Back,
            12 => Action::Close,
            13 => Action::NextStory,
            14 => Action::ToggleHelp,
            15 => Action::ToggleSummary,
            16 => Action::CycleSort,
            17 => Action::ToggleProblems,
            18 => Action::Resize {
                width: u.int_in_range(0..=130u16)?,
                height: u.int_in_range(0..=45u16)?,
            },
            _ => Action::Click {
                column: u.int_in_range(0..=130u16)?,
                row: u.int_in_range(0..=45u16)?,
            },
        };
        step(&mut st, &[action], "wander");
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let Ok(corpus) = corpus(data) else {
        return;
    };
    // One of the three layouts (wide, medium, small), picked by the last byte.
    let (w, h) = [(120, 16), (60, 15), (30, 8)][usize::from(data.last().copied().unwrap_or(0) % 3)];
    sweep(&corpus, w, h);
    // Then the fuzzer's own size and keys, from the end of the input.
    let mut u = Unstructured::new(data);
    let _ = u.bytes(data.len().saturating_sub(64));
    let _ = wander(&corpus, &mut u);
});
