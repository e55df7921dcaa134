//! The events module of a generated crate, from an AsyncAPI document:
//!
//! - a newtype per message, deriving the runtime's `Event` (the derive
//!   code-first users write by hand), and an enum where several messages
//!   share a place;
//! - a parameters struct per channel template, which fills in an address;
//! - `Publisher`, with a method per operation the code sends (a request
//!   where the operation expects a reply);
//! - `Handler`, a trait with a method per operation the code receives, and
//!   `register`, which wires an implementation into an `EventApp`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use specwright_spec::ir::{Action, Api};

use crate::emit::common::{deprecated, docs, ident, ty_path};
use crate::emit::types::Style;
use crate::plan::events::{Carried, EventPlan, OpPlan};
use crate::plan::types::{Def, Ty};

pub fn module(api: &Api, plan: &EventPlan, defs: &[Def], style: &Style) -> TokenStream {
    let cx = Cx { plan, defs, style };
    let messages = plan.messages.iter().map(|m| cx.message(m));
    let enums = plan.enums.iter().map(|e| cx.enumeration(e));
    let parameters = plan.channels.iter().filter_map(|c| c.parameters.as_ref().map(|p| cx.parameters(c, p)));
    let sending: Vec<&OpPlan> = plan.ops.iter().filter(|op| op.action == Action::Send).collect();
    let receiving: Vec<&OpPlan> = plan.ops.iter().filter(|op| op.action == Action::Receive).collect();
    let title = if api.info.title.is_empty() { "the API" } else { &api.info.title };
    let publisher = (!sending.is_empty()).then(|| cx.publisher(title, &sending));
    let handler = (!receiving.is_empty()).then(|| cx.handler(title, &receiving));
    let bindings = cx.bindings();
    let std_uses = match (publisher.is_some(), handler.is_some()) {
        (_, true) => quote!(
            use std::future::Future;
            use std::sync::Arc;
        ),
        (true, false) => quote!(
            use std::sync::Arc;
        ),
        _ => quote!(),
    };
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(deprecated)]
        #![allow(clippy::large_enum_variant, clippy::doc_lazy_continuation, clippy::doc_overindented_list_items,
            clippy::too_long_first_doc_paragraph, clippy::too_many_arguments, clippy::should_implement_trait,
            clippy::wrong_self_convention)]
        #![allow(rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags,
            rustdoc::invalid_rust_codeblocks)]

        #std_uses
        use ::specwright_runtime::events as ev;
        pub use ev::{Context, EventApp, HandlerError, PublishError, RequestError};

        #(#messages)*
        #(#enums)*
        #(#parameters)*
        #publisher
        #handler
        #bindings
    }
}

struct Cx<'a> {
    plan: &'a EventPlan,
    defs: &'a [Def],
    style: &'a Style,
}

