//! `#[derive(Event)]`: the runtime's `Event` trait from an `#[event(...)]`
//! attribute, checked where it is written.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput, Field, Fields, Ident, LitInt, LitStr};

/// What `#[event(...)]` says on the type.
struct Attribute {
    name: Option<LitStr>,
    channel: Option<LitStr>,
    key: Option<Ident>,
    id: Option<Ident>,
    version: Option<LitInt>,
}

const KEYS: &str = "`name`, `channel`, `key`, `id` and `version`";

fn parse(attrs: &[syn::Attribute]) -> syn::Result<Attribute> {
    let mut found = Attribute { name: None, channel: None, key: None, id: None, version: None };
    for attr in attrs.iter().filter(|a| a.path().is_ident("event")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let twice = || meta.error(format!("`{key}` is given twice"));
            match key.as_str() {
                "name" if found.name.is_some() => return Err(twice()),
                "channel" if found.channel.is_some() => return Err(twice()),
                "key" if found.key.is_some() => return Err(twice()),
                "id" if found.id.is_some() => return Err(twice()),
                "version" if found.version.is_some() => return Err(twice()),
                "name" => found.name = Some(meta.value()?.parse()?),
                "channel" => found.channel = Some(meta.value()?.parse()?),
                "key" => found.key = Some(meta.value()?.parse()?),
                "id" => found.id = Some(meta.value()?.parse()?),
                "version" => {
                    let value: syn::Lit = meta.value()?.parse()?;
                    let whole = || syn::Error::new(value.span(), "`version` is a whole number, such as `version = 1`");
                    let syn::Lit::Int(version) = &value else { return Err(whole()) };
                    version.base10_parse::<u32>().map_err(|_| whole())?;
                    found.version = Some(version.clone());
                }
                _ => return Err(meta.error(format!("unknown `event` attribute `{key}`; it takes {KEYS}"))),
            }
            Ok(())
        })?;
    }
    Ok(found)
}

pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let attribute = parse(&input.attrs)?;
    let Some(channel) = &attribute.channel else {
        return Err(syn::Error::new(
            Span::call_site(),
            "`#[derive(Event)]` needs `#[event(channel = \"...\")]`: the channel its events go to",
        ));
    };
    let fields: Vec<&Field> = match &input.data {
        Data::Struct(data) => {
            match &data.fields {
                Fields::Named(named) => named.named.iter().collect(),
                Fields::Unit => Vec::new(),
                Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => Vec::new(),
                Fields::Unnamed(_) => return Err(syn::Error::new(
                    input.ident.span(),
                    "`#[derive(Event)]` takes a struct with named fields, a newtype struct, a unit struct or an enum",
                )),
            }
        }
        Data::Enum(_) => Vec::new(),
        Data::Union(_) => return Err(syn::Error::new(input.ident.span(), "`#[derive(Event)]` does not take a union")),
    };
    let field = |ident: &Ident, role: &str| -> syn::Result<&Field> {
        fields.iter().copied().find(|f| f.ident.as_ref() == Some(ident)).ok_or_else(|| {
            let shape = if matches!(input.data, Data::Enum(_)) { "an enum has no fields" } else { "no such field" };
            syn::Error::new(ident.span(), format!("`{role} = {ident}`: {shape}; the {role} is one of the fields"))
        })
    };
    let ty = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    let name = attribute.name.clone().unwrap_or_else(|| LitStr::new(&ty.to_string(), ty.span()));
    let key = match &attribute.key {
        Some(ident) => Some(text_of(field(ident, "key")?, quote!(key))),
        None => None,
    };
    let id = match &attribute.id {
        Some(ident) => Some(text_of(field(ident, "id")?, quote!(id))),
        None => None,
    };
    let version = attribute
        .version
        .as_ref()
        .map(|v| quote!(const VERSION: ::core::option::Option<u32> = ::core::option::Option::Some(#v);));
    // A newtype wraps a payload (as generated code does), and an enum's
    // variants differ in their fields: neither fills a template's parameters,
    // which are given where it is published (`publish_to`).
    let fills = matches!(&input.data, Data::Struct(data) if matches!(data.fields, Fields::Named(_) | Fields::Unit));
    let channel_fn = if fills { channel_of(channel, &fields)? } else { None };
    let (name_fn, decode_fn) = match &input.data {
        Data::Enum(data) => (Some(variant_names(data)?), decode_by_name(data)),
        _ => (None, None),
    };
    Ok(quote! {
        impl #impl_generics ::specwright_runtime::events::Event for #ty #type_generics #where_clause {
            const NAME: &'static str = #name;
            const CHANNEL: &'static str = #channel;
            #version
            #channel_fn
            #name_fn
            #decode_fn
            #key
            #id
        }
    })
}

/// `fn key` or `fn id`: the field as text, `None` when it is an absent `Option`.
fn text_of(field: &Field, function: TokenStream) -> TokenStream {
    let ident = &field.ident;
    if is_option(&field.ty) {
        quote! {
            fn #function(&self) -> ::core::option::Option<::std::string::String> {
                self.#ident.as_ref().map(::std::string::ToString::to_string)
            }
        }
    } else {
        quote! {
            fn #function(&self) -> ::core::option::Option<::std::string::String> {
                ::core::option::Option::Some(::std::string::ToString::to_string(&self.#ident))
            }
        }
    }
}

fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path) if path.qself.is_none()
        && path.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// A template's `{param}`s are fields: `fn channel` fills them in. A
