//! What the events module holds, decided before the types are finished:
//! the Rust name of every message, enum and parameters struct, and what
//! each operation sends, receives and replies with.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use serde_json::Value;
use specwright_spec::ir::{Action, Api, Channel, Payload};
use specwright_spec::{Diagnostic, Location};

use crate::options::Role;
use crate::plan::docs::doc_text;
use crate::plan::names::{field_name, type_name, Namer};
use crate::plan::types::{Planner, Ty};

pub struct EventPlan {
    pub messages: Vec<MessagePlan>,
    pub enums: Vec<EnumPlan>,
    pub channels: Vec<ChannelPlan>,
    pub ops: Vec<OpPlan>,
}

pub struct MessagePlan {
    pub type_name: String,
    /// The CloudEvents `type` it travels under: the message's `name`, else its id.
    pub event_name: String,
    pub payload: Ty,
    pub headers: Option<Ty>,
    /// The address (or template) of the first channel that carries it.
    pub address: String,
    pub correlation: Option<String>,
    pub docs: Option<String>,
    pub deprecated: bool,
}

/// An enum of several messages, read by the name each arrives under.
pub struct EnumPlan {
    pub type_name: String,
    pub messages: Vec<usize>,
    pub address: String,
}

pub struct ChannelPlan {
    /// Where it is published and read; `None` when only known at run time.
    pub address: Option<String>,
    /// The struct of its parameters, for a template.
    pub parameters: Option<ParametersPlan>,
    pub bindings: BindingsPlan,
}

/// What the channel's bindings (and its operations') say that a transport applies.
#[derive(Default, PartialEq, Eq)]
pub struct BindingsPlan {
    pub kafka_topic: Option<String>,
    pub kafka_partitions: Option<i32>,
    pub kafka_replicas: Option<i32>,
    pub amqp_exchange: Option<String>,
    pub mqtt_retain: Option<bool>,
    pub mqtt_qos: Option<u8>,
}

pub struct ParametersPlan {
    pub type_name: String,
    /// Each parameter's name in the template, field name, type and docs.
    pub fields: Vec<(String, String, Ty, Option<String>)>,
}

/// One message, or an enum of several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carried {
    One(usize),
    Enum(usize),
}

pub struct OpPlan {
    pub id: String,
    pub fn_name: String,
    /// The action from the generated code's side (flipped for [`Role::Client`]).
    pub action: Action,
    pub channel: usize,
    pub carried: Carried,
    pub reply: Option<ReplyPlan>,
    pub docs: Option<String>,
    pub deprecated: bool,
}

pub struct ReplyPlan {
    pub carried: Carried,
    /// A fixed reply channel's address.
    pub address: Option<String>,
    /// Where the request carries the reply address, as a runtime expression.
    pub expression: Option<String>,
}

struct Builder<'a, 'p> {
    api: &'a Api,
    planner: &'p mut Planner<'a>,
    plan: EventPlan,
    namer: Namer,
    messages: HashMap<&'a str, usize>,
    enums: HashMap<Vec<usize>, usize>,
}

