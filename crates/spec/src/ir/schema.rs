//! JSON Schema 2020-12, as OpenAPI 3.1 and AsyncAPI use it, with OpenAPI 3.0's
//! and draft-07's differences normalized on the way in:
//! `nullable: true` and `type: [.., "null"]` both become [`Schema::nullable`],
//! boolean `exclusiveMinimum` becomes a number, `items: [..]` becomes `prefix_items`.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use super::Extensions;
use crate::diagnostic::Location;

/// Index of a schema in [`Schemas`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SchemaId(pub u32);

/// Every schema of an API, inline or named; edges between them are [`SchemaId`]s.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Schemas {
    entries: Vec<SchemaEntry>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SchemaEntry {
    /// Boxed: a spec can hold tens of thousands of schemas, and the arena
    /// grows without moving them.
    pub schema: Box<Schema>,
    /// Where the schema is written.
    pub origin: Location,
    /// The name the document gives it: the key under `components/schemas`,
    /// `definitions` or `$defs`, or the file name of a whole-file reference.
    pub name: Option<String>,
}

impl Schemas {
    pub fn add(&mut self, entry: SchemaEntry) -> SchemaId {
        self.entries.push(entry);
        SchemaId(self.entries.len() as u32 - 1)
    }

    pub fn get(&self, id: SchemaId) -> &Schema {
        &self.entries[id.0 as usize].schema
    }

    pub fn entry(&self, id: SchemaId) -> &SchemaEntry {
        &self.entries[id.0 as usize]
    }

