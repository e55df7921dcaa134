//! The JSON Schema vocabulary of the model, in one place: each keyword a
//! [`Schema`] keeps ([`Keyword`]), the edges from a schema to the schemas its
//! keywords hold ([`Schema::children`]), and the keywords JSON Schema defines
//! that the model does not keep ([`unsupported`]), which loading warns about.
//!
//! Code generation, the server's validation table and the breaking-change
//! checks each say, by an exhaustive `match` over [`Keyword`], what they do
//! with every keyword: a new keyword does not compile until each of them has
//! decided, and a test fails when none of them uses it.

use serde_json::{json, Value};

use super::{Schema, SchemaId};

/// A keyword the model keeps: a field of [`Schema`] or of its constraints.
/// Older spellings (draft 4's `dependencies`, OpenAPI 3.0's `nullable`, a
/// boolean `exclusiveMinimum`) are normalized to these as they are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Keyword {
    /// `false` as a schema: not a keyword, but a schema's meaning all the same.
    False,
    Ref,
    /// `$dynamicRef`, with the name it looks for in the dynamic scope.
    DynamicRef,
    /// The `$dynamicAnchor`s of a schema resource, which `$dynamicRef`s
    /// inside it may be taken to.
    DynamicAnchors,
    // Applicators: keywords whose value holds schemas.
    AllOf,
    AnyOf,
    OneOf,
    Not,
    If,
    Then,
    Else,
    DependentSchemas,
    PrefixItems,
    Items,
    Contains,
    Properties,
    PatternProperties,
    AdditionalProperties,
    PropertyNames,
    UnevaluatedItems,
    UnevaluatedProperties,
    Discriminator,
    // Assertions.
    Type,
    Nullable,
    Enum,
    Const,
    MultipleOf,
    Maximum,
    ExclusiveMaximum,
    Minimum,
    ExclusiveMinimum,
    MaxLength,
    MinLength,
    Pattern,
    MaxItems,
    MinItems,
    UniqueItems,
    MaxContains,
    MinContains,
    MaxProperties,
    MinProperties,
    Required,
    DependentRequired,
    Format,
    // Annotations.
    Title,
    Description,
    Default,
    Examples,
    Deprecated,
    ReadOnly,
    WriteOnly,
    ContentMediaType,
}

impl Keyword {
    pub const ALL: [Keyword; 52] = [
        Keyword::False,
        Keyword::Ref,
        Keyword::DynamicRef,
        Keyword::DynamicAnchors,
        Keyword::AllOf,
        Keyword::AnyOf,
        Keyword::OneOf,
        Keyword::Not,
        Keyword::If,
        Keyword::Then,
        Keyword::Else,
        Keyword::DependentSchemas,
        Keyword::PrefixItems,
        Keyword::Items,
        Keyword::Contains,
        Keyword::Properties,
        Keyword::PatternProperties,
        Keyword::AdditionalProperties,
        Keyword::PropertyNames,
        Keyword::UnevaluatedItems,
        Keyword::UnevaluatedProperties,
        Keyword::Discriminator,
        Keyword::Type,
        Keyword::Nullable,
        Keyword::Enum,
        Keyword::Const,
        Keyword::MultipleOf,
        Keyword::Maximum,
        Keyword::ExclusiveMaximum,
        Keyword::Minimum,
        Keyword::ExclusiveMinimum,
        Keyword::MaxLength,
        Keyword::MinLength,
        Keyword::Pattern,
        Keyword::MaxItems,
        Keyword::MinItems,
        Keyword::UniqueItems,
        Keyword::MaxContains,
        Keyword::MinContains,
        Keyword::MaxProperties,
        Keyword::MinProperties,
        Keyword::Required,
        Keyword::DependentRequired,
        Keyword::Format,
        Keyword::Title,
        Keyword::Description,
        Keyword::Default,
        Keyword::Examples,
        Keyword::Deprecated,
        Keyword::ReadOnly,
        Keyword::WriteOnly,
        Keyword::ContentMediaType,
    ];

