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
/// A single ambient light measurement.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct LightMeasuredPayload {
    /// Measured light intensity in lumens.
    pub lumens: i64,
    /// When the message was sent (RFC 3339).
    #[serde(rename = "sentAt")]
    pub sent_at: SentAt,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Switches a lamp on or off.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct TurnOnOffPayload {
    /// Whether to switch the lamp on or off.
    pub command: TurnOnOffPayloadCommand,
    /// When the message was sent (RFC 3339).
    #[serde(rename = "sentAt")]
    pub sent_at: SentAt,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Sets the brightness of a lamp.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct DimLightPayload {
    /// Brightness as a percentage of full output.
    pub percentage: i64,
    /// When the message was sent (RFC 3339).
    #[serde(rename = "sentAt")]
    pub sent_at: SentAt,
}

/// When the message was sent (RFC 3339).
pub type SentAt = ::chrono::DateTime<::chrono::FixedOffset>;

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Headers shared by every message of this API.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct LightMeasuredHeaders {
    /// Application-specific value between 0 and 100.
    #[serde(
        rename = "my-app-header",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub my_app_header: ::std::option::Option<i64>,
}

/// Whether to switch the lamp on or off.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum TurnOnOffPayloadCommand {
    #[serde(rename = "on")]
    On,
    #[serde(rename = "off")]
    Off,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl TurnOnOffPayloadCommand {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            TurnOnOffPayloadCommand::On => "on",
            TurnOnOffPayloadCommand::Off => "off",
            TurnOnOffPayloadCommand::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for TurnOnOffPayloadCommand {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for TurnOnOffPayloadCommand {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("TurnOnOffPayloadCommand")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!({ "type" : "string", "enum" : ["on", "off"] })
    }
}
