//! Engine tests: what a user typing a query sees, on small hand-built stories and on
//! a synthetic corpus.

use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::corpus::Corpus;
use crate::search::matcher::Pattern;
use crate::story::FileResult;
use crate::story::*;

fn story(id: &str, title: &str) -> Story {
    Story::new(id, title, format!("{id}.yaml"))
}

fn party(id: &str, name: &str) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        kind: PartyKind::Person,
        aliases: vec![],
        description: None,
        position: Some("No position reported.".into()),
        role: None,
        speaks_for: None,
    }
}

fn analyst(id: &str, name: &str, view: &str) -> Analyst {
    Analyst {
        id: id.into(),
        name: name.into(),
        role: None,
        affiliation: None,
        view: Some(view.into()),
    }
}

fn quote(id: &str, by: &str, text: &str, kind: QuoteKind) -> Quote {
    Quote {
        id: Some(id.into()),
        by: by.into(),
        text: text.into(),
        kind,
        via: None,
        date: None,
        source: None,
        context: None,
        to: None,
    }
}

fn event(title: &str, file_index: usize) -> Event {
    Event {
        id: None,
        date: None,
        title: title.into(),
        detail: None,
        involves: vec![],
        source: None,
        file_index,
    }
}

fn claim(id: &str, text: &str) -> Claim {
    Claim {
        id: id.into(),
        text: text.into(),
        status: None,
        source: None,
        stances: vec![],
    }
}

fn corpus(stories: Vec<Story>) -> Corpus {
    Corpus::from_results(
        stories
            .into_iter()
            .map(|s| FileResult {
                path: s.file.clone(),
                story: Some(s),
                ..FileResult::default()
            })
            .collect(),
    )
}

/// A small story modelled on the bundled one, plus names with accents and CJK.
fn alibaba() -> Story {
    let mut s = story(
        "alibaba-military-allegations",
        "Reported White House memo alleges Alibaba aided Chinese military",
    );
    s.parties = vec![
        party("alibaba", "Alibaba"),
        party("li-wei", "李伟 (Li Wei)"),
        party("zoe-martin", "Zoë Martin"),
        party("anders-angstrom", "Anders Ångström"),
    ];
    s.analysts = vec![
        analyst(
            "richard-fisher",
            "Richard Fisher",
            "All Chinese entities, whether state-owned or private, are complicit in supporting the military.",
        ),
        analyst("alan-tonelson", "Alan Tonelson", "The United States overlooked historical warnings."),
    ];
    s.quotes = vec![
        quote(
            "fisher-soviet-union",
            "richard-fisher",
            "Fisher noted that current practices in China have surpassed those of the former Soviet Union.",
            QuoteKind::Paraphrase,
        ),
        quote(
            "fisher-complicit",
            "richard-fisher",
            "Fisher emphasized that all Chinese entities, whether state-owned or private, are complicit in supporting the military.",
            QuoteKind::Paraphrase,
        ),
        quote(
            "alibaba-false",
            "alibaba",
            "The assertions and innuendoes in the article are completely false",
            QuoteKind::Direct,
        ),
        quote("li-wei-fish", "li-wei", "李伟说：鱼🐟很好 fish", QuoteKind::Direct),
    ];
    s.claims = vec![claim(
        "military-support",
        "Alibaba provided technological support for Chinese military operations.",
    )];
    s.timeline = vec![event("Financial Times reports the White House memo", 0)];
    s
}

fn index_of(stories: Vec<Story>) -> Arc<Index> {
    Arc::new(Index::new(&corpus(stories)))
}

fn search(index: &Arc<Index>, query: &str) -> Results {
    index.search(query, &Options::default())
}

/// The text with matched characters in brackets, as a reader would see them highlighted.
fn marked(text: &str, positions: &[usize]) -> String {
    let mut out = String::new();
    let mut open = false;
    for (i, c) in text.chars().enumerate() {
        let on = positions.contains(&i);
        if on && !open {
            out.push('[');
        }
        if !on && open {
            out.push(']');
        }
        open = on;
        out.push(c);
    }
    if open {
        out.push(']');
    }
    out
}

fn first(results: &Results) -> &Hit {
    results.hits.first().expect("at least one hit")
}

#[test]
fn accents_fold_away_on_both_sides() {
    let index = index_of(vec![alibaba()]);
    let hit = first(&search(&index, "angstrom")).clone();
    assert_eq!(
        (hit.kind, hit.text.as_str()),
        (Kind::Party, "Anders Ångström")
    );
    assert_eq!(marked(&hit.text, &hit.positions), "Anders [Ångström]");

    let hit = first(&search(&index, "zoe")).clone();
    assert_eq!(marked(&hit.text, &hit.positions), "[Zoë] Martin");

    let hit = first(&search(&index, "ZOË")).clone();
    assert_eq!(
        hit.text, "Zoë Martin",
        "accents and case in the query fold too"
    );

    let hit = first(&search(&index, "ström")).clone();
    assert_eq!(marked(&hit.text, &hit.positions), "Anders Ång[ström]");
}

#[test]
fn latin_words_find_a_cjk_name_with_its_romanization() {
    let index = index_of(vec![alibaba()]);
    let r = search(&index, "li wei");
    let hit = first(&r);
    assert_eq!((hit.kind, hit.id.as_deref()), (Kind::Party, Some("li-wei")));
    assert_eq!(marked(&hit.text, &hit.positions), "李伟 ([Li] [Wei])");
    // The quote by 李伟 comes next: both words are in the speaker's name.
    assert_eq!(r.hits[1].id.as_deref(), Some("li-wei-fish"));
    assert_eq!(
        marked(
            r.hits[1].by_name.as_deref().unwrap(),
            &r.hits[1].by_name_positions
        ),
        "李伟 ([Li] [Wei])"
    );

    let hit = first(&search(&index, "李伟")).clone();
    assert_eq!(marked(&hit.text, &hit.positions), "[李伟] (Li Wei)");
}

