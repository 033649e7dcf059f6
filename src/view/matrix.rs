//! The claims matrix as data: rows are a story's claims, columns the parties
//! and analysts that took a stance on any claim (parties first, in file order,
//! then analysts), and a cell is one stance, written as a glyph and a word so
//! that it reads without colour.

use std::collections::HashSet;

use crate::corpus::Role;
use crate::story::{Claim, Stance, StanceKind, Story, Str};

use super::words::stance_word;

/// One column: a party or an analyst with at least one stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Other names of a party (a shorter one may head the column).
    pub aliases: &'a [Str],
    pub role: Role,
}

/// The columns of the matrix, in order.
pub fn columns(story: &Story) -> Vec<Column<'_>> {
    let with_stance: HashSet<&str> = story
        .claims
        .iter()
        .flat_map(|c| c.stances.iter().map(|s| s.by.as_str()))
        .collect();
    let parties = story
        .parties
        .iter()
        .filter(|p| with_stance.contains(p.id.as_str()))
        .map(|p| Column {
            id: &p.id,
            name: &p.name,
            aliases: &p.aliases,
            role: Role::Party,
        });
    let analysts = story
        .analysts
        .iter()
        .filter(|a| with_stance.contains(a.id.as_str()))
        .map(|a| Column {
            id: &a.id,
            name: &a.name,
            aliases: &[],
            role: Role::Analyst,
        });
    parties.chain(analysts).collect()
}

/// The stance of `id` on a claim now, if one was given (the latest of a history).
pub fn cell<'a>(claim: &'a Claim, id: &str) -> Option<&'a Stance> {
    claim.current_stances().into_iter().find(|s| s.by == id)
}

/// Whether the stance of `id` on a claim changed: it has a history.
pub fn changed(claim: &Claim, id: &str) -> bool {
    claim.changed(id)
}

/// Between the glyph and the word of a changed stance's cell, instead of a space
/// (`✗*disputes`): the history is under the matrix.
pub const CHANGED_MARK: &str = "*";

/// The glyph of a stance: ✓ supports, ✗ disputes, · neutral, ± mixed,
/// ? unclear, — no comment.
pub fn glyph(kind: StanceKind) -> &'static str {
    crate::wording::stance_glyph(kind)
}

/// A cell as shown: "✓ supports", "— no comment", "✗*disputes" for a stance that
/// changed (the same width: a cell holds "— no comment").
pub fn cell_label(kind: StanceKind, changed: bool) -> String {
    let mark = if changed { CHANGED_MARK } else { " " };
    format!("{}{mark}{}", glyph(kind), stance_word(kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{Analyst, Party, PartyKind};

    fn party(id: &str) -> Party {
        Party {
            id: id.into(),
            name: id.to_uppercase().into(),
            kind: PartyKind::Company,
            aliases: vec![],
            description: None,
            position: None,
            role: None,
            speaks_for: None,
        }
    }

    fn stance(by: &str, stance: StanceKind) -> Stance {
        Stance {
            by: by.into(),
            stance,
            note: None,
            quote: None,
            date: None,
        }
    }

    #[test]
    fn columns_are_parties_in_file_order_then_analysts_with_a_stance() {
        let story = Story {
            format: 1,
            id: "s".into(),
            title: "t".into(),
            date: None,
            question: None,
            summary: None,
            tags: vec![],
            sources: vec![],
            parties: vec![party("b"), party("silent"), party("a")],
            analysts: vec![Analyst {
                id: "x".into(),
                name: "X".into(),
                role: None,
                affiliation: None,
                view: None,
            }],
            quotes: vec![],
            claims: vec![
                Claim {
                    id: "c1".into(),
                    text: "one".into(),
                    status: None,
                    source: None,
                    stances: vec![
                        stance("x", StanceKind::Mixed),
                        stance("a", StanceKind::Supports),
                    ],
                },
                Claim {
                    id: "c2".into(),
                    text: "two".into(),
                    status: None,
                    source: None,
                    stances: vec![stance("b", StanceKind::NoComment)],
                },
            ],
            timeline: vec![],
            extensions: vec![],
            file: "s.yaml".into(),
        };
        let ids: Vec<&str> = columns(&story).iter().map(|c| c.id).collect();
        assert_eq!(ids, ["b", "a", "x"]);
        assert_eq!(
            cell(&story.claims[0], "a").map(|s| s.stance),
            Some(StanceKind::Supports)
        );
        assert!(cell(&story.claims[1], "a").is_none());
        assert_eq!(cell_label(StanceKind::NoComment, false), "— no comment");
        assert_eq!(cell_label(StanceKind::Disputes, false), "✗ disputes");
        assert_eq!(cell_label(StanceKind::NoComment, true), "—*no comment");
        assert!(!changed(&story.claims[0], "a"));
    }

    #[test]
    fn a_cell_shows_the_stance_now_and_marks_a_changed_one() {
        let stance_of = stance;
        let dated = |kind, d: &str| Stance {
            date: crate::story::PartialDate::parse(d).ok(),
            ..stance_of("a", kind)
        };
        let claim = Claim {
            id: "c".into(),
            text: "t".into(),
            status: None,
            source: None,
            // In file order, not date order: the latest by date is the stance now.
            stances: vec![
                dated(StanceKind::Disputes, "2024-03-04"),
                dated(StanceKind::Supports, "2024-03-01"),
                stance("b", StanceKind::Neutral),
            ],
        };
        assert_eq!(
            cell(&claim, "a").map(|s| s.stance),
            Some(StanceKind::Disputes)
        );
        assert!(changed(&claim, "a"));
        assert!(!changed(&claim, "b"));
        assert_eq!(
            cell(&claim, "b").map(|s| s.stance),
            Some(StanceKind::Neutral)
        );
    }
}
