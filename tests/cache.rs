//! The parsed-corpus cache: a second load comes from it and gives exactly what
//! parsing gives (stories, warnings, errors, their places); a changed, added or
//! removed file is seen; a damaged or truncated pack is ignored; `--no-cache`
//! neither reads nor writes it; nothing is ever written in the story folders.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use storyx::cache::Cache;
use storyx::cache::CacheStats;
use storyx::corpus::load::{load_paths, load_paths_cached, load_paths_outlined};
use storyx::corpus::Corpus;
use storyx::story::load::LoadOptions;

/// A folder of `n` generated stories, one with a warning and one broken.
fn corpus_dir(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let story = storyx::synth::story(i);
        std::fs::write(dir.path().join(&story.file), storyx::synth::to_yaml(&story)).unwrap();
    }
    std::fs::write(
        dir.path().join("warned.yaml"),
        "id: warned\ntitle: T\nparties:\n  - {id: a, name: A, kind: person}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "id: broken\ntitle: [unclosed\n",
    )
    .unwrap();
    dir
}

/// A cache in a folder of its own that caches every file at once (no settling
/// time: the test's files were all written before the load started).
fn cache_in(dir: &Path) -> Cache {
    Cache {
        settle: Duration::ZERO,
        ..Cache::at(dir.join("storyx"))
    }
}

fn load(root: &Path, cache: &Cache) -> (Corpus, CacheStats) {
    load_paths_cached(&[root.to_path_buf()], &LoadOptions::default(), Some(cache))
}

/// Everything a load gives that a user can see, as one comparable value.
fn seen(c: &Corpus) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}\n{}",
        c.stories,
        c.diagnostics,
        c.files
            .iter()
            .map(|f| (&f.path, f.story, &f.first_error))
            .collect::<Vec<_>>(),
        c.usage_problems
    )
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn the_pack(cache: &Cache) -> PathBuf {
    let packs: Vec<PathBuf> = files_in(&cache.dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pack"))
        .collect();
    assert_eq!(packs.len(), 1, "one pack: {packs:?}");
    packs[0].clone()
}

#[test]
fn a_second_load_comes_from_the_cache_and_is_the_same() {
    let stories = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let before = files_in(stories.path());

    let parsed = load_paths(&[stories.path().to_path_buf()], &LoadOptions::default());
    let (cold, stats) = load(stories.path(), &cache);
    assert_eq!(stats.hits, 0);
    assert_eq!(stats.misses, 22);
    assert!(stats.written);
    let (warm, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses, stats.written), (22, 0, false));

    assert_eq!(seen(&cold), seen(&parsed));
    assert_eq!(seen(&warm), seen(&parsed));
    assert!(
        warm.warnings().any(|d| d.path == "parties[0]"),
        "the warning came back"
    );
    assert!(
        warm.errors().any(|d| d.file.ends_with("broken.yaml")),
        "the error came back"
    );
    assert_eq!(
        files_in(stories.path()),
        before,
        "nothing written among the stories"
    );
    the_pack(&cache);
}

/// A hit reads the top of the file to find the story's id and title in it; a
/// title written past the first page (after a long comment) is found in the whole
/// file, so that story is still a hit, and the same as parsed.
#[test]
fn a_title_far_down_the_file_is_still_a_hit() {
    let stories = corpus_dir(20);
    let far = stories.path().join("far.yaml");
    let comment = "# a long note before the story\n".repeat(400);
    std::fs::write(
        &far,
        format!("{comment}id: far-down\n{comment}title: A title written far down\n"),
    )
    .unwrap();
    assert!(std::fs::metadata(&far).unwrap().len() > 16 * 1024);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let parsed = load_paths(&[stories.path().to_path_buf()], &LoadOptions::default());
    let (_, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses), (0, 23));
    let (warm, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses, stats.written), (23, 0, false));
    assert_eq!(seen(&warm), seen(&parsed));
    assert!(warm
        .stories
        .iter()
        .any(|s| s.title == "A title written far down"));
}

/// A story reached through a symlink (to a file outside the folder, followed) is a
/// hit too, whole and outlined, and a change to the file it leads to is seen.
#[cfg(unix)]
#[test]
fn a_linked_story_is_a_hit_and_its_change_is_seen() {
    let stories = corpus_dir(20);
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("linked.yaml");
    std::fs::write(&target, "id: linked\ntitle: Linked from outside\n").unwrap();
    std::os::unix::fs::symlink(&target, stories.path().join("linked.yaml")).unwrap();
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let opts = LoadOptions {
        follow_symlinks: true,
        ..LoadOptions::default()
    };
    let roots = [stories.path().to_path_buf()];
    let parsed = load_paths(&roots, &opts);
    assert!(parsed.story("linked").is_some());
    let (_, stats) = load_paths_cached(&roots, &opts, Some(&cache));
    assert_eq!((stats.hits, stats.misses), (0, 23));
    let (warm, stats) = load_paths_cached(&roots, &opts, Some(&cache));
    assert_eq!((stats.hits, stats.misses, stats.written), (23, 0, false));
    assert_eq!(seen(&warm), seen(&parsed));
    let (outlined, stats) = load_paths_outlined(&roots, &opts, Some(&cache), false);
    assert_eq!((stats.hits, stats.misses), (23, 0));
    assert_eq!(
        outlined.story("linked").unwrap().title,
        "Linked from outside"
    );

    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&target, "id: linked\ntitle: Changed from outside\n").unwrap();
    let (outlined, stats) = load_paths_outlined(&roots, &opts, Some(&cache), false);
    assert_eq!((stats.hits, stats.misses), (22, 1));
    assert_eq!(
        outlined.story("linked").unwrap().title,
        "Changed from outside"
    );
}

