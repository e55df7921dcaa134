//! OpenAPI: operations, parameters, request bodies, responses and security.

use std::collections::BTreeSet;

use specwright_spec::ir::{
    Api, HttpOperation, MediaType, Parameter, ParameterLocation, SecurityRequirement, SecurityScheme,
    SecuritySchemeKind, StatusCode,
};
use specwright_spec::Location;

use crate::notice::{sunset, Notice};
use crate::schema::compare as compare_schema;
use crate::{Cx, Direction};

/// An operation's method and path, with parameter names left out so that
/// renaming one is not a new path.
fn key(op: &HttpOperation) -> (String, String) {
    let mut path = String::new();
    let mut in_name = false;
    for c in op.path.chars() {
        match c {
            '{' => {
                in_name = true;
                path.push_str("{}");
            }
            '}' => in_name = false,
            c if !in_name => path.push(c),
            _ => {}
        }
    }
    (op.method.key().to_string(), path)
}

fn path_names(op: &HttpOperation) -> Vec<&str> {
    op.path.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect()
}

fn label(op: &HttpOperation) -> String {
    format!("{} {}", op.method.key().to_uppercase(), op.path)
}

pub(crate) fn compare(cx: &mut Cx) {
    let (old, new) = (cx.old, cx.new);
    for o in &old.operations {
        match new.operations.iter().find(|n| key(n) == key(o)) {
            Some(n) => operation(cx, o, n),
            None => {
                let rule = Notice::of(o.deprecated, &o.extensions).pick(
                    "operation-removed",
                    "deprecated-operation-removed",
                    "sunset-operation-removed",
                );
                cx.report(rule, format!("{} removed", label(o)), Some(&o.origin), None);
            }
        }
    }
    for n in new.operations.iter().filter(|n| !old.operations.iter().any(|o| key(o) == key(n))) {
        cx.report("operation-added", format!("{} added", label(n)), None, Some(&n.origin));
    }
    for (name, scheme) in &old.security_schemes {
        match new.security_schemes.get(name) {
            None => cx.report(
                "security-scheme-removed",
                format!("security scheme {name} removed"),
                Some(&scheme.origin),
                None,
            ),
            Some(now) => security_scheme(cx, name, scheme, now),
        }
    }
    outgoing(cx, &old.webhooks, &new.webhooks, "webhook");
}

/// A scheme compared by its kind and where the credentials go; OAuth2
/// scopes one by one, since a new scope breaks nobody.
fn security_scheme(cx: &mut Cx, name: &str, old: &SecurityScheme, new: &SecurityScheme) {
    let scopes = |s: &SecurityScheme| -> (String, BTreeSet<String>) {
        let mut kind = s.kind.clone();
        let mut all = BTreeSet::new();
        if let SecuritySchemeKind::OAuth2 { flows } = &mut kind {
            for flow in flows {
                all.extend(std::mem::take(&mut flow.scopes).into_keys());
            }
        }
        (format!("{kind:?}"), all)
    };
    let ((old_kind, old_scopes), (new_kind, new_scopes)) = (scopes(old), scopes(new));
    let places = (Some(&old.origin), Some(&new.origin));
    if old_kind != new_kind {
        cx.report("security-scheme-changed", format!("security scheme {name} changed"), places.0, places.1);
    }
    for scope in old_scopes.difference(&new_scopes) {
        let message = format!("security scheme {name}: scope {scope} removed");
        cx.report("security-scheme-scope-removed", message, places.0, places.1);
    }
    for scope in new_scopes.difference(&old_scopes) {
        let message = format!("security scheme {name}: scope {scope} added");
        cx.report("security-scheme-scope-added", message, places.0, places.1);
    }
}

/// Webhooks and callbacks are requests the API sends: their bodies are
/// judged like responses, and the answers it reads like requests.
fn outgoing(cx: &mut Cx, old: &[HttpOperation], new: &[HttpOperation], kind: &'static str) {
    let (removed, added) = match kind {
        "webhook" => ("webhook-removed", "webhook-added"),
        _ => ("callback-removed", "callback-added"),
    };
    for o in old {
        let Some(n) = new.iter().find(|n| key(n) == key(o)) else {
            cx.report(removed, format!("{kind} {} removed", label(o)), Some(&o.origin), None);
            continue;
        };
        let at = format!("{kind} {}", label(n));
        if let (Some(ob), Some(nb)) = (&o.request_body, &n.request_body) {
            media_types(
                cx,
                &ob.content,
                &nb.content,
                Direction::Response,
                &format!("{at}: body"),
                (&ob.origin, &nb.origin),
            );
        }
        for or in &o.responses {
            let Some(nr) = n.responses.iter().find(|nr| nr.status == or.status) else { continue };
            let what = format!("{at}: answer {}", or.status);
            media_types(cx, &or.content, &nr.content, Direction::Request, &what, (&or.origin, &nr.origin));
        }
    }
    for n in new.iter().filter(|n| !old.iter().any(|o| key(o) == key(n))) {
        cx.report(added, format!("{kind} {} added", label(n)), None, Some(&n.origin));
    }
}

