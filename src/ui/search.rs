//! The search overlay: the query line (with the terminal's cursor in it), the
//! hit count, and the hits, each with its kind, its story, the speaker for
//! quotes and its text with the matched characters highlighted. Matches are
//! character indices into the story text; they are mapped through the sanitizer
//! ([`sanitize_line_mapped`]) so they land on the right cells whatever the text
//! holds (CJK, accents, emoji, replaced controls), and a whole grapheme is
//! highlighted when any of its characters matched.
//!
//! Also the filters' side: their prompt in the status bar (a pane's or the
//! library's) and a filtered pane.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::app::detail::{Block, BlockStyle};
use crate::app::filter::PaneFilter;
use crate::app::keymap::Keymap;
use crate::app::line::LineEditor;
use crate::app::search::SearchState;
use crate::app::state::DetailView;
use crate::app::state::{Screen, State};
use crate::app::{Action, Pane};
use crate::sanitize::{sanitize_line, sanitize_line_mapped};
use crate::search::filter::Filter;
use crate::search::snippet::{matched, Matched};
use crate::search::{Hit, Kind};
use crate::story::{QuoteKind, Story};
use crate::view::layout::visible_offset;
use crate::view::rows;
use crate::view::search::{area, parts, split};

use super::list::{boxed, dim, fit, pad, put_line, put_row, render_list, styled, ListSpec};
use crate::view::text::{clip, grapheme_width, label, width, Wrap};
use crate::view::theme::Theme;

/// The title of the overlay, the longest that fits.
pub const TITLES: [&str; 3] = [
    "Search · ↑↓ move · Enter go · Esc close",
    "Search · Enter go · Esc close",
    "Search",
];

/// What the overlay says before anything is typed.
pub const INTRO: &str = "Type to search every story: quotes, parties, analysts, events, claims, sources and titles. Every word must match somewhere; case and accents do not matter.";

/// The width of the kind column (`analyst`).
const KIND_W: usize = 7;

/// The hit count, or what the overlay is doing.
pub fn count_label(s: &SearchState) -> String {
    if s.blank() {
        return String::new();
    }
    if !s.current() {
        return "searching…".into();
    }
    let total = s.results.total;
    let shown = s.results.hits.len();
    if s.results.counting {
        return format!("counting… · best {shown}");
    }
    match total {
        0 => "no hits".into(),
        1 => "1 hit".into(),
        _ if total > shown => format!("{total} hits · best {shown}"),
        _ => format!("{total} hits"),
    }
}

/// The text of a query line that fits `avail` cells with the cursor in view,
/// and the cursor's column in it.
fn visible_query(line: &LineEditor, avail: usize) -> (String, usize) {
    let chars: Vec<char> = line.text().chars().collect();
    let cursor = line.cursor().min(chars.len());
    let cells = |from: usize, to: usize| {
        let s: String = chars[from..to].iter().collect();
        width(&sanitize_line(&s))
    };
    let mut first = 0;
    while first < cursor && cells(first, cursor) >= avail.max(1) {
        first += 1;
    }
    let rest: String = chars[first..].iter().collect();
    let clean = sanitize_line(&rest);
    let (shown, _) = crate::view::text::prefix_fitting(&clean, avail);
    (shown.to_string(), cells(first, cursor))
}

/// The query row, `cells` wide, and the cursor's column in it.
fn query_row(theme: &Theme, s: &SearchState, cells: u16) -> (Line<'static>, u16) {
    let count = count_label(s);
    let prompt = "/ ";
    let avail = usize::from(cells).saturating_sub(width(prompt) + width(&count) + 1);
    let (text, cursor) = visible_query(&s.line, avail);
    let fill = usize::from(cells).saturating_sub(width(prompt) + width(&text) + width(&count));
    let line = fit(
        vec![
            styled(prompt, theme.key()),
            Span::raw(text),
            Span::raw(" ".repeat(fill)),
            dim(theme, count),
        ],
        cells,
    );
    let x = (width(prompt) + cursor).min(usize::from(cells.saturating_sub(1)));
    (line, x as u16)
}

