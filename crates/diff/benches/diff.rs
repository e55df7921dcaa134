//! Diffing two GitHub Enterprise versions from the corpus, loading included:
//! what a CI job checking a pull request waits for.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};

fn pair(file: &str) -> PathBuf {
    std::env::var_os("SPECWRIGHT_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"), PathBuf::from)
        .join("openapi/pairs")
        .join(file)
}

fn diff(c: &mut Criterion) {
    let (old, new) = (pair("github.com__ghes-3.3.json"), pair("github.com__ghes-3.4.json"));
    let mut group = c.benchmark_group("ghes");
    group.sample_size(10);
    group.bench_function("load and diff", |b| {
        b.iter(|| {
            let old = specwright_spec::Loader::new().load_file(&old).expect("readable");
            let new = specwright_spec::Loader::new().load_file(&new).expect("readable");
            specwright_diff::diff(&old, &new)
        })
    });
    let (old, new) = (
        specwright_spec::Loader::new().load_file(&old).expect("readable"),
        specwright_spec::Loader::new().load_file(&new).expect("readable"),
    );
    group.bench_function("diff", |b| b.iter(|| specwright_diff::diff(&old, &new)));
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