#[test]
fn every_word_must_match_in_the_text_or_the_speaker() {
    let index = index_of(vec![alibaba()]);
    let r = search(&index, "fisher complicit");
    let hit = first(&r);
    assert_eq!(
        (hit.kind, hit.id.as_deref()),
        (Kind::Quote, Some("fisher-complicit"))
    );
    assert_eq!(hit.by.as_deref(), Some("richard-fisher"));
    assert_eq!(hit.by_name.as_deref(), Some("Richard Fisher"));
    assert_eq!(hit.quote_kind, Some(QuoteKind::Paraphrase));
    assert_eq!(
        marked(&hit.text, &hit.positions),
        "[Fisher] emphasized that all Chinese entities, whether state-owned or private, are [complicit] in supporting the military."
    );
    assert_eq!(
        marked(hit.by_name.as_deref().unwrap(), &hit.by_name_positions),
        "Richard [Fisher]"
    );
    // The analyst matches too (name and view), after the quote; nothing else has both words.
    let rest: Vec<_> = r.hits[1..]
        .iter()
        .map(|h| (h.kind, h.id.as_deref()))
        .collect();
    assert_eq!(rest, vec![(Kind::Analyst, Some("richard-fisher"))]);
    assert_eq!(r.total, 2);

    // No item has both words ("zebra" is nowhere, not even scattered).
    assert_eq!(search(&index, "complicit zebra").total, 0);
    // The speaker's name alone carries a word: the other Fisher quote has no "complicit".
    let r = search(&index, "richard soviet");
    assert_eq!(first(&r).id.as_deref(), Some("fisher-soviet-union"));
    assert!(marked(&first(&r).text, &first(&r).positions).contains("[Soviet]"));
}

#[test]
fn exact_and_prefix_name_matches_outrank_scattered_ones() {
    let mut s = story("fish-story", "A story");
    s.parties = vec![
        party("frank-ibsen-shah", "Frank Ibsen Shah"),
        party("selfish-gene", "Selfish Gene Ltd"),
        party("fisheries-board", "Fisheries Board"),
        party("fish-council", "Fish Council"),
    ];
    let index = index_of(vec![s]);
    let r = search(&index, "fish");
    let shown: Vec<String> = r
        .hits
        .iter()
        .map(|h| marked(&h.text, &h.positions))
        .collect();
    assert_eq!(
        shown[..3],
        ["[Fish] Council", "[Fish]eries Board", "Sel[fish] Gene Ltd"]
    );
    // The scattered match is last, its letters in order.
    let last = &r.hits[3];
    assert_eq!(last.text, "Frank Ibsen Shah");
    let chars: Vec<char> = last.text.chars().collect();
    let picked: String = last
        .positions
        .iter()
        .map(|&i| chars[i].to_ascii_lowercase())
        .collect();
    assert_eq!(picked, "fish");
    assert!(r.hits.windows(2).all(|w| w[0].score > w[1].score));
}

#[test]
fn ties_keep_story_order_then_item_order() {
    let mut a = story("a-story", "First");
    a.parties = vec![party("p", "Somebody")];
    a.quotes = vec![
        quote("q1", "p", "the fish market", QuoteKind::Direct),
        quote("q2", "p", "the fish market", QuoteKind::Direct),
    ];
    a.claims = vec![claim("c1", "the fish market")];
    let mut b = a.clone();
    b.id = "b-story".into();
    b.title = "Second".into();
    let index = index_of(vec![a, b]);
    let r = search(&index, "fish");
    let order: Vec<_> = r
        .hits
        .iter()
        .map(|h| (h.story_id.as_str(), h.kind, h.id.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        order,
        vec![
            ("a-story", Kind::Quote, "q1"),
            ("a-story", Kind::Quote, "q2"),
            ("a-story", Kind::Claim, "c1"),
            ("b-story", Kind::Quote, "q1"),
            ("b-story", Kind::Quote, "q2"),
            ("b-story", Kind::Claim, "c1"),
        ]
    );
    assert!(r.hits.iter().all(|h| h.score == r.hits[0].score));
    assert_eq!((r.hits[1].index, r.hits[3].story), (1, 1));
}

#[test]
fn highlights_are_character_positions_in_cjk_and_emoji_text() {
    let index = index_of(vec![alibaba()]);
    // 李0 伟1 说2 ：3 鱼4 🐟5 很6 好7 ␠8 f9 i10 s11 h12
    let hit = |q: &str| {
        let r = search(&index, q);
        r.hits
            .into_iter()
            .find(|h| h.id.as_deref() == Some("li-wei-fish"))
            .expect(q)
    };
    assert_eq!(hit("鱼🐟").positions, vec![4, 5]);
    assert_eq!(hit("🐟").positions, vec![5]);
    assert_eq!(hit("fish").positions, vec![9, 10, 11, 12]);
    assert_eq!(hit("李好").positions, vec![0, 7]);
    assert_eq!(
        marked(&hit("🐟 fish").text, &hit("🐟 fish").positions),
        "李伟说：鱼[🐟]很好 [fish]"
    );
}

#[test]
fn highlights_map_through_decomposed_and_expanded_letters() {
    let mut s = story("s", "Straße der Zoe\u{308}");
    s.parties = vec![party("p", "Nobody")];
    let index = index_of(vec![s]);
    let h = first(&search(&index, "strasse")).clone();
    assert_eq!(marked(&h.text, &h.positions), "[Straße] der Zoe\u{308}");
    let h = first(&search(&index, "zoe")).clone();
    // The combining diaeresis (char 14) is not highlighted on its own; the letters are.
    assert_eq!(h.positions, vec![11, 12, 13]);
}

#[test]
fn hits_say_where_the_item_is() {
    let mut s = alibaba();
    s.timeline.insert(0, event("Memo drafted", 1));
    let index = index_of(vec![story("other", "Other story"), s]);
    let r = search(&index, "financial times reports");
    let h = first(&r);
    assert_eq!(
        (
            h.kind,
            h.story,
            h.story_id.as_str(),
            h.index,
            h.id.as_deref()
        ),
        (Kind::Event, 1, "alibaba-military-allegations", 1, None)
    );
    assert!(h.story_title.starts_with("Reported White House memo"));
    let h = first(&search(&index, "other story")).clone();
    assert_eq!(
        (h.kind, h.id.as_deref(), h.text.as_str()),
        (Kind::Story, Some("other"), "Other story")
    );
}

#[test]
fn kind_filter_limit_and_total() {
    let index = index_of(vec![alibaba()]);
    let all = search(&index, "fisher");
    let quotes = index.search(
        "fisher",
        &Options {
            limit: 50,
            kind: Some(Kind::Quote),
        },
    );
    assert!(quotes.hits.iter().all(|h| h.kind == Kind::Quote));
    assert_eq!(quotes.total, 2);
    assert!(all.total > quotes.total);
    let one = index.search(
        "fisher",
        &Options {
            limit: 1,
            kind: None,
        },
    );
    assert_eq!((one.hits.len(), one.total), (1, all.total));
    assert_eq!(one.hits[0], all.hits[0]);
    let none = index.search(
        "fisher",
        &Options {
            limit: 0,
            kind: None,
        },
    );
    assert_eq!((none.hits.len(), none.total), (0, all.total));
}

#[test]
fn empty_and_unmatched_queries_give_no_hits() {
    let index = index_of(vec![alibaba()]);
    for q in ["", "   ", "\t\n"] {
        assert_eq!(search(&index, q).total, 0, "{q:?}");
    }
    assert_eq!(search(&index, "zzzzqqq").hits, vec![]);
    let empty = Arc::new(Index::new(&Corpus::default()));
    assert_eq!(search(&empty, "fisher").total, 0);
}

#[test]
fn hostile_queries_do_not_panic() {
    let index = index_of(vec![alibaba()]);
    let long = "fisher ".repeat(200);
    for q in [
        "\u{0}",
        "\u{202E}fisher",
        "🐟🐟🐟🐟",
        &long,
        "e\u{301}\u{301}\u{301}",
        "-",
        "((",
        "ǅ",
    ] {
        let _ = search(&index, q);
    }
    assert_eq!(first(&search(&index, &long)).text, "Richard Fisher");
}

/// The typed sequences of the benchmarks (`synth::TYPED_FISHER`, then more words,
/// `synth::TYPED_TRADE_WAR`), and more, on a synthetic corpus.
fn typed() -> Vec<&'static str> {
    let mut all = crate::synth::TYPED_FISHER.to_vec();
    all.extend(["fisher ", "fisher c", "fisher co", "fisher complicit"]);
    all.extend(crate::synth::TYPED_TRADE_WAR);
    all.extend(MORE_TYPED);
    all
}