    pub(crate) fn entry_mut(&mut self, id: SchemaId) -> &mut SchemaEntry {
        &mut self.entries[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (SchemaId, &SchemaEntry)> {
        self.entries.iter().enumerate().map(|(i, e)| (SchemaId(i as u32), e))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JsonType {
    Null,
    Boolean,
    Object,
    Array,
    Number,
    String,
    Integer,
}

impl JsonType {
    pub const ALL: [JsonType; 7] = [
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Object,
        JsonType::Array,
        JsonType::Number,
        JsonType::String,
        JsonType::Integer,
    ];

    pub fn parse(name: &str) -> Option<JsonType> {
        Some(match name {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "object" => JsonType::Object,
            "array" => JsonType::Array,
            "number" => JsonType::Number,
            "string" => JsonType::String,
            "integer" => JsonType::Integer,
            _ => return None,
        })
    }

    /// Whether a JSON value is of this type (an integral number is also a number).
    pub fn matches(self, value: &Value) -> bool {
        match (self, value) {
            (JsonType::Null, Value::Null) | (JsonType::Boolean, Value::Bool(_)) => true,
            (JsonType::Object, Value::Object(_)) | (JsonType::Array, Value::Array(_)) => true,
            (JsonType::String, Value::String(_)) | (JsonType::Number, Value::Number(_)) => true,
            (JsonType::Integer, Value::Number(n)) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        }
    }
}

/// A set of JSON types, in [`JsonType::ALL`] order.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Types(u8);

impl Types {
    pub fn contains(self, t: JsonType) -> bool {
        self.0 & Self::bit(t) != 0
    }

    pub fn insert(&mut self, t: JsonType) {
        self.0 |= Self::bit(t);
    }

    pub fn remove(&mut self, t: JsonType) {
        self.0 &= !Self::bit(t);
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        JsonType::ALL.into_iter().filter(move |t| self.contains(*t))
    }

    fn bit(t: JsonType) -> u8 {
        1 << t as u8
    }
}

impl FromIterator<JsonType> for Types {
    fn from_iter<I: IntoIterator<Item = JsonType>>(iter: I) -> Self {
        let mut out = Types::default();
        iter.into_iter().for_each(|t| out.insert(t));
        out
    }
}

impl std::fmt::Debug for Types {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for Types {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// One schema. The keywords most schemas use are fields here; the rest of
/// JSON Schema, which few schemas use, is in [`Constraints`], allocated only
/// when present, so that specs with tens of thousands of schemas stay small.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Schema {
    /// `false` as a schema: no value is valid.
    pub accepts_nothing: bool,
    /// A `$ref` with sibling keywords: the referenced schema, which this one
    /// narrows or annotates. (A bare `$ref` is not a schema of its own: it is
    /// the referenced [`SchemaId`] itself.)
    pub reference: Option<SchemaId>,

    // Annotations.
    pub title: Option<String>,
    pub description: Option<String>,
    pub default: Option<Box<Value>>,
    pub examples: Vec<Value>,
    pub deprecated: bool,
    pub read_only: bool,
    pub write_only: bool,

    /// The types allowed; empty means any type. `null` appears here only
    /// when it is the only type; otherwise [`Schema::nullable`] says it.
    pub types: Types,
    /// `null` is valid besides what the rest of the schema allows.
    pub nullable: bool,
    pub format: Option<String>,
    pub enum_values: Option<Vec<Value>>,
    pub const_value: Option<Box<Value>>,

    pub items: Option<SchemaId>,
    pub properties: IndexMap<String, SchemaId>,
    pub required: Vec<String>,
    /// `None` when absent (any extra property is allowed).
    pub additional_properties: Option<SchemaId>,

    pub all_of: Vec<SchemaId>,
    pub one_of: Vec<SchemaId>,
    pub any_of: Vec<SchemaId>,
    pub discriminator: Option<Box<Discriminator>>,

    /// Validation keywords and rarer structure; `None` when the schema has none.
    pub constraints: Option<Box<Constraints>>,
    pub extensions: Extensions,
}

/// The keywords of a schema that most schemas leave out.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Constraints {
    // Numbers.
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    pub multiple_of: Option<f64>,

    // Strings.
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<String>,
    pub content_media_type: Option<String>,

    // Arrays.
    pub prefix_items: Vec<SchemaId>,
    pub contains: Option<SchemaId>,
    /// How many items must match `contains` (1 when absent), and how many may.
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    /// Items no other keyword of the schema (or of the parts it applies in
    /// place: `$ref`, `allOf`, the alternatives that match, `if`) looked at.
    pub unevaluated_items: Option<SchemaId>,

    // Objects.
    pub pattern_properties: IndexMap<String, SchemaId>,
    pub property_names: Option<SchemaId>,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub dependent_required: IndexMap<String, Vec<String>>,
    /// Schemas the whole object must match when a property is present.
    pub dependent_schemas: IndexMap<String, SchemaId>,
    /// Properties no other keyword looked at, as for `unevaluated_items`.
    pub unevaluated_properties: Option<SchemaId>,

    pub not: Option<SchemaId>,
    /// `if`, `then` and `else`.
    pub if_then_else: [Option<SchemaId>; 3],
    /// `$dynamicRef`: the schema the reference names as written. Where that
    /// schema declares a `$dynamicAnchor` of the fragment's name, the name is
    /// in [`Constraints::dynamic_ref_anchor`], and a value is checked against
    /// the schema of that name in the outermost resource on the way here
    /// that declares one (see [`Constraints::dynamic_anchors`]).
    pub dynamic_ref: Option<SchemaId>,
    pub dynamic_ref_anchor: Option<String>,
    /// The schemas the `$dynamicAnchor`s of this schema's resource (its
    /// file, or the innermost schema around it that declares `$id`) name,
    /// by name: what a check that reaches this schema brings into scope.
    pub dynamic_anchors: IndexMap<String, SchemaId>,
    /// Keywords this model does not keep (such as `summary` in a schema), as
    /// written. Those JSON Schema defines with a meaning for values
    /// ([`super::unsupported`]) are warned about as they are read; annotations
    /// (`contentEncoding`, `xml`) are not.
    pub unknown: IndexMap<String, Value>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

impl Schema {
    /// The schema's [`Constraints`], empty ones when it has none.
    pub fn constraints(&self) -> &Constraints {
        static NONE: std::sync::OnceLock<Constraints> = std::sync::OnceLock::new();
        self.constraints.as_deref().unwrap_or_else(|| NONE.get_or_init(Constraints::default))
    }

    /// Whether this schema allows the given type (with no types listed, it allows all).
    pub fn allows(&self, ty: JsonType) -> bool {
        self.types.is_empty() || self.types.contains(ty) || (ty == JsonType::Null && self.nullable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_sets_keep_a_fixed_order() {
        let set: Types = [JsonType::String, JsonType::Null].into_iter().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), [JsonType::Null, JsonType::String]);
        assert_eq!(serde_json::to_value(set).unwrap(), serde_json::json!(["null", "string"]));
        assert!(set.contains(JsonType::String) && !set.contains(JsonType::Integer));
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Discriminator {
    pub property_name: String,
    /// Value of the property to the schema it selects.
    pub mapping: IndexMap<String, SchemaId>,
}
