//! `storyx draft` rules, one small article per attribution style: what the draft says,
//! as the YAML a user gets.

mod draft_score;

use serde_yaml::Value;
use storyx::draft::{draft_yaml, Known, Options};

fn draft(article: &str) -> Value {
    draft_with(article, &Options::default())
}

fn draft_with(article: &str, opts: &Options) -> Value {
    let y = draft_yaml(article, opts);
    // Every draft loads with no errors, as `storyx check` would read it.
    let errors = draft_score::load_errors("draft.yaml", &y);
    assert!(errors.is_empty(), "{errors:#?}\n{y}");
    serde_yaml::from_str(&y).unwrap_or_else(|e| panic!("{e}\n{y}"))
}

fn list<'a>(v: &'a Value, k: &str) -> Vec<&'a Value> {
    v.get(k)
        .and_then(Value::as_sequence)
        .map(|s| s.iter().collect())
        .unwrap_or_default()
}

fn get<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// The entity (party or analyst) with this id.
fn entity<'a>(story: &'a Value, id: &str) -> &'a Value {
    list(story, "parties")
        .into_iter()
        .chain(list(story, "analysts"))
        .find(|e| get(e, "id") == id)
        .unwrap_or_else(|| panic!("no entity {id}: {story:?}"))
}

/// (speaker's name, kind, text) of every quote.
fn quotes(story: &Value) -> Vec<(String, String, String)> {
    list(story, "quotes")
        .into_iter()
        .map(|q| {
            (
                get(entity(story, get(q, "by")), "name").to_string(),
                get(q, "kind").to_string(),
                get(q, "text").to_string(),
            )
        })
        .collect()
}

fn direct(story: &Value) -> Vec<(String, String)> {
    quotes(story)
        .into_iter()
        .filter(|q| q.1 == "direct")
        .map(|(n, _, t)| (n, t))
        .collect()
}

/// The texts of the direct quotes, in order, without their speakers.
fn direct_texts(story: &Value) -> Vec<String> {
    direct(story).into_iter().map(|(_, t)| t).collect()
}

fn pair(n: &str, t: &str) -> (String, String) {
    (n.to_string(), t.to_string())
}

#[test]
fn quote_then_speaker_said() {
    let s = draft("Storm hits coast\n\n“We lost everything,” Maria Lopez said.\n\n\"The water came fast,\" Tom Reed said on Sunday.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Maria Lopez", "We lost everything,"),
            pair("Tom Reed", "The water came fast,")
        ]
    );
    assert_eq!(get(entity(&s, "maria-lopez"), "kind"), "person");
    // The title is the first line; every quote carries its x-draft note.
    assert_eq!(get(&s, "title"), "Storm hits coast");
    for q in list(&s, "quotes") {
        let note = q.get("x-draft").expect("x-draft note");
        assert!(get(note, "sentence").contains(get(q, "text")));
        assert!(!get(note, "rule").is_empty());
    }
}

#[test]
fn speaker_said_colon_quote() {
    let s = draft("Budget vote\n\nSenator Jane Park said: “This budget fails the poor.”\n");
    assert_eq!(
        direct(&s),
        [pair("Jane Park", "This budget fails the poor.")]
    );
    assert_eq!(get(entity(&s, "jane-park"), "role"), "Senator");
}

#[test]
fn said_x_a_spokesperson_for_y_speaks_for_y() {
    let s = draft("Talks\n\n“We are ready to talk,” said Liu Pengyu, a spokesperson for the Chinese Embassy in Washington.\n");
    assert_eq!(direct(&s), [pair("Liu Pengyu", "We are ready to talk,")]);
    let liu = entity(&s, "liu-pengyu");
    assert_eq!(get(liu, "role"), "spokesperson");
    let boss = get(liu, "speaks_for");
    assert_eq!(
        get(entity(&s, boss), "name"),
        "Chinese Embassy in Washington"
    );
    assert_eq!(get(entity(&s, boss), "kind"), "government");
}

#[test]
fn according_to_x() {
    let s = draft("Fire\n\nAccording to fire chief Ann Holt, “the blaze was set deliberately.”\n");
    assert_eq!(
        direct(&s),
        [pair("Ann Holt", "the blaze was set deliberately.")]
    );
}

#[test]
fn x_told_reuters_records_to_whom() {
    let s = draft("Deal\n\n“The deal is off,” Mark Stone told Reuters.\n");
    assert_eq!(direct(&s), [pair("Mark Stone", "The deal is off,")]);
    assert_eq!(get(list(&s, "quotes")[0], "to"), "Reuters");
}

#[test]
fn in_a_statement() {
    let s = draft(
        "Recall\n\nIn a statement, Acme Corp. said: “Safety comes first for every customer.”\n",
    );
    assert_eq!(
        direct(&s),
        [pair("Acme Corp.", "Safety comes first for every customer.")]
    );
    assert_eq!(get(list(&s, "quotes")[0], "context"), "in a statement");
    assert_eq!(get(entity(&s, "acme-corp"), "kind"), "company");
}

#[test]
fn pronouns_take_the_last_person_named() {
    let s = draft(
        "Race\n\nMayor Ken Adams opened the race on Sunday.\n\n“It was a great day,” he said.\n",
    );
    assert_eq!(direct(&s), [pair("Ken Adams", "It was a great day,")]);
}

#[test]
fn a_quote_continues_in_the_next_paragraph() {
    let s = draft("Flood\n\n“The river rose overnight,” said resident Ana Silva.\n\n“By morning the whole street was under water and we had to leave.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Silva", "The river rose overnight,"),
            pair(
                "Ana Silva",
                "By morning the whole street was under water and we had to leave."
            )
        ]
    );
}

#[test]
fn a_split_quote_is_two_pieces_with_one_speaker() {
    let s = draft("Vote\n\n“First part,” she said. Earlier. \n\n“We will win,” Rosa Diaz said, “and we will win big.”\n");
    let d = direct(&s);
    assert!(d.contains(&pair("Rosa Diaz", "We will win,")), "{d:?}");
    assert!(
        d.contains(&pair("Rosa Diaz", "and we will win big.")),
        "{d:?}"
    );
}

#[test]
fn a_quote_over_several_paragraphs_where_only_the_last_closes() {
    let s = draft("Speech\n\nPresident Ali Kaya said: “We have come a long way.\n\n“We will go further still.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ali Kaya", "We have come a long way."),
            pair("Ali Kaya", "We will go further still.")
        ]
    );
}

#[test]
fn terms_attributed_to_someone_are_their_quotes() {
    let s = draft("Rift\n\nThe Party has named the country an enemy, engaging in what it terms a “people’s war,” which the military describes as “total war.” Governor Sam Reyes condemned what he called “a disgrace.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Party", "people’s war,"),
            pair("military", "total war."),
            pair("Sam Reyes", "a disgrace.")
        ]
    );
}

#[test]
fn titles_nicknames_and_scare_quotes_are_not_speech() {
    let s = draft("Premiere\n\nThe film “Night Train” opened on Friday. The hacker, known as “The Hammer,” used a so-called “zero-day” flaw.\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn a_quote_with_no_speaker_goes_to_unattributed() {
    let s = draft(
        "Protest\n\nSigns read nothing. “No more war, no more lies, no more waiting for anyone.”\n",
    );
    let q = list(&s, "quotes");
    assert_eq!(q.len(), 1);
    let u = entity(&s, get(q[0], "by"));
    assert_eq!(get(u, "name"), "Unattributed");
    assert_eq!(get(u, "kind"), "anonymous");
    assert!(get(u.get("x-draft").unwrap(), "rule").contains("does not give"));
}

#[test]
fn declined_and_no_response_with_to_whom() {
    let s = draft("Memo\n\nThe White House declined to comment to the Financial Times. Globex Inc. did not respond to a request for comment from Reuters.\n");
    let q = quotes(&s);
    assert_eq!(
        q,
        [
            (
                "White House".into(),
                "declined".into(),
                "declined to comment to the Financial Times".into()
            ),
            (
                "Globex Inc.".into(),
                "no-response".into(),
                "did not respond to a request for comment from Reuters".into()
            ),
        ]
    );
    let qs = list(&s, "quotes");
    assert_eq!(get(qs[0], "to"), "Financial Times");
    assert_eq!(get(qs[1], "to"), "Reuters");
}

#[test]
fn an_analyst_by_the_appositive() {
    let s = draft("China\n\n“Every firm serves the state,” said Richard Fisher, a senior fellow at the International Assessment and Strategy Center.\n");
    let a = list(&s, "analysts");
    assert_eq!(a.len(), 1);
    assert_eq!(get(a[0], "name"), "Richard Fisher");
    assert_eq!(get(a[0], "role"), "senior fellow");
    assert_eq!(
        get(a[0], "affiliation"),
        "International Assessment and Strategy Center"
    );
}

#[test]
fn ids_are_transliterated_and_collisions_get_a_suffix() {
    let s = draft("Visit\n\n“Добро пожаловать,” Сергей Лавров said. “Hello,” said José Núñez.\n");
    let ids: Vec<&str> = list(&s, "parties").iter().map(|p| get(p, "id")).collect();
    assert!(
        ids.contains(&"sergei-lavrov") || ids.contains(&"sergey-lavrov"),
        "{ids:?}"
    );
    assert!(ids.contains(&"jose-nunez"), "{ids:?}");
    let opts = Options {
        taken_ids: vec!["jose-nunez".into()],
        ..Options::default()
    };
    let s = draft_with("Visit\n\n“Hello,” said José Núñez.\n", &opts);
    assert_eq!(get(list(&s, "parties")[0], "id"), "jose-nunez-2");
}

#[test]
fn a_known_entity_lends_its_id() {
    let opts = Options {
        known: vec![Known {
            id: "white-house".into(),
            name: "The White House".into(),
            aliases: vec!["Executive Mansion".into()],
            kind: None,
            analyst: false,
        }],
        taken_ids: vec!["white-house".into()],
        ..Options::default()
    };
    let s = draft_with(
        "Memo\n\n“No comment on leaks,” the Executive Mansion said.\n",
        &opts,
    );
    let q = list(&s, "quotes");
    assert_eq!(get(q[0], "by"), "white-house");
    assert_eq!(get(entity(&s, "white-house"), "name"), "The White House");
}

#[test]
fn dates_on_friday_resolve_against_the_publication_date_and_sources_are_cited() {
    let opts = Options {
        date: Some("2025-11-16".into()),
        outlet: Some("Example News".into()),
        url: Some("https://example.org/a".into()),
        ..Options::default()
    };
    let s = draft_with("Memo\n\nAlibaba denied the report on Friday. The Financial Times reported the memo on November 14, citing a White House memo.\n", &opts);
    let t = list(&s, "timeline");
    assert_eq!(get(t[0], "date"), "2025-11-14");
    assert!(get(t[0], "detail").starts_with("Alibaba denied"));
    let src = list(&s, "sources");
    assert_eq!(get(src[0], "id"), "article");
    assert_eq!(get(src[0], "outlet"), "Example News");
    assert_eq!(get(src[0], "url"), "https://example.org/a");
    let names: Vec<&str> = src.iter().map(|s| get(s, "name")).collect();
    assert!(names.contains(&"Financial Times report"), "{names:?}");
    assert!(names.contains(&"White House memo"), "{names:?}");
    assert!(s.get("claims").unwrap().as_sequence().unwrap().is_empty());
}

#[test]
fn html_and_markdown_articles() {
    let html = "<html><head><title>x</title><script>alert(\"no\")</script></head><body><nav>Home \"menu\"</nav>\
<h1>Heat wave</h1><p>&ldquo;It is the hottest day on record,&rdquo; said forecaster Lee Chan.</p></body></html>";
    let s = draft(html);
    assert_eq!(get(&s, "title"), "Heat wave");
    assert_eq!(
        direct(&s),
        [pair("Lee Chan", "It is the hottest day on record,")]
    );
    let md =
        "# Heat wave\n\n*Updated*\n\n\"It is **the** hottest day,\" said forecaster Lee Chan.\n";
    let s = draft_with(
        md,
        &Options {
            file_name: Some("a.md".into()),
            ..Options::default()
        },
    );
    assert_eq!(get(&s, "title"), "Heat wave");
    assert_eq!(direct(&s), [pair("Lee Chan", "It is the hottest day,")]);
}

#[test]
fn a_long_appositive_between_the_name_and_the_verb() {
    let s = draft("Report\n\n\"We have not seen it yet,\" Sara Lind, an adviser to the prime minister and the head of the rights committee, told VOA.\n");
    assert_eq!(direct(&s), [pair("Sara Lind", "We have not seen it yet,")]);
    assert_eq!(get(list(&s, "quotes")[0], "to"), "VOA");
}

#[test]
fn a_partial_quote_with_its_tag_after_a_clause() {
    // "reports" reads as a verb of speech; the tag is "Tom Vale said".
    let s = draft("Embassy\n\nThe embassy \"never listens to the council\" when it comes to issuing reports, Tom Vale said.\n");
    assert_eq!(
        direct(&s),
        [pair("Tom Vale", "never listens to the council")]
    );
}

#[test]
fn a_pronoun_subject_introduces_the_next_paragraphs_quote() {
    let s = draft("Rockets\n\nAnalyst Mia Holt spoke on Monday. She said the tests will go on.\n\nThe navy answered on Tuesday.\n\nShe also warned that the tests could grow.\n\n“If they have more than a few, they are not purely defensive.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Mia Holt",
            "If they have more than a few, they are not purely defensive."
        )]
    );
}

#[test]
fn with_x_stating_gives_the_quote_to_x() {
    let s = draft("Critics\n\nThe paper quoted critics, with Ann Roe stating: \"This move is clumsy and unthinking.\"\n");
    assert_eq!(
        direct(&s),
        [pair("Ann Roe", "This move is clumsy and unthinking.")]
    );
}

#[test]
fn a_surname_alone_introduces_a_person_already_named() {
    let s = draft("Ozone\n\nThe agency notes, \"Ozone harms crops more than any other pollutant.\"\n\nAs coauthor Lena Park told the Post, \"The projections are consistent.\"\n\nThe study was funded by a foundation. Park noted the findings matter. \"Cleaner air would improve the yields of every crop.\"\n");
    let d = direct(&s);
    assert_eq!(
        d[2],
        pair(
            "Lena Park",
            "Cleaner air would improve the yields of every crop."
        )
    );
}

#[test]
fn a_name_set_off_after_its_role_and_a_declining_with_no_subject() {
    let s = draft("Clash\n\nArmy spokesperson, Tim Oduya, did not respond to questions sent to him while police spokesperson Rose Dube declined to comment.\n\n\"We keep records safe,\" she said, but refused to give any more details.\n");
    let q = quotes(&s);
    assert_eq!(
        q,
        [
            (
                "Tim Oduya".into(),
                "no-response".into(),
                "did not respond to questions sent to him".into()
            ),
            (
                "Rose Dube".into(),
                "declined".into(),
                "declined to comment".into()
            ),
            (
                "Rose Dube".into(),
                "direct".into(),
                "We keep records safe,".into()
            ),
            (
                "Rose Dube".into(),
                "declined".into(),
                "refused to give any more details".into()
            ),
        ]
    );
}

#[test]
fn ratings_and_places_in_quotation_marks_are_not_speech() {
    let s = draft("Browser\n\nOn a new website, \"The Browser Farewell Countdown\", the firm says old versions must go. Of its flaws, 39 percent are rated \"highly critical\". It is not mentioned on the firm's \"Browser Farewell\" site.\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn according_to_x_quoting_y_at_the_start_of_the_sentence() {
    let s = draft("Alert\n\nAccording to Yonhap news agency, quoting the Korean Central News Agency (KCNA), the army has been told to prepare a \"state of readiness\".\n");
    assert_eq!(
        direct(&s),
        [pair("Korean Central News Agency", "state of readiness")]
    );
}

#[test]
fn markdown_keeps_brackets_that_open_no_link() {
    let opts = Options {
        file_name: Some("a.md".into()),
        ..Options::default()
    };
    let s = draft_with(
        "# Farewell\n\n\"[Ten] years ago, a browser was born,\" the [firm](https://example.org) says.\n",
        &opts,
    );
    assert_eq!(
        direct(&s),
        [pair("firm", "[Ten] years ago, a browser was born,")]
    );
}

#[test]
fn a_speaking_he_is_the_paragraphs_subject_not_the_last_person_named() {
    let s = draft("Appeal\n\nKen Ross asked for donations to help Dan Moy with his defence. He described Moy as a young man \"facing prison for leaving a group he had grown up in.\"\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ken Ross",
            "facing prison for leaving a group he had grown up in."
        )]
    );
}

#[test]
fn according_to_x_after_the_quote() {
    let s = draft("Flood\n\nThe river rose overnight. By dawn, “the whole lower town was under water”, according to the Daily Courier. Mayor Ruth Dale visited.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Daily Courier",
            "the whole lower town was under water"
        )]
    );
}

#[test]
fn a_reporter_unable_to_reach_x_for_comment_is_xs_no_response() {
    let s = draft("Raid\n\nPolice said Peter Moyo led the raid. A reporter was unable to reach Moyo for comment on Monday. Talks could not reach an agreement on comment rules either.\n");
    let q = quotes(&s);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Peter Moyo");
    assert_eq!(q[0].1, "no-response");
    assert!(
        q[0].2.starts_with("unable to reach Moyo for comment"),
        "{q:?}"
    );
}

#[test]
fn in_the_words_of_x() {
    let s = draft("Trial\n\nThe court heard the case on Monday. In the words of the defence lawyer, Anna Berg, “nobody saw the car that night.” The jury retired.\n");
    assert_eq!(
        direct(&s),
        [pair("Anna Berg", "nobody saw the car that night.")]
    );
}

#[test]
fn officials_have_not_said_why_is_a_declining() {
    let s = draft("Visas\n\nThe team got no visas in June. Citing privacy rules, U.S. officials have not said why the team was kept out, but the coach says he was told nothing.\n");
    let q = quotes(&s);
    let d: Vec<_> = q.iter().filter(|q| q.1 == "declined").collect();
    assert_eq!(d.len(), 1, "{q:?}");
    assert_eq!(d[0].0, "U.S. officials");
    assert!(d[0].2.starts_with("have not said why"), "{q:?}");
}

#[test]
fn names_and_uncredited_noun_phrases_in_quotes_are_not_speech() {
    let s = draft("Robots\n\nAccording to coach Ann Holt, the team's robot, named \"Big Blue Helper,\" scored twice. The visas were granted as a \"significant public benefit.\" Holt said: “We are proud of them.”\n");
    assert_eq!(direct(&s), [pair("Ann Holt", "We are proud of them.")]);
}

#[test]
fn a_person_of_an_organisation_is_the_person() {
    let s = draft("Feud\n\nWriting on his blog, Paul Grant of The Daily Courier called the feud \"a long war of words.\" He described it as \"a fight nobody wins.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Paul Grant", "a long war of words."),
            pair("Paul Grant", "a fight nobody wins.")
        ]
    );
}

#[test]
fn a_pull_quote_signed_with_a_dash() {
    let s = draft("Web war\n\n\"So far the web is winning. But it is a long game.\" - Paula Stone\n\n\"Scientology vs. the Internet\" — The Daily Courier, 12 May\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Paula Stone",
            "So far the web is winning. But it is a long game."
        )]
    );
}

/// The aliases of an entity, as written.
fn aliases(e: &Value) -> Vec<String> {
    list(e, "aliases")
        .into_iter()
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect()
}

/// The names of every party and analyst.
fn names(story: &Value) -> Vec<String> {
    list(story, "parties")
        .into_iter()
        .chain(list(story, "analysts"))
        .map(|e| get(e, "name").to_string())
        .collect()
}

#[test]
fn a_statement_introduced_before_its_text_is_its_authors() {
    // No colon, no tag on the quotation: the sentence before says whose statement it is.
    let s = draft("Pier closes\n\nThe following is a statement by Harbor Authority director Mina Okafor about the closure of Pier 9.\n\n“We regret the trouble this causes the fishing fleet.\n\n“We expect to open the pier again in June.”\n\nThe pier was built in 1931.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Mina Okafor",
                "We regret the trouble this causes the fishing fleet."
            ),
            pair("Mina Okafor", "We expect to open the pier again in June.")
        ]
    );
    // And `X issued the following statement`, `X’s statement reads as follows`.
    let s = draft("Flood\n\nThe Riverside Water Board issued the following statement on Sunday.\n\n\"Tap water is safe to drink again in every district.\"\n\nMayor Leon Brandt also spoke. Brandt’s statement reads as follows:\n\n“I thank the crews who worked through the night.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Riverside Water Board",
                "Tap water is safe to drink again in every district."
            ),
            pair(
                "Leon Brandt",
                "I thank the crews who worked through the night."
            )
        ]
    );
}

#[test]
fn a_role_set_off_before_the_name_gives_the_name() {
    let s = draft("Rates\n\n\"Prices will keep rising until spring,\" the central bank's chief economist, Paula Reyes, told reporters on Monday.\n\nSpeaking in Geneva, Peru's foreign minister, Luis Ortega, called the vote \"a betrayal of trust.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Paula Reyes", "Prices will keep rising until spring,"),
            pair("Luis Ortega", "a betrayal of trust.")
        ]
    );
    assert_eq!(
        get(entity(&s, "paula-reyes"), "role"),
        "central bank's chief economist"
    );
    assert_eq!(
        get(entity(&s, "luis-ortega"), "role"),
        "Peru's foreign minister"
    );
}

#[test]
fn a_caption_naming_a_role_is_no_party_and_the_minister_is_the_person_with_that_role() {
    let s = draft("Patrols\n\nFILE - Admiral Rosa Kent, Chile's Navy Commander, speaks at a summit in Lima, May 2019.\n\nChile will send ships south, Navy Commander Rosa Kent told reporters on Friday.\n\n“We will patrol the strait every week,” the commander said.\n");
    assert_eq!(
        direct(&s),
        [pair("Rosa Kent", "We will patrol the strait every week,")]
    );
    assert!(
        !names(&s).iter().any(|n| n.contains("Commander")),
        "{:?}",
        names(&s)
    );
}

#[test]
fn more_verbs_of_saying() {
    let s = draft("Summers\n\n“We flew kites every spring,” Ana Ruiz remembered.\n\n“It was the best summer we had,” Jon Ruiz reflected.\n\n“Nobody saw it coming,” Lee Moss confided.\n\n“It will pass,” said Omar Bello, answering a question.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Ruiz", "We flew kites every spring,"),
            pair("Jon Ruiz", "It was the best summer we had,"),
            pair("Lee Moss", "Nobody saw it coming,"),
            pair("Omar Bello", "It will pass,")
        ]
    );
}

#[test]
fn a_named_day_or_event_is_nobody() {
    let s = draft("Languages\n\nMinister Carla Diaz spoke on Monday at an event marking International Mother Language Day.\n\n“Every language is a library,” she said.\n\nThe Lantern Festival follows in March. “Come early,” said organiser Ben Ito.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Carla Diaz", "Every language is a library,"),
            pair("Ben Ito", "Come early,")
        ]
    );
    assert!(
        !names(&s)
            .iter()
            .any(|n| n.contains("Day") || n.contains("Festival")),
        "{:?}",
        names(&s)
    );
}

#[test]
fn one_name_spelt_two_ways_is_one_person() {
    let s = draft("Tests\n\nKathrin Weller, who runs the lab, said the tests ended on Friday.\n\n“The samples were clean,” Katrin Weller said.\n\n“We will publish in May,” Weler said.\n\nHer colleague Mei Chan agreed. “It took a year,” said Tom Chang.\n");
    let d = direct(&s);
    assert_eq!(d[0].0, "Kathrin Weller", "{d:?}");
    assert_eq!(d[1].0, "Kathrin Weller", "{d:?}");
    let weller = entity(&s, "kathrin-weller");
    assert!(
        aliases(weller).contains(&"Katrin Weller".to_string()),
        "{weller:?}"
    );
    // Chan and Chang are two people.
    assert_eq!(d[2].0, "Tom Chang", "{d:?}");
    // An analyst has no aliases: the other spelling is in the note.
    let s = draft("Tests\n\nResearcher Kathrin Weller said the tests ended on Friday.\n\n“The samples were clean,” Katrin Weller said.\n");
    assert_eq!(direct(&s)[0].0, "Kathrin Weller");
    let note = entity(&s, "kathrin-weller").get("x-draft").unwrap();
    assert!(
        get(note, "rule").contains("also written: Katrin Weller"),
        "{note:?}"
    );
}

#[test]
fn a_quotation_inside_one_in_the_same_marks_is_part_of_it() {
    let s = draft("Talks\n\nEnvoy Omar Haddad said in a statement:\n\n“We welcomed the minister’s “firm promise” that the border stays open. We will hold him to it.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Omar Haddad",
            "We welcomed the minister’s “firm promise” that the border stays open. We will hold him to it."
        )]
    );
}

#[test]
fn a_quotation_never_closed_ends_with_its_paragraph() {
    let s = draft("Water\n\nDana Lee of the Rivers Trust told VOA the water was unsafe.\n\n\"We tested it twice. It is not safe to drink. People must boil it.\n\nThe city council will meet on Tuesday to discuss the pipes.\n\nA council spokesman said the pipes were old.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Dana Lee",
            "We tested it twice. It is not safe to drink. People must boil it."
        )]
    );
}

#[test]
fn a_caption_between_a_quotations_paragraphs_does_not_end_it() {
    let s = draft("Museum\n\nIn a statement, Governor Ada Flynn said, \"The museum worked hard for this. We are proud of it.\n\nVisitors queue outside the hall in 2019. Image: City Archive.\n\n\"The new wing opens to everyone in the autumn.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Flynn",
                "The museum worked hard for this. We are proud of it."
            ),
            pair("Ada Flynn", "The new wing opens to everyone in the autumn.")
        ]
    );
}

#[test]
fn a_participle_after_the_tag_takes_the_tags_speaker() {
    let s = draft("Rebuild\n\nThe mayor, Ray Nunez, spoke on Sunday. Nunez said in a statement that the city “will rebuild every home,” adding residents “deserve nothing less.”\n\n“This is a disaster,” Judge Vera Holm said, calling the dam a “ticking bomb.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ray Nunez", "will rebuild every home,"),
            pair("Ray Nunez", "deserve nothing less."),
            pair("Vera Holm", "This is a disaster,"),
            pair("Vera Holm", "ticking bomb.")
        ]
    );
}

#[test]
fn nouns_that_look_like_verbs_of_saying_are_not_tags() {
    // "her call for", "of reports that": nouns, so the tag is `Ruth Akande said` and the
    // scare quote after "reports" is no one's.
    let s = draft("Inquiry\n\n“We need answers,” Ruth Akande said, renewing her call for an “open and honest” inquiry.\n\nNeighbouring states want explanations of reports that agents used embassies as “cover” for spying.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ruth Akande", "We need answers,"),
            pair("Ruth Akande", "open and honest")
        ]
    );
}

#[test]
fn someone_described_not_named_is_their_own_speaker() {
    // Not the speaker before: "the nurse" and "a local resident" are new, unnamed speakers.
    let s = draft("Clinic\n\nPedro Ruiz, 52, said: “We are not ready.”\n\n“We were never told,” the nurse, who asked not to be named, said.\n\n“Nobody came,” a local resident said.\n");
    let d = direct(&s);
    assert_eq!(d[0].0, "Pedro Ruiz");
    assert!(d[1].0.contains("nurse"), "{d:?}");
    assert!(d[2].0.contains("resident"), "{d:?}");
    let s = draft("Talks\n\nU.S. officials said the strikes were “a clear escalation.”\n\n“The talks are dead,” a senior European diplomat said.\n");
    let d = direct(&s);
    assert!(d[1].0.contains("European diplomat"), "{d:?}");
    // A phrase that does not start the clause is not the speaker (`section of the site`),
    // and words named as words are not said.
    let s = draft("Site\n\nThe \"History\" section of the site explains the feud. The ministry renamed the plan, adding the words \"and Renewal\" to its name.\n");
    assert_eq!(direct(&s), []);
}

#[test]
fn a_statements_words_are_its_authors() {
    let s = draft("Shuttles\n\nSenator Ruth Vance issued a statement on Monday. \"We were treated unfairly,\" she said.\n\nVance's statement added, \"The decision ignores the facts.\"\n\n\"The vote is final,\" a City Council statement said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ruth Vance", "We were treated unfairly,"),
            pair("Ruth Vance", "The decision ignores the facts."),
            pair("City Council", "The vote is final,")
        ]
    );
}

#[test]
fn a_term_verb_names_the_words_close_after_it() {
    // `called the strike “…”` is the union's term; `called reporters … to discuss matters
    // of “…”` names no term of theirs.
    let s = draft("Strike\n\nThe Teachers Union called the strike \"a last resort.\"\n\nThe Malawian government called reporters from two radio stations into a meeting this week to discuss matters of \"cooperation.\"\n");
    assert_eq!(direct(&s), [pair("Teachers Union", "a last resort.")]);
}

#[test]
fn it_or_they_speaking_is_the_subject_of_the_sentence_before() {
    let s = draft("Rain\n\nThe World Food Programme said it was sending aid. Kenya's weather office warned that more rain was expected. It described the situation as “critical.”\n\nThe study's authors say salt is the answer. They call for “iodised salt in every kitchen.”\n");
    let d = direct(&s);
    assert_eq!(d[0], pair("Kenya", "critical."), "{d:?}");
    assert_eq!(d[1].1, "iodised salt in every kitchen.");
    assert!(d[1].0.contains("authors"), "{d:?}");
}

#[test]
fn one_of_a_group_named_after_a_comma() {
    let s = draft("Help\n\nAmina Yusuf said aid had come. “We have not seen anyone from the government,” one farmer, Hassan Ali, told VOA.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Hassan Ali",
            "We have not seen anyone from the government,"
        )]
    );
    assert_eq!(get(entity(&s, "hassan-ali"), "role"), "farmer");
}

#[test]
fn quoted_x_as_saying_gives_x() {
    let s = draft("Vote\n\nState media quoted President Faure Gnassingbe as saying the vote would be “free and fair.”\n\nThe agency cited the minister, Ama Dogbe, as saying: “Results come on Friday.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Faure Gnassingbe", "free and fair."),
            pair("Ama Dogbe", "Results come on Friday.")
        ]
    );
}

#[test]
fn a_short_exclamation_said_by_someone_described() {
    let s = draft("Port\n\n“Enough!” shouted a protester outside the gates.\n\n“Why now?” asked one dock worker.\n");
    let d = direct(&s);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].1, "Enough!");
    assert!(d[0].0.contains("protester"), "{d:?}");
    assert!(d[1].0.contains("dock worker"), "{d:?}");
}

#[test]
fn a_title_before_a_name_of_an_organisation() {
    let s = draft("Growth\n\nEconomist Sara Lind of Nordic Bank said the strike would “dent growth this quarter.”\n");
    assert_eq!(direct(&s), [pair("Sara Lind", "dent growth this quarter.")]);
    let lind = entity(&s, "sara-lind");
    assert_eq!(get(lind, "role"), "Economist");
    assert_eq!(get(lind, "affiliation"), "Nordic Bank");
}

