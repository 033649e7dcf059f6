//! Fits the speaker scorer's weights (`src/draft/speaker_weights.rs`) on the development
//! set's `tune` articles, and reports their leave-one-batch-out accuracy.
//!
//! The tune articles come in annotation batches (the third column of `split.txt`, see the
//! set's README): articles of one batch share outlets and styles, so leaving one article out
//! still lets its batch-mates teach the model its style. Here each batch is drafted with
//! weights fitted on the other batches alone (leave one batch out), and the counts are
//! pooled: the nearest the development set comes to news the model has never seen.
//!
//! `cargo run --release --example fit_speakers` prints the rules alone per batch, then, for
//! each group of features added in turn, the speaker accuracy pooled over the tune articles
//! when each batch is drafted with weights fitted on the others; a group is kept only when
//! it raises that figure. It does so twice: for the general features alone (the
//! attribution rules' choice not a feature: `GENERAL_WEIGHTS`), and for the general
//! features with the rules' choice added last (the drafter's `WEIGHTS`).
//! `-- --write` writes both, fitted on all the tune articles for the groups kept (then run
//! `cargo fmt`). `FIT_SHOW_WRONG=1` and `FIT_SHOW_GENERAL_WRONG=1` print the tune
//! quotations whose speaker the rules, or the general features, get wrong.
//!
//! Only articles labelled `tune` in `tests/fixtures/draft/split.txt` are read: the unseen
//! sets are never opened here.
//!
//! The model: a conditional logistic regression over each quotation's candidates (the
//! probability of a candidate is the softmax of the weighted sums over the quotation's
//! candidates; the loss is the negative log of the probability of the candidates whose
//! names match the gold speaker), fitted by full-batch gradient descent with an L2
//! penalty, from zero, for a fixed number of steps: the same input gives the same weights.
//! The candidates and their features come from drafting with the rules' choices alone
//! ([`speaker::RULES_ONLY`]), so no fitted weight shapes its own training data.

#[path = "../tests/draft_score/mod.rs"]
mod draft_score;

use std::path::{Path, PathBuf};

use draft_score::{names_match, norm_text, score, Counts};
use serde_json::Value;
use storyx::draft::speaker::{Features, FEATURES, GROUPS, N, RULES_ONLY};
use storyx::draft::{draft_traced, write, Options};

const STEPS: usize = 600;
const RATE: f64 = 0.5;
const L2: f64 = 0.002;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft")
}

struct Article {
    batch: String,
    text: String,
    opts: Options,
    gold: Value,
}

fn tune_articles() -> Vec<Article> {
    let split = std::fs::read_to_string(dir().join("split.txt")).expect("split.txt");
    split
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            let (part, name) = (w.next()?, w.next()?);
            Some((part, name, w.next().unwrap_or(part)))
        })
        .filter(|(part, _, _)| *part == "tune")
        .map(|(_, name, batch)| {
            let path = ["txt", "md", "html"]
                .iter()
                .map(|e| dir().join(format!("{name}.{e}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no article for {name}"));
            let gold = std::fs::read_to_string(dir().join(format!("{name}.gold.json")))
                .expect("gold file");
            Article {
                batch: batch.to_string(),
                text: std::fs::read_to_string(&path).expect("article"),
                opts: Options {
                    file_name: Some(path.file_name().unwrap().to_string_lossy().into_owned()),
                    ..Options::default()
                },
                gold: serde_json::from_str(&gold).expect("gold json"),
            }
        })
        .collect()
}

/// One quotation to learn from: its candidates' features and which are right.
struct Example {
    feats: Vec<Features>,
    right: Vec<bool>,
}

