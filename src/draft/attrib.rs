//! The drafting rules: who said each quotation, who declined to comment, the people and
//! organisations, the sources cited and the dated events of an article.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::dates::{self, Day};
use super::names::{
    self, fold_pieces, fold_words, is_title_word, kebab, kind_of, names_match, ANALYST_WORDS,
    ORG_NOUNS,
};
use super::read::Article;
use super::speaker::{self, Features, Traced};
use super::text::{
    carries_open_quote, is_elision, quote_spans, quote_spans_carried, runs_on_to_close, sentences,
    tokens, Span, Tok,
};

#[path = "candidates.rs"]
mod candidates;
#[path = "name_index.rs"]
mod name_index;
/// A quotation's text, its candidates (entity, features) and the index of the one chosen.
type Seen = (String, Vec<(usize, Features)>, usize);
use super::{Draft, Entity, Event, Note, Options, PartyKind, Quote, QuoteKind, Source};
use candidates::{rule_class, words_of, Quoted, Word};
use name_index::NameIndex;
#[path = "declined.rs"]
mod declined;
#[path = "transcript.rs"]
mod transcript;

/// Verbs that attribute speech.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "wrote",
    "writes",
    "write",
    "noted",
    "notes",
    "explained",
    "explains",
    "asked",
    "asks",
    "argued",
    "argues",
    "insisted",
    "insists",
    "warned",
    "warns",
    "declared",
    "declares",
    "announced",
    "announces",
    "continued",
    "continues",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "claimed",
    "claims",
    "claim",
    "remarked",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "responds",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "observed",
    "commented",
    "tweeted",
    "posted",
    "concluded",
    "concludes",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "urged",
    "urges",
    "encouraged",
    "encourages",
    "advised",
    "advises",
    "cautioned",
    "cautions",
    "conceded",
    "concedes",
    "countered",
    "maintained",
    "maintains",
    "complained",
    "complains",
    "agreed",
    "agrees",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "reiterated",
    "reiterates",
    "affirmed",
    "affirms",
    "contended",
    "contends",
    "charged",
    "quipped",
    "joked",
    "lamented",
    "laments",
    "shouted",
    "testified",
    "testifies",
    "accused",
    "accuses",
    "denied",
    "denies",
    "confirmed",
    "confirms",
    "recounted",
    "recounts",
    "mused",
    "boasted",
    "asserted",
    "asserts",
    "alleged",
    "alleges",
    "proclaimed",
    "demanded",
    "demands",
    "threatened",
    "questioned",
    "rejected",
    "rejects",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "welcomed",
    "welcomes",
    "praised",
    "praises",
    "condemned",
    "condemns",
    "dismissed",
    "dismisses",
    "hailed",
    "blamed",
    "defended",
    "defends",
    "according",
    "writing",
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "warning",
    "reporting",
    "calling",
    "describing",
    "accusing",
    "asserting",
    "stating",
    "explaining",
    "claiming",
    "urging",
    "stressing",
    "emphasizing",
    "emphasising",
    "telling",
    "asking",
    "declaring",
    "announcing",
    "denying",
    "rejecting",
    "dismissing",
    "referring",
    "quoting",
    "pointed",
    "wondered",
    "exclaimed",
    "whispered",
    "yelled",
    "screamed",
    "cried",
    "sighed",
    "announced",
    "informed",
    "assured",
    "reminded",
    "thanked",
    "apologized",
    "apologised",
    "opined",
    "summed",
    "put",
    "read",
    "reads",
    "chanted",
    "sang",
    "posting",
    "tweeting",
    "reported",
    "reports",
    "explain",
    "ask",
    // More of the verbs news writing attributes speech with.
    "remembered",
    "remembers",
    "reflected",
    "reflects",
    "elaborated",
    "clarified",
    "disclosed",
    "revealed",
    "retorted",
    "interjected",
    "objected",
    "protested",
    "pleaded",
    "pleads",
    "pleading",
    "implored",
    "reassured",
    "confided",
    "confessed",
    "volunteered",
    "mentioned",
    "mentions",
    "underlined",
    "underscored",
    "highlighted",
    "speculated",
    "surmised",
    "reasoned",
    "grumbled",
    "muttered",
    "murmured",
    "marveled",
    "marvelled",
    "gushed",
    "bragged",
    "answered",
    "answers",
    "inquired",
    "enquired",
    "pondered",
    "posited",
    "conveyed",
    "observes",
    "remarks",
    "recalling",
    "remembering",
    "recounting",
    "reiterating",
    "replying",
    "responding",
    "answering",
    "concluding",
    "cautioning",
    // Courts and inquiries rule and find.
    "ruled",
    "rules",
    "ruling",
    "finding",
    "holding",
    "acknowledging",
    "admitting",
    "conceding",
    "predicting",
    "promising",
    "vowing",
    "pledging",
    "complaining",
    "suggesting",
    "contending",
    "maintaining",
    "alleging",
];

/// Verbs that attribute a term or phrase ("what it terms", "which the military describes as").
const TERM: &[&str] = &[
    "terms",
    "termed",
    "term",
    "calls",
    "called",
    "call",
    "describes",
    "described",
    "describe",
    "dubs",
    "dubbed",
    "labels",
    "labeled",
    "labelled",
    "brands",
    "branded",
    "characterizes",
    "characterized",
    "characterised",
    "refers",
    "referred",
    "deems",
    "deemed",
    "considers",
    "considered",
    "sees",
    "saw",
    "views",
    "viewed",
    "thought",
];

/// Titles as abbreviated before a name, with the word that refers back to them ("the
/// general" after "Gen. Martin Dempsey").
const RANK_ABBREVIATIONS: &[(&str, &str)] = &[
    ("gen", "general"),
    ("adm", "admiral"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("sgt", "sergeant"),
    ("capt", "captain"),
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("insp", "inspector"),
    ("supt", "superintendent"),
    ("maj", "major"),
    ("brig", "brigadier"),
    ("cmdr", "commander"),
    ("cdr", "commander"),
    ("amb", "ambassador"),
    ("prof", "professor"),
    ("pres", "president"),
    ("det", "detective"),
];

/// Words right before a quotation that make it a title, name or term, not speech.
const NAMING: &[&str] = &[
    "so-called",
    "titled",
    "entitled",
    "nicknamed",
    "named",
    "known",
    "film",
    "movie",
    "book",
    "song",
    "novel",
    "show",
    "series",
    "album",
    "slogan",
    "hashtag",
    "word",
    "term",
    "phrase",
    "words",
    "motto",
    "headline",
    "article",
    "essay",
    "play",
    "programme",
    "program",
    "operation",
    "label",
    "brand",
    "nickname",
    "poem",
    "documentary",
    "podcast",
    "exhibition",
    "report",
    "column",
    "campaign",
    "tagline",
    "banner",
    "sign",
    "signs",
    "placards",
    "reading",
    "read",
];

/// Words right before a quotation that make it a rating or a place, not speech
/// (`rated "highly critical"`, `says on "The … Countdown"`).
const NAMING_BEFORE: &[&str] = &[
    "rated",
    "ranked",
    "graded",
    "classified",
    "classed",
    "website",
    "site",
    "blog",
    "page",
    "newspaper",
    "magazine",
    "channel",
];

/// Prepositions before a quotation in title case: a place or a work (`on "The … Countdown"`).
const PLACE_BEFORE: &[&str] = &["on", "at", "in", "from", "into", "onto", "via"];

/// Words right after a quotation that make it a name (`"The … Countdown" site`).
const NAMING_AFTER: &[&str] = &[
    "site",
    "website",
    "page",
    "campaign",
    "programme",
    "program",
    "project",
    "initiative",
    "hashtag",
    "blog",
    "app",
    "account",
];

/// Titles a person's name may be written with, capitalised, that are not title words of
/// their own (`Spokesman Mwonzora`, `Administrator Criswell`, `Researchers Liangbing Hu`).
const PERSON_TITLES: &[&str] = &[
    "ranking",
    "member",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "administrator",
    "researcher",
    "researchers",
];

/// Titles written short before a name that are no title word of their own: a plural
/// lawmakers' title before one name (`Sens. Ossoff and Rev. Warnock`), a cleric's.
const SHORT_TITLES: &[&str] = &["sens", "reps", "rev", "reverend"];

/// Offices a person holds, written capitalised before their name (`Congresswoman
/// Malliotakis`, `Prime Minister Hun Sen`): their role, not part of their name.
const OFFICES: &[&str] = &[
    "congressman",
    "congresswoman",
    "senator",
    "sen",
    "rep",
    "representative",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councillor",
    "governor",
    "gov",
    "mayor",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "ambassador",
    "commissioner",
    "chancellor",
    "premier",
    "sheriff",
];

/// Titles that stand before a surname alone ("Professor Eastman", "Mr Key").
const HONORIFICS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "senator",
    "sen.",
    "professor",
    "prof.",
    "governor",
    "gov.",
    "mayor",
    "minister",
    "judge",
    "general",
    "gen.",
    "rep.",
    "representative",
    "chancellor",
    "premier",
    "king",
    "queen",
    "pope",
    "chairman",
    "ambassador",
    "secretary",
    "director",
    "justice",
    "sheriff",
    "captain",
    "colonel",
    "lieutenant",
    "sergeant",
    "admiral",
    "prince",
    "princess",
    "sir",
    "dame",
    "lord",
    "councillor",
    "commissioner",
    "inspector",
    "detective",
    "chief",
    "coach",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "reverend",
    "rev.",
    "pastor",
];

const PRONOUNS_PERSON: &[&str] = &["he", "she", "him", "her"];
const PRONOUNS_ORG: &[&str] = &["it"];
const PRONOUNS_PLURAL: &[&str] = &["they", "them"];

const CONNECTORS: &[&str] = &[
    "of", "for", "in", "and", "de", "al", "van", "von", "der", "bin", "la", "le", "du", "da",
    "del", "dos", "ibn", "the", "&",
];

/// Whether `acr` abbreviates the name `words`: each capitalised word gives its first letters
/// (one only when `initials`), in order, a joining word (`of`, `and`) its first letter or
/// none: `Voice of America` (VOA), `Tokyo Electric Power Company` (TEPCO).
fn abbreviates(acr: &str, words: &[&str], initials: bool) -> bool {
    fn rest(acr: &[char], words: &[Vec<char>], joins: &[bool], initials: bool) -> bool {
        let Some((w, more)) = words.split_first() else {
            return acr.is_empty();
        };
        let join = joins[words.len() - 1];
        if join && rest(acr, more, &joins[..joins.len() - 1], initials) {
            return true;
        }
        let most = if initials || join { 1 } else { w.len() };
        (1..=most.min(acr.len())).any(|n| {
            w[..n]
                .iter()
                .zip(&acr[..n])
                .all(|(a, b)| a.to_uppercase().eq(b.to_uppercase()))
                && rest(&acr[n..], more, &joins[..joins.len() - 1], initials)
        })
    }
    let letters: Vec<Vec<char>> = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect())
        .collect();
    // (Whether each word joins, indexed from the end, as `rest` takes words from the front.)
    let joins: Vec<bool> = words
        .iter()
        .rev()
        .map(|w| CONNECTORS.contains(&w.to_lowercase().as_str()))
        .collect();
    let acr: Vec<char> = acr.chars().collect();
    acr.len() >= 2
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && letters.iter().all(|l| !l.is_empty())
        && rest(&acr, &letters, &joins, initials)
}

/// Adverbs and auxiliaries between a subject and its verb.
const SKIPPABLE: &[&str] = &[
    "also",
    "then",
    "later",
    "again",
    "further",
    "previously",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "recently",
    "earlier",
    "publicly",
    "repeatedly",
    "simply",
    "now",
    "still",
    "just",
    "only",
    "even",
    "then",
    "already",
    "reportedly",
    "allegedly",
    "himself",
    "herself",
    "itself",
    "themselves",
    "is",
    "was",
    "were",
    "are",
    "been",
    "being",
    "did",
    "does",
    "do",
    "not",
    "never",
];

/// The words for a member of a legislature, each standing for the others (`the Florida
/// lawmaker` for `Congresswoman Frederica Wilson`).
/// Lawmakers' titles written before a list of their names (`Senators Susan Collins and …`).
const PLURAL_LAWMAKER_TITLES: &[&str] = &[
    "senators",
    "sens",
    "representatives",
    "reps",
    "congressmen",
    "congresswomen",
];

/// Lawmakers quoted as a group (`wrote the lawmakers`).
const LAWMAKER_GROUPS: &[&str] = &[
    "lawmakers",
    "legislators",
    "senators",
    "members",
    "representatives",
    "congressmen",
    "signers",
    "signatories",
];

const LAWMAKERS: &[&str] = &[
    "lawmaker",
    "legislator",
    "congresswoman",
    "congressman",
    "representative",
    "rep",
    "senator",
    "sen",
    "mp",
];

/// `U.S.`, `U.` and `S.`, `U.K.`: a country's initials, each letter a capital with its stop.
fn country_initials(w: &str) -> bool {
    w.ends_with('.')
        && w.trim_end_matches('.')
            .split('.')
            .all(|s| s.chars().count() == 1 && s.chars().all(char::is_uppercase))
}

/// A name without the titles before it (`Senator King` → `King`; the last word stays).
fn untitled_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let title =
        |w: &&str| is_title_word(w) || lower_is(w, PERSON_TITLES) || lower_is(w, HONORIFICS);
    // (`U.S. Senator Angus King`: a country's initials before the title go with it.)
    let country = words.iter().take_while(|w| country_initials(w)).count();
    let country = if words.get(country).is_some_and(title) {
        country
    } else {
        0
    };
    let titles = country + words[country..].iter().take_while(|w| title(w)).count();
    words[titles.min(words.len().saturating_sub(1))..].join(" ")
}

/// `Globewriter applauds … “…”`, `@mainneli writes: “…”`: a single name or a handle
/// opening a sentence, then a verb in the present tense, before the quotation (a blog or
/// a post summarised): whose words the quotation is.
fn blog_subject(s: &Sent, quote_at: usize) -> Option<Np> {
    let t = &s.toks;
    // (A handle opens a sentence the splitter did not end: `#Tag is trending. @kim writes:`.)
    let starts = std::iter::once(0)
        .chain((1..t.len()).filter(|&k| matches!(t[k - 1].s, "." | "!" | "?") && t[k].s == "@"));
    starts
        .filter(|&k| t.get(k).is_some_and(|f| f.at < quote_at))
        .find_map(|k| subject_then_present_verb(t, k, quote_at))
        .or_else(|| named_after_colon(t, quote_at))
}

/// `“…”: Jamaican litblogger Ann Reid finds …`, `“…”: Harbour Free Press expresses …`: a
/// quotation opening the sentence, a colon, then a name (after at most two words saying
/// what they are) and a verb in the present tense: whose words the quotation is.
fn named_after_colon(t: &[Tok], quote_at: usize) -> Option<Np> {
    if t.first()?.at != quote_at || t.get(1)?.s != ":" {
        return None;
    }
    let v = (2..t.len().min(9)).find(|&k| {
        let w = &t[k];
        w.s.len() > 3
            && w.s.ends_with('s')
            && !w.s.ends_with("ss")
            && w.s.chars().all(|c| c.is_ascii_lowercase())
    })?;
    let first = (2..v)
        .rev()
        .take_while(|&k| t[k].is_cap() && t[k].is_word())
        .last()?;
    if first > 4 || !t[2..first].iter().all(Tok::is_word) {
        return None;
    }
    let name: Vec<&str> = t[first..v].iter().map(|w| w.s).collect();
    (!names::not_name_start(&name[0].to_lowercase())).then(|| Np {
        name: name.join(" "),
        ..Np::default()
    })
}

fn subject_then_present_verb(t: &[Tok], k: usize, quote_at: usize) -> Option<Np> {
    let (name, next) = match t.get(k)? {
        f if f.s == "@" => {
            // (The handle's words and underscores, written together: `@tanui_k`.)
            let mut end = k + 1;
            while t
                .get(end)
                .is_some_and(|h| h.at == t[end - 1].end() && (h.is_word() || h.s == "_"))
            {
                end += 1;
            }
            if end == k + 1 {
                return None;
            }
            let handle: String = t[k + 1..end].iter().map(|h| h.s).collect();
            (format!("@{handle}"), end)
        }
        f if k == 0 && f.is_cap() && f.is_word() && !f.s.contains('.') => (f.s.to_string(), 1),
        _ => return None,
    };
    let v = t.get(next)?;
    // (Not a plural noun after a number or a participle: `Eighty members of …`,
    // `Describing inmates as “…”`.)
    let present = v.s.len() > 3
        && v.s.ends_with('s')
        && !v.s.ends_with("ss")
        && v.s.chars().all(|c| c.is_ascii_lowercase())
        && !name.to_lowercase().ends_with("ing")
        && !t.get(next + 1).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "of", "and", "or", "who", "were", "are", "have", "had", "from",
                ],
            )
        });
    (present && v.end() <= quote_at && !names::not_name_start(&name.to_lowercase())).then(|| Np {
        name,
        ..Np::default()
    })
}

/// A noun phrase naming a speaker, as parsed from the text.
#[derive(Debug, Clone, Default)]
struct Np {
    /// The name, or the description when there is none ("officials").
    name: String,
    role: Option<String>,
    /// The organisation the speaker works for, from the role's "of/for/at ..." or a prefix.
    org: Option<String>,
    /// The appositive or relative clause as written.
    description: Option<String>,
    pronoun: Option<String>,
}

/// One sentence's tokens, with each quotation as a single `\u{1}` token.
struct Sent<'a> {
    text: &'a str,
    range: Range<usize>,
    toks: Vec<Tok<'a>>,
    /// For each token, the quotation it stands for (an index into the paragraph's spans).
    quote_at: Vec<Option<usize>>,
}

const QUOTE_TOK: &str = "\u{1}";

/// Whether a sentence of `text::sentences` ending in `before` + `.` ends on a rank written
/// short, not at a full stop, when `after` follows: `said Spc. | Kevin Jones`, `said Tech. |
/// Sgt. Steven Edmundson` (`Tech.` only before `Sgt.`: not `at Virginia Tech. | He`), `said
/// Lt. j.g. | Trevor Layman` (a grade in lower-case initials after a rank).
fn ends_on_short_rank(before: &str, after: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let lower = last.to_lowercase();
    let next = after.split_whitespace().next().unwrap_or("");
    if !next.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    names::SHORT_RANKS.contains(&lower.as_str())
        || (lower == "tech" && next.trim_end_matches('.').eq_ignore_ascii_case("sgt"))
        || (last.contains('.')
            && last.chars().all(|c| c.is_lowercase() || c == '.')
            && words.next().is_some_and(names::is_title_word))
}

/// `text::sentences`, with a sentence that ends on a rank written short joined to the name
/// that follows it (`ends_on_short_rank`).
fn sentences_joining_ranks(p: &str, spans: &[Span]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in sentences(p, spans) {
        if let Some(last) = out.last_mut() {
            let text = p[last.clone()].trim_end();
            if let Some(before) = text.strip_suffix('.') {
                if ends_on_short_rank(before, &p[r.clone()]) {
                    last.end = r.end;
                    continue;
                }
            }
        }
        out.push(r);
    }
    out
}

/// The sentence of paragraph `p` at `range`, its words inside a quotation span (of
/// `spans`, only those of indexes `across` can hold them) one quotation token.
fn sent<'a>(p: &'a str, range: Range<usize>, spans: &[Span], across: Range<usize>) -> Sent<'a> {
    let raw = tokens(p, range.clone());
    // `Spc.` `Tech.` before a name: the stop is the rank's, as `Sgt.`'s is. (One pass
    // into a new list: a sentence of many ranks costs no more than its length.)
    let mut all = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let w = raw[i];
        if i + 2 < raw.len() {
            let stop = raw[i + 1];
            if stop.s == "."
                && stop.at == w.at + w.s.len()
                && w.is_cap()
                && raw[i + 2].is_cap()
                && ends_on_short_rank(w.s, raw[i + 2].s)
            {
                all.push(Tok {
                    s: &p[w.at..stop.at + 1],
                    at: w.at,
                });
                i += 2;
                continue;
            }
        }
        all.push(w);
        i += 1;
    }
    let mut toks = Vec::with_capacity(all.len());
    let mut quote_at = Vec::with_capacity(all.len());
    let mut last_span = None;
    for t in all {
        if let Some(si) = (across.clone()).find(|&k| spans[k].open <= t.at && t.at < spans[k].close)
        {
            if last_span != Some(si) {
                toks.push(Tok {
                    s: QUOTE_TOK,
                    at: spans[si].open,
                });
                quote_at.push(Some(si));
                last_span = Some(si);
            }
            continue;
        }
        last_span = None;
        toks.push(t);
        quote_at.push(None);
    }
    Sent {
        text: &p[range.clone()],
        range,
        toks,
        quote_at,
    }
}

fn is_speech(t: &Tok) -> bool {
    t.s == "According" || t.is_word() && !t.is_cap() && SPEECH.contains(&t.s)
}

fn is_term_verb(t: &Tok) -> bool {
    t.is_word() && !t.is_cap() && TERM.contains(&t.s)
}

/// Words after which a verb-like word is a noun: `his call for`, `of reports that`.
const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "of",
    "whose", "such",
];

/// Verbs of saying that are also plural nouns ("member states want", "his notes show").
const PLURAL_NOUNS: &[&str] = &[
    "states", "notes", "reports", "claims", "remarks", "answers", "demands", "replies", "mentions",
    "pledges", "promises", "vows", "calls", "views", "terms", "labels", "brands",
];

/// Whether token `i` reads as a verb here, not a noun after a determiner or "of", nor a
/// plural noun followed by its own verb ("Neighbouring states want …"): such a word is a
/// verb of saying only before what is said (`that`, a colon or comma, a quotation, an
/// article or a pronoun).
fn verb_here(toks: &[Tok], i: usize) -> bool {
    if i > 0 && lower_in(&toks[i - 1], NOUN_BEFORE) {
        return false;
    }
    // After "who" or a pronoun, a verb: `who calls journalists “…”`.
    if i > 0 && lower_in(&toks[i - 1], &["who", "which", "he", "she", "it", "that"]) {
        return true;
    }
    !lower_in(&toks[i], PLURAL_NOUNS)
        || toks.get(i + 1).is_none_or(|n| {
            matches!(n.s, ":" | "," | "." | QUOTE_TOK)
                || lower_in(
                    n,
                    &[
                        "that", "the", "a", "an", "it", "this", "his", "her", "their", "its", "as",
                        "to", "what", "how", "why", "in", "on",
                    ],
                )
        })
}

/// A verb of speech at token `i` (not a noun: "reports of", "a call").
fn speech_at(toks: &[Tok], i: usize) -> bool {
    is_speech(&toks[i]) && verb_here(toks, i)
}

/// A verb naming a term at token `i` (not a noun: "his call for").
fn term_at(toks: &[Tok], i: usize) -> bool {
    // A noun before a modal or an auxiliary is its subject: `a jail term would “…”`.
    let subject_noun = lower_in(&toks[i], &["term", "call", "view", "brand", "label"])
        && toks.get(i + 1).is_some_and(|n| {
            lower_in(
                n,
                &[
                    "would", "will", "could", "can", "should", "may", "might", "must", "shall",
                    "is", "was", "has", "had",
                ],
            )
        });
    is_term_verb(&toks[i]) && verb_here(toks, i) && !subject_noun
}

/// Whether a quoted text reads as a title: two words or more, each word of four letters or
/// more capitalised but the prepositions title case leaves in lower case (`Photographs and
/// Prints from the University Collection`), and no sentence punctuation.
fn title_case(text: &str) -> bool {
    const LOWER_IN_TITLES: &[&str] = &["from", "with", "into", "onto", "upon", "over", "than"];
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && !text.trim_end().ends_with(['.', ',', '!', '?'])
        && words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .filter(|w| !LOWER_IN_TITLES.contains(w))
            .all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            })
}

/// He, she, him, her, it, they, them (lower-cased): a pronoun a speaker is resolved from.
fn third_person_pronoun(l: &str) -> bool {
    PRONOUNS_PERSON.contains(&l) || PRONOUNS_ORG.contains(&l) || PRONOUNS_PLURAL.contains(&l)
}

/// He, she, it, they, we, I.
fn is_pronoun(t: &Tok) -> bool {
    let l = t.lower();
    third_person_pronoun(&l) || l == "we" || l == "i"
}

/// Whether a phrase taken for a name is a pronoun (`It’s unclear …` opens no organisation
/// named "It").
fn pronoun_name(name: &str) -> bool {
    // (A pronoun alone: `Her agency` is someone's agency.)
    if name.split_whitespace().count() != 1 {
        return false;
    }
    let first = name.trim();
    let first = first
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase();
    third_person_pronoun(&first) || matches!(first.as_str(), "we" | "i" | "you" | "its" | "their")
}

/// `the government confirmed …, but it has not responded`: the organisation a clause
/// before `floor` is about, written `the NOUN` before its verb.
fn org_of_clause_before(toks: &[Tok], floor: usize) -> Option<Np> {
    (0..floor.saturating_sub(2)).find_map(|i| {
        let noun = toks[i + 1].lower();
        (toks[i].lower() == "the"
            && !toks[i + 1].is_cap()
            && (ORG_NOUNS.contains(&noun.as_str()) || ORG_KIND_NOUNS.contains(&noun.as_str()))
            && toks[i + 2].is_word()
            && !toks[i + 2].is_cap()
            && !lower_in(
                &toks[i + 2],
                &["of", "and", "or", "in", "for", "to", "'s", "’s"],
            ))
        .then(|| Np {
            name: noun,
            ..Np::default()
        })
    })
}

fn is_participle(t: &Tok) -> bool {
    t.s.ends_with("ing")
}

fn lower_in(t: &Tok, list: &[&str]) -> bool {
    list.contains(&t.lower().as_str())
}

/// Whether a token may be part of a name phrase.
fn np_word(t: &Tok) -> bool {
    if !t.is_word() || t.s == QUOTE_TOK {
        return false;
    }
    if t.is_cap() {
        let l = t.lower();
        return !matches!(l.as_str(), "i" | "according")
            && !names::MONTHS.contains(&l.as_str())
            && !names::WEEKDAYS.contains(&l.as_str());
    }
    // `al-Megrahi`, `el-Sisi`: an Arabic article joined to a capitalised name.
    if let Some((pre, rest)) = t.s.split_once('-') {
        if matches!(
            pre,
            "al" | "el" | "ad" | "as" | "ash" | "at" | "ar" | "az" | "ibn" | "bin"
        ) && rest.starts_with(char::is_uppercase)
        {
            return true;
        }
    }
    let l = t.lower();
    let l = l.trim_end_matches("’s").trim_end_matches("'s");
    ORG_NOUNS.contains(&l) || is_title_word(l)
}

fn text_of(p: &str, toks: &[Tok]) -> String {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => p[a.at..b.end()].to_string(),
        _ => String::new(),
    }
}

/// Whether the token at byte `at` of `p` opens a sentence: nothing but space before it,
/// or a sentence's end.
fn starts_sentence(p: &str, at: usize) -> bool {
    let before = p.get(..at).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?'])
}

/// The words the paragraphs capitalise mid-sentence (after a word or a comma), lower-cased
/// and sorted.
fn capitalised_mid_sentence(paragraphs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in paragraphs {
        let toks = tokens(p, 0..p.len());
        for w in toks.windows(2) {
            if w[1].is_cap() && w[1].is_word() && (w[0].is_word() || w[0].s == ",") {
                out.push(w[1].lower());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The runs of two to five capitalised words the paragraphs write (`Thomas Frazer`,
/// `Donald Franklin DuFrame`), without a possessive ending, each once, in order.
fn capitalised_runs(paragraphs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for p in paragraphs {
        let toks = tokens(p, 0..p.len());
        let mut i = 0;
        while i < toks.len() {
            let mut j = i;
            while j < toks.len() && toks[j].is_word() && toks[j].is_cap() {
                j += 1;
            }
            // (Six words: `U.S. National Security Advisor Jake Sullivan`.)
            if (2..=6).contains(&(j - i)) {
                let run = text_of(p, &toks[i..j]);
                let run = run
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .to_string();
                if seen.insert(run.clone()) {
                    out.push(run);
                }
            } else if j - i > 6 {
                // (`House Small Business Committee Chairwoman Nydia Velazquez`: a longer run
                // gives the name after its last title word.)
                if let Some(k) = (i..j).rev().find(|&k| is_title_word(toks[k].s)) {
                    if (2..=4).contains(&(j - k - 1)) {
                        let run = text_of(p, &toks[k + 1..j]);
                        if seen.insert(run.clone()) {
                            out.push(run);
                        }
                    }
                }
            }
            i = j.max(i + 1);
        }
    }
    out
}

/// Parses a name phrase from its tokens: a title or role prefix, the name, an organisation.
/// `ICM's Lawley`, `USF's Erin Kimmerle`: an organisation's possessive (an acronym or an
/// organisation's name) before a person's name: (the person, the organisation); the person
/// speaks, for the organisation.
fn possessive_person(name: &str) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let j = words[..words.len().saturating_sub(1)]
        .iter()
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))?;
    let stem = words[..=j]
        .join(" ")
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    let person = words[j + 1..].join(" ");
    let acronym = stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase());
    let capitalised = words[j + 1..]
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) && !is_title_word(w));
    // (One word, `Lawley`: a person's surname only when the article names that person;
    // the caller checks.)
    let person_like = kind_of(&person, "") == PartyKind::Person
        || words.len() == j + 2 && !names::is_place(&person);
    ((acronym || is_org_name(&stem))
        && capitalised
        && person_like
        && !names::names_a_thing(&person))
    .then_some((person, stem))
}