#[test]
fn the_statement_said_gives_the_statements_author() {
    let s = draft("Rescue\n\nThe Kenya Red Cross said in a statement on Friday that it had rescued 300 people. “Our volunteers worked through the night,” the statement said.\n\nMayor Ruth Oduya issued a statement. “The city thanks them,” the statement read.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Kenya Red Cross",
                "Our volunteers worked through the night,"
            ),
            pair("Ruth Oduya", "The city thanks them,")
        ]
    );
}

#[test]
fn declinings_written_with_contractions_and_other_phrasings() {
    let s = draft("Silence\n\nThe ministry didn't respond to VOA's emailed questions.\n\nThe embassy hasn’t commented on the report.\n\nThe White House said it does not comment on leaked documents.\n\nThe army refused to be interviewed for this story.\n\nA diplomat, who declined to be named, said talks were stalled.\n");
    let q: Vec<(String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 != "paraphrase")
        .map(|(n, k, _)| (n, k))
        .collect();
    let want = [
        ("ministry", "no-response"),
        ("embassy", "declined"),
        ("White House", "declined"),
        ("army", "declined"),
    ];
    assert_eq!(q.len(), want.len(), "{q:?}");
    for ((n, k), (wn, wk)) in q.iter().zip(want) {
        assert!(n.contains(wn) && k == wk, "{q:?}");
    }
}

/// (party's name, kind, text) of every declining and no-response.
fn refusals(story: &Value) -> Vec<(String, String, String)> {
    quotes(story)
        .into_iter()
        .filter(|q| q.1 == "declined" || q.1 == "no-response")
        .collect()
}

#[test]
fn neither_confirming_nor_denying_is_a_declining() {
    let s = draft("Drought\n\nMaulid Warfa, a regional official, toured the camps on Friday.\n\nWhen asked about the arrest of two aid workers, Warfa did not confirm or deny it.\n\nThe ministry has neither confirmed nor denied the report.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(r[0].0.contains("Warfa") && r[0].1 == "declined", "{r:?}");
    assert_eq!(r[0].2, "did not confirm or deny it");
    assert!(r[1].0.contains("ministry") && r[1].1 == "declined", "{r:?}");
}

#[test]
fn a_declining_with_an_aside_after_its_negation() {
    // `He did not, however, say whether …`: the aside set off by commas.
    let s = draft("Talks\n\nTurkish Prime Minister Recep Tayyip Erdogan met the president on Monday.\n\nErdogan said parliament had authorised action. He did not, however, say whether such action would be imminent.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].0.contains("Erdogan") && r[0].1 == "declined", "{r:?}");
    assert_eq!(
        r[0].2,
        "did not, however, say whether such action would be imminent"
    );
}

#[test]
fn a_response_not_yet_received_is_a_no_response() {
    let s = draft("Crash\n\nWikinews e-mailed the Royal Canadian Mounted Police to confirm the reports, but has not yet received a response.\n\nReporters called the Ministry of Health about the figures and have yet to receive a response.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(
        r[0].0.contains("Royal Canadian Mounted Police") && r[0].1 == "no-response",
        "{r:?}"
    );
    assert!(
        r[1].0.contains("Ministry of Health") && r[1].1 == "no-response",
        "{r:?}"
    );
}

#[test]
fn a_party_urged_in_a_letter_that_got_no_response_and_its_acronym_after_a_possessive() {
    // `the Department of the Interior’s (DOI)`: DOI is the department (two joining words,
    // the possessive left out); `urged DOI …; no response has been received`: its
    // no-response.
    let s = draft("Road\n\nThe letter answers the Department of the Interior’s (DOI) request for public input.\n\nThe Senators urged DOI to commit to a timeline; no response has been received to date.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "Department of the Interior");
    assert_eq!(r[0].1, "no-response");
}

#[test]
fn a_refusal_inside_a_quote_with_no_subject_of_its_own_is_the_sentence_subjects() {
    // `“Pentagon officials have said …, but have declined to elaborate …”`: the clause
    // after "but" has no subject; the quote's sentence names the party.
    let s = draft("Base\n\n\"Pentagon officials have said they plan to move thousands of people to the base, but have declined to elaborate on how many will come,\" said Congressman Tom Tiffany.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].0.contains("Pentagon") && r[0].1 == "declined", "{r:?}");
}

#[test]
fn an_anonymous_source_and_a_thing_not_returned_are_not_refusals() {
    // `declined to give his name`: anonymity, not a refusal to comment; `did not return
    // the signatures`: a thing kept, not a call unanswered.
    let s = draft("Camp\n\nThe commander declined to give his name, but confirmed that he was in charge.\n\nPolice released the two workers but did not return the 300 signatures they had collected.\n\nThe governor did not return calls seeking comment.\n");
    let r = refusals(&s);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(
        r[0].0.contains("governor") && r[0].1 == "no-response",
        "{r:?}"
    );
}

#[test]
fn no_information_no_explanation_and_no_response_are_declinings() {
    // `shared no information`, `has failed to provide any explanation`, `had no response`
    // (but `we had no response from X` is X's, by `no response from`).
    let s = draft("Inquiry\n\n“We are investigating,” Defense Secretary Pete Hegseth said, but he shared no information about a timeline.\n\nThe Census Bureau has failed to provide any explanation for the undercount.\n\nThe Australian government originally had no response, but later defended the policy.\n\nWe had no response from the Interior Ministry.\n");
    let r = refusals(&s);
    let who: Vec<&str> = r.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(r.len(), 4, "{r:?}");
    assert!(who[0].contains("Hegseth"), "{r:?}");
    assert!(who[1].contains("Census Bureau"), "{r:?}");
    assert!(who[2].contains("Australian government"), "{r:?}");
    assert!(who[3].contains("Interior Ministry"), "{r:?}");
}

#[test]
fn a_hearing_exchange_printed_with_quotation_marks() {
    // A release printing a hearing's turns as `Name: “…”`: each turn is its words, without
    // the marks (the last one's closing mark lost); a `…` between turns is no quote.
    let s = draft("Hearing\n\nKey excerpts from the exchange:\n\nSenator Ann Cole: “The funds are a year late.”\n\nAdministrator Bo Ruiz: “We are moving as fast as we can.”\n\n…\n\nSenator Ann Cole: “Can I get your commitment?\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ann Cole", "The funds are a year late."),
            pair("Bo Ruiz", "We are moving as fast as we can."),
            pair("Ann Cole", "Can I get your commitment?"),
        ]
    );
}

#[test]
fn a_quotation_whose_opening_mark_is_lost_runs_from_the_paragraph_start() {
    // `The proud legacy … happen,” said Deb Willett`: no mark before the closing one, a
    // tag after it; a paragraph with a closing mark and no tag is left alone.
    let s = draft("Medal\n\nThe House passed the bill on Friday.\n\nThe proud legacy of my grandfather will be resurrected with this bill,” said Deb Willett, a granddaughter of a soldier.\n\nThe regiment fought for 191 days in the trenches of the Western Front” in 1918.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Deb Willett",
            "The proud legacy of my grandfather will be resurrected with this bill,"
        )]
    );
}

#[test]
fn quotations_joined_by_and_share_their_speaker() {
    let s = draft("Courts\n\nOpposition leader Kem Ley said Wednesday the courts were \"cheap\" and \"biased\" toward the ruling party.\n\nBishop Nunzio Rossi called the ruling \"unjust\" (in Italian) or \"cruel.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Kem Ley", "cheap"),
            pair("Kem Ley", "biased"),
            pair("Nunzio Rossi", "unjust"),
            pair("Nunzio Rossi", "cruel.")
        ]
    );
}

#[test]
fn whoever_saw_a_document_does_not_speak_it() {
    let s = draft("Memo\n\nA leaked internal letter seen by Sky News says \"every form must be filed in English\", officials confirmed.\n");
    let d = direct(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_ne!(d[0].0, "Sky News", "{d:?}");
}

#[test]
fn a_quotation_over_paragraphs_tagged_only_in_its_last() {
    let s = draft("Reform plan\n\nThe council voted on Tuesday. Councillor Tom Reyes opposed the plan.\n\n“We were promised a fair process. Instead we got a rushed vote.\n\n“Nobody read the final text,” said Councillor Ana Silva, who chairs the budget committee.\n\nReyes said he would appeal.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ana Silva",
                "We were promised a fair process. Instead we got a rushed vote."
            ),
            pair("Ana Silva", "Nobody read the final text,")
        ]
    );
}

#[test]
fn a_name_in_title_case_before_its_noun_is_not_speech() {
    let s = draft("Attack\n\nFighters of the \"Islamic State\" group attacked the town, officials said.\n\nThe \"Big Five\" tech firms lobbied against it, Senator Mia Lund said.\n");
    assert_eq!(direct(&s), []);
}

#[test]
fn a_relative_clause_gives_its_terms_to_whom_it_is_about() {
    let s = draft("Press\n\nThe president, who calls journalists \"enemies of the people,\" spoke on Friday.\n\nMayor Ida Berg, who called the plan “a disaster,” resigned.\n");
    let d = direct(&s);
    assert!(d[0].0.contains("president"), "{d:?}");
    assert_eq!(d[1], pair("Ida Berg", "a disaster,"));
}

#[test]
fn a_role_then_the_name_at_the_end_of_the_sentence_and_a_rank_abbreviated() {
    let s = draft("UN\n\n“Journalism is not a crime,” said the U.S. ambassador to the United Nations, Linda Thomas-Greenfield.\n\n“We are investigating,” a police spokesperson, Insp. Jane Mwangi, said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Linda Thomas-Greenfield", "Journalism is not a crime,"),
            pair("Jane Mwangi", "We are investigating,")
        ]
    );
}

#[test]
fn the_general_is_the_person_named_with_gen() {
    let s = draft("Briefing\n\nDefense Secretary Chuck Hagel met with Army Gen. Martin E. Dempsey at the Pentagon today.\n\n“We are watching closely,” the secretary said.\n\nDempsey said the threat was growing. “This group has a long reach,” the general said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Chuck Hagel", "We are watching closely,"),
            pair("Martin E. Dempsey", "This group has a long reach,")
        ]
    );
}

#[test]
fn an_occupation_before_the_name_and_in_her_words() {
    let s = draft("Clinic\n\nNurse Ann Lee summed up the mood: “We have lost everything.”\n\nActivist Tom Ito spoke next. In his words, “this is only the beginning.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ann Lee", "We have lost everything."),
            pair("Tom Ito", "this is only the beginning.")
        ]
    );
    assert_eq!(get(entity(&s, "ann-lee"), "role"), "Nurse");
}

#[test]
fn groups_described_not_named() {
    let s = draft("Verdict\n\nResidents said they were afraid to go home. “We cannot sleep,” they said.\n\nHuman rights groups called the verdict “a travesty of justice.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Residents", "We cannot sleep,"),
            pair("Human rights groups", "a travesty of justice.")
        ]
    );
    assert_eq!(get(entity(&s, "residents"), "kind"), "anonymous");
}

#[test]
fn a_short_quotation_that_is_a_sentence_of_its_own_is_said() {
    let s = draft("Over\n\n“It's over,” Karim Haddad says now. “Really over.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Karim Haddad", "It's over,"),
            pair("Karim Haddad", "Really over.")
        ]
    );
}

#[test]
fn a_headline_ending_with_a_quotation() {
    let s = draft("Biden: “We will not back down”\n\nPresident Joe Biden spoke at the White House on Monday about the strikes.\n");
    assert_eq!(get(&s, "title"), "Biden: “We will not back down”");
    assert_eq!(direct(&s), [pair("Joe Biden", "We will not back down")]);
}

#[test]
fn a_first_name_alone_is_the_one_person_with_it() {
    let s = draft("Bakery\n\nMaria Santos runs the bakery with Jorge Lima. “We start at four,” said Maria Santos.\n\n“The bread sells out by noon,” Maria added.\n\nAnn Cole and Ann Ruiz work there too. “It is hard work,” Ann said.\n");
    let d = direct(&s);
    assert_eq!(d[0].0, "Maria Santos");
    assert_eq!(d[1], pair("Maria Santos", "The bread sells out by noon,"));
    // Two Anns: neither is taken for the other.
    assert_ne!(d[2].0, "Ann Cole", "{d:?}");
    assert_ne!(d[2].0, "Ann Ruiz", "{d:?}");
    // Two people who share a surname, written once.
    let s = draft("Shop\n\nWhen Kenyans Wanjiku and Otieno Mwangi opened the shop, they had no savings.\n\n“We sold shoes from a box,” Wanjiku recalled.\n\n“Now we employ ten people,” said Otieno Mwangi.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Wanjiku Mwangi", "We sold shoes from a box,"),
            pair("Otieno Mwangi", "Now we employ ten people,")
        ]
    );
}

#[test]
fn refusals_written_as_policy_intent_or_a_refusing_verb() {
    // Government briefings and wire copy: "will not comment", "refused direct comment",
    // "does not talk about", "won't discuss", "no immediate comment from X".
    let s = draft(
        "Port sale\n\n\
         The Transport Ministry says it will not comment on the sale of the port.\n\n\
         Asked about the deal, Harbor Group spokesmen refused direct comment.\n\n\
         At the Defence Ministry, spokeswoman Anna Berg said the navy guards the port, but does not talk about specific patrols.\n\n\
         There was no immediate comment from the Kremlin.\n\n\
         The Chinese Embassy won't discuss the case, a diplomat said.\n",
    );
    let declined: Vec<(String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "declined")
        .map(|(n, _, t)| (n, t))
        .collect();
    assert_eq!(
        declined,
        [
            pair(
                "Transport Ministry",
                "will not comment on the sale of the port"
            ),
            pair("Harbor Group", "refused direct comment"),
            pair("Anna Berg", "does not talk about specific patrols"),
            pair("Kremlin", "no immediate comment from the Kremlin"),
            pair("Chinese Embassy", "won't discuss the case"),
        ]
    );
}

#[test]
fn an_honorific_an_appositive_in_capitals_and_a_tag_turned_round() {
    // "Dr. X, NASA chief, …": the subject is the person, the capitals their role; a
    // wire-style appositive opening with the organisation's possessive; a sentence opening
    // with "Moreover, added X, …" is X's, not "Moreover"'s.
    let s = draft(
        "Clinic funds\n\n\
         Dr. Maria Okafor, WHO chief for Africa, backed the plan in an email stating “Funding must come first.”\n\n\
         “Cases doubled in a month,” Dr. Tom Adeyemi, UNICEF’s regional health adviser for West Africa, told reporters in Geneva.\n\n\
         The plan was outlined by Health Minister Ana Costa.\n\n\
         Moreover, added Costa during a visit to a clinic, the ministry “will pay for every vaccine.”\n\n\
         Separately, Adeyemi told Radio Kano that the response was “too slow.”\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Maria Okafor", "Funding must come first."),
            pair("Tom Adeyemi", "Cases doubled in a month,"),
            pair("Ana Costa", "will pay for every vaccine."),
            pair("Tom Adeyemi", "too slow."),
        ]
    );
}

#[test]
fn the_force_the_city_the_communique_mean_what_was_named_before() {
    // Police press releases, councils and regulators: "the force said", "the city said"
    // and "the communique said" are the organisation last named that the noun can mean,
    // even one that has not spoken yet.
    let s = draft(
        "Raids and rulings\n\n\
         Officers of Greater Manchester Police raided a warehouse on Tuesday. “We found over a tonne of cocaine,” the force said.\n\n\
         The National Broadcasting Authority communique suspending the station, issued Monday, said the report was false. The communique also said that the ban was needed to “protect public order” in the region.\n\n\
         The Municipality of Turin sent the bill to the schools. “It is a commercial activity,” the city said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair(
                "Greater Manchester Police",
                "We found over a tonne of cocaine,"
            ),
            pair("National Broadcasting Authority", "protect public order"),
            pair("Municipality of Turin", "It is a commercial activity,"),
        ]
    );
}

#[test]
fn a_name_from_a_place_and_a_quotation_completing_its_subject() {
    // Readers' letters and vox pops: "X of <place> wrote"; a statement summarised with
    // the speaker's own verb inside the marks: `X “denied …”`.
    let s = draft(
        "Letters and denials\n\n\
         “After your report the aid came at last,” Amina Yusuf of rural Kano state wrote in a letter to the station.\n\n\
         “The roads are still closed,” Pedro Alves from Manaus said.\n\n\
         The regulator fined the network. In its reply, Jane Moore “rejected every finding of the inquiry.”\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Amina Yusuf", "After your report the aid came at last,"),
            pair("Pedro Alves", "The roads are still closed,"),
            pair("Jane Moore", "rejected every finding of the inquiry."),
        ]
    );
}

#[test]
fn a_tag_closing_the_sentence_gives_every_quotation_in_it() {
    // Wire copy puts the tag last, after the whole sentence it attributes, with short
    // quotations in it: each is the tag's, not the subject's of the sentence.
    let s = draft(
        "Ceasefire talks\n\n\
         The two presidents discussed the border by phone and agreed on talks “within weeks” aimed at “restoring calm” in the valley, said Kremlin officials.\n\n\
         Both armies will pull back to “agreed lines” before winter, the Turkish Defense Ministry said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Kremlin officials", "within weeks"),
            pair("Kremlin officials", "restoring calm"),
            pair("Turkish Defense Ministry", "agreed lines"),
        ]
    );
}

#[test]
fn a_short_quotation_after_a_quoted_one_in_its_sentence_continues_it() {
    // Agency copy stitches a speaker's words into one sentence: the later pieces, however
    // short, are the same speaker's; a one-word scare quote stays out.
    let s = draft(
        "Outbreak\n\n\
         Grace Mensah, who is visiting the camps, said, “The courage of the families” and the speed of the outbreak “were remarkable.”\n\n\
         The agency said the closures “will slow the spread” needed “to protect the wider region” in coming weeks, and served “healthy” snacks.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Grace Mensah", "The courage of the families"),
            pair("Grace Mensah", "were remarkable."),
            pair("agency", "will slow the spread"),
            pair("agency", "to protect the wider region"),
        ]
    );
}

#[test]
fn an_acronym_never_introduced_is_the_organisation_it_abbreviates() {
    // Government and wire copy name an agency in full, then by its initials without
    // giving them in brackets: its officials speak for the one agency.
    let s = draft(
        "Election security\n\n\
         “No attack on the count has been seen,” a senior official with the Cybersecurity and Infrastructure Security Agency told reporters.\n\n\
         “We are watching closely,” a CISA spokesperson said later.\n",
    );
    let q = list(&s, "quotes");
    assert_eq!(q.len(), 2);
    let agency = get(q[0], "by");
    assert_eq!(
        get(entity(&s, agency), "name"),
        "Cybersecurity and Infrastructure Security Agency"
    );
    let spokesperson = entity(&s, get(q[1], "by"));
    let speaks_for = get(spokesperson, "speaks_for");
    assert!(
        get(q[1], "by") == agency || speaks_for == agency,
        "{spokesperson:?}"
    );
}

#[test]
fn a_role_alone_in_a_deck_is_the_one_person_named_with_it() {
    // Press-office and broadcaster headlines run a deck before the body: "Minister also
    // said “…”" is the minister the body names; with two people of that role it is not
    // guessed.
    let s = draft(
        "Costa: Talks Will Go On\n\n\
         Minister also said “We will not walk away”\n\n\
         Foreign Minister Ana Costa told reporters that “the talks will resume next week.”\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Ana Costa", "We will not walk away"),
            pair("Ana Costa", "the talks will resume next week."),
        ]
    );
    let two = draft(
        "Ministers meet\n\n\
         Minister also said “We will not walk away”\n\n\
         Foreign Minister Ana Costa told reporters that “the talks will resume.”\n\n\
         Trade Minister Rui Lopes said: “Tariffs stay.”\n",
    );
    assert_ne!(direct(&two)[0].0, "Ana Costa");
    assert_ne!(direct(&two)[0].0, "Rui Lopes");
}

#[test]
fn examples_and_glosses_in_quotation_marks_are_not_speech() {
    // Explainers and learning-English copy quote examples of speech, and police releases
    // gloss a drug's street name in brackets: no one said them.
    let s = draft(
        "How toddlers learn\n\n\
         Parents stretch their words. Examples include, “Look at the doggie!” And, “Time for a baaath.” \
         Sellers use lines such as “Buy now, pay never.” Officers found MDMA (“ecstasy”) in the van. \
         “We found that parents slow down,” said Lena Fox, a linguist at Oslo University.\n",
    );
    assert_eq!(
        direct(&s),
        [pair("Lena Fox", "We found that parents slow down,")]
    );
}

#[test]
fn a_closing_mark_left_out_before_the_tag() {
    // Government releases typed with straight marks sometimes drop the closing one before
    // the tag: the next mark opens the next quotation, and the tag is not quoted.
    let s = draft(
        "Reef act\n\n\
         \"The bill is a step forward for our reefs, said Interior Secretary Dana Kirk. \"It will help the States.\"\n\n\
         \"We welcome it, Mayor Tom Lee said. \"Our beaches depend on it.\"\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Dana Kirk", "The bill is a step forward for our reefs,"),
            pair("Dana Kirk", "It will help the States."),
            pair("Tom Lee", "We welcome it,"),
            pair("Tom Lee", "Our beaches depend on it."),
        ]
    );
}

#[test]
fn a_deck_repeating_the_bodys_words_gives_one_quotation() {
    // Broadcasters' web copy runs a deck under the headline that repeats a quotation of
    // the body: one quotation, with the body's sentence as its note.
    let s = draft(
        "Service Chief Testifies\n\n\
         Mia Tran says the situation is \"anything but calm\"\n\n\
         Service chief Mia Tran told the committee that the situation is \"anything but calm.\"\n",
    );
    assert_eq!(direct(&s), [pair("Mia Tran", "anything but calm.")]);
    let note = list(&s, "quotes")[0].get("x-draft").unwrap();
    assert!(get(note, "sentence").contains("told the committee"));
}

#[test]
fn seats_of_power_companies_named_after_their_kind_relatives_and_unnamed_sources() {
    // British and wire political copy: "Downing Street said", "The company, X, said";
    // someone named through another ("Collins's husband") and an unnamed source "close
    // to" someone are not that someone.
    let s = draft(
        "Minister quits\n\n\
         Transport Minister Sarah Collins resigned on Monday. Downing Street said the prime minister accepted it \"with regret.\"\n\n\
         The company, Railcore Ltd, said it \"rejects any suggestion of impropriety.\"\n\n\
         The World Food Programme said it had concerns. \"Roads are cut,\" the agency said.\n\n\
         Collins's husband could not be reached for comment.\n\n\
         A source close to Collins told the paper: \"She is furious.\"\n\n\
         \"She will fight on,\" two people familiar with her plans said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Downing Street", "with regret."),
            pair("Railcore Ltd", "rejects any suggestion of impropriety."),
            pair("World Food Programme", "Roads are cut,"),
            pair("source close to Collins", "She is furious."),
            pair("people familiar with her plans", "She will fight on,"),
        ]
    );
    assert_eq!(get(entity(&s, "downing-street"), "kind"), "government");
    let declined: Vec<(String, String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "no-response")
        .collect();
    assert_eq!(declined.len(), 1);
    assert_eq!(declined[0].0, "Collins's husband");
}

#[test]
fn joined_by_someone_who_said() {
    // Briefing copy: "X was joined by Y, who said …" quotes Y; a document "obtained by"
    // a newspaper still does not make the newspaper its speaker.
    let s = draft(
        "Drought aid\n\n\
         Agriculture Secretary Tom Hale was joined by Commerce Secretary Gina Ross, who said the aid was \"long overdue.\"\n\n\
         A memo obtained by the Daily Ledger said the payments were \"delayed by months.\"\n",
    );
    let d = direct(&s);
    assert_eq!(d[0], pair("Gina Ross", "long overdue."));
    assert_eq!(d.len(), 2);
    assert_ne!(d[1].0, "Daily Ledger");
}

#[test]
fn a_name_whose_list_of_portfolios_holds_a_comma() {
    // Ministries named for several portfolios ("Trade, Industry and Energy") keep their
    // whole name, before or after the quotation.
    let s = draft(
        "Job cuts\n\n\
         The Ministry of Trade, Industry and Energy said it was \"closely monitoring\" the cuts.\n\n\
         \"Help is coming,\" the Department of Health, Labour and Welfare said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ministry of Trade, Industry and Energy",
                "closely monitoring"
            ),
            pair(
                "Department of Health, Labour and Welfare",
                "Help is coming,"
            ),
        ]
    );
}

#[test]
fn a_court_ruling_by_someone_described_then_named() {
    // Court copy opens with "A federal judge …, ruling that …" and names the judge
    // later: the one judge named; a ruling is a verb of saying.
    let s = draft(
        "Deportation blocked\n\n\
         A federal judge on Friday blocked the deportation, ruling that officials had \"ignored the evidence.\"\n\n\
         U.S. District Judge Maria Gonzalez wrote that the case was \"deeply flawed.\"\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Maria Gonzalez", "ignored the evidence."),
            pair("Maria Gonzalez", "deeply flawed."),
        ]
    );
    // Two judges named: the described one stays described.
    let two = draft(
        "Rulings\n\n\
         A federal judge on Friday blocked the deportation, ruling that officials had \"ignored the evidence.\"\n\n\
         District Judge Maria Gonzalez wrote that the case was \"deeply flawed.\" Circuit Judge Paul Hart wrote that \"the statute is clear.\"\n",
    );
    assert_eq!(
        direct(&two)[0],
        pair("federal judge", "ignored the evidence.")
    );
}

#[test]
fn silence_and_refusals_worded_without_decline() {
    // "remained silent", "offered no comment", "would not be drawn", "ignored requests for
    // comment": each a declining by its subject.
    let s = draft(
        "Silence\n\n\
         The Interior Ministry has remained silent on the arrests.\n\n\
         Harbor Bank offered no comment on the fine.\n\n\
         Minister Anna Berg would not be drawn on the timing of the vote.\n\n\
         Acme Mining ignored requests for comment.\n",
    );
    let declined: Vec<String> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "declined")
        .map(|q| q.0)
        .collect();
    assert_eq!(
        declined,
        [
            "Interior Ministry",
            "Harbor Bank",
            "Anna Berg",
            "Acme Mining"
        ]
    );
}

#[test]
fn it_her_agency_and_the_utility_x() {
    // Business and disaster copy: "The utility Entergy said …" names Entergy, and "it
    // said" next is Entergy, not an organisation quoted earlier; "Her agency said" is the
    // agency the person last named works for.
    let s = draft(
        "Storm\n\n\
         According to a statement from the National Weather Service, winds reached 140 mph. The agency warned of \"life-threatening storm surge\" along the coast.\n\n\
         FEMA Administrator Deanne Criswell is expected to visit Tuesday. Her agency said it had \"pre-positioned supplies.\"\n\n\
         The utility Entergy said 300,000 customers had no power. \"Restoration will take days,\" it said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("National Weather Service", "life-threatening storm surge"),
            pair("FEMA", "pre-positioned supplies."),
            pair("Entergy", "Restoration will take days,"),
        ]
    );
}

#[test]
fn two_officials_named_together_are_each_known_by_surname() {
    // Briefing copy introduces two officials in one subject, then quotes each by surname.
    let s = draft(
        "Briefing\n\n\
         Mayor Kim Tran and Police Chief Dale Ortiz spoke at a briefing. \"We have 40 shelters open,\" Tran said. \"Crews are out,\" Ortiz said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Kim Tran", "We have 40 shelters open,"),
            pair("Dale Ortiz", "Crews are out,"),
        ]
    );
}

#[test]
fn her_neighbor_named_is_the_one_he_means() {
    // Feature copy moves from one witness to the next with "Her neighbor, X, …": "he
    // said" after it is X, and the possessive "Her" is no subject.
    let s = draft(
        "Storm\n\n\
         \"It sounded like a train,\" said Maria Lopez. Her neighbor, Tom Reed, was luckier. \"We lost a fence,\" he said.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Maria Lopez", "It sounded like a train,"),
            pair("Tom Reed", "We lost a fence,"),
        ]
    );
    assert_eq!(get(entity(&s, "tom-reed"), "role"), "neighbor");
}

#[test]
fn said_a_nationality_or_agency_then_a_role_then_the_name() {
    // Agency and wire copy: "said Canadian astronaut Jeremy Hale", "said NASA engineer Ann
    // Lee": the person, with the role, and the organisation when it is one.
    let s = draft(
        "Crew named\n\n\
         \"Canada is going to the Moon,\" said Canadian astronaut Jeremy Hale.\n\n\
         \"The heat shield held,\" said NASA engineer Ann Lee.\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("Jeremy Hale", "Canada is going to the Moon,"),
            pair("Ann Lee", "The heat shield held,"),
        ]
    );
    assert_eq!(get(entity(&s, "jeremy-hale"), "role"), "astronaut");
    let lee = entity(&s, "ann-lee");
    assert_eq!(get(entity(&s, get(lee, "speaks_for")), "name"), "NASA");
}

#[test]
fn told_the_voice_of_america_keeps_the_whole_name() {
    // Whom the words were said to, named in full over "of", with no trailing "the".
    let s = draft(
        "Interview\n\n\
         Spokesman Gordon Lee has told the Voice of America that the \"United States wants peace.\"\n\n\
         Anna Berg told VOA the \"plan is dead.\"\n",
    );
    let to: Vec<&str> = list(&s, "quotes").iter().map(|q| get(q, "to")).collect();
    assert_eq!(to, ["the Voice of America", "VOA"]);
}

#[test]
fn a_group_calling_something_by_its_term() {
    // "The researchers are calling it “…”", "Critics call the plan a “…”": a term the
    // article gives to a described group is theirs; "so-called" stays out.
    let s = draft(
        "Wood\n\n\
         The engineers are calling their product \"iron wood.\" Critics call the plan a \"power grab.\" The trees are so-called \"super trees.\"\n",
    );
    assert_eq!(
        direct(&s),
        [
            pair("engineers", "iron wood."),
            pair("Critics", "power grab.")
        ]
    );
}

/// (speaker's name, kind) of every declining and no-response, in order.
fn declinings(s: &Value) -> Vec<(String, String)> {
    quotes(s)
        .into_iter()
        .filter(|q| q.1 == "declined" || q.1 == "no-response")
        .map(|(n, k, _)| (n, k))
        .collect()
}

fn assert_declinings(article: &str, want: &[(&str, &str)]) {
    let got = declinings(&draft(article));
    assert_eq!(got.len(), want.len(), "{got:?}, wanted {want:?}");
    for ((n, k), (wn, wk)) in got.iter().zip(want) {
        assert!(n.contains(wn) && k == wk, "{got:?}, wanted {want:?}");
    }
}

#[test]
fn not_commenting_in_every_tense_and_mood() {
    assert_declinings(
        "Quiet\n\nThe Interior Ministry declines to comment on ongoing cases.\n\nThe embassy would not immediately comment.\n\nGlobex has not yet commented on the report.\n\nThe regulators had not publicly commented by Friday.\n\nThe army is not commenting on the operation.\n\nThe league has yet to comment.\n",
        &[
            ("Interior Ministry", "declined"),
            ("embassy", "declined"),
            ("Globex", "declined"),
            ("regulators", "declined"),
            ("army", "declined"),
            ("league", "declined"),
        ],
    );
}

