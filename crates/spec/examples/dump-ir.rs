//! Prints the model of a spec as JSON: `cargo run -p specwright-spec --example dump-ir -- specs/orders.yaml`.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump-ir SPEC");
        return std::process::ExitCode::from(2);
    };
    let loaded = match specwright_spec::load_file(&path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    for d in &loaded.diagnostics {
        eprintln!("{}: {d}", d.place(&loaded.sources));
    }
    println!("{}", serde_json::to_string_pretty(&loaded.api).expect("the model serializes"));
    std::process::ExitCode::SUCCESS
}
