//! The `config` and `state` fuzz targets' assertions (`fuzz/props/untrusted.rs`)
//! on generated inputs, in every `cargo test`: well-formed files, then the same
//! files mutated (bytes flipped, cut, repeated; TOML and JSON tokens, keys such
//! as Ctrl-c, huge numbers, control and bidi characters spliced in) by a fixed
//! pseudo-random sequence, so a failure reproduces.

#[path = "../fuzz/props/untrusted.rs"]
mod props;

mod rng;

use rng::Rng;

/// One mutation of `bytes`, with tokens of the format spliced in.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, tokens: &[&str]) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        1 => bytes.truncate(at),
        2 => {
            let end = (at + rng.below(16)).min(bytes.len());
            let piece = bytes[at..end].to_vec();
            for _ in 0..rng.below(4) {
                bytes.splice(at..at, piece.iter().copied());
            }
        }
        3 if at < bytes.len() => {
            let end = (at + rng.below(8)).min(bytes.len());
            bytes.drain(at..end);
        }
        _ => {
            let t = rng.pick(tokens).as_bytes().to_vec();
            bytes.splice(at..at, t);
        }
    }
}

const CONFIG_SEEDS: &[&str] = &[
    "",
    "theme = \"light\"\npaths = [\"~/news\", \"more\"]\n\n[colors]\nheading = \"#ff8000\"\nlink = 33\n\n[keys]\ndown = [\"j\", \"n\"]\ncopy = \"c\"\nedit = []\n",
    "[keys]\nquit = []\nsearch = \"q\"\ncopy = [\"c\", \"Ctrl-c\"]\nsuspend = \"Ctrl-\\\\\"\n",
    "[keys]\ntoggle_help = []\nopen = []\nsearch = []\nquit = \"x\"\nclose = \"Ctrl-c\"\n",
    "[keys]\nquit = \"Ctrl-c\"\nback = \"q\"\nnext_story = \"Ctrl-4\"\n",
];

const CONFIG_TOKENS: &[&str] = &[
    "[keys]\n",
    "quit",
    "copy",
    "toggle_help",
    "close",
    "down",
    " = ",
    "\"Ctrl-c\"",
    "\"C-c\"",
    "\"Ctrl-\\\\\"",
    "\"q\"",
    "\"Esc\"",
    "\"F1\"",
    "[]",
    "[\"q\", \"Ctrl-c\"]",
    "\n",
    "\r\n",
    "\"",
    "'",
    "{",
    "}",
    "[",
    "]",
    ",",
    "=",
    "#",
    "99999999999999999999",
    "\u{202e}",
    "\u{0}",
    "\u{1b}[2J",
    "[colors]\n",
    "link = ",
    "theme = ",
    "\"dark\"",
    "paths = ",
];

#[test]
fn the_config_target_holds_on_generated_configs() {
    let mut rng = Rng(0x5eed_c0f1);
    for seed in CONFIG_SEEDS {
        props::check_config(seed);
        for _ in 0..40 {
            let mut bytes = seed.as_bytes().to_vec();
            for _ in 0..1 + rng.below(6) {
                mutate(&mut rng, &mut bytes, CONFIG_TOKENS);
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                props::check_config(text);
            }
        }
    }
}

const STATE_SEEDS: &[&str] = &[
    "",
    "{\"corpora\":{}}",
    "{\"corpora\":{\"/s\":{\"place\":{\"story\":\"harbor-strike\",\"pane\":\"quotes\",\"item\":\"q-union\",\"index\":0},\"reviewed\":[\"harbor-strike\"],\"used\":3}}}",
    "{\"corpora\":{\"a\":{\"place\":{\"story\":\"harbor-strike\",\"pane\":\"claims\",\"index\":18446744073709551615},\"used\":18446744073709551615},\"b\":{\"place\":{\"story\":\"nope\",\"pane\":\"\u{202e}\",\"item\":\"\u{1b}]52;c;\",\"index\":0}}}}",
    "{\"corpora\":{\"a\":{\"place\":{\"story\":\"harbor-strike\",\"pane\":\"sources\",\"item\":\"missing\",\"index\":7}}}}",
];

const STATE_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"place\"",
    "\"story\"",
    "\"pane\"",
    "\"item\"",
    "\"index\"",
    "\"reviewed\"",
    "\"used\"",
    "\"harbor-strike\"",
    "\"timeline\"",
    "\"parties\"",
    "\"analysts\"",
    "\"quotes\"",
    "\"claims\"",
    "\"sources\"",
    "0",
    "-1",
    "1e400",
    "18446744073709551616",
    "null",
    "true",
    "\"\\u202e\"",
    "\"\\u0000\"",
    "\\",
    "\u{1b}",
];

#[test]
fn the_state_target_holds_on_generated_state_files() {
    let mut rng = Rng(0x57a7_e5ee);
    for seed in STATE_SEEDS {
        for (w, h) in [(120, 40), (40, 12), (1, 1), (0, 0)] {
            props::check_state(seed.as_bytes(), w, h);
        }
        for _ in 0..40 {
            let mut bytes = seed.as_bytes().to_vec();
            for _ in 0..1 + rng.below(6) {
                mutate(&mut rng, &mut bytes, STATE_TOKENS);
            }
            let (w, h) = (rng.below(200) as u16, rng.below(80) as u16);
            props::check_state(&bytes, w, h);
        }
    }
}

#[test]
fn the_generated_state_files_do_reach_the_restore() {
    // Not a fuzz assertion: a guard that the seeds above are real state files,
    // so the mutations start from places that restore.
    let corpora = storyx::reading_state::decode(STATE_SEEDS[2].as_bytes());
    let place = corpora["/s"].place.clone().expect("a place");
    let mut state = storyx::app::State::new(props::corpus());
    storyx::reading_state::restore(&mut state, &place);
    assert_eq!(storyx::reading_state::place_of(&state), Some(place));
}
