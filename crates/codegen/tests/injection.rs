//! A spec is someone else's text: no value from it (nor from the settings)
//! may end a comment, a string or a line of a generated file and so become
//! code or configuration. Every template variable and every doc comment is
//! fed text built to break out of where it lands, in both layouts, and the
//! output must parse to exactly the items it would have held anyway.

use specwright_codegen::{generate, CrateOptions, Layout, RuntimeDep};
use specwright_spec::Loader;

/// Text that ends a line comment, a block comment, a string and a TOML
/// line in every way it can, then writes an item and an inner attribute.
const BREAKOUT: &str = "x\n#![doc = include_str!(\"/proc/self/environ\")]\nfn injected() {}\r\nfn injected_cr() {}\r*/ \" \\ \u{7f} \0 \u{2028}fn injected_ls() {}\u{2029}\u{1b}[2J";

fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

fn spec() -> String {
    let hostile = yaml_string(BREAKOUT);
    format!(
        r#"openapi: 3.1.0
info:
  title: {hostile}
  version: {hostile}
  summary: {hostile}
paths:
  /pets:
    get:
      operationId: listPets
      summary: {hostile}
      description: {hostile}
      parameters:
        - {{name: limit, in: query, description: {hostile}, schema: {{type: integer}}}}
      responses:
        '200':
          description: {hostile}
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Pet'}}
components:
  schemas:
    Pet:
      title: {hostile}
      description: {hostile}
      type: object
      properties:
        name: {{type: string, description: {hostile}, default: {hostile}}}
        kind: {{type: string, enum: [a, b], description: {hostile}}}
"#
    )
}

fn options(layout: Layout) -> CrateOptions {
    CrateOptions {
        client: true,
        server: true,
        layout,
        version: Some(BREAKOUT.to_string()),
        spec: BREAKOUT.to_string(),
        runtime: RuntimeDep::Path(BREAKOUT.into()),
        ..CrateOptions::default()
    }
}

fn files(layout: Layout, runtime: RuntimeDep) -> Vec<(std::path::PathBuf, String)> {
    let loaded = Loader::new().load_str("api.yaml", &spec());
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    let api = loaded.api.unwrap();
    assert_eq!(api.info.version, BREAKOUT, "the hostile text reaches the model whole");
    // In a module layout the name is the file's: the user's to choose, as a path is.
    let name = (layout == Layout::Crate).then(|| BREAKOUT.to_string());
    generate(&api, &CrateOptions { runtime, name, ..options(layout) }).files
}

/// Every Rust file parses, holds no injected item, and no attribute but docs
/// at its top; no character rustc refuses (a bare CR) is in a comment.
fn assert_only_generated_items(path: &std::path::Path, source: &str) {
    assert!(!source.contains('\r') && !source.contains('\0'), "{}", path.display());
    let file = syn::parse_file(source).unwrap_or_else(|e| panic!("{}: {e}\n{source}", path.display()));
    let mut functions = Vec::new();
    functions_in(&file.items, &mut functions);
    assert!(!functions.iter().any(|f| f.starts_with("injected")), "{}: an injected item: {source}", path.display());
    for attr in &file.attrs {
        // The generator's own: lints allowed, rustfmt told to leave the file alone.
        if attr.path().is_ident("allow") || attr.path().is_ident("cfg_attr") {
            continue;
        }
        assert!(attr.path().is_ident("doc"), "{}: an inner attribute: {}", path.display(), quote::quote!(#attr));
        let syn::Meta::NameValue(doc) = &attr.meta else { panic!("a doc attribute with a value") };
        assert!(
            matches!(&doc.value, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(_), .. })),
            "{}: a doc attribute computed at build time: {}",
            path.display(),
            quote::quote!(#attr)
        );
    }
}

/// The names of the free functions in these items and the modules among them.
fn functions_in(items: &[syn::Item], out: &mut Vec<String>) {
    for item in items {
        match item {
            syn::Item::Fn(f) => out.push(f.sig.ident.to_string()),
            syn::Item::Mod(m) => functions_in(m.content.as_ref().map_or(&[][..], |(_, items)| items), out),
            _ => {}
        }
    }
}

#[test]
fn no_template_variable_or_doc_comment_breaks_out_in_a_crate() {
    let git = RuntimeDep::Git { url: BREAKOUT.into(), rev: Some(BREAKOUT.into()) };
    for runtime in [RuntimeDep::Path(BREAKOUT.into()), RuntimeDep::Version(BREAKOUT.into()), git] {
        let files = files(Layout::Crate, runtime.clone());
        for (path, source) in &files {
            if path.extension().is_some_and(|e| e == "rs") {
                assert_only_generated_items(path, source);
            }
        }
        let manifest = &files.iter().find(|(p, _)| p.ends_with("Cargo.toml")).unwrap().1;
        let table: toml::Table = toml::from_str(manifest).unwrap_or_else(|e| panic!("{e}\n{manifest}"));
        let package = table["package"].as_table().unwrap();
        // Each value means what it says: itself, whole, and nothing more.
        assert_eq!(package["name"].as_str(), Some(BREAKOUT));
        assert_eq!(package["version"].as_str(), Some(BREAKOUT));
        assert_eq!(package["description"].as_str(), Some(BREAKOUT));
        let mut keys: Vec<&String> = table.keys().collect();
        keys.sort();
        assert_eq!(keys, ["dependencies", "features", "lib", "package"], "no table was added: {manifest}");
        let runtime_dep = table["dependencies"]["specwright-runtime"].as_table().unwrap();
        match runtime {
            RuntimeDep::Path(_) => assert_eq!(runtime_dep["path"].as_str(), Some(BREAKOUT)),
            RuntimeDep::Version(_) => assert_eq!(runtime_dep["version"].as_str(), Some(BREAKOUT)),
            RuntimeDep::Git { .. } => {
                assert_eq!(runtime_dep["git"].as_str(), Some(BREAKOUT));
                assert_eq!(runtime_dep["rev"].as_str(), Some(BREAKOUT));
            }
        }
        let lib = &files.iter().find(|(p, _)| p.ends_with("src/lib.rs")).unwrap().1;
        let items: Vec<String> =
            syn::parse_file(lib).unwrap().items.iter().map(|i| quote::quote!(#i).to_string()).collect();
        assert_eq!(
            items,
            [
                "pub mod client ;",
                "pub mod operations ;",
                "pub mod server ;",
                "pub mod types ;",
                "pub use client :: Client ;"
            ]
        );
    }
}

#[test]
fn no_template_variable_or_doc_comment_breaks_out_in_a_module() {
    let files = files(Layout::Module, RuntimeDep::default());
    assert_eq!(files.len(), 1);
    let (path, source) = &files[0];
    assert_only_generated_items(path, source);
    let file = syn::parse_file(source).unwrap();
    let top: Vec<String> = file
        .items
        .iter()
        .map(|item| match item {
            syn::Item::Mod(m) => m.ident.to_string(),
            syn::Item::Use(_) => "use".to_string(),
            other => panic!("an item that is not a module: {}", quote::quote!(#other)),
        })
        .collect();
    assert_eq!(top, ["client", "operations", "server", "types", "use"]);
}
