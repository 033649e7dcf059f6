//! Issue 18: no check grows faster than the file. Every hostile shape
//! (`tests/common/shapes.rs`) is loaded at two sizes, and the work done, counted
//! as the heap allocations made and the bytes they asked for (a counting
//! allocator: no timing), at twice the size is at most about twice the work
//! (under 3x; four times is what a quadratic check gives).
//! A quadratic check (a list built per item, a message per item listing every
//! item) shows here as four times the work.

// Unsafe here: the counting global allocator, which forwards to the system's; SAFETY
// at the impl.
#![allow(unsafe_code)]

#[path = "common/shapes.rs"]
mod shapes;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

struct Counting;
static CALLS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// One measuring test at a time: no other test thread allocates meanwhile.
static SERIAL: Mutex<()> = Mutex::new(());

/// Allocations and bytes asked for while loading `text` (one test at a time, so no
/// other thread allocates meanwhile), and the problems found.
fn work(text: &str) -> (usize, usize, usize) {
    work_with(text, &storyx::story::load::LoadOptions::default())
}

fn work_with(text: &str, opts: &storyx::story::load::LoadOptions) -> (usize, usize, usize) {
    let (c0, b0) = (CALLS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    let r = storyx::story::load::from_bytes(Path::new("h.yaml"), text.as_bytes(), opts);
    let calls = CALLS.load(Ordering::Relaxed) - c0;
    let bytes = BYTES.load(Ordering::Relaxed) - b0;
    (calls, bytes, r.diagnostics.len())
}

#[test]
fn twice_the_file_is_at_most_about_twice_the_work_for_every_shape() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    const SIZE: usize = 128 * 1024;
    let small = shapes::all(SIZE);
    let big = shapes::all(2 * SIZE);
    let mut report = Vec::new();
    for (s, b) in small.iter().zip(&big) {
        let (c1, b1, d1) = work(&s.text);
        let (c2, b2, d2) = work(&b.text);
        report.push(format!(
            "{}: {c1} → {c2} allocations, {b1} → {b2} bytes, {d1} → {d2} problems",
            s.name
        ));
        // 3×: room for the lists that grow by doubling, for a file that crosses into
        // the budgeted pass, and for fixed costs; a quadratic check is 4×.
        let within = |a: usize, b: usize| b <= a * 3 + 1000;
        assert!(
            within(c1, c2) && within(b1, b2),
            "{} ({}): {}",
            s.name,
            s.what,
            report.last().unwrap()
        );
    }
    eprintln!("{}", report.join("\n"));
}

/// A file of `n` small values in one flow list; `star` puts a lone `*` in the title,
/// which the pre-scan reads as a possible alias (the budgeted pass runs).
fn values(n: usize, star: bool) -> String {
    let title = if star { "5 * 3" } else { "t" };
    format!("id: a\ntitle: {title}\nx: [{}]\n", vec!["1"; n].join(","))
}

/// "values" (a flow list of small values) cost 2.8× at twice the size: the
/// larger file crosses into the budgeted pass (it may hold more nodes than the
/// budget), the smaller does not. Within each path, and on either side of the
/// node budget, the work doubles with the file: 1×, 2×, 4×, 8×.
#[test]
fn many_values_cost_linear_work_on_each_path() {
    let _one = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    use storyx::story::load::LoadOptions;
    let unlimited = {
        let mut o = LoadOptions::default();
        o.budgets.max_nodes = usize::MAX / 4;
        o
    };
    let paths: [(&str, bool, &LoadOptions); 2] = [
        ("one pass (no budgeted pass)", false, &unlimited),
        ("the budgeted pass, then the parse", true, &unlimited),
    ];
    let mut report = Vec::new();
    for (what, star, opts) in paths {
        let counts: Vec<_> = [1, 2, 4, 8]
            .iter()
            .map(|k| work_with(&values(k * 16_000, star), opts))
            .collect();
        report.push(format!("{what}: {counts:?}"));
        for pair in counts.windows(2) {
            let ((c1, b1, _), (c2, b2, _)) = (pair[0], pair[1]);
            assert!(
                c2 <= c1 * 5 / 2 + 1000 && b2 <= b1 * 5 / 2 + 100_000,
                "{what}: {}",
                report.last().unwrap()
            );
        }
    }
    // With the default budgets: below the switch, across it, and past the node
    // budget (a located budget error, which costs no more than the pass before it).
    let opts = LoadOptions::default();
    let counts: Vec<_> = [1, 2, 4, 8]
        .iter()
        .map(|k| work_with(&values(k * 70_000, false), &opts))
        .collect();
    report.push(format!("default budgets: {counts:?}"));
    let (below, across, past, far) = (counts[0], counts[1], counts[2], counts[3]);
    assert_eq!(
        below.2, 1,
        "an unknown key warning below the switch: {report:?}"
    );
    assert!(across.0 <= below.0 * 3 + 1000, "{report:?}");
    assert!(past.2 == 1 && far.2 == 1, "{report:?}");
    assert!(
        past.0 <= across.0 * 5 / 2 && far.0 <= past.0 * 5 / 2 + 1000,
        "{report:?}"
    );
    assert!(far.1 <= past.1 * 5 / 2 + 100_000, "{report:?}");
    eprintln!("{}", report.join("\n"));
}