/// The quotations of an article whose gold speaker is among the candidates.
fn examples(a: &Article) -> Vec<Example> {
    let (_, traced) = draft_traced(&a.text, &a.opts, &RULES_ONLY);
    let gold = a.gold["quotes"].as_array().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for t in traced {
        let key = norm_text(&t.text);
        let Some(g) = gold.iter().find(|g| {
            g["kind"].as_str().unwrap_or("direct") == "direct"
                && norm_text(g["text"].as_str().unwrap_or("")) == key
        }) else {
            continue;
        };
        let want: Vec<&str> = ["speaker", "on_behalf_of"]
            .iter()
            .filter_map(|k| g[*k].as_str())
            .collect();
        if want.is_empty() {
            continue;
        }
        let right: Vec<bool> = t
            .candidates
            .iter()
            .map(|(names, _)| want.iter().any(|w| names.iter().any(|n| names_match(w, n))))
            .collect();
        if std::env::var_os("FIT_SHOW_WRONG").is_some()
            && right.iter().any(|&r| r)
            && t.candidates
                .iter()
                .zip(&right)
                .any(|(c, r)| c.1[0] > 0.0 && !r)
        {
            println!("rules wrong: {:?} (gold {want:?})", t.text);
            for ((names, f), r) in t.candidates.iter().zip(&right) {
                let on: Vec<usize> = (0..N).filter(|&k| f[k] != 0.0).collect();
                println!(
                    "  {} {:?} {on:?}",
                    if *r { "RIGHT" } else { "     " },
                    names[0]
                );
            }
        }
        if right.iter().any(|&r| r) && right.len() >= 2 {
            out.push(Example {
                feats: t.candidates.iter().map(|c| c.1).collect(),
                right,
            });
        }
    }
    out
}

/// Fits weights on `data`, using only the features `mask` keeps.
fn fit(data: &[&Example], mask: &[bool; N]) -> Features {
    let mut w = [0.0; N];
    if data.is_empty() {
        return w;
    }
    let m = data.len() as f64;
    for _ in 0..STEPS {
        let mut grad = [0.0; N];
        for ex in data {
            let s: Vec<f64> = ex.feats.iter().map(|f| masked(&w, f, mask)).collect();
            let top = s.iter().cloned().fold(f64::MIN, f64::max);
            let e: Vec<f64> = s.iter().map(|x| (x - top).exp()).collect();
            let all: f64 = e.iter().sum();
            let good: f64 = e.iter().zip(&ex.right).filter(|p| *p.1).map(|p| p.0).sum();
            for (c, f) in ex.feats.iter().enumerate() {
                let p = e[c] / all;
                let r = if ex.right[c] { e[c] / good } else { 0.0 };
                for k in 0..N {
                    if mask[k] {
                        grad[k] += (p - r) * f[k];
                    }
                }
            }
        }
        for k in 0..N {
            if mask[k] {
                w[k] -= RATE * (grad[k] / m + L2 * w[k]);
            }
        }
    }
    w
}

fn masked(w: &Features, f: &Features, mask: &[bool; N]) -> f64 {
    (0..N).filter(|&k| mask[k]).map(|k| w[k] * f[k]).sum()
}

fn counts(a: &Article, w: &Features) -> Counts {
    let (draft, _) = draft_traced(&a.text, &a.opts, w);
    let yaml = write::yaml(&draft);
    let v: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("draft yaml");
    score(&a.gold, &serde_json::to_value(v).expect("json"))
}

/// The batches of `arts`, in their first order.
fn batches(arts: &[Article]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for a in arts {
        if !out.contains(&a.batch.as_str()) {
            out.push(&a.batch);
        }
    }
    out
}

/// Leave-one-batch-out: each batch's articles drafted with weights fitted on the other
/// batches' alone; the pooled counts, and each batch's.
fn leave_one_batch_out(
    arts: &[Article],
    data: &[Vec<Example>],
    mask: &[bool; N],
) -> (Counts, Vec<(String, Counts)>) {
    let mut total = Counts::default();
    let mut each = Vec::new();
    for b in batches(arts) {
        let train: Vec<&Example> = arts
            .iter()
            .zip(data)
            .filter(|(a, _)| a.batch != b)
            .flat_map(|(_, d)| d.iter())
            .collect();
        let w = fit(&train, mask);
        let mut c = Counts::default();
        for a in arts.iter().filter(|a| a.batch == b) {
            c.add(&counts(a, &w));
        }
        total.add(&c);
        each.push((b.to_string(), c));
    }
    (total, each)
}

