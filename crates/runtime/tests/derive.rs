//! The runtime's derives read what serde's derives read, fail where they
//! fail, and write what they write: each case runs through both.

use serde::Deserialize as _;
use serde_json::json;

macro_rules! both {
    ($(#[$attr:meta])* struct $lean:ident / $reference:ident { $($body:tt)* }) => {
        $(#[$attr])*
        #[derive(Debug, PartialEq, specwright_runtime::Serialize, specwright_runtime::Deserialize)]
        struct $lean { $($body)* }
        $(#[$attr])*
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct $reference { $($body)* }
    };
}

both!(struct Pet / PetRef {
    id: i64,
    #[serde(rename = "petName")]
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tag: Option<String>,
    owner: Option<String>,
    #[serde(default)]
    scores: Vec<u8>,
    #[serde(default, skip_serializing_if = "specwright_runtime::Nullable::is_absent")]
    note: specwright_runtime::Nullable<String>,
    #[serde(rename = "type")]
    r#type: String,
    nullable: specwright_runtime::Nullable<i32>,
});

/// Both derives' results, as text so the two types compare.
fn outcomes(input: &str) -> (Result<String, String>, Result<String, String>) {
    let lean = serde_json::from_str::<Pet>(input).map(|v| format!("{v:?}").replacen("Pet", "", 1));
    let reference = serde_json::from_str::<PetRef>(input).map(|v| format!("{v:?}").replacen("PetRef", "", 1));
    let strip = |e: serde_json::Error| e.to_string().replace("struct PetRef", "struct Pet");
    (lean.map_err(|e| e.to_string()), reference.map_err(strip))
}

#[test]
fn reads_what_serde_reads_and_refuses_what_it_refuses() {
    let inputs = [
        r#"{"id":1,"petName":"Rex","type":"dog","nullable":null}"#,
        r#"{"id":1,"petName":"Rex","type":"dog","tag":"good","owner":"Ann","scores":[1,2],"nullable":3}"#,
        r#"{"id":1,"petName":"Rex","type":"dog","note":null,"nullable":3}"#,
        r#"{"id":1,"petName":"Rex","type":"dog","note":"n","nullable":3}"#,
        // Unknown keys are skipped, whatever their value.
        r#"{"id":1,"petName":"Rex","type":"dog","extra":{"deep":[1,{"x":null}]},"nullable":1}"#,
        // An escaped key is still the key it spells.
        r#"{"id":1,"pet\u004eame":"Rex","type":"dog","nullable":1}"#,
        // A missing required field; a missing Option that has no default is None.
        r#"{"petName":"Rex","type":"dog"}"#,
        r#"{"id":1,"petName":"Rex","type":"dog"}"#,
        r#"{"id":1,"id":2,"petName":"Rex","type":"dog"}"#,
        r#"{"id":"one","petName":"Rex","type":"dog"}"#,
        r#""Rex""#,
        r#"{"id":1,"petName":"Rex""#,
    ];
    for input in inputs {
        let (lean, reference) = outcomes(input);
        assert_eq!(lean, reference, "{input}");
        // What was read is written back the same way by both.
        if let (Ok(lean), Ok(reference)) = (serde_json::from_str::<Pet>(input), serde_json::from_str::<PetRef>(input)) {
            assert_eq!(serde_json::to_string(&lean).unwrap(), serde_json::to_string(&reference).unwrap(), "{input}");
        }
    }
    // The one difference, by design: JSON objects are never arrays, so a
    // struct is not read from one (serde's derive would read it by position).
    let err = serde_json::from_str::<Pet>(r#"[1,"Rex"]"#).unwrap_err().to_string();
    assert!(err.starts_with("invalid type: sequence, expected struct Pet"), "{err}");
}

#[test]
fn reads_from_a_json_value_too() {
    let value = json!({"id": 7, "petName": "Rex", "type": "cat", "nullable": null, "tag": "t"});
    let pet = Pet::deserialize(&value).unwrap();
    assert_eq!((pet.id, pet.tag.as_deref(), pet.nullable.is_null()), (7, Some("t"), true));
    let owned = Pet::deserialize(value).unwrap();
    assert_eq!(owned.r#type, "cat");
}

#[derive(Debug, PartialEq, specwright_runtime::Serialize, specwright_runtime::Deserialize)]
enum Permission {
    #[serde(rename = "read")]
    Read,
    Write,
    #[serde(untagged)]
    Other(String),
}

#[derive(Debug, PartialEq, specwright_runtime::Deserialize)]
enum Closed {
    #[serde(rename = "a")]
    A,
}

#[test]
fn string_enums_keep_values_they_do_not_list() {
    let read: Vec<Permission> = serde_json::from_str(r#"["read","Write","admin","re\u0061d"]"#).unwrap();
    assert_eq!(read, [Permission::Read, Permission::Write, Permission::Other("admin".into()), Permission::Read]);
    assert_eq!(serde_json::to_string(&read).unwrap(), r#"["read","Write","admin","read"]"#);
    let err = serde_json::from_str::<Permission>("3").unwrap_err().to_string();
    assert!(err.contains("invalid type: integer `3`, expected a string"), "{err}");
    let err = serde_json::from_str::<Closed>(r#""b""#).unwrap_err().to_string();
    assert!(err.contains("unknown variant `b`, expected `a`"), "{err}");
}

#[test]
fn absent_values_are_left_out_and_null_is_kept() {
    let pet = Pet {
        id: 1,
        name: "Rex".into(),
        tag: None,
        owner: None,
        scores: vec![],
        note: specwright_runtime::Nullable::Absent,
        r#type: "dog".into(),
        nullable: specwright_runtime::Nullable::Null,
    };
    let value = serde_json::to_value(&pet).unwrap();
    assert_eq!(value, json!({"id": 1, "petName": "Rex", "owner": null, "scores": [], "type": "dog", "nullable": null}));
}
