//! The candidates for a quotation's speaker and their features (see [`super::speaker`]):
//! who the rules chose, who spoke or was named last, where the article names each one
//! around the quotation, and whether each fits the tag's pronoun.

use super::speaker::{self, Features, Traced, N};
use super::{fold_words, lower_in, speech_at, Drafter, PartyKind, Sent, Tok, QUOTE_TOK};

/// A word of a sentence outside its quotations, folded, with its token's place and
/// whether it is capitalised.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pos: usize,
    w: String,
    cap: bool,
}

/// The words of a sentence outside its quotations.
pub(super) fn words_of(toks: &[Tok]) -> Vec<Word> {
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        if t.s == QUOTE_TOK || !t.is_word() {
            continue;
        }
        let cap = t.is_cap();
        if t.s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.push(Word {
                pos: i,
                w: t.s.to_ascii_lowercase(),
                cap,
            });
        } else {
            out.extend(fold_words(t.s).into_iter().map(|w| Word { pos: i, w, cap }));
        }
    }
    out
}

/// The kind of rule that chose a speaker, from its description: 1 a tag after the
/// quotation, 2 a tag before it, 3 another rule of the sentence.
pub(super) fn rule_class(rule: &str) -> usize {
    if rule.starts_with("`“…,” ") || rule.starts_with("a pull quote") {
        1
    } else if rule.starts_with("`X ")
        || rule.starts_with("a tag turned round")
        || rule.starts_with("`according to X")
        || rule.starts_with("`According to X")
        || rule.starts_with("`quoted X")
        || rule.starts_with("`with X")
        || rule.starts_with("`in ")
        || rule.starts_with("a term the article attributes")
    {
        2
    } else {
        3
    }
}

/// Where a quotation is: its paragraph's sentences and their words, the sentence, the
/// quotation's token, the kind of rule that chose its speaker (see [`rule_class`]; 4 no
/// tag, 5 unattributed), and who spoke before in the paragraph.
pub(super) struct Quoted<'a, 's> {
    pub sents: &'a [Sent<'s>],
    pub words: &'a [Vec<Word>],
    pub si: usize,
    pub q: usize,
    pub class: usize,
    pub para_speaker: Option<usize>,
}

/// Words before a name that make it the one spoken to.
const HEARER_BEFORE: &[&str] = &[
    "told",
    "tells",
    "telling",
    "to",
    "with",
    "asked",
    "asking",
    "interviewed",
];

