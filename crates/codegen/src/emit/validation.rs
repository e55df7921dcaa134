//! The validation table as Rust: each planned [`Entry`] a `srv::Schema`
//! literal that names the fields it sets, over `srv::Schema::ANY`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use specwright_spec::ir::{Api, JsonType};

use crate::plan::validation::{Additional, Entry, Table};

/// The table's entries as `srv::Schema` literals, in order.
pub fn entries(table: &Table, api: &Api) -> Vec<TokenStream> {
    table.entries(api).iter().map(literal).collect()
}

/// An entry as a `srv::Schema` literal: the fields it sets, over `ANY`.
fn literal(e: &Entry) -> TokenStream {
    // Every field named, without `..`: one added to `Entry` does not compile
    // until it is written here too.
    let Entry {
        nothing,
        reference,
        types,
        format,
        enumeration,
        minimum,
        maximum,
        exclusive_minimum,
        exclusive_maximum,
        multiple_of,
        min_length,
        max_length,
        pattern,
        items,
        prefix_items,
        contains,
        min_contains,
        max_contains,
        min_items,
        max_items,
        unique_items,
        unevaluated_items,
        properties,
        pattern_properties,
        property_names,
        required,
        dependent_required,
        dependent_schemas,
        unevaluated_properties,
        additional,
        min_properties,
        max_properties,
        all_of,
        any_of,
        one_of,
        not,
        conditional,
    } = e;
    let index = |v: &Option<usize>| v.map(Literal::usize_unsuffixed).map(|i| quote!(Some(#i)));
    let count = |v: &Option<u64>| v.map(Literal::u64_unsuffixed).map(|n| quote!(Some(#n)));
    let number = |v: &Option<f64>| v.map(Literal::f64_suffixed).map(|x| quote!(Some(#x)));
    let flag = |v: &bool| v.then(|| quote!(true));
    let list = |v: &[usize]| {
        let v = v.iter().map(|&i| Literal::usize_unsuffixed(i));
        quote!(&[#(#v),*])
    };
    let indices = |v: &Vec<usize>| (!v.is_empty()).then(|| list(v));
    let strings = |v: &[String]| quote!(&[#(#v),*]);
    let named = |v: &Vec<(String, usize)>| {
        (!v.is_empty()).then(|| {
            let pairs = v.iter().map(|(name, at)| {
                let at = Literal::usize_unsuffixed(*at);
                quote!((#name, #at))
            });
            quote!(&[#(#pairs),*])
        })
    };
    // In the order the runtime's `Schema` declares them, which reads best.
    let fields: [(&str, Option<TokenStream>); 37] = [
        ("nothing", flag(nothing)),
        ("reference", index(reference)),
        (
            "types",
            (!types.is_empty()).then(|| {
                let bits = types.iter().map(|t| format_ident!("{}", type_bit(*t)));
                quote!(#(srv::schema::types::#bits)|*)
            }),
        ),
        (
            "format",
            format.map(|f| {
                let f = format_ident!("{f}");
                quote!(srv::Format::#f)
            }),
        ),
        ("enumeration", (!enumeration.is_empty()).then(|| strings(enumeration))),
        ("minimum", number(minimum)),
        ("maximum", number(maximum)),
        ("exclusive_minimum", number(exclusive_minimum)),
        ("exclusive_maximum", number(exclusive_maximum)),
        ("multiple_of", number(multiple_of)),
        ("min_length", count(min_length)),
        ("max_length", count(max_length)),
        ("min_items", count(min_items)),
        ("max_items", count(max_items)),
        ("min_properties", count(min_properties)),
        ("max_properties", count(max_properties)),
        ("pattern", pattern.as_ref().map(|p| quote!(Some(#p)))),
        ("unique_items", flag(unique_items)),
        ("items", index(items)),
        ("prefix_items", indices(prefix_items)),
        ("contains", index(contains)),
        ("min_contains", count(min_contains)),
        ("max_contains", count(max_contains)),
        ("unevaluated_items", index(unevaluated_items)),
        ("pattern_properties", named(pattern_properties)),
        ("property_names", index(property_names)),
        (
            "dependent_required",
            (!dependent_required.is_empty()).then(|| {
                let deps = dependent_required.iter().map(|(name, needs)| {
                    let needs = strings(needs);
                    quote!((#name, #needs))
                });
                quote!(&[#(#deps),*])
            }),
        ),
        ("dependent_schemas", named(dependent_schemas)),
        (
            "conditional",
            conditional.map(|(condition, then, otherwise)| {
                let condition = Literal::usize_unsuffixed(condition);
                let branch = |b: Option<usize>| match b {
                    Some(i) => {
                        let i = Literal::usize_unsuffixed(i);
                        quote!(Some(#i))
                    }
                    None => quote!(None),
                };
                let (then, otherwise) = (branch(then), branch(otherwise));
                quote!(Some((#condition, #then, #otherwise)))
            }),
        ),
        ("properties", named(properties)),
        ("required", (!required.is_empty()).then(|| strings(required))),
        ("unevaluated_properties", index(unevaluated_properties)),
        (
            "additional",
            match additional {
                Additional::Any => None,
                Additional::Nothing => Some(quote!(srv::Additional::Nothing)),
                Additional::Schema(at) => {
                    let at = Literal::usize_unsuffixed(*at);
                    Some(quote!(srv::Additional::Schema(#at)))
                }
            },
        ),
        ("all_of", indices(all_of)),
        ("any_of", indices(any_of)),
        ("one_of", indices(one_of)),
        ("not", index(not)),
    ];
    let set: Vec<TokenStream> = fields
        .into_iter()
        .filter_map(|(name, value)| {
            let name = format_ident!("{name}");
            value.map(|value| quote!(#name: #value))
        })
        .collect();
    if set.is_empty() {
        return quote!(srv::Schema::ANY);
    }
    quote!(srv::Schema { #(#set,)* ..srv::Schema::ANY })
}

fn type_bit(t: JsonType) -> &'static str {
    match t {
        JsonType::Null => "NULL",
        JsonType::Boolean => "BOOLEAN",
        JsonType::Object => "OBJECT",
        JsonType::Array => "ARRAY",
        JsonType::Number => "NUMBER",
        JsonType::String => "STRING",
        JsonType::Integer => "INTEGER",
    }
}