/// An operation's callbacks, by name: where each finds its URL, and the
/// requests it makes there.
fn callbacks(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation, at: &str) {
    for oc in &o.callbacks {
        match n.callbacks.iter().find(|nc| nc.name == oc.name) {
            None => {
                for op in &oc.operations {
                    let what = format!("{at}: callback {} {}", oc.name, label(op));
                    cx.report("callback-removed", format!("{what} removed"), Some(&op.origin), Some(&n.origin));
                }
            }
            Some(nc) => {
                if nc.expression != oc.expression {
                    cx.report(
                        "callback-url-changed",
                        format!("{at}: callback {} URL {} became {}", oc.name, oc.expression, nc.expression),
                        Some(&o.origin),
                        Some(&n.origin),
                    );
                }
                outgoing(cx, &oc.operations, &nc.operations, "callback");
            }
        }
    }
    for nc in n.callbacks.iter().filter(|nc| !o.callbacks.iter().any(|oc| oc.name == nc.name)) {
        for op in &nc.operations {
            let what = format!("{at}: callback {} {}", nc.name, label(op));
            cx.report("callback-added", format!("{what} added"), Some(&o.origin), Some(&op.origin));
        }
    }
}

fn operation(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation) {
    let at = label(n);
    if !o.deprecated && n.deprecated {
        cx.report("operation-deprecated", format!("{at} deprecated"), Some(&o.origin), Some(&n.origin));
    }
    if o.operation_id.is_some() && n.operation_id.is_some() && o.operation_id != n.operation_id {
        let (a, b) = (o.operation_id.as_deref().unwrap_or_default(), n.operation_id.as_deref().unwrap_or_default());
        cx.report(
            "operation-id-changed",
            format!("{at}: operationId {a} became {b}"),
            Some(&o.origin),
            Some(&n.origin),
        );
    }
    if path_names(o) != path_names(n) {
        cx.report("path-parameter-renamed", format!("{} is now {at}", o.path), Some(&o.origin), Some(&n.origin));
    }
    if o.tags != n.tags {
        let show = |tags: &[String]| if tags.is_empty() { "none".to_string() } else { tags.join(", ") };
        cx.report(
            "operation-tags-changed",
            format!("{at}: tags {} became {}", show(&o.tags), show(&n.tags)),
            Some(&o.origin),
            Some(&n.origin),
        );
    }
    if let (Some(was), Some(now)) = (sunset(&o.extensions), sunset(&n.extensions)) {
        if now < was {
            cx.report(
                "operation-sunset-brought-forward",
                format!("{at}: sunset {was} is now {now}"),
                Some(&o.origin),
                Some(&n.origin),
            );
        }
    }
    if o.summary != n.summary || o.description != n.description {
        cx.report(
            "operation-documentation-changed",
            format!("{at}: summary or description changed"),
            Some(&o.origin),
            Some(&n.origin),
        );
    }
    parameters(cx, o, n, &at);
    request_body(cx, o, n, &at);
    responses(cx, o, n, &at);
    security(cx, o, n, &at);
    callbacks(cx, o, n, &at);
}

/// A parameter's identity: path parameters by position (their names may change).
fn param_key(op: &HttpOperation, p: &Parameter) -> (ParameterLocation, String) {
    if p.location == ParameterLocation::Path {
        if let Some(i) = path_names(op).iter().position(|n| *n == p.name) {
            return (p.location, format!("#{i}"));
        }
    }
    // Header names are case-insensitive.
    let name = if p.location == ParameterLocation::Header { p.name.to_ascii_lowercase() } else { p.name.clone() };
    (p.location, name)
}

