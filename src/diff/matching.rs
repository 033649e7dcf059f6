//! Pairing the items of two versions of a list: by id, then items without an id by
//! a key (a quote's speaker, an event's date) and the words of their text.

use std::collections::HashMap;

use super::words::{self, words};

/// At least this share of the longer text's words in common makes two items one
/// item edited (below it: one removed and one added).
pub const SAME_ITEM: f64 = 0.6;

/// Above this many candidate pairs, items without an id are compared only with
/// items of the same key, so a list of thousands costs no quadratic time.
const MAX_PAIRS: usize = 1 << 22;

/// How one list item is seen for pairing.
pub struct Look<'a> {
    pub id: Option<&'a str>,
    /// The speaker of a quote, the date of an event: agreeing keys make a pair likelier.
    pub key: &'a str,
    /// The words compared.
    pub text: &'a str,
    /// Everything else about the item, for preferring an unchanged twin.
    pub whole: String,
}

/// Pairs the items of `old` and `new`: `(Some(i), Some(j))` for one item in both,
/// `(Some(i), None)` removed, `(None, Some(j))` added; pairs in the new list's
/// order, then the removed in the old list's order.
///
/// Items with the same id pair. An item without an id pairs with an unpaired item of
/// the other side (with or without an id) whose text has at least [`SAME_ITEM`] of
/// its words in common: an identical item first, then the best pairs (same key, then
/// most words in common) first. Two items with different ids never pair.
pub fn pair(old: &[Look], new: &[Look]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    let by_id: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .filter_map(|(j, n)| n.id.map(|id| (id, j)))
        .collect();
    for (i, o) in old.iter().enumerate() {
        if let Some(&j) = o.id.and_then(|id| by_id.get(id)) {
            if !new_taken[j] {
                old_to_new[i] = Some(j);
                new_taken[j] = true;
            }
        }
    }
    // An unchanged item without an id pairs with its twin, in list order.
    let mut twins: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for j in (0..new.len()).rev().filter(|&j| !new_taken[j]) {
        let n = &new[j];
        twins
            .entry((n.key, n.text, n.whole.as_str()))
            .or_default()
            .push(j);
    }
    for (i, o) in old.iter().enumerate() {
        if old_to_new[i].is_some() {
            continue;
        }
        let twin = twins
            .get_mut(&(o.key, o.text, o.whole.as_str()))
            .and_then(|js| {
                let at = js
                    .iter()
                    .rposition(|&j| o.id.is_none() || new[j].id.is_none())?;
                Some(js.remove(at))
            });
        if let Some(j) = twin {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
    let free_old: Vec<usize> = (0..old.len())
        .filter(|&i| old_to_new[i].is_none())
        .collect();
    let free_new: Vec<usize> = (0..new.len()).filter(|&j| !new_taken[j]).collect();
    let everywhere = free_old.len().saturating_mul(free_new.len()) <= MAX_PAIRS;
    // Each free item's words, once.
    let bag = |l: &Look| {
        let mut w: Vec<u64> = words(l.text).iter().map(|w| word_hash(w)).collect();
        w.sort_unstable();
        w
    };
    let old_bags: HashMap<usize, Vec<u64>> = free_old.iter().map(|&i| (i, bag(&old[i]))).collect();
    let new_bags: HashMap<usize, Vec<u64>> = free_new.iter().map(|&j| (j, bag(&new[j]))).collect();
    let mut candidates: Vec<(bool, bool, f64, usize, usize)> = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let (o, n) = (&old[i], &new[j]);
        if o.id.is_some() && n.id.is_some() {
            return;
        }
        let similar = share(&old_bags[&i], &new_bags[&j]);
        if similar >= SAME_ITEM {
            let same_key = o.key == n.key;
            let twin = same_key && o.text == n.text && o.whole == n.whole;
            candidates.push((twin, same_key, similar, i, j));
        }
    };
    if everywhere {
        for &i in &free_old {
            for &j in &free_new {
                consider(i, j);
            }
        }
    } else {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for &j in &free_new {
            by_key.entry(new[j].key).or_default().push(j);
        }
        for &i in &free_old {
            for &j in by_key.get(old[i].key).into_iter().flatten() {
                consider(i, j);
            }
        }
    }
    // Best first; ties in list order, so the outcome never depends on the sort.
    candidates.sort_by(|a, b| {
        (b.0, b.1)
            .cmp(&(a.0, a.1))
            .then(b.2.total_cmp(&a.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    for (_, _, _, i, j) in candidates {
        if old_to_new[i].is_none() && !new_taken[j] {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.len()];
    for (i, j) in old_to_new.iter().enumerate() {
        if let Some(j) = j {
            new_to_old[*j] = Some(i);
        }
    }
    let mut out: Vec<(Option<usize>, Option<usize>)> = new_to_old
        .iter()
        .enumerate()
        .map(|(j, i)| (*i, Some(j)))
        .collect();
    out.extend(
        old_to_new
            .iter()
            .enumerate()
            .filter(|(_, j)| j.is_none())
            .map(|(i, _)| (Some(i), None)),
    );
    out
}

/// A word's hash (FNV-1a): bags of hashes compare faster than bags of strings.
fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The share of the longer bag's words that both sorted bags have
/// ([`words::share`]), or 0 when too few words in common is certain from the
/// lengths alone.
fn share(a: &[u64], b: &[u64]) -> f64 {
    let longer = a.len().max(b.len());
    if longer > 0 && (a.len().min(b.len()) as f64) < SAME_ITEM * longer as f64 {
        return 0.0;
    }
    words::share(a, b)
}

/// The positions that moved: given the pairs' positions in the old order and in the
/// new order (one entry per pair), the fewest pairs that, left out, leave the rest in
/// the same order (the complement of a longest increasing run).
pub fn moved(old_then_new: &[(usize, usize)]) -> Vec<usize> {
    let mut by_old: Vec<(usize, usize, usize)> = old_then_new
        .iter()
        .enumerate()
        .map(|(k, &(o, n))| (o, n, k))
        .collect();
    by_old.sort_unstable();
    // Longest increasing subsequence of the new positions (patience, with links back).
    let mut tails: Vec<usize> = Vec::new(); // indexes into by_old
    let mut back: Vec<Option<usize>> = vec![None; by_old.len()];
    for (x, &(_, n, _)) in by_old.iter().enumerate() {
        let at = tails.partition_point(|&t| by_old[t].1 < n);
        back[x] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(x);
        } else {
            tails[at] = x;
        }
    }
    let mut kept = vec![false; by_old.len()];
    let mut at = tails.last().copied();
    while let Some(x) = at {
        kept[x] = true;
        at = back[x];
    }
    let mut out: Vec<usize> = by_old
        .iter()
        .enumerate()
        .filter(|(x, _)| !kept[*x])
        .map(|(_, &(_, _, k))| k)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look<'a>(id: Option<&'a str>, key: &'a str, text: &'a str) -> Look<'a> {
        Look {
            id,
            key,
            text,
            whole: String::new(),
        }
    }

    #[test]
    fn ids_pair_and_different_ids_never_do() {
        let old = [
            look(Some("a"), "x", "one two"),
            look(Some("b"), "x", "same words here"),
        ];
        let new = [
            look(Some("c"), "x", "same words here"),
            look(Some("a"), "y", "zzz"),
        ];
        let p = pair(&old, &new);
        assert_eq!(
            p,
            vec![(None, Some(0)), (Some(0), Some(1)), (Some(1), None)]
        );
    }

    #[test]
    fn items_without_ids_pair_by_words_best_first_whatever_the_order() {
        let old = [
            look(
                None,
                "fisher",
                "all Chinese entities are complicit in supporting the military",
            ),
            look(
                None,
                "fisher",
                "practices surpassed those of the former Soviet Union",
            ),
            look(None, "chang", "decisive action is needed"),
        ];
        let new = [
            look(None, "chang", "decisive action is needed now"),
            look(None, "fisher", "practices have surpassed those of the former Soviet Union"),
            look(None, "fisher", "all Chinese entities, state-owned or private, are complicit in supporting the military"),
        ];
        let p = pair(&old, &new);
        assert_eq!(
            p,
            vec![(Some(2), Some(0)), (Some(1), Some(1)), (Some(0), Some(2))]
        );
    }

    #[test]
    fn too_few_words_in_common_is_a_removal_and_an_addition() {
        let old = [look(None, "a", "the embassy denied the memo")];
        let new = [look(None, "a", "the company welcomed an inquiry")];
        assert_eq!(pair(&old, &new), vec![(None, Some(0)), (Some(0), None)]);
    }

    #[test]
    fn the_same_speaker_wins_a_tie_and_an_identical_twin_wins_over_all() {
        let old = [look(None, "a", "no comment"), look(None, "b", "no comment")];
        let new = [look(None, "b", "no comment"), look(None, "a", "no comment")];
        assert_eq!(
            pair(&old, &new),
            vec![(Some(1), Some(0)), (Some(0), Some(1))]
        );
    }

    #[test]
    fn moved_is_the_fewest_out_of_order() {
        assert_eq!(moved(&[(0, 0), (1, 1), (2, 2)]), Vec::<usize>::new());
        // The third went first: only it moved.
        assert_eq!(moved(&[(0, 1), (1, 2), (2, 0)]), vec![2]);
        assert_eq!(moved(&[]), Vec::<usize>::new());
    }
}
