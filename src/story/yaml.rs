//! The one module that names `serde_yaml`: a lenient typed parse of a story file.
//!
//! Every field is read into a shape that never fails on a wrong type (a list where
//! text belongs, a number where a list belongs, an unknown key): the wrong shape is
//! recorded and the parse goes on, so `validate` can report every problem of a file
//! at once. Only YAML syntax errors (and serde_yaml's own limits) stop the parse.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    Deserialize, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::diagnostic::Location;
use super::text::Str;

/// What a value turned out to be, when it is not the shape a field wants.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// Text, read straight into the story's text type: it moves into the story
    /// without another copy.
    Str(Str),
    /// An integer, as its decimal text.
    Int(String),
    Float(f64),
    Bool(bool),
    Null,
    /// A mapping where a scalar or list was wanted.
    Map,
    /// A list where a scalar or mapping was wanted.
    List,
    /// A value with a custom tag (`!foo`, `!!binary`).
    Tagged(String),
}

impl Scalar {
    /// How to name this value in a message: "the number 12", "a list".
    pub fn describe(&self) -> String {
        match self {
            Scalar::Str(s) => format!("the text {s:?}"),
            Scalar::Int(i) => format!("the number {i}"),
            Scalar::Float(x) => format!("the number {x}"),
            Scalar::Bool(b) => format!("`{b}`"),
            Scalar::Null => "nothing (null)".into(),
            Scalar::Map => "a mapping".into(),
            Scalar::List => "a list".into(),
            Scalar::Tagged(t) => format!("a value tagged `{t}`"),
        }
    }

    /// What kind of value this is, quoting none of it: "a text", "a list".
    pub fn kind(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "a text",
            Scalar::Int(_) | Scalar::Float(_) => "a number",
            Scalar::Bool(_) => "a true/false value",
            Scalar::Null => "nothing (null)",
            Scalar::Map => "a mapping",
            Scalar::List => "a list",
            Scalar::Tagged(_) => "a tagged value",
        }
    }
}

/// A value that should be a list of `T` (or was something else).
#[derive(Debug, Clone, PartialEq)]
pub enum List<T> {
    Items(Vec<T>),
    Other(Scalar),
}

impl<T> List<T> {
    /// How many items the list holds (none when it is something else).
    pub fn item_count(&self) -> usize {
        match self {
            List::Items(items) => items.len(),
            List::Other(_) => 0,
        }
    }
}

/// A value that should be a mapping read into `T` (or was something else).
#[derive(Debug, Clone, PartialEq)]
pub enum Node<T> {
    Map(T),
    Other(Scalar),
}

/// Keys of a mapping that were not fields: unknown ones, `x-` extensions, repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra {
    pub unknown: Vec<String>,
    pub extensions: Vec<String>,
    pub duplicates: Vec<String>,
}

/// How a shape is built from whichever value the YAML holds.
trait Shape: Sized {
    const EXPECTING: &'static str;
    fn from_scalar(found: Scalar) -> Self;
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Self::from_scalar(Scalar::Map))
    }
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Self::from_scalar(Scalar::List))
    }
}

struct ShapeVisitor<T>(PhantomData<T>);

impl<'de, T: Shape> Visitor<'de> for ShapeVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_bool<E>(self, v: bool) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Int(v.to_string())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Int(v.to_string())))
    }
    fn visit_i128<E>(self, v: i128) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Int(v.to_string())))
    }
    fn visit_u128<E>(self, v: u128) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Int(v.to_string())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Str(Str::from(v))))
    }
    fn visit_string<E>(self, v: String) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Str(Str::from(v))))
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Tagged("!!binary".into())))
    }
    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Null))
    }
    fn visit_none<E>(self) -> Result<T, E> {
        Ok(T::from_scalar(Scalar::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::from_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<T, A::Error> {
        let (tag, variant) = data.variant::<String>()?;
        variant.newtype_variant::<IgnoredAny>()?;
        Ok(T::from_scalar(Scalar::Tagged(format!("!{tag}"))))
    }
}

macro_rules! deserialize_via_shape {
    ($ty:ty $(, $gen:ident)?) => {
        impl<'de $(, $gen: Deserialize<'de>)?> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(ShapeVisitor::<Self>(PhantomData))
            }
        }
    };
}

impl Shape for Scalar {
    const EXPECTING: &'static str = "any value";
    fn from_scalar(found: Scalar) -> Self {
        found
    }
}
deserialize_via_shape!(Scalar);

impl<T: for<'a> Deserialize<'a>> Shape for List<T> {
    const EXPECTING: &'static str = "a list";
    fn from_scalar(found: Scalar) -> Self {
        List::Other(found)
    }
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Self, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element::<T>()? {
            items.push(item);
        }
        Ok(List::Items(items))
    }
}
impl<'de, T: for<'a> Deserialize<'a>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeVisitor::<Self>(PhantomData))
    }
}

