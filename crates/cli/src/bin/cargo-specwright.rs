//! `cargo specwright ...`: cargo runs this as `cargo-specwright specwright
//! ...`, so the subcommand's own name is dropped before the arguments are read.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut args: Vec<_> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "specwright") {
        args.remove(1);
    }
    if let Some(program) = args.first_mut() {
        *program = "cargo specwright".into();
    }
    specwright_cli::run(args)
}