#[test]
fn a_changed_added_or_removed_file_is_seen() {
    let stories = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    load(stories.path(), &cache);

    // Same size, other text: the change time (and the modification time) differ.
    let warned = stories.path().join("warned.yaml");
    let text = std::fs::read_to_string(&warned).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&warned, text.replace("id: warned", "id: WARNED")).unwrap();
    std::fs::remove_file(stories.path().join("broken.yaml")).unwrap();
    std::fs::write(stories.path().join("new.yaml"), "id: new\ntitle: New\n").unwrap();

    let (warm, stats) = load(stories.path(), &cache);
    let parsed = load_paths(&[stories.path().to_path_buf()], &LoadOptions::default());
    assert_eq!(seen(&warm), seen(&parsed));
    assert_eq!((stats.hits, stats.misses), (20, 2));
    assert!(stats.written);
    assert!(warm.errors().any(|d| d.message.contains("`WARNED`")));
    assert!(warm.story("new").is_some());
    assert!(!warm.files.iter().any(|f| f.path.ends_with("broken.yaml")));

    let (again, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses), (22, 0));
    assert_eq!(seen(&again), seen(&parsed));
}

#[test]
fn a_damaged_or_truncated_pack_is_ignored() {
    let stories = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let parsed = load_paths(&[stories.path().to_path_buf()], &LoadOptions::default());
    load(stories.path(), &cache);
    let pack = the_pack(&cache);
    let good = std::fs::read(&pack).unwrap();

    // A byte flipped in every entry: each entry's checksum fails, each file is parsed.
    let mut flipped = good.clone();
    for i in (16..good.len() / 2).step_by(97) {
        flipped[i] ^= 0x20;
    }
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("flipped", flipped),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("cut at the end", good[..good.len() - 1].to_vec()),
        ("empty", Vec::new()),
        (
            "garbage",
            b"STORYXC\x01 and then nothing that makes sense".to_vec(),
        ),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&pack, &bytes).unwrap();
        let (c, stats) = load(stories.path(), &cache);
        assert_eq!(seen(&c), seen(&parsed), "{what}");
        assert!(stats.misses > 0, "{what}: parsed again");
        assert!(stats.written, "{what}: written anew");
        let (_, stats) = load(stories.path(), &cache);
        assert_eq!(stats.hits, 22, "{what}: whole again");
    }
}

/// The checksum packs of format 5 were summed with (one lane of 8-byte words).
fn former_checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h ^ u64::from_le_bytes(c.try_into().unwrap()))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// A pack summed as packs were before the checksum took four words at a time
/// (format 5): every entry's sums and the table's made with the former
/// checksum, at the name the cache looks for. It is not read: every file is
/// parsed again and the pack written anew, and the load after that is all hits,
/// each what parsing gives.
#[test]
fn a_pack_summed_the_former_way_is_rebuilt() {
    let stories = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let parsed = load_paths(&[stories.path().to_path_buf()], &LoadOptions::default());
    load(stories.path(), &cache);
    let pack = the_pack(&cache);
    let mut bytes = std::fs::read(&pack).unwrap();
    let n = bytes.len();
    let u64_at = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
    let table_at = u64_at(&bytes, n - 16) as usize;
    let mut at = table_at + 8;
    for _ in 0..u64_at(&bytes, table_at) {
        at += 8 + u64_at(&bytes, at) as usize + 5 * 8;
        let (offset, len, head) = (
            u64_at(&bytes, at) as usize,
            u64_at(&bytes, at + 8) as usize,
            u64_at(&bytes, at + 16) as usize,
        );
        let head_sum = former_checksum(&bytes[offset..offset + head]);
        let sum = former_checksum(&bytes[offset + head..offset + len]);
        bytes[at + 24..at + 32].copy_from_slice(&head_sum.to_le_bytes());
        bytes[at + 32..at + 40].copy_from_slice(&sum.to_le_bytes());
        at += 40;
    }
    assert_eq!(at, n - 24, "the whole table was read");
    let table_sum = former_checksum(&bytes[table_at..n - 24]);
    bytes[n - 24..n - 16].copy_from_slice(&table_sum.to_le_bytes());
    std::fs::write(&pack, &bytes).unwrap();

    let (cold, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses, stats.written), (0, 22, true));
    assert_eq!(seen(&cold), seen(&parsed));
    let (warm, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.misses, stats.written), (22, 0, false));
    assert_eq!(seen(&warm), seen(&parsed));
}

