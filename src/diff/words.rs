//! Words: how alike two texts are (the share of words in common) and which words
//! changed from one to the other (a word-level diff, marked in pieces).

use similar::{Algorithm, ChangeTag};

/// A text of more words than this (old and new together) is not diffed word by
/// word: it is shown as one piece removed and one added, so a huge edited summary
/// costs no quadratic time.
pub const MAX_DIFF_WORDS: usize = 20_000;

/// What a piece of an edited text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// In both versions.
    Same,
    /// Only in the old version (removed).
    Old,
    /// Only in the new version (added).
    New,
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub mark: Mark,
    pub text: String,
}

/// The words of a text as the similarity counts them: runs of letters and digits,
/// lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of the longer text's words that the two texts have in common
/// (counting repeated words as often as both have them): 1.0 for the same words
/// in any order, 0.0 for none in common. Two texts without words are alike.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (mut a, mut b) = (words(a), words(b));
    a.sort_unstable();
    b.sort_unstable();
    share(&a, &b)
}

/// The share of the longer of two sorted bags of words that both have (counting
/// a repeated word as often as both have it); 1.0 for two empty bags.
pub fn share<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / longer as f64
}

/// The words that changed from `old` to `new`: pieces that, read with their marks,
/// give the old text's words (Same and Old) and the new text's (Same and New),
/// for showing; the exact texts are the caller's. Changed words
/// separated only by white space form one removed piece and one added piece
/// (`[-a b-]{+c d+}`, not `[-a-]{+c+} [-b-]{+d+}`); white space at the edges of a
/// change stays unmarked.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    if old == new {
        push(&mut out, Mark::Same, old);
        return out;
    }
    let count = |t: &str| t.split_whitespace().count();
    if count(old) + count(new) > MAX_DIFF_WORDS {
        change(&mut out, old, new);
        return out;
    }
    let tokens = similar::utils::diff_words(Algorithm::Patience, old, new);
    let mut i = 0;
    while i < tokens.len() {
        let (tag, text) = tokens[i];
        if tag == ChangeTag::Equal {
            push(&mut out, Mark::Same, text);
            i += 1;
            continue;
        }
        // A hunk: changed tokens, and the white space between them.
        let mut end = i;
        let mut j = i;
        while j < tokens.len() {
            let (t, s) = tokens[j];
            if t != ChangeTag::Equal {
                end = j + 1;
            } else if !s.chars().all(char::is_whitespace) {
                break;
            }
            j += 1;
        }
        let (mut was, mut now) = (String::new(), String::new());
        for &(t, s) in &tokens[i..end] {
            match t {
                ChangeTag::Delete => was.push_str(s),
                ChangeTag::Insert => now.push_str(s),
                ChangeTag::Equal => {
                    was.push_str(s);
                    now.push_str(s);
                }
            }
        }
        change(&mut out, &was, &now);
        i = end;
    }
    out
}

/// `was` replaced by `now`: the changed words marked, the white space at the
/// edges of the change left unmarked (and not doubled).
fn change(out: &mut Vec<Piece>, was: &str, now: &str) {
    let (old_words, new_words) = (was.trim(), now.trim());
    if old_words.is_empty() && new_words.is_empty() {
        // Only white space changed: show it as it is now.
        push(out, Mark::Same, now);
        return;
    }
    let edge = if old_words.is_empty() { now } else { was };
    let lead = &edge[..edge.len() - edge.trim_start().len()];
    let trail = &edge[edge.trim_end().len()..];
    let ends_in_space = out
        .last()
        .is_none_or(|p| p.mark == Mark::Same && p.text.ends_with(char::is_whitespace));
    if !ends_in_space {
        push(out, Mark::Same, lead);
    }
    push(out, Mark::Old, old_words);
    push(out, Mark::New, new_words);
    push(out, Mark::Same, trail);
}

/// Appends text with a mark, joining it to the last piece when the marks agree.
fn push(out: &mut Vec<Piece>, mark: Mark, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(text),
        _ => out.push(Piece {
            mark,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces in the `[-old-]{+new+}` notation.
    fn marked(old: &str, new: &str) -> String {
        diff(old, new)
            .iter()
            .map(|p| match p.mark {
                Mark::Same => p.text.clone(),
                Mark::Old => format!("[-{}-]", p.text),
                Mark::New => format!("{{+{}+}}", p.text),
            })
            .collect()
    }

    /// The words of one side, read from the pieces.
    fn side(pieces: &[Piece], keep: Mark) -> Vec<String> {
        let text: String = pieces
            .iter()
            .filter(|p| p.mark == Mark::Same || p.mark == keep)
            .map(|p| format!("{} ", p.text))
            .collect();
        text.split_whitespace().map(str::to_string).collect()
    }
    fn split(t: &str) -> Vec<String> {
        t.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        assert_eq!(
            marked(
                "complete distortion of facts",
                "a complete distortion of the facts"
            ),
            "{+a+} complete distortion of {+the+} facts"
        );
        assert_eq!(
            marked(
                "The assertions are false",
                "The assertions are entirely untrue"
            ),
            "The assertions are [-false-]{+entirely untrue+}"
        );
        assert_eq!(marked("same words", "same words"), "same words");
        assert_eq!(marked("one two three", "one three"), "one [-two-] three");
    }

    #[test]
    fn changes_separated_by_spaces_are_one_change() {
        assert_eq!(marked("a b c d", "a x y d"), "a [-b c-]{+x y+} d");
    }

    #[test]
    fn both_sides_read_back_word_for_word() {
        let cases = [
            (
                "Denies the allegations.",
                "Denied  the\nallegations, firmly.",
            ),
            ("", "new text"),
            ("old text", ""),
            ("  lead", "lead  "),
            ("Ångström said “no”", "Angstrom said “yes”"),
        ];
        for (old, new) in cases {
            let p = diff(old, new);
            assert_eq!(side(&p, Mark::Old), split(old), "{p:?}");
            assert_eq!(side(&p, Mark::New), split(new), "{p:?}");
        }
    }

    #[test]
    fn a_huge_text_is_one_change_without_a_word_diff() {
        let old = "w ".repeat(MAX_DIFF_WORDS);
        let new = format!("{old}x");
        let p = diff(&old, &new);
        assert_eq!(p.iter().filter(|p| p.mark == Mark::New).count(), 1);
        assert_eq!(side(&p, Mark::New), split(&new));
        assert_eq!(side(&p, Mark::Old), split(&old));
    }

    #[test]
    fn similarity_is_the_share_of_the_longer_texts_words() {
        assert_eq!(similarity("a b c", "c b a"), 1.0);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("a b", ""), 0.0);
        // 4 of the longer text's 6 words.
        let s = similarity(
            "complete distortion of facts",
            "a complete distortion of the facts",
        );
        assert!((s - 4.0 / 6.0).abs() < 1e-9);
        // Case and punctuation do not count; repeated words count as often as both have them.
        assert_eq!(similarity("No, no.", "no NO"), 1.0);
        assert_eq!(similarity("no no no", "no"), 1.0 / 3.0);
    }
}
