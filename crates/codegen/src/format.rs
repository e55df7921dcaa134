//! Printing generated items the way a person would lay them out.

/// A generated file from its tokens, laid out.
pub fn tokens(file: proc_macro2::TokenStream) -> String {
    let syntax: syn::File = syn::parse2(file).expect("generated items are valid Rust");
    unparse(&syntax)
}

/// `prettyplease` output, with a blank line between top-level items.
pub fn unparse(file: &syn::File) -> String {
    let text = prettyplease::unparse(file);
    let mut out = String::with_capacity(text.len() + text.len() / 20);
    let mut lines = text.lines().peekable();
    // An inner attribute laid over several lines ends its own item; an
    // outer one belongs to the item after it.
    let mut in_inner_attribute = false;
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("#![") {
            in_inner_attribute = !line.ends_with(']');
        }
        let closes_inner = line == ")]" && std::mem::take(&mut in_inner_attribute);
        let ends_item = !line.starts_with(char::is_whitespace) && (line == "}" || line.ends_with(';') || closes_inner);
        let next_starts_item = lines.peek().is_some_and(|n| !n.is_empty() && !n.starts_with(char::is_whitespace));
        if ends_item && next_starts_item {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn items_are_separated_by_a_blank_line() {
        let file: syn::File = syn::parse_str("pub type A = u8; pub struct B { x: u8 } impl B {}").unwrap();
        assert_eq!(super::unparse(&file), "pub type A = u8;\n\npub struct B {\n    x: u8,\n}\n\nimpl B {}\n");
        let long = "a_long_attribute_value_that_wraps";
        let file: syn::File = syn::parse_str(&format!(
            "#![allow(clippy::{long}, clippy::{long}, clippy::{long})] #[event(name = \"{long}\", channel = \"{long}{long}{long}\")] struct C;"
        ))
        .unwrap();
        let text = super::unparse(&file);
        assert!(text.contains(")]\n\n#[event(") && text.contains(")]\nstruct C;"), "{text}");
    }
}
