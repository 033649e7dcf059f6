//! The text model: quotation spans, sentences and word tokens of a paragraph.

use std::ops::Range;

/// A quotation inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Where the opening mark starts.
    pub open: usize,
    /// The quoted text, between the marks.
    pub inner: Range<usize>,
    /// Just after the closing mark (the paragraph's end when it does not close).
    pub close: usize,
    /// Whether it closes in this paragraph (a quote over several paragraphs closes only
    /// in its last).
    pub closed: bool,
}

impl Span {
    /// A quotation opened at `open` by a mark `len` bytes long, its words ending at `end`
    /// and closed by a mark `mark_len` bytes long there (0: the words end with no mark of
    /// their own, the statement going on after a tag or a new opening mark).
    fn closed_at(open: usize, len: usize, end: usize, mark_len: usize) -> Span {
        Span {
            open,
            inner: open + len..end,
            close: end + mark_len,
            closed: true,
        }
    }
}

fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„' | '‚'
                )
        }
    }
}

/// The quotations of a paragraph: typographic (“…”, ‘…’) and straight ("…") double
/// marks, and typographic single marks outside double ones; guillemets («…») and the low
/// opening marks of German and other European typing („…“, ‚…‘), whose closing mark may
/// be typed either way („…”).
pub fn quote_spans(p: &str) -> Vec<Span> {
    quote_spans_carried(p, false)
}

/// Whether a paragraph's opening mark was lost: no mark before its first typographic
/// closing mark, which ends a quotation's last word (`happen,”`) after four words or more
/// and is followed by a speech tag in its clause (`said Deb Willett`, `Smith said`).
fn opening_lost(p: &str) -> bool {
    // (Or the paragraph's one straight mark, the odd one out, after a sentence's last
    // word and its comma or stop and before a space: `… across the country," Blumenauer
    // remarked.`)
    let straight = || {
        let at = p.find('"')?;
        let odd = p.matches('"').count() % 2 == 1;
        let after = p[at + 1..].chars().next();
        (odd && p[..at].ends_with([',', '.', '?', '!']) && after.is_none_or(char::is_whitespace))
            .then_some(at)
    };
    let Some(close) = p.find('”').or_else(straight) else {
        return false;
    };
    let before = &p[..close];
    if before.contains(['“', '"', '«', '„', '‘']) || before.split_whitespace().count() < 4 {
        return false;
    }
    // `… inspire us to reach new heights. ”` ending the paragraph, its one mark, after a
    // statement in the first person of twelve words or more: the paragraph is the
    // statement, its opening mark lost.
    if p[close..].trim_end() == "”"
        && before.trim_end().ends_with(['.', '!', '?'])
        && before.split_whitespace().count() >= 12
        && before.split_whitespace().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "I" | "we" | "We" | "us" | "our" | "Our" | "my" | "My"
            )
        })
    {
        return true;
    }
    if !before.ends_with([',', '.', '?', '!']) {
        return false;
    }
    let after = &p[close + p[close..].chars().next().map_or(1, char::len_utf8)..];
    let clause = after.split(['.', ';', '“', '"']).next().unwrap_or("");
    clause.split_whitespace().take(6).any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
                .as_str(),
            "said" | "says" | "added" | "stated" | "wrote" | "continued" | "explained" | "remarked"
        )
    })
}