/// The explorer's loader reads a group's heads and entries into room kept from
/// group to group, written over without being zeroed: an entry damaged in the
/// middle of a group (its checksum fails) is a miss, its file parsed again, the
/// rest of its group hits, and every story and problem is what parsing gives,
/// in groups read over the room of earlier ones.
#[test]
fn a_damaged_entry_among_an_explorer_group_is_a_miss_and_the_rest_are_hits() {
    let stories = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let paths = [stories.path().to_path_buf()];
    let explorer_load = |cache: Option<&Cache>| {
        let loader =
            storyx::corpus::load::Loader::new(&paths, LoadOptions::default(), cache).packing();
        let mut corpus = Corpus::default();
        let stats = loader
            .hand_over(
                || 8,
                |batch, _| {
                    corpus.extend(batch);
                    true
                },
            )
            .expect("loaded to the end");
        (corpus, stats)
    };
    let (parsed, _) = explorer_load(None);
    let (_, stats) = explorer_load(Some(&cache));
    assert_eq!((stats.misses, stats.written), (22, true));
    let (warm, stats) = explorer_load(Some(&cache));
    assert_eq!((stats.hits, stats.misses), (22, 0));
    assert_eq!(seen(&warm), seen(&parsed));

    // A byte of the fifth story's entry (its id, in its texts) flipped.
    let pack = the_pack(&cache);
    let mut bytes = std::fs::read(&pack).unwrap();
    let id = storyx::synth::story(5).id.to_string();
    let at = bytes
        .windows(id.len())
        .position(|w| w == id.as_bytes())
        .expect("the id is in the pack");
    bytes[at] ^= 0x01;
    std::fs::write(&pack, &bytes).unwrap();
    let (again, stats) = explorer_load(Some(&cache));
    assert_eq!((stats.hits, stats.misses, stats.written), (21, 1, true));
    assert_eq!(seen(&again), seen(&parsed));
    let (whole, stats) = explorer_load(Some(&cache));
    assert_eq!((stats.hits, stats.misses), (22, 0));
    assert_eq!(seen(&whole), seen(&parsed));
}

/// Where each file's entry is in a pack (its offset and length), from the
/// pack's table, by the file's canonical path.
fn entries_of(pack: &Path) -> std::collections::HashMap<PathBuf, (u64, u64)> {
    let bytes = std::fs::read(pack).unwrap();
    let n = bytes.len();
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    let table_at = u64_at(n - 16) as usize;
    let mut at = table_at + 8;
    let mut entries = std::collections::HashMap::new();
    for _ in 0..u64_at(table_at) {
        let len = u64_at(at) as usize;
        let path = std::str::from_utf8(&bytes[at + 8..at + 8 + len]).unwrap();
        at += 8 + len + 5 * 8;
        entries.insert(PathBuf::from(path), (u64_at(at), u64_at(at + 8)));
        at += 40;
    }
    assert_eq!(at, n - 24, "the whole table was read");
    entries
}

/// The explorer's loader, parsing, writes the entries of each group of files it
/// loads together one after the other, in file order (so that the next load reads
/// a group's entries at once), whichever of its threads parsed them; that load
/// is all hits, each what parsing gives; and so is a load in groups cut
/// elsewhere.
#[test]
fn the_explorers_load_writes_a_groups_entries_together_in_file_order() {
    let stories = corpus_dir(40);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let paths = [stories.path().to_path_buf()];
    let explorer_load = |cache: Option<&Cache>, size: usize| {
        let loader =
            storyx::corpus::load::Loader::new(&paths, LoadOptions::default(), cache).packing();
        let mut corpus = Corpus::default();
        let stats = loader
            .hand_over(
                || size,
                |batch, _| {
                    corpus.extend(batch);
                    true
                },
            )
            .expect("loaded to the end");
        (corpus, stats)
    };
    let (parsed, _) = explorer_load(None, 8);
    let (_, stats) = explorer_load(Some(&cache), 8);
    assert_eq!((stats.misses, stats.written), (42, true));
    let entries = entries_of(&the_pack(&cache));
    let files: Vec<PathBuf> = files_in(stories.path())
        .iter()
        .map(|p| p.canonicalize().unwrap())
        .collect();
    assert_eq!(entries.len(), files.len());
    for group in files.chunks(8) {
        for pair in group.windows(2) {
            let (a, b) = (entries[&pair[0]], entries[&pair[1]]);
            assert_eq!(a.0 + a.1, b.0, "{:?} then {:?}", pair[0], pair[1]);
        }
    }
    for size in [8, 5, 64] {
        let (warm, stats) = explorer_load(Some(&cache), size);
        assert_eq!((stats.hits, stats.misses, stats.written), (42, 0, false));
        assert_eq!(seen(&warm), seen(&parsed), "groups of {size}");
    }
}

