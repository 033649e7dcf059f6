//! Matching one line of text against a query, for filtering a list in place (the
//! explorer's `f`), with the search's folding (case and accents ignored) and a
//! stricter rule than the search: every word typed must be found as a word, as
//! the start of a word, or as the initials of consecutive words (`wto` for
//! "World Trade Organization", `ft` for "Financial Times"). Letters scattered
//! inside a word do not match (`wto` does not keep "Washington"). In scripts
//! written without spaces between words (Chinese, Japanese, Thai) a word is
//! found anywhere.

use super::fold::{fold, fold_with_origin};

/// A query ready to test many rows.
pub struct Filter {
    /// The query's words, folded.
    words: Vec<String>,
}

/// Whether `c` belongs to a script written without spaces between words.
fn spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x2E80..=0x2FDF    // CJK radicals
        | 0x3000..=0x30FF    // CJK punctuation, Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3FFFF) // CJK extensions
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of a folded text: (byte offset, first character) of each run of
/// letters and digits.
fn word_heads(text: &str) -> Vec<(usize, char)> {
    let mut heads = Vec::new();
    let mut prev = false;
    for (at, c) in text.char_indices() {
        let w = word_char(c);
        if w && !prev {
            heads.push((at, c));
        }
        prev = w;
    }
    heads
}

/// Where `word` is found in the folded `text` by the filter's rule: byte ranges.
fn find(text: &str, word: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let anywhere = word.chars().next().is_some_and(spaceless);
    for (at, _) in text.match_indices(word) {
        let after_word = text[..at].chars().next_back().is_some_and(word_char);
        let inside_spaceless = text[..at].chars().next_back().is_some_and(spaceless);
        if anywhere || !after_word || inside_spaceless {
            return Some(std::iter::once(at..at + word.len()).collect());
        }
    }
    // The initials of consecutive words.
    let letters: Vec<char> = word.chars().collect();
    if letters.len() < 2 || !letters.iter().all(|&c| word_char(c)) {
        return None;
    }
    let heads = word_heads(text);
    heads.windows(letters.len()).find_map(|w| {
        w.iter()
            .zip(&letters)
            .all(|((_, h), l)| h == l)
            .then(|| w.iter().map(|&(at, c)| at..at + c.len_utf8()).collect())
    })
}

impl Filter {
    pub fn new(query: &str) -> Filter {
        Filter {
            words: fold(query).split_whitespace().map(str::to_string).collect(),
        }
    }

    /// Whether the query has no words (then every row is kept).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word of the query is found in the row.
    pub fn keeps(&self, row: &str) -> bool {
        self.keeps_folded(&fold(row))
    }

    /// [`Filter::keeps`] for a row already folded ([`fold`]): for rows tested
    /// again at every key of the query.
    pub fn keeps_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|w| find(folded, w).is_some())
    }

    /// The characters of the row to highlight (character indices, sorted), or `None`
    /// when the row does not match.
    pub fn positions(&self, row: &str) -> Option<Vec<usize>> {
        self.keeps(row).then(|| self.lit(row))
    }

    /// The characters of the row that the words found in it match (character
    /// indices, sorted), whether or not every word is found: for a row that
    /// shows only part of the text that was filtered.
    pub fn lit(&self, row: &str) -> Vec<usize> {
        let folded = fold_with_origin(row);
        let text = &folded.text;
        let hits = self
            .words
            .iter()
            .filter_map(|w| find(text, w))
            .flatten()
            .flat_map(|r| {
                let start = text[..r.start].chars().count();
                start..start + text[r].chars().count()
            });
        folded.original_positions(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_kept_when_every_word_matches() {
        let f = Filter::new("zoe mar");
        assert!(f.keeps("Zoë Martin"));
        assert!(!f.keeps("Zoë Lindqvist"));
        assert!(Filter::new("  ").is_empty());
    }

    #[test]
    fn a_word_matches_whole_at_a_word_start_or_as_initials_never_scattered() {
        let embassy = "Chinese Embassy in Washington denies the report";
        let wto = "China enters the World Trade Organization";
        assert!(!Filter::new("wto").keeps(embassy), "w-t-o scattered");
        assert!(Filter::new("wto").keeps(wto), "initials");
        assert!(Filter::new("WTO").keeps(wto));
        assert!(Filter::new("ft").keeps("Financial Times report"));
        assert!(Filter::new("ccp").keeps("the Chinese Communist Party says"));
        assert!(!Filter::new("ccp").keeps("Chinese party of the Communists"));
        assert!(Filter::new("wash").keeps(embassy), "a word's start");
        assert!(!Filter::new("ington").keeps(embassy), "not inside a word");
        assert!(!Filter::new("mayr").keeps("The mayor said"));
        assert!(Filter::new("SAID ruiz").keeps("Mayor Ana Ruiz: The mayor said"));
        assert!(Filter::new("dock harbor-strike").keeps("harbor-strike: Dockworkers"));
        assert!(Filter::new("2019").keeps("Budget 14 Mar 2019"));
        assert!(Filter::new("19").keeps("Budget 19 Mar"));
        assert!(!Filter::new("19").keeps("Budget 2019"));
        let folded = fold("Zoë Ångström");
        assert!(Filter::new("zoe ANGSTROM").keeps_folded(&folded));
        assert!(!Filter::new("zoe bohr").keeps_folded(&folded));
    }

    #[test]
    fn scripts_without_spaces_match_anywhere() {
        assert!(Filter::new("十年").keeps("自动化需要十年才能回本。"));
        assert!(Filter::new("阿里巴巴").keeps("阿里巴巴集团 (Alibaba)"));
        assert!(Filter::new("li wei").keeps("李伟 (Li Wei)"));
    }

    #[test]
    fn positions_are_characters_of_the_original_row() {
        let f = Filter::new("ström 🐟");
        assert_eq!(f.positions("Ström 🐟"), Some(vec![0, 1, 2, 3, 4, 6]));
        assert_eq!(f.positions("nothing"), None);
        assert_eq!(
            Filter::new("li wei").positions("李伟 (Li Wei)"),
            Some(vec![4, 5, 7, 8, 9])
        );
        assert_eq!(
            Filter::new("wto").positions("the World Trade Organization"),
            Some(vec![4, 10, 16])
        );
        let f = Filter::new("dock harbor-strike");
        let row = "Dockworkers strike at the harbor";
        assert_eq!(f.positions(row), None, "the id is not in the row");
        assert_eq!(f.lit(row), vec![0, 1, 2, 3]);
    }
}
