//! Which listings a client can read page after page, decided once the types
//! are planned: a `GET` without a body whose 200 answer is a JSON list, or
//! an object with one list field, and whose optional query parameters say
//! how to ask for the next page (a cursor the body hands back, or `offset`
//! and `limit`). The client emitter writes `into_stream` from this.

use specwright_spec::ir::{Method, ParameterLocation, StatusCode};

use crate::plan::operations::{BodyKind, OpPlan, ParamPlan, ResponsePlan};
use crate::plan::types::{Def, DefKind, Presence, Ty};

/// How one operation's pages are read.
pub struct Pagination<'a> {
    /// The status-200 response, whose body is a page.
    pub page: &'a ResponsePlan,
    /// The type of one item.
    pub item: Ty,
    /// Where the items of a page are.
    pub items: Items<'a>,
    pub next: Next<'a>,
}

pub enum Items<'a> {
    /// The body is the list.
    Body,
    /// The body's one list field, by its Rust name.
    Field { name: &'a str, presence: Presence },
}

/// How the request for the next page is made from this one.
pub enum Next<'a> {
    /// The body's cursor field, given back through the cursor parameter;
    /// an absent or empty cursor ends the listing.
    Cursor { field: &'a str, presence: Presence, param: &'a ParamPlan },
    /// `offset` moved on by the page's length; a page shorter than `limit`
    /// ends the listing.
    Offset { offset: &'a ParamPlan, limit: &'a ParamPlan },
}

/// Names a body's cursor goes by, in the APIs of the corpus.
const CURSOR_FIELDS: &[&str] = &[
    "next_cursor",
    "nextCursor",
    "next",
    "cursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "nextToken",
    "continuation_token",
    "continuationToken",
];

/// Names the parameter that takes the cursor back goes by.
const CURSOR_PARAMS: &[&str] = &[
    "cursor",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
    "after",
    "starting_after",
    "continuation",
    "continuationToken",
    "continuation_token",
];

/// The pages of `op`, if the spec makes them recognisable.
pub fn plan<'a>(op: &'a OpPlan, defs: &'a [Def]) -> Option<Pagination<'a>> {
    if op.method != Method::Get || op.body.is_some() {
        return None;
    }
    let page = op.responses.iter().find(|r| r.status == StatusCode::Code(200))?;
    let Some((BodyKind::Json, body_ty)) = &page.body else { return None };
    let optional = |names: &[&str], ints: bool| {
        op.params.iter().find(|p| {
            p.location == ParameterLocation::Query
                && !p.required
                && names.contains(&p.name.as_str())
                && if ints { matches!(p.ty, Ty::I32 | Ty::I64 | Ty::U32 | Ty::U64) } else { p.ty == Ty::String }
        })
    };
    let (item, items, fields) = match body_ty {
        Ty::Vec(item) => ((**item).clone(), Items::Body, None),
        Ty::Named(id) => {
            let DefKind::Struct(s) = &defs[id.0].kind else { return None };
            let mut lists = s.fields.iter().filter(|f| !f.flatten && matches!(bare(&f.ty), Ty::Vec(_)));
            let (field, None) = (lists.next()?, lists.next()) else { return None };
            let Ty::Vec(item) = bare(&field.ty) else { return None };
            ((**item).clone(), Items::Field { name: &field.name, presence: field.presence }, Some(&s.fields))
        }
        _ => return None,
    };
    let cursor_field =
        fields.into_iter().flatten().find(|f| *bare(&f.ty) == Ty::String && CURSOR_FIELDS.contains(&f.json.as_str()));
    let next =
        match (cursor_field, optional(CURSOR_PARAMS, false), optional(&["offset"], true), optional(&["limit"], true)) {
            (Some(f), Some(param), _, _) => Next::Cursor { field: &f.name, presence: f.presence, param },
            (_, _, Some(offset), Some(limit)) => Next::Offset { offset, limit },
            _ => return None,
        };
    Some(Pagination { page, item, items, next })
}

/// A field's type without the `Option` or `Nullable` its presence adds.
pub fn bare(ty: &Ty) -> &Ty {
    match ty {
        Ty::Option(inner) | Ty::Nullable(inner) => inner,
        other => other,
    }
}
