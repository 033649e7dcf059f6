//! Reading an article: plain text, Markdown or HTML, into a title and paragraphs.

use scraper::{Html, Node};

/// How the article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Text,
    Markdown,
    Html,
}

/// An article as paragraphs of plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The first heading (Markdown `#`, HTML `h1` or `title`), if any.
    pub heading: Option<String>,
    /// Paragraphs in order, white space collapsed; the heading is not among them.
    pub paragraphs: Vec<String>,
}

/// The markup of an article, from its file name's extension, else its content.
pub fn detect(name: Option<&str>, text: &str) -> Markup {
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => return Markup::Html,
        Some("md" | "markdown") => return Markup::Markdown,
        Some("txt" | "text") => return Markup::Text,
        _ => {}
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || ["<p>", "<p ", "</p>", "<body", "<article", "<div"]
            .iter()
            .any(|t| text.contains(t))
    {
        Markup::Html
    } else if text.lines().any(|l| l.starts_with("# ")) {
        Markup::Markdown
    } else {
        Markup::Text
    }
}

/// Reads an article written in `markup`.
pub fn read(text: &str, markup: Markup) -> Article {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match markup {
        Markup::Text => read_text(text),
        Markup::Markdown => read_markdown(text),
        Markup::Html => read_html(text),
    }
}

/// Collapses runs of white space to one space and trims.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Blocks separated by blank lines; a text with no blank line has a paragraph per line.
fn blocks(text: &str) -> Vec<String> {
    let has_blank = text
        .lines()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| !w[0].trim().is_empty() && w[1].trim().is_empty());
    let mut out = Vec::new();
    if has_blank {
        let mut cur = String::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                if !cur.trim().is_empty() {
                    out.push(collapse(&cur));
                }
                cur.clear();
            } else {
                cur.push_str(line);
                cur.push('\n');
            }
        }
        if !cur.trim().is_empty() {
            out.push(collapse(&cur));
        }
    } else {
        out.extend(text.lines().filter(|l| !l.trim().is_empty()).map(collapse));
    }
    out
}

fn read_text(text: &str) -> Article {
    Article {
        heading: None,
        paragraphs: blocks(text),
    }
}

fn read_markdown(text: &str) -> Article {
    let mut heading = None;
    let mut paragraphs = Vec::new();
    // Headings and list items are blocks of their own even without a blank line.
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let p = collapse(&strip_inline_markdown(cur));
        if !p.is_empty() {
            out.push(p);
        }
        cur.clear();
    };
    let mut in_fence = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            flush(&mut cur, &mut paragraphs);
            continue;
        }
        if in_fence {
            continue;
        }
        if t.is_empty() || t.chars().all(|c| c == '-' || c == '=' || c == '*') {
            flush(&mut cur, &mut paragraphs);
            continue;
        }
        if let Some(h) = t.strip_prefix('#') {
            flush(&mut cur, &mut paragraphs);
            let h = collapse(&strip_inline_markdown(h.trim_start_matches('#')));
            if heading.is_none() && !h.is_empty() {
                heading = Some(h);
            } else if !h.is_empty() {
                paragraphs.push(h);
            }
            continue;
        }
        let t = t.trim_start_matches('>').trim_start();
        let item = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "));
        if let Some(item) = item {
            flush(&mut cur, &mut paragraphs);
            cur.push_str(item);
            cur.push('\n');
            continue;
        }
        cur.push_str(t);
        cur.push('\n');
    }
    flush(&mut cur, &mut paragraphs);
    Article {
        heading,
        paragraphs,
    }
}

/// Drops emphasis marks, links' targets, images and inline code marks.
/// Whether the `[` at `i` opens a Markdown link or image: `[text](target)`.
fn link_at(chars: &[char], i: usize) -> bool {
    let Some(close) = chars[i + 1..].iter().position(|&c| c == ']' || c == '[') else {
        return false;
    };
    chars[i + 1 + close] == ']' && chars.get(i + 2 + close) == Some(&'(')
}

