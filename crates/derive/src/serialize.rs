//! `#[derive(Serialize)]`: structs written as maps, enums of strings.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

use crate::attrs;

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(&input.generics, "specwright's Serialize takes types without generics"));
    }
    attrs::parse(&input.attrs, &[])?;
    let name = &input.ident;
    let rt = quote!(::specwright_runtime::__derive);
    let body = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => struct_body(name, fields)?,
            _ => return Err(syn::Error::new_spanned(name, "specwright's Serialize takes structs with named fields")),
        },
        Data::Enum(data) => enum_body(data)?,
        Data::Union(_) => return Err(syn::Error::new_spanned(name, "specwright's Serialize does not take unions")),
    };
    Ok(quote! {
        impl #rt::serde::Serialize for #name {
            fn serialize<__S: #rt::serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                #body
            }
        }
    })
}

/// A field with `skip_serializing_if` is left out, and out of the count.
fn struct_body(name: &syn::Ident, fields: &syn::FieldsNamed) -> syn::Result<TokenStream> {
    let rt = quote!(::specwright_runtime::__derive);
    let mut skipped = Vec::new();
    let mut writes = Vec::new();
    for field in &fields.named {
        let serde = attrs::parse(&field.attrs, &["rename", "default", "skip_serializing_if"])?;
        let ident = field.ident.as_ref().expect("named fields have names");
        let key = serde.rename.unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_string());
        writes.push(match &serde.skip_if {
            Some(skip) => quote!(if !#skip(&self.#ident) { state.serialize_field(#key, &self.#ident)?; }),
            None => quote!(state.serialize_field(#key, &self.#ident)?;),
        });
        if let Some(skip) = serde.skip_if {
            skipped.push(quote!(- #skip(&self.#ident) as usize));
        }
    }
    let count = fields.named.len();
    let type_name = name.to_string();
    Ok(quote! {
        use #rt::serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct(#type_name, #count #(#skipped)*)?;
        #(#writes)*
        state.end()
    })
}

/// Each variant as its string; the `untagged` variant as the string it holds.
fn enum_body(data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let mut arms = Vec::new();
    for variant in &data.variants {
        let serde = attrs::parse(&variant.attrs, &["rename", "untagged"])?;
        let ident = &variant.ident;
        arms.push(match (&variant.fields, serde.untagged) {
            (Fields::Unit, false) => {
                let value = serde.rename.unwrap_or_else(|| ident.to_string());
                quote!(Self::#ident => #value,)
            }
            (Fields::Unnamed(f), true) if f.unnamed.len() == 1 => quote!(Self::#ident(value) => value,),
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "specwright's Serialize takes unit variants and one `#[serde(untagged)]` variant holding a String",
                ))
            }
        });
    }
    Ok(quote! {
        let value: &str = match self {
            #(#arms)*
        };
        serializer.serialize_str(value)
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
        assert!(error("struct A { #[serde(flatten)] rest: Map }").contains("do not support `flatten` here"));
        assert!(error("struct A(u8);").contains("named fields"));
        assert!(error("enum E { A { x: u8 } }").contains("unit variants"));
        assert_eq!(
            error("struct A { #[serde(rename = \"a-b\", skip_serializing_if = \"Option::is_none\")] a: Option<u8> }"),
            ""
        );
    }
}