#[test]
fn not_answering_a_request_in_every_tense() {
    assert_declinings(
        "Unanswered\n\nThe police did not immediately respond to a request for comment.\n\nAcme Corp. has not replied to emailed questions.\n\nThe governor's office had yet to return calls on Monday.\n\nThe university hasn't answered a letter sent in May.\n\nThe club does not respond to press inquiries.\n",
        &[
            ("police", "no-response"),
            ("Acme", "no-response"),
            ("governor", "no-response"),
            ("university", "no-response"),
            ("club", "no-response"),
        ],
    );
}

#[test]
fn could_not_be_reached_or_contacted() {
    assert_declinings(
        "Unreached\n\nThe Interior Ministry could not immediately be reached.\n\nSenator Ann Cole couldn't be reached for comment on Tuesday.\n\nThe shipping company cannot be contacted.\n\nThe rebels could not be contacted by phone.\n",
        &[
            ("Interior Ministry", "no-response"),
            ("Ann Cole", "no-response"),
            ("company", "no-response"),
            ("rebels", "no-response"),
        ],
    );
}

#[test]
fn unavailable_for_comment_and_no_one_available() {
    assert_declinings(
        "Away\n\nThe mayor's office was unavailable for comment.\n\nThe coach is not available for comment until the season ends.\n\nNo one at the Interior Ministry was available for comment.\n\nNobody from Globex could be reached.\n",
        &[
            ("mayor", "no-response"),
            ("coach", "no-response"),
            ("Interior Ministry", "no-response"),
            ("Globex", "no-response"),
        ],
    );
}

#[test]
fn no_one_hurt_and_a_drug_not_available_are_no_declinings() {
    let s = draft("Calm\n\nNo one at the base was hurt in the blast.\n\nThe drug is not available in Cambodia.\n\nThe two sides could not reach an agreement.\n");
    assert!(declinings(&s).is_empty(), "{:?}", declinings(&s));
}

#[test]
fn a_transcripts_lines_without_quotation_marks_are_no_quotes() {
    // An interview printed as questions and answers under labels (`HB:`, `Rita Moss:`),
    // with no quotation marks: the sets quote only words in marks, so the answers are
    // nobody's quotes, nor is an answer's second paragraph; a quote in marks in the
    // introduction above them still is.
    let s = draft("Talking tides with a harbour pilot\n\nRita Moss has guided ships into the bay for twenty years. \"The bay never sleeps,\" she told Harbour Bulletin last spring.\n\nWe spoke to her this week.\n\nHB: How did you start?\n\nRita Moss: My father was a pilot, and I rode with him every summer.\n\nAfter school I took the exams myself.\n\nHB: What has changed?\n\nRita Moss: The ships are three times longer than they were.\n\nHB: Thank you.\n");
    assert_eq!(direct(&s), [pair("Rita Moss", "The bay never sleeps,")]);
    // The same exchange printed in marks: each turn is a quote by its label, the turn's
    // second paragraph too.
    let s = draft("Harbour hearing\n\nThe committee heard the director on Tuesday.\n\nSEN. ANN COLE: \"The budget doubled in two years. Why?\"\n\nDIRECTOR RUIZ: \"Dredging costs rose.\n\n\"We had no choice but to rebuild the north wall.\"\n\nSEN. ANN COLE: \"Did you ask for bids?\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ann Cole", "The budget doubled in two years. Why?"),
            pair("Ruiz", "Dredging costs rose."),
            pair("Ruiz", "We had no choice but to rebuild the north wall."),
            pair("Ann Cole", "Did you ask for bids?"),
        ]
    );
}

#[test]
fn labelled_notes_in_prose_are_no_transcript() {
    let s = draft("Storm\n\nNote: times are local.\n\nThe storm reached the coast on Monday, officials said.\n\nUpdate: the road is open.\n\nResidents were told to stay inside.\n\nPhoto: the harbour at dawn.\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn a_gloss_in_brackets_inside_the_role_before_the_name() {
    let s = draft("Port dispute\n\nThe president of the NDU (National Dockers Union), Rosa Quint, said \"We will not unload a single ship.\"\n\nThe chair of the PHA (Port Harbour Authority), Leon Abt, has called the strike \"reckless\" and \"illegal\".\n");
    assert_eq!(
        direct(&s),
        [
            pair("Rosa Quint", "We will not unload a single ship."),
            pair("Leon Abt", "reckless"),
            pair("Leon Abt", "illegal"),
        ]
    );
}

#[test]
fn a_term_qualifying_a_noun_after_a_verb_that_names_it() {
    let s = draft("Mayor hits back\n\nMayor Dana Holt said she would answer what she termed an \"orchestrated\" campaign of \"smears and half-truths\" against her office.\n\nThe council launched a \"Clean Streets\" campaign of weekend sweeps.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Dana Holt", "orchestrated"),
            pair("Dana Holt", "smears and half-truths"),
        ]
    );
}

#[test]
fn the_company_or_the_association_is_the_organisation_the_article_was_about() {
    let s = draft("Chain says sorry\n\nFresh Crust Tel Aviv posted a cartoon on its page on Monday mocking the strikers. The company added the caption: \"Maybe try our crust instead?\"\n\nThe post was removed the next day, and the company apologised for \"any hurt the post caused\".\n\nWhile the strike went on, the National Bakers Federation said nothing for a week about the cartoon and the chain.\n\nIn what the bakers association calls \"a national insult,\" the cartoon showed a striker eating bread.\n");
    let d = direct(&s);
    assert_eq!(
        d[0],
        pair("Fresh Crust Tel Aviv", "Maybe try our crust instead?")
    );
    assert_eq!(
        d[1],
        pair("Fresh Crust Tel Aviv", "any hurt the post caused")
    );
    assert!(d[2].0.contains("National Bakers Federation"), "{d:?}");
    assert_eq!(d[2].1, "a national insult,");
    // A noun of its own sort, not any organisation: "the military" is no company.
    let s = draft("Drills\n\nThe Unity Party has called the drills what it terms a \"defensive exercise,\" which the military describes as \"routine.\"\n");
    let d = direct(&s);
    assert_eq!(d[0].0, "Unity Party");
    assert!(d[1].0.contains("military"), "{d:?}");
}

#[test]
fn a_religious_title_before_a_surname_is_the_person_named_in_full() {
    let s = draft("Funding row\n\nCity councillors asked Archbishop Paul Okafor not to cut the grants.\n\nArchbishop Okafor is quoted by a local radio station: \"The grants were never a reward for politics.\"\n");
    let d = direct(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0 == "Okafor" || d[0].0 == "Paul Okafor", "{d:?}");
}

#[test]
fn a_surname_two_people_share_is_the_one_named_last() {
    let s = draft("Inquiry\n\nThe police detained retired colonel Omar Demir on Tuesday.\n\nIn a statement, Justice Minister Selim Demir asserted that the inquiry is lawful. \"The arrests are a matter for the courts,\" said Demir.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Selim Demir",
            "The arrests are a matter for the courts,"
        )]
    );
}

#[test]
fn a_name_set_off_by_commas_then_said_is_no_tag_turned_round() {
    let s = draft("Crash\n\nAt a press conference, the state governor, Ella Marsh, said the Metro engine was \"barely recognizable\" and described it as \"a horrible thing to see\".\n\nMoreover, added the governor, the line \"will stay closed for a week.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ella Marsh", "barely recognizable"),
            pair("Ella Marsh", "a horrible thing to see"),
            pair("Ella Marsh", "will stay closed for a week."),
        ]
    );
}

#[test]
fn two_parties_joined_by_and_each_decline() {
    assert_declinings(
        "Court\n\nMr. Sok Vanna and judge Chan Dara cannot be reached for comment.\n",
        &[("Sok Vanna", "no-response"), ("Chan Dara", "no-response")],
    );
}

#[test]
fn they_after_a_sentence_about_a_group_of_people_is_the_group() {
    let s = draft("Charged\n\nThe court charged four activists on Monday.\n\nThe four men have been criticizing the government for years. They cannot be reached for comment.\n");
    let d = declinings(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("four men"), "{d:?}");
}

#[test]
fn silence_on_the_matter_is_a_declining() {
    assert_declinings(
        "Quiet\n\nThe Chinese government has been mostly silent on the incident.\n\nThe ministry remained largely silent about the report.\n",
        &[("Chinese government", "declined"), ("ministry", "declined")],
    );
    let s = draft("March\n\nThe protesters were silent during the march.\n");
    assert!(declinings(&s).is_empty(), "{:?}", declinings(&s));
}

#[test]
fn a_statement_or_report_calling_something_by_a_term_is_the_subjects() {
    let s = draft("Visas\n\nOn Thursday, the foreign ministry issued a statement calling the new visa rules “unfair”.\n\nRiver Watch has angered the government before, reporting on a “sand mafia” close to the governor.\n");
    assert_eq!(
        direct(&s),
        [
            pair("foreign ministry", "unfair"),
            pair("River Watch", "sand mafia"),
        ]
    );
}

#[test]
fn the_noun_that_described_someone_named_is_that_one() {
    let s = draft("Cartoon\n\nIn the strip, a cat character named \"Milo\" finds an empty tin. The cat states that \"every tin holds a secret.\"\n\nA 12-year-old boy named Omar Haddad found the phone. \"It was still ringing,\" the boy said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Milo", "every tin holds a secret."),
            pair("Omar Haddad", "It was still ringing,"),
        ]
    );
}

#[test]
fn a_relative_described_by_a_possessive_speaks() {
    let s = draft("Bid\n\nThe singer Ray Monde announced his bid on Tuesday. His younger brother also said that the campaign was \"very serious.\"\n");
    let d = direct(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("brother"), "{d:?}");
    assert_eq!(d[0].1, "very serious.");
}

#[test]
fn the_grounds_a_court_gives_are_its_words() {
    let s = draft("Sentence\n\nThe trader Li Wen was sentenced to life on Friday. The court justified the \"double sentence\" on the grounds \"the sums involved are unusually large\".\n");
    let d = direct(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].0.contains("court"), "{d:?}");
    assert_eq!(d[0].1, "the sums involved are unusually large");
}

#[test]
fn he_or_she_agrees_with_the_gender_the_article_gave() {
    let s = draft("Flood\n\nAna Ruiz said she was tired after the flood.\n\nThen Mr. Tom Reed arrived with the boats. \"We talked for hours,\" she said.\n");
    assert_eq!(direct(&s), [pair("Ana Ruiz", "We talked for hours,")]);
    // A person whose gender the article does not give is still the one "he" means.
    let s = draft("Talks\n\nKim Sun said he would talk.\n\nAnalyst Lee Park spoke next. He said the offer was weak.\n\n\"It is nothing new,\" he said.\n");
    assert_eq!(direct(&s), [pair("Lee Park", "It is nothing new,")]);
}

#[test]
fn they_after_a_group_the_sentence_before_cites_is_the_group() {
    let s = draft("Antitrust\n\nAccording to Acme executives, their company has paid a high price for its dealings. They claim that Globex has \"beaten them into dust\" in retaliation.\n");
    assert_eq!(
        direct(&s),
        [pair("Acme executives", "beaten them into dust")]
    );
    // "claim" as a noun quotes no one.
    let s = draft("Suit\n\nLawyers for the family filed a claim \"for damages\" on Monday.\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn it_after_a_subject_described_with_a_compound_is_that_subject() {
    let s = draft("Bureau closed\n\nRadio Free Asia stopped its broadcasts in the country last year. The U.S.-funded broadcaster closed its bureau in September amid what it called a “relentless crackdown” on the media.\n");
    assert_eq!(
        direct(&s),
        [pair("Radio Free Asia", "relentless crackdown")]
    );
    // The noun the compound describes, when the sentence before named the broadcaster
    // only in passing.
    let s = draft("Reporters held\n\nPHNOM PENH — Two former Radio Free Asia reporters were detained on Tuesday.\n\nThe U.S.-funded broadcaster closed its bureau in September amid what it called a “relentless crackdown” on the media.\n");
    assert_eq!(
        direct(&s),
        [pair("Radio Free Asia", "relentless crackdown")]
    );
}

#[test]
fn unnamed_officials_speak_for_the_organisation_just_named() {
    let speaks_for = |article: &str| {
        let s = draft(article);
        let q = list(&s, "quotes")[0];
        let e = entity(&s, get(q, "by"));
        let boss = get(e, "speaks_for").to_string();
        (get(e, "name").to_string(), boss)
    };
    assert_eq!(
        speaks_for("Visas\n\nThe Interior Ministry rejected the claim on Monday.\n\n\"We will accept them,\" officials said.\n"),
        ("officials".to_string(), "interior-ministry".to_string())
    );
    assert_eq!(
        speaks_for("Visas\n\nThe Interior Ministry rejected the claim.\n\n\"We will accept them,\" a ministry official said.\n"),
        ("ministry official".to_string(), "interior-ministry".to_string())
    );
    // With no organisation named, they speak for no one.
    assert_eq!(
        speaks_for("Visas\n\nThe weather was bad.\n\n\"We will accept them,\" officials said.\n"),
        ("officials".to_string(), String::new())
    );
}

#[test]
fn a_document_cited_by_according_to_speaks_for_its_author() {
    let s = draft("Visit\n\n\"It was a success,\" according to a statement from the Foreign Ministry.\n\nAccording to a letter by Ana Ruiz, the visit was \"a turning point.\"\n\nThe Trade Ministry, in a statement, called the visit \"overdue.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Foreign Ministry", "It was a success,"),
            pair("Ana Ruiz", "a turning point."),
            pair("Trade Ministry", "overdue."),
        ]
    );
}

#[test]
fn a_speaker_described_with_a_relative_clause_before_the_verb() {
    let s = draft("Flood\n\n\"We are afraid,\" a resident who asked not to be named told VOA Khmer.\n\n\"The water is still rising,\" a teacher who spoke on condition of anonymity said on Monday.\n");
    assert_eq!(
        direct(&s),
        [
            pair("resident", "We are afraid,"),
            pair("teacher", "The water is still rising,"),
        ]
    );
}

#[test]
fn a_relative_named_by_first_name_after_the_role() {
    let s = draft("Fire\n\nHer husband, Tom, said: \"We lost everything.\"\n\n\"The roof went first,\" said Ana Cole’s son, Ben.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Tom", "We lost everything."),
            pair("Ben", "The roof went first,"),
        ]
    );
    assert_eq!(get(entity(&s, "tom"), "kind"), "person");
    assert_eq!(get(entity(&s, "tom"), "role"), "husband");
}

#[test]
fn a_quoted_phrase_of_three_words_or_more_in_lower_case_is_speech() {
    let s = draft("Asylum forms\n\nThe Home Office sent a new form to applicants.\n\nThe document, which runs to 20 pages, \"must be completed in English\", the ministry recommending \"online translation tools\" if needed.\n\nThe plan is a \"route out\" of the backlog, as the film \"The Long Walk Home\" showed.\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        ["must be completed in English", "online translation tools"]
    );
}

#[test]
fn a_subject_described_then_named_is_the_one_named() {
    let s = draft("Stolen print\n\nBOSTON — A Boston museum is seeking the return, \"no questions asked,\" of a stolen print. Last week, Harbor Point Museum found that the print was missing.\n");
    assert_eq!(
        direct(&s),
        [pair("Harbor Point Museum", "no questions asked,")]
    );
    assert_eq!(
        get(entity(&s, "harbor-point-museum"), "description"),
        "Boston museum"
    );
    // Two of that sort named later: the described one keeps its description as its name.
    let s = draft("Stolen print\n\nA Boston museum is seeking the return, \"no questions asked,\" of a stolen print. Harbor Point Museum and Bay Museum both lend prints.\n");
    assert_eq!(direct(&s), [pair("Boston museum", "no questions asked,")]);
}

#[test]
fn told_by_in_the_passive_gives_the_one_after_by() {
    let s = draft("Vote\n\n\"The vote is lost,\" Ruiz was told by Tom Reed on Monday.\n");
    assert_eq!(direct(&s), [pair("Tom Reed", "The vote is lost,")]);
}

#[test]
fn an_acronym_of_the_name_in_its_own_language_after_a_comma_in_brackets() {
    let s = draft("Land\n\nThe plan was denounced by the Movement for Rural Justice and Land (Movimiento por la Justicia Rural, MOJURAL) on Monday.\n\nIn a press release, the MOJURAL said that \"the plan is a theft.\"\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Movement for Rural Justice and Land",
            "the plan is a theft."
        )]
    );
}

#[test]
fn a_participle_naming_a_term_with_no_subject_of_its_own_has_the_sentences() {
    let s = draft("Deputy\n\nLuis Mora spoke on Monday. He also said that when calling his rivals \"cowards\" (cobardes), he \"did not mean it as an insult.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Luis Mora", "cowards"),
            pair("Luis Mora", "did not mean it as an insult."),
        ]
    );
}

#[test]
fn messages_and_calls_that_went_unanswered_and_the_company_that_did_not_respond() {
    assert_declinings(
        "Layoffs\n\nAcme Corp. fired 200 workers. Messages left with Acme were not returned.\n\nCalls to the Labor Ministry went unanswered on Monday.\n\nGlobex Inc. closed two plants. The company did not respond to requests for comment.\n",
        &[
            ("Acme", "no-response"),
            ("Labor Ministry", "no-response"),
            ("Globex", "no-response"),
        ],
    );
    let s = draft("Storm\n\nCalls to the ministry rose sharply after the storm.\n");
    assert!(declinings(&s).is_empty(), "{:?}", declinings(&s));
}

#[test]
fn the_one_spoken_to_is_not_the_one_he_means_next() {
    let s = draft(
        "Vote\n\nTom Reed spoke with Ana Ruiz on Monday.\n\n\"The vote is lost,\" he told her.\n",
    );
    assert_eq!(direct(&s), [pair("Tom Reed", "The vote is lost,")]);
    // Named again as a subject, the one spoken to is the one meant.
    let s = draft("Vote\n\nAna Ruiz asked Tom Reed about the vote. Reed was calm.\n\n\"Nothing is lost,\" he said.\n");
    assert_eq!(direct(&s), [pair("Tom Reed", "Nothing is lost,")]);
}

#[test]
fn a_title_set_off_after_the_work_it_names_is_no_quote() {
    let s = draft("Sand\n\nThe report, “Shifting Sand,” says Singapore is buying more sand than ever.\n\nHer group, she said, will go on. “We will not stop,” said Ana Ruiz, the campaign's head.\n");
    assert_eq!(direct(&s), [pair("Ana Ruiz", "We will not stop,")]);
}

#[test]
fn a_byline_names_the_reporter_not_a_speaker() {
    for byline in ["Dara Sok, VOA Khmer", "By Dara Sok"] {
        let s = draft(&format!(
            "Sand exports\n\n{byline}\n\n“There is no evidence of any safeguards.”\n"
        ));
        assert_eq!(
            direct(&s),
            [pair(
                "Unattributed",
                "There is no evidence of any safeguards."
            )],
            "{byline}"
        );
    }
    // A dateline is no byline: the person named after it still speaks.
    let s = draft(
        "Flood\n\nPhnom Penh, Cambodia\n\nDara Sok spoke on Monday.\n\n\"We lost everything.\"\n",
    );
    assert_eq!(direct(&s), [pair("Dara Sok", "We lost everything.")]);
}

#[test]
fn guillemets_are_quotation_marks() {
    let s = draft("Storm hits coast\n\n«We lost everything,» Maria Lopez said. « The water came fast, » she said, «and the boat went with it.»\n\nTom Reed, the mayor, said: «We will rebuild.»\n");
    assert_eq!(
        direct(&s),
        [
            pair("Maria Lopez", "We lost everything,"),
            pair("Maria Lopez", "The water came fast,"),
            pair("Maria Lopez", "and the boat went with it."),
            pair("Tom Reed", "We will rebuild."),
        ]
    );
}

#[test]
fn low_opening_marks_are_quotation_marks() {
    // German typing („…“, ‚…‘), and „…” with an English closing mark.
    let s = draft("Storm hits coast\n\n„We lost everything,“ Maria Lopez said.\n\nTom Reed said: „We will rebuild.”\n\n‚The sea wall was too low,‘ Ana Diaz said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Maria Lopez", "We lost everything,"),
            pair("Tom Reed", "We will rebuild."),
            pair("Ana Diaz", "The sea wall was too low,"),
        ]
    );
}

#[test]
fn a_title_written_before_a_name_is_not_part_of_it() {
    let s = draft("Storm visit\n\nFEMA Administrator Deanne Criswell visited Lake Charles on Monday with the mayor.\n\n“We will stay as long as it takes,” said Administrator Criswell.\n\nSpokesman Tom Reed said: “The shelters are open.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Deanne Criswell", "We will stay as long as it takes,"),
            pair("Tom Reed", "The shelters are open."),
        ]
    );
    assert!(get(entity(&s, "tom-reed"), "role").eq_ignore_ascii_case("spokesman"));
}

#[test]
fn refraining_from_comment_and_not_stating_a_reason_are_declinings() {
    let s = draft("Arrest\n\nThe State Department said it was aware of the arrest but refrained from further comment, citing privacy.\n\nThe editor said Somali officials have not publicly stated any reason for the arrest.\n");
    let d: Vec<(String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "declined")
        .map(|(n, _, t)| (n, t))
        .collect();
    assert_eq!(
        d,
        [
            pair("State Department", "refrained from further comment"),
            pair(
                "Somali officials",
                "have not publicly stated any reason for the arrest"
            ),
        ]
    );
}

#[test]
fn the_speaker_is_the_one_a_relative_clause_before_the_verb_is_about() {
    let s = draft("Bomber\n\nThe bomber posted often online.\n\nEvan Kohlmann, who tracks jihadi Web sites for NBC News said, \"He was an administrator on the forum.\"\n\nAFP spoke to Terence Fan, an air industry expert from Singapore Management University, who said \"It is a scenario we know.\"\n\nAfter winning the contest, 25-year-old Netta, who performed a dance, chicken noises, and songs, said, \"Thank you.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Evan Kohlmann", "He was an administrator on the forum."),
            pair("Terence Fan", "It is a scenario we know."),
            pair("Netta", "Thank you."),
        ]
    );
}

#[test]
fn a_sentence_opened_by_following_or_early_is_not_named_by_it() {
    let s = draft("Verdict\n\nTwo men were jailed for life on Friday.\n\nFollowing the sentencing, Claire Aitchison, the victim's step-mother, said: \"We are happy that justice has been done.\"\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Claire Aitchison",
            "We are happy that justice has been done."
        )]
    );
}

#[test]
fn a_speaking_pronoun_is_the_subject_of_the_sentence_before() {
    let s = draft("Brady dies\n\n“We fought hard,” Sarah Brady said in 2011.\n\nFormer First Lady Nancy Reagan released a statement regarding the death of her “dear friend” Sarah Brady. She said “I will miss Sarah very much.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Sarah Brady", "We fought hard,"),
            pair("Nancy Reagan", "I will miss Sarah very much."),
        ]
    );
}

#[test]
fn encouraging_people_to_and_thinking_of_someone_as_attribute_words() {
    let s = draft("Tsunami\n\nA wave was expected in Hawaii on Saturday.\n\nThe civil defence spokesman for Oahu, John Cummings, encouraged people to \"get off the shoreline. We are closing all the beaches.\"\n\nUS citizen Susan Cohen, the mother of one of those killed, thought of the bomber as \"a mass murderer\".\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "John Cummings",
                "get off the shoreline. We are closing all the beaches."
            ),
            pair("Susan Cohen", "a mass murderer"),
        ]
    );
}

#[test]
fn a_subject_written_place_role_name_is_the_named_person() {
    let s = draft("Bomber buried\n\n\"He was a mass murderer,\" Susan Cohen said on Friday.\n\nHowever, UK citizen Jim Swire, father of another victim of the bombing, believes the bomber was not guilty. He described the death as \"a sad time\".\n\nZesa engineering manager Peter Nyandiya said the utility is looking into what he called a \"minor problem\" at the sub-station.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Susan Cohen", "He was a mass murderer,"),
            pair("Jim Swire", "a sad time"),
            pair("Peter Nyandiya", "minor problem"),
        ]
    );
}

#[test]
fn a_closing_mark_left_out_before_the_tag_or_typed_single() {
    let s = draft("Border program\n\nThe agency funded ten projects on Monday.\n\n“The new program will help our neighbors as well, said Regional Administrator Earthea Nance. “I would like to thank Mexican officials.”\n\nCharlie Bolden, NASA Administrator:\n“The roadmap demonstrates the value of exploration for all of us.’\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Earthea Nance",
                "The new program will help our neighbors as well,"
            ),
            pair("Earthea Nance", "I would like to thank Mexican officials."),
            pair(
                "Charlie Bolden",
                "The roadmap demonstrates the value of exploration for all of us."
            ),
        ]
    );
}

#[test]
fn a_closing_tag_with_an_appositive_after_a_quoted_phrase() {
    let s = draft("Visit\n\nHok Lundy arrived in Washington on Monday.\n\nHok Lundy is \"up to his neck\" in criminal activity, Brad Adams, the Asia director of Human Rights Watch, told VOA Wednesday.\n\n\"It is not even a subject of debate.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Brad Adams", "up to his neck"),
            pair("Brad Adams", "It is not even a subject of debate."),
        ]
    );
}

#[test]
fn a_surname_alone_is_first_the_whole_last_word_of_a_name() {
    let s = draft("Return\n\n\"I cry with joy,\" Nicolas Sarkozy said at the air base.\n\nShe was greeted by the First Lady, Carla Bruni-Sarkozy, who said \"Welcome home.\" Sarkozy said her return shows that \"there is hope.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Nicolas Sarkozy", "I cry with joy,"),
            pair("Carla Bruni-Sarkozy", "Welcome home."),
            pair("Nicolas Sarkozy", "there is hope."),
        ]
    );
}

#[test]
fn pleading_attributes_words() {
    let s = draft("Letter\n\nA letter reached Ottawa on Monday.\n\nIn it, Mohamed Kohail pleads with the prime minister to use \"every way possible to get me out.\"\n");
    assert_eq!(
        direct(&s),
        [pair("Mohamed Kohail", "every way possible to get me out.")]
    );
}

#[test]
fn not_elaborating_is_a_declining() {
    let s = draft("Advisers\n\n“Some help arrived,” Maria Lopez said. She did not elaborate on the final statement.\n");
    let d: Vec<(String, String, String)> =
        quotes(&s).into_iter().filter(|q| q.1 != "direct").collect();
    assert_eq!(
        d,
        [(
            "Maria Lopez".to_string(),
            "declined".to_string(),
            "did not elaborate on the final statement".to_string()
        )]
    );
}

#[test]
fn it_not_responding_after_but_is_the_organisation_the_clause_before_is_about() {
    let s = draft("Ambush\n\nIt’s unclear how many people have been killed. Last week the government confirmed that 51 soldiers died in the ambush, but it has not responded to requests for updated numbers.\n");
    assert_eq!(
        quotes(&s),
        [(
            "government".to_string(),
            "no-response".to_string(),
            "has not responded to requests for updated numbers".to_string()
        )]
    );
}

#[test]
fn an_acronym_of_first_letters_or_with_a_joining_word_is_the_long_name() {
    let s = draft("Plant\n\nOn August 3, plant operator Tokyo Electric Power Company (TEPCO) reported high levels of radiation.\n\nTEPCO only conceded that “partial meltdowns” had occurred.\n");
    assert_eq!(
        direct(&s),
        [pair("Tokyo Electric Power Company", "partial meltdowns")]
    );
    let s = draft("Letter\n\nThe Voice of America does not ban stories.\n\nWhile VOA cannot comment on personnel matters, the allegations are untrue.\n");
    assert_eq!(
        quotes(&s),
        [(
            "Voice of America".to_string(),
            "declined".to_string(),
            "cannot comment on personnel matters".to_string()
        )]
    );
}

#[test]
fn a_title_without_a_name_or_an_organisations_chief_is_the_person_named_with_it() {
    let s = draft("Tributes\n\nUK Prime Minister David Cameron said today \"he made sure that the party had a strong voice\". Ruth Davidson called him a friend.\n\nThe Prime Minister said he is \"deeply saddened\" by the news.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "David Cameron",
                "he made sure that the party had a strong voice"
            ),
            pair("David Cameron", "deeply saddened"),
        ]
    );
    let s = draft("Sudan\n\nU.N. Secretary-General Antonio Guterres called for a halt to fighting in Sudan on Thursday.\n\n“The cessation of hostilities must be followed by serious dialogue,” the U.N. chief said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Antonio Guterres",
            "The cessation of hostilities must be followed by serious dialogue,"
        )]
    );
}

#[test]
fn a_document_named_with_its_author_by_speaks_for_the_author() {
    let s = draft("Asylum\n\nA resolution passed by the European Parliament on Thursday asked for a common solution.\n\nThe resolution also stated that the authorities \"routinely detain, torture and execute persons\".\n\nBush read a statement of joint understanding by Prime Minister Ehud Olmert and President Mahmoud Abbas. Regarding the immediate future, the joint statement said: \"The leaders will continue to meet.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "European Parliament",
                "routinely detain, torture and execute persons"
            ),
            pair("Ehud Olmert", "The leaders will continue to meet."),
        ]
    );
}

#[test]
fn an_office_before_a_surname_is_their_role_not_their_name() {
    let s = draft("Car thefts\n\n\"New York is the only state that restricts access,\" Congresswoman Malliotakis said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Malliotakis",
            "New York is the only state that restricts access,"
        )]
    );
    assert_eq!(get(entity(&s, "malliotakis"), "role"), "congresswoman");
}

#[test]
fn a_tag_turned_round_opening_a_sentence_keeps_its_verb_out_of_the_name() {
    let s = draft("Communities\n\nAdded Davis: This will let people give to the community.\n\n“Look at the cost of not doing it,” Davis said.\n");
    assert_eq!(
        direct(&s),
        [pair("Davis", "Look at the cost of not doing it,")]
    );
}

#[test]
fn a_dateline_opening_the_article_names_no_one() {
    let s = draft("Nobody’s Puppet\n\nPhnom Penh, Cambodia — Cambodian Prime Minister Hun Sen answers his critics by saying he has never been a “puppet” of Hanoi.\n");
    // (The title before the name is still drafted with it.)
    assert_eq!(
        direct(&s),
        [pair("Cambodian Prime Minister Hun Sen", "puppet")]
    );
}

#[test]
fn refusing_to_explain_giving_no_explanation_and_failing_to_answer_are_declinings() {
    let s = draft("Searches\n\nThe FBI refused to explain why the searches tripled.\n\nSecretary Tom Vilsack did not authorize the waiver and gave no explanation.\n\nAdministrator Isabella Guzman failed to answer his question on taxes.\n");
    let d: Vec<(String, String, String)> =
        quotes(&s).into_iter().filter(|q| q.1 != "direct").collect();
    assert_eq!(
        d,
        [
            (
                "FBI".to_string(),
                "declined".to_string(),
                "refused to explain why the searches tripled".to_string()
            ),
            (
                "Tom Vilsack".to_string(),
                "declined".to_string(),
                "gave no explanation".to_string()
            ),
            (
                "Isabella Guzman".to_string(),
                "no-response".to_string(),
                "failed to answer his question on taxes".to_string()
            )
        ]
    );
}

