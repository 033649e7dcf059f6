//! Writes the hostile story shapes of the tests (`tests/common/shapes.rs`), each
//! about SIZE bytes (default 1 MiB), into DIR, one file each, for whole-process
//! figures: `/usr/bin/time -v target/release/storyx check --no-cache DIR/NAME.yaml`.
//!
//! Run: `cargo run --release --example hostile_shapes -- DIR [SIZE]`

#[path = "../tests/common/shapes.rs"]
mod shapes;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "hostile".into()));
    let size = args.next().and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    std::fs::create_dir_all(&dir).expect("a folder to write in");
    for s in shapes::all(size) {
        let path = dir.join(format!("{}.yaml", s.name));
        std::fs::write(&path, &s.text).expect("written");
        println!("{}\t{}\t{}", path.display(), s.text.len(), s.what);
    }
}
