#![cfg_attr(rustfmt, rustfmt::skip)]
#![allow(deprecated)]
#![allow(
    clippy::large_enum_variant,
    clippy::enum_variant_names,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    clippy::type_complexity,
    clippy::too_long_first_doc_paragraph
)]

#![allow(
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks
)]

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ContextPayload {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub context: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<::std::string::String>,
}
