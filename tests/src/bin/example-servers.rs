//! Serves the generated petstore and order service servers, backed by the
//! in-memory implementations in this crate, on loopback: for probing them
//! with outside tools (`cargo xtask schemathesis` runs schemathesis against
//! them). Prints `petstore http://...` and `orders http://...`, then serves
//! until stopped.

use std::sync::Arc;

use specwright_tests::orders::Orders;
use specwright_tests::petstore::{Petstore, Store};

#[tokio::main]
async fn main() {
    let petstore = petstore_api::server::router(Petstore(Arc::new(Store::default())));
    let orders = order_service_api::server::router(Orders::default());
    for (name, router) in [("petstore", petstore), ("orders", orders)] {
        let url = specwright_tests::serve(router).await;
        println!("{name} {url}");
    }
    tokio::signal::ctrl_c().await.expect("waiting for Ctrl-C");
}
