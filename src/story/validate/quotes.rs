//! The `quotes` section: who said what, in their words or reported.

use std::collections::HashSet;

use super::checker::{words, Checker};
use super::refs::{Ids, Names};
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawQuote};

pub(super) fn quotes(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut HashSet<Str>,
    raw: Option<List<Node<RawQuote>>>,
) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let quote_kinds = words(QuoteKind::ALL, QuoteKind::as_str);
    let items = c.list("", "quotes", raw);
    for (at, r) in c.entries("quotes", "", "a quote", items) {
        let r: RawQuote = r;
        c.keys(&at, &r.extra, RawQuote::KEYS);
        let id = c.opt_id(&at, r.id);
        ids.claim(c, &id, &at);
        let by = names.by(c, &at, "this quote", "who said it", r.by);
        let text = c.req_text(&at, "this quote", "text", r.text);
        let kind = c.keyword(
            &at,
            "kind",
            "quote kind",
            r.kind,
            QuoteKind::parse,
            &quote_kinds,
        );
        let via = names.person(c, &at, "via", r.via);
        let date = c.opt_date(&at, r.date);
        let source = names.source(c, cited, &at, r.source);
        let context = c.opt_text(&at, "context", r.context);
        if let (Some(by), Some(text)) = (by, text) {
            quotes.push(Quote {
                id,
                by,
                text,
                kind: kind.unwrap_or(QuoteKind::Direct),
                via,
                date,
                source,
                context,
            });
        }
    }
    quotes
}
