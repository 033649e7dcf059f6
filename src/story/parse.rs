//! One story text → a [`FileResult`]: parses the YAML (within the budgets),
//! validates it into a story, and gives every problem its place in the file.

use std::path::Path;

use super::diagnostic::{Diagnostic, Location, Severity};
use super::load::{FileResult, LoadOptions};
use super::locate::{self, Budgets, PathIndex};
use super::syntax;
use super::validate::{self, Problem, Target};
use super::yaml;

/// A cheap byte scan that says whether a text needs the budgeted event pass before
/// serde_yaml sees it: deep flow nesting, deep indentation, aliases, or possibly
/// more nodes than the budget. Each test is a memchr pass or is skipped when a
/// bound (the byte count, the count of brackets) already rules it out.
///
/// Without an alias a text's values take at most about twice its size, well
/// inside the expansion budget, so only texts that may hold an alias need the
/// budgeted pass for it. That test is sound: see [`may_hold_alias`].
pub(crate) fn needs_budget_scan(text: &str, budgets: &Budgets) -> bool {
    let bytes = text.as_bytes();
    if may_hold_alias(bytes) {
        return true;
    }
    // Every node needs a separator, and there are no more separators than bytes.
    if 2 * bytes.len() + 2 > budgets.max_nodes {
        let separators = bytes
            .iter()
            .filter(|b| matches!(b, b',' | b':' | b'-' | b'\n' | b'\r' | b'[' | b'{' | b'?'))
            .count();
        if 2 * separators + 2 > budgets.max_nodes {
            return true;
        }
    }
    // Flow nesting can only be deep with enough opening brackets.
    let limit = budgets.max_depth / 2;
    if memchr::memchr2_iter(b'[', b'{', bytes).count() > limit {
        let mut depth = 0usize;
        for &b in bytes {
            match b {
                b'[' | b'{' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    // Block indentation: the leading spaces of each line (after LF or CR).
    let limit = 4 * budgets.max_depth;
    let mut rest = bytes;
    loop {
        if rest.iter().take_while(|&&b| b == b' ').count() > limit {
            return true;
        }
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
}

/// Whether some `*` in `bytes` may start an alias. A `*` right after a character
/// that can only sit inside a token (a letter, a digit, or a punctuation mark that
/// is no YAML indicator) continues that token (a plain scalar, a tag, an anchor or
/// alias name, a comment) and cannot start a node; after anything else (a space,
/// a tab, any line break: LF, CR, or libyaml's NEL, LS and PS, an indicator such as
/// `{` `[` `,` `:` `?` `-` `"`, any byte of a non-ASCII character, the start of the
/// text) it may. Reading `*` as a possible alias too often costs a budgeted pass,
/// never a missed one.
pub(crate) fn may_hold_alias(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'*', bytes).any(|i| {
        let Some(&prev) = i.checked_sub(1).and_then(|p| bytes.get(p)) else {
            return true;
        };
        !(prev.is_ascii_alphanumeric()
            || matches!(
                prev,
                b'.' | b'_'
                    | b'/'
                    | b'('
                    | b')'
                    | b'+'
                    | b'='
                    | b';'
                    | b'$'
                    | b'^'
                    | b'~'
                    | b'<'
                    | b'\\'
                    | b'*'
            ))
    })
}

/// Loads one story text: parse, validate, and locate the problems if there are any.
pub fn parse_str(path: &Path, text: &str) -> FileResult {
    parse_with(path, text, &LoadOptions::default())
}

/// [`parse_str`] with explicit options.
pub fn parse_with(path: &Path, text: &str, opts: &LoadOptions) -> FileResult {
    let file = path.to_path_buf();
    let located = |location: Option<Location>, path: String, message: String| {
        Diagnostic::new(file.clone(), location, Severity::Error, path, message)
    };
    let fail = |d: Diagnostic| FileResult {
        path: file.clone(),
        story: None,
        diagnostics: vec![d],
        io_error: false,
    };
    // A UTF-8 byte-order mark is allowed and is not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return fail(located(
            Some(Location { line: 1, column: 1 }),
            String::new(),
            "the file is empty: a story file is one mapping with at least `id` and `title`".into(),
        ));
    }
    if needs_budget_scan(text, &opts.budgets) {
        if let Err(stop) = locate::scan(text, opts.budgets, false) {
            let location = within(text, stop.location);
            return fail(located(Some(location), String::new(), stop.message));
        }
    }
    let raw = match yaml::parse(text) {
        Ok(raw) => raw,
        Err(e) => {
            // serde_yaml's own place is exact for syntax errors; a few errors have none.
            let mut location = e.location;
            let mut message = e.message;
            let mut path = String::new();
            if message.contains("more than one document") {
                let index = locate::scan(text, opts.budgets, true).unwrap_or_default();
                location = index.extra_documents.first().copied().or(location);
                message = "the file holds more than one YAML document (`---`); a story file holds exactly one story".into();
            } else if message.contains("recursion limit") {
                message = format!(
                    "lists and mappings nested deeper than {} levels (the depth budget)",
                    opts.budgets.max_depth
                );
            } else if message.contains("repetition limit") {
                message = format!(
                    "aliases expand to more than {} values (the node budget)",
                    opts.budgets.max_nodes
                );
            } else {
                // libyaml's reader errors give a byte position instead of a mark.
                if let Some(pos) = message
                    .rsplit("at position ")
                    .next()
                    .and_then(|n| n.trim().parse::<usize>().ok())
                {
                    location = location
                        .filter(|l| l.line > 1 || l.column > 1)
                        .or(Some(Location::of_byte(text, pos)));
                    message = message
                        .rsplit_once(" at position ")
                        .map_or(message.clone(), |(m, _)| m.to_string());
                }
                let at = within(text, location.unwrap_or(Location { line: 1, column: 1 }));
                let explained = syntax::explain(text, &message, at);
                (message, location, path) =
                    (explained.message, Some(explained.location), explained.path);
            }
            let location = location.map(|l| within(text, l));
            return fail(located(
                location.or(Some(Location { line: 1, column: 1 })),
                path,
                message,
            ));
        }
    };
    let (story, problems) = validate::validate(raw, path);
    let diagnostics = if problems.is_empty() {
        Vec::new()
    } else {
        let index = locate::scan(text, opts.budgets, true).unwrap_or_default();
        // The parser puts the empty value after a last `---` on the line after it,
        // which may not exist. The end is found once: per problem it would make
        // thousands of problems in a large file quadratic.
        let end = end_location(text);
        problems
            .into_iter()
            .map(|p| {
                let mut d = place(&file, &index, p);
                d.location = d.location.map(|l| before_end(end, l));
                d
            })
            .collect()
    };
    FileResult {
        path: file,
        story,
        diagnostics,
        io_error: false,
    }
}

