//! AsyncAPI documents. Version 3 is read as it is; version 2 is upgraded to
//! the version 3 model on the way: a channel's `publish` operation means the
//! application *receives* (others publish to it), and `subscribe` means it *sends*.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde_json::Value;

use super::{Cx, Dialect, Node};
use crate::ir::{
    Action, Api, Bindings, Channel, ChannelParameter, CorrelationId, EventOperation, Message, Payload, Reply,
    SecurityRequirement, Server,
};
use crate::pointer;
use crate::workspace::Target;

/// The fields of each AsyncAPI object, for versions 2 and 3.
mod fields {
    pub const ROOT_2: &[&str] =
        &["asyncapi", "id", "info", "servers", "defaultContentType", "channels", "components", "tags", "externalDocs"];
    pub const ROOT_3: &[&str] =
        &["asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations", "components"];
    pub const SERVER_2: &[&str] =
        &["url", "protocol", "protocolVersion", "description", "variables", "security", "tags", "bindings"];
    pub const SERVER_3: &[&str] = &[
        "host",
        "protocol",
        "protocolVersion",
        "pathname",
        "description",
        "title",
        "summary",
        "variables",
        "security",
        "tags",
        "externalDocs",
        "bindings",
    ];
    pub const CHANNEL_2: &[&str] = &["description", "servers", "subscribe", "publish", "parameters", "bindings"];
    pub const CHANNEL_3: &[&str] = &[
        "address",
        "messages",
        "title",
        "summary",
        "description",
        "servers",
        "parameters",
        "tags",
        "externalDocs",
        "bindings",
    ];
    pub const OPERATION_2: &[&str] =
        &["operationId", "summary", "description", "security", "tags", "externalDocs", "bindings", "traits", "message"];
    pub const OPERATION_3: &[&str] = &[
        "action",
        "channel",
        "title",
        "summary",
        "description",
        "security",
        "tags",
        "externalDocs",
        "bindings",
        "traits",
        "messages",
        "reply",
    ];
    pub const MESSAGE: &[&str] = &[
        "messageId",
        "headers",
        "payload",
        "correlationId",
        "schemaFormat",
        "contentType",
        "name",
        "title",
        "summary",
        "description",
        "tags",
        "externalDocs",
        "bindings",
        "examples",
        "traits",
        "deprecated",
    ];
}

pub(super) fn lower<'w>(cx: &mut Cx<'w>, root: &Node<'w>, api: &mut Api) {
    let known = if cx.dialect == Dialect::AsyncApi2 { fields::ROOT_2 } else { fields::ROOT_3 };
    cx.check_fields(root, "an AsyncAPI document", known);
    let mut ev = Events {
        cx,
        messages: HashMap::new(),
        channels: HashMap::new(),
        op_ids: HashMap::new(),
        default_content_type: None,
    };
    ev.run(root, api);
}

struct Events<'c, 'w> {
    cx: &'c mut Cx<'w>,
    /// Message ids by where the message is written.
    messages: HashMap<Target, String>,
    /// Channel ids by where the channel is written.
    channels: HashMap<Target, String>,
    /// How often each 2.x operation id was used, to keep them unique (3.x
    /// operations are keys of a map, unique already).
    op_ids: HashMap<String, usize>,
    default_content_type: Option<String>,
}