/// The cells of one raw character, roughly (for choosing a window only).
fn char_cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `raw` story text as spans at most `max` cells wide, the characters at the
/// character indices `positions` (sorted) in `highlight` style, the rest in
/// `base`. With `window`, when the first match would fall past two thirds of
/// the row, the row starts a little before it, with `…` (for long texts; a name
/// always shows from its start). A cut end gets `…`. Reads a bounded part of
/// `raw` only.
pub fn highlighted(
    raw: &str,
    positions: &[usize],
    base: Style,
    highlight: Style,
    max: usize,
    window: bool,
) -> Vec<Span<'static>> {
    if max == 0 {
        return vec![];
    }
    let budget = max.saturating_mul(4).saturating_add(64);
    let first = positions.first().copied().unwrap_or(0);
    let before: usize = raw.chars().take(first.min(budget)).map(char_cells).sum();
    let mut start = 0;
    let mut start_byte = 0;
    if window && (first >= budget || before >= max - max / 3) {
        // A third of the row of context before the first match.
        let context = max / 3;
        let lo = first.saturating_sub(context * 2 + 1);
        let lo_byte = raw.char_indices().nth(lo).map_or(raw.len(), |(b, _)| b);
        let chars: Vec<char> = raw[lo_byte..].chars().take(first - lo).collect();
        let mut k = chars.len();
        let mut cells = 0;
        while k > 0 && cells + char_cells(chars[k - 1]) <= context {
            k -= 1;
            cells += char_cells(chars[k]);
        }
        // Start at a word when one starts in the context, not inside one.
        if let Some(space) = chars[k..].iter().position(|c| c.is_whitespace()) {
            if k > 0 && !chars[k - 1].is_whitespace() {
                k += space + 1;
            }
        }
        start = lo + k;
        start_byte = lo_byte + chars[..k].iter().map(|c| c.len_utf8()).sum::<usize>();
    }
    let rest = &raw[start_byte..];
    let cut = rest.char_indices().nth(budget).map(|(b, _)| b);
    let window = &rest[..cut.unwrap_or(rest.len())];
    let (clean, starts) = sanitize_line_mapped(window);

    // Which output bytes came from a matched character.
    let mut marked = vec![false; clean.len()];
    let from = positions.partition_point(|&p| p < start);
    for &p in &positions[from..] {
        let k = p - start;
        if k + 1 >= starts.len() {
            break;
        }
        marked[starts[k]..starts[k + 1]].fill(true);
    }

    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut room = max;
    if start > 0 {
        spans.push(Span::styled("…", base));
        room -= 1;
    }
    let total = width(&clean);
    let more = cut.is_some() || total > room;
    let room = if more { room.saturating_sub(1) } else { room };
    let mut used = 0;
    let mut run = String::new();
    let mut run_hl = false;
    for (at, g) in clean.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        let hl = marked[at..at + g.len()].iter().any(|&m| m);
        if hl != run_hl && !run.is_empty() {
            let style = if run_hl { highlight } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hl = hl;
        run.push_str(g);
    }
    if more {
        // The row ends in `…`: no trailing space before it.
        let trimmed = run.trim_end().len();
        run.truncate(trimmed);
    }
    if !run.is_empty() {
        let style = if run_hl { highlight } else { base };
        spans.push(Span::styled(run, style));
    }
    if more {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// One hit as a row `cells` wide: kind, story (in `story_w` cells), the
/// speaker of a quote, the text; matched characters highlighted. With
/// `matched` (the field the query matched, when it is not the text shown),
/// the text gives a third of its room to `· field: snippet`, the match lit.
pub fn hit_row(
    theme: &Theme,
    hit: &Hit,
    matched: Option<&Matched>,
    cells: u16,
    story_w: usize,
) -> Line<'static> {
    let w = usize::from(cells);
    let hl = theme.highlight();
    let mut parts = vec![
        dim(theme, pad(hit.kind.as_str(), KIND_W)),
        Span::raw(" "),
        dim(theme, pad(&clip(&hit.story_id, story_w), story_w)),
        Span::raw(" "),
    ];
    let mut used: usize = KIND_W + 1 + story_w + 1;
    if let Some(name) = &hit.by_name {
        let room = w.saturating_sub(used).clamp(1, (w / 5).max(8));
        let name_spans = highlighted(
            name,
            &hit.by_name_positions,
            theme.bold(),
            theme.bold().patch(hl),
            room,
            false,
        );
        let paraphrase = hit.quote_kind == Some(QuoteKind::Paraphrase);
        // Reported speech is marked as such, as in the Quotes pane.
        let sep = if paraphrase {
            format!(
                "{}: ",
                crate::wording::speech_mark(QuoteKind::Paraphrase, None)
            )
        } else if hit.quote_kind.is_some_and(QuoteKind::is_refusal) {
            // A refusal follows the name: "White House declined to comment".
            " ".to_string()
        } else {
            ": ".to_string()
        };
        used += name_spans.iter().map(|s| width(&s.content)).sum::<usize>() + width(&sep);
        parts.extend(name_spans);
        parts.push(Span::raw(sep));
    }
    let direct = hit.kind == Kind::Quote && hit.quote_kind == Some(QuoteKind::Direct);
    let mut room = w.saturating_sub(used + if direct { 2 } else { 0 });
    // What matched, after the text: the text keeps a third of the room (at
    // least a few cells, so the item stays recognisable).
    let why = matched.map(|m| {
        // A narrow row (40 columns) keeps the text's first cells and a tighter label.
        let (field, text_room) = if room >= 40 {
            (
                format!(" · {}: ", sanitize_line(&m.field)),
                (room / 3).max(10),
            )
        } else {
            (format!("·{}:", sanitize_line(&m.field)), room.min(5))
        };
        let rest = room.saturating_sub(text_room + width(&field));
        if rest < 3 {
            // No room to show the match: the row as it was.
            return vec![];
        }
        room = text_room;
        let mut spans = vec![dim(theme, field)];
        spans.extend(highlighted(
            &m.snippet,
            &m.positions,
            theme.plain(),
            theme.plain().patch(hl),
            rest,
            true,
        ));
        spans
    });
    let base = if direct { theme.quote() } else { theme.plain() };
    let text = highlighted(&hit.text, &hit.positions, base, base.patch(hl), room, true);
    if direct {
        parts.push(styled("“", base));
        parts.extend(text);
        parts.push(styled("”", base));
    } else {
        parts.extend(text);
    }
    parts.extend(why.into_iter().flatten());
    fit(parts, cells)
}