    /// The keyword as draft 2020-12 (and OpenAPI, for its own) spells it.
    pub fn name(self) -> &'static str {
        match self {
            Keyword::False => "false",
            Keyword::Ref => "$ref",
            Keyword::DynamicRef => "$dynamicRef",
            Keyword::DynamicAnchors => "$dynamicAnchor",
            Keyword::AllOf => "allOf",
            Keyword::AnyOf => "anyOf",
            Keyword::OneOf => "oneOf",
            Keyword::Not => "not",
            Keyword::If => "if",
            Keyword::Then => "then",
            Keyword::Else => "else",
            Keyword::DependentSchemas => "dependentSchemas",
            Keyword::PrefixItems => "prefixItems",
            Keyword::Items => "items",
            Keyword::Contains => "contains",
            Keyword::Properties => "properties",
            Keyword::PatternProperties => "patternProperties",
            Keyword::AdditionalProperties => "additionalProperties",
            Keyword::PropertyNames => "propertyNames",
            Keyword::UnevaluatedItems => "unevaluatedItems",
            Keyword::UnevaluatedProperties => "unevaluatedProperties",
            Keyword::Discriminator => "discriminator",
            Keyword::Type => "type",
            Keyword::Nullable => "nullable",
            Keyword::Enum => "enum",
            Keyword::Const => "const",
            Keyword::MultipleOf => "multipleOf",
            Keyword::Maximum => "maximum",
            Keyword::ExclusiveMaximum => "exclusiveMaximum",
            Keyword::Minimum => "minimum",
            Keyword::ExclusiveMinimum => "exclusiveMinimum",
            Keyword::MaxLength => "maxLength",
            Keyword::MinLength => "minLength",
            Keyword::Pattern => "pattern",
            Keyword::MaxItems => "maxItems",
            Keyword::MinItems => "minItems",
            Keyword::UniqueItems => "uniqueItems",
            Keyword::MaxContains => "maxContains",
            Keyword::MinContains => "minContains",
            Keyword::MaxProperties => "maxProperties",
            Keyword::MinProperties => "minProperties",
            Keyword::Required => "required",
            Keyword::DependentRequired => "dependentRequired",
            Keyword::Format => "format",
            Keyword::Title => "title",
            Keyword::Description => "description",
            Keyword::Default => "default",
            Keyword::Examples => "examples",
            Keyword::Deprecated => "deprecated",
            Keyword::ReadOnly => "readOnly",
            Keyword::WriteOnly => "writeOnly",
            Keyword::ContentMediaType => "contentMediaType",
        }
    }

    /// Two schemas that differ only in this keyword, with it and without
    /// it, each in a context where the keyword means something (a
    /// property's `readOnly`, `minContains` beside `contains`): what the
    /// tests of every consumer read to show what the keyword changes.
    pub fn samples(self) -> (Value, Value) {
        let string = |key: &str, value: Value| {
            let mut with = json!({"type": "string"});
            with[key] = value;
            (with, json!({"type": "string"}))
        };
        let number = |key: &str, value: Value| {
            let mut with = json!({"type": "number"});
            with[key] = value;
            (with, json!({"type": "number"}))
        };
        let array = |key: &str, value: Value| {
            let base = json!({"type": "array", "prefixItems": [{"type": "string"}], "contains": {"const": "a"}});
            let mut with = base.clone();
            with[key] = value;
            (with, base)
        };
        let object = |key: &str, value: Value| {
            let properties = json!({"name": {"type": "string"}, "card": {"type": "string"}, "cvc": {"type": "string"}});
            let base = json!({"type": "object", "properties": properties});
            let mut with = base.clone();
            with[key] = value;
            (with, base)
        };
        let property = |key: &str, value: Value| {
            let mut id = json!({"type": "string"});
            id[key] = value;
            let with = json!({"type": "object", "required": ["id"], "properties": {"id": id}});
            let without = json!({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}});
            (with, without)
        };
        let alone = |key: &str, value: Value| {
            let mut with = json!({});
            with[key] = value;
            (with, json!({}))
        };
        let two = json!([
            {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
            {"type": "object", "required": ["b"], "properties": {"b": {"type": "integer"}}}
        ]);
        match self {
            // `false` where it means most: no property beyond those listed.
            Keyword::False => {
                (object("additionalProperties", json!(false)).0, object("additionalProperties", json!(true)).0)
            }
            // A `$ref` with nothing beside it is no schema of its own.
            Keyword::Ref => {
                let note = json!({"$comment": "a schema of its own"});
                let mut with = note.clone();
                with["$ref"] = json!("#/components/schemas/Target");
                (with, note)
            }
            Keyword::DynamicRef => {
                let note = json!({"$comment": "a schema of its own"});
                let mut with = note.clone();
                with["$dynamicRef"] = json!("#/components/schemas/Target");
                (with, note)
            }
            // `Sample`, a resource of its own, holds one whose `#kind` is
            // dynamic, and so is Sample's own: the check takes Sample's.
            Keyword::DynamicAnchors => {
                let sample = |declares: &str| {
                    json!({
                        "$id": "https://example.com/sample",
                        "$ref": "inner",
                        "$defs": {
                            "inner": {
                                "$id": "inner",
                                "$dynamicRef": "#kind",
                                "$defs": {"kind": {declares: "kind", "type": "string"}}
                            },
                            "kind": {declares: "kind", "type": "integer"}
                        }
                    })
                };
                (sample("$dynamicAnchor"), sample("$anchor"))
            }
            Keyword::AllOf => alone("allOf", two),
            Keyword::AnyOf => alone("anyOf", two),
            Keyword::OneOf => alone("oneOf", two),
            Keyword::Not => alone("not", json!({"type": "string"})),
            Keyword::If => (
                json!({"type": "string", "if": {"minLength": 3}, "then": {"maxLength": 5}, "else": {"const": "a"}}),
                json!({"type": "string", "then": {"maxLength": 5}, "else": {"const": "a"}}),
            ),
            Keyword::Then => (
                json!({"type": "string", "if": {"minLength": 3}, "then": {"maxLength": 5}}),
                json!({"type": "string", "if": {"minLength": 3}}),
            ),
            Keyword::Else => (
                json!({"type": "string", "if": {"minLength": 3}, "else": {"const": "a"}}),
                json!({"type": "string", "if": {"minLength": 3}}),
            ),
            Keyword::DependentSchemas => object("dependentSchemas", json!({"card": {"required": ["cvc"]}})),
            Keyword::PrefixItems => (
                json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]}),
                json!({"type": "array"}),
            ),
            Keyword::Items => (json!({"type": "array", "items": {"type": "string"}}), json!({"type": "array"})),
            Keyword::Contains => (json!({"type": "array", "contains": {"const": "a"}}), json!({"type": "array"})),
            Keyword::Properties => {
                (json!({"type": "object", "properties": {"name": {"type": "string"}}}), json!({"type": "object"}))
            }
            Keyword::PatternProperties => object("patternProperties", json!({"^x-": {"type": "integer"}})),
            Keyword::AdditionalProperties => object("additionalProperties", json!({"type": "integer"})),
            Keyword::PropertyNames => object("propertyNames", json!({"maxLength": 8})),
            Keyword::UnevaluatedItems => array("unevaluatedItems", json!({"type": "integer"})),
            Keyword::UnevaluatedProperties => object("unevaluatedProperties", json!(false)),
            Keyword::Discriminator => {
                let base = json!({"oneOf": [
                    {"$ref": "#/components/schemas/Cat"},
                    {"$ref": "#/components/schemas/Dog"}
                ]});
                let mut with = base.clone();
                with["discriminator"] = json!({"propertyName": "kind"});
                (with, base)
            }
            Keyword::Type => alone("type", json!("integer")),
            Keyword::Nullable => property("type", json!(["string", "null"])),
            Keyword::Enum => string("enum", json!(["a", "b"])),
            Keyword::Const => alone("const", json!("a")),
            Keyword::MultipleOf => number("multipleOf", json!(2)),
            Keyword::Maximum => number("maximum", json!(5)),
            Keyword::ExclusiveMaximum => number("exclusiveMaximum", json!(5)),
            Keyword::Minimum => number("minimum", json!(5)),
            Keyword::ExclusiveMinimum => number("exclusiveMinimum", json!(5)),
            Keyword::MaxLength => string("maxLength", json!(2)),
            Keyword::MinLength => string("minLength", json!(2)),
            Keyword::Pattern => string("pattern", json!("^[a-z]+$")),
            Keyword::MaxItems => array("maxItems", json!(2)),
            Keyword::MinItems => array("minItems", json!(2)),
            Keyword::UniqueItems => array("uniqueItems", json!(true)),
            Keyword::MaxContains => array("maxContains", json!(2)),
            Keyword::MinContains => array("minContains", json!(2)),
            Keyword::MaxProperties => object("maxProperties", json!(2)),
            Keyword::MinProperties => object("minProperties", json!(2)),
            Keyword::Required => object("required", json!(["name"])),
            Keyword::DependentRequired => object("dependentRequired", json!({"card": ["cvc"]})),
            Keyword::Format => string("format", json!("uuid")),
            Keyword::Title => string("title", json!("A title")),
            Keyword::Description => string("description", json!("A description.")),
            Keyword::Default => property("default", json!("a")),
            Keyword::Examples => string("examples", json!(["a"])),
            Keyword::Deprecated => property("deprecated", json!(true)),
            Keyword::ReadOnly => property("readOnly", json!(true)),
            Keyword::WriteOnly => property("writeOnly", json!(true)),
            Keyword::ContentMediaType => string("contentMediaType", json!("image/png")),
        }
    }

    /// An OpenAPI 3.1 document whose component `Sample` is `schema`, taken
    /// and given by an operation, beside the components samples name
    /// (`Target`, `Cat` and `Dog`).
    pub fn sample_document(schema: &Value) -> String {
        let pet = |kind: &str| json!({"type": "object", "required": ["kind"], "properties": {"kind": {"const": kind}}});
        let sample = json!({"$ref": "#/components/schemas/Sample"});
        json!({
            "openapi": "3.1.0",
            "info": {"title": "Sample", "version": "1"},
            "paths": {"/sample": {"post": {
                "operationId": "sample",
                "requestBody": {"required": true, "content": {"application/json": {"schema": sample}}},
                "responses": {"200": {
                    "description": "The sample",
                    "content": {"application/json": {"schema": sample}}
                }}
            }}},
            "components": {"schemas": {
                "Sample": schema,
                "Target": {"type": "string"},
                "Cat": pet("cat"),
                "Dog": pet("dog")
            }}
        })
        .to_string()
    }
}