/// channel without any keeps the trait's own `fn channel`.
fn channel_of(channel: &LitStr, fields: &[&Field]) -> syn::Result<Option<TokenStream>> {
    let template = channel.value();
    let mut format = String::new();
    let mut arguments = Vec::new();
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            return Err(syn::Error::new(channel.span(), format!("`{template}`: a `{{` is not closed")));
        };
        format.push_str(&rest[..open].replace('}', "}}"));
        let parameter = &rest[open + 1..close];
        let found = fields.iter().find(|f| f.ident.as_ref().is_some_and(|i| i == parameter));
        let Some(field) = found else {
            return Err(syn::Error::new(
                channel.span(),
                format!("`{{{parameter}}}` in the channel is not a field; each parameter of the channel is one"),
            ));
        };
        format.push_str("{}");
        let ident = &field.ident;
        arguments.push(quote!(self.#ident));
        rest = &rest[close + 1..];
    }
    if arguments.is_empty() {
        return Ok(None);
    }
    format.push_str(&rest.replace('}', "}}"));
    let format = LitStr::new(&format, channel.span());
    Ok(Some(quote! {
        fn channel(&self) -> ::std::borrow::Cow<'static, str> {
            ::std::borrow::Cow::Owned(::std::format!(#format, #(#arguments),*))
        }
    }))
}

/// An enum's variants are messages of their own: `#[event(name = "...")]`
/// on a variant names it, else the variant's own name does.
fn variant_names(data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let mut arms = Vec::new();
    for variant in &data.variants {
        let mut name = LitStr::new(&variant.ident.to_string(), variant.ident.span());
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("event")) {
            attr.parse_nested_meta(|meta| {
                if !meta.path.is_ident("name") {
                    return Err(meta.error("a variant's `event` attribute takes only `name`"));
                }
                name = meta.value()?.parse()?;
                Ok(())
            })?;
        }
        let ident = &variant.ident;
        let pattern = match &variant.fields {
            Fields::Named(_) => quote!(Self::#ident { .. }),
            Fields::Unnamed(_) => quote!(Self::#ident(..)),
            Fields::Unit => quote!(Self::#ident),
        };
        arms.push(quote!(#pattern => #name,));
    }
    Ok(quote! {
        fn name(&self) -> &'static str {
            match self { #(#arms)* }
        }
    })
}

/// An enum whose variants each wrap one message is read by the name the
/// message arrived under, which the payload alone may not tell apart.
fn decode_by_name(data: &syn::DataEnum) -> Option<TokenStream> {
    let mut arms = Vec::new();
    for variant in &data.variants {
        let Fields::Unnamed(fields) = &variant.fields else { return None };
        if fields.unnamed.len() != 1 {
            return None;
        }
        let mut name = LitStr::new(&variant.ident.to_string(), variant.ident.span());
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("event")) {
            // Checked by `variant_names`, which runs first and reports it.
            let parsed = attr.parse_nested_meta(|meta| {
                name = meta.value()?.parse()?;
                Ok(())
            });
            if parsed.is_err() {
                return None;
            }
        }
        let ident = &variant.ident;
        arms.push(quote!(::core::option::Option::Some(#name) => codec.decode(payload).map(Self::#ident),));
    }
    Some(quote! {
        fn decode<C: ::specwright_runtime::events::Codec>(
            codec: &C,
            name: ::core::option::Option<&str>,
            payload: &[u8],
        ) -> ::core::result::Result<Self, ::specwright_runtime::events::CodecError> {
            match name {
                #(#arms)*
                _ => codec.decode(payload),
            }
        }
    })
}