pub fn render(theme: &Theme, state: &State, screen: Rect, buf: &mut Buffer) {
    let outer = area(screen).intersection(buf.area);
    if outer.is_empty() {
        return;
    }
    Clear.render(outer, buf);
    let title = TITLES
        .into_iter()
        .find(|t| width(t) + 4 <= usize::from(outer.width))
        .unwrap_or("Search");
    let inside = boxed(theme, outer, buf, title, true);
    if inside.is_empty() {
        return;
    }
    let s = &state.search;
    let (query, rule, all_hits) = parts(screen);
    let (hits, preview_area) = split(all_hits);
    let (line, _) = query_row(theme, s, query.width);
    put_line(buf, query, query.y, &line);
    if !rule.is_empty() {
        let rule_line = Line::from(dim(theme, "─".repeat(usize::from(rule.width))));
        put_line(buf, rule, rule.y, &rule_line);
    }
    if hits.is_empty() {
        return;
    }
    let message = |text: &str, buf: &mut Buffer| {
        for (n, r) in Wrap::new(text, usize::from(all_hits.width))
            .take(usize::from(all_hits.height))
            .enumerate()
        {
            put_line(
                buf,
                all_hits,
                all_hits.y + n as u16,
                &Line::from(dim(theme, &text[r])),
            );
        }
    };
    if s.blank() {
        message(INTRO, buf);
        return;
    }
    if s.current() && s.results.hits.is_empty() {
        message(&format!("No hits for “{}”", label(s.line.text(), 60)), buf);
        return;
    }
    let all = &s.results.hits;
    let height = usize::from(hits.height);
    let offset = visible_offset(s.pos.offset, s.pos.selected, height, all.len());
    let shown = &all[offset.min(all.len())..all.len().min(offset + height)];
    let story_w = shown
        .iter()
        .map(|h| width(&clip(&h.story_id, 40)))
        .max()
        .unwrap_or(0)
        .min(usize::from(hits.width) / 5)
        .max(1);
    let text_w = hits.width.saturating_sub(2);
    for (n, hit) in shown.iter().enumerate() {
        let y = hits.y + n as u16;
        let selected = offset + n == s.pos.selected;
        // Without the preview, the row itself says what matched (computed now,
        // from the story's text, for the rows shown only).
        let matched = preview_area
            .is_empty()
            .then(|| row_matched(state, hit))
            .flatten();
        let mut line = hit_row(theme, hit, matched.as_ref(), text_w, story_w);
        line.spans
            .insert(0, Span::raw(if selected { "› " } else { "  " }));
        put_row(buf, hits, y, line, selected.then(|| theme.selected(true)));
    }
    if let Some(hit) = all.get(s.pos.selected).filter(|_| !preview_area.is_empty()) {
        render_preview(theme, state, hit, preview_area, buf);
    }
}

