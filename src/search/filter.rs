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
        let folded = fold(row);
        let (mask, heads) = matcher::masks(&folded);
        let field = FieldRef {
            text: &folded,
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
        if !self.keeps(row) {
            return None;
        }
        let folded = fold_with_origin(row);
        let hits = self
            .pattern
            .words
            .iter()
            .filter_map(|w| matcher::positions(&self.matcher, &folded.text, self.role, w))
            .flatten();
        Some(folded.original_positions(hits))
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