/// [`quote_spans`] of a paragraph that a quotation left open in the one before may run
/// into (`carried`): when it does not start with an opening mark, its first closing mark
/// ends a quotation that starts at the paragraph's start.
pub fn quote_spans_carried(p: &str, carried: bool) -> Vec<Span> {
    let mut out = Vec::new();
    // (opening mark's byte index, its length, the mark that closes it)
    let mut open: Option<(usize, usize, char)> = None;
    // Quotations opened inside a typographic one with the same marks (`“… Shoygu’s
    // “guarantee” that …`): each closing mark ends one of them before the outer one.
    let mut nested = 0usize;
    // A quotation in straight marks inside a typographic one (`“… the toll of the "Iraq
    // recession" I …”`): its closing mark ends it, not the outer one.
    let mut nested_straight = false;
    let first = p.trim_start().chars().next();
    let unopened = !matches!(first, Some('“' | '"' | '‘' | '\'' | '«' | '„' | '‚'));
    // (`The proud legacy … happen,” said Deb Willett.`: the opening mark lost, the
    // paragraph is quoted from its start as a carried one is.)
    // (A paragraph carried on with no mark of its own but pairs inside, `I see "we're
    // hiring" signs …`: the pairs are the speaker's, the paragraph is quoted whole.)
    if unopened && carried && !carries_open_quote(p) && pairs_inside(p.trim()) {
        let end = p.trim_end().len();
        return vec![Span {
            open: 0,
            inner: 0..end,
            close: p.len(),
            closed: false,
        }];
    }
    if unopened && (carried || opening_lost(p)) {
        let close_typo = p.find('”');
        let close_straight = p.find('"');
        let mark = match (close_typo, close_straight) {
            (Some(a), Some(b)) if a < b => '”',
            (Some(_), None) => '”',
            (_, Some(_)) => '"',
            _ => '”',
        };
        open = Some((0, 0, mark));
    }
    let mut prev: Option<char> = None;
    // The closing mark of a word in straight marks inside a straight quotation (`an
    // application (also known as an "app") for …`): up to it nothing opens or closes.
    let mut skip_to: Option<usize> = None;
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if skip_to.is_some_and(|end| i <= end) {
            prev = Some(c);
            continue;
        }
        if let (Some((at, len, '"')), '"') = (open, c) {
            let inner = p[at + len..i].trim_end();
            let word_in = prev.is_some_and(char::is_whitespace)
                && next.is_some_and(char::is_alphanumeric)
                && !inner.ends_with(['.', '!', '?', ','])
                && !inner.ends_with(char::is_uppercase);
            if let Some(end) = word_in.then(|| straight_word_in(&p[i + 1..])).flatten() {
                skip_to = Some(i + 1 + end);
                prev = Some(c);
                continue;
            }
        }
        // `4'24":`, `6'2"`: seconds or inches after minutes or feet, no quotation mark.
        if c == '"' && units_before(&p[..i]) {
            prev = Some(c);
            continue;
        }
        // `"… in great need, said Butterfield. These brave men …"`: a tag in the open
        // quotation, a sentence of the statement after it with no mark of its own.
        if let Some((at, len, mark @ ('”' | '"'))) = open {
            let cut = (nested == 0
                && !nested_straight
                && c.is_uppercase()
                && prev.is_some_and(char::is_whitespace))
            .then(|| tag_inside_open(p, at + len, i))
            .flatten();
            if let Some(cut) = cut {
                out.push(Span::closed_at(at, len, at + len + cut, 0));
                open = Some((i, 0, mark));
                prev = Some(c);
                continue;
            }
        }
        if let Some((at, len, '”')) = open {
            // `“The new program … as well, said Administrator Earthea Nance. “The border …`:
            // an opening mark after a tag that ends a sentence in the open quotation: its
            // closing mark was left out before the tag (as with straight marks below).
            // (Or a straight one, the typing mixed: `… gas prices, said Rep. Mary Miller.
            // "Joe Biden …”`.)
            let cut = (matches!(c, '“' | '"')
                && nested == 0
                && !nested_straight
                && prev.is_some_and(char::is_whitespace))
            .then(|| tag_left_open(&p[at + len..i]))
            .flatten();
            if let Some(cut) = cut.filter(|_| next.is_some_and(char::is_alphanumeric)) {
                out.push(Span::closed_at(at, len, at + len + cut, 0));
                open = Some((i, c.len_utf8(), '”'));
                prev = Some(c);
                continue;
            }
            if let Some(end) = (c == '“' && nested == 0)
                .then(|| restarts(p, at + len, i, prev, next))
                .flatten()
            {
                out.push(Span::closed_at(at, len, end, 0));
                open = Some((i, c.len_utf8(), '”'));
                prev = Some(c);
                continue;
            }
            if c == '“' && opens_after(prev) && next.is_some_and(char::is_alphanumeric) {
                nested += 1;
                prev = Some(c);
                continue;
            }
            // `“I congratulate Jesse on … his new book “I Gave My Heart to San Francisco,”
            // Faleomavaega concluded.`: the last closing mark, after a comma and before a
            // tag, closes the statement; the title's own closing mark was left out (or typed
            // as a single one, `“Well, … anything.’ You have to …,” Dent said.`).
            if c == '”' && nested > 0 && prev == Some(',') && tag_follows(&p[i + c.len_utf8()..])
            {
                out.push(Span::closed_at(at, len, i, c.len_utf8()));
                open = None;
                nested = 0;
                prev = Some(c);
                continue;
            }
            if c == '”' && nested > 0 {
                nested -= 1;
                prev = Some(c);
                continue;
            }
            if c == '"' && nested_straight {
                nested_straight = false;
                prev = Some(c);
                continue;
            }
            if c == '"'
                && prev.is_some_and(char::is_whitespace)
                && next.is_some_and(char::is_alphanumeric)
                && closes_straight_in(&p[i + 1..])
            {
                nested_straight = true;
                prev = Some(c);
                continue;
            }
        } else {
            nested_straight = false;
        }
        let closes = match (open, c) {
            (Some((_, _, '\'')), '\'') => {
                !next.is_some_and(char::is_alphanumeric) && prev.is_some_and(|c| !c.is_whitespace())
            }
            (Some((_, _, '”')), '”') | (Some((_, _, '"')), '"') | (Some((_, _, '»')), '»') => {
                true
            }
            // `„…“`, or `„…”`.
            (Some((_, _, '“')), '“' | '”') => true,
            // `‚…‘`, or `‚…’` where ’ is no apostrophe.
            (Some((_, _, '‘')), '‘') => true,
            (Some((_, _, '‘')), '’') => !next.is_some_and(char::is_alphanumeric),
            // A straight mark closes a typographic opening too (mixed typing).
            (Some((_, _, '”')), '"') => !next.is_some_and(char::is_alphanumeric),
            // And a typographic closing mark closes a straight opening: ” never opens.
            (Some((_, _, '"')), '”') => true,
            // An opening mark typed where the closing one belongs: after the text, before
            // a space or the paragraph's end (`…decision.“ However`).
            (Some((_, _, '"' | '”')), '“') => {
                prev.is_some_and(|c| !c.is_whitespace())
                    && next.is_none_or(|n| n.is_whitespace() || matches!(n, ':' | ';' | ','))
            }
            // ’ closes a single quote unless it is an apostrophe (a letter follows, or a
            // plural's possessive: `‘The players’ attitude was superb.’`).
            (Some((_, _, '’')), '’') => {
                !(next.is_some_and(char::is_alphanumeric)
                    || prev == Some('s') && plural_possessive(&p[i + c.len_utf8()..]))
            }
            _ => false,
        };
        // `"The proposal is a step forward, said Secretary Dick Kempthorne. "It will help`:
        // a straight mark opening the next quotation (a space before, a letter after)
        // while a tag stands in the open one: the closing mark was left out before the tag.
        if let (Some((at, len, '"')), '"') = (open, c) {
            let opening =
                prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_alphanumeric);
            if let Some(cut) = opening.then(|| tag_left_open(&p[at + len..i])).flatten() {
                out.push(Span::closed_at(at, len, at + len + cut, 0));
                open = Some((i, 1, '"'));
                prev = Some(c);
                continue;
            }
        }
        if let (Some((at, len, '"')), '"') = (open, c) {
            if let Some(end) = restarts(p, at + len, i, prev, next) {
                out.push(Span::closed_at(at, len, end, 0));
                open = Some((i, 1, '"'));
                prev = Some(c);
                continue;
            }
        }
        // `… to be respected,'' said Jean Paul Ndayiragije.`: two straight single marks
        // typed for the double one close a straight quotation; two curly ones
        // (`… support,’’ said City Manager X.`) a straight or a curly one, unless they close
        // a title opened with two inside it (`… the bipartisan ‘‘Access Act,’’ which …`).
        if let (Some((at, len, '"' | '”')), '\'' | '’') = (open, c) {
            let after = p[i + c.len_utf8()..]
                .strip_prefix(c)
                .map(|r| r.chars().next());
            let nested = c == '’' && p[at + len..i].contains("‘‘");
            if !nested
                && prev.is_some_and(|c| !c.is_whitespace())
                && after.is_some_and(|n| !n.is_some_and(char::is_alphanumeric))
            {
                out.push(Span::closed_at(at, len, i, 2 * c.len_utf8()));
                open = None;
                skip_to = Some(i + c.len_utf8());
                prev = Some(c);
                continue;
            }
        }
        match (open, c) {
            (Some((at, len, _)), _) if closes => {
                out.push(Span::closed_at(at, len, i, c.len_utf8()));
                open = None;
            }
            (None, '“') => open = Some((i, c.len_utf8(), '”')),
            // (`cutting through steel lines up to 1" thick`: an inch's mark after a digit
            // opens nothing.)
            (None, '"') if !prev.is_some_and(|d| d.is_ascii_digit()) => open = Some((i, 1, '"')),
            (None, '«') => open = Some((i, c.len_utf8(), '»')),
            (None, '„') => open = Some((i, c.len_utf8(), '“')),
            (None, '‚') if opens_after(prev) && next.is_some_and(char::is_alphanumeric) => {
                open = Some((i, c.len_utf8(), '‘'))
            }
            (None, '‘') if opens_after(prev) => open = Some((i, c.len_utf8(), '’')),
            (None, '\'')
                if opens_after(prev)
                    && next.is_some_and(char::is_alphabetic)
                    && closes_single(&p[i + 1..]) =>
            {
                open = Some((i, 1, '\''))
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((at, len, mark)) = open {
        // A single mark left open was an apostrophe or a stray: no quote.
        if !matches!(mark, '’' | '\'' | '‘') {
            // (`… is a growing economy. # # #`: a release's end mark run into its last
            // paragraph is no part of the quotation.)
            let end = stray_opening_stripped(end_mark_stripped(p))
                .len()
                .max(at + len);
            // `“… what it brings to all of us.’` at the paragraph's end: a single closing
            // mark typed for the double one closes it.
            let body = &p[at + len..end];
            let typo = mark == '”'
                && !body.contains(['‘', '\''])
                && body
                    .strip_suffix('’')
                    .is_some_and(|b| b.ends_with(['.', '!', '?', ',']));
            if typo {
                out.push(Span {
                    open: at,
                    inner: at + len..end - '’'.len_utf8(),
                    close: end,
                    closed: true,
                });
            } else {
                out.push(Span {
                    open: at,
                    inner: at + len..end,
                    close: p.len(),
                    closed: false,
                });
            }
        }
    }
    for s in &mut out {
        if let Some(cut) = signed_off(&p[s.inner.clone()]) {
            s.inner.end = s.inner.start + cut;
        }
    }
    out.retain(|s| !p[s.inner.clone()].trim().is_empty());
    out
}

/// A statement's last sentence followed, inside its marks, by its writer's signature: a
/// dash and a name of five words or fewer, each capitalised, perhaps with a place (`… pay
/// the price. — Charles, Stafford`, `… a dangerous precedent. – Rep. Clyde”`). The length of
/// the statement without it.
fn signed_off(inner: &str) -> Option<usize> {
    let t = inner.trim_end();
    let (at, dash) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| t.rfind(d).map(|i| (i, d.len())))
        .max()?;
    let name = &t[at + dash..];
    let words: Vec<&str> = name.split_whitespace().collect();
    let body = t[..at].trim_end();
    let signed = !words.is_empty()
        && words.len() <= 5
        && body.ends_with(['.', '!', '?'])
        && !name.ends_with(['!', '?'])
        && words.iter().all(|w| w.starts_with(char::is_uppercase));
    signed.then_some(body.len())
}