fn np_from(p: &str, toks: &[Tok]) -> Option<Np> {
    // `Her agency`: kept whole, for the organisation the person speaks for.
    if let [owner, noun] = toks {
        let l = noun.lower();
        if lower_in(owner, &["his", "her", "their"])
            && (ORG_NOUNS.contains(&l.as_str()) || ORG_KIND_NOUNS.contains(&l.as_str()))
        {
            return Some(Np {
                name: text_of(p, toks),
                ..Np::default()
            });
        }
    }
    let mut toks = toks;
    while let Some(f) = toks.first() {
        if lower_in(
            f,
            &["the", "a", "an", "and", "of", "for", "in", "on", "’s", "'s"],
        ) || f.is("The")
            || (f.is_cap() && names::not_name_start(&f.lower()) && toks.len() > 1)
            || (f.is_cap()
                && toks.len() > 1
                && names::is_opener(&f.lower())
                && starts_sentence(p, f.at))
        {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    while let Some(l) = toks.last() {
        if CONNECTORS.contains(&l.lower().as_str()) {
            toks = &toks[..toks.len() - 1];
        } else {
            break;
        }
    }
    if toks.is_empty() || toks.len() == 1 && names::is_sentence_adverb(&toks[0].lower()) {
        return None;
    }
    // A day, an event, a place: a name as a whole, with no role in it ("World Press
    // Freedom Day" is not "Freedom Day", a member of the "World Press").
    let whole = text_of(p, toks);
    if names::names_a_thing(&whole) {
        return Some(Np {
            name: whole,
            ..Np::default()
        });
    }
    // `Matthew Ingram of The Globe and Mail`: a person's name, then where they work;
    // `Sophal of Occidental College`, `Stelmach in Edmonton`: a surname alone, then a
    // body or a place.
    if let Some(k) = toks
        .iter()
        .position(|t| lower_in(t, &["of", "at", "from", "for", "in"]) && !t.is_cap())
    {
        // Titles before the name are the role: `Economist Sara Lind of Nordic Bank`.
        let titles = toks[..k].iter().take_while(|t| is_title_word(t.s)).count();
        let name = &toks[titles..k];
        let role = (titles > 0).then(|| text_of(p, &toks[..titles]));
        let rest = &toks[k + 1..];
        let name_text = text_of(p, name);
        let rest_text = text_of(p, rest);
        let rest_text = rest_text
            .strip_prefix("the ")
            .or_else(|| rest_text.strip_prefix("The "))
            .unwrap_or(&rest_text);
        let at_org = is_org_name(rest_text);
        let surname = name.len() == 1
            && !toks[k].is("for")
            && (at_org || names::is_place(rest_text))
            && !names::is_place(&name_text)
            && !ORG_NOUNS.contains(&name_text.to_lowercase().as_str())
            && !ORG_KIND_NOUNS.contains(&name_text.to_lowercase().as_str());
        if ((2..=3).contains(&name.len()) && (at_org || !toks[k].is("in")) || surname)
            && name.iter().all(|t| t.is_cap() && !is_title_word(t.s))
            // (A lone word is a surname when no word of a body is in it: described as
            // someone, it is a person.)
            && kind_of(&name_text, if surname { "someone" } else { "" }) == PartyKind::Person
            && rest.first().is_some_and(|t| t.is_cap() || t.is("the"))
            && (at_org
                || rest
                    .iter()
                    .all(|t| (t.is_cap() || t.s == "-") && !is_title_word(t.s)))
        {
            return Some(Np {
                name: name_text,
                role,
                org: at_org.then(|| rest_text.to_string()),
                ..Np::default()
            });
        }
    }
    // The name: the last run of capitalised words that are not titles.
    let mut k = toks.len();
    while k > 0 {
        let t = &toks[k - 1];
        let joins = k >= 2
            && k < toks.len()
            && lower_in(
                t,
                &[
                    "de", "van", "von", "der", "bin", "al", "la", "le", "du", "da", "del", "dos",
                    "ibn",
                ],
            );
        if (t.is_cap() && !is_title_word(t.s)) || joins {
            k -= 1;
        } else {
            break;
        }
    }
    if let Some((name, org)) = possessive_person(&text_of(p, &toks[k..]))
        .filter(|(name, _)| kind_of(name, "") == PartyKind::Person)
    {
        return Some(Np {
            name,
            org: Some(org),
            ..Np::default()
        });
    }
    let prefix = &toks[..k];
    let name_toks = &toks[k..];
    let person_name = name_toks.len() >= 2
        || prefix.iter().any(|t| !t.is_cap())
        || prefix.last().is_some_and(|t| lower_in(t, HONORIFICS));
    if !name_toks.is_empty()
        && !prefix.is_empty()
        && person_name
        && prefix
            .last()
            .is_some_and(|t| is_title_word(t.s) || t.lower().ends_with("spokesperson"))
    {
        // "Foreign Ministry spokesperson Mao Ning", "President Joe Biden"
        let mut r = prefix.len();
        while r > 0
            && (is_title_word(prefix[r - 1].s)
                || lower_in(&prefix[r - 1], &["of", "for"]) && r < prefix.len())
        {
            r -= 1;
        }
        let org_toks = &prefix[..r];
        let role_toks = &prefix[r..];
        let org = (!org_toks.is_empty()).then(|| text_of(p, org_toks));
        let org_is_org = org.as_deref().is_some_and(|o| {
            matches!(
                kind_of(o, ""),
                PartyKind::Government
                    | PartyKind::Company
                    | PartyKind::Organization
                    | PartyKind::Media
            ) && o.split_whitespace().count() >= 1
                && (o.split_whitespace().count() > 1
                    || ORG_NOUNS.iter().all(|n| !o.eq_ignore_ascii_case(n)))
        });
        let (role, org) = if org_is_org && is_org_name(org.as_deref().unwrap_or("")) {
            (text_of(p, role_toks), org)
        } else {
            (text_of(p, prefix), None)
        };
        return Some(Np {
            name: text_of(p, name_toks),
            role: Some(role),
            org,
            ..Np::default()
        });
    }
    if name_toks.is_empty() || (prefix.is_empty() && name_toks.len() == toks.len()) {
        // Only a description ("a spokesperson", "officials") or only a name.
        let all = text_of(p, toks);
        // "Alibaba spokesperson": an organisation's spokesperson.
        if toks.len() >= 2
            && toks.last().is_some_and(|t| {
                lower_in(
                    t,
                    &[
                        "spokesperson",
                        "spokesman",
                        "spokeswoman",
                        "official",
                        "officials",
                        "representative",
                        "representatives",
                        "spokespeople",
                        "executive",
                        "executives",
                        "lawyer",
                        "lawyers",
                    ],
                )
            })
        {
            let org = text_of(p, &toks[..toks.len() - 1]);
            if is_org_name(&org) {
                return Some(Np {
                    name: all,
                    role: Some(toks[toks.len() - 1].s.to_string()),
                    org: Some(org),
                    ..Np::default()
                });
            }
        }
        return Some(Np {
            name: all,
            ..Np::default()
        });
    }
    // A prefix that is not a title: keep the whole phrase as the name
    // ("Chinese embassy in Washington").
    Some(Np {
        name: text_of(p, toks),
        ..Np::default()
    })
}

/// Whether the capitalised run `toks[st..end]` (`name`) names a place, never a person a
/// later "he said" could mean: a country, capital, U.S. state or large city
/// ([`names::is_place`]: `surrounding Phnom Penh`, `post-Khmer Rouge Cambodia`); a name
/// before a place noun (`northern Siem Reap province`); `Phnom Penh-based`; a name after a
/// preposition of place (`in Prek Chrey`, `from Scotia`), unless possessive (`in Hun
/// Sen's speech`).
fn names_a_place(toks: &[Tok], st: usize, end: usize, name: &str) -> bool {
    const PLACE_NOUNS: &[&str] = &[
        "province",
        "provinces",
        "commune",
        "communes",
        "district",
        "districts",
        "village",
        "villages",
        "city",
        "county",
        "state",
        "region",
        "town",
        "township",
        "prefecture",
        "border",
        "capital",
        "neighborhood",
        "neighbourhood",
        "suburb",
    ];
    const PLACE_PREPOSITIONS: &[&str] = &[
        "in",
        "at",
        "from",
        "near",
        "outside",
        "across",
        "around",
        "throughout",
        "into",
        "inside",
        "toward",
        "towards",
        "surrounding",
    ];
    let last = toks[end - 1].s;
    let possessive = last.ends_with("'s") || last.ends_with("’s");
    names::is_place(name)
        || toks.get(end).is_some_and(|t| lower_in(t, PLACE_NOUNS))
        || last.ends_with("-based")
        || st > 0 && !possessive && lower_in(&toks[st - 1], PLACE_PREPOSITIONS)
}

/// Whether a phrase names an organisation rather than a person or a nationality.
fn is_org_name(s: &str) -> bool {
    let k = kind_of(s, "");
    let lower = s.to_lowercase();
    matches!(
        k,
        PartyKind::Government | PartyKind::Company | PartyKind::Organization | PartyKind::Media
    ) && (s.split_whitespace().count() > 1
        || names::ORG_NOUNS.iter().all(|n| *n != lower)
        || s.chars().next().is_some_and(char::is_uppercase))
        && !matches!(k, PartyKind::Organization if s.split_whitespace().count() == 1 && s.ends_with("ese") || s.ends_with("an"))
}

/// Parses "a senior fellow at the X Center" into a role and an organisation.
fn appositive(desc: &str) -> (Option<String>, Option<String>) {
    let d = desc
        .trim()
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_start_matches("the ")
        .trim_start_matches("who is ")
        .trim();
    if d.starts_with("who ") || d.starts_with("which ") {
        return (None, None);
    }
    for sep in [" at ", " of ", " for ", " with ", " from "] {
        if let Some((role, org)) = d.split_once(sep) {
            let org = org.trim().trim_start_matches("the ").trim();
            let org = org.split(" who ").next().unwrap_or(org).trim();
            if !role.is_empty() && !org.is_empty() && role.split_whitespace().count() <= 6 {
                return (Some(role.trim().to_string()), Some(org.to_string()));
            }
        }
    }
    if d.split_whitespace().count() <= 6 && !d.is_empty() {
        (Some(d.to_string()), None)
    } else {
        (None, None)
    }
}

/// A description, then the name set off by commas: `the U.N.'s high commissioner for human
/// rights, Volker Turk,` / `Lebanon's top diplomat, Abdallah Bouhabib,` from token `d`. The
/// description starts with an article, a possessive or a title; the name is two to four
/// capitalised words that read as a person's. Gives the name with the description as its
/// role, and the token after the second comma.
fn lower_is(w: &str, list: &[&str]) -> bool {
    list.contains(&w.to_lowercase().as_str())
}

/// Nouns that end like adverbs: `the minister's family said` is not `the minister said`.
const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "allies",
    "rally",
    "assembly",
    "supply",
    "monopoly",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "bully",
    "anomaly",
    "homily",
];

/// `a source close to Collins`, `two people familiar with her plans`, `an official
/// briefed on the talks` ending at `end`: an unnamed source, not the one they are close to.
fn unnamed_source(p: &str, toks: &[Tok], floor: usize, end: usize) -> Option<Np> {
    let lo = end.saturating_sub(12).max(floor);
    let m = (lo..end.saturating_sub(2)).rev().find(|&m| {
        let pair = |a: &str, b: &str| toks[m].is(a) && toks[m + 1].is(b);
        pair("close", "to")
            || pair("familiar", "with")
            || pair("knowledge", "of")
            || pair("briefed", "on")
            || pair("knowledgeable", "about")
            || pair("loyal", "to")
    })?;
    if !(m + 2..end).all(|x| toks[x].is_word()) || speech_at(toks, end - 1) {
        return None;
    }
    let d = (m.saturating_sub(5).max(floor)..m).rev().find(|&d| {
        lower_in(
            &toks[d],
            &[
                "a", "an", "the", "one", "two", "three", "several", "some", "people", "sources",
            ],
        )
    })?;
    if !(d + 1..m).all(|x| toks[x].is_word() && !toks[x].is_cap()) {
        return None;
    }
    let n = if lower_in(&toks[d], &["people", "sources"]) {
        d
    } else {
        d + 1
    };
    (n < m).then(|| Np {
        name: text_of(p, &toks[n..end]),
        ..Np::default()
    })
}

/// What an organisation is called before its name is set off after it (`the company,
/// Railcore Ltd,`).
const ORG_KIND_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "agency",
    "organization",
    "organisation",
    "charity",
    "union",
    "party",
    "network",
    "broadcaster",
    "bank",
    "airline",
    "carrier",
    "retailer",
    "maker",
    "developer",
    "operator",
    "regulator",
    "lender",
    "insurer",
    "manufacturer",
    "startup",
    "publisher",
    "newspaper",
    "channel",
    "club",
    "council",
    "ministry",
];

/// Whether the quotation at token `q` follows a verb naming a term: `termed an “…”`,
/// `described as a “…”`, `called it “…”`.
fn termed_just_before(toks: &[Tok], q: usize) -> bool {
    let mut b = q;
    while b > 0
        && lower_in(
            &toks[b - 1],
            &["a", "an", "the", "as", "it", "them", "this"],
        )
        && q - b < 3
    {
        b -= 1;
    }
    b > 0 && term_at(toks, b - 1)
}

/// The group of people a sentence opens with: `The four men have …`, `These villagers
/// say …` (an article or demonstrative, up to three lower-case words, the last a plural
/// noun of people, then a verb).
fn people_group(p: &str, toks: &[Tok]) -> Option<String> {
    let plural = |w: &str| {
        matches!(w, "men" | "women" | "people" | "children")
            || [
                "ers", "ists", "ants", "ents", "ians", "ors", "ees", "ives", "ials",
            ]
            .iter()
            .any(|x| w.ends_with(x))
    };
    // `According to Gateway executives, …`: the group the sentence cites.
    if toks.len() > 4 && toks[0].is("According") && toks[1].is("to") {
        let c = (2..toks.len().min(8)).find(|&i| toks[i].s == ",")?;
        let last = &toks[c - 1];
        return (c > 2
            && !last.is_cap()
            && plural(&last.lower())
            && (2..c).all(|i| toks[i].is_word()))
        .then(|| text_of(p, &toks[2..c]));
    }
    // `The four men have …`, `Gateway executives say …`.
    let start = usize::from(
        toks.first()
            .is_some_and(|t| lower_in(t, &["the", "these", "those"])),
    );
    let mut e = start;
    while e < toks.len().min(start + 5) && toks[e].is_word() && !is_pronoun(&toks[e]) {
        e += 1;
    }
    // The noun is the word before the verb (`have`, `are`, `were`, `say`, …).
    let verb = (start + 1..e).find(|&i| {
        lower_in(
            &toks[i],
            &[
                "have", "are", "were", "had", "say", "said", "will", "would", "could", "did",
            ],
        )
    })?;
    let noun = &toks[verb - 1];
    let opens = start == 1 || toks[start].is_cap() && verb - start >= 2;
    (opens && !noun.is_cap() && plural(&noun.lower())).then(|| text_of(p, &toks[start..verb]))
}

/// `according to a statement from the ministry`: the author of the document named, when
/// the phrase at `np` (ending at token `end`) is a document `from`, `by` or `of` someone.
fn document_author(p: &str, toks: &[Tok], np: Np, end: usize, stop: usize) -> Np {
    let doc = np
        .name
        .split_whitespace()
        .last()
        .is_some_and(|w| STATEMENT_OWNED.contains(&w.to_lowercase().as_str()));
    if !doc || end + 1 >= stop || !lower_in(&toks[end], &["from", "by", "of"]) {
        return np;
    }
    np_after_verb(p, toks, end + 1, stop)
        .map(|(author, _)| author)
        .filter(|a| a.pronoun.is_none())
        .unwrap_or(np)
}

/// Each token's depth inside round brackets (a closing bracket counts as inside).
fn bracket_depths(toks: &[Tok]) -> Vec<usize> {
    let mut depth = 0usize;
    toks.iter()
        .map(|t| match t.s {
            "(" => {
                depth += 1;
                depth
            }
            ")" => {
                let d = depth;
                depth = depth.saturating_sub(1);
                d
            }
            _ => depth,
        })
        .collect()
}

fn role_then_name(p: &str, toks: &[Tok], d: usize, stop: usize) -> Option<(Np, usize)> {
    let first = toks.get(d).filter(|_| d < stop)?;
    let article = lower_in(first, &["the", "a", "an", "one", "another"]);
    // `Her neighbor, Tom Reed,`: a possessive pronoun before a role is no subject pronoun.
    let owned = |t: &Tok| t.s.ends_with("'s") || t.s.ends_with("’s");
    // (`Tom Reed’s wife, Ana,`: a name's possessive before the role.)
    let named_owner = (d..stop.min(d + 5))
        .take_while(|&i| toks[i].is_cap() && toks[i].is_word())
        .any(|i| owned(&toks[i]));
    let possessive = first.is_cap() && owned(first)
        || named_owner
        || lower_in(first, &["his", "her", "their", "its"]);
    if !(article || possessive || is_title_word(first.s)) {
        return None;
    }
    // The role may hold a gloss in brackets: `The secretary general of CEI (Italian
    // Episcopal Conference), X,`.
    let depth = bracket_depths(&toks[d..stop.min(d + 24)]);
    let c = (d + 1..stop.min(d + 24)).find(|&i| toks[i].s == "," && depth[i - d] == 0)?;
    if depth[c - d] != 0
        || (d..c).any(|i| {
            matches!(toks[i].s, "." | ";" | ":" | QUOTE_TOK | "—" | "–") && depth[i - d] == 0
                || matches!(toks[i].s, "(" | ")") && c - d > 16
                || speech_at(toks, i)
                || is_pronoun(&toks[i]) && !(i == d && possessive)
        })
    {
        return None;
    }
    // The name ends at a comma, or with the clause (`said the U.S. ambassador to the
    // United Nations, Linda Thomas-Greenfield.`), or, the closing comma left out, at the
    // verb (`Afghanistan's president, Hamid Karzai criticized …`).
    let verb_after = || {
        let v = (c + 1..stop.min(c + 6)).find(|&i| !toks[i].is_cap())?;
        (v >= c + 3
            && toks[v].is_word()
            && toks[v].s.ends_with("ed")
            && !lower_in(&toks[v], &["and", "or", "of"]))
        .then_some(v)
    };
    let (e, skip) = match (c + 1..stop.min(c + 6))
        .find(|&i| matches!(toks[i].s, "," | "." | ";" | QUOTE_TOK))
        .or_else(|| (stop <= c + 5 && stop == toks.len()).then_some(stop))
    {
        Some(e) => (e, 1),
        None => (verb_after()?, 0),
    };
    // `The company, Railcore Ltd, said`: an organisation named after its kind.
    let kind_noun = (article && c == d + 2)
        .then(|| toks[d + 1].lower())
        .filter(|w| ORG_KIND_NOUNS.contains(&w.as_str()));
    let named = &toks[c + 1..e];
    if kind_noun.is_some()
        && (1..=5).contains(&named.len())
        && named[0].is_cap()
        && named
            .iter()
            .all(|t| t.is_cap() || lower_in(t, &["of", "and", "&", "for"]))
    {
        let name_text = text_of(p, named);
        if kind_of(&name_text, "") != PartyKind::Person || is_org_name(&name_text) {
            return Some((
                Np {
                    name: name_text,
                    description: kind_noun.map(|k| format!("the {k}")),
                    ..Np::default()
                },
                (e + 1).min(stop),
            ));
        }
    }
    let mut name = &toks[c + 1..e];
    // A rank before the name is part of the role: `a police spokesperson, Insp. Jane Mwangi,`.
    while name.len() > 2 && is_title_word(name[0].s) {
        name = &name[1..];
    }
    // (One name alone after a relative: `Her husband, Tom,`.)
    let least = if possessive { 1 } else { 2 };
    if !(least..=4).contains(&name.len()) || !name.iter().all(|t| t.is_cap() && t.is_word()) {
        return None;
    }
    let name_text = text_of(p, name);
    let one_name = possessive && name.len() == 1;
    if kind_of(&name_text, "") != PartyKind::Person && !one_name || names::names_a_thing(&name_text)
    {
        return None;
    }
    let role = if article || lower_in(first, &["his", "her", "their", "its"]) {
        &toks[d + 1..c]
    } else {
        &toks[d..c]
    };
    if role.is_empty() {
        return None;
    }
    Some((
        Np {
            name: name_text,
            role: Some(text_of(p, role)),
            ..Np::default()
        },
        // (Past the closing comma, but never past `stop`: the name may end the clause.)
        (e + skip).min(stop),
    ))
}

/// The name phrase that ends right before token `end` (exclusive), not reaching before
/// `floor`; skips adverbs and an appositive between commas.
/// The one a relative clause before the verb at `end` is about: `Evan Kohlmann, who tracks
/// … for NBC News said` (no comma after the clause), `Terence Fan, an expert from Y, who
/// said`, `Netta, who performed …, chicken noises, …, said` (commas inside the clause):
/// the name before `, who`, not the last name of the clause.
fn relative_antecedent(p: &str, toks: &[Tok], floor: usize, end: usize) -> Option<Np> {
    let w = (floor..end).rev().find(|&i| toks[i].is("who"))?;
    if w < floor + 2 || toks[w - 1].s != "," {
        return None;
    }
    if (w + 1..end).any(|i| matches!(toks[i].s, ";" | ":" | "." | "(")) {
        return None;
    }
    // The clause's antecedent, read back from its comma: through an appositive (`X, an
    // expert from Y,`) when a description set off by commas comes just before.
    let prev = (floor..w - 1).rev().find(|&i| toks[i].s == ",");
    let appositive = prev.is_some_and(|c| {
        toks.get(c + 1).is_some_and(|t| {
            lower_in(t, &["a", "an", "the"]) || t.s.starts_with(char::is_lowercase)
        })
    });
    let np = np_backward(p, toks, floor, if appositive { w } else { w - 1 })?;
    (np.pronoun.is_none() && np.name.starts_with(char::is_uppercase)).then_some(np)
}

/// `Patrick Leahy, a Democrat on the Senate Judiciary committee, said Trump's “…”`,
/// `Sejdiu, in a live interview with VOA, also said Kosovo will “…”`: the verb at `v` comes
/// right after a phrase set off by commas that follows a name opening the clause. That
/// name is the verb's subject; a name after the verb begins what was said (`said Trump's
/// “…”`), it is no tag turned round.
fn set_off_after_name(toks: &[Tok], floor: usize, v: usize) -> bool {
    let mut c = v;
    while c > floor && lower_in(&toks[c - 1], SKIPPABLE) {
        c -= 1;
    }
    if c < floor + 4 || toks[c - 1].s != "," {
        return false;
    }
    let mut k = c - 1;
    while k > floor
        && !matches!(toks[k - 1].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")")
        && c - 1 - k < 25
    {
        k -= 1;
    }
    if k <= floor + 1 || toks[k - 1].s != "," || k + 1 >= c {
        return false;
    }
    let comma = k - 1;
    let mut m = comma;
    while m > floor && toks[m - 1].is_cap() && toks[m - 1].is_word() {
        m -= 1;
    }
    let opens = m == floor || matches!(toks[m - 1].s, "." | ";" | ":" | QUOTE_TOK);
    opens
        && m < comma
        && comma - m <= 5
        && !names::is_sentence_adverb(&toks[m].lower())
        && !names::not_name_start(&toks[m].lower())
}

/// `Mary Lou McDonald, leader of the Sinn Féin party said`, `Erwin Chemerinsky, Dean of UC
/// Berkeley School of Law called it`, `Nurta Hussein, another resident said`, `Ellen Laipson,
/// the other ex-CIA official also stated`: a person's name opening the clause, then a comma
/// and their description (with no verb, pronoun or relative word; not only `… of …`), whose
/// closing comma the article left out before the verb at `end`: the person speaks, not the
/// role or the body last in the description.
fn unclosed_appositive(p: &str, toks: &[Tok], floor: usize, end: usize) -> Option<Np> {
    // (Auxiliaries before the verb: `… Committee had speculated`.)
    let mut j = end;
    while j > floor && lower_in(&toks[j - 1], SKIPPABLE) {
        j -= 1;
    }
    if j <= floor + 3 || toks[j - 1].s == "," {
        return None;
    }
    let mut k = j;
    while k > floor
        && !matches!(toks[k - 1].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")")
        && j - k < 20
    {
        k -= 1;
    }
    if k <= floor + 2 || toks[k - 1].s != "," || k + 2 > j {
        return None;
    }
    let desc = &toks[k..j];
    let first = &desc[0];
    if !(lower_in(first, &["a", "an", "the"]) || !first.is_cap() || is_title_word(first.s))
        || desc.iter().any(|t| {
            is_pronoun(t)
                || is_speech(t)
                || lower_in(t, SKIPPABLE)
                || lower_in(
                    t,
                    &[
                        "who", "whose", "which", "that", "whom", "where", "when", "while",
                    ],
                )
                || lower_in(t, &["his", "her", "their", "its"])
        })
    {
        return None;
    }
    let comma = k - 1;
    let mut m = comma;
    while m > floor && toks[m - 1].is_cap() && toks[m - 1].is_word() {
        m -= 1;
    }
    let opens = m == floor
        || matches!(toks[m - 1].s, "." | ";" | ":" | QUOTE_TOK)
        || lower_in(&toks[m - 1], &["and", "but"]);
    if !opens || m == comma {
        return None;
    }
    let mut np = np_from(p, &toks[m..comma])?;
    if np.pronoun.is_some()
        || fold_words(&np.name).len() < 2
        || np.name.split_whitespace().any(is_title_word)
        || kind_of(&np.name, "") != PartyKind::Person
    {
        return None;
    }
    np.description = Some(text_of(p, desc));
    Some(np)
}

/// `Cardinal Marc Ouellet of the Holy See said`, `Timo Soini from the nationalist opposition
/// Finns Party commented`: the organisation `toks[i..j]` just before the verb follows a
/// person's name and `of`, `from` or `with`: the person speaks (for the organisation), not
/// the organisation. The name is two capitalised words or more (titles before it are their
/// role); up to three lower-case words (`the nationalist opposition`) may stand between the
/// preposition and the organisation's name.
fn person_of_org(p: &str, toks: &[Tok], floor: usize, i: usize, j: usize) -> Option<Np> {
    if i >= j {
        return None;
    }
    let org_text = text_of(p, &toks[i..j]);
    let after_the = org_text.strip_prefix("the ");
    let org_text = after_the
        .or_else(|| org_text.strip_prefix("The "))
        .unwrap_or(&org_text);
    // (A name after a lower-case "the" is no person's, whatever its shape: `the Holy See`.)
    let the_name = after_the.is_some()
        && org_text
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
    if !the_name && (!is_org_name(org_text) || kind_of(org_text, "") == PartyKind::Person) {
        return None;
    }
    let mut k = i;
    let mut adjectives = 0;
    while k > floor
        && adjectives < 3
        && toks[k - 1].is_word()
        && !toks[k - 1].is_cap()
        && !lower_in(
            &toks[k - 1],
            &["of", "from", "with", "the", "and", "or", "to"],
        )
        && !is_speech(&toks[k - 1])
        && !is_pronoun(&toks[k - 1])
    {
        k -= 1;
        adjectives += 1;
    }
    if k > floor && toks[k - 1].is("the") && !toks[k - 1].is_cap() {
        k -= 1;
    } else if adjectives > 0 {
        // Lower-case words with no article before them: `members of opposition parties`.
        return None;
    }
    if k <= floor + 1 || toks[k - 1].is_cap() || !lower_in(&toks[k - 1], &["of", "from", "with"]) {
        return None;
    }
    let of = k - 1;
    let mut m = of;
    while m > floor && toks[m - 1].is_cap() && toks[m - 1].is_word() {
        m -= 1;
    }
    let mut np = np_from(p, &toks[m..of])?;
    let words = fold_words(&np.name);
    if np.pronoun.is_some()
        || np.org.is_some()
        || words.len() < 2
        || np.name.split_whitespace().any(is_title_word)
        || kind_of(&np.name, "") != PartyKind::Person
    {
        return None;
    }
    np.org = Some(org_text.to_string());
    Some(np)
}

fn np_backward(p: &str, toks: &[Tok], floor: usize, end: usize) -> Option<Np> {
    // `Congressman Tim Scott (R-SC) said`, `Rep. Ana Ruiz (OK-05) said`: a short gloss in
    // brackets right after a name (a party and state, a district, an acronym, an age) is
    // no part of the name and hides nothing of it.
    let mut end = end;
    if end >= floor + 4 && toks[end - 1].s == ")" {
        let open = (end.saturating_sub(7).max(floor)..end - 1)
            .rev()
            .find(|&i| matches!(toks[i].s, "(" | ")" | QUOTE_TOK));
        if let Some(o) = open.filter(|&o| {
            toks[o].s == "(" && o > floor + 1 && o + 1 < end - 1 && toks[o - 1].is_cap()
        }) {
            end = o;
        }
    }
    if let Some(np) = unnamed_source(p, toks, floor, end) {
        return Some(np);
    }
    let mut j = end;
    while j > floor
        && toks[j - 1].is_word()
        && !toks[j - 1].is_cap()
        && (lower_in(&toks[j - 1], SKIPPABLE)
            || toks[j - 1].s.ends_with("ly")
                && toks[j - 1].s.len() > 4
                && !lower_in(&toks[j - 1], LY_NOUNS))
    {
        j -= 1;
    }
    let mut description = None;
    if j > floor + 1 && toks[j - 1].s == "," {
        // An appositive: `X, a senior fellow at Y, said`.
        let mut k = j - 1;
        while k > floor
            && !matches!(toks[k - 1].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")")
            && j - 1 - k < 25
        {
            k -= 1;
        }
        if k > floor && toks[k - 1].s == "," && k + 1 < j {
            // `the U.N.'s high commissioner for human rights, Volker Turk, told`; a gloss
            // in brackets is part of the role (`the head of CEI (Italian Episcopal
            // Conference), X,`).
            let mut d = k - 1;
            while d > floor {
                if toks[d - 1].s == ")" {
                    match (floor..d - 1)
                        .rev()
                        .find(|&i| matches!(toks[i].s, "(" | ")"))
                    {
                        Some(o) if toks[o].s == "(" => {
                            d = o;
                            continue;
                        }
                        _ => break,
                    }
                }
                if matches!(toks[d - 1].s, "," | "." | ";" | ":" | QUOTE_TOK | "(") {
                    break;
                }
                d -= 1;
            }
            if let Some((np, e)) = role_then_name(p, toks, d, j) {
                if e == j {
                    return Some(np);
                }
            }
            let first = &toks[k];
            let inner = &toks[k..j - 1];
            if lower_in(first, &["a", "an", "the", "who", "whose", "which"])
                || (!first.is_cap() && first.is_word())
            {
                description = Some(text_of(p, inner));
                j = k - 1;
                // `Anderson Cooper, of CNN, one of her four sons, stated`, `Kem Sokha,
                // president of the party, which has three seats, said`: a second phrase set
                // off before the first, back to the name it describes.
                loop {
                    let mut b = j;
                    while b > floor
                        && !matches!(toks[b - 1].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")")
                        && j - b < 25
                    {
                        b -= 1;
                    }
                    // (Only after a name opening the clause, and no relative clause
                    // first: `… killed Yahya Sinwar, the leader of Hamas, …, saying`.)
                    let mut m = b.saturating_sub(1);
                    while m > floor && toks[m - 1].is_cap() && toks[m - 1].is_word() {
                        m -= 1;
                    }
                    let described = b > floor + 1
                        && b < j
                        && toks[b - 1].s == ","
                        && m + 1 < b
                        && (m == floor || matches!(toks[m - 1].s, "." | ";" | ":" | QUOTE_TOK))
                        && !names::not_name_start(&toks[m].lower())
                        && !lower_in(&toks[b], &["who", "whose", "which", "that", "where"])
                        && (lower_in(&toks[b], &["a", "an", "the"])
                            || !toks[b].is_cap() && toks[b].is_word());
                    if !described {
                        break;
                    }
                    description = Some(text_of(p, &toks[b..j]));
                    j = b - 1;
                }
            } else if inner.len() <= 4
                && inner.iter().all(|t| t.is_cap() && t.is_word())
                && k >= 2
                && (is_title_word(toks[k - 2].s) || toks[k - 2].lower().ends_with("spokesperson"))
            {
                // `Police spokesman, John Smith, said`: the name set off after its role.
                let mut r = k - 1;
                while r > floor
                    && (np_word(&toks[r - 1]) || CONNECTORS.contains(&toks[r - 1].lower().as_str()))
                {
                    r -= 1;
                }
                let joined: Vec<Tok> = toks[r..k - 1].iter().chain(inner).copied().collect();
                if let Some(np) = np_from(p, &joined) {
                    return Some(np);
                }
            }
        }
    }
    if j > floor {
        let t = &toks[j - 1];
        let l = t.lower();
        if third_person_pronoun(&l) || l == "we" || l == "i" {
            return Some(Np {
                name: t.s.to_string(),
                pronoun: Some(l),
                ..Np::default()
            });
        }
    }
    let mut i = j;
    while i > floor {
        let t = &toks[i - 1];
        let connects = i < j
            && i - 1 > floor
            && CONNECTORS.contains(&t.lower().as_str())
            && !t.is("the")
            && np_word(&toks[i - 2])
            && toks[i].is_cap();
        if np_word(t) || connects {
            i -= 1;
        } else if i < j && t.is("the") {
            i -= 1;
            break;
        } else {
            break;
        }
    }
    // `The Ministry of Trade, Industry and Energy said`: a name whose list of portfolios
    // holds a comma, read from its start.
    if i >= floor + 3
        && i < j
        && toks[i - 1].s == ","
        && toks[i - 2].is_cap()
        && (i..j).any(|x| toks[x].is("and"))
    {
        let mut k = i - 2;
        while k > floor && (toks[k - 1].is_cap() && toks[k - 1].is_word() || toks[k - 1].is("of")) {
            k -= 1;
        }
        if (k..i - 1).any(|x| toks[x].is("of")) && is_org_name(&text_of(p, &toks[k..j])) {
            i = k;
        }
    }
    // `a letter seen by Sky News says`, `a memo obtained by VOA said`: the one who saw
    // the document does not speak it.
    // (But `was joined by X, who said …`: the relative clause is about X.)
    let relative =
        toks.get(end).is_some_and(|t| t.s == ",") && toks.get(end + 1).is_some_and(|t| t.is("who"));
    if i > floor + 1
        && i < j
        && !relative
        && toks[i - 1].is("by")
        && (toks[i - 2].s.ends_with("ed")
            || lower_in(
                &toks[i - 2],
                &["seen", "written", "shown", "given", "taken"],
            ))
    {
        return None;
    }
    if let Some(np) = person_of_org(p, toks, floor, i, j) {
        return Some(np);
    }
    // A run that only holds a sentence-starting word ("But") is no name.
    let mut run = &toks[i..j];
    if run.is_empty() {
        // Someone described, not named: `the nurse`, `a local resident`, `one protester`.
        // Lower-case words, with capitalised adjectives among them (`a senior European
        // diplomat`), the last one lower-case.
        let plain = |x: usize| {
            let t = &toks[x];
            t.is_word()
                && (!t.is_cap() || x + 1 < j && !is_pronoun(t))
                && !is_pronoun(t)
                && !lower_in(t, SKIPPABLE)
                && !is_speech(t)
        };
        // The phrase must start the clause: not `section of the site`.
        let starts = |d: usize| {
            d == floor
                || !toks[d - 1].is_word()
                || lower_in(&toks[d - 1], &["and", "but", "then", "later", "as", "so"])
        };
        let det = (1..=5).map(|w| j.checked_sub(w)).find_map(|d| {
            let d = d.filter(|&d| d >= floor)?;
            (lower_in(
                &toks[d],
                &["the", "a", "an", "one", "another", "his", "her", "their"],
            ) && starts(d)
                && (d + 1..j).all(plain)
                && d + 1 < j)
                .then_some(d)
        });
        // Or a plural group with no article, from the clause's start: `Human rights groups
        // called …`, `Local residents said`.
        let group = || {
            let d = (j.saturating_sub(4)..j).find(|&d| d >= floor && starts(d))?;
            (d + 1 < j || toks[d].is_cap())
                .then_some(d)
                .filter(|_| (d..j).all(plain) && toks[j - 1].s.ends_with('s'))
        };
        // `Collins's husband`, `the minister's family`: someone named through another.
        let possessed = || {
            let owner = &toks[j.checked_sub(2).filter(|&o| o >= floor)?];
            let possessive = owner.s.ends_with("'s") || owner.s.ends_with("’s");
            if !(possessive && plain(j - 1) && !toks[j - 1].is_cap()) {
                return None;
            }
            let mut d = j - 2;
            if !owner.is_cap() {
                // `the minister's family`
                return (d > floor && lower_in(&toks[d - 1], &["the", "a", "an"])).then(|| d - 1);
            }
            while d > floor && toks[d - 1].is_cap() && toks[d - 1].is_word() {
                d -= 1;
            }
            // Starting the clause: not `the communique ordering VOA's suspension, …`.
            starts(d).then_some(d)
        };
        match det.or_else(possessed).or_else(group) {
            Some(d) => run = &toks[d..j],
            None => return None,
        }
    }
    let mut np = np_from(p, run)?;
    if description.is_some() {
        np.description = description;
    }
    Some(np)
}

/// The name phrase that starts at token `start`, with an appositive after it.
fn np_forward(p: &str, toks: &[Tok], start: usize, stop: usize) -> Option<(Np, usize)> {
    if let Some(found) = role_then_name(p, toks, start, stop) {
        return Some(found);
    }
    if let Some(found) = long_title_then_name(p, toks, start, stop) {
        return Some(found);
    }
    let mut i = start;
    while i < stop && lower_in(&toks[i], &["the", "a", "an"]) {
        i += 1;
    }
    if i < stop {
        let l = toks[i].lower();
        if third_person_pronoun(&l) {
            return Some((
                Np {
                    name: toks[i].s.to_string(),
                    pronoun: Some(l),
                    ..Np::default()
                },
                i + 1,
            ));
        }
    }
    // `the utility Entergy`, `the carmaker Toyota`: what they are, then the name.
    let mut kind_words = None;
    if i > start && toks[i - 1].is("the") {
        let k = (i..stop.min(i + 3))
            .find(|&k| toks[k].is_cap())
            .unwrap_or(i);
        let plain = (i..k).all(|x| {
            toks[x].is_word()
                && !toks[x].is_cap()
                && !is_pronoun(&toks[x])
                && !is_speech(&toks[x])
                && !lower_in(&toks[x], SKIPPABLE)
                && !lower_in(
                    &toks[x],
                    &["of", "in", "at", "for", "on", "and", "to", "from", "by"],
                )
                && !is_title_word(toks[x].s)
                && !ORG_NOUNS.contains(&toks[x].lower().as_str())
        });
        if k > i && plain && toks[k].is_word() {
            kind_words = Some(text_of(p, &toks[i..k]));
            i = k;
        }
    }
    let s = i;
    while i < stop {
        let t = &toks[i];
        let connects = i > s
            && i + 1 < stop
            && CONNECTORS.contains(&t.lower().as_str())
            && (toks[i + 1].is_cap()
                || toks[i + 1].is("the") && i + 2 < stop && toks[i + 2].is_cap());
        if (np_word(t) && !is_speech(t)) || connects {
            i += 1;
        } else {
            break;
        }
    }
    if i == s {
        return None;
    }
    let mut np = np_from(p, &toks[s..i])?;
    if np.description.is_none() {
        np.description = kind_words;
    }
    let mut end = i;
    if i + 1 < stop && toks[i].s == "," {
        let first = &toks[i + 1];
        if lower_in(first, &["a", "an", "the", "who", "whose"])
            || (!first.is_cap()
                && first.is_word()
                && !is_speech(first)
                && (is_title_word(first.s) || ORG_NOUNS.contains(&first.lower().as_str())))
            || role_in_capitals(&np, toks, i + 1, stop)
        {
            let mut k = i + 1;
            while k < stop && !matches!(toks[k].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")") {
                k += 1;
            }
            np.description = Some(text_of(p, &toks[i + 1..k]));
            end = k;
        }
    }
    Some((np, end))
}

