//! An event-level pass over a YAML text (saphyr-parser, streaming): maps paths inside
//! the story (`quotes[3].by`) to their places in the file, and enforces budgets on
//! nesting depth, node count and alias expansion before anything is deserialized.
//!
//! It runs only for files that have problems or look risky, so clean files pay nothing.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use super::diagnostic::Location;

/// Limits that keep a hostile file from taking unbounded time or memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Deepest nesting of lists and mappings.
    pub max_depth: usize,
    /// Most nodes (scalars, lists, mappings), counting each alias as the nodes it expands to.
    pub max_nodes: usize,
    /// Most bytes the values of a file may take once its aliases are expanded, as a
    /// multiple of the file's size ...
    pub max_expansion: usize,
    /// ... and in all, whatever the file's size.
    pub max_expanded_bytes: usize,
}

impl Budgets {
    /// The bytes a text of `len` bytes may expand to.
    pub fn expanded_limit(&self, len: usize) -> usize {
        len.saturating_mul(self.max_expansion)
            .min(self.max_expanded_bytes)
    }
}

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            max_depth: 64,
            max_nodes: 250_000,
            max_expansion: 16,
            max_expanded_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Where things are in one file.
#[derive(Debug, Default, Clone)]
pub struct PathIndex {
    /// Every occurrence of a key, by the path of its value (`quotes[3].by`).
    pub keys: HashMap<String, Vec<Location>>,
    /// Where each value starts (for a mapping: its first key), by path; the root is `""`.
    pub values: HashMap<String, Vec<Location>>,
    /// Where each document after the first starts.
    pub extra_documents: Vec<Location>,
}

impl PathIndex {
    pub fn key(&self, path: &str, nth: usize) -> Option<Location> {
        self.keys.get(path).and_then(|v| v.get(nth)).copied()
    }
    pub fn value(&self, path: &str) -> Option<Location> {
        self.values.get(path).and_then(|v| v.first()).copied()
    }
}

/// One scalar of a file with its path and place, for editor tools (see [`scalars`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScalarAt {
    /// The path of the value (for a key: of the value it names), as in [`PathIndex`].
    pub path: String,
    /// Whether this scalar is a mapping key.
    pub key: bool,
    pub value: String,
    /// Whether it is written in quotes (or as a block scalar).
    pub quoted: bool,
    pub start: Location,
    /// Just past its last character (the parser's span: in a flow collection it may
    /// take in the white space after it).
    pub end: Location,
}

/// Every scalar of `text` with its path and place, in file order, and the problem the
/// scan stopped at, if any (the scalars before it are still given).
pub fn scalars(text: &str, budgets: Budgets) -> (Vec<ScalarAt>, Option<ScanStop>) {
    let mut out = Vec::new();
    let stop = walk(text, budgets, true, Some(&mut out)).err();
    (out, stop)
}

/// Why a scan stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanStop {
    pub message: String,
    pub location: Location,
}

fn loc(span: &Span) -> Location {
    Location {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

/// Where a mapping is in the key/value alternation.
enum MapState {
    ExpectKey,
    /// Inside a key that is a list or mapping (a complex key).
    InComplexKey,
    /// The key was read: the next node is its value, at this path (None under a complex key).
    ExpectValue(Option<String>),
    /// Inside a value that is a list or mapping.
    InValue,
}

struct Frame {
    /// The path of this list or mapping; None inside a complex key.
    path: Option<String>,
    map: Option<MapState>,
    next_index: usize,
    /// The anchor of this node (0: none), and the node count and bytes when it started.
    anchor: usize,
    start_nodes: usize,
    start_bytes: usize,
}

fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The node starting now: its path, whether it is a mapping key, and how its
/// parent's state changes once the node is complete.
fn enter(stack: &mut [Frame], event: &Event, opens: bool) -> (Option<String>, bool) {
    let Some(parent) = stack.last_mut() else {
        return (Some(String::new()), false);
    };
    let parent_path = parent.path.clone();
    match &mut parent.map {
        None => {
            let p = parent_path.map(|p| format!("{p}[{}]", parent.next_index));
            parent.next_index += 1;
            (p, false)
        }
        Some(state) => match std::mem::replace(state, MapState::ExpectKey) {
            MapState::ExpectKey => {
                let key = match event {
                    Event::Scalar(v, ..) => Some(v.to_string()),
                    _ => None,
                };
                let path = match (&parent_path, &key) {
                    (Some(pp), Some(k)) => Some(child(pp, k)),
                    _ => None,
                };
                *state = if opens {
                    MapState::InComplexKey
                } else {
                    MapState::ExpectValue(path.clone())
                };
                (path, true)
            }
            MapState::ExpectValue(path) => {
                *state = if opens {
                    MapState::InValue
                } else {
                    MapState::ExpectKey
                };
                (path, false)
            }
            // Not reached: a node cannot start while a child is open.
            other => {
                *state = other;
                (None, false)
            }
        },
    }
}

/// A list or mapping just ended: its parent mapping moves on.
fn leave(stack: &mut [Frame]) {
    if let Some(Frame {
        map: Some(state), ..
    }) = stack.last_mut()
    {
        *state = match state {
            MapState::InComplexKey => MapState::ExpectValue(None),
            _ => MapState::ExpectKey,
        };
    }
}

/// The path of the value a YAML syntax error stops in: the value being read when the
/// parser fails (`title`, for `title: a: b`), else the list or mapping it is inside
/// (`parties[0]`). `None` when the text parses, or fails before any node.
pub fn path_at_error(text: &str) -> Option<String> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    // The last scalar value read, and the line it is on.
    let mut last_value: Option<(String, usize)> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) => {
                let line = e.marker().line();
                let top = stack.last()?;
                if let Some(MapState::ExpectValue(Some(p))) = &top.map {
                    return Some(p.clone());
                }
                if let Some((p, l)) = last_value {
                    if l == line {
                        return Some(p);
                    }
                }
                return top.path.clone();
            }
        };
        let opens = match &event {
            Event::StreamEnd => return None,
            Event::Scalar(..) | Event::Alias(_) => false,
            Event::SequenceStart(..) | Event::MappingStart(..) => true,
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                leave(&mut stack);
                continue;
            }
            _ => continue,
        };
        let (path, is_key) = enter(&mut stack, &event, opens);
        if opens {
            stack.push(Frame {
                path: if is_key { None } else { path },
                map: matches!(event, Event::MappingStart(..)).then_some(MapState::ExpectKey),
                next_index: 0,
                anchor: 0,
                start_nodes: 0,
                start_bytes: 0,
            });
        } else if !is_key {
            last_value = path.map(|p| (p, span.start.line()));
        }
    }
    None
}

