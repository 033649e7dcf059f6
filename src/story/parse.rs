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
fn needs_budget_scan(text: &str, budgets: &Budgets) -> bool {
    let bytes = text.as_bytes();
    // An alias: `*` where a node can start.
    let alias = memchr::memchr_iter(b'*', bytes).any(|i| {
        let prev = if i == 0 { b'\n' } else { bytes[i - 1] };
        matches!(prev, b' ' | b'\n' | b'[' | b',' | b':' | b'\t')
    });
    if alias {
        return true;
    }
    // Every node needs a separator, and there are no more separators than bytes.
    if 2 * bytes.len() + 2 > budgets.max_nodes {
        let separators = bytes
            .iter()
            .filter(|b| matches!(b, b',' | b':' | b'-' | b'\n' | b'[' | b'{' | b'?'))
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
    // Block indentation: the leading spaces of each line.
    let limit = 4 * budgets.max_depth;
    let mut rest = bytes;
    loop {
        if rest.iter().take_while(|&&b| b == b' ').count() > limit {
            return true;
        }
        match memchr::memchr(b'\n', rest) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
}

/// Loads one story text: parse, validate, and locate the problems if there are any.
pub fn parse_str(path: &Path, text: &str) -> FileResult {
    parse_with(path, text, &LoadOptions::default())
}

/// [`parse_str`] with explicit options.
pub fn parse_with(path: &Path, text: &str, opts: &LoadOptions) -> FileResult {
    let file = path.to_path_buf();
    let located = |location: Option<Location>, path: String, message: String| Diagnostic {
        file: file.clone(),
        location,
        severity: Severity::Error,
        path,
        message,
        related: None,
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
    // The story's texts were allocated in among the parser's garbage, now freed:
    // a copy made now fills those holes densely, instead of leaving pages held
    // by a few kept strings each (4 MB less resident on 1,000 stories, issue 6).
    let story = story.map(|kept| {
        let copy = kept.clone();
        drop(kept);
        copy
    });
    let diagnostics = if problems.is_empty() {
        Vec::new()
    } else {
        let index = locate::scan(text, opts.budgets, true).unwrap_or_default();
        problems
            .into_iter()
            .map(|p| place(&file, &index, p))
            .collect()
    };
    FileResult {
        path: file,
        story,
        diagnostics,
        io_error: false,
    }
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
    Diagnostic {
        file: file.to_path_buf(),
        location: location.or(Some(Location { line: 1, column: 1 })),
        severity: p.severity,
        path: p.path,
        message,
        related: None,
    }
}

/// A parser's place, kept inside the text: libyaml and saphyr put an error at the
/// very end of a file without a final line break on the line after it, which
/// does not exist; the end of the text it is.
fn within(text: &str, location: Location) -> Location {
    let end = end_location(text);
    if (location.line, location.column) > (end.line, end.column) {
        end
    } else {
        location
    }
}

/// Line and column just past the last character, counting line breaks as libyaml
/// does: LF, CR, CRLF, NEL, LS and PS.
fn end_location(text: &str) -> Location {
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
}
