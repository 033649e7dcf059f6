//! Transcripts: a hearing, briefing or interview written as `NAME: words` lines. A line
//! whose words are printed in quotation marks (`Cole: “Thank you.”`, a release printing a
//! hearing's exchange) is a direct quote by NAME; a paragraph with no label after a line
//! goes on with the same speaker's turn. A line with no marks (`GV: Why online news?`, an
//! interview's questions and answers) is nobody's quote, nor is the rest of its turn: the
//! sets quote only words in quotation marks, and an interview's unmarked answers are not
//! quotes (the README's rule 10).

use super::{np_from, tokens, Drafter, Note, Quote, QuoteKind};

/// Labels that open a line but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "image",
    "caption",
    "credit",
    "source",
    "sources",
    "related",
    "read more",
    "see also",
    "update",
    "updated",
    "watch",
    "listen",
    "video",
    "audio",
    "correction",
    "disclaimer",
    "tags",
    "topics",
    "warning",
    "email",
    "phone",
    "tel",
    "web",
    "website",
    "twitter",
    "follow",
    "contact",
    "date",
    "time",
    "location",
    "where",
    "when",
    "subject",
    "re",
    "from",
    "to",
    "cc",
];

/// The label of a transcript line and the words after it: `SEN. COLE: Thank you.`,
/// `Ann Cole: Thank you.`, `Q: And then?` (at most five words before the colon, each
/// capitalised, a capital or an initial, and words after it).
pub(super) fn line(p: &str) -> Option<(&str, &str)> {
    let (label, rest) = p.split_once(':')?;
    let label = label.trim();
    let rest = rest.trim();
    if label.is_empty() || rest.is_empty() || label.chars().count() > 48 {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > 5 || NOT_SPEAKERS.contains(&label.to_lowercase().as_str()) {
        return None;
    }
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    });
    // A time (`10:30`) or a web address (`https://…`) is no label.
    let starts_word = rest
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit() && c != '/');
    (capitalised && starts_word).then_some((label, rest))
}

/// Whether an article is a transcript: three or more paragraphs are lines with labels,
/// at least two labels differ, and most paragraphs after the first line are lines.
pub(super) fn is_transcript(paragraphs: &[&str]) -> bool {
    let labels: Vec<(usize, &str)> = paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| line(p).map(|(l, _)| (i, l)))
        .collect();
    let Some(&(first, l0)) = labels.first() else {
        return false;
    };
    let after = paragraphs.len() - first;
    labels.len() >= 3
        && labels.iter().any(|(_, l)| !l.eq_ignore_ascii_case(l0))
        && labels.len() * 2 >= after
}

