use specwright_runtime::events::Event;

#[derive(serde::Serialize, serde::Deserialize, Event)]
#[event(channel = "orders.created", topic = "orders")]
struct OrderCreated {
    order_id: String,
}

fn main() {}
