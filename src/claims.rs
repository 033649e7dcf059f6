//! One claim across the corpus: finding it by id or by the words of its text
//! (accent- and case-insensitive), and the stories that carry it. A claim of a
//! format-2 story joins the claims with its id in every other format-2 story
//! ([`Corpus::claim`]); a claim of a format-1 story stands alone.

use crate::corpus::Corpus;
use crate::export::plain;
use crate::story::{Claim, Story};
use crate::wording::stance_word;

/// One claim, in every story that carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedClaim<'a> {
    pub id: &'a str,
    /// (story index, index in its `claims`), in corpus order.
    pub appearances: Vec<(usize, usize)>,
}

impl<'a> SharedClaim<'a> {
    /// Each story's version of the claim, with the story's index.
    pub fn claims(&self, corpus: &'a Corpus) -> Vec<(usize, &'a Claim)> {
        self.appearances
            .iter()
            .filter_map(|&(si, ci)| Some((si, corpus.stories.get(si)?.claims.get(ci)?)))
            .collect()
    }
}

/// What a query names.
pub type Lookup<'a> = crate::people::Lookup<SharedClaim<'a>>;

/// The distinct outlets of a story's sources, in file order: who reported it.
pub fn outlets(story: &Story) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for o in story.sources.iter().filter_map(|s| s.outlet.as_deref()) {
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// Every claim of the corpus, in order of first appearance: a format-2 claim once
/// with all the stories that carry its id, a format-1 claim on its own.
pub fn all(corpus: &Corpus) -> Vec<SharedClaim<'_>> {
    let mut out = Vec::new();
    for (si, story) in corpus.stories.iter().enumerate() {
        for (ci, c) in story.claims.iter().enumerate() {
            match corpus.claim(&c.id).filter(|_| story.format >= 2) {
                // Listed once, where it first appears.
                Some(shared) if shared.appearances.first() == Some(&(si, ci)) => {
                    out.push(SharedClaim {
                        id: &c.id,
                        appearances: shared.appearances.clone(),
                    })
                }
                Some(_) => {}
                None => out.push(SharedClaim {
                    id: &c.id,
                    appearances: vec![(si, ci)],
                }),
            }
        }
    }
    out
}

/// The claim with this id: across the format-2 stories, or the one format-1 claim.
pub fn by_id<'a>(corpus: &'a Corpus, id: &str) -> Option<SharedClaim<'a>> {
    let mut found = all(corpus).into_iter().filter(|c| c.id == id);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Where the stories carrying a claim differ, side by side (nothing for one story):
/// "status: alleged (a) | unverified (b)", then for each party or analyst with a
/// stance in any of them, its stance now in each story ("White House: supports (a) |
/// no comment (since 14 Nov 2025) (b)"; "no stance (b)" where it gives none).
/// Raw story text: sanitize it for display.
pub fn side_by_side(corpus: &Corpus, c: &SharedClaim<'_>) -> Vec<String> {
    let versions = c.claims(corpus);
    if versions.len() < 2 {
        return Vec::new();
    }
    let story_id = |si: usize| corpus.stories[si].id.as_str();
    let status: Vec<String> = versions
        .iter()
        .map(|&(si, x)| {
            let s = x.status.map_or("no status given", |s| s.as_str());
            format!("{s} ({})", story_id(si))
        })
        .collect();
    let mut lines = vec![format!("status: {}", status.join(" | "))];
    let mut takers: Vec<&str> = Vec::new();
    for (_, x) in &versions {
        for s in &x.stances {
            if !takers.contains(&s.by.as_str()) {
                takers.push(&s.by);
            }
        }
    }
    for by in takers {
        let name = versions
            .iter()
            .find(|(_, x)| x.stances.iter().any(|s| s.by == by))
            .map_or_else(
                || by.to_string(),
                |&(si, _)| plain::speaker_name(&corpus.stories[si], by),
            );
        let cells: Vec<String> = versions
            .iter()
            .map(
                |&(si, x)| match x.current_stances().into_iter().find(|s| s.by == by) {
                    Some(s) => format!(
                        "{} ({})",
                        plain::stance_when(x, s, stance_word),
                        story_id(si)
                    ),
                    None => format!("no stance ({})", story_id(si)),
                },
            )
            .collect();
        lines.push(format!("{name}: {}", cells.join(" | ")));
    }
    lines
}

