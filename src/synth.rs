//! Synthetic stories for benchmarks and scale tests: deterministic, shaped like real
//! ones (8 parties, 4 analysts, 30 quotes, 3 claims, 20 events, 4 sources each),
//! varied vocabulary and names, some accents, CJK and emoji, valid under the format
//! with no warnings (every reference resolves, every party has a position, every
//! analyst is quoted, every source is cited). Not part of the user-facing crate.

use std::fmt::Write as _;

/// `format!` into a story text.
macro_rules! fmt_str {
    ($($t:tt)*) => {
        $crate::story::Str::from(format!($($t)*))
    };
}
use std::path::PathBuf;

use crate::corpus::Corpus;
use crate::story::FileResult;
use crate::story::{
    Analyst, Claim, ClaimStatus, Event, PartialDate, Party, PartyKind, Quote, QuoteKind, Source,
    SourceKind, Stance, StanceKind, Story,
};

/// Searchable items per generated story (1 story + 8 + 4 + 30 + 3 + 20 + 4).
/// A query typed a key at a time, as the search benches and the
/// instruction-count driver (`examples/search_calls.rs`) type it.
pub const TYPED_FISHER: &[&str] = &["f", "fi", "fis", "fish", "fishe", "fisher"];
pub const TYPED_TRADE_WAR: &[&str] = &[
    "t",
    "tr",
    "tra",
    "trad",
    "trade",
    "trade ",
    "trade w",
    "trade wa",
    "trade war",
];
/// A typo-like query found only scattered: the engine's slow path.
pub const TYPED_SCATTERED: &[&str] = &["f", "fs", "fsh", "fshr"];

/// Queries as a reader types them, every keystroke in order: a name with a typo
/// mended by backspaces, a quote fragment, two words of a name, a second word
/// typed wrong and erased back to the first, a name found only scattered
/// ("tonlsn"), then the whole query erased.
pub const TYPED_REALISTIC: &[&str] = &[
    "r",
    "ri",
    "ric",
    "rich",
    "richa",
    "richr",
    "richra",
    "richr",
    "rich",
    "richa",
    "richar",
    "richard",
    "richard ",
    "richard f",
    "richard fi",
    "richard fis",
    "richard fish",
    "richard fishe",
    "richard fisher",
    "f",
    "fi",
    "fis",
    "fish",
    "fishe",
    "fisher",
    "fisherm",
    "fisherme",
    "fishermen",
    "fishermen ",
    "fishermen a",
    "fishermen al",
    "fishermen alo",
    "fishermen alon",
    "fishermen along",
    "t",
    "to",
    "ton",
    "tone",
    "tonel",
    "tonels",
    "tonelso",
    "tonelson",
    "tonelson ",
    "tonelson d",
    "tonelson de",
    "tonelson del",
    "tonelson deli",
    "tonelson delis",
    "tonelson delist",
    "tonelson delisti",
    "tonelson delistin",
    "tonelson delisting",
    "tonelson delistin",
    "tonelson delisti",
    "tonelson delist",
    "tonelson delis",
    "tonelson deli",
    "tonelson del",
    "tonelson de",
    "tonelson d",
    "tonelson ",
    "tonelson",
    "tonelso",
    "tonels",
    "tonel",
    "tone",
    "ton",
    "to",
    "t",
    "c",
    "co",
    "com",
    "comp",
    "compl",
    "compli",
    "complic",
    "complici",
    "complicit",
    "t",
    "to",
    "ton",
    "tonl",
    "tonls",
    "tonlsn",
];

pub const ITEMS_PER_STORY: usize = 70;