fn print_batches(each: &[(String, Counts)]) {
    for (b, c) in each {
        println!(
            "    {b:<8} speaker accuracy {:.3} ({}/{})",
            c.speaker_accuracy().unwrap_or(0.0),
            c.right_speaker,
            c.found
        );
    }
}

/// Forward selection: each group of `order` added in turn, kept when it raises the
/// leave-one-batch-out count of right speakers; gives the mask kept, its leave-one-batch-out
/// counts and the weights fitted on every article with it.
fn select(
    arts: &[Article],
    data: &[Vec<Example>],
    order: &[&(&str, usize, usize)],
    only: Option<&[usize]>,
) -> ([bool; N], Counts, Features) {
    let mut mask = [false; N];
    let mut best: Option<(Counts, Vec<(String, Counts)>)> = None;
    for &&(group, from, to) in order {
        let mut trial = mask;
        for (k, m) in trial.iter_mut().enumerate().take(to).skip(from) {
            *m = only.is_none_or(|o| o.contains(&k));
        }
        let (c, each) = leave_one_batch_out(arts, data, &trial);
        let better = best
            .as_ref()
            .is_none_or(|b| c.right_speaker > b.0.right_speaker);
        println!(
            "+ {group:<10} leave-one-batch-out speaker accuracy {:.3} ({}/{}) {}",
            c.speaker_accuracy().unwrap_or(0.0),
            c.right_speaker,
            c.found,
            if better { "kept" } else { "left out" }
        );
        if better {
            mask = trial;
            best = Some((c, each));
        }
    }
    let all: Vec<&Example> = data.iter().flatten().collect();
    let w = fit(&all, &mask);
    let fitted: Counts = arts.iter().fold(Counts::default(), |mut t, a| {
        t.add(&counts(a, &w));
        t
    });
    let (best, each) = best.unwrap_or_default();
    println!(
        "  leave-one-batch-out with the groups kept: {}",
        best.summary()
    );
    print_batches(&each);
    println!(
        "  fitted on all {} (in-sample, tune): {}",
        arts.len(),
        fitted.summary()
    );
    for (k, name) in FEATURES.iter().enumerate() {
        if mask[k] {
            println!("  {:>8.3}  {name}", w[k]);
        }
    }
    (mask, best, w)
}

