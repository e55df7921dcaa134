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
pub struct A {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct D {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Visitor {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct OptionType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ResultType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct BoxType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct StringType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct VecType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct SomeType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct NoneType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct OkType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ErrType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ValueType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct SelfType {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Client {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Error {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub a: ::std::option::Option<::std::string::String>,
    #[serde(
        rename = "self",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub self_: ::std::option::Option<i64>,
    #[serde(
        rename = "type",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub type_: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct UploadRequest {
    pub parts: ::std::string::String,
    pub input: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub api: ::std::option::Option<::std::string::String>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub file: ::std::option::Option<::std::string::String>,
}