/// What [`typed`] types after the benchmarks' sequences.
const MORE_TYPED: &[&str] = &[
    "z",
    "zo",
    "zoe",
    "li",
    "li ",
    "li w",
    "li wei",
    "fshr",
    "fshrx",
    "ångs",
    "ångström",
    "李",
    "李伟",
    "🐟",
    "🐟 fish",
    "quote",
    "qu 7",
];

#[test]
fn incremental_narrowing_gives_the_same_results_as_a_fresh_query_and_the_plain_method() {
    let index = Arc::new(Index::new(&crate::synth::corpus(40)));
    for limit in [5, 50] {
        for kind in [None, Some(Kind::Quote), Some(Kind::Party)] {
            let options = Options { limit, kind };
            let mut typing = Searcher::new(Arc::clone(&index));
            for q in typed() {
                let incremental = typing.search(q, &options);
                let fresh = index.search(q, &options);
                let plain = engine::reference(&index, q, &options);
                assert_eq!(incremental, fresh, "{q:?} {options:?}");
                assert_eq!(fresh, plain, "{q:?} {options:?}");
            }
        }
    }
}

#[test]
fn typing_narrows_and_backspace_widens_again() {
    let index = Arc::new(Index::new(&crate::synth::corpus(20)));
    let mut typing = Searcher::new(Arc::clone(&index));
    let counts: Vec<usize> = crate::synth::TYPED_FISHER
        .iter()
        .map(|q| typing.search(q, &Options::default()).total)
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(counts[5] > 0);
    // Backspace: a shorter query is answered in full again.
    assert_eq!(typing.search("fish", &Options::default()).total, counts[3]);
    assert_eq!(typing.search("f", &Options::default()).total, counts[0]);
}

#[test]
fn sparse_hits_are_kept_in_few_pieces_and_typing_on_from_them_agrees() {
    // A query whose hits are a few in each chunk of items: its kept hits are
    // joined into pieces of up to a chunk's worth (the next query's tasks).
    let index = Arc::new(Index::new(&crate::synth::corpus(20)));
    let mut typing = Searcher::new(Arc::clone(&index));
    let options = Options::default();
    let sparse = typing.search("tonelson", &options);
    let pieces = typing.kept_pieces();
    assert_eq!(pieces.iter().sum::<usize>(), sparse.total);
    assert!(
        index.len() > 4 * 256 && sparse.total * 4 < index.len(),
        "{} of {}",
        sparse.total,
        index.len()
    );
    assert!(
        pieces.len() <= sparse.total.div_ceil(256) + 1,
        "{} hits in {pieces:?}",
        sparse.total
    );
    for q in ["tonelson d", "tonelson de", "tonelson del", "tonelson d"] {
        assert_eq!(
            typing.search(q, &options),
            engine::reference(&index, q, &options),
            "{q}"
        );
    }
}

#[test]
fn the_worker_answers_the_newest_query_and_drops_stale_ones() {
    let index = Arc::new(Index::new(&crate::synth::corpus(30)));
    let worker = Worker::spawn(Arc::clone(&index));
    for (g, q) in ["f", "fi", "fis", "fish", "fishe", "fisher"]
        .iter()
        .enumerate()
    {
        worker.submit(g as u64 + 1, q, Options::default());
    }
    let r = worker
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    assert_eq!((r.generation, r.results.query.as_str()), (6, "fisher"));
    assert_eq!(r.results, index.search("fisher", &Options::default()));
    assert!(
        worker.try_recv().is_none(),
        "nothing older comes after the newest"
    );

    worker.submit(7, "trade", Options::default());
    let r = worker
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    assert_eq!(
        (r.generation, r.results.total),
        (7, index.search("trade", &Options::default()).total)
    );
}

#[test]
fn the_worker_calls_its_waker_and_stops_when_dropped() {
    let index = Arc::new(Index::new(&corpus(vec![alibaba()])));
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = Worker::spawn_with_waker(index, move || {
        let _ = tx.send(());
    });
    worker.submit(1, "zoe", Options::default());
    rx.recv_timeout(Duration::from_secs(20)).expect("woken");
    let r = worker
        .try_recv()
        .expect("a response is ready after the wake");
    assert_eq!(r.results.hits[0].text, "Zoë Martin");
    drop(worker);
}

/// The words of the corpus's quotes (and of its parties' names).
fn words_of(corpus: &Corpus, names: bool) -> Vec<String> {
    corpus
        .stories
        .iter()
        .flat_map(|s| {
            let names = s.parties.iter().filter(|_| names).map(|p| p.name.clone());
            names.chain(s.quotes.iter().map(|q| q.text.clone()))
        })
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// Asks the searcher `typed`, the keystroke after the one it answered last, and
/// checks its answer against the plain method's (the full scan).
fn agrees(typing: &mut Searcher, index: &Arc<Index>, typed: &str, options: &Options) {
    let got = typing.search(typed, options);
    assert_eq!(got, engine::reference(index, typed, options), "{typed:?}");
}

#[test]
fn random_typing_agrees_with_the_plain_method() {
    let corpus = crate::synth::corpus(25);
    let index = Arc::new(Index::new(&corpus));
    let words = words_of(&corpus, false);
    let mut rng = crate::synth::Rng::new(42);
    for _ in 0..40 {
        // One or two words, each maybe with a letter dropped (found only scattered).
        let mut query = String::new();
        for w in 0..1 + rng.below(2) {
            let mut word: Vec<char> = rng.pick(&words).chars().collect();
            if word.len() > 3 && rng.chance(50) {
                word.remove(1 + rng.below(word.len() - 2));
            }
            if w > 0 {
                query.push(' ');
            }
            query.extend(word);
        }
        let options = Options {
            limit: 1 + rng.below(30),
            kind: None,
        };
        let mut typing = Searcher::new(Arc::clone(&index));
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            agrees(&mut typing, &index, &typed, &options);
        }
    }
}