#[test]
fn contacting_someone_who_never_answered_is_their_no_response() {
    let s = draft("Accreditation\n\nVOA tried calling Mr. Charamba several times Friday, but our calls were not picked up.\n\nWikinews has contacted the Westboro Baptist Church for a statement, but as of this report, no response has been received.\n");
    let d: Vec<(String, String, String)> =
        quotes(&s).into_iter().filter(|q| q.1 != "direct").collect();
    assert_eq!(
        d,
        [
            (
                "Charamba".to_string(),
                "no-response".to_string(),
                "were not picked up".to_string()
            ),
            (
                "Westboro Baptist Church".to_string(),
                "no-response".to_string(),
                "no response has been received".to_string()
            )
        ]
    );
}

#[test]
fn a_refusal_a_speaker_reports_in_their_quotation_is_the_named_partys_declining() {
    let s = draft("Oversight\n\n“Congress is asking questions. Joe Biden has refused to answer those questions – and I think it’s because he has no idea,” said Rep. James Comer. “We asked, and they declined to comment.”\n");
    let d: Vec<(String, String, String)> =
        quotes(&s).into_iter().filter(|q| q.1 != "direct").collect();
    assert_eq!(
        d,
        [(
            "Joe Biden".to_string(),
            "declined".to_string(),
            "refused to answer those questions – and I think it’s because he has no idea"
                .to_string()
        )]
    );
}

#[test]
fn a_role_then_a_name_whose_closing_comma_is_left_out() {
    let s = draft("Phosphorus\n\nAfghanistan's president, Hamid Karzai criticized the attack, saying the U.S. is losing the \"moral\" battle.\n");
    assert_eq!(direct(&s), [pair("Hamid Karzai", "moral")]);
}

#[test]
fn a_role_in_lower_case_is_the_person_last_named_with_it() {
    let s = draft("Puppet\n\nCambodian Prime Minister Hun Sen spoke to a filmmaker.\n\n“A number of people claim I am a puppet,” Hun Sen said.\n\n“Cambodia needs independence,” the prime minister said.\n");
    let d = direct(&s);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0].0, d[1].0, "{d:?}");
}

#[test]
fn a_place_named_before_he_said_is_not_who_said_it() {
    // A city, a province before its noun, a `-based` group and a name after "in": none is
    // the "he" or "she" of the next quotation.
    let s = draft("Harvest\n\nSarin Chea, 39, a farmer, spoke to reporters in her village.\n\nShe sells cassava to traders from Kampong Chhnang province and the garment factories surrounding Phnom Penh.\n\n“Prices fell this year,” she said.\n\nAm Sam Ath works at the Phnom Penh-based group Licadho.\n\nHe spoke about the land disputes in Prek Chrey.\n\n“Land disputes cost votes,” he said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Sarin Chea", "Prices fell this year,"),
            pair("Am Sam Ath", "Land disputes cost votes,")
        ]
    );
}

#[test]
fn not_disclosing_in_news_style_is_a_declining() {
    let s = draft("Talks\n\nThe Saudi Foreign Minister Saud al Faisal said that talks had begun, but he did not say whether a ransom would be paid.\n\nPIA denied the claims, but did not clarify what had happened.\n\nBoeing would not disclose the price.\n\nVela International Marine would only say it is working toward the crew's return.\n\nAnn Cole, a farmer, said she preferred not to discuss her vote.\n\nWhile refusing to comment directly on the policy, David Petraeus said he had seen no problems.\n\nIt is not clear whether the talks will resume.\n");
    let d: Vec<(String, String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| matches!(q.1.as_str(), "declined" | "no-response"))
        .collect();
    let declined =
        |who: &str, text: &str| (who.to_string(), "declined".to_string(), text.to_string());
    assert_eq!(
        d,
        [
            declined(
                "Saud al Faisal",
                "did not say whether a ransom would be paid"
            ),
            declined("PIA", "did not clarify what had happened"),
            declined("Boeing", "would not disclose the price"),
            declined(
                "Vela International Marine",
                "would only say it is working toward the crew's return"
            ),
            declined("Ann Cole", "preferred not to discuss her vote"),
            declined(
                "David Petraeus",
                "refusing to comment directly on the policy"
            ),
        ]
    );
}

#[test]
fn contacting_someone_and_awaiting_their_answer_is_their_no_response() {
    let s = draft("Data\n\nVOA attempted to contact the Ministry of Planning about the figures but did not get a response.\n\nWikinews has contacted the Metropolitan Police for a statement and is awaiting a response.\n");
    let d: Vec<(String, String, String)> =
        quotes(&s).into_iter().filter(|q| q.1 != "direct").collect();
    assert_eq!(
        d,
        [
            (
                "Ministry of Planning".to_string(),
                "no-response".to_string(),
                "did not get a response".to_string()
            ),
            (
                "Metropolitan Police".to_string(),
                "no-response".to_string(),
                "is awaiting a response".to_string()
            )
        ]
    );
}

#[test]
fn a_role_after_a_place_or_nationality_is_the_person_last_named_with_it() {
    let s = draft("Bill\n\nCongresswoman Frederica Wilson met survivors of gun violence on Monday.\n\nJames Cole, a resident, spoke first.\n\n“Stay tuned,” the Florida lawmaker said.\n\nChinese Premier Wen Jiabao visited Delhi.\n\nSomali officials were not there.\n\n“India and China are partners,” the Chinese Premier said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Frederica Wilson", "Stay tuned,"),
            pair("Wen Jiabao", "India and China are partners,")
        ]
    );
}

#[test]
fn a_name_with_an_acronym_is_no_person_a_pronoun_means() {
    // `VOA Khmer`: a service of an outlet, not the "she" of the next quotation.
    let s = draft("Vote\n\nSarin Chea, a farmer, said she was afraid.\n\nThe interview was broadcast by VOA Khmer on Monday.\n\n“I feel afraid of not going to vote,” she added.\n");
    assert_eq!(
        direct(&s),
        [pair("Sarin Chea", "I feel afraid of not going to vote,")]
    );
}

#[test]
fn a_report_named_with_its_author_speaks_for_the_author() {
    // `A European Union report`: "the report says" later is the Union's words, never a
    // party named `report`.
    let s = draft("Annexation\n\nA classified European Union report says Israel is pursuing the annexation of east Jerusalem.\n\nA spokesman, Yigal Palmor, called it dishonest.\n\n“The policies undermine prospects for peace,” the report said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "European Union",
            "The policies undermine prospects for peace,"
        )]
    );
}

#[test]
fn a_report_an_author_said_something_in_speaks_for_the_author() {
    // `Unicef said in a 2017 report`: "said the report" later is Unicef's.
    let s = draft("Migrants\n\nResearch on migrant families has only just begun, Unicef said in a 2017 report on the issue.\n\nHas Nang, a mother, moved to Thailand.\n\n“Most of the grandparents suffered from health problems,” said the report.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Unicef",
            "Most of the grandparents suffered from health problems,"
        )]
    );
}

#[test]
fn a_name_after_the_is_no_person_a_pronoun_means() {
    // `the Indian Penal Code`, `Director of National Intelligence`: a thing's or an office's
    // name, not the "she" of the next quotation.
    let s = draft("Appeal\n\nAnna Berg, a lawyer, said she would appeal.\n\nThe charge falls under the Indian Penal Code.\n\n“We will fight this,” she said.\n\nTom Reed, a Director of National Intelligence, disagreed.\n\nMary Cole, a judge, spoke next.\n\nThe report went to the Office of Criminal Records.\n\n“It is closed,” she said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Anna Berg", "We will fight this,"),
            pair("Mary Cole", "It is closed,")
        ]
    );
}

#[test]
fn a_name_set_off_after_the_quotation_speaks_not_the_description_after_it() {
    // `“…,” Shelly Lynch, California Desert District Manager said.`: the name right after
    // the quotation speaks, not the capitalised description before the verb.
    let s = draft("New manager\n\n“We are thrilled to have Matt lead the office,” Shelly Lynch, California Desert District Manager said.\n\n“We lose too many lives,” Max Markham, Policy & Legal Director at March For Our Lives said.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Shelly Lynch",
                "We are thrilled to have Matt lead the office,"
            ),
            pair("Max Markham", "We lose too many lives,")
        ]
    );
}

#[test]
fn the_statement_is_the_words_of_whoever_gave_it_out_or_the_organisation_just_named() {
    // `X released a statement …. “…,” the statement said.`: X's words; with no owner
    // named, the organisation named in the sentences just before gave it.
    let s = draft("Deal\n\nPrime Minister Gordon Brown released a statement calling the deal a triumph.\n\nKofi Annan, a mediator, praised both men.\n\n“Common sense has prevailed,” the statement said.\n");
    assert_eq!(
        direct(&s),
        [pair("Gordon Brown", "Common sense has prevailed,")]
    );
    let s = draft("Games\n\nThe Interior Ministry confirmed yesterday that the police will enforce the law.\n\nThe statement said “law enforcement agencies can have no qualms” with visitors.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Interior Ministry",
            "law enforcement agencies can have no qualms"
        )]
    );
}

#[test]
fn an_occupation_written_as_a_title_before_a_surname_is_the_person_named_before() {
    // `Corporal Smith said` after `Army Ranger Cory Smith`, `Author Strangio` after
    // `Sebastian Strangio`: the person already named, the occupation no part of the name.
    let s = draft("Run home\n\nCory Smith, an Army Ranger, is running home from Georgia.\n\n“This run is about the struggle veterans face,” Corporal Smith said.\n\nThe journalist Sebastian Strangio has written about the country.\n\n“It is a state in transition,” Author Strangio said.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Cory Smith",
                "This run is about the struggle veterans face,"
            ),
            pair("Sebastian Strangio", "It is a state in transition,")
        ]
    );
}

#[test]
fn a_person_described_not_named_is_the_person_last_named_whom_the_word_fits() {
    // `said the 29-year-old`, `the father said`: no one was named with that role; the
    // person just named speaks (of the word's gender when it has one).
    let s = draft("Quarry\n\nDuring a lunch break, Korng Kungkea said he is happy to earn $300 a month.\n\n“It is good to have companies like this near us,” said the 29-year-old.\n\nLouise Turpin and her husband David Turpin were sentenced on Friday.\n\nThe father said “I love my children.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Korng Kungkea",
                "It is good to have companies like this near us,"
            ),
            pair("David Turpin", "I love my children.")
        ]
    );
}

#[test]
fn a_transcript_line_in_quotation_marks_is_the_words_between_them() {
    // `Congressman Higgins: “…”`: the words without the marks; a paragraph introducing
    // the lines after it (`Key excerpts …:`) is nobody's words.
    let s = draft("Hearing\n\nKey excerpts from the opening statement:\n\nCongressman Higgins: “These funds are a year late.”\n\nAdministrator Criswell: “My team will keep working with you.”\n\nKey excerpts from the exchange:\n\nCongressman Higgins: “Can you explain the wait?”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Higgins", "These funds are a year late."),
            pair("Criswell", "My team will keep working with you."),
            pair("Higgins", "Can you explain the wait?")
        ]
    );
}

#[test]
fn a_word_capitalised_only_because_it_opens_the_sentence_is_no_part_of_a_name() {
    // `Afterwards John Smith flew home`, `Eventually Ann Cole visited …`: the adverb that
    // opens the sentence is nobody's name; "he said" is the person named after it. A word
    // the article capitalises mid-sentence (`Manning`) is a name wherever it stands.
    let s = draft("Flood\n\nAfterwards John Smith flew home from the coast.\n\n“The water came in overnight,” he said.\n\nEventually Ann Cole visited the shelter.\n\n“We need more beds,” she said.\n\nCaptain Ed Manning led the rescue.\n\nManning Brown, his deputy, arrived later.\n\n“We pulled out twelve people,” he said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("John Smith", "The water came in overnight,"),
            pair("Ann Cole", "We need more beds,"),
            pair("Manning Brown", "We pulled out twelve people,")
        ]
    );
    let names: Vec<&str> = list(&s, "parties")
        .into_iter()
        .map(|e| get(e, "name"))
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with("Afterwards") && !n.starts_with("Eventually")),
        "{names:?}"
    );
}

#[test]
fn declinings_not_yet_given_still_not_done_and_not_provided() {
    // `is yet to respond`, `has still not responded`, `would not provide a written
    // response`, `has not provided additional information`, `for reasons … have not
    // explained.` (not `has not explained the rules to …`: something explained to someone).
    assert_declinings(
        "Water\n\nThe Tarnow Water Authority is yet to respond to questions from this newspaper.\n\nThe Port Commission has still not responded to the council's letter.\n\nVelmar Bank said it would not provide a written response.\n\nThe Drava County Council has not provided additional information about the closures.\n\nThe lake stays closed for reasons the Parks Department has not explained.\n\nThe coach Anna Berg has not explained the rules to the new players yet.\n",
        &[
            ("Tarnow Water Authority", "no-response"),
            ("Port Commission", "no-response"),
            ("Velmar Bank", "declined"),
            ("Drava County Council", "declined"),
            ("Parks Department", "declined"),
        ],
    );
}

#[test]
fn a_statement_given_without_elaborating_is_its_speakers_declining() {
    assert_declinings(
        "Mine\n\nThe Kessel mine will close in March, Governor Lisa Okafor said on Tuesday, without elaborating.\n",
        &[("Lisa Okafor", "declined")],
    );
}

#[test]
fn awaiting_responses_from_two_and_the_one_asked_who_declined() {
    // `awaiting responses from both X and the Y`: each of the two; `Reporters asked X …,
    // but he declined`: the one asked, not the person the sentence before was about.
    assert_declinings(
        "Ferry\n\nThe Daily Ledger is awaiting responses from both the Harbour Police and the Maritime Safety Agency.\n\nPiet Jansen, the ferry's owner, resigned on Friday. Reporters asked Mayor Tomas Brandt about the resignation on Monday, but he declined to comment.\n",
        &[
            ("Harbour Police", "no-response"),
            ("Maritime Safety Agency", "no-response"),
            ("Tomas Brandt", "declined"),
        ],
    );
}

#[test]
fn a_declining_by_an_organisations_press_office_is_the_organisations() {
    assert_declinings(
        "Crash\n\nThe Transport Safety Board said it would investigate. Reporters approached the TSB about its decision, but the board's press office did not respond.\n",
        &[("Transport Safety Board", "no-response")],
    );
}

#[test]
fn a_name_or_term_the_article_gives_in_its_own_voice_is_no_quote() {
    // `was commonly called “…”`, `a square, dubbed “…”`, `the terms “…” and “…”`, even with
    // a speaker named in the sentence; `what she called “…”` stays her words.
    let s = draft("Flu\n\nThe 1918 outbreak was commonly called \"Spanish flu.\" Health minister Ana Ruiz said the name was unfair.\n\nProtesters gathered in a car park, dubbed \"Liberty Yard\", minister Ana Ruiz said.\n\nThe cabinet's bill, Ana Ruiz said, used the terms \"civil partner\" and \"joint household.\"\n\nAna Ruiz condemned what she called \"a cruel joke.\"\n");
    assert_eq!(direct(&s), [pair("Ana Ruiz", "a cruel joke.")]);
}

#[test]
fn declinings_to_speak_to_a_reporter_or_publicly_and_not_giving_up() {
    // `refused to talk to reporters`, `has not publicly responded`, `was not available to
    // comment`; `refused to give up power` is no refusal to speak.
    assert_declinings(
        "Port\n\nThe harbour master refused to talk to reporters after the hearing.\n\nThe Oslo Shipping Group has not publicly responded to the lawsuit.\n\nMayor Ines Dahl was not available to comment on Friday.\n\nRefusing to give up power, the old council met again.\n",
        &[
            ("harbour master", "declined"),
            ("Oslo Shipping Group", "no-response"),
            ("Ines Dahl", "no-response"),
        ],
    );
}

#[test]
fn a_message_sent_with_no_response_and_a_cause_not_named() {
    // `sent an email to X …, but received no response`, `reached out to X … and received
    // little to no response`; `have not named a cause` (as `have not identified`).
    assert_declinings(
        "Leak\n\nThe researchers sent an email to Norvik Media on May 2, and again on May 9, but received no response.\n\nStaff reached out to the Brenna Housing Office in June and received little to no response.\n\nFire officials have not named a cause for the blaze.\n",
        &[
            ("Norvik Media", "no-response"),
            ("Brenna Housing Office", "no-response"),
            ("Fire officials", "declined"),
        ],
    );
}

#[test]
fn names_withheld_in_the_passive_are_the_cited_partys_declining() {
    // `Officials said …; their identities were not provided`: the officials'; with no one
    // cited, no declining.
    assert_declinings(
        "Blast\n\nPolice officials said two people died; their identities were not provided.\n\nThe names of the other passengers were not released.\n",
        &[("officials", "declined")],
    );
}

#[test]
fn two_people_named_before_by_their_surnames_decline_each() {
    // `Okoro and Lindqvist … have not responded`, in a clause with no subject of its own:
    // the two people named before, each.
    assert_declinings(
        "Fund\n\nBoard members Ada Okoro and Nils Lindqvist signed the letter.\n\nOkoro and Lindqvist were each contacted but have not responded to inquiries.\n",
        &[("Okoro", "no-response"), ("Lindqvist", "no-response")],
    );
}

#[test]
fn a_person_of_an_organisation_speaks_for_it_not_the_organisation() {
    // `Lena Marsh of the Harbour Workers Union said`, `Anton Weiss from the conservative
    // Farmers Party commented`: the organisation stands between the name and the verb; the
    // person speaks, for the organisation.
    // A name after a lower-case "the" is an organisation's whatever its shape (`Bishop Rui
    // Santos of the Silver Chapter`).
    let s = draft("Vote\n\nLena Marsh of the Harbour Workers Union said, “The vote was a betrayal.”\n\nAnton Weiss from the conservative Farmers Party commented: “We will appeal.”\n\nBishop Rui Santos of the Silver Chapter said, “We pray for them.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Lena Marsh", "The vote was a betrayal."),
            pair("Anton Weiss", "We will appeal."),
            pair("Rui Santos", "We pray for them.")
        ]
    );
    assert_eq!(
        get(entity(&s, "lena-marsh"), "speaks_for"),
        "harbour-workers-union"
    );
    assert_eq!(
        get(entity(&s, "anton-weiss"), "speaks_for"),
        "farmers-party"
    );
}

#[test]
fn a_person_written_two_ways_has_the_other_way_as_an_alias() {
    // `Dr. Thomas Reyes` and `Dr. Tom Reyes` (a first name's short form), `Walter Pike
    // Henley` and `Walter Henley` (a middle name), `Senator Alma Voss` and `Senator Voss`
    // (the one full name with that surname): one person, the other form an alias.
    let s = draft("Harbour plan\n\nThe panel heard from Dr. Thomas Reyes, a marine biologist, and from Senator Alma Voss on Monday. Walter Pike Henley chaired it.\n\n“The bay is the lifeblood of the town,” said Dr. Tom Reyes.\n\n“We will fund the plan,” said Senator Voss.\n\n“It was a long day,” said Walter Henley.\n");
    let aliases = |id: &str| -> Vec<String> {
        list(entity(&s, id), "aliases")
            .into_iter()
            .map(|a| a.as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(aliases("tom-reyes"), ["Thomas Reyes"]);
    assert_eq!(aliases("walter-henley"), ["Walter Pike Henley"]);
    assert_eq!(aliases("voss"), ["Alma Voss"]);
    assert_eq!(direct(&s).len(), 3);
}

#[test]
fn a_description_whose_closing_comma_is_left_out_is_the_named_persons() {
    // `Nora Delgado Ruiz, leader of the Harbour Workers Union said`: the comma that should
    // close the description before the verb is missing; the person named before it speaks,
    // not the organisation the description ends with.
    let s = draft("Port vote\n\nNora Delgado Ruiz, leader of the Harbour Workers Union said, \"We stand with the crews.\"\n\nPaul Okafor, dean of the Coastal Law School called it \"a silly argument.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Nora Delgado Ruiz", "We stand with the crews."),
            pair("Paul Okafor", "a silly argument.")
        ]
    );
    assert_eq!(
        get(entity(&s, "nora-delgado-ruiz"), "description"),
        "leader of the Harbour Workers Union"
    );
}

#[test]
fn according_to_a_source_the_one_its_sentence_has_saying_it_speaks() {
    // `According to the Coast Ledger, Mara Quist claimed … “…”`, `Ivo Brandt called the plan
    // a “…,” according to the Daily Tide`: the outlet is where the article read it; the one
    // saying it speaks. With no one saying it (`the harbour was considered “unsafe”`, a
    // passive), the source does.
    let s = draft("Harbour\n\nAccording to the Coast Ledger, Mara Quist claimed the harbour would close \"within a week.\"\n\nIvo Brandt called the plan a \"reckless gamble,\" according to the Daily Tide.\n\nAccording to the Coast Ledger, the harbour was considered \"unsafe\" by inspectors.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Mara Quist", "within a week."),
            pair("Ivo Brandt", "reckless gamble,"),
            pair("Coast Ledger", "unsafe")
        ]
    );
}

#[test]
fn an_untagged_quotation_is_the_subject_of_its_own_sentence_not_the_speaker_before() {
    // `Tara Quinlan also reacted on Twitter, “…”`: no verb of speech, but the sentence's
    // subject, named before the quotation, is a person: the quotation is hers, not the
    // speaker before's, and the untagged paragraph after it continues her.
    let s = draft("Tribute\n\n“He was a giant,” said Nell Oduya.\n\nTara Quinlan also reacted on Twitter, “We lost a friend today.”\n\n“He taught me to play.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Nell Oduya", "He was a giant,"),
            pair("Tara Quinlan", "We lost a friend today."),
            pair("Tara Quinlan", "He taught me to play.")
        ]
    );
}

#[test]
fn a_short_note_between_a_statement_and_its_introduction_leaves_it_the_introducers() {
    // `Rep. X released the below statement …`, then `Remarks as prepared for delivery.`,
    // then the statement over paragraphs, each opening a mark: the note names no one, so the
    // statement is still the one the release introduced.
    let s = draft("Whitcomb Opening Statement at Ferry Safety Hearing\n\nWASHINGTON, D.C. - Today, Rep. Dana Whitcomb (OR-04), Chair of the Maritime Subcommittee, released the below statement during the subcommittee hearing on ferry safety.\n\nRemarks as prepared for delivery.\n\n“Good morning and welcome to today’s hearing.\n\n“Two ferries sank on the river last spring.\n\n“We owe the families answers.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Dana Whitcomb",
                "Good morning and welcome to today’s hearing."
            ),
            pair(
                "Dana Whitcomb",
                "Two ferries sank on the river last spring."
            ),
            pair("Dana Whitcomb", "We owe the families answers.")
        ]
    );
}

#[test]
fn a_request_with_no_reply_is_the_addressees_no_response() {
    // `has yet to receive a reply from X`: the one it is from; `a request … to X, a request
    // that has not received an official response`: the one asked; `Y sent a letter to X. She
    // has yet to receive a response`: the one written to in the sentence before.
    assert_declinings(
        "Roads\n\nThe senators renewed their appeal of March, which has yet to receive a reply from the Highways Agency.\n\nThe letter follows an earlier request from Mayor Ella Brandt to the Ferry Authority, a request that has not received an official response in six weeks.\n\nCouncillor Rosa Vidal sent a second letter to the Water Board on Monday. She has yet to receive a response to her questions.\n",
        &[
            ("Highways Agency", "no-response"),
            ("Ferry Authority", "no-response"),
            ("Water Board", "no-response"),
        ],
    );
}

#[test]
fn no_statement_issued_and_no_specific_information_released() {
    // `have not yet issued a statement`, `did not release any specific information`: the
    // party's declining.
    assert_declinings(
        "Clashes\n\nFighting broke out near the port on Sunday. Leaders of the Coastal Alliance have not yet issued a statement about the fighting.\n\nInvestigators asked Halvorsen Aero about the aircraft. Halvorsen Aero did not release any specific information about its history.\n",
        &[
            ("Coastal Alliance", "declined"),
            ("Halvorsen Aero", "declined"),
        ],
    );
}

#[test]
fn a_dateline_whose_dash_follows_the_place_with_no_space() {
    // `Salem— Oregon Senator …`: a dateline written with the dash against the place is a
    // dateline still, so the statement the sentence introduces is the senator's, not the
    // city's.
    let s = draft("Vance Statement on the Dam Closure\n\nSalem— Oregon U.S. Senator Ruth Vance, a member of the Energy Committee, issued a statement following the closure of the Detroit Dam:\n\n“The closure will cost farmers a season.\n\n“We will fight it.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ruth Vance", "The closure will cost farmers a season."),
            pair("Ruth Vance", "We will fight it.")
        ]
    );
}

#[test]
fn a_verb_of_speech_written_against_the_name_after_it() {
    // `…," saidCongresswoman Lund.`: a release's missing space leaves the verb and the name
    // in one word; the tag is the congresswoman's still.
    let s = draft("Lund Backs Ferry Funding\n\nToday Congresswoman Mira Lund and Mayor Tom Haldane announced new funding for the ferry.\n\n\"The ferry is a lifeline for the islands,\" said Mayor Haldane.\n\n\"This funding keeps the boats running through the winter,\" saidCongresswoman Lund.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Tom Haldane", "The ferry is a lifeline for the islands,"),
            pair(
                "Mira Lund",
                "This funding keeps the boats running through the winter,"
            )
        ]
    );
}

#[test]
fn the_lawmakers_of_a_letter_are_its_first_named_signer() {
    // `U.S. Senators A and B … led 20 members of Congress in a letter …`, then `wrote the
    // lawmakers`, `the Senators continued`: a letter's signers quoted as a group; the release
    // names its first signer first, and the letter's words are drafted as that signer's.
    let s = draft("Vance, Okafor Lead Colleagues in Pressing FAA on Airport Noise\n\nWASHINGTON – U.S. Senators Ruth Vance (D-OR) and Daniel Okafor (D-WA) led 20 members of Congress in a letter urging the Federal Aviation Administration to study airport noise.\n\n“Families near airports deserve a full night’s sleep,” wrote the lawmakers.\n\n“We request a study within 90 days,” the Senators continued.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ruth Vance",
                "Families near airports deserve a full night’s sleep,"
            ),
            pair("Ruth Vance", "We request a study within 90 days,")
        ]
    );
}

#[test]
fn a_plural_title_before_a_list_of_names_is_not_the_first_names() {
    // `wrote Senators Ruth Vance (D-OR), Daniel Okafor (D-WA) and …`: the plural title stands
    // before the list; the first person named is Ruth Vance, not "Senators Ruth Vance".
    let s = draft("Senators Press FAA on Airport Noise\n\n“Families near airports deserve a full night’s sleep,” wrote Senators Ruth Vance (D-OR), Daniel Okafor (D-WA) and Lena Brandt (D-NV).\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ruth Vance",
            "Families near airports deserve a full night’s sleep,"
        )]
    );
}

#[test]
fn the_first_lawmaker_named_stops_at_a_word_the_article_writes_in_lower_case() {
    // `Senator Vance Delivered this speech …`: "Delivered" is a verb the article also writes
    // in lower case, no part of the name; the lawmakers quoted as a group are Ruth Vance.
    let s = draft("Vance Speech at the Harbor Forum\n\nSenator Vance Delivered this speech at the Harbor Forum\n\nTonight Senator Ruth Vance delivered remarks with Senator Daniel Okafor at the Harbor Forum.\n\n“Our ports need dredging,” the senators said.\n");
    assert_eq!(direct(&s), [pair("Ruth Vance", "Our ports need dredging,")]);
}

#[test]
fn single_marks_in_the_writers_own_sentence_are_terms() {
    // `works ‘within the rules’ only when …` (no tag gives it to anyone) and `her ‘harbour
    // miracle’` (after a possessive, whatever verb the sentence has) are the writer's terms;
    // a sentence in single marks after a tag is still someone's words.
    let s = draft("Harbour vote\n\nMayor Ann Cole said the harbour plan would pass. “We have the votes,” she said.\n\nThe council now works ‘within the rules’ only when it suits the mayor.\n\nRival Tom Ruiz dismissed her ‘harbour miracle’ as a slogan.\n\nCole answered him: ‘Wait and see.’\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ann Cole", "We have the votes,"),
            pair("Ann Cole", "Wait and see.")
        ]
    );
}

#[test]
fn seconds_and_inches_marks_open_no_quotation() {
    // `6'2"`, `4'24"`: a measure in two units, not a quotation mark; the quotation after
    // it is found whole.
    let s = draft("Marathon\n\nThe winner, a 6'2\" runner named Ann Kip, led from the start.\n\nAt 4'24\" the pack split. \"The last mile was hard,\" Kip said.\n");
    assert_eq!(direct(&s), [pair("Ann Kip", "The last mile was hard,")]);
}

#[test]
fn a_title_set_in_the_sentence_is_no_speech() {
    // `Invoking the famous address “Words to the Young,” the students asserted …`, `the
    // “Long Harbour March,” which …`: titles and names in title case inside the writer's
    // sentence, whatever verb follows; a title-case question or exclamation is said.
    let s = draft("Art school\n\nInvoking the poet's famous 1961 address “Words to the Young,” the students asserted that art must be free.\n\n“Art must be free,” said Ann Cole, their teacher.\n\nThe crowds of the “Long Harbour March,” which filled the square, went home late.\n\nThe students shouted, “Free The Poets!”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ann Cole", "Art must be free,"),
            pair("students", "Free The Poets!")
        ]
    );
}

#[test]
fn words_on_banners_and_stickers_are_shown_not_said() {
    // `held banners that said “…” and “…”`, `stickers with the text “…”`: words on a thing.
    let s = draft("Dam protest\n\nProtesters held banners that said “Stop the dam” and “Save the river” as police watched.\n\nStickers with the text “Who pays for the dam?” appeared in bars.\n\n“We will come back,” said organiser Ann Cole.\n");
    assert_eq!(direct(&s), [pair("Ann Cole", "We will come back,")]);
}

#[test]
fn an_opening_mark_typed_for_the_closing_one_before_a_colon_closes() {
    // `called him “one of the last crocodiles“:` — the mark after the last word, before
    // the colon, ends the quotation.
    let s = draft("Obituary\n\nBlogger Ann Cole called the late mayor “one of the last crocodiles of the coast“:\n\nHe ran the port for forty years and never lost a vote.\n");
    let texts = direct_texts(&s);
    assert_eq!(texts, ["one of the last crocodiles of the coast"]);
}

#[test]
fn an_editors_insertion_opening_a_phrase_leaves_it_a_phrase() {
    // `from "[having] great adventures" to "[being] fearless."`: lower-case words after the
    // bracketed insertion are someone's phrase, as without it.
    let s = draft("Mothers\n\nReaders shared what their mothers taught them, from \"[having] great adventures\" to \"[being] fearless.\"\n");
    let texts = direct_texts(&s);
    assert_eq!(texts, ["[having] great adventures", "[being] fearless."]);
}

