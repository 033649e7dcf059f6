//! `storyx search --no-cache` leaves unparsed the files whose text cannot hold a
//! hit (issue 19). Its answers are those of a load that parses every file and of
//! the cache, hit for hit and in the same order, whatever the query: hits and
//! misses, case and accents, a name written over two lines, initials, dates and
//! stance words that the files do not spell as they are searched; and when a file
//! left unparsed has the story id of a later one.

mod common;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

fn run(home: &Path, args: &[&str]) -> Output {
    common::command()
        .args(args)
        .env("XDG_CACHE_HOME", home)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// Runs `search ARGS DIR` without the cache, then with it twice (the first run
/// parses every file and fills the cache, the second reads it), and asserts the
/// three print the same and exit the same; returns the output.
fn same_three_ways(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let root = dir.to_str().unwrap();
    let cold = run(
        home,
        &[&["search"][..], args, &["--no-cache", root]].concat(),
    );
    for pass in ["parsed into the cache", "from the cache"] {
        let cached = run(home, &[&["search"][..], args, &[root]].concat());
        assert_eq!(
            String::from_utf8_lossy(&cold.stdout),
            String::from_utf8_lossy(&cached.stdout),
            "{args:?}, {pass}"
        );
        assert_eq!(
            String::from_utf8_lossy(&cold.stderr),
            String::from_utf8_lossy(&cached.stderr),
            "{args:?}, {pass}"
        );
        assert_eq!(cold.status.code(), cached.status.code(), "{args:?}, {pass}");
    }
    cold
}

/// Asserts that `search --json` printed the explorer's answer: the hits its
/// search index gives for the same query over the same files, in the same order,
/// with the same scores.
fn as_the_explorer(dir: &Path, out: &Output, args: &[&str]) {
    let corpus = storyx::corpus::load::load_paths(
        &[dir.to_path_buf()],
        &storyx::story::load::LoadOptions::default(),
    );
    let index = std::sync::Arc::new(storyx::search::Index::new(&corpus));
    // `--limit`'s default.
    let mut options = storyx::search::Options {
        limit: 20,
        kind: None,
    };
    let mut query = "";
    let mut it = args.iter();
    while let Some(&a) = it.next() {
        match a {
            "--json" => {}
            "--limit" => options.limit = it.next().unwrap().parse().unwrap(),
            "--kind" => {
                let kind = it.next().unwrap();
                options.kind = storyx::search::Kind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == *kind);
                assert!(options.kind.is_some(), "{kind}");
            }
            q => query = q,
        }
    }
    let want = index.search(query, &options);
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, String, String, i64)> = got
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap().to_string(),
                h["story"].as_str().unwrap().to_string(),
                h["text"].as_str().unwrap().to_string(),
                h["score"].as_i64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, String, i64)> = want
        .hits
        .iter()
        .map(|h| {
            (
                h.kind.as_str().to_string(),
                h.story_id.clone(),
                h.text.clone(),
                i64::from(h.score),
            )
        })
        .collect();
    assert_eq!(got, want, "{args:?}");
}

fn hits(out: &Output) -> usize {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().len()
}

const WRITTEN_OVER_LINES: &str = "format: 2
id: lines
title: Über Ångström and the harbour
date: 2001-11-14
parties:
  - id: rq
    name: Richard
      Quillfeather
    kind: person
    position: Against the deal.
  - id: zo
    name: >
      Zoë
      Ølstrup
    kind: person
    position: No position reported.
quotes:
  - by: zo
    kind: declined
claims:
  - id: harbour-deal
    text: The harbour deal is fair.
    stances:
      - by: rq
        stance: disputes
";

