//! AsyncAPI: channels, operations, messages and bindings. A message the
//! application sends is judged like a response, one it receives like a
//! request (2.x documents were turned the right way round while loading).

use serde_json::Value;
use specwright_spec::ir::{Action, Api, EventOperation, Message, Payload};

use crate::notice::Notice;
use crate::schema::compare as compare_schema;
use crate::{Cx, Direction};

pub(crate) fn compare(cx: &mut Cx) {
    let (old, new) = (cx.old, cx.new);
    // Servers by name (AsyncAPI 3 keys them; 2.x too).
    let (old_servers, new_servers) = (named_servers(old), named_servers(new));
    for (name, os) in &old_servers {
        match new_servers.iter().find(|(n, _)| n == name) {
            None => cx.report("server-removed", format!("server {name} removed"), Some(&os.origin), None),
            Some((_, ns)) if ns.url != os.url || ns.protocol != os.protocol => {
                let show =
                    |s: &specwright_spec::ir::Server| format!("{} ({})", s.url, s.protocol.as_deref().unwrap_or("?"));
                cx.report(
                    "server-changed",
                    format!("server {name}: {} became {}", show(os), show(ns)),
                    Some(&os.origin),
                    Some(&ns.origin),
                );
            }
            Some(_) => {}
        }
    }
    for (name, ns) in new_servers.iter().filter(|(n, _)| !old_servers.iter().any(|(o, _)| o == n)) {
        cx.report("server-added", format!("server {name} added"), None, Some(&ns.origin));
    }
    for (id, oc) in &old.channels {
        let Some(nc) = new
            .channels
            .get(id)
            .or_else(|| new.channels.values().find(|c| c.address.is_some() && c.address == oc.address))
        else {
            cx.report("channel-removed", format!("channel {id} removed"), Some(&oc.origin), None);
            continue;
        };
        if oc.address != nc.address {
            let show = |a: &Option<String>| a.clone().unwrap_or_else(|| "(set at run time)".into());
            cx.report(
                "channel-address-changed",
                format!("channel {id}: address {} became {}", show(&oc.address), show(&nc.address)),
                Some(&oc.origin),
                Some(&nc.origin),
            );
        }
        for p in &oc.parameters {
            if !nc.parameters.iter().any(|np| np.name == p.name) {
                cx.report(
                    "channel-parameter-removed",
                    format!("channel {id}: parameter {} removed", p.name),
                    Some(&p.origin),
                    Some(&nc.origin),
                );
            }
        }
        for (p, np) in
            oc.parameters.iter().filter_map(|p| Some((p, nc.parameters.iter().find(|np| np.name == p.name)?)))
        {
            let what = format!("channel {id}: parameter {}", p.name);
            if p.location != np.location {
                cx.report(
                    "channel-parameter-location-changed",
                    format!("{what} is read from {}", np.location.as_deref().unwrap_or("the address")),
                    Some(&p.origin),
                    Some(&np.origin),
                );
            }
            // Whoever fills the address in must still be allowed the values it uses.
            if let (Some(os), Some(ns)) = (p.schema, np.schema) {
                compare_schema(cx, os, ns, Direction::Request, &what);
            }
        }
        for p in nc.parameters.iter().filter(|np| !oc.parameters.iter().any(|p| p.name == np.name)) {
            cx.report(
                "channel-parameter-added",
                format!("channel {id}: parameter {} added", p.name),
                Some(&oc.origin),
                Some(&p.origin),
            );
        }
        bindings(cx, &oc.bindings, &nc.bindings, &format!("channel {id}"), (&oc.origin, &nc.origin));
    }
    for (id, nc) in &new.channels {
        let known = old.channels.contains_key(id)
            || old.channels.values().any(|c| c.address.is_some() && c.address == nc.address);
        if !known {
            cx.report("channel-added", format!("channel {id} added"), None, Some(&nc.origin));
        }
    }
    // An operation is the same one under the same id, or else the one with
    // the same action on the same address (its id is only the document's
    // name for it, though generated code names a method after it).
    let counterparts: Vec<Option<usize>> = old.event_operations.iter().map(|o| counterpart(old, new, o)).collect();
    for (o, found) in old.event_operations.iter().zip(&counterparts) {
        match found.map(|i| &new.event_operations[i]) {
            Some(n) => {
                if n.id != o.id {
                    cx.report(
                        "event-operation-id-changed",
                        format!("operation {} is now {}", o.id, n.id),
                        Some(&o.origin),
                        Some(&n.origin),
                    );
                }
                operation(cx, o, n);
            }
            None => cx.report("event-operation-removed", format!("operation {} removed", o.id), Some(&o.origin), None),
        }
    }
    for (i, n) in new.event_operations.iter().enumerate() {
        if !counterparts.contains(&Some(i)) {
            cx.report("event-operation-added", format!("operation {} added", n.id), None, Some(&n.origin));
        }
    }
}

