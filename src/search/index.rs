//! The index: every searchable item of a corpus with its texts folded once, their
//! character masks, and what a hit shows; scoring one item against a query.

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::fold::fold_with_origin;
use super::items::{story_items, Kind, Role};
use super::matcher::{self, FieldRef, Pattern, FULL_NAME_BONUS};
use super::Hit;
use crate::corpus::Corpus;
use crate::story::{QuoteKind, Story};

/// One folded searchable text: a byte range of [`Index::folded`].
#[derive(Debug, Clone)]
struct Field {
    start: usize,
    end: usize,
    role: Role,
    mask: u64,
    heads: u64,
    /// For a name or speaker: the hash of its words, to tell a whole-name query at once (else 0).
    name_hash: u64,
}

/// What matching reads of an item (kept small and together).
#[derive(Debug, Clone)]
struct ItemKey {
    kind: Kind,
    first_field: u32,
    field_count: u32,
    mask: u64,
}

/// What a hit shows of an item.
#[derive(Debug, Clone)]
struct ItemShown {
    story: usize,
    index: usize,
    id: Option<String>,
    text: String,
    by: Option<(String, String)>,
    quote_kind: Option<QuoteKind>,
}

/// Every searchable item of a corpus, ready for matching. Built once per load;
/// immutable and shareable between threads.
pub struct Index {
    keys: Vec<ItemKey>,
    shown: Vec<ItemShown>,
    fields: Vec<Field>,
    folded: String,
    /// (id, title) of each story, by corpus index.
    stories: Vec<(String, String)>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("items", &self.keys.len())
            .field("fields", &self.fields.len())
            .field("folded_bytes", &self.folded.len())
            .finish()
    }
}

/// What the last query's per-word results tell about a word of a query extending it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prior {
    /// Nothing: compute.
    Unknown,
    /// The same word: its result is the cached one.
    Same,
    /// This word extends the cached one: if that was found nowhere contiguously, neither is this.
    Extends,
}

/// A per-word result meaning "found only scattered".
pub(crate) const SCATTERED: i32 = i32::MIN;

/// How an item fared in the cheap first pass over a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Partial {
    /// Some word matches nowhere in the item.
    Miss,
    /// Every word matched contiguously: this is the item's score.
    Exact(i32),
    /// Some word matched only scattered; the item's score is at most this.
    Bounded(i32),
}

/// The index of one story alone, built in parallel with the others, then joined.
struct Part {
    keys: Vec<ItemKey>,
    shown: Vec<ItemShown>,
    fields: Vec<Field>,
    folded: String,
    story: (String, String),
}

impl Part {
    fn of_story(si: usize, story: &Story) -> Part {
        let mut part = Part {
            keys: Vec::new(),
            shown: Vec::new(),
            fields: Vec::new(),
            folded: String::new(),
            story: (story.id.clone(), story.title.clone()),
        };
        for item in story_items(si, story) {
            let first_field = part.fields.len() as u32;
            let mut item_mask = 0;
            for &(role, text) in &item.fields {
                let start = part.folded.len();
                part.folded.push_str(&super::fold::fold(text));
                let end = part.folded.len();
                let folded = &part.folded[start..end];
                let (mask, heads) = matcher::masks(folded);
                let name_hash = match role {
                    Role::Name | Role::Speaker => matcher::words_hash(folded.split_whitespace()),
                    Role::Main | Role::Detail => 0,
                };
                item_mask |= mask;
                part.fields.push(Field {
                    start,
                    end,
                    role,
                    mask,
                    heads,
                    name_hash,
                });
            }
            part.keys.push(ItemKey {
                kind: item.kind,
                first_field,
                field_count: item.fields.len() as u32,
                mask: item_mask,
            });
            part.shown.push(ItemShown {
                story: item.story,
                index: item.index,
                id: item.id.map(str::to_string),
                text: item.text.to_string(),
                by: item.by.map(|(id, name)| (id.to_string(), name.to_string())),
                quote_kind: item.quote_kind,
            });
        }
        part
    }
}