#[test]
fn initials_and_word_starts_outrank_letters_scattered_in_a_word() {
    let mut s = story("s", "Trade");
    s.timeline = vec![
        event("Chinese Embassy in Washington denies the memo", 0),
        event("China enters the World Trade Organization", 1),
    ];
    s.parties = vec![party("ft", "Financial Times"), party("x", "Left Field")];
    let index = index_of(vec![s]);
    let r = search(&index, "wto");
    assert_eq!(first(&r).text, "China enters the World Trade Organization");
    assert_eq!(
        marked(&first(&r).text, &first(&r).positions),
        "China enters the [W]orld [T]rade [O]rganization"
    );
    let r = search(&index, "ft");
    assert_eq!(first(&r).text, "Financial Times");
    assert!(r
        .hits
        .iter()
        .all(|h| h.text != "Left Field" || h.score < first(&r).score));
}

#[test]
fn dates_and_stances_are_searched() {
    let mut s = story("s", "Trade");
    let mut e = event("China enters the World Trade Organization", 0);
    e.date = PartialDate::parse("2001-12-11").ok();
    s.timeline = vec![e];
    s.parties = vec![party("a", "Alibaba")];
    let mut c = claim("c", "Alibaba helped.");
    c.stances = vec![Stance {
        by: "a".into(),
        stance: StanceKind::Disputes,
        note: None,
        quote: None,
        date: None,
    }];
    s.claims = vec![c];
    let index = index_of(vec![s]);
    let r = search(&index, "2001");
    assert_eq!((r.total, first(&r).kind), (1, Kind::Event));
    let r = search(&index, "dec 2001");
    assert_eq!(r.total, 1);
    let r = search(&index, "disputes");
    assert_eq!((r.total, first(&r).kind), (1, Kind::Claim));
}

#[test]
fn a_sharing_index_tells_which_field_a_hit_matched() {
    let mut p = party("emb", "Chinese Embassy in Washington");
    p.position = Some("Says China upholds privacy protections.".into());
    let mut s = story("s", "Trade");
    s.parties = vec![p];
    let index = index_of(vec![s]);
    let r = search(&index, "privacy");
    let m = index.matched(first(&r), "privacy").expect("a field");
    assert_eq!(
        (m.field.as_str(), m.snippet.as_str()),
        ("position", "Says China upholds privacy protections.")
    );
    assert_eq!(m.positions, (19..26).collect::<Vec<_>>());
}

#[test]
fn a_searcher_whose_index_grows_answers_as_a_fresh_index_of_what_it_holds() {
    let corpus = crate::synth::corpus(40);
    for (limit, kind) in [(50, None), (5, Some(Kind::Quote))] {
        {
            let options = Options { limit, kind };
            let mut typing = Searcher::new(Arc::new(index::Builder::sharing(40).growing()));
            let mut held = 0;
            // A batch of stories (of 0 to 9) before each keystroke, as the explorer
            // gets them while a corpus loads; the query is asked again after it.
            for (i, q) in typed().into_iter().enumerate() {
                let n = (i * 7) % 10 + 1;
                let batch: Vec<Arc<Story>> =
                    corpus.stories.iter().skip(held).take(n).cloned().collect();
                typing.add(held, &batch);
                held += batch.len();
                let whole = Corpus::from_results(
                    corpus.stories[..held]
                        .iter()
                        .map(|s| FileResult {
                            path: s.file.clone(),
                            story: Some((**s).clone()),
                            diagnostics: vec![],
                            io_error: false,
                        })
                        .collect(),
                );
                let fresh = Arc::new(Index::new(&whole));
                let incremental = typing.search(q, &options);
                assert_eq!(incremental.stories, held, "{q:?}");
                assert_eq!(incremental, fresh.search(q, &options), "{q:?} {options:?}");
            }
            assert_eq!(held, corpus.stories.len(), "every story went in");
        }
    }
}

#[test]
fn the_same_query_after_a_batch_counts_more_and_looks_only_at_the_new_items() {
    let corpus = crate::synth::corpus(30);
    let mut typing = Searcher::new(Arc::new(index::Builder::sharing(30).growing()));
    let mut totals = Vec::new();
    for (n, batch) in corpus.stories.chunks(10).enumerate() {
        typing.add(n * 10, batch);
        totals.push(typing.search("fisher", &Options::default()).total);
    }
    assert!(totals.windows(2).all(|w| w[0] < w[1]), "{totals:?}");
    assert_eq!(
        *totals.last().unwrap(),
        Arc::new(Index::new(&corpus))
            .search("fisher", &Options::default())
            .total
    );
}

#[test]
fn the_worker_indexes_what_it_is_given_and_answers_again_as_it_grows() {
    let corpus = crate::synth::corpus(30);
    let worker = Worker::spawn(Arc::new(index::Builder::sharing(30).growing()));
    worker.add(0, corpus.stories[..10].to_vec());
    worker.submit(1, "fisher", Options::default());
    let first = worker
        .recv_timeout(Duration::from_secs(20))
        .expect("an answer");
    assert!(first.results.stories >= 10, "{}", first.results.stories);
    worker.add(10, corpus.stories[10..].to_vec());
    // Answers to the same query come again until they cover every story.
    let start = std::time::Instant::now();
    let mut last = first;
    while last.results.stories < 30 {
        if let Some(r) = worker.recv_timeout(Duration::from_millis(100)) {
            assert_eq!(r.generation, 1);
            assert!(r.results.stories > last.results.stories);
            last = r;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never covered all"
        );
    }
    assert_eq!(worker.indexed(), 30);
    let whole = Arc::new(Index::new(&corpus));
    assert_eq!(last.results, whole.search("fisher", &Options::default()));
    // Every story in: the two-letter answers are built while idle, and answer.
    assert!(!worker.two_letter_answers());
    worker.settle();
    while !worker.two_letter_answers() {
        std::thread::sleep(Duration::from_millis(10));
        assert!(start.elapsed() < Duration::from_secs(40), "never built");
    }
    for (generation, q) in [(2, "to"), (3, "ri"), (4, "tor")] {
        worker.submit(generation, q, Options::default());
        let full = whole.search(q, &Options::default());
        let mut answer = worker.recv_timeout(Duration::from_secs(20)).expect(q);
        if answer.results.counting {
            // The best rows first (from the first items reaching the best
            // possible score), then the count.
            assert_eq!(answer.results.hits, full.hits, "{q}");
            answer = worker.recv_timeout(Duration::from_secs(20)).expect(q);
        }
        assert_eq!(answer.results, full, "{q}");
    }
    // A one-word query matching names: the best rows first, counting, then the count.
    worker.submit(5, "fisher", Options::default());
    let page = worker.recv_timeout(Duration::from_secs(20)).expect("rows");
    let counted = worker.recv_timeout(Duration::from_secs(20)).expect("count");
    let full = whole.search("fisher", &Options::default());
    assert!(page.results.counting && !counted.results.counting);
    assert_eq!(page.results.hits, full.hits);
    assert_eq!(counted.results, full);
}