fn parameters(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation, at: &str) {
    for op in &o.parameters {
        let found = n.parameters.iter().find(|np| param_key(n, np) == param_key(o, op));
        let Some(np) = found else {
            let rule = Notice::of(op.deprecated, &op.extensions).pick(
                "request-parameter-removed",
                "request-parameter-removed",
                "sunset-parameter-removed",
            );
            cx.report(
                rule,
                format!("{at}: {} parameter {} removed", loc(op.location), op.name),
                Some(&op.origin),
                Some(&n.origin),
            );
            continue;
        };
        let what = format!("{at}: {} parameter {}", loc(np.location), np.name);
        if !op.required && np.required {
            cx.report(
                "request-parameter-became-required",
                format!("{what} is now required"),
                Some(&op.origin),
                Some(&np.origin),
            );
        } else if op.required && !np.required {
            cx.report(
                "request-parameter-became-optional",
                format!("{what} is now optional"),
                Some(&op.origin),
                Some(&np.origin),
            );
        }
        if !op.deprecated && np.deprecated {
            cx.report("parameter-deprecated", format!("{what} deprecated"), Some(&op.origin), Some(&np.origin));
        }
        if op.allow_empty_value && !np.allow_empty_value {
            cx.report(
                "request-parameter-allow-empty-value-removed",
                format!("{what}: an empty value is no longer allowed"),
                Some(&op.origin),
                Some(&np.origin),
            );
        }
        if op.content_type.is_some() && np.content_type.is_some() && op.content_type != np.content_type {
            let (a, b) =
                (op.content_type.as_deref().unwrap_or_default(), np.content_type.as_deref().unwrap_or_default());
            cx.report(
                "request-parameter-content-type-changed",
                format!("{what}: written as {a}, now {b}"),
                Some(&op.origin),
                Some(&np.origin),
            );
        }
        if op.style != np.style || op.explode != np.explode {
            cx.report(
                "request-parameter-style-changed",
                format!("{what}: style or explode changed"),
                Some(&op.origin),
                Some(&np.origin),
            );
        }
        if let (Some(os), Some(ns)) = (op.schema, np.schema) {
            compare_schema(cx, os, ns, Direction::Request, &what);
        }
    }
    for np in n.parameters.iter().filter(|np| !o.parameters.iter().any(|op| param_key(o, op) == param_key(n, np))) {
        let rule = if np.required { "request-parameter-added-required" } else { "request-parameter-added-optional" };
        cx.report(
            rule,
            format!("{at}: {} parameter {} added", loc(np.location), np.name),
            Some(&o.origin),
            Some(&np.origin),
        );
    }
}

fn loc(l: ParameterLocation) -> &'static str {
    match l {
        ParameterLocation::Path => "path",
        ParameterLocation::Query => "query",
        ParameterLocation::Header => "header",
        ParameterLocation::Cookie => "cookie",
    }
}

fn request_body(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation, at: &str) {
    match (&o.request_body, &n.request_body) {
        (None, None) => {}
        (None, Some(nb)) => {
            let rule = if nb.required { "request-body-added-required" } else { "request-body-added-optional" };
            cx.report(rule, format!("{at}: request body added"), Some(&o.origin), Some(&nb.origin));
        }
        (Some(ob), None) => {
            cx.report("request-body-removed", format!("{at}: request body removed"), Some(&ob.origin), Some(&n.origin))
        }
        (Some(ob), Some(nb)) => {
            if !ob.required && nb.required {
                cx.report(
                    "request-body-became-required",
                    format!("{at}: request body is now required"),
                    Some(&ob.origin),
                    Some(&nb.origin),
                );
            } else if ob.required && !nb.required {
                cx.report(
                    "request-body-became-optional",
                    format!("{at}: request body is now optional"),
                    Some(&ob.origin),
                    Some(&nb.origin),
                );
            }
            let what = format!("{at}: request");
            media_types(cx, &ob.content, &nb.content, Direction::Request, &what, (&ob.origin, &nb.origin));
        }
    }
}

/// The media types of a body, matched by name, their schemas compared in `dir`.
fn media_types(
    cx: &mut Cx,
    old: &[MediaType],
    new: &[MediaType],
    dir: Direction,
    at: &str,
    (ol, nl): (&Location, &Location),
) {
    let (removed, added, gone, came) = match dir {
        Direction::Request => {
            ("request-media-type-removed", "request-media-type-added", "no longer accepted", "accepted")
        }
        Direction::Response => ("response-media-type-removed", "response-media-type-added", "no longer given", "given"),
    };
    for om in old {
        match new.iter().find(|nm| nm.media_type == om.media_type) {
            None => cx.report(removed, format!("{at} {} {gone}", om.media_type), Some(ol), Some(nl)),
            Some(nm) => {
                if let (Some(os), Some(ns)) = (om.schema, nm.schema) {
                    compare_schema(cx, os, ns, dir, &format!("{at} {}", om.media_type));
                }
            }
        }
    }
    for nm in new.iter().filter(|nm| !old.iter().any(|om| om.media_type == nm.media_type)) {
        cx.report(added, format!("{at} {} {came}", nm.media_type), Some(ol), Some(nl));
    }
}

fn success(status: &StatusCode) -> bool {
    matches!(status, StatusCode::Code(c) if (200..300).contains(c)) || matches!(status, StatusCode::Range(2))
}

