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
    let wide = lost_breaks(text);
    let mut out = Vec::new();
    if has_blank {
        let mut cur = String::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                push_block(&cur, wide, &mut out);
                cur.clear();
            } else {
                cur.push_str(line);
                cur.push('\n');
            }
        }
        push_block(&cur, wide, &mut out);
    } else {
        for line in text.lines() {
            push_block(line, wide, &mut out);
        }
    }
    out
}

/// The sentence breaks of a text (a sentence's end, spaces, a capital or an opening mark)
/// by their spaces: whether some are wide (three spaces or more) while more are narrow
/// (one or two). A typist's sentence spacing is the same throughout (`announced today.
/// This …` all with four spaces is a style); a few wide breaks among narrow ones are lost
/// line breaks.
fn lost_breaks(text: &str) -> bool {
    let (mut wide, mut narrow) = (0usize, 0usize);
    let chars: Vec<char> = text.chars().collect();
    for i in 1..chars.len() {
        if !matches!(chars[i], '.' | '!' | '?') || !chars[i - 1].is_lowercase() {
            continue;
        }
        let mut j = i + 1;
        if j < chars.len() && matches!(chars[j], '"' | '”') {
            j += 1;
        }
        let spaces = chars[j..].iter().take_while(|&&c| c == ' ').count();
        let mut k = j + spaces;
        if k < chars.len() && matches!(chars[k], '"' | '“') {
            k += 1;
        }
        if spaces == 0 || !chars.get(k).is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        if spaces >= 3 {
            wide += 1;
        } else {
            narrow += 1;
        }
    }
    wide > 0 && narrow > wide
}

/// Pushes a block's paragraphs, collapsed. A source that lost its line breaks runs its
/// paragraphs together with a run of three spaces or more where each broke (`… our
/// constitutional rights.   "Among many items, …`): a sentence's end (with its closing
/// mark), then three spaces or more, then a capital or an opening mark starts a paragraph,
/// when `wide` (see [`lost_breaks`]).
fn push_block(block: &str, wide: bool, out: &mut Vec<String>) {
    let mut start = 0;
    let bytes = block.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            let run_end = i + bytes[i..].iter().take_while(|&&b| b == b' ').count();
            let before = block[start..i].trim_end_matches(['"', '”', '’', ')']);
            let after = block[run_end..].trim_start_matches(['"', '“']);
            if wide
                && run_end - i >= 3
                && before.ends_with(['.', '!', '?'])
                && after.starts_with(|c: char| c.is_uppercase())
            {
                let para = collapse(&block[start..i]);
                if !para.is_empty() {
                    out.push(para);
                }
                start = run_end;
            }
            i = run_end;
        } else {
            i += 1;
        }
    }
    let para = collapse(&block[start..]);
    if !para.is_empty() {
        out.push(para);
    }
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