impl Drafter<'_> {
    /// Where `words` name entity `idx`: (first token, last token) of each naming.
    fn named_at(&self, idx: usize, words: &[Word]) -> Vec<(usize, usize)> {
        let e = &self.d.entities[idx];
        let mut out = Vec::new();
        if e.kind == PartyKind::Anonymous {
            return out;
        }
        let person = e.kind == PartyKind::Person;
        let mut find = |nw: &[String], cap: bool| {
            if nw.is_empty() || nw.len() > words.len() {
                return;
            }
            for k in 0..=words.len() - nw.len() {
                if (!cap || words[k].cap)
                    && words[k..k + nw.len()]
                        .iter()
                        .zip(nw)
                        .all(|(a, b)| a.w == *b)
                {
                    out.push((words[k].pos, words[k + nw.len() - 1].pos));
                }
            }
        };
        let cap = e.name.starts_with(char::is_uppercase);
        let name = &self.folded[idx];
        find(name, cap);
        if person && name.len() >= 2 {
            find(&name[name.len() - 1..], true);
        }
        for a in &e.aliases {
            find(&fold_words(a), a.starts_with(char::is_uppercase));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The speaker of a quotation: the best scored of the candidates around it, `by`
    /// being the rules' choice.
    pub(super) fn choose_speaker(&mut self, text: &str, by: usize, at: &Quoted) -> usize {
        // Weights that give the rules' choice alone (only `proposed` weighed) choose it
        // whoever the other candidates are: unless they are traced, none is gathered (the
        // gathering costs in the entities named around the quotation, many in a long
        // paragraph of speakers).
        if self.trace.is_none() && by < self.d.entities.len() && speaker::rules_alone(&self.weights)
        {
            return by;
        }
        let s = &at.sents[at.si];
        let toks = &s.toks;
        let n = toks.len();
        let q = at.q;
        // The pronoun of the quotation's own tag (`he said`, `said she`), if any.
        let prev_q = (0..q).rev().find(|&i| toks[i].s == QUOTE_TOK).unwrap_or(0);
        let next_q = (q + 1..n).find(|&i| toks[i].s == QUOTE_TOK).unwrap_or(n);
        let tag_pronoun = (prev_q..next_q)
            .filter(|&i| lower_in(&toks[i], &["he", "she", "it", "they"]))
            .filter(|&i| i + 1 < n && speech_at(toks, i + 1) || i > 0 && speech_at(toks, i - 1))
            .min_by_key(|&i| i.abs_diff(q))
            .map(|i| toks[i].lower());
        let tag_he_she = tag_pronoun.as_deref().and_then(|p| match p {
            "he" => Some(1),
            "she" => Some(-1),
            _ => None,
        });
        let opens = !toks[..q].iter().any(|t| t.is_word()) && at.si == 0;
        let no_verb = at
            .sents
            .iter()
            .all(|s| !(0..s.toks.len()).any(|i| speech_at(&s.toks, i)));
        let recent = |p: usize| p + 1 >= self.para_no;
        let mut cands: Vec<(usize, Features)> = Vec::new();
        for idx in 0..self.d.entities.len() {
            let proposed = idx == by;
            let kind = self.d.entities[idx].kind;
            if kind == PartyKind::Anonymous && !proposed {
                continue;
            }
            let mut f = [0.0; N];
            if proposed {
                f[0] = 1.0;
                f[at.class] = 1.0;
            }
            let yes = |b: bool| if b { 1.0 } else { 0.0 };
            f[6] = yes(at.para_speaker == Some(idx));
            f[7] = yes(self.last_speaker == Some(idx));
            f[8] = yes(self
                .last_subject
                .is_some_and(|(e, p)| e == idx && recent(p)));
            f[9] = yes(self.last_person == Some(idx) && recent(self.person_para));
            f[10] = yes(self.last_org == Some(idx) && self.last_org_sent + 3 >= self.sent_no);
            let here = self.named_at(idx, &at.words[at.si]);
            f[11] = yes(here.iter().any(|&(a, _)| a < q));
            f[12] = yes(here.iter().any(|&(a, _)| a > q));
            f[13] = yes(here.iter().any(|&(a, b)| next_to_speech(toks, a, b)));
            f[14] = yes(at.si > 0 && !self.named_at(idx, &at.words[at.si - 1]).is_empty());
            f[15] = yes(at.si > 1
                && at.words[..at.si - 1]
                    .iter()
                    .any(|w| !self.named_at(idx, w).is_empty()));
            f[16] = yes(!self.named_at(idx, &self.prev_para_words).is_empty());
            f[17] = yes(here.iter().any(|&(a, _)| {
                a > 0
                    && lower_in(&toks[a - 1], HEARER_BEFORE)
                    && !(toks[a - 1].is("to") && a > 1 && toks[a - 2].is("according"))
            }));
            if !proposed && !f[6..=17].iter().any(|&x| x > 0.0) {
                continue;
            }
            let person = kind == PartyKind::Person;
            f[18] = yes(person);
            f[19] = yes(person && tag_he_she.is_some());
            f[20] = yes(!person && matches!(tag_pronoun.as_deref(), Some("it" | "they")));
            let g = self.gender[idx].signum();
            f[21] = yes(person && tag_he_she.is_some_and(|t| g == t));
            f[22] = yes(person && tag_he_she.is_some_and(|t| g == -t));
            f[23] = yes(opens && self.last_speaker == Some(idx));
            f[24] = yes(no_verb && self.last_speaker == Some(idx));
            f[25] = (1.0 + self.spoke[idx] as f64).ln();
            f[26] = yes(tag_he_she.is_some() && f[9] > 0.0);
            f[27] = yes(matches!(tag_pronoun.as_deref(), Some("it" | "they")) && f[10] > 0.0);
            cands.push((idx, f));
        }
        let feats: Vec<Features> = cands.iter().map(|c| c.1).collect();
        let chosen = speaker::best(&self.weights, &feats).unwrap_or(0);
        let speaker = cands.get(chosen).map_or(by, |c| c.0);
        if let Some(t) = &mut self.trace {
            t.push((text.to_string(), cands, chosen));
        }
        speaker
    }

    /// Learns from a sentence naming one person what it says of their gender: an
    /// honorific before the name (`Mr`, `Ms`), or "he", "his", "she", "her" with no other
    /// person named.
    pub(super) fn learn_gender(&mut self, s: &Sent, words: &[Word]) {
        let gendered = |w: &str| match w {
            "he" | "his" | "him" | "himself" | "mr" => 1,
            "she" | "her" | "hers" | "herself" | "ms" | "mrs" | "miss" => -1,
            _ => 0,
        };
        if !words.iter().any(|w| gendered(&w.w) != 0) {
            return;
        }
        // (Only an entity one of whose namings ends with a word of the sentence can be
        // named in it.)
        let mut named = (self.name_index)
            .named_by(words.iter().map(|w| w.w.as_str()))
            .into_iter()
            .filter(|&i| self.d.entities[i].kind == PartyKind::Person)
            .filter_map(|i| {
                let at = self.named_at(i, words);
                (!at.is_empty()).then_some((i, at))
            });
        let (Some((idx, at)), None) = (named.next(), named.next()) else {
            return;
        };
        let mut g = 0;
        for &(a, _) in &at {
            if a > 0 {
                let before = s.toks[a - 1].s.trim_end_matches('.').to_lowercase();
                if matches!(before.as_str(), "mr" | "ms" | "mrs" | "miss") {
                    g += 2 * gendered(&before);
                }
            }
        }
        let (he, she) = words.iter().fold((0, 0), |(h, s), w| match gendered(&w.w) {
            1 if w.w != "mr" => (h + 1, s),
            -1 if !matches!(w.w.as_str(), "ms" | "mrs" | "miss") => (h, s + 1),
            _ => (h, s),
        });
        if he > 0 && she == 0 {
            g += 1;
        } else if she > 0 && he == 0 {
            g -= 1;
        }
        self.gender[idx] += g;
    }

    /// Each quotation's candidates with their names (for fitting the weights).
    pub(super) fn traced(&self) -> Vec<Traced> {
        let names = |i: usize| {
            let e = &self.d.entities[i];
            let mut n = vec![e.name.clone()];
            n.extend(e.aliases.iter().cloned());
            if let Some(b) = e.speaks_for {
                n.push(self.d.entities[b].name.clone());
                n.extend(self.d.entities[b].aliases.iter().cloned());
            }
            n
        };
        self.trace
            .iter()
            .flatten()
            .map(|(text, cands, chosen)| Traced {
                text: text.clone(),
                candidates: cands.iter().map(|(i, f)| (names(*i), *f)).collect(),
                chosen: *chosen,
            })
            .collect()
    }
}

/// Whether the name at tokens `a..=b` is next to a verb of speech: `X said`, `said X`,
/// `X, a spokesman for Y, said`.
fn next_to_speech(toks: &[Tok], a: usize, b: usize) -> bool {
    let n = toks.len();
    if b + 1 < n && speech_at(toks, b + 1) && !toks[b + 1].is("according") {
        return true;
    }
    if a > 0 && speech_at(toks, a - 1) && !toks[a - 1].is("according") {
        return true;
    }
    if b + 1 < n && toks[b + 1].s == "," {
        if let Some(c) =
            (b + 2..n.min(b + 18)).find(|&i| toks[i].s == "," || toks[i].s == QUOTE_TOK)
        {
            return toks[c].s == ","
                && c + 1 < n
                && speech_at(toks, c + 1)
                && !toks[c + 1].is("according");
        }
    }
    false
}