impl<'w> Events<'_, 'w> {
    fn v2(&self) -> bool {
        self.cx.dialect == Dialect::AsyncApi2
    }

    fn run(&mut self, root: &Node<'w>, api: &mut Api) {
        let cx = &mut *self.cx;
        api.info = cx.info(root);
        // Version 3 moved tags and external docs into `info`.
        let meta = if cx.dialect == Dialect::AsyncApi3 { root.get("info") } else { Some(root.clone()) };
        if let Some(meta) = meta {
            api.tags = cx.tags(&meta);
            api.external_docs = cx.external_docs(&meta);
        }
        self.default_content_type = self.cx.text(root, "defaultContentType");
        api.servers = self.servers(root);
        if let Some(components) = root.get("components") {
            if self.cx.expect_object(&components, "`components`") {
                api.security_schemes = self.cx.security_schemes(&components);
                self.cx.components(&components, "schemas", api);
                for (name, message) in components.get("messages").iter().flat_map(|m| m.entries()) {
                    self.message(message, name, api);
                }
            }
        }
        if self.v2() {
            self.channels_v2(root, api);
        } else {
            self.channels_v3(root, api);
            self.operations_v3(root, api);
        }
    }

    fn servers(&mut self, root: &Node<'w>) -> Vec<Server> {
        let mut out = Vec::new();
        for (name, s) in self.cx.named_entries(root, "servers") {
            let known = if self.v2() { fields::SERVER_2 } else { fields::SERVER_3 };
            self.cx.check_fields(&s, "a server", known);
            let protocol = self.cx.text(&s, "protocol");
            let url = if self.v2() {
                let url = self.cx.text(&s, "url").unwrap_or_default();
                match &protocol {
                    Some(p) if !url.contains("://") => format!("{p}://{url}"),
                    _ => url,
                }
            } else {
                let host = self.cx.text(&s, "host").unwrap_or_default();
                let path = self.cx.text(&s, "pathname").unwrap_or_default();
                match &protocol {
                    Some(p) => format!("{p}://{host}{path}"),
                    None => format!("{host}{path}"),
                }
            };
            let security = self.security(&s);
            out.push(Server {
                name: Some(name),
                url,
                protocol,
                protocol_version: self.cx.text(&s, "protocolVersion"),
                description: self.cx.text(&s, "description"),
                variables: self.cx.server_variables(&s),
                security,
                bindings: self.bindings(&s),
                tags: self.cx.tags(&s),
                extensions: s.extensions(),
                origin: s.loc(),
            });
        }
        out
    }

    /// Security requirements: 2.x lists `{scheme: [scopes]}` objects like
    /// OpenAPI; 3.x lists security schemes (by reference).
    fn security(&mut self, parent: &Node<'w>) -> Option<Vec<SecurityRequirement>> {
        if self.v2() {
            return self.cx.security_requirements(parent, "security");
        }
        let list = parent.get("security")?;
        let mut out = Vec::new();
        for item in list.items() {
            let name = match item.value.get("$ref").and_then(Value::as_str) {
                Some(r) => r.rsplit('/').next().unwrap_or(r).to_string(),
                None => item.value.get("name").and_then(Value::as_str).unwrap_or("inline").to_string(),
            };
            let scopes = self.cx.deref(item).map(|s| self.cx.strings(&s, "scopes")).unwrap_or_default();
            out.push(SecurityRequirement { schemes: [(name, scopes)].into_iter().collect() });
        }
        Some(out)
    }

    fn bindings(&mut self, parent: &Node<'w>) -> Bindings {
        let Some(b) = parent.get("bindings") else { return IndexMap::new() };
        let Some(b) = self.cx.deref(b) else { return IndexMap::new() };
        b.entries().map(|(k, v)| (k.to_string(), self.cx.deref(v).map_or(Value::Null, |v| v.value.clone()))).collect()
    }

    /// Lowers the message at `node` once, however many places name it, and gives its id.
    fn message(&mut self, node: Node<'w>, suggested: &str, api: &mut Api) -> Option<String> {
        let target = self.cx.target_of(&node)?;
        if let Some(id) = self.messages.get(&target) {
            return Some(id.clone());
        }
        let m = self.cx.deref(node)?;
        if !self.cx.expect_object(&m, "a message") {
            return None;
        }
        let tokens = pointer::tokens(&target.pointer).unwrap_or_default();
        let base = match tokens.as_slice() {
            [.., container, name] if container == "messages" => name.clone(),
            // A top-level key of a file of shared messages.
            [name] => name.clone(),
            _ => m.str("messageId").or(m.str("name")).unwrap_or(suggested).to_string(),
        };
        let id = unique(&base, |c| api.messages.contains_key(c));
        self.messages.insert(target, id.clone());
        let message = self.message_body(&m, id.clone());
        api.messages.insert(id.clone(), message);
        Some(id)
    }

    fn message_body(&mut self, m: &Node<'w>, id: String) -> Message {
        // A message with none of its fields is suspicious; a few unknown ones are typos.
        if fields::MESSAGE.iter().any(|f| m.has(f)) {
            self.cx.check_fields(m, "a message", fields::MESSAGE);
        } else {
            let nested = m.entries().filter(|(_, v)| v.value.get("payload").is_some()).count();
            let hint =
                if nested > 0 { "; it holds objects that look like messages, nested one level too deep" } else { "" };
            self.cx.warn("message-empty", m.loc(), format!("message `{id}` has none of the message fields{hint}"));
        }
        let traits: Vec<Node<'w>> = self.traits(m);
        let field = |key: &str| m.get(key).or_else(|| traits.iter().find_map(|t| t.get(key)));
        // 2.x names the payload's schema format on the message.
        let message_format = field("schemaFormat").and_then(|f| f.value.as_str().map(str::to_string));
        let payload = field("payload").and_then(|p| self.payload(p, message_format.as_deref()));
        let headers = field("headers").and_then(|h| match self.payload(h, None) {
            Some(Payload::Schema(id)) => Some(id),
            _ => None,
        });
        let correlation_id = field("correlationId").and_then(|c| self.cx.deref(c)).and_then(|c| {
            let location = self.cx.text(&c, "location")?;
            Some(CorrelationId { description: self.cx.text(&c, "description"), location })
        });
        let text = |cx: &mut Cx<'w>, key: &str| {
            field(key).and_then(|n| n.value.as_str().map(str::to_string)).or_else(|| cx.text(m, key))
        };
        let content_type = text(self.cx, "contentType").or_else(|| self.default_content_type.clone());
        let bindings = self.bindings(&holder(m, &traits, "bindings"));
        Message {
            name: text(self.cx, "name"),
            title: text(self.cx, "title"),
            summary: text(self.cx, "summary"),
            description: text(self.cx, "description"),
            content_type,
            payload,
            headers,
            correlation_id,
            tags: self.cx.tags(&holder(m, &traits, "tags")),
            deprecated: field("deprecated").and_then(|d| d.value.as_bool()).unwrap_or(false),
            bindings,
            examples: field("examples").and_then(|e| e.value.as_array().cloned()).unwrap_or_default(),
            extensions: m.extensions(),
            origin: m.loc(),
            id,
        }
    }

    /// The objects of a `traits` list, references followed.
    fn traits(&mut self, node: &Node<'w>) -> Vec<Node<'w>> {
        let list: Vec<Node<'w>> = node.get("traits").map(|l| l.items().collect()).unwrap_or_default();
        let mut out = Vec::new();
        for t in list {
            let Some(t) = self.cx.deref(t) else { continue };
            // 2.x allowed a trait to be a pair [trait, bindings]; the first is the trait.
            let first = if t.value.is_array() { t.items().next() } else { Some(t) };
            out.extend(first.and_then(|t| self.cx.deref(t)));
        }
        out
    }

    /// A payload or headers schema, which 3.x may wrap as `{schemaFormat, schema}`.
    fn payload(&mut self, node: Node<'w>, format: Option<&str>) -> Option<Payload> {
        let (format, schema) = match (node.value.get("schemaFormat"), node.get("schema")) {
            (Some(Value::String(f)), Some(s)) if !self.v2() => (Some(f.clone()), s),
            _ => (format.map(str::to_string), node),
        };
        match format {
            Some(f) if !is_json_schema_format(&f) => {
                self.cx.warn(
                    "schema-format",
                    schema.loc(),
                    format!("payload schema format `{f}` is not read; the payload is carried as raw bytes"),
                );
                Some(Payload::Opaque { schema_format: f, schema: schema.value.clone() })
            }
            _ => Some(Payload::Schema(self.cx.schema(schema))),
        }
    }

    fn parameters(&mut self, channel: &Node<'w>) -> Vec<ChannelParameter> {
        let mut out = Vec::new();
        for (name, p) in self.cx.named_entries(channel, "parameters") {
            let schema = if let Some(s) = p.get("schema") {
                Some(self.cx.schema(s))
            } else {
                // 3.x describes parameters as strings with enum, default and examples.
                let mut synthetic = serde_json::Map::new();
                synthetic.insert("type".into(), "string".into());
                for key in ["enum", "default", "examples", "description"] {
                    if let Some(v) = p.value.get(key) {
                        synthetic.insert(key.into(), v.clone());
                    }
                }
                let value = Value::Object(synthetic);
                Some(self.cx.schema(Node { file: p.file, ptr: p.ptr.clone(), value: &value }))
            };
            out.push(ChannelParameter {
                description: self.cx.text(&p, "description"),
                schema,
                location: self.cx.text(&p, "location"),
                origin: p.loc(),
                name,
            });
        }
        out
    }

    fn channel_common(&mut self, id: &str, address: Option<String>, ch: &Node<'w>) -> Channel {
        Channel {
            id: id.to_string(),
            address,
            title: self.cx.text(ch, "title"),
            summary: self.cx.text(ch, "summary"),
            description: self.cx.text(ch, "description"),
            parameters: self.parameters(ch),
            messages: Vec::new(),
            servers: Vec::new(),
            tags: self.cx.tags(ch),
            bindings: self.bindings(ch),
            extensions: ch.extensions(),
            origin: ch.loc(),
        }
    }

    fn channels_v3(&mut self, root: &Node<'w>, api: &mut Api) {
        let Some(channels) = root.get("channels") else { return };
        for (id, ch) in channels.entries() {
            let key = Target { file: ch.file, pointer: ch.ptr.clone() };
            self.channels.insert(key, id.to_string());
            self.channel_v3(id, ch, api);
        }
    }

    fn channel_v3(&mut self, id: &str, ch: Node<'w>, api: &mut Api) {
        let Some(ch) = self.cx.deref(ch) else { return };
        if !self.cx.expect_object(&ch, "a channel") {
            return;
        }
        self.cx.check_fields(&ch, "a channel", fields::CHANNEL_3);
        self.channels.insert(Target { file: ch.file, pointer: ch.ptr.clone() }, id.to_string());
        let address = self.cx.text(&ch, "address");
        let mut channel = self.channel_common(id, address, &ch);
        for (key, m) in ch.get("messages").iter().flat_map(|n| n.entries()) {
            if let Some(mid) = self.message(m, key, api) {
                channel.messages.push(mid);
            }
        }
        for s in ch.get("servers").iter().flat_map(|n| n.items()) {
            if let Some(r) = s.value.get("$ref").and_then(Value::as_str) {
                channel.servers.push(r.rsplit('/').next().unwrap_or(r).to_string());
            }
        }
        api.channels.insert(id.to_string(), channel);
    }

    /// The id of the channel a `{$ref}` names, lowering it if it is not in `channels`.
    fn channel_ref(&mut self, node: Node<'w>, api: &mut Api) -> Option<String> {
        let first = match node.value.get("$ref").and_then(Value::as_str) {
            Some(r) => self.cx.resolve(&node, r)?,
            None => Target { file: node.file, pointer: node.ptr.clone() },
        };
        if let Some(id) = self.channels.get(&first) {
            return Some(id.clone());
        }
        let end = self.cx.target_of(&node)?;
        if let Some(id) = self.channels.get(&end) {
            return Some(id.clone());
        }
        let base = pointer::last(&end.pointer).unwrap_or_else(|| "channel".into());
        let id = unique(&base, |c| api.channels.contains_key(c));
        let value = self.cx.ws.get(&end)?;
        self.channel_v3(&id, Node { file: end.file, ptr: end.pointer, value }, api);
        Some(id)
    }

    fn message_refs(&mut self, list: Option<Node<'w>>, api: &mut Api) -> Vec<String> {
        let items: Vec<Node<'w>> = list.map(|l| l.items().collect()).unwrap_or_default();
        items.into_iter().filter_map(|m| self.message(m, "message", api)).collect()
    }

    fn operations_v3(&mut self, root: &Node<'w>, api: &mut Api) {
        for (id, op) in self.cx.named_entries(root, "operations") {
            self.cx.check_fields(&op, "an operation", fields::OPERATION_3);
            let traits = self.traits(&op);
            let field = |key: &str| op.get(key).or_else(|| traits.iter().find_map(|t| t.get(key)));
            let action = match op.str("action") {
                Some("send") => Action::Send,
                Some("receive") => Action::Receive,
                other => {
                    self.cx.error(
                        "operation-action",
                        op.child_loc("action"),
                        format!("operation `{id}` has action {other:?}; expected send or receive"),
                    );
                    continue;
                }
            };
            let Some(channel_node) = op.get("channel") else {
                self.cx.error("missing-field", op.loc(), format!("operation `{id}` has no `channel`"));
                continue;
            };
            let Some(channel) = self.channel_ref(channel_node, api) else { continue };
            let mut messages = self.message_refs(op.get("messages"), api);
            if messages.is_empty() && !op.has("messages") {
                messages = api.channels.get(&channel).map(|c| c.messages.clone()).unwrap_or_default();
            }
            let reply = match op.get("reply") {
                Some(r) => self.reply(r, api),
                None => None,
            };
            let security = self.security(&op);
            let bindings = self.bindings(&holder(&op, &traits, "bindings"));
            let text = |cx: &mut Cx<'w>, key: &str| {
                field(key).and_then(|n| n.value.as_str().map(str::to_string)).or_else(|| cx.text(&op, key))
            };
            let tags = self.cx.tags(&holder(&op, &traits, "tags"));
            api.event_operations.push(EventOperation {
                title: text(self.cx, "title"),
                summary: text(self.cx, "summary"),
                description: text(self.cx, "description"),
                tags,
                deprecated: field("deprecated").and_then(|d| d.value.as_bool()).unwrap_or(false),
                action,
                channel,
                messages,
                reply,
                security,
                bindings,
                extensions: op.extensions(),
                origin: op.loc(),
                id,
            });
        }
    }

    fn reply(&mut self, node: Node<'w>, api: &mut Api) -> Option<Reply> {
        let r = self.cx.deref(node)?;
        let address = r.get("address").and_then(|a| self.cx.deref(a)).and_then(|a| self.cx.text(&a, "location"));
        let channel = match r.get("channel") {
            Some(c) => self.channel_ref(c, api),
            None => None,
        };
        let mut messages = self.message_refs(r.get("messages"), api);
        if messages.is_empty() {
            if let Some(c) = channel.as_ref().and_then(|c| api.channels.get(c)) {
                messages = c.messages.clone();
            }
        }
        Some(Reply { channel, address, messages })
    }

    fn channels_v2(&mut self, root: &Node<'w>, api: &mut Api) {
        for (address, ch) in self.cx.named_entries(root, "channels") {
            self.cx.check_fields(&ch, "a channel", fields::CHANNEL_2);
            let mut channel = self.channel_common(&address, Some(address.clone()), &ch);
            channel.servers = self.cx.strings(&ch, "servers");
            for (key, action) in [("publish", Action::Receive), ("subscribe", Action::Send)] {
                let Some(op) = ch.get(key) else { continue };
                let Some(op) = self.cx.deref(op) else { continue };
                let operation = self.operation_v2(&address, action, &op, api);
                for m in &operation.messages {
                    if !channel.messages.contains(m) {
                        channel.messages.push(m.clone());
                    }
                }
                api.event_operations.push(operation);
            }
            api.channels.insert(address, channel);
        }
    }

    fn operation_v2(&mut self, address: &str, action: Action, op: &Node<'w>, api: &mut Api) -> EventOperation {
        self.cx.check_fields(op, "an operation", fields::OPERATION_2);
        let traits = self.traits(op);
        let field = |key: &str| op.get(key).or_else(|| traits.iter().find_map(|t| t.get(key)));
        let written = field("operationId").and_then(|n| n.value.as_str().map(str::to_string));
        let verb = if action == Action::Send { "send" } else { "receive" };
        let base = written.clone().unwrap_or_else(|| {
            let words: Vec<&str> = address.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            format!("{verb}_{}", words.join("_"))
        });
        let count = self.op_ids.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 { base.clone() } else { format!("{base}_{count}") };
        if *count > 1 && written.is_some() {
            self.cx.warn(
                "duplicate-operation-id",
                op.child_loc("operationId"),
                format!("operationId `{base}` is used more than once; this operation is named `{id}`"),
            );
        }
        let mut messages = Vec::new();
        if let Some(m) = op.get("message") {
            let one_of = m.get("oneOf").filter(|_| !m.has("payload"));
            let list: Vec<Node<'w>> = match one_of {
                Some(list) => list.items().collect(),
                None => vec![m],
            };
            let n = list.len();
            for (i, m) in list.into_iter().enumerate() {
                let suggested = if n == 1 { format!("{id}Message") } else { format!("{id}Message{}", i + 1) };
                if let Some(mid) = self.message(m, &suggested, api) {
                    messages.push(mid);
                }
            }
        }
        let text = |cx: &mut Cx<'w>, key: &str| {
            field(key).and_then(|n| n.value.as_str().map(str::to_string)).or_else(|| cx.text(op, key))
        };
        EventOperation {
            id,
            action,
            channel: address.to_string(),
            messages,
            title: None,
            summary: text(self.cx, "summary"),
            description: text(self.cx, "description"),
            tags: self.cx.tags(&holder(op, &traits, "tags")),
            deprecated: field("deprecated").and_then(|d| d.value.as_bool()).unwrap_or(false),
            reply: None,
            security: self.security(op),
            bindings: self.bindings(&holder(op, &traits, "bindings")),
            extensions: op.extensions(),
            origin: op.loc(),
        }
    }
}

/// The object that supplies `key`: the node itself, else the first trait that has it.
fn holder<'w>(node: &Node<'w>, traits: &[Node<'w>], key: &str) -> Node<'w> {
    if node.has(key) {
        return node.clone();
    }
    traits.iter().find(|t| t.has(key)).unwrap_or(node).clone()
}

/// Schema formats read as JSON Schema: AsyncAPI's own, JSON Schema, OpenAPI's.
fn is_json_schema_format(format: &str) -> bool {
    let f = format.to_ascii_lowercase();
    f.starts_with("application/vnd.aai.asyncapi")
        || f.starts_with("application/schema+json")
        || f.starts_with("application/schema+yaml")
        || f.starts_with("application/vnd.oai.openapi")
}

/// `base`, or `base_2`, `base_3`... whichever is not taken yet.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}_{n}")).find(|c| !taken(c)).expect("some suffix is free")
}
