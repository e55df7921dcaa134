//! `cargo run -p order-flow`: places a few orders through the generated
//! orders client and prints what each service does about them. In memory by
//! default; `--transport nats|kafka|amqp` (with the feature of that name)
//! runs the same services across a broker.

use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use order_flow::{Flow, Journal, TOKEN};
use order_service_api::client::{schemes, Client, Credential, Error};
use order_service_api::operations::{CreateOrderError, CreateOrderResponse};
use order_service_api::types::{CreateOrderRequest, Currency, OrderItem};
use specwright_runtime::events::{MemoryTransport, Transport};
use specwright_runtime::Nullable;

#[derive(Parser)]
#[command(about = "Six services wired by generated code, reacting to a few orders")]
struct Args {
    /// Where the events travel: memory (no broker), nats, kafka or amqp.
    #[arg(long, default_value = "memory")]
    transport: String,
    /// The broker's address (defaults: nats://127.0.0.1:4222, 127.0.0.1:9092,
    /// amqp://guest:guest@127.0.0.1:5672/%2f).
    #[arg(long)]
    url: Option<String>,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let transport = match connect(&args.transport, args.url.as_deref()).await {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(transport).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn connect(kind: &str, url: Option<&str>) -> Result<Arc<dyn Transport>, String> {
    let _ = url;
    match kind {
        "memory" => Ok(Arc::new(MemoryTransport::new())),
        #[cfg(feature = "nats")]
        "nats" => {
            use specwright_runtime::events::{NatsOptions, NatsTransport};
            let url = url.unwrap_or("nats://127.0.0.1:4222");
            Ok(Arc::new(NatsTransport::connect(url, NatsOptions::default()).await.map_err(|e| e.to_string())?))
        }
        #[cfg(feature = "kafka")]
        "kafka" => {
            use specwright_runtime::events::{KafkaOptions, KafkaTransport};
            let url = url.unwrap_or("127.0.0.1:9092");
            // The spec's bindings give each topic its partitions.
            let options = KafkaOptions { bindings: order_flow_events::events::bindings(), ..KafkaOptions::default() };
            Ok(Arc::new(KafkaTransport::connect(url, options).await.map_err(|e| e.to_string())?))
        }
        #[cfg(feature = "amqp")]
        "amqp" => {
            use specwright_runtime::events::{AmqpOptions, AmqpTransport};
            let url = url.unwrap_or("amqp://guest:guest@127.0.0.1:5672/%2f");
            let options = AmqpOptions { bindings: order_flow_events::events::bindings(), ..AmqpOptions::default() };
            Ok(Arc::new(AmqpTransport::connect(url, options).await.map_err(|e| e.to_string())?))
        }
        "nats" | "kafka" | "amqp" => Err(format!("this build has no {kind} transport; run with `--features {kind}`")),
        other => Err(format!("unknown transport `{other}`; it is memory, nats, kafka or amqp")),
    }
}

fn order(currency: Currency, items: &[(&str, i32)]) -> CreateOrderRequest {
    CreateOrderRequest {
        customer_id: uuid::Uuid::new_v4(),
        items: items.iter().map(|(sku, quantity)| OrderItem { sku: sku.to_string(), quantity: *quantity }).collect(),
        note: Nullable::Null,
        currency,
    }
}

async fn run(transport: Arc<dyn Transport>) -> Result<(), Box<dyn std::error::Error>> {
    let journal = Arc::new(Journal::printing());
    let flow = Flow::start(transport, journal.clone()).await?;
    let client =
        Client::builder().base_url(&flow.url).credential(schemes::OAUTH2, Credential::bearer(TOKEN)).build()?;
    let say = |text: String| journal.record("customer", text);

    say("POST /orders: 2 × MUG-BLUE-01 and 1 × TEE-M-BLK, in euros".into());
    let key = uuid::Uuid::new_v4();
    let first = order(Currency::Eur, &[("MUG-BLUE-01", 2), ("TEE-M-BLK", 1)]);
    let CreateOrderResponse::Created { body: placed, .. } =
        client.create_order(key, first.clone()).send().await?.into_body();
    say("POST /orders again with the same Idempotency-Key (a retry after a timeout)".into());
    let CreateOrderResponse::Created { body: again, .. } = client.create_order(key, first).send().await?.into_body();
    let same = if again.id == placed.id { "the same order, not a second one" } else { "A SECOND ORDER" };
    say(format!("got {same}"));

    say("POST /orders: 4 × MUG-BLUE-01, in dollars".into());
    client.create_order(uuid::Uuid::new_v4(), order(Currency::Usd, &[("MUG-BLUE-01", 4)])).send().await?;
    say("POST /orders: 50 × TEE-M-BLK".into());
    match client.create_order(uuid::Uuid::new_v4(), order(Currency::Eur, &[("TEE-M-BLK", 50)])).send().await {
        Err(Error::Api(response)) if matches!(response.body(), CreateOrderError::UnprocessableEntity(_)) => {
            say("refused with 422, as inventory is short".into())
        }
        other => say(format!("expected a refusal, got {other:?}")),
    }

    // Two orders, each seen by four services, one of them running a SKU low.
    let settled = |j: &Journal| j.count("analytics", "recorded") == 2 && j.count("notifications", "told") == 1;
    if !journal.wait_until(Duration::from_secs(30), settled).await {
        return Err("the services did not all react within 30 s".into());
    }
    flow.republish_last_event().await;
    // The redelivered event is recognized by its id and not handled again;
    // give it the time it would take to be handled, then count.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let handled = journal.count("analytics", "recorded");
    say(format!("analytics recorded {handled} orders after the redelivery (each event handled once)"));
    flow.stop().await;
    Ok(())
}
