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
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0878, -0.4420, 1.7378, 1.4310, 0.1698,
    2.6183, 2.2730, 1.8228, -0.0532, -0.6900, -1.2195, -0.6235, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, -0.1627, 0.8456, 0.0000, 0.0000, 0.0000,
];