/// A paragraph without a stray opening mark at its end, after a sentence's end and a space
/// (`… will release him. “`): the next paragraph's opening mark typed at this one's end, or
/// a closing mark typed the wrong way; no part of the words.
fn stray_opening_stripped(t: &str) -> &str {
    match t.strip_suffix(['“', '"']) {
        Some(b) if b.ends_with(' ') && b.trim_end().ends_with(['.', '!', '?', ',']) => b.trim_end(),
        _ => t,
    }
}

/// A paragraph without the end mark of a press release run into its end (`… growing
/// economy. # # #`, `… ###`), trimmed.
fn end_mark_stripped(p: &str) -> &str {
    let t = p.trim_end();
    let body = t.trim_end_matches(['#', ' ']);
    let marks = t[body.len()..].chars().filter(|&c| c == '#').count();
    if marks >= 3 && body.ends_with(['.', '!', '?']) {
        body
    } else {
        t
    }
}

/// An opening mark at `i` (a space before it, a capital after) while the quotation whose
/// text starts at `from` is open, right after a sentence's end of three words or more:
/// each paragraph of a statement opens again, and the source lost the break between two
/// (`… our constitutional rights. "Among many items, …`). The open quotation ends with
/// its sentence: where its text ends.
fn restarts(
    p: &str,
    from: usize,
    i: usize,
    prev: Option<char>,
    next: Option<char>,
) -> Option<usize> {
    if !prev.is_some_and(char::is_whitespace) || !next.is_some_and(char::is_uppercase) {
        return None;
    }
    let body = p.get(from..i)?.trim_end();
    if !body.ends_with(['.', '!', '?']) || body.split_whitespace().count() < 3 {
        return None;
    }
    // The new one ends at a sentence's end too, as a paragraph does (not `"During this
    // interrogation, Binyam Mohamed" had been …`): the next mark, if any, after one.
    // (After the mark, whatever its width: `“` is three bytes.)
    let rest = p.get(i + p[i..].chars().next()?.len_utf8()..)?;
    let ends_sentence = match rest.find(['"', '”', '“']) {
        None => true,
        Some(m) => rest[..m].trim_end().ends_with(['.', '!', '?', ',']),
    };
    ends_sentence.then_some(from + body.len())
}

