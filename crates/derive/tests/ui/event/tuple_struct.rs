use specwright_runtime::events::Event;

#[derive(serde::Serialize, serde::Deserialize, Event)]
#[event(channel = "orders.created")]
struct OrderCreated(String, u32);

fn main() {}
