//! Two documents diffed both ways: the input is split at the first `\0`
//! into an old and a new version.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (old, new) = text.split_once('\0').unwrap_or((text, text));
    let loader = specwright_spec::Loader::new();
    let (old, new) = (loader.load_str("old.yaml", old), loader.load_str("new.yaml", new));
    let options = specwright_diff::Options { rust: true };
    let _ = specwright_diff::diff_with(&old, &new, options);
    let _ = specwright_diff::diff_with(&new, &old, options);
});
