//! [`Str`]: a story's text, 16 bytes, that shares one buffer with the other texts
//! of its story once the story is packed ([`Packer`]).
//!
//! A loaded corpus holds millions of texts (ids, names, dates, references, quotes),
//! and the explorer keeps all of them for as long as it runs (issue 19: 100,000
//! stories). Each text on its own would cost a slot and, when long, a block of its
//! own; packed, a story's texts are spans of one shared, immutable buffer in which
//! a text written twice (an id and the references to it) is stored once. A `Str`
//! reads as a `&str` everywhere and serializes as a plain string, so the cache's
//! bytes and every reader are the same whether a story is packed or not.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;
use std::ops::{Deref, Range};

use arcstr::{ArcStr, Substr};

/// A story's text: a span of a shared buffer (its own, or its story's once
/// packed). The empty text holds no buffer.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(Substr);

const _: () = assert!(std::mem::size_of::<Option<Str>>() == 16);

impl Str {
    /// The empty text.
    pub const fn new() -> Str {
        Str(Substr::new())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same text in a buffer of its own, for a copy kept after its story is
    /// let go (a map of ids): a span would keep the story's whole buffer alive.
    pub fn detached(&self) -> Str {
        Str::from(self.as_str())
    }

    /// The bytes of the buffer this text is a span of (a measuring aid).
    pub fn buffer_len(&self) -> usize {
        self.0.parent().len()
    }

    /// Whether both texts are spans of one buffer (see [`Packer`]).
    pub fn shares_buffer_with(&self, other: &Str) -> bool {
        ArcStr::ptr_eq(self.0.parent(), other.0.parent())
    }

    /// The buffer this text is a span of, shared (its story's once packed): for
    /// a reader that keeps spans of it, such as the search index.
    pub fn buffer(&self) -> Buffer {
        Buffer(self.0.parent().clone())
    }
}

/// A buffer of texts ([`Str::buffer`]), shared: kept alive as long as it is held.
#[derive(Clone, Default)]
pub struct Buffer(ArcStr);

impl Buffer {
    /// The whole buffer.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are the same buffer.
    pub fn same(&self, other: &Buffer) -> bool {
        ArcStr::ptr_eq(&self.0, &other.0)
    }

    /// Where `text` starts in the buffer (a byte offset), when it is a span of it.
    pub fn offset_of(&self, text: &str) -> Option<usize> {
        let base = self.0.as_ptr() as usize;
        let at = (text.as_ptr() as usize).checked_sub(base)?;
        (at + text.len() <= self.0.len()).then_some(at)
    }
}

impl Deref for Str {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self
    }
}

impl AsRef<[u8]> for Str {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<std::path::Path> for Str {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(self.as_str())
    }
}

