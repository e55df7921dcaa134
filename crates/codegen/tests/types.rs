//! How schemas become Rust types: names, shapes, recursion, unions.

use specwright_codegen::generate_types;
use specwright_codegen::plan::types::{DefKind, Planner, Ty, TypePlan};
use specwright_spec::Loader;

fn plan(components: &str) -> TypePlan {
    let text = format!("openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n{components}");
    let loaded = Loader::new().load_str("api.yaml", &text);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let api = loaded.api.unwrap();
    let mut planner = Planner::new(&api);
    planner.add_components();
    planner.add_usage_types();
    planner.finish()
}

fn def<'a>(plan: &'a TypePlan, name: &str) -> &'a DefKind {
    &plan.defs.iter().find(|d| d.name == name).unwrap_or_else(|| panic!("no type {name}")).kind
}

fn field_ty<'a>(plan: &'a TypePlan, ty: &str, field: &str) -> &'a Ty {
    match def(plan, ty) {
        DefKind::Struct(s) => &s.fields.iter().find(|f| f.name == field).unwrap().ty,
        other => panic!("{ty} is {other:?}"),
    }
}

fn name_of(plan: &TypePlan, ty: &Ty) -> String {
    match ty {
        Ty::Named(d) => plan.defs[d.0].name.clone(),
        Ty::Vec(t) | Ty::Option(t) | Ty::Boxed(t) | Ty::Nullable(t) => name_of(plan, t),
        other => format!("{other:?}"),
    }
}

#[test]
fn inline_schemas_are_named_from_their_context() {
    let p = plan("    CreateOrderRequest:\n      type: object\n      properties:\n        items:\n          type: array\n          items:\n            type: object\n            properties:\n              sku: {type: string}\n");
    let items = field_ty(&p, "CreateOrderRequest", "items");
    assert_eq!(name_of(&p, items), "CreateOrderRequestItemsItem");
}

#[test]
fn all_of_parts_merge_into_one_struct() {
    let p = plan("    Base:\n      type: object\n      required: [id]\n      properties:\n        id: {type: string}\n    Cat:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - type: object\n          required: [lives]\n          properties:\n            lives: {type: integer, format: int32}\n");
    let DefKind::Struct(cat) = def(&p, "Cat") else { panic!() };
    let fields: Vec<(&str, &Ty)> = cat.fields.iter().map(|f| (f.name.as_str(), &f.ty)).collect();
    assert_eq!(fields, [("id", &Ty::String), ("lives", &Ty::I32)]);
}

#[test]
fn recursion_is_boxed_only_where_needed() {
    let p = plan("    Node:\n      type: object\n      properties:\n        parent: {$ref: '#/components/schemas/Node'}\n        children:\n          type: array\n          items: {$ref: '#/components/schemas/Node'}\n    Tree:\n      type: array\n      items: {$ref: '#/components/schemas/Tree'}\n");
    assert!(matches!(field_ty(&p, "Node", "parent"), Ty::Option(inner) if matches!(**inner, Ty::Boxed(_))));
    assert!(matches!(field_ty(&p, "Node", "children"), Ty::Option(inner) if matches!(**inner, Ty::Vec(_))));
    // An alias can't refer to itself; a newtype can.
    assert!(matches!(def(&p, "Tree"), DefKind::Alias { newtype: true, .. }));
}

#[test]
fn discriminators_make_tagged_unions() {
    let p = plan("    Pet:\n      oneOf:\n        - $ref: '#/components/schemas/Cat'\n        - $ref: '#/components/schemas/Dog'\n      discriminator: {propertyName: kind}\n    Cat: {type: object, properties: {kind: {type: string}}}\n    Dog: {type: object, properties: {kind: {const: doggo}}}\n");
    let DefKind::Tagged { property, variants } = def(&p, "Pet") else { panic!("{:?}", def(&p, "Pet")) };
    assert_eq!(property, "kind");
    let tags: Vec<(&str, &[String])> = variants.iter().map(|v| (v.name.as_str(), v.tags.as_slice())).collect();
    assert_eq!(tags, [("Cat", &["Cat".to_string()][..]), ("Dog", &["Dog".to_string()][..])]);
    assert!(variants.iter().all(|v| v.has_property));
}

#[test]
fn untagged_unions_try_the_narrowest_first() {
    let p = plan("    Mixed:\n      oneOf:\n        - type: string\n        - type: integer\n        - {type: object, required: [a], properties: {a: {type: string}}}\n        - type: 'null'\n");
    let DefKind::Untagged(variants) = def(&p, "Mixed") else { panic!() };
    let order: Vec<&str> = variants.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(order, ["Mixed3", "Integer", "String"]);
}

#[test]
fn repeated_inline_shapes_share_a_type() {
    let item = "          type: object\n          properties:\n            x: {type: integer}\n";
    let p = plan(&format!(
        "    A:\n      type: object\n      properties:\n        p:\n{item}    B:\n      type: object\n      properties:\n        q:\n{item}"
    ));
    assert_eq!(name_of(&p, field_ty(&p, "A", "p")), "Ap");
    assert_eq!(name_of(&p, field_ty(&p, "B", "q")), "Ap");
}

#[test]
fn generated_module_compiles_to_valid_rust_and_names_its_crates() {
    let loaded = Loader::new().load_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs/orders.yaml")).unwrap();
    let module = generate_types(loaded.api.as_ref().unwrap());
    assert!(module.source.contains("pub struct CreateOrderRequest"));
    assert!(module.uses.uuid && module.uses.chrono && module.uses.runtime);
    assert!(!module.uses.decimal);
}

#[test]
fn not_gives_a_warning_and_a_looser_type() {
    let p = plan("    NotNull:\n      type: object\n      properties:\n        v:\n          type: string\n          not: {enum: ['']}\n");
    assert_eq!(field_ty(&p, "NotNull", "v"), &Ty::Option(Box::new(Ty::String)));
    assert_eq!(p.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), ["schema-not"]);
}

#[test]
fn a_property_every_branch_fixes_tags_the_union() {
    let p = plan("    Shape:\n      oneOf:\n        - {type: object, properties: {type: {const: circle}, r: {type: number}}}\n        - {type: object, properties: {type: {enum: [square]}, side: {type: number}}}\n");
    let DefKind::Tagged { property, variants } = def(&p, "Shape") else { panic!("{:?}", def(&p, "Shape")) };
    assert_eq!(property, "type");
    let tags: Vec<&str> = variants.iter().map(|v| v.tags[0].as_str()).collect();
    assert_eq!(tags, ["circle", "square"]);
}
