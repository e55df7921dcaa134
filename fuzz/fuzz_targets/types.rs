//! The whole generator on what loads: types, operations, client and server
//! (or events), from any document the loader accepts without errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use specwright_codegen::CrateOptions;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = specwright_spec::Loader::new().load_str("fuzz.yaml", text);
    let Some(api) = loaded.api.as_ref().filter(|_| !loaded.has_errors()) else { return };
    let openapi = api.kind.is_openapi();
    let options = CrateOptions { client: openapi, server: openapi, events: !openapi, ..CrateOptions::default() };
    let _ = specwright_codegen::generate(api, &options);
});