/// Whether the text after a closing mark, the paragraph's last, is a tag: a verb of saying
/// within its first four words (`Faleomavaega concluded.`, `Dent said.`, `said Smith.`).
fn tag_follows(rest: &str) -> bool {
    if rest.contains(['”', '“', '"']) {
        return false;
    }
    let clause = rest.split(['.', ';']).next().unwrap_or("");
    clause.split_whitespace().take(4).any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic()),
            "said" | "says" | "added" | "stated" | "wrote" | "continued" | "concluded"
        )
    })
}

/// After a straight mark opening a word or two inside a straight quotation (`"app") for
/// … participate,"`): where the word's closing mark stands in `rest`, when the word is in
/// lower case (not a name, `The "United States" is`), closes within three words with no
/// sentence's end inside, is followed by a bracket or a
/// comma, and another mark follows to close the quotation.
fn straight_word_in(rest: &str) -> Option<usize> {
    let q = rest.find('"')?;
    let word = &rest[..q];
    let after = &rest[q + 1..];
    (word.split_whitespace().count() <= 3
        && word.starts_with(char::is_lowercase)
        && !word.ends_with(char::is_whitespace)
        && !word.contains(['.', '?', '!', ',', '“', '”'])
        && (after.starts_with([')', ']']) || goes_on_lower(after))
        && after.contains('"'))
    .then_some(q)
}

/// Whether the sentence goes on after a closing mark with a word in lower case that is no
/// verb of saying (`"app" for platforms`, not `"app" said`).
fn goes_on_lower(after: &str) -> bool {
    let Some(w) = after
        .strip_prefix(' ')
        .and_then(|a| a.split_whitespace().next())
    else {
        return false;
    };
    w.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            w.trim_end_matches(|c: char| !c.is_alphabetic()),
            "said" | "says" | "added" | "adds" | "asked" | "wrote" | "stated"
        )
}

/// Whether a straight mark opened before `rest` is closed by another before the
/// typographic closing mark (`Iraq recession" I … .”`), within a few words.
fn closes_straight_in(rest: &str) -> bool {
    let end = rest.find('”').unwrap_or(rest.len());
    rest[..end].find('"').is_some_and(|q| {
        let inner = &rest[..q];
        inner.split_whitespace().count() <= 8
            && !inner.ends_with(char::is_whitespace)
            && !inner.contains(['.', '?', '!'])
    })
}

/// In the text of a quotation whose closing mark was left out, a tag that ends a sentence
/// after a comma (`…, said Interior Secretary Dick Kempthorne. `, `…, Kempthorne said. `):
/// the length of the quotation up to and with that comma.
fn tag_left_open(inner: &str) -> Option<usize> {
    let t = inner.trim_end();
    let body = t.strip_suffix('.')?;
    let comma = body.rfind(", ")?;
    let whole: Vec<&str> = body[comma + 2..].split_whitespace().collect();
    // (`…, said Senator Warnock during last week’s press conference. `: a phrase of when or
    // where after the tag's name, opened by one of these words, is no part of the tag.)
    let tails = [
        "during",
        "at",
        "in",
        "on",
        "after",
        "before",
        "following",
        "while",
        "when",
    ];
    let tail = whole
        .iter()
        .skip(2)
        .position(|w| tails.contains(w))
        .map_or(whole.len(), |k| k + 2);
    if whole.len() - tail > 7 {
        return None;
    }
    let tag = &whole[..tail];
    let verbs = ["said", "says", "added", "adds", "stated", "states"];
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let turned = tag.len() >= 2 && verbs.contains(&tag[0]) && tag[1..].iter().all(capital);
    let plain =
        tag.len() >= 2 && verbs.contains(tag.last()?) && tag[..tag.len() - 1].iter().all(capital);
    (tag.len() <= 7 && (turned || plain)).then_some(comma + 1)
}

