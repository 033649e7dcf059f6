//! The entities found by the words of their names, so that finding who a name or a
//! sentence names costs in the name's or the sentence's length, not in the number of
//! entities drafted. An index only narrows: its callers check each entity it gives, and
//! an entity listed under a word its name no longer has is harmless.

use std::collections::HashMap;
use std::hash::Hash;

/// The entities by the last word of their folded name and of each folded alias, and by
/// the first letter of the last word of their folded name.
#[derive(Debug, Default)]
pub(super) struct NameIndex {
    /// Every naming of an entity (its name, its surname alone, an alias) ends with a word
    /// listed here for it.
    by_last_word: HashMap<String, Vec<usize>>,
    /// A name spelt another way ([`super::names::spelt_alike`]) begins its last word with
    /// the same letter.
    by_last_letter: HashMap<Option<char>, Vec<usize>>,
}

impl NameIndex {
    /// Lists entity `i` under its folded name `folded` and its folded aliases `aliases`
    /// (again when either changes).
    pub fn add(
        &mut self,
        i: usize,
        folded: &[String],
        aliases: impl IntoIterator<Item = Vec<String>>,
    ) {
        if let Some(l) = folded.last() {
            list_once(&mut self.by_last_word, l.clone(), i);
            list_once(&mut self.by_last_letter, l.chars().next(), i);
        }
        for a in aliases {
            if let Some(l) = a.last() {
                list_once(&mut self.by_last_word, l.clone(), i);
            }
        }
    }

    /// The entities (each once, in order) one of whose namings may end with one of `words`.
    pub fn named_by<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
        let mut out: Vec<usize> = words
            .into_iter()
            .filter_map(|w| self.by_last_word.get(w))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The entities whose folded name's last word begins as `last` does: the only ones
    /// whose name can be spelt alike with a name ending with `last`.
    pub fn last_letter(&self, last: &str) -> &[usize] {
        self.by_last_letter
            .get(&last.chars().next())
            .map_or(&[], Vec::as_slice)
    }
}

/// Lists entity `i` under `key` once (an entity is listed in the order it is added, so a
/// repeat is the list's last).
fn list_once<K: Hash + Eq>(map: &mut HashMap<K, Vec<usize>>, key: K, i: usize) {
    let v = map.entry(key).or_default();
    if v.last() != Some(&i) {
        v.push(i);
    }
}
