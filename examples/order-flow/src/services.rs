//! The five services that react to events, each behind the one generated
//! `Handler` trait (the document describes them all): inventory, invoicing,
//! shipping, analytics and notifications, plus the orders service's own
//! reaction to a failed payment.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use order_flow_events::events::{
    CheckStockReply, CheckStockRequest, Context, Handler, HandlerError, InventoryLow, OrderCreated,
    OrderCreatedParameters, PaymentFailed, Publisher,
};
use order_flow_events::types::*;
use specwright_runtime::Nullable;

use crate::Journal;

/// Every SKU starts with this many in stock.
pub const STOCK: i32 = 10;
/// Below this, inventory reports the SKU as running low.
pub const REORDER_THRESHOLD: i32 = 5;

pub struct Services {
    journal: Arc<Journal>,
    publisher: Publisher,
    stock: Mutex<HashMap<String, i32>>,
}

impl Services {
    pub fn new(journal: Arc<Journal>, publisher: Publisher) -> Services {
        Services { journal, publisher, stock: Mutex::default() }
    }

    fn available(&self, sku: &str) -> i32 {
        *self.stock.lock().unwrap_or_else(|e| e.into_inner()).get(sku).unwrap_or(&STOCK)
    }
}

impl Handler for Services {
    async fn inventory_on_order_created(
        &self,
        _: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &Context,
    ) -> Result<(), HandlerError> {
        let order = event.0;
        let mut low = Vec::new();
        {
            let mut stock = self.stock.lock().unwrap_or_else(|e| e.into_inner());
            for item in &order.items {
                let left = stock.entry(item.sku.clone()).or_insert(STOCK);
                let before = *left;
                *left -= item.quantity;
                self.journal.record("inventory", format!("reserved {} × {} ({} left)", item.quantity, item.sku, *left));
                if before >= REORDER_THRESHOLD && *left < REORDER_THRESHOLD {
                    low.push((item.sku.clone(), *left));
                }
            }
        }
        // The follow-up carries the order's correlation id and trace, as the spec's headers say.
        let headers = OrderCreated::headers(cx.message()).map_err(HandlerError::poison)?;
        for (sku, left) in low {
            let event = InventoryLow(InventoryLowPayload {
                event_id: uuid::Uuid::new_v4(),
                order_id: Nullable::Value(order.order_id),
                occurred_at: chrono::Utc::now().fixed_offset(),
                sku: sku.clone(),
                warehouse_id: "WH-1".into(),
                available_quantity: left,
                reorder_threshold: REORDER_THRESHOLD,
            });
            self.publisher.publish_inventory_low(&event, &headers).await.map_err(HandlerError::retry)?;
            self.journal.record("inventory", format!("reported {sku} running low"));
        }
        Ok(())
    }

    async fn invoicing_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        _: &Context,
    ) -> Result<(), HandlerError> {
        let total = &event.0.total;
        let order = short(event.0.order_id);
        let region = &parameters.region;
        self.journal.record(
            "invoicing",
            format!("drafted invoice for order {order}: {} {} ({region})", total.amount, total.currency),
        );
        Ok(())
    }

    async fn shipping_on_order_created(
        &self,
        parameters: &OrderCreatedParameters,
        event: OrderCreated,
        _: &Context,
    ) -> Result<(), HandlerError> {
        let carrier = match parameters.region {
            OrderCreatedRegion::Eu => "DHL",
            OrderCreatedRegion::Us => "UPS",
            _ => "SF Express",
        };
        let parcels: i32 = event.0.items.iter().map(|i| i.quantity).sum();
        self.journal.record(
            "shipping",
            format!("planned shipment of order {} with {carrier} ({parcels} items)", short(event.0.order_id)),
        );
        Ok(())
    }

    async fn analytics_on_order_created(
        &self,
        _: &OrderCreatedParameters,
        event: OrderCreated,
        cx: &Context,
    ) -> Result<(), HandlerError> {
        let order = short(event.0.order_id);
        self.journal.record("analytics", format!("recorded order {order} from {}", cx.channel()));
        Ok(())
    }

    async fn notifications_on_inventory_low(&self, event: InventoryLow, _: &Context) -> Result<(), HandlerError> {
        let low = event.0;
        self.journal.record(
            "notifications",
            format!(
                "told purchasing: {} is low in {} ({} left, threshold {})",
                low.sku, low.warehouse_id, low.available_quantity, low.reorder_threshold
            ),
        );
        Ok(())
    }

    async fn orders_on_payment_failed(&self, event: PaymentFailed, _: &Context) -> Result<(), HandlerError> {
        self.journal.record("orders", format!("put order {} on hold: payment failed", short(event.0.order_id)));
        Ok(())
    }

    async fn answer_stock_check(&self, event: CheckStockRequest, _: &Context) -> Result<CheckStockReply, HandlerError> {
        let items: Vec<CheckStockReplyPayloadItemsItem> = event
            .0
            .items
            .iter()
            .map(|i| {
                let available = self.available(&i.sku);
                CheckStockReplyPayloadItemsItem {
                    sku: i.sku.clone(),
                    requested: i.quantity,
                    available,
                    in_stock: i.quantity <= available,
                }
            })
            .collect();
        let short_of = items.iter().filter(|i| !i.in_stock).count();
        let skus = if items.len() == 1 { "1 SKU".to_string() } else { format!("{} SKUs", items.len()) };
        self.journal.record("inventory", format!("answered a stock check of {skus} ({short_of} short)"));
        Ok(CheckStockReply(CheckStockReplyPayload { checked_at: chrono::Utc::now().fixed_offset(), items }))
    }
}

/// The first block of an id, enough to tell orders apart in the output.
pub fn short(id: uuid::Uuid) -> String {
    id.simple().to_string()[..8].to_string()
}
