//! Which Rust type each schema of an API becomes: named structs, enums and
//! aliases ([`Def`]), and the type expression ([`Ty`]) each use of a schema
//! takes, planned once for the whole crate.

pub mod model;
mod planner;
mod recursion;
mod rust_type;
mod shape;

pub use model::{Def, DefId, DefKind, Presence, Ty};
pub use planner::{Planner, TypePlan};
