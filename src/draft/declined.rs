//! Who declined to comment and who did not respond: the phrases news writes for a party's
//! refusal or silence ("declined to comment", "did not respond to a request for comment",
//! "could not be reached", "has not said why", "would not say") and the rules that find the
//! party each is said of. A part of the drafting rules ([`super`]), in a file of its own.

use super::*;

const DECLINED: &[&str] = &[
    "has so far declined",
    "would neither confirm nor deny",
    "has not commented publicly",
    // Silence and refusals worded without "decline".
    "refrained from commenting",
    "would not be drawn",
    // Stonewalling: refusing, over time, to answer those who ask.
    "stonewalled",
    "continues to stonewall",
    "continued to stonewall",
    "continue to stonewall",
    // The refusal named as a noun, its party the possessor (`the sheriff’s refusal to
    // provide the records`, `the ministry's refusal to comment`); not `refusal to
    // disclose/explain`, which news writes of officials held in contempt and defendants at
    // trial (the gold's rulings: a refusal to act or to hand documents to Congress is no
    // declining of the press).
    "refusal to comment",
    "refusal to provide",
    "refusal to answer",
    "refusal to respond",
    // No reason given.
];

/// Messages and calls to a party (after the phrase) that went unanswered: `Messages left
/// with X were not returned`, `calls to X went unanswered`.
const UNANSWERED: &[&str] = &[
    // Requests and questions put to the party (`requests for comment sent to X went
    // unanswered`, `questions to X were not answered`).
    "requests for comment to",
    "requests for comment sent to",
    "a request for comment to",
    "a request for comment sent to",
    "questions to",
    "questions sent to",
    "inquiries to",
    "inquiries sent to",
    "queries to",
    "queries sent to",
    "emails sent to",
    "messages sent to",
    "messages left with",
    "messages left for",
    "messages to",
    "calls to",
    "phone calls to",
    "emails to",
    "e-mails to",
    // A reporter's tries that came to nothing (`attempts to reach X were unsuccessful`,
    // `efforts to contact X for comment failed`, `repeated attempts to reach X`).
    "attempts to reach",
    "attempts to contact",
    "efforts to reach",
    "efforts to contact",
    "an attempt to reach",
    "an attempt to contact",
    "attempts to get comment from",
    "attempts to get a comment from",
    "attempts to get a response from",
    "attempts to get information from",
    "attempts to obtain comment from",
    "attempts to obtain a response from",
];

const NO_RESPONSE: &[&str] = &[
    "failed to answer",
    "was not immediately available",
    "were not immediately available",
    "not available for comment",
    "unavailable for comment",
    "was not available",
    "were not available",
    "did not provide a comment",
    "did not immediately provide",
    "unable to reach",
    "could not reach",
    "failed to reach",
    "unable to contact",
    "could not contact",
    "unable to obtain comment from",
    "could not obtain comment from",
    "unable to get comment from",
    "could not get comment from",
    "no one at",
    "no one from",
    "no one with",
    "nobody at",
    "nobody from",
];

/// Negations news writes either way ("did not" / "didn't").
const CONTRACTIONS: &[(&str, &str)] = &[
    ("did not", "didn't"),
    ("would not", "wouldn't"),
    ("has not", "hasn't"),
    ("have not", "haven't"),
    ("had not", "hadn't"),
    ("could not", "couldn't"),
    ("was not", "wasn't"),
    ("were not", "weren't"),
    ("does not", "doesn't"),
    ("do not", "don't"),
    ("is not", "isn't"),
    ("will not", "won't"),
    ("cannot", "can't"),
];

/// Negations a verb in its base form follows (`did not confirm or deny`, `would not go
/// into detail`).
const BASE_NEGATIONS: &[&str] = &[
    "did not",
    "would not",
    "will not",
    "could not",
    "does not",
    "do not",
];

/// The refusals news writes in many words, generated rather than listed: a negation of
/// policy or intent (`will not comment`, `does not talk about`, `won't publicly discuss`)
/// or a verb of refusing (`refused direct comment`, `declined to immediately discuss`),
/// with the adverb or adjective wire copy puts between.
const REFUSING_NEGATIONS: &[&str] = &[
    "will not",
    "would not",
    "does not",
    "do not",
    "cannot",
    "can not",
    "could not",
];
const REFUSING_VERBS: &[&str] = &[
    "declined",
    "refused",
    "declines",
    "refuses",
    "decline",
    "refuse",
    "declining",
    "refusing",
];
const REFUSED_ACTS: &[&str] = &["comment", "discuss", "talk about", "elaborate", "speculate"];
const REFUSED_TO: &[&str] = &[
    "explain",
    "say",
    "confirm",
    "produce",
    "answer",
    "respond",
    "give",
    "provide",
    "be interviewed",
    "be drawn",
    "speak to",
    "speak with",
    "talk to",
    "talk with",
    // What is said or made known, with its object (`declined to detail the talks`,
    // `refused to divulge the sum`, `declined to weigh in`, `declined to be quoted`); not
    // `offer` or `share` alone (`declined to offer a refund`, `refused to share power`).
    "detail",
    "characterize",
    "characterise",
    "estimate",
    "divulge",
    "weigh in",
    "go into",
    "be quoted",
    "offer details",
    "offer any details",
    "offer a comment",
    "offer comment",
    "share details",
    "share any details",
    "share information",
    "share any information",
    "make a statement",
    "make any statement",
    "issue a statement",
    // Assurances, explanations and answers asked for (`refused to offer any assurances or
    // clarifications when asked about …`); not `offer` alone.
    "offer assurances",
    "offer any assurances",
    "give assurances",
    "give any assurances",
    "offer an explanation",
    "offer any explanation",
    "offer clarification",
    "offer any clarification",
    "offer clarifications",
    "offer any clarifications",
    "offer answers",
    "offer any answers",
];

/// What a party would not or refused to make known (`would not disclose`, `refused to
/// identify`; not `release`: `would not release him`).
const NOT_DISCLOSED: &[&str] = &[
    "disclose", "reveal", "identify", "specify", "confirm", "name", "talk",
];
const REFUSING_ADVERBS: &[&str] = &[
    "",
    "immediately ",
    "publicly ",
    "directly ",
    "further ",
    "officially ",
];
/// The forms of "be" a no-response or silence phrase is written with (`was
/// unavailable for comment`, `has been silent on`).
const BE_FORMS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has been",
    "have been",
    "had been",
];

const COMMENT_ADJECTIVES: &[&str] = &[
    "",
    "direct ",
    "immediate ",
    "further ",
    "public ",
    "official ",
    "any ",
    "additional ",
];
/// `There was no immediate comment from the Kremlin`: the party after the phrase.
const NO_COMMENT_FROM: &[(&str, QuoteKind)] = &[
    ("comment from", QuoteKind::Declined),
    ("response from", QuoteKind::NoResponse),
    ("reply from", QuoteKind::NoResponse),
    // `There is no reaction from UNHCR yet`.
    ("reaction from", QuoteKind::NoResponse),
];

/// Not yet done, in every tense: `has yet to respond`, `EFF is yet to respond`.
const YET_TO: &[&str] = &[
    "has yet to",
    "have yet to",
    "had yet to",
    "is yet to",
    "are yet to",
    "was yet to",
    "were yet to",
];

/// What a party did not give when asked (`would not provide a written response`, `did not
/// give a timeline`, `has not provided additional information`), after a verb of giving.
const NOT_GIVEN: &[&str] = &[
    "details",
    "information",
    "a response",
    "a written response",
    "a formal response",
    "a comment",
    "a statement",
    "a timeline",
    "a specific timeline",
    "a timetable",
    "a public statement",
    "public comment",
    "public comments",
    "comment",
    "comments",
    "statement",
];

/// A statement given with nothing more (`…, his daughter said, without elaborating`): the
/// declining of whoever said it.
const WITHOUT: &[&str] = &[
    "without elaborating",
    "without elaborating further",
    "without further elaborating",
    "without giving details",
    "without giving any details",
    "without giving further details",
    "without giving more details",
    "without providing details",
    "without providing any details",
    "without providing further details",
    "without providing more details",
    "without further comment",
    "without commenting further",
];

/// A clause opening the sentence that keeps something back from the statement after it
/// (`Without giving an exact figure, he said …`, `While not naming any other bidders, Maróth
/// said …`): the declining of the subject of the verb of saying after its comma, and only
/// there (not `conducted research without revealing it`).
const OPENING_WITHHELD: &[&str] = &[
    "without giving",
    "without providing",
    "without naming",
    "without specifying",
    "without disclosing",
    "without revealing",
    "without identifying",
    "not naming",
    "not giving",
    "not providing",
    "not specifying",
    "not disclosing",
    "not revealing",
    "not identifying",
];

/// Names kept back, in the passive (`their identities were not provided`, `the names of
/// the dead were not released`): the declining of whoever the sentence cites.
const PASSIVE_WITHHELD: &[&str] = &[
    "identities were not provided",
    "identities were not released",
    "identities were not disclosed",
    "identities have not been released",
    "identities have not been disclosed",
    "identity was not provided",
    "identity was not released",
    "identity was not disclosed",
    "identity has not been released",
    "identity has not been disclosed",
    "names were not provided",
    "names were not released",
    "names were not immediately released",
    "names were not disclosed",
    "names have not been released",
    "names have not been disclosed",
    "name was not released",
    "name was not disclosed",
    "name has not been released",
    "name has not been disclosed",
];

