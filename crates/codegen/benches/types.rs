//! Generating code for the largest real specs (loading them is measured by
//! the spec crate's benchmark and is not counted here): the types module of
//! GitHub's, the whole client crate of GitHub's and Stripe's, and GitHub's
//! server crate.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use specwright_codegen::CrateOptions;

// The allocator the `specwright` binary uses, so the figures are the ones
// users see.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(file: &str) -> specwright_spec::ir::Api {
    let corpus = std::env::var_os("SPECWRIGHT_CORPUS")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"), PathBuf::from);
    let path = corpus.join("openapi").join(file);
    let loaded = specwright_spec::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    loaded.api.unwrap_or_else(|| panic!("{} loads", path.display()))
}

fn generate(c: &mut Criterion) {
    let client = CrateOptions { client: true, ..CrateOptions::default() };
    let server = CrateOptions { server: true, ..CrateOptions::default() };
    for (group, file) in [("github", "github.com__api.github.com.json"), ("stripe", "stripe.com.json")] {
        let api = load(file);
        let mut group = c.benchmark_group(group);
        group.sample_size(10);
        if file.starts_with("github") {
            group.bench_function("generate types", |b| b.iter(|| specwright_codegen::generate_types(&api)));
            group.bench_function("generate server", |b| b.iter(|| specwright_codegen::generate(&api, &server)));
        }
        group.bench_function("generate client", |b| b.iter(|| specwright_codegen::generate(&api, &client)));
        group.finish();
    }
}

criterion_group!(benches, generate);
criterion_main!(benches);
