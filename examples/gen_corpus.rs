//! Writes N synthetic stories (deterministic, valid, shaped like real ones) as YAML files.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- /tmp/corpus 1000
//! storyx check /tmp/corpus        # no problem
//! storyx search fisher /tmp/corpus
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, n) = match args.as_slice() {
        [dir, n] => match n.parse::<usize>() {
            Ok(n) => (PathBuf::from(dir), n),
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let mut bytes = 0;
    for i in 0..n {
        let story = storyx::synth::story(i);
        let yaml = storyx::synth::to_yaml(&story);
        bytes += yaml.len();
        let path = dir.join(&story.file);
        if let Err(e) = std::fs::write(&path, yaml) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "gen_corpus: {n} stories ({} searchable items, {:.1} MB) in {}",
        n * storyx::synth::ITEMS_PER_STORY,
        bytes as f64 / 1e6,
        dir.display()
    );
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: gen_corpus DIR N   (writes N synthetic stories into DIR)");
    ExitCode::from(2)
}
