//! One wording for who said what and where they stand, shared by every output
//! (`show`, Markdown, `who`, `search`, the clipboard, the explorer).
//!
//! - A direct quote: `Speaker: “words”`, relayed `Speaker (via X): “words”`.
//! - Reported speech, never in quotation marks: `Speaker (reported): words`,
//!   relayed `Speaker (reported, via X): words`.
//! - A stance, as English: "supports the claim", "has no comment on the claim".
//!
//! These functions neither sanitize nor escape: each output does that for its medium.

use crate::story::{QuoteKind, StanceKind};

/// What follows a speaker's name before the words: `""`, `" (via X)"`,
/// `" (reported)"` or `" (reported, via X)"`.
pub fn speech_mark(kind: QuoteKind, via: Option<&str>) -> String {
    match (kind, via) {
        (QuoteKind::Direct, None) => String::new(),
        (QuoteKind::Direct, Some(v)) => format!(" (via {v})"),
        (QuoteKind::Paraphrase, None) => " (reported)".to_string(),
        (QuoteKind::Paraphrase, Some(v)) => format!(" (reported, via {v})"),
        // A refusal follows the name: "White House declined to comment" (no `via`).
        (QuoteKind::Declined | QuoteKind::NoResponse, _) => String::new(),
    }
}

/// The words as shown: a direct quote inside quotation marks, reported speech as is.
pub fn words(kind: QuoteKind, text: &str) -> String {
    match kind {
        QuoteKind::Direct => format!("“{text}”"),
        QuoteKind::Paraphrase => text.to_string(),
        QuoteKind::Declined | QuoteKind::NoResponse => match kind.default_phrase() {
            Some(phrase) if text.is_empty() => phrase.to_string(),
            _ => text.to_string(),
        },
    }
}

/// A quote with its speaker: `Speaker (reported, via X): words`, `Speaker: “words”`.
/// With an empty speaker (the speaker is shown elsewhere) the mark stands alone:
/// `(reported): words`, `“words”`.
pub fn attributed(by: &str, via: Option<&str>, kind: QuoteKind, text: &str) -> String {
    let mark = speech_mark(kind, via);
    let head = format!("{by}{mark}");
    let head = head.trim_start();
    if head.is_empty() {
        words(kind, text)
    } else if kind.is_refusal() {
        format!("{head} {}", words(kind, text))
    } else {
        format!("{head}: {}", words(kind, text))
    }
}

/// A stance as a short word, for table cells and lists: "supports", "no comment".
pub fn stance_word(s: StanceKind) -> &'static str {
    match s {
        StanceKind::Supports => "supports",
        StanceKind::Disputes => "disputes",
        StanceKind::Neutral => "neutral",
        StanceKind::Mixed => "mixed",
        StanceKind::Unclear => "unclear",
        StanceKind::NoComment => "no comment",
    }
}

/// A stance's glyph in the claims matrix: ✓ ✗ · ± ? —.
pub fn stance_glyph(s: StanceKind) -> &'static str {
    match s {
        StanceKind::Supports => "✓",
        StanceKind::Disputes => "✗",
        StanceKind::Neutral => "·",
        StanceKind::Mixed => "±",
        StanceKind::Unclear => "?",
        StanceKind::NoComment => "—",
    }
}

/// A stance as English, with its subject left out: "disputes the claim",
/// "has no comment on the claim".
pub fn stance_phrase(s: StanceKind) -> &'static str {
    match s {
        StanceKind::Supports => "supports the claim",
        StanceKind::Disputes => "disputes the claim",
        StanceKind::Neutral => "is neutral on the claim",
        StanceKind::Mixed => "has a mixed view of the claim",
        StanceKind::Unclear => "is unclear on the claim",
        StanceKind::NoComment => "has no comment on the claim",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_form_for_reported_speech_and_its_via_variant() {
        use QuoteKind::*;
        assert_eq!(attributed("A", None, Direct, "w"), "A: “w”");
        assert_eq!(attributed("A", Some("B"), Direct, "w"), "A (via B): “w”");
        assert_eq!(attributed("A", None, Paraphrase, "w"), "A (reported): w");
        assert_eq!(
            attributed("A", Some("B"), Paraphrase, "w"),
            "A (reported, via B): w"
        );
        assert_eq!(attributed("", None, Paraphrase, "w"), "(reported): w");
        assert_eq!(attributed("", None, Direct, "w"), "“w”");
    }

    #[test]
    fn every_stance_reads_as_english() {
        for &s in StanceKind::ALL {
            let p = stance_phrase(s);
            assert!(p.ends_with("the claim"), "{p}");
            assert!(!p.contains('-'), "{p}");
        }
        assert_eq!(
            stance_phrase(StanceKind::NoComment),
            "has no comment on the claim"
        );
    }
}
