//! A story as a Markdown document (`storyx show ID --format markdown`): the title as a heading,
//! date and question, the summary, parties with positions, analysts, the claims matrix as a
//! table, quotes (direct ones as block quotes with attribution, paraphrases as reported speech,
//! never in quotation marks), the timeline in display order and the sources.
//!
//! Story text is data: every string goes through [`crate::sanitize`] (control characters become
//! visible placeholders, line breaks are folded) and is then Markdown-escaped, so no story text
//! can start a heading, a list, a block quote or a code block, break out of a table cell, or
//! make a link, HTML or emphasis.

use std::fmt::Write as _;

pub mod plain;

use crate::sanitize::{sanitize, sanitize_line};
use crate::story::{Quote, QuoteKind, StanceKind, Story};
use crate::wording::{speech_mark, stance_glyph, stance_word, to_mark};

/// Who said a quote, second-hand or not, where and when: `Speaker (via X), Source, date`
/// (unescaped, unsanitized; the parts that are missing are left out).
pub fn attribution(s: &Story, q: &Quote) -> String {
    let via = q.via.as_deref().map(|v| s.name_of(v));
    let mut out = format!(
        "{}{}{}",
        plain::speaker_name(s, &q.by),
        speech_mark(q.kind, via),
        to_mark(q.to())
    );
    for part in source_and_date(s, q) {
        out.push_str(", ");
        out.push_str(&part);
    }
    out
}

/// The speaker of a paraphrase, marked as reported speech: `Speaker (reported, via X)`.
pub fn reported_speaker(s: &Story, q: &Quote) -> String {
    let via = q.via.as_deref().map(|v| s.name_of(v));
    format!(
        "{}{}",
        plain::speaker_name(s, &q.by),
        speech_mark(QuoteKind::Paraphrase, via)
    )
}

fn source_and_date(s: &Story, q: &Quote) -> Vec<String> {
    let source = q.source.as_deref().map(|id| plain::source_name(s, id));
    source
        .into_iter()
        .chain(q.date.as_ref().map(|d| d.to_string()))
        .collect()
}

/// The glyph and word for a stance in the claims matrix.
pub fn stance_cell(stance: StanceKind) -> String {
    format!("{} {}", stance_glyph(stance), stance_word(stance))
}

/// Story text for inside a line: sanitized onto one line, trimmed, with every character that
/// Markdown could read as syntax escaped.
pub fn inline(text: &str) -> String {
    let clean = sanitize_line(text);
    let clean = clean.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // An entity or character reference (`&amp;`, `&#65;`) would be decoded.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// A line that starts a paragraph: escapes what would make it a list item or a thematic
/// break (`-`, `+`, `=`, `1.`, `1)`); the rest is already escaped by [`inline`].
fn paragraph(line: String) -> String {
    match line.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => format!("\\{line}"),
        Some(b) if b.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line
            }
        }
        _ => line,
    }
}

/// Multi-paragraph story text (a summary): one Markdown paragraph per paragraph of the text.
fn paragraphs(text: &str) -> Vec<String> {
    let clean = sanitize(text);
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in clean.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(paragraph(inline(&current.join(" "))));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    out
}

/// A web address as an autolink when it is plain ASCII with nothing that ends one, else as text.
fn url(u: &str) -> String {
    if u.chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>'))
    {
        format!("<{u}>")
    } else {
        inline(u)
    }
}