#[test]
fn stonewalling_not_making_a_statement_and_refusing_to_produce_are_declinings() {
    // `X stonewalled for months`, `continues to stonewall investigators`, `has not yet made a
    // statement`, `has refused to produce the report`.
    assert_declinings(
        "Audit\n\nThe Harbour Authority stonewalled for over 200 days before a judge ordered it to release the files.\n\nThe Ports Ministry continues to stonewall council investigators.\n\nThe Drava County Council has not yet made a statement on the audit.\n\nThe Navy Command has refused to produce the inquiry report to the committee.\n",
        &[
            ("Harbour Authority", "declined"),
            ("Ports Ministry", "declined"),
            ("Drava County Council", "declined"),
            ("Navy Command", "declined"),
        ],
    );
}

#[test]
fn being_stonewalled_and_not_stonewalling_are_no_declinings() {
    // The one stonewalled does not decline, nor does a party that "cannot continue to
    // stonewall".
    assert_declinings(
        "Audit\n\n“I know when I’m being stonewalled,” said Senator Ann Cole.\n\nThe Ports Ministry cannot continue to stonewall the committee.\n\nThe Navy Command stonewalled the committee's inquiry.\n",
        &[("Navy Command", "declined")],
    );
}

#[test]
fn contacted_with_no_response_and_there_was_no_response_from() {
    // `contacted X with no response`: the one contacted; `there has been no response from
    // X`: the one it is from.
    assert_declinings(
        "Benefits\n\nHundreds of claimants waited for weeks or contacted the Harbour Benefits Office with no response.\n\nThe council filed its appeal in March. Since then there has been no response from the Regional Transit Board.\n",
        &[
            ("Harbour Benefits Office", "no-response"),
            ("Regional Transit Board", "no-response"),
        ],
    );
}

#[test]
fn a_partys_refusal_to_provide_or_comment_is_its_declining() {
    // `X’s refusal to provide …`, `X's refusal to comment`: the possessor's declining.
    assert_declinings(
        "Records\n\nThe committee opened an inquiry into Harbour Master Lena Ortiz’s refusal to provide the port's inspection logs.\n\nReporters noted the Mining Ministry's refusal to comment on the spill.\n",
        &[("Lena Ortiz", "declined"), ("Mining Ministry", "declined")],
    );
}

#[test]
fn an_endorsement_signed_with_a_dash_and_a_title_is_the_signers() {
    // `“….” — Dana Whitfield, Policy Director, Harbor Institute`: the quotation ends its
    // sentence, then the signer, what they are, where they work; an organisation may sign
    // alone.
    let s = draft("Bill Endorsed by Policy Groups\n\nWASHINGTON – Senator Ana Ruiz introduced the Clean Ports Act today.\n\nENDORSEMENTS\n\n“Ports move the goods we all buy. This bill keeps them moving.” — Dana Whitfield, Policy Director, Harbor Institute\n\n“The Institute for Port Policy endorses the Clean Ports Act. It is overdue.” — Institute for Port Policy\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Dana Whitfield",
                "Ports move the goods we all buy. This bill keeps them moving."
            ),
            pair(
                "Institute for Port Policy",
                "The Institute for Port Policy endorses the Clean Ports Act. It is overdue."
            ),
        ]
    );
}

#[test]
fn a_headline_cited_with_a_dash_and_its_source_is_no_endorsement() {
    // A source list: a headline, a dash, the outlet and date; the headline ends no
    // sentence, and no one is drafted as having said it.
    let s = draft("Ferry Service Resumes\n\nThe ferry to the island resumed on Monday, the port said.\n\nSources\n\n“Ferry back in service after storm” — Island Daily, May 4\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn a_name_alone_after_the_quotations_comma_is_its_speaker() {
    // `“…,” Representative Lena Brandt (R-NC-07).`: no verb, the tag a name alone, then the
    // statement goes on in the next paragraph.
    let s = draft("Lawmakers Back Highway Bill\n\nSeveral members of Congress backed the bill on Tuesday.\n\n“States are holding relief money they cannot spend,” Representative Lena Brandt (R-NC-07).\n\n“This bill lets them build roads with it.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Lena Brandt",
                "States are holding relief money they cannot spend,"
            ),
            pair("Lena Brandt", "This bill lets them build roads with it."),
        ]
    );
}

#[test]
fn short_plural_and_clerics_titles_are_no_part_of_the_name() {
    // `Sens. Ossoff and Rev. Warnock` after `Senators Reverend Raphael Warnock and Jon
    // Ossoff`: the same two people, not new parties named "Sens. Ossoff", "Rev. Warnock".
    let s = draft("Senators Fund Crisis Team\n\nMACON, Ga. — U.S. Senators Reverend Paul Okafor and Jon Ruiz are delivering funds to the county.\n\nSens. Ruiz and Rev. Okafor brought both parties together.\n\n“Crisis teams save lives,” Sen. Ruiz said.\n\n“These funds will help,” said Senator Okafor.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Jon Ruiz", "Crisis teams save lives,"),
            pair("Okafor", "These funds will help,"),
        ]
    );
}

#[test]
fn washington_dc_without_a_dash_is_a_dateline() {
    // `Washington, D.C. U.S. Senator Deb Lund … delivered the following opening statement:`
    // (the release lost its dash): the senator introduces the statement, not "Washington".
    let s = draft("LUND OPENING STATEMENT\n\nWashington, D.C. U.S. Senator Deb Lund (R-Neb.), Ranking Member of the subcommittee, delivered the following opening statement today:\n\n\"Thank you, Madam Chair. I welcome our witnesses.\n\n\"I thank the chair.\"\n");
    let d = direct(&s);
    assert!(!d.is_empty());
    assert!(d.iter().all(|(n, _)| n == "Deb Lund"), "{d:?}");
}

#[test]
fn untagged_answers_under_topic_headings_of_a_lawmakers_release_are_the_lawmakers() {
    // A radio interview printed as answers under topic lines, no tag: the release's
    // lawmaker speaks them (named in its text, not in the title-case subtitle, where the
    // name runs into `Joins`).
    let s = draft("Senator Lund: We Need a Farm Bill\n\nSenator Lund Joins Tom Reyes on The Morning Show\n\nWashington – U.S. Senator Ada Lund (R-Kansas) joined Tom Reyes on The Morning Show to discuss farm costs.\n\nOn rising fertilizer prices:\n\n“Well, Tom, input costs are the biggest challenge our farmers face this spring.”\n\nOn the farm bill:\n\n“We need a farm bill this year, and I think we will get one.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Lund",
                "Well, Tom, input costs are the biggest challenge our farmers face this spring."
            ),
            pair(
                "Ada Lund",
                "We need a farm bill this year, and I think we will get one."
            ),
        ]
    );
}

#[test]
fn not_saying_a_word_and_not_speaking_publicly_are_declinings() {
    // `has not said a word about`, `has not spoken publicly`, `has yet to speak publicly`.
    assert_declinings(
        "Arrests\n\nThe Interior Ministry has not said a word about the arrests.\n\nGovernor Ana Ruiz has not spoken publicly about the case.\n\nThe Harbour Authority has yet to speak publicly on the crash.\n",
        &[
            ("Interior Ministry", "declined"),
            ("Ana Ruiz", "declined"),
            ("Harbour Authority", "declined"),
        ],
    );
}

#[test]
fn requests_for_comment_or_interviews_turned_away_are_declinings() {
    // `declined repeated requests for comment`, `refused interviews`, `turned down
    // requests for an interview`, `has ignored media requests for comment`.
    assert_declinings(
        "Requests\n\nGlobex declined repeated requests for comment.\n\nThe Port Board refused interviews.\n\nThe Navy Command turned down requests for an interview.\n\nThe Mining Ministry has ignored media requests for comment.\n",
        &[
            ("Globex", "declined"),
            ("Port Board", "declined"),
            ("Navy Command", "declined"),
            ("Mining Ministry", "declined"),
        ],
    );
}

#[test]
fn questions_dodged_or_not_taken_are_declinings() {
    // `dodged questions about`, `sidestepped a question on`, `took no questions`, `did
    // not take questions`.
    assert_declinings(
        "Briefing\n\nThe Navy Command dodged questions about the cost.\n\nSenator Ann Cole sidestepped a question on the vote.\n\nThe Mining Ministry took no questions after the briefing.\n\nThe Port Board did not take questions.\n",
        &[
            ("Navy Command", "declined"),
            ("Ann Cole", "declined"),
            ("Mining Ministry", "declined"),
            ("Port Board", "declined"),
        ],
    );
}

#[test]
fn no_statement_made_and_no_comment_given_are_declinings() {
    // `has made no public statement`, `issued no statement`, `has not issued any
    // statement`, `would not give any comments`, `has yet to make a public statement`.
    assert_declinings(
        "Statements\n\nThe Navy Command has made no public statement on the crash.\n\nThe Harbour Authority issued no statement.\n\nThe Port Board has not issued any statement.\n\nGlobex would not give any comments.\n\nThe Interior Ministry has yet to make a public statement.\n",
        &[
            ("Navy Command", "declined"),
            ("Harbour Authority", "declined"),
            ("Port Board", "declined"),
            ("Globex", "declined"),
            ("Interior Ministry", "declined"),
        ],
    );
}

#[test]
fn tight_lipped_mum_and_quiet_about_are_declinings_quiet_streets_are_not() {
    // `remained tight-lipped`, `kept mum on`, `has stayed quiet about`, `has stayed silent`;
    // not `the streets remained quiet` (nothing it is quiet about).
    assert_declinings(
        "Quiet\n\nThe Interior Ministry remained tight-lipped about the inquiry.\n\nAcme Corp. kept mum on the deal.\n\nThe Regional Transit Board has stayed quiet about the plan.\n\nThe Harbour Authority has stayed silent.\n\nThe streets of Drava remained quiet on Sunday night.\n",
        &[
            ("Interior Ministry", "declined"),
            ("Acme", "declined"),
            ("Regional Transit Board", "declined"),
            ("Harbour Authority", "declined"),
        ],
    );
}

#[test]
fn a_partys_silence_is_its_declining_a_minutes_silence_is_not() {
    // `the ministry’s silence on`, `The Bureau's silence`: the possessor's; not `a minute's
    // silence`, `the night's silence`.
    assert_declinings(
        "Silence\n\nThe families condemned the Mining Ministry’s silence on the spill.\n\nThe crowd kept a minute's silence for the dead.\n\nThe night's silence was broken by sirens.\n",
        &[("Mining Ministry", "declined")],
    );
}

#[test]
fn questions_submitted_and_letters_unanswered_are_no_responses() {
    // `submitted questions to X … and have yet to receive answers`, `sent questions to X
    // and received little to no responses`, `one sent by Y …, which has thus far gone
    // unanswered` (the letter's addressee in the sentence before); not `submitted an
    // application to X but had not received a response` (a request to act).
    assert_declinings(
        "Letters\n\nI submitted a series of questions to the Bureau of Water Works and I have yet to receive answers.\n\nStaff sent questions to the Harbour Benefits Office and have received little to no responses.\n\nSenator Ann Cole sent a letter to Governor Lena Ortiz on Monday. It follows one sent by Senator Cole in March, which has thus far gone unanswered.\n\nThe reporter submitted an application to the Drava Media Board but had not received a response by Friday.\n",
        &[
            ("Bureau of Water Works", "no-response"),
            ("Harbour Benefits Office", "no-response"),
            ("Lena Ortiz", "no-response"),
        ],
    );
}

#[test]
fn questions_unanswered_inside_a_quotation_are_the_named_partys_no_response() {
    // A speaker reporting, in their quotation, that a named party never answered.
    assert_declinings(
        "Loans\n\n“Our staff sent questions to the Harbour Benefits Office and received no response. This is unacceptable,” said Senator Ann Cole.\n",
        &[("Harbour Benefits Office", "no-response")],
    );
}

#[test]
fn a_spokespersons_the_company_does_not_comment_is_the_companys() {
    // `A spokesperson for Globex said the company does not comment on …`: Globex, not the
    // company named before.
    assert_declinings(
        "Rumours\n\nAcme Corp. bought a stake in the port last year.\n\nA spokesperson for Globex said the company does not comment on rumours.\n",
        &[("Globex", "declined")],
    );
}

#[test]
fn declining_to_detail_divulge_or_weigh_in_but_not_to_offer_a_refund() {
    // `declined to detail`, `refused to divulge`, `declined to weigh in`, `declined to be
    // quoted`, `declined to share details`, `has not made any public comment`, `has not
    // been available for comment`; not `declined to offer a refund` or `refused to share
    // power` (refusals to act).
    assert_declinings(
        "Talks\n\nGlobex declined to detail the talks.\n\nThe Navy Command refused to divulge the sum.\n\nThe Port Board declined to weigh in on the dispute.\n\nSenator Ann Cole declined to be quoted.\n\nThe Mining Ministry declined to offer a refund.\n\nThe rebels refused to share power.\n\nThe Interior Ministry declined to share details of the deal.\n\nThe Harbour Authority has not made any public comment.\n\nThe Regional Transit Board has not been available for comment.\n",
        &[
            ("Globex", "declined"),
            ("Navy Command", "declined"),
            ("Port Board", "declined"),
            ("Ann Cole", "declined"),
            ("Interior Ministry", "declined"),
            ("Harbour Authority", "declined"),
            ("Regional Transit Board", "no-response"),
        ],
    );
}

#[test]
fn a_term_in_straight_marks_inside_a_typographic_quotation_does_not_end_it() {
    // `“… the toll of the "port slowdown" I introduced …,” said X`: the straight marks are
    // a term inside the quotation, which runs to its typographic closing mark.
    let s = draft("Ports\n\n“To measure the toll of the \"port slowdown\" I introduced a bill last week,” said Senator Ann Cole.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ann Cole",
            "To measure the toll of the \"port slowdown\" I introduced a bill last week,"
        )]
    );
}

#[test]
fn a_word_set_before_a_full_name_is_that_persons_title() {
    // `Majority Whip Mara Quist` then `Whip Quist said`, and `Chief Justice (CJ) Owen
    // Pratt` then `CJ Pratt:`: the word before the surname is the title the article gives
    // them before their full name; the party is the person, by their full name.
    let s = draft("Court Hears Port Dispute\n\nISLAMABAD – Assembly Majority Whip Mara Quist and Chief Justice (CJ) Owen Pratt met on the port dispute on Monday.\n\n“Our ports cannot wait another year,” Whip Quist said.\n\nThe hearing then opened.\n\nCJ Pratt: “The court will hear both sides before it rules.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Mara Quist", "Our ports cannot wait another year,"),
            pair(
                "Owen Pratt",
                "The court will hear both sides before it rules."
            ),
        ]
    );
}

#[test]
fn a_plural_title_before_one_surname_is_no_part_of_the_name() {
    // `Senators Ito and Kerr invited …`: "Senators" titles the list; "Senators Ito" is no
    // new party, and the senator's later words are hers.
    let s = draft("Senator Ito Presses Airline Regulators\n\nWASHINGTON – U.S. Senator Dana Ito (R-Utah) pressed regulators on airline refunds today.\n\nOn May 2, Senators Ito and Kerr invited two stranded families to the hearing.\n\nOn May 9, Senator Ito spoke on the Senate floor. He said, “Travelers deserve their money back.”\n");
    assert_eq!(
        direct(&s),
        [pair("Dana Ito", "Travelers deserve their money back.")]
    );
}

#[test]
fn a_spanish_title_is_no_part_of_the_name() {
    // A bilingual release: the Spanish part's heading, `Declaración de la Representante
    // Ruiz …`, and its tag, `declaró la Representante Ruiz`, name the same person as `said
    // Rep. Ruiz`, not a party named "Representante Ruiz".
    let s = draft("Rep. Ruiz Statement After Detention Center Visit\n\nTucson, AZ - Congresswoman Elena M. Ruiz released the statement below after a visit to the detention center in Tucson.\n\n“The conditions are unacceptable. Nobody should live like this,” said Rep. Ruiz.\n\nDeclaración de la Representante Ruiz tras su visita al centro de detención en Tucson\n\n“Las condiciones son inaceptables. Nadie debería vivir así”, declaró la Representante Ruiz.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Elena M. Ruiz",
                "The conditions are unacceptable. Nobody should live like this,"
            ),
            pair(
                "Elena M. Ruiz",
                "Las condiciones son inaceptables. Nadie debería vivir así"
            ),
        ]
    );
}

#[test]
fn a_blogger_summarised_in_the_present_tense_speaks_the_quotation() {
    // A one-paragraph post: `Harbourview applauds … “…”`, `@tanui_k writes: “…”`: the name
    // or handle opening the sentence, then a verb in the present tense, is the speaker.
    let s = draft("Kenya: Fare Hikes Anger Commuters\n\nHarbourview applauds the transport union for calling the strike, saying: “The fares have doubled in a year.”\n\n@tanui_k writes: “Nobody asked the people who ride the buses every day.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Harbourview", "The fares have doubled in a year."),
            pair(
                "@tanui_k",
                "Nobody asked the people who ride the buses every day."
            ),
        ]
    );
}

#[test]
fn a_quotation_then_a_colon_and_a_blogger_is_the_bloggers() {
    // `“…”: Kenyan blogger Ann Wairimu finds …`: the post quotes the blog first, then names
    // it after a colon.
    let s = draft("Kenya: Matatu Music\n\n\"The music on the buses is the city's real radio\": Kenyan blogger Ann Wairimu finds the playlists better than any station.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ann Wairimu",
            "The music on the buses is the city's real radio"
        )]
    );
}

#[test]
fn unwilling_to_say_is_a_declining_unwilling_to_act_is_not() {
    // `was unable or unwilling to describe`, `were at first unwilling to confirm`: a refusal
    // to say, the subject's; not `unwilling to give up` (a refusal to act).
    assert_declinings(
        "Briefing\n\nGeneral Tomas Varga was unable or unwilling to describe the rockets further.\n\nHarbour police were at first unwilling to confirm that the blast was deliberate.\n\nThe union was unwilling to give up its claim.\n",
        &[("Tomas Varga", "declined"), ("Harbour police", "declined")],
    );
}

#[test]
fn did_not_initially_respond_is_a_no_response() {
    // The adverb between the negation and the verb: `did not initially respond`.
    assert_declinings(
        "Summit\n\nPresident Lena Ortiz did not initially respond to the reporter's question.\n",
        &[("Lena Ortiz", "no-response")],
    );
}

#[test]
fn refusing_to_offer_assurances_is_a_declining_offering_a_refund_is_not() {
    // `refused to offer any assurances or clarifications when asked`: what was asked for
    // and not said; not `declined to offer a refund` (a refusal to act).
    assert_declinings(
        "Ethics\n\nSecretary Ann Cole also refused to offer any assurances or clarifications when asked about the adviser's role.\n\nThe airline declined to offer a refund to the passengers.\n",
        &[("Ann Cole", "declined")],
    );
}

#[test]
fn a_dateline_glued_to_the_first_word_is_no_speaker() {
    // `Sacramento–Mayor Tom Bell …`: the place and the sentence joined by a dash with no
    // space; the statement after the introduction is the mayor's, not the city's.
    let s = draft("Mayor on the levee bill\n\nSacramento–Mayor Tom Bell issued the following statement after the levee bill passed:\n\n“This bill keeps its promise to the river towns.\n\n“We will rebuild every mile of the levee.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Tom Bell",
                "This bill keeps its promise to the river towns."
            ),
            pair("Tom Bell", "We will rebuild every mile of the levee."),
        ]
    );
}

#[test]
fn a_line_signed_with_a_first_name_and_a_town_is_theirs() {
    // A reader panel: each answer signed `— Marta, Tucson` or `- Ravi, Mesa Verde`, a first
    // name and where they live; each is a person.
    let s = draft("What our readers told us about the bus cuts\n\nWe asked readers how the cuts would change their week.\n\n“I will need two buses to reach the clinic now.” — Marta, Tucson\n\n\"My shift starts before the first bus runs.\" - Ravi, Mesa Verde\n");
    assert_eq!(
        direct(&s),
        [
            pair("Marta", "I will need two buses to reach the clinic now."),
            pair("Ravi", "My shift starts before the first bus runs."),
        ]
    );
    assert_eq!(get(entity(&s, "marta"), "kind"), "person");
    assert_eq!(get(entity(&s, "ravi"), "kind"), "person");
}

#[test]
fn a_refusal_read_by_its_grammar_head_adverbs_verb_and_object() {
    // Wordings no phrase list held, read as a head (`has not`, `would not`, `is yet to`,
    // `was reluctant to`), the adverbs between and a verb of speech with an object of
    // speech; not a verb that answers nobody (`did not discuss tariffs`, `did not address
    // the budget`), nor an inability (`could not say how many`, `could not specify`), nor a
    // fact of the story unconfirmed (`have not confirmed the cause`).
    assert_declinings(
        "Spill\n\nVantor Mining has not confirmed the claims about the spill.\n\nOakridge Council would not get into specifics.\n\nSenator Ivy Lam was not responding to inquiries on Monday.\n\nCrestline Bank did not acknowledge our emails.\n\nCoach Rudy Vance has not spoken with the press since the loss.\n\nMirren Labs is yet to weigh in.\n\nTalbot Foods was reluctant to discuss the recall.\n\nDoctors could not say how many patients were infected.\n\nThe envoys did not discuss tariffs at the dinner.\n\nThe memo did not address the budget.\n\nInspectors have not confirmed the cause of the fire.\n\nThe mill could not specify how much timber was lost.\n",
        &[
            ("Vantor Mining", "declined"),
            ("Oakridge Council", "declined"),
            ("Ivy Lam", "no-response"),
            ("Crestline Bank", "no-response"),
            ("Rudy Vance", "declined"),
            ("Mirren Labs", "declined"),
            ("Talbot Foods", "declined"),
        ],
    );
}

#[test]
fn none_of_and_neither_nor_decline_for_the_words_they_govern() {
    // `none of X have replied`, `neither X nor Y would comment`: the negation is the
    // subject's, the parties the words it governs; not `none of the passengers were hurt`.
    assert_declinings(
        "Merger\n\nNone of the airlines contacted have replied.\n\nNeither Rob Hale nor Nina Ortega would comment on the merger.\n\nNone of the passengers were hurt.\n\nNeither side would budge.\n",
        &[
            ("airlines contacted", "no-response"),
            ("Rob Hale", "declined"),
            ("Nina Ortega", "declined"),
        ],
    );
}

#[test]
fn a_body_in_lower_case_not_reached_for_comment_is_the_party() {
    // `could not reach the district office for comment`: the one asked, though in lower
    // case; not `could not reach the final agreement` (no comment asked).
    assert_declinings(
        "Flood\n\nA reporter could not reach the district office for comment.\n\nNegotiators could not reach the final agreement.\n",
        &[("district office", "no-response")],
    );
}

#[test]
fn unreachable_for_comment_and_a_pronoun_after_it_are_one_party() {
    // `was unreachable for comment as she was not answering`: the judge's no-response, the
    // pronoun after it hers, not the lawyer's named before; a place unreachable is none.
    assert_declinings(
        "Appeal\n\nLawyer Tim Ross filed the appeal on Monday. Judge Mara Quint was unreachable for comment as she was not responding to calls.\n\nThe village was unreachable after the storm.\n",
        &[("Mara Quint", "no-response")],
    );
}

#[test]
fn requests_put_to_a_party_that_went_unanswered() {
    // The passive of a no-response, the party inside the subject: `requests for comment
    // sent to X went unanswered`, `questions to X were not answered`; not questions put to
    // someone and answered.
    assert_declinings(
        "Library\n\nRequests for comment sent to the Elmwood Arts Fund went unanswered.\n\nQuestions to Director Hana Voss about the sale were not answered by Friday.\n\nThe panel put questions to Professor Ivo Lunde, who answered them at length.\n",
        &[("Elmwood Arts Fund", "no-response"), ("Hana Voss", "no-response")],
    );
}

#[test]
fn nothing_more_to_say_after_a_verb_of_saying_is_its_subjects() {
    // `… as X said she had nothing more to add`: the pronoun right after the verb of
    // saying is its subject's, not the sentence's subject; not `has nothing to do with`.
    assert_declinings(
        "Hearing\n\nSenator Owen Pratt left the room as chairwoman Lea Marsh said she had nothing further to say on the matter.\n\nThe contractor has nothing to do with the bid.\n",
        &[("Lea Marsh", "declined")],
    );
}

#[test]
fn never_before_the_past_of_a_verb_that_answers_someone() {
    // `X never responded to the invitation`: `never` alone before the past, like `has
    // never`; not `never visited` (no act of speech).
    assert_declinings(
        "Summit\n\nThe host invited Lurania and Castemar. Lurania never replied to the invitation.\n\nCastemar never visited the capital.\n",
        &[("Lurania", "no-response")],
    );
}

#[test]
fn failed_to_comment_but_not_failed_to_detail_how() {
    // `failed to comment on the cost`: a negation of the act, read like an inability: only
    // with a verb that answers someone in itself; not a critic's `failed to detail how …`,
    // nor `failed to address the crowd`.
    assert_declinings(
        "Tower\n\nPlanner Odile Marr presented the tower on Tuesday. Trade minister Basil Kent failed to comment on the cost.\n\nCritics said the mayor failed to detail how the tower would be paid for.\n\nThe governor failed to address the crowd.\n",
        &[("Basil Kent", "declined")],
    );
}

#[test]
fn thus_far_as_yet_and_to_date_between_the_head_and_the_verb() {
    // `has not thus far responded`, `has not as yet commented`, `has not to date replied`:
    // the adverbs of time wire copy puts between the negation and the verb.
    assert_declinings(
        "Ruling\n\nGovernor Ada Pell has not thus far responded to the ruling.\n\nThe Harlow Trust has not as yet commented.\n\nSenator Carl Ibsen has not to date replied to the letter.\n",
        &[
            ("Ada Pell", "no-response"),
            ("Harlow Trust", "declined"),
            ("Carl Ibsen", "no-response"),
        ],
    );
}

#[test]
fn no_comment_made_by_a_party_in_the_passive() {
    // `no additional comment has been officially made by X`: the party after `by`; not a
    // comment that was made (`a comment was made by X`).
    assert_declinings(
        "Leave\n\nWhile no further comment has been officially made by Orchard Systems, analysts expect a delay.\n\nA brief comment was made by Pallas Energy on Friday.\n",
        &[("Orchard Systems", "declined")],
    );
}

#[test]
fn a_caller_who_gives_their_name_is_the_speaker() {
    // A call-in show: each caller's words open with their name (`My name is …`, `This is
    // …`), with no tag; the host introduced before is not the speaker.
    let s = draft("Listeners mark the harvest festival\n\nOn Friday's show, host Paul Mensah asked listeners what the festival meant to them.\n\n“My name is Abena Owusu, calling from Kumasi. I want to thank the farmers who fed us this year.”\n\n“This is Kofi Asante Boateng. I am calling from Tema, and my wish is for better roads to the markets.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Abena Owusu",
                "My name is Abena Owusu, calling from Kumasi. I want to thank the farmers who fed us this year."
            ),
            pair(
                "Kofi Asante Boateng",
                "This is Kofi Asante Boateng. I am calling from Tema, and my wish is for better roads to the markets."
            ),
        ]
    );
}

#[test]
fn the_noun_set_before_an_organisations_name_means_it_later() {
    // `discount carrier Skyvola`: "the carrier" later is Skyvola, not a party of its own.
    let s = draft("Pilot dismissed\n\nDiscount carrier Skyvola has dismissed a pilot who spoke to a television programme about fuel policy.\n\nThe programme was broadcast on Monday by Channel 9.\n\nThe carrier said the programme was “misleading and unfair”.\n");
    assert_eq!(direct(&s), [pair("Skyvola", "misleading and unfair")]);
}

#[test]
fn a_participle_opening_the_sentence_is_not_its_subject() {
    // `Having coached …, Lena Park left …, saying “…”`: the participle's clause before the
    // comma names no one; the speaker is the name after it.
    let s = draft("Coach leaves club\n\nHaving coached the youth side for a decade, Lena Park left the club in March, saying \"it was time for someone new\".\n");
    assert_eq!(
        direct(&s),
        [pair("Lena Park", "it was time for someone new")]
    );
}

#[test]
fn a_long_title_before_a_surname_is_the_person_named_in_full() {
    // `Deputy Chief Medical Officer Ruth Adeyemi` (six capitalised words) first, then
    // `Deputy Chief Medical Officer Adeyemi said: “…”`: the title and surname are Ruth
    // Adeyemi, not a party of their own.
    let s = draft("Flu season briefing\n\nDeputy Chief Medical Officer Ruth Adeyemi briefed reporters on Tuesday about the vaccine supply.\n\nLater, Deputy Chief Medical Officer Adeyemi said: “We have enough doses for every school in the region.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ruth Adeyemi",
            "We have enough doses for every school in the region."
        )]
    );
}

#[test]
fn a_title_set_off_before_a_ranked_name_is_that_persons() {
    // `said Regional Emergency Services Coordinator, Dr. Maya Lindqvist.`: the title, a
    // comma, then the name with its rank closing the sentence; the name speaks, not the
    // title. A ranked name first and what they are after it (`said Capt. Omar Haddad,
    // Commander, Harbor Station North.`) stays the name's.
    let s = draft("Flood drill at the county hospital\n\nStaff at Lakeside County Hospital ran a flood evacuation drill on Thursday.\n\n“Every minute we save in a drill is a minute we have in a real emergency,” said Regional Emergency Services Coordinator, Dr. Maya Lindqvist.\n\n“The boats were ready on time,” said Capt. Omar Haddad, Commander, Harbor Station North.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Maya Lindqvist",
                "Every minute we save in a drill is a minute we have in a real emergency,"
            ),
            pair("Omar Haddad", "The boats were ready on time,"),
        ]
    );
}

#[test]
fn an_elided_refusal_stands_for_the_act_of_speech_named_before_it() {
    // `asked to respond by Friday, which X did not`, `was to make a statement, but has not
    // yet done so`, `when asked about it, X would not`, `declined to do so`: the clause
    // leaves out the verb the sentence named before; not an act that is no speech (`asked
    // to leave, which X did not`), nor a negation whose clause goes on (`did not rule it
    // out`).
    assert_declinings(
        "Letters\n\nThe regional council gave Mayor Rhea Tolland until Friday to reply, which Tolland did not.\n\nSenator Abel Crane was due to make a statement on the vote, but he has not yet done so.\n\nWhen asked about the contract, chairman Oskar Lind would not.\n\nThe club asked coach Ivo Marsh to leave the pitch, which Marsh did not.\n\nAsked if she would run again, Senator Uma Vale did not rule it out.\n",
        &[
            ("Tolland", "no-response"),
            ("Abel Crane", "declined"),
            ("Oskar Lind", "declined"),
        ],
    );
}

#[test]
fn an_adverb_of_time_between_the_subject_and_the_silence() {
    // `Police have so far had no comment`: the subject is before `so far` (also `thus
    // far`, `as yet`, `to date`), as without it.
    assert_declinings(
        "Attack\n\nA reporter was beaten outside the court on Monday.\n\nPolice have so far had no comment on the attack.\n\nThe court registry has to date had no comment either.\n",
        &[("Police", "declined"), ("court registry", "declined")],
    );
}

