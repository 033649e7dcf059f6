//! The words a value reads as, wherever it shows.

use crate::corpus::Corpus;
use crate::story::{ClaimStatus, StanceKind};

/// What a stance word means, as shown.
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

/// "alleged" or "no status given".
pub fn status_word(s: Option<ClaimStatus>) -> &'static str {
    s.map_or("no status given", |s| s.as_str())
}

/// "1 file failed to load · 2 warnings".
pub fn problems_summary(corpus: &Corpus) -> String {
    let failed = corpus
        .files
        .iter()
        .filter(|f| f.first_error.is_some())
        .count();
    let errors = corpus.errors().count();
    let warnings = corpus.warnings().count();
    let mut parts = Vec::new();
    if failed > 0 {
        parts.push(format!(
            "{failed} file{} failed to load",
            if failed == 1 { "" } else { "s" }
        ));
    }
    if errors > 0 && failed == 0 {
        parts.push(format!(
            "{errors} error{}",
            if errors == 1 { "" } else { "s" }
        ));
    }
    if warnings > 0 {
        parts.push(format!(
            "{warnings} warning{}",
            if warnings == 1 { "" } else { "s" }
        ));
    }
    parts.join(" · ")
}
