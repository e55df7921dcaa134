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

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema), schemars(untagged))]
/// A pet in the catalogue. The `petType` property decides whether the
/// object is a `Cat` or a `Dog`.
#[derive(Debug, Clone, PartialEq)]
pub enum Pet {
    /// `petType`: `cat`.
    Cat(Cat),
    /// `petType`: `dog`.
    Dog(Dog),
    /// A variant this version of the API does not list, kept as it came.
    Other(::serde_json::Value),
}

impl ::serde::Serialize for Pet {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match self {
            Pet::Cat(value) => ::serde::Serialize::serialize(value, serializer),
            Pet::Dog(value) => ::serde::Serialize::serialize(value, serializer),
            Pet::Other(value) => ::serde::Serialize::serialize(value, serializer),
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for Pet {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        let json = <::serde_json::Value as ::serde::Deserialize>::deserialize(
            deserializer,
        )?;
        let tag = json
            .get("petType")
            .and_then(::serde_json::Value::as_str)
            .map(::std::string::String::from);
        match tag.as_deref() {
            ::std::option::Option::Some("cat") => {
                ::serde_json::from_value(json)
                    .map(Pet::Cat)
                    .map_err(::serde::de::Error::custom)
            }
            ::std::option::Option::Some("dog") => {
                ::serde_json::from_value(json)
                    .map(Pet::Dog)
                    .map_err(::serde::de::Error::custom)
            }
            _ => ::std::result::Result::Ok(Pet::Other(json)),
        }
    }
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Properties shared by every kind of pet.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct PetBase {
    /// Identifier assigned by the server.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<i64>,
    /// Name of the pet.
    pub name: ::std::string::String,
    /// Optional nickname; `null` when the pet has none.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub nickname: ::specwright_runtime::Nullable<::std::string::String>,
    /// Kind of pet; used as the discriminator.
    #[serde(rename = "petType")]
    pub pet_type: ::std::string::String,
    /// Free-form labels used for searching.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// When the pet was added to the catalogue.
    #[serde(
        rename = "createdAt",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::FixedOffset>>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// A cat.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Cat {
    /// Identifier assigned by the server.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<i64>,
    /// Name of the pet.
    pub name: ::std::string::String,
    /// Optional nickname; `null` when the pet has none.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub nickname: ::specwright_runtime::Nullable<::std::string::String>,
    /// Always `cat` for a cat.
    #[serde(rename = "petType")]
    pub pet_type: ::std::string::String,
    /// Free-form labels used for searching.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// When the pet was added to the catalogue.
    #[serde(
        rename = "createdAt",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::FixedOffset>>,
    /// How good the cat is at catching mice.
    ///
    /// Defaults to `"lazy"` when absent.
    #[serde(
        rename = "huntingSkill",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub hunting_skill: ::std::option::Option<CatHuntingSkill>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// A dog.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Dog {
    /// Identifier assigned by the server.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<i64>,
    /// Name of the pet.
    pub name: ::std::string::String,
    /// Optional nickname; `null` when the pet has none.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub nickname: ::specwright_runtime::Nullable<::std::string::String>,
    /// Always `dog` for a dog.
    #[serde(rename = "petType")]
    pub pet_type: ::std::string::String,
    /// Free-form labels used for searching.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// When the pet was added to the catalogue.
    #[serde(
        rename = "createdAt",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub created_at: ::std::option::Option<::chrono::DateTime<::chrono::FixedOffset>>,
    /// Number of dogs the dog lives with.
    ///
    /// Defaults to `0` when absent.
    #[serde(
        rename = "packSize",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub pack_size: ::std::option::Option<i32>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// A photo attached to a pet.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct PetPhoto {
    /// Identifier of the photo.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub id: ::std::option::Option<::uuid::Uuid>,
    /// Identifier of the pet the photo belongs to.
    #[serde(rename = "petId")]
    pub pet_id: i64,
    /// Public URL the photo can be downloaded from.
    pub url: ::std::string::String,
    /// Caption supplied at upload time, or `null`.
    #[serde(default, skip_serializing_if = "::specwright_runtime::Nullable::is_absent")]
    pub caption: ::specwright_runtime::Nullable<::std::string::String>,
    /// Media type of the stored image.
    #[serde(
        rename = "contentType",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub content_type: ::std::option::Option<PetPhotoContentType>,
    /// Size of the stored image in bytes.
    #[serde(
        rename = "sizeBytes",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub size_bytes: ::std::option::Option<i64>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Error returned by every operation when something goes wrong.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct Error {
    /// HTTP status code, repeated for convenience.
    pub code: i32,
    /// Human-readable explanation of the error.
    pub message: ::std::string::String,
    /// Identifier of the request, useful when contacting support.
    #[serde(
        rename = "requestId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
    )]
    pub request_id: ::std::option::Option<::std::string::String>,
}

#[cfg_attr(feature = "schemars", derive(::schemars::JsonSchema))]
/// Form fields of a photo upload.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub struct UploadPetPhotoRequest {
    /// Raw bytes of the image (PNG or JPEG).
    pub file: ::std::string::String,
    /// Short text shown under the photo.
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub caption: ::std::option::Option<::std::string::String>,
}

/// How good the cat is at catching mice.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum CatHuntingSkill {
    #[serde(rename = "clueless")]
    Clueless,
    #[serde(rename = "lazy")]
    Lazy,
    #[serde(rename = "adventurous")]
    Adventurous,
    #[serde(rename = "aggressive")]
    Aggressive,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl CatHuntingSkill {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            CatHuntingSkill::Clueless => "clueless",
            CatHuntingSkill::Lazy => "lazy",
            CatHuntingSkill::Adventurous => "adventurous",
            CatHuntingSkill::Aggressive => "aggressive",
            CatHuntingSkill::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for CatHuntingSkill {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for CatHuntingSkill {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("CatHuntingSkill")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!(
            { "type" : "string", "enum" : ["clueless", "lazy", "adventurous",
            "aggressive"] }
        )
    }
}

/// Media type of the stored image.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    ::specwright_runtime::Serialize,
    ::specwright_runtime::Deserialize
)]
pub enum PetPhotoContentType {
    #[serde(rename = "image/png")]
    ImagePng,
    #[serde(rename = "image/jpeg")]
    ImageJpeg,
    /// A value this version of the API does not list, kept as it came.
    #[serde(untagged)]
    Other(::std::string::String),
}

impl PetPhotoContentType {
    /// The value as it appears in JSON.
    pub fn as_str(&self) -> &str {
        match self {
            PetPhotoContentType::ImagePng => "image/png",
            PetPhotoContentType::ImageJpeg => "image/jpeg",
            PetPhotoContentType::Other(value) => value,
        }
    }
}

impl ::std::fmt::Display for PetPhotoContentType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(feature = "schemars")]
impl ::schemars::JsonSchema for PetPhotoContentType {
    fn schema_name() -> ::std::borrow::Cow<'static, str> {
        ::std::borrow::Cow::Borrowed("PetPhotoContentType")
    }
    fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
        ::schemars::json_schema!(
            { "type" : "string", "enum" : ["image/png", "image/jpeg"] }
        )
    }
}