/// The tag closing a sentence after its last quotation and a comma, with words between
/// (`…” in northwest Syria, said Kremlin officials.`, `…” in the region, the officials
/// said.`): the speaker and the verb's index. None when the tag follows the quotation
/// straight away (the ordinary `“…,” X said`) or names no one.
fn closing_tag(p: &str, toks: &[Tok], q: usize) -> Option<(Np, usize)> {
    let last_q = toks.iter().rposition(|t| t.s == QUOTE_TOK)?;
    let mut end = toks.len();
    while end > last_q + 1 && matches!(toks[end - 1].s, "." | "!" | "?") {
        end -= 1;
    }
    let c = (last_q + 1..end).rev().find(|&i| toks[i].s == ",")?;
    if let Some(np) = verbless_tag(p, toks, last_q, end) {
        return (q <= last_q).then_some(np);
    }
    if c == last_q + 1 || end - c > 9 || c + 2 > end {
        return None;
    }
    // `…,” the Ministry of Trade, Industry and Energy said.`: a comma inside a name.
    if toks[c - 1].is_cap()
        && (c + 1..end - 1).all(|x| toks[x].is_cap() || toks[x].is("and"))
        && (c + 1..end).any(|x| toks[x].is("and"))
    {
        return None;
    }
    let verbs = [
        "said",
        "says",
        "added",
        "adds",
        "stated",
        "announced",
        "reported",
    ];
    let np = if lower_in(&toks[c + 1], &verbs) {
        np_after_verb(p, toks, c + 2, end)
            .filter(|(_, e)| *e == end)
            .map(|(np, _)| (np, c + 1))
    } else if lower_in(&toks[end - 1], &verbs) {
        // `“…,” Shelly Lynch, California Desert District Manager said.`: the person named
        // right after the quotation, what they are set off after the comma.
        let name_first = (c >= last_q + 3
            && (last_q + 1..c).all(|i| toks[i].is_cap() && toks[i].is_word()))
        .then(|| np_from(p, &toks[last_q + 1..c]))
        .flatten()
        .filter(|np| {
            np.pronoun.is_none()
                && np.name.split_whitespace().count() >= 2
                && kind_of(&np.name, "") == PartyKind::Person
        });
        name_first
            .or_else(|| np_backward(p, toks, c + 1, end - 1))
            .map(|np| (np, end - 1))
    } else {
        None
    };
    // `X is “…” in criminal activity, Brad Adams, the Asia director of Human Rights Watch,
    // told VOA Wednesday.`: a name and its appositive, then the verb and whom it was told.
    let np = np.or_else(|| {
        (lower_in(&toks[c + 1], &["said", "told", "added", "says", "tells"])
            && (c + 2..end).all(|x| toks[x].is_cap() || lower_in(&toks[x], &["on", "the"])))
        .then(|| np_backward(p, toks, last_q + 1, c + 1))
        .flatten()
        .filter(|np| {
            np.pronoun.is_none()
                && np.description.is_some()
                && np.name.starts_with(char::is_uppercase)
        })
        .map(|np| (np, c + 1))
    })?;
    // Nothing but the tag after the quotation being attributed when it is the last one.
    (q <= last_q).then_some(np)
}

/// The rule a closing tag's speaker was found by, its verb at `v` (the comma after the name
/// when the tag has no verb).
fn closing_rule(toks: &[Tok], v: usize) -> String {
    if toks[v].s == "," {
        "a tag with no verb closing the paragraph: `“…,” X, what X is.`".to_string()
    } else {
        format!("a tag closing the sentence: `… “…” …, {} X.`", toks[v].s)
    }
}

/// `“…,” Bill Brewer, Executive Director of Nevada Rural Housing.`: a release's supporter
/// named after the closing mark with no verb, a person's name of two words or more, a comma
/// and what they are (capitalised, or `the …`/`a …`), ending the paragraph; the name and
/// the comma after it. (A comma inside the quotation before the closing mark, as a tag
/// follows; no verb of saying anywhere after it.)
fn verbless_tag(p: &str, toks: &[Tok], last_q: usize, end: usize) -> Option<(Np, usize)> {
    if end != toks.len() && !toks[end..].iter().all(|t| t.s == ".") {
        return None;
    }
    let before = p.get(..toks.get(last_q + 1)?.at)?.trim_end();
    if !before.ends_with([',']) && !before.trim_end_matches(['”', '"', '’']).ends_with(',') {
        return None;
    }
    let c = (last_q + 1..end).find(|&i| toks[i].s == ",")?;
    let described = toks
        .get(c + 1)
        .is_some_and(|t| (t.is_cap() && t.is_word()) || lower_in(t, &["the", "a", "an"]));
    if c < last_q + 3
        || c - last_q > 6
        || !described
        || end - c > 20
        || (last_q + 1..end).any(|i| is_speech(&toks[i]) || toks[i].s == QUOTE_TOK)
        || !(last_q + 1..c).all(|i| toks[i].is_word() && toks[i].is_cap() || toks[i].s == ".")
    {
        return None;
    }
    let np = np_from(p, &toks[last_q + 1..c])?;
    (np.pronoun.is_none()
        && np.name.split_whitespace().count() >= 2
        && kind_of(&np.name, "") == PartyKind::Person)
        .then_some((np, c))
}

/// `Fazlullah Khan of northwestern Khyber Pakhtunkhwa province wrote`: at `start`, a
/// person's name (two to four capitalised words), `of`/`from` and where they are from (no
/// comma), then a verb of speech; the name (described by the place), the rule and the verb.
fn name_from_place(
    p: &str,
    toks: &[Tok],
    start: usize,
    stop: usize,
) -> Option<(Np, String, usize)> {
    let mut e = start;
    while e < stop && toks[e].is_cap() && toks[e].is_word() && !is_title_word(toks[e].s) {
        e += 1;
    }
    let name = text_of(p, toks.get(start..e)?);
    if !(2..=4).contains(&(e - start))
        || kind_of(&name, "") != PartyKind::Person
        || names::not_name_start(&toks[start].lower())
        || e >= stop
        || !lower_in(&toks[e], &["of", "from"])
    {
        return None;
    }
    let v = (e + 1..stop.min(e + 10)).find(|&k| {
        matches!(toks[k].s, "," | ";" | ":" | "." | QUOTE_TOK | "(") || speech_at(toks, k)
    })?;
    if !speech_at(toks, v) || is_participle(&toks[v]) || v == e + 1 {
        return None;
    }
    // `Tom Berg of the University of Oslo`: where they work, as the name phrase reads it.
    let np = np_from(p, &toks[start..v])
        .filter(|np| np.name == name && np.org.is_some())
        .unwrap_or(Np {
            name,
            description: Some(text_of(p, &toks[e..v])),
            ..Np::default()
        });
    Some((np, format!("`“…,” X of <place> {}`", toks[v].s), v))
}

/// `Paul Ngwakum, UNICEF’s regional health adviser for …,`, `Michael Griffin, NASA chief,`:
/// after a person's name, an appositive that opens with an organisation (in capitals, or
/// its possessive) and holds a role word in lower case before the comma that closes it.
fn role_in_capitals(np: &Np, toks: &[Tok], start: usize, stop: usize) -> bool {
    if np.pronoun.is_some()
        || np.name.split_whitespace().count() < 2
        || kind_of(&np.name, "") != PartyKind::Person
        || !toks[start].is_cap()
    {
        return false;
    }
    let end = (start..stop)
        .find(|&k| matches!(toks[k].s, "," | "." | ";" | ":" | QUOTE_TOK | "(" | ")"))
        .unwrap_or(stop);
    end < stop
        && toks[end].s == ","
        && end - start <= 12
        && (start..end).any(|k| !toks[k].is_cap() && is_title_word(toks[k].s))
}

/// The name phrase after a verb (`said resident Ana Silva`, `according to fire chief Ann
/// Holt`): up to three lower-case words of description before a name are its role.
fn np_after_verb(p: &str, toks: &[Tok], start: usize, stop: usize) -> Option<(Np, usize)> {
    let mut i = start;
    while i < stop
        && i < start + 3
        && toks[i].is_word()
        && !toks[i].is_cap()
        && !lower_in(
            &toks[i],
            &[
                "the", "a", "an", "to", "in", "on", "at", "that", "it", "he", "she", "they", "we",
                "i",
            ],
        )
    {
        i += 1;
    }
    if i > start && i < stop && toks[i].is_cap() {
        if let Some((mut np, end)) = np_forward(p, toks, i, stop) {
            if np.pronoun.is_none() && np.role.is_none() {
                np.role = Some(text_of(p, &toks[start..i]));
            }
            return Some((np, end));
        }
    }
    // `said Canadian astronaut Jeremy Hansen`, `said NASA engineer Ann Lee`: capitalised
    // words (a nationality, an organisation), a role in lower case, then the name.
    let mut c = start;
    while c < stop && c < start + 4 && toks[c].is_cap() && toks[c].is_word() {
        c += 1;
    }
    let mut r = c;
    while r < stop && r < c + 3 && toks[r].is_word() && !toks[r].is_cap() {
        r += 1;
    }
    let mut e = r;
    while e < stop && toks[e].is_cap() && toks[e].is_word() {
        e += 1;
    }
    if !(c > start && r > c && (2..=4).contains(&(e - r))) {
        return np_forward(p, toks, start, stop).or_else(|| described_after(p, toks, start, stop));
    }
    let lead = text_of(p, &toks[start..c]);
    let role_words = &toks[c..r];
    let name = text_of(p, &toks[r..e]);
    if role_words.iter().all(|t| {
        !is_speech(t)
            && !is_pronoun(t)
            && !lower_in(
                t,
                &[
                    "and", "or", "of", "in", "on", "at", "to", "for", "from", "the", "a", "an",
                    "that", "who",
                ],
            )
    }) && kind_of(&name, "") == PartyKind::Person
        && !names::not_name_start(&toks[start].lower())
    {
        let org = is_org_name(&lead).then_some(lead);
        return Some((
            Np {
                name,
                role: Some(text_of(p, role_words)),
                org,
                ..Np::default()
            },
            e,
        ));
    }
    np_forward(p, toks, start, stop).or_else(|| described_after(p, toks, start, stop))
}

/// `said 3rd ESC Plans and Operations Officer, Capt. Joel Howard.`: capitalised words
/// ending in a title (or a name given with its rank), a comma, then a person's name
/// closing the sentence — the one the title belongs to, who speaks; not the title.
fn titled_name_after_title(p: &str, toks: &[Tok], start: usize, stop: usize) -> Option<Np> {
    // The parts of a rank that `names::is_title_word` does not already know (`Staff Sgt.`,
    // `Master Sgt.`, `Pfc.`, `Warrant Officer`, `Ens.`, `1st Lt.`).
    const RANKS: &[&str] = &["staff", "master", "pfc", "warrant", "ens", "1st", "2nd"];
    let mut c = start;
    while c < stop
        && c < start + 8
        && (toks[c].is_cap()
            || toks[c].s.starts_with(|ch: char| ch.is_ascii_digit())
            || lower_in(&toks[c], &["and", "of", "&"]))
    {
        c += 1;
    }
    let title_words = (start..c).filter(|&i| toks[i].is_cap()).count();
    if title_words < 2 || c + 2 >= stop || toks[c].s != "," || !toks[c - 1].is_cap() {
        return None;
    }
    // (`said Capt. Gregory Case, Commander, Sector St. Petersburg.`: a ranked name first,
    // then what they are — the name speaks as before.)
    let is_rank = |t: &Tok| {
        let w = t.lower();
        let w = w.trim_end_matches('.');
        names::is_title_word(w) || RANKS.contains(&w)
    };
    if is_rank(&toks[start]) {
        return None;
    }
    let (np, end) = np_forward(p, toks, c + 1, stop)?;
    let closes = (end..stop).all(|i| toks[i].s == ".") && (c + 1..end).all(|i| toks[i].s != ",");
    let ranked = is_rank(&toks[c + 1]);
    let words: Vec<&str> = np.name.split_whitespace().collect();
    (closes
        && np.pronoun.is_none()
        && np.description.is_none()
        && words.len() >= 2
        && !words.last().is_some_and(|w| names::is_title_word(w))
        && kind_of(&np.name, "") == PartyKind::Person
        && (ranked || names::is_title_word(toks[c - 1].s)))
    .then(|| Np {
        role: Some(text_of(p, &toks[start..c])),
        ..np
    })
}

/// Someone described, not named, after a verb: `shouted a protester outside the gates`,
/// `said one local farmer` — the words after the article, up to a preposition.
fn described_after(p: &str, toks: &[Tok], start: usize, stop: usize) -> Option<(Np, usize)> {
    let det = toks.get(start).filter(|_| start < stop)?;
    if !lower_in(det, &["the", "a", "an", "one", "another"]) {
        return None;
    }
    let mut e = start + 1;
    // (A capitalised adjective before the noun: `A California college`.)
    while e < stop
        && e < start + 3
        && toks[e].is_word()
        && (!toks[e].is_cap()
            || e + 1 < stop
                && toks[e + 1].is_word()
                && !toks[e + 1].is_cap()
                && !is_speech(&toks[e + 1]))
        && !is_pronoun(&toks[e])
        && !is_speech(&toks[e])
        && !lower_in(
            &toks[e],
            &[
                "outside", "in", "at", "on", "from", "of", "who", "with", "near", "after",
                "before", "to", "for", "and", "as", "by", "that", "which",
            ],
        )
    {
        e += 1;
    }
    (e > start + 1).then(|| {
        (
            Np {
                name: text_of(p, &toks[start + 1..e]),
                ..Np::default()
            },
            e,
        )
    })
}

/// The subject of a sentence: its first name phrase after an introductory phrase.
/// The labels a release's heading or paragraph opens with before a colon (`ICYMI:`,
/// `WATCH:`, `NEWS:`): what kind of item it is, never who speaks.
const RELEASE_LABELS: &[&str] = &[
    "icymi", "watch", "video", "news", "listen", "photos", "photo", "breaking", "update", "audio",
];

fn sentence_subject(p: &str, s: &Sent) -> Option<Np> {
    let toks = &s.toks;
    let mut start = 0;
    // A dateline: "Washington, D.C., December 22, 2005 - Voice of America Director …"
    if let Some(dash) = toks
        .iter()
        .take(20)
        .position(|t| matches!(t.s, "-" | "—" | "–"))
    {
        let before = &s.text[..toks[dash].at - s.range.start];
        if before.chars().any(|c| c.is_ascii_digit() || c == '(')
            || before
                .split_whitespace()
                .any(|w| w.len() >= 3 && w.chars().all(|c| c.is_uppercase() || c == ','))
        {
            start = dash + 1;
        }
    }
    // A release's label before its colon (`ICYMI: Kelly on Artemis II: “…”`, `WATCH: Senator
    // X …`) names no one: the subject follows it.
    if toks.get(start).is_some_and(|t| lower_in(t, RELEASE_LABELS))
        && toks.get(start + 1).is_some_and(|t| t.s == ":")
    {
        start += 2;
    }
    // `A federal judge on Friday blocked …`: someone described by their role.
    if toks.get(start).is_some_and(|f| f.is("A") || f.is("An")) {
        let described = described_after(p, toks, start, toks.len())
            .map(|(np, _)| np)
            .filter(|np| {
                np.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| is_title_word(w) || ORG_NOUNS.contains(&w))
            });
        if described.is_some() {
            return described;
        }
    }
    // (Twice: `First, after …, Trump alleged …`: an opener and its comma, then a clause.)
    for _ in 0..2 {
        let Some(f) = toks.get(start) else { break };
        let was = start;
        // `Dr. Michael Griffin, NASA chief, …`: an honorific starts the subject's name.
        let honorific = lower_in(f, HONORIFICS) && toks.get(start + 1).is_some_and(Tok::is_cap);
        // `Having won multiple tournaments as a kid, Dorsa Derakhshani decided …`: a
        // participle's clause before the comma, then the subject by name (not `Manning
        // said, …`: no verb of speech in the clause).
        // (The comma after the dateline's, if any: `DURHAM, NC (April 8, 2026) — Today,
        // Congresswoman …`.)
        let comma = (start..toks.len().min(start + 14)).find(|&c| toks[c].s == ",");
        // (Or an opener's phrase: `Already the world’s longest-serving prime minister, Hun
        // Sen has vowed …`.)
        // (Such a clause may run long: `Upon learning of the President’s decision to
        // nominate …, Congressman X released …`.)
        let clause_comma = (start..toks.len().min(start + 32)).find(|&c| toks[c].s == ",");
        let participle_clause = (names::looks_like_gerund(&f.lower())
            || names::is_opener(&f.lower()))
            && toks
                .get(start + 1)
                .is_some_and(|t| t.is_word() && !t.is_cap())
            && clause_comma.is_some_and(|c| {
                c > start + 1
                    && !toks[start..c].iter().any(is_speech)
                    && toks.get(c + 1).is_some_and(Tok::is_cap)
            });
        // (A conjunction's or preposition's clause as long: `In the hours before the prime
        // ministers of India and Pakistan are to meet here, Pakistani officials are …`.)
        let long_clause = names::not_name_start(&f.lower())
            && clause_comma.is_some_and(|c| {
                c > start + 1
                    && !toks[start..c].iter().any(is_speech)
                    && toks.get(c + 1).is_some_and(Tok::is_cap)
            });
        // `Afterwards, …`, `Usually, …`: an opener set off by its comma.
        let set_off =
            names::is_opener(&f.lower()) && toks.get(start + 1).is_some_and(|t| t.s == ",");
        if f.is_cap()
            && (names::not_name_start(&f.lower()) || participle_clause || set_off)
            && !f.is("The")
            && !is_pronoun(f)
            && !honorific
        {
            if let Some(c) = comma.or(clause_comma.filter(|_| participle_clause || long_clause)) {
                start = c + 1;
            } else {
                start += 1;
            }
        }
        if start == was || !set_off {
            break;
        }
    }
    while start < toks.len()
        && lower_in(
            &toks[start],
            &["but", "and", "so", "yet", "however", "meanwhile", ","],
        )
    {
        start += 1;
    }
    let (np, end) = np_forward(p, toks, start, toks.len())?;
    // `UK citizen Jim Swire, …`, `Zesa engineering manager Peter Nyandiya said`: a place or
    // organisation, what the person is, then their name of two words or more.
    let plain = |t: &Tok| {
        t.is_word()
            && t.s.starts_with(char::is_lowercase)
            && !is_speech(t)
            && !is_pronoun(t)
            && !lower_in(t, SKIPPABLE)
            && !lower_in(
                t,
                &[
                    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                    "could", "may", "might", "must", "should", "be", "been",
                ],
            )
            && !names::not_name_start(&t.lower())
            && !t.s.ends_with("ed")
    };
    let single = np.pronoun.is_none() && !np.name.contains(' ') && np.description.is_none();
    let nouns = (end..toks.len().min(end + 3))
        .take_while(|&k| plain(&toks[k]))
        .count();
    let name_at = end + nouns;
    let named = (name_at..toks.len())
        .take_while(|&k| np_word(&toks[k]) && toks[k].is_cap())
        .count();
    if single && nouns > 0 && named >= 2 {
        if let Some((mut person, _)) = np_forward(p, toks, name_at, toks.len()) {
            if person.role.is_none() {
                person.role = Some(text_of(p, &toks[end..name_at]));
            }
            return Some(person);
        }
    }
    // `Mick Jagger of The Rolling Stones also reacted …`, `House Republican leader John
    // Boehner of Ohio fired back …`: a person's name of two words or more, then `of` and
    // the body or place they belong to, is the subject; the body is their organisation.
    // (Not one of a list: `Republican Senators Dan Coats of Indiana, John McCain of Arizona,
    // and …`.)
    let listed = toks.get(end).is_some_and(|t| matches!(t.s, "," | "and"))
        && toks.get(end + 1).is_some_and(|t| t.is_cap() || t.is("and"));
    if np.pronoun.is_none() && !listed && kind_of(&np.name, "") != PartyKind::Person {
        if let Some(of) = (start + 2..end).find(|&k| toks[k].s == "of") {
            if let Some((mut person, _)) = np_forward(p, toks, start, of) {
                if person.pronoun.is_none()
                    && person.name.split_whitespace().count() >= 2
                    && kind_of(&person.name, "") == PartyKind::Person
                    && !is_title_word(person.name.split_whitespace().next().unwrap_or(""))
                {
                    if person.org.is_none() {
                        let org = text_of(p, &toks[of + 1..end]);
                        person.org = Some(org.trim_start_matches("the ").to_string());
                    }
                    return Some(person);
                }
            }
        }
    }
    Some(np)
}

/// `White House Council on Environmental Quality Chair Brenda Mallory`, `Space and
/// Aeronautics Subcommittee Ranking Member Brian Babin`: a body's capitalised name (its
/// words joined by `of`, `on`, `for`, `and`), then a title word, then a person's name of two
/// or three words: the person, with all before the name as their role and the body as their
/// organisation.
fn long_title_then_name(p: &str, toks: &[Tok], start: usize, stop: usize) -> Option<(Np, usize)> {
    let first = toks
        .get(start)
        .filter(|t| start < stop && t.is_cap() && t.is_word())?;
    if is_title_word(first.s) {
        return None;
    }
    let mut end = start;
    while end < stop.min(start + 14)
        && toks[end].is_word()
        && (toks[end].is_cap() || lower_in(&toks[end], &["of", "on", "for", "and"]))
    {
        end += 1;
    }
    let k = (start + 1..end).rev().find(|&k| is_title_word(toks[k].s))?;
    let name = &toks[k + 1..end];
    if !(2..=3).contains(&name.len())
        || !name.iter().all(|t| t.is_cap() && !is_title_word(t.s))
        || !toks[start..k]
            .iter()
            .any(|t| t.is_cap() && !is_title_word(t.s))
    {
        return None;
    }
    let name_text = text_of(p, name);
    if kind_of(&name_text, "") != PartyKind::Person {
        return None;
    }
    // The body before the title words (`FEMA Administrator Deanne Criswell`) is the
    // person's organisation.
    let mut t = k;
    while t > start && is_title_word(toks[t - 1].s) {
        t -= 1;
    }
    let body = text_of(p, &toks[start..t]);
    Some((
        Np {
            name: name_text,
            role: Some(text_of(p, &toks[start..=k])),
            org: is_org_name(&body).then_some(body),
            ..Np::default()
        },
        end,
    ))
}

/// Whether `text` writes `name` as an owner (`Hospira's decision caused …`, `Temirov’s
/// arrest`): the sentence's subject is then what the name owns, not the name.
fn owned_in(text: &str, name: &str) -> bool {
    name.contains(['’', '\''])
        || text
            .match_indices(name)
            .any(|(at, _)| text[at + name.len()..].starts_with(['’', '\'']))
}

/// Words for what a statement introduced before its text is.
const STATEMENT_WORDS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "message",
    "letter",
    "testimony",
    "address",
    "speech",
    "comments",
    "text",
];

/// What an author's words come in: `Cornyn's statement added`, `a White House statement
/// said` quote the author.
const STATEMENT_OWNED: &[&str] = &[
    "statement",
    "statements",
    "release",
    "memo",
    "letter",
    "post",
    "tweet",
    "message",
    "communique",
    "communiqué",
    "decree",
    "notice",
    "bulletin",
    "announcement",
    "filing",
    "ruling",
    "resolution",
    "email",
    "e-mail",
    "advisory",
    "directive",
    "circular",
    "report",
    "study",
    "survey",
];

/// Documents of STATEMENT_OWNED an author publishes rather than speaks: "the report said" is
/// its author's only when the author was named with it (`a European Union report`); else the
/// report itself.
const AUTHORED: &[&str] = &["report", "study", "survey"];

/// What "the organization" (either spelling) can mean.
const ORGANIZATION_MEANS: &[&str] = &[
    "organization",
    "organisation",
    "association",
    "fund",
    "foundation",
    "watch",
    "group",
    "agency",
];

/// "the force said", "the agency said": the organisation last named that the noun can
/// mean, by the words its name holds (a police force is "the force", a municipality "the
/// city").
const ORG_NOUN_MEANS: &[(&str, &[&str])] = &[
    ("force", &["police", "constabulary", "force"]),
    ("police", &["police", "constabulary"]),
    ("department", &["department", "ministry"]),
    ("ministry", &["ministry", "department"]),
    (
        "agency",
        &[
            "agency",
            "administration",
            "bureau",
            "service",
            "office",
            "programme",
            "program",
            "fund",
            "commission",
            "authority",
        ],
    ),
    ("bureau", &["bureau"]),
    (
        "group",
        &[
            "group",
            "organization",
            "organisation",
            "association",
            "coalition",
            "alliance",
            "movement",
            "network",
            "watch",
            "front",
        ],
    ),
    ("organization", ORGANIZATION_MEANS),
    ("organisation", ORGANIZATION_MEANS),
    ("council", &["council", "commission", "committee"]),
    (
        "body",
        &[
            "council",
            "commission",
            "committee",
            "board",
            "authority",
            "agency",
            "regulator",
            "office",
        ],
    ),
    (
        "regulator",
        &[
            "authority",
            "commission",
            "council",
            "regulator",
            "board",
            "office",
        ],
    ),
    ("army", &["army", "military", "forces"]),
    (
        "military",
        &["army", "military", "forces", "defense", "defence"],
    ),
    ("court", &["court", "tribunal"]),
    (
        "broadcaster",
        &["broadcasting", "radio", "television", "tv", "news", "voice"],
    ),
    (
        "network",
        &[
            "network",
            "broadcasting",
            "radio",
            "television",
            "news",
            "voice",
        ],
    ),
    ("college", &["college", "university", "school"]),
    ("university", &["university", "college", "institute"]),
    ("school", &["school", "college", "academy"]),
    ("city", &["city", "municipality", "council", "town"]),
    ("municipality", &["municipality", "city", "town", "council"]),
    ("town", &["town", "municipality", "council", "city"]),
    ("party", &["party"]),
    ("club", &["club", "fc"]),
    ("institute", &["institute", "center", "centre"]),
    ("center", &["center", "centre", "institute"]),
    ("centre", &["center", "centre", "institute"]),
    ("charity", &["charity", "foundation", "fund", "trust"]),
    ("union", &["union", "federation", "confederation"]),
];