#[test]
fn typing_with_typos_and_backspaces_agrees_with_the_plain_method() {
    let corpus = crate::synth::corpus(25);
    let index = Arc::new(Index::new(&corpus));
    let words = words_of(&corpus, true);
    let mut rng = crate::synth::Rng::new(19);
    for round in 0..30 {
        let options = Options {
            limit: 1 + rng.below(30),
            kind: [None, Some(Kind::Quote)][round % 2],
        };
        let mut typing = Searcher::new(Arc::clone(&index));
        let mut typed = String::new();
        let mut keystrokes = 0;
        for w in 0..1 + rng.below(3) {
            if w > 0 {
                typed.push(' ');
            }
            for c in rng.pick(&words).clone().chars() {
                // Now and then a wrong letter or two, then as many backspaces.
                if rng.chance(15) {
                    let wrong = 1 + rng.below(2);
                    for _ in 0..wrong {
                        typed.push(*rng.pick(&['x', 'q', 'z', 'e']));
                        keystrokes += 1;
                        agrees(&mut typing, &index, &typed, &options);
                    }
                    for _ in 0..wrong {
                        typed.pop();
                        keystrokes += 1;
                        agrees(&mut typing, &index, &typed, &options);
                    }
                }
                typed.push(c);
                keystrokes += 1;
                agrees(&mut typing, &index, &typed, &options);
            }
        }
        // Everything erased a key at a time, back to nothing.
        while typed.pop().is_some() {
            agrees(&mut typing, &index, &typed, &options);
        }
        assert!(keystrokes > 0);
        assert!(typing.kept().is_empty(), "an empty query keeps nothing");
    }
}

#[test]
fn a_backspace_goes_back_to_the_kept_answer_of_its_prefix() {
    let index = Arc::new(Index::new(&crate::synth::corpus(20)));
    let mut typing = Searcher::new(Arc::clone(&index));
    for q in ["f", "fi", "fis", "fish", "fishe", "fisher", "fisherx"] {
        typing.search(q, &Options::default());
    }
    // The chain of prefixes typed (the shortest let go when they hold too many hits).
    let typed = ["f", "fi", "fis", "fish", "fishe", "fisher", "fisherx"];
    let kept = typing.kept();
    assert!(kept.len() >= 4 && typed.ends_with(&kept), "{kept:?}");
    // Back to "fish": the longer ones go, "fish" stays once.
    let fish = typing.search("fish", &Options::default());
    assert_eq!(fish, engine::reference(&index, "fish", &Options::default()));
    let kept = typing.kept();
    assert!(!kept.is_empty() && typed[..4].ends_with(&kept), "{kept:?}");
    // Another word entirely: nothing earlier is of use.
    typing.search("trade", &Options::default());
    assert_eq!(typing.kept().len(), 1);
    // Another kind: not a base either.
    let options = Options {
        kind: Some(Kind::Quote),
        ..Options::default()
    };
    typing.search("trade w", &options);
    assert_eq!(typing.kept().len(), 1);
}

#[test]
fn the_kept_answers_stay_within_their_bytes_and_typing_still_agrees() {
    let index = Arc::new(Index::new(&crate::synth::corpus(60)));
    let mut typing = Searcher::new(Arc::clone(&index));
    let options = Options::default();
    let mut cut = false;
    for (i, q) in crate::synth::TYPED_REALISTIC.iter().enumerate() {
        agrees(&mut typing, &index, q, &options);
        let kept = typing.kept();
        assert!(
            typing.kept_bytes() <= engine::MAX_KEPT_BYTES || kept.len() == 1,
            "{q:?}: {} bytes in {} answers",
            typing.kept_bytes(),
            kept.len()
        );
        // The answer just given is always kept (the next keystroke narrows from
        // it), but for one letter, answered from the index's table.
        if q.len() == 1 {
            assert!(kept.is_empty(), "{q:?}: {kept:?}");
        } else {
            assert_eq!(kept.last().copied(), Some(*q));
        }
        // The chain typed since the last fresh start, had nothing been let go.
        let chain = crate::synth::TYPED_REALISTIC[..=i]
            .iter()
            .rev()
            .take_while(|p| q.starts_with(**p) && p.len() > 1)
            .count();
        cut |= kept.len() < chain.min(24);
    }
    assert!(
        cut,
        "the corpus is big enough for the bound to let answers go"
    );
}

#[test]
fn typing_on_after_a_word_found_scattered_reuses_its_skim_scores_and_agrees() {
    let corpus = crate::synth::corpus(25);
    let index = Arc::new(Index::new(&corpus));
    let words = words_of(&corpus, true);
    let mut rng = crate::synth::Rng::new(23);
    let mut reused = 0;
    for round in 0..25 {
        let options = Options {
            limit: 1 + rng.below(40),
            kind: [None, Some(Kind::Quote)][round % 2],
        };
        let mut typing = Searcher::new(Arc::clone(&index));
        let mut typed = String::new();
        // A word with a letter dropped (found only scattered, where it is found),
        // then more words typed a key at a time after it, each maybe scattered too.
        for w in 0..2 + rng.below(2) {
            let mut word: Vec<char> = rng.pick(&words).to_lowercase().chars().collect();
            if word.len() > 3 && (w == 0 || rng.chance(50)) {
                word.remove(1 + rng.below(word.len() - 2));
            }
            if w > 0 {
                typed.push(' ');
                agrees(&mut typing, &index, &typed, &options);
            }
            for c in word {
                typed.push(c);
                agrees(&mut typing, &index, &typed, &options);
                reused += typing.kept_skim_scores();
            }
        }
    }
    assert!(reused > 0, "some words were found scattered and scored");
}

#[test]
fn a_skim_score_is_kept_as_it_was() {
    use index::{keep_fuzzy, Kept, SCATTERED};
    for score in [-1024, -16, 0, 1, 75, 320, 31_741] {
        assert_eq!(Kept::of(keep_fuzzy(score)), Kept::Fuzzy(score), "{score}");
    }
    // Out of range: kept as "scattered, not scored", computed again when needed.
    for score in [-1025, 31_742, i32::MAX, i32::MIN] {
        assert_eq!(keep_fuzzy(score), SCATTERED, "{score}");
    }
    assert_eq!(Kept::of(40), Kept::Contiguous(40));
}

