//! `$ref`s between files: the input is split at `\0` into up to four
//! documents, written as `0.yaml` .. `3.yaml` in a folder of this process's
//! own, and `0.yaml` is loaded, so references may name the others (and
//! themselves, in cycles, by absolute paths or through `..`).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() { "/dev/shm".into() } else { std::env::temp_dir() };
        let dir = base.join(format!("specwright-fuzz-refs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder for the documents");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    let mut parts = data.split(|b| *b == 0);
    for i in 0..4 {
        let part = parts.next().unwrap_or_default();
        std::fs::write(dir.join(format!("{i}.yaml")), part).expect("writable");
    }
    let loader = specwright_spec::Loader::new().max_files(64).max_total_bytes(1 << 20);
    let _ = loader.load_file(dir.join("0.yaml"));
});