#[test]
fn a_title_alone_declining_is_the_person_named_after_that_title() {
    // `the Attorney General has yet to reply`: the one person the article names right
    // after the title (`Attorney General Lena Morrow`, `The Speaker of the Regional
    // Assembly, the Honourable Piet Kruger,`), not a party of its own called by the title.
    assert_declinings(
        "Audit\n\nSenators wrote to Attorney General Lena Morrow in March about the audit.\n\nThey asked for the files by April, but the Attorney General has yet to reply.\n\nThe Speaker of the Regional Assembly, the Honourable Piet Kruger, opened the sitting on Monday.\n\nAsked about the vote, the Speaker said he had nothing further to add.\n",
        &[("Lena Morrow", "no-response"), ("Piet Kruger", "declined")],
    );
}

#[test]
fn the_organization_declining_is_the_one_organisation_its_sentence_named() {
    // `In a letter from X Federation chair Y to Z, the federation declined to say …`: the
    // organisation named before in the sentence, not the person the article last named.
    assert_declinings(
        "Regatta\n\nPremier Tom Hale urged rowers to stay home from the regatta.\n\nIn a reply from Northern Rowing Federation chair Ada Kell to the rowers, the organisation declined to say whether its crews would travel.\n",
        &[("Northern Rowing Federation", "declined")],
    );
}

#[test]
fn signed_quotations_one_after_another_in_a_paragraph_are_each_their_signers() {
    // `“…” — Priya Raman, third-year student “…” — Daniel Okafor, …`: endorsements run
    // together in one paragraph, each signed after its dash; each signature ends at the next
    // quotation, so each is its signer's, not the speaker quoted before.
    let s = draft("New library opens at Northfield College\n\nNorthfield College opened its new library on Monday. “This building belongs to every student who studies here,” said Dean Laura Whitfield.\n\nStudents welcomed the opening: “The quiet rooms on the third floor are the best study space on campus.” — Priya Raman, third-year nursing student “We asked for longer opening hours for years, and now we have them.” — Daniel Okafor, president of the Graduate Council\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Laura Whitfield",
                "This building belongs to every student who studies here,"
            ),
            pair(
                "Priya Raman",
                "The quiet rooms on the third floor are the best study space on campus."
            ),
            pair(
                "Daniel Okafor",
                "We asked for longer opening hours for years, and now we have them."
            ),
        ]
    );
}

#[test]
fn an_untagged_statement_in_a_lawmakers_release_is_the_lawmakers() {
    // A release opens with the lawmaker (`Congresswoman Elena Marsh introduced …`), gives
    // background, then prints the statement in paragraphs of quotation with no tag: the
    // lawmaker the release opens with speaks.
    let s = draft("Marsh Introduces Rural Clinics Act\n\nCongresswoman Elena Marsh introduced the Rural Clinics Act on Tuesday to keep small health clinics open across the high plains.\n\nSince 2015, forty clinics in the region have closed, leaving some families two hours from a doctor.\n\n“No family should have to drive two hours to see a nurse. This bill keeps the doors of our rural clinics open.\n\n“I will work with anyone in either party to pass it this year.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Elena Marsh",
                "No family should have to drive two hours to see a nurse. This bill keeps the doors of our rural clinics open."
            ),
            pair(
                "Elena Marsh",
                "I will work with anyone in either party to pass it this year."
            ),
        ]
    );
}

#[test]
fn an_organisations_possessive_before_a_persons_name_is_that_person() {
    // `PHA's Castell welcomed the result: “…”`: the port authority's possessive before the
    // surname of the person the article named in full; she speaks, not "PHA's Castell".
    let s = draft("Council approves port expansion\n\nThe city council approved the port expansion on Monday by seven votes to two. Miriam Castell, who heads the Port Harbor Authority (PHA), had lobbied for it for three years.\n\nDock workers filled the public gallery for the vote.\n\nPHA's Castell welcomed the result: “This is the day the port stops turning ships away.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Miriam Castell",
            "This is the day the port stops turning ships away."
        )]
    );
}

#[test]
fn a_statement_from_the_co_chairs_of_a_caucus_is_the_caucus() {
    // `the co-chairs of the Senate Rural Broadband Caucus issued the following statement:`:
    // members of a body, not named, speak as the body.
    let s = draft("Caucus marks broadband milestone\n\nFive years after the first rural broadband grants, the co-chairs of the Senate Rural Broadband Caucus issued the following statement:\n\n\"Every farm and every small town deserves a connection as fast as any city's. We will keep fighting until the last county is online.\"\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Senate Rural Broadband Caucus",
            "Every farm and every small town deserves a connection as fast as any city's. We will keep fighting until the last county is online."
        )]
    );
}

#[test]
fn signers_quoted_as_a_group_are_the_one_the_article_says_led_them() {
    // `The letter, led by Senator Tom Hale, asks …. “…,” the senators wrote.`: the signers
    // quoted as a group are the one the article gives as leading them, not the first
    // lawmaker the release names.
    let s = draft("Ruiz Joins Colleagues in Letter on Rail Safety\n\nSenator Ana Ruiz joined 30 senators in a letter to the Transportation Secretary on Tuesday.\n\n“Every town along these tracks deserves to know what the trains carry,” said Senator Ruiz.\n\nThe letter, led by Senator Tom Hale, asks the department to publish the schedules of hazardous cargo.\n\n“We ask that you act before the next derailment, not after it,” the senators wrote.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ana Ruiz",
                "Every town along these tracks deserves to know what the trains carry,"
            ),
            pair(
                "Tom Hale",
                "We ask that you act before the next derailment, not after it,"
            ),
        ]
    );
}

#[test]
fn a_capitals_dateline_with_its_line_break_lost_names_no_one() {
    // `WASHINGTON, DC  Rep. Pete Olson … issued the following statement: “…”`: the release's
    // line break after the dateline lost (no dash); the speaker is the senator after it, not
    // the city.
    let s = draft("ORTIZ STATEMENT ON WILDFIRE AID\n\nWashington, DC  Senator Lena Ortiz (D-NM) released the following statement on the wildfire aid package passed by the Senate tonight:  \"Families who lost their homes in the Cerro fire have waited long enough. This package gets them the help they were promised.\"\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Lena Ortiz",
            "Families who lost their homes in the Cerro fire have waited long enough. This package gets them the help they were promised."
        )]
    );
}

#[test]
fn a_gerund_opening_the_sentence_is_no_speaker() {
    // `Conducting an unauthorized strike …, then claiming that … “…”`: a list item of
    // charges opening with a gerund; the gerund is no party (the item names no speaker, so
    // the editor is left to give it one).
    let s = draft("Reyes Faces Recall Vote\n\nMayor Tom Reyes said on Monday that the city's finances were \"sound\".\n\nThe recall petition lists the reasons for it:\n\nRefusing to release the audit in March, then insisting that the accounts were \"in perfect order.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Tom Reyes", "sound"),
            pair("Unattributed", "in perfect order."),
        ]
    );
    assert!(list(&s, "parties")
        .iter()
        .all(|e| get(e, "id") != "refusing"));
}

#[test]
fn an_and_between_two_titles_of_the_one_named_is_no_second_speaker() {
    // `“…,” Diane Archer, Senior Advisor at Social Security Works and President of Just Care
    // USA said.`: the "and" joins two of her titles; she speaks, not the body named last.
    let s = draft("Farm bill wins backers\n\nRep. Ana Ruiz introduced the farm bill on Monday.\n\n\"This bill keeps family farms open,\" Tom Reed, Director at Farm Aid and Chair of the Rural Caucus said.\n");
    assert_eq!(
        direct(&s),
        [pair("Tom Reed", "This bill keeps family farms open,")]
    );
}

#[test]
fn a_name_set_off_after_the_quotation_speaks_past_a_long_appositive() {
    // `“…,” Name, a title of many words said.`: the tag's verb seventeen words on, past the
    // appositive; the named person speaks, not the lawmaker quoted before.
    let s = draft("Clinic funding restored\n\n\"Rural patients will not lose their nurses,\" said Rep. Ana Ruiz.\n\n\"Every county clinic can plan its year again,\" Maria Lopez, Senior Policy Analyst at the Center for Rural Health Research of Montana State University said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Ruiz", "Rural patients will not lose their nurses,"),
            pair(
                "Maria Lopez",
                "Every county clinic can plan its year again,"
            ),
        ]
    );
}

#[test]
fn a_complaint_of_silence_inside_a_quotation_is_no_declining() {
    // `“… Biden has remained silent …”` in a lawmaker's statement is an accusation, not a
    // declining; a refusal to answer reported in the same quotation still is one.
    let s = draft("Ortega Faults Mayor on Bridge Closure\n\nCouncilmember Lena Ortega criticised the closure of the Elm Street bridge on Tuesday.\n\n“For three weeks Mayor Dana Pruitt has remained silent while families drive an hour around the river,” Ortega said. “Her office has also failed to provide any timetable for the repairs.”\n\n“Mayor Pruitt has refused to answer our questions about the contractor,” Ortega added.\n");
    let declined: Vec<String> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "declined")
        .map(|q| q.2)
        .collect();
    assert_eq!(declined.len(), 1, "{declined:?}");
    assert!(declined[0].contains("refused to answer"), "{declined:?}");
}

#[test]
fn paragraphs_run_together_by_a_source_that_lost_its_line_breaks() {
    // Each paragraph of the statement opens again with a mark; the source lost the breaks
    // between them (three spaces where each broke, one space between its sentences).
    let s = draft("REED STATEMENT ON THE HIGHWAY BILL\n\nWASHINGTON, DC Rep. Nora Reed (OH-9) today issued the following statement on the highway bill:  \"This bill repairs roads that have waited a decade. It keeps our promise to the towns along Route 2.   \"It also funds the new bridge at Harbor Point. Work can start this summer.   \"I thank my colleagues on the committee for their work. We will watch every dollar.\"\n");
    assert_eq!(
        direct(&s).into_iter().map(|q| q.1).collect::<Vec<_>>(),
        [
            "This bill repairs roads that have waited a decade. It keeps our promise to the towns along Route 2.",
            "It also funds the new bridge at Harbor Point. Work can start this summer.",
            "I thank my colleagues on the committee for their work. We will watch every dollar.",
        ]
    );
}

#[test]
fn wide_sentence_spacing_throughout_is_a_style_not_lost_breaks() {
    // Four spaces after every sentence, inside the quotation too: one quotation.
    let s = draft("Agency reports record year\n\nThe agency recovered $2 billion this year, its director announced today.    The figure is the highest on record.\n\n“The recoveries return money to the taxpayer.    They also deter others who would cheat,” said Director Paul Ames.\n");
    assert_eq!(
        direct(&s).into_iter().map(|q| q.1).collect::<Vec<_>>(),
        ["The recoveries return money to the taxpayer. They also deter others who would cheat,"]
    );
}

#[test]
fn a_statement_whose_opening_mark_the_source_lost() {
    // The statement's paragraph ends with its closing mark, its opening one lost.
    let s = draft("Statement from Parks Director on Arbor Day\n\nSPRINGFIELD – Parks Director Alma Reyes today released the following statement ahead of Arbor Day:\n\nThis Arbor Day we at the Parks Department thank the volunteers who planted four thousand trees across the city. I invite every family to join us at Lincoln Park on Saturday to plant the next thousand together. ”\n");
    assert_eq!(
        direct(&s).into_iter().map(|q| q.1).collect::<Vec<_>>(),
        ["This Arbor Day we at the Parks Department thank the volunteers who planted four thousand trees across the city. I invite every family to join us at Lincoln Park on Saturday to plant the next thousand together."]
    );
}

#[test]
fn a_statement_marked_only_where_it_opens_and_where_it_closes() {
    // The statement's first paragraph opens with a mark, the middle ones have none and the
    // last one closes it before the tag: every paragraph is the mayor's.
    let s = draft("Mayor Hale on the Water Main Break\n\nRIVERTON – Mayor Joan Hale issued the following statement on the water main break:\n\n\"Our crews worked through the night to restore service to the east side.\n\nBy this morning every home but forty had running water again. We expect the rest to be connected before dinner tonight.\n\nI have asked the utility board for a full review of the pipes under Main Street, which are older than any of us.\n\nI thank the residents for their patience,\" said Mayor Hale.\n");
    let by_hale: Vec<String> = direct(&s)
        .into_iter()
        .filter(|q| q.0 == "Joan Hale")
        .map(|q| q.1)
        .collect();
    assert_eq!(
        by_hale,
        [
            "Our crews worked through the night to restore service to the east side.",
            "By this morning every home but forty had running water again. We expect the rest to be connected before dinner tonight.",
            "I have asked the utility board for a full review of the pipes under Main Street, which are older than any of us.",
            "I thank the residents for their patience,",
        ]
    );
}

#[test]
fn the_articles_voice_between_an_unclosed_quotation_and_a_closing_mark() {
    // A paragraph of reporting (`said`) between them: the quotation ended with its
    // paragraph and the reporting is no one's words.
    let s = draft("Mayor Hale on the Water Main Break\n\nRIVERTON – Mayor Joan Hale spoke to reporters on Tuesday.\n\n\"Our crews worked through the night to restore service to the east side.\n\nThe utility said about forty homes were still without water on Tuesday morning.\n\nThe rest will be connected before dinner tonight,\" said Mayor Hale.\n");
    assert!(
        direct(&s).iter().all(|q| !q.1.contains("utility said")),
        "{:?}",
        direct(&s)
    );
}

#[test]
fn a_declining_in_a_relative_clause_is_the_antecedents() {
    // The one referred to, named right before `who`, did not answer: not the sentence's
    // subject who referred the reporter.
    let s = draft("Clinic Closes Its Doors\n\nThe Eastfield clinic closed on Monday, leaving 3,000 patients without a doctor.\n\nHealth department spokesperson Lerato Dube referred the Herald to district manager Sipho Nkosi, who had not answered our questions by the time of publication.\n\nBoard chair Anna Vos sent questions to treasurer Peter Kahn who did not respond.\n");
    let declined: Vec<(String, String)> = quotes(&s)
        .into_iter()
        .filter(|q| q.1 == "declined" || q.1 == "no-response")
        .map(|q| (q.0, q.2))
        .collect();
    let names: Vec<&str> = declined.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(names, ["Sipho Nkosi", "Peter Kahn"], "{declined:?}");
}

#[test]
fn a_statement_closed_once_then_running_on_unmarked_to_a_lost_opening_mark() {
    // The statement closes after its second paragraph, runs on with no marks and ends on a
    // paragraph whose opening mark the source lost: the unmarked paragraphs are the
    // senator's too.
    let s = draft("Senator Price on the Rail Strike\n\nWASHINGTON – Senator Dora Price issued the following statement on the rail strike:\n\n\"The strike has stranded freight in every state of the union.\n\nFarmers cannot ship their harvest and factories are running out of parts.\"\n\nBoth sides have had months to reach an agreement. Neither has moved an inch since the spring.\n\nI urge them to return to the table this week and to stay there until the trains run again.”\n");
    let by_price: Vec<String> = direct(&s)
        .into_iter()
        .filter(|q| q.0 == "Dora Price")
        .map(|q| q.1)
        .collect();
    assert_eq!(
        by_price,
        [
            "The strike has stranded freight in every state of the union.",
            "Farmers cannot ship their harvest and factories are running out of parts.",
            "Both sides have had months to reach an agreement. Neither has moved an inch since the spring.",
            "I urge them to return to the table this week and to stay there until the trains run again.",
        ]
    );
}

#[test]
fn a_noun_spelled_like_a_verb_of_naming_before_a_modal_is_no_verb() {
    // `a prison term would …`: "term" is the subject noun, not `what X terms “…”`; the
    // quotation is the judge's, whose `said` comes first.
    let s = draft("Driver Spared Prison\n\nA driver who hit a cyclist was given community service on Friday.\n\nJudge Mara Lind said that a prison term would \"ruin a young man with no record\".\n");
    assert_eq!(
        direct(&s),
        [pair("Mara Lind", "ruin a young man with no record")]
    );
}

#[test]
fn a_phrase_after_an_article_following_a_quotation_of_the_same_speaker() {
    // The sentence's tag gives its first quotation to the board; the short phrase after
    // `a` that follows is the board's too. With no quotation before it, the same phrase is
    // the writer's own noun phrase.
    let s = draft("Board Approves Budget\n\nThe school board met on Tuesday.\n\nThe board said that, while the budget is \"tight but fair\", it is a \"necessary first step\" toward new classrooms.\n\nThe vote came after midnight, a \"long night\" for everyone.\n");
    let texts: Vec<String> = direct(&s).into_iter().map(|q| q.1).collect();
    assert_eq!(
        texts,
        ["tight but fair", "necessary first step"],
        "{texts:?}"
    );
}

#[test]
fn an_openers_phrase_before_the_subject_is_no_part_of_it() {
    // `Shortly before the vote, Council Opposition leader Maria Ortiz spoke against …: “…,” she said`:
    // the opener's phrase (`Shortly before the vote,`) is set aside and the subject after
    // its comma is the "she" of the tag, not the speaker quoted before.
    let s = draft("Council approves harbour levy\n\nThe city council approved a levy on cruise ships on Monday by seven votes to four.\n\n“The levy pays for the new pier and the harbour patrol,” said Mayor Tom Akers, who proposed it.\n\nMost of the opposition voted against it. Shortly before the vote, Council Opposition leader Maria Ortiz spoke against the levy, speaking for her four colleagues: “Cruise lines will simply sail to the next port. The shops on Quay Street will pay for this,” she said.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Tom Akers",
                "The levy pays for the new pier and the harbour patrol,"
            ),
            pair(
                "Maria Ortiz",
                "Cruise lines will simply sail to the next port. The shops on Quay Street will pay for this,"
            ),
        ]
    );
}

#[test]
fn a_statement_introduced_in_a_sentence_quoting_someone_else() {
    // The sentence that introduces the mayor's statement quotes the governor: the statement
    // in the paragraphs after is the mayor's, not the governor's.
    let s = draft("Mayor answers governor on mill closure\n\nLAKEWOOD – Mayor Ana Ruiz released the following statement on Monday after Governor Tom Price said the paper mill would “never reopen” under its present owners.\n\n“Four hundred families in Lakewood depend on that mill. I will not accept that it is finished because one owner lost interest.\n\n“We have two buyers ready to talk, and I have asked the state to sit down with them this week.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Tom Price", "never reopen"),
            pair(
                "Ana Ruiz",
                "Four hundred families in Lakewood depend on that mill. I will not accept that it is finished because one owner lost interest."
            ),
            pair(
                "Ana Ruiz",
                "We have two buyers ready to talk, and I have asked the state to sit down with them this week."
            ),
        ]
    );
}

#[test]
fn a_datelines_commas_are_not_the_opening_phrases() {
    // `SPRINGFIELD, IL (March 3, 2025) — Today, Mayor Lee Park issued …`: the comma that
    // closes `Today,` is the one after the dateline, not the dateline's own.
    let s = draft("Park statement on wildfire bill\n\nSPRINGFIELD, IL (March 3, 2025) — Today, Mayor Lee Park issued the following statement after the council passed the wildfire preparedness bill.\n\n“This bill puts a fire crew within ten minutes of every home in our city. I thank the council for passing it without delay.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Lee Park",
            "This bill puts a fire crew within ten minutes of every home in our city. I thank the council for passing it without delay."
        )]
    );
}

#[test]
fn a_heading_run_into_a_floor_speechs_quotations() {
    // `Excerpts “…” “…”`: a heading whose line break the source lost, then the lawmaker's
    // words with no tag.
    let s = draft("Senator Grant Speaks on Rural Broadband\n\nWASHINGTON — U.S. Sen. Helen Grant (D-Vt.) spoke on the Senate floor today about the rural broadband program.\n\nWatch the video here\n\nExcerpts “Too many farms in Vermont still wait for a signal. Our children do homework in library parking lots.” “This program has the money to fix it. It only needs the will to spend it.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Helen Grant",
                "Too many farms in Vermont still wait for a signal. Our children do homework in library parking lots."
            ),
            pair(
                "Helen Grant",
                "This program has the money to fix it. It only needs the will to spend it."
            ),
        ]
    );
}

#[test]
fn a_long_statement_marked_where_it_opens_and_closes_with_marks_of_its_own_inside() {
    // Ten unmarked paragraphs between the opening and the closing mark, one quoting a
    // phrase in marks of its own (`only "a blip."`) and one with `said` in the
    // speaker's first person: every paragraph is the governor's, the inner phrases no
    // quotations of their own.
    let middle = [
        "Twelve months ago the legislature promised our towns a fair share of the road fund.",
        "Since then the fund has grown by nine percent and our share has shrunk by four.",
        "The department has called the shortfall only \"a blip.\" Our county engineers count it in miles of broken road.",
        "Bridges in the north of the state wait years for inspections that the law requires every two.",
        "School buses take detours of twenty minutes around closed crossings every single morning.",
        "The department said last spring that the backlog would be cleared, and we believed it then.",
        "Freight companies have begun routing trucks through neighbouring states to avoid our highways.",
        "Every month of delay adds to the final bill that taxpayers will be asked to pay.",
        "Local mayors have written to the department four times without receiving a schedule.",
        "Farmers tell me the harvest now travels half a day longer to reach the rail yards.",
    ];
    let article = format!(
        "Governor Vale on the Road Fund\n\nCAPITAL CITY – Governor Irene Vale released the following statement on the road fund:\n\n\"Our roads are the first thing every family in this state depends on.\n\n{}\n\nI will sign no budget that does not repair them,\" said Governor Vale.\n",
        middle.join("\n\n")
    );
    let s = draft(&article);
    let by_vale: Vec<String> = direct(&s)
        .into_iter()
        .filter(|q| q.0 == "Irene Vale")
        .map(|q| q.1)
        .collect();
    let mut want = vec!["Our roads are the first thing every family in this state depends on."];
    want.extend(middle);
    want.push("I will sign no budget that does not repair them,");
    assert_eq!(by_vale, want);
    assert!(
        direct(&s).iter().all(|q| q.1 != "a blip."),
        "{:?}",
        direct(&s)
    );
}

#[test]
fn a_statement_that_never_closes_runs_to_the_articles_end_in_the_first_person() {
    // The release's last paragraph has no mark at all and speaks as the senator (`I`,
    // `we`): it is the statement's. Reporting with no first person after an unclosed
    // quotation is not.
    let s = draft("Senator Moss on the Flood Relief\n\nDOVER – Senator Ruth Moss released the following statement on the flood relief:\n\n\"I have spent the week with families in the river towns whose homes are still under water.\n\nWe owe them more than sympathy. I have asked the agency to open three more relief centres before the weekend, and I will keep asking until it does.\n");
    let by_moss: Vec<String> = direct(&s)
        .into_iter()
        .filter(|q| q.0 == "Ruth Moss")
        .map(|q| q.1)
        .collect();
    assert_eq!(
        by_moss,
        [
            "I have spent the week with families in the river towns whose homes are still under water.",
            "We owe them more than sympathy. I have asked the agency to open three more relief centres before the weekend, and I will keep asking until it does.",
        ]
    );
    let s = draft("Flood Relief Arrives\n\nDOVER – Senator Ruth Moss spoke in Dover on Friday.\n\n\"Families in the river towns are still under water.\n\nThe agency opened three more relief centres on Saturday, officials said, and more are planned for next month.\n");
    assert!(
        direct(&s).iter().all(|q| !q.1.contains("relief centres")),
        "{:?}",
        direct(&s)
    );
}

#[test]
fn a_releases_end_mark_run_into_its_last_quotation_is_no_part_of_it() {
    // The source lost the break before `# # #`: the statement ends at its last sentence.
    let s = draft("Rep. Ames on the Farm Bill\n\nWASHINGTON – Rep. Carla Ames voted for the farm bill on Thursday. Rep. Ames released the following statement. \"This bill keeps family farms in business for another five years. # # #\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Carla Ames",
            "This bill keeps family farms in business for another five years."
        )]
    );
}

#[test]
fn an_inch_mark_after_a_digit_opens_no_quotation() {
    // `2" wide`: inches, not a quotation running to the paragraph's end.
    let s = draft("Pipe Burst Downtown\n\nA water main burst under Front Street on Monday.\n\nCrews fitted a clamp over a crack 2\" wide and restored the flow by noon. The street reopened in the evening.\n");
    assert!(direct(&s).is_empty(), "{:?}", direct(&s));
}

#[test]
fn a_years_theme_and_a_title_in_a_line_of_names_are_no_quotations() {
    // A year's theme and a prize-winner's title in a line of names (no verb at all) are
    // named, not said; a phrase in marks after a verb of saying still is someone's words.
    let s = draft("Library Week Opens\n\nRIVERTON – Mayor Joan Hale opened Library Week on Monday. This year’s theme, “Read. Share. Repeat!”, asks families to swap books.\n\nFirst Prize: Tom Reyes, Riverton Middle School, “Night Owls!”\n\nHale said the week was “a promise kept to our children”.\n");
    let texts: Vec<String> = direct(&s).into_iter().map(|q| q.1).collect();
    assert_eq!(texts, ["a promise kept to our children"], "{texts:?}");
}

#[test]
fn keeping_a_suspicion_to_oneself_is_a_declining_naming_or_reporting_is_not() {
    // The coach would not share his suspicion: a declining. The league not identifying a
    // player already named, and state radio giving no explanation of an event, are no
    // one refusing to say something asked of them.
    let s = draft("Doping Case Widens\n\nCoach Pavel Orlov said he knows who tipped off the inspectors, but would not share his suspicion with reporters.\n\nThe league did not identify Marco Bell as the player who failed the test. Teammates confirmed it instead.\n\nState-run radio did not give any explanation of the delay to the final and it was not clear when the match would be played.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [("Pavel Orlov".to_string(), "declined".to_string())],
        "{declined:?}"
    );
}

#[test]
fn with_a_role_and_a_name_saying() {
    // `…, with harbour authority engineer Maria Lind saying …“…”`: the one saying is the
    // name after the role in lower case, not the sentence's subject.
    let s = draft("Port opens new quay\n\nThe Harbour Board approved the new container quay on Friday, with harbour authority engineer Maria Lind saying the deeper berth would take ships \"twice the size of the ones we see today\".\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Maria Lind",
            "twice the size of the ones we see today"
        )]
    );
}

#[test]
fn according_to_a_statement_released_by() {
    // `According to a statement released by the X, “…”`: the one who released the
    // statement speaks, not the sentence's other parties.
    let s = draft("Dam repairs to start in spring\n\nRepairs to the Kessel Dam will begin in March. According to a statement released by the Regional Water Board, the work \"will not affect drinking water for any household\" in the valley.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Regional Water Board",
            "will not affect drinking water for any household"
        )]
    );
}

#[test]
fn a_day_between_refused_and_to_is_still_a_declining() {
    // `X declined Tuesday to confirm …`: a day between the verb and `to`.
    let s = draft("Carmaker Silent on Plant\n\nNordwerk declined Tuesday to confirm reports that it will close its plant in Lyon. Workers gathered at the gates.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [("Nordwerk".to_string(), "declined".to_string())],
        "{declined:?}"
    );
}

#[test]
fn a_name_set_off_after_a_description_is_the_declinings_party() {
    // `The country's top food regulator, the Food Safety Board, has not commented`: the
    // name in commas, not the description before it.
    let s = draft("Recall Widens\n\nA dairy recalled its cheese on Monday. The country's top food regulator, the Food Safety Board, has not commented on the recall.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [("Food Safety Board".to_string(), "declined".to_string())],
        "{declined:?}"
    );
}

#[test]
fn an_opening_adverb_is_no_party_and_missing_data_is_no_silence() {
    // `Previously, Ruiz would not say …, and has not revealed …`: Ruiz twice, not the
    // opening adverb;
    // `Figures were not available for the north` is a gap in a report, nobody asked.
    let s = draft("Leak Inquiry Stalls\n\nSenator Ana Ruiz says she saw the memo. Previously, Ruiz would not say who gave it to her, and has not revealed the identity of the aide.\n\nThe agency's report lists prices by region. Figures were not available for the north.\n");
    let declined = declinings(&s);
    assert!(!declined.is_empty(), "{declined:?}");
    assert!(
        declined.iter().all(|(who, _)| who == "Ana Ruiz"),
        "{declined:?}"
    );
}

#[test]
fn we_in_a_release_whose_opening_names_its_writers() {
    // Two lawmakers named as the writers, then the statement in the first person plural
    // with no tag: the writers speak (the first of them), not the council they chair; a
    // supporter's own `we`, tagged with a name, stays the supporter's.
    let s = draft("Lawmakers Urge Rail Funding\n\nSPRINGFIELD – Senators Ruth Vance (D-OR) and Tomas Iver (R-ID), co-chairs of the Northern Rail Council, today released the following statement on the rail budget:\n\n\"Our towns depend on the northern line, and we will not let it close. We urge the Department to restore the funding this year.\"\n\n\"We thank the Senators for standing with rail workers,\" said Dana Holt.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ruth Vance",
                "Our towns depend on the northern line, and we will not let it close. We urge the Department to restore the funding this year."
            ),
            pair("Dana Holt", "We thank the Senators for standing with rail workers,"),
        ]
    );
}

#[test]
fn the_plural_write_is_a_verb_of_saying() {
    // `“…,” the members write.`: the present plural `write` tags the quotation as `writes`
    // does; the signers are the lawmaker the article names first, not the official the
    // letter goes to.
    let s = draft("Delegation Presses Ministry on Ferries\n\nRep. Nora Quill (D-ME) and Rep. Owen Blythe (D-ME) joined six colleagues on a letter to Transport Minister Karel Vos about the island ferries. Harbour master Ida Lunde warned of the closures last week.\n\n“Island families cannot wait a season for a boat,” the members write.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Nora Quill",
            "Island families cannot wait a season for a boat,"
        )]
    );
}

#[test]
fn joined_surnames_are_named_by_their_full_names() {
    // `Lind and Pike wrote`: the two lawmakers the opening names in full, joined.
    let s = draft("Senators Seek Dairy Hearing\n\nWASHINGTON – Sen. Mara Lind (D-VT) and Sen. Owen Pike (R-UT) today asked the committee for a hearing on milk prices.\n\nIn their request, Lind and Pike wrote: “Dairy farms are closing every week while prices at the store keep rising.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Mara Lind and Owen Pike",
            "Dairy farms are closing every week while prices at the store keep rising."
        )]
    );
}

#[test]
fn a_letters_writers_as_a_group_are_its_first_writer() {
    // `the Members of Congress continued`: the signers the opening names, whatever the
    // voice of the quotation.
    let s = draft("Senators Press Agency on Flood Maps\n\nWASHINGTON – U.S. Senators Lena Brook (R-KS) and Paul Dunn (R-NE) wrote to the Federal Emergency Management Agency about outdated flood maps.\n\n“Farm towns are paying for insurance they do not need,” the Members of Congress continued.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Lena Brook",
            "Farm towns are paying for insurance they do not need,"
        )]
    );
}

#[test]
fn we_of_a_letter_is_its_writers_not_the_one_it_is_sent_to() {
    // An untagged `we` paragraph after the sentence that names the secretary the letter
    // goes to: the senators wrote it, not the secretary.
    let s = draft("Senators Fault Interior on Fire Crews\n\nWASHINGTON – Senators Alma Ruiz (D-NM) and Carl Voss (R-MT) sent a letter to Interior Secretary Dana Whitfield about unfilled wildfire crews. Whitfield announced a hiring plan in March.\n\n“We funded these crews two years ago, and our towns are still waiting for them. Your department must fill every post before the summer.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Alma Ruiz",
            "We funded these crews two years ago, and our towns are still waiting for them. Your department must fill every post before the summer."
        )]
    );
}

