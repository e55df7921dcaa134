//! The generated types behave as the contract says: absent, `null` and a
//! value stay apart; enums and unions keep values they don't know; tagged
//! unions pick their variant by the discriminator.

use serde_json::{json, Value};
use specwright_runtime::Nullable;
use specwright_tests::generated::{order_events, orders, petstore};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(value: Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: {value}"));
    assert_eq!(serde_json::to_value(&typed).unwrap(), value);
    typed
}

#[test]
fn optional_and_nullable_stay_apart() {
    let base = json!({
        "customer_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "items": [{"sku": "ABC-1", "quantity": 2}],
        "currency": "EUR"
    });
    let absent: orders::CreateOrderRequest = round_trip(base.clone());
    assert!(absent.note.is_absent());
    let mut with_null = base.clone();
    with_null["note"] = Value::Null;
    let null: orders::CreateOrderRequest = round_trip(with_null);
    assert!(null.note.is_null());
    let mut with_value = base;
    with_value["note"] = json!("leave at the door");
    let value: orders::CreateOrderRequest = round_trip(with_value);
    assert_eq!(value.note, Nullable::Value("leave at the door".to_string()));
}

#[test]
fn string_enums_keep_unknown_values() {
    let known: orders::Currency = round_trip(json!("GBP"));
    assert_eq!(known, orders::Currency::Gbp);
    let unknown: orders::Currency = round_trip(json!("CHF"));
    assert_eq!(unknown, orders::Currency::Other("CHF".into()));
    assert_eq!(unknown.to_string(), "CHF");
}

#[test]
fn tagged_unions_choose_by_discriminator() {
    let cat: petstore::Pet = round_trip(json!({"petType": "cat", "name": "Tom", "huntingSkill": "adventurous"}));
    match &cat {
        petstore::Pet::Cat(c) => assert_eq!(c.name, "Tom"),
        other => panic!("{other:?}"),
    }
    let dog: petstore::Pet = round_trip(json!({"petType": "dog", "name": "Rex", "packSize": 3}));
    assert!(matches!(dog, petstore::Pet::Dog(_)));
    let parrot: petstore::Pet = round_trip(json!({"petType": "parrot", "name": "Polly"}));
    assert!(matches!(parrot, petstore::Pet::Other(_)));
    // A known tag with a body that doesn't fit is an error, not a silent fallback.
    assert!(serde_json::from_value::<petstore::Pet>(json!({"petType": "cat"})).is_err());
}

#[test]
fn formats_have_real_types() {
    let event: order_events::OrderCreatedPayload = serde_json::from_value(json!({
        "event_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        "order_id": "6fa459ea-ee8a-3ca4-894e-db77e160355e",
        "customer_id": "7d444840-9dc0-11d1-b245-5ffdce74fad2",
        "region": "eu",
        "occurred_at": "2026-11-27T10:00:00Z",
        "items": [{"sku": "ABC-1", "quantity": 1, "unit_price": {"amount": "9.90", "currency": "EUR"}}],
        "total": {"amount": "9.90", "currency": "EUR"}
    }))
    .unwrap();
    assert_eq!(event.occurred_at.timestamp(), 1_795_773_600);
    assert_eq!(event.event_id.get_version_num(), 1);
}

#[test]
fn untagged_objects_go_to_the_variant_that_declares_their_keys() {
    use object_storage_api::types::LifecycleRule;
    // Both variants have only optional properties, so each would accept
    // either object; the one that declares every key is chosen.
    let transition: LifecycleRule = round_trip(json!({"days": 30, "storage_class": "cold"}));
    assert!(matches!(transition, LifecycleRule::Transition(_)), "{transition:?}");
    let expire: LifecycleRule = round_trip(json!({"days": 30, "noncurrent_days": 7}));
    assert!(matches!(expire, LifecycleRule::Expire(_)), "{expire:?}");
    let first: LifecycleRule = round_trip(json!({"days": 30}));
    assert!(matches!(first, LifecycleRule::Expire(_)), "{first:?}");
}
