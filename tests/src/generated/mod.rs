//! The generated snapshot crates' types, by spec.

pub use order_flow_events::types as order_events;
pub use order_service_api::types as orders;
pub use petstore_api::types as petstore;
pub use smart_streetlights_api::types as streetlights_mqtt;
