//! Runs one phase once, for instruction counts under callgrind:
//! `valgrind --tool=callgrind target/release/examples/phases FILE plain|load`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: phases FILE plain|load");
    let text = std::fs::read_to_string(&path).expect("readable file");
    match args.next().as_deref() {
        Some("plain") => drop(serde_json::from_str::<serde_json::Value>(&text).expect("JSON")),
        Some("load") => drop(specwright_spec::Loader::new().load_str(&path, &text)),
        _ => panic!("usage: phases FILE plain|load"),
    }
}