/// Keywords JSON Schema defines that the model does not keep, each with
/// why; a schema that uses one is warned about where it does.
pub fn unsupported(name: &str) -> Option<&'static str> {
    Some(match name {
        "$recursiveRef" => {
            "draft 2019-09's dynamic reference is not followed; the schema is taken to accept any value there"
        }
        "contentSchema" => "the schema of encoded content is not checked",
        _ => return None,
    })
}

/// Keywords that name or hold schemas without saying anything of a value:
/// identifiers, comments and the containers of schemas reached by reference.
pub fn is_structural(name: &str) -> bool {
    matches!(
        name,
        "$schema"
            | "$id"
            | "id"
            | "$anchor"
            | "$dynamicAnchor"
            | "$recursiveAnchor"
            | "$vocabulary"
            | "$comment"
            | "$defs"
            | "definitions"
            | "externalDocs"
    )
}

/// Walks every edge of a schema, by reference or by mutable reference
/// (`$iter`, `$values` and `$opt` are the methods that give one or the other).
macro_rules! each_child {
    ($s:expr, $visit:expr, $iter:ident, $values:ident, $opt:ident, $constraints:ident) => {{
        let s = $s;
        let visit = $visit;
        s.reference.$opt().into_iter().for_each(|id| visit(Keyword::Ref, id));
        s.items.$opt().into_iter().for_each(|id| visit(Keyword::Items, id));
        s.properties.$values().for_each(|id| visit(Keyword::Properties, id));
        s.additional_properties.$opt().into_iter().for_each(|id| visit(Keyword::AdditionalProperties, id));
        s.all_of.$iter().for_each(|id| visit(Keyword::AllOf, id));
        s.any_of.$iter().for_each(|id| visit(Keyword::AnyOf, id));
        s.one_of.$iter().for_each(|id| visit(Keyword::OneOf, id));
        if let Some(d) = s.discriminator.$constraints() {
            d.mapping.$values().for_each(|id| visit(Keyword::Discriminator, id));
        }
        if let Some(c) = s.constraints.$constraints() {
            c.not.$opt().into_iter().for_each(|id| visit(Keyword::Not, id));
            c.prefix_items.$iter().for_each(|id| visit(Keyword::PrefixItems, id));
            c.contains.$opt().into_iter().for_each(|id| visit(Keyword::Contains, id));
            c.pattern_properties.$values().for_each(|id| visit(Keyword::PatternProperties, id));
            c.property_names.$opt().into_iter().for_each(|id| visit(Keyword::PropertyNames, id));
            let branches = [Keyword::If, Keyword::Then, Keyword::Else].into_iter().zip(c.if_then_else.$iter());
            for (keyword, id) in branches {
                id.$opt().into_iter().for_each(|id| visit(keyword, id));
            }
            c.dependent_schemas.$values().for_each(|id| visit(Keyword::DependentSchemas, id));
            c.unevaluated_items.$opt().into_iter().for_each(|id| visit(Keyword::UnevaluatedItems, id));
            c.unevaluated_properties.$opt().into_iter().for_each(|id| visit(Keyword::UnevaluatedProperties, id));
            c.dynamic_ref.$opt().into_iter().for_each(|id| visit(Keyword::DynamicRef, id));
            c.dynamic_anchors.$values().for_each(|id| visit(Keyword::DynamicAnchors, id));
        }
    }};
}

