//! The drafter on the development set (tests/fixtures/draft): the scorer's metrics on the
//! `tune` articles (all 560 of the development set, per article) and on the unseen sets
//! (any part of split.txt but `tune`: totals only), and every draft loading with no errors.
//!
//! Run `cargo test --test draft_set tune -- --nocapture` to see the figures per tune article.

mod draft_score;

use std::path::{Path, PathBuf};

use draft_score::{load_errors, score, Counts};
use serde_json::Value;
use storyx::draft::speaker::{Features, GENERAL_WEIGHTS};
use storyx::draft::{draft_traced, draft_yaml, write, Options};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft")
}

/// (split, name, article path) for every article of split.txt (`PART NAME [BATCH]`).
fn articles() -> Vec<(String, String, PathBuf)> {
    let split = std::fs::read_to_string(dir().join("split.txt")).unwrap();
    split
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?, w.next()?))
        })
        .map(|(part, name)| {
            let path = ["txt", "md", "html"]
                .iter()
                .map(|e| dir().join(format!("{name}.{e}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no article for {name}"));
            (part.to_string(), name.to_string(), path)
        })
        .collect()
}

fn draft_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    draft_yaml(&text, &options(path))
}

fn options(path: &Path) -> Options {
    Options {
        file_name: Some(path.file_name().unwrap().to_string_lossy().into_owned()),
        ..Options::default()
    }
}

/// The draft with the speaker scorer's weights `weights` instead of the drafter's own.
fn draft_weighted(path: &Path, weights: &Features) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    write::yaml(&draft_traced(&text, &options(path), weights).0)
}

fn as_json(yaml: &str) -> Value {
    let v: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(v).unwrap()
}

/// The scores of one part; `details`: each article's figures, misses and wrong speakers
/// (only for the development articles, `tune`: unseen ones are reported as totals, never
/// looked into).
fn scores(part: &str, details: bool) -> Counts {
    scores_with(part, details, None)
}

/// [`scores`], the drafts made with the speaker scorer's weights `weights` if given.
fn scores_with(part: &str, details: bool, weights: Option<&Features>) -> Counts {
    let mut total = Counts::default();
    for (p, name, path) in articles() {
        if p != part {
            continue;
        }
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.gold.json"))).unwrap(),
        )
        .unwrap();
        let y = match weights {
            Some(w) => draft_weighted(&path, w),
            None => draft_of(&path),
        };
        let c = score(&gold, &as_json(&y));
        total.add(&c);
        if !details {
            continue;
        }
        println!("{part} {name}: {}", c.summary());
        for m in &c.missed {
            println!("  missed: {m}");
        }
        for w in &c.wrong {
            println!("  speaker: {w}");
        }
        for d in &c.declined_missed {
            println!("  declined missed: {d}");
        }
        for e in &c.extra {
            println!("  not a gold quote: {e}");
        }
        for e in &c.declined_extra {
            println!("  not a gold declining: {e}");
        }
    }
    println!("{part} TOTAL: {}", total.summary());
    total
}

fn meets_targets(c: &Counts) -> bool {
    c.recall().unwrap_or(1.0) >= 0.95
        && c.precision().unwrap_or(1.0) >= 0.90
        && c.speaker_accuracy().unwrap_or(1.0) >= 0.90
        && c.declined_recall().unwrap_or(1.0) >= 0.80
}