/// A small deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Richard",
    "Alan",
    "Gordon",
    "Maria",
    "Fiona",
    "Felix",
    "Hannah",
    "Omar",
    "Priya",
    "Kenji",
    "Zoë",
    "José",
    "François",
    "Søren",
    "Łukasz",
    "Ólafur",
    "Chiara",
    "Tomás",
    "Ingrid",
    "Samuel",
    "Amara",
    "Dmitri",
    "Leila",
    "Marcus",
    "Yuki",
    "Elena",
    "Finn",
    "Grace",
    "Hugo",
    "Isabel",
];
const LAST: &[&str] = &[
    "Fisher",
    "Tonelson",
    "Chang",
    "Finch",
    "Fischer",
    "Fitzgerald",
    "Harper",
    "Okafor",
    "Nakamura",
    "Ångström",
    "Müller",
    "Dvořák",
    "Çelik",
    "Novak",
    "Silva",
    "Brennan",
    "Lindqvist",
    "Moreau",
    "Kowalski",
    "Haddad",
    "Iyer",
    "Petrov",
    "Walsh",
    "Quintero",
    "Abernathy",
    "Sato",
    "Baker",
];
const CJK_NAMES: &[&str] = &[
    "李伟 (Li Wei)",
    "王芳 (Wang Fang)",
    "张敏 (Zhang Min)",
    "陈静 (Chen Jing)",
    "佐藤健 (Sato Ken)",
    "김민준 (Kim Min-jun)",
];
const ORGS: &[&str] = &[
    "Ministry of Commerce",
    "Federal Trade Commission",
    "Northwind Shipping",
    "Fishery Council",
    "Harbour Authority",
    "Central Bank",
    "Atlas Semiconductor",
    "Bluefin Holdings",
    "European Commission",
    "Workers' Union",
    "Press Office",
    "Customs Agency",
    "Meridian Labs",
    "Société Générale des Eaux",
    "Fjord Energy",
    "Pacific Fisheries Board",
    "Data Protection Office",
    "Port of Rotterdam",
    "Sunrise Capital",
    "Green Coast Alliance",
];
const OUTLETS: &[&str] = &[
    "Financial Times",
    "Reuters",
    "Le Monde",
    "Süddeutsche Zeitung",
    "The Straits Times",
    "朝日新聞",
    "El País",
    "Associated Press",
    "Nikkei Asia",
    "Die Zeit",
    "Bloomberg",
    "Al Jazeera",
];
const TOPICS: &[&str] = &[
    "tariffs",
    "fisheries",
    "semiconductors",
    "sanctions",
    "privacy",
    "shipping lanes",
    "customer data",
    "export controls",
    "the merger",
    "subsidies",
    "fishing quotas",
    "the memo",
    "military contracts",
    "labour rules",
    "carbon credits",
    "the port expansion",
    "cloud services",
    "rare earths",
    "the trade deal",
    "water rights",
];
const NOUNS: &[&str] = &[
    "allegations",
    "evidence",
    "report",
    "investigation",
    "agreement",
    "proposal",
    "decision",
    "leak",
    "accusation",
    "policy",
    "review",
    "ruling",
    "statement",
    "complaint",
    "audit",
    "strategy",
    "budget",
    "negotiations",
    "warning",
    "forecast",
];
const VERBS: &[&str] = &[
    "denied",
    "confirmed",
    "criticised",
    "welcomed",
    "questioned",
    "rejected",
    "supported",
    "challenged",
    "defended",
    "announced",
    "disputed",
    "praised",
    "warned about",
    "investigated",
    "dismissed",
    "endorsed",
];
const ADJ: &[&str] = &[
    "complicit",
    "misleading",
    "credible",
    "unprecedented",
    "premature",
    "reckless",
    "necessary",
    "overdue",
    "inaccurate",
    "fair",
    "dangerous",
    "transparent",
    "flawed",
    "balanced",
    "naïve",
    "sweeping",
    "fragile",
    "decisive",
];
const CLAUSES: &[&str] = &[
    "and said the figures did not add up",
    "calling it a complete distortion of facts",
    "while insisting that talks would continue",
    "arguing that every company involved was complicit",
    "and asked for an independent inquiry",
    "saying the public deserved a clearer answer",
    "and promised to publish the full report next week",
    "noting that fishermen along the coast would bear the cost",
    "adding that the timetable was unrealistic",
    "and warned of consequences for free trade",
    "pointing to earlier warnings that were ignored",
    "saying the data had been handled lawfully",
];
const CITIES: &[&str] = &[
    "Washington",
    "Beijing",
    "Brussels",
    "Geneva",
    "Tokyo",
    "São Paulo",
    "Reykjavík",
    "Zürich",
    "Kraków",
    "Lagos",
    "Mumbai",
    "Oslo",
    "Marseille",
    "Busan",
];
const EMOJI: &[&str] = &["🐟", "📈", "🚢", "⚓", "🌊", "💬", "🔍", "🏭"];
const ROLES: &[&str] = &[
    "senior fellow",
    "trade economist",
    "professor of law",
    "former ambassador",
    "security analyst",
    "fisheries scientist",
    "columnist",
    "research director",
];
const TAGS: &[&str] = &[
    "trade",
    "china",
    "united states",
    "europe",
    "fisheries",
    "privacy",
    "military",
    "shipping",
    "energy",
    "finance",
    "labour",
    "climate",
    "technology",
    "delisting",
];

