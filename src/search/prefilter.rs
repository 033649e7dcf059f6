//! Whether a story file's text may hold an item a query matches, before it is
//! parsed: a one-shot search (`storyx search --no-cache`) parses only the files
//! that may, since parsing is most of its time.
//!
//! Never false for a file that holds a match: a word of the query matches an
//! item in one of its fields ([`super::matcher`]), either inside one word of the
//! field (contiguously or scattered), as the initials of words in a row, or, in a
//! name, scattered across the whole name. Each of these is looked for in the
//! folded text of the file as written ([`Skim`]: only texts whose values are
//! written out as they are read): inside one token, as initials of tokens in a
//! row, or scattered across a span that may hold a name whole. Texts that are
//! searched but not written in the file (dates as they display, stance words, a
//! refusal's phrase) are allowed for beforehand: a word they may match is not
//! looked for.

use super::fold::{fold, fold_into};
use super::matcher::{initials_at, is_subsequence, is_subsequence_in_a_token, Pattern, Word};
use crate::story::skim::Skim;
use crate::story::{PartialDate, QuoteKind, StanceKind};

/// A query's test of a file's text.
pub struct Prefilter {
    pattern: Pattern,
    /// The words that can only match text written in the file.
    written: Vec<usize>,
}

impl Prefilter {
    pub fn new(query: &str) -> Prefilter {
        let pattern = Pattern::new(query);
        let written = (0..pattern.words.len())
            .filter(|&i| !may_match_derived(&pattern.words[i]))
            .collect();
        Prefilter { pattern, written }
    }

    /// The file's [`Skim`] when its text cannot hold an item the query matches;
    /// `None` when it may, or when its text is not plain enough to tell.
    pub fn turns_down<'t>(&self, text: &'t str) -> Option<Skim<'t>> {
        if self.written.is_empty() {
            return None;
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let folded = fold_loosely(text);
        // Most words are found inside a word of the text, or most files miss one.
        let missing: Vec<&Word> = self
            .written
            .iter()
            .map(|&i| &self.pattern.words[i])
            .filter(|w| !is_subsequence_in_a_token(&folded, &w.text))
            .collect();
        if missing.is_empty() {
            return None;
        }
        let skim = Skim::new(text)?;
        let heads = heads(&folded);
        let spans = std::cell::OnceCell::new();
        let ascii = text.is_ascii();
        let anywhere = |word: &&Word| {
            (word.chars >= 2 && heads.contains(word.text.as_str()))
                || spans
                    .get_or_init(|| skim.name_spans().collect::<Vec<_>>())
                    .iter()
                    .any(|&(s, e)| {
                        if ascii {
                            // Folding ASCII keeps every byte in its place.
                            is_subsequence(&folded[s..e], &word.text)
                        } else {
                            is_subsequence(&fold(&text[s..e]), &word.text)
                        }
                    })
        };
        if missing.iter().all(anywhere) {
            None
        } else {
            Some(skim)
        }
    }
}

/// The text folded as [`fold`] does, but for its ASCII control characters (line
/// breaks, tabs), which stay as they are where `fold` makes them spaces: a token
/// of this text holds whole the tokens of `fold`'s that it covers, and a word start
/// is the same in both, so the tests here find all that they would in `fold`'s,
/// and more. Each ASCII run is copied and lower-cased in place.
fn fold_loosely(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let start = out.len();
        if line.is_ascii() {
            out.push_str(line);
            out[start..].make_ascii_lowercase();
            continue;
        }
        for (i, c) in line.char_indices() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                fold_into(&line[i..i + c.len_utf8()], &mut out);
            }
        }
    }
    out
}

/// The first character of each word of a folded text (a letter or digit after
/// anything else), in order: a word of the query is the initials of words in a
/// row ([`initials_at`]) exactly when it is found in this.
fn heads(folded: &str) -> String {
    let mut out = String::new();
    let mut prev_alnum = false;
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, alnum, len) = if b.is_ascii() {
            (b as char, b.is_ascii_alphanumeric(), 1)
        } else {
            let c = folded[i..].chars().next().unwrap_or(' ');
            (c, c.is_alphanumeric(), c.len_utf8())
        };
        if alnum && !prev_alnum {
            out.push(c);
        }
        prev_alnum = alnum;
        i += len;
    }
    out
}

/// The searched texts that are not written in a story file as they are searched,
/// folded: how dates display (`c. 14 Nov 2025 09:00 UTC?`, a text per month), the
/// stance words, the refusals' phrases. Stance words come in any order in one text.
fn derived_texts() -> (Vec<String>, Vec<String>) {
    let dates = (1..=12)
        .map(|m| format!("2001-{m:02}-01%"))
        .chain(["2001-01-01T09:00Z".to_string()])
        .filter_map(|raw| Some(fold(&PartialDate::parse(&raw).ok()?.to_string())));
    let phrases = QuoteKind::ALL
        .iter()
        .filter_map(|k| k.default_phrase())
        .map(fold);
    let stances = StanceKind::ALL
        .iter()
        .map(|&s| fold(crate::wording::stance_word(s)))
        .collect();
    (dates.chain(phrases).collect(), stances)
}