/// A label as a name: `SEN. ANN COLE` → `Sen. Ann Cole`.
fn name_of(label: &str) -> String {
    if label.chars().any(char::is_lowercase) {
        return label.to_string();
    }
    label
        .split_whitespace()
        .map(|w| {
            let mut out = String::new();
            for (i, c) in w.chars().enumerate() {
                if i == 0 || matches!(out.chars().last(), Some('-' | '\'' | '’')) {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A turn's words without the quotation marks around the whole of them (`Cole: “Thank
/// you.”`, a release printing a hearing's exchange; `“Thank you.` when the closing mark is
/// lost); a turn with other marks inside is kept as written.
fn unquoted(text: &str) -> &str {
    let t = without_link(text.trim());
    for (open, close) in [('“', '”'), ('"', '"')] {
        // (The closing mark may be typed as an opening one, `… I’m-“`.)
        let closed = |s: &'_ str| -> Option<usize> {
            s.strip_suffix(close)
                .or_else(|| {
                    s.strip_suffix(open)
                        .filter(|r| !r.ends_with(char::is_whitespace))
                })
                .map(str::len)
        };
        let inner = match t.strip_prefix(open) {
            Some(inner) => closed(inner).map_or(inner, |end| &inner[..end]),
            // A paragraph going on with the turn, its closing mark at its end: `… are also
            // domestic terrorists?”`.
            None => match closed(t) {
                Some(end) => &t[..end],
                None => continue,
            },
        };
        if !inner.contains([open, close]) {
            return inner.trim();
        }
    }
    t
}

/// A line's words without the web address printed after them (`GRAHAM: “…” https://…`):
/// a link to the video, no one's words.
fn without_link(t: &str) -> &str {
    match t.rsplit_once(char::is_whitespace) {
        Some((words, last))
            if ["http://", "https://", "www."]
                .iter()
                .any(|w| last.starts_with(w))
                && words.trim_end().ends_with(['”', '"']) =>
        {
            words.trim_end()
        }
        _ => t,
    }
}

/// The turn a transcript's paragraph goes on with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Turn {
    /// A line printed in quotation marks, by this speaker.
    Quoted(usize),
    /// A line with no quotation marks: no one's quote.
    Unmarked,
}

/// Whether a line's words open with a quotation mark.
fn opens_marked(text: &str) -> bool {
    text.trim_start().starts_with(['"', '“'])
}

impl Drafter<'_> {
    /// Drafts a paragraph of a transcript: a line printed in quotation marks as a quote by
    /// its label, a paragraph with no label as more of the turn before (`turn`); a line
    /// with no marks and the paragraphs of its turn as nothing. Gives the turn.
    pub(super) fn transcript_paragraph(&mut self, p: &str, turn: Option<Turn>) -> Option<Turn> {
        let (by, text, rule) = match line(p) {
            Some((_, rest)) if !opens_marked(rest) => return Some(Turn::Unmarked),
            Some((label, rest)) => {
                let by = if matches!(
                    label.to_lowercase().as_str(),
                    "q" | "a" | "question" | "answer" | "audience" | "unidentified speaker"
                ) {
                    self.unattributed(p)
                } else {
                    let name = name_of(label);
                    let toks = tokens(&name, 0..name.len());
                    let np = np_from(&name, &toks)?;
                    self.entity(&np, p, "a transcript line: `NAME: …`")?
                };
                (by, rest, "a transcript line: `NAME: …`")
            }
            // (`Key excerpts from the exchange:`: a paragraph introducing the lines after it
            // is nobody's words.)
            None if p.trim_end().ends_with(':') => return None,
            None => (
                match turn? {
                    Turn::Quoted(by) => by,
                    Turn::Unmarked => return Some(Turn::Unmarked),
                },
                p.trim(),
                "a transcript paragraph that goes on with the turn before",
            ),
        };
        // (`…`, a cut in the exchange: no words of the turn.)
        if !text.chars().any(char::is_alphanumeric) {
            return Some(Turn::Quoted(by));
        }
        let text = unquoted(text);
        self.last_speaker = Some(by);
        self.spoke[by] += 1;
        self.d.quotes.push(Quote {
            by,
            kind: QuoteKind::Direct,
            text: text.to_string(),
            to: None,
            context: None,
            note: Note {
                sentence: super::shorten(p.trim(), 300),
                rule: rule.to_string(),
            },
        });
        Some(Turn::Quoted(by))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_not_lines() {
        assert_eq!(
            line("SEN. COLE: Thank you."),
            Some(("SEN. COLE", "Thank you."))
        );
        assert_eq!(line("Q: And then?"), Some(("Q", "And then?")));
        assert_eq!(line("Photo: Ann Cole"), None);
        assert_eq!(line("The talks began at 10:30 and ended late."), None);
        assert_eq!(line("He said: it is over."), None);
        assert_eq!(line("Visit https://example.org"), None);
        assert_eq!(line("Time: 10:30"), None);
        assert_eq!(name_of("SEN. ANN COLE"), "Sen. Ann Cole");
        assert_eq!(name_of("Ann Cole"), "Ann Cole");
        assert_eq!(name_of("O'NEIL"), "O'Neil");
    }

    #[test]
    fn a_turn_printed_in_quotation_marks_is_its_words() {
        assert_eq!(unquoted("“Thank you.”"), "Thank you.");
        assert_eq!(unquoted("\"Thank you.\""), "Thank you.");
        assert_eq!(unquoted("“Thank you, ma’am?"), "Thank you, ma’am?");
        assert_eq!(unquoted("“One,” he said, “two.”"), "“One,” he said, “two.”");
        assert_eq!(unquoted("Thank you."), "Thank you.");
    }

    #[test]
    fn a_transcript_has_lines_of_two_speakers_at_least() {
        let t = ["Hearing", "COLE: One.", "RUIZ: Two.", "COLE: Three."];
        assert!(is_transcript(&t));
        let one = ["Hearing", "COLE: One.", "COLE: Two.", "COLE: Three."];
        assert!(!is_transcript(&one));
        let prose = [
            "Note: this is prose.",
            "A long paragraph of prose.",
            "Update: more.",
            "More prose.",
            "Even more prose.",
            "Photo: something.",
            "Prose again.",
            "Prose once more.",
        ];
        assert!(!is_transcript(&prose));
    }
}
