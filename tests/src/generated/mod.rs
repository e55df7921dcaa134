#[path = "../../snapshots/order-events/src/types.rs"]
pub mod order_events;
#[path = "../../snapshots/orders/src/types.rs"]
pub mod orders;
#[path = "../../snapshots/petstore/src/types.rs"]
pub mod petstore;
#[path = "../../snapshots/streetlights-mqtt/src/types.rs"]
pub mod streetlights_mqtt;
