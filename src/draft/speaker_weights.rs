//! The speaker scorer's weights, one per feature of [`super::speaker::FEATURES`],
//! fitted on the development set's tune articles. Written by
//! `cargo run --release --example fit_speakers -- --write && cargo fmt`; do not edit by hand.

/// The drafter's: the general features, then the attribution rules' choice.
/// Feature groups kept (each raised the leave-one-out accuracy when added): rules, recency, named.
pub const WEIGHTS: [f64; 28] = [
    2.3916, 1.3197, 0.1277, 0.0444, 0.8998, 0.0000, 0.5798, -1.1277, 0.7960, 0.3941, -0.7385,
    0.6883, 0.9056, 1.1503, 0.3466, -0.3112, -0.5218, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
];

/// The general features alone, the rules' choice not among them (for comparison).
/// Feature groups kept (each raised the leave-one-out accuracy when added): recency, named.
pub const GENERAL_WEIGHTS: [f64; 28] = [
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 1.0276, -0.6982, 1.9851, 1.2602, -0.0022,
    2.2031, 2.4181, 1.9455, 0.0713, -0.6438, -1.1188, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000, 0.0000, 0.0000, 0.0000,
];
