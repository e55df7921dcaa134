//! Generating the types module for the largest real spec (loading it is
//! measured by the spec crate's benchmark and is not counted here).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};

fn types(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/openapi/github.com__api.github.com.json");
    let loaded = specwright_spec::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let api = loaded.api.expect("the GitHub spec loads");
    let mut group = c.benchmark_group("github");
    group.sample_size(10);
    group.bench_function("generate types", |b| b.iter(|| specwright_codegen::types::generate(&api)));
    group.finish();
}

criterion_group!(benches, types);
criterion_main!(benches);