fn rust_array(name: &str, w: &Features, mask: &[bool; N], doc: &str) -> String {
    let list: Vec<String> = w.iter().map(|x| format!("{x:.4}")).collect();
    let mut body = String::new();
    for chunk in list.chunks(6) {
        body.push_str(&format!("    {},\n", chunk.join(", ")));
    }
    let kept: Vec<&str> = GROUPS
        .iter()
        .filter(|(_, a, b)| mask[*a..*b].iter().any(|&m| m))
        .map(|(g, _, _)| *g)
        .collect();
    format!(
        "/// {doc}\n/// Feature groups kept (each raised the leave-one-batch-out accuracy when added): {}.\n\
         pub const {name}: [f64; {N}] = [\n{body}];\n",
        kept.join(", ")
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write_weights = args.iter().any(|a| a == "--write");
    // `--only 1,2,6`: the features allowed at all (by index), to try a group in part.
    let only: Option<Vec<usize>> = args
        .iter()
        .skip_while(|a| *a != "--only")
        .nth(1)
        .map(|l| l.split(',').filter_map(|x| x.parse().ok()).collect());
    let arts = tune_articles();
    let data: Vec<Vec<Example>> = arts.iter().map(examples).collect();
    let n_ex: usize = data.iter().map(Vec::len).sum();
    println!(
        "{} tune articles, {} quotations with the gold speaker among two or more candidates",
        arts.len(),
        n_ex
    );
    // The rules alone have no fitted weight: leaving a batch out changes nothing, so this
    // is their in-sample figure (they were written on every tune batch).
    let (rules, each) = leave_one_batch_out(&arts, &data, &RULES_ONLY.map(|w| w != 0.0));
    println!(
        "the rules alone (no fitted weight; {} batches): {}",
        each.len(),
        rules.summary()
    );
    print_batches(&each);
    let covered: usize = data
        .iter()
        .flatten()
        .filter(|ex| {
            ex.feats
                .iter()
                .zip(&ex.right)
                .any(|(f, r)| f[0] > 0.0 && !r)
        })
        .count();
    println!("  the rules' choice wrong and the gold speaker another candidate: {covered}");
    // The general features alone: the rules' choice only one candidate among the others.
    println!("the general features alone, the rules' choice not a feature:");
    let general: Vec<&(&str, usize, usize)> = GROUPS.iter().skip(1).collect();
    let (gmask, _, gw) = select(&arts, &data, &general, only.as_deref());
    if std::env::var_os("FIT_SHOW_GENERAL_WRONG").is_some() {
        for ex in data.iter().flatten() {
            let chosen = storyx::draft::speaker::best(&gw, &ex.feats).unwrap_or(0);
            if !ex.right[chosen] {
                println!("general wrong:");
                for (c, f) in ex.feats.iter().enumerate() {
                    let on: Vec<usize> = (0..N).filter(|&k| f[k] != 0.0).collect();
                    let mark = match (ex.right[c], c == chosen) {
                        (true, _) => "RIGHT ",
                        (_, true) => "CHOSEN",
                        _ => "      ",
                    };
                    println!("  {mark} {on:?}");
                }
            }
        }
    }
    // The shipped scorer: the general features first, the rules' choice added last.
    println!("the general features, then the rules' choice:");
    let mut both = general.clone();
    both.push(&GROUPS[0]);
    let (mask, scored, w) = select(&arts, &data, &both, only.as_deref());
    // The scorer earns its place only if it beats the rules alone leaving batches out;
    // else the drafter keeps the rules' choice (the weights that reproduce it).
    let earns = scored.right_speaker > rules.right_speaker;
    println!(
        "the scorer, leave-one-batch-out, against the rules alone: {}/{} against {}/{}: {}",
        scored.right_speaker,
        scored.found,
        rules.right_speaker,
        rules.found,
        if earns {
            "the drafter uses the scorer"
        } else {
            "the drafter keeps the rules"
        }
    );
    let (mask, w) = if earns {
        (mask, w)
    } else {
        let mut m = [false; N];
        m[0] = true;
        (m, RULES_ONLY)
    };
    let overrides: usize = arts
        .iter()
        .map(|a| {
            let (_, traced) = draft_traced(&a.text, &a.opts, &w);
            traced
                .iter()
                .filter(|t| t.candidates.get(t.chosen).is_some_and(|c| c.1[0] == 0.0))
                .count()
        })
        .sum();
    println!("  quotations whose speaker the scorer takes from another candidate than the rules': {overrides}");
    if write_weights {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/draft/speaker_weights.rs");
        let text = format!(
            "//! The speaker scorer's weights, one per feature of [`super::speaker::FEATURES`],\n\
             //! fitted on the development set's tune articles. Written by\n\
             //! `cargo run --release --example fit_speakers -- --write && cargo fmt`; do not edit by hand.\n\n{}\n{}",
            rust_array(
                "WEIGHTS",
                &w,
                &mask,
                if earns {
                    "The drafter's: the general features, then the attribution rules' choice."
                } else {
                    "The drafter's: the attribution rules' choice alone, since the fitted scorer\n\
                     /// did not beat it leaving one annotation batch out."
                }
            ),
            rust_array(
                "GENERAL_WEIGHTS",
                &gw,
                &gmask,
                "The general features alone, the rules' choice not among them (for comparison)."
            ),
        );
        std::fs::write(&path, text).expect("write weights");
        println!("wrote {}", path.display());
    }
}