#[test]
fn the_cold_search_answers_as_the_cached_one() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let story = storyx::synth::story(i);
        std::fs::write(dir.path().join(&story.file), storyx::synth::to_yaml(&story)).unwrap();
    }
    std::fs::write(dir.path().join("zz-lines.yaml"), WRITTEN_OVER_LINES).unwrap();
    // Files written in the last two seconds are not cached: let them settle.
    std::thread::sleep(Duration::from_millis(2100));
    let home = tempfile::tempdir().unwrap();
    let check = run(
        home.path(),
        &["check", "--no-cache", dir.path().to_str().unwrap()],
    );
    assert_eq!(check.status.code(), Some(0), "{}", common::stderr(&check));

    let found = |q: &str| {
        let args = ["--json", "--limit", "1000", q];
        let out = same_three_ways(dir.path(), home.path(), &args);
        as_the_explorer(dir.path(), &out, &args);
        hits(&out)
    };
    // Hits and misses, any case, any accent, several words.
    assert!(found("fisher") > 0);
    assert_eq!(found("FISHER"), found("fisher"));
    assert!(found("søren") > 0);
    assert_eq!(found("SOREN"), found("søren"));
    assert_eq!(found("tonelson delisting"), 0);
    assert_eq!(found("xyzzy"), 0);
    assert_eq!(found("fisher xyzzy"), 0);
    // A name over two lines, scattered across it; a folded block name.
    assert_eq!(found("richard quillfeather"), 1);
    assert_eq!(found("rquillfeather"), 1);
    assert_eq!(found("zoe olstrup"), 2, "the party and her quote");
    // Accents folded away in the file; initials; texts the files do not spell.
    assert!(found("uber angstrom") > 0);
    assert!(found("UBER") > 0);
    assert!(found("hdif") > 0, "initials: the harbour deal is fair");
    assert!(found("nov 2001") > 0);
    assert!(found("14 nov") > 0);
    assert!(found("harbour disputes") > 0);
    assert!(found("zoe declined to comment") > 0);
    assert!(found("olstrup dtc") > 0);
    // A kind, a limit (the best of many), one letter, text output.
    for args in [
        &["--json", "fisher", "--kind", "quote"][..],
        &["--json", "fisher", "--kind", "claim", "--limit", "2"],
        &["--json", "a", "--limit", "7"],
        &["--json", "e", "--kind", "party", "--limit", "3"],
        &["--json", "fisher", "--limit", "0"],
        &["--json", "ri fi", "--limit", "5"],
    ] {
        let out = same_three_ways(dir.path(), home.path(), args);
        as_the_explorer(dir.path(), &out, args);
    }
    same_three_ways(dir.path(), home.path(), &["fisher", "--kind", "quote"]);
    same_three_ways(dir.path(), home.path(), &["quillfeather", "--limit", "1"]);
    same_three_ways(dir.path(), home.path(), &["fisher", "--limit", "3"]);
}

/// A story id is kept by its first file: a file that cannot hold a hit but comes
/// first with the id of a file that holds one hides that file's hits, unless the
/// first one fails to load, which only parsing it tells.
#[test]
fn a_file_left_unparsed_still_holds_its_story_id() {
    let story = |title: &str, date: &str| format!("id: dup\ntitle: {title}\ndate: {date}\n");
    for (first_date, hidden) in [("2001-01-01", true), ("2001-13-01", false)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), story("Nothing here", first_date)).unwrap();
        std::fs::write(
            dir.path().join("b.yaml"),
            story("Quillfeather", "2001-02-02"),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(2100));
        let home = tempfile::tempdir().unwrap();
        let out = same_three_ways(dir.path(), home.path(), &["--json", "quillfeather"]);
        assert_eq!(hits(&out), usize::from(!hidden), "{first_date}");
        assert!(
            common::stderr(&out).contains("1 file could not be loaded"),
            "{}",
            common::stderr(&out)
        );
    }
}

/// Without the cache, a broken file that cannot hold a hit is not parsed, so
/// whether it is broken is not known: the note on standard error counts the
/// failures among the files parsed and says how many were not, where the cached
/// search (which knows every file) counts them all. The hits are the same.
#[test]
fn the_note_counts_only_the_broken_files_it_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let story =
        |id: &str, title: &str, date: &str| format!("id: {id}\ntitle: {title}\ndate: {date}\n");
    let files = [
        ("a.yaml", story("a", "Quillfeather speaks", "2001-02-02")),
        ("b.yaml", story("b", "Quillfeather again", "2001-13-01")),
        ("c.yaml", story("c", "Nothing here", "2001-13-01")),
        ("d.yaml", story("d", "Nothing there", "2001-14-01")),
        ("e.yaml", story("e", "Nothing at all", "2001-03-03")),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::thread::sleep(Duration::from_millis(2100));
    let home = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap();
    let cold = run(
        home.path(),
        &["search", "--json", "quillfeather", "--no-cache", root],
    );
    assert_eq!(hits(&cold), 1, "{}", common::stderr(&cold));
    assert_eq!(
        common::stderr(&cold),
        "storyx: 1 of the files parsed could not be loaded (3 files that cannot hold a hit were not parsed); run `storyx check` for details\n"
    );
    for _ in 0..2 {
        let cached = run(home.path(), &["search", "--json", "quillfeather", root]);
        assert_eq!(cached.stdout, cold.stdout);
        assert_eq!(
            common::stderr(&cached),
            "storyx: 3 files could not be loaded; run `storyx check` for details\n"
        );
    }
    // Nothing broken among the files parsed: no note (the hits are whole).
    let cold = run(
        home.path(),
        &["search", "--json", "speaks", "--no-cache", root],
    );
    assert_eq!(hits(&cold), 1);
    assert_eq!(common::stderr(&cold), "");
}
