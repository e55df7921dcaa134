//! `--rust`: what a change does to code compiled against the crate
//! Specwright generated from the old spec. Generated structs are plain (not
//! `#[non_exhaustive]`), enums are matched exhaustively, methods are named
//! after operation ids, required parameters and bodies are method arguments
//! and optional ones builder setters, and a field's Rust type follows its
//! schema's JSON types, listed values, format, presence and nullability.

use crate::Found;

/// The Rust rule a contract rule implies, with what it means for the code.
fn implied(rule: &str) -> Option<(&'static str, &'static str)> {
    Some(match rule {
        "operation-removed"
        | "deprecated-operation-removed"
        | "sunset-operation-removed"
        | "event-operation-removed" => ("rust-method-removed", "code calling the generated method no longer compiles"),
        "operation-id-changed" | "event-operation-id-changed" => {
            ("rust-method-renamed", "the generated method has a new name")
        }
        // Required parameters and bodies are arguments; optional ones are builder setters.
        "request-parameter-added-required"
        | "request-parameter-became-required"
        | "request-body-added-required"
        | "request-body-became-required" => ("rust-argument-added", "the generated method takes a new argument"),
        "request-parameter-removed"
        | "sunset-parameter-removed"
        | "request-parameter-became-optional"
        | "request-body-removed"
        | "request-body-became-optional" => {
            ("rust-argument-removed", "the argument or setter code passes is gone from the generated method")
        }
        "schema-removed" => ("rust-type-removed", "code naming the generated type no longer compiles"),
        "request-required-property-added" | "request-optional-property-added" | "response-property-added" => {
            ("rust-struct-field-added", "struct literals of the old shape no longer compile")
        }
        "request-property-removed"
        | "response-required-property-removed"
        | "response-optional-property-removed"
        | "deprecated-property-removed"
        | "sunset-property-removed" => {
            ("rust-struct-field-removed", "code reading or setting the field no longer compiles")
        }
        "request-type-narrowed"
        | "request-type-widened"
        | "request-type-changed"
        | "response-type-widened"
        | "response-type-narrowed"
        | "response-type-changed"
        | "request-format-changed"
        | "response-format-changed"
        | "request-enum-introduced"
        | "request-enum-lifted"
        | "response-enum-introduced"
        | "response-enum-lifted"
        | "request-property-became-required"
        | "request-property-became-optional"
        | "response-property-became-required"
        | "response-property-became-optional"
        | "request-nullable-added"
        | "request-nullable-removed"
        | "response-nullable-added"
        | "response-nullable-removed" => ("rust-field-type-changed", "the generated Rust type is another"),
        "request-enum-value-removed"
        | "response-enum-value-removed"
        | "request-variant-removed"
        | "response-variant-removed" => ("rust-enum-variant-removed", "code naming the variant no longer compiles"),
        "request-enum-value-added"
        | "response-enum-value-added"
        | "request-variant-added"
        | "response-variant-added" => {
            ("rust-enum-variant-added", "a `match` that lists every variant no longer compiles")
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