#[test]
fn one_letter_answers_kept_as_the_index_grows_agree_with_the_plain_method() {
    let mut corpus = crate::synth::corpus(40);
    // A party named by one letter alone (the whole-name bonus), and one whose
    // name is a word of one letter among others.
    let mut story = (*corpus.stories[7]).clone();
    story.parties[0].name = "X".into();
    story.parties[1].name = "Malcolm X".into();
    corpus.stories[7] = Arc::new(story);
    let whole = Arc::new(Index::new(&corpus));
    let mut growing = Searcher::new(Arc::new(index::Builder::sharing(40).growing()));
    let mut sent = 0;
    for batch in [3, 9, 1, 27] {
        growing.add(sent, &corpus.stories[sent..sent + batch]);
        sent += batch;
        let part = Arc::new(Index::new(&Corpus::from_results(
            corpus.stories[..sent]
                .iter()
                .map(|s| FileResult {
                    path: s.file.clone(),
                    story: Some((**s).clone()),
                    ..FileResult::default()
                })
                .collect(),
        )));
        for c in ('a'..='z').chain(['é', '7', '-']) {
            for limit in [1, 50, index::LETTER_ROWS, index::LETTER_ROWS + 1] {
                let options = Options { limit, kind: None };
                let q = c.to_string();
                let got = growing.search(&q, &options);
                assert_eq!(got, engine::reference(&part, &q, &options), "{q:?} {limit}");
            }
        }
    }
    let x = whole.search("x", &Options::default());
    assert_eq!(x, engine::reference(&whole, "x", &Options::default()));
    assert_eq!(x.hits[0].text, "X", "the whole name ranks first");
}

#[test]
fn two_letter_answers_agree_with_the_plain_method() {
    let mut corpus = crate::synth::corpus(24);
    // Names that are a pair alone (the whole-name bonus, once with spaces around),
    // initials across words and hyphens, letters apart in a token, in a name, and
    // across tokens of prose (no match), digits and other scripts between.
    let mut story = (*corpus.stories[5]).clone();
    story.parties[0].name = "To".into();
    story.parties[1].name = " Ri Co-op ".into();
    story.parties[2].name = "Zoë Ng-o 7q".into();
    story.quotes[0].text = "t-o 1to xx; a q u, qaz zq, jxk-v, 李to".into();
    story.quotes[1].text = "vw".into();
    corpus.stories[5] = Arc::new(story);
    let index = Arc::new(Index::new(&corpus));
    assert!(!index.has_pairs());
    pairs::build(&index);
    assert!(index.has_pairs());
    let limits = [0, 1, 50, index::LETTER_ROWS, index::LETTER_ROWS + 1];
    let (mut answered, mut rows) = (0, 0);
    for a in 'a'..='z' {
        for b in 'a'..='z' {
            let q = format!("{a}{b}");
            let all = Options {
                limit: index::LETTER_ROWS + 1,
                kind: None,
            };
            let plain = engine::reference(&index, &q, &all);
            for limit in limits {
                let options = Options { limit, kind: None };
                let mut want = plain.clone();
                want.hits.truncate(limit);
                let mut searcher = Searcher::new(Arc::clone(&index));
                assert_eq!(searcher.search(&q, &options), want, "{q:?} {limit}");
                if let Some((total, top)) = index.pair_answer(&Pattern::new(&q), &options) {
                    answered += 1;
                    rows += top.len();
                    assert_eq!(total, want.total, "{q:?} {limit}");
                    let got: Vec<i32> = top.iter().map(|&(s, _)| s).collect();
                    let scores: Vec<i32> = want.hits.iter().map(|h| h.score).collect();
                    assert_eq!(got, scores, "{q:?} {limit}");
                }
            }
            let kind = Options {
                limit: 5,
                kind: Some(Kind::Quote),
            };
            assert!(index.pair_answer(&Pattern::new(&q), &kind).is_none());
        }
    }
    // Most pairs are answered from the table, with rows.
    assert!(answered * 2 > 26 * 26 * limits.len(), "{answered}");
    assert!(rows > 26 * 26 * 50, "{rows}");
    let to = index.search("to", &Options::default());
    assert_eq!(to.hits[0].text, "To", "the whole name ranks first");
    assert!(index
        .pair_answer(&Pattern::new("to "), &Options::default())
        .is_some());
    assert!(index
        .pair_answer(&Pattern::new("to x"), &Options::default())
        .is_none());
}

#[test]
fn two_letter_answers_are_let_go_when_the_index_grows() {
    let corpus = crate::synth::corpus(12);
    let mut searcher = Searcher::new(Arc::new(index::Builder::sharing(12).growing()));
    searcher.add(0, &corpus.stories[..8]);
    pairs::build(searcher.index());
    assert!(searcher.index().has_pairs());
    searcher.add(8, &corpus.stories[8..]);
    assert!(!searcher.index().has_pairs());
    let whole = Arc::new(Index::new(&corpus));
    for q in ["to", "ri", "co", "zq"] {
        let options = Options::default();
        assert_eq!(
            searcher.search(q, &options),
            engine::reference(&whole, q, &options),
            "{q}"
        );
    }
}

