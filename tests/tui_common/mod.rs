//! Helpers for the explorer tests: stories built as values (no loader involved),
//! corpora of them, a state driven by actions, and a screen rendered to text.
#![allow(dead_code)]

pub mod tmux;
#[path = "../common/tool.rs"]
pub mod tool;

use std::path::PathBuf;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use storyx::app::{update, Action, State};
use storyx::corpus::Corpus;
use storyx::story::FileResult;
use storyx::story::*;
use storyx::term::state_event_actions;
use storyx::view::theme::Theme;

pub fn date(s: &str) -> Option<PartialDate> {
    Some(PartialDate::parse(s).expect("test date"))
}

fn s(text: &str) -> Str {
    text.into()
}

fn some(text: &str) -> Option<Str> {
    Some(text.into())
}

/// A story with something in every pane, CJK and emoji text, a long URL, a
/// direct quote, a paraphrase relayed by someone, claims with stances.
pub fn harbor() -> Story {
    Story {
        format: 1,
        id: s("harbor-strike"),
        title: s("Dockworkers strike at the harbor over automated cranes"),
        date: date("2024-10-01"),
        question: some("Should the port replace its crane operators with automated cranes?"),
        summary: some(
            "Dockworkers walked out on 1 October after the port authority announced automated cranes.\n\
             The union says 400 jobs would go; the authority says retraining will cover everyone.",
        ),
        tags: vec![s("labor"), s("ports"), s("automation")],
        sources: vec![
            Source {
                id: s("gazette"),
                name: s("Harbor Gazette report"),
                outlet: some("Harbor Gazette"),
                date: date("2024-10-02"),
                url: some("https://gazette.example/2024/10/02/strike-over-automation-at-the-harbor-continues-into-a-second-week-with-no-talks-planned"),
                note: some("Relies on union figures."),
                by: None,
                cites: Vec::new(),
                kind: storyx::story::SourceKind::Other,
            },
            Source {
                id: s("minutes"),
                name: s("Port board minutes"),
                outlet: None,
                date: date("2024-09"),
                url: None,
                note: None,
                by: None,
                cites: Vec::new(),
                kind: storyx::story::SourceKind::Other,
            },
        ],
        parties: vec![
            Party {
                id: s("union"),
                name: s("Dockworkers' Union"),
                kind: PartyKind::Organization,
                aliases: vec![s("the union")],
                description: some("Represents the port's 1,200 dockworkers."),
                position: some("Against automation without guarantees for every job."),
                role: None,
                speaks_for: None,
            },
            Party {
                id: s("port"),
                name: s("Port Authority"),
                kind: PartyKind::Government,
                aliases: vec![],
                description: None,
                position: some("For automation; promises retraining."),
                role: None,
                speaks_for: None,
            },
            Party {
                id: s("mayor"),
                name: s("Mayor Ana Ruiz"),
                kind: PartyKind::Person,
                aliases: vec![],
                description: None,
                position: None,
                role: None,
                speaks_for: None,
            },
        ],
        analysts: vec![
            Analyst {
                id: s("li-wei"),
                name: s("李伟 (Li Wei)"),
                role: some("economist"),
                affiliation: some("東京大学"),
                view: some("Automation pays off only after a decade 🚢; the jobs go first."),
            },
            Analyst {
                id: s("sam-okafor"),
                name: s("Sam Okafor"),
                role: some("port consultant"),
                affiliation: None,
                view: None,
            },
        ],
        quotes: vec![
            Quote {
                id: some("q-union"),
                by: s("union"),
                text: s("Not one job goes without a fight."),
                kind: QuoteKind::Direct,
                via: None,
                date: date("2024-10-01"),
                source: some("gazette"),
                context: some("At the first picket line."),
                to: None,
            },
            Quote {
                id: None,
                by: s("mayor"),
                text: s("The mayor said she would meet both sides."),
                kind: QuoteKind::Paraphrase,
                via: some("union").map(Box::new),
                date: None,
                source: None,
                context: None,
                to: None,
            },
            Quote {
                id: some("q-li"),
                by: s("li-wei"),
                text: s("自动化需要十年才能回本。"),
                kind: QuoteKind::Direct,
                via: None,
                date: date("2024-10-03"),
                source: some("gazette"),
                context: None,
                to: None,
            },
        ],
        claims: vec![
            Claim {
                id: s("jobs-lost"),
                text: s("Automated cranes will cost 400 jobs."),
                status: Some(ClaimStatus::Disputed),
                source: some("gazette"),
                stances: vec![
                    Stance { by: s("union"), stance: StanceKind::Supports, note: None, quote: some("q-union"), date: None, },
                    Stance {
                        by: s("port"),
                        stance: StanceKind::Disputes,
                        note: some("Says every worker will be retrained."),
                        quote: None,
                        date: None,
                    },
                    Stance { by: s("li-wei"), stance: StanceKind::Mixed, note: None, quote: some("q-li"), date: None, },
                    Stance { by: s("mayor"), stance: StanceKind::NoComment, note: None, quote: None, date: None, },
                ],
            },
            Claim { id: s("safety"), text: s("The cranes are safer."), status: None, source: None, stances: vec![] },
        ],
        timeline: vec![
            Event {
                id: some("plan"),
                date: date("2024-09"),
                title: s("Port board approves the automation plan"),
                detail: some("The vote was 5 to 2."),
                involves: vec![s("port")],
                source: some("minutes"),
                file_index: 0,
            },
            Event {
                id: some("walkout"),
                date: date("2024-10-01"),
                title: s("Dockworkers walk out"),
                detail: None,
                involves: vec![s("union"), s("port")],
                source: some("gazette"),
                file_index: 1,
            },
            Event {
                id: None,
                date: None,
                title: s("Talks are proposed by the mayor"),
                detail: None,
                involves: vec![s("mayor")],
                source: None,
                file_index: 2,
            },
            Event {
                id: None,
                date: date("2025~"),
                title: s("Cranes expected to arrive"),
                detail: None,
                involves: vec![],
                source: None,
                file_index: 3,
            },
        ],
        extensions: vec![],
        file: PathBuf::from("stories/harbor-strike.yaml"),
    }
}

