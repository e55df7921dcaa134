//! The order service's client and server, generated from the spec each
//! build; cargo runs this again when the spec changes.

use specwright_build::Names;

fn main() -> Result<(), specwright_build::Error> {
    specwright_build::configure()
        .client(true)
        .server(true)
        // Money is ours: a decimal rather than the spec's decimal string.
        .replace_type("Money", "crate::money::Money")
        // Order items go in sets.
        .derive("OrderItem", ["Eq", "Hash"])
        // This service does not list orders.
        .exclude(Names::new().operations(["listOrders"]))
        .compile(&["../../specs/orders.yaml"])?;
    // The events the order flow sends and receives: a publisher and a handler trait.
    specwright_build::configure().compile(&["../../specs/order-events.yaml"])
}