#[test]
fn the_best_rows_from_the_names_are_the_full_answers_best_rows() {
    let mut corpus = crate::synth::corpus(24);
    // A name that is a word alone (the whole-name bonus), one holding it as a
    // word among others, one at a word's start, initials, inside a word, and a
    // speaker's name repeated by many quotes.
    let mut story = (*corpus.stories[9]).clone();
    story.parties[0].name = "Fish".into();
    story.parties[1].name = "Big Fish Co".into();
    story.parties[2].name = "Fisheries Board".into();
    story.analysts[0].name = "Frank I. Shaw".into();
    corpus.stories[9] = Arc::new(story);
    let index = Arc::new(Index::new(&corpus));
    let searcher = Searcher::new(Arc::clone(&index));
    assert_eq!(
        searcher.page("fis", &Options::default()),
        None,
        "not built yet"
    );
    pairs::build(&index);
    let mut queries: Vec<String> = ["fish", "fis", "fi", "ri", "richard", "ton", "shaw", "x"]
        .map(String::from)
        .to_vec();
    // Words of names and of quotes, whole and their starts.
    let names: Vec<String> = corpus
        .stories
        .iter()
        .flat_map(|s| s.parties.iter().map(|p| p.name.to_string()))
        .flat_map(|t| t.split_whitespace().map(fold::fold).collect::<Vec<_>>())
        .collect();
    let words = words_of(&corpus, false);
    for word in names.iter().step_by(17).chain(words.iter().step_by(997)) {
        let word = fold::fold(word);
        for n in [2, 3, 5, 40] {
            queries.push(word.chars().take(n).collect());
        }
    }
    let (mut pages, mut asked) = (0, 0);
    for q in &queries {
        for limit in [1, 10, 50, 300] {
            asked += 1;
            let options = Options { limit, kind: None };
            let full = engine::reference(&index, q, &options);
            let Some(page) = searcher.page(q, &options) else {
                continue;
            };
            pages += 1;
            assert!(page.counting, "{q:?}");
            assert_eq!(page.hits, full.hits, "{q:?} {limit}");
            assert!(page.total <= full.total, "{q:?}");
            let mut typing = Searcher::new(Arc::clone(&index));
            let counted = typing.search(q, &options);
            assert!(!counted.counting);
            assert_eq!(counted, full, "{q:?} {limit}");
        }
    }
    assert!(pages * 5 > asked, "{pages} of {asked}");
    let kind = Options {
        limit: 5,
        kind: Some(Kind::Quote),
    };
    assert_eq!(searcher.page("fish", &kind), None);
    // Two words: from the first items reaching their best possible score.
    let two = searcher
        .page("fish fisher", &Options::default())
        .expect("a page");
    let full = engine::reference(&index, "fish fisher", &Options::default());
    assert_eq!(two.hits, full.hits);
    let fish = searcher.page("fish", &Options::default()).expect("a page");
    assert_eq!(fish.hits[0].text, "Fish", "the whole name ranks first");
}

#[test]
fn skim_scores_remembered_by_text_agree_with_the_plain_method() {
    // Words found only scattered, alone and two or three together (each word's
    // texts remembered apart), in names, main text and details (a text's role
    // adjusts its remembered score), for many rows (skim runs on many items, so
    // the same texts come back).
    let corpus = crate::synth::corpus(25);
    let index = Arc::new(Index::new(&corpus));
    let words = words_of(&corpus, true);
    let mut rng = crate::synth::Rng::new(77);
    let mut scattered = 0;
    for round in 0..60 {
        let mut query = String::new();
        for w in 0..1 + rng.below(3) {
            let mut word: Vec<char> = rng.pick(&words).to_lowercase().chars().collect();
            if word.len() > 3 {
                word.remove(1 + rng.below(word.len() - 2));
            }
            if w > 0 {
                query.push(' ');
            }
            query.extend(word);
        }
        let options = Options {
            limit: [1, 10, 200, 5000][round % 4],
            kind: None,
        };
        let got = Searcher::new(Arc::clone(&index)).search(&query, &options);
        assert_eq!(
            got,
            engine::reference(&index, &query, &options),
            "{query:?}"
        );
        let pattern = Pattern::new(&query);
        scattered += got
            .hits
            .iter()
            .filter(|h| h.score <= pattern.words.iter().map(|w| w.fuzzy_bound()).sum::<i32>())
            .count();
    }
    assert!(scattered > 100, "rows found scattered: {scattered}");
}

#[test]
fn the_first_rows_reaching_the_best_possible_score_are_the_full_answers_best_rows() {
    let mut corpus = crate::synth::corpus(24);
    // A party named by a word of quotes, and one whose initials are a word.
    let mut story = (*corpus.stories[5]).clone();
    story.parties[0].name = "Trade".into();
    story.parties[1].name = "Forum Of Rival Manufacturers".into();
    corpus.stories[5] = Arc::new(story);
    let index = Arc::new(Index::new(&corpus));
    assert_eq!(
        Searcher::new(Arc::clone(&index)).page("trade war", &Options::default()),
        None,
        "not built yet"
    );
    pairs::build(&index);
    let mut queries: Vec<String> = [
        "trade war",
        "form",
        "richard fisher",
        "fishermen al",
        "tonelson d",
    ]
    .map(String::from)
    .to_vec();
    // Quote words in a row, their starts, a word of a name then a quote word,
    // one word (no name starts with it: the names directory does not answer),
    // and a word with a letter dropped.
    let quotes: Vec<Vec<String>> = corpus
        .stories
        .iter()
        .flat_map(|s| {
            s.quotes
                .iter()
                .map(|q| q.text.split_whitespace().map(fold::fold).collect())
        })
        .collect();
    let names = words_of(&corpus, true);
    let mut rng = crate::synth::Rng::new(31);
    for _ in 0..60 {
        let quote = rng.pick(&quotes);
        if quote.len() < 3 {
            continue;
        }
        let at = rng.below(quote.len() - 2);
        let cut = |w: &str, n: usize| w.chars().take(n).collect::<String>();
        queries.push(format!(
            "{} {}",
            quote[at],
            cut(&quote[at + 1], 1 + rng.below(6))
        ));
        queries.push(format!(
            "{} {} {}",
            quote[at],
            quote[at + 1],
            cut(&quote[at + 2], 2)
        ));
        queries.push(cut(&quote[at], 3 + rng.below(4)));
        queries.push(format!(
            "{} {}",
            fold::fold(rng.pick(&names).as_str()),
            quote[at]
        ));
        let mut typo: Vec<char> = quote[at].chars().collect();
        if typo.len() > 3 {
            typo.remove(1 + rng.below(typo.len() - 2));
        }
        queries.push(typo.into_iter().collect());
    }
    let (mut pages, mut several, mut asked) = (0, 0, 0);
    for q in &queries {
        for limit in [1, 10, 50] {
            asked += 1;
            let options = Options { limit, kind: None };
            let full = engine::reference(&index, q, &options);
            // Fresh, and right after the query one letter shorter (narrowing
            // from its kept hits).
            let mut typing = Searcher::new(Arc::clone(&index));
            let fresh = typing.page(q, &options);
            let shorter: String = q.chars().take(q.chars().count() - 1).collect();
            typing.search(&shorter, &options);
            for page in [fresh, typing.page(q, &options)].into_iter().flatten() {
                pages += 1;
                several += usize::from(q.split_whitespace().count() > 1);
                assert!(page.counting, "{q:?}");
                assert_eq!(page.hits, full.hits, "{q:?} {limit}");
            }
            assert_eq!(typing.search(q, &options), full, "{q:?} {limit}");
        }
    }
    assert!(pages * 3 > asked, "{pages} of {asked}");
    assert!(
        several * 5 > asked,
        "{several} of {asked} with several words"
    );
}