impl<'a> Builder<'a, '_> {
    /// The message `id`, planned the first time it is met (on a channel at `address`).
    fn message(&mut self, id: &str, address: &str) -> Option<usize> {
        if let Some(&i) = self.messages.get(id) {
            return Some(i);
        }
        let (key, m) = self.api.messages.get_key_value(id)?;
        let event_name = m.name.clone().unwrap_or_else(|| id.to_string());
        let base = type_name(&event_name);
        let payload = match &m.payload {
            Some(Payload::Schema(s)) => self.planner.ty(*s, &format!("{base}Payload")),
            _ => Ty::Any,
        };
        // Headers are a struct of fields; a schema that is none gives no header type.
        let headers =
            m.headers.map(|h| self.planner.ty(h, &format!("{base}Headers"))).filter(|t| matches!(t, Ty::Named(_)));
        self.plan.messages.push(MessagePlan {
            type_name: self.namer.claim(&base),
            event_name,
            payload,
            headers,
            address: address.to_string(),
            correlation: m.correlation_id.as_ref().map(|c| c.location.clone()),
            docs: doc_text(m.title.as_deref().or(m.summary.as_deref()), m.description.as_deref()),
            deprecated: m.deprecated,
        });
        self.messages.insert(key.as_str(), self.plan.messages.len() - 1);
        Some(self.plan.messages.len() - 1)
    }

    fn messages(&mut self, ids: &[String], address: &str) -> Vec<usize> {
        let mut found: Vec<usize> = ids.iter().filter_map(|m| self.message(m, address)).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// One message, or the enum of several (one enum per set of messages,
    /// named after where it is first needed).
    fn carried(&mut self, messages: Vec<usize>, name: &str, address: &str) -> Option<Carried> {
        match messages.as_slice() {
            [] => None,
            [one] => Some(Carried::One(*one)),
            _ => {
                if let Some(&i) = self.enums.get(&messages) {
                    return Some(Carried::Enum(i));
                }
                let type_name = self.namer.claim(&type_name(name));
                self.plan.enums.push(EnumPlan { type_name, messages: messages.clone(), address: address.to_string() });
                self.enums.insert(messages, self.plan.enums.len() - 1);
                Some(Carried::Enum(self.plan.enums.len() - 1))
            }
        }
    }
}

pub fn plan<'a>(api: &'a Api, planner: &mut Planner<'a>, role: Role, diagnostics: &mut Vec<Diagnostic>) -> EventPlan {
    let mut namer = Namer::new();
    // What the events module declares or imports itself: a message's type
    // must not take one of these names.
    let own = ["Publisher", "Handler", "register", "Context", "EventApp", "HandlerError", "PublishError"];
    for reserved in own.into_iter().chain(["RequestError", "Arc", "Future"]) {
        namer.reserve(reserved);
    }
    let plan = EventPlan { messages: Vec::new(), enums: Vec::new(), channels: Vec::new(), ops: Vec::new() };
    let mut b = Builder { api, planner, plan, namer, messages: HashMap::new(), enums: HashMap::new() };
    let channel_ids: HashMap<&str, usize> = api.channels.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();

    for (id, channel) in &api.channels {
        let address = channel.address.clone();
        let shown = address.clone().unwrap_or_else(|| id.clone());
        let found = b.messages(&channel.messages, &shown);
        b.carried(found, &format!("{id}Message"), &shown);
        let parameters = address.as_deref().filter(|a| a.contains('{')).map(|_| {
            let struct_name = b.namer.claim(&format!("{}Parameters", type_name(id)));
            let mut fields_namer = Namer::new();
            let fields = channel
                .parameters
                .iter()
                .map(|p| {
                    let ty = match p.schema {
                        Some(s) => b.planner.ty(s, &format!("{}{}", type_name(id), type_name(&p.name))),
                        None => Ty::String,
                    };
                    let field = fields_namer.claim(&field_name(&p.name));
                    (p.name.clone(), field, ty, doc_text(None, p.description.as_deref()))
                })
                .collect();
            ParametersPlan { type_name: struct_name, fields }
        });
        let bindings = channel_bindings(channel, diagnostics);
        b.plan.channels.push(ChannelPlan { address, parameters, bindings });
    }

    let mut fn_names = Namer::new();
    for reserved in ["new", "requester", "events"] {
        fn_names.reserve(reserved);
    }
    for op in &api.event_operations {
        let Some(&channel) = channel_ids.get(op.channel.as_str()) else { continue };
        let shown = b.plan.channels[channel].address.clone().unwrap_or_else(|| op.channel.clone());
        let found = b.messages(&op.messages, &shown);
        let Some(carried) = b.carried(found, &format!("{}Message", op.id), &shown) else {
            diagnostics.push(Diagnostic::warning(
                "operation-without-messages",
                op.origin.clone(),
                format!("operation `{}` names no message, so no method is generated for it", op.id),
            ));
            continue;
        };
        let reply = op.reply.as_ref().and_then(|r| {
            let reply_channel = r.channel.as_deref().and_then(|c| channel_ids.get(c).copied());
            let address = reply_channel.and_then(|c| b.plan.channels[c].address.clone());
            let shown = address.clone().unwrap_or_else(|| format!("{shown}.reply"));
            let found = b.messages(&r.messages, &shown);
            let carried = b.carried(found, &format!("{}Reply", op.id), &shown)?;
            Some(ReplyPlan { carried, address, expression: r.address.clone() })
        });
        let action = match role {
            Role::Application => op.action,
            Role::Client if op.action == Action::Send => Action::Receive,
            Role::Client => Action::Send,
        };
        // MQTT's qos and retain are the operations' to say; the channel takes them.
        if let Some(mqtt) = op.bindings.get("mqtt") {
            let bound = &mut b.plan.channels[channel].bindings;
            let qos = binding_number(mqtt.get("qos"), 0..=2, "MQTT QoS", &op.origin, diagnostics);
            bound.mqtt_qos = bound.mqtt_qos.or(qos);
            bound.mqtt_retain = bound.mqtt_retain.or(mqtt.get("retain").and_then(Value::as_bool));
        }
        b.plan.ops.push(OpPlan {
            id: op.id.clone(),
            fn_name: fn_names.claim(&field_name(&op.id)),
            action,
            channel,
            carried,
            reply,
            docs: doc_text(op.title.as_deref().or(op.summary.as_deref()), op.description.as_deref()),
            deprecated: op.deprecated,
        });
    }
    b.plan
}

