//! A measuring aid for issue 19 (memory): the explorer as the binary runs it
//! (mimalloc, the same purge delay), with a counting allocator in front, writing
//! every 250 ms (`STORYX_PROBE_MS`) to `STORYX_PROBE_FILE`: milliseconds, the
//! live heap (bytes asked for), its peak since the last line, and the process's
//! resident memory (VmRSS), in KB. Their difference is what the allocator holds
//! beyond what is live, plus the binary and stacks; a live peak far above both
//! lines around it is a transient (a buffer copied while its old one lives).
//! Capacity asked for but never written counts as live, not as resident.
//!
//! ```sh
//! STORYX_PROBE_FILE=/tmp/probe.txt STORYX_PROBE_MS=50 \
//!   target/release/examples/explore_probe DIR
//! ```

// Unsafe here: the counting global allocator, which forwards to mimalloc; SAFETY
// at the impl.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The live heap's peak since the last sample.
static PEAK: AtomicUsize = AtomicUsize::new(0);
static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;

// SAFETY: forwards to mimalloc, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        unsafe { INNER.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { INNER.alloc_zeroed(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let n = LIVE.fetch_add(new, Ordering::Relaxed) + new;
        PEAK.fetch_max(n, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { INNER.realloc(p, l, new) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { INNER.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn rss_kb() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    storyx::term::mark_start();
    // SAFETY: sets a plain option of the allocator, before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(15, 10) };
    if let Ok(path) = std::env::var("STORYX_PROBE_FILE") {
        let mut out = std::fs::File::create(path).unwrap();
        let t = Instant::now();
        let every = std::env::var("STORYX_PROBE_MS")
            .ok()
            .and_then(|d| d.parse().ok())
            .unwrap_or(250);
        std::thread::spawn(move || loop {
            let live = LIVE.load(Ordering::Relaxed) / 1024;
            let peak = PEAK.swap(0, Ordering::Relaxed) / 1024;
            let rss = rss_kb();
            let _ = writeln!(
                out,
                "{} ms live {live} KB peak {peak} KB rss {rss} KB gap {} KB",
                t.elapsed().as_millis(),
                rss.saturating_sub(live)
            );
            std::thread::sleep(std::time::Duration::from_millis(every));
        });
    }
    let cli = storyx::cli::Cli::parse_args(std::env::args_os());
    std::process::exit(storyx::cmd::explore::run(cli.explore).into());
}