fn slug(text: &str) -> String {
    let folded = crate::search::fold::fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// A person's name from the pool: mostly Latin names (some accented), some CJK.
fn person(pool: usize) -> String {
    if pool % 13 == 5 {
        CJK_NAMES[pool / 13 % CJK_NAMES.len()].to_string()
    } else {
        format!(
            "{} {}",
            FIRST[pool % FIRST.len()],
            LAST[pool / 7 % LAST.len()]
        )
    }
}

fn sentence(rng: &mut Rng, subject: &str) -> String {
    let mut s = format!(
        "{subject} {} the {} on {} as {}, {}",
        rng.pick(VERBS),
        rng.pick(NOUNS),
        rng.pick(TOPICS),
        rng.pick(ADJ),
        rng.pick(CLAUSES)
    );
    if rng.chance(20) {
        let _ = write!(s, " in {}", rng.pick(CITIES));
    }
    if rng.chance(6) {
        let _ = write!(s, " {}", rng.pick(EMOJI));
    }
    s.push('.');
    s
}

fn date(rng: &mut Rng, year: u16) -> PartialDate {
    let month = 1 + rng.below(12) as u8;
    let day = 1 + rng.below(28) as u8;
    PartialDate::parse(&format!("{year}-{month:02}-{day:02}")).expect("valid generated date")
}

/// The `n`-th synthetic story (the same `n` always gives the same story).
pub fn story(n: usize) -> Story {
    let mut rng = Rng::new(0x5EED_0000 + n as u64);
    let year = 2000 + (n % 25) as u16;
    let topic = *rng.pick(TOPICS);
    let org = *rng.pick(ORGS);
    let id = format!("story-{n:05}-{}", slug(topic));

    let sources: Vec<Source> = (0..4)
        .map(|i| {
            let outlet = *rng.pick(OUTLETS);
            Source {
                id: fmt_str!("source-{}", i + 1),
                name: fmt_str!("{outlet} report on {topic}"),
                outlet: Some(outlet.into()),
                date: Some(date(&mut rng, year)),
                url: Some(fmt_str!(
                    "https://example.org/{}/{}",
                    slug(outlet),
                    n * 4 + i
                )),
                note: None,
                kind: SourceKind::Other,
                by: None,
                cites: Vec::new(),
            }
        })
        .collect();

    // Parties: 4 people (from a shared pool, so entities recur across stories) and 4 bodies.
    let mut parties: Vec<Party> = Vec::with_capacity(8);
    let mut used = std::collections::HashSet::new();
    while parties.len() < 8 {
        let i = parties.len();
        let (name, kind, pool_id) = if i < 4 {
            let pool = rng.below(600);
            (person(pool), PartyKind::Person, format!("p{pool}"))
        } else {
            let o = rng.below(ORGS.len());
            (
                ORGS[o].to_string(),
                PartyKind::Organization,
                format!("o{o}"),
            )
        };
        let pid = format!("{}-{pool_id}", slug(&name));
        if !used.insert(pid.clone()) {
            continue;
        }
        let stance = if rng.chance(50) {
            "Supports"
        } else {
            "Opposes"
        };
        parties.push(Party {
            id: pid.into(),
            aliases: if kind == PartyKind::Organization && rng.chance(30) {
                vec![name
                    .split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .collect()]
            } else {
                Vec::new()
            },
            description: Some(fmt_str!(
                "{} based in {}.",
                rng.pick(ROLES),
                rng.pick(CITIES)
            )),
            position: Some(fmt_str!(
                "{stance} the {} on {topic}; {}.",
                rng.pick(NOUNS),
                rng.pick(CLAUSES)
            )),
            name: name.into(),
            kind,
            role: None,
            speaks_for: None,
        });
    }

    let mut analysts: Vec<Analyst> = Vec::with_capacity(4);
    while analysts.len() < 4 {
        let pool = 600 + rng.below(400);
        let name = person(pool);
        let aid = format!("{}-a{pool}", slug(&name));
        if !used.insert(aid.clone()) {
            continue;
        }
        analysts.push(Analyst {
            id: aid.into(),
            role: Some((*rng.pick(ROLES)).into()),
            affiliation: Some((*rng.pick(ORGS)).into()),
            view: Some(sentence(&mut rng, "Argues that the government").into()),
            name: name.into(),
        });
    }

    let speakers: Vec<(crate::story::Str, crate::story::Str)> = parties
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .chain(analysts.iter().map(|a| (a.id.clone(), a.name.clone())))
        .collect();
    let quotes: Vec<Quote> = (0..30)
        .map(|i| {
            // The first four quotes are the analysts', so every analyst is quoted.
            let (by, name) = if i < 4 {
                speakers[8 + i].clone()
            } else {
                rng.pick(&speakers).clone()
            };
            let surname = name.split_whitespace().last().unwrap_or(&name).to_string();
            let paraphrase = rng.chance(40);
            Quote {
                id: Some(fmt_str!("quote-{}", i + 1)),
                text: if paraphrase {
                    sentence(&mut rng, &surname).into()
                } else {
                    sentence(&mut rng, "We").into()
                },
                kind: if paraphrase {
                    QuoteKind::Paraphrase
                } else {
                    QuoteKind::Direct
                },
                via: None,
                date: rng.chance(70).then(|| date(&mut rng, year)),
                source: Some(sources[i % 4].id.clone()),
                context: rng
                    .chance(50)
                    .then(|| fmt_str!("Speaking in {} about {topic}.", rng.pick(CITIES))),
                to: None,
                by,
            }
        })
        .collect();

    let claims: Vec<Claim> = (0..3)
        .map(|i| {
            let mut stances = Vec::new();
            for (j, (by, _)) in speakers.iter().enumerate() {
                if (j + i) % 4 == 0 {
                    stances.push(Stance {
                        by: by.as_str().into(),
                        stance: *rng.pick(StanceKind::ALL),
                        note: rng.chance(30).then(|| (*rng.pick(CLAUSES)).into()),
                        quote: quotes
                            .iter()
                            .find(|q| q.by == *by)
                            .and_then(|q| q.id.clone()),
                        date: None,
                    });
                }
            }
            Claim {
                // Each story's claims have ids of their own: claims with one id are
                // one claim across (format-2) stories.
                id: fmt_str!("claim-{n:05}-{}", i + 1),
                text: fmt_str!(
                    "{} {} {} is {}.",
                    org,
                    rng.pick(&["says", "alleges", "denies that"]),
                    rng.pick(NOUNS),
                    rng.pick(ADJ)
                ),
                status: Some(*rng.pick(&[
                    ClaimStatus::Alleged,
                    ClaimStatus::Disputed,
                    ClaimStatus::Confirmed,
                    ClaimStatus::Refuted,
                    ClaimStatus::Unverified,
                ])),
                source: Some(sources[i].id.clone()),
                stances,
            }
        })
        .collect();

    // Events in date order, so file order is display order.
    let mut days: Vec<PartialDate> = (0..20).map(|_| date(&mut rng, year)).collect();
    days.sort_by_key(|d| (d.month, d.day));
    let timeline: Vec<Event> = days
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let actor = &speakers[rng.below(speakers.len())];
            Event {
                id: Some(fmt_str!("event-{}", i + 1)),
                date: Some(d),
                title: fmt_str!(
                    "{} {} {} on {topic}",
                    actor.1,
                    rng.pick(VERBS),
                    rng.pick(NOUNS)
                ),
                detail: rng
                    .chance(60)
                    .then(|| sentence(&mut rng, "The ministry").into()),
                involves: vec![actor.0.as_str().into()],
                source: Some(sources[(i + 3) % 4].id.clone()),
                file_index: i,
            }
        })
        .collect();

    let mut tags: Vec<String> = Vec::new();
    for _ in 0..3 {
        let t = rng.pick(TAGS).to_string();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    Story {
        format: 1,
        file: PathBuf::from(format!("{id}.yaml")),
        title: fmt_str!("{org} and the dispute over {topic} {}", rng.pick(EMOJI)),
        date: Some(date(&mut rng, year)),
        question: Some(fmt_str!(
            "Is the {} on {topic} {}?",
            rng.pick(NOUNS),
            rng.pick(ADJ)
        )),
        summary: Some(sentence(&mut rng, org).into()),
        tags: tags.into_iter().map(Into::into).collect(),
        sources,
        parties,
        analysts,
        quotes,
        claims,
        timeline,
        extensions: Vec::new(),
        id: id.into(),
    }
}