#[test]
fn an_opening_clause_keeping_something_back_is_the_speakers_declining() {
    // `Without naming the buyer, X said …` and `While not giving a date, Y said …`: the one
    // who says keeps it back; the same words inside a sentence (`built without revealing
    // it`) are no declining.
    let s = draft("Mill Sold\n\nThe old paper mill in Varde has a new owner. Without naming the buyer, mayor Lene Holm said the sale closed on Friday.\n\nWhile not giving a date, union leader Erik Dahl said work would resume soon.\n\nThe mill was once enlarged without revealing it to the county.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [
            ("Lene Holm".to_string(), "declined".to_string()),
            ("Erik Dahl".to_string(), "declined".to_string())
        ],
        "{declined:?}"
    );
}

#[test]
fn not_going_into_detail_is_a_declining_a_rule_going_into_effect_is_not() {
    let s = draft("Port Inquiry\n\nOn Monday, harbour master Ida Berg said the cargo broke safety rules. She did not go into details.\n\nThe new rules did not go into effect until May.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [("Ida Berg".to_string(), "declined".to_string())],
        "{declined:?}"
    );
}

#[test]
fn a_proposal_or_protest_left_unanswered_is_no_declining_a_question_is() {
    // `did not respond to the union's offer`, `refused to reply to the farmers' protest`: a
    // move in a dispute left unanswered; `did not respond to an offer to comment` and a
    // question left unanswered are declinings.
    let s = draft("Dock Talks Stall\n\nThe Harbour Board did not respond to the union's latest offer on Tuesday. Port director Sven Aalto refused to reply to the farmers' protest.\n\nBoard chair Maja Lind did not respond to an offer to comment. Union leader Tove Ek did not respond to questions about the strike.\n");
    let declined = declinings(&s);
    assert_eq!(
        declined,
        [
            ("Maja Lind".to_string(), "no-response".to_string()),
            ("Tove Ek".to_string(), "no-response".to_string())
        ],
        "{declined:?}"
    );
}

#[test]
fn an_acronym_written_as_a_word_is_the_organisation_it_spells() {
    // `Wasanet` after `the West African Seed Alliance Network`: its letters in one
    // capitalised word name the organisation, not a party of its own; a person's surname
    // that happens to begin like a name stays the person.
    let s = draft("Cassava Fields Grow\n\nThe West African Seed Alliance Network said in its yearly survey that cassava planting rose again in the savanna.\n\nWasanet said farmers were \u{201c}moving their fields deeper into the forest\u{201d} to avoid the locust swarms.\n\nThe survey's author, Marta Wasane, said the figures were \u{201c}the highest in a decade.\u{201d}\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "West African Seed Alliance Network",
                "moving their fields deeper into the forest"
            ),
            pair("Marta Wasane", "the highest in a decade.")
        ]
    );
}

#[test]
fn a_country_s_initials_before_a_title_are_the_title_s() {
    // `U. S. Attorney Lowry` after `United States Attorney Helen R. Lowry`: the initials, the
    // title and the surname are the full name printed before.
    let s = draft("Fraud Sentence\n\nBATON ROUGE: United States Attorney Helen R. Lowry announced today that Dale Pruitt, 52, was sentenced to six years in prison for wire fraud.\n\nPruitt took money from forty retirees between 2015 and 2018.\n\nU. S. Attorney Lowry said: \u{201c}Those who prey on the savings of the elderly will answer for it in federal court.\u{201d}\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Helen R. Lowry",
            "Those who prey on the savings of the elderly will answer for it in federal court."
        )]
    );
}

#[test]
fn ranking_member_before_a_surname_is_a_title() {
    // `Ranking Member of the … Committee` after a senator's name is her post, and `Ranking
    // Member Ostrow said` is the senator the release named first, not a party `Ranking Member`.
    let s = draft("Ostrow Wins Grant for Clinic\n\nHELENA, Mont. – U.S. Senator Maren Ostrow (D-Mont.), Ranking Member of the Senate Committee on Indian Affairs, announced a grant for the Lame Deer clinic.\n\n“The clinic has waited long enough for a proper roof,” Ranking Member Ostrow said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Maren Ostrow",
            "The clinic has waited long enough for a proper roof,"
        )]
    );
}

#[test]
fn joined_surnames_one_of_them_also_a_title_are_the_full_names() {
    // `Bishop and Ferrer said`: `Bishop` is also a title, yet the release printed `Nora
    // Bishop` and `Luis Ferrer` above, so the statement is theirs by those names.
    let s = draft("Harbor Dredging Funded\n\nWASHINGTON – U.S. Senator Nora Bishop (D-Del.) and Representative Luis Ferrer (D-Del.) announced $2 million to dredge the Lewes harbor.\n\n“Our fishermen have waited a decade for this channel,” Bishop and Ferrer said.\n");
    let quotes = direct(&s);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(
        quotes[0].0.starts_with("Nora Bishop") && quotes[0].0.contains("Luis Ferrer"),
        "{quotes:?}"
    );
}

#[test]
fn a_tag_left_inside_open_marks_ends_the_quotation_there() {
    // `"…, said Quill. Now it …"`: the closing mark was left out before the tag and the
    // statement goes on after it with no mark; `“…, said Mayor Brun at Tuesday’s meeting.
    // “Ships …”`: a phrase of when or where after the tag's name. A title's abbreviation
    // (`Dr. Ana Ruiz`) ends no sentence.
    let s = draft("Bridge and Harbour\n\nSPRINGFIELD – Congresswoman Nora Quill (IL-18) welcomed the grant on Monday. \"The old bridge has carried our farmers for ninety years, said Quill. Now it will carry them for ninety more. I thank the department for listening.\"\n\n“Our harbour needs dredging, said Mayor Ola Brun at Tuesday’s council meeting. “Ships now wait a day for the tide.”\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "The old bridge has carried our farmers for ninety years,",
            "Now it will carry them for ninety more. I thank the department for listening.",
            "Our harbour needs dredging,",
            "Ships now wait a day for the tide."
        ],
        "{s:?}"
    );
    let s = draft(
        "Clinic\n\n\"The clinic opens in May, said Dr. Ana Ruiz. It will serve three valleys.\"\n",
    );
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        ["The clinic opens in May,", "It will serve three valleys."],
        "{s:?}"
    );
}

#[test]
fn a_title_in_marks_whose_closing_mark_is_lost_ends_with_the_statement() {
    // `“… her new album “Songs of the Fjord,” Brun concluded.`: the last closing mark,
    // before the tag, closes the statement; a title closed in the statement does not.
    let s = draft("Album\n\nMayor Ola Brun praised the singer on Friday. “I thank Rosa for her new album “Songs of the Fjord,” Brun concluded.\n\n“We all sang “Home Again” at the fair,” Brun said.\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "I thank Rosa for her new album “Songs of the Fjord,",
            "We all sang “Home Again” at the fair,"
        ],
        "{s:?}"
    );
}

#[test]
fn a_word_in_straight_marks_inside_a_straight_quotation_is_part_of_it() {
    // `(called a "bot") for …`, `a "smart" meter that …`: a word in marks within the
    // statement, which closes later.
    let s = draft("Code Contest\n\n\"Students can build a program (called a \"bot\") for any device. I urge every school to join,\" said Congresswoman Nora Quill.\n\n\"Each home gets a \"smart\" meter this year,\" Quill added.\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "Students can build a program (called a \"bot\") for any device. I urge every school to join,",
            "Each home gets a \"smart\" meter this year,"
        ],
        "{s:?}"
    );
}

#[test]
fn a_lawmakers_title_run_into_the_name_is_no_part_of_it() {
    // `said CongresswomanVarga`: a release that lost the space after the title; the
    // speaker is the congresswoman the opening names in full.
    let s = draft("Varga Brings Home Library Funds\n\nDALTON, GA – Today, Congresswoman Ilse Varga (GA-14) visited the Dalton library to mark the $80,000 she secured for its roof.\n\n“Every child in Dalton deserves a dry place to read,” said CongresswomanVarga.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ilse Varga",
            "Every child in Dalton deserves a dry place to read,"
        )]
    );
}

#[test]
fn the_house_members_of_a_letter_one_lawmaker_joined_are_that_lawmaker() {
    // `Congressman A joined more than 20 members of the House on a letter …. In their
    // letter, the House members write: “We …”`: the group is drafted as the lawmaker the
    // opening names, not as a party `House members`.
    let s = draft("LAWMAKERS URGE ACTION ON RAIL SAFETY\n\nWASHINGTON, DC – Today, Congressman Piet Oduya (OH-09) joined more than 20 members of the House on a letter urging the Transportation Secretary to act on rail safety.\n\nIn their letter, the House members write:\n\n“We cannot wait for another derailment before our towns are protected. We ask you to act now.”\n");
    let d = direct(&s);
    assert!(!d.is_empty(), "{s:?}");
    assert!(d.iter().all(|(n, _)| n == "Piet Oduya"), "{d:?}");
}

#[test]
fn a_paper_unable_to_obtain_comment_from_x_is_xs_no_response() {
    // `was unable to obtain comment from Port Director X`, `could not get comment from X`:
    // the party after the phrase gave no response; `obtained comment from` is a response.
    assert_declinings(
        "Docks\n\nDock workers walked out on Monday over unpaid wages.\n\nThe Courier was unable to obtain comment from Port Director Leon Abt.\n\nReporters could not get comment from the Harbour Board either.\n\nThe Courier obtained comment from the union, which called the pay delay unacceptable.\n",
        &[("Leon Abt", "no-response"), ("Harbour Board", "no-response")],
    );
}

#[test]
fn a_letters_bulleted_questions_are_part_of_the_letter() {
    // `The full text of the letter is below: "Dear Secretary …, / … we ask for your reply to
    // the below questions: / · When did these flights begin? / … these questions."`: the
    // statement runs on through its list, each item a piece of it.
    let s = draft("Lund Seeks Answers on Bus Routes\n\nWASHINGTON, D.C. – Today, Congressman Ari Lund (OH-07) led a letter to Transportation Secretary Mara Quist.\n\nThe full text of the letter is below:\n\n\"Dear Secretary Quist,\n\nWe are deeply concerned by reports that rural bus routes are being cut across our state without any notice. The lack of transparency is unacceptable.\n\nIn an effort to better understand the situation, we ask for your prompt reply to the below questions:\n\n· Which routes will be cut?\n\n· When will riders be told?\n\nOur towns depend on these buses to reach work, school and the doctor, and they deserve answers. We ask for a quick response to these questions.\"\n");
    let texts = direct_texts(&s);
    assert!(
        texts.contains(&"· Which routes will be cut?".to_string())
            && texts.contains(&"· When will riders be told?".to_string())
            && texts.contains(&"Our towns depend on these buses to reach work, school and the doctor, and they deserve answers. We ask for a quick response to these questions.".to_string()),
        "{texts:?}"
    );
}

#[test]
fn a_new_opening_mark_after_a_sentence_ends_the_open_quotation() {
    // `“… partners, not vendors. “I commend …,” she said.`: the closing mark was lost
    // before the next paragraph's opening one; two quotations, not one with a mark inside.
    let s = draft("Museum Bill Advances\n\nThe committee approved Congresswoman Lena Moor’s bill on the air museum. “What our region cares about is access to this museum, and we get there by treating the town as a partner. “I commend the chairman for taking the time to understand this issue,” said Moor.\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "What our region cares about is access to this museum, and we get there by treating the town as a partner.",
            "I commend the chairman for taking the time to understand this issue,"
        ],
        "{s:?}"
    );
}

#[test]
fn a_paragraph_whose_straight_opening_mark_was_lost_is_quoted_from_its_start() {
    // `I'm always excited to see …," Blumenauer remarked.`: the paragraph's one straight
    // mark closes a statement that began with the paragraph.
    let s = draft("Lund Visits Campus\n\nCongressman Ari Lund toured the state university on Monday.\n\nI'm always excited to see the research coming out of this campus and the lessons learned here shared across the country,\" Lund remarked. The campus joined his district this year.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ari Lund",
            "I'm always excited to see the research coming out of this campus and the lessons learned here shared across the country,"
        )],
        "{s:?}"
    );
}

#[test]
fn two_straight_single_marks_close_a_straight_quotation() {
    // `"… to be respected,'' said Jean Paul …`: two single marks typed for the double one.
    let s = draft("Protests Go On\n\nProtesters marched again on Friday.\n\n\"We will continue to fight for the constitution to be respected,'' said Jean Okello, a protest leader.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Jean Okello",
            "We will continue to fight for the constitution to be respected,"
        )],
        "{s:?}"
    );
}

#[test]
fn a_transcripts_turn_is_quoted_without_its_closing_mark_or_video_link() {
    // `GRAHAM: “…” https://youtu.be/…`: the link after the line is no one's words; a
    // paragraph going on with a turn ends with the turn's closing mark (`… terrorists?”`),
    // which is no part of the words, nor is a closing mark typed as an opening one (`I’m-“`).
    let s = draft("Hearing Exchange\n\nSenator Ann Cole questioned Secretary Bo Park on Tuesday. The exchange follows.\n\nCOLE: “Thank you, Mr. Secretary. I have a question about the border.\n\nWhat have you done about it?” https://youtu.be/abc?t=86\n\nPARK: “Look, I’m not going to comment about particular matters I’m-“\n\nCOLE: “I’m just stunned that you can’t recall that.” https://youtu.be/abc?t=90\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "Thank you, Mr. Secretary. I have a question about the border.",
            "What have you done about it?",
            "Look, I’m not going to comment about particular matters I’m-",
            "I’m just stunned that you can’t recall that."
        ],
        "{s:?}"
    );
}

#[test]
fn a_straight_mark_after_a_tag_left_in_a_typographic_quotation_opens_the_next() {
    // `“… gas prices, said Rep. Mary Miller. "Joe Biden …”`: the closing mark left out
    // before the tag, the next statement opened with a straight mark (mixed typing).
    let s = draft("Lawmakers Fault Oil Sale\n\nRep. Ada Pell and Rep. Mary Quinn wrote to the Energy Secretary on Monday.\n\n“Our reserves exist for emergencies, and draining them to move prices is reckless, said Rep. Mary Quinn. \"Families need real relief, not a short trick before an election.”\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "Our reserves exist for emergencies, and draining them to move prices is reckless,",
            "Families need real relief, not a short trick before an election."
        ],
        "{s:?}"
    );
}

#[test]
fn a_signature_inside_a_statements_marks_is_no_part_of_it() {
    // `“… pay the price. — Charles, Stafford` (its closing mark lost), `“… a dangerous
    // precedent. – Rep. Clyde”`: a dash and the writer's name after the last sentence.
    let s = draft("What Readers Wrote\n\nCongressman Eli Marsh asked residents what they thought of the new toll.\n\n“I drive to work every day and the toll costs me more than lunch. — Charles, Stafford\n\n“The toll punishes the people who can least afford it. – Rep. Marsh”\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "I drive to work every day and the toll costs me more than lunch.",
            "The toll punishes the people who can least afford it."
        ],
        "{s:?}"
    );
}

#[test]
fn stated_as_a_tag_left_inside_an_open_quotation_ends_it() {
    // `“… for women in the military, Col. Smith stated. It is an honor …”`: the tag in the
    // open quotation, its closing mark left out before it.
    let s = draft("Veteran Honored\n\nCongressman Eli Marsh honored Cpl. Ruth Alder, who served in World War II, on Friday.\n\n“Soldiers such as Cpl. Alder paved a path for women in the military, Col. Dana Smith stated. It is an honor to celebrate her service.”\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        [
            "Soldiers such as Cpl. Alder paved a path for women in the military,",
            "It is an honor to celebrate her service."
        ],
        "{s:?}"
    );
}

#[test]
fn a_stray_opening_mark_at_a_paragraphs_end_is_no_part_of_the_quotation() {
    // `“… the Russian government will release him. “`: a lone opening mark after the last
    // sentence, the statement left open; the words end with the sentence.
    let s = draft("University Backs Resolution\n\nThe university's president, Ann Vela, backed the resolution on Tuesday.\n\n“We share the pain of his family and friends. We hope the government will bring him home. “\n\nThe resolution goes to the floor next week.\n");
    let texts = direct_texts(&s);
    assert_eq!(
        texts,
        ["We share the pain of his family and friends. We hope the government will bring him home."],
        "{s:?}"
    );
}

#[test]
fn a_supporters_tag_with_no_verb_after_the_closing_mark_names_them() {
    // `“…,” Margaret Roe, SEIU. “…”`, `“…,” Bill Brewer, Executive Director of Nevada
    // Rural Housing.`: a release's supporter named after the quotation with no `said`; the
    // quotation is theirs, not the supporter's quoted before.
    let s = draft("Senator Tours New Clinic\n\nToday, U.S. Senator Ada Marsh visited the Fenwick clinic with Fenwick Health Director Omar Reyes.\n\n“This clinic shows what federal support can do for a small town,” said Senator Marsh.\n\n“Our patients no longer drive two hours for care,” said Reyes.\n\n“Nurses here finally have the space and tools to do their jobs well,” Lena Kraft, VNU. “We thank the senator for standing with us.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Marsh",
                "This clinic shows what federal support can do for a small town,"
            ),
            pair(
                "Omar Reyes",
                "Our patients no longer drive two hours for care,"
            ),
            pair(
                "Lena Kraft",
                "Nurses here finally have the space and tools to do their jobs well,"
            ),
            pair("Lena Kraft", "We thank the senator for standing with us.")
        ],
        "{s:?}"
    );
}

#[test]
fn a_long_phrase_opening_the_sentence_is_no_part_of_its_subject() {
    // `Upon learning of …, Congressman X released the following statement:`: a long
    // phrase before the subject; its first word (`Upon`) names no one.
    let s = draft("Statement on Nomination\n\nUpon learning of the Governor’s decision to nominate State Treasurer Carl Denby to lead the state’s new Department of Water and Rivers, Congressman Hal Pryor (R-ID) released the following statement:\n\n“Mr. Denby has no record on water policy, and the people of Idaho deserve better.”\n");
    let d = direct(&s);
    assert!(d.iter().all(|(n, _)| n != "Upon"), "{d:?}");
    assert_eq!(
        d,
        [pair(
            "Hal Pryor",
            "Mr. Denby has no record on water policy, and the people of Idaho deserve better."
        )],
        "{s:?}"
    );
}

#[test]
fn a_short_given_name_that_is_also_a_word_for_a_law_opens_a_persons_name() {
    // `Bill Brewer`: `Bill` opening a name is the given name (a short form of `William`),
    // not a law; the supporter tagged after the quotation is a person.
    let s = draft("Housing Funds Arrive\n\nToday, U.S. Senator Ada Marsh toured the Elm Street apartments with Housing Trust Director Bill Tanner.\n\n“These apartments will keep forty families in their town,” said Senator Marsh.\n\n“Without this money the building would have been sold,” Bill Tanner, Director of the Housing Trust.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Marsh",
                "These apartments will keep forty families in their town,"
            ),
            pair(
                "Bill Tanner",
                "Without this money the building would have been sold,"
            )
        ],
        "{s:?}"
    );
}

#[test]
fn a_long_clause_opening_the_sentence_comes_before_its_subject() {
    // `In the hours before the prime ministers of India and Pakistan are to meet here,
    // Pakistani officials are …`: a clause of a preposition or conjunction, however long,
    // is set off by its comma; the subject after it is who speaks.
    let s = draft("Ruritania Denies Role in Bombing\n\nIn the hours before the presidents of Ruritania and Vellonia are to meet in Geneva to talk about trade and the border, Ruritanian officials are busy with political damage control.\n\nThey are calling the news reports “a baseless attack on a peaceful neighbour.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ruritanian officials",
            "a baseless attack on a peaceful neighbour."
        )],
        "{s:?}"
    );
}

#[test]
fn an_opener_set_off_by_its_comma_is_no_subject() {
    // `Afterwards, Congressman X released the following statement:`, `Usually, X is …`: an
    // adverb opening the sentence with its comma names no one; the subject follows it.
    let s = draft("Statement on the Vote\n\nThe House voted on the farm bill on Tuesday.\n\nAfterwards, Congressman Hal Pryor (R-ID) released the following statement:\n\n“This bill keeps faith with the farmers of Idaho.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Hal Pryor",
            "This bill keeps faith with the farmers of Idaho."
        )],
        "{s:?}"
    );
}

#[test]
fn a_person_a_reporter_could_not_reach_by_name() {
    // `VOA could not reach Crisis Coalition Coordinator X`: a person reached by name is one
    // the reporter tried to call, with no `for comment`; not an agreement or a place.
    assert_declinings(
        "Minister Attacks Civic Groups\n\nRuritania's Information Minister Sam Ndoro said on Tuesday that civic groups are wreckers.\n\nThe Gazette could not reach Workers Union Coordinator Amos Kunda, who was named by the minister in the interview. His staff said he was in the countryside.\n\nThe two unions could not reach an agreement on the strike. The convoy failed to reach Kabul before dark.\n",
        &[("Amos Kunda", "no-response")],
    );
}

#[test]
fn a_response_a_reporter_could_not_obtain_from_a_party() {
    // `VOA was unable to obtain a response to Gono’s complaint from Chairman X`: the party
    // after the clause's `from`; the `he` who then did not return a call is the same one.
    assert_declinings(
        "Bank Chief Blames Banks\n\nCentral bank governor Peter Moyo said banks were hoarding cash.\n\nThe Gazette was unable to obtain a response to Moyo's complaint from Chairman Tom Dube of the Bankers Association of Ruritania - a staff member said Dube was in a meeting and he did not return a call placed to his office.\n",
        &[("Tom Dube", "no-response")],
    );
}

#[test]
fn a_person_called_who_was_not_picking_up_the_phone() {
    // `VOA reached out to Moyo for comment but he was not picking his phone`: the one
    // reached out to in the clause before, whose phone rang unanswered.
    assert_declinings(
        "Minister Loses Post\n\nRuritania's Information Minister Amos Kunda lost his post on Tuesday, President Paul Dube said.\n\nThe Gazette reached out to Kunda for comment but he was not picking his phone. Analysts say his future remains up in the air.\n",
        &[("Amos Kunda", "no-response")],
    );
}

#[test]
fn a_list_a_statement_left_open_brings_in_before_it_opens_again() {
    // `… voting for things like:` / `● Cuts to Social Security` / `“I’m grateful …”`: a
    // statement's paragraph left open brings in a list, and the paragraph after the list
    // opens its mark again, as a statement's next paragraph does: the items are its words.
    let s = draft("Pryor Vows to Fight\n\nBOISE, Nov. 7 – Congressman Hal Pryor (D-ID) vowed to fight the new majority's agenda.\n\n“I am sure that most people were not voting for things like:\n\n● Cuts to Social Security and Medicare\n\n● Higher prices on food and fuel\n\n“I am grateful for the chance to keep serving the people of Idaho.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Hal Pryor",
                "I am sure that most people were not voting for things like:"
            ),
            pair("Hal Pryor", "● Cuts to Social Security and Medicare"),
            pair("Hal Pryor", "● Higher prices on food and fuel"),
            pair(
                "Hal Pryor",
                "I am grateful for the chance to keep serving the people of Idaho."
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn a_title_with_its_prepositions_in_lower_case_is_no_quote() {
    // `curator of "Andy Warhol: Photographs and Prints from the University Collection"`:
    // title case leaves `from`, `with`, `into` in lower case; the exhibition's title is
    // nobody's words.
    let s = draft("Gallery Opens Show\n\nThe gallery opened a new show on Friday.\n\nMara Lind, curator of \"Harbour Lights: Paintings and Drawings from the Museum Collection\" at the State Gallery, led the tour.\n\n\"People still love these pictures,\" Lind said.\n");
    assert_eq!(
        direct(&s),
        [pair("Mara Lind", "People still love these pictures,")],
        "{s:?}"
    );
}

#[test]
fn remarks_printed_after_their_introduction_stay_the_speakers_across_a_separator() {
    // `X delivered the following remarks on the Senate floor:` then the speech, one
    // paragraph opening with a quotation mark each, with a `***` between its parts (the part
    // before it closed): every untagged paragraph is X's, however far from the introduction.
    let s = draft("Floor Remarks on the Farm Bill\n\nWASHINGTON, D.C. – U.S. Senate Republican Leader Ada Marsh (R-ID) delivered the following remarks today on the Senate floor regarding the farm bill:\n\n“This bill keeps faith with the farmers of Idaho.\n\n“It passed the committee with votes from both parties.”\n\n***\n\n“Second — the price of fertilizer.\n\n“Families on farms have paid twice as much this year.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Marsh",
                "This bill keeps faith with the farmers of Idaho."
            ),
            pair(
                "Ada Marsh",
                "It passed the committee with votes from both parties."
            ),
            pair("Ada Marsh", "Second — the price of fertilizer."),
            pair(
                "Ada Marsh",
                "Families on farms have paid twice as much this year."
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn an_excerpt_heading_before_the_speakers_possessive_is_no_party() {
    // `Excerpt of Marsh’s remarks below:`: the heading's words (`Excerpt of`) are no part
    // of the speaker; the remarks are Marsh's, the senator the release opens with.
    let s = draft("Marsh: The Farm Bill Keeps Faith\n\nU.S. Sen. Ada Marsh (R-Idaho) today spoke on the Senate floor in support of the farm bill.\n\nExcerpt of Marsh’s remarks below:\n\n“This bill keeps faith with the farmers of Idaho.\n\n“It passed the committee with votes from both parties.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ada Marsh",
                "This bill keeps faith with the farmers of Idaho."
            ),
            pair(
                "Ada Marsh",
                "It passed the committee with votes from both parties."
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn a_surname_two_people_share_is_the_principal_the_article_named_first() {
    // A writer names the second person of a surname in full to tell them apart; the
    // surname alone is the principal, named first (`Kelly` is Senator Mark Kelly, not his
    // brother Scott Kelly named since).
    let s = draft("Marsh Tours the Family Farm\n\nU.S. Senator Ada Marsh toured the family farm in Twin Falls on Monday.\n\nHer brother, Tom Marsh, has grown wheat there for thirty years.\n\n“The farm bill matters to every family here,” Marsh said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ada Marsh",
            "The farm bill matters to every family here,"
        )],
        "{s:?}"
    );
}

#[test]
fn a_report_from_an_organisation_is_its_words_when_the_report_speaks() {
    // `According to a December 2020 report from X, …. The report stated that, “…”`: the
    // document's author, named with it after `from` as after `by`, speaks for it.
    let s = draft("Senators Ask for Flexibility on Reservoirs\n\nU.S. Senator Ada Marsh wrote to the Interior Department on Monday.\n\nAccording to a December 2020 report from the Idaho Water Board, the reservoirs have been low for years. The report stated that, “Most reservoirs hold less than half of their usual water.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Idaho Water Board",
            "Most reservoirs hold less than half of their usual water."
        )],
        "{s:?}"
    );
}

#[test]
fn a_releases_label_before_its_colon_is_no_speaker() {
    // `ICYMI: Reyes on Wednesday: “…”`: the label a release's paragraph opens with names
    // no one; the subject after it speaks.
    let s = draft("Marsh Answers the Governor\n\nU.S. Senator Ada Marsh answered Governor Tom Reyes on the farm bill on Thursday.\n\nICYMI: Reyes on Wednesday: “The farm bill is the worst news Idaho farmers have had in years.”\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Tom Reyes",
            "The farm bill is the worst news Idaho farmers have had in years."
        )],
        "{s:?}"
    );
}

#[test]
fn surnames_joined_after_a_plural_title_are_the_full_names() {
    // `“…” - Reps. Bentz and LaMalfa said.` after `Reps. Ada Marsh (OR-02) and Tom Reyes
    // (CA-01)`: the plural title names no one; the pair is named by the full names.
    let s = draft("Marsh, Reyes Release Statement on the Dams\n\nWASHINGTON - Today, Reps. Ada Marsh (OR-02) and Tom Reyes (CA-01) released a statement on the decision to remove the dams.\n\n\"We are outraged by the decision to remove the dams,\" Reps. Marsh and Reyes said.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ada Marsh and Tom Reyes",
            "We are outraged by the decision to remove the dams,"
        )],
        "{s:?}"
    );
}

#[test]
fn a_name_after_a_long_title_completes_joined_surnames() {
    // `House Small Business Committee Chairwoman Nydia Velazquez`: the name after a title of
    // many words is the full name `wrote Chu and Velazquez` stands for.
    let s = draft("Marsh Calls on the Agency to Help Venues\n\nPASADENA, CA - Today, Representative Ada Marsh (CA-27) and House Small Business Committee Chairwoman Nora Reyes (NY-07) sent a letter to the agency.\n\n\"Performing arts businesses were among the first to feel the pandemic,\" wrote Marsh and Reyes.\n");
    assert_eq!(
        direct(&s),
        [pair(
            "Ada Marsh and Nora Reyes",
            "Performing arts businesses were among the first to feel the pandemic,"
        )],
        "{s:?}"
    );
}

#[test]
fn no_comment_to_have_or_make_and_a_refusal_written_denied_to() {
    // `does not have any comment on`, `cannot make any comments on`, `has no real comment
    // on`, `denied to elaborate`: refusals to comment in the wording of wire and
    // translated copy; `privileges denied to the people` is none.
    assert_declinings(
        "Vote\n\nThe Harbour Party does not have any comment on the shooting at this point.\n\nIn a message to the people, Queen Ana Velo said she cannot make any comments on the vote in the Assembly.\n\nEmbassy spokesman Tom Reyes said he has no real comment on the treaty.\n\nProvincial chief Lin Park claims that the list was submitted on January 3, but denied to elaborate further.\n\nThe regime enjoys privileges denied to the people.\n",
        &[
            ("Harbour Party", "declined"),
            ("Ana Velo", "declined"),
            ("Tom Reyes", "declined"),
            ("Lin Park", "declined"),
        ],
    );
}

#[test]
fn comment_a_reporter_could_not_obtain_from_a_party_and_no_response_made() {
    // `VOA was unable to obtain comment Wednesday from top Health Ministry officials`,
    // `Studio 7 failed to get a comment from Mayor X`: the party after the clause's `from`;
    // `AHF made no response to VOA's interview request`; `officials … will not give their
    // precise nationalities`, `the ministry has not reacted to the letter`.
    assert_declinings(
        "Strike\n\nNurses stayed away from the wards on Tuesday.\n\nVOA was unable to obtain comment Wednesday from the Health Ministry.\n\nStudio 7 failed to get a comment from Mayor Philip Dube as his phone was not answered.\n\nThe Alpine Relief Foundation made no response to VOA’s interview request.\n\nPrison officials will not give their precise nationalities.\n\nThe Foreign Ministry has not reacted to the letter.\n",
        &[
            ("Health Ministry", "no-response"),
            ("Philip Dube", "no-response"),
            ("Alpine Relief Foundation", "no-response"),
            ("Prison officials", "declined"),
            ("Foreign Ministry", "declined"),
        ],
    );
}

