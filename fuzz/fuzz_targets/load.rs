//! The loader on any bytes: YAML or JSON parsing, `$ref`s within the
//! document, and lowering into the model. It may report errors; it must
//! not panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loader = specwright_spec::Loader::new();
    let _ = loader.load_str("fuzz.yaml", text);
    let _ = loader.load_str("fuzz.json", text);
});
