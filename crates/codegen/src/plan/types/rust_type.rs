//! The Rust types a spec may name for its schemas (`x-rust-type`), where
//! the settings allow it: plain paths only, since a type is code in the
//! user's crate and a spec is someone else's text.

/// A type that a spec's `x-rust-type` may name: a path whose generic
/// arguments are such types themselves (`crate::Sku`,
/// `std::collections::BTreeMap<String, my::Id>`), an array of one with a
/// literal length, or a tuple of them. Anything that can
/// hold code (a const block in an array length or a const argument, a macro,
/// `impl`/`dyn` bounds, a function pointer) is refused, as is a path with a
/// `self` type (`<T as Trait>::X`).
pub(crate) fn spec_type(written: &str) -> Result<String, String> {
    // syn parses types by recursion: a long enough nesting would overflow
    // the stack before any check. Real type paths are short.
    const MAX_LEN: usize = 256;
    if written.len() > MAX_LEN {
        return Err(format!("`x-rust-type` is longer than {MAX_LEN} characters"));
    }
    let ty = syn::parse_str::<syn::Type>(written).map_err(|_| format!("`{written}` is not a Rust type"))?;
    plain(&ty).map_err(|what| format!("`{written}` is not a plain type path ({what} is not allowed from a spec)"))?;
    Ok(written.to_string())
}

fn plain(ty: &syn::Type) -> Result<(), &'static str> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            p.path.segments.iter().try_for_each(|segment| match &segment.arguments {
                syn::PathArguments::None => Ok(()),
                syn::PathArguments::AngleBracketed(args) => args.args.iter().try_for_each(|arg| match arg {
                    syn::GenericArgument::Type(t) => plain(t),
                    _ => Err("a generic argument other than a type"),
                }),
                syn::PathArguments::Parenthesized(_) => Err("a function trait"),
            })
        }
        syn::Type::Array(a) => match &a.len {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(_), attrs }) if attrs.is_empty() => plain(&a.elem),
            _ => Err("an array length other than a number"),
        },
        syn::Type::Tuple(t) => t.elems.iter().try_for_each(plain),
        syn::Type::Paren(t) => plain(&t.elem),
        syn::Type::Path(_) => Err("a qualified path"),
        syn::Type::Macro(_) => Err("a macro"),
        syn::Type::ImplTrait(_) | syn::Type::TraitObject(_) => Err("a trait bound"),
        syn::Type::BareFn(_) => Err("a function pointer"),
        _ => Err("this kind of type"),
    }
}

#[cfg(test)]
mod tests {
    use super::spec_type;

    #[test]
    fn plain_paths_are_allowed() {
        for ok in
            ["crate::Sku", "::my::Id", "std::collections::BTreeMap<String, Vec<my::Id>>", "[u8; 16]", "(u8, my::A)"]
        {
            assert_eq!(spec_type(ok).as_deref(), Ok(ok));
        }
    }

    /// A const block in an array length can hold items, such as a static in
    /// `.init_array` that runs before `main` in any binary linking the crate.
    #[test]
    fn anything_that_can_hold_code_is_refused() {
        let hostile = [
            "[u8; { #[used] #[link_section = \".init_array\"] static X: extern \"C\" fn() = { extern \"C\" fn f() {} f }; 1 }]",
            "[u8; N]",
            "Vec<[u8; {1}]>",
            "my::Array<{ 1 + 1 }>",
            "my::Array<3>",
            "include!(\"/etc/passwd\")",
            "impl Fn()",
            "Box<dyn Fn()>",
            "fn() -> u8",
            "<T as Trait>::X",
            "&'static str",
            "*const u8",
        ];
        for bad in hostile {
            assert!(spec_type(bad).is_err(), "{bad} was allowed");
        }
        let deep = format!("{}u8{}", "Vec<".repeat(10_000), ">".repeat(10_000));
        assert!(spec_type(&deep).is_err());
    }
}
