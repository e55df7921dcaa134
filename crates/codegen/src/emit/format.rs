//! Printing generated items the way a person would lay them out.

use syn::visit_mut::VisitMut;

/// A generated file from its tokens, laid out.
pub fn tokens(file: proc_macro2::TokenStream) -> String {
    let mut syntax: syn::File = syn::parse2(file).expect("generated items are valid Rust");
    SafeDocs.visit_file_mut(&mut syntax);
    unparse(&syntax)
}

/// Makes the text of every doc attribute safe, wherever it came from (a
/// description, or an operation id or a path in a sentence of ours):
/// - to print as a comment: `prettyplease` prints `#[doc = "..."]` as `///`
///   or `/** */` comments, and rustc refuses a bare carriage return in one;
///   a NUL or an escape sequence has no place in a source file either;
/// - to document: rustdoc compiles and runs code blocks as doctests, so no
///   line may open one (see [`doc_line`]).
struct SafeDocs;

impl VisitMut for SafeDocs {
    fn visit_attribute_mut(&mut self, attr: &mut syn::Attribute) {
        let syn::Meta::NameValue(meta) = &mut attr.meta else { return };
        if !meta.path.is_ident("doc") {
            return;
        }
        if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(text), .. }) = &mut meta.value {
            let value = text.value();
            // Every line starts with the space a `///` line has, so rustdoc's
            // common indent is at least one and an indent of four after it is
            // never a code block (see `doc_line`).
            let safe_text = comment_text(&value);
            let lines = safe_text.split('\n').map(|line| {
                if line.is_empty() || line.starts_with(' ') {
                    doc_line(line)
                } else {
                    doc_line(&format!(" {line}"))
                }
            });
            let safe = lines.collect::<Vec<_>>().join("\n");
            if safe != value {
                *text = syn::LitStr::new(&safe, text.span());
            }
        }
    }
}

/// A doc line that opens no code block. Markdown opens one with a fence (a
/// run of three backticks or tildes, also inside a quote or a list item) or
/// with an indent of four spaces (also after a quote's `>` or a list
/// marker): runs of three become escaped characters, and runs of spaces
/// that could be an indent are cut to one. The space every doc line starts
/// with, and up to three more, stay, so lists keep their nesting.
pub(crate) fn doc_line(line: &str) -> String {
    let line = line.replace('\t', " ");
    let indent = (line.len() - line.trim_start_matches(' ').len()).min(4);
    let mut out = String::with_capacity(line.len() + 8);
    out.push_str(&line[..indent]);
    let rest = line.trim_start_matches(' ');
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        match c {
            '`' | '~' if run >= 3 => (0..run).for_each(|_| {
                out.push('\\');
                out.push(c);
            }),
            ' ' if run >= 2 => out.push(' '),
            _ => (0..run).for_each(|_| out.push(c)),
        }
        i += run;
    }
    out
}

fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Text that may stand in a doc comment: line breaks as `\n`, other control
/// characters as U+FFFD.
pub(crate) fn comment_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.chars()
        .map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            c if needs_replacing(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
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
        // A comment is never an item's end, whatever it ends with (`&gt;`).
        let code = !line.starts_with(char::is_whitespace) && !line.starts_with("//");
        let ends_item = code && (line == "}" || line.ends_with(';') || closes_inner);
        let next_starts_item = lines.peek().is_some_and(|n| !n.is_empty() && !n.starts_with(char::is_whitespace));
        if ends_item && next_starts_item {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// A doc attribute holding any text prints as Rust that parses back to
    /// the same items, with no character rustc refuses in a comment.
    #[test]
    fn doc_text_of_any_kind_prints_as_a_comment_that_compiles() {
        for text in [
            " a\rb",
            " a\r\nb",
            " nul\0x",
            " esc\u{1b}[2J",
            " sep\u{2028}x\u{2029}y",
            " */ #[cfg(any())]",
            " a\n*/\nb",
            " x\n```\nfn main() {}\n```",
        ] {
            let tokens = quote::quote!(#[doc = #text] pub struct A;);
            let printed = super::tokens(tokens);
            assert!(!printed.contains('\r') && !printed.contains('\0') && !printed.contains('\u{1b}'), "{printed:?}");
            let file: syn::File = syn::parse_str(&printed).unwrap_or_else(|e| panic!("{e}: {printed}"));
            assert_eq!(file.items.len(), 1, "{printed}");
            // rustdoc takes away the indent the lines share: none may then
            // start with four spaces, which would be a code block.
            let syn::Item::Struct(item) = &file.items[0] else { panic!("{printed}") };
            let docs: Vec<String> = item
                .attrs
                .iter()
                .filter_map(|a| match &a.meta {
                    syn::Meta::NameValue(m) => match &m.value {
                        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            let lines: Vec<&str> = docs.iter().flat_map(|d| d.split('\n')).filter(|l| !l.trim().is_empty()).collect();
            let common = lines.iter().map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
            assert!(lines.iter().all(|l| !l[common..].starts_with("    ")), "{lines:?}");
        }
    }

    /// No doc line opens a code block, which rustdoc would compile and run.
    #[test]
    fn doc_lines_open_no_code_block() {
        use super::doc_line;
        assert_eq!(doc_line(" ```rust"), " \\`\\`\\`rust");
        assert_eq!(doc_line(" > ~~~"), " > \\~\\~\\~");
        assert_eq!(doc_line(" -     code()"), " - code()");
        assert_eq!(doc_line(" >     code()"), " > code()");
        assert_eq!(doc_line("         deep"), "    deep");
        assert_eq!(doc_line("    - nested item"), "    - nested item");
        assert_eq!(doc_line(" `code` and ``two``"), " `code` and ``two``");
    }

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
        let file: syn::File = syn::parse_str("/// a &lt;b&gt;\n/// c\nstruct D;").unwrap();
        assert_eq!(
            super::unparse(&file),
            "/// a &lt;b&gt;\n/// c\nstruct D;\n",
            "a doc line ending in `;` ends no item"
        );
    }
}