impl Schema {
    /// Every schema this one's keywords hold, with the keyword that holds it,
    /// in a fixed order: `$ref`, `items`, `properties`,
    /// `additionalProperties`, `allOf`, `anyOf`, `oneOf`, the
    /// discriminator's mapping, then the rarer keywords (the order of the
    /// server's validation table, which its indices follow).
    pub fn children(&self) -> Vec<(Keyword, SchemaId)> {
        let mut out = Vec::new();
        each_child!(self, &mut |k, id: &SchemaId| out.push((k, *id)), iter, values, as_ref, as_deref);
        out
    }

    /// [`Schema::children`], to rewrite them.
    pub fn children_mut(&mut self) -> Vec<(Keyword, &mut SchemaId)> {
        let mut out = Vec::new();
        each_child!(self, &mut |k, id| out.push((k, id)), iter_mut, values_mut, as_mut, as_deref_mut);
        out
    }

    /// The keywords this schema has.
    pub fn keywords(&self) -> Vec<Keyword> {
        // Written out field by field, without `..`: a field added to the
        // model does not compile until it is a keyword here.
        let Schema {
            accepts_nothing,
            reference,
            title,
            description,
            default,
            examples,
            deprecated,
            read_only,
            write_only,
            types,
            nullable,
            format,
            enum_values,
            const_value,
            items,
            properties,
            required,
            additional_properties,
            all_of,
            one_of,
            any_of,
            discriminator,
            constraints,
            extensions: _,
        } = self;
        let mut out = Vec::new();
        let mut add = |present: bool, k: Keyword| {
            if present {
                out.push(k)
            }
        };
        add(*accepts_nothing, Keyword::False);
        add(reference.is_some(), Keyword::Ref);
        add(title.is_some(), Keyword::Title);
        add(description.is_some(), Keyword::Description);
        add(default.is_some(), Keyword::Default);
        add(!examples.is_empty(), Keyword::Examples);
        add(*deprecated, Keyword::Deprecated);
        add(*read_only, Keyword::ReadOnly);
        add(*write_only, Keyword::WriteOnly);
        add(!types.is_empty(), Keyword::Type);
        add(*nullable, Keyword::Nullable);
        add(format.is_some(), Keyword::Format);
        add(enum_values.is_some(), Keyword::Enum);
        add(const_value.is_some(), Keyword::Const);
        add(items.is_some(), Keyword::Items);
        add(!properties.is_empty(), Keyword::Properties);
        add(!required.is_empty(), Keyword::Required);
        add(additional_properties.is_some(), Keyword::AdditionalProperties);
        add(!all_of.is_empty(), Keyword::AllOf);
        add(!one_of.is_empty(), Keyword::OneOf);
        add(!any_of.is_empty(), Keyword::AnyOf);
        add(discriminator.is_some(), Keyword::Discriminator);
        if let Some(c) = constraints {
            let super::Constraints {
                minimum,
                maximum,
                exclusive_minimum,
                exclusive_maximum,
                multiple_of,
                min_length,
                max_length,
                pattern,
                content_media_type,
                prefix_items,
                contains,
                min_contains,
                max_contains,
                min_items,
                max_items,
                unique_items,
                unevaluated_items,
                pattern_properties,
                property_names,
                min_properties,
                max_properties,
                dependent_required,
                dependent_schemas,
                unevaluated_properties,
                not,
                if_then_else,
                dynamic_ref,
                dynamic_ref_anchor: _,
                dynamic_anchors,
                unknown: _,
            } = &**c;
            add(minimum.is_some(), Keyword::Minimum);
            add(maximum.is_some(), Keyword::Maximum);
            add(exclusive_minimum.is_some(), Keyword::ExclusiveMinimum);
            add(exclusive_maximum.is_some(), Keyword::ExclusiveMaximum);
            add(multiple_of.is_some(), Keyword::MultipleOf);
            add(min_length.is_some(), Keyword::MinLength);
            add(max_length.is_some(), Keyword::MaxLength);
            add(pattern.is_some(), Keyword::Pattern);
            add(content_media_type.is_some(), Keyword::ContentMediaType);
            add(!prefix_items.is_empty(), Keyword::PrefixItems);
            add(contains.is_some(), Keyword::Contains);
            add(min_contains.is_some(), Keyword::MinContains);
            add(max_contains.is_some(), Keyword::MaxContains);
            add(min_items.is_some(), Keyword::MinItems);
            add(max_items.is_some(), Keyword::MaxItems);
            add(*unique_items, Keyword::UniqueItems);
            add(unevaluated_items.is_some(), Keyword::UnevaluatedItems);
            add(!pattern_properties.is_empty(), Keyword::PatternProperties);
            add(property_names.is_some(), Keyword::PropertyNames);
            add(min_properties.is_some(), Keyword::MinProperties);
            add(max_properties.is_some(), Keyword::MaxProperties);
            add(!dependent_required.is_empty(), Keyword::DependentRequired);
            add(!dependent_schemas.is_empty(), Keyword::DependentSchemas);
            add(unevaluated_properties.is_some(), Keyword::UnevaluatedProperties);
            add(not.is_some(), Keyword::Not);
            add(if_then_else[0].is_some(), Keyword::If);
            add(if_then_else[1].is_some(), Keyword::Then);
            add(if_then_else[2].is_some(), Keyword::Else);
            add(dynamic_ref.is_some(), Keyword::DynamicRef);
            add(!dynamic_anchors.is_empty(), Keyword::DynamicAnchors);
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model of a sample document, and its schema `Sample`.
    fn sample(schema: &Value) -> (crate::ir::Api, SchemaId) {
        let loaded = crate::Loader::new().load_str("sample.json", &Keyword::sample_document(schema));
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        let api = loaded.api.expect("the sample loads");
        let id = api.components["Sample"];
        (api, id)
    }

    /// The keywords of a schema and of every schema it holds.
    fn keywords_within(api: &crate::ir::Api, id: SchemaId) -> Vec<Keyword> {
        let mut out = Vec::new();
        let (mut todo, mut seen) = (vec![id], std::collections::HashSet::new());
        while let Some(id) = todo.pop() {
            if seen.insert(id) {
                let schema = api.schemas.get(id);
                out.extend(schema.keywords());
                todo.extend(schema.children().into_iter().map(|(_, child)| child));
            }
        }
        out
    }

    /// Each keyword's samples, read as an OpenAPI 3.1 document would: the
    /// schema with it has it, the one without does not. The name table, the
    /// samples and the reader agree.
    #[test]
    fn every_keyword_is_read_from_its_name() {
        for keyword in Keyword::ALL {
            let (with, without) = keyword.samples();
            let (api, id) = sample(&with);
            assert!(keywords_within(&api, id).contains(&keyword), "{keyword:?}: {with}");
            let (api, id) = sample(&without);
            assert!(!keywords_within(&api, id).contains(&keyword), "{keyword:?}: {without}");
        }
        let names: std::collections::HashSet<&str> = Keyword::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names.len(), Keyword::ALL.len(), "every keyword has a name of its own");
    }

    #[test]
    fn children_name_the_keyword_that_holds_them() {
        let (api, id) = sample(&json!({"items": {}, "not": {}, "dependentSchemas": {"a": {}}, "if": {}, "else": {}}));
        let mut schema = api.schemas.get(id).clone();
        let keywords: Vec<Keyword> = schema.children().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keywords, [Keyword::Items, Keyword::Not, Keyword::If, Keyword::Else, Keyword::DependentSchemas]);
        for (_, id) in schema.children_mut() {
            *id = SchemaId(0);
        }
        assert!(schema.children().iter().all(|(_, id)| *id == SchemaId(0)));
    }

