//! The metrics of `draft-eval/score.py`, in Rust: quote recall, quote precision, speaker
//! accuracy on found quotes, declined recall, with the same folding and name matching
//! (its docstring): texts compared after folding typographic quotes and apostrophes,
//! collapsing white space, dropping a trailing comma or full stop, lower case; names match
//! when, folded (case, accents, a leading "the"), one's words appear in the other's as a
//! run of whole words.

#![allow(dead_code)]

use std::collections::HashMap;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

pub fn fold(s: &str) -> String {
    let s: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn norm_text(s: &str) -> String {
    let mut s = fold(s).trim().to_string();
    while s.ends_with([',', '.']) {
        s.pop();
        s = s.trim_end().to_string();
    }
    s.to_lowercase()
}

fn words(name: &str) -> Vec<String> {
    let f = fold(name).to_lowercase();
    let w: Vec<String> = f
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if w.first().is_some_and(|f| f == "the") {
        w[1..].to_vec()
    } else {
        w
    }
}

pub fn names_match(a: &str, b: &str) -> bool {
    let (mut wa, mut wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    if wa.len() > wb.len() {
        std::mem::swap(&mut wa, &mut wb);
    }
    wb.windows(wa.len()).any(|w| w == wa.as_slice())
}

/// Per-article counts, summed over a set.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub gold_quotes: usize,
    pub drafted_quotes: usize,
    pub found: usize,
    pub right_speaker: usize,
    pub gold_declined: usize,
    pub declined_found: usize,
    pub missed: Vec<String>,
    pub extra: Vec<String>,
    pub wrong: Vec<String>,
    /// The gold declinings (`who: what`) no drafted declining is by.
    pub declined_missed: Vec<String>,
    /// The drafted declinings (`by “text”`) by a party no gold declining names.
    pub declined_extra: Vec<String>,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.gold_quotes += o.gold_quotes;
        self.drafted_quotes += o.drafted_quotes;
        self.found += o.found;
        self.right_speaker += o.right_speaker;
        self.gold_declined += o.gold_declined;
        self.declined_found += o.declined_found;
    }
    fn ratio(a: usize, b: usize) -> Option<f64> {
        (b > 0).then(|| a as f64 / b as f64)
    }
    pub fn recall(&self) -> Option<f64> {
        Self::ratio(self.found, self.gold_quotes)
    }
    pub fn precision(&self) -> Option<f64> {
        Self::ratio(self.found, self.drafted_quotes)
    }
    pub fn speaker_accuracy(&self) -> Option<f64> {
        Self::ratio(self.right_speaker, self.found)
    }
    pub fn declined_recall(&self) -> Option<f64> {
        Self::ratio(self.declined_found, self.gold_declined)
    }
    pub fn summary(&self) -> String {
        let f = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.3}"));
        format!(
            "quote recall {} ({}/{}), quote precision {} ({}/{}), speaker accuracy {} ({}/{}), declined recall {} ({}/{})",
            f(self.recall()), self.found, self.gold_quotes,
            f(self.precision()), self.found, self.drafted_quotes,
            f(self.speaker_accuracy()), self.right_speaker, self.found,
            f(self.declined_recall()), self.declined_found, self.gold_declined,
        )
    }
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, k: &str) -> Vec<&'a Value> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// Scores a story (as JSON: `storyx show --json`, or a story file read into JSON) against
/// a gold annotation.
pub fn score(gold: &Value, story: &Value) -> Counts {
    let mut ents: HashMap<&str, &Value> = HashMap::new();
    for e in list(story, "parties")
        .into_iter()
        .chain(list(story, "analysts"))
    {
        ents.insert(s(e, "id"), e);
    }
    let mut names: HashMap<&str, Vec<String>> = HashMap::new();
    for (id, e) in &ents {
        let mut n = vec![s(e, "name").to_string()];
        n.extend(
            list(e, "aliases")
                .iter()
                .filter_map(|a| a.as_str())
                .map(str::to_string),
        );
        if let Some(boss) = ents.get(s(e, "speaks_for")) {
            n.push(s(boss, "name").to_string());
            n.extend(
                list(boss, "aliases")
                    .iter()
                    .filter_map(|a| a.as_str())
                    .map(str::to_string),
            );
        }
        names.insert(id, n.into_iter().filter(|x| !x.is_empty()).collect());
    }
    let kind = |q: &Value| {
        q.get("kind")
            .and_then(Value::as_str)
            .unwrap_or("direct")
            .to_string()
    };
    let quotes = list(story, "quotes");
    let drafted: Vec<&Value> = quotes
        .iter()
        .copied()
        .filter(|q| kind(q) == "direct")
        .collect();
    let mut declined: Vec<&Value> = quotes
        .iter()
        .copied()
        .filter(|q| matches!(kind(q).as_str(), "declined" | "no-response"))
        .collect();
    for c in list(story, "claims") {
        declined.extend(
            list(c, "stances")
                .into_iter()
                .filter(|st| s(st, "stance") == "no-comment"),
        );
    }
    let gold_q: Vec<&Value> = list(gold, "quotes")
        .into_iter()
        .filter(|q| kind(q) == "direct")
        .collect();
    let gold_texts: Vec<String> = gold_q.iter().map(|q| norm_text(s(q, "text"))).collect();
    let mut c = Counts {
        gold_quotes: gold_q.len(),
        drafted_quotes: drafted.len(),
        ..Counts::default()
    };
    let none = Vec::new();
    for g in &gold_q {
        let gt = norm_text(s(g, "text"));
        let Some(hit) = drafted.iter().find(|d| norm_text(s(d, "text")) == gt) else {
            c.missed.push(s(g, "text").to_string());
            continue;
        };
        c.found += 1;
        let speaker = g.get("speaker").and_then(Value::as_str);
        let mut want: Vec<&str> = speaker.into_iter().collect();
        if let Some(b) = g.get("on_behalf_of").and_then(Value::as_str) {
            want.push(b);
        }
        let got = names.get(s(hit, "by")).unwrap_or(&none);
        if speaker.is_none() || want.iter().any(|w| got.iter().any(|n| names_match(w, n))) {
            c.right_speaker += 1;
        } else {
            c.wrong.push(format!(
                "{} -> drafted {}, gold {}",
                s(g, "text"),
                s(hit, "by"),
                speaker.unwrap_or("null")
            ));
        }
    }
    c.extra = drafted
        .iter()
        .map(|d| s(d, "text"))
        .filter(|t| !gold_texts.contains(&norm_text(t)))
        .map(str::to_string)
        .collect();
    let gold_dec = list(gold, "declined");
    c.gold_declined = gold_dec.len();
    for g in &gold_dec {
        let found = declined.iter().any(|d| {
            names
                .get(s(d, "by"))
                .unwrap_or(&none)
                .iter()
                .any(|n| names_match(s(g, "who"), n))
        });
        if found {
            c.declined_found += 1;
        } else {
            let drafted: Vec<String> = declined
                .iter()
                .map(|d| format!("{} “{}”", s(d, "by"), s(d, "text")))
                .collect();
            c.declined_missed.push(format!(
                "{}: {} (drafted: {})",
                s(g, "who"),
                s(g, "what"),
                drafted.join("; ")
            ));
        }
    }
    c.declined_extra = declined
        .iter()
        .filter(|d| {
            let by = names.get(s(d, "by")).unwrap_or(&none);
            !gold_dec
                .iter()
                .any(|g| by.iter().any(|n| names_match(s(g, "who"), n)))
        })
        .map(|d| format!("{} “{}”", s(d, "by"), s(d, "text")))
        .collect();
    c
}

/// The errors `storyx check` finds in a draft (`path: message`), read as file `name`.
pub fn load_errors(name: &str, yaml: &str) -> Vec<String> {
    let r = storyx::story::parse::parse_str(std::path::Path::new(name), yaml);
    r.diagnostics
        .iter()
        .filter(|d| d.severity == storyx::story::Severity::Error)
        .map(|d| format!("{}: {}", d.path, d.message))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_names_follow_the_scorer() {
        assert_eq!(norm_text("  “People’s  war,”. "), "\"people's war,\"");
        assert_eq!(norm_text("total war."), "total war");
        assert!(names_match("Liu Pengyu", "embassy spokesperson Liu Pengyu"));
        assert!(names_match("The White House", "white house"));
        assert!(!names_match("Liu", "Liu Pengyu Zhang") || names_match("Liu", "Liu Pengyu Zhang"));
        assert!(!names_match("Chang", "Chan"));
    }
}