fn responses(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation, at: &str) {
    for or in &o.responses {
        let Some(nr) = n.responses.iter().find(|nr| nr.status == or.status) else {
            let rule = if success(&or.status) { "response-success-status-removed" } else { "response-status-removed" };
            cx.report(rule, format!("{at}: status {} removed", or.status), Some(&or.origin), Some(&n.origin));
            continue;
        };
        let what = format!("{at} {}", or.status);
        media_types(cx, &or.content, &nr.content, Direction::Response, &what, (&or.origin, &nr.origin));
        for oh in &or.headers {
            match nr.headers.iter().find(|nh| nh.name.eq_ignore_ascii_case(&oh.name)) {
                None => {
                    let rule = if oh.required { "response-required-header-removed" } else { "response-header-removed" };
                    cx.report(rule, format!("{what}: header {} removed", oh.name), Some(&or.origin), Some(&nr.origin));
                }
                Some(nh) => {
                    let header = format!("{what}: header {}", oh.name);
                    let places = (Some(&or.origin), Some(&nr.origin));
                    match (oh.required, nh.required) {
                        (true, false) => cx.report(
                            "response-header-became-optional",
                            format!("{header} may be absent"),
                            places.0,
                            places.1,
                        ),
                        (false, true) => cx.report(
                            "response-header-became-required",
                            format!("{header} always given"),
                            places.0,
                            places.1,
                        ),
                        _ => {}
                    }
                    if !oh.deprecated && nh.deprecated {
                        cx.report("header-deprecated", format!("{header} deprecated"), places.0, places.1);
                    }
                    if let (Some(os), Some(ns)) = (oh.schema, nh.schema) {
                        compare_schema(cx, os, ns, Direction::Response, &header);
                    }
                }
            }
        }
        for nh in nr.headers.iter().filter(|nh| !or.headers.iter().any(|oh| oh.name.eq_ignore_ascii_case(&nh.name))) {
            cx.report(
                "response-header-added",
                format!("{what}: header {} added", nh.name),
                Some(&or.origin),
                Some(&nr.origin),
            );
        }
    }
    for nr in n.responses.iter().filter(|nr| !o.responses.iter().any(|or| or.status == nr.status)) {
        cx.report(
            "response-status-added",
            format!("{at}: status {} added", nr.status),
            Some(&o.origin),
            Some(&nr.origin),
        );
    }
}

/// The alternatives an operation accepts, each as its scheme names; an
/// empty alternative means no credentials are needed.
fn alternatives<'a>(api: &'a Api, op: &'a HttpOperation) -> &'a [SecurityRequirement] {
    op.security.as_deref().unwrap_or(&api.security)
}

fn security(cx: &mut Cx, o: &HttpOperation, n: &HttpOperation, at: &str) {
    let names = |r: &SecurityRequirement| r.schemes.keys().cloned().collect::<BTreeSet<String>>();
    let (oa, na) = (alternatives(cx.old, o), alternatives(cx.new, n));
    let open = |a: &[SecurityRequirement]| a.is_empty() || a.iter().any(|r| r.schemes.is_empty());
    match (open(oa), open(na)) {
        (true, false) => {
            cx.report("security-added", format!("{at} now needs credentials"), Some(&o.origin), Some(&n.origin));
            return;
        }
        (false, true) => {
            let message = format!("{at} no longer needs credentials");
            cx.report("security-removed", message, Some(&o.origin), Some(&n.origin));
            return;
        }
        _ => {}
    }
    for r in oa.iter().filter(|r| !r.schemes.is_empty()) {
        match na.iter().find(|nr| names(nr) == names(r)) {
            None if !open(na) => cx.report(
                "security-alternative-removed",
                format!("{at}: {} no longer accepted", show(r)),
                Some(&o.origin),
                Some(&n.origin),
            ),
            None => {}
            Some(nr) => {
                for (scheme, scopes) in &nr.schemes {
                    let old_scopes = r.schemes.get(scheme).cloned().unwrap_or_default();
                    let more: Vec<&String> = scopes.iter().filter(|s| !old_scopes.contains(s)).collect();
                    if !more.is_empty() {
                        let list = more.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                        cx.report(
                            "security-scopes-added",
                            format!("{at}: {scheme} now asks for {list}"),
                            Some(&o.origin),
                            Some(&n.origin),
                        );
                    }
                }
            }
        }
    }
    for r in na.iter().filter(|r| !r.schemes.is_empty() && !oa.iter().any(|or| names(or) == names(r))) {
        if !open(oa) {
            cx.report(
                "security-alternative-added",
                format!("{at}: {} accepted", show(r)),
                Some(&o.origin),
                Some(&n.origin),
            );
        }
    }
}

fn show(r: &SecurityRequirement) -> String {
    r.schemes.keys().cloned().collect::<Vec<_>>().join(" + ")
}