/// The field a hit matched, when it is not the text its row shows already.
fn row_matched(state: &State, hit: &Hit) -> Option<Matched> {
    let story = state.corpus.stories.get(hit.story)?;
    let m = matched(story, hit.kind, hit.index, &state.search.results.query)?;
    // The row's text or speaker holds the snippet: nothing to add.
    let core = m.snippet.trim_matches('…');
    let shown = hit.text.contains(core) || hit.by_name.as_ref().is_some_and(|n| n.contains(core));
    (!shown).then_some(m)
}

/// The selected hit's detail, as the detail pane would show it, beside the
/// hits (fzf's and television's preview): a rule, the story it is in, the
/// field the query matched with the text around the match, then the detail.
fn render_preview(theme: &Theme, state: &State, hit: &Hit, area: Rect, buf: &mut Buffer) {
    let Some(story) = state.corpus.stories.get(hit.story) else {
        return;
    };
    let rule = Rect {
        x: area.x.saturating_sub(1),
        width: 1,
        ..area
    };
    for y in rule.top()..rule.bottom() {
        put_line(buf, rule, y, &Line::from(dim(theme, "│")));
    }
    let mut doc = match crate::app::search::pane_of(hit.kind) {
        Some(pane) => crate::app::detail::build(story, hit.story, pane, hit.index),
        None => crate::app::detail::header(story),
    };
    let mut top = Vec::new();
    if hit.kind != Kind::Story {
        top.push(Block {
            style: BlockStyle::Meta,
            text: format!("In {}", sanitize_line(&story.title)),
            label: 0,
            indent: 0,
            link: None,
        });
    }
    if let Some(m) =
        crate::search::snippet::matched(story, hit.kind, hit.index, &state.search.results.query)
    {
        let field = sanitize_line(&m.field);
        let text = format!("Matched in {field}: {}", sanitize_line(&m.snippet));
        top.push(Block {
            style: BlockStyle::Note,
            label: "Matched in ".len() + field.len() + 1,
            text,
            indent: 0,
            link: None,
        });
    }
    if !top.is_empty() {
        top.push(Block {
            style: BlockStyle::Blank,
            text: String::new(),
            label: 0,
            indent: 0,
            link: None,
        });
        doc.blocks.splice(0..0, top);
    }
    let mut view = DetailView::default();
    view.set_doc(doc);
    view.lay_out(area.width);
    super::detail::draw_lines(theme, &view, area, buf, false);
}

