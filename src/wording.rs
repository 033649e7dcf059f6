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

/// A speaker as the format words them: `Name (role, Party)` for one who speaks for a
/// party, `Name (speaking for Party)` without a role, `Name (role)` for a role alone.
pub fn speaker(name: &str, role: Option<&str>, speaks_for: Option<&str>) -> String {
    match (role, speaks_for) {
        (Some(r), Some(f)) => format!("{name} ({r}, {f})"),
        (None, Some(f)) => format!("{name} (speaking for {f})"),
        (Some(r), None) => format!("{name} ({r})"),
        (None, None) => name.to_string(),
    }
}

/// Who the words were said (or refused) to, after the words: `" (to Reuters)"` or `""`.
pub fn to_mark(to: Option<&str>) -> String {
    to.map(|t| format!(" (to {t})")).unwrap_or_default()
}

/// A source as shown where it is referred to, with what it cites: `name` is each
/// source's own label; `chain` is the citation chain (the source first), `more` the
/// names of the sources the last one cites when it cites several.
/// "Reuters report, citing Financial Times report, citing White House memo".
pub fn citing(chain: &[String], more: &[String]) -> String {
    let mut out = chain.join(", citing ");
    if !more.is_empty() {
        out = format!("{out}, citing {}", more.join(" and "));
    }
    out
}

/// A stance with its date and its history, oldest first, each `(word, date)`:
/// "disputes (since 14 Nov 2025); earlier: supports (1 Nov 2025)".
pub fn dated_stance(word: &str, date: Option<&str>, earlier: &[(&str, Option<&str>)]) -> String {
    let mut out = match date {
        Some(d) => format!("{word} (since {d})"),
        None => word.to_string(),
    };
    if !earlier.is_empty() {
        let past: Vec<String> = earlier
            .iter()
            .map(|(w, d)| match d {
                Some(d) => format!("{w} ({d})"),
                None => w.to_string(),
            })
            .collect();
        out = format!("{out}; earlier: {}", past.join(", "));
    }
    out
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
    fn spokespeople_recipients_chains_and_histories_read_as_the_format_words_them() {
        assert_eq!(
            speaker("Liu Pengyu", Some("spokesperson"), Some("Chinese Embassy")),
            "Liu Pengyu (spokesperson, Chinese Embassy)"
        );
        assert_eq!(speaker("L", None, Some("E")), "L (speaking for E)");
        assert_eq!(speaker("L", Some("r"), None), "L (r)");
        assert_eq!(to_mark(Some("Reuters")), " (to Reuters)");
        assert_eq!(
            citing(&["A".into(), "B".into()], &["C".into(), "D".into()]),
            "A, citing B, citing C and D"
        );
        assert_eq!(
            dated_stance(
                "disputes",
                Some("14 Nov 2025"),
                &[("supports", Some("1 Nov 2025"))]
            ),
            "disputes (since 14 Nov 2025); earlier: supports (1 Nov 2025)"
        );
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