/// The generated refusals ([`REFUSING_NEGATIONS`], [`REFUSING_VERBS`]) and the
/// `no … comment from X` phrases, with whether the party comes after them.
fn refusals() -> Vec<(String, QuoteKind, bool)> {
    let mut all = Vec::new();
    for adv in REFUSING_ADVERBS {
        for act in REFUSED_ACTS {
            // (`would not comment`, `cannot elaborate`, `declined to discuss`: a verb that
            // answers someone in itself after any head, or one refused, is the grammar's.)
            let answers = matches!(*act, "comment" | "elaborate" | "speculate");
            if !answers {
                for neg in REFUSING_NEGATIONS {
                    all.push((format!("{neg} {adv}{act}"), QuoteKind::Declined, false));
                }
            }
            if !answers && *act != "discuss" {
                for verb in REFUSING_VERBS {
                    all.push((format!("{verb} to {adv}{act}"), QuoteKind::Declined, false));
                }
            }
        }
        for act in REFUSED_TO {
            for verb in REFUSING_VERBS {
                all.push((format!("{verb} to {adv}{act}"), QuoteKind::Declined, false));
            }
        }
    }
    // A day or a time word between the verb and `to` (`Google declined Wednesday to
    // confirm reports`, `the ministry refused again to comment`).
    let days = names::WEEKDAYS.iter().map(|d| d.to_string());
    let on_days = names::WEEKDAYS.iter().map(|d| format!("on {d}"));
    let others = ["today", "yesterday", "again"].map(String::from);
    for when in days.chain(others).chain(on_days) {
        for act in REFUSED_ACTS.iter().chain(REFUSED_TO) {
            for verb in ["declined", "refused", "declines", "refuses"] {
                all.push((
                    format!("{verb} {when} to {act}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    // (Not commenting in every tense, `has not yet commented`, `is not commenting`, is
    // the grammar's: [`grammar::refusal_at`].)
    // Unwilling to say: `Rumsfeld was unable or unwilling to describe the weapons further`,
    // `security officials were at first unwilling to confirm`; only acts of saying (not
    // `unwilling to give up`, `unwilling to provide funding`).
    for act in REFUSED_ACTS.iter().chain(&[
        "say",
        "confirm",
        "describe",
        "disclose",
        "reveal",
        "identify",
        "specify",
        "explain",
        "answer",
        "detail",
        "divulge",
        "be interviewed",
        "speak to",
        "speak with",
        "talk to",
        "talk with",
        "go into",
    ]) {
        for be in BE_FORMS {
            for pre in ["", "unable or ", "at first ", "initially "] {
                for adv in REFUSING_ADVERBS {
                    all.push((
                        format!("{be} {pre}unwilling to {adv}{act}"),
                        QuoteKind::Declined,
                        false,
                    ));
                }
            }
        }
    }
    // `has still not answered`, with no object (`has still not responded`, `have still
    // not commented` and `did not elaborate`, `has not elaborated` are the grammar's).
    for have in ["has", "have", "had"] {
        for verb in ["answered", "returned"] {
            all.push((
                format!("{have} still not {verb}"),
                QuoteKind::NoResponse,
                false,
            ));
        }
    }
    // Not answering a request: `did not respond`, `has not replied`, `have yet to return
    // calls`, `could not be reached`, `was not available for comment`, `no one at X was
    // available`.
    // (`respond` and `reply` in every tense are the grammar's; `return` and `answer`
    // with no object after them are listed.)
    for adv in ["", "immediately ", "yet ", "publicly ", "initially "] {
        for neg in ["did not", "does not", "do not"] {
            for verb in ["return", "answer"] {
                all.push((format!("{neg} {adv}{verb}"), QuoteKind::NoResponse, false));
            }
        }
        for have in ["has not", "have not", "had not"] {
            for verb in ["returned", "answered"] {
                all.push((format!("{have} {adv}{verb}"), QuoteKind::NoResponse, false));
            }
        }
        for yet in YET_TO {
            for verb in ["return", "answer"] {
                all.push((format!("{yet} {adv}{verb}"), QuoteKind::NoResponse, false));
            }
        }
    }
    for adv in ["", "immediately ", "otherwise "] {
        for neg in [
            "could not",
            "cannot",
            "can not",
            "could not be",
            "cannot be",
        ] {
            for verb in ["reached", "contacted"] {
                let ph = if neg.ends_with(" be") {
                    format!("{neg} {adv}{verb}")
                } else {
                    format!("{neg} {adv}be {verb}")
                };
                all.push((ph.replace("be be ", "be "), QuoteKind::NoResponse, false));
            }
        }
        for be in BE_FORMS {
            for what in [
                "not available for comment",
                "unavailable for comment",
                "not available to comment",
                "unavailable to comment",
                "not reachable",
                "unable to be reached",
                "unreachable for comment",
                "unreachable to comment",
            ] {
                all.push((format!("{be} {adv}{what}"), QuoteKind::NoResponse, false));
            }
        }
    }
    // `has not been available for comment`.
    for have in ["has not been", "have not been", "had not been"] {
        for what in [
            "available for comment",
            "available to comment",
            "reachable",
            "reachable for comment",
        ] {
            all.push((format!("{have} {what}"), QuoteKind::NoResponse, false));
        }
    }
    // (Silence as a state, `has been mostly silent on`, `remained silent`, `kept mum`,
    // is the grammar's: [`grammar::silence_at`].)
    // Not saying why: `have not said why`, `has not publicly stated any reason for`, `did
    // not give a reason`.
    for adv in ["", "publicly ", "officially ", "yet "] {
        for (neg, verbs) in [
            ("has not", ["said", "stated", "explained", "given"]),
            ("have not", ["said", "stated", "explained", "given"]),
            ("had not", ["said", "stated", "explained", "given"]),
            ("did not", ["say", "state", "explain", "give"]),
        ] {
            for verb in verbs {
                for what in ["any reason", "a reason"] {
                    all.push((
                        format!("{neg} {adv}{verb} {what}"),
                        QuoteKind::Declined,
                        false,
                    ));
                }
            }
        }
    }
    // Not disclosing, in news style: `did not say whether`, `has not said how`, `would not
    // disclose`, `did not clarify`, `gave no details`, `would only say`, `preferred not to
    // discuss`, `hasn't identified the customers`.
    for adv in ["", "publicly ", "immediately ", "yet ", "officially "] {
        // (`did not say whether`, `has not explained how`, `would not say why`: a verb of
        // saying and a question word, the grammar's.)
        for neg in ["would not", "will not"] {
            for act in NOT_DISCLOSED {
                all.push((format!("{neg} {adv}{act}"), QuoteKind::Declined, false));
            }
        }
        for verb in REFUSING_VERBS {
            for act in NOT_DISCLOSED {
                all.push((format!("{verb} to {adv}{act}"), QuoteKind::Declined, false));
            }
        }
        for (neg, verbs) in [
            (
                "did not",
                [
                    "disclose", "reveal", "clarify", "identify", "specify", "name",
                ],
            ),
            (
                "has not",
                [
                    "disclosed",
                    "revealed",
                    "clarified",
                    "identified",
                    "specified",
                    "named",
                ],
            ),
            (
                "have not",
                [
                    "disclosed",
                    "revealed",
                    "clarified",
                    "identified",
                    "specified",
                    "named",
                ],
            ),
            (
                "had not",
                [
                    "disclosed",
                    "revealed",
                    "clarified",
                    "identified",
                    "specified",
                    "named",
                ],
            ),
        ] {
            for verb in verbs {
                all.push((format!("{neg} {adv}{verb}"), QuoteKind::Declined, false));
            }
        }
    }
    // Neither confirming nor denying: `did not confirm or deny`, `has not confirmed or
    // denied`, `neither confirmed nor denied`.
    for adv in ["", "publicly ", "immediately ", "officially "] {
        for neg in BASE_NEGATIONS {
            all.push((
                format!("{neg} {adv}confirm or deny"),
                QuoteKind::Declined,
                false,
            ));
        }
        for have in ["has not", "have not", "had not"] {
            all.push((
                format!("{have} {adv}confirmed or denied"),
                QuoteKind::Declined,
                false,
            ));
        }
        for have in ["", "has ", "have ", "had "] {
            all.push((
                format!("{have}{adv}neither confirmed nor denied"),
                QuoteKind::Declined,
                false,
            ));
        }
    }
    // Failing to explain: `has failed to provide any explanation`, `failed to explain`.
    for have in ["", "has ", "have ", "had "] {
        for adv in ["", "so far ", "repeatedly ", "continually "] {
            for what in [
                "explain",
                "provide any explanation",
                "provide an explanation",
                "give any explanation",
                "give an explanation",
                "offer any explanation",
                "offer an explanation",
            ] {
                all.push((
                    format!("{have}{adv}failed to {what}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    for (negs, verbs) in [
        (
            &["did not", "would not", "will not"][..],
            ["give", "provide", "offer", "release", "issue", "make"],
        ),
        (
            &["has not", "have not", "had not"][..],
            ["given", "provided", "offered", "released", "issued", "made"],
        ),
    ] {
        for neg in negs {
            for adv in ["", "yet "] {
                for verb in verbs {
                    for what in NOT_GIVEN {
                        // `any details`, `additional information`; (`a response`
                        // takes none).
                        let adjs: &[&str] = if what.starts_with("a ") {
                            &[""]
                        } else {
                            &[
                                "",
                                "further ",
                                "more ",
                                "any ",
                                "any further ",
                                "other ",
                                "additional ",
                                "any additional ",
                                "specific ",
                                "any specific ",
                            ]
                        };
                        for adj in adjs {
                            all.push((
                                format!("{neg} {adv}{verb} {adj}{what}"),
                                QuoteKind::Declined,
                                false,
                            ));
                        }
                    }
                }
            }
        }
    }
    // `for reasons Republicans have not explained.`: not explaining, with nothing after
    // it in its clause (not `has not explained the rules to them`).
    for have in ["has not", "have not", "had not"] {
        for adv in ["", "yet ", "publicly "] {
            all.push((format!("{have} {adv}explained"), QuoteKind::Declined, false));
        }
    }
    // `Wikinews is awaiting responses from both the Coast Guard and the agency`: the party
    // after it.
    for what in ["a response", "responses", "a reply", "replies", "comment"] {
        for still in ["", "still "] {
            all.push((
                format!("{still}awaiting {what} from"),
                QuoteKind::NoResponse,
                true,
            ));
        }
    }
    // `Officials said three died; their identities were not provided`: names withheld, by
    // whoever the sentence cites; `…, his daughter said, without elaborating`: the one who
    // said it; `Without giving an exact figure, he said`: the one the clause opens for.
    for ph in PASSIVE_WITHHELD
        .iter()
        .chain(WITHOUT)
        .chain(OPENING_WITHHELD)
    {
        all.push((ph.to_string(), QuoteKind::Declined, false));
    }
    // Details not gone into: `he did not go into detail`, `would not go into specifics`
    // (not `did not go into effect`).
    for neg in BASE_NEGATIONS {
        for what in ["detail", "details", "specifics", "particulars"] {
            for adj in ["", "any ", "further ", "more ", "much "] {
                all.push((
                    format!("{neg} go into {adj}{what}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    // Not a word said, not spoken publicly: `has not said a word about`, `has not spoken
    // publicly about the case`, `has yet to speak publicly`. (Not the participle `…, not
    // saying a word`: its subject is a clause away.)
    for (neg, verb) in [
        ("has not", "said"),
        ("have not", "said"),
        ("had not", "said"),
        ("did not", "say"),
        ("would not", "say"),
    ] {
        all.push((format!("{neg} {verb} a word"), QuoteKind::Declined, false));
    }
    for (negs, verb) in [
        (&["has not", "have not", "had not"][..], "spoken"),
        (&["did not", "would not", "will not"][..], "speak"),
    ] {
        for neg in negs {
            all.push((format!("{neg} {verb} publicly"), QuoteKind::Declined, false));
            all.push((format!("{neg} publicly {verb}"), QuoteKind::Declined, false));
        }
    }
    for yet in YET_TO {
        for what in [
            "speak publicly",
            "publicly speak",
            "comment publicly",
            "make a statement",
            "make a public statement",
            "issue a statement",
            "issue a public statement",
        ] {
            all.push((format!("{yet} {what}"), QuoteKind::Declined, false));
        }
    }
    // (Requests for comment or interviews turned away, `declined repeated requests for
    // comment`, `turned down requests for an interview`, are the grammar's:
    // [`grammar::requests_refused_at`].)
    // Questions dodged or not taken: `dodged questions about the cost`, `sidestepped a
    // question on`, `took no questions`, `did not take questions`.
    for verb in [
        "dodged",
        "sidestepped",
        "deflected",
        "evaded",
        "ignored",
        "brushed off",
        "brushed aside",
        "avoided",
    ] {
        for what in [
            "questions",
            "a question",
            "the question",
            "repeated questions",
            "reporters' questions",
            "reporters’ questions",
            "questions from reporters",
            "questions from journalists",
        ] {
            all.push((format!("{verb} {what}"), QuoteKind::Declined, false));
        }
    }
    for what in [
        "took no questions",
        "take no questions",
        "taking no questions",
    ] {
        all.push((what.to_string(), QuoteKind::Declined, false));
    }
    for neg in ["did not", "would not", "will not", "does not"] {
        for what in [
            "questions",
            "any questions",
            "reporters' questions",
            "reporters’ questions",
        ] {
            all.push((format!("{neg} take {what}"), QuoteKind::Declined, false));
        }
    }
    for verb in REFUSING_VERBS {
        all.push((
            format!("{verb} to take questions"),
            QuoteKind::Declined,
            false,
        ));
    }
    // (No statement made, `has made no public statement`, `issued no statement`, is the
    // grammar's: [`grammar::nothing_given_at`].)
    // `the ministry’s silence on the arrests`, `The Bureau’s silence`: the possessor's
    // (only after a possessive; see [`Drafter::declined`]).
    all.push(("silence".to_string(), QuoteKind::Declined, false));
    // Nothing more to say: `had nothing else to say on the subject`, `has nothing further
    // to add`.
    for have in ["has", "have", "had"] {
        for more in ["", "else ", "more ", "further "] {
            for verb in ["say", "add"] {
                all.push((
                    format!("{have} nothing {more}to {verb}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    for only in [
        "would only say",
        "will only say",
        "would say only",
        "said only that",
    ] {
        all.push((only.to_string(), QuoteKind::Declined, false));
    }
    for verb in ["preferred", "prefers", "prefer"] {
        for act in [
            "comment",
            "discuss",
            "say",
            "talk about",
            "speak about",
            "answer",
        ] {
            all.push((format!("{verb} not to {act}"), QuoteKind::Declined, false));
        }
    }
    for adj in COMMENT_ADJECTIVES {
        for verb in REFUSING_VERBS {
            all.push((format!("{verb} {adj}comment"), QuoteKind::Declined, false));
        }
        // `refrained from further comment`.
        for verb in ["refrained", "refrains", "refraining"] {
            all.push((
                format!("{verb} from {adj}comment"),
                QuoteKind::Declined,
                false,
            ));
        }
        for have in ["had", "has", "have"] {
            all.push((
                format!("{have} no {adj}comment"),
                QuoteKind::Declined,
                false,
            ));
        }
        // `The ministry had no immediate response`; not `has no response to the crisis`
        // (an answer to a problem): only in the past, or with an adjective.
        for have in ["had", "has", "have"] {
            if have == "had" || !adj.is_empty() {
                all.push((
                    format!("{have} no {adj}response"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
        for (what, kind) in NO_COMMENT_FROM {
            all.push((format!("no {adj}{what}"), *kind, true));
        }
        // `no additional comment has been officially made by Apple`: the nominal in the
        // passive, the party after `by`.
        for be in ["has been", "have been", "had been", "was"] {
            for adv in ["", "officially ", "publicly "] {
                for made in ["made", "given", "issued", "offered"] {
                    all.push((
                        format!("no {adj}comment {be} {adv}{made} by"),
                        QuoteKind::Declined,
                        true,
                    ));
                }
            }
        }
    }
    // No comment to give, written with `have` negated or `make` (`The party does not have
    // any comment on the shooting`, `he cannot make any comments on the vote`, `the Embassy
    // has no real comment on the treaty`).
    for neg in ["does not", "do not", "did not", "would not", "will not"] {
        for adj in [
            "",
            "further ",
            "immediate ",
            "official ",
            "public ",
            "real ",
        ] {
            for what in ["comment", "comments"] {
                all.push((
                    format!("{neg} have any {adj}{what}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    for have in ["had", "has", "have"] {
        all.push((
            format!("{have} no real comment"),
            QuoteKind::Declined,
            false,
        ));
    }
    for neg in REFUSING_NEGATIONS.iter().chain(&["did not"]) {
        for adv in ["", "publicly ", "further "] {
            for what in [
                "any comment",
                "any comments",
                "a comment",
                "comments",
                "any further comment",
                "any further comments",
            ] {
                all.push((
                    format!("{neg} {adv}make {what}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    // `denied to elaborate`: the refusal in the wording of writers for whom `deny` is
    // `refuse` (only with an act of saying after it: `privileges denied to the people`).
    for act in REFUSED_ACTS {
        for adv in ["", "further "] {
            all.push((format!("denied to {adv}{act}"), QuoteKind::Declined, false));
        }
    }
    // Who they are kept back: `officials will not give their precise nationalities`,
    // `police would not give the names of the dead` (the names of people, not `give their
    // support`).
    for neg in ["did not", "would not", "will not", "could not", "cannot"] {
        for whose in ["their", "his", "her", "the"] {
            for adj in ["", "precise ", "exact ", "full "] {
                for what in [
                    "names",
                    "name",
                    "identities",
                    "identity",
                    "nationalities",
                    "nationality",
                ] {
                    all.push((
                        format!("{neg} give {whose} {adj}{what}"),
                        QuoteKind::Declined,
                        false,
                    ));
                }
            }
        }
    }
    // (Not reacting in public, `the ministry has not reacted to the letter`, `has yet to
    // react`, is the grammar's.)
    // A reporter's call that rang unanswered: `he was not picking up his phone`, `she did
    // not pick up her phone` (the one called is the subject).
    for neg in [
        "was not picking up",
        "were not picking up",
        "was not picking",
        "were not picking",
        "did not pick up",
        "would not pick up",
    ] {
        for whose in ["his", "her", "their"] {
            for what in ["phone", "phones", "cellphone", "mobile phone", "calls"] {
                all.push((
                    format!("{neg} {whose} {what}"),
                    QuoteKind::NoResponse,
                    false,
                ));
            }
        }
    }
    // A reporter who could not get an answer out of the party, named after a `from` later
    // in the clause: `VOA was unable to obtain a response to the complaint from Chairman X`.
    for neg in OBTAIN_NEGATIONS {
        for verb in ["obtain", "get"] {
            for what in OBTAINED {
                all.push((format!("{neg} {verb} {what}"), QuoteKind::NoResponse, true));
            }
        }
    }
    // (Nothing given when asked, `gave no answer`, `provided no further comment`, `has
    // offered no reason`, is the grammar's: [`grammar::nothing_given_at`].)
    // Keeping one's own view to oneself when asked: `would not share his suspicion`,
    // `declined to share her thoughts` (not `refused to share power`: the object is the
    // party's own mind).
    for neg in [
        "would not",
        "will not",
        "did not",
        "declined to",
        "refused to",
        "declines to",
        "refuses to",
    ] {
        for whose in ["his", "her", "their"] {
            for what in [
                "suspicion",
                "suspicions",
                "views",
                "thoughts",
                "reasons",
                "reasoning",
                "theory",
                "opinion",
            ] {
                all.push((
                    format!("{neg} share {whose} {what}"),
                    QuoteKind::Declined,
                    false,
                ));
            }
        }
    }
    all
}

/// Every declining and no-response phrase with its kind and whether its party comes after
/// it ([`NO_RESPONSE_OBJECT`]), each also with its negation contracted ("didn't respond",
/// "wouldn’t comment").
fn declining_phrases() -> &'static [(String, QuoteKind, bool)] {
    static PHRASES: std::sync::OnceLock<Vec<(String, QuoteKind, bool)>> =
        std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all = Vec::new();
        let listed = [
            (DECLINED, QuoteKind::Declined),
            (NO_RESPONSE, QuoteKind::NoResponse),
        ]
        .into_iter()
        .flat_map(|(list, kind)| {
            list.iter()
                .map(move |ph| (ph.to_string(), kind, NO_RESPONSE_OBJECT.contains(ph)))
        })
        .chain(
            UNANSWERED
                .iter()
                .map(|ph| (ph.to_string(), QuoteKind::NoResponse, true)),
        );
        for (ph, kind, object) in listed.chain(refusals()) {
            // `He did not, however, say whether …`: the aside set off between the
            // negation and its verb.
            if let Some((full, _)) = CONTRACTIONS
                .iter()
                .find(|(full, _)| ph.starts_with(&format!("{full} ")))
            {
                all.push((
                    ph.replacen(full, &format!("{full}, however,"), 1),
                    kind,
                    object,
                ));
            }
            for (full, short) in CONTRACTIONS {
                if ph.contains(full) {
                    for short in [short.to_string(), short.replace('\'', "’")] {
                        all.push((ph.replace(full, &short), kind, object));
                    }
                }
            }
            all.push((ph, kind, object));
        }
        let mut seen = std::collections::HashSet::new();
        all.retain(|(ph, _, _)| seen.insert(ph.clone()));
        all
    })
}

/// The indexes into [`declining_phrases`] of the phrases each first word starts.
fn declining_starts() -> &'static std::collections::HashMap<String, Vec<usize>> {
    static STARTS: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>> =
        std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut m: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, (ph, _, _)) in declining_phrases().iter().enumerate() {
            let first = ph.split(' ').next().unwrap_or(ph);
            m.entry(first.to_string()).or_default().push(i);
        }
        m
    })
}

/// The negations of [`OBTAINED`]: a reporter who could not get a response.
const OBTAIN_NEGATIONS: &[&str] = &["unable to", "could not", "failed to"];
/// What a reporter could not obtain from a party, named after a later `from`
/// (`was unable to obtain a response to X's complaint from Y`).
const OBTAINED: &[&str] = &[
    "a response",
    "a reaction",
    "any response",
    "any reaction",
    // `VOA was unable to obtain comment Wednesday from top Health Ministry officials`,
    // `Studio 7 failed to get a comment from the mayor`.
    "comment",
    "a comment",
    "any comment",
];

/// No-response phrases whose party comes after them (`was unable to reach X for comment`).
const NO_RESPONSE_OBJECT: &[&str] = &[
    "no one at",
    "no one from",
    "no one with",
    "nobody at",
    "nobody from",
    "unable to reach",
    "could not reach",
    "failed to reach",
    "unable to contact",
    "could not contact",
    "unable to obtain comment from",
    "could not obtain comment from",
    "unable to get comment from",
    "could not get comment from",
];

impl Drafter<'_> {
    /// The article before sentence `s`, no further back than [`DESCRIBED_LOOKBACK`] bytes
    /// (found by its place, not searched for).
    fn text_before(&self, s: &Sent) -> &str {
        let t = &self.article_text;
        let mut upto = (self.para_at + s.range.start).min(t.len());
        while !t.is_char_boundary(upto) {
            upto -= 1;
        }
        let mut from = upto.saturating_sub(DESCRIBED_LOOKBACK);
        while !t.is_char_boundary(from) {
            from += 1;
        }
        &t[from..upto]
    }

    /// "declined to comment", "did not respond to a request for comment"; `speaker_here`:
    /// who the sentence quotes (`“…,” she said, but declined to elaborate`).
    /// `quoted`: the sentence is inside a quotation (`“Joe Biden has refused to answer those
    /// questions,” said Comer`): only a party it names declines there, never an "I" or a
    /// "they".
    pub(super) fn declined(
        &mut self,
        p: &str,
        s: &Sent,
        speaker_here: Option<usize>,
        quoted: bool,
    ) {
        let lower = s.text.to_lowercase();
        // Every phrase holds one of these words: most sentences hold none.
        const KEYS: &[&str] = &[
            "comment",
            "respon",
            "repl",
            "reach",
            "return",
            "availab",
            "answer",
            "declin",
            "refus",
            "would not",
            "wouldn",
            "contact",
            "confirm",
            "provid",
            "why",
            "discuss",
            "talk",
            "speculat",
            "elaborat",
            "say",
            "give",
            "interview",
            "drawn",
            "silent",
            "refrain",
            "ignor",
            "stat",
            "explain",
            "explan",
            "fail",
            "picked up",
            "picking",
            "pick up",
            "clarif",
            "detail",
            "disclos",
            "reveal",
            "releas",
            "identif",
            "specif",
            "prefer",
            "confirm",
            "name",
            "information",
            "await",
            "without",
            "not been",
            "stonewall",
            "word",
            "spoke",
            "speak",
            "request",
            "question",
            "quiet",
            "mum",
            "tight",
            "unwilling",
            "silence",
            "react",
            "turned down",
            "into",
            "nothing",
            "weigh",
            "acknowledg",
            "address",
            "offer",
            "naming",
            "giving",
            "revealing",
            "identifying",
            "divulg",
            "describ",
        ];
        if !KEYS.iter().any(|k| lower.contains(k)) {
            return;
        }
        // Where each phrase occurs, found from the words that start phrases (a scan per
        // phrase over every sentence cost more than the rest of the draft), in the order
        // of the phrase list, as the choice between overlapping phrases needs.
        let phrases = declining_phrases();
        let by_first = declining_starts();
        let mut occurs: Vec<(usize, usize)> = Vec::new();
        let mut read: Vec<(usize, usize, QuoteKind)> = Vec::new();
        // The reads whose party comes after them, and those of a reporter's tries.
        let mut party_after: Vec<(usize, usize)> = Vec::new();
        let mut tries: Vec<(usize, usize)> = Vec::new();
        let mut prev_alnum = false;
        for (at, c) in lower.char_indices() {
            let starts = c.is_alphanumeric() && !prev_alnum;
            prev_alnum = c.is_alphanumeric();
            if !starts {
                continue;
            }
            let word_end = lower[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .map_or(lower.len(), |e| at + e);
            if let Some(list) = by_first.get(&lower[at..word_end]) {
                for &pi in list {
                    if lower[at..].starts_with(phrases[pi].0.as_str()) {
                        occurs.push((pi, at));
                    }
                }
            }
            if let Some((len, kind)) = grammar::refusal_at(&lower[at..]) {
                read.push((at, len, kind));
            }
            if let Some((len, kind)) = grammar::silence_at(&lower[at..]) {
                read.push((at, len, kind));
            }
            if let Some((len, kind)) = grammar::requests_refused_at(&lower[at..]) {
                read.push((at, len, kind));
            }
            if let Some((len, kind)) = grammar::nothing_given_at(&lower[at..]) {
                read.push((at, len, kind));
            }
            if let Some((len, kind)) = grammar::nothing_from_at(&lower[at..]) {
                read.push((at, len, kind));
                party_after.push((at, len));
            }
            if let Some(len) = grammar::attempt_at(&lower[at..]) {
                read.push((at, len, QuoteKind::NoResponse));
                party_after.push((at, len));
                tries.push((at, len));
            }
            if let Some(n) = grammar::negated_subject_at(&lower[at..]) {
                read.push((at, n.len, n.kind));
            }
            if let Some((len, kind)) = grammar::elided_refusal_at(&lower[at..], &lower[..at]) {
                read.push((at, len, kind));
            }
        }
        occurs.sort_unstable();
        // The listed phrases first, then the ones the grammar reads (a listed phrase at
        // the same place keeps its own rule).
        let occurs: Vec<(usize, &str, QuoteKind)> = occurs
            .into_iter()
            .map(|(pi, at)| (at, phrases[pi].0.as_str(), phrases[pi].1))
            .chain(
                read.into_iter()
                    .map(|(at, len, kind)| (at, &lower[at..at + len], kind)),
            )
            .collect();
        let spans = if occurs.is_empty() {
            Vec::new()
        } else {
            quote_spans(p)
        };
        let mut found: Vec<(usize, &str, QuoteKind)> = Vec::new();
        for (at, ph, kind) in occurs {
            // `we had no response from X`: X's, by the phrase `no response from`.
            if ph.ends_with(" response")
                && ph.contains(" no ")
                && lower[at + ph.len()..].trim_start().starts_with("from ")
            {
                continue;
            }
            // `I'm being stonewalled` (the one stonewalled, not the party), `cannot
            // continue to stonewall` (not done): no declining.
            if ph.contains("stonewall") {
                let before = lower[..at].split_whitespace().next_back().unwrap_or("");
                if matches!(
                    before,
                    "being"
                        | "been"
                        | "be"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "not"
                        | "cannot"
                        | "to"
                        | "will"
                        | "would"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                ) || before.ends_with("n't")
                {
                    continue;
                }
            }
            // `The site has no comment section`: `comment` modifying the noun after it (a
            // compound: a section, box, field or period for comments), no comment withheld.
            if ph.ends_with(" comment")
                && ph.contains("no ")
                && lower[at + ph.len()..]
                    .split_whitespace()
                    .next()
                    .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "section"
                                | "sections"
                                | "box"
                                | "boxes"
                                | "field"
                                | "fields"
                                | "form"
                                | "forms"
                                | "period"
                                | "periods"
                                | "thread"
                                | "threads"
                                | "page"
                                | "pages"
                                | "feature"
                                | "function"
                                | "button"
                                | "card"
                                | "cards"
                        )
                    })
            {
                continue;
            }
            // `the ministry’s silence`: only after a possessive whose owner is named or an
            // organisation (not `a minute's silence`, `the night's silence`).
            if ph == "silence" && !possessed_by_party(&s.text[..at]) {
                continue;
            }
            // `Globex's continued refusal to answer questions`: the refusal read as a noun by
            // the grammar only after its possessor (the listed `refusal to comment` keeps
            // its own rule).
            if ph.contains("refusal")
                && !possessed_by_party(&s.text[..at])
                && !declining_phrases().iter().any(|(p2, _, _)| p2 == ph)
            {
                continue;
            }
            // `remained quiet on Sunday night`: a time, not what it is quiet about.
            if ph.ends_with(" quiet on") {
                let next = lower[at + ph.len()..]
                    .split_whitespace()
                    .find(|w| !matches!(*w, "the" | "a"))
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric());
                if names::MONTHS.contains(&next)
                    || next.ends_with("day")
                    || matches!(
                        next,
                        "night" | "weekend" | "morning" | "evening" | "afternoon"
                    )
                {
                    continue;
                }
            }
            // `have not explained.`: only with nothing after it in its clause.
            if ph.ends_with(" explained")
                && !lower[at + ph.len()..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | ')' | '—'))
            {
                continue;
            }
            // `refused to respond to its latest counterproposal`, `did not respond to their
            // protest`: a move in a dispute left unanswered, not a question (not `did not
            // respond to an offer to comment`).
            if answered_a_move(ph, &lower[at + ph.len()..]) {
                continue;
            }
            // Inside someone's quotation only a refusal to answer, say, explain or confirm
            // is a declining (`“Joe Biden has refused to answer those questions”`); a
            // speaker's complaint that a party keeps silent, failed or refused to provide
            // or give something is an accusation, not a declining (rule 11: `Biden “has
            // remained silent”`, `the Department “failed to answer”`, `“refused to give
            // up”`).
            if quoted && quoted_complaint(&lower[at..], ph.len()) {
                continue;
            }
            // Not inside a quotation.
            let abs = s.range.start + at;
            let inside = s
                .toks
                .iter()
                .zip(&s.quote_at)
                .any(|(t, q)| q.is_some() && t.at <= abs && abs < t.at + 1)
                || spans.iter().any(|sp| sp.open <= abs && abs < sp.close);
            if (quoted || !inside)
                && !found
                    .iter()
                    .any(|(a, ph2, _)| *a <= at && at < a + ph2.len())
            {
                found.retain(|(a, ph2, _)| {
                    !(at <= *a && *a < at + ph.len() && ph2.len() < ph.len())
                });
                found.push((at, ph, kind));
            }
        }
        found.sort_by_key(|f| f.0);
        let sentence = s.text.trim();
        // The clause of `no one at X was available` holds its one declining.
        let mut nobody_clause: Option<usize> = None;
        // Whether a declining of this sentence was drafted before this one.
        let mut earlier = false;
        for (at, ph, kind) in found {
            if nobody_clause.is_some_and(|end| at < end) {
                continue;
            }
            let abs = s.range.start + at;
            let Some(v) = s.toks.iter().position(|t| t.at >= abs) else {
                continue;
            };
            // The clause: up to the next comma, semicolon or the end.
            let rest = &s.text[at..];
            // (From the phrase's end: `did not, however, say whether` holds commas.)
            let mut end = rest
                .get(ph.len()..)
                .and_then(|r| r.find([',', ';', '.', '—', '(', '“', '"']))
                .map_or(rest.len(), |e| ph.len() + e);
            // Keep "U.S." and similar inside.
            while end < rest.len()
                && rest[end..].starts_with('.')
                && rest[..end].ends_with(|c: char| c.is_uppercase())
                && end + 1 < rest.len()
                && !rest[end + 1..].starts_with(' ')
            {
                end = rest[end + 1..]
                    .find([',', ';', '.'])
                    .map_or(rest.len(), |e| end + 1 + e);
            }
            for conj in [" while ", " but ", " whereas "] {
                if let Some(c) = rest[..end].find(conj) {
                    end = c;
                }
            }
            // (The text stops at a spaced hyphen used as a dash: `… from X - a staff member
            // said …`.)
            let shown = rest[ph.len().min(end)..end]
                .find(" - ")
                .map_or(end, |d| ph.len() + d);
            let text = rest[..shown].trim().to_string();
            let floor = (0..v)
                .rev()
                .find(|&i| {
                    matches!(s.toks[i].s, ";" | ":" | QUOTE_TOK)
                        || lower_in(&s.toks[i], &["but", "although", "though", "while", "and"])
                            && i + 1 < v
                            && !s.toks[i + 1].is_cap()
                })
                .map_or(0, |i| i + 1);
            let kind_word = if kind == QuoteKind::Declined {
                "declined"
            } else {
                "no-response"
            };
            let rule = format!("{kind_word}: `X {ph}`");
            let object = declining_phrases()
                .iter()
                .any(|(p2, _, object)| *object && p2 == ph)
                || party_after.contains(&(at, ph.len()));
            let nobody = ph.starts_with("no one") || ph.starts_with("nobody");
            let asked = [
                "comment",
                "available",
                "reached",
                "contacted",
                "respond",
                "repl",
            ]
            .iter()
            .any(|w| lower[at..].contains(w));
            // (Messages and calls: only when they went unanswered.)
            // (A reporter's tries, `efforts by VOA to reach X`, `tried to contact X`: read
            // by the grammar, [`grammar::attempt_at`].)
            let tried = tries.contains(&(at, ph.len()));
            let message = UNANSWERED.contains(&ph) || tried;
            let unanswered = ["not returned", "unanswered", "not answered", "unreturned"]
                .iter()
                .any(|w| lower[at..].contains(w))
                || (ph.starts_with("attempt")
                    || ph.starts_with("efforts")
                    || ph.starts_with("an attempt")
                    || tried)
                    // Came to nothing, in a later verb or phrase (`were unsuccessful`,
                    // `but fails`, `to no avail`, `but got no response`).
                    && [
                        "unsuccessful",
                        "failed",
                        "fails",
                        "in vain",
                        "without success",
                        "to no avail",
                        "were not successful",
                        "was not successful",
                        "no response",
                        "no answer",
                    ]
                    .iter()
                    .any(|w| lower[at..].contains(w))
                    // A party asked, not a place (`attempts to reach the summit failed`):
                    // for comment or information, or by phone or email; or contacted,
                    // which is said of people only.
                    && (["comment", "phone", "email", "e-mail", "information", "response"]
                        .iter()
                        .any(|w| lower[at..].contains(w))
                        || tried && ph.ends_with(" contact"));
            if message && !unanswered {
                continue;
            }
            let after = lower[at + ph.len()..].trim_start();
            // `declined to give his name`, `would not identify herself`: a source kept
            // anonymous, not a refusal to comment.
            let anonymous = ["his ", "her ", "their "].iter().any(|poss| {
                after.strip_prefix(poss).is_some_and(|r| {
                    [
                        "name",
                        "full name",
                        "last name",
                        "surname",
                        "real name",
                        "identity",
                    ]
                    .iter()
                    .any(|n| r.starts_with(n))
                })
            }) || ["himself", "herself", "themselves"]
                .iter()
                .any(|x| after.starts_with(x));
            if anonymous {
                continue;
            }
            // `State-run media did not give any explanation of what had happened`: a
            // medium reporting the event leaves it unexplained; nobody asked it.
            let subject = lower[..at].trim_end();
            if [
                "media",
                "radio",
                "television",
                "tv",
                "broadcasts",
                "newspapers",
            ]
            .iter()
            .any(|m| {
                subject
                    .strip_suffix(m)
                    .is_some_and(|b| b.is_empty() || b.ends_with([' ', '-']))
            }) {
                continue;
            }
            // `Data was not available for the Northern Territory`: figures missing from a
            // report, not a party asked.
            if ph.ends_with("available")
                && [
                    "data",
                    "figures",
                    "statistics",
                    "information",
                    "numbers",
                    "details",
                    "records",
                ]
                .iter()
                .any(|m| {
                    subject
                        .strip_suffix(m)
                        .is_some_and(|b| b.is_empty() || b.ends_with(' '))
                })
            {
                continue;
            }
            // `did not identify Sirhan as the victim`: the person is named already; not
            // saying who someone is is no refusal to say something.
            if ["identify", "identified", "name", "named"]
                .iter()
                .any(|v| ph.ends_with(&format!(" {v}")))
            {
                let orig = rest.get(ph.len()..).unwrap_or("").trim_start();
                let words: Vec<&str> = orig.split_whitespace().take(4).collect();
                let named = words.first().is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !["The", "A", "An", "Any"].contains(w)
                });
                if named && words[1..].contains(&"as") {
                    continue;
                }
            }
            // `refused to give up power`, `declined to give way`: not a refusal to speak.
            if ph.ends_with(" give")
                && ["up", "in", "way", "ground"]
                    .iter()
                    .any(|w| after.split_whitespace().next() == Some(*w))
            {
                continue;
            }
            // `did not return the signatures`: a thing given back, not a call answered.
            if ph.ends_with(" return") || ph.ends_with(" returned") {
                let clause = after.split([',', ';', '.']).next().unwrap_or("");
                let words: Vec<&str> = clause.split_whitespace().take(6).collect();
                let answered = [
                    "call",
                    "phone",
                    "message",
                    "email",
                    "e-mail",
                    "request",
                    "inquir",
                    "quer",
                    "comment",
                    "voicemail",
                    "text",
                    "interview",
                ];
                if !words.is_empty()
                    && !words
                        .iter()
                        .any(|w| answered.iter().any(|c| w.starts_with(c)))
                {
                    continue;
                }
            }
            // `was unable to obtain a response to the complaint from X`: the party after the
            // clause's `from`.
            let obtained = OBTAINED.iter().any(|w| {
                ph.strip_suffix(w)
                    .is_some_and(|v| v.ends_with(" obtain ") || v.ends_with(" get "))
            });
            let from_at = obtained
                .then(|| lower[at + ph.len()..at + end.max(ph.len())].find(" from "))
                .flatten()
                .map(|f| at + ph.len() + f + " from ".len());
            if obtained && from_at.is_none() {
                continue;
            }
            // `VOA could not reach Coordinator Jacob Mafume`: a person reached, by name, is
            // one a reporter tried to call, even with no `for comment` (not `could not reach
            // an agreement`, `failed to reach Kabul`).
            let reached_person = ph.ends_with(" reach")
                && rest[ph.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase());
            // `were unable to reach most of the named Zanu PF officials`: a group named by
            // its organisation, reached with no `for comment` either.
            let reached_group = (ph.ends_with(" reach") || ph.ends_with(" contact"))
                && s.toks
                    .iter()
                    .position(|t| t.at >= s.range.start + at + ph.len())
                    .and_then(|i| group_in_lower_case(&s.toks, i, true))
                    .is_some();
            if object
                && !message
                && !obtained
                && !reached_person
                && !reached_group
                && (nobody && !asked
                    || !nobody
                        && !ph.ends_with(" from")
                        && !ph.ends_with(" by")
                        && !lower[at..].contains("comment"))
            {
                // `could not reach an agreement`, `no one at the base was hurt`: no one
                // was asked for comment.
                continue;
            }
            // `While refusing to comment on the policy, Petraeus said …`: a clause with no
            // subject of its own opening the sentence; the party is the subject after it
            // (not with a phrase whose party follows it: `While no comment has been made by
            // Apple, analysts …`).
            let lead = !object
                && v >= 1
                && lower_in(
                    &s.toks[v - 1],
                    &[
                        "while", "after", "before", "when", "despite", "though", "although",
                    ],
                );
            // `…, his daughter said, without elaborating`: the subject of the verb of saying
            // before it.
            let without = WITHOUT.contains(&ph);
            let np = if OPENING_WITHHELD.contains(&ph) {
                match opening_withheld_party(p, &s.toks, v) {
                    Some(np) => Some(np),
                    None => continue,
                }
            } else if PASSIVE_WITHHELD.contains(&ph) {
                // (Only a sentence that cites someone: `Officials said …; their …`.)
                match (0..v).rev().find(|&i| is_speech(&s.toks[i])) {
                    Some(i) => np_backward(p, &s.toks, 0, i),
                    None => continue,
                }
            } else if without {
                (floor..v)
                    .rev()
                    .find(|&i| is_speech(&s.toks[i]))
                    .and_then(|i| np_backward(p, &s.toks, floor, i))
                    .or_else(|| sentence_subject(p, s))
            } else if lead && v == 1 {
                (v..s.toks.len())
                    .find(|&i| s.toks[i].s == ",")
                    .and_then(|c| np_forward(p, &s.toks, c + 1, s.toks.len()))
                    .map(|(np, _)| np)
            } else if lead {
                None
            } else if object {
                let after_comment = lower[at + ph.len()..]
                    .split([',', ';', '.'])
                    .next()
                    .is_some_and(|c| c.contains(" for comment"));
                let after = s.range.start + from_at.unwrap_or(at + ph.len());
                let first = s
                    .toks
                    .iter()
                    .position(|t| t.at >= after)
                    // (`from both the Coast Guard and …`.)
                    .map(|i| i + usize::from(s.toks.get(i).is_some_and(|t| t.is("both"))));
                first
                    .and_then(|i| {
                        np_forward(p, &s.toks, i, s.toks.len())
                            .map(|(np, _)| np)
                            .or_else(|| {
                                after_comment
                                    .then(|| body_in_lower_case(&s.toks, i))
                                    .flatten()
                            })
                    })
                    // (A person reached with no `for comment` must be named as one.)
                    .filter(|np| {
                        !reached_person
                            || lower[at..].contains("comment")
                            || np.pronoun.is_none()
                                && names::kind_of(&np.name, np.role.as_deref().unwrap_or(""))
                                    == PartyKind::Person
                                && !names::is_place(&np.name)
                    })
                    .filter(|np| {
                        nobody
                            || np.pronoun.is_some()
                            || np.name.chars().next().is_some_and(char::is_uppercase)
                            // `could not reach the local authority for comment`: a
                            // party in lower case, when it was asked for comment.
                            || after_comment
                                && np.name.split_whitespace().count() >= 2
                                && !np.name.contains(|c: char| c.is_ascii_digit())
                    })
                    // `There was no comment from the rebels`, `unable to obtain comment from
                    // top Health Ministry officials`: a group in lower case.
                    .or_else(|| {
                        first.and_then(|i| group_in_lower_case(&s.toks, i, !ph.starts_with("no ")))
                    })
                    // `Calls to the ministry went unanswered`, `Efforts to reach the company for
                    // comment were unsuccessful`: a body named before, read back from `the` and
                    // its noun (as a subject is, [`described_body`]), when the phrase ends
                    // there.
                    .or_else(|| {
                        let i = first?;
                        let ends = s.toks.get(i + 2).is_none_or(|t| {
                            !t.is_word()
                                || lower_in(
                                    t,
                                    &[
                                        "for",
                                        "by",
                                        "to",
                                        "at",
                                        "on",
                                        "about",
                                        "over",
                                        "in",
                                        "were",
                                        "was",
                                        "went",
                                        "have",
                                        "has",
                                        "had",
                                        "and",
                                        "but",
                                        "or",
                                        "as",
                                        "after",
                                        "since",
                                        "regarding",
                                    ],
                                )
                        });
                        ends.then(|| described_body(self.text_before(s), &s.toks, i, i + 2))
                            .flatten()
                    })
            } else {
                // (`Police have so far had no comment`: past the adverbs of time.)
                let e = before_time_adverbs(&s.toks, floor, v);
                relative_antecedent(p, &s.toks, floor, e)
                    .or_else(|| appositive_name(p, &s.toks, floor, e))
                    .or_else(|| located_subject(p, &s.toks, floor, e))
                    .or_else(|| interrupted_subject(p, &s.toks, floor, e))
                    .or_else(|| described_body(self.text_before(s), &s.toks, floor, e))
                    .or_else(|| np_backward(p, &s.toks, floor, e))
            };
            // `the government confirmed …, but it has not responded`: the organisation the
            // clause before was about, not whatever "it" meant a sentence earlier.
            let np = match np {
                Some(n) if floor > 0 && n.pronoun.as_deref() == Some("it") => {
                    org_of_clause_before(&s.toks, floor).or(Some(n))
                }
                // `The press asked Trump about it, but he declined to comment`: the one
                // asked in the clause before.
                Some(n) if floor > 0 && matches!(n.pronoun.as_deref(), Some("he" | "she")) => {
                    asked_in_clause_before(p, &s.toks, floor).or(Some(n))
                }
                np => np,
            };
            // `the Speaker said he had nothing else to say`: the pronoun right after a verb
            // of saying is its subject's.
            let np = match np {
                Some(n)
                    if matches!(n.pronoun.as_deref(), Some("he" | "she"))
                        && v >= floor + 3
                        && lower_in(&s.toks[v - 1], &["he", "she"])
                        && is_speech(&s.toks[v - 2]) =>
                {
                    np_backward(p, &s.toks, floor, v - 2)
                        .filter(|m| m.pronoun.is_none())
                        .or(Some(n))
                }
                np => np,
            };
            if object && np.is_none() {
                continue;
            }

            // `X was unreachable for comment as she was not responding to calls`: a
            // pronoun after a declining of the same sentence is its party's, already had.
            if earlier && np.as_ref().is_some_and(|n| n.pronoun.is_some()) {
                continue;
            }
            let named = |n: &Np| {
                n.pronoun.is_none()
                    && n.name.starts_with(char::is_uppercase)
                    && !pronoun_name(&n.name)
            };
            let own_subject = np.is_some();
            let np = if quoted {
                // (`“… officials have said they plan to …, but have declined to elaborate”`:
                // a clause with no subject of its own is the sentence subject's.)
                match np.filter(named).or_else(|| {
                    (floor == 0 || !own_subject)
                        .then(|| sentence_subject(p, s))
                        .flatten()
                        .filter(named)
                }) {
                    Some(n) => Some(n),
                    None => continue,
                }
            } else {
                np
            };
            if nobody {
                nobody_clause = Some(at + text.len());
            }
            // A clause with no subject of its own (`she said, but refused to …`): the
            // speaker the sentence quotes, else the sentence's subject.
            // `the board's press office did not respond`: the board, which the office
            // speaks for.
            let np = np.map(|n| match office_of(&n.name) {
                Some(org) if n.pronoun.is_none() => Np {
                    name: org,
                    ..Np::default()
                },
                _ => n,
            });
            // `A spokesperson for Globex said the company does not comment on …`: the
            // organisation the sentence's spokesperson speaks for.
            let np = np.map(|n| {
                let plain = n.name.to_lowercase();
                let plain = plain.strip_prefix("the ").unwrap_or(&plain);
                if n.pronoun.is_none() && ORG_NOUNS.contains(&plain) {
                    spokesperson_org(p, &s.toks, v).unwrap_or(n)
                } else {
                    n
                }
            });
            // `Robinson and Seidenberg have not responded`, `awaiting responses from both
            // the Coast Guard and the agency`: each of the two.
            // (With no subject in its clause, the sentence's, unless the sentence quotes
            // someone: `she said, but refused to …`.)
            // `In an e-mail from Canadian Paralympic Committee CEO Karen O'Neill, the
            // organization refused to answer`: the one organisation the sentence named before.
            let np = np.map(|n| match org_named_before(p, &s.toks, &n, v) {
                Some(name) => Np {
                    name,
                    ..Np::default()
                },
                None => n,
            });
            // `the Attorney General has yet to respond`: the one person the article names
            // right after that title (`U.S. Attorney General Merrick Garland`).
            let np = np.map(|n| match titled_person(&self.article_text, &n) {
                Some(name) => Np {
                    name,
                    ..Np::default()
                },
                None => n,
            });
            let fallback = np.is_none() && (speaker_here.is_none() || floor == 0);
            let np = if fallback { sentence_subject(p, s) } else { np };
            // `Previously, Nunes would not say …, and has not revealed …`: a word set off
            // by a comma opening the sentence is no subject; the one after it is.
            let np = match np {
                Some(n)
                    if fallback
                        && s.toks.len() > 3
                        && s.toks[1].s == ","
                        && s.toks[0].s == n.name
                        && s.toks[0].s.ends_with("ly") =>
                {
                    np_forward(p, &s.toks, 2, s.toks.len())
                        .map(|(m, _)| m)
                        .or(Some(n))
                }
                np => np,
            };
            // `I've won't say anything`: the one answering in the first person, no party.
            if np.as_ref().is_some_and(|n| {
                let l = n.name.to_lowercase().replace('’', "'");
                ["i'", "we'"].iter().any(|f| l.starts_with(f))
            }) {
                continue;
            }
            // `none of the companies involved have commented`, `neither Dasbach nor Mears
            // would comment`: the words the negation governs.
            let negated = (ph.starts_with("none of") || ph.starts_with("neither"))
                .then(|| grammar::negated_subject_at(&lower[at..]))
                .flatten()
                .map(|n| n.parties(&s.text[at..]));
            let (np, negated_pair) = match negated {
                Some(parties) => match parties.as_slice() {
                    [one] => (Some(one.clone()), None),
                    [a, b] => (Some(a.clone()), Some((a.clone(), b.clone()))),
                    _ => continue,
                },
                None => (np, None),
            };
            let pair = np
                .as_ref()
                .filter(|_| negated_pair.is_none())
                .filter(|n| n.pronoun.is_none())
                .and_then(|n| {
                    n.name.split_once(" and the ").or_else(|| {
                        // (Two surnames of people named before, not a firm's name.)
                        n.name
                            .split_once(" and ")
                            .filter(|(a, b)| self.known_person(a) && self.known_person(b))
                    })
                })
                .map(|(a, b)| {
                    let np = |name: &str| Np {
                        name: name.trim().to_string(),
                        ..Np::default()
                    };
                    (np(a), np(b))
                })
                .or(negated_pair);
            let mut also = None;
            let by = match (np, speaker_here, &pair) {
                (Some(_), _, Some((a, b))) => {
                    also = self.entity(a, sentence, &rule);
                    self.entity(b, sentence, &rule).filter(|&b| Some(b) != also)
                }
                (Some(np), _, None) if fallback => self.entity(&np, sentence, &rule),
                (Some(np), _, None) => self.entity_in(p, s, &np, sentence, &rule),
                (None, Some(sp), _) => Some(sp),
                (None, None, _) => None,
            };
            let Some(by) = by else {
                continue;
            };
            let to = to_whom(&text).or_else(|| to_whom(&s.text[at..]));
            // `X and judge Y cannot be reached`: each of the named subjects declines.
            if also.is_none() && !object && floor >= 2 && s.toks[floor - 1].is("and") {
                let f2 = (0..floor - 1)
                    .rev()
                    .find(|&i| matches!(s.toks[i].s, "," | ";" | ":" | QUOTE_TOK))
                    .map_or(0, |i| i + 1);
                also = np_backward(p, &s.toks, f2, floor - 1)
                    .filter(|np| np.pronoun.is_none() && np.name.starts_with(char::is_uppercase))
                    .and_then(|np| self.entity(&np, sentence, &rule))
                    .filter(|&o| o != by);
            }
            earlier = true;
            for by in also.into_iter().chain([by]) {
                self.d.quotes.push(Quote {
                    by,
                    kind,
                    text: text.clone(),
                    to: to.clone(),
                    context: None,
                    note: Self::note(sentence, &rule),
                });
            }
        }
    }

    /// `VOA emailed X asking for comment, but received no response`, `we called X, but our
    /// calls were not returned`, `VOA attempted to contact X …, but did not get a response`,
    /// `Wikinews has contacted X … and is awaiting a response`, `contacted X with no
    /// response`, `there has been no response from X`: a no-response by the one contacted.
    pub(super) fn contacted_no_response(&mut self, p: &str, s: &Sent) {
        let lower = s.text.to_lowercase();
        let Some((at, ph)) = no_answer_phrases()
            .iter()
            .filter_map(|ph| lower.find(ph.as_str()).map(|at| (at, ph.as_str())))
            .min()
        else {
            return;
        };
        let abs = s.range.start + at;
        let Some(v) = s.toks.iter().position(|t| t.at >= abs) else {
            return;
        };
        if s.toks[..v].iter().any(|t| t.s == QUOTE_TOK) {
            return;
        }
        // `has yet to receive a reply from the President`: the one it is from; else the
        // one contacted before it in the sentence (`asked X …`, `a request … to X, a request
        // that has not received …`); else, in a sentence with no contacting of its own, the
        // one written to in the paragraph's sentence before (`X sent a letter to Y. She has
        // yet to receive a response.`).
        let end = abs + ph.len();
        let from = s
            .toks
            .iter()
            .position(|t| t.at >= end)
            .filter(|&i| s.toks[i].is("from"))
            .and_then(|i| np_forward(p, &s.toks, i + 1, s.toks.len()))
            .map(|(np, _)| np);
        let np = from
            .or_else(|| contacted_before(p, &s.toks, v))
            .or_else(|| {
                if (0..v).any(|i| {
                    lower_in(&s.toks[i], CONTACTED_VERBS)
                        && !lower_in(&s.toks[i], CONTACT_NOUNS)
                        && !sent_by(&s.toks, i)
                }) {
                    return None;
                }
                sentences(p, &[])
                    .into_iter()
                    .rfind(|r| r.end <= s.range.start)
                    .and_then(|r| {
                        let prev = sent(p, r, &[], 0..0);
                        // The last writing-to, up to any other contacting after it (`… a couple
                        // in contact with her office`).
                        let c = (0..prev.toks.len())
                            .rev()
                            .find(|&i| lower_in(&prev.toks[i], WRITTEN_TO))?;
                        let stop = (c + 1..prev.toks.len())
                            .find(|&i| lower_in(&prev.toks[i], CONTACTED_VERBS))
                            .unwrap_or(prev.toks.len());
                        contacted_before(p, &prev.toks, stop)
                    })
            });
        let Some(np) = np else {
            return;
        };
        if np.pronoun.is_some() {
            return;
        }
        let sentence = s.text.trim();
        let rule = format!("no-response: `contacted X …, but {ph}`");
        let Some(by) = self.entity_in(p, s, &np, sentence, &rule) else {
            return;
        };
        if self
            .d
            .quotes
            .iter()
            .any(|q| q.by == by && matches!(q.kind, QuoteKind::Declined | QuoteKind::NoResponse))
        {
            return;
        }
        self.d.quotes.push(Quote {
            by,
            kind: QuoteKind::NoResponse,
            text: s.text[at..at + ph.len()].to_string(),
            to: None,
            context: None,
            note: Self::note(sentence, &rule),
        });
    }
}

/// What a party contacted did not give back ([`Drafter::contacted_no_response`]):
/// `received no response`, `has yet to receive answers`, `which has thus far gone
/// unanswered`, `contacted X with no response`, `there has been no response from X`.
fn no_answer_phrases() -> &'static [String] {
    static PHRASES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        const ANSWERS: &[&str] = &[
            "a response",
            "a reply",
            "an answer",
            "answers",
            "responses",
            "replies",
            "any response",
            "any responses",
            "any reply",
            "any answer",
            "any answers",
            "an official response",
            "a formal response",
        ];
        let mut all: Vec<String> = Vec::new();
        for what in [
            "response",
            "responses",
            "reply",
            "replies",
            "answer",
            "answers",
        ] {
            for how in ["no", "little to no", "little or no"] {
                for verb in ["received", "got"] {
                    all.push(format!("{verb} {how} {what}"));
                }
            }
            all.push(format!("no {what} has been received"));
            all.push(format!("no {what} was received"));
            all.push(format!("no {what} have been received"));
            all.push(format!("no {what} were received"));
        }
        for what in ANSWERS {
            for neg in [
                "did not receive",
                "didn't receive",
                "didn’t receive",
                "did not get",
                "didn't get",
                "didn’t get",
            ] {
                all.push(format!("{neg} {what}"));
            }
            for have in ["has", "have", "had"] {
                for not in ["not", "not yet", "yet to"] {
                    let verb = if not == "yet to" {
                        "receive"
                    } else {
                        "received"
                    };
                    all.push(format!("{have} {not} {verb} {what}"));
                }
            }
            for be in ["is", "are", "was", "were", "is still", "are still"] {
                all.push(format!("{be} awaiting {what}"));
            }
            all.push(format!("awaits {what}"));
        }
        // Letters and calls left unanswered, with the adverbs between: `which has thus far
        // gone unanswered`, `questions that remain unanswered`.
        for have in ["", "has ", "have ", "had "] {
            for adv in ["", "so far ", "thus far ", "still ", "since ", "all "] {
                all.push(format!("{have}{adv}gone unanswered"));
                if !have.is_empty() {
                    all.push(format!("{have}{adv}remained unanswered"));
                }
            }
        }
        for what in [
            "went unanswered",
            "remain unanswered",
            "remains unanswered",
            "were not returned",
            "were not picked up",
            "have not been returned",
            "had not been returned",
            "with no response",
            "with no reply",
            "there has been no response",
            "there had been no response",
            "there was no response",
        ] {
            all.push(what.to_string());
        }
        unique_in_order(all)
    })
}

/// The phrases of a generated table, each once, in the order first generated (the
/// generators' loops meet some forms twice: `offered` is both past and participle).
fn unique_in_order(mut all: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    all.retain(|ph| seen.insert(ph.clone()));
    all
}

/// The verbs (and nouns) of contacting a party, whose object is the one a no-response is
/// of (`emailed X`, `reached out to X`, `a request … to X`).
const CONTACTED_VERBS: &[&str] = &[
    "contacted",
    "emailed",
    "e-mailed",
    "called",
    "calling",
    "phoned",
    "messaged",
    "approached",
    "asked",
    "urged",
    "wrote",
    "contact",
    "reach",
    "reached",
    "sent",
    "submitted",
    "request",
    "requests",
    "inquiry",
    "inquiries",
];

/// `one sent by Rep. Garbarino`: a letter's sender in the passive, no one contacted.
fn sent_by(toks: &[Tok], c: usize) -> bool {
    toks.get(c + 1).is_some_and(|t| t.is("by"))
}

/// The nouns of contacting (`a request … to X`).
const CONTACT_NOUNS: &[&str] = &["request", "requests", "inquiry", "inquiries"];

/// The verbs and nouns of writing to a party, whose object follows a `to` a few words on
/// (`sent an email to X`, `wrote a letter to X`, `a request from Y to X`).
const WRITTEN_TO: &[&str] = &[
    "sent",
    "submitted",
    "wrote",
    "request",
    "requests",
    "inquiry",
    "inquiries",
];

/// The one contacted by the last verb of contacting ([`CONTACTED_VERBS`]) before token `v`,
/// with its object: `contacted X`, `reached out to X`, `sent an email to X`, `a request
/// from Y to X`.
fn contacted_before(p: &str, toks: &[Tok], v: usize) -> Option<Np> {
    for c in (0..v).rev() {
        if !lower_in(&toks[c], CONTACTED_VERBS) || sent_by(toks, c) {
            continue;
        }
        let start = if c + 1 < v && toks[c + 1].is("to") {
            c + 2
        } else if c + 2 < v && toks[c + 1].is("out") && toks[c + 2].is("to") {
            // `reached out to X`.
            c + 3
        } else if toks[c].is("submitted")
            && !toks[c + 1..v.min(c + 6)].iter().any(|t| {
                let w = t.s.to_lowercase();
                ["question", "request", "inquir", "letter"]
                    .iter()
                    .any(|q| w.starts_with(q))
            })
        {
            // `submitted questions to X`, not `submitted an application to X` (a request
            // to act, not to answer).
            continue;
        } else if lower_in(&toks[c], WRITTEN_TO) {
            // `sent an email to X`, `wrote a letter to X`; a noun with no `to` (`a request
            // that has not …`) gives way to the one before it.
            // (A noun's sender may come between: `a request from Mayor Ella Brandt to X`.)
            let reach = if lower_in(&toks[c], CONTACT_NOUNS) {
                8
            } else {
                6
            };
            match (c + 1..v.min(c + reach)).find(|&i| toks[i].is("to")) {
                Some(to) => to + 1,
                None if lower_in(&toks[c], CONTACT_NOUNS) => continue,
                None => return None,
            }
        } else {
            c + 1
        };
        return np_forward(p, toks, start, v).map(|(np, _)| np);
    }
    None
}

/// `the board's press office`, `the ministry’s spokesman`: the organisation (`the board`)
/// whose office or spokesperson a lower-case name is.
fn office_of(name: &str) -> Option<String> {
    let (org, office) = name.split_once("’s ").or_else(|| name.split_once("'s "))?;
    let noun = org.strip_prefix("the ").unwrap_or(org);
    let plain = !noun.contains(' ') && ORG_NOUNS.contains(&noun);
    let office = [
        "press office",
        "media office",
        "communications office",
        "press officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "press secretary",
    ]
    .contains(&office);
    (plain && office).then(|| format!("the {noun}"))
}

/// `The press asked Trump about it, but he …`: the person asked (contacted, reached,
/// approached) in the clause before the declining's, `floor` its first token.
fn asked_in_clause_before(p: &str, toks: &[Tok], floor: usize) -> Option<Np> {
    let c = (0..floor).rev().find(|&i| {
        lower_in(
            &toks[i],
            &[
                "asked",
                "contacted",
                "approached",
                "questioned",
                "pressed",
                "reached",
                "phoned",
                "telephoned",
                "emailed",
                "e-mailed",
            ],
        )
    })?;
    // (`VOA reached out to Moyo for comment, but he …`.)
    let mut c = c + 1;
    while c < floor && lower_in(&toks[c], &["out", "to"]) {
        c += 1;
    }
    np_forward(p, toks, c, floor)
        .map(|(np, _)| np)
        .filter(|np| {
            np.pronoun.is_none()
                && np.name.starts_with(char::is_uppercase)
                && !pronoun_name(&np.name)
        })
}

/// "to a request for comment from Reuters", "to Reuters", "when contacted by the BBC".
fn to_whom(clause: &str) -> Option<String> {
    for key in [" from ", " to ", " by ", " with "] {
        let mut from = 0;
        while let Some(at) = clause[from..].find(key) {
            let at = from + at + key.len();
            from = at;
            let rest = clause[at..]
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            let name: Vec<&str> = rest
                .split_whitespace()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if name.is_empty() {
                continue;
            }
            let n = name.join(" ");
            let n = n
                .trim_end_matches(['.', ',', ';'])
                .trim_end_matches("’s")
                .trim_end_matches("'s");
            if kind_of(n, "") == PartyKind::Media {
                return Some(n.to_string());
            }
        }
    }
    None
}

/// Whether a phrase of responding or replying (`ph`) is followed, in `rest` (lower case,
/// from the phrase's end), by `to` and, within four words, a move in a dispute (`to its
/// latest counterproposal`, `to their protest`, `to the offer`) rather than a question: a
/// negotiation or a protest left unanswered, not a declining to comment. Not when the move
/// asks for words (`to an offer to comment`, `to a proposal for an interview`).
fn answered_a_move(ph: &str, rest: &str) -> bool {
    const MOVES: &[&str] = &[
        "offer",
        "offers",
        "proposal",
        "proposals",
        "counterproposal",
        "counterproposals",
        "counter-proposal",
        "counter-proposals",
        "counteroffer",
        "counteroffers",
        "counter-offer",
        "protest",
        "protests",
        "ultimatum",
    ];
    let last = ph.split_whitespace().next_back().unwrap_or("");
    if !matches!(
        last,
        "respond" | "responded" | "responding" | "reply" | "replied" | "replying" | "to"
    ) || last == "to" && !(ph.contains("respond") || ph.contains("repl"))
    {
        return false;
    }
    let mut words = rest.split_whitespace();
    if last != "to" && words.next() != Some("to") {
        return false;
    }
    let words: Vec<&str> = words.take(5).collect();
    for (i, w) in words.iter().take(4).enumerate() {
        // (A possessive's mark is no end: `the farmers' protest`.)
        let bare = w.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
        if MOVES.contains(&bare) {
            let ends = bare.len() < w.len();
            let next = words.get(i + 1).copied().unwrap_or("");
            return ends || !matches!(next, "to" | "for" | "of");
        }
        if bare.len() < w.len() {
            return false;
        }
    }
    false
}

/// Whether a phrase read inside a quotation (`rest`: the sentence from the phrase on, `len`
/// the phrase's length) is a complaint rather than a declining: silence (`has remained
/// silent`, `keeps quiet`), a failure (`failed to answer`), or a refusal to provide or give
/// something, by the phrase or the word after it.
fn quoted_complaint(rest: &str, len: usize) -> bool {
    let ph = rest.get(..len).unwrap_or(rest);
    let next = rest
        .get(len..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let words: Vec<&str> = ph.split_whitespace().chain([next]).collect();
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with("silen")
            || w == "quiet"
            || w.starts_with("fail")
            || w.starts_with("provid")
            || matches!(w, "give" | "giving" | "given")
    })
}

/// Whether `before` (a sentence up to a noun) ends with a possessive of a party: a name
/// (`Biden’s`, `The Bureau's`) or an organisation noun (`the government's`), not a span of
/// time (`a minute's`) or a thing.
fn possessed_by_party(before: &str) -> bool {
    let before = before.trim_end();
    let Some(owner) = ["’s", "'s", "s’", "s'"]
        .iter()
        .find_map(|p| before.strip_suffix(p))
    else {
        return false;
    };
    let word = owner
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let org = ORG_NOUNS.contains(&lower.as_str()) || lower == "government";
    let named = word.starts_with(char::is_uppercase)
        && !lower_is(
            word,
            &[
                "minute",
                "moment",
                "second",
                "hour",
                "night",
                "day",
                "week",
                "year",
                "today",
                "yesterday",
            ],
        )
        && !names::WEEKDAYS.contains(&lower.as_str());
    org || named
}

/// `A spokesperson for Globex said …`: the organisation (`Globex`) a spokesperson speaks
/// for, the subject of the last verb of saying before token `v`.
fn spokesperson_org(p: &str, toks: &[Tok], v: usize) -> Option<Np> {
    let said = (0..v).rev().find(|&i| is_speech(&toks[i]))?;
    let f = (0..said).rev().find(|&i| toks[i].is("for"))?;
    if f == 0
        || !lower_in(
            &toks[f - 1],
            &[
                "spokesperson",
                "spokesman",
                "spokeswoman",
                "representative",
                "spokespeople",
                "spokesmen",
            ],
        )
    {
        return None;
    }
    np_forward(p, toks, f + 1, said)
        .map(|(np, _)| np)
        .filter(|np| np.pronoun.is_none() && np.name.starts_with(char::is_uppercase))
}

/// The grammar of a refusal or a silence in news copy, read at a word rather than listed:
/// a head (a negation, a verb of refusing, `unwilling to`, `yet to`) that fixes the form of
/// the verb after it, the adverbs wire copy puts between (`immediately`, `publicly`,
/// `further`, `yet`), and a verb of speech whose object, where the verb alone says nothing
/// of a question asked, must be one of speech (`confirm the reports`, `say whether`, `go
/// into detail`, `speak to reporters`). [`declining_phrases`] holds the stock phrases; this
/// finds the same shapes in the wordings no list foresaw (`has not confirmed the rumors`,
/// `would not go into specifics`, `was not responding to questions`, `did not acknowledge
/// requests for comment`).
mod grammar {
    use super::QuoteKind;

    /// The form of the verb a head takes.
    #[derive(Clone, Copy, PartialEq)]
    enum Form {
        /// `did not comment`, `declined to comment`.
        Base,
        /// `has not commented`.
        Participle,
        /// `is not commenting`.
        Ing,
    }

    /// A head: its words, the form of the verb after it, and whether it is a refusal in
    /// itself (`would not`, `declined to`: any act of speech after it is a declining) or a
    /// plain negation (`did not`, `has not`: only one that answers someone); `habit`: a
    /// habit or an inability (`does not`, `could not`), which says nothing of a refusal
    /// but with a verb that answers someone in itself (`does not comment`; not `could not
    /// specify how much`, `the statement does not disclose when`).
    struct Head {
        words: String,
        form: Form,
        refusal: bool,
        habit: bool,
    }

    fn heads() -> &'static [Head] {
        static HEADS: std::sync::OnceLock<Vec<Head>> = std::sync::OnceLock::new();
        HEADS.get_or_init(|| {
            let mut all: Vec<(String, Form, bool)> = Vec::new();
            for neg in [
                "did not",
                "does not",
                "do not",
                "could not",
                "cannot",
                "can not",
            ] {
                all.push((neg.into(), Form::Base, false));
            }
            for neg in ["would not", "will not"] {
                all.push((neg.into(), Form::Base, true));
            }
            for verb in super::REFUSING_VERBS {
                all.push((format!("{verb} to"), Form::Base, true));
            }
            // Unwilling, at first too (`was unwilling to say`, `were at first reluctant to
            // confirm`, `is unable or unwilling to describe`): an adjective of reluctance
            // after `be` or a verb of seeming or remaining (`seemed reluctant to discuss`,
            // `remains unwilling to comment`, `appeared hesitant to say`, `was loath to
            // elaborate`).
            for be in super::BE_FORMS.iter().chain(SEEMING) {
                for pre in ["", "at first ", "initially ", "unable or "] {
                    for adj in RELUCTANT {
                        all.push((format!("{be} {pre}{adj} to"), Form::Base, true));
                    }
                }
            }
            // The refusal named as a noun (`the ministry's refusal to comment`, `Globex's
            // continued refusal to answer questions`): read like a plain negation, its verb
            // one that answers someone in itself or one with its object (not `refusal to
            // debate`, `refusal to pay`, `refusal to disclose to Congress documents`); its
            // party the possessor ([`super::possessed_by_party`]).
            for adj in ["", "continued ", "repeated ", "ongoing ", "persistent "] {
                for noun in ["refusal", "refusals"] {
                    all.push((format!("{adj}{noun} to"), Form::Base, false));
                }
            }
            for yet in super::YET_TO {
                all.push((yet.to_string(), Form::Base, false));
            }
            // `failed to comment`, `fails to respond`: like a habit or an inability, only
            // with a verb that answers someone in itself (not `failed to address the
            // nation`, nor a critic's `failed to detail how …`).
            for failed in ["failed to", "fails to", "fail to"] {
                all.push((failed.into(), Form::Base, false));
            }
            // A refusal chosen or wished (`chose not to comment`, `did not want to
            // discuss`, `was not prepared to say whether`, `would rather not elaborate`;
            // not `do not want to`, a speaker's own `I don't want to comment on …` in a
            // post the article cites).
            for head in [
                "chose not to",
                "chooses not to",
                "choose not to",
                "opted not to",
                "opts not to",
                "did not want to",
                "does not want to",
                "did not wish to",
                "does not wish to",
                "would rather not",
            ] {
                all.push((head.into(), Form::Base, true));
            }
            for be in super::BE_FORMS {
                for adj in ["not prepared", "not willing"] {
                    all.push((format!("{be} {adj} to"), Form::Base, true));
                }
            }
            // `Syria never responded to the invitation`: `never` alone before the past.
            all.push(("never".into(), Form::Participle, false));
            for have in ["has", "have", "had"] {
                for neg in ["not", "never", "still not"] {
                    all.push((format!("{have} {neg}"), Form::Participle, false));
                }
            }
            for be in ["is not", "are not", "was not", "were not"] {
                all.push((be.into(), Form::Ing, false));
            }
            // An inability, like a habit (`was unable to comment`, `were not able to
            // respond`; not `was unable to say how many had died`).
            let mut unable = Vec::new();
            for be in super::BE_FORMS {
                for adj in ["unable", "not able"] {
                    unable.push(format!("{be} {adj} to"));
                }
            }
            all.extend(unable.iter().map(|h| (h.clone(), Form::Base, false)));
            let mut heads = Vec::new();
            for (words, form, refusal) in all {
                let habit = ["does", "do", "could", "can", "fail"]
                    .iter()
                    .any(|h| words.starts_with(h))
                    && !refusal
                    || unable.contains(&words);
                for (full, short) in super::CONTRACTIONS {
                    if words.starts_with(full) {
                        for short in [short.to_string(), short.replace('\'', "’")] {
                            heads.push(Head {
                                words: words.replacen(full, &short, 1),
                                form,
                                refusal,
                                habit,
                            });
                        }
                        heads.push(Head {
                            words: words.replacen(full, &format!("{full}, however,"), 1),
                            form,
                            refusal,
                            habit,
                        });
                    }
                }
                heads.push(Head {
                    words,
                    form,
                    refusal,
                    habit,
                });
            }
            heads
        })
    }

    /// The verbs of seeming or remaining an adjective of reluctance follows like `be`
    /// (`seemed unwilling to`, `has remained reluctant to`).
    const SEEMING: &[&str] = &[
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "remain",
        "remains",
        "remained",
        "has remained",
        "have remained",
        "had remained",
    ];

    /// The adjectives of reluctance a refusal is written with (`unwilling to`, `reluctant
    /// to`, `hesitant to`, `loath to`).
    const RELUCTANT: &[&str] = &["unwilling", "reluctant", "hesitant", "loath", "loth"];

    /// The adverbs between a head and its verb (up to two: `has not yet publicly`).
    const ADVERBS: &[&str] = &[
        "immediately",
        "publicly",
        "yet",
        "further",
        "directly",
        "officially",
        "initially",
        "specifically",
        "formally",
        "openly",
        "personally",
        "fully",
        "so far",
        "thus far",
        "as yet",
        "to date",
        "since",
        "ever",
        "previously",
        "also",
    ];

    /// What must follow a verb of speech for it to be a declining.
    #[derive(Clone, Copy)]
    enum Object {
        /// Nothing: the verb answers someone in itself (`did not comment`).
        Any,
        /// A question word (`did not say whether`), or one of the listed objects.
        Wh(&'static [&'static str]),
        /// One of the listed objects (`go into detail`).
        Of(&'static [&'static str]),
        /// After a refusal (`would not discuss`) anything; after a plain negation a
        /// question word or one of the listed objects.
        Refused(&'static [&'static str]),
        /// One of the listed objects, which answer someone in themselves (calls returned,
        /// a statement issued, questions taken): after any head, a habit or an inability
        /// too (`failed to return calls`, `was unable to make a statement`).
        Answer(&'static [&'static str]),
    }

    const QUESTION_WORDS: &[&str] = &[
        "whether", "if", "how", "why", "what", "when", "who", "whom", "where", "which",
    ];

    /// Questions and requests, answered or not.
    const ASKINGS: &[&str] = &[
        "questions",
        "the question",
        "a question",
        "queries",
        "inquiries",
        "enquiries",
        "requests",
        "a request",
        "the request",
        "our request",
        "my request",
        "repeated",
        "multiple",
        "several",
        "written questions",
        "detailed questions",
        "specific questions",
        "direct questions",
        "further questions",
        "those questions",
        "these questions",
        "reporters",
        "journalists",
        "emails",
        "e-mails",
        "messages",
        "calls",
        "phone calls",
        "letters",
        "our",
        "my",
    ];

    /// What is confirmed or not (`has not confirmed the rumors`, `would not confirm
    /// whether`): reports and claims, not facts of the story (`has not confirmed the date`,
    /// `had not confirmed what work …`).
    const CONFIRMED: &[&str] = &[
        "whether",
        "if",
        "or deny",
        "nor deny",
        "that",
        "it",
        "this",
        "the report",
        "the reports",
        "reports",
        "the rumors",
        "the rumours",
        "rumors",
        "rumours",
        "the claim",
        "the claims",
        "claims",
        "the allegation",
        "the allegations",
        "allegations",
        "the account",
        "any details",
        "details",
        "any information",
        "the information",
        "the news",
        "any of",
    ];

    /// Details gone into or not (`did not go into detail`).
    const DETAILS: &[&str] = &[
        "detail",
        "details",
        "specifics",
        "particulars",
        "further detail",
        "further details",
        "more detail",
        "more details",
        "any detail",
        "any details",
        "much detail",
        "the details",
        "the specifics",
    ];

    /// Those one speaks to (`did not speak to reporters`).
    const THE_PRESS: &[&str] = &[
        "to reporters",
        "to the press",
        "to the media",
        "to the news media",
        "to journalists",
        "with reporters",
        "with the press",
        "with the media",
        "with journalists",
        "publicly",
    ];

    /// What was given or not when asked (`would not offer an explanation`).
    const GIVEN: &[&str] = &[
        "an explanation",
        "any explanation",
        "a reason",
        "any reason",
        "reasons",
        "an answer",
        "any answer",
        "answers",
        "any answers",
        "a reply",
        "any reply",
        "a response",
        "any response",
        "a comment",
        "any comment",
        "comment",
        "comments",
        "further comment",
        "further details",
        "any details",
        "details",
    ];

    /// What an allegation's addressee did not take up (`did not address questions`).
    const ADDRESSED: &[&str] = &[
        "questions",
        "the question",
        "the questions",
        "reporters' questions",
        "reporters’ questions",
        "the allegations",
        "the accusations",
        "the claims",
        "allegations",
        "accusations",
    ];

    /// Calls and messages left unreturned (`did not return calls`, `has not returned
    /// repeated messages`; not `did not return to Kabul`).
    const RETURNED: &[&str] = &[
        "calls",
        "phone calls",
        "telephone calls",
        "a call",
        "a phone call",
        "messages",
        "a message",
        "phone messages",
        "voicemails",
        "a voicemail",
        "emails",
        "e-mails",
        "an email",
        "an e-mail",
        "texts",
        "requests",
        "a request",
        "repeated",
        "multiple",
        "several",
        "numerous",
        "our",
        "my",
    ];

    /// A statement or comment made, issued or released, or not (`has not issued a
    /// statement`, `did not make any public comment`; not `did not make a decision`).
    const STATEMENTS: &[&str] = &[
        "a statement",
        "any statement",
        "a public statement",
        "any public statement",
        "a formal statement",
        "an official statement",
        "any official statement",
        "a comment",
        "any comment",
        "any comments",
        "a public comment",
        "any public comment",
        "public comments",
        "public comment",
    ];

    /// Questions taken, or not (`did not take questions`, `has not taken any questions`).
    const QUESTIONS: &[&str] = &[
        "questions",
        "any questions",
        "reporters' questions",
        "reporters’ questions",
        "questions from",
    ];

    /// The verbs of speech: base, participle and -ing forms, the object each needs, and
    /// whether not doing it is a no-response (`did not respond`) rather than a declining.
    const VERBS: &[(&str, &str, &str, Object, bool)] = &[
        ("comment", "commented", "commenting", Object::Any, false),
        ("respond", "responded", "responding", Object::Any, true),
        ("reply", "replied", "replying", Object::Any, true),
        ("elaborate", "elaborated", "elaborating", Object::Any, false),
        ("speculate", "speculated", "speculating", Object::Any, false),
        // `Neither the ministry nor the embassy have reacted to the letter`.
        ("react", "reacted", "reacting", Object::Any, false),
        ("answer", "answered", "answering", Object::Of(ASKINGS), true),
        (
            "return",
            "returned",
            "returning",
            Object::Answer(RETURNED),
            true,
        ),
        ("make", "made", "making", Object::Answer(STATEMENTS), false),
        (
            "issue",
            "issued",
            "issuing",
            Object::Answer(STATEMENTS),
            false,
        ),
        (
            "release",
            "released",
            "releasing",
            Object::Answer(STATEMENTS),
            false,
        ),
        ("take", "taken", "taking", Object::Answer(QUESTIONS), false),
        // Reached by a reporter, or not (`could not be reached`, `was unable to be
        // contacted`, `has not been reached for comment`; not `an agreement has not been
        // reached`).
        (
            "be reached",
            "been reached for comment",
            "being reached for comment",
            Object::Any,
            true,
        ),
        (
            "be contacted",
            "been contacted for comment",
            "being contacted for comment",
            Object::Any,
            true,
        ),
        (
            "acknowledge",
            "acknowledged",
            "acknowledging",
            Object::Of(ASKINGS),
            true,
        ),
        (
            "confirm",
            "confirmed",
            "confirming",
            Object::Of(CONFIRMED),
            false,
        ),
        (
            "say",
            "said",
            "saying",
            Object::Wh(&["a word", "any more"]),
            false,
        ),
        ("state", "stated", "stating", Object::Wh(&[]), false),
        ("explain", "explained", "explaining", Object::Wh(&[]), false),
        ("specify", "specified", "specifying", Object::Wh(&[]), false),
        ("clarify", "clarified", "clarifying", Object::Wh(&[]), false),
        ("detail", "detailed", "detailing", Object::Wh(&[]), false),
        (
            "indicate",
            "indicated",
            "indicating",
            Object::Wh(&[]),
            false,
        ),
        (
            "disclose",
            "disclosed",
            "disclosing",
            Object::Refused(&[]),
            false,
        ),
        (
            "reveal",
            "revealed",
            "revealing",
            Object::Refused(&[]),
            false,
        ),
        (
            "discuss",
            "discussed",
            "discussing",
            Object::Refused(&[]),
            false,
        ),
        (
            "divulge",
            "divulged",
            "divulging",
            Object::Refused(&[]),
            false,
        ),
        (
            "identify",
            "identified",
            "identifying",
            Object::Refused(&[]),
            false,
        ),
        (
            "describe",
            "described",
            "describing",
            Object::Wh(&[]),
            false,
        ),
        (
            "go into",
            "gone into",
            "going into",
            Object::Of(DETAILS),
            false,
        ),
        (
            "get into",
            "gotten into",
            "getting into",
            Object::Of(DETAILS),
            false,
        ),
        ("speak", "spoken", "speaking", Object::Of(THE_PRESS), false),
        ("talk", "talked", "talking", Object::Of(THE_PRESS), false),
        ("weigh in", "weighed in", "weighing in", Object::Any, false),
        ("give", "given", "giving", Object::Of(GIVEN), false),
        ("provide", "provided", "providing", Object::Of(GIVEN), false),
        ("offer", "offered", "offering", Object::Of(GIVEN), false),
        (
            "address",
            "addressed",
            "addressing",
            Object::Of(ADDRESSED),
            false,
        ),
    ];

    /// `text` starts with `word` as whole words; the rest after it.
    fn word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
        let rest = text.strip_prefix(word)?;
        (!rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')).then_some(rest)
    }

    /// `rest` past up to two of `adverbs` (`has not yet publicly commented`, `has remained
    /// largely silent`): what follows them.
    fn past_adverbs<'a>(mut rest: &'a str, adverbs: &[&str]) -> &'a str {
        for _ in 0..2 {
            match adverbs.iter().find_map(|a| word(rest.trim_start(), a)) {
                Some(after) => rest = after,
                None => break,
            }
        }
        rest
    }

    /// Keeps in `best` the longest phrase read so far: `len` bytes, a no-response when
    /// `no_response`, else a declining.
    fn keep_longest(best: &mut Option<(usize, QuoteKind)>, len: usize, no_response: bool) {
        let kind = if no_response {
            QuoteKind::NoResponse
        } else {
            QuoteKind::Declined
        };
        if best.is_none_or(|(l, _)| len > l) {
            *best = Some((len, kind));
        }
    }

    /// `none of the companies involved have commented`, `neither Dasbach nor Mears would
    /// comment`: a silence whose negation is its subject's; `subject`: the byte range of
    /// the words between (`the companies involved`; `Dasbach nor Mears`).
    pub(super) struct NegatedSubject {
        pub len: usize,
        pub kind: QuoteKind,
        pub subject: std::ops::Range<usize>,
        pub neither: bool,
    }

    /// The verb after a subject that is itself the negation (`none of X have commented`,
    /// `neither X nor Y would comment`, `none of them was available for comment`): its
    /// length and kind.
    fn affirmed_at(text: &str) -> Option<(usize, QuoteKind)> {
        let heads: &[(&str, Form)] = &[
            ("would", Form::Base),
            ("will", Form::Base),
            ("did", Form::Base),
            ("could", Form::Base),
            ("has", Form::Participle),
            ("have", Form::Participle),
            ("had", Form::Participle),
            ("was", Form::Ing),
            ("were", Form::Ing),
            ("is", Form::Ing),
            ("are", Form::Ing),
        ];
        for &(head, form) in heads {
            let Some(rest) = word(text, head) else {
                continue;
            };
            let rest = past_adverbs(rest, ADVERBS);
            let r = rest.trim_start();
            if form == Form::Ing || head == "could" {
                for what in [
                    "available for comment",
                    "available to comment",
                    "reachable",
                    "be reached",
                    "been reached",
                ] {
                    if let Some(after) = word(r, what) {
                        return Some((text.len() - after.len(), QuoteKind::NoResponse));
                    }
                }
            }
            for &(base, participle, ing, object, no_response) in VERBS {
                let verb = match form {
                    Form::Base => base,
                    Form::Participle => participle,
                    Form::Ing => ing,
                };
                if !matches!(object, Object::Any) {
                    continue;
                }
                if let Some(after) = word(r, verb) {
                    let kind = if no_response {
                        QuoteKind::NoResponse
                    } else {
                        QuoteKind::Declined
                    };
                    return Some((text.len() - after.len(), kind));
                }
            }
        }
        None
    }

    /// [`NegatedSubject`] starting `text` (lower case, at a word).
    pub(super) fn negated_subject_at(text: &str) -> Option<NegatedSubject> {
        let (start, neither) = if let Some(r) = word(text, "none of") {
            (text.len() - r.len(), false)
        } else if let Some(r) = word(text, "neither") {
            (text.len() - r.len(), true)
        } else {
            return None;
        };
        // The verb within twelve words, in the clause (`Neither the Foreign Affairs
        // Ministry nor Vietnam Embassy officials have reacted`: two parties of several
        // words each).
        let mut at = start;
        for _ in 0..12 {
            let rest = &text[at..];
            let skip = rest.len() - rest.trim_start().len();
            at += skip;
            if at > start {
                if let Some((len, kind)) = affirmed_at(&text[at..]) {
                    let subject = start..at;
                    if neither && !text[subject.clone()].contains(" nor ") {
                        return None;
                    }
                    return Some(NegatedSubject {
                        len: at + len,
                        kind,
                        subject,
                        neither,
                    });
                }
            }
            let w = text[at..]
                .find(|c: char| c.is_whitespace())
                .unwrap_or(text.len() - at);
            if w == 0 || text[at..at + w].contains([',', ';', '.', ':']) {
                return None;
            }
            at += w;
        }
        None
    }

    /// The acts of speech an elided clause can stand for (`asked to respond, which X did
    /// not`): the verbs that answer someone in themselves, and a statement to make; whether
    /// not doing it is a no-response.
    const ELIDED_ACTS: &[(&str, bool)] = &[
        ("comment", false),
        ("respond", true),
        ("reply", true),
        ("answer", true),
        ("elaborate", false),
        ("explain", false),
        ("make a statement", false),
        ("make a comment", false),
        ("issue a statement", false),
        ("give a statement", false),
        ("speak to reporters", false),
        ("speak to the press", false),
    ];

    /// The heads an elided clause keeps: a negation or a refusal (`did not`, `has not`,
    /// `would not`, `refused`, `declined`) and what it takes after it to stand for the verb
    /// (`do so`, `done so`, `to do so`), or nothing at the end of its clause; `refusal`: a
    /// refusal in itself.
    const ELIDED_HEADS: &[(&str, &[&str], bool)] = &[
        ("did not", &["do so"], false),
        ("would not", &["do so"], true),
        ("will not", &["do so"], true),
        ("has not", &["done so"], false),
        ("have not", &["done so"], false),
        ("had not", &["done so"], false),
        ("has never", &["done so"], false),
        ("has still not", &["done so"], false),
        ("has yet to", &["do so"], false),
        ("have yet to", &["do so"], false),
        ("is yet to", &["do so"], false),
        ("refused", &["to do so"], true),
        ("declined", &["to do so"], true),
    ];

    /// An elided refusal or silence starting `text` (lower case, at a word), whose act of
    /// speech the sentence named before it, in `before`: `A deadline for X to respond was
    /// set, which X did not`, `He was to make a statement, but hasn't yet done so`, `When
    /// asked, she would not`. Its length (head, adverbs, `do so`) and kind. Not a
    /// negation of anything else (`was asked to leave, which he did not`), nor one whose
    /// clause goes on (`did not rule it out`).
    pub(super) fn elided_refusal_at(text: &str, before: &str) -> Option<(usize, QuoteKind)> {
        for &(head, tails, refusal) in ELIDED_HEADS {
            let mut forms = vec![head.to_string()];
            for (full, short) in super::CONTRACTIONS {
                if head.starts_with(full) {
                    forms.push(head.replacen(full, short, 1));
                    forms.push(head.replacen(full, &short.replace('\'', "’"), 1));
                }
            }
            let Some(rest) = forms.iter().find_map(|f| word(text, f)) else {
                continue;
            };
            let mut rest = past_adverbs(rest, ADVERBS);
            let tail = tails.iter().find_map(|t| word(rest.trim_start(), t));
            if let Some(after) = tail {
                rest = after;
            }
            let r = rest.trim_start();
            let closed =
                r.is_empty() || r.starts_with(['.', ',', ';', ':', '!', '?', ')', '—', '–']);
            if !closed || tail.is_none() && head.ends_with(" to") {
                return None;
            }
            // The act the clause stands for: the last `to <act>` or `asked` of the sentence
            // before it (within fifteen words), with no other infinitive after it
            // (`asked to respond and to leave, which he did not`).
            let words: Vec<&str> = before.split_whitespace().collect();
            let near = words[words.len().saturating_sub(15)..].join(" ");
            let near = near.trim_matches(|c: char| !c.is_alphanumeric());
            let whole_at = |i: usize, len: usize| {
                (i == 0 || !near[..i].ends_with(char::is_alphanumeric))
                    && !near[i + len..].starts_with(char::is_alphanumeric)
            };
            let act = ELIDED_ACTS
                .iter()
                .filter_map(|&(act, nr)| {
                    let to = format!("to {act}");
                    near.rmatch_indices(&to)
                        .find(|(i, _)| whole_at(*i, to.len()))
                        .map(|(i, _)| (i, i + to.len(), nr))
                })
                .chain(near.rmatch_indices("asked").filter_map(|(i, _)| {
                    let after = near[i + 5..].trim_start();
                    (whole_at(i, 5)
                        && (after.is_empty()
                            || after.starts_with(',')
                            || QUESTION_WORDS.iter().any(|w| word(after, w).is_some())
                            || word(after, "about").is_some()
                            || word(after, "for comment").is_some()))
                    .then_some((i, i + 5, false))
                }))
                .max_by_key(|(i, _, _)| *i);
            let (_, end, no_response) = act?;
            const NOT_VERBS: &[&str] = &[
                "the",
                "a",
                "an",
                "his",
                "her",
                "their",
                "its",
                "this",
                "that",
                "these",
                "those",
                "him",
                "them",
                "me",
                "us",
                "it",
                "its",
                "any",
                "all",
                "questions",
            ];
            let later_infinitive = near[end..]
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| {
                    w[0] == "to"
                        && !NOT_VERBS.contains(&w[1].trim_matches(|c: char| !c.is_alphanumeric()))
                        && !w[1].starts_with(|c: char| c.is_ascii_digit())
                });
            if later_infinitive {
                return None;
            }
            let len = text.len() - rest.len();
            let kind = if no_response && !refusal {
                QuoteKind::NoResponse
            } else {
                QuoteKind::Declined
            };
            return Some((len, kind));
        }
        None
    }

    /// The verbs that turn a request away (`declined`, `refused`, `rejected`, `ignored`,
    /// `turned down`), in the past, present, participle and perfect.
    fn turning_away() -> &'static [String] {
        static VERBS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        VERBS.get_or_init(|| {
            let mut all = Vec::new();
            for (base, third, past, ing) in [
                ("decline", "declines", "declined", "declining"),
                ("refuse", "refuses", "refused", "refusing"),
                ("reject", "rejects", "rejected", "rejecting"),
                ("ignore", "ignores", "ignored", "ignoring"),
                ("turn down", "turns down", "turned down", "turning down"),
            ] {
                for v in [base, third, past, ing] {
                    all.push(v.to_string());
                }
                for have in ["has", "have", "had"] {
                    all.push(format!("{have} {past}"));
                }
            }
            all
        })
    }

    /// The words between a verb of turning away and the request (up to four: `declined
    /// VOA's repeated requests`, `refused all our interview requests`): determiners,
    /// numbers, a possessive, and the adjectives and nouns a request is qualified by.
    const REQUEST_MODIFIERS: &[&str] = &[
        "a",
        "an",
        "the",
        "our",
        "his",
        "her",
        "their",
        "its",
        "my",
        "all",
        "any",
        "two",
        "three",
        "several",
        "multiple",
        "numerous",
        "many",
        "repeated",
        "further",
        "written",
        "formal",
        "emailed",
        "e-mailed",
        "phone",
        "telephone",
        "subsequent",
        "earlier",
        "previous",
        "latest",
        "new",
        "media",
        "press",
        "news",
        "interview",
        "comment",
    ];

    /// Requests for words turned away (lower case, at a word): a verb of turning away
    /// ([`turning_away`]), up to four modifiers and a request for words: `requests for
    /// comment` or `for an interview` (`declined VOA's requests for an interview`, `turned
    /// down several requests to comment`), `interview requests`, `media requests`, or
    /// interviews themselves (`refused interviews`, `declined an interview`). Not a request
    /// for anything else (`rejected requests for asylum`, `declined a request to extend the
    /// deadline`). Its length (to the end of the request) and kind.
    pub(super) fn requests_refused_at(text: &str) -> Option<(usize, QuoteKind)> {
        const FOR_WORDS: &[&str] = &[
            "comment",
            "comments",
            "an interview",
            "interviews",
            "an on-camera interview",
            "an on-the-record interview",
            "a response",
            "response",
            "a reaction",
            "reaction",
            "a statement",
            "further comment",
            "additional comment",
            "more information",
        ];
        const TO_WORDS: &[&str] = &[
            "comment",
            "be interviewed",
            "speak",
            "talk",
            "respond",
            "discuss",
            "answer",
        ];
        let verb_end = turning_away()
            .iter()
            .filter_map(|v| word(text, v))
            .map(|after| text.len() - after.len())
            .max()?;
        let mut at = verb_end;
        let mut asked_for_words = false;
        for _ in 0..=4 {
            let r = text[at..].trim_start();
            let start = text.len() - r.len();
            let end = r
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'))
                .unwrap_or(r.len());
            let w = &r[..end];
            if w.is_empty() {
                return None;
            }
            let next_request = || {
                let n = r[end..].trim_start();
                word(n, "request").is_some() || word(n, "requests").is_some()
            };
            if let Some(noun) = ["requests", "request", "interviews", "interview"]
                .iter()
                .find(|n| **n == w)
                .filter(|n| !n.starts_with("interview") || !next_request())
            {
                let after = r[end..].trim_start();
                let complement = |prep: &str, objects: &[&str]| {
                    let a = word(after, prep)?.trim_start();
                    let rest = objects.iter().find_map(|f| word(a, f))?;
                    Some(text.len() - rest.len())
                };
                let noun_end = start + end;
                let len = complement("for", FOR_WORDS)
                    .or_else(|| complement("to", TO_WORDS))
                    .or_else(|| {
                        (noun.starts_with("interview") || asked_for_words).then_some(noun_end)
                    });
                return len.map(|len| (len, QuoteKind::Declined));
            }
            let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| w.ends_with(p));
            if !possessive && !REQUEST_MODIFIERS.contains(&w) {
                return None;
            }
            asked_for_words |= matches!(w, "interview" | "comment" | "media" | "press" | "news");
            at = start + end;
        }
        None
    }

    /// The verbs of giving a word, in every form a nominal `no` follows (`gave no details`,
    /// `has offered no explanation`, `issuing no statement`, `given no reason`): the base,
    /// third person, past, `-ing`, the perfect, and the bare participle.
    fn giving_verbs() -> &'static [String] {
        static VERBS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        VERBS.get_or_init(|| {
            let mut all = Vec::new();
            for (base, third, past, ing, participle) in [
                ("give", "gives", "gave", "giving", "given"),
                ("offer", "offers", "offered", "offering", "offered"),
                ("provide", "provides", "provided", "providing", "provided"),
                ("make", "makes", "made", "making", "made"),
                ("issue", "issues", "issued", "issuing", "issued"),
                ("release", "releases", "released", "releasing", "released"),
                ("share", "shares", "shared", "sharing", "shared"),
            ] {
                for v in [base, third, past, ing, participle] {
                    all.push(v.to_string());
                }
                for have in ["has", "have", "had"] {
                    all.push(format!("{have} {participle}"));
                }
            }
            super::unique_in_order(all)
        })
    }

    /// The adjectives between `no` and the word not given (up to two: `gave no further
    /// public comment`).
    const NOTHING_ADJECTIVES: &[&str] = &[
        "further",
        "more",
        "other",
        "any",
        "additional",
        "specific",
        "new",
        "public",
        "official",
        "formal",
        "immediate",
        "direct",
    ];

    /// The words of an answer a party gives none of, and whether giving none is a
    /// no-response (an answer, a response, a reply) rather than a declining.
    const NOTHING_NOUNS: &[(&str, bool)] = &[
        ("comment", false),
        ("comments", false),
        ("statement", false),
        ("statements", false),
        ("remarks", false),
        ("details", false),
        ("information", false),
        ("explanation", false),
        ("explanations", false),
        ("reason", false),
        ("reasons", false),
        ("answer", true),
        ("answers", true),
        ("response", true),
        ("responses", true),
        ("reply", true),
        ("replies", true),
    ];

    /// Nothing given when asked, a nominal negation (lower case, at a word): a verb of
    /// giving a word ([`giving_verbs`]), `no`, up to two adjectives and a noun of speech
    /// (`gave no details`, `has offered no public explanation`, `provided no further
    /// comment`, `issued no immediate response`; not `gave no ground`, `made no mistake`).
    /// Its length and kind (an answer, a response or a reply not given a no-response).
    pub(super) fn nothing_given_at(text: &str) -> Option<(usize, QuoteKind)> {
        let mut best: Option<(usize, QuoteKind)> = None;
        for verb in giving_verbs() {
            let Some(rest) = word(text, verb) else {
                continue;
            };
            let Some(rest) = word(rest.trim_start(), "no") else {
                continue;
            };
            let r = past_adverbs(rest, NOTHING_ADJECTIVES).trim_start();
            for &(noun, no_response) in NOTHING_NOUNS {
                if let Some(after) = word(r, noun) {
                    keep_longest(&mut best, text.len() - after.len(), no_response);
                }
            }
        }
        best
    }

    /// The nouns of an answer a party's `no … from` is written with, and whether none is a
    /// no-response (`no response from`) rather than a declining (`no comment from`).
    const NO_WORD_FROM: &[(&str, bool)] = &[
        ("comment", false),
        ("comments", false),
        ("statement", false),
        ("response", true),
        ("responses", true),
        ("reply", true),
        ("reaction", true),
    ];

    /// What a `no …` of speech is said to be before its `from` (`no comment was
    /// immediately available from`, `no response has been received from`, `no statement
    /// was issued by`), after a form of `be`.
    const NO_WORD_STATES: &[(&str, &str)] = &[
        ("available", "from"),
        ("forthcoming", "from"),
        ("received", "from"),
        ("made", "by"),
        ("given", "by"),
        ("issued", "by"),
        ("offered", "by"),
        ("released", "by"),
    ];

    /// A nominal silence whose party comes after it (lower case, at a word): `no`, up to two
    /// adjectives and a noun of speech ([`NO_WORD_FROM`]), then `from` (`There was no
    /// immediate comment from the Kremlin`) or a form of `be`, an adverb and a state before
    /// `from` or `by` (`No comment was immediately available from Globex`, `no official
    /// response has been received from the ministry`, `no statement was issued by the
    /// army`). Its length (to the end of `from`/`by`) and kind. Not a `no` of anything
    /// else, nor one with no party after it (`no comment section`).
    pub(super) fn nothing_from_at(text: &str) -> Option<(usize, QuoteKind)> {
        let rest = word(text, "no")?;
        let r = past_adverbs(rest, NOTHING_ADJECTIVES).trim_start();
        let (after, no_response) = NO_WORD_FROM
            .iter()
            .find_map(|&(noun, nr)| word(r, noun).map(|a| (a, nr)))?;
        let kind = if no_response {
            QuoteKind::NoResponse
        } else {
            QuoteKind::Declined
        };
        let a = after.trim_start();
        if let Some(end) = word(a, "from") {
            return Some((text.len() - end.len(), kind));
        }
        let be = super::BE_FORMS.iter().find_map(|b| word(a, b))?;
        let r = past_adverbs(be, &["immediately", "yet", "officially", "publicly"]).trim_start();
        NO_WORD_STATES.iter().find_map(|&(state, prep)| {
            let end = word(word(r, state)?.trim_start(), prep)?;
            Some((text.len() - end.len(), kind))
        })
    }

    /// A reporter's tries to reach a party (lower case, at a word), named as a noun or a
    /// verb (`efforts to reach`, `attempts by VOA to contact`, `tried to reach`, `tries
    /// to contact`, `sought to get comment from`): its length to the end of the verb of
    /// contact, the party after it. Only a declining where the sentence says later that
    /// they came to nothing (see [`super::Drafter::declined`]: `were unsuccessful`, `but
    /// fails`, `without success`, `to no avail`).
    pub(super) fn attempt_at(text: &str) -> Option<usize> {
        const TRIES: &[&str] = &[
            "attempts",
            "attempt",
            "efforts",
            "effort",
            "tried",
            "tries",
            "try",
            "attempted",
            "sought",
            "has tried",
            "have tried",
            "had tried",
        ];
        const CONTACTS: &[&str] = &[
            "reach",
            "contact",
            "get comment from",
            "get a comment from",
            "get comments from",
            "get a response from",
            "get a reaction from",
            "obtain comment from",
            "obtain a comment from",
            "obtain a response from",
            "obtain a reaction from",
        ];
        let mut r = TRIES.iter().find_map(|t| word(text, t))?.trim_start();
        // `efforts by VOA to reach`, `attempts by the Associated Press to contact`: the one
        // who tried, up to five words.
        if let Some(by) = word(r, "by") {
            r = by.trim_start();
            for _ in 0..5 {
                if word(r, "to").is_some() {
                    break;
                }
                let w = r.find(char::is_whitespace)?;
                if r[..w].contains([',', ';', '.', ':']) {
                    return None;
                }
                r = r[w..].trim_start();
            }
        }
        let r = word(r, "to")?.trim_start();
        let r = past_adverbs(r, &["again", "repeatedly", "also"]).trim_start();
        CONTACTS
            .iter()
            .find_map(|c| word(r, c))
            .map(|end| text.len() - end.len())
    }

    /// The verbs of a state a silence is written with: `be` (`has been silent on`, `are
    /// tight-lipped`) and the verbs of keeping a state (`remained silent`, `kept mum`,
    /// `has stayed quiet about`), each in its simple and perfect tenses; whether it keeps.
    fn state_verbs() -> &'static [(String, bool)] {
        static VERBS: std::sync::OnceLock<Vec<(String, bool)>> = std::sync::OnceLock::new();
        VERBS.get_or_init(|| {
            let mut all: Vec<(String, bool)> = super::BE_FORMS
                .iter()
                .map(|be| (be.to_string(), false))
                .collect();
            for (_base, third, past) in [
                ("remain", "remains", "remained"),
                ("keep", "keeps", "kept"),
                ("stay", "stays", "stayed"),
            ] {
                // Not the base form: an infinitive or a general truth (`women forced to
                // remain silent`, `why good people stay silent`) is no party's silence.
                for v in [third, past] {
                    all.push((v.to_string(), true));
                }
                for have in ["has", "have", "had"] {
                    all.push((format!("{have} {past}"), true));
                }
            }
            all
        })
    }

    /// The adverbs between a verb of state and its adjective (up to two: `has remained
    /// largely silent`, `are still tight-lipped`).
    const STATE_ADVERBS: &[&str] = &[
        "mostly",
        "largely",
        "publicly",
        "so far",
        "thus far",
        "conspicuously",
        "notably",
        "still",
        "also",
        "completely",
        "entirely",
        "officially",
    ];

    /// Silence as a state (lower case, at a word): a verb of state ([`state_verbs`]), up to
    /// two adverbs and an adjective of silence. `tight-lipped` after any of them (`remained
    /// tight-lipped`, `are tight-lipped`); `mum` too but after a bare `is` or `was` (`it was
    /// mum`, a mother); `silent` after a verb of keeping (`remained silent`, `keeps silent`)
    /// or, after `be`, only with what it is silent about (`has been silent on`, not `the
    /// room was silent`); `quiet` only kept and with what about (`stayed quiet about the
    /// deal`, not `the streets remained quiet`). Its length (with `on`/`about`/`over` where
    /// it was needed) and kind.
    pub(super) fn silence_at(text: &str) -> Option<(usize, QuoteKind)> {
        let mut best: Option<usize> = None;
        for (verb, keeps) in state_verbs() {
            let Some(rest) = word(text, verb) else {
                continue;
            };
            let rest = past_adverbs(rest, STATE_ADVERBS);
            let r = rest.trim_start();
            let about = |after: &str| {
                let n = after.trim_start();
                ["on", "about", "over"]
                    .iter()
                    .find_map(|p| word(n, p))
                    .map(|a| text.len() - a.len())
            };
            let len = if let Some(after) = ["tight-lipped", "tightlipped"]
                .iter()
                .find_map(|a| word(r, a))
            {
                Some(text.len() - after.len())
            } else if let Some(after) = word(r, "mum") {
                (!matches!(verb.as_str(), "is" | "was")).then(|| text.len() - after.len())
            } else if let Some(after) = word(r, "silent") {
                about(after).or_else(|| keeps.then(|| text.len() - after.len()))
            } else if let Some(after) = word(r, "quiet") {
                about(after).filter(|_| *keeps)
            } else {
                None
            };
            if let Some(len) = len {
                if best.is_none_or(|b| len > b) {
                    best = Some(len);
                }
            }
        }
        best.map(|len| (len, QuoteKind::Declined))
    }

    /// The refusal or silence starting `text` (lower case, at a word): the length of its
    /// head, adverbs and verb, and its kind.
    pub(super) fn refusal_at(text: &str) -> Option<(usize, QuoteKind)> {
        let mut best = None;
        for head in heads() {
            let Some(rest) = word(text, &head.words) else {
                continue;
            };
            // Up to two adverbs between.
            let rest = past_adverbs(rest, ADVERBS);
            let r = rest.trim_start();
            let future = head.words.starts_with("will") || head.words.starts_with("won");
            for &(base, participle, ing, object, no_response) in VERBS {
                // `failed to react quickly enough`, `did not react to the drug`: a slow
                // or a bodily reaction; only a party's that `has not reacted` (listed) or
                // that `neither … nor …` did ([`negated_subject_at`]) is a silence.
                if base == "react"
                    && !head.refusal
                    && head.form != Form::Participle
                    && !head.words.contains("yet to")
                {
                    continue;
                }
                let form = match head.form {
                    Form::Base => base,
                    Form::Participle => participle,
                    Form::Ing => ing,
                };
                let Some(after) = word(r, form) else {
                    continue;
                };
                let next = after.trim_start();
                let next = next
                    .strip_prefix("on ")
                    .or_else(|| next.strip_prefix("about "))
                    .filter(|_| matches!(object, Object::Wh(_) | Object::Refused(_)))
                    .unwrap_or(next);
                let wh = || QUESTION_WORDS.iter().any(|w| word(next, w).is_some());
                let listed = |l: &[&str]| l.iter().any(|o| word(next, o).is_some());
                let fits = match object {
                    Object::Any => true,
                    Object::Answer(l) => listed(l),
                    _ if head.habit => false,
                    // A refusal named as a noun, to say or explain what or why, is most often
                    // a defendant's or an official's before a court or Congress (`Uka's
                    // refusal to explain how he acquired the gun`): not read.
                    Object::Wh(_) | Object::Refused(_) if head.words.contains("refusal") => false,
                    // After a refusal a verb of saying needs no object (`refused to say`,
                    // `was unwilling to describe`, `would not explain`); not after the
                    // future `will not`, a speaker's own (`I won't say`).
                    Object::Wh(l) => head.refusal && !future || wh() || listed(l),
                    Object::Of(l) => listed(l),
                    Object::Refused(l) => head.refusal || wh() || listed(l),
                };
                if !fits {
                    continue;
                }
                // (A refusal named as a noun is a declining, whatever its verb.)
                let no_response = no_response && !head.refusal && !head.words.contains("refusal");
                keep_longest(&mut best, text.len() - after.len(), no_response);
            }
        }
        best
    }
}

/// The organisation a party named by a common noun alone (`the organization`, `the
/// committee`) stands for: the one organisation the sentence names before the verb at `v`,
/// by a capitalised name ending in a noun of an organisation (`Canadian Paralympic
/// Committee`, `the Harbor Authority`); none when it names none or two.
fn org_named_before(p: &str, toks: &[Tok], np: &Np, v: usize) -> Option<String> {
    const COMMON: &[&str] = &[
        "organization",
        "organisation",
        "group",
        "body",
        "company",
        "firm",
        "agency",
        "committee",
        "association",
        "federation",
        "council",
        "commission",
        "board",
        "union",
    ];
    const HEADS: &[&str] = &[
        "committee",
        "council",
        "association",
        "agency",
        "company",
        "corporation",
        "federation",
        "union",
        "ministry",
        "department",
        "commission",
        "board",
        "authority",
        "institute",
        "foundation",
        "organization",
        "organisation",
        "group",
        "bank",
        "society",
        "league",
    ];
    if np.pronoun.is_some() {
        return None;
    }
    let plain = np.name.to_lowercase();
    let plain = plain.strip_prefix("the ").unwrap_or(&plain);
    if !COMMON.contains(&plain) {
        return None;
    }
    let mut found: Vec<String> = Vec::new();
    for k in 0..v.min(toks.len()) {
        if !toks[k].is_cap() || !lower_in(&toks[k], HEADS) {
            continue;
        }
        // (Not a longer name going on: `Paralympic Committee Trust`.)
        if k + 1 < toks.len() && toks[k + 1].is_cap() && !names::is_title_word(toks[k + 1].s) {
            continue;
        }
        let mut i = k;
        while i > 0
            && (toks[i - 1].is_cap()
                && toks[i - 1].is_word()
                && !names::is_title_word(toks[i - 1].s)
                || toks[i - 1].is("of") && i >= 2 && toks[i - 2].is_cap())
        {
            i -= 1;
        }
        if i == k || i > 0 && toks[i - 1].s == QUOTE_TOK {
            continue;
        }
        let name = text_of(p, &toks[i..=k]);
        if !found.contains(&name) {
            found.push(name);
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// The person a declining's party made of a title alone stands for (`the Attorney
/// General`, `the Speaker`): the one full name (two or three capitalised words) the article
/// writes right after that title, past an `of …` and honorifics (`Attorney General Merrick
/// Garland`, `The Speaker of the House of Commons, the Right Honourable Michael Martin`);
/// none when the article names two people so, or none.
fn titled_person(p: &str, np: &Np) -> Option<String> {
    if np.pronoun.is_some() {
        return None;
    }
    let title = np.name.trim();
    let title = title
        .strip_prefix("the ")
        .or_else(|| title.strip_prefix("The "))
        .unwrap_or(title);
    let head = title.split(" of ").next().unwrap_or(title);
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty()
        || !words.iter().all(|w| names::is_title_word(w))
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
        || words
            .iter()
            .any(|w| w.to_lowercase().starts_with("official") || w.ends_with('s'))
    {
        return None;
    }
    const HONORIFICS: &[&str] = &[
        "the",
        "Right",
        "Honourable",
        "Honorable",
        "Rt.",
        "Hon.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
    ];
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_string()
    };
    let mut found: Vec<String> = Vec::new();
    for (at, _) in p.match_indices(title) {
        if at > 0 && p[..at].ends_with(char::is_alphanumeric)
            || p[at + title.len()..].starts_with(char::is_alphanumeric)
        {
            continue;
        }
        let after: Vec<&str> = p[at + title.len()..].split_whitespace().take(14).collect();
        let mut i = 0;
        // `of the British House of Commons,`
        if after.first() == Some(&"of") {
            while i < after.len()
                && (matches!(after[i], "of" | "the") || after[i].starts_with(char::is_uppercase))
                && !after[i].ends_with(['.', ';', ':'])
            {
                i += 1;
                if after[i - 1].ends_with(',') {
                    break;
                }
            }
        }
        while i < after.len()
            && (HONORIFICS.contains(&after[i]) || names::is_title_word(&bare(after[i])))
            && !after[i].ends_with([',', ';', ':'])
        {
            i += 1;
        }
        let mut name: Vec<String> = Vec::new();
        while i < after.len() && name.len() < 3 {
            let w = after[i];
            let b = bare(w);
            if !b.starts_with(char::is_uppercase)
                || b.len() < 2
                || b.ends_with('.') && b.len() > 2
                || names::is_title_word(&b)
                || b.chars().all(|c| c.is_uppercase())
            {
                break;
            }
            name.push(b.trim_end_matches('.').to_string());
            i += 1;
            if w.ends_with([',', '.', ';', ':', '"', '”', ')']) {
                break;
            }
        }
        let lower = name.first().map(|w| w.to_lowercase()).unwrap_or_default();
        if name.len() < 2
            || names::MONTHS.contains(&lower.as_str())
            || names::WEEKDAYS.contains(&lower.as_str())
        {
            continue;
        }
        let name = name.join(" ");
        if !found
            .iter()
            .any(|f| f.split_whitespace().last() == name.split_whitespace().last())
        {
            found.push(name);
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Where the subject of a verb at `v` ends, past the adverbs of time wire copy puts
/// between them (`Police have so far had no comment`, `X has thus far declined`, `as yet`,
/// `to date`), not before `floor`.
fn before_time_adverbs(toks: &[Tok], floor: usize, v: usize) -> usize {
    let mut v = v;
    loop {
        let pair = |a: &str, b: &str| v >= floor + 2 && toks[v - 2].is(a) && toks[v - 1].is(b);
        if pair("so", "far") || pair("thus", "far") || pair("as", "yet") || pair("to", "date") {
            v -= 2;
        } else {
            return v;
        }
    }
}

/// `X referred GroundUp to acting principal Y who did not answer`, `… to Y, who had not
/// responded`: the party of a declining whose subject is a relative pronoun is the name
/// right before the pronoun (and its comma), not the sentence's subject.
fn relative_antecedent(p: &str, toks: &[Tok], floor: usize, v: usize) -> Option<Np> {
    if v < floor + 2 || !lower_in(&toks[v - 1], &["who", "which"]) {
        return None;
    }
    let mut a = v - 1;
    if toks[a - 1].s == "," {
        a -= 1;
    }
    np_backward(p, toks, floor, a)
        .filter(|np| np.pronoun.is_none() && np.name.starts_with(char::is_uppercase))
}

/// Nouns of places that follow a place's name (`Masvingo province`, `Kandahar city`).
const PLACE_NOUNS: &[&str] = &[
    "province", "district", "county", "state", "region", "city", "town", "village", "capital",
];

/// `Police in Masvingo province declined to discuss this issue`, `The U.S. embassy in
/// Phnom Penh declined to comment`: a subject whose head is followed by `in` and a place
/// (a name that is a place, or one followed by a noun of place) is the head's, not the
/// place's: the body there declines, not the town.
fn located_subject(p: &str, toks: &[Tok], floor: usize, v: usize) -> Option<Np> {
    let k = (floor + 1..v).rev().find(|&i| toks[i].is("in"))?;
    let mut i = k + 1;
    if toks.get(i).is_some_and(|t| t.is("the")) {
        i += 1;
    }
    let caps = toks[i..v].iter().take_while(|t| t.is_cap()).count();
    if caps == 0 {
        return None;
    }
    let noun = match &toks[i + caps..v] {
        [] => false,
        [t] if lower_in(t, PLACE_NOUNS) => true,
        _ => return None,
    };
    let name = toks[i..i + caps]
        .iter()
        .map(|t| t.s)
        .collect::<Vec<_>>()
        .join(" ");
    if !noun && !names::is_place(&name) {
        return None;
    }
    np_backward(p, toks, floor, k).filter(|np| np.pronoun.is_none())
}

/// `Comoil Executive Chairman Savious Kasukuwere, who is also member of parliament for
/// Mount Darwin, a town north of Harare, the capital, declined to comment`: a subject
/// interrupted by a clause of `who`/`which` set off in commas is the name before the
/// clause, not the last name inside it.
fn interrupted_subject(p: &str, toks: &[Tok], floor: usize, v: usize) -> Option<Np> {
    if v < floor + 4 || toks[v - 1].s != "," {
        return None;
    }
    let w = (floor + 2..v - 1)
        .find(|&i| toks[i - 1].s == "," && lower_in(&toks[i], &["who", "which"]))?;
    // (The name opens the clause: nothing but its words before the comma.)
    if !toks[floor..w - 1].iter().all(|t| t.is_word()) {
        return None;
    }
    np_backward(p, toks, floor, w - 1)
        .filter(|np| np.pronoun.is_none() && np.name.starts_with(char::is_uppercase))
}

/// `An EU delegation visited Cheam Channy … The delegation did not give any details`: a
/// subject that is `the` and a noun in lower case (not a title) is the last body the article named
/// before with that noun after capitalised words (`EU delegation`), not whoever was
/// named last.
/// How far back (in bytes of the article) `described_body` looks for the body a definite
/// description names: a few paragraphs, so that an article of many such sentences drafts in
/// time linear in its length.
const DESCRIBED_LOOKBACK: usize = 4096;

fn described_body(before: &str, toks: &[Tok], floor: usize, v: usize) -> Option<Np> {
    // (`toks.get`: a phrase at the sentence's end may ask past its last token.)
    let Some([the, noun]) = toks.get(floor..v) else {
        return None;
    };
    // (A body, not a person by title: `the president` is no `U.S. president`.)
    if !the.is("the") || !noun.is_word() || noun.is_cap() || names::is_title_word(noun.s) {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    let at = words.iter().rposition(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .eq_ignore_ascii_case(noun.s)
    })?;
    let caps = words[..at]
        .iter()
        .rev()
        .take_while(|w| {
            w.starts_with(char::is_uppercase)
                && !matches!(**w, "A" | "An" | "The")
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        })
        .count();
    if caps == 0 || caps > 4 {
        return None;
    }
    let name = words[at - caps..=at]
        .iter()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Np {
        name,
        ..Np::default()
    })
}

/// `China's top internet regulator, the Cyberspace Administration of China, has not
/// commented`: the party of a declining right after a name set off in commas behind a
/// description in lower case is the name, not the description.
fn appositive_name(p: &str, toks: &[Tok], floor: usize, v: usize) -> Option<Np> {
    if v < floor + 4 || toks[v - 1].s != "," {
        return None;
    }
    let c = (floor..v - 1).rev().find(|&i| toks[i].s == ",")?;
    if c == floor || v - 1 - c > 9 {
        return None;
    }
    // (The description before: a noun in lower case, not a name or an age.)
    let before = &toks[c - 1];
    if !before.is_word() || before.is_cap() || before.s.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let mut i = c + 1;
    if toks[i].is("the") {
        i += 1;
    }
    let inner = &toks[i..v - 1];
    let capped = !inner.is_empty()
        && inner[0].is_cap()
        && inner
            .iter()
            .all(|t| t.is_cap() || lower_in(t, &["of", "for", "and", "on", "the", "'s", "’s"]));
    if !capped {
        return None;
    }
    np_forward(p, toks, c + 1, v - 1)
        .map(|(np, _)| np)
        .filter(|np| np.pronoun.is_none() && np.name.starts_with(char::is_uppercase))
}

/// People in office or in arms the reporter asked, as a group in lower case (a noun of
/// them last): `most of the named Zanu PF officials`, `top Health Ministry officials`,
/// `the rebels`.
const GROUP_NOUNS: &[&str] = &[
    "officials",
    "rebels",
    "leaders",
    "authorities",
    "militants",
    "insurgents",
    "representatives",
    "spokesmen",
];

/// The party of a reporter's failed contact or of a nominal `no comment from` (after it, at
/// token `i`) written as a group ([`GROUP_NOUNS`]): past a quantifier (`most of the`,
/// `top`, `the named`), the words up to the group noun (`Zanu PF officials`, `rebels`);
/// with `named`, only a group named by an organisation (a capitalised word before the
/// noun).
fn group_in_lower_case(toks: &[Tok], i: usize, named: bool) -> Option<Np> {
    let mut k = i;
    while toks.get(k).is_some_and(|t| {
        lower_in(
            t,
            &[
                "the", "most", "some", "all", "many", "of", "top", "named", "senior", "local",
            ],
        )
    }) {
        k += 1;
    }
    let words: Vec<&Tok> = toks[k.min(toks.len())..]
        .iter()
        .take_while(|t| t.is_word())
        .take(5)
        .collect();
    let end = words.iter().position(|t| lower_in(t, GROUP_NOUNS))?;
    let body = &words[..=end];
    let capitalised = body[..end].iter().all(|t| t.is_cap()) && end >= 1;
    if !(capitalised || (!named && end == 0)) {
        return None;
    }
    Some(Np {
        name: body.iter().map(|t| t.s).collect::<Vec<_>>().join(" "),
        ..Np::default()
    })
}

/// `could not reach the local authority for comment`: a body named in lower case after
/// `the` (up to four words, the last a noun of an organisation), as the party asked.
fn body_in_lower_case(toks: &[Tok], i: usize) -> Option<Np> {
    if !toks.get(i)?.is("the") {
        return None;
    }
    let words: Vec<&Tok> = toks[i + 1..]
        .iter()
        .take_while(|t| {
            t.is_word()
                && !t.is_cap()
                && !lower_in(t, &["for", "about", "on", "to", "by", "at", "in", "over"])
        })
        .take(5)
        .collect();
    let last = words.last()?.lower();
    (words.len() <= 4 && (ORG_NOUNS.contains(&last.as_str()) || last == "authority")).then(|| Np {
        name: words.iter().map(|t| t.s).collect::<Vec<_>>().join(" "),
        ..Np::default()
    })
}

impl grammar::NegatedSubject {
    /// The parties of a `none of X …` or `neither X nor Y …` declining: the words
    /// between (`the companies involved`; `Dasbach`, `Mears`), as written in `text`.
    fn parties(&self, text: &str) -> Vec<Np> {
        let subject = text.get(self.subject.clone()).unwrap_or("");
        let parts: Vec<&str> = match subject.split_once(" nor ") {
            Some((a, b)) if self.neither => vec![a, b],
            _ if self.neither => Vec::new(),
            _ => vec![subject],
        };
        parts
            .into_iter()
            .map(|w| {
                let w = w.trim();
                w.strip_prefix("the ")
                    .or_else(|| w.strip_prefix("The "))
                    .unwrap_or(w)
            })
            .filter(|w| !w.is_empty() && w.split_whitespace().count() <= 5)
            .map(|w| Np {
                name: w.to_string(),
                ..Np::default()
            })
            .collect()
    }
}

/// The party of a clause keeping something back that opens the sentence ([`OPENING_WITHHELD`]
/// at token `v`: `Without giving …` first, or `not …` after `While`/`Though`/`Although`): the
/// name phrase after the clause's comma, when a verb of saying follows it within two words
/// (`…, he said`, `…, Maróth said on Monday`); else none, and no declining.
fn opening_withheld_party(p: &str, toks: &[Tok], v: usize) -> Option<Np> {
    let opens = match v {
        0 => toks.first().is_some_and(|t| t.is("Without")),
        1 => lower_in(&toks[0], &["while", "though", "although"]) && lower_in(&toks[1], &["not"]),
        _ => false,
    };
    if !opens {
        return None;
    }
    let comma = (v..toks.len()).find(|&i| toks[i].s == ",")?;
    let (np, end) = np_forward(p, toks, comma + 1, toks.len())?;
    (end..toks.len().min(end + 3))
        .any(|i| is_speech(&toks[i]))
        .then_some(np)
}