impl Cx<'_> {
    fn ty(&self, ty: &Ty) -> TokenStream {
        ty_path(ty, self.defs, &quote!(super::types::))
    }

    fn carried(&self, carried: Carried) -> TokenStream {
        let name = match carried {
            Carried::One(m) => &self.plan.messages[m].type_name,
            Carried::Enum(e) => &self.plan.enums[e].type_name,
        };
        let name = ident(name);
        quote!(#name)
    }

    /// The correlation id's place, for an operation carrying one message that names it.
    fn correlation(&self, carried: Carried) -> TokenStream {
        match carried {
            Carried::One(m) => match &self.plan.messages[m].correlation {
                Some(c) => quote!(Some(#c)),
                None => quote!(None),
            },
            Carried::Enum(_) => quote!(None),
        }
    }

    fn message(&self, m: &crate::plan::events::MessagePlan) -> TokenStream {
        let name = ident(&m.type_name);
        let payload = self.ty(&m.payload);
        let (event_name, address) = (&m.event_name, &m.address);
        let doc = docs(m.docs.as_deref());
        let dep = deprecated(m.deprecated);
        let headers = m.headers.as_ref().map(|h| {
            let h = self.ty(h);
            quote! {
                /// The headers the spec gives this message, read from a received one.
                pub fn headers(message: &ev::Message) -> Result<#h, ev::CodecError> {
                    ev::read_headers(&message.headers)
                }
            }
        });
        let correlation = m.correlation.as_ref().map(|c| {
            quote! {
                /// Where the message carries its correlation id.
                pub const CORRELATION_ID: &'static str = #c;

                /// The correlation id of a received message, read where the spec says it is.
                pub fn correlation_id(message: &ev::Message) -> Option<String> {
                    ev::Place::parse(Self::CORRELATION_ID)?.read(message)
                }
            }
        });
        let inherent =
            (headers.is_some() || correlation.is_some()).then(|| quote!(impl #name { #headers #correlation }));
        let (cfg, extra) = (self.style.schemars(), self.style.extra(&name.to_string()));
        quote! {
            #doc
            #dep
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
            #[cfg_attr(#cfg, derive(::schemars::JsonSchema))]
            #extra
            #[serde(transparent)]
            #[event(name = #event_name, channel = #address)]
            pub struct #name(pub #payload);

            #inherent
        }
    }

    fn enumeration(&self, e: &crate::plan::events::EnumPlan) -> TokenStream {
        let name = ident(&e.type_name);
        let (event_name, address) = (&e.type_name, &e.address);
        let variants = e.messages.iter().map(|&m| {
            let m = &self.plan.messages[m];
            let (variant, event_name) = (ident(&m.type_name), &m.event_name);
            quote!(#[event(name = #event_name)] #variant(#variant),)
        });
        let doc = format!(" One of several messages, told apart by the name each arrives under (`{address}`).");
        let (cfg, extra) = (self.style.schemars(), self.style.extra(&e.type_name));
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize, ev::Event)]
            #[cfg_attr(#cfg, derive(::schemars::JsonSchema))]
            #extra
            #[serde(untagged)]
            #[event(name = #event_name, channel = #address)]
            pub enum #name { #(#variants)* }
        }
    }

    fn parameters(
        &self,
        channel: &crate::plan::events::ChannelPlan,
        p: &crate::plan::events::ParametersPlan,
    ) -> TokenStream {
        let name = ident(&p.type_name);
        let template = channel.address.as_deref().unwrap_or_default();
        let fields = p.fields.iter().map(|(wire, field, ty, doc)| {
            let (field, ty, doc) = (ident(field), self.ty(ty), docs(doc.as_deref()));
            quote!(#doc #[serde(rename = #wire)] pub #field: #ty,)
        });
        let doc = format!(" The parameters of `{template}`, which fill in one address of it.");
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
            pub struct #name { #(#fields)* }

            impl #name {
                pub const TEMPLATE: &'static str = #template;

                /// The address these parameters fill in; a value that would change
                /// its shape (a separator or a wildcard) is refused.
                pub fn address(&self) -> Result<String, ev::AddressError> {
                    ev::address::fill(Self::TEMPLATE, self)
                }
            }
        }
    }

    /// How an operation finds its address: the argument it takes for it
    /// (a channel's parameters, or the address itself when only known at
    /// run time), and the address as a `&str` and as a `String`.
    fn address(&self, op: &OpPlan, by_ref: bool) -> (TokenStream, TokenStream, TokenStream) {
        let channel = &self.plan.channels[op.channel];
        match (&channel.parameters, &channel.address) {
            (Some(p), _) => {
                let p = ident(&p.type_name);
                let arg = if by_ref { quote!(parameters: &#p,) } else { quote!(parameters: #p,) };
                (arg, quote!(&parameters.address()?), quote!(parameters.address()?))
            }
            (None, Some(address)) => (quote!(), quote!(#address), quote!(#address.to_string())),
            (None, None) => (quote!(address: &str,), quote!(address), quote!(address.to_string())),
        }
    }

    /// `bindings()`: what the spec's bindings say, for the transports' options.
    fn bindings(&self) -> TokenStream {
        let channels = self.plan.channels.iter().filter(|c| c.bindings != Default::default()).filter_map(|c| {
            let address = c.address.as_deref()?;
            let b = &c.bindings;
            let text = |v: &Option<String>| match v {
                Some(v) => quote!(Some(#v.into())),
                None => quote!(None),
            };
            let number = |v: Option<i32>| match v {
                Some(v) => {
                    let v = proc_macro2::Literal::i32_unsuffixed(v);
                    quote!(Some(#v))
                }
                None => quote!(None),
            };
            let (topic, exchange) = (text(&b.kafka_topic), text(&b.amqp_exchange));
            let (partitions, replicas) = (number(b.kafka_partitions), number(b.kafka_replicas));
            let qos = match b.mqtt_qos {
                Some(q) => {
                    let q = proc_macro2::Literal::u8_unsuffixed(q);
                    quote!(Some(#q))
                }
                None => quote!(None),
            };
            let retain = match b.mqtt_retain {
                Some(r) => quote!(Some(#r)),
                None => quote!(None),
            };
            Some(quote! {
                .channel(#address, ev::ChannelBindings {
                    kafka_topic: #topic,
                    kafka_partitions: #partitions,
                    kafka_replicas: #replicas,
                    amqp_exchange: #exchange,
                    mqtt_retain: #retain,
                    mqtt_qos: #qos,
                })
            })
        });
        quote! {
            /// What the spec's bindings say about its channels (Kafka topics,
            /// partitions and replicas, AMQP exchanges, MQTT retain and QoS),
            /// for a transport's options: `KafkaOptions { bindings: bindings(), .. }`.
            pub fn bindings() -> ev::Bindings {
                ev::Bindings::new() #(#channels)*
            }
        }
    }

    fn publisher(&self, title: &str, ops: &[&OpPlan]) -> TokenStream {
        let requests = ops.iter().any(|op| op.reply.is_some());
        let methods = ops.iter().map(|op| self.send_method(op));
        let doc = format!(" Sends what {title} sends: a method per operation.");
        let (field, init) = if requests {
            (
                quote!(requester: ev::Requester,),
                quote!(requester: ev::Requester::new(transport.clone(), source.clone()),),
            )
        } else {
            (quote!(), quote!())
        };
        quote! {
            #[doc = #doc]
            #[derive(Clone)]
            pub struct Publisher {
                events: ev::EventPublisher,
                #field
            }

            impl Publisher {
                /// `source` is the CloudEvents `source` of what it sends, such as `/orders`.
                pub fn new(transport: Arc<dyn ev::Transport>, source: impl Into<std::borrow::Cow<'static, str>>) -> Self {
                    let source = source.into();
                    Publisher { #init events: ev::EventPublisher::new(transport, source) }
                }

                /// The publisher underneath, for events of other kinds.
                pub fn events(&self) -> &ev::EventPublisher {
                    &self.events
                }

                #(#methods)*
            }
        }
    }

    fn send_method(&self, op: &OpPlan) -> TokenStream {
        let name = ident(&op.fn_name);
        let event = self.carried(op.carried);
        let (arg, address, _) = self.address(op, true);
        let doc = docs(op.docs.as_deref());
        let dep = deprecated(op.deprecated);
        let sep = if op.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
        let id = &op.id;
        if let Some(reply) = &op.reply {
            let answer = self.carried(reply.carried);
            let channel = option(reply.address.as_deref());
            let expression = option(reply.expression.as_deref());
            let correlation = self.correlation(op.carried);
            let summary = format!(" `{id}`: sends the request and waits up to `timeout` for its reply.");
            return quote! {
                #doc
                #sep
                #[doc = #summary]
                #dep
                pub async fn #name(&self, #arg event: &#event, timeout: std::time::Duration) -> Result<#answer, ev::RequestError> {
                    let reply = ev::ReplyTo { channel: #channel, expression: #expression };
                    self.requester.request(#address, event, reply, #correlation, timeout).await
                }
            };
        }
        let headers = match op.carried {
            Carried::One(m) => self.plan.messages[m].headers.as_ref().map(|h| self.ty(h)),
            Carried::Enum(_) => None,
        };
        let summary = format!(" `{id}`: publishes the event; gives the id it went out with.");
        let (headers_arg, send) = match headers {
            Some(h) => (quote!(headers: &#h), quote!(self.events.publish_with(#address, event, headers))),
            None => (quote!(), quote!(self.events.publish_to(#address, event))),
        };
        quote! {
            #doc
            #sep
            #[doc = #summary]
            #dep
            pub async fn #name(&self, #arg event: &#event, #headers_arg) -> Result<String, ev::PublishError> {
                #send.await
            }
        }
    }

    fn handler(&self, title: &str, ops: &[&OpPlan]) -> TokenStream {
        let methods = ops.iter().map(|op| {
            let name = ident(&op.fn_name);
            let event = self.carried(op.carried);
            let channel = &self.plan.channels[op.channel];
            let parameters = channel.parameters.as_ref().map(|p| {
                let p = ident(&p.type_name);
                quote!(parameters: &#p,)
            });
            let output = match &op.reply {
                Some(r) => self.carried(r.carried),
                None => quote!(()),
            };
            let doc = docs(op.docs.as_deref());
            let dep = deprecated(op.deprecated);
            let sep = if op.docs.is_some() { quote!(#[doc = ""]) } else { quote!() };
            let summary = match &op.reply {
                Some(_) => format!(" `{}`: handles the request; what it gives is sent back as the reply.", op.id),
                None => format!(" `{}`: handles one event; an error has it retried, or dead-lettered.", op.id),
            };
            quote! {
                #doc
                #sep
                #[doc = #summary]
                #dep
                fn #name(&self, #parameters event: #event, cx: &ev::Context)
                    -> impl Future<Output = Result<#output, ev::HandlerError>> + Send;
            }
        });
        let mut plain = Vec::new();
        let mut own = Vec::new();
        let mut needs_address = Vec::new();
        for op in ops {
            let channel = &self.plan.channels[op.channel];
            let route = self.route(op);
            let (arg, _, address) = self.address(op, false);
            let name = format_ident!("register_{}", op.fn_name);
            let fixed = channel.parameters.is_none() && channel.address.is_some();
            let doc = if fixed {
                format!(" Subscribes `{}` as a member of `group`.", op.id)
            } else {
                needs_address.push(format!("[`register_{}`]", op.fn_name));
                format!(" Subscribes `{}` at one address of its channel, as a member of `group`.", op.id)
            };
            let (output, done) = if fixed {
                (quote!(ev::EventApp), quote!(#route))
            } else {
                (quote!(Result<ev::EventApp, ev::AddressError>), quote!(Ok(#route)))
            };
            let address = (!fixed).then(|| quote!(let address = #address;));
            own.push(quote! {
                #[doc = #doc]
                pub fn #name<H: Handler>(app: ev::EventApp, handler: Arc<H>, group: &str, #arg) -> #output {
                    #address
                    #done
                }
            });
            if fixed {
                // Operations reading one channel each see every event: a group apiece.
                let shared = ops.iter().filter(|o| o.channel == op.channel).count() > 1;
                let group = if shared {
                    let suffix = format!(".{}", op.fn_name);
                    quote!(&format!("{group}{}", #suffix))
                } else {
                    quote!(group)
                };
                plain.push(quote!(#name(app, handler.clone(), #group)));
            }
        }
        let trait_doc = format!(" What {title} receives: a method per operation. [`register`] subscribes them.");
        let mut register_doc = String::from(
            " Subscribes every operation of `handler` as a member of `group` (of `group.operation` where \
             several operations read one channel, so that each sees every event).",
        );
        if !needs_address.is_empty() {
            register_doc.push_str(&format!(
                " An operation on a channel template is subscribed at one address of it by its own call: {}.",
                needs_address.join(", ")
            ));
        }
        // Each call takes the app the one before gave; the last gives it back.
        let body = match plain.split_last() {
            Some((last, rest)) => quote!(#(let app = #rest;)* #last),
            None => quote!(let _ = (&handler, group); app),
        };
        quote! {
            #[doc = #trait_doc]
            pub trait Handler: Send + Sync + 'static {
                #(#methods)*
            }

            #[doc = #register_doc]
            pub fn register<H: Handler>(app: ev::EventApp, handler: Arc<H>, group: &str) -> ev::EventApp {
                #body
            }

            #(#own)*
        }
    }

    /// `app.handle_on(...)` for a receiving operation, with `handler` and
    /// `group` in scope (and `address` and `parameters` where it needs them).
    fn route(&self, op: &OpPlan) -> TokenStream {
        let name = ident(&op.fn_name);
        let event = self.carried(op.carried);
        let channel = &self.plan.channels[op.channel];
        let (address, call) = match (&channel.parameters, &channel.address) {
            (Some(_), _) => (quote!(address), quote!(handler.#name(&parameters, event, &cx).await)),
            (None, Some(address)) => (quote!(#address), quote!(handler.#name(event, &cx).await)),
            (None, None) => (quote!(address), quote!(handler.#name(event, &cx).await)),
        };
        let keep = channel.parameters.as_ref().map(|_| quote!(let parameters = parameters.clone();));
        let body = match &op.reply {
            Some(reply) => {
                let channel = option(reply.address.as_deref());
                let expression = option(reply.expression.as_deref());
                let correlation = self.correlation(op.carried);
                quote! {
                    let reply = #call?;
                    let to = ev::ReplyTo { channel: #channel, expression: #expression };
                    cx.reply(&reply, to, #correlation).await.map_err(ev::HandlerError::retry)?;
                    Ok(())
                }
            }
            None => call,
        };
        quote! {
            app.handle_on(#address, group, move |event: #event, cx: ev::Context| {
                let handler = handler.clone();
                #keep
                async move { #body }
            })
        }
    }
}

fn option(text: Option<&str>) -> TokenStream {
    match text {
        Some(t) => quote!(Some(#t)),
        None => quote!(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Role;
    use crate::plan::events::plan;
    use crate::plan::types::Planner;

    fn generated(role: Role) -> String {
        let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs/order-events.yaml");
        let api = specwright_spec::Loader::new().load_file(std::path::Path::new(spec)).unwrap().api.unwrap();
        let mut planner = Planner::new(&api);
        planner.add_components();
        let plan = plan(&api, &mut planner, role, &mut Vec::new());
        let types = planner.finish();
        crate::emit::format::tokens(module(&api, &plan, &types.defs, &Style::default()))
    }

    /// The text of `item` (up to its closing brace at the start of a line).
    fn item<'a>(source: &'a str, start: &str) -> &'a str {
        let from = source.find(start).unwrap_or_else(|| panic!("no `{start}`"));
        let rest = &source[from..];
        &rest[..rest.find("\n}\n").unwrap_or(rest.len())]
    }

    #[test]
    fn a_client_sends_what_the_application_receives() {
        let application = generated(Role::Application);
        let client = generated(Role::Client);
        let (app_publisher, app_handler) =
            (item(&application, "impl Publisher"), item(&application, "pub trait Handler"));
        let (client_publisher, client_handler) = (item(&client, "impl Publisher"), item(&client, "pub trait Handler"));
        assert!(
            app_publisher.contains("fn publish_order_created(")
                && app_handler.contains("fn inventory_on_order_created(")
        );
        assert!(
            client_handler.contains("fn publish_order_created(")
                && client_publisher.contains("fn inventory_on_order_created(")
        );
        assert!(!client_publisher.contains("fn publish_order_created("));
        // The request becomes the handler that answers it, and the answer becomes the request.
        assert!(app_publisher.contains("fn check_stock(") && client_handler.contains("fn check_stock("));
        assert!(client_handler.contains("Result<CheckStockReply, ev::HandlerError>"));
        assert!(client_publisher.contains("fn answer_stock_check(") && client_publisher.contains("ev::RequestError"));
    }
}