impl Index {
    /// Indexes every item of every story of the corpus, in story order (stories in parallel).
    pub fn new(corpus: &Corpus) -> Index {
        let parts: Vec<Part> = corpus
            .stories
            .par_iter()
            .enumerate()
            .map(|(si, story)| Part::of_story(si, story))
            .collect();
        let mut index = Index {
            keys: Vec::new(),
            shown: Vec::new(),
            fields: Vec::new(),
            folded: String::new(),
            stories: Vec::new(),
            matcher: matcher::skim(),
        };
        index.keys.reserve(parts.iter().map(|p| p.keys.len()).sum());
        index
            .shown
            .reserve(parts.iter().map(|p| p.shown.len()).sum());
        index
            .fields
            .reserve(parts.iter().map(|p| p.fields.len()).sum());
        index
            .folded
            .reserve(parts.iter().map(|p| p.folded.len()).sum());
        index.stories.reserve(parts.len());
        for part in parts {
            let text_base = index.folded.len();
            let field_base = index.fields.len() as u32;
            index.folded.push_str(&part.folded);
            index.fields.extend(part.fields.into_iter().map(|f| Field {
                start: f.start + text_base,
                end: f.end + text_base,
                ..f
            }));
            index.keys.extend(part.keys.into_iter().map(|k| ItemKey {
                first_field: k.first_field + field_base,
                ..k
            }));
            index.shown.extend(part.shown);
            index.stories.push(part.story);
        }
        index
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn kind(&self, item: u32) -> Kind {
        self.keys[item as usize].kind
    }

    fn fields(&self, item: u32) -> impl Iterator<Item = FieldRef<'_>> + Clone {
        let key = &self.keys[item as usize];
        let first = key.first_field as usize;
        self.fields[first..first + key.field_count as usize]
            .iter()
            .map(|f| FieldRef {
                text: &self.folded[f.start..f.end],
                role: f.role,
                mask: f.mask,
                heads: f.heads,
            })
    }

    fn full_name_bonus(&self, item: u32, pattern: &Pattern) -> i32 {
        let key = &self.keys[item as usize];
        let first = key.first_field as usize;
        let named = self.fields[first..first + key.field_count as usize]
            .iter()
            .any(|f| {
                f.name_hash == pattern.words_hash
                    && pattern.is_whole_name(&self.folded[f.start..f.end])
            });
        if named {
            FULL_NAME_BONUS
        } else {
            0
        }
    }