    /// Draft 4's `dependencies` holds lists or schemas; draft 3's string
    /// form is warned about and left out, not an error that stops generation.
    #[test]
    fn dependencies_of_every_draft_are_read() {
        let schema = json!({"dependencies": {"card": ["cvc"], "vat": {"required": ["country"]}, "old": "new"}});
        let loaded = crate::Loader::new().load_str("sample.json", &Keyword::sample_document(&schema));
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
        assert_eq!(loaded.warnings().count(), 1, "{:?}", loaded.diagnostics);
        let api = loaded.api.expect("the sample loads");
        let c = api.schemas.get(api.components["Sample"]).constraints();
        assert_eq!(c.dependent_required.keys().collect::<Vec<_>>(), ["card"]);
        assert_eq!(c.dependent_schemas.keys().collect::<Vec<_>>(), ["vat"]);
    }

    /// A keyword JSON Schema defines and the model does not keep is warned
    /// about where it is written.
    #[test]
    fn unsupported_keywords_are_warned_about() {
        let loaded = crate::Loader::new()
            .load_str("sample.json", &Keyword::sample_document(&json!({"$recursiveRef": "#", "summary": "kept"})));
        let warnings: Vec<String> =
            loaded.warnings().map(|d| format!("{} {}", d.location.pointer, d.message)).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("/components/schemas/Sample/$recursiveRef `$recursiveRef`"), "{warnings:?}");
    }
}
