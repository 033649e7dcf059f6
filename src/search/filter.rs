//! Matching one line of text against a query, for filtering a list in place (the
//! explorer's `f`): the same folding and word rules as search, without an index.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{fold, fold_with_origin};
use super::items::Role;
use super::matcher::{self, FieldRef, Pattern};

/// A query ready to test many rows.
pub struct Filter {
    pattern: Pattern,
    matcher: SkimMatcherV2,
    role: Role,
}

impl Filter {
    /// For rows that are names: a word may be scattered across the whole row.
    pub fn new(query: &str) -> Filter {
        Filter {
            pattern: Pattern::new(query),
            matcher: matcher::skim(),
            role: Role::Name,
        }
    }

    /// For rows of prose (a pane's rows: a name, then a quote or a title): a word
    /// matches contiguously anywhere, or scattered inside one word of the row.
    pub fn prose(query: &str) -> Filter {
        Filter {
            role: Role::Main,
            ..Filter::new(query)
        }
    }

    /// Whether the query has no words (then every row is kept).
    pub fn is_empty(&self) -> bool {
        self.pattern.is_empty()
    }

    /// Whether every word of the query matches the row (contiguously, or scattered
    /// across it as in a name).
    pub fn keeps(&self, row: &str) -> bool {
        self.keeps_folded(&fold(row))
    }

    /// [`Filter::keeps`] for a row already folded ([`fold`]): for rows tested
    /// again at every key of the query.
    pub fn keeps_folded(&self, folded: &str) -> bool {
        let (mask, heads) = matcher::masks(folded);
        let field = FieldRef {
            text: folded,
            role: self.role,
            mask,
            heads,
        };
        self.pattern
            .words
            .iter()
            .all(|w| matcher::matches(&field, w))
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
        let hits = self
            .pattern
            .words
            .iter()
            .filter_map(|w| matcher::positions(&self.matcher, &folded.text, self.role, w))
            .flatten();
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
        assert!(Filter::new("rfisher").keeps("Richard Fisher"));
        assert!(Filter::new("  ").is_empty());
    }

    #[test]
    fn prose_rows_keep_scattered_letters_inside_one_word() {
        let row = "Mayor Ana Ruiz (reported): The mayor said she would meet both sides.";
        assert!(
            Filter::new("li").keeps(row),
            "as a name: l…i across the row"
        );
        assert!(!Filter::prose("li").keeps(row));
        assert!(Filter::prose("mayr").keeps(row));
        assert!(Filter::prose("SAID ruiz").keeps(row));
        assert_eq!(
            Filter::prose("ruiz").positions(row),
            Some(vec![10, 11, 12, 13])
        );
    }

    #[test]
    fn lit_marks_the_words_found_even_when_one_is_missing() {
        let f = Filter::prose("dock harbor-strike");
        let row = "Dockworkers strike at the harbor";
        assert_eq!(f.positions(row), None, "the id is not in the row");
        assert_eq!(f.lit(row), vec![0, 1, 2, 3]);
        let folded = crate::search::fold::fold("Zoë Ångström");
        assert!(Filter::prose("zoe ANGSTROM").keeps_folded(&folded));
        assert!(!Filter::prose("zoe bohr").keeps_folded(&folded));
    }

    #[test]
    fn positions_are_characters_of_the_original_row() {
        let f = Filter::new("ström 🐟");
        assert_eq!(f.positions("Ångström 🐟"), Some(vec![3, 4, 5, 6, 7, 9]));
        assert_eq!(f.positions("nothing"), None);
        assert_eq!(
            Filter::new("li wei").positions("李伟 (Li Wei)"),
            Some(vec![4, 5, 7, 8, 9])
        );
    }
}