/// Where the value at `at` (a path inside the story: `id`, `quotes[3].by`) is in
/// the story file `path`, read again through the same reader and budgets; for a
/// problem found after the file was loaded (a story id used by another file).
pub fn locate_in_file(path: &Path, at: &str, opts: &LoadOptions) -> Option<Location> {
    let bytes = super::load::read_file(path, opts).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    locate::scan(text, opts.budgets, true).ok()?.value(at)
}

/// Gives a problem its place: the value (or key) at its path, or the nearest
/// enclosing value that has one.
fn place(file: &Path, index: &PathIndex, mut p: Problem) -> Diagnostic {
    let find = |path: &str, target: Target| -> Option<Location> {
        match target {
            Target::Key(n) => index.key(path, n),
            Target::Value => index.value(path).or_else(|| index.key(path, 0)),
        }
    };
    // A problem found in several places is reported at the earliest.
    if let Some((path, target, message)) = std::mem::take(&mut p.earliest_of)
        .into_iter()
        .filter_map(|(path, target, message)| {
            find(&path, target).map(|l| (l, (path, target, message)))
        })
        .min_by_key(|(l, _)| *l)
        .map(|(_, chosen)| chosen)
    {
        (p.path, p.target, p.message) = (path, target, message);
    }
    let mut location = find(&p.path, p.target);
    let mut parent = p.path.as_str();
    while location.is_none() && !parent.is_empty() {
        parent = match parent.rfind(['.', '[']) {
            Some(i) => &parent[..i],
            None => "",
        };
        location = index.value(parent);
    }
    let mut message = p.message;
    if let Some((first, target)) = &p.first {
        if let Some(l) = find(first, *target) {
            message.push_str(&format!(" (first at line {}, column {})", l.line, l.column));
        }
    }
    Diagnostic::new(
        file,
        location.or(Some(Location { line: 1, column: 1 })),
        p.severity,
        p.path,
        message,
    )
}

/// A parser's place, kept inside the text: libyaml and saphyr put an error at the
/// very end of a file without a final line break on the line after it, which
/// does not exist; the end of the text it is.
fn within(text: &str, location: Location) -> Location {
    before_end(end_location(text), location)
}

/// `location`, or `end` when it lies past it.
fn before_end(end: Location, location: Location) -> Location {
    if (location.line, location.column) > (end.line, end.column) {
        end
    } else {
        location
    }
}