    /// The cheap pass: contiguous matches scored exactly, scattered ones only bounded.
    ///
    /// `priors` says, per word, what `cached` (this item's per-word results for the
    /// last query, which this one extends) already tells; each word's result (its best
    /// contiguous score, or [`SCATTERED`]) is pushed onto `out` unless the item misses.
    pub(crate) fn partial(
        &self,
        item: u32,
        pattern: &Pattern,
        priors: &[Prior],
        cached: &[i32],
        out: &mut Vec<i32>,
    ) -> Partial {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return Partial::Miss;
        }
        let fields = self.fields(item);
        let start = out.len();
        let mut sum: i32 = 0;
        let mut scattered = false;
        for (j, word) in pattern.words.iter().enumerate() {
            let prior = priors.get(j).copied().unwrap_or(Prior::Unknown);
            let known = cached.get(j).copied();
            let contiguous = match (prior, known) {
                (Prior::Same, Some(s)) => (s != SCATTERED).then_some(s),
                (Prior::Extends, Some(SCATTERED)) => None,
                _ => fields
                    .clone()
                    .filter_map(|f| matcher::contiguous(&f, word))
                    .max(),
            };
            match contiguous {
                Some(score) => {
                    sum = sum.saturating_add(score);
                    out.push(score);
                }
                None => {
                    let known_match = prior == Prior::Same && known.is_some();
                    if !known_match && !fields.clone().any(|f| matcher::matches(&f, word)) {
                        out.truncate(start);
                        return Partial::Miss;
                    }
                    scattered = true;
                    sum = sum.saturating_add(word.fuzzy_bound());
                    out.push(SCATTERED);
                }
            }
        }
        sum = sum.saturating_add(self.full_name_bonus(item, pattern));
        if scattered {
            Partial::Bounded(sum)
        } else {
            Partial::Exact(sum)
        }
    }

    /// The item's full score (skim for words found only scattered), `None` when some word misses.
    pub(crate) fn score(&self, item: u32, pattern: &Pattern) -> Option<i32> {
        self.score_known(item, pattern, None)
    }

    /// [`Index::score`], reusing the first pass's per-word results when given (then
    /// only the words found scattered are matched again, by skim).
    pub(crate) fn score_known(
        &self,
        item: u32,
        pattern: &Pattern,
        known: Option<&[i32]>,
    ) -> Option<i32> {
        if pattern.mask & !self.keys[item as usize].mask != 0 {
            return None;
        }
        let fields: Vec<FieldRef<'_>> = self.fields(item).collect();
        let mut sum: i32 = 0;
        for (j, word) in pattern.words.iter().enumerate() {
            let score = match known.and_then(|k| k.get(j)) {
                Some(&SCATTERED) => fields
                    .iter()
                    .filter_map(|f| matcher::fuzzy(&self.matcher, f, word))
                    .max()?,
                Some(&contiguous) => contiguous,
                None => matcher::word_score(&self.matcher, &fields, word)?,
            };
            sum = sum.saturating_add(score);
        }
        Some(sum.saturating_add(self.full_name_bonus(item, pattern)))
    }

    /// Highlight positions of the query's words in an original text (character indices).
    fn highlight(&self, text: &str, role: Role, pattern: &Pattern) -> Vec<usize> {
        let folded = fold_with_origin(text);
        let hits = pattern
            .words
            .iter()
            .filter_map(|w| matcher::positions(&self.matcher, &folded.text, role, w))
            .flatten();
        folded.original_positions(hits)
    }

    /// The hit for an item, with its highlights.
    pub(crate) fn hit(&self, item: u32, score: i32, pattern: &Pattern) -> Hit {
        let key = &self.keys[item as usize];
        let shown = &self.shown[item as usize];
        let (story_id, story_title) = &self.stories[shown.story];
        let (by, by_name) = match &shown.by {
            Some((id, name)) => (Some(id.clone()), Some(name.clone())),
            None => (None, None),
        };
        let by_name_positions = by_name
            .as_deref()
            .map(|n| self.highlight(n, Role::Speaker, pattern))
            .unwrap_or_default();
        Hit {
            kind: key.kind,
            story: shown.story,
            story_id: story_id.clone(),
            story_title: story_title.clone(),
            id: shown.id.clone(),
            index: shown.index,
            positions: self.highlight(
                &shown.text,
                self.fields[key.first_field as usize].role,
                pattern,
            ),
            text: shown.text.clone(),
            score,
            by,
            by_name,
            by_name_positions,
            quote_kind: shown.quote_kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_reads_its_own_texts_after_stories_are_joined() {
        let corpus = crate::synth::corpus(12);
        let index = Index::new(&corpus);
        let mut expected = Vec::new();
        for (si, story) in corpus.stories.iter().enumerate() {
            expected.extend(story_items(si, story));
        }
        assert_eq!(index.len(), expected.len());
        for (i, item) in expected.iter().enumerate() {
            let folded: Vec<&str> = index.fields(i as u32).map(|f| f.text).collect();
            let want: Vec<String> = item
                .fields
                .iter()
                .map(|(_, t)| super::super::fold::fold(t))
                .collect();
            assert_eq!(folded, want, "item {i}");
            let shown = &index.shown[i];
            assert_eq!(
                (shown.story, shown.index, shown.text.as_str()),
                (item.story, item.index, item.text)
            );
            assert_eq!(index.stories[shown.story].0, corpus.stories[item.story].id);
        }
    }

    #[test]
    fn masks_of_ascii_and_other_text_agree_with_the_definition() {
        for text in ["richard fisher", "a-b c", "", "李伟 (li wei)", "zoë x1"] {
            let mut all = 0;
            let mut heads = 0;
            let mut prev = false;
            for c in text.chars() {
                all |= matcher::char_bit(c);
                if !prev {
                    heads |= matcher::char_bit(c);
                }
                prev = c.is_alphanumeric();
            }
            assert_eq!(matcher::masks(text), (all, heads), "{text}");
        }
    }
}
