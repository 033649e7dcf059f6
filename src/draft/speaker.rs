//! Choosing a quotation's speaker: every candidate around the quotation (the speaker the
//! attribution rules give, the people and organisations named in its sentence, the
//! sentences before and the paragraph before, the last speaker) is described by general
//! features of news writing, and the one with the highest weighted sum speaks.
//!
//! The weights ([`WEIGHTS`]) are fitted on the development set's `tune` articles by
//! `cargo run --example fit_speakers` (a conditional logistic regression over each
//! quotation's candidates), which estimates them leaving one annotation batch out (fit on
//! the other batches, score the one left out). The drafter uses the fitted weights only
//! when that estimate beats the attribution rules alone; otherwise [`WEIGHTS`] are
//! [`RULES_ONLY`]'s (so since stop 17: the scorer tied the rules, 353/372).

/// The features, in the order of a candidate's [`Features`] and of [`WEIGHTS`]; each is
/// 0 or 1 unless its name says otherwise.
pub const FEATURES: &[&str] = &[
    // The attribution rules' choice, and which kind of rule chose it.
    "proposed",
    "proposed by a tag after the quotation",
    "proposed by a tag before the quotation",
    "proposed by another rule of the sentence",
    "proposed with no tag (the speaker before or the person named before)",
    "proposed as unattributed",
    // Who spoke or was the subject last.
    "spoke earlier in this paragraph",
    "the last speaker quoted",
    "the last speaker quoted or introduced (this or the last paragraph)",
    "the last person named (this or the last paragraph)",
    "the last organisation named (three sentences)",
    // Where the article names the candidate.
    "named in the sentence before the quotation",
    "named in the sentence after the quotation",
    "named next to a verb of speech in the sentence",
    "named in the sentence before",
    "named earlier in the paragraph",
    "named in the paragraph before",
    // Named where a hearer is: `told X`, `to X`, `with X`, `asked X`.
    "named as the one spoken to",
    // Agreement.
    "a person",
    "a person, the tag's pronoun he or she",
    "not a person, the tag's pronoun it or they",
    "a person the article gives the gender of the tag's pronoun",
    "a person the article gives the other gender",
    // The paragraph's shape.
    "the last speaker, the quotation opening the paragraph",
    "the last speaker, the paragraph with no verb of speech",
    // How much the candidate has spoken: ln(1 + quotations so far).
    "ln(1 + quotations so far)",
    // Whom the tag's pronoun most likely means.
    "the last person named, the tag's pronoun he or she",
    "the last organisation named, the tag's pronoun it or they",
];

/// How many features a candidate has.
pub const N: usize = 28;

/// Groups of features (first index, end), named, for the fitting tool's reports.
pub const GROUPS: &[(&str, usize, usize)] = &[
    ("rules", 0, 6),
    ("recency", 6, 11),
    ("named", 11, 17),
    ("hearer", 17, 18),
    ("agreement", 18, 23),
    ("paragraph", 23, 25),
    ("salience", 25, 26),
    ("antecedent", 26, 28),
];

pub type Features = [f64; N];

/// The weights that reproduce the attribution rules alone.
pub const RULES_ONLY: Features = {
    let mut w = [0.0; N];
    w[0] = 1.0;
    w
};

/// The weights the drafter uses, and those of the general features alone (written by
/// `cargo run --release --example fit_speakers -- --write`).
pub use super::speaker_weights::{GENERAL_WEIGHTS, WEIGHTS};

/// A candidate's score.
pub fn score(w: &Features, f: &Features) -> f64 {
    w.iter().zip(f).map(|(a, b)| a * b).sum()
}

/// Whether weights `w` weigh the rules' choice alone (`proposed`, feature 0, above zero,
/// every other weight zero): then [`best`] chooses the proposed candidate, whoever the
/// others are.
pub fn rules_alone(w: &Features) -> bool {
    w[0] > 1e-12 && w[1..].iter().all(|&x| x == 0.0)
}

/// The index of the best candidate (the first of equals).
pub fn best(w: &Features, candidates: &[Features]) -> Option<usize> {
    let mut top: Option<(usize, f64)> = None;
    for (i, f) in candidates.iter().enumerate() {
        let s = score(w, f);
        if top.is_none_or(|(_, t)| s > t + 1e-12) {
            top = Some((i, s));
        }
    }
    top.map(|(i, _)| i)
}

/// One quotation's candidates as the drafter saw them, for fitting the weights.
#[derive(Debug, Clone)]
pub struct Traced {
    /// The quotation's text.
    pub text: String,
    /// Each candidate's names (its name, aliases, and the party it speaks for) and
    /// features.
    pub candidates: Vec<(Vec<String>, Features)>,
    /// The candidate chosen.
    pub chosen: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_is_named_and_grouped() {
        assert_eq!(FEATURES.len(), N);
        assert_eq!(WEIGHTS.len(), N);
        let mut next = 0;
        for &(_, a, b) in GROUPS {
            assert_eq!(a, next);
            assert!(b > a);
            next = b;
        }
        assert_eq!(next, N);
    }

    #[test]
    fn the_best_candidate_is_the_first_of_equals() {
        let mut a = [0.0; N];
        let mut b = [0.0; N];
        a[0] = 1.0;
        b[0] = 1.0;
        assert_eq!(best(&RULES_ONLY, &[a, b]), Some(0));
        b[11] = 1.0;
        let mut w = RULES_ONLY;
        w[11] = 0.5;
        assert_eq!(best(&w, &[a, b]), Some(1));
        assert_eq!(best(&w, &[]), None);
    }

    #[test]
    fn weights_of_the_rules_alone_choose_the_proposed() {
        assert!(rules_alone(&RULES_ONLY));
        assert!(!rules_alone(&GENERAL_WEIGHTS));
        let mut w = RULES_ONLY;
        w[25] = 0.1;
        assert!(!rules_alone(&w));
        let mut proposed = [0.0; N];
        proposed[0] = 1.0;
        let mut other = [1.0; N];
        other[0] = 0.0;
        other[25] = 7.0;
        assert_eq!(best(&RULES_ONLY, &[other, other, proposed, other]), Some(2));
    }
}
