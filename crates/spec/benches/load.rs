//! Loading and lowering the largest real spec, against parsing the same bytes
//! into `serde_json::Value`, the floor any loader has to pay.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus(file: &str) -> PathBuf {
    std::env::var_os("SPECWRIGHT_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"), PathBuf::from)
        .join("openapi")
        .join(file)
}

fn load(c: &mut Criterion) {
    let path = corpus("github.com__api.github.com.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.display().to_string();
    let mut group = c.benchmark_group("github");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON"))
    });
    group.bench_function("load and lower", |b| {
        b.iter(|| {
            let loaded = specwright_spec::Loader::new().load_str(&name, &text);
            assert!(loaded.api.is_some());
            loaded
        })
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