#[cfg(test)]
thread_local! {
    /// How many times the end of a text was looked for on this thread (tests only).
    static ENDS_FOUND: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Line and column just past the last character, counting line breaks as libyaml
/// does: LF, CR, CRLF, NEL, LS and PS.
fn end_location(text: &str) -> Location {
    #[cfg(test)]
    ENDS_FOUND.with(|n| n.set(n.get() + 1));
    let (mut line, mut column, mut after_cr) = (1, 1, false);
    for c in text.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    Location { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_scan_only_for_texts_that_may_need_it() {
        let b = Budgets::default();
        assert!(!needs_budget_scan(
            "id: a\ntitle: \"5*3\"\ntags: [x, y]\n",
            &b
        ));
        assert!(needs_budget_scan("a: &x 1\nb: *x\n", &b));
        assert!(needs_budget_scan("*x", &b));
        let deep_flow = format!("a: {}{}\n", "[".repeat(33), "]".repeat(33));
        assert!(needs_budget_scan(&deep_flow, &b));
        let many_flat = format!("a: {}\n", "[]".repeat(100));
        assert!(!needs_budget_scan(&many_flat, &b));
        let deep_indent = format!("a:\n{}b: 1\n", " ".repeat(257));
        assert!(needs_budget_scan(&deep_indent, &b));
        let ok_indent = format!("a:\n{}b: 1\n", " ".repeat(256));
        assert!(!needs_budget_scan(&ok_indent, &b));
        let many_nodes = "- a\n".repeat(130_000);
        assert!(needs_budget_scan(&many_nodes, &b));
    }

    /// Texts where an anchored scalar of `size` bytes is used `uses` times after `sep`.
    fn bomb(size: usize, uses: usize, entry: impl Fn(usize) -> String) -> String {
        let mut text = format!("id: a\ntitle: t\nbig: &s {}\n", "x".repeat(size));
        for i in 0..uses {
            text.push_str(&entry(i));
        }
        text
    }

    #[test]
    fn shapes_that_fooled_the_pre_scan_reach_the_budget() {
        let b = Budgets::default();
        type Entry = Box<dyn Fn(usize) -> String>;
        let shapes: Vec<(&str, Entry)> = vec![
            (
                "an alias after `{`",
                Box::new(|i| format!("k{i}: {{*s : v}}\n")),
            ),
            (
                "an alias key after a CR",
                Box::new(|i| format!("k{i}:\r  *s : v\r")),
            ),
            ("an alias after `[`", Box::new(|i| format!("k{i}: [*s]\n"))),
            (
                "an alias key after a LF",
                Box::new(|i| format!("k{i}:\n  *s : v\n")),
            ),
            (
                "an alias after a JSON key",
                Box::new(|i| format!("k{i}: {{\"a\":*s}}\n")),
            ),
            ("an alias after a tab", Box::new(|i| format!("k{i}:\t*s\n"))),
        ];
        for (what, entry) in shapes {
            let text = bomb(4000, 64, entry);
            let expanded = crate::story::yaml::expanded_bytes(&text)
                .unwrap_or_else(|| panic!("{what}: serde_yaml should read it"));
            assert!(
                expanded > b.expanded_limit(text.len()),
                "{what}: {expanded}"
            );
            assert!(
                needs_budget_scan(&text, &b),
                "{what}: the pre-scan missed it"
            );
            let r = parse_str(Path::new("bomb.yaml"), &text);
            let d = &r.diagnostics[0];
            assert!(d.message.contains("expansion budget"), "{what}: {d:?}");
            assert!(d.location.is_some_and(|l| l.line > 3), "{what}: {d:?}");
        }
    }

    /// Found by the `load` fuzz target: `---` without a line break put "holds no
    /// story" on line 2 of a one-line file.
    #[test]
    fn an_empty_last_document_is_placed_inside_the_file() {
        for text in [
            "---",
            "--- ",
            "--- #c",
            "---\r",
            "id: a\n---",
            "%YAML 1.2\n---",
        ] {
            let r = parse_str(Path::new("d.yaml"), text);
            let end = end_location(text);
            assert!(!r.diagnostics.is_empty(), "{text:?}");
            for d in &r.diagnostics {
                let l = d.location.expect("a place");
                assert!(
                    (l.line, l.column) <= (end.line, end.column),
                    "{text:?}: {d:?}"
                );
            }
        }
    }

    /// Placing many problems walks the text once, not once per problem (it did
    /// per problem: 4,000 bad references in a 1 MB file took minutes).
    #[test]
    fn many_problems_find_the_end_of_the_text_once() {
        let mut text = String::from("id: s\ntitle: T\nquotes:\n");
        for i in 0..2_000 {
            text.push_str(&format!(
                "  - {{id: q{i}, by: nobody-{i}, kind: direct, text: t}}\n"
            ));
        }
        let before = ENDS_FOUND.with(|n| n.get());
        let r = parse_str(Path::new("m.yaml"), &text);
        assert!(r.diagnostics.len() >= 2_000, "{}", r.diagnostics.len());
        assert_eq!(ENDS_FOUND.with(|n| n.get()) - before, 1);
    }

    #[test]
    fn a_star_inside_words_needs_no_budget_pass() {
        let b = Budgets::default();
        assert!(!needs_budget_scan("id: a\ntitle: 5*3 a*b (x)*y\n", &b));
        assert!(needs_budget_scan("id: a\ntitle: 5 * 3\n", &b));
        assert!(needs_budget_scan("id: a\ntitle: é*\n", &b));
    }

    /// A fixed-seed generator (xorshift): the same texts on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// One generated YAML text: anchors (scalars, lists, nested lists of aliases)
    /// and aliases in every context a node can start in (values, flow and block
    /// keys, explicit `?` keys, after `,` in a flow mapping, nested block lists,
    /// tagged lists), with LF, CR, CRLF, NEL or LS line breaks.
    fn generated(rng: &mut Rng) -> String {
        let br = rng.pick(&["\n", "\r", "\r\n", "\n", "\u{85}", "\u{2028}"]);
        let pad = rng.pick(&[" ", "\t", "  ", ""]);
        let mut text = format!("id: a{br}title: t{br}");
        let anchors = 1 + rng.below(3);
        for a in 0..anchors {
            let size = 1 + rng.below(400);
            match rng.below(3) {
                0 => text.push_str(&format!("s{a}: &a{a} {}{br}", "x".repeat(size))),
                1 => text.push_str(&format!(
                    "s{a}: &a{a} [{}]{br}",
                    vec!["yy"; size / 8 + 1].join(", ")
                )),
                _ => text.push_str(&format!("s{a}: &a{a} \"{}\"{br}", "z".repeat(size))),
            }
        }
        if rng.below(3) == 0 {
            let a = rng.below(anchors);
            let n = 2 + rng.below(8);
            text.push_str(&format!(
                "n: &a{anchors} [{}]{br}",
                vec![format!("*a{a}"); n].join(",")
            ));
        }
        let uses = rng.below(120);
        for i in 0..uses {
            let a = format!("*a{}", rng.below(anchors + 1).min(anchors));
            let a = if text.contains(&format!("&a{}", &a[2..])) {
                a
            } else {
                "*a0".into()
            };
            let entry = match rng.below(14) {
                0 => format!("k{i}:{pad}{a}{br}"),
                1 => format!("k{i}: [{a}]{br}"),
                2 => format!("k{i}: [x,{a}]{br}"),
                3 => format!("k{i}: {{{a} : v}}{br}"),
                4 => format!("k{i}: {{v:{pad}{a}}}{br}"),
                5 => format!("k{i}: {{\"v\":{a}}}{br}"),
                6 => format!("k{i}:{br}{pad}- {a}{br}"),
                7 => format!("k{i}:{br}  {a} : v{br}"),
                8 => format!("k{i}: !!seq [{a}]{br}"),
                10 => format!("? k{i}{br}:{pad} {a}{br}"),
                11 => format!("k{i}: {{x: 1,{a} : v}}{br}"),
                12 => format!("k{i}:{br}  - -{pad} {a}{br}"),
                13 => format!("k{i}: {{? {a} : v}}{br}"),
                _ => format!("k{i}: [{br}{pad}{a}{br}]{br}"),
            };
            text.push_str(&entry);
        }
        text
    }

    /// The pre-scan's promise, over generated texts: every text that serde_yaml
    /// would expand past the budget goes to the budgeted pass, and that pass stops it.
    #[test]
    fn every_text_that_expands_past_the_budget_gets_the_budgeted_pass() {
        let b = Budgets::default();
        let mut rng = Rng(0x5eed_1234_abcd_0001);
        let (mut over, mut read) = (0, 0);
        for _ in 0..3000 {
            let text = generated(&mut rng);
            let Some(expanded) = crate::story::yaml::expanded_bytes(&text) else {
                continue;
            };
            read += 1;
            if expanded <= b.expanded_limit(text.len()) {
                continue;
            }
            over += 1;
            assert!(needs_budget_scan(&text, &b), "missed: {text:?}");
            let stop = locate::scan(&text, b, false);
            assert!(stop.is_err(), "the budgeted pass let it through: {text:?}");
        }
        // The property is not vacuous: many texts were read, many went over.
        assert!(read > 1500, "only {read} generated texts were YAML");
        assert!(
            over > 200,
            "only {over} generated texts went over the budget"
        );
    }
}
