//! Lowering, fed documents that parse: any JSON value the input is, set
//! as a component schema, as a path item and as an AsyncAPI channel of
//! otherwise valid documents, so that most inputs get past parsing into the
//! model's construction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let documents = [
        json!({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {"X": value.clone(), "Y": {"$ref": "#/components/schemas/X"}}}}),
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/x/{id}": value.clone()}}),
        json!({"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}, "definitions": {"X": value.clone()}}),
        json!({"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"}, "channels": {"c": value.clone()},
            "operations": {"o": {"action": "send", "channel": {"$ref": "#/channels/c"}}}}),
        json!({"asyncapi": "2.6.0", "info": {"title": "t", "version": "1"}, "channels": {"c": value}}),
    ];
    let loader = specwright_spec::Loader::new();
    for doc in documents {
        let _ = loader.load_str("fuzz.json", &doc.to_string());
    }
});