impl AsRef<std::ffi::OsStr> for Str {
    fn as_ref(&self) -> &std::ffi::OsStr {
        std::ffi::OsStr::new(self.as_str())
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl std::str::FromStr for Str {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Str, Self::Err> {
        Ok(Str::from(s))
    }
}

macro_rules! from_text {
    ($($t:ty),+) => {$(
        impl From<$t> for Str {
            fn from(s: $t) -> Str {
                Str(Substr::from(s))
            }
        }
    )+};
}
from_text![&str, &mut str, String, &String, Box<str>, Cow<'_, str>];

impl From<char> for Str {
    fn from(c: char) -> Str {
        Str::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl From<Str> for String {
    fn from(s: Str) -> String {
        s.as_str().to_owned()
    }
}

impl From<&Str> for String {
    fn from(s: &Str) -> String {
        s.as_str().to_owned()
    }
}

impl<'a> From<&'a Str> for Cow<'a, str> {
    fn from(s: &'a Str) -> Cow<'a, str> {
        Cow::Borrowed(s)
    }
}

impl FromIterator<char> for Str {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Str {
        Str::from(iter.into_iter().collect::<String>())
    }
}

impl<'a> FromIterator<&'a str> for Str {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Str {
        Str::from(iter.into_iter().collect::<String>())
    }
}

macro_rules! eq_text {
    ($($t:ty),+) => {$(
        impl PartialEq<$t> for Str {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<Str> for $t {
            fn eq(&self, other: &Str) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )+};
}
eq_text![str, &str, String, &String, Cow<'_, str>];

impl PartialEq<&Str> for Str {
    fn eq(&self, other: &&Str) -> bool {
        self == *other
    }
}

impl serde::Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match SPANS.with_borrow_mut(|spans| match spans {
            Some(Spans::Write(packer)) => Some(packer.number_of(self)),
            _ => None,
        }) {
            None => s.serialize_str(self),
            Some(Some(number)) => s.serialize_u32(number),
            Some(None) => Err(serde::ser::Error::custom("a text past 4 GiB")),
        }
    }
}

/// How texts are (de)serialized on this thread: as themselves (`None`: every
/// format, everywhere), or by number, as one of the distinct texts of one blob
/// ([`write_spans`], [`read_spans`]: the cache's entries).
enum Spans {
    /// Texts are gathered into the packer's text, each written as its number.
    Write(Packer),
    /// Texts are read as spans of this buffer: text `n` (from 1; 0 is the
    /// empty text) is at the `n`th of these places.
    Read(ArcStr, Vec<Range<u32>>),
}

thread_local! {
    static SPANS: std::cell::RefCell<Option<Spans>> = const { std::cell::RefCell::new(None) };
}

/// Puts back the way texts are (de)serialized on this thread when dropped (even
/// on a panic).
struct SpansGuard(Option<Spans>);

impl SpansGuard {
    fn set(spans: Spans) -> SpansGuard {
        SpansGuard(SPANS.with_borrow_mut(|s| s.replace(spans)))
    }
    fn take(mut self) -> Option<Spans> {
        let before = self.0.take();
        SPANS.with_borrow_mut(|s| std::mem::replace(s, before))
    }
}

impl Drop for SpansGuard {
    fn drop(&mut self) {
        let before = self.0.take();
        SPANS.with_borrow_mut(|s| *s = before);
    }
}

/// Runs `serialize` with every [`Str`] it serializes written as its number among
/// the distinct texts of one blob instead of as itself (from 1 in the order they
/// are met; 0 for the empty text): the blob holds each distinct text once, one
/// after the other, as a packed story's buffer does ([`Packer`]). Gives back the
/// blob, the length of each of its texts in order (none is empty), and what
/// `serialize` returned; [`read_spans`] reads it back.
pub fn write_spans<R>(serialize: impl FnOnce() -> R) -> (String, Vec<u32>, R) {
    let guard = SpansGuard::set(Spans::Write(Packer::default()));
    let out = serialize();
    let (blob, lengths) = match guard.take() {
        Some(Spans::Write(packer)) => {
            let mut at = 0;
            let lengths = packer
                .ends
                .iter()
                .map(|&end| {
                    let len = end - at;
                    at = end;
                    len
                })
                .collect();
            (packer.text, lengths)
        }
        _ => (String::new(), Vec::new()),
    };
    (blob, lengths, out)
}

/// The places of the texts of `blob` that are `lengths` long, one after the
/// other (as [`write_spans`] gave them); `None` when the lengths do not cut the
/// blob into texts that are not empty (the blob and the lengths are untrusted:
/// the cache's).
pub fn texts_of(blob: &str, lengths: &[u32]) -> Option<Vec<Range<u32>>> {
    let mut places = Vec::with_capacity(lengths.len());
    let mut at = 0u32;
    for &len in lengths {
        let end = at.checked_add(len)?;
        blob.get(at as usize..end as usize)
            .filter(|t| !t.is_empty())?;
        places.push(at..end);
        at = end;
    }
    (at as usize == blob.len()).then_some(places)
}

/// A text longer than this is gathered without being looked for among the texts
/// gathered before ([`gather`]).
pub const SHARED_TEXT: usize = 64;

/// Gathers the texts of `blob`, of these `lengths` (as [`write_spans`] gave
/// them), into `packer` with the texts of other blobs (a text already there is
/// not stored again), and gives their places in what is gathered: once the
/// packer's buffer is made ([`Packer::finish`]), [`read_spans`] of it and of
/// these places reads the blob's story with its texts in the shared buffer.
/// `None` as [`texts_of`]. The texts of one blob are distinct already; a text
/// longer than [`SHARED_TEXT`] bytes (a quote, a note, a summary) is stored
/// without being looked for among the other blobs' texts: on generated stories
/// those are a fifth of the texts and three fifths of their bytes, and 0.3% of
/// their bytes are in an earlier story of the same 64, where a short text (an
/// id, a name, an outlet, a date) is there two times in five; hashing and
/// keeping the long ones cost a tenth of a cache hit's time (issue 19).
pub fn gather(packer: &mut Packer, blob: &str, lengths: &[u32]) -> Option<Vec<Range<u32>>> {
    // The lengths add up to the blob's before any text is gathered; each text is
    // then cut from the blob and gathered in one pass (an entry refused half way,
    // its lengths cutting a character, leaves texts of its own in the packer, as
    // one refused after it is gathered does).
    if lengths.iter().map(|&l| u64::from(l)).sum::<u64>() != blob.len() as u64 {
        return None;
    }
    let mut places = Vec::with_capacity(lengths.len());
    let mut at = 0usize;
    for &len in lengths {
        let end = at + len as usize;
        let text = blob.get(at..end).filter(|t| !t.is_empty())?;
        places.push(if text.len() > SHARED_TEXT {
            packer.append(text)?
        } else {
            packer.place(text)?
        });
        at = end;
    }
    Some(places)
}

/// Runs `deserialize` with every [`Str`] it deserializes read by its number
/// (as [`write_spans`] wrote it) as a span of `buffer`, at the place of that
/// number among `places` ([`texts_of`] the blob, or where [`gather`] put its
/// texts): no allocation of its own, as a packed story's texts. A number with
/// no place, or a place outside the buffer or not on a character's bounds, is
/// an error of the deserializer, never a panic (the cache's entries are
/// untrusted).
pub fn read_spans<R>(
    buffer: ArcStr,
    places: Vec<Range<u32>>,
    deserialize: impl FnOnce() -> R,
) -> R {
    let _guard = SpansGuard::set(Spans::Read(buffer, places));
    deserialize()
}

impl<'de> serde::Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Str;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Str, E> {
                Ok(Str::from(s))
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Str, E> {
                Ok(Str::from(s))
            }
        }
        SPANS.with_borrow(|spans| {
            let Some(Spans::Read(buffer, places)) = spans else {
                return d.deserialize_str(Visitor);
            };
            let number: u32 = serde::Deserialize::deserialize(d)?;
            let Some(at) = number.checked_sub(1) else {
                return Ok(Str::new());
            };
            let range = places
                .get(at as usize)
                .map(|p| p.start as usize..p.end as usize);
            match range.filter(|r| buffer.get(r.clone()).is_some()) {
                Some(range) => Ok(Str(buffer.substr(range))),
                None => Err(serde::de::Error::custom("a text outside its blob")),
            }
        })
    }
}

impl schemars::JsonSchema for Str {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
    fn inline_schema() -> bool {
        true
    }
}

/// Packs the texts of one story into one buffer: [`Packer::visit`] every text
/// once to gather it, then [`Packer::finish`] makes the buffer, and a second
/// visit in the same order with [`Packer::repoint`] makes each text a span of
/// it. A text written more than once (an id and each reference to it) is stored
/// once.
#[derive(Default)]
pub struct Packer {
    text: String,
    /// Each text's place in `text`, in visiting order.
    spans: Vec<Range<u32>>,
    /// Where the first text of each hash is (a second text of the same hash is
    /// stored again).
    seen: HashMap<u64, Range<u32>, foldhash::fast::FixedState>,
    buffer: Option<ArcStr>,
    next: usize,
    /// Where each text stored in `text` ends, in order.
    ends: Vec<u32>,
    /// Room for a user's bytes, kept with the rest ([`Packer::scratch`]).
    scratch: Vec<u8>,
}

impl Packer {
    /// Gathers a text (the first visit).
    pub fn visit(&mut self, s: &Str) {
        let span = self.place(s).unwrap_or(0..0);
        self.spans.push(span);
    }

    /// Gathers a text and gives its place in the gathered text (where it was
    /// already, when it was); `None` for a text past 4 GiB, which is left out.
    // Inlined into `gather`, which calls it for every text of a cache hit: called,
    // its answer went through memory in halves and was read back whole, a
    // stall per text (issue 19).
    #[inline(always)]
    pub fn place(&mut self, s: &str) -> Option<Range<u32>> {
        let hash = self.seen.hasher().hash_one(s);
        if let Some(span) = self.seen.get(&hash) {
            if self.text.get(span.start as usize..span.end as usize) == Some(s) {
                return Some(span.clone());
            }
        }
        let span = self.append(s)?;
        self.seen.entry(hash).or_insert(span.clone());
        Some(span)
    }

    /// Gathers a text at the end, without looking for it among the texts
    /// gathered ([`gather`] does, for a long text); `None` for a text past 4 GiB.
    #[inline(always)]
    fn append(&mut self, s: &str) -> Option<Range<u32>> {
        let start = self.text.len();
        self.text.push_str(s);
        // A story is far smaller than 4 GiB (the loader caps files); a text past
        // that is left as it is.
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(self.text.len())) else {
            self.text.truncate(start);
            return None;
        };
        if end > start {
            self.ends.push(end);
        }
        Some(start..end)
    }

    /// Bytes kept from use to use along with the packer's own room, for its
    /// user (the cache reads a group's entries there); let go when large.
    pub fn scratch(&mut self) -> &mut Vec<u8> {
        &mut self.scratch
    }

    /// The buffer made by [`Packer::finish`] (until the next reset).
    pub fn buffer(&self) -> Option<&ArcStr> {
        self.buffer.as_ref()
    }

    /// Gathers a text (as [`Packer::visit`]) and gives its place in the gathered
    /// text; `None` for a text past 4 GiB.
    fn span_of(&mut self, s: &Str) -> Option<Range<u32>> {
        self.place(s).filter(|span| span.len() == s.len())
    }

    /// Gathers a text (as [`Packer::place`]) and gives its number among the
    /// texts gathered (from 1, in the order they were first gathered; 0 for the
    /// empty text); `None` for a text past 4 GiB.
    fn number_of(&mut self, s: &Str) -> Option<u32> {
        if s.is_empty() {
            return Some(0);
        }
        let span = self.span_of(s)?;
        let at = self.ends.binary_search(&span.end).ok()?;
        u32::try_from(at + 1).ok()
    }

    /// Makes the buffer of every text gathered (the texts themselves are let go
    /// as each is repointed).
    pub fn finish(&mut self) {
        self.seen.clear();
        self.buffer = Some(ArcStr::from(self.text.as_str()));
        self.text.clear();
    }

    /// Empties it for another use, keeping its room (the gathered text, the
    /// spans, the map of hashes), so that packing many stories a group at a time
    /// does not ask the system for fresh pages each time; the room of a very
    /// large group is let go.
    pub fn reset(&mut self) {
        /// Room kept between uses, in bytes of gathered text.
        const KEPT: usize = 4 << 20;
        if self.text.capacity() > KEPT {
            *self = Packer::default();
        }
        if self.scratch.capacity() > 4 * KEPT {
            self.scratch = Vec::new();
        }
        self.text.clear();
        self.spans.clear();
        self.seen.clear();
        self.ends.clear();
        self.buffer = None;
        self.next = 0;
    }

    /// Makes the next text (in the order of the first visit) a span of the buffer:
    /// the same text, read from there.
    pub fn repoint(&mut self, s: &mut Str) {
        let (Some(buffer), Some(span)) = (&self.buffer, self.spans.get(self.next)) else {
            return;
        };
        self.next += 1;
        let range = span.start as usize..span.end as usize;
        if !s.is_empty() && buffer.get(range.clone()) == Some(s.as_str()) {
            *s = Str(buffer.substr(range));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_serializes_as_a_plain_string() {
        let s = Str::from("Łukasz Çelik");
        assert_eq!(s, "Łukasz Çelik");
        assert_eq!("Łukasz Çelik", s);
        assert_eq!(s.len(), "Łukasz Çelik".len());
        assert_eq!(format!("{s} {s:?}"), "Łukasz Çelik \"Łukasz Çelik\"");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"Łukasz Çelik\"");
        let back: Str = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        let bytes = postcard::to_allocvec(&s).unwrap();
        assert_eq!(bytes, postcard::to_allocvec("Łukasz Çelik").unwrap());
        let mut m = HashMap::new();
        m.insert(s.clone(), 1);
        assert_eq!(m.get("Łukasz Çelik"), Some(&1));
        assert!(Str::new().is_empty());
        assert_eq!(Str::default(), "");
    }

    /// Texts written by number among a blob's distinct texts read back the same,
    /// from the blob or from where they were gathered with another blob's; a
    /// number with no text is an error, never a panic.
    #[test]
    fn texts_written_by_number_read_back_from_the_blob_or_gathered() {
        let texts: Vec<Str> = ["a-id", "", "Łukasz", "a-id", "quote"]
            .into_iter()
            .map(Str::from)
            .collect();
        let (blob, lengths, bytes) = write_spans(|| postcard::to_allocvec(&texts).unwrap());
        assert_eq!(blob, "a-idŁukaszquote");
        assert_eq!(lengths, [4, 7, 5]);
        let read = |buffer: ArcStr, places| {
            read_spans(buffer, places, || postcard::from_bytes::<Vec<Str>>(&bytes))
        };
        let places = texts_of(&blob, &lengths).unwrap();
        assert_eq!(read(ArcStr::from(blob.as_str()), places).unwrap(), texts);
        let mut packer = Packer::default();
        packer.place("quote");
        let places = gather(&mut packer, &blob, &lengths).unwrap();
        packer.finish();
        let back = read(packer.buffer().unwrap().clone(), places).unwrap();
        assert_eq!(back, texts);
        assert_eq!(back[0].buffer_len(), "quotea-idŁukasz".len());
        assert_eq!(back[0].as_ptr(), back[3].as_ptr());
        let two = texts_of("a-idŁukasz", &[4, 7]).unwrap();
        assert!(read(ArcStr::from("a-idŁukasz"), two).is_err());
        for lengths in [&[4, 7][..], &[4, 7, 5, 1], &[5, 6, 5], &[4, 0, 7, 5]] {
            assert!(texts_of(&blob, lengths).is_none(), "{lengths:?}");
        }
    }

    /// Gathered with another blob's texts, a text of [`SHARED_TEXT`] bytes
    /// or fewer that both hold is stored once, a longer one twice; every text
    /// reads back the same from both.
    #[test]
    fn gathered_short_texts_are_stored_once_and_long_ones_as_they_come() {
        let short = "s".repeat(SHARED_TEXT);
        let long = "l".repeat(SHARED_TEXT + 1);
        let blobs: Vec<Vec<Str>> = vec![
            vec![
                Str::from(short.as_str()),
                Str::from(long.as_str()),
                Str::from("a"),
            ],
            vec![
                Str::from("b"),
                Str::from(long.as_str()),
                Str::from(short.as_str()),
            ],
        ];
        let mut packer = Packer::default();
        let written: Vec<_> = blobs
            .iter()
            .map(|texts| {
                let (blob, lengths, bytes) = write_spans(|| postcard::to_allocvec(texts).unwrap());
                (gather(&mut packer, &blob, &lengths).unwrap(), bytes)
            })
            .collect();
        packer.finish();
        let buffer = packer.buffer().unwrap().clone();
        assert_eq!(buffer.len(), short.len() + 2 * long.len() + 2);
        for ((places, bytes), texts) in written.into_iter().zip(&blobs) {
            let back = read_spans(buffer.clone(), places, || {
                postcard::from_bytes::<Vec<Str>>(&bytes).unwrap()
            });
            assert_eq!(&back, texts);
        }
    }

    #[test]
    fn packed_texts_share_one_buffer_and_read_the_same() {
        let mut texts: Vec<Str> = ["a-id", "A long quote, with words.", "", "a-id", "ü"]
            .into_iter()
            .map(Str::from)
            .collect();
        let before = texts.clone();
        let mut p = Packer::default();
        texts.iter().for_each(|t| p.visit(t));
        p.finish();
        texts.iter_mut().for_each(|t| p.repoint(t));
        assert_eq!(texts, before);
        assert_eq!(
            texts[0].0.parent().as_str(),
            "a-idA long quote, with words.ü"
        );
        for t in texts.iter().filter(|t| !t.is_empty()) {
            assert!(t.shares_buffer_with(&texts[0]), "{t:?}");
        }
        assert!(!before[0].shares_buffer_with(&before[1]));
        let own = texts[1].detached();
        assert_eq!(own, texts[1]);
        assert!(!own.shares_buffer_with(&texts[1]));
        assert_eq!(own.buffer_len(), own.len());
    }
}
