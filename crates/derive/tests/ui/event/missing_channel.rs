use specwright_runtime::events::Event;

#[derive(serde::Serialize, serde::Deserialize, Event)]
#[event(name = "OrderCreated")]
struct OrderCreated {
    order_id: String,
}

fn main() {}
