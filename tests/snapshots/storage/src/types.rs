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
pub struct NewBucket {
    pub name: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub region: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Bucket {
    pub name: ::std::string::String,
    pub region: ::std::string::String,
    pub created_at: ::chrono::DateTime<::chrono::FixedOffset>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub lifecycle: ::std::option::Option<::std::vec::Vec<LifecycleRule>>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// What happens to objects as they age; every property is optional.
#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
#[serde(untagged)]
pub enum LifecycleRule {
    Expire(LifecycleRuleExpire),
    Transition(LifecycleRuleTransition),
}

impl<'de> ::serde::Deserialize<'de> for LifecycleRule {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        const KEYS: &[::specwright_runtime::untagged::Keys<'static>] = &[
            (&["days", "noncurrent_days"], false),
            (&["days", "storage_class"], false),
        ];
        for i in ::specwright_runtime::untagged::order(&value, KEYS) {
            let result = match i {
                0usize => {
                    <LifecycleRuleExpire as ::serde::Deserialize>::deserialize(&value)
                        .map(LifecycleRule::Expire)
                }
                1usize => {
                    <LifecycleRuleTransition as ::serde::Deserialize>::deserialize(
                            &value,
                        )
                        .map(LifecycleRule::Transition)
                }
                _ => continue,
            };
            if let Ok(v) = result {
                return Ok(v);
            }
        }
        Err(
            <D::Error as ::serde::de::Error>::custom(
                "the value fits no variant of LifecycleRule",
            ),
        )
    }
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct SizeFilter {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub min: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub max: ::std::option::Option<i64>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ObjectInfo {
    pub key: ::std::string::String,
    pub size: i64,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct ObjectList {
    pub items: ::std::vec::Vec<ObjectInfo>,
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub next_cursor: ::specwright_runtime::Nullable<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// An RFC 9457 problem document.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: ::std::string::String,
    pub title: ::std::string::String,
    pub status: i64,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub detail: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct GetMetricsPoint {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub x: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub y: ::std::option::Option<i64>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct UploadFormRequest {
    pub file: ::std::string::String,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Expire
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct LifecycleRuleExpire {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub days: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub noncurrent_days: ::std::option::Option<i64>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Transition
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct LifecycleRuleTransition {
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub days: ::std::option::Option<i64>,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub storage_class: ::std::option::Option<::std::string::String>,
}
