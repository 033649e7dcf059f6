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

/// Allocations and bytes asked for while loading `text` (one test in this file, so
/// no other thread allocates meanwhile), and the problems found.
fn work(text: &str) -> (usize, usize, usize) {
    let opts = storyx::story::load::LoadOptions::default();
    let (c0, b0) = (CALLS.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed));
    let r = storyx::story::load::from_bytes(Path::new("h.yaml"), text.as_bytes(), &opts);
    let calls = CALLS.load(Ordering::Relaxed) - c0;
    let bytes = BYTES.load(Ordering::Relaxed) - b0;
    (calls, bytes, r.diagnostics.len())
}

#[test]
fn twice_the_file_is_at_most_about_twice_the_work_for_every_shape() {
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