/// The story as a Markdown document.
pub fn markdown(s: &Story) -> String {
    // `{` too: `# Title {#id}` is a heading attribute in some Markdown dialects.
    let title = inline(&s.title).replace('{', "\\{");
    let mut blocks: Vec<String> = vec![format!("# {title}")];
    if let Some(d) = &s.date {
        blocks.push(format!("**Date:** {}", inline(&d.to_string())));
    }
    if let Some(q) = &s.question {
        blocks.push(format!("**Question:** {}", inline(q)));
    }
    if let Some(summary) = &s.summary {
        blocks.extend(paragraphs(summary));
    }
    if !s.tags.is_empty() {
        let tags: Vec<String> = s.tags.iter().map(|t| inline(t)).collect();
        blocks.push(format!("**Tags:** {}", tags.join(", ")));
    }

    if !s.parties.is_empty() {
        blocks.push("## Parties".into());
        let items: Vec<String> = s
            .parties
            .iter()
            .map(|p| {
                let position = p
                    .position
                    .as_deref()
                    .map_or("*no position given*".to_string(), inline);
                let mut item = format!("- **{}** ({}): {position}", inline(&p.name), p.kind);
                if !p.aliases.is_empty() {
                    let aliases: Vec<String> = p.aliases.iter().map(|a| inline(a)).collect();
                    let _ = write!(item, " — *also called* {}", aliases.join(", "));
                }
                if let Some(d) = &p.description {
                    let _ = write!(item, " — *who they are:* {}", inline(d));
                }
                if let Some(r) = &p.role {
                    let _ = write!(item, " — *role:* {}", inline(r));
                }
                if let Some(f) = &p.speaks_for {
                    let _ = write!(item, " — *speaks for* {}", inline(s.name_of(f)));
                }
                item
            })
            .collect();
        blocks.push(items.join("\n"));
    }

    if !s.analysts.is_empty() {
        blocks.push("## Analysts".into());
        let items: Vec<String> = s
            .analysts
            .iter()
            .map(|a| {
                let mut item = format!("- **{}**", inline(&a.name));
                for about in [&a.role, &a.affiliation].into_iter().flatten() {
                    let _ = write!(item, ", {}", inline(about));
                }
                if let Some(view) = &a.view {
                    let _ = write!(item, ": {}", inline(view));
                }
                item
            })
            .collect();
        blocks.push(items.join("\n"));
    }

    if !s.claims.is_empty() {
        blocks.push("## Claims".into());
        blocks.push(claims_table(s));
        blocks.push(claims_notes(s));
    }

    if !s.quotes.is_empty() {
        blocks.push("## Quotes".into());
        for q in &s.quotes {
            let mut block = match q.kind {
                QuoteKind::Direct => format!(
                    "> “{}”\n> — {}",
                    inline(&q.text),
                    inline(&attribution(s, q))
                ),
                QuoteKind::Paraphrase => {
                    let mut line = format!(
                        "{}: {}{}",
                        inline(&reported_speaker(s, q)),
                        inline(&q.text),
                        inline(&to_mark(q.to()))
                    );
                    let whence = source_and_date(s, q);
                    if !whence.is_empty() {
                        let _ = write!(line, " — {}", inline(&whence.join(", ")));
                    }
                    paragraph(line)
                }
                QuoteKind::Declined | QuoteKind::NoResponse => {
                    let mut line = inline(&q.refusal(&plain::speaker_name(s, &q.by)));
                    let whence = source_and_date(s, q);
                    if !whence.is_empty() {
                        let _ = write!(line, " — {}", inline(&whence.join(", ")));
                    }
                    paragraph(line)
                }
            };
            if let Some(c) = &q.context {
                let _ = write!(block, "\n\n*Context:* {}", inline(c));
            }
            blocks.push(block);
        }
    }

    if !s.timeline.is_empty() {
        blocks.push("## Timeline".into());
        let items: Vec<String> = s
            .timeline
            .iter()
            .map(|e| {
                let when = e
                    .date
                    .as_ref()
                    .map_or("(undated)".to_string(), |d| d.to_string());
                let mut item = format!("- **{}**: {}", inline(&when), inline(&e.title));
                if let Some(d) = &e.detail {
                    let _ = write!(item, " — {}", inline(d));
                }
                if !e.involves.is_empty() {
                    let who: Vec<String> =
                        e.involves.iter().map(|i| inline(s.name_of(i))).collect();
                    let _ = write!(item, " — *involves* {}", who.join(", "));
                }
                if let Some(src) = &e.source {
                    let _ = write!(item, " — *source:* {}", inline(&plain::source_name(s, src)));
                }
                item
            })
            .collect();
        blocks.push(items.join("\n"));
    }

    if !s.sources.is_empty() {
        blocks.push("## Sources".into());
        let items: Vec<String> = s
            .sources
            .iter()
            .map(|src| {
                let mut item = format!("- **{}**", inline(&src.name));
                let about: Vec<String> = src
                    .outlet
                    .iter()
                    .map(|o| inline(o))
                    .chain(src.date.as_ref().map(|d| inline(&d.to_string())))
                    .collect();
                if !about.is_empty() {
                    let _ = write!(item, " ({})", about.join(", "));
                }
                if let Some(u) = &src.url {
                    let _ = write!(item, " {}", url(u));
                }
                if let Some(note) = &src.note {
                    let _ = write!(item, ": {}", inline(note));
                }
                if src.kind != crate::story::SourceKind::Other {
                    let _ = write!(item, " — *{}*", src.kind.as_str());
                }
                if let Some(b) = &src.by {
                    let _ = write!(item, ", *by* {}", inline(s.name_of(b)));
                }
                if !src.cites.is_empty() {
                    let cites: Vec<String> = src
                        .cites
                        .iter()
                        .map(|c| inline(&plain::source_name(s, c)))
                        .collect();
                    let _ = write!(item, " — *citing* {}", cites.join("; "));
                }
                item
            })
            .collect();
        blocks.push(items.join("\n"));
    }

    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The claims matrix: a row per claim with its status, a column per party or analyst that
/// took a stance on any claim (parties first, in file order, then analysts).
fn claims_table(s: &Story) -> String {
    let took_a_stance = |id: &str| {
        s.claims
            .iter()
            .any(|c| c.stances.iter().any(|st| st.by == id))
    };
    let columns: Vec<(&str, &str)> = s
        .parties
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .chain(s.analysts.iter().map(|a| (a.id.as_str(), a.name.as_str())))
        .filter(|(id, _)| took_a_stance(id))
        .collect();
    let mut rows = Vec::with_capacity(s.claims.len() + 2);
    let header: Vec<String> = ["Claim".to_string(), "Status".to_string()]
        .into_iter()
        .chain(columns.iter().map(|(_, name)| inline(name)))
        .collect();
    rows.push(format!("| {} |", header.join(" | ")));
    rows.push(format!("|{}", " --- |".repeat(header.len())));
    for c in &s.claims {
        let mut cells = vec![
            inline(&c.text),
            c.status.map(|x| x.to_string()).unwrap_or_default(),
        ];
        for (id, _) in &columns {
            // The stance now; a changed one says so (its history is under the table).
            let changed = c.changed(id);
            cells.push(
                c.current_stances()
                    .into_iter()
                    .find(|st| st.by == *id)
                    .map(|st| {
                        let cell = stance_cell(st.stance);
                        if changed {
                            format!("{cell} (changed)")
                        } else {
                            cell
                        }
                    })
                    .unwrap_or_default(),
            );
        }
        rows.push(format!("| {} |", cells.join(" | ")));
    }
    rows.join("\n")
}

/// Under the table, what a cell cannot hold: each claim's source, and each stance
/// with its note and the quote it cites.
fn claims_notes(s: &Story) -> String {
    let mut items = Vec::new();
    for c in &s.claims {
        let status = c.status.map_or("no status given", |x| x.as_str());
        let mut item = format!("- **{}** ({status})", inline(&c.text));
        if let Some(src) = &c.source {
            let _ = write!(item, " — *source:* {}", inline(&plain::source_name(s, src)));
        }
        for st in c.current_stances() {
            let _ = write!(item, "\n  - {}", inline(&plain::stance(s, c, st)));
            if let Some(qid) = &st.quote {
                let _ = write!(item, " — *citing* {}", inline(&plain::cited(s, qid)));
            }
            for l in plain::earlier(s, c, st) {
                let _ = write!(item, " — {}", inline(&l));
            }
        }
        items.push(item);
    }
    items.join("\n")
}

#[cfg(test)]
mod tests;