#[test]
fn neither_of_two_long_named_parties_has_reacted() {
    // `Neither the Foreign Affairs Ministry nor Vietnam Embassy officials have reacted to
    // the letter`: both parties' silence, the verb after a subject of several words; a city
    // that `failed to react quickly enough` to a crisis is no silence.
    assert_declinings(
        "Letter\n\nThe group wrote to the government on Monday. Neither the Foreign Affairs Ministry nor Harbour City Embassy officials have reacted to the letter.\n\nCritics say the city police failed to react quickly enough to the flood.\n",
        &[
            ("Foreign Affairs Ministry", "declined"),
            ("Harbour City Embassy officials", "declined"),
        ],
    );
}

#[test]
fn two_curly_single_marks_close_a_double_quotation() {
    // `“… with this type of support,’’ said City Manager X.`: two closing single marks
    // typed for the double one end the quotation before its tag.
    let s = draft("Airport Grants\n\nU.S. Senator Ada Marsh announced the grants on Monday.\n\n“Capital improvements at the Albany Airport are made possible with this type of support,’’ said City Manager Peter Dube. “Without these grants we could not run the airport.”\n\n“We thank Senator Marsh for the bipartisan ‘‘Airport Access Act,’’ which keeps small fields open,” said Mayor Ana Velo.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Peter Dube",
                "Capital improvements at the Albany Airport are made possible with this type of support,"
            ),
            pair("Peter Dube", "Without these grants we could not run the airport."),
            pair(
                "Ana Velo",
                "We thank Senator Marsh for the bipartisan ‘‘Airport Access Act,’’ which keeps small fields open,"
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn a_refusal_chosen_wished_or_not_prepared_for() {
    // The grammar's heads of a chosen refusal: `chose not to`, `opted not to`, `did not
    // want to`, `was not prepared to`, `were not willing to`, `would rather not`, with any
    // act of speech after them; a fire that `chose not to spread` is none (no act of
    // speech).
    assert_declinings(
        "Dispute\n\nThe union went on strike on Monday.\n\nThe Harbour Authority chose not to comment on the strike.\n\nGlobex opted not to elaborate.\n\nThe mayor did not want to discuss the budget.\n\nPolice were not prepared to say whether arrests had been made.\n\nThe airline was not willing to speculate.\n\nThe union would rather not comment until the vote.\n",
        &[
            ("Harbour Authority", "declined"),
            ("Globex", "declined"),
            ("mayor", "declined"),
            ("Police", "declined"),
            ("airline", "declined"),
            ("union", "declined"),
        ],
    );
}

#[test]
fn a_party_unable_or_not_able_to_answer() {
    // An inability, read like a habit (only with a verb that answers someone in itself):
    // `was unable to comment`, `were not able to respond`; not `was unable to say how many
    // had died` (an inability to know).
    assert_declinings(
        "Flood\n\nThe river burst its banks on Sunday.\n\nThe Water Board was unable to comment on Monday.\n\nCity officials were not able to respond to questions.\n\nThe coroner was unable to say how many had died.\n",
        &[("Water Board", "declined"), ("City officials", "no-response")],
    );
}

#[test]
fn calls_unreturned_statements_unissued_questions_untaken() {
    // Objects of the grammar's verbs: calls and messages not returned (`failed to return
    // phone calls`; not `did not return to the city`), a statement not issued or made
    // (`has failed to issue any statement`, `was unwilling to make a public statement`),
    // questions not taken (`has not taken questions`).
    assert_declinings(
        "Plant\n\nThe plant closed on Friday.\n\nGlobex failed to return phone calls.\n\nThe owner did not return to the city.\n\nThe Labour Ministry has failed to issue any statement.\n\nThe governor was unwilling to make a public statement.\n\nThe chairman has not taken questions since the closure.\n",
        &[
            ("Globex", "no-response"),
            ("Labour Ministry", "declined"),
            ("governor", "declined"),
            ("chairman", "declined"),
        ],
    );
}

#[test]
fn what_was_not_divulged_described_or_reacted_to() {
    // `has not divulged how`, `did not describe what`, `would not react`, `refused to
    // react`, `has never reacted`; not `did not react to the drug` (a body's).
    assert_declinings(
        "Raid\n\nSoldiers raided the village on Tuesday.\n\nThe army has not divulged how the men died.\n\nThe governor did not describe what the soldiers found.\n\nThe embassy would not react to the report.\n\nThe ministry refused to react.\n\nThe palace has never reacted to the claims.\n\nThe patient did not react to the drug.\n",
        &[
            ("army", "declined"),
            ("governor", "declined"),
            ("embassy", "declined"),
            ("ministry", "declined"),
            ("palace", "declined"),
        ],
    );
}

#[test]
fn a_party_not_reached_in_any_tense() {
    // `has not been reached for comment`, `was unable to be contacted`; not `an agreement
    // has not been reached` (no `for comment`).
    assert_declinings(
        "Talks\n\nThe talks ended on Friday. An agreement has not been reached.\n\nThe Transport Union has not been reached for comment.\n\nSeaways Ferries could not be contacted.\n",
        &[("Transport Union", "no-response"), ("Seaways Ferries", "no-response")],
    );
}

#[test]
fn a_reporters_attempts_to_reach_a_party_that_came_to_nothing() {
    // `Attempts to reach X for comment were unsuccessful`, `efforts to contact X by phone
    // failed`: the party after the phrase, a no-response; not `attempts to reach the
    // summit failed` (a place, nobody asked).
    assert_declinings(
        "Mine\n\nThe mine closed on Monday.\n\nAttempts to reach the Mines Ministry for comment were unsuccessful.\n\nEfforts to contact Globex Mining by phone failed on Tuesday.\n\nThe Courier’s attempts to get information from the Labour Board were unsuccessful.\n\nAttempts to reach the summit failed in the storm.\n",
        &[
            ("Mines Ministry", "no-response"),
            ("Globex Mining", "no-response"),
            ("Labour Board", "no-response"),
        ],
    );
}

#[test]
fn nothing_given_when_asked_in_one_family() {
    // A verb of giving, `no`, an adjective and a noun of speech: `gave no answer`,
    // `provided no further comment`, `has offered no reason`; an answer, a response or a
    // reply not given is a no-response (`gave no answer`, `issued no immediate response`).
    assert_declinings(
        "Closure\n\nThe school closed on Monday.\n\nThe district gave no answer.\n\nThe Education Board provided no further comment.\n\nThe principal has offered no reason for the closure.\n\nGlobex issued no immediate response.\n",
        &[
            ("district", "no-response"),
            ("Education Board", "declined"),
            ("principal", "declined"),
            ("Globex", "no-response"),
        ],
    );
}

#[test]
fn a_sentence_subject_named_with_of_and_their_body_quotes() {
    // `Mick Jagger of The Rolling Stones also reacted on Twitter, “…”`, `House Republican
    // leader John Boehner of Ohio fired back with accusations that Democrats are seeking
    // “…”`: the subject is the person before `of`, not the speaker before; one of a list
    // (`Senators Dan Coats of Indiana, John McCain of Arizona, …`) is no subject alone.
    let s = draft("Drummer Dies\n\nThe drummer died on Sunday, his family said.\n\n“A very sad loss,” wrote Steve Winwood in a statement.\n\nMick Jagger of The Rolling Stones also reacted on Twitter, “Sad news, I remember playing with him very early on.”\n\n“It is clear that the difference is accountability,” said Speaker Nancy Pelosi.\n\nHouse Republican leader John Boehner of Ohio fired back with accusations that Democrats are seeking “an arbitrary surrender date” for the troops.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Steve Winwood", "A very sad loss,"),
            pair(
                "Mick Jagger",
                "Sad news, I remember playing with him very early on."
            ),
            pair(
                "Nancy Pelosi",
                "It is clear that the difference is accountability,"
            ),
            pair("John Boehner", "an arbitrary surrender date"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_named_body_as_the_sentence_subject_quotes() {
    // `The United Nations Security Council issued a statement to “…”`, `The Nobel committee
    // cited “…”`: a quotation with no tag in a sentence whose subject, before it, is a named
    // body is the body's, not the last person quoted (not when the name only owns the
    // subject: `Hospira's decision caused …`).
    let s = draft("Attack Condemned\n\n“We will not retreat,” said Hussein Abdi Isak, a district commander.\n\nThe United Nations Security Council issued a statement to “condemn in the strongest terms the attacks on the mission.”\n\n“We stopped making the drug,” said Ana Velo, a spokeswoman for Harbour Pharma.\n\nThe Nobel Committee cited “her contribution to sustainable development.”\n");
    assert_eq!(
        direct(&s),
        [
            pair("Hussein Abdi Isak", "We will not retreat,"),
            pair(
                "United Nations Security Council",
                "condemn in the strongest terms the attacks on the mission."
            ),
            pair("Ana Velo", "We stopped making the drug,"),
            pair(
                "Nobel Committee",
                "her contribution to sustainable development."
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn a_body_s_long_title_before_the_name_in_a_tag() {
    // `“…,” said White House Council on Environmental Quality Chair Brenda Mallory. “…”`: a
    // body's capitalised name, a title word, then the person's name: the person speaks, and
    // the paragraph's next quotation continues them.
    let s = draft("Lands Rule\n\nThe agency issued its final rule on Thursday.\n\n“This rule restores balance to our public lands,” said Harbour Council on Environmental Quality Chair Ana Velo. “It will serve the next generation.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ana Velo",
                "This rule restores balance to our public lands,"
            ),
            pair("Ana Velo", "It will serve the next generation."),
        ],
        "{s:?}"
    );
}

#[test]
fn a_pull_quote_printed_again_with_its_speaker() {
    // A release's pull quote above its opening (`“In other words, …”`, then `Text of Letter
    // (PDF)`), its words quoted again in the body with their speaker: that speaker, not
    // unattributed.
    let s = draft("Velo Presses Agency Over Rising Fees\n\nWith new data showing fees up again, Senator calls for a review\n\n“In other words, the fees keep rising while the service keeps getting worse”\n\nText of Letter (PDF)\n\nWashington, D.C. – U.S. Senator Ana Velo sent a letter to the agency on Tuesday.\n\n“In other words, the fees keep rising while the service keeps getting worse for families across the state,” wrote Senator Velo.\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ana Velo",
                "In other words, the fees keep rising while the service keeps getting worse"
            ),
            pair(
                "Ana Velo",
                "In other words, the fees keep rising while the service keeps getting worse for families across the state,"
            ),
        ],
        "{s:?}"
    );
}

#[test]
fn a_statement_headed_with_its_giver() {
    // `Statement from HHS Secretary Xavier Becerra`, `Rep. Castor Statement on …`: a release
    // headed as someone's statement, whose quotations carry no tag: the headline's giver.
    let s = draft("Statement from Harbour Secretary Ana Velo\n\n“Today’s ruling brings accountability, but our work is far from done.”\n\n“We will keep working with every community in the state.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Ana Velo",
                "Today’s ruling brings accountability, but our work is far from done."
            ),
            pair(
                "Ana Velo",
                "We will keep working with every community in the state."
            ),
        ],
        "{s:?}"
    );
    let s = draft("Rep. Dana Whitcomb Statement on the Harbour Budget\n\n“This budget puts families first and keeps our promises to seniors.”\n\n“I will vote for it.”\n");
    assert_eq!(
        direct(&s),
        [
            pair(
                "Dana Whitcomb",
                "This budget puts families first and keeps our promises to seniors."
            ),
            pair("Dana Whitcomb", "I will vote for it."),
        ],
        "{s:?}"
    );
}

#[test]
fn a_group_in_lower_case_not_reached_or_with_no_comment() {
    // `There was no comment from the rebels`, `There is no reaction from UNHCR yet`, `were
    // unable to reach most of the named Zanu PF officials`, `unable to obtain comment
    // Wednesday from top Health Ministry officials`: the group is the party; not `no
    // reaction from the market`, nor `could not reach the rebels` (a group not named by an
    // organisation, reached with no `for comment`).
    assert_declinings(
        "Front\n\nThe army said it took the ridge on Monday. There was no comment from the rebels.\n\nThere is no reaction from Harbour Relief yet. There was no reaction from the market.\n\nReporters were unable to reach most of the named Velo Party officials. Troops could not reach the insurgents.\n\nVOA was unable to obtain comment Wednesday from top Harbour Ministry officials.\n",
        &[
            ("rebels", "declined"),
            ("Harbour Relief", "no-response"),
            ("Velo Party officials", "no-response"),
            ("Harbour Ministry officials", "no-response"),
        ],
    );
}

#[test]
fn a_tag_with_a_gloss_in_brackets_after_the_name() {
    // `“…,” Congressman Tim Scott (R-SC) said.`, `“…” Rep. Stephanie Bice (OK-05) said.`,
    // `the Harbour Safety Board (HSB) advised “…”`: a party and state, a district or an
    // acronym in brackets between the name and the verb is no part of the name; each
    // lawmaker speaks, not the one before carried on.
    let s = draft("Lawmakers back the Safe Leave Act\n\nWASHINGTON — Three lawmakers introduced the Safe Leave Act on Tuesday.\n\n“Survivors need time to heal,” Congresswoman Ana Velo (D-CA) said. “This bill gives them that time.”\n\n“I am grateful for the support of my colleagues,” Rep. Dana Whitcomb (OK-05) said.\n\n“Heating aid keeps families warm,” Congressman Tom Reed (CT-02) said.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Velo", "Survivors need time to heal,"),
            pair("Ana Velo", "This bill gives them that time."),
            pair(
                "Dana Whitcomb",
                "I am grateful for the support of my colleagues,"
            ),
            pair("Tom Reed", "Heating aid keeps families warm,"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_verb_in_a_tags_place_is_the_tag() {
    // `“…,” shared Heather Lattimer, dean of …`, `“…,” Republican political strategist Kevin
    // Madden offered.`, `“…” laughed Dr. Sangay.`: a verb, whatever it is, in the tag's place
    // after a quotation that closes as a tag's does, with a person's name up to the
    // sentence's end, names the speaker (not the one quoted before).
    let s = draft("Clinic gets federal money\n\nSAN JOSE — Rep. Dana Whitcomb handed the clinic a check on Friday.\n\n“We are very grateful for the support,” shared Ana Velo, dean of the College of Education.\n\n“It is a good start,” Republican strategist Tom Reed offered.\n\n“Who could have known?” laughed Dr. Lena Ortiz.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Velo", "We are very grateful for the support,"),
            pair("Tom Reed", "It is a good start,"),
            pair("Lena Ortiz", "Who could have known?"),
        ],
        "{s:?}"
    );
}

#[test]
fn silence_as_a_state_in_any_tense() {
    // A verb of state and an adjective of silence, read as a grammar: `remains silent`,
    // `has been largely tight-lipped`, `keeps quiet about`, `are still mum` (none listed
    // before); not `the streets remained quiet` nor `the room was silent` (no what about).
    assert_declinings(
        "Quiet\n\nThe Harbour Ministry remains silent.\n\nGlobex has been largely tight-lipped.\n\nThe league keeps quiet about the deal.\n\nThe organisers are still mum on the cost.\n\nThe streets remained quiet. The room was silent.\n",
        &[
            ("Harbour Ministry", "declined"),
            ("Globex", "declined"),
            ("league", "declined"),
            ("organisers", "declined"),
        ],
    );
}

#[test]
fn requests_for_words_turned_away() {
    // A verb of turning away, its modifiers and a request for words: `rejected VOA's
    // requests for an interview`, `has turned down three written requests to comment`, `is
    // ignoring media interview requests` (none listed before); not `rejected requests for asylum`,
    // `declined a request to extend the deadline`.
    assert_declinings(
        "Turned away\n\nThe Harbour Ministry rejected VOA's requests for an interview.\n\nGlobex has turned down three written requests to comment.\n\nThe league is ignoring media interview requests.\n\nThe court rejected requests for asylum. The council declined a request to extend the deadline.\n",
        &[
            ("Harbour Ministry", "declined"),
            ("Globex", "declined"),
            ("league", "declined"),
        ],
    );
}

#[test]
fn a_declining_subject_placed_in_a_town_is_its_head() {
    // `Police in Velmora province declined …`, `The embassy in Harare declined …`: the head
    // of the subject before `in` and a place, not the place.
    assert_declinings(
        "Placed\n\nFarmers sued the police on Monday.\n\nPolice in Velmora province declined to discuss the case.\n\nThe trade office in Harare declined to comment.\n",
        &[("Police", "declined"), ("trade office", "declined")],
    );
}

#[test]
fn a_declining_subject_interrupted_by_a_who_clause() {
    // `X, who is …, a town north of Harare, the capital, declined …`: the name before the
    // clause, not the last name inside it.
    assert_declinings(
        "Interrupted\n\nFuel ran short in the north.\n\nGlobex Chairman Tomas Verel, who is also a member of parliament for Lake Dara, a town north of Harare, the capital, declined to comment on the crisis.\n",
        &[("Tomas Verel", "declined")],
    );
}

#[test]
fn a_declining_body_by_definite_description() {
    // `An EU delegation visited … The delegation did not give any details`: the body named
    // before with that noun, not the person named last.
    assert_declinings(
        "Described\n\nAn EU delegation visited jailed lawmaker Tomas Verel on Monday.\n\nThe delegation did not give any details about the meeting.\n",
        &[("EU delegation", "declined")],
    );
}

#[test]
fn a_tags_name_then_where_the_speaker_is_from() {
    // `“…,” said Simon Janzen from Divi Divi Air`, `“…,” said Sophal of Occidental College`,
    // `“…,” said Stelmach in Edmonton`: a person's name (a surname alone too), then `of`,
    // `from`, `at` or `in` and the body or place they are of: the person speaks, not the
    // body or the place.
    let s = draft("Harbour reopens\n\nPORT LOUIS — The harbour reopened on Friday after a week of repairs.\n\n“He is a hero,” said Ana Velo from Bluewing Air.\n\n“The work was done well,” said Marchetti of Carver College.\n\n“We are going to work with them,” said Okonkwo in Toronto, the capital of Ontario.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Velo", "He is a hero,"),
            pair("Marchetti", "The work was done well,"),
            pair("Okonkwo", "We are going to work with them,"),
        ],
        "{s:?}"
    );
}

#[test]
fn nothing_given_in_any_tense_with_any_adjectives() {
    // A verb of giving a word in any form, `no`, up to two adjectives and a noun of speech
    // (`had provided no new details`, `has released no further public statements`, `gave
    // no specific reasons`, `is issuing no replies`; none listed before); not a `no` of
    // anything else (`made no mistake`, `gave no ground`).
    assert_declinings(
        "Nothing given\n\nThe Harbour Ministry had provided no new details about the talks.\n\nGlobex has released no further public statements on the merger.\n\nThe Velmora League gave no specific reasons for the ban.\n\nThe Tarn Council has issued no replies to our questions.\n\nThe striker made no mistake from the spot. The army gave no ground.\n",
        &[
            ("Harbour Ministry", "declined"),
            ("Globex", "declined"),
            ("Velmora League", "declined"),
            ("Tarn Council", "no-response"),
        ],
    );
}

#[test]
fn a_verb_of_saying_refused_needs_no_object() {
    // After a refusal or an unwillingness a verb of saying is a declining in itself
    // (`opted not to explain`, `were initially unwilling to explain`, `would rather not
    // clarify`, `was at first reluctant to say`; none read before: a question word or an
    // object was needed, as after a plain negation still: `did not say`).
    assert_declinings(
        "Unsaid\n\nThe Harbour Ministry opted not to explain.\n\nGlobex officials were initially unwilling to explain the delay.\n\nThe Tarn Council would rather not clarify.\n\nThe Velmora League was at first reluctant to say.\n",
        &[
            ("Harbour Ministry", "declined"),
            ("Globex", "declined"),
            ("Tarn Council", "declined"),
            ("Velmora League", "declined"),
        ],
    );
}

#[test]
fn a_name_set_off_by_a_description_then_said_and_another_name() {
    // `Patrick Leahy, a Democrat on the Senate Judiciary committee, said Trump's “…”`,
    // `Sejdiu, in a live interview, also said Kosovo will “…”`: the name opening the sentence,
    // set off by a description, is the verb's subject; the name after `said` opens what was
    // said, it is no tag turned round.
    let s = draft("Harbour reopens\n\nPORT LOUIS — The harbour reopened on Friday after a week of repairs.\n\nAna Velo, a member of the port committee, said Marchetti's plan was \"a waste of money\" for the town.\n\nOkonkwo, in a radio interview on Saturday, also said Carver Shipping will \"pay for every day lost\" to the strike.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Velo", "a waste of money"),
            pair("Okonkwo", "pay for every day lost"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_name_then_a_description_with_no_closing_comma_before_said() {
    // `Nurta Hussein, another resident said: “…”`, `Ellen Laipson, the other ex-CIA official
    // also stated, “…”`, `Dr. Michael Lemole, one neurosurgeon operating on Giffords said`: the
    // description's closing comma left out, with no `of`: the name opening the sentence
    // speaks, not the role or the one named last in the description.
    let s = draft("Harbour reopens\n\nPORT LOUIS — The harbour reopened on Friday after a week of repairs.\n\nResident Lina Osei said the quays were empty.\n\nTomas Verel, another resident said: \"We were woken up by the cranes at 2 a.m.\"\n\nAna Velo, the other harbour official also stated, \"The work is done.\"\n\nDr. Paul Marchetti, one engineer working with Okonkwo said that the quay was \"as good as new\".\n");
    assert_eq!(
        direct(&s),
        [
            pair("Tomas Verel", "We were woken up by the cranes at 2 a.m."),
            pair("Ana Velo", "The work is done."),
            pair("Paul Marchetti", "as good as new"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_name_set_off_by_two_phrases_before_said() {
    // `Anderson Cooper, of CNN, one of her four sons, stated, “…”`, `Kem Sokha, president of
    // the Human Rights Party, which has three seats in the Assembly, said “…”`: two phrases set
    // off in commas between the name opening the sentence and the verb; the name speaks, not
    // the body named in the first phrase.
    let s = draft("Harbour reopens\n\nPORT LOUIS — The harbour reopened on Friday after a week of repairs.\n\nAna Velo, of Bluewing Air, one of the harbour's oldest tenants, stated, \"We lost a month of flights.\"\n\nTomas Verel, president of the Dockers Union, which has three seats on the board, said the repairs were \"long overdue\".\n");
    assert_eq!(
        direct(&s),
        [
            pair("Ana Velo", "We lost a month of flights."),
            pair("Tomas Verel", "long overdue"),
        ],
        "{s:?}"
    );
}

#[test]
fn an_announced_statement_marked_only_where_it_opens_and_closes() {
    // `Congressman X issued the following statement …:` / `"President Biden's description …`
    // / paragraphs with no mark that report what others said (`on July 8th he insisted …`,
    // `the president, while …, says we will …`), a line of elision (`. . .`) / `… not a
    // plan."`: the statement runs on from its opening mark to its closing one, each paragraph
    // a piece of it, and the elision no words of it.
    let s = draft("Rep. Holt: Port Plan Falls Short\n\nToday, Congresswoman Dana Holt issued the following statement on the governor's port plan:\n\n\"The governor's plan for the harbour does not square with the facts.\n\nIn April he said the quays would be ready by summer; in July he insisted the money was there. Neither was true, and the dockers know it.\n\nThe governor, while claiming the work done, says we will see ships by May. We will not, and our town deserves better than this.\n\n. . .\n\nThe harbour is the heart of our town, and I will keep fighting for it until it reopens.\"\n");
    assert_eq!(
        direct(&s),
        [
            pair("Dana Holt", "The governor's plan for the harbour does not square with the facts."),
            pair("Dana Holt", "In April he said the quays would be ready by summer; in July he insisted the money was there. Neither was true, and the dockers know it."),
            pair("Dana Holt", "The governor, while claiming the work done, says we will see ships by May. We will not, and our town deserves better than this."),
            pair("Dana Holt", "The harbour is the heart of our town, and I will keep fighting for it until it reopens."),
        ],
        "{s:?}"
    );
}

#[test]
fn a_rank_written_short_is_the_title_not_the_speaker() {
    // `said Tech. Sgt. Steven Edmundson, …`, `said Spc. Kevin Antonio Jones, …`, `said Lt.
    // j.g. Trevor Layman, …`: a military rank written short with its full stop does not end
    // the sentence and is not the speaker's name; the person after it speaks.
    let s = draft("Base holds blood drive\n\nFORT HALE — Soldiers and airmen gave blood at the base clinic on Friday.\n\n\"It is like we are one family,\" said Tech. Sgt. Mara Quill, the clinic's duty officer.\n\n\"We filled every chair by noon,\" said Spc. Dario Venn, a medic with the unit.\n\n\"Launching at night is hard,\" said Lt. j.g. Tomas Verel, the station's duty officer.\n");
    assert_eq!(
        direct(&s),
        [
            pair("Mara Quill", "It is like we are one family,"),
            pair("Dario Venn", "We filled every chair by noon,"),
            pair("Tomas Verel", "Launching at night is hard,"),
        ],
        "{s:?}"
    );
}

#[test]
fn a_refusal_named_as_a_noun_after_its_possessor() {
    // The refusal as a noun, read like a plain negation (`Globex's continued refusal to take
    // questions`, `the council's refusal to elaborate`): a verb that answers someone in
    // itself or one with its object, the possessor its party; not a refusal to act (`refusal
    // to pay the fine`, `refusal to debate the plan`), nor one to say or explain why or how
    // (a defendant's before a court: `refusal to explain how he acquired the gun`), nor one
    // with no possessor.
    assert_declinings(
        "Refusals\n\nGlobex's continued refusal to take questions angered investors.\n\nThe Tarn Council's refusal to elaborate on the closure drew protests.\n\nThe Velmora League's refusal to pay the fine went to court. The Orlan Board's refusal to explain how the money was spent went to court.\n\nThe Harbour Ministry's refusal to debate the plan in public was criticised.\n\nA refusal to speculate is common.\n",
        &[("Globex", "declined"), ("Tarn Council", "declined")],
    );
}

#[test]
fn reluctance_after_seem_appear_or_remain() {
    // An adjective of reluctance (`unwilling`, `reluctant`, `hesitant`, `loath`) after `be`
    // or a verb of seeming or remaining, then an act of speech (`seemed unwilling to
    // discuss`, `appeared reluctant to comment`, `has remained hesitant to say when`, `was
    // loath to elaborate`); not a reluctance to act (`was reluctant to attend the talks`,
    // `seemed unwilling to pay`).
    assert_declinings(
        "Reluctance\n\nThe Harbour Ministry seemed unwilling to discuss the matter.\n\nGlobex officials appeared reluctant to comment on the deal.\n\nThe Tarn Council has remained hesitant to say when the school reopens.\n\nThe Velmora League was loath to elaborate.\n\nThe minister was reluctant to attend the talks. The Orlan Board seemed unwilling to pay the fine.\n",
        &[
            ("Harbour Ministry", "declined"),
            ("Globex", "declined"),
            ("Tarn Council", "declined"),
            ("Velmora League", "declined"),
        ],
    );
}

#[test]
fn no_word_from_a_party_said_to_be_unavailable_received_or_issued() {
    // `no`, adjectives and a noun of speech, a form of `be` and a state before `from` or `by`
    // (`No comment was immediately available from X`, `No official response has been
    // received from X`, `No statement was issued by X`); not a comment section, nor a
    // `no comment` said in quotation marks, which is the speaker's quote.
    let s = draft("Nothing from them\n\nNo comment was immediately available from the Harbour Ministry.\n\nNo official response has been received from the Tarn Council.\n\nNo statement was issued by Globex.\n\nThere is no comment section on the Velmora League's site.\n\n\"No comment from me,\" said Ana Velo.\n");
    assert_eq!(
        declinings(&s),
        [
            ("Harbour Ministry".to_string(), "declined".to_string()),
            ("Tarn Council".to_string(), "no-response".to_string()),
            ("Globex".to_string(), "declined".to_string()),
        ],
        "{s:?}"
    );
    assert_eq!(
        direct(&s),
        [pair("Ana Velo", "No comment from me,")],
        "{s:?}"
    );
}

#[test]
fn a_reporters_tries_by_a_verb_or_with_who_tried() {
    // A reporter's tries named by a verb or with who tried (`Repeated efforts by VOA to
    // reach X for comment were unsuccessful`, `VOA tried to reach X for comment, but without
    // success`, `tries to contact X but fails`): the one reached or contacted did not
    // respond; not a place reached (`tried to reach Tarn Village but failed`), nor a
    // contact that came to something.
    assert_declinings(
        "Unreached\n\nRepeated efforts by VOA to reach Interior Minister Ana Velo for comment were unsuccessful.\n\nVOA tried to reach Harbour Ministry spokesman Tomas Verel for comment, but without success.\n\nThe station's reporter tries to contact Globex but fails.\n\nRescue teams tried to reach Tarn Village but failed. The Orlan Board tried to contact the Velmora League and agreed a deal.\n",
        &[
            ("Ana Velo", "no-response"),
            ("Tomas Verel", "no-response"),
            ("Globex", "no-response"),
        ],
    );
}

#[test]
fn a_body_in_lower_case_not_reached_read_back_to_its_name() {
    // The party of a reporter's failed contact or a `no comment from` written as `the` and a
    // noun (`Calls to the ministry went unanswered`, `Efforts to reach the company for
    // comment were unsuccessful`): the body the article named before with that noun
    // (`Tarn Ministry`, `Globex Company`); not one the article never named.
    assert_declinings(
        "Unanswered\n\nThe Tarn Ministry ordered the harbour closed on Friday. Globex Company runs the quays.\n\nCalls to the ministry went unanswered.\n\nEfforts to reach the company for comment were unsuccessful.\n\nCalls to the regulator went unanswered.\n",
        &[
            ("Tarn Ministry", "no-response"),
            ("Globex Company", "no-response"),
        ],
    );
}

#[test]
fn no_comment_modifying_a_noun_is_no_declining() {
    // `comment` as the modifier of a compound noun (`has no comment section`, `had no comment
    // box`, `has no public comment period`): nothing withheld; `had no comment at this time`
    // still is.
    assert_declinings(
        "Comments\n\nThe Velmora League's site has no comment section.\n\nThe Orlan Board's form had no comment box.\n\nThe Tarn Council has no public comment period for the plan.\n\nThe Harbour Ministry had no comment at this time.\n",
        &[("Harbour Ministry", "declined")],
    );
}

#[test]
fn a_failed_contact_ending_on_the_drafts_without_a_party() {
    // A phrase whose party comes after it, cut off after `the` at the end of a sentence
    // (`There was no comment from the`, as a file cut mid-sentence ends): no party is read
    // and nothing is drafted for it, where a look past the sentence's last word once
    // panicked; the same phrase with its body named still gives that body's declining.
    assert_declinings(
        "Cut off\n\nThe Tarn Ministry ordered the harbour closed on Friday.\n\nThere was no comment from the\n",
        &[],
    );
    assert_declinings(
        "Named\n\nThe Tarn Ministry ordered the harbour closed on Friday.\n\nThere was no comment from the ministry.\n",
        &[("Tarn Ministry", "declined")],
    );
}
