//! Prints the AsyncAPI document of the order flow's events, built from their
//! Rust types: `specwright export --bin order-flow-asyncapi` runs it.

fn main() {
    println!("{}", order_flow::asyncapi().to_json());
}
