//! `#[derive(Deserialize)]`: structs read as maps, enums of strings.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, LitStr};

use crate::attrs;

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(&input.generics, "specwright's Deserialize takes types without generics"));
    }
    attrs::parse(&input.attrs, &[])?;
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => expand_struct(input, fields),
            _ => Err(syn::Error::new_spanned(&input.ident, "specwright's Deserialize takes structs with named fields")),
        },
        Data::Enum(data) => expand_enum(input, data),
        Data::Union(_) => Err(syn::Error::new_spanned(&input.ident, "specwright's Deserialize does not take unions")),
    }
}

/// One visitor whose `visit_map` matches each key against the field names.
fn expand_struct(input: &DeriveInput, fields: &syn::FieldsNamed) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let rt = quote!(::specwright_runtime::__derive);
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut inits = Vec::new();
    let mut keys = Vec::new();
    for (i, field) in fields.named.iter().enumerate() {
        let serde = attrs::parse(&field.attrs, &["rename", "default", "skip_serializing_if"])?;
        let ident = field.ident.as_ref().expect("named fields have names");
        let ty = &field.ty;
        let key = serde.rename.unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_string());
        let slot = format_ident!("__field{}", i);
        slots.push(quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;));
        arms.push(quote!(#key => #rt::field(&mut map, &mut #slot, #key)?,));
        inits.push(if serde.default {
            quote!(#ident: #slot.unwrap_or_default(),)
        } else {
            quote!(#ident: match #slot {
                ::core::option::Option::Some(value) => value,
                ::core::option::Option::None => #rt::missing(#key)?,
            },)
        });
        keys.push(key);
    }
    // Generic parameters and the visitor are named `__D`, `__A` and
    // `__Visitor`: a generated type may be called `D`, `A` or `Visitor`.
    let expecting = format!("struct {name}");
    let type_name = name.to_string();
    Ok(quote! {
        impl<'de> #rt::serde::Deserialize<'de> for #name {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> #rt::serde::de::Visitor<'de> for __Visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A: #rt::serde::de::MapAccess<'de>>(self, mut map: __A) -> ::core::result::Result<#name, __A::Error> {
                        #(#slots)*
                        while let ::core::option::Option::Some(key) = map.next_key::<#rt::Key<'de>>()? {
                            match key.as_str() {
                                #(#arms)*
                                _ => #rt::skip(&mut map)?,
                            }
                        }
                        ::core::result::Result::Ok(#name { #(#inits)* })
                    }
                }
                deserializer.deserialize_struct(#type_name, &[#(#keys),*], __Visitor)
            }
        }
    })
}

/// Unit variants matched by their string; the `untagged` variant keeps any other.
fn expand_enum(input: &DeriveInput, data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let name = &input.ident;
    let rt = quote!(::specwright_runtime::__derive);
    let mut arms = Vec::new();
    let mut values = Vec::new();
    let mut other = None;
    for variant in &data.variants {
        let serde = attrs::parse(&variant.attrs, &["rename", "untagged"])?;
        let ident = &variant.ident;
        match (&variant.fields, serde.untagged) {
            (Fields::Unit, false) => {
                let value = LitStr::new(&serde.rename.unwrap_or_else(|| ident.to_string()), ident.span());
                arms.push(quote!(#value => #name::#ident,));
                values.push(value);
            }
            (Fields::Unnamed(f), true) if f.unnamed.len() == 1 && other.is_none() => other = Some(ident),
            _ => return Err(syn::Error::new_spanned(
                variant,
                "specwright's Deserialize takes unit variants and one `#[serde(untagged)]` variant holding a String",
            )),
        }
    }
    let fallback = match other {
        Some(other) => quote!(_ => #name::#other(key.into_string()),),
        None => {
            quote!(other => return ::core::result::Result::Err(
                <__D::Error as #rt::serde::de::Error>::unknown_variant(other, &[#(#values),*])
            ),)
        }
    };
    Ok(quote! {
        impl<'de> #rt::serde::Deserialize<'de> for #name {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                let key = <#rt::Key<'de> as #rt::serde::Deserialize>::deserialize(deserializer)?;
                ::core::result::Result::Ok(match key.as_str() {
                    #(#arms)*
                    #fallback
                })
            }
        }
    })
}

#[cfg(test)]
mod tests {
    fn error(source: &str) -> String {
        let input: syn::DeriveInput = syn::parse_str(source).unwrap();
        super::expand(&input).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn refuses_what_it_would_get_wrong() {
        let flatten = error("struct A { #[serde(flatten)] rest: Map }");
        assert!(flatten.contains("do not support `flatten` here"), "{flatten}");
        assert!(error("#[serde(transparent)] struct A(u8);").contains("`transparent`"));
        assert!(error("struct A(u8);").contains("named fields"));
        assert!(error("struct A<T> { t: T }").contains("without generics"));
        assert!(error("enum E { A(u8) }").contains("unit variants"));
        assert!(
            error("enum E { #[serde(untagged)] A(String), #[serde(untagged)] B(String) }").contains("unit variants")
        );
        assert_eq!(error("struct A { #[serde(rename = \"a-b\", default)] a: Option<u8> }"), "");
    }
}