/// Whether the text before a paragraph's first quotation is nothing or a heading whose line
/// break the source lost (`Highlights “…”`, `Key excerpts: “…”`): one to three capitalised
/// words, no sentence.
fn heading_only(before: &str) -> bool {
    let words: Vec<&str> = before
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect();
    words.len() <= 3
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// Nouns a heading gives a printed statement's text by (`Excerpt of X’s remarks`, `Full
/// text of X’s speech`, `Transcript of X’s testimony`).
const EXCERPT_NOUNS: &[&str] = &[
    "excerpt",
    "excerpts",
    "text",
    "transcript",
    "highlights",
    "video",
    "audio",
    "copy",
];

/// Who gives the statement a sentence introduces, to be quoted in the paragraphs after:
/// `The following is a statement from X regarding …`, `X issued the following statement`,
/// `X’s statement reads as follows:`, `Below are X’s remarks`.
fn statement_intro(p: &str, s: &Sent) -> Option<Np> {
    let toks = &s.toks;
    let n = toks.len();
    let lower = s.text.to_lowercase();
    let introduces = ["following", "below", "as follows", "in full", "full text"]
        .iter()
        .any(|w| lower.contains(w))
        || s.text.trim_end().ends_with(':');
    if !introduces {
        return None;
    }
    let i = (0..n).find(|&i| !toks[i].is_cap() && lower_in(&toks[i], STATEMENT_WORDS))?;
    let named =
        |np: &Np| np.pronoun.is_some() || np.name.chars().next().is_some_and(char::is_uppercase);
    if i + 2 < n && lower_in(&toks[i + 1], &["from", "by", "of"]) {
        if let Some((np, _)) = np_forward(p, toks, i + 2, n).filter(|(np, _)| named(np)) {
            return Some(np);
        }
    }
    // `Kirby’s statement reads as follows:`: the owner. (`Excerpt of Thune’s remarks
    // below:`, `Full text of Sen. Ada Ruiz’s speech:`: the heading's words before the owner
    // are no part of the owner's name.)
    if i > 0 && (toks[i - 1].s.ends_with("’s") || toks[i - 1].s.ends_with("'s")) {
        let floor = (1..i - 1)
            .rev()
            .find(|&k| lower_in(&toks[k], &["of", "from"]) && lower_in(&toks[k - 1], EXCERPT_NOUNS))
            .map_or(0, |k| k + 1);
        if let Some(np) = np_backward(p, toks, floor, i).filter(named) {
            return Some(np);
        }
    }
    // `the co-chairs of the Congressional Voting Rights Caucus released the following
    // statement:`: the members of a body, unnamed, speak as the body.
    if let Some(m) = (0..i.saturating_sub(2)).find(|&m| {
        !toks[m].is_cap()
            && lower_in(
                &toks[m],
                &[
                    "co-chairs",
                    "chairs",
                    "members",
                    "leaders",
                    "leadership",
                    "co-chairmen",
                ],
            )
            && toks[m + 1].is("of")
    }) {
        if let Some((np, _)) = np_forward(p, toks, m + 2, i) {
            if np.pronoun.is_none() && is_org_name(&np.name) {
                return Some(np);
            }
        }
    }
    // `X issued the following statement`: the subject, when it names someone (not "The
    // following").
    sentence_subject(p, s).filter(|np| named(np) && !names::not_name_start(&np.name.to_lowercase()))
}

/// The name a speaker gives for themselves as their words open (`“My name is Edwin Dorzon.
/// I’m calling to …”`, `“This is Ana Ruiz, calling from Ohio. I …”`): a caller or a
/// passer-by introducing themselves; two to four capitalised words, then their own words in
/// the first person.
fn self_introduced(text: &str) -> Option<Np> {
    let rest = ["My name is ", "This is ", "my name is "]
        .iter()
        .find_map(|o| text.trim_start().strip_prefix(o))?;
    let end = rest.find([',', '.', ';', '!', '?']).unwrap_or(rest.len());
    let name = rest[..end].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let after = &rest[end..];
    let first_person = after
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .any(|w| matches!(w, "I" | "I’m" | "I'm" | "my" | "My" | "me"));
    ((2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && !names::is_place(name)
        && kind_of(name, "") == PartyKind::Person
        && first_person)
        .then(|| Np {
            name: name.to_string(),
            ..Np::default()
        })
}

/// A quotation's speaker, the rule that found them, to whom and in what context.
type Found = (usize, String, Option<String>, Option<String>);

struct Drafter<'o> {
    opts: &'o Options,
    /// The article's paragraphs, one after another (blank lines between).
    article_text: String,
    pubdate: Option<Day>,
    d: Draft,
    /// The last person and organisation named or speaking, for pronouns.
    last_person: Option<usize>,
    last_org: Option<usize>,
    /// The last speaker of a direct quotation, for a quotation that continues.
    last_speaker: Option<usize>,
    unattributed: Option<usize>,
    /// The paragraph being drafted, counting from 0.
    para_no: usize,
    /// Where the paragraph being drafted starts in `article_text` (its length for a
    /// headline drafted after the body).
    para_at: usize,
    /// The paragraph where `last_person` was last named.
    person_para: usize,
    /// The last speaker quoted or introduced (a sentence's subject), with its paragraph.
    last_subject: Option<(usize, usize)>,
    /// The paragraph whose sentence introduced a statement given next (`X released the
    /// below statement`), or the short note after it that carries it on.
    statement_para: Option<usize>,
    /// The subject of the last sentence without a quotation, with its paragraph: what
    /// "it" or "they" speaking next most likely means (`Kenya's weather office warned …
    /// It described the situation as “…”`, `The authors say … They call for “…”`).
    prev_subject: Option<(Np, usize)>,
    /// The named subject of the sentence before this one (with or without a quotation),
    /// with its sentence number: whom a speaking "he" or "she" most likely means.
    sent_subject: Option<(Np, usize)>,
    /// Who last spoke in a statement (or gave one the article cites): whose words
    /// "the statement said" gives.
    last_statement: Option<usize>,
    /// Organisations named so far, speaking or not, last named last: what "the force" or
    /// "the city" may mean before either has spoken.
    org_mentions: Vec<String>,
    /// Sentences read so far; the sentence where `last_org` was last named; the
    /// organisation that was the subject of a sentence with no quotation, and its sentence
    /// (`The utility Entergy said …` before `“…,” it said`).
    sent_no: usize,
    last_org_sent: usize,
    subject_org: Option<(Np, usize)>,
    /// The last capitalised subject of a sentence that reads as an organisation (by its
    /// name, or by "its" after it: `Pizza Hut Israel posted on its page`), with the
    /// sentence's number: what "the company" or "the association" means when no name of
    /// that sort was met.
    org_subject: Option<(Np, usize)>,
    /// A group of people a sentence opens with (`The four men have …`), with its number.
    people_group: Option<(String, usize)>,
    /// Nouns that described someone then named (`a dog character named “Ralph”`, `a girl
    /// named Sara Ali`), each with the name: "the dog" later is Ralph.
    named_as: Vec<(String, String)>,
    /// Entities drafted as described (`California college`), to be named in
    /// [`Self::finish`] when the article names one of their sort.
    described: Vec<usize>,
    /// Documents named with their owner (`The CSC communique` → ("communique", "CSC")),
    /// last named last: whose words "the communique said" quotes.
    documents: Vec<(String, String)>,
    /// The quotes (indexes into `d.quotes`) of a quotation still open over paragraphs, and
    /// whether its speaker was only guessed (no tag yet): a tag in a later paragraph
    /// (`“…,” said X` closing it) then gives them all.
    run: Vec<usize>,
    run_guessed: bool,
    /// Acronyms the article defines: "Korean Central News Agency (KCNA)".
    acronyms: Vec<(String, String)>,
    /// Each entity's name, folded ([`fold_words`]), in the order of `d.entities`.
    folded: Vec<Vec<String>>,
    /// The entities by the words of `folded` and of their aliases ([`Self::index_names`]
    /// wherever either changes).
    name_index: NameIndex,
    /// The speaker scorer's weights ([`speaker::WEIGHTS`] unless fitting them).
    weights: Features,
    /// Each quotation's candidates and the one chosen, kept only when fitting the weights.
    trace: Option<Vec<Seen>>,
    /// What the article says of each entity's gender so far: above 0 for "he", "Mr",
    /// below for "she", "Ms" (in the order of `d.entities`).
    gender: Vec<i32>,
    /// The people named, the last named last (each once).
    recent_people: Vec<usize>,
    /// A person last named as the one spoken to (`spoke with X`, `told X`), with the
    /// sentence's number: "he said" next more likely means the one who spoke.
    hearer: Option<(usize, usize)>,
    /// How many quotations each entity has spoken so far.
    spoke: Vec<usize>,
    /// The words of the paragraph before (outside its quotations).
    prev_para_words: Vec<Word>,
    /// Words the article capitalises mid-sentence (lower-cased): names there, so a name
    /// wherever they open a sentence too (`Manning`, not "Saying").
    cap_mid: Vec<String>,
    /// The runs of two to six capitalised words the article writes, each once.
    cap_runs: Vec<String>,
    /// Each of `cap_runs` folded ([`fold_words`]).
    cap_run_folds: Vec<Vec<String>>,
    /// For each word of a run ([`names::fold_pieces`]), the runs holding it, in order: the
    /// only runs whose words (or the words of a part of them) can end with it.
    cap_runs_with: HashMap<String, Vec<usize>>,
    /// The words of every role and description the article gives each entity, folded
    /// ("Admiral" in a caption, "Navy Commander" later), in the order of `d.entities`.
    role_words: Vec<Vec<String>>,
    /// The first person the article names with a lawmaker's title (`U.S. Senators Ruth
    /// Vance and …`): who a letter's signers quoted as a group are drafted as.
    lead_lawmaker: Option<String>,
    /// The lawmaker a release's opening paragraphs name with a lawmaker's title (`Sen. Ron
    /// Wyden, D-Ore., renewed his call …`): whose release it is.
    release_lawmaker: Option<String>,
    /// The person a sentence gives as leading a group of signers (`Feenstra and his
    /// colleagues argue`, `a letter led by Rep. X`), and the paragraph: who "the members
    /// wrote" means in the next paragraphs.
    group_leader: Option<(String, usize)>,
    /// The paragraph before is a heading line (`On the future of the conflict in Iran:`,
    /// `More highlights from the speech include:`).
    under_heading: bool,
    /// The author of remarks, a speech or a statement printed after a sentence introducing
    /// it (`X delivered the following remarks on the Senate floor:`, `Excerpt of X’s remarks
    /// below:`), with that sentence's paragraph: while the paragraphs after open with a
    /// quotation mark (or are a separator or a subheading), each untagged one is theirs.
    printed: Option<(usize, usize)>,
}

/// Drafts the story of an article.
pub fn draft_article(article: &Article, opts: &Options) -> Draft {
    draft_article_with(article, opts, &speaker::WEIGHTS, false).0
}

/// Drafts the story of an article with the speaker scorer's weights `weights`; with
/// `trace`, also gives each quotation's candidates (for fitting the weights).
pub fn draft_article_with(
    article: &Article,
    opts: &Options,
    weights: &Features,
    trace: bool,
) -> (Draft, Vec<Traced>) {
    let mut paragraphs: Vec<&str> = article.paragraphs.iter().map(String::as_str).collect();
    let mut heading = article.heading.clone();
    if heading.is_none() {
        if let Some(first) = paragraphs.first() {
            // A headline may end with a quotation (`Biden: “We will not back down”`), not
            // with a sentence's end.
            let body = first.trim_end_matches(['”', '"', '’']);
            let looks_like_headline = first.chars().count() <= 160
                && !body.ends_with(['.', '!', '?', ':', ','])
                && !first.ends_with(':')
                && paragraphs.len() > 1;
            if looks_like_headline {
                heading = Some(first.to_string());
                paragraphs.remove(0);
            }
        }
    }
    let date = opts.date.clone().or_else(|| {
        dates::dateline(
            heading
                .iter()
                .map(String::as_str)
                .chain(paragraphs.iter().copied()),
        )
    });
    let title = opts
        .title
        .clone()
        .or(heading.clone())
        .or_else(|| paragraphs.first().map(|p| shorten(p, 100)))
        .unwrap_or_else(|| "Untitled draft".to_string());
    let from = opts
        .file_name
        .clone()
        .unwrap_or_else(|| "standard input".into());
    let id = opts.id.clone().unwrap_or_else(|| {
        let stem = opts
            .file_name
            .as_deref()
            .map(|f| {
                let base = f.rsplit(['/', '\\']).next().unwrap_or(f);
                base.rsplit_once('.').map_or(base, |(s, _)| s).to_string()
            })
            .unwrap_or_else(|| {
                title
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        kebab(&stem, "draft")
    });
    let mut dr = Drafter {
        opts,
        article_text: paragraphs.join("\n\n"),
        pubdate: date.as_deref().and_then(Day::parse),
        d: Draft {
            id,
            title: title.clone(),
            date: date.clone(),
            from,
            ..Draft::default()
        },
        last_person: None,
        last_org: None,
        last_speaker: None,
        unattributed: None,
        para_no: 0,
        para_at: 0,
        person_para: 0,
        last_subject: None,
        statement_para: None,
        prev_subject: None,
        sent_subject: None,
        last_statement: None,
        org_mentions: Vec::new(),
        sent_no: 0,
        last_org_sent: 0,
        subject_org: None,
        org_subject: None,
        people_group: None,
        named_as: Vec::new(),
        described: Vec::new(),
        documents: Vec::new(),
        run: Vec::new(),
        run_guessed: false,
        acronyms: Vec::new(),
        folded: Vec::new(),
        name_index: NameIndex::default(),
        role_words: Vec::new(),
        lead_lawmaker: first_lawmaker(&paragraphs),
        release_lawmaker: first_lawmaker(&paragraphs[..paragraphs.len().min(3)]),
        group_leader: None,
        under_heading: false,
        printed: None,
        weights: *weights,
        trace: trace.then(Vec::new),
        gender: Vec::new(),
        recent_people: Vec::new(),
        hearer: None,
        spoke: Vec::new(),
        prev_para_words: Vec::new(),
        cap_mid: capitalised_mid_sentence(&paragraphs),
        cap_runs: Vec::new(),
        cap_run_folds: Vec::new(),
        cap_runs_with: HashMap::new(),
    };
    dr.set_cap_runs(capitalised_runs(&paragraphs));
    dr.d.sources.push(Source {
        id: "article".into(),
        name: title,
        kind: "report",
        outlet: opts.outlet.clone(),
        date,
        url: opts.url.clone(),
        by: None,
        cites: Vec::new(),
        note: None,
    });
    // The speaker of a quotation still open.
    let mut open_run: Option<usize> = None;
    // The speaker of a quotation the paragraph before carried on from the one before it.
    let mut closed_run: Option<usize> = None;
    // (Whether the open quotation is a statement the paragraph before its first announced.)
    let mut announced_run = false;
    // A transcript's lines in quotation marks are quotes by their labels, from the first
    // line on; its lines with no marks are no one's quotes.
    let transcript = transcript::is_transcript(&paragraphs);
    let mut turn: Option<transcript::Turn> = None;
    let mut para_at = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        dr.para_no = i;
        dr.para_at = para_at;
        para_at += p.len() + "\n\n".len();
        if transcript && (turn.is_some() || transcript::line(p).is_some()) {
            // (`(Laughter.)`, `[END]`: stage directions, no one's words.)
            if !p.trim_start().starts_with(['(', '[']) {
                turn = dr.transcript_paragraph(p, turn).or(turn);
            }
            continue;
        }
        // A byline near the top (`Sok Khemara, VOA Khmer`, `By Tom Reed`) names the
        // reporter, who is nobody the article quotes.
        if i < 5 && is_byline(p) {
            continue;
        }
        // A line of elision between two passages of an announced statement: the statement
        // goes on after it, and the line is no words of it.
        if announced_run && open_run.is_some() && is_elision(p) {
            continue;
        }
        // A photo caption between two paragraphs of a quotation: the quotation goes on
        // after it.
        if open_run.is_some() && !carries_open_quote(p) && is_caption(p) {
            dr.paragraph(p, None, false);
            continue;
        }
        let before = dr.last_subject;
        dr.under_heading = i > 0 && is_heading_line(paragraphs[i - 1]);
        // Printed remarks end with the first paragraph of the release's own prose.
        if dr.printed.is_some_and(|(_, at)| at < i) && !in_printed_remarks(p) {
            dr.printed = None;
        }
        // A quotation left open ends with its paragraph when this one neither opens again
        // nor closes it, unless the statement runs on with no marks to a paragraph that
        // closes it.
        let carried = open_run.filter(|_| {
            carries_open_quote(p) || runs_on_to_close(&paragraphs[i..], true, announced_run)
        });
        // (The same when the statement's paragraph before closed and the run ends on a
        // paragraph whose opening mark was lost: `… our elections."` / `The hypocrisy is
        // blatant. …` / `… one executive order at a time.”`.)
        let carried = carried.or_else(|| {
            let prev = paragraphs.get(i.checked_sub(1)?)?.trim();
            let whole = prev.ends_with(['"', '”'])
                && (prev.starts_with(['"', '“']) || closed_run.is_some());
            (whole && runs_on_to_close(&paragraphs[i..], false, false))
                .then(|| dr.d.quotes.last().map(|q| q.by))
                .flatten()
        });
        closed_run = carried;
        open_run = dr.paragraph(p, carried, false);
        announced_run = open_run.is_some()
            && (carried.is_some() && announced_run || i > 0 && dr.statement_para == Some(i - 1));
        dr.under_heading = false;
        // `Rep. X released the below statement …` then `Remarks as prepared for delivery.`
        // then the statement: a short note naming no one between the introduction and the
        // statement leaves the statement X's.
        if i > 0 && dr.statement_para == Some(i - 1) && dr.last_subject == before && is_note(p) {
            if let Some((e, _)) = before.filter(|&(_, q)| q + 1 == i) {
                dr.last_subject = Some((e, i));
                dr.statement_para = Some(i);
            }
        }
    }
    // A headline's quotation, when attributed there and not quoted again in the body.
    if opts.title.is_none() {
        if let Some(h) = heading {
            // `Statement from HHS Secretary Xavier Becerra`, `Rep. Castor Statement on …`: a
            // release headed as someone's statement, its quotations with no tag are theirs.
            if let Some(u) = dr.unattributed {
                if let Some(np) = headline_statement_giver(&h) {
                    if dr.d.quotes.iter().any(|q| q.by == u) {
                        let rule = "the author of the statement the headline names";
                        if let Some(idx) = dr.entity(&np, h.trim(), rule).filter(|&e| e != u) {
                            for q in dr.d.quotes.iter_mut().filter(|q| q.by == u) {
                                q.by = idx;
                            }
                        }
                    }
                }
            }
            dr.para_no = paragraphs.len() + 1;
            dr.para_at = dr.article_text.len();
            dr.paragraph(&h, None, true);
        }
    }
    // A quotation with no tag whose words the article prints again with their speaker (a
    // release's pull quote above its opening, `“In other words, …”`, then the letter's
    // passage quoted in full under `Senators A and B wrote`): that speaker.
    if let Some(u) = dr.unattributed {
        let words = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric() || c.is_whitespace())
                .collect::<String>()
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let texts: Vec<String> = dr.d.quotes.iter().map(|q| words(&q.text)).collect();
        let (untagged, tagged): (Vec<usize>, Vec<usize>) = (0..texts.len())
            .filter(|&i| texts[i].len() >= 40)
            .partition(|&i| dr.d.quotes[i].by == u);
        // Every untagged quotation against every tagged one: a few hundred pairs in news,
        // and a bound on the work an article made of thousands of quotations can ask for.
        let bytes = |ids: &[usize]| ids.iter().map(|&i| texts[i].len()).sum::<usize>();
        let work = bytes(&untagged)
            .saturating_mul(tagged.len())
            .saturating_add(bytes(&tagged).saturating_mul(untagged.len()));
        if work <= PULL_QUOTE_WORK {
            let again: Vec<(usize, usize)> = untagged
                .iter()
                .filter_map(|&i| {
                    tagged
                        .iter()
                        .find(|&&j| texts[j].contains(&texts[i]) || texts[i].contains(&texts[j]))
                        .map(|&j| (i, dr.d.quotes[j].by))
                })
                .collect();
            for (i, by) in again {
                dr.d.quotes[i].by = by;
            }
        }
    }
    let traced = dr.traced();
    (dr.finish(), traced)
}

/// The most bytes compared, over every pair of an untagged and a tagged quotation, in
/// looking for a pull quote printed again with its speaker (a news article asks for well
/// under a million).
const PULL_QUOTE_WORK: usize = 50_000_000;

/// The giver a headline names for the statement it heads: `Statement from HHS Secretary
/// Xavier Becerra`, `Statement by Secretary of Homeland Security on Immigration Reform`,
/// `Rep. Castor Statement on …`, `Statement of U.S. Sen. Mark R. Warner on …`. The name runs
/// to the headline's end or to a lower-case word of topic (`on`, `regarding`, …) or a comma.
fn headline_statement_giver(h: &str) -> Option<Np> {
    const TOPIC: &[&str] = &[
        "on",
        "regarding",
        "following",
        "after",
        "about",
        "concerning",
        "in",
        "at",
        "upon",
    ];
    let h = h.trim();
    // (An all-capitals headline gives no names' case to read.)
    if !h.chars().any(char::is_lowercase) {
        return None;
    }
    let toks = tokens(h, 0..h.len());
    let n = toks.len();
    let st = (0..n).find(|&i| toks[i].is_cap() && lower_in(&toks[i], &["statement"]))?;
    let topic_end = |from: usize| {
        (from..n)
            .find(|&k| {
                !toks[k].is_word() && toks[k].s != "." && toks[k].s != "’s"
                    || !toks[k].is_cap() && lower_in(&toks[k], TOPIC)
            })
            .unwrap_or(n)
    };
    let named = |np: &Np| {
        np.pronoun.is_none()
            && np.name.chars().next().is_some_and(char::is_uppercase)
            && !names::not_name_start(&np.name.to_lowercase())
    };
    if st == 0 {
        // `Statement from/by/of X [on …]`.
        if n > 2 && lower_in(&toks[1], &["from", "by", "of"]) {
            let end = topic_end(2);
            if end > 2 {
                return np_forward(h, &toks, 2, end).map(|(np, _)| np).filter(named);
            }
        }
        return None;
    }
    // `X Statement [on …]`: the words before it all the name, the headline ending or a word
    // of topic after it.
    if st + 1 < n && (toks[st + 1].is_cap() || !lower_in(&toks[st + 1], TOPIC)) {
        return None;
    }
    if (0..st).any(|k| !toks[k].is_cap() && toks[k].is_word()) {
        return None;
    }
    np_backward(h, &toks, 0, st).filter(named)
}

/// How many lawmakers a paragraph names with a title: two for a plural title before a name
/// (`U.S. Senators Ruth Vance`, `Reps. A and B`), one for each singular one.
fn lawmakers_named(p: &str) -> usize {
    const PLURAL: &[&str] = &[
        "senators",
        "sens.",
        "reps.",
        "representatives",
        "congressmembers",
    ];
    const SINGLE: &[&str] = &[
        "senator",
        "sen.",
        "rep.",
        "representative",
        "congressman",
        "congresswoman",
        "congressmember",
    ];
    let toks = tokens(p, 0..p.len());
    toks.windows(2)
        .map(|w| {
            if !w[0].is_cap() || !w[1].is_cap() || !w[1].is_word() {
                0
            } else if lower_in(&w[0], PLURAL) {
                2
            } else if lower_in(&w[0], SINGLE) {
                1
            } else {
                0
            }
        })
        .sum()
}

/// The first person named after a lawmaker's title (`U.S. Senators Ruth Vance (D-OR) and
/// …`, `Rep. Dana Whitcomb`, `Congresswoman Lund`): the name's capitalised words.
fn first_lawmaker(paragraphs: &[&str]) -> Option<String> {
    const TITLES: &[&str] = &[
        "senator",
        "senators",
        "sen.",
        "sens.",
        "rep.",
        "reps.",
        "representative",
        "representatives",
        "congressman",
        "congresswoman",
        "congressmember",
    ];
    // (`Senator Kim Delivered this speech`: a capitalised word the article also writes in
    // lower case is no part of a name.)
    let mut lower: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| tokens(p, 0..p.len()))
        .filter(|t| t.is_word() && !t.is_cap())
        .map(|t| t.s.to_string())
        .collect();
    lower.sort();
    lower.dedup();
    // (A subtitle in title case, `Senator Marshall Joins Pete Mundo on The Vince Show`,
    // runs the name into the words after it: the text's sentences first.)
    let sentences = paragraphs.iter().filter(|p| !title_case(p));
    let titles = paragraphs.iter().filter(|p| title_case(p));
    sentences.chain(titles).find_map(|p| {
        let toks = tokens(p, 0..p.len());
        (0..toks.len()).find_map(|i| {
            if !toks[i].is_cap() || !lower_in(&toks[i], TITLES) {
                return None;
            }
            let n = toks[i + 1..]
                .iter()
                .take_while(|t| {
                    t.is_word()
                        && t.is_cap()
                        && !lower_in(t, TITLES)
                        && lower.binary_search(&t.lower()).is_err()
                })
                .take(4)
                .count();
            (n > 0).then(|| {
                text_of(p, &toks[i + 1..i + 1 + n])
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .to_string()
            })
        })
    })
}

/// Whether a paragraph is a photo caption: it credits an image (`Image: NASA.`, `(AP
/// Photo/…)`) or is marked as a file photo.
/// A byline: `By Tom Reed`, `By Tom Reed and Ana Ruiz`, or a name then the outlet
/// (`Sok Khemara, VOA Khmer`, `Tom Reed, Reuters`): a few capitalised words, no sentence.
/// The length of a dateline opening a paragraph (`McAllen, Texas — `, `PHNOM PENH - `): a
/// few capitalised words, no digit and no quotation mark, then a dash; 0 when none.
fn dateline_len(t: &str) -> usize {
    // (`On Friday, USA Gymnastics (USAG) — the …`: a sentence, not a dateline.)
    let fits = |head: &str| {
        let words: Vec<&str> = head.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && !words.first().is_some_and(|w| {
                names::not_name_start(&w.to_lowercase())
                    || lower_is(
                        w,
                        &["on", "in", "at", "the", "a", "an", "after", "before", "by"],
                    )
            })
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || w.starts_with('(') && w.ends_with(')')
            })
            && !head.contains(|c: char| c.is_ascii_digit() || "\"“”‘’".contains(c))
    };
    // (`Denver— Colorado U.S. Senator …`: the dash may follow the place with no space.)
    let dashed = [" — ", " – ", " -- ", " - ", "— ", "– "]
        .iter()
        .filter_map(|d| t.find(d).map(|at| (at, d.len())))
        .min()
        .filter(|&(at, _)| fits(&t[..at]));
    // (`Washington, D.C. U.S. Senator …`, `WASHINGTON, DC Rep. Pete Olson …`: a release's
    // lost dash or line break, the capital's name alone.)
    let capital = || {
        [", D.C. ", ", DC "]
            .iter()
            .filter_map(|c| t.find(c).map(|at| (at, c.len())))
            .min()
            .filter(|&(at, _)| fits(&t[..at]))
    };
    // (`Washington—Senator …`, `BOISE–The …`: a dash glued to both the place and the
    // sentence's first word, a capital letter after it.)
    let glued = || {
        ["—", "–"]
            .iter()
            .filter_map(|d| t.find(d).map(|at| (at, d.len())))
            .min()
            .filter(|&(at, d)| {
                fits(&t[..at])
                    && !t[..at].ends_with(' ')
                    && t[at + d..].starts_with(|c: char| c.is_uppercase())
            })
    };
    dashed
        .or_else(capital)
        .or_else(glued)
        .map_or(0, |(at, dash)| at + dash)
}

/// Whether a paragraph can be part of remarks printed as a release: it opens with a
/// quotation mark, or it is a separator (`***`), a subheading (`On the economy:`) or a
/// short note (`Remarks as prepared for delivery.`).
fn in_printed_remarks(p: &str) -> bool {
    let t = p.trim_start();
    t.starts_with(['“', '"', '«', '„'])
        || !t.chars().any(char::is_alphanumeric)
        || is_heading_line(p)
        || is_note(p)
}

/// A heading line over what follows: a short paragraph ending with a colon, quoting
/// nothing (`On rising agriculture costs:`, `More highlights from the speech include:`).
fn is_heading_line(p: &str) -> bool {
    let t = p.trim();
    t.ends_with(':')
        && !t.contains(['“', '”', '"'])
        && (1..=15).contains(&t.split_whitespace().count())
}

fn is_byline(p: &str) -> bool {
    let t = p.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 8 || t.ends_with(['.', '!', '?', ':']) || t.contains(['"', '“', '”']) {
        return false;
    }
    let caps = |ws: &[&str]| {
        !ws.is_empty()
            && ws.iter().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(*w, "and" | "of" | "in" | "for")
            })
    };
    if let Some(rest) = t.strip_prefix("By ") {
        let ws: Vec<&str> = rest.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        return caps(&ws) && ws.len() <= 7;
    }
    let Some((name, outlet)) = t.split_once(", ") else {
        return false;
    };
    let name: Vec<&str> = name.split_whitespace().collect();
    let outlet: Vec<&str> = outlet.split_whitespace().collect();
    (2..=3).contains(&name.len())
        && caps(&name)
        && caps(&outlet)
        && (kind_of(&outlet.join(" "), "") == PartyKind::Media
            || outlet.iter().any(|w| {
                matches!(
                    *w,
                    "VOA"
                        | "Reuters"
                        | "AP"
                        | "AFP"
                        | "BBC"
                        | "CNN"
                        | "Xinhua"
                        | "Bloomberg"
                        | "News"
                        | "Press"
                        | "Service"
                        | "Radio"
                        | "Voice"
                )
            }))
}

/// A short note of one sentence, no quotation and no name (`Remarks as prepared for
/// delivery.`, `Watch the remarks here.`): it speaks of what comes next, not for anyone.
fn is_note(p: &str) -> bool {
    let t = p.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 12
        && !t.contains(['“', '”', '"', '«', '»'])
        && !t
            .trim_end_matches(['.', ':'])
            .contains(['.', '!', '?', ':', ';'])
        && words[1..]
            .iter()
            .all(|w| !w.starts_with(|c: char| c.is_uppercase()))
}