/// What the rules reach on the 187 tune articles (stop 18, when the fourth and fifth sets
/// joined them, before any rule was written on them: recall 708/731, precision 708/723, speaker
/// accuracy 621/708, declined recall 41/48; issue 15's targets are recall 0.95, precision
/// 0.90, speaker accuracy 0.90, declined recall 0.80). Raised as rules are written on the 187
/// (see the commits); a fall below these is a regression. Stop 19: the sixth set (72 articles,
/// batches stop18a and stop18b) joined them, 259 articles: recall 1099/1131, precision
/// 1099/1120, speaker accuracy 963/1099, declined recall 51/62 before any rule was written on it;
/// after stop 19's rules speaker accuracy 969/1099, declined recall 55/62. Stop 20: the seventh
/// set (100 articles, batches stop19a, stop19b and stop19c) joined them, 359 articles: recall
/// 1891/1954, precision 1891/1942, speaker accuracy 1646/1891, declined recall 63/86 before any
/// rule was written on it; after stop 20's rules speaker accuracy 1659/1891, declined recall
/// 74/86. Stop 21: the eighth set (85 articles, batches stop20a, stop20b and stop20c) joined
/// them, 444 articles: recall 2711/2801, precision 2711/2788, speaker accuracy 2331/2711,
/// declined recall 76/105 before any rule was written on it; after stop 21's rules speaker
/// accuracy 2358/2711, declined recall 90/105. Stop 22: the ninth and tenth sets (116 articles,
/// batches stop21a to stop21e) joined them, 560 articles: recall 3637/3770, precision 3637/3774,
/// speaker accuracy 3182/3637, declined recall 95/131 with stop 21's last drafter; after stop
/// 22's rules (speaker attribution; declinings and recall) recall 3653/3770, precision
/// 3653/3773, speaker accuracy 3224/3653, declined recall 103/131. Stop 23: the eleventh set (135
/// articles, batches stop22a to stop22f) joined them, 695 articles: recall 4534/4698, precision
/// 4534/4744, speaker accuracy 3926/4534, declined recall 116/160 with stop 22's last drafter;
/// after stop 23's rules (declinings and recall; speaker attribution) recall 4534/4698, precision
/// 4534/4736, speaker accuracy 3992/4534, declined recall 128/160. The twelfth set (125
/// articles, batches stop23a to stop23e), merged after that round's last commit and measured
/// unseen (recall 494/541, precision 494/549, speaker accuracy 372/494, declined recall 3/9),
/// then joined them: 820 articles, recall 5028/5239, precision 5028/5285, speaker accuracy
/// 4364/5028, declined recall 131/169; after stop 23's second round (a statement introduced
/// before a short note; a request's addressee, `has not issued a statement`) speaker accuracy
/// 4395/5028, declined recall 136/169. Stop 24: the thirteenth set (89 articles, batches stop23g
/// to stop23i), measured unseen after stop 23's second round (recall 520/560, precision 520/622,
/// speaker accuracy 427/520, declined recall 0/1), joined them: 909 articles, recall 5548/5799,
/// precision 5548/5907, speaker accuracy 4822/5548, declined recall 136/170; after stop 24's
/// speaker rules (datelines, glued tags, letters' signers quoted as a group, plural titles)
/// speaker accuracy 4859/5548; after its declinings and recall round (terms, titles and shown
/// words; unit marks; stonewalling), both merged: recall 5556/5799, precision 5556/5849, speaker
/// accuracy 4865/5556, declined recall 141/170. The fourteenth set (122 articles, batches
/// stop24a to stop24c), measured unseen after that round (recall 436/468, precision 436/461,
/// speaker accuracy 350/436, declined recall 2/4), joined them: 1031 articles, recall 5992/6267, precision 5992/6310,
/// speaker accuracy 5215/5992, declined recall 143/174; after stop 24's second declinings round
/// (`contacted X with no response`, `there has been no response from X`, `X's refusal to
/// provide/comment/answer/respond`) declined recall 145/174.
/// After the second round's speaker rules (signed endorsements, a name alone as the tag, short
/// titles, the capital's dateline, answers under headings), both rounds merged: recall 5995/6267,
/// precision 5995/6313, speaker accuracy 5271/5995, declined recall 145/174. The fifteenth set
/// (77 articles, batches stop24d to stop24f), measured unseen after that round (recall 472/495,
/// precision 472/485, speaker accuracy 436/472, declined recall 4/6), joined them at stop 25:
/// 1108 articles, recall 6467/6762, precision 6467/6798, speaker accuracy 5707/6467, declined
/// recall 149/180. Stop 25's declinings (silence and refusals worded without a stock phrase:
/// `has not said a word`, `declined repeated requests for comment`, `the ministry’s silence`,
/// `has yet to receive answers`, …) and a term in straight marks inside a typographic
/// quotation: recall 6468/6762, precision 6468/6798, speaker accuracy 5708/6468, declined
/// recall 153/180. After stop 25's speaker rules (a word the article sets before a full
/// name is a title, a plural title before one surname, Spanish titles, a blogger summarised
/// in the present tense), both merged: recall 6468/6762, precision 6468/6798, speaker
/// accuracy 5728/6468, declined recall 153/180. The sixteenth set (180 articles, batches
/// stop25a to stop25f), measured unseen after that round (recall 773/802, precision 773/837,
/// speaker accuracy 677/773, declined recall 9/19), joined them for stop 25's second round:
/// 1288 articles, recall 7241/7564, precision 7241/7635, speaker accuracy 6405/7241, declined
/// recall 162/199; after its declinings (`unwilling to say`, `did not initially respond`,
/// `refused to offer any assurances`) declined recall 167/199. The seventeenth set (49
/// articles, batches stop25g to stop25i), measured unseen after that round: recall 132/133,
/// precision 132/134, speaker accuracy 90/132, declined recall 2/4; joined the tune set at
/// stop 26: 1337 articles, recall 7373/7697, precision 7373/7769, speaker accuracy 6495/7373,
/// declined recall 169/203. After stop 26's first speaker rules (a dateline glued to the
/// sentence by a dash, `Washington—Senator …`; a line signed with a first name and a town,
/// `“…” — Kristen, Spotsylvania`): speaker accuracy 6519/7373; after its second (a caller
/// who gives their name as their words open, the noun set before an organisation's name,
/// `budget airline Ryanair`, a participle's clause opening the sentence): 6536/7373; with a
/// title of several words before a surname (`National Security Advisor Sullivan` after
/// `U.S. National Security Advisor Jake Sullivan`): 6538/7373. After stop 26's declinings (a
/// grammar of refusal and silence: head, adverbs, verb of speech and its object; `none of
/// X`/`neither X nor Y` as the negation; `unreachable for comment`; a body in lower case not
/// reached for comment; requests sent to X that went unanswered; `had nothing else to say`)
/// declined recall 172/203. The eighteenth set (126 articles, batches stop26a to stop26g),
/// measured unseen after that round (recall 311/329, precision 311/324, speaker accuracy
/// 275/311, declined recall 2/7), joined them for stop 26's second round: 1463 articles,
/// recall 7684/8026, precision 7684/8093, speaker accuracy 6813/7684, declined recall 174/210;
/// after its speaker rule (a title set off by a comma before a ranked name) speaker accuracy
/// 6817/7684; after its declinings (`never responded`, `failed to comment`, `has not thus far
/// responded`, `no additional comment has been made by X`) declined recall 178/210. The
/// nineteenth set (38 articles, batches stop26i to stop26k), measured unseen after that round:
/// recall 106/108, precision 106/107, speaker accuracy 78/106, declined recall 1/2; joined the
/// tune set at stop 27: 1501 articles, recall 7790/8134, precision 7790/8200, speaker accuracy
/// 6895/7790, declined recall 179/212; after stop 27's declinings (an elided refusal, the
/// subject past `so far`, a title alone as the person named after it, `the organization` as
/// the organisation its sentence named) declined recall 185/212; after its speaker rules (signed
/// quotations run together, a lawmaker's release's untagged statement, an organisation's
/// possessive before a person's name, a caucus's co-chairs, a letter's leader) speaker accuracy
/// 6931/7790. The twentieth set (57 articles, batches stop27a to stop27e), measured unseen after
/// that round (recall 119/127, precision 119/123, speaker accuracy 106/119, no declining; the
/// same with the drafter of the start of stop 27), joined them for stop 27's second round: 1558
/// articles, recall 7909/8261, precision 7909/8323, speaker accuracy 7037/7909, declined recall
/// 185/212. That round's speaker rules (a capital's dateline whose line break was lost, a lone
/// gerund opening the sentence, `and` joining two titles of one speaker, a longer reach to `said`
/// after a name set off by a comma) and its quote finding (lost line breaks, a statement's lost
/// opening mark, no declining from a complaint inside a quotation), both merged: recall 7923/8261,
/// precision 7923/8332, speaker accuracy 7052/7923, declined recall 185/212. The twenty-first
/// set (106 articles, batches stop27f to stop27m), measured unseen after that round (recall
/// 245/273, precision 245/255, speaker accuracy 211/245, declined recall 1/5), joined them at
/// stop 28: 1664 articles, recall 8168/8534, precision 8168/8587, speaker accuracy 7263/8168,
/// declined recall 186/217. After stop 28's declinings and recall round (a statement marked
/// only where it opens and closes, or closed once and runs on to a lost opening mark; a
/// declining's party named before `who`; a noun `term` before a modal; a short phrase after
/// `a`/`an` following a quotation of the sentence's speaker): recall 8203/8534, precision
/// 8203/8621, speaker accuracy 7296/8203, declined recall 188/217; after its speaker rules (an
/// opener's phrase before the subject, a statement introduced by a sentence quoting someone
/// else, a heading run into a release's quotations, a dateline's commas), both merged: recall
/// 8203/8534, precision 8203/8621, speaker accuracy 7316/8203, declined recall 188/217. The
/// twenty-second set (78 articles, batches stop28a to stop28d, stop28m, stop28n), measured
/// unseen after that round (recall 167/186, precision 167/180, speaker accuracy 145/167,
/// declined recall 1/2), joined them for stop 28's second round: 1742 articles, recall
/// 8370/8720, precision 8370/8801, speaker accuracy 7461/8370, declined recall 189/219.
/// After stop 28's second round's quote-finding and declining rules (a long statement with
/// marks of its own inside, one never closed, a release's end mark, an inch mark, a theme
/// and a listed title; keeping a suspicion, naming someone already named, a medium's
/// silence): recall 8385/8720, precision 8385/8809, speaker accuracy 7476/8385, declined
/// recall 190/219; after its speaker rules (a role and a name after `with`, a statement
/// released by X), both merged: recall 8385/8720, precision 8385/8809,
/// speaker accuracy 7486/8385, declined recall 190/219. The twenty-third set (104 articles,
/// batches stop28e to stop28g, stop28i to stop28l), measured unseen after that round (recall
/// 276/288, precision 276/285, speaker accuracy 247/276, declined recall 4/6: the same as with
/// the drafter of the start of stop 28), joined them for its third round: 1846 articles, recall
/// 8661/9008, precision 8661/9094, speaker accuracy 7733/8661, declined recall 194/225.
/// Its third round's declinings (a day between `declined` and `to`, a name set off after a
/// description, an opening adverb no party, missing data no silence): declined recall 195/225;
/// its speaker rule (a statement in the first person plural from lawmakers the release's
/// opening names), both merged: recall 8661/9008, precision 8661/9094, speaker
/// accuracy 7742/8661, declined recall 195/225. The twenty-fourth set (42 articles, batches
/// stop28o to stop28q), measured unseen after that round (recall 102/104, precision 102/104,
/// speaker accuracy 92/102), joined them at stop 29: 1888 articles, recall 8763/9112,
/// precision 8763/9198, speaker accuracy 7834/8763, declined recall 195/225. After stop 29's
/// first declinings round (a clause keeping something back that opens the sentence, `Without
/// giving an exact figure, he said`; details not gone into): declined recall 197/225.
/// Stop 29's first speaker round (the plural `write`; joined surnames named by their full
/// names; a letter's writers over a lawmaker group or the person it is sent to), both merged:
/// recall 8764/9112, precision 8764/9199, speaker accuracy 7847/8764, declined recall 197/225.
/// The twenty-fifth set (107 articles, batches stop29a to stop29h), measured unseen after that
/// round (recall 257/269, precision 257/271, speaker accuracy 234/257, no declining; the same
/// with the drafter of the start of stop 29), joined them for its second round: 1995 articles,
/// recall 9021/9381, precision 9021/9470, speaker accuracy 8081/9021, declined recall 197/225.
/// Stop 29's second speaker round (an acronym written as a word, `Fewsnet`; a country's
/// initials before a title; `Ranking Member`; joined surnames one of them also a title):
/// speaker accuracy 8089/9021, the rest unchanged.
/// Its second declinings round's quote finding (a tag left inside open marks, the statement
/// going on after it; a phrase of when or where after the tag's name; a title in marks
/// whose closing mark was lost; a lower-case word in straight marks inside a straight
/// quotation): recall 9036/9381, precision 9036/9474, speaker accuracy 8093/9036.
/// Both merged: recall 9036/9381, precision 9036/9474, speaker accuracy 8101/9036, declined
/// recall 197/225. The twenty-sixth set (87 articles, batches stop29i to stop29n), measured
/// unseen after that round (recall 174/192, precision 174/214, speaker accuracy 156/174,
/// declined recall 4/5), joined them for its third round: 2082 articles, recall 9210/9573,
/// precision 9210/9688, speaker accuracy 8257/9210, declined recall 201/230.
/// That third round (a title run into a name; a chamber before a lawmaker group; a
/// transcript's lines with no marks no quotes; comment not obtained from X), finished in
/// stop 30: recall 9210/9573, precision 9210/9573, speaker accuracy 8264/9210, declined
/// recall 202/230. The twenty-seventh set (89 articles, batches stop29o to stop29u),
/// measured unseen after that round (recall 182/208, precision 182/210, speaker accuracy
/// 171/182, declined recall 4/5), joined them at stop 30: 2171 articles, recall 9392/9781,
/// precision 9392/9783, speaker accuracy 8435/9392, declined recall 206/235.
/// Stop 30's decline round 1 (a letter's bulleted list, a lost closing mark before a new
/// opening one, a straight opening mark lost, `''` closing, a transcript turn's end mark and
/// video link): recall 9428/9781, precision 9428/9801, speaker accuracy 8471/9428. Then a
/// straight mark opening after a tag left in a typographic quotation, a signature inside the
/// marks, `stated` in such a tag: recall 9434/9781, precision 9434/9803, speaker 8476/9434.
/// Then a stray opening mark at a paragraph's end: recall 9436/9781, precision 9436/9803,
/// speaker accuracy 8478/9436 (the floor's truncated figures unchanged).
/// Stop 30's first speaker round (a supporter's tag with no verb, `Bill` opening a name, a
/// long phrase before the subject): speaker accuracy 8439/9392, the rest unchanged; then
/// (an opener set off by its comma, a long clause before the subject) precision 9392/9780,
/// speaker accuracy 8442/9392.
/// Both merged: recall 9436/9781, precision 9436/9800, speaker accuracy 8485/9436, declined
/// recall 206/235.
/// The twenty-eighth set (127 articles, batches stop30a to stop30j), measured unseen after
/// that round (recall 377/401, precision 377/408, speaker accuracy 276/377, declined recall
/// 3/7), joined them at stop 31: 2298 articles, recall 9813/10182, precision 9813/10208,
/// speaker accuracy 8761/9813, declined recall 209/242. Stop 31's declinings round (a person a
/// reporter could not reach by name, a response not obtained from a party, a phone not
/// picked up): declined recall 212/242. Its list brought in by a statement left open, whose
/// next paragraph opens its mark again: recall 9821/10182, precision 9821/10216, speaker
/// accuracy 8770/9821.
/// Stop 31's speaker round 1 (remarks printed after the sentence introducing them, kept
/// the speaker's across a separator; `Excerpt of X’s remarks` no party): speaker accuracy
/// 8844/9813, the rest unchanged. Then a surname two people share is the principal named
/// first: speaker accuracy 8854/9813. Then `a report from X` gives the report's author:
/// speaker accuracy 8855/9813 (the floor's truncated figures unchanged). Then a release's
/// label before its colon (`ICYMI:`) no subject: speaker accuracy 8857/9813.
/// Both merged: recall 9821/10182, precision 9821/10215, speaker accuracy 8866/9821,
/// declined recall 212/242.
/// The twenty-ninth set (196 articles, batches stop31a to stop31p), measured unseen after
/// that round (recall 521/545, precision 521/536, speaker accuracy 453/521, declined recall
/// 19/33), joined them for stop 31's second round: 2494 articles, recall 10342/10727,
/// precision 10342/10751, speaker accuracy 9319/10342, declined recall 231/275. After stop
/// 31's second speaker round (surnames joined after a plural or a long title): speaker
/// accuracy 9324/10342, the rest unchanged; the truncated floor did not move. Stop 31's
/// second declinings round (no comment had or made, `denied to elaborate`, no response
/// made): declined recall 234/275; `neither … nor …` of two long-named parties: 235/275; two
/// curly single marks closing a double quotation: recall 10344/10727, precision 10344/10751,
/// speaker accuracy 9322/10344.
/// Both merged: recall 10344/10727, precision 10344/10751, speaker accuracy 9327/10344,
/// declined recall 235/275. Stop 32's declinings round (the grammar of a silence taking over
/// listed phrases, and a reporter's attempts to reach or get information from a party that
/// came to nothing): declined recall 237/275, the rest unchanged.
/// Stop 32, draft round 1 (a sentence's subject named with `of` and their body, a named
/// body as the subject): speaker accuracy 9327 -> 9339/10344; a body's long title before the
/// name (`said White House Council on Environmental Quality Chair Brenda Mallory`): 9343/10344.
/// Stop 32, draft round 1 continued (an untagged quotation printed again with its speaker):
/// speaker accuracy 9348/10344, precision 10344/10747; the truncated floor did not move.
/// Both merged: recall 10344/10727, precision 10344/10747, speaker accuracy 9348/10344,
/// declined recall 237/275.
/// fresh30 (218 articles) relabelled `tune` after it was measured: 2712 articles, recall
/// 10949/11344, precision 10949/11374, speaker accuracy 9891/10949, declined recall 246/290 (its
/// fifteen declinings, drafted at 9/15, lower the declined floor).
/// Stop 32, draft round 2 (a release headed as someone's statement, `Statement from HHS
/// Secretary Xavier Becerra`, `Rep. Castor Statement on …`: its untagged quotations are the
/// headline's giver's): speaker accuracy 9891 -> 9911/10949. Stop 32's second declinings
/// round (a group in lower case as the party of a reporter's failed contact or a nominal `no
/// comment/reaction from`): declined recall 250/290.
/// Both merged: recall 10949/11344, precision 10949/11374, speaker accuracy 9911/10949,
/// declined recall 250/290.
/// Stop 33, draft round 1 (a short gloss in brackets between a tag's name and its verb,
/// `“…,” Congressman Tim Scott (R-SC) said`, is no part of the name): speaker accuracy
/// 9911 -> 9920/10949; and a verb in a tag's place (`“…,” shared Heather Lattimer`, `“…,”
/// strategist Kevin Madden offered.`) is the tag, whatever the verb: 9926/10949. Stop 33's
/// declinings round 1 (silence as a state, requests for words turned away, read by the grammar
/// in place of listed phrases) left every figure as it was. Both merged: recall 10949/11344,
/// precision 10949/11374, speaker accuracy 9926/10949, declined recall 250/290.
/// fresh31 (159 articles) relabelled `tune` after it was measured: 2871 articles, recall
/// 11553/11953, precision 11553/11992, speaker accuracy 10495/11553, declined recall 251/292
/// (its two declinings, drafted at 1/2, lower the declined floor).
/// Stop 33's declinings round 2 (the head of a declining's subject: past `in` and a place,
/// before a `who` clause set off in commas, a definite description read back to the body
/// named before): declined recall 251 -> 254/292. Stop 33, draft round 2 (a tag's name, then
/// `of`/`from`/`at`/`in` and where the speaker is from: `said Simon Janzen from Divi Divi Air`):
/// speaker accuracy 10495 -> 10499/11553; the truncated floor did not move. Both merged: recall
/// 11553/11953, precision 11553/11992, speaker accuracy 10499/11553, declined recall 254/292.
/// Stop 34, draft round 1 (a name set off by a description before `said`, then another name:
/// `Patrick Leahy, a Democrat …, said Trump's “…”` is no tag turned round): speaker accuracy
/// 10499 -> 10505/11553; a name then a description with no closing comma before the verb
/// and no `of` in it (`Nurta Hussein, another resident said`): 10505 -> 10508/11553; two
/// phrases set off between the name and the verb (`Anderson Cooper, of CNN, one of her four
/// sons, stated`): 10508 -> 10511/11553. Stop 34's declinings round 1 (nothing given when
/// asked, and a verb of saying after a refusal, read by the grammar) left every figure as it
/// was. Both merged: recall 11553/11953, precision 11553/11992, speaker accuracy 10511/11553,
/// declined recall 254/292. fresh32 (166 articles) relabelled `tune` after it was measured:
/// 3037 articles, recall 12284/12708, precision 12284/12738, speaker accuracy 11176/12284,
/// declined recall 254/292. Stop 34's decline round 2: a statement announced by the
/// paragraph before it runs on from its opening mark to its closing one through paragraphs
/// that report what others said, end without a stop or elide (`. . .`): recall 12284 ->
/// 12298/12708, precision 12298/12752, speaker accuracy 11190/12298. Stop 34, draft round 2
/// (a military rank written short, `Tech. Sgt.`, `Spc.`, `Lt. j.g.`, neither ends the
/// sentence nor is the speaker): speaker accuracy 11176 -> 11185/12284. Both merged: recall
/// 12298/12708, precision 12298/12752, speaker accuracy 11199/12298, declined recall 254/292.
/// Stop 35, declinings round 1 (five compositional parts of the grammar: an adjective of
/// reluctance, the refusal as a noun, `no` + a speech noun + a state + `from`, a reporter's
/// tries said to fail later, `the` + a noun read back to the body named before) and the speed
/// work (the rules' choice taken without gathering every candidate; capitalised runs folded
/// once) left every figure and every draft as it was. fresh33 (151 articles) relabelled
/// `tune` after it was measured: 3188 articles, recall 12778/13211, precision 12778/13256,
/// speaker accuracy 11641/12778, declined recall 255/295 (its precision, 480/504, and its
/// three declinings, drafted at 1/3, lower the precision and declined floors).
const TUNE_FLOOR: (f64, f64, f64, f64) = (0.967, 0.963, 0.911, 0.864);

