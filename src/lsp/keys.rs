//! The keys and values the format allows at a place, with their one-line meanings: read
//! from the JSON Schema that the model generates ([`crate::story::schema::story_schema`]),
//! so that a key added to the model arrives here by itself.

use std::sync::OnceLock;

use serde_json::Value;

use super::syntax::Seg;
use crate::story::schema::story_schema;

/// A key of a mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    /// Its meaning (the schema's description, or its type's).
    pub meaning: String,
    pub required: bool,
    /// Added in format 2: allowed only in a file with `format: 2`.
    pub v2: bool,
}

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(story_schema)
}

/// Follows `$ref` and picks the non-null branch of an `anyOf`/`oneOf`.
fn resolve(node: &Value) -> &Value {
    let mut node = node;
    for _ in 0..8 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            match r
                .strip_prefix("#/$defs/")
                .and_then(|name| schema().get("$defs")?.get(name))
            {
                Some(n) => node = n,
                None => return node,
            }
        } else if let Some(branches) = node
            .get("anyOf")
            .or_else(|| node.get("oneOf"))
            .and_then(Value::as_array)
        {
            match branches
                .iter()
                .find(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            {
                Some(b) => node = b,
                None => return node,
            }
        } else {
            return node;
        }
    }
    node
}

/// The schema of the value at a path.
fn at(segs: &[Seg]) -> Option<&'static Value> {
    let mut node = schema();
    for seg in segs {
        let here = resolve(node);
        node = match seg {
            Seg::Key(k) => here.get("properties")?.get(k)?,
            Seg::Item => here.get("items")?,
        };
    }
    Some(node)
}

fn description(node: &Value) -> String {
    node.get("description")
        .or_else(|| resolve(node).get("description"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

/// Whether the schema marks a key as added in format 2.
fn is_v2(node: &Value) -> bool {
    let marked = |n: &Value| {
        n.get("x-format").and_then(Value::as_u64) == Some(2)
            || n.get("x-since").and_then(Value::as_u64) == Some(2)
            || n.get("description")
                .and_then(Value::as_str)
                .is_some_and(|d| d.starts_with("v2") || d.contains("(v2)") || d.contains("**v2**"))
    };
    marked(node) || marked(resolve(node))
}

/// The keys of the mapping at a path (none when the path holds no mapping).
pub fn keys_at(segs: &[Seg]) -> Vec<Key> {
    let Some(node) = at(segs).map(resolve) else {
        return Vec::new();
    };
    let Some(props) = node.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let required: Vec<&str> = node
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    props
        .iter()
        .map(|(name, p)| Key {
            name: name.clone(),
            meaning: description(p),
            required: required.contains(&name.as_str()),
            v2: is_v2(p),
        })
        .collect()
}

/// The key at the end of a path (`[.., Key(k)]`).
pub fn key(segs: &[Seg]) -> Option<Key> {
    let (Seg::Key(name), parent) = segs.split_last()? else {
        return None;
    };
    keys_at(parent).into_iter().find(|k| &k.name == name)
}

/// The words an enum field allows, in the format's order.
pub fn values_at(segs: &[Seg]) -> Vec<String> {
    let Some(node) = at(segs).map(resolve) else {
        return Vec::new();
    };
    if let Some(words) = node.get("enum").and_then(Value::as_array) {
        return words
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
    }
    node.get("oneOf")
        .and_then(Value::as_array)
        .map(|b| {
            b.iter()
                .filter_map(|b| b.get("const").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the value at a path is a list of mappings (its entries start with a key).
pub fn holds_mappings(segs: &[Seg]) -> bool {
    let mut item = segs.to_vec();
    item.push(Seg::Item);
    at(&item)
        .map(resolve)
        .is_some_and(|n| n.get("properties").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Seg {
        Seg::Key(s.into())
    }

    #[test]
    fn keys_come_from_the_model() {
        let top = keys_at(&[]);
        let id = top.iter().find(|k| k.name == "id").unwrap();
        assert!(id.required);
        assert!(id.meaning.contains("unique"), "{id:?}");
        let quote = keys_at(&[k("quotes"), Seg::Item]);
        assert!(quote.iter().any(|k| k.name == "via"));
        let stance = keys_at(&[k("claims"), Seg::Item, k("stances"), Seg::Item]);
        assert!(stance.iter().any(|k| k.name == "stance" && k.required));
        assert!(keys_at(&[k("title")]).is_empty());
        assert_eq!(
            key(&[k("parties"), Seg::Item, k("kind")]).unwrap().meaning,
            "What kind of actor (default `other`); `anonymous`: an unnamed source, described, never named."
        );
    }

    #[test]
    fn enum_values_come_from_the_model() {
        let kinds = values_at(&[k("parties"), Seg::Item, k("kind")]);
        assert_eq!(kinds[0], "person");
        assert!(kinds.contains(&"anonymous".to_string()));
        let st = values_at(&[k("claims"), Seg::Item, k("stances"), Seg::Item, k("stance")]);
        assert!(st.contains(&"no-comment".to_string()));
        assert!(values_at(&[k("claims"), Seg::Item, k("status")]).contains(&"alleged".into()));
        assert!(values_at(&[k("title")]).is_empty());
        assert!(holds_mappings(&[k("quotes")]));
        assert!(!holds_mappings(&[k("tags")]));
    }
}