fn is_caption(p: &str) -> bool {
    let t = p.trim();
    [
        "Image:",
        "Photo:",
        "Photograph:",
        "Credit:",
        "Photo credit",
        " Photo/",
        "(Photo",
    ]
    .iter()
    .any(|w| t.contains(w))
        || t.starts_with("FILE -")
        || t.starts_with("FILE –")
        || t.starts_with("FILE PHOTO")
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

impl Drafter<'_> {
    fn note(sentence: &str, rule: &str) -> Note {
        Note {
            sentence: sentence.to_string(),
            rule: rule.to_string(),
        }
    }

    /// The organisation a short form `name` (`VOA`, `Fewsnet`) stands for: `drafted`, the
    /// party already drafted, else `named`, an organisation the article names but no quote
    /// has drafted yet, drafted now without its `The`. The short form is kept as its alias.
    fn short_form_of(
        &mut self,
        drafted: Option<usize>,
        named: Option<String>,
        name: &str,
        sentence: &str,
        rule: &str,
    ) -> Option<usize> {
        let i = drafted.or_else(|| {
            let named = named?;
            let full = Np {
                name: named.strip_prefix("The ").unwrap_or(&named).to_string(),
                ..Np::default()
            };
            self.entity(&full, sentence, rule)
        })?;
        if !self.d.entities[i].aliases.iter().any(|a| a == name) {
            self.d.entities[i].aliases.push(name.to_string());
            self.index_names(i);
        }
        self.mention(i);
        Some(i)
    }

    /// Finds or adds the entity a name phrase names; `sentence` and `rule` say why.
    fn entity(&mut self, np: &Np, sentence: &str, rule: &str) -> Option<usize> {
        if let Some(pr) = &np.pronoun {
            let found = match pr.as_str() {
                "he" | "she" | "him" | "her" => self.person_agreeing(pr),
                // An organisation that was a sentence's subject since: `The utility Entergy
                // said …. “…,” it said.`
                "it" => match self.subject_org.clone() {
                    Some((np, at)) if at > self.last_org_sent && at + 3 >= self.sent_no => {
                        self.subject_org = None;
                        return self.entity(&np, sentence, rule);
                    }
                    _ => self.last_org,
                },
                "they" | "them" => self.last_org.or(self.last_person),
                _ => self.last_speaker,
            };
            // A pronoun that names them keeps them the one "he" or "it" means next.
            if let Some(f) = found {
                self.mention(f);
            }
            return found;
        }
        let name = np
            .name
            .trim()
            .trim_end_matches(['’', '\''])
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim();
        if let Some((person, org)) = possessive_person(name).filter(|(person, _)| {
            kind_of(person, "") == PartyKind::Person || self.known_person(person)
        }) {
            let np = Np {
                name: person,
                org: np.org.clone().or(Some(org)),
                ..np.clone()
            };
            return self.entity(&np, sentence, rule);
        }
        // `Added Davis: …`, `Said Smith, …`: a tag turned round at a sentence's start; the
        // capitalised verb is no part of the name.
        let name = match name.split_once(' ') {
            Some((verb, rest))
                if verb.starts_with(char::is_uppercase)
                    && lower_is(verb, &["added", "adds", "said", "says"])
                    && rest.starts_with(char::is_uppercase) =>
            {
                rest
            }
            _ => name,
        };
        if name.is_empty()
            || fold_words(name).is_empty()
            || names::names_a_thing(name)
            || pronoun_name(name)
        {
            return None;
        }
        // `said CongressmanDeluzio`: a lawmaker's title run into the name by a lost space
        // is no part of it.
        for title in ["Congressman", "Congresswoman", "Congressmember", "Senator"] {
            let Some(rest) = name.strip_prefix(title) else {
                continue;
            };
            if rest.chars().count() >= 3
                && rest.starts_with(char::is_uppercase)
                && rest
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && rest.chars().skip(1).any(char::is_lowercase)
            {
                let untitled = Np {
                    name: rest.to_string(),
                    role: np.role.clone().or_else(|| Some(title.to_lowercase())),
                    ..np.clone()
                };
                return self.entity(&untitled, sentence, rule);
            }
        }
        // `Senators Susan Collins (R-ME), Angus King …`, `Representatives Suzan DelBene`,
        // `Senators Budd and Ernst`: a plural title before the first name of a list is no
        // part of the name.
        {
            let words: Vec<&str> = name.split_whitespace().collect();
            let t = usize::from(words.first().is_some_and(|w| lower_is(w, &["u.s."])));
            if words.len() >= t + 2
                && lower_is(words[t].trim_end_matches('.'), PLURAL_LAWMAKER_TITLES)
                && words[t + 1..]
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && !is_title_word(w))
            {
                let untitled = Np {
                    name: words[t + 1..].join(" "),
                    role: np.role.clone().or_else(|| Some(words[t].to_lowercase())),
                    ..np.clone()
                };
                return self.entity(&untitled, sentence, rule);
            }
        }
        // `wrote the lawmakers`, `the Senators continued`: a letter's signers quoted as a
        // group are drafted as the first of them the article names with a lawmaker's title.
        {
            let words: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lower_is(w, &["the"]))
                .collect();
            // (The one the article gives as leading them, in this paragraph or the four
            // before, first: `Feenstra and his colleagues argue …. “…,” the members wrote.`)
            let leader = self
                .group_leader
                .clone()
                .filter(|(_, at)| at + 4 >= self.para_no)
                .map(|(n, _)| n);
            // (`the House members wrote`: a chamber or party before the group.)
            let words = match words.as_slice() {
                [chamber, w]
                    if chamber.starts_with(char::is_uppercase)
                        && lower_is(
                            chamber,
                            &[
                                "house",
                                "senate",
                                "democratic",
                                "republican",
                                "congressional",
                            ],
                        ) =>
                {
                    vec![*w]
                }
                _ => words,
            };
            if let ([w], Some(lead)) = (words.as_slice(), leader.or(self.lead_lawmaker.clone())) {
                if lower_is(w, LAWMAKER_GROUPS) {
                    let np = Np {
                        name: lead,
                        ..Np::default()
                    };
                    let rule = format!("{rule}; the {w}: the first lawmaker the article names");
                    return self.entity(&np, sentence, &rule);
                }
            }
        }
        // `the U.N. chief said`, `the NATO head`: the person last named with a role in that
        // organisation (`U.N. Secretary-General Antonio Guterres`).
        {
            let words: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lower_is(w, &["the"]))
                .collect();
            if let Some((head, org)) = words.split_last() {
                let org_words = fold_words(&org.join(" "));
                if lower_is(
                    head,
                    &["chief", "head", "leader", "boss", "chairman", "chairwoman"],
                ) && !org.is_empty()
                    && org.iter().all(|w| w.starts_with(char::is_uppercase))
                    && !org_words.is_empty()
                {
                    let has_role = |i: usize| {
                        org_words.iter().all(|w| self.role_words[i].contains(w))
                            || self.d.entities[i]
                                .speaks_for
                                .is_some_and(|b| self.folded[b] == org_words)
                    };
                    let found = self.recent_person(has_role);
                    if let Some(f) = found {
                        self.mention(f);
                        return Some(f);
                    }
                }
            }
        }
        // `Her agency said`, `his ministry said`: the organisation the person last named
        // speaks for.
        if let Some((owner, noun)) = name.split_once(' ') {
            let noun = noun.to_lowercase();
            if lower_is(owner, &["his", "her", "their"])
                && (ORG_NOUNS.contains(&noun.as_str()) || ORG_KIND_NOUNS.contains(&noun.as_str()))
            {
                if let Some(b) = self.last_person.and_then(|p| self.d.entities[p].speaks_for) {
                    self.mention(b);
                    return Some(b);
                }
                // Else as "the agency": the organisation last named that it means.
                let np = Np {
                    name: noun,
                    ..Np::default()
                };
                return self.entity(&np, sentence, rule);
            }
        }
        // `His younger brother said`: someone described through the person last named,
        // drafted as `Jean's younger brother`.
        if let Some((owner, desc)) = name.split_once(' ') {
            let whose = match owner.to_lowercase().as_str() {
                "his" | "her" => self.last_person,
                "their" => self.last_org.or(self.last_person),
                _ => None,
            };
            let plain = desc
                .split_whitespace()
                .all(|w| w.starts_with(char::is_lowercase));
            if let Some(o) = whose.filter(|_| plain && !ORG_NOUNS.contains(&desc)) {
                let np = Np {
                    name: format!("{}'s {desc}", self.d.entities[o].name),
                    ..Np::default()
                };
                return self.entity(&np, sentence, rule);
            }
        }
        // `Cornyn's statement added`, `a White House statement said`: the statement's words
        // are its author's.
        if let Some((owner, doc)) = name.rsplit_once(' ') {
            let owner = owner
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches(['’', '\'']);
            if STATEMENT_OWNED.contains(&doc)
                && owner.chars().next().is_some_and(char::is_uppercase)
                && !names::not_name_start(&owner.to_lowercase())
            {
                let by = Np {
                    name: owner.to_string(),
                    ..Np::default()
                };
                // Its words quoted later ("the communique also said") are the owner's.
                let owner = self.entity(&by, sentence, rule);
                if owner.is_some() {
                    self.last_statement = owner;
                }
                return owner;
            }
        }
        // `the FBI` after `the Federal Bureau of Investigation`, never introduced in
        // brackets: the organisation whose capitalised words it abbreviates.
        if (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase()) {
            let by_initials = self.d.entities.iter().rposition(|e| {
                e.kind != PartyKind::Person && e.kind != PartyKind::Anonymous && {
                    let initials: String = e
                        .name
                        .split_whitespace()
                        .filter_map(|w| w.chars().next())
                        .filter(|c| c.is_uppercase())
                        .collect();
                    let words: Vec<&str> = e.name.split_whitespace().collect();
                    // (`VOA` after `Voice of America`: a joining word's letter too.)
                    initials == name || abbreviates(name, &words, true)
                }
            });
            // Else an organisation named so but not drafted yet (`The Voice of America does
            // not …`, then `VOA cannot comment`).
            let named = self
                .org_mentions
                .iter()
                .rev()
                .find(|m| {
                    let words: Vec<&str> = m
                        .split_whitespace()
                        .skip_while(|w| lower_is(w, &["the"]))
                        .collect();
                    abbreviates(name, &words, true)
                })
                .cloned();
            if let Some(i) = self.short_form_of(by_initials, named, name, sentence, rule) {
                return Some(i);
            }
        }
        // `Fewsnet` after `the Famine Early Warning System Network`: an organisation's
        // letters written as one capitalised word, not in capitals, are the organisation of
        // three words or more whose words begin with them in order, named before (never a
        // person the article names so).
        if name.chars().count() >= 4
            && !name.contains(' ')
            && name.starts_with(char::is_uppercase)
            && name.chars().skip(1).all(char::is_lowercase)
            && !self.known_person(name)
        {
            let upper = name.to_uppercase();
            let spells = |full: &str| {
                let words: Vec<&str> = full
                    .split_whitespace()
                    .skip_while(|w| lower_is(w, &["the"]))
                    .collect();
                words.len() >= 3 && abbreviates(&upper, &words, false)
            };
            let by_letters = self.d.entities.iter().rposition(|e| {
                e.kind != PartyKind::Person && e.kind != PartyKind::Anonymous && spells(&e.name)
            });
            let named = self.org_mentions.iter().rev().find(|m| spells(m)).cloned();
            if let Some(i) = self.short_form_of(by_letters, named, name, sentence, rule) {
                return Some(i);
            }
        }
        if let Some((acr, full)) = self.acronyms.iter().find(|(a, _)| a == name).cloned() {
            let full_np = Np {
                name: full,
                ..np.clone()
            };
            let idx = self.entity(&full_np, sentence, rule)?;
            if !self.d.entities[idx].aliases.contains(&acr) {
                self.d.entities[idx].aliases.push(acr);
                self.index_names(idx);
            }
            return Some(idx);
        }
        let lower_words: Vec<String> = fold_words(name);
        // `Spokesman Mwonzora`, `Administrator Criswell`: a title written capitalised before
        // a name. The person already drafted under that name (`Douglas Mwonzora`) is the
        // one meant; else a person's title is their role, not part of their name.
        let words: Vec<&str> = name.split_whitespace().collect();
        // (`Sens. Ossoff`, `Rev. Warnock`: a plural lawmakers' title or a cleric's, written
        // short, is a title too.)
        let short_title = |w: &&str| lower_is(w.trim_end_matches('.'), SHORT_TITLES);
        // (`U. S. Attorney Finley`, `U.K. Ambassador …`: a country's initials before the
        // title are the title's.)
        let country = words.iter().take_while(|w| country_initials(w)).count();
        let titles = country
            + words[country..]
                .iter()
                .take_while(|w| is_title_word(w) || lower_is(w, PERSON_TITLES) || short_title(w))
                .count();
        let titles = if titles > country { titles } else { 0 };
        if titles > 0
            && titles < words.len()
            && words[titles..]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) && !is_title_word(w))
        {
            let rest = fold_words(&words[titles..].join(" "));
            if let Some(i) = self.person_named(&rest) {
                self.mention(i);
                return Some(i);
            }
            // (Also an office held: `Congresswoman Malliotakis`, `U.S. Attorney Bash`; not a
            // courtesy title alone, `Mr Key`, nor a word that may be a name's, `King`.)
            let office = |w: &&str| lower_is(w.trim_end_matches('.'), OFFICES) || short_title(w);
            if words[country..titles]
                .iter()
                .all(|w| lower_is(w, PERSON_TITLES) || office(w))
            {
                let untitled = Np {
                    name: words[titles..].join(" "),
                    role: np
                        .role
                        .clone()
                        .or_else(|| Some(words[..titles].join(" ").to_lowercase())),
                    ..np.clone()
                };
                return self.entity(&untitled, sentence, rule);
            }
        }
        // `The Prime Minister said`, `the President added`: a title written capitalised with
        // no name is the person last named with it (`UK Prime Minister David Cameron`).
        if titles == words.len() && name.starts_with(char::is_uppercase) {
            let title = fold_words(name);
            let has_role = |i: usize| title.iter().all(|w| self.role_words[i].contains(w));
            let found = self.recent_person(has_role);
            if let Some(f) = found {
                self.mention(f);
                return Some(f);
            }
        }
        // `the Florida lawmaker said`, `the Chinese Premier said`: a role after a place,
        // nationality or party, with no name, is the person last named with it anywhere
        // before (not a group: `Somali officials`) (`Congresswoman Frederica Wilson`, `Chinese Premier Wen Jiabao`; a lawmaker
        // is a congresswoman, senator, representative …).
        {
            let words: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lower_is(w, &["the"]))
                .collect();
            if let Some((head, before)) = words.split_last() {
                let modifier = |w: &str| {
                    let l = w.to_lowercase();
                    w.starts_with(char::is_uppercase)
                        && (names::is_place(w)
                            || ["an", "ese", "ish", "i"].iter().any(|e| l.ends_with(e))
                            || lower_is(w, &["democratic", "republican", "labour", "conservative"]))
                };
                if before.len() == 1
                    && modifier(before[0])
                    && !is_title_word(before[0])
                    && is_title_word(head)
                    && (!head.ends_with('s') || head.ends_with("ss"))
                    && !self.known_person(before[0])
                {
                    let head = head.to_lowercase();
                    let synonyms: &[&str] = if LAWMAKERS.contains(&head.as_str()) {
                        LAWMAKERS
                    } else {
                        &[]
                    };
                    let has_role = |i: usize| {
                        self.role_words[i]
                            .iter()
                            .any(|r| *r == head || synonyms.contains(&r.as_str()))
                    };
                    if let Some(f) = self.recent_person(has_role) {
                        self.mention(f);
                        return Some(f);
                    }
                }
            }
        }
        // `the prime minister said`: a role of two or three words written in lower case, with
        // no name, is the person last named with it (`Prime Minister Hun Sen`).
        {
            let role: Vec<&str> = name
                .split_whitespace()
                .skip_while(|w| lower_is(w, &["the"]))
                .collect();
            if (2..=3).contains(&role.len())
                && role.iter().all(|w| w.starts_with(char::is_lowercase))
                && role.iter().all(|w| is_title_word(w))
            {
                let title = fold_words(&role.join(" "));
                let has_role = |i: usize| {
                    title
                        .iter()
                        .all(|w| self.role_words[i].contains(w) || self.folded[i].contains(w))
                };
                let found = self.recent_person(has_role);
                if let Some(f) = found {
                    self.mention(f);
                    return Some(f);
                }
            }
        }
        // "the company", "the ministry": the last organisation of that sort (also when
        // described: "the coffee growers association").
        let org_described = (2..=3).contains(&lower_words.len())
            && name
                .split_whitespace()
                .all(|w| !w.starts_with(char::is_uppercase))
            && lower_words.last().is_some_and(|w| {
                ORG_KIND_NOUNS.contains(&w.as_str())
                    || ORG_NOUN_MEANS.iter().any(|(n, _)| n == w)
                    || ORGANIZATION_MEANS.contains(&w.as_str())
            });
        // (`the joint statement said`: a described document is the document.)
        let document_described = (2..=3).contains(&lower_words.len())
            && name
                .split_whitespace()
                .all(|w| !w.starts_with(char::is_uppercase))
            && lower_words
                .last()
                .is_some_and(|w| STATEMENT_OWNED.contains(&w.as_str()));
        // `said the 29-year-old`: the person last named (this paragraph or the one before).
        if name.ends_with("-year-old")
            && name.starts_with(|c: char| c.is_ascii_digit())
            && sentence.to_lowercase().contains(&format!("the {name}"))
            && self.para_no <= self.person_para + 1
        {
            if let Some(f) = self.last_person {
                self.mention(f);
                return Some(f);
            }
        }
        if !name.chars().next().is_some_and(char::is_uppercase)
            && (lower_words.len() == 1 || org_described || document_described)
        {
            let w = &lower_words[lower_words.len() - 1];
            // "the dog" after `a dog named “Ralph”`.
            if lower_words.len() == 1 {
                if let Some((_, named)) = self.named_as.iter().rev().find(|(n, _)| n == w) {
                    let np = Np {
                        name: named.clone(),
                        ..Np::default()
                    };
                    let rule = format!("{rule}; “the {w}”: the one named so");
                    return self.entity(&np, sentence, &rule);
                }
            }
            // "the statement said": the words of whoever gave the statement.
            if STATEMENT_OWNED.contains(&w.as_str()) {
                let owner = self.documents.iter().rev().find(|(d, _)| d == w);
                if let Some((_, owner)) = owner.cloned() {
                    let np = Np {
                        name: owner,
                        ..Np::default()
                    };
                    let rule = format!("{rule}; “the {w}”: its owner, named with it before");
                    return self.entity(&np, sentence, &rule);
                }
                if let Some(b) = self
                    .last_statement
                    .filter(|_| !AUTHORED.contains(&w.as_str()))
                {
                    self.mention(b);
                    return Some(b);
                }
                // (`Russia's Interior Ministry confirmed …. The statement said …`: with no
                // owner named, the organisation named in the last sentences gave it.)
                if !AUTHORED.contains(&w.as_str()) {
                    let subject = self
                        .subject_org
                        .clone()
                        .filter(|(_, at)| at + 2 >= self.sent_no && *at >= self.last_org_sent);
                    if let Some((np, _)) = subject {
                        let rule = format!(
                            "{rule}; “the {w}”: the organisation the sentences before were about"
                        );
                        return self.entity(&np, sentence, &rule);
                    }
                    if let Some(o) = self
                        .last_org
                        .filter(|_| self.last_org_sent + 2 >= self.sent_no)
                    {
                        self.mention(o);
                        return Some(o);
                    }
                }
            }
            // "the minister", "the spokesman": the person last named with that role.
            if is_title_word(w) {
                let has_role = |i: usize| self.role_words[i].contains(w);
                let found = self.recent_person(has_role);
                if let Some(f) = found {
                    self.mention(f);
                    return Some(f);
                }
            }
            // `the 29-year-old said`, `the astronomer said`, `the mother said`: a person
            // described, not named, no one named with that role: the person last named (this
            // paragraph or the one before) whom the word fits, as a pronoun would.
            let definite = {
                let l = sentence.to_lowercase();
                l.contains(&format!("the {w} "))
                    || l.contains(&format!("the {w},"))
                    || l.contains(&format!("the {w}."))
            };
            let unnamed_speaker = [
                "official",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "source",
                "author",
            ];
            let person_noun = lower_words.len() == 1
                && (!w.ends_with('s') || w.ends_with("ss"))
                && !unnamed_speaker.contains(&w.as_str())
                && !ORG_NOUNS.contains(&w.as_str())
                && !ORG_KIND_NOUNS.contains(&w.as_str())
                && !ORGANIZATION_MEANS.contains(&w.as_str())
                && !ORG_NOUN_MEANS.iter().any(|(n, _)| n == w)
                && !STATEMENT_OWNED.contains(&w.as_str())
                && !STATEMENT_WORDS.contains(&w.as_str());
            if definite
                && person_noun
                && np.description.is_none()
                && self.para_no <= self.person_para + 1
            {
                let pronoun = match w.as_str() {
                    "mother" | "woman" | "wife" | "daughter" | "sister" | "girl"
                    | "grandmother" | "widow" | "actress" => Some("she"),
                    "father" | "man" | "husband" | "son" | "brother" | "boy" | "grandfather"
                    | "widower" | "actor" => Some("he"),
                    _ => None,
                };
                let found = match pronoun {
                    Some(pr) => self.person_agreeing(pr),
                    None => self.last_person,
                };
                if let Some(f) = found {
                    self.mention(f);
                    return Some(f);
                }
            }
            let folded = &self.folded;
            let means: &[&str] = ORG_NOUN_MEANS
                .iter()
                .find(|(n, _)| n == w)
                .map_or(&[], |(_, m)| m);
            // The organisation last named that the noun means, speaking or not (drafted
            // now under its name if it has not spoken), else the last drafted one.
            let named = self.org_mentions.iter().rev().find(|m| {
                let mw = fold_words(m);
                mw.iter().any(|x| x == w || means.contains(&x.as_str()))
            });
            if let Some(named) = named.cloned() {
                let np = Np {
                    name: named,
                    ..Np::default()
                };
                let rule = format!("{rule}; “the {w}”: the organisation last named that it means");
                return self.entity(&np, sentence, &rule);
            }
            let found = self.d.entities.iter().enumerate().rposition(|(i, e)| {
                e.kind != PartyKind::Person
                    && (folded[i].contains(w)
                        || means.iter().any(|m| folded[i].iter().any(|f| f == m))
                        || (w == "company" || w == "firm") && e.kind == PartyKind::Company)
            });
            if let Some(f) = found {
                return Some(f);
            }
            // Else the organisation last named, or one a recent sentence was about.
            // (Only for a noun any organisation may be called: "the military" or "the
            // ministry" means one of its own sort.)
            let media = matches!(
                w.as_str(),
                "broadcaster" | "network" | "newspaper" | "channel" | "station" | "outlet"
            );
            let generic = media
                || matches!(
                    w.as_str(),
                    "company" | "firm" | "group" | "organization" | "organisation" | "association"
                );
            let subject_later = self
                .org_subject
                .as_ref()
                .is_some_and(|&(_, at)| at >= self.last_org_sent);
            // (A government is no company.)
            // (A government is no company; a broadcaster is a medium.)
            let fits = |k: PartyKind| {
                !(matches!(w.as_str(), "company" | "firm")
                    && matches!(k, PartyKind::Government | PartyKind::Media))
                    && (!media || k == PartyKind::Media)
            };
            if let Some(o) = self.last_org.filter(|&o| {
                generic
                    && !subject_later
                    && self.last_org_sent + 3 >= self.sent_no
                    && fits(self.d.entities[o].kind)
            }) {
                self.mention(o);
                return Some(o);
            }
            if let Some((np, _)) = self.org_subject.clone().filter(|(np, at)| {
                generic
                    && at + 8 >= self.sent_no
                    && fits(kind_of(&np.name, np.description.as_deref().unwrap_or("")))
            }) {
                let rule =
                    format!("{rule}; “the {w}”: the organisation a recent sentence was about");
                return self.entity(&np, sentence, &rule);
            }
        }
        let description = np.description.clone().unwrap_or_default();
        let mut kind = kind_of(name, &description);
        // (A first name alone with a role: `Her husband, Tom,`.)
        let first_name = name.split_whitespace().count() == 1
            && !name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        if np.role.is_some()
            && kind == PartyKind::Organization
            && (name.split_whitespace().count() >= 2 || first_name)
        {
            kind = PartyKind::Person;
        }
        // A surname or a shorter form of a name already drafted.
        let single = lower_words.len() == 1;
        let folded = &self.folded;
        // A surname alone that two people share: the one the article named first, its
        // principal (a writer names the other one in full, or by the given name, to tell
        // them apart: `Kelly` is Senator Mark Kelly, not `his brother Scott Kelly`). (`Sarkozy` is Nicolas Sarkozy, not Carla Bruni-Sarkozy, when both are drafted: a
        // surname written alone is first the whole last word of a name.)
        let whole_last = |i: usize| {
            self.d.entities[i].kind == PartyKind::Person
                && folded[i].len() >= 2
                && self.d.entities[i]
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| fold_words(w) == lower_words)
        };
        // (Of those, one the article introduced with a role or a description first: a
        // heading's words run into the surname, `Co-sponsor Lee`, `Schiff Joins Welch`, are
        // no introduction.)
        let introduced = |i: usize| {
            self.d.entities[i].role.is_some() || self.d.entities[i].description.is_some()
        };
        let exact = if single {
            (0..self.d.entities.len())
                .find(|&i| whole_last(i) && introduced(i))
                .or_else(|| (0..self.d.entities.len()).find(|&i| whole_last(i)))
        } else {
            None
        };
        let existing = exact.or_else(|| {
            self.d.entities.iter().enumerate().position(|(i, e)| {
                let ew = &folded[i];
                *ew == lower_words
                    || e.aliases.iter().any(|a| fold_words(a) == lower_words)
                    || (single && e.kind == PartyKind::Person && ew.last() == lower_words.last())
                    || (!single && ew.len() >= 2 && e.kind == kind && runs_match(ew, &lower_words))
            })
        });
        // A first name alone ("Kay remembered" after "Kay Day"): the one person drafted
        // with that first name.
        let existing = existing.or_else(|| {
            single
                .then(|| self.person_by_first_name(&lower_words[0]))
                .flatten()
        });
        // One person's name spelt two ways ("Kristin"/"Kristen Wilkins", "Water" after
        // "Kathryn Waters"): the same person, the other spelling kept as an alias.
        let variant = existing
            .is_none()
            .then(|| self.person_spelt_alike(&lower_words))
            .flatten()
            .filter(|_| kind == PartyKind::Person || single);
        if let Some(v) = variant {
            let e = &mut self.d.entities[v];
            if !e.aliases.iter().any(|a| fold_words(a) == lower_words) {
                e.aliases.push(name.to_string());
                self.index_names(v);
            }
        }
        let idx = match existing.or(variant) {
            Some(i) => i,
            None => {
                // A surname of a person named but not yet drafted would be found here too;
                // with none, a new entity.
                let idx = self.add_entity(name, kind, Self::note(sentence, rule));
                self.official_of(idx, &lower_words, np, sentence, rule);
                idx
            }
        };
        // What the phrase says about them.
        let (mut role, mut org) = (np.role.clone(), np.org.clone());
        if let Some(desc) = &np.description {
            let (r, o) = appositive(desc);
            if role.is_none() {
                role = r;
            }
            if org.is_none() {
                org = o;
            }
            if self.d.entities[idx].description.is_none() {
                self.d.entities[idx].description = Some(desc.clone());
            }
        }
        for r in role.iter().chain(&np.description) {
            for w in fold_words(r) {
                // "Gen." is the general, "Adm." the admiral.
                if let Some((_, full)) = RANK_ABBREVIATIONS.iter().find(|(a, _)| *a == w) {
                    self.role_words[idx].push(full.to_string());
                }
                self.role_words[idx].push(w);
            }
        }
        let role_l = role.as_deref().unwrap_or("").to_lowercase();
        let is_analyst = ANALYST_WORDS.iter().any(|w| {
            role_l
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| x == *w)
        }) || ANALYST_WORDS.iter().any(|w| role_l.contains(w));
        {
            let e = &mut self.d.entities[idx];
            if e.role.is_none() {
                e.role = role.clone();
            }
            if is_analyst && e.kind == PartyKind::Person {
                e.analyst = true;
            }
            if role.is_some()
                && matches!(e.kind, PartyKind::Organization | PartyKind::Other)
                && e.name.split_whitespace().count() >= 2
                && e.name.chars().next().is_some_and(char::is_uppercase)
            {
                e.kind = PartyKind::Person;
            }
        }
        if let Some(org) = org {
            if self.d.entities[idx].analyst {
                if self.d.entities[idx].affiliation.is_none() {
                    self.d.entities[idx].affiliation = Some(org);
                }
            } else if self.d.entities[idx].speaks_for.is_none()
                && self.d.entities[idx].kind != PartyKind::Media
            {
                let boss = Np {
                    name: org,
                    ..Np::default()
                };
                let rule_b = format!("the organisation {} speaks for", self.d.entities[idx].name);
                if let Some(b) = self.entity(&boss, sentence, &rule_b) {
                    if b != idx
                        && self.d.entities[b].speaks_for.is_none()
                        && !self.d.entities[b].analyst
                    {
                        self.d.entities[idx].speaks_for = Some(b);
                    }
                }
            }
        }
        self.mention(idx);
        Some(idx)
    }

    /// The person drafted under the name `words` (folded), or, for a surname alone, a person
    /// drafted with that surname: the one named last if it is one of them, else the first.
    fn person_named(&self, words: &[String]) -> Option<usize> {
        let fits = |i: usize| {
            self.d.entities[i].kind == PartyKind::Person
                && (self.folded[i] == words
                    || words.len() == 1
                        && self.folded[i].len() >= 2
                        && self.folded[i].last() == words.last())
        };
        self.last_person
            .filter(|&i| fits(i))
            .or_else(|| (0..self.d.entities.len()).find(|&i| fits(i)))
    }

    /// The person drafted last whose name is `words` spelt another way: the whole name
    /// ([`names::same_person_spelt`]), or a surname alone against their surname.
    fn person_spelt_alike(&self, words: &[String]) -> Option<usize> {
        // (Either way the last words are spelt alike, so begin with the same letter.)
        let last = words.last()?;
        self.name_index
            .last_letter(last)
            .iter()
            .copied()
            .filter(|&i| {
                let ew = &self.folded[i];
                self.d.entities[i].kind == PartyKind::Person
                    && (names::same_person_spelt(ew, words)
                        || words.len() == 1
                            && ew.len() >= 2
                            && ew.last().is_some_and(|l| names::spelt_alike(l, &words[0])))
            })
            .max()
    }

    /// The one person drafted whose first name is `first` (none when two share it).
    fn person_by_first_name(&self, first: &str) -> Option<usize> {
        let mut found = self
            .d
            .entities
            .iter()
            .zip(&self.folded)
            .enumerate()
            .filter(|(_, (e, f))| e.kind == PartyKind::Person && f.len() >= 2 && f[0] == first)
            .map(|(i, _)| i);
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// The person last mentioned when they fit, else the last person named who fits:
    /// whom a role with no name ("the minister said") stands for.
    fn recent_person(&self, fits: impl Fn(usize) -> bool) -> Option<usize> {
        let person = |i: usize| self.d.entities[i].kind == PartyKind::Person && fits(i);
        self.last_person
            .filter(|&i| person(i))
            .or_else(|| (0..self.d.entities.len()).rev().find(|&i| person(i)))
    }

    fn mention(&mut self, idx: usize) {
        match self.d.entities[idx].kind {
            PartyKind::Person => {
                if self
                    .hearer
                    .is_some_and(|(h, at)| h == idx && at != self.sent_no)
                {
                    self.hearer = None;
                }
                self.last_person = Some(idx);
                self.person_para = self.para_no;
                self.recent_people.retain(|&i| i != idx);
                self.recent_people.push(idx);
            }
            PartyKind::Anonymous => {}
            _ => {
                self.last_org = Some(idx);
                self.last_org_sent = self.sent_no;
            }
        }
    }

    /// `officials said`, `a ministry official said`, `a spokesman said`: someone unnamed
    /// who speaks for an organisation: the one their description names (`ministry`), else
    /// the organisation named in the last three sentences.
    fn official_of(&mut self, idx: usize, words: &[String], np: &Np, sentence: &str, rule: &str) {
        let Some(last) = words.last() else { return };
        let official = matches!(
            last.as_str(),
            "official"
                | "officials"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "representative"
                | "representatives"
                | "officer"
                | "officers"
        );
        if !official
            || np.name.starts_with(char::is_uppercase)
            || np.org.is_some()
            || np.description.is_some()
            || words.len() > 3
        {
            return;
        }
        let noun = words[..words.len() - 1].iter().rev().find(|w| {
            ORG_KIND_NOUNS.contains(&w.as_str()) || ORG_NOUN_MEANS.iter().any(|(n, _)| n == *w)
        });
        let boss = match noun {
            Some(noun) => {
                let np = Np {
                    name: noun.clone(),
                    ..Np::default()
                };
                let b = self.entity(&np, sentence, rule);
                // Only an organisation the article names, not one made of the noun.
                b.filter(|&b| !self.d.entities[b].name.eq_ignore_ascii_case(noun))
            }
            None => {
                let subject = self
                    .org_subject
                    .clone()
                    .filter(|&(_, at)| at + 3 >= self.sent_no && at >= self.last_org_sent);
                match subject {
                    Some((np, _)) => self.entity(&np, sentence, rule),
                    None => self
                        .last_org
                        .filter(|_| self.last_org_sent + 3 >= self.sent_no),
                }
            }
        };
        if let Some(b) = boss.filter(|&b| b != idx && self.d.entities[b].kind != PartyKind::Person)
        {
            self.d.entities[idx].speaks_for = Some(b);
        }
    }

    /// An untagged quotation right under a heading line (a radio interview's `On rising
    /// costs:`, `More highlights from the speech include:`) in a lawmaker's release: the
    /// first person the release names with a lawmaker's title, whose words it prints.
    fn heading_lawmaker(&mut self, sentence: &str) -> Option<usize> {
        if !self.under_heading {
            return None;
        }
        let np = Np {
            name: self.lead_lawmaker.clone()?,
            ..Np::default()
        };
        self.entity(&np, sentence, "the first lawmaker a release names")
    }

    /// An untagged quotation opening its paragraph in a lawmaker's release (`Sen. Ron Wyden,
    /// D-Ore., renewed his call …` in the opening paragraphs, then the statement in
    /// quotation marks with no tag): the lawmaker the release opens with.
    fn release_lawmaker(&mut self, sentence: &str) -> Option<usize> {
        let np = Np {
            name: self.release_lawmaker.clone()?,
            ..Np::default()
        };
        self.entity(&np, sentence, "the lawmaker a release opens with")
    }

    /// The subject of a sentence that describes it without a name (`A California college
    /// is seeking …`, `A federal judge ruled …`), drafted as described; [`Self::finish`]
    /// gives it the name the article uses next for it.
    fn described_subject(&mut self, p: &str, s: &Sent) -> Option<usize> {
        // (After a dateline: `Washington — A California college …`.)
        let toks = &s.toks;
        let dash = toks
            .iter()
            .take(6)
            .position(|t| matches!(t.s, "—" | "–" | "-"))
            .map_or(0, |d| d + 1);
        let first = (dash..toks.len()).find(|&i| toks[i].is_word())?;
        if !(toks[first].is("A") || toks[first].is("An")) {
            return None;
        }
        let np = described_after(p, toks, first, toks.len())
            .map(|(np, _)| np)
            .filter(|np| {
                np.name.split_whitespace().last().is_some_and(|w| {
                    is_title_word(w)
                        || ORG_NOUNS.contains(&w)
                        || ORG_KIND_NOUNS.contains(&w)
                        || kind_of(w, "") != PartyKind::Person && kind_of(w, "") != PartyKind::Other
                })
            })?;
        let rule = "someone described, not named, speaking in their own sentence";
        let idx = self.entity(&np, s.text.trim(), rule)?;
        if !self.described.contains(&idx) {
            self.described.push(idx);
        }
        Some(idx)
    }

    /// Notes person `idx`, named at token `at`, as the one spoken to when a verb of
    /// speaking to stands just before (`told`, `with`, `asked`).
    fn note_hearer(&mut self, idx: usize, toks: &[Tok], at: usize) {
        let spoken_to = at > 0
            && lower_in(
                &toks[at - 1],
                &[
                    "told",
                    "tells",
                    "with",
                    "asked",
                    "asks",
                    "interviewed",
                    "to",
                ],
            )
            && !(at > 1 && toks[at - 1].is("to") && toks[at - 2].is("according"));
        if spoken_to && self.d.entities[idx].kind == PartyKind::Person {
            self.hearer = Some((idx, self.sent_no));
        }
    }

    /// The person "he" or "she" means: the last person named, unless the article gave
    /// them the other gender and one of the two people named before them has this one
    /// (`Ana Ruiz said she … Then Mr. Tom Reed … “…,” she said`).
    fn person_agreeing(&self, pronoun: &str) -> Option<usize> {
        let want = if matches!(pronoun, "he" | "him") {
            1
        } else {
            -1
        };
        let last = self.last_person?;
        let g = |i: usize| self.gender.get(i).copied().unwrap_or(0).signum();
        let n = self.recent_people.len();
        // (`X spoke with Y. “…,” he told her.`: the one spoken to is not the one who
        // speaks next.)
        if self
            .hearer
            .is_some_and(|(h, at)| h == last && at + 1 == self.sent_no)
            && n >= 2
        {
            let speaker = self.recent_people[n - 2];
            if speaker != last && g(speaker) != -want {
                return Some(speaker);
            }
        }
        if g(last) != -want {
            return Some(last);
        }
        let before = self.recent_people[n.saturating_sub(3)..]
            .iter()
            .rev()
            .copied()
            .filter(|&i| i != last)
            .find(|&i| g(i) == want);
        Some(before.unwrap_or(last))
    }

    /// A new entity with nothing known of it yet but its name and kind.
    fn add_entity(&mut self, name: &str, kind: PartyKind, note: Note) -> usize {
        self.folded.push(fold_words(name));
        self.role_words.push(Vec::new());
        self.gender.push(0);
        self.spoke.push(0);
        self.d.entities.push(Entity {
            id: String::new(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            role: None,
            affiliation: None,
            description: None,
            speaks_for: None,
            analyst: false,
            note,
        });
        let idx = self.d.entities.len() - 1;
        self.index_names(idx);
        idx
    }

    /// Lists entity `i` in `name_index` under its name and aliases as they are now.
    fn index_names(&mut self, i: usize) {
        let aliases = self.d.entities[i].aliases.iter().map(|a| fold_words(a));
        self.name_index.add(i, &self.folded[i], aliases);
    }

    fn unattributed(&mut self, sentence: &str) -> usize {
        if let Some(u) = self.unattributed {
            return u;
        }
        let i = self.add_entity(
            "Unattributed",
            PartyKind::Anonymous,
            Self::note(
                sentence,
                "quotations whose speaker the article does not give",
            ),
        );
        self.unattributed = Some(i);
        i
    }

    /// Notes the people and organisations a sentence names, for pronouns later.
    fn mentions(&mut self, p: &str, s: &Sent) {
        let toks = &s.toks;
        // `a dog character named “Ralph”`: the nouns described, then the name.
        for i in 2..toks.len().saturating_sub(1) {
            if !lower_in(&toks[i], &["named", "nicknamed", "called"]) || toks[i].is_cap() {
                continue;
            }
            let Some(a) = (i.saturating_sub(5)..i - 1)
                .rev()
                .find(|&k| lower_in(&toks[k], &["a", "an"]))
            else {
                continue;
            };
            let nouns: Vec<String> = toks[a + 1..i]
                .iter()
                .filter(|t| t.is_word() && !t.is_cap())
                .map(|t| t.lower())
                .collect();
            if nouns.len() != i - a - 1 || nouns.is_empty() {
                continue;
            }
            let name = if toks[i + 1].s == QUOTE_TOK {
                quote_spans(p)
                    .into_iter()
                    .find(|sp| sp.open == toks[i + 1].at)
                    .map(|sp| p[sp.inner].trim().trim_end_matches([',', '.']).to_string())
            } else {
                let mut e = i + 1;
                while e < toks.len() && e < i + 5 && toks[e].is_cap() && toks[e].is_word() {
                    e += 1;
                }
                (e > i + 1).then(|| text_of(p, &toks[i + 1..e]))
            };
            let Some(name) = name.filter(|n| {
                (1..=4).contains(&n.split_whitespace().count())
                    && n.split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
            }) else {
                continue;
            };
            for noun in nouns {
                self.named_as.retain(|(n, _)| *n != noun);
                self.named_as.push((noun, name.clone()));
            }
        }
        // `budget airline Ryanair`, `the rights group Licadho`: a noun of an organisation's
        // sort set just before its name; "the airline" later is Ryanair.
        for i in 0..toks.len().saturating_sub(1) {
            let noun = toks[i].lower();
            if toks[i].is_cap() || !ORG_KIND_NOUNS.contains(&noun.as_str()) {
                continue;
            }
            let mut e = i + 1;
            while e < toks.len() && e < i + 5 && toks[e].is_cap() && toks[e].is_word() {
                e += 1;
            }
            // (Not `the airline Monday`, nor a name run on into a possessive's noun.)
            let name = text_of(p, &toks[i + 1..e]);
            if e == i + 1
                || names::WEEKDAYS.iter().any(|d| name.eq_ignore_ascii_case(d))
                || names::is_place(&name)
                || kind_of(&name, "") == PartyKind::Person
            {
                continue;
            }
            self.named_as.retain(|(n, _)| *n != noun);
            self.named_as.push((noun, name));
        }
        // "Korean Central News Agency (KCNA)"; "the Movement for … Liberation (Movimiento
        // de … Homosexual, MOVILH)": the acronym last in the brackets, after a comma.
        for i in 1..toks.len().saturating_sub(2) {
            let close = (i + 2..toks.len().min(i + 16)).find(|&j| toks[j].s == ")");
            let last_in = close.filter(|&j| j >= i + 4 && toks[j - 2].s == ",");
            if toks[i].s == "(" && (toks[i + 2].s == ")" || last_in.is_some()) {
                let acr = last_in.map_or(toks[i + 1].s, |j| toks[j - 1].s);
                let foreign = last_in.is_some();
                if acr.len() >= 2 && acr.chars().all(|c| c.is_ascii_uppercase()) {
                    let mut k = i;
                    let joins = |t: &Tok| CONNECTORS.contains(&t.lower().as_str());
                    while k > 0
                        && (toks[k - 1].is_cap()
                            || (k >= 2 && toks[k - 2].is_cap() && joins(&toks[k - 1])))
                    {
                        k -= 1;
                    }
                    // (`Department of the Interior`: two joining words.)
                    while k >= 3
                        && toks[k - 3].is_cap()
                        && joins(&toks[k - 2])
                        && joins(&toks[k - 1])
                    {
                        k -= 2;
                        while k > 0
                            && (toks[k - 1].is_cap()
                                || (k >= 2 && toks[k - 2].is_cap() && joins(&toks[k - 1])))
                        {
                            k -= 1;
                        }
                    }
                    if k < i {
                        // (`the Department of the Interior’s (DOI)`: the name, not its
                        // possessive.)
                        let full = text_of(p, &toks[k..i]);
                        let full = full
                            .strip_suffix("’s")
                            .or_else(|| full.strip_suffix("'s"))
                            .unwrap_or(&full)
                            .to_string();
                        let initials: String = full
                            .split_whitespace()
                            .filter_map(|w| w.chars().next())
                            .filter(|c| c.is_uppercase())
                            .collect();
                        // (`Voice of America (VOA)`, `Tokyo Electric Power Company (TEPCO)`:
                        // the longest end of the name whose words' first letters it is.)
                        let all: Vec<&str> = full.split_whitespace().collect();
                        let by_letters = (0..all.len())
                            .find(|&k| abbreviates(acr, &all[k..], false))
                            .map(|k| all[k..].join(" "));
                        if initials.ends_with(acr) && !self.acronyms.iter().any(|(a, _)| a == acr) {
                            let words = full.split_whitespace().count();
                            let full: Vec<&str> =
                                full.split_whitespace().skip(words - acr.len()).collect();
                            self.acronyms.push((acr.to_string(), full.join(" ")));
                        } else if let Some(named) =
                            by_letters.filter(|_| !self.acronyms.iter().any(|(a, _)| a == acr))
                        {
                            self.acronyms.push((acr.to_string(), named));
                        } else if foreign
                            && acr.len() >= 3
                            && !self.acronyms.iter().any(|(a, _)| a == acr)
                        {
                            // Initials of the name in its own language: the name from its
                            // last "the" on (`by the Movement for … Liberation`).
                            let words: Vec<&str> = full.split_whitespace().collect();
                            let from = words
                                .iter()
                                .rposition(|w| w.eq_ignore_ascii_case("the"))
                                .map_or(0, |t| t + 1);
                            if words.len() - from >= 2 {
                                self.acronyms
                                    .push((acr.to_string(), words[from..].join(" ")));
                            }
                        }
                    }
                }
            }
        }
        // `A resolution passed by the European Parliament`, `a statement of joint
        // understanding by Prime Minister Ehud Olmert`, `a December 2020 report from the
        // Centers for Disease Control`: a document and its author, for "the resolution
        // stated" later.
        for i in 0..toks.len() {
            if toks[i].is_cap() || !lower_in(&toks[i], STATEMENT_OWNED) {
                continue;
            }
            let Some(by) = (i + 1..toks.len().min(i + 6))
                .take_while(|&k| toks[k].is_word() && !toks[k].is_cap())
                .find(|&k| toks[k].is("by") || toks[k].is("from"))
            else {
                continue;
            };
            let mut st = by + 1;
            if toks.get(st).is_some_and(|t| t.is("the")) {
                st += 1;
            }
            let mut e = st;
            while e < toks.len()
                && (toks[e].is_cap() && toks[e].is_word()
                    || toks[e].is("of") && e > st && toks.get(e + 1).is_some_and(Tok::is_cap))
            {
                e += 1;
            }
            if e > st && !names::not_name_start(&toks[st].lower()) {
                let doc = toks[i].lower();
                let owner = text_of(p, &toks[st..e]);
                self.documents.retain(|(d, _)| *d != doc);
                self.documents.push((doc, owner));
            }
        }
        // `Gordon Brown released a statement calling …`, `The agency issued a letter`: a
        // document the sentence's subject gave out; "the statement said" later is theirs.
        for i in 2..toks.len() {
            if toks[i].is_cap()
                || !lower_in(&toks[i], STATEMENT_OWNED)
                || lower_in(&toks[i], AUTHORED)
                || !lower_in(
                    &toks[i - 1],
                    &["a", "an", "the", "its", "his", "her", "their"],
                )
                || !lower_in(
                    &toks[i - 2],
                    &["released", "issued", "sent", "published", "posted", "out"],
                )
            {
                continue;
            }
            let named = sentence_subject(p, s).filter(|np| {
                np.pronoun.is_none()
                    && np.name.starts_with(char::is_uppercase)
                    && !names::not_name_start(&np.name.to_lowercase())
            });
            if let Some(np) = named {
                let doc = toks[i].lower();
                self.documents.retain(|(d, _)| *d != doc);
                self.documents.push((doc, np.name));
            }
        }
        // `Unicef said in a 2017 report`: the report's author, for "the report said" later.
        for i in 0..toks.len() {
            if toks[i].is_cap() || !lower_in(&toks[i], AUTHORED) {
                continue;
            }
            let Some(inn) = (i.saturating_sub(4)..i).rev().find(|&k| toks[k].is("in")) else {
                continue;
            };
            if !(inn >= 2 && matches!(toks[inn - 1].lower().as_str(), "said" | "says" | "wrote")) {
                continue;
            }
            let e = inn - 1;
            let mut st = e;
            while st > 0 && toks[st - 1].is_cap() && toks[st - 1].is_word() {
                st -= 1;
            }
            if st < e && !names::not_name_start(&toks[st].lower()) {
                let doc = toks[i].lower();
                let owner = text_of(p, &toks[st..e]);
                self.documents.retain(|(d, _)| *d != doc);
                self.documents.push((doc, owner));
            }
        }
        let mut i = 0;
        while i < toks.len() {
            if toks[i].is_cap()
                && toks[i].s != QUOTE_TOK
                && !(i == 0 && self.opens_sentence_only(&toks[i].lower()))
            {
                let st = i;
                while i < toks.len() && toks[i].is_cap() && toks[i].is_word() {
                    i += 1;
                }
                let run = &toks[st..i];
                let name = text_of(p, run);
                let words: Vec<&str> = name.split_whitespace().collect();
                // An organisation named, with `of …` (`Municipality of Livorno`): remembered
                // for "the city said" later.
                let mut e = i;
                while e + 1 < toks.len() && toks[e].is("of") && toks[e + 1].is_cap() {
                    e += 2;
                    while e < toks.len() && toks[e].is_cap() && toks[e].is_word() {
                        e += 1;
                    }
                }
                let org = text_of(p, &toks[st..e.min(toks.len())]);
                // `The CSC communique`, `a White House statement`: a document and its owner.
                if let Some(doc) = toks.get(e).filter(|t| lower_in(t, STATEMENT_OWNED)) {
                    let doc = doc.lower();
                    self.documents.retain(|(d, _)| *d != doc);
                    self.documents.push((doc, org.clone()));
                }
                // (`National Weather Service`: a name ending in an organisation's noun.)
                let org_noun = org.split_whitespace().count() >= 2
                    && org
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| ORG_NOUNS.contains(&w.to_lowercase().as_str()));
                if (org_noun || is_org_name(&org))
                    && !names::names_a_thing(&org)
                    && !names::not_name_start(&words[0].to_lowercase())
                {
                    self.org_mentions.retain(|m| *m != org);
                    self.org_mentions.push(org);
                }
                // A role ("Cambodia's Defense Minister"), or a day, event or place.
                if words
                    .iter()
                    .any(|w| names::not_name_start(&w.to_lowercase()))
                    || words.last().is_some_and(|w| is_title_word(w))
                    || names::names_a_thing(&name)
                    || names_a_place(toks, st, i, &name)
                {
                    continue;
                }
                // A drafted entity named again.
                let fw = fold_words(&name);
                let folded = &self.folded;
                if let Some(e) = self
                    .d
                    .entities
                    .iter()
                    .enumerate()
                    .position(|(i, e)| {
                        folded[i] == fw
                            || (fw.len() == 1
                                && e.kind == PartyKind::Person
                                && folded[i].last() == fw.last())
                    })
                    .or_else(|| {
                        (fw.len() == 1)
                            .then(|| self.person_by_first_name(&fw[0]))
                            .flatten()
                    })
                    .or_else(|| {
                        let v = self.person_spelt_alike(&fw)?;
                        // The other spelling of a whole name is kept as an alias.
                        let e = &mut self.d.entities[v];
                        if fw.len() >= 2 && !e.aliases.iter().any(|a| fold_words(a) == fw) {
                            e.aliases.push(name.clone());
                            self.index_names(v);
                        }
                        Some(v)
                    })
                {
                    self.mention(e);
                    self.note_hearer(e, toks, st);
                    continue;
                }
                // `Kay and Larry Day`, `Americans Kay and Larry Day`: two people who share
                // the surname (the given name alone before "and", or after a demonym).
                let given_alone = run.len() == 1
                    || run.len() == 2 && {
                        let l = run[0].lower();
                        ["ans", "ese", "ons"].iter().any(|e| l.ends_with(e))
                            || ORG_NOUNS.contains(&l.as_str())
                    };
                if given_alone
                    && toks.get(i).is_some_and(|t| t.is("and"))
                    && i + 3 < toks.len()
                    && toks[i + 1].is_cap()
                    && toks[i + 2].is_cap()
                    && !toks.get(i + 3).is_some_and(|t| t.is_cap())
                    && !is_title_word(toks[i - 1].s)
                {
                    let first = toks[i - 1].s;
                    let second = text_of(p, &toks[i + 1..i + 3]);
                    let surname = toks[i + 2].s;
                    let shared = format!("{first} {surname}");
                    // (Not `kind_of`: "Day" is also a word of dates.)
                    if !names::names_a_thing(&second)
                        && !names::not_name_start(&toks[i + 1].lower())
                        && !is_title_word(toks[i + 1].s)
                    {
                        let sentence = s.text.to_string();
                        let rule = "a person named before a pronoun that quotes them";
                        for name in [shared, second] {
                            let np = Np {
                                name,
                                ..Np::default()
                            };
                            if let Some(idx) = self.entity(&np, &sentence, rule) {
                                self.d.entities[idx].kind = PartyKind::Person;
                                self.mention(idx);
                            }
                        }
                        i += 3;
                        continue;
                    }
                }
                // `Ann Cole and Ann Ruiz`: two people, each named on their own.
                // (`Mayor Kim Tran and Chief Dale Ortiz`: each on their own, the first too.)
                let joined = toks.get(i).is_some_and(|t| t.is("and"))
                    && toks.get(i + 1).is_some_and(Tok::is_cap);
                if let Some(np) = np_forward(p, toks, st, toks.len())
                    .map(|(n, _)| n)
                    .filter(|n| !joined && n.pronoun.is_none() && !n.name.contains(" and "))
                    .or_else(|| np_from(p, run))
                {
                    // (`the Indian Penal Code`, `the Jersey Shore`, `Director of National
                    // Intelligence`: a name after "the", or after "of" inside a longer
                    // capitalised name, is a thing's or an organisation's, not a person's.)
                    let thing_before = st > 0
                        && np.role.is_none()
                        && np.name.starts_with(toks[st].s)
                        && !words.iter().any(|w| w.split('-').any(is_title_word))
                        && !toks[st - 1].is_cap()
                        && (toks[st - 1].is("the")
                            || toks[st - 1].is("of") && st > 1 && toks[st - 2].is_cap());
                    if !thing_before
                        && kind_of(&np.name, "") == PartyKind::Person
                        && np.name.split_whitespace().count() >= 2
                        && !is_title_word(words[0])
                        || np.role.is_some()
                    {
                        // Remember a named person as a candidate for "he said".
                        let np2 = np.clone();
                        let sentence = s.text.to_string();
                        if let Some(idx) = self.entity(
                            &np2,
                            &sentence,
                            "a person named before a pronoun that quotes them",
                        ) {
                            // Entities only drafted for pronouns are dropped if they never speak.
                            self.mention(idx);
                            self.note_hearer(idx, toks, st);
                        }
                    }
                }
            } else {
                i += 1;
            }
        }
    }

    /// Whether a capitalised word opening a sentence is capitalised only for that: a word
    /// that never starts a name, a general English opener, or a gerund the article never
    /// capitalises mid-sentence.
    fn opens_sentence_only(&self, lower: &str) -> bool {
        names::not_name_start(lower)
            || (names::is_opener(lower) || names::looks_like_gerund(lower))
                && self
                    .cap_mid
                    .binary_search_by(|w| w.as_str().cmp(lower))
                    .is_err()
    }

    /// Whether a name is a person already drafted: "Heald" after "Colette Heald".
    fn known_person(&self, name: &str) -> bool {
        let fw = fold_words(name);
        fw.len() == 1
            && self
                .d
                .entities
                .iter()
                .zip(&self.folded)
                .any(|(e, f)| e.kind == PartyKind::Person && f.last() == fw.last())
    }

    /// A sentence whose subject is a person (or he, she) introduces them: a quotation in
    /// the next paragraph with no tag continues them.
    fn introduced(&mut self, p: &str, s: &Sent) {
        if let Some(np) = statement_intro(p, s) {
            let rule = "the author of a statement the article gives next";
            if let Some(idx) = self.entity(&np, s.text.trim(), rule) {
                self.last_subject = Some((idx, self.para_no));
                self.last_statement = Some(idx);
                self.statement_para = Some(self.para_no);
                self.printed = Some((idx, self.para_no));
                return;
            }
        }
        let Some(np) = sentence_subject(p, s) else {
            return;
        };
        let person = match &np.pronoun {
            Some(pr) => matches!(pr.as_str(), "he" | "she"),
            None => {
                kind_of(&np.name, np.description.as_deref().unwrap_or("")) == PartyKind::Person
                    || np.role.is_some()
                    || self.known_person(&np.name)
            }
        };
        if !person {
            return;
        }
        if let Some(idx) = self.entity(
            &np,
            s.text.trim(),
            "a person the article introduces before quoting them",
        ) {
            self.last_subject = Some((idx, self.para_no));
        }
    }

    /// Drafts one paragraph; `open` is the speaker of a quotation the previous paragraph left open.
    fn paragraph(&mut self, p: &str, open: Option<usize>, headline: bool) -> Option<usize> {
        let spans = quote_spans_carried(p, open.is_some());
        // (Spans in order and apart, as quote_spans gives them: only those across a
        // sentence can hold its words, so a paragraph of many quotations costs in its
        // length, not in its sentences times its quotations.)
        let apart = spans.windows(2).all(|w| w[0].close <= w[1].open)
            && spans.iter().all(|s| s.open <= s.close);
        let across = |r: &Range<usize>| {
            if !apart {
                return 0..spans.len();
            }
            let a = spans.partition_point(|s| s.close <= r.start);
            a..spans.partition_point(|s| s.open < r.end).max(a)
        };
        let sents: Vec<Sent> = sentences_joining_ranks(p, &spans)
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                // `Phnom Penh — Two groups …`: a dateline opening the paragraph names no one.
                let skip = if i == 0 {
                    dateline_len(&p[r.clone()])
                } else {
                    0
                };
                let r = r.start + skip..r.end;
                sent(p, r.clone(), &spans, across(&r))
            })
            .collect();
        let words: Vec<Vec<Word>> = sents.iter().map(|s| words_of(&s.toks)).collect();
        let mut still_open = None;
        let mut para_speaker: Option<usize> = None;
        // The last quotation of the paragraph was an example: `And, “…”` after it is one.
        let mut after_example = false;
        for (si, s) in sents.iter().enumerate() {
            self.sent_no += 1;
            let sentence = s.text.trim();
            self.sources(p, s);
            self.note_group_leader(p, s);
            let mut had_quote = false;
            let mut speaker_here = None;
            for (ti, qi) in s.quote_at.iter().enumerate() {
                let Some(qi) = *qi else { continue };
                had_quote = true;
                let span = &spans[qi];
                let text = p[span.inner.clone()].trim();
                let continues = si == 0 && ti == 0 && open.is_some();
                let only_joined = s.toks[..ti].iter().any(|t| lower_in(t, &["and", "or"]))
                    && s.toks[..ti]
                        .iter()
                        .all(|t| matches!(t.s, "," | QUOTE_TOK) || lower_in(t, &["and", "or"]));
                if Self::an_example(s, ti)
                    || Self::named_by_the_article(s, ti)
                    || Self::on_display(s, ti)
                    || after_example && only_joined
                {
                    after_example = true;
                    continue;
                }
                after_example = false;
                // Single marks in the body of an article are mostly the writer's own: a term
                // after `the`, a possessive or a noun naming a work is never speech.
                let single = p[span.open..].starts_with(['\'', '‘', '‚']);
                if single && Self::single_marked_term(s, ti) {
                    continue;
                }
                let found = if continues {
                    // A quotation running on from the previous paragraph; its tag, when it
                    // comes only now, gives the pieces before too.
                    let tagged = self
                        .run_guessed
                        .then(|| self.attribute(p, s, ti, text, speaker_here))
                        .flatten();
                    if let Some(t) = &tagged {
                        for &k in &self.run {
                            self.d.quotes[k].by = t.0;
                            self.d.quotes[k].note.rule =
                                "a quotation over paragraphs, tagged in a later one".to_string();
                        }
                        self.run_guessed = false;
                    }
                    tagged.or(Some((
                        open.unwrap_or(0),
                        "a quotation that runs on from the previous paragraph".to_string(),
                        None,
                        None,
                    )))
                } else {
                    self.attribute(p, s, ti, text, speaker_here)
                };
                // `Invoking Castro's address “Words to the Intellectuals,” they …`: a title
                // set in a sentence of the article is a name, whoever the sentence names,
                // unless the sentence gives it as someone's term (`what he termed “…”`).
                if Self::a_title(s, ti, text)
                    && !found
                        .as_ref()
                        .is_some_and(|f| f.1.starts_with("a term the article attributes"))
                {
                    continue;
                }
                let guessed = found.is_none();
                let class = found.as_ref().map(|f| rule_class(&f.1));
                if headline {
                    let dup = self
                        .d
                        .quotes
                        .iter()
                        .any(|q| fold_words(&q.text) == fold_words(text));
                    if found.is_none() || dup {
                        continue;
                    }
                }
                let (by, rule, to, context) = match found {
                    Some(f) => f,
                    None => {
                        if self.not_speech(s, ti, text, speaker_here.is_some()) {
                            continue;
                        }
                        // `Does one work 'within the system' for …`: a phrase in single
                        // marks that no tag gives to anyone is the writer's term (a
                        // sentence, or a phrase of eight words or more, may still be
                        // someone's words).
                        if single
                            && text.split_whitespace().count() < 8
                            && !text.ends_with(['.', '!', '?', ',', '…'])
                        {
                            continue;
                        }
                        let recent = |p: usize| p + 1 >= self.para_no;
                        // A person named earlier in this paragraph is more recent than a
                        // speaker of the paragraph before.
                        let subject = self
                            .last_subject
                            .filter(|&(_, p)| recent(p))
                            .filter(|&(_, p)| {
                                p == self.para_no
                                    || self.person_para < self.para_no
                                    || self.last_person.is_none()
                            })
                            .map(|(e, _)| e);
                        let person = self.last_person.filter(|_| recent(self.person_para));
                        // `Mick Jagger of The Rolling Stones also reacted on Twitter, “…”`:
                        // a quotation with no tag in a sentence whose subject, named before
                        // it, is a person (two names or more, or one already drafted): the
                        // subject, not the speaker before.
                        let quote_at = s.toks[ti].at;
                        let own = self_introduced(text)
                            .and_then(|np| {
                                let rule = "a speaker who gives their name as their words open: `“My name is X. I …”`".to_string();
                                self.credit(p, s, &np, rule, None, None)
                            })
                            .or_else(|| sentence_subject(p, s)
                            .filter(|np| {
                                np.pronoun.is_none()
                                    && np.name.starts_with(char::is_uppercase)
                                    && p[s.range.start..quote_at].contains(np.name.as_str())
                                    && (fold_words(&np.name).len() >= 2
                                        && (kind_of(&np.name, "") == PartyKind::Person
                                            || is_org_name(&np.name)
                                                && !owned_in(&p[s.range.start..quote_at], &np.name))
                                        || self.known_person(&np.name))
                            })
                            .or_else(|| blog_subject(s, quote_at))
                            .and_then(|np| {
                                let rule =
                                    "the subject of the sentence the quotation is in".to_string();
                                self.credit(p, s, &np, rule, None, None)
                            }));
                        // A paragraph of printed remarks opening with its quotation mark.
                        let printed = self
                            .printed
                            .filter(|&(_, at)| at < self.para_no)
                            .filter(|_| si == 0 && p[..span.open].trim().is_empty())
                            .map(|(e, _)| e);
                        if let Some(f) = own {
                            f
                        } else if let Some(sp) = printed {
                            (
                                sp,
                                "a paragraph of remarks printed after the sentence that \
                                 introduces them: `X delivered the following remarks:`"
                                    .to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = para_speaker {
                            (
                                sp,
                                "continues the statement of the speaker before it".to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = subject {
                            (
                                sp,
                                "continues the last speaker quoted or introduced".to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = person {
                            (
                                sp,
                                "a quotation after the sentences that name its speaker".to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = self.later_in_paragraph(p, &sents[si + 1..]) {
                            (
                                sp,
                                "a quotation whose speaker is named in the next sentence"
                                    .to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = self.described_subject(p, s) {
                            (
                                sp,
                                "a quotation in a sentence about someone described, not named: \
                                 `A California college is seeking …, “…”`"
                                    .to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = self.heading_lawmaker(sentence) {
                            (
                                sp,
                                "a quotation under a heading of a lawmaker's release: the \
                                 first lawmaker it names"
                                    .to_string(),
                                None,
                                None,
                            )
                        } else if let Some(sp) = (si == 0 && heading_only(&p[..span.open]))
                            .then(|| self.release_lawmaker(sentence))
                            .flatten()
                        {
                            (
                                sp,
                                "a paragraph of quotation with no tag in a lawmaker's release: \
                                 the lawmaker its opening names"
                                    .to_string(),
                                None,
                                None,
                            )
                        } else {
                            let u = self.unattributed(sentence);
                            (
                                u,
                                "a quotation whose speaker the article does not give".to_string(),
                                None,
                                None,
                            )
                        }
                    }
                };
                let (by, rule, to) = if continues || headline {
                    (by, rule, to)
                } else {
                    let class = class.unwrap_or(if Some(by) == self.unattributed { 5 } else { 4 });
                    let at = Quoted {
                        sents: &sents,
                        words: &words,
                        si,
                        q: ti,
                        class,
                        para_speaker,
                    };
                    let chosen = self.choose_speaker(text, by, &at);
                    if chosen == by {
                        (by, rule, to)
                    } else {
                        let rule = format!(
                            "the likeliest speaker of those around the quotation, by the \
                             speaker scorer (the rules gave {})",
                            self.d.entities[by].name
                        );
                        (chosen, rule, None)
                    }
                };
                if !continues {
                    self.run.clear();
                    self.run_guessed = guessed;
                }
                if !span.closed {
                    still_open = Some(by);
                    self.run.push(self.d.quotes.len());
                }
                if context.as_deref() == Some("in a statement") {
                    self.last_statement = Some(by);
                }
                para_speaker = Some(by);
                speaker_here = Some(by);
                self.last_speaker = Some(by);
                self.last_subject = Some((by, self.para_no));
                self.mention(by);
                self.spoke[by] += 1;
                self.d.quotes.push(Quote {
                    by,
                    kind: QuoteKind::Direct,
                    text: text.to_string(),
                    to,
                    context,
                    note: Self::note(sentence, &rule),
                });
            }
            self.declined(p, s, speaker_here, false);
            self.contacted_no_response(p, s);
            // Refusals a speaker reports inside their quotation.
            for qi in s.quote_at.iter().flatten() {
                let inner = spans[*qi].inner.clone();
                for r in sentences(&p[inner.clone()], &[]) {
                    let qs = sent(p, inner.start + r.start..inner.start + r.end, &[], 0..0);
                    self.declined(p, &qs, None, true);
                    self.contacted_no_response(p, &qs);
                }
            }
            // `Congresswoman X released the following statement after President Trump said
            // “…”`: the statement, in the paragraphs after, is X's, not the speaker quoted in
            // the sentence that introduces it.
            if had_quote && !headline {
                if let Some(np) = statement_intro(p, s) {
                    let rule = "the author of a statement the article gives next";
                    if let Some(idx) = self
                        .entity(&np, s.text.trim(), rule)
                        .filter(|&idx| speaker_here != Some(idx))
                    {
                        self.last_subject = Some((idx, self.para_no));
                        self.last_statement = Some(idx);
                        self.statement_para = Some(self.para_no);
                        self.printed = Some((idx, self.para_no));
                    }
                }
            }
            if !had_quote && !headline {
                self.paraphrase(p, s);
                self.introduced(p, s);
                if let Some(np) = sentence_subject(p, s).filter(|n| n.pronoun.is_none()) {
                    // `X said in a statement that …`: X's, the statement quoted next.
                    let stated = [
                        "in a statement",
                        "issued a statement",
                        "released a statement",
                    ]
                    .iter()
                    .any(|w| sentence.contains(w));
                    if stated && np.name.chars().next().is_some_and(char::is_uppercase) {
                        let rule = "the author of a statement the article quotes";
                        if let Some(b) = self.entity(&np, sentence, rule) {
                            self.last_statement = Some(b);
                        }
                    }
                    let org = !np.name.starts_with(char::is_lowercase)
                        && (is_org_name(&np.name) || np.name.split_whitespace().count() >= 2)
                        && kind_of(&np.name, "") != PartyKind::Person;
                    if org {
                        self.subject_org = Some((np.clone(), self.sent_no));
                    }
                    let its = s.toks.iter().any(|t| lower_in(t, &["its", "itself"]));
                    if np.name.starts_with(char::is_uppercase)
                        && (its
                            && (kind_of(&np.name, "") != PartyKind::Person
                                || np.name.split_whitespace().count() >= 2)
                            || org && s.toks.iter().filter(|t| t.is_word()).count() >= 4)
                        && !names::not_name_start(&np.name.to_lowercase())
                        && !np
                            .name
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"))
                    {
                        self.org_subject = Some((np.clone(), self.sent_no));
                    }
                    self.prev_subject = Some((np, self.para_no));
                }
            }
            if let Some(g) = people_group(p, &s.toks) {
                self.people_group = Some((g, self.sent_no));
            }
            // (Not when the sentence credits its words to someone else: `X put its operations
            // on hold …, according to production controller Ted Rye.`)
            let credited = s.text.contains("according to") || s.text.contains("According to");
            self.sent_subject = sentence_subject(p, s)
                .filter(|n| n.pronoun.is_none() && n.name.starts_with(char::is_uppercase))
                .filter(|_| !credited)
                .map(|n| (n, self.sent_no));
            self.mentions(p, s);
            self.learn_gender(s, &words[si]);
            self.events(s);
        }
        self.prev_para_words = words.into_iter().flatten().collect();
        still_open
    }

    /// The speaker named by the first attribution in the sentences after a quotation.
    fn later_in_paragraph(&mut self, p: &str, rest: &[Sent]) -> Option<usize> {
        let s = rest.first()?;
        let v = (0..s.toks.len()).find(|&i| speech_at(&s.toks, i) && !is_participle(&s.toks[i]))?;
        if v > 4 {
            return None;
        }
        let np = np_backward(p, &s.toks, 0, v)?;
        self.entity(
            &np,
            s.text.trim(),
            "a quotation whose speaker is named in the next sentence",
        )
    }

    /// Whether a quotation names a rating, a place or a work by the words around it.
    /// Whether the quotation at `ti` is given as an example: `for example`, `such as`,
    /// `examples include` just before it (over commas, `and`, `or` and other examples).
    fn an_example(s: &Sent, ti: usize) -> bool {
        let mut b = ti;
        while b > 0
            && (matches!(s.toks[b - 1].s, "," | ":" | QUOTE_TOK)
                || lower_in(&s.toks[b - 1], &["and", "or"]))
        {
            b -= 1;
        }
        let at = |k: usize, word: &str| b >= k && s.toks[b - k].is(word);
        at(1, "include")
            || at(1, "includes")
            || at(1, "included")
            || at(2, "such") && at(1, "as")
            || at(2, "for") && (at(1, "example") || at(1, "instance"))
            || at(1, "e.g.")
            || at(2, "examples") && at(1, "are")
    }

    /// `was commonly called “swine flu”`, `a yard, dubbed “Freedom Square”`, `the word
    /// “marriage”`, `used the terms “…” and “…”`: a name or term the article gives in its
    /// own voice, even with a speaker in the sentence (not `what he called “…”`, `X called
    /// it “…”`, nor `in his words, “…”`).
    /// Whether a quotation at token `ti` is words shown on a thing, not said: within the
    /// four words before it, a banner, a sign, a placard, a sticker, a badge, a T-shirt,
    /// graffiti or a proverb (`held banners that said “…”`, `stickers with the text “…”`).
    fn on_display(s: &Sent, ti: usize) -> bool {
        const SHOWN: &[&str] = &[
            "banner", "banners", "sign", "signs", "placard", "placards", "sticker", "stickers",
            "badge", "badges", "t-shirt", "t-shirts", "graffiti", "proverb", "proverbs",
        ];
        let from = ti.saturating_sub(4);
        s.toks[from..ti].iter().enumerate().any(|(k, t)| {
            // (Capitalised only as the sentence's first word: `Stickers with …`.)
            t.is_word() && (!t.is_cap() || from + k == 0) && lower_in(t, SHOWN)
        })
    }

    /// Whether a quotation in single marks at token `ti` is a name or a term the sentence
    /// uses: after `the`, a possessive (`his 'tomato period'`, `Malawi's 'accidental'
    /// President`) or a noun naming a work or a thing (`the book 'White Arrogance'`).
    fn single_marked_term(s: &Sent, ti: usize) -> bool {
        let Some(b) = ti.checked_sub(1).map(|k| &s.toks[k]) else {
            return false;
        };
        let l = b.lower();
        b.is_word()
            && (matches!(
                l.as_str(),
                "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            ) || (l.ends_with("'s") || l.ends_with("’s")) && l.len() > 3
                || !b.is_cap() && NAMING.contains(&l.as_str()))
    }

    /// Whether a quotation at token `ti` reads as a title inside the sentence: in title
    /// case from its first word (a trailing comma or full stop aside), neither a question
    /// nor an exclamation, with no one speaking in it (`I`, `you`, `we`, …), and set after
    /// a word of the sentence, not at its start or after a colon (`Warren: “…”` heads a
    /// statement).
    fn a_title(s: &Sent, ti: usize, text: &str) -> bool {
        let t = text.trim().trim_end_matches(['.', ',']);
        let persons = [
            "i", "i'm", "i’m", "me", "my", "we", "us", "our", "you", "your", "he", "she", "they",
            "it",
        ];
        ti > 0
            && s.toks[ti - 1].s != ":"
            && t.starts_with(char::is_uppercase)
            && title_case(t)
            && !t.ends_with(['!', '?'])
            && !t
                .split_whitespace()
                .any(|w| persons.contains(&w.to_lowercase().as_str()))
    }

    fn named_by_the_article(s: &Sent, ti: usize) -> bool {
        let t = &s.toks;
        let word = |k: usize| (ti >= k).then(|| &t[ti - k]).filter(|w| w.is_word());
        if word(1).is_some_and(|w| {
            lower_in(
                w,
                &[
                    "word", "term", "terms", "phrase", "phrases", "slogan", "motto", "hashtag",
                ],
            ) && !w.is_cap()
        }) {
            return true;
        }
        // The verb of naming: `called “…”`, `known as “…”`.
        let verb = if word(1).is_some_and(|w| w.is("as")) && word(2).is_some_and(|w| w.is("known"))
        {
            2
        } else if word(1).is_some_and(|w| lower_in(w, &["called", "dubbed", "named", "nicknamed"]))
        {
            1
        } else {
            return false;
        };
        ti > verb
            && (t[ti - verb - 1].s == ","
                || lower_in(
                    &t[ti - verb - 1],
                    &[
                        "is",
                        "are",
                        "was",
                        "were",
                        "be",
                        "been",
                        "being",
                        "commonly",
                        "often",
                        "also",
                        "sometimes",
                        "popularly",
                        "widely",
                        "locally",
                        "officially",
                        "colloquially",
                        "informally",
                        "affectionately",
                    ],
                ))
    }

    fn names_something(s: &Sent, ti: usize, text: &str) -> bool {
        // `MDMA (“ecstasy”)`: a gloss alone in brackets names what comes before it.
        if ti > 0 && s.toks[ti - 1].s == "(" && s.toks.get(ti + 1).is_some_and(|t| t.s == ")") {
            return true;
        }
        // `Examples include, “Where are your shoooes?”`, `such as “…”`: words shown, not
        // said by anyone.
        if Self::an_example(s, ti) {
            return true;
        }
        // A theme or a slogan set off after its noun: `This year’s theme, “Ready. Set.
        // Action!”, highlights …`.
        if ti >= 3
            && s.toks[ti - 1].s == ","
            && lower_in(&s.toks[ti - 2], &["theme", "slogan", "motto"])
            && (lower_in(
                &s.toks[ti - 3],
                &["the", "its", "their", "his", "her", "our"],
            ) || !s.toks[ti - 3].is_cap()
                && (s.toks[ti - 3].s.ends_with("’s") || s.toks[ti - 3].s.ends_with("'s")))
        {
            return true;
        }
        // A title set off after the work it names: `The report, “Shifting Sand,” says …`.
        if title_case(text.trim_end_matches(','))
            && ti >= 2
            && s.toks[ti - 1].s == ","
            && lower_in(
                &s.toks[ti - 2],
                &[
                    "report",
                    "study",
                    "book",
                    "film",
                    "documentary",
                    "paper",
                    "document",
                    "album",
                    "song",
                    "novel",
                    "play",
                    "exhibition",
                    "series",
                    "survey",
                ],
            )
        {
            return true;
        }
        // A name in title case before the noun it qualifies: `the “Islamic State” group`,
        // `the “Big Five” tech firms`.
        if title_case(text)
            && s.toks
                .get(ti + 1)
                .is_some_and(|t| t.is_word() && !t.is_cap() && !is_speech(t) && !is_pronoun(t))
        {
            return true;
        }
        let mut b = ti;
        while b > 0 && s.toks[b - 1].s == "," {
            b -= 1;
        }
        let before = (b > 0 && !s.toks[b - 1].is_cap()).then(|| &s.toks[b - 1]);
        // (`what he termed an “unjust” campaign`: a term qualifying the noun after it.)
        before.is_some_and(|t| lower_in(t, NAMING_BEFORE))
            || before.is_some_and(|t| lower_in(t, PLACE_BEFORE)) && title_case(text)
            || s.toks
                .get(ti + 1)
                .is_some_and(|t| lower_in(t, NAMING_AFTER) && !t.is_cap())
                && !termed_just_before(&s.toks, ti)
    }

    /// Whether a quotation with no attribution is a title, term or scare quote.
    /// `quoted_before`: an earlier quotation of the sentence has its speaker, so a short
    /// one after it continues their words (`said, “The fear …” and the escalation “were
    /// striking.”`) unless it is named, used as a noun, or a single word (a scare quote).
    fn not_speech(&self, s: &Sent, ti: usize, text: &str, quoted_before: bool) -> bool {
        if Self::names_something(s, ti, text) {
            return true;
        }
        let words = text.split_whitespace().count();
        // `5th Place: Ann Feutcha, Bentonville West High School, “Peek-A-Boo!”`: a title
        // at the end of a line of names, with no verb to say it.
        // (A label and its colon, then names: not `Today, “I’m scared …”`.)
        let listed = ti > 0
            && s.toks[ti - 1].s == ","
            && s.toks[..ti].iter().any(|t| t.s == ":")
            && s.toks[..ti].iter().filter(|t| t.is_word()).count() >= 3
            && s.toks[ti + 1..].iter().all(|t| !t.is_word())
            && s.toks.iter().all(|t| {
                t.s == QUOTE_TOK
                    || !t.is_word()
                    || t.is_cap()
                    || t.s.starts_with(|c: char| c.is_ascii_digit())
            });
        if listed {
            return true;
        }
        let before: Vec<String> = s.toks[ti.saturating_sub(3)..ti]
            .iter()
            .map(|t| t.lower())
            .collect();
        if before.iter().any(|w| NAMING.contains(&w.as_str())) {
            return true;
        }
        // `"Title" — Outlet, date`: a reference, not speech (words that end a sentence are
        // signed: `“… to wait.” — Kristen, Spotsylvania`, even when not drafted as theirs).
        if s.toks
            .get(ti + 1)
            .is_some_and(|t| matches!(t.s, "—" | "–" | "-"))
            && !s.toks.iter().any(is_speech)
            && !text.trim_end().ends_with(['.', '!', '?'])
        {
            return true;
        }
        // `granted on the grounds of a "significant public benefit."`: a short phrase used
        // as a noun in the article's own sentence, with no one credited.
        // (Not after a quotation of the same sentence's speaker: `the court said, although
        // the crucifix is “…”, it is an “essentially passive symbol”`.)
        if ti > 0
            && lower_in(&s.toks[ti - 1], &["a", "an", "the"])
            && words <= 4
            && !(quoted_before && words >= 2 && s.quote_at[..ti].iter().any(Option::is_some))
        {
            return true;
        }
        if quoted_before && words >= 2 {
            return false;
        }
        // A quotation that is a sentence of its own (`“Really over.”`) is said, however
        // short.
        if s.toks.iter().all(|t| t.s == QUOTE_TOK || !t.is_word())
            && text.ends_with(['.', '!', '?'])
        {
            return false;
        }
        // An exclamation or a question is said, however short ("Enough!").
        let exclaimed = text.ends_with(['!', '?']);
        let sentence_like = text.ends_with(['.', '!', '?', ',']) && words >= 3;
        // A phrase of a few words in lower case (`record “remained poor”`, `“must be
        // completed in English”`): someone's words in the sentence, not a name.
        // (An editor's insertion first, `“[having] great adventures”`, is part of it.)
        let bare = text
            .strip_prefix('[')
            .and_then(|t| t.split_once("] "))
            .map_or(text, |(w, rest)| {
                if w.chars().all(char::is_lowercase) {
                    w
                } else {
                    rest
                }
            });
        let phrase = words >= 3 && bare.starts_with(char::is_lowercase) && !title_case(text);
        !(sentence_like || exclaimed || words >= 8 || phrase)
    }

    /// [`Self::entity`], where a pronoun is first taken as the sentence's own subject
    /// when that fits ("The Party … what it terms …").
    fn entity_in(
        &mut self,
        p: &str,
        s: &Sent,
        np: &Np,
        sentence: &str,
        rule: &str,
    ) -> Option<usize> {
        if let Some(pr) = &np.pronoun {
            // `The four men have been … They cannot be reached`: the group of people the
            // sentence before was about.
            if let Some((group, _)) = self
                .people_group
                .clone()
                .filter(|&(_, at)| pr == "they" && at + 1 == self.sent_no)
            {
                let np = Np {
                    name: group,
                    ..Np::default()
                };
                if let Some(e) = self.entity(&np, sentence, rule) {
                    return Some(e);
                }
            }
            // (Not a name cut from a compound: `The U.S.-funded broadcaster … what it
            // called` is about the broadcaster, not the U.S.)
            let cut =
                sentence_subject(p, s).is_some_and(|n| s.text.contains(&format!("{}-", n.name)));
            if cut {
                // The noun the compound describes: `The U.S.-funded broadcaster`.
                let noun = s
                    .toks
                    .iter()
                    .take(6)
                    .find(|t| !t.is_cap() && ORG_KIND_NOUNS.contains(&t.lower().as_str()));
                if let Some(noun) = noun {
                    let np = Np {
                        name: noun.lower(),
                        ..Np::default()
                    };
                    if let Some(e) = self.entity(&np, sentence, rule) {
                        return Some(e);
                    }
                }
            }
            if let Some(subj) = sentence_subject(p, s).filter(|n| {
                n.pronoun.is_none() && n.name.chars().next().is_some_and(char::is_uppercase) && !cut
            }) {
                let k = kind_of(&subj.name, subj.description.as_deref().unwrap_or(""));
                let fits = match pr.as_str() {
                    "he" | "she" => k == PartyKind::Person,
                    "it" | "they" => k != PartyKind::Person,
                    _ => false,
                };
                if fits {
                    return self.entity(&subj, sentence, rule);
                }
            }
            // "It" or "they" speaking: the subject of the sentence before, when it fits.
            if let Some((prev, _)) = self
                .prev_subject
                .clone()
                .filter(|(_, para)| para + 1 >= self.para_no)
            {
                let k = kind_of(&prev.name, prev.description.as_deref().unwrap_or(""));
                let lower = !prev.name.chars().next().is_some_and(char::is_uppercase);
                let fits = match pr.as_str() {
                    "it" => k != PartyKind::Person && !(lower && prev.name.ends_with('s')),
                    "they" => k != PartyKind::Person && (lower || !prev.name.ends_with("'s")),
                    _ => false,
                };
                if fits && !names::not_name_start(&prev.name.to_lowercase()) {
                    if let Some(e) = self.entity(&prev, sentence, rule) {
                        return Some(e);
                    }
                }
            }
            // `Abdelbaset al-Megrahi has consistently denied …. In his final interview, he
            // insisted he was “…”`: a speaking "he" or "she" is the person the sentence
            // before had as its subject (when the article names a person there, of no
            // other gender).
            if matches!(pr.as_str(), "he" | "she") {
                let want = if pr == "he" { 1 } else { -1 };
                if let Some((prev, _)) = self
                    .sent_subject
                    .clone()
                    .filter(|&(_, at)| at + 1 == self.sent_no)
                {
                    let desc = prev.description.as_deref().unwrap_or("");
                    // (A person by what the article says of them: a role, a description,
                    // or a person already drafted under that name; `Marsden Point` is none.)
                    let person = kind_of(&prev.name, desc) == PartyKind::Person
                        && (prev.role.is_some()
                            || prev.description.is_some()
                            || self.person_named(&fold_words(&prev.name)).is_some());
                    if person && !names::not_name_start(&prev.name.to_lowercase()) {
                        if let Some(e) = self.entity(&prev, sentence, rule).filter(|&e| {
                            self.d.entities[e].kind == PartyKind::Person
                                && self.gender.get(e).is_none_or(|g| g.signum() != -want)
                        }) {
                            return Some(e);
                        }
                    }
                }
            }
            // `Rathbun asked for help for Montalvo. He described him as …`: a speaking
            // "he" or "she" is the person this paragraph last had as its subject, rather
            // than the last person merely named.
            if matches!(pr.as_str(), "he" | "she") {
                let want = if pr == "he" { 1 } else { -1 };
                if let Some((e, _)) = self.last_subject.filter(|&(e, para)| {
                    para == self.para_no
                        && self.d.entities[e].kind == PartyKind::Person
                        && self.gender.get(e).is_none_or(|g| g.signum() != -want)
                }) {
                    self.mention(e);
                    return Some(e);
                }
            }
        }
        self.entity(np, sentence, rule)
    }

    /// The speaker a name phrase gives a quotation, with the rule that found them.
    fn credit(
        &mut self,
        p: &str,
        s: &Sent,
        np: &Np,
        rule: String,
        to: Option<String>,
        context: Option<String>,
    ) -> Option<Found> {
        // `Conducting an unauthorized strike …, then claiming … “…”`: a lone gerund opening
        // the sentence, one the article never capitalises mid-sentence, names no one.
        let lone = np.name.trim();
        let lower = lone.to_lowercase();
        if np.pronoun.is_none()
            && !lone.contains(' ')
            && s.toks.first().is_some_and(|t| t.s == lone)
            && names::looks_like_gerund(&lower)
            && self.opens_sentence_only(&lower)
        {
            return None;
        }
        let why = format!("speaker of a quotation: {rule}");
        let by = self.entity_in(p, s, np, s.text.trim(), &why)?;
        Some((by, rule, to, context))
    }

    /// `“…,” said a statement issued by the U.S. Central Command.`, `According to a
    /// statement released by Erdogan’s office, “…”`: the statement's tag names who released
    /// it; they are the speaker, not the statement nor the sentence's subject.
    fn statement_released_by(&mut self, p: &str, s: &Sent, q: usize) -> Option<Found> {
        let toks = &s.toks;
        let n = toks.len();
        // Where the statement's article is: after `said`/`says` right after the quotation,
        // or after the sentence's opening `According to`.
        let v = if toks.get(q + 1).is_some_and(|t| t.s == ",") {
            q + 2
        } else {
            q + 1
        };
        let det = if v + 1 < n && lower_in(&toks[v], &["said", "says", "read", "reads"]) {
            v + 1
        } else if q > 3 && toks[0].is("According") && toks[1].is("to") {
            2
        } else {
            return None;
        };
        let mut i = det;
        if i < n && lower_in(&toks[i], &["a", "the", "an"]) {
            i += 1;
        }
        // (`a joint statement`, `a brief written statement`: up to two words before it.)
        let w = (i..(i + 3).min(n)).find(|&k| lower_in(&toks[k], STATEMENT_OWNED))?;
        let by = w + 2;
        if by + 1 >= n
            || !lower_in(
                &toks[w + 1],
                &[
                    "released",
                    "issued",
                    "published",
                    "posted",
                    "sent",
                    "distributed",
                ],
            )
            || !lower_in(&toks[by], &["by", "from"])
        {
            return None;
        }
        let stop = if det == 2 { q } else { n };
        let stop = (by + 1..stop)
            .find(|&k| matches!(toks[k].s, "," | ";" | ":" | QUOTE_TOK))
            .unwrap_or(stop);
        let (np, _) = np_forward(p, toks, by + 1, stop)?;
        let rule = format!("`a statement {} {} X`", toks[w + 1].s, toks[by].s);
        self.credit(p, s, &np, rule, None, None)
    }

    /// Who said the quotation at token `q` of the sentence: (speaker, rule, to, context);
    /// `before`: the speaker of the sentence's quotation before it, if any.
    fn attribute(
        &mut self,
        p: &str,
        s: &Sent,
        q: usize,
        text: &str,
        before: Option<usize>,
    ) -> Option<Found> {
        let toks = &s.toks;
        let sentence = s.text.trim();
        let n = toks.len();
        if Self::names_something(s, q, text) {
            return None;
        }
        if let Some(found) = self.statement_released_by(p, s, q) {
            return Some(found);
        }
        // `a robot named "…"`, `the so-called "…"`: a name, whoever the sentence quotes.
        let mut b = q;
        while b > 0 && s.toks[b - 1].s == "," {
            b -= 1;
        }
        if b > 0
            && !toks[b - 1].is_cap()
            && lower_in(
                &toks[b - 1],
                &["named", "titled", "entitled", "nicknamed", "so-called"],
            )
            || b > 1 && toks[b - 2].is("known") && toks[b - 1].is("as")
            // `adding the words “…” to the name`, `the slogan “…”`: words named, not said.
            || b > 1
                && !(b > 2 && toks[b - 3].is("in"))
                && lower_in(&toks[b - 2], &["the", "a", "its", "their", "his", "her"])
                && lower_in(
                    &toks[b - 1],
                    &["words", "word", "term", "phrase", "slogan", "hashtag", "motto"],
                )
        {
            return None;
        }
        // The end of the clause after the quotation: the next quotation or sentence end.
        let next_q = (q + 1..n).find(|&i| toks[i].s == QUOTE_TOK).unwrap_or(n);
        let prev_q = (0..q)
            .rev()
            .find(|&i| toks[i].s == QUOTE_TOK)
            .map_or(0, |i| i + 1);
        let in_statement =
            sentence.contains("in a statement") || sentence.starts_with("In a statement");
        let context = in_statement.then(|| "in a statement".to_string());
        // `called the courts “cheap” and “biased”`: a quotation joined to the one before by
        // "and", "or" or a comma (a parenthesis between aside) has its speaker.
        if let Some(b) = before.filter(|_| prev_q > 0 && q - prev_q <= 8) {
            let mut depth = 0usize;
            let joined = (prev_q..q).all(|i| match toks[i].s {
                "(" => {
                    depth += 1;
                    true
                }
                ")" => {
                    depth = depth.saturating_sub(1);
                    true
                }
                "," => true,
                _ => depth > 0 || lower_in(&toks[i], &["and", "or", "nor"]),
            });
            if joined && (prev_q..q).any(|i| lower_in(&toks[i], &["and", "or", "nor", ","])) {
                let rule = "a quotation joined to the one before: `“…” and “…”`".to_string();
                return Some((b, rule, None, context));
            }
            // `what he termed an “unjust” campaign of “lies”`: a quotation in the noun
            // phrase the one before qualifies.
            let of_phrase = q - prev_q <= 3
                && toks[q - 1].is("of")
                && (prev_q..q - 1).all(|i| {
                    toks[i].is_word()
                        && !toks[i].is_cap()
                        && !is_speech(&toks[i])
                        && !is_pronoun(&toks[i])
                        && !lower_in(&toks[i], &["that", "which", "who", "what"])
                });
            if of_phrase && termed_just_before(toks, prev_q - 1) {
                let rule = "a term in the phrase of the term before: `“…” campaign of “…”`";
                return Some((b, rule.to_string(), None, context));
            }
        }
        // `… agreed on a meeting “in the near future” aimed at “normalizing conditions” in
        // Syria, said Kremlin officials.`: a tag closing the sentence after a comma is the
        // speaker of every quotation in it that has no verb of its own just before it.
        let own_verb = (q.saturating_sub(3).max(prev_q)..q).any(|i| speech_at(toks, i));
        if !own_verb {
            if let Some((np, v)) = closing_tag(p, toks, q) {
                let rule = closing_rule(toks, v);
                let to = self.told_to(p, toks, v, n);
                if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                    return Some(found);
                }
            }
        }
        // 1. After: `“…,” X said.` / `“…,” said X, a spokesperson for Y.`
        let mut a = q + 1;
        while a < next_q && matches!(toks[a].s, "," | "—" | "–" | "-") {
            a += 1;
        }
        // `“…,” X, an adviser to …, told VOA.`: a name, its appositive, then the verb.
        if let Some((np, end)) = np_forward(p, toks, a, next_q).filter(|(np, end)| {
            let set_off = toks[..*end].last().is_some_and(|t| t.s == ",");
            (np.description.is_some() || np.role.is_some() && set_off) && np.pronoun.is_none()
        }) {
            let mut v = end;
            if v < next_q && toks[v].s == "," {
                v += 1;
            }
            while v < next_q && lower_in(&toks[v], SKIPPABLE) {
                v += 1;
            }
            if v < next_q
                && speech_at(toks, v)
                && !is_participle(&toks[v])
                && !toks[v].is("according")
            {
                let rule = format!("`“…,” X, …, {}`", toks[v].s);
                let to = self.told_to(p, toks, v, next_q);
                if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                    return Some(found);
                }
            }
        }
        // `“…,” Fazlullah Khan of northwestern Khyber province wrote`, `“…,” Ana Ruiz from
        // Houston said`: a person's name, where they are from, then the verb.
        if let Some((np, rule, v)) = name_from_place(p, toks, a, next_q) {
            let to = self.told_to(p, toks, v, next_q);
            if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                return Some(found);
            }
        }
        // A pull quote or an endorsement signed with a dash, ending its paragraph: `“…” —
        // Matthew Ingram`, `“…” — Chris Lee, Policy Director, American Compass`, `“…” —
        // Institute for Progress`; or a person's name alone after the quotation's comma,
        // with no verb: `“…,” Representative David Rouzer (R-NC-07).`.
        let dashed = q + 2 < n && matches!(toks[q + 1].s, "-" | "—" | "–");
        let bare =
            q + 1 < n && next_q == n && toks[q + 1].is_cap() && text.trim_end().ends_with(',');
        if dashed || bare {
            let from = if dashed { q + 2 } else { q + 1 };
            // (Signed quotations one after another in a paragraph, `“…” - Tim Neale “…” -
            // Mark Martinez, Pierce County Council`: each signature ends at the next
            // quotation.)
            let chained = dashed && next_q < n;
            let upto = if chained { next_q } else { n };
            if let Some((np, end)) = np_forward(p, toks, from, upto) {
                let kind = kind_of(&np.name, "");
                let person = np.pronoun.is_none()
                    && np.name.split_whitespace().count() >= 2
                    && kind == PartyKind::Person;
                let ends = (end..upto).all(|i| matches!(toks[i].s, "." | ","));
                // (What they are after the name: `, Fellow, American Enterprise Institute`,
                // `(R-NC-07)`: no quotation and no verb of speech.)
                let described = end < upto
                    && matches!(toks[end].s, "," | "(")
                    && (end..upto).all(|i| toks[i].s != QUOTE_TOK && !speech_at(toks, i));
                let org = dashed
                    && np.pronoun.is_none()
                    && matches!(kind, PartyKind::Organization | PartyKind::Company);
                // (Signed words end a sentence; a headline cited with its source, `“Castro
                // out of bed” — BBC News, 4 May`, does not.)
                let said = text.trim_end().ends_with(['.', '!', '?', '…', ',']);
                // (`“…” — Kristen, Spotsylvania`, `"…" - Brian, Denver`: a constituent's
                // first name and town signing a line of their own.)
                let first_name_town = dashed
                    && np.pronoun.is_none()
                    && np.name.split_whitespace().count() == 1
                    && np.name.chars().next().is_some_and(char::is_uppercase)
                    && !np.name.chars().all(|c| c.is_uppercase())
                    && !matches!(kind, PartyKind::Company | PartyKind::Government)
                    && !names::is_place(&np.name)
                    && end + 1 < n
                    && toks[end].s == ","
                    && (1..=4).contains(&(end + 1..n).filter(|&i| toks[i].s != ".").count())
                    && (end + 1..n).all(|i| toks[i].is_cap() || toks[i].s == ".");
                if (person && ends
                    || said && (person && described || org && ends || first_name_town))
                    && (s.range.end >= p.trim_end().len() || chained && person && said)
                {
                    let rule = if first_name_town && !person {
                        "a line signed with a first name and a town `“…” — X, Town`"
                    } else if dashed {
                        "a pull quote signed `“…” — X`"
                    } else {
                        "a quotation signed with a name alone `“…,” X.`"
                    }
                    .to_string();
                    if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                        if first_name_town
                            && !person
                            && self.spoke.get(found.0).is_none_or(|&k| k == 0)
                        {
                            // (Someone signing with a town is a person, whatever the name.)
                            self.d.entities[found.0].kind = PartyKind::Person;
                        }
                        return Some(found);
                    }
                }
            }
        }
        // `“…”, according to the Herald.`
        if a + 2 < next_q && toks[a].is("according") && toks[a + 1].is("to") {
            // `Pelosi called Trump's conduct a “…,” according to NBC`: the one the sentence
            // has saying or naming it before the quotation (not a passive) speaks; X is
            // where the article read it.
            let said = (prev_q..q)
                .rev()
                .find(|&v| speech_at(toks, v) || term_at(toks, v))
                .filter(|&v| {
                    v > prev_q
                        && !lower_in(
                            &toks[v - 1],
                            &["was", "were", "is", "are", "be", "been", "being"],
                        )
                })
                .and_then(|v| np_backward(p, toks, prev_q, v))
                .filter(|y| y.pronoun.is_some() || y.name.starts_with(char::is_uppercase));
            if let Some(y) = said {
                let rule = "`Y said “…”, according to X`: Y".to_string();
                if let Some(found) = self.credit(p, s, &y, rule, None, context.clone()) {
                    return Some(found);
                }
            }
            if let Some((np, end)) = np_after_verb(p, toks, a + 2, next_q) {
                let np = document_author(p, toks, np, end, next_q);
                let rule = "`“…”, according to X`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // (`“…,” Diane Archer, Senior Advisor at Social Security Works and President of Just
        // Care USA said`: a name of two words or more set off by a comma right after the
        // quotation, then its long appositive, up to twenty words in all.)
        let set_off_name = {
            let e = (a..next_q)
                .find(|&i| !(toks[i].is_cap() && toks[i].is_word()))
                .unwrap_or(next_q);
            e >= a + 2 && e < next_q && toks[e].s == ","
        };
        let limit = (a + if set_off_name { 20 } else { 14 }).min(next_q);
        // The first verb of speech with a name phrase before it (or after it: `said X`);
        // a noun that reads as a verb ("issuing reports") is passed over.
        for v in (a..limit).filter(|&i| {
            speech_at(toks, i) && !is_participle(&toks[i]) && !matches!(toks[i].s, "according")
        }) {
            // Only when the words between are a name phrase.
            let between_ok = (a..v).all(|i| {
                np_word(&toks[i])
                    // (`March For Our Lives`: a month's name inside a name.)
                    || toks.get(i + 1).is_some_and(|t| t.is_cap() && t.is_word())
                        && names::MONTHS.contains(&toks[i].lower().as_str())
                    || CONNECTORS.contains(&toks[i].lower().as_str())
                    || matches!(toks[i].s, "," | "&" | "(" | ")")
                    || lower_in(&toks[i], SKIPPABLE)
                    || lower_in(
                        &toks[i],
                        &[
                            "a", "an", "the", "he", "she", "it", "they", "we", "i", "who", "at",
                            "to",
                        ],
                    )
                    || !toks[i].is_cap() && toks[i].is_word() && v - a <= 20
            });
            if !between_ok {
                break;
            }
            // `“…,” a resident who asked not to be named told VOA`: the relative clause's
            // own verb is not the tag's; the tag's speaker ends before "who".
            let who = (a..v).find(|&i| toks[i].is("who"));
            if let Some(w) = who {
                let own = (w + 1..v).any(|i| speech_at(toks, i) || toks[i].is("spoke"));
                if !own {
                    continue;
                }
                if let Some(np) = np_backward(p, toks, a, w) {
                    let rule = format!("`“…,” X, who …, {}`", toks[v].s);
                    let to = self.told_to(p, toks, v, next_q);
                    if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                        return Some(found);
                    }
                }
                continue;
            }
            // `“…,” Ruiz was told by Tom Reed`: the one after "by" speaks.
            let passive = v > a
                && lower_in(&toks[v - 1], &["was", "were"])
                && lower_in(&toks[v], &["told", "asked"])
                && toks.get(v + 1).is_some_and(|t| t.is("by"));
            if passive {
                if let Some((np, _)) = np_after_verb(p, toks, v + 2, next_q) {
                    let rule = format!("`“…,” X was {} by Y`", toks[v].s);
                    if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                        return Some(found);
                    }
                }
                continue;
            }
            // `“…,” Shelly Lynch, California Desert District Manager said.`: a person's
            // name set off by a comma right after the quotation, then what they are: the
            // name speaks, not the last words before the verb.
            let named_first = || -> Option<Np> {
                let mut e = a;
                while e < v && toks[e].is_cap() && toks[e].is_word() {
                    e += 1;
                }
                // (`Diane Archer, Senior Advisor at Social Security Works and President of
                // Just Care USA said`: an "and" joining two of her titles, not a second
                // person; `and Senator Ana Ruiz said` is one.)
                let joins_people = |i: usize| {
                    let title = toks.get(i + 1).is_some_and(|t| is_title_word(t.s));
                    let named = toks
                        .get(i + 2)
                        .is_some_and(|t| t.is_cap() && t.is_word() && !is_title_word(t.s));
                    toks[i].is("and") && (!title || named)
                };
                if e < a + 2
                    || e + 1 >= v
                    || toks[e].s != ","
                    || (e + 1..v)
                        .any(|i| lower_in(&toks[i], &["who", "which", "that"]) || joins_people(i))
                {
                    return None;
                }
                np_from(p, &toks[a..e]).filter(|np| {
                    np.pronoun.is_none()
                        && np.name.split_whitespace().count() >= 2
                        && kind_of(&np.name, "") == PartyKind::Person
                })
            };
            let (np, rule) = if v == a {
                if let Some(np) = titled_name_after_title(p, toks, v + 1, next_q.min(n)) {
                    let rule = format!("`“…,” {} Title, Rank X.`", toks[v].s);
                    let to = self.told_to(p, toks, v, next_q);
                    if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                        return Some(found);
                    }
                }
                let got = np_after_verb(p, toks, v + 1, next_q.min(n));
                (got.map(|(np, _)| np), format!("`“…,” {} X`", toks[v].s))
            } else if let Some(np) = named_first() {
                (Some(np), format!("`“…,” X, …, {}`", toks[v].s))
            } else {
                (
                    np_backward(p, toks, a, v),
                    format!("`“…,” X {}`", toks[v].s),
                )
            };
            if let Some(np) = np {
                let to = self.told_to(p, toks, v, next_q);
                if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                    return Some(found);
                }
            }
        }
        // `“…,” shared Heather Lattimer, dean of …`, `“…” laughed Dr. Sangay.`, `“…,”
        // Republican strategist Kevin Madden offered.`: a finite verb in the tag's place, right
        // after a quotation that closes as a tag's does and with a person's name before or
        // after it up to the sentence's end, is the tag, whatever the verb.
        let tag_close = text.trim_end().ends_with([',', '!', '?'])
            || toks[q + 1..].first().is_some_and(|t| t.s == ",");
        if tag_close && next_q == n && a < n {
            let end = (a..n)
                .rev()
                .find(|&i| !matches!(toks[i].s, "." | "!" | "?"))
                .map_or(a, |i| i + 1);
            let finite = |t: &Tok| {
                t.is_word()
                    && !t.is_cap()
                    && t.s.len() >= 5
                    && (t.s.ends_with("ed") || t.s.ends_with("es") || t.s.ends_with("ers"))
                    && !lower_in(t, SKIPPABLE)
            };
            let person = |np: &Np| {
                np.pronoun.is_none()
                    && (np.name.split_whitespace().count() >= 2 || np.role.is_some())
                    && kind_of(&np.name, "") == PartyKind::Person
            };
            let mut v = a;
            // (`“…” sentimentally asked Rykov`: an adverb before the verb.)
            while v + 1 < end
                && toks[v].is_word()
                && !toks[v].is_cap()
                && toks[v].s.ends_with("ly")
                && toks[v].s.len() > 4
            {
                v += 1;
            }
            let after = (v < end && finite(&toks[v]))
                .then(|| np_after_verb(p, toks, v + 1, end))
                .flatten()
                .filter(|(np, e)| {
                    person(np) && (*e == end || toks.get(*e).is_some_and(|t| t.s == ","))
                })
                .map(|(np, _)| (np, v));
            // (The words before the verb a name with its role, nothing else: no clause.)
            let name_only = (a..end.saturating_sub(1)).all(|i| {
                toks[i].is_cap() && toks[i].is_word()
                    || toks[i].is_word() && !is_speech(&toks[i]) && !finite(&toks[i])
            }) && end.saturating_sub(1) <= a + 6;
            let before = (end >= a + 3 && finite(&toks[end - 1]) && name_only)
                .then(|| np_backward(p, toks, a, end - 1))
                .flatten()
                .filter(|np| person(np))
                .map(|np| (np, end - 1));
            if let Some((np, v)) = after.or(before) {
                let rule = if v + 1 == end {
                    format!("a verb in a tag's place: `“…,” X {}`", toks[v].s)
                } else {
                    format!("a verb in a tag's place: `“…,” {} X`", toks[v].s)
                };
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // `According to X, …, “…”` at the start of the sentence: X, or the source X quotes
        // (`According to Yonhap, quoting KCNA, …`).
        if q > 2 && toks[0].is("According") && toks[1].is("to") {
            if let Some((np, end)) = np_after_verb(p, toks, 2, q) {
                let mut np = document_author(p, toks, np, end, q);
                let end = (2..q).find(|&i| toks[i].s == ",").unwrap_or(q);
                // `According to Forbes, West claimed … “…”`: X is where the article read
                // it; the one its clause has saying it (a verb of speech or of naming, not
                // a passive) speaks.
                let said = (end + 2..q)
                    .find(|&v| speech_at(toks, v) || term_at(toks, v))
                    // (Not a passive: `the government was considered “…”`.)
                    .filter(|&v| {
                        !lower_in(
                            &toks[v - 1],
                            &["was", "were", "is", "are", "be", "been", "being"],
                        )
                    })
                    .filter(|_| end + 1 < q && !lower_in(&toks[end + 1], &["quoting", "citing"]))
                    .and_then(|v| np_backward(p, toks, end + 1, v))
                    .filter(|y| y.pronoun.is_some() || y.name.starts_with(char::is_uppercase));
                if let Some(y) = said {
                    let rule = "`According to X, Y said … “…”`: Y".to_string();
                    if let Some(found) = self.credit(p, s, &y, rule, None, context.clone()) {
                        return Some(found);
                    }
                }
                if end + 2 < q && lower_in(&toks[end + 1], &["quoting", "citing"]) {
                    // The quoted source: the last run of capitalised words before the
                    // clause ends ("North Korea’s main news agency Korean Central News Agency").
                    let stop = (end + 2..q)
                        .find(|&i| matches!(toks[i].s, "," | "(" | ";" | ":"))
                        .unwrap_or(q);
                    let mut e = stop;
                    while e > end + 2 && !(toks[e - 1].is_cap() && toks[e - 1].is_word()) {
                        e -= 1;
                    }
                    let mut b = e;
                    while b > end + 2 && toks[b - 1].is_cap() && toks[b - 1].is_word() {
                        b -= 1;
                    }
                    if let Some(np2) = (b < e).then(|| np_from(p, &toks[b..e])).flatten() {
                        np = np2;
                    }
                }
                let rule = "`According to X, … “…”`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // `In her words, “…”`: whom the possessive means.
        if let Some(w) = (prev_q + 2..q).find(|&i| {
            toks[i].is("words")
                && toks[i - 2].is("in")
                && lower_in(&toks[i - 1], &["his", "her", "their", "its"])
                && (i + 1..q).all(|k| toks[k].s == ",")
        }) {
            let pronoun = match toks[w - 1].lower().as_str() {
                "his" => "he",
                "her" => "she",
                "their" => "they",
                _ => "it",
            };
            let np = Np {
                name: pronoun.to_string(),
                pronoun: Some(pronoun.to_string()),
                ..Np::default()
            };
            let rule = format!("`in {} words, “…”`", toks[w - 1].lower());
            if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                return Some(found);
            }
        }
        // `in the words of the prosecutor, Mark Tedeschi, “…”`
        if let Some(w) = (prev_q + 2..q.saturating_sub(2)).find(|&i| {
            toks[i].is("words")
                && toks[i - 1].is("the")
                && toks[i - 2].is("in")
                && toks[i + 1].is("of")
        }) {
            if let Some((mut np, end)) = np_after_verb(p, toks, w + 2, q) {
                // A role set off before the name: `the Crown prosecutor, Mark Tedeschi,`.
                let mut e = end + 1;
                while e < q && toks[e].is_cap() && toks[e].is_word() {
                    e += 1;
                }
                if end < q && toks[end].s == "," && e >= end + 3 && np.pronoun.is_none() {
                    if let Some(mut named) = np_from(p, &toks[end + 1..e]) {
                        named.role = named.role.or(Some(np.name.clone()));
                        np = named;
                    }
                }
                let rule = "`in the words of X, “…”`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // 2. Before: `X said: “…”`, `what it terms “…”`, `according to X, “…”`.
        // A verb that names a term has its term close after it (`called the attack “…”`,
        // `described the move by the ministry as “…”`), not at the end of a long clause
        // (`called reporters into a meeting … to discuss matters of “…”`).
        let v = (prev_q..q).rev().find(|&i| {
            speech_at(toks, i) || term_at(toks, i) && (is_speech(&toks[i]) || q - i <= 8)
        });
        if let Some(v) = v {
            let verb = toks[v].s;
            if verb.eq_ignore_ascii_case("according") && v + 1 < q && toks[v + 1].is("to") {
                if let Some((np, end)) = np_after_verb(p, toks, v + 2, q) {
                    let np = document_author(p, toks, np, end, q);
                    let rule = "`according to X, “…”`".to_string();
                    if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                        return Some(found);
                    }
                }
            }
            let term = is_term_verb(&toks[v]) && !is_speech(&toks[v])
                || matches!(
                    verb,
                    "called" | "calls" | "describing" | "calling" | "described" | "describes"
                );
            // `Moreover, added Johndroe …, the U.S. “…”`, `Said the minister: “…”`: a tag
            // turned round, its verb opening the clause, the speaker after it.
            // (Not after a name set off by commas: `the governor, Henry McMaster, said the
            // locomotive was “…”` is in the usual order.)
            let after_name = v >= 2
                && toks[v - 1].s == ","
                && v - 2 > prev_q
                && toks[v - 2].is_cap()
                && toks[v - 2].is_word()
                && !names::is_sentence_adverb(&toks[v - 2].lower())
                || set_off_after_name(toks, prev_q, v);
            let opens = v == prev_q
                || v == 0
                || matches!(toks[v - 1].s, "," | ";" | "—" | "–") && !after_name
                || names::is_sentence_adverb(&toks[v - 1].lower()) && !after_name;
            // Only verbs that take no object: `, told VOA Hausa that “…”` is not turned.
            let intransitive = lower_in(
                &toks[v],
                &[
                    "said",
                    "says",
                    "added",
                    "adds",
                    "continued",
                    "explained",
                    "noted",
                    "insisted",
                    "stressed",
                    "argued",
                    "recalled",
                    "warned",
                    "wrote",
                    "declared",
                    "replied",
                    "answered",
                    "remarked",
                    "observed",
                ],
            );
            if opens && intransitive && !term && speech_at(toks, v) {
                if let Some((np, _)) = np_after_verb(p, toks, v + 1, q)
                    .filter(|(np, _)| np.name.chars().next().is_some_and(char::is_uppercase))
                {
                    let rule = format!("a tag turned round: `{verb} X, … “…”`");
                    let to = self.told_to(p, toks, v, q);
                    if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                        return Some(found);
                    }
                }
            }
            // `State media quoted X as saying “…”`: X, not the one quoting.
            if v >= 3 && toks[v - 1].is("as") && lower_in(&toks[v], &["saying", "stating"]) {
                if let Some(qd) = (prev_q..v - 1)
                    .rev()
                    .find(|&i| lower_in(&toks[i], &["quoted", "quotes", "quoting", "cited"]))
                {
                    if let Some((np, _)) = np_after_verb(p, toks, qd + 1, v - 1) {
                        let rule = format!("`quoted X as {verb} “…”`");
                        if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                            return Some(found);
                        }
                    }
                }
            }
            // `…, with X saying “…”`: the participle's own subject.
            if is_participle(&toks[v]) && !term {
                let mut k = v;
                while k > prev_q && toks[k - 1].is_cap() && toks[k - 1].is_word() {
                    k -= 1;
                }
                if k < v && k > prev_q && toks[k - 1].is("with") {
                    if let Some(np) = np_from(p, &toks[k..v]) {
                        let rule = format!("`with X {verb} “…”`");
                        if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                            return Some(found);
                        }
                    }
                }
                // `…, with senior party official Li Yuecheng saying …“…”`: a role in lower
                // case between `with` and the name.
                if k < v && k > prev_q + 1 {
                    let w = (k.saturating_sub(8).max(prev_q + 1)..k)
                        .rev()
                        .find(|&i| toks[i].is("with"))
                        .filter(|&w| (w + 1..k).all(|i| toks[i].is_word()));
                    if let Some((np, _)) = w
                        .and_then(|w| np_after_verb(p, toks, w + 1, v))
                        .filter(|(np, end)| *end == v && np.pronoun.is_none())
                    {
                        let rule = format!("`with X {verb} “…”`, a role before X");
                        if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                            return Some(found);
                        }
                    }
                }
            }
            // `“…,” he said, calling Israel a “…”`, `X said that “…,” adding Cambodians
            // “…”`: a participle set off after a quotation has the speaker of its tag.
            if let Some(b) = before.filter(|_| {
                is_participle(&toks[v]) && v > prev_q && toks[v - 1].s == "," && prev_q > 0
            }) {
                let rule = format!("the speaker of the tag before `, {verb} “…”`");
                return Some((b, rule, None, context));
            }
            if is_participle(&toks[v]) && !term
                || is_participle(&toks[v]) && v > 0 && toks[v - 1].s == ","
            {
                if let Some(np) = sentence_subject(p, s) {
                    let rule = format!("subject of the sentence, `X …, {verb} “…”`");
                    if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                        return Some(found);
                    }
                }
            }
            let floor = (0..v)
                .rev()
                .find(|&i| {
                    lower_in(&toks[i], &["what", "which", "that"])
                        || matches!(toks[i].s, "," | ";" | ":" | QUOTE_TOK)
                })
                .map_or(prev_q, |i| i + 1)
                .max(prev_q);
            // `The Ministry of Trade, Industry and Energy said`: a comma inside a name's
            // list of portfolios is no clause's start.
            let list_in_name = floor >= prev_q + 2
                && toks[floor - 1].s == ","
                && toks[floor - 2].is_cap()
                && floor < v
                && (floor..v).all(|x| toks[x].is_cap() || toks[x].is("and"))
                && (floor..v).any(|x| toks[x].is("and"));
            let floor = if list_in_name {
                (prev_q..floor - 1)
                    .rev()
                    .find(|&i| matches!(toks[i].s, "," | ";" | ":" | QUOTE_TOK))
                    .map_or(prev_q, |i| i + 1)
            } else {
                floor
            };
            // `The president, who calls journalists “…”`: the one the clause is about.
            let relative = relative_antecedent(p, toks, prev_q, v).or_else(|| {
                (v >= prev_q + 3 && toks[v - 1].is("who") && toks[v - 2].s == ",")
                    .then(|| np_backward(p, toks, prev_q, v - 2))
                    .flatten()
            });
            let is_relative = relative.is_some();
            let np = relative
                .or_else(|| unclosed_appositive(p, toks, prev_q, v))
                .or_else(|| {
                    np_backward(p, toks, floor.min(v), v)
                        .or_else(|| np_backward(p, toks, prev_q, v))
                });
            if let Some(np) = np {
                // (Or a group described, calling something by its term: `The researchers
                // are calling their product “super wood.”`)
                let group = np.name.ends_with('s')
                    && np.name.split_whitespace().count() <= 3
                    && lower_in(
                        &toks[v],
                        &[
                            "calling", "call", "called", "calls", "dubbed", "dub", "dubbing",
                            "term", "termed",
                        ],
                    );
                let named = np.pronoun.is_some()
                    || is_relative
                    || group
                    || np.name.chars().next().is_some_and(char::is_uppercase)
                    || (floor > 0 && lower_in(&toks[floor - 1], &["what", "which"]));
                let article_before =
                    floor < v && v >= 2 && lower_in(&toks[v.saturating_sub(2)], &["a", "an"]);
                if !term || (named && !article_before) {
                    let rule = if term {
                        format!("a term the article attributes: `what X {verb} “…”`")
                    } else {
                        format!("`X {verb}: “…”`")
                    };
                    let to = self.told_to(p, toks, v, q);
                    if let Some(found) = self.credit(p, s, &np, rule, to, context.clone()) {
                        return Some(found);
                    }
                } else if is_participle(&toks[v]) || v > 0 && toks[v - 1].s == "," {
                    // `The ministry issued a statement calling the move “…”`: the
                    // participle's subject is the sentence's; so is the subject set off
                    // before the verb (`The ministry, in a statement, called the visit
                    // “…”`).
                    if let Some(subj) = sentence_subject(p, s) {
                        let rule = format!("subject of the sentence, `X … {verb} Y “…”`");
                        if let Some(found) = self.credit(p, s, &subj, rule, None, context.clone()) {
                            return Some(found);
                        }
                    }
                }
            } else if !term || is_participle(&toks[v]) {
                // (`He said that when calling them “…”, …`: a participle naming a term
                // with no subject of its own has the sentence's.)
                if let Some(np) = sentence_subject(p, s) {
                    let rule = format!("subject of the sentence, `X … {verb} … “…”`");
                    if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                        return Some(found);
                    }
                }
            }
        }
        // `In VOA’s statement, Gibbs “denied the contentions …”`: the quotation completes
        // the clause of the name just before it (its subject, opening the clause).
        if q > prev_q && text.starts_with(|c: char| c.is_lowercase()) && toks[q - 1].is_cap() {
            let mut b = q;
            while b > prev_q && toks[b - 1].is_word() && toks[b - 1].is_cap() {
                b -= 1;
            }
            let opens = (b == 0 || b == prev_q || matches!(toks[b - 1].s, "," | ";" | ":"))
                && b < q
                && !names::not_name_start(&toks[b].lower());
            if let Some(np) = np_from(p, &toks[b..q]).filter(|np| opens && np.pronoun.is_none()) {
                let rule = "the subject the quotation completes: `X “verb …”`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // `The court justified the sentence on the grounds “…”`: the reason given is the
        // sentence subject's words.
        let grounds = q >= 2
            && (toks[q - 1].is("grounds") || toks[q - 1].is("that") && toks[q - 2].is("grounds"))
            && (prev_q..q).any(|i| toks[i].is("on"));
        if grounds {
            if let Some(np) = sentence_subject(p, s).filter(|n| n.pronoun.is_none()) {
                let rule = "subject of the sentence, `X … on the grounds “…”`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // 3. `X issued the following statement: “…”`: the sentence's subject.
        if q > 0 && toks[q - 1].s == ":" {
            if let Some(np) = sentence_subject(p, s) {
                let rule = "subject of the sentence, `X …: “…”`".to_string();
                if let Some(found) = self.credit(p, s, &np, rule, None, context.clone()) {
                    return Some(found);
                }
            }
        }
        // A verb just before that named no one (`agreed on talks “…”`): the closing tag.
        if own_verb {
            if let Some((np, v)) = closing_tag(p, toks, q) {
                let rule = closing_rule(toks, v);
                return self.credit(p, s, &np, rule, None, context);
            }
        }
        None
    }

    /// `told Reuters`, `in an interview with CNN`: who the words were said to.
    fn told_to(&self, p: &str, toks: &[Tok], v: usize, stop: usize) -> Option<String> {
        if toks[v].s == "told" || toks[v].s == "tells" {
            let mut i = v + 1;
            let s = i;
            while i < stop
                && (toks[i].is_cap() || (i > s && lower_in(&toks[i], &["of", "the"])))
                && toks[i].s != QUOTE_TOK
            {
                i += 1;
            }
            // (Not a trailing `of` or `the`: `told VOA the plan …`.)
            while i > s && lower_in(&toks[i - 1], &["of", "the"]) {
                i -= 1;
            }
            if i > s {
                return Some(text_of(p, &toks[s..i]));
            }
            if i < stop
                && lower_in(
                    &toks[i],
                    &["reporters", "journalists", "lawmakers", "parliament", "the"],
                )
            {
                // `told the Voice of America`: the whole name, over `of`.
                let mut j = i + 1;
                while j < stop
                    && (toks[j].is_cap()
                        || j > i + 1
                            && lower_in(&toks[j], &["of", "for", "and"])
                            && toks.get(j + 1).is_some_and(|t| t.is_cap() && j + 1 < stop))
                {
                    j += 1;
                }
                return Some(text_of(p, &toks[i..j.max(i + 1)]));
            }
        }
        // "in an interview with CNN"
        let w: Vec<String> = toks[..stop.min(toks.len())]
            .iter()
            .map(|t| t.lower())
            .collect();
        for i in 0..w.len().saturating_sub(3) {
            if w[i] == "interview" && w[i + 1] == "with" {
                let mut j = i + 2;
                if w[j] == "the" {
                    j += 1;
                }
                let s = j;
                while j < toks.len().min(stop) && toks[j].is_cap() {
                    j += 1;
                }
                if j > s {
                    return Some(text_of(p, &toks[s..j]));
                }
            }
        }
        None
    }

    /// `X said that …` in a sentence with no quotation: a paraphrase.
    fn paraphrase(&mut self, p: &str, s: &Sent) {
        let toks = &s.toks;
        let Some(v) = (0..toks.len()).find(|&i| {
            let t = &toks[i];
            speech_at(toks, i)
                && !is_participle(t)
                && !matches!(
                    t.s,
                    "according"
                        | "reported"
                        | "reports"
                        | "denied"
                        | "denies"
                        | "rejected"
                        | "confirmed"
                        | "put"
                        | "read"
                        | "reads"
                        | "posted"
                )
        }) else {
            return;
        };
        let Some(that) = (v + 1..toks.len().min(v + 4)).find(|&i| toks[i].is("that")) else {
            return;
        };
        if that + 1 >= toks.len() {
            return;
        }
        let Some(np) = np_backward(p, toks, 0, v) else {
            return;
        };
        if np.pronoun.is_none() && !np.name.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        let start = toks[that + 1].at;
        let end = s.range.end;
        let text = p[start..end]
            .trim()
            .trim_end_matches(['.', '!'])
            .trim()
            .to_string();
        if text.split_whitespace().count() < 3 {
            return;
        }
        let sentence = s.text.trim();
        let rule = format!("reported speech: `X {} that …`", toks[v].s);
        if let Some(by) = self.entity(
            &np,
            sentence,
            &format!("speaker of reported speech: `X {} that …`", toks[v].s),
        ) {
            if sentence.contains("statement") {
                self.last_statement = Some(by);
            }
            self.d.quotes.push(Quote {
                by,
                kind: QuoteKind::Paraphrase,
                text,
                to: self.told_to(p, toks, v, that),
                context: None,
                note: Self::note(sentence, &rule),
            });
        }
    }

    /// Sources cited by name: "the Financial Times reported", "citing a White House memo".
    /// `Feenstra and his colleagues argue …`, `a letter led by Senator Ana Ruiz`: a person
    /// named as leading a group, remembered in [`Self::group_leader`].
    fn note_group_leader(&mut self, p: &str, s: &Sent) {
        let toks = &s.toks;
        let n = toks.len();
        for i in 1..n.saturating_sub(2) {
            let colleagues = toks[i].is("and")
                && lower_in(&toks[i + 1], &["his", "her", "their"])
                && lower_in(&toks[i + 2], &["colleagues", "co-signers", "cosigners"]);
            let np = if colleagues {
                np_backward(p, toks, 0, i)
            } else if toks[i].is("led") && toks[i + 1].is("by") {
                np_forward(p, toks, i + 2, n).map(|(np, _)| np)
            } else {
                None
            };
            if let Some(np) = np.filter(|np| {
                np.pronoun.is_none()
                    && np.name.starts_with(char::is_uppercase)
                    && (kind_of(&np.name, "") == PartyKind::Person || self.known_person(&np.name))
            }) {
                self.group_leader = Some((np.name, self.para_no));
                return;
            }
        }
    }

    fn sources(&mut self, p: &str, s: &Sent) {
        let toks = &s.toks;
        let sentence = s.text.trim();
        let mut found_here: Vec<usize> = Vec::new();
        let mut doc_here: Option<usize> = None;
        for i in 0..toks.len() {
            let t = &toks[i];
            // reported by X / according to X / X reported / citing X
            let np = if (t.is("reported") || t.is("published"))
                && i + 1 < toks.len()
                && toks[i + 1].is("by")
            {
                np_forward(p, toks, i + 2, toks.len()).map(|(n, _)| n)
            } else if t.is("according") && i + 1 < toks.len() && toks[i + 1].is("to") {
                np_forward(p, toks, i + 2, toks.len()).map(|(n, _)| n)
            } else if (t.is("reported") || t.is("reports") || t.is("revealed")) && i > 0 {
                np_backward(p, toks, 0, i)
            } else if t.is("citing") || t.is("cited") && i > 0 && !toks[i - 1].is_word() {
                np_forward(p, toks, i + 1, toks.len()).map(|(n, _)| n)
            } else {
                None
            };
            // "a memo from the White House", "a White House memo"
            let doc_word = [
                "memo",
                "memorandum",
                "document",
                "letter",
                "filing",
                "report",
                "study",
                "survey",
                "statement",
                "transcript",
                "cable",
                "email",
                "dossier",
                "assessment",
            ];
            if doc_word.contains(&t.lower().as_str()) && !t.is_cap() {
                let by = if i + 2 < toks.len()
                    && (toks[i + 1].is("from") || toks[i + 1].is("by") || toks[i + 1].is("of"))
                {
                    np_forward(p, toks, i + 2, toks.len()).map(|(n, _)| n)
                } else if i > 0 && toks[i - 1].is_cap() {
                    np_backward(p, toks, 0, i)
                } else {
                    None
                };
                if let Some(by) = by.filter(|n| {
                    n.pronoun.is_none() && n.name.chars().next().is_some_and(char::is_uppercase)
                }) {
                    let kind_of_by = kind_of(&by.name, "");
                    if kind_of_by != PartyKind::Media && kind_of_by != PartyKind::Person
                        || t.is("memo")
                    {
                        let rule = format!("the author of a {} the article cites", t.s);
                        if let Some(b) = self.entity(&by, sentence, &rule) {
                            let name = format!("{} {}", self.d.entities[b].name, t.s);
                            let kind = match t.s {
                                "statement" => "statement",
                                "report" | "study" | "survey" | "assessment" => "report",
                                _ => "document",
                            };
                            if kind == "statement" {
                                self.last_statement = Some(b);
                            }
                            let si = self.add_source(&name, kind, None, Some(b), sentence, &rule);
                            doc_here = Some(si);
                        }
                    }
                }
                continue;
            }
            let Some(np) = np else { continue };
            if np.pronoun.is_some() || !np.name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if kind_of(&np.name, "") != PartyKind::Media {
                continue;
            }
            let date = dates::find(sentence, self.pubdate)
                .into_iter()
                .find(|f| f.rank >= 2)
                .map(|f| f.date);
            let rule = format!("a source the article cites: `{}`", t.s);
            let name = format!("{} report", np.name);
            let si = self.add_source(
                &name,
                "report",
                Some(np.name.clone()),
                None,
                sentence,
                &rule,
            );
            if self.d.sources[si].date.is_none() {
                self.d.sources[si].date = date;
            }
            found_here.push(si);
        }
        // A report and a document in one sentence: the report cites the document.
        if let Some(doc) = doc_here {
            for &r in &found_here {
                if r != doc && !self.d.sources[r].cites.contains(&doc) {
                    self.d.sources[r].cites.push(doc);
                }
            }
            let reported = self.d.sources.iter().any(|s| s.cites.contains(&doc));
            if found_here.is_empty() && !reported && !self.d.sources[0].cites.contains(&doc) {
                self.d.sources[0].cites.push(doc);
            }
        }
        for r in found_here {
            if !self.d.sources[0].cites.contains(&r) {
                self.d.sources[0].cites.push(r);
            }
        }
    }

    fn add_source(
        &mut self,
        name: &str,
        kind: &'static str,
        outlet: Option<String>,
        by: Option<usize>,
        sentence: &str,
        rule: &str,
    ) -> usize {
        // (Never the article itself, named by its title: a title that reads as a cited
        // source's name, `Collins statement`, is still another source than the article.)
        if let Some(i) = self
            .d
            .sources
            .iter()
            .skip(1)
            .position(|s| fold_words(&s.name) == fold_words(name))
        {
            return i + 1;
        }
        self.d.sources.push(Source {
            id: String::new(),
            name: name.to_string(),
            kind,
            outlet,
            date: None,
            url: None,
            by,
            cites: Vec::new(),
            note: Some(Self::note(sentence, rule)),
        });
        self.d.sources.len() - 1
    }

    /// An event for a sentence with a date.
    fn events(&mut self, s: &Sent) {
        let sentence = s.text.trim();
        let Some(f) = dates::find(sentence, self.pubdate).into_iter().next() else {
            return;
        };
        self.d.events.push(Event {
            date: f.date,
            title: shorten(sentence, 90),
            detail: sentence.to_string(),
            involves: Vec::new(),
            note: Self::note(sentence, &format!("a sentence with a date: `{}`", f.text)),
        });
    }

    /// Ids, dropped entities, known entities, and the events' parties.
    /// A person drafted under one form of their name, written another way elsewhere in the
    /// article, gets that form as an alias: with or without middle names (`Robert Gabriel
    /// Mugabe` / `Robert Mugabe`, `George W. Bush`), a first name's short form (`Tom
    /// Frazer` / `Thomas Frazer`), or a surname alone, with or without a title (`Senator
    /// King`, `Voss`), the one full name with that surname (`Angus King`). Only a form no other entity goes by, and only when
    /// one such form is found.
    /// `Whip Scalise` when the article writes `House Republican Whip Steve Scalise`, `AG
    /// Garland` after `Attorney General (AG) Merrick Garland`: the first of a name's two
    /// words (folded, titles off: `core`) when the article sets it before the person's full
    /// name, inside a longer run of capitals or as a title's acronym: their title, not a
    /// first name.
    fn own_title(&self, core: &[String]) -> Option<String> {
        // `National Security Advisor Sullivan` when the article writes `National Security
        // Advisor Jake Sullivan`: a title of several words, the last a title word, before
        // a first name or two and the surname; the title's last word stands for it.
        if let Some((surname, titles)) = core.split_last().filter(|(_, t)| t.len() >= 2) {
            let last = titles.last().filter(|t| is_title_word(t))?;
            let k = titles.len();
            let before_full_name = self.cap_runs_holding(surname).any(|w| {
                (0..w.len().saturating_sub(k)).any(|at| {
                    w[at..at + k] == *titles
                        && (at + k + 1..w.len().min(at + k + 3)).any(|m| {
                            &w[m] == surname
                                && w[at + k..m].iter().all(|x| !is_title_word(x) && x != last)
                        })
                })
            });
            return before_full_name.then(|| last.clone());
        }
        let [first, surname] = core else {
            return None;
        };
        let acronym = self.acronyms.iter().any(|(a, full)| {
            a.to_lowercase() == *first
                && full.split_whitespace().count() >= 2
                && full.split_whitespace().all(is_title_word)
        });
        let before_full_name = || {
            self.cap_runs_holding(surname).any(|w| {
                (1..w.len()).any(|k| {
                    &w[k] == first
                        && !is_title_word(&w[k - 1])
                        && (k + 2..w.len().min(k + 4)).any(|m| {
                            &w[m] == surname
                                && w[k + 1..m].iter().all(|x| !is_title_word(x) && x != first)
                        })
                })
            })
        };
        (acronym || before_full_name()).then(|| first.clone())
    }

    /// Sets the article's runs of capitalised words, folded and indexed by their words.
    fn set_cap_runs(&mut self, runs: Vec<String>) {
        self.cap_run_folds = runs.iter().map(|r| fold_words(r)).collect();
        self.cap_runs_with.clear();
        for (r, run) in runs.iter().enumerate() {
            for w in fold_pieces(run) {
                let at = self.cap_runs_with.entry(w).or_default();
                if at.last() != Some(&r) {
                    at.push(r);
                }
            }
        }
        self.cap_runs = runs;
    }

    /// The runs of capitalised words (indexes into `cap_runs`) holding the folded word
    /// `w`, in order: the only runs whose words, or the words of any run of them, can end
    /// with it or hold it.
    fn runs_with(&self, w: &str) -> &[usize] {
        self.cap_runs_with.get(w).map_or(&[][..], Vec::as_slice)
    }

    /// The folded runs of capitalised words holding the folded word `w`, in order.
    fn cap_runs_holding<'a>(&'a self, w: &str) -> impl Iterator<Item = &'a Vec<String>> + 'a {
        self.runs_with(w).iter().map(|&r| &self.cap_run_folds[r])
    }

    /// The quotations of a person drafted by their title and surname (`AG Garland: “…”`)
    /// go to the person drafted by the full name the article writes after that title
    /// (`Attorney General (AG) Merrick Garland`).
    fn titled_to_full_name(&mut self) {
        for i in 0..self.d.entities.len() {
            let core = fold_words(&untitled_name(&self.d.entities[i].name));
            let Some(title) = self.own_title(&core) else {
                continue;
            };
            let surname = &core[1];
            let full_after_title = |full: &[String]| {
                self.cap_runs_holding(surname).any(|w| {
                    w.windows(full.len() + 1)
                        .any(|x| x[0] == title && x[1..] == *full)
                })
            };
            let mut to = (0..self.d.entities.len()).filter(|&j| {
                j != i
                    && self.d.entities[j].kind == PartyKind::Person
                    && self.folded[j].len() >= 2
                    && self.folded[j].last() == Some(surname)
                    && full_after_title(&self.folded[j])
            });
            let (Some(j), None) = (to.next(), to.next()) else {
                continue;
            };
            let name = self.d.entities[j].name.clone();
            let said = self.d.entities[i].name.clone();
            for q in self.d.quotes.iter_mut().filter(|q| q.by == i) {
                q.by = j;
                q.note.rule = format!(
                    "{}; “{said}”: {name}, whose title the article writes before their full name",
                    q.note.rule
                );
            }
        }
    }

    fn name_variants(&mut self) {
        let untitled = untitled_name;
        for i in 0..self.d.entities.len() {
            let e = &self.d.entities[i];
            let mut core_text = untitled(&e.name);
            let mut core = fold_words(&core_text);
            let own_title = self.own_title(&core);
            // (`AG Garland` reads as a company by its `AG`, till the article shows it a title.)
            if e.kind != PartyKind::Person && own_title.is_none() {
                continue;
            }
            if own_title.is_some() {
                core_text = core_text
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_string();
                core = fold_words(&core_text);
            }
            let Some(last) = core.last() else {
                continue;
            };
            let mut found: Vec<String> = Vec::new();
            for run in self.runs_with(last).iter().map(|&r| &self.cap_runs[r]) {
                // (The run from after that title on: `Steve Scalise`.)
                let run_words: Vec<&str> = run.split_whitespace().collect();
                let after_title = own_title.as_ref().and_then(|t| {
                    run_words
                        .iter()
                        .rposition(|w| fold_words(w).first() == Some(t))
                        .map(|k| run_words[k + 1..].join(" "))
                });
                let full_text = after_title.unwrap_or_else(|| untitled(run));
                let full = fold_words(&full_text);
                if full.len() < 2
                    || full == core
                    || full.last() != Some(last)
                    || kind_of(&full_text, "") != PartyKind::Person
                {
                    continue;
                }
                let same = if core.len() == 1 {
                    true
                } else {
                    core[0] == full[0] && core.len() != full.len()
                        || core.len() == full.len()
                            && core.len() == 2
                            && names::short_form(&core[0], &full[0])
                };
                if same && !found.contains(&full_text) {
                    found.push(full_text);
                }
            }
            let [alias] = found.as_slice() else {
                continue;
            };
            let aw = fold_words(alias);
            let taken = self.d.entities.iter().enumerate().any(|(j, o)| {
                std::iter::once(&o.name)
                    .chain(&o.aliases)
                    .any(|n| fold_words(n) == aw && (j != i || n == alias))
            });
            if !taken && own_title.is_some() {
                // (Named by their full name, the titled form kept: `Steve Scalise`, also
                // `Whip Scalise`.)
                let e = &mut self.d.entities[i];
                e.kind = PartyKind::Person;
                let titled = std::mem::replace(&mut e.name, alias.clone());
                e.aliases.push(titled);
                self.folded[i] = aw;
                self.index_names(i);
            } else if !taken {
                self.d.entities[i].aliases.push(alias.clone());
                self.index_names(i);
            }
        }
    }

    /// A statement or letter in the first person plural (`we`, `our`) in a release whose
    /// opening names two or more lawmakers as its writers (`Reps. A and B, co-chairs of the
    /// X Caucus, released the following statement`, `Senator A led Reps. B and C in sending
    /// a letter to …`): the writers speak, not the body they chair, a group noun or the one
    /// the letter is addressed to that the opening also names. Drafted as the first of
    /// them, as `the Senators wrote` is.
    fn joint_writers(&mut self) {
        let Some(lead) = self.release_lawmaker.clone() else {
            return;
        };
        let paragraphs: Vec<&str> = self.article_text.split("\n\n").take(3).collect();
        let Some(opening) = paragraphs.iter().find(|p| p.contains(lead.as_str())) else {
            return;
        };
        if lawmakers_named(opening) < 2 {
            return;
        }
        let opening_words = fold_words(opening);
        let head_words = fold_words(&paragraphs.join("\n\n"));
        let lead_words = fold_words(&lead);
        let plural_only = |t: &str| {
            let w = fold_words(t);
            let has = |l: &[&str]| w.iter().any(|x| l.contains(&x.as_str()));
            has(&["we", "our", "us", "ours", "ourselves"])
                && !has(&["i", "my", "me", "mine", "myself"])
        };
        let mut writer: Option<usize> = None;
        for qi in 0..self.d.quotes.len() {
            let q = &self.d.quotes[qi];
            if q.kind != QuoteKind::Direct {
                continue;
            }
            let e = &self.d.entities[q.by];
            let name = fold_words(&e.name);
            let Some(last) = name.last() else {
                continue;
            };
            // (`the Members of Congress wrote`, `the Florida lawmakers continued`: the
            // writers as a group, whatever the voice.)
            let group = name.len() >= 2
                && (LAWMAKER_GROUPS.contains(&last.as_str())
                    || name.ends_with(&["of".to_string(), "congress".to_string()]));
            // (The one the letter goes to, named in the first paragraphs and no lawmaker:
            // `a letter to Homeland Security Secretary Alejandro Mayorkas`.)
            // Only when no tag names them: the statement continued, an untagged paragraph,
            // or `they write` taken as them.
            let untagged = [
                "continues the",
                "a paragraph of quotation with no tag",
                "a quotation after the sentences",
                "a quotation under a heading",
            ]
            .iter()
            .any(|r| q.note.rule.starts_with(r))
                || q.note.rule.starts_with("a person named before a pronoun")
                    && fold_words(&q.note.sentence.replace(q.text.as_str(), ""))
                        .iter()
                        .any(|w| w == "they");
            let addressee = e.kind == PartyKind::Person
                && untagged
                && head_words.contains(last)
                && !self.is_lawmaker(&e.name);
            if !group && !plural_only(&q.text) {
                continue;
            }
            // (One of the writers already, someone the opening does not name, or a person
            // not addressed: a fellow lawmaker with a statement of their own.)
            if !group
                && (e.kind == PartyKind::Person && !addressee
                    || lead_words.iter().any(|w| name.contains(w))
                    || !addressee && !opening_words.contains(last))
            {
                continue;
            }
            // (`“We …,” said Lena Ortiz of the Growers Association`: a named tag, or the
            // statement it opened continued, is someone else's own voice.)
            let tagged = [
                "`“…,” said X`",
                "`“…,” X said`",
                "continues the statement of",
            ]
            .iter()
            .any(|r| q.note.rule.starts_with(r));
            if !group && tagged && e.name.starts_with(char::is_uppercase) {
                continue;
            }
            let said = e.name.clone();
            let sentence = q.note.sentence.clone();
            let w = match writer {
                Some(w) => w,
                None => {
                    let np = Np {
                        name: lead.clone(),
                        ..Np::default()
                    };
                    let Some(w) = self.entity(&np, &sentence, "the first lawmaker a release names")
                    else {
                        return;
                    };
                    writer = Some(w);
                    w
                }
            };
            let q = &mut self.d.quotes[qi];
            q.by = w;
            q.note.rule = format!(
                "{}; “we”, in a release whose opening names its writers: {lead}, the first of them, not {said}",
                q.note.rule
            );
        }
    }

    /// `wrote Chu and Velazquez`, `Sanders and Wyden wrote`: a party named by two or more
    /// surnames joined is named by the full names the article prints for them (`Judy Chu
    /// and Nydia Velazquez`), the joined surnames kept as another name.
    fn joined_full_names(&mut self) {
        for i in 0..self.d.entities.len() {
            let name = self.d.entities[i].name.clone();
            let mut words: Vec<&str> = name.split_whitespace().collect();
            // (`Reps. Bentz and LaMalfa`: a plural title before the surnames is no name.)
            if words.len() > 3 && lower_is(words[0].trim_end_matches('.'), PLURAL_LAWMAKER_TITLES) {
                words.remove(0);
            }
            let Some(and) = words.iter().position(|w| *w == "and") else {
                continue;
            };
            // (Each part one capitalised word: `Chu`, `Sanders,`.)
            let parts: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != and)
                .map(|(_, w)| w.trim_end_matches(','))
                .collect();
            if parts.len() < 2
                || and + 2 != words.len()
                || words[..and.saturating_sub(1)]
                    .iter()
                    .any(|w| !w.ends_with(','))
                || parts.iter().any(|w| {
                    !w.starts_with(char::is_uppercase)
                        || !w
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                })
                // (A surname that is also a title, `King and Pingree`, stands with another
                // that is none.)
                || parts.iter().all(|w| is_title_word(w))
            {
                continue;
            }
            let mut full: Vec<String> = Vec::new();
            for part in &parts {
                let surname = fold_words(part);
                let mut found: Vec<String> = Vec::new();
                let runs = surname.last().map_or(&[][..], |w| self.runs_with(w));
                for run in runs.iter().map(|&r| &self.cap_runs[r]) {
                    // (`House Small Business Committee Chairwoman Nydia Velazquez`: the name
                    // after the run's last title word.)
                    let rw: Vec<&str> = run.split_whitespace().collect();
                    let text = match rw.iter().rposition(|w| {
                        is_title_word(w)
                            || lower_is(w.trim_end_matches('.'), PLURAL_LAWMAKER_TITLES)
                    }) {
                        Some(k) if k + 1 < rw.len() => rw[k + 1..].join(" "),
                        _ => untitled_name(run),
                    };
                    let w = fold_words(&text);
                    if (2..=4).contains(&w.len())
                        && w.last() == surname.last()
                        && !w.iter().any(|x| x == "and")
                        && !is_title_word(&w[w.len() - 2])
                        && kind_of(&text, "") == PartyKind::Person
                        && !found.contains(&text)
                    {
                        found.push(text);
                    }
                }
                let [one] = found.as_slice() else {
                    break;
                };
                full.push(one.clone());
            }
            if full.len() != parts.len() {
                continue;
            }
            let last = full.pop().unwrap_or_default();
            let joined = format!("{} and {last}", full.join(", "));
            let jw = fold_words(&joined);
            if self.folded.contains(&jw) {
                continue;
            }
            let e = &mut self.d.entities[i];
            let short = std::mem::replace(&mut e.name, joined);
            e.aliases.push(short);
            self.folded[i] = jw;
            self.index_names(i);
        }
    }

    /// Whether the article writes a lawmaker's title before this name or its surname
    /// (`Rep. Tom Cotton`, `Senator Graham`), or a party and state after it (`Lindsey Graham
    /// (R-S.C.)`).
    fn is_lawmaker(&self, name: &str) -> bool {
        let full = untitled_name(name);
        let surname = full.split_whitespace().last().unwrap_or_default();
        if surname.is_empty() {
            return false;
        }
        let t = &self.article_text;
        [
            "Sen. ",
            "Senator ",
            "Rep. ",
            "Representative ",
            "Congressman ",
            "Congresswoman ",
            "Congressmember ",
        ]
        .iter()
        .any(|title| {
            t.contains(&format!("{title}{full}")) || t.contains(&format!("{title}{surname}"))
        }) || ["(D-", "(R-", "(I-", ", D-", ", R-", ", I-"]
            .iter()
            .any(|p| t.contains(&format!("{full} {p}")) || t.contains(&format!("{full}{p}")))
    }

    fn finish(mut self) -> Draft {
        self.joined_full_names();
        self.joint_writers();
        // `Spokesman also said “…”` in a deck, before the body names him: a role alone as
        // a speaker is the one person the article names with that role.
        for i in 0..self.d.entities.len() {
            // (Or described by it: `a federal judge ruled …`, then `District Judge X`.)
            let words = fold_words(&self.d.entities[i].name);
            let name = &self.d.entities[i].name;
            let described = words.len() <= 3
                && name.chars().next().is_some_and(char::is_lowercase)
                && !name.contains(['’', '\''])
                && !fold_words(name).iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "close"
                            | "familiar"
                            | "to"
                            | "with"
                            | "of"
                            | "second"
                            | "another"
                            | "other"
                    )
                });
            let role = match words.as_slice() {
                [role] => role,
                [.., role] if described => role,
                _ => continue,
            };
            if !is_title_word(role) || self.d.entities[i].kind == PartyKind::Person {
                continue;
            }
            let mut with_role = (0..self.d.entities.len()).filter(|&j| {
                j != i
                    && self.d.entities[j].kind == PartyKind::Person
                    && self.role_words[j].contains(role)
            });
            if let (Some(j), None) = (with_role.next(), with_role.next()) {
                let name = self.d.entities[j].name.clone();
                let said = self.d.entities[i].name.clone();
                for q in self.d.quotes.iter_mut().filter(|q| q.by == i) {
                    q.by = j;
                    q.note.rule = format!(
                        "{}; “{said}”: {name}, the one person named as {role}",
                        q.note.rule
                    );
                }
            }
        }
        // `A California college is seeking …` and, later, `Orange Coast College`: the one
        // organisation named with the described noun is the one described.
        for &i in &self.described {
            let Some(noun) = fold_words(&self.d.entities[i].name).pop() else {
                continue;
            };
            let mut named = self
                .org_mentions
                .iter()
                .filter(|m| fold_words(m).last() == Some(&noun) && fold_words(m).len() >= 2);
            if let (Some(m), None) = (named.next(), named.next()) {
                let m = m.clone();
                let e = &mut self.d.entities[i];
                if fold_words(&e.name) != fold_words(&m) {
                    e.description = e.description.take().or(Some(e.name.clone()));
                    e.name = m;
                }
            }
        }
        // A deck or pull quote repeating the body's words (`Chief says situation “anything
        // but normal”`, then the sentence that says it): one quotation, the one with the
        // longest sentence around it.
        let keys: Vec<(usize, bool, Vec<String>)> = self
            .d
            .quotes
            .iter()
            .map(|q| (q.by, q.kind == QuoteKind::Direct, fold_words(&q.text)))
            .collect();
        let mut first_of: std::collections::HashMap<&(usize, bool, Vec<String>), usize> =
            Default::default();
        let mut drop = vec![false; self.d.quotes.len()];
        for (i, key) in keys.iter().enumerate() {
            if !key.1 {
                continue;
            }
            match first_of.get(key).copied() {
                None => {
                    first_of.insert(key, i);
                }
                Some(j) => {
                    // Keep the one with the longest sentence around it.
                    if self.d.quotes[i].note.sentence.len() > self.d.quotes[j].note.sentence.len() {
                        drop[j] = true;
                        first_of.insert(key, i);
                    } else {
                        drop[i] = true;
                    }
                }
            }
        }
        let mut k = 0;
        self.d.quotes.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
        self.titled_to_full_name();
        // Keep only entities that speak, are spoken for, or author a source.
        let n = self.d.entities.len();
        let mut keep = vec![false; n];
        for q in &self.d.quotes {
            keep[q.by] = true;
        }
        for s in &self.d.sources {
            if let Some(b) = s.by {
                keep[b] = true;
            }
        }
        for i in 0..n {
            if keep[i] {
                if let Some(b) = self.d.entities[i].speaks_for {
                    keep[b] = true;
                }
            }
        }
        let mut map = vec![usize::MAX; n];
        let mut kept = Vec::new();
        for (i, e) in std::mem::take(&mut self.d.entities).into_iter().enumerate() {
            if keep[i] {
                map[i] = kept.len();
                kept.push(e);
            }
        }
        for e in &mut kept {
            e.speaks_for = e.speaks_for.map(|b| map[b]).filter(|&b| b != usize::MAX);
        }
        for q in &mut self.d.quotes {
            q.by = map[q.by];
        }
        for s in &mut self.d.sources {
            s.by = s.by.map(|b| map[b]);
        }
        self.d.entities = kept;
        self.name_variants();
        // An analyst cannot be spoken for; a spokesperson of an analyst speaks for no one.
        let analysts: Vec<bool> = self.d.entities.iter().map(|e| e.analyst).collect();
        for e in &mut self.d.entities {
            if e.analyst {
                e.speaks_for = None;
            }
            if e.speaks_for.is_some_and(|b| analysts[b]) {
                e.speaks_for = None;
            }
        }
        // Known entities lend their ids.
        let mut used: Vec<String> = vec!["article".into()];
        for e in &mut self.d.entities {
            let known = self.opts.known.iter().find(|k| {
                let ew = fold_words(&e.name);
                std::iter::once(&k.name).chain(&k.aliases).any(|n| {
                    let kw = fold_words(n);
                    kw == ew || (kw.len() >= 2 && ew.len() >= 2 && names_match(n, &e.name))
                })
            });
            if let Some(k) = known {
                if !used.contains(&k.id) {
                    if fold_words(&k.name) != fold_words(&e.name) {
                        e.aliases
                            .push(std::mem::replace(&mut e.name, k.name.clone()));
                    }
                    if let Some(kind) = k.kind {
                        e.kind = kind;
                    }
                    e.analyst = k.analyst;
                    e.id = k.id.clone();
                    e.note.rule = format!("{}; id from the corpus", e.note.rule);
                    used.push(e.id.clone());
                }
            }
        }
        let taken: Vec<String> = self
            .opts
            .taken_ids
            .iter()
            .filter(|t| !used.contains(t))
            .cloned()
            .collect();
        let unique = |base: String, used: &mut Vec<String>| {
            let mut id = base.clone();
            let mut k = 2;
            while used.contains(&id) || taken.contains(&id) {
                id = format!("{base}-{k}");
                k += 1;
            }
            used.push(id.clone());
            id
        };
        for e in &mut self.d.entities {
            if e.id.is_empty() {
                let fb = if e.kind == PartyKind::Person {
                    "person"
                } else {
                    "party"
                };
                e.id = unique(kebab(&e.name, fb), &mut used);
            }
        }
        // An analyst's spokesperson link was dropped above; a party that speaks for one
        // that itself speaks for another is cut (no chains).
        let boss_of: Vec<Option<usize>> = self.d.entities.iter().map(|e| e.speaks_for).collect();
        for (i, e) in self.d.entities.iter_mut().enumerate() {
            if let Some(b) = e.speaks_for {
                if b == i || boss_of[b].is_some() {
                    e.speaks_for = None;
                }
            }
        }
        for i in 1..self.d.sources.len() {
            let base = kebab(&self.d.sources[i].name, "source");
            self.d.sources[i].id = unique(base, &mut used);
        }
        // Events involve the drafted entities their sentence names (each entity's name
        // folded once, found by its first word).
        let names: Vec<Vec<String>> = self
            .d
            .entities
            .iter()
            .map(|e| fold_words(&e.name))
            .collect();
        let mut starting: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (e, ew)) in self.d.entities.iter().zip(&names).enumerate() {
            if let (false, Some(first)) = (e.kind == PartyKind::Anonymous, ew.first()) {
                starting.entry(first.as_str()).or_default().push(i);
            }
        }
        for ev in &mut self.d.events {
            let fw = fold_words(&ev.detail);
            let mut named: Vec<usize> = (0..fw.len())
                .flat_map(|at| {
                    let here = starting.get(fw[at].as_str()).map_or(&[][..], Vec::as_slice);
                    let fw = &fw;
                    let names = &names;
                    here.iter()
                        .copied()
                        .filter(move |&i| fw[at..].starts_with(&names[i]))
                })
                .collect();
            named.sort_unstable();
            named.dedup();
            ev.involves.extend(named);
        }
        self.d
    }
}

/// Whether the shorter of two folded names is a run of whole words of the longer.
fn runs_match(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}
