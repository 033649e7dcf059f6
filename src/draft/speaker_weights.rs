//! The speaker scorer's weights, one per feature of [`super::speaker::FEATURES`],
//! fitted on the development set's tune articles. Written by
//! `cargo run --release --example fit_speakers -- --write && cargo fmt`; do not edit by hand.

/// The drafter's: the attribution rules' choice alone, since the fitted scorer
/// did not beat it leaving one annotation batch out.
/// Feature groups kept (each raised the leave-one-batch-out accuracy when added): rules.
pub const WEIGHTS: [f64; 28] = [
    1.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000,
];

/// The general features alone, the rules' choice not among them (for comparison).
/// Feature groups kept (each raised the leave-one-batch-out accuracy when added): recency, named, hearer, paragraph.
pub const GENERAL_WEIGHTS: [f64; 28] = [
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.1797, -0.3463, 1.6432, 1.6047, 0.5278,
    2.5904, 2.0024, 1.7180, -0.0041, -0.6690, -1.1207, -0.6436, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, -0.1457, 0.8966, 0.0000, 0.0000, 0.0000,
];