#[test]
fn tune_articles_keep_their_scores() {
    let c = scores("tune", true);
    println!("tune meets the issue's targets: {}", meets_targets(&c));
    let (r, p, s, d) = TUNE_FLOOR;
    assert!(
        c.recall().unwrap() >= r
            && c.precision().unwrap() >= p
            && c.speaker_accuracy().unwrap() >= s
            && c.declined_recall().unwrap() >= d,
        "tune: {}",
        c.summary()
    );
}

/// The totals of every unseen set of split.txt (`fresh4`, ...: every part but
/// `tune`), pooled; the drafts made with `weights` if given.
fn unseen_totals(weights: Option<&Features>) -> Counts {
    let mut sets: Vec<String> = articles()
        .into_iter()
        .map(|(part, _, _)| part)
        .filter(|part| part != "tune")
        .collect();
    sets.sort();
    sets.dedup();
    let mut all = Counts::default();
    for set in &sets {
        all.add(&scores_with(set, false, weights));
    }
    all
}

/// Whether split.txt has no unseen article with a quote: between a set's relabelling as
/// `tune` and the next set's merge (stop 22: `fresh9` and `fresh10` are `tune`, the next set is
/// merged after the tuning's last commit), there is none to score, which is said, not failed.
fn no_unseen_set(all: &Counts) -> bool {
    if all.gold_quotes == 0 {
        println!("no unseen article with a quote in split.txt: every article is `tune`");
    }
    all.gold_quotes == 0
}

