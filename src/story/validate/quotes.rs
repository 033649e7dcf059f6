//! The `quotes` section: who said what, in their words or reported; (format 2) who
//! declined to comment or did not respond, and who the words were said to.

use super::Set;

use super::checker::{child, words, Checker};
use super::refs::{Ids, Names};
use crate::story::model::*;
use crate::story::yaml::{List, Node, RawQuote, Scalar};

pub(super) fn quotes(
    c: &mut Checker,
    ids: &mut Ids,
    names: &Names,
    cited: &mut Set<Str>,
    raw: Option<List<Node<RawQuote>>>,
) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let quote_kinds = words(QuoteKind::ALL, QuoteKind::as_str);
    let items = c.list("", "quotes", raw);
    for (i, at, r) in c.entries("quotes", "", "a quote", items) {
        let r: RawQuote = r;
        c.keys(&at, &r.extra, RawQuote::KEYS);
        let id = c.opt_id(&at, r.id);
        ids.claim(c, &id, "quotes", i);
        let by = names.by(c, &at, "this quote", "who said it", r.by);
        let kind_given = !matches!(r.kind, None | Some(Scalar::Null));
        let kind = c.keyword(
            &at,
            "kind",
            "quote kind",
            r.kind,
            QuoteKind::parse,
            &quote_kinds,
        );
        // A kind that is not one of the words is its own error: no more from it.
        let kind_unknown = kind.is_none() && kind_given;
        let refusal = kind.filter(|k| k.is_refusal());
        if let Some(k) = refusal {
            c.v2_value(child(&at, "kind"), format!("`kind: {k}`"));
        }
        // A refusal's text is optional: a phrase after the speaker's name.
        let text = match refusal {
            None if !kind_unknown => c.req_text(&at, "this quote", "text", r.text),
            _ => Some(c.opt_text(&at, "text", r.text).unwrap_or_default()),
        };
        let via = match (refusal, r.via) {
            (Some(k), Some(_)) => {
                c.error(
                    child(&at, "via"),
                    format!("`via` is not allowed on a `{k}` quote: a refusal is reported as the speaker's own; drop `via` (or say who reported it in `context`)"),
                );
                None
            }
            (_, via) => names.person(c, &at, "via", via),
        };
        let date = c.opt_date(&at, r.date);
        let source = names.source(c, cited, &at, r.source);
        let context = c.opt_text(&at, "context", r.context);
        c.v2_key(&at, "to", &r.to);
        let to = c.opt_text(&at, "to", r.to);
        if let (Some(by), Some(text)) = (by, text) {
            quotes.push(Quote {
                id,
                by,
                text,
                kind: kind.unwrap_or(QuoteKind::Direct),
                via: via.map(Box::new),
                date,
                source,
                context,
                to: to.map(Box::new),
            });
        }
    }
    quotes
}