/// Within a quotation still open, at a capital (`at`) that opens a sentence after a tag
/// left in it (`"… when our nation was in great need, said Butterfield. These brave men
/// …"`): the closing mark was left out before the tag, and the statement goes on after it
/// with no opening mark. The length of the quotation's text up to and with the tag's comma.
fn tag_inside_open(p: &str, from: usize, at: usize) -> Option<usize> {
    let before = p.get(from..at)?;
    let t = before.trim_end();
    if t.len() == before.len() {
        return None;
    }
    let word = t.strip_suffix('.')?;
    if is_abbreviation(word) {
        return None;
    }
    tag_left_open(before)
}

/// Whether a paragraph can carry on a quotation the one before left open: it starts with
/// an opening mark (news style: each paragraph of a long quotation opens again), or its
/// first double mark is a closing one (the last paragraph, typed without its opening
/// mark). A paragraph with neither is the article's own voice again: the quotation ended
/// with its paragraph, unclosed.
pub fn carries_open_quote(p: &str) -> bool {
    let t = p.trim_start();
    if t.starts_with(['“', '"', '«', '„']) {
        return true;
    }
    let mut prev = None;
    for c in t.chars() {
        match c {
            '”' | '»' => return true,
            '“' | '«' | '„' => return false,
            '"' => return !opens_after(prev),
            _ => {}
        }
        prev = Some(c);
    }
    false
}

/// Whether a quotation left open at the end of the paragraph before `rest` runs on through
/// paragraphs with no mark of its own to one that closes it: a statement typed with its
/// opening mark on its first paragraph and its closing mark on its last only (`"As the crisis
/// …` / `As of Thursday, …` / `… safe," said Rep. Smucker.`). `rest` starts with the paragraph
/// after the open one; the run is at most fourteen paragraphs of two sentences' length or
/// more, none opening with a mark, whose marks only pair up inside them (`I see "we're
/// hiring" signs …`), and none with a speech verb in the third person unless it speaks in
/// the first person too (the article's own voice has no `I`, `we`, `our`); the paragraph
/// that ends it opens with no mark and has a closing mark first. With `open` (the paragraph
/// before left its quotation open, its mark not lost), a list that paragraph brings in runs
/// on to a paragraph that opens its mark again. With `announced` (the open quotation is a
/// statement the paragraph before it announced: `… issued the following statement:` /
/// `"President Biden's description …`), the statement's own words may report what others
/// said (`on July 8th he insisted …`, `according to his own administration`) and a
/// paragraph may end without its stop, and a line of elision (`. . .`) between its passages
/// goes on with it: only a tag, a short line (a heading) or a mark opening again ends the
/// run short of its closing mark.
pub fn runs_on_to_close(rest: &[&str], open: bool, announced: bool) -> bool {
    let words = |p: &str| -> Vec<String> {
        p.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
                    .replace('’', "'")
            })
            .collect()
    };
    let first_person = |ws: &[String]| {
        ws.iter().any(|w| {
            matches!(
                w.as_str(),
                "I" | "I'm"
                    | "I've"
                    | "I'll"
                    | "me"
                    | "my"
                    | "My"
                    | "we"
                    | "We"
                    | "we're"
                    | "We're"
                    | "we've"
                    | "We've"
                    | "our"
                    | "Our"
                    | "us"
            )
        })
    };
    let is_speech = |w: &str| matches!(w, "said" | "says" | "added" | "stated" | "according");
    // A speech verb as a tag (`…, Rep. Farr said.`, `…, said Jane Roe.`): the article's
    // voice whoever speaks in the paragraph.
    let tagged = |p: &str| {
        let raw: Vec<&str> = p.split_whitespace().collect();
        raw.iter().enumerate().any(|(i, w)| {
            let bare = w.trim_matches(|c: char| !c.is_alphabetic());
            // (Not a verb whose subject a clause interrupts: `the president, while claiming
            // the war over, says we will hunt …`, the words it reports lowercase after it.)
            let reports = raw.get(i + 1).is_some_and(|n| {
                n.starts_with(|c: char| c.is_lowercase())
                    && !matches!(*n, "the" | "a" | "an" | "his" | "her" | "its" | "their")
            });
            is_speech(bare)
                && (w.ends_with([',', '.']) || i > 0 && raw[i - 1].ends_with(',') && !reports)
        })
    };
    let speech = |ws: &[String]| ws.iter().any(|w| is_speech(w));
    // (Whether every paragraph of the run so far speaks in the first person.)
    let mut all_first = true;
    // (Whether the paragraph before brought in a list or was an item of it.)
    let mut in_list = false;
    for (k, p) in rest.iter().enumerate().take(15) {
        let t = p.trim();
        if is_end_mark(t) {
            return k > 0 && all_first;
        }
        // An elision between the passages of an announced statement (`. . .`, `…`): the
        // statement goes on after it.
        if announced && is_elision(t) {
            continue;
        }
        if has_double_mark(t) {
            // A list brought in by a statement left open (`… voting for things like:` / `●
            // Cuts to Social Security` / `“I’m grateful …”`): its items are the statement's
            // words when the paragraph after them opens its mark again, as a statement's
            // next paragraph does.
            if t.starts_with(['“', '"', '«', '„']) {
                return open && in_list && k > 0;
            }
            if carries_open_quote(t) {
                return k > 0;
            }
            if !pairs_inside(t) {
                return false;
            }
        }
        let ws = words(t);
        let first = first_person(&ws);
        // A letter's list (`… to the below questions:` / `· When did these flights
        // begin?`): its items are short, and the line that brings them in ends in a colon.
        // (Only a list brought in so is one, the paragraph before `rest` unseen here: not
        // `- Ahmad D.`, a signature, which never speaks in the first person either.)
        let item = (k == 0 || in_list) && is_list_item(t);
        let intro = t.ends_with(':') && rest.get(k + 1).is_some_and(|n| is_list_item(n.trim()));
        in_list = intro || item;
        if t.is_empty()
            || tagged(t)
            || speech(&ws) && !first && !announced
            || ws.len() < 8 && !item
            || !(t.ends_with(['.', '!', '?']) || item || intro || announced)
        {
            return false;
        }
        all_first &= first;
        // A statement that never closes runs on to the article's end: each of its
        // paragraphs in the speaker's first person (`"I am closely following …` / `… I will
        // continue to urge …` and nothing after).
        if k + 1 == rest.len() {
            return all_first;
        }
    }
    false
}