fn channel_bindings(channel: &Channel, diagnostics: &mut Vec<Diagnostic>) -> BindingsPlan {
    let mut plan = BindingsPlan::default();
    let templated = channel.address.as_deref().is_some_and(|a| a.contains('{'));
    if let Some(kafka) = channel.bindings.get("kafka") {
        plan.kafka_topic = kafka.get("topic").and_then(Value::as_str).map(str::to_string);
        let whole = 1..=i64::from(i32::MAX);
        plan.kafka_partitions = binding_number(
            kafka.get("partitions"),
            whole.clone(),
            "Kafka partition count",
            &channel.origin,
            diagnostics,
        );
        plan.kafka_replicas =
            binding_number(kafka.get("replicas"), whole, "Kafka replica count", &channel.origin, diagnostics);
    }
    if let Some(amqp) = channel.bindings.get("amqp") {
        plan.amqp_exchange = amqp.pointer("/exchange/name").and_then(Value::as_str).map(str::to_string);
    }
    // One fixed name for every address of a template would put them all in
    // one place, where a subscriber to one address would read the others'.
    for (name, what) in [(&mut plan.kafka_topic, "Kafka topic"), (&mut plan.amqp_exchange, "AMQP exchange")] {
        if templated && name.as_deref().is_some_and(|n| !n.contains('{')) {
            diagnostics.push(Diagnostic::warning(
                "binding-name-fixed-for-template",
                channel.origin.clone(),
                format!(
                    "the {what} `{}` is one name for every address of `{}`; the address names it instead",
                    name.as_deref().unwrap_or_default(),
                    channel.address.as_deref().unwrap_or_default()
                ),
            ));
            *name = None;
        }
    }
    plan
}

/// A binding's number as a transport takes it. One that is not a whole
/// number in `valid` is left out, so the transport's default applies, and
/// the document's author is told.
fn binding_number<T: TryFrom<i64>>(
    value: Option<&Value>,
    valid: RangeInclusive<i64>,
    what: &str,
    origin: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let value = value?;
    let number = value.as_i64().filter(|n| valid.contains(n)).and_then(|n| T::try_from(n).ok());
    if number.is_none() {
        diagnostics.push(Diagnostic::warning(
            "binding-out-of-range",
            origin.clone(),
            format!(
                "the {what} {value} is not a whole number from {} to {}; the transport's default applies",
                valid.start(),
                valid.end()
            ),
        ));
    }
    number
}
