//! Parameter layouts, shared by generated clients (which write them) and
//! servers (which read them).

/// How a parameter is laid out (OpenAPI `style`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Form,
    Simple,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}
