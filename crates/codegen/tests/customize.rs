//! What settings change in generated types: types of one's own (by the
//! settings or by `x-rust-type`), extra derives and attributes by name
//! pattern, when `JsonSchema` is derived, and generating only what the kept
//! operations use.

use specwright_codegen::{CrateOptions, Layout, Schemars, TypeAttributes};
use specwright_spec::Loader;

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /items:
    get:
      operationId: listItems
      tags: [items]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
  /audit:
    get:
      operationId: audit
      tags: [admin]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/AuditLog'}
components:
  schemas:
    Item:
      type: object
      required: [price, sku]
      properties:
        sku: {type: string, x-rust-type: 'crate::Sku'}
        price: {$ref: '#/components/schemas/Money'}
    Money:
      type: object
      properties:
        cents: {type: integer}
    AuditLog:
      type: object
      properties:
        entries: {type: array, items: {type: string}}
    Broken:
      type: string
      x-rust-type: 'not a type'
"##;

fn generate(options: &CrateOptions) -> (String, Vec<String>) {
    let loaded = Loader::new().load_str("shop.yaml", SPEC);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let api = loaded.api.unwrap();
    let (api, _) = specwright_codegen::select::select(&api, &Default::default());
    let generated = specwright_codegen::generate(&api, options);
    let text = generated.files.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join("\n");
    let errors = generated
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.location.pointer, d))
        .collect();
    (text, errors)
}

fn options() -> CrateOptions {
    CrateOptions { client: true, ..CrateOptions::default() }
}

#[test]
fn a_replaced_schema_is_an_alias_of_ones_own_type() {
    let mut options = options();
    options.replace.insert("Money".into(), "rust_decimal::Decimal".into());
    options.spec_rust_types = true;
    let (text, errors) = generate(&options);
    assert!(text.contains("pub type Money = rust_decimal::Decimal;"), "{text}");
    assert!(!text.contains("pub struct Money"));
    assert!(text.contains("pub price: Money"), "uses keep the schema's name");
    // An unnamed schema with `x-rust-type` is the type where it is used.
    assert!(text.contains("pub sku: crate::Sku"), "{text}");
    // One that is not a Rust type is an error where it is written, and generated as usual.
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("/components/schemas/Broken:") && errors[0].contains("not a Rust type"));
    assert!(text.contains("pub type Broken = ::std::string::String;"));
}

/// A spec from elsewhere chooses no type in one's crate unless the settings
/// allow it; allowed, it may name only a plain path, never code.
#[test]
fn x_rust_type_is_honoured_only_when_allowed_and_only_as_a_path() {
    let (text, errors) = generate(&options());
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!text.contains("crate::Sku"), "{text}");
    assert!(text.contains("pub sku: ::std::string::String"), "{text}");

    let hostile = SPEC.replace(
        "'crate::Sku'",
        r#""[u8; { #[used] #[link_section = \".init_array\"] static X: extern \"C\" fn() = { extern \"C\" fn f() {} f }; 1 }]""#,
    );
    let loaded = Loader::new().load_str("shop.yaml", &hostile);
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let api = loaded.api.unwrap();
    let generated = specwright_codegen::generate(&api, &CrateOptions { spec_rust_types: true, ..options() });
    let text = generated.files.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join("\n");
    assert!(!text.contains("init_array"), "{text}");
    let refused: Vec<String> = generated.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(refused.iter().any(|e| e.contains("not a plain type path")), "{refused:?}");
}

#[test]
fn derives_and_attributes_go_on_the_types_that_match() {
    let mut options = options();
    options.type_attributes.push(TypeAttributes {
        pattern: "Audit*".into(),
        derive: vec!["Eq".into(), "Hash".into()],
        attributes: vec!["#[serde(deny_unknown_fields)]".into()],
    });
    let (text, _) = generate(&options);
    let audit =
        &text[text.find("pub struct AuditLog").unwrap().saturating_sub(400)..text.find("pub struct AuditLog").unwrap()];
    assert!(audit.contains("#[derive(Eq, Hash)]") && audit.contains("#[serde(deny_unknown_fields)]"), "{audit}");
    let item = &text[text.find("pub struct Item").unwrap().saturating_sub(400)..text.find("pub struct Item").unwrap()];
    assert!(!item.contains("Hash") && !item.contains("deny_unknown_fields"), "{item}");
}

#[test]
fn json_schema_derives_follow_the_setting() {
    let (feature, _) = generate(&options());
    assert!(feature.contains(r#"cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))"#));
    let (never, _) = generate(&CrateOptions { schemars: Schemars::Never, ..options() });
    assert!(
        !never.contains(r#"feature = "schemars""#) && never.contains("cfg_attr(any(), derive(::schemars::JsonSchema))")
    );
    let (always, _) = generate(&CrateOptions { schemars: Schemars::Always, ..options() });
    assert!(always.contains("cfg_attr(all(), derive(::schemars::JsonSchema))"));
}

#[test]
fn filtered_operations_bring_only_the_types_they_use() {
    let loaded = Loader::new().load_str("shop.yaml", SPEC);
    let api = loaded.api.unwrap();
    let filter = specwright_codegen::select::Filter {
        include: specwright_codegen::select::Names { tags: vec!["items".into()], ..Default::default() },
        ..Default::default()
    };
    let (api, unmatched) = specwright_codegen::select::select(&api, &filter);
    assert!(unmatched.is_empty());
    let options = CrateOptions { only_used_types: true, layout: Layout::Module, ..options() };
    let generated = specwright_codegen::generate(&api, &options);
    assert_eq!(generated.files.len(), 1, "a module layout is one file");
    let text = &generated.files[0].1;
    assert!(text.contains("pub struct Item") && text.contains("pub struct Money"));
    assert!(!text.contains("AuditLog") && !text.contains("fn audit"), "the admin operation and its types are left out");
}

#[test]
fn a_module_layout_is_one_file_at_the_visibility_asked_for() {
    let options = CrateOptions {
        layout: Layout::Module,
        visibility: specwright_codegen::Visibility::Crate,
        name: Some("shop-api".into()),
        ..options()
    };
    let (text, _) = generate(&options);
    assert!(text.contains("pub(crate) mod types {") && text.contains("pub(crate) mod client {"), "{text}");
    let loaded = Loader::new().load_str("shop.yaml", SPEC);
    let generated = specwright_codegen::generate(loaded.api.as_ref().unwrap(), &options);
    assert_eq!(generated.files[0].0, std::path::PathBuf::from("shop_api.rs"));
}