/// The fields of one mapping of the format.
trait Fields: Default {
    /// The keys of this mapping, as the format names them.
    const KEYS: &'static [&'static str];
    /// Reads the value of `key`, one of [`Fields::KEYS`].
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: &'static str,
        map: &mut A,
    ) -> Result<(), A::Error>;
    fn extra(&mut self) -> &mut Extra;
}

/// A mapping key: one of the format's keys (no allocation), or anything else.
enum Key {
    Known(&'static str),
    Other(String),
}

/// Reads a key, matching it against `keys` without allocating.
struct KeySeed(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        // The length and the first byte tell most keys apart without a comparison
        // of the whole (a call per key otherwise: this runs for every key of a file).
        let (len, first) = (v.len(), v.as_bytes().first());
        let same = |k: &&&str| k.len() == len && k.as_bytes().first() == first && **k == v;
        Ok(match self.0.iter().find(same) {
            Some(k) => Key::Known(k),
            None => Key::Other(v.to_string()),
        })
    }
    fn visit_bool<E>(self, v: bool) -> Result<Key, E> {
        Ok(Key::Other(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
        Ok(Key::Other(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
        Ok(Key::Other(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Key, E> {
        Ok(Key::Other(v.to_string()))
    }
    fn visit_unit<E>(self) -> Result<Key, E> {
        Ok(Key::Other("null".into()))
    }
    fn visit_none<E>(self) -> Result<Key, E> {
        Ok(Key::Other("null".into()))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Key, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Key::Other(Scalar::List.describe()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Key::Other(Scalar::Map.describe()))
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Key, A::Error> {
        let (tag, variant) = data.variant::<String>()?;
        variant.newtype_variant::<IgnoredAny>()?;
        Ok(Key::Other(format!("a value tagged `!{tag}`")))
    }
}

impl<T: Fields> Shape for Node<T> {
    const EXPECTING: &'static str = "a mapping";
    fn from_scalar(found: Scalar) -> Self {
        Node::Other(found)
    }
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut fields = T::default();
        while let Some(key) = map.next_key_seed(KeySeed(T::KEYS))? {
            match key {
                Key::Known(k) => fields.read(k, &mut map)?,
                Key::Other(k) => {
                    map.next_value::<IgnoredAny>()?;
                    if k.starts_with("x-") {
                        fields.extra().extensions.push(k);
                    } else {
                        fields.extra().unknown.push(k);
                    }
                }
            }
        }
        Ok(Node::Map(fields))
    }
}
impl<'de, T: Fields> Deserialize<'de> for Node<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeVisitor::<Self>(PhantomData))
    }
}

/// Declares a raw mapping type: every field optional and lenient, plus [`Extra`].
macro_rules! raw_fields {
    ($name:ident { $($field:ident : $key:literal => $ty:ty),+ $(,)? }) => {
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(pub $field: Option<$ty>,)+
            pub extra: Extra,
        }
        impl $name {
            /// The keys of this mapping, as the format names them.
            pub const KEYS: &'static [&'static str] = &[$($key),+];
        }
        impl Fields for $name {
            const KEYS: &'static [&'static str] = &[$($key),+];
            fn read<'de, A: MapAccess<'de>>(&mut self, key: &'static str, map: &mut A) -> Result<(), A::Error> {
                match key {
                    $($key => {
                        let value = map.next_value::<$ty>()?;
                        if self.$field.is_some() {
                            self.extra.duplicates.push(key.to_string());
                        }
                        self.$field = Some(value);
                    })+
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(())
            }
            fn extra(&mut self) -> &mut Extra {
                &mut self.extra
            }
        }
    };
}

raw_fields!(RawStory {
    format: "format" => Scalar,
    id: "id" => Scalar,
    title: "title" => Scalar,
    date: "date" => Scalar,
    question: "question" => Scalar,
    summary: "summary" => Scalar,
    tags: "tags" => List<Scalar>,
    sources: "sources" => List<Node<RawSource>>,
    parties: "parties" => List<Node<RawParty>>,
    analysts: "analysts" => List<Node<RawAnalyst>>,
    quotes: "quotes" => List<Node<RawQuote>>,
    claims: "claims" => List<Node<RawClaim>>,
    timeline: "timeline" => List<Node<RawEvent>>,
});

raw_fields!(RawSource {
    id: "id" => Scalar,
    name: "name" => Scalar,
    outlet: "outlet" => Scalar,
    date: "date" => Scalar,
    url: "url" => Scalar,
    note: "note" => Scalar,
    kind: "kind" => Scalar,
    by: "by" => Scalar,
    cites: "cites" => List<Scalar>,
});

raw_fields!(RawParty {
    id: "id" => Scalar,
    name: "name" => Scalar,
    kind: "kind" => Scalar,
    aliases: "aliases" => List<Scalar>,
    description: "description" => Scalar,
    position: "position" => Scalar,
    role: "role" => Scalar,
    speaks_for: "speaks_for" => Scalar,
});

raw_fields!(RawAnalyst {
    id: "id" => Scalar,
    name: "name" => Scalar,
    role: "role" => Scalar,
    affiliation: "affiliation" => Scalar,
    view: "view" => Scalar,
});

raw_fields!(RawQuote {
    id: "id" => Scalar,
    by: "by" => Scalar,
    text: "text" => Scalar,
    kind: "kind" => Scalar,
    via: "via" => Scalar,
    date: "date" => Scalar,
    source: "source" => Scalar,
    context: "context" => Scalar,
    to: "to" => Scalar,
});

raw_fields!(RawClaim {
    id: "id" => Scalar,
    text: "text" => Scalar,
    status: "status" => Scalar,
    source: "source" => Scalar,
    stances: "stances" => List<Node<RawStance>>,
});

raw_fields!(RawStance {
    by: "by" => Scalar,
    stance: "stance" => Scalar,
    note: "note" => Scalar,
    quote: "quote" => Scalar,
    date: "date" => Scalar,
});

raw_fields!(RawEvent {
    id: "id" => Scalar,
    date: "date" => Scalar,
    title: "title" => Scalar,
    detail: "detail" => Scalar,
    involves: "involves" => List<Scalar>,
    source: "source" => Scalar,
});

/// A YAML error that stopped the parse.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub location: Option<Location>,
}

/// Parses one story file into its raw, lenient shape.
pub fn parse(text: &str) -> Result<Node<RawStory>, SyntaxError> {
    serde_yaml::from_str::<Node<RawStory>>(text).map_err(|e| {
        let location = e.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        });
        SyntaxError {
            message: strip_first_mark(&e.to_string()),
            location,
        }
    })
}

