//! `--rust`: what a change does to code compiled against the crate
//! Specwright generated from the old spec. Generated structs are plain (not
//! `#[non_exhaustive]`), methods are named after operation ids, required
//! parameters are method arguments, and a field's Rust type follows its
//! schema's JSON types, presence and nullability.

use crate::Found;

/// The Rust rule a contract rule implies, with what it means for the code.
fn implied(rule: &str) -> Option<(&'static str, &'static str)> {
    Some(match rule {
        "operation-id-changed" | "event-operation-id-changed" => {
            ("rust-method-renamed", "the generated method has a new name")
        }
        "request-parameter-added-required" => ("rust-argument-added", "the generated method takes a new argument"),
        "request-required-property-added" | "request-optional-property-added" | "response-property-added" => {
            ("rust-struct-field-added", "struct literals of the old shape no longer compile")
        }
        "request-property-removed" | "response-required-property-removed" | "response-optional-property-removed" => {
            ("rust-struct-field-removed", "code reading or setting the field no longer compiles")
        }
        "request-type-narrowed"
        | "request-type-widened"
        | "request-type-changed"
        | "response-type-widened"
        | "response-type-narrowed"
        | "response-type-changed"
        | "request-property-became-required"
        | "request-property-became-optional"
        | "response-property-became-required"
        | "response-property-became-optional"
        | "request-nullable-added"
        | "request-nullable-removed"
        | "response-nullable-added"
        | "response-nullable-removed" => ("rust-field-type-changed", "the generated Rust type is another"),
        "request-enum-value-removed" | "response-enum-value-removed" => {
            ("rust-enum-variant-removed", "code naming the variant no longer compiles")
        }
        _ => return None,
    })
}

/// Adds the Rust rule each change implies, beside the change.
pub(crate) fn impact(found: &mut Vec<Found>) {
    let implied: Vec<Found> = found
        .iter()
        .filter_map(|f| {
            let (rule, what) = implied(f.rule)?;
            Some(Found { rule, message: format!("{} ({what})", f.message), old: f.old.clone(), new: f.new.clone() })
        })
        .collect();
    found.extend(implied);
}