/// Walks the events of `text`: returns the path index (when `index` is true) or the
/// first budget or syntax problem.
pub fn scan(text: &str, budgets: Budgets, index: bool) -> Result<PathIndex, ScanStop> {
    walk(text, budgets, index, None)
}

/// [`scan`], also giving every scalar to `scalars` when there is one.
fn walk(
    text: &str,
    budgets: Budgets,
    index: bool,
    mut scalars: Option<&mut Vec<ScalarAt>>,
) -> Result<PathIndex, ScanStop> {
    let mut out = PathIndex::default();
    let mut stack: Vec<Frame> = Vec::new();
    // Nodes so far, counting each alias as the size of what it names.
    let mut nodes: usize = 0;
    // Bytes of the values so far (a scalar: its length and one; a list or mapping:
    // one), counting each alias as the bytes of what it names.
    let mut bytes: usize = 0;
    let byte_limit = budgets.expanded_limit(text.len());
    // Per anchor: the nodes and bytes of what it names.
    let mut anchor_size: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut documents = 0usize;
    let mut parser = Parser::new_from_str(text);

    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let info = e.info();
            ScanStop {
                message: if info.contains("recursion limit") {
                    format!(
                        "lists and mappings nested deeper than {} levels (the depth budget)",
                        budgets.max_depth
                    )
                } else {
                    format!("YAML syntax error: {info}")
                },
                location: Location {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                },
            }
        })?;
        let here = loc(&span);
        let (opens, anchor, alias, own_bytes) = match &event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    out.extra_documents.push(here);
                    if !index {
                        break;
                    }
                }
                continue;
            }
            _ if documents > 1 => continue,
            Event::Scalar(value, _, anchor, _) => (false, *anchor, None, value.len() + 1),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                (true, *anchor, None, 1)
            }
            Event::Alias(id) => (false, 0, Some(*id), 0),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = stack.pop() {
                    if frame.anchor != 0 {
                        anchor_size.insert(
                            frame.anchor,
                            (nodes - frame.start_nodes, bytes - frame.start_bytes),
                        );
                    }
                }
                leave(&mut stack);
                continue;
            }
            _ => continue,
        };

        let (weight, weight_bytes) = alias.map_or((1, own_bytes), |id| {
            let (n, b) = anchor_size.get(&id).copied().unwrap_or((1, 1));
            (n.max(1), b.max(1))
        });
        nodes = nodes.saturating_add(weight);
        bytes = bytes.saturating_add(weight_bytes);
        if bytes > byte_limit {
            return Err(ScanStop {
                message: format!(
                    "the file's values take more than {byte_limit} bytes{} (the expansion budget: {} times the file's size, at most {} MiB); a story needs far less",
                    if alias.is_some() { " once its aliases are expanded" } else { "" },
                    budgets.max_expansion,
                    budgets.max_expanded_bytes / (1024 * 1024),
                ),
                location: here,
            });
        }
        if nodes > budgets.max_nodes {
            return Err(ScanStop {
                message: format!(
                    "the file holds more than {} values{} (the node budget); a story needs far fewer",
                    budgets.max_nodes,
                    if alias.is_some() { " once its aliases are expanded" } else { "" }
                ),
                location: here,
            });
        }
        if opens && stack.len() + 1 > budgets.max_depth {
            return Err(ScanStop {
                message: format!(
                    "lists and mappings nested deeper than {} levels (the depth budget)",
                    budgets.max_depth
                ),
                location: here,
            });
        }

        let (path, is_key) = enter(&mut stack, &event, opens);
        if index {
            if let Some(p) = &path {
                let map = if is_key {
                    &mut out.keys
                } else {
                    &mut out.values
                };
                map.entry(p.clone()).or_default().push(here);
            }
        }
        if let (Some(list), Some(p), Event::Scalar(value, style, ..)) =
            (scalars.as_deref_mut(), &path, &event)
        {
            list.push(ScalarAt {
                path: p.clone(),
                key: is_key,
                value: value.to_string(),
                quoted: !matches!(style, saphyr_parser::ScalarStyle::Plain),
                start: here,
                end: Location {
                    line: span.end.line(),
                    column: span.end.col() + 1,
                },
            });
        }
        if opens {
            stack.push(Frame {
                path: if is_key { None } else { path },
                map: matches!(event, Event::MappingStart(..)).then_some(MapState::ExpectKey),
                next_index: 0,
                anchor,
                start_nodes: nodes - 1,
                start_bytes: bytes - 1,
            });
        } else if anchor != 0 {
            anchor_size.insert(anchor, (1, own_bytes));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn maps_paths_to_places() {
        let text = "id: a\ntitle: T\nquotes:\n  - by: x\n    text: hi\n  - { by: y, text: yo }\n";
        let ix = scan(text, Budgets::default(), true).unwrap();
        assert_eq!(ix.key("id", 0), at(1, 1));
        assert_eq!(ix.value("id"), at(1, 5));
        assert_eq!(ix.value("quotes"), at(4, 3));
        assert_eq!(ix.value("quotes[0]"), at(4, 5));
        assert_eq!(ix.value("quotes[0].by"), at(4, 9));
        assert_eq!(ix.value("quotes[0].text"), at(5, 11));
        assert_eq!(ix.value("quotes[1].by"), at(6, 11));
        assert_eq!(ix.key("quotes[1].text", 0), at(6, 14));
    }

    #[test]
    fn gives_every_scalar_with_its_span() {
        let (list, stop) = scalars("id: a\nquotes:\n  - { by: \"李x\" }\n", Budgets::default());
        assert!(stop.is_none());
        let by = list
            .iter()
            .find(|s| s.path == "quotes[0].by" && !s.key)
            .unwrap();
        assert_eq!((by.value.as_str(), by.quoted), ("李x", true));
        assert_eq!(by.start, at(3, 11).unwrap());
        assert!(by.end >= at(3, 15).unwrap());
        let (list, stop) = scalars("id: a\ntitle: [x\n", Budgets::default());
        assert!(stop.is_some());
        assert_eq!(list[0].value, "id");
    }

    #[test]
    fn counts_columns_in_characters() {
        let ix = scan(
            "title: \"Ångström 李伟\"\nid: x\n",
            Budgets::default(),
            true,
        )
        .unwrap();
        assert_eq!(ix.value("id"), at(2, 5));
        let ix = scan("a: 李伟\nb: [李, 伟, x]\n", Budgets::default(), true).unwrap();
        assert_eq!(ix.value("b[2]"), at(2, 11));
    }

    #[test]
    fn records_every_occurrence_of_a_repeated_key() {
        let ix = scan("id: a\ntitle: t\nid: b\n", Budgets::default(), true).unwrap();
        assert_eq!(
            ix.keys["id"],
            vec![
                Location { line: 1, column: 1 },
                Location { line: 3, column: 1 }
            ]
        );
    }

    #[test]
    fn finds_later_documents() {
        let ix = scan("id: a\n---\nid: b\n", Budgets::default(), true).unwrap();
        assert_eq!(ix.extra_documents, vec![Location { line: 2, column: 1 }]);
    }

    #[test]
    fn complex_keys_do_not_confuse_paths() {
        let ix = scan("? [a, b]\n: c\nid: x\n", Budgets::default(), true).unwrap();
        assert_eq!(ix.value("id"), at(3, 5));
    }

    #[test]
    fn stops_at_the_depth_budget() {
        let deep = "[".repeat(100_000);
        let e = scan(&deep, Budgets::default(), false).unwrap_err();
        assert!(e.message.contains("depth budget"), "{e:?}");
        assert_eq!(e.location.line, 1);
        let e = scan(&"- ".repeat(100), Budgets::default(), false).unwrap_err();
        assert!(e.message.contains("depth budget"), "{e:?}");
    }

    #[test]
    fn stops_alias_bombs() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..10 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            text.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let e = scan(&text, Budgets::default(), false).unwrap_err();
        assert!(e.message.contains("aliases are expanded"), "{e:?}");
    }

    #[test]
    fn stops_at_the_node_budget() {
        let text = format!("[{}]", vec!["1"; 300_000].join(","));
        let e = scan(&text, Budgets::default(), false).unwrap_err();
        assert!(e.message.contains("node budget"), "{e:?}");
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = scan("a: [b\nc: d\n", Budgets::default(), true).unwrap_err();
        assert!(e.location.line >= 1);
    }
}
