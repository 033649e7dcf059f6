//! Case and accent folding for matching: `Ångström` → `angstrom`, `Zoë` → `zoe`,
//! with a map from each folded character back to the original one (for highlights).
//!
//! Folding is per character: compatibility decomposition (NFKD), combining marks
//! dropped, lower case, a few letters that do not decompose spelled out (`ß` → `ss`,
//! `ø` → `o`, `ł` → `l`, ...), and every white-space or control character made a plain
//! space. Folding a prefix of a text gives a prefix of the folded text, which the
//! incremental search relies on.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// A folded text and, for each of its characters, the index of the original
/// character it came from (character indices, not byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<usize>,
}

impl Folded {
    /// The original character indices of these folded character indices, sorted, without repeats.
    pub fn original_positions(&self, folded: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = folded
            .into_iter()
            .filter_map(|i| self.origin.get(i).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Letters that neither decompose nor lower-case to plain Latin letters.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ħ' => "h",
        'ı' => "i",
        _ => return None,
    })
}

/// Calls `emit` with each folded character of `c`.
#[inline]
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        if c.is_ascii_whitespace() || c.is_ascii_control() {
            emit(' ');
        } else {
            emit(c.to_ascii_lowercase());
        }
        return;
    }
    if c.is_whitespace() || c.is_control() {
        emit(' ');
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            if is_combining_mark(l) {
                continue;
            }
            match spelled_out(l) {
                Some(s) => s.chars().for_each(&mut emit),
                None => emit(l),
            }
        }
    });
}

/// The folded text, for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded text to `out` (the index folds every text into one buffer).
pub fn fold_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    // Whether any byte is a control character, every byte looked at (a loop the
    // compiler makes wide, where stopping at the first is a byte at a time).
    let control = |text: &str| {
        text.bytes()
            .fold(false, |c, b| c | (b < 0x20) | (b == 0x7f))
    };
    if text.is_ascii() && !control(text) {
        // The common case: printable ASCII only lower-cases, in place.
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
        return;
    }
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| {
            if b.is_ascii_whitespace() || b.is_ascii_control() {
                ' '
            } else {
                b.to_ascii_lowercase() as char
            }
        }));
        return;
    }
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
}

/// The folded text with the map back to the original characters, for highlighting.
pub fn fold_with_origin(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (i, c) in text.chars().enumerate() {
        fold_char(c, |f| {
            folded.text.push(f);
            folded.origin.push(i);
        });
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("ÉCOLE Normale"), "ecole normale");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Søren Kierkegaard"), "soren kierkegaard");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn decomposed_input_folds_like_composed_input() {
        assert_eq!(fold("Zoe\u{308}"), fold("Zoë"));
        assert_eq!(fold("A\u{30a}ngstro\u{308}m"), "angstrom");
    }

    #[test]
    fn cjk_and_emoji_are_kept_and_white_space_becomes_spaces() {
        assert_eq!(fold("李伟 (Li Wei)"), "李伟 (li wei)");
        assert_eq!(fold("Fish 🐟\tchips\nnow"), "fish 🐟 chips now");
        assert_eq!(
            fold("ｆｉｓｈ"),
            "fish",
            "full-width letters fold to plain ones"
        );
    }

    #[test]
    fn origin_maps_each_folded_char_to_its_original_char() {
        let f = fold_with_origin("Zoë Straße 李");
        assert_eq!(f.text, "zoe strasse 李");
        // z o e ␠ s t r a s s e ␠ 李
        assert_eq!(f.origin, vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 10, 11]);
        assert_eq!(f.original_positions([8, 9, 12]), vec![8, 11]);

        let d = fold_with_origin("Zoe\u{308}!");
        assert_eq!(d.text, "zoe!");
        assert_eq!(
            d.origin,
            vec![0, 1, 2, 4],
            "the combining mark has no folded char"
        );
    }

    #[test]
    fn folding_is_prefix_preserving() {
        let text = "Ångström, Zoë & 李伟 — Straße 🐟";
        let whole = fold(text);
        for (i, _) in text.char_indices() {
            assert!(whole.starts_with(&fold(&text[..i])), "prefix {i}");
        }
        assert_eq!(fold_with_origin(text).text, whole);
    }
}
