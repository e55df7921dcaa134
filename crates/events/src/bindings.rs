//! What a spec's bindings say about its channels, for the transports that
//! apply them: Kafka's topic, partitions and replicas, AMQP's exchange,
//! MQTT's retain flag and QoS. Generated crates write a `bindings()` that
//! returns these; a transport takes them in its options.

use std::collections::HashMap;

/// Settings for one channel (an address, or a template standing for many).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChannelBindings {
    /// The Kafka topic; a template (`orders.{region}`) is filled from the
    /// address's own parameters.
    pub kafka_topic: Option<String>,
    pub kafka_partitions: Option<i32>,
    pub kafka_replicas: Option<i32>,
    /// The AMQP exchange the channel is.
    pub amqp_exchange: Option<String>,
    /// MQTT: publish with the retain flag.
    pub mqtt_retain: Option<bool>,
    /// MQTT: the QoS the spec asks for. Deliveries are at least once (QoS 1)
    /// whatever it says; a 0 here does not weaken that.
    pub mqtt_qos: Option<u8>,
}

/// Channel settings by address or template.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bindings {
    channels: Vec<(String, ChannelBindings)>,
    exact: HashMap<String, usize>,
}

impl Bindings {
    pub fn new() -> Bindings {
        Bindings::default()
    }

    /// Adds the settings of the channel at `address` (which may be a template).
    pub fn channel(mut self, address: impl Into<String>, bindings: ChannelBindings) -> Bindings {
        let address = address.into();
        if !address.contains('{') {
            self.exact.insert(address.clone(), self.channels.len());
        }
        self.channels.push((address, bindings));
        self
    }

    /// The settings for a concrete address, with the parameters it filled
    /// in when it matched a template.
    pub fn find<'a>(&'a self, address: &'a str) -> Option<(&'a ChannelBindings, Vec<(&'a str, &'a str)>)> {
        if let Some(&i) = self.exact.get(address) {
            return Some((&self.channels[i].1, Vec::new()));
        }
        self.channels.iter().find_map(|(template, b)| matches(template, address).map(|p| (b, p)))
    }

    /// The Kafka topic for `address`, where a binding names one.
    pub fn kafka_topic(&self, address: &str) -> Option<String> {
        self.name(address, |b| b.kafka_topic.as_deref())
    }

    /// The AMQP exchange for `address`, where a binding names one.
    pub fn amqp_exchange(&self, address: &str) -> Option<String> {
        self.name(address, |b| b.amqp_exchange.as_deref())
    }

    /// A name a binding gives `address`, its template filled from the address.
    fn name(&self, address: &str, pick: impl Fn(&ChannelBindings) -> Option<&str>) -> Option<String> {
        let (b, parameters) = self.find(address)?;
        let mut filled = pick(b)?.to_string();
        for (name, value) in parameters {
            filled = filled.replace(&format!("{{{name}}}"), value);
        }
        // A parameter the address did not give leaves the topic unknown.
        (!filled.contains('{')).then_some(filled)
    }
}

/// The parameters `address` gives `template`, if it is one of its addresses.
/// A parameter stands for one or more characters up to the text that follows it.
pub fn matches<'a>(template: &'a str, address: &'a str) -> Option<Vec<(&'a str, &'a str)>> {
    let mut parameters = Vec::new();
    let (mut t, mut a) = (template, address);
    loop {
        let Some(open) = t.find('{') else { return (t == a).then_some(parameters) };
        a = a.strip_prefix(&t[..open])?;
        let close = open + t[open..].find('}')?;
        let name = &t[open + 1..close];
        t = &t[close + 1..];
        // The parameter runs to where the next literal text starts.
        let literal = &t[..t.find('{').unwrap_or(t.len())];
        let end = if literal.is_empty() { a.len() } else { a.find(literal)? };
        if end == 0 {
            return None;
        }
        parameters.push((name, &a[..end]));
        a = &a[end..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_their_addresses_only() {
        assert_eq!(matches("orders.{region}.created", "orders.eu.created"), Some(vec![("region", "eu")]));
        assert_eq!(matches("a/{x}/b/{y}", "a/1/b/2"), Some(vec![("x", "1"), ("y", "2")]));
        assert_eq!(matches("orders.{region}.created", "orders..created"), None);
        assert_eq!(matches("orders.{region}.created", "orders.eu.shipped"), None);
        assert_eq!(matches("orders.created", "orders.created"), Some(vec![]));
    }

    #[test]
    fn a_topic_template_is_filled_from_the_address() {
        let bindings = Bindings::new()
            .channel(
                "orders.{region}.created",
                ChannelBindings {
                    kafka_topic: Some("orders-{region}".into()),
                    kafka_partitions: Some(6),
                    ..Default::default()
                },
            )
            .channel("audit", ChannelBindings { kafka_topic: Some("audit-log".into()), ..Default::default() });
        assert_eq!(bindings.kafka_topic("orders.eu.created").as_deref(), Some("orders-eu"));
        assert_eq!(bindings.kafka_topic("audit").as_deref(), Some("audit-log"));
        assert_eq!(bindings.find("orders.us.created").unwrap().0.kafka_partitions, Some(6));
        assert_eq!(bindings.find("other"), None);
    }
}
