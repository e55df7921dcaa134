//! The first phase: what the generated crate will hold, decided as plain
//! data before any code is written. The type planner names a Rust type for
//! each schema; operations, events and pagination are planned on top of
//! it; the validation table gathers what a server checks requests against.
//! Nothing here builds tokens; the `emit` phase turns the plans into code.

pub mod docs;
pub mod events;
pub mod names;
pub mod operations;
pub mod pagination;
pub mod types;
pub mod validation;
