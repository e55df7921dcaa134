//! The plan for the generated types: which Rust type each schema becomes.

use serde_json::Value;
use specwright_spec::ir::SchemaId;
use specwright_spec::Location;

/// Index of a [`Def`] in a [`super::TypePlan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DefId(pub usize);

/// A Rust type expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Bool,
    I32,
    I64,
    U32,
    U64,
    F32,
    F64,
    String,
    /// `null` only.
    Unit,
    /// Any JSON value.
    Any,
    /// Any JSON object.
    AnyObject,
    DateTime,
    Date,
    Time,
    Uuid,
    Ipv4,
    Ipv6,
    /// A decimal number written as a JSON string (`format: decimal`).
    Decimal,
    /// Base64 text on the wire, bytes in Rust.
    Bytes,
    Vec(Box<Ty>),
    Map(Box<Ty>),
    Tuple(Vec<Ty>),
    Option(Box<Ty>),
    /// Optional and nullable: absent, `null` or a value.
    Nullable(Box<Ty>),
    Boxed(Box<Ty>),
    Named(DefId),
    /// A type of the user's own, by its path (`x-rust-type`, or a replacement
    /// in the settings), already checked to parse as a Rust type.
    External(String),
}

impl Ty {
    /// The named type this is, looking through `Option`, `Box` and the like
    /// but not through collections (which already give indirection).
    pub fn direct_def(&self) -> Option<DefId> {
        match self {
            Ty::Named(id) => Some(*id),
            Ty::Option(t) | Ty::Nullable(t) | Ty::Boxed(t) => t.direct_def(),
            Ty::Tuple(items) => items.iter().find_map(Ty::direct_def),
            _ => None,
        }
    }

    /// Every named type this mentions, at any depth.
    pub fn defs(&self, out: &mut Vec<DefId>) {
        match self {
            Ty::Named(id) => out.push(*id),
            Ty::Vec(t) | Ty::Map(t) | Ty::Option(t) | Ty::Nullable(t) | Ty::Boxed(t) => t.defs(out),
            Ty::Tuple(items) => items.iter().for_each(|t| t.defs(out)),
            _ => {}
        }
    }

    /// Wraps the direct occurrence of a named type in a `Box`, for recursion.
    pub fn box_direct(&mut self) {
        match self {
            Ty::Named(_) => *self = Ty::Boxed(Box::new(std::mem::replace(self, Ty::Unit))),
            Ty::Option(t) | Ty::Nullable(t) => t.box_direct(),
            Ty::Tuple(items) => items.iter_mut().for_each(Ty::box_direct),
            _ => {}
        }
    }
}

/// A named type to generate.
#[derive(Clone, Debug)]
pub struct Def {
    pub name: String,
    /// The schema it comes from (for diagnostics and docs).
    pub schema: SchemaId,
    pub kind: DefKind,
    pub docs: Option<String>,
    pub deprecated: bool,
    pub origin: Location,
}

#[derive(Clone, Debug)]
pub enum DefKind {
    /// Not planned yet.
    Pending,
    Struct(Struct),
    /// Strings from a fixed list, plus a variant that keeps unknown values.
    StringEnum(Vec<EnumValue>),
    /// Integers from a fixed list: a newtype with a constant per value, so
    /// unknown values still deserialize.
    IntEnum(Vec<(String, i64)>),
    /// `oneOf`/`anyOf` with a discriminator property.
    Tagged {
        property: String,
        variants: Vec<TaggedVariant>,
    },
    /// `oneOf`/`anyOf` without one: the first variant that fits wins, so they
    /// are ordered most specific first.
    Untagged(Vec<(String, Ty)>),
    /// A name for another type: `pub type Name = Ty;`, or a transparent
    /// newtype where an alias would be recursive.
    Alias {
        ty: Ty,
        newtype: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Struct {
    pub fields: Vec<Field>,
    /// Properties beyond the named ones, kept in a flattened map of this value type.
    pub extra: Option<Ty>,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    /// The property name in JSON.
    pub json: String,
    pub ty: Ty,
    pub presence: Presence,
    /// A part of an `allOf` that could not be merged, flattened into this struct.
    pub flatten: bool,
    pub docs: Option<String>,
    pub deprecated: bool,
    pub default: Option<Value>,
}

/// How a property may appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Always there, never `null`.
    Required,
    /// Always there, maybe `null`: `Option<T>`, serialized as `null`.
    RequiredNullable,
    /// Maybe absent, never `null`: `Option<T>`, skipped when `None`.
    Optional,
    /// Maybe absent, maybe `null`: `Nullable<T>`.
    OptionalNullable,
}

#[derive(Clone, Debug)]
pub struct EnumValue {
    pub variant: String,
    pub value: String,
    pub docs: Option<String>,
}

#[derive(Clone, Debug)]
pub struct TaggedVariant {
    pub name: String,
    /// The discriminator values that select this variant.
    pub tags: Vec<String>,
    pub ty: Ty,
    /// Whether the variant's own type has the discriminator property (if not,
    /// it is added when serializing).
    pub has_property: bool,
}
