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
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let ends_item = !line.starts_with(char::is_whitespace) && (line == "}" || line.ends_with(';') || line == ")]");
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
    }
}