/// A corpus of `stories` synthetic stories.
pub fn corpus(stories: usize) -> Corpus {
    Corpus::from_results(
        (0..stories)
            .map(|n| {
                let story = story(n);
                FileResult {
                    path: story.file.clone(),
                    story: Some(story),
                    ..FileResult::default()
                }
            })
            .collect(),
    )
}

/// A corpus of at least `items` searchable items.
pub fn corpus_with_items(items: usize) -> Corpus {
    corpus(items.div_ceil(ITEMS_PER_STORY))
}

fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// The story as a YAML file in the story format.
pub fn to_yaml(s: &Story) -> String {
    let mut y = String::new();
    let mut line = |text: String| {
        y.push_str(&text);
        y.push('\n');
    };
    line(format!("format: {}", s.format));
    line(format!("id: {}", s.id));
    line(format!("title: {}", q(&s.title)));
    if let Some(d) = &s.date {
        line(format!("date: {}", q(&d.raw)));
    }
    if let Some(t) = &s.question {
        line(format!("question: {}", q(t)));
    }
    if let Some(t) = &s.summary {
        line(format!("summary: {}", q(t)));
    }
    if !s.tags.is_empty() {
        let tags: Vec<String> = s.tags.iter().map(|t| q(t)).collect();
        line(format!("tags: [{}]", tags.join(", ")));
    }
    line("sources:".into());
    for src in &s.sources {
        line(format!("  - id: {}", src.id));
        line(format!("    name: {}", q(&src.name)));
        if let Some(o) = &src.outlet {
            line(format!("    outlet: {}", q(o)));
        }
        if let Some(d) = &src.date {
            line(format!("    date: {}", q(&d.raw)));
        }
        if let Some(u) = &src.url {
            line(format!("    url: {}", q(u)));
        }
    }
    line("parties:".into());
    for p in &s.parties {
        line(format!("  - id: {}", p.id));
        line(format!("    name: {}", q(&p.name)));
        line(format!("    kind: {}", p.kind));
        if !p.aliases.is_empty() {
            let a: Vec<String> = p.aliases.iter().map(|t| q(t)).collect();
            line(format!("    aliases: [{}]", a.join(", ")));
        }
        if let Some(t) = &p.description {
            line(format!("    description: {}", q(t)));
        }
        if let Some(t) = &p.position {
            line(format!("    position: {}", q(t)));
        }
    }
    line("analysts:".into());
    for a in &s.analysts {
        line(format!("  - id: {}", a.id));
        line(format!("    name: {}", q(&a.name)));
        for (key, value) in [
            ("role", &a.role),
            ("affiliation", &a.affiliation),
            ("view", &a.view),
        ] {
            if let Some(t) = value {
                line(format!("    {key}: {}", q(t)));
            }
        }
    }
    line("quotes:".into());
    for qu in &s.quotes {
        match &qu.id {
            Some(id) => line(format!("  - id: {id}\n    by: {}", qu.by)),
            None => line(format!("  - by: {}", qu.by)),
        }
        line(format!("    text: {}", q(&qu.text)));
        line(format!("    kind: {}", qu.kind));
        if let Some(d) = &qu.date {
            line(format!("    date: {}", q(&d.raw)));
        }
        if let Some(src) = &qu.source {
            line(format!("    source: {src}"));
        }
        if let Some(t) = &qu.context {
            line(format!("    context: {}", q(t)));
        }
    }
    line("claims:".into());
    for c in &s.claims {
        line(format!("  - id: {}", c.id));
        line(format!("    text: {}", q(&c.text)));
        if let Some(st) = c.status {
            line(format!("    status: {st}"));
        }
        if let Some(src) = &c.source {
            line(format!("    source: {src}"));
        }
        line("    stances:".into());
        for st in &c.stances {
            line(format!("      - by: {}", st.by));
            line(format!("        stance: {}", st.stance));
            if let Some(n) = &st.note {
                line(format!("        note: {}", q(n)));
            }
            if let Some(qid) = &st.quote {
                line(format!("        quote: {qid}"));
            }
        }
    }
    line("timeline:".into());
    for e in &s.timeline {
        match &e.id {
            Some(id) => line(format!("  - id: {id}\n    title: {}", q(&e.title))),
            None => line(format!("  - title: {}", q(&e.title))),
        }
        if let Some(d) = &e.date {
            line(format!("    date: {}", q(&d.raw)));
        }
        if let Some(t) = &e.detail {
            line(format!("    detail: {}", q(t)));
        }
        if !e.involves.is_empty() {
            line(format!("    involves: [{}]", e.involves.join(", ")));
        }
        if let Some(src) = &e.source {
            line(format!("    source: {src}"));
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn stories_are_deterministic_and_shaped_like_real_ones() {
        let a = story(7);
        assert_eq!(a, story(7));
        assert_ne!(a, story(8));
        assert_eq!(
            (
                a.parties.len(),
                a.analysts.len(),
                a.quotes.len(),
                a.claims.len(),
                a.timeline.len(),
                a.sources.len()
            ),
            (8, 4, 30, 3, 20, 4)
        );
        let c = corpus_with_items(1000);
        let items: usize = c
            .stories
            .iter()
            .map(|s| crate::search::items::story_items(0, s).len())
            .sum();
        assert!((1000..1000 + ITEMS_PER_STORY).contains(&items), "{items}");
        assert!(c.diagnostics.is_empty());
    }

    #[test]
    fn every_reference_resolves_and_nothing_would_warn() {
        for n in 0..200 {
            let s = story(n);
            let mut ids = HashSet::new();
            let all_ids = s
                .parties
                .iter()
                .map(|p| p.id.clone())
                .chain(s.analysts.iter().map(|a| a.id.clone()))
                .chain(s.sources.iter().map(|x| x.id.clone()))
                .chain(s.quotes.iter().filter_map(|q| q.id.clone()))
                .chain(s.claims.iter().map(|c| c.id.clone()))
                .chain(s.timeline.iter().filter_map(|e| e.id.clone()));
            for id in all_ids {
                let kebab = id.split('-').all(|p| {
                    !p.is_empty()
                        && p.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                });
                assert!(kebab, "{id} is not kebab-case");
                assert!(ids.insert(id.clone()), "{id} repeated in story {n}");
            }
            let speaker = |id: &str| s.speaker(id).is_some();
            let source = |id: &Option<crate::story::Str>| {
                id.as_deref().is_none_or(|i| s.source(i).is_some())
            };
            for q in &s.quotes {
                assert!(speaker(&q.by) && source(&q.source));
            }
            for c in &s.claims {
                assert!(source(&c.source));
                for st in &c.stances {
                    assert!(speaker(&st.by));
                    assert!(st.quote.as_deref().is_none_or(|q| s.quote(q).is_some()));
                }
            }
            for e in &s.timeline {
                assert!(e.involves.iter().all(|i| speaker(i)) && source(&e.source));
            }
            assert!(s.parties.iter().all(|p| p.position.is_some()));
            assert!(s
                .analysts
                .iter()
                .all(|a| s.quotes_by(&a.id).next().is_some()));
            let cited = |id: &str| {
                s.quotes.iter().any(|q| q.source.as_deref() == Some(id))
                    || s.claims.iter().any(|c| c.source.as_deref() == Some(id))
                    || s.timeline.iter().any(|e| e.source.as_deref() == Some(id))
            };
            assert!(s.sources.iter().all(|x| cited(&x.id)));
        }
    }

    #[test]
    fn some_text_is_not_ascii() {
        let c = corpus(100);
        let text: String = c.stories.iter().map(|s| to_yaml(s)).collect();
        assert!(text.contains("Ångström") || text.contains("Zoë"));
        assert!(text.contains("李伟") || text.contains("王芳"));
        assert!(EMOJI.iter().any(|e| text.contains(e)));
    }

    #[test]
    fn yaml_loads_back_to_the_same_story_with_no_problem() {
        for n in (0..400).step_by(7) {
            let s = story(n);
            let loaded = crate::story::parse::parse_str(&s.file, &to_yaml(&s));
            assert_eq!(loaded.diagnostics, vec![], "story {n}");
            assert_eq!(loaded.story.as_ref(), Some(&s), "story {n}");
        }
    }

    #[test]
    fn yaml_is_valid_yaml_with_the_story_keys() {
        let y = to_yaml(&story(3));
        let v: serde_yaml::Value = serde_yaml::from_str(&y).expect("valid YAML");
        let m = v.as_mapping().expect("a mapping");
        for key in [
            "format", "id", "title", "sources", "parties", "analysts", "quotes", "claims",
            "timeline",
        ] {
            assert!(m.contains_key(key), "{key}");
        }
        assert_eq!(v["quotes"].as_sequence().map(Vec::len), Some(30));
        assert_eq!(
            v["parties"][0]["name"].as_str(),
            Some(story(3).parties[0].name.as_str())
        );
    }
}