/// A small story: one party, one analyst, one quote.
pub fn small(id: &str, title: &str, d: Option<&str>) -> Story {
    Story {
        format: 1,
        id: s(id),
        title: s(title),
        date: d.and_then(date),
        question: None,
        summary: None,
        tags: vec![s("budget")],
        sources: vec![],
        parties: vec![Party {
            id: s("council"),
            name: s("City Council"),
            kind: PartyKind::Government,
            aliases: vec![],
            description: None,
            position: some("For the budget."),
            role: None,
            speaks_for: None,
        }],
        analysts: vec![Analyst {
            id: s("jane-doe"),
            name: s("Jane Doe"),
            role: None,
            affiliation: None,
            view: None,
        }],
        quotes: vec![Quote {
            id: None,
            by: s("jane-doe"),
            text: s("It is a modest budget."),
            kind: QuoteKind::Direct,
            via: None,
            date: None,
            source: None,
            context: None,
            to: None,
        }],
        claims: vec![],
        timeline: vec![],
        extensions: vec![],
        file: PathBuf::from(format!("stories/{id}.yaml")),
    }
}

/// A story with nothing but an id and a title.
pub fn bare(id: &str) -> Story {
    Story::new(
        id,
        "A story with nothing in it yet",
        format!("stories/{id}.yaml"),
    )
}

pub fn corpus(stories: Vec<Story>) -> Corpus {
    corpus_with(stories, vec![])
}

/// A corpus of stories plus failed files (path, error message).
pub fn corpus_with(stories: Vec<Story>, broken: Vec<(&str, &str)>) -> Corpus {
    let mut results: Vec<FileResult> = stories
        .into_iter()
        .map(|st| FileResult {
            path: st.file.clone(),
            story: Some(st),
            diagnostics: vec![],
            io_error: false,
        })
        .collect();
    for (path, message) in broken {
        results.push(FileResult {
            path: PathBuf::from(path),
            story: None,
            diagnostics: vec![Diagnostic {
                file: PathBuf::from(path),
                location: Some(Location { line: 3, column: 7 }),
                severity: Severity::Error,
                path: s("quotes[0].by").to_string(),
                message: s(message).to_string(),
                related: None,
            }],
            io_error: false,
        });
    }
    Corpus::from_results(results)
}