#[test]
fn a_few_files_or_a_cache_inside_a_story_folder_are_not_cached() {
    let stories = corpus_dir(2);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let (_, stats) = load(stories.path(), &cache);
    assert_eq!((stats.hits, stats.written), (0, false));
    assert!(files_in(&cache.dir).is_empty());

    let stories = corpus_dir(20);
    let inside = cache_in(stories.path());
    let before = files_in(stories.path());
    let (_, stats) = load(stories.path(), &inside);
    assert_eq!((stats.hits, stats.written), (0, false));
    assert_eq!(files_in(stories.path()), before);
}

fn storyx(args: &[&str], cache_home: &Path) -> std::process::Output {
    common::command()
        .args(args)
        .env("XDG_CACHE_HOME", cache_home)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

#[test]
fn check_and_search_print_the_same_from_the_cache_and_no_cache_writes_nothing() {
    let stories = corpus_dir(20);
    let root = stories.path().to_str().unwrap();
    // Files written in the last two seconds are not cached: let them settle.
    std::thread::sleep(Duration::from_millis(2100));
    let home = tempfile::tempdir().unwrap();

    let bypass = storyx(
        &["check", "--no-cache", "--format", "short", root],
        home.path(),
    );
    assert!(files_in(home.path()).is_empty(), "--no-cache wrote nothing");
    let cold = storyx(&["check", "--format", "short", root], home.path());
    assert_eq!(files_in(&home.path().join("storyx")).len(), 1, "one pack");
    let warm = storyx(&["check", "--format", "short", root], home.path());
    for out in [&cold, &warm] {
        assert_eq!(out.stdout, bypass.stdout);
        assert_eq!(out.status.code(), Some(1));
    }
    let text = String::from_utf8_lossy(&warm.stdout);
    assert!(
        text.contains("warned.yaml:4:5: warning: parties[0]"),
        "{text}"
    );
    assert!(text.contains("broken.yaml:"), "{text}");

    // Cold (--no-cache) and cached paths give the same answers (issue 19), and
    // the same export.
    for args in [
        &["search", "fisher", "--json", "--limit", "50", root][..],
        &[
            "search",
            "tonelson delisting",
            "--json",
            "--limit",
            "500",
            root,
        ],
        &["search", "x", "--kind", "quote", root],
        &["export", "--jsonl", root],
    ] {
        let fresh = storyx(&[args, &["--no-cache"]].concat(), home.path());
        let cached = storyx(args, home.path());
        assert_eq!(cached.stdout, fresh.stdout, "{args:?}");
        assert_eq!(cached.status.code(), fresh.status.code(), "{args:?}");
        if args[1] != "tonelson delisting" {
            assert!(!cached.stdout.is_empty(), "{args:?}");
        }
    }
}

/// Stories whose ids clash across files (a party named two ways and of two kinds,
/// a party that is an analyst elsewhere, a claim id used by a source, an event and a
/// quote elsewhere, a story id used twice), beside [`corpus_dir`]'s warned and
/// broken files.
fn add_cross_story_problems(dir: &Path) {
    let files = [
        (
            "cross-a.yaml",
            "format: 2\nid: cross-a\ntitle: First of two\nparties:\n  - id: shared-p\n    name: Ann Lee\n    kind: person\n    position: For.\nanalysts:\n  - id: shared-x\n    name: Xavier Moss\nclaims:\n  - id: shared-claim\n    text: The plan works.\n  - id: claim-two\n    text: It costs less.\n",
        ),
        (
            "cross-b.yaml",
            "format: 2\nid: cross-b\ntitle: Second of two\nsources:\n  - id: shared-claim\n    name: A report\nparties:\n  - id: shared-p\n    name: Someone Else\n    kind: organization\n    position: Against.\n  - id: shared-x\n    name: Xavier Moss\n    position: Unsure.\n",
        ),
        (
            "cross-c.yaml",
            "format: 2\nid: cross-c\ntitle: Third\nparties:\n  - id: ann\n    name: Ann\n    position: For.\nquotes:\n  - by: ann\n    text: First.\n  - id: claim-two\n    by: ann\n    text: Second.\ntimeline:\n  - id: late\n    date: 2024-06\n    title: Late.\n  - id: shared-claim\n    date: 2024-01\n    title: Early.\n",
        ),
        ("dup.yaml", "id: cross-a\ntitle: Same id again\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// `check` prints the same (standard output, standard error, exit code) in every
/// format without the cache, filling it, from it (only the entries' heads: every
/// file a hit), and from it after one file changed, on files with errors, warnings
/// and cross-story problems.
#[test]
fn check_prints_the_same_from_the_cache_heads_in_every_format() {
    let stories = corpus_dir(20);
    add_cross_story_problems(stories.path());
    let root = stories.path().to_str().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("log");
    let check = |format: &str, cache: bool| {
        let mut args = vec!["check", "--format", format, root];
        if !cache {
            args.push("--no-cache");
        }
        common::command()
            .args(&args)
            .env("XDG_CACHE_HOME", home.path())
            .env("STORYX_LOG", &log)
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    };
    let last_hits = || {
        let text = std::fs::read_to_string(&log).unwrap();
        let line = text.lines().rev().find(|l| l.contains("loaded")).unwrap();
        let hits = line.split("cache_hits=").nth(1).unwrap();
        hits.split(' ').next().unwrap().parse::<usize>().unwrap()
    };
    let files = 26;
    let mut changed = false;
    // The files are not cached until they settle (two seconds).
    for round in ["fills", "warm", "one changed"] {
        if round == "one changed" {
            let far = stories.path().join("cross-b.yaml");
            let text = std::fs::read_to_string(&far).unwrap();
            std::fs::write(&far, text.replace("Someone Else", "Someone Different")).unwrap();
            changed = true;
        }
        for format in ["short", "json", "pretty"] {
            let bypass = check(format, false);
            let cached = check(format, true);
            let hits = last_hits();
            match round {
                "fills" if format == "short" => assert_eq!(hits, 0),
                "warm" => assert_eq!(hits, files, "{format}: every file from the cache"),
                _ => {}
            }
            assert_eq!(
                String::from_utf8_lossy(&cached.stdout),
                String::from_utf8_lossy(&bypass.stdout),
                "{round}, {format}"
            );
            assert_eq!(cached.stderr, bypass.stderr, "{round}, {format}");
            assert_eq!(cached.status.code(), Some(1), "{round}, {format}");
            assert_eq!(bypass.status.code(), Some(1), "{round}, {format}");
            let text = String::from_utf8_lossy(&cached.stdout);
            for seen in [
                "broken.yaml",
                "parties[0].name",
                "parties[0].kind",
                "parties[1].id",
                "sources[0].id",
                "timeline[1].id",
                "quotes[1].id",
                "already used by",
                "warned.yaml",
                if changed {
                    "Someone Different"
                } else {
                    "Someone Else"
                },
            ] {
                assert!(text.contains(seen), "{round}, {format}: {seen} in\n{text}");
            }
        }
    }
}

/// The cache is untrusted: a pack whose entry for a file was crafted (built here
/// through the cache's own writer) with a date that cannot be, a broken reference,
/// a duplicate id, or a title that is not in the file is a miss: the file is parsed
/// again and the user sees what the file holds.
#[test]
fn crafted_entries_are_misses_that_reparse_the_file() {
    type Craft = fn(&mut storyx::story::Story);
    let crafts: [(&str, Craft); 6] = [
        ("month 13", |s| {
            s.date.as_mut().unwrap().month = Some(13);
        }),
        ("day 40", |s| {
            let d = s.date.as_mut().unwrap();
            d.month = Some(2);
            d.day = Some(40);
        }),
        ("a title not in the file", |s| {
            s.title = "Pwned: a title that is not in the file".into();
        }),
        ("a quote by nobody", |s| {
            s.quotes[0].by = "nobody-at-all".into();
        }),
        ("a duplicate id", |s| {
            let id = s.parties[0].id.clone();
            s.analysts[0].id = id;
        }),
        ("a party speaking for nobody", |s| {
            s.parties[0].speaks_for = Some("nobody-at-all".into());
        }),
    ];
    for (what, craft) in crafts {
        let dir = corpus_dir(20);
        let home = tempfile::tempdir().unwrap();
        let cache = cache_in(home.path());
        let (honest, _) = load(dir.path(), &cache);
        // The first generated story has a date, parties, analysts and quotes.
        let file = dir.path().join(&storyx::synth::story(0).file);
        let real = storyx::story::load::load_file(&file, &LoadOptions::default());
        let mut story = real.story.clone().expect("a valid generated story");
        assert!(story.date.is_some() && !story.quotes.is_empty() && !story.analysts.is_empty());
        craft(&mut story);
        let crafted = storyx::story::FileResult {
            story: Some(story),
            ..real.clone()
        };
        let write_crafted = || {
            let pack = cache
                .open(&[dir.path().to_path_buf()], 22, &LoadOptions::default())
                .unwrap();
            let mut w = pack.writer().unwrap();
            let key = storyx::cache::Key::of(&file).unwrap();
            w.add(&key, &storyx::cache::encode(&crafted).unwrap())
                .unwrap();
            w.finish().unwrap();
        };
        // `check` and `who` read the entry's head only: checked as well.
        write_crafted();
        for people in [false, true] {
            let outlined = |cache| {
                load_paths_outlined(
                    &[dir.path().to_path_buf()],
                    &LoadOptions::default(),
                    cache,
                    people,
                )
            };
            let (honest, _) = outlined(None);
            let (again, stats) = outlined(Some(&cache));
            assert_eq!(
                seen(&again),
                seen(&honest),
                "{what}: the crafted head was shown"
            );
            assert!(!format!("{:?}", again.stories).contains("Pwned"), "{what}");
            // The head holds no quote and no link between parties: those are not
            // in what `check` and `who` read.
            if !["a quote by nobody", "a party speaking for nobody"].contains(&what) {
                assert!(stats.misses >= 1, "{what}: {stats:?}");
                write_crafted();
            }
        }
        write_crafted();
        let (again, stats) = load(dir.path(), &cache);
        assert_eq!(
            seen(&again),
            seen(&honest),
            "{what}: the crafted entry was shown"
        );
        assert!(!format!("{:?}", again.stories).contains("Pwned"), "{what}");
        assert!(stats.misses >= 1, "{what}: {stats:?}");
    }
}

/// A FIFO where the pack should be does not hang the load: the pack is not read.
#[test]
fn a_fifo_pack_is_not_read() {
    let dir = corpus_dir(20);
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    load(dir.path(), &cache);
    let pack = the_pack(&cache);
    std::fs::remove_file(&pack).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&pack)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let root = dir.path().to_path_buf();
    std::thread::spawn(move || {
        let (corpus, _) = load(&root, &cache);
        tx.send(corpus.stories.len()).ok();
    });
    // A guard against a hang, not a timing.
    let n = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the load hung on a FIFO pack");
    assert_eq!(n, 21);
}

/// `who` keeps only the people of each story while loading, then loads the stories
/// of the entity found again (through the pack when there is one): what it prints is
/// what a whole load gives, with the cache warm, cold and bypassed.
#[test]
fn who_prints_the_same_from_the_cache_and_no_cache() {
    let stories = corpus_dir(40);
    let root = stories.path().to_str().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    let home = tempfile::tempdir().unwrap();
    // A party of the first story that speaks there, by id and by its name.
    let first = storyx::synth::story(0);
    let party = first
        .parties
        .iter()
        .find(|p| first.quotes.iter().any(|q| q.by == p.id))
        .unwrap();
    let by_id = party.id.to_string();
    let by_name = party.name.to_string();
    for query in [by_id.as_str(), by_name.as_str()] {
        for format in [&["--json"][..], &[][..]] {
            let args = [&["who", query][..], format, &[root]].concat();
            let fresh = storyx(&[&args[..], &["--no-cache"]].concat(), home.path());
            let cold = storyx(&args, home.path());
            let warm = storyx(&args, home.path());
            assert_eq!(cold.stdout, fresh.stdout, "{args:?}");
            assert_eq!(warm.stdout, fresh.stdout, "{args:?}");
            assert_eq!(warm.stderr, fresh.stderr, "{args:?}");
            assert_eq!(cold.stderr, fresh.stderr, "{args:?}");
            assert_eq!(warm.status.code(), fresh.status.code(), "{args:?}");
            if fresh.status.code() == Some(0) && format == ["--json"] {
                let v: serde_json::Value = serde_json::from_slice(&warm.stdout).unwrap();
                let shown = v["stories"].as_array().unwrap();
                assert!(!shown.is_empty(), "{args:?}");
                // The first story is whole again: its quotes and stances are there.
                let own = shown
                    .iter()
                    .find(|s| s["story"] == first.id.as_str())
                    .unwrap();
                let said = first.quotes.iter().filter(|q| q.by == party.id).count();
                assert!(said > 0);
                assert_eq!(own["quotes"].as_array().unwrap().len(), said, "{args:?}");
                assert_eq!(
                    own["position"],
                    serde_json::json!(party.position),
                    "{args:?}"
                );
            }
        }
    }
    let by_id_out = storyx(&["who", &by_id, "--json", root], home.path());
    assert_eq!(by_id_out.status.code(), Some(0));
}

/// `who` keeps only the people of each story while loading and loads the entity's
/// stories again: a file changed in between into another story is named, not shown
/// as if it had no quotes, claims or events.
#[test]
fn a_story_changed_between_whos_two_reads_is_named() {
    let stories = corpus_dir(3);
    let args = storyx::cli::LoadArgs {
        paths: vec![stories.path().to_path_buf()],
        max_file_size: 16,
        no_cache: true,
        follow_symlinks: false,
    };
    let mut corpus = storyx::cmd::load_people(&args);
    assert!(corpus.stories.iter().all(|s| s.quotes.is_empty()));
    let changed = corpus.stories[0].file.clone();
    let id = corpus.stories[0].id.to_string();
    let text = std::fs::read_to_string(&changed).unwrap();
    assert!(text.contains(&format!("id: {id}\n")));
    let other = text.replacen(&format!("id: {id}\n"), "id: another-story\n", 1);
    std::fs::write(&changed, other).unwrap();
    let not_back = storyx::cmd::load_again(&args, &mut corpus, &[0, 1]);
    assert_eq!(not_back, vec![changed]);
    assert!(corpus.stories[0].quotes.is_empty());
    assert_eq!(corpus.stories[0].id.as_str(), id);
    assert!(!corpus.stories[1].quotes.is_empty());
}

/// The explorer's load ([`Loader::hand_over`]: groups of files loaded by
/// every thread of the pool, each batch handed over once its groups are in)
/// gives, batch after batch in file order, what parsing gives, every field of
/// every story and every warning across stories, whether batches are smaller or
/// larger than a group; from the cache, every file a hit; a changed file parsed
/// among the hits and the pack written anew; and a load told to stop early
/// hands nothing more and leaves the pack as it was.
///
/// [`Loader::hand_over`]: storyx::corpus::load::Loader::hand_over
#[test]
fn the_explorers_hand_over_gives_the_parse_batch_by_batch_in_file_order() {
    let dir = corpus_dir(150);
    std::fs::copy(
        "tests/fixtures/every_field/every-field.yaml",
        dir.path().join("every-field.yaml"),
    )
    .unwrap();
    // The last file names the first story's first party otherwise: a warning
    // across the first and the last batch.
    let party = &storyx::synth::story(0).parties[0];
    std::fs::write(
        dir.path().join("zz-clash.yaml"),
        format!(
            "id: zz-clash\ntitle: T\nparties:\n  - {{id: {}, name: Someone Else Entirely, kind: person}}\n",
            party.id
        ),
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let paths = [dir.path().to_path_buf()];
    let total = files_in(dir.path()).len();
    // Batches of 5, 10, 20, ... 160 files (groups are at most 64).
    let hand_over = |cache: Option<&Cache>, stop_after: usize| {
        let loader =
            storyx::corpus::load::Loader::new(&paths, LoadOptions::default(), cache).packing();
        let mut size = 5;
        let mut corpus = Corpus::default();
        let mut dones = Vec::new();
        let stats = loader.hand_over(
            || {
                size *= 2;
                size / 2
            },
            |batch, done| {
                assert_eq!(done - dones.last().unwrap_or(&0), batch.len());
                dones.push(done);
                corpus.extend(batch);
                dones.len() < stop_after
            },
        );
        (corpus, stats, dones)
    };
    let parsed = load_paths(&paths, &LoadOptions::default());
    let clash = format!(
        "is named \"Someone Else Entirely\" here but {:?}",
        party.name
    );
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.message.contains(&clash)));
    let (cold, stats, dones) = hand_over(Some(&cache), usize::MAX);
    assert_eq!((total, &dones[..]), (154, &[5, 15, 35, 75, 154][..]));
    let stats = stats.unwrap();
    assert!(stats.written && stats.hits == 0, "{stats:?}");
    let (warm, stats, _) = hand_over(Some(&cache), usize::MAX);
    let stats = stats.unwrap();
    assert_eq!((stats.hits, stats.misses), (total, 0), "{stats:?}");
    let (none, _, _) = hand_over(None, usize::MAX);
    for corpus in [&cold, &warm, &none] {
        assert_eq!(seen(corpus), seen(&parsed));
    }
    let pack = the_pack(&cache);
    let written = std::fs::metadata(&pack).unwrap().modified().unwrap();
    // One file changed: parsed among the hits, the pack written anew.
    let changed = dir.path().join(&storyx::synth::story(70).file);
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replacen("title: ", "title: Changed ", 1)).unwrap();
    let parsed = load_paths(&paths, &LoadOptions::default());
    // Told to stop after two batches: nothing more, and no pack written.
    let (stopped, stats, dones) = hand_over(Some(&cache), 2);
    assert!(stats.is_none());
    assert_eq!(dones, [5, 15]);
    assert_eq!(stopped.files.len(), 15);
    assert_eq!(
        std::fs::metadata(&pack).unwrap().modified().unwrap(),
        written
    );
    let (again, stats, _) = hand_over(Some(&cache), usize::MAX);
    let stats = stats.unwrap();
    assert_eq!((stats.misses, stats.written), (1, true), "{stats:?}");
    assert_eq!(seen(&again), seen(&parsed));
    assert!(format!("{:?}", again.stories).contains("Changed"));
}

/// A FIFO named as a story among cached files, when the explorer loads them:
/// nothing hangs, it is reported as not a regular file, cold and warm, and
/// every other file is a hit; the files found regular are opened first to be
/// keyed, and give what parsing gives.
#[cfg(unix)]
#[test]
fn a_fifo_among_cached_files_is_reported_and_the_rest_are_hits() {
    let dir = corpus_dir(40);
    assert!(std::process::Command::new("mkfifo")
        .arg(dir.path().join("fifo.yaml"))
        .status()
        .unwrap()
        .success());
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let paths = [dir.path().to_path_buf()];
    let load = |cache: Option<&Cache>| {
        let loader =
            storyx::corpus::load::Loader::new(&paths, LoadOptions::default(), cache).packing();
        let mut corpus = Corpus::default();
        let stats = loader.hand_over(
            || 16,
            |batch, _| {
                corpus.extend(batch);
                true
            },
        );
        (corpus, stats.unwrap())
    };
    let (parsed, _) = load(None);
    let fifo = parsed
        .diagnostics
        .iter()
        .find(|d| d.file.ends_with("fifo.yaml"))
        .unwrap();
    assert!(fifo.message.contains("not a regular file"), "{fifo:?}");
    let (cold, _) = load(Some(&cache));
    let (warm, stats) = load(Some(&cache));
    assert_eq!((stats.hits, stats.misses), (42, 1), "{stats:?}");
    assert_eq!(seen(&cold), seen(&parsed));
    assert_eq!(seen(&warm), seen(&parsed));
}

/// What the explorer loads from the cache (its loader packs the stories) is what
/// parsing gives, every field of every story (the every-field story, the format 2
/// stories, generated ones), and each story comes packed: its texts are spans of
/// one buffer.
#[test]
fn the_explorers_load_from_the_cache_is_every_field_the_same_and_packed() {
    let dir = corpus_dir(20);
    for fixture in ["every_field/every-field.yaml"]
        .into_iter()
        .map(String::from)
        .chain(
            files_in(Path::new("tests/fixtures/format2"))
                .iter()
                .map(|p| format!("format2/{}", p.file_name().unwrap().to_string_lossy())),
        )
    {
        let from = Path::new("tests/fixtures").join(&fixture);
        let name = fixture.replace('/', "-");
        std::fs::copy(&from, dir.path().join(name)).unwrap();
    }
    let home = tempfile::tempdir().unwrap();
    let cache = cache_in(home.path());
    let paths = [dir.path().to_path_buf()];
    let explorer_load = |cache: Option<&Cache>| {
        let mut loader =
            storyx::corpus::load::Loader::new(&paths, LoadOptions::default(), cache).packing();
        let mut corpus = Corpus::default();
        loop {
            let batch = loader.next_batch(8);
            if batch.is_empty() {
                break;
            }
            corpus.extend(batch);
        }
        (corpus, loader.finish())
    };
    let (parsed, _) = explorer_load(None);
    assert!(parsed.stories.iter().any(|s| s.id == "every-field"));
    let (cold, stats) = explorer_load(Some(&cache));
    assert!(stats.written && stats.hits == 0, "{stats:?}");
    let (warm, stats) = explorer_load(Some(&cache));
    assert_eq!(stats.misses, 0, "{stats:?}");
    assert_eq!(seen(&cold), seen(&parsed));
    assert_eq!(seen(&warm), seen(&parsed));
    // Each story's texts are in one buffer, shared by the stories loaded with
    // it, where a text of several (a source's id) is stored once.
    let packed = |corpus: &Corpus| {
        for story in &corpus.stories {
            let texts = std::iter::once(&story.title)
                .chain(&story.tags)
                .chain(story.parties.iter().map(|p| &p.name))
                .chain(story.quotes.iter().map(|q| &q.text))
                .chain(story.claims.iter().map(|c| &c.text));
            for text in texts.filter(|t| !t.is_empty()) {
                assert!(text.shares_buffer_with(&story.id), "{}: {text}", story.id);
            }
        }
        let generated: Vec<_> = corpus
            .stories
            .iter()
            .filter(|s| s.id.starts_with("story-"))
            .collect();
        for pair in generated.windows(2) {
            let (a, b) = (&pair[0].sources[0].id, &pair[1].sources[0].id);
            assert_eq!(a, b);
            if a.shares_buffer_with(b) {
                assert_eq!(a.as_ptr(), b.as_ptr(), "{}: stored twice", pair[1].id);
            }
        }
        assert!(
            generated
                .windows(2)
                .filter(|p| p[0].id.shares_buffer_with(&p[1].id))
                .count()
                >= 10,
            "the stories of a batch share one buffer"
        );
    };
    packed(&warm);
    packed(&cold);
    // One file changed: parsed among the hits of its batch, and packed with them.
    let changed = dir.path().join(&storyx::synth::story(3).file);
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replacen("title: ", "title: Changed ", 1)).unwrap();
    let (parsed, _) = explorer_load(None);
    let (again, stats) = explorer_load(Some(&cache));
    assert_eq!((stats.misses, stats.written), (1, true), "{stats:?}");
    assert_eq!(seen(&again), seen(&parsed));
    assert!(format!("{:?}", again.stories).contains("Changed"));
    packed(&again);
}