/// Whether a query word may match a text that is searched but not written as it is
/// in a story file ([`derived_texts`]): any word with a character that is not a
/// lower-case ASCII letter (the digits and marks of dates and times), one inside a
/// word of such a text or the initials of its words in a row, or one made of the
/// stance words' initials (they come in any order) or letters.
pub(crate) fn may_match_derived(word: &Word) -> bool {
    let w = word.text.as_str();
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let (texts, stances) = derived_texts();
    let within = |t: &String| is_subsequence_in_a_token(t, w) || initials_at(t, word).is_some();
    if texts.iter().any(within) || stances.iter().any(within) {
        return true;
    }
    let heads: String = stances
        .iter()
        .flat_map(|s| s.split(' ').filter_map(|t| t.chars().next()))
        .collect();
    w.chars().all(|c| heads.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may(query: &str, text: &str) -> bool {
        assert!(Skim::new(text).is_some(), "a plain text");
        Prefilter::new(query).turns_down(text).is_none()
    }

    const STORY: &str = "id: s\ntitle: \"Tariffs on Ångström steel\"\ndate: \"2025-11-14\"\nparties:\n  - id: rf\n    name: \"Richard Fisher\"\n    position: \"World Trade Organization rules\"\n";

    #[test]
    fn a_file_without_a_word_of_the_query_cannot_match() {
        assert!(!may("tonelson", STORY));
        assert!(!may("richard tonelson", STORY));
        assert!(!may("zzz", STORY));
    }

    #[test]
    fn every_way_a_word_matches_is_kept() {
        // Inside one word, contiguous or scattered, any case and accent.
        assert!(may("FISHER", STORY));
        assert!(may("angstrom", STORY));
        assert!(may("ÅNGSTRÖM stl", STORY));
        // Initials of words in a row, and scattered across a name.
        assert!(may("wto", STORY));
        assert!(may("rfisher", STORY));
        // Text that is searched but not written: dates as shown, stance words.
        assert!(may("nov", STORY));
        assert!(may("14", STORY));
        assert!(may("disputes", STORY));
        assert!(may("declined", STORY));
    }

    #[test]
    fn scattered_across_words_counts_only_in_a_name() {
        // "tow" is scattered over "rules" text words but within no word, initials
        // or name: the position is not a name.
        let text = "id: s\nparties:\n  - id: p\n    name: Ann\n    position: \"the owl\"\n";
        assert!(!may("towl", text));
        let text = "id: s\nparties:\n  - id: p\n    name: \"the owl\"\n";
        assert!(may("towl", text));
    }

    #[test]
    fn a_name_over_several_lines_is_one_span() {
        let text =
            "id: s\nparties:\n  - id: p\n    name: Richard\n      Fisher\n    kind: person\n";
        assert!(may("rfisher", text));
        let text = "id: s\nparties:\n  - id: p\n    name: Richard\n    kind: Fisher\n";
        assert!(!may("rfisher", text));
    }

    #[test]
    fn loose_folding_and_heads_keep_what_the_matcher_reads() {
        let text = "id: Zoë\r\n  Ångström\tAB\n\nWorld Trade Organization 🐟 x\u{7}y ß\n";
        let strict = fold(text);
        let loose = fold_loosely(text);
        // The same but for ASCII controls, which `fold` makes spaces.
        let spaced: String = loose
            .chars()
            .map(|c| if c.is_ascii_control() { ' ' } else { c })
            .collect();
        assert_eq!(spaced, strict);
        assert_eq!(heads(&loose), heads(&strict));
        for query in ["wto", "za", "zaa", "ab", "wtox", "xy", "ss"] {
            let word = &Pattern::new(query).words[0];
            assert_eq!(
                heads(&loose).contains(query),
                initials_at(&strict, word).is_some(),
                "{query}"
            );
        }
    }

    #[test]
    fn the_derived_texts_are_every_month_time_phrase_and_stance() {
        let (texts, stances) = derived_texts();
        assert_eq!(texts.len(), 12 + 1 + 2, "{texts:?}");
        assert!(texts.contains(&"c. 1 dec 2001?".to_string()), "{texts:?}");
        assert!(
            texts.contains(&"1 jan 2001 09:00 utc".to_string()),
            "{texts:?}"
        );
        assert!(stances.contains(&"no comment".to_string()), "{stances:?}");
    }

    #[test]
    fn words_that_derived_texts_may_match_are_not_tested() {
        let p = Prefilter::new("sd c. cn 2001 nov declined supports");
        assert!(p.written.is_empty());
        let p = Prefilter::new("richard fisher");
        assert_eq!(p.written, vec![0, 1]);
    }

    /// The story's YAML with every name of two words or more written as a plain
    /// value over two lines (`name: Richard` / `Fisher` below, more indented).
    fn names_over_two_lines(yaml: &str) -> String {
        let mut out = String::new();
        for line in yaml.lines() {
            let body = line.trim_start_matches([' ', '-']);
            let key_col = line.len() - body.len();
            let value = body
                .strip_prefix("name: \"")
                .and_then(|v| v.strip_suffix('"'));
            match value.and_then(|v| v.split_once(' ')) {
                Some((first, rest))
                    if first.chars().all(char::is_alphanumeric)
                        && !rest.contains([':', '#', '"', '\\']) =>
                {
                    out.push_str(&format!(
                        "{}name: {first}\n{}{rest}\n",
                        &line[..key_col],
                        " ".repeat(key_col + 2)
                    ));
                }
                _ => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// Query words made from a story's own texts, every way a word matches: a
    /// token, its letters scattered, a token's middle, initials of words in a
    /// row, across a name, in other case and accents.
    fn words_from(story: &crate::story::Story) -> Vec<String> {
        let mut out = Vec::new();
        for item in crate::search::items::story_items(0, story) {
            for f in &item.fields {
                let folded = fold(&f.text);
                let tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
                for (i, t) in tokens.iter().enumerate().step_by(3) {
                    let chars: Vec<char> = t.chars().collect();
                    out.push(t.to_string());
                    out.push(chars.iter().step_by(2).collect());
                    if chars.len() > 4 {
                        out.push(chars[1..chars.len() - 1].iter().collect());
                    }
                    let heads: String = tokens[i..]
                        .iter()
                        .take(3)
                        .filter_map(|t| t.chars().next())
                        .collect();
                    out.push(heads);
                }
                if tokens.len() >= 2 {
                    let first = tokens[0].chars().next().unwrap_or('x');
                    out.push(format!("{first}{}", tokens[tokens.len() - 1]));
                }
            }
        }
        let shouted: Vec<String> = out
            .iter()
            .step_by(7)
            .map(|w| w.to_uppercase().replace('E', "É").replace('A', "Å"))
            .collect();
        out.extend(shouted);
        out.sort();
        out.dedup();
        out
    }

    /// The property: on generated stories, written as the generator writes them and
    /// with names over two lines, every story the search finds a query in is one
    /// the prefilter lets through, and the prefilter turns most of them down
    /// for a query made of another story's words.
    #[test]
    fn never_turns_down_a_story_that_holds_a_match() {
        use crate::search::index::Builder;
        use crate::search::Options;
        use std::sync::Arc;
        let n = 16;
        let stories: Vec<crate::story::Story> = (0..n).map(crate::synth::story).collect();
        let mut words: Vec<String> = stories.iter().flat_map(words_from).collect();
        words.sort();
        words.dedup();
        let options = Options {
            limit: 1,
            kind: None,
        };
        // Each story as the generator writes it and with names over two lines,
        // parsed and indexed alone.
        let texts: Vec<String> = stories
            .iter()
            .map(crate::synth::to_yaml)
            .flat_map(|y| [names_over_two_lines(&y), y])
            .collect();
        let files: Vec<(&String, Skim, Arc<super::super::Index>)> = texts
            .iter()
            .filter_map(|text| {
                let parsed = crate::story::parse::parse_str(std::path::Path::new("s.yaml"), text);
                let parsed = Arc::new(parsed.story.expect("the generated story parses"));
                let mut builder = Builder::sharing(1);
                builder.add(0, std::slice::from_ref(&parsed));
                Some((text, Skim::new(text)?, Arc::new(builder.finish())))
            })
            .collect();
        assert!(files.len() > n, "most generated texts are plain");
        let (mut checked, mut turned_down) = (0usize, 0usize);
        for (k, w) in words.iter().enumerate().step_by(23) {
            // One word, and two words (both must match one item).
            let two = format!("{w} {}", words[(k * 7 + 1) % words.len()]);
            for query in [w.as_str(), two.as_str()] {
                let prefilter = Prefilter::new(query);
                for (text, skim, index) in &files {
                    let hits = index.search(query, &options).total;
                    let may = prefilter.turns_down(skim.text()).is_none();
                    assert!(
                        may || hits == 0,
                        "{query:?} matches but was turned down:\n{text}"
                    );
                    checked += 1;
                    turned_down += usize::from(!may);
                }
            }
        }
        assert!(checked > 5_000, "{checked}");
        assert!(
            turned_down * 6 > checked,
            "{turned_down} of {checked} turned down"
        );
    }
}