/// Whether a paragraph is a line of elision only (`. . .`, `…`, `...`).
pub fn is_elision(p: &str) -> bool {
    let t = p.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '…' | ' '))
}

/// Whether a paragraph is an item of a list: a bullet (`·`, `•`, `▪`, `*`, a dash) or a
/// number with its stop or bracket (`1.`, `2)`), then a space and the item's words.
fn is_list_item(t: &str) -> bool {
    let body = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let marker = if body.len() < t.len() {
        body.strip_prefix(['.', ')'])
    } else {
        t.strip_prefix(['·', '•', '●', '▪', '◦', '*', '-', '–', '—'])
    };
    marker.is_some_and(|r| r.starts_with(' ') && r.trim_start().starts_with(char::is_alphanumeric))
}

/// A press release's end mark alone in its paragraph (`# # #`, `###`, `-30-`).
fn is_end_mark(t: &str) -> bool {
    let hashes = t.chars().filter(|&c| c == '#').count();
    (hashes >= 3 && t.chars().all(|c| c == '#' || c == ' ')) || t == "-30-"
}

/// Whether a text has a double quotation mark (not an inch or a second's after a digit,
/// `1" thick`).
fn has_double_mark(p: &str) -> bool {
    p.char_indices().any(|(i, c)| match c {
        '“' | '”' | '«' | '»' | '„' => true,
        '"' => !units_before(&p[..i]) && !inch_after_digit(&p[..i], &p[i + 1..]),
        _ => false,
    })
}

/// Whether a straight double mark between `before` and `after` is an inch or a second's
/// mark: it follows a digit and a lower-case word follows it (`1" thick`).
fn inch_after_digit(before: &str, after: &str) -> bool {
    let mut a = after.chars();
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
        && a.next() == Some(' ')
        && a.next().is_some_and(char::is_lowercase)
}

/// Whether every double mark of a paragraph that does not open with one pairs with the next
/// inside it: an opening mark (after a space) and its closing one a few words on (`only
/// "temporary."`, `“we’re hiring”`).
fn pairs_inside(p: &str) -> bool {
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    let mut pairs = 0;
    for (i, c) in p.char_indices() {
        match (c, open) {
            ('"', _) if units_before(&p[..i]) || inch_after_digit(&p[..i], &p[i + 1..]) => {}
            ('“' | '«' | '„', None) => open = Some((i, c)),
            ('"', None) if opens_after(prev) => open = Some((i, c)),
            ('”' | '»' | '"', Some((at, o))) => {
                let right = matches!((o, c), ('“' | '„', '”') | ('«', '»') | ('"', '"'));
                if !right || p[at..i].split_whitespace().count() > 8 {
                    return false;
                }
                pairs += 1;
                open = None;
            }
            ('“' | '”' | '«' | '»' | '„' | '"', _) => return false,
            _ => {}
        }
        prev = Some(c);
    }
    open.is_none() && pairs > 0
}

