//! A field that may be absent, `null`, or a value: three different things.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of a property that is both optional and nullable.
///
/// Use it with `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`
/// so that an absent property stays absent on output, `null` stays `null`,
/// and a value stays a value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// The property was not there.
    #[default]
    Absent,
    /// The property was `null`.
    Null,
    Value(T),
}

impl<T> Nullable<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one (absent and `null` both give `None`).
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            _ => None,
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` is `null`: an explicit "no value", not an absent property.
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(serializer),
            // Absent is skipped by the field attribute; if it reaches here, null is the closest.
            Nullable::Null | Nullable::Absent => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Reached only when the property is present: absence is `Default`.
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Patch {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        note: Nullable<String>,
    }

    #[test]
    fn absent_null_and_value_round_trip() {
        for text in [r#"{}"#, r#"{"note":null}"#, r#"{"note":"hi"}"#] {
            let patch: Patch = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&patch).unwrap(), text);
        }
        let absent: Patch = serde_json::from_str("{}").unwrap();
        assert!(absent.note.is_absent());
        let null: Patch = serde_json::from_str(r#"{"note":null}"#).unwrap();
        assert!(null.note.is_null());
    }
}
