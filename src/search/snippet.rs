//! Why a hit matched: the field the query matched best and the text around the
//! match. Computed when a hit is shown, from the story's own text; the index keeps
//! nothing for it.

use super::fold::fold_with_origin;
use super::items::{self, Kind};
use super::matcher::{self, FieldRef, Pattern};
use crate::story::Story;

/// Characters of context kept before the first matched character.
const BEFORE: usize = 30;
/// Longest snippet, in characters (the ellipses aside).
const LONGEST: usize = 100;

/// The field a hit matched in and the text around the match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    /// The field's key, as in the file: `position`, `aliases[1]`, `stances[0].stance`, `date`.
    pub field: String,
    /// The field's text, or the part of it around the match with `…` where cut; a
    /// stance reads "Name disputes the claim", a date as it displays.
    pub snippet: String,
    /// The matched characters of `snippet` (character indices, sorted).
    pub positions: Vec<usize>,
}

/// Which field of the item (`kind`, `index` of `story`, as a [`super::Hit`] has
/// them) the query matched best: the one where most of its words are found, then
/// the better match, then the first (the main text). `None` when no word matches.
pub fn matched(story: &Story, kind: Kind, index: usize, query: &str) -> Option<Matched> {
    let pattern = Pattern::new(query);
    let item = items::item(0, story, kind, index)?;
    let skim = matcher::skim();
    let mut best: Option<(usize, i32, usize)> = None;
    for (i, f) in item.fields.iter().enumerate() {
        let (found, score) = score(&pattern, &skim, f.role, &super::fold::fold(&f.text));
        if found > 0 && best.is_none_or(|(n, s, _)| (found, score) > (n, s)) {
            best = Some((found, score, i));
        }
    }
    let (_, _, i) = best?;
    let f = &item.fields[i];
    let mut name = f.name.to_string();
    let mut text = f.text.to_string();
    let mut offset = 0;
    if f.name.key == "stances" {
        // The claim's stances are searched as one text of stance words; the hit
        // shows the one that matched best, with whose it is, read as English as in
        // every output: "Alibaba disputes the claim".
        let claim = story.claims.get(index)?;
        let (at, st) = claim.stances.iter().enumerate().max_by_key(|(at, st)| {
            let word = crate::wording::stance_word(st.stance);
            let score = score(&pattern, &skim, f.role, &super::fold::fold(word));
            (score, std::cmp::Reverse(*at))
        })?;
        let by = story.name_of(&st.by);
        name = format!("stances[{at}].stance");
        offset = by.chars().count() + 1;
        text = format!("{by} {}", crate::wording::stance_phrase(st.stance));
    }
    let folded = fold_with_origin(&text);
    let hits = pattern
        .words
        .iter()
        .filter_map(|w| matcher::positions(&skim, &folded.text, f.role, w))
        .flatten()
        .filter(|&p| p >= offset);
    let positions = folded.original_positions(hits);
    let (snippet, positions) = window(&text, &positions);
    Some(Matched {
        field: name,
        snippet,
        positions,
    })
}

/// How many words of the query a folded text holds, and their summed score.
fn score(
    pattern: &Pattern,
    skim: &matcher::Skim,
    role: super::items::Role,
    folded: &str,
) -> (usize, i32) {
    let field = FieldRef::new(folded, role);
    let (mut found, mut score) = (0, 0i32);
    for w in &pattern.words {
        let s = matcher::contiguous(&field, w).or_else(|| {
            matcher::matches(&field, w)
                .then(|| matcher::fuzzy(skim, &field, w))
                .flatten()
        });
        if let Some(s) = s {
            found += 1;
            score = score.saturating_add(s);
        }
    }
    (found, score)
}

/// The part of `text` around `positions`: from a word start a little before the
/// first, at most [`LONGEST`] characters, `…` where cut; the positions moved to it.
fn window(text: &str, positions: &[usize]) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= LONGEST {
        return (text.to_string(), positions.to_vec());
    }
    let first = positions.first().copied().unwrap_or(0);
    let mut start = first.saturating_sub(BEFORE);
    // Start at a word, unless that loses the match.
    while start > 0 && start < first && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let end = (start + LONGEST).min(chars.len());
    let mut out = String::new();
    let lead = usize::from(start > 0);
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let moved = positions
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|&p| p - start + lead)
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        let yaml = r#"
id: s
title: China enters the World Trade Organization
date: 2001-12-11
parties:
  - id: emb
    name: Chinese Embassy in Washington
    position: Denied the accuracy of the memo, calling it a complete distortion of facts, and said much more besides that runs on and on for a long while.
  - id: ali
    name: Alibaba
    aliases: [Ali, Ant]
claims:
  - id: c
    text: Alibaba helped.
    stances:
      - {by: emb, stance: disputes}
      - {by: ali, stance: no-comment}
"#;
        let r = crate::story::parse::parse_str(std::path::Path::new("s.yaml"), yaml);
        r.story
            .unwrap_or_else(|| panic!("test story loads: {:#?}", r.diagnostics))
    }

    #[test]
    fn the_field_that_matched_and_the_text_around_it() {
        let s = story();
        let m = matched(&s, Kind::Party, 0, "distortion").unwrap();
        assert_eq!(m.field, "position");
        assert!(m.snippet.starts_with('…'), "{m:?}");
        let lit: String = m
            .snippet
            .chars()
            .enumerate()
            .filter(|(i, _)| m.positions.contains(i))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(lit, "distortion");

        let m = matched(&s, Kind::Party, 1, "ant").unwrap();
        assert_eq!(
            (m.field.as_str(), m.snippet.as_str()),
            ("aliases[1]", "Ant")
        );
        assert_eq!(m.positions, [0, 1, 2]);

        let m = matched(&s, Kind::Story, 0, "2001").unwrap();
        assert_eq!(
            (m.field.as_str(), m.snippet.as_str()),
            ("date", "11 Dec 2001")
        );
        assert_eq!(m.positions, [7, 8, 9, 10]);

        let m = matched(&s, Kind::Claim, 0, "disputes").unwrap();
        assert_eq!(m.field, "stances[0].stance");
        assert_eq!(
            m.snippet,
            "Chinese Embassy in Washington disputes the claim"
        );
        let m = matched(&s, Kind::Claim, 0, "no comment").unwrap();
        assert_eq!(m.snippet, "Alibaba has no comment on the claim");
        assert_eq!(m.positions, (12..14).chain(15..22).collect::<Vec<_>>());

        let m = matched(&s, Kind::Story, 0, "wto").unwrap();
        assert_eq!(
            (m.field.as_str(), m.positions.as_slice()),
            ("title", &[17, 23, 29][..])
        );
        assert!(matched(&s, Kind::Party, 1, "zzz").is_none());
    }
}