#[test]
fn holdout_articles_scored() {
    // The figures that count: articles the rules were never written on, one label per set
    // (the ninth and tenth, `fresh9` and `fresh10`, are `tune` since stop 22). Totals
    // only, per set and pooled: an unseen article's misses are never printed, so nobody tunes
    // on them.
    let all = unseen_totals(None);
    if no_unseen_set(&all) {
        return;
    }
    println!("unseen, all sets pooled: {}", all.summary());
    println!("unseen meets the targets: {}", meets_targets(&all));
}

/// The speaker scorer with the general features alone (the attribution rules' choice not
/// among them), chosen and fitted leaving one annotation batch out (`cargo run --release
/// --example fit_speakers`), in-sample on the 98 articles it was fitted on; 592/708 on the
/// 187 tune articles of stop 18, 928/1099 on the 259 of stop 19, 2255/2711 on the 444 of
/// stop 21, 3077/3637 on the 560 of stop 22 (3107/3649 after stop 22's rules).
#[test]
fn tune_by_the_general_features_alone() {
    let c = scores_with("tune", false, Some(&GENERAL_WEIGHTS));
    assert!(c.speaker_accuracy().unwrap() >= 0.831, "{}", c.summary());
}

#[test]
fn holdout_scored_by_the_general_features_alone() {
    // The same unseen articles, totals only, with the rules' choice not a feature: the
    // figure to compare with `holdout_articles_scored` for what the rules add on news they
    // were not written on.
    let all = unseen_totals(Some(&GENERAL_WEIGHTS));
    if no_unseen_set(&all) {
        return;
    }
    println!(
        "unseen, all sets pooled, general features alone: {}",
        all.summary()
    );
    println!(
        "unseen, general features alone, meets the targets: {}",
        meets_targets(&all)
    );
}