/// Finds the claim a query names: an exact id wins (several claims with it that do
/// not join are candidates); then the claims whose text (in any story) or id has
/// every query word as a whole word or a word prefix; then fuzzy matches of the id
/// and the text.
pub fn lookup<'a>(corpus: &'a Corpus, query: &str) -> Lookup<'a> {
    let query = query.trim();
    let every = all(corpus);
    let mut exact: Vec<SharedClaim> = every.iter().filter(|c| c.id == query).cloned().collect();
    match exact.len() {
        1 => return Lookup::One(exact.swap_remove(0)),
        n if n > 1 => return Lookup::Ambiguous(exact),
        _ => {}
    }
    let texts = |c: &SharedClaim<'a>| -> Vec<&'a str> {
        let mut t = vec![c.id];
        t.extend(c.claims(corpus).into_iter().map(|(_, x)| x.text.as_str()));
        t
    };
    crate::people::by_words(&every, query, texts, texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::parse::parse_str;
    use std::path::Path;

    fn story(format: u64, id: &str, claims: &[(&str, &str)]) -> crate::story::FileResult {
        let mut text = format!("format: {format}\nid: {id}\ntitle: T\nclaims:\n");
        for (cid, t) in claims {
            text.push_str(&format!("  - id: {cid}\n    text: {t}\n"));
        }
        let r = parse_str(Path::new(&format!("{id}.yaml")), &text);
        assert!(r.story.is_some(), "{:#?}", r.diagnostics);
        r
    }

    fn corpus() -> Corpus {
        Corpus::from_results(vec![
            story(
                2,
                "a",
                &[
                    ("memo", "The memo alleges support."),
                    ("other", "Tariffs rise."),
                ],
            ),
            story(
                1,
                "b",
                &[("memo", "A memo of its own."), ("solo", "Prices fall.")],
            ),
            story(2, "c", &[("memo", "The Mémo alleges support, again.")]),
            story(1, "d", &[("solo", "Prices fall again.")]),
        ])
    }

    fn one(l: Lookup<'_>) -> Vec<(usize, usize)> {
        match l {
            Lookup::One(c) => c.appearances,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn format_2_claims_join_and_format_1_claims_stand_alone() {
        let c = corpus();
        let ids: Vec<(&str, usize)> = all(&c)
            .iter()
            .map(|x| (x.id, x.appearances.len()))
            .collect();
        assert_eq!(
            ids,
            [
                ("memo", 2),
                ("other", 1),
                ("memo", 1),
                ("solo", 1),
                ("solo", 1)
            ]
        );
        // An id that two claims have that do not join is ambiguous.
        assert!(matches!(lookup(&c, "memo"), Lookup::Ambiguous(v) if v.len() == 2));
        assert!(matches!(lookup(&c, "solo"), Lookup::Ambiguous(v) if v.len() == 2));
        assert!(by_id(&c, "memo").is_none());
        assert_eq!(one(lookup(&c, "other")), [(0, 1)]);
    }

    #[test]
    fn folded_words_of_the_text_find_a_claim() {
        let c = corpus();
        // Accents and case do not matter; word prefixes do.
        assert_eq!(one(lookup(&c, "MEMO alleg")), [(0, 0), (2, 0)]);
        assert_eq!(one(lookup(&c, "tariff")), [(0, 1)]);
        assert_eq!(one(lookup(&c, "its own")), [(1, 0)]);
        assert!(matches!(lookup(&c, "prices"), Lookup::Ambiguous(v) if v.len() == 2));
        assert!(matches!(lookup(&c, "zzqx"), Lookup::None));
        assert!(matches!(lookup(&c, "  "), Lookup::None));
    }
}
