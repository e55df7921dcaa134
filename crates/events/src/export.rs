//! An AsyncAPI 3.0 document from code-first events: the channels, messages
//! and operations of the `Event` types an application sends and receives,
//! with payload schemas from schemars.
//!
//! ```text
//! let document = AsyncApi::new("Orders", "1.0.0").send::<OrderCreated>().receive::<PaymentFailed>();
//! std::fs::write("asyncapi.json", document.to_json())?;
//! ```

use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};

use super::Event;

/// The document being built. Each event type becomes a message on the
/// channel its `CHANNEL` names (one channel per address or template), and
/// each `send`/`receive` an operation.
pub struct AsyncApi {
    info: Map<String, Value>,
    servers: Map<String, Value>,
    generator: SchemaGenerator,
    channels: Map<String, Value>,
    operations: Map<String, Value>,
    messages: Map<String, Value>,
}

impl AsyncApi {
    pub fn new(title: impl Into<String>, version: impl Into<String>) -> AsyncApi {
        let mut info = Map::new();
        info.insert("title".into(), Value::String(title.into()));
        info.insert("version".into(), Value::String(version.into()));
        let settings = SchemaSettings::draft2020_12().with(|s| {
            // Named schemas go where AsyncAPI keeps them, and refs point there.
            s.definitions_path = "/components/schemas".into();
        });
        AsyncApi {
            info,
            servers: Map::new(),
            generator: SchemaGenerator::new(settings),
            channels: Map::new(),
            operations: Map::new(),
            messages: Map::new(),
        }
    }

    pub fn description(mut self, description: impl Into<String>) -> AsyncApi {
        self.info.insert("description".into(), Value::String(description.into()));
        self
    }

    /// A server the application runs against: a name, a host (`broker:9092`)
    /// and a protocol (`kafka`, `nats`, `amqp`, `mqtt`, `ws`...). Code knows
    /// its events, not where they are deployed, so this is said here.
    pub fn server(mut self, name: impl Into<String>, host: impl Into<String>, protocol: impl Into<String>) -> AsyncApi {
        let (host, protocol) = (host.into(), protocol.into());
        self.servers.insert(name.into(), json!({ "host": host, "protocol": protocol }));
        self
    }

    /// The application sends `E`.
    pub fn send<E: Event + JsonSchema>(self) -> AsyncApi {
        self.operation::<E>("send")
    }

    /// The application receives `E`.
    pub fn receive<E: Event + JsonSchema>(self) -> AsyncApi {
        self.operation::<E>("receive")
    }

    /// The application sends `E` as a request and awaits an `R` in reply
    /// (at the address the request names in its `replyto` header).
    pub fn send_request<E: Event + JsonSchema, R: Event + JsonSchema>(self) -> AsyncApi {
        self.operation::<E>("send").reply::<E, R>("send")
    }

    /// The application receives `E` as a request and answers with an `R`.
    pub fn receive_request<E: Event + JsonSchema, R: Event + JsonSchema>(self) -> AsyncApi {
        self.operation::<E>("receive").reply::<E, R>("receive")
    }

    /// Gives the operation for `E` its reply: `R` on a channel of its own
    /// whose address the request carries.
    fn reply<E: Event, R: Event + JsonSchema>(mut self, action: &str) -> AsyncApi {
        let channel = format!("{}Reply", channel_id(E::CHANNEL));
        let message = self.message::<R>();
        self.channels.entry(channel.clone()).or_insert_with(|| json!({ "address": null, "messages": {} }));
        self.list(&channel, &message);
        let id = format!("{action}{}", upper_first(&channel_id(E::CHANNEL)));
        self.operations[&id]["reply"] = json!({
            "address": { "location": format!("$message.header#/{}", super::REPLY_TO) },
            "channel": { "$ref": format!("#/channels/{channel}") },
            "messages": [{ "$ref": format!("#/channels/{channel}/messages/{}", pointer_token(&message)) }],
        });
        self
    }

    /// Lists the component message `message` on `channel`, which exists.
    fn list(&mut self, channel: &str, message: &str) {
        let reference = json!({ "$ref": format!("#/components/messages/{}", pointer_token(message)) });
        self.channels[channel]["messages"][message] = reference;
    }

    /// The message for `E` in the components, added the first time; gives its key.
    fn message<E: Event + JsonSchema>(&mut self) -> String {
        let message = E::NAME.to_string();
        if !self.messages.contains_key(&message) {
            let payload = self.generator.subschema_for::<E>().to_value();
            let mut m = json!({ "name": message, "contentType": "application/json", "payload": payload });
            if let Some(version) = E::VERSION {
                m["x-eventversion"] = json!(version);
            }
            self.messages.insert(message.clone(), m);
        }
        message
    }

    fn operation<E: Event + JsonSchema>(mut self, action: &str) -> AsyncApi {
        let channel = channel_id(E::CHANNEL);
        let message = self.message::<E>();
        self.channels.entry(channel.clone()).or_insert_with(|| {
            let parameters: Map<String, Value> =
                parameter_names(E::CHANNEL).map(|p| (p.to_string(), json!({}))).collect();
            let mut c = json!({ "address": E::CHANNEL, "messages": {} });
            if !parameters.is_empty() {
                c["parameters"] = Value::Object(parameters);
            }
            c
        });
        self.list(&channel, &message);
        // One operation per action and channel, listing its messages.
        let id = format!("{action}{}", upper_first(&channel));
        let op = self.operations.entry(id).or_insert_with(
            || json!({ "action": action, "channel": { "$ref": format!("#/channels/{channel}") }, "messages": [] }),
        );
        let reference = json!({ "$ref": format!("#/channels/{channel}/messages/{}", pointer_token(&message)) });
        if let Some(list) = op["messages"].as_array_mut().filter(|l| !l.contains(&reference)) {
            list.push(reference);
        }
        self
    }

    /// The document as JSON (which is also YAML).
    pub fn to_value(&self) -> Value {
        let mut components = Map::new();
        let schemas: Map<String, Value> = self.generator.definitions().clone();
        if !schemas.is_empty() {
            components.insert("schemas".into(), Value::Object(schemas));
        }
        components.insert("messages".into(), Value::Object(self.messages.clone()));
        let mut document = json!({
            "asyncapi": "3.0.0",
            "info": self.info,
            "channels": self.channels,
            "operations": self.operations,
            "components": components,
        });
        if !self.servers.is_empty() {
            document["servers"] = Value::Object(self.servers.clone());
        }
        document
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).expect("a JSON value prints")
    }
}

fn parameter_names(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name))
}

/// A channel's key: the words of its address in camel case
/// (`orders.{region}.created` is `ordersRegionCreated`).
fn channel_id(address: &str) -> String {
    let mut words = address.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("channel").to_string();
    words.fold(first, |id, word| id + &upper_first(word))
}

fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn channel_keys_are_camel_case_words() {
        assert_eq!(super::channel_id("orders.{region}.created"), "ordersRegionCreated");
        assert_eq!(super::channel_id("/lights/{id}/dim"), "lightsIdDim");
    }
}