/// serde_yaml appends "at line L column C" to its messages; the location is reported apart.
fn strip_first_mark(message: &str) -> String {
    let Some(at) = message.find(" at line ") else {
        return message.to_string();
    };
    let rest = &message[at + " at line ".len()..];
    let after_numbers = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
        .unwrap_or(rest.len());
    format!("{}{}", &message[..at], &rest[after_numbers..])
}

/// The bytes a text's values take as serde_yaml expands them (a scalar: its
/// length and one; a list or mapping: one), the way the budgeted pass counts them;
/// None when serde_yaml does not read the text. For tests of the budget pre-scan.
#[cfg(test)]
pub(crate) fn expanded_bytes(text: &str) -> Option<usize> {
    fn size(v: &serde_yaml::Value) -> usize {
        use serde_yaml::Value;
        match v {
            Value::Null => 1,
            Value::Bool(b) => b.to_string().len() + 1,
            Value::Number(n) => n.to_string().len() + 1,
            Value::String(s) => s.len() + 1,
            Value::Sequence(items) => 1 + items.iter().map(size).sum::<usize>(),
            Value::Mapping(m) => 1 + m.iter().map(|(k, v)| size(k) + size(v)).sum::<usize>(),
            Value::Tagged(t) => size(&t.value),
        }
    }
    serde_yaml::from_str::<serde_yaml::Value>(text)
        .ok()
        .map(|v| size(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(text: &str) -> RawStory {
        match parse(text).unwrap() {
            Node::Map(s) => s,
            Node::Other(o) => panic!("not a mapping: {o:?}"),
        }
    }

    #[test]
    fn reads_fields_and_keeps_going_past_wrong_shapes() {
        let s = story("id: a\ntitle: [1, 2]\nquotse: 3\nx-note: {a: 1}\ntags: 5\nformat: 1\n");
        assert_eq!(s.id, Some(Scalar::Str("a".into())));
        assert_eq!(s.title, Some(Scalar::List));
        assert_eq!(s.tags, Some(List::Other(Scalar::Int("5".into()))));
        assert_eq!(s.format, Some(Scalar::Int("1".into())));
        assert_eq!(s.extra.unknown, vec!["quotse"]);
        assert_eq!(s.extra.extensions, vec!["x-note"]);
    }

    #[test]
    fn records_duplicate_keys() {
        let s = story("id: a\nid: b\ntitle: t\n");
        assert_eq!(s.extra.duplicates, vec!["id"]);
    }

    #[test]
    fn tagged_values_are_a_shape_not_an_error() {
        let s = story("id: !custom a\ntitle: !!binary aGVsbG8=\n");
        assert!(matches!(s.id, Some(Scalar::Tagged(_))), "{:?}", s.id);
        assert!(s.title.is_some());
    }

    #[test]
    fn non_mapping_documents_are_reported_as_shapes() {
        assert_eq!(parse("- a\n- b\n").unwrap(), Node::Other(Scalar::List));
        assert_eq!(
            parse("just text").unwrap(),
            Node::Other(Scalar::Str("just text".into()))
        );
        assert_eq!(parse("").unwrap(), Node::Other(Scalar::Null));
    }

    #[test]
    fn syntax_errors_carry_their_place() {
        let e = parse("id: a\ntitle: [unclosed\n").unwrap_err();
        assert!(e.location.is_some());
        assert!(!e.message.contains(" at line 3 column"), "{}", e.message);
    }
}