#[test]
fn the_full_answer_after_a_page_is_the_plain_answer_whatever_came_between() {
    // The full answer takes what the page of its query looked at: only when
    // it is that query's, with the same rows asked, the same kept answers and
    // the same index.
    let corpus = crate::synth::corpus(24);
    let index = Arc::new(Index::new(&corpus));
    pairs::build(&index);
    let typed = ["tonelson d", "tonelson de", "tonelson del", "fishermen al"];
    let (ten, fifty) = (
        Options {
            limit: 10,
            kind: None,
        },
        Options::default(),
    );
    let quotes = Options {
        limit: 50,
        kind: Some(Kind::Quote),
    };
    for q in typed {
        for (page, full) in [
            (&ten, &fifty),
            (&fifty, &ten),
            (&fifty, &quotes),
            (&ten, &ten),
        ] {
            let want = engine::reference(&index, q, full);
            let shorter = &q[..q.len() - 1];
            // After the query one letter shorter, fresh, and with another
            // query's page or a reset between.
            let mut typing = Searcher::new(Arc::clone(&index));
            typing.search(shorter, full);
            let _ = typing.page(q, page);
            assert_eq!(typing.search(q, full), want, "{q:?}");
            let mut fresh = Searcher::new(Arc::clone(&index));
            let _ = fresh.page(q, page);
            assert_eq!(fresh.search(q, full), want, "{q:?}");
            let mut other = Searcher::new(Arc::clone(&index));
            other.search(shorter, full);
            let _ = other.page(q, page);
            let _ = other.page(shorter, page);
            assert_eq!(other.search(q, full), want, "{q:?}");
            let mut reset = Searcher::new(Arc::clone(&index));
            reset.search(shorter, page);
            let _ = reset.page(q, page);
            reset.reset();
            assert_eq!(reset.search(q, full), want, "{q:?}");
        }
    }
}

#[test]
fn the_best_rows_of_a_word_found_only_scattered_or_as_initials_come_before_the_count() {
    // Words with a letter dropped or two swapped (found only scattered: in a
    // token of a quote, across a name), the typed typos, and the first letters
    // of words in a row of a quote (initials, found nowhere else).
    let corpus = crate::synth::corpus(24);
    let index = Arc::new(Index::new(&corpus));
    pairs::build(&index);
    let mut queries: Vec<String> = ["richr", "richra", "tonl", "tonls", "tonlsn", "fisehr"]
        .map(String::from)
        .to_vec();
    let mut rng = crate::synth::Rng::new(41);
    let words: Vec<String> = words_of(&corpus, true)
        .iter()
        .map(|w| fold::fold(w))
        .filter(|w| w.chars().count() > 4)
        .collect();
    for _ in 0..40 {
        let mut typo: Vec<char> = rng.pick(&words).chars().collect();
        if rng.chance(50) {
            typo.remove(1 + rng.below(typo.len() - 2));
        } else {
            let at = 1 + rng.below(typo.len() - 2);
            typo.swap(at, at + 1);
        }
        queries.push(typo.into_iter().collect());
    }
    let quotes: Vec<Vec<String>> = corpus
        .stories
        .iter()
        .flat_map(|s| {
            s.quotes
                .iter()
                .map(|q| q.text.split_whitespace().map(fold::fold).collect())
        })
        .collect();
    for _ in 0..20 {
        let quote = rng.pick(&quotes);
        let at = rng.below(quote.len().saturating_sub(4).max(1));
        let initials: String = quote[at..]
            .iter()
            .take(2 + rng.below(4))
            .filter_map(|w| w.chars().next())
            .collect();
        queries.push(initials);
    }
    let (mut scattered, mut initials) = (0, 0);
    for q in &queries {
        let pattern = Pattern::new(q);
        for limit in [1, 10, 50] {
            let options = Options { limit, kind: None };
            let full = engine::reference(&index, q, &options);
            let mut typing = Searcher::new(Arc::clone(&index));
            let fresh = typing.page(q, &options);
            let shorter: String = q.chars().take(q.chars().count() - 1).collect();
            typing.search(&shorter, &options);
            for page in [fresh, typing.page(q, &options)].into_iter().flatten() {
                assert!(page.counting, "{q:?}");
                assert_eq!(page.hits, full.hits, "{q:?} {limit}");
                let bound: i32 = pattern.words.iter().map(|w| w.fuzzy_bound()).sum();
                match page.hits.first() {
                    Some(hit) if hit.score <= bound => scattered += 1,
                    Some(_) => initials += 1,
                    None => {}
                }
            }
            assert_eq!(typing.search(q, &options), full, "{q:?} {limit}");
        }
    }
    assert!(scattered > 60, "pages of rows found scattered: {scattered}");
    assert!(initials > 10, "pages of rows found as initials: {initials}");
}

#[test]
fn a_word_best_in_names_that_the_other_words_never_meet_still_gives_the_rows_first() {
    // "al" scores best as a whole word of a party's name, which no quote with
    // "fishermen" holds; "d" and "de" at the start of names that no item with
    // "tonelson" holds, or only some.
    let mut corpus = crate::synth::corpus(24);
    let mut story = (*corpus.stories[3]).clone();
    story.parties[0].name = "Al Desk".into();
    story.parties[1].name = "Des Moines Delegation".into();
    corpus.stories[3] = Arc::new(story);
    let index = Arc::new(Index::new(&corpus));
    pairs::build(&index);
    let (names, words) = (index.names().unwrap(), index.words().unwrap());
    let typed = [
        ("fishermen a", "fishermen al"),
        ("tonelson ", "tonelson d"),
        ("tonelson d", "tonelson de"),
    ];
    let mut lifted = 0;
    for (before, q) in typed {
        let pattern = Pattern::new(q);
        // Each word's best anywhere, summed: what no item reaches when lifted.
        let bests: i32 = pattern
            .words
            .iter()
            .map(|w| {
                let initials = matcher::tier_score(matcher::Tier::Initials, items::Role::Main, w);
                [words.best(w), names.best_score(index.folded(), w)]
                    .into_iter()
                    .flatten()
                    .chain(words.may_be_initials(w).then_some(initials))
                    .max()
                    .unwrap()
            })
            .sum();
        for limit in [1, 10, 50] {
            let options = Options { limit, kind: None };
            let full = engine::reference(&index, q, &options);
            let mut typing = Searcher::new(Arc::clone(&index));
            typing.search(before, &options);
            // Rows scoring less than the lifted words' best elsewhere are not
            // looked for: 50 rows are more than this corpus has above it.
            let page = typing.page(q, &options);
            if let Some(page) = page {
                assert!(page.counting, "{q:?}");
                assert_eq!(page.hits, full.hits, "{q:?} {limit}");
                lifted += usize::from(full.hits[0].score < bests);
            } else {
                assert_eq!(limit, 50, "{q:?}");
            }
            assert_eq!(typing.search(q, &options), full, "{q:?} {limit}");
        }
    }
    assert!(lifted >= 6, "{lifted}");
}