/// The new operation that `o` is: the one under the same id, or else the one
/// with the same action on the same address (an id is only the document's
/// name for it, though generated code names a method after it).
fn counterpart(old: &Api, new: &Api, o: &EventOperation) -> Option<usize> {
    let ops = &new.event_operations;
    ops.iter().position(|n| n.id == o.id).or_else(|| {
        ops.iter().position(|n| {
            n.action == o.action
                && address(new, n).is_some()
                && address(new, n) == address(old, o)
                && !old.event_operations.iter().any(|other| other.id == n.id)
        })
    })
}

fn named_servers(api: &Api) -> Vec<(String, &specwright_spec::ir::Server)> {
    api.servers.iter().filter_map(|s| s.name.clone().map(|n| (n, s))).collect()
}

fn address<'a>(api: &'a Api, op: &EventOperation) -> Option<&'a str> {
    api.channels.get(&op.channel).and_then(|c| c.address.as_deref())
}

fn name<'a>(api: &'a Api, id: &'a str) -> &'a str {
    api.messages.get(id).and_then(|m| m.name.as_deref()).unwrap_or(id)
}

fn operation(cx: &mut Cx, o: &EventOperation, n: &EventOperation) {
    let at = format!("operation {}", n.id);
    let (ol, nl) = (&o.origin, &n.origin);
    if (&o.title, &o.summary, &o.description) != (&n.title, &n.summary, &n.description) {
        cx.report(
            "event-documentation-changed",
            format!("{at}: title, summary or description changed"),
            Some(ol),
            Some(nl),
        );
    }
    if o.action != n.action {
        cx.report(
            "event-operation-action-changed",
            format!("{at}: {:?} became {:?}", o.action, n.action),
            Some(ol),
            Some(nl),
        );
        return;
    }
    if address(cx.old, o) != address(cx.new, n) {
        cx.report(
            "event-operation-channel-changed",
            format!("{at}: channel {} became {}", o.channel, n.channel),
            Some(ol),
            Some(nl),
        );
    }
    match (&o.reply, &n.reply) {
        (None, Some(_)) => {
            cx.report("event-operation-reply-added", format!("{at}: now with a reply"), Some(ol), Some(nl))
        }
        (Some(_), None) => {
            cx.report("event-operation-reply-removed", format!("{at}: no longer with a reply"), Some(ol), Some(nl))
        }
        _ => {}
    }
    // What the application receives is read like a request; what it sends, like a response.
    let dir = match n.action {
        Action::Receive => Direction::Request,
        Action::Send => Direction::Response,
    };
    messages(cx, &o.messages, &n.messages, dir, &at, (ol, nl));
    if let (Some(or), Some(nr)) = (&o.reply, &n.reply) {
        // A reply flows the other way.
        messages(cx, &or.messages, &nr.messages, dir.flipped(), &format!("{at} reply"), (ol, nl));
    }
    bindings(cx, &o.bindings, &n.bindings, &at, (ol, nl));
}

fn messages(
    cx: &mut Cx,
    old: &[String],
    new: &[String],
    dir: Direction,
    at: &str,
    (ol, nl): (&specwright_spec::Location, &specwright_spec::Location),
) {
    for oid in old {
        let oname = name(cx.old, oid);
        match new.iter().find(|nid| name(cx.new, nid) == oname) {
            None => {
                let plain = if dir == Direction::Request { "received-message-removed" } else { "sent-message-removed" };
                let notice = cx.old.messages.get(oid).map_or(Notice::None, |m| Notice::of(m.deprecated, &m.extensions));
                let rule = notice.pick(plain, "deprecated-message-removed", "sunset-message-removed");
                cx.report(rule, format!("{at}: message {oname} removed"), Some(ol), Some(nl));
            }
            Some(nid) => {
                if let (Some(om), Some(nm)) = (cx.old.messages.get(oid), cx.new.messages.get(nid)) {
                    message(cx, om, nm, dir, &format!("{at}: {oname}"));
                }
            }
        }
    }
    for nid in new.iter().filter(|nid| !old.iter().any(|oid| name(cx.old, oid) == name(cx.new, nid))) {
        let rule = if dir == Direction::Request { "received-message-added" } else { "sent-message-added" };
        cx.report(rule, format!("{at}: message {} added", name(cx.new, nid)), Some(ol), Some(nl));
    }
}