/// Whether the text after an `s’` reads as a plural's possessive, not a closing mark: a
/// space, a lower-case word, and a closing ’ still to come.
fn plural_possessive(rest: &str) -> bool {
    let mut it = rest.chars();
    it.next() == Some(' ')
        && it.next().is_some_and(char::is_lowercase)
        && rest.match_indices('’').any(|(k, _)| {
            !rest[k + '’'.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
}

/// Whether a text ends with a measure in two units before a straight double mark: digits,
/// a straight single mark (minutes, feet), digits (`4'24`, `6'2`).
fn units_before(before: &str) -> bool {
    let b = before.as_bytes();
    let mut k = b.len();
    let digits = |k: &mut usize| {
        let end = *k;
        while *k > 0 && b[*k - 1].is_ascii_digit() {
            *k -= 1;
        }
        end - *k
    };
    let seconds = digits(&mut k);
    if !(1..=2).contains(&seconds) || k == 0 || b[k - 1] != b'\'' {
        return false;
    }
    k -= 1;
    digits(&mut k) >= 1 && (k == 0 || !b[k - 1].is_ascii_alphabetic())
}

/// Whether a straight single mark opening here has a closing one: a `'` after a letter or
/// punctuation and before a non-letter, with no double mark between.
fn closes_single(rest: &str) -> bool {
    let mut prev = ' ';
    let mut it = rest.chars().peekable();
    while let Some(c) = it.next() {
        if c == '"' || c == '“' {
            return false;
        }
        if c == '\'' && !prev.is_whitespace() && !it.peek().is_some_and(|n| n.is_alphanumeric()) {
            return true;
        }
        prev = c;
    }
    false
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "pres", "gov", "mt", "ft", "rev", "hon", "d.c", "messrs", "approx",
    // Ranks and titles before a name.
    "insp", "supt", "det", "cpl", "pvt", "maj", "brig", "cmdr", "cdr", "amb", "fr", "gens", "reps",
    "sens", "atty",
];

/// The sentences of a paragraph, as byte ranges. A quotation never splits: a sentence
/// ends after `.`, `!` or `?` (or after a closing mark right behind one) followed by
/// white space and a capital, digit or opening mark.
pub fn sentences(p: &str, spans: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = p.as_bytes();
    let mut i = 0;
    let mut span = 0;
    while i < p.len() {
        while span < spans.len() && spans[span].close <= i {
            span += 1;
        }
        if span < spans.len() && spans[span].open <= i && i < spans[span].close {
            // Inside a quotation: jump to its end; it ends a sentence when its own text does.
            let s = &spans[span];
            let inner = p[s.inner.clone()].trim_end();
            i = s.close;
            // (Not before a dash that signs it: `“… to wait.” — Chris Lee, Fellow`.)
            let signed = p[i..].trim_start().starts_with(['—', '–']);
            if s.closed && inner.ends_with(['.', '!', '?']) && boundary_after(p, i) && !signed {
                out.push(start..i);
                start = skip_ws(p, i);
                i = start;
            }
            continue;
        }
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            let end = i + 1;
            // Closing marks or brackets right after belong to this sentence.
            let mut e = end;
            while let Some(ch) = p[e..].chars().next() {
                if matches!(ch, ')' | ']') {
                    e += ch.len_utf8();
                } else {
                    break;
                }
            }
            if boundary_after(p, e) && !(c == b'.' && is_abbreviation(&p[start..i])) {
                out.push(start..e);
                start = skip_ws(p, e);
                i = start;
                continue;
            }
        }
        i += p[i..].chars().next().map_or(1, char::len_utf8);
    }
    if start < p.len() && !p[start..].trim().is_empty() {
        out.push(start..p.trim_end().len());
    }
    out
}

fn skip_ws(p: &str, mut i: usize) -> usize {
    while let Some(c) = p[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn boundary_after(p: &str, i: usize) -> bool {
    let rest = &p[i..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start().chars().next();
    next.is_none_or(|n| {
        n.is_uppercase()
            || n.is_ascii_digit()
            || matches!(n, '“' | '"' | '‘' | '(' | '—' | '«' | '„' | '‚')
    })
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '«' | '„'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // A single capital is an initial ("Gordon G. Chang").
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// A word or a punctuation mark, with its place in the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub s: &'a str,
    pub at: usize,
}

impl Tok<'_> {
    pub fn end(&self) -> usize {
        self.at + self.s.len()
    }
    pub fn is_word(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_alphanumeric)
    }
    pub fn is_cap(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn lower(&self) -> String {
        self.s.to_lowercase()
    }
    pub fn is(&self, w: &str) -> bool {
        self.s.eq_ignore_ascii_case(w)
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&')
}

/// The length of a verb of speech that opens `s` and runs into a capitalised word with no
/// space (`saidCongressman`), when it does.
fn glued_verb(s: &str) -> Option<usize> {
    ["said", "says", "added", "stated"]
        .into_iter()
        .find_map(|v| {
            let mut rest = s.strip_prefix(v)?.chars();
            (rest.next().is_some_and(char::is_uppercase)
                && rest.next().is_some_and(char::is_lowercase))
            .then_some(v.len())
        })
}

/// The tokens of `p[range]`: words (with inner apostrophes, hyphens, and the full stop
/// of an initial or an abbreviation such as `U.S.`) and single punctuation marks.
pub fn tokens(p: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let s = &p[range.clone()];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        // `…," saidCongressman García.`: a verb of speech written against the capitalised
        // name after it (a release's lost space) is a word of its own.
        if let Some(n) = glued_verb(&s[i..]) {
            out.push(Tok {
                s: &s[i..i + n],
                at: range.start + i,
            });
            while iter.peek().is_some_and(|&(j, _)| j < i + n) {
                iter.next();
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                let after = s[j + d.len_utf8()..].chars().next();
                if d.is_alphanumeric()
                    || (matches!(d, '\'' | '’' | '-' | '&') && after.is_some_and(word_char))
                    || (d == '.'
                        && after.is_some_and(|a| a.is_alphabetic())
                        && s[i..j].chars().all(|x| x.is_alphabetic() || x == '.')
                        && s[i..j].chars().filter(|x| x.is_alphabetic()).count() <= 3)
                {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            // The full stop of an abbreviation or initial is part of the word.
            if s[end..].starts_with('.') {
                let w = &s[i..end];
                if w.contains('.')
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
                {
                    end += 1;
                    iter.next();
                }
            }
            out.push(Tok {
                s: &s[i..end],
                at: range.start + i,
            });
        } else {
            out.push(Tok {
                s: &s[i..i + c.len_utf8()],
                at: range.start + i,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(p: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &p[s.inner.clone()]).collect()
    }

    #[test]
    fn closing_marks_left_out_or_typed_single() {
        let p = "“The program will help, said Administrator Earthea Nance. “It is imperative.”";
        assert_eq!(
            texts(p, &quote_spans(p)),
            ["The program will help,", "It is imperative."]
        );
        let p = "“The roadmap demonstrates the role of exploration for all of us.’";
        let s = quote_spans(p);
        assert_eq!(
            texts(p, &s),
            ["The roadmap demonstrates the role of exploration for all of us."]
        );
        assert!(s[0].closed);
        // A nested single quotation at the end is no closing mark of the double one.
        let p = "“He called it ‘a farce.’";
        assert_eq!(texts(p, &quote_spans(p)), ["He called it ‘a farce.’"]);
    }

    #[test]
    fn guillemets_and_low_opening_marks() {
        let p = "«We lost everything,» she said, «and the boat.» It's the players’ union.";
        assert_eq!(
            texts(p, &quote_spans(p)),
            ["We lost everything,", "and the boat."]
        );
        let p = "„Es ist vorbei“, sagte sie. „Ganz,” und ‚Schluss‘ mit Peters’ Boot.";
        assert_eq!(
            texts(p, &quote_spans(p)),
            ["Es ist vorbei", "Ganz,", "Schluss"]
        );
        // A low single mark with no closing one is no quotation.
        let p = "Die ‚Flut kam.";
        assert!(quote_spans(p).is_empty());
        assert_eq!(
            sentences(
                "It ended. «Next,» he said.",
                &quote_spans("It ended. «Next,» he said.")
            )
            .len(),
            2
        );
    }

    #[test]
    fn quotes_straight_typographic_split_and_unclosed() {
        let p = "“First part,” she said, \"second part.\" It's the ‘term’ and the players’ union.";
        assert_eq!(
            texts(p, &quote_spans(p)),
            ["First part,", "second part.", "term"]
        );
        let p = "“It goes on. And on.";
        let s = quote_spans(p);
        assert_eq!(texts(p, &s), ["It goes on. And on."]);
        assert!(!s[0].closed);
    }

    #[test]
    fn a_straight_opening_closes_at_a_typographic_mark() {
        // Mixed typing: "…” — the quotation ends at ”, not at the next straight mark.
        let p = "\"We will go on,” he said. Then \"the end\" came.";
        assert_eq!(texts(p, &quote_spans(p)), ["We will go on,", "the end"]);
        // And an opening mark typed after the text closes it.
        let p = "It added, \"We are sorry.“ Then “the end” came.";
        assert_eq!(texts(p, &quote_spans(p)), ["We are sorry.", "the end"]);
    }

    #[test]
    fn a_plurals_possessive_does_not_close_a_single_quote() {
        let p = "Marsh added: ‘The players’ attitude has been superb.’ The fans’ turn came.";
        assert_eq!(
            texts(p, &quote_spans(p)),
            ["The players’ attitude has been superb."]
        );
    }

    #[test]
    fn a_quotation_inside_one_in_the_same_marks_stays_inside() {
        let p = "“He noted the minister’s “promise” that it was over. And more.”";
        let s = quote_spans(p);
        assert_eq!(
            texts(p, &s),
            ["He noted the minister’s “promise” that it was over. And more."]
        );
        let p = "“He noted the “promise” of peace.";
        let s = quote_spans(p);
        assert_eq!(texts(p, &s), ["He noted the “promise” of peace."]);
        assert!(!s[0].closed);
    }

    #[test]
    fn only_a_paragraph_that_opens_again_or_closes_carries_a_quotation_on() {
        assert!(carries_open_quote("“And the next part."));
        assert!(carries_open_quote("\"And the next part,\" she said."));
        assert!(carries_open_quote("the last part of it.” She left."));
        assert!(carries_open_quote("the last part of it,\" she said."));
        assert!(!carries_open_quote("The embassy said it was troubled."));
        assert!(!carries_open_quote(
            "The embassy called it \"troubling\" on Monday."
        ));
        assert!(!carries_open_quote(
            "The embassy called it “troubling” on Monday."
        ));
    }

    #[test]
    fn sentences_do_not_split_inside_quotes_or_after_initials() {
        let p = "Gordon G. Chang said: “It is bad. Very bad.” Then the U.S. Senate voted. “Next,” he said.";
        let spans = quote_spans(p);
        let got: Vec<&str> = sentences(p, &spans).into_iter().map(|r| &p[r]).collect();
        assert_eq!(
            got,
            [
                "Gordon G. Chang said: “It is bad. Very bad.”",
                "Then the U.S. Senate voted.",
                "“Next,” he said."
            ]
        );
    }

    #[test]
    fn tokens_keep_initials_and_abbreviations() {
        let p = "Gordon G. Chang, of the U.S., said don’t.";
        let t: Vec<&str> = tokens(p, 0..p.len()).iter().map(|t| t.s).collect();
        assert_eq!(
            t,
            ["Gordon", "G.", "Chang", ",", "of", "the", "U.S.", ",", "said", "don’t", "."]
        );
    }
}