#[test]
fn the_bundled_article_gives_its_four_quotes_and_the_declining() {
    let y = draft_of(&dir().join("alibaba-allegations.txt"));
    let story = as_json(&y);
    let quotes = story["quotes"].as_array().unwrap();
    let by_text = |t: &str| {
        let q = quotes
            .iter()
            .find(|q| q["text"] == t && q["kind"] == "direct")
            .unwrap_or_else(|| panic!("no quote {t:?} in\n{y}"));
        let id = q["by"].as_str().unwrap();
        story["parties"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        by_text("complete distortion of facts"),
        "Chinese embassy in Washington"
    );
    assert_eq!(
        by_text("The assertions and innuendoes in the article are completely false,"),
        "Alibaba"
    );
    assert_eq!(by_text("people’s war,"), "Chinese Communist Party");
    assert!(by_text("total war.").contains("military"));
    let direct = quotes.iter().filter(|q| q["kind"] == "direct").count();
    assert_eq!(direct, 4, "{y}");
    let declined: Vec<&Value> = quotes.iter().filter(|q| q["kind"] == "declined").collect();
    assert_eq!(declined.len(), 1);
    assert_eq!(declined[0]["by"], "white-house");
    assert_eq!(declined[0]["text"], "has not commented on the memo");
}

#[test]
fn every_draft_loads_with_no_errors() {
    for (_, name, path) in articles() {
        let y = draft_of(&path);
        let errors = load_errors(&format!("{name}.yaml"), &y);
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{y}");
    }
}

#[test]
fn the_same_article_gives_the_same_bytes() {
    for (_, _, path) in articles().into_iter().take(5) {
        assert_eq!(draft_of(&path), draft_of(&path));
    }
}