/// The library of three stories and one broken file.
pub fn library_corpus() -> Corpus {
    corpus_with(
        vec![
            harbor(),
            small(
                "budget-vote",
                "Council votes on the budget",
                Some("2023-03-14"),
            ),
            bare("bare-story"),
        ],
        vec![(
            "stories/broken.yaml",
            "`by: fisher` names no party or analyst; known: union, port",
        )],
    )
}

/// A state at a size, with actions applied.
pub fn state_at(corpus: Corpus, w: u16, h: u16, actions: Vec<Action>) -> State {
    let mut st = State::new(corpus);
    update(
        &mut st,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    for a in actions {
        update(&mut st, a);
    }
    st
}

/// The screen as text through ratatui's TestBackend, one quoted line per row.
pub fn screen(st: &State) -> String {
    let (w, h) = st.chrome.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| storyx::ui::draw(st, &Theme::default(), f))
        .expect("draw");
    terminal.backend().to_string()
}

/// The screen as plain rows (wide characters once), for assertions.
pub fn rows(st: &State) -> Vec<String> {
    let (w, h) = st.chrome.size;
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    storyx::ui::render(st, &Theme::default(), buf.area, &mut buf);
    buffer_rows(&buf)
}

pub fn buffer_rows(buf: &Buffer) -> Vec<String> {
    let w = usize::from(buf.area.width);
    if w == 0 {
        return vec![];
    }
    buf.content
        .chunks(w)
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for c in row {
                if skip == 0 {
                    line.push_str(c.symbol());
                }
                skip = std::cmp::max(skip, unicode_width::UnicodeWidthStr::width(c.symbol()))
                    .saturating_sub(1);
            }
            line
        })
        .collect()
}

pub fn text(st: &State) -> String {
    rows(st).join("\n")
}

/// The stories of tests/fixtures/people, loaded: three stories sharing the
/// ids `acme` and `richard-fisher`, a CJK party, a paraphrase, notes and quotes
/// on stances. They load without errors; the one warning is on purpose (Richard
/// Fisher goes by two names, and an analyst has no aliases).
pub fn people_corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people");
    let corpus = storyx::corpus::load::load_paths(&[dir], &Default::default());
    let problems: Vec<&str> = corpus
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        problems.len() == 1
            && problems[0].starts_with("`richard-fisher` is named \"Richard D. Fisher\" here"),
        "the people fixtures load with the one warning: {problems:?}"
    );
    corpus
}

/// A story with `n` parties (some with CJK names) that each took a stance on
/// some of four claims: a claims matrix `n` columns wide, with empty cells.
pub fn many_parties(n: usize) -> Story {
    let mut story = bare("many-parties");
    story.title = s("Thirty parties weigh in");
    let kinds = StanceKind::ALL;
    for i in 0..n {
        story.parties.push(Party {
            id: format!("p{i:02}").into(),
            name: if i % 7 == 3 {
                format!("中国民主同盟 {i:02}").into()
            } else {
                format!("Party number {i:02}").into()
            },
            kind: PartyKind::Organization,
            aliases: vec![],
            description: None,
            position: None,
            role: None,
            speaks_for: None,
        });
    }
    for c in 0..4 {
        let stances = (0..n)
            .filter(|i| (i + c) % 5 != 0)
            .map(|i| Stance {
                by: format!("p{i:02}").into(),
                stance: kinds[(i + c) % kinds.len()],
                note: (i % 4 == 0).then(|| format!("Note of party {i:02} on claim {c}.").into()),
                quote: None,
                date: None,
            })
            .collect();
        story.claims.push(Claim {
            id: format!("c{c}").into(),
            text: format!("Claim number {c} about the thirty parties.").into(),
            status: [
                Some(ClaimStatus::Alleged),
                None,
                Some(ClaimStatus::Refuted),
                Some(ClaimStatus::Unverified),
            ][c],
            source: None,
            stances,
        });
    }
    story
}

/// A key with no modifier, as the terminal sends it.
pub fn key(code: KeyCode) -> TermEvent {
    TermEvent::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Ctrl and a letter.
pub fn ctrl(c: char) -> TermEvent {
    TermEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Sends a terminal event as the event loop does (keys edit an open line).
pub fn press(st: &mut State, ev: TermEvent) {
    for a in state_event_actions(st, &ev) {
        update(st, a);
    }
}

/// Each character of `text` pressed in turn.
pub fn type_text(st: &mut State, text: &str) {
    for c in text.chars() {
        press(st, key(KeyCode::Char(c)));
    }
}