/// A pane narrowed by its filter: titled with the filter, the position among
/// the rows that match.
#[allow(clippy::too_many_arguments)]
pub fn render_filtered(
    theme: &Theme,
    story: &Story,
    pane: Pane,
    f: &PaneFilter,
    keys: &Keymap,
    area: Rect,
    buf: &mut Buffer,
    focused: bool,
) {
    let title = format!("{} [f: {}]", pane.title(), label(f.query(), 24));
    // While the filter is typed its line's own Esc clears it; once kept, the close key.
    let clear = if f.typing {
        Some("Esc".to_string())
    } else {
        keys.first_key(|a| matches!(a, Action::Close))
    };
    let empty = clear.map_or("No row matches".to_string(), |k| {
        format!("No row matches; {k} clears the filter")
    });
    let spec = ListSpec {
        title: &title,
        len: f.rows.len(),
        pos: f.pos,
        focused,
        empty: &empty,
    };
    let date_w = rows::date_width(story);
    let filter = Filter::new(f.query());
    render_list(theme, area, buf, &spec, &|n, w| {
        let line = rows::pane_row(theme, story, pane, f.rows[n], w, date_w);
        if filter.is_empty() {
            return line;
        }
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        match filter.positions(&text) {
            Some(positions) => lit_line(theme, line, &positions),
            None => line,
        }
    });
}

/// A row with the graphemes holding the characters at `positions` (character
/// indices into the row's text, sorted) in the highlight style.
pub(crate) fn lit_line(theme: &Theme, line: Line<'static>, positions: &[usize]) -> Line<'static> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut at = 0;
    let mut next = positions.iter().peekable();
    for span in line.spans {
        let lit_style = span.style.patch(theme.highlight());
        let mut run = String::new();
        let mut run_lit = false;
        for g in span.content.graphemes(true) {
            let chars = g.chars().count();
            let mut lit = false;
            while next.peek().is_some_and(|&&p| p < at + chars) {
                lit = true;
                next.next();
            }
            at += chars;
            if lit != run_lit && !run.is_empty() {
                let style = if run_lit { lit_style } else { span.style };
                out.push(Span::styled(std::mem::take(&mut run), style));
            }
            run_lit = lit;
            run.push_str(g);
        }
        if !run.is_empty() {
            let style = if run_lit { lit_style } else { span.style };
            out.push(Span::styled(run, style));
        }
    }
    Line::from(out).style(line.style)
}

/// A filter being typed, as its prompt shows it.
struct Typed<'a> {
    /// What is filtered: the pane's title, or "Stories".
    what: &'static str,
    line: &'a LineEditor,
    /// Rows shown, rows there are without the filter, and what they are.
    shown: usize,
    total: usize,
    rows: &'static str,
}

/// The filter being typed: the focused pane's, or the library's.
fn typed_filter(state: &State) -> Option<Typed<'_>> {
    if !crate::app::filter::typing(state) {
        return None;
    }
    let people = &state.people;
    match state.nav.screen {
        Screen::People => {
            let f = people.list_filter.as_ref()?;
            return Some(Typed {
                what: "People",
                line: &f.line,
                shown: f.rows.len(),
                total: f.total(),
                rows: "people",
            });
        }
        Screen::Person => {
            let f = people.page_filter.as_ref()?;
            return Some(Typed {
                what: "this page",
                line: &f.line,
                shown: f.rows.len(),
                total: f.total(),
                rows: "lines",
            });
        }
        _ => {}
    }
    if state.nav.screen == Screen::Library {
        let f = state.library.filter.as_ref()?;
        let (shown, total) = crate::app::library_filter::counts(state)?;
        return Some(Typed {
            what: "Stories",
            line: &f.line,
            shown,
            total,
            rows: "stories",
        });
    }
    let view = state.view.as_ref()?;
    let f = view.filters[view.pane.index()].as_ref()?;
    Some(Typed {
        what: view.pane.title(),
        line: &f.line,
        shown: f.rows.len(),
        total: f.total(),
        rows: "rows",
    })
}