fn message(cx: &mut Cx, o: &Message, n: &Message, dir: Direction, at: &str) {
    let places = (Some(&o.origin), Some(&n.origin));
    if o.content_type.is_some() && n.content_type.is_some() && o.content_type != n.content_type {
        cx.report("message-content-type-changed", format!("{at}: content type changed"), places.0, places.1);
    }
    if !o.deprecated && n.deprecated {
        cx.report("message-deprecated", format!("{at} deprecated"), places.0, places.1);
    }
    if (&o.title, &o.summary, &o.description) != (&n.title, &n.summary, &n.description) {
        let message = format!("{at}: title, summary or description changed");
        cx.report("event-documentation-changed", message, places.0, places.1);
    }
    let correlation = |m: &Message| m.correlation_id.as_ref().map(|c| c.location.clone());
    if let (Some(a), Some(b)) = (correlation(o), correlation(n)) {
        if a != b {
            let message = format!("{at}: correlation id {a} is now {b}");
            cx.report("message-correlation-id-changed", message, places.0, places.1);
        }
    }
    match (&o.payload, &n.payload) {
        (Some(Payload::Schema(os)), Some(Payload::Schema(ns))) => {
            compare_schema(cx, *os, *ns, dir, &format!("{at} payload"))
        }
        (
            Some(Payload::Opaque { schema_format: of, schema: os }),
            Some(Payload::Opaque { schema_format: nf, schema: ns }),
        ) if of == nf && os != ns => {
            let message = format!("{at}: {of} payload changed");
            cx.report("message-opaque-payload-changed", message, places.0, places.1);
        }
        (Some(a), Some(b)) if format_of(a) != format_of(b) => {
            let message = format!("{at}: payload format {} became {}", format_of(a), format_of(b));
            cx.report("message-schema-format-changed", message, places.0, places.1);
        }
        _ => {}
    }
    if let (Some(oh), Some(nh)) = (o.headers, n.headers) {
        compare_schema(cx, oh, nh, dir, &format!("{at} headers"));
    }
    bindings(cx, &o.bindings, &n.bindings, at, (&o.origin, &n.origin));
}

/// A payload's schema format, for messages; JSON Schema unless it says otherwise.
fn format_of(payload: &Payload) -> &str {
    match payload {
        Payload::Schema(_) => "JSON Schema",
        Payload::Opaque { schema_format, .. } => schema_format,
    }
}

fn bindings(
    cx: &mut Cx,
    old: &specwright_spec::ir::Bindings,
    new: &specwright_spec::ir::Bindings,
    at: &str,
    (ol, nl): (&specwright_spec::Location, &specwright_spec::Location),
) {
    let get = |b: &specwright_spec::ir::Bindings, protocol: &str, pointer: &str| {
        b.get(protocol).and_then(|v| v.pointer(pointer)).cloned()
    };
    let changed = |a: Option<Value>, b: Option<Value>| a.is_some() && b.is_some() && a != b;
    if changed(get(old, "kafka", "/partitions"), get(new, "kafka", "/partitions")) {
        cx.report("kafka-partitions-changed", format!("{at}: Kafka partitions changed"), Some(ol), Some(nl));
    }
    if changed(get(old, "kafka", "/key"), get(new, "kafka", "/key")) {
        cx.report("kafka-key-changed", format!("{at}: Kafka key changed"), Some(ol), Some(nl));
    }
    for pointer in ["/exchange/name", "/exchange/type", "/queue/name", "/is"] {
        if changed(get(old, "amqp", pointer), get(new, "amqp", pointer)) {
            cx.report("amqp-binding-changed", format!("{at}: AMQP {} changed", &pointer[1..]), Some(ol), Some(nl));
        }
    }
    if changed(get(old, "mqtt", "/qos"), get(new, "mqtt", "/qos")) {
        cx.report("mqtt-qos-changed", format!("{at}: MQTT qos changed"), Some(ol), Some(nl));
    }
    let retain = |b| get(b, "mqtt", "/retain").unwrap_or(Value::Bool(false));
    if get(old, "mqtt", "").is_some() && get(new, "mqtt", "").is_some() && retain(old) != retain(new) {
        cx.report("mqtt-retain-changed", format!("{at}: MQTT retain changed"), Some(ol), Some(nl));
    }
    if changed(get(old, "kafka", "/topicConfiguration"), get(new, "kafka", "/topicConfiguration")) {
        cx.report(
            "kafka-topic-configuration-changed",
            format!("{at}: Kafka topic configuration changed"),
            Some(ol),
            Some(nl),
        );
    }
}