fn strip_inline_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' | '`' => {}
            '_' if (i == 0 || !chars[i - 1].is_alphanumeric())
                || (i + 1 == chars.len() || !chars[i + 1].is_alphanumeric()) => {}
            '!' if chars.get(i + 1) == Some(&'[') && link_at(&chars, i + 1) => {}
            // Only a link's brackets go: `[Ten] years ago` keeps its editorial brackets.
            '[' if link_at(&chars, i) => {}
            ']' if chars.get(i + 1) == Some(&'(') => {
                // Skip the link target.
                let mut depth = 0;
                i += 1;
                while i < chars.len() {
                    match chars[i] {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 1;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Elements whose text is not the article's.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "figure", "menu",
];

/// Elements that make a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "main",
    "body",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "pre",
    "br",
    "hr",
    "title",
    "figcaption",
];

fn read_html(text: &str) -> Article {
    let doc = Html::parse_document(text);
    let mut paragraphs = Vec::new();
    let mut heading = None;
    let mut title = None;
    let mut cur = String::new();
    walk(
        doc.tree.root(),
        &mut cur,
        &mut paragraphs,
        &mut heading,
        &mut title,
    );
    let p = collapse(&cur);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    // The h1 is the title; it is not a paragraph.
    if let Some(h) = &heading {
        if let Some(at) = paragraphs.iter().position(|p| p == h) {
            paragraphs.remove(at);
        }
    }
    Article {
        heading: heading.or(title),
        paragraphs,
    }
}

fn walk(
    node: ego_tree::NodeRef<'_, Node>,
    cur: &mut String,
    out: &mut Vec<String>,
    heading: &mut Option<String>,
    title: &mut Option<String>,
) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if name == "title" {
                    if title.is_none() {
                        let t: String = child
                            .descendants()
                            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                            .collect();
                        let t = collapse(&t);
                        if !t.is_empty() {
                            *title = Some(t);
                        }
                    }
                    continue;
                }
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    flush(cur, out);
                }
                let before = out.len();
                walk(child, cur, out, heading, title);
                if block {
                    if name == "h1" && heading.is_none() {
                        let h = collapse(cur);
                        if !h.is_empty() && out.len() == before {
                            *heading = Some(h);
                        }
                    }
                    flush(cur, out);
                }
            }
            _ => {}
        }
    }
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let p = collapse(cur);
    if !p.is_empty() {
        out.push(p);
    }
    cur.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_paragraphs_and_drops_scripts_styles_and_navigation() {
        let html = "<!doctype html><html><head><title>T</title><style>p{}</style></head><body>\
<nav><a href='/'>Home</a></nav><h1>The headline</h1><script>var x = \"no\";</script>\
<p>First <b>para</b>graph,\n with   spaces.</p><p>“Quoted,” she said.</p>\
<footer>Copyright</footer></body></html>";
        assert_eq!(detect(None, html), Markup::Html);
        let a = read(html, Markup::Html);
        assert_eq!(a.heading.as_deref(), Some("The headline"));
        assert_eq!(
            a.paragraphs,
            ["First paragraph, with spaces.", "“Quoted,” she said."]
        );
    }

    #[test]
    fn markdown_heading_is_the_title_and_marks_are_dropped() {
        let md = "# A *title*\n\nSome **bold** text with [a link](http://x.org/a_(b)).\nSame paragraph.\n\n> \"Quoted,\" he said.\n";
        assert_eq!(detect(Some("a.md"), md), Markup::Markdown);
        let a = read(md, Markup::Markdown);
        assert_eq!(a.heading.as_deref(), Some("A title"));
        assert_eq!(
            a.paragraphs,
            [
                "Some bold text with a link. Same paragraph.",
                "\"Quoted,\" he said."
            ]
        );
    }

    #[test]
    fn text_paragraphs_by_blank_lines_else_by_lines() {
        assert_eq!(read("a\nb\n\nc\n", Markup::Text).paragraphs, ["a b", "c"]);
        assert_eq!(read("a\nb\nc", Markup::Text).paragraphs, ["a", "b", "c"]);
    }
}