/// The status bar while a filter is typed: the query line, how many rows
/// match, the keys; and the cursor's column.
fn filter_row(theme: &Theme, state: &State, cells: u16) -> Option<(Line<'static>, u16)> {
    let f = typed_filter(state)?;
    let prompt = format!(" Filter {}: ", f.what);
    // The query first: the keys, then the count, give way on a narrow screen.
    let count = format!(" {}/{} ", f.shown, f.total);
    let long = format!(
        " {}/{} {} · Enter keep · Esc clear ",
        f.shown, f.total, f.rows
    );
    let room = |right: &str| usize::from(cells).saturating_sub(width(&prompt) + width(right));
    let right = [long, count]
        .into_iter()
        .find(|r| room(r) >= 12)
        .unwrap_or_default();
    let avail = room(&right);
    let (text, cursor) = visible_query(f.line, avail);
    let fill = usize::from(cells).saturating_sub(width(&prompt) + width(&text) + width(&right));
    let bold = theme.status().patch(theme.bold());
    let line = fit(
        vec![
            styled(prompt.clone(), bold),
            styled(text, theme.status()),
            styled(" ".repeat(fill), theme.status()),
            styled(right, theme.status()),
        ],
        cells,
    );
    let x = (width(&prompt) + cursor).min(usize::from(cells.saturating_sub(1)));
    Some((line, x as u16))
}

/// The status bar line while a filter is typed.
pub fn filter_prompt(theme: &Theme, state: &State, cells: u16) -> Option<Line<'static>> {
    filter_row(theme, state, cells).map(|(line, _)| line)
}

/// Where the terminal's cursor goes: in the open query line, else nowhere.
pub fn cursor(theme: &Theme, state: &State, screen: Rect) -> Option<Position> {
    if state.search.open {
        let (query, _, _) = parts(screen);
        if query.is_empty() {
            return None;
        }
        let (_, x) = query_row(theme, &state.search, query.width);
        return Some(Position::new(query.x + x, query.y));
    }
    let status = match state.nav.screen {
        Screen::Library | Screen::People => super::layout::list_areas(screen).status,
        Screen::Person => crate::view::people::person_areas(screen).2,
        Screen::Story => {
            let (view, story) = (state.view.as_ref()?, state.current_story()?);
            view.layout(screen, story).status
        }
        _ => return None,
    };
    if status.is_empty() {
        return None;
    }
    let (_, x) = filter_row(theme, state, status.width)?;
    Some(Position::new(status.x + x, status.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(spans: &[Span<'_>]) -> Vec<String> {
        spans
            .iter()
            .filter(|s| {
                s.style
                    .add_modifier
                    .contains(ratatui::style::Modifier::UNDERLINED)
            })
            .map(|s| s.content.to_string())
            .collect()
    }

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn names_show_from_the_start_and_cut_ends_get_an_ellipsis() {
        let theme = &Theme::default();
        let spans = highlighted(
            "李伟 (Li Wei)",
            &[4, 5],
            Style::new(),
            theme.highlight(),
            8,
            false,
        );
        assert_eq!(text(&spans), "李伟 (L…");
        assert_eq!(lit(&spans), ["L"]);
        let spans = highlighted(
            "Zoë",
            &[0, 1, 2],
            Style::new(),
            theme.highlight(),
            10,
            false,
        );
        assert_eq!(lit(&spans), ["Zoë"]);
        // A control in the text is shown as its picture and keeps the others in place.
        let spans = highlighted("a\u{1b}bc", &[2], Style::new(), theme.highlight(), 10, true);
        assert_eq!(
            (text(&spans), lit(&spans)),
            ("a␛bc".to_string(), vec!["b".to_string()])
        );
        assert!(highlighted("abc", &[0], Style::new(), theme.highlight(), 0, true).is_empty());
    }

    #[test]
    fn a_far_match_in_a_huge_text_is_windowed_into_view() {
        let theme = &Theme::default();
        let raw = format!("{} needle", "hay ".repeat(1_250_000));
        let p: Vec<usize> = (5_000_001..5_000_007).collect();
        let spans = highlighted(&raw, &p, Style::new(), theme.highlight(), 60, true);
        assert_eq!(lit(&spans), ["needle"], "{spans:?}");
    }
}
