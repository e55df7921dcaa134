//! What generated code does with each JSON Schema keyword the model keeps,
//! in one table: which parts of it read the keyword. Every keyword is named
//! (no `_` arm), so a new one does not compile until it is decided here, and
//! each part's tests show its column is true (a keyword it claims changes
//! its output; one it does not claim leaves it alone).

use specwright_spec::ir::Keyword;

/// A part of the generated code that reads schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The Rust types the schemas become.
    Types,
    /// The server's validation table, which checks requests.
    Validation,
    /// The examples test, which reads a spec's examples and decides whether
    /// one that fails contradicts its own schema.
    Examples,
    /// The HTTP operations' plan, which decides what is a file in a form.
    Operations,
}

use Part::{Examples, Operations, Types, Validation};

/// The parts that read `keyword`.
pub fn uses(keyword: Keyword) -> &'static [Part] {
    match keyword {
        Keyword::False
        | Keyword::Ref
        | Keyword::AllOf
        | Keyword::AnyOf
        | Keyword::OneOf
        | Keyword::Items
        | Keyword::Properties
        | Keyword::PatternProperties
        | Keyword::AdditionalProperties
        | Keyword::Type
        | Keyword::Nullable
        | Keyword::Enum
        | Keyword::Required => &[Types, Validation, Examples],
        Keyword::Format => &[Types, Validation, Examples, Operations],
        // A request may leave out a read-only property.
        Keyword::ReadOnly => &[Types, Validation],
        Keyword::PrefixItems | Keyword::Const => &[Types, Validation],
        // Constraints on the values of a type, not the type itself.
        Keyword::Not
        | Keyword::If
        | Keyword::Then
        | Keyword::Else
        | Keyword::DependentSchemas
        | Keyword::Contains
        | Keyword::PropertyNames
        | Keyword::UnevaluatedItems
        | Keyword::UnevaluatedProperties
        | Keyword::MultipleOf
        | Keyword::Maximum
        | Keyword::ExclusiveMaximum
        | Keyword::Minimum
        | Keyword::ExclusiveMinimum
        | Keyword::MaxLength
        | Keyword::MinLength
        | Keyword::Pattern
        | Keyword::MaxItems
        | Keyword::MinItems
        | Keyword::UniqueItems
        | Keyword::MaxContains
        | Keyword::MinContains
        | Keyword::MaxProperties
        | Keyword::MinProperties
        | Keyword::DependentRequired => &[Validation],
        // Where a value is checked against depends on the way it was
        // reached; a type is one for every way, so the types take any value.
        Keyword::DynamicRef | Keyword::DynamicAnchors => &[Validation],
        // Which alternative is meant; the alternatives themselves decide
        // what is valid.
        Keyword::Discriminator => &[Types],
        // Documentation, serde defaults, `#[deprecated]`, what a response
        // leaves out.
        Keyword::Title | Keyword::Description | Keyword::Default | Keyword::Deprecated | Keyword::WriteOnly => &[Types],
        Keyword::Examples => &[Examples],
        Keyword::ContentMediaType => &[Operations],
    }
}

/// Whether `part` reads `keyword`.
pub fn reads(part: Part, keyword: Keyword) -> bool {
    uses(keyword).contains(&part)
}
